"""Who is speaking: every mention of a source resolved to one speaker of the article.

:class:`SpeakerResolver` reads an article's source mentions in order and
gives each a speaker with a canonical name and a kind:

* a **full name** ("President Donald J. Trump") starts or continues a
  person; later **surnames** and **title + surname** ("Trump", "Mr. Trump")
  join the person the article named with that surname, in its attributions
  or anywhere in its text;
* **pronouns** ("he", "she") go to the most recent compatible person named
  outside reported content (a person named inside a quotation or a
  reported clause is what the speaker talks about, not who speaks next);
  gender comes from honorifics and from earlier resolutions; "it" and
  "they" go to the last outlet, organisation or group; with no candidate a
  pronoun stays **unresolved** (``speaker`` is missing, never "he");
* **role epithets** ("the senator", "the broadcaster") go to the last
  person with that role, or the outlet the registry gives that epithet;
* a **relative "who"** is the phrase it follows.

Examples
--------
>>> from framing.outlets import OutletRegistry
>>> text = "Darian Lonechild met police. Lonechild said it was time. She said so."
>>> r = SpeakerResolver(OutletRegistry.default(), text)
>>> r.resolve("Lonechild", 29).speaker.canonical, r.resolve("She", 59).speaker.canonical
('Darian Lonechild', 'Darian Lonechild')
>>> r.resolve("he", 70).speaker is None
True
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from ..outlets import OutletRegistry
from .names import canonical_name, gender_of, name_runs, person_name
from .phrases import TITLE_WORDS
from .sources import epithet_outlets, is_generic_epithet, source_kind
from .tokens import PERSONAL_PRONOUNS, RELATIVE_PRONOUNS
from .wordlists import words

__all__ = [
    "Resolution",
    "SourceResolver",
    "Speaker",
    "SpeakerResolver",
    "first_person_in_reported",
]

_GENERIC_ORGANISATIONS = words("generic_organisations")
_ABBREVIATED_ROLES = {
    "sen.": "senator",
    "rep.": "representative",
    "gov.": "governor",
    "gen.": "general",
    "sec.": "secretary",
    "pres.": "president",
    "prof.": "professor",
    "amb.": "ambassador",
    "adm.": "admiral",
    "lt.": "lieutenant",
    "col.": "colonel",
    "capt.": "captain",
    "rev.": "reverend",
}
# A pronoun goes to a person mentioned at most this many characters before it (about
# six paragraphs of news); set by hand on constructed articles.
PRONOUN_WINDOW = 3000
# A capitalised word at a word boundary; the look-behind after the capital (the character
# before it is no word character) lets the engine skip to the next capital in C.
_CAPITALISED = re.compile(r"[A-Z](?<!\w.)[a-z]+(?:[-'’][A-Za-z]+)*")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_POSSESSIVE = re.compile(r"[’']s?$")


@dataclass
class Speaker:
    """One speaker of an article: display name, kind, canonical name, mentions as written."""

    name: str
    kind: str
    outlet: str | None
    canonical: str | None
    gender: str | None = None
    roles: set[str] = field(default_factory=set)
    mentions: list[str] = field(default_factory=list)
    last: int = -1  # offset of the latest mention outside reported content

    def mention(self, written: str | None) -> None:
        if written and written not in self.mentions:
            self.mentions.append(written)


@dataclass(frozen=True)
class Resolution:
    """What a source mention resolves to (``speaker`` is ``None`` when unresolved)."""

    source: str
    kind: str
    outlet: str | None
    speaker: Speaker | None


def _roles(phrase: str, name: str) -> set[str]:
    """Role words of a source phrase around its name ("Sen." -> senator, "spokesman")."""
    out = set()
    rest = phrase.replace(name, " ") if name else phrase
    for word in rest.replace(",", " ").split():
        lowered = word.casefold()
        lowered = _ABBREVIATED_ROLES.get(lowered, lowered)
        if lowered in TITLE_WORDS or lowered.endswith(("man", "woman", "er", "or", "ist")):
            out.add(lowered.strip("."))
            out.update(_ROLE_SYNONYMS.get(lowered.strip("."), ()))
    return out


def _role_synonyms() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for pair in words("role_synonyms"):
        role, _, other = pair.partition("=")
        table.setdefault(role, []).append(other)
    return {k: tuple(v) for k, v in table.items()}


_ROLE_SYNONYMS = _role_synonyms()


class SpeakerResolver:
    """Resolves the source mentions of one article, read in order (see the module docstring).

    Parameters
    ----------
    registry : OutletRegistry
        Outlets and their epithets.
    text : str
        The article text, scanned once for the names of people.
    reported : sequence of (start, end)
        Reported content (quotations, content spans): names inside are not
        candidates for a later pronoun.
    until : int or None
        The last offset a mention will be resolved at, if known: names after
        it are never read, so the text is scanned only up to it.
    """

    def __init__(
        self,
        registry: OutletRegistry,
        text: str = "",
        reported: list[tuple[int, int]] | None = None,
        until: int | None = None,
    ) -> None:
        self.registry = registry
        self.text = text
        self.speakers: list[Speaker] = []  # every speaker, in order of creation
        self.history: list[Speaker] = []  # speakers in order of mention (it, they, epithets)
        self.people: dict[str, Speaker] = {}  # canonical full name -> person
        self.surnames: dict[str, Speaker] = {}  # surname -> latest person with it
        reported = sorted(reported or [])
        self._reported_starts = [s for s, _ in reported]
        self._reported = reported
        self._names = name_runs(text, until) if text else []
        end = len(text) if until is None else min(len(text), until + 1)
        # capitalised words, read as the mentions come (a surname known by then is a mention)
        self._words = _CAPITALISED.finditer(text, 0, end)
        self._next_word = next(self._words, None)
        self._name_cursor = 0
        self._name_keys: dict[str, tuple[str, str, str | None]] = {}  # name -> keys (_person)
        self._clock = len(text)

    # -- text mentions ---------------------------------------------------------------
    def _inside_reported(self, position: int) -> bool:
        k = bisect_left(self._reported_starts, position + 1) - 1
        return k >= 0 and position < self._reported[k][1]

    def _read_until(self, position: int) -> None:
        """Take in the names of people the text mentions before ``position``."""
        names, k = self._names, self._name_cursor
        while k < len(names) and names[k][0] < position:
            start, _, name, gender, roles = names[k]
            k += 1
            person = self._person(name, gender)
            if roles:
                person.roles |= _roles(" ".join(roles), "")
            if not self._inside_reported(start):
                person.last = max(person.last, start)
        self._name_cursor = k
        word, words, surnames = self._next_word, self._words, self.surnames
        while word is not None:
            start = word.start()
            if start >= position:
                break
            if surnames:  # a capitalised word that is a known surname: a mention of that person
                person = surnames.get(word.group().casefold())
                if person is not None and not self._inside_reported(start):
                    person.last = max(person.last, start)
            word = next(words, None)
        self._next_word = word

    def _person(self, name: str, gender: str | None = None) -> Speaker:
        """The person with this name (a full name, or a surname the article used before)."""
        keys = self._name_keys.get(name)
        if keys is None:  # the name's canonical form, its key, and its one word's key if one
            canonical = canonical_name(name)
            parts = canonical.split()
            keys = self._name_keys[name] = (
                canonical,
                canonical.casefold(),
                parts[0].casefold() if len(parts) == 1 else None,
            )
        canonical, key, single = keys
        person = self.people.get(key)
        if person is None and single is not None:
            person = self.surnames.get(single)
        if person is None:
            person = Speaker(person_name(name), "person", None, canonical, gender)
            self.speakers.append(person)
            self.people[key] = person
        if gender and not person.gender:
            person.gender = gender
        if single is None or single not in self.surnames:
            self.surnames[person.canonical.split()[-1].casefold()] = person  # type: ignore[union-attr]
        return person

    # -- resolution ----------------------------------------------------------------------
    def resolve(self, text: str, position: int = -1, antecedent: str | None = None) -> Resolution:
        """The speaker of a source mention ``text`` found at ``position`` in the article.

        ``antecedent`` is the phrase a relative pronoun ("who") follows.
        """
        if position >= 0:
            self._read_until(position)
        else:  # no offsets: reading order only
            self._clock += 1
            position = self._clock
        lowered = " ".join(text.casefold().split())
        if lowered in RELATIVE_PRONOUNS:
            if antecedent:
                return self.resolve(antecedent)
            return Resolution(text, "pronoun", None, None)
        if lowered in ("he", "she", "him", "her"):
            return self._pronoun(text, "m" if lowered in ("he", "him") else "f", position)
        if lowered in ("it", "its"):
            return self._last_of(text, {"outlet", "organisation", "document"})
        if lowered in ("they", "them", "their"):
            return self._last_of(text, {"anonymous", "organisation", "outlet"})
        if lowered in PERSONAL_PRONOUNS:
            return Resolution(text, "pronoun", None, None)  # I, we, you: the writer or reader
        outlet = self._outlet(text)
        if outlet is not None:
            return outlet
        epithet = self._epithet(text, lowered)
        if epithet is not None:
            return epithet
        # _outlet found no registry outlet nor epithet: source_kind need not look again
        kind = source_kind(text, self.registry, self.people.keys(), outlets_checked=True)
        if kind in ("person", "unknown") and _looks_like_name(text):
            surname = canonical_name(text).split()
            known = self.surnames.get(surname[-1].casefold()) if len(surname) == 1 else None
            if kind == "person" or known is not None:
                return self._named_person(text, position)
        if kind == "unknown":
            return Resolution(text, kind, None, None)
        speaker = self._thing(text, kind)
        return Resolution(text, kind, None, speaker)

    def _named_person(self, text: str, position: int) -> Resolution:
        person = self._person(text, gender_of(text))
        person.roles |= _roles(text, person.name)
        if position >= 0:
            person.last = max(person.last, position)
        person.mention(text)
        self.history.append(person)
        if len(canonical_name(text).split()) == 1 and person.name != text:
            return Resolution(person.name, "person", None, person)
        return Resolution(text, "person", None, person)

    def _pronoun(self, text: str, gender: str, position: int) -> Resolution:
        best = None
        for person in self.people.values():
            if person.last < 0 or (position >= 0 and position - person.last > PRONOUN_WINDOW):
                continue
            if person.gender not in (None, gender):
                continue
            if best is None or person.last > best.last:
                best = person
        if best is None:
            return Resolution(text, "pronoun", None, None)
        best.gender = best.gender or gender
        best.mention(text)
        self.history.append(best)
        return Resolution(best.name, "person", None, best)

    def _last_of(self, text: str, kinds: set[str]) -> Resolution:
        for speaker in reversed(self.history):
            if speaker.kind in kinds:
                speaker.mention(text)
                return Resolution(speaker.name, speaker.kind, speaker.outlet, speaker)
        return Resolution(text, "pronoun", None, None)

    def _thing(self, text: str, kind: str, outlet: str | None = None) -> Speaker:
        """An outlet, organisation, document or group, one per canonical phrase."""
        canonical = _ARTICLE.sub("", " ".join(text.split()))
        canonical = _POSSESSIVE.sub("", canonical)
        key = f"{kind}:{(outlet or canonical).casefold()}"
        speaker = self.people.get(key)
        if speaker is None:
            speaker = Speaker(text, kind, outlet, canonical)
            self.people[key] = speaker
            self.speakers.append(speaker)
        speaker.mention(text)
        self.history.append(speaker)
        return speaker

    def _outlet(self, text: str) -> Resolution | None:
        named_before = self._full_outlet(text)
        if named_before is not None:  # "the Post" after "The Corran Evening Post"
            named_before.mention(text)
            self.history.append(named_before)
            return Resolution(named_before.name, "outlet", named_before.outlet, named_before)
        outlet_id = self.registry.resolve(text)
        if outlet_id is not None:
            name = self.registry[outlet_id].name
            speaker = self._thing(name, "outlet", outlet_id)
            speaker.mention(text)
            return Resolution(text, "outlet", outlet_id, speaker)
        candidates = epithet_outlets(text, self.registry)
        if not candidates and not is_generic_epithet(text):
            return None
        found = next((s for s in reversed(self.history) if s.outlet in candidates), None)
        if found is None:  # an outlet outside the registry ("The Harbour Gazette")
            found = next(
                (
                    s
                    for s in reversed(self.history)
                    if s.kind == "outlet" and (s.outlet is None or not candidates)
                ),
                None,
            )
        if found is None:
            return Resolution(text, "outlet", None, None)
        found.mention(text)
        self.history.append(found)  # the most recent mention, for a later "it"
        return Resolution(found.name, "outlet", found.outlet, found)

    def _epithet(self, text: str, lowered: str) -> Resolution | None:
        """ "the group" after an organisation; "the senator" after Sen. X."""
        parts = lowered.split()
        if len(parts) < 2 or parts[0] not in ("the", "this"):
            return None
        head = parts[-1]
        if len(parts) == 2 and head in _GENERIC_ORGANISATIONS:
            for speaker in reversed(self.history):
                if speaker.kind == "organisation":
                    speaker.mention(text)
                    return Resolution(speaker.name, "organisation", None, speaker)
        if head in TITLE_WORDS and all(
            p in TITLE_WORDS or p in ("the", "this", "former") for p in parts
        ):
            titled = [p for p in self.people.values() if p.kind == "person" and head in p.roles]
            if titled:  # the last person the article gave that role, as source or in its text
                speaker = max(titled, key=lambda p: p.last)
                speaker.mention(text)
                self.history.append(speaker)
                return Resolution(speaker.name, "person", None, speaker)
            for speaker in reversed(self.history):  # "the mayor" after "The mayor of Denholm"
                if speaker.kind == "person" and head in speaker.name.casefold().split():
                    speaker.mention(text)
                    return Resolution(speaker.name, "person", None, speaker)
        return None

    def _full_outlet(self, text: str) -> Speaker | None:
        """An earlier unregistered outlet whose name contains this short name ("the Gazette")."""
        parts = text.split()
        if not parts or not parts[-1][:1].isupper():
            return None
        short = [w.casefold() for w in parts if w.casefold() != "the"]
        for speaker in reversed(self.history):
            if speaker.kind != "outlet" or speaker.outlet is not None:
                continue
            full = [w for w in speaker.name.casefold().split() if w != "the"]
            if short and len(short) < len(full) and all(w in full for w in short):
                return speaker
        return None


_FIRST_PERSON = frozenset({"i", "we", "me", "us"})


def first_person_in_reported(
    found: list[Any], rows: list[dict[str, object]], speakers: list[Speaker | None], text: str
) -> None:
    """ "I" or "we" as the source inside what another source says is that source.

    ('Ortiz said we had warned the council': "we" is Ortiz's.) The innermost
    content span holding the pronoun decides; the row of the attribution
    (``found[k]``, an extractor's :class:`~framing.features.patterns.Found`)
    takes that speaker and its source columns. ``speakers`` is updated in place.
    """
    for k, item in enumerate(found):
        span = item.head or item.source
        if speakers[k] is not None or span is None:
            continue
        if text[span[0] : span[1]].casefold() not in _FIRST_PERSON:
            continue
        holders = [
            (end - start, j)
            for j, other in enumerate(found)
            if j != k and speakers[j] is not None
            for start, end in other.content
            if start <= span[0] and span[1] <= end
        ]
        if not holders:
            continue
        j = min(holders)[1]
        speaker = speakers[j]
        speaker.mention(text[span[0] : span[1]])  # type: ignore[union-attr]
        speakers[k] = speaker
        for key in ("source", "source_kind", "source_outlet"):
            rows[k][key] = rows[j][key]


def _looks_like_name(text: str) -> bool:
    """Whether a phrase ends in a capitalised word (a name), as "Lonechild" or "Mr. Hemming"."""
    name = person_name(text)
    return bool(name) and name[:1].isupper() and name.casefold() not in PERSONAL_PRONOUNS


class SourceResolver:
    """The resolver before speakers had canonical names: ``resolve`` gives a triple.

    Kept for code written against it; new code uses :class:`SpeakerResolver`.

    Examples
    --------
    >>> r = SourceResolver(OutletRegistry.default())
    >>> r.resolve("CNN")[:2], r.resolve("Jack Watling")[:2]
    (('CNN', 'outlet'), ('Jack Watling', 'person'))
    >>> r.resolve("it")[:2], r.resolve("he")[:2], r.resolve("the broadcaster")[:2]
    (('CNN', 'outlet'), ('Jack Watling', 'person'), ('CNN', 'outlet'))
    """

    def __init__(self, registry: OutletRegistry) -> None:
        self._resolver = SpeakerResolver(registry)

    def resolve(self, text: str, antecedent: str | None = None) -> tuple[str, str, str | None]:
        """``(resolved text, kind, outlet id)`` for a source phrase."""
        found = self._resolver.resolve(text, antecedent=antecedent)
        return found.source, found.kind, found.outlet
