"""Row 26: every span's offsets slice exactly its text, in every table of every shipped example.

The tables come from analysing every shipped article (the seed and the
teaching pairs' articles) and comparing every teaching pair; a span whose
``text[start:end]`` differs from its text column is listed with its table,
row and both strings.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.comparison.teaching import list_teaching_pairs, load_teaching_pair

REPO = Path(__file__).resolve().parents[2]

# (start column, end column, text column) per table; the text is the article's body
ANALYSIS_SPANS = {
    "sentences": [("start", "end", "text")],
    "loaded_terms": [("start", "end", "text")],
    "attributions": [
        ("source_start", "source_end", "source_as_written"),
        ("cue_start", "cue_end", "cue"),
    ],  # content: see test_attribution_content_is_its_spans
}
# comparison tables: (start, end, text, which article: "source", "citing" or None for by id)
COMPARISON_SPANS = {
    "alignment": [
        ("source_start", "source_end", "source_text", "source"),
        ("citing_start", "citing_end", "citing_text", "citing"),
    ],
    "substitutions": [
        ("source_start", "source_end", "source_phrase", "source"),
        ("citing_start", "citing_end", "citing_phrase", "citing"),
    ],
    "omissions": [("start", "end", "text", "source")],
    "additions": [("start", "end", "text", "citing")],
    "attribution_fidelity": [
        ("claim_start", "claim_end", "claim", "citing"),
        ("passage_start", "passage_end", "passage", "source"),
    ],
    "loaded_terms": [("start", "end", "text", None)],
    "attributions": [
        ("source_start", "source_end", "source_as_written", None),
        ("cue_start", "cue_end", "cue", None),
    ],
}


def _mismatches(
    name: str,
    table: pd.DataFrame,
    columns: list[tuple],
    body: Callable[[dict], str],
) -> list[str]:
    problems = []
    for number, row in enumerate(table.to_dict(orient="records")):
        for start, end, text_column, *side in columns:
            text = row.get(text_column)
            if not isinstance(text, str) or pd.isna(row.get(start)):
                continue
            got = body(row if not side else row | {"_side": side[0]})[
                int(row[start]) : int(row[end])
            ]
            if got != text:
                problems.append(f"{name} row {number} {text_column}: {text!r} != {got!r}")
    return problems


@pytest.fixture(scope="module")
def shipped_analysis() -> tuple[framing.Analysis, dict[str, str]]:
    import warnings

    with warnings.catch_warnings():  # the pairs' gold.json files are skipped, as they should be
        warnings.simplefilter("ignore")
        table = framing.load(REPO / "data")
    assert len(table) >= 19  # the seed and two articles per teaching pair
    return framing.analyze(table), dict(zip(table["article_id"], table["text"], strict=True))


@pytest.mark.parametrize("name", sorted(ANALYSIS_SPANS))
def test_analysis_spans_slice_their_text(shipped_analysis, name):
    result, texts = shipped_analysis
    table = getattr(result, name)
    assert len(table) > 0
    problems = _mismatches(name, table, ANALYSIS_SPANS[name], lambda r: texts[r["article_id"]])
    assert problems == []


def _content_problems(attributions: pd.DataFrame, texts: dict[str, str]) -> list[str]:
    """Content is its spans joined by " … ", from the first span's start to the last's end."""
    problems = []
    for number, row in enumerate(attributions.itertuples(index=False)):
        text = texts[row.article_id]
        spans = [tuple(span) for span in row.content_spans]
        joined = " … ".join(text[start:end] for start, end in spans)
        if (
            joined != row.content
            or spans[0][0] != row.content_start
            or spans[-1][1] != row.content_end
        ):
            problems.append(f"attributions row {number}: {row.content!r} != {joined!r}")
    return problems


def test_attribution_content_is_its_spans(shipped_analysis):
    result, texts = shipped_analysis
    assert any(len(spans) > 1 for spans in result.attributions["content_spans"])
    assert _content_problems(result.attributions, texts) == []


@pytest.mark.parametrize("pair_name", list_teaching_pairs())
def test_comparison_spans_slice_their_text(pair_name):
    pair = load_teaching_pair(pair_name)
    result = framing.compare(pair.source, pair.citing)
    texts = {
        "source": pair.source.text,
        "citing": pair.citing.text,
        pair.source.article_id: pair.source.text,
        pair.citing.article_id: pair.citing.text,
    }

    def body(row: dict) -> str:
        side = row.get("_side")
        return texts[side] if side else texts[row.get("side") or row["article_id"]]

    problems = []
    for name, columns in COMPARISON_SPANS.items():
        problems += _mismatches(name, getattr(result, name), columns, body)
    problems += _content_problems(result.attributions, texts)
    assert problems == []
    assert len(result.alignment) > 0
