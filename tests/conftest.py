"""Shared fixtures: paths to shipped data and to ../shared (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED_NAME = "kayhan_2020-01-18_cnn-us-troops-iraq.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return REPO / "data" / SEED_NAME


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    path = REPO.parent / "shared"
    if not path.is_dir():
        pytest.skip("../shared is not present beside the project")
    return path
