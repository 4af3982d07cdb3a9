"""Layout inference on short constructed pages, one per kind of layout."""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing.loaders.base import LoadOptions
from framing.loaders.layout import infer_layout
from framing.loaders.text import parse_text
from framing.outlets import OutletRegistry

REG = OutletRegistry.default()
LEAD = "Harbour workers ended their strike on Monday after a pay deal with the port."
SECOND = "The deal raises wages by four percent over two years, the union said."


def _page(*lines: str) -> framing.Article:
    return parse_text("\n".join(lines), LoadOptions())


def test_headline_byline_date_and_wire_dateline():
    art = _page(
        "Skip to main content",
        "Harbour strike ends after pay deal",
        "By Ana Lima",
        "March 7, 2021 - 09:05",
        "Share",
        "OSLO (Reuters) - " + LEAD,
        SECOND,
    )
    assert (art.title, art.byline, art.dateline, art.outlet) == (
        "Harbour strike ends after pay deal",
        "Ana Lima",
        "OSLO",
        "reuters",
    )
    assert art.published == pd.Timestamp("2021-03-07 09:05", tz="Europe/London")
    assert art.paragraphs == (LEAD, SECOND)
    inferred = art.meta["inferred"]
    assert inferred["title"] == {
        "rule": "headline: first headline-like line above the body",
        "line": 2,
    }
    assert (
        inferred["outlet"]["rule"] == "outlet: dateline credit" and inferred["outlet"]["line"] == 6
    )


def test_headline_printed_twice_and_page_title_with_the_sites_suffix():
    art = _page(
        "Harbour strike ends after pay deal - Example Gazette",
        "",
        "Harbour strike ends after pay deal",
        "",
        LEAD,
    )
    assert art.title == "Harbour strike ends after pay deal"
    assert art.outlet == "example-gazette" and art.meta["outlet_name"] == "Example Gazette"
    assert art.text == LEAD


def test_a_headline_crediting_another_outlet_keeps_its_credit():
    art = _page("Port fees rise sharply — Al Jazeera", LEAD, SECOND)
    assert art.title == "Port fees rise sharply — Al Jazeera"
    assert art.outlet is None  # a headline's credit is not the page's outlet


def test_standfirst_above_a_date_line_is_not_body():
    art = _page(
        "Harbour strike ends after pay deal",
        "Union hails the best wage offer in a decade.",
        "March 7, 2021 11:24",
        "3 min read",
        LEAD,
        SECOND,
    )
    assert art.text.startswith(LEAD) and "Union hails" not in art.text


def test_standfirst_repeating_the_lead_before_a_dateline():
    art = _page(
        "Harbour strike ends after pay deal",
        LEAD.rstrip("."),
        "OSLO, March 7. /TASS/. " + LEAD,
        SECOND,
    )
    assert art.paragraphs == (LEAD, SECOND) and art.outlet == "tass"


def test_caption_credits_and_cited_agencies_are_never_the_outlet():
    art = _page(
        "Harbour strike ends after pay deal",
        "Cranes stand idle at the port on Monday. /Jane Roe/Reuters",
        "Cranes stand idle. Photo / Jane Roe",
        LEAD.replace("port.", "port, IRNA reported."),
        SECOND,
        "With reporting from Reuters and AP",
    )
    assert art.outlet is None
    assert "With reporting" not in art.text and "Cranes" not in art.text


def test_relative_dates_are_reported_not_guessed():
    art = _page("Harbour strike ends after pay deal", "Updated 3 hours ago", LEAD)
    assert art.published is None
    assert art.meta["published_relative"] == "3 hours ago"
    assert any("relative time" in w for w in art.meta["warnings"])


def test_archive_page_date_marker_dates_a_page_with_no_other_date():
    art = _page(" date 2021-03-07 Harbour strike ends after pay deal", "Updated 3 hours ago", LEAD)
    assert art.title == "Harbour strike ends after pay deal"
    assert str(art.published.date()) == "2021-03-07"
    assert art.meta["inferred"]["published"]["rule"] == "archive page-date marker"


def test_a_date_inside_the_dateline_with_its_year():
    art = _page("Breaking News", "LAGOS, Nigeria, May 2, 2022 (XYZ/AFP) - " + LEAD)
    assert art.title is None  # a label, not a headline
    assert str(art.published.date()) == "2022-05-02" and art.outlet == "xyz"


def test_subscription_appeal_before_the_body_and_social_prompt_inside():
    art = _page(
        "Harbour strike ends after pay deal",
        "Dear Readers,",
        "Independent reporting costs money, and The Jerusalem Post needs members.",
        "Thank you for your support.",
        "Become a member for the full story Maybe later",
        LEAD,
        "Stay informed - join our Telegram channel.",
        SECOND,
    )
    assert art.paragraphs == (LEAD, SECOND)
    assert art.outlet == "jerusalem-post"  # named by the appeal, a site's self-reference


def test_related_block_teaser_and_read_links_inside_the_body():
    art = _page(
        "OSLO (Reuters) - " + LEAD,
        "READ MORE",
        "Ministers meet in Bergen on fishing quotas",
        "Rail strike enters its second week",
        SECOND,
        "3 June, 10:20 GMT",
        "Ferry operators warn of delays",
        "Also read: Port fees to rise in July",
        "The port handled record cargo last year, officials said.",
    )
    assert art.paragraphs == (
        LEAD,
        SECOND,
        "The port handled record cargo last year, officials said.",
    )


def test_comment_form_footer_and_social_widget_after_the_body():
    art = _page(
        LEAD,
        SECOND,
        "Example Weekly",
        "on YouTube",
        "Leave a Comment",
        "7 + 2 =",
        "Most Visited",
        "Top Stories",
    )
    assert art.paragraphs == (LEAD, SECOND) and art.outlet == "example-weekly"


def test_a_form_inside_the_article_does_not_cut_the_rest():
    more = [f"Officials gave detail number {n} about the deal to reporters." for n in range(5)]
    art = _page(LEAD, "Email *", "Comments", *more)
    assert all(sentence in art.text for sentence in more)


def test_wire_closing_credit_gives_the_authors():
    art = _page(LEAD, SECOND, "(Reporting by Ana Lima in Oslo; Editing by Per Dahl)")
    assert art.byline == "Ana Lima" and art.meta["authors"] == ["Ana Lima"]
    assert "Reporting" not in art.text


def test_byline_and_dates_on_one_line_and_a_desk_byline():
    art = _page(
        "Harbour strike ends after pay deal",
        "Ana Lima Published March 7, 2021 - Updated March 8, 2021 08:04am",
        "KARACHI: " + LEAD,
    )
    assert art.byline == "Ana Lima" and str(art.published.date()) == "2021-03-07"
    desk = _page("Harbour strike ends after pay deal", "By Harbour News Service", LEAD)
    assert desk.byline is None and desk.meta["byline_desk"] == "Harbour News Service"
    assert desk.outlet == "harbour-news-service"


def test_a_sites_label_before_a_paragraph_is_cut():
    art = _page("Tabriz(IP)-" + LEAD, "Iran PressWorld desk: " + SECOND)
    assert art.outlet == "iran-press" and art.paragraphs == (LEAD, SECOND)


def test_pages_that_name_no_outlet_keep_it_empty():
    art = _page(
        "Harbour strike ends after pay deal",
        "The Straits Times reports: " + LEAD,
        SECOND,
        "Read the full report here.",
    )
    assert art.outlet is None and art.text.startswith("The Straits Times reports:")


def test_explicit_values_are_never_inferred_against():
    raw = "\n".join(
        [
            "Title: Strike over",
            "Source: Example Gazette",
            "Date: 2021-03-09",
            "",
            "Harbour strike ends after pay deal",
            "By Ana Lima",
            "OSLO (Reuters) - " + LEAD,
        ]
    )
    art = parse_text(raw, LoadOptions())
    assert (art.title, art.outlet, str(art.published.date())) == (
        "Strike over",
        "example-gazette",
        "2021-03-09",
    )
    assert art.byline == "Ana Lima" and art.dateline == "OSLO"
    assert set(art.meta["inferred"]) == {"byline", "dateline"}
    forced = parse_text("OSLO (Reuters) - " + LEAD, LoadOptions(outlet="Example Gazette"))
    assert forced.outlet == "example-gazette" and "outlet" not in forced.meta["inferred"]
    given = framing.load_article(text="OSLO (Reuters) - " + LEAD, title="Given")
    assert given.title == "Given"


def test_the_page_url_names_the_outlet_when_the_text_does_not():
    got = infer_layout([LEAD], REG, url="https://www.dawn.com/news/1")
    assert got.fields["outlet"] == "dawn" and got.inferred["outlet"]["rule"] == "outlet: page URL"


def test_a_new_outlets_layout_is_registry_data_and_inference_fills_the_rest(tmp_path):
    registry_file = tmp_path / "registry.json"
    registry_file.write_text(
        """{"outlets": [{"id": "harbour-herald", "name": "Harbour Herald",
        "timezone": "Europe/Oslo", "layout": {
          "detect": ["^HH-ID: \\\\d+$"],
          "header": ["^HH-ID: (?P<news_id>\\\\d+)$", "^Printed: (?P<published>.+)$"],
          "published_formats": ["%d.%m.%Y %H:%M"],
          "footer": ["^-- end of story --$"]}}]}""",
        encoding="utf-8",
    )
    page = tmp_path / "story.txt"
    page.write_text(
        "\n".join(
            [
                "HH-ID: 42",
                "Printed: 09.03.2021 10:00",
                "Harbour strike ends after pay deal",
                "By Ana Lima",
                LEAD,
                SECOND,
                "-- end of story --",
                "Comments",
            ]
        ),
        encoding="utf-8",
    )
    art = framing.load_article(page, registry=registry_file)
    assert (art.outlet, art.meta["news_id"]) == ("harbour-herald", "42")
    assert art.published == pd.Timestamp("2021-03-09 10:00", tz="Europe/Oslo")
    assert (art.title, art.byline) == ("Harbour strike ends after pay deal", "Ana Lima")
    assert art.paragraphs == (LEAD, SECOND)
    assert set(art.meta["inferred"]) == {"title", "byline"}  # the layout's fields are read


@pytest.mark.parametrize("lines", [[], [""], ["   "], ["Share"]])
def test_empty_or_furniture_only_pages(lines):
    got = infer_layout(lines, REG)
    assert got.body in ([], ["Share"])


# Pages in the styles of outlets outside the layouts dev set, written for these tests.
P1 = "Ministers from both countries agreed on Tuesday to reopen the border crossing for trade."
P2 = "The deal, which still needs approval from parliament, lets trucks cross at night, officials said."
HEADLINE = "Border crossing to reopen after months of talks"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (  # a wire's own site: glued date and time, credit without parentheses, standards footer
            [
                "Skip to main content",
                "World",
                HEADLINE,
                "By Ana Lima",
                "March 5, 20245:07 PM UTCUpdated ago",
                "OSLO, March 5 (Reuters) - " + P1,
                P2,
                "Reporting by Ana Lima; Editing by Per Dahl",
                "Our Standards: The Thomson Reuters Trust Principles.",
            ],
            ("reuters", "Ana Lima", "2024-03-05", "OSLO"),
        ),
        (  # AP: update time before the date, separator and contributor note
            [
                "AP",
                HEADLINE,
                "By ANA LIMA",
                "Updated 5:07 PM EST, March 5, 2024",
                "Share",
                "OSLO, Norway (AP) — " + P1,
                P2,
                "___",
                "Associated Press writer Per Dahl in Bergen contributed to this report.",
            ],
            ("ap", "ANA LIMA", "2024-03-05", "OSLO, Norway"),
        ),
        (  # a broadcaster: relative time, "Name, Outlet, Place" byline, bare photo credit
            [
                "Share",
                "Save",
                HEADLINE,
                "2 hours ago",
                "Ana Lima, BBC News, Oslo",
                P1,
                "Getty Images",
                P2,
                "Related",
                "Talks collapse over fees",
                "Ports reopen",
            ],
            ("bbc", "Ana Lima", None, None),
        ),
        (  # a newspaper: dotted time with zone, caption with its credit, topic links
            [
                "Skip to main content",
                HEADLINE,
                "Deal ends months of uncertainty for hauliers",
                "Tue 5 Mar 2024 17.07 GMT",
                "Trucks queue at the border. Photograph: Ana Lima/Reuters",
                P1,
                P2,
                "Explore more on these topics",
                "Norway",
                "Share",
                "Reuse this content",
            ],
            (None, None, "2024-03-05", None),
        ),
        (  # a state agency's site: source name on the date line
            [
                HEADLINE,
                "Source: Xinhua | 2024-03-05 17:07:00 | Editor: Ana Lima",
                "OSLO, March 5 (Xinhua) -- " + P1,
                P2,
                "Follow us on Twitter",
            ],
            ("xinhua", None, "2024-03-05", "OSLO"),
        ),
        (  # byline, site and update on one line
            [HEADLINE, "By ANA LIMA | chinadaily.com.cn | Updated: 2024-03-05 17:07", P1, P2],
            ("china-daily", "ANA LIMA", "2024-03-05", None),
        ),
        (  # breadcrumb, standfirst, date, photo credit, share prompt, follow prompt
            [
                "Home / World News /",
                HEADLINE,
                "Ministers hail the deal as a breakthrough",
                "5 Mar, 2024 17:07",
                "© Getty Images / Ana Lima",
                P1,
                P2,
                "You can share this story on social media:",
                "Follow RT on Telegram",
            ],
            ("rt", None, "2024-03-05", None),
        ),
        (  # byline and date on one line, caption with a slashed credit, no outlet named
            [
                HEADLINE,
                "Ministers hail the deal; hauliers still wary",
                "By Ana Lima 5 March 2024, 5:07 pm",
                "Trucks queue at the border, March 5, 2024. (Ana Lima/Flash90)",
                P1,
                P2,
            ],
            (None, "Ana Lima", "2024-03-05", None),
        ),
        (  # agency copy with an end marker and the reporter's address
            [HEADLINE, "SEOUL, March 5 (Yonhap) -- " + P1, P2, "alima@example.co.kr", "(END)"],
            ("yonhap", None, None, "SEOUL"),
        ),
        (  # a place alone on a line above the first paragraph
            [HEADLINE, "ANKARA", P1, P2],
            (None, None, None, "ANKARA"),
        ),
    ],
)
def test_pages_in_the_styles_of_other_outlets(lines, expected):
    art = _page(*lines)
    published = str(art.published.date()) if art.published is not None else None
    assert (art.outlet, art.byline, published, art.dateline) == expected
    assert art.title == HEADLINE
    assert art.paragraphs == (P1, P2)
