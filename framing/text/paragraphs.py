"""Body normalisation and paragraph splitting.

An article body in framing is plain text whose paragraphs are separated by
exactly one blank line. :func:`normalize_body` turns whatever a loader found
(hard-wrapped lines, one paragraph per line, Windows line ends, no-break
spaces) into that form; :func:`paragraph_spans` gives each paragraph's
character offsets.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

__all__ = ["join_paragraphs", "normalize_body", "paragraph_spans", "split_paragraphs"]

# Horizontal white space other than the ASCII space: no-break, figure, thin,
# ideographic spaces and the like. Zero-width characters are removed.
_HORIZONTAL_SPACE = re.compile(r"[^\S\n]+")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")

PARAGRAPH_SEPARATOR = "\n\n"


def _clean_line(line: str) -> str:
    return _HORIZONTAL_SPACE.sub(" ", line).strip()


def split_paragraphs(raw: str) -> list[str]:
    """Split raw body text into cleaned paragraphs.

    If the text has blank lines, paragraphs are the blocks between them and
    line breaks inside a block are hard wraps (joined with a space). If it
    has none, every non-empty line is a paragraph, as in pages saved from
    news sites.

    Examples
    --------
    >>> split_paragraphs("One line\\nwrapped.\\n\\nSecond\\u00a0one.")
    ['One line wrapped.', 'Second one.']
    >>> split_paragraphs("First.\\nSecond.")
    ['First.', 'Second.']
    """
    text = _ZERO_WIDTH.sub("", unicodedata.normalize("NFC", raw))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n").replace("\x0c", "\n\n")
    if _BLANK_LINE.search(text.strip("\n")):
        blocks = _BLANK_LINE.split(text)
        paragraphs = [" ".join(_clean_line(x) for x in b.split("\n") if x.strip()) for b in blocks]
    else:
        paragraphs = [_clean_line(line) for line in text.split("\n")]
    return [p for p in paragraphs if p]


def join_paragraphs(paragraphs: Iterable[str]) -> str:
    """Join cleaned paragraphs with one blank line between them."""
    return PARAGRAPH_SEPARATOR.join(p for p in paragraphs if p)


def normalize_body(raw: str) -> str:
    """Return ``raw`` as a framing body: clean paragraphs, one blank line apart.

    Examples
    --------
    >>> normalize_body("  Hello\\u00a0 world.\\r\\nBye.  ")
    'Hello world.\\n\\nBye.'
    """
    return join_paragraphs(split_paragraphs(raw))


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Character offsets ``(start, end)`` of each paragraph of a normalised body.

    Examples
    --------
    >>> paragraph_spans("Ab.\\n\\nCd.")
    [(0, 3), (5, 8)]
    """
    return [m.span() for m in _PARAGRAPH.finditer(text) if m.group().strip()]
