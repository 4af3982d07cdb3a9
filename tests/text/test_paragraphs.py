"""Body normalisation."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from framing.text import normalize_body, paragraph_spans


def test_line_per_paragraph_and_blank_line_blocks():
    assert normalize_body("A.\nB.") == "A.\n\nB."
    assert normalize_body("A wrapped\nline.\n\n\n  B.  ") == "A wrapped line.\n\nB."
    assert normalize_body("Zero\u200bwidth\u00a0and\u2009thin.\r\n") == "Zerowidth and thin."


@given(
    st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0), max_size=6)
)
def test_normalised_body_is_a_fixed_point_with_clean_paragraphs(parts):
    body = normalize_body("\n\n".join(parts))
    assert normalize_body(body) == body
    assert "\n\n\n" not in body and body == body.strip()
    for start, end in paragraph_spans(body):
        assert body[start:end].strip() == body[start:end]
