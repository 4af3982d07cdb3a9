"""Loaded-term matching: lexicon terms found in articles, as spans with offsets.

The matcher compiles a lexicon once into an Aho-Corasick automaton
(pyahocorasick) of every surface form (inflections, spellings, hyphen and
apostrophe variants), each keyed with one of the characters that can precede
a word, so a single C-level scan over the lower-cased corpus finds word-start
matches only; a one-character check per hit confirms the word end. A corpus
is scanned as one string, and the hits become a span table with numpy, not
per-article Python loops. Nested matches give way to the longest ("Takfiri
terrorists" over "terrorists").

Misspellings (one edit away from a lexicon word of six or more letters,
sharing its first five letters or about half of a long word, and not an
English word themselves, so "boosted" never matches "boasted") are matched
as ``fuzzy``: "Takfirir terrorists" is found as "Takfiri terrorists".

Examples
--------
>>> matcher = LoadedTermMatcher()
>>> spans = matcher.find_in_text("Iran helped fight Takfirir terrorists after the assassination.")
>>> spans[["start", "end", "text", "term", "fuzzy"]]
   start  end                 text                term  fuzzy
0     18   37  Takfirir terrorists  Takfiri terrorists   True
1     48   61        assassination       assassination  False
>>> spans[["category", "neutral"]].values.tolist()
[['delegitimising_label', 'fighters'], ['violence', 'killing']]
"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..errors import invalid_parameter
from .lexicon import resolve_lexicons
from .lexicon_automaton import (
    FUZZY_MIN_LENGTH,
    FUZZY_PREFIX,
    compile_lexicon,
    fuzzy_prefix_length,
    within_one_edit,
)
from .span_rules import (
    ALWAYS_DROP,
    CONFIRM,
    NO_CHECK,
    RULES,
    contradicted_by_word_before,
    in_proper_name,
)
from .vocabulary import is_known_word
from .voice import assign_sentences, mark_voice

__all__ = ["LOADED_TERM_COLUMNS", "LoadedTermMatcher", "iter_texts"]

LOADED_TERM_COLUMNS: tuple[str, ...] = (
    "article_id",
    "sentence",
    "start",
    "end",
    "text",
    "term",
    "lexicon",
    "category",
    "valence",
    "neutral",
    "fuzzy",
    "voice",
)

_TOKEN = re.compile(r"[^\W\d_]+")
_SEPARATOR = "\n"


_ASCII_ALNUM = np.array([chr(c).isalnum() for c in range(128)], dtype=bool)


def _alnum_at(text: str, positions: np.ndarray) -> np.ndarray:
    """Whether ``text[p].isalnum()`` for each position (False past the end)."""
    inside = positions < len(text)
    result = np.zeros(len(positions), dtype=bool)
    where = positions[inside].tolist()
    if not where:
        return result
    picked = operator.itemgetter(*where)(text)
    chars = "".join(picked) if len(where) > 1 else picked
    codes = np.frombuffer(chars.encode("utf-32-le"), dtype=np.uint32)
    values = _ASCII_ALNUM[np.minimum(codes, 127)]
    for k in np.flatnonzero(codes >= 128).tolist():
        values[k] = chars[k].isalnum()
    result[inside] = values
    return result


def _lower_same_length(text: str) -> str:
    """``text.lower()``, keeping the few characters whose lower case is longer ("İ")."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def iter_texts(articles: object) -> tuple[list[str], list[str]]:
    """``(article_ids, texts)`` from a table, Articles, or plain strings."""
    if isinstance(articles, str):
        raise TypeError(
            "pass a list of texts or articles, not a bare str; for one text use "
            "LoadedTermMatcher.find_in_text(text)."
        )
    if isinstance(articles, pd.DataFrame):
        if "text" not in articles.columns:
            raise ValueError("articles has no 'text' column; pass the table from framing.load().")
        ids = (
            articles["article_id"].astype(str).tolist()
            if "article_id" in articles.columns
            else [str(i) for i in range(len(articles))]
        )
        return ids, articles["text"].fillna("").astype(str).tolist()
    if hasattr(articles, "article_id") and hasattr(articles, "text"):
        return [articles.article_id], [articles.text]  # one Article
    ids, texts = [], []
    for number, item in enumerate(articles):  # type: ignore[union-attr]
        if isinstance(item, str):
            ids.append(str(number))
            texts.append(item)
        elif hasattr(item, "article_id") and hasattr(item, "text"):
            ids.append(item.article_id)
            texts.append(item.text)
        else:
            raise TypeError(f"cannot read an article from {type(item).__name__}.")
    return ids, texts


def _drop_nested(
    starts: np.ndarray, ends: np.ndarray, *columns: np.ndarray
) -> tuple[np.ndarray, ...]:
    """Keep the longest of nested spans ("Takfiri terrorists" over "terrorists").

    Spans are sorted by start, longest first; a span is dropped when an
    earlier, different span ends at or after its end. Identical spans (one
    form in several lexicon entries) stand or fall together; crossing spans
    are both kept.
    """
    order = np.lexsort((-ends, starts))
    starts, ends = starts[order], ends[order]
    columns = tuple(c[order] for c in columns)
    first = np.ones(len(starts), dtype=bool)
    first[1:] = (starts[1:] != starts[:-1]) | (ends[1:] != ends[:-1])
    unique_ends = ends[first]
    earlier_max = np.concatenate([[-1], np.maximum.accumulate(unique_ends)[:-1]])
    keep = (earlier_max < unique_ends)[np.cumsum(first) - 1]
    return (starts[keep], ends[keep], *(c[keep] for c in columns))


class LoadedTermMatcher:
    """Find lexicon terms in articles, as spans with character offsets.

    Parameters
    ----------
    lexicons : None, str, path, Lexicon or list of them
        Lexicons to match (default: ``DEFAULT_LEXICONS``,
        conflict_geopolitics and loaded_general). Names of
        built-in lexicons, CSV paths and :class:`Lexicon` objects mix freely.
    inflect : bool, default True
        Also match the inflections of each word's lemma (deport, deports,
        deporting, deported; not deportation, another lemma).
    fuzzy : bool, default True
        Also match misspellings one edit away of rare lexicon words (marked
        ``fuzzy``).
    rules : sequence of str, optional
        Context rules dropping matches that are another word (default: all
        of ``framing.features.span_rules.RULES``: ``"names"``, matches inside
        proper names; ``"part_of_speech"``, "the claims" for the verb entry
        "claimed"). Pass ``()`` to count every surface form.

    Attributes
    ----------
    lexicon_ : Lexicon
        The combined lexicon.
    n_forms_ : int
        Surface forms compiled into the automaton.

    See Also
    --------
    LoadedTermVectorizer : counts per article for scikit-learn pipelines.
    framing.analyze : loaded terms together with attributions and voice.
    """

    def __init__(
        self,
        lexicons: object = None,
        *,
        inflect: bool = True,
        fuzzy: bool = True,
        rules: Sequence[str] | None = None,
    ) -> None:
        self.lexicons = lexicons
        self.inflect = inflect
        self.fuzzy = fuzzy
        self.rules = tuple(RULES if rules is None else rules)
        unknown = [r for r in self.rules if r not in RULES]
        if unknown:
            raise invalid_parameter("rules", unknown[0], RULES)
        self.lexicon_ = resolve_lexicons(lexicons)
        self._compiled = compile_lexicon(self.lexicon_, inflect, fuzzy)
        self.n_forms_ = len(self._compiled.forms)

    # -- scanning ---------------------------------------------------------------
    def _scan(self, big: str) -> tuple[np.ndarray, np.ndarray, list[int]]:
        """Exact hits (start, form id) and candidate token starts for fuzzy matching.

        The automaton's hits are collected in C (``np.fromiter`` over the
        flattened iterator) and the word-end check is done with numpy on the
        characters after the hits. A hit that fails the word-end check is a
        fuzzy candidate only when its form is long enough to hide a
        misspelling ("takfiri" in "takfirir"); prefix keys (negative values)
        mark the other candidates.
        """
        compiled = self._compiled
        empty = np.zeros(0, dtype=np.int64)
        if not compiled.forms:  # an empty lexicon: nothing to find
            return empty, empty, []
        flat = np.fromiter(
            itertools.chain.from_iterable(compiled.automaton.iter(big)), dtype=np.int64
        )
        if not len(flat):
            return empty, empty, []
        ends, values = flat[0::2], flat[1::2]
        boundary = ~_alnum_at(big, ends + 1)
        exact = (values >= 0) & boundary
        starts = ends[exact] - compiled.form_length[values[exact]] + 1
        candidates: list[int] = []
        if self.fuzzy:
            long_form = np.zeros(len(values), dtype=bool)
            positive = values >= 0
            long_form[positive] = compiled.form_length[values[positive]] >= FUZZY_PREFIX
            inside = positive & ~boundary & long_form
            lengths = compiled.form_length[values[inside]]
            found = np.concatenate(
                [ends[inside] - lengths + 1, ends[~positive] + values[~positive] + 1]
            )
            if len(found):  # a word that matched exactly is no misspelling
                unique = np.unique(found)
                candidates = unique[~np.isin(unique, starts)].tolist()
        return starts, values[exact], candidates

    def _fuzzy_hits(
        self, big: str, candidates: list[int]
    ) -> tuple[list[int], list[int], list[int]]:
        """Spans of misspelled words (and multi-word forms containing them).

        Each candidate token is judged once (cached per call); matches are
        then looked for only in a small window around the candidate.
        """
        compiled = self._compiled
        aliases: dict[str, str | None] = {}
        found: list[tuple[int, str]] = []
        for start in candidates:
            match = _TOKEN.match(big, start)
            if match is None:
                continue
            token = match.group()
            if token not in aliases:
                aliases[token] = self._alias(token)
            if aliases[token] is not None:
                found.append((start, token))
        starts: list[int] = []
        ends: list[int] = []
        form_ids: list[int] = []
        for position, token in found:
            word = aliases[token]
            for fid in compiled.word_forms[word]:  # type: ignore[index]
                form = compiled.forms[fid]
                alias = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", token, form)  # type: ignore[arg-type]
                lo = max(0, position - len(alias))
                window = big[lo : position + len(alias) + 1]
                for match in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", window):
                    if match.start() + lo <= position < match.end() + lo:
                        starts.append(match.start() + lo)
                        ends.append(match.end() + lo)
                        form_ids.append(fid)
        return starts, ends, form_ids

    def _alias(self, token: str) -> str | None:
        """The lexicon word ``token`` misspells, if any."""
        compiled = self._compiled
        if len(token) < FUZZY_MIN_LENGTH or token in compiled.word_forms or is_known_word(token):
            return None
        for word in compiled.prefix_words.get(token[:FUZZY_PREFIX], ()):
            if token[: fuzzy_prefix_length(word)] == word[
                : fuzzy_prefix_length(word)
            ] and within_one_edit(token, word):
                return word
        return None

    # -- public API ----------------------------------------------------------------
    def find(
        self,
        articles: object,
        *,
        sentences: pd.DataFrame | None = None,
        attributions: pd.DataFrame | None = None,
    ) -> pd.DataFrame:
        """Spans of lexicon terms in ``articles``.

        Parameters
        ----------
        articles : DataFrame, Article, or iterable of Article or str
            The article table (``article_id``, ``text``) or articles; plain
            strings get ids "0", "1", ...
        sentences : DataFrame, optional
            Sentence table (from :func:`framing.sentences`); fills the
            ``sentence`` column.
        attributions : DataFrame, optional
            Attribution table (from :class:`AttributionExtractor`); fills
            ``voice`` with "attributed" inside attributed content, else
            "own". Without it ``voice`` is missing.

        Returns
        -------
        DataFrame
            Columns ``LOADED_TERM_COLUMNS``: one row per (span, lexicon
            entry); ``start``/``end`` index the article's text.
        """
        ids, texts = iter_texts(articles)
        # Lower-case article by article: ASCII articles take CPython's fast path,
        # which a single non-ASCII character would cost the whole corpus string.
        padded = " " + _SEPARATOR.join(_lower_same_length(t) for t in texts)
        starts, form_ids, candidates = self._scan(padded)
        ends = starts + self._compiled.form_length[form_ids]
        fuzzy = np.zeros(len(starts), dtype=bool)
        if self.fuzzy and candidates:
            f_starts, f_ends, f_forms = self._fuzzy_hits(padded, candidates)
            if f_starts:
                starts = np.concatenate([starts, np.asarray(f_starts, dtype=np.int64)])
                ends = np.concatenate([ends, np.asarray(f_ends, dtype=np.int64)])
                form_ids = np.concatenate([form_ids, np.asarray(f_forms, dtype=np.int64)])
                fuzzy = np.concatenate([fuzzy, np.ones(len(f_starts), dtype=bool)])
        spans = self._to_frame(ids, texts, starts - 1, ends - 1, form_ids, fuzzy)
        if sentences is not None:
            spans = assign_sentences(spans, sentences)
        if attributions is not None:
            spans = mark_voice(spans, attributions)
        return spans

    def find_in_text(self, text: str, **kwargs: Any) -> pd.DataFrame:
        """Spans in one text (``article_id`` "0"); see :meth:`find`."""
        return self.find([text], **kwargs)

    def _rule_mask(
        self,
        texts: Sequence[str],
        doc: np.ndarray,
        starts: np.ndarray,
        ends: np.ndarray,
        entry: np.ndarray,
        checks: np.ndarray,
    ) -> np.ndarray:
        """Rows kept by the context rules (see :mod:`framing.features.span_rules`)."""
        compiled = self._compiled
        keep = np.ones(len(entry), dtype=bool)
        if "part_of_speech" in self.rules:
            keep &= checks != ALWAYS_DROP
            entry_pos = compiled.entry_pos
            for i in np.flatnonzero((checks != NO_CHECK) & (checks != ALWAYS_DROP)).tolist():
                keep[i] = not contradicted_by_word_before(
                    texts[doc[i]],
                    int(starts[i]),
                    entry_pos[entry[i]],  # type: ignore[arg-type]
                    checks[i] == CONFIRM,
                )
        if "names" in self.rules:
            common = ~compiled.entry_is_name[entry]
            for i in np.flatnonzero(keep & common).tolist():
                text, s = texts[doc[i]], int(starts[i])
                if text[s].isupper() and in_proper_name(text, s, int(ends[i])):
                    keep[i] = False
        return keep

    def _to_frame(
        self,
        ids: Sequence[str],
        texts: Sequence[str],
        starts: np.ndarray,
        ends: np.ndarray,
        form_ids: np.ndarray,
        fuzzy: np.ndarray,
    ) -> pd.DataFrame:
        compiled = self._compiled
        if len(starts):
            starts, ends, form_ids, fuzzy = _drop_nested(starts, ends, form_ids, fuzzy)
        ptr, entry_ids = compiled.form_entry_ptr, compiled.form_entry_ids
        counts = ptr[form_ids + 1] - ptr[form_ids]
        rows = np.repeat(np.arange(len(form_ids)), counts)
        offsets = np.arange(len(rows)) - np.repeat(np.cumsum(counts) - counts, counts)
        pair = np.repeat(ptr[form_ids], counts) + offsets
        entry = entry_ids[pair]
        checks = compiled.form_entry_check[pair]
        starts, ends, fuzzy = starts[rows], ends[rows], fuzzy[rows]
        doc_starts = (
            np.cumsum([0] + [len(t) + len(_SEPARATOR) for t in texts[:-1]])
            if texts
            else np.array([0])
        )
        doc = np.searchsorted(doc_starts, starts, side="right") - 1
        local_start = starts - doc_starts[doc]
        local_end = ends - doc_starts[doc]
        if self.rules and len(entry):
            keep = self._rule_mask(texts, doc, local_start, local_end, entry, checks)
            if not keep.all():
                doc, local_start, local_end = doc[keep], local_start[keep], local_end[keep]
                entry, fuzzy = entry[keep], fuzzy[keep]
        frame = pd.DataFrame(
            {
                "article_id": np.asarray(ids, dtype=object)[doc],
                "sentence": pd.array(np.full(len(doc), pd.NA), dtype="Int64"),
                "start": local_start,
                "end": local_end,
                "text": [
                    texts[d][s:e] for d, s, e in zip(doc, local_start, local_end, strict=True)
                ],
                "term": compiled.codes["term"].take(entry),
                "lexicon": compiled.codes["lexicon"].take(entry),
                "category": compiled.codes["category"].take(entry),
                "valence": compiled.valence[entry],
                "neutral": compiled.neutral[entry],
                "fuzzy": fuzzy,
                "voice": pd.Series([None] * len(doc), dtype=object),
            },
            columns=list(LOADED_TERM_COLUMNS),
        )
        order = np.lexsort((frame["category"].cat.codes.to_numpy(), frame["start"].to_numpy(), doc))
        return frame.iloc[order].reset_index(drop=True)
