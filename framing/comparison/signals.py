"""The signals of a replaced phrase: what in it may matter to a reader.

:func:`signals` describes one replacement (its two sides' words and
connotations) with the values listed in
:data:`framing.comparison.relevance.SIGNALS`; :mod:`framing.comparison.relevance`
turns them into a kind and a relevance. The helpers here also decide what
names an actor ("Putin", "both sides"; not "Tuesday") and when two names are
one referent ("Britain" / "British", "U.S." / "US").

Examples
--------
>>> one_referent("Britain", "British"), one_referent("Iran", "Iraq")
(True, False)
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources

import numpy as np

from .connotation import Connotation
from .credits import OUTLET_NOUNS
from .edits import Word, content, is_function_word
from .naming import naming_change
from .variants import are_variants, fold

__all__ = [
    "names",
    "names_differ",
    "one_referent",
    "same_referents",
    "signals",
    "source_heads",
]

# Two sides whose mean word vectors are at least this similar say the same thing in other
# words (a tone change there is a euphemism or dysphemism). Set on the real_pairs
# development set (benchmarks/eval_compare.py): 0.4 / 0.45 / 0.5 give precision 0.80 /
# 0.82 / 0.81 at the same key recall 0.75.
COUNTERPART = 0.45
# A word this intense in VADER (|valence| / 4; "war", "fatalities" -2.9) shifts the tone
# even when the other side has no VADER score (0.5 lets "agreement" 2.2 in: precision
# 0.80 instead of 0.82 on the development pairs; 0.7 gives the same figures).
STRONG_TONE = 0.6
# ... and below this they say unrelated things (cosines of random word pairs lie below
# 0.23 nine times in ten): unless swapped in place, their loadedness, tone and actors
# are not compared.
UNRELATED = 0.25
# Replaced spans with more content words than this are rewrites (omission + addition).
MAX_SUBSTITUTION_WORDS = 6


# Days and months are capitalised but name no actor.
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december jan feb mar apr jun jul aug sep sept "
    "oct nov dec".split()
)

# "both sides", "the two countries", "all parties": an actor without a name
_GROUPS = frozenset("both two all each either neither the".split())
_COLLECTIVE = frozenset("sides side parties countries nations camps".split())


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].strip()
    return (
        not before
        or before[-1] in "!?\"“‘'\n:—–-"
        or (before[-1] == "." and not re.search(r"\b[A-Z]\.$", before))
    )


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """Role words that stand before a name ("President", "Foreign Minister"): no actor."""
    from ..features.wordlists import words as word_list

    return frozenset(word_list("title_words"))


def _unknown_word(text: str) -> bool:
    """Not an English dictionary word (a name even where it opens a sentence: "Araghchi")."""
    from ..features.vocabulary import is_known_word

    word = re.sub(r"['’]s$", "", text).casefold()
    return word.isalpha() and not is_known_word(word)


def _counterpart(src: Sequence[Word], cit: Sequence[Word]) -> float | None:
    """Cosine of the mean word vectors of the two sides' content words (``None`` without
    vectors for both): how far the two sides say the same thing."""
    from .embeddings import default_vectors

    vectors = default_vectors()
    if vectors is None:
        return None
    sides = []
    for words in (src, cit):
        found = [v for w in content(words) if (v := vectors.vector(w.text)) is not None]
        if not found:
            return None
        sides.append(np.mean(found, axis=0))
    a, b = sides
    return float(a @ b / max(float(np.linalg.norm(a) * np.linalg.norm(b)), 1e-12))


def source_heads(words: Sequence[Word]) -> set[str]:
    """Stems of the head nouns of unnamed sources among ``words`` ("officials", "experts")."""
    from ..features.wordlists import words as word_list

    heads = word_list("anonymous_heads")
    return {w.stem for w in words if w.text.casefold() in heads}


_NAME_BEFORE = re.compile(r"([A-Z][^\W\d_]*)[ -]$")


def _continues_name(text: str, start: int, words: Sequence[Word]) -> bool:
    """A capitalised word that continues a name begun outside ``words`` ("Strip" of
    "Gaza Strip" when "Gaza" is not among them) names no actor on its own.

    Examples
    --------
    >>> text = "They fled the Gaza Strip."
    >>> _continues_name(text, 19, []), _continues_name("The Strip.", 4, [])
    (True, False)
    """
    if words and words[0].start < start:
        return False  # the name begins inside the phrase
    match = _NAME_BEFORE.search(text, max(0, start - 30), start)
    if not match:
        return False
    previous = match.group(1)
    return not is_function_word(previous) and not _opens_sentence(text, match.start(1))


def names(words: Sequence[Word], text: str) -> frozenset[str]:
    """Actors named among ``words``: capitalised words not opening a sentence (days and
    months aside), and collective actors ("both sides"), folded."""
    names = {
        fold(re.sub(r"['’]s$", "", w.text))
        for w in words
        if w.text[:1].isupper()
        and (not _opens_sentence(text, w.start) or _unknown_word(w.text))
        and w.text.casefold().rstrip(".") not in _CALENDAR
        and w.text.casefold() not in _titles()
        and not _continues_name(text, w.start, words)
    }
    folded = [w.text.casefold() for w in words]
    names |= {
        f"{a} {b}" for a, b in itertools.pairwise(folded) if a in _GROUPS and b in _COLLECTIVE
    }
    return frozenset(names)


@lru_cache(maxsize=1)
def _metonyms() -> dict[str, str]:
    """``framing/resources/metonyms.csv``: a capital or seat of government -> its country
    (folded), for "Moscow" / "Russia" as one actor (journalistic metonymy)."""
    text = (resources.files("framing.resources") / "metonyms.csv").read_text("utf-8")
    return {fold(row["metonym"]): fold(row["place"]) for row in csv.DictReader(io.StringIO(text))}


def one_referent(x: str, y: str) -> bool:
    """Variants, a name and its demonym ("Britain" / "British", "Iran" / "Iranian"), or a
    country and its capital used for its government ("Russia" / "Moscow").

    Examples
    --------
    >>> one_referent("Moscow", "Russia"), one_referent("Tehran", "Iranian")
    (True, True)
    """
    fx, fy = fold(x), fold(y)
    if are_variants(x, y) or (min(len(fx), len(fy)) >= 4 and fx[:4] == fy[:4]):
        return True
    metonyms = _metonyms()
    px, py = metonyms.get(fx, fx), metonyms.get(fy, fy)
    return (px, py) != (fx, fy) and (px == py or (min(len(px), len(py)) >= 4 and px[:4] == py[:4]))


def names_differ(a: frozenset[str], b: frozenset[str]) -> bool:
    if a == b or not (a or b):
        return False
    rest_a = {x for x in a if not any(one_referent(x, y) for y in b)}
    rest_b = {y for y in b if not any(one_referent(x, y) for x in a)}
    return bool(rest_a or rest_b)


_PRONOUNS = frozenset("it its he him his she her they them their we us our this that who".split())


def _scare_quoted(a: Sequence[Word], b: Sequence[Word]) -> bool:
    """Words of ``b`` in short quotes that ``a`` has without quotes (Israeli -> "Israeli")."""
    plain = [w.text for w in a if not w.quoted]
    return any(any(one_referent(w.text, x) for x in plain) for w in b if w.quoted)


def _actor_phrase(words: Sequence[Word]) -> bool:
    """Short enough to name an actor (at most three words), and not a pronoun."""
    return 0 < len(words) <= 3 and not any(w.text.casefold() in _PRONOUNS for w in words)


def same_referents(src: Sequence[Word], cit: Sequence[Word]) -> bool:
    """Every content word of each side has a variant or demonym on the other side."""
    a, b = content(src), content(cit)
    if not a or not b or any(w.quoted for w in (*src, *cit)):
        return False
    if are_variants(" ".join(w.text for w in a), " ".join(w.text for w in b)):
        return True  # "the Gaza Strip" / "Gaza"
    return all(any(one_referent(x.text, y.text) for y in b) for x in a) and all(
        any(one_referent(x.text, y.text) for x in a) for y in b
    )


def signals(
    src: Sequence[Word],
    cit: Sequence[Word],
    cs: Connotation,
    cc: Connotation,
    s_window: str,
    c_window: str,
    credited: bool,
    quoted: bool,
    anchored: bool = False,
) -> dict[str, float]:
    """The signals of a replacement (see :data:`framing.comparison.relevance.SIGNALS`).

    ``anchored``: the words on both sides of the replacement are the same in the two
    texts (a swap in place, "to close the school" -> "to axe the school").
    """
    signals: dict[str, float] = {}
    if naming_change(s_window, c_window):
        signals["naming"] = 1.0
    if _scare_quoted(src, cit) or _scare_quoted(cit, src):
        signals["scare_quotes"] = 1.0
    if cs.cue and cc.cue and cs.cue != cc.cue:
        doubting = {"doubt", "negative"}
        signals["doubt_cue" if {cs.cue, cc.cue} & doubting else "other_cue"] = 1.0
    words = {w.text.casefold() for w in (*src, *cit)}
    # who is credited, described otherwise; not a name for a description ("Araghchi" ->
    # "the top diplomat": an actor change) nor the outlet itself ("the report")
    heads_s, heads_c = source_heads(src), source_heads(cit)
    if heads_s and heads_c:
        # sources -> officials: who is described changes; a source -> one source: not
        if not heads_s & heads_c:
            signals["source"] = 1.0
    elif credited and bool(cs.names) == bool(cc.names) and not words & OUTLET_NOUNS:
        signals["source"] = 1.0
    load = abs(cs.loadedness - cc.loadedness)
    if cs.category and cc.category:  # one loaded word for another ("reckless" -> "disastrous")
        load = max(load, 0.5)
    counterpart = _counterpart(src, cit)
    unrelated = counterpart is not None and counterpart < UNRELATED and not anchored
    if not unrelated:  # a loaded word in place of an unrelated one is a rewrite, not a swap
        signals["loaded"] = load
    if cs.certainty is not None or cc.certainty is not None:
        # a plain statement asserts (certainty 1); a hedge added or dropped shifts it
        plain_s = 1.0 if cs.certainty is None else cs.certainty
        plain_c = 1.0 if cc.certainty is None else cc.certainty
        signals["certainty"] = abs(plain_s - plain_c)
    if not unrelated:
        signals["tone"] = max(abs(cs.valence - cc.valence), abs(cs.intensity - cc.intensity))
    if counterpart is not None:
        signals["counterpart"] = counterpart
        # VADER scores few news words: a tone shift needs a score on both sides, or a
        # strong word on one ("fatalities")
        scored = (cs.intensity > 0 and cc.intensity > 0) or max(
            cs.intensity, cc.intensity
        ) >= STRONG_TONE
        if counterpart >= COUNTERPART and scored:
            # the same thing said in another tone ("war" -> "conflict"): euphemism or
            # dysphemism, the classic framing substitution
            signals["tone_shift"] = signals.get("tone", 0.0)
    if (
        names_differ(cs.names, cc.names)
        and _actor_phrase(src)
        and _actor_phrase(cit)
        and not unrelated
    ):
        signals["actor" if cs.names and cc.names else "actor_named"] = 1.0
    if cs.numbers != cc.numbers:
        signals["number"] = 1.0
    if quoted:
        signals["quoted"] = 1.0
    n_s, n_c = len(content(src)), len(content(cit))
    signals["size"] = max(n_s, n_c) / MAX_SUBSTITUTION_WORDS
    signals["lopsided"] = 1.0 - min(n_s, n_c) / max(n_s, n_c, 1)
    signals["spelling"] = SequenceMatcher(
        None, " ".join(w.text.casefold() for w in src), " ".join(w.text.casefold() for w in cit)
    ).ratio()
    return {k: float(v) for k, v in signals.items() if v}
