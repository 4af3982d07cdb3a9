"""Reports are written atomically, in the format the file name asks for."""

from __future__ import annotations

import pytest

from framing.report import write as write_module
from framing.report.write import report_format, write_report


def test_format_comes_from_the_extension_or_the_argument(tmp_path):
    assert report_format(tmp_path / "a.HTML", None) == "html"
    assert report_format(tmp_path / "a.txt", "md") == "md"
    with pytest.raises(ValueError, match=r"name the file \*\.html, \*\.md or \*\.json"):
        report_format(tmp_path / "a.txt", None)
    with pytest.raises(ValueError, match="format='pdf' is not allowed"):
        report_format(tmp_path / "a.html", "pdf")


def test_a_crash_leaves_the_old_report_and_no_temporary_file(
    border_comparison, tmp_path, monkeypatch
):
    target = tmp_path / "report.html"
    target.write_text("old report", encoding="utf-8")

    def crash(comparison, format):
        raise RuntimeError("disk full")

    monkeypatch.setattr(write_module, "render_report", crash)
    with pytest.raises(RuntimeError, match="disk full"):
        write_report(border_comparison, target)
    assert target.read_text("utf-8") == "old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_markdown_writes_its_charts_beside_it(border_comparison, tmp_path):
    written = write_report(border_comparison, tmp_path / "out" / "report.md")
    names = [p.relative_to(tmp_path / "out").as_posix() for p in written]
    assert names[-1] == "report.md" and len(names) == 7  # charts first, the report last
    assert names[0] == "report_charts/alignment.svg"
    text = (tmp_path / "out" / "report.md").read_text("utf-8")
    assert "![Word choices the citing article swapped](report_charts/substitutions.svg)" in text
    mode = (tmp_path / "out" / "report.md").stat().st_mode & 0o777
    assert mode & 0o044  # readable by others, like any file open() makes (umask 022)
