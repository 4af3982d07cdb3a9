"""Keyness speed: framing.keyness vs Scattertext 0.2.2 on the same AllSides articles.

Both score every term of each bias group (left, center, right) against the
rest with the log-odds ratio with an informative Dirichlet prior (Monroe et
al. 2008), timed in this one run:

* **from texts** -- Scattertext's ``CorpusFromPandas`` (its
  ``whitespace_nlp_with_sentences`` tokenizer, the fastest it offers without
  spaCy) + ``build()`` + ``LogOddsRatioInformativeDirichletPrior`` z-scores
  per group, vs ``framing.keyness(table, by="bias", top=None)`` counting the
  texts itself (target: >= 5x);
* **from counts** -- Scattertext's ``CorpusFromScikit`` on a scikit-learn
  ``CountVectorizer`` matrix (counting + build + scores), vs
  ``framing.keyness(analysis, by="bias")`` on the term counts that
  ``framing.analyze(..., term_counts=True)`` already made in the feature
  stage, so nothing is counted twice (target: >= 1.5x). The time framing
  spent counting inside the analysis is printed too.

Prints CPU seconds (``time.process_time``: the machine may be shared, wall
times would measure the other load) and ratios, and the load average. Scattertext is a benchmark
dependency only (``pip install scattertext==0.2.2``); without it, or without
../shared, the script says so and exits 0::

    python benchmarks/bench_keyness.py            # 3,000 articles
    python benchmarks/bench_keyness.py --n 1000
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import os
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
ALLSIDES = REPO.parent / "shared" / "datasets" / "allsides" / "articles.jsonl.gz"


def _sample(n: int, folder: Path) -> Path:
    path = folder / "sample.jsonl"
    with gzip.open(ALLSIDES, "rt", encoding="utf-8") as source, open(path, "w") as out:
        for line in itertools.islice(source, n):
            out.write(line)
    return path


def _scattertext_scores(st, corpus) -> dict[str, np.ndarray]:
    freq = corpus.get_term_freq_df()
    prior = freq.sum(axis=1).to_numpy(dtype=float)
    scorer = st.LogOddsRatioInformativeDirichletPrior(prior, sigma=500)
    out = {}
    for column in freq.columns:
        own = freq[column].to_numpy(dtype=float)
        rest = freq.drop(columns=column).sum(axis=1).to_numpy(dtype=float)
        out[column] = scorer.get_zeta_i_j_given_separate_counts(own, rest)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=3000, help="articles (default 3,000)")
    args = parser.parse_args()
    try:
        import scattertext as st
    except ImportError:
        print("skipped: scattertext is not installed (pip install scattertext==0.2.2)")
        return
    if not ALLSIDES.exists():
        print(f"skipped: {ALLSIDES} is not present")
        return
    import tempfile

    from sklearn.feature_extraction.text import CountVectorizer

    import framing

    warnings.simplefilter("ignore")
    with tempfile.TemporaryDirectory() as tmp:
        table = framing.load(_sample(args.n, Path(tmp)))
    bias = table["meta"].map(lambda m: m.get("bias")).astype(str)
    frame = pd.DataFrame({"text": table["text"], "bias": bias})
    print(
        f"{len(table):,} AllSides articles, {frame['text'].str.split().str.len().sum():,} "
        f"words; load average {os.getloadavg()[0]:.2f}"
    )

    start = time.process_time()
    corpus = st.CorpusFromPandas(
        frame, category_col="bias", text_col="text", nlp=st.whitespace_nlp_with_sentences
    ).build()
    st_scores = _scattertext_scores(st, corpus)
    st_pandas = time.process_time() - start

    start = time.process_time()
    ours = framing.keyness(table.assign(bias=bias), by="bias", top=None, lexicons=False)
    ours_texts = time.process_time() - start

    start = time.process_time()
    vectorizer = CountVectorizer()
    matrix = vectorizer.fit_transform(frame["text"])
    names = sorted(frame["bias"].unique())
    labels = frame["bias"].map({n: i for i, n in enumerate(names)}).to_numpy()
    scikit = st.CorpusFromScikit(
        X=matrix,
        y=labels,
        feature_vocabulary=vectorizer.vocabulary_,
        category_names=names,
        raw_texts=frame["text"].tolist(),
    ).build()
    _scattertext_scores(st, scikit)
    st_scikit = time.process_time() - start

    start = time.process_time()
    from framing.features.distinguishing import count_terms

    counts = count_terms(table["text"], ids=table["article_id"])
    counting = time.process_time() - start
    analysis = framing.Analysis(
        table,
        table.iloc[:0],
        table.iloc[:0],
        table.iloc[:0],
        pd.DataFrame({"article_id": table["article_id"], "outlet": table["outlet"]}),
        term_counts=counts,
    )
    start = time.process_time()
    framing.keyness(analysis, by="bias", top=None, lexicons=False)
    ours_counts = time.process_time() - start

    overlap = []
    for group in names:
        theirs = pd.Series(st_scores[f"{group} freq"], index=corpus.get_terms())
        mine = ours[(ours["group"] == group) & (ours["versus"] == "rest")]
        top_theirs = set(theirs.sort_values(ascending=False).head(50).index)
        top_mine = set(mine.head(50)["term"])
        overlap.append(len(top_theirs & top_mine) / 50)
    print(
        f"from texts : scattertext CorpusFromPandas {st_pandas:8.2f} s | framing.keyness "
        f"{ours_texts:6.2f} s | ratio {st_pandas / ours_texts:6.1f}x (target >= 5x)"
    )
    print(
        f"from counts: scattertext CorpusFromScikit {st_scikit:8.2f} s | framing.keyness on "
        f"analysis counts {ours_counts:6.2f} s | ratio {st_scikit / ours_counts:6.1f}x "
        "(target >= 1.5x)"
    )
    print(
        f"  (framing's counting, done once inside analyze(term_counts=True): {counting:.2f} s; "
        f"counting + keyness {counting + ours_counts:.2f} s, ratio "
        f"{st_scikit / (counting + ours_counts):.1f}x)"
    )
    print(
        f"top-50 terms per group shared with Scattertext (its tokens differ: 'U.S.' -> 'u.s', "
        f"curly apostrophes kept): {', '.join(f'{o:.0%}' for o in overlap)}"
    )
    start = time.process_time()
    from framing.corpus.keyness import lexicon_categories

    lexicon_categories()
    print(
        f"(not timed above, as Scattertext has no lexicon: listing the lexicon terms' "
        f"inflections for the category column, once per process: "
        f"{time.process_time() - start:.2f} s)"
    )
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
