"""The YAML test suite's 402 real files: none is a scenario, so every one must be refused cleanly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.core.loader import load

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "yaml-test-suite"
FILES = sorted(CORPUS.glob("*.yaml")) if CORPUS.is_dir() else []


@pytest.mark.skipif(not FILES, reason=f"corpus not found at {CORPUS}")
def test_corpus_is_there():
    assert len(FILES) >= 400


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_corpus_file_is_refused_cleanly(path):
    loaded = load(path)
    assert not loaded.ok
    assert loaded.issues
    for issue in loaded.issues:
        assert re.fullmatch(rf"{re.escape(str(path))}:\d+:\d+: .+", str(issue), re.S), str(issue)
        assert issue.pos.line >= 1 and issue.pos.col >= 1
        assert issue.code != "internal", str(issue)
