"""The body of a saved page, without its furniture.

From the first body line on, every line is tested against the furniture
rules of scope ``body`` (``framing/resources/furniture.json``); a rule removes
its line, a block (related links under "READ MORE", a teaser's time stamp and
headline, a subscription appeal up to its buttons), a social widget with the
site name above it, or, for comment forms, the rest of the page once a body
paragraph has been read. A byline right under the dateline is taken out, and
after the last paragraph of prose, trailing furniture and short labels
("Top Stories", "Save") are cut. Lines of prose are only removed by rules
that say so (captions ending with a photo credit, appeals, social prompts).

The kept lines go back as the file's own lines, with the blank lines between
them, so that paragraphs are split as the page had them.
"""

from __future__ import annotations

from .furniture import FurnitureHit, furniture_hit, headline_like
from .page_lines import PageLine, is_prose, word_count
from .page_state import MAX_LABEL_WORDS, PageState

__all__ = ["BodyCut", "body_lines", "clean_body", "strip_outlet_labels"]

# A byline may sit this many lines into the body (under the dateline).
BYLINE_BODY_LINES = 3
# The short line above an "on YouTube" widget line names the site.
MAX_WIDGET_NAME_WORDS = 5
# A site's label at the start of a paragraph ("Example PressWorld news:") ends
# with a colon within this many characters after the name, and has at most
# five words.
LABEL_PREFIX_CHARS = 40
# A comment form cuts the rest of the page only when at most this many
# paragraphs of prose follow it (a poll or sign-up form inside an article is
# followed by the rest of the article: seen in the PTC articles). On the
# layouts dev pages no prose follows a comment form.
MAX_PROSE_AFTER_CUT = 3
MAX_LABEL_PREFIX_WORDS = 5


class BodyCut:
    """The kept lines of the body and the edits of their text."""

    def __init__(self, start: int, first_text: str | None) -> None:
        self.start = start
        self.first_text = first_text  # the first line without its dateline
        self.kept: list[int] = []
        self.labels: dict[int, int] = {}  # line index -> characters of site label to cut

    def text(self, state: PageState, index: int) -> str:
        if index == self.start and self.first_text is not None:
            return self.first_text
        return state.logical[index].text


def _prose_follows(logical: list[PageLine], index: int) -> bool:
    """More paragraphs of prose after ``index`` than a comment form is followed by."""
    paragraphs = 0
    for line in logical[index + 1 :]:
        if is_prose(line.text) and furniture_hit(line.text, "tail") is None:
            paragraphs += 1
            if paragraphs > MAX_PROSE_AFTER_CUT:
                return True
    return False


def _takes(line: PageLine) -> bool:
    """A block takes headline-like lines, never running prose."""
    return headline_like(line.text) and not is_prose(line.text)


def _apply(state: PageState, hit: FurnitureHit, index: int, cut: BodyCut, seen: bool) -> int:
    """Apply a furniture rule at ``index``; return the next index to read."""
    logical, rule = state.logical, hit.rule
    state.site_evidence(hit, logical[index])
    if rule.action == "cut-rest" and seen and not _prose_follows(logical, index):
        for later in logical[index:]:
            state.remove(rule.name, later)
        return len(logical)
    state.remove(rule.name, logical[index])
    nxt = index + 1
    if rule.action == "drop-block":
        if rule.block == "until" and rule.until is not None:
            for j in range(nxt, min(len(logical), nxt + rule.max_lines)):
                if rule.until.search(logical[j].text):
                    for inner in logical[nxt : j + 1]:
                        state.remove(rule.name, inner)
                        if rule.site_mentions:
                            state.mentions(inner, rule.name)
                    return j + 1
            return nxt
        limit = 1 if rule.block == "next-headline" else rule.max_lines
        taken = 0
        while nxt < len(logical) and taken < limit and _takes(logical[nxt]):
            state.remove(rule.name, logical[nxt])
            nxt += 1
            taken += 1
    elif rule.action == "drop-with-previous" and cut.kept:
        previous = logical[cut.kept[-1]]
        if word_count(previous.text) <= MAX_WIDGET_NAME_WORDS and headline_like(previous.text):
            cut.kept.pop()
            state.remove(rule.name, previous)
            state.evidence.add(
                "site name", previous.text, f"site name: {rule.name}", state.number(previous)
            )
    return nxt


def _trim_tail(state: PageState, cut: BodyCut) -> None:
    """Cut furniture and short labels after the last paragraph of prose."""
    logical, kept = state.logical, cut.kept
    last_prose = max((i for i in kept if is_prose(logical[i].text)), default=None)
    if last_prose is None:
        return
    while kept and kept[-1] > last_prose:
        line = logical[kept[-1]]
        hit = furniture_hit(line.text, "tail")
        label = (
            word_count(line.text) <= MAX_LABEL_WORDS
            and headline_like(line.text)
            and not any(c.isdigit() for c in line.text)
            and ":" not in line.text.rstrip(":")
        )
        if hit is None and not label:
            break
        if hit is not None:
            state.site_evidence(hit, line)
        state.remove(hit.rule.name if hit else "trailing label", line)
        kept.pop()


def clean_body(state: PageState, start: int, first_text: str | None, skip_first: bool) -> BodyCut:
    """Read the body from ``start`` (see the module docstring)."""
    cut = BodyCut(start, first_text)
    logical = state.logical
    index = start + 1 if skip_first else start
    seen_prose = False
    while index < len(logical):
        line = logical[index]
        text = cut.text(state, index)
        hit = furniture_hit(text, "body")
        if hit is None and not seen_prose and len(cut.kept) < BYLINE_BODY_LINES:
            found = state.byline(index, text)
            if found is not None:
                state.take_byline(found, line, text, "byline line under the dateline")
                state.remove("byline", line)
                index += 1
                continue
        if hit is None:
            cut.kept.append(index)
            seen_prose = seen_prose or is_prose(text)
            index += 1
            continue
        index = _apply(state, hit, index, cut, seen_prose)
    _trim_tail(state, cut)
    return cut


def strip_outlet_labels(state: PageState, cut: BodyCut, names: set[str]) -> None:
    """Take the site's own label off the start of body lines ("Example PressWorld news: ...")."""
    names = {n for n in names if len(n) >= 4}
    for index in cut.kept:
        text = cut.text(state, index)
        for name in names:
            if not text.startswith(name):
                continue
            colon = text.find(":", len(name), LABEL_PREFIX_CHARS + len(name))
            if 0 < colon < len(text) - 1 and word_count(text[:colon]) <= MAX_LABEL_PREFIX_WORDS:
                cut.labels[index] = colon + 1
                state.remove("site label", state.logical[index])
                break


def body_lines(state: PageState, cut: BodyCut) -> list[str]:
    """The body's file lines: kept lines, the blank lines between them, edits applied."""
    if not cut.kept:
        return []
    keep: dict[int, str | None] = {}
    for index in cut.kept:
        line: PageLine = state.logical[index]
        for raw in range(line.first, line.last + 1):
            keep[raw] = None
        text = None
        if index == cut.start and cut.first_text is not None:
            text = cut.first_text
        if index in cut.labels:
            text = (text if text is not None else line.text)[cut.labels[index] :].lstrip()
        if text is not None:
            keep[line.first] = text
            for raw in range(line.first + 1, line.last + 1):
                keep.pop(raw, None)  # an edited line stands for the whole logical line
    out = []
    for raw in range(min(keep), max(keep) + 1):
        if raw in keep:
            out.append(keep[raw] if keep[raw] is not None else state.lines[raw])
        elif not state.lines[raw].strip():
            out.append("")
    return out
