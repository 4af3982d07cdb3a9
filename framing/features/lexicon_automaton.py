"""A lexicon compiled for matching: an Aho-Corasick automaton of every surface form.

Every surface form of every entry (inflections through lemminflect,
spellings, hyphen and apostrophe variants) is keyed once per character that
may precede a word, so one C-level scan finds word starts only. Each form
maps to the entries it belongs to (CSR arrays), with what the part-of-speech
rule does for each pair (:mod:`framing.features.span_rules`). Rare lexicon
words also get their prefixes keyed, for the fuzzy (misspelling) pass.
Compiled lexicons are cached by a fingerprint of their entries.

Examples
--------
>>> from framing.features.lexicon import Lexicon
>>> lexicon = Lexicon.builtin("conflict_geopolitics")
>>> compiled = compile_lexicon(lexicon, inflect=True, fuzzy=True)
>>> "deported" in compiled.forms, within_one_edit("takfirir", "takfiri")
(True, True)
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..errors import MissingDependencyError
from .inflect import surface_forms, term_part_of_speech
from .lexicon import Lexicon
from .span_rules import pos_check
from .vocabulary import english_word_counts

__all__ = [
    "FUZZY_MAX_COUNT",
    "FUZZY_MIN_LENGTH",
    "FUZZY_PREFIX",
    "CompiledLexicon",
    "compile_lexicon",
    "fuzzy_prefix_length",
    "within_one_edit",
]

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


def _ahocorasick() -> Any:
    try:
        import ahocorasick
    except ImportError:  # pragma: no cover - a core dependency
        raise MissingDependencyError("Loaded-term matching", "pyahocorasick", "all") from None
    return ahocorasick


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


@dataclass(frozen=True)
class CompiledLexicon:
    """A lexicon ready to scan (see the module docstring)."""

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


_CACHE: dict[str, CompiledLexicon] = {}


def _fingerprint(entries: pd.DataFrame, inflect: bool, fuzzy: bool) -> str:
    digest = hashlib.sha1(f"{inflect}{fuzzy}".encode())
    digest.update(pd.util.hash_pandas_object(entries.astype(str), index=False).values.tobytes())
    return digest.hexdigest()


def compile_lexicon(lexicon: Lexicon, inflect: bool, fuzzy: bool) -> CompiledLexicon:
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
    compiled = CompiledLexicon(
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
