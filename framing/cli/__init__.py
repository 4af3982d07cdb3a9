"""The ``framing`` command line: a thin shell over the public API.

Subcommands follow the data flow: ``load`` (files to the article table),
``sentences``, ``analyze`` (loaded terms, attributions, voice), ``compare``
(a citing article against its source), ``corpus`` (groups of articles
compared, with intervals) and ``report`` (a saved comparison),
``lexicon`` (validate, induce, list) and ``outlets`` (the outlet registry).
Run ``framing COMMAND --help`` for each one's options and examples.

In every subcommand ``--format`` is the *output* format and ``-o`` the
output path (written atomically); the input format is inferred from each
file (extension, then content) or forced with ``--input-format``.

Exit codes
----------
0    success
1    bad input: nothing usable could be read, or the output could not be
     written (the message names the file, the line or record, and the fix)
2    bad usage: an option or argument the command does not accept
3    partial success: output written, but some files or records were
     skipped (each is listed on stderr and, with ``--skipped FILE``, in a table)
130  interrupted (Ctrl-C); no partial output file is left behind
141  stdout was closed by its reader (``framing load DIR | head -1``); quiet

Set ``FRAMING_DEBUG=1`` to see the traceback of an unexpected error.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence

from .. import __version__, atomic
from ..errors import FramingError, ParameterError
from . import analyze, compare, corpus, lexicon, load, outlets
from ._common import (
    EXIT_BROKEN_PIPE,
    EXIT_CODES_HELP,
    EXIT_FAILURE,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_USAGE,
    Formatter,
)

__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_FAILURE",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_PARTIAL",
    "EXIT_USAGE",
    "build_parser",
    "main",
]

_EPILOG = f"""\
examples:
  framing load data/                               # the shipped articles as a table
  framing load corpus/ -o articles.parquet         # a folder, recursively
  framing analyze corpus/ -o analysis.json         # loaded terms and attributions
  framing analyze corpus/ --by outlet --jobs -1     # one row per outlet, with intervals
  framing compare source.txt citing.txt -o report.html   # what a retelling changed
  framing compare --example border-standoff -o report.html
  framing report comparison.json -o report.md      # a saved comparison as a report
  framing corpus articles.jsonl.gz --by bias -o corpus.html   # groups compared
  framing lexicon validate my_terms.csv            # line-numbered problems
  framing outlets                                  # the outlet registry

Run `framing COMMAND --help` for the options and examples of one command.

{EXIT_CODES_HELP}; 141 stdout closed by its reader
"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for tests and documentation)."""
    parser = argparse.ArgumentParser(
        prog="framing",
        description="Measure how news outlets frame what they report and what they cite.",
        epilog=_EPILOG,
        formatter_class=Formatter,
    )
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (load, analyze, compare, corpus, lexicon, outlets):
        module.register(sub)
    return parser


def _error(message: str) -> None:
    print(f"error: {' '.join(str(message).split())}", file=sys.stderr)


def _silence_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null so the exit flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout is not a real file (tests)
        pass


def _on_interrupt(signum: int, frame: object) -> None:
    atomic.note_interrupt()
    raise KeyboardInterrupt


def _catch_interrupts() -> Callable[[], None]:
    """Note every Ctrl-C, so one raised where Python only prints it still ends the run.

    Returns the function that puts the previous handler back. Only Python's
    default handler is replaced, and only in the main thread.
    """
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        return lambda: None
    signal.signal(signal.SIGINT, _on_interrupt)

    def restore() -> None:
        signal.signal(signal.SIGINT, signal.default_int_handler)
        atomic.clear_interrupt()

    return restore


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None) or not hasattr(args, "handler"):
        parser.print_help()
        return EXIT_USAGE
    restore = _catch_interrupts()
    try:
        code = int(args.handler(args))
        if atomic.interrupted():  # raised where Python could only print it
            raise KeyboardInterrupt
        sys.stdout.flush()
        return code
    except KeyboardInterrupt:
        _error("interrupted (Ctrl-C); no partial output file was left behind.")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except ParameterError as exc:
        command = " ".join(a for a in (args.command, getattr(args, "lexicon_command", None)) if a)
        _error(f"{exc} (see framing {command} --help)")
        return EXIT_USAGE
    except (FramingError, OSError) as exc:
        _error(str(exc) or type(exc).__name__)
        return EXIT_FAILURE
    except ValueError as exc:  # bad data met by a stage: bad input, never usage
        _error(str(exc) or type(exc).__name__)
        return EXIT_FAILURE
    except RecursionError:
        _error("an input is nested too deeply to read (JSON more than ~900 levels deep).")
        return EXIT_FAILURE
    except Exception as exc:  # a bug: one line, and the traceback on request
        if os.environ.get("FRAMING_DEBUG"):
            raise
        _error(
            f"unexpected {type(exc).__name__}: {exc}. This is a bug in framing; run again "
            "with FRAMING_DEBUG=1 for the traceback, and please report it."
        )
        return EXIT_FAILURE
    finally:
        restore()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
