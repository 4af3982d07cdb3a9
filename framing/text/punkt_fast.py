"""NLTK's Punkt sentence boundaries, computed without Punkt's per-token objects.

:func:`framing.text.sentences.sentence_spans` splits every paragraph of every
article, which made NLTK's Punkt the largest single cost of attribution
extraction. Punkt's decisions, with parameters set in code and nothing
learned (no collocations, no orthographic context, as
``framing/resources/punkt_news.json`` sets them), depend only on the tokens
around each candidate boundary; :class:`FastPunkt` makes exactly those
decisions with the tokenizer's own compiled patterns and plain string
tests, in the order Punkt makes them:

1. candidate boundaries: the tokenizer's period-context pattern, each with
   the word before it (``_match_potential_end_contexts``);
2. whether the context holds a break: the first pass (``.``, ``?``, ``!``
   break; a known abbreviation does not; an ellipsis does not) and the
   second pass (an abbreviation or ellipsis before a frequent sentence
   starter breaks; an initial or a number before a lower-case word or
   punctuation does not, nor an initial before a capitalised word);
3. the spans, realigned over closing quotes and brackets.

When the tokenizer has learned parameters (collocations or orthographic
context) it falls back to NLTK itself. ``tests/text/test_punkt_fast.py``
and ``benchmarks/bench_sentences.py`` check that the spans equal NLTK's on
constructed texts and on every paragraph of the shared news datasets.

Examples
--------
>>> from framing.text.sentences import news_sentence_tokenizer
>>> fast = FastPunkt(news_sentence_tokenizer())
>>> text = "Gen. Smith spoke on Jan. 5. He left (at 5 p.m.). “Why?” she asked."
>>> fast.span_tokenize(text) == list(news_sentence_tokenizer().span_tokenize(text))
True
"""

from __future__ import annotations

import re
import string
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from nltk.tokenize.punkt import PunktSentenceTokenizer

__all__ = ["FastPunkt"]

_OTHER_WHITESPACE = string.whitespace.replace(" ", "")


def _compiled(pattern: Any) -> Any:
    """The compiled pattern under NLTK's timeout wrapper (``nltk.redos``), or the pattern.

    NLTK 3.10 wraps its patterns, compiled with the ``regex`` engine, to bound
    their run time; the engine and the pattern are the same, so matches are too.
    """
    inner = getattr(pattern, "_rx", None)
    return inner if inner is not None and hasattr(inner, "finditer") else pattern


# Flags of the ``regex`` engine (VERSION0 is its re-compatible mode) and their re twins.
_REGEX_FLAGS = {8192: 0, 32: 0, 64: re.VERBOSE, 8: re.MULTILINE, 16: re.DOTALL}
# Escapes that mean the same in both engines, besides \s and \S (translated below).
_SAME_ESCAPES = frozenset("uxntrfv")
# The ``regex`` engine's white space is the standard library's without \x1c-\x1f.
_SPACE, _NOT_SPACE = r"[^\S\x1c-\x1f]", r"[\S\x1c-\x1f]"


def _standard(pattern: Any) -> Any:
    r"""The same pattern for the standard library's ``re`` (faster to call), or the pattern.

    NLTK compiles Punkt's patterns with the ``regex`` engine. The three used
    per sentence hold nothing whose meaning differs from ``re`` but ``\s``
    and ``\S`` (``re`` also counts \x1c-\x1f as white space), written out as
    classes here; anything else keeps the original pattern.
    ``tests/text/test_punkt_fast.py`` checks the classes on every code point.
    """
    source, flags = getattr(pattern, "pattern", None), getattr(pattern, "flags", None)
    if type(pattern).__module__ not in ("_regex", "regex") or not isinstance(source, str):
        return pattern  # already the standard library's (or unknown)
    if not isinstance(flags, int) or "\\\\" in source:
        return pattern
    converted = 0
    for bit in range(17):
        if flags & (1 << bit):
            if (1 << bit) not in _REGEX_FLAGS:
                return pattern
            converted |= _REGEX_FLAGS[1 << bit]
    if any(e not in _SAME_ESCAPES | {"s", "S"} for e in re.findall(r"\\([A-Za-z])", source)):
        return pattern
    if re.search(r"\\[sS][^\]]*\]", source) and re.search(r"\[[^\]]*\\[sS]", source):
        return pattern  # \s inside a class: not translated
    source = re.sub(r"\\([sS])", lambda m: _SPACE if m.group(1) == "s" else _NOT_SPACE, source)
    try:
        return re.compile(source, converted)
    except re.error:
        return pattern


class FastPunkt:
    """Sentence spans equal to ``tokenizer.span_tokenize`` (see the module docstring).

    Parameters
    ----------
    tokenizer : PunktSentenceTokenizer
        The tokenizer whose parameters and patterns are used.
    """

    def __init__(self, tokenizer: PunktSentenceTokenizer) -> None:
        from nltk.tokenize.punkt import PunktToken

        self.tokenizer = tokenizer
        params = tokenizer._params
        lang = tokenizer._lang_vars
        self.exact = not params.collocations and not params.ortho_context
        self.abbreviations = frozenset(params.abbrev_types)
        self.starters = frozenset(params.sent_starters)
        self.sent_end = tuple(lang.sent_end_chars)
        self.punctuation = frozenset(tokenizer.PUNCTUATION)
        self._context = _standard(_compiled(lang.period_context_re()))
        self._words = _standard(_compiled(lang._word_tokenizer_re()))
        self._realign = _standard(_compiled(lang.re_boundary_realignment))
        self._numeric = _compiled(PunktToken._RE_NUMERIC)
        self._initial = _compiled(PunktToken._RE_INITIAL)
        self._ellipsis = _compiled(PunktToken._RE_ELLIPSIS)
        self._breaks: dict[str, bool] = {}

    # -- Punkt's steps ---------------------------------------------------------------------
    def span_tokenize(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` of every sentence of ``text``, as NLTK's ``span_tokenize``."""
        if not self.exact:
            return list(self.tokenizer.span_tokenize(text))
        slices = []
        last_break = 0
        for match, word in self._contexts(text):
            quick = self._plain_break(match, word)
            if quick is None:
                quick = self.contains_break(word + match.group() + match.group("after_tok"))
            if quick:
                slices.append((last_break, match.end()))
                last_break = match.start("next_tok") if match.group("next_tok") else match.end()
        slices.append((last_break, len(text.rstrip())))
        return self._realigned(text, slices)

    def _contexts(self, text: str) -> list[tuple[Any, str]]:
        """Punkt's ``_match_potential_end_contexts``: each candidate and the word before it.

        Punkt's context is that word, the candidate and the token after it.
        """
        out = []
        previous_start = previous_stop = 0
        previous = None
        others = [char for char in _OTHER_WHITESPACE if char in text]
        for match in self._context.finditer(text):
            start = match.start()
            # the last white space between the previous candidate and this one (Punkt counts
            # one at the very start of that stretch as none)
            index = text.rfind(" ", previous_stop, start)
            for char in others:
                found = text.rfind(char, max(index, previous_stop), start)
                if found > index:
                    index = found
            word_start = index + 1 if index > previous_stop else previous_start
            if previous is not None and previous_stop <= word_start:
                out.append((previous, text[previous_start:previous_stop]))
            previous, previous_start, previous_stop = match, word_start, start
        if previous is not None:
            out.append((previous, text[previous_start:previous_stop]))
        return out

    def _plain_break(self, match: Any, word: str) -> bool | None:
        """Punkt's decision when the word before the mark is plain letters, else ``None``.

        The context is then ``word`` + mark + one token that can hold no break
        ("said. The", "Gen. Smith", "A. Smith", "said.”", "why? He"); the
        decision is Punkt's two passes over those tokens: a mark other than
        a period breaks; "word." breaks unless it is an abbreviation (which
        breaks only before a capitalised frequent sentence starter) or an
        initial (which does not break before a word, a capital or
        punctuation).
        """
        if not (word.isascii() and word.isalpha()):
            return None
        nxt = match.group("next_tok")
        if nxt:
            if "." in nxt or "?" in nxt or "!" in nxt:
                return None
            if nxt.isalpha():
                second = nxt  # one word token
            else:
                following = self._words.match(nxt)
                if following is None:
                    return None
                second = following.group()
        else:
            second = match.group("after_tok")
            if len(second) != 1:
                return None
        if match.group() != ".":
            return True
        abbreviation = word.lower() in self.abbreviations
        if len(word) > 1:
            if not abbreviation:
                return True
            return second[0].isupper() and self._type(second) in self.starters
        # an initial: no break before punctuation, a lower-case or a capitalised word
        if abbreviation:
            return False
        return not (second in self.punctuation or second[0].islower() or second[0].isupper())

    def _realigned(self, text: str, slices: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Punkt's ``_realign_boundaries``: closing quotes and brackets join the sentence before."""
        out = []
        realign = 0
        for k, (start, stop) in enumerate(slices):
            start += realign
            if k + 1 == len(slices):
                if start < stop:
                    out.append((start, stop))
                continue
            next_start, next_stop = slices[k + 1]
            # matched in place (the pattern looks neither before nor past the slice's ends)
            m = self._realign.match(text, next_start, next_stop)
            if m:
                out.append((start, next_start + len(m.group(0).rstrip())))
                realign = m.end() - next_start
            else:
                realign = 0
                if start < stop:
                    out.append((start, stop))
        return out

    def contains_break(self, context: str) -> bool:
        """Punkt's ``text_contains_sentbreak`` for one context (results are memoised)."""
        known = self._breaks.get(context)
        if known is None:
            known = self._breaks[context] = self._contains_break(context)
            if len(self._breaks) > 1 << 16:
                self._breaks.clear()
        return known

    def _contains_break(self, context: str) -> bool:
        tokens: list[str] = []
        for line in context.split("\n"):
            if line.strip():
                tokens.extend(self._words.findall(line))
        if len(tokens) < 2:
            return False  # a break on the last token does not count
        # first pass: 0 none, 1 break, 2 abbreviation, 3 ellipsis
        marks = [self._first_pass(tok) for tok in tokens]
        for k in range(len(tokens) - 1):
            mark = self._second_pass(tokens[k], marks[k], tokens[k + 1], marks[k + 1])
            if mark == 1:
                return True
        return False

    def _first_pass(self, tok: str) -> int:
        if tok in self.sent_end:
            return 1
        if self._ellipsis.match(tok):
            return 3
        if tok.endswith(".") and not tok.endswith(".."):
            word = tok[:-1].lower()
            if word in self.abbreviations or word.split("-")[-1] in self.abbreviations:
                return 2
            return 1
        return 0

    def _type(self, tok: str) -> str:
        return self._numeric.sub("##number##", tok.lower())

    def _second_pass(self, tok: str, mark: int, nxt: str, next_mark: int) -> int:
        """The first token's mark after Punkt's ``_second_pass_annotation``."""
        if not tok.endswith("."):
            return mark
        kind = self._type(tok)
        typ = kind[:-1] if len(kind) > 1 and kind[-1] == "." else kind
        initial = bool(self._initial.match(tok))
        # Orthographic heuristic without learned context: punctuation and lower-case words
        # never start a sentence; anything else is "unknown" (never "yes").
        starts_sentence = False if nxt in self.punctuation or nxt[0].islower() else None
        if mark in (2, 3) and not initial:
            next_kind = self._type(nxt)
            if next_mark == 1 and len(next_kind) > 1 and next_kind[-1] == ".":
                next_kind = next_kind[:-1]
            if nxt[0].isupper() and next_kind in self.starters:
                return 1  # an abbreviation before a frequent sentence starter
        if initial or typ == "##number##":
            if starts_sentence is False:
                return 2  # an initial or number before a lower-case word: no break
            if initial and nxt[0].isupper():
                return 2  # J. Bach
        return mark
