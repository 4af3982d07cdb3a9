"""``framing outlets``: the outlet registry."""

from __future__ import annotations

import argparse
import sys

from ._common import EXIT_OK, add_command, examples, read_registry


def register(sub: argparse._SubParsersAction) -> None:
    outlets = add_command(
        sub,
        "outlets",
        help="list the outlet registry",
        description="List the outlets framing knows: ids, names, aliases used when they are "
        "cited, country, ownership and web domains.",
        epilog=examples(
            "framing outlets                               # a readable table",
            "framing outlets --format csv > outlets.csv    # with aliases and epithets",
            "framing outlets --registry mine.json --format json   # check your own registry",
        ),
    )
    outlets.add_argument(
        "--registry",
        metavar="FILE",
        help="your own registry file (JSON); it is checked, and its outlets extend the shipped "
        "ones",
    )
    outlets.add_argument(
        "--format", choices=("table", "csv", "json"), default="table", help="output format"
    )
    outlets.set_defaults(handler=run_outlets)


def run_outlets(args: argparse.Namespace) -> int:
    import pandas as pd

    from ..io import safe_csv
    from ..outlets import OutletRegistry

    registry = read_registry(args.registry) or OutletRegistry.default()
    table = registry.to_frame()  # type: ignore[attr-defined]
    if args.format == "json":
        print(registry.to_json())  # type: ignore[attr-defined]
    elif args.format == "csv":
        sys.stdout.write(safe_csv(table))
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
