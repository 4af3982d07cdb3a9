"""Markup to text: what is HTML, block-aware text, the main element of a page."""

from __future__ import annotations

import pytest

pytest.importorskip("lxml")

from framing.loaders.markup import (
    document_root,
    element_text,
    looks_like_html,
    main_element,
    title_from_root,
)


@pytest.mark.parametrize(
    ("text", "markup"),
    [
        ("<p>Hello</p>", True),
        ("  <div class='x'>Hi</div>", True),
        ("One<br>two<br/>three", True),
        ("Words <b>bold</b> words", True),
        ("Use <p> for paragraphs and <style> for CSS.", False),
        ("a < b and c > d", False),
        ("The <br> tag breaks a line.", False),
    ],
)
def test_looks_like_html(text, markup):
    assert looks_like_html(text) is markup


def test_main_element_prefers_the_longest_article_and_drops_furniture():
    root = document_root(
        "<html><head><title>Page</title><meta property='og:title' content='Headline'></head>"
        "<body><nav>Menu</nav><article><p>Short teaser.</p></article>"
        "<article><h1>Headline</h1><p>First paragraph of the story.</p><aside>Ad</aside>"
        "<p>Second<br>line.</p></article><footer>Copyright</footer></body></html>"
    )
    assert title_from_root(root) == "Headline"
    element, name = main_element(root)
    assert name == "<article>"
    assert element_text(element) == ("Headline\n\nFirst paragraph of the story.\n\nSecond\nline.")
