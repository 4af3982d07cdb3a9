"""Byline forms: who wrote a story, and which outlet a byline names."""

from __future__ import annotations

import pytest

from framing.loaders.bylines import credit_authors, is_person_name, read_byline
from framing.outlets import OutletRegistry

REG = OutletRegistry.default()


@pytest.mark.parametrize(
    ("line", "authors", "outlet", "desk"),
    [
        ("By Ana Lima", ("Ana Lima",), None, None),
        ("BY Ana Lima and Tom Berg", ("Ana Lima", "Tom Berg"), None, None),
        ("By Ana Lima, Tom Berg & Eva Holm", ("Ana Lima", "Tom Berg", "Eva Holm"), None, None),
        ("By: Ana Lima", ("Ana Lima",), None, None),
        ("Author: Ana Lima", ("Ana Lima",), None, None),
        ("Written by Ana de la Cruz", ("Ana de la Cruz",), None, None),
        ("By Ana Lima, Reuters", ("Ana Lima",), "Reuters", None),
        ("Ana Lima | Reuters", ("Ana Lima",), "Reuters", None),
        ("Ana LimaReuters", ("Ana Lima",), "Reuters", None),  # glued when pasted
        ("Ana Lima Reuters", ("Ana Lima",), "Reuters", None),
        ("By Reuters", (), "Reuters", None),
        ("By Staff Reporter", (), None, "Staff Reporter"),
        ("By Web Desk", (), None, "Web Desk"),
        ("By Staff, Agencies", (), None, "Staff, Agencies"),
        ("By Harbour News Service", (), "Harbour News Service", "Harbour News Service"),
    ],
)
def test_byline_forms(line, authors, outlet, desk):
    found = read_byline(line, REG)
    assert (found.authors, found.outlet, found.desk) == (authors, outlet, desk)


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the week the talks had failed.",
        "By Monday, officials said, the port would reopen.",
        "Breaking NewsCNN",
        "World & Nation Report",
        "Harbour workers end strike after pay deal",
    ],
)
def test_prose_and_labels_are_not_bylines(line):
    assert read_byline(line, REG) is None


def test_a_wires_closing_credit_names_reporters_and_writers_not_editors():
    credit = "Ana Lima in Oslo and Tom Berg in Bergen; Writing by Eva Holm; Editing by Per Dahl"
    assert credit_authors(credit) == ("Ana Lima", "Tom Berg", "Eva Holm")


def test_person_names():
    assert is_person_name("J. Doe") and is_person_name("Ana de la Cruz")
    assert not is_person_name("Web Desk") and not is_person_name("the minister")
