"""Lesson 03 exercises: who "the agency" is; through whom each claim reaches the reader.

Examples
--------
>>> fb = check_agency_mentions({6: ("Lereth State Agency", "the last agency named")})
>>> [n.status for n in fb.notes if n.item == "mention 6"]
['wrong']
>>> fb = check_source_chains({4: ["Rolf Danner"]})
>>> [n.status for n in fb.notes if n.item == "claim 4"]
['missing']
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._answers import NEAREST_WORDS, is_blank, match_name, mentions_any, numbered, pair
from .data import exercise
from .feedback import Feedback, Note

__all__ = ["check_agency_mentions", "check_source_chains"]


def check_agency_mentions(answer: Any, *, key: Mapping[str, Any] | None = None) -> Feedback:
    """Check who each "the agency" of ``the-agency/article.txt`` is.

    Parameters
    ----------
    answer : dict
        Mention number (1-6) -> ``(agency, reason)``: the agency's name and
        the clue in the text that decides it (a name alone is graded, with
        a hint to give the clue).
    """
    key = key or exercise("the-agency").key
    name = "the-agency"
    try:
        given = numbered(answer)
    except TypeError as exc:
        return Feedback(name, (Note("wrong", "answer", str(exc)),))
    agencies = key["agencies"]
    notes = []
    chosen = []
    for number, entry in key["mentions"].items():
        item = f"mention {number}"
        referent, reason = pair(given.get(number))
        if is_blank(referent):
            notes.append(Note("unanswered", item, f"who is 'the agency' in: {entry['sentence']}"))
            continue
        found = match_name(referent, agencies)
        chosen.append(found)
        if found is None:
            names = " or ".join(a["name"] for a in agencies.values())
            notes.append(
                Note(
                    "wrong", item, f"{referent!r} is not one of the agencies in the text ({names})"
                )
            )
        elif found != entry["answer"]:
            notes.append(Note("wrong", item, f"not the {agencies[found]['name']}: {entry['why']}"))
        elif mentions_any(reason, entry["clues"]):
            notes.append(Note("right", item, entry["why"]))
        elif mentions_any(reason, NEAREST_WORDS):
            fails = [n for n, m in key["mentions"].items() if m["nearest"] != m["answer"]]
            notes.append(
                Note(
                    "wrong_reason",
                    item,
                    "the agency named last is right here, but that rule fails for mention(s) "
                    f"{', '.join(fails)}; the clue is in the sentence: {entry['why']}",
                )
            )
        else:
            notes.append(
                Note(
                    "right",
                    item,
                    f"{entry['why']} (say which words decide it: "
                    f"{', '.join(entry['clues'][:2])}...)",
                )
            )
    if len(chosen) == len(key["mentions"]) and len(set(chosen)) == 1:
        notes.append(
            Note(
                "hint",
                "all mentions",
                "you named one agency everywhere; the text names two, and 'the agency' switches "
                "between them",
            )
        )
    return Feedback(name, tuple(notes))


def _chain(value: Any, key: Mapping[str, Any]) -> tuple[list[str | None], list[str], bool]:
    """Source keys of a chain, the names not recognised, and whether the outlet was included."""
    if is_blank(value):
        return [], [], False
    items = [value] if isinstance(value, str) else list(value)
    chain: list[str | None] = []
    unknown = []
    outlet = False
    for item in items:
        if match_name(item, {"outlet": key["outlet"]}):
            outlet = True
            continue
        found = match_name(item, key["sources"])
        chain.append(found)
        if found is None:
            unknown.append(str(item))
    return chain, unknown, outlet


def check_source_chains(answer: Any, *, key: Mapping[str, Any] | None = None) -> Feedback:
    """Check the chains of sources of the claims of ``who-said-it/article.txt``.

    Parameters
    ----------
    answer : dict
        Claim number (1-6) -> list of sources, the one the outlet names
        first, then whom that source credits; ``[]`` for a claim the outlet
        makes in its own voice.
    """
    key = key or exercise("who-said-it").key
    name = "who-said-it"
    try:
        given = numbered(answer)
    except TypeError as exc:
        return Feedback(name, (Note("wrong", "answer", str(exc)),))
    sources = key["sources"]
    notes = []
    for number, entry in key["claims"].items():
        item = f"claim {number}"
        value = given.get(number)
        if value is None or value is Ellipsis:
            notes.append(
                Note("unanswered", item, f"who is '{entry['claim']}' credited to? ([] if no one)")
            )
            continue
        chain, unknown, outlet = _chain(value, key)
        right = [entry["chain"], *entry.get("accept", [])]
        expected = [sources[s]["name"] for s in entry["chain"]]
        if unknown:
            notes.append(
                Note("wrong", item, f"{', '.join(map(repr, unknown))} is not a source in the text")
            )
        elif chain in right:
            message = entry["why"]
            if outlet:
                message += " (leave the Ledger itself out: the chain starts with whom it credits)"
            notes.append(Note("right", item, message))
        elif not entry["chain"]:
            notes.append(
                Note("wrong", item, f"nobody is credited with this sentence: {entry['why']}")
            )
        elif not chain:
            notes.append(
                Note(
                    "wrong",
                    item,
                    f"this claim is credited ({' -> '.join(expected)}): {entry['why']}",
                )
            )
        elif chain == list(reversed(entry["chain"])):
            notes.append(
                Note(
                    "wrong",
                    item,
                    "right sources in reverse order: the source the Ledger names comes first "
                    f"({' -> '.join(expected)})",
                )
            )
        elif chain == entry["chain"][1:]:
            outer = sources[entry["chain"][0]]["name"]
            notes.append(
                Note(
                    "missing",
                    item,
                    f"you left out {outer}: the Ledger knows this only through {outer}. "
                    f"{entry['why']}",
                )
            )
        elif chain == entry["chain"][:1] and len(entry["chain"]) > 1:
            inner = sources[entry["chain"][1]]["name"]
            notes.append(
                Note(
                    "missing",
                    item,
                    f"{sources[chain[0]]['name']} is right but not the whole chain: it credits "
                    f"{inner}",
                )
            )
        else:
            notes.append(Note("wrong", item, f"{entry['why']}"))
    return Feedback(name, tuple(notes))
