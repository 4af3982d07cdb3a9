"""Article text is untrusted: every output format carries it inert."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

import framing
from framing.report.write import write_report

EVIL = (
    '<script>alert("x")</script> <img src=x onerror="alert(1)"> '
    '<a href="javascript:alert(2)">link</a> </td></tr></table></body> '
    "{{ 7*7 }} {% if true %}TEMPLATE-RAN{% endif %} <!-- --> "
    "[click](javascript:alert(3)) # heading | pipe ` tick"
)


@pytest.fixture(scope="module")
def evil_comparison() -> framing.Comparison:
    source = framing.load_article(
        text=f"The port authority raised fees. {EVIL} Officials said the troops were withdrawn.",
        title=f"Fees {EVIL}",
        url="javascript:alert(4)",
        byline=EVIL,
    )
    citing = framing.load_article(
        text=f"The greedy port authority hiked fees, the paper said. {EVIL} "
        f'"{EVIL} the troops were deported," it said.',
        title=f"Greedy {EVIL}",
        url="https://example.org/<script>",
    )
    return framing.compare(source, citing)


class _Audit(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self.open_tables = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "iframe", "object", "embed", "base", "form"}:
            self.problems.append(f"<{tag}>")
        if tag == "table":
            self.open_tables += 1
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{tag} {name}=")
            if name in {"href", "src"} and (value or "").lower().lstrip().startswith("javascript"):
                self.problems.append(f"{tag} {name}={value}")

    def handle_endtag(self, tag):
        if tag == "table":
            self.open_tables -= 1


def test_html_report_is_inert(evil_comparison, tmp_path):
    path = write_report(evil_comparison, tmp_path / "report.html")[0]
    page = path.read_text("utf-8")
    audit = _Audit()
    audit.feed(page)
    assert audit.problems == []
    assert audit.open_tables == 0  # the article's closing tags did not close ours
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    assert page.count("TEMPLATE-RAN") == page.count("{% if true %}TEMPLATE-RAN") > 0
    assert "{{ 7*7 }}" in page  # template syntax in articles is shown, not run
    assert "<!-- -->" not in page and "&lt;!-- --&gt;" in page
    assert "javascript:alert(4)" in page and 'href="javascript' not in page


def test_markdown_report_is_inert(evil_comparison, tmp_path):
    written = write_report(evil_comparison, tmp_path / "report.md")
    text = written[-1].read_text("utf-8")
    assert "<script" not in text and "<img" not in text and "<a " not in text
    assert "&lt;script&gt;" in text
    assert "\\[click\\](javascript" in text and "[click](javascript" not in text
    assert "{{ 7\\*7 }}" in text and "TEMPLATE-RAN" in text  # shown, not run
    assert "\\# heading \\| pipe \\` tick" in text
    side_by_side = text.split("## Side by side")[1].split("\n## ")[0]
    rows = [line for line in side_by_side.splitlines() if line.startswith("|")]
    assert rows and all(len(re.findall(r"(?<!\\)\|", row)) == 5 for row in rows)
    assert all(p.suffix == ".svg" for p in written[:-1])


def test_json_is_inert_and_round_trips(evil_comparison, tmp_path):
    path = write_report(evil_comparison, tmp_path / "report.json")[0]
    raw = path.read_text("utf-8")
    assert "<" not in raw and ">" not in raw and "&" not in raw
    data = json.loads(raw)
    assert EVIL in data["source"]["text"] and data["citing"]["title"] == f"Greedy {EVIL}"


def test_terminal_summary_keeps_text_as_text(evil_comparison):
    from framing.comparison.render import comparison_text

    assert "substitutions" in comparison_text(evil_comparison)
