"""Place spans in their sentence and in the outlet's own or an attributed voice.

Both steps work on whole tables at once (one sort and one binary search for
all articles), so their cost grows as ``n log n`` with the number of spans,
never with articles x sentences.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["assign_sentences", "mark_voice"]


def _article_codes(*columns: pd.Series) -> list[np.ndarray]:
    """Integer codes for article ids, shared across ``columns``."""
    lengths = [len(c) for c in columns]
    codes, _ = pd.factorize(pd.concat([c.astype(object) for c in columns], ignore_index=True))
    return np.split(codes.astype(np.int64), np.cumsum(lengths)[:-1])


def _keys(codes: np.ndarray, offsets: np.ndarray, base: int) -> np.ndarray:
    """One sortable int64 per (article, offset): articles apart, offsets in order."""
    return codes * base + offsets


def assign_sentences(spans: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Fill ``spans["sentence"]`` with the index of the sentence holding each span start.

    A span in an article without sentences gets a missing value; one that
    starts before the article's first sentence gets -1.

    Examples
    --------
    >>> spans = pd.DataFrame({"article_id": ["a", "a"], "start": [2, 15], "sentence": pd.NA})
    >>> sents = pd.DataFrame({"article_id": ["a", "a"], "index": [0, 1], "start": [0, 12]})
    >>> assign_sentences(spans, sents)["sentence"].tolist()
    [0, 1]
    """
    if spans.empty:
        return spans.assign(sentence=pd.array([], dtype="Int64"))
    out = spans.copy()
    result = pd.array([pd.NA] * len(out), dtype="Int64")
    if len(sentences):
        span_codes, sent_codes = _article_codes(out["article_id"], sentences["article_id"])
        span_starts = out["start"].to_numpy(dtype=np.int64)
        sent_starts = sentences["start"].to_numpy(dtype=np.int64)
        base = int(max(span_starts.max(), sent_starts.max(), 0)) + 2
        sent_keys = _keys(sent_codes, sent_starts, base)
        order = np.argsort(sent_keys, kind="stable")
        sorted_keys, sorted_codes = sent_keys[order], sent_codes[order]
        sorted_index = sentences["index"].to_numpy()[order]
        position = np.searchsorted(sorted_keys, _keys(span_codes, span_starts, base), "right") - 1
        clipped = np.clip(position, 0, None)
        same_article = (position >= 0) & (sorted_codes[clipped] == span_codes)
        has_sentences = np.isin(span_codes, sent_codes)
        values = np.where(same_article, sorted_index[clipped], -1)
        result = pd.array(np.where(has_sentences, values, 0), dtype="Int64")
        result[~has_sentences] = pd.NA
    out["sentence"] = result
    return out


def mark_voice(spans: pd.DataFrame, attributions: pd.DataFrame) -> pd.DataFrame:
    """Set ``voice`` to "attributed" for spans inside attributed content, else "own".

    ``attributions`` needs ``article_id``, ``content_start`` and
    ``content_end`` (character offsets into the article text). A span is
    attributed when one content span of its article contains it whole.

    Examples
    --------
    >>> spans = pd.DataFrame({"article_id": ["a", "a"], "start": [3, 30], "end": [8, 35]})
    >>> attrs = pd.DataFrame({"article_id": ["a"], "content_start": [0], "content_end": [20]})
    >>> mark_voice(spans, attrs)["voice"].tolist()
    ['attributed', 'own']
    """
    out = spans.copy()
    voice = np.full(len(out), "own", dtype=object)
    valid = (
        attributions.dropna(subset=["content_start", "content_end"])
        if len(attributions)
        else attributions
    )
    if len(out) and len(valid):
        span_codes, attr_codes = _article_codes(out["article_id"], valid["article_id"])
        starts = out["start"].to_numpy(dtype=np.int64)
        ends = out["end"].to_numpy(dtype=np.int64)
        c_starts = valid["content_start"].to_numpy(dtype=np.int64)
        c_ends = valid["content_end"].to_numpy(dtype=np.int64)
        base = int(max(ends.max(), c_ends.max(), starts.max(), c_starts.max(), 0)) + 2
        start_keys = _keys(attr_codes, c_starts, base)
        order = np.argsort(start_keys, kind="stable")
        sorted_starts, sorted_codes = start_keys[order], attr_codes[order]
        # the furthest content end among contents starting at or before each one;
        # keys of earlier articles are smaller, so the running max never leaks across
        reach = np.maximum.accumulate(_keys(attr_codes, c_ends, base)[order])
        position = np.searchsorted(sorted_starts, _keys(span_codes, starts, base), "right") - 1
        clipped = np.clip(position, 0, None)
        inside = (
            (position >= 0)
            & (sorted_codes[clipped] == span_codes)
            & (reach[clipped] >= _keys(span_codes, ends, base))
        )
        voice[inside] = "attributed"
    out["voice"] = voice
    return out
