"""Outputs: safe to open, complete or absent, and linear to produce.

Rows of issue 11 covered here: 25 (Markdown defuses autolinks; CSV and TSV
cells that a spreadsheet would run as formulas are neutralised), 18
(``Analysis.to_json`` groups each table once; ``analyze --format json``
streams batch by batch with the same result), and deliverable 5 (a Markdown
report and its charts move into place together, or not at all).
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.cli import EXIT_FAILURE, EXIT_OK, main

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "data" / "kayhan_2020-01-18_cnn-us-troops-iraq.txt"
FORMULAS = ['=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
            "\tTAB", "\rCR"]  # fmt: skip


# -- row 25: Markdown autolinks ------------------------------------------------------------------
def test_markdown_report_leaves_no_bare_url_to_autolink():
    source = framing.load_article(
        text="Title: Source\nURL: https://news.example/a\n\nTroops left the base on Monday.",
    )
    citing = framing.load_article(
        text="Title: Citing\nURL: https://evil.example/b\n\nTroops were deported, see "
        "https://evil.example/x and www.evil.example or HTTP://EVIL.EXAMPLE today.",
    )
    report = framing.render_report(framing.compare(source, citing), "md")
    assert "evil.example" in report  # the text is there ...
    assert not re.search(r"(?i)(https?|ftp)://|www\.", report)  # ... but nothing links itself
    assert "https&#58;//evil.example/x" in report and "www&#46;evil.example" in report


# -- row 25: spreadsheet formulas in CSV and TSV -------------------------------------------------
@pytest.fixture
def formula_records(tmp_path: Path) -> Path:
    path = tmp_path / "formulas.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for number, cell in enumerate(FORMULAS):
            record = {"title": cell, "text": f"{cell} Troops left base {number}, officials said."}
            handle.write(json.dumps(record) + "\n")
    return path


def _risky(cell: str) -> bool:
    return cell.startswith(("=", "+", "@", "\t", "\r")) or bool(re.match(r"-[^\d.]", cell))


def _cells(text: str, delimiter: str = ",") -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text), delimiter=delimiter) for cell in row]


@pytest.mark.parametrize("suffix, delimiter", [(".csv", ","), (".tsv", "\t")])
def test_load_csv_and_tsv_neutralise_formula_cells(formula_records, tmp_path, suffix, delimiter):
    out = tmp_path / f"articles{suffix}"
    assert main(["load", str(formula_records), "-o", str(out), "-q"]) == EXIT_OK
    table = pd.read_csv(out, sep=delimiter, keep_default_na=False)
    # the loader trims titles (so "\tTAB" is "TAB"); every formula-like cell gets a quote
    assert table["title"].tolist()[:4] == ["'" + cell for cell in FORMULAS[:4]]
    assert all(text.startswith("'") for text in table["text"][:4])
    assert [c for c in _cells(out.read_text("utf-8"), delimiter) if _risky(c)] == []


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_write_table_neutralises_every_formula_start(tmp_path, fmt):
    from framing.io import write_table

    out = write_table(pd.DataFrame({"cell": FORMULAS, "n": range(6)}), tmp_path / f"t.{fmt}")
    cells = _cells(out.read_bytes().decode("utf-8"), "," if fmt == "csv" else "\t")
    assert cells[2::2] == ["'" + cell for cell in FORMULAS]


def test_csv_to_stdout_and_analysis_tables_are_neutralised(formula_records, tmp_path, capsys):
    assert main(["load", str(formula_records), "--format", "csv", "-q"]) == EXIT_OK
    printed = _cells(capsys.readouterr().out)
    assert "'@SUM(A1)" in printed and "@SUM(A1)" not in printed
    folder = tmp_path / "tables"
    assert main(["analyze", str(formula_records), "-o", str(folder), "-q"]) == EXIT_OK
    for name in ("summary", "sentences", "loaded_terms", "attributions"):
        cells = _cells((folder / f"{name}.csv").read_text("utf-8"))
        assert [c for c in cells if _risky(c)] == [], name
    sentences = pd.read_csv(folder / "sentences.csv")
    assert sentences["text"].str.startswith("'=HYPERLINK").any()


def test_numbers_keep_their_sign():
    from framing.io import neutralise_cells

    table = pd.DataFrame({"valence": [-0.5, 1.0], "n": [-3, 4], "text": ["-3 dead", "ok"]})
    safe = neutralise_cells(table)
    assert safe["valence"].tolist() == [-0.5, 1.0] and safe["n"].tolist() == [-3, 4]
    assert safe["text"].tolist() == ["'-3 dead", "ok"]


# -- row 18: JSON output grouped once and streamed -----------------------------------------------
def _articles(n: int) -> list[framing.Article]:
    return [
        framing.load_article(
            text=f"Title: Story {i}\n\nThe regime said troops of unit {i} were deported. "
            f"Officials said the assassination of {i} was a crime, the agency reported.",
            url=f"https://example.org/{i}",
        )
        for i in range(n)
    ]


def test_to_json_converts_each_table_once_whatever_the_number_of_articles(monkeypatch):
    result = framing.analyze(_articles(30))
    calls = []
    module = type(result).iter_json.__globals__  # the module that really runs
    real = module["to_records"]
    monkeypatch.setitem(module, "to_records", lambda table: calls.append(len(table)) or real(table))
    objects = json.loads(result.to_json())
    assert len(calls) == 4  # articles, sentences, loaded terms, attributions: once each
    assert [o["article"]["article_id"] for o in objects] == result.articles["article_id"].tolist()
    for obj in objects:  # each article carries its own rows, and only those
        article_id = obj["article"]["article_id"]
        own = result.attributions[result.attributions["article_id"] == article_id]
        assert [a["start"] for a in obj["attributions"]] == own["start"].tolist()
        assert len(obj["sentences"]) == 2 and obj["loaded_terms"]


def test_analyze_json_streams_in_batches_with_the_same_result(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as handle:
        for article in _articles(7):
            handle.write(json.dumps({"text": article.text, "url": article.url}) + "\n")
    whole, batched = tmp_path / "whole.json", tmp_path / "batched.json"
    assert main(["analyze", str(corpus), "-o", str(whole), "-q"]) == EXIT_OK
    assert main(["analyze", str(corpus), "-o", str(batched), "-q", "--batch-size", "2"]) == 0
    assert json.loads(batched.read_text("utf-8")) == json.loads(whole.read_text("utf-8"))
    lines = tmp_path / "lines.jsonl"
    assert main(["analyze", str(corpus), "-o", str(lines), "-q", "--batch-size", "3"]) == 0
    assert [json.loads(line) for line in lines.read_text("utf-8").splitlines()] == json.loads(
        whole.read_text("utf-8")
    )


def test_nothing_loaded_writes_no_output(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    out = tmp_path / "a.json"
    assert main(["analyze", str(empty), "-o", str(out)]) == EXIT_FAILURE
    assert not out.exists() and [p.name for p in tmp_path.iterdir()] == ["empty.txt"]


# -- deliverable 5: a Markdown report and its charts, together or not at all -----------------------
def test_markdown_report_replaces_old_charts_as_a_whole(tmp_path, capsys):
    target = tmp_path / "r.md"
    old_charts = tmp_path / "r_charts"
    old_charts.mkdir()
    (old_charts / "stale.svg").write_text("<svg/>", "utf-8")
    assert main(["compare", "--example", "school-closure", "-o", str(target)]) == EXIT_OK
    charts = sorted(p.name for p in old_charts.iterdir())
    assert "stale.svg" not in charts and "alignment.svg" in charts
    assert "(r_charts/alignment.svg)" in target.read_text("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.md", "r_charts"]


def test_failed_markdown_report_keeps_the_previous_one(tmp_path, monkeypatch, capsys):
    import framing.report.figures as figures

    target = tmp_path / "r.md"
    assert main(["compare", "--example", "school-closure", "-o", str(target)]) == EXIT_OK
    before = {p.name: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}

    def broken(figure):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(figures, "figure_svg", broken)
    assert main(["compare", "--example", "border-standoff", "-o", str(target)]) == EXIT_FAILURE
    assert {p.name: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before
