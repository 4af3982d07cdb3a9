"""Publication dates: every value gives a timestamp in range or unknown with a note."""

from __future__ import annotations

import pytest

from framing.loaders.dates import parse_published


@pytest.mark.parametrize(
    ("value", "zone", "iso", "note"),
    [
        ("2020-01-18T05:12:00Z", None, "2020-01-18T05:12:00+00:00", None),
        ("Sat, 18 Jan 2020 10:00:00 +0330", None, "2020-01-18T10:00:00+03:30", None),
        ("2020-01-18 10:00", "Asia/Tehran", "2020-01-18T10:00:00+03:30", None),
        ("2020-01-18 10:00", None, "2020-01-18T10:00:00+00:00", "UTC assumed"),
        (1579340000, None, "2020-01-18T09:33:20+00:00", None),
        (1579340000000, None, "2020-01-18T09:33:20+00:00", None),
        ("01.02.2020", "Europe/Berlin", "2020-02-01T00:00:00+01:00", "read day-first"),
        ("01/02/2020", "America/New_York", "2020-01-02T00:00:00-05:00", "read month-first"),
        ("13.02.2020", "Europe/Berlin", "2020-02-13T00:00:00+01:00", None),
        ("02/13/2020", "America/New_York", "2020-02-13T00:00:00-05:00", None),
        ("2020-01-01T10:00:00+25:00", None, None, "beyond the real range"),
        ("-0044-03-15", None, None, "year before year 1"),
        ("1500-01-01", None, None, "outside the dates the table can hold"),
        (1e20, None, None, "outside the dates the table can hold"),
        (float("nan"), None, None, "NaN"),
        (float("inf"), None, None, "infinite"),
        (True, None, None, "not a date"),
        ({"a": 1}, None, None, "an object"),
        ("not a date", None, None, "could not parse"),
        ("2021-10-31 01:30", "Europe/London", None, "ambiguous in Europe/London"),
    ],
)
def test_parse_published(value, zone, iso, note):
    stamp, notes = parse_published(value, timezone=zone)
    assert (stamp.isoformat() if stamp is not None else None) == iso
    if note is None:
        assert notes == []
    else:
        assert any(note in n for n in notes), notes


@pytest.mark.parametrize("value", [None, "", "   "])
def test_missing_dates_are_quietly_missing(value):
    assert parse_published(value) == (None, [])
