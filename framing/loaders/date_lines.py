"""Dates as news pages print them: find them in a line, and tell date lines apart.

A page's header holds a **date line**: "7 March 2021 - 09:05",
"Mar 7, 2021, 9:05 PM", "Published: 03rd June 2020 11:30 AM | Last
Updated: ...", "08:15 GMT 21.04.2023 (Updated: 08:20 GMT 21.04.2023)",
"[19/11/2022 18:02]", "Updated Jan 4, 2024, 6:05pm EST". Month names come
in the languages of ``framing/resources/date_words.json``.

* :func:`find_dates` returns every absolute date of a line (day, month and
  year), with the time and zone printed next to it and the label before it
  ("Published", "Updated"), as an ISO string ready for
  :func:`framing.loaders.dates.parse_published`.
* :func:`read_date_line` says whether a whole line is a date line: its
  dates, relative times ("Updated 2 hours ago": reported, never
  converted) and labels leave at most a few capitalised words (a name, a
  section label: "Region News 2 May 2015 10:10").
* :func:`is_timestamp` and :func:`is_reading_time` recognise lines that are
  only a time stamp ("3 June, 10:20 GMT") or a reading time
  ("6 min read").

All-numeric dates follow the rule of :mod:`framing.loaders.dates`: one part
above 12 settles the order; otherwise dotted dates are day-first and slashed
or dashed ones month-first, with a note.

Examples
--------
>>> [d.iso for d in find_dates("Published: 03rd June 2020 11:30 AM")]
['2020-06-03T11:30']
>>> find_dates("08:15 GMT 21.04.2023")[0].iso
'2023-04-21T08:15+00:00'
>>> line = read_date_line("Jane Roe Published May 3, 2021 - Updated May 4, 2021 08:04am")
>>> line.chosen.iso, line.chosen.label, line.lead
('2021-05-03', 'published', 'Jane Roe')
>>> read_date_line("Updated 2 hours ago").relative
'2 hours ago'
>>> read_date_line("Elections set for May 3, 2021") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from .layout_rules import date_words

__all__ = [
    "DateLine",
    "DateMention",
    "find_dates",
    "is_reading_time",
    "is_timestamp",
    "read_date_line",
]

# A date line holds few words besides its dates (a name, a section label,
# separators). Measured on the 24 pages of ../shared/datasets/layouts: the
# longest residue of a real date line is 3 words (an author's name); headlines
# that mention a date keep 4+ words including lower-case ones.
MAX_RESIDUE_WORDS = 5
# Words that may stay in a date line besides capitalised ones.
# A time stamp is a short line ("3 June 2021, 10:20 GMT" has 22 characters).
MAX_TIMESTAMP_CHARS = 60
# A reading-time note is a short line ("Reading time: 12 minutes" has 24 characters).
MAX_READING_TIME_CHARS = 60
_RESIDUE_OK = frozenset("by on at am pm a.m. p.m. de le la of the et y und ago".split())
# A site's domain printed on a date line ("example.com.cn").
_DOMAIN = re.compile(r"[\w-]{2,40}(?:\.[\w-]{2,40}){1,3}")
# What may stand between a date and its time: separators and a word for "at".
_CONNECTOR = re.compile(r"[ ,|@–—-]{0,6}(?:(?i:at|à|a las|um|alle|às|в|saat)[ ,]{1,2})?")
_SEPARATORS = re.compile(r"[|,()\[\]•·:;/–—=+*-]+|\bA\+A-")


@dataclass(frozen=True)
class DateMention:
    """One absolute date of a line, with its time and zone if printed next to it."""

    start: int
    end: int
    iso: str  # "2021-03-07", "2021-03-07T09:05", "2023-04-21T08:15+00:00"
    label: str | None  # "published", "updated" or None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class DateLine:
    """A line that is a date line (see :func:`read_date_line`)."""

    dates: tuple[DateMention, ...]
    relative: str | None  # a relative time, reported as such
    lead: str | None  # words before the first date or label (a name, a label)
    lead_before_label: bool  # the lead is followed by a publication label ("Name Published ...")
    notes: tuple[str, ...] = field(default=())

    @property
    def chosen(self) -> DateMention | None:
        """The publication date: a 'published' one, else the first not 'updated', else any."""
        for test in (
            lambda d: d.label == "published",
            lambda d: d.label != "updated",
            lambda d: True,
        ):
            for mention in self.dates:
                if test(mention):
                    return mention
        return None


@dataclass(frozen=True)
class _Patterns:
    full: tuple[re.Pattern[str], ...]
    partial: re.Pattern[str]
    time: re.Pattern[str]
    zone: re.Pattern[str]
    labels: re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    words = date_words()
    month = rf"(?<![^\W\d_])(?P<m>(?i:{words.month_pattern}))(?![^\W\d_])\.?"
    day = r"(?P<d>\d{1,2})(?:st|nd|rd|th|er|º|\.)?"
    day_after_month = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
    year = r"(?P<y>\d{4})(?:(?!\d)|(?=\d{1,2}:\d{2}))"  # "20215:07 PM": a glued time
    full = (
        re.compile(
            rf"(?<![\w])(?<!\d[./-]){day}[ ]{{1,2}}(?:de[ ])?{month},?[ ]{{1,2}}"
            rf"(?:de[ ]|del[ ])?{year}"
        ),
        re.compile(rf"{month}[ ]{{1,2}}{day_after_month},?[ ]{{1,2}}{year}"),
        re.compile(
            r"(?<![\d./-])(?P<y>\d{4})(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})(?![\d])"
        ),
        re.compile(
            r"(?<![\d./:-])(?P<a>\d{1,2})(?P<s>[./-])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4})(?![\d])"
        ),
    )
    partial = re.compile(
        rf"(?:(?<![\w])\d{{1,2}}(?:st|nd|rd|th)?[ ]{{1,2}}(?i:{words.month_pattern})(?![^\W\d_])\.?"
        rf"|(?<![^\W\d_])(?i:{words.month_pattern})(?![^\W\d_])\.?[ ]\d{{1,2}}(?!\d))"
    )
    zones = "|".join(sorted(words.zones, key=len, reverse=True))
    time = re.compile(
        r"(?<![:])(?P<h>\d{1,2})(?:[:h]|\.(?=\d{2}[ ]?(?:[AaPp]\.?[Mm]|GMT|UTC|BST|CET|CEST)))"
        r"(?P<min>\d{2})(?::\d{2})?"
        r"(?:[ ]?(?P<ampm>[AaPp]\.?[Mm]\.?)(?![A-Za-z]))?(?![\d])"
    )
    zone = re.compile(rf"\(?\b(?P<zone>{zones})\b(?:[ ]?(?P<off>[+-]\d{{1,2}}(?::?\d{{2}})?))?\)?")
    labels = "|".join(
        re.escape(w).replace(r"\ ", " ")
        for w in sorted((*words.published_labels, *words.updated_labels), key=len, reverse=True)
    )
    return _Patterns(
        full, partial, time, zone, re.compile(rf"(?i)(?<![\w])(?:{labels})(?![\w])[ ]?:?")
    )


def _label_of(text: str) -> str | None:
    words = date_words()
    found = None
    for match in _patterns().labels.finditer(text):
        phrase = match.group(0).rstrip(" :").casefold()
        found = "updated" if phrase in words.updated_labels else "published"
    return found


def _ymd(match: re.Match[str]) -> tuple[int, int, int, tuple[str, ...]] | None:
    groups = match.groupdict()
    year = int(groups["y"])
    if "a" in groups and groups.get("a") is not None:
        first, second, sep = int(groups["a"]), int(groups["b"]), groups["s"]
        if first > 12 or first == second:
            day, month = first, second
        elif second > 12:
            month, day = first, second
        else:
            day_first = sep == "."
            day, month = (first, second) if day_first else (second, first)
            reading = "day-first" if day_first else "month-first"
            why = (
                "dotted dates are written day-first"
                if day_first
                else ("slashed and dashed all-numeric dates are read month-first, as in US exports")
            )
            text = match.group(0)
            return (
                year,
                month,
                day,
                (
                    f"the date {text!r} could be day-first or month-first; read {reading} ({why}); "
                    "check it",
                ),
            )
        return year, month, day, ()
    month_text = groups["m"]
    if month_text.isdigit():
        month = int(month_text)
    else:
        month = date_words().month_of.get(month_text.casefold().rstrip("."), 0)
    return year, month, int(groups["d"]), ()


def _time_near(line: str, start: int, end: int) -> tuple[int, int, str | None, int, int] | None:
    """Hour, minute, offset and the widened span of a time printed next to a date."""
    patterns = _patterns()
    after = patterns.time.search(line, end, min(len(line), end + 14))
    before = None
    for match in patterns.time.finditer(line, max(0, start - 16), start):
        before = match
    chosen = None
    if before is not None and _CONNECTOR.fullmatch(
        _patterns().zone.sub("", line[before.end() : start])
    ):
        chosen = before
    elif after is not None and _CONNECTOR.fullmatch(line[end : after.start()]):
        chosen = after
    if chosen is None:
        return None
    hour, minute = int(chosen.group("h")), int(chosen.group("min"))
    ampm = (chosen.group("ampm") or "").casefold().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    span_start, span_end = min(start, chosen.start()), max(end, chosen.end())
    offset = None
    zone = patterns.zone.match(
        line, chosen.end() + (1 if line[chosen.end() : chosen.end() + 1] == " " else 0)
    )
    if zone is not None:
        offset = zone.group("off") or date_words().zones.get(zone.group("zone"))
        if zone.group("off"):
            sign, digits = zone.group("off")[0], zone.group("off")[1:].replace(":", "")
            digits = digits.zfill(2) if len(digits) <= 2 else digits.zfill(4)
            offset = f"{sign}{digits[:2]}:{digits[2:4] or '00'}"
        span_end = max(span_end, zone.end())
    return hour, minute, offset, span_start, span_end


def find_dates(line: str) -> list[DateMention]:
    """Every absolute date (day, month, year) of ``line``, in order (see the module docstring).

    Examples
    --------
    >>> [d.iso for d in find_dates("Mar 7, 2021, 9:05 PM")]
    ['2021-03-07T21:05']
    >>> [d.iso for d in find_dates("[19/11/2022 18:02]")]
    ['2022-11-19T18:02']
    >>> [d.iso for d in find_dates("le 5 août 2019 à 14h29")]
    ['2019-08-05T14:29']
    """
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern in _patterns().full:
        for match in pattern.finditer(line):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            parsed = _ymd(match)
            if parsed is None:
                continue
            year, month, day, notes = parsed
            try:
                date(year, month, day)
            except ValueError:
                continue
            taken.append(match.span())
            iso = f"{year:04d}-{month:02d}-{day:02d}"
            start, end = match.span()
            timed = _time_near(line, start, end)
            if timed is not None:
                hour, minute, offset, start, end = timed
                iso += f"T{hour:02d}:{minute:02d}" + (offset or "")
            found.append(DateMention(start, end, iso, None, notes))
    found.sort(key=lambda d: d.start)
    labelled = []
    previous_end = 0
    for mention in found:
        window = line[max(previous_end, mention.start - 30) : mention.start]
        labelled.append(
            DateMention(mention.start, mention.end, mention.iso, _label_of(window), mention.notes)
        )
        previous_end = mention.end
    return labelled


def _relative(line: str) -> re.Match[str] | None:
    for pattern in date_words().relative:
        match = pattern.search(line)
        if match:
            return match
    return None


def is_reading_time(line: str) -> bool:
    """True if ``line`` is a reading-time note ("6 min read", "12 minutes to read")."""
    if len(line) > MAX_READING_TIME_CHARS:
        return False
    words = date_words()
    for pattern in words.reading_time:
        match = pattern.search(line)
        if match:
            rest = (line[: match.start()] + " " + line[match.end() :]).strip(" .|•·-")
            return len(rest.split()) <= 2
    return False


def _residue(line: str, spans: list[tuple[int, int]]) -> str:
    kept = []
    last = 0
    for start, end in sorted(spans):
        kept.append(line[last:start])
        last = max(last, end)
    kept.append(line[last:])
    text = " ".join(kept)
    text = _patterns().labels.sub(" ", text)
    text = _patterns().zone.sub(" ", text)
    text = _patterns().time.sub(" ", text)
    return " ".join(_SEPARATORS.sub(" ", text).split())


def is_timestamp(line: str) -> bool:
    """True if ``line`` is only a time stamp with a time of day ("3 June, 10:20 GMT").

    A date alone ("September 19, 2014") is not one: it heads entries of
    timelines, which are article text.

    Examples
    --------
    >>> is_timestamp("3 June, 10:20 GMT"), is_timestamp("Talks on 3 June")
    (True, False)
    """
    patterns = _patterns()
    if len(line) > MAX_TIMESTAMP_CHARS or patterns.time.search(line) is None:
        return False
    spans = [(d.start, d.end) for d in find_dates(line)]
    spans += [m.span() for m in patterns.partial.finditer(line)]
    times = [m.span() for m in patterns.time.finditer(line)]
    return bool(times) and not _residue(line, spans + times)


def _residue_ok(residue: str) -> bool:
    words = residue.split()
    if len(words) > MAX_RESIDUE_WORDS:
        return False
    return all(
        w[:1].isupper() or w.casefold() in _RESIDUE_OK or w[:1].isdigit() or _DOMAIN.fullmatch(w)
        for w in words
    )


def read_date_line(line: str) -> DateLine | None:
    """The dates of ``line`` if it is a date line, else ``None`` (see the module docstring)."""
    if len(line) > 200:
        return None
    dates = find_dates(line)
    relative = _relative(line)
    if not dates and relative is None:
        return None
    spans = [(d.start, d.end) for d in dates]
    if relative is not None:
        spans.append(relative.span())
    if not _residue_ok(_residue(line, spans)):
        return None
    first = min(s for s, _ in spans)
    label = _patterns().labels.search(line[:first])
    lead_end = label.start() if label else first
    lead = " ".join(line[:lead_end].split()).strip(" |,;:()[]•·/–—-") or None
    notes = tuple(n for d in dates for n in d.notes)
    return DateLine(
        dates=tuple(dates),
        relative=relative.group(0) if relative is not None and not dates else None,
        lead=lead,
        lead_before_label=label is not None and lead is not None,
        notes=notes,
    )
