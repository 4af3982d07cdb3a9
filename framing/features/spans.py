"""Cue and content spans: where a cue ends and what content it introduces.

Helpers of :mod:`framing.features.candidates` over the tokens of one
sentence: a cue extended over a time word ("said Tuesday"), adjuncts that
are not content ("on Saturday", "in a statement"), content after a cue (a
quotation, a that-clause or the rest of the sentence) and content before
it (a quotation that may have opened sentences earlier).
"""

from __future__ import annotations

from collections.abc import Sequence

from .quotes import find_closer, find_opener, is_closer_at, is_opener_at
from .tokens import CLOSE_QUOTES, DETERMINERS, OPEN_QUOTES, QUOTES, Token, is_adverb, is_capitalised
from .wordlists import words

__all__ = [
    "content_after",
    "content_before",
    "content_end",
    "extend_cue",
    "is_adjunct",
    "quote_before_sentence",
    "strip_tokens",
    "time_adjunct_start",
    "trim_chars",
]

# Words that begin an adjunct after a cue ("CNN wrote on Saturday.").
ADJUNCT_START = words("adjunct_start")
# Words that begin an adjunct between a cue and its that-clause ("admitted in an interview that").
_ADJUNCT_PREPOSITIONS = words("adjunct_prepositions")
# An adjunct after a cue is at most this many tokens ("in an interview with CNN on Sunday");
# set by hand from constructed examples and PolNeAR train.
MAX_ADJUNCT = 14
_PREPOSITIONS = words("prepositions")
TRAILING = frozenset({".", "!", "?", ",", ";", ":", "—", "–", "--"})
TIME_HEADS = words("time_heads")


def time_adjunct_start(tokens: list[Token], j: int, lo: int) -> int | None:
    """Start of a time adjunct ending at ``tokens[j]`` ("on Tuesday", "at the time")."""
    if tokens[j].lower not in TIME_HEADS:
        return None
    k = j
    while k - 1 >= lo and tokens[k - 1].lower in (
        "on",
        "at",
        "the",
        "this",
        "last",
        "earlier",
        "late",
        "early",
        "in",
        "that",
        "same",
    ):
        k -= 1
    return k


def extend_cue(tokens: list[Token], last: int, hi: int) -> int:
    """Include a following time word or manner adverb in the cue ("said Tuesday")."""
    if last + 1 < hi and (
        tokens[last + 1].lower in TIME_HEADS - {"time", "week", "month", "year"}
        or (is_adverb(tokens[last + 1]) and tokens[last + 1].lower.endswith("ly"))
    ):
        return last + 1
    if (
        last + 3 < hi
        and tokens[last + 1].lower == "in"
        and tokens[last + 2].lower in ("a", "the")
        and tokens[last + 3].lower == "statement"
    ):
        last += 3
        if last + 1 < hi and tokens[last + 1].lower in TIME_HEADS - {
            "time",
            "week",
            "month",
            "year",
        }:
            last += 1
    return last


def _infinitive(tokens: list[Token], k: int, end: int) -> bool:
    """``to`` + a verb ("asked them to support"), not ``to`` + a noun phrase ("wrote to her")."""
    if tokens[k].lower != "to" or k + 1 >= end:
        return False
    following = tokens[k + 1]
    if following.text in OPEN_QUOTES and k + 2 < end:
        following = tokens[k + 2]  # vowed to “take our fight”
    return (
        following.text.islower()
        and following.lower not in DETERMINERS
        and following.lower not in ("him", "her", "them", "us", "me", "it")
    )


def _time_adjunct_end(tokens: list[Token], k: int, end: int) -> int | None:
    """Last token of a time adjunct starting at ``tokens[k]`` ("on Wednesday", "last week").

    "the time", "the week" without a preposition are noun phrases ("said the
    time for ... is over"), not adjuncts.
    """
    if tokens[k].lower == "the":
        return None
    m = k
    while m < end and tokens[m].lower in (
        "on",
        "at",
        "the",
        "this",
        "last",
        "earlier",
        "late",
        "early",
        "in",
    ):
        m += 1
    if m < end and m - k <= 3 and tokens[m].lower in TIME_HEADS:
        return m
    return None


def quote_before_sentence(
    text: str, sentence_start: int, paragraph: tuple[int, int]
) -> tuple[list[tuple[int, int]], bool]:
    """The quotation closing just before a sentence ("… missing.” Trump said.")."""
    k = sentence_start - 1
    while k >= paragraph[0] and text[k].isspace():
        k -= 1
    if k < paragraph[0] or not is_closer_at(text, k):
        return [], False
    opener = find_opener(text, k, paragraph[0])
    if opener is None:
        return [], False
    span = trim_chars(text, opener + 1, k)
    return ([span], True) if span else ([], False)


def content_end(tokens: list[Token], lo: int, hi: int) -> int:
    """Index after the last content token of a sentence (drops final punctuation)."""
    end = hi
    while end > lo and (tokens[end - 1].text in TRAILING or tokens[end - 1].text in QUOTES):
        end -= 1
    return end


def is_adjunct(rest: Sequence[Token]) -> bool:
    """A short time/place/manner phrase after a cue ("on Saturday", "in a statement").

    A quoted title inside it is allowed (on MSNBC's “Morning Joe”).
    """
    if not (
        0 < len(rest) <= MAX_ADJUNCT
        and (rest[0].lower in ADJUNCT_START or rest[0].lower in TIME_HEADS)
    ):
        return False
    for k, t in enumerate(rest):
        if t.lower == "that" or t.text == ":":
            return False
        if (
            t.text in QUOTES
            and not (t.text in OPEN_QUOTES and k + 1 < len(rest) and is_capitalised(rest[k + 1]))
            and not (t.text in CLOSE_QUOTES and k == len(rest) - 1)
        ):
            return False
    return True


def strip_tokens(tokens: list[Token], first: int, last: int) -> tuple[int, int] | None:
    while first <= last and (tokens[first].text in TRAILING or tokens[first].text in QUOTES):
        first += 1
    while last >= first and (tokens[last].text in TRAILING or tokens[last].text in QUOTES):
        last -= 1
    return (first, last) if first <= last else None


def content_before(
    text: str, tokens: list[Token], lo: int, boundary: int, paragraph: tuple[int, int]
) -> tuple[list[tuple[int, int]], bool]:
    """Content ending before ``tokens[boundary]`` (a comma or closing quote)."""
    last = boundary - 1 if tokens[boundary].text == "," else boundary
    # a closing quote just before the source: find its opener, maybe sentences back
    closer = next(
        (
            k
            for k in range(boundary, max(lo, boundary - 2) - 1, -1)
            if tokens[k].text in CLOSE_QUOTES and is_closer_at(text, tokens[k].start)
        ),
        None,
    )
    if closer is not None:
        opener = find_opener(text, tokens[closer].start, paragraph[0])
        if opener is not None:
            span = trim_chars(text, opener + 1, tokens[closer].start)
            before = text[tokens[lo].start : opener].strip() if opener >= tokens[lo].start else ""
            if span and not before:
                return [span], True
            if span and opener > tokens[lo].start:
                return [(tokens[lo].start, span[1])], False
    stripped = strip_tokens(tokens, lo, last)
    if stripped is None:
        return [], False
    return [(tokens[stripped[0]].start, tokens[stripped[1]].end)], False


def content_after(
    text: str,
    tokens: list[Token],
    after: int,
    end: int,
    hi: int,
    paragraph: tuple[int, int],
    needs_clause: bool,
) -> tuple[list[tuple[int, int]], bool]:
    """Content following a cue: a quotation, a that-clause, or the rest of the sentence."""
    if after >= end and not (after < hi and tokens[after].text in OPEN_QUOTES):
        return [], False
    k = after
    while k < end and (skipped := _time_adjunct_end(tokens, k, end)) is not None:
        k = skipped + 1  # "reported on Wednesday the Secret Service had ..."
    if k < end and tokens[k].lower in _PREPOSITIONS:
        colon = next((m for m in range(k, min(end, k + 8)) if tokens[m].text == ":"), None)
        if colon is not None:
            k = colon  # "wrote on social media: ..."
    if k < end and tokens[k].text in (":", ","):
        if (
            needs_clause
            and k + 1 < end
            and (is_capitalised(tokens[k + 1]) or tokens[k + 1].text in OPEN_QUOTES)
        ):
            needs_clause = False  # "she added, Donald Trump is ..."
        k += 1
    if k < hi and tokens[k].text in OPEN_QUOTES and is_opener_at(text, tokens[k].start):
        closer = find_closer(text, tokens[k].start, paragraph[1])
        if closer is not None:
            span = trim_chars(text, tokens[k].start + 1, closer)
            return ([span], True) if span else ([], False)
    that = next(
        (m for m in range(k, min(end, k + MAX_ADJUNCT + 1)) if tokens[m].lower == "that"), None
    )
    if that is not None and (that == k or tokens[k].lower in _ADJUNCT_PREPOSITIONS):
        k = that + 1
    elif needs_clause or (
        k < end and tokens[k].lower in _PREPOSITIONS and not _infinitive(tokens, k, end)
    ):
        return [], False  # "added sugar", "wrote to her": not reported content
    stripped = strip_tokens(tokens, k, end - 1)
    if stripped is None:
        return [], False
    return [(tokens[stripped[0]].start, tokens[stripped[1]].end)], False


def trim_chars(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and (text[start].isspace() or text[start] in "“\"'‘"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",.;:"):
        end -= 1
    return (start, end) if end > start else None
