"""Who is credited, and how: attribution frames compared across aligned sentences.

A retelling often keeps what was said but changes who said it ("four
Russian sources" -> "Russian officials", "multiple sources familiar with the
intelligence" -> "experts") or how ("told Reuters" -> "claim", "said" ->
"alleged"), and moves the frame around in the sentence ("..., four Russian
sources told Reuters" -> "Four Russian sources claim that ..."), where a
word-by-word diff loses it. Each citing attribution is matched with an
attribution of the aligned source sentences (the one whose speaker and
content share most words), and two kinds of substitution rows come out:

* ``source`` - the speaker's description changes (content words other than
  spelling variants and numbers), e.g. sources -> officials;
* ``attribution`` - the reporting verb's stance changes (neutral said ->
  doubting claimed, -> factive revealed).

Attributions by which the citing article credits the source outlet ("CNN
reported") have no counterpart in the source and are left out.

Examples
--------
>>> import framing
>>> c = framing.compare("The talks failed, four Russian sources told Reuters.",
...                     "Four Russian officials claim that the talks failed.")
>>> c.substitutions[["source_phrase", "citing_phrase", "kind"]].values.tolist()
[['four Russian sources', 'Four Russian officials', 'source'], \
['four Russian sources told', 'Four Russian officials claim', 'attribution']]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from .connotation import connotation
from .credits import OUTLET_NOUNS
from .edits import Word, content, words_of
from .relevance import kind_of, record, relevance
from .rows import substitution_row
from .signals import names, one_referent, source_heads

__all__ = ["frame_changes"]

_PRONOUNS = frozenset("he she it they we i who which that this one".split())
# The two attributions report the same statement when their contents share this many
# content words, and this share of the citing one's.
MIN_SHARED = 2
SHARED_SHARE = 0.3
# A frame phrase (speaker and verb) longer than this many words is not reported.
MAX_FRAME_WORDS = 8


def _keys(words: Sequence[Word]) -> set[str]:
    return {w.key.rstrip('"') for w in content(words)}


def _speaker_changed(
    src: Sequence[Word], cit: Sequence[Word], source_text: str, citing_text: str
) -> bool:
    """The same speaker described otherwise: descriptions that differ, with no names or
    with a name in common (not two different people, not a name for a description)."""
    a = [w for w in content(src) if not w.text[:1].isdigit()]
    b = [w for w in content(cit) if not w.text[:1].isdigit()]
    if not a or not b or any(w.text.casefold() in _PRONOUNS for w in (*a, *b)):
        return False
    if {w.text.casefold() for w in (*a, *b)} & OUTLET_NOUNS:
        return False  # "the media explained": the outlet credited, not a speaker described
    names_a = names([w for w in a if w.text[:1].isupper()], source_text)
    names_b = names([w for w in b if w.text[:1].isupper()], citing_text)
    if (names_a or names_b) and not any(one_referent(x, y) for x in names_a for y in names_b):
        return False
    heads_a, heads_b = source_heads(a), source_heads(b)
    if heads_a & heads_b:
        return False  # "multiple sources familiar with ..." -> "unnamed sources": one kind
    rest_a = [x for x in a if not any(one_referent(x.text, y.text) for y in b)]
    rest_b = [y for y in b if not any(one_referent(x.text, y.text) for x in a)]
    return bool(rest_a and rest_b)


def _span(row: object, prefix: str) -> tuple[int, int] | None:
    start, end = getattr(row, f"{prefix}_start"), getattr(row, f"{prefix}_end")
    if pd.isna(start) or pd.isna(end):
        return None
    return int(start), int(end)


def _frame(row: object) -> tuple[int, int] | None:
    """The speaker and the verb together, when they stand next to each other."""
    spans = [s for s in (_span(row, "source"), _span(row, "cue")) if s]
    if len(spans) < 2:
        return None
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    return (start, end) if end - start <= 120 else None


def frame_changes(
    source_text: str,
    citing_text: str,
    source_attributions: pd.DataFrame,
    citing_attributions: pd.DataFrame,
    to_source: Sequence[bool],
    aligned: Mapping[int, Sequence[int]],
    threshold: float,
) -> tuple[list[dict], list[dict]]:
    """Substitution rows and rewording rows for changed speakers and reporting verbs."""
    by_sentence: dict[int, list] = {}
    for row in source_attributions.itertuples(index=False):
        by_sentence.setdefault(int(row.sentence), []).append(row)
    reported: list[dict] = []
    others: list[dict] = []
    for c, credits_source in zip(
        citing_attributions.itertuples(index=False), to_source, strict=True
    ):
        candidates = [s for i in aligned.get(int(c.sentence), ()) for s in by_sentence.get(i, [])]
        c_speaker, c_frame = _span(c, "source"), _frame(c)
        if credits_source or not candidates or c_speaker is None:
            continue
        c_words = words_of(citing_text, *c_speaker)
        c_content = _keys(words_of(citing_text, int(c.content_start), int(c.content_end)))

        def overlap(s: object, c_words: list[Word] = c_words, c_content: set = c_content) -> tuple:
            speaker = _span(s, "source")
            said = _keys(words_of(source_text, int(s.content_start), int(s.content_end)))
            heard = _keys(words_of(source_text, *speaker)) if speaker else set()
            return (len(heard & _keys(c_words)), len(said & c_content))

        s = max(candidates, key=overlap)
        s_speaker = _span(s, "source")
        shared = overlap(s)[1]
        if s_speaker is None or shared < max(MIN_SHARED, SHARED_SHARE * len(c_content)):
            continue  # not the same statement
        s_words = words_of(source_text, *s_speaker)
        changes = []
        if _speaker_changed(s_words, c_words, source_text, citing_text):
            changes.append(("source", s_speaker, c_speaker, {"source": 1.0}))
        if s.cue_stance != c.cue_stance and _frame(s) and c_frame:
            doubting = {"doubt", "negative"}
            key = "doubt_cue" if {s.cue_stance, c.cue_stance} & doubting else "other_cue"
            changes.append(("attribution", _frame(s), c_frame, {key: 1.0}))
        for _, s_range, c_range, signals in changes:
            s_phrase = source_text[slice(*s_range)]
            c_phrase = citing_text[slice(*c_range)]
            if max(len(s_phrase.split()), len(c_phrase.split())) > MAX_FRAME_WORDS:
                continue
            score = round(relevance(signals), 3)
            row = substitution_row(
                s_range,
                c_range,
                source_text,
                citing_text,
                int(s.sentence),
                int(c.sentence),
                kind_of(signals),
                score,
                connotation(s_phrase),
                connotation(c_phrase),
                s_words,
                c_words,
            )
            record(row, signals)
            (reported if score >= threshold else others).append(row)
    return reported, others
