"""The command line under bad input and odd use: one-line errors, documented exit codes.

Rows of issue 11 covered here: 1 (``compare``, ``report``, ``outlets
--registry`` given JSON nested 100,000 deep), 28 (``-o`` naming a folder, a
path under a file, an unwritable folder), 33 (``--max-bytes -5``), the exit
codes (a bad record is bad input, never usage), and deliverable 7 (``--format``
is the output format everywhere, per-command examples, a fast ``--help``, short
reprs). Each runs the real ``python -m framing`` where the process matters.
"""

from __future__ import annotations

import errno
import json
import subprocess
import sys
from pathlib import Path

import pytest

import framing
from framing.cli import EXIT_FAILURE, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, build_parser, main

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "data" / "kayhan_2020-01-18_cnn-us-troops-iraq.txt"
COMMANDS = ("load", "sentences", "analyze", "compare", "report", "lexicon", "outlets")


def run(*args: object, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "framing", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


def one_error(stderr: str) -> str:
    """The single ``error:`` line of stderr (and no traceback)."""
    assert "Traceback" not in stderr
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, stderr
    return errors[0]


@pytest.fixture
def deep_json(tmp_path: Path) -> Path:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000, "utf-8")
    return path


@pytest.fixture
def good_txt(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text("Title: T\n\nTroops left the base on Monday, officials said.\n", "utf-8")
    return path


# -- row 1: JSON nested 100,000 deep, at the CLI level ------------------------------------------
@pytest.mark.parametrize(
    "command",
    [
        ["compare", "{deep}", "{good}"],
        ["compare", "{good}", "{deep}", "-o", "{tmp}/report.html"],
        ["report", "{deep}", "-o", "{tmp}/report.html"],
        ["outlets", "--registry", "{deep}"],
        ["load", "{good}", "--registry", "{deep}"],
    ],
)
def test_deeply_nested_json_is_one_line_naming_file_line_and_fix(
    command, deep_json, good_txt, tmp_path, capsys
):
    args = [a.format(deep=deep_json, good=good_txt, tmp=tmp_path) for a in command]
    assert main(args) == EXIT_FAILURE
    error = one_error(capsys.readouterr().err)
    assert error.startswith(f"error: {deep_json}, line 1: JSON nested more than 900 levels")
    assert "Fix:" in error
    assert not (tmp_path / "report.html").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_deeply_nested_registry_in_a_real_process(deep_json):
    result = run("outlets", "--registry", deep_json)
    assert result.returncode == EXIT_FAILURE
    assert one_error(result.stderr).startswith(f"error: {deep_json}, line 1: JSON nested")


def test_registry_error_is_one_line(tmp_path):
    registry = tmp_path / "mine.json"
    registry.write_text('{"outlets": [', "utf-8")
    result = run("outlets", "--registry", registry)
    assert result.returncode == EXIT_FAILURE
    assert str(registry) in one_error(result.stderr)


# -- row 33 and usage errors ------------------------------------------------------------------
def test_negative_max_bytes_is_a_usage_error(good_txt):
    result = run("load", good_txt, "--max-bytes", "-5")
    assert result.returncode == EXIT_USAGE
    assert "argument --max-bytes: must be 0 or more, got -5" in result.stderr
    assert "read length" not in result.stderr and "Traceback" not in result.stderr


def test_bad_records_are_bad_input_never_usage(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n[1, 2\n", "utf-8")
    assert main(["load", str(bad)]) == EXIT_FAILURE  # nothing usable
    good = tmp_path / "mixed.jsonl"
    good.write_text('{"text": "Fine text here."}\n{oops\n', "utf-8")
    assert main(["load", str(good), "-o", str(tmp_path / "out.jsonl")]) == EXIT_PARTIAL
    err = capsys.readouterr().err
    assert f"skipped: {good}, line 2: invalid JSON" in err


def test_a_value_error_from_a_stage_is_bad_input(tmp_path, monkeypatch, capsys):
    import framing.features.analysis as analysis

    def broken(table):
        raise ValueError("article 3 has a text the splitter cannot read")

    monkeypatch.setattr(analysis, "split_sentences", broken)
    assert main(["analyze", str(SEED)]) == EXIT_FAILURE
    assert "error: article 3 has a text" in capsys.readouterr().err


def test_options_the_command_does_not_accept_are_usage_errors(tmp_path, capsys):
    assert main(["analyze", str(SEED), "--format", "csv"]) == EXIT_USAGE  # needs -o DIR
    assert main(["load", str(SEED), "-o", str(tmp_path / "x.xlsx")]) == EXIT_USAGE
    assert main(["load", str(SEED), "--format", "parquet"]) == EXIT_USAGE  # binary to stdout
    assert main(["compare", "--example", "no-such-pair"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "(see framing load --help)" in err and "(see framing compare --help)" in err
    with pytest.raises(SystemExit) as exc:
        main(["load", str(SEED), "--input-format", "docx"])
    assert exc.value.code == EXIT_USAGE


def test_unexpected_errors_are_one_line_unless_debugging(monkeypatch, capsys):
    import framing.features.analysis as analysis

    def bug(table):
        raise KeyError("oops")

    monkeypatch.setattr(analysis, "split_sentences", bug)
    assert main(["analyze", str(SEED)]) == EXIT_FAILURE
    error = one_error(capsys.readouterr().err)
    assert "unexpected KeyError" in error and "FRAMING_DEBUG=1" in error
    monkeypatch.setenv("FRAMING_DEBUG", "1")
    with pytest.raises(KeyError):
        main(["analyze", str(SEED)])


# -- row 28: output paths -----------------------------------------------------------------------
def test_output_naming_an_existing_folder(tmp_path, capsys):
    folder = tmp_path / "outdir"
    folder.mkdir()
    for command in (
        ["load", str(SEED), "-o", str(folder)],
        ["sentences", str(SEED), "-o", str(folder)],
        ["compare", "--example", "school-closure", "-o", str(folder)],
        ["analyze", str(SEED), "--format", "json", "-o", str(folder)],
    ):
        assert main(command) == EXIT_FAILURE
        error = one_error(capsys.readouterr().err)
        assert error.startswith(f"error: {folder}: cannot write it: it is an existing folder")
        assert ".tmp" not in error and "Fix: name a file, e.g." in error
    assert list(folder.iterdir()) == []


def test_output_under_a_file(tmp_path, capsys):
    afile = tmp_path / "afile"
    afile.write_text("keep me", "utf-8")
    target = afile / "x.jsonl"
    assert main(["load", str(SEED), "-o", str(target)]) == EXIT_FAILURE
    error = one_error(capsys.readouterr().err)
    assert error == (
        f"error: {target}: cannot write it: {str(afile)!r} is a file, not a folder. "
        "Fix: choose another output path, or move that file."
    )
    assert afile.read_text("utf-8") == "keep me"


@pytest.mark.parametrize("code", [errno.EACCES, errno.EROFS, errno.ENOSPC])
def test_unwritable_folder_names_the_users_path(tmp_path, monkeypatch, capsys, code):
    # tests may run as root, for whom a read-only folder is writable: refuse as the OS would
    import tempfile

    def refuse(*args, dir=None, **kwargs):
        raise OSError(code, "refused", str(Path(dir) / ".out.jsonl.framing-1-abc.tmp"))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    target = tmp_path / "ro" / "out.jsonl"
    assert main(["load", str(SEED), "-o", str(target)]) == EXIT_FAILURE
    error = one_error(capsys.readouterr().err)
    assert error.startswith(f"error: {target}: cannot write it:")
    assert ".tmp" not in error and "Fix:" in error


# -- deliverable 7: the CLI reads one way ---------------------------------------------------------
def _subparsers():
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return action.choices


def test_format_is_the_output_format_in_every_subcommand():
    for name, sub in _subparsers().items():
        options = {o: a for a in sub._actions for o in a.option_strings}
        if "--format" in options:
            assert options["--format"].dest == "format"
            assert "input" not in (options["--format"].help or "").split(":")[0], name
        if any(a.dest == "paths" for a in sub._actions) or name == "compare":
            assert "--input-format" in options, name


def test_load_and_sentences_write_any_table_format_to_stdout(capsys):
    assert main(["load", str(SEED), "--format", "jsonl", "-q"]) == EXIT_OK
    captured = capsys.readouterr()
    assert json.loads(captured.out)["outlet"] == "kayhan-international"
    assert captured.err == ""  # --quiet
    assert main(["sentences", str(SEED), "--format", "csv"]) == EXIT_OK
    assert capsys.readouterr().out.startswith("article_id,index,start,end,paragraph,text")


def test_input_format_forces_the_reader(tmp_path, capsys):
    odd = tmp_path / "export.dat"
    odd.write_text('{"text": "Troops left the base, officials said."}\n', "utf-8")
    assert main(["load", str(odd), "--input-format", "jsonl", "--format", "jsonl"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)["text"].startswith("Troops left")


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_help_shows_its_own_examples(command, capsys):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    text = capsys.readouterr().out
    examples = text.split("examples:", 1)[1].split("exit codes:")[0]
    lines = [line.strip() for line in examples.strip().splitlines()]
    assert lines and all(line.startswith(f"framing {command}") for line in lines[:1])
    others = set(COMMANDS) - {command, "report"} - ({"compare"} if command == "report" else set())
    assert not any(line.startswith(f"framing {o} ") for o in others for line in lines)
    assert "exit codes: 0 success" in text


def test_help_is_fast_because_nothing_heavy_is_imported():
    # `framing --help` must not import the scientific stack (today ~0.05 s; was 2.8 s)
    probe = (
        "import sys, runpy\n"
        "sys.argv = ['framing', '--help']\n"
        "try:\n"
        "    runpy.run_module('framing', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = {'pandas', 'numpy', 'scipy', 'sklearn', 'nltk', 'matplotlib', 'numba'}\n"
        "print(sorted(heavy & {m.split('.')[0] for m in sys.modules}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"
    assert "exit codes:" in result.stdout


def test_import_framing_is_light():
    probe = (
        "import framing, sys; print(sorted({'pandas','nltk','sklearn','scipy'} & set(sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.stdout.strip() == "[]"
    assert callable(framing.load)  # and the names still resolve


def test_plain_reprs_are_short_summaries():
    from framing.comparison.teaching import load_teaching_pair

    analysis = framing.analyze(framing.load(SEED))
    assert repr(analysis).startswith("<Analysis: 1 article(s), 25 sentences")
    pair = load_teaching_pair("school-closure")
    comparison = framing.compare(pair.source, pair.citing)
    text = repr(comparison)
    assert text.startswith("<Comparison: the-daily-clarion retelling the-ashford-courier;")
    assert len(repr(analysis)) < 300 and len(text) < 300


# -- row 31 and identity, at the CLI: outputs never read back; duplicates kept once -------------
def test_load_into_its_own_input_folder_does_not_read_its_output_back(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Title: A\n\nTroops left the base on Monday.\n", "utf-8")
    (corpus / "b.txt").write_text("Title: B\n\nTalks resumed on Tuesday.\n", "utf-8")
    output = corpus / "articles.csv"
    for _ in range(3):
        assert main(["load", str(corpus), "-o", str(output), "-q"]) == EXIT_OK
        capsys.readouterr()
    assert len(framing.load(output)) == 2


def test_exact_duplicates_are_listed_and_do_not_make_the_run_partial(tmp_path, capsys):
    text = "Title: A\n\nTroops left the base on Monday.\n"
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "story.txt").write_text(text, "utf-8")
    (tmp_path / "two" / "story.txt").write_text(text, "utf-8")
    skipped = tmp_path / "skipped.csv"
    code = main(
        ["load", str(tmp_path), "-o", str(tmp_path / "out.jsonl"), "--skipped", str(skipped)]
    )
    err = capsys.readouterr().err
    assert code == EXIT_OK
    assert sum(line.startswith("duplicate:") for line in err.splitlines()) == 1
    assert "1 exact duplicate(s) kept once" in err
    import pandas as pd

    listed = pd.read_csv(skipped)
    assert listed.columns.tolist() == ["source_path", "location", "reason", "kind"]
    assert listed["kind"].tolist() == ["duplicate"]
