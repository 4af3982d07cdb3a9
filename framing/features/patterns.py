"""Attribution patterns where the cue does not follow its source.

Mixed into :class:`framing.features.candidates.CandidateFinder`:

==================  ====================================================
pattern             example
==================  ====================================================
cue_source          "We won," said Khan.  /  "Why?" said Khan, a farmer.
according_to        According to CNN, Iran ... / ..., according to X.
passive             Sanders was asked by the host whether ... / When asked about ...
==================  ====================================================

:class:`Found` is the attribution as character spans that every pattern gives.
"""

from __future__ import annotations

from dataclasses import dataclass

from .cues import Cue
from .phrases import apposition, appositive_like, np_end_after
from .spans import content_before, is_adjunct, quote_before_sentence
from .tokens import AUXILIARIES, CLOSE_QUOTES, QUOTES, Token, is_adverb, is_capitalised
from .wordlists import words

__all__ = ["Found", "InvertedPatterns"]

# Verbs that take an addressee before their content: told reporters that ...
ADDRESSEE_CUES = words("addressee_cues")
# Cues whose passive reports speech ("was asked whether", "was announced").
_PASSIVE_CUES = frozenset({"ask", "announce", "declare"})
# Words that open the content of a passive cue ("was asked whether/about/if ...").
_QUESTION_WORDS = frozenset("whether if about what why how when who which to that".split())
# Words that may open a source after its cue ("..., says my two-year-old").
_SOURCE_OPENERS = frozenset({"the", "a", "an", "one", "my", "his", "her", "their", "our", "its"})
# Words that open a clause after a source that follows its cue ("..., says Ann Ode while
# visiting ...", "..., said Ann Ode as she left").
_CLAUSE_AFTER_SOURCE = frozenset({"while", "as", "when", "before", "after", "during"})
# Words that may open a clause before "According to X," ("But according to ...").
_CLAUSE_OPENERS = frozenset({"but", "and", "yet", "so", "still", "now", "however"})


@dataclass
class Found:
    """One attribution as character spans into the article text."""

    sentence: int
    source: tuple[int, int] | None  # character span of the source as written
    head: tuple[int, int] | None  # character span used to resolve (name without apposition)
    antecedent: tuple[int, int] | None  # for relative pronouns: the phrase before
    cue: tuple[int, int]
    lemma: Cue
    content: list[tuple[int, int]]
    direct: bool
    pattern: str


class InvertedPatterns:
    """The cue-source, according-to and passive patterns (needs ``cues`` and ``_source_end``)."""

    def _passive(
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
        """``was asked by X whether ...``, ``When asked about ...``: source by agent or none.

        Only for cues whose passive reports speech ("was asked", "was
        announced"); "is said", "was told" stay without an attribution, and so
        do other passives with an agent ("was first reported by Politico":
        on PolNeAR train these rules were right in 7 of 19 cases).
        """
        if cue.lemma not in _PASSIVE_CUES:
            return None
        k = c - 1
        while k >= lo and (tokens[k].lower in AUXILIARIES or is_adverb(tokens[k])):
            k -= 1
        cue_span = (tokens[k + 1].start, tokens[last_cue].end)
        after = last_cue + 1
        source = None
        if after + 1 < end and tokens[after].lower == "by":
            agent_end = np_end_after(tokens, after + 1, end)
            if agent_end is None:
                return None
            source = (tokens[after + 1].start, tokens[agent_end].end)
            after = agent_end + 1
        if after >= end or tokens[after].lower not in _QUESTION_WORDS:
            return None
        if tokens[after].lower == "about" and after + 1 < end:
            cue_span = (cue_span[0], tokens[after].end)  # "was asked about": about is the cue's
            after += 1
        stop = next((m for m in range(after, end) if tokens[m].text in (",", ";")), end)
        subordinate = any(
            t.lower in ("when", "after", "while", "if") for t in tokens[max(lo, k - 2) : k + 1]
        )
        if k >= lo and not subordinate:
            stop = end  # "he was asked whether ...": the rest of the clause
        if stop <= after:
            return None
        content = [(tokens[after].start, tokens[stop - 1].end)]
        return Found(number, source, source, None, cue_span, cue, content, False, "passive")

    def _according_to(
        self,
        text: str,
        tokens: list[Token],
        lo: int,
        end: int,
        c: int,
        last_cue: int,
        cue: Cue,
        number: int,
        paragraph: tuple[int, int],
    ) -> Found | None:
        """``X, according to Y.`` / ``According to Y, X.`` (the clause on the other side)."""
        src_last = np_end_after(tokens, last_cue + 1, end)
        if src_last is None:
            return None
        source = (tokens[last_cue + 1].start, tokens[src_last].end)
        if src_last + 1 >= end or tokens[src_last + 1].text != ",":  # X, according to Y.
            source_last = self._source_end(tokens, last_cue + 1, end, src_last)
            source = (tokens[last_cue + 1].start, tokens[source_last].end)
        cue_span = (tokens[c].start, tokens[last_cue].end)
        content: list[tuple[int, int]] = []
        opening = all(
            t.lower in _CLAUSE_OPENERS or is_adverb(t) or t.text == "," for t in tokens[lo:c]
        )
        if not opening:
            boundary = (
                c - 1 if tokens[c - 1].text in CLOSE_QUOTES or tokens[c - 1].text == "," else c
            )
            if boundary == c:
                content.append((tokens[lo].start, tokens[c - 1].end))  # 46 percent according to
            else:
                before, _ = content_before(text, tokens, lo, boundary, paragraph)
                content.extend(before)
        if src_last + 2 < end + 1 and src_last + 1 < end and tokens[src_last + 1].text == ",":
            content.append((tokens[src_last + 2].start, tokens[end - 1].end))
        elif opening and src_last + 1 < end:
            content.append((tokens[src_last + 1].start, tokens[end - 1].end))
        content = [(s, e) for s, e in content if e > s]
        if not content:
            return None
        return Found(number, source, source, None, cue_span, cue, content, False, "according_to")

    def _cue_source(
        self,
        text: str,
        tokens: list[Token],
        lo: int,
        end: int,
        c: int,
        last_cue: int,
        cue: Cue,
        number: int,
        paragraph: tuple[int, int],
    ) -> Found | None:
        """``"We won," said Khan.``: content, then cue, then source.

        The quotation may close the sentence before (``"Why?" said Khan.``).
        """
        opening = c == lo and tokens[c].text.islower()
        if not opening and (
            c - 1 < lo or not (tokens[c - 1].text == "," or tokens[c - 1].text in CLOSE_QUOTES)
        ):
            return None
        if cue.lemma in ADDRESSEE_CUES or tokens[c].lower.endswith("ing"):
            return None  # "..., Ramos, 58, told AFP": AFP is the addressee
        if (
            not opening
            and tokens[c - 1].text == ","
            and not _name_closes(tokens, last_cue + 1, end)
            and apposition(tokens, lo, c - 1, self.cues.first_words)
        ):
            return None  # "Name, apposition, said X" reads as source-cue
        first = last_cue + 1
        if first >= end or (
            tokens[first].lower in ("that", "the")
            and first + 1 < end
            and tokens[first + 1].lower == "that"
        ):
            return None
        if tokens[first].lower in ("it", "that", "this"):
            return None
        head_first = first
        if not (is_capitalised(tokens[first]) or tokens[first].lower in _SOURCE_OPENERS):
            # a role before a name: "said plant manager Orla Quinn"
            k = first
            while (
                k < end and k - first < 4 and tokens[k].text.isalpha() and tokens[k].text.islower()
            ):
                k += 1
            if k == first or k >= end or not is_capitalised(tokens[k]) or tokens[c - 1].text == ",":
                return None
            head_first = k
        src_last = np_end_after(tokens, first, end)
        if src_last is None or (
            src_last + 1 < end
            and tokens[src_last + 1].text not in (",", ";")
            and tokens[src_last + 1].lower not in _CLAUSE_AFTER_SOURCE
            and not is_adjunct(tokens[src_last + 1 : end])
        ):
            return None
        if opening:
            content, direct = quote_before_sentence(text, tokens[lo].start, paragraph)
        else:
            content, direct = content_before(text, tokens, lo, c - 1, paragraph)
        if not content:
            return None
        head = (tokens[head_first].start, tokens[src_last].end)
        source_last = src_last
        if (
            src_last + 2 < end
            and tokens[src_last + 1].text == ","
            and appositive_like(tokens[src_last + 2])
        ):
            source_last = _apposition_end(tokens, src_last + 1, end)
        elif (
            src_last + 2 < end
            and tokens[src_last + 1].text == ","
            and tokens[src_last].text.islower()
            and is_capitalised(tokens[src_last + 2])
        ):
            # said Ms. Ode's lawyer, Tom Ray: a role, then the name of who speaks
            name_last = src_last + 2
            while name_last + 1 < end and is_capitalised(tokens[name_last + 1]):
                name_last += 1
            if name_last - src_last <= 5 and (
                name_last + 1 >= end or tokens[name_last + 1].text in (",", ";")
            ):
                head = (tokens[src_last + 2].start, tokens[name_last].end)
                source_last = name_last
        source_last = self._source_end(tokens, first, end, source_last)
        source = (tokens[first].start, tokens[source_last].end)
        cue_span = (tokens[c].start, tokens[last_cue].end)
        return Found(number, source, head, None, cue_span, cue, content, direct, "cue_source")


def _apposition_end(tokens: list[Token], comma: int, end: int) -> int:
    """Last token of the appositions after a source ("said Robert Klein, 56, chairman of X").

    Comma-separated segments that read as appositions, ages or relative
    clauses belong to the source; a participle ("referring to"), a quotation
    or "that" ends it.
    """
    last = comma - 1
    k = comma
    while k < end and tokens[k].text == "," and k + 1 < end:
        segment_first = tokens[k + 1]
        if not appositive_like(segment_first) or (
            segment_first.text.islower() and segment_first.lower.endswith(("ing", "ed"))
        ):
            break
        m = k + 1
        while m < end and tokens[m].text not in (",", ";") and tokens[m].text not in QUOTES:
            if tokens[m].lower == "that" and m > k + 1:
                return m - 1
            m += 1
        last = m - 1
        if m < end and tokens[m].text in QUOTES:
            break
        k = m
    return last


def _name_closes(tokens: list[Token], first: int, end: int) -> bool:
    """Whether a capitalised name follows a cue and ends the clause ("..., said Ann Ode.")."""
    k = first
    while k < end and (is_capitalised(tokens[k]) or tokens[k].text in ("-", "’s", "'s")):
        k += 1
    return k > first and (k >= end or tokens[k].text in (",", ";", "(")) and k - first <= 5
