"""Lexicon induction, distinguishing terms, vectorizer and sentiment."""

from __future__ import annotations

import importlib
import re

import numpy as np
import pytest

import framing
from framing.features.sentiment import sentence_sentiment


def test_induce_from_marked_words_and_spans():
    texts = [
        "The radical regime lied again.",
        "A radical plan failed.",
        "The plan passed.",
        "The regime met.",
        "Radical voices rose.",
    ]
    marks = [["radical", "lied"], ["radical"], [], [], ["radical"]]
    lexicon = framing.induce_lexicon(texts, marks, min_support=2, z_threshold=0.5)
    assert lexicon.entries["term"].tolist() == ["radical"]
    assert lexicon.entries["weight"].tolist() == [1.0]
    assert lexicon.entries["note"].iloc[0].startswith("marked 3 of 3 occurrences")
    spans = [[(4, 11)], [(2, 9)], [], [], [(0, 7)]]
    assert framing.induce_lexicon(texts, spans, min_support=2, z_threshold=0.5).entries[
        "term"
    ].tolist() == ["radical"]


def test_min_support_is_respected():
    lexicon = framing.induce_lexicon(["a brutal raid"], [["brutal"]], min_support=2, z_threshold=0)
    assert len(lexicon) == 0


def test_distinguishing_terms_rank_by_z():
    texts = ["the regime crushed protesters"] * 5 + ["the government met protesters"] * 5
    table = framing.distinguishing_terms(texts, ["a"] * 5 + ["b"] * 5, min_count=1)
    top = table.groupby("group")["term"].first().to_dict()
    assert top["a"] in {"regime", "crushed"} and top["b"] in {"government", "met"}
    assert np.isclose(table.loc[table["term"] == "protesters", "z"], 0).all()


def test_vectorizer_per_words():
    vec = framing.LoadedTermVectorizer(by="term", per_words=100).fit()
    matrix = vec.transform(["They were deported. " * 5])
    names = list(vec.get_feature_names_out())
    assert matrix[0, names.index("deported")] == 100 * 5 / 15


def test_vader_without_download():
    table = sentence_sentiment(
        framing.sentences(framing.load_article(text="A brutal massacre. A lovely day."))
    )
    assert table["compound"].iloc[0] < 0 < table["compound"].iloc[1]


# -- bad annotation cells (issue 11, row 4) ---------------------------------------------
@pytest.mark.parametrize(
    ("column", "cell", "reason"),
    [
        ("words", "5", "'5' is not a word"),
        ("words", '"[""regime"""', "'\\[\"regime\"' is not a complete list"),
        ("spans", '"[[4]]"', "\\[4\\] is not a \\[start, end\\] pair"),
    ],
)
def test_bad_marks_name_file_row_and_fix(tmp_path, column, cell, reason):
    path = tmp_path / "marks.csv"
    path.write_text(f"text,{column}\nThe regime lied.,[]\nA plan.,{cell}\n", "utf-8")
    kwargs = {"words_column": "words"} if column == "words" else {"spans_column": "spans"}
    # ValueError: the MarksError class may be imported twice under doctest collection
    with pytest.raises(ValueError) as error:
        importlib.import_module("framing.features.induce").induce_from_file(path, **kwargs)
    assert type(error.value).__name__ == "MarksError"
    message = str(error.value)
    assert "\n" not in message
    assert re.match(rf"^.*marks\.csv: row 3, column '{column}': {reason}", message)
    assert "write the" in message  # the fix


def test_bad_marks_in_the_python_api():
    with pytest.raises(ValueError, match=r"marks of text 1: 5 is not a list"):
        framing.induce_lexicon(["A regime.", "A plan."], [["regime"], 5])


def test_analyze_has_a_loadedness_column():
    article = framing.load_article(text="The brutal regime deported the protesters. Talks resumed.")
    terms = framing.analyze([article]).loaded_terms
    assert "loadedness" in terms.columns
    assert terms["loadedness"].between(0, 1).all() and (terms["loadedness"] > 0).all()
