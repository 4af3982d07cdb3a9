"""The outlet registry as data."""

from __future__ import annotations

import json

import pytest

import framing
from framing.outlets import OutletRegistry


def test_default_registry_size_and_content():
    reg = OutletRegistry.default()
    assert len(reg) >= 25
    for outlet in reg.values():
        assert (
            outlet.name
            and outlet.country
            and outlet.ownership in {"state", "public", "private", "cooperative"}
        )
        assert outlet.domains, outlet.id
        assert outlet.epithets, outlet.id
    states = {o.country for o in reg.values() if o.ownership == "state"}
    assert {"CN", "RU", "IR", "QA", "TR", "SY", "KP"} <= states | {"TR"}
    assert "the broadcaster" in reg["cnn"].epithets
    assert "the agency" in reg["reuters"].epithets


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("CNN", "cnn"),
        ("the Associated Press", "ap"),
        ("Cable News Network", "cnn"),
        ("https://www.presstv.ir/Detail/2020/01/18", "press-tv"),
        ("english.news.cn", "xinhua"),
        ("Kayhan", "kayhan-international"),
        ("Nobody Weekly", None),
    ],
)
def test_resolve(name, expected):
    assert OutletRegistry.default().resolve(name) == expected


def test_user_registry_extends_default(tmp_path):
    path = tmp_path / "mine.json"
    path.write_text(
        json.dumps(
            {
                "outlets": [
                    {
                        "id": "valley-gazette",
                        "name": "Valley Gazette",
                        "kind": "newspaper",
                        "country": "US",
                        "ownership": "private",
                        "aliases": ["the Gazette"],
                        "epithets": ["the paper"],
                        "domains": ["valleygazette.example"],
                        "timezone": "America/Denver",
                    }
                ]
            }
        ),
        "utf-8",
    )
    reg = OutletRegistry.from_file(path)
    assert reg.resolve("the Gazette") == "valley-gazette" and reg.resolve("CNN") == "cnn"
    art = framing.load_article(
        text="Date: 2020-06-01 08:00\n\nThe council met today in town.",
        registry=reg,
        outlet="Valley Gazette",
    )
    assert art.outlet == "valley-gazette"
    assert art.published.isoformat() == "2020-06-01T08:00:00-06:00"


def test_bad_registry_files(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(
        json.dumps({"outlets": [{"id": "x", "name": "X", "ownership": "mystery"}]}), "utf-8"
    )
    with pytest.raises(
        framing.FramingError, match=r"bad\.json, outlet 1 \(x\): ownership='mystery'"
    ):
        OutletRegistry.from_file(path)
    path.write_text("{not json", "utf-8")
    with pytest.raises(framing.FramingError, match=r"bad\.json: not a JSON outlet registry"):
        OutletRegistry.from_file(path)


def test_registry_json_round_trips(tmp_path):
    reg = OutletRegistry.default()
    path = tmp_path / "copy.json"
    path.write_text(reg.to_json(), "utf-8")
    again = OutletRegistry.from_file(path, extend_default=False)
    assert list(again) == list(reg)
    assert again["kayhan-international"].layout is not None


@pytest.mark.parametrize(
    ("pattern", "unsafe"),
    [
        (r"^(a+)+$", True),
        (r"(\w+\s?)*", True),
        (r"(?:x*y?){2,9}", True),
        (r"(.*a){12}", True),
        (r"(\w|a1)+$", True),
        (r"(?:\w+\s)+", False),  # each repeat ends with a space \w cannot match
        (r"(?:[A-Z]+ )+$", False),
        (r"(?:yes|no)+", False),
        (r"^News ID:\s*(?P<news_id>\d+)$", False),
        (r"(?:\d+,)*\d+", False),
    ],
)
def test_unsafe_patterns_are_recognised(pattern, unsafe):
    from framing.regex_safety import unsafe_reason

    assert (unsafe_reason(pattern) is not None) is unsafe


def test_every_shipped_layout_pattern_is_safe():
    from framing.regex_safety import unsafe_reason

    for outlet in OutletRegistry.default().values():
        layout = outlet.layout
        if layout is None:
            continue
        patterns = [*layout.detect, *layout.header, *layout.footer, *layout.drop]
        patterns += [layout.dateline] if layout.dateline is not None else []
        for pattern in patterns:
            assert unsafe_reason(pattern.pattern) is None, (outlet.id, pattern.pattern)


def test_slugify_keeps_every_script_and_canonical_keeps_the_display_name():
    from framing.outlets import slugify

    assert slugify("Süddeutsche Zeitung") == "suddeutsche-zeitung"
    assert slugify("Известия") == "известия" and slugify("新华社") == "新华社"
    assert slugify("Al-Jazeera (English)") == "al-jazeera-english"
    assert slugify("???") == "" and OutletRegistry.default().canonical("???") is None
    art = framing.load_article(text="Source: Известия\n\nThe story.")
    assert art.outlet == "известия" and art.meta["outlet_name"] == "Известия"


def test_agencies_resolve_by_their_dateline_credits_and_names_are_listed_once():
    reg = OutletRegistry.default()
    assert reg.by_credit("IP") == "iran-press" and reg.by_credit("BSS") == "bss"
    assert reg.resolve("IP") is None  # a two-letter credit is no alias
    assert reg.resolve("GulfToday") == "gulf-today"
    names = reg.names
    assert len(names) == len(set(names)) and "Thomson Reuters" in names
    assert [len(n) for n in names] == sorted((len(n) for n in names), reverse=True)


def test_every_outlet_has_the_keys_layout_inference_reads():
    for outlet in OutletRegistry.default().values():
        assert outlet.timezone, outlet.id  # naive dates on its pages take its zone
        assert all(c.strip() == c and c for c in outlet.dateline_credits), outlet.id
