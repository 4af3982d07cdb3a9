"""The corpus report: one self-contained HTML file (or JSON) from a CorpusDescription.

Like the comparison report: CSS inline, charts as SVG data URIs in
``<img>`` elements, no script, the same Content-Security-Policy (nothing is
fetched, nothing runs), every text autoescaped. Tables sort without script:
each sortable table carries one body per sort order and radio buttons in
its header choose which body shows (CSS ``:checked``), so a table of ``r``
rows and ``c`` columns costs ``r x c`` rows of HTML; tables are cut to
``MAX_ROWS`` rows (the JSON output has every row). The report of the whole
AllSides corpus (37,554 articles) is well under a few MB.

Examples
--------
>>> import framing
>>> from framing.corpus.describe import describe_corpus
>>> result = framing.analyze([
...     framing.load_article(text="<b>Officials</b> said the regime crushed it.", outlet="reuters"),
...     framing.load_article(text="The government met them, officials said.", outlet="cnn")])
>>> page = describe_corpus(result, by="outlet", n_boot=20, min_count=1).to_html()
>>> "<script" in page, "&lt;b&gt;" in page or "<b>Officials" not in page
(False, True)
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from .corpus_charts import group_measures, keyness_scatter, measure_over_time
from .figures import _STYLE, figure_data_uri
from .html import CSP, template_environment

if TYPE_CHECKING:  # pragma: no cover
    from ..corpus.describe import CorpusDescription

__all__ = ["MAX_ROWS", "corpus_json", "render_corpus_html", "sortable_table"]

# Rows of a sortable table in the HTML (the JSON output has all of them).
MAX_ROWS = 60
_MEASURE_HEADERS = (
    ("loaded_per_1000_words", "loaded / 1k words", False),
    ("loaded_per_1000_own", "own voice", False),
    ("loaded_per_1000_attributed", "attributed voice", False),
    ("attributed_share", "words attributed", True),
    ("direct_quote_share", "direct quotes", True),
    ("loaded_cue_share", "loaded cues", True),
    ("mean_compound", "sentiment", False),
)


def _cell(value: Any, low: Any = None, high: Any = None, percent: bool = False) -> str:
    from ..corpus.text import interval

    if isinstance(value, (float, np.floating)):
        if low is None:
            return "-" if not np.isfinite(value) else f"{value:.3g}"
        return interval(
            float(value), float(low), float(high), digits=2 if not percent else 1, percent=percent
        )
    return str(value)


def sortable_table(
    frame: pd.DataFrame,
    columns: list[tuple[str, str, str]],
    table_id: str,
    *,
    sort: str | None = None,
) -> dict[str, Any]:
    """A table for the template: header, and one body per sort order.

    ``columns`` are ``(key, header, kind)`` with kind ``text``, ``number``,
    ``interval`` (value with ``_low``/``_high`` columns) or ``percent``
    (an interval shown in per cent). The first body is sorted by ``sort``
    (descending) or left in order.
    """
    frame = frame.head(MAX_ROWS * 20).reset_index(drop=True)
    cells = []
    for row in frame.itertuples(index=False):
        record = (
            row._asdict() if hasattr(row, "_asdict") else dict(zip(frame.columns, row, strict=True))
        )
        line = []
        for key, _, kind in columns:
            value = record.get(key)
            if kind in ("interval", "percent"):
                line.append(
                    _cell(
                        value,
                        record.get(f"{key}_low"),
                        record.get(f"{key}_high"),
                        percent=kind == "percent",
                    )
                )
            elif kind == "number":
                line.append(
                    f"{value:,.0f}" if isinstance(value, (int, np.integer)) else _cell(value)
                )
            else:
                line.append("" if value is None else str(value))
        cells.append(line)
    orders = []
    for key, _, kind in columns:
        values = frame[key]
        if kind == "text":
            order = np.argsort(values.astype(str).str.casefold().to_numpy(), kind="stable")
        else:
            numbers = pd.to_numeric(values, errors="coerce").to_numpy(dtype=float)
            order = np.lexsort((np.arange(len(numbers)), -np.nan_to_num(numbers, nan=-np.inf)))
        orders.append([cells[i] for i in order[:MAX_ROWS]])
    first = [c[0] for c in columns].index(sort) if sort in [c[0] for c in columns] else None
    default = orders[first] if first is not None else cells[:MAX_ROWS]
    return {
        "id": table_id,
        "headers": [header for _, header, _ in columns],
        "default": default,
        "orders": orders,
        "rows": len(frame),
        "shown": min(len(frame), MAX_ROWS),
    }


def _figure(width: float, height: float) -> Figure:
    return Figure(figsize=(width, height), layout="constrained")


def _chart(draw: Any, width: float, height: float, **kwargs: Any) -> str:
    with matplotlib.rc_context(_STYLE):
        figure = _figure(width, height)
        draw(ax=figure.subplots(), **kwargs)
        return figure_data_uri(figure)


def _labels(table: pd.DataFrame, names: list[str]) -> pd.Series:
    if not names:
        return pd.Series(["(all)"] * len(table), index=table.index)
    return table[names].astype(str).agg(" / ".join, axis=1)


def _measure_columns() -> list[tuple[str, str, str]]:
    return [(k, h, "percent" if pct else "interval") for k, h, pct in _MEASURE_HEADERS]


def _context(d: CorpusDescription) -> dict[str, Any]:
    names = list(d.by)
    table = d.summary.table.assign(group=_labels(d.summary.table, names))
    summary_table = sortable_table(
        table,
        [
            ("group", " / ".join(names) or "group", "text"),
            ("articles", "articles", "number"),
            ("words", "words", "number"),
            *_measure_columns(),
        ],
        "summary",
        sort="loaded_per_1000_words",
    )
    charts = []
    height = 1.2 + 0.28 * min(len(table), MAX_ROWS)
    for measure in ("loaded_per_1000_words", "loaded_per_1000_own", "loaded_per_1000_attributed"):
        shown = table.sort_values("articles", ascending=False, kind="stable").head(MAX_ROWS)
        charts.append(_chart(group_measures, 7.5, height, data=shown, y=measure))
    tests = d.summary.tests
    tests_table = None
    if not tests.empty:
        main = tests[
            tests["measure"].isin(
                [k for k, _, _ in _MEASURE_HEADERS[:3]]
                + ["attributed_share", "direct_quote_share", "loaded_cue_share"]
            )
        ]
        tests_table = sortable_table(
            main.assign(pair=main["group"] + " vs " + main["versus"]),
            [
                ("measure", "measure", "text"),
                ("pair", "comparison", "text"),
                ("value", "value", "number"),
                ("value_versus", "versus", "number"),
                ("difference", "difference", "number"),
                ("p_adjusted", "p (Holm)", "number"),
                ("effect", "P(higher)", "number"),
            ],
            "tests",
        )
    topics = None
    if d.topics is not None and not d.topics.table.empty:
        topic = d.topics.by[-1]
        t = d.topics.table.assign(group=_labels(d.topics.table, names))
        topics = sortable_table(
            t,
            [
                (topic, topic, "text"),
                ("group", " / ".join(names), "text"),
                ("articles", "articles", "number"),
                *_measure_columns()[:3],
            ],
            "topics",
            sort="loaded_per_1000_words",
        )
    time_chart = None
    if d.over_time is not None and not d.over_time.table.empty:
        t = d.over_time.table.assign(group=_labels(d.over_time.table, names))
        biggest = set(table.sort_values("articles", ascending=False).head(6)["group"])
        time_chart = _chart(
            measure_over_time,
            7.5,
            3.6,
            data=t[t["group"].isin(biggest)],
            x=d.period,
            y="loaded_per_1000_words",
            hue="group",
        )
    scatters = []
    for group in d.scatter["group"].drop_duplicates().tolist()[:6]:
        rows = d.scatter[d.scatter["group"] == group]
        versus = rows["versus"].iat[0]
        scatters.append(_chart(keyness_scatter, 7.5, 6.0, data=rows, group=group, versus=versus))
    keyness_tables = []
    for (group, versus), rows in d.keyness.groupby(["group", "versus"], sort=False):
        keyness_tables.append(
            {
                "title": f"{group} vs {versus}",
                "table": sortable_table(
                    rows.assign(category=rows["category"].fillna("")),
                    [
                        ("term", "term", "text"),
                        ("z", "z", "number"),
                        ("count", "count", "number"),
                        ("count_versus", f"count in {versus}", "number"),
                        ("per_1000", "per 1k words", "number"),
                        ("per_1000_versus", "per 1k words versus", "number"),
                        ("category", "lexicon category", "text"),
                    ],
                    f"key-{len(keyness_tables)}",
                ),
            }
        )
    speakers = d.summary.speakers.assign(group=_labels(d.summary.speakers, names))
    speaker_table = sortable_table(
        speakers,
        [
            ("group", " / ".join(names), "text"),
            ("speaker", "speaker", "text"),
            ("kind", "kind", "text"),
            ("attributions", "attributions", "number"),
            ("articles", "articles", "number"),
            ("share", "share of attributions", "percent"),
            ("direct_share", "direct", "number"),
            ("top_cues", "cue verbs", "text"),
        ],
        "speakers",
    )
    verbs = d.summary.verbs.assign(group=_labels(d.summary.verbs, names))
    verb_table = sortable_table(
        verbs.assign(loaded=verbs["loaded"].map({True: "loaded", False: ""})),
        [
            ("group", " / ".join(names), "text"),
            ("cue", "cue", "text"),
            ("attributions", "attributions", "number"),
            ("share", "share", "percent"),
            ("loaded", "class", "text"),
        ],
        "verbs",
    )
    extra = []
    for name, value in d.extra.items():
        if isinstance(value, pd.DataFrame) and not value.empty:
            columns = [
                (
                    c,
                    c.replace("_", " "),
                    "number" if pd.api.types.is_numeric_dtype(value[c]) else "text",
                )
                for c in value.columns[:10]
            ]
            extra.append({"title": name, "table": sortable_table(value, columns, f"x-{name}")})
        elif isinstance(value, str) and value.startswith("data:image/svg+xml;base64,"):
            extra.append({"title": name, "image": value})
    return {
        "csp": CSP,
        "title": d.title,
        "by": " / ".join(names) or "(all)",
        "articles": d.articles,
        "groups": len(table),
        "ci": round(100 * d.summary.ci),
        "test": tests["test"].iat[0] if not tests.empty else None,
        "summary": summary_table,
        "charts": charts,
        "tests": tests_table,
        "topics": topics,
        "topic_name": d.topics.by[-1] if d.topics is not None else None,
        "time_chart": time_chart,
        "period": d.period,
        "scatters": scatters,
        "keyness": keyness_tables,
        "speakers": speaker_table,
        "verbs": verb_table,
        "extra": extra,
        "max_orders": max(
            [
                len(t["orders"])
                for t in [summary_table, speaker_table, verb_table]
                + [k["table"] for k in keyness_tables]
            ]
            + [8]
        ),
    }


def render_corpus_html(description: CorpusDescription) -> str:
    """The corpus report as one HTML page (no script, no request outside the file)."""
    template = template_environment().get_template("corpus.html.j2")
    return template.render(**_context(description))


def corpus_json(description: CorpusDescription) -> str:
    """Every table of the description as JSON records."""
    from ..io import to_records

    d = description
    tables: dict[str, Any] = {
        "by": list(d.by),
        "articles": d.articles,
        "summary": to_records(d.summary.table),
        "tests": to_records(d.summary.tests),
        "speakers": to_records(d.summary.speakers),
        "verbs": to_records(d.summary.verbs),
        "topics": to_records(d.topics.table) if d.topics is not None else [],
        "over_time": to_records(d.over_time.table) if d.over_time is not None else [],
        "period": d.period,
        "keyness": to_records(d.keyness),
    }
    for name, value in d.extra.items():
        if isinstance(value, pd.DataFrame):
            tables[name] = to_records(value)
    return json.dumps(tables, ensure_ascii=False, indent=1, default=str)
