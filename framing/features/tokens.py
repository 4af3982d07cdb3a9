"""Tokens with character offsets, and the word classes attribution rules use.

No part-of-speech model is needed (none can be downloaded): the classes are
closed lists of English function words, plus capitalisation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "AUXILIARIES",
    "CLAUSE_WORDS",
    "DETERMINERS",
    "PERSONAL_PRONOUNS",
    "RELATIVE_PRONOUNS",
    "Token",
    "is_adverb",
    "is_capitalised",
    "tokenize",
]

_TITLES = (
    "Mr|Mrs|Ms|Dr|Gen|Gens|Sen|Sens|Rep|Reps|Gov|Lt|Col|Sgt|Capt|Prof|Rev|St|Sec|Adm|Maj|Cmdr|"
    "Jr|Sr|Atty|Supt|Insp|Amb|Brig|Cpl|Pvt|Fr|Hon|Dep|Det"
)
_CLITIC = r"[’'](?:s|re|ve|m|ll|d)\b"
_TOKEN = re.compile(
    rf"(?:[A-Za-z]\.){{2,}}|(?:{_TITLES})\.|"
    rf"(?i:he|she|it|they|we|i|you|that|there|who)(?={_CLITIC})|(?<=\w){_CLITIC}|"
    rf"\w+(?:[’'\-]\w+)*|--|\.\.\.|[^\w\s]"
)
OPEN_QUOTES = frozenset({"“", '"', "‘", "«"})
CLOSE_QUOTES = frozenset({"”", '"', "’", "»"})
QUOTES = OPEN_QUOTES | CLOSE_QUOTES


@dataclass(frozen=True)
class Token:
    """A token of the article text: its text, offsets and lower-case form."""

    text: str
    start: int
    end: int
    lower: str


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of ``text`` with offsets (shifted by ``offset``).

    Examples
    --------
    >>> [t.text for t in tokenize("U.S. Sec. Pompeo said: “It’s Iran’s.”")]
    ['U.S.', 'Sec.', 'Pompeo', 'said', ':', '“', 'It', '’s', 'Iran’s', '.', '”']
    """
    return [
        Token(m.group(), m.start() + offset, m.end() + offset, m.group().casefold())
        for m in _TOKEN.finditer(text)
    ]


PERSONAL_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you"})
OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me"})
RELATIVE_PRONOUNS = frozenset({"who", "which"})
DETERMINERS = frozenset(
    "the a an this that these those his her its their our my your some many several few other "
    "another each every both most all no any one two three four five six seven eight nine ten "
    "dozens hundreds thousands".split()
)
_NEGATED = (
    "don't doesn't didn't won't wouldn't can't couldn't hasn't haven't hadn't isn't wasn't "
    "aren't weren't shouldn't"
)
AUXILIARIES = frozenset(
    (
        "has have had having is was were are am be been being will would could can may might shall "
        "should must did does do 's ’s " + _NEGATED + " " + _NEGATED.replace("'", "’")
    ).split()
)
_BE = frozenset(
    "is was were are am be been being isn't wasn't aren't weren't "
    "isn’t wasn’t aren’t weren’t".split()
)
ADVERBS = frozenset(
    "also now later then again still once previously recently earlier further separately "
    "similarly often never not n't already just even too reportedly repeatedly publicly "
    "privately initially subsequently ultimately meanwhile however yesterday today tonight "
    "first last quickly strongly flatly openly directly explicitly bluntly angrily".split()
)
# Words that end a noun phrase when met scanning outwards from a cue.
CLAUSE_WORDS = (
    frozenset(
        "but or nor so yet because although though while whereas if unless when whenever after "
        "before since as than that which who whom whose where what how why whether to not and "
        "despite during until upon into onto about against between through over under among if "
        "with without by on in at from for of".split()
    )
    | AUXILIARIES
)


def is_capitalised(token: Token) -> bool:
    """True for tokens starting with an upper-case letter (names, titles)."""
    return token.text[:1].isupper()


_LY_NOT_ADVERBS = frozenset(
    "early daily weekly monthly yearly hourly likely unlikely elderly friendly lonely lovely "
    "costly deadly ugly holy only family rally ally reply supply apply italy jelly belly "
    "bully july assembly anomaly monopoly butterfly fly silly curly".split()
)


def is_adverb(token: Token) -> bool:
    """Adverbs that may stand between a source and its cue ("has repeatedly said")."""
    return token.lower in ADVERBS or (
        token.lower.endswith("ly")
        and token.text.islower()
        and len(token.lower) > 4
        and token.lower not in _LY_NOT_ADVERBS
    )


def is_be(token: Token) -> bool:
    """Forms of "to be" (a passive "is said" has no source)."""
    return token.lower in _BE
