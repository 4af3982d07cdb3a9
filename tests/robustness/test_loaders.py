"""Issue 11, loader rows: each bad input gives a one-line error naming the file, the
record and the fix, with every good record of the batch kept.

Each test builds its own small input. Row numbers refer to the table of issue 11.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
import tracemalloc
from io import BytesIO

import pytest

import framing
from framing.errors import FramingError, LoadError, ParameterError
from framing.loaders import iter_load
from framing.loaders.html import MAX_BLOCKS_FOR_TRAFILATURA
from framing.outlets import OutletRegistry

GOOD = {"title": "Talks resume", "text": "The two sides met again on Monday.", "outlet": "Reuters"}


def _jsonl(records) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


def _skips(table):
    return framing.skipped_table(table)


def assert_one_line(reason: str, path, *, location: str | None = None, fix: bool = True) -> None:
    """The shape every skip reason and error message has."""
    assert "\n" not in reason and "Traceback" not in reason, reason
    assert str(path) in reason, reason
    if location:
        assert f", {location}:" in reason, reason
    if fix:
        assert " Fix: " in reason, reason


# -- row 1: deep nesting --------------------------------------------------------------


def test_row01_deeply_nested_json_file_is_skipped_and_the_good_file_beside_it_loads(tmp_path):
    (tmp_path / "deep.json").write_text("[" * 100_000, "utf-8")
    (tmp_path / "good.jsonl").write_text(_jsonl([GOOD]), "utf-8")
    table = framing.load(tmp_path, errors="ignore")
    assert table["title"].tolist() == ["Talks resume"]
    (reason,) = _skips(table)["reason"]
    assert_one_line(reason, tmp_path / "deep.json")
    assert "line 1: JSON nested more than 900 levels deep" in reason
    with pytest.raises(LoadError, match="too deep to read"):
        framing.load_article(tmp_path / "deep.json")


def test_row01_deeply_nested_jsonl_line_is_skipped_alone(tmp_path):
    path = tmp_path / "feed.jsonl"
    deep_but_parsable = {**GOOD, "meta": json.loads("[" * 300 + "]" * 300)}
    path.write_text(
        _jsonl([GOOD])
        + "[" * 100_000
        + "\n"
        + json.dumps(deep_but_parsable)
        + "\n"
        + _jsonl([{**GOOD, "title": "Third"}]),
        "utf-8",
    )
    table = framing.load(path, errors="ignore")
    assert table["title"].tolist() == ["Talks resume", "Third"]
    skipped = _skips(table)
    assert skipped["location"].tolist() == ["line 2", "line 3"]
    for reason, line in zip(skipped["reason"], ["line 2", "line 3"], strict=True):
        assert_one_line(reason, path, location=line)
    assert "more than 100 levels deep" in skipped.loc[1, "reason"]


def test_row01_deeply_nested_registry_is_a_load_error(tmp_path):
    path = tmp_path / "outlets.json"
    path.write_text('{"outlets": ' + "[" * 100_000, "utf-8")
    with pytest.raises(LoadError) as caught:
        OutletRegistry.from_file(path)
    assert_one_line(str(caught.value), path)
    with pytest.raises(LoadError, match="JSON nested more than 900 levels"):
        framing.load(tmp_path / "x.txt", registry=path)


# -- row 2: truncated .jsonl.gz -------------------------------------------------------


def test_row02_truncated_jsonl_gz_keeps_complete_records_and_says_where_it_ends(tmp_path):
    records = [
        {"title": f"Story {i}", "text": f"Body number {i} of the feed."} for i in range(2000)
    ]
    data = gzip.compress(_jsonl(records).encode("utf-8"))
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    (tmp_path / "good.jsonl").write_text(_jsonl([GOOD]), "utf-8")
    table = framing.load(tmp_path, errors="ignore")
    kept = table[table["source_path"].str.endswith("cut.jsonl.gz")]
    assert len(kept) > 500
    assert kept["title"].tolist() == [f"Story {i}" for i in range(len(kept))]
    assert "Talks resume" in table["title"].tolist()
    (reason,) = _skips(table)["reason"]
    assert_one_line(reason, tmp_path / "cut.jsonl.gz", location=f"after line {len(kept)}")
    assert "truncated" in reason


# -- row 3 and 29: registry schema ----------------------------------------------------


@pytest.mark.parametrize(
    ("entry", "key", "problem"),
    [
        ({"aliases": 5}, "aliases", "must be a list of strings, not a int"),
        ({"domains": 7}, "domains", "must be a list of strings"),
        ({"timezone": "Mars/Olympus"}, "timezone", "unknown time zone 'Mars/Olympus'"),
        ({"epithets": "the paper"}, "epithets", "must be a list of strings, not a str"),
        ({"id": 3}, "id", "id=3 is a int, not a non-empty string"),
        ({"aliases": ["ok", 4]}, "aliases", "holds a value that is not a string"),
        ({"layout": {"header": ["^(a+)+$"]}}, "layout.header", "nested quantifier"),
        ({"layout": {"dateline": "(unclosed"}}, "layout.dateline", "does not compile"),
        ({"layout": {"detect": ["^x"], "heder": []}}, "layout", "unknown layout key(s) ['heder']"),
    ],
)
def test_row03_registry_schema_errors_name_file_outlet_and_key(tmp_path, entry, key, problem):
    path = tmp_path / "mine.json"
    outlet = {"id": "valley", "name": "Valley Gazette", **entry}
    path.write_text(json.dumps({"outlets": [{"id": "ok", "name": "OK"}, outlet]}), "utf-8")
    with pytest.raises(LoadError) as caught:
        OutletRegistry.from_file(path)
    message = str(caught.value)
    assert_one_line(message, path)
    assert ", outlet 2" in message and f"key {key!r}" in message, message
    assert problem in message, message


def test_row29_registry_pattern_with_nested_quantifier_is_rejected_on_load(tmp_path):
    path = tmp_path / "mine.json"
    layout = {"detect": ["^Paper$"], "drop": ["^(a+)+$"]}
    path.write_text(json.dumps([{"id": "p", "name": "P", "layout": layout}]), "utf-8")
    with pytest.raises(LoadError, match=r"outlet 1 \(p\), key 'layout\.drop'.*Fix: rewrite"):
        OutletRegistry.from_file(path)
    # the same pattern written without the nested quantifier loads
    layout["drop"] = ["^a+$"]
    path.write_text(json.dumps([{"id": "p", "name": "P", "layout": layout}]), "utf-8")
    assert OutletRegistry.from_file(path)["p"].layout.drop[0].pattern == "^a+$"


# -- row 5 and 14: dates ----------------------------------------------------------------


def test_row05_bad_offset_or_numeric_date_leaves_that_date_unknown_with_a_warning(tmp_path):
    path = tmp_path / "dated.jsonl"
    path.write_text(
        _jsonl(
            [
                {**GOOD, "date": "2020-01-01T10:00:00+01:00"},
                {**GOOD, "title": "Bad zone", "date": "2020-01-01T10:00:00+25:00"},
                {**GOOD, "title": "Huge number", "date": 1e20},
            ]
        ),
        "utf-8",
    )
    table = framing.load(path)  # no warning: nothing was skipped
    assert _skips(table).empty
    assert table.loc[0, "published"].isoformat() == "2020-01-01T10:00:00+01:00"
    assert table["published"].isna().tolist() == [False, True, True]
    assert "UTC offset +25:00, beyond the real range" in table.loc[1, "meta"]["warnings"][0]
    assert "outside the dates the table can hold" in table.loc[2, "meta"]["warnings"][0]


def test_row14_dates_bce_ambiguous_nan_and_infinite_title(tmp_path):
    path = tmp_path / "odd.json"
    path.write_text(
        '[{"text": "Caesar fell.", "date": "-0044-03-15"},'
        ' {"text": "A NaN date.", "date": NaN},'
        ' {"text": "An infinite title.", "title": Infinity, "date": "2020-05-05"}]',
        "utf-8",
    )
    table = framing.load(path)
    assert table["published"].isna().tolist() == [True, True, False]
    warnings = [m["warnings"] for m in table["meta"]]
    assert "year before year 1" in warnings[0][0]
    assert "NaN (not a number)" in warnings[1][0]
    assert table.loc[2, "title"] is None
    assert "title holds a number (inf), not text; left empty" in warnings[2]
    csv_path = tmp_path / "dotted.csv"
    csv_path.write_text(
        "title,text,date\nA,Body one.,01.02.2020\nB,Body two.,13.02.2020\n", "utf-8"
    )
    table = framing.load(csv_path)
    assert [d.date().isoformat() for d in table["published"]] == ["2020-02-01", "2020-02-13"]
    assert "read day-first as 01 February 2020" in table.loc[0, "meta"]["warnings"][0]
    assert not any("day-first" in w for w in table.loc[1, "meta"]["warnings"])


# -- row 6: identity ---------------------------------------------------------------------


def test_row06_same_name_in_two_folders_gives_two_articles_with_their_own_ids(tmp_path):
    for folder, text in (("a", "Story from folder a."), ("b", "Story from folder b.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(text, "utf-8")
    table = framing.load(tmp_path)
    assert table["text"].tolist() == ["Story from folder a.", "Story from folder b."]
    assert table["article_id"].is_unique


def test_row06_exact_duplicates_are_kept_once_with_both_sources_listed(tmp_path, seed_path):
    copy = tmp_path / "copy" / seed_path.name
    copy.parent.mkdir()
    copy.write_bytes(seed_path.read_bytes())
    table = framing.load([seed_path, seed_path, copy], errors="ignore")
    assert len(table) == 1
    assert table.loc[0, "meta"]["duplicates"] == [str(seed_path), str(copy)]
    entries = table.attrs["skipped"]
    assert [e["kind"] for e in entries] == ["duplicate", "duplicate"]
    assert_one_line(entries[1]["reason"], copy, fix=False)
    assert f"exact duplicate of {seed_path}" in entries[1]["reason"]
    results = list(iter_load([seed_path, copy]))
    assert [type(r).__name__ for r in results] == ["Article", "Skipped"]
    assert results[1].duplicate_of == results[0].article_id


def test_row06_csv_rows_sharing_a_url_stay_three_articles(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(
        "title,text,url\n"
        "One,First body.,https://example.org/a\n"
        "Two,Second body.,https://example.org/a\n"
        "Three,Third body.,https://example.org/a\n",
        "utf-8",
    )
    table = framing.load(path)
    assert table["article_id"].is_unique and len(table) == 3
    sentences = framing.sentences(table)
    assert sentences.groupby("article_id")["text"].first().tolist() == sorted(
        ["First body.", "Second body.", "Third body."],
        key=lambda t: table.set_index("text").loc[t, "article_id"],
    )


def test_row06_repeated_article_id_column_gets_a_suffix_not_a_merge(tmp_path):
    path = tmp_path / "ids.jsonl"
    path.write_text(
        _jsonl([{**GOOD, "article_id": "x1"}, {**GOOD, "article_id": "x1", "text": "Other."}]),
        "utf-8",
    )
    table = framing.load(path)
    assert table["article_id"].tolist() == ["x1", "x1-2"]
    assert "renamed 'x1-2'" in table.loc[1, "meta"]["warnings"][-1]


# -- row 7 and 32: CSV -------------------------------------------------------------------


def test_row07_unterminated_quote_is_reported_and_following_rows_are_not_merged(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(
        'title,text\nBroken,"This quote never closes\nSecond,Second body.\nThird,Third body.\n',
        "utf-8",
    )
    table = framing.load(path, errors="ignore")
    assert table["title"].tolist() == ["Second", "Third"]
    (reason,) = _skips(table)["reason"]
    assert_one_line(reason, path, location="line 2")
    assert "never closed" in reason


def test_row32_a_nul_byte_in_one_cell_does_not_skip_the_csv(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(b"title,text\nOne,First\x00 body.\nTwo,Second body.\n")
    table = framing.load(path)
    assert table["text"].tolist() == ["First body.", "Second body."]
    assert table.loc[0, "meta"]["warnings"] == ["removed 1 NUL byte(s) from the row"]


# -- row 8: non-string values --------------------------------------------------------------


def test_row08_non_string_fields_are_joined_coerced_or_rejected_never_a_repr(tmp_path):
    path = tmp_path / "odd.jsonl"
    path.write_text(
        _jsonl(
            [
                {"title": "List", "text": ["Para one.", "Para two."]},
                {"title": "Dict", "text": {"body": "Nested."}},
                {"title": "Bool", "text": True},
                {"title": "Number", "text": 12345},
                {"title": "Url", "text": "Body.", "url": {"a": 1}},
            ]
        ),
        "utf-8",
    )
    table = framing.load(path, errors="ignore")
    assert table["title"].tolist() == ["List", "Url"]
    assert table.loc[0, "text"] == "Para one.\n\nPara two."
    assert "joined as paragraphs" in table.loc[0, "meta"]["warnings"][0]
    assert table.loc[1, "url"] is None
    assert "url holds an object" in table.loc[1, "meta"]["warnings"][0]
    skipped = _skips(table)
    assert skipped["location"].tolist() == ["line 2", "line 3", "line 4"]
    kinds = ["an object", "a true/false value", "a number"]
    for reason, kind in zip(skipped["reason"], kinds, strict=True):
        assert_one_line(reason, path)
        assert f"holds {kind} (" in reason and "not text" in reason
    assert not any("{'body'" in t for t in table["text"])


def test_row08_parquet_integer_text_is_rejected(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "ints.parquet"
    pq.write_table(pa.table({"title": ["A", "B"], "text": [1, 2]}), path)
    with pytest.raises(FramingError, match=r"ints\.parquet, record 1: the 'text' field holds a"):
        framing.load(path)


# -- row 9: empty record files ------------------------------------------------------------


def test_row09_empty_json_list_and_zero_row_parquet_are_listed_as_skipped(tmp_path):
    (tmp_path / "empty.json").write_text("[]", "utf-8")
    (tmp_path / "good.jsonl").write_text(_jsonl([GOOD]), "utf-8")
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.table({"text": pa.array([], pa.string())}), tmp_path / "none.parquet")
    except ImportError:
        pass
    table = framing.load(tmp_path, errors="ignore")
    assert len(table) == 1
    reasons = _skips(table)["reason"].tolist()
    assert any("empty.json: the JSON holds no records" in r for r in reasons)
    if (tmp_path / "none.parquet").exists():
        assert any("none.parquet: the Parquet file has no rows" in r for r in reasons)
    with pytest.raises(FramingError, match=r"empty\.json: the JSON holds no records"):
        framing.load(tmp_path / "empty.json")


# -- row 10: truncated WARC ----------------------------------------------------------------


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_row10_truncated_warc_keeps_complete_records_and_reports_truncation(tmp_path, name):
    pytest.importorskip("warcio")
    pytest.importorskip("trafilatura")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / name
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=name.endswith(".gz"))
        for number in range(10):
            paragraphs = "".join(
                f"<p>Paragraph {j} of story {number}: the minister spoke about the budget.</p>"
                for j in range(12)
            )
            page = (
                f"<html><body><article><h1>Story {number}</h1>{paragraphs}</article></body></html>"
            )
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    f"https://example.org/{number}",
                    "response",
                    payload=BytesIO(page.encode()),
                    http_headers=headers,
                )
            )
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * 0.55)])
    table = framing.load(path, errors="ignore")
    assert 4 <= len(table) <= 6
    assert table["title"].tolist() == [f"Story {n}" for n in range(len(table))]
    (reason,) = _skips(table)["reason"]
    assert_one_line(reason, path)
    assert "truncated" in reason


# -- row 11: symlink loops, FIFOs ---------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_row11_symlink_loop_in_a_recursive_glob_and_a_folder_walk(tmp_path):
    root = tmp_path / "d"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text("Story a.", "utf-8")
    (root / "sub" / "b.txt").write_text("Story b.", "utf-8")
    os.symlink(root, root / "sub" / "loop")
    table = framing.load(str(root / "**" / "*.txt"))
    assert table["text"].tolist() == ["Story a.", "Story b."]
    assert framing.load(root)["text"].tolist() == ["Story a.", "Story b."]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_row11_a_fifo_in_a_folder_is_skipped_not_waited_on(tmp_path):
    (tmp_path / "good.txt").write_text("Story.", "utf-8")
    os.mkfifo(tmp_path / "f.txt")
    table = framing.load(tmp_path, errors="ignore")
    assert table["text"].tolist() == ["Story."]
    (reason,) = _skips(table)["reason"]
    assert_one_line(reason, tmp_path / "f.txt")
    assert "FIFO" in reason
    with pytest.raises(LoadError, match="FIFO"):
        framing.load_article(tmp_path / "f.txt")


# -- row 12: tags as words ----------------------------------------------------------------


def test_row12_text_mentioning_tags_as_words_is_not_cut(tmp_path):
    text = (
        "Web pages mark paragraphs with <p> and the reporter explained it.\n\n"
        "Designers put CSS in a <style> element, she said, and the rest follows."
    )
    path = tmp_path / "tags.json"
    path.write_text(json.dumps([{"title": "Tags", "text": text}]), "utf-8")
    table = framing.load(path)
    assert table.loc[0, "text"] == text
    assert "text_was_html" not in table.loc[0, "meta"]


# -- row 13: non-Latin outlet names -------------------------------------------------------


def test_row13_non_latin_outlet_names_survive_every_input(tmp_path):
    names = ["Известия", "新华社", "الجزيرة"]
    (tmp_path / "a.jsonl").write_text(
        _jsonl([{"text": f"Story {n}.", "outlet": name} for n, name in enumerate(names)]), "utf-8"
    )
    (tmp_path / "b.csv").write_text("text,source\nCSV story.,Известия\n", "utf-8")
    (tmp_path / "c.txt").write_text("Source: 新华社\n\nText file story.", "utf-8")
    table = framing.load(tmp_path)
    assert table["outlet"].astype(str).tolist() == [
        "известия",
        "新华社",
        "الجزيرة",
        "известия",
        "新华社",
    ]
    # the display name: kept in meta when the id differs from it
    display = [m.get("outlet_name", o) for m, o in zip(table["meta"], table["outlet"], strict=True)]
    assert display == [*names, "Известия", "新华社"]
    with pytest.warns(UserWarning, match="not in the outlet registry"):
        forced = framing.load(tmp_path / "c.txt", outlet="Известия")
    assert forced.loc[0, "outlet"] == "известия"


# -- row 15: RSS double escaping ---------------------------------------------------------


def test_row15_rss_entities_are_decoded_once(tmp_path):
    pytest.importorskip("feedparser")
    path = tmp_path / "feed.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>'
        "<link>https://example.org</link><item><title>AT&amp;amp;T deal</title>"
        "<link>https://example.org/a</link>"
        "<description>AT&amp;amp;T said the deal was done.</description></item>"
        "</channel></rss>",
        "utf-8",
    )
    table = framing.load(path)
    assert table.loc[0, ["title", "text"]].tolist() == ["AT&T deal", "AT&T said the deal was done."]


# -- row 16: size cap inside gzip, bounded memory -----------------------------------------


def test_row16_a_huge_line_inside_gzip_is_skipped_with_bounded_memory(tmp_path):
    path = tmp_path / "big.jsonl.gz"
    huge = json.dumps({"text": "x" * 4_000_000})
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(_jsonl([GOOD]) + huge + "\n" + _jsonl([{**GOOD, "title": "After"}]))
    tracemalloc.start()
    table = framing.load(path, max_bytes=100_000, errors="ignore")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert table["title"].tolist() == ["Talks resume", "After"]
    (reason,) = _skips(table)["reason"]
    assert_one_line(reason, path, location="line 2")
    assert "more than max_bytes=100,000" in reason
    assert peak < 2_000_000, peak  # the 4 MB line was never held whole


def test_row16_the_cap_applies_to_csv_rows_inside_gzip(tmp_path):
    path = tmp_path / "big.csv.gz"
    rows = "title,text\nOne,First body.\nHuge," + "y" * 300_000 + "\nThree,Third body.\n"
    path.write_bytes(gzip.compress(rows.encode()))
    table = framing.load(path, max_bytes=50_000, errors="ignore")
    assert table["title"].tolist() == ["One", "Three"]
    assert "more than max_bytes=50,000" in _skips(table).loc[0, "reason"]


# -- row 17: very large HTML ----------------------------------------------------------------


def test_row17_pages_with_very_many_blocks_are_read_by_the_linear_extractor(tmp_path):
    pytest.importorskip("trafilatura")
    paragraphs = "".join(
        f"<p>Paragraph {n} of the very long page.</p>"
        for n in range(MAX_BLOCKS_FOR_TRAFILATURA + 1)
    )
    path = tmp_path / "long.html"
    path.write_text(
        "<html><head><title>Long page</title></head><body><nav>Home | World</nav>"
        f"<article><h1>Long page</h1>{paragraphs}</article><footer>Copyright</footer></body></html>",
        "utf-8",
    )
    article = framing.load_article(path)
    assert article.title == "Long page"
    assert len(article.paragraphs) == MAX_BLOCKS_FOR_TRAFILATURA + 1
    assert (
        article.paragraphs[-1] == f"Paragraph {MAX_BLOCKS_FOR_TRAFILATURA} of the very long page."
    )
    assert "Home | World" not in article.text and "Copyright" not in article.text
    assert "linear extractor" in article.meta["warnings"][0]


# -- row 30, 31 ------------------------------------------------------------------------------


def test_row30_jsonl_with_a_utf8_bom_loads_its_first_record(tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + _jsonl([GOOD, {**GOOD, "title": "Two"}]).encode())
    table = framing.load(path)
    assert table["title"].tolist() == ["Talks resume", "Two"]


def test_row31_an_output_file_inside_an_input_folder_is_never_read_back(tmp_path):
    corpus = tmp_path / "corp"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Story a.", "utf-8")
    (corpus / "b.txt").write_text("Story b.", "utf-8")
    output = corpus / "articles.csv"
    from framing.io import write_table

    for _ in range(3):
        table = framing.load(corpus, exclude=[output])
        assert table["text"].tolist() == ["Story a.", "Story b."]
        write_table(table, output)
    # a pattern naming the output reads it (exclude= is the caller's to pass)
    assert len(framing.load(str(corpus / "*.csv"))) == 2
    assert len(framing.load(output)) == 2  # named explicitly: read


# -- what already worked stays so ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("utf16.txt", "Caf\u00e9 news today.".encode("utf-16"), "Caf\u00e9 news today."),
        (
            "cp1252.txt",
            "Caf\u00e9 \u201cquoted\u201d.".encode("cp1252"),
            "Caf\u00e9 \u201cquoted\u201d.",
        ),
        (
            "cp1251.txt",
            "Новости дня и мира сегодня.".encode("cp1251"),
            "Новости дня и мира сегодня.",
        ),
        # a headline of four or more words (a one-word first line is a label, not a title)
        (
            "cr.txt",
            b"Old mill reopens its doors\r\rFirst paragraph.\rStill it.",
            "First paragraph.\n\nStill it.",
        ),
        ("plain.txt.gz", b"Not actually gzip.", "Not actually gzip."),
        ("with space \u00e9.txt", b"Spaced name.", "Spaced name."),
    ],
)
def test_inputs_handled_well_already_still_load(tmp_path, name, data, expected):
    path = tmp_path / name
    path.write_bytes(data)
    assert framing.load_article(path).text == expected


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("doc.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 4, "binary"),
        ("archive.txt", b"PK\x03\x04" + bytes(range(256)) * 4, "binary"),
        ("empty.txt.gz", b"", "empty"),
        ("nothing.txt", b"", "empty"),
    ],
)
def test_bad_inputs_handled_well_already_give_one_line(tmp_path, name, data, problem):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(LoadError) as caught:
        framing.load_article(path)
    assert_one_line(str(caught.value), path)
    assert problem in str(caught.value)


def test_a_folder_named_like_a_file_and_non_object_jsonl_lines(tmp_path):
    (tmp_path / "dir.txt").mkdir()
    (tmp_path / "dir.txt" / "inner.txt").write_text("Inner story.", "utf-8")
    (tmp_path / "lines.jsonl").write_text('[1, 2]\n"text"\n' + _jsonl([GOOD]), "utf-8")
    table = framing.load(tmp_path, errors="ignore")
    assert table["text"].tolist() == ["Inner story.", GOOD["text"]]
    assert _skips(table)["location"].tolist() == ["line 1", "line 2"]


def test_bad_records_are_load_errors_not_usage_errors(tmp_path):
    """Bad input is a LoadError (exit 1); a bad option is a ParameterError (exit 2)."""
    path = tmp_path / "dated.jsonl"
    path.write_text(_jsonl([{"text": "x", "date": "2020-01-01T10:00:00+25:00"}]), "utf-8")
    assert len(framing.load(path)) == 1
    (tmp_path / "bad.json").write_text("[" * 5000, "utf-8")
    with pytest.raises(FramingError) as caught:
        framing.load(tmp_path / "bad.json")
    assert not isinstance(caught.value, ParameterError)
    with pytest.raises(ParameterError, match="format='docx'"):
        framing.load(path, format="docx")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_an_unreadable_folder_inside_a_walk_is_reported(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads every folder")
    (tmp_path / "good.txt").write_text("Story.", "utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.txt").write_text("Hidden.", "utf-8")
    locked.chmod(0)
    try:
        table = framing.load(tmp_path, errors="ignore")
    finally:
        locked.chmod(0o755)
    assert table["text"].tolist() == ["Story."]
    assert "cannot be listed" in _skips(table).loc[0, "reason"]
