"""Page furniture: one constructed line per kind, and prose that must stay."""

from __future__ import annotations

import pytest

from framing.loaders.furniture import furniture_hit, headline_like


@pytest.mark.parametrize(
    ("line", "where", "kind"),
    [
        ("Skip to main content", "head", "navigation"),
        ("Home > Business > Markets", "head", "navigation"),
        ("2. Economy", "head", "navigation"),
        ("Example Gazette logo", "head", "logo"),
        ("Print this article", "body", "share"),
        ("Facebook Twitter WhatsApp", "body", "share"),
        ("Follow us on Telegram", "body", "follow"),
        ("Stay informed - join our Telegram channel.", "body", "follow"),
        ("on Facebook", "body", "follow"),
        ("Story continues below advertisement", "body", "advertisement"),
        ("This website uses cookies to improve your visit. Accept all cookies", "body", "cookie"),
        ("Related stories", "body", "related"),
        ("Also read: Ministers meet in Oslo", "body", "related"),
        ("Read the full report here.", "body", "related"),
        ("Leave a Reply", "body", "comment"),
        ("4 + 5 =", "body", "comment"),
        ("Topics: economy, ports", "body", "tags"),
        ("A crane at the port. (photo credit: Jane Roe)", "body", "caption"),
        ("A crane at the port. (AP Photo/Jane Roe)", "body", "caption"),
        ("A crane at the port. Photo: Reuters", "body", "caption"),
        ("A crane at the port. /Jane Roe/Reuters", "body", "caption"),
        ("The minister speaks.— NewsTV/File", "body", "caption"),
        ("A crane at the port on Monday. AFP", "body", "caption"),
        ("Jane Roe/Getty Images", "body", "caption"),
        ("© Example Agency / Jane Roe", "body", "caption"),
        ("© 2022 Example Gazette. All rights reserved.", "tail", "copyright"),
        ("(Reporting by Ana Lima; Editing by Per Dahl)", "body", "credit"),
        ("With reporting from AFP", "body", "credit"),
        ("(Web editor: Ana Lima)", "body", "credit"),
        ("AB/XYZ12345678", "body", "code"),
        ("Story ID: 88123", "body", "code"),
        ("Share icon", "body", "placeholder"),
        ("Dear Readers,", "head", "subscription"),
        ("Subscribe now", "body", "subscription"),
        ("Sign up for Example Daily: the morning briefing.", "body", "newsletter"),
        ("6 min read", "head", "reading-time"),
        ("3 June, 10:20 GMT", "body", "related"),  # a teaser's time stamp
        ("Example Weekly·", "head", "site-name"),
    ],
)
def test_furniture_kinds(line, where, kind):
    hit = furniture_hit(line, where)
    assert hit is not None and hit.rule.kind == kind, (line, hit and hit.rule.name)


@pytest.mark.parametrize(
    "line",
    [
        "The ministry said it would share the data with the public on Monday.",
        "Comments by the minister angered the opposition.",
        "Sources said the talks would resume next week.",
        "Editors at the paper said they stood by the story.",
        "Translation of the treaty took two years, officials said.",
        "Inflation rose by 2 percent a month, the bank said.",
        "Google uses cookies to track users, the regulator said.",
        "Read more about the plan in the report, he added.",
        "Follow-up talks are planned for June.",
        "Photo identification will be required at polling stations.",
        "The stations reopened on 21 April 2023 after repairs.",
    ],
)
def test_running_prose_is_never_furniture(line):
    for where in ("head", "body", "tail"):
        assert furniture_hit(line, where) is None, (line, where)


def test_site_names_come_from_self_references_only():
    assert furniture_hit("© 2022 Example Gazette. All rights reserved.", "tail").site == (
        "Example Gazette"
    )
    assert furniture_hit("Example Gazette logo", "head").site == "Example Gazette"
    assert furniture_hit("A crane at the port. /Jane Roe/Reuters", "body").site is None
    # a follow prompt names the site only when the registry knows it (a writer otherwise)
    follow = furniture_hit("Follow Jane Roe on Twitter", "body")
    assert follow.site == "Jane Roe" and follow.rule.site_known_only


def test_headline_like_lines():
    assert headline_like("Ministers meet in Oslo to discuss ports")
    assert not headline_like("Ministers met in Oslo.")
    assert not headline_like(" ".join(["word"] * 30))
