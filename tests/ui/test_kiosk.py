"""Event mode driven headless like a day at an event: visitors touch the attract loop, play, walk
away or finish; the countdown warns, the screen resets, the counter counts, and nobody but the
organiser gets out. Time comes from a fake clock; nothing sleeps.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, replace

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.cli import main  # noqa: E402
from game.core import engine  # noqa: E402
from game.ui import kiosk as kiosk_module  # noqa: E402
from game.ui.catalogue import Catalogue  # noqa: E402
from game.ui.kiosk import KioskConfig, KioskError, offered_entries  # noqa: E402
from game.ui.screens.attract import AttractScreen  # noqa: E402
from game.ui.screens.consequence import ConsequenceScreen, TouchConsequenceScreen  # noqa: E402
from game.ui.screens.ending import EndingScreen, TouchEndingScreen  # noqa: E402
from game.ui.screens.kiosk_menu import KioskMenuScreen  # noqa: E402
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


def assert_at_rest(app, lang="nl"):
    assert app.run is None and app.entry is None and app.visitor is None
    assert len(app.stack) == 1 and isinstance(app.top, AttractScreen)
    assert app.lang == lang and app.warning_left is None


def play_road(app, road):
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
    while not isinstance(app.top, EndingScreen):
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
    assert counts(app).visitors_started == 1


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
    # and the empty file whose lock lets two event screens count into one folder
    assert sorted(p.name for p in (tmp_path / "event").iterdir()) == [".counts.lock",
                                                                     "2026-05-12.json"]
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
    assert_at_rest(app)


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
    pad.submit()
    pad.submit()                                     # three wrong codes: the pad closes
    assert_at_rest(app)
    app.request_exit()
    app.draw()
    keys = {b.label: b for b in app.top.keys}
    for digit in "2468":
        touch(app, keys[digit].rect.center)
    touch(app, keys["OK"].rect.center)
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
    assert 20 <= moving.frames_drawn - before <= 31  # about 15 frames a second, not 60
    still = make_kiosk([group_chat], tmp_path / "b", reduced_motion=True)
    still.step(0.01)
    before = still.frames_drawn
    step(still, 6.0, dt=1 / 20)
    assert still.frames_drawn == before              # the same words: no redraw
    step(still, 2.0, dt=1 / 20)
    assert still.frames_drawn == before + 1          # the language turned: one redraw


@pytest.mark.parametrize("moments", [(0.1, 0.5, 0.9), (2.0, 2.4, 3.1), (6.5, 6.9)])
def test_a_frame_that_redraws_only_what_moved_equals_a_whole_one(app, moments):
    loop = app.top
    for moment in moments:                           # the cast walking in, then the pulse
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
    assert app.run.scenario.id == "adrian" and counts(app).visitors_started == 1


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
            worst = tuple(replace(c, available=False, reason=c.reason or engine.ui_text(
                "unavailable", lang)) for c in screen.view.choices)
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
