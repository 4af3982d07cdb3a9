"""``framing load`` and ``framing sentences``: files to the article or sentence table."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ..errors import ParameterError
from ._common import (
    TABLE_FORMATS,
    InputStream,
    add_command,
    add_input_options,
    add_run_options,
    examples,
    info,
    output_format,
    show_progress,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

_BY_SUFFIX = {
    ".parquet": "parquet",
    ".pq": "parquet",
    ".csv": "csv",
    ".tsv": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".txt": "table",
}


def register(sub: argparse._SubParsersAction) -> None:
    load = add_command(
        sub,
        "load",
        help="normalise articles from files into one table",
        description="Load articles (text, HTML, JSON/JSONL, CSV, Parquet, RSS/Atom, WARC) into "
        "the normalised article table and print it or write it.",
        epilog=examples(
            "framing load data/                            # a summary table of the articles",
            "framing load corpus/ -o articles.parquet      # a folder, recursively",
            "framing load 'exports/*.csv' --column text=story_body -o articles.jsonl",
            "framing load feed.xml --format jsonl | head -1   # JSON Lines on stdout",
            "framing load dump.dat --input-format jsonl -o articles.csv",
        ),
    )
    add_input_options(load)
    _add_output_options(load, "article table")
    load.add_argument(
        "--skipped",
        metavar="FILE",
        help="also write the table of skipped records (same formats as -o)",
    )
    add_run_options(load)
    load.set_defaults(handler=run_load, example="articles.jsonl")

    sents = add_command(
        sub,
        "sentences",
        help="split articles into sentences with character offsets",
        description="Load articles and write one row per sentence "
        "(article_id, index, start, end, paragraph, text).",
        epilog=examples(
            "framing sentences data/kayhan_2020-01-18_cnn-us-troops-iraq.txt",
            "framing sentences corpus/ -o sentences.parquet",
            "framing sentences corpus/ --format csv > sentences.csv",
        ),
    )
    add_input_options(sents)
    _add_output_options(sents, "sentence table")
    add_run_options(sents)
    sents.set_defaults(handler=run_sentences, example="sentences.jsonl")


def _add_output_options(parser: argparse.ArgumentParser, what: str) -> None:
    group = parser.add_argument_group("output")
    group.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=f"write the {what} to FILE (written atomically); default: print it",
    )
    group.add_argument(
        "--format",
        choices=TABLE_FORMATS,
        metavar="FORMAT",
        default=None,
        help="output format: %(choices)s (default: from the -o extension; table, a "
        "readable summary, when printing)",
    )


def _emit(table: pd.DataFrame, args: argparse.Namespace, preview: str) -> None:
    """Write ``table`` to ``-o`` or stdout in the output format."""
    from ..io import _dump_lines, safe_csv, to_records, write_table, write_text

    fmt = output_format(args.format, args.output, _BY_SUFFIX, "table", example=args.example)
    if args.output:
        if fmt == "table":
            write_text(args.output, preview + "\n")
        else:
            write_table(table, args.output, fmt)
        info(args, f"Wrote {len(table)} row(s) to {args.output}.")
        return
    out = sys.stdout
    if fmt == "table":
        out.write(preview + "\n")
    elif fmt in ("csv", "tsv"):
        safe_csv(table, out, sep="," if fmt == "csv" else "\t")
    elif fmt == "jsonl":
        _dump_lines(out, to_records(table))
    elif fmt == "json":
        import json

        from ..io import _json_default

        out.write(json.dumps(to_records(table), default=_json_default, ensure_ascii=False))
        out.write("\n")
    else:
        raise ParameterError(f"--format {fmt} is binary: name a file with -o FILE.")


def _preview(table: pd.DataFrame) -> str:
    import pandas as pd

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


def _sentence_preview(table: pd.DataFrame) -> str:
    import pandas as pd

    with pd.option_context("display.width", 200, "display.max_colwidth", 80):
        return table.to_string(index=False)


def _check_format(args: argparse.Namespace) -> None:
    """Reject a bad output format before any input is read."""
    fmt = output_format(args.format, args.output, _BY_SUFFIX, "table", example=args.example)
    if fmt == "parquet" and not args.output:
        raise ParameterError("--format parquet is binary: name a file with -o FILE.")


def run_load(args: argparse.Namespace) -> int:
    from ..article import articles_to_frame
    from ..io import write_table
    from ..loaders import skipped_table

    _check_format(args)
    stream = InputStream(args, progress=show_progress(args))
    articles = list(stream)
    if articles:
        table = articles_to_frame(articles)
        _emit(table, args, _preview(table))
    if args.skipped:
        write_table(skipped_table(stream.skipped + stream.duplicates), args.skipped)
    info(args, stream.summary())
    return stream.exit_code()


def run_sentences(args: argparse.Namespace) -> int:
    from ..article import articles_to_frame
    from ..text import sentences

    _check_format(args)
    stream = InputStream(args, progress=show_progress(args))
    articles = list(stream)
    if articles:
        table = sentences(articles_to_frame(articles))
        _emit(table, args, _sentence_preview(table))
    info(args, stream.summary())
    return stream.exit_code()
