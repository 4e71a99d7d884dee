"""Shared fixtures. Tests never touch the network; the shared data is read in place."""

from __future__ import annotations

from pathlib import Path

import pytest

from recoupe import settings

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return REPO / "examples"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not settings.SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent")
    return settings.SEEDS


@pytest.fixture(scope="session")
def benchdata() -> Path:
    if not settings.DEFAULT_BENCHDATA.is_dir():
        pytest.skip("../shared/benchdata is absent")
    return settings.DEFAULT_BENCHDATA
