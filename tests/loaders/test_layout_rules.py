"""The rule files of layout inference: every pattern matches its example, is safe, and fails loudly."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from framing.errors import LoadError
from framing.loaders import layout_rules
from framing.loaders.bylines import read_byline
from framing.loaders.datelines import match_dateline
from framing.loaders.furniture import furniture_hit
from framing.outlets import OutletRegistry
from framing.regex_safety import unsafe_reason


def _data(name: str) -> dict:
    return json.loads(resources.files("framing.resources").joinpath(name).read_text("utf-8"))


@pytest.mark.parametrize("rule", layout_rules.dateline_rules(), ids=lambda r: r.name)
def test_every_dateline_style_matches_its_example(rule):
    assert rule.pattern.match(rule.example), rule.example
    assert rule.source
    assert unsafe_reason(rule.pattern.pattern) is None
    # ...and the style is what match_dateline finds there
    assert match_dateline(rule.example).rule == rule.name


@pytest.mark.parametrize("rule", layout_rules.furniture_rules(), ids=lambda r: r.name)
def test_every_furniture_rule_matches_its_example(rule):
    where = "head" if "head" in rule.scopes else "body"
    hit = furniture_hit(rule.example, where)
    assert hit is not None and hit.rule.kind == rule.kind, rule.example
    assert rule.source


@pytest.mark.parametrize("form", layout_rules.byline_rules().forms, ids=lambda f: f["name"])
def test_every_byline_form_reads_its_example(form):
    if form["name"] == "name-before-date":
        pytest.skip("read from the date line (tests/loaders/test_date_lines.py)")
    found = read_byline(form["example"], OutletRegistry.default())
    assert found is not None and found.form.startswith(form["name"].split("-with")[0])


def test_month_names_in_several_languages_have_one_meaning_each():
    words = layout_rules.date_words()
    languages = _data("date_words.json")["months"]
    assert {"en", "fr", "es", "de", "ru", "ar", "tr"} <= set(languages)
    assert words.month_of["août"] == 8 and words.month_of["марта"] == 3
    assert words.month_of["sept"] == 9 and words.month_of["dezember"] == 12


def test_a_rule_that_could_backtrack_is_refused_with_the_file_and_rule():
    spec = {
        "name": "bad",
        "kind": "share",
        "scope": "any",
        "action": "drop",
        "pattern": "^(a+)+$",
        "example": "a",
        "source": "test",
    }
    with pytest.raises(LoadError, match=r"rule 1 \(bad\).*unsafe"):
        layout_rules._furniture_rule(spec, {}, "furniture.json", "rule 1 (bad)")


def test_a_rule_with_an_unknown_action_or_part_is_refused():
    spec = {"name": "x", "kind": "k", "scope": "any", "action": "explode", "pattern": "^x$"}
    with pytest.raises(LoadError, match="action 'explode' is not allowed"):
        layout_rules._furniture_rule(spec, {}, "f.json", "rule 1 (x)")
    with pytest.raises(LoadError, match="unknown part"):
        layout_rules._expand("^{NOWHERE}$", {}, "f.json", "rule 1 (x)")
