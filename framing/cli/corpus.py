"""``framing corpus``: a corpus report -- groups compared over thousands of articles.

The articles are analysed (in worker processes with ``--jobs``, or on a Dask
cluster with ``--scheduler``), then summarised per group with bootstrap
intervals and tests, per group and topic, per group and period, with the
words that distinguish each group and whom each cites with which verbs.
The report is one self-contained HTML file (no script, nothing fetched) or
JSON with every table; without ``-o`` the summary table is printed.
"""

from __future__ import annotations

import argparse
import sys

from ._common import (
    EXIT_FAILURE,
    add_command,
    add_input_options,
    add_run_options,
    examples,
    info,
    output_format,
    positive_int,
    show_progress,
)
from ._corpus_run import add_scale_options, analyze_files, report_skipped

_BY_SUFFIX = {".html": "html", ".htm": "html", ".json": "json", ".txt": "table"}


def non_negative(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {number}")
    return number


def register(sub: argparse._SubParsersAction) -> None:
    parser = add_command(
        sub,
        "corpus",
        help="compare outlets or groups over a corpus (report with intervals)",
        description="Analyse a corpus and compare groups of articles (outlets, bias ratings, "
        "topics, months): loaded language per 1,000 words overall, in the outlet's own and in "
        "attributed voice, with bootstrap intervals and tests; the same by topic and over "
        "time; the words that distinguish each group (log-odds with an informative prior); "
        "whom each group cites, with which verbs. Writes a self-contained HTML report or JSON.",
        epilog=examples(
            "framing corpus articles.jsonl.gz --by bias -o corpus.html",
            "framing corpus corpus/ --by outlet --jobs -1 -o corpus.html   # every core",
            "framing corpus articles.jsonl.gz --by outlet --by month -o tables.json",
            "framing corpus articles.jsonl.gz --by bias --scheduler tcp://10.0.0.5:8786",
        ),
    )
    add_input_options(parser)
    study = parser.add_argument_group("comparison")
    study.add_argument(
        "--by",
        action="append",
        default=[],
        metavar="NAME",
        help="group articles by a column (outlet, language), a meta field (topic, bias) or a "
        "period of the date (year, quarter, month, week, day); repeatable (default: outlet)",
    )
    study.add_argument(
        "--topic",
        default="topic",
        metavar="NAME",
        help="the column or meta field of topics for the per-topic table (default: topic; "
        "'none' for no table)",
    )
    study.add_argument(
        "--period",
        default="auto",
        choices=("auto", "year", "quarter", "month", "week", "day", "none"),
        help="period of the tables over time (default: auto, at most 48 periods)",
    )
    study.add_argument(
        "--boot",
        type=non_negative,
        default=1000,
        metavar="N",
        help="bootstrap resamples per group for the intervals (default: %(default)s; 0: none)",
    )
    study.add_argument(
        "--top",
        type=positive_int,
        default=25,
        metavar="N",
        help="distinguishing terms per comparison (default: %(default)s)",
    )
    study.add_argument(
        "--lexicon",
        action="append",
        default=[],
        metavar="NAME_OR_FILE",
        help="lexicon of loaded terms (default: framing's default set); repeatable",
    )
    study.add_argument("--seed", type=int, default=0, help="seed of the resamples (default: 0)")
    add_scale_options(parser)
    out = parser.add_argument_group("output")
    out.add_argument(
        "--format",
        choices=("html", "json", "table"),
        default=None,
        help="html: the report; json: every table; table: the summary as text. "
        "Default: from -o (.html, .json, .txt), else table on stdout",
    )
    out.add_argument("-o", "--output", metavar="PATH", help="report file (written atomically)")
    add_run_options(parser)
    parser.set_defaults(handler=run_corpus)


def run_corpus(args: argparse.Namespace) -> int:
    from ..atomic import write_text
    from ..corpus.describe import describe_corpus

    fmt = output_format(args.format, args.output, _BY_SUFFIX, "table", example="corpus.html")
    result = analyze_files(
        args, keep=("attributions",), term_counts=True, progress=show_progress(args)
    )
    code, skipped, duplicates = report_skipped(result)
    if code == EXIT_FAILURE:
        info(args, "No article could be loaded; nothing written.")
        return code
    description = describe_corpus(
        result,
        by=args.by or ["outlet"],
        topic=None if args.topic == "none" else args.topic,
        period=None if args.period == "none" else args.period,
        n_boot=int(args.boot),
        top=int(args.top),
        lexicons=args.lexicon or None,
        random_state=int(args.seed),
        title=f"Corpus report: {', '.join(str(p) for p in args.paths)}",
    )
    text = {
        "html": description.to_html,
        "json": description.to_json,
        "table": description.summary.to_text,
    }[fmt]()
    if args.output:
        write_text(args.output, text)
        info(
            args,
            f"Wrote the {fmt} corpus report of {description.articles:,} article(s) to "
            f"{args.output} ({len(text.encode('utf-8')) / 1e6:.1f} MB).",
        )
    else:
        sys.stdout.write(text)
    line = f"Analysed {description.articles:,} article(s)"
    if skipped:
        line += f"; skipped {skipped} record(s), listed above"
    if duplicates:
        line += f"; {duplicates} exact duplicate(s) kept once"
    info(args, line + ".")
    return code
