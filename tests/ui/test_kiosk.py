"""Event mode driven headless like a day at an event: visitors touch the attract loop, play, walk
away or finish; the countdown warns, the screen resets, the counter counts, and nobody but the
organiser gets out. Time comes from a fake clock; nothing sleeps.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, replace

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.cli import main  # noqa: E402
from game.core import engine  # noqa: E402
from game.ui import kiosk as kiosk_module  # noqa: E402
from game.event.visits import GRACE_SECONDS  # noqa: E402
from game.ui.catalogue import Catalogue  # noqa: E402
from game.ui.i18n import t  # noqa: E402
from game.ui.kiosk import KioskConfig, KioskError, offered_entries  # noqa: E402
from game.ui.screens.attract import (CHANGE_SECONDS, LANG_SECONDS, MOTION_FPS,  # noqa: E402
                                      AttractScreen)
from game.ui.screens.consequence import ConsequenceScreen, TouchConsequenceScreen  # noqa: E402
from game.ui.screens.ending import EndingScreen, TouchEndingScreen  # noqa: E402
from game.ui.screens.kiosk_menu import KioskMenuScreen  # noqa: E402
from game.ui.screens.kiosk_organiser import OrganiserScreen  # noqa: E402
from game.ui.screens.kiosk_pick import StoryPickScreen  # noqa: E402
from game.ui.screens.kiosk_pin import PinScreen  # noqa: E402
from game.ui.screens.scene import SceneScreen, TouchSceneScreen  # noqa: E402
from game.ui.screens.touch import touch_height  # noqa: E402
from game.ui.settings import Settings, load_settings, settings_path  # noqa: E402

from kioskhelp import EVENT_DAY, FakeClock, make_kiosk, step  # noqa: E402
from uihelp import MINI, ROOT, SHIPPED, click, entry_of, key, run_at  # noqa: E402

GROUP_CHAT = ROOT / "scenes" / "group_chat.yaml"
ACTIVE_ROAD = ["take_screenshot", "together_in_group", "dm_fenna", "anon_report", "sit_with_fenna"]
PASSIVE_ROAD = ["laugh_react", "phone_down", "leave_it_to_noor", "say_nothing", "look_away"]


@pytest.fixture
def group_chat():
    return entry_of(GROUP_CHAT)


@pytest.fixture
def app(group_chat, tmp_path):
    return make_kiosk([group_chat], tmp_path / "event")


def counts(app):
    return app.counter.counts()


def touch(app, pos=None, dt: float = 0.1) -> None:
    """A tap (mouse events, as SDL makes them from a finger), then one step of the loop."""
    click(pos or (app.surface.get_width() // 2, app.surface.get_height() // 2))
    app.now.advance(dt)
    app.step(dt)


def assert_at_rest(app, lang="nl", *, stopped=False):
    """Nothing of the last visitor on screen; their counting flags gone too, unless they
    `stopped` mid-story (kept for the grace time, see event/visits.py)."""
    assert app.run is None and app.entry is None
    if stopped:
        assert app.visits.stopped
    else:
        assert app.visitor is None
    assert len(app.stack) == 1 and isinstance(app.top, AttractScreen)
    assert app.lang == lang and app.warning_left is None


def play_road(app, road, to_the_end=True):
    """Play `road` through the screens as a visitor would, to its ending."""
    for choice_id in road:
        scene = app.top
        while not scene.view.choices:
            scene._to_end_of_scene()
            scene.advance()
            scene = app.top
        scene._to_end_of_scene()
        scene.choose(choice_id)
        app.top.finish_animations()
        app.top.go_on()
    while to_the_end and not isinstance(app.top, EndingScreen):
        app.top._to_end_of_scene()
        app.top.advance()
    app.now.advance(0.1)
    app.step(0.1)


# --- what is offered ------------------------------------------------------------------------------

def test_only_event_scenarios_are_offered_unless_named():
    shipped = Catalogue([entry_of(p) for p in SHIPPED], 0)
    offered = offered_entries(shipped)
    assert offered and all(e.scenario.event for e in offered)
    assert "group_chat" in [e.scenario.id for e in offered]
    assert "adrian" not in [e.scenario.id for e in offered]
    adrian = entry_of(ROOT / "scenes" / "adrian.yaml")
    assert offered_entries(shipped, [adrian]) == [adrian]       # --scenario adrian: allowed
    with pytest.raises(KioskError):
        offered_entries(Catalogue([entry_of(MINI)], 0))        # nothing with event: true


READING_WORDS_PER_MINUTE = 150
"""A slow reader on a big screen: a visitor should get through a story in about five minutes."""


def _roads(scenario, lang, moves=()):
    """Words read on every road from `moves` on (beats, choices, consequences), with the moves
    (choice ids, None for each `next`) that make the road."""
    run = engine.replay(scenario, lang, moves)
    moves, words = list(moves), 0
    view = run.view()
    words += sum(len(b.text.split()) for b in view.beats)
    while not view.choices and view.can_advance:
        view = run.advance()
        moves.append(None)
        words += sum(len(b.text.split()) for b in view.beats)
    if not view.choices:
        return [(words, moves)]
    words += sum(len(c.text.split()) for c in view.choices)
    roads = []
    for c in view.choices:
        if c.available:
            consequence = engine.replay(scenario, lang, moves).choose(c.id).consequence
            roads += [(words + len(consequence.split()) + w, m)
                      for w, m in _roads(scenario, lang, [*moves, c.id])]
    return roads


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_event_stories_are_short_enough_to_play_standing_up(lang):
    for path in SHIPPED:
        scenario = entry_of(path).scenario
        if not scenario.event:
            continue
        longest = max(w for w, _ in _roads(scenario, lang))
        assert longest / READING_WORDS_PER_MINUTE <= 5.5, (scenario.id, longest)


def test_config_from_settings():
    entries = [entry_of(GROUP_CHAT)]
    both = KioskConfig.from_settings(Settings(lang="en", kiosk_idle_seconds=90), entries)
    assert both.default_lang == "en" and both.langs == ("en", "nl") and both.idle_seconds == 90
    one = KioskConfig.from_settings(Settings(lang="en", kiosk_lang="nl", kiosk_pin="2468"),
                                    entries, lang="en")
    assert one.default_lang == "nl" and one.langs == ("nl",) and one.pin == "2468"


# --- a visitor ------------------------------------------------------------------------------------

def test_touch_anywhere_starts_the_story_in_the_language_on_screen(app):
    assert_at_rest(app)
    step(app, 8.0)                                   # the loop has turned to English
    assert app.top.shown_lang == "en"
    touch(app, (app.surface.get_width() - 40, 40))   # the picture, not a button
    assert isinstance(app.top, TouchSceneScreen) and app.lang == "en" and app.run.lang == "en"
    assert [type(s) for s in app.stack] == [AttractScreen, TouchSceneScreen]
    assert counts(app).visitors_started == 0         # a player from their first choice on


def test_the_language_buttons_start_in_their_own_language(app):
    app.draw()
    english = next(b for b in app.top.starts if "English" in b.label)
    touch(app, english.rect.center)
    assert app.lang == "en" and isinstance(app.top, SceneScreen)


def test_story_screens_become_touch_variants_on_the_stack(app):
    app.top.start("nl")
    scene = app.top
    scene._to_end_of_scene()
    scene.choose("take_screenshot")
    assert isinstance(app.top, TouchConsequenceScreen)
    app.top.finish_animations()
    app.top.go_on()
    assert isinstance(app.top, TouchSceneScreen)
    play_road(app, ACTIVE_ROAD[1:])
    assert isinstance(app.top, TouchEndingScreen)


def test_a_visitor_who_steps_in_and_finishes_is_counted_once(app):
    app.top.start("nl")
    play_road(app, ACTIVE_ROAD)
    c = counts(app)
    assert (c.visitors_started, c.visitors_finished, c.visitors_stepped_in) == (1, 1, 1)
    app.restart()                                   # Play again: still the same visitor
    play_road(app, PASSIVE_ROAD)
    c = counts(app)
    assert (c.visitors_started, c.visitors_finished, c.visitors_stepped_in) == (1, 1, 1)
    app.top._to_title()                             # Done: back to the loop, the next one
    assert_at_rest(app)
    app.top.start("en")
    play_road(app, PASSIVE_ROAD)
    c = counts(app)
    assert (c.visitors_started, c.visitors_finished, c.visitors_stepped_in) == (2, 2, 1)


def test_stepping_in_counts_even_when_the_visitor_walks_away(app):
    app.top.start("nl")
    scene = app.top
    scene._to_end_of_scene()
    scene.choose("take_screenshot")                 # report: an active stance
    step(app, 75.0, dt=1.0)
    assert_at_rest(app)
    c = counts(app)
    assert (c.visitors_started, c.visitors_finished, c.visitors_stepped_in) == (1, 0, 1)


def test_the_counts_are_a_small_anonymous_file_per_day(app, tmp_path):
    app.top.start("nl")
    play_road(app, ACTIVE_ROAD)
    data = json.loads((tmp_path / "event" / f"{EVENT_DAY.isoformat()}.json").read_text())
    assert data == {"format": "bystander-event-day", "version": 1, "date": "2026-05-12",
                    "visitors_started": 1, "visitors_finished": 1, "visitors_stepped_in": 1}
    # its last good copy, and the empty file whose lock lets two screens count into one folder
    assert sorted(p.name for p in (tmp_path / "event").iterdir()) == [
        ".counts.lock", "2026-05-12.backup.json", "2026-05-12.json"]
    assert (tmp_path / "event" / ".counts.lock").stat().st_size == 0


# --- idle reset -----------------------------------------------------------------------------------

def test_idle_countdown_then_everything_of_the_visitor_is_gone(app, tmp_path):
    settings_before = asdict(app.settings)
    app.top.start("nl")
    app.toggle_language()                            # the visitor switched to English
    app.pause()                                      # and left the menu open
    assert app.lang == "en" and isinstance(app.top, KioskMenuScreen)
    step(app, 59.5)
    assert app.warning_left is None
    step(app, 1.0)
    assert app.warning_left == 10                    # the countdown shows
    app.draw()
    assert app.warning_fits
    step(app, 5.0)
    assert app.warning_left == 5
    step(app, 5.0)
    assert_at_rest(app, "nl")                        # language back to the default
    assert asdict(app.settings) | {"lang": "en"} == settings_before | {"lang": "en"}
    assert not settings_path().exists()              # nothing of the visitor was saved
    assert app.idle_resets == 1


def test_a_touch_during_the_countdown_keeps_playing_and_does_nothing_else(app):
    app.top.start("nl")
    scene = app.top
    assert scene.beat == 0
    step(app, 63.0)
    assert app.warning_left is not None
    touch(app)                                       # would advance the beat without the overlay
    assert app.warning_left is None and app.top is scene and scene.beat == 0
    touch(app)                                       # the next touch plays on
    assert scene.beat == 1
    step(app, 59.0)
    assert app.run is not None and app.warning_left is None


def test_the_idle_time_comes_from_the_settings(group_chat, tmp_path):
    app = make_kiosk([group_chat], tmp_path, idle=20.0)
    app.top.start("nl")
    step(app, 21.0)
    assert app.warning_left is not None
    step(app, 10.0)
    assert_at_rest(app)


def test_the_attract_loop_never_resets_itself(app):
    step(app, 600.0, dt=2.0)
    assert_at_rest(app)
    assert app.resets == 1 and app.warning_left is None


# --- no way out for visitors ----------------------------------------------------------------------

def test_esc_opens_a_menu_without_quit_or_settings(app):
    key(pygame.K_ESCAPE)
    step(app, 0.1)
    assert_at_rest(app)                              # Esc on the attract loop: nothing
    app.top.start("nl")
    key(pygame.K_ESCAPE)
    step(app, 0.1)
    menu = app.top
    assert isinstance(menu, KioskMenuScreen)
    labels = [label for label, _ in menu.entries()]
    assert labels == ["Verder spelen", "Opnieuw beginnen", "Stoppen en terug naar het begin"]
    menu.entries()[2][1]()                           # Stop: the next visitor's turn
    assert_at_rest(app, stopped=True)


def test_closing_the_window_and_f11_are_ignored(app):
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    key(pygame.K_F11)
    step(app, 0.1)
    assert app.running and app.fullscreen is False   # windowed in tests: F11 left it so
    assert_at_rest(app)


def test_ctrl_alt_q_quits_when_no_code_is_set(app):
    key(pygame.K_q, pygame.KMOD_LCTRL | pygame.KMOD_LALT)
    app.step(0.1)
    assert not app.running


def test_with_a_code_the_chord_opens_the_pad_and_only_the_code_quits(group_chat, tmp_path):
    app = make_kiosk([group_chat], tmp_path, pin="2468")
    key(pygame.K_q, pygame.KMOD_LCTRL | pygame.KMOD_LALT)
    step(app, 0.1)
    pad = app.top
    assert isinstance(pad, PinScreen) and app.running
    for digit in "1234":
        key(getattr(pygame, f"K_{digit}"))
    key(pygame.K_RETURN)
    step(app, 0.1)
    assert app.running and app.top is pad and pad.message
    step(app, 1.0)                                   # the wait after a wrong code
    pad.submit()
    step(app, 2.0)
    pad.submit()                                     # three wrong codes: the pad closes
    assert_at_rest(app)
    step(app, 4.0)
    app.request_exit()
    app.draw()
    keys = {b.label: b for b in app.top.keys}
    for digit in "2468":
        touch(app, keys[digit].rect.center)
    touch(app, keys["OK"].rect.center)
    menu = app.top                                   # the organiser's menu: close, or back
    assert isinstance(menu, OrganiserScreen) and app.running
    app.draw()
    touch(app, menu.items[0].rect.center)
    assert not app.running


def test_a_long_press_in_the_corner_opens_the_pad(group_chat, tmp_path):
    app = make_kiosk([group_chat], tmp_path, pin="2468")
    app.top.start("en")
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(5, 5), button=1))
    step(app, 2.0, dt=0.5)
    assert not isinstance(app.top, PinScreen)
    step(app, 1.5, dt=0.5)
    assert isinstance(app.top, PinScreen)
    step(app, 75.0, dt=1.0)                          # left alone, the pad gives way too
    assert_at_rest(app)


def test_a_long_press_does_nothing_without_a_code(app):
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(5, 5), button=1))
    step(app, 4.0)
    assert app.running and not isinstance(app.top, PinScreen)


def test_sigterm_still_stops_the_game(app):
    import signal

    from game.stop import StopOnSignals
    previous = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGINT)}
    with StopOnSignals(app.quit):  # as play_kiosk runs the loop
        signal.raise_signal(signal.SIGTERM)
        assert not app.running
    assert {s: signal.getsignal(s) for s in previous} == previous


# --- the attract loop -----------------------------------------------------------------------------

def test_the_attract_loop_takes_turns_in_both_languages(app):
    loop = app.top
    seen = []
    for second in range(0, 28):
        loop.seek(second)
        seen.append(loop.shown_lang)
    assert set(seen) == {"nl", "en"} and seen[0] == "nl"


def test_only_the_configured_language(group_chat, tmp_path):
    app = make_kiosk([group_chat], tmp_path, lang="en", langs=("en",))
    app.top.seek(30)
    app.draw()
    assert app.top.shown_lang == "en" and [b.label for b in app.top.starts] == ["Play"]


def test_the_loop_moves_gently_and_stands_still_with_reduced_motion(group_chat, tmp_path):
    moving = make_kiosk([group_chat], tmp_path / "a")
    before = moving.frames_drawn
    step(moving, 2.0, dt=1 / 60)
    assert 10 <= moving.frames_drawn - before <= 16  # the cast walks in at 10 frames a second
    before = moving.frames_drawn
    step(moving, 4.5, dt=1 / 60)
    assert moving.frames_drawn == before             # then nothing moves, nothing is drawn
    still = make_kiosk([group_chat], tmp_path / "b", reduced_motion=True)
    still.step(0.01)
    before = still.frames_drawn
    step(still, 6.0, dt=1 / 20)
    assert still.frames_drawn == before              # the same words: no redraw
    step(still, 2.0, dt=1 / 20)
    assert still.frames_drawn == before + 1          # the language turned: one redraw


def test_the_picture_changes_gently_at_every_turn(group_chat, tmp_path):
    """At each turn of the language the place fades to the next one and the cast steps aside,
    at most MOTION_FPS frames a second for CHANGE_SECONDS, and nothing is drawn in between: a
    day of it presents few frames, and no pixel shows the same thing all day."""
    app = make_kiosk([group_chat], tmp_path, size=(640, 360))
    step(app, LANG_SECONDS - 0.5, dt=1 / 60)
    pictures = []
    for turn in range(1, 4):
        before = app.frames_drawn
        step(app, 0.5 + CHANGE_SECONDS / 2, dt=1 / 60)
        middle = pygame.image.tobytes(app.surface, "RGB")
        step(app, CHANGE_SECONDS / 2 + 0.2, dt=1 / 60)
        drawn = app.frames_drawn - before
        assert MOTION_FPS * CHANGE_SECONDS - 2 <= drawn <= MOTION_FPS * CHANGE_SECONDS + 2
        settled = pygame.image.tobytes(app.surface, "RGB")
        before = app.frames_drawn
        step(app, LANG_SECONDS - CHANGE_SECONDS - 0.7, dt=1 / 60)
        assert app.frames_drawn == before            # between changes: not one frame
        assert middle != settled                     # it moved
        pictures.append(settled)
    assert len(set(pictures)) == 3                   # three turns, three pictures


def test_the_loop_presents_only_what_moved(group_chat, tmp_path):
    """While the ring breathes and the place fades, the app is told which parts of the
    window changed (a software display then copies only those); a whole frame says None."""
    app = make_kiosk([group_chat], tmp_path, size=(1280, 720))
    step(app, LANG_SECONDS + 0.3, dt=1 / 60)
    assert app.top.patched and app.top.changed
    column = app.top._column_w()
    assert all(r.left >= column or r.colliderect(app.top.starts[0].rect.inflate(60, 60))
               for r in app.top.changed)
    app.top.refresh()
    app.top._drawn_at = -2
    assert app.draw() is None


@pytest.mark.parametrize("moments", [(0.1, 0.5, 0.9), (7.1, 7.4, 8.1), (14.2, 14.9),
                                     (2.0, 7.3, 7.4), (13.5, 14.0, 14.1)])
def test_a_frame_that_redraws_only_what_moved_equals_a_whole_one(app, moments):
    loop = app.top
    for moment in moments:                           # the cast walking in, then a change
        loop.elapsed = moment
        app.draw()
    assert loop.patched
    patched = pygame.image.tobytes(app.surface, "RGB")
    loop._drawn_at = -2                              # forces a whole frame
    app.draw()
    assert not loop.patched
    assert pygame.image.tobytes(app.surface, "RGB") == patched


@pytest.mark.parametrize("size,text_size", [((1280, 720), "normal"), ((1280, 720), "xlarge"),
                                             ((1024, 768), "xlarge"), ((1920, 1080), "large"),
                                             ((3840, 2160), "normal"), ((1400, 1050), "large")])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_attract_loop_fits_every_screen(group_chat, tmp_path, size, text_size, lang):
    app = make_kiosk([group_chat, entry_of(ROOT / "scenes" / "adrian.yaml")], tmp_path,
                     size=size, lang=lang, text_size=text_size)
    for _ in range(40):
        app.counter.visitor_started()
    for moment in (0.5, 3.0, 8.0, 15.0):
        app.top.seek(moment)
        app.draw()
        assert app.top.overflows() == [], (moment, app.top.overflows())
        assert all(b.rect.h >= size[1] / 12 for b in app.top.starts)
        assert all(surface_rect.contains(b.rect) for b in app.top.starts
                   for surface_rect in [app.surface.get_rect()])


def test_the_count_on_the_loop(app):
    loop = app.top
    assert loop._count_lines(counts(app), "nl") == ["Speel vandaag als eerste!"]
    for _ in range(9):
        app.counter.visitor_started()
    app.counter.visitor_stepped_in()
    assert loop._count_lines(counts(app), "en") == ["Today 9 people played"]  # too few for %
    app.counter.visitor_started()
    for _ in range(6):
        app.counter.visitor_stepped_in()
    assert loop._count_lines(counts(app), "nl") == [
        "Vandaag koos 70% van de spelers om in te grijpen", "Vandaag speelden 10 mensen"]


def test_several_stories_are_picked_from_big_cards(group_chat, tmp_path):
    adrian = entry_of(ROOT / "scenes" / "adrian.yaml")
    app = make_kiosk([group_chat, adrian], tmp_path)
    loop = app.top
    loop.seek(loop.story_seconds + 1)                # the second story is on show
    assert loop.story_index == 1
    touch(app)
    pick = app.top
    assert isinstance(pick, StoryPickScreen) and pick.focus.index == 1
    assert counts(app).visitors_started == 0         # not playing yet
    app.draw()
    touch(app, pick.cards[1].rect.center)
    assert app.run.scenario.id == "adrian" and counts(app).visitors_started == 0
    app.top._to_end_of_scene()
    app.top.choose(app.top.view.choices[0].id)
    step(app, 0.1)
    assert counts(app).visitors_started == 1         # the first choice makes a player


# --- touch first, and every word fits -------------------------------------------------------------

def _kiosk_screens(app, entry):
    """Every kind of screen a visitor meets, each drawn: (name, screen)."""
    app.top.seek(3)
    app.draw()
    yield "attract", app.top
    app.top.start(app.lang)
    app.draw()
    yield "scene", app.top
    scene = app.top
    scene._to_end_of_scene()
    app.draw()
    yield "choices", app.top
    scene.choose(scene.view.choices[0].id)
    app.top.finish_animations()
    app.top.show_discussion = True
    app.draw()
    yield "consequence", app.top
    app.pause()
    app.draw()
    yield "menu", app.top
    app.pop()
    app.config = replace(app.config, pin="2468")
    app.request_exit()
    app.draw()
    yield "pin", app.top
    app.pop()
    app.top.go_on()
    while not isinstance(app.top, EndingScreen):
        top = app.top
        if isinstance(top, ConsequenceScreen):
            top.finish_animations()
            top.go_on()
        elif top.view.choices:
            top._to_end_of_scene()
            top.choose(next(c.id for c in top.view.choices if c.available))
        else:
            top._to_end_of_scene()
            top.advance()
    app.draw()
    yield "ending", app.top


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (1024, 768)])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_button_is_a_twelfth_of_the_screen_high(group_chat, tmp_path, size, lang):
    app = make_kiosk([group_chat], tmp_path, size=size, lang=lang)
    least = size[1] / 12
    for name, screen in _kiosk_screens(app, group_chat):
        buttons = screen.buttons() + list(getattr(screen, "_nav_buttons", []))
        assert buttons, name
        small = [(b.label, b.rect.h) for b in buttons if b.rect.h < least]
        assert not small, f"{name}: {small}"
        assert screen.overflows() == [], (name, screen.overflows())


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_countdown_fits_and_its_button_is_big(group_chat, tmp_path, size, lang):
    app = make_kiosk([group_chat], tmp_path, size=size, lang=lang)
    app.top.start(lang)
    step(app, 60.5)
    app.draw()
    assert app.warning_left == 10 and app.warning_fits
    assert touch_height(app.theme) >= size[1] / 12


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("path", [GROUP_CHAT, MINI], ids=lambda p: p.stem)
def test_every_text_fits_the_touch_screens(path, lang, tmp_path):
    """Every beat, choice (also all out of reach), consequence and ending in the touch variants."""
    entry = entry_of(path)
    s = entry.scenario
    app = make_kiosk([entry], tmp_path, size=(1280, 720), lang=lang)
    problems = []

    def check(where, screen):
        app.stack = [screen]
        screen.finish_animations()
        app.draw()
        problems.extend(f"{where}: {text!r}" for text in screen.overflows())

    for scene_id, scene in s.scenes.items():
        run = run_at(s, scene_id, lang)
        app.run = run
        screen = TouchSceneScreen(app, run)
        for i in range(len(screen.view.beats)):
            screen._start_beat(i, typed=True)
            check(f"{scene_id} beat {i + 1}", screen)
        if scene.choices:
            screen.show_choices()
            check(f"{scene_id} choices", screen)
            worst = tuple(replace(c, available=False, reason=c.reason or engine.unavailable_reason(
                lang)) for c in screen.view.choices)
            screen.view = replace(screen.view, choices=worst)
            check(f"{scene_id} choices, all out of reach", screen)
        for choice in scene.choices:
            attempt = run_at(s, scene_id, lang)
            try:
                outcome = attempt.choose(choice.id)
            except engine.ChoiceError:
                continue
            app.run = attempt
            cons = TouchConsequenceScreen(app, attempt, outcome, attempt.view())
            check(f"{scene_id} -> {choice.id}", cons)
            cons.show_discussion = True
            check(f"{scene_id} -> {choice.id} thinking", cons)
        if scene.ending is not None:
            run.state.ending = scene.ending
            ending = TouchEndingScreen(app, run)
            check(f"ending {scene.ending}", ending)
            ending.show_pane("path")
            check(f"ending {scene.ending}, path", ending)
    assert not problems, "text does not fit:\n" + "\n".join(problems)


# --- settings and the command line ----------------------------------------------------------------

def test_kiosk_settings_are_checked():
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"kiosk_pin": "2468", "kiosk_idle_seconds": 90,
                                "kiosk_lang": "en"}))
    s = load_settings()
    assert (s.kiosk_pin, s.kiosk_idle_seconds, s.kiosk_lang) == ("2468", 90, "en")
    path.write_text(json.dumps({"kiosk_pin": "12ab", "kiosk_idle_seconds": True,
                                "kiosk_lang": "de"}))
    s = load_settings()
    assert (s.kiosk_pin, s.kiosk_idle_seconds, s.kiosk_lang) == ("", 60, "")
    path.write_text(json.dumps({"kiosk_pin": 2468, "kiosk_idle_seconds": 5}))
    s = load_settings()
    assert (s.kiosk_pin, s.kiosk_idle_seconds) == ("", 60)


def test_play_kiosk_from_the_command_line(monkeypatch, capsys):
    started = {}

    def fake_loop(self):
        started["entries"] = [e.scenario.id for e in self.config.entries]
        started["fullscreen"] = self.fullscreen

    import signal
    monkeypatch.setattr(kiosk_module.KioskApp, "loop", fake_loop)
    before = signal.getsignal(signal.SIGINT)
    assert main(["play", "--kiosk", "--size", "1280x720"]) == 0
    assert started == {"entries": ["group_chat"], "fullscreen": False}
    assert signal.getsignal(signal.SIGINT) is before        # put back when the game ends
    assert main(["play", "--kiosk", "--scenario", "adrian", "group_chat", "--size",
                 "1280x720"]) == 0
    assert started["entries"] == ["adrian", "group_chat"]
    assert main(["play", "--kiosk", "--scenario", "nope"]) == 2
    assert "no scenario 'nope'" in capsys.readouterr().err
    assert main(["play", "--scenario", "adrian"]) == 2
    assert "--scenario goes with --kiosk" in capsys.readouterr().err


def test_screenshot_of_the_attract_loop(tmp_path, capsys):
    out = tmp_path / "attract.png"
    assert main(["screenshot", "group_chat", "--screen", "attract", "--size", "1920x1080",
                 "--lang", "nl", "-o", str(out)]) == 0
    assert pygame.image.load(str(out)).get_size() == (1920, 1080)
    assert not any(tmp_path.glob("bystander-attract-*"))


def test_no_clock_but_the_injected_one_is_used(group_chat, tmp_path):
    clock = FakeClock(5.0)
    app = make_kiosk([group_chat], tmp_path, clock=clock)
    app.top.start("nl")
    for _ in range(200):                             # many steps, but no time passes
        app.step(0.5)
    assert app.run is not None and app.warning_left is None


def test_the_pointer_hides_for_fingers_and_after_the_mouse_rests(app):
    assert not pygame.mouse.get_visible(), "an event screen starts without a pointer"
    centre = (app.surface.get_width() // 2, app.surface.get_height() // 2)
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=centre, rel=(3, 0),
                                         buttons=(0, 0, 0), touch=False))
    step(app, 0.5)
    assert pygame.mouse.get_visible(), "somebody uses a mouse: show where it is"
    step(app, kiosk_module.CURSOR_SECONDS)
    assert not pygame.mouse.get_visible(), "the mouse rested: the pointer goes"
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=centre, rel=(3, 0),
                                         buttons=(0, 0, 0), touch=False))
    step(app, 0.5)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=centre, button=1,
                                         touch=True))
    step(app, 0.5)
    assert not pygame.mouse.get_visible(), "a finger needs no pointer"


# --- who counts as a player (issue 20: 26 visitors became "39 mensen") ------------------------

def choose(app, choice_id: str) -> None:
    """The visitor reads on to the next choices, takes `choice_id`, reads what it did and goes
    on; the loop runs a moment."""
    play_road(app, [choice_id], to_the_end=False)
    step(app, 0.1)


def stop_from_the_menu(app) -> None:
    app.pause()
    menu = app.top
    assert isinstance(menu, KioskMenuScreen)
    label, stop = menu.entries()[-1]
    assert label == t("kiosk_stop", app.lang)
    stop()


def tally(app) -> tuple[int, int, int]:
    """(players, stepped in, saw an ending) today."""
    c = counts(app)
    return c.visitors_started, c.visitors_stepped_in, c.visitors_finished


def test_a_tap_on_the_attract_loop_then_walking_away_is_not_a_player(app):
    touch(app)                                       # a stray tap: the story starts
    assert isinstance(app.top, TouchSceneScreen)
    touch(app)                                       # reads a line, then walks away
    step(app, 75.0, dt=1.0)
    assert_at_rest(app)
    assert tally(app) == (0, 0, 0)
    assert app.top._count_lines(counts(app), "en") == ["Be the first to play today!"]


def test_a_first_choice_makes_a_player(app):
    touch(app)
    assert tally(app) == (0, 0, 0)
    choose(app, "laugh_react")                       # a choice that does not step in
    assert tally(app) == (1, 0, 0)
    step(app, 75.0, dt=1.0)                          # walks away: still one player
    assert_at_rest(app)
    assert tally(app) == (1, 0, 0)


def test_a_stop_and_restart_within_the_grace_time_is_the_same_player(app):
    touch(app)
    choose(app, "take_screenshot")                   # steps in
    stop_from_the_menu(app)                          # to start over, in the other language
    assert_at_rest(app, stopped=True)
    step(app, GRACE_SECONDS - 5, dt=1.0)
    assert app.visits.stopped                        # kept for the grace time, nothing more
    app.draw()
    english = next(b for b in app.top.starts if "English" in b.label)
    touch(app, english.rect.center)
    assert app.lang == "en" and isinstance(app.top, TouchSceneScreen)
    assert not app.visits.stopped
    choose(app, "take_screenshot")                   # steps in again
    assert tally(app) == (1, 1, 0)
    play_road(app, ACTIVE_ROAD[1:])
    assert tally(app) == (1, 1, 1)


def test_a_stop_and_restart_after_the_grace_time_is_a_new_player(app):
    touch(app)
    choose(app, "laugh_react")
    stop_from_the_menu(app)
    step(app, GRACE_SECONDS + 1, dt=1.0)
    assert_at_rest(app)                              # and nothing of them is kept any more
    touch(app)
    choose(app, "laugh_react")
    assert tally(app) == (2, 0, 0)


def test_a_stop_before_any_choice_then_a_restart_counts_one_player(app):
    touch(app)
    stop_from_the_menu(app)
    touch(app)
    choose(app, "take_screenshot")
    assert tally(app) == (1, 1, 0)


def test_stepping_in_counts_once_per_player(app):
    touch(app)
    choose(app, "take_screenshot")                   # report
    choose(app, "together_in_group")                 # and again
    assert tally(app) == (1, 1, 0)
    app.pause()
    app.top.entries()[1][1]()                        # the menu's Restart: the same player
    choose(app, "take_screenshot")
    assert tally(app) == (1, 1, 0)


def test_after_an_ending_the_next_touch_is_a_new_player(app):
    touch(app)
    play_road(app, ACTIVE_ROAD)
    assert tally(app) == (1, 1, 1)
    app.top._to_title()                              # Done
    assert_at_rest(app)
    touch(app)                                       # the next in the queue, at once
    choose(app, "laugh_react")
    assert tally(app) == (2, 1, 1)
    play_road(app, PASSIVE_ROAD[1:])
    stop_from_the_menu(app)                          # Stop at the ending: the visit is over too
    assert_at_rest(app)
    touch(app)
    choose(app, "laugh_react")
    assert tally(app) == (3, 1, 2)


def test_the_figure_on_the_loop_is_true_for_a_queue_of_visitors(app):
    """26 visitors, as at an event: 10 play to the end (5 step in), 6 tap and walk away, 6 stop
    after a choice and start again at once (and step in), 4 step in and walk away."""
    for i in range(10):
        touch(app)
        play_road(app, ACTIVE_ROAD if i % 2 else PASSIVE_ROAD)
        app.top._to_title()
        step(app, 5.0)
    for _ in range(6):
        touch(app)
        step(app, 75.0, dt=2.5)
    for _ in range(6):
        touch(app)
        choose(app, "laugh_react")
        stop_from_the_menu(app)
        touch(app)
        choose(app, "take_screenshot")
        step(app, 75.0, dt=2.5)
    for _ in range(4):
        touch(app)
        choose(app, "take_screenshot")
        step(app, 75.0, dt=2.5)
    assert tally(app) == (20, 15, 10)
    assert app.top._count_lines(counts(app), "nl") == [
        "Vandaag koos 75% van de spelers om in te grijpen", "Vandaag speelden 20 mensen"]


# --- the code pad waits longer after each wrong code ----------------------------------------------

def pad_words(app) -> str:
    """What the pad says under its title, as laid out now."""
    app.draw()
    return app.top.layout().hint.text


def test_each_wrong_code_makes_the_next_try_wait_longer(group_chat, tmp_path):
    app = make_kiosk([group_chat], tmp_path, pin="2468")
    app.top.start("nl")
    app.request_exit()
    pad = app.top

    def type_code(code: str) -> None:
        for digit in code:
            key(getattr(pygame, f"K_{digit}"))
        key(pygame.K_RETURN)
        step(app, 0.1)

    type_code("1111")
    assert pad_words(app) == "Wacht 1 seconde en probeer het dan opnieuw."
    step(app, 1.0)
    assert pad_words(app) == "Verkeerde code. Probeer het opnieuw."
    type_code("1234")
    assert pad_words(app) == "Wacht 2 seconden en probeer het dan opnieuw."
    step(app, 1.0)
    assert pad_words(app) == "Wacht 1 seconde en probeer het dan opnieuw."
    step(app, 1.0)
    type_code("9999")                                # the third: the pad closes, the wait stays
    assert not isinstance(app.top, PinScreen)
    app.request_exit()                               # opened again at once
    assert pad_words(app) == "Wacht 4 seconden en probeer het dan opnieuw."
    type_code("2468")                                # the right code, during the wait: unchecked
    assert isinstance(app.top, PinScreen) and app.running
    step(app, 2.0)
    assert pad_words(app) == "Wacht 2 seconden en probeer het dan opnieuw."
    step(app, 2.0)
    key(pygame.K_RETURN)                             # after the wait the right code works
    step(app, 0.1)
    assert isinstance(app.top, OrganiserScreen)


def test_the_wait_doubles_up_to_a_minute_and_is_forgotten_after_a_quiet_spell():
    from game.event.code_lock import FORGET_SECONDS, CodeLock
    clock = FakeClock()
    lock = CodeLock("2468", clock)
    waits = []
    for _ in range(10):
        assert lock.attempt("0000") is False
        waits.append(lock.wait_left())
        assert lock.attempt("2468") is None          # not checked while it waits
        clock.advance(lock.wait_left())
    assert waits == [1, 2, 4, 8, 16, 32, 60, 60, 60, 60]
    clock.advance(FORGET_SECONDS)
    lock.attempt("0000")
    assert lock.wait_left() == 1
    clock.advance(1)
    assert lock.attempt("2468") is True
    assert lock.attempt("0000") is False and lock.wait_left() == 1  # the right code forgets too


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_pad_with_its_countdown_fits(group_chat, tmp_path, size, lang):
    app = make_kiosk([group_chat], tmp_path, pin="2468", size=size, lang=lang, text_size="large")
    for _ in range(7):
        if not isinstance(app.top, PinScreen):      # three wrong codes close it
            app.request_exit()
        app.top.typed = "1"
        app.top.submit()
        step(app, app.code_lock.wait_left())
    app.request_exit()
    app.top.typed = "1"
    app.top.submit()
    assert pad_words(app) == t("kiosk_pin_wait", lang, n=60)
    assert app.top.overflows() == []


# --- the organiser's menu and log -------------------------------------------------------------------

def open_organiser_menu(app) -> OrganiserScreen:
    app.request_exit()
    app.top.typed = app.config.pin
    app.top.submit()
    assert isinstance(app.top, OrganiserScreen)
    return app.top


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_organiser_menu_says_what_happened_to_the_counts(group_chat, tmp_path, size, lang):
    folder = tmp_path / "event"
    folder.mkdir()
    (folder / "2026-05-12.json").write_bytes(b"\x00" * 64)       # damaged overnight
    (folder / "2026-05-12.backup.json").write_text(json.dumps({
        "format": "bystander-event-day", "version": 1, "date": "2026-05-12",
        "visitors_started": 25, "visitors_finished": 19, "visitors_stepped_in": 9}))
    app = make_kiosk([group_chat], folder, pin="2468", size=size, lang=lang, text_size="large")
    app.step(0.1)
    app.top.start("nl" if lang == "en" else "en")    # a visitor plays in the other language
    under = app.top
    menu = open_organiser_menu(app)
    app.draw()
    repair = app.counter.repair
    at = time.strftime("%H:%M", time.localtime(repair.at))
    assert menu.lines() == [                         # in the event's language
        t("kiosk_org_counts", lang, players=25, stepped_in=9, finished=19),
        t("kiosk_org_backup", lang, time=at) + " "
        + t("kiosk_org_moved", lang, file="2026-05-12.corrupt-1.json"),
        t("kiosk_org_log", lang, file="organiser-log.txt")]
    assert menu.overflows() == []
    assert all(b.rect.h >= size[1] / 12 for b in menu.items)
    touch(app, menu.items[1].rect.center)            # Back to the event: where it was
    assert app.top is under and app.running


def test_without_damage_the_organiser_menu_says_only_the_counts(app, group_chat, tmp_path):
    app = make_kiosk([group_chat], tmp_path / "event", pin="2468")
    touch(app)
    choose(app, "take_screenshot")
    lines = open_organiser_menu(app).lines()
    assert lines == ["Vandaag tot nu toe: spelers 1, ingegrepen 1, einde gezien 0.",
                     "Wat er vandaag gebeurde, staat in organiser-log.txt in de map event."]
    step(app, 75.0, dt=1.0)                          # left alone, it gives way too
    assert_at_rest(app)


def log_lines(folder) -> list[str]:
    return (folder / "organiser-log.txt").read_text(encoding="utf-8").splitlines()


def test_the_organiser_log_keeps_what_happened_and_nothing_about_visitors(group_chat, tmp_path):
    from game.event.organiser_log import MESSAGES
    folder = tmp_path / "event"
    app = make_kiosk([group_chat], folder, pin="2468")
    pygame.event.post(pygame.event.Event(pygame.QUIT))           # Alt+F4 by a visitor
    step(app, 0.1)
    touch(app)
    choose(app, "take_screenshot")
    step(app, 75.0, dt=1.0)                                      # walks away
    key(pygame.K_q, pygame.KMOD_LCTRL | pygame.KMOD_LALT)
    step(app, 0.1)
    app.top.typed = "1357"
    app.top.submit()
    app.top.cancel()
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(5, 5), button=1))
    step(app, 3.5)
    step(app, 1.0)
    open_organiser_menu(app).app.close_by_organiser()
    lines = log_lines(folder)
    assert [line.split("  ", 1)[1] for line in lines] == [
        MESSAGES["close_ignored"],
        MESSAGES["idle_reset"].format(seconds=70),
        MESSAGES["pad_by_keys"],
        MESSAGES["wrong_code"].format(n=1, seconds=1),
        MESSAGES["pad_by_press"],
        MESSAGES["right_code"],
        MESSAGES["closed_by_organiser"]]
    for line in lines:                                           # to 5 minutes, like the files
        stamp = time.strptime(line.split("  ", 1)[0], "%Y-%m-%d %H:%M")
        assert stamp.tm_min % 5 == 0
    assert (folder / "organiser-log.txt").stat().st_mtime % 300 == 0
    text = "\n".join(lines)
    for visitor_thing in ("group_chat", "take_screenshot", "report", " nl", " en"):
        assert visitor_thing not in text


QUIET_EVENT = r"""
import json, os, sys
from pathlib import Path
os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
config = Path(os.environ["BYSTANDER_CONFIG_DIR"])
config.mkdir(parents=True)
(config / "settings.json").write_text(json.dumps({"kiosk_pin": "2468"}))
import pygame
from game.cli import main
from game.ui import kiosk

def loop(app):
    pygame.event.post(pygame.event.Event(pygame.QUIT))   # a close request
    app.step(0.1)
    app.choose_story("nl")
    app.last_input -= 1000                                # an idle reset
    app.step(0.1)
    app.request_exit()
    app.top.typed = "1"                                   # a wrong code
    app.top.submit()
    app.code_lock._open_at = 0
    app.top.typed = "2468"
    app.top.submit()
    app.close_by_organiser()

kiosk.KioskApp.loop = loop
sys.exit(main(["play", "--kiosk", "--size", "640x360"]))
"""


def test_the_log_goes_to_its_file_and_nothing_more_to_the_terminal(tmp_path):
    import subprocess
    import sys
    env = dict(os.environ, BYSTANDER_CONFIG_DIR=str(tmp_path / "config"),
               BYSTANDER_DATA_DIR=str(tmp_path / "data"),
               BYSTANDER_CACHE_DIR=str(tmp_path / "cache"))
    done = subprocess.run([sys.executable, "-c", QUIET_EVENT], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    messages = [line.split("  ", 1)[1] for line in log_lines(tmp_path / "data" / "event")]
    assert messages[0].startswith("event screen started; today so far 0 players")
    assert messages[1:-1] == ["a request to close the window was ignored",
                              "idle reset: back to the attract loop after 1000 s without a touch",
                              "the code pad was opened with Ctrl+Alt+Q",
                              "a wrong code was typed (1 in a row); the pad waits 1 s",
                              "the right code was typed: the organiser's menu is open",
                              "closed by the organiser"]
    assert messages[-1].startswith("event screen stopped; today 0 players")


# --- the same action in the same place --------------------------------------------------------

FORWARD_LABELS = {"next", "continue"}


def _nav_rects(app) -> dict[str, tuple]:
    """Back's and the way on's rectangles on the screen shown, by what they do."""
    top = app.top
    found = {}
    for b in top.buttons():
        if b.label == top.t("back"):
            found["back"] = tuple(b.rect)
        elif b.label in {top.t(key) for key in FORWARD_LABELS}:
            found["forward"] = tuple(b.rect)
    return found


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_back_and_next_stay_in_one_place_on_every_screen(group_chat, tmp_path, size, lang):
    """A visitor who taps where Next was must not meet Back on the next screen: the room's
    beats, the chat's, the choices and the consequence put each action in one place."""
    app = make_kiosk([group_chat], tmp_path, size=size, lang=lang)
    app.top.start(lang)
    app.step(0.1)
    seen: dict[tuple, dict] = {}
    for _ in range(80):
        top = app.top
        kind = (type(top).__name__, getattr(top, "is_chat", None), getattr(top, "phase", None))
        seen.setdefault(kind, _nav_rects(app))
        if getattr(top, "phase", None) == "choices":
            top.layout().choices.buttons[-1].action()
        else:
            forward = [b for b in top.buttons() if b.label in {top.t(k) for k in FORWARD_LABELS}]
            if not forward:
                break
            forward[0].action()
        app.step(5.0)
        app.step(5.0)
    kinds = {k[0] + ("-chat" if k[1] else "") + (f"-{k[2]}" if k[2] else "") for k in seen}
    assert {"TouchSceneScreen-beats", "TouchSceneScreen-chat-beats", "TouchSceneScreen-choices",
            "TouchConsequenceScreen"} <= kinds, kinds
    backs = {rects["back"] for rects in seen.values() if "back" in rects}
    forwards = {rects["forward"] for rects in seen.values() if "forward" in rects}
    assert len(backs) == 1, seen
    assert len(forwards) == 1, seen
    back, forward = pygame.Rect(backs.pop()), pygame.Rect(forwards.pop())
    assert back.right < forward.left and not back.colliderect(forward)


def test_visitors_see_no_theory_labels(group_chat, tmp_path):
    """The class's words for the bystander model's steps and the victim's condition by name
    ("Step: interpret as a problem", "Fenna: coping") mean nothing to a visitor: event mode
    shows where it happens and the visitor's role; class and pupil mode keep them."""
    app = make_kiosk([group_chat], tmp_path, size=(1280, 720), lang="en")
    app.top.start("en")
    app.step(0.1)
    top = app.top
    assert isinstance(top, TouchSceneScreen) and top.view.step_label
    words = [c.label.lower() for c in top.layout().chips]
    assert words == [top.view.place_label.lower(),
                     top.t("your_role", role=top.view.role_label).lower()]
    assert not any(top.view.step_label.lower() in w or top.view.condition.label.lower() in w
                   for w in words)
    pupil = SceneScreen(app, top.run)
    full = [c.label.lower() for c in pupil.layout().chips]
    assert any(top.view.step_label.lower() in w for w in full)
    assert any(top.view.condition.label.lower() in w for w in full)


def test_a_visitors_screens_are_freed_when_the_loop_comes_back(group_chat, tmp_path):
    """A screen's buttons call its methods, so screens live in reference cycles, which Python
    frees only when its collector next runs: counted in Python objects, not in the megabytes of
    pictures a screen holds (the attract loop's still picture is 8 MB at 1080p). The day's
    memory climbed about 10 MB a visitor and fell back every 7-8; now a visitor's screens go
    the moment the attract loop is back."""
    import gc
    import weakref
    app = make_kiosk([group_chat], tmp_path, size=(640, 360))
    gc.collect()
    gone = [weakref.ref(app.top)]
    app.top.start("nl")
    app.step(0.1)
    gone.append(weakref.ref(app.top))
    app.top.advance()
    app.step(0.1)
    gone.append(weakref.ref(app.top))
    was = gc.isenabled()
    gc.disable()                                     # only what to_attract does itself
    try:
        app.to_attract()
        assert [ref() for ref in gone] == [None, None, None]
    finally:
        if was:
            gc.enable()



def test_the_organiser_menu_keys_are_in_its_table(group_chat, tmp_path):
    """The organiser's menu lists its keys (Backspace: back to the event) like every screen,
    and its buttons come from its layout, the same between two drawings."""
    app = make_kiosk([group_chat], tmp_path / "keys", pin="2468")
    app.step(0.1)
    under = app.top
    menu = open_organiser_menu(app)
    assert [b.action for b in OrganiserScreen.BINDINGS] == ["back"]
    first = menu.items
    app.draw()
    assert menu.items is first
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_BACKSPACE, mod=0,
                                         unicode="", scancode=0))
    app.step(0.1)
    assert app.top is under and app.running
