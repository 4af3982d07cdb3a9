"""Feedback values: scores, pass, text and escaped HTML."""

from __future__ import annotations

import pytest

from framing.coursework import Feedback, Note


def test_score_counts_graded_notes_and_hints_are_free():
    fb = Feedback(
        "x", (Note("right", "a", "why"), Note("wrong_reason", "b", "why"), Note("hint", "c"))
    )
    assert fb.score == 0.5 and not fb.passed and fb.right == 1
    assert [n.item for n in fb.problems()] == ["b"]
    assert Feedback("x", (Note("right", "a"), Note("hint", "b"))).passed


def test_empty_or_unanswered_never_passes():
    assert not Feedback("x").passed
    fb = Feedback("x", (Note("unanswered", "a", "fill it in"),))
    assert not fb.passed and fb.headline() == "x: not answered yet"


def test_text_table_and_escaped_html():
    fb = Feedback("x", (Note("wrong", "<b>", "the <h1> & more"),))
    assert "✗ wrong: <b>: the <h1> & more" in str(fb)
    assert list(fb.to_frame().columns) == ["status", "item", "message"]
    html = fb._repr_html_()
    assert "&lt;h1&gt; &amp; more" in html and "<b>&lt;b&gt;</b>" in html


def test_unknown_status_is_refused():
    with pytest.raises(ValueError, match="status"):
        Note("great", "a")
