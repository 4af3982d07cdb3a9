"""Datelines: one constructed opening per style of wires, agencies and papers."""

from __future__ import annotations

import pytest

from framing.loaders.datelines import match_dateline, split_dateline
from framing.outlets import OutletRegistry

CREDITS = OutletRegistry.default().dateline_credits


@pytest.mark.parametrize(
    ("text", "place", "credit", "date", "rest"),
    [
        ("ROME (Reuters) - Ministers met.", "ROME", "Reuters", None, "Ministers met."),
        ("ROME (Reuters) -Ministers met.", "ROME", "Reuters", None, "Ministers met."),
        ("LIMA, Peru (AP) — Rain fell.", "LIMA, Peru", "AP", None, "Rain fell."),
        ("(CNN) — Rain fell.", None, "CNN", None, "Rain fell."),
        ("Lima (CNN)Rain fell.", "Lima", "CNN", None, "Rain fell."),
        ("HANOI, June 3 (Xinhua) -- Rain fell.", "HANOI", "Xinhua", "June 3", "Rain fell."),
        ("KABUL, Sept. 9 (MNA) – Rain fell.", "KABUL", "MNA", "Sept. 9", "Rain fell."),
        ("MINSK, June 3. /TASS/. Rain fell.", "MINSK", "TASS", "June 3", "Rain fell."),
        ("Shiraz, June 3, IRNA - Rain fell.", "Shiraz", "IRNA", "June 3", "Rain fell."),
        ("Shiraz, IRNA – Rain fell.", "Shiraz", "IRNA", None, "Rain fell."),
        ("Mashhad(IP)-Rain fell.", "Mashhad", "IP", None, "Rain fell."),
        (
            "LAGOS, Nigeria, May 2, 2022 (XYZ/AFP) - Rain fell.",
            "LAGOS, Nigeria",
            "XYZ/AFP",
            "May 2, 2022",
            "Rain fell.",
        ),
        ("TABRIZ – Rain fell.", "TABRIZ", None, None, "Rain fell."),
        ("WASHINGTON — Rain fell.", "WASHINGTON", None, None, "Rain fell."),
        ("KARACHI: Rain fell.", "KARACHI", None, None, "Rain fell."),
        ("NEW DELHI:  Rain fell.", "NEW DELHI", None, None, "Rain fell."),
    ],
)
def test_dateline_styles(text, place, credit, date, rest):
    found = match_dateline(text, CREDITS)
    assert (found.place, found.credit, found.date) == (place, credit, date)
    assert text[found.end :] == rest


@pytest.mark.parametrize(
    ("line", "place", "credit", "author"),
    [
        ("TAIZ-SABA", "TAIZ", "SABA", None),  # city and agency on a line of their own
        ("Georgia, Tbilisi, May 3 / Trend, J. Doe", "Georgia, Tbilisi", "Trend", "J. Doe"),
    ],
)
def test_datelines_on_a_line_of_their_own(line, place, credit, author):
    found = match_dateline(line)
    assert found.whole_line and (found.place, found.credit, found.author) == (place, credit, author)
    assert split_dateline(line, CREDITS) is None  # never a whole paragraph of a record's text


@pytest.mark.parametrize(
    "text",
    [
        "BREAKING: Rain fell.",  # labels are not places
        "UPDATE — Rain fell.",
        "Iran (the country) said it would respond.",  # lower-case parenthesis
        "Senator Roe (D) said the bill failed.",  # a one-letter party label
        "Iraqi News Agency (INA) said the bill failed.",  # an agency cited in prose
        "The Straits Times reports: The army said.",  # a source, not a dateline
        "Tehran said on Monday it would respond.",
    ],
)
def test_prose_openings_are_not_datelines(text):
    assert match_dateline(text, CREDITS) is None


def test_an_outlet_layouts_own_pattern_is_tried_first():
    import re

    own = re.compile(r"^(?P<dateline>[A-Z]+) \((?P<credit>Dispatches)\) -- ")
    found = match_dateline("BERLIN (Dispatches) -- Rain fell.", CREDITS, own)
    assert (found.place, found.credit, found.strength) == ("BERLIN", "Dispatches", "layout")
