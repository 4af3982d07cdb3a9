"""Refuse user-supplied regular expressions that can backtrack catastrophically.

Python's :mod:`re` has no time limit: a pattern such as ``^(a+)+$`` takes
seconds on a line of 25 ``a`` and doubles with every further character. Such
patterns are recognisable from their structure, so patterns that come from
data files (outlet layouts) are checked once, when the file is loaded, and
rejected with a message that says how to rewrite them.

Two shapes are refused:

* a **nested quantifier**: a repeated group (``+``, ``*``, ``{n,}`` or
  ``{n,m}`` with ``m`` > 1) holding another unbounded repeat, as in
  ``(a+)+``, ``(\\w+\\s?)*``, ``(?:x*y?){2,9}``;
* an **overlapping alternation** under an unbounded repeat, whose branches
  can begin with the same character, as in ``(a|ab)+`` or ``(\\w|\\d)*``.

Atomic groups and possessive quantifiers (Python 3.11+) never backtrack and
are accepted, which gives a way to keep a pattern's meaning:
``(?>a+)+`` or ``(?:a++)+``.

Examples
--------
>>> unsafe_reason(r"^(a+)+$")
'nested quantifier: a repeated group holds an unbounded repeat'
>>> unsafe_reason(r"^News ID:\\s*(?P<id>\\d+)$") is None
True
>>> unsafe_reason(r"(?:yes|no)+") is None
True
"""

from __future__ import annotations

import re
import string
import warnings
from typing import Any

__all__ = ["compile_safe", "unsafe_reason"]

with warnings.catch_warnings():  # sre_parse is deprecated as a public name in 3.11
    warnings.simplefilter("ignore", DeprecationWarning)
    try:
        from re import _constants as _c  # type: ignore[attr-defined]
        from re import _parser as _sre_parse  # type: ignore[attr-defined]
    except ImportError:  # Python 3.10
        import sre_constants as _c  # type: ignore[no-redef]
        import sre_parse as _sre_parse  # type: ignore[no-redef]

_MAXREPEAT = _c.MAXREPEAT
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT}
_ATOMIC = {getattr(_c, name) for name in ("ATOMIC_GROUP", "POSSESSIVE_REPEAT") if hasattr(_c, name)}
# Characters used to decide whether two alternatives can begin alike.
_SAMPLE = string.printable + "éßЖжاب中1٣\u00a0"

NESTED = "nested quantifier: a repeated group holds an unbounded repeat"
OVERLAP = (
    "overlapping alternation under a repeat: two alternatives can begin with the same character"
)


def _is_unbounded(item: tuple[Any, Any]) -> bool:
    op, av = item
    return op in _REPEATS and av[1] == _MAXREPEAT


def _children(item: tuple[Any, Any]) -> list[Any]:
    """Sub-sequences of one parse-tree item."""
    op, av = item
    if op in _REPEATS:
        return [av[2]]
    if op == _c.SUBPATTERN:
        return [av[-1]]
    if op == _c.BRANCH:
        return list(av[1])
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return [av[1]]
    if op == _c.GROUPREF_EXISTS:
        return [x for x in av[1:] if x is not None]
    return []


def _contains_unbounded(seq: Any) -> bool:
    for item in seq:
        if item[0] in _ATOMIC:
            continue
        if _is_unbounded(item):
            return True
        if any(_contains_unbounded(child) for child in _children(item)):
            return True
    return False


def _first_chars(seq: Any) -> set[str] | None:
    """Sample characters an item sequence can begin with (``None``: unknown, or empty match)."""
    for op, av in seq:
        if op == _c.AT:
            continue
        if op == _c.LITERAL:
            return {chr(av)}
        if op == _c.NOT_LITERAL:
            return {ch for ch in _SAMPLE if ord(ch) != av}
        if op == _c.ANY:
            return set(_SAMPLE)
        if op == _c.IN:
            pattern = _sre_parse.SubPattern(_sre_parse.State(), [(op, av)])
            try:
                compiled = re.compile(_unparse_in(pattern))
            except (re.error, ValueError):
                return None
            return {ch for ch in _SAMPLE if compiled.fullmatch(ch)}
        if op == _c.SUBPATTERN:
            return _first_chars(av[-1])
        if op in _REPEATS and av[0] > 0:
            return _first_chars(av[2])
        return None
    return None


_CATEGORIES = {
    _c.CATEGORY_DIGIT: r"\d",
    _c.CATEGORY_NOT_DIGIT: r"\D",
    _c.CATEGORY_SPACE: r"\s",
    _c.CATEGORY_NOT_SPACE: r"\S",
    _c.CATEGORY_WORD: r"\w",
    _c.CATEGORY_NOT_WORD: r"\W",
}


def _unparse_in(pattern: Any) -> str:
    """Source text of a one-item character-class parse tree."""
    (_, items) = pattern[0]
    parts, negate = [], ""
    for op, av in items:
        if op == _c.NEGATE:
            negate = "^"
        elif op == _c.LITERAL:
            parts.append(re.escape(chr(av)))
        elif op == _c.RANGE:
            parts.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op == _c.CATEGORY and av in _CATEGORIES:
            parts.append(_CATEGORIES[av])
        else:
            raise ValueError(op)
    return f"[{negate}{''.join(parts)}]"


def _single_class(seq: Any) -> set[str] | None:
    """Sample characters of a one-character item (a literal or a class), else ``None``."""
    if len(seq) == 1 and seq[0][0] in (_c.LITERAL, _c.NOT_LITERAL, _c.ANY, _c.IN):
        return _first_chars(seq)
    return None


def _separated(body: Any) -> bool:
    """True if each unbounded repeat of ``body`` is closed by a required, disjoint item.

    ``(?:\\w+\\s)+`` is safe: every iteration ends with a space, which ``\\w``
    cannot match, so there is one way only to split the input into iterations.
    """
    items = list(body)
    found = False
    for index, item in enumerate(items):
        if item[0] in _ATOMIC:
            continue
        if _is_unbounded(item):
            found = True
            chars = _single_class(item[1][2])
            if not chars:
                return False
            closing = [
                _single_class([later])
                for later in items[index + 1 :]
                if later[0] in (_c.LITERAL, _c.NOT_LITERAL, _c.IN, _c.ANY)
            ]
            if not any(c and not (c & chars) for c in closing):
                return False
        elif any(_contains_unbounded(child) for child in _children(item)):
            return False
    return found


def _check(seq: Any) -> str | None:
    for item in seq:
        op, av = item
        if op in _ATOMIC:
            continue
        if op in _REPEATS and av[1] > 1:
            body = av[2]
            if len(body) == 1 and body[0][0] == _c.SUBPATTERN:
                body = body[0][1][-1]
            if _contains_unbounded(body) and not _separated(body):
                return NESTED
            if av[1] == _MAXREPEAT and _overlapping_branch(body):
                return OVERLAP
        for child in _children(item):
            found = _check(child)
            if found:
                return found
    return None


def _overlapping_branch(seq: Any) -> bool:
    for op, av in seq:
        if op == _c.SUBPATTERN:
            return _overlapping_branch(av[-1])
        if op == _c.BRANCH:
            firsts = [_first_chars(branch) for branch in av[1]]
            known = [f for f in firsts if f]
            for i, one in enumerate(known):
                if any(one & other for other in known[i + 1 :]):
                    return True
        return False
    return False


def unsafe_reason(pattern: str) -> str | None:
    """Why ``pattern`` can backtrack catastrophically, or ``None`` if it cannot.

    Raises :class:`re.error` if the pattern does not compile.
    """
    parsed = _sre_parse.parse(pattern)
    return _check(parsed)


def compile_safe(pattern: str) -> re.Pattern[str]:
    """Compile ``pattern``, raising :class:`ValueError` if it is unsafe.

    Examples
    --------
    >>> compile_safe(r"^\\d+$").pattern
    '^\\\\d+$'
    >>> compile_safe(r"(x+)*")
    Traceback (most recent call last):
    ...
    ValueError: nested quantifier: a repeated group holds an unbounded repeat
    """
    compiled = re.compile(pattern)
    reason = unsafe_reason(pattern)
    if reason:
        raise ValueError(reason)
    return compiled
