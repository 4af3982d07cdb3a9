"""Wire-style datelines at the start of an article body.

Recognises ``CITY (Reuters) -``, ``(CNN)`` and ``Washington (CNN)President``,
``CITY (AP) —``, ``CITY, Month Day (Xinhua) --`` and ``CITY, Country (AFP) -``
for every credit listed in the outlet registry (``dateline_credits``), plus
an outlet layout's own pattern (``WASHINGTON (Dispatches) --``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Dateline", "split_dateline"]

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_CHARS = r"[A-Za-z.'’-]"
# A place: up to five capitalised words, optionally ", Country" or ", State".
_PLACE = rf"[A-Z]{_CHARS}*(?:[ ]{_CHARS}+){{0,4}}(?:,[ ][A-Z]{_CHARS}*(?:[ ]{_CHARS}+){{0,3}})?"


@dataclass(frozen=True)
class Dateline:
    """A dateline found at the start of a body."""

    place: str | None
    credit: str | None
    date: str | None
    end: int  # offset where the body proper starts


@lru_cache(maxsize=32)
def _wire_pattern(credits: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(c) for c in credits)
    return re.compile(
        rf"^(?:(?P<dateline>{_PLACE}?)(?:,\s*(?P<date>{_MONTH}\s+\d{{1,2}}))?\s*)?"
        rf"\((?i:(?P<credit>{alternatives}))\)\s*(?:--|[—–:-])?\s*"
    )


def split_dateline(
    paragraph: str, credits: tuple[str, ...], layout_pattern: re.Pattern[str] | None = None
) -> Dateline | None:
    """Find a dateline at the start of ``paragraph``.

    Parameters
    ----------
    paragraph : str
        The first paragraph of a body.
    credits : tuple of str
        Credits that may appear in parentheses (``"Reuters"``, ``"AP"``).
    layout_pattern : re.Pattern, optional
        An outlet layout's own dateline regex, tried first; it must have the
        groups ``dateline`` and optionally ``credit``.

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
    patterns = [p for p in (layout_pattern,) if p is not None]
    if credits:
        patterns.append(_wire_pattern(credits))
    for pattern in patterns:
        match = pattern.match(paragraph)
        if match is None or match.end() >= len(paragraph):
            continue
        groups = match.groupdict()
        place = (groups.get("dateline") or "").strip(" ,") or None
        return Dateline(place, groups.get("credit"), groups.get("date"), match.end())
    return None
