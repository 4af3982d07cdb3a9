"""Teaching pairs: constructed source/citing articles with gold framing devices.

Each pair lives in ``teaching_pairs/<name>/`` of the shipped examples
(``data/teaching_pairs`` in the repository) as ``source.txt``, ``citing.txt``
and ``gold.json``. The gold file lists every framing device the citing
article applies, each located by a verbatim snippet of the source and/or the
citing text, and the sentence links (``links``: pairs of snippets of a source
sentence and the citing sentence that retells it). See the folder's README
for the device list and the schema.

:func:`score_comparison` matches a :class:`~framing.Comparison` against the
gold: a device is *found* when a row of the table that reports it overlaps
its snippet (and, for substitutions and fidelity, has the right direction or
verdict); a reported row is *correct* when it overlaps any gold device of its
table (phrase additions and omissions inside an altered quotation count as
that quotation, and a credited claim ``altered`` by a swapped word counts as
that substitution). Precision therefore counts every reported row.

Examples
--------
>>> pair = load_teaching_pair("port-fees")
>>> pair.gold["split"], len(pair.gold["devices"])
('calibration', 9)
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..article import Article
from ..examples import examples_dir
from ..loaders import load_article

__all__ = [
    "DEVICES",
    "TeachingPair",
    "device_table",
    "list_teaching_pairs",
    "load_teaching_pair",
    "score_comparison",
    "score_links",
]

# device -> (table reporting it, which side locates it, required value)
DEVICES: dict[str, tuple[str, str, str | None]] = {
    "neutral_to_loaded": ("substitutions", "both", "neutral_to_loaded"),
    "loaded_to_neutral": ("substitutions", "both", "loaded_to_neutral"),
    "loaded_to_differently_loaded": ("substitutions", "both", "loaded_to_differently_loaded"),
    "actor_shift": ("substitutions", "both", "actor_shift"),
    "added_modifier": ("additions", "citing", None),
    "added_sentence": ("additions", "citing", None),
    "dropped_qualifier": ("omissions", "source", None),
    "dropped_caveat": ("omissions", "source", None),
    "dropped_sentence": ("omissions", "source", None),
    "altered_quote": ("fidelity", "citing", "altered"),
    "invented_quote": ("fidelity", "citing", "unsupported"),
    "misattribution": ("fidelity", "citing", "unsupported"),
    "reordering": ("moves", "citing", None),
}
TABLES: tuple[str, ...] = ("substitutions", "additions", "omissions", "fidelity", "moves")


@dataclass(frozen=True)
class TeachingPair:
    """One constructed pair: ``source``, ``citing`` and the ``gold`` dict."""

    name: str
    source: Article
    citing: Article
    gold: dict[str, Any]


def _root():
    return examples_dir() / "teaching_pairs"


def list_teaching_pairs(split: str | None = None) -> list[str]:
    """Names of the shipped teaching pairs, optionally of one split.

    Examples
    --------
    >>> "port-fees" in list_teaching_pairs("calibration")
    True
    """
    names = []
    for folder in sorted(p for p in _root().iterdir() if (p / "gold.json").is_file()):
        if split is None or json.loads((folder / "gold.json").read_text("utf-8"))["split"] == split:
            names.append(folder.name)
    return names


def load_teaching_pair(name: str) -> TeachingPair:
    """Load a teaching pair by name (see :func:`list_teaching_pairs`)."""
    folder = _root() / name
    if not (folder / "gold.json").is_file():
        raise FileNotFoundError(
            f"No teaching pair {name!r}; shipped pairs: {', '.join(list_teaching_pairs())}."
        )
    gold = json.loads((folder / "gold.json").read_text("utf-8"))
    source = load_article(folder / "source.txt")
    citing = load_article(folder / "citing.txt")
    for k, device in enumerate(gold["devices"]):
        if device["device"] not in DEVICES:
            raise ValueError(
                f"{folder / 'gold.json'}: device {k} has unknown type "
                f"{device['device']!r}; known: {', '.join(DEVICES)}."
            )
        for side, article in (("source", source), ("citing", citing)):
            count = article.text.count(device[side]) if device.get(side) else 1
            if count != 1:
                problem = "is not in" if not count else f"occurs {count} times in"
                raise ValueError(
                    f"{folder / 'gold.json'}: device {k} ({device['device']}): "
                    f"{side} snippet {device[side]!r} {problem} {side}.txt; quote "
                    "enough words to locate it once."
                )
    return TeachingPair(name, source, citing, gold)


def _span(text: str, snippet: str | None) -> tuple[int, int] | None:
    if not snippet:
        return None
    start = text.find(snippet)
    return (start, start + len(snippet)) if start >= 0 else None


def _overlaps(a: tuple[int, int] | None, start: object, end: object) -> bool:
    if a is None or pd.isna(start) or pd.isna(end):
        return False
    return int(start) < a[1] and int(end) > a[0]


def _reported_rows(comparison: Any) -> dict[str, pd.DataFrame]:
    fidelity = comparison.attribution_fidelity
    moves = comparison.alignment[comparison.alignment["moved"]]
    return {
        "substitutions": comparison.substitutions,
        "additions": comparison.additions,
        "omissions": comparison.omissions,
        "fidelity": fidelity[fidelity["verdict"].isin(["altered", "unsupported"])],
        "moves": moves,
    }


def _row_hits(
    table: str, row: Any, device: dict[str, Any], spans: dict[str, Any], strict: bool = True
) -> bool:
    """Does a reported row show this gold device? ``strict`` also checks direction/verdict."""
    name = device["device"]
    value = DEVICES[name][2] if strict else None
    src, cit = spans["source"], spans["citing"]
    if table == "substitutions":
        located = _overlaps(src, row.source_start, row.source_end) and _overlaps(
            cit, row.citing_start, row.citing_end
        )
        return located and (value is None or row.direction == value)
    if table == "fidelity":
        if DEVICES[name][0] == "substitutions":  # a claim altered by this swapped word
            return row.verdict == "altered" and _overlaps(cit, row.claim_start, row.claim_end)
        located = _overlaps(cit, row.claim_start, row.claim_end)
        if not located or value is None:
            return located
        return row.verdict == value and (name != "invented_quote" or bool(row.direct))
    if table == "moves":
        return _overlaps(cit, row.citing_start, row.citing_end)
    if table == "omissions":
        return _overlaps(src, row.start, row.end)
    return _overlaps(cit, row.start, row.end)  # additions


def score_comparison(comparison: Any, gold: dict[str, Any]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Match a comparison against a pair's gold devices.

    Returns
    -------
    devices : DataFrame
        One row per gold device: ``device, table, source, citing, found``.
    reported : DataFrame
        One row per reported finding in the device tables: ``table, text,
        correct`` (it overlaps a gold device of its table).
    """
    s_text, c_text = comparison.source.text, comparison.citing.text
    devices = []
    located = []
    for device in gold["devices"]:
        spans = {
            "source": _span(s_text, device.get("source")),
            "citing": _span(c_text, device.get("citing")),
        }
        located.append((device, spans))
    tables = _reported_rows(comparison)
    for device, spans in located:
        table = DEVICES[device["device"]][0]
        found = any(
            _row_hits(table, row, device, spans) for row in tables[table].itertuples(index=False)
        )
        devices.append(
            {
                "device": device["device"],
                "table": table,
                "source": device.get("source"),
                "citing": device.get("citing"),
                "found": found,
            }
        )
    reported = []
    for table, frame in tables.items():
        # the words an altered quotation adds or drops are that device, seen phrase by
        # phrase; a credited claim altered by a swapped word is that substitution
        same_table = [
            (d, s)
            for d, s in located
            if DEVICES[d["device"]][0] == table
            or (d["device"] == "altered_quote" and table in ("additions", "omissions"))
            or (DEVICES[d["device"]][0] == "substitutions" and table == "fidelity")
        ]
        for row in frame.itertuples(index=False):
            correct = any(_row_hits(table, row, d, s, strict=False) for d, s in same_table)
            reported.append({"table": table, "text": _row_text(table, row), "correct": correct})
    return (
        pd.DataFrame(devices, columns=["device", "table", "source", "citing", "found"]),
        pd.DataFrame(reported, columns=["table", "text", "correct"]),
    )


def _row_text(table: str, row: Any) -> str:
    if table == "substitutions":
        return f"{row.source_phrase} -> {row.citing_phrase} ({row.direction})"
    if table == "fidelity":
        return f"{row.verdict}: {row.claim}"
    if table == "moves":
        return str(row.citing_text)
    return f"{row.kind}: {row.text}"


def score_links(comparison: Any, gold: dict[str, Any]) -> tuple[int, int, int]:
    """True positive, predicted and gold counts of sentence links.

    Gold links are pairs of snippets, each inside one source and one citing
    sentence; predicted links are the alignment rows linking two sentences.
    """
    alignment = comparison.alignment

    def sentence_of(side: str, text: str, snippet: str) -> int | None:
        position = text.find(snippet)
        rows = alignment.dropna(subset=[f"{side}_index"])
        hit = rows[(rows[f"{side}_start"] <= position) & (rows[f"{side}_end"] > position)]
        return int(hit[f"{side}_index"].iloc[0]) if len(hit) and position >= 0 else None

    gold_links = {
        (
            sentence_of("source", comparison.source.text, s),
            sentence_of("citing", comparison.citing.text, c),
        )
        for s, c in gold.get("links", [])
    }
    linked = alignment.dropna(subset=["source_index", "citing_index"])
    predicted = {
        (int(i), int(j))
        for i, j in zip(linked["source_index"], linked["citing_index"], strict=True)
    }
    return len(gold_links & predicted), len(predicted), len(gold_links)


def device_table(results: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """Recall per device over several pairs' ``devices`` tables."""
    frame = pd.concat(list(results), ignore_index=True)
    grouped = frame.groupby("device")["found"]
    return pd.DataFrame(
        {"gold": grouped.size(), "found": grouped.sum().astype(int), "recall": grouped.mean()}
    ).reset_index()
