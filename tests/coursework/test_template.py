"""Turning a comparison into a new exercise: a blank key, validated, filled, and grading."""

from __future__ import annotations

import json

import framing
from framing import coursework


def _pair():
    task = coursework.exercise("faithful-credit")
    return framing.compare(task.path("source.txt"), task.path("citing.txt"))


def test_template_is_blank_and_lists_every_credited_claim(tmp_path):
    comparison = _pair()
    template = coursework.exercise_template(comparison, name="esk-spill")
    assert template["name"] == "esk-spill"
    assert template["substitutions"] == {
        "key": [],
        "acceptable": [],
        "never": [],
        "not_substitutions": [],
    }
    assert template["source"]["text"] == comparison.source.text
    claims = template["claims"]
    credited = comparison.attribution_fidelity["source"].notna().sum()
    assert len(claims) == credited
    assert all(c["verdict"] is None and c["changed"] == [] for c in claims.values())
    # what the tool found is offered for review, never copied into the key
    assert set(template["suggestions"]["verdicts"]) == set(claims)
    problems = coursework.validate_key(template)
    assert "substitutions: the key list is empty" in problems
    assert sum("verdict None" in p for p in problems) == len(claims)


def test_written_template_filled_by_a_teacher_grades_answers(tmp_path):
    comparison = _pair()
    path = coursework.write_exercise_template(comparison, tmp_path / "esk.json", name="esk-spill")
    template = json.loads(path.read_text("utf-8"))
    resigned = next(n for n, c in template["claims"].items() if "resigned" in c["claim"])
    template["claims"] = {
        resigned: dict(template["claims"][resigned], verdict="unsupported", why="not in the source")
    }
    template["substitutions"]["key"] = [
        {
            "source": "reported the spill two days late",
            "citing": "hidden the spill for days",
            "direction": "neutral_to_loaded",
            "why": "a late report becomes concealment",
        }
    ]
    template["substitutions"]["never"] = [
        {"source": "Gazette", "citing": "paper", "why": "a name for the source"}
    ]
    path.write_text(json.dumps(template), encoding="utf-8")
    assert coursework.validate_key(path) == [
        "substitutions.never 1: 'Gazette' is not in the source text"
    ]

    right = coursework.check_credits({int(resigned): "unsupported"}, key=path)
    assert right.passed and right.exercise == "esk-spill"
    wrong = coursework.check_credits({int(resigned): "paraphrased"}, key=path)
    assert not wrong.passed and "not in the source" in wrong.notes[0].message

    found = coursework.check_substitutions([("reported late", "hidden")], key=path)
    assert found.passed
    missed = coursework.check_substitutions([("fined", "fined")], key=path)
    assert {n.status for n in missed.notes} == {"missing", "extra"}
    assert "hidden the spill for days" in next(
        n.message for n in missed.notes if n.status == "missing"
    )


def test_validate_key_flags_altered_without_changed_words():
    key = {
        "claims": {"1": {"claim": "x", "verdict": "altered"}},
        "substitutions": {"key": [{"source": "a", "citing": "b"}]},
    }
    assert coursework.validate_key(key) == [
        "claims 1: an altered claim needs the words that changed"
    ]
