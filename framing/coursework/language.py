"""Lesson 02 exercises: loaded words and whose voice they are in; a lexicon for a new topic.

Examples
--------
>>> fb = check_loaded_words({"own": ["reckless"], "attributed": ["admitted"]})
>>> [(n.status, n.item) for n in fb.notes][:2]
[('wrong', 'admitted'), ('right', 'reckless')]
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Mapping
from os import PathLike
from pathlib import Path
from typing import Any

import pandas as pd

from ._answers import contains_words, is_blank, normalise, words
from .data import exercise
from .feedback import Feedback, Note

__all__ = ["check_lexicon", "check_loaded_words"]

VOICES = ("own", "attributed")


def _items(value: Any) -> list[str]:
    if is_blank(value):
        return []
    if isinstance(value, str):
        return [v for v in (p.strip() for p in value.replace(";", ",").split(",")) if v]
    return [str(v) for v in value if not is_blank(v)]


def check_loaded_words(
    answer: Mapping[str, Any], *, key: Mapping[str, Any] | None = None
) -> Feedback:
    """Check the loaded words of ``own-or-attributed/article.txt``, by voice.

    Parameters
    ----------
    answer : dict
        ``{"own": [...], "attributed": [...]}``: the loaded words (or short
        phrases) in the outlet's own voice and inside what it attributes.
    """
    key = key or exercise("own-or-attributed").key
    if not isinstance(answer, Mapping) or not any(v in answer for v in VOICES):
        return Feedback(
            "own-or-attributed",
            (Note("wrong", "answer", 'give {"own": [...], "attributed": [...]}'),),
        )
    given = {voice: _items(answer.get(voice)) for voice in VOICES}
    if not given["own"] and not given["attributed"]:
        return Feedback(
            "own-or-attributed",
            (
                Note(
                    "unanswered",
                    "answer",
                    "list the loaded words you find under 'own' and 'attributed'",
                ),
            ),
        )
    text = exercise("own-or-attributed").read("article.txt")
    used: set[tuple[str, int]] = set()
    notes = []
    for voice in VOICES:
        for term, why in key[voice].items():
            hits = [
                (v, i)
                for v in VOICES
                for i, item in enumerate(given[v])
                if contains_words(item, term)
            ]
            used.update(hits)
            if any(v == voice for v, _ in hits):
                notes.append(Note("right", term, why))
            elif hits:
                notes.append(
                    Note("wrong", term, f"listed as {hits[0][0]}, but it is {voice}: {why}")
                )
            else:
                notes.append(Note("missing", term, f"a loaded word in the {voice} voice: {why}"))
    for voice in VOICES:
        for i, item in enumerate(given[voice]):
            if (voice, i) in used:
                continue
            optional = next(
                (
                    w
                    for t, w in key["optional"].items()
                    # the phrase, or a part of it of two words or more
                    if contains_words(item, t) or (len(words(item)) > 1 and contains_words(t, item))
                ),
                None,
            )
            not_loaded = next(
                (w for t, w in key["not_loaded"].items() if contains_words(item, t)), None
            )
            if optional:
                notes.append(Note("hint", item, optional))
            elif not contains_words(text, item):
                notes.append(
                    Note("extra", item, "not in the article; copy the words as they are written")
                )
            elif not_loaded:
                notes.append(Note("extra", item, f"not loaded: {not_loaded}"))
            else:
                notes.append(
                    Note(
                        "extra",
                        item,
                        "not a loaded word: it describes without judging. Would a neutral "
                        "reporter choose another word here?",
                    )
                )
    return Feedback("own-or-attributed", tuple(notes))


def _lexicon_file(answer: Any, folder: Path) -> Path:
    if isinstance(answer, pd.DataFrame):
        path = folder / "lexicon.csv"
        answer.to_csv(path, index=False)
        return path
    if isinstance(answer, (str, PathLike)) and "\n" not in str(answer) and Path(answer).is_file():
        return Path(answer)
    path = folder / "lexicon.csv"
    path.write_text(str(answer).strip() + "\n", encoding="utf-8")
    return path


def _spans(matcher: Any, path: Path) -> pd.DataFrame:
    from ..loaders import load_article

    return matcher.find(load_article(path))


def check_lexicon(answer: Any, *, key: Mapping[str, Any] | None = None) -> Feedback:
    """Check a lexicon written for the topic of ``lexicon-for-a-topic``.

    The lexicon must be valid, give every entry a neutral counterpart that is
    not itself loaded, find every target in ``loaded.txt`` and nothing in
    ``neutral.txt`` (the same events told without loaded words).

    Parameters
    ----------
    answer : str, path or DataFrame
        The CSV text (``term,category,neutral`` at least), a CSV file or a table.
    """
    from ..features import LoadedTermMatcher
    from ..features.lexicon import Lexicon, validate_lexicon

    key = key or exercise("lexicon-for-a-topic").key
    header_only = (
        isinstance(answer, str) and len(answer.strip().splitlines()) == 1 and "," in answer
    )
    if is_blank(answer) or header_only:
        return Feedback(
            "lexicon-for-a-topic",
            (Note("unanswered", "lexicon", "write the CSV text: term,category,neutral"),),
        )
    notes: list[Note] = []
    with tempfile.TemporaryDirectory() as folder:
        path = _lexicon_file(answer, Path(folder))
        problems = validate_lexicon(path)
        errors = [p for p in problems if not p.message.startswith("unknown column")]
        notes.extend(Note("hint", f"line {p.line}", p.message) for p in problems if p not in errors)
        if errors:
            notes.extend(Note("wrong", f"line {p.line}", p.message) for p in errors)
            return Feedback("lexicon-for-a-topic", tuple(notes))
        lexicon = Lexicon.from_csv(path, name="student")
    entries = lexicon.entries
    if entries.empty:
        return Feedback(
            "lexicon-for-a-topic",
            (*notes, Note("unanswered", "lexicon", "no entries yet: write one line per term")),
        )
    if "neutral" not in entries:
        return Feedback(
            "lexicon-for-a-topic",
            (*notes, Note("wrong", "lexicon", "no entries: write one line per term")),
        )
    matcher = LoadedTermMatcher([lexicon])
    loaded_path = exercise("lexicon-for-a-topic").path("loaded.txt")
    neutral_path = exercise("lexicon-for-a-topic").path("neutral.txt")
    from ..loaders import load_article

    loaded_text = load_article(loaded_path).text
    found = _spans(matcher, loaded_path)
    false = _spans(matcher, neutral_path)
    neutral_text = load_article(neutral_path).text
    noisy_terms = set(false["term"].str.casefold()) if len(false) else set()
    for target, why in key["targets"].items():
        match = re.search(rf"\b{re.escape(target)}\b", loaded_text, re.IGNORECASE)
        rows = found.iloc[0:0]
        if match:
            rows = found[(found["start"] < match.end()) & (found["end"] > match.start())]
        if rows.empty:
            notes.append(
                Note("missing", target, f"your lexicon does not find it in loaded.txt: {why}")
            )
        elif set(rows["term"].str.casefold()) & noisy_terms:
            notes.append(
                Note(
                    "wrong_reason",
                    target,
                    f"found by {rows['term'].iloc[0]!r}, an entry that also matches the neutral "
                    f"article: {why}",
                )
            )
        else:
            notes.append(Note("right", target, f"found by {rows['term'].iloc[0]!r}"))
    for row in false.itertuples(index=False):
        context = neutral_text[max(0, row.start - 30) : row.end + 30].replace("\n", " ")
        notes.append(
            Note(
                "extra",
                f"{row.term} in neutral.txt",
                f"matches '...{context}...': the neutral article uses it, so it names the thing "
                "rather than framing it; make the entry more specific or drop it",
            )
        )
    others = LoadedTermMatcher()  # the default lexicons
    loaded_words = {w.casefold() for w in key.get("loaded_counterparts", [])}
    for row in entries.itertuples(index=False):
        neutral = row.neutral if isinstance(row.neutral, str) else ""
        if not neutral.strip():
            notes.append(
                Note(
                    "missing",
                    f"neutral of {row.term!r}",
                    "every entry needs a neutral counterpart: the word a reporter avoiding the "
                    "frame would use",
                )
            )
        elif len(matcher.find([neutral])):
            notes.append(
                Note(
                    "wrong",
                    f"neutral of {row.term!r}",
                    f"{neutral!r} is itself an entry of your lexicon: either that entry is too "
                    "broad or this counterpart is not neutral",
                )
            )
        elif normalise(neutral) in loaded_words or len(others.find([neutral])):
            notes.append(
                Note(
                    "wrong",
                    f"neutral of {row.term!r}",
                    f"{neutral!r} is itself loaded; choose a plain word",
                )
            )
    if not any(n.status in {"missing", "wrong", "extra", "wrong_reason"} for n in notes):
        notes.append(
            Note(
                "right",
                "lexicon",
                f"valid, {len(entries)} entries, each with a neutral counterpart; nothing matched "
                "in the neutral article",
            )
        )
    return Feedback("lexicon-for-a-topic", tuple(notes))
