"""load(): directories, globs, format detection, and a corpus run with bad files."""

from __future__ import annotations

import json

import pytest

import framing
from framing.loaders import detect_format, expand_paths


@pytest.fixture
def corpus(tmp_path, seed_path):
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "seed.txt").write_bytes(seed_path.read_bytes())
    (root / "sub" / "wire.txt").write_text("LONDON (Reuters) - Markets rallied on Friday.", "utf-8")
    (root / "sub" / "records.jsonl").write_text(
        json.dumps({"text": "One.", "outlet": "BBC"}) + "\n{bad json\n", "utf-8"
    )
    (root / "empty.txt").write_bytes(b"")
    (root / "photo.txt").write_bytes(b"\x00\x01\x02binary\x00" * 10)
    (root / ".hidden.txt").write_text("not read", "utf-8")
    (root / "notes.docx").write_bytes(b"PK\x03\x04")  # unknown extension: not picked from a folder
    return root


def test_directory_corpus_run_reports_every_skip(corpus):
    with pytest.warns(UserWarning, match="3 file"):
        table = framing.load(corpus)
    assert sorted(table["outlet"].astype(str)) == ["bbc", "kayhan-international", "reuters"]
    skipped = framing.skipped_table(table)
    assert sorted(p.rsplit("/", 1)[-1] for p in skipped["source_path"]) == [
        "empty.txt",
        "photo.txt",
        "records.jsonl",
    ]
    assert skipped["reason"].str.contains("Fix:").all()


def test_glob_and_explicit_list(corpus):
    table = framing.load(str(corpus / "**" / "*.txt"), errors="ignore")
    assert len(table) == 2
    table = framing.load([corpus / "seed.txt", corpus / "sub" / "wire.txt"])
    assert table["dateline"].tolist() == ["WASHINGTON", "LONDON"]


def test_missing_path_and_empty_glob(tmp_path, seed_path):
    with pytest.warns(UserWarning) as caught:
        table = framing.load([seed_path, tmp_path / "nope.txt", str(tmp_path / "*.csv")])
    assert len(table) == 1
    reasons = framing.skipped_table(table)["reason"].tolist()
    assert reasons == [
        f"{tmp_path / 'nope.txt'}: no such file or directory. Fix: check the path and its spelling.",
        f"{tmp_path / '*.csv'}: the pattern matched no files. Fix: check the pattern and the folder.",
    ]
    assert "2 file(s) or record(s) were skipped" in str(caught[0].message)


def test_nothing_loads_raises_with_first_reason(tmp_path):
    with pytest.raises(
        framing.FramingError, match=r"No article could be loaded\. .*nope\.txt: no such"
    ):
        framing.load(tmp_path / "nope.txt")


def test_errors_raise_stops_at_first_problem(corpus):
    with pytest.raises(framing.FramingError, match="empty"):
        framing.load(corpus, errors="raise")


def test_unknown_binary_format(tmp_path):
    path = tmp_path / "blob"
    path.write_bytes(b"\x00\x01\x02\x03" * 100)
    with pytest.raises(
        framing.FramingError,
        match=r"blob: unknown format: binary data .* Fix: pass "
        r"files of these formats",
    ):
        framing.load_article(path)


def test_huge_single_article_file(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("word " * 5000, "utf-8")
    with pytest.raises(
        framing.FramingError,
        match=r"huge\.txt: the file is larger than "
        r"max_bytes=1,000 bytes.*Fix: if it holds many articles",
    ):
        framing.load(path, max_bytes=1000)


def test_bad_parameters(seed_path):
    with pytest.raises(ValueError, match=r"format='docx' is not allowed; use one of: 'csv'"):
        framing.load(seed_path, format="docx")
    with pytest.raises(ValueError, match="errors='loud'"):
        framing.load(seed_path, errors="loud")
    with pytest.raises(TypeError, match="bare str"):
        framing.sentences("some text")


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("a.HTM", b"", "html"),
        ("a.warc.gz", b"", "warc"),
        ("a.xml", b"<?xml version='1.0'?><rss>", "feed"),
        ("download", b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
        ("download", b'{"a": 1}\n{"a": 2}\n', "jsonl"),
        ("download", b'{"articles": []}', "json"),
        ("download", b"PAR1\x15\x04", "parquet"),
        ("download", b"WARC/1.0\r\n", "warc"),
        ("download", b"  <html><body>", "html"),
    ],
)
def test_detect_format(name, head, expected):
    assert detect_format(name, head) == expected


def test_expand_paths_orders_files(corpus):
    files, missing = expand_paths(corpus)
    names = [f.rsplit("/", 1)[-1] for f in files]
    assert names == ["empty.txt", "photo.txt", "seed.txt", "records.jsonl", "wire.txt"]
    assert missing == []


def test_article_ids_are_stable_and_independent_of_location(tmp_path, seed_path):
    copy = tmp_path / seed_path.name
    copy.write_bytes(seed_path.read_bytes())
    assert framing.load_article(copy).article_id == framing.load_article(seed_path).article_id
