"""The lines of a saved page, as layout inference reads them.

A saved or pasted page keeps one element per line (headline, date, caption,
paragraph), and single line breaks are **not** joined before the layout
rules run: a caption or a photo credit stays a line of its own instead of
fusing with the first sentence. Only hard-wrapped prose is read as one
logical line: a line that does not end a sentence and is followed by a
line starting in lower case, or a block whose lines all have the length of
a fixed-width wrap and where at least one line continues in lower case.
The body keeps the file's own lines either way.

Examples
--------
>>> [x.text for x in page_lines("Headline here\\n\\nThe minister said the\\ntalks went on.")]
['Headline here', 'The minister said the talks went on.']
>>> is_prose("Two bloggers were banned."), is_prose("Iran warns US over sanctions")
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

__all__ = ["PageLine", "is_prose", "page_lines", "word_count"]

# Prose: a line that ends a sentence with at least this many words...
MIN_PROSE_WORDS = 4
# ...or ends with '?' or '!' with at least this many (shorter ones are
# headlines: "Is Iran next?")...
MIN_QUESTION_PROSE_WORDS = 12
# ...or is this long whatever its end (a paragraph cut mid-sentence). Headlines
# on the layouts dev pages have at most 16 words; the shortest first body
# paragraph without a final stop has 45.
LONG_PROSE_WORDS = 20
# A block is hard-wrapped when all its lines but the last are between these
# lengths (fixed-width wraps run at 60-80 characters) and it has no longer line.
WRAP_MIN_CHARS = 30
WRAP_MAX_CHARS = 100

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$")


@dataclass(frozen=True)
class PageLine:
    """One logical line: its text and the file lines it spans."""

    text: str  # stripped, wrapped lines joined by a space
    first: int  # index of its first line in the file's lines
    last: int  # index of its last line
    blank_before: bool  # a blank line (or the start of the file) comes before it

    @property
    def number(self) -> int:
        """1-based number of its first line in the file."""
        return self.first + 1


def word_count(text: str) -> int:
    """Words of ``text`` (runs of letters or digits)."""
    return len(_WORD.findall(text))


def ends_sentence(text: str) -> bool:
    """True if ``text`` ends with a sentence end (possibly inside quotes)."""
    return bool(_SENTENCE_END.search(text.rstrip()))


def is_prose(text: str) -> bool:
    """True if ``text`` reads as running text rather than a headline or label."""
    words = word_count(text)
    if words >= LONG_PROSE_WORDS:
        return True
    stripped = text.rstrip().rstrip("\"”’')]")
    if stripped.endswith((".", "…")):
        return words >= MIN_PROSE_WORDS and not stripped.endswith("..")
    if stripped.endswith(("?", "!")):
        return words >= MIN_QUESTION_PROSE_WORDS
    return False


def _wrapped_block(block: list[str], keep_apart: Callable[[str], bool] | None) -> bool:
    if len(block) < 2 or any(len(x) > WRAP_MAX_CHARS for x in block):
        return False
    if keep_apart is not None and any(keep_apart(x) for x in block[:-1]):
        return False
    if not all(len(x) >= WRAP_MIN_CHARS for x in block[:-1]):
        return False
    open_ends = sum(not ends_sentence(x) for x in block[:-1])
    continued = any(not ends_sentence(a) and b[:1].islower() for a, b in pairwise(block))
    return continued and open_ends * 2 >= len(block) - 1


def page_lines(
    text: str | list[str], keep_apart: Callable[[str], bool] | None = None
) -> list[PageLine]:
    """Logical lines of a page (see the module docstring); blank lines are left out.

    ``keep_apart`` marks lines never joined to a neighbour (date lines,
    furniture such as "on YouTube"), even when the next starts in lower case.
    """
    raw = text.splitlines() if isinstance(text, str) else list(text)
    stripped = [x.strip() for x in raw]
    out: list[PageLine] = []
    index = 0
    while index < len(raw):
        if not stripped[index]:
            index += 1
            continue
        end = index
        while end + 1 < len(raw) and stripped[end + 1]:
            end += 1
        block = stripped[index : end + 1]
        if _wrapped_block(block, keep_apart):
            out.append(PageLine(" ".join(block), index, end, True))
            index = end + 1
            continue
        position = index
        while position <= end:
            last = position
            while (
                last < end
                and not ends_sentence(stripped[last])
                and stripped[last + 1][:1].islower()
                and not (
                    keep_apart is not None
                    and (keep_apart(stripped[last]) or keep_apart(stripped[last + 1]))
                )
            ):
                last += 1
            out.append(
                PageLine(
                    " ".join(stripped[position : last + 1]),
                    position,
                    last,
                    position == 0 or not stripped[position - 1],
                )
            )
            position = last + 1
        index = end + 1
    return out
