"""Which of the citing article's attributions credit its source outlet.

The source outlet is known by its registry entry (name and aliases, e.g.
"CNN", "the broadcaster"); an outlet name the registry does not know as a
whole ("Reuters (copy at example.com)") is resolved by its leading words.
When the source's outlet is unknown, every attribution to an outlet counts.

Examples
--------
>>> import framing
>>> article = framing.load_article(text="x", outlet="Reuters (copy at example.com)")
>>> "reuters" in outlet_names(article, OutletRegistry.default())
True
"""

from __future__ import annotations

import re

import pandas as pd

from ..article import Article
from ..outlets import OutletRegistry, slugify

__all__ = [
    "OUTLET_NOUNS",
    "frames_by_sentence",
    "is_source_outlet",
    "outlet_label",
    "outlet_names",
    "resolve_outlet",
]

# Nouns by which a retelling refers to the outlet it retells ("the agency said",
# "the media outlet detailed"): an attribution to one of them, in an article that
# credits its source outlet by name, credits the source outlet.
OUTLET_NOUNS = frozenset(
    "agency broadcaster channel media medium network newspaper outlet paper publication "
    "website".split()
)


def _outlet_key(name: str) -> str:
    return slugify(name).removeprefix("the-")


def resolve_outlet(article: Article, registry: OutletRegistry) -> str | None:
    """The registry id of ``article``'s outlet, resolving it by its leading words if need be."""
    if not article.outlet:
        return None
    if article.outlet in registry:
        return article.outlet
    outlet_id = registry.resolve(article.outlet)
    parts = slugify(article.outlet).split("-")
    for size in range(len(parts) - 1, 0, -1):
        if outlet_id is not None:
            break
        outlet_id = registry.resolve(" ".join(parts[:size]))
    return outlet_id if outlet_id in registry else None


def outlet_label(article: Article, registry: OutletRegistry) -> str:
    """The display name of ``article``'s outlet (its registry name, else as written)."""
    outlet_id = resolve_outlet(article, registry)
    return registry[outlet_id].name if outlet_id else (article.outlet or "the source")


def outlet_names(article: Article, registry: OutletRegistry) -> set[str]:
    """Folded names (slugs) by which a citing article may credit ``article``'s outlet."""
    names: set[str] = set()
    if not article.outlet:
        return names
    names.add(_outlet_key(article.outlet))
    outlet_id = resolve_outlet(article, registry)
    if outlet_id is not None:
        outlet = registry[outlet_id]
        names |= {_outlet_key(n) for n in (outlet_id, outlet.name, *outlet.aliases)}
    return names


def is_source_outlet(
    attributions: pd.DataFrame, names: set[str], registry: OutletRegistry
) -> list[bool]:
    """For each attribution, whether it cites the source outlet (see module docstring)."""
    flags = []
    for source, outlet, kind in zip(
        attributions["source"],
        attributions["source_outlet"],
        attributions["source_kind"],
        strict=True,
    ):
        if not names:
            flags.append(kind == "outlet")
            continue
        candidates = {_outlet_key(outlet)} if isinstance(outlet, str) else set()
        if isinstance(source, str):
            candidates |= {_outlet_key(source), _outlet_key(registry.resolve(source) or "")}
            # the outlet named inside a longer source: "a CNN Arabic investigation",
            # "emails obtained by Reuters", "Axios' sources"
            words = re.sub(r"['’]s?\b", "", source).split()
            candidates |= {
                _outlet_key(" ".join(words[i : i + n]))
                for n in (1, 2, 3)
                for i in range(len(words) - n + 1)
                if words[i][:1].isupper()
            }
        flags.append(bool(candidates & names))
    if any(flags):  # the source outlet is named: "the agency", "the media" refer to it
        for k, source in enumerate(attributions["source"]):
            words = str(source).casefold().split()
            # "the agency", "the news agency", "the media outlet"; not "the environment agency"
            generic = len(words) == 2 or (len(words) == 3 and words[1] in ("news", "media"))
            if not flags[k] and generic and words[0] == "the" and words[-1] in OUTLET_NOUNS:
                flags[k] = True
    return flags


def frames_by_sentence(attributions: pd.DataFrame) -> dict[int, list[tuple[int, int]]]:
    """Cue and source spans of the attributions to the source outlet, by citing sentence.

    These frames ("CNN wrote", "according to the paper") are the citing outlet's
    own words around what it retells, so they are not compared with the source;
    attributions to third parties ("Fishing cooperatives said") are content the
    source itself carries, and stay.
    """
    frames: dict[int, list[tuple[int, int]]] = {}
    for row in attributions[attributions["_to_source"]].itertuples(index=False):
        ranges = frames.setdefault(int(row.sentence), [])
        ranges.append((int(row.cue_start), int(row.cue_end)))
        if pd.notna(row.source_start):
            ranges.append((int(row.source_start), int(row.source_end)))
    return frames
