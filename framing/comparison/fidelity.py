"""Is what the citing article attributes to its source really in the source?

Each attribution of the citing article to the source outlet, and each
direct quotation of a third party (an expert the source quoted), is matched
against the source's sentences and pairs of adjacent sentences. Verdicts:

* ``verbatim`` - the words are in the source (for quotations: the quoted
  words, case and punctuation aside);
* ``paraphrased`` - a source passage says it in other words (similarity at
  least the alignment threshold);
* ``altered`` - a quotation whose words differ from the source passage it
  comes from;
* ``unsupported`` - nothing in the source says it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

import pandas as pd

from .align import MATCH_THRESHOLD, normalised_words, sentence_similarity

__all__ = ["FIDELITY_COLUMNS", "VERBATIM_THRESHOLD", "check_fidelity", "quotations"]

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
)
# An indirect claim this similar to a source passage repeats it (calibrated
# on the teaching pairs' calibration set, like MATCH_THRESHOLD).
VERBATIM_THRESHOLD = 0.85
_QUOTE = re.compile(r"[“\"]([^“”\"]{3,})[”\"]")


def quotations(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted passages (inside the marks).

    Examples
    --------
    >>> text = 'He said it would "protect everyone on the ground.” Then he left.'
    >>> [text[s:e] for s, e in quotations(text)]
    ['protect everyone on the ground.']
    """
    return [m.span(1) for m in _QUOTE.finditer(text)]


def _passages(sentences: Sequence[tuple[int, int, str]], text: str) -> list[tuple[int, int, str]]:
    windows = list(sentences)
    for (s1, _, _), (_, e2, _) in itertools.pairwise(sentences):
        windows.append((s1, e2, text[s1:e2]))
    return windows


def check_fidelity(
    citing_text: str,
    citing_attributions: pd.DataFrame,
    source_text: str,
    source_sentences: Sequence[tuple[int, int, str]],
    is_source_outlet: Sequence[bool],
    support_threshold: float = MATCH_THRESHOLD,
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
    """
    passages = _passages(source_sentences, source_text)
    normalised_source = normalised_words(source_text)
    claims: list[dict] = []
    for (_, row), to_source in zip(citing_attributions.iterrows(), is_source_outlet, strict=True):
        spans = [tuple(s) for s in row["content_spans"]]
        quoted = [(a + s, a + e) for a, b in spans for s, e in quotations(citing_text[a:b])]
        if row["direct"]:
            quoted = quoted or spans
        if not to_source and not quoted:
            continue  # third parties are checked for their quotations only
        parts = quoted if quoted else spans
        for start, end in parts:
            # trim punctuation from the claim and its offsets alike (they must slice it)
            piece = citing_text[start:end]
            start += len(piece) - len(piece.lstrip(" ,.;:"))
            end = start + len(piece.strip(" ,.;:"))
            claims.append(
                {
                    "citing_sentence": int(row["sentence"]),
                    "source": row["source"],
                    "source_as_written": row["source_as_written"],
                    "cue": row["cue"],
                    "direct": bool(quoted),
                    "claim": citing_text[start:end],
                    "claim_start": int(start),
                    "claim_end": int(end),
                    "to_source_outlet": bool(to_source),
                }
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
        if similarity is not None and len(passages):
            best = int(similarity[:, k].argmax())
            score = float(similarity[best, k])
            start, end, passage = passages[best]
        else:
            best, score, start, end, passage = -1, 0.0, None, None, None
        words = normalised_words(claim["claim"])
        if words and words in normalised_source:
            verdict = "verbatim"
            score = max(score, 1.0 if claim["direct"] else score)
        elif claim["direct"]:
            verdict = "altered" if score >= support_threshold else "unsupported"
        elif score >= VERBATIM_THRESHOLD:
            verdict = "verbatim"
        elif score >= support_threshold:
            verdict = "paraphrased"
        else:
            verdict = "unsupported"
        supported = verdict != "unsupported"
        rows.append(
            {
                **claim,
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
