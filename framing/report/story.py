"""The plain-language summary of a comparison: a few sentences, every number traceable.

Each sentence names the table and metric it comes from (``source``), so a
reader of a report can find the rows behind it.

Examples
--------
>>> import framing
>>> c = framing.compare(
...     framing.load_article(text="Troops were asked to leave. Oil rose.", outlet="Reuters"),
...     framing.load_article(text="Troops were deported, Reuters said."))
>>> print(main_shifts(c)[0]["text"])
The citing article uses 1 of 2 source sentences (50%) and leaves out 1.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..outlets import OutletRegistry

if TYPE_CHECKING:  # pragma: no cover
    from ..article import Article
    from ..comparison import Comparison

__all__ = ["article_label", "main_shifts", "outlet_name"]


_SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "at", "de", "la", "el", "al"}


def outlet_name(article: Article, fallback: str) -> str:
    """Display name of an article's outlet.

    The registry's name for a known outlet; an unregistered outlet id
    ("voice-of-estmark-radio") is spelled out ("Voice of Estmark Radio").

    Examples
    --------
    >>> import framing
    >>> outlet_name(framing.Article.from_row({"outlet": "voice-of-estmark-radio"}), "?")
    'Voice of Estmark Radio'
    """
    outlet = article.outlet
    if not outlet:
        return fallback
    registry = OutletRegistry.default()
    if outlet in registry:
        return registry[outlet].name
    if " " in outlet or "-" not in outlet:
        return str(outlet)
    words = outlet.split("-")
    return " ".join(
        w if k and w in _SMALL_WORDS else w[:1].upper() + w[1:] for k, w in enumerate(words)
    )


def article_label(article: Article, fallback: str) -> str:
    """``Outlet, YYYY-MM-DD: Title`` for headers and captions."""
    date = article.published.date().isoformat() if article.published is not None else "undated"
    return f"{outlet_name(article, fallback)}, {date}: {article.title or '(untitled)'}"


def _quote(text: object, width: int = 60) -> str:
    text = " ".join(str(text).split())
    return f"“{text if len(text) <= width else text[: width - 1] + '…'}”"


def _share(part: float, whole: float) -> str:
    return f"{part / whole:.0%}" if whole else "0%"


def main_shifts(comparison: Comparison) -> list[dict[str, Any]]:
    """The main shifts as short sentences: ``{"text", "source"}`` dicts, most telling first."""
    c = comparison
    m = {k: float(v) for k, v in zip(c.summary["metric"], c.summary["value"], strict=True)}
    citing = "The citing article"
    source_outlet = outlet_name(c.source, "the source")
    out: list[dict[str, Any]] = []
    n_source = int(m["source_sentences"])
    used = round(m["coverage"] * n_source)
    out.append(
        {
            "text": f"{citing} uses {used} of {n_source} source sentences "
            f"({_share(used, n_source)}) and leaves out {n_source - used}.",
            "source": "summary: coverage, source_sentences; alignment: relation",
        }
    )
    added = int(m["relation_added"])
    if added:
        loaded = int(c.additions.query("level == 'sentence'")["loaded"].sum())
        out.append(
            {
                "text": f"It adds {added} sentence{'s' * (added != 1)} of its own"
                + (f", {loaded} with loaded terms." if loaded else "."),
                "source": "alignment: relation = added; additions: level = sentence",
            }
        )
    subs = c.substitutions
    rewordings = getattr(c, "rewordings", None)
    n_reworded = 0 if rewordings is None else len(rewordings)
    if len(subs):
        ranked = subs.sort_values("relevance", ascending=False, kind="stable")
        louder = subs[subs["direction"].isin(["neutral_to_loaded", "loaded_to_differently_loaded"])]
        kinds = ", ".join(
            f"{n} {kind.replace('_', ' ')}" for kind, n in ranked["kind"].value_counts().items()
        )
        shown = ", ".join(
            f"{_quote(r.source_phrase, 30)} → {_quote(r.citing_phrase, 30)}"
            for r in ranked.head(3).itertuples(index=False)
        )
        out.append(
            {
                "text": f"It swaps {len(subs)} word choice{'s' * (len(subs) != 1)} that may "
                f"change the framing ({kinds}); the most relevant: {shown}. {len(louder)} "
                f"make{'s' * (len(louder) == 1)} the wording more loaded or differently loaded"
                + (
                    f"; {n_reworded} other replaced phrase{'s' * (n_reworded != 1)} "
                    "are plain rewordings."
                    if n_reworded
                    else "."
                ),
                "source": "substitutions: kind, relevance, direction; rewordings",
            }
        )
    headline = getattr(c, "headline", None)
    if headline is not None and len(headline):
        changed = headline[headline["change"] == "substitution"]
        if len(changed):
            shown = ", ".join(
                f"{_quote(r.source_phrase, 30)} → {_quote(r.citing_phrase, 30)} "
                f"({str(r.kind).replace('_', ' ')})"
                for r in changed.head(3).itertuples(index=False)
            )
            out.append(
                {
                    "text": f"Its headline changes {shown}.",
                    "source": "headline: change = substitution",
                }
            )
    dropped = c.omissions[c.omissions["level"] == "phrase"]
    if len(dropped):
        kinds = dropped["kind"].value_counts()
        listed = ", ".join(f"{n} {kind.replace('_', ' ')}" for kind, n in kinds.items())
        example = dropped.iloc[0]["text"]
        out.append(
            {
                "text": f"Inside the sentences it keeps, it drops {len(dropped)} phrase"
                f"{'s' * (len(dropped) != 1)} ({listed}), for example {_quote(example)}.",
                "source": "omissions: level = phrase, kind",
            }
        )
    fidelity = c.attribution_fidelity
    to_source = fidelity[fidelity["to_source_outlet"].astype(bool)] if len(fidelity) else fidelity
    share = m["citing_share_attributed_to_source"]
    if len(fidelity):
        counts = fidelity["verdict"].value_counts()
        verdicts = ", ".join(
            f"{int(counts.get(v, 0))} {v}"
            for v in ("verbatim", "paraphrased", "altered", "unsupported")
            if counts.get(v, 0)
        )
        out.append(
            {
                "text": f"It credits {share:.0%} of its words to {source_outlet}. Of the "
                f"{len(fidelity)} statements it credits to the source or quotes from others "
                f"({len(to_source)} to the source), {verdicts}.",
                "source": "summary: citing_share_attributed_to_source; attribution_fidelity",
            }
        )
        unsupported = fidelity[fidelity["verdict"].isin(["altered", "unsupported"])]
        if len(unsupported):
            row = unsupported.iloc[0]
            out.append(
                {
                    "text": f"Not in the source as credited: {_quote(row['claim'], 90)} "
                    f"({row['verdict']}, credited to {row['source']}).",
                    "source": "attribution_fidelity: verdict",
                }
            )
    out.append(
        {
            "text": "Loaded terms per 1,000 words: "
            f"{m['loaded_per_1000_source']:.1f} in the source, "
            f"{m['loaded_per_1000_citing']:.1f} in the citing article "
            f"({m['loaded_per_1000_citing_own_voice']:.1f} in its own voice, "
            f"{m['loaded_per_1000_citing_attributed']:.1f} in passages it attributes).",
            "source": "summary: loaded_per_1000_*; loaded_terms",
        }
    )
    return out
