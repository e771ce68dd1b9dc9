"""The window, the settings, the stack of screens and the event loop; `play()` starts it all.

Only the display and font modules of pygame are initialised: never the mixer, because opening an
audio device that is not there costs start-up time or fails, and the game has no sound yet.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pygame

from ..lazylog import get_logger
from ..stop import StopOnSignals
from . import pictures, textstore, title_snapshot
from .catalogue import Catalogue, Entry
from .i18n import next_language, t
from .screens.base import Screen
from .settings import Settings, load_settings, save_settings
from .theme import Theme, make_theme, text_scale
from .window import Window, display_problem
from .window import forget as forget_window

if TYPE_CHECKING:  # the engine is imported when a story starts, not before the first frame
    from ..core import engine
    from .routes import Table
    from .watch import Preview

log = get_logger(__name__)  # imports logging when first used: start-up time

DEFAULT_SIZE = (1280, 720)
IDLE_FPS = 20
"""Frames a second with nothing moving: events still feel instant, the CPU stays near idle."""
ANIMATING_FPS = 60
BENCH_FIRST_FRAME = bool(os.environ.get("BYSTANDER_BENCH_FIRST_FRAME"))
"""Set by `bystander bench`: say so on stdout once the first frame is shown, then quit."""
BENCH_READY = "BYSTANDER_READY"
"""What the app says then: its own first frame is on screen, and it takes input."""


class NoDisplay(Exception):
    """There is no screen to open a window on. The message says so, and what to do instead."""


class App:
    """Owns the window and the screens; screens talk to the engine, the app moves between them."""

    def __init__(self, settings: Settings, catalogue: Catalogue, *,
                 size: tuple[int, int] = DEFAULT_SIZE, fullscreen: bool | None = None,
                 display: int = 0, persist: bool = True):
        self.settings = settings
        self.catalogue = catalogue
        self.persist = persist
        """Whether setting changes are saved; screenshots and some tests play without saving."""
        self.display_index = display
        self.windowed_size = size
        self.fullscreen = settings.fullscreen if fullscreen is None else fullscreen
        self._open_window(adopt=title_snapshot.opened_early())
        pygame.font.init()
        pygame.key.set_repeat(400, 60)
        pygame.display.set_caption(t("app_title", self.lang))
        self.stack: list[Screen] = []
        self.run: engine.Run | None = None
        self.entry: Entry | None = None
        self.classroom = None
        """The class session (`classroom.session.ClassSession`) in class mode, else None."""
        self.ballot = None
        """The class's secret ballot while its room is open (`ballot_server.BallotLink`)."""
        self.running = True
        self.dirty = True
        self.animating = False
        self.clock = pygame.time.Clock()
        self._theme: Theme | None = None
        self.frames_drawn = 0
        self.preview: "Preview | None" = None
        """The story file followed as it is saved (`play FILE --watch`), if any."""

    # --- window ---------------------------------------------------------------------------------

    def window(self) -> Window:
        """The window as this app asks for it now (see window.py)."""
        return Window(tuple(self.windowed_size), self.fullscreen, self.display_index,
                      self.settings.software_display)

    def _open_window(self, adopt: bool = False) -> None:
        self.surface = self.window().open(adopt)
        self._theme = None
        self.dirty = True

    def toggle_fullscreen(self) -> None:
        if not self.fullscreen:
            self.windowed_size = self.surface.get_size()
        self.fullscreen = not self.fullscreen
        self.settings.fullscreen = self.fullscreen
        self.save()
        self._open_window()
        self.refresh_all()

    def resize(self, size: tuple[int, int]) -> None:
        """Resize the window (tests and screenshots; a person drags the window edge instead)."""
        self.windowed_size = size
        self.fullscreen = False
        self._open_window()
        self.refresh_all()

    @property
    def theme(self) -> Theme:
        # Asked several times a frame: compares the settings with the theme it has, and makes a
        # new one only when one of them changed.
        size = self.surface.get_size()
        th = self._theme
        if (th is None or (th.width, th.height) != size
                or th.high_contrast != self.settings.high_contrast
                or th.text_scale != text_scale(self.settings.text_size)):
            self._theme = make_theme(size, self.settings.text_size, self.settings.high_contrast)
        return self._theme

    # --- settings and language ------------------------------------------------------------------

    @property
    def lang(self) -> str:
        return self.settings.lang

    def set_lang(self, lang: str) -> None:
        """Switch interface and story language at any moment."""
        self.settings.lang = lang
        if self.run is not None and lang in self.run.languages:
            self.run.lang = lang
        pygame.display.set_caption(t("app_title", lang))
        if self.ballot is not None:  # the pupils' pages speak the game's language
            self.ballot.server.set_lang(lang)
        self.save()
        self.refresh_all()

    def toggle_language(self) -> None:
        self.set_lang(next_language(self.lang))

    def settings_changed(self) -> None:
        self._theme = None
        self.save()
        self.refresh_all()

    def save(self) -> None:
        if self.persist:
            save_settings(self.settings)

    def refresh_all(self) -> None:
        for screen in self.stack:
            screen.refresh()
        self.dirty = True

    # --- screens --------------------------------------------------------------------------------

    @property
    def top(self) -> Screen | None:
        return self.stack[-1] if self.stack else None

    def push(self, screen: Screen) -> None:
        self.stack.append(screen)
        self.dirty = True

    def pop(self) -> None:
        if len(self.stack) > 1:
            self.stack.pop()
            self.stack[-1].refresh()
        self.dirty = True

    def replace(self, screen: Screen) -> None:
        if self.stack:
            self.stack.pop()
        self.push(screen)

    def reset(self, screen: Screen) -> None:
        self.stack = [screen]
        self.dirty = True

    # --- where a screen's intent leads ---------------------------------------------------------

    @property
    def routes(self) -> "Table":
        """The table of the mode being played: class mode while a class session is open."""
        from . import routes
        return routes.CLASS if self.classroom is not None else routes.PUPIL

    def screen_for(self, intent) -> Screen:
        """The screen this mode shows for `intent` (see intents.py and routes.py)."""
        return self.routes[type(intent)](self, intent)

    def go(self, intent) -> None:
        """What a screen asks for next: the mode's screen for it, in place of the top screen or
        over it; another road of the class (`TakeRoad`) comes with the title screen under it."""
        from .intents import PUSH, TakeRoad
        if isinstance(intent, TakeRoad):
            self.show_class_screen(intent.run, self.screen_for(intent.then))
        elif intent.placement == PUSH:
            self.push(self.screen_for(intent))
        else:
            self.replace(self.screen_for(intent))

    def show_title(self, selected: int | None = None) -> None:
        from .screens.title import TitleScreen
        self.run = None
        self.leave_class()
        self.reset(TitleScreen(self, selected))

    def start_run(self, entry: Entry) -> None:
        """A new run of `entry`, from its first beat."""
        from ..core import engine
        from .intents import ShowScene
        if not self._load(entry):
            return
        lang = self.lang if self.lang in entry.scenario.languages else entry.scenario.languages[0]
        self.entry = entry
        self.leave_class()
        self.run = engine.start(entry.scenario, lang, entry.content_hash)
        title_index = self.catalogue.index_of(entry.path)
        from .screens.title import TitleScreen
        base: list[Screen] = [TitleScreen(self, title_index)]
        self.stack = base + [self.screen_for(ShowScene(self.run))]
        self.dirty = True

    def follow_preview(self) -> None:
        """The previewed file as it is now: its story at the scene the run stood in (or the
        nearest that is still there, `engine.follow`), or its problems while it does not load.
        The run of the last version that loaded is kept, so a fix returns to where it was."""
        from ..core import engine
        from .catalogue import entry_for
        from .intents import ShowEnding, ShowScene
        from .screens.preview import BrokenStoryScreen
        from .screens.title import TitleScreen
        assert self.preview is not None
        entry, issues = entry_for(self.preview.path)
        self.leave_class()
        if entry is None:
            self.stack = [TitleScreen(self), BrokenStoryScreen(self, self.preview.path, issues)]
        else:
            scenario = entry.scenario
            moves, scene = ((self.run.moves(), self.run.view().scene_id) if self.run is not None
                            else ((), scenario.start))
            beat = getattr(self.top, "beat", 0)  # the beat in view, where there is one
            self.entry = entry
            self.run = engine.follow(scenario, self.lang, moves, scene, entry.content_hash)
            shown = ShowEnding(self.run) if self.run.ended else ShowScene(self.run)
            screen = self.screen_for(shown)
            if self.run.view().scene_id == scene and hasattr(screen, "show_beat"):
                screen.show_beat(beat)
            self.stack = [TitleScreen(self), screen]
        self.dirty = True

    def restart(self) -> None:
        if self.entry is not None and self.classroom is not None:
            self.start_class(self.entry, fresh=True)
        elif self.entry is not None:
            self.start_run(self.entry)

    # --- class mode -----------------------------------------------------------------------------

    def start_class(self, entry: Entry, session_log=None, fresh: bool = False) -> None:
        """Class mode: the class votes at each decision, talks after each branch, and every
        decision goes into an anonymous record. Every unfinished class session is listed first
        (to go on with one, or delete one), unless `fresh`; a new session starts with the form
        that asks for the class's label, its size and the lesson's length. `session_log` is a
        session to go on with."""
        from .screens.title import TitleScreen
        if not self._load(entry):
            return
        self.entry = entry
        self.leave_class()  # this window's session, if any, may be the one to go on with
        self.run = None
        under = TitleScreen(self, self.catalogue.index_of(entry.path))
        if session_log is not None:
            problem = self._resume_class(entry, session_log)
            if problem is None:
                return
            self.reset(under)
            self.push(self._resume_list(entry, problem))
            return
        if not fresh:
            offers = self._resume_list(entry)
            if offers.offers:
                self.reset(under)
                self.push(offers)
                return
        from ..classroom.records import last_class_size
        from .screens.class_start import ClassStartScreen
        self.reset(under)
        self.push(ClassStartScreen(self, entry, last_class_size()))

    def begin_class(self, entry: Entry, plan=None) -> None:
        """A new class session of `entry` for the class and lesson of `plan` (the start form's
        `ClassPlan`; none for screenshots and tests): its record written at once, the story from
        its first beat."""
        from ..classroom.session import ClassSession
        from ..core import engine
        from .intents import ShowScene
        if not self._load(entry):
            return
        self.entry = entry
        self.leave_class()
        lang = self.lang if self.lang in entry.scenario.languages else entry.scenario.languages[0]
        run = engine.start(entry.scenario, lang, entry.content_hash)
        self.classroom = ClassSession.begin(entry, run, plan)
        self.show_class_screen(run, self.screen_for(ShowScene(run)))

    def _resume_class(self, entry: Entry, session_log) -> str | None:
        """Go on with `session_log` where it stopped; None when it did, else why not in words
        (open in another window; the story changed since)."""
        from ..classroom.records import RecordError
        from ..classroom.session import ClassSession
        from .intents import ShowEnding, ShowScene
        lang = self.lang if self.lang in entry.scenario.languages else entry.scenario.languages[0]
        try:
            self.classroom, run = ClassSession.resumed(entry, session_log, lang)
        except RecordError as exc:
            log.warning("cannot resume the class session: %s", exc)
            return t("resume_in_use" if exc.kind == "in_use" else "resume_cannot", self.lang)
        self.show_class_screen(run, self.screen_for(ShowEnding(run) if run.ended
                                                    else ShowScene(run)))
        return None

    def _resume_list(self, entry: Entry, notice: str | None = None):
        """The list of every unfinished class session, each with its story's entry here."""
        from ..classroom.records import waiting_sessions
        from .screens.resume import Offer, ResumeListScreen
        offers = []
        for waiting in waiting_sessions():
            record = waiting.record
            if record.mode != "class":
                continue
            story = next((e for e in self.catalogue.entries if e.card.id == record.scenario_id),
                         None)
            offers.append(Offer(record, story, waiting.in_use))
        return ResumeListScreen(self, entry, offers, notice)

    def leave_class(self) -> None:
        """Leave class mode: the session's record is let go, for another window to resume, and
        its secret ballot's room is closed."""
        self.close_ballot()
        if self.classroom is not None:
            self.classroom.log.release()
            self.classroom = None

    def _load(self, entry: Entry) -> bool:
        """Load `entry` in full before it is played (the title shows stories from their cached
        cards). A file that no longer loads, edited since it was listed, joins the title's count
        of broken files and the title comes back: a bad edit never stops a lesson."""
        if entry.load():
            return True
        self.catalogue.set_broken(entry)
        self.show_title()
        return False

    def show_class_screen(self, run: engine.Run, screen: Screen) -> None:
        """`screen` for `run` (a road of the class session), with the title screen under it."""
        from .screens.title import TitleScreen
        self.run = run
        index = self.catalogue.index_of(self.entry.path) if self.entry else None
        self.stack = [TitleScreen(self, index), screen]
        self.dirty = True

    def open_ballot(self):
        """The class's secret ballot, its server started if it is not running: on this
        computer's network address and the port of the settings (`BYSTANDER_BALLOT_HOST` and
        `BYSTANDER_BALLOT_PORT` override them: the tests use loopback and any free port)."""
        from ..classroom.ballot_server import BallotLink
        if self.ballot is None or self.ballot.failed:
            if self.ballot is not None:
                self.ballot.close()
            port = os.environ.get("BYSTANDER_BALLOT_PORT", "")
            self.ballot = BallotLink.open(
                host=os.environ.get("BYSTANDER_BALLOT_HOST") or None,
                port=int(port) if port.isdigit() else self.settings.ballot_port, lang=self.lang)
        return self.ballot

    def close_ballot(self) -> None:
        """Close the secret ballot's room: its server stops, every vote in it is forgotten."""
        if self.ballot is not None:
            self.ballot.close()
            self.ballot = None

    def open_timeline(self) -> None:
        """W in class mode: the decisions taken, to go back and take another road; W closes it."""
        from .screens.menu import MenuScreen
        from .screens.settings import SettingsScreen
        from .screens.timeline import TimelineScreen
        top = self.top
        if self.classroom is None or self.run is None or top is None:
            return
        if any(isinstance(s, TimelineScreen) for s in self.stack):
            while not isinstance(self.top, TimelineScreen):
                self.stack.pop()
            self.pop()
            return
        if not isinstance(top, (MenuScreen, SettingsScreen)):
            self.push(TimelineScreen(self, top))

    def open_debrief(self) -> None:
        """The class's debrief of the road on screen (once it has reached its ending)."""
        from .screens.debrief import DebriefScreen
        if self.classroom is not None and self.run is not None:
            self.show_class_screen(self.run, DebriefScreen(self, self.run))

    def pause(self) -> None:
        from .screens.pause import PauseScreen
        if self.top is not None and not isinstance(self.top, PauseScreen):
            if self.classroom is not None:
                from .screens.pause import ClassPauseScreen
                self.push(ClassPauseScreen(self, self.top))
            else:
                self.push(PauseScreen(self, self.top))

    def quit(self) -> None:
        self.running = False

    # --- loop -----------------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> None:
        top = self.top
        if event.type == pygame.QUIT:
            self.running = False
        elif event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            self.surface = pygame.display.get_surface()
            self.refresh_all()
        elif event.type in (pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED, pygame.WINDOWSHOWN):
            self.dirty = True
            if top is not None:  # what the window showed may be gone: present it whole
                top.frame_covered()
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.toggle_fullscreen()
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_l \
                and not (top is not None and top.takes_text):
            self.toggle_language()
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_w and self.classroom:
            self.open_timeline()
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE and top is not None:
            top.on_escape()
            self.dirty = True
        elif top is not None and top.handle_event(event):
            self.dirty = True

    def step(self, dt: float | None = None) -> bool:
        """One turn of the loop: events, animation, and a redraw if anything changed.

        `dt` is the time that passed in seconds; tests pass a fixed value and never sleep.
        """
        if dt is None:
            if self.frames_drawn:
                ms = self.clock.tick(self._frame_rate())
            else:  # the first frame as soon as it is ready: a capped tick would wait up to 16 ms
                ms = self.clock.tick()
            dt = min(ms / 1000, 0.1)
        for event in pygame.event.get():
            self.handle(event)
            if not self.running:
                return False
        if self.preview is not None and self.preview.changed():
            self.follow_preview()
        top = self.top
        if top is None:
            return False
        self._tick_lesson_clock(dt)
        self.animating = bool(top.update(dt))
        if self.settings.reduced_motion and self.animating:
            top.finish_animations()
            self.animating = False
            self.dirty = True
        if self.animating or self.dirty:
            changed = self.draw()
            if changed is None:
                pygame.display.flip()
            else:  # a software display copies only these parts to the screen
                pygame.display.update(changed)
            if self.frames_drawn == 1:
                self._first_frame_shown(top)
            pictures.write_pending()  # once on screen: the title's pictures, for the next start
            textstore.close_store()  # and its words
        return self.running

    def _first_frame_shown(self, top: Screen) -> None:
        """The first frame is on screen: `bystander bench` times start-up to here (and to the
        kept title, if the start showed it first: title_snapshot.py), and the title of a plain
        start is kept for the next."""
        if BENCH_FIRST_FRAME:
            if not title_snapshot.shown():
                print(title_snapshot.BENCH_MARKER, flush=True)
            print(BENCH_READY, flush=True)
            self.running = False
        if top.KEPT_FOR_THE_NEXT_START:
            title_snapshot.keep(self.surface, self.window(), t("app_title", self.lang))

    def _frame_rate(self) -> int:
        """Frames a second for this turn of the loop: the top screen's own rate while it
        animates (see `Screen.frame_rate`), the full rate right after a change, else idle."""
        top = self.top
        if self.animating and top is not None and top.frame_rate:
            return top.frame_rate
        return ANIMATING_FPS if self.animating or self.dirty else IDLE_FPS

    def _tick_lesson_clock(self, dt: float) -> None:
        """Class mode's lesson clock runs on every screen; a new minute redraws its corner, and
        so does the lesson plan once it is worked out (its mark at the decision on view)."""
        clock = self.classroom.clock if self.classroom is not None else None
        if clock is not None:
            before = clock.words(self.lang)
            clock.tick(dt)
            if clock.words(self.lang) != before:
                self.dirty = True
        if self.classroom is not None and self.classroom.plan_arrived():
            self.dirty = True

    def draw(self) -> list[pygame.Rect] | None:
        """Draw the top screen; returns the parts of the window it changed (None: all)."""
        self.dirty = False
        if self.top is None:
            return None
        self.top.draw(self.surface)
        self.frames_drawn += 1
        return self.top.changed

    def run_frames(self, n: int, dt: float = 1 / 60) -> None:
        for _ in range(n):
            if not self.step(dt):
                break

    def loop(self) -> None:
        while self.step():
            pass


def play(scenario: str | None = None, *, lang: str | None = None,
         size: tuple[int, int] | None = None, fullscreen: bool = False, display: int = 0,
         class_mode: bool = False, ballot_port: int | None = None,
         watch: bool = False) -> None:
    """`bystander play [SCENARIO]`: the title screen, or that scenario (an id or a file) straight
    away; with `class_mode` the class plays it (the default story if none is named). Returns
    when the window closes. Raises NoDisplay (with what to say) when there is no screen,
    ScenarioNotFound or ScenarioError when the story named cannot be played."""
    from ..paths import find_scenario, own_stories_dir
    from .catalogue import entry_for, scan
    why = display_problem()
    if why is not None:
        raise NoDisplay(t("no_display", lang or "en", why=why, scenario=scenario or "adrian"))
    start_entry = None
    if scenario:
        start_entry, issues = entry_for(find_scenario(scenario))
        if start_entry is None and not watch:  # the preview shows the problems instead
            from ..core.issues import ScenarioError  # only now: see cli.cmd_play
            raise ScenarioError(issues)
    settings = load_settings()
    if lang:
        settings.lang = lang
    if ballot_port is not None:
        settings.ballot_port = ballot_port
    catalogue = scan(own=own_stories_dir())
    try:
        app = App(settings, catalogue, size=size or DEFAULT_SIZE,
                  fullscreen=True if fullscreen else None, display=display)
    except pygame.error as exc:
        raise NoDisplay(t("no_display", settings.lang, why=str(exc),
                          scenario=scenario or "adrian")) from None
    if class_mode:  # the story named, else the default one
        entry = start_entry or (catalogue.entries[catalogue.default_index()]
                                if catalogue.entries else None)
        if entry is not None:
            app.start_class(entry)
        else:
            app.show_title()
    elif watch and scenario:
        from .watch import Preview
        app.preview = Preview(find_scenario(scenario))
        app.follow_preview()
    elif start_entry is not None:
        app.start_run(start_entry)
    else:
        textstore.open_store()  # the title's words as the last start drew them: textstore.py
        app.show_title()
    try:
        with StopOnSignals(app.quit):  # SIGTERM or Ctrl+C: the loop ends as if quit
            app.loop()
    finally:
        app.leave_class()
        pygame.display.quit()
        forget_window()
