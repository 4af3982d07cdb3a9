"""Datelines at the start of an article body, from data.

A dateline names where (and sometimes when, and for which agency) a story
was filed: ``CITY (Reuters) -``, ``(CNN)`` and ``Washington (CNN)President``,
``CITY, Month Day (Xinhua) --``, ``MOSCOW, December 1. /TASS/.``,
``City, June 3, IRNA -``, ``CITY –``, ``CITY:``, or a line of its own
such as ``CITY-AGENCY``. The styles are the patterns of
``framing/resources/datelines.json`` (each with an example and a source),
tried after an outlet layout's own pattern and the registry's wire credits
(``dateline_credits``, which may be followed directly by the text).

Examples
--------
>>> d = match_dateline("MOSCOW, December 1. /TASS/. Talks began.")
>>> d.place, d.credit, d.date, d.rule
('MOSCOW', 'TASS', 'December 1', 'slashed-credit')
>>> match_dateline("ISLAMABAD: The prime minister spoke.").place
'ISLAMABAD'
>>> match_dateline("BREAKING: The prime minister spoke.") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .layout_rules import dateline_rules, dateline_words

__all__ = ["Dateline", "match_dateline", "split_dateline"]

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?"
_CHARS = r"[A-Za-z.'’-]"
# A place: up to five capitalised words, optionally ", Country" or ", State".
_PLACE = (
    rf"[A-Z]{_CHARS}{{0,30}}(?:[ ]{_CHARS}{{1,30}}){{0,4}}"
    rf"(?:,[ ][A-Z]{_CHARS}{{0,30}}(?:[ ]{_CHARS}{{1,30}}){{0,3}})?"
)


@dataclass(frozen=True)
class Dateline:
    """A dateline found at the start of a body or line."""

    place: str | None
    credit: str | None
    date: str | None
    end: int  # offset where the body proper starts
    rule: str = "registry-credit"  # the pattern that matched
    strength: str = "credit"  # "layout", "credit" or "place" (see datelines.json)
    author: str | None = None
    whole_line: bool = False  # the dateline is the whole line ("ADEN-SABA")


@lru_cache(maxsize=32)
def _wire_pattern(credits: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(c) for c in credits)
    return re.compile(
        rf"^(?:(?P<dateline>{_PLACE}?)(?:,\s*(?P<date>{_MONTH}\s+\d{{1,2}}))?\s*)?"
        rf"\((?i:(?P<credit>{alternatives}))\)(?:\s*(?:--|[—–:-])\s*|(?=[A-Z\"“‘'])|\s+(?=[A-Z\"“‘']))"
    )


def _from_match(match: re.Match[str], rule: str, strength: str, text: str) -> Dateline | None:
    groups = match.groupdict()
    place = (groups.get("place") or groups.get("dateline") or "").strip(" ,") or None
    not_places, _ = dateline_words()
    if place is not None and place.casefold() in not_places:
        return None
    whole = match.end() >= len(text.rstrip())
    return Dateline(
        place=place,
        credit=(groups.get("credit") or "").strip() or None,
        date=(groups.get("date") or "").strip() or None,
        end=match.end(),
        rule=rule,
        strength=strength,
        author=(groups.get("author") or "").strip() or None,
        whole_line=whole,
    )


def match_dateline(
    text: str,
    credits: tuple[str, ...] = (),
    layout_pattern: re.Pattern[str] | None = None,
    *,
    whole_lines: bool = True,
) -> Dateline | None:
    """The dateline at the start of ``text`` (a line or a paragraph), or ``None``.

    Parameters
    ----------
    text : str
        A line or paragraph.
    credits : tuple of str
        Registry credits that may appear in parentheses (``"Reuters"``); with
        them the text may follow the credit directly (``(CNN)President``).
    layout_pattern : re.Pattern, optional
        An outlet layout's own dateline regex, tried first; its groups are
        ``dateline`` and optionally ``credit``.
    whole_lines : bool
        Also accept datelines that fill the whole text (``ADEN-SABA``).
    """
    if layout_pattern is not None:
        match = layout_pattern.match(text)
        if match is not None and match.end() < len(text):
            return _from_match(match, "outlet layout", "layout", text)
    if credits:
        match = _wire_pattern(credits).match(text)
        if match is not None and match.end() < len(text):
            found = _from_match(match, "registry-credit", "credit", text)
            if found is not None:
                return found
    for rule in dateline_rules():
        match = rule.pattern.match(text)
        if match is None:
            continue
        found = _from_match(match, rule.name, rule.strength, text)
        if found is None or (found.whole_line and not whole_lines):
            continue
        return found
    return None


def split_dateline(
    paragraph: str, credits: tuple[str, ...], layout_pattern: re.Pattern[str] | None = None
) -> Dateline | None:
    """Find a dateline at the start of ``paragraph`` that is followed by text.

    Examples
    --------
    >>> d = split_dateline("BEIJING, Jan. 18 (Xinhua) -- China said.", ("Xinhua",))
    >>> d.place, d.credit, d.date, "BEIJING, Jan. 18 (Xinhua) -- China said."[d.end:]
    ('BEIJING', 'Xinhua', 'Jan. 18', 'China said.')
    >>> split_dateline("Washington (CNN)President Trump said.", ("CNN",)).place
    'Washington'
    >>> split_dateline("Iran (the country) said.", ("CNN",)) is None
    True
    """
    return match_dateline(paragraph, credits, layout_pattern, whole_lines=False)
