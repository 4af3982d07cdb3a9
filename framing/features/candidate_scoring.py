"""Where the span model decides for the candidate finder.

Mixed into :class:`framing.features.candidates.CandidateFinder`: the rules
propose each attribution, and the span model (:mod:`framing.features.span_model`),
when there is one, chooses where a source starts or ends and where a cue
ends, and whether a candidate is kept. Word classes (for the stretch the
walks read), token offsets and sentence counts are computed once per
sentence and shared by the models. The shipped model scores from its weight
tables (:mod:`framing.features.span_tables`, :mod:`framing.features.accept_tables`)
and is not asked where the rules' choice is the only candidate; any other
model (the training script's recorder) sees every candidate and its feature
strings.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from .accept_tables import accept_score
from .cue_spans import MAX_CUE_EXTENSION, best_cue_end_by_tables
from .patterns import Found
from .phrases import possessive_mark
from .span_features import accept_features, sentence_counts, word_classes
from .span_model import SpanModel
from .span_tables import best_start_by_tables, start_reach
from .spans import content_end
from .tokens import QUOTES, Token

__all__ = ["ModelChoices"]


def _at(offsets: list[int], offset: int) -> int | None:
    """Index of the token with this start (or end) offset, if any (offsets increase)."""
    k = bisect_left(offsets, offset)
    return k if k < len(offsets) and offsets[k] == offset else None


class ModelChoices:
    """The model's choices (needs ``model``, ``_classes``, ``_offsets`` and ``_counts``)."""

    model: object
    _classes: tuple[list[Token], list[str | None], list[int]] | None
    _offsets: tuple[list[Token], list[int], list[int]] | None
    _counts: tuple[list[Token], tuple[int, int]] | None
    _tables: dict[str, Any]  # the shipped model's weight tables by part (start, cue_end, accept)

    def _source_start(self, tokens: list[Token], lo: int, last: int, first: int) -> int:
        """Start of a source before its cue: the rules' ``first`` or the model's choice."""
        if self.model is None:
            return first
        if type(self.model) is not SpanModel:  # a recorder may read every class
            classes = self._word_classes(tokens, 0, len(tokens))
        else:
            alone, lowest = start_reach(tokens, lo, last, first)
            if alone:
                return first  # no other start to choose: the shipped model keeps the rules' one
            classes = self._word_classes(tokens, max(lo, lowest - 2), last + 1)
            return best_start_by_tables(self._tables["start"], tokens, lo, last, first, classes)
        return self.model.best_start(tokens, lo, last, first, classes)  # type: ignore[attr-defined]

    def _source_end(self, tokens: list[Token], first: int, hi: int, last: int) -> int:
        """End of a source after its cue: the rules' ``last`` or the model's choice."""
        if self.model is None or not hasattr(self.model, "best_end"):
            return last
        classes = self._word_classes(tokens, 0, len(tokens))
        return self.model.best_end(tokens, first, hi, last, classes)  # type: ignore[attr-defined]

    def _cue_end(self, tokens: list[Token], lo: int, hi: int, c: int, found: Found) -> None:
        """Let the model (if any) choose where the cue ends, before its content or source."""
        if self.model is None or not hasattr(self.model, "best_cue_end"):
            return
        _, starts, ends = self._token_offsets(tokens)
        first, rule_end = _at(starts, found.cue[0]), _at(ends, found.cue[1])
        lexical_end = c + found.lemma.words - 1
        if found.lemma.words > 1 and tokens[lexical_end].lower == "of":
            lexical_end -= 1  # "said of": the topic may stay out of the cue
        if first is None or rule_end is None or rule_end < lexical_end:
            return
        limit, kind = None, "end"
        if found.source is not None and found.source[0] >= found.cue[1]:
            limit, kind = found.source[0], "source"
        after = [s for s, _ in found.content if s >= found.cue[1]]
        if after and (limit is None or min(after) < limit):
            limit, kind = min(after), "content"
        if limit is None:
            ceiling = content_end(tokens, lo, hi)
        else:
            ceiling = next((k for k in range(lexical_end + 1, hi) if tokens[k].end > limit), hi)
        ceiling = max(ceiling, lexical_end + 1)
        if ceiling == lexical_end + 1 and rule_end == lexical_end and type(self.model) is SpanModel:
            return  # the rules' end is the only candidate: the shipped model keeps it
        if type(self.model) is SpanModel:
            if not self.model.cue_end_weights:
                return  # rules only for cue ends
            # the shipped model reads classes from the cue's last word to the word after its
            # last candidate end
            stop = min(ceiling, lexical_end + MAX_CUE_EXTENSION + 1) + 1
            best = best_cue_end_by_tables(
                self._tables["cue_end"],
                tokens,
                lexical_end,
                ceiling,
                rule_end,
                found.lemma.lemma,
                found.pattern,
                self._word_classes(tokens, lexical_end, stop),  # type: ignore[arg-type]
                kind,
            )
        else:  # a recorder, which may read every class
            best = self.model.best_cue_end(  # type: ignore[attr-defined]
                tokens,
                first,
                lexical_end,
                rule_end,
                ceiling,
                found.lemma.lemma,
                found.pattern,
                self._word_classes(tokens, 0, len(tokens)),
                kind,
            )
        found.cue = (found.cue[0], tokens[best].end)

    def _word_classes(self, tokens: list[Token], start: int, stop: int) -> list[str]:
        """Word classes of a sentence, made for ``tokens[start:stop]`` at least.

        The list has one entry per token; entries outside the stretch made so
        far (one stretch per sentence, grown as the models read further) are
        ``None`` and never read.
        """
        if self._classes is None or self._classes[0] is not tokens:
            self._classes = (tokens, [None] * len(tokens), [0, 0])  # type: ignore[assignment]
        _, known, made = self._classes  # type: ignore[misc]
        stop = min(stop, len(tokens))
        if made[0] == made[1]:  # nothing made yet
            made[0] = made[1] = start
        if start < made[0]:
            known[start : made[0]] = word_classes(tokens[start : made[0]])
            made[0] = start
        if stop > made[1]:
            known[made[1] : stop] = word_classes(tokens[made[1] : stop])
            made[1] = stop
        return known

    def _token_offsets(self, tokens: list[Token]) -> tuple[list[Token], list[int], list[int]]:
        """Start and end offsets of a sentence's tokens, in order (made once per sentence)."""
        if self._offsets is None or self._offsets[0] is not tokens:
            self._offsets = (tokens, [t.start for t in tokens], [t.end for t in tokens])
        return self._offsets

    def _keep(self, tokens: list[Token], lo: int, hi: int, c: int, found: Found) -> bool:
        """Whether the model (if any) keeps a candidate."""
        if self.model is None:
            return True
        _, starts, ends = self._token_offsets(tokens)
        cue_last = _at(ends, found.cue[1])
        if cue_last is None:
            cue_last = c + found.lemma.words - 1
        source = None
        if found.source is not None:
            first, last = _at(starts, found.source[0]), _at(ends, found.source[1])
            if first is not None and last is not None:
                source = (first, last)
        content = None
        first, last = _at(starts, found.content[0][0]), _at(ends, found.content[-1][1])
        if first is not None and last is not None:
            content = (first, last)
        args = (
            tokens,
            lo,
            hi,
            c,
            cue_last,
            source,
            found.lemma.lemma,
            found.lemma.kind,
            found.pattern,
            found.direct,
            content,
            self._sentence_counts(tokens, lo, hi),
        )
        if type(self.model) is SpanModel:  # the same decision without the feature strings
            return self.model.accepts_score(accept_score(self._tables["accept"], *args))  # type: ignore[arg-type]
        return bool(self.model.keep(found, accept_features(*args)))  # type: ignore[attr-defined]

    def _sentence_counts(self, tokens: list[Token], lo: int, hi: int) -> tuple[int, int]:
        """:func:`sentence_counts` of a sentence, read off its text (made once per sentence)."""
        if self._counts is None or self._counts[0] is not tokens:
            text = getattr(self, "_text", None)
            if text is None or not tokens or text[tokens[0].start] != tokens[0].text[0]:
                counts = sentence_counts(tokens, lo, hi)
            else:
                counts = _counts_in_text(text, tokens, lo, hi, self._token_offsets(tokens)[1])
            self._counts = (tokens, counts)
        return self._counts[1]


# Quotation marks that are always a token of their own; ’ also ends words ("Trump’s").
_QUOTE_TOKENS = tuple(QUOTES - {"’"})


def _counts_in_text(
    text: str, tokens: list[Token], lo: int, hi: int, starts: list[int]
) -> tuple[int, int]:
    """:func:`sentence_counts` from the characters of the text the tokens were cut from."""
    if hi <= lo:
        return 0, 0
    capitalised = sum(map(str.isupper, map(text.__getitem__, starts[lo:hi])))
    a, b = tokens[lo].start, tokens[hi - 1].end
    quotes = sum(text.count(mark, a, b) for mark in _QUOTE_TOKENS)
    at = text.find("’", a, b)
    while at != -1:
        k = bisect_left(starts, at, lo, hi)
        if k < hi and starts[k] == at and tokens[k].text == "’" and not possessive_mark(tokens, k):
            quotes += 1
        at = text.find("’", at + 1, b)
    return capitalised, quotes
