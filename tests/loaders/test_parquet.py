"""Parquet loader (pyarrow)."""

from __future__ import annotations

import pandas as pd
import pytest

import framing

pytest.importorskip("pyarrow")


def test_parquet_rows(tmp_path):
    path = tmp_path / "export.parquet"
    pd.DataFrame(
        {
            "headline": ["Floods", "Drought"],
            "maintext": ["Rivers burst their banks.", ""],
            "source_name": ["Deutsche Welle", "DW"],
            "date_publish": pd.to_datetime(["2021-07-15 10:00", "2021-07-16 11:00"]),
        }
    ).to_parquet(path)
    with pytest.warns(UserWarning, match="1 file"):
        table = framing.load(path)
    assert table.loc[0, ["outlet", "title", "text"]].tolist() == [
        "dw",
        "Floods",
        "Rivers burst their banks.",
    ]
    assert table.loc[0, "published"].isoformat() == "2021-07-15T10:00:00+02:00"  # Berlin, summer
    assert framing.skipped_table(table).loc[0, "location"] == "record 2"


def test_not_parquet(tmp_path):
    path = tmp_path / "fake.parquet"
    path.write_bytes(b"PAR1" + b"\x00" * 20)
    with pytest.raises(framing.FramingError, match=r"fake\.parquet: not a readable Parquet file"):
        framing.load(path)


def test_written_parquet_round_trips(tmp_path, seed_path):
    from framing.io import write_table

    out = tmp_path / "a.parquet"
    write_table(framing.load(seed_path), out)
    again = framing.load(out)
    assert again.loc[0, "meta"]["news_id"] == "75240"
    assert again.loc[0, "outlet"] == "kayhan-international"
