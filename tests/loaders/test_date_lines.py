"""Date lines of news pages: one constructed line per format and language."""

from __future__ import annotations

import pytest

from framing.loaders.date_lines import find_dates, is_reading_time, is_timestamp, read_date_line


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("7 March 2021 - 09:05", "2021-03-07T09:05"),  # day month year - time
        ("March 7, 2021 - 21:40", "2021-03-07T21:40"),  # month day, year - time
        ("Mar 7, 2021, 9:05 PM", "2021-03-07T21:05"),  # abbreviated month, 12-hour clock
        ("Sept. 9, 2022", "2022-09-09"),  # AP abbreviation with a dot
        ("Published: 03rd June 2020 11:30 AM", "2020-06-03T11:30"),  # ordinal day
        ("08:15 GMT 21.04.2023", "2023-04-21T08:15+00:00"),  # time and zone before a dotted date
        ("[19/11/2022 18:02]", "2022-11-19T18:02"),  # bracketed day/month/year
        ("2020-12-31", "2020-12-31"),  # ISO
        ("Updated Jan 4, 2024, 6:05pm EST", "2024-01-04T18:05-05:00"),  # zone abbreviation
        ("Region News 2 May 2015 10:10 (UTC +04:00)", "2015-05-02T10:10+04:00"),  # label, offset
        ("le 5 août 2019 à 14h29", "2019-08-05T14:29"),  # French
        ("5 de agosto de 2019", "2019-08-05"),  # Spanish
        ("5. August 2019", "2019-08-05"),  # German
        ("5 августа 2019, 14:29", "2019-08-05T14:29"),  # Russian (genitive)
        ("5 Ağustos 2019", "2019-08-05"),  # Turkish
        ("5 agosto 2019", "2019-08-05"),  # Italian / Portuguese
    ],
)
def test_date_formats_and_languages(line, iso):
    found = read_date_line(line)
    assert found is not None and found.chosen is not None
    assert found.chosen.iso == iso


def test_publication_wins_over_update_and_the_name_before_the_label_is_kept():
    line = read_date_line("Jane Roe Published May 3, 2021 - Updated May 4, 2021 08:04am")
    assert [d.label for d in line.dates] == ["published", "updated"]
    assert line.chosen.iso == "2021-05-03"
    assert (line.lead, line.lead_before_label) == ("Jane Roe", True)


def test_an_update_alone_still_dates_the_page():
    assert read_date_line("Updated: 09:40 GMT 02.03.2022").chosen.label == "updated"


@pytest.mark.parametrize(
    "line",
    [
        "Updated 2 hours ago",
        "Example Gazette5 minutes ago",
        "il y a 2 jours",
        "vor 3 Stunden",
        "3 часа назад",
        "hace 4 horas",
        "yesterday",
    ],
)
def test_relative_times_are_reported_never_converted(line):
    found = read_date_line(line)
    assert found is not None and found.relative and not found.dates


def test_a_name_glued_to_a_relative_time_is_the_lead():
    assert read_date_line("Example Gazette5 minutes ago").lead == "Example Gazette"


@pytest.mark.parametrize(
    "line", ["4 min read", "12 mins to read", "3 minute read.", "Reading time: 5 min"]
)
def test_reading_times_are_not_dates(line):
    assert is_reading_time(line)
    assert read_date_line(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "Elections are set for May 3, 2021 across the country",  # a sentence with a date
        "Talks resumed on 3 March 2021 after a pause.",
        "The 2020-21 season ended early.",
    ],
)
def test_lines_that_mention_a_date_are_not_date_lines(line):
    assert read_date_line(line) is None


def test_ambiguous_numeric_dates_follow_the_documented_rule_with_a_note():
    dotted, slashed = find_dates("01.02.2020")[0], find_dates("01/02/2020")[0]
    assert dotted.iso == "2020-02-01" and slashed.iso == "2020-01-02"
    assert "day-first" in dotted.notes[0] and "month-first" in slashed.notes[0]
    assert find_dates("31/02/2020") == []  # no such day


def test_time_stamps_need_a_time_of_day():
    assert is_timestamp("21 April, 08:15 GMT")
    assert is_timestamp("08:15")
    assert not is_timestamp("21 April 2023")  # a timeline entry, article text
    assert not is_timestamp("Talks at 08:15 today")
