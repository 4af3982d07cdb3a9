"""Floating quotes: quotations with no cue, attributed by the sentence before them.

News often lets a quotation stand alone after its speaker was named::

    “We need another referendum,” said Katy Barnett, who wants to remain.
    “With people knowing what they are voting for this time.”

The second quotation has no cue; its speaker is the one of the sentence
just before it. :func:`floating_quotes` finds quotations that stand as
sentences of their own (they open a paragraph or follow a sentence end, and
are followed by one), lie outside every attribution found by the rules, and
directly follow a sentence holding an attribution (or another floating
quote) or, failing that, are directly followed in their paragraph by one;
each is attributed to that attribution's speaker.
"""

from __future__ import annotations

from bisect import bisect_right

from .candidates import Found
from .cues import Cue
from .spans import trim_chars

__all__ = ["FLOATING_CUE", "MIN_WORDS", "floating_quotes"]

# A floating quotation has at least this many words (shorter ones are titles or
# scare quotes); set by hand on constructed examples.
MIN_WORDS = 4
# The cue of a floating quote: none (an empty span at the start of its content).
FLOATING_CUE = Cue("", "none", "neutral", 0)
_SENTENCE_END = frozenset('.!?"”»:')


def _stands_alone(text: str, opener: int, closer: int, paragraph: tuple[int, int]) -> bool:
    """Whether the quotation opens at a sentence start and closes at a sentence end."""
    k = opener - 1
    while k >= paragraph[0] and text[k].isspace():
        k -= 1
    if k >= paragraph[0] and text[k] not in _SENTENCE_END:
        return False
    m = closer + 1
    while m < paragraph[1] and text[m] in " \t":
        m += 1
    return m >= paragraph[1] or text[m] == "\n" or text[m].isupper() or text[m] in '“"«'


def floating_quotes(
    text: str,
    found: list[Found],
    regions: list[tuple[int, int]],
    sentences: list[tuple[int, int, int]],
    paragraphs: list[tuple[int, int]],
) -> list[tuple[Found, int]]:
    """Floating quotes of an article, each with the index in ``found`` of its antecedent.

    ``regions`` are the paired quotations (:func:`framing.features.quotes.quoted_regions`),
    ``sentences`` the ``(start, end, paragraph)`` spans of the article.
    """
    if not regions or not found:
        return []
    starts = [s for s, _, _ in sentences]
    taken = sorted(
        (s, e) for item in found for s, e in [*item.content, item.cue, item.source or item.cue]
    )
    taken_starts = [s for s, _ in taken]
    by_sentence: dict[int, int] = {}
    for index, item in enumerate(found):
        if item.source is not None or item.head is not None:
            by_sentence[item.sentence] = index  # the last attribution of each sentence
    out: list[tuple[Found, int]] = []
    last_floating: dict[int, int] = {}  # sentence of a floating quote's end -> its antecedent
    for opener, closer in regions:
        k = bisect_right(taken_starts, closer) - 1
        if any(s < closer and opener < e for s, e in taken[max(0, k - 8) : k + 1]):
            continue  # part of an attribution the rules found
        span = trim_chars(text, opener + 1, closer)
        if span is None or len(text[span[0] : span[1]].split()) < MIN_WORDS:
            continue
        number = bisect_right(starts, opener) - 1
        if number < 0:
            continue
        paragraph = paragraphs[sentences[number][2]]
        if not _stands_alone(text, opener, closer, paragraph):
            continue
        previous = number - 1
        antecedent = by_sentence.get(previous, last_floating.get(previous))
        last_sentence = bisect_right(starts, closer) - 1
        following = last_sentence + 1
        if (
            antecedent is None
            and following < len(sentences)
            and sentences[following][2] == sentences[number][2]
        ):
            antecedent = by_sentence.get(following)  # named in the next sentence, same paragraph
        if antecedent is None:
            continue
        item = Found(
            number, None, None, None, (span[0], span[0]), FLOATING_CUE, [span], True, "floating"
        )
        out.append((item, antecedent))
        last_floating[last_sentence] = antecedent
    return out
