"""Word-level edits of aligned pairs (framing.comparison.edits)."""

from __future__ import annotations

from framing.comparison.edits import diff_words, quotation_spans, words_of


def _edits(source: str, citing: str) -> list[tuple[str, str]]:
    edits = diff_words(
        words_of(source, 0, len(source)), words_of(citing, 0, len(citing)), source, citing
    )
    return [
        (
            " ".join(w.text for w in e.source_words),
            " ".join(w.text for w in e.citing_words),
        )
        for e in edits
    ]


def test_deletion_next_to_insertion_is_one_replacement():
    assert _edits(
        "The blast was loud, said another witness.", "The blast was loud, the witness claimed."
    ) == [("said another witness", "the witness claimed")]


def test_moved_clause_is_compared_where_it_went():
    edits = _edits(
        "The talks failed on Monday, four Russian sources told Reuters.",
        "Four Russian sources claim that the talks failed on Monday.",
    )
    assert ("told Reuters", "claim that") in edits or ("told", "claim") in edits


def test_scare_quotes_are_a_change_and_variants_are_not():
    assert _edits(
        "The Israeli army left the U.S. base.", 'The "Israeli" army left the US base.'
    ) == [("Israeli", "Israeli")]


def test_quotation_spans_single_and_double():
    text = "He told them to 'leave' and \u201cnever come back\u201d."
    assert [text[s:e] for s, e in quotation_spans(text)] == ["leave", "never come back"]
