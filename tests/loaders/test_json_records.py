"""JSON and JSON Lines loaders: column mapping, containers, malformed lines."""

from __future__ import annotations

import json

import pytest

import framing

RECORDS = [
    {
        "headline": "Ceasefire holds",
        "content": "GAZA (Reuters) - The ceasefire held overnight.",
        "publication": "Reuters",
        "date": "2021-05-22T08:00:00+00:00",
        "news_link": "https://reuters.com/a",
        "topic": "conflict",
    },
    {
        "title": "Rates rise",
        "body": "The central bank raised rates.\n\nMarkets fell.",
        "source": {"id": "bbc-news", "name": "BBC News"},
        "publishedAt": "2022-02-03T12:00:00Z",
        "authors": ["A. Writer", "B. Writer"],
    },
]


def test_json_array_with_common_column_names(tmp_path):
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"articles": RECORDS}), encoding="utf-8")
    table = framing.load(path)
    assert table["outlet"].tolist() == ["reuters", "bbc"]
    assert table["title"].tolist() == ["Ceasefire holds", "Rates rise"]
    assert table.loc[0, "dateline"] == "GAZA"
    assert table.loc[0, "text"] == "The ceasefire held overnight."
    assert table.loc[0, "url"] == "https://reuters.com/a"
    assert table.loc[0, "meta"]["topic"] == "conflict"
    assert table.loc[1, "byline"] == "A. Writer, B. Writer"
    assert table.loc[1, "text"] == "The central bank raised rates.\n\nMarkets fell."
    assert str(table["published"].dt.tz) == "UTC"  # mixed zones are converted to UTC


def test_jsonl_malformed_line_is_reported_and_the_rest_loads(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps(RECORDS[0]),
        '{"title": "broken", "text": "x"',
        json.dumps(RECORDS[1]),
        json.dumps({"title": "no body", "text": "  "}),
        "[1, 2]",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="3 file"):
        table = framing.load(path)
    assert len(table) == 2
    skipped = framing.skipped_table(table)
    assert skipped["location"].tolist() == ["line 2", "line 4", "line 5"]
    assert skipped.loc[0, "reason"].startswith(
        f"{path}, line 2: invalid JSON (Expecting ',' delimiter"
    )
    assert skipped.loc[0, "reason"].endswith("Fix: repair or remove that line.")
    assert "the 'text' field is empty" in skipped.loc[1, "reason"]
    assert "expected an object, found list" in skipped.loc[2, "reason"]


def test_truncated_json_names_line_and_column(tmp_path):
    path = tmp_path / "cut.json"
    path.write_text(json.dumps(RECORDS, indent=1)[:150], encoding="utf-8")
    with pytest.raises(
        framing.FramingError, match=r"cut\.json, line \d+, column \d+: invalid JSON"
    ):
        framing.load(path)


def test_explicit_column_mapping_and_missing_text_column(tmp_path):
    path = tmp_path / "odd.jsonl"
    path.write_text(
        json.dumps({"story_body": "It rained in the city.", "hed": "Rain"}) + "\n", "utf-8"
    )
    with pytest.raises(
        framing.FramingError,
        match=r"no text column among the columns "
        r"\['story_body', 'hed'\].*--column text=NAME",
    ):
        framing.load(path)
    table = framing.load(path, columns={"text": "story_body", "title": "hed"})
    assert table.loc[0, ["title", "text"]].tolist() == ["Rain", "It rained in the city."]


def test_round_trip_of_written_jsonl(tmp_path, seed_path):
    out = tmp_path / "out.jsonl"
    from framing.io import write_table

    first = framing.load(seed_path)
    write_table(first, out)
    again = framing.load(out)
    assert again.loc[0, "article_id"] == first.loc[0, "article_id"]
    assert again.loc[0, "published"] == first.loc[0, "published"]
    assert again.loc[0, "text"] == first.loc[0, "text"]
    assert again.loc[0, "meta"]["news_id"] == "75240"
