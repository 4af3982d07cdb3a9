"""Write a comparison report to disk as HTML, Markdown (with charts beside it) or JSON.

Every file is written atomically (to a temporary file beside it, then
renamed), so a crash leaves the old file or none, never half a report. A
Markdown report and its charts are written into a temporary folder and moved
into place together, the report last.

Examples
--------
>>> import framing, tempfile, pathlib
>>> c = framing.compare("Troops left Iraq. Oil rose.", "Troops were deported from Iraq.")
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> [p.name for p in write_report(c, folder / "report.md")][-1]
'report.md'
>>> sorted(p.name for p in (folder / "report_charts").iterdir())[:2]
['alignment.svg', 'attributions.svg']
"""

from __future__ import annotations

from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from ..atomic import atomic_files, prepare_output, write_text
from ..errors import ParameterError, invalid_parameter

if TYPE_CHECKING:  # pragma: no cover
    from ..comparison import Comparison

__all__ = ["REPORT_FORMATS", "render_report", "write_report"]

REPORT_FORMATS = ("html", "md", "json")
_SUFFIXES = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".json": "json"}


def report_format(path: str | PathLike[str], format: str | None) -> str:
    """The report format: ``format`` if given, else from the file extension."""
    if format is not None:
        if format not in REPORT_FORMATS:
            raise invalid_parameter("format", format, REPORT_FORMATS)
        return format
    suffix = Path(path).suffix.lower()
    if suffix not in _SUFFIXES:
        raise ParameterError(
            f"cannot tell the report format of {str(path)!r} from its extension; name the file "
            f"*.html, *.md or *.json, or pass format= (one of {', '.join(REPORT_FORMATS)})."
        )
    return _SUFFIXES[suffix]


def render_report(comparison: Comparison, format: str = "html") -> str:
    """The report as text (Markdown without chart files; see :func:`write_report`)."""
    if format == "html":
        from .html import render_html

        return render_html(comparison)
    if format == "md":
        from .markdown import render_markdown

        return render_markdown(comparison)
    if format == "json":
        return comparison.to_json() + "\n"
    raise invalid_parameter("format", format, REPORT_FORMATS)


def write_report(
    comparison: Comparison, path: str | PathLike[str], format: str | None = None
) -> list[Path]:
    """Write the report of ``comparison`` to ``path``; return the files written.

    Parameters
    ----------
    comparison : Comparison
    path : path
        The report file. Markdown reports also write their charts as SVG
        files into a folder beside it (``<name>_charts/``).
    format : {"html", "md", "json"}, optional
        Default: from the extension of ``path``.
    """
    target = Path(path)
    kind = report_format(target, format)
    if kind != "md":
        return [write_text(target, render_report(comparison, kind))]
    from .figures import comparison_figures, figure_svg
    from .markdown import render_markdown

    prepare_output(target)  # names the user's path if it is a folder or unwritable
    charts = f"{target.stem}_charts"
    figures = comparison_figures(comparison)
    with atomic_files(target.parent, label=target.name) as tmp:
        (tmp / charts).mkdir()
        chart_files = {}
        for name, figure in figures.items():
            (tmp / charts / f"{name}.svg").write_text(figure_svg(figure), encoding="utf-8")
            chart_files[name] = f"{charts}/{name}.svg"
        (tmp / target.name).write_text(render_markdown(comparison, chart_files), encoding="utf-8")
    folder = target.with_name(charts)
    return [folder / f"{name}.svg" for name in figures] + [target]
