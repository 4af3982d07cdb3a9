"""Lexicons as data: CSV files of terms with category, valence and neutral counterpart.

Columns (``LEXICON_COLUMNS``): ``term`` (required), ``category`` (required),
``valence`` (-1 condemning ... +1 glorifying; 0 for non-polar framing words),
``neutral`` (the neutral counterpart: assassination -> killing), ``variants``
(other spellings, ``|``-separated: ``Daish|Da'esh``), ``note`` (how the entry
was chosen), ``source`` (citation) and ``weight`` (confidence in [0, 1],
default 1; induced lexicons set it to the share of annotated occurrences) and ``pos`` (the
part of speech the entry means, ``NOUN``, ``VERB``, ``ADJ`` or ``ADV``, where the same
spelling can be another: "claims" as an attribution verb, not the noun; left empty, a
one-word term's part of speech is taken from the term when it has only one). Shipped
lexicons live in ``framing/resources/lexicons`` and are documented in its README.

Examples
--------
>>> lex = Lexicon.builtin("conflict_geopolitics")
>>> row = lex.entries.set_index("term").loc["assassination"]
>>> row["category"], row["neutral"]
('violence', 'killing')
>>> len(Lexicon.builtin("hedges") + Lexicon.builtin("boosters")) > 150
True
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from os import PathLike
from pathlib import Path

import pandas as pd

from ..errors import FramingError

__all__ = [
    "BUILTIN_LEXICONS",
    "DEFAULT_LEXICONS",
    "LEXICON_COLUMNS",
    "Lexicon",
    "LexiconError",
    "LexiconProblem",
    "UnknownLexiconError",
    "resolve_lexicons",
    "validate_lexicon",
]

LEXICON_COLUMNS: tuple[str, ...] = (
    "term",
    "category",
    "valence",
    "neutral",
    "variants",
    "note",
    "source",
    "weight",
    "pos",
)
_REQUIRED = ("term", "category")
# Universal part-of-speech tags an entry may carry in its ``pos`` column.
PARTS_OF_SPEECH: tuple[str, ...] = ("NOUN", "VERB", "ADJ", "ADV")
# Columns a table of entries may lack, with the value they take.
_OPTIONAL_DEFAULTS = {
    "valence": 0.0,
    "neutral": None,
    "variants": "",
    "note": "",
    "source": "",
    "weight": 1.0,
    "pos": "",
}

BUILTIN_LEXICONS: tuple[str, ...] = (
    "conflict_geopolitics",
    "loaded_general",
    "hedges",
    "boosters",
    "factives",
    "assertives",
    "report_verbs",
    "sentiment_negative",
)
# Built at run time from the VADER lexicon file of the vaderSentiment package
# (Hutto & Gilbert 2014, MIT licence) rather than copied into framing.
_GENERATED = frozenset({"sentiment_negative"})
# VADER valences run from -4 to +4; words at or below this count as negative.
NEGATIVE_VALENCE = -1.0
# The one default of framing.analyze, framing.compare, LoadedTermMatcher and
# LoadedTermVectorizer: loaded terms of conflict/geopolitics and of general
# public-affairs reporting. The other built-in lexicons (hedges, boosters,
# factives, assertives, report_verbs, sentiment_negative) are opt-in by name.
DEFAULT_LEXICONS: tuple[str, ...] = ("conflict_geopolitics", "loaded_general")


@dataclass(frozen=True)
class LexiconProblem:
    """One problem found in a lexicon file, with its line number."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


class LexiconError(FramingError, ValueError):
    """A lexicon file has problems; ``problems`` lists them with line numbers."""

    def __init__(self, path: str, problems: Sequence[LexiconProblem]) -> None:
        self.path = path
        self.problems = list(problems)
        shown = "; ".join(str(p) for p in self.problems[:5])
        more = f" (and {len(self.problems) - 5} more)" if len(self.problems) > 5 else ""
        super().__init__(
            f"{path}: {len(self.problems)} problem(s) in the lexicon: {shown}{more}. "
            f"Fix: run `framing lexicon validate {path}` for the full list."
        )


def _read_rows(
    text: str, origin: str
) -> tuple[list[tuple[int, dict[str, str]]], list[LexiconProblem]]:
    problems: list[LexiconProblem] = []
    # A field may be as long as the file (a long ``note``): raise the csv
    # module's limit (131,072 characters by default) to the text's length,
    # never lowering it, so no field of this file can exceed it.
    if len(text) >= csv.field_size_limit():
        csv.field_size_limit(len(text) + 1)
    reader = csv.reader(io.StringIO(text))
    try:
        header = [h.strip().casefold() for h in next(reader)]
    except StopIteration:
        return [], [LexiconProblem(1, "the file is empty; expected a header such as term,category")]
    except csv.Error as exc:
        return [], [LexiconProblem(1, f"unreadable CSV ({exc}); re-save it as plain CSV")]
    missing = [c for c in _REQUIRED if c not in header]
    if missing:
        return [], [LexiconProblem(1, f"the header lacks the column(s) {missing}; found {header}")]
    unknown = [h for h in header if h not in LEXICON_COLUMNS]
    if unknown:
        problems.append(
            LexiconProblem(
                1, f"unknown column(s) {unknown} are ignored; known: {list(LEXICON_COLUMNS)}"
            )
        )
    rows = []
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:  # e.g. a NUL byte: the rest of the file cannot be read
            problems.append(
                LexiconProblem(
                    reader.line_num, f"unreadable CSV from here on ({exc}); re-save as plain CSV"
                )
            )
            break
        line = reader.line_num
        if not any(f.strip() for f in fields):
            continue
        if len(fields) != len(header):
            problems.append(
                LexiconProblem(
                    line,
                    f"{len(fields)} fields where the header has "
                    f"{len(header)} (quote fields that contain commas)",
                )
            )
            continue
        rows.append((line, {h: f.strip() for h, f in zip(header, fields, strict=True)}))
    if not rows and not any(p.line > 1 for p in problems):
        problems.append(
            LexiconProblem(
                2,
                "the file has a header but no entries; add one row per term, "
                "such as: regime,delegitimising_label",
            )
        )
    return rows, problems


def _check_row(line: int, row: dict[str, str]) -> list[LexiconProblem]:
    problems = []
    for column in _REQUIRED:
        if not row.get(column):
            problems.append(LexiconProblem(line, f"empty {column!r}"))
    term = row.get("term", "")
    if term and not any(ch.isalpha() for ch in term):
        problems.append(LexiconProblem(line, f"term {term!r} has no letters"))
    valence = row.get("valence", "")
    if valence:
        try:
            number = float(valence)
        except ValueError:
            problems.append(LexiconProblem(line, f"valence {valence!r} is not a number"))
        else:
            if math.isnan(number) or not -1.0 <= number <= 1.0:
                problems.append(LexiconProblem(line, f"valence {valence!r} is outside [-1, 1]"))
    weight = row.get("weight", "")
    if weight:
        try:
            value = float(weight)
        except ValueError:
            problems.append(LexiconProblem(line, f"weight {weight!r} is not a number"))
        else:
            if math.isnan(value) or not 0.0 <= value <= 1.0:
                problems.append(LexiconProblem(line, f"weight {weight!r} is outside [0, 1]"))
    pos = row.get("pos", "")
    if pos and pos.upper() not in PARTS_OF_SPEECH:
        problems.append(
            LexiconProblem(line, f"pos {pos!r} is not one of {', '.join(PARTS_OF_SPEECH)}")
        )
    variants = row.get("variants", "")
    if variants and any(not v.strip() for v in variants.split("|")):
        problems.append(LexiconProblem(line, f"variants {variants!r} has an empty entry"))
    return problems


def _parse(text: str, origin: str) -> tuple[pd.DataFrame, list[LexiconProblem]]:
    rows, problems = _read_rows(text, origin)
    seen: dict[tuple[str, str], int] = {}
    records = []
    for line, row in rows:
        row_problems = _check_row(line, row)
        key = (row.get("term", "").casefold(), row.get("category", "").casefold())
        if key in seen and not row_problems:
            row_problems.append(
                LexiconProblem(
                    line,
                    f"duplicate of line {seen[key]} "
                    f"(term {row['term']!r}, category {row['category']!r})",
                )
            )
        problems.extend(row_problems)
        if row_problems:
            continue
        seen[key] = line
        records.append(
            {
                "term": row["term"],
                "category": row["category"],
                "valence": float(row["valence"]) if row.get("valence") else 0.0,
                "neutral": row.get("neutral") or None,
                "variants": row.get("variants") or "",
                "note": row.get("note") or "",
                "source": row.get("source") or "",
                "weight": float(row["weight"]) if row.get("weight") else 1.0,
                "pos": (row.get("pos") or "").upper(),
            }
        )
    entries = pd.DataFrame(records, columns=list(LEXICON_COLUMNS))
    return entries, sorted(problems, key=lambda p: p.line)


def validate_lexicon(path: str | PathLike[str]) -> list[LexiconProblem]:
    """All problems of a lexicon CSV file, each with its line number.

    Warnings about unknown columns are included; an empty list means the
    file is valid.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "mine.csv"
    >>> _ = path.write_text("term,category,valence\\nregime,label,-2\\n,label,0\\n")
    >>> [str(p) for p in validate_lexicon(path)]
    ["line 2: valence '-2' is outside [-1, 1]", "line 3: empty 'term'"]
    """
    return _parse(_read_text(path), str(path))[1]


def _read_text(path: str | PathLike[str]) -> str:
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise FramingError(f"{path}: lexicon file not found. Fix: check the path.") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LexiconError(
            str(path), [LexiconProblem(line, "bytes that are not UTF-8; re-save the file as UTF-8")]
        ) from None


@dataclass(frozen=True)
class Lexicon:
    """A named set of lexicon entries (see the module docstring for columns).

    Parameters
    ----------
    name : str
        Name used in span tables (column ``lexicon``).
    entries : DataFrame
        One row per entry with the columns of ``LEXICON_COLUMNS``.

    See Also
    --------
    Lexicon.from_csv, Lexicon.builtin, framing.LoadedTermMatcher
    """

    name: str
    entries: pd.DataFrame = field(repr=False)

    def __post_init__(self) -> None:
        missing = [c for c in _REQUIRED if c not in self.entries.columns]
        if missing:
            raise ValueError(f"Lexicon entries lack the column(s) {missing}.")
        optional = {c: v for c, v in _OPTIONAL_DEFAULTS.items() if c not in self.entries.columns}
        if optional:
            object.__setattr__(self, "entries", self.entries.assign(**optional))

    def __len__(self) -> int:
        return len(self.entries)

    def __add__(self, other: Lexicon) -> Lexicon:
        return Lexicon.combine([self, other])

    @property
    def categories(self) -> list[str]:
        """Sorted category names."""
        return sorted(self.entries["category"].unique())

    @classmethod
    def from_csv(cls, path: str | PathLike[str], name: str | None = None) -> Lexicon:
        """Read a lexicon CSV; raises :class:`LexiconError` listing bad lines."""
        entries, problems = _parse(_read_text(path), str(path))
        errors = [p for p in problems if not p.message.startswith("unknown column")]
        if errors:
            raise LexiconError(str(path), errors)
        return cls(name or Path(path).stem, entries)

    @classmethod
    def from_terms(
        cls, terms: Iterable[str], category: str, name: str = "custom", valence: float = 0.0
    ) -> Lexicon:
        """A lexicon of plain terms sharing one category.

        Examples
        --------
        >>> len(Lexicon.from_terms(["regime", "puppet"], "label"))
        2
        """
        records = [
            {
                "term": t,
                "category": category,
                "valence": valence,
                "neutral": None,
                "variants": "",
                "note": "",
                "source": "",
                "weight": 1.0,
                "pos": "",
            }
            for t in dict.fromkeys(terms)
        ]
        return cls(name, pd.DataFrame(records, columns=list(LEXICON_COLUMNS)))

    @classmethod
    def builtin(cls, name: str) -> Lexicon:
        """A lexicon shipped with framing, by name (see ``BUILTIN_LEXICONS``)."""
        if name not in BUILTIN_LEXICONS:
            raise _unknown_name(name)
        if name in _GENERATED:
            return _sentiment_negative()
        ref = resources.files("framing.resources").joinpath("lexicons", f"{name}.csv")
        entries, problems = _parse(ref.read_text("utf-8"), f"framing/resources/lexicons/{name}.csv")
        if problems:  # a shipped file must be clean; the test suite checks this
            raise LexiconError(name, problems)
        return cls(name, entries)

    @classmethod
    def combine(cls, lexicons: Sequence[Lexicon], name: str | None = None) -> Lexicon:
        """One lexicon from several; entries keep their lexicon's name in a ``lexicon`` column."""
        frames = [lex.entries.assign(lexicon=lex.name) for lex in lexicons]
        entries = (
            pd.concat(frames, ignore_index=True)
            if frames
            else pd.DataFrame(columns=[*LEXICON_COLUMNS, "lexicon"])
        )
        return cls(name or "+".join(lex.name for lex in lexicons), entries)

    def select(
        self, *, min_weight: float = 0.0, categories: Sequence[str] | None = None
    ) -> Lexicon:
        """Entries with at least ``min_weight`` (and in ``categories``, if given)."""
        mask = self.entries["weight"] >= min_weight
        if categories is not None:
            mask &= self.entries["category"].isin(list(categories))
        return Lexicon(self.name, self.entries[mask].reset_index(drop=True))

    def with_source_names(self) -> pd.DataFrame:
        """Entries with a ``lexicon`` column (the lexicon each entry came from)."""
        if "lexicon" in self.entries.columns:
            return self.entries
        return self.entries.assign(lexicon=self.name)

    def to_csv(self, path: str | PathLike[str]) -> Path:
        """Write the lexicon as CSV (atomically)."""
        from ..io import write_text

        return write_text(path, self.entries[list(LEXICON_COLUMNS)].to_csv(index=False))


def _sentiment_negative() -> Lexicon:
    """Negative words of the VADER lexicon (valence <= -1), valence scaled to [-1, 0)."""
    from .sentiment import vader

    records = [
        {
            "term": word,
            "category": "negative_sentiment",
            "valence": round(max(value / 4.0, -1.0), 3),
            "neutral": None,
            "variants": "",
            "note": f"VADER mean valence {value}",
            "source": "Hutto, C. & Gilbert, E. (2014). VADER. ICWSM (lexicon via vaderSentiment)",
            "weight": 1.0,
            "pos": "",
        }
        for word, value in sorted(vader().lexicon.items())
        if value <= NEGATIVE_VALENCE and word.replace("-", "").isalpha()
    ]
    return Lexicon("sentiment_negative", pd.DataFrame(records, columns=list(LEXICON_COLUMNS)))


def _looks_like_path(name: str) -> bool:
    return Path(name).suffix != "" or "/" in name or "\\" in name or Path(name).exists()


class UnknownLexiconError(FramingError, ValueError):
    """A lexicon name that is not built in (the message lists the built-in names)."""


def _unknown_name(name: str) -> UnknownLexiconError:
    import difflib

    close = difflib.get_close_matches(name, BUILTIN_LEXICONS, n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    return UnknownLexiconError(
        f"no built-in lexicon {name!r}; {hint}built-in lexicons: {', '.join(BUILTIN_LEXICONS)} "
        f"(default: {', '.join(DEFAULT_LEXICONS)}). Fix: use one of these names or a path to "
        "a lexicon CSV file."
    )


def resolve_lexicons(lexicons: object = None) -> Lexicon:
    """One :class:`Lexicon` from ``None`` (the default), names, paths or Lexicons.

    ``None`` gives ``DEFAULT_LEXICONS`` (conflict_geopolitics and
    loaded_general), the default of every part of framing. A name that is
    neither built in nor a file path raises an error listing the names.

    Examples
    --------
    >>> resolve_lexicons(["hedges", "boosters"]).name
    'hedges+boosters'
    >>> resolve_lexicons().name
    'conflict_geopolitics+loaded_general'
    >>> resolve_lexicons("hedge")
    Traceback (most recent call last):
    ...
    framing.features.lexicon.UnknownLexiconError: no built-in lexicon 'hedge'; did you mean ...
    """
    if lexicons is None:
        lexicons = list(DEFAULT_LEXICONS)
    if isinstance(lexicons, (Lexicon, str, PathLike)):
        lexicons = [lexicons]
    resolved = []
    for item in lexicons:  # type: ignore[union-attr]
        if isinstance(item, Lexicon):
            resolved.append(item)
        elif isinstance(item, str) and item in BUILTIN_LEXICONS:
            resolved.append(Lexicon.builtin(item))
        elif isinstance(item, str) and not _looks_like_path(item):
            raise _unknown_name(item)
        elif isinstance(item, (str, PathLike)):
            resolved.append(Lexicon.from_csv(item))
        else:
            raise TypeError(
                f"lexicons must be names, paths or Lexicon objects, not {type(item).__name__}."
            )
    return resolved[0] if len(resolved) == 1 else Lexicon.combine(resolved)
