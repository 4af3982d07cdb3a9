"""Lesson 01 exercise: read the fields of a saved page as a careful researcher would.

Examples
--------
>>> fb = check_page_fields({"published": "2025-04-03"})
>>> [n.status for n in fb.notes if n.item == "published"]
['wrong']
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from ._answers import is_blank, normalise, same_text
from .data import exercise
from .feedback import Feedback, Note

__all__ = ["FIELDS", "check_page_fields"]

FIELDS = ("title", "outlet", "published", "byline", "dateline", "first_sentence", "last_sentence")


def _as_date(value: Any) -> str | None:
    try:
        stamp = pd.Timestamp(str(value) if not hasattr(value, "year") else value)
    except (ValueError, TypeError):
        return None
    return None if pd.isna(stamp) else stamp.strftime("%Y-%m-%d")


def _field_note(name: str, value: Any, entry: Mapping[str, Any]) -> Note:
    if is_blank(value):
        return Note("unanswered", name, entry["hint"])
    if name == "published":
        given = _as_date(value)
        if given is None:
            return Note("wrong", name, f"{value!r} is not a date; {entry['hint']}")
        value = given
    right = [entry["answer"], *entry.get("accept", [])]
    traps = entry.get("traps", {})
    # exact (normalised) matches first, so that a near-miss trap never hides a right answer
    if any(normalise(value) == normalise(ok) for ok in right):
        return Note("right", name, entry["why"])
    for trap, why in traps.items():
        if normalise(value) == normalise(trap):
            return Note("wrong", name, why)
    if name != "published":  # a date one day off is a different date
        for trap, why in traps.items():
            if same_text(value, trap):
                return Note("wrong", name, why)
        if any(same_text(value, ok) for ok in right):
            return Note("right", name, entry["why"])
    return Note("wrong", name, f"not {value!r}: {entry['hint']}")


def _line_index(value: Any, lines: list[str]) -> int | None:
    if isinstance(value, int) and 0 <= value < len(lines):
        return value
    text = normalise(value)
    for i, line in enumerate(lines):
        if text and (same_text(value, line) or normalise(line).startswith(text)):
            return i
    return None


def _furniture_notes(value: Any, key: Mapping[str, Any]) -> list[Note]:
    lines = key["candidate_lines"]
    furniture = {int(k): v for k, v in key["furniture"].items()}
    body = {int(k): v for k, v in key["body"].items()}
    if is_blank(value):
        return [
            Note(
                "unanswered",
                "furniture",
                "list the numbers of the candidate lines that are not body text",
            )
        ]
    chosen: set[int] = set()
    notes = []
    for item in value if isinstance(value, (list, tuple, set)) else [value]:
        index = _line_index(item, lines)
        if index is None:
            notes.append(
                Note(
                    "wrong",
                    f"furniture {item!r}",
                    "not one of the candidate lines; give their numbers (0-7)",
                )
            )
        else:
            chosen.add(index)
    for index in sorted(furniture | body):
        label = f"line {index} ({lines[index][:40]}...)"
        if index in furniture:
            notes.append(
                Note("right", label, f"furniture: {furniture[index]}")
                if index in chosen
                else Note("missing", label, f"is furniture too: {furniture[index]}")
            )
        elif index in chosen:
            notes.append(Note("wrong", label, f"is body text: {body[index]}"))
    return notes


def check_page_fields(
    answer: Mapping[str, Any], *, key: Mapping[str, Any] | None = None
) -> Feedback:
    """Check the fields read from ``page-fields/page.html``.

    Parameters
    ----------
    answer : dict
        ``title, outlet, published (YYYY-MM-DD), byline, dateline,
        first_sentence, last_sentence`` and ``furniture`` (the numbers of the
        exercise's candidate lines that are not body text).
    key : dict, optional
        Another key in the same format (default: the shipped one).
    """
    key = key or exercise("page-fields").key
    if not isinstance(answer, Mapping):
        return Feedback(
            "page-fields",
            (
                Note(
                    "wrong",
                    "answer",
                    "give a dict with the keys " + ", ".join([*FIELDS, "furniture"]),
                ),
            ),
        )
    notes = [_field_note(name, answer.get(name), key["fields"][name]) for name in FIELDS]
    notes.extend(_furniture_notes(answer.get("furniture"), key))
    unknown = sorted(set(answer) - {*FIELDS, "furniture"})
    if unknown:
        notes.append(Note("hint", ", ".join(map(str, unknown)), "not asked for; left ungraded"))
    return Feedback("page-fields", tuple(notes))
