"""Turn any comparison into a new exercise: a blank key for a teacher to fill.

:func:`exercise_template` writes out both texts, empty lists for the word
choices the teacher marks as key, acceptable and never a framing change, and
one blank verdict per claim the citing article credits to someone; the tool's
own findings come under ``suggestions`` to review (never copied into the key).
Once filled, the key grades students with the same checks as the shipped
exercises: :func:`~framing.coursework.check_substitutions` and
:func:`~framing.coursework.check_credits` with ``key=PATH``.

Examples
--------
>>> import framing
>>> c = framing.compare("Police said the march was calm.",
...                     "Police claimed the march was calm. It was a riot.")
>>> t = exercise_template(c, name="demo")
>>> t["substitutions"]["key"], t["claims"]["1"]["verdict"]
([], None)
>>> [p.split(":")[0] for p in validate_key(t)][:2]
['substitutions', 'claims 1']
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from os import PathLike
from pathlib import Path
from typing import Any

from ..atomic import write_text
from ..io import to_records
from .retelling import VERDICTS

__all__ = ["exercise_template", "validate_key", "write_exercise_template"]

_HOW = (
    "A blank key for a retelling exercise. Fill substitutions.key with the word choices the "
    "citing article swapped ({source, citing, direction, why}), acceptable with pairs you "
    "accept but do not require, never with changes that are not framing (spelling variants), "
    "not_substitutions with text only dropped or added ({side, text, why}); give each claim "
    "a verdict (verbatim, paraphrased, altered, unsupported), for altered the changed words, "
    "and a why. suggestions holds what framing found: review it, never copy it blindly. "
    "Check the key with framing.coursework.validate_key, then grade answers with "
    "check_substitutions(answer, key=PATH) and check_credits(answer, key=PATH)."
)


def _side(article: Any) -> dict[str, Any]:
    return {
        "outlet": None if article.outlet is None else str(article.outlet),
        "title": article.title,
        "text": article.text,
    }


def exercise_template(comparison: Any, *, name: str | None = None) -> dict[str, Any]:
    """A blank exercise key for the pair of a :class:`framing.Comparison`.

    Parameters
    ----------
    comparison : Comparison
        The result of :func:`framing.compare` on the pair.
    name : str, optional
        The exercise's name (default: ``"<source outlet> vs <citing outlet>"``).

    Returns
    -------
    dict
        JSON-ready: ``name, about, source, citing, substitutions (key,
        acceptable, never, not_substitutions: empty), claims (number ->
        claim, credited_to, verdict None, changed [], why ""), suggestions``.
    """
    source, citing = comparison.source, comparison.citing
    fidelity = comparison.attribution_fidelity
    credited = fidelity[fidelity["source"].notna()] if "source" in fidelity else fidelity
    claims = {
        str(i): {
            "claim": row.claim,
            "credited_to": row.source_as_written,
            "verdict": None,
            "changed": [],
            "why": "",
        }
        for i, row in enumerate(credited.itertuples(index=False), start=1)
    }
    found = [
        {
            "table": table,
            "source": r["source_phrase"],
            "citing": r["citing_phrase"],
            "direction": r["direction"],
        }
        for table in ("substitutions", "rewordings")
        for r in to_records(getattr(comparison, table, fidelity.iloc[0:0]))
    ]
    return {
        "name": name or f"{source.outlet} vs {citing.outlet}",
        "about": _HOW,
        "source": _side(source),
        "citing": _side(citing),
        "substitutions": {"key": [], "acceptable": [], "never": [], "not_substitutions": []},
        "claims": claims,
        "suggestions": {
            "substitutions": found,
            "omissions": [r["text"] for r in to_records(comparison.omissions)],
            "additions": [r["text"] for r in to_records(comparison.additions)],
            "verdicts": {n: v for n, v in zip(claims, credited["verdict"], strict=True)},
        },
    }


def write_exercise_template(
    comparison: Any, path: str | PathLike[str], *, name: str | None = None
) -> Path:
    """Write :func:`exercise_template` as JSON (atomically) and return the path."""
    template = exercise_template(comparison, name=name)
    return write_text(path, json.dumps(template, ensure_ascii=False, indent=1) + "\n")


def validate_key(key: Mapping[str, Any] | str | PathLike[str]) -> list[str]:
    """Problems of a filled key: blank parts, unknown verdicts, phrases not in the texts.

    An empty list means the key can grade answers.
    """
    if not isinstance(key, Mapping):
        key = json.loads(Path(key).read_text("utf-8"))
    texts = {s: (key.get(s) or {}).get("text") for s in ("source", "citing")}
    problems = []
    subs = key.get("substitutions") or {}
    if not subs.get("key") and not key.get("claims"):
        problems.append("substitutions: no key item and no claim; the key grades nothing")
    elif "substitutions" in key and not subs.get("key"):
        problems.append("substitutions: the key list is empty")
    for part in ("key", "acceptable", "never"):
        for i, item in enumerate(subs.get(part, []), start=1):
            for side in ("source", "citing"):
                phrase = item.get(side)
                if not phrase:
                    problems.append(f"substitutions.{part} {i}: no {side} words")
                elif texts[side] and phrase not in texts[side]:
                    problems.append(
                        f"substitutions.{part} {i}: {phrase!r} is not in the {side} text"
                    )
    for number, claim in (key.get("claims") or {}).items():
        verdict = claim.get("verdict")
        if verdict not in VERDICTS:
            problems.append(
                f"claims {number}: verdict {verdict!r} is not one of {', '.join(VERDICTS)}"
            )
        elif verdict == "altered" and not claim.get("changed"):
            problems.append(f"claims {number}: an altered claim needs the words that changed")
    return problems
