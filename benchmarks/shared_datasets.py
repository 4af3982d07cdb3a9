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


# -- Gender Gap Tracker quotes ----------------------------------------------------------
def _span(value: str) -> tuple[int, int] | None:
    parts = [p.strip() for p in value.strip().strip("()").split(",") if p.strip()]
    return (int(parts[0]), int(parts[1])) if len(parts) == 2 else None


def _near(text: str, needle: str, around: int) -> int | None:
    """Start of the occurrence of ``needle`` in ``text`` nearest to ``around``."""
    if not needle:
        return None
    best, start = None, text.find(needle)
    while start >= 0:
        if best is None or abs(start - around) < abs(best - around):
            best = start
        start = text.find(needle, start + 1)
    return best


def ggt_quote_kind(quote: str, verb: str) -> str:
    """``floating`` (no verb), ``direct`` (quotation marks) or ``indirect``."""
    if not verb.strip():
        return "floating"
    return "direct" if any(m in quote for m in '"“”«»') else "indirect"


def read_ggt() -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """GGT articles, gold quotes re-anchored in the raw text, and what could not be read.

    The annotated offsets drift from the raw text by a few characters per
    paragraph (see datasets/README.md); each quote is found again by its
    text nearest its given offset, and its speaker and verb nearest their
    offsets shifted by the same drift. Returns ``(articles, quotes,
    problems)``: ``articles`` has ``article_id, outlet, text``; ``quotes``
    has ``article_id, quote_start, quote_end, speaker, speaker_start,
    speaker_end, verb, reference, kind`` (speaker offsets are None for
    floating quotes).
    """
    import json

    root = _require(DATASETS / "ggt")
    csv.field_size_limit(1 << 30)
    articles, quotes, problems = [], [], []
    with open(root / "quotes_gold.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            article_id = row["article_id"]
            path = root / "rawtext" / f"{article_id}.txt"
            if not path.exists():
                problems.append(f"{article_id}: no rawtext file")
                continue
            try:
                annotated = json.loads(row["quotations"])
            except ValueError as exc:
                problems.append(f"{article_id}: quotations cell is not JSON ({exc})")
                continue
            text = path.read_text(encoding="utf-8")
            articles.append({"article_id": article_id, "outlet": row["outlet"], "text": text})
            for q in annotated:
                given = _span(q["quote_index"]) or (0, 0)
                quote = q["quote"].strip()
                start = _near(text, quote, given[0])
                if start is None:
                    problems.append(f"{article_id}: quote not found: {quote[:60]!r}")
                    continue
                drift = start - given[0]
                speaker = q["speaker"].strip()
                s_given = _span(q["speaker_index"])
                s_start = _near(text, speaker, s_given[0] + drift) if speaker and s_given else None
                quotes.append(
                    {
                        "article_id": article_id,
                        "quote_start": start,
                        "quote_end": start + len(quote),
                        "speaker": speaker,
                        "speaker_start": s_start,
                        "speaker_end": None if s_start is None else s_start + len(speaker),
                        "verb": q["verb"].strip(),
                        "reference": q["reference"].strip(),
                        "kind": ggt_quote_kind(quote, q["verb"]),
                    }
                )
    return pd.DataFrame(articles), pd.DataFrame(quotes), problems


# -- BASIL ---------------------------------------------------------------------------------
BASIL_OUTLETS = {"fox": "Fox News", "nyt": "New York Times", "hpo": "HuffPost"}


def read_basil_articles() -> pd.DataFrame:
    """BASIL articles: ``article_id`` (file stem), ``outlet``, ``title``, ``text``.

    Sentences of a paragraph are joined by a space, paragraphs by a blank line.
    """
    import json

    root = _require(DATASETS / "basil" / "articles")
    rows = []
    for path in sorted(root.glob("*/*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        paragraphs = [
            " ".join(s.strip() for s in p if s.strip()) for p in record["body-paragraphs"]
        ]
        rows.append(
            {
                "article_id": path.stem,
                "outlet": BASIL_OUTLETS.get(record["source"].casefold(), record["source"]),
                "title": record.get("title", ""),
                "text": "\n\n".join(p for p in paragraphs if p),
            }
        )
    return pd.DataFrame(rows)
