"""What kind of source a phrase names: outlet, person, organisation, document, anonymous.

Its kind comes from the outlet registry, the closed lists of head nouns of
``resources/attribution_words.txt`` and capitalisation. Resolving pronouns
and epithets to the speaker they stand for is :mod:`framing.features.speakers`.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache
from importlib import resources

from ..outlets import OutletRegistry
from .phrases import ANONYMOUS_HEADS, DOCUMENT_HEADS, ORGANISATION_WORDS, TITLE_WORDS
from .tokens import PERSONAL_PRONOUNS, RELATIVE_PRONOUNS
from .wordlists import words

__all__ = [
    "GENERIC_OUTLET_EPITHETS",
    "NEWS_NAME_WORDS",
    "epithet_outlets",
    "is_generic_epithet",
    "places",
    "source_kind",
]

# Titles that make a named phrase a person ("Mr. Smith", "Sen. Warren").
PERSON_TITLES = words("person_titles")
# Name words of news outlets not in the registry ("The Harbour Gazette", "Radio Avalon").
NEWS_NAME_WORDS = words("news_name_words")
# Generic references to an outlet named before, whatever the registry says.
GENERIC_OUTLET_EPITHETS = words("generic_outlet_epithets")


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Place names (lower case) of ``resources/places.txt`` (a place as source: organisation)."""
    text = resources.files("framing.resources").joinpath("places.txt").read_text("utf-8")
    return frozenset(
        x.strip().casefold() for x in text.splitlines() if x.strip() and not x.startswith("#")
    )


def source_kind(
    text: str,
    registry: OutletRegistry,
    known_people: Collection[str] = frozenset(),
    *,
    outlets_checked: bool = False,
) -> str:
    """Kind of a source phrase: outlet, person, organisation, document, anonymous or unknown.

    The head of the phrase decides: the words before "of", "for", "at",
    "from" or "by" ("A report by the Crisis Group" is a document, "The
    mayor of Denholm" a person). A phrase ending in a capitalised name with a
    role or title before it ("Government spokesman Petr Novak") is a person.
    ``known_people`` holds phrases already known to name a person;
    ``outlets_checked`` says the caller has found the phrase to name no
    outlet of the registry nor an outlet's epithet (the check is not repeated).

    Examples
    --------
    >>> reg = OutletRegistry.default()
    >>> [source_kind(s, reg) for s in ["CNN", "Mr. Smith", "the Pentagon", "a new report",
    ...                                "Iraqi officials", "Tehran", "Jack Watling"]]
    ['outlet', 'person', 'organisation', 'document', 'anonymous', 'organisation', 'person']
    >>> [source_kind(s, reg) for s in ["The mayor of Denholm", "Government spokesman Petr Novak",
    ...                                "A report by the International Crisis Group"]]
    ['person', 'person', 'document']
    """
    stripped = text.strip()
    if not outlets_checked and (
        registry.resolve(stripped)
        or epithet_outlets(stripped, registry)
        or is_generic_epithet(stripped)
    ):
        return "outlet"
    words = stripped.replace(",", " ").split()
    if not words:
        return "unknown"
    lowered = [w.casefold() for w in words]
    if lowered[0] in PERSONAL_PRONOUNS or lowered[0] in RELATIVE_PRONOUNS:
        return "pronoun"
    if stripped.casefold().removeprefix("the ") in places():
        return "organisation"
    if (
        words[-1][:1].isupper()
        and all(w[:1].isupper() or w.casefold() in ("the", "of") for w in words)
        and any(w.casefold() in NEWS_NAME_WORDS for w in words)
    ):
        return "outlet"
    cut = next(
        (k for k, w in enumerate(lowered) if k and w in ("of", "for", "at", "from", "by")),
        len(words),
    )
    head_words, head_lowered = words[:cut], lowered[:cut]
    head = head_lowered[-1]
    named = head_words[-1][:1].isupper()
    role = any(
        w in TITLE_WORDS or w in PERSON_TITLES or w in ANONYMOUS_HEADS for w in head_lowered[:-1]
    )
    if named and (role or any(w in PERSON_TITLES for w in head_lowered)):
        return "person"
    if head in DOCUMENT_HEADS:
        return "document"
    if head in TITLE_WORDS and head not in ("party", "campaign", "state"):
        return "person"
    if any(w in ORGANISATION_WORDS for w in head_lowered):
        return "organisation"
    if head in ANONYMOUS_HEADS:
        return "anonymous"
    if named and all(w[:1].isupper() for w in head_words) and len(head_words) <= 4:
        return "organisation" if head_lowered[0] == "the" else "person"
    if stripped in known_people:
        return "person"
    return "unknown"


def epithet_outlets(text: str, registry: OutletRegistry) -> list[str]:
    """Ids of the registry's outlets that ``text`` is an epithet of ("the broadcaster")."""
    return list(_epithets(registry).get(" ".join(text.casefold().split()), ()))


_EPITHET_CACHE: dict[int, tuple[OutletRegistry, dict[str, tuple[str, ...]]]] = {}


def _epithets(registry: OutletRegistry) -> dict[str, tuple[str, ...]]:
    """Epithet (lower case) -> outlet ids, built once per registry object."""
    cached = _EPITHET_CACHE.get(id(registry))
    if cached is not None and cached[0] is registry:
        return cached[1]
    table: dict[str, list[str]] = {}
    for outlet in registry.values():
        for epithet in outlet.epithets:
            ids = table.setdefault(" ".join(epithet.casefold().split()), [])
            if outlet.id not in ids:
                ids.append(outlet.id)
    frozen = {k: tuple(v) for k, v in table.items()}
    if len(_EPITHET_CACHE) > 8:
        _EPITHET_CACHE.clear()
    _EPITHET_CACHE[id(registry)] = (registry, frozen)
    return frozen


def is_generic_epithet(text: str) -> bool:
    """Whether ``text`` is a generic outlet epithet ("the paper", "the agency")."""
    return " ".join(text.casefold().split()) in GENERIC_OUTLET_EPITHETS
