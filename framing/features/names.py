"""Names of speakers: the person in a source phrase, one canonical form, corpus grouping.

A source phrase names a person with titles, roles and appositions around
the name ("House Speaker Nancy Pelosi", "Mr. Trump", "Jack Watling, land
war specialist at RUSI"). :func:`person_name` keeps the name,
:func:`canonical_name` its comparable form (no title, honorific, middle
initial, possessive or party tag), and :func:`person_mentions` finds the
names of people in a whole text with one regular-expression scan, for the
speaker resolution of :mod:`framing.features.speakers`.

Across a corpus, :func:`group_speakers` joins the speakers that are one
person by a documented rule: canonical names are compared without titles;
a one-word name (a surname) joins a full name only when that full name
accounts for at least ``SURNAME_SHARE`` of the citations of full names
ending with that surname in the table (within one article, a surname has
already been joined to the full name the article used), and a name with a
middle name joins the first-and-last name when the table cites that
("Hillary Rodham Clinton" -> "Hillary Clinton").

Examples
--------
>>> person_name("Former Arkansas Gov. Mike Huckabee")
'Mike Huckabee'
>>> canonical_name("President Donald J. Trump's")
'Donald Trump'
>>> canonical_name("Sen. Richard Blumenthal (D-Conn.), who is running")
'Richard Blumenthal'
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from .phrases import ORGANISATION_WORDS, TITLE_WORDS
from .sources import NEWS_NAME_WORDS, PERSON_TITLES, places
from .wordlists import words

__all__ = [
    "SURNAME_SHARE",
    "PersonMention",
    "canonical_name",
    "group_speakers",
    "name_runs",
    "person_mentions",
    "person_name",
]

# A surname joins the corpus's most cited full name ending with it when that name has at
# least this share of the citations of all full names ending with it (set by hand: "Trump"
# joins "Donald Trump" in a corpus that also cites "Donald Trump Jr." and "Ivanka Trump").
SURNAME_SHARE = 0.8

_HONORIFICS = words("honorifics")
_PLACES = places() | words("regions")
_FEMALE = frozenset({"mrs.", "ms.", "miss", "mrs", "ms", "madam", "lady", "dame"})
_MALE = frozenset({"mr.", "mr", "sir", "lord"})
_LINKS = frozenset("of for at from in with to by and &".split())
_PARTICLES = frozenset("de van von bin al da del la le di du ter den der".split())
_SUFFIXES = frozenset({"jr.", "sr.", "jr", "sr", "ii", "iii", "iv"})
_NOT_NAMES = words("not_name_words")
# Name words are matched possessively where the engine can (Python 3.11+: ``++``, ``*+``): a
# word is never given back letter by letter, which changes no match (what may follow a name
# word is a space or the end, never a letter or a joining mark) and saves the backtracking.
_HOLD = "+" if sys.version_info >= (3, 11) else ""
_NAME_WORD = (
    rf"[A-Z][a-z]+{_HOLD}(?:[-'’][A-Z]?[a-z]+{_HOLD})*{_HOLD}|[A-Z]\.|Mc[A-Z][a-z]+{_HOLD}"
    rf"|O[’'][A-Z][a-z]+{_HOLD}"
)
# A name run is far shorter than this many characters: a scan that stops this far after
# the last offset of interest reads every name starting before it in full.
_NAME_SPAN = 400
# The first name word is written from its capital on, with the look-behind after that capital
# (``(?<![\w.].)``: the character before it is no word character or period): a pattern that
# opens with a character set lets the engine skip to the next capital in C; same matches.
_FIRST_NAME_WORD = (
    rf"[A-Z](?<![\w.].)(?:[a-z]+{_HOLD}(?:[-'’][A-Z]?[a-z]+{_HOLD})*{_HOLD}|\.|"
    rf"(?<=M)c[A-Z][a-z]+{_HOLD}|(?<=O)[’'][A-Z][a-z]+{_HOLD})"
)
_NAME = re.compile(
    rf"{_FIRST_NAME_WORD}(?:[ \t]+(?:(?:{'|'.join(sorted(_PARTICLES))})[ \t]+)?"
    rf"(?:{_NAME_WORD})){{1,3}}(?:,?[ \t]+(?:Jr|Sr)\.)?"
)

_APPOSITION = re.compile(r",\s|\s\(|\s[—–]\s")
_POSSESSIVE = re.compile(r"[’']s?$")
_INITIAL = re.compile(r"[A-Z]\.")
# Words that make a run of capitalised words no person's name (an organisation, outlet, place).
_NOT_IN_NAMES = ORGANISATION_WORDS | NEWS_NAME_WORDS | _NOT_NAMES | _PLACES


_TITLES = TITLE_WORDS | PERSON_TITLES | _HONORIFICS


@lru_cache(maxsize=1 << 14)
def _word_is_title(word: str) -> bool:
    lowered = word.casefold()
    return lowered in _TITLES or (
        lowered.endswith(".") and lowered not in _SUFFIXES and len(lowered) > 2
    )


@lru_cache(maxsize=1 << 14)
def person_name(phrase: str) -> str:
    """The name of the person in a source phrase: the run of name words ending it.

    Appositions after a comma, party tags in brackets and a possessive are
    dropped; titles and role words before the name are left out. A phrase
    without such a run is returned trimmed.

    Examples
    --------
    >>> person_name("Jack Watling, land war specialist at RUSI")
    'Jack Watling'
    >>> person_name("Secretary of State Hillary Clinton")
    'Hillary Clinton'
    >>> person_name("U.S. District Judge James C. Cacheris")
    'James C. Cacheris'
    >>> person_name("a spokesman for Hillary Clinton")
    'a spokesman for Hillary Clinton'
    >>> person_name("Senator Chuck Schumer of New York")
    'Chuck Schumer'
    """
    head = _APPOSITION.split(phrase.strip(), maxsplit=1)[0].strip()
    head = _POSSESSIVE.sub("", head).strip()
    before, of, place = head.rpartition(" of ")
    if of and place.casefold().removeprefix("the ") in _PLACES:
        head = before  # "Senator Chuck Schumer of New York"
    parts = head.split()
    if not parts:
        return phrase.strip()
    k = len(parts)
    while k > 0:
        word = parts[k - 1]
        lowered = word.casefold()
        if lowered in _SUFFIXES and k == len(parts):
            k -= 1
            continue
        if lowered in _PARTICLES and k < len(parts):
            k -= 1
            continue
        if word[:1].isupper() and not _word_is_title(word) and lowered not in _NOT_NAMES:
            k -= 1
            continue
        break
    name = parts[k:]
    if k > 0 and parts[k - 1].casefold() in _LINKS:
        return head  # "a spokesman for Hillary Clinton", "the mayor of Denholm"
    if not name or all(w.casefold() in _SUFFIXES or w.casefold() in _PARTICLES for w in name):
        return head
    return " ".join(name)


@lru_cache(maxsize=1 << 14)
def canonical_name(phrase: str) -> str:
    """The comparable form of a person's name: no title, initial, possessive or tag.

    Examples
    --------
    >>> canonical_name("Mr. Trump"), canonical_name("President Trump")
    ('Trump', 'Trump')
    >>> canonical_name("Vice President Joseph R. Biden Jr.")
    'Joseph Biden Jr.'
    """
    name = person_name(phrase)
    parts = [p for p in name.split() if not _INITIAL.fullmatch(p)]
    return " ".join(parts) if parts else name


def gender_of(phrase: str) -> str | None:
    """``"f"``/``"m"`` from an honorific in the phrase (Mrs., Ms., Mr.), else ``None``."""
    for word in phrase.casefold().split():
        if word in _FEMALE:
            return "f"
        if word in _MALE:
            return "m"
    return None


@dataclass(frozen=True)
class PersonMention:
    """A person's name found in the text: offsets, name as written, gender if titled."""

    start: int
    end: int
    name: str
    gender: str | None
    roles: tuple[str, ...] = ()  # title and role words just before the name ("Rep.", "senator")


def person_mentions(text: str, until: int | None = None) -> list[PersonMention]:
    """Names of people in ``text`` (two to four name words, optional title), in order.

    Runs of capitalised words that hold an organisation, outlet or place
    word, or that open a sentence with a function word, are left out. With
    ``until``, only names starting at or before that offset (the same names
    as in the whole text, found without reading the rest).

    Examples
    --------
    >>> [m.name for m in person_mentions("Ms. Mary K. Jones met The New York Times.")]
    ['Mary K. Jones']
    """
    return [PersonMention(*found) for found in name_runs(text, until)]


def name_runs(
    text: str, until: int | None = None
) -> list[tuple[int, int, str, str | None, tuple[str, ...]]]:
    """:func:`person_mentions` as ``(start, end, name, gender, roles)`` tuples (for speed)."""
    out = []
    place_names = _PLACES
    if until is None or until + _NAME_SPAN >= len(text):
        matches = [m for m in _NAME.finditer(text) if until is None or m.start() <= until]
    else:
        endpos = until + _NAME_SPAN
        matches = [m for m in _NAME.finditer(text, 0, endpos) if m.start() <= until]
        if matches and matches[-1].end() >= endpos - 16:
            matches = [m for m in _NAME.finditer(text) if m.start() <= until]  # near the cut
    for match in matches:
        start, found = match.start(), match.group()
        parts = found.split()
        while parts and (parts[0].casefold() in _NOT_NAMES or _word_is_title(parts[0])):
            start = text.find(parts[1], start + len(parts[0])) if len(parts) > 1 else match.end()
            parts = parts[1:]
        if len(parts) < 2 or (
            "." in found and sum(1 for p in parts if not _INITIAL.fullmatch(p)) < 2
        ):
            continue  # fewer than two names besides initials
        lowered = [p.casefold().rstrip(".,") for p in parts]
        if " ".join(lowered) in place_names or not _NOT_IN_NAMES.isdisjoint(lowered):
            continue
        before = text[max(0, start - 40) : start].split("\n")[-1].casefold().split()[-4:]
        # (the words are case-folded already: _word_is_title's test, without its fold)
        roles = tuple(
            w
            for w in [w.strip(",") for w in before]
            if w in _TITLES or (w.endswith(".") and w not in _SUFFIXES and len(w) > 2)
        )
        roles += appositive_roles(text, match.end())
        out.append(
            (start, match.end(), " ".join(parts), gender_of(before[-1]) if before else None, roles)
        )
    return out


# ", the mayor," / ", a spokesman for the ministry," / ", the city's police chief,": an
# apposition after a name that opens with a determiner or a possessive.
_ROLE_APPOSITION = re.compile(
    r",[ \t]+(?:the|a|an|its|his|her|their|[A-Z][\w.-]*['’]s)[ \t]+([^,.;:!?\n]{1,60})"
)


def appositive_roles(text: str, end: int) -> tuple[str, ...]:
    """Role words of an apposition right after a name ending at ``end`` (", the mayor,").

    Only the words before a linking word count ("a spokesman for the ministry":
    spokesman), so the roles are the person's, not those of what follows.

    Examples
    --------
    >>> text = "Maria Ortiz, the city's mayor, spoke."
    >>> appositive_roles(text, len("Maria Ortiz"))
    ('mayor',)
    >>> appositive_roles("Tom Lee, who chairs the board, spoke.", len("Tom Lee"))
    ()
    """
    found = _ROLE_APPOSITION.match(text, end)
    if found is None:
        return ()
    roles = []
    for word in found.group(1).split()[:4]:
        lowered = word.casefold()
        if lowered in _LINKS or lowered in ("who", "which", "that"):
            break
        if lowered in TITLE_WORDS or lowered in PERSON_TITLES:
            roles.append(lowered)
    return tuple(roles)


def group_speakers(table: pd.DataFrame, column: str = "speaker") -> pd.Series:
    """Corpus-wide speaker names: surnames joined to the dominant full name ending with them.

    Parameters
    ----------
    table : DataFrame
        An attribution table with ``column`` (canonical names within each
        article, as :class:`framing.AttributionExtractor` gives them) and
        ``source_kind``.
    column : str
        The column of speaker names.

    Returns
    -------
    Series
        One name per row (``NA`` where the speaker is unresolved).

    Examples
    --------
    >>> t = pd.DataFrame({"speaker": ["Donald Trump", "Trump", "Trump", "Ivanka Trump", None],
    ...                   "source_kind": ["person"] * 5})
    >>> group_speakers(t).tolist()
    ['Donald Trump', 'Trump', 'Trump', 'Ivanka Trump', None]
    >>> t.loc[3, "speaker"] = "Donald Trump"
    >>> group_speakers(t).tolist()
    ['Donald Trump', 'Donald Trump', 'Donald Trump', 'Donald Trump', None]
    """
    names = table[column]
    people = table["source_kind"].eq("person") & names.notna()
    full = Counter(
        n for n, p in zip(names, people, strict=True) if p and isinstance(n, str) and " " in n
    )
    middle = {}  # "Hillary Rodham Clinton" -> "Hillary Clinton" when the table cites it
    for name in full:
        parts = name.split()
        short = f"{parts[0]} {parts[-1]}"
        if len(parts) > 2 and parts[-1].casefold() not in _SUFFIXES and short in full:
            middle[name] = short
    for name, short in middle.items():
        full[short] += full.pop(name)
    by_surname: dict[str, Counter[str]] = defaultdict(Counter)
    for name, count in full.items():
        by_surname[name.split()[-1].casefold()][name] += count
    joined: dict[str, str] = {}
    for surname, counts in by_surname.items():
        name, count = counts.most_common(1)[0]
        if count >= SURNAME_SHARE * sum(counts.values()):
            joined[surname] = name
    out = [
        (joined.get(n.casefold(), n) if " " not in n else middle.get(n, n))
        if p and isinstance(n, str)
        else n
        for n, p in zip(names, people, strict=True)
    ]
    return pd.Series(out, index=table.index, dtype=object).where(names.notna(), None)
