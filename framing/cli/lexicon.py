"""``framing lexicon``: validate, list and induce lexicons."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ._common import EXIT_FAILURE, EXIT_OK, add_command, examples, info


def register(sub: argparse._SubParsersAction) -> None:
    lexicon = add_command(
        sub,
        "lexicon",
        help="validate, induce or list lexicons",
        description="Work with lexicons (CSV: term,category,valence,neutral,variants,note,source,"
        "weight).",
        epilog=examples(
            "framing lexicon list                        # the built-in lexicons",
            "framing lexicon validate my_terms.csv       # line-numbered problems",
            "framing lexicon induce babe.csv --words-column biased_words -o induced.csv",
        ),
    )
    actions = lexicon.add_subparsers(dest="lexicon_command", metavar="ACTION")
    validate = add_command(
        actions,
        "validate",
        help="report bad rows of a lexicon CSV, with line numbers",
        description="Check a lexicon CSV and list every problem with its line number.",
        epilog=examples("framing lexicon validate my_terms.csv"),
    )
    validate.add_argument("file", metavar="FILE")
    validate.set_defaults(handler=run_validate)
    listing = add_command(
        actions,
        "list",
        help="list the built-in lexicons",
        description="The lexicons shipped with framing, their sizes and categories.",
        epilog=examples("framing lexicon list"),
    )
    listing.set_defaults(handler=run_list)
    induce = add_command(
        actions,
        "induce",
        help="learn a weighted lexicon from annotated data",
        description="Learn a lexicon from a table of annotated texts (CSV, JSONL, Parquet): "
        "a text column and either a column of marked words (a list, or ';'-separated) or a "
        "column of [start, end] character spans. Words marked more often than chance "
        "(log-odds z-score) with enough support become entries.",
        epilog=examples(
            "framing lexicon induce babe.csv --words-column biased_words -o induced.csv",
            "framing lexicon induce spans.jsonl --spans-column spans --min-support 5 -o mine.csv",
        ),
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
    induce.add_argument("-q", "--quiet", action="store_true", help="no summary line on stderr")
    induce.set_defaults(handler=run_induce)


def run_validate(args: argparse.Namespace) -> int:
    from ..features import Lexicon, validate_lexicon

    problems = validate_lexicon(args.file)
    for problem in problems:
        print(f"{args.file}:{problem.line}: {problem.message}")
    errors = [p for p in problems if not p.message.startswith("unknown column")]
    if errors:
        print(f"{len(errors)} problem(s); fix them and run again.", file=sys.stderr)
        return EXIT_FAILURE
    print(f"{args.file}: valid ({len(Lexicon.from_csv(args.file))} entries).", file=sys.stderr)
    return EXIT_OK


def run_list(args: argparse.Namespace) -> int:
    from ..features import Lexicon
    from ..features.lexicon import BUILTIN_LEXICONS

    for name in BUILTIN_LEXICONS:
        lexicon = Lexicon.builtin(name)
        print(f"{name:22} {len(lexicon):5} entries  categories: {', '.join(lexicon.categories)}")
    return EXIT_OK


def run_induce(args: argparse.Namespace) -> int:
    from ..features.induce import induce_from_file

    # every annotation cell is checked first; a bad one is a one-line error
    # naming the file, the row and the fix
    lexicon = induce_from_file(
        args.file,
        text_column=args.text_column,
        words_column=args.words_column,
        spans_column=args.spans_column,
        min_support=args.min_support,
        z_threshold=args.z_threshold,
        category=args.category,
        name=Path(args.output).stem,
    )
    lexicon.to_csv(args.output)
    info(args, f"Wrote {len(lexicon)} entries to {args.output}.")
    return EXIT_OK
