"""Write a comparison report to disk as HTML, Markdown (with charts beside it) or JSON.

Every file is written atomically (to a temporary file beside it, then
renamed), so a crash leaves the old file or none, never half a report.

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

from ..errors import invalid_parameter
from ..io import write_text

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
        raise ValueError(
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

    folder = target.with_name(f"{target.stem}_charts")
    written = []
    chart_files = {}
    for name, figure in comparison_figures(comparison).items():
        written.append(write_text(folder / f"{name}.svg", figure_svg(figure)))
        chart_files[name] = f"{folder.name}/{name}.svg"
    written.append(write_text(target, render_markdown(comparison, chart_files)))
    return written
