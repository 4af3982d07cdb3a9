"""The HTML report: every section, self-contained, reproducible; the notebook summary."""

from __future__ import annotations

import base64
from html.parser import HTMLParser

import framing
from framing.report.html import CSP, render_html


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


def test_report_has_every_section(border_comparison):
    c = border_comparison
    page = render_html(c)
    tags = _tags(page)
    ids = {attrs.get("id") for _, attrs in tags}
    assert {"summary", "charts", "reading", "findings"} <= ids
    # header: both outlets, titles and dates
    assert "Meridian News Agency" in page and "Voice of Estmark Radio" in page
    assert c.source.title in page and "03 October 2024" in page
    # plain-language summary with traceable numbers
    assert "The citing article uses 5 of 6 source sentences (83%) and leaves out 1." in page
    # six charts, embedded as SVG data URIs
    images = [attrs["src"] for tag, attrs in tags if tag == "img"]
    assert len(images) == 6
    svg = base64.b64decode(images[0].split(",", 1)[1]).decode("utf-8")
    assert images[0].startswith("data:image/svg+xml;base64,") and svg.startswith("<svg")
    # side by side: one row per alignment row; substitutions linked both ways
    rows = [
        a for tag, a in tags if tag == "tr" and a.get("class") in {"reworded", "added", "omitted"}
    ]
    assert len(rows) == len(c.alignment)
    links = {attrs.get("href") for tag, attrs in tags if tag == "a"}
    for k in range(len(c.substitutions)):
        assert f"#c-sub-{k}" in links and f"#s-sub-{k}" in links
        assert f"s-sub-{k}" in ids and f"c-sub-{k}" in ids
    # every finding table, with offsets
    for name in ("substitutions", "omissions", "additions", "attribution_fidelity", "alignment"):
        assert f"table-{name}" in ids
    assert "occupiers fled" in page and "unsupported" in page


def test_report_is_self_contained_and_reproducible(border_comparison):
    page = render_html(border_comparison)
    assert f'content="{CSP}"' in page.replace("&#39;", "'")
    tags = _tags(page)
    assert not [t for t, _ in tags if t in {"script", "link", "iframe", "object", "embed"}]
    for tag, attrs in tags:
        for name in ("src", "href"):
            value = attrs.get(name)
            if value is not None:
                assert value.startswith(("data:image/svg+xml;base64,", "#")), (tag, value)
    assert page == render_html(border_comparison)


def test_notebook_display_is_a_compact_summary(border_comparison):
    html = border_comparison._repr_html_()
    assert html.count("<img") == 2 and "The citing article uses" in html
    assert "<script" not in html
    analysis = framing.analyze(framing.load(framing.example_path("kayhan")))
    html = analysis._repr_html_()
    assert "kayhan-international" in html and html.count("<img") == 2


def test_report_of_a_saved_comparison_equals_the_direct_one(border_comparison):
    again = framing.Comparison.from_json(border_comparison.to_json())
    assert render_html(again) == render_html(border_comparison)


def _table_section(page: str, name: str) -> str:
    start = page.index(f'id="table-{name}"')
    end = page.find('<h3 id="table-', start + 1)
    return page[start:end]


def test_rewordings_headline_and_credit_tables():
    c = framing.compare(
        framing.load_article(
            text="Officials said the troops crossed the border at dawn. Prices rose.",
            title="Officials say troops cross the border",
            outlet="Reuters",
        ),
        framing.load_article(
            text="The troops were deported across the frontier at dawn, Reuters claimed.",
            title="Officials' so-called troops cross the border",
        ),
    )
    page = render_html(c)
    ids = {attrs.get("id") for _, attrs in _tags(page)}
    assert {"table-substitutions", "table-rewordings", "table-headline"} <= ids
    # rewordings come right after the substitutions, with the same columns
    assert page.index('id="table-substitutions"') < page.index('id="table-rewordings"')
    assert page.index('id="table-rewordings"') < page.index('id="table-omissions"')
    subs = _table_section(page, "substitutions")
    for column in ("<th>kind</th>", "<th>relevance</th>", "<th>direction</th>"):
        assert column in subs
    assert "deported" in subs and "neutral_to_loaded" in subs
    headline = _table_section(page, "headline")
    assert "so-called" in headline and "positions in the two titles" in headline
    assert c.headline["citing_start"].tolist() == [c.citing.title.index("so-called")]
    assert "<th>credit</th>" in _table_section(page, "attribution_fidelity")
    # the summary leads with the most relevant word choice
    assert "the most relevant: “withdrawn”" in page or "the most relevant: “" in page


def test_reframed_direction_has_its_own_colour():
    from framing.report.palette import COLOURS, colour

    assert colour("direction", "reframed") == "#56B4E9"
    assert len(set(COLOURS["direction"].values())) == len(COLOURS["direction"])


def test_floating_quote_has_no_empty_cue_mark():
    source = "The minister spoke about the city. She said the army would stay."
    citing = (
        "“We need another referendum,” said Katy Barnett, who wants to remain. "
        "“With people knowing what they are voting for this time.”"
    )
    c = framing.compare(source, citing)
    floating = c.attributions[c.attributions["pattern"] == "floating"]
    assert len(floating) == 1 and int(floating["cue_start"].iloc[0]) == int(
        floating["cue_end"].iloc[0]
    )
    page = render_html(c)
    # the cued quotation keeps its cue mark; the floating one gets none (no empty mark)
    assert page.count('<mark class="cue" title=') == 1
    assert 'title="cue “” (' not in page
