"""Word-level edits inside aligned sentence pairs.

Aligned sentences are compared word by word on Snowball stems (so
"deport" / "deported" is no change) with :class:`difflib.SequenceMatcher`;
its opcodes become:

* **substitutions** - a replaced phrase where at least one side holds a
  loaded term ("kicked out" -> "deported", "killed" -> "assassination"),
  with the category and loadedness (max |valence|) of each side and the
  direction of the shift (``neutral_to_loaded``, ``loaded_to_neutral``,
  ``loaded_to_differently_loaded``), or a short replaced phrase that changes
  the named actor (``actor_shift``: "both sides" -> "Valdoria");
* **omissions** - deleted phrases: a dropped qualifier, actor or caveat;
* **additions** - inserted phrases: an added loaded modifier, actor or claim.

The citing sentence's attribution frame (", CNN wrote", "According to CNN,")
is left out before comparing, so it never counts as an addition.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

import pandas as pd
from nltk.stem.snowball import SnowballStemmer

from ..features.lexicon import DEFAULT_LEXICONS, Lexicon
from ..features.matcher import LoadedTermMatcher

__all__ = [
    "ADDITION_COLUMNS",
    "OMISSION_COLUMNS",
    "SUBSTITUTION_COLUMNS",
    "Word",
    "diff_pair",
    "edit_row",
    "has_span_within",
    "words_of",
]

SUBSTITUTION_COLUMNS: tuple[str, ...] = (
    "source_index",
    "citing_index",
    "source_phrase",
    "citing_phrase",
    "source_start",
    "source_end",
    "citing_start",
    "citing_end",
    "source_category",
    "citing_category",
    "source_loadedness",
    "citing_loadedness",
    "direction",
    "neutral_counterpart",
)
OMISSION_COLUMNS: tuple[str, ...] = (
    "level",
    "source_index",
    "citing_index",
    "text",
    "start",
    "end",
    "kind",
    "loaded",
)
ADDITION_COLUMNS: tuple[str, ...] = (
    "level",
    "source_index",
    "citing_index",
    "text",
    "start",
    "end",
    "kind",
    "loaded",
)

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_STEMMER = SnowballStemmer("english")
_FUNCTION = frozenset(
    "a an the of to in on at by for from with and or but as is are was were be been has have had "
    "it its this that these those there their his her he she they we i you which who whom "
    "will would can could do does did not no so than then also".split()
)
_CAVEAT = frozenset(
    "although though however but while whereas unless may might could possibly perhaps some "
    "unclear uncertain yet reportedly allegedly likely unlikely caveat except only partly "
    "appear appears appeared seem seems seemed suggest suggests".split()
)
# Longer replaced runs are rewrites, reported as omission + addition.
MAX_SUBSTITUTION_WORDS = 6


@dataclass(frozen=True)
class Word:
    """A word with its offsets in the article text and its stem."""

    text: str
    start: int
    end: int
    stem: str


def words_of(text: str, start: int, end: int, skip: Sequence[tuple[int, int]] = ()) -> list[Word]:
    """Words of ``text[start:end]`` with article offsets, leaving out ``skip`` ranges.

    Examples
    --------
    >>> [w.stem for w in words_of("Troops were deported, CNN said.", 0, 31, skip=[(21, 30)])]
    ['troop', 'were', 'deport']
    """
    words = []
    for match in _WORD.finditer(text, start, end):
        if any(s <= match.start() < e for s, e in skip):
            continue
        token = match.group()
        words.append(Word(token, match.start(), match.end(), _STEMMER.stem(token.casefold())))
    return words


def _content(words: Sequence[Word]) -> list[Word]:
    return [w for w in words if w.stem not in _FUNCTION and w.text.casefold() not in _FUNCTION]


def _span_info(spans: pd.DataFrame, start: int, end: int) -> tuple[str | None, float, str | None]:
    """Category, loadedness and neutral counterpart of loaded spans inside [start, end)."""
    if spans.empty or start >= end:
        return None, 0.0, None
    inside = spans[(spans["start"] < end) & (spans["end"] > start)]
    if inside.empty:
        return None, 0.0, None
    strongest = inside.iloc[inside["valence"].abs().to_numpy().argmax()]
    neutral = strongest["neutral"] if isinstance(strongest["neutral"], str) else None
    return str(strongest["category"]), float(abs(strongest["valence"]) or 0.5), neutral


_PRONOUNS = frozenset("it its he him his she her they them their we us our this that".split())


def _names(words: Sequence[Word], text: str) -> str:
    """The proper names among ``words`` (capitalised, not opening a sentence), as one folded key.

    "U.S." and "US", "Iraq's" and "Iraq" give the same key.
    """
    parts = []
    for w in words:
        before = text[max(0, w.start - 3) : w.start].strip()
        opens_sentence = (
            not before
            or before[-1] in "!?\"“‘'\n"
            or (before[-1] == "." and not re.search(r"\b[A-Z]\.$", before))
        )  # "U.S." is not an end
        if w.text[:1].isupper() and not opens_sentence:
            parts.append(re.sub(r"['’]s$", "", w.text).replace("-", ""))
    return "".join(parts).casefold()


def _actor_shift(
    src: Sequence[Word], cit: Sequence[Word], source_text: str, citing_text: str
) -> bool:
    """A short replaced phrase that names a different actor ("both sides" -> "Valdoria").

    Spelling ("US" / "U.S."), demonyms sharing a stem ("Iraq" / "Iraqi") and a
    pronoun replaced by a name ("it" -> "Tehran") are not shifts.
    """
    if not (src and cit) or len(src) > 3 or len(cit) > 3:
        return False
    a, b = _names(src, source_text), _names(cit, citing_text)
    if a == b or (min(len(a), len(b)) >= 4 and (a.startswith(b[:4]) or b.startswith(a[:4]))):
        return False
    for side, names in ((src, a), (cit, b)):
        if not names and any(w.text.casefold() in _PRONOUNS for w in side):
            return False
    return True


def _kind_of_omission(words: Sequence[Word], loaded: bool) -> str:
    folded = {w.text.casefold() for w in words}
    if folded & _CAVEAT and len(words) >= 3:
        return "caveat"
    if any(w.text[:1].isupper() for w in words) or "against" in folded:
        return "actor"
    if len(_content(words)) <= 2:
        return "qualifier"
    return "loaded" if loaded else "other"


def _kind_of_addition(words: Sequence[Word], loaded: bool) -> str:
    if loaded:
        return "loaded_modifier" if len(words) <= 3 else "loaded_phrase"
    if any(w.text[:1].isupper() for w in words):
        return "actor"
    return "qualifier" if len(_content(words)) <= 2 else "other"


def diff_pair(
    source_words: Sequence[Word],
    citing_words: Sequence[Word],
    source_spans: pd.DataFrame,
    citing_spans: pd.DataFrame,
    source_text: str,
    citing_text: str,
    source_index: int,
    citing_index: int,
) -> tuple[list[dict], list[dict], list[dict]]:
    """Substitutions, omissions and additions of one aligned pair (see module docstring)."""
    matcher = SequenceMatcher(
        None, [w.stem for w in source_words], [w.stem for w in citing_words], autojunk=False
    )
    substitutions: list[dict] = []
    omissions: list[dict] = []
    additions: list[dict] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        src, cit = source_words[i1:i2], citing_words[j1:j2]
        src_range = (src[0].start, src[-1].end) if src else (0, 0)
        cit_range = (cit[0].start, cit[-1].end) if cit else (0, 0)
        src_cat, src_load, _ = _span_info(source_spans, *src_range)
        cit_cat, cit_load, cit_neutral = _span_info(citing_spans, *cit_range)
        small = len(src) <= MAX_SUBSTITUTION_WORDS and len(cit) <= MAX_SUBSTITUTION_WORDS
        actor_shift = tag == "replace" and _actor_shift(src, cit, source_text, citing_text)
        if tag == "replace" and small and (src_load or cit_load or actor_shift):
            if not (src_load or cit_load):
                direction = "actor_shift"  # who did it changes: "both sides" -> "Valdoria"
            elif src_load and cit_load:
                # one loaded word for another ("reckless" -> "disastrous"), whatever the categories
                direction = "loaded_to_differently_loaded"
            else:
                direction = "neutral_to_loaded" if cit_load else "loaded_to_neutral"
            counterpart = bool(cit_neutral) and any(
                _STEMMER.stem(n) in {w.stem for w in src} for n in cit_neutral.casefold().split()
            )
            substitutions.append(
                {
                    "source_index": source_index,
                    "citing_index": citing_index,
                    "source_phrase": source_text[src_range[0] : src_range[1]],
                    "citing_phrase": citing_text[cit_range[0] : cit_range[1]],
                    "source_start": src_range[0],
                    "source_end": src_range[1],
                    "citing_start": cit_range[0],
                    "citing_end": cit_range[1],
                    "source_category": src_cat,
                    "citing_category": cit_cat,
                    "source_loadedness": src_load,
                    "citing_loadedness": cit_load,
                    "direction": direction,
                    "neutral_counterpart": counterpart,
                }
            )
            continue
        if (
            tag == "replace"
            and small
            and len(_content(src))
            and len(_content(cit))
            and len(src) <= 3
            and len(cit) <= 3
        ):
            continue  # neutral rewording ("put on hold" -> "halted"): not a framing device
        if src and _content(src):
            omissions.append(
                edit_row(
                    "phrase",
                    source_index,
                    citing_index,
                    source_text,
                    *src_range,
                    _kind_of_omission(src, bool(src_load)),
                    bool(src_load),
                )
            )
        if cit and _content(cit):
            additions.append(
                edit_row(
                    "phrase",
                    source_index,
                    citing_index,
                    citing_text,
                    *cit_range,
                    _kind_of_addition(cit, bool(cit_load)),
                    bool(cit_load),
                )
            )
    return substitutions, omissions, additions


def edit_row(
    level: str,
    source_index: int | None,
    citing_index: int | None,
    text: str,
    start: int,
    end: int,
    kind: str,
    loaded: bool,
) -> dict:
    """One row of the omissions or additions table (``text[start:end]`` is the edit)."""
    return {
        "level": level,
        "source_index": source_index,
        "citing_index": citing_index,
        "text": text[start:end],
        "start": start,
        "end": end,
        "kind": kind,
        "loaded": loaded,
    }


def has_span_within(spans: pd.DataFrame, start: int, end: int) -> bool:
    """Does any loaded span lie inside ``[start, end)``?"""
    return bool(len(spans) and ((spans["start"] >= start) & (spans["end"] <= end)).any())


def loaded_spans(text: str, lexicons: object) -> pd.DataFrame:
    """Loaded-term spans of one text (one row per span, strongest entry first)."""
    spans = LoadedTermMatcher(lexicons).find([text])
    if spans.empty:
        return spans
    spans = spans.assign(_strength=spans["valence"].abs()).sort_values(
        ["start", "_strength"], ascending=[True, False], kind="stable"
    )
    return spans.drop_duplicates(["start", "end"]).drop(columns="_strength").reset_index(drop=True)


def default_lexicons() -> list[object]:
    """Lexicons used to judge loadedness in comparisons."""
    return [Lexicon.builtin(name) for name in DEFAULT_LEXICONS]  # framing's one default
