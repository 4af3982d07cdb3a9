"""RSS/Atom loader (feedparser)."""

from __future__ import annotations

import pytest

import framing

pytest.importorskip("feedparser")

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
 <title>Tehran Times - Politics</title><link>https://www.tehrantimes.com/</link><language>en</language>
 <item>
  <title>Parliament votes on foreign forces</title>
  <link>https://www.tehrantimes.com/news/444/parliament-votes</link>
  <pubDate>Sun, 05 Jan 2020 18:30:00 +0330</pubDate>
  <author>desk@tehrantimes.com (Political Desk)</author>
  <content:encoded><![CDATA[<p>TEHRAN – The Iraqi parliament voted on Sunday.</p><p>The vote was historic.</p>]]></content:encoded>
 </item>
 <item>
  <title>Headline only</title>
  <link>https://www.tehrantimes.com/news/445</link>
 </item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
 <title>Example Wire</title><link href="https://www.example-wire.org/"/>
 <entry>
  <title>Storm hits coast</title><link href="https://www.example-wire.org/storm"/>
  <id>tag:example-wire.org,2021:storm</id><updated>2021-09-01T06:00:00Z</updated>
  <author><name>Ana Lima</name></author>
  <summary>A storm hit the coast on Wednesday, cutting power to thousands.</summary>
 </entry>
</feed>"""


def test_rss_entries(tmp_path):
    path = tmp_path / "politics.rss"
    path.write_text(RSS, encoding="utf-8")
    with pytest.warns(UserWarning, match="the entry has no content or summary"):
        table = framing.load(path)
    row = table.iloc[0]
    assert row["outlet"] == "tehran-times"
    assert row["title"] == "Parliament votes on foreign forces"
    assert row["published"].isoformat() == "2020-01-05T18:30:00+03:30"
    # the newspaper's bare dateline is taken off the body, as a wire's is (datelines.json)
    assert row["dateline"] == "TEHRAN"
    assert row["text"] == "The Iraqi parliament voted on Sunday.\n\nThe vote was historic."
    assert row["language"] == "en"
    assert framing.skipped_table(table).loc[0, "location"] == "entry 2"


def test_atom_summary_only_entry(tmp_path):
    path = tmp_path / "wire.atom"
    path.write_text(ATOM, encoding="utf-8")
    art = framing.load_article(path)
    assert art.outlet == "example-wire-org"  # unknown outlet: slug of the site
    assert art.byline == "Ana Lima"
    assert art.meta["content_is_summary"] is True
    assert art.published.isoformat() == "2021-09-01T06:00:00+00:00"


def test_not_a_feed(tmp_path):
    path = tmp_path / "broken.rss"
    path.write_text("<rss><channel><title>x</title>", encoding="utf-8")
    with pytest.raises(framing.FramingError, match=r"broken\.rss: no feed entries found"):
        framing.load(path)
