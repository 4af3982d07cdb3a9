"""Outlet evidence: precedence, credits that name no outlet, registry-only kinds."""

from __future__ import annotations

from framing.loaders.outlet_evidence import OutletEvidence, registry_mentions
from framing.outlets import OutletRegistry

REG = OutletRegistry.default()


def test_dateline_credit_wins_over_site_lines():
    ev = OutletEvidence(REG)
    ev.add("site name", "Example Gazette", "logo", 1)
    ev.add("dateline credit", "Reuters", "dateline credit", 9)
    assert ev.resolve()[:2] == ("reuters", "Reuters")


def test_carrier_first_in_a_shared_credit_and_credits_that_name_no_outlet():
    ev = OutletEvidence(REG)
    ev.add("dateline credit", "Dispatches", "dateline credit", 3)
    assert ev.resolve() is None
    ev.add("dateline credit", "BSS/AFP", "dateline credit", 4)
    assert ev.resolve()[0] == "bss"


def test_credits_resolve_through_the_registry_credits():
    ev = OutletEvidence(REG)
    ev.add("dateline credit", "IP", "dateline credit", 2)
    assert ev.resolve()[0] == "iran-press"


def test_a_source_line_counts_only_when_the_registry_knows_it():
    ev = OutletEvidence(REG)
    ev.add("source line", "Region Materials", "source name on the date line", 2)
    assert ev.resolve() is None
    ev.add("source line", "The Guardian", "source name on the date line", 3)
    assert ev.resolve()[0] == "guardian"


def test_unknown_names_become_slugs():
    ev = OutletEvidence(REG)
    ev.add("site name", "Harbour Herald", "copyright", 30)
    assert ev.resolve() == ("harbour-herald", "Harbour Herald", "copyright", 30, "site name")


def test_registry_mentions():
    text = "Support Al Jazeera and the AP, and TASS."
    assert registry_mentions(text, REG) == ["Al Jazeera", "AP", "TASS"]
