"""Quote fidelity and credited claims (framing.comparison.fidelity)."""

from __future__ import annotations

import pytest

import framing
from framing.errors import LoadError


def _fidelity(source: str, citing: str):
    article = framing.load_article(text=source, outlet="Reuters")
    return framing.compare(article, citing).attribution_fidelity


def test_changed_words_in_quotes_are_altered():
    table = _fidelity(
        "The minister said the plan was not serious. Prices rose.",
        'The minister said the plan was not "serious or credible," Reuters reported.',
    )
    minister = table[table["source"] == "The minister"].iloc[0]
    assert minister["claim"] == 'the plan was not "serious or credible,"'
    assert minister["verdict"] == "altered"


def test_same_words_verbatim_other_words_paraphrased():
    table = _fidelity(
        "The minister said the port would reopen on Monday. The mayor said the budget was tight.",
        "The minister said the port would reopen on Monday. "
        "The mayor said money for the year was short.",
    )
    verdicts = dict(zip(table["source"], table["verdict"], strict=True))
    assert verdicts == {"The minister": "verbatim", "The mayor": "paraphrased"}


def test_claim_offsets_slice_the_claim_exactly():
    table = _fidelity(
        'The mayor said the council "will review the budget in March." Prices rose.',
        'The mayor said the council "will cut the budget in March," Reuters reported. '
        "Officials said prices fell.",
    )
    assert len(table) >= 2
    text = 'The mayor said the council "will cut the budget in March," Reuters reported. '
    text += "Officials said prices fell."
    for row in table.itertuples():
        assert text[row.claim_start : row.claim_end] == row.claim
        assert not row.claim.endswith((".", ",", " ")) or row.claim.endswith('"')


def test_attribution_frames_are_never_additions():
    result = framing.compare(
        framing.load_article(text="Troops entered the town on Monday.", outlet="Reuters"),
        "According to the news agency Reuters, troops entered the town on Monday.",
    )
    assert result.additions.empty


def test_implicit_credit_for_aligned_sentences_of_a_credited_retelling():
    table = _fidelity(
        "The port reopened on Monday. Ships queued outside the harbour.",
        "The port reopened on Monday, Reuters reported. Ships queued outside the harbour.",
    )
    implicit = table[table["credit"] == "implicit"]
    assert implicit[["claim", "verdict"]].values.tolist() == [
        ["Ships queued outside the harbour", "verbatim"]
    ]


@pytest.mark.parametrize("name", ["typo.txt", "articles/other.html", "data/missing-file"])
def test_a_path_that_does_not_exist_is_a_one_line_error(name):
    with pytest.raises(LoadError, match=r"no such file\. Fix: check the path") as caught:
        framing.compare(name, "Some citing text that is long enough.")
    assert "\n" not in str(caught.value) and name in str(caught.value)


def test_text_that_merely_mentions_a_file_is_compared():
    result = framing.compare("The report.txt was leaked on Monday.", "The report was leaked.")
    assert len(result.alignment) >= 1
