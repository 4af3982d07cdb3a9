"""Writing outputs atomically and safely.

* A crash, a full disk or Ctrl-C never leaves a half-written output: files
  are written to a temporary file beside the target and renamed into place
  (:func:`atomic_path`); several files that belong together (a Markdown
  report and its charts, the CSV tables of an analysis) are written into a
  temporary folder and moved into place together (:func:`atomic_files`).
* Temporary names carry the writer's process id, so the temporary files of
  an earlier run that was killed (``kill -9``) are recognised and removed
  the next time the same output is written.
* Errors name the user's output path and the fix, never a temporary file
  (:class:`~framing.errors.OutputError`).
* CSV and TSV cells that a spreadsheet would run as a formula (starting with
  ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) are prefixed with
  ``'``, as the OWASP guidance on CSV injection recommends
  (:func:`neutralise_cells`).
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from os import PathLike
from pathlib import Path
from typing import IO, Any

import pandas as pd

from .errors import OutputError, invalid_parameter

__all__ = [
    "TABLE_FORMATS",
    "atomic_files",
    "atomic_path",
    "neutralise_cells",
    "safe_csv",
    "write_json_objects",
    "write_table",
    "write_text",
]

TABLE_FORMATS = ("parquet", "csv", "tsv", "jsonl", "json")
# The process umask, read once at import (reading it means setting it, briefly).
_UMASK = os.umask(0o022)
os.umask(_UMASK)
# ".<target name>.framing-<pid>-<random>.tmp": the pid tells a live writer from a dead one
_TMP_TAG = "framing"
_TMP_NAME = re.compile(rf"^\.(?P<name>.+)\.{_TMP_TAG}-(?P<pid>\d+)-[^.]*\.tmp$")
# Characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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


def _json_default(value: Any) -> Any:
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return str(value)


def to_records(table: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as JSON-ready dicts (timestamps as ISO 8601, missing as None)."""
    records = []
    for row in table.to_dict(orient="records"):
        clean = {}
        for key, value in row.items():
            if isinstance(value, pd.Timestamp):
                value = value.isoformat()
            elif not isinstance(value, (dict, list)) and pd.isna(value):
                value = None
            clean[str(key)] = value
        records.append(clean)
    return records


def _flat(table: pd.DataFrame) -> pd.DataFrame:
    """Dict and list cells as JSON strings, for CSV and Parquet."""
    flat = table.copy()
    for column in flat.columns:
        if (
            flat[column].dtype == object
            and flat[column].map(lambda v: isinstance(v, (dict, list))).any()
        ):
            flat[column] = flat[column].map(
                lambda v: (
                    json.dumps(v, default=_json_default, ensure_ascii=False)
                    if isinstance(v, (dict, list))
                    else v
                )
            )
    return flat


def neutralise_cell(value: object) -> object:
    """Prefix ``'`` to a text cell a spreadsheet would read as a formula.

    Examples
    --------
    >>> neutralise_cell('=HYPERLINK("http://x")'), neutralise_cell("-5"), neutralise_cell(-5)
    ('\\'=HYPERLINK("http://x")', "'-5", -5)
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralise_cells(table: pd.DataFrame) -> pd.DataFrame:
    """Text cells beginning with ``= + - @``, tab or CR prefixed with ``'`` (OWASP).

    Numbers keep their type (a negative number is not a formula). Reading
    the file back gives the text with the leading ``'``.

    Examples
    --------
    >>> t = pd.DataFrame({"text": ["@SUM(A1)", "fine"], "n": [-1, 2]})
    >>> neutralise_cells(t)["text"].tolist()
    ["'@SUM(A1)", 'fine']
    """
    safe = table.copy()
    for column in safe.columns:
        series = safe[column]
        if isinstance(series.dtype, pd.CategoricalDtype):
            categories = series.cat.categories
            if any(isinstance(c, str) and c.startswith(FORMULA_STARTS) for c in categories):
                safe[column] = series.astype(object).map(neutralise_cell)
        elif series.dtype == object or pd.api.types.is_string_dtype(series.dtype):
            risky = series.map(lambda v: isinstance(v, str) and v.startswith(FORMULA_STARTS))
            if risky.any():
                safe[column] = series.astype(object).map(neutralise_cell)
    return safe


# RFC 4180 line ends: a cell holding a carriage return is then quoted, as readers expect
_CSV_OPTIONS: dict[str, Any] = {"index": False, "lineterminator": "\r\n"}


def safe_csv(
    table: pd.DataFrame,
    target: str | PathLike[str] | IO[str] | None = None,
    *,
    sep: str = ",",
    **options: Any,
) -> str | None:
    """``table`` as CSV (or TSV) made safe for spreadsheets: the one way framing writes CSV.

    Dict and list cells become JSON, formula-like cells are neutralised
    (:func:`neutralise_cells`), lines end in CRLF (RFC 4180). Returns the text
    when ``target`` is None.

    Examples
    --------
    >>> safe_csv(pd.DataFrame({"a": ["=1+1", "x"]})).split()
    ['a', "'=1+1", 'x']
    """
    return neutralise_cells(_flat(table)).to_csv(target, sep=sep, **(_CSV_OPTIONS | options))


def table_format(path: str | PathLike[str], format: str | None = None) -> str:
    """Output format from ``format`` or the file extension."""
    if format is None:
        suffix = Path(path).suffix.casefold().lstrip(".")
        format = {"pq": "parquet", "ndjson": "jsonl"}.get(suffix, suffix)
    if format not in TABLE_FORMATS:
        raise invalid_parameter("format", format, TABLE_FORMATS)
    return format


def write_table(table: pd.DataFrame, path: str | PathLike[str], format: str | None = None) -> Path:
    """Write a table atomically as Parquet, CSV, TSV, JSON Lines or JSON.

    ``meta`` and other dict/list cells become JSON (strings in CSV/Parquet);
    timestamps keep their UTC offset. CSV and TSV cells that would run as a
    spreadsheet formula are neutralised (see :func:`neutralise_cells`).
    """
    fmt = table_format(path, format)
    writers: dict[str, Callable[[Path], None]] = {
        "parquet": lambda tmp: _flat(table).to_parquet(tmp, index=False),
        "csv": lambda tmp: safe_csv(table, tmp),
        "tsv": lambda tmp: safe_csv(table, tmp, sep="\t"),
        "jsonl": lambda tmp: _write_lines(tmp, to_records(table)),
        "json": lambda tmp: tmp.write_text(
            json.dumps(to_records(table), default=_json_default, ensure_ascii=False, indent=1),
            encoding="utf-8",
        ),
    }
    with atomic_path(path) as tmp:
        writers[fmt](tmp)
    return Path(path)


def append_csv(table: pd.DataFrame, path: Path, *, header: bool) -> None:
    """Append ``table`` to a CSV file (streamed outputs), neutralising formula cells."""
    safe_csv(table, path, header=header, mode="a")


def write_json_objects(
    handle: IO[str],
    objects: Iterable[Any],
    *,
    indent: int | None = 1,
    unwrap_single: bool = False,
) -> int:
    """Stream ``objects`` to ``handle`` as one JSON array; return how many were written.

    Memory holds one object at a time (two with ``unwrap_single``, which
    writes a lone object without the enclosing array).

    Examples
    --------
    >>> import io
    >>> out = io.StringIO()
    >>> write_json_objects(out, iter([{"a": 1}, {"a": 2}]), indent=None)
    2
    >>> out.getvalue()
    '[\\n{"a": 1},\\n{"a": 2}\\n]\\n'
    """

    def dump(value: Any) -> str:
        return json.dumps(value, default=_json_default, ensure_ascii=False, indent=indent)

    count = 0
    first: Any = None
    for value in objects:
        count += 1
        if count == 1 and unwrap_single:
            first = value
            continue
        if count == 1:
            handle.write("[\n")
        elif count == 2 and unwrap_single:
            handle.write("[\n" + dump(first))
            first = None
        if count > 1:
            handle.write(",\n")
        handle.write(dump(value))
    if count == 1 and unwrap_single:
        handle.write(dump(first) + "\n")
    elif count == 0:
        handle.write("[]\n")
    else:
        handle.write("\n]\n")
    return count


def _write_lines(tmp: Path, records: list[dict[str, Any]]) -> None:
    with open(tmp, "w", encoding="utf-8") as handle:
        _dump_lines(handle, records)


def _dump_lines(handle: IO[str], records: list[dict[str, Any]]) -> None:
    for record in records:
        handle.write(json.dumps(record, default=_json_default, ensure_ascii=False))
        handle.write("\n")
