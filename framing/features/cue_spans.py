"""Where a cue ends: candidate ends and their features for the learned choice.

A cue is at least its lexicon words ("said", "according to"); PolNeAR's
annotators often take more: a time ("said Tuesday"), a channel ("said in a
statement"), a preposition and its object ("asked about", "warned of"), up
to where the content or the source begins. The rules of
:func:`framing.features.spans.extend_cue` make one choice; the span model
(:mod:`framing.features.span_model`) may choose another among the
candidates listed here, scored by features of the words the cue would
cover and the word after it.

Examples
--------
>>> from framing.features.tokens import tokenize
>>> tokens = tokenize("She said in a statement Tuesday that it failed.")
>>> [e for e, _ in cue_end_feature_sets(tokens, 1, 1, 6, "say", "source_cue_content")]
[1, 2, 3, 4, 5]
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from .span_features import word_class
from .tokens import QUOTES, Token

__all__ = ["MAX_CUE_EXTENSION", "cue_end_feature_sets", "cue_end_walk"]

# A cue runs at most this many tokens past its lexicon words ("said at a Buffalo town hall
# event Thursday"); longer extensions are rare in PolNeAR train.
MAX_CUE_EXTENSION = 10
_STOPS = frozenset({",", ";", ":", "(", ")", "—", "–", "--", ".", "!", "?"})


def _bucket(n: int) -> str:
    for edge in (0, 1, 2, 3, 4, 6):
        if n <= edge:
            return str(edge)
    return ">6"


def cue_end_walk(
    tokens: Sequence[Token],
    lexical_end: int,
    ceiling: int,
    rule_end: int,
    lemma: str,
    pattern: str,
    classes: Sequence[str],
    ceiling_kind: str = "end",
) -> Iterator[tuple[int, list[str], list[str]]]:
    """One pass rightwards from ``lexical_end``: ``(end or -1, own features, features gained)``.

    ``ceiling`` is the index of the first token the cue may not cover (where
    the content or the source begins, or the clause ends); ``ceiling_kind``
    names it (``content``, ``source`` or ``end``).
    """
    limit = min(ceiling, lexical_end + MAX_CUE_EXTENSION + 1)
    first_class = classes[lexical_end + 1] if lexical_end + 1 < limit else "<none>"
    for e in range(lexical_end, limit):
        text = tokens[e].text
        if e > lexical_end and (text in _STOPS or text in QUOTES):
            return
        added = [f"has={classes[e]}"] if e > lexical_end else []
        nxt = ceiling_kind if e + 1 >= ceiling else classes[e + 1]
        ext = _bucket(e - lexical_end)
        own = [
            "bias",
            f"e0={classes[e]}",
            f"next={nxt}",
            f"e0|next={classes[e]}|{nxt}",
            f"ext={ext}",
            f"lemma|ext={lemma}|{ext}",
            f"pattern|ext={pattern}|{min(e - lexical_end, 2)}",
            f"lemma|next={lemma}|{nxt}",
        ]
        if e > lexical_end:
            own += [f"x1={first_class}", f"lemma|x1={lemma}|{first_class}"]
        if e == rule_end:
            own.append("rule")
        yield e, own, added


def cue_end_feature_sets(
    tokens: Sequence[Token],
    lexical_end: int,
    rule_end: int,
    ceiling: int,
    lemma: str,
    pattern: str,
    classes: Sequence[str] | None = None,
    ceiling_kind: str = "end",
) -> list[tuple[int, list[str]]]:
    """``(end, features)`` of every candidate end of a cue (see :func:`cue_end_walk`).

    ``classes`` holds the word class of every token (computed if not given).
    """
    if classes is None:
        classes = [word_class(t) for t in tokens]
    out = []
    gathered: list[str] = []
    for e, own, added in cue_end_walk(
        tokens, lexical_end, ceiling, rule_end, lemma, pattern, classes, ceiling_kind
    ):
        gathered.extend(added)
        out.append((e, own + gathered))
    return out
