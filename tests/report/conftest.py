"""Fixtures of the report tests: a real comparison of a shipped teaching pair."""

from __future__ import annotations

import matplotlib
import pytest

import framing
from framing.comparison.teaching import load_teaching_pair

matplotlib.use("Agg")


@pytest.fixture(scope="session")
def border_comparison() -> framing.Comparison:
    pair = load_teaching_pair("border-standoff")
    return framing.compare(pair.source, pair.citing)
