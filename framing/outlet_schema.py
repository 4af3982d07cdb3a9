"""The schema of outlet registry files, checked once when a registry is loaded.

Every entry of ``{"outlets": [...]}`` is checked for the types of its keys,
a known IANA time zone, and layout regular expressions that compile and
cannot backtrack catastrophically (:mod:`framing.regex_safety`). A problem
raises one :class:`~framing.errors.LoadError` naming the file, the outlet
(its position and id) and the key, with the fix; a registry that loads is
safe to use on any article.

========================  ===============================================
key                       type
========================  ===============================================
id, name                  non-empty string (required)
kind, country, language,  string or null
note
ownership                 one of state, public, private, cooperative
timezone                  IANA zone name (``"Asia/Tehran"``) or null
aliases, epithets,        list of strings (``["the paper"]``, not
domains, dateline_credits ``"the paper"``)
layout                    object with ``detect``, ``header``, ``footer``,
                          ``drop`` (lists of regexes), ``dateline``
                          (a regex), ``published_formats`` (list of
                          strptime formats)
========================  ===============================================

Other keys are kept as they are (in ``Outlet.spec``) for the user's own use.

Examples
--------
>>> validate_entry({"id": "x", "name": "X", "timezone": "Mars/Olympus"}, "r.json", 1)
Traceback (most recent call last):
...
framing.errors.LoadError: r.json, outlet 1 (x), key 'timezone': unknown time zone 'Mars/Olympus'. \
Fix: use an IANA zone name such as 'Europe/London' or 'Asia/Tehran'.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import pandas as pd

from .errors import LoadError
from .regex_safety import unsafe_reason

__all__ = ["OWNERSHIP", "validate_entry", "validate_layout"]

OWNERSHIP = frozenset({"state", "public", "private", "cooperative"})
_STRING_KEYS = ("kind", "country", "language", "note")
_LIST_KEYS = ("aliases", "epithets", "domains", "dateline_credits")
_LAYOUT_LISTS = ("detect", "header", "footer", "drop")
_LAYOUT_KEYS = frozenset({*_LAYOUT_LISTS, "dateline", "published_formats"})
_REGEX_FIX = (
    "rewrite it so that no repeated group holds another unbounded repeat "
    "(e.g. '(\\w+\\s?)+' -> '[\\w\\s]+'), or make the inner repeat possessive ('\\w++') "
    "or atomic ('(?>...)') on Python 3.11+"
)


def _type_name(value: Any) -> str:
    return "null" if value is None else type(value).__name__


@lru_cache(maxsize=256)
def _known_zone(name: str) -> bool:
    try:
        pd.Timestamp("2020-01-01").tz_localize(name)
    except Exception:  # pandas raises several types for unknown zones
        return False
    return True


class _Checker:
    def __init__(self, origin: str, number: int, entry: Mapping[str, Any]) -> None:
        self.origin = origin
        ident = entry.get("id")
        shown = " ".join(ident.split())[:40] if isinstance(ident, str) else ""
        self.where = f"outlet {number}" + (f" ({shown})" if shown else "")

    def fail(self, key: str | None, problem: str, fix: str) -> LoadError:
        location = self.where if key is None else f"{self.where}, key {key!r}"
        return LoadError(self.origin, problem, location=location, fix=fix)

    def string(self, spec: Mapping[str, Any], key: str, *, required: bool = False) -> None:
        value = spec.get(key)
        if value is None and not required:
            return
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(
                key,
                f"{key}={value!r} is a {_type_name(value)}, not a non-empty string"
                if value is not None
                else f"the required key {key!r} is missing",
                f'give {key} as a string, e.g. "{key}": "..."',
            )

    def strings(self, spec: Mapping[str, Any], key: str) -> None:
        value = spec.get(key)
        if value is None:
            return
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            shown = value if isinstance(value, str) else "..."
            raise self.fail(
                key,
                f"{key} must be a list of strings, not a {_type_name(value)}"
                if not isinstance(value, list)
                else f"{key} holds a value that is not a string",
                f'write it as a list, e.g. "{key}": [{shown!r}]'.replace("'", '"'),
            )

    def regex(self, key: str, pattern: str) -> None:
        try:
            reason = unsafe_reason(pattern)
        except (re.error, RecursionError, OverflowError) as exc:
            raise self.fail(
                key, f"the regex {pattern!r} does not compile ({exc})", "correct the pattern"
            ) from None
        if reason:
            raise self.fail(key, f"the regex {pattern!r} is unsafe: {reason}", _REGEX_FIX)


def validate_layout(layout: Any, check: _Checker) -> None:
    """Check an outlet's ``layout`` object (see the module docstring)."""
    if not isinstance(layout, Mapping):
        raise check.fail(
            "layout", f"layout is a {_type_name(layout)}, not an object", "give layout as {...}"
        )
    unknown = sorted(set(layout) - _LAYOUT_KEYS)
    if unknown:
        raise check.fail(
            "layout",
            f"unknown layout key(s) {unknown}",
            f"use only {sorted(_LAYOUT_KEYS)}",
        )
    for key in (*_LAYOUT_LISTS, "published_formats"):
        check.strings(layout, key)
    for key in _LAYOUT_LISTS:
        for pattern in layout.get(key) or ():
            check.regex(f"layout.{key}", pattern)
    dateline = layout.get("dateline")
    if dateline is not None:
        check.string(layout, "dateline")
        check.regex("layout.dateline", dateline)


def validate_entry(entry: Any, origin: str, number: int) -> None:
    """Raise a :class:`LoadError` if ``entry`` (outlet ``number`` of ``origin``) is invalid."""
    if not isinstance(entry, Mapping):
        raise LoadError(
            origin,
            f"expected an object, got {_type_name(entry)}",
            location=f"outlet {number}",
            fix='each outlet is an object such as {"id": "cnn", "name": "CNN"}',
        )
    check = _Checker(origin, number, entry)
    check.string(entry, "id", required=True)
    check.string(entry, "name", required=True)
    for key in _STRING_KEYS:
        check.string(entry, key)
    for key in _LIST_KEYS:
        check.strings(entry, key)
    ownership = entry.get("ownership")
    if ownership is not None and (not isinstance(ownership, str) or ownership not in OWNERSHIP):
        raise check.fail(
            None,
            f"ownership={ownership!r} is not allowed",
            f"use one of {sorted(OWNERSHIP)}, or null",
        )
    zone = entry.get("timezone")
    if zone is not None:
        check.string(entry, "timezone")
        if not _known_zone(zone):
            raise check.fail(
                "timezone",
                f"unknown time zone {zone!r}",
                "use an IANA zone name such as 'Europe/London' or 'Asia/Tehran'",
            )
    if entry.get("layout") is not None:
        validate_layout(entry["layout"], check)
