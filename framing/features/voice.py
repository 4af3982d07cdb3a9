"""Place spans in their sentence and in the outlet's own or an attributed voice."""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["assign_sentences", "mark_voice"]


def assign_sentences(spans: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Fill ``spans["sentence"]`` with the index of the sentence holding each span start.

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
    out["sentence"] = pd.array([pd.NA] * len(out), dtype="Int64")
    for article_id, rows in out.groupby("article_id", sort=False).groups.items():
        own = sentences[sentences["article_id"] == article_id]
        if own.empty:
            continue
        starts = own["start"].to_numpy()
        order = np.argsort(starts)
        position = (
            np.searchsorted(starts[order], out.loc[rows, "start"].to_numpy(), side="right") - 1
        )
        index = own["index"].to_numpy()[order][np.clip(position, 0, None)]
        out.loc[rows, "sentence"] = np.where(position >= 0, index, -1)
    return out


def mark_voice(spans: pd.DataFrame, attributions: pd.DataFrame) -> pd.DataFrame:
    """Set ``voice`` to "attributed" for spans inside attributed content, else "own".

    ``attributions`` needs ``article_id``, ``content_start`` and
    ``content_end`` (character offsets into the article text).

    Examples
    --------
    >>> spans = pd.DataFrame({"article_id": ["a", "a"], "start": [3, 30], "end": [8, 35]})
    >>> attrs = pd.DataFrame({"article_id": ["a"], "content_start": [0], "content_end": [20]})
    >>> mark_voice(spans, attrs)["voice"].tolist()
    ['attributed', 'own']
    """
    out = spans.copy()
    voice = np.full(len(out), "own", dtype=object)
    if len(out) and len(attributions):
        valid = attributions.dropna(subset=["content_start", "content_end"])
        by_article = {k: g for k, g in valid.groupby("article_id", sort=False)}
        starts = out["start"].to_numpy()
        ends = out["end"].to_numpy()
        for position, article_id in enumerate(out["article_id"].to_numpy()):
            group = by_article.get(article_id)
            if group is None:
                continue
            inside = (group["content_start"].to_numpy() <= starts[position]) & (
                ends[position] <= group["content_end"].to_numpy()
            )
            if inside.any():
                voice[position] = "attributed"
    out["voice"] = voice
    return out
