"""A dictionary of known English words, shipped offline by pyspellchecker.

Used to keep generated inflections to real words and to decide when a token
is a misspelling worth fuzzy matching (an unknown word) rather than another
real word ("boosted" is not a misspelling of "boasted").
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["english_word_counts", "is_known_word"]


@lru_cache(maxsize=1)
def english_word_counts() -> dict[str, int]:
    """Lower-case English words with their corpus counts (about 160,000 words).

    Examples
    --------
    >>> english_word_counts()["reported"] > 1000
    True
    """
    from spellchecker import SpellChecker

    return dict(SpellChecker(language="en", distance=1).word_frequency.dictionary)


def is_known_word(word: str) -> bool:
    """True if ``word`` (lower case) is in the English dictionary.

    Examples
    --------
    >>> is_known_word("boosted"), is_known_word("takfirir")
    (True, False)
    """
    return word in english_word_counts()
