"""Where the body of a saved page starts.

The body starts at the first **dateline** among the page's first lines, or,
without one, at the first paragraph of running prose that is not a
**standfirst**. A standfirst is a prose paragraph of the head: one followed
by a date line, a byline, a reading time or a repeated headline, or one that
most of a later paragraph repeats (the lead printed twice).

An agency dateline (``BEIRUT (Reuters) -``) may follow one unexplained
prose paragraph when that paragraph sits under a headline (a standfirst of
another form); a bare place dateline (``TEHRAN –``, ``ISLAMABAD:``) none, so
that a body paragraph that happens to begin with a capitalised word and a
colon, or a quoted agency story further down, never cuts the body.
Head furniture (``furniture.json`` rules of scope ``head``) is skipped on the
way, including blocks such as a subscription appeal.
"""

from __future__ import annotations

from .date_lines import is_reading_time
from .datelines import Dateline, match_dateline
from .furniture import furniture_hit
from .page_lines import word_count
from .page_state import PageState, norm

__all__ = ["find_body_start"]

# Lines scanned for the start of the body (logical, non-blank). The furthest
# body start on the layouts dev pages is line 27 (after a subscription appeal).
MAX_HEAD_LINES = 60
# A standfirst repeated later on the page is recognised by its first
# characters: enough of them to be a sentence, not a phrase.
MIN_REPEAT_CHARS = 20
# ...and most of the later paragraph: a standfirst repeats the lead (TASS,
# Trend: 85-100% of it), while a quote repeated inside a longer paragraph is
# article text (seen in the PTC articles).
MIN_REPEAT_SHARE = 0.6
# A first line ending with a full stop is read as the headline above an agency
# dateline when it is this short (headlines of the PolNeAR texts: 5-16 words).
MAX_STOP_HEADLINE_WORDS = 20


def _standfirst(state: PageState, k: int, headlines: list[str], first: bool) -> bool:
    """Whether prose line ``k`` is a standfirst.

    ``first``: no standfirst was found above it by what follows it; only one
    such standfirst is taken, right under a headline, so that quotes each
    followed by a "Name, Outlet" line are not all taken for standfirsts.
    """
    logical = state.logical
    under_headline = k > 0 and state.kind(k - 1) in ("headline", "label", "date", "byline")
    if first and headlines and under_headline and k + 1 < len(logical):
        nxt = logical[k + 1]
        if state.kind(k + 1) in ("date", "byline") or is_reading_time(nxt.text):
            return True
        if norm(nxt.text) in headlines:
            return True
    if _repeated(state, k):
        state.repeats.add(k)
        return True
    return False


def _repeated(state: PageState, k: int) -> bool:
    """Most of a later paragraph repeats line ``k``, up to a sentence end."""
    logical = state.logical
    core = norm(logical[k].text).rstrip(".!?…\"”’') ")
    if len(core) >= MIN_REPEAT_CHARS:
        for later in logical[k + 1 : k + MAX_HEAD_LINES]:
            text = norm(later.text)
            if (
                text.startswith(core)
                and len(core) >= MIN_REPEAT_SHARE * len(text)
                and text[len(core) : len(core) + 1] in ("", ".", "!", "?", "…", '"', "”", "’", "'")
            ):  # the repeat ends where a sentence of the later paragraph ends
                return True
    return False


def _skip_block(state: PageState, k: int) -> int:
    """Last line of a head furniture block opened at ``k`` (``k`` itself if none)."""
    hit = state.head_hits[k]
    rule = hit.rule
    if rule.action != "drop-block" or rule.block != "until" or rule.until is None:
        return k
    logical = state.logical
    for j in range(k + 1, min(len(logical), k + 1 + rule.max_lines)):
        if rule.until.search(logical[j].text):
            for inner in range(k + 1, j + 1):
                state.head_hits[inner] = hit
            return j
    return k


def _fallback(state: PageState) -> int:
    """No prose paragraph: the first line that is not furniture, metadata or the headline."""
    title_seen = "title" in state.explicit
    for k in range(len(state.logical)):
        if k in state.head_hits:
            continue
        kind = state.kind(k)
        if kind in ("date", "byline"):
            continue
        if kind == "headline" and not title_seen:
            title_seen = True
            continue
        return k
    return 0


def _headline_with_a_stop(state: PageState, candidate: int | None, k: int) -> bool:
    """The page opens with a short sentence, a blank line, then an agency dateline.

    Corpora that store the headline as the first line often end it with a
    full stop ("Harbour fees rise after a long debate."); the agency
    dateline under it shows that it heads the story.
    """
    if candidate != 0 or k != 1:
        return False
    return (
        word_count(state.logical[0].text) <= MAX_STOP_HEADLINE_WORDS
        and state.logical[1].blank_before
    )


def _short_opening(state: PageState, k: int) -> int:
    """Move the start up over short sentences right above it ("He left.").

    A line of two or three words that ends a sentence and is no furniture
    opens the body with the prose under it: labels and kickers do not end
    with a full stop. A paragraph skipped only because a later one repeats it
    is taken back too when it sits right above the start.
    """
    while k > 0 and k - 1 not in state.head_hits:
        above = state.logical[k - 1].text
        repeat = k - 1 in state.repeats  # its sentences are in the body anyway
        short = (
            state.kind(k - 1) == "label"
            and above.rstrip("\"”’')").endswith(".")
            and word_count(above) >= 2
            and not above.rstrip().endswith("..")
        )
        if not (repeat or short):
            break
        k -= 1
    return k


def find_body_start(state: PageState) -> tuple[int, Dateline | None, str]:
    """``(index of the first body line, its dateline or None, the rule that decided)``."""
    unexplained = 0
    candidate: int | None = None
    under_headline = False  # the candidate paragraph sits under a headline
    headlines: list[str] = []
    skip_until = -1
    for k, line in enumerate(state.logical[:MAX_HEAD_LINES]):
        if k <= skip_until:
            continue
        hit = furniture_hit(line.text, "head")
        if hit is not None:
            state.head_hits[k] = hit
            skip_until = _skip_block(state, k)
            continue
        dateline = match_dateline(line.text, state.credits, state.layout_dateline)
        if (  # a place alone on a line is a dateline only right above a paragraph
            dateline is not None
            and dateline.whole_line
            and dateline.strength == "place"
            and (k + 1 >= len(state.logical) or state.kind(k + 1) != "prose")
        ):
            dateline = None
        if dateline is not None:
            strong = dateline.strength != "place"
            if unexplained == 0 or (strong and unexplained == 1 and under_headline):
                return k, dateline, f"dateline ({dateline.rule})"
            if strong and unexplained == 1 and _headline_with_a_stop(state, candidate, k):
                state.title_line = candidate
                return k, dateline, f"dateline ({dateline.rule}) under a headline"
        kind = state.kind(k)
        if kind == "headline":
            headlines.append(norm(line.text))
        if kind != "prose":
            continue
        if _standfirst(state, k, headlines, not state.standfirsts):
            state.standfirsts.add(k)
            continue
        if candidate is None:
            candidate = k
            under_headline = bool(headlines)
        unexplained += 1
        if unexplained > 1:
            break
    if candidate is not None:
        return _short_opening(state, candidate), None, "first paragraph of running prose"
    return _fallback(state), None, "first line after the head (no prose paragraph found)"
