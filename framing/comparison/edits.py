"""Word-level edits inside aligned sentence pairs.

Aligned sentences are compared word by word with
:class:`difflib.SequenceMatcher` on comparison keys: Snowball stems of
case-folded words (so "deport" / "deported" is no change), numbers without
separators, abbreviations without points, and a mark on words inside a short
quotation (one to :data:`SCARE_QUOTE_WORDS` words), so that scare quotes
(Israeli -> "Israeli") are a change. Its opcodes become *edits*:

* spans that are variants of one another (U.S. / US, Oct. / October,
  defence / defense; :mod:`framing.comparison.variants`) are no change;
* a deletion next to an insertion (at most :data:`MERGE_GAP` words apart)
  is one replacement;
* a changed stretch that reappears elsewhere in the pair (a clause moved to
  the front, :data:`MOVED_SHARED` content words in common) is compared with
  its new place rather than reported as dropped and added;
* replacements are candidates for the substitutions (or rewordings) table,
  deletions for the omissions table and insertions for the additions table.

The citing sentence's attribution frame (", CNN wrote", "According to CNN,")
is left out before comparing, so it never counts as an addition.

Examples
--------
>>> text = 'Officials said the Israeli army attacked the camp.'
>>> other = 'Officials claimed the "Israeli" army stormed the camp.'
>>> edits = diff_words(words_of(text, 0, len(text)), words_of(other, 0, len(other)))
>>> [(text[e.source_start:e.source_end], other[e.citing_start:e.citing_end]) for e in edits]
[('said', 'claimed'), ('Israeli', 'Israeli'), ('attacked', 'stormed')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

import pandas as pd
from nltk.stem.snowball import SnowballStemmer

from ..features.lexicon import DEFAULT_LEXICONS, Lexicon
from ..features.matcher import LoadedTermMatcher
from .variants import are_variants

__all__ = [
    "ADDITION_COLUMNS",
    "OMISSION_COLUMNS",
    "Edit",
    "Word",
    "diff_words",
    "edit_row",
    "has_span_within",
    "is_function_word",
    "quotation_spans",
    "words_of",
]

OMISSION_COLUMNS: tuple[str, ...] = (
    "level",
    "source_index",
    "citing_index",
    "text",
    "start",
    "end",
    "kind",
    "loaded",
)
ADDITION_COLUMNS: tuple[str, ...] = OMISSION_COLUMNS

# Words, abbreviations with points (U.S.) and numbers with separators (1,200)
# are tokens; hyphenated compounds are split ("Hamas-run" -> Hamas, run).
_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|\d+(?:[.,]\d+)*%?|[^\W_]+(?:['’][^\W_]+)*")
_QUOTE = re.compile(r"[“\"]([^“”\"\n]{1,200})[”\"]|(?<![^\W_])[‘']([^‘’'\n]{1,60})[’'](?![^\W_])")
_STEMMER = SnowballStemmer("english")
_FUNCTION = frozenset(
    "a an the of to in on at by for from with and or but as is are was were be been being has "
    "have had it its this that these those there their his her he she they them we i you which "
    "who whom whose will would can do does did so than then also into onto over under about "
    "after before while during since up out off such any all both each other another among "
    "between within without through across toward towards upon per via".split()
)
_CAVEAT = frozenset(
    "although though however but while whereas unless may might could possibly perhaps some "
    "unclear uncertain yet reportedly allegedly likely unlikely caveat except only partly "
    "appear appears appeared seem seems seemed suggest suggests if not".split()
)
# A quoted word, or a quoted name of at most this many words, is scare-quoted ("Israeli").
SCARE_QUOTE_WORDS = 2
# A deletion and an insertion at most this many words apart are one replacement
# ("said another whistleblower" -> "the whistleblower claimed").
MERGE_GAP = 2
# ... when each holds at most this many content words (longer ones are separate edits).
MERGE_WORDS = 3
# A word or two added or dropped at most this many words from a replacement join it.
ATTACH_GAP = 1
# A changed source stretch and a changed citing stretch elsewhere in the pair that
# share this many content words are the same text moved, and are compared.
MOVED_SHARED = 3


@dataclass(frozen=True)
class Word:
    """A word with its offsets in the article text, its stem and comparison key."""

    text: str
    start: int
    end: int
    stem: str
    key: str = ""
    quoted: bool = False


def is_function_word(word: Word | str) -> bool:
    """A function word (article, preposition, auxiliary, pronoun...)."""
    text = getattr(word, "text", word)
    return text.casefold().replace("’", "'").removesuffix("'s") in _FUNCTION


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted passages, inside the marks.

    Examples
    --------
    >>> text = 'A "massive" raid, told to \\'shout\\' and “leave now,” it said.'
    >>> [text[s:e] for s, e in quotation_spans(text)]
    ['massive', 'shout', 'leave now,']
    """
    return [m.span(1) if m.group(1) is not None else m.span(2) for m in _QUOTE.finditer(text)]


@lru_cache(maxsize=200_000)
def _stem(folded: str) -> str:
    return _STEMMER.stem(folded)


@lru_cache(maxsize=200_000)
def _key(token: str) -> str:
    folded = token.casefold().replace("’", "'")
    if folded[:1].isdigit():
        return folded.replace(",", "")
    if "." in folded:
        return folded.replace(".", "")
    return _stem(folded.removesuffix("'s"))


def _scare_quote(text: str, start: int, end: int) -> bool:
    """A quoted word, or a quoted name of at most SCARE_QUOTE_WORDS words ("Sde Teiman"),
    not a quoted phrase ("expressed frustration")."""
    inside = _WORD.findall(text, start, end)
    return len(inside) == 1 or (
        len(inside) <= SCARE_QUOTE_WORDS and all(w[:1].isupper() for w in inside)
    )


def words_of(
    text: str,
    start: int,
    end: int,
    skip: Sequence[tuple[int, int]] = (),
    quotes: Sequence[tuple[int, int]] | None = None,
) -> list[Word]:
    """Words of ``text[start:end]`` with article offsets, leaving out ``skip`` ranges.

    ``quotes`` are the article's quotation spans (default: found in ``text``);
    a word inside a short one is marked ``quoted``.

    Examples
    --------
    >>> [w.stem for w in words_of("Troops were deported, CNN said.", 0, 31, skip=[(21, 30)])]
    ['troop', 'were', 'deport']
    >>> [(w.text, w.quoted) for w in words_of('The "Israeli" U.S. envoy', 0, 24)]
    [('The', False), ('Israeli', True), ('U.S.', False), ('envoy', False)]
    """
    if quotes is None:
        quotes = quotation_spans(text)
    short = [(a, b) for a, b in quotes if b > start and a < end and _scare_quote(text, a, b)]
    words = []
    for match in _WORD.finditer(text, start, end):
        if any(s <= match.start() < e for s, e in skip):
            continue
        token = match.group()
        quoted = any(a <= match.start() < b for a, b in short)
        key = _key(token)
        words.append(
            Word(
                token,
                match.start(),
                match.end(),
                _stem(token.casefold()),
                key + ('"' if quoted else ""),
                quoted,
            )
        )
    return words


def content(words: Sequence[Word]) -> list[Word]:
    """The words that are not function words."""
    return [w for w in words if not is_function_word(w)]


@dataclass(frozen=True)
class Edit:
    """One edit of an aligned pair: word ranges and character offsets of each side.

    ``source_words`` / ``citing_words`` are the changed words (empty for an
    insertion / a deletion); offsets run from the first to the last of them.
    """

    source_words: tuple[Word, ...]
    citing_words: tuple[Word, ...]
    source_position: int
    citing_position: int

    @property
    def tag(self) -> str:
        if self.source_words and self.citing_words:
            return "replace"
        return "delete" if self.source_words else "insert"

    @property
    def source_start(self) -> int | None:
        return self.source_words[0].start if self.source_words else None

    @property
    def source_end(self) -> int | None:
        return self.source_words[-1].end if self.source_words else None

    @property
    def citing_start(self) -> int | None:
        return self.citing_words[0].start if self.citing_words else None

    @property
    def citing_end(self) -> int | None:
        return self.citing_words[-1].end if self.citing_words else None


def _phrase(words: Sequence[Word], text: str | None) -> str:
    if not words:
        return ""
    if text is None:
        return " ".join(w.text for w in words)
    return text[words[0].start : words[-1].end]


def _form(word: Word, text: str | None) -> str:
    """The word with a point that follows it ("Oct" + "." -> "Oct."), for abbreviations."""
    if text is not None and text[word.end : word.end + 1] == "." and word.text[:1].isupper():
        return word.text + "."
    return word.text


def _same(a: Word, b: Word, s_text: str | None, c_text: str | None) -> bool:
    return a.quoted == b.quoted and are_variants(_form(a, s_text), _form(b, c_text))


def _trim_variants(
    src: list[Word], cit: list[Word], s_text: str | None, c_text: str | None
) -> tuple[list[Word], list[Word]]:
    """Drop leading and trailing word pairs that are variants ("Oct." / "October")."""
    while src and cit and _same(src[0], cit[0], s_text, c_text):
        src, cit = src[1:], cit[1:]
    while src and cit and _same(src[-1], cit[-1], s_text, c_text):
        src, cit = src[:-1], cit[:-1]
    if (
        src
        and cit
        and not any(w.quoted for w in (*src, *cit))
        and are_variants(_phrase(src, s_text), _phrase(cit, c_text))
    ):
        return [], []
    return src, cit


def _chunks(
    source_words: Sequence[Word],
    citing_words: Sequence[Word],
    source_text: str | None,
    citing_text: str | None,
    offset: tuple[int, int] = (0, 0),
) -> list[list[int]]:
    """Non-equal opcodes as ``[i1, i2, j1, j2]``, without variant pairs at their ends."""
    matcher = SequenceMatcher(
        None, [w.key for w in source_words], [w.key for w in citing_words], autojunk=False
    )
    chunks: list[list[int]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        src, cit = list(source_words[i1:i2]), list(citing_words[j1:j2])
        src2, cit2 = _trim_variants(src, cit, source_text, citing_text)
        if not src2 and not cit2:
            continue
        i1 += next((k for k, w in enumerate(src) if src2 and w is src2[0]), len(src))
        j1 += next((k for k, w in enumerate(cit) if cit2 and w is cit2[0]), len(cit))
        chunks.append(
            [i1 + offset[0], i1 + len(src2) + offset[0], j1 + offset[1], j1 + len(cit2) + offset[1]]
        )
    return chunks


def _content_keys(words: Sequence[Word]) -> set[str]:
    return {w.key.rstrip('"') for w in content(words)}


def _pair_moved(
    chunks: list[list[int]],
    source_words: Sequence[Word],
    citing_words: Sequence[Word],
    source_text: str | None,
    citing_text: str | None,
) -> list[list[int]]:
    """Re-diff text that moved: a changed source stretch and a changed citing stretch
    elsewhere that share :data:`MOVED_SHARED` content words are compared with each other."""
    out = [c[:] for c in chunks]
    extra: list[list[int]] = []
    while True:
        best, pair = 0, None
        for a, ca in enumerate(out):
            keys_a = _content_keys(source_words[ca[0] : ca[1]])
            if len(keys_a) < MOVED_SHARED:
                continue
            for b, cb in enumerate(out):
                keys_b = _content_keys(citing_words[cb[2] : cb[3]])
                if a == b or len(keys_b) < MOVED_SHARED:
                    continue
                shared = len(keys_a & keys_b)
                if shared > best:
                    best, pair = shared, (a, b)
        if pair is None or best < MOVED_SHARED:
            break
        a, b = pair
        ca, cb = out[a], out[b]
        extra += _chunks(
            source_words[ca[0] : ca[1]],
            citing_words[cb[2] : cb[3]],
            source_text,
            citing_text,
            (ca[0], cb[2]),
        )
        ca[1] = ca[0]  # the source side of a is used; its citing side stays an insertion
        cb[3] = cb[2]
    chunks = [c for c in out + extra if c[1] > c[0] or c[3] > c[2]]
    return sorted(chunks, key=lambda c: (c[0], c[2]))


def _one_sided(chunk: list[int], source_words: Sequence[Word], citing_words: Sequence[Word]) -> int:
    """+1: only the source side has content words; -1: only the citing side; 0: else."""
    s = bool(content(source_words[chunk[0] : chunk[1]]))
    c = bool(content(citing_words[chunk[2] : chunk[3]]))
    return 1 if s and not c else -1 if c and not s else 0


def diff_words(
    source_words: Sequence[Word],
    citing_words: Sequence[Word],
    source_text: str | None = None,
    citing_text: str | None = None,
) -> list[Edit]:
    """The edits that turn ``source_words`` into ``citing_words`` (see module docstring)."""
    chunks = _chunks(source_words, citing_words, source_text, citing_text)
    chunks = _pair_moved(chunks, source_words, citing_words, source_text, citing_text)
    merged: list[list[int]] = []
    for chunk in chunks:
        if merged:
            p = merged[-1]
            sides = (
                _one_sided(p, source_words, citing_words),
                _one_sided(chunk, source_words, citing_words),
            )
            near = 0 <= chunk[0] - p[1] <= MERGE_GAP and 0 <= chunk[2] - p[3] <= MERGE_GAP
            small = all(
                len(content(source_words[c[0] : c[1]])) <= MERGE_WORDS
                and len(content(citing_words[c[2] : c[3]])) <= MERGE_WORDS
                for c in (p, chunk)
            )
            sizes = [
                len(content(source_words[c[0] : c[1]])) + len(content(citing_words[c[2] : c[3]]))
                for c in (p, chunk)
            ]
            balanced = abs(sizes[0] - sizes[1]) <= 1  # a word for a word, a phrase for a phrase
            if near and small and balanced and sides[0] and sides[0] == -sides[1]:
                p[1], p[3] = max(p[1], chunk[1]), max(p[3], chunk[3])
                continue
            # a word or two added or dropped next to a replacement belong to it
            # ("threats of military force" -> "warnings of possible military action")
            touching = chunk[0] - p[1] <= ATTACH_GAP and chunk[2] - p[3] <= ATTACH_GAP
            if (
                touching
                and small
                and (sides == (0, -1) or sides == (0, 1) or sides == (1, 0) or sides == (-1, 0))
            ):
                p[1], p[3] = max(p[1], chunk[1]), max(p[3], chunk[3])
                continue
        merged.append(chunk[:])
    from .phrases import realign  # (it uses this module's words)

    merged = realign(merged, source_words, citing_words)
    return [
        Edit(tuple(source_words[i1:i2]), tuple(citing_words[j1:j2]), i1, j1)
        for i1, i2, j1, j2 in merged
    ]


def kind_of_omission(words: Sequence[Word], loaded: bool) -> str:
    """``caveat``, ``actor``, ``qualifier``, ``loaded`` or ``other``."""
    folded = {w.text.casefold() for w in words}
    if folded & _CAVEAT and len(words) >= 3:
        return "caveat"
    if any(w.text[:1].isupper() for w in words) or "against" in folded:
        return "actor"
    if len(content(words)) <= 2:
        return "qualifier"
    return "loaded" if loaded else "other"


def kind_of_addition(words: Sequence[Word], loaded: bool) -> str:
    """``loaded_modifier``, ``loaded_phrase``, ``actor``, ``qualifier`` or ``other``."""
    if loaded:
        return "loaded_modifier" if len(words) <= 3 else "loaded_phrase"
    if any(w.text[:1].isupper() for w in words):
        return "actor"
    return "qualifier" if len(content(words)) <= 2 else "other"


def edit_row(
    level: str,
    source_index: int | None,
    citing_index: int | None,
    text: str,
    start: int,
    end: int,
    kind: str,
    loaded: bool,
) -> dict:
    """One row of the omissions or additions table (``text[start:end]`` is the edit)."""
    return {
        "level": level,
        "source_index": source_index,
        "citing_index": citing_index,
        "text": text[start:end],
        "start": start,
        "end": end,
        "kind": kind,
        "loaded": loaded,
    }


def has_span_within(spans: pd.DataFrame, start: int, end: int) -> bool:
    """Does any loaded span lie inside ``[start, end)``?"""
    return bool(len(spans) and ((spans["start"] >= start) & (spans["end"] <= end)).any())


def loaded_spans(text: str, lexicons: object = None) -> pd.DataFrame:
    """Loaded-term spans of one text (one row per span, strongest entry first);
    ``lexicons=None`` uses the default ones (with a matcher compiled once)."""
    matcher = default_matcher() if lexicons is None else LoadedTermMatcher(lexicons)
    spans = matcher.find([text])
    if spans.empty:
        return spans
    spans = spans.assign(_strength=spans["valence"].abs()).sort_values(
        ["start", "_strength"], ascending=[True, False], kind="stable"
    )
    return spans.drop_duplicates(["start", "end"]).drop(columns="_strength").reset_index(drop=True)


def default_lexicons() -> list[object]:
    """Lexicons used to judge loadedness in comparisons."""
    return list(_default_lexicons())


@lru_cache(maxsize=1)
def _default_lexicons() -> tuple[object, ...]:
    return tuple(Lexicon.builtin(name) for name in DEFAULT_LEXICONS)  # framing's one default


@lru_cache(maxsize=1)
def default_matcher() -> LoadedTermMatcher:
    """A compiled matcher of :func:`default_lexicons` (built once)."""
    return LoadedTermMatcher(default_lexicons())
