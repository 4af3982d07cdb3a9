"""Small constructed corpora for the corpus stage (no shared data)."""

from __future__ import annotations

import json
import warnings

import pytest

import framing

# Three outlets, two topics, two months; loaded terms of the default lexicons
# ("regime", "terrorists", "assassination", "crushed"), attributions with
# neutral and loaded cues, a direct quote.
TEXTS = {
    "left": [
        "The government met the protesters on Monday, officials said.",
        "Donald Trump said the talks were useful. Trump added that more would follow.",
        "The council approved the budget after a long debate, the mayor said.",
    ],
    "centre": [
        "The regime crushed the protest, witnesses said.",
        '"We will not leave," Trump said on Tuesday.',
        "Officials said the strike killed a commander near the border.",
    ],
    "right": [
        "The regime's terrorists staged an assassination, the minister claimed.",
        "The regime crushed dissent and the terrorists boasted of it, critics said.",
        "Donald Trump admitted the deal was a disaster for the regime.",
    ],
}


def records() -> list[dict]:
    out = []
    for bias, texts in TEXTS.items():
        for k, text in enumerate(texts):
            out.append(
                {
                    "id": f"{bias}-{k}",
                    "outlet": f"Outlet {bias.title()}",
                    "title": f"Story {k} of {bias}",
                    "date": f"2020-0{1 + k % 2}-1{k}",
                    "topic": "war" if k != 2 else "budget",
                    "bias": bias,
                    "text": text,
                }
            )
    return out


@pytest.fixture(scope="session")
def corpus_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "articles.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records()) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def corpus_table(corpus_file):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return framing.load(corpus_file)


@pytest.fixture(scope="session")
def corpus_analysis(corpus_table):
    return framing.analyze(
        corpus_table, term_counts=True, keep=("text", "loaded_terms", "attributions")
    )
