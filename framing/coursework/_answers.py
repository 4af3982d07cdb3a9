"""Reading students' answers: blanks, text normalisation, names and numbered answers."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

# Two strings whose normalised forms are at least this similar (difflib ratio) are the
# same answer: allows a dropped full stop or a typo in a copied sentence, never a
# different sentence (set by hand on the sentences of the page-fields exercise, whose
# closest pair of distinct sentences scores 0.55).
SAME_TEXT = 0.9

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
# words of an answer that say "the one named last" rather than give a clue
NEAREST_WORDS = ("nearest", "last", "latest", "closest", "most recent", "previous", "before it")


def is_blank(value: Any) -> bool:
    """An answer not filled in yet: None, ``...``, an empty string or container."""
    if value is None or value is Ellipsis:
        return True
    if isinstance(value, str):
        return not value.strip() or value.strip() in {"...", "?", "TODO"}
    if isinstance(value, pd.DataFrame):
        return value.empty
    if isinstance(value, (list, tuple, set, dict)):
        return len(value) == 0
    return False


def normalise(text: Any) -> str:
    """Casefolded text with plain quotes and dashes, single spaces, no outer punctuation.

    >>> normalise("  “Fares  rise,” she said. ")
    '"fares rise," she said'
    """
    text = unicodedata.normalize("NFKC", str(text)).translate(_QUOTES).casefold()
    return re.sub(r"\s+", " ", text).strip(" .;:!?")


def same_text(a: Any, b: Any) -> bool:
    """The same answer, allowing small copying slips (see :data:`SAME_TEXT`)."""
    x, y = normalise(a), normalise(b)
    return x == y or difflib.SequenceMatcher(None, x, y).ratio() >= SAME_TEXT


def words(text: Any) -> list[str]:
    """Lower-cased words (letters, digits, inner hyphens and apostrophes)."""
    return re.findall(r"[a-z0-9]+(?:['-][a-z0-9]+)*", normalise(text))


def contains_words(haystack: Any, needle: Any) -> bool:
    """Does ``haystack`` contain ``needle`` as whole words?

    >>> contains_words("a shameful betrayal", "betrayal"), contains_words("betrayals", "betrayal")
    (True, False)
    """
    h, n = words(haystack), words(needle)
    return bool(n) and any(h[i : i + len(n)] == n for i in range(len(h) - len(n) + 1))


def mentions_any(text: Any, stems: Iterable[str]) -> bool:
    """Does ``text`` contain a word starting with one of ``stems`` (or the phrase)?"""
    norm = normalise(text)
    found = words(text)
    return any((" " in s and s in norm) or any(w.startswith(s) for w in found) for s in stems)


def numbered(answer: Any, name: str = "answer") -> dict[str, Any]:
    """An answer keyed by number (``{1: ..., "2": ...}`` or a list) with string keys."""
    if isinstance(answer, Mapping):
        return {str(k).strip(): v for k, v in answer.items()}
    if isinstance(answer, (list, tuple)):
        return {str(i): v for i, v in enumerate(answer, start=1)}
    raise TypeError(
        f"{name} should be a dict such as {{1: ..., 2: ...}}, not {type(answer).__name__}"
    )


def pair(value: Any) -> tuple[Any, str]:
    """``(choice, reason)`` from ``"choice"``, ``("choice", "reason")`` or a dict."""
    if isinstance(value, Mapping):
        choice = value.get("answer", value.get("verdict", value.get("referent")))
        return choice, str(value.get("reason", value.get("why", "")) or "")
    if isinstance(value, (list, tuple)):
        if not value:
            return None, ""
        return value[0], " ".join(str(v) for v in value[1:] if not is_blank(v))
    return value, ""


def match_name(value: Any, names: Mapping[str, Mapping[str, Any]]) -> str | None:
    """The key of ``names`` whose name or alias ``value`` is (normalised, without "the").

    >>> match_name("the LSA", {"LSA": {"name": "Lereth State Agency", "aliases": ["lsa"]}})
    'LSA'
    """
    text = re.sub(r"^the ", "", normalise(value))
    for key, entry in names.items():
        options = [key, entry.get("name", ""), *entry.get("aliases", [])]
        if any(text == re.sub(r"^the ", "", normalise(o)) for o in options if o):
            return key
    return None
