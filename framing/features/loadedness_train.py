"""Train and cross-validate the loadedness model on the development datasets.

One documented command (nothing is downloaded; the datasets are read where
they lie, in their upstream layouts)::

    python -m framing.features.loadedness_train --datasets ../shared/datasets \\
        -o framing/resources/models/loadedness.json

reads BABE (``babe/babe_sg2.csv``: words marked as biased), PTC
(``ptc/articles`` and ``ptc/labels.tsv``: Loaded_Language and
Name_Calling,Labeling spans) and BASIL (``basil/articles`` and
``basil/annotations``: lexical-bias spans), labels every word (marked, or
inside a span), fits :class:`~framing.features.loadedness.LoadednessModel`
on all of them and writes it as JSON. ``--cv 5`` first prints k-fold
cross-validated scores (folds by sentence for BABE, by article for PTC, by
event for BASIL, so no scored word was seen in training).
"""

from __future__ import annotations

import argparse
import ast
import json
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .loadedness import fit_model
from .loadedness_features import word_features

__all__ = ["Corpus", "cross_validate", "load_corpora", "read_basil", "word_spans"]

PTC_TECHNIQUES = ("Loaded_Language", "Name_Calling,Labeling")


@dataclass
class Corpus:
    """Words of one dataset with features, gold labels and CV groups."""

    name: str
    texts: list[str]
    words: pd.DataFrame  # doc, start, end, text, sentence
    X: np.ndarray
    y: np.ndarray
    groups: np.ndarray  # one id per word: the unit folds keep together
    gold_spans: dict[int, list[tuple[int, int]]]  # per doc (PTC, BASIL)
    subset: np.ndarray | None = None  # per doc: in the "biased" subset (BABE)


def _label_spans(words: pd.DataFrame, spans: dict[int, list[tuple[int, int]]]) -> np.ndarray:
    y = np.zeros(len(words), dtype=bool)
    for i, (d, s, e) in enumerate(zip(words["doc"], words["start"], words["end"], strict=True)):
        y[i] = any(a < e and s < b for a, b in spans.get(int(d), ()))
    return y


def read_babe(root: Path) -> Corpus:
    frame = pd.read_csv(root / "babe" / "babe_sg2.csv")
    frame = frame[frame["label_bias"] != "No agreement"].reset_index(drop=True)
    marked = [
        {str(w).casefold() for w in ast.literal_eval(v)} if isinstance(v, str) else set()
        for v in frame["biased_words"]
    ]
    texts = frame["text"].astype(str).tolist()
    words, X = word_features(texts)
    y = np.array(
        [w.casefold() in marked[d] for d, w in zip(words["doc"], words["text"], strict=True)]
    )
    groups = words["doc"].to_numpy()
    subset = (frame["label_bias"] == "Biased").to_numpy()
    return Corpus("BABE", texts, words, X, y, groups, {}, subset)


def read_ptc(root: Path) -> Corpus:
    paths = sorted((root / "ptc" / "articles").glob("article*.txt"))
    ids = [p.stem.removeprefix("article") for p in paths]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    labels = pd.read_csv(
        root / "ptc" / "labels.tsv",
        sep="\t",
        header=None,
        names=["article_id", "technique", "start", "end"],
        dtype={"article_id": str},
    )
    labels = labels[labels["technique"].isin(PTC_TECHNIQUES)]
    index = {a: i for i, a in enumerate(ids)}
    spans: dict[int, list[tuple[int, int]]] = {}
    for a, s, e in zip(labels["article_id"], labels["start"], labels["end"], strict=True):
        if a in index:
            spans.setdefault(index[a], []).append((int(s), int(e)))
    words, X = word_features(texts)
    return Corpus(
        "PTC", texts, words, X, _label_spans(words, spans), words["doc"].to_numpy(), spans
    )


def read_basil(root: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """BASIL articles and phrase-level spans placed in the article text.

    The text of an article is its title, a blank line, then its paragraphs
    (sentences joined by a space, paragraphs by a blank line). BASIL gives a
    span's offsets within one unnamed sentence: the span is placed in the
    first sentence (title included) where those offsets slice its text, else
    where its text occurs; the few found nowhere are left out.
    """
    base = root / "basil"
    if not base.is_dir():
        raise FileNotFoundError(f"{base} is not present")
    articles, spans = [], []
    for path in sorted((base / "articles").glob("*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        pieces: list[tuple[int, str]] = []
        text = ""
        for number, paragraph in enumerate([[data.get("title") or ""], *data["body-paragraphs"]]):
            text += "\n\n" if number else ""
            for k, sentence in enumerate(paragraph):
                text += " " if k else ""
                pieces.append((len(text), sentence))
                text += sentence
        article_id = path.stem
        articles.append(
            {
                "article_id": article_id,
                "event": article_id.rsplit("_", 1)[0],
                "outlet": str(data.get("source", "")).casefold(),
                "year": path.parent.name,
                "text": text,
            }
        )
        ann = base / "annotations" / path.parent.name / f"{article_id}_ann.json"
        if not ann.exists():
            continue
        for span in json.loads(ann.read_text(encoding="utf-8")).get("phrase-level-annotations", []):
            wanted, start, end = span["txt"], int(span["start"]), int(span["end"])
            place = next((o + start for o, s in pieces if s[start:end] == wanted), None)
            if place is None:
                place = next((o + s.find(wanted) for o, s in pieces if wanted in s), None)
            if place is None or not wanted.strip():
                continue
            spans.append(
                {
                    "article_id": article_id,
                    "start": place,
                    "end": place + len(wanted),
                    "text": wanted,
                    "bias": span.get("bias", ""),
                    "polarity": span.get("polarity", ""),
                    "quote": span.get("quote", "") == "yes",
                }
            )
    return pd.DataFrame(articles), pd.DataFrame(spans)


def _basil_corpus(root: Path) -> Corpus:
    articles, spans = read_basil(root)
    lexical = spans[spans["bias"] == "lex"]
    index = {a: i for i, a in enumerate(articles["article_id"])}
    gold: dict[int, list[tuple[int, int]]] = {}
    for a, s, e in zip(lexical["article_id"], lexical["start"], lexical["end"], strict=True):
        gold.setdefault(index[a], []).append((int(s), int(e)))
    texts = articles["text"].tolist()
    words, X = word_features(texts)
    events = pd.factorize(articles["event"])[0]
    return Corpus("BASIL", texts, words, X, _label_spans(words, gold), events[words["doc"]], gold)


def load_corpora(root: str | Path, names: Sequence[str] = ("BABE", "PTC", "BASIL")) -> list[Corpus]:
    """The development corpora found under ``root`` (missing ones are skipped)."""
    root = Path(root)
    readers = {"BABE": read_babe, "PTC": read_ptc, "BASIL": _basil_corpus}
    corpora = []
    for name in names:
        try:
            corpora.append(readers[name](root))
        except FileNotFoundError as exc:
            print(f"{name}: skipped ({exc})", file=sys.stderr)
    return corpora


def word_spans(words: pd.DataFrame, texts: Sequence[str], flags: np.ndarray) -> dict:
    """Runs of flagged words joined into spans per doc (words apart by spaces or hyphens)."""
    spans: dict[int, list[tuple[int, int]]] = {}
    prev_doc, prev_end = -1, -1
    for d, s, e, f in zip(words["doc"], words["start"], words["end"], flags, strict=True):
        if not f:
            prev_doc = -1
            continue
        d = int(d)
        gap = texts[d][prev_end:s] if d == prev_doc else None
        if gap is not None and gap.strip(" -") == "" and spans.get(d):
            spans[d][-1] = (spans[d][-1][0], int(e))
        else:
            spans.setdefault(d, []).append((int(s), int(e)))
        prev_doc, prev_end = d, int(e)
    return spans


def _folds(groups: np.ndarray, k: int, seed: int = 13) -> np.ndarray:
    unique = sorted(set(groups.tolist()))
    random.Random(seed).shuffle(unique)
    fold_of = {g: i % k for i, g in enumerate(unique)}
    return np.array([fold_of[g] for g in groups.tolist()])


def score(corpus: Corpus, flags: np.ndarray) -> dict[str, tuple[float, float, float]]:
    """P/R/F1 of flagged words: word level (BABE, and its biased subset) or spans."""
    from ..evaluation import overlap_weighted_combine

    def prf(tp: float, n_pred: float, n_gold: float) -> tuple[float, float, float]:
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0

    if corpus.subset is not None:
        biased = corpus.subset[corpus.words["doc"].to_numpy()]
        y = corpus.y
        return {
            "all": prf(float((flags & y).sum()), float(flags.sum()), float(y.sum())),
            "biased": prf(
                float((flags & y & biased).sum()),
                float((flags & biased).sum()),
                float((y & biased).sum()),
            ),
        }
    predicted = word_spans(corpus.words, corpus.texts, flags)
    parts = [(predicted.get(d, []), corpus.gold_spans.get(d, [])) for d in range(len(corpus.texts))]
    s = overlap_weighted_combine(parts)
    return {"spans": (s.precision, s.recall, s.f1)}


def cross_validate(
    corpora: Sequence[Corpus], k: int = 5, **fit_kwargs: object
) -> dict[str, dict[str, tuple[float, float, float]]]:
    """k-fold scores: each word is scored by a model that never saw its sentence/article/event."""
    folds = [_folds(c.groups, k) for c in corpora]
    scores_out = [np.zeros(len(c.y)) for c in corpora]
    flags_out = [np.zeros(len(c.y), dtype=bool) for c in corpora]
    for fold in range(k):
        train = [(c, f != fold) for c, f in zip(corpora, folds, strict=True)]
        model = fit_model(
            [c.X[m] for c, m in train],
            [c.y[m] for c, m in train],
            [c.words["text"].to_numpy()[m] for c, m in train],
            **fit_kwargs,  # type: ignore[arg-type]
        )
        for i, (c, f) in enumerate(zip(corpora, folds, strict=True)):
            test = f == fold
            probability = model.predict_proba_words(c.X[test], c.words["text"].to_numpy()[test])
            scores_out[i][test] = probability
            flags_out[i][test] = probability >= model.threshold
    return {c.name: score(c, flags_out[i]) for i, c in enumerate(corpora)}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--datasets", default="../shared/datasets", help="folder of the datasets")
    parser.add_argument("-o", "--output", help="model JSON to write")
    parser.add_argument("--cv", type=int, default=0, help="print k-fold scores first (k)")
    parser.add_argument(
        "--lexical",
        action="store_true",
        help="also learn one weight per word (a learned word list: not for redistribution)",
    )
    args = parser.parse_args(argv)
    corpora = load_corpora(args.datasets)
    if not corpora:
        print("no dataset found; nothing to train on.", file=sys.stderr)
        return 1
    if args.cv:
        for name, figures in cross_validate(corpora, args.cv, lexical=args.lexical).items():
            for part, (p, r, f) in figures.items():
                print(f"{name:6s} {part:7s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    if args.output:
        model = fit_model(
            [c.X for c in corpora],
            [c.y for c in corpora],
            [c.words["text"].to_numpy() for c in corpora],
            lexical=args.lexical,
            training_data=[
                f"{c.name} ({len(c.y)} words, {int(c.y.sum())} loaded)" for c in corpora
            ],
        )
        path = model.save(args.output)
        print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
