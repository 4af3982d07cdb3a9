"""The ``framing`` command line: a thin shell over the public API.

Subcommands follow the data flow: ``load`` (files to the article table),
``sentences``, ``analyze`` (loaded terms, attributions, voice), ``lexicon``
(validate, induce, list) and ``outlets`` (the outlet registry). Run
``framing COMMAND --help`` for examples.

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
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from . import __version__
from .article import Article, articles_to_frame
from .comparison.render import comparison_text
from .errors import FramingError
from .features import Analysis, Lexicon, analyze, induce_lexicon, validate_lexicon
from .features.annotations import load_annotations, parse_marks
from .features.lexicon import BUILTIN_LEXICONS
from .io import write_table, write_text
from .loaders import FORMATS, iter_load, load_article
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
  framing analyze data/kayhan_2020-01-18_cnn-us-troops-iraq.txt   # loaded terms and attributions
  framing analyze corpus/ --format json -o analysis.json
  framing compare --example border-standoff -o report.html   # the full comparison report
  framing compare source.txt citing.txt -o report.html       # your own pair (.md, .json too)
  framing lexicon validate my_terms.csv            # line-numbered problems
  framing outlets                                  # the outlet registry
"""


def _column_pair(value: str) -> tuple[str, str]:
    field, sep, column = value.partition("=")
    if not sep or not field or not column:
        raise argparse.ArgumentTypeError(
            f"expected FIELD=COLUMN (e.g. text=story_body), got {value!r}"
        )
    return field.strip(), column.strip()


def _add_input_options(parser: argparse.ArgumentParser, format_flag: str = "--format") -> None:
    group = parser.add_argument_group("input")
    group.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files, directories (read recursively) or glob patterns",
    )
    group.add_argument(
        format_flag,
        dest="format",
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

    analyze = sub.add_parser(
        "analyze",
        help="score loaded terms, attributions and voice",
        description="Find loaded terms (with their neutral counterparts) and source attributions "
        "(who is cited, with which cue, directly or not) in articles. Every span has "
        "character offsets into the article text.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_input_options(analyze, format_flag="--input-format")
    features = analyze.add_argument_group("features")
    features.add_argument(
        "--lexicon",
        action="append",
        default=[],
        metavar="NAME_OR_FILE",
        help="lexicon to match: a built-in name ("
        + ", ".join(BUILTIN_LEXICONS)
        + ") or a CSV file; repeatable (default: conflict_geopolitics)",
    )
    features.add_argument(
        "--no-fuzzy",
        dest="fuzzy",
        action="store_false",
        help="do not match misspellings of lexicon words",
    )
    out = analyze.add_argument_group("output")
    out.add_argument(
        "--format",
        dest="output_format",
        choices=("table", "json", "csv"),
        default="table",
        help="table: a summary on the terminal; json: articles with sentences, "
        "loaded_terms and attributions; csv: one file per table in -o DIR",
    )
    out.add_argument("-o", "--output", metavar="PATH", help="file (json) or directory (csv)")
    analyze.set_defaults(handler=_cmd_analyze)

    compare_cmd = sub.add_parser(
        "compare",
        help="compare a citing article with its source",
        description="Align a citing article with its source sentence by sentence and report what "
        "it kept, reworded, dropped and added; which word choices it swapped for loaded ones; "
        "and whether what it attributes to the source (above all quotes) is in the source.\n\n"
        "examples:\n"
        "  framing compare source.txt citing.txt                 # summary on the terminal\n"
        "  framing compare source.txt citing.txt -o report.html  # the full HTML report\n"
        "  framing compare source.html citing.txt --format json -o comparison.json\n"
        "  framing compare --example border-standoff -o report.md  # Markdown, charts beside\n"
        "  framing compare --list-examples                        # the shipped teaching pairs\n\n"
        "The HTML report is one self-contained file (charts embedded, no script, no requests):\n"
        "the main shifts in plain language, charts, both texts side by side with every finding\n"
        "marked and linked, and tables of every finding with character offsets.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    compare_cmd.add_argument("source", nargs="?", help="the source article (any loadable file)")
    compare_cmd.add_argument("citing", nargs="?", help="the article that cites it")
    compare_cmd.add_argument(
        "--example",
        metavar="NAME",
        help="compare a shipped teaching pair instead of two files (see --list-examples)",
    )
    compare_cmd.add_argument(
        "--list-examples", action="store_true", help="list the shipped teaching pairs and exit"
    )
    compare_cmd.add_argument(
        "--lexicon",
        action="append",
        default=[],
        metavar="NAME_OR_FILE",
        help="lexicon judging loadedness; repeatable (default: conflict_geopolitics and "
        "loaded_general)",
    )
    compare_cmd.add_argument(
        "--format",
        dest="output_format",
        choices=("table", "html", "md", "json"),
        default=None,
        help="table: a summary on the terminal; html: the self-contained report; md: Markdown "
        "(with -o, charts are written beside it in NAME_charts/); json: every table (keys "
        "source, citing, alignment, substitutions, additions, omissions, attribution_fidelity, "
        "summary, loaded_terms, attributions). Default: from the -o extension, else table",
    )
    compare_cmd.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically)")
    compare_cmd.set_defaults(handler=_cmd_compare)

    report_cmd = sub.add_parser(
        "report",
        help="write the HTML or Markdown report of a comparison saved as JSON",
        description="Turn a comparison saved with `framing compare ... --format json -o FILE` "
        "into a report, without comparing again.\n\n"
        "examples:\n"
        "  framing compare a.txt b.txt -o comparison.json\n"
        "  framing report comparison.json -o report.html\n"
        "  framing report comparison.json -o report.md     # charts in report_charts/",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    report_cmd.add_argument("comparison", metavar="COMPARISON_JSON")
    report_cmd.add_argument(
        "--format",
        dest="output_format",
        choices=("html", "md", "json"),
        default=None,
        help="default: from the -o extension (html when printing)",
    )
    report_cmd.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically)")
    report_cmd.set_defaults(handler=_cmd_report)

    lexicon = sub.add_parser(
        "lexicon",
        help="validate, induce or list lexicons",
        description="Work with lexicons (CSV: term,category,valence,neutral,variants,note,source,"
        "weight).",
    )
    lex_sub = lexicon.add_subparsers(dest="lexicon_command", metavar="ACTION")
    validate = lex_sub.add_parser(
        "validate", help="report bad rows of a lexicon CSV, with line numbers"
    )
    validate.add_argument("file", metavar="FILE")
    validate.set_defaults(handler=_cmd_lexicon_validate)
    listing = lex_sub.add_parser("list", help="list the built-in lexicons")
    listing.set_defaults(handler=_cmd_lexicon_list)
    induce = lex_sub.add_parser(
        "induce",
        help="learn a weighted lexicon from annotated data",
        description="Learn a lexicon from a table of annotated texts (CSV, JSONL, Parquet): "
        "a text column and either a column of marked words (a list, or ';'-separated) or a "
        "column of [start, end] character spans. Words marked more often than chance "
        "(log-odds z-score) with enough support become entries.",
    )
    induce.add_argument("file", metavar="FILE", help="annotated table (.csv, .jsonl, .parquet)")
    induce.add_argument("--text-column", default="text")
    marks = induce.add_mutually_exclusive_group(required=True)
    marks.add_argument("--words-column", help="column of marked words")
    marks.add_argument("--spans-column", help="column of [start, end] spans")
    induce.add_argument("--min-support", type=int, default=3)
    induce.add_argument("--z-threshold", type=float, default=1.5)
    induce.add_argument("--category", default="induced")
    induce.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="lexicon CSV to write"
    )
    induce.set_defaults(handler=_cmd_lexicon_induce)

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


def _cmd_analyze(args: argparse.Namespace) -> int:
    articles, skipped = _stream(args)
    _report_skipped(skipped)
    if not articles:
        print(_summary(articles, skipped), file=sys.stderr)
        return EXIT_FAILURE
    result = analyze(articles_to_frame(articles), lexicons=args.lexicon or None, fuzzy=args.fuzzy)
    if args.output_format == "json":
        text = result.to_json()
        if args.output:
            write_text(args.output, text + "\n")
        else:
            print(text)
    elif args.output_format == "csv":
        if not args.output:
            raise FramingError(
                "--format csv writes one file per table: name a directory with -o DIR."
            )
        folder = Path(args.output)
        for name in ("summary", "sentences", "loaded_terms", "attributions"):
            write_table(getattr(result, name), folder / f"{name}.csv")
        print(
            f"Wrote summary, sentences, loaded_terms and attributions CSV to {folder}/.",
            file=sys.stderr,
        )
    else:
        print(_analysis_table(result))
    print(_summary(articles, skipped), file=sys.stderr)
    return _exit_code(articles, skipped)


def _analysis_table(result: Analysis) -> str:
    lines = []
    for row in result.summary.itertuples(index=False):
        lines.append(
            f"== {row.article_id} ({row.outlet}): {row.words} words, {row.sentences} sentences"
        )
        lines.append(
            f"   loaded terms: {row.loaded_terms} ({row.loaded_per_1000_words:.1f} per 1,000 "
            f"words; own voice {row.loaded_per_1000_own:.1f}, attributed "
            f"{row.loaded_per_1000_attributed:.1f})"
        )
        terms = result.loaded_terms[result.loaded_terms["article_id"] == row.article_id]
        for t in terms.drop_duplicates(["start", "end"]).itertuples(index=False):
            neutral = f" -> {t.neutral}" if isinstance(t.neutral, str) else ""
            fuzzy = " (fuzzy)" if t.fuzzy else ""
            lines.append(
                f"     {t.start:>6}-{t.end:<6} {t.text!r:28} {t.category:22}{neutral}{fuzzy}"
            )
        attrs = result.attributions[result.attributions["article_id"] == row.article_id]
        lines.append(
            f"   attributions: {row.attributions} ({row.direct_quotes} direct, "
            f"{row.loaded_cues} with loaded cues)"
        )
        for a in attrs.itertuples(index=False):
            written = "" if a.source == a.source_as_written else f" ({a.source_as_written!r})"
            content = a.content if len(a.content) <= 60 else a.content[:57] + "..."
            lines.append(
                f"     s{a.sentence:<3} {a.source}{written} [{a.source_kind}] "
                f"{a.cue!r} {a.cue_class}: {content!r}"
            )
    return "\n".join(lines)


def _cmd_compare(args: argparse.Namespace) -> int:
    from .comparison import compare
    from .comparison.teaching import list_teaching_pairs, load_teaching_pair

    if args.list_examples:
        for name in list_teaching_pairs():
            pair = load_teaching_pair(name)
            print(f"{name:18} {pair.gold['split']:12} {pair.gold['topic']}")
        return EXIT_OK
    if args.example:
        if args.source or args.citing:
            raise ValueError("give either --example NAME or SOURCE CITING, not both.")
        pair = load_teaching_pair(args.example)
        source, citing = pair.source, pair.citing
    elif args.source and args.citing:
        source, citing = load_article(args.source), load_article(args.citing)
    else:
        raise ValueError(
            "name the SOURCE and CITING articles, or a shipped pair with --example "
            "NAME (framing compare --list-examples)."
        )
    result = compare(source, citing, lexicons=args.lexicon or None)
    return _emit_report(result, args.output_format, args.output, default="table")


def _emit_report(
    result: object, output_format: str | None, output: str | None, default: str
) -> int:
    from .report.write import render_report, report_format, write_report

    if output_format is None:
        output_format = report_format(output, None) if output else default
    if output_format == "table":
        text = comparison_text(result)
        if output:
            write_text(output, text)
        else:
            print(text, end="")
        return EXIT_OK
    if output:
        written = write_report(result, output, output_format)
        extra = f" and {len(written) - 1} chart files" if len(written) > 1 else ""
        print(f"Wrote the {output_format} report to {output}{extra}.", file=sys.stderr)
    else:
        text = render_report(result, output_format)
        print(text, end="" if text.endswith("\n") else "\n")
    return EXIT_OK


def _cmd_report(args: argparse.Namespace) -> int:
    from .comparison import Comparison
    from .loaders.files import read_limited

    data = read_limited(args.comparison, 1 << 30)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(
            f"{args.comparison}: not UTF-8 text (bad byte at offset {error.start}); pass the JSON "
            "file written by `framing compare SOURCE CITING --format json -o FILE`."
        ) from error
    try:
        result = Comparison.from_json(text)
    except json.JSONDecodeError as error:
        raise ValueError(
            f"{args.comparison}: not valid JSON (line {error.lineno}, column {error.colno}: "
            f"{error.msg}); write one with `framing compare SOURCE CITING --format json -o FILE`."
        ) from error
    except ValueError as error:
        raise ValueError(f"{args.comparison}: {error}") from error
    return _emit_report(result, args.output_format, args.output, default="html")


def _cmd_lexicon_validate(args: argparse.Namespace) -> int:
    problems = validate_lexicon(args.file)
    for problem in problems:
        print(f"{args.file}:{problem.line}: {problem.message}")
    errors = [p for p in problems if not p.message.startswith("unknown column")]
    if errors:
        print(f"{len(errors)} problem(s); fix them and run again.", file=sys.stderr)
        return EXIT_FAILURE
    print(f"{args.file}: valid ({len(Lexicon.from_csv(args.file))} entries).", file=sys.stderr)
    return EXIT_OK


def _cmd_lexicon_list(args: argparse.Namespace) -> int:
    for name in BUILTIN_LEXICONS:
        lexicon = Lexicon.builtin(name)
        print(f"{name:22} {len(lexicon):5} entries  categories: {', '.join(lexicon.categories)}")
    return EXIT_OK


def _cmd_lexicon_induce(args: argparse.Namespace) -> int:
    table = load_annotations(args.file)
    if args.text_column not in table.columns:
        raise FramingError(
            f"{args.file}: no column {args.text_column!r}; columns are "
            f"{list(table.columns)}. Fix: pass --text-column."
        )
    column = args.words_column or args.spans_column
    if column not in table.columns:
        raise FramingError(f"{args.file}: no column {column!r}; columns are {list(table.columns)}.")
    marks = [parse_marks(v, spans=bool(args.spans_column)) for v in table[column]]
    lexicon = induce_lexicon(
        table[args.text_column].fillna("").astype(str).tolist(),
        marks,
        min_support=args.min_support,
        z_threshold=args.z_threshold,
        category=args.category,
        name=Path(args.output).stem,
        source=f"induced from {Path(args.file).name}",
    )
    lexicon.to_csv(args.output)
    print(f"Wrote {len(lexicon)} entries to {args.output}.", file=sys.stderr)
    return EXIT_OK


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
    if not getattr(args, "command", None) or not hasattr(args, "handler"):
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
