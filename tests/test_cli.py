"""The command line: load, sentences, outlets; exit codes; atomic output."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from framing.cli import EXIT_FAILURE, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, main


def test_load_seed_to_jsonl(tmp_path, seed_path, capsys):
    out = tmp_path / "x.jsonl"
    assert main(["load", str(seed_path), "-o", str(out)]) == EXIT_OK
    record = json.loads(out.read_text("utf-8"))
    assert record["outlet"] == "kayhan-international"
    assert record["published"] == "2020-01-18T21:57:00+03:30"
    assert record["dateline"] == "WASHINGTON"
    assert record["meta"]["news_id"] == "75240"
    assert record["text"].startswith("Donald Trump")
    assert "Loaded 1 article(s) from 1 file(s)." in capsys.readouterr().err


def test_partial_run_lists_skips_and_writes_skipped_table(tmp_path, seed_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "Fine text here."}\n{oops\n', "utf-8")
    out, skipped = tmp_path / "out.csv", tmp_path / "skipped.csv"
    code = main(["load", str(seed_path), str(bad), "-o", str(out), "--skipped", str(skipped)])
    assert code == EXIT_PARTIAL
    err = capsys.readouterr().err
    assert f"skipped: {bad}, line 2: invalid JSON" in err
    assert "Loaded 2 article(s) from 2 file(s); skipped 1" in err
    assert len(pd.read_csv(out)) == 2
    assert pd.read_csv(skipped)["location"].tolist() == ["line 2"]


def test_nothing_loaded_is_failure(tmp_path, capsys):
    assert main(["load", str(tmp_path / "missing.txt")]) == EXIT_FAILURE
    assert "no such file or directory" in capsys.readouterr().err


def test_usage_errors(seed_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["load", str(seed_path), "--format", "docx"])
    assert exc.value.code == EXIT_USAGE
    assert main([]) == EXIT_USAGE
    assert main(["load", str(seed_path), "-o", "out.xlsx"]) == EXIT_USAGE
    assert "format='xlsx' is not allowed" in capsys.readouterr().err


def test_failed_write_leaves_no_partial_file(tmp_path, seed_path, monkeypatch):
    out = tmp_path / "out.jsonl"
    out.write_text("previous contents\n", "utf-8")
    import framing.io

    def explode(tmp, records):
        tmp.write_text("half", "utf-8")
        raise OSError("disk full")

    monkeypatch.setattr(framing.io, "_write_lines", explode)
    assert main(["load", str(seed_path), "-o", str(out)]) == EXIT_FAILURE
    assert out.read_text("utf-8") == "previous contents\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_outlets_and_sentences(seed_path, capsys):
    assert main(["outlets", "--format", "csv"]) == EXIT_OK
    table = capsys.readouterr().out
    assert "kayhan-international,Kayhan International,newspaper,IR,state" in table
    assert main(["sentences", str(seed_path)]) == EXIT_OK
    assert "According to CNN, Iran is already winning in this battle." in capsys.readouterr().out


def test_python_dash_m_and_help():
    result = subprocess.run(
        [sys.executable, "-m", "framing", "load", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "exit codes:" in result.stdout and "--column FIELD=COLUMN" in result.stdout
