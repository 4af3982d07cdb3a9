"""Word-level tests around a cue: is it a verb here, where does its verb group start.

Helpers of :mod:`framing.features.candidates`, over the tokens of one
sentence: a cue word is a verb after a subject but a noun after a
determiner ("his promise"); a headline capitalises its cue ("Trump Says
..."); "went on to say" is one cue; a source may start right after a
closing quotation; a second cue ends the content of the first ("denied
..., but noted ...").
"""

from __future__ import annotations

from collections.abc import Sequence

from .cues import Cue
from .patterns import Found
from .phrases import is_agent, np_start_before
from .tokens import (
    AUXILIARIES,
    CLOSE_QUOTES,
    DETERMINERS,
    OPEN_QUOTES,
    Token,
    is_adverb,
    is_capitalised,
)
from .wordlists import words

__all__ = [
    "after_aux",
    "after_quotation",
    "catenative_start",
    "introduces_content",
    "title_case",
    "trim_before",
    "verb_context",
    "with_phrase",
]

# A sentence with at least this share of capitalised words is a headline (set by hand: news
# headlines in title case capitalise all but short function words).
TITLE_CASE_SHARE = 0.75
# Verbs before "(on) to <cue>" or "by <cue>ing" that belong to the cue ("went on to say").
_CATENATIVES = words("catenative_verbs")
_QUANTIFIER_PRONOUNS = words("quantifier_pronouns")
_NOUN_BASE_FORMS = words("noun_base_forms")
_OBJECTS = words("object_pronouns") | {"it"}


def verb_context(tokens: list[Token], j: int, c: int, cue: Cue) -> bool:
    """Whether the cue word is used as a verb after ``tokens[j]`` (its last pre-cue word).

    After a determiner or a possessive it is a noun ("his promise", "Trump's
    comments"), but not after a quantifier standing alone as the subject
    ("many argue", "some have said"). A bare base form that is also a noun
    ("state", "report", "claim") is a verb only after an auxiliary or a
    plural or pronoun subject ("officials say", "they claim"), not after a
    singular noun ("the Iraqi state"); other base forms ("say", "argue") are
    verbs after any subject ("people familiar with her thinking say").
    """
    word = tokens[j].lower
    bare = tokens[c].lower == cue.lemma.split()[0] and c - 1 == j
    if bare and c + 1 < len(tokens) and tokens[c + 1].lower in _OBJECTS:
        return word not in DETERMINERS or word in _QUANTIFIER_PRONOUNS  # others call it a prom
    if word in _QUANTIFIER_PRONOUNS:
        return not (bare and tokens[c].lower in _NOUN_BASE_FORMS)  # many argue, some state
    if word in DETERMINERS or word.endswith(("’s", "'s")):
        return False
    if bare:
        return (
            word in ("i", "we", "you", "they", "who")
            or (word.endswith("s") and not word.endswith("ss"))
            or tokens[c].lower not in _NOUN_BASE_FORMS  # people familiar with her thinking say
        )
    return True


def title_case(tokens: list[Token]) -> bool:
    """Whether a sentence is set in title case (a headline): most of its words capitalised."""
    words = [t for t in tokens if t.text[:1].isalpha()]
    capitalised = sum(1 for t in words if t.text[:1].isupper())
    return len(words) >= 4 and capitalised >= TITLE_CASE_SHARE * len(words)


def catenative_start(tokens: list[Token], j: int, lo: int) -> int | None:
    """Start of "went on to", "began by", "decided to" ending at ``tokens[j]``, if any."""
    if tokens[j].lower not in ("to", "by"):
        return None
    k = j - 1
    if k >= lo and tokens[k].lower == "on":
        k -= 1
    if k >= lo and tokens[k].lower in _CATENATIVES:
        return k
    return None


def with_phrase(tokens: list[Token], lo: int, last: int, cue_words: frozenset[str]) -> int | None:
    """Start of the noun phrase in "with <phrase> saying" ending at ``tokens[last]``."""
    first = np_start_before(tokens, last, lo, cue_words)
    if first is None or first - 1 < lo or tokens[first - 1].lower != "with":
        return None
    return first


def after_quotation(tokens: list[Token], lo: int, first: int) -> int:
    """Start a source right after a closing quotation when only name words lie between.

    "“...,” Fight for $15 organizing director Kendall Fells told Fox News":
    the noun phrase read leftwards stops at "$", but everything back to the
    quotation names the speaker.
    """
    k = first - 1
    while k > lo and first - k <= 8:
        token = tokens[k]
        if token.text in CLOSE_QUOTES or (token.text == "," and tokens[k - 1].text in CLOSE_QUOTES):
            return k + 1 if k + 1 < first else first
        if not (
            is_capitalised(token)
            or token.text[:1].isdigit()
            or token.text in ("$", "&", "-", "'s", "’s")
            or token.lower in ("for", "of", "and", "the")
            or (token.text.islower() and is_agent(token))
        ):
            return first
        k -= 1
    return first


def introduces_content(rest: Sequence[Token]) -> bool:
    """Whether the words after a cue open its content ("that ...", ": ...", a quotation)."""
    first = rest[0]
    return (
        first.lower == "that"
        or first.text == ":"
        or first.text in OPEN_QUOTES
        or (first.text == "," and len(rest) > 1 and rest[1].text in OPEN_QUOTES)
    )


def after_aux(tokens: list[Token], c: int, lo: int) -> bool:
    """Whether an auxiliary stands before the cue, over adverbs ("is already claiming")."""
    k = c - 1
    while k >= lo and is_adverb(tokens[k]) and tokens[k].lower not in AUXILIARIES:
        k -= 1
    return k >= lo and tokens[k].lower in AUXILIARIES


def trim_before(previous: Found, tokens: list[Token], cue_index: int) -> None:
    """End an earlier cue's content before ", but <cue>" (a coordinated second cue)."""
    k = cue_index - 1
    while k > 0 and (
        tokens[k].lower in ("and", "but") or is_adverb(tokens[k]) or tokens[k].text == ","
    ):
        k -= 1
    limit = tokens[k].end
    previous.content = [(s, min(e, limit)) for s, e in previous.content if s < limit]
