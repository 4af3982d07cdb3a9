"""Attribution cues (said, told, according to, admitted...) as data.

``framing/resources/cues.csv`` lists each cue with its forms, its ``kind``
(speech, writing, cognition, evidence), whether its content must be a
clause or quotation (``content=clause``: "added that ...", not "added
sugar"), and its ``stance``: ``neutral``
(said, told, wrote), ``factive`` (admitted, revealed, noted: presents the
content as true), ``doubt`` (claimed, alleged, insisted), ``negative``
(denied, rejected), ``manner`` (boasted, slammed) or ``hedge`` (suggested).
The cue class used in reports is ``neutral`` for neutral stance and
``loaded`` for every other.

Examples
--------
>>> cues = CueLexicon.default()
>>> cues.lookup(("admitted",))
Cue(lemma='admit', kind='speech', stance='factive', words=1, needs_clause=False)
>>> cues.lookup(("according", "to")).lemma
'according to'
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["SPEECH_WRITING_KINDS", "Cue", "CueLexicon", "cue_class"]

SPEECH_WRITING_KINDS = frozenset({"speech", "writing"})


@dataclass(frozen=True)
class Cue:
    """One cue form's meaning: lemma, kind, stance and length in words."""

    lemma: str
    kind: str
    stance: str
    words: int
    needs_clause: bool = False


def cue_class(stance: str) -> str:
    """``"neutral"`` for a neutral stance, else ``"loaded"``.

    Examples
    --------
    >>> cue_class("neutral"), cue_class("doubt")
    ('neutral', 'loaded')
    """
    return "neutral" if stance == "neutral" else "loaded"


class CueLexicon:
    """Cue forms (one or more words, lower case) mapped to :class:`Cue`."""

    def __init__(self, rows: Sequence[dict[str, str]]) -> None:
        self._forms: dict[tuple[str, ...], Cue] = {}
        for row in rows:
            for form in dict.fromkeys(f.strip() for f in row["forms"].split("|") if f.strip()):
                words = tuple(form.casefold().split())
                cue = Cue(
                    row["cue"],
                    row["kind"],
                    row["stance"],
                    len(words),
                    row.get("content", "any") == "clause",
                )
                self._forms.setdefault(words, cue)
        self.max_words = max((len(k) for k in self._forms), default=1)
        self.first_words = frozenset(k[0] for k in self._forms)
        lengths: dict[str, set[int]] = {}
        for form in self._forms:
            lengths.setdefault(form[0], set()).add(len(form))
        self._sizes = {w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()}
        single = {k[0] for k in self._forms if len(k) == 1}
        # words that begin only cues of several words -> the words that may follow them
        self.second_words: dict[str, frozenset[str]] = {
            first: frozenset(k[1] for k in self._forms if k[0] == first)
            for first in self.first_words - single
        }

    @classmethod
    def default(cls) -> CueLexicon:
        """The cue lexicon shipped as ``framing/resources/cues.csv``."""
        return _default_cues()

    def lookup(self, words: tuple[str, ...]) -> Cue | None:
        """The cue for exactly these lower-case words, if any."""
        return self._forms.get(words)

    def match_at(self, words: Sequence[str], position: int) -> Cue | None:
        """Longest cue starting at ``words[position]`` (lower-case words)."""
        sizes = self._sizes.get(words[position])
        if sizes is None:
            return None
        room = len(words) - position
        for size in sizes:  # the lengths of the cues that begin with this word, longest first
            if size <= room:
                cue = self._forms.get(tuple(words[position : position + size]))
                if cue is not None:
                    return cue
        return None


@lru_cache(maxsize=1)
def _default_cues() -> CueLexicon:
    text = resources.files("framing.resources").joinpath("cues.csv").read_text("utf-8")
    return CueLexicon(list(csv.DictReader(io.StringIO(text))))
