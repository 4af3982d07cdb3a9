"""What the subcommands share: options, lazy defaults, streaming input, messages.

This module imports nothing heavy: the parser must build (and ``framing
--help`` answer) without pandas, NLTK or scikit-learn. Values that live in
heavy modules (input formats, the size cap) reach argparse through
:class:`Lazy`, which imports them only when a command runs or its help is
printed.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from ..errors import ParameterError, json_too_deep

if TYPE_CHECKING:  # pragma: no cover
    from ..article import Article
    from ..loaders.base import Skipped

EXIT_OK = 0  # success
EXIT_FAILURE = 1  # bad input: nothing usable, or the output could not be written
EXIT_USAGE = 2  # bad usage: an option or argument the command does not accept
EXIT_PARTIAL = 3  # output written, but some files or records were skipped (listed)
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT), as shells report it
EXIT_BROKEN_PIPE = 141  # the reader of stdout went away (128 + SIGPIPE), e.g. `| head`

EXIT_CODES_HELP = """\
exit codes: 0 success; 1 bad input (nothing usable) or output not written;
            2 bad usage; 3 partial success (some records skipped, listed on stderr);
            130 interrupted"""

_UNSET = object()


class Lazy:
    """A value computed on first use (argparse choices and defaults from heavy modules).

    Examples
    --------
    >>> formats = Lazy(lambda: ("a", "b"))
    >>> "a" in formats, list(formats), str(formats)
    (True, ['a', 'b'], "('a', 'b')")
    """

    def __init__(self, compute: Callable[[], Any]) -> None:
        self._compute = compute
        self._value: Any = _UNSET

    @property
    def value(self) -> Any:
        if self._value is _UNSET:
            self._value = self._compute()
        return self._value

    def __iter__(self) -> Iterator[Any]:
        return iter(self.value)

    def __contains__(self, item: object) -> bool:
        return item in self.value

    def __len__(self) -> int:
        return len(self.value)

    def __int__(self) -> int:
        return int(self.value)

    def __str__(self) -> str:
        return str(self.value)

    def __repr__(self) -> str:
        return repr(self.value)


def attribute(module: str, name: str) -> Lazy:
    """``module.name``, imported on first use."""
    return Lazy(lambda: getattr(importlib.import_module(module), name))


INPUT_FORMATS = attribute("framing.loaders.sniff", "FORMATS")
DEFAULT_MAX_BYTES = attribute("framing.loaders.base", "DEFAULT_MAX_BYTES")
TABLE_FORMATS = Lazy(lambda: ("table", *importlib.import_module("framing.io").TABLE_FORMATS))


class Formatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the line breaks of descriptions and example lists."""


def examples(*lines: str) -> str:
    """A subcommand's epilog: its own examples, then the exit codes."""
    return "examples:\n" + "\n".join(f"  {line}" for line in lines) + "\n\n" + EXIT_CODES_HELP


def add_command(
    sub: argparse._SubParsersAction, name: str, *, help: str, description: str, epilog: str
) -> argparse.ArgumentParser:
    return sub.add_parser(
        name, help=help, description=description, epilog=epilog, formatter_class=Formatter
    )


def non_negative_int(value: str) -> int:
    """argparse type: a whole number >= 0 (a usage error otherwise)."""
    try:
        number = int(value.replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a whole number of bytes, got {value!r}"
        ) from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {number}")
    return number


def positive_int(value: str) -> int:
    """argparse type: a whole number >= 1."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {number}")
    return number


def column_pair(value: str) -> tuple[str, str]:
    field, sep, column = value.partition("=")
    if not sep or not field or not column:
        raise argparse.ArgumentTypeError(
            f"expected FIELD=COLUMN (e.g. text=story_body), got {value!r}"
        )
    return field.strip(), column.strip()


def add_input_options(parser: argparse.ArgumentParser) -> None:
    """Input paths and how to read them (``--input-format``, ``--column``, ...)."""
    group = parser.add_argument_group("input")
    group.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files, directories (read recursively) or glob patterns",
    )
    group.add_argument(
        "--input-format",
        choices=INPUT_FORMATS,
        metavar="FORMAT",
        default=None,
        help="read every input as this format: %(choices)s (default: by extension, "
        "then by content)",
    )
    group.add_argument(
        "--outlet",
        metavar="ID",
        help="outlet id or name for every article (default: detected per article)",
    )
    group.add_argument(
        "--registry",
        metavar="FILE",
        help="your own outlet registry (JSON, same schema as `framing outlets --format json`); "
        "its outlets extend the shipped ones",
    )
    group.add_argument(
        "--column",
        action="append",
        type=column_pair,
        default=[],
        metavar="FIELD=COLUMN",
        help="for CSV/JSON/Parquet: which column holds a field, e.g. text=story_body (repeatable)",
    )
    group.add_argument(
        "--max-bytes",
        type=non_negative_int,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help="largest single article or record accepted, in bytes (default: %(default)s)",
    )


def add_run_options(parser: argparse.ArgumentParser) -> None:
    """Progress bar and chattiness."""
    group = parser.add_argument_group("messages")
    progress = group.add_mutually_exclusive_group()
    progress.add_argument(
        "--progress",
        dest="progress",
        action="store_true",
        default=None,
        help="always show a progress bar on stderr (default: when stderr is a terminal)",
    )
    progress.add_argument(
        "--no-progress", dest="progress", action="store_false", help="never show a progress bar"
    )
    group.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress bar and no summary lines; errors and skipped records are still listed",
    )


def show_progress(args: argparse.Namespace) -> bool | None:
    """``--progress`` / ``--no-progress`` / ``--quiet``; None: when stderr is a terminal."""
    if getattr(args, "quiet", False):
        return False
    return getattr(args, "progress", None)


def info(args: argparse.Namespace, message: str) -> None:
    """A summary line on stderr, unless ``--quiet``."""
    if not getattr(args, "quiet", False):
        print(message, file=sys.stderr)


def warn(message: str) -> None:
    """A line on stderr that does not break a progress bar."""
    from tqdm.auto import tqdm

    tqdm.write(message, file=sys.stderr)


def load_options(args: argparse.Namespace) -> dict[str, Any]:
    """Keyword arguments of :func:`framing.iter_load` from the input options."""
    return {
        "outlet": args.outlet,
        "format": args.input_format,
        "registry": read_registry(args.registry),
        "columns": dict(getattr(args, "column", [])),
        "max_bytes": int(getattr(args, "max_bytes", DEFAULT_MAX_BYTES)),
        # this run's own outputs are never read back as input (issue 11, row 31)
        "exclude": [
            path
            for path in (getattr(args, "output", None), getattr(args, "skipped", None))
            if path and path != "-"
        ],
    }


class InputStream:
    """Articles from the input paths, streamed; skipped records listed as they come.

    Iterating yields articles only; ``skipped``, ``duplicates`` and ``files``
    fill in as the stream runs. An exact duplicate of an article already read
    is listed as ``duplicate:`` and does not make the run partial: nothing is
    lost.
    """

    def __init__(self, args: argparse.Namespace, *, progress: bool | None) -> None:
        self.args = args
        self.progress = progress
        self.skipped: list[Skipped] = []
        self.duplicates: list[Skipped] = []
        self.articles = 0
        self.files: set[str] = set()
        self.warned = 0

    def __iter__(self) -> Iterator[Article]:
        from ..loaders import Skipped, iter_load

        for item in iter_load(self.args.paths, progress=self.progress, **load_options(self.args)):
            if isinstance(item, Skipped):
                if item.kind == "duplicate":
                    self.duplicates.append(item)
                    warn(f"duplicate: {item.reason}")
                else:
                    self.skipped.append(item)
                    warn(f"skipped: {item.reason}")
                continue
            self.articles += 1
            self.files.add(str(item.source_path))
            if item.meta.get("warnings"):
                self.warned += 1
            yield item

    def summary(self) -> str:
        line = f"Loaded {self.articles} article(s) from {len(self.files)} file(s)"
        if self.skipped:
            line += f"; skipped {len(self.skipped)} file(s) or record(s), listed above"
        if self.duplicates:
            line += f"; {len(self.duplicates)} exact duplicate(s) kept once, listed above"
        if self.warned:
            line += f"; {self.warned} article(s) carry warnings in meta['warnings']"
        return line + "."

    def exit_code(self) -> int:
        if not self.articles:
            return EXIT_FAILURE
        return EXIT_PARTIAL if self.skipped else EXIT_OK


def output_format(
    chosen: str | None,
    output: str | None,
    by_suffix: dict[str, str],
    default: str,
    *,
    example: str = "output.json",
) -> str:
    """``--format`` if given, else from the ``-o`` extension, else ``default``.

    An ``-o`` naming an existing folder is refused here, before any input is
    read, with an example file name for the fix.
    """
    from pathlib import Path

    if output is not None and Path(output).is_dir():
        from ..errors import OutputError

        raise OutputError(
            output, "it is an existing folder", fix=f"name a file, e.g. {Path(output) / example}"
        )
    if chosen is not None:
        return chosen
    if output is None:
        return default
    suffix = Path(output).suffix.casefold()
    if suffix in by_suffix:
        return by_suffix[suffix]
    raise ParameterError(
        f"cannot tell the output format of {output!r} from its extension; name it "
        f"{', '.join('*' + s for s in by_suffix)} or pass --format."
    )


def read_registry(path: str | None) -> object:
    """The outlet registry of ``--registry FILE``, read and checked once (or None)."""
    if path is None:
        return None
    from ..outlets import OutletRegistry

    try:
        return OutletRegistry.from_file(path)
    except RecursionError:
        raise json_too_deep(path) from None
