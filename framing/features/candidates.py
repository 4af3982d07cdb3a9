"""Candidate attributions in one sentence: a cue, its source and its content.

:class:`CandidateFinder` walks the tokens of a sentence; at each cue of the
cue lexicon it tries the patterns by which news attributes content to a
source:

==================  ====================================================
pattern             example
==================  ====================================================
content_source_cue  "Iran is winning," it said.  /  ..., CNN wrote on Saturday.
source_cue_content  Trump admitted in an interview that he ...
cue_source          "We won," said Khan.
according_to        According to CNN, Iran ... / ..., according to X.
parenthetical       Iran, it said, has used ...
coordinated         Pompeo denied ..., but noted ... (shared source)
==================  ====================================================

The patterns where the cue comes first (cue_source, according_to, passive)
are in :mod:`framing.features.patterns`; a cue after the making of a
document ("released a statement saying", pattern verb_phrase) and a
participle opening the sentence ("Citing ..., Carson said", participle_first)
in :mod:`framing.features.cue_phrases`; the span model's choices in
:mod:`framing.features.candidate_scoring`. Each found attribution is a
:class:`Found` of character spans; the extractor turns them into table rows
and resolves their speakers.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress, count

from .candidate_scoring import ModelChoices
from .cue_context import (
    after_aux,
    after_quotation,
    catenative_start,
    introduces_content,
    title_case,
    trim_before,
    verb_context,
    with_phrase,
)
from .cue_phrases import CuePhrasePatterns
from .cues import Cue, CueLexicon
from .patterns import ADDRESSEE_CUES, Found, InvertedPatterns
from .phrases import (
    apposition,
    name_segment_start,
    np_end_after,
    np_start_before,
)
from .span_model import SpanModel, model_tables
from .spans import (
    content_after,
    content_before,
    content_end,
    extend_cue,
    is_adjunct,
    quote_before_sentence,
    time_adjunct_start,
)
from .subjects import sentence_subject
from .tokens import (
    AUXILIARIES,
    CLOSE_QUOTES,
    QUOTES,
    RELATIVE_PRONOUNS,
    Token,
    is_adverb,
    is_be,
    is_capitalised,
)
from .wordlists import words

__all__ = ["CandidateFinder", "Found"]

# Cues after which "to" names the addressee, never an infinitive ("said to reporters").
_TO_ADDRESSEE = words("to_addressee_cues")
# Cue kinds that need an explicit "that"-clause or quotation to count (find, believe).
_CLAUSE_ONLY_KINDS = frozenset({"cognition", "evidence"})
# Cue forms that are plural nouns before a word ("the remarks made").
_NOUN_PLURALS = words("noun_plurals")


def _names_subject(token: Token) -> bool:
    """Whether a capitalised word before a plural-like cue is its subject ("CNN reports")."""
    return is_capitalised(token) and not token.lower.endswith(("'s", "’s", "s’", "s'"))


class CandidateFinder(InvertedPatterns, CuePhrasePatterns, ModelChoices):
    """Attributions of one sentence's tokens, by the rules of the module docstring.

    Parameters
    ----------
    cues : CueLexicon
        The cue lexicon.
    kinds : sequence of str or None
        Cue kinds to keep; default: all.
    """

    def __init__(
        self, cues: CueLexicon, kinds: Sequence[str] | None = None, model: object = None
    ) -> None:
        self.cues = cues
        self.kinds = None if kinds is None else frozenset(kinds)
        self.model = model  # a SpanModel (or a recorder with its methods), or None: rules only
        # the shipped kind of model (or none): its choices are pure, so work whose outcome is
        # known may be skipped; a recorder sees every candidate
        self.model_is_shipped = model is None or type(model) is SpanModel
        self._tables = model_tables(model) if type(model) is SpanModel else {}
        self._classes: tuple[list[Token], list[str | None], list[int]] | None = None  # word classes
        self._offsets: tuple[list[Token], list[int], list[int]] | None = None
        self._counts: tuple[list[Token], tuple[int, int]] | None = None
        self._text: str | None = None

    def _verb_after_comma(self, tokens: list[Token], k: int, hi: int) -> bool:
        """Whether the next comma after ``k`` is followed by a cue verb ("..., citing X, said")."""
        comma = next((m for m in range(k, hi) if tokens[m].text == ","), None)
        if comma is None:
            return False
        for m in range(comma + 1, min(hi, comma + 4)):
            if self.cues.match_at([t.lower for t in tokens[m : m + 3]], 0) is not None:
                return True
            if not (tokens[m].lower in AUXILIARIES or is_adverb(tokens[m])):
                return False
        return False

    def sentence(
        self,
        text: str,
        tokens: list[Token],
        number: int,
        paragraph: tuple[int, int],
    ) -> list[Found]:
        """Attributions whose cue lies in ``tokens`` (one sentence)."""
        lo, hi = 0, len(tokens)
        self._text = text  # the tokens' text (sentence counts are read off it)
        words = [t.lower for t in tokens]
        # only words that may begin a cue (one pass in C)
        starts = list(compress(count(), map(self.cues.first_words.__contains__, words)))
        in_sentence: list[Found] = []
        headline = None  # "Trump Says He Never Pledged To ...": cues are capitalised (read lazily)
        i = lo
        for k in starts:  # only words that may begin a cue; skip those a longer cue took
            if k < i:
                continue
            i = k
            cue = self.cues.match_at(words, i)
            if cue is None or (
                i > lo
                and is_capitalised(tokens[i])
                and cue.lemma != "according to"
                and not (headline if headline is not None else (headline := title_case(tokens)))
            ):
                i += 1
                continue
            if self.kinds is not None and cue.kind not in self.kinds:
                i += cue.words
                continue
            result = self._attribution(text, tokens, lo, hi, i, cue, number, paragraph, in_sentence)
            if result is not None and self._keep(tokens, lo, hi, i, result):
                self._cue_end(tokens, lo, hi, i, result)
                if result.pattern == "coordinated" and in_sentence:
                    trim_before(in_sentence[-1], tokens, i)
                    if not in_sentence[-1].content:
                        in_sentence.pop()
                in_sentence.append(result)
            i += cue.words
        return in_sentence

    def _chosen(
        self,
        tokens: list[Token],
        lo: int,
        source: tuple[int, int] | None,
        pending: tuple[int, int] | None,
    ) -> tuple[int, int] | None:
        """The source span, its start chosen by the model now.

        The shipped model's choice is made only for an attribution the rules
        find (a pure choice: the same whenever it is made); a recorder of the
        training script sees every candidate.
        """
        if pending is None:
            return source
        last, first = pending
        return (tokens[self._source_start(tokens, lo, last, first)].start, tokens[last].end)

    # -- one cue -------------------------------------------------------------------------
    def _attribution(
        self,
        text: str,
        tokens: list[Token],
        lo: int,
        hi: int,
        c: int,
        cue: Cue,
        number: int,
        paragraph: tuple[int, int],
        earlier: list[Found],
    ) -> Found | None:
        last_cue = extend_cue(tokens, c + cue.words - 1, hi)
        end = content_end(tokens, lo, hi)
        if cue.lemma == "according to":
            return self._according_to(
                text, tokens, lo, end, c, c + cue.words - 1, cue, number, paragraph
            )
        if (
            tokens[c].lower in _NOUN_PLURALS
            and c + 1 < hi
            and tokens[c + 1].text[:1].isalnum()
            and tokens[c + 1].lower != "that"
            and not (c > lo and tokens[c - 1].lower in ("he", "she", "it", "who"))  # he states
            and not (c > lo and _names_subject(tokens[c - 1]))  # USA Today reports more ...
            and not (c > lo and tokens[c - 1].text in CLOSE_QUOTES | {","})  # ...,” notes Ann
        ):
            return None  # "the inexcusable remarks made", "southern states with"
        inverted = self._cue_source(text, tokens, lo, end, c, last_cue, cue, number, paragraph)
        if inverted is not None:
            return inverted
        opening = self._participle_first(
            text, tokens, lo, end, hi, c, last_cue, cue, number, paragraph
        )
        if opening is not None:
            return opening
        # Source before the cue, over auxiliaries, adverbs and time adjuncts.
        j = c - 1
        passive = False
        verb_group_start = c
        while j >= lo:
            if (
                tokens[j].lower in AUXILIARIES
                and not (j > lo and is_capitalised(tokens[j]))  # Ms. May acknowledged
            ) or (is_adverb(tokens[j]) and not tokens[j].text.isupper()):  # USA TODAY reported
                passive = passive or is_be(tokens[j])
                if verb_group_start == j + 1:
                    verb_group_start = j
                j -= 1
            elif (skipped := time_adjunct_start(tokens, j, lo)) is not None:
                j = skipped - 1
            elif (catenative := catenative_start(tokens, j, lo)) is not None:
                if verb_group_start == j + 1:
                    verb_group_start = catenative  # went on to say, began by saying
                j = catenative - 1
            else:
                break
        participle = tokens[c].lower.endswith("ing")
        if (passive and not participle) or (
            (j < lo or tokens[j].lower in ("when", "after", "if", "once"))
            and tokens[c].lower == "asked"
        ):
            # "was asked whether ...", "Asked if ..., Ryan said": by an agent or unnamed
            return self._passive(text, tokens, lo, end, hi, c, last_cue, cue, number, paragraph)
        if verb_group_start == c and j > lo:
            phrase = self._verb_phrase(
                text, tokens, lo, end, hi, c, last_cue, cue, number, paragraph
            )
            if phrase is not None:
                return phrase
        if j < lo or not verb_context(tokens, j, c, cue):
            return None
        cue_span = (tokens[verb_group_start].start, tokens[last_cue].end)
        head = antecedent = None
        pending = None  # (last, rules' first) of a source whose start the model chooses
        pattern = None
        comma_before = tokens[j].text in (",", "—", "–", "-", "--") or (
            tokens[j].text in CLOSE_QUOTES and j - 1 >= lo and tokens[j - 1].text == ","
        )
        if (
            participle
            and comma_before
            and j - 1 >= lo
            and is_capitalised(tokens[j - 1])
            and self._verb_after_comma(tokens, c + 1, hi)
        ):
            return None  # "The Post, citing diplomats, said": an apposition of the source
        if (
            participle
            and j - 1 >= lo
            and tokens[j].text[:1].isalnum()
            and not earlier
            and (with_np := with_phrase(tokens, lo, j, self.cues.first_words)) is not None
        ):
            # "with 30 percent of voters saying ...": the phrase after "with" speaks
            source = head = (tokens[with_np].start, tokens[j].end)
            content, direct = content_after(
                text, tokens, last_cue + 1, end, hi, paragraph, needs_clause=False
            )
            if not content:
                return None
            cue_span = (tokens[c].start, tokens[last_cue].end)
            return Found(
                number, source, head, None, cue_span, cue, content, direct, "source_cue_content"
            )
        if (
            participle
            and (
                comma_before or tokens[j].lower in ("and", "but", "by", "while", "after", "before")
            )
        ) or tokens[j].lower in ("and", "but"):
            if earlier:
                previous = earlier[-1]
                source, head, antecedent = previous.source, previous.head, previous.antecedent
            else:
                subject = sentence_subject(tokens, lo, j, self.cues.first_words)
                if subject is None:
                    return None
                source = head = (tokens[subject[0]].start, tokens[subject[1]].end)
            first = j
            pattern = "coordinated"
        elif participle and tokens[j].lower not in AUXILIARIES and not after_aux(tokens, c, lo):
            # "comments Trump made in 2006 saying": a modifier, not a cue ("a petition calling
            # on him to resign" too: on PolNeAR train such participles after a noun were the
            # annotated cue in 17 of 40 cases)
            return None
        elif tokens[j].text == ",":
            apposed = apposition(tokens, lo, j, self.cues.first_words)
            if apposed is None:
                return None
            first, head_last, source_last = apposed
            source = None
            pending = (source_last, first)
            name_first = name_segment_start(tokens, first, head_last)
            head = (tokens[name_first].start, tokens[head_last].end)
        else:
            first = np_start_before(tokens, j, lo, self.cues.first_words)
            if first is None:
                return None
            head = (tokens[first].start, tokens[j].end)
            first = after_quotation(tokens, lo, first)
            source = None
            pending = (j, first)
            if tokens[first].lower in RELATIVE_PRONOUNS and first - 1 >= lo:
                # "Sen. Graham, who said" / "officials who said": the phrase before
                ante_last = first - 2 if tokens[first - 1].text == "," else first - 1
                ante_first = (
                    np_start_before(tokens, ante_last, lo, self.cues.first_words)
                    if ante_last >= lo
                    else None
                )
                if ante_first is not None:
                    antecedent = (tokens[ante_first].start, tokens[ante_last].end)
        if pending is not None and type(self.model) is not SpanModel:
            source, pending = self._chosen(tokens, lo, None, pending), None  # a recorder sees all
        if tokens[first].lower == "that" or (
            first - 1 >= lo and tokens[first - 1].lower in ("what", "whatever")
        ):
            return None  # "what he said four years ago": a free relative, not an attribution
        after = last_cue + 1
        if (
            cue.lemma in ADDRESSEE_CUES
            and after < end
            and tokens[after].lower != "that"
            and tokens[after].text not in QUOTES
            and tokens[after].text != ":"
        ):
            addressee_end = np_end_after(tokens, after, end)
            if addressee_end is not None:
                after = addressee_end + 1
        if tokens[last_cue].lower == "of" and after < end:
            topic_end = np_end_after(tokens, after, end)
            if topic_end is not None:
                after = topic_end + 1  # said of the senator: a topic, not content
        elif cue.lemma in _TO_ADDRESSEE and after + 1 < end and tokens[after].lower == "to":
            addressee_end = np_end_after(tokens, after + 1, end)
            if addressee_end is not None:
                after = addressee_end + 1  # said to reporters (on Monday)
        before_exists = (
            pattern is None
            and first - 1 > lo
            and (tokens[first - 1].text == "," or tokens[first - 1].text in CLOSE_QUOTES)
        )
        rest = tokens[after:end]
        quoted_before = before_exists and (
            tokens[first - 1].text in CLOSE_QUOTES
            or (tokens[first - 2].text in CLOSE_QUOTES and tokens[first - 1].text == ",")
        )
        if before_exists and (
            not rest or is_adjunct(rest) or (quoted_before and not introduces_content(rest))
        ):
            content, direct = content_before(text, tokens, lo, first - 1, paragraph)
            if not content:
                return None
            return Found(
                number,
                self._chosen(tokens, lo, source, pending),
                head,
                antecedent,
                cue_span,
                cue,
                content,
                direct,
                "content_source_cue",
            )
        if first == lo and (not rest or is_adjunct(rest)) and pattern is None:
            # "Trump said." alone, after a sentence that closed a quotation
            content, direct = quote_before_sentence(text, tokens[lo].start, paragraph)
            if content:
                return Found(
                    number,
                    self._chosen(tokens, lo, source, pending),
                    head,
                    antecedent,
                    cue_span,
                    cue,
                    content,
                    direct,
                    "content_source_cue",
                )
            return None
        if before_exists and rest and rest[0].text == "," and len(rest) > 1:
            content_a, _ = content_before(text, tokens, lo, first - 1, paragraph)
            content_b = [(rest[1].start, tokens[end - 1].end)]
            return Found(
                number,
                self._chosen(tokens, lo, source, pending),
                head,
                antecedent,
                cue_span,
                cue,
                content_a + content_b,
                False,
                "parenthetical",
            )
        content, direct = content_after(
            text,
            tokens,
            after,
            end,
            hi,
            paragraph,
            needs_clause=cue.needs_clause or cue.kind in _CLAUSE_ONLY_KINDS,
        )
        if not content:
            return None
        return Found(
            number,
            self._chosen(tokens, lo, source, pending),
            head,
            antecedent,
            cue_span,
            cue,
            content,
            direct,
            pattern or "source_cue_content",
        )
