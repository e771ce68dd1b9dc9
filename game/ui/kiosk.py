"""Event mode: the game on a big shared (touch) screen, all day, with nobody at the keyboard.

`bystander play --kiosk [--scenario ID ...]` runs `KioskApp`, the App with these differences:

- Fullscreen, touch first: event mode's table of screens (`routes.EVENT`) shows the story
  screens' touch variants (`screens/touch.py`), every button at least a twelfth of the screen
  high. The mouse pointer shows only while a mouse is used (CURSOR_SECONDS).
- No way out for visitors: Esc opens a menu without Quit or Settings, closing the window and F11
  are ignored. An organiser presses Ctrl+Alt+Q, or three seconds in the top-left corner, then
  types the code `kiosk_pin` from settings.json (each wrong code makes the next try wait longer,
  `event/code_lock.py`) for the organiser's menu: close, or back to the event, and what happened
  to the day's counts. Without a code, Ctrl+Alt+Q alone quits (and the long press does nothing).
  SIGTERM and SIGINT still stop the game, for systemd and the terminal.
- An attract loop (`screens/attract.py`) when nobody plays; a visitor touches to start.
- Idle reset: after `kiosk_idle_seconds` without a touch, key or click, a countdown warns for
  ten seconds, then everything of the last visitor is dropped: no run, no screens but the attract
  loop, the language back to the default. Settings are never changed or saved in event mode.
- An anonymous counter of today's players (`game/event/counter.py`), shown on the attract loop;
  who counts as a player, and when, is `game/event/visits.py`'s to say.
- The organiser's log (`game/event/organiser_log.py`) beside the counts: idle resets, close
  requests, wrong codes, damaged counts. Nothing about a visitor, nothing in the terminal.

Time comes from an injectable monotonic `clock`, so tests run a whole event day without sleeping.
"""

from __future__ import annotations

import gc
import logging
import math
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

import pygame

from ..event import organiser_log
from ..event.code_lock import CodeLock
from ..event.counter import EventCounter
from ..event.visits import Visitor, Visits
from ..stop import StopOnSignals
from . import text as tx
from .app import App, DEFAULT_SIZE, display_problem
from .catalogue import Catalogue, Entry
from .i18n import LANGUAGES, t
from .settings import Settings
from .theme import Theme
from .widgets import Button, panel

log = logging.getLogger(__name__)

WARNING_SECONDS = 10
"""How long the countdown shows before the screen goes back to the attract loop."""
LONG_PRESS_SECONDS = 3.0
EXIT_CORNER = 0.12
"""The top-left square, as a share of the screen height, where a long press asks for the code."""
INPUT_EVENTS = frozenset({pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.MOUSEWHEEL,
                          pygame.FINGERDOWN})
"""What counts as somebody being there. Motion does not: a jittery touch panel or a mouse nudged
by a passer-by would otherwise keep the last visitor's story on screen all day."""
CURSOR_SECONDS = 3.0
"""The mouse pointer hides this long after the mouse last moved, and at once on a touch: on a
touch screen it would otherwise sit in the middle of the story all day."""
POINTER_EVENTS = frozenset({pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION,
                            pygame.FINGERDOWN, pygame.FINGERUP, pygame.FINGERMOTION})


class KioskError(Exception):
    """Event mode cannot start with what was asked (no scenario to offer)."""


@dataclass(frozen=True)
class KioskConfig:
    """What the event screen offers and how patient it is."""

    entries: tuple[Entry, ...]
    """The stories offered, in order (`event: true` ones unless named on the command line)."""
    default_lang: str = "nl"
    """The language every visitor starts in, and the one restored after each."""
    langs: tuple[str, ...] = ("nl", "en")
    """Languages the attract loop takes turns in; one when `kiosk_lang` is set."""
    idle_seconds: float = 60.0
    warning_seconds: float = WARNING_SECONDS
    pin: str = ""

    @classmethod
    def from_settings(cls, settings: Settings, entries: list[Entry],
                      lang: str | None = None) -> "KioskConfig":
        """The config from settings.json's kiosk_* values; `lang` is `play --lang`."""
        fixed = settings.kiosk_lang or None
        default = fixed or lang or settings.lang
        if default not in LANGUAGES:
            default = LANGUAGES[0]
        langs = (default,) if fixed else (default,) + tuple(x for x in LANGUAGES if x != default)
        return cls(tuple(entries), default, langs, float(settings.kiosk_idle_seconds),
                   WARNING_SECONDS, settings.kiosk_pin)


def offered_entries(catalogue: Catalogue, named: list[Entry] | None = None) -> list[Entry]:
    """The stories for the event screen: those named, else every scenario with `event: true`."""
    if named:
        return list(named)
    # Loaded in full here (the title lists stories from cached cards): the attract loop shows
    # each one's cast, and an event screen must not meet a broken file halfway through the day.
    entries = [e for e in catalogue.entries if e.card.event and e.load()]
    if not entries:
        raise KioskError("no scenario in scenes/ has 'event: true'; name one with --scenario ID")
    return entries


class KioskApp(App):
    """The App in event mode (see the module docstring)."""

    def __init__(self, settings: Settings, catalogue: Catalogue, config: KioskConfig, *,
                 counter: EventCounter | None = None, clock: Callable[[], float] = time.monotonic,
                 size: tuple[int, int] = DEFAULT_SIZE, fullscreen: bool = True,
                 display: int = 0):
        self.config = config
        self.counter = counter if counter is not None else EventCounter()
        self.now = clock
        self.visits = Visits(self.counter, clock)
        self.code_lock = CodeLock(config.pin, clock)
        """The organiser's code, and the wait after wrong tries: the pad's, but kept here so
        that closing and opening the pad does not cut a wait short."""
        organiser_log.open_log(self.counter.folder)
        self.last_input = clock()
        self.warning_left: int | None = None
        """Seconds left on the idle countdown while it shows, else None."""
        self.resets = 0
        """Times the screen went back to the attract loop (idle or Done)."""
        self.idle_resets = 0
        self._press_started: float | None = None
        self._swallow_since: float | None = None
        self._mouse_moved: float | None = None
        """When a real mouse (not a finger) last moved, while the pointer shows."""
        # Settings are the organiser's: a visitor's language switch must never be saved.
        super().__init__(settings, catalogue, size=size, fullscreen=fullscreen, display=display,
                         persist=False)
        self._show_pointer(False)
        self.to_attract()

    # --- visitors ---------------------------------------------------------------------------------

    @property
    def visitor(self) -> Visitor | None:
        """The visitor playing, or stopped within their grace time (see event/visits.py)."""
        return self.visits.visitor

    @property
    def at_rest(self) -> bool:
        """Nobody playing: only the attract loop is on the stack."""
        from .screens.attract import AttractScreen
        return self.run is None and len(self.stack) == 1 and isinstance(self.stack[0],
                                                                        AttractScreen)

    def to_attract(self, *, stopped: bool = False) -> None:
        """Show the attract loop, dropping the last visitor's story, screens and language. The
        flags that count them go too, unless they `stopped` mid-story: those are kept for the
        grace time, in case they start again (see event/visits.py)."""
        from .screens.attract import AttractScreen
        self._watch_visitor()
        if stopped:
            self.visits.stop()
        else:
            self.visits.leave()
        self.run = None
        self.entry = None
        self.classroom = None
        self.warning_left = None
        self._press_started = None
        if self.settings.lang != self.config.default_lang:
            self.settings.lang = self.config.default_lang
            pygame.display.set_caption(t("app_title", self.lang))
        self.stack = [AttractScreen(self)]
        self.last_input = self.now()
        self.resets += 1
        self.dirty = True
        release_screens()

    def go(self, intent) -> None:
        """The next screen of the story, and the one it replaced let go at once."""
        super().go(intent)
        release_screens()

    def choose_story(self, lang: str, index: int = 0) -> None:
        """The visitor touched the attract loop: their story, or the stories to pick from."""
        self.visits.arrive()
        if lang in LANGUAGES and lang != self.settings.lang:
            self.settings.lang = lang
            pygame.display.set_caption(t("app_title", lang))
        entries = self.config.entries
        if len(entries) == 1:
            self.start_run(entries[0])
        else:
            from .screens.kiosk_pick import StoryPickScreen
            self.push(StoryPickScreen(self, self.top, index))

    def _watch_visitor(self) -> None:
        """Tell the visits what the run shows: a first choice, a choice that stepped in, and
        the ending once it is on screen (with where to get help), not already when the story
        enters its last scene."""
        from .screens.ending import EndingScreen
        run = self.run
        if run is None or self.visitor is None:
            return
        self.visits.saw(chosen=run.decision_count > 0, stepped_in=run.stepped_in,
                        ending=run.ended and isinstance(self.top, EndingScreen))

    # --- the App, event-mode style ----------------------------------------------------------------

    def start_run(self, entry: Entry) -> None:
        """A run of `entry` over the attract loop (a visitor's first, or Play again, Restart)."""
        from .screens.attract import AttractScreen
        self.visits.arrive()
        super().start_run(entry)
        self.stack = [AttractScreen(self)] + self.stack[1:]

    def show_title(self, selected: int | None = None) -> None:
        """Every way back to the title leads to the attract loop instead: the ending's Done,
        or the menu's Stop (at an ending too, which ends the visit; mid-story it leaves the
        visitor their grace time, see event/visits.py)."""
        self.to_attract(stopped=self.run is None or not self.run.ended)

    @property
    def routes(self):
        """Event mode's table: the story screens' touch variants (see routes.py)."""
        from . import routes
        return routes.EVENT

    def pause(self) -> None:
        from .screens.attract import AttractScreen
        from .screens.kiosk_organiser import OrganiserScreen
        from .screens.kiosk_pin import PinScreen
        from .screens.menu import MenuScreen
        top = self.top
        if top is not None and not isinstance(top, (MenuScreen, PinScreen, AttractScreen,
                                                    OrganiserScreen)):
            from .screens.kiosk_menu import KioskMenuScreen
            self.push(KioskMenuScreen(self, top))

    def toggle_fullscreen(self) -> None:
        """F11 does nothing at an event: the screen stays fullscreen."""

    def restart(self) -> None:
        if self.entry is not None:
            self.start_run(self.entry)

    def request_exit(self, by_touch: bool = False) -> None:
        """Ctrl+Alt+Q or the long press: the code pad, or (no code set, keyboard) quit."""
        from .screens.kiosk_organiser import OrganiserScreen
        from .screens.kiosk_pin import PinScreen
        if self.config.pin:
            if not isinstance(self.top, (PinScreen, OrganiserScreen)):
                organiser_log.note("pad_by_press" if by_touch else "pad_by_keys")
                self.push(PinScreen(self, self.top, self.code_lock))
        elif not by_touch:
            organiser_log.note("closed_without_code")
            self.quit()

    def open_organiser_menu(self) -> None:
        """The right code: the organiser's menu in place of the pad, over what was on screen."""
        from .screens.kiosk_organiser import OrganiserScreen
        from .screens.kiosk_pin import PinScreen
        organiser_log.note("right_code")
        top = self.top
        under = top.back_to if isinstance(top, PinScreen) else top
        self.replace(OrganiserScreen(self, under))

    def close_by_organiser(self) -> None:
        """The organiser's menu's Close."""
        organiser_log.note("closed_by_organiser")
        self.quit()

    # --- the loop ---------------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:  # Alt+F4 and friends; SIGTERM is handled in play_kiosk
            organiser_log.note("close_ignored")
            return
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            return super().handle(event)
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            return
        self._follow_pointer(event)
        if self._swallow(event):
            return
        if event.type in INPUT_EVENTS:
            self.last_input = self.now()
            if self.warning_left is not None:
                # Keep playing: this touch only closes the countdown, it never also answers a
                # choice that happens to be under the finger.
                self.warning_left = None
                self.dirty = True
                if event.type != pygame.KEYDOWN:
                    self._swallow_since = self.now()
                return
        if (event.type == pygame.KEYDOWN and event.key == pygame.K_q
                and event.mod & pygame.KMOD_CTRL and event.mod & pygame.KMOD_ALT):
            self.request_exit()
            self.dirty = True
            return
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            corner = self.surface.get_height() * EXIT_CORNER
            if event.pos[0] < corner and event.pos[1] < corner:
                self._press_started = self.now()
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            self._press_started = None
        super().handle(event)

    def _follow_pointer(self, event: pygame.event.Event) -> None:
        """Show the pointer while a mouse is used; hide it for fingers (SDL marks the mouse
        events it makes from a touch with `touch`)."""
        if event.type in (pygame.FINGERDOWN, pygame.FINGERMOTION):
            self._show_pointer(False)
        elif event.type in POINTER_EVENTS:
            by_mouse = not getattr(event, "touch", False)
            self._show_pointer(by_mouse)

    def _show_pointer(self, show: bool) -> None:
        self._mouse_moved = self.now() if show else None
        if pygame.mouse.get_visible() != show:
            pygame.mouse.set_visible(show)

    def _swallow(self, event: pygame.event.Event) -> bool:
        """After a touch closed the countdown, its release (and the mouse events SDL makes from
        the touch) are dropped too, until the finger is lifted."""
        if self._swallow_since is None:
            return False
        if event.type not in POINTER_EVENTS:
            return False
        if event.type == pygame.MOUSEBUTTONUP:
            self._swallow_since = None
        return True

    def tick(self) -> None:
        """Idle countdown, idle reset, the exit long press and the visitor's counts."""
        now = self.now()
        if self._swallow_since is not None and now - self._swallow_since > 1.5:
            self._swallow_since = None  # a touch without a matching mouse release
        if self._mouse_moved is not None and now - self._mouse_moved >= CURSOR_SECONDS:
            self._show_pointer(False)
        if self._press_started is not None and now - self._press_started >= LONG_PRESS_SECONDS:
            self._press_started = None
            self.request_exit(by_touch=True)
            self.dirty = True
        self._watch_visitor()
        self.visits.expire()
        if self.at_rest:
            self.last_input = now
            self.warning_left = None
            return
        idle = now - self.last_input
        limit = self.config.idle_seconds
        if idle >= limit + self.config.warning_seconds:
            organiser_log.note("idle_reset", seconds=int(idle))
            self.idle_resets += 1
            self.to_attract()
        elif idle >= limit:
            left = max(1, math.ceil(limit + self.config.warning_seconds - idle))
            if left != self.warning_left:
                self.warning_left = left
                self.dirty = True
        elif self.warning_left is not None:
            self.warning_left = None
            self.dirty = True

    def step(self, dt: float | None = None) -> bool:
        self.tick()
        return super().step(dt)

    def draw(self) -> list[pygame.Rect] | None:
        changed = super().draw()
        if self.warning_left is not None and self.top is not None:
            self.warning_fits = draw_idle_warning(self.surface, self.theme, self.warning_left,
                                                  self.lang)
            self.top.frame_covered()
            return None
        return changed

    warning_fits = True


def release_screens() -> None:
    """Free the screens gone from the stack now. A screen's buttons call its methods, so
    screens live in reference cycles, which Python frees when its collector next runs: counted
    in Python objects, not in the megabytes of pictures a screen holds. At 1080p the day's
    memory climbed about 10 MB a visitor and fell back every 7-8 (234-351 MB); collecting when
    a screen is left (about 3 ms) keeps it at what one screen needs."""
    gc.collect()


# --- the idle countdown ---------------------------------------------------------------------------

@lru_cache(maxsize=4)
def _shade(size: tuple[int, int], alpha: int) -> pygame.Surface:
    s = pygame.Surface(size, pygame.SRCALPHA)
    s.fill((0, 0, 0, alpha))
    return s


def draw_idle_warning(surface: pygame.Surface, th: Theme, seconds: int, lang: str) -> bool:
    """The countdown over whatever is on screen, in the visitor's language and then the other;
    returns whether every text fitted."""
    from .i18n import next_language
    from .screens.touch import touch_height
    p = th.palette
    other = next_language(lang)
    surface.blit(_shade(surface.get_size(), p.shade_alpha), (0, 0))
    width = int(min(th.width - 2 * th.margin, th.height * 1.25))
    pad = th.px(3)
    inner = width - 2 * pad

    def left(language: str) -> str:
        return t("kiosk_idle_seconds", language, n=seconds)

    parts = [(left(lang), th.heading, p.ink, "bold"),
             (t("kiosk_idle_touch", lang), th.body, p.ink, "bold"),
             (t("kiosk_idle_then", lang), th.small, p.ink_muted, "regular")]
    if other != lang:
        parts.append((f"{left(other)} {t('kiosk_idle_touch', other)}", th.small, p.ink_muted,
                      "italic"))
    fits = []
    heights = [tx.wrapped_height(text, inner, size, style) for text, size, _, style in parts]
    bar_h = th.px(1.8)
    button_h = touch_height(th)
    gap = th.px(1.2)
    total = 2 * pad + sum(heights) + gap * len(parts) + bar_h + gap + button_h
    box = pygame.Rect(0, 0, width, min(total, th.height - 2 * th.margin))
    box.center = surface.get_rect().center
    panel(surface, box, th)
    y = box.y + pad
    for (text, size, colour, style), h in zip(parts, heights):
        fit = tx.fit(text, pygame.Rect(box.x + pad, y, inner, h), size, colour, style,
                     min(size, th.small_min), "center")
        fit.blit(surface)
        fits.append(fit.fits)
        y += fit.height + gap
    # The time left as a draining bar too; the words above say the same without colour.
    bar = pygame.Rect(box.x + pad, y, inner, bar_h)
    pygame.draw.rect(surface, p.track, bar, border_radius=bar_h // 2)
    share = max(0.0, min(1.0, seconds / WARNING_SECONDS))
    pygame.draw.rect(surface, p.fill, (bar.x, bar.y, int(bar.w * share), bar.h),
                     border_radius=bar_h // 2)
    pygame.draw.rect(surface, p.ink, bar, width=max(1, th.px(0.15)), border_radius=bar_h // 2)
    y = bar.bottom + gap
    keep = Button(t("kiosk_keep_playing", lang), None, icon="right")
    w = keep.natural_width(th)
    keep.rect = pygame.Rect(box.centerx - w // 2, y, w, button_h)
    keep.draw(surface, th, focused=True)
    fits.append(keep.fits and box.h == total)
    return all(fits)


# --- starting it ----------------------------------------------------------------------------------

def play_kiosk(scenarios: list[str] = (), *, lang: str | None = None,
               size: tuple[int, int] | None = None, display: int = 0) -> None:
    """`bystander play --kiosk [--scenario ID ...]`: the stories named (ids or files), else every
    one with `event: true`; fullscreen unless `size` is given. Returns when an organiser quits.
    Raises NoDisplay, ScenarioNotFound or ScenarioError as `app.play` does, and KioskError when
    there is no story to offer."""
    import os

    from ..core.issues import ScenarioError
    from ..paths import find_scenario, own_stories_dir
    from .app import NoDisplay
    from .catalogue import entry_for, scan
    from .settings import load_settings
    why = display_problem()
    if why is not None:
        raise NoDisplay(t("no_display", lang or "en", why=why,
                          scenario=scenarios[0] if scenarios else "group_chat"))
    named: list[Entry] = []
    for name in scenarios:
        entry, issues = entry_for(find_scenario(name))
        if entry is None:
            raise ScenarioError(issues)
        if all(e.path.resolve() != entry.path.resolve() for e in named):
            named.append(entry)
    settings = load_settings()
    catalogue = scan(own=own_stories_dir())
    config = KioskConfig.from_settings(settings, offered_entries(catalogue, named), lang)
    if not config.pin:
        log.warning("event mode without kiosk_pin: Ctrl+Alt+Q quits without a code")
    # A notification or a second screen taking focus must not minimise the event screen.
    os.environ.setdefault("SDL_VIDEO_MINIMIZE_ON_FOCUS_LOSS", "0")
    try:
        app = KioskApp(settings, catalogue, config, size=size or DEFAULT_SIZE,
                       fullscreen=size is None, display=display)
    except pygame.error as exc:
        raise NoDisplay(t("no_display", settings.lang, why=str(exc),
                          scenario=scenarios[0] if scenarios else "group_chat")) from None
    _note_counts("started", app.counter)
    try:
        with StopOnSignals(app.quit):  # systemd's stop, Ctrl+C: see stop.py
            app.loop()
    finally:
        _note_counts("stopped", app.counter)
        organiser_log.close_log()
        pygame.display.quit()


def _note_counts(event: str, counter: EventCounter) -> None:
    """The organiser's log line `event`, with today's counts."""
    c = counter.counts()
    organiser_log.note(event, players=c.visitors_started, stepped_in=c.visitors_stepped_in,
                       finished=c.visitors_finished)
