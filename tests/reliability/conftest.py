"""Reliability tests: the figures they measure are printed at the end of the run.

Every test here has a fast form that `make test` runs. `make soak` sets BYSTANDER_SOAK=1 for the
long forms (10,000 play-throughs, hundreds of killed writes) and prints the same figures.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pytest  # noqa: E402

from reliahelp import SOAK  # noqa: E402

FIGURES: list[str] = []
"""One line per figure, in the order measured; printed after the test summary."""


def pytest_configure(config):
    config.addinivalue_line("markers", "soak: only runs under `make soak` (BYSTANDER_SOAK=1)")


def pytest_collection_modifyitems(config, items):
    if SOAK:
        return
    skip = pytest.mark.skip(reason="long form: run `make soak`")
    here = Path(__file__).parent
    for item in items:
        if item.get_closest_marker("soak") and here in Path(item.path).parents:
            item.add_marker(skip)


@pytest.fixture
def figure():
    """`figure("play-throughs", 100)`: note a measured figure for the end of the run."""
    def note(name: str, value: object) -> None:
        FIGURES.append(f"{name}: {value}")
        print(f"{name}: {value}")
    return note


def pytest_terminal_summary(terminalreporter):
    if FIGURES:
        terminalreporter.section("reliability figures")
        for line in FIGURES:
            terminalreporter.write_line(line)
