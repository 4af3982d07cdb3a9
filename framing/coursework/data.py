"""The coursework data shipped with framing: exercise texts, keys and a small corpus.

Everything lives in ``framing/resources/coursework`` (see its README for
provenance): one folder per exercise with its texts and ``key.json`` (the
answer key the check grades against), ``exercises.json`` (the index), the
constructed corpus ``corpus/lereth_march_2025.jsonl`` (36 articles by three
fictional outlets) and ``seed-source/neutral_source.txt``, a neutral retelling
of the CNN analysis that the shipped Kayhan International article cites.

Examples
--------
>>> [e.name for e in list_exercises()][:3]
['page-fields', 'own-or-attributed', 'lexicon-for-a-topic']
>>> exercise("the-agency").notebook
'ex03_who_is_speaking.ipynb'
>>> len(load_corpus())
36
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import invalid_parameter

__all__ = [
    "Exercise",
    "coursework_dir",
    "data_path",
    "exercise",
    "list_exercises",
    "load_corpus",
    "seed_source_path",
]


def coursework_dir() -> Path:
    """Folder of the shipped coursework data."""
    return Path(str(resources.files("framing.resources"))) / "coursework"


def data_path(*parts: str) -> Path:
    """Path of a shipped coursework file, e.g. ``data_path("the-agency", "article.txt")``."""
    path = coursework_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(
            f"{path}: no such coursework file; the folders are "
            f"{', '.join(sorted(p.name for p in coursework_dir().iterdir() if p.is_dir()))}."
        )
    return path


@dataclass(frozen=True)
class Exercise:
    """One graded exercise: its name, what it teaches, and its files.

    Attributes
    ----------
    name : str
        Used by :func:`framing.coursework.check`.
    title, topic, teaches : str
        Its title, the lesson (notebook 01-05) it belongs to, and what it teaches.
    notebook : str
        The student notebook in ``notebooks/exercises/`` holding it.
    minutes : int
        Time a student needs, roughly.
    files : tuple of str
        Its texts, relative to its folder.
    """

    name: str
    title: str
    topic: str
    teaches: str
    notebook: str
    minutes: int
    files: tuple[str, ...]

    def path(self, file: str | None = None) -> Path:
        """Folder of the exercise, or one of its files."""
        return data_path(self.name, file) if file else data_path(self.name)

    def read(self, file: str) -> str:
        """The text of one of its files."""
        return self.path(file).read_text("utf-8")

    @property
    def key(self) -> dict[str, Any]:
        """The answer key (what the check grades against)."""
        return _key(self.name)


@lru_cache(maxsize=1)
def _index() -> tuple[Exercise, ...]:
    raw = json.loads((coursework_dir() / "exercises.json").read_text("utf-8"))
    return tuple(
        Exercise(
            name=e["name"],
            title=e["title"],
            topic=e["topic"],
            teaches=e["teaches"],
            notebook=e["notebook"],
            minutes=int(e["minutes"]),
            files=tuple(e.get("files", ())),
        )
        for e in raw["exercises"]
    )


@cache
def _key(name: str) -> dict[str, Any]:
    path = coursework_dir() / name / "key.json"
    return json.loads(path.read_text("utf-8")) if path.is_file() else {}


def list_exercises() -> list[Exercise]:
    """Every graded exercise, in the order of the lessons."""
    return list(_index())


def exercise(name: str) -> Exercise:
    """One exercise by name (see :func:`list_exercises`)."""
    for item in _index():
        if item.name == name:
            return item
    raise invalid_parameter("name", name, [e.name for e in _index()])


def load_corpus() -> pd.DataFrame:
    """The constructed corpus as an article table (36 articles, three fictional outlets).

    Each outlet covers the same twelve fictional events in March and April
    2025: *Lereth State Agency* (a state news agency), *The Northern Voice*
    (a regional paper that often quotes the opposition leader) and *The
    Valley Post* (a private paper that quotes economists and analysts).
    """
    from ..loaders import load

    return load(data_path("corpus", "lereth_march_2025.jsonl"))


def seed_source_path() -> Path:
    """A neutral retelling of CNN's analysis, to compare the Kayhan article with."""
    return data_path("seed-source", "neutral_source.txt")
