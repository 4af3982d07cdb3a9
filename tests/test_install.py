"""The installed extras import and work: what a fresh ``pip install ".[all,test]"`` must give.

A package can be installed and still fail to import because one of *its* dependencies
is missing (trafilatura -> jusText -> ``lxml.html.clean``); these tests catch that on
a fresh machine, where an older environment would hide it.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import re

import pytest

import framing
from framing.errors import MissingDependencyError, import_optional

# pip names whose import name differs
IMPORT_NAMES = {
    "scikit-learn": "sklearn",
    "python-dateutil": "dateutil",
    "pyahocorasick": "ahocorasick",
    "charset-normalizer": "charset_normalizer",
    "pyspellchecker": "spellchecker",
    "lxml-html-clean": "lxml_html_clean",
    "lxml_html_clean": "lxml_html_clean",
    "vadersentiment": "vaderSentiment",
}


def _requirements(extra: str | None) -> list[str]:
    names = []
    for line in importlib.metadata.requires("framing") or []:
        name = re.match(r"[A-Za-z0-9_.\-]+", line).group(0)
        marker = re.search(r"extra\s*==\s*['\"]([^'\"]+)['\"]", line)
        if (marker.group(1) if marker else None) == extra and not name.startswith("framing"):
            names.append(name)
    return names


@pytest.mark.parametrize("extra", [None, "html", "feeds", "warc", "parquet", "fast"])
def test_every_declared_dependency_imports(extra):
    names = _requirements(extra)
    assert names, f"no requirements found for extra {extra!r}"
    for name in names:
        module = IMPORT_NAMES.get(name.lower(), name.lower().replace("-", "_"))
        importlib.import_module(module)


def test_html_extra_extracts_a_tiny_page(tmp_path):
    body = "The council approved the new budget on Monday after a long debate. " * 4
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Budget passes</title></head><body><article>"
        f"<h1>Budget passes</h1><p>{body}</p><p>{body}</p></article></body></html>",
        encoding="utf-8",
    )
    article = framing.load_article(page)
    assert article.text.startswith("The council approved the new budget")


def test_lxml_html_clean_imports_for_trafilatura():
    # jusText (trafilatura's fallback extractor) needs it; lxml >= 5.2 ships it apart
    import lxml.html.clean  # noqa: F401


def test_missing_module_error_names_the_module_and_the_command():
    with pytest.raises(MissingDependencyError) as info:
        import_optional("framing_no_such_module", feature="Reading things", extra="html")
    message = str(info.value)
    assert "'framing_no_such_module'" in message
    assert "pip install 'framing[html]'" in message
    assert "\n" not in message
