"""Which outlet a saved page is from, from the places a page names itself.

Evidence is collected only where a page names its own outlet or the outlet
whose story it is, in this order of precedence:

1. the agency credit of the dateline (``BEIRUT (Reuters) -``: a wire story
   carried by another site is the wire's story);
2. a byline naming an outlet (``Jane Roe | Reuters``, ``Jane RoeReuters``);
3. the source name on a date line (``Xinhua) 10:05, June 3, 2021``,
   ``Example Gazette5 hours ago``), when the registry knows it;
4. the page's URL, when the registry knows its domain;
5. site-name lines: a page title with the site's suffix, a logo, the
   publication's name under the byline, a copyright line, a newsletter,
   follow or social widget, a registry outlet named in a subscription appeal;
6. a desk byline that is a proper name (``By Harbour News Service``);
7. the URL's host, when the registry does not know it.

Never evidence: captions and photo credits, source credits ("Based on
reporting by Reuters and AP"), outlets cited in the text ("IRNA reported"), a
headline's credit. A page that names no outlet gets none. Credits that name
no outlet (``(Dispatches)``, ``(Agencies)``) are skipped (``not_outlets`` of
``datelines.json``).

Examples
--------
>>> from framing.outlets import OutletRegistry
>>> ev = OutletEvidence(OutletRegistry.default())
>>> ev.add("site name", "GulfToday", "page title suffix", 1)
>>> ev.add("dateline credit", "MNA", "dateline credit", 5)
>>> ev.resolve()
('mehr', 'MNA', 'dateline credit', 5, 'dateline credit')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..outlets import OutletRegistry, slugify
from .layout_rules import dateline_words

__all__ = ["OutletEvidence", "registry_mentions"]

RANKS = {
    "dateline credit": 1,
    "byline": 2,
    "source line": 3,
    "url": 4,
    "site name": 5,
    "desk byline": 6,
    "url host": 7,
}
# Evidence kinds that count only when the registry knows the name (a date
# line's lead may be a section label; a host may be a carrying site).
_REGISTRY_ONLY = frozenset({"source line", "url"})


@dataclass(frozen=True)
class _Evidence:
    rank: int
    order: int
    name: str
    rule: str
    line: int | None


class OutletEvidence:
    """Collects evidence of a page's outlet and resolves it (see the module docstring)."""

    def __init__(self, registry: OutletRegistry) -> None:
        self.registry = registry
        self._items: list[_Evidence] = []

    def add(self, kind: str, name: str | None, rule: str, line: int | None) -> None:
        """Record that ``rule`` on ``line`` names ``name`` as the outlet (``kind`` ranks it)."""
        name = " ".join((name or "").split()).strip(" .,:;|·•-–—()")
        if not name or not any(c.isalnum() for c in name):
            return
        self._items.append(_Evidence(RANKS[kind], len(self._items), name, rule, line))

    def resolve(self) -> tuple[str, str, str, int | None, str] | None:
        """``(outlet id, name as written, rule, line, kind)`` of the best evidence, or ``None``."""
        _, not_outlets = dateline_words()
        for item in sorted(self._items, key=lambda e: (e.rank, e.order)):
            name = item.name
            if item.rank == RANKS["dateline credit"]:
                name = re.split(r"[/,]", name)[0].strip()  # "BSS/AFP": the carrier's own story
            if name.casefold() in not_outlets:
                continue
            kind = next(k for k, r in RANKS.items() if r == item.rank)
            known = self.registry.resolve(name)
            if kind == "dateline credit":
                known = self.registry.by_credit(name) or known
            if known:
                return known, name, item.rule, item.line, kind
            if kind in _REGISTRY_ONLY:
                continue
            slug = slugify(name)
            if slug:
                return slug, name, item.rule, item.line, kind
        return None


@lru_cache(maxsize=8)
def _mention_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    long_names = [re.escape(n) for n in names if len(n) >= 4]
    short_names = [re.escape(n) for n in names if 2 <= len(n) < 4]
    parts = []
    if long_names:
        parts.append(rf"(?i:{'|'.join(long_names)})")
    if short_names:
        parts.append("|".join(short_names))
    if not parts:
        return None
    return re.compile(rf"(?<![\w])(?:{'|'.join(parts)})(?![\w])")


def registry_mentions(text: str, registry: OutletRegistry) -> list[str]:
    """Registry outlet names and aliases mentioned in ``text``, in order.

    Examples
    --------
    >>> from framing.outlets import OutletRegistry
    >>> registry_mentions("Support The Jerusalem Post with a membership.",
    ...                   OutletRegistry.default())
    ['The Jerusalem Post']
    """
    pattern = _mention_pattern(registry.names)
    return [m.group(0) for m in pattern.finditer(text)] if pattern is not None else []
