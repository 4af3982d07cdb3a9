"""CSV/TSV loader: delimiter sniffing, encodings, ragged rows, missing text column."""

from __future__ import annotations

import pytest

import framing

CSV = (
    "title,text,outlet,date\n"
    'Talks resume,"WASHINGTON (AP) — Talks resumed on Monday, officials said.",AP,2021-01-04 09:00\n'
    "Vote delayed,The vote was delayed again.,Al Jazeera,2021-01-05\n"
)


def test_csv_rows(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(CSV, encoding="utf-8")
    table = framing.load(path)
    assert table["outlet"].tolist() == ["ap", "al-jazeera"]
    assert table.loc[0, "dateline"] == "WASHINGTON"
    assert table.loc[0, "text"] == "Talks resumed on Monday, officials said."
    assert table.loc[0, "published"].isoformat() == "2021-01-04T14:00:00+00:00"  # New York time


def test_semicolon_csv_in_cp1252(tmp_path):
    path = tmp_path / "legacy.csv"
    path.write_bytes("title;text\nCafé;Le café a fermé ses portes hier soir.\n".encode("cp1252"))
    table = framing.load(path)
    assert table.loc[0, "title"] == "Café"
    assert table.loc[0, "text"] == "Le café a fermé ses portes hier soir."


def test_tsv_and_ragged_row(tmp_path):
    path = tmp_path / "export.tsv"
    path.write_text("title\ttext\nOne\tFirst body.\nTwo\tSecond body.\textra\n", encoding="utf-8")
    with pytest.warns(UserWarning):
        table = framing.load(path)
    assert table["title"].tolist() == ["One"]
    assert framing.skipped_table(table).loc[0, "reason"] == (
        f"{path}, line 3: 3 fields where the header has 2. "
        "Fix: quote fields that contain the delimiter."
    )


def test_csv_without_text_column(tmp_path):
    path = tmp_path / "no_text.csv"
    path.write_text("title,author\nA,B\n", encoding="utf-8")
    with pytest.raises(
        framing.FramingError,
        match=r"no_text\.csv: no text column among the columns "
        r"\['title', 'author'\]\. Fix: name the column holding the article body",
    ):
        framing.load(path)


def test_gzipped_csv(tmp_path):
    import gzip

    path = tmp_path / "export.csv.gz"
    path.write_bytes(gzip.compress(CSV.encode("utf-8")))
    assert len(framing.load(path)) == 2
