"""Markdown comparison reports (Jinja2; every value escaped unless marked as markup).

The template environment escapes each ``{{ value }}`` with
:func:`~framing.comparison.render.escape_markdown` (HTML entities for ``<``,
``>`` and ``&``; backslashes before Markdown syntax), so article text cannot
open a link, a heading, a table cell or raw HTML. Bare URLs and ``www.``
addresses are defused too (their ``:`` or ``.`` written as an HTML entity),
so GitHub and other renderers that turn them into links ("autolinks") show
them as text. Only values the code
wraps in :class:`markupsafe.Markup` (chart file names it made itself) pass
unchanged.

Examples
--------
>>> import framing
>>> c = framing.compare("Troops left Iraq.", "Troops left Iraq. [x](javascript:alert(1))")
>>> text = render_markdown(c)
>>> "\\\\[x\\\\](javascript" in text
True
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from ..comparison.render import escape_markdown
from .figures import CHART_TITLES
from .html import _cell, comparison_tables
from .reading import reading_rows
from .story import article_label, main_shifts

if TYPE_CHECKING:  # pragma: no cover
    from ..comparison import Comparison

__all__ = ["defuse_autolinks", "render_markdown"]


# What GitHub-flavoured Markdown turns into a link without any syntax: a URL
# scheme followed by ":" or "www." (GFM spec, "Autolinks (extension)").
_AUTOLINK_SCHEME = re.compile(r"(?i)\b(https?|ftp|mailto|xmpp):")
_AUTOLINK_WWW = re.compile(r"(?i)\b(www)\.")


def defuse_autolinks(text: str) -> str:
    """Stop Markdown renderers from linking bare URLs: ``https&#58;//``, ``www&#46;``.

    The entities render as the same characters, as text.

    Examples
    --------
    >>> defuse_autolinks("see https://evil.example and www.evil.example")
    'see https&#58;//evil.example and www&#46;evil.example'
    """
    return _AUTOLINK_WWW.sub(r"\1&#46;", _AUTOLINK_SCHEME.sub(r"\1&#58;", text))


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup):
        return str(value)
    return defuse_autolinks(escape_markdown(value))


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("framing.report", "templates"),
        autoescape=False,
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _plain(segments: list[dict[str, Any]] | None) -> str:
    return "".join(s["text"] for s in segments) if segments else ""


def render_markdown(comparison: Comparison, chart_files: dict[str, str] | None = None) -> str:
    """The Markdown report; ``chart_files`` maps chart names to relative file paths."""
    c = comparison
    charts = [
        {"title": CHART_TITLES[name], "path": Markup(quote(path))}
        for name, path in (chart_files or {}).items()
    ]
    rows = [
        {
            "relation": row["relation"] + (" (moved)" if row["moved"] else ""),
            "similarity": f"{row['similarity']:.2f}",
            "source": _plain(row["source"]),
            "citing": _plain(row["citing"]),
        }
        for row in reading_rows(c)
    ]
    context = {
        "source_label": article_label(c.source, "source"),
        "citing_label": article_label(c.citing, "citing"),
        "source_url": c.source.url,
        "citing_url": c.citing.url,
        "shifts": main_shifts(c),
        "charts": charts,
        "rows": rows,
        "tables": comparison_tables(c),
        "summary": [
            (m, _cell(float(v), m))
            for m, v in zip(c.summary["metric"], c.summary["value"], strict=True)
        ],
    }
    return _environment().get_template("report.md.j2").render(context)
