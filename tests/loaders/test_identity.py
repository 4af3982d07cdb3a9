"""Article identity within a load: unique ids, exact duplicates kept once."""

from __future__ import annotations

import dataclasses

import framing
from framing.article import article_id
from framing.loaders import collect
from framing.loaders.identity import Identity


def test_article_id_depends_on_content_and_position_not_folder():
    base = article_id("cnn", "story.txt", "Title", "Body.")
    assert article_id("cnn", "story.txt", "Title", "Other body.") != base
    assert article_id("cnn", "story.txt#2", "Title", "Body.") != base
    assert article_id("cnn", "story.txt", "Title", "Body.", url="https://x.org/a") != base
    assert article_id("cnn", "story.txt", "Title", "Body.") == base


def test_identity_reports_duplicates_and_renames_clashing_ids():
    first = framing.load_article(text="Same words.", title="T", source_path="a.txt")
    twin = dataclasses.replace(first, source_path="b.txt", meta={"record": "line 4"})
    other = dataclasses.replace(first, text="Different words.")
    identity = Identity()
    assert identity.check(first) is first
    duplicate = identity.check(twin)
    assert duplicate.kind == "duplicate" and duplicate.duplicate_of == first.article_id
    assert duplicate.reason == (
        f"b.txt, line 4: exact duplicate of a.txt (article_id {first.article_id}); kept once."
    )
    renamed = identity.check(other)
    assert renamed.article_id == f"{first.article_id}-2"
    assert "renamed" in renamed.meta["warnings"][-1]


def test_collect_lists_duplicate_sources_on_the_kept_article():
    first = framing.load_article(text="Same words.", source_path="a.txt")
    twin = dataclasses.replace(first, source_path="b.txt")
    identity = Identity()
    articles, skipped = collect(identity.check(a) for a in (first, twin))
    assert len(articles) == 1 and len(skipped) == 1
    assert articles[0].meta["duplicates"] == ["b.txt"]
