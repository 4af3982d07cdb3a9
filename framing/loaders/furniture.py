"""Page furniture: which lines of a saved page are not article text.

The rules are data (``framing/resources/furniture.json``: navigation, share
and follow buttons, advertisements, cookie notices, "Read more" and related
links, captions and photo credits, comment forms, subscription appeals,
reading times, record codes...), each with its kind, where it applies (page
head, body, tail), what it removes (the line, a block, the rest of the page)
and an example. :func:`furniture_hit` tells whether one line is furniture;
:mod:`framing.loaders.layout` applies the blocks.

Examples
--------
>>> furniture_hit("Share this article", "body").rule.kind
'share'
>>> hit = furniture_hit("© 2024 Tehran Times. All rights reserved.", "tail")
>>> hit.rule.name, hit.site
('copyright', 'Tehran Times')
>>> furniture_hit("The ministry said it would share the data.", "body") is None
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from .date_lines import is_reading_time, is_timestamp
from .layout_rules import FurnitureRule, furniture_rules, furniture_rules_for

__all__ = ["FurnitureHit", "furniture_hit", "headline_like"]

# Furniture lines are short; longer lines are only tested by rules whose
# patterns say they take running prose (captions, appeals). 600 characters
# is above every caption of the layouts dev pages (the longest is 330).
MAX_FURNITURE_CHARS = 600
# Related-story links and other headline-like lines: at most this many words
# and no full stop at the end (the longest related headline on the dev pages
# has 14 words).
MAX_HEADLINE_WORDS = 25


@dataclass(frozen=True)
class FurnitureHit:
    """A furniture rule that matched a line, and what its groups named."""

    rule: FurnitureRule
    site: str | None = None  # the page's own outlet, as written
    authors: str | None = None  # authors named by a closing credit


@lru_cache(maxsize=1)
def _needs_automaton() -> ahocorasick.Automaton:
    """An Aho-Corasick automaton of every rule's needed words (one pass over a line)."""
    automaton = ahocorasick.Automaton()
    for word in {w for rule in furniture_rules() for w in rule.needs}:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


def _present_needs(line: str) -> frozenset[str]:
    """The needed words (``needs`` of furniture.json) that ``line`` holds."""
    return frozenset(word for _, word in _needs_automaton().iter(line.casefold()))


def _builtin(name: str, line: str) -> bool:
    if name == "timestamp":
        return is_timestamp(line)
    if name == "reading_time":
        return is_reading_time(line)
    return False


def furniture_hit(line: str, where: str) -> FurnitureHit | None:
    """The first furniture rule that applies in ``where`` and matches ``line``.

    Parameters
    ----------
    line : str
        One line, stripped.
    where : {"head", "body", "tail"}
        Above the first body paragraph, in the body, or after its last paragraph.
    """
    size = len(line)
    if not size or size > MAX_FURNITURE_CHARS:
        return None
    present = _present_needs(line)
    for rule in furniture_rules_for(where):
        if size > rule.max_chars or (rule.needs and present.isdisjoint(rule.needs)):
            continue
        if rule.match is not None:
            if _builtin(rule.match, line):
                return FurnitureHit(rule)
            continue
        match = rule.pattern.match(line) if rule.pattern is not None else None
        if match is None:
            continue
        groups = match.groupdict()
        site = (groups.get("site") or "").strip(" .,|·•-") or None
        return FurnitureHit(rule, site, (groups.get("authors") or "").strip() or None)
    return None


def headline_like(line: str) -> bool:
    """A short line without a closing full stop: a headline, label or link.

    Examples
    --------
    >>> headline_like("Ferry strike: talks resume in Bergen"), headline_like("He left.")
    (True, False)
    """
    words = line.split()
    if not words or len(words) > MAX_HEADLINE_WORDS:
        return False
    return not line.rstrip("\"”’')]").endswith((".", "!", "?", ":", ";", ","))
