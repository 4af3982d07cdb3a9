"""Attributions whose cue is more than a verb after its subject.

Mixed into :class:`framing.features.candidates.CandidateFinder`. PolNeAR
(and readers) take as the cue everything between the source and the
content when the cue verb follows the making of a document; a participle
opening the sentence has the main clause's subject as source.

Tried and left out, because on PolNeAR train (cross-fitted) they were exactly
right less often than they cost: cues after "<subject> is quick to ...",
"took the stage to ..." (PolNeAR draws these cues differently from case to
case), and cue nouns after a possessive ("his warning that ...", "Trump's
call for ..."; exactly right in 9 of 42: the annotators mark the verb before
them, "repeated his claim that", or nothing).

==================  ====================================================
pattern             example
==================  ====================================================
verb_phrase         The town released a statement Wednesday **saying** ...
                    (a document made, then a participle: the cue runs
                    from the verb after the subject)
participle_first    **Citing** last week's attack, Carson said ... (the
                    source is the subject of the main clause)
==================  ====================================================
"""

from __future__ import annotations

from .cues import Cue
from .patterns import Found
from .phrases import DOCUMENT_HEADS, np_start_before
from .spans import content_after, time_adjunct_start
from .subjects import sentence_subject
from .tokens import (
    AUXILIARIES,
    QUOTES,
    Token,
    is_adverb,
    is_capitalised,
)
from .wordlists import words

__all__ = ["CuePhrasePatterns"]

# "<subject> sent out a fundraising email Wednesday saying" runs to at most this many tokens
# between the subject and the cue; set by hand from PolNeAR train examples.
MAX_VERB_PHRASE = 7
# Words and marks after which a new clause (with its own subject) begins.
_CLAUSE_BOUNDARIES = frozenset(
    ", ; : ( — – -- while when because after before as since although though if that whether "
    "which who where".split()
)
# Subjects that do not speak ("it is hard to say", "this is to say").
_EMPTY_SUBJECTS = frozenset({"it", "this", "that", "there", "what"})
# Cue kinds that need an explicit that-clause or quotation (shared with the main rules).
_CLAUSE_ONLY_KINDS = frozenset({"cognition", "evidence"})
# Words that may open a sentence before a participial clause ("But citing ...").
_OPENERS = frozenset({"but", "and", "so", "yet", "still", "then"})
_PARTICLES = words("verb_particles")


def _clause_start(tokens: list[Token], lo: int, before: int) -> int:
    """Index after the last clause boundary before ``tokens[before]`` (or ``lo``)."""
    for k in range(before - 1, lo - 1, -1):
        if tokens[k].lower in _CLAUSE_BOUNDARIES or tokens[k].text in QUOTES:
            return k + 1
    return lo


class CuePhrasePatterns:
    """The verb_phrase and participle_first patterns (needs ``cues``)."""

    def _cue_at(self, tokens: list[Token], m: int) -> bool:
        words = [t.lower for t in tokens[m : m + 4]]
        return self.cues.match_at(words, 0) is not None  # type: ignore[attr-defined]

    def _subject_before(self, tokens: list[Token], lo: int, verb: int) -> tuple[int, int] | None:
        """The subject of the clause whose verb phrase starts at or before ``tokens[verb]``."""
        start = _clause_start(tokens, lo, verb)
        subject = sentence_subject(
            tokens,
            start,
            verb,
            self.cues.first_words,  # type: ignore[attr-defined]
        )
        if subject is None or tokens[subject[0]].lower in _EMPTY_SUBJECTS:
            return None
        return subject

    def _verb_phrase(
        self,
        text: str,
        tokens: list[Token],
        lo: int,
        end: int,
        hi: int,
        c: int,
        last_cue: int,
        cue: Cue,
        number: int,
        paragraph: tuple[int, int],
    ) -> Found | None:
        """``<subject> released a statement (Wednesday) saying ...``: the cue is the phrase."""
        if not tokens[c].lower.endswith("ing"):
            return None
        verb = self._document_verb(tokens, lo, c)
        if verb is None:
            return None
        subject = self._subject_before(tokens, lo, verb)
        if subject is None:
            return None
        first = subject[1] + 1
        if not 1 <= c - first <= MAX_VERB_PHRASE or not all(
            t.lower in AUXILIARIES or is_adverb(t) for t in tokens[first:verb]
        ):
            return None  # the subject stands right before "(has) released a statement"
        for m in range(first, c):
            if tokens[m].lower in ("’s", "'s", "-"):
                continue
            if not tokens[m].text[:1].isalnum() or (m <= verb and self._cue_at(tokens, m)):
                return None  # punctuation, or an earlier cue ("said he sent an email saying")
        content, direct = content_after(
            text,
            tokens,
            last_cue + 1,
            end,
            hi,
            paragraph,
            needs_clause=cue.needs_clause or cue.kind in _CLAUSE_ONLY_KINDS,
        )
        if not content:
            return None
        source = (tokens[subject[0]].start, tokens[subject[1]].end)
        cue_span = (tokens[first].start, tokens[last_cue].end)
        return Found(number, source, source, None, cue_span, cue, content, direct, "verb_phrase")

    def _document_verb(self, tokens: list[Token], lo: int, c: int) -> int | None:
        """Index of the verb in "<verb> (out) a statement (Wednesday) <cue>ing", if any."""
        k = c - 1
        while k > lo and (
            is_adverb(tokens[k]) or (start := time_adjunct_start(tokens, k, lo)) is not None
        ):
            k = k - 1 if is_adverb(tokens[k]) else start - 1  # type: ignore[possibly-undefined]
        if k <= lo:
            return None
        head = tokens[k].lower
        if not (head in DOCUMENT_HEADS or head.rstrip("s") in DOCUMENT_HEADS):
            return None
        first = np_start_before(tokens, k, lo)
        if first is None or first - 1 <= lo:
            return None
        verb = first - 1
        if tokens[verb].lower in _PARTICLES and verb - 1 > lo:
            verb -= 1  # sent out a press release
        word = tokens[verb]
        if not word.text.islower() or word.lower in AUXILIARIES:
            return None
        return verb

    def _participle_first(
        self,
        text: str,
        tokens: list[Token],
        lo: int,
        end: int,
        hi: int,
        c: int,
        last_cue: int,
        cue: Cue,
        number: int,
        paragraph: tuple[int, int],
    ) -> Found | None:
        """``Citing X, <subject> said ...``: a participial clause opening the sentence."""
        if not (
            tokens[c].lower.endswith("ing")
            and (c > lo or is_capitalised(tokens[c]))
            and all(t.lower in _OPENERS for t in tokens[lo:c])
        ):
            return None
        comma = next((m for m in range(last_cue + 1, end) if tokens[m].text == ","), None)
        if comma is None or comma + 1 >= end:
            return None
        subject = sentence_subject(
            tokens,
            comma + 1,
            end,
            self.cues.first_words,  # type: ignore[attr-defined]
        )
        if subject is None or tokens[subject[0]].lower in _EMPTY_SUBJECTS:
            return None
        content, direct = content_after(
            text,
            tokens,
            last_cue + 1,
            comma,
            hi,
            paragraph,
            needs_clause=cue.needs_clause or cue.kind in _CLAUSE_ONLY_KINDS,
        )
        content = [(s, e) for s, e in content if e <= tokens[comma].start] if content else []
        if not content:
            return None
        source = (tokens[subject[0]].start, tokens[subject[1]].end)
        cue_span = (tokens[c].start, tokens[last_cue].end)
        return Found(
            number, source, source, None, cue_span, cue, content, direct, "participle_first"
        )
