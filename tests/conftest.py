"""Shared test set-up: headless SDL, and the scenarios every test can use."""

from __future__ import annotations

import gc
import os

# Headless: no window, no sound card. Set before anything imports pygame.
os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# The secret ballot's server only on loopback, on any free port (several test runs at once).
os.environ["BYSTANDER_BALLOT_HOST"] = "127.0.0.1"
os.environ["BYSTANDER_BALLOT_PORT"] = "0"

import logging  # noqa: E402

import pytest  # noqa: E402

from testpaths import MINI  # noqa: E402  (tests/ is on sys.path: this file lives there)


class SkipBindingAlarm(logging.Handler):
    """transitions only logs when it cannot bind a trigger to a model ("Skip binding"): a name
    clash that would make a choice silently do nothing. In tests that is an error."""

    def emit(self, record: logging.LogRecord) -> None:
        if "Skip binding" in record.getMessage():
            raise AssertionError(f"transitions: {record.getMessage()}")


logging.getLogger("transitions").addHandler(SkipBindingAlarm(logging.WARNING))


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path_factory, monkeypatch):
    """Settings, saves, records and the cache go to a fresh folder, never the tester's own."""
    base = tmp_path_factory.mktemp("userdirs")
    monkeypatch.setenv("BYSTANDER_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("BYSTANDER_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("BYSTANDER_CACHE_DIR", str(base / "cache"))


@pytest.fixture(autouse=True)
def _earlier_tests_out_of_the_collectors_way():
    """Each test starts with what earlier tests left alive set aside from the garbage collector
    (`gc.freeze`), and handed back after it. Event mode collects garbage whenever a screen is
    left (kiosk.release_screens): about 3 ms in the game, but in this process a full collection
    walks every object the whole suite has made so far, which made the event-day soak take 195 s
    by the end of the suite against 50 s on its own."""
    gc.freeze()
    yield
    gc.unfreeze()


@pytest.fixture(scope="session")
def mini():
    from game.core.loader import load
    loaded = load(MINI)
    assert loaded.ok, [str(i) for i in loaded.issues]
    return loaded.scenario
