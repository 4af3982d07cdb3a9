"""The side-by-side reading view: aligned sentence pairs with their findings marked.

Each row of :func:`reading_rows` is one alignment row; each side is a list
of *segments* (plain text, or a marked span with a kind, an id, a link to
its counterpart and a tooltip). Templates escape every segment's text, so
the view can carry untrusted article text safely.

Marks, strongest first where they overlap: substitutions (linked to their
counterpart on the other side), phrase-level omissions (source) and
additions (citing), attribution cues and sources (citing), loaded terms.

Examples
--------
>>> segments(("Troops were deported.", 0), [(12, 20, "sub", "c-sub-0", "#s-sub-0", "x")])
[{'text': 'Troops were ', 'kind': None}, {'text': 'deported', 'kind': 'sub', 'id': 'c-sub-0', \
'href': '#s-sub-0', 'title': 'x'}, {'text': '.', 'kind': None}]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:  # pragma: no cover
    from ..comparison import Comparison

__all__ = ["reading_rows", "segments"]

Mark = tuple[int, int, str, str | None, str | None, str]  # start, end, kind, id, href, title
_PRIORITY = {"sub": 0, "omit": 1, "add": 1, "cue": 2, "who": 2, "loaded": 3}


def _int(value: object) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def segments(sentence: tuple[str, int], marks: list[Mark]) -> list[dict[str, Any]]:
    """Cut one sentence (text, start offset in its article) into plain and marked segments."""
    text, offset = sentence
    end_of_text = offset + len(text)
    taken: list[tuple[int, int]] = []
    chosen: list[Mark] = []
    for mark in sorted(marks, key=lambda m: (_PRIORITY.get(m[2], 9), m[0])):
        start, end = max(mark[0], offset), min(mark[1], end_of_text)
        if end <= start or any(start < b and a < end for a, b in taken):
            continue
        taken.append((start, end))
        chosen.append((start, end, *mark[2:]))
    out: list[dict[str, Any]] = []
    cursor = offset
    for start, end, kind, ident, href, title in sorted(chosen):
        if start > cursor:
            out.append({"text": text[cursor - offset : start - offset], "kind": None})
        out.append(
            {
                "text": text[start - offset : end - offset],
                "kind": kind,
                "id": ident,
                "href": href,
                "title": title,
            }
        )
        cursor = end
    if cursor < end_of_text:
        out.append({"text": text[cursor - offset :], "kind": None})
    return out


def _marks(c: Comparison) -> tuple[list[Mark], list[Mark]]:
    source: list[Mark] = []
    citing: list[Mark] = []
    for k, r in enumerate(c.substitutions.itertuples(index=False)):
        category = r.citing_category if isinstance(r.citing_category, str) else r.source_category
        title = f"{r.source_phrase} → {r.citing_phrase}: {r.direction.replace('_', ' ')}" + (
            f" ({category})" if isinstance(category, str) else ""
        )
        if _int(r.source_start) is not None:
            source.append(
                (int(r.source_start), int(r.source_end), "sub", f"s-sub-{k}", f"#c-sub-{k}", title)
            )
        if _int(r.citing_start) is not None:
            citing.append(
                (int(r.citing_start), int(r.citing_end), "sub", f"c-sub-{k}", f"#s-sub-{k}", title)
            )
    for k, r in enumerate(c.omissions.itertuples(index=False)):
        if r.level == "phrase":
            source.append(
                (
                    int(r.start),
                    int(r.end),
                    "omit",
                    f"om-{k}",
                    None,
                    f"dropped in the citing article: {r.kind.replace('_', ' ')}",
                )
            )
    for k, r in enumerate(c.additions.itertuples(index=False)):
        if r.level == "phrase":
            citing.append(
                (
                    int(r.start),
                    int(r.end),
                    "add",
                    f"ad-{k}",
                    None,
                    f"added by the citing article: {r.kind.replace('_', ' ')}",
                )
            )
    for r in c.attributions.itertuples(index=False) if len(c.attributions) else ():
        cue_class = getattr(r, "cue_class", "")
        start, end = _int(getattr(r, "cue_start", None)), _int(getattr(r, "cue_end", None))
        # a floating quote (pattern "floating") has no cue: nothing to mark
        has_cue = isinstance(r.cue, str) and bool(r.cue)
        if start is not None and end is not None and end > start and has_cue:
            citing.append(
                (start, end, "cue", None, None, f"cue “{r.cue}” ({cue_class}) for {r.source}")
            )
        if _int(r.source_start) is not None:
            citing.append(
                (int(r.source_start), int(r.source_end), "who", None, None, f"source: {r.source}")
            )
    for r in c.loaded_terms.itertuples(index=False) if len(c.loaded_terms) else ():
        neutral = r.neutral if isinstance(getattr(r, "neutral", None), str) else ""
        title = f"loaded term ({r.category})" + (f"; neutral: {neutral}" if neutral else "")
        (source if r.side == "source" else citing).append(
            (int(r.start), int(r.end), "loaded", None, None, title)
        )
    return source, citing


def _source_row_of(alignment: pd.DataFrame, offset: object) -> int | None:
    if offset is None or pd.isna(offset):
        return None
    rows = alignment.dropna(subset=["source_start"])
    hit = rows[(rows["source_start"] <= offset) & (rows["source_end"] > offset)]
    return None if hit.empty else int(hit["source_index"].iloc[0])


def reading_rows(comparison: Comparison) -> list[dict[str, Any]]:
    """One dict per alignment row: relation, similarity, both sides' segments, badges."""
    c = comparison
    source_marks, citing_marks = _marks(c)
    badges: dict[int, list[dict[str, Any]]] = {}
    for k, r in enumerate(c.attribution_fidelity.itertuples(index=False)):
        target = _source_row_of(c.alignment, r.passage_start)
        badges.setdefault(int(r.citing_sentence), []).append(
            {
                "verdict": r.verdict,
                "text": f"{'quote' if r.direct else 'claim'} credited to {r.source}: {r.verdict}",
                "href": f"#s-row-{target}" if target is not None else None,
                "id": f"fid-{k}",
                "title": f"{r.claim} (similarity {float(r.similarity):.2f})",
            }
        )
    rows = []
    seen_source: set[int] = set()
    seen_citing: set[int] = set()
    for r in c.alignment.itertuples(index=False):
        i, j = _int(r.source_index), _int(r.citing_index)
        row: dict[str, Any] = {
            "relation": r.relation,
            "similarity": float(r.similarity),
            "moved": bool(r.moved),
            "source": None,
            "citing": None,
            "source_id": None,
            "citing_id": None,
            "badges": [],
        }
        if i is not None:
            sentence = (r.source_text, int(r.source_start))
            if i in seen_source:
                row["source"] = [{"text": r.source_text, "kind": "repeat"}]
            else:
                row["source"] = segments(sentence, source_marks)
                row["source_id"] = f"s-row-{i}"
                seen_source.add(i)
            row["source_index"] = i
        if j is not None:
            sentence = (r.citing_text, int(r.citing_start))
            if j in seen_citing:
                row["citing"] = [{"text": r.citing_text, "kind": "repeat"}]
            else:
                row["citing"] = segments(sentence, citing_marks)
                row["citing_id"] = f"c-row-{j}"
                row["badges"] = badges.get(j, [])
                seen_citing.add(j)
            row["citing_index"] = j
        rows.append(row)
    return rows
