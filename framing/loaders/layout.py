"""Layout inference: headline, date, byline, dateline, outlet and body of a saved page.

A news page saved or pasted as text keeps its furniture: navigation and
logos, a headline (sometimes twice), a standfirst, a date line, a byline,
captions and photo credits, a dateline, share buttons, related links,
comment forms. :func:`infer_layout` reads the page line by line (single line
breaks are not joined first, see :mod:`framing.loaders.page_lines`) and:

1. finds where the body starts (:mod:`framing.loaders.body_start`): at the
   first dateline among the first lines, else at the first paragraph of
   running prose that is not a standfirst;
2. reads the head above it: the headline (the first headline-like line of
   four words or more; a page title with the site's suffix gives way to the
   same headline printed without it), the date (a publication date over an
   update; relative times such as "3 hours ago" are noted in ``meta`` and
   never converted; the dateline's date when it has a year; an archive's
   page-date marker last), the byline, and evidence of the outlet
   (:mod:`framing.loaders.outlet_evidence`);
3. cleans the body (:mod:`framing.loaders.body_clean`) with the furniture
   rules of ``framing/resources/furniture.json``.

Nothing is inferred for a field given explicitly (front matter, a column, a
CLI option): pass those in ``explicit``. Every inferred field says where it
came from in ``inferred`` (field -> rule and line number), which the loaders
put in ``meta["inferred"]``.

Examples
--------
>>> from framing.outlets import OutletRegistry
>>> page = "\\n".join([
...     "Share", "Ministers agree on port fees",
...     "By Jane Roe", "March 3, 2021 10:15",
...     "LONDON (Reuters) - Ministers agreed on new port fees on Wednesday.",
...     "The fees start in July.", "Leave a Comment", "Nice article!"])
>>> got = infer_layout(page.splitlines(), OutletRegistry.default())
>>> got.fields["title"], got.fields["byline"], got.fields["published"], got.fields["outlet"]
('Ministers agree on port fees', 'Jane Roe', '2021-03-03T10:15', 'reuters')
>>> got.body
['Ministers agreed on new port fees on Wednesday.', 'The fees start in July.']
>>> got.inferred["title"]
{'rule': 'headline: first headline-like line above the body', 'line': 2}
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from urllib.parse import urlsplit

from ..outlets import OutletRegistry
from .body_clean import BodyCut, body_lines, clean_body, strip_outlet_labels
from .body_start import find_body_start
from .bylines import is_person_name
from .date_lines import find_dates, read_date_line
from .datelines import Dateline
from .furniture import furniture_hit
from .layout_rules import date_words
from .outlet_evidence import registry_mentions
from .page_lines import PageLine, page_lines, word_count
from .page_state import MIN_TITLE_WORDS, InferredLayout, PageState, norm

__all__ = ["InferredLayout", "infer_layout"]

_TITLE_SUFFIX = re.compile(r"^(?P<title>.{8,300}?)[ ](?:[|]|[-–—]|::)[ ](?P<site>[^|–—]{2,40})$")


def _strip_page_date_marker(state: PageState) -> None:
    """The marker an archive put before the page's text (`` date 2021-03-07 ...``)."""
    for index, raw in enumerate(state.lines):
        if not raw.strip():
            continue
        match = date_words().page_date_marker.match(raw)
        if match:
            state.page_date = (match.group("date"), index + 1 + state.offset)
            state.lines[index] = raw[match.end() :]
        return


def _read_head(state: PageState, end: int) -> None:
    candidates: list[PageLine] = []
    for k in range(end):
        line = state.logical[k]
        hit = state.head_hits.get(k)
        if hit is not None:
            state.site_evidence(hit, line)
            continue
        kind = state.kind(k)
        if kind == "label" and state.registry.resolve(line.text):  # a site's name, or its logo
            state.evidence.add("site name", line.text, "site name line", state.number(line))
        elif kind == "headline" and k not in state.standfirsts:
            if word_count(line.text) >= MIN_TITLE_WORDS:
                candidates.append(line)
        elif kind == "date":
            _read_date_line(state, k)
        elif kind == "byline":
            state.take_byline(state.byline(k), line, line.text, "byline line above the body")
    if state.title_line is not None:
        candidates.insert(0, state.logical[state.title_line])
    _choose_title(state, candidates)


def _choose_title(state: PageState, candidates: list[PageLine]) -> None:
    texts = [norm(line.text) for line in candidates]
    for line in candidates:
        if state.registry.resolve(line.text):  # a site's name above its headline
            state.evidence.add("site name", line.text, "site name line", state.number(line))
            continue
        suffix = _TITLE_SUFFIX.match(line.text)
        if suffix and norm(suffix.group("title")) in texts:
            number = state.number(line)
            state.evidence.add("site name", suffix.group("site"), "page title suffix", number)
            continue  # the same headline is printed without the site's suffix
        twice = texts.count(norm(line.text)) > 1
        rule = "headline: first headline-like line above the body"
        state.infer(
            "title", line.text, rule + (", printed twice" if twice else ""), state.number(line)
        )
        return


def _read_date_line(state: PageState, k: int) -> None:
    found = state.date_line(k)
    line = state.logical[k]
    if found is None:
        return
    number = state.number(line)
    state.date_lines.append((found, number))
    if not found.lead:
        return
    byline = state.byline(k, found.lead)
    if byline is not None and (byline.authors or byline.desk):
        state.take_byline(byline, line, found.lead, "byline on the date line")
    elif found.lead_before_label and is_person_name(found.lead):
        if state.infer("byline", found.lead, "byline: name printed before the date", number):
            state.result.meta.setdefault("authors", [found.lead])
    else:  # "Xinhua) 10:05, ...", "Source: Xinhua | 2021-06-03", "Example Gazette5 hours ago"
        names = registry_mentions(found.lead, state.registry) or [found.lead]
        state.evidence.add("source line", names[0], "source name on the date line", number)


def _read_dateline(state: PageState, dateline: Dateline, line: PageLine) -> None:
    number = state.number(line)
    read = dateline.strength == "layout"  # the outlet's own layout reads it
    state.infer("dateline", dateline.place, f"dateline: {dateline.rule}", number, read=read)
    if dateline.credit:
        state.result.meta["dateline_credit"] = dateline.credit
        state.evidence.add("dateline credit", dateline.credit, "dateline credit", number)
    if dateline.date:
        state.result.meta["dateline_date"] = dateline.date
        dated = find_dates(dateline.date)
        if dated:
            state.dateline_published = (dated[0].iso, number)
    author = dateline.author
    if (
        author
        and is_person_name(author)
        and state.infer("byline", author, f"byline: {dateline.rule}", number)
    ):
        state.result.meta.setdefault("authors", [author])


def _choose_published(state: PageState) -> None:
    dated = [(f.chosen, number) for f, number in state.date_lines if f.chosen is not None]
    for wanted in ("published", "unlabelled", "updated"):
        for mention, number in dated:
            label = mention.label or "unlabelled"
            if label != wanted:
                continue
            rule = "date line" + (f" ({mention.label})" if mention.label else "")
            if state.infer("published", mention.iso, rule, number):
                index = number - 1 - state.offset
                state.result.meta.setdefault("published_text", state.lines[index].strip())
                for note in mention.notes:
                    state.warn(note)
            return
    if state.dateline_published:
        iso, number = state.dateline_published
        state.infer("published", iso, "dateline date with its year", number)
        return
    relative = next((f.relative for f, _ in state.date_lines if f.relative), None)
    if relative:
        state.result.meta["published_relative"] = relative
    if state.page_date:
        date, number = state.page_date
        state.infer("published", date, "archive page-date marker", number)
    elif relative and "published" not in state.explicit:
        state.warn(f"the page gives only a relative time ({relative!r}); the date is left unknown")


def _choose_outlet(state: PageState, url: str | None, cut: BodyCut | None) -> None:
    if url:
        state.evidence.add("url", url, "page URL", None)
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
        state.evidence.add("url host", host.removeprefix("www."), "page URL host", None)
    found = state.evidence.resolve()
    if found is None:
        return
    outlet_id, name, rule, number, kind = found
    known = outlet_id in state.registry
    if state.infer("outlet", outlet_id if known else name, f"outlet: {rule}", number):
        state.result.meta["outlet_from"] = kind
    names = {name}
    if known:
        outlet = state.registry[outlet_id]
        names.update((outlet.name, *outlet.aliases))
    if cut is not None:
        strip_outlet_labels(state, cut, names)


def _keep_apart(text: str) -> bool:
    """Lines never joined to the next: date lines and furniture."""
    return read_date_line(text) is not None or furniture_hit(text, "head") is not None


def infer_layout(
    lines: Sequence[str],
    registry: OutletRegistry,
    *,
    explicit: Collection[str] = (),
    url: str | None = None,
    layout_dateline: re.Pattern[str] | None = None,
    line_offset: int = 0,
) -> InferredLayout:
    """Infer a page's layout from its lines (see the module docstring).

    Parameters
    ----------
    lines : sequence of str
        The page's lines (front matter or an outlet layout's header removed).
    registry : OutletRegistry
        For wire credits, outlet names and aliases.
    explicit : collection of str
        Fields given explicitly (``title``, ``published``, ``byline``,
        ``dateline``, ``outlet``): never inferred, though their lines are
        still recognised and kept out of the body.
    url : str, optional
        The page's address, evidence of the outlet.
    layout_dateline : re.Pattern, optional
        An outlet layout's own dateline pattern, tried first.
    line_offset : int
        Lines of the file above ``lines`` (so that line numbers are the file's).

    Returns
    -------
    InferredLayout
        ``body`` (the body's lines), ``fields`` (title, published as an ISO
        string, byline, dateline, outlet), ``inferred`` (field -> rule and
        line) and ``meta`` (dateline credit and date, authors, desk, relative
        time, page-date marker, body start, removed furniture by rule).
    """
    state = PageState(lines, registry, explicit, line_offset, layout_dateline)
    _strip_page_date_marker(state)
    state.logical = page_lines(state.lines, keep_apart=_keep_apart)
    cut = None
    if state.logical:
        start, dateline, why = find_body_start(state)
        _read_head(state, start)
        first_text = None
        if dateline is not None:
            _read_dateline(state, dateline, state.logical[start])
            if not dateline.whole_line:
                first_text = state.logical[start].text[dateline.end :].lstrip()
        cut = clean_body(state, start, first_text, dateline is not None and dateline.whole_line)
        if start > 0 or (dateline is not None and dateline.strength != "layout"):
            state.result.meta["body_start"] = {
                "rule": why,
                "line": state.number(state.logical[start]),
            }
    _choose_published(state)
    _choose_outlet(state, url, cut)
    if state.page_date:
        state.result.meta["page_date_marker"] = state.page_date[0]
    if state.removed:
        state.result.meta["furniture"] = state.removed
    state.result.body = body_lines(state, cut) if cut is not None else []
    return state.result
