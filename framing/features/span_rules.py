"""Context rules that keep a lexicon match only where the word is meant.

The loaded-term matcher finds every surface form of every entry; these rules
then drop the matches whose context shows another word (:data:`RULES`):

``names``
    A common-word entry inside a proper name: the match is capitalised in
    the middle of a sentence ("Coastline Rail", "the Pacific"), or starts a
    sentence with a capitalised word after it ("Rage Against ..."), or lies
    inside the name or alias of an outlet in the registry ("The Guardian").
    An entry that is itself a name (it has a capital letter: "Daesh",
    "Zionist regime") is exempt, and so are lines in title case (headlines,
    where capitals say nothing) and words in capitals.
``part_of_speech``
    A single-word entry with one part of speech ("claimed": a verb) matched
    in a form that can also be another ("claims") where the word before shows
    the other reading: a determiner or possessive before a noun reading ("the
    claims", "his claim"), an auxiliary, "to" or a personal pronoun before a
    verb reading ("they rage", "to fight").

Examples
--------
>>> text = "Coastline Rail said the claims were false. They claim otherwise."
>>> in_proper_name(text, 10, 14), in_proper_name(text, 46, 51)
(True, False)
>>> reading_contradicted(text, 24, 30, "VERB"), reading_contradicted(text, 48, 53, "VERB")
(True, False)
"""

from __future__ import annotations

import re
from functools import lru_cache

from .inflect import parts_of_speech
from .tokens import AUXILIARIES, DETERMINERS, PERSONAL_PRONOUNS

__all__ = ["RULES", "in_proper_name", "reading_contradicted", "registry_names"]

RULES: tuple[str, ...] = ("names", "part_of_speech")

# A line is in title case (a headline) when at least this share of its words of
# four or more letters is capitalised, and it has at least three such words.
# Set by looking at PTC and BASIL titles (a sentence of prose rarely has more
# than a third of its long words capitalised).
TITLE_CASE_SHARE = 0.7
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_][\w'’\-]*)")
# Characters after which a capital letter starts a sentence (or a quotation).
_SENTENCE_OPENERS = frozenset(".!?:;\"“‘'([{—–-•*")
_NOUN_EVIDENCE = (DETERMINERS - {"that"}) | frozenset(
    "such whose which what 's ’s".split()
)  # "the claims", "Trump's claim"
_VERB_EVIDENCE = AUXILIARIES | PERSONAL_PRONOUNS | frozenset({"to", "who"})


def _line(text: str, start: int, end: int) -> tuple[int, str]:
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    return first, text[first : len(text) if last < 0 else last]


def _title_case(line: str) -> bool:
    words = _LONG_WORD.findall(line)
    if len(words) < 3:
        return False
    return sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


@lru_cache(maxsize=1)
def registry_names() -> dict[str, tuple[str, ...]]:
    """Lower-case word -> the lower-case outlet names and aliases containing it.

    Examples
    --------
    >>> "cnn" in registry_names()["cnn"]
    True
    """
    from ..outlets import OutletRegistry

    names: dict[str, set[str]] = {}
    for outlet in OutletRegistry.default().values():
        for name in (outlet.name, *outlet.aliases):
            lowered = name.casefold()
            for word in re.findall(r"[^\W\d_]+", lowered):
                names.setdefault(word, set()).add(lowered)
    return {w: tuple(sorted(n, key=len, reverse=True)) for w, n in names.items()}


def _in_registry_name(text: str, start: int, end: int) -> bool:
    word = text[start:end].casefold()
    for name in registry_names().get(word.split()[0] if word.split() else word, ()):
        lo = max(0, start - len(name))
        window = text[lo : end + len(name)].casefold()
        for match in re.finditer(re.escape(name), window):
            if match.start() + lo <= start and end <= match.end() + lo:
                return True
    return False


def in_proper_name(text: str, start: int, end: int) -> bool:
    """True if ``text[start:end]`` is part of a proper name (see the module docstring)."""
    span = text[start:end]
    if not span[:1].isupper():
        return False
    if _in_registry_name(text, start, end):
        return True
    if span.isupper() and len(span) > 1:
        return False
    line_start, line = _line(text, start, end)
    before = text[max(line_start, start - 20) : start].rstrip()
    mid_sentence = bool(before) and before[-1] not in _SENTENCE_OPENERS
    if not mid_sentence:
        following = _NEXT_WORD.match(text, end)
        if following is None or not following.group(1)[:1].isupper():
            return False
    # capitalised in mid-sentence, or followed by a capitalised word: a name,
    # unless the line is a headline in title case (looked at near the span)
    offset = start - line_start
    return not _title_case(line[max(0, offset - 150) : offset + 150])


def reading_contradicted(
    text: str, start: int, end: int, pos: str, *, as_written: bool = True
) -> bool:
    """True if the context of ``text[start:end]`` does not support the reading ``pos``.

    Only forms that can have several readings are judged ("allegations" is
    never a verb). A form spelled as the entry is (``as_written``) is
    dropped only where the word before shows the other reading ("the
    claims"); a form the matcher generated by inflection that is also an
    adjective must be confirmed by the word before ("they free", "to free"
    for the entry "freed"; "free speech" is not matched).
    """
    check = pos_check(text[start:end].casefold(), pos, as_written)
    if check in (NO_CHECK, ALWAYS_DROP):
        return check == ALWAYS_DROP
    return contradicted_by_word_before(text, start, pos, check == CONFIRM)


# What the part-of-speech rule does with a (form, entry) pair, decided once per pair.
NO_CHECK, COUNTER_EVIDENCE, CONFIRM, ALWAYS_DROP = 0, 1, 2, 3


def pos_check(form: str, pos: str | None, as_written: bool) -> int:
    """How a form of an entry meaning ``pos`` is checked (``NO_CHECK`` ... ``ALWAYS_DROP``)."""
    if pos is None:
        return NO_CHECK
    tags = parts_of_speech(form)
    if pos not in tags:
        return ALWAYS_DROP if tags else NO_CHECK  # a known word that cannot have this reading
    if not tags & {"NOUN", "VERB", "ADJ", "ADV"} - {pos}:
        return NO_CHECK
    if not as_written and pos in ("VERB", "NOUN") and "ADJ" in tags:
        return CONFIRM  # a generated form that is also an adjective: "free", "illegal"
    return COUNTER_EVIDENCE


def _word_before(text: str, start: int) -> str:
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    j = i
    while j >= 0 and (text[j].isalnum() or text[j] in "'’-"):
        j -= 1
    word = text[j + 1 : i + 1].casefold()
    return "'s" if word.endswith(("'s", "’s")) else word


def contradicted_by_word_before(text: str, start: int, pos: str, confirm: bool) -> bool:
    """The word before ``start`` shows another reading (or, with ``confirm``, not this one)."""
    word = _word_before(text, start)
    if confirm:
        return word not in (_VERB_EVIDENCE if pos == "VERB" else _NOUN_EVIDENCE)
    if pos == "VERB":
        return word in _NOUN_EVIDENCE
    return word in _VERB_EVIDENCE
