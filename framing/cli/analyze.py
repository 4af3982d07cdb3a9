"""``framing analyze``: loaded terms, attributions and voice, streamed batch by batch.

Articles flow from the loaders through :func:`framing.iter_analyze` to the
output one batch at a time, so memory stays bounded whatever the corpus size
and a progress bar can count articles through the analysis stages.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import IO, TYPE_CHECKING

from ..errors import ParameterError
from ._common import (
    EXIT_FAILURE,
    InputStream,
    add_command,
    add_input_options,
    add_run_options,
    attribute,
    examples,
    info,
    output_format,
    positive_int,
    show_progress,
)
from ._corpus_run import add_scale_options, analyze_files, report_skipped

if TYPE_CHECKING:  # pragma: no cover
    from ..features import Analysis

# analyze --jobs keeps every table (the per-article output needs them)
TABLES = ("text", "sentences", "loaded_terms", "attributions")

_FORMATS = ("table", "json", "jsonl", "csv")
_BY_SUFFIX = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", "": "csv", ".txt": "table"}
_CSV_TABLES = ("summary", "sentences", "loaded_terms", "attributions")


def register(sub: argparse._SubParsersAction) -> None:
    parser = add_command(
        sub,
        "analyze",
        help="score loaded terms, attributions and voice",
        description="Find loaded terms (with their neutral counterparts) and source attributions "
        "(who is cited, with which cue, directly or not) in articles, and how much of each "
        "article is in its own or an attributed voice. Every span has character offsets into "
        "the article text. Articles are analysed in batches as they load, so a corpus of any "
        "size fits in memory.",
        epilog=examples(
            "framing analyze data/kayhan_2020-01-18_cnn-us-troops-iraq.txt   # a readable summary",
            "framing analyze corpus/ -o analysis.json      # one object per article",
            "framing analyze corpus/ -o analysis.jsonl     # one article per line",
            "framing analyze corpus/ --format csv -o tables/   # summary, sentences, "
            "loaded_terms, attributions",
            "framing analyze corpus/ --lexicon loaded_general --lexicon my_terms.csv",
            "framing analyze articles.jsonl.gz --by outlet       # one row per outlet, intervals",
            "framing analyze articles.jsonl.gz --by bias --by month -o by_month.csv",
            "framing analyze articles.jsonl.gz --jobs -1 -o analysis.jsonl   # every core",
        ),
    )
    add_input_options(parser)
    features = parser.add_argument_group("features")
    features.add_argument(
        "--lexicon",
        action="append",
        default=[],
        metavar="NAME_OR_FILE",
        help="lexicon to match: a built-in name (see `framing lexicon list`) or a CSV file; "
        "repeatable (default: framing's one default set, conflict_geopolitics and "
        "loaded_general, the same in analyze, compare and the Python API)",
    )
    features.add_argument(
        "--no-fuzzy",
        dest="fuzzy",
        action="store_false",
        help="do not match misspellings of lexicon words",
    )
    features.add_argument(
        "--batch-size",
        type=positive_int,
        default=attribute("framing.features.analysis", "BATCH_ARTICLES"),
        metavar="N",
        help="articles analysed together (default: %(default)s); memory grows with it",
    )
    features.add_argument(
        "--by",
        action="append",
        default=[],
        metavar="NAME",
        help="print one row per group instead of per article: a column (outlet), a meta field "
        "(topic, bias) or a period (year, quarter, month...); repeatable. Measures carry "
        "bootstrap intervals and the groups are tested against each other (see framing corpus "
        "for the full report)",
    )
    add_scale_options(parser)
    out = parser.add_argument_group("output")
    out.add_argument(
        "--format",
        choices=_FORMATS,
        default=None,
        help="table: a summary on the terminal; json: one object per article (article, "
        "sentences, loaded_terms, attributions); jsonl: the same, one per line; csv: one file "
        "per table in the folder -o DIR. Default: from -o (.json, .jsonl, a folder), else table",
    )
    out.add_argument(
        "-o", "--output", metavar="PATH", help="file (table, json, jsonl) or folder (csv)"
    )
    add_run_options(parser)
    parser.set_defaults(handler=run_analyze)


def _format(args: argparse.Namespace) -> str:
    output = args.output
    if (
        output
        and Path(output).is_dir()
        and args.format in (None, "csv")
        and _BY_SUFFIX.get(Path(output).suffix.casefold(), "csv") == "csv"
    ):
        return "csv"
    if args.format == "csv":
        if not output:
            raise ParameterError(
                "--format csv writes one file per table: name a folder with -o DIR."
            )
        return "csv"
    return output_format(args.format, output, _BY_SUFFIX, "table", example="analysis.json")


def run_analyze(args: argparse.Namespace) -> int:
    from itertools import chain

    from ..features.analysis import iter_analyze

    if args.by:
        return _run_by(args)
    fmt = _format(args)
    if args.jobs != 1 or args.scheduler:
        return _run_pool(args, fmt)
    show = show_progress(args)
    stream = InputStream(args, progress=False)  # the analysis bar counts articles instead
    parts = iter_analyze(
        stream,
        lexicons=args.lexicon or None,
        fuzzy=args.fuzzy,
        batch_size=int(args.batch_size),
        progress=show,
    )
    first = next(parts, None)
    if first is None:  # nothing loaded: write nothing
        info(args, stream.summary())
        return EXIT_FAILURE
    parts = chain([first], parts)
    if fmt == "csv":
        _write_csv(parts, Path(args.output))
        info(args, f"Wrote {', '.join(_CSV_TABLES)} as CSV to {args.output}/.")
    else:
        with ExitStack() as stack:
            handle = _open_output(args.output, stack)
            _write(parts, fmt, handle)
        if args.output:
            info(
                args, f"Wrote the {fmt} analysis of {stream.articles} article(s) to {args.output}."
            )
    info(args, stream.summary())
    return stream.exit_code()


def _open_output(output: str | None, stack: ExitStack) -> IO[str]:
    if not output:
        return sys.stdout
    from ..atomic import atomic_path

    tmp = stack.enter_context(atomic_path(output))
    return stack.enter_context(open(tmp, "w", encoding="utf-8"))


def _write(parts: Iterator[Analysis], fmt: str, handle: IO[str]) -> None:
    from ..io import _dump_lines, write_json_objects

    objects = (obj for part in parts for obj in part.iter_json())
    if fmt == "json":
        write_json_objects(handle, objects, unwrap_single=True)
    elif fmt == "jsonl":
        _dump_lines(handle, objects)
    else:
        for part in parts:
            handle.write(analysis_text(part))
            handle.flush()


def _write_csv(parts: Iterator[Analysis], folder: Path) -> None:
    from ..io import append_csv, atomic_files

    columns: dict[str, list[str]] = {}
    with atomic_files(folder) as tmp:
        for part in parts:
            for name in _CSV_TABLES:
                table = getattr(part, name)
                first = name not in columns
                columns.setdefault(name, list(table.columns))  # every batch in the same order
                append_csv(table.reindex(columns=columns[name]), tmp / f"{name}.csv", header=first)


def analysis_text(result: Analysis) -> str:
    """The terminal summary of one batch: per article, its terms and attributions."""
    terms = {k: g for k, g in result.loaded_terms.groupby("article_id", sort=False)}
    attributions = {k: g for k, g in result.attributions.groupby("article_id", sort=False)}
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
        own_terms = terms.get(row.article_id)
        if own_terms is not None:
            for t in own_terms.drop_duplicates(["start", "end"]).itertuples(index=False):
                neutral = f" -> {t.neutral}" if isinstance(t.neutral, str) else ""
                fuzzy = " (fuzzy)" if t.fuzzy else ""
                lines.append(
                    f"     {t.start:>6}-{t.end:<6} {t.text!r:28} {t.category:22}{neutral}{fuzzy}"
                )
        lines.append(
            f"   attributions: {row.attributions} ({row.direct_quotes} direct, "
            f"{row.loaded_cues} with loaded cues)"
        )
        own_attrs = attributions.get(row.article_id)
        if own_attrs is not None:
            for a in own_attrs.itertuples(index=False):
                written = "" if a.source == a.source_as_written else f" ({a.source_as_written!r})"
                content = a.content if len(a.content) <= 60 else a.content[:57] + "..."
                lines.append(
                    f"     s{a.sentence:<3} {a.source}{written} [{a.source_kind}] "
                    f"{a.cue!r} {a.cue_class}: {content!r}"
                )
    return "\n".join(lines) + "\n" if lines else ""


def _run_pool(args: argparse.Namespace, fmt: str) -> int:
    """``--jobs`` / ``--scheduler``: workers read and analyse partitions; one output."""
    result = analyze_files(args, keep=TABLES, term_counts=False, progress=show_progress(args))
    code, skipped, _ = report_skipped(result)
    if result.summary.empty:
        info(args, "No article could be loaded; nothing written.")
        return EXIT_FAILURE
    if fmt == "csv":
        _write_csv(iter([result]), Path(args.output))
    else:
        with ExitStack() as stack:
            _write(iter([result]), fmt, _open_output(args.output, stack))
    info(
        args,
        f"Analysed {len(result.summary):,} article(s)"
        + (f"; skipped {skipped} record(s), listed above." if skipped else "."),
    )
    return code


_BY_TABLE_SUFFIX = {".txt": "table", ".csv": "csv", ".json": "json"}


def _run_by(args: argparse.Namespace) -> int:
    """``--by``: the corpus summary per group (text, CSV or JSON of its table)."""
    from ..corpus.summarize import summarize

    if args.format == "jsonl":
        raise ParameterError("--by writes one table: --format table, csv or json.")
    fmt = output_format(
        args.format, args.output, _BY_TABLE_SUFFIX, "table", example="by_outlet.csv"
    )
    result = analyze_files(
        args, keep=("attributions",), term_counts=False, progress=show_progress(args)
    )
    code, _, _ = report_skipped(result)
    if result.summary.empty:
        info(args, "No article could be loaded; nothing written.")
        return EXIT_FAILURE
    summary = summarize(result, args.by)
    if fmt == "table":
        text = summary.to_text()
    elif fmt == "csv":
        from ..io import safe_csv

        text = safe_csv(summary.table)
    else:
        from ..io import to_records

        text = json.dumps(
            {
                "by": list(summary.by),
                "groups": to_records(summary.table),
                "tests": to_records(summary.tests),
                "speakers": to_records(summary.speakers),
                "verbs": to_records(summary.verbs),
            },
            indent=1,
            default=str,
        )
    if args.output:
        from ..atomic import write_text

        write_text(args.output, text)
        info(
            args,
            f"Wrote the summary of {len(result.summary):,} article(s) by "
            f"{', '.join(args.by)} to {args.output}.",
        )
    else:
        sys.stdout.write(text)
    return code
