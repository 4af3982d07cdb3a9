"""match_citations, compare_matches, citation_changes on constructed articles."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import framing
from framing.corpus.citations import CITATION_COLUMNS, credited_outlets
from framing.outlets import OutletRegistry

SOURCES = pd.DataFrame(
    {
        "article_id": ["r1", "r2", "r3", "c1"],
        "outlet": ["reuters", "reuters", "reuters", "cnn"],
        "title": ["Troops leave", "Oil rises", "Troops leave again", "Storm hits"],
        "published": pd.to_datetime(
            ["2020-01-05", "2020-01-05", "2019-06-01", "2020-01-05"], utc=True
        ),
        "text": [
            'US troops left the base near Baghdad on Monday. "We are going home," a sergeant '
            "said. The move follows weeks of protests.",
            "Oil prices rose sharply in Asian trading as supply fears grew.",
            "US troops left the base near Baghdad on Monday after weeks of protests.",
            "A storm hit the coast of Florida, flooding streets and cutting power.",
        ],
    }
)
CITING = pd.DataFrame(
    {
        "article_id": ["k1", "k2", "k3"],
        "outlet": ["kayhan-international", "press-tv", "syndicator"],
        "title": ["Occupiers flee", "Storm", "Oil"],
        "published": pd.to_datetime(["2020-01-06", "2020-01-06", "2020-01-05"], utc=True),
        "text": [
            'Occupying US troops fled the base near Baghdad on Monday, Reuters reported. "We are '
            'defeated," a sergeant said, according to Reuters. The move follows weeks of protests.',
            "A storm hit the coast of Florida, flooding streets, the network said.",
            "Oil prices rose sharply in Asian trading as supply fears grew. (Reuters)",
        ],
    }
)


def test_credits_found_as_whole_names():
    found = credited_outlets(CITING["text"].tolist(), OutletRegistry.default())
    assert found[0] == {"reuters"} and found[1] == set() and found[2] == {"reuters"}


def test_matches_the_credited_source_in_the_window():
    matches = framing.match_citations(CITING, SOURCES, top=2)
    assert list(matches.columns) == list(CITATION_COLUMNS)
    best = matches[matches["rank"] == 1].set_index("citing_id")
    assert best.loc["k1", "source_id"] == "r1"  # r3 says as much but is months older
    assert "r3" not in set(matches["source_id"])
    assert best.loc["k1", "credited"] and best.loc["k1", "days"] == 1.0
    assert "k2" not in best.index  # credits nobody by name
    assert best.loc["k3", "source_id"] == "r2" and best.loc["k3", "syndicated"]
    assert best.loc["k3", "citing_outlet"] == "syndicator"  # republisher kept apart
    assert best.loc["k3", "source_outlet"] == "reuters"
    assert (matches["confidence"].between(0, 1)).all()


def test_without_credit_searches_every_other_outlet():
    matches = framing.match_citations(CITING, SOURCES, require_credit=False)
    best = matches.set_index("citing_id")
    assert best.loc["k2", "source_id"] == "c1" and not best.loc["k2", "credited"]
    assert best.loc["k2", "confidence"] < best.loc["k2", "similarity"]


def test_wider_window_admits_older_sources():
    matches = framing.match_citations(CITING, SOURCES, top=3, days_before=400)
    assert "r3" in set(matches[matches["citing_id"] == "k1"]["source_id"])


def test_same_table_never_matches_itself():
    both = pd.concat([SOURCES, CITING], ignore_index=True)
    matches = framing.match_citations(both, both)
    assert (matches["citing_id"] != matches["source_id"]).all()


@pytest.fixture(scope="module")
def compared():
    matches = framing.match_citations(CITING, SOURCES)
    return framing.compare_matches(matches, CITING, SOURCES)


def test_compare_matches_finds_the_altered_quote(compared):
    pairs = compared.pairs.set_index("citing_id")
    assert pairs.loc["k1", "direct_quotes"] >= 1
    assert pairs.loc["k1", "altered_quotes"] == 1
    assert set(compared.fidelity["citing_id"]) >= {"k1"}


def test_compare_matches_in_two_processes_is_the_same(compared):
    matches = framing.match_citations(CITING, SOURCES)
    pooled = framing.compare_matches(matches, CITING, SOURCES, n_jobs=2)
    pd.testing.assert_frame_equal(compared.pairs, pooled.pairs)


def test_citation_changes_by_outlet_and_month(compared):
    table = framing.citation_changes(compared, by=["citing_outlet", "month"], n_boot=50)
    row = table.set_index("citing_outlet").loc["kayhan-international"]
    assert row["month"] == "2020-01" and row["pairs"] == 1
    assert row["altered_quote_rate"] == 1.0
    assert np.isnan(table.set_index("citing_outlet").loc["syndicator", "altered_quote_rate"])
