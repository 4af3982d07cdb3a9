"""Lesson 04 exercises: the substitutions of a retelling; whether credited claims are faithful.

Both checks take the shipped keys or any key in the format of
:func:`framing.coursework.exercise_template`, so a teacher can grade the same
exercise on a pair of their own.

Examples
--------
>>> fb = check_substitutions([("raise", "hike"), ("organisation", "organization")])
>>> [n.status for n in fb.notes]
['right', 'missing', 'missing', 'extra']
>>> fb = check_credits({3: "verbatim"})
>>> [n.status for n in fb.notes if n.item == "claim 3"]
['wrong']
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from os import PathLike
from pathlib import Path
from typing import Any

import pandas as pd

from ..comparison.gold import content_words, hits
from ._answers import is_blank, mentions_any, normalise, numbered, pair
from .data import exercise
from .feedback import Feedback, Note

__all__ = [
    "VERDICTS",
    "check_credits",
    "check_substitutions",
    "credits_from_comparison",
    "read_key",
]

VERDICTS = ("verbatim", "paraphrased", "altered", "unsupported")
_VERDICT_WORDS = {
    "paraphrase": "paraphrased",
    "reworded": "paraphrased",
    "changed": "altered",
    "distorted": "altered",
    "invented": "unsupported",
    "not supported": "unsupported",
    "fabricated": "unsupported",
    "exact": "verbatim",
}


def read_key(key: Any, default: str) -> tuple[dict[str, Any], dict[str, str]]:
    """A key (dict, JSON path or None for the shipped one) and its texts by side."""
    folder: Path | None = None
    if key is None:
        folder = exercise(default).path()
        key = exercise(default).key
    elif isinstance(key, (str, PathLike)):
        folder = Path(key).parent
        key = json.loads(Path(key).read_text("utf-8"))
    texts = {}
    for side in ("source", "citing"):
        entry = key.get(side) or {}
        if entry.get("text"):
            texts[side] = entry["text"]
        elif entry.get("file") and folder is not None:
            from ..loaders import load_article

            texts[side] = load_article(folder / entry["file"]).text
    return dict(key), texts


def _rows(answer: Any) -> list[tuple[str, str, str | None]]:
    if isinstance(answer, pd.DataFrame):
        direction = answer["direction"] if "direction" in answer else [None] * len(answer)
        return [
            (str(s), str(c), d if isinstance(d, str) else None)
            for s, c, d in zip(
                answer["source_phrase"], answer["citing_phrase"], direction, strict=True
            )
        ]
    rows = []
    for item in answer:
        if isinstance(item, Mapping):
            item = (item.get("source", ""), item.get("citing", ""), item.get("direction"))
        item = tuple(item)
        if len(item) < 2:
            raise TypeError(
                f"{item!r}: give (source words, citing words) or (source, citing, direction)"
            )
        rows.append((str(item[0] or ""), str(item[1] or ""), item[2] if len(item) > 2 else None))
    return rows


def _sentence_with(text: str, phrase: str) -> str:
    at = text.find(phrase)
    if at < 0:
        return ""
    start = max(text.rfind(".", 0, at), text.rfind("\n", 0, at)) + 1
    end = text.find(".", at)
    return text[start : end + 1 if end >= 0 else None].strip()


def _covers(row_side: str, snippet: str) -> bool:
    wanted = content_words(snippet)
    return bool(wanted) and len(wanted & content_words(row_side)) >= max(
        1, round(0.6 * len(wanted))
    )


def check_substitutions(answer: Any, *, key: Any = None) -> Feedback:
    """Check the word choices a citing article swapped (by hand or from ``framing.compare``).

    Parameters
    ----------
    answer : list or DataFrame
        ``(source words, citing words)`` pairs, optionally with a third item,
        the direction (``neutral_to_loaded``, ``loaded_to_neutral``, ...); or
        a table with ``source_phrase`` and ``citing_phrase`` columns, such as
        ``Comparison.substitutions``.
    key : dict or path, optional
        A key in the :func:`exercise_template` format (default: the shipped
        ``find-the-substitutions`` pair).
    """
    key, texts = read_key(key, "find-the-substitutions")
    name = key.get("name", "substitutions")
    if is_blank(answer):
        return Feedback(
            name, (Note("unanswered", "substitutions", "list (source words, citing words) pairs"),)
        )
    try:
        rows = _rows(answer)
    except (TypeError, KeyError) as exc:
        return Feedback(name, (Note("wrong", "answer", str(exc)),))
    subs = key["substitutions"]
    used: set[int] = set()
    notes = []
    for item in subs["key"]:
        label = f"{item['source']} -> {item['citing']}"
        hit = next(
            (
                i
                for i, (s, c, _) in enumerate(rows)
                if i not in used and hits(s, c, item["source"], item["citing"])
            ),
            None,
        )
        if hit is None:
            where = _sentence_with(texts.get("citing", ""), item["citing"])
            message = (
                f"one swapped word choice is in the citing sentence: '{where}'"
                if where
                else "a swapped word choice is missing"
            )
            notes.append(Note("missing", "a substitution", message))
            continue
        used.add(hit)
        direction = rows[hit][2]
        if direction and item.get("direction") and normalise(direction) != item["direction"]:
            notes.append(
                Note(
                    "wrong",
                    label,
                    f"right words, but the direction is {item['direction']}, not {direction}: "
                    f"{item['why']}",
                )
            )
        else:
            notes.append(Note("right", label, item["why"]))
    for i, (s, c, _) in enumerate(rows):
        if i in used:
            continue
        label = f"{s} -> {c}"
        accepted = next(
            (a for a in subs.get("acceptable", []) if hits(s, c, a["source"], a["citing"])), None
        )
        never = next(
            (a for a in subs.get("never", []) if hits(s, c, a["source"], a["citing"])), None
        )
        other = next(
            (
                a
                for a in subs.get("not_substitutions", [])
                if _covers(s if a["side"] == "source" else c, a["text"])
            ),
            None,
        )
        if s.strip() and normalise(s) == normalise(c):
            notes.append(Note("extra", label, "both sides are the same words: nothing was swapped"))
        elif accepted:
            notes.append(Note("hint", label, accepted["why"]))
        elif never:
            notes.append(Note("extra", label, never["why"]))
        elif other:
            notes.append(Note("extra", label, other["why"]))
        elif not s.strip() or not c.strip():
            notes.append(
                Note(
                    "extra",
                    label,
                    "a substitution has words on both sides; text only dropped or only added is "
                    "an omission or an addition",
                )
            )
        else:
            notes.append(
                Note(
                    "extra",
                    label,
                    "not in the key: the words changed, but does the frame? Argue it to your "
                    "teacher if you think so",
                )
            )
    return Feedback(name, tuple(notes))


def _verdict(value: Any) -> str | None:
    text = normalise(value)
    if text in VERDICTS:
        return text
    return next((v for w, v in _VERDICT_WORDS.items() if w in text), None)


def check_credits(answer: Any, *, key: Any = None) -> Feedback:
    """Check verdicts on the claims a citing article credits to its source.

    Parameters
    ----------
    answer : dict
        Claim number -> verdict (``verbatim``, ``paraphrased``, ``altered`` or
        ``unsupported``); for ``altered``, ``("altered", "the words that
        changed")``.
    key : dict or path, optional
        A key in the :func:`exercise_template` format (default: the shipped
        ``faithful-credit`` pair).
    """
    key, _ = read_key(key, "faithful-credit")
    name = key.get("name", "credits")
    try:
        given = numbered(answer)
    except TypeError as exc:
        return Feedback(name, (Note("wrong", "answer", str(exc)),))
    notes = []
    for number, entry in key["claims"].items():
        item = f"claim {number}"
        choice, reason = pair(given.get(number))
        if is_blank(choice):
            notes.append(
                Note(
                    "unanswered",
                    item,
                    f"verbatim, paraphrased, altered or unsupported? '{entry['claim']}'",
                )
            )
            continue
        verdict = _verdict(choice)
        if verdict is None:
            notes.append(
                Note(
                    "wrong", item, f"{choice!r} is not a verdict; use one of {', '.join(VERDICTS)}"
                )
            )
        elif verdict != entry["verdict"] and verdict not in entry.get("accept", []):
            why = entry.get("confusions", {}).get(verdict, entry.get("why", ""))
            notes.append(Note("wrong", item, f"not {verdict}: {why}"))
        elif verdict == "altered" and entry.get("changed"):
            if is_blank(reason):
                notes.append(
                    Note(
                        "missing",
                        item,
                        "right verdict; now name the words that changed (source and citing)",
                    )
                )
            elif mentions_any(reason, [normalise(c) for c in entry["changed"]]):
                notes.append(Note("right", item, entry["why"]))
            else:
                notes.append(
                    Note(
                        "wrong_reason",
                        item,
                        f"altered is right, but {reason!r} is not what changed: compare the claim "
                        "with the source again",
                    )
                )
        else:
            notes.append(Note("right", item, entry.get("why", "")))
    return Feedback(name, tuple(notes))


def credits_from_comparison(comparison: Any, *, key: Any = None) -> dict[str, str]:
    """The tool's verdict for each claim of a key, to check it as if it were an answer.

    Each claim of the key takes the verdict of the ``attribution_fidelity`` row
    whose claim overlaps it most (claims with no overlapping row are left out).
    """
    key, _ = read_key(key, "faithful-credit")
    fidelity = comparison.attribution_fidelity
    verdicts = {}
    for number, entry in key["claims"].items():
        wanted = content_words(entry["claim"])
        best, share = None, 0.0
        for claim, verdict in zip(fidelity["claim"], fidelity["verdict"], strict=True):
            overlap = len(wanted & content_words(claim)) / max(1, len(wanted))
            if overlap > share:
                best, share = verdict, overlap
        if best is not None and share >= 0.5:
            verdicts[number] = best
    return verdicts
