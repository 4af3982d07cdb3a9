"""Plain-text and Markdown renderings of a :class:`~framing.Comparison`.

Article text is untrusted: Markdown output escapes HTML and Markdown
syntax in every piece of article text, so a heading, link, table break or
``<script>`` in an article is shown as text.

Examples
--------
>>> import framing
>>> result = framing.compare(
...     framing.load_article(text="The troops were withdrawn.", outlet="Reuters"),
...     framing.load_article(text="The troops were <b>deported</b>, Reuters said."))
>>> "&lt;b&gt;" in comparison_markdown(result)
True
"""

from __future__ import annotations

import html
import re
from typing import Any

__all__ = ["comparison_markdown", "comparison_text", "escape_markdown"]

# Characters with Markdown meaning anywhere in a line ("<" and ">" become entities).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")


def escape_markdown(text: object) -> str:
    """Article text made inert in Markdown: HTML escaped, syntax characters backslashed.

    Examples
    --------
    >>> print(escape_markdown("# [click](javascript:alert(1)) <script> | x_y"))
    \\# \\[click\\](javascript:alert(1)) &lt;script&gt; \\| x\\_y
    """
    if text is None or (isinstance(text, float) and text != text):
        return ""
    flat = " ".join(str(text).split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(flat, quote=False))


def _metrics(result: Any) -> dict[str, float]:
    return dict(zip(result.summary["metric"], result.summary["value"], strict=True))


def _label(article: Any) -> str:
    date = article.published.date().isoformat() if article.published is not None else "undated"
    return f"{article.outlet or 'unknown outlet'}, {date}: {article.title or '(untitled)'}"


def comparison_text(result: Any) -> str:
    """A terminal summary: headline figures, then every finding with its offsets."""
    m = _metrics(result)
    lines = [
        f"source: {_label(result.source)}",
        f"citing: {_label(result.citing)}",
        f"coverage {m['coverage']:.0%} of {int(m['source_sentences'])} source sentences; "
        f"{m['citing_share_attributed_to_source']:.0%} of the citing text attributed to the source",
        f"loaded terms per 1,000 words: source {m['loaded_per_1000_source']:.1f}, citing "
        f"{m['loaded_per_1000_citing']:.1f} "
        f"(own voice {m['loaded_per_1000_citing_own_voice']:.1f}, "
        f"attributed {m['loaded_per_1000_citing_attributed']:.1f})",
        "sentences: "
        + ", ".join(
            f"{int(m['relation_' + r])} {r}"
            for r in ("verbatim", "reworded", "merged", "split", "added", "omitted")
        ),
        "",
        f"substitutions ({len(result.substitutions)}):",
    ]
    for row in result.substitutions.itertuples(index=False):
        category = (
            row.citing_category if isinstance(row.citing_category, str) else row.source_category
        )
        lines.append(
            f"  {row.source_phrase!r} -> {row.citing_phrase!r}  {row.direction}"
            + (f" [{category}]" if isinstance(category, str) else "")
        )
    for name in ("omissions", "additions"):
        table = getattr(result, name)
        lines.append(f"{name} ({len(table)}):")
        for row in table.itertuples(index=False):
            text = row.text if len(row.text) <= 90 else row.text[:87] + "..."
            lines.append(f"  {row.level:8} {row.kind:15} {text!r}")
    fidelity = result.attribution_fidelity
    lines.append(f"attributions checked against the source ({len(fidelity)}):")
    for row in fidelity.itertuples(index=False):
        claim = row.claim if len(row.claim) <= 70 else row.claim[:67] + "..."
        quote = "quote" if row.direct else "claim"
        lines.append(
            f"  {row.verdict:12} {quote} by {row.source} ({row.similarity:.2f}): {claim!r}"
        )
    return "\n".join(lines) + "\n"


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return "" if value != value else f"{value:.2f}"
    return escape_markdown(value)


def _md_table(rows: list[list[Any]], header: list[str]) -> list[str]:
    if not rows:
        return ["_none_", ""]
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        out.append("| " + " | ".join(_cell(v) for v in row) + " |")
    return [*out, ""]


def comparison_markdown(result: Any) -> str:
    """A Markdown report carrying every finding (article text escaped)."""
    m = _metrics(result)
    lines = [
        "# Comparison report",
        "",
        f"- **Source:** {escape_markdown(_label(result.source))}",
        f"- **Citing:** {escape_markdown(_label(result.citing))}",
        f"- Coverage: {m['coverage']:.0%} of {int(m['source_sentences'])} source sentences; "
        f"{m['citing_share_attributed_to_source']:.0%} of the citing text is attributed to the "
        "source.",
        f"- Loaded terms per 1,000 words: source {m['loaded_per_1000_source']:.1f}; citing "
        f"{m['loaded_per_1000_citing']:.1f} "
        f"(own voice {m['loaded_per_1000_citing_own_voice']:.1f}, "
        f"attributed voice {m['loaded_per_1000_citing_attributed']:.1f}).",
        "",
        "## Substitutions",
        "",
    ]
    subs = result.substitutions
    lines += _md_table(
        [
            [
                r.source_phrase,
                r.citing_phrase,
                r.direction,
                r.citing_category if isinstance(r.citing_category, str) else r.source_category,
                f"{r.citing_start}-{r.citing_end}",
            ]
            for r in subs.itertuples(index=False)
        ],
        ["source", "citing", "direction", "category", "citing offsets"],
    )
    for name in ("omissions", "additions"):
        lines += [f"## {name.capitalize()}", ""]
        lines += _md_table(
            [
                [r.level, r.kind, r.text, f"{r.start}-{r.end}"]
                for r in getattr(result, name).itertuples(index=False)
            ],
            ["level", "kind", "text", "offsets"],
        )
    lines += ["## Attribution fidelity", ""]
    lines += _md_table(
        [
            [
                r.verdict,
                r.source,
                "quote" if r.direct else "claim",
                r.claim,
                r.passage,
                float(r.similarity),
            ]
            for r in result.attribution_fidelity.itertuples(index=False)
        ],
        ["verdict", "source", "kind", "claim", "best source passage", "similarity"],
    )
    lines += ["## Alignment", ""]
    lines += _md_table(
        [
            [
                r.source_index,
                r.citing_index,
                r.relation,
                float(r.similarity),
                r.source_text,
                r.citing_text,
            ]
            for r in result.alignment.itertuples(index=False)
        ],
        ["source #", "citing #", "relation", "similarity", "source", "citing"],
    )
    lines += ["## Summary", ""]
    lines += _md_table([[k, float(v)] for k, v in m.items()], ["metric", "value"])
    return "\n".join(lines)
