"""Bylines of news pages: who wrote a story, and which outlet a byline names.

Forms (``framing/resources/bylines.json``, an example each): ``By Jane Roe
and John Doe``, ``By Jane Roe, Reuters``, ``Jane Roe | Reuters``, ``Jane
RoeReuters`` (a name glued to its agency when a page is pasted), ``Author:
Jane Roe``, and desk bylines such as ``By Harbour News Service`` or ``By
Staff, Agencies``, which name no person: their name is kept as a desk, and
when it is a proper name ("Harbour News Service") it is evidence of the
outlet. A wire's closing credit ``(Reporting by Jane Roe; editing by John
Doe)`` gives the reporters (:func:`credit_authors`).

Examples
--------
>>> from framing.outlets import OutletRegistry
>>> reg = OutletRegistry.default()
>>> read_byline("By Jane Roe and John Doe", reg).authors
('Jane Roe', 'John Doe')
>>> b = read_byline("Jane RoeReuters", reg)
>>> b.authors, b.outlet, b.form
(('Jane Roe',), 'Reuters', 'name-glued-to-outlet')
>>> b = read_byline("By Harbour News Service", reg)
>>> b.authors, b.desk, b.outlet
((), 'Harbour News Service', 'Harbour News Service')
>>> read_byline("By the way, this is prose.", reg) is None
True
>>> credit_authors("Jane Roe in Oslo; editing by John Doe")
('Jane Roe',)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..outlets import OutletRegistry
from .layout_rules import byline_rules

__all__ = ["Byline", "credit_authors", "is_person_name", "read_byline"]

# A byline line is short: measured on the layouts dev pages and the shipped
# examples, the longest real one has 8 words ("By Jane Roe and John Doe,
# Reuters" style); prose openings that start with "By" run longer.
MAX_BYLINE_WORDS = 12
MAX_NAME_WORDS = 5


@dataclass(frozen=True)
class Byline:
    """What a byline line says."""

    authors: tuple[str, ...]
    desk: str | None
    outlet: str | None  # the outlet the byline names, as written
    form: str


@lru_cache(maxsize=1)
def _name() -> re.Pattern[str]:
    return re.compile(byline_rules().name)


def is_person_name(text: str) -> bool:
    """True if ``text`` reads as one person's name (no desk words, 1-5 capitalised words).

    Examples
    --------
    >>> is_person_name("J. Doe"), is_person_name("Breaking News"), is_person_name("the way")
    (True, False, False)
    """
    text = text.strip()
    words = text.split()
    if not words or len(words) > MAX_NAME_WORDS or not _name().fullmatch(text):
        return False
    desk = byline_rules().desk_words
    return not any(w.casefold().strip(".,") in desk for w in words)


def _split_names(text: str) -> list[str]:
    rules = byline_rules()
    return [p.strip(" .,") for p in rules.separators.split(text) if p and p.strip(" .,")]


def _desk(text: str) -> tuple[str | None, str | None]:
    """``(desk, outlet)`` if ``text`` names a desk; the outlet when its name is proper."""
    rules = byline_rules()
    words = [w.strip(".,") for w in text.split()]
    if not words or not any(w.casefold() in rules.desk_words for w in words):
        return None, None
    if not all(w[:1].isupper() or w.casefold() in ("of", "and", "&") for w in words if w):
        return None, None
    proper = [
        w
        for w in words
        if w.casefold() not in rules.desk_words
        and w.casefold() not in rules.generic_desk_names
        and w[:1].isalpha()
    ]
    name = " ".join(text.split())
    return name, (name if proper and "," not in text else None)


def _outlet_names(registry: OutletRegistry) -> re.Pattern[str]:
    return _names_pattern(registry.names)


@lru_cache(maxsize=8)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?P<outlet>{alternation})$")


def _names_outlet(text: str, registry: OutletRegistry) -> tuple[str, str | None]:
    """Split a trailing outlet off ``text`` ("Jane Roe | Reuters", "Jane Roe, Reuters")."""
    matches = list(byline_rules().outlet_separators.finditer(text))
    for number, sep in enumerate(matches):  # the first part after the names that is an outlet
        if sep.start() == 0:
            continue
        end = matches[number + 1].start() if number + 1 < len(matches) else len(text)
        part = text[sep.end() : end].strip()
        if part and registry.resolve(part):
            return text[: sep.start()].strip(), part
    return text, None


def read_byline(line: str, registry: OutletRegistry) -> Byline | None:
    """The byline ``line`` holds, or ``None`` (see the module docstring)."""
    line = " ".join(line.split())
    if not line or len(line.split()) > MAX_BYLINE_WORDS:
        return None
    rules = byline_rules()
    prefixed = rules.prefix.match(line)
    if prefixed:
        rest, outlet = _names_outlet(prefixed.group("rest").strip(" ."), registry)
        if not outlet and registry.resolve(rest) and len(rest.split()) <= 4:
            return Byline((), None, rest, "by-outlet")  # "By Reuters"
        desk, desk_outlet = _desk(rest)
        if desk:
            return Byline((), desk, outlet or desk_outlet, "desk")
        names = _split_names(rest)
        if names and all(is_person_name(n) for n in names):
            form = "by-prefix" if line[:2].casefold() == "by" else "labelled"
            return Byline(tuple(names), None, outlet, form + ("-with-outlet" if outlet else ""))
        return None
    rest, outlet = _names_outlet(line, registry)
    if outlet:
        names = _split_names(rest)
        if names and all(is_person_name(n) for n in names):
            return Byline(tuple(names), None, outlet, "name-separator-outlet")
        return None
    glued = _outlet_names(registry).search(line)
    if glued and glued.start() > 0:
        name = line[: glued.start()].rstrip()
        boundary = line[glued.start() - 1 : glued.start() + 1]
        joined = boundary[:1].islower() and boundary[1:].isupper()
        spaced = line[glued.start() - 1] == " " and len(name.split()) >= 2
        if (joined or spaced) and is_person_name(name):
            return Byline((name,), None, glued.group("outlet"), "name-glued-to-outlet")
    return None


_CREDIT_PART = re.compile(
    r"(?i)^(?:additional[ ])?(?:reporting|writing|reported|written)"
    r"(?:[ ]and[ ](?:writing|reporting))?[ ]by[ ]"
)
_PLACE_TAIL = re.compile(r"[ ](?:in|from)[ ][A-Z][\w .'-]{0,40}$")


def credit_authors(credit: str) -> tuple[str, ...]:
    """Reporters and writers named in a wire's closing credit (its text inside the parentheses).

    ``credit`` is what follows "(Reporting by"; further parts are separated by
    semicolons ("; editing by ..."), and only reporting and writing parts name
    authors.
    """
    parts = [p.strip() for p in credit.strip(" ()").split(";")]
    names: list[str] = []
    for number, part in enumerate(parts):
        if number:
            head = _CREDIT_PART.match(part)
            if head is None:
                continue
            part = part[head.end() :]
        for name in _split_names(part):
            name = _PLACE_TAIL.sub("", " " + name).strip()
            if is_person_name(name) and name not in names:
                names.append(name)
    return tuple(names)
