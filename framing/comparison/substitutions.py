"""Replaced spans of aligned sentences: which are framing changes, and how relevant.

Every replacement inside an aligned pair is a candidate, whether or not a
lexicon knows its words. Each gets signals (naming pair, scare quotes,
reporting-verb stance, loadedness, certainty, tone, actors, numbers...), a
``kind`` (why it may matter: ``naming``, ``scare_quotes``, ``label``,
``attribution``, ``loaded``, ``certainty``, ``source``, ``actor``,
``intensity``, ``number``, ``reworded``, or ``quoted`` for words changed
inside a quotation) and a ``relevance`` in 0-1 (see
:mod:`framing.comparison.relevance`).

Replacements at or above :data:`RELEVANCE_THRESHOLD` are reported as
``substitutions``; the others are ``rewordings``. Spelling and abbreviation
variants never get here (:mod:`framing.comparison.variants`); a replaced
span with much more on one side than the other, or running over a sentence
end, is a rewrite (an omission plus an addition).

Examples
--------
>>> from framing.comparison.edits import diff_words, words_of
>>> s = "Four sources said the militant group left."
>>> c = "Four sources claimed the resistance group left."
>>> rows = judge_edits(diff_words(words_of(s, 0, len(s)), words_of(c, 0, len(c)), s, c), s, c)
>>> [(r["source_phrase"], r["citing_phrase"], r["kind"]) for r in rows[0]]
[('said', 'claimed', 'attribution'), ('militant', 'resistance', 'naming')]
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import replace

import pandas as pd

from .connotation import certainty_of, connotation
from .edits import (
    Edit,
    Word,
    content,
    edit_row,
    is_function_word,
    kind_of_addition,
    kind_of_omission,
)
from .relevance import kind_of, record, relevance, relevance_threshold
from .rows import (
    SUBSTITUTION_COLUMNS,
    extend_quotes,
    row_of,
    scare_quote_rows,
    substitution_row,
)
from .signals import MAX_SUBSTITUTION_WORDS, names, same_referents
from .signals import signals as signals_of

__all__ = [
    "RELEVANCE_THRESHOLD",
    "SUBSTITUTION_COLUMNS",
    "judge_edits",
    "scare_quote_rows",
    "substitution_row",
]

# Replacements from this relevance on are reported as substitutions (calibrated; see
# framing.comparison.relevance).
RELEVANCE_THRESHOLD = relevance_threshold()
# A replacement of at least LOPSIDED_WORDS content words on one side and at most
# 1/LOPSIDED_RATIO of that on the other is a rewrite (omission + addition).
LOPSIDED_WORDS = 4
LOPSIDED_RATIO = 3


def _all_in(words: Sequence[Word], ranges: Sequence[tuple[int, int]]) -> bool:
    """Does every word lie inside one of ``ranges``?"""
    return bool(words) and all(any(a <= w.start < b for a, b in ranges) for w in words)


def _any_in(words: Sequence[Word], ranges: Sequence[tuple[int, int]]) -> bool:
    """Does a content word lie inside one of ``ranges``?"""
    return any(a <= w.start < b for w in content(words) for a, b in ranges)


_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+[\"“‘(]*[A-Z0-9]|\n")


def _crosses_sentences(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` run over a sentence end (a point after an abbreviation aside)?"""
    for match in _SENTENCE_END.finditer(text, start, end):
        if match.group().startswith("\n"):
            return True
        if not re.search(
            r"(?:^|[\s(])(?:[A-Z]\.)+$|\b(?:Mr|Mrs|Ms|Dr|St|No)$",
            text[max(start, match.start() - 12) : match.start() + 1],
        ):
            return True
    return False


def _lopsided(n_source: int, n_citing: int) -> bool:
    """One side says much more than the other: a rewrite, not a word swap."""
    small, large = sorted((n_source, n_citing))
    return large >= LOPSIDED_WORDS and LOPSIDED_RATIO * small <= large


def _label(
    edit: Edit,
    source_words: Sequence[Word],
    citing_words: Sequence[Word],
    source_text: str,
    source_spans: pd.DataFrame | None,
) -> bool:
    """A dropped label: at most two content words right before a name the citing side keeps,
    loaded or forming a hyphenated compound with a name ("Hamas-run", "Kremlin-backed")."""
    src = edit.source_words
    after = edit.source_position + len(src)
    if len(content(src)) > 2 or not (
        after < len(source_words)
        and edit.citing_position < len(citing_words)
        and source_words[after].key == citing_words[edit.citing_position].key
        and source_words[after].text[:1].isupper()
    ):
        return False
    hyphenated = any(
        source_text[a.end : b.start] == "-" and (a.text[:1].isupper() or b.text[:1].isupper())
        for a, b in itertools.pairwise(src)
    )
    if hyphenated:
        return True
    phrase = source_text[src[0].start : src[-1].end]
    return connotation(phrase, source_spans, src[0].start).loadedness > 0


def judge_edits(
    edits: Sequence[Edit],
    source_text: str,
    citing_text: str,
    source_words: Sequence[Word] = (),
    citing_words: Sequence[Word] = (),
    source_spans: pd.DataFrame | None = None,
    citing_spans: pd.DataFrame | None = None,
    source_index: int = 0,
    citing_index: int = 0,
    source_credited: Sequence[tuple[int, int]] = (),
    citing_credited: Sequence[tuple[int, int]] = (),
    threshold: float = RELEVANCE_THRESHOLD,
    source_quotes: Sequence[tuple[int, int]] = (),
    citing_quotes: Sequence[tuple[int, int]] = (),
    aligned: float = 1.0,
) -> tuple[list[dict], list[dict], list[dict], list[dict]]:
    """Substitutions, rewordings, omissions and additions of one aligned pair.

    ``source_credited`` and ``citing_credited`` are character ranges of each
    text that name who is credited (attribution sources); a replacement
    inside one on both sides is a ``source`` change. ``source_quotes`` and
    ``citing_quotes`` are the quotations of each text: a replacement inside
    quotations on both sides is a changed quotation (kind ``quoted``), judged
    by the fidelity check rather than as a word choice. ``aligned`` is the
    similarity of the aligned sentences. Replacements from ``threshold`` on
    are substitutions, the others rewordings.
    """
    substitutions: list[dict] = []
    rewordings: list[dict] = []
    omissions: list[dict] = []
    additions: list[dict] = []
    for edit in edits:
        src, cit = list(edit.source_words), list(edit.citing_words)
        s_content, c_content = content(src), content(cit)
        quotes_changed = [w.quoted for w in src] != [w.quoted for w in cit] and bool(src and cit)
        if src and cit and ((s_content and c_content) or quotes_changed):
            if same_referents(src, cit):
                continue
            if (
                _lopsided(len(s_content), len(c_content))
                or len(s_content) > MAX_SUBSTITUTION_WORDS
                or len(c_content) > MAX_SUBSTITUTION_WORDS
                or _crosses_sentences(source_text, src[0].start, src[-1].end)
                or _crosses_sentences(citing_text, cit[0].start, cit[-1].end)
            ):
                src_range = (src[0].start, src[-1].end)
                cit_range = (cit[0].start, cit[-1].end)
                omissions.append(
                    edit_row(
                        "phrase",
                        source_index,
                        citing_index,
                        source_text,
                        *src_range,
                        kind_of_omission(src, False),
                        False,
                    )
                )
                additions.append(
                    edit_row(
                        "phrase",
                        source_index,
                        citing_index,
                        citing_text,
                        *cit_range,
                        kind_of_addition(cit, False),
                        False,
                    )
                )
                continue
            s_range = extend_quotes(source_text, src[0].start, src[-1].end)
            c_range = extend_quotes(citing_text, cit[0].start, cit[-1].end)
            s_phrase, c_phrase = source_text[slice(*s_range)], citing_text[slice(*c_range)]
            cs = connotation(s_phrase, source_spans, s_range[0], names(src, source_text))
            cc = connotation(c_phrase, citing_spans, c_range[0], names(cit, citing_text))
            # naming pairs are looked up with a word of context on each side
            s_window = (
                _window(source_words, edit.source_position, len(src), source_text) or s_phrase
            )
            c_window = (
                _window(citing_words, edit.citing_position, len(cit), citing_text) or c_phrase
            )
            credited = _any_in(src, source_credited) and _any_in(cit, citing_credited)
            quoted = _all_in(src, source_quotes) and _all_in(cit, citing_quotes)
            # certainty, when the change holds a hedge or booster, is read with the clause
            # around it ("may not be possible" -> "may not be able" is no shift)
            s_clause = _window(source_words, edit.source_position, len(src), source_text, 3)
            c_clause = _window(citing_words, edit.citing_position, len(cit), citing_text, 3)
            if cs.certainty is not None or cc.certainty is not None:  # a hedge in the change
                cs = replace(cs, certainty=certainty_of(_lower_words(s_clause or s_phrase)))
                cc = replace(cc, certainty=certainty_of(_lower_words(c_clause or c_phrase)))
            anchored = _anchored(edit, source_words, citing_words)
            signals = signals_of(src, cit, cs, cc, s_window, c_window, credited, quoted, anchored)
            signals["aligned"] = aligned
            signals["place"] = abs(
                edit.source_position / max(len(source_words), 1)
                - edit.citing_position / max(len(citing_words), 1)
            )
            kind = kind_of(signals)
            score = round(relevance(signals), 3)
            row = row_of(
                src,
                cit,
                s_range,
                c_range,
                source_text,
                citing_text,
                source_index,
                citing_index,
                kind,
                score,
                cs,
                cc,
            )
            record(row, signals)
            (substitutions if score >= threshold else rewordings).append(row)
            continue
        if src and s_content:
            if _label(edit, source_words, citing_words, source_text, source_spans):
                after = edit.source_position + len(src)
                kept_s, kept_c = source_words[after], citing_words[edit.citing_position]
                s_range, c_range = (src[0].start, kept_s.end), (kept_c.start, kept_c.end)
                cs = connotation(source_text[slice(*s_range)], source_spans, s_range[0])
                cc = connotation(citing_text[slice(*c_range)], citing_spans, c_range[0])
                signals = {"label": 1.0, "loaded": abs(cs.loadedness - cc.loadedness)}
                signals["size"] = len(content(src)) / MAX_SUBSTITUTION_WORDS
                score = round(relevance(signals), 3)
                row = row_of(
                    src,
                    [kept_c],
                    s_range,
                    c_range,
                    source_text,
                    citing_text,
                    source_index,
                    citing_index,
                    "label",
                    score,
                    cs,
                    cc,
                )
                record(row, signals)
                (substitutions if score >= threshold else rewordings).append(row)
                continue
            s_range = (src[0].start, src[-1].end)
            loaded = connotation(source_text[slice(*s_range)], source_spans, s_range[0])
            omissions.append(
                edit_row(
                    "phrase",
                    source_index,
                    citing_index,
                    source_text,
                    *s_range,
                    kind_of_omission(src, loaded.loadedness > 0),
                    loaded.loadedness > 0,
                )
            )
        if cit and c_content:
            c_range = (cit[0].start, cit[-1].end)
            loaded = connotation(citing_text[slice(*c_range)], citing_spans, c_range[0])
            additions.append(
                edit_row(
                    "phrase",
                    source_index,
                    citing_index,
                    citing_text,
                    *c_range,
                    kind_of_addition(cit, loaded.loadedness > 0),
                    loaded.loadedness > 0,
                )
            )
    return (
        substitutions,
        _join_rewordings(rewordings, source_text, citing_text),
        omissions,
        additions,
    )


def _join_rewordings(rows: list[dict], source_text: str, citing_text: str) -> list[dict]:
    """Rewordings one function word apart are one reworded phrase ("crossed the border"
    -> "poured across the frontier")."""
    out: list[dict] = []
    for row in rows:
        if out and row["kind"] == out[-1]["kind"] == "reworded":
            last = out[-1]
            gaps = (
                source_text[last["source_end"] : row["source_start"]],
                citing_text[last["citing_end"] : row["citing_start"]],
            )
            if all(_function_gap(g) for g in gaps):
                last.update(
                    source_end=row["source_end"],
                    citing_end=row["citing_end"],
                    source_phrase=source_text[last["source_start"] : row["source_end"]],
                    citing_phrase=citing_text[last["citing_start"] : row["citing_end"]],
                )
                continue
        out.append(dict(row))
    return out


def _function_gap(text: str) -> bool:
    words = re.findall(r"[^\W_]+", text)
    return (
        len(words) <= 1
        and all(is_function_word(w) for w in words)
        and not re.search(r"[.;:!?\n]", text)
    )


def _lower_words(text: str) -> list[str]:
    return [w.casefold().replace("’", "'") for w in re.findall(r"[^\W_]+(?:['’][^\W_]+)*", text)]


def _anchored(edit: Edit, source_words: Sequence[Word], citing_words: Sequence[Word]) -> bool:
    """Are the words just before and just after the replacement the same on both sides?"""
    i, j = edit.source_position, edit.citing_position
    i2, j2 = i + len(edit.source_words), j + len(edit.citing_words)
    if not source_words or not citing_words:
        return False
    before = i > 0 and j > 0 and source_words[i - 1].key == citing_words[j - 1].key
    after = (
        i2 < len(source_words)
        and j2 < len(citing_words)
        and source_words[i2].key == citing_words[j2].key
    )
    at_start = i == 0 and j == 0
    at_end = i2 == len(source_words) and j2 == len(citing_words)
    return (before or at_start) and (after or at_end)


def _window(words: Sequence[Word], position: int, size: int, text: str, reach: int = 1) -> str:
    """The changed words with ``reach`` words of context on each side."""
    if not words:
        return ""
    first = max(0, position - reach)
    last = min(len(words), position + size + reach) - 1
    if last < first:
        return ""
    return text[words[first].start : words[last].end]
