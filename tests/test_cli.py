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
    assert "cannot tell the output format of 'out.xlsx'" in capsys.readouterr().err


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


def test_analyze_table_json_and_csv(tmp_path, seed_path, capsys):
    assert main(["analyze", str(seed_path)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "'Takfirir terrorists'        delegitimising_label   -> fighters (fuzzy)" in out
    assert "CNN ('the broadcaster') [outlet] 'said' neutral" in out
    target = tmp_path / "a.json"
    assert main(["analyze", str(seed_path), "--format", "json", "-o", str(target)]) == EXIT_OK
    data = json.loads(target.read_text("utf-8"))
    assert sorted(data) == ["article", "attributions", "loaded_terms", "sentences"]
    folder = tmp_path / "tables"
    assert main(["analyze", str(seed_path), "--format", "csv", "-o", str(folder)]) == EXIT_OK
    assert sorted(p.name for p in folder.iterdir()) == [
        "attributions.csv",
        "loaded_terms.csv",
        "sentences.csv",
        "summary.csv",
    ]
    assert main(["analyze", str(seed_path), "--format", "csv"]) == EXIT_USAGE  # needs -o DIR


def test_analyze_with_own_lexicon(tmp_path, seed_path, capsys):
    lexicon = tmp_path / "mine.csv"
    lexicon.write_text("term,category,neutral\nface saving,judgement,compromise\n", "utf-8")
    assert main(["analyze", str(seed_path), "--lexicon", str(lexicon)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "'face saving'                judgement              -> compromise" in out
    assert "Daesh" not in out.split("attributions:")[0]


def test_lexicon_validate_list_and_induce(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("term,category,valence\nregime,label,2\n", "utf-8")
    assert main(["lexicon", "validate", str(bad)]) == EXIT_FAILURE
    assert f"{bad}:2: valence '2' is outside [-1, 1]" in capsys.readouterr().out
    good = tmp_path / "good.csv"
    good.write_text("term,category\nregime,label\n", "utf-8")
    assert main(["lexicon", "validate", str(good)]) == EXIT_OK
    assert main(["lexicon", "list"]) == EXIT_OK
    assert "conflict_geopolitics" in capsys.readouterr().out
    table = tmp_path / "ann.csv"
    pd.DataFrame(
        {
            "text": [
                "The radical regime lied.",
                "A radical plan.",
                "The plan passed.",
                "Radical views.",
            ],
            "biased": ["['radical', 'lied']", "['radical']", "[]", "['radical']"],
        }
    ).to_csv(table, index=False)
    out = tmp_path / "induced.csv"
    assert (
        main(
            [
                "lexicon",
                "induce",
                str(table),
                "--words-column",
                "biased",
                "-o",
                str(out),
                "--z-threshold",
                "0",
            ]
        )
        == EXIT_OK
    )
    assert pd.read_csv(out)["term"].tolist() == ["radical"]
    assert main(["lexicon"]) == EXIT_USAGE


def test_compare_example_json_and_markdown(tmp_path, capsys):
    out = tmp_path / "pair.json"
    assert (
        main(["compare", "--example", "school-closure", "--format", "json", "-o", str(out)])
        == EXIT_OK
    )
    data = json.loads(out.read_text("utf-8"))
    assert list(data) == [
        "source",
        "citing",
        "alignment",
        "substitutions",
        "rewordings",
        "headline",
        "additions",
        "omissions",
        "attribution_fidelity",
        "summary",
        "loaded_terms",
        "attributions",
    ]
    assert {"source_phrase": "close", "citing_phrase": "axe"}.items() <= data["substitutions"][
        0
    ].items()
    assert main(["compare", "--example", "school-closure", "--format", "md"]) == EXIT_OK
    markdown = capsys.readouterr().out
    assert (
        "## Substitutions (1)" in markdown and "| close | axe | neutral\\_to\\_loaded |" in markdown
    )
    assert main(["compare", "--example", "school-closure"]) == EXIT_OK
    assert "'close' -> 'axe'  neutral_to_loaded" in capsys.readouterr().out


def test_compare_files_list_and_usage(tmp_path, seed_path, capsys):
    source = tmp_path / "source.txt"
    source.write_text(
        "Title: T\nOutlet: CNN\n\nTroops were withdrawn from the base on Monday.\n", "utf-8"
    )
    citing = tmp_path / "citing.txt"
    citing.write_text(
        "Troops were <script>x</script> deported from the base on Monday, CNN said.\n", "utf-8"
    )
    assert main(["compare", str(source), str(citing), "--format", "md"]) == EXIT_OK
    markdown = capsys.readouterr().out
    assert "<script>" not in markdown and "&lt;script&gt;" in markdown
    assert main(["compare", "--list-examples"]) == EXIT_OK
    assert "rail-timetable" in capsys.readouterr().out
    assert main(["compare", str(source)]) == EXIT_USAGE
    assert "name the SOURCE and CITING" in capsys.readouterr().err
    assert main(["compare", "--example", "nope"]) == EXIT_USAGE  # an option value, not input
    assert "shipped pairs" in capsys.readouterr().err


def test_compare_writes_an_html_report_and_report_rebuilds_it_from_json(tmp_path, capsys):
    html_path = tmp_path / "report.html"
    assert main(["compare", "--example", "border-standoff", "-o", str(html_path)]) == EXIT_OK
    assert "Wrote the html report" in capsys.readouterr().err
    page = html_path.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.count("<img") == 6
    saved = tmp_path / "comparison.json"
    assert main(["compare", "--example", "border-standoff", "-o", str(saved)]) == EXIT_OK
    again = tmp_path / "again.html"
    assert main(["report", str(saved), "-o", str(again)]) == EXIT_OK
    assert again.read_text("utf-8") == page
    assert main(["report", str(saved), "-o", str(tmp_path / "r.md")]) == EXIT_OK
    assert (tmp_path / "r_charts" / "alignment.svg").exists()


def test_report_explains_bad_input(tmp_path, capsys):
    # a bad input file is bad input (exit 1), never a usage error
    broken = tmp_path / "broken.json"
    broken.write_text('{"source": ', "utf-8")
    assert main(["report", str(broken), "-o", str(tmp_path / "x.html")]) == EXIT_FAILURE
    err = capsys.readouterr().err
    assert "broken.json, line 1: not valid JSON" in err and "framing compare" in err
    other = tmp_path / "other.json"
    other.write_text('{"a": 1}', "utf-8")
    assert main(["report", str(other)]) == EXIT_FAILURE
    assert "not a framing comparison" in capsys.readouterr().err
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    assert main(["report", str(binary)]) == EXIT_FAILURE
    assert "not UTF-8 text" in capsys.readouterr().err
    assert not (tmp_path / "x.html").exists()
