"""Score a :class:`~framing.Comparison` against hand-made gold for a real pair.

The gold format is the one of ``shared/datasets/real_pairs`` (see its
README): ``key`` and ``acceptable`` word-choice changes and ``never``
spelling variants as ``[source_phrase, rewrite_phrase]`` items, ``omitted``
and ``added`` phrases, ``altered_quotes`` and ``credits`` with verdicts. The
rules are that README's "Scoring" section:

* a reported substitution row *hits* a gold item when its source phrase
  shares a content word with the item's source phrase and its citing phrase
  one with the item's rewrite phrase; a row with more than
  :data:`MAX_CONTENT_WORDS` content words on either side hits nothing;
* matching is one-to-one, key items first, then acceptable ones, each item
  taking the first unused row (in table order) that hits it;
* key recall = key items hit / key items; precision = rows that serve a key
  or acceptable item / reported rows; forbidden = other rows hitting a
  ``never`` item;
* an omitted (added) phrase is found when :data:`FOUND_SHARE` of its content
  words are in one reported omission (in the reported additions and the
  citing phrases of the substitutions);
* an altered quote is found when a fidelity row with verdict ``altered``
  holds that share of the gold rewrite quote's content words;
* a credit's verdict is the verdict of the fidelity row whose claim overlaps
  the credited text most (no overlapping row: not judged, counted wrong).

Examples
--------
>>> hits("the troops left", "the soldiers fled", ["troops left"], ["soldiers fled"])
True
>>> score = score_tables(
...     substitutions=[{"source_phrase": "said", "citing_phrase": "claimed"},
...                    {"source_phrase": "U.S.", "citing_phrase": "US"}],
...     gold={"key": [["officials said", "officials claimed"]], "acceptable": [],
...           "never": [["U.S. forces", "US forces"]]})
>>> score.key_found, score.key, score.served, score.reported, score.forbidden
(1, 1, 1, 2, 1)
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "FOUND_SHARE",
    "MAX_CONTENT_WORDS",
    "GoldScore",
    "content_words",
    "hits",
    "is_control",
    "pair_folders",
    "read_gold",
    "score_gold",
    "score_tables",
]

# The real_pairs README's function words (also those of its scoring hook).
_STOP = frozenset("the a an of to in on and or by its it is was that for with s".split())
# A substitution names the changed words (with a little context), not a sentence.
MAX_CONTENT_WORDS = 8
# "about 60 %" of a gold phrase's content words make it found.
FOUND_SHARE = 0.6


def content_words(text: object) -> set[str]:
    """Lower-cased ``[a-z0-9]+`` tokens of ``text`` without a few function words.

    Examples
    --------
    >>> sorted(content_words("The U.S. said it's over"))
    ['over', 'said', 'u']
    """
    return {w for w in re.findall(r"[a-z0-9]+", str(text).lower()) if w not in _STOP}


def hits(source_phrase: str, citing_phrase: str, gold_source: Any, gold_citing: Any) -> bool:
    """Does a reported row (source and citing phrase) hit a gold item?"""
    rs, rc = content_words(source_phrase), content_words(citing_phrase)
    if len(rs) > MAX_CONTENT_WORDS or len(rc) > MAX_CONTENT_WORDS:
        return False
    return bool(content_words(gold_source) & rs) and bool(content_words(gold_citing) & rc)


def _found(phrase: str, words: set[str]) -> bool:
    wanted = content_words(phrase)
    return len(wanted & words) >= max(1, round(FOUND_SHARE * len(wanted)))


def is_control(gold: Mapping[str, Any]) -> bool:
    """A faithful control: no key change, omission, addition or altered quote in its gold."""
    return not any(gold.get(k) for k in ("key", "omitted", "added", "altered_quotes"))


@dataclass
class GoldScore:
    """Counts of one pair (or a sum of pairs); ``+`` adds two scores."""

    key: int = 0
    key_found: int = 0
    reported: int = 0
    served: int = 0
    forbidden: int = 0
    omitted: int = 0
    omitted_found: int = 0
    added: int = 0
    added_found: int = 0
    altered: int = 0
    altered_found: int = 0
    credits: int = 0
    credits_judged: int = 0
    credits_right: int = 0
    control_findings: int = 0
    details: list[dict[str, Any]] = field(default_factory=list)

    def __add__(self, other: GoldScore) -> GoldScore:
        values = {
            name: getattr(self, name) + getattr(other, name) for name in self.__dataclass_fields__
        }
        return GoldScore(**values)

    @property
    def recall(self) -> float:
        """Key-substitution recall."""
        return self.key_found / self.key if self.key else float("nan")

    @property
    def precision(self) -> float:
        """Share of reported substitutions that serve a key or acceptable item."""
        return self.served / self.reported if self.reported else float("nan")

    def as_row(self) -> dict[str, Any]:
        """The figures as one flat record (for a table)."""

        def ratio(a: int, b: int) -> float:
            return a / b if b else float("nan")

        return {
            "key": self.key,
            "key_found": self.key_found,
            "key_recall": self.recall,
            "reported": self.reported,
            "served": self.served,
            "precision": self.precision,
            "forbidden": self.forbidden,
            "omission_recall": ratio(self.omitted_found, self.omitted),
            "addition_recall": ratio(self.added_found, self.added),
            "altered_quotes": f"{self.altered_found}/{self.altered}",
            "credit_accuracy": ratio(self.credits_right, self.credits),
            "credits_judged": f"{self.credits_judged}/{self.credits}",
        }


def _records(table: Any) -> list[dict[str, Any]]:
    if table is None:
        return []
    if hasattr(table, "to_dict"):
        return table.to_dict("records")
    return [dict(r) for r in table]


def score_tables(
    gold: Mapping[str, Any],
    substitutions: Any = None,
    omissions: Any = None,
    additions: Any = None,
    fidelity: Any = None,
    citing_text: str = "",
) -> GoldScore:
    """Score plain tables (DataFrames or lists of dicts) against one pair's gold."""
    subs = _records(substitutions)
    score = GoldScore(reported=len(subs))
    used: set[int] = set()
    for kind in ("key", "acceptable"):
        for gold_source, gold_citing in gold.get(kind, []):
            row = next(
                (
                    i
                    for i, r in enumerate(subs)
                    if i not in used
                    and hits(
                        r.get("source_phrase", ""),
                        r.get("citing_phrase", ""),
                        gold_source,
                        gold_citing,
                    )
                ),
                None,
            )
            if row is not None:
                used.add(row)
            if kind == "key":
                score.key += 1
                score.key_found += row is not None
            score.details.append(
                {
                    "kind": kind,
                    "source": gold_source,
                    "citing": gold_citing,
                    "found": row is not None,
                    "row": None if row is None else _pair(subs[row]),
                }
            )
    score.served = len(used)
    for i, r in enumerate(subs):
        if i in used:
            continue
        never = any(
            hits(r.get("source_phrase", ""), r.get("citing_phrase", ""), s, c)
            for s, c in gold.get("never", [])
        )
        score.forbidden += never
        score.details.append({"kind": "forbidden" if never else "unmatched", "row": _pair(r)})
    if is_control(gold):
        score.control_findings = len(subs) - len(used)

    omission_texts = [content_words(r.get("text", "")) for r in _records(omissions)]
    for phrase in gold.get("omitted", []):
        found = any(_found(phrase, words) for words in omission_texts)
        score.omitted += 1
        score.omitted_found += found
        score.details.append({"kind": "omitted", "text": phrase, "found": found})
    added_words: set[str] = set()
    for r in _records(additions):
        added_words |= content_words(r.get("text", ""))
    for r in subs:
        added_words |= content_words(r.get("citing_phrase", ""))
    for phrase in gold.get("added", []):
        found = _found(phrase, added_words)
        score.added += 1
        score.added_found += found
        score.details.append({"kind": "added", "text": phrase, "found": found})

    rows = _records(fidelity)
    altered_claims = [
        content_words(r.get("claim", "")) for r in rows if r.get("verdict") == "altered"
    ]
    for _, quote in gold.get("altered_quotes", []):
        found = any(_found(quote, words) for words in altered_claims)
        score.altered += 1
        score.altered_found += found
        score.details.append({"kind": "altered_quote", "text": quote, "found": found})

    for credit in gold.get("credits", []):
        verdict = _credited_verdict(credit["rewrite_text"], rows, citing_text)
        score.credits += 1
        score.credits_judged += verdict is not None
        score.credits_right += verdict == credit["verdict"]
        score.details.append(
            {
                "kind": "credit",
                "text": credit["rewrite_text"],
                "gold": credit["verdict"],
                "verdict": verdict,
            }
        )
    return score


def _pair(row: Mapping[str, Any]) -> str:
    return f"{row.get('source_phrase')!r} -> {row.get('citing_phrase')!r}"


def _credited_verdict(text: str, rows: Sequence[Mapping[str, Any]], citing_text: str) -> str | None:
    start = citing_text.find(text)
    if start < 0:
        return None
    end = start + len(text)
    best, best_overlap = None, 0
    for r in rows:
        a, b = r.get("claim_start"), r.get("claim_end")
        if a is None or b is None or a != a or b != b:  # missing or NaN
            continue
        overlap = min(end, int(b)) - max(start, int(a))
        if overlap > best_overlap:
            best, best_overlap = r.get("verdict"), overlap
    return best


def score_gold(comparison: Any, gold: Mapping[str, Any]) -> GoldScore:
    """Score a :class:`~framing.Comparison` against one pair's gold (see module docstring)."""
    return score_tables(
        gold,
        substitutions=comparison.substitutions,
        omissions=comparison.omissions,
        additions=comparison.additions,
        fidelity=comparison.attribution_fidelity,
        citing_text=comparison.citing.text,
    )


def read_gold(folder: str | Path) -> dict[str, Any]:
    """The ``gold.json`` of a real-pair folder."""
    return json.loads((Path(folder) / "gold.json").read_text("utf-8"))


def pair_folders(root: str | Path) -> Iterable[Path]:
    """The pair folders (with a ``gold.json``) under ``root``, sorted by name."""
    return sorted(p for p in Path(root).iterdir() if (p / "gold.json").is_file())


# Pairs that share a source article are kept on the same side of a split (real_pairs README).
def source_groups(folders: Sequence[Path]) -> list[int]:
    """A group number per pair folder: pairs whose ``source.txt`` is the same text share one."""
    seen: dict[str, int] = {}
    return [
        seen.setdefault((Path(f) / "source.txt").read_text("utf-8").split("\n\n", 1)[-1], len(seen))
        for f in folders
    ]


def compare_folder(folder: str | Path, **kwargs: Any) -> Any:
    """``framing.compare`` of a real-pair folder's ``source.txt`` and ``rewrite.txt``."""
    from .pipeline import compare

    folder = Path(folder)
    return compare(str(folder / "source.txt"), str(folder / "rewrite.txt"), **kwargs)


def filtered(comparison: Any, threshold: float) -> dict[str, Any]:
    """The tables of ``comparison`` as if compared with ``relevance_threshold=threshold``
    (substitutions only; the comparison must have been made with a threshold at most this)."""
    subs = comparison.substitutions
    return {
        "substitutions": subs[subs["relevance"] >= threshold - 1e-9],
        "omissions": comparison.omissions,
        "additions": comparison.additions,
        "fidelity": comparison.attribution_fidelity,
        "citing_text": comparison.citing.text,
    }


def leave_one_group_out(
    scores: Mapping[float, Sequence[GoldScore]], groups: Sequence[int]
) -> tuple[GoldScore, list[float]]:
    """Leave-one-group-out calibration of a threshold.

    ``scores[t][k]`` is pair ``k``'s score with threshold ``t``. For each group
    of pairs, the threshold with the best F1 of key recall and precision on the
    *other* pairs (the lowest such threshold on ties) is used to score the
    held-out pairs; returns their summed score and the threshold chosen per pair.
    """
    thresholds = sorted(scores)
    total, chosen = GoldScore(), [0.0] * len(groups)
    for group in sorted(set(groups)):
        train = [k for k, g in enumerate(groups) if g != group]

        def f1(t: float, train: list[int] = train) -> float:
            s = sum((scores[t][k] for k in train), GoldScore())
            r, p = s.recall, s.precision
            return 0.0 if not (r and p) or r != r or p != p else 2 * r * p / (r + p)

        best = max(thresholds, key=lambda t: (round(f1(t), 6), -t))
        for k, g in enumerate(groups):
            if g == group:
                total = total + scores[best][k]
                chosen[k] = best
    return total, chosen
