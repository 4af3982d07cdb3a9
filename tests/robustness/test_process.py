"""Process hygiene: Ctrl-C, killed runs, read-only installs, broken pipes, progress.

Rows of issue 11 covered here: 20 (Ctrl-C: one line, exit 130, no temporary
file), 21 (the temporary file of a run killed with ``kill -9`` is removed by
the next run), 22 (no writable numba cache folder: ``import framing`` and
``compare`` still work), 23 (``framing load DIR | head -1`` ends quietly) and
27 (the progress bar counts articles through the analysis stages, on stderr,
off with ``--quiet`` and when stderr is not a terminal).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from framing.cli import EXIT_BROKEN_PIPE, EXIT_INTERRUPTED, EXIT_OK, main

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "data" / "kayhan_2020-01-18_cnn-us-troops-iraq.txt"
FRAMING = [sys.executable, "-m", "framing"]


def _corpus(folder: Path, n: int, sentences: int = 3) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    body = " ".join(
        f"Officials said on Monday that troops of unit {{i}} were withdrawn from base {k}. "
        f"The regime called it a victory, the agency reported."
        for k in range(sentences)
    )
    for i in range(n):
        (folder / f"a{i:05d}.txt").write_text(
            f"Title: Story {i}\n\n" + body.replace("{i}", str(i)) + "\n", "utf-8"
        )
    return folder


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith(".tmp"))


def _interruptible() -> None:
    """Ctrl-C as in a terminal: a shell starts background jobs (CI) with SIGINT ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


# -- row 20: Ctrl-C --------------------------------------------------------------------------
def test_ctrl_c_during_analyze_is_one_line_exit_130_and_no_temporary_file(tmp_path):
    corpus = _corpus(tmp_path / "corpus", 400, sentences=12)
    out = tmp_path / "out" / "analysis.json"
    process = subprocess.Popen(
        [*FRAMING, "analyze", corpus, "-o", out, "--batch-size", "5"],
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_interruptible,
    )
    deadline = time.monotonic() + 120
    while not _leftovers(tmp_path) and time.monotonic() < deadline:  # writing has begun
        if process.poll() is not None:
            pytest.fail(f"analyze ended before it could be interrupted: {process.stderr.read()}")
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    assert process.returncode == EXIT_INTERRUPTED
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert err.strip().splitlines()[-1] == (
        "error: interrupted (Ctrl-C); no partial output file was left behind."
    )
    assert _leftovers(tmp_path) == [] and not out.exists()


def test_ctrl_c_while_writing_a_markdown_report_leaves_nothing(tmp_path, monkeypatch, capsys):
    import framing.report.figures as figures

    calls = []
    real = figures.figure_svg

    def interrupted(figure):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(figure)

    monkeypatch.setattr(figures, "figure_svg", interrupted)
    code = main(["compare", "--example", "school-closure", "-o", str(tmp_path / "r.md")])
    assert code == EXIT_INTERRUPTED
    assert capsys.readouterr().err.startswith("error: interrupted (Ctrl-C)")
    assert list(tmp_path.iterdir()) == []  # neither the report, its charts nor a temporary


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_ctrl_c_that_python_could_only_print_still_ends_the_run(tmp_path, capsys):
    """A KeyboardInterrupt raised in a finaliser is printed, not raised: the noted signal counts."""
    import gc

    class Finalised:
        def __del__(self):
            os.kill(os.getpid(), signal.SIGINT)  # the handler raises inside __del__

    import framing.report.figures as figures

    real = figures.figure_svg

    def with_a_finaliser(figure):
        Finalised()
        gc.collect()
        return real(figure)

    figures.figure_svg, saved = with_a_finaliser, figures.figure_svg
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)  # as in a terminal
    try:
        code = main(["compare", "--example", "school-closure", "-o", str(tmp_path / "r.md")])
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finally:
        figures.figure_svg = saved
        signal.signal(signal.SIGINT, previous)
    assert code == EXIT_INTERRUPTED
    assert capsys.readouterr().err.startswith("error: interrupted (Ctrl-C)")
    assert list(tmp_path.iterdir()) == []


# -- row 21: temporary files of a killed run ---------------------------------------------------
def test_temporary_file_of_a_killed_run_is_removed_by_the_next(tmp_path):
    out = tmp_path / "out.jsonl"
    killer = (
        "import os, signal, sys\n"
        "from framing.atomic import atomic_path\n"
        "with atomic_path(sys.argv[1]) as tmp:\n"
        "    tmp.write_text('half a file')\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    killed = subprocess.run([sys.executable, "-c", killer, str(out)], capture_output=True)
    assert killed.returncode == -signal.SIGKILL
    stale = _leftovers(tmp_path)
    assert len(stale) == 1 and stale[0].startswith(".out.jsonl.framing-")
    result = subprocess.run(
        [*FRAMING, "load", SEED, "-o", out], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == EXIT_OK
    assert _leftovers(tmp_path) == []
    assert out.read_text("utf-8").startswith('{"article_id"')


def test_a_live_writers_temporary_file_is_left_alone(tmp_path):
    from framing.atomic import remove_stale_temporaries

    live = tmp_path / f".out.jsonl.framing-{os.getppid()}-x1.tmp"  # our parent runs
    live.write_text("in progress", "utf-8")
    other = tmp_path / ".other.jsonl.framing-999999999-x2.tmp"  # another output's
    other.write_text("not ours", "utf-8")
    assert remove_stale_temporaries(tmp_path, "out.jsonl") == []
    assert live.exists() and other.exists()


# -- row 22: no writable cache folder for numba --------------------------------------------------
def test_import_and_compare_work_without_a_writable_numba_cache():
    caching = pytest.importorskip("numba.core.caching")
    if not hasattr(getattr(caching, "CacheImpl", None), "_locator_classes"):
        pytest.skip("this numba keeps its cache locators elsewhere")
    probe = (
        "import numba.core.caching as caching\n"
        "caching.CacheImpl._locator_classes = []  # as a read-only install: nowhere to cache\n"
        "import framing, framing.comparison\n"
        "import framing.comparison._kernels as kernels\n"
        "print(kernels.COMPILED, type(kernels.pair_similarities).__name__)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "CPUDispatcher"]  # compiled, just not cached


# -- row 23: a reader that stops early -----------------------------------------------------------
@pytest.mark.parametrize(
    "command",
    [
        ["load", "{corpus}"],
        ["sentences", "{corpus}"],
        ["analyze", "{corpus}", "--format", "json"],
        ["lexicon", "list"],
    ],
)
def test_broken_pipe_ends_quietly(command, tmp_path):
    corpus = _corpus(tmp_path / "corpus", 40)
    args = [a.format(corpus=corpus) for a in command]
    process = subprocess.Popen(
        [*FRAMING, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    first = process.stdout.readline()  # what `head -1` reads before it exits
    process.stdout.close()
    err = process.stderr.read()
    process.wait(timeout=300)
    assert first.strip()
    assert "Broken pipe" not in err and "Traceback" not in err and "error" not in err
    assert process.returncode in (EXIT_OK, EXIT_BROKEN_PIPE)


def test_broken_pipe_exit_code_when_output_is_cut(tmp_path):
    corpus = _corpus(tmp_path / "corpus", 400)
    result = subprocess.run(
        f"{sys.executable} -m framing load {corpus} --format jsonl | head -1 > /dev/null;"
        " echo ${PIPESTATUS[0]}",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.stdout.strip() == str(EXIT_BROKEN_PIPE)
    assert result.stderr == ""


# -- row 27: progress over the analysis, per article ----------------------------------------------
def test_progress_bar_counts_articles_through_the_stages(tmp_path, capsys):
    corpus = _corpus(tmp_path / "corpus", 12)
    out = tmp_path / "a.json"
    code = main(["analyze", str(corpus), "-o", str(out), "--progress", "--batch-size", "5"])
    assert code == EXIT_OK
    err = capsys.readouterr().err
    assert "analyzing" in err
    for stage in ("sentences", "attributions", "loaded terms"):
        assert stage in err
    counts = [int(part.split("article")[0].split()[-1]) for part in err.split("analyzing:")[1:]]
    # it moves batch by batch (the last refresh may fall within tqdm's minimum interval)
    assert counts[0] == 0 and counts == sorted(counts) and {5, 10} <= set(counts)
    assert "loading" not in err  # one bar: articles through the analysis, not files read


def test_progress_is_off_with_quiet_and_when_stderr_is_no_terminal(tmp_path, capsys):
    corpus = _corpus(tmp_path / "corpus", 3)
    assert main(["analyze", str(corpus), "-o", str(tmp_path / "a.json"), "--quiet"]) == EXIT_OK
    assert capsys.readouterr().err == ""
    assert main(["analyze", str(corpus), "-o", str(tmp_path / "b.json")]) == EXIT_OK
    err = capsys.readouterr().err  # pytest's stderr is not a terminal
    assert "analyzing" not in err and "Loaded 3 article(s)" in err
