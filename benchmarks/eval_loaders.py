"""Accuracy of the plain-text loader's layout inference on real saved pages.

The pages are ``../shared/datasets/layouts/NN_slug/page.txt`` (read in place,
never copied). Each page is loaded as a plain-text file exactly as
``framing load NN_slug/page.txt -o NN_slug.jsonl`` does, its record is written
as JSON Lines into an output folder, and the first line of that file is scored
against ``gold.json`` by the rules of the dataset's README:

=================  ==========================================================
field              right when
=================  ==========================================================
outlet             the prediction matches ``outlet`` or one of
                   ``outlet_aliases`` after lower-casing, splitting on
                   anything not a letter or digit and dropping "the",
                   "news", "agency": the words are equal once joined, or the
                   gold words occur as a run inside the predicted words
title              equal after whitespace normalisation (null gold: empty)
date               the first 10 characters of ``published`` equal the gold
                   date (null gold: empty)
authors            equal as sets, case-insensitive (a byline string is split
                   on commas, semicolons, "&" and "and"; a leading "By" is
                   dropped)
dateline           equal case-insensitive to ``dateline`` or one of
                   ``dateline_aliases``, or both empty
body start         the whitespace-normalised text contains ``body_first``
                   starting at most 5 characters in
body end           the text contains ``body_last``
furniture-free     no ``furniture`` string occurs in the text
=================  ==========================================================

One more column, **no body sentence lost**, is this project's own check (the
README defines no such field): the true body is taken as the page text from
``body_first`` to the end of ``body_last``, with every gold ``furniture`` string
taken out of it; each of its lines is split into sentences (at ``.``, ``!`` or
``?`` followed by a space), and every sentence must occur in the loaded text
(whitespace-normalised). A sentence the loader dropped, or fused with page
furniture, counts as lost. It is a lower bound on losses: the gold lists at
most eight furniture strings, so a page whose body holds more furniture than
that can only be scored on what the gold names.

The last line has the README's form::

    layouts: outlet A/N, title A/N, date A/N, authors A/N, dateline A/N, body start A/N, ...

Four pages never name their outlet (the gold notes say "not named"); the
README's outlet score counts them wrong whatever the loader does, so a second
line reports the outlet on the pages that name it and whether the outlet was
left empty on the others (the acceptance of issue 15).

Run from the repository root::

    python benchmarks/eval_loaders.py                 # score, list failing pages
    python benchmarks/eval_loaders.py --out /tmp/rec  # keep the written records
    python benchmarks/eval_loaders.py --verbose       # print every page's fields
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

import framing
from framing.io import write_table

LAYOUTS = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "layouts"
FIELDS = (
    "outlet",
    "title",
    "date",
    "authors",
    "dateline",
    "body start",
    "body end",
    "furniture-free",
    "no body sentence lost",
)
_DROPPED_WORDS = {"the", "news", "agency"}
_NOT_NAMED = re.compile(r"\bnot named\b", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")


def _ws(text: str | None) -> str:
    return " ".join((text or "").split())


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[^0-9a-z]+", name.casefold()) if w and w not in _DROPPED_WORDS]


def outlet_right(predicted: str | None, gold: str, aliases: list[str]) -> bool:
    """The README's outlet rule."""
    got = _words(predicted or "")
    if not got:
        return False
    for name in [gold, *aliases]:
        want = _words(name)
        if not want:
            continue
        if "".join(got) == "".join(want):
            return True
        size = len(want)
        if any(got[i : i + size] == want for i in range(len(got) - size + 1)):
            return True
    return False


def _authors(record: dict) -> set[str]:
    if isinstance(record.get("authors"), list):
        names = record["authors"]
    else:
        byline = _ws(record.get("byline"))
        byline = re.sub(r"^by\s+", "", byline, flags=re.IGNORECASE)
        names = re.split(r"\s*(?:[,;&]|\band\b)\s*", byline) if byline else []
    return {_ws(n).casefold() for n in names if _ws(n)}


def lost_sentences(page: str, gold: dict, text: str) -> list[str]:
    """Sentences of the true body (see the module docstring) missing from ``text``."""
    start = page.find(gold["body_first"])
    last = page.find(gold["body_last"], max(start, 0))
    if start < 0 or last < 0:
        return [f"<gold body_first/body_last not found in the page: {gold['body_first'][:40]}>"]
    body = page[start : last + len(gold["body_last"])]
    for furniture in sorted(gold.get("furniture") or [], key=len, reverse=True):
        body = body.replace(furniture, "\n")
    have = _ws(text)
    lost = []
    for line in body.splitlines():
        for sentence in _SENTENCE_BREAK.split(_ws(line)):
            if sentence and sentence not in have:
                lost.append(sentence)
    return lost


def score_page(record: dict | None, gold: dict, page: str) -> dict[str, bool]:
    """Right/wrong per field for one page (a missing record is wrong everywhere)."""
    if record is None:
        return dict.fromkeys(FIELDS, False)
    text = _ws(record.get("text"))
    published = record.get("published") or ""
    dateline = _ws(record.get("dateline")).casefold()
    gold_datelines = [gold.get("dateline"), *(gold.get("dateline_aliases") or [])]
    first = _ws(gold["body_first"])
    return {
        "outlet": outlet_right(record.get("outlet"), gold["outlet"], gold["outlet_aliases"]),
        "title": _ws(record.get("title")) == _ws(gold.get("title")),
        "date": (str(published)[:10] == gold["published"])
        if gold.get("published")
        else not published,
        "authors": _authors(record) == {_ws(a).casefold() for a in gold["authors"]},
        "dateline": (dateline in {_ws(d).casefold() for d in gold_datelines if d})
        if gold.get("dateline")
        else not dateline,
        "body start": 0 <= text.find(first) <= 5,
        "body end": _ws(gold["body_last"]) in text,
        "furniture-free": not any(_ws(f) in text for f in gold.get("furniture") or []),
        "no body sentence lost": not lost_sentences(page, gold, record.get("text") or ""),
    }


def load_records(pages: list[Path], out: Path) -> dict[str, dict | None]:
    """Load each page as ``framing load page.txt -o NN.jsonl`` does; read the first line back."""
    records: dict[str, dict | None] = {}
    for folder in pages:
        target = out / f"{folder.name}.jsonl"
        try:
            table = framing.load(str(folder / "page.txt"), format="text")
            write_table(table, target)
            with open(target, encoding="utf-8") as handle:
                records[folder.name] = json.loads(handle.readline())
        except Exception as exc:  # a crash is a page with no output
            print(f"{folder.name}: no output ({type(exc).__name__}: {exc})", file=sys.stderr)
            records[folder.name] = None
    return records


def _show(value: object) -> str:
    text = _ws(str(value)) if value not in (None, "", []) else "-"
    return text if len(text) <= 70 else text[:67] + "..."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="folder for the records (default: a temp dir)")
    parser.add_argument("--verbose", action="store_true", help="print every page's fields")
    args = parser.parse_args(argv)
    if not LAYOUTS.is_dir():
        print(f"skipped: {LAYOUTS} is not present (../shared/datasets is needed)")
        return 0
    pages = sorted(p for p in LAYOUTS.iterdir() if (p / "gold.json").is_file())
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        records = load_records(pages, out)
    totals = dict.fromkeys(FIELDS, 0)
    named_right = named = unnamed_empty = unnamed = 0
    failing = []
    for folder in pages:
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        page = (folder / "page.txt").read_text(encoding="utf-8")
        record = records[folder.name]
        scores = score_page(record, gold, page)
        for name, right in scores.items():
            totals[name] += right
        if _NOT_NAMED.search(gold.get("notes") or ""):
            unnamed += 1
            unnamed_empty += record is not None and not record.get("outlet")
        else:
            named += 1
            named_right += scores["outlet"]
        wrong = [n for n, right in scores.items() if not right]
        if args.verbose or wrong:
            failing.append((folder.name, wrong, record, gold, page))
    n = len(pages)
    print(f"Layout inference on {n} pages of {LAYOUTS}:\n")
    for name in FIELDS:
        print(f"  {name:<22} {totals[name]:>2}/{n}  ({totals[name] / n:.2f})")
    print()
    for name, wrong, record, gold, page in failing:
        print(f"{name}: wrong {', '.join(wrong) or '-'}")
        if record is None:
            continue
        shown = {
            "outlet": (record.get("outlet"), gold["outlet"]),
            "title": (record.get("title"), gold.get("title")),
            "date": ((record.get("published") or "")[:10], gold.get("published")),
            "authors": (record.get("byline"), gold["authors"]),
            "dateline": (record.get("dateline"), gold.get("dateline")),
            "body start": ((record.get("text") or "")[:60], gold["body_first"]),
            "body end": ("", gold["body_last"]),
            "furniture-free": (
                [f for f in gold.get("furniture") or [] if _ws(f) in _ws(record.get("text"))],
                "",
            ),
            "no body sentence lost": (lost_sentences(page, gold, record.get("text") or ""), ""),
        }
        for field in FIELDS if args.verbose else wrong:
            got, want = shown[field]
            print(f"    {field:<10} got {_show(got)}" + (f"  | gold {_show(want)}" if want else ""))
    print(
        f"\nlayouts: outlet {totals['outlet']}/{n}, title {totals['title']}/{n}, "
        f"date {totals['date']}/{n}, authors {totals['authors']}/{n}, "
        f"dateline {totals['dateline']}/{n}, body start {totals['body start']}/{n}, "
        f"body end {totals['body end']}/{n}, furniture-free {totals['furniture-free']}/{n}"
    )
    print(
        f"outlet on pages that name it {named_right}/{named}; left empty on pages that name "
        f"none {unnamed_empty}/{unnamed}; no body sentence lost "
        f"{totals['no body sentence lost']}/{n}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
