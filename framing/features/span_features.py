"""Features of attribution span candidates, for the learned re-scoring.

Every candidate the span model (:mod:`framing.features.span_model`) scores
is described by short strings: word classes of the tokens around the span
(:func:`word_class`: function words as themselves, other words by shape
and role), the cue lemma, the pattern and lengths in buckets. Candidates
are walked once outwards from a fixed point so that a scorer can keep
running sums (cost linear in the candidates):

* source starts before a cue (:func:`start_feature_sets`);
* source ends after a cue (:func:`end_feature_sets`);
* whether a candidate is an attribution at all (:func:`accept_features`).

Examples
--------
>>> from framing.features.tokens import tokenize
>>> tokens = tokenize("Senior advisers who ran the numbers said so.")
>>> [tokens[s].text for s in start_candidates(tokens, 0, 5)]
['numbers', 'the', 'ran', 'who', 'advisers', 'Senior']
>>> "w0=the" in start_features(tokens, 0, 4, 5, 4)
True
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache
from operator import attrgetter

from .phrases import (
    ANONYMOUS_HEADS,
    DOCUMENT_HEADS,
    ORGANISATION_WORDS,
    TITLE_WORDS,
    is_agent_word,
    possessive_mark,
)
from .tokens import (
    AUXILIARIES,
    CLAUSE_WORDS,
    DETERMINERS,
    OBJECT_PRONOUNS,
    PERSONAL_PRONOUNS,
    QUOTES,
    RELATIVE_PRONOUNS,
    Token,
)
from .wordlists import words

__all__ = [
    "GATHERED_CLASSES",
    "MAX_SOURCE_TOKENS",
    "OFFSET_EDGES",
    "accept_features",
    "bucket",
    "end_feature_sets",
    "end_walk",
    "sentence_counts",
    "start_candidates",
    "start_feature_sets",
    "start_features",
    "start_walk",
    "word_class",
    "word_classes",
]

_TIME_WORDS = words("time_words") | words("time_heads")
# A source before its cue starts at most this many tokens before its last token
# (the longest gold sources of PolNeAR train run to about 35 tokens).
MAX_SOURCE_TOKENS = 40
_CLOSED = (
    DETERMINERS
    | PERSONAL_PRONOUNS
    | OBJECT_PRONOUNS
    | RELATIVE_PRONOUNS
    | CLAUSE_WORDS
    | frozenset("whose those some many most all both each one half even also however".split())
)


def word_class(token: Token | None) -> str:
    """A coarse class of a token: function words as themselves, else shape and role."""
    if token is None:
        return "<none>"
    return _text_class(token.text)


def word_classes(tokens: Sequence[Token]) -> list[str]:
    """:func:`word_class` of every token, in order (one pass in C over the memo)."""
    return list(map(_text_class, map(_TEXT, tokens)))


_TEXT = attrgetter("text")


@lru_cache(maxsize=1 << 16)
def _text_class(text: str) -> str:
    word = text.casefold()
    if word in _CLOSED:
        return word
    if word in _TIME_WORDS:
        return "<time>"
    if not text[:1].isalnum():
        return text[:1]
    if text[:1].isdigit():
        return "<num>"
    if text[:1].isupper():
        if word in TITLE_WORDS or word.endswith("."):
            return "<Title>"
        return "<Cap's>" if word.endswith(("'s", "’s")) else "<Cap>"
    if word in TITLE_WORDS:
        return "<title>"
    if word in ANONYMOUS_HEADS:
        return "<anon>"
    if word in DOCUMENT_HEADS:
        return "<doc>"
    if word in ORGANISATION_WORDS:
        return "<org>"
    if is_agent_word(word):
        return "<agent>"
    for ending in ("ing", "ed", "ly", "'s", "’s", "s"):
        if word.endswith(ending):
            return f"<-{ending}>"
    return "<low>"


# Words that open a clause after a source: a source after its cue ends before them
# ("..., says Ann Ode while visiting ...").
_SUBORDINATORS = frozenset({"while", "as", "when", "before", "after", "during", "because"})
# Classes of covered words that the start model sees as "has=" features (besides words).
GATHERED_CLASSES = frozenset({"<Cap>", "<num>", "<-ing>", "<-ed>"})
# Buckets of the distance between a candidate start and the rules' start.
OFFSET_EDGES = (0, 1, 2, 3, 5, 8)


def bucket(n: int, edges: Sequence[int] = (0, 1, 2, 3, 5, 8, 13, 20)) -> str:
    """The bucket of a count: the first edge at least ``n`` (as text), or ``>last``."""
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


# bucket(n) of the counts met in practice, looked up rather than formed
_BUCKETS = tuple(bucket(n) for n in range(64))


def start_candidates(tokens: Sequence[Token], lo: int, last: int) -> list[int]:
    """Token indices that may start a source ending at ``tokens[last]``, nearest first.

    Leftwards from ``last`` to the clause start, never over a quotation
    mark, a colon or a semicolon; only tokens that begin with a letter or
    digit (the evaluation trims punctuation from span edges).
    """
    return [s for s, _ in start_feature_sets(tokens, lo, last, last)]


def start_features(
    tokens: Sequence[Token], lo: int, s: int, last: int, rule_first: int
) -> list[str]:
    """Features of ``tokens[s..last]`` as the source phrase (``rule_first``: the rules' start)."""
    for start, features in start_feature_sets(tokens, lo, last, rule_first):
        if start == s:
            return features
    return []


def start_feature_sets(
    tokens: Sequence[Token],
    lo: int,
    last: int,
    rule_first: int,
    classes: Sequence[str] | None = None,
) -> list[tuple[int, list[str]]]:
    """``(start, features)`` of every candidate start of a source ending at ``tokens[last]``.

    ``classes`` may hold :func:`word_class` of every token (computed here if not).
    """
    out = []
    gathered: list[str] = []
    for s, own, added in start_walk(tokens, lo, last, rule_first, classes):
        gathered.extend(added)
        if s >= 0:
            out.append((s, own + gathered))
    return out


def start_walk(
    tokens: Sequence[Token],
    lo: int,
    last: int,
    rule_first: int,
    classes: Sequence[str] | None,
) -> Iterator[tuple[int, list[str], list[str]]]:
    """One pass leftwards from ``last``: ``(start or -1, own features, features gained)``.

    A candidate's features are its own (words at and before its start,
    length, distance from the rules' start) plus every feature gained so far
    (the classes of the words it covers), so the cost is linear in the
    candidates and a scorer can keep running sums.
    """
    floor = max(lo, last - MAX_SOURCE_TOKENS)
    if classes is None:
        cached = {k: word_class(tokens[k]) for k in range(max(lo, floor - 2), last + 1)}
        classes_of = cached.__getitem__
    else:
        classes_of = classes.__getitem__
    seen: set[str] = set()
    extra: set[str] = set()
    commas = 0
    for s in range(last, floor - 1, -1):
        text = tokens[s].text
        if (text in QUOTES and not possessive_mark(tokens, s)) or text in (":", ";"):
            return
        added = []
        if s < last:
            cls = classes_of(s + 1)
            if cls == ",":
                commas += 1
            if cls not in seen:
                seen.add(cls)
                if not cls.startswith("<") or cls in GATHERED_CLASSES:
                    added.append(f"has={cls}")
        if s < rule_first:
            cls = classes_of(s)
            if cls not in extra:
                extra.add(cls)
                if not cls.startswith("<-"):
                    added.append(f"extra={cls}")
        if not text[:1].isalnum():
            yield -1, [], added
            continue
        w0 = classes_of(s)
        w1 = classes_of(s - 1) if s > lo else "<BOS>"
        w2 = classes_of(s - 2) if s - 1 > lo else "<BOS>"
        offset = s - rule_first
        own = [
            "bias",
            f"w0={w0}",
            f"w-1={w1}",
            f"w-2={w2}",
            f"w-1w0={w1}|{w0}",
            f"w-2w-1={w2}|{w1}",
            f"len={bucket(last - s)}",
            f"off={bucket(abs(offset), OFFSET_EDGES)}{'-' if offset < 0 else '+'}",
            f"commas={min(commas, 3)}",
        ]
        if offset == 0:
            own.append("rule")
        yield s, own, added


def end_feature_sets(
    tokens: Sequence[Token],
    first: int,
    hi: int,
    rule_last: int,
    classes: Sequence[str] | None = None,
) -> list[tuple[int, list[str]]]:
    """``(end, features)`` of every candidate end of a source starting at ``tokens[first]``.

    For sources after their cue ("said Robert Klein, chairman of the
    institute"): rightwards from ``first`` to the clause end.
    """
    out = []
    gathered: list[str] = []
    for e, own, added in end_walk(tokens, first, hi, rule_last, classes):
        gathered.extend(added)
        if e >= 0:
            out.append((e, own + gathered))
    return out


def end_walk(
    tokens: Sequence[Token],
    first: int,
    hi: int,
    rule_last: int,
    classes: Sequence[str] | None,
) -> Iterator[tuple[int, list[str], list[str]]]:
    """One pass rightwards from ``first``: ``(end or -1, own features, features gained)``."""
    ceiling = min(hi, first + MAX_SOURCE_TOKENS + 1)
    if classes is None:
        cached = {k: word_class(tokens[k]) for k in range(first, min(hi, ceiling + 2))}
        classes_of = cached.__getitem__
    else:
        classes_of = classes.__getitem__
    seen: set[str] = set()
    commas = 0
    for e in range(first, ceiling):
        text = tokens[e].text
        if (
            text in QUOTES
            or text in (":", ";")
            or (e > first and tokens[e].lower in _SUBORDINATORS)
        ):
            return
        added = []
        if e > first:
            cls = classes_of(e)
            if cls == ",":
                commas += 1
            if cls not in seen:
                seen.add(cls)
                added.append(f"has={cls}")
        if not text[:1].isalnum():
            yield -1, [], added
            continue
        e0 = classes_of(e)
        e1 = classes_of(e + 1) if e + 1 < hi else "<EOS>"
        e2 = classes_of(e + 2) if e + 2 < hi else "<EOS>"
        offset = e - rule_last
        own = [
            "bias",
            f"e0={e0}",
            f"e+1={e1}",
            f"e+2={e2}",
            f"e0e+1={e0}|{e1}",
            f"e+1e+2={e1}|{e2}",
            f"len={bucket(e - first)}",
            f"off={bucket(abs(offset), (0, 1, 2, 3, 5, 8))}{'-' if offset < 0 else '+'}",
            f"commas={min(commas, 3)}",
        ]
        if offset == 0:
            own.append("rule")
        yield e, own, added


def sentence_counts(tokens: Sequence[Token], lo: int, hi: int) -> tuple[int, int]:
    """Capitalised words and quotation marks among ``tokens[lo:hi]`` (features of a sentence)."""
    capitalised = sum(t.text[:1].isupper() for t in tokens[lo:hi])
    quotes = sum(
        1
        for k in range(lo, hi)
        if tokens[k].text in QUOTES and not possessive_mark(tokens, k)  # not "leagues’"
    )
    return capitalised, quotes


def accept_features(
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
    content: tuple[int, int] | None = None,
    counts: tuple[int, int] | None = None,
) -> list[str]:
    """Features of one candidate attribution (token indices of its cue, source, content).

    ``counts`` may hold :func:`sentence_counts` of ``tokens[lo:hi]`` (computed if not).
    """
    form = tokens[cue_first].lower
    nxt = word_class(tokens[cue_last + 1]) if cue_last + 1 < hi else "<EOS>"
    nxt2 = word_class(tokens[cue_last + 2]) if cue_last + 2 < hi else "<EOS>"
    prv = word_class(tokens[cue_first - 1]) if cue_first > lo else "<BOS>"
    features = [
        "bias",
        f"lemma={lemma}",
        f"form={form}",
        f"kind={kind}",
        f"pattern={pattern}",
        f"direct={direct}",
        f"next={nxt}",
        f"next2={nxt}|{nxt2}",
        f"prev={prv}",
        f"lemma|next={lemma}|{nxt}",
        f"lemma|pattern={lemma}|{pattern}",
        f"pattern|direct={pattern}|{direct}",
        f"first={cue_first == lo}",
        f"sentence_len={bucket(hi - lo)}",
    ]
    features += [
        f"form|next={form}|{nxt}",
        f"form|pattern={form}|{pattern}",
        f"prev|next={prv}|{nxt}",
    ]
    capitalised, quotes = counts if counts is not None else sentence_counts(tokens, lo, hi)
    if hi - lo > 4 and capitalised > 0.6 * (hi - lo):
        features.append("title_case")  # a headline
    if content is not None:
        first, last = content
        before = last < cue_first
        features += [
            f"content_len={bucket(last - first)}",
            f"content0={word_class(tokens[first])}",
            f"content_side={'before' if before else 'after'}",
            f"lemma|content0={lemma}|{word_class(tokens[first])}",
        ]
    group = {t.lower for t in tokens[max(lo, cue_first - 3) : cue_first]}
    if group & AUXILIARIES:
        features.append("aux")
    if source is None:
        features.append("source=none")
    else:
        first, last = source
        head = word_class(tokens[last])
        features += [
            f"src0={word_class(tokens[first])}",
            f"src_head={head}",
            f"src_len={bucket(last - first)}",
            f"lemma|src_head={lemma}|{head}",
            f"pattern|src_head={pattern}|{head}",
            f"pattern|src_len={pattern}|{bucket(last - first)}",
        ]
    features += [
        f"quotes={min(quotes, 3)}",
        f"pattern|quotes={pattern}|{min(quotes, 3)}",
        f"lemma|prev={lemma}|{prv}",
        f"cue_words={min(cue_last - cue_first + 1, 4)}",
    ]
    return features
