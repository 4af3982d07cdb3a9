"""framing corpus and framing analyze --by / --jobs."""

from __future__ import annotations

import json

from framing.cli import main


def test_corpus_writes_the_html_report(corpus_file, tmp_path, capsys):
    out = tmp_path / "corpus.html"
    code = main(
        [
            "corpus",
            str(corpus_file),
            "--by",
            "bias",
            "--boot",
            "50",
            "-o",
            str(out),
            "--jobs",
            "2",
            "-q",
        ]
    )
    assert code == 0
    page = out.read_text(encoding="utf-8")
    assert "Which group uses more loaded language?" in page and "<script" not in page


def test_corpus_json_and_table(corpus_file, tmp_path, capsys):
    out = tmp_path / "corpus.json"
    assert (
        main(["corpus", str(corpus_file), "--by", "bias", "--boot", "20", "-o", str(out), "-q"])
        == 0
    )
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["summary"]) == 3
    assert main(["corpus", str(corpus_file), "--by", "outlet", "--boot", "0", "-q"]) == 0
    assert capsys.readouterr().out.startswith("Corpus summary by outlet: 3 group(s)")


def test_analyze_by_prints_one_row_per_group(corpus_file, capsys):
    assert main(["analyze", str(corpus_file), "--by", "bias", "-q"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Corpus summary by bias: 3 group(s), 9 article(s)")
    assert "== " not in out  # no per-article lines


def test_analyze_by_csv(corpus_file, tmp_path):
    out = tmp_path / "by.csv"
    assert (
        main(["analyze", str(corpus_file), "--by", "bias", "--by", "month", "-o", str(out), "-q"])
        == 0
    )
    header = out.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("bias,month,articles,words,loaded_per_1000_words")


def test_analyze_jobs_equals_one_process(corpus_file, tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["analyze", str(corpus_file), "-o", str(one), "-q"]) == 0
    assert main(["analyze", str(corpus_file), "-o", str(two), "--jobs", "2", "-q"]) == 0
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")


def test_bad_jobs_is_a_usage_error(corpus_file, capsys):
    try:
        main(["analyze", str(corpus_file), "--jobs", "0"])
    except SystemExit as exc:
        assert exc.code == 2
    assert "must be 1 or more" in capsys.readouterr().err
