"""Who is speaking: resolving source mentions to speakers within an article.

Pronouns and epithets ("it", "he", "the broadcaster") resolve to the last
compatible named source of the article; relative pronouns ("who") to the
phrase they follow.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..outlets import OutletRegistry
from .phrases import TITLE_WORDS
from .sources import epithet_outlets, is_generic_epithet, source_kind
from .tokens import PERSONAL_PRONOUNS, RELATIVE_PRONOUNS
from .wordlists import words

__all__ = ["SourceResolver"]

_GENERIC_ORGANISATIONS = words("generic_organisations")


@dataclass
class _Named:
    text: str
    kind: str
    outlet: str | None


@dataclass
class SourceResolver:
    """Resolves pronoun and epithet sources to the last compatible named source.

    Call :meth:`resolve` on each source phrase in reading order; named
    sources are remembered, pronouns and epithets are resolved against them.

    Examples
    --------
    >>> r = SourceResolver(OutletRegistry.default())
    >>> r.resolve("CNN")[:2], r.resolve("Jack Watling")[:2]
    (('CNN', 'outlet'), ('Jack Watling', 'person'))
    >>> r.resolve("it")[:2], r.resolve("he")[:2], r.resolve("the broadcaster")[:2]
    (('CNN', 'outlet'), ('Jack Watling', 'person'), ('CNN', 'outlet'))
    """

    registry: OutletRegistry
    history: list[_Named] = field(default_factory=list)
    people: set[str] = field(default_factory=set)

    def _last(self, kinds: set[str], outlets: list[str] | None = None) -> _Named | None:
        for named in reversed(self.history):
            if outlets is not None:
                if named.outlet in outlets:
                    return named
            elif named.kind in kinds:
                return named
        return None

    def resolve(self, text: str, antecedent: str | None = None) -> tuple[str, str, str | None]:
        """``(resolved text, kind, outlet id)`` for a source phrase.

        ``antecedent`` is the phrase a relative pronoun ("who") follows.
        """
        lowered = " ".join(text.casefold().split())
        if lowered in RELATIVE_PRONOUNS and antecedent:
            return self.resolve(antecedent)
        if lowered in ("he", "she", "him", "her"):
            found = self._last({"person"})
            return (found.text, "person", None) if found else (text, "pronoun", None)
        if lowered in ("it", "its"):
            found = self._last({"outlet", "organisation", "document"})
            return (found.text, found.kind, found.outlet) if found else (text, "pronoun", None)
        if lowered in ("they", "them", "their"):
            found = self._last({"anonymous", "organisation", "outlet"})
            return (found.text, found.kind, found.outlet) if found else (text, "pronoun", None)
        if lowered in PERSONAL_PRONOUNS:
            return text, "pronoun", None
        named_before = self._full_outlet(text)
        if named_before is not None:  # "the Post" after "The Corran Evening Post"
            self.history.append(named_before)
            return named_before.text, "outlet", named_before.outlet
        outlet_id = self.registry.resolve(text)
        if outlet_id is None:
            candidates = epithet_outlets(text, self.registry)
            if candidates or is_generic_epithet(text):
                found = self._last(set(), outlets=candidates)
                if found is None:  # an outlet outside the registry ("The Harbour Gazette")
                    found = next(
                        (
                            n
                            for n in reversed(self.history)
                            if n.kind == "outlet" and (n.outlet is None or not candidates)
                        ),
                        None,
                    )
                if found is not None:
                    self.history.append(found)  # the most recent mention, for a later "it"
                    return found.text, "outlet", found.outlet
                return text, "outlet", None
        words = lowered.split()
        if len(words) == 2 and words[0] in ("the", "this"):
            if words[1] in _GENERIC_ORGANISATIONS:
                found = self._last({"organisation"})
                if found is not None:  # "the group" after "Doctors Abroad"
                    return found.text, "organisation", None
            if words[1] in TITLE_WORDS:
                for named in reversed(self.history):  # "the mayor" after "The mayor of Denholm"
                    if named.kind == "person" and words[1] in named.text.casefold().split():
                        return named.text, "person", None
        kind = "outlet" if outlet_id else source_kind(text, self.registry, self.people)
        resolved = text
        if kind in ("person", "unknown"):
            full = self._full_name(text)
            if full is not None:
                resolved, kind = full, "person"
            elif kind == "person":
                self.people.add(text)
        if kind != "unknown":
            self.history.append(_Named(resolved, kind, outlet_id))
        return resolved, kind, outlet_id

    def _full_outlet(self, text: str) -> _Named | None:
        """An earlier unregistered outlet whose name contains this short name ("the Gazette")."""
        words = text.split()
        if not words or not words[-1][:1].isupper():
            return None
        short = [w.casefold() for w in words if w.casefold() != "the"]
        for named in reversed(self.history):
            if named.kind != "outlet" or named.outlet is not None:
                continue
            full = [w for w in named.text.casefold().split() if w != "the"]
            if short and len(short) < len(full) and all(w in full for w in short):
                return named
        return None

    def _full_name(self, text: str) -> str | None:
        """An earlier person's full name ending with this surname ("Watling")."""
        words = text.split()
        if len(words) != 1:
            return None
        for named in reversed(self.history):
            if named.kind == "person" and named.text.split()[-1] == words[0] and named.text != text:
                return named.text
        return None
