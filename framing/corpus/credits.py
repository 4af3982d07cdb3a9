"""Outlets a text credits by name: registry names, aliases and wire credits, as whole words.

:func:`credited_outlets` finds every name of the outlet registry (plus any
extra names) that stands in a text with no letter or digit right before or
after it. With numba installed (``pip install "framing[fast]"``) one
compiled automaton pass runs over the UTF-8 bytes of all texts
(:mod:`framing.corpus._citation_kernels`); otherwise pyahocorasick scans each
text. Both give the same sets.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from ..outlets import OutletRegistry

__all__ = ["credited_outlets"]


def _name_pairs(registry: OutletRegistry, extra: Sequence[tuple[str, str]]) -> tuple:
    pairs = {(name, registry.resolve(name) or "") for name in registry.names}
    pairs |= set(extra)
    return tuple(sorted((n, k) for n, k in pairs if k and len(n) >= 2))


def credited_outlets(
    texts: Sequence[str], registry: OutletRegistry, extra: Sequence[tuple[str, str]] = ()
) -> list[set[str]]:
    """Outlets each text names (registry names, aliases, wire credits; whole words only).

    A name given twice with different outlets counts for the last in sorted
    order.

    Examples
    --------
    >>> found = credited_outlets(["CNN reported it, said AP.", "A CNNX ad."],
    ...                          OutletRegistry.default())
    >>> [sorted(f) for f in found]
    [['ap', 'cnn'], []]
    """
    pairs = _name_pairs(registry, extra)
    texts = [t if isinstance(t, str) else "" for t in texts]
    scanner = _compiled_scanner()
    if scanner is None or not pairs:
        return _credited_by_automaton(texts, pairs)
    return _credited_by_kernel(texts, pairs, scanner)


def _credited_by_automaton(texts: list[str], pairs: tuple) -> list[set[str]]:
    """pyahocorasick, text by text: each hit's neighbours checked in Python."""
    automaton = _automaton(pairs)
    out = []
    for text in texts:
        found: set[str] = set()
        if text and pairs:
            for end, (length, key) in automaton.iter(text):
                start = end - length + 1
                before = text[start - 1] if start > 0 else " "
                after = text[end + 1] if end + 1 < len(text) else " "
                if not (before.isalnum() or after.isalnum()):
                    found.add(key)
        out.append(found)
    return out


@lru_cache(maxsize=4)
def _automaton(names: tuple[tuple[str, str], ...]) -> Any:
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for name, key in names:
        automaton.add_word(name, (len(name), key))
    automaton.make_automaton()
    return automaton


def _compiled_scanner() -> Any:
    """The compiled kernel, or None without numba (or with its JIT disabled)."""
    try:
        from . import _citation_kernels
    except ImportError:  # pragma: no cover - numba not installed
        return None
    kernel = _citation_kernels.scan_names
    return kernel if hasattr(kernel, "py_func") else None


def _credited_by_kernel(texts: list[str], pairs: tuple, scanner: Any) -> list[set[str]]:
    tables = _byte_automaton(pairs)
    encoded = [t.encode("utf-8", "surrogatepass") for t in texts]
    ends = np.cumsum(np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded)))
    starts = ends - np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
    data = np.frombuffer(b"".join(encoded) or b"\0", dtype=np.uint8)
    capacity = 4 * len(texts) + 64
    while True:
        rows, keys, n = scanner(data, starts, ends, *tables.arrays, _alnum(), capacity)
        if n >= 0:
            break
        capacity *= 4
    out: list[set[str]] = [set() for _ in texts]
    for row, key in zip(rows[:n].tolist(), keys[:n].tolist(), strict=True):
        out[row].add(tables.keys[key])
    return out


class _Tables:
    """A deterministic automaton over bytes: every state's move on every byte."""

    def __init__(self, arrays: tuple, keys: list[str]) -> None:
        self.arrays = arrays  # moves, first_named, out_ptr, out_name, name_bytes, name_key, n_keys
        self.keys = keys


@lru_cache(maxsize=4)
def _byte_automaton(pairs: tuple[tuple[str, str], ...]) -> _Tables:
    """Aho-Corasick over the UTF-8 bytes of the names, with all transitions filled in."""
    last = dict(pairs)  # a name given twice: the last pair, as pyahocorasick keeps it
    names = [name.encode("utf-8", "surrogatepass") for name in last]
    keys = sorted(set(last.values()))
    key_id = {k: i for i, k in enumerate(keys)}
    used = sorted({b for name in names for b in name})
    byte_class = np.zeros(256, dtype=np.int64)
    byte_class[used] = np.arange(1, len(used) + 1)
    children: list[dict[int, int]] = [{}]
    ends_here: list[list[int]] = [[]]
    for i, name in enumerate(names):
        state = 0
        for b in name:
            c = int(byte_class[b])
            nxt = children[state].get(c)
            if nxt is None:
                nxt = len(children)
                children[state][c] = nxt
                children.append({})
                ends_here.append([])
            state = nxt
        ends_here[state].append(i)
    delta = np.zeros((len(children), len(used) + 1), dtype=np.int64)
    fail = np.zeros(len(children), dtype=np.int64)
    outputs: list[list[int]] = [[] for _ in children]
    queue = []
    for c, child in children[0].items():
        delta[0, c] = child
        queue.append(child)
    head = 0
    while head < len(queue):
        state = queue[head]
        head += 1
        outputs[state] = ends_here[state] + outputs[fail[state]]
        delta[state] = delta[fail[state]]
        for c, child in children[state].items():
            fail[child] = delta[fail[state], c]
            delta[state, c] = child
            queue.append(child)
    # Renumber the states: those where names end last, so the scan tests one comparison a byte.
    sizes = np.fromiter(map(len, outputs), dtype=np.int64, count=len(outputs))
    order = np.argsort(sizes > 0, kind="stable")  # the root (no names) stays state 0
    number = np.empty_like(order)
    number[order] = np.arange(len(order))
    moves = number[delta[order][:, byte_class]].astype(np.int32)  # every byte, not classes
    sizes = sizes[order]
    out_ptr = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    out_name = np.fromiter(
        (i for state in order.tolist() for i in outputs[state]),
        dtype=np.int64,
        count=int(sizes.sum()),
    )
    name_bytes = np.fromiter(map(len, names), dtype=np.int64, count=len(names))
    name_key = np.array([key_id[k] for k in last.values()], dtype=np.int64)
    first_named = int(np.count_nonzero(sizes == 0))
    arrays = (moves, first_named, out_ptr, out_name, name_bytes, name_key, len(keys))
    return _Tables(arrays, keys)


@lru_cache(maxsize=1)
def _alnum() -> np.ndarray:
    """``str.isalnum`` of every code point (what the whole-word rule asks)."""
    return np.fromiter((chr(i).isalnum() for i in range(0x110000)), dtype=bool, count=0x110000)
