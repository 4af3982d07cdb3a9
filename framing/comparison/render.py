"""The terminal summary of a :class:`~framing.Comparison`, and Markdown escaping.

The HTML and Markdown reports are built by the report stage
(:mod:`framing.report`); :func:`escape_markdown` is the escaping they use:
article text is untrusted, so a heading, link, table break or ``<script>``
in an article is shown as text.

Examples
--------
>>> import framing
>>> result = framing.compare(
...     framing.load_article(text="The troops were withdrawn.", outlet="Reuters"),
...     framing.load_article(text="The troops were deported, Reuters said."))
>>> [line for line in comparison_text(result).splitlines() if "->" in line]
["  'withdrawn' -> 'deported'  neutral_to_loaded [expulsion]"]
"""

from __future__ import annotations

import html
import re
from typing import Any

__all__ = ["comparison_text", "escape_markdown"]

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
