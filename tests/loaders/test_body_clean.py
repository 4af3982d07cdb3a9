"""The body without its furniture; what is kept keeps the file's own lines."""

from __future__ import annotations

from framing.loaders.layout import infer_layout
from framing.outlets import OutletRegistry

REG = OutletRegistry.default()
P1 = "The council approved the new harbour fees on Monday after a long debate."
P2 = "Fishermen said the rise would cost them dearly, and they would appeal."


def test_blank_lines_between_kept_paragraphs_survive_and_removed_lines_leave_no_gap():
    got = infer_layout([P1, "", "Advertisement", "", P2], REG)
    assert got.body == [P1, "", "", P2]
    assert got.meta["furniture"] == {"advertisement": [3]}


def test_a_byline_under_a_dateline_line_is_taken_out():
    got = infer_layout(["TAIZ-SABA", "By Ana Lima", P1, P2], REG)
    assert got.body == [P1, P2] and got.fields["byline"] == "Ana Lima"
    assert got.fields["dateline"] == "TAIZ" and got.fields["outlet"] == "saba"


def test_trailing_labels_after_the_last_paragraph_but_not_a_last_subheading():
    got = infer_layout(
        [P1, P2, "Harbour fees explained in five charts", "Top Stories", "Save"], REG
    )
    assert got.body == [P1, P2, "Harbour fees explained in five charts"]


def test_a_block_never_takes_running_prose():
    got = infer_layout([P1, "Related", "Fees rise again", P2], REG)
    assert got.body == [P1, P2]
