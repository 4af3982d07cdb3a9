"""Publication dates: any value a loader finds to a timezone-aware timestamp, or unknown.

A date that cannot be read never stops a load: the article's ``published``
is left unknown (NaT) and a note says why (the loaders put it in
``meta["warnings"]``, with the raw value in ``meta["published_raw"]``).

Rules, in order:

* ``None`` and blank strings are simply missing (no note). NaN, infinities,
  true/false, lists and objects are not dates (a note).
* Numbers are Unix times, in seconds, or in milliseconds above 1e11.
* Strings are tried against the outlet layout's ``published_formats``, then
  as an all-numeric day/month/year date, then as ISO 8601, then by
  :mod:`dateutil`. An all-numeric date whose first two numbers could each be
  the day or the month (``01.02.2020``, ``03/04/2021``) is read **day-first
  when written with dots** (the dotted form is day-first wherever it is used)
  and **month-first when written with slashes or dashes** (the form of US
  exports); either way a note names the reading chosen, so it can be checked.
* A year before 1 (``-0044-03-15``), a date outside what the article table
  can hold (1677-09-22 to 2262-04-11, the range of pandas nanosecond
  timestamps), and a UTC offset beyond the real range (-12:00 to +14:00)
  leave the date unknown, with a note.
* Naive times are taken to be in the outlet's time zone (from the registry),
  else UTC, with a note.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from datetime import timezone as dt_timezone
from typing import Any

import pandas as pd
from dateutil import parser as date_parser

__all__ = ["EARLIEST", "LATEST", "parse_published"]

# The range of the article table's ``published`` column (nanosecond timestamps).
EARLIEST = pd.Timestamp("1677-09-22", tz="UTC")
LATEST = pd.Timestamp("2262-04-11", tz="UTC")
# Real UTC offsets run from -12:00 (Baker Island) to +14:00 (Line Islands).
MAX_OFFSET = timedelta(hours=14)
# Numbers above this are Unix times in milliseconds (1e11 s is the year 5138).
MILLISECONDS_ABOVE = 1e11

_NUMERIC_DATE = re.compile(r"\s*(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)")
_NEGATIVE_YEAR = re.compile(r"\s*[-\u2212]\s*\d")
_ISO_OFFSET = re.compile(r"T?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*([+-])(\d{2}):?(\d{2})\s*$")
_UTC_ASSUMED = "the date had no time zone; UTC assumed"
_PARSE_ERRORS = (ValueError, OverflowError, TypeError, NotImplementedError, OSError)


class _NotADate(Exception):
    """The value is no date; the message is the note."""


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _from_number(value: float) -> pd.Timestamp:
    if math.isnan(value):
        raise _NotADate("the date is NaN (not a number); left unknown")
    if math.isinf(value):
        raise _NotADate(f"the date is {value} (infinite); left unknown")
    seconds = value / 1000 if abs(value) > MILLISECONDS_ABOVE else value
    if not EARLIEST.timestamp() <= seconds <= LATEST.timestamp():
        raise _NotADate(
            f"the date {_short(value)}, read as a Unix time, is outside the dates the table "
            "can hold (1677 to 2262); left unknown"
        )
    return pd.Timestamp(seconds, unit="s", tz="UTC")


def _numeric_day_month(text: str) -> tuple[pd.Timestamp | None, list[str]]:
    """An all-numeric ``a.b.year`` date by the rule of the module docstring."""
    match = _NUMERIC_DATE.match(text)
    if match is None:
        return None, []
    first, separator, second = int(match.group(1)), match.group(2), int(match.group(3))
    ambiguous = first <= 12 and second <= 12 and first != second
    dayfirst = separator == "." if ambiguous else first > 12
    stamp = pd.Timestamp(date_parser.parse(text, dayfirst=dayfirst))
    notes = []
    if ambiguous:
        reading = "day-first" if dayfirst else "month-first"
        why = (
            "dotted dates are written day-first"
            if dayfirst
            else "slashed and dashed all-numeric dates are read month-first, as in US exports"
        )
        notes.append(
            f"the date {text!r} could be day-first or month-first; read {reading} as "
            f"{stamp:%d %B %Y} ({why}); check it"
        )
    return stamp, notes


def _from_text(text: str, formats: Sequence[str]) -> tuple[pd.Timestamp, list[str]]:
    if _NEGATIVE_YEAR.match(text):
        raise _NotADate(
            f"the date {text!r} has a year before year 1, which the table cannot hold; left unknown"
        )
    offset = _ISO_OFFSET.search(text)
    if offset and timedelta(hours=int(offset.group(2)), minutes=int(offset.group(3))) > MAX_OFFSET:
        raise _NotADate(
            f"the date {text!r} has the UTC offset {offset.group(1)}{offset.group(2)}:"
            f"{offset.group(3)}, beyond the real range (-12:00 to +14:00); left unknown"
        )
    for fmt in formats:
        try:
            return pd.Timestamp(datetime.strptime(text, fmt)), []
        except ValueError:
            continue
    stamp, notes = _numeric_day_month(text)
    if stamp is not None:
        return stamp, notes
    try:
        return pd.Timestamp(text), []  # ISO 8601 and friends, fast and exact
    except _PARSE_ERRORS:
        pass
    try:
        return pd.Timestamp(date_parser.parse(text)), []
    except (*_PARSE_ERRORS, date_parser.ParserError):
        raise _NotADate(f"could not parse the date {text!r}") from None


def _raw_stamp(value: Any, formats: Sequence[str]) -> tuple[pd.Timestamp | None, list[str]]:
    if isinstance(value, (pd.Timestamp, datetime)):
        return pd.Timestamp(value), []
    if isinstance(value, bool):
        raise _NotADate(f"the date is the value {value}, not a date; left unknown")
    if isinstance(value, (int, float)):
        return _from_number(value), []
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if isinstance(value, str):
        return _from_text(value.strip(), formats)
    kind = "an object" if isinstance(value, Mapping) else f"a {type(value).__name__}"
    raise _NotADate(f"the date is {kind} ({_short(value)}), not a date; left unknown")


def _is_missing(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse_published(
    value: Any, *, formats: Sequence[str] = (), timezone: str | None = None
) -> tuple[pd.Timestamp | None, list[str]]:
    """Parse a publication date into a timezone-aware timestamp (see the module docstring).

    Never raises: what cannot be read gives ``None`` and a note.

    Returns
    -------
    (Timestamp or None, list of str)
        The timestamp and notes about assumptions or failures.

    Examples
    --------
    >>> ts, notes = parse_published("18 January 2020 - 21:57",
    ...     formats=["%d %B %Y - %H:%M"], timezone="Asia/Tehran")
    >>> ts.isoformat(), notes
    ('2020-01-18T21:57:00+03:30', [])
    >>> parse_published("2020-01-18T05:12:00Z")[0].isoformat()
    '2020-01-18T05:12:00+00:00'
    >>> parse_published("not a date")[1]
    ["could not parse the date 'not a date'"]
    >>> ts, notes = parse_published("01.02.2020", timezone="Europe/Berlin")
    >>> ts.date().isoformat(), notes[0][:53]
    ('2020-02-01', "the date '01.02.2020' could be day-first or month-fir")
    >>> parse_published(1e20)[1]
    ['the date 1e+20, read as a Unix time, is outside the dates the table can hold (1677 \
to 2262); left unknown']
    """
    if _is_missing(value):
        return None, []
    try:
        stamp, notes = _raw_stamp(value, formats)
        if stamp is None or pd.isna(stamp):
            return None, notes
        return _localise(stamp, timezone, notes)
    except _NotADate as exc:
        return None, [str(exc)]
    except _PARSE_ERRORS as exc:
        reason = " ".join(str(exc).split())[:120]
        return None, [f"could not parse the date {_short(value)} ({reason}); left unknown"]


def _localise(
    stamp: pd.Timestamp, timezone: str | None, notes: list[str]
) -> tuple[pd.Timestamp | None, list[str]]:
    if stamp.tzinfo is not None:
        offset = stamp.utcoffset()
        if offset is not None and abs(offset) > MAX_OFFSET:
            return None, [*notes, f"the UTC offset {offset} is beyond the real range; left unknown"]
        if not hasattr(stamp.tzinfo, "key"):
            # dateutil zones (tzutc, tzlocal, tzoffset) become fixed offsets, so that
            # the result does not depend on the machine's local zone.
            stamp = stamp.tz_convert(dt_timezone(offset))
    else:
        if timezone:
            stamp = stamp.tz_localize(timezone, ambiguous="NaT", nonexistent="shift_forward")
            if pd.isna(stamp):
                return None, [
                    *notes,
                    f"the time is ambiguous in {timezone} (a daylight-saving change); left unknown",
                ]
        else:
            stamp = stamp.tz_localize("UTC")
            notes = [*notes, _UTC_ASSUMED]
    if not EARLIEST <= stamp <= LATEST:
        return None, [
            *(n for n in notes if n != _UTC_ASSUMED),
            f"the date {stamp.year:04d}-{stamp.month:02d}-{stamp.day:02d} is outside the dates "
            "the table can hold (1677 to 2262); left unknown",
        ]
    return stamp, notes
