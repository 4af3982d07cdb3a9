"""Every exercise check: the teacher's solution passes, and wrong answers get specific feedback.

The solutions are read from the solution notebooks (their ``*-answer`` cells), so that
the answers the tests grade are the ones teachers hand out.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from framing import coursework
from framing.coursework import Feedback

REPO = Path(__file__).resolve().parents[2]
SOLUTIONS = REPO / "notebooks" / "exercises" / "solutions"
# answer cell id -> (exercise, the variable the cell defines)
ANSWER_CELLS = {
    "page-fields-answer": ("page-fields", "answer"),
    "own-answer": ("own-or-attributed", "loaded"),
    "lexicon-answer": ("lexicon-for-a-topic", "lexicon"),
    "agency-answer": ("the-agency", "agency"),
    "chain-answer": ("who-said-it", "chains"),
    "subs-answer": ("find-the-substitutions", "by_hand"),
    "credit-answer": ("faithful-credit", "verdicts"),
    "keyness-answer": ("read-a-keyness-ranking", "kinds"),
    "finding-answer": ("spot-the-false-finding", "diagnosis"),
}


def _solution_answers() -> dict[str, object]:
    answers = {}
    for path in sorted(SOLUTIONS.glob("*.ipynb")):
        for cell in json.loads(path.read_text("utf-8"))["cells"]:
            if cell.get("id") in ANSWER_CELLS:
                name, variable = ANSWER_CELLS[cell["id"]]
                namespace: dict = {}
                exec("".join(cell["source"]), namespace)
                answers[name] = namespace[variable]
    return answers


SOLVED = _solution_answers()


def _statuses(feedback: Feedback) -> dict[str, str]:
    return {note.item: note.status for note in feedback.notes}


def _message(feedback: Feedback, item: str) -> str:
    return next(note.message for note in feedback.notes if note.item == item)


def test_every_exercise_has_a_check_a_key_and_notebooks():
    names = [e.name for e in coursework.list_exercises()]
    assert len(names) >= 8
    assert names == list(coursework.CHECKS)
    for exercise in coursework.list_exercises():
        assert exercise.key, exercise.name
        assert (REPO / "notebooks" / "exercises" / exercise.notebook).is_file()
        assert (SOLUTIONS / exercise.notebook.replace(".ipynb", "_solutions.ipynb")).is_file()
        for file in exercise.files:
            assert exercise.path(file).is_file()


@pytest.mark.parametrize("name", sorted(ANSWER_CELLS[k][0] for k in ANSWER_CELLS))
def test_solution_passes(name):
    feedback = coursework.check(name, SOLVED[name])
    assert feedback.passed, str(feedback)
    assert feedback.score == 1.0
    assert all(note.message for note in feedback.graded)  # every right answer says why


def test_bootstrap_solution_passes():
    summary = coursework.corpus._corpus_summary()
    values = summary.loc[
        summary["outlet"].astype(str) == "the-northern-voice", "loaded_per_1000_attributed"
    ].to_numpy()
    means = np.random.default_rng(1).choice(values, size=(5000, len(values))).mean(axis=1)
    feedback = coursework.check("bootstrap-an-interval", tuple(np.percentile(means, [2.5, 97.5])))
    assert feedback.passed, str(feedback)


@pytest.mark.parametrize("name", [e.name for e in coursework.list_exercises()])
def test_a_blank_answer_is_not_an_error(name):
    blank = {"page-fields": {}, "own-or-attributed": {"own": [], "attributed": []}}.get(name, {})
    feedback = coursework.check(name, blank)
    assert not feedback.passed
    assert feedback.notes
    assert all(note.message for note in feedback.notes)


def test_page_fields_wrong_answers():
    answer = dict(SOLVED["page-fields"])
    answer.update(
        published="2025-04-03",
        title="Ferry fares to rise by a fifth on island routes | The Kestrel Bay Observer",
        byline="Observer archive",
        last_sentence="Share this article: Facebook · X · Email",
        furniture=[0, 1, 4],
    )
    feedback = coursework.check("page-fields", answer)
    status = _statuses(feedback)
    assert status["published"] == "wrong" and "Updated" in _message(feedback, "published")
    assert "<title>" in _message(feedback, "title")
    assert "photo credit" in _message(feedback, "byline")
    assert "share buttons" in _message(feedback, "last_sentence")
    lines = {k: v for k, v in status.items() if k.startswith("line")}
    assert sorted(v for v in lines.values()) == ["missing"] * 4 + ["right"] * 2 + ["wrong"]
    assert status["dateline"] == "right"


def test_page_fields_takes_dates_in_any_form():
    feedback = coursework.check("page-fields", {"published": "2 April 2025"})
    assert _statuses(feedback)["published"] == "right"
    feedback = coursework.check("page-fields", {"published": "next Tuesday-ish"})
    assert "not a date" in _message(feedback, "published")


def test_loaded_words_wrong_voice_missing_and_not_loaded():
    feedback = coursework.check(
        "own-or-attributed",
        {"own": ["reckless", "squandered"], "attributed": ["shameful betrayal", "said", "pool"]},
    )
    status = _statuses(feedback)
    assert status["squandered"] == "wrong" and "listed as own" in _message(feedback, "squandered")
    assert status["shameful"] == status["betrayal"] == "right"  # one phrase, two words
    assert status["admitted"] == "missing" and "cue verb" in _message(feedback, "admitted")
    assert status["said"] == "extra" and "neutral cue" in _message(feedback, "said")
    assert status["pool"] == "extra"
    assert feedback.score < 1


def test_lexicon_too_broad_invalid_and_loaded_counterparts():
    broad = (
        "term,category,neutral\n"
        "landlords,label,owners\n"
        "gouging,loaded_verb,fleecing\n"
        "hikes,loaded_verb,rises\n"
    )
    feedback = coursework.check("lexicon-for-a-topic", broad)
    status = _statuses(feedback)
    assert status["slum landlords"] == "wrong_reason"
    assert "also matches the neutral article" in _message(feedback, "slum landlords")
    assert status["landlords in neutral.txt"] == "extra"
    assert status["rapacious"] == status["freeloaders"] == "missing"
    assert status["neutral of 'gouging'"] == "wrong"
    assert "itself loaded" in _message(feedback, "neutral of 'gouging'")
    invalid = coursework.check("lexicon-for-a-topic", "term,category,valence\nslum,,5\n")
    assert {n.status for n in invalid.notes} == {"wrong"}
    assert any("valence" in n.message for n in invalid.notes)
    no_neutral = coursework.check("lexicon-for-a-topic", "term,category\nrapacious,moral\n")
    assert "neutral counterpart" in _message(no_neutral, "neutral of 'rapacious'")


def test_lexicon_accepts_a_file_or_a_table(tmp_path):
    import pandas as pd

    path = tmp_path / "mine.csv"
    path.write_text(SOLVED["lexicon-for-a-topic"], encoding="utf-8")
    assert coursework.check("lexicon-for-a-topic", path).passed
    table = pd.read_csv(path)
    assert coursework.check("lexicon-for-a-topic", table).passed


def test_agency_nearest_rule_is_right_for_the_wrong_reason():
    answer = {i: (SOLVED["the-agency"][i][0], "the agency named last") for i in range(1, 7)}
    answer[4] = ("Maritime Safety Agency", "the last agency named")
    answer[6] = ("Lereth State Agency", "the most recent one")
    answer[5] = ("Ministry of Transport", "")
    feedback = coursework.check("the-agency", answer)
    status = _statuses(feedback)
    assert status["mention 2"] == "wrong_reason"
    assert "fails for mention(s) 4, 6" in _message(feedback, "mention 2")
    assert status["mention 4"] == "wrong" and "reporting" in _message(feedback, "mention 4")
    assert status["mention 6"] == "wrong" and "fine" in _message(feedback, "mention 6")
    assert "not one of the agencies" in _message(feedback, "mention 5")


def test_agency_one_referent_everywhere_gets_a_hint():
    feedback = coursework.check("the-agency", dict.fromkeys(range(1, 7), "LSA"))
    assert _statuses(feedback)["all mentions"] == "hint"


def test_source_chains_missing_layer_reversed_and_own_voice():
    answer = dict(SOLVED["who-said-it"])
    answer.update(
        {2: ["the auditor's report", "The Herald"], 4: ["Danner"], 6: ["The Tarnby Herald"]}
    )
    answer[3] = ["the mayor"]
    feedback = coursework.check("who-said-it", answer)
    status = _statuses(feedback)
    assert "reverse order" in _message(feedback, "claim 2")
    assert status["claim 4"] == "missing" and "left out The Tarnby Herald" in _message(
        feedback, "claim 4"
    )
    assert "nobody is credited" in _message(feedback, "claim 6")
    assert "not a source in the text" in _message(feedback, "claim 3")
    with_outlet = coursework.check("who-said-it", {5: ["The Ashby Ledger", "Ida Brandt"]})
    assert "leave the Ledger itself out" in _message(with_outlet, "claim 5")


def test_substitutions_variants_omissions_additions_and_direction():
    feedback = coursework.check(
        "find-the-substitutions",
        [
            ("raise", "hike", "loaded_to_neutral"),
            ("organisation", "organization"),
            ("", "angry"),
            ("We understand the labs are old, but", ""),
            ("students", "students"),
        ],
    )
    messages = [str(n) for n in feedback.notes]
    assert "direction is neutral_to_loaded" in _message(feedback, "raise -> hike")
    assert any("spelling variant" in m for m in messages)
    assert any("an addition" in m for m in messages)
    assert any("an omission" in m for m in messages)
    assert any("nothing was swapped" in m for m in messages)
    missing = [n for n in feedback.notes if n.status == "missing"]
    assert len(missing) == 2
    assert any("stormed the council meeting" in n.message for n in missing)


def test_substitutions_from_the_tool_table():
    import framing

    task = coursework.exercise("find-the-substitutions")
    result = framing.compare(task.path("source.txt"), task.path("citing.txt"))
    feedback = coursework.check("find-the-substitutions", result.substitutions)
    # the tool's own table is graded like an answer: what it found, and what it missed
    assert _statuses(feedback)["raise -> hike"] == "right"
    assert all(n.message for n in feedback.notes)


def test_credits_wrong_verdicts_and_wrong_reasons():
    feedback = coursework.check(
        "faithful-credit",
        {
            1: "verbatim",
            2: ("altered", "the court"),
            3: "verbatim",
            4: "exact",
            5: "altered",
            6: "maybe",
        },
    )
    status = _statuses(feedback)
    assert status["claim 1"] == "right"
    assert status["claim 2"] == "wrong_reason" and "not what changed" in _message(
        feedback, "claim 2"
    )
    assert "quotation is cut" in _message(feedback, "claim 3")
    assert "words differ" in _message(feedback, "claim 4")
    assert "no passage of the source" in _message(feedback, "claim 5")
    assert "not a verdict" in _message(feedback, "claim 6")
    bare = coursework.check("faithful-credit", {2: "altered"})
    assert _statuses(bare)["claim 2"] == "missing"


def test_keyness_quoted_words_are_not_the_outlets_frame():
    feedback = coursework.check(
        "read-a-keyness-ranking", {"regime": "frame", "fishermen": "source", "zebra": "topic"}
    )
    status = _statuses(feedback)
    assert status["regime"] == "wrong" and "whose word" in _message(feedback, "regime")
    assert status["fishermen"] == "wrong" and "coverage" in _message(feedback, "fishermen")
    assert status["agitators"] == "missing"
    assert status["zebra"] == "hint"


def test_false_finding_weaker_objections_and_missing_evidence():
    outlier = coursework.check(
        "spot-the-false-finding", {"flaw": "outlier", "evidence": "", "explanation": "one article"}
    )
    status = _statuses(outlier)
    assert status["flaw"] == "wrong_reason" and "whose words" in _message(outlier, "flaw")
    assert status["evidence"] == "missing"
    assert status["explanation"] == "wrong"
    topic = coursework.check("spot-the-false-finding", {"flaw": "topic"})
    assert _statuses(topic)["flaw"] == "wrong" and "same twelve events" in _message(topic, "flaw")


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("spread", "range of single articles"),
        ("normal", "normal approximation"),
        ("narrow", "too narrow"),
        ("other_outlet", "the interval of"),
        ("swapped", "swap them"),
    ],
)
def test_bootstrap_wrong_intervals(kind, expected):
    summary = coursework.corpus._corpus_summary()
    rows = summary[summary["outlet"].astype(str) == "the-northern-voice"]
    values = rows["loaded_per_1000_attributed"].to_numpy()
    mean, sd, n = values.mean(), values.std(ddof=1), len(values)
    low, high = coursework.bootstrap_interval(values)
    answer = {
        "spread": (mean - 1.96 * sd, mean + 1.96 * sd),
        "normal": (mean - 1.96 * sd / np.sqrt(n), mean + 1.96 * sd / np.sqrt(n)),
        "narrow": (mean - 5, mean + 5),
        "other_outlet": coursework.bootstrap_interval(
            summary.loc[
                summary["outlet"].astype(str) == "the-valley-post", "loaded_per_1000_attributed"
            ]
        ),
        "swapped": (high, low),
    }[kind]
    feedback = coursework.check("bootstrap-an-interval", answer)
    assert not feedback.passed
    assert expected in feedback.notes[0].message


def test_unknown_exercise_names_the_choices():
    with pytest.raises(ValueError, match="bootstrap-an-interval"):
        coursework.check("no-such-exercise", {})
