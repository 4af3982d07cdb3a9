"""The subject of a clause, read without a parser.

:func:`sentence_subject` finds the noun phrase that opens a clause ("Band
member Flea shared ..., writing ..."), after conjunctions and introductory
phrases ("In television interviews on Sunday, ...", "WASHINGTON — ...",
"Speaking to reporters, ..."). The coordinated pattern ("..., saying ...")
and the patterns of :mod:`framing.features.cue_phrases` take their source
from it.

Examples
--------
>>> from framing.features.tokens import tokenize
>>> tokens = tokenize("Back in 1999, the senator defended the plan, saying it worked.")
>>> first, last = sentence_subject(tokens, 0, 9, frozenset({"saying"}))
>>> " ".join(t.text for t in tokens[first : last + 1])
'the senator'
"""

from __future__ import annotations

from .phrases import is_agent
from .tokens import (
    CLAUSE_WORDS,
    DETERMINERS,
    QUOTES,
    Token,
    is_adverb,
    is_capitalised,
)
from .wordlists import words

__all__ = ["sentence_subject"]

# Words that begin an adjunct ("On Monday, ..."): not the subject of a clause.
_ADJUNCT_START = words("adjunct_start")


def sentence_subject(
    tokens: list[Token], lo: int, before: int, cue_words: frozenset[str]
) -> tuple[int, int] | None:
    """The noun phrase opening a clause ("Band member Flea shared ..., writing ...").

    Conjunctions and introductory adjuncts up to a comma ("In television
    interviews on Sunday, he defended ...") are skipped; the phrase must be
    followed by a lower-case word (its verb), an adverb or an apposition.
    """
    start = lo
    while start < before and tokens[start].lower in _SUBJECT_SKIP:
        start += 1
    for _ in range(2):
        if start < before and (
            tokens[start].lower in _ADJUNCT_START
            or tokens[start].lower in _SUBJECT_ADJUNCTS
            or is_adverb(tokens[start])
            or _introductory(tokens[start])
        ):
            marks = (",", "—", "–", "--") if tokens[start].text.isupper() else (",",)
            comma = next((k for k in range(start, before) if tokens[k].text in marks), None)
            if comma is None:
                return None
            start = comma + 1
    if start >= before or tokens[start].lower == "there":
        return None  # "There is ...": no subject that speaks
    if tokens[start].lower in ("he", "she", "they", "we", "i", "it"):
        return start, start
    last = _subject_end(tokens, start, before, cue_words)
    if last is None:
        return None
    if (
        not any(is_capitalised(t) or is_agent(t) for t in tokens[start : last + 1])
        and tokens[start].lower not in DETERMINERS
    ):
        return None
    following = tokens[last + 1] if last + 1 < before else None
    if following is not None and not (
        following.text.islower() or following.text in (",", "(") or is_adverb(following)
    ):
        return None
    return start, last


def _subject_end(
    tokens: list[Token], start: int, before: int, cue_words: frozenset[str] = frozenset()
) -> int | None:
    """Last token of a clause subject starting at ``tokens[start]``: up to its verb.

    Without a tagger the verb is the first lower-case word that is an
    auxiliary, a past form (-ed or a listed irregular one) or an adverb.
    """
    last = None
    for k in range(start, before):
        token = tokens[k]
        word = token.lower
        if token.text in (",", ";", ":", "(", "—", "–", "--") or token.text in QUOTES:
            break
        if (
            k > start
            and token.text.islower()
            and (
                word in CLAUSE_WORDS - _SUBJECT_LINKS
                or word in _IRREGULAR_VERBS
                or word in cue_words
                or (word.endswith("ed") and len(word) > 4)
                or is_adverb(token)
            )
        ):
            break
        last = k
    if last is None or tokens[last].lower in _SUBJECT_LINKS:
        return None
    return last


def _introductory(token: Token) -> bool:
    """Whether a word opens an introductory phrase rather than a subject.

    "Speaking to MSNBC on Monday, Bush ...", "Asked about it, Clinton ...",
    "WASHINGTON — Clinton ...", "Back in 1999, ...", "Hours later, ...".
    """
    text = token.text
    return (
        (text[:1].isupper() and token.lower.endswith(("ing", "ed")) and len(text) > 4)
        or (text.isupper() and len(text) > 2 and text.isalpha())
        or token.lower in _INTRODUCTORY
    )


# Words that open an introductory phrase before a clause's subject (with a comma after it).
_INTRODUCTORY = words("introductory_words")
# Function words inside a subject ("A spokeswoman for Janney", "The heads of state").
_SUBJECT_LINKS = frozenset("of for at from in and to".split())  # "Advisers to Mr. Rubio"
_IRREGULAR_VERBS = words("irregular_verbs")
# Words skipped before a clause's subject ("But the senator ...").
_SUBJECT_SKIP = frozenset("but and so yet still meanwhile then".split())
# Words that open an introductory phrase ending at a comma ("In Iowa, ...").
_SUBJECT_ADJUNCTS = frozenset(
    "in on at after before during with without despite while when as for since".split()
)
