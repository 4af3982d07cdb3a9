"""Input paths to files: directories, globs, and what a walk must never do.

Folder walks and ``**`` globs do not follow symbolic links to directories
(so a link pointing up the tree cannot make them loop) and visit each
directory once; hidden files and folders are left out, as the shell does.
FIFOs, devices and sockets are never opened (opening a FIFO blocks until
something writes to it): :func:`framing.loaders.files.open_binary` refuses
them with a one-line reason. Files named in ``exclude`` (typically the
output of the same run, written inside an input folder) are never read from
a folder walk or glob.
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Iterable, Iterator
from os import PathLike

from ..errors import LoadError
from .base import Skipped
from .sniff import EXTENSIONS

__all__ = ["PathArg", "expand_paths"]

PathArg = str | PathLike | Iterable[str | PathLike]
_GLOB_CHARS = frozenset("*?[")


def _is_loadable_name(name: str) -> bool:
    lowered = name.casefold().removesuffix(".gz")
    return not name.startswith(".") and os.path.splitext(lowered)[1] in EXTENSIONS


def _skip(path: str, problem: str, fix: str) -> Skipped:
    return Skipped(path, None, str(LoadError(path, problem, fix=fix)))


def _walk(root: str, problems: list[Skipped]) -> Iterator[str]:
    """Paths of the non-hidden entries (files and broken links) below ``root``.

    Does not descend into symbolic links to directories, and enters each
    directory (by device and inode) once.
    """
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            info = os.stat(folder)
            if (info.st_dev, info.st_ino) in seen:
                continue
            seen.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as entries:
                listed = sorted(entries, key=lambda e: e.name)
        except OSError as exc:
            problems.append(
                _skip(
                    folder, f"the folder cannot be listed ({exc.strerror})", "check its permissions"
                )
            )
            continue
        subfolders = []
        for entry in listed:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if is_dir:
                subfolders.append(entry.path)
            elif not (entry.is_symlink() and _is_dir_link(entry.path)):
                yield entry.path
        stack.extend(reversed(subfolders))


def _is_dir_link(path: str) -> bool:
    try:
        return os.path.isdir(path)
    except OSError:
        return False


def _component_regex(part: str) -> str:
    """Regex of one glob path component (``*`` and ``?`` never cross a ``/``)."""
    out, i = [], 0
    while i < len(part):
        char = part[i]
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            end = part.find("]", i + 2 if part[i + 1 : i + 2] in ("!", "]") else i + 1)
            if end < 0:
                out.append(re.escape(char))
            else:
                body = part[i + 1 : end]
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append("[" + body.replace("\\", "\\\\") + "]")
                i = end
        else:
            out.append(re.escape(char))
        i += 1
    return "".join(out)


def _recursive_glob(pattern: str, problems: list[Skipped]) -> list[str]:
    """Files matching a pattern with ``**``, found by a walk that cannot loop."""
    parts = pattern.replace(os.sep, "/").split("/")
    fixed = []
    for part in parts:
        if _GLOB_CHARS & set(part):
            break
        fixed.append(part)
    root = "/".join(fixed) or "."
    if pattern.startswith("/") and not fixed[1:]:
        root = "/"
    rest = parts[len(fixed) :]
    pieces = []
    for index, part in enumerate(rest):
        last = index == len(rest) - 1
        if part == "**":
            pieces.append(".*" if last else "(?:[^/]+/)*")
        else:
            pieces.append(_component_regex(part) + ("" if last else "/"))
    matcher = re.compile("".join(pieces) + r"\Z", re.S)
    if not os.path.isdir(root):
        return []
    found = []
    for path in _walk(root, problems):
        relative = os.path.relpath(path, root).replace(os.sep, "/")
        if matcher.match(relative):
            found.append(path)
    return sorted(found)


def _real(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))


class _Excluded:
    def __init__(self, paths: Iterable[str | PathLike]) -> None:
        self.paths = {_real(os.fspath(p)) for p in paths}

    def __contains__(self, path: str) -> bool:
        if not self.paths:
            return False
        real = _real(path)
        return real in self.paths or any(real.startswith(p + os.sep) for p in self.paths)


def expand_paths(
    paths: PathArg, *, exclude: Iterable[str | PathLike] = ()
) -> tuple[list[str], list[Skipped]]:
    """Files named by paths, directories (recursively) and glob patterns.

    Directories contribute files with known extensions (hidden files are
    left out); a path that does not exist or a pattern that matches nothing
    becomes a :class:`Skipped` entry. Files found in a folder or by a
    pattern that are, or lie inside, a path of ``exclude`` are left out (a
    file named explicitly is always read).

    Returns
    -------
    (list of str, list of Skipped)
        Files in a stable (sorted) order, and the inputs that named nothing.

    Examples
    --------
    >>> import framing
    >>> files, problems = expand_paths(framing.example_path("kayhan"))
    >>> len(files), problems
    (1, [])
    """
    if isinstance(paths, (str, PathLike)):
        paths = [paths]
    excluded = _Excluded(exclude)
    files: list[str] = []
    problems: list[Skipped] = []
    for raw in paths:
        path = os.fspath(raw)
        if os.path.isdir(path):
            found = sorted(
                p
                for p in _walk(path, problems)
                if _is_loadable_name(os.path.basename(p)) and p not in excluded
            )
            files.extend(found)
            if not found:
                problems.append(
                    _skip(
                        path,
                        "the directory holds no files with a known extension",
                        f"article files end in one of {', '.join(sorted(EXTENSIONS))}",
                    )
                )
        elif os.path.lexists(path):
            files.append(path)
        elif _GLOB_CHARS & set(path):
            if "**" in path:
                matched = _recursive_glob(path, problems)
            else:
                matched = sorted(m for m in glob.glob(path) if not os.path.isdir(m))
            files.extend(m for m in matched if m not in excluded)
            if not matched:
                problems.append(
                    _skip(path, "the pattern matched no files", "check the pattern and the folder")
                )
        else:
            problems.append(
                _skip(path, "no such file or directory", "check the path and its spelling")
            )
    return files, problems
