"""Readers for the annotated datasets in ../shared/datasets (never copied here).

Each reader returns plain pandas tables; a missing dataset raises
``FileNotFoundError`` so scripts can skip it with a message.
"""

from __future__ import annotations

import ast
import csv
import random
from pathlib import Path

import pandas as pd

DATASETS = Path(__file__).resolve().parents[1].parent / "shared" / "datasets"


def _require(path: Path) -> Path:
    if not path.exists():
        raise FileNotFoundError(f"{path} is not present (../shared/datasets is needed)")
    return path


# -- BABE ---------------------------------------------------------------------------
def read_babe() -> pd.DataFrame:
    """BABE SG2 sentences: text, outlet, label_bias, biased_words (list of str)."""
    frame = pd.read_csv(_require(DATASETS / "babe" / "babe_sg2.csv"))
    frame["biased_words"] = frame["biased_words"].fillna("[]").map(ast.literal_eval)
    return frame


# -- PTC ----------------------------------------------------------------------------
PTC_LABELS = ("Loaded_Language", "Name_Calling,Labeling")


def read_ptc() -> tuple[pd.DataFrame, pd.DataFrame]:
    """PTC articles (article_id, text) and spans (article_id, technique, start, end)."""
    root = _require(DATASETS / "ptc")
    articles = []
    for path in sorted((root / "articles").glob("article*.txt")):
        articles.append(
            {
                "article_id": path.stem.removeprefix("article"),
                "text": path.read_text(encoding="utf-8"),
            }
        )
    spans = pd.read_csv(
        root / "labels.tsv",
        sep="\t",
        header=None,
        names=["article_id", "technique", "start", "end"],
        dtype={"article_id": str},
    )
    return pd.DataFrame(articles), spans


# -- PolNeAR ----------------------------------------------------------------------------
def _annotators(split: str) -> dict[str, str]:
    chosen = {}
    with open(_require(DATASETS / "polnear" / "metadata.tsv"), encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["compartment"] == split:
                chosen[row["filename"]] = row["annotators"].split("|")[0]
    return chosen


def read_polnear(split: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """PolNeAR texts and gold attributions of one split (the metadata's annotator).

    Returns ``(articles, attributions)``; each attribution row has lists of
    ``(start, end)`` segments for ``source``, ``cue`` and ``content``.
    """
    root = _require(DATASETS / "polnear" / split)
    articles, attributions = [], []
    for name, annotator in sorted(_annotators(split).items()):
        text_path = root / "text" / f"{name}.txt"
        ann_path = root / "attributions" / f"{name}_{annotator}.ann"
        if not text_path.exists() or not ann_path.exists():
            continue
        text = text_path.read_text(encoding="utf-8")
        articles.append({"article_id": name, "text": text})
        spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
        for line in ann_path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            if parts[0].startswith("T"):
                kind, _, offsets = parts[1].partition(" ")
                segments = [tuple(int(x) for x in seg.split()) for seg in offsets.split(";")]
                spans[parts[0]] = (kind, segments)  # type: ignore[assignment]
            elif parts[0].startswith("E"):
                roles = dict(item.split(":") for item in parts[1].split())
                record: dict[str, object] = {"article_id": name}
                for role in ("Source", "Cue", "Content"):
                    ids = [v for k, v in roles.items() if k.startswith(role)]
                    record[role.lower()] = [seg for i in ids if i in spans for seg in spans[i][1]]
                attributions.append(record)
    return pd.DataFrame(articles), pd.DataFrame(attributions)


def split_ids(ids: list[str], fraction: float, seed: int = 13) -> tuple[list[str], list[str]]:
    """Reproducible split of ids into (first part, rest)."""
    shuffled = sorted(ids)
    random.Random(seed).shuffle(shuffled)
    cut = int(len(shuffled) * fraction)
    return shuffled[:cut], shuffled[cut:]


# -- BASIL ----------------------------------------------------------------------------
def read_basil() -> tuple[pd.DataFrame, pd.DataFrame]:
    """BASIL articles and phrase-level bias spans located in the article text.

    ``articles``: ``article_id`` (``<event>_<n>``), ``event``, ``outlet``, ``year``,
    ``text``; ``spans``: ``article_id``, ``start``, ``end``, ``text``, ``bias``
    (lex / inf), ``polarity``, ``quote``. The reader is the one the loadedness
    model is trained with (``framing.features.loadedness_train.read_basil``).
    """
    from framing.features.loadedness_train import read_basil as _read

    _require(DATASETS / "basil")
    return _read(DATASETS)
