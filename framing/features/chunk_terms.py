"""Term ids of texts, found per distinct white-space chunk instead of per token.

:func:`framing.features.distinguishing.count_terms` counts the terms of the
feature stage's tokenizer (:data:`framing.features.tokens._TOKEN`). Running
that pattern over every word of a corpus costs most of the counting time;
most words recur, so here each text is split on white space (``str.split``,
in C), the chunks of a batch are factorised, and the pattern runs once per
*distinct* chunk, over all new chunks of a batch joined (a separator token
between them), its terms kept across batches. Every occurrence then takes
its chunk's terms with array operations: no Python work per word.

This gives the tokens of one scan of the whole text, because:

* no token holds white space and none is empty, so every token lies inside
  one chunk and a scan restarts at each chunk's first character (the white
  space before it matches nothing);
* ``str.split`` and the pattern's ``\\s`` agree on what white space is (both
  use Python's Unicode white-space test);
* the look-behinds look one character back, which at a chunk's start is
  white space or the start of the text either way;
* the look-aheads past a chunk's end see white space, which they treat as
  the end of the text -- except the middle-initial rule,
  ``[A-Z]\\.(?=\\s+[A-Z])``, which asks whether the *next* chunk starts with
  a capital A-Z. Chunks ending in a period are therefore also scanned with
  a capital after them; the few whose terms then differ ("K.") are looked
  at occurrence by occurrence;
* the separator put between chunks scanned together is a character absent
  from them that is neither a word character, white space, a period, a
  hyphen nor an apostrophe: a token of its own that every look-around
  treats as it treats white space before a non-capital.

A change to the pattern that looks further (across white space) would break
this; ``tests/features/test_count_terms.py`` checks the counts against a scan
token by token. The table of distinct chunks grows with the corpus (as a
vocabulary does).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import chain, repeat

import numpy as np
import pandas as pd

from . import tokens as _tokens

__all__ = ["ChunkTerms"]

# What follows a chunk when the next chunk starts with a capital: the initial rule's context.
_CAPITAL_AFTER = " A"
# Separators between chunks scanned together: control characters (not NUL, which NumPy
# strips from the strings it compares), then private-use ones; the first absent from the
# chunks is used. Each is a token of its own (``[^\w\s]``; no period, hyphen or apostrophe).
_SEPARATORS = tuple(
    c
    for c in map(chr, chain(range(1, 0x20), range(0xE000, 0xF900)))
    if not (c.isalnum() or c.isspace() or c == "_")
)
_EMPTY = np.zeros(0, dtype=np.int64)


class _Growing:
    """An int64 array appended to in place (capacity doubled as needed)."""

    def __init__(self) -> None:
        self._data = np.zeros(1024, dtype=np.int64)
        self.size = 0

    def extend(self, values: np.ndarray) -> None:
        end = self.size + len(values)
        if end > len(self._data):
            grown = np.zeros(max(end, 2 * len(self._data)), dtype=np.int64)
            grown[: self.size] = self._data[: self.size]
            self._data = grown
        self._data[self.size : end] = values
        self.size = end

    def view(self) -> np.ndarray:
        return self._data[: self.size]


class ChunkTerms:
    """Term ids of the chunks of texts, with a vocabulary and chunk table kept across batches.

    Parameters
    ----------
    normalise : callable
        Raw token -> its term, or None for tokens that are not terms.

    Attributes
    ----------
    vocabulary : dict of str to int
        Term -> id, in the order terms were first met while scanning chunks
        (not necessarily their order in the texts).
    """

    def __init__(self, normalise: Callable[[str], str | None]) -> None:
        self.vocabulary: dict[str, int] = {}
        self._normalise = normalise
        self._raw: dict[str, int] = {}  # raw token -> term id (-1: not a term)
        self._number: dict[str, int] = {}  # chunk -> its number in the tables below
        self._sizes = _Growing()  # number -> how many terms
        self._starts = _Growing()  # number -> where its terms start in _ids
        self._ids = _Growing()  # the term ids of every chunk, one after another
        # number of a chunk whose terms differ before a capital -> number of that variant
        self._capital: dict[int, int] = {}
        self._with_capital = _Growing()  # the keys of _capital

    def batch(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Term ids of a batch, in text order, and the batch row of each.

        Parameters
        ----------
        texts : list of str
            Documents of the batch.

        Returns
        -------
        rows, terms : ndarray of int64
            One entry per term occurrence (tokens that are not terms left
            out), in the order one scan of each text finds them.
        """
        per_doc = [text.split() for text in texts]
        lengths = np.fromiter(map(len, per_doc), dtype=np.int64, count=len(per_doc))
        n_chunks = int(lengths.sum())
        if n_chunks == 0:
            return _EMPTY, _EMPTY
        flat = np.fromiter(chain.from_iterable(per_doc), dtype=object, count=n_chunks)
        codes, uniques = pd.factorize(flat)
        numbers = np.fromiter(
            map(self._number.get, uniques, repeat(-1)), dtype=np.int64, count=len(uniques)
        )
        new = numbers < 0
        if new.any():
            numbers[new] = self._add(uniques[new].tolist())
        numbers = numbers[codes]
        if self._capital:
            self._before_capitals(numbers, flat, lengths)
        count = self._sizes.view()[numbers]
        total = int(count.sum())
        first = np.cumsum(count) - count  # where each occurrence's terms start in the output
        position = np.arange(total, dtype=np.int64)
        position += np.repeat(self._starts.view()[numbers] - first, count)
        terms = self._ids.view()[position]
        rows = np.repeat(np.repeat(np.arange(len(texts), dtype=np.int64), lengths), count)
        return rows, terms

    def _add(self, chunks: list[str]) -> np.ndarray:
        """Scan new chunks, enter them in the tables; their numbers."""
        sizes, ids = self._scan(chunks)
        first = self._sizes.size
        numbers = np.arange(first, first + len(chunks), dtype=np.int64)
        self._number.update(zip(chunks, numbers.tolist(), strict=True))
        self._append(sizes, ids)
        dots = [k for k, chunk in enumerate(chunks) if chunk[-1] == "."]
        if dots:
            starts = np.cumsum(sizes) - sizes
            capital_sizes, capital_ids = self._scan([chunks[k] for k in dots], _CAPITAL_AFTER)
            capital_starts = np.cumsum(capital_sizes) - capital_sizes
            variants_sizes, variants_ids = [], []
            for j, k in enumerate(dots):
                plain = ids[starts[k] : starts[k] + sizes[k]]
                before = capital_ids[capital_starts[j] : capital_starts[j] + capital_sizes[j]]
                if not np.array_equal(plain, before):
                    variant = self._sizes.size + len(variants_sizes)
                    self._capital[int(numbers[k])] = variant
                    self._with_capital.extend(numbers[k : k + 1])
                    variants_sizes.append(len(before))
                    variants_ids.append(before)
            if variants_sizes:
                self._append(np.asarray(variants_sizes), np.concatenate(variants_ids))
        return numbers

    def _append(self, sizes: np.ndarray, ids: np.ndarray) -> None:
        self._starts.extend(self._ids.size + np.cumsum(sizes) - sizes)
        self._sizes.extend(sizes)
        self._ids.extend(ids)

    def _scan(self, chunks: list[str], after: str = "") -> tuple[np.ndarray, np.ndarray]:
        """How many terms each chunk holds (each followed by ``after``) and their ids in order."""
        if len(chunks) == 1:
            tokens = _tokens._TOKEN.findall(chunks[0] + after)
            if after:
                self._check_capitals(tokens[-1:], after)
                tokens = tokens[:-1]
            ids = [i for i in map(self._term_id, tokens) if i >= 0]
            return np.array([len(ids)], dtype=np.int64), np.array(ids, dtype=np.int64)
        body = "".join(chunks)
        separator = next((c for c in _SEPARATORS if c not in body), None)
        if separator is None:  # the chunks hold every separator: halves
            half = len(chunks) // 2
            sizes_a, ids_a = self._scan(chunks[:half], after)
            sizes_b, ids_b = self._scan(chunks[half:], after)
            return np.concatenate([sizes_a, sizes_b]), np.concatenate([ids_a, ids_b])
        joined = f"{after}{separator}".join(chunks) + f"{after}{separator}"
        tokens = np.asarray(_tokens._TOKEN.findall(joined), dtype=object)
        is_separator = tokens == separator  # one after each chunk
        drop = is_separator.copy()
        if after:  # the capital after each chunk is a token of its own: leave it out
            capitals = np.flatnonzero(is_separator) - 1
            self._check_capitals(tokens[capitals], after)
            drop[capitals] = True
        codes, raw = pd.factorize(tokens)
        term_of_raw = np.fromiter(map(self._term_id, raw), dtype=np.int64, count=len(raw))
        term = term_of_raw[codes]
        keep = ~drop & (term >= 0)
        owner = np.cumsum(is_separator) - is_separator  # the chunk of each token
        sizes = np.bincount(owner[keep], minlength=len(chunks)).astype(np.int64)
        return sizes, term[keep]

    @staticmethod
    def _check_capitals(tokens: Sequence[str], after: str) -> None:
        """The capital put after a chunk is one token (no token holds white space)."""
        if not all(token == after.strip() for token in tokens):
            raise AssertionError(f"a capital after a chunk was not a token of its own: {after!r}")

    def _term_id(self, token: str) -> int:
        term_id = self._raw.get(token)
        if term_id is None:
            term = self._normalise(token)
            term_id = -1 if term is None else self.vocabulary.setdefault(term, len(self.vocabulary))
            self._raw[token] = term_id
        return term_id

    def _before_capitals(self, numbers: np.ndarray, flat: np.ndarray, lengths: np.ndarray) -> None:
        """Occurrences of context-dependent chunks followed by a capital take their variant."""
        where = np.flatnonzero(np.isin(numbers, self._with_capital.view()))
        if not len(where):
            return
        ends = np.cumsum(lengths)  # one past each text's last chunk
        text_end = ends[np.searchsorted(ends, where, side="right")]
        for position, end in zip(where.tolist(), text_end.tolist(), strict=True):
            if position + 1 < end and "A" <= flat[position + 1][0] <= "Z":
                numbers[position] = self._capital[int(numbers[position])]
