"""Fixtures for the UI tests; the helpers themselves live in uihelp.py."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pytest  # noqa: E402

from uihelp import MINI, entry_of  # noqa: E402


@pytest.fixture
def mini_entry():
    return entry_of(MINI)


@pytest.fixture
def data_in_tmp(tmp_path, monkeypatch):
    """The game's data folder (records, the pictures kept for the next start) in `tmp_path`."""
    monkeypatch.setenv("BYSTANDER_DATA_DIR", str(tmp_path / "data"))
