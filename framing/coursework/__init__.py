"""Coursework: graded exercises with specific feedback, their data, and exercise templates.

A leaf of the package: it uses the stages (loaders, features, comparison)
and no stage imports it. The lessons are the notebooks in ``notebooks/``;
the exercises are in ``notebooks/exercises/`` and their data ships with
framing (``framing/resources/coursework``), so everything works offline.

Every check returns a :class:`Feedback`: one note per item saying what is
right, missing, wrong, or right for the wrong reason, and why; it prints as
text and shows as a list in Jupyter. ``check(name, answer)`` runs the check of
any exercise by name.

Examples
--------
>>> from framing import coursework
>>> [e.name for e in coursework.list_exercises()][-1]
'bootstrap-an-interval'
>>> feedback = coursework.check("find-the-substitutions", [("raise", "hike")])
>>> feedback.passed, feedback.score
(False, 0.33)
>>> print(feedback.notes[0])
✓ raise -> hike: 'hike' is the loaded form of 'raise': it suggests a sudden, excessive rise.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import invalid_parameter
from .corpus import (
    bootstrap_interval,
    check_bootstrap_interval,
    check_false_finding,
    check_keyness_reading,
)
from .data import (
    Exercise,
    coursework_dir,
    data_path,
    exercise,
    list_exercises,
    load_corpus,
    seed_source_path,
)
from .feedback import Feedback, Note
from .language import check_lexicon, check_loaded_words
from .reading import check_page_fields
from .retelling import check_credits, check_substitutions, credits_from_comparison
from .speakers import check_agency_mentions, check_source_chains
from .template import exercise_template, validate_key, write_exercise_template

__all__ = [
    "CHECKS",
    "Exercise",
    "Feedback",
    "Note",
    "bootstrap_interval",
    "check",
    "check_agency_mentions",
    "check_bootstrap_interval",
    "check_credits",
    "check_false_finding",
    "check_keyness_reading",
    "check_lexicon",
    "check_loaded_words",
    "check_page_fields",
    "check_source_chains",
    "check_substitutions",
    "coursework_dir",
    "credits_from_comparison",
    "data_path",
    "exercise",
    "exercise_template",
    "list_exercises",
    "load_corpus",
    "seed_source_path",
    "validate_key",
    "write_exercise_template",
]

# exercise name -> its check
CHECKS: dict[str, Callable[..., Feedback]] = {
    "page-fields": check_page_fields,
    "own-or-attributed": check_loaded_words,
    "lexicon-for-a-topic": check_lexicon,
    "the-agency": check_agency_mentions,
    "who-said-it": check_source_chains,
    "find-the-substitutions": check_substitutions,
    "faithful-credit": check_credits,
    "read-a-keyness-ranking": check_keyness_reading,
    "spot-the-false-finding": check_false_finding,
    "bootstrap-an-interval": check_bootstrap_interval,
}


def check(name: str, answer: Any, **kwargs: Any) -> Feedback:
    """Check an answer to the exercise ``name`` (see :func:`list_exercises`)."""
    if name not in CHECKS:
        raise invalid_parameter("name", name, CHECKS)
    return CHECKS[name](answer, **kwargs)
