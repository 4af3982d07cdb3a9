"""Who is cited: noun phrases around cues, their kind, and what pronouns refer to.

Sources are found without a parser: a noun phrase is read outwards from the
cue over names, nouns and determiners, stopping at punctuation and function
words. Its kind (outlet, person, organisation, document, anonymous) comes
from the outlet registry, closed lists of head nouns and capitalisation.
Pronouns and epithets ("it", "he", "the broadcaster") resolve to the last
compatible named source of the article; relative pronouns ("who") to the
phrase they follow.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..outlets import OutletRegistry
from .tokens import (
    CLAUSE_WORDS,
    DETERMINERS,
    OBJECT_PRONOUNS,
    PERSONAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    Token,
    is_adverb,
    is_capitalised,
)

__all__ = ["SourceResolver", "np_end_after", "np_start_before", "source_kind"]

# Lower-case words that may stand before a name in a source phrase
# ("the interim prime minister", "land war specialist Jack Watling").
TITLE_WORDS = frozenset(
    "president vice prime minister secretary spokesman spokeswoman spokesperson professor "
    "leader chief ambassador senator congressman congresswoman director analyst expert "
    "official general commander deputy foreign interior defense defence state former interim "
    "acting supreme governor mayor judge justice chairman chairwoman chair head founder "
    "editor correspondent reporter anchor host specialist researcher fellow economist "
    "strategist adviser advisor lawyer attorney candidate nominee speaker lawmaker "
    "representative envoy diplomat pastor rev. cleric ayatollah sheikh king queen prince "
    "crown emir sultan chancellor premier war land security national senior top retired "
    "military political campaign party counsel delegate presumptive hopeful hopefuls "
    "front-runner frontrunner".split()
)
# Endings of agent nouns that may stand before a name ("pollster Chris Anderson").
_AGENT_ENDINGS = ("er", "or", "ist", "ant", "ent", "man", "woman", "ian", "eon", "ate", "ee")
# Words after an agent noun that keep a source phrase going ("a spokesman for X").
_AGENT_LINKS = frozenset({"for", "of", "at", "with", "to", "from"})
_FORWARD_LINKS = frozenset({"of", "for", "at", "by", "and", "in", "from"})
_CONTINUATIONS = {
    ("familiar", "with"),
    ("close", "to"),
    ("privy", "to"),
    ("briefed", "on"),
    ("knowledgeable", "about"),
    ("involved", "in"),
}
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "sixty seventy eighty ninety hundred".split()
)
_TIME_WORDS = frozenset(
    "year years week weeks month months day days today yesterday tomorrow morning afternoon "
    "evening night ago earlier later last next this monday tuesday wednesday thursday friday "
    "saturday sunday january february march april may june july august september october "
    "november december jan feb mar apr jun jul aug sep sept oct nov dec instead meanwhile "
    "however also".split()
)
ANONYMOUS_HEADS = frozenset(
    "official officials source sources analyst analysts expert experts critic critics "
    "observer observers diplomat diplomats spokesman spokeswoman spokesperson people person "
    "residents resident witness witnesses aide aides insider insiders someone authorities "
    "authority activists activist protesters scientists researchers economists investigators "
    "prosecutors lawmakers legislators voters supporters opponents members member leaders "
    "commentators pundits".split()
)
DOCUMENT_HEADS = frozenset(
    "report reports study studies statement statements survey surveys poll polls analysis "
    "document documents letter letters memo memos ad ads advertisement website site article "
    "book filing complaint lawsuit data figures census research review audit release "
    "communique communiqué transcript tweet tweets post video editorial op-ed paper papers "
    "estimate estimates assessment cable record records email emails message".split()
)
ORGANISATION_WORDS = frozenset(
    "institute ministry department university council committee party agency office "
    "foundation group organization organisation association union commission court congress "
    "parliament senate house army navy forces guard corps bank fund watch center centre "
    "school college company inc corp ltd administration government cabinet kremlin pentagon "
    "police military campaign embassy consulate federation league alliance movement network "
    "service services board authority bureau institution coalition front charity".split()
)
_PERSON_TITLES = frozenset(
    "mr. mrs. ms. dr. gen. sen. rep. gov. lt. col. sgt. capt. prof. rev. sec. adm. maj. "
    "president professor secretary minister senator judge".split()
)


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    text = resources.files("framing.resources").joinpath("places.txt").read_text("utf-8")
    return frozenset(
        x.strip().casefold() for x in text.splitlines() if x.strip() and not x.startswith("#")
    )


# Parts of the day are capitalised only in names ("The Corran Evening Post", "Morning Star").
_NAME_TIME_WORDS = frozenset("morning afternoon evening night".split())


def _np_word(token: Token) -> bool:
    if not token.text[:1].isalnum():
        return False
    if token.lower in _TIME_WORDS and not (
        token.lower in _NAME_TIME_WORDS and is_capitalised(token)
    ):
        return False
    if token.lower in CLAUSE_WORDS or token.lower in PERSONAL_PRONOUNS:
        return False
    return not (not is_capitalised(token) and is_adverb(token))


_QUANTIFIERS = frozenset(
    "half percent most many some all none each majority minority third thirds quarter number "
    "share dozens hundreds thousands millions several both any few".split()
)
_NUMBER_LEADS = frozenset("at least more less than nearly about almost some over under".split())


def _is_number(token: Token) -> bool:
    return token.text[:1].isdigit() or all(part in _NUMBER_WORDS for part in token.lower.split("-"))


def _is_agent(token: Token) -> bool:
    """Nouns for people by role ("spokesman", "pollster", "delegate")."""
    word = token.lower
    return (
        word in TITLE_WORDS
        or word in ANONYMOUS_HEADS
        or (word.isalpha() and word.endswith(_AGENT_ENDINGS))
    )


def _extend_quantifier(tokens: Sequence[Token], i: int, floor: int) -> int:
    """Extend a phrase start leftwards over "half of", "16 percent of", "Six in 10"."""
    while (
        i - 2 >= floor
        and tokens[i - 1].lower == "of"
        and (tokens[i - 2].lower in _QUANTIFIERS or tokens[i - 2].text[:1].isdigit())
    ):
        i -= 2
        while i - 1 >= floor and (
            _is_number(tokens[i - 1]) or tokens[i - 1].lower in ("in", "out")
        ):
            i -= 1
    if (
        i - 2 >= floor
        and tokens[i - 1].lower == "in"
        and _is_number(tokens[i])
        and _is_number(tokens[i - 2])
    ):
        i -= 2  # four in 10 voters
    while (
        i - 1 >= floor
        and tokens[i - 1].lower in _NUMBER_LEADS
        and (
            _is_number(tokens[i])
            or tokens[i].lower in _QUANTIFIERS
            or tokens[i].lower in _NUMBER_LEADS
        )
    ):
        i -= 1
    return i


def _links_leftwards(tokens: Sequence[Token], start: int, floor: int) -> bool:
    """Whether the phrase starting at ``start`` continues leftwards over a link word.

    "people familiar with [her plans]", "Residents of [three villages]",
    "Rui Matos of [the University]", "A report by [the Crisis Group]".
    """
    if start - 2 < floor:
        return False
    link, left = tokens[start - 1], tokens[start - 2]
    if (left.lower, link.lower) in _CONTINUATIONS:
        return True
    if link.lower not in _AGENT_LINKS and link.lower != "by":
        return False
    return (
        _is_agent(left)
        or left.lower in DOCUMENT_HEADS
        or left.lower in ORGANISATION_WORDS
        or (
            is_capitalised(left)
            and link.lower in ("of", "for", "at", "from")
            and left.lower not in DETERMINERS
        )
    )


def np_start_before(
    tokens: Sequence[Token], last: int, floor: int = 0, cue_words: frozenset[str] = frozenset()
) -> int | None:
    """Index of the first token of the noun phrase ending at ``tokens[last]``.

    Reads leftwards over names, nouns, numbers, possessives ("Sanders’
    campaign"), party tags ("Paul Ryan (R-Wis.)"), "of" between names
    ("Secretary of State") and quantifiers ("half of GOP voters"); stops at a
    determiner (included), punctuation or a function word. Returns ``None``
    if ``tokens[last]`` cannot end a noun phrase.
    """
    if tokens[last].text == ")":
        opening = next(
            (k for k in range(last - 1, max(floor, last - 8) - 1, -1) if tokens[k].text == "("),
            None,
        )
        if opening is None or opening - 1 < floor:
            return None
        start = np_start_before(tokens, opening - 1, floor, cue_words)
        return start
    head = tokens[last]
    if (
        head.lower in PERSONAL_PRONOUNS
        or head.lower in RELATIVE_PRONOUNS
        or head.lower in OBJECT_PRONOUNS
    ):
        return last
    if not _np_word(head):
        return None
    i = last
    while i - 1 >= floor and last - i < 14:
        prev = tokens[i - 1]
        if i - 2 >= floor and (tokens[i - 2].lower, prev.lower) in _CONTINUATIONS:
            i -= 2  # people familiar with the matter
            continue
        if (
            prev.lower in _AGENT_LINKS
            and i - 2 >= floor
            and _is_agent(tokens[i - 2])
            and (is_capitalised(tokens[i]) or tokens[i].lower in DETERMINERS)
        ):
            i -= 2  # a spokesman for Hillary Clinton
            continue
        if prev.lower in DETERMINERS and prev.lower != "that":
            start = i - 1
            if _links_leftwards(tokens, start, floor):
                i = start - 2  # "Residents of three villages", "Matos of the University"
                continue
            return _extend_quantifier(tokens, start, floor)
        if (
            prev.lower == "of"
            and i - 2 >= floor
            and is_capitalised(tokens[i - 2])
            and is_capitalised(tokens[i])
        ):
            i -= 2  # Secretary of State
            continue
        if (
            prev.lower in ("and", "&")
            and i - 2 >= floor
            and is_capitalised(tokens[i - 2])
            and (is_capitalised(tokens[i]) or tokens[i].lower in TITLE_WORDS)
        ):
            i -= 2  # Trump and Pence
            continue
        if (
            prev.text in ("’", "'")
            and i - 2 >= floor
            and tokens[i - 2].end == prev.start
            and tokens[i - 2].lower.endswith("s")
        ):
            i -= 2  # Sanders’ campaign
            continue
        if not _np_word(prev) or (prev.lower in cue_words and not is_capitalised(prev)):
            break
        if (
            not is_capitalised(prev)
            and is_capitalised(tokens[i])
            and not _is_agent(prev)
            and prev.lower not in ORGANISATION_WORDS
        ):
            break  # "convention Sen. Warren": only a role noun may precede a name
        i -= 1
    return _extend_quantifier(tokens, i, floor)


def np_end_after(tokens: Sequence[Token], first: int, ceiling: int) -> int | None:
    """Index of the last token of the noun phrase starting at ``tokens[first]``."""
    if first >= ceiling:
        return None
    j = first
    if tokens[j].lower in DETERMINERS or tokens[j].lower in PERSONAL_PRONOUNS:
        if tokens[j].lower in PERSONAL_PRONOUNS:
            return j
        j += 1
    if j >= ceiling or not _np_word(tokens[j]):
        return None
    while j + 1 < ceiling:
        nxt = tokens[j + 1]
        lowercase_ok = nxt.lower in ("of", "for") and (
            tokens[j].lower in ORGANISATION_WORDS
            or _is_agent(tokens[j])
            or tokens[j].lower in DOCUMENT_HEADS
        )
        if (
            nxt.lower in _FORWARD_LINKS
            and j + 2 < ceiling
            and (
                is_capitalised(tokens[j + 2])
                or tokens[j + 2].lower in DETERMINERS
                or (lowercase_ok and _np_word(tokens[j + 2]))
            )
        ):
            j += 2 if tokens[j + 2].lower not in DETERMINERS else 3
            if j >= ceiling:
                return ceiling - 1
            continue
        if (
            nxt.lower in ("familiar", "close")
            and j + 2 < ceiling
            and tokens[j + 2].lower in ("with", "to")
        ):
            j += 2  # people familiar with the matter
            continue
        if not _np_word(nxt):
            break
        j += 1
    return j


# Name words of news outlets not in the registry ("The Harbour Gazette", "Radio Avalon").
NEWS_NAME_WORDS = frozenset(
    "gazette courier times post daily news herald tribune journal telegraph star chronicle "
    "observer radio tv television broadcasting broadcaster network press wire weekly monitor "
    "magazine dispatch sentinel mirror express register bulletin".split()
)


def source_kind(
    text: str, registry: OutletRegistry, known_people: frozenset[str] | set[str] = frozenset()
) -> str:
    """Kind of a source phrase: outlet, person, organisation, document, anonymous or unknown.

    The head of the phrase decides: the words before "of", "for", "at",
    "from" or "by" ("A report by the Crisis Group" is a document, "The
    mayor of Denholm" a person). A phrase ending in a capitalised name with a
    role or title before it ("Government spokesman Petr Novak") is a person.

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
    if (
        registry.resolve(stripped)
        or _epithet_outlets(stripped, registry)
        or _is_generic_epithet(stripped)
    ):
        return "outlet"
    words = stripped.replace(",", " ").split()
    if not words:
        return "unknown"
    lowered = [w.casefold() for w in words]
    if lowered[0] in PERSONAL_PRONOUNS or lowered[0] in RELATIVE_PRONOUNS:
        return "pronoun"
    if stripped.casefold().removeprefix("the ") in _places():
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
        w in TITLE_WORDS or w in _PERSON_TITLES or w in ANONYMOUS_HEADS for w in head_lowered[:-1]
    )
    if named and (role or any(w in _PERSON_TITLES for w in head_lowered)):
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


# Generic references to an outlet named before, whatever the registry says.
GENERIC_OUTLET_EPITHETS = frozenset(
    {
        "the paper",
        "the newspaper",
        "the daily",
        "the weekly",
        "the broadcaster",
        "the station",
        "the radio station",
        "the radio",
        "the network",
        "the channel",
        "the agency",
        "the news agency",
        "the wire service",
        "the website",
        "the site",
        "the outlet",
        "the magazine",
        "the tabloid",
        "the publication",
        "the news site",
        "the programme",
        "the program",
    }
)


def _epithet_outlets(text: str, registry: OutletRegistry) -> list[str]:
    phrase = " ".join(text.casefold().split())
    return [o.id for o in registry.values() if phrase in (e.casefold() for e in o.epithets)]


def _is_generic_epithet(text: str) -> bool:
    return " ".join(text.casefold().split()) in GENERIC_OUTLET_EPITHETS


_GENERIC_ORGANISATIONS = frozenset(
    "group organisation organization charity union company ministry government party council "
    "committee agency office campaign movement court commission".split()
)


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
            candidates = _epithet_outlets(text, self.registry)
            if candidates or _is_generic_epithet(text):
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
