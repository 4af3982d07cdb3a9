"""Quotation marks: pairing openers and closers, straight or curly, mixed.

News text mixes typographic (“ ”) and straight (") quotes, sometimes in one
quotation ("... on the ground.” opened with a straight mark). A straight
mark opens when it follows a space, a bracket, a dash or the paragraph
start, and closes otherwise.
"""

from __future__ import annotations

__all__ = ["find_closer", "find_opener", "is_closer_at", "is_opener_at"]

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
    for index in range(closer - 1, floor - 1, -1):
        if is_opener_at(text, index):
            return index
        if is_closer_at(text, index) and text[index] in _CLOSERS:
            return None  # an earlier quotation closed here: ours has no opener
    return None


def find_closer(text: str, opener: int, ceiling: int) -> int | None:
    """Index of the closer of the quotation opened at ``opener`` (before ``ceiling``)."""
    for index in range(opener + 1, min(ceiling, len(text))):
        if is_closer_at(text, index):
            return index
    return None
