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

import hashlib
import itertools
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..errors import MissingDependencyError, invalid_parameter
from .inflect import surface_forms, term_part_of_speech
from .lexicon import Lexicon, resolve_lexicons
from .span_rules import (
    ALWAYS_DROP,
    CONFIRM,
    NO_CHECK,
    RULES,
    contradicted_by_word_before,
    in_proper_name,
    pos_check,
)
from .vocabulary import english_word_counts, is_known_word
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

# Characters that may stand before a word; every form is keyed once per lead.
_LEADS = (" ", "\n", "\t", "(", "[", "{", '"', "'", "“", "‘", "«", "—", "–", "-", "/")
# Fuzzy matching: lexicon words this long or longer, one edit away, sharing the
# first FUZZY_PREFIX letters. Six letters keeps short common words (war, lie,
# win) out; the prefix keeps the scan cheap. Chosen on the PTC development data.
FUZZY_MIN_LENGTH = 6
FUZZY_PREFIX = 5
# Only rare lexicon words are matched fuzzily: a word seen fewer times than this
# in pyspellchecker's English word counts (or not at all: "Takfiri"). A
# one-edit variant of a common word is more often another word or a name than a
# misspelling ("Rage" / "Page", "regime" / "regimen"). 3,000 keeps words such as
# genocide, martyrdom, hegemony, annexation and drops terrorists, assassination,
# leaders, organization (checked on the PTC, BABE and BASIL development texts).
FUZZY_MAX_COUNT = 3_000
_TOKEN = re.compile(r"[^\W\d_]+")
_SEPARATOR = "\n"


def _ahocorasick() -> Any:
    try:
        import ahocorasick
    except ImportError:  # pragma: no cover - a core dependency
        raise MissingDependencyError("Loaded-term matching", "pyahocorasick", "all") from None
    return ahocorasick


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


def fuzzy_prefix_length(word: str) -> int:
    """Letters a misspelling must share with ``word``: five, or about half of a long word.

    Longer prefixes keep the scan cheap (fewer prefix hits: "milit" would
    stop at every "military") while still catching misspellings in the second
    half of a word; a misspelling that only adds letters ("Takfirir") is
    caught from the exact form it extends.

    Examples
    --------
    >>> [fuzzy_prefix_length(w) for w in ("regime", "takfiri", "assassination")]
    [5, 6, 8]
    """
    return max(FUZZY_PREFIX if len(word) < 7 else FUZZY_PREFIX + 1, (len(word) + 1) // 2 + 1)


def within_one_edit(a: str, b: str) -> bool:
    """True if ``a`` and ``b`` differ by at most one insertion, deletion,
    substitution or transposition of adjacent letters.

    Examples
    --------
    >>> within_one_edit("takfirir", "takfiri"), within_one_edit("tkafiri", "takfiri")
    (True, True)
    >>> within_one_edit("takfiri", "takfuru")
    False
    """
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1 :] == b[i + 1 :]:
            return True
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    return a[i + 1 :] == b[i:] if la > lb else a[i:] == b[i + 1 :]


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


@dataclass(frozen=True)
class _Compiled:
    automaton: Any
    form_length: np.ndarray  # per form id
    form_length_list: list[int]  # the same, for the scanning loop
    form_entry_ptr: np.ndarray  # CSR: entries of form f are ids[ptr[f]:ptr[f+1]]
    form_entry_ids: np.ndarray
    forms: tuple[str, ...]
    word_forms: dict[str, tuple[int, ...]]  # fuzzy-eligible word -> forms containing it
    prefix_words: dict[str, tuple[str, ...]]  # first letters -> eligible words
    entries: pd.DataFrame
    codes: dict[str, pd.Categorical]  # per entry, as categoricals (cheap to take)
    valence: np.ndarray
    neutral: np.ndarray
    entry_pos: list[str | None]  # the one part of speech of a one-word term
    entry_is_name: np.ndarray  # the term is itself a name (has a capital letter)
    spellings: list[frozenset[str]]  # per entry, its forms as written (term and variants)
    form_entry_check: np.ndarray  # per CSR pair: what the part-of-speech rule does (span_rules)


_CACHE: dict[str, _Compiled] = {}


def _fingerprint(entries: pd.DataFrame, inflect: bool, fuzzy: bool) -> str:
    digest = hashlib.sha1(f"{inflect}{fuzzy}".encode())
    digest.update(pd.util.hash_pandas_object(entries.astype(str), index=False).values.tobytes())
    return digest.hexdigest()


def _compile(lexicon: Lexicon, inflect: bool, fuzzy: bool) -> _Compiled:
    entries = lexicon.with_source_names().reset_index(drop=True)
    key = _fingerprint(entries, inflect, fuzzy)
    if key in _CACHE:
        return _CACHE[key]
    # form -> {(lexicon, category): (priority, entry id)}: within one lexicon
    # category a form belongs to one entry, the one that spells it exactly
    # (priority 0) over one that reaches it by inflection (priority 1), so
    # "deported" is the entry "deported", not also "deport" and "deportation".
    owners: dict[str, dict[tuple[str, str], tuple[int, int]]] = {}
    groups = zip(
        entries["term"], entries["variants"], entries["lexicon"], entries["category"], strict=True
    )
    for entry_id, (term, variants, lexicon_name, category) in enumerate(groups):
        spellings = [term, *[v for v in str(variants or "").split("|") if v.strip()]]
        for spelling in spellings:
            exact = surface_forms(spelling, inflect=False)
            for form in surface_forms(spelling, inflect=inflect):
                candidate = (0 if form in exact else 1, entry_id)
                slot = owners.setdefault(form, {})
                group = (lexicon_name, category)
                if group not in slot or candidate < slot[group]:
                    slot[group] = candidate
    form_ids = {form: fid for fid, form in enumerate(owners)}
    # Across categories of one lexicon, an exact spelling also beats an
    # inflection: "criminal" is the intensifier, not the label "criminals".
    form_entries = []
    for form in owners:
        best: dict[str, int] = {}
        for (lexicon_name, _), (priority, _) in owners[form].items():
            best[lexicon_name] = min(priority, best.get(lexicon_name, priority))
        form_entries.append(
            sorted(e for (lex, _), (prio, e) in owners[form].items() if prio == best[lex])
        )
    forms = tuple(form_ids)
    ahocorasick = _ahocorasick()
    automaton = ahocorasick.Automaton()
    for form, fid in form_ids.items():
        for lead in _LEADS:
            automaton.add_word(lead + form, fid)
    word_forms: dict[str, list[int]] = {}
    if fuzzy:
        counts = english_word_counts()
        for form, fid in form_ids.items():
            for word in form.split():
                if (
                    len(word) >= FUZZY_MIN_LENGTH
                    and word.isalpha()
                    and counts.get(word, 0) < FUZZY_MAX_COUNT
                ):
                    word_forms.setdefault(word, []).append(fid)
        for prefix in sorted({w[: fuzzy_prefix_length(w)] for w in word_forms}):
            for lead in _LEADS:
                if not automaton.exists(lead + prefix):
                    automaton.add_word(lead + prefix, -len(prefix))
    automaton.make_automaton()
    prefix_words: dict[str, list[str]] = {}
    for word in word_forms:
        prefix_words.setdefault(word[:FUZZY_PREFIX], []).append(word)
    lengths = np.fromiter((len(f) for f in forms), dtype=np.int64, count=len(forms))
    ptr = np.zeros(len(forms) + 1, dtype=np.int64)
    ptr[1:] = np.cumsum([len(e) for e in form_entries])
    ids = np.fromiter((i for e in form_entries for i in e), dtype=np.int64, count=int(ptr[-1]))
    compiled = _Compiled(
        automaton,
        lengths,
        lengths.tolist(),
        ptr,
        ids,
        forms,
        {w: tuple(f) for w, f in word_forms.items()},
        {p: tuple(ws) for p, ws in prefix_words.items()},
        entries,
        {c: pd.Categorical(entries[c].astype(str)) for c in ("term", "lexicon", "category")},
        entries["valence"].to_numpy(dtype=float),
        entries["neutral"].to_numpy(dtype=object),
        [
            str(p) if isinstance(p, str) and p else term_part_of_speech(str(t))
            for t, p in zip(entries["term"], entries["pos"], strict=True)
        ],
        np.array(
            [
                any(c.isupper() for c in f"{t}{v or ''}")
                for t, v in zip(entries["term"], entries["variants"], strict=True)
            ],
            dtype=bool,
        ),
        [
            frozenset(
                f
                for spelling in [t, *str(v or "").split("|")]
                if spelling.strip()
                for f in surface_forms(spelling, inflect=False)
            )
            for t, v in zip(entries["term"], entries["variants"], strict=True)
        ],
        np.zeros(0, dtype=np.int8),
    )
    object.__setattr__(
        compiled,
        "form_entry_check",
        np.fromiter(
            (
                pos_check(forms[f], compiled.entry_pos[e], forms[f] in compiled.spellings[e])
                for f in range(len(forms))
                for e in ids[ptr[f] : ptr[f + 1]].tolist()
            ),
            dtype=np.int8,
            count=len(ids),
        ),
    )
    _CACHE[key] = compiled
    return compiled


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
        self._compiled = _compile(self.lexicon_, inflect, fuzzy)
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
