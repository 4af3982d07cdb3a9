"""Which sentences may hold an attribution: those with a word that can begin a cue.

:class:`framing.features.attributions.AttributionExtractor` tokenises only
the sentences :func:`triggered_sentences` returns. A sentence is triggered
when one of its words (a run of letters of the case-folded text, cut at the
sentence's edges) is the first word of a cue of the lexicon; a word that
begins only cues of several words ("according", "made" of "made clear")
counts when the next word continues one of them.

The first words are found in one pass over the article by an Aho-Corasick
automaton (pyahocorasick, built once per lexicon); each occurrence counts
when it is a whole word of the sentence that holds it. Where the sentences
overlap or are out of order, each sentence's words are compared with the
first words as a set instead (same result).

Examples
--------
>>> from framing.features.cues import CueLexicon
>>> text = "It rained. CNN said so. Accordingly, we left."
>>> triggered_sentences(text, [(0, 10, 0), (11, 23, 0), (24, 45, 0)], CueLexicon.default())
[1]
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from typing import Any

from .cues import CueLexicon

__all__ = ["trigger_positions", "triggered_sentences"]

_WORD = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")
_AUTOMATA: dict[int, tuple[frozenset[str], Any]] = {}


def triggered_sentences(
    text: str, spans: list[tuple[int, int, int]], cues: CueLexicon
) -> list[int]:
    """Numbers of the sentences (``(start, end, paragraph)`` spans) holding a cue's first word."""
    folded = text.casefold()
    if len(folded) != len(text):  # a letter folds to several: map word by word instead
        starts = [s for s, _, _ in spans]
        numbers = (bisect_right(starts, p) - 1 for p in trigger_positions(text, cues))
        return sorted({n for n in numbers if n >= 0})
    if not _in_order(spans):
        return _by_sentence(folded, spans, cues)
    starts = [s for s, _, _ in spans]
    seconds = cues.second_words
    letter = _LETTER.match
    out: set[int] = set()
    for last, word in _automaton(cues).iter(folded):
        first = last - len(word) + 1
        k = bisect_right(starts, first) - 1
        if k < 0 or k in out:
            continue
        start, end, _ = spans[k]
        if last >= end:
            continue  # not inside one sentence
        if (first > start and letter(folded, first - 1)) or (
            last + 1 < end and letter(folded, last + 1)
        ):
            continue  # part of a longer word of the sentence
        following = seconds.get(word)
        if following is not None:
            nxt = _NEXT_WORD.match(folded, last + 1)
            if nxt is None or nxt.group(1) not in following:
                continue
        out.add(k)
    return sorted(out)


def _in_order(spans: list[tuple[int, int, int]]) -> bool:
    """Whether the sentences follow each other without overlap."""
    return all(s <= e for s, e, _ in spans) and all(
        a[1] <= b[0] for a, b in itertools.pairwise(spans)
    )


def _automaton(cues: CueLexicon) -> Any:
    """The Aho-Corasick automaton of the lexicon's first words (one per lexicon)."""
    known = _AUTOMATA.get(id(cues))
    if known is not None and known[0] is cues.first_words:
        return known[1]
    import ahocorasick  # a core dependency (the loaded-term matcher uses it too)

    automaton = ahocorasick.Automaton()
    for word in cues.first_words:
        if _WORD.fullmatch(word):  # a first word holding other marks is never a word of text
            automaton.add_word(word, word)
    automaton.make_automaton()
    _AUTOMATA[id(cues)] = (cues.first_words, automaton)
    return automaton


def _by_sentence(folded: str, spans: list[tuple[int, int, int]], cues: CueLexicon) -> list[int]:
    """:func:`triggered_sentences` comparing each sentence's words with the first words as a set."""
    first_words, seconds = cues.first_words, cues.second_words
    out = []
    for number, (start, end, _) in enumerate(spans):
        hits = first_words.intersection(_WORD.findall(folded, start, end))
        if not hits:
            continue
        if all(word in seconds for word in hits) and not any(
            (nxt := _NEXT_WORD.match(folded, m.end())) is not None
            and nxt.group(1) in seconds[m.group()]
            for m in _WORD.finditer(folded, start, end)
            if m.group() in seconds
        ):
            continue
        out.append(number)
    return out


def trigger_positions(text: str, cues: CueLexicon) -> list[int]:
    """Offsets of the words of ``text`` that may begin a cue (one scan, in order).

    A word that begins only cues of several words ("according", "made" of
    "made clear") counts when the next word continues one of them.
    """
    first_words, seconds = cues.first_words, cues.second_words
    out = []
    for m in _WORD.finditer(text):
        word = m.group().casefold()
        if word not in first_words:
            continue
        following = seconds.get(word)
        if following is not None:
            nxt = _NEXT_WORD.match(text, m.end())
            if nxt is None or nxt.group(1).casefold() not in following:
                continue
        out.append(m.start())
    return out
