"""Word lists of the attribution rules, read from ``resources/attribution_words.txt``.

The rules of :mod:`framing.features.attributions` need closed lists of words
(pronouns, title words, head nouns of documents, time words...). They live
in one data file, a section per rule family, so that adding a word is a
one-line change with its provenance in the file, not a branch in code.

Examples
--------
>>> "spokesman" in words("title_words")
True
>>> sorted(words("relative_pronouns"))
['which', 'who']
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

__all__ = ["word_lists", "words"]


@lru_cache(maxsize=1)
def word_lists() -> dict[str, tuple[str, ...]]:
    """Every section of the word-list file, its entries in file order."""
    text = resources.files("framing.resources").joinpath("attribution_words.txt").read_text("utf-8")
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
            continue
        if current is None:
            raise ValueError(f"attribution_words.txt line {number}: entries before a [section]")
        current.extend(entry.replace("_", " ") for entry in line.split())
    return {name: tuple(entries) for name, entries in sections.items()}


def words(name: str) -> frozenset[str]:
    """The entries of one section as a set (``KeyError`` names unknown sections)."""
    try:
        return frozenset(word_lists()[name])
    except KeyError:
        raise KeyError(f"no [{name}] section in attribution_words.txt") from None
