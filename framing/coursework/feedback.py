"""Feedback on a student's answer: one note per item, never only pass or fail.

A :class:`Feedback` lists what the answer got right, what is missing, what
is wrong, and what is right for the wrong reason, each note naming the item
and saying why. It prints as plain text, shows as an escaped HTML list in
Jupyter, and turns into a table with :meth:`Feedback.to_frame`.

Examples
--------
>>> fb = Feedback("demo", (Note("right", "raise -> hike", "a neutral verb made loaded"),
...                        Note("missing", "said -> claimed", "the cue verb changed too")))
>>> fb.passed, fb.score
(False, 0.5)
>>> print(fb)
demo: 1 of 2 right (score 0.50)
  ✓ raise -> hike: a neutral verb made loaded
  ✗ missing: said -> claimed: the cue verb changed too
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import pandas as pd

__all__ = ["STATUSES", "Feedback", "Note"]

# status -> (mark printed before the note, does the item count as right?)
STATUSES: dict[str, tuple[str, bool | None]] = {
    "right": ("✓", True),
    "missing": ("✗ missing:", False),
    "wrong": ("✗ wrong:", False),
    "extra": ("✗ not expected:", False),
    "wrong_reason": ("~ right for the wrong reason:", False),
    "unanswered": ("? not answered yet:", False),
    "hint": ("→", None),  # advice that is neither right nor wrong
}


@dataclass(frozen=True)
class Note:
    """One finding about one item of an answer.

    Parameters
    ----------
    status : str
        One of :data:`STATUSES`.
    item : str
        The item the note is about (a field, a word pair, a mention).
    message : str
        What is right or wrong about it, and why.
    """

    status: str
    item: str
    message: str = ""

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"status={self.status!r} is not one of {', '.join(STATUSES)}")

    def __str__(self) -> str:
        mark = STATUSES[self.status][0]
        return f"{mark} {self.item}: {self.message}" if self.message else f"{mark} {self.item}"


@dataclass(frozen=True)
class Feedback:
    """Feedback of one exercise check.

    Attributes
    ----------
    exercise : str
        The exercise's name.
    notes : tuple of Note
        One note per item, in the order the check looked at them.
    score : float
        Share of graded items that are right (0-1); hints are not graded.
    passed : bool
        Every graded item right and nothing unexpected.
    """

    exercise: str
    notes: tuple[Note, ...] = field(default_factory=tuple)

    @property
    def graded(self) -> list[Note]:
        return [n for n in self.notes if STATUSES[n.status][1] is not None]

    @property
    def right(self) -> int:
        return sum(1 for n in self.graded if STATUSES[n.status][1])

    @property
    def score(self) -> float:
        graded = self.graded
        return round(self.right / len(graded), 2) if graded else 0.0

    @property
    def passed(self) -> bool:
        graded = self.graded
        return bool(graded) and all(STATUSES[n.status][1] for n in graded)

    def problems(self) -> list[Note]:
        """The notes that are not right (missing, wrong, extra, ...)."""
        return [n for n in self.graded if not STATUSES[n.status][1]]

    def to_frame(self) -> pd.DataFrame:
        """The notes as a table: ``status, item, message``."""
        return pd.DataFrame(
            [(n.status, n.item, n.message) for n in self.notes],
            columns=["status", "item", "message"],
        )

    def headline(self) -> str:
        graded = self.graded
        if graded and all(n.status == "unanswered" for n in graded):
            return f"{self.exercise}: not answered yet"
        verdict = "all right" if self.passed else f"{self.right} of {len(graded)} right"
        return f"{self.exercise}: {verdict} (score {self.score:.2f})"

    def __str__(self) -> str:
        return "\n".join([self.headline(), *(f"  {n}" for n in self.notes)])

    def __repr__(self) -> str:
        return f"<Feedback {self.headline()}; print() it for every note>"

    def _repr_html_(self) -> str:
        colour = {True: "#117733", False: "#AA3377", None: "#555555"}
        items = "".join(
            f'<li style="color:{colour[STATUSES[n.status][1]]}">'
            f"{html.escape(STATUSES[n.status][0])} <b>{html.escape(n.item)}</b>"
            f"{': ' + html.escape(n.message) if n.message else ''}</li>"
            for n in self.notes
        )
        return f"<div><p><b>{html.escape(self.headline())}</b></p><ul>{items}</ul></div>"
