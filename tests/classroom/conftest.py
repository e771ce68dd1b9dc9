"""Fixtures for the classroom tests; the helpers live in classhelp.py."""

from __future__ import annotations

import pytest

from classhelp import ADRIAN, MINI, load_ok


@pytest.fixture(scope="session")
def mini_loaded():
    """The small test scenario and its content hash."""
    return load_ok(MINI)


@pytest.fixture(scope="session")
def adrian_loaded():
    """The main scenario and its content hash."""
    return load_ok(ADRIAN)


@pytest.fixture
def fast_disk(monkeypatch):
    """Skip fsync: tests that write many records need no durability, only the right bytes."""
    import os
    monkeypatch.setattr(os, "fsync", lambda fd: None)
