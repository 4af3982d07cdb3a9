"""``framing.compare``: a citing article against its source, as a :class:`Comparison`.

Steps: split both articles into sentences; find the citing article's
attributions and which credit the source outlet; align sentences
(:mod:`framing.comparison.align`); diff the words of each aligned group
(:mod:`framing.comparison.edits`) and judge each replacement
(:mod:`framing.comparison.substitutions`); check what is credited to the
source or to the people it quotes (:mod:`framing.comparison.fidelity`).

Examples
--------
>>> import framing
>>> result = framing.compare(
...     framing.load_article(text="Officials said the troops were withdrawn. Prices rose.",
...                          outlet="Reuters"),
...     framing.load_article(text="The troops were deported, Reuters said."))
>>> result.substitutions[["source_phrase", "citing_phrase", "direction"]].values.tolist()
[['withdrawn', 'deported', 'neutral_to_loaded']]
>>> result.alignment["relation"].tolist()
['reworded', 'omitted']
"""

from __future__ import annotations

import os
import re

import numpy as np
import pandas as pd

from ..article import Article
from ..errors import LoadError
from ..loaders import load_article
from ..loaders.sniff import EXTENSIONS
from ..outlets import OutletRegistry
from ..text.sentences import sentence_spans
from .align import MATCH_THRESHOLD, align_sentences, similarity_matrices
from .connotation import loadedness_scorer, scoring_loadedness
from .credits import frames_by_sentence, is_source_outlet, outlet_label, outlet_names
from .edits import (
    ADDITION_COLUMNS,
    OMISSION_COLUMNS,
    diff_words,
    edit_row,
    has_span_within,
    is_function_word,
    kind_of_addition,
    kind_of_omission,
    loaded_spans,
    quotation_spans,
    words_of,
)
from .fidelity import CONTENT_KINDS, check_fidelity
from .frames import frame_changes
from .headline import compare_headlines
from .paraphrase import paraphrase_support, shared_evidence
from .result import Comparison
from .substitutions import (
    RELEVANCE_THRESHOLD,
    SUBSTITUTION_COLUMNS,
    judge_edits,
    scare_quote_rows,
)
from .summary import sided_terms, summary_table

__all__ = ["compare"]

_PATHLIKE = re.compile(r"^[^\s]*[/\\][^\s]*$")


def _looks_like_path(text: str) -> bool:
    """One line that ends with an article file extension, or a path with no spaces."""
    if "\n" in text or len(text) > 4096:
        return False
    stripped = text.strip()
    name = stripped.casefold().removesuffix(".gz")
    if any(name.endswith(ext) for ext in EXTENSIONS) and len(stripped.split()) <= 3:
        return True
    return bool(_PATHLIKE.match(stripped))


def as_article(value: object, role: str) -> Article:
    """An :class:`Article` from an article, a table row, a path or text.

    A string that looks like a path (one line ending with an article file
    extension, or a path with no spaces) must name an existing file.

    Examples
    --------
    >>> as_article("No such file here.", "source").text
    'No such file here.'
    >>> as_article("typo.txt", "source")
    Traceback (most recent call last):
    ...
    framing.errors.LoadError: typo.txt: source: no such file. Fix: check the path, or pass \
the text itself with framing.load_article(text=...).
    """
    if isinstance(value, Article):
        return value
    if isinstance(value, (pd.Series, dict)):
        return Article.from_row(dict(value))
    if isinstance(value, pd.DataFrame):
        if len(value) != 1:
            raise ValueError(f"{role}: expected one article, got a table of {len(value)} rows.")
        return Article.from_row(value.iloc[0].to_dict())
    if isinstance(value, (str, os.PathLike)):
        text = os.fspath(value)
        if "\n" not in text and len(text) < 4096 and os.path.exists(text):
            return load_article(text)
        if isinstance(value, os.PathLike) or _looks_like_path(text):
            raise LoadError(
                text.strip(),
                f"{role}: no such file",
                fix="check the path, or pass the text itself with framing.load_article(text=...)",
            )
        return load_article(text=text)
    raise TypeError(
        f"{role}: cannot compare a {type(value).__name__}; pass an Article, a row of "
        "the article table, a path or text."
    )


_LABEL = re.compile(r"\s*([A-Z][^\W\d_]*(?:[ ,'’][^\W\d_]+){0,3}):\s+(?=[A-Z“\"‘'])")


def section_label(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A section label opening a sentence ("Why it matters: ", "Behind the scenes: "), as a
    range to leave out of the comparison; a speaker's colon ("He said: ...") is not one.

    Examples
    --------
    >>> text = "Behind the scenes: Talks went on. He said: No."
    >>> section_label(text, 0, 33), section_label(text, 34, len(text))
    ([(0, 19)], [])
    """
    from ..features.cues import CueLexicon

    match = _LABEL.match(text, start, end)
    if not match:
        return []
    words = [w.casefold() for w in re.findall(r"[^\W\d_]+", match.group(1))]
    cues = CueLexicon.default()
    if any(cues.match_at(words, i) for i in range(len(words))):
        return []
    return [(match.start(), match.end())]


def _groups(alignment: pd.DataFrame) -> list[tuple[list[int], list[int]]]:
    """Connected groups of linked sentences (merges and splits compared as one)."""
    links = alignment.dropna(subset=["source_index", "citing_index"])
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(node: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    for i, j in zip(links["source_index"], links["citing_index"], strict=True):
        parent[find(("s", int(i)))] = find(("c", int(j)))
    members: dict[tuple[str, int], tuple[list[int], list[int]]] = {}
    for node in list(parent):
        root = find(node)
        bucket = members.setdefault(root, ([], []))
        (bucket[0] if node[0] == "s" else bucket[1]).append(node[1])
    return sorted((sorted(s), sorted(c)) for s, c in members.values())


def _covered(row: dict, frames: list[dict]) -> bool:
    """Is a word-level replacement inside an attribution frame reported as one?"""
    return any(
        row["citing_start"] < f["citing_end"]
        and row["citing_end"] > f["citing_start"]
        and row["source_start"] < f["source_end"]
        and row["source_end"] > f["source_start"]
        for f in frames
    )


# Kinds of substitution reported once per pair of phrases: a synonym repeated through
# the article is one choice (a repeated scare quote or naming change is each time one).
REPEATS_ONCE = frozenset({"intensity", "reworded"})


def _content_stems(phrase: str) -> frozenset[str]:
    return frozenset(w.stem for w in words_of(phrase, 0, len(phrase)) if not is_function_word(w))


def _one_per_citing_span(rows: list[dict]) -> tuple[list[dict], list[dict]]:
    """One substitution of a kind per citing span: of rows of one kind whose citing
    phrases overlap (the same words paired with two source phrases), the most relevant
    stays; the others are rewordings, and so are repeats of a tone swap
    (:data:`REPEATS_ONCE`)."""
    kept: list[dict] = []
    doubles: list[dict] = []
    swaps: set[tuple[frozenset[str], frozenset[str]]] = set()
    for row in sorted(rows, key=lambda r: (-r["relevance"], r["citing_start"])):
        swap = (_content_stems(row["source_phrase"]), _content_stems(row["citing_phrase"]))
        if row["kind"] in REPEATS_ONCE and swap in swaps:
            doubles.append(row)  # the same tone swap again ("deal" -> "agreement")
            continue
        swaps.add(swap)
        if any(
            row["kind"] == k["kind"]
            and row["citing_start"] < k["citing_end"]
            and k["citing_start"] < row["citing_end"]
            for k in kept
        ):
            doubles.append(row)
        else:
            kept.append(row)
    order = sorted(kept, key=lambda r: (r["citing_start"], r["source_start"], r["citing_end"]))
    return order, doubles


def _credited_ranges(attributions: pd.DataFrame) -> list[tuple[int, int]]:
    rows = attributions.dropna(subset=["source_start", "source_end"])
    return [(int(a), int(b)) for a, b in zip(rows["source_start"], rows["source_end"], strict=True)]


def compare(
    source: object,
    citing: object,
    lexicons: object = None,
    *,
    registry: OutletRegistry | None = None,
    match_threshold: float = MATCH_THRESHOLD,
    relevance_threshold: float = RELEVANCE_THRESHOLD,
    loadedness: object = None,
) -> Comparison:
    """Align a citing article with its source and measure what changed.

    Parameters
    ----------
    source, citing : Article, article-table row, path or text
        The source article and the article that cites it.
    lexicons : None, str, path, Lexicon or list of them
        Lexicons that judge loadedness (default: ``conflict_geopolitics`` and
        ``loaded_general``).
    registry : OutletRegistry, optional
        Outlet registry (default: the shipped one).
    match_threshold : float
        Minimum sentence similarity of an alignment link (default calibrated
        on the calibration teaching pairs; see ``benchmarks/eval_compare.py``).
    relevance_threshold : float
        Replacements from this relevance on are ``substitutions``, the others
        ``rewordings`` (default calibrated on the real development pairs).
    loadedness : None, "learned" or callable
        A per-phrase loadedness score (phrases -> scores in 0-1) to use next
        to the lexicons: ``"learned"`` for
        :func:`framing.features.loadedness.score`; default ``None`` (the
        lexicons alone, which rank the real development pairs better; see
        :mod:`framing.comparison.connotation`).

    Returns
    -------
    Comparison
    """
    scorer = loadedness_scorer(loadedness)
    with scoring_loadedness(scorer):
        return _compare(source, citing, lexicons, registry, match_threshold, relevance_threshold)


_EXTRACTORS: dict[int, tuple[OutletRegistry, object]] = {}


def _extractor(registry: OutletRegistry) -> object:
    """A fitted attribution extractor for ``registry``, built once per registry object.

    Fitting compiles the cue lexicon and loads the span model; a batch of
    comparisons (citation matching compares thousands of pairs) pays it once.
    The registry itself is kept beside its extractor so its id stays its own.
    """
    from ..features.attributions import AttributionExtractor

    cached = _EXTRACTORS.get(id(registry))
    if cached is None or cached[0] is not registry:
        if len(_EXTRACTORS) > 8:  # user registries: keep the cache small
            _EXTRACTORS.clear()
        cached = (registry, AttributionExtractor(registry=registry).fit())
        _EXTRACTORS[id(registry)] = cached
    return cached[1]


def _compare(
    source: object,
    citing: object,
    lexicons: object,
    registry: OutletRegistry | None,
    match_threshold: float,
    relevance_threshold: float,
) -> Comparison:
    registry = registry or OutletRegistry.default()
    source_article, citing_article = as_article(source, "source"), as_article(citing, "citing")
    s_text, c_text = source_article.text, citing_article.text
    s_sents = [(s, e, s_text[s:e]) for s, e, _ in sentence_spans(s_text)]
    c_sents = [(s, e, c_text[s:e]) for s, e, _ in sentence_spans(c_text)]
    extractor = _extractor(registry)
    attributions = extractor.extract(citing_article)
    source_attributions = extractor.extract(source_article)
    to_source = is_source_outlet(attributions, outlet_names(source_article, registry), registry)
    attributions = attributions.assign(_to_source=to_source)

    # Compare sentences without their attribution frames, and keep the better score.
    frames = frames_by_sentence(attributions)
    s_quotes, c_quotes = quotation_spans(s_text), quotation_spans(c_text)
    s_words = [
        words_of(s_text, start, end, section_label(s_text, start, end), quotes=s_quotes)
        for start, end, _ in s_sents
    ]
    c_words = [
        words_of(
            c_text,
            start,
            end,
            [*frames.get(n, []), *section_label(c_text, start, end)],
            quotes=c_quotes,
        )
        for n, (start, end, _) in enumerate(c_sents)
    ]
    s_texts, c_texts = [t for _, _, t in s_sents], [t for _, _, t in c_sents]
    c_stripped = [" ".join(w.text for w in words) for words in c_words]
    whole, stripped = similarity_matrices([(s_texts, c_texts), (s_texts, c_stripped)])
    similarity = np.maximum(whole, stripped)
    support = paraphrase_support(similarity, shared_evidence(s_words, c_words), match_threshold)
    alignment = align_sentences(s_texts, c_texts, similarity=support, threshold=match_threshold)
    linked = alignment["source_index"].notna() & alignment["citing_index"].notna()
    alignment.loc[linked, "similarity"] = [
        float(similarity[int(i), int(j)])
        for i, j in zip(
            alignment.loc[linked, "source_index"],
            alignment.loc[linked, "citing_index"],
            strict=True,
        )
    ]
    for column, sents, index in (
        ("source", s_sents, "source_index"),
        ("citing", c_sents, "citing_index"),
    ):
        alignment[f"{column}_start"] = pd.array(
            [sents[int(i)][0] if pd.notna(i) else pd.NA for i in alignment[index]], dtype="Int64"
        )
        alignment[f"{column}_end"] = pd.array(
            [sents[int(i)][1] if pd.notna(i) else pd.NA for i in alignment[index]], dtype="Int64"
        )

    # lexicons=None: the default matcher, compiled once per process
    s_spans, c_spans = loaded_spans(s_text, lexicons), loaded_spans(c_text, lexicons)
    s_credited = _credited_ranges(source_attributions)
    c_credited = _credited_ranges(attributions)
    found: dict[str, list[dict]] = {
        "substitutions": [],
        "rewordings": [],
        "omissions": [],
        "additions": [],
    }
    groups = _groups(alignment)
    for s_group, c_group in groups:
        group_s = [w for i in s_group for w in s_words[i]]
        group_c = [w for j in c_group for w in c_words[j]]
        tables = judge_edits(
            diff_words(group_s, group_c, s_text, c_text),
            s_text,
            c_text,
            group_s,
            group_c,
            s_spans,
            c_spans,
            s_group[0],
            c_group[0],
            s_credited,
            c_credited,
            relevance_threshold,
            s_quotes,
            c_quotes,
            max(
                (float(similarity[i, j]) for i in s_group for j in c_group),
                default=0.0,
            ),
        )
        for name, rows in zip(found, tables, strict=True):
            found[name] += rows
        found["substitutions"] += scare_quote_rows(
            group_s,
            group_c,
            s_text,
            c_text,
            s_group[0],
            c_group[0],
            tables[0],
            relevance_threshold,
        )
    aligned = {j: s_group for s_group, c_group in groups for j in c_group}
    framed, unframed = frame_changes(
        s_text, c_text, source_attributions, attributions, to_source, aligned, relevance_threshold
    )
    for name in ("substitutions", "rewordings"):
        found[name] = sorted(
            [r for r in found[name] if not _covered(r, framed + unframed)]
            + (framed if name == "substitutions" else unframed),
            key=lambda r: (r["citing_start"], r["source_start"]),
        )
    kept, doubles = _one_per_citing_span(found["substitutions"])
    found["substitutions"] = kept
    found["rewordings"] = sorted(
        found["rewordings"] + doubles, key=lambda r: (r["citing_start"], r["source_start"])
    )
    for row in alignment.itertuples(index=False):
        if row.relation == "omitted":
            loaded = has_span_within(s_spans, row.source_start, row.source_end)
            found["omissions"].append(
                edit_row(
                    "sentence",
                    row.source_index,
                    None,
                    s_text,
                    row.source_start,
                    row.source_end,
                    kind_of_omission(s_words[row.source_index], loaded),
                    loaded,
                )
            )
        elif row.relation == "added":
            loaded = has_span_within(c_spans, row.citing_start, row.citing_end)
            found["additions"].append(
                edit_row(
                    "sentence",
                    None,
                    row.citing_index,
                    c_text,
                    row.citing_start,
                    row.citing_end,
                    kind_of_addition(c_words[row.citing_index], loaded),
                    loaded,
                )
            )

    fidelity = check_fidelity(
        c_text,
        attributions,
        s_text,
        s_sents,
        to_source,
        support_threshold=match_threshold,
        aligned=aligned,
        changes=[
            (r["citing_start"], r["citing_end"])
            for r in found["substitutions"]
            if r["kind"] in CONTENT_KINDS
        ],
        citing_sentences=c_sents,
        implicit=outlet_label(source_article, registry),
    )
    tables = {
        "substitutions": pd.DataFrame(found["substitutions"], columns=list(SUBSTITUTION_COLUMNS)),
        "rewordings": pd.DataFrame(found["rewordings"], columns=list(SUBSTITUTION_COLUMNS)),
        "omissions": pd.DataFrame(found["omissions"], columns=list(OMISSION_COLUMNS)),
        "additions": pd.DataFrame(found["additions"], columns=list(ADDITION_COLUMNS)),
    }
    for name in ("omissions", "additions"):
        frame = tables[name]
        frame["source_index"] = frame["source_index"].astype("Int64")
        frame["citing_index"] = frame["citing_index"].astype("Int64")
        tables[name] = frame.sort_values(["start"], kind="stable").reset_index(drop=True)
    summary = summary_table(
        source_article,
        citing_article,
        alignment,
        tables,
        fidelity,
        attributions,
        to_source,
        s_spans,
        c_spans,
    )
    return Comparison(
        source_article,
        citing_article,
        alignment,
        tables["substitutions"],
        tables["additions"],
        tables["omissions"],
        fidelity,
        summary,
        loaded_terms=sided_terms(s_spans, c_spans, attributions),
        attributions=attributions.drop(columns="_to_source").assign(to_source_outlet=to_source),
        rewordings=tables["rewordings"],
        headline=compare_headlines(source_article.title, citing_article.title, relevance_threshold),
    )
