"""What the reliability tests share: the soak switch, and a random player that drives the real game
headless by posting key presses and clicks, never sleeping."""

from __future__ import annotations

import logging
import os
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

SOAK = bool(os.environ.get("BYSTANDER_SOAK"))
"""Set by `make soak`: run the long forms."""

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
BROKEN = HERE / "broken"
MINI = ROOT / "tests" / "data" / "mini.yaml"
SHIPPED = sorted((ROOT / "scenes").glob("*.yaml"))
ALL_SCENARIOS = SHIPPED + [MINI]
YAML_SUITE = ROOT.parent / "shared" / "corpus" / "yaml-test-suite"

ODD_SIZES = [(800, 600), (1024, 768), (1280, 720), (1366, 768), (2560, 1080), (3440, 1440),
             (3840, 2160)]
"""Windows people really have: old projectors, laptops, 21:9 monitors, 4K."""

BASE_SIZE = (1280, 720)
"""Where every random play-through starts; it may be resized on the way."""

FRAME = 1 / 60
"""The fixed time step: the tests never sleep."""


def expected_codes(line: str) -> tuple[set[str], int | None]:
    """The codes (and line) the comment on a corpus file's first line expects."""
    m = re.search(r"-- expect: ([a-z_|]+)(?: at line (\d+))?", line)
    assert m, line
    return set(m.group(1).split("|")), int(m.group(2)) if m.group(2) else None


def first_line(data: bytes) -> str:
    """A corpus file's first line as text, whatever its encoding."""
    if data[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):
        text = data.decode("utf-32")
    elif data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text = data.decode("utf-16")
    elif len(data) > 1 and data[1] == 0:
        text = data.decode("utf-16-le")
    elif data[:1] == b"\x00":
        text = data.decode("utf-16-be")
    else:
        text = data.decode("utf-8", "replace")
    return text.splitlines()[0] if text else ""


def rss_mb() -> float:
    """Resident memory of this process now, in MB (Linux), or the peak elsewhere."""
    try:
        with open("/proc/self/statm") as f:
            pages = int(f.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 1e6
    except (OSError, ValueError):
        import resource
        import sys
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / (1e6 if sys.platform == "darwin" else 1e3)


class ErrorLog(logging.Handler):
    """Collects every ERROR the game logs: an error message counts as an error of the run."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(f"{record.name}: {record.getMessage()}")

    def __enter__(self) -> "ErrorLog":
        logging.getLogger("game").addHandler(self)
        return self

    def __exit__(self, *exc) -> None:
        logging.getLogger("game").removeHandler(self)


def entries(paths=None):
    """Catalogue entries of the scenarios (all of them by default)."""
    from game.core.loader import load
    from game.ui.catalogue import Entry
    out = []
    for path in paths or ALL_SCENARIOS:
        loaded = load(path)
        assert loaded.ok, [str(i) for i in loaded.issues]
        out.append(Entry(path, loaded.scenario, loaded.content_hash))
    return out


def make_app(entry_list, size=(1280, 720), lang="en", persist=False, **settings):
    """An App on the dummy driver with these scenarios on its title screen."""
    from game.ui.app import App
    from game.ui.catalogue import Catalogue
    from game.ui.settings import Settings
    s = Settings(lang=lang, text_speed=settings.pop("text_speed", "instant"), **settings)
    return App(s, Catalogue(list(entry_list), 0), size=size, fullscreen=False, persist=persist)


@dataclass
class Coverage:
    """What random play reached in one scenario, against what the scenario has."""

    scenes: set[str] = field(default_factory=set)
    choices: set[str] = field(default_factory=set)
    endings: set[str] = field(default_factory=set)
    total_scenes: int = 0
    total_choices: int = 0
    total_endings: int = 0
    plays: int = 0

    def line(self, name: str) -> str:
        def share(n, total):
            return f"{n}/{total} ({100 * n / total:.0f}%)" if total else "-"
        return (f"{name}: {self.plays} play-throughs, "
                f"scenes {share(len(self.scenes), self.total_scenes)}, "
                f"choices {share(len(self.choices), self.total_choices)}"
                f", endings {share(len(self.endings), self.total_endings)}")


@dataclass
class Tally:
    """The figures of many play-throughs."""

    plays: int = 0
    finished: int = 0
    presses: int = 0
    errors: list[str] = field(default_factory=list)
    overflows: Counter = field(default_factory=Counter)
    """Texts that did not fit, by window size: a figure, not an error (800x600 is below spec)."""
    coverage: dict[str, Coverage] = field(default_factory=dict)

    def cover(self, entry) -> Coverage:
        s = entry.scenario
        if s.id not in self.coverage:
            self.coverage[s.id] = Coverage(
                total_scenes=len(s.scenes),
                total_choices=sum(len(sc.choices) for sc in s.scenes.values()),
                total_endings=len(s.endings))
        return self.coverage[s.id]


class RandomPlayer:
    """Plays the game like a restless pupil: mostly on, sometimes back, language switches, the
    menu open and shut, the window resized. Prefers the choices it has not taken yet, so that many
    play-throughs cover the story."""

    def __init__(self, app, rng: random.Random, tally: Tally, sizes=ODD_SIZES,
                 after_press=None, base_size=BASE_SIZE):
        self.app = app
        self.base_size = base_size
        """The window size each play-through starts at."""
        self.rng = rng
        self.tally = tally
        self.sizes = sizes
        self.after_press = after_press
        """Called with the app after every press (and its frame): for checks on every screen."""

    # --- input ---------------------------------------------------------------------------------

    def key(self, k: int) -> None:
        import pygame
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="", scancode=0))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=k, mod=0, unicode="", scancode=0))

    def click(self, pos) -> None:
        import pygame
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0),
                                             buttons=(0, 0, 0)))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))

    def frames(self, n: int = 1) -> None:
        self.app.run_frames(n, FRAME * self.rng.choice((1, 1, 3)))

    # --- one play-through ----------------------------------------------------------------------

    def play(self, entry, lang: str, max_presses: int = 500) -> bool:
        """One play-through from the title screen to an ending; False if it did not get there.
        Exceptions are the caller's to count."""
        import pygame

        from game.ui.screens.ending import EndingScreen
        from game.ui.screens.menu import MenuScreen
        from game.ui.screens.scene import SceneScreen
        from game.ui.screens.settings import SettingsScreen
        from game.ui.screens.title import TitleScreen
        app, rng = self.app, self.rng
        cover = self.tally.cover(entry)
        cover.plays += 1
        self.tally.plays += 1
        if app.lang != lang:
            app.set_lang(lang)
        if app.surface.get_size() != self.base_size:  # each play-through starts at one size
            app.resize(self.base_size)
        app.show_title(app.catalogue.index_of(entry.path))
        self.frames(1)
        self.play_from_title()
        assert app.run is not None and app.run.scenario.id == entry.scenario.id, app.top
        for _ in range(max_presses):
            self.tally.presses += 1
            top = app.top
            roll = rng.random()
            if isinstance(top, (MenuScreen, SettingsScreen)):
                self.key(pygame.K_ESCAPE)             # a menu opened by a stray click: close it
            elif isinstance(top, TitleScreen):        # back on the title by accident: play on
                self.play_from_title()
                continue
            elif isinstance(top, EndingScreen):
                cover.endings.add(app.run.state.ending)
                self._note(cover)
                if roll < 0.15:                       # back into the story, then on again
                    self.key(pygame.K_BACKSPACE)
                else:
                    self.key(rng.choice((pygame.K_1, pygame.K_2, pygame.K_3)))
                    self.frames()
                    self._draw_check()
                    return True
            elif roll < 0.04:
                self.key(rng.choice((pygame.K_BACKSPACE, pygame.K_LEFT)))
            elif roll < 0.07:
                self.key(pygame.K_l)
            elif roll < 0.09:
                self.key(pygame.K_ESCAPE)
                self.frames()
                self.key(pygame.K_ESCAPE)
            elif roll < 0.10:
                self.resize()
            elif roll < 0.11:
                self.key(rng.choice((pygame.K_t, pygame.K_UP, pygame.K_DOWN, pygame.K_TAB,
                                     pygame.K_PAGEUP, pygame.K_HOME, pygame.K_x, pygame.K_9)))
            elif isinstance(top, SceneScreen) and top.phase == "choices":
                self.choose(top, cover)
            elif roll < 0.2:
                self.click_on_nothing(top)
            else:  # on: sometimes mashed, several presses within one frame
                for _ in range(rng.choice((1, 1, 2, 3))):
                    self.key(rng.choice((pygame.K_SPACE, pygame.K_SPACE, pygame.K_RETURN,
                                         pygame.K_KP_ENTER, pygame.K_RIGHT)))
            self.frames()
            self._note(cover)
            if self.after_press is not None:
                self.after_press(app)
            if not app.running:
                raise AssertionError("the game quit during random play")
            if app.top is None:
                raise AssertionError("no screen left")
        return False

    def play_from_title(self) -> None:
        """Start the story selected on the title screen: Enter, Space, or a click on its card."""
        import pygame
        title = self.app.top
        self.app.draw()
        how = self.rng.random()
        if how < 0.4:
            card = title.cards[title.selected - title.first_visible]
            self.click(card.rect.center)
        else:
            self.key(pygame.K_RETURN if how < 0.8 else pygame.K_SPACE)
        self.frames()

    def choose(self, scene, cover: Coverage) -> None:
        """A choice by key or click, mostly one not taken yet."""
        import pygame
        rng = self.rng
        choices = scene.view.choices
        fresh = [c for c in choices if c.available and c.id not in cover.choices]
        pick = rng.choice(fresh) if fresh and rng.random() < 0.7 else rng.choice(choices)
        how = rng.random()
        buttons = scene.choice_focus.buttons
        if how < 0.15 and pick.index < len(buttons) and buttons[pick.index].rect.w:
            self.click(buttons[pick.index].rect.center)
        elif how < 0.55:
            self.key((pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4)[pick.index])
        elif how < 0.9:
            self.key((pygame.K_a, pygame.K_b, pygame.K_c, pygame.K_d)[pick.index])
        else:
            self.key((pygame.K_KP1, pygame.K_KP2, pygame.K_KP3, pygame.K_KP4)[pick.index])

    def click_on_nothing(self, top) -> None:
        """A click away from every button: on a scene it means 'go on'."""
        w, h = self.app.surface.get_size()
        rects = [b.rect for b in all_buttons(top)]
        for _ in range(10):
            pos = (self.rng.randrange(w), self.rng.randrange(h // 4, h))
            if not any(r.collidepoint(pos) for r in rects):
                self.click(pos)
                return

    def resize(self) -> None:
        import pygame
        size = self.rng.choice(self.sizes)
        if self.rng.random() < 0.5:
            self.app.resize(size)
        else:  # what SDL sends when a person drags the window edge
            pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0],
                                                 h=size[1]))

    def _note(self, cover: Coverage) -> None:
        run = self.app.run
        if run is None:
            return
        cover.scenes.update(step.scene for step in run.state.history)
        cover.choices.update(run.state.choices)
        if run.state.ending:
            cover.endings.add(run.state.ending)

    def _draw_check(self) -> None:
        """Draw the screen on top now and count the texts that did not fit."""
        self.app.draw()
        missed = self.app.top.overflows()
        if missed:
            self.tally.overflows[self.app.surface.get_size()] += len(missed)


def all_buttons(screen) -> list:
    """Every button a screen has laid out: its own, and its navigation (corner) buttons."""
    found = list(screen.buttons())
    nav = getattr(screen, "nav", None)
    nav = getattr(nav, "buttons", nav)  # a FocusList, or a plain list
    if isinstance(nav, list):
        found += [b for b in nav if b not in found]
    return [b for b in found if getattr(b, "rect", None) is not None]


def random_play(app, entry_list, plays: int, seed: int, tally: Tally | None = None,
                on_play=None, sizes=ODD_SIZES) -> Tally:
    """`plays` play-throughs over every scenario and both languages, counting errors."""
    import traceback
    tally = tally or Tally()
    rng = random.Random(seed)
    player = RandomPlayer(app, rng, tally, sizes)
    with ErrorLog() as logged:
        for i in range(plays):
            entry = entry_list[i % len(entry_list)]
            lang = ("nl", "en")[(i // len(entry_list)) % 2]
            app.settings.text_speed = rng.choice(("instant", "instant", "normal", "slow"))
            app.settings.reduced_motion = rng.random() < 0.2
            try:
                if player.play(entry, lang):
                    tally.finished += 1
            except Exception as exc:  # noqa: BLE001 - every failure is a figure, not a stop
                tally.errors.append(f"play {i} ({entry.scenario.id}, {lang}): "
                                    f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}")
                app.show_title()
            tally.errors.extend(logged.records)
            logged.records.clear()
            if on_play is not None:
                on_play(i + 1, tally)
    return tally
