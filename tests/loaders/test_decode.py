"""Encodings: BOM, cp1252, cp1256, mixed lines, mojibake, binary, empty."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import framing
from framing.errors import LoadError
from framing.loaders.decode import decode_bytes

SENTENCE = "Iran’s “fierce” response — said the minister."


def test_utf8_with_bom(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"))
    art = framing.load_article(path)
    assert art.text == SENTENCE and art.meta["encoding"] == "utf-8-sig"


def test_cp1252(tmp_path):
    path = tmp_path / "cp1252.txt"
    path.write_bytes(SENTENCE.encode("cp1252"))
    art = framing.load_article(path)
    assert art.text == SENTENCE and art.meta["encoding"] == "cp1252"


def test_cp1256_arabic(tmp_path):
    arabic = "قال المتحدث باسم الحكومة إن المحادثات ستستمر في بغداد الأسبوع المقبل."
    path = tmp_path / "cp1256.txt"
    path.write_bytes(arabic.encode("cp1256"))
    art = framing.load_article(path)
    assert art.text == arabic and art.meta["encoding"] == "cp1256"


def test_mixed_encoding_lines(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(
        "Tehran’s reply came first.\n".encode() + "Washington’s came later.\n".encode("cp1252")
    )
    art = framing.load_article(path)
    assert art.paragraphs == ("Tehran’s reply came first.", "Washington’s came later.")
    assert art.meta["encoding"] == "mixed (utf-8, cp1252)"


def test_mojibake_is_repaired_and_noted(tmp_path):
    path = tmp_path / "mojibake.txt"
    import ftfy.bad_codecs  # noqa: F401 - registers sloppy-windows-1252, as browsers decode it

    path.write_bytes(SENTENCE.encode("utf-8").decode("sloppy-windows-1252").encode("utf-8"))
    art = framing.load_article(path)
    assert art.text == SENTENCE and art.meta["repaired_mojibake"] is True


def test_empty_and_whitespace_files(tmp_path):
    for name, data in (("empty.txt", b""), ("blank.txt", b" \n\t\n")):
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(
            framing.FramingError, match=rf"{name}: the file is empty\. Fix: remove it"
        ):
            framing.load_article(path)


def test_binary_file_with_text_extension(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(
        framing.FramingError, match=r"image\.txt: this looks like a binary file, not text"
    ):
        framing.load_article(path)


@given(st.text(min_size=1).filter(lambda t: t.strip()))
def test_any_utf8_text_decodes_to_itself_or_its_repair(text):
    try:
        decoded = decode_bytes(text.encode("utf-8"), "x.txt")
    except LoadError as exc:  # control-heavy text is refused as binary, with a message
        assert "binary" in str(exc)
        return
    assert decoded.encoding == "utf-8"
    # a stray NUL is removed (and reported in meta), never kept
    assert decoded.text == text.replace("\x00", "") or decoded.repaired_mojibake
    assert decoded.removed_nul == text.count("\x00")
