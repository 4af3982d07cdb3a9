"""Logical lines of a saved page: single line breaks stay, hard wraps join."""

from __future__ import annotations

from framing.loaders.page_lines import is_prose, page_lines


def test_single_line_breaks_are_not_joined():
    lines = page_lines("Cranes at the port. Photo: Reuters\nThe strike ended on Monday.")
    assert [x.text for x in lines] == [
        "Cranes at the port. Photo: Reuters",
        "The strike ended on Monday.",
    ]


def test_a_line_continued_in_lower_case_is_one_logical_line():
    lines = page_lines("Headline of the day\n\nThe minister said the\ntalks went on.")
    assert [(x.text, x.first, x.last) for x in lines] == [
        ("Headline of the day", 0, 0),
        ("The minister said the talks went on.", 2, 3),
    ]


def test_a_fixed_width_block_with_a_lower_case_continuation_is_wrapped():
    block = (
        "The harbour authority said on Monday that the fees would rise\n"
        "in July, and that Fishermen's groups were not consulted on the\n"
        "Change to the tariff schedule."
    )
    assert len(page_lines(block)) == 1


def test_date_lines_and_furniture_are_kept_apart():
    text = "Updated Jan 4, 2024, 6:05pm EST\nworldbusiness tags"
    keep = lambda line: line.startswith("Updated")  # noqa: E731
    assert len(page_lines(text, keep_apart=keep)) == 2
    assert (
        len(page_lines("Example Weekly\non YouTube", keep_apart=lambda x: x == "on YouTube")) == 2
    )


def test_prose():
    assert is_prose("The strike ended on Monday.")
    assert not is_prose("Strike ends")
    assert not is_prose("Is the strike over?")  # a short question is a headline
    assert is_prose(" ".join(["word"] * 25))  # long, cut mid-sentence
