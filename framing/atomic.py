"""Atomic outputs: a file, or a set of files, appears complete or not at all.

* A file is written to a temporary file beside its target and renamed into
  place (:func:`atomic_path`); files that belong together (a Markdown report
  and its charts, the CSV tables of an analysis) are written into a temporary
  folder and moved into place together (:func:`atomic_files`). A crash, a full
  disk or Ctrl-C leaves the old output or none, never half of one.
* Temporary names carry the writer's process id, so the temporary files of an
  earlier run that was killed (``kill -9``) are recognised and removed the next
  time the same output is written (:func:`remove_stale_temporaries`).
* Errors name the user's output path and the fix, never a temporary file
  (:class:`~framing.errors.OutputError`).
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from os import PathLike
from pathlib import Path

from .errors import OutputError

__all__ = [
    "atomic_files",
    "atomic_path",
    "clear_interrupt",
    "interrupted",
    "note_interrupt",
    "prepare_output",
    "remove_stale_temporaries",
    "write_text",
]

# The process umask, read once at import (reading it means setting it, briefly).
_UMASK = os.umask(0o022)
os.umask(_UMASK)
# ".<target name>.framing-<pid>-<random>.tmp": the pid tells a live writer from a dead one
_TMP_TAG = "framing"
_TMP_NAME = re.compile(rf"^\.(?P<name>.+)\.{_TMP_TAG}-(?P<pid>\d+)-[^.]*\.tmp$")
# Set by the command line's Ctrl-C handler. A KeyboardInterrupt raised where
# Python cannot propagate it (a finaliser, a callback) is only printed; this
# flag still keeps an interrupted run from moving its output into place.
_INTERRUPTED = threading.Event()


def note_interrupt() -> None:
    """Record a Ctrl-C: no output of this process is moved into place after it."""
    _INTERRUPTED.set()


def interrupted() -> bool:
    """Whether a Ctrl-C was noted (:func:`note_interrupt`) and not yet cleared."""
    return _INTERRUPTED.is_set()


def clear_interrupt() -> None:
    """Forget a noted Ctrl-C (the command line does, when it returns)."""
    _INTERRUPTED.clear()


def _check_interrupt() -> None:
    if _INTERRUPTED.is_set():
        raise KeyboardInterrupt


def _tmp_prefix(name: str) -> str:
    return f".{name}.{_TMP_TAG}-{os.getpid()}-"


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's live process, or we cannot tell: keep its files
    return True


def remove_stale_temporaries(folder: Path, name: str) -> list[Path]:
    """Remove temporary files and folders for output ``name`` left by dead writers.

    Only entries named by this module (``.NAME.framing-PID-XXXX.tmp``) whose
    process no longer runs are removed; a concurrent writer's files stay.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / ".out.jsonl.framing-999999999-ab12.tmp").write_text("half")
    >>> [p.name for p in remove_stale_temporaries(folder, "out.jsonl")]
    ['.out.jsonl.framing-999999999-ab12.tmp']
    """
    removed = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for entry in entries:
        match = _TMP_NAME.match(entry.name)
        if not match or match["name"] != name or _pid_alive(int(match["pid"])):
            continue
        try:
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        except OSError:
            continue
        removed.append(entry)
    return removed


def _first_existing(path: Path) -> Path:
    for candidate in (path, *path.parents):
        if os.path.lexists(candidate):
            return candidate
    return Path(".")


def _output_error(target: Path, exc: OSError) -> OutputError:
    """An OSError met while writing ``target``, told in terms of ``target``."""
    folder = target.parent if str(target.parent) else Path(".")
    code = exc.errno
    if code in (errno.EACCES, errno.EPERM):
        return OutputError(
            target,
            f"permission denied in the folder {str(folder)!r}",
            fix="write to a folder you can write to",
        )
    if code == errno.EROFS:
        return OutputError(
            target,
            f"the folder {str(folder)!r} is on a read-only file system",
            fix="write somewhere else",
        )
    if code in (errno.ENOSPC, errno.EDQUOT):
        return OutputError(target, "no space left on the device", fix="free some space")
    if code in (errno.ENOTDIR, errno.EEXIST):
        blocker = _first_existing(target.parent)
        return OutputError(
            target,
            f"{str(blocker)!r} is a file, not a folder",
            fix="choose another output path, or move that file",
        )
    if code == errno.EISDIR:
        return _is_folder(target)
    return OutputError(target, exc.strerror or str(exc) or type(exc).__name__)


def _is_folder(target: Path) -> OutputError:
    return OutputError(
        target,
        "it is an existing folder",
        fix=f"name a file, e.g. {str(target / 'output')!r} with the extension you want",
    )


def prepare_output(path: str | PathLike[str], *, folder: bool = False) -> Path:
    """Check an output path and create its folders; raise `OutputError` naming it.

    With ``folder=True`` the output is a folder (created if missing);
    otherwise it must not be an existing folder. Stale temporary files of an
    earlier killed run are removed.
    """
    target = Path(path)
    if not folder and target.is_dir():
        raise _is_folder(target)
    if folder and target.exists() and not target.is_dir():
        raise OutputError(
            target,
            "it is a file, and this output is a folder of files",
            fix="name a folder (it is created if missing)",
        )
    blocker = _first_existing(target if folder else target.parent)
    if os.path.lexists(blocker) and not blocker.is_dir():
        raise OutputError(
            target,
            f"{str(blocker)!r} is a file, not a folder",
            fix="choose another output path, or move that file",
        )
    try:
        (target if folder else target.parent).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _output_error(target, exc) from None
    remove_stale_temporaries(target.parent, target.name)
    return target


def _is_our_error(exc: OSError, tmp: Path) -> bool:
    """Whether an OSError raised while writing concerns the output, not an input."""
    if exc.filename is not None:
        return str(tmp) in (str(exc.filename), str(exc.filename2))
    return exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS)


@contextmanager
def atomic_path(path: str | PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; move it into place on success.

    The final ``os.replace`` is atomic on POSIX and Windows, so readers see
    either the old file or the complete new one. On error or interruption
    the temporary file is removed and ``path`` is untouched. Errors name
    ``path``, never the temporary file.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> with atomic_path(target) as tmp:
    ...     _ = tmp.write_text("done")
    >>> target.read_text()
    'done'
    """
    target = prepare_output(path)
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=_tmp_prefix(target.name), suffix=".tmp", dir=target.parent
        )
    except OSError as exc:
        raise _output_error(target, exc) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        # mkstemp makes the file private (0600); give it the mode a plain open() would
        os.chmod(tmp, 0o666 & ~_UMASK)
        _check_interrupt()
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OutputError) or not _is_our_error(exc, tmp):
            raise
        raise _output_error(target, exc) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def atomic_files(folder: str | PathLike[str], *, label: str | None = None) -> Iterator[Path]:
    """Yield a temporary folder; on success move what was written into ``folder``.

    Use it for outputs made of several files (a Markdown report and its
    charts folder, one CSV per table). Entries are moved in one pass,
    sub-folders first and files last, each replacing an entry of the same
    name; on error or interruption nothing is moved and the temporary folder
    is removed. ``label`` names the temporary folder (default: the folder's
    name), so an earlier killed run's leftovers are found and removed.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "tables"
    >>> with atomic_files(out) as tmp:
    ...     _ = (tmp / "a.csv").write_text("x\\n1\\n")
    >>> sorted(p.name for p in out.iterdir())
    ['a.csv']
    """
    target = prepare_output(folder, folder=True)
    name = label or target.name
    remove_stale_temporaries(target, name)
    try:
        tmp = Path(tempfile.mkdtemp(prefix=_tmp_prefix(name), suffix=".tmp", dir=target))
    except OSError as exc:
        raise _output_error(target / name, exc) from None
    try:
        yield tmp
        _check_interrupt()
        entries = sorted(tmp.iterdir(), key=lambda p: (not p.is_dir(), p.name))
        for entry in entries:
            destination = target / entry.name
            if entry.is_dir():
                _replace_folder(entry, destination)
            else:
                os.chmod(entry, 0o666 & ~_UMASK)
                os.replace(entry, destination)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(exc, OutputError) or (
            exc.filename is not None and str(tmp) not in str(exc.filename)
        ):
            raise
        raise _output_error(target / name, exc) from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    shutil.rmtree(tmp, ignore_errors=True)


def _replace_folder(new: Path, destination: Path) -> None:
    """Put folder ``new`` at ``destination``, replacing what was there."""
    os.chmod(new, 0o777 & ~_UMASK)
    for child in new.rglob("*"):
        os.chmod(child, (0o777 if child.is_dir() else 0o666) & ~_UMASK)
    if not os.path.lexists(destination):
        os.replace(new, destination)
        return
    if destination.is_dir() and not destination.is_symlink():
        old = destination.with_name(f"{_tmp_prefix(destination.name)}old.tmp")
        os.replace(destination, old)
        os.replace(new, destination)
        shutil.rmtree(old, ignore_errors=True)
    else:
        destination.unlink()
        os.replace(new, destination)


def write_text(path: str | PathLike[str], text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically."""
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return Path(path)
