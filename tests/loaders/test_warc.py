"""WARC loader (warcio): HTML records become articles, others are reported."""

from __future__ import annotations

from io import BytesIO

import pytest

import framing

warcio = pytest.importorskip("warcio")

from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

PAGE = (
    "<html><head><title>Grain deal collapses</title>"
    '<meta property="article:published_time" content="2023-07-17T09:30:00+03:00"></head>'
    "<body><article><h1>Grain deal collapses</h1>"
    "<p>MOSCOW (TASS) -- Russia said on Monday it would not extend the grain deal, "
    "which allowed Ukraine to export grain through the Black Sea.</p>"
    "<p>The Kremlin said its demands had not been met by the other parties to the deal.</p>"
    "</article></body></html>"
)


def _write(path, records):
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=str(path).endswith(".gz"))
        for uri, content_type, body in records:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                uri, "response", payload=BytesIO(body), http_headers=headers
            )
            writer.write_record(record)


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_records(tmp_path, name):
    path = tmp_path / name
    _write(
        path,
        [
            ("https://tass.com/world/1647000", "text/html; charset=utf-8", PAGE.encode("utf-8")),
            ("https://tass.com/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"),
            ("https://tass.com/style.css", "text/css", b"body{}"),
        ],
    )
    with pytest.warns(UserWarning, match="2 non-HTML record"):
        table = framing.load(path)
    assert len(table) == 1
    row = table.iloc[0]
    assert row["outlet"] == "tass"
    assert row["url"] == "https://tass.com/world/1647000"
    assert row["dateline"] == "MOSCOW"
    assert row["published"].isoformat() == "2023-07-17T09:30:00+03:00"
    assert row["text"].startswith("Russia said on Monday")
    reason = framing.skipped_table(table).loc[0, "reason"]
    assert reason.endswith("2 non-HTML record(s) are not articles (image/png: 1, text/css: 1).")


def test_damaged_warc(tmp_path):
    path = tmp_path / "bad.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999\r\n\r\nshort")
    with pytest.raises(framing.FramingError, match=r"bad\.warc"):
        framing.load(path)
