"""Fixtures for the renderer tests: the hand-built dossiers of tests/conftest_dossier.py."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from conftest_dossier import english_dossier, injection_dossier, rich_dossier  # noqa: E402


@pytest.fixture
def rich():
    return rich_dossier()


@pytest.fixture
def english():
    return english_dossier()


@pytest.fixture
def injected():
    return injection_dossier()
