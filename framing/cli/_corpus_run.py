"""What ``framing analyze --by/--jobs`` and ``framing corpus`` share: options and the run."""

from __future__ import annotations

import argparse
from typing import Any

from ._common import EXIT_FAILURE, EXIT_OK, EXIT_PARTIAL, load_options, warn

__all__ = ["add_scale_options", "analyze_files", "jobs", "report_skipped"]


def jobs(value: str) -> int:
    """argparse type: worker processes, a whole number >= 1 or -1 (every core)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number == 0 or number < -1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, or -1 for every core; got {number}")
    return number


def add_scale_options(parser: argparse.ArgumentParser) -> None:
    """``--jobs`` and ``--scheduler``."""
    group = parser.add_argument_group("scale")
    group.add_argument(
        "-j",
        "--jobs",
        type=jobs,
        default=1,
        metavar="N",
        help="worker processes on this machine (-1: every core; default: 1). Workers read "
        "their own files or line ranges; the result is the same as with one process",
    )
    group.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        default=None,
        help="run on a Dask cluster instead: its scheduler address (tcp://host:8786) or "
        "'local' for a local cluster (needs framing[dask]; workers must see the input paths)",
    )


def analyze_files(
    args: argparse.Namespace, *, keep: tuple[str, ...], term_counts: bool, progress: bool | None
) -> Any:
    """``framing.analyze`` over the input paths as :class:`framing.ArticleFiles`."""
    from ..features.analysis import analyze
    from ..features.partitions import ArticleFiles

    options = load_options(args)
    files = ArticleFiles(
        args.paths,
        format=options["format"],
        outlet=options["outlet"],
        registry=options["registry"],
        columns=options["columns"],
        max_bytes=options["max_bytes"],
        exclude=options["exclude"],
    )
    return analyze(
        files,
        lexicons=getattr(args, "lexicon", None) or None,
        fuzzy=getattr(args, "fuzzy", True),
        n_jobs=int(args.jobs),
        scheduler=args.scheduler,
        keep=keep,
        term_counts=term_counts,
        progress=progress,
    )


def report_skipped(result: Any) -> tuple[int, int, int]:
    """List skipped records and duplicates on stderr; ``(exit code, skipped, duplicates)``."""
    entries = result.articles.attrs.get("skipped", [])
    skipped = duplicates = 0
    for entry in entries:
        if entry.get("kind") == "duplicate":
            duplicates += 1
            warn(f"duplicate: {entry['reason']}")
        else:
            skipped += 1
            warn(f"skipped: {entry['reason']}")
    if result.summary.empty:
        return EXIT_FAILURE, skipped, duplicates
    return (EXIT_PARTIAL if skipped else EXIT_OK), skipped, duplicates
