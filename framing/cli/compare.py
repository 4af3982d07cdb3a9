"""``framing compare`` (a citing article against its source) and ``framing report``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..errors import LoadError, ParameterError, json_too_deep
from ._common import (
    EXIT_OK,
    INPUT_FORMATS,
    add_command,
    examples,
    info,
    output_format,
    read_registry,
)

_BY_SUFFIX = {
    ".html": "html",
    ".htm": "html",
    ".md": "md",
    ".markdown": "md",
    ".json": "json",
    ".txt": "table",
}


def register(sub: argparse._SubParsersAction) -> None:
    compare = add_command(
        sub,
        "compare",
        help="compare a citing article with its source",
        description="Align a citing article with its source sentence by sentence and report what "
        "it kept, reworded, dropped and added; which word choices it swapped for loaded ones; "
        "and whether what it attributes to the source (above all quotes) is in the source.\n\n"
        "The HTML report is one self-contained file (charts embedded, no script, no requests):\n"
        "the main shifts in plain language, charts, both texts side by side with every finding\n"
        "marked and linked, and tables of every finding with character offsets.",
        epilog=examples(
            "framing compare source.txt citing.txt                 # summary on the terminal",
            "framing compare source.txt citing.txt -o report.html  # the full HTML report",
            "framing compare source.html citing.txt -o comparison.json   # every table",
            "framing compare --example border-standoff -o report.md  # Markdown, charts beside",
            "framing compare --list-examples                        # the shipped teaching pairs",
        ),
    )
    compare.add_argument("source", nargs="?", help="the source article (any loadable file)")
    compare.add_argument("citing", nargs="?", help="the article that cites it")
    compare.add_argument(
        "--example",
        metavar="NAME",
        help="compare a shipped teaching pair instead of two files (see --list-examples)",
    )
    compare.add_argument(
        "--list-examples", action="store_true", help="list the shipped teaching pairs and exit"
    )
    compare.add_argument(
        "--input-format",
        choices=INPUT_FORMATS,
        metavar="FORMAT",
        help="read both articles as this format: %(choices)s (default: by extension, then content)",
    )
    compare.add_argument(
        "--registry",
        metavar="FILE",
        help="your own outlet registry (JSON), extending the shipped one",
    )
    compare.add_argument(
        "--lexicon",
        action="append",
        default=[],
        metavar="NAME_OR_FILE",
        help="lexicon judging loadedness; repeatable (default: framing's one default set, "
        "conflict_geopolitics and loaded_general, as in analyze)",
    )
    compare.add_argument(
        "--relevance-threshold",
        type=float,
        default=None,
        metavar="R",
        help="replacements from this relevance (0-1) on are substitutions, the others "
        "rewordings (default: the calibrated one, framing.comparison.relevance)",
    )
    _add_report_output(compare, ("table", "html", "md", "json"), "table")
    compare.add_argument("-q", "--quiet", action="store_true", help="no summary line on stderr")
    compare.set_defaults(handler=run_compare)

    report = add_command(
        sub,
        "report",
        help="write the HTML or Markdown report of a comparison saved as JSON",
        description="Turn a comparison saved with `framing compare SOURCE CITING -o "
        "comparison.json` into a report, without comparing again.",
        epilog=examples(
            "framing report comparison.json -o report.html",
            "framing report comparison.json -o report.md     # charts in report_charts/",
            "framing report comparison.json --format md > report.md   # Markdown, no charts",
        ),
    )
    report.add_argument("comparison", metavar="COMPARISON_JSON")
    _add_report_output(report, ("html", "md", "json"), "html")
    report.add_argument("-q", "--quiet", action="store_true", help="no summary line on stderr")
    report.set_defaults(handler=run_report)


def _add_report_output(
    parser: argparse.ArgumentParser, formats: tuple[str, ...], default: str
) -> None:
    group = parser.add_argument_group("output")
    group.add_argument(
        "--format",
        choices=formats,
        default=None,
        help="table: a summary on the terminal; html: the self-contained report; md: Markdown "
        "(with -o, charts are written beside it in NAME_charts/); json: every table (keys "
        "source, citing, alignment, substitutions, additions, omissions, attribution_fidelity, "
        f"summary, loaded_terms, attributions). Default: from the -o extension, else {default}",
    )
    group.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE (atomically; a Markdown report and its charts together)",
    )


def _load(path: str, args: argparse.Namespace, registry: object) -> Any:
    from ..loaders import load_article

    try:
        return load_article(path, format=args.input_format, registry=registry)
    except RecursionError:
        raise json_too_deep(path) from None


def run_compare(args: argparse.Namespace) -> int:
    from ..comparison import compare
    from ..comparison.teaching import list_teaching_pairs, load_teaching_pair

    if args.list_examples:
        for name in list_teaching_pairs():
            pair = load_teaching_pair(name)
            print(f"{name:18} {pair.gold['split']:12} {pair.gold['topic']}")
        return EXIT_OK
    fmt = output_format(args.format, args.output, _BY_SUFFIX, "table", example="report.html")
    if args.example:
        if args.source or args.citing:
            raise ParameterError("give either --example NAME or SOURCE CITING, not both.")
        names = list_teaching_pairs()
        if args.example not in names:
            raise ParameterError(
                f"--example {args.example!r} is not one of the shipped pairs: {', '.join(names)}."
            )
        pair = load_teaching_pair(args.example)
        source, citing = pair.source, pair.citing
    elif args.source and args.citing:
        registry = read_registry(args.registry)
        source = _load(args.source, args, registry)
        citing = _load(args.citing, args, registry)
    else:
        raise ParameterError(
            "name the SOURCE and CITING articles, or a shipped pair with --example "
            "NAME (framing compare --list-examples)."
        )
    options = {}
    if args.relevance_threshold is not None:
        if not 0.0 <= args.relevance_threshold <= 1.0:
            raise ParameterError(
                f"--relevance-threshold {args.relevance_threshold} is not between 0 and 1."
            )
        options["relevance_threshold"] = args.relevance_threshold
    result = compare(source, citing, lexicons=args.lexicon or None, **options)
    return emit_report(result, fmt, args)


def emit_report(result: Any, fmt: str, args: argparse.Namespace) -> int:
    from ..io import write_text
    from ..report.write import render_report, write_report

    if fmt == "table":
        from ..comparison.render import comparison_text

        text = comparison_text(result)
        if args.output:
            write_text(args.output, text)
        else:
            sys.stdout.write(text)
        return EXIT_OK
    if args.output:
        written = write_report(result, args.output, fmt)
        extra = f" and {len(written) - 1} chart files" if len(written) > 1 else ""
        info(args, f"Wrote the {fmt} report to {args.output}{extra}.")
    else:
        text = render_report(result, fmt)
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return EXIT_OK


def run_report(args: argparse.Namespace) -> int:
    import json

    from ..comparison import Comparison
    from ..loaders.files import read_limited

    path = args.comparison
    fmt = output_format(args.format, args.output, _BY_SUFFIX, "html", example="report.html")
    if fmt == "table":
        raise ParameterError(
            "framing report writes html, md or json; use framing compare for a terminal summary."
        )
    data = read_limited(path, 1 << 30)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise LoadError(
            path,
            f"not UTF-8 text (bad byte at offset {error.start})",
            fix="pass the JSON file written by `framing compare SOURCE CITING -o FILE.json`",
        ) from None
    try:
        result = Comparison.from_json(text)
    except RecursionError:
        raise json_too_deep(path, text) from None
    except json.JSONDecodeError as error:
        raise LoadError(
            path,
            f"not valid JSON ({error.msg}, column {error.colno})",
            location=f"line {error.lineno}",
            fix="write one with `framing compare SOURCE CITING -o FILE.json`",
        ) from None
    except (ValueError, KeyError, TypeError) as error:
        raise LoadError(
            path,
            str(error).strip("'\""),
            fix="pass the JSON file written by `framing compare SOURCE CITING -o FILE.json`",
        ) from None
    return emit_report(result, fmt, args)
