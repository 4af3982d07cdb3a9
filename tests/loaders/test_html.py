"""HTML loader (trafilatura): body, title, author, timestamp, outlet by domain."""

from __future__ import annotations

import pytest

import framing
from framing.loaders.base import LoadOptions
from framing.loaders.html import html_fragment_to_text, parse_html

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>US troops face exit from Iraq | CNN Politics</title>
<meta property="og:site_name" content="CNN">
<meta property="og:title" content="US troops face exit from Iraq">
<meta property="article:published_time" content="2020-01-18T05:12:00Z">
<meta name="author" content="Nicole Gaouette">
<link rel="canonical" href="https://edition.cnn.com/2020/01/18/politics/iraq-troops/index.html">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>US troops face exit from Iraq</h1>
<p>Washington (CNN)President Donald Trump hasn't pulled his troops out of Iraq, despite his
promise to end America's endless wars. He may not need to.</p>
<p>The US is facing the prospect of being kicked out, and it would be a big win for Iran,
analysts say, as the Iraqi parliament moves to expel foreign forces from the country.</p>
<p>"Iran's coherent and consistent strategy has allowed Tehran to gradually weave itself into
the fabric of daily life in Iraq," said one regional analyst in a long interview.</p>
</article>
<div class="comments">Comment from reader: great article!</div>
<footer>© 2020 Cable News Network. All rights reserved.</footer>
</body></html>"""


@pytest.fixture
def page(tmp_path):
    path = tmp_path / "cnn-iraq.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_html_page_fields(page):
    art = framing.load_article(page)
    assert art.outlet == "cnn"
    assert art.title == "US troops face exit from Iraq"
    assert art.byline == "Nicole Gaouette"
    assert art.url == "https://edition.cnn.com/2020/01/18/politics/iraq-troops/index.html"
    assert art.published.isoformat() == "2020-01-18T05:12:00+00:00"
    assert art.dateline == "Washington"
    assert art.language == "en"
    assert art.text.startswith("President Donald Trump hasn't pulled his troops")
    assert len(art.paragraphs) == 3
    for furniture in ("Home", "Comment from reader", "All rights reserved", "US troops face exit"):
        assert furniture not in art.text


def test_truncated_html_with_text_loads_with_a_warning():
    cut = PAGE[: PAGE.index('<div class="comments">')]
    art = parse_html(cut, LoadOptions(), source_path="cut.html")
    assert art.text.startswith("President Donald Trump")
    assert art.meta["warnings"] == ["the HTML page ends before </html>; it may be truncated"]


def test_truncated_html_without_text_is_an_error_naming_truncation(tmp_path):
    path = tmp_path / "cut.html"
    path.write_text("<!DOCTYPE html><html><head><title>Story</title></head><body><div", "utf-8")
    with pytest.raises(
        framing.FramingError,
        match=r"cut\.html: no article text found in the "
        r"HTML page \(the page ends before </html>: it looks truncated\)",
    ):
        framing.load_article(path)


def test_fragment_to_text_keeps_paragraphs_and_drops_scripts():
    text = html_fragment_to_text("<p>One <b>two</b>.</p><script>x()</script><p>Three<br>four</p>")
    assert text == "One two.\n\nThree\nfour"


BARE_PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Harbour fees</title></head><body>
<article>
<p>By Ana Lima</p>
<p>March 7, 2021 - 09:05</p>
<p>OSLO (Reuters) - The council approved the new harbour fees on Monday after a long debate
that ran late into the evening at the town hall, officials said.</p>
<p>Share this article</p>
<p>Fishermen said the rise would cost them dearly, and that they would appeal the decision to
the regional court within the month, their association said.</p>
<p>(Reporting by Ana Lima; Editing by Per Dahl)</p>
</article>
</body></html>"""


def test_the_text_fills_what_the_pages_metadata_lacks():
    art = parse_html(BARE_PAGE, LoadOptions(), url="https://example.org/harbour")
    assert art.byline == "Ana Lima" and art.dateline == "OSLO" and art.outlet == "reuters"
    assert str(art.published.date()) == "2021-03-07"  # trafilatura's own date reading wins
    assert art.text.startswith("The council approved") and "Share this" not in art.text
    assert "Reporting by" not in art.text
    assert {"byline", "dateline", "outlet"} <= set(art.meta["inferred"])


def test_metadata_is_never_inferred_against(page):
    art = framing.load_article(page)
    assert "title" not in art.meta.get("inferred", {}) and art.byline == "Nicole Gaouette"
