"""Spelling, abbreviation, hyphenation, case and transliteration variants of one referent.

A retelling that writes "US" for "U.S.", "Sept." for "September",
"defense" for "defence", "Zelenskyy" for "Zelensky" or "Zurich" for
"Zürich" changes no framing; such pairs must never be reported as
substitutions or actor shifts. :func:`are_variants` decides it for two
short phrases by rules plus the groups of ``framing/resources/variants.csv``
(one referent's forms that no rule derives: "Britain" / "United Kingdom").

Rules, after case-folding, removing accents, points, hyphens and
apostrophes (so "Hamas-run" = "Hamas run" and "U.S." = "US"):

* the same letters ("cease-fire" / "ceasefire");
* an acronym of the other's capitalised words ("UN" / "United Nations");
* an abbreviation: a prefix of at least three letters written with a
  point ("Oct." / "October", "Sept." / "September");
* one word spelled differently: at most one edit per six letters, counting
  a swap of two neighbouring letters as one edit ("metres" / "meters"),
  for words of at least five letters that start with the same letter
  ("Zelensky" / "Zelenskyy", "advisers" / "advisors"; not "Iran" / "Iraq");
* a number written in words or figures ("two" / "2").

Naming changes with political meaning ("Kiev" / "Kyiv") are listed in
``naming.csv`` and are checked before these rules by the caller.

Examples
--------
>>> are_variants("U.S.", "US"), are_variants("Oct.", "October"), are_variants("defence", "defense")
(True, True, True)
>>> are_variants("United Nations", "UN"), are_variants("Zürich", "Zurich")
(True, True)
>>> are_variants("Iran", "Iraq"), are_variants("militant", "resistance")
(False, False)
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from functools import lru_cache
from importlib import resources

__all__ = ["are_variants", "fold", "variant_groups"]

_NUMBERS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
}
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
# One edit per this many letters is still a spelling variant of one word.
LETTERS_PER_EDIT = 6
MIN_SPELLING_LENGTH = 5


def fold(text: str) -> str:
    """Case-folded letters and digits of ``text``: no accents, points, hyphens or spaces.

    Examples
    --------
    >>> fold("Cease-fire"), fold("U.S."), fold("Zürich’s")
    ('ceasefire', 'us', 'zurichs')
    """
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if c.isalnum() and not unicodedata.combining(c))


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+(?:\.[^\W_]+)*\.?", text)


@lru_cache(maxsize=1)
def variant_groups() -> dict[str, int]:
    """Folded form -> group number, from ``framing/resources/variants.csv``."""
    text = (resources.files("framing.resources") / "variants.csv").read_text("utf-8")
    groups: dict[str, int] = {}
    for k, row in enumerate(csv.DictReader(io.StringIO(text))):
        for form in row["forms"].split("|"):
            groups[fold(form)] = k
    return groups


def _edits(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance (adjacent swaps cost one), cut off above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _acronym(short: str, long: str) -> bool:
    initials = "".join(w[0] for w in re.findall(r"[^\W_]+", long) if w[0].isupper())
    letters = fold(short)
    return len(letters) >= 2 and short.replace(".", "").isupper() and fold(initials) == letters


def _abbreviation(short: str, long: str) -> bool:
    a, b = short.strip(), long.strip()
    if not a.endswith(".") or " " in a or " " in b:
        return False
    letters = fold(a)
    return len(letters) >= 3 and fold(b).startswith(letters) and len(fold(b)) > len(letters)


def _spelling(a: str, b: str) -> bool:
    fa, fb = fold(a), fold(b)
    if " " in a.strip() or " " in b.strip():
        return False
    if min(len(fa), len(fb)) < MIN_SPELLING_LENGTH or fa[0] != fb[0]:
        return False
    limit = max(len(fa), len(fb)) // LETTERS_PER_EDIT
    return limit >= 1 and _edits(fa, fb, limit) <= limit


def _number(text: str) -> str:
    folded = fold(text)
    return _NUMBERS.get(folded, folded)


def are_variants(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` spelling, abbreviation, case or transliteration variants?"""
    a, b = _ARTICLE.sub("", a.strip()), _ARTICLE.sub("", b.strip())
    if not a or not b:
        return False
    fa, fb = fold(a), fold(b)
    if fa == fb or _number(a) == _number(b):
        return True
    groups = variant_groups()
    if fa in groups and groups.get(fb) == groups[fa]:
        return True
    for short, long in ((a, b), (b, a)):
        if _acronym(short, long) or _abbreviation(short, long):
            return True
    if _spelling(a, b):
        return True
    # several words: variants word by word ("Oct. 13" / "October 13", "Russian defences")
    wa, wb = _words(a), _words(b)
    pairs = zip(wa, wb, strict=False)
    return 1 < len(wa) == len(wb) and all(are_variants(x, y) for x, y in pairs)
