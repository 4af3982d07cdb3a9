"""Errors raised by framing, and the one place their messages are built.

Every message names *what* was wrong (the file and, where known, the line or
record; or the parameter and the value given), *why*, and *what to do*.

Examples
--------
>>> err = LoadError("corpus.jsonl", "invalid JSON", location="line 3",
...                 fix="repair or remove that line")
>>> str(err)
'corpus.jsonl, line 3: invalid JSON. Fix: repair or remove that line.'
"""

from __future__ import annotations

from collections.abc import Iterable
from os import PathLike

__all__ = ["FramingError", "LoadError", "MissingDependencyError", "invalid_parameter"]


class FramingError(Exception):
    """Base class of every error framing raises on purpose."""


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


class LoadError(FramingError, ValueError):
    """A file or record could not be turned into an article.

    Parameters
    ----------
    path : str or PathLike
        The file that failed.
    problem : str
        What is wrong, in a few words.
    location : str, optional
        Where in the file, e.g. ``"line 12"`` or ``"record 3"``.
    fix : str, optional
        What the user can do about it.
    """

    def __init__(
        self,
        path: str | PathLike[str],
        problem: str,
        *,
        location: str | None = None,
        fix: str | None = None,
    ) -> None:
        self.path = str(path)
        self.problem = problem
        self.location = location
        self.fix = fix
        where = self.path if location is None else f"{self.path}, {location}"
        message = f"{where}: {_sentence(problem)}"
        if fix:
            message += f" Fix: {_sentence(fix)}"
        super().__init__(message)


class MissingDependencyError(FramingError, ImportError):
    """An optional dependency needed for a feature is not installed."""

    def __init__(self, feature: str, package: str, extra: str) -> None:
        self.feature = feature
        self.package = package
        self.extra = extra
        super().__init__(
            f"{feature} needs the optional package {package!r}, which is not installed. "
            f"Fix: pip install 'framing[{extra}]' (or 'framing[all]')."
        )


def invalid_parameter(name: str, value: object, allowed: str | Iterable[str]) -> ValueError:
    """Build the ``ValueError`` for a parameter given a value it does not accept.

    Examples
    --------
    >>> str(invalid_parameter("format", "docx", ["text", "html"]))
    "format='docx' is not allowed; use one of: 'html', 'text'."
    """
    if not isinstance(allowed, str):
        allowed = "use one of: " + ", ".join(repr(a) for a in sorted(allowed))
    return ValueError(f"{name}={value!r} is not allowed; {_sentence(allowed)}")
