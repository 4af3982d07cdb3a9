"""Naming changes with political meaning, from ``framing/resources/naming.csv``.

Each row pairs two names of one referent whose choice signals a position
(ISIS / Daesh, Persian Gulf / Arabian Gulf, Israeli army / occupation army,
militant / resistance), with a note and its provenance. A replacement whose
source side holds one name and whose citing side the other (in either
direction) is a ``naming`` substitution, whatever the lexicons say.

Examples
--------
>>> naming_change("ISIS fighters", "Daesh fighters")
'ISIS -> Daesh'
>>> naming_change("the militant group", "the resistance group")
'militant -> resistance'
>>> naming_change("the group", "the organisation") is None
True
"""

from __future__ import annotations

import csv
import io
import re
from functools import lru_cache
from importlib import resources

import pandas as pd

__all__ = ["naming_change", "naming_table"]


@lru_cache(maxsize=1)
def naming_table() -> pd.DataFrame:
    """The naming pairs: ``term_a, term_b, note, provenance``."""
    text = (resources.files("framing.resources") / "naming.csv").read_text("utf-8")
    return pd.DataFrame(list(csv.DictReader(io.StringIO(text))))


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, str, re.Pattern[str], re.Pattern[str]]]:
    def compile_(term: str) -> re.Pattern[str]:
        words = [re.escape(w) for w in term.split()]
        # plural / possessive endings on the last word
        return re.compile(r"(?<![^\W_])" + r"\s+".join(words) + r"(?:s|es|['’]s)?(?![^\W_])", re.I)

    table = naming_table()
    return [
        (a, b, compile_(a), compile_(b))
        for a, b in zip(table["term_a"], table["term_b"], strict=True)
    ]


def naming_change(source_phrase: str, citing_phrase: str) -> str | None:
    """``"a -> b"`` when the two phrases use the two names of a naming pair, else ``None``.

    A name present on both sides is no change.
    """
    for a, b, pa, pb in _patterns():
        for (x, px), (y, py) in (((a, pa), (b, pb)), ((b, pb), (a, pa))):
            if (
                px.search(source_phrase)
                and py.search(citing_phrase)
                and not py.search(source_phrase)
                and not px.search(citing_phrase)
            ):
                return f"{x} -> {y}"
    return None
