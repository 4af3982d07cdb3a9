"""The corpus report: offline, escaped, sortable without script; the corpus charts."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

import framing
from framing.report.corpus import MAX_ROWS, sortable_table
from framing.report.corpus_charts import group_measures, keyness_scatter, measure_over_time


@pytest.fixture(scope="module")
def description(corpus_analysis):
    return framing.describe_corpus(corpus_analysis, by="bias", n_boot=50, min_count=1, top=6)


def test_description_answers_the_three_questions(description):
    assert set(description.summary.table["bias"]) == {"left", "centre", "right"}
    assert description.topics is not None and "topic" in description.topics.table
    assert description.period == "month" and not description.over_time.table.empty
    assert set(description.keyness["versus"]) >= {"rest", "left"}
    assert "Donald Trump" in set(description.summary.speakers["speaker"])


def test_html_is_self_contained_escaped_and_without_script(corpus_analysis, tmp_path):
    table = corpus_analysis.summary.copy()
    evil = corpus_analysis.articles.copy()
    evil["meta"] = [
        {**m, "bias": "<script>alert(1)</script>"} if i == 0 else m
        for i, m in enumerate(evil["meta"])
    ]
    analysis = framing.Analysis(
        evil,
        corpus_analysis.sentences,
        corpus_analysis.loaded_terms,
        corpus_analysis.attributions,
        table,
        corpus_analysis.term_counts,
    )
    page = framing.describe_corpus(analysis, by="bias", n_boot=20, min_count=1).to_html()
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Content-Security-Policy" in page and "default-src &#39;none&#39;" in page
    assert not re.search(r"""(src|href)=["']https?:""", page)
    assert 'type="radio"' in page and 'tbody class="order o1"' in page


def test_save_html_and_json(description, tmp_path):
    html = description.save(tmp_path / "corpus.html")
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    data = json.loads(description.save(tmp_path / "corpus.json").read_text(encoding="utf-8"))
    assert {"summary", "tests", "speakers", "verbs", "topics", "over_time", "keyness"} <= set(data)


def test_sortable_table_has_one_body_per_column_sorted():
    frame = pd.DataFrame({"g": ["b", "a", "c"], "n": [2, 3, 1]})
    table = sortable_table(frame, [("g", "group", "text"), ("n", "n", "number")], "t", sort="n")
    assert [row[0] for row in table["orders"][0]] == ["a", "b", "c"]
    assert [row[1] for row in table["orders"][1]] == ["3", "2", "1"]
    assert table["default"] == table["orders"][1]
    many = sortable_table(pd.DataFrame({"n": range(MAX_ROWS + 5)}), [("n", "n", "number")], "m")
    assert many["shown"] == MAX_ROWS and many["rows"] == MAX_ROWS + 5


def test_keyness_scatter_labels_do_not_overlap(corpus_analysis):
    table = framing.keyness(corpus_analysis, by="bias", min_count=1, top=None)
    figure = Figure(figsize=(6, 5), layout="constrained")
    FigureCanvasAgg(figure)
    ax = keyness_scatter(data=table, group="right", versus="rest", top=10, ax=figure.subplots())
    assert ax.get_xscale() == "log" and ax.get_title() == "Words that distinguish right from rest"
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in ax.texts]
    assert len(boxes) >= 5
    assert not any(boxes[i].overlaps(boxes[j]) for i in range(len(boxes)) for j in range(i))
    bold = [t.get_text() for t in ax.texts if t.get_fontweight() == "bold"]
    assert "regime" in bold  # lexicon terms are highlighted


def test_group_and_time_charts_follow_the_seaborn_contract(description):
    ax = Figure().subplots()
    assert group_measures(data=description.summary.table, ax=ax) is ax
    assert len(ax.get_yticklabels()) == 3
    ax = Figure().subplots()
    table = description.over_time.table
    assert measure_over_time(data=table, x="month", hue="bias", min_articles=1, ax=ax) is ax
    assert len(ax.get_lines()) == 3
