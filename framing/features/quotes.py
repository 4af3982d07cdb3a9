"""Quotation marks: pairing openers and closers, straight or curly, mixed.

News text mixes typographic (“ ”) and straight (") quotes, sometimes in one
quotation ("... on the ground.” opened with a straight mark). A straight
mark opens when it follows a space, a bracket, a dash or the paragraph
start, and closes otherwise. Two-apostrophe quotes (``''...,'' said X``, as
in New York Times archives), doubled curly single quotes (‘‘...’’) and
TeX-style openers (````...''``) are read as straight marks by
:func:`normalise_quotes`, which keeps every offset.
"""

from __future__ import annotations

import re

__all__ = [
    "find_closer",
    "find_opener",
    "is_closer_at",
    "is_opener_at",
    "normalise_quotes",
    "quoted_regions",
]

_OPENERS = frozenset("“«")
_CLOSERS = frozenset("”»")
_BEFORE_OPENER = frozenset(" \t\n([{—–-:")


def is_opener_at(text: str, index: int) -> bool:
    """True if ``text[index]`` opens a quotation.

    Examples
    --------
    >>> is_opener_at('He said "no."', 8), is_opener_at('He said "no."', 12)
    (True, False)
    """
    char = text[index]
    if char in _OPENERS:
        return True
    return char == '"' and (index == 0 or text[index - 1] in _BEFORE_OPENER)


def is_closer_at(text: str, index: int) -> bool:
    """True if ``text[index]`` closes a quotation."""
    char = text[index]
    if char in _CLOSERS:
        return True
    return char == '"' and index > 0 and text[index - 1] not in _BEFORE_OPENER


def find_opener(text: str, closer: int, floor: int) -> int | None:
    """Index of the opener of the quotation closed at ``closer`` (not before ``floor``).

    Examples
    --------
    >>> text = '"If we stay. But not now,” he said.'
    >>> find_opener(text, text.index("”"), 0)
    0
    """
    # only a mark can open or close: the marks of the stretch, nearest first (the last of
    # each kind before the one looked at, found from the right)
    last = {mark: text.rfind(mark, floor, closer) for mark in _MARK_CHARS}
    while True:
        index = max(last.values())
        if index < max(floor, 0):
            return None
        if is_opener_at(text, index):
            return index
        if is_closer_at(text, index) and text[index] in _CLOSERS:
            return None  # an earlier quotation closed here: ours has no opener
        last[text[index]] = text.rfind(text[index], floor, index)


def find_closer(text: str, opener: int, ceiling: int) -> int | None:
    """Index of the closer of the quotation opened at ``opener`` (before ``ceiling``)."""
    for mark in _MARK.finditer(text, opener + 1, min(ceiling, len(text))):
        if is_closer_at(text, mark.start()):
            return mark.start()
    return None


_DOUBLED = re.compile(r"''|``|‘‘|’’")


def normalise_quotes(text: str) -> str:
    """``text`` with two-apostrophe and TeX quotes as one straight mark, offsets unchanged.

    An opening pair becomes a space and ``"``, a closing pair ``"`` and a
    space, so a mark still opens after a space and closes after a word.

    Examples
    --------
    >>> normalise_quotes("''It is over,'' he said. ``Yes,'' she said.")
    ' "It is over,"  he said.  "Yes,"  she said.'
    """
    if "''" not in text and "``" not in text and "‘‘" not in text and "’’" not in text:
        return text

    def one(match: re.Match[str]) -> str:
        at = match.start()
        opening = match.group() in ("``", "‘‘") or at == 0 or text[at - 1] in _BEFORE_OPENER
        return ' "' if opening else '" '

    return _DOUBLED.sub(one, text)


# Every character that may open or close a quotation (is_opener_at, is_closer_at).
_MARK_CHARS = '"“”«»'
_MARK = re.compile(f"[{_MARK_CHARS}]")


def _mark_positions(text: str) -> list[int]:
    """Offsets of the quotation marks of ``text``, in order (each kind by ``str.find``)."""
    out: list[int] = []
    for mark in _MARK_CHARS:
        at = text.find(mark)
        while at != -1:
            out.append(at)
            at = text.find(mark, at + 1)
    out.sort()
    return out


def quoted_regions(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``(opener, closer)`` offsets of the quotations of ``text``, paired within paragraphs.

    One regular-expression scan finds the marks; each opener pairs with the
    next closer of its paragraph (an opener with none is left unpaired).

    Examples
    --------
    >>> text = '"We won," he said. "Yes."'
    >>> quoted_regions(text, [(0, len(text))])
    [(0, 8), (19, 24)]
    """
    regions: list[tuple[int, int]] = []
    marks = _mark_positions(text)
    if not marks:
        return regions
    p = 0
    opener: int | None = None
    for index in marks:
        while p < len(paragraphs) and paragraphs[p][1] <= index:
            p += 1
            opener = None
        if p == len(paragraphs):
            break
        if opener is None:
            if is_opener_at(text, index):
                opener = index
        elif is_closer_at(text, index):
            regions.append((opener, index))
            opener = None
    return regions
