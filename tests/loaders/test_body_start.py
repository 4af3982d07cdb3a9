"""Where the body starts: datelines, standfirsts, and what never cuts the body."""

from __future__ import annotations

from framing.loaders.layout import infer_layout
from framing.outlets import OutletRegistry

REG = OutletRegistry.default()
P1 = "The council approved the new harbour fees on Monday after a long debate."
P2 = "Fishermen said the rise would cost them dearly, and they would appeal."


def _start(*lines: str) -> str:
    return infer_layout(list(lines), REG).body[0]


def test_a_bare_dateline_only_when_no_paragraph_comes_before_it():
    assert _start("Fees rise at the harbour", "KARACHI: " + P1, P2) == P1
    assert _start(P1, "KARACHI: " + P2) == P1  # a paragraph above: the body starts there


def test_an_agency_dateline_after_one_standfirst_under_a_headline():
    assert (
        _start("Fees rise at the harbour", "A summary of the decision.", "OSLO (AP) — " + P1) == P1
    )
    # without a headline above, the first paragraph is body (a quoted wire story below it)
    assert _start(P2, "OSLO (AP) — " + P1) == P2


def test_two_unexplained_paragraphs_end_the_search_for_a_dateline():
    assert _start(P1, P2, "OSLO (AP) — Later news.") == P1


def test_short_sentences_open_the_body():
    assert _start("Fees rise at the harbour", "It is official.", P1, P2) == "It is official."


def test_a_first_line_ending_with_a_stop_above_an_agency_dateline_is_the_headline():
    got = infer_layout(
        ["Harbour fees rise after a long debate.", "", "OSLO (UPI) — " + P1, P2], REG
    )
    assert got.fields["title"] == "Harbour fees rise after a long debate."
    assert got.body[0] == P1
    # without the blank line (a paragraph, not a headline) the first line stays body
    assert infer_layout([P2, "OSLO (UPI) — " + P1], REG).body[0] == P2
