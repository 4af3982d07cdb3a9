"""Lexicons: shipped files are clean, user files give line-numbered errors."""

from __future__ import annotations

import pytest

import framing
from framing.features.lexicon import BUILTIN_LEXICONS, Lexicon, validate_lexicon


@pytest.mark.parametrize("name", BUILTIN_LEXICONS)
def test_shipped_lexicons_are_valid_and_documented(name):
    lexicon = Lexicon.builtin(name)
    assert len(lexicon) >= 60
    assert (lexicon.entries["source"].str.len() > 0).all(), "every entry cites its source"


def test_conflict_lexicon_size_and_counterparts():
    entries = Lexicon.builtin("conflict_geopolitics").entries
    assert len(entries) >= 300
    by_term = entries.set_index("term")
    assert by_term.loc["assassination", "neutral"] == "killing"
    assert by_term.loc["deported", "neutral"] == "withdrawn"
    assert by_term.loc["claimed", "category"] == "attribution_verb"
    assert {
        "violence",
        "delegitimising_label",
        "expulsion",
        "victory_humiliation",
        "intensifier",
        "attribution_verb",
    } <= set(entries["category"])


def test_validate_reports_line_numbers(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text(
        "term,category,valence,neutral,variants\n"
        "regime,label,-1,government,\n"
        ",label,0,,\n"
        "puppet,label,minus,,\n"
        "regime,label,-1,,\n"
        "junta,label,0,,Junta||\n"
        "too,many,fields,here,x,y\n",
        "utf-8",
    )
    assert [str(p) for p in validate_lexicon(path)] == [
        "line 3: empty 'term'",
        "line 4: valence 'minus' is not a number",
        "line 5: duplicate of line 2 (term 'regime', category 'label')",
        "line 6: variants 'Junta||' has an empty entry",
        "line 7: 6 fields where the header has 5 (quote fields that contain commas)",
    ]
    with pytest.raises(
        framing.LexiconError, match=r"mine\.csv: 5 problem\(s\).*line 3: empty 'term'"
    ):
        Lexicon.from_csv(path)


def test_missing_header_and_non_utf8(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("word,kind\nregime,label\n", "utf-8")
    assert [str(p) for p in validate_lexicon(path)] == [
        "line 1: the header lacks the column(s) ['term', 'category']; found ['word', 'kind']"
    ]
    path.write_bytes("term,category\nrégime,label\n".encode("cp1252"))
    with pytest.raises(framing.LexiconError, match="line 2: bytes that are not UTF-8"):
        Lexicon.from_csv(path)


def test_user_lexicon_is_matched(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("term,category,neutral\nsnake oil,smear,product\n", "utf-8")
    spans = framing.LoadedTermMatcher([path]).find_in_text("They sold snake oil.")
    assert spans[["text", "category", "neutral", "lexicon"]].values.tolist() == [
        ["snake oil", "smear", "product", "mine"]
    ]


# -- bad lexicon files (issue 11, row 4) --------------------------------------------------
def test_header_only_lexicon_is_invalid(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("term,category\n", "utf-8")
    assert [str(p) for p in validate_lexicon(path)] == [
        "line 2: the file has a header but no entries; add one row per term, "
        "such as: regime,delegitimising_label"
    ]
    with pytest.raises(framing.LexiconError, match=r"empty\.csv: 1 problem.*no entries"):
        framing.analyze([framing.load_article(text="The regime fell.")], lexicons=[path])


def test_empty_lexicon_object_matches_nothing():
    matcher = framing.LoadedTermMatcher([Lexicon.from_terms([], "label")])
    assert matcher.find_in_text("The regime fell.").empty


def test_long_note_is_read(tmp_path):
    path = tmp_path / "long.csv"
    path.write_text('term,category,note\nregime,label,"' + "x" * 200_000 + '"\n', "utf-8")
    assert validate_lexicon(path) == []
    assert len(Lexicon.from_csv(path).entries["note"].iloc[0]) == 200_000
