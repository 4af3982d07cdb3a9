"""The data of layout inference, read once from ``framing/resources``.

Four files hold every rule the plain-text layout inference uses, each with an
``about`` field that documents it, an example per pattern and its source:

* ``date_words.json``: month names in several languages, relative times,
  reading times, publication/update labels, time-zone abbreviations;
* ``datelines.json``: dateline styles of wires, agencies and papers;
* ``furniture.json``: page furniture (navigation, share buttons, captions and
  photo credits, related links, comment forms, subscription appeals...);
* ``bylines.json``: byline forms and the words of desk bylines.

Patterns may use ``{NAME}`` for a part defined in the file (``{MONTH}`` is
every month name). Every pattern is compiled and checked for catastrophic
backtracking (:mod:`framing.regex_safety`) when the file is read; a bad entry
raises one :class:`~framing.errors.LoadError` naming the file, the entry and
the fix.

Examples
--------
>>> words = date_words()
>>> words.month_of["août"], words.month_of["sept"], words.month_of["января"]
(8, 9, 1)
>>> [r.name for r in dateline_rules()][:2]
['credit-in-parentheses', 'slashed-credit']
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import LoadError
from ..regex_safety import unsafe_reason

__all__ = [
    "BylineRules",
    "DateWords",
    "DatelineRule",
    "FurnitureRule",
    "byline_rules",
    "date_words",
    "dateline_rules",
    "dateline_words",
    "furniture_rules",
    "furniture_rules_for",
    "not_site_words",
]

with warnings.catch_warnings():  # sre_parse is deprecated as a public name in 3.11
    warnings.simplefilter("ignore", DeprecationWarning)
    try:
        from re import _parser as _sre_parse  # type: ignore[attr-defined]
    except ImportError:  # Python 3.10
        import sre_parse as _sre_parse  # type: ignore[no-redef]

_PART = re.compile(r"\{([A-Z_]+)\}")
_ACTIONS = frozenset({"drop", "drop-block", "drop-with-previous", "cut-rest"})
_SCOPES = frozenset({"head", "body", "tail", "any"})
_BLOCKS = frozenset({"headlines", "until", "next-headline"})
_BUILTIN_MATCHES = frozenset({"timestamp", "reading_time"})
_REGEX_FIX = "rewrite it with bounded repeats ('{0,30}') instead of nested '+' or '*'"


def _read(name: str) -> dict[str, Any]:
    text = resources.files("framing.resources").joinpath(name).read_text("utf-8")
    return json.loads(text)


def _origin(name: str) -> str:
    return f"framing/resources/{name}"


def _expand(pattern: str, parts: Mapping[str, str], origin: str, where: str) -> str:
    for _ in range(5):  # parts may use parts
        expanded = _PART.sub(lambda m: parts.get(m.group(1), m.group(0)), pattern)
        if expanded == pattern:
            break
        pattern = expanded
    unknown = _PART.search(pattern)
    if unknown:
        raise LoadError(
            origin,
            f"the pattern uses the unknown part {{{unknown.group(1)}}}",
            location=where,
            fix=f"define {unknown.group(1)} under 'parts' or correct the name",
        )
    return pattern


def _compile(pattern: str, origin: str, where: str) -> re.Pattern[str]:
    try:
        compiled = re.compile(pattern)
        reason = unsafe_reason(pattern)
    except (re.error, RecursionError, OverflowError) as exc:
        raise LoadError(
            origin, f"the pattern does not compile ({exc})", location=where, fix="correct it"
        ) from None
    if reason:
        raise LoadError(origin, f"the pattern is unsafe: {reason}", location=where, fix=_REGEX_FIX)
    return compiled


# -- date words ----------------------------------------------------------------------
@dataclass(frozen=True)
class DateWords:
    """Month names, relative and reading times, labels and zones (``date_words.json``)."""

    month_of: Mapping[str, int]
    month_pattern: str  # alternation of every month name, longest first, case as stored
    relative: tuple[re.Pattern[str], ...]
    reading_time: tuple[re.Pattern[str], ...]
    published_labels: tuple[str, ...]
    updated_labels: tuple[str, ...]
    zones: Mapping[str, str]
    page_date_marker: re.Pattern[str]


@lru_cache(maxsize=1)
def date_words() -> DateWords:
    """The date words of ``framing/resources/date_words.json`` (read once)."""
    name = "date_words.json"
    origin = _origin(name)
    data = _read(name)
    month_of: dict[str, int] = {}
    for language, months in data["months"].items():
        if len(months) != 12:
            raise LoadError(
                origin,
                f"language {language!r} lists {len(months)} months, not 12",
                location=f"months.{language}",
                fix="give the twelve months in order, each a list of names",
            )
        for number, names in enumerate(months, start=1):
            for word in names:
                word = word.casefold()
                if month_of.setdefault(word, number) != number:
                    raise LoadError(
                        origin,
                        f"the month name {word!r} means month {month_of[word]} in one language "
                        f"and {number} in {language!r}",
                        location=f"months.{language}",
                        fix="drop the ambiguous abbreviation from one of the languages",
                    )
    ordered = sorted(month_of, key=len, reverse=True)
    month_pattern = "|".join(re.escape(w).replace(r"\ ", " ") for w in ordered)

    def patterns(key: str) -> tuple[re.Pattern[str], ...]:
        return tuple(_compile(p, origin, f"{key}[{i}]") for i, p in enumerate(data.get(key) or []))

    return DateWords(
        month_of=month_of,
        month_pattern=month_pattern,
        relative=patterns("relative"),
        reading_time=patterns("reading_time"),
        published_labels=tuple(sorted(data["published_labels"], key=len, reverse=True)),
        updated_labels=tuple(sorted(data["updated_labels"], key=len, reverse=True)),
        zones=dict(data["zones"]),
        page_date_marker=_compile(data["page_date_marker"], origin, "page_date_marker"),
    )


def _parts(data: Mapping[str, Any]) -> dict[str, str]:
    parts = {"MONTH": date_words().month_pattern}
    parts.update(data.get("parts") or {})
    return parts


# -- datelines -----------------------------------------------------------------------
@dataclass(frozen=True)
class DatelineRule:
    """One dateline style of ``datelines.json``."""

    name: str
    strength: str  # "credit" or "place"
    pattern: re.Pattern[str]
    example: str
    source: str


@lru_cache(maxsize=1)
def _dateline_data() -> tuple[tuple[DatelineRule, ...], frozenset[str], frozenset[str]]:
    name = "datelines.json"
    origin = _origin(name)
    data = _read(name)
    parts = _parts(data)
    rules = []
    for number, spec in enumerate(data["patterns"], start=1):
        where = f"pattern {number} ({spec.get('name', '?')})"
        if spec.get("strength") not in ("credit", "place"):
            raise LoadError(origin, "strength must be 'credit' or 'place'", location=where)
        pattern = _compile(_expand(spec["pattern"], parts, origin, where), origin, where)
        rules.append(
            DatelineRule(spec["name"], spec["strength"], pattern, spec["example"], spec["source"])
        )
    not_places = frozenset(w.casefold() for w in data.get("not_places") or ())
    not_outlets = frozenset(w.casefold() for w in data.get("not_outlets") or ())
    return tuple(rules), not_places, not_outlets


def dateline_rules() -> tuple[DatelineRule, ...]:
    """The dateline styles of ``framing/resources/datelines.json``, in file order."""
    return _dateline_data()[0]


def dateline_words() -> tuple[frozenset[str], frozenset[str]]:
    """``(not_places, not_outlets)`` of ``datelines.json``, case-folded."""
    _, not_places, not_outlets = _dateline_data()
    return not_places, not_outlets


# -- furniture -----------------------------------------------------------------------
@dataclass(frozen=True)
class FurnitureRule:
    """One page-furniture rule of ``furniture.json`` (see its ``about``)."""

    name: str
    kind: str
    scopes: frozenset[str]
    action: str
    pattern: re.Pattern[str] | None
    match: str | None
    block: str | None
    until: re.Pattern[str] | None
    max_lines: int
    site_mentions: bool
    site_known_only: bool
    example: str
    source: str
    max_chars: int = 1_000_000  # the longest line the pattern can match (a quick skip)
    needs: tuple[str, ...] = ()  # one of these must be in the lower-cased line (a quick skip)

    def applies(self, where: str) -> bool:
        """True if the rule applies in ``where`` (``"head"``, ``"body"`` or ``"tail"``)."""
        return (
            "any" in self.scopes
            or where in self.scopes
            or (where == "tail" and "body" in self.scopes)
        )


def _scopes(value: Any, origin: str, where: str) -> frozenset[str]:
    scopes = frozenset([value] if isinstance(value, str) else value or ())
    if not scopes or not scopes <= _SCOPES:
        raise LoadError(
            origin,
            f"scope {value!r} is not allowed",
            location=where,
            fix=f"use one or a list of {sorted(_SCOPES)}",
        )
    return scopes


def _furniture_rule(
    spec: Mapping[str, Any], parts: Mapping[str, str], origin: str, where: str
) -> FurnitureRule:
    action = spec.get("action")
    if action not in _ACTIONS:
        raise LoadError(
            origin,
            f"action {action!r} is not allowed",
            location=where,
            fix=f"use {sorted(_ACTIONS)}",
        )
    block = spec.get("block")
    if action == "drop-block" and block not in _BLOCKS:
        raise LoadError(
            origin, f"block {block!r} is not allowed", location=where, fix=f"use {sorted(_BLOCKS)}"
        )
    builtin = spec.get("match")
    if (builtin is None) == (spec.get("pattern") is None) or (
        builtin is not None and builtin not in _BUILTIN_MATCHES
    ):
        raise LoadError(
            origin,
            f"a rule needs either 'pattern' or 'match' (one of {sorted(_BUILTIN_MATCHES)})",
            location=where,
        )
    pattern = (
        _compile(_expand(spec["pattern"], parts, origin, where), origin, where)
        if builtin is None
        else None
    )
    max_chars = 1_000_000
    if pattern is not None:
        max_chars = min(max_chars, _sre_parse.parse(pattern.pattern).getwidth()[1])
    until = spec.get("until")
    if block == "until" and not until:
        raise LoadError(origin, "a block 'until' needs an 'until' pattern", location=where)
    return FurnitureRule(
        name=spec["name"],
        kind=spec["kind"],
        scopes=_scopes(spec.get("scope"), origin, where),
        action=action,
        pattern=pattern,
        match=builtin,
        block=block,
        until=_compile(_expand(until, parts, origin, where), origin, where) if until else None,
        max_lines=int(spec.get("max_lines") or 0),
        site_mentions=bool(spec.get("site_mentions")),
        site_known_only=bool(spec.get("site_known_only")),
        example=spec["example"],
        source=spec["source"],
        max_chars=max_chars,
        needs=tuple(w.casefold() for w in spec.get("needs") or ()),
    )


@lru_cache(maxsize=4)
def furniture_rules_for(where: str) -> tuple[FurnitureRule, ...]:
    """The furniture rules that apply in ``where`` (``"head"``, ``"body"``, ``"tail"``)."""
    return tuple(rule for rule in furniture_rules() if rule.applies(where))


@lru_cache(maxsize=1)
def not_site_words() -> frozenset[str]:
    """Words that mark a syndicate or a company in a 'site' group (``furniture.json``)."""
    return frozenset(w.casefold() for w in _read("furniture.json").get("not_site_words") or ())


@lru_cache(maxsize=1)
def furniture_rules() -> tuple[FurnitureRule, ...]:
    """The furniture rules of ``framing/resources/furniture.json``, in file order."""
    name = "furniture.json"
    origin = _origin(name)
    data = _read(name)
    parts = _parts(data)
    return tuple(
        _furniture_rule(spec, parts, origin, f"rule {number} ({spec.get('name', '?')})")
        for number, spec in enumerate(data["rules"], start=1)
    )


# -- bylines -------------------------------------------------------------------------
@dataclass(frozen=True)
class BylineRules:
    """Byline forms and desk words of ``bylines.json``."""

    prefix: re.Pattern[str]  # an opening word and what follows (group 'rest')
    name: str  # regex of one person's name
    separators: re.Pattern[str]
    outlet_separators: re.Pattern[str]
    desk_words: frozenset[str]
    generic_desk_names: frozenset[str]
    forms: tuple[Mapping[str, str], ...]


@lru_cache(maxsize=1)
def byline_rules() -> BylineRules:
    """The byline forms of ``framing/resources/bylines.json`` (read once)."""
    name = "bylines.json"
    origin = _origin(name)
    data = _read(name)
    prefixes = "|".join(re.escape(p) for p in sorted(data["prefixes"], key=len, reverse=True))
    particles = "|".join(re.escape(p) for p in data["particles"])
    person = _expand(data["name"], {"PARTICLE": f"(?:{particles})"}, origin, "name")
    _compile(person, origin, "name")
    return BylineRules(
        prefix=_compile(
            rf"^(?i:{prefixes})(?::[ ]?|[ ])(?P<rest>\S.{{0,200}})$", origin, "prefixes"
        ),
        name=person,
        separators=_compile(data["separators"], origin, "separators"),
        outlet_separators=_compile(data["outlet_separators"], origin, "outlet_separators"),
        desk_words=frozenset(w.casefold() for w in data["desk_words"]),
        generic_desk_names=frozenset(w.casefold() for w in data["generic_desk_names"]),
        forms=tuple(data["forms"]),
    )


def all_rules() -> Sequence[object]:
    """Read and check every rule file (for tests and ``framing`` start-up checks)."""
    return (date_words(), dateline_rules(), furniture_rules(), byline_rules())
