"""Bytes to text: encodings, byte-order marks, mojibake, binary files.

News text arrives as UTF-8, UTF-8 with a BOM, Windows code pages (cp1252
for Western outlets, cp1256 for Arabic and Persian ones), files whose lines
mix two encodings, and UTF-8 that was once decoded as cp1252 ("Americaâ€™s"). :func:`decode_bytes`
handles each case, reports what it did, and refuses binary data with a
clear message.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import ftfy
from charset_normalizer import from_bytes

from ..errors import LoadError

__all__ = ["DecodedText", "decode_bytes", "looks_binary"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy encodings we accept when text is not UTF-8, most common in news first.
_LEGACY = ("cp1252", "cp1256", "cp1251", "cp1250", "cp1253", "cp1254", "cp1255", "latin-1")
# UTF-8 read as cp1252/latin-1 always leaves a lead-byte letter (Â..ô) followed
# by a continuation-byte character; text without such a pair cannot hold
# that mojibake, so ftfy (the slow, thorough check) is only run on text with one.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
_CONTROL = frozenset(range(1, 32)) - {9, 10, 12, 13}
# A stray NUL byte or two in text (a corrupted cell, a bad copy) is removed
# with a warning; more than 0.5% of NULs is UTF-16 without BOM or binary data
# (ASCII text in UTF-16 is ~50% NULs; compressed data ~0.4% but with ~11%
# other control bytes, caught by the 2% control-byte share below).
_MAX_NUL_SHARE = 0.005
_PROBE = 8192


@dataclass(frozen=True)
class DecodedText:
    """Text decoded from bytes, with a record of how."""

    text: str
    encoding: str
    repaired_mojibake: bool = False
    removed_nul: int = 0

    def meta(self) -> dict[str, object]:
        """Entries for an article's ``meta``: encoding and repairs."""
        info: dict[str, object] = {"encoding": self.encoding}
        if self.repaired_mojibake:
            info["repaired_mojibake"] = True
        if self.removed_nul:
            info["warnings"] = [f"removed {self.removed_nul} NUL byte(s) from the text"]
        return info


def looks_binary(head: bytes) -> bool:
    """True if the first bytes look like binary data rather than text.

    Examples
    --------
    >>> looks_binary(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
    True
    >>> looks_binary("Caf\\u00e9 news".encode("cp1252"))
    False
    """
    sample = head[:_PROBE]
    if not sample:
        return False
    if any(sample.startswith(bom) for bom, _ in _BOMS):
        return False
    if sample.count(b"\x00") > max(1, len(sample) * _MAX_NUL_SHARE):
        return True
    controls = sum(1 for b in sample if b in _CONTROL)
    return controls / len(sample) > 0.02


def _guess_legacy(data: bytes) -> str:
    """The legacy code page of ``data``; cp1252 whenever it reads the same.

    On short samples the detector cannot tell cp1252 from code pages that
    decode these bytes identically (cp1250 for English with curly quotes);
    cp1252, by far the most common in news, is then preferred.
    """
    best = from_bytes(data, cp_isolation=list(_LEGACY)).best()
    if best is None:
        return "cp1252"
    try:
        if data.decode("cp1252") == data.decode(best.encoding):
            return "cp1252"
    except UnicodeDecodeError:
        pass
    return best.encoding


def _decode_mixed(data: bytes) -> tuple[str, str]:
    """Decode line by line: UTF-8 where valid, a legacy code page elsewhere."""
    lines = data.splitlines(keepends=True)
    bad = b"".join(line for line in lines if not _is_utf8(line))
    legacy = _guess_legacy(bad)
    if len(bad) == len(data):
        return data.decode(legacy, errors="replace"), legacy
    parts = [
        line.decode("utf-8") if _is_utf8(line) else line.decode(legacy, "replace") for line in lines
    ]
    return "".join(parts), f"mixed (utf-8, {legacy})"


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode_bytes(data: bytes, path: str) -> DecodedText:
    """Decode a file's bytes to text, or raise :class:`LoadError` naming ``path``.

    Examples
    --------
    >>> decode_bytes("Tehran’s".encode("utf-8"), "a.txt").text
    'Tehran’s'
    >>> d = decode_bytes("Tehran’s".encode("utf-8").decode("cp1252").encode("utf-8"), "a.txt")
    >>> d.text, d.repaired_mojibake
    ('Tehran’s', True)
    """
    if not data.strip():
        raise LoadError(
            path, "the file is empty", fix="remove it from the input or re-save the article"
        )
    if looks_binary(data):
        raise LoadError(
            path,
            "this looks like a binary file, not text",
            fix="pass text, HTML, JSON/JSONL, CSV, Parquet, RSS/Atom or WARC files "
            "(or name the format with format=/--format if the extension is misleading)",
        )
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text, used = data.decode(encoding, errors="replace"), encoding
            break
    else:
        try:
            text, used = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, used = _decode_mixed(data)
    nuls = text.count("\x00")
    if nuls:
        text = text.replace("\x00", "")
    repaired = ftfy.fix_encoding(text) if _MOJIBAKE_HINT.search(text) else text
    return DecodedText(repaired, used, repaired_mojibake=repaired != text, removed_nul=nuls)
