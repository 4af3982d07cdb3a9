"""The public surface changes only on purpose."""

from __future__ import annotations

import framing


def test_all_is_sorted_and_complete():
    assert framing.__all__ == sorted(framing.__all__, key=lambda n: (not n.isupper(), n))
    public = {
        n for n in dir(framing) if not n.startswith("_") and not _is_module(getattr(framing, n))
    }
    assert public - {"annotations"} == set(framing.__all__)


def _is_module(obj):
    import types

    return isinstance(obj, types.ModuleType)


def test_article_is_frozen_and_round_trips(seed_path):
    import dataclasses

    import pytest

    art = framing.load_article(seed_path)
    with pytest.raises(dataclasses.FrozenInstanceError):
        art.outlet = "cnn"
    with pytest.raises(TypeError):
        art.meta["news_id"] = "1"
    row = framing.articles_to_frame([art]).iloc[0]
    assert framing.Article.from_row(row).to_dict() == art.to_dict()
