"""The acceptance model's score from weight tables, without building feature strings.

:func:`framing.features.span_features.accept_features` describes a
candidate attribution by some thirty short strings, and the span model sums
their weights. :func:`accept_score` gives the same sum from tables of the
weights by template (``next -> {class: weight}``, pairs by their two
values), looked up in the order of the feature list and summed by one
``sum``: the score is the same to the last bit, and the extractor asks the
model for no strings. ``tests/features/test_span_model.py`` checks the two
on real candidates.

Examples
--------
>>> from framing.features.span_features import accept_features
>>> from framing.features.tokens import tokenize
>>> weights = {"bias": -1.0, "lemma=say": 2.5, "next=that": 0.5, "lemma|next=say|that": 0.25}
>>> tokens = tokenize("Officials said that it failed.")
>>> args = (tokens, 0, len(tokens), 1, 1, (0, 0), "say", "speech", "p", False, (2, 5), (1, 0))
>>> accept_score(accept_tables(weights), *args)
2.25
>>> sum(weights.get(f, 0.0) for f in accept_features(*args))
2.25
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .span_features import _BUCKETS, _text_class, bucket
from .tokens import AUXILIARIES, Token

__all__ = ["AcceptTables", "accept_score", "accept_tables"]

_SINGLE = (
    "lemma",
    "form",
    "kind",
    "pattern",
    "direct",
    "next",
    "prev",
    "first",
    "sentence_len",
    "content_len",
    "content0",
    "content_side",
    "src0",
    "src_head",
    "src_len",
    "quotes",
    "cue_words",
)
_PAIRS = (
    "next2",
    "lemma|next",
    "lemma|pattern",
    "pattern|direct",
    "form|next",
    "form|pattern",
    "prev|next",
    "lemma|content0",
    "lemma|src_head",
    "pattern|src_head",
    "pattern|src_len",
    "pattern|quotes",
    "lemma|prev",
)
_FLAGS = ("bias", "title_case", "aux", "source=none")


def _slot(template: str) -> str:
    return template.replace("|", "_").replace("=", "_")


class AcceptTables:
    """The acceptance weights by template: ``tables.next[class]``, ``tables.lemma_next[(a, b)]``.

    A pair feature is entered under every split of its value at ``|`` (a
    class may itself be ``|``): the lookup of the pair that formed the string
    finds it, and no other pair can. Flags (``bias``, ``aux``, ...) are weights.
    """

    __slots__ = tuple(_slot(name) for name in _SINGLE + _PAIRS + _FLAGS)

    def __init__(self, weights: Mapping[str, float]) -> None:
        for name in _SINGLE + _PAIRS:
            setattr(self, _slot(name), {})
        for feature, weight in weights.items():
            template, _, value = feature.partition("=")
            if template in _SINGLE:
                getattr(self, template)[value] = weight
            elif template in _PAIRS:
                table = getattr(self, _slot(template))
                for k, char in enumerate(value):
                    if char == "|":
                        table[(value[:k], value[k + 1 :])] = weight
        for flag in _FLAGS:
            setattr(self, _slot(flag), weights.get(flag, 0.0))


def accept_tables(weights: Mapping[str, float]) -> AcceptTables:
    """:class:`AcceptTables` of a model's acceptance weights."""
    return AcceptTables(weights)


def _bucket(n: int) -> str:
    return _BUCKETS[n] if 0 <= n < len(_BUCKETS) else bucket(n)


def accept_score(
    t: AcceptTables,
    tokens: Sequence[Token],
    lo: int,
    hi: int,
    cue_first: int,
    cue_last: int,
    source: tuple[int, int] | None,
    lemma: str,
    kind: str,
    pattern: str,
    direct: bool,
    content: tuple[int, int] | None,
    counts: tuple[int, int],
) -> float:
    """The sum of the weights of :func:`~framing.features.span_features.accept_features`.

    Same arguments as that function (``counts`` given), same order of terms.
    """
    form = tokens[cue_first].lower
    nxt = _text_class(tokens[cue_last + 1].text) if cue_last + 1 < hi else "<EOS>"
    nxt2 = _text_class(tokens[cue_last + 2].text) if cue_last + 2 < hi else "<EOS>"
    prv = _text_class(tokens[cue_first - 1].text) if cue_first > lo else "<BOS>"
    said = f"{direct}"
    w = [
        t.bias,
        t.lemma.get(lemma, 0.0),
        t.form.get(form, 0.0),
        t.kind.get(kind, 0.0),
        t.pattern.get(pattern, 0.0),
        t.direct.get(said, 0.0),
        t.next.get(nxt, 0.0),
        t.next2.get((nxt, nxt2), 0.0),
        t.prev.get(prv, 0.0),
        t.lemma_next.get((lemma, nxt), 0.0),
        t.lemma_pattern.get((lemma, pattern), 0.0),
        t.pattern_direct.get((pattern, said), 0.0),
        t.first.get("True" if cue_first == lo else "False", 0.0),
        t.sentence_len.get(_bucket(hi - lo), 0.0),
        t.form_next.get((form, nxt), 0.0),
        t.form_pattern.get((form, pattern), 0.0),
        t.prev_next.get((prv, nxt), 0.0),
    ]
    capitalised, quotes = counts
    if hi - lo > 4 and capitalised > 0.6 * (hi - lo):
        w.append(t.title_case)
    if content is not None:
        first, last = content
        head = _text_class(tokens[first].text)
        w += (
            t.content_len.get(_bucket(last - first), 0.0),
            t.content0.get(head, 0.0),
            t.content_side.get("before" if last < cue_first else "after", 0.0),
            t.lemma_content0.get((lemma, head), 0.0),
        )
    if not AUXILIARIES.isdisjoint([tk.lower for tk in tokens[max(lo, cue_first - 3) : cue_first]]):
        w.append(t.aux)
    if source is None:
        w.append(t.source_none)
    else:
        first, last = source
        head = _text_class(tokens[last].text)
        length = _bucket(last - first)
        w += (
            t.src0.get(_text_class(tokens[first].text), 0.0),
            t.src_head.get(head, 0.0),
            t.src_len.get(length, 0.0),
            t.lemma_src_head.get((lemma, head), 0.0),
            t.pattern_src_head.get((pattern, head), 0.0),
            t.pattern_src_len.get((pattern, length), 0.0),
        )
    quoted = str(min(quotes, 3))
    w += (
        t.quotes.get(quoted, 0.0),
        t.pattern_quotes.get((pattern, quoted), 0.0),
        t.lemma_prev.get((lemma, prv), 0.0),
        t.cue_words.get(str(min(cue_last - cue_first + 1, 4)), 0.0),
    )
    return sum(w)
