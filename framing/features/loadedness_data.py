"""The development corpora the loadedness models are trained and cross-validated on.

Each reader labels every word of one dataset (marked by BABE's annotators,
or inside a PTC or BASIL span) and gives each word the **group** that
cross-validation keeps in one fold: the source article of a BABE sentence
(its ``news_link``; sentences of one article share topic, people and
wording), a PTC article together with any other article that repeats one of
its sentences (a few PTC articles quote the same paragraphs), a BASIL event.
The datasets are read where they lie, in their upstream layouts; nothing is
copied or downloaded.
"""

from __future__ import annotations

import ast
import json
import re
import sys
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .loadedness_features import lemma_key, word_features, word_vectors

__all__ = [
    "PTC_TECHNIQUES",
    "Corpus",
    "linked_groups",
    "load_corpora",
    "read_babe",
    "read_basil",
    "read_ptc",
]

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

    @property
    def lemmas(self) -> np.ndarray:
        """The lemma of each word (:func:`lemma_key`), computed once."""
        if getattr(self, "_lemmas", None) is None:
            self._lemmas = np.array([lemma_key(w) for w in self.words["text"]], dtype=object)
        return self._lemmas

    @property
    def vectors(self) -> np.ndarray:
        """The word vector of each word (:func:`word_vectors`), computed once."""
        if getattr(self, "_vectors", None) is None:
            self._vectors = word_vectors(self.words["text"].tolist())
        return self._vectors


def linked_groups(keys: Sequence[Sequence[Hashable]]) -> np.ndarray:
    """One group id per document: documents sharing any key (directly or by a chain) join.

    Examples
    --------
    >>> linked_groups([["a"], ["b"], ["a", "c"], ["c"], []]).tolist()
    [0, 1, 0, 0, 2]
    """
    parent = list(range(len(keys)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[Hashable, int] = {}
    for doc, doc_keys in enumerate(keys):
        for key in doc_keys:
            other = first.setdefault(key, doc)
            parent[root(doc)] = root(other)
    return pd.factorize(np.array([root(i) for i in range(len(keys))]))[0]


# A line (PTC: one sentence) of at least this many words is a key: two articles
# that share one are partly the same text and stay in one fold.
_SHARED_LINE_WORDS = 10
_NON_WORD = re.compile(r"\W+")


def _normalised(text: str) -> str:
    return _NON_WORD.sub(" ", text.casefold()).strip()


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
    # folds by source article (and by text, should one sentence appear under two links)
    doc_groups = linked_groups(
        [
            [("link", str(a)), ("text", _normalised(t))]
            for a, t in zip(frame["news_link"], texts, strict=True)
        ]
    )
    groups = doc_groups[words["doc"].to_numpy()]
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
    doc_groups = linked_groups(
        [
            [n for n in map(_normalised, t.splitlines()) if n.count(" ") + 1 >= _SHARED_LINE_WORDS]
            for t in texts
        ]
    )
    return Corpus(
        "PTC", texts, words, X, _label_spans(words, spans), doc_groups[words["doc"]], spans
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
