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


def test_plot_and_coursework_load_on_first_use():
    import subprocess
    import sys

    code = (
        "import sys, framing; "
        "before = {m for m in ('framing.plot', 'framing.coursework', 'matplotlib') if m in sys.modules}; "
        "framing.coursework.check; framing.plot.keyness_scatter; "
        "print(sorted(before), 'plot' in dir(framing), 'coursework' in dir(framing))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["[]", "True", "True"]
