"""The ``framing`` command line: a thin shell over the public API.

Subcommands follow the data flow: ``load`` (files to the article table),
``sentences``, ``outlets`` (the outlet registry). Run ``framing COMMAND
--help`` for examples.

Exit codes
----------
0  success: every input loaded
1  failure: nothing could be loaded, or the output could not be written
2  usage error (bad option or argument)
3  partial success: output written, but some files or records were skipped
   (each is listed on stderr and, with ``--skipped FILE``, in a table)
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import pandas as pd

from . import __version__
from .article import Article, articles_to_frame
from .errors import FramingError
from .io import write_table
from .loaders import FORMATS, iter_load
from .loaders.base import DEFAULT_MAX_BYTES, Skipped
from .loaders.load import skipped_table
from .outlets import OutletRegistry
from .text import sentences

__all__ = ["build_parser", "main"]

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 2, 3

_EPILOG = """\
exit codes: 0 success, 1 failure (nothing loaded or output not written),
            2 usage error, 3 partial success (some records skipped, listed on stderr)

examples:
  framing load data/                               # print the table of shipped articles
  framing load corpus/ -o articles.parquet         # a folder, recursively
  framing load 'exports/*.csv' --column text=story_body -o articles.jsonl
  framing outlets                                  # the outlet registry
"""


def _column_pair(value: str) -> tuple[str, str]:
    field, sep, column = value.partition("=")
    if not sep or not field or not column:
        raise argparse.ArgumentTypeError(
            f"expected FIELD=COLUMN (e.g. text=story_body), got {value!r}"
        )
    return field.strip(), column.strip()


def _add_input_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("input")
    group.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files, directories (read recursively) or glob patterns",
    )
    group.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="force the input format (default: by extension, then content)",
    )
    group.add_argument(
        "--outlet",
        metavar="ID",
        help="outlet id or name for every article (default: detected per article)",
    )
    group.add_argument(
        "--column",
        action="append",
        type=_column_pair,
        default=[],
        metavar="FIELD=COLUMN",
        help="for CSV/JSON/Parquet: which column holds a field, e.g. text=story_body (repeatable)",
    )
    group.add_argument(
        "--registry",
        metavar="FILE",
        help="your own outlet registry (JSON, same schema as `framing outlets "
        "--format json`); its outlets extend the shipped ones",
    )
    group.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help="largest single-article file accepted (default: %(default)s)",
    )
    progress = group.add_mutually_exclusive_group()
    progress.add_argument(
        "--progress",
        dest="progress",
        action="store_true",
        default=None,
        help="always show a progress bar",
    )
    progress.add_argument(
        "--no-progress", dest="progress", action="store_false", help="never show a progress bar"
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for tests and documentation)."""
    parser = argparse.ArgumentParser(
        prog="framing",
        description="Measure how news outlets frame what they report and what they cite.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    load = sub.add_parser(
        "load",
        help="normalise articles from files into one table",
        description="Load articles (text, HTML, JSON/JSONL, CSV, Parquet, RSS/Atom, WARC) into the "
        "normalised article table and print it or write it.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_input_options(load)
    output = load.add_argument_group("output")
    output.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the table (.parquet, .csv, .jsonl or .json; written atomically); "
        "default: print a summary table",
    )
    output.add_argument(
        "--skipped", metavar="FILE", help="also write the table of skipped records (same formats)"
    )
    load.set_defaults(handler=_cmd_load)

    sents = sub.add_parser(
        "sentences",
        help="split articles into sentences with character offsets",
        description="Load articles and write one row per sentence "
        "(article_id, index, start, end, paragraph, text).",
    )
    _add_input_options(sents)
    sents.add_argument(
        "-o", "--output", metavar="FILE", help="write the table instead of printing it"
    )
    sents.set_defaults(handler=_cmd_sentences)

    outlets = sub.add_parser(
        "outlets",
        help="list the outlet registry",
        description="List the outlets framing knows: ids, names, aliases used when they are cited, "
        "country, ownership and web domains.",
    )
    outlets.add_argument("--registry", metavar="FILE", help="your own registry file (JSON)")
    outlets.add_argument("--format", choices=("table", "csv", "json"), default="table")
    outlets.set_defaults(handler=_cmd_outlets)
    return parser


def _stream(args: argparse.Namespace) -> tuple[list[Article], list[Skipped]]:
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for result in iter_load(
        args.paths,
        outlet=args.outlet,
        format=args.format,
        registry=args.registry,
        columns=dict(args.column),
        max_bytes=args.max_bytes,
        progress=args.progress,
    ):
        (skipped if isinstance(result, Skipped) else articles).append(result)
    return articles, skipped


def _report_skipped(skipped: list[Skipped]) -> None:
    for item in skipped:
        print(f"skipped: {item.reason}", file=sys.stderr)


def _summary(articles: list[Article], skipped: list[Skipped]) -> str:
    files = len({a.source_path for a in articles})
    line = f"Loaded {len(articles)} article(s) from {files} file(s)"
    if skipped:
        line += f"; skipped {len(skipped)} file(s) or record(s), listed above"
    warned = sum(1 for a in articles if a.meta.get("warnings"))
    if warned:
        line += f"; {warned} article(s) carry warnings in meta['warnings']"
    return line + "."


def _exit_code(articles: list[Article], skipped: list[Skipped]) -> int:
    if not articles:
        return EXIT_FAILURE
    return EXIT_PARTIAL if skipped else EXIT_OK


def _preview(table: pd.DataFrame) -> str:
    view = pd.DataFrame(
        {
            "article_id": table["article_id"],
            "outlet": table["outlet"].astype(object),
            "published": table["published"].astype(str),
            "dateline": table["dateline"],
            "title": table["title"].fillna("").str.slice(0, 40),
            "words": table["text"].str.split().str.len(),
            "start of text": table["text"].str.slice(0, 48),
        }
    )
    with pd.option_context("display.width", 200, "display.max_columns", 20):
        return view.to_string(index=False)


def _cmd_load(args: argparse.Namespace) -> int:
    articles, skipped = _stream(args)
    _report_skipped(skipped)
    if articles:
        table = articles_to_frame(articles)
        if args.output:
            write_table(table, args.output)
            print(f"Wrote {len(table)} row(s) to {args.output}.", file=sys.stderr)
        else:
            print(_preview(table))
    if args.skipped:
        write_table(skipped_table(skipped), args.skipped)
    print(_summary(articles, skipped), file=sys.stderr)
    return _exit_code(articles, skipped)


def _cmd_sentences(args: argparse.Namespace) -> int:
    articles, skipped = _stream(args)
    _report_skipped(skipped)
    if articles:
        table = sentences(articles)
        if args.output:
            write_table(table, args.output)
        else:
            with pd.option_context("display.width", 200, "display.max_colwidth", 80):
                print(table.to_string(index=False))
    print(_summary(articles, skipped), file=sys.stderr)
    return _exit_code(articles, skipped)


def _cmd_outlets(args: argparse.Namespace) -> int:
    registry = (
        OutletRegistry.from_file(args.registry) if args.registry else OutletRegistry.default()
    )
    table = registry.to_frame()
    if args.format == "json":
        print(registry.to_json())
    elif args.format == "csv":
        print(table.to_csv(index=False), end="")
    else:
        with pd.option_context("display.width", 200, "display.max_colwidth", 40):
            print(
                table[["id", "name", "kind", "country", "ownership", "domains"]].to_string(
                    index=False
                )
            )
        print(
            f"\n{len(table)} outlets. Their aliases and epithets: framing outlets --format csv",
            file=sys.stderr,
        )
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.handler(args))
    except FramingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except ValueError as exc:  # invalid parameters from the API
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILURE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
