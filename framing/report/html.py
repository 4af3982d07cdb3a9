"""Self-contained HTML comparison reports (Jinja2, autoescaped).

The report is one file: CSS inline, charts embedded as SVG data URIs in
``<img>`` elements, no script, and a Content-Security-Policy that forbids
scripts and every request outside the file. All article text passes
through Jinja2's autoescaping; links are only made of ``http(s)`` URLs.

Examples
--------
>>> import framing
>>> c = framing.compare("Troops left Iraq. Oil rose.", "<script>alert(1)</script> Troops left.")
>>> page = render_html(c)
>>> "<script>" in page, "alert(1)&lt;/script" in page
(False, True)
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import jinja2
import pandas as pd

from .figures import CHART_TITLES, comparison_figures, figure_data_uri
from .reading import reading_rows
from .story import article_label, main_shifts, outlet_name

if TYPE_CHECKING:  # pragma: no cover
    from ..article import Article
    from ..comparison import Comparison

__all__ = [
    "analysis_summary_html",
    "comparison_summary_html",
    "render_html",
    "template_environment",
]

# no script at all, no request outside the file: images only from data: URIs
CSP = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
    "base-uri 'none'; form-action 'none'"
)
# the substitutions and the rewordings (replacements below the relevance threshold)
# share their columns; the headline table's offsets point into the two titles
_REPLACEMENT_COLUMNS = [
    "source_phrase",
    "citing_phrase",
    "direction",
    "kind",
    "relevance",
    "source_category",
    "citing_category",
    "source_loadedness",
    "citing_loadedness",
    "source_start",
    "source_end",
    "citing_start",
    "citing_end",
]
TABLES = {
    "substitutions": _REPLACEMENT_COLUMNS,
    "rewordings": _REPLACEMENT_COLUMNS,
    "headline": [
        "change",
        "source_phrase",
        "citing_phrase",
        "kind",
        "relevance",
        "source_start",
        "source_end",
        "citing_start",
        "citing_end",
    ],
    "omissions": ["level", "kind", "text", "loaded", "source_index", "start", "end"],
    "additions": ["level", "kind", "text", "loaded", "citing_index", "start", "end"],
    "attribution_fidelity": [
        "verdict",
        "credit",
        "source",
        "cue",
        "direct",
        "claim",
        "passage",
        "similarity",
        "claim_start",
        "claim_end",
        "passage_start",
        "passage_end",
    ],
    "alignment": [
        "source_index",
        "citing_index",
        "relation",
        "similarity",
        "moved",
        "order_shift",
        "source_start",
        "source_end",
        "citing_start",
        "citing_end",
    ],
    "attributions": [
        "source",
        "source_as_written",
        "cue",
        "cue_class",
        "direct",
        "to_source_outlet",
        "start",
        "end",
    ],
    "loaded_terms": ["side", "voice", "text", "category", "neutral", "start", "end"],
}


TABLE_NOTES = {
    "substitutions": "Replaced words reported as framing changes (relevance at or above the "
    "threshold), most relevant first; kind says why a change may matter.",
    "rewordings": "The other replaced words of the aligned sentences (below the relevance "
    "threshold): plain rewording, shown for completeness.",
    "headline": "The citing headline against the source headline; offsets are character "
    "positions in the two titles, not in the body text.",
    "attribution_fidelity": "credit: explicit (a cue names who said it) or implicit (an "
    "aligned sentence of an article that credits the source outlet).",
}


def template_environment() -> jinja2.Environment:
    """The Jinja2 environment of the report templates (HTML autoescaped)."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("framing.report", "templates"),
        autoescape=jinja2.select_autoescape(["html", "htm", "j2"], default=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _safe_url(url: object) -> str | None:
    if not isinstance(url, str):
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def _article_header(article: Article, role: str) -> dict[str, Any]:
    return {
        "role": role,
        "outlet": outlet_name(article, f"unknown {role} outlet"),
        "title": article.title or "(untitled)",
        "date": article.published.strftime("%d %B %Y") if article.published is not None else None,
        "byline": article.byline,
        "url": _safe_url(article.url),
        "url_text": article.url if isinstance(article.url, str) else None,
        "path": article.source_path,
    }


# Columns and summary metrics that hold fractions or scores, shown with three
# decimals; every other number is a count or an offset, shown as an integer.
_FRACTION_MARKERS = (
    "similarity",
    "loadedness",
    "shift",
    "share",
    "coverage",
    "per_1000",
    "mean",
    "compound",
    "ratio",
    "weight",
    "relevance",
)


def _is_fraction(name: str) -> bool:
    return any(marker in name for marker in _FRACTION_MARKERS)


def _cell(value: object, name: str = "") -> str:
    """A table cell as text: counts and offsets as integers, fractions with 3 decimals.

    Examples
    --------
    >>> _cell(12.0, "source_words"), _cell(0.5, "coverage"), _cell(1.0, "similarity")
    ('12', '0.500', '1.000')
    """
    if value is None:
        return ""
    if isinstance(value, (list, tuple, dict)):
        return str(value)
    if pd.isna(value):
        return ""
    if isinstance(value, float):
        if value.is_integer() and not _is_fraction(name):
            return str(int(value))
        return f"{value:.3f}"
    return str(value)


def _table(frame: pd.DataFrame | None, columns: list[str]) -> dict[str, Any]:
    if frame is None:
        frame = pd.DataFrame(columns=columns)
    columns = [c for c in columns if c in frame.columns]
    return {
        "columns": columns,
        "rows": [
            [_cell(v, c) for v, c in zip(row, columns, strict=True)]
            for row in frame[columns].itertuples(index=False)
        ],
    }


def comparison_tables(comparison: Comparison) -> dict[str, dict[str, Any]]:
    """Every table of the report (:data:`TABLES`), as columns and rows of text and a
    note; a table the comparison does not have (an older pickle) is shown empty."""
    tables = {}
    for name, columns in TABLES.items():
        frame = getattr(comparison, name, None)
        if name in ("substitutions", "rewordings") and frame is not None and len(frame):
            frame = frame.sort_values("relevance", ascending=False, kind="stable")
        tables[name] = {**_table(frame, columns), "note": TABLE_NOTES.get(name, "")}
    return tables


def _version() -> str:
    try:
        return version("framing")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "dev"


def report_context(comparison: Comparison, *, charts: bool = True) -> dict[str, Any]:
    """Everything the templates need, as plain values (no markup)."""
    c = comparison
    figures = comparison_figures(c) if charts else {}
    return {
        "title": f"{outlet_name(c.citing, 'Citing article')} retelling "
        f"{outlet_name(c.source, 'its source')}",
        "source": _article_header(c.source, "source"),
        "citing": _article_header(c.citing, "citing"),
        "source_label": article_label(c.source, "source"),
        "citing_label": article_label(c.citing, "citing"),
        "shifts": main_shifts(c),
        "charts": [
            {"name": name, "title": CHART_TITLES[name], "uri": figure_data_uri(figure)}
            for name, figure in figures.items()
        ],
        "rows": reading_rows(c),
        "tables": comparison_tables(c),
        "summary": [
            (m, _cell(float(v), m))
            for m, v in zip(c.summary["metric"], c.summary["value"], strict=True)
        ],
        "csp": CSP,
        "version": _version(),
    }


def render_html(comparison: Comparison) -> str:
    """The full, self-contained HTML report of a comparison."""
    return template_environment().get_template("report.html.j2").render(report_context(comparison))


def comparison_summary_html(comparison: Comparison) -> str:
    """A compact HTML summary with the key charts (what Jupyter shows for a Comparison)."""
    c = comparison
    figures = comparison_figures(c, names=["alignment", "substitutions"])
    context = {
        "source_label": article_label(c.source, "source"),
        "citing_label": article_label(c.citing, "citing"),
        "shifts": main_shifts(c),
        "charts": [
            {"name": name, "title": CHART_TITLES[name], "uri": figure_data_uri(figure)}
            for name, figure in figures.items()
        ],
    }
    return template_environment().get_template("summary.html.j2").render(context)


def analysis_summary_html(analysis: Any) -> str:
    """A compact HTML summary of an :class:`~framing.Analysis` (what Jupyter shows)."""
    import matplotlib

    from .figures import _STYLE, _figure

    figures = {}
    with matplotlib.rc_context(_STYLE):
        n = max(analysis.loaded_terms["category"].nunique(), 1) if len(analysis.loaded_terms) else 1
        figure = _figure(6.5, 1.5 + 0.4 * n)
        analysis.plot_loaded_terms(ax=figure.subplots())
        figures["loaded terms per 1,000 words by category"] = figure
        figure = _figure(6.5, 1.6 + 0.35 * analysis.articles["outlet"].nunique())
        analysis.plot_voice(ax=figure.subplots())
        figures["own and attributed voice"] = figure
    columns = [
        "outlet",
        "words",
        "loaded_per_1000_words",
        "loaded_per_1000_own",
        "loaded_per_1000_attributed",
        "attributions",
        "direct_quotes",
        "loaded_cues",
    ]
    summary = analysis.summary.head(20)
    context = {
        "n_articles": len(analysis.articles),
        "table": _table(summary, columns),
        "shown": len(summary),
        "charts": [{"title": t, "uri": figure_data_uri(f)} for t, f in figures.items()],
    }
    return template_environment().get_template("analysis.html.j2").render(context)
