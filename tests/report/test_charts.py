"""Every chart renders with the expected marks, labels and colours (image tests)."""

from __future__ import annotations

import io

import matplotlib.colors as mcolors
import pandas as pd
import pytest
from matplotlib.figure import Figure

from framing import plot
from framing.report.palette import COLOURS, category_colour


def _axes():
    return Figure(figsize=(6, 4)).subplots()


def _renders(ax) -> None:
    buffer = io.BytesIO()
    ax.figure.savefig(buffer, format="png")
    assert buffer.getvalue().startswith(b"\x89PNG") and len(buffer.getvalue()) > 5_000


def _hex(artist) -> str:
    return mcolors.to_hex(artist.get_facecolor()).upper()


def test_alignment_map_has_one_point_per_alignment_row(border_comparison):
    c = border_comparison
    ax = plot.alignment_map(data=c.alignment, ax=_axes())
    _renders(ax)
    assert sum(len(col.get_offsets()) for col in ax.collections) == len(c.alignment) == 7
    assert (ax.get_xlabel(), ax.get_ylabel(), ax.get_title()) == (
        "citing sentence",
        "source sentence",
        "Alignment map",
    )
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["reworded (5)", "added (1)", "omitted (1)", "moved (2)"]
    # the omitted sentence sits in the "omitted" column (x = -1), the added one in the top row
    omitted = next(col for col in ax.collections if col.get_label().startswith("omitted"))
    assert omitted.get_offsets()[0].tolist() == [-1.0, 5.0]
    assert mcolors.to_hex(omitted.get_facecolor()[0]).upper() == COLOURS["relation"]["omitted"]


def test_substitution_chart_labels_pairs_and_colours_categories(border_comparison):
    c = border_comparison
    ax = plot.substitutions(data=c.substitutions, ax=_axes())
    _renders(ax)
    assert len(ax.patches) == len(c.substitutions) == 3
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert "killed → martyred" in labels and "troops withdrew from → occupiers fled" in labels
    by_label = dict(zip(labels, ax.patches, strict=True))
    assert _hex(by_label["killed → martyred"]) == category_colour("violence").upper()
    assert by_label["killed → martyred"].get_width() == pytest.approx(1.0)
    assert "loadedness shift" in ax.get_xlabel()


def test_loaded_terms_counts_per_thousand_words_for_each_side(border_comparison):
    c = border_comparison
    ax = c.plot_loaded_terms(ax=_axes())
    _renders(ax)
    categories = c.loaded_terms["category"].astype(str).nunique()
    assert len(ax.patches) == 2 * categories  # a bar per side, even a zero one
    citing_words = c.metric("citing_words")
    widths = sorted(p.get_width() for p in ax.patches if _hex(p) == COLOURS["side"]["citing"])
    counts = c.loaded_terms.query("side == 'citing'")["category"].value_counts()
    expected = sorted(1000 * n / citing_words for n in counts if n)
    assert widths == pytest.approx(expected)
    assert ax.get_xlabel() == "loaded terms per 1,000 words"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["source", "citing"]


def test_attribution_profile_stacks_cue_verbs_per_source(border_comparison):
    c = border_comparison
    ax = c.plot_attributions(ax=_axes())
    _renders(ax)
    combos = c.attributions.groupby(["source", "cue_lemma"]).ngroups
    assert len(ax.patches) == combos
    sources = [t.get_text() for t in ax.get_yticklabels()]
    assert sources[-1] == "Meridian News Agency"  # the most cited source on top
    assert sum(p.get_width() for p in ax.patches) == len(c.attributions)


def test_voice_shares_add_up_to_one(border_comparison):
    ax = border_comparison.plot_voice(ax=_axes())
    _renders(ax)
    assert len(ax.patches) == 3
    assert sum(p.get_width() for p in ax.patches) == pytest.approx(1.0)
    assert ax.get_xlabel() == "share of words"


def test_fidelity_chart_counts_verdicts_of_quotes_and_claims(border_comparison):
    c = border_comparison
    ax = c.plot_fidelity(ax=_axes())
    _renders(ax)
    assert sum(p.get_width() for p in ax.patches) == len(c.attribution_fidelity)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["claims", "quotes"]
    colours = {_hex(p) for p in ax.patches}
    assert COLOURS["verdict"]["unsupported"] in colours


def test_charts_work_on_many_articles_at_once():
    import framing

    analysis = framing.analyze(framing.load(framing.example_path("kayhan")))
    ax = analysis.plot_loaded_terms(ax=_axes())
    assert len(ax.patches) == analysis.loaded_terms["category"].nunique()
    ax = plot.attribution_profile(data=analysis.attributions, ax=_axes(), top=3)
    assert len(ax.get_yticklabels()) == 3
    ax = analysis.plot_voice(ax=_axes())
    assert sum(p.get_width() for p in ax.patches) == pytest.approx(1.0)


def test_empty_tables_draw_a_message_and_bad_tables_say_what_is_missing():
    ax = plot.substitutions(
        data=pd.DataFrame(
            columns=["source_phrase", "citing_phrase", "source_loadedness", "citing_loadedness"]
        ),
        ax=_axes(),
    )
    assert ax.texts[0].get_text() == "no substitutions" and not ax.patches
    ax = plot.loaded_terms(data=pd.DataFrame(), ax=_axes())  # e.g. a saved table with no rows
    assert ax.texts[0].get_text() == "no loaded terms found"
    with pytest.raises(ValueError, match="lacks columns \\['relation'\\]"):
        plot.alignment_map(
            data=pd.DataFrame({"source_index": [0], "citing_index": [0]}), ax=_axes()
        )


def test_a_category_has_one_colour_everywhere():
    assert category_colour("violence") == category_colour("violence")
    assert len({category_colour(c) for c in ["violence", "expulsion", "euphemism", "x"]}) > 1
