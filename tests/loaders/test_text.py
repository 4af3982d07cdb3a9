"""Plain-text loader: the seed's outlet layout, generic front matter, wire datelines."""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing.loaders.base import LoadOptions
from framing.loaders.text import parse_text


def test_seed_layout_fields(seed_path):
    art = framing.load_article(seed_path)
    assert art.outlet == "kayhan-international"
    assert art.published == pd.Timestamp("2020-01-18 21:57", tz="Asia/Tehran")
    assert art.published.isoformat() == "2020-01-18T21:57:00+03:30"
    assert art.dateline == "WASHINGTON"
    assert art.meta["news_id"] == "75240"
    assert art.meta["page_date"] == "Saturday 29 February 2020"
    assert art.meta["dateline_credit"] == "Dispatches"
    assert art.text.startswith("Donald Trump has not withdrawn his troops")
    assert art.text.endswith("There are contradictions in American policy in the region,” he said.")


def test_seed_body_holds_no_header_or_comment_box(seed_path):
    text = framing.load_article(seed_path).text
    for furniture in ("News ID", "Publish Date", "Saturday 29 February", "Comment", "(Dispatches)"):
        assert furniture not in text
    assert "\u00a0" not in text  # the no-break space after the quote is normalised away
    assert "“" not in text and "”" in text  # curly closing quotes are kept as written
    assert len(framing.load_article(seed_path).paragraphs) == 16


def test_seed_file_is_the_shared_seed_byte_for_byte(seed_path, shared_dir):
    assert seed_path.read_bytes() == (shared_dir / "seed" / "000_418428d451493f46.txt").read_bytes()


@pytest.mark.parametrize(
    ("first_line", "outlet", "dateline", "body_start", "extra"),
    [
        ("LONDON (Reuters) - Oil prices rose on Monday.", "reuters", "LONDON", "Oil prices", {}),
        ("(CNN) — The Senate voted on Tuesday.", "cnn", None, "The Senate", {}),
        (
            "Washington (CNN)President Biden spoke today.",
            "cnn",
            "Washington",
            "President Biden",
            {},
        ),
        ("NEW YORK (AP) — Stocks fell sharply.", "ap", "NEW YORK", "Stocks fell", {}),
        (
            "BEIJING, Jan. 18 (Xinhua) -- China said it would respond.",
            "xinhua",
            "BEIJING",
            "China said",
            {"dateline_date": "Jan. 18"},
        ),
        (
            "KABUL, Afghanistan (AFP) - A blast hit the city.",
            "afp",
            "KABUL, Afghanistan",
            "A blast",
            {},
        ),
    ],
)
def test_wire_datelines(first_line, outlet, dateline, body_start, extra):
    art = parse_text(first_line + "\nSecond paragraph here.", LoadOptions())
    assert (art.outlet, art.dateline) == (outlet, dateline)
    assert art.text.startswith(body_start)
    assert art.meta["outlet_from"] == "dateline credit"
    for key, value in extra.items():
        assert art.meta[key] == value


def test_no_dateline_when_parentheses_are_prose():
    art = parse_text("Iran (the country) said it would respond. More text.", LoadOptions())
    assert art.dateline is None and art.outlet is None
    assert art.text.startswith("Iran (the country)")


def test_generic_front_matter_title_byline_and_trailing_boilerplate():
    raw = (
        "Title: Port strike ends\n"
        "Date: 2021-03-04 10:00\n"
        "Source: The Guardian\n"
        "URL: https://www.theguardian.com/world/2021/mar/04/port\n"
        "\n"
        "By Jane Roe and John Doe\n"
        "The strike at the port ended on Thursday.\n"
        "Workers returned to the docks.\n"
        "Share this article\n"
        "© 2021 Guardian News\n"
    )
    art = parse_text(raw, LoadOptions())
    assert art.title == "Port strike ends"
    assert art.outlet == "guardian"
    assert art.byline == "Jane Roe and John Doe"
    assert art.url == "https://www.theguardian.com/world/2021/mar/04/port"
    assert art.published.isoformat() == "2021-03-04T10:00:00+00:00"  # outlet's zone (London)
    assert art.text == "The strike at the port ended on Thursday.\n\nWorkers returned to the docks."


def test_title_line_followed_by_blank_line():
    art = parse_text(
        "US bloggers banned from UK\n\nTwo bloggers were banned.\n\nThey objected.", LoadOptions()
    )
    assert art.title == "US bloggers banned from UK"
    assert art.paragraphs == ("Two bloggers were banned.", "They objected.")


def test_naive_date_without_known_outlet_is_utc_with_a_warning():
    art = parse_text(
        "Date: 2021-03-04 10:00\n\nSomething happened in the town today.", LoadOptions()
    )
    assert art.published.isoformat() == "2021-03-04T10:00:00+00:00"
    assert art.meta["warnings"] == ["the date had no time zone; UTC assumed"]


def test_forced_outlet_and_hard_wrapped_paragraphs():
    raw = "The minister said the\ntalks would go on.\n\nCritics disagreed."
    art = parse_text(raw, LoadOptions(outlet="Al Jazeera"))
    assert art.outlet == "al-jazeera"
    assert art.paragraphs == ("The minister said the talks would go on.", "Critics disagreed.")


def test_load_article_from_text_with_fields_recomputes_id():
    a = framing.load_article(text="MOSCOW (TASS) -- Talks began.", title="Talks")
    b = framing.load_article(text="MOSCOW (TASS) -- Talks began.", title="Other")
    assert a.title == "Talks" and a.article_id != b.article_id
    assert (
        a.article_id
        == framing.load_article(text="MOSCOW (TASS) -- Talks began.", title="Talks").article_id
    )
