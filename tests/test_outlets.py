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
