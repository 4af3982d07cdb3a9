"""Is what the citing article credits to its source, or to people its source quotes, really there?

Every attribution of the citing article (to the source outlet, or to anyone
else: an official, a spokesman, "sources") is a *claim*: its content span.
The claim is checked against its *passage*: the source sentences aligned
with the claim's sentence, or else the most similar source sentence or pair
of adjacent sentences. Verdicts:

* ``verbatim`` - the claim's words are the passage's (function words,
  spelling and abbreviation variants aside);
* ``altered`` - a quotation in the claim whose words are not the source's,
  or a claim holding a reported change of content (a substitution that
  makes it more or less loaded, intense or certain, renames, or changes a
  number): the credited words say something the source did not;
* ``paraphrased`` - the passage says it in other words;
* ``unsupported`` - no source passage says it (similarity below the
  support threshold).

The attribution frame itself ("the agency said", "according to CNN") is not
part of the claim. Claims credited to the source outlet have
``to_source_outlet`` true.

Examples
--------
>>> import framing
>>> c = framing.compare("Officials said the troops left the base on Monday.",
...                     "The troops left the base on Monday, officials said.")
>>> c.attribution_fidelity[["claim", "verdict"]].values.tolist()
[['The troops left the base on Monday', 'verbatim']]
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from difflib import SequenceMatcher

import pandas as pd

from .align import MATCH_THRESHOLD, normalised_words, sentence_similarity
from .edits import Word, content, is_function_word, quotation_spans, words_of
from .variants import are_variants

__all__ = ["FIDELITY_COLUMNS", "VERBATIM_WORDS", "check_fidelity", "quotations"]

FIDELITY_COLUMNS: tuple[str, ...] = (
    "citing_sentence",
    "source",
    "source_as_written",
    "cue",
    "direct",
    "claim",
    "claim_start",
    "claim_end",
    "to_source_outlet",
    "passage",
    "passage_start",
    "passage_end",
    "similarity",
    "verdict",
    "credit",
)
# A claim of at least this many words found as it is anywhere in the source is verbatim
# (shorter ones, "the matter", can occur by chance).
VERBATIM_WORDS = 4
# Substitution kinds that change what a claim says (not who says it or how). A change of
# tone alone ("intensity": the same thing in a harsher or softer word) leaves a claim
# paraphrased.
CONTENT_KINDS = frozenset({"naming", "loaded", "certainty", "number", "label"})
# A quotation of at least this many words is someone's words (shorter ones are
# scare quotes or quoted terms, checked as word choices).
QUOTE_WORDS = 3
_STRIP = " \t\n,.;:—–-\"“”'‘’"


def quotations(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted passages (inside the marks).

    Examples
    --------
    >>> text = 'He said it would "protect everyone on the ground.” Then he left.'
    >>> [text[s:e] for s, e in quotations(text)]
    ['protect everyone on the ground.']
    """
    return quotation_spans(text)


def _passages(sentences: Sequence[tuple[int, int, str]], text: str) -> list[tuple[int, int, str]]:
    windows = list(sentences)
    for (s1, _, _), (_, e2, _) in itertools.pairwise(sentences):
        windows.append((s1, e2, text[s1:e2]))
    return windows


def _frames(attributions: pd.DataFrame) -> list[tuple[int, tuple[int, int]]]:
    """(row number, span) of every attribution's cue and source words."""
    out = []
    for k, row in enumerate(attributions.itertuples(index=False)):
        ends = [(row.cue_start, row.cue_end), (row.source_start, row.source_end)]
        out += [(k, (int(a), int(b))) for a, b in ends if pd.notna(a) and pd.notna(b)]
    return out


def _implicit_claims(
    citing_text: str,
    citing_sentences: Sequence[tuple[int, int, str]],
    attributions: pd.DataFrame,
    aligned: Mapping[int, Sequence[int]],
    outlet: str,
    quotes: Sequence[tuple[int, int]],
) -> list[dict]:
    """Claims for the aligned citing sentences that credit nobody explicitly."""
    credited = set(attributions["sentence"].astype(int)) if len(attributions) else set()
    out = []
    for k, (start, end, _) in enumerate(citing_sentences):
        if k in credited or not aligned.get(k):
            continue
        start, end = _strip_span(citing_text, start, end)
        if end - start < 3:
            continue
        quoted = [(a, b) for a, b in quotes if a < end and b > start]
        out.append(
            {
                "citing_sentence": k,
                "source": outlet,
                "source_as_written": None,
                "cue": None,
                "direct": bool(quoted),
                "claim": citing_text[start:end],
                "claim_start": int(start),
                "claim_end": int(end),
                "to_source_outlet": True,
                "credit": "implicit",
                "_quotes": quoted,
            }
        )
    return out


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without surrounding spaces and punctuation; quotation marks stay
    when the span holds both ends of the quotation.

    Examples
    --------
    >>> text = 'It said the plan was "a first step," officials said.'
    >>> text[slice(*_strip_span(text, 7, 37))]
    'the plan was "a first step,"'
    """
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    marks = sum(text[start:end].count(q) for q in '"“”')
    if start > 0 and text[start - 1] in '"“' and marks % 2:
        start -= 1  # the opening mark of a quotation the span ends
        marks += 1
    if end < len(text) and text[end] in '"”' and marks % 2:
        end += 1  # the closing mark of a quotation the span opens
    elif end < len(text) - 1 and text[end] in ",." and text[end + 1] in '"”' and marks % 2:
        end += 2
    return start, end


def _uncovered(claim: Sequence[Word], passage: Sequence[Word], every_word: bool = False) -> int:
    """Words of the claim that the passage does not have (variants count as had): content
    words and modal or negating ones ("could" -> "will"), or ``every_word`` but articles."""
    matcher = SequenceMatcher(
        None,
        [w.key.rstrip('"') for w in claim],
        [w.key.rstrip('"') for w in passage],
        autojunk=False,
    )
    missing = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("replace", "delete"):
            extra = [w for w in claim[i1:i2] if _counts(w, every_word)]
            if tag == "replace" and extra:
                mine = " ".join(_form(w) for w in claim[i1:i2])
                if are_variants(mine, " ".join(_form(w) for w in passage[j1:j2])):
                    continue
            missing += len(extra)
    return missing


def _form(word: Word) -> str:
    """A short capitalised word compared as an abbreviation ("Oct" as "Oct.")."""
    text = word.text
    return text + "." if 3 <= len(text) <= 4 and text[:1].isupper() and text.isalpha() else text


_MEANINGFUL = frozenset("will would can could may might must shall should not no never nor".split())


def _counts(word: Word, every_word: bool) -> bool:
    folded = word.text.casefold()
    if every_word:
        return folded not in ("a", "an", "the")
    return not is_function_word(word) or folded in _MEANINGFUL


def _quote_altered(quote: Sequence[Word], source: Sequence[Word]) -> bool:
    """A quotation (of at least QUOTE_WORDS words) whose words are not one stretch of the
    source, variants aside ("metres" / "meters")."""
    if len(quote) < QUOTE_WORDS:
        return False
    keys = [w.key.rstrip('"') for w in quote]
    matcher = SequenceMatcher(None, keys, [w.key.rstrip('"') for w in source], autojunk=False)
    block = max(matcher.get_matching_blocks(), key=lambda b: b.size)
    if not block.size:
        return True
    # the stretch of the source around the longest common run, as long as the quote
    first = max(0, block.b - block.a - 2)
    stretch = source[first : block.b - block.a + len(quote) + 2]
    return _uncovered(quote, stretch, every_word=True) > 0


def check_fidelity(
    citing_text: str,
    citing_attributions: pd.DataFrame,
    source_text: str,
    source_sentences: Sequence[tuple[int, int, str]],
    is_source_outlet: Sequence[bool],
    support_threshold: float = MATCH_THRESHOLD,
    *,
    aligned: Mapping[int, Sequence[int]] | None = None,
    changes: Sequence[tuple[int, int]] = (),
    citing_sentences: Sequence[tuple[int, int, str]] = (),
    implicit: str | None = None,
) -> pd.DataFrame:
    """The attribution-fidelity table (``FIDELITY_COLUMNS``).

    Parameters
    ----------
    citing_text : str
        The citing article's text.
    citing_attributions : DataFrame
        Its attributions (:class:`framing.AttributionExtractor`).
    source_text : str
        The source article's text.
    source_sentences : sequence of (start, end, text)
        The source's sentences.
    is_source_outlet : sequence of bool
        For each attribution, whether it names the source outlet.
    support_threshold : float
        Similarity from which a source passage supports a claim.
    aligned : mapping, optional
        Citing sentence index -> the source sentence indices aligned with it.
    citing_sentences : sequence of (start, end, text)
        The citing article's sentences (for implicit credits).
    implicit : str, optional
        The source outlet's name. When given and the citing article credits
        the source outlet at least once (or names it, as in a "(Reuters)"
        dateline), every citing sentence aligned with
        the source that holds no attribution is a claim credited to it
        implicitly (``credit`` = ``"implicit"``): a retelling that names its
        source presents what it retells as that source's reporting.
    changes : sequence of (start, end)
        Citing-text spans of the reported changes of content (substitutions
        of the kinds in :data:`CONTENT_KINDS`): a claim holding one is
        ``altered``. Changes of who is credited or how ("said" ->
        "claimed", scare quotes on the speaker) are word choices of the frame
        and do not alter the claim.
    """
    aligned = aligned or {}
    passages = _passages(source_sentences, source_text)
    normalised_source = normalised_words(source_text)
    c_quotes = quotation_spans(citing_text)
    source_words = words_of(source_text, 0, len(source_text))
    claims: list[dict] = []
    frames = _frames(citing_attributions)
    outer = [
        (int(a), int(b))
        for a, b in zip(
            citing_attributions["content_start"], citing_attributions["content_end"], strict=True
        )
    ]
    for k, ((_, row), to_source) in enumerate(
        zip(citing_attributions.iterrows(), is_source_outlet, strict=True)
    ):
        spans = [tuple(s) for s in row["content_spans"]] or [
            (row["content_start"], row["content_end"])
        ]
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        for other, (a, _) in frames:  # the frame of an attribution around this one
            if other != k and start < a < end and outer[other][0] <= start < outer[other][1]:
                end = a
        start, end = _strip_span(citing_text, start, end)
        if end - start < 3:
            continue
        quoted = [(a, b) for a, b in c_quotes if a < end and b > start and b - a > 0]
        claims.append(
            {
                "citing_sentence": int(row["sentence"]),
                "source": row["source"],
                "source_as_written": row["source_as_written"],
                "cue": row["cue"],
                "direct": bool(row["direct"]) or bool(quoted),
                "claim": citing_text[start:end],
                "claim_start": int(start),
                "claim_end": int(end),
                "to_source_outlet": bool(to_source),
                "credit": "explicit",
                "_quotes": quoted,
            }
        )
    named = implicit is not None and re.search(
        rf"(?<![^\W_]){re.escape(implicit)}(?![^\W_])", citing_text, re.IGNORECASE
    )
    if implicit is not None and (any(is_source_outlet) or named):
        claims += _implicit_claims(
            citing_text, citing_sentences, citing_attributions, aligned, implicit, c_quotes
        )
    if not claims:
        return pd.DataFrame(columns=list(FIDELITY_COLUMNS))
    similarity = (
        sentence_similarity([p[2] for p in passages], [c["claim"] for c in claims])
        if passages
        else None
    )
    rows = []
    for k, claim in enumerate(claims):
        linked = sorted(aligned.get(claim["citing_sentence"], ()))
        if linked:
            start = source_sentences[linked[0]][0]
            end = source_sentences[linked[-1]][1]
            passage = source_text[start:end]
            score = float(sentence_similarity([passage], [claim["claim"]])[0, 0])
        elif similarity is not None and len(passages):
            best = int(similarity[:, k].argmax())
            score = float(similarity[best, k])
            start, end, passage = passages[best]
        else:
            score, start, end, passage = 0.0, None, None, None
        c_start, c_end = claim["claim_start"], claim["claim_end"]
        claim_words = words_of(citing_text, c_start, c_end)
        passage_words = words_of(source_text, start, end) if passage else []
        altered_quote = any(
            _quote_altered(words_of(citing_text, a, b), source_words) for a, b in claim["_quotes"]
        )
        changed = any(a < c_end and b > c_start for a, b in changes)
        words = normalised_words(claim["claim"])
        if len(words.split()) >= VERBATIM_WORDS and words in normalised_source:
            verdict = "verbatim"
        elif passage is None or (score < support_threshold and not linked):
            verdict = "unsupported"
        elif altered_quote or changed:
            verdict = "altered"
        elif content(claim_words) and not _uncovered(claim_words, passage_words):
            verdict = "verbatim"
        else:
            verdict = "paraphrased"
        supported = verdict != "unsupported"
        rows.append(
            {
                **{key: value for key, value in claim.items() if not key.startswith("_")},
                "passage": passage if supported else None,
                "passage_start": start if supported else None,
                "passage_end": end if supported else None,
                "similarity": score,
                "verdict": verdict,
            }
        )
    frame = pd.DataFrame(rows, columns=list(FIDELITY_COLUMNS))
    for column in ("passage_start", "passage_end"):
        frame[column] = frame[column].astype("Int64")
    return frame
