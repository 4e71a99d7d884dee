"""The web app over a real SQLite store filled with the hand-built dossiers."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from conftest_dossier import ServerThread, filled_store, injection_dossier, rich_dossier  # noqa: E402

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture
def store_path(tmp_path):
    path = tmp_path / "store.db"
    filled_store(path, rich_dossier())
    return path


@pytest.fixture
def client(store_path):
    from recoupe.serve import create_app

    with TestClient(create_app(store_path)) as c:
        yield c


@pytest.fixture
def live_server(store_path):
    from recoupe.serve import create_app

    with ServerThread(create_app(store_path)) as server:
        yield server


@pytest.fixture
def injected_store(tmp_path):
    return filled_store(tmp_path / "injected.db", injection_dossier())
