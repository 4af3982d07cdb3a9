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

import importlib
from collections.abc import Iterable
from os import PathLike
from types import ModuleType

__all__ = [
    "FramingError",
    "LoadError",
    "MissingDependencyError",
    "OutputError",
    "ParameterError",
    "import_optional",
    "invalid_parameter",
    "json_too_deep",
]


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


class ParameterError(FramingError, ValueError):
    """A function or command was given a parameter value it does not accept.

    This is a *usage* error (the command line exits with 2), unlike a bad
    file or record, which is bad *input* (exit 1). Built by
    :func:`invalid_parameter`.
    """


class OutputError(FramingError, OSError):
    """An output could not be written; the message names the user's path, never a temporary file.

    Parameters
    ----------
    path : str or PathLike
        The output the user asked for.
    problem : str
        What went wrong, in a few words.
    fix : str, optional
        What the user can do about it.

    Examples
    --------
    >>> print(OutputError("out/x.jsonl", "'out' is a file, not a folder",
    ...                   fix="name a path whose folders are folders"))
    out/x.jsonl: cannot write it: 'out' is a file, not a folder. Fix: name a path whose \
folders are folders.
    """

    def __init__(self, path: str | PathLike[str], problem: str, *, fix: str | None = None) -> None:
        self.path = str(path)
        self.problem = problem
        self.fix = fix
        message = f"{self.path}: cannot write it: {_sentence(problem)}"
        if fix:
            message += f" Fix: {_sentence(fix)}"
        super().__init__(message)


class MissingDependencyError(FramingError, ImportError):
    """An optional dependency needed for a feature is not installed or cannot import.

    Parameters
    ----------
    feature : str
        What the user tried to do, e.g. ``"Reading HTML"``.
    package : str
        The module that is really missing (which may be a dependency of the
        package asked for, e.g. ``lxml_html_clean`` under trafilatura).
    extra : str
        The ``framing`` extra that installs it.
    detail : str, optional
        The import system's own words, kept for the curious.

    Examples
    --------
    >>> print(MissingDependencyError("Reading HTML", "lxml_html_clean", "html"))
    Reading HTML needs the package 'lxml_html_clean', which is not installed. \
Fix: pip install 'framing[html]' (or pip install lxml_html_clean).
    """

    def __init__(self, feature: str, package: str, extra: str, detail: str = "") -> None:
        self.feature = feature
        self.package = package
        self.extra = extra
        self.detail = detail
        message = f"{feature} needs the package {package!r}, which is not installed"
        if detail:
            message += f" ({' '.join(detail.split()).rstrip('.')})"
        super().__init__(
            f"{message}. Fix: pip install 'framing[{extra}]' (or pip install {package})."
        )


# Modules whose import name differs from the name pip installs them by.
_PIP_NAMES = {
    "lxml.html.clean": "lxml_html_clean",
    "lxml_html_clean": "lxml_html_clean",
    "ahocorasick": "pyahocorasick",
    "vaderSentiment": "vaderSentiment",
    "yaml": "pyyaml",
    "sklearn": "scikit-learn",
}


def import_optional(module: str, *, feature: str, extra: str) -> ModuleType:
    """Import ``module`` or raise a `MissingDependencyError` naming what is really missing.

    A package can be installed and still fail to import because one of *its*
    dependencies is missing (trafilatura -> jusText -> ``lxml.html.clean``, which
    lxml 5.2+ ships separately as ``lxml_html_clean``). The error then names that
    module and its install command, not the package asked for.

    Examples
    --------
    >>> import_optional("json", feature="Reading JSON", extra="all").__name__
    'json'
    >>> import_optional("no_such_module_xyz", feature="Testing", extra="all")
    Traceback (most recent call last):
    ...
    framing.errors.MissingDependencyError: Testing needs the package 'no_such_module_xyz', ...
    """
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        missing = exc.name or module
        if "lxml.html.clean" in str(exc) or missing.startswith("lxml.html.clean"):
            missing = "lxml.html.clean"
        package = _PIP_NAMES.get(missing, missing.split(".")[0])
        detail = "" if missing == module else f"needed by {module}: {exc}"
        raise MissingDependencyError(feature, package, extra, detail) from None


# JSON deeper than this is reported by the line where it gets too deep (Python's
# json module recurses once per level and fails near 1,000 by default).
_JSON_DEPTH_LIMIT = 900


def json_too_deep(path: str | PathLike[str], text: str | None = None) -> LoadError:
    """The error for a JSON file nested too deeply to read, naming its line.

    Python's json module recurses once per level; framing reports such files
    (and registry or comparison files) by the line where they get too deep.

    Examples
    --------
    >>> print(json_too_deep("deep.json", "[" * 1000))
    deep.json, line 1: JSON nested more than 900 levels deep, too deep to read. \
Fix: framing reads JSON nested at most that deep; check that this is the file you meant.
    """
    import re

    if text is None:
        try:
            with open(path, encoding="utf-8", errors="replace") as handle:
                text = handle.read(64 * 1024 * 1024)
        except OSError:
            text = ""
    depth, line = 0, None
    for match in re.finditer(r'"(?:\\.|[^"\\])*"|[\[\]{}]', text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > _JSON_DEPTH_LIMIT:
                line = text.count("\n", 0, match.start()) + 1
                break
        elif token in "]}":
            depth -= 1
    return LoadError(
        path,
        f"JSON nested more than {_JSON_DEPTH_LIMIT} levels deep, too deep to read",
        location=f"line {line}" if line else None,
        fix="framing reads JSON nested at most that deep; check that this is the file you meant",
    )


def invalid_parameter(name: str, value: object, allowed: str | Iterable[str]) -> ParameterError:
    """Build the error for a parameter given a value it does not accept.

    The result is a :class:`ParameterError`, so also a ``ValueError``.

    Examples
    --------
    >>> str(invalid_parameter("format", "docx", ["text", "html"]))
    "format='docx' is not allowed; use one of: 'html', 'text'."
    """
    if not isinstance(allowed, str):
        allowed = "use one of: " + ", ".join(repr(a) for a in sorted(allowed))
    return ParameterError(f"{name}={value!r} is not allowed; {_sentence(allowed)}")
