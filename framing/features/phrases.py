"""Noun phrases around cues: reading a source phrase outwards from a cue.

Sources are found without a parser: a noun phrase is read outwards from the
cue over names, nouns and determiners, stopping at punctuation and function
words; appositions ("Jack Watling, land war specialist at RUSI, said") are
read back over commas. The word lists come from
``resources/attribution_words.txt`` (:mod:`framing.features.wordlists`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .tokens import (
    CLAUSE_WORDS,
    DETERMINERS,
    OBJECT_PRONOUNS,
    PERSONAL_PRONOUNS,
    QUOTES,
    RELATIVE_PRONOUNS,
    Token,
    is_adverb,
    is_capitalised,
)
from .wordlists import word_lists, words

__all__ = [
    "ANONYMOUS_HEADS",
    "DOCUMENT_HEADS",
    "ORGANISATION_WORDS",
    "TITLE_WORDS",
    "apposition",
    "appositive_like",
    "is_agent",
    "name_segment_start",
    "np_end_after",
    "np_start_before",
    "possessive_mark",
]

# Lower-case words that may stand before a name in a source phrase
# ("the interim prime minister", "land war specialist Jack Watling").
TITLE_WORDS = words("title_words")
# Endings of agent nouns that may stand before a name ("pollster Chris Anderson").
_AGENT_ENDINGS = tuple(word_lists()["agent_endings"])
# Words after an agent noun that keep a source phrase going ("a spokesman for X").
_AGENT_LINKS = words("agent_links")
_FORWARD_LINKS = words("forward_links")
_CONTINUATIONS = {tuple(pair.split()) for pair in words("continuations")}
_NUMBER_WORDS = words("number_words")
_TIME_WORDS = words("time_words")
ANONYMOUS_HEADS = words("anonymous_heads")
DOCUMENT_HEADS = words("document_heads")
ORGANISATION_WORDS = words("organisation_words")
# Parts of the day are capitalised only in names ("The Corran Evening Post", "Morning Star").
_NAME_TIME_WORDS = words("name_time_words")
_QUANTIFIERS = words("quantifiers")
_NAME_PARTICLES = words("name_particles")
# Modal verbs that are also names when capitalised ("Ms. May", "Will Hurd").
_NAME_MODALS = frozenset({"may", "will"})
_NUMBER_LEADS = words("number_leads")


def _np_word(token: Token) -> bool:
    if not token.text[:1].isalnum():
        return False
    if token.lower in _NAME_MODALS and is_capitalised(token):
        return True  # Theresa May, Will Hurd
    if token.lower in _TIME_WORDS and not (
        token.lower in _NAME_TIME_WORDS and is_capitalised(token)
    ):
        return False
    if token.lower in CLAUSE_WORDS or token.lower in PERSONAL_PRONOUNS:
        return False
    return not (not is_capitalised(token) and is_adverb(token))


def _is_number(token: Token) -> bool:
    return token.text[:1].isdigit() or all(part in _NUMBER_WORDS for part in token.lower.split("-"))


def is_agent(token: Token) -> bool:
    """Nouns for people by role ("spokesman", "pollster", "delegate"), also plural."""
    return is_agent_word(token.lower)


def is_agent_word(word: str) -> bool:
    """:func:`is_agent` of a lower-case word."""
    if word.endswith("s") and len(word) > 4 and not word.endswith("ss"):
        word = word[:-1]
    return (
        word in TITLE_WORDS
        or word in ANONYMOUS_HEADS
        or (word.isalpha() and word.endswith(_AGENT_ENDINGS))
    )


def _extend_quantifier(tokens: Sequence[Token], i: int, floor: int) -> int:
    """Extend a phrase start leftwards over "half of", "16 percent of", "Six in 10"."""
    while (
        i - 2 >= floor
        and tokens[i - 1].lower == "of"
        and (tokens[i - 2].lower in _QUANTIFIERS or tokens[i - 2].text[:1].isdigit())
    ):
        i -= 2
        while i - 1 >= floor and (
            _is_number(tokens[i - 1]) or tokens[i - 1].lower in ("in", "out")
        ):
            i -= 1
    if (
        i - 2 >= floor
        and tokens[i - 1].lower == "in"
        and _is_number(tokens[i])
        and _is_number(tokens[i - 2])
    ):
        i -= 2  # four in 10 voters
    while (
        i - 1 >= floor
        and tokens[i - 1].lower in _NUMBER_LEADS
        and (
            _is_number(tokens[i])
            or tokens[i].lower in _QUANTIFIERS
            or tokens[i].lower in _NUMBER_LEADS
        )
    ):
        i -= 1
    return i


def _links_leftwards(tokens: Sequence[Token], start: int, floor: int) -> bool:
    """Whether the phrase starting at ``start`` continues leftwards over a link word.

    "people familiar with [her plans]", "Residents of [three villages]",
    "Rui Matos of [the University]", "A report by [the Crisis Group]".
    """
    if start - 2 < floor:
        return False
    link, left = tokens[start - 1], tokens[start - 2]
    if (left.lower, link.lower) in _CONTINUATIONS:
        return True
    if link.lower not in _AGENT_LINKS and link.lower != "by":
        return False
    return (
        is_agent(left)
        or left.lower in DOCUMENT_HEADS
        or left.lower in ORGANISATION_WORDS
        or (
            is_capitalised(left)
            and link.lower in ("of", "for", "at", "from")
            and left.lower not in DETERMINERS
        )
    )


def np_start_before(
    tokens: Sequence[Token], last: int, floor: int = 0, cue_words: frozenset[str] = frozenset()
) -> int | None:
    """Index of the first token of the noun phrase ending at ``tokens[last]``.

    Reads leftwards over names, nouns, numbers, possessives ("Sanders’
    campaign"), party tags ("Paul Ryan (R-Wis.)"), "of" between names
    ("Secretary of State") and quantifiers ("half of GOP voters"); stops at a
    determiner (included), punctuation or a function word. Returns ``None``
    if ``tokens[last]`` cannot end a noun phrase.
    """
    if tokens[last].text == ")":
        opening = next(
            (k for k in range(last - 1, max(floor, last - 8) - 1, -1) if tokens[k].text == "("),
            None,
        )
        if opening is None or opening - 1 < floor:
            return None
        start = np_start_before(tokens, opening - 1, floor, cue_words)
        return start
    head = tokens[last]
    if (
        head.lower in PERSONAL_PRONOUNS
        or head.lower in RELATIVE_PRONOUNS
        or head.lower in OBJECT_PRONOUNS
    ):
        return last
    if not _np_word(head):
        return None
    i = last
    while i - 1 >= floor and last - i < 14:
        prev = tokens[i - 1]
        if i - 2 >= floor and (tokens[i - 2].lower, prev.lower) in _CONTINUATIONS:
            i -= 2  # people familiar with the matter
            continue
        if (
            prev.lower in _AGENT_LINKS
            and i - 2 >= floor
            and is_agent(tokens[i - 2])
            and (is_capitalised(tokens[i]) or tokens[i].lower in DETERMINERS)
        ):
            i -= 2  # a spokesman for Hillary Clinton
            continue
        if prev.lower in DETERMINERS and prev.lower != "that":
            start = i - 1
            if _links_leftwards(tokens, start, floor):
                i = start - 2  # "Residents of three villages", "Matos of the University"
                continue
            return _extend_quantifier(tokens, start, floor)
        if (
            prev.lower == "of"
            and i - 2 >= floor
            and is_capitalised(tokens[i - 2])
            and is_capitalised(tokens[i])
        ):
            i -= 2  # Secretary of State
            continue
        if (
            prev.lower in ("and", "&")
            and i - 2 >= floor
            and is_capitalised(tokens[i - 2])
            and (is_capitalised(tokens[i]) or tokens[i].lower in TITLE_WORDS)
        ):
            i -= 2  # Trump and Pence
            continue
        if (
            prev.lower == "and"
            and i - 2 >= floor
            and tokens[i - 2].text.islower()
            and tokens[i - 2].lower.endswith("s")
            and (is_agent(tokens[i - 2]) or tokens[i - 2].lower in ANONYMOUS_HEADS)
        ):
            i -= 2  # teachers and union officials
            continue
        if (
            prev.text in ("’", "'")
            and i - 2 >= floor
            and tokens[i - 2].end == prev.start
            and tokens[i - 2].lower.endswith("s")
        ):
            i -= 2  # Sanders’ campaign
            continue
        if prev.lower in _NAME_PARTICLES and prev.text.islower() and is_capitalised(tokens[i]):
            i -= 1  # dos Santos, von der Leyen
            continue
        if not _np_word(prev) or (prev.lower in cue_words and not is_capitalised(prev)):
            break
        if (
            not is_capitalised(prev)
            and is_capitalised(tokens[i])
            and not is_agent(prev)
            and prev.lower not in ORGANISATION_WORDS
        ):
            break  # "convention Sen. Warren": only a role noun may precede a name
        i -= 1
    return _extend_quantifier(tokens, i, floor)


def np_end_after(tokens: Sequence[Token], first: int, ceiling: int) -> int | None:
    """Index of the last token of the noun phrase starting at ``tokens[first]``."""
    if first >= ceiling:
        return None
    j = first
    if (
        j + 2 < ceiling
        and tokens[j + 1].lower == "of"
        and (tokens[j].lower in _QUANTIFIERS or _is_number(tokens[j]) or tokens[j].lower == "one")
    ):
        j += 2  # one of his senior aides, some of the voters
    if tokens[j].lower in DETERMINERS or tokens[j].lower in PERSONAL_PRONOUNS:
        if tokens[j].lower in PERSONAL_PRONOUNS:
            return j
        j += 1
    if j >= ceiling or not _np_word(tokens[j]):
        return None
    while j + 1 < ceiling:
        nxt = tokens[j + 1]
        lowercase_ok = nxt.lower in ("of", "for") and (
            tokens[j].lower in ORGANISATION_WORDS
            or is_agent(tokens[j])
            or tokens[j].lower in DOCUMENT_HEADS
        )
        if (
            nxt.lower in _FORWARD_LINKS
            and j + 2 < ceiling
            and (
                is_capitalised(tokens[j + 2])
                or tokens[j + 2].lower in DETERMINERS
                or (lowercase_ok and _np_word(tokens[j + 2]))
            )
        ):
            j += 2 if tokens[j + 2].lower not in DETERMINERS else 3
            if j >= ceiling:
                return ceiling - 1
            continue
        if (
            nxt.lower in ("familiar", "close")
            and j + 2 < ceiling
            and tokens[j + 2].lower in ("with", "to")
        ):
            j += 2  # people familiar with the matter
            continue
        if nxt.text == "(" and is_capitalised(tokens[j]):
            closing = next(
                (k for k in range(j + 2, min(ceiling, j + 9)) if tokens[k].text == ")"), None
            )
            if closing is not None:
                j = closing  # Howard Dean (D), Paul Ryan (R-Wis.)
                continue
        if not _np_word(nxt):
            break
        j += 1
    return j


_PARTY_TAG = re.compile(r"^[RDI]-[A-Z]")


def appositive_like(token: Token) -> bool:
    """Whether a phrase starting with ``token`` reads as an apposition or relative clause."""
    return (
        bool(_PARTY_TAG.match(token.text))  # Sen. Lindsey Graham, R-S.C., said
        or token.lower in DETERMINERS
        or token.lower in RELATIVE_PRONOUNS
        or token.text[:1].isdigit()
        or (token.text[:1].islower() and not token.lower.endswith("ing"))
        or token.lower in TITLE_WORDS
        or (token.lower.endswith(("'s", "’s")) and is_capitalised(token))  # Sanders's adviser
    )


def apposition(
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
        if tokens[k].text in QUOTES and not possessive_mark(tokens, k):
            return None  # a quotation: not an apposition
        if tokens[k].text == ",":
            commas += 1
            segment_first = tokens[k + 1]
            participial = segment_first.text.islower() and (
                segment_first.lower.endswith("ing")
                or (
                    segment_first.lower.endswith("ed")
                    and k + 2 <= comma
                    and tokens[k + 2].lower == "by"
                )
            )
            if participial:
                source_last = k - 1  # participles are left out
            name_before = (
                is_capitalised(tokens[k - 1])
                or tokens[k - 1].text == ")"  # Sen. Rob Portman (R-Ohio), another incumbent,
                or segment_first.lower in RELATIVE_PRONOUNS
                or participial
            )
            role = _role_segment(tokens[k + 1 : source_last + 1])
            if (appositive_like(segment_first) or participial or role) and name_before:
                first = np_start_before(tokens, k - 1, lo, cue_words)
                if first is not None:
                    return first, k - 1, source_last
            segment = tokens[k + 1 : source_last + 1]
            if (
                segment
                and len(segment) <= 5
                and all(is_capitalised(t) for t in segment)
                and segment_first.lower not in DETERMINERS
                and (tokens[k - 1].text[:1].islower() or _role_phrase(tokens, lo, k - 1, cue_words))
            ):
                first = np_start_before(tokens, k - 1, lo, cue_words)
                if first is not None:  # "A top strategist, John Weaver, tells"
                    return first, source_last, source_last
        k -= 1
    return None


def possessive_mark(tokens: Sequence[Token], k: int) -> bool:
    """Whether the apostrophe ``tokens[k]`` closes a plural possessive ("Sanders’ campaign")."""
    return (
        tokens[k].text in ("’", "'")
        and k > 0
        and tokens[k - 1].end == tokens[k].start
        and tokens[k - 1].lower.endswith("s")
        and k + 1 < len(tokens)
        and tokens[k + 1].text[:1].islower()
    )


def _role_segment(segment: Sequence[Token]) -> bool:
    """Whether a comma-delimited segment names a role ("Mrs. Obama's chief of staff").

    A short segment holding a lower-case role or agent noun reads as an
    apposition even when it opens with a name ("Sanders’ campaign manager").
    """
    return 0 < len(segment) <= MAX_ROLE_SEGMENT and any(
        t.text.islower() and is_agent(t) for t in segment
    )


# An apposition naming a role runs to at most this many tokens ("Mrs. Obama's chief of
# staff"); set by hand from constructed examples.
MAX_ROLE_SEGMENT = 10


def _role_phrase(tokens: list[Token], lo: int, last: int, cue_words: frozenset[str]) -> bool:
    """Whether the phrase ending at ``tokens[last]`` opens with a determiner or a possessive.

    "The Podesta Group's CEO, Kimberley Fritts, said": a role, then the name.
    """
    first = np_start_before(tokens, last, lo, cue_words)
    if first is None:
        return False
    return tokens[first].lower in DETERMINERS or any(
        t.lower.endswith(("'s", "’s")) for t in tokens[first:last]
    )


def name_segment_start(tokens: list[Token], first: int, last: int) -> int:
    """Start of the name in "A spokesman for the government, Tomas Ferreira" (else ``first``)."""
    commas = [k for k in range(first, last + 1) if tokens[k].text == ","]
    if commas and all(is_capitalised(t) for t in tokens[commas[-1] + 1 : last + 1]):
        return commas[-1] + 1
    return first
