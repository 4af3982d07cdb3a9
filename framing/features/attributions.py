"""Source attributions: who is cited, with which cue, saying what.

:class:`AttributionExtractor` finds, sentence by sentence, the patterns by
which news attributes content to a source, with rules over tokens (no model
to download):

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

Sources may carry an apposition ("Jack Watling, land war specialist at
RUSI, said"); quotations may open with a straight mark and close with a
curly one, and may run over several sentences before "he said". Pronoun and
epithet sources ("it", "he", "the broadcaster") are resolved to the last
compatible named source through the outlet registry. An attribution inside
another's content (the outlet says CNN says an expert said) records its
``parent``.

Examples
--------
>>> ext = AttributionExtractor()
>>> rows = ext.extract_text("CNN said the talks failed. \\"We won,\\" said Ali Reza.")
>>> rows[["source", "cue", "content", "direct", "pattern"]]
     source   cue           content  direct             pattern
0       CNN  said  the talks failed   False  source_cue_content
1  Ali Reza  said            We won    True          cue_source
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from ..outlets import OutletRegistry
from ..text.paragraphs import paragraph_spans
from ..text.sentences import sentence_spans
from .cues import Cue, CueLexicon, cue_class
from .matcher import iter_texts
from .quotes import find_closer, find_opener, is_closer_at, is_opener_at
from .sources import TITLE_WORDS, SourceResolver, np_end_after, np_start_before
from .tokens import (
    AUXILIARIES,
    CLOSE_QUOTES,
    DETERMINERS,
    OPEN_QUOTES,
    QUOTES,
    RELATIVE_PRONOUNS,
    Token,
    is_adverb,
    is_be,
    is_capitalised,
    tokenize,
)

__all__ = ["ATTRIBUTION_COLUMNS", "AttributionExtractor"]

ATTRIBUTION_COLUMNS: tuple[str, ...] = (
    "article_id",
    "sentence",
    "start",
    "end",
    "source",
    "source_as_written",
    "source_kind",
    "source_outlet",
    "source_start",
    "source_end",
    "cue",
    "cue_lemma",
    "cue_kind",
    "cue_stance",
    "cue_class",
    "cue_start",
    "cue_end",
    "direct",
    "content",
    "content_start",
    "content_end",
    "content_spans",
    "pattern",
    "parent",
)

# Verbs that take an addressee before their content: told reporters that ...
_ADDRESSEE_CUES = frozenset({"tell", "ask", "urge", "warn", "assure", "remind", "inform", "quote"})
# Cue kinds that need an explicit "that"-clause or quotation to count (find, believe).
_CLAUSE_ONLY_KINDS = frozenset({"cognition", "evidence"})
# Words that begin an adjunct after a cue ("CNN wrote on Saturday.").
_ADJUNCT_START = frozenset(
    "on in at during last this earlier late early yesterday today tonight monday tuesday "
    "wednesday thursday friday saturday sunday after before".split()
)
# Words that begin an adjunct between a cue and its that-clause ("admitted in an interview that").
_ADJUNCT_PREPOSITIONS = frozenset(
    "on in at during after before last earlier yesterday today tonight monday tuesday "
    "wednesday thursday friday saturday sunday".split()
)
# An adjunct after a cue is at most this many tokens ("in an interview with CNN on Sunday").
_MAX_ADJUNCT = 14
_PREPOSITIONS = frozenset("to about on in for with at from into by of over after before".split())
_TRAILING = frozenset({".", "!", "?", ",", ";", ":", "—", "–", "--"})


@dataclass
class _Found:
    sentence: int
    source: tuple[int, int] | None  # character span of the source as written
    head: tuple[int, int] | None  # character span used to resolve (name without apposition)
    antecedent: tuple[int, int] | None  # for relative pronouns: the phrase before
    cue: tuple[int, int]
    lemma: Cue
    content: list[tuple[int, int]]
    direct: bool
    pattern: str


class AttributionExtractor(TransformerMixin, BaseEstimator):
    """Find source attributions in articles.

    Parameters
    ----------
    registry : OutletRegistry or None
        Outlet registry used to recognise outlets and resolve epithets
        ("the broadcaster"); default: the shipped one.
    kinds : sequence of str or None
        Cue kinds to keep (``speech``, ``writing``, ``cognition``,
        ``evidence``); default: all.

    Attributes
    ----------
    cues_ : CueLexicon
        The cue lexicon (fitted).
    feature_names_ : ndarray of str
        Names of the per-article features of :meth:`transform`.

    See Also
    --------
    framing.analyze : attributions with loaded terms and voice.

    Examples
    --------
    >>> import framing
    >>> art = framing.load_article(framing.example_path("kayhan"))
    >>> table = AttributionExtractor().extract(art)
    >>> table.loc[table["source_as_written"] == "the broadcaster", "source"].tolist()
    ['CNN']
    """

    def __init__(
        self, registry: OutletRegistry | None = None, kinds: Sequence[str] | None = None
    ) -> None:
        self.registry = registry
        self.kinds = kinds

    # -- scikit-learn contract ----------------------------------------------------
    def fit(self, X: object = None, y: object = None) -> AttributionExtractor:
        """Load the cue lexicon; nothing is learned from ``X``."""
        self.cues_ = CueLexicon.default()
        self.registry_ = self.registry or OutletRegistry.default()
        stances = ["neutral", "factive", "doubt", "negative", "manner", "hedge"]
        kinds = ["outlet", "person", "organisation", "document", "anonymous", "pronoun", "unknown"]
        self.feature_names_ = np.array(
            ["attributions", "direct"]
            + [f"stance={s}" for s in stances]
            + [f"source={k}" for k in kinds],
            dtype=object,
        )
        return self

    def transform(self, X: object) -> np.ndarray:
        """Per-article counts: attributions, direct quotes, cue stances, source kinds."""
        check_is_fitted(self, "cues_")
        ids, texts = iter_texts(X)
        table = self.extract(list(zip(ids, texts, strict=True)))
        out = np.zeros((len(ids), len(self.feature_names_)))
        column = {name: i for i, name in enumerate(self.feature_names_)}
        row_of = {article_id: i for i, article_id in enumerate(ids)}
        for record in table.itertuples(index=False):
            row = row_of[record.article_id]
            out[row, column["attributions"]] += 1
            out[row, column["direct"]] += bool(record.direct)
            out[row, column[f"stance={record.cue_stance}"]] += 1
            out[row, column.get(f"source={record.source_kind}", column["source=unknown"])] += 1
        return out

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        """Names of the columns of :meth:`transform`."""
        check_is_fitted(self, "feature_names_")
        return self.feature_names_.copy()

    # -- extraction -----------------------------------------------------------------
    def extract(self, articles: object) -> pd.DataFrame:
        """The attribution table (columns ``ATTRIBUTION_COLUMNS``) for articles.

        ``articles`` is an article table, Articles, strings, or
        ``(article_id, text)`` pairs. Offsets index each article's text.
        """
        if not hasattr(self, "cues_"):
            self.fit()
        if isinstance(articles, list) and articles and isinstance(articles[0], tuple):
            pairs = articles
        else:
            ids, texts = iter_texts(articles)
            pairs = list(zip(ids, texts, strict=True))
        frames = [self._extract_one(article_id, text) for article_id, text in pairs]
        frames = [f for f in frames if not f.empty]
        if not frames:
            return pd.DataFrame(columns=list(ATTRIBUTION_COLUMNS))
        return pd.concat(frames, ignore_index=True)

    def extract_text(self, text: str) -> pd.DataFrame:
        """Attributions in one text (``article_id`` "0")."""
        return self.extract([("0", text)])

    def _extract_one(self, article_id: str, text: str) -> pd.DataFrame:
        tokens = tokenize(text)
        starts = [t.start for t in tokens]
        paragraphs = paragraph_spans(text)
        found: list[_Found] = []
        for number, (s_start, s_end, paragraph) in enumerate(sentence_spans(text)):
            lo = int(np.searchsorted(starts, s_start))
            hi = int(np.searchsorted(starts, s_end))
            bounds = paragraphs[paragraph]
            self._sentence(text, tokens, lo, hi, number, bounds, found)
        return self._to_frame(article_id, text, found)

    def _sentence(
        self,
        text: str,
        tokens: list[Token],
        lo: int,
        hi: int,
        number: int,
        paragraph: tuple[int, int],
        found: list[_Found],
    ) -> None:
        words = [t.lower for t in tokens]
        in_sentence: list[_Found] = []
        i = lo
        while i < hi:
            cue = self.cues_.match_at(words, i) if i < hi else None
            if cue is None or (
                i > lo and is_capitalised(tokens[i]) and cue.lemma != "according to"
            ):
                i += 1
                continue
            if self.kinds is not None and cue.kind not in self.kinds:
                i += cue.words
                continue
            result = self._attribution(text, tokens, lo, hi, i, cue, number, paragraph, in_sentence)
            if result is not None:
                if result.pattern == "coordinated" and in_sentence:
                    _trim_before(in_sentence[-1], tokens, i)
                    if not in_sentence[-1].content:
                        in_sentence.pop()
                in_sentence.append(result)
            i += cue.words
        found.extend(in_sentence)

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
        earlier: list[_Found],
    ) -> _Found | None:
        last_cue = _extend_cue(tokens, c + cue.words - 1, hi)
        end = _content_end(tokens, lo, hi)
        if cue.lemma == "according to":
            return self._according_to(tokens, lo, end, c, c + cue.words - 1, cue, number)
        if (
            tokens[c].lower in _NOUN_PLURALS
            and c + 1 < hi
            and tokens[c + 1].text[:1].isalnum()
            and tokens[c + 1].lower != "that"
        ):
            return None  # "the inexcusable remarks made", "southern states with"
        inverted = self._cue_source(text, tokens, lo, end, c, last_cue, cue, number, paragraph)
        if inverted is not None:
            return inverted
        # Source before the cue, over auxiliaries, adverbs and time adjuncts.
        j = c - 1
        passive = False
        verb_group_start = c
        while j >= lo:
            if tokens[j].lower in AUXILIARIES or is_adverb(tokens[j]):
                passive = passive or is_be(tokens[j])
                if verb_group_start == j + 1:
                    verb_group_start = j
                j -= 1
            elif (skipped := _time_adjunct_start(tokens, j, lo)) is not None:
                j = skipped - 1
            else:
                break
        participle = tokens[c].lower.endswith("ing")
        if passive and not participle:
            return None  # "is said", "was told": no source in the clause
        if j < lo or not _verb_context(tokens, j, c, cue):
            return None
        cue_span = (tokens[verb_group_start].start, tokens[last_cue].end)
        head = antecedent = None
        pattern = None
        comma_before = tokens[j].text == "," or (
            tokens[j].text in CLOSE_QUOTES and j - 1 >= lo and tokens[j - 1].text == ","
        )
        if (
            participle
            and comma_before
            and j - 1 >= lo
            and is_capitalised(tokens[j - 1])
            and any(tokens[m].text == "," for m in range(c + 1, hi))
        ):
            return None  # "The Post, citing diplomats, said": an apposition of the source
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
                subject = _sentence_subject(tokens, lo, j, self.cues_.first_words)
                if subject is None:
                    return None
                source = head = (tokens[subject[0]].start, tokens[subject[1]].end)
            first = j
            pattern = "coordinated"
        elif participle and tokens[j].lower not in AUXILIARIES and not _after_aux(tokens, c, lo):
            return None  # "comments Trump made in 2006 saying": a modifier, not a cue
        elif tokens[j].text == ",":
            apposed = _apposition(tokens, lo, j, self.cues_.first_words)
            if apposed is None:
                return None
            first, head_last, source_last = apposed
            source = (tokens[first].start, tokens[source_last].end)
            name_first = _name_segment_start(tokens, first, head_last)
            head = (tokens[name_first].start, tokens[head_last].end)
        else:
            first = np_start_before(tokens, j, lo, self.cues_.first_words)
            if first is None:
                return None
            source = head = (tokens[first].start, tokens[j].end)
            if (
                tokens[first].lower in RELATIVE_PRONOUNS
                and first - 2 >= lo
                and tokens[first - 1].text == ","
            ):
                ante_first = np_start_before(tokens, first - 2, lo, self.cues_.first_words)
                if ante_first is not None:
                    antecedent = (tokens[ante_first].start, tokens[first - 2].end)
        if tokens[first].lower == "that" or (
            first - 1 >= lo and tokens[first - 1].lower in ("what", "whatever")
        ):
            return None  # "what he said four years ago": a free relative, not an attribution
        after = last_cue + 1
        if (
            cue.lemma in _ADDRESSEE_CUES
            and after < end
            and tokens[after].lower != "that"
            and tokens[after].text not in QUOTES
            and tokens[after].text != ":"
        ):
            addressee_end = np_end_after(tokens, after, end)
            if addressee_end is not None:
                after = addressee_end + 1
        before_exists = (
            pattern is None
            and first - 1 > lo
            and (tokens[first - 1].text == "," or tokens[first - 1].text in CLOSE_QUOTES)
        )
        rest = tokens[after:end]
        if before_exists and (not rest or _is_adjunct(rest)):
            content, direct = _content_before(text, tokens, lo, first - 1, paragraph)
            if not content:
                return None
            return _Found(
                number,
                source,
                head,
                antecedent,
                cue_span,
                cue,
                content,
                direct,
                "content_source_cue",
            )
        if first == lo and (not rest or _is_adjunct(rest)) and pattern is None:
            # "Trump said." alone, after a sentence that closed a quotation
            content, direct = _quote_before_sentence(text, tokens[lo].start, paragraph)
            if content:
                return _Found(
                    number,
                    source,
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
            content_a, _ = _content_before(text, tokens, lo, first - 1, paragraph)
            content_b = [(rest[1].start, tokens[end - 1].end)]
            return _Found(
                number,
                source,
                head,
                antecedent,
                cue_span,
                cue,
                content_a + content_b,
                False,
                "parenthetical",
            )
        content, direct = _content_after(
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
        return _Found(
            number,
            source,
            head,
            antecedent,
            cue_span,
            cue,
            content,
            direct,
            pattern or "source_cue_content",
        )

    def _according_to(
        self, tokens: list[Token], lo: int, end: int, c: int, last_cue: int, cue: Cue, number: int
    ) -> _Found | None:
        src_last = np_end_after(tokens, last_cue + 1, end)
        if src_last is None:
            return None
        source = (tokens[last_cue + 1].start, tokens[src_last].end)
        cue_span = (tokens[c].start, tokens[last_cue].end)
        content: list[tuple[int, int]] = []
        if c > lo and tokens[c - 1].text == ",":
            content.append((tokens[lo].start, tokens[c - 2].end))
        if src_last + 2 < end + 1 and src_last + 1 < end and tokens[src_last + 1].text == ",":
            content.append((tokens[src_last + 2].start, tokens[end - 1].end))
        elif c == lo and src_last + 1 < end:
            content.append((tokens[src_last + 1].start, tokens[end - 1].end))
        content = [(s, e) for s, e in content if e > s]
        if not content:
            return None
        return _Found(number, source, source, None, cue_span, cue, content, False, "according_to")

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
    ) -> _Found | None:
        """``"We won," said Khan.``: content, then cue, then source."""
        if c - 1 < lo or not (tokens[c - 1].text == "," or tokens[c - 1].text in CLOSE_QUOTES):
            return None
        if cue.lemma in _ADDRESSEE_CUES or tokens[c].lower.endswith("ing"):
            return None  # "..., Ramos, 58, told AFP": AFP is the addressee
        if tokens[c - 1].text == "," and _apposition(tokens, lo, c - 1, self.cues_.first_words):
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
        if not (is_capitalised(tokens[first]) or tokens[first].lower in ("the", "a", "an", "one")):
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
            and not _is_adjunct(tokens[src_last + 1 : end])
        ):
            return None
        content, direct = _content_before(text, tokens, lo, c - 1, paragraph)
        if not content:
            return None
        head = (tokens[head_first].start, tokens[src_last].end)
        source_last = src_last
        if (
            src_last + 2 < end
            and tokens[src_last + 1].text == ","
            and _appositive_like(tokens[src_last + 2])
        ):
            source_last = end - 1  # said Robert Klein, chairman of the institute.
            for k in range(src_last + 2, end):
                if tokens[k].text in (",", ";") or tokens[k].lower == "that":
                    source_last = k - 1
                    break
        source = (tokens[first].start, tokens[source_last].end)
        cue_span = (tokens[c].start, tokens[last_cue].end)
        return _Found(number, source, head, None, cue_span, cue, content, direct, "cue_source")

    # -- table -------------------------------------------------------------------------------
    def _to_frame(self, article_id: str, text: str, found: list[_Found]) -> pd.DataFrame:
        resolver = SourceResolver(self.registry_)
        rows = []
        for item in found:
            written = text[item.source[0] : item.source[1]] if item.source else None
            head = text[item.head[0] : item.head[1]] if item.head else written
            antecedent = text[item.antecedent[0] : item.antecedent[1]] if item.antecedent else None
            resolved, kind, outlet = (
                resolver.resolve(head, antecedent) if head else (None, "unknown", None)
            )
            if outlet is not None and kind == "outlet":
                resolved = self.registry_[outlet].name
            content_start = min(s for s, _ in item.content)
            content_end = max(e for _, e in item.content)
            spans = [item.cue, *item.content] + ([item.source] if item.source else [])
            rows.append(
                {
                    "article_id": article_id,
                    "sentence": item.sentence,
                    "start": min(s for s, _ in spans),
                    "end": max(e for _, e in spans),
                    "source": resolved,
                    "source_as_written": written,
                    "source_kind": kind,
                    "source_outlet": outlet,
                    "source_start": item.source[0] if item.source else None,
                    "source_end": item.source[1] if item.source else None,
                    "cue": text[item.cue[0] : item.cue[1]],
                    "cue_lemma": item.lemma.lemma,
                    "cue_kind": item.lemma.kind,
                    "cue_stance": item.lemma.stance,
                    "cue_class": cue_class(item.lemma.stance),
                    "cue_start": item.cue[0],
                    "cue_end": item.cue[1],
                    "direct": item.direct,
                    "content": " … ".join(text[s:e] for s, e in item.content),
                    "content_start": content_start,
                    "content_end": content_end,
                    "content_spans": [list(span) for span in item.content],
                    "pattern": item.pattern,
                    "parent": pd.NA,
                }
            )
        frame = pd.DataFrame(rows, columns=list(ATTRIBUTION_COLUMNS))
        if not frame.empty:
            frame["parent"] = _parents(frame)
            # "everything I said", "you say" inside a quotation are the speaker's
            # discourse, not a further attribution.
            quoted = frame["parent"].map(lambda p: pd.notna(p) and bool(frame.at[int(p), "direct"]))
            speaker = frame["source_as_written"].fillna("").str.casefold().isin({"i", "you", "we"})
            frame = frame[~(quoted & speaker)].reset_index(drop=True)
            frame["parent"] = _parents(frame)
        return frame


def _verb_context(tokens: list[Token], j: int, c: int, cue: Cue) -> bool:
    """Whether the cue word is used as a verb after ``tokens[j]`` (its last pre-cue word).

    After a determiner or a possessive it is a noun ("his promise", "Trump's
    comments"). A bare base form ("say", "state", "report") is a verb only
    after an auxiliary or a plural or pronoun subject ("officials say",
    "they claim"), not after a singular noun ("the Iraqi state").
    """
    word = tokens[j].lower
    if word in DETERMINERS or word.endswith(("’s", "'s")):
        return False
    if tokens[c].lower == cue.lemma.split()[0] and c - 1 == j:
        return word in ("i", "we", "you", "they", "who") or (
            word.endswith("s") and not word.endswith("ss")
        )
    return True


_NOUN_PLURALS = frozenset(
    "remarks comments notes reports claims states calls estimates promises quotes tweets "
    "answers charges statements warnings".split()
)
_TIME_HEADS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight time "
    "week weekend month year night morning afternoon evening".split()
)


def _time_adjunct_start(tokens: list[Token], j: int, lo: int) -> int | None:
    """Start of a time adjunct ending at ``tokens[j]`` ("on Tuesday", "at the time")."""
    if tokens[j].lower not in _TIME_HEADS:
        return None
    k = j
    while k - 1 >= lo and tokens[k - 1].lower in (
        "on",
        "at",
        "the",
        "this",
        "last",
        "earlier",
        "late",
        "early",
        "in",
        "that",
        "same",
    ):
        k -= 1
    return k


def _extend_cue(tokens: list[Token], last: int, hi: int) -> int:
    """Include a following time word or manner adverb in the cue ("said Tuesday")."""
    if last + 1 < hi and (
        tokens[last + 1].lower in _TIME_HEADS - {"time", "week", "month", "year"}
        or (is_adverb(tokens[last + 1]) and tokens[last + 1].lower.endswith("ly"))
    ):
        return last + 1
    if (
        last + 3 < hi
        and tokens[last + 1].lower == "in"
        and tokens[last + 2].lower in ("a", "the")
        and tokens[last + 3].lower == "statement"
    ):
        last += 3
        if last + 1 < hi and tokens[last + 1].lower in _TIME_HEADS - {
            "time",
            "week",
            "month",
            "year",
        }:
            last += 1
    return last


def _infinitive(tokens: list[Token], k: int, end: int) -> bool:
    """``to`` + a verb ("asked them to support"), not ``to`` + a noun phrase ("wrote to her")."""
    if tokens[k].lower != "to" or k + 1 >= end:
        return False
    following = tokens[k + 1]
    return (
        following.text.islower()
        and following.lower not in DETERMINERS
        and following.lower not in ("him", "her", "them", "us", "me", "it")
    )


def _time_adjunct_end(tokens: list[Token], k: int, end: int) -> int | None:
    """Last token of a time adjunct starting at ``tokens[k]`` ("on Wednesday", "last week")."""
    m = k
    while m < end and tokens[m].lower in (
        "on",
        "at",
        "the",
        "this",
        "last",
        "earlier",
        "late",
        "early",
        "in",
    ):
        m += 1
    if m < end and m - k <= 3 and tokens[m].lower in _TIME_HEADS:
        return m
    return None


def _after_aux(tokens: list[Token], c: int, lo: int) -> bool:
    return c - 1 >= lo and tokens[c - 1].lower in AUXILIARIES


def _sentence_subject(
    tokens: list[Token], lo: int, before: int, cue_words: frozenset[str]
) -> tuple[int, int] | None:
    """The noun phrase opening a clause ("Band member Flea shared ..., writing ...")."""
    start = lo
    while start < before and tokens[start].lower in (
        "but",
        "and",
        "so",
        "yet",
        "still",
        "meanwhile",
    ):
        start += 1
    if start < before and (tokens[start].lower in _ADJUNCT_START or is_adverb(tokens[start])):
        comma = next((k for k in range(start, before) if tokens[k].text == ","), None)
        if comma is None:
            return None
        start = comma + 1
    if start >= before:
        return None
    if tokens[start].lower in ("he", "she", "they", "we", "i"):
        return start, start
    last = start
    if tokens[last].lower in ("the", "a", "an"):
        last += 1
    if last >= before or not is_capitalised(tokens[last]):
        return None
    while last + 1 < before and (
        is_capitalised(tokens[last + 1])
        or (
            tokens[last + 1].lower in ("of", "and")
            and last + 2 < before
            and is_capitalised(tokens[last + 2])
        )
    ):
        last += 1
    return start, last


def _quote_before_sentence(
    text: str, sentence_start: int, paragraph: tuple[int, int]
) -> tuple[list[tuple[int, int]], bool]:
    """The quotation closing just before a sentence ("… missing.” Trump said.")."""
    k = sentence_start - 1
    while k >= paragraph[0] and text[k].isspace():
        k -= 1
    if k < paragraph[0] or not is_closer_at(text, k):
        return [], False
    opener = find_opener(text, k, paragraph[0])
    if opener is None:
        return [], False
    span = _trim_chars(text, opener + 1, k)
    return ([span], True) if span else ([], False)


def _content_end(tokens: list[Token], lo: int, hi: int) -> int:
    """Index after the last content token of a sentence (drops final punctuation)."""
    end = hi
    while end > lo and (tokens[end - 1].text in _TRAILING or tokens[end - 1].text in QUOTES):
        end -= 1
    return end


def _is_adjunct(rest: Sequence[Token]) -> bool:
    """A short time/place/manner phrase after a cue ("on Saturday", "in a statement")."""
    return (
        0 < len(rest) <= _MAX_ADJUNCT
        and rest[0].lower in _ADJUNCT_START
        and not any(t.lower == "that" or t.text in QUOTES or t.text == ":" for t in rest)
    )


def _appositive_like(token: Token) -> bool:
    """Whether a phrase starting with ``token`` reads as an apposition or relative clause."""
    return (
        token.lower in DETERMINERS
        or token.lower in RELATIVE_PRONOUNS
        or token.text[:1].isdigit()
        or (token.text[:1].islower() and not token.lower.endswith("ing"))
        or token.lower in TITLE_WORDS
    )


def _apposition(
    tokens: list[Token], lo: int, comma: int, cue_words: frozenset[str]
) -> tuple[int, int, int] | None:
    """``Name, apposition(s), said``: (first and last token of the head, last source token).

    Walks back over up to four commas ("Dean Johnson, a salesman from Sumter,
    South Carolina, says"; "Woodrow Benford, 58, who lives nearby, says") to
    a capitalised name followed by an appositive-like segment, or to a role
    followed by a name ("A spokesman for the government, Tomas Ferreira,
    conceded"). Participial segments ("The Post, citing diplomats, said"),
    relative clauses and ages are left out of the source.
    """
    source_last = comma - 1
    k = comma - 1
    commas = 0
    while k > lo and commas < 4:
        if tokens[k].text in QUOTES:
            return None  # a quotation: not an apposition
        if tokens[k].text == ",":
            commas += 1
            segment_first = tokens[k + 1]
            participial = segment_first.lower.endswith("ing") and segment_first.text.islower()
            if (
                participial
                or segment_first.lower in RELATIVE_PRONOUNS
                or segment_first.text.isdigit()
            ):
                source_last = k - 1  # participles, relative clauses and ages are left out
            name_before = (
                is_capitalised(tokens[k - 1])
                or segment_first.lower in RELATIVE_PRONOUNS
                or participial
            )
            if (_appositive_like(segment_first) or participial) and name_before:
                first = np_start_before(tokens, k - 1, lo, cue_words)
                if first is not None:
                    return first, k - 1, source_last
            segment = tokens[k + 1 : source_last + 1]
            if (
                segment
                and all(is_capitalised(t) for t in segment)
                and tokens[k - 1].text[:1].islower()
                and segment_first.lower not in DETERMINERS
            ):
                first = np_start_before(tokens, k - 1, lo, cue_words)
                if first is not None:  # "A top strategist, John Weaver, tells"
                    return first, source_last, source_last
        k -= 1
    return None


def _name_segment_start(tokens: list[Token], first: int, last: int) -> int:
    """Start of the name in "A spokesman for the government, Tomas Ferreira" (else ``first``)."""
    commas = [k for k in range(first, last + 1) if tokens[k].text == ","]
    if commas and all(is_capitalised(t) for t in tokens[commas[-1] + 1 : last + 1]):
        return commas[-1] + 1
    return first


def _strip(tokens: list[Token], first: int, last: int) -> tuple[int, int] | None:
    while first <= last and (tokens[first].text in _TRAILING or tokens[first].text in QUOTES):
        first += 1
    while last >= first and (tokens[last].text in _TRAILING or tokens[last].text in QUOTES):
        last -= 1
    return (first, last) if first <= last else None


def _content_before(
    text: str, tokens: list[Token], lo: int, boundary: int, paragraph: tuple[int, int]
) -> tuple[list[tuple[int, int]], bool]:
    """Content ending before ``tokens[boundary]`` (a comma or closing quote)."""
    last = boundary - 1 if tokens[boundary].text == "," else boundary
    # a closing quote just before the source: find its opener, maybe sentences back
    closer = next(
        (
            k
            for k in range(boundary, max(lo, boundary - 2) - 1, -1)
            if tokens[k].text in CLOSE_QUOTES and is_closer_at(text, tokens[k].start)
        ),
        None,
    )
    if closer is not None:
        opener = find_opener(text, tokens[closer].start, paragraph[0])
        if opener is not None:
            span = _trim_chars(text, opener + 1, tokens[closer].start)
            before = text[tokens[lo].start : opener].strip() if opener >= tokens[lo].start else ""
            if span and not before:
                return [span], True
            if span and opener > tokens[lo].start:
                return [(tokens[lo].start, span[1])], False
    stripped = _strip(tokens, lo, last)
    if stripped is None:
        return [], False
    return [(tokens[stripped[0]].start, tokens[stripped[1]].end)], False


def _content_after(
    text: str,
    tokens: list[Token],
    after: int,
    end: int,
    hi: int,
    paragraph: tuple[int, int],
    needs_clause: bool,
) -> tuple[list[tuple[int, int]], bool]:
    """Content following a cue: a quotation, a that-clause, or the rest of the sentence."""
    if after >= end and not (after < hi and tokens[after].text in OPEN_QUOTES):
        return [], False
    k = after
    while k < end and (skipped := _time_adjunct_end(tokens, k, end)) is not None:
        k = skipped + 1  # "reported on Wednesday the Secret Service had ..."
    if k < end and tokens[k].lower in _PREPOSITIONS:
        colon = next((m for m in range(k, min(end, k + 8)) if tokens[m].text == ":"), None)
        if colon is not None:
            k = colon  # "wrote on social media: ..."
    if k < end and tokens[k].text in (":", ","):
        if (
            needs_clause
            and k + 1 < end
            and (is_capitalised(tokens[k + 1]) or tokens[k + 1].text in OPEN_QUOTES)
        ):
            needs_clause = False  # "she added, Donald Trump is ..."
        k += 1
    if k < hi and tokens[k].text in OPEN_QUOTES and is_opener_at(text, tokens[k].start):
        closer = find_closer(text, tokens[k].start, paragraph[1])
        if closer is not None:
            span = _trim_chars(text, tokens[k].start + 1, closer)
            return ([span], True) if span else ([], False)
    that = next(
        (m for m in range(k, min(end, k + _MAX_ADJUNCT + 1)) if tokens[m].lower == "that"), None
    )
    if that is not None and (that == k or tokens[k].lower in _ADJUNCT_PREPOSITIONS):
        k = that + 1
    elif needs_clause or (
        k < end and tokens[k].lower in _PREPOSITIONS and not _infinitive(tokens, k, end)
    ):
        return [], False  # "added sugar", "wrote to her": not reported content
    stripped = _strip(tokens, k, end - 1)
    if stripped is None:
        return [], False
    return [(tokens[stripped[0]].start, tokens[stripped[1]].end)], False


def _trim_before(previous: _Found, tokens: list[Token], cue_index: int) -> None:
    """End an earlier cue's content before ", but <cue>" (a coordinated second cue)."""
    k = cue_index - 1
    while k > 0 and (
        tokens[k].lower in ("and", "but") or is_adverb(tokens[k]) or tokens[k].text == ","
    ):
        k -= 1
    limit = tokens[k].end
    previous.content = [(s, min(e, limit)) for s, e in previous.content if s < limit]


def _trim_chars(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and (text[start].isspace() or text[start] in "“\"'‘"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",.;:"):
        end -= 1
    return (start, end) if end > start else None


def _parents(frame: pd.DataFrame) -> pd.Series:
    """Row of the innermost attribution whose content holds each attribution's cue."""
    starts = frame["content_start"].to_numpy()
    ends = frame["content_end"].to_numpy()
    cues = frame["cue_start"].to_numpy()
    parents: list[object] = []
    for row, cue_start in enumerate(cues):
        inside = np.flatnonzero((starts <= cue_start) & (cue_start < ends))
        inside = inside[inside != row]
        if len(inside):
            parents.append(int(inside[np.argmin(ends[inside] - starts[inside])]))
        else:
            parents.append(pd.NA)
    return pd.Series(parents, index=frame.index, dtype="Int64")
