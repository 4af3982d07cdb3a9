"""The state of one layout inference: the page's lines, what was found, and why.

Shared by :mod:`framing.loaders.body_start`, :mod:`framing.loaders.body_clean`
and :mod:`framing.loaders.layout`: line kinds (computed once per line),
inferred fields with their rule and line number, removed furniture by rule,
and the evidence of the outlet.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..outlets import OutletRegistry
from .bylines import Byline, credit_authors, read_byline
from .date_lines import DateLine, read_date_line
from .furniture import FurnitureHit, headline_like
from .layout_rules import not_site_words
from .outlet_evidence import OutletEvidence, registry_mentions
from .page_lines import PageLine, is_prose, word_count

__all__ = ["InferredLayout", "PageState", "norm"]

# Headlines have 4-30 words; shorter lines are labels ("Breaking News",
# "World", "Top Stories"). Measured on the layouts dev pages: the
# shortest headline has 5 words, the longest label 3.
MIN_TITLE_WORDS = 4
MAX_TITLE_WORDS = 30
MAX_LABEL_WORDS = 3
# A kicker ends with a colon ("Ministry says:") and has at most this many words.
MAX_KICKER_WORDS = 6


@dataclass
class InferredLayout:
    """What layout inference found (see :func:`framing.loaders.layout.infer_layout`)."""

    body: list[str]
    fields: dict[str, Any] = field(default_factory=dict)
    inferred: dict[str, dict[str, Any]] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)


def norm(text: str) -> str:
    """``text`` with white space collapsed and case folded, for comparing lines."""
    return " ".join(text.split()).casefold()


class PageState:
    """One page under inference."""

    def __init__(
        self,
        lines: Sequence[str],
        registry: OutletRegistry,
        explicit: Collection[str],
        line_offset: int,
        layout_dateline: re.Pattern[str] | None,
    ) -> None:
        self.lines = list(lines)
        self.registry = registry
        self.explicit = set(explicit)
        self.offset = line_offset
        self.layout_dateline = layout_dateline
        self.credits = registry.dateline_credits
        self.logical: list[PageLine] = []
        self.result = InferredLayout(body=[])
        self.evidence = OutletEvidence(registry)
        self.removed: dict[str, list[int]] = {}
        self.head_hits: dict[int, FurnitureHit] = {}
        self.standfirsts: set[int] = set()
        self.repeats: set[int] = set()  # standfirsts that a later paragraph repeats
        self.title_line: int | None = None  # a headline ending with a full stop
        self.date_lines: list[tuple[DateLine, int]] = []
        self.page_date: tuple[str, int] | None = None
        self.dateline_published: tuple[str, int] | None = None
        self._kinds: dict[int, str] = {}
        self._date_lines: dict[int, DateLine | None] = {}
        self._bylines: dict[int, Byline | None] = {}

    # -- bookkeeping ---------------------------------------------------------------
    def number(self, line: PageLine) -> int:
        """The file's 1-based line number of ``line``."""
        return line.number + self.offset

    def infer(
        self, name: str, value: Any, rule: str, line: int | None, *, read: bool = False
    ) -> bool:
        """Set a field unless it is explicit or already set; record the rule unless ``read``.

        ``read`` marks a field that an outlet layout of the registry reads (its
        own dateline pattern), which is not an inference.
        """
        if value in (None, "", ()) or name in self.explicit or name in self.result.fields:
            return False
        self.result.fields[name] = value
        if not read:
            self.result.inferred[name] = {"rule": rule, "line": line}
        return True

    def remove(self, rule: str, line: PageLine) -> None:
        """Note that ``rule`` removed ``line``."""
        self.removed.setdefault(rule, []).append(self.number(line))

    def warn(self, note: str) -> None:
        self.result.meta.setdefault("warnings", []).append(note)

    # -- what a line is (computed once) ----------------------------------------------
    def date_line(self, k: int) -> DateLine | None:
        if k not in self._date_lines:
            self._date_lines[k] = read_date_line(self.logical[k].text)
        return self._date_lines[k]

    def byline(self, k: int, text: str | None = None) -> Byline | None:
        if text is not None:
            return read_byline(text, self.registry)
        if k not in self._bylines:
            self._bylines[k] = read_byline(self.logical[k].text, self.registry)
        return self._bylines[k]

    def kind(self, k: int) -> str:
        """``date``, ``byline``, ``prose``, ``label``, ``headline`` or ``other``."""
        if k not in self._kinds:
            text = self.logical[k].text
            words = word_count(text)
            if self.date_line(k) is not None:
                kind = "date"
            elif self.byline(k) is not None:
                kind = "byline"
            elif is_prose(text):
                kind = "prose"
            elif words <= MAX_LABEL_WORDS or (text.endswith(":") and words <= MAX_KICKER_WORDS):
                kind = "label"
            elif headline_like(text) and words <= MAX_TITLE_WORDS:
                kind = "headline"
            else:
                kind = "other"
            self._kinds[k] = kind
        return self._kinds[k]

    # -- evidence -------------------------------------------------------------------
    def site_evidence(self, hit: FurnitureHit, line: PageLine) -> None:
        """What a furniture line says about the site and the authors."""
        number = self.number(line)
        site = self.site_name(hit)
        if site:
            self.evidence.add("site name", site, f"site name: {hit.rule.name}", number)
        if hit.rule.site_mentions:
            self.mentions(line, hit.rule.name)
        if hit.authors:
            authors = credit_authors(hit.authors)
            if authors and self.infer(
                "byline", ", ".join(authors), f"byline: {hit.rule.name}", number
            ):
                self.result.meta.setdefault("authors", list(authors))

    def site_name(self, hit: FurnitureHit) -> str | None:
        """The site a furniture line names, if it names one (see ``furniture.json``)."""
        site = hit.site
        if not site or site.casefold() in ("us", "our"):
            return None
        words = set(re.findall(r"[\w&]+", site.casefold()))
        folded = " ".join(site.casefold().split())
        if any(w in words or (" " in w and w in folded) for w in not_site_words()):
            return None
        if hit.rule.site_known_only and not self.registry.resolve(site):
            known = registry_mentions(site, self.registry)
            return known[0] if known else None
        return site

    def mentions(self, line: PageLine, rule: str) -> None:
        """Registry outlets named in a line that speaks for the site (an appeal)."""
        for name in registry_mentions(line.text, self.registry):
            self.evidence.add("site name", name, f"site name: {rule}", self.number(line))

    def take_byline(self, found: Byline | None, line: PageLine, text: str, where: str) -> None:
        """Record a byline: its authors, its desk, the outlet it names."""
        if found is None:
            return
        number = self.number(line)
        if found.outlet:
            kind = "byline" if found.form != "desk" else "desk byline"
            self.evidence.add(kind, found.outlet, f"{found.form} byline", number)
        if found.desk:
            self.result.meta.setdefault("byline_desk", found.desk)
        if not found.authors:
            return
        written = re.sub(r"^\S+[: ]+", "", text) if found.form.startswith("by-") else ""
        if written and found.outlet:
            written = written.split(found.outlet)[0].rstrip(" ,|·•-–—/")
        byline = written or ", ".join(found.authors)
        if self.infer("byline", byline, f"byline: {found.form} ({where})", number):
            self.result.meta.setdefault("authors", list(found.authors))
