"""Tokens with character offsets, and the word classes attribution rules use.

No part-of-speech model is needed (none can be downloaded): the classes are
closed lists of English function words, plus capitalisation.
"""

from __future__ import annotations

import re

from .wordlists import word_lists, words

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

_TITLES = "|".join(word_lists()["title_abbreviations"])
_CLITIC = r"[’'](?:s|re|ve|m|ll|d)\b"
# Words the pattern splits from a clitic ("it’s" -> it ’s; "Trump’s" stays one token).
_CLITIC_HOSTS = ("he", "she", "it", "they", "we", "i", "you", "that", "there", "who")
# The first alternative takes a plain word (not followed by a period, apostrophe or hyphen)
# at once: none of the others can match there, so tokens are the same, found faster.
_TOKEN = re.compile(
    r"\w+(?![\w.’'\-])|"
    rf"(?:[A-Za-z]\.){{2,}}|(?:{_TITLES})\.|(?<![\w.])[A-Z]\.(?=\s+[A-Z])|"
    rf"(?i:{'|'.join(_CLITIC_HOSTS)})(?={_CLITIC})|(?<=\w){_CLITIC}|"
    rf"\w+(?:[’'\-]\w+)*|--|\.\.\.|[^\w\s]"
)
OPEN_QUOTES = frozenset({"“", '"', "‘", "«"})
CLOSE_QUOTES = frozenset({"”", '"', "’", "»"})
QUOTES = OPEN_QUOTES | CLOSE_QUOTES


class Token:
    """A token of the article text: its text, offsets and lower-case form.

    A plain class with slots (not a dataclass): articles hold hundreds of
    thousands of tokens and this is the cheapest object Python builds.
    """

    __slots__ = ("end", "lower", "start", "text")

    def __init__(self, text: str, start: int, end: int, lower: str) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.lower = lower

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and (self.text, self.start, self.end) == (
            other.text,
            other.start,
            other.end,
        )

    def __hash__(self) -> int:
        return hash((self.text, self.start, self.end))


def tokenize(text: str, offset: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text`` with offsets (shifted by ``offset``).

    With ``end``, tokens of ``text[offset:end]`` with offsets into ``text``
    (no copy of the slice is made).

    Examples
    --------
    >>> [t.text for t in tokenize("U.S. Sec. Pompeo said: “It’s Iran’s.”")]
    ['U.S.', 'Sec.', 'Pompeo', 'said', ':', '“', 'It', '’s', 'Iran’s', '.', '”']
    >>> [t.text for t in tokenize("Mary K. Jones")]  # a middle initial is one token
    ['Mary', 'K.', 'Jones']
    >>> [t.start for t in tokenize("We left. He said so.", 9, 16)]
    [9, 12]
    """
    if end is not None:
        return _tokens_between(text, offset, end)
    return [
        Token(m.group(), m.start() + offset, m.end() + offset, m.group().casefold())
        for m in _TOKEN.finditer(text)
    ]


PERSONAL_PRONOUNS = words("personal_pronouns")
OBJECT_PRONOUNS = words("object_pronouns")
RELATIVE_PRONOUNS = words("relative_pronouns")
DETERMINERS = words("determiners")
_NEGATED = words("negated_auxiliaries")
AUXILIARIES = words("auxiliaries") | _NEGATED | frozenset(w.replace("'", "’") for w in _NEGATED)
_BE = words("be_forms")
ADVERBS = words("adverbs")
# Words that end a noun phrase when met scanning outwards from a cue.
CLAUSE_WORDS = words("clause_words") | AUXILIARIES


def is_capitalised(token: Token) -> bool:
    """True for tokens starting with an upper-case letter (names, titles)."""
    return token.text[:1].isupper()


_LY_NOT_ADVERBS = words("not_adverbs_ly")


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


# Marks that are tokens of their own before and after a word of letters and digits: the
# pattern gives each of them alone (its other alternatives need a period, a hyphen or a
# letter after an apostrophe).
_LEAD = '(“"‘['
_TRAIL = ",;:!?)]”\"’'"


def _tokens_between(text: str, start: int, end: int) -> list[Token]:
    """The tokens of ``text[start:end]``, chunk by white-space chunk.

    A chunk of letters and digits only is one token (the pattern's first
    alternative takes it whole); so is a word with marks around it
    ("“word,”": each mark a token), a word before a final period ("said.",
    not a title abbreviation) and words joined by apostrophes or hyphens
    ("Trump’s", "state-run", not a pronoun before a clitic as "it’s"). Other
    chunks are matched by the pattern from their start, with the rest of the
    span after them in view (its look-aheads see past the chunk, as in one
    scan). No token holds white space, so the tokens are those of one scan
    of the span.
    """
    out: list[Token] = []
    append = out.append
    find = text.find
    pos = start
    for chunk in text[start:end].split():
        first = find(chunk, pos)
        pos = first + len(chunk)
        if chunk.isalnum():
            append(Token(chunk, first, pos, chunk.casefold()))
            continue
        rest = chunk.lstrip(_LEAD)  # the marks before the word, then those after it
        lead = len(chunk) - len(rest)
        core = rest.rstrip(_TRAIL)
        trail = lead + len(core)
        cut = trail  # where the word of the chunk ends
        if core and not core.isalnum():
            body = core[:-1]
            if core[-1] == "." and len(body) > 1 and body.isalnum() and body not in _TITLE_SET:
                cut -= 1  # "said." is "said" and "."
            elif not (_JOINED.fullmatch(core) and _no_clitic_host(core)):
                for m in _TOKEN.finditer(text, first, end):
                    if m.start() >= pos:
                        break
                    word = m.group()
                    append(Token(word, m.start(), m.end(), word.casefold()))
                continue
        # each mark before and after the word is a token of its own, the word one token
        for k in range(lead):
            append(Token(chunk[k], first + k, first + k + 1, chunk[k]))
        if core:
            word = chunk[lead:cut]
            append(Token(word, first + lead, first + cut, word.casefold()))
        for k in range(cut, len(chunk)):
            append(Token(chunk[k], first + k, first + k + 1, chunk[k]))
    return out


# Words joined by apostrophes or hyphens: one token (the pattern's \w+(?:[’'\-]\w+)*).
_JOINED = re.compile(r"\w+(?:[’'\-]\w+)+")
_TITLE_SET = frozenset(word_lists()["title_abbreviations"])
_HOST_SET = frozenset(_CLITIC_HOSTS)


def _no_clitic_host(word: str) -> bool:
    """Whether the part before the first joining mark is no pronoun the pattern splits ("it’s").

    A part outside ASCII is left to the pattern (its case-insensitive
    match knows letters such as the long s).
    """
    for k, char in enumerate(word):
        if char in "’'-":
            host = word[:k]
            return host.isascii() and host.lower() not in _HOST_SET
    return True
