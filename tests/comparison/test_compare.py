"""framing.compare on the seed, on small texts, and its table contracts."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.comparison import (
    ADDITION_COLUMNS,
    ALIGNMENT_COLUMNS,
    FIDELITY_COLUMNS,
    OMISSION_COLUMNS,
    SUBSTITUTION_COLUMNS,
)
from framing.comparison.align import moved_links

NEUTRAL_SOURCE = Path(__file__).with_name("neutral_source_for_seed.txt")


@pytest.fixture(scope="module")
def seed_comparison(seed_path):
    return framing.compare(NEUTRAL_SOURCE, seed_path)


def test_seed_loaded_substitutions_are_found(seed_comparison):
    subs = seed_comparison.substitutions
    loaded = subs[subs["direction"] == "neutral_to_loaded"]
    pairs = {
        (s.casefold(), c.casefold())
        for s, c in zip(loaded["source_phrase"], loaded["citing_phrase"], strict=True)
    }
    assert ("asked to leave", "deported") in pairs
    assert ("isis", "daesh") in pairs
    assert ("long", "fierce") in pairs
    assert any("killing" in s and "assassination" in c for s, c in pairs)
    takfiri = subs[subs["citing_phrase"].str.contains("Takfirir")]
    assert takfiri["source_phrase"].tolist() == ["ISIS militants"]
    # every row points at the words that produced it
    text = seed_comparison.citing.text
    for row in subs.itertuples():
        assert text[row.citing_start : row.citing_end] == row.citing_phrase
        assert seed_comparison.source.text[row.source_start : row.source_end] == row.source_phrase


def test_seed_it_said_sentences_are_attributed_to_the_source(seed_comparison):
    fidelity = seed_comparison.attribution_fidelity
    pronoun = fidelity[fidelity["source_as_written"].isin(["it", "the broadcaster"])]
    # one claim per attribution, its content spans taken together
    assert len(pronoun) >= 5
    assert (pronoun["source"] == "CNN").all() and pronoun["to_source_outlet"].all()
    supported = pronoun["verdict"].isin(["verbatim", "paraphrased", "altered"]).mean()
    assert supported >= 0.8
    share = seed_comparison.summary.set_index("metric")["value"]
    assert 0.3 < share["citing_share_attributed_to_source"] < 0.8
    assert share["loaded_per_1000_citing"] > 2 * share["loaded_per_1000_source"]


def test_seed_alignment_survives_back_translation(seed_comparison):
    alignment = seed_comparison.alignment
    first = alignment[alignment["citing_index"] == 0].iloc[0]
    assert first["source_index"] == 0 and first["relation"] == "reworded"
    assert 0.4 < first["similarity"] < 1
    # every sentence of both articles appears exactly once as a row or link
    assert set(alignment["citing_index"].dropna()) == set(
        range(alignment["citing_index"].max() + 1)
    )
    assert set(alignment["source_index"].dropna()) == set(
        range(alignment["source_index"].max() + 1)
    )


def test_small_pair_directions_and_phrase_edits():
    source = framing.load_article(
        text=(
            "Joint operations against ISIS were put on hold after the strike. "
            "The port authority raised fees, although most of the money will repair the pier."
        ),
        outlet="Reuters",
    )
    citing = framing.load_article(
        text=(
            "Joint operations were put on hold after the strike, Reuters said. "
            "The greedy port authority hiked fees, Reuters reported."
        )
    )
    result = framing.compare(source, citing)
    assert result.substitutions[
        ["source_phrase", "citing_phrase", "direction"]
    ].values.tolist() == [["raised", "hiked", "neutral_to_loaded"]]
    omissions = result.omissions.set_index("text")["kind"].to_dict()
    assert omissions == {
        "against ISIS": "actor",
        "although most of the money will repair the pier": "caveat",
    }
    assert result.additions[["text", "kind", "loaded"]].values.tolist() == [
        ["greedy", "loaded_modifier", True]
    ]


def test_quote_verdicts():
    source = framing.load_article(
        text=(
            'The minister said the plan was "a first step, not a solution." '
            'The mayor said the council "will review the budget in March." '
            "Prices rose by two percent."
        ),
        outlet="Reuters",
    )
    citing = framing.load_article(
        text=(
            'The minister called the plan "a solution," Reuters said. '
            'The minister said the plan was "a first step, not a solution," the agency said. '
            'The mayor said the council "will cut the budget in March," Reuters reported. '
            '"Prices will double," Reuters said.'
        )
    )
    fidelity = framing.compare(source, citing).attribution_fidelity
    text = citing.text
    for row in fidelity.itertuples():  # every claim slices the text exactly
        assert text[row.claim_start : row.claim_end] == row.claim
    verdicts = fidelity.set_index(["source", "claim"])["verdict"]
    # the claim is what is credited, quotation marks included, frames ("Reuters said") left out
    assert verdicts["The minister", 'the plan was "a first step, not a solution,"'] == "verbatim"
    assert verdicts["The mayor", 'the council "will cut the budget in March,"'] == "altered"
    assert verdicts["Reuters", 'The mayor said the council "will cut the budget in March,"'] == (
        "altered"
    )
    assert verdicts["Reuters", "Prices will double"] == "unsupported"
    # the quoted words are in the source, if out of context; the claim around them is not
    assert verdicts["The minister", 'the plan "a solution,"'] == "verbatim"
    assert verdicts["Reuters", 'The minister called the plan "a solution,"'] == "paraphrased"


def test_tables_have_documented_columns_and_json_round_trips(seed_comparison):
    c = seed_comparison
    assert tuple(c.alignment.columns) == ALIGNMENT_COLUMNS
    assert tuple(c.substitutions.columns) == SUBSTITUTION_COLUMNS
    assert tuple(c.additions.columns) == ADDITION_COLUMNS
    assert tuple(c.omissions.columns) == OMISSION_COLUMNS
    assert tuple(c.attribution_fidelity.columns) == FIDELITY_COLUMNS
    data = json.loads(c.to_json())
    assert list(data) == [
        "source",
        "citing",
        "alignment",
        "substitutions",
        "rewordings",
        "headline",
        "additions",
        "omissions",
        "attribution_fidelity",
        "summary",
        "loaded_terms",
        "attributions",
    ]
    assert data["citing"]["outlet"] == "kayhan-international"
    assert len(data["substitutions"]) == len(c.substitutions)
    assert 0 <= data["summary"]["coverage"] <= 1
    again = framing.Comparison.from_json(c.to_json())
    for name in ("alignment", "substitutions", "additions", "omissions", "attribution_fidelity"):
        pd.testing.assert_frame_equal(getattr(again, name), getattr(c, name), check_dtype=False)
    assert again.citing.published == c.citing.published
    assert again.metric("coverage") == c.metric("coverage")
    assert set(again.loaded_terms["side"]) == {"source", "citing"}


def test_inputs_can_be_rows_paths_or_text(seed_path):
    table = framing.load(seed_path)
    by_row = framing.compare(NEUTRAL_SOURCE, table.iloc[0])
    by_frame = framing.compare(str(NEUTRAL_SOURCE), table)
    assert by_row.substitutions.equals(by_frame.substitutions)
    with pytest.raises(ValueError, match="one article"):
        framing.compare(pd.concat([table, table]), table)
    with pytest.raises(TypeError, match="cannot compare a int"):
        framing.compare(3, table)


def test_moved_links_marks_the_fewest_moves():
    assert moved_links([(0, 0), (1, 1), (2, 2)]) == set()
    assert moved_links([(0, 3), (1, 0), (2, 1), (3, 2)]) == {(0, 3)}
    assert moved_links([]) == set()


def test_cli_relevance_threshold(tmp_path, capsys):
    import json

    from framing.cli import main

    out = tmp_path / "c.json"
    assert main(["compare", "--example", "border-standoff", "-q", "-o", str(out)]) == 0
    default = json.loads(out.read_text("utf-8"))
    assert (
        main(
            [
                "compare",
                "--example",
                "border-standoff",
                "-q",
                "--relevance-threshold",
                "0.95",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    strict = json.loads(out.read_text("utf-8"))
    assert len(strict["substitutions"]) < len(default["substitutions"])
    assert all(r["relevance"] >= 0.95 for r in strict["substitutions"])
    assert main(["compare", "--example", "border-standoff", "--relevance-threshold", "2"]) == 2
    assert "--relevance-threshold 2.0 is not between 0 and 1." in capsys.readouterr().err
