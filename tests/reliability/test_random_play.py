"""Random play through the whole game, UI included: every scenario, both languages, headless.

A random player (see `reliahelp.RandomPlayer`) posts key presses and clicks to the App: choices by
digit, letter, keypad or mouse, Space and Enter to go on, now and then Backspace, L, Esc twice, a
window resize. Frames are stepped with a fixed time step, never slept. Any exception or logged
error is an error. `make test` plays 48 play-throughs (four of each story in each language);
`make soak` plays 10,000 and watches memory.
"""

from __future__ import annotations

import pygame
import pytest

from reliahelp import SHIPPED, Tally, entries, make_app, random_play, rss_mb

FAST_SIZES = [(1280, 720), (1024, 768), (800, 600), (1366, 768)]
"""Resizes during the fast run; the 21:9 and 4K sizes are the soak's (and test_hardware's)."""


def _report(figure, tally: Tally) -> None:
    figure("play-throughs", f"{tally.plays} ({tally.finished} reached an ending, "
           f"{tally.presses} key presses and clicks)")
    figure("errors", len(tally.errors))
    for scenario_id, cover in tally.coverage.items():
        figure("coverage", cover.line(scenario_id))
    if tally.overflows:
        figure("texts that did not fit on the ending screen (by window size)",
               dict(tally.overflows))


def test_random_play_through_the_ui(figure):
    scenarios = entries()
    app = make_app(scenarios, persist=True)  # settings really written on each L press
    tally = random_play(app, scenarios, plays=48, seed=7, sizes=FAST_SIZES)
    _report(figure, tally)
    assert not tally.errors, "\n".join(tally.errors[:5])
    assert tally.finished == tally.plays
    assert {c for c in tally.coverage} == {e.scenario.id for e in scenarios}
    assert pygame.mixer.get_init() is None, "the game opened the audio device"


@pytest.mark.soak
def test_soak_ten_thousand_play_throughs_with_flat_memory(figure):
    scenarios = entries()
    app = make_app(scenarios, persist=True)
    memory: list[tuple[int, float]] = []

    def every_play(n: int, tally: Tally) -> None:
        if n % 1000 == 0:
            memory.append((n, rss_mb()))
            print(f"{n} play-throughs, {len(tally.errors)} errors, RSS {memory[-1][1]:.0f} MB",
                  flush=True)

    tally = random_play(app, scenarios, plays=10_000, seed=2024, on_play=every_play)
    _report(figure, tally)
    figure("RSS every 1,000 play-throughs (MB)", ", ".join(f"{mb:.0f}" for _, mb in memory))
    # The slope of a least-squares line through the readings: RSS jumps up and down by a few
    # hundred MB as 4K surfaces come and go, a leak is a steady climb under that.
    xs, ys = [n / 1000 for n, _ in memory], [mb for _, mb in memory]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    growth = (sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys))
              / sum((x - mean_x) ** 2 for x in xs))
    figure("memory growth", f"{growth:+.1f} MB per 1,000 play-throughs (least squares)")
    assert not tally.errors, "\n".join(tally.errors[:5])
    assert growth < 20.0  # a leak of the old kind (an unbounded text cache) is hundreds


def test_enter_on_the_title_plays_the_selected_story():
    """Select each story with the arrow keys (as a teacher does) and press Enter."""
    scenarios = entries(SHIPPED)
    app = make_app(scenarios, size=(1280, 720))
    wrong = []
    for index, entry in enumerate(scenarios):
        app.show_title(0)
        app.run_frames(1)
        for _ in range(index):
            _press(app, pygame.K_DOWN)
        _press(app, pygame.K_RETURN)
        playing = app.run.scenario.id if app.run else None
        if playing != entry.scenario.id:
            wrong.append(f"story {index + 1} ({entry.scenario.id}): Enter gave "
                         f"{type(app.top).__name__}, playing {playing}")
    assert not wrong, "\n".join(wrong)


def _press(app, key: int) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode="", scancode=0))
    app.run_frames(2)

