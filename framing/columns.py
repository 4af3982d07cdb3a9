"""Column names of every table framing returns, in one place.

Each tuple gives the columns of one table in their documented order.

``ARTICLE_COLUMNS`` (the loaders' contract, see ``DESIGN.md``):

=============  ===========================================================
article_id     stable id: a hash of outlet, url (or file name and record),
               and title
outlet         canonical outlet id from the outlet registry (categorical)
title          headline, or missing
published      timezone-aware timestamp, or NaT
dateline       place of the dateline ("WASHINGTON"), removed from ``text``
byline         author(s) as printed
url            address of the article, if known
language       ISO 639-1 code, if known
text           body only; paragraphs separated by one blank line
source_path    the file the article came from
meta           dict of everything else the format carried (news id, ...)
=============  ===========================================================

``SENTENCE_COLUMNS``: one row per sentence; ``start`` and ``end`` are
character offsets into the article's ``text`` (end exclusive).

``SKIPPED_COLUMNS``: one row per record that was not loaded, with the reason;
``kind`` is ``"skipped"`` (bad input) or ``"duplicate"`` (an exact copy, kept once).
"""

from __future__ import annotations

ARTICLE_COLUMNS: tuple[str, ...] = (
    "article_id",
    "outlet",
    "title",
    "published",
    "dateline",
    "byline",
    "url",
    "language",
    "text",
    "source_path",
    "meta",
)

SENTENCE_COLUMNS: tuple[str, ...] = ("article_id", "index", "start", "end", "paragraph", "text")

SKIPPED_COLUMNS: tuple[str, ...] = ("source_path", "location", "reason", "kind")

OUTLET_COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "kind",
    "country",
    "ownership",
    "language",
    "aliases",
    "epithets",
    "domains",
)
