"""The game driven headless like a player would: keys and clicks posted as events, frames stepped
without sleeping. Reads like a transcript of one lesson."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402

from game.ui.screens.consequence import ConsequenceScreen  # noqa: E402
from game.ui.screens.ending import EndingScreen  # noqa: E402
from game.ui.screens.pause import PauseScreen, QuitScreen  # noqa: E402
from game.ui.screens.scene import SceneScreen  # noqa: E402
from game.ui.screens.settings import SettingsScreen  # noqa: E402
from game.ui.screens.title import TitleScreen  # noqa: E402

from uihelp import click, make_app, press  # noqa: E402


def test_title_to_ending_by_keyboard(mini_entry):
    app = make_app([mini_entry])
    app.show_title()
    app.run_frames(2)
    assert isinstance(app.top, TitleScreen)
    press(app, pygame.K_RETURN)                      # play the selected story
    scene = app.top
    assert isinstance(scene, SceneScreen) and scene.view.scene_id == "hallway"
    assert scene.beat == 0
    press(app, pygame.K_SPACE)                       # second beat: Rik speaks
    assert scene.beat == 1 and scene.current_beat().speaker == "rik"
    press(app, pygame.K_RETURN)                      # after the last beat: the choices
    assert scene.phase == "choices"
    press(app, pygame.K_b)                           # B = the second choice
    cons = app.top
    assert isinstance(cons, ConsequenceScreen)
    assert cons.outcome.choice_id == "stand_by_sam" and cons.outcome.role_after == "defender"
    app.run_frames(60)                               # the meters animate for 0.8 s, then rest
    assert cons.progress == 1.0 and not app.animating
    press(app, pygame.K_SPACE)
    scene = app.top
    assert isinstance(scene, SceneScreen) and scene.view.scene_id == "later"
    assert scene.view.beats[-1].text == "Sam gives you a quick nod."  # shown: B was chosen
    press(app, pygame.K_SPACE)
    press(app, pygame.K_SPACE)
    assert scene.phase == "choices"
    assert [c.available for c in scene.view.choices] == [True, True, True]
    press(app, pygame.K_2)                           # "I ask Sam how he is", open after B
    press(app, pygame.K_SPACE)                       # a press during the animation ends it
    assert isinstance(app.top, ConsequenceScreen) and app.top.progress == 1.0
    press(app, pygame.K_SPACE)                       # consequence -> the ending scene's beat
    press(app, pygame.K_SPACE)                       # -> the ending
    assert isinstance(app.top, EndingScreen)
    assert app.top.summary.ending.id == "mixed"
    assert app.top.summary.path == ("hallway", "later", "end_mixed")


def test_unavailable_choice_is_shown_but_cannot_be_taken(mini_entry):
    app = make_app([mini_entry], reduced_motion=True)
    app.start_run(mini_entry)
    press(app, pygame.K_SPACE, pygame.K_SPACE, pygame.K_1)   # walk on
    press(app, pygame.K_SPACE, pygame.K_SPACE)
    scene = app.top
    check_in = scene.view.choices[1]
    assert not check_in.available and check_in.reason == "You were not there."
    press(app, pygame.K_2)
    assert app.top is scene and scene.phase == "choices"
    button = scene.choice_focus.buttons[1]
    assert not button.enabled and button.reason == "You were not there."


def test_choose_by_mouse(mini_entry):
    app = make_app([mini_entry])
    app.start_run(mini_entry)
    press(app, pygame.K_SPACE, pygame.K_SPACE)
    scene = app.top
    assert scene.phase == "choices"
    target = scene.choice_focus.buttons[0].rect.center
    click(target)
    app.run_frames(2)
    assert isinstance(app.top, ConsequenceScreen)
    assert app.top.outcome.choice_id == "walk_on"


def test_click_advances_beats(mini_entry):
    app = make_app([mini_entry])
    app.start_run(mini_entry)
    app.run_frames(1)
    click((640, 300))
    app.run_frames(2)
    assert app.top.beat == 1


def test_back_through_beats_and_choices(mini_entry):
    app = make_app([mini_entry], reduced_motion=True)
    app.start_run(mini_entry)
    press(app, pygame.K_SPACE, pygame.K_SPACE, pygame.K_2, pygame.K_SPACE)
    scene = app.top
    assert scene.view.scene_id == "later" and scene.beat == 0
    press(app, pygame.K_BACKSPACE)                   # first beat: back to the previous choice
    scene = app.top
    assert scene.view.scene_id == "hallway" and scene.phase == "choices"
    assert app.run.state.choices == []
    press(app, pygame.K_LEFT)                        # from the choices back to the last beat
    assert scene.phase == "beats" and scene.beat == 1
    press(app, pygame.K_LEFT)
    assert scene.beat == 0
    press(app, pygame.K_LEFT)                        # at the very start nothing happens
    assert scene.beat == 0 and scene.view.scene_id == "hallway"


def test_back_from_consequence_undoes_the_choice(mini_entry):
    app = make_app([mini_entry])
    app.start_run(mini_entry)
    press(app, pygame.K_SPACE, pygame.K_SPACE, pygame.K_1)
    assert isinstance(app.top, ConsequenceScreen)
    press(app, pygame.K_BACKSPACE)
    assert isinstance(app.top, SceneScreen) and app.top.phase == "choices"
    assert app.run.state.choices == []


def test_typewriter_reveals_words_and_a_press_completes_it(mini_entry):
    app = make_app([mini_entry], text_speed="slow")
    app.start_run(mini_entry)
    scene = app.top
    app.run_frames(3, dt=0.1)
    assert 0 < scene.typed < len(scene.current_beat().text)
    assert app.animating
    press(app, pygame.K_SPACE, frames=1)             # completes the beat, does not skip it
    assert scene.beat == 0 and not scene.typing()


def test_escape_pauses_and_resumes(mini_entry):
    app = make_app([mini_entry])
    app.start_run(mini_entry)
    press(app, pygame.K_SPACE)
    scene = app.top
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.top, PauseScreen) and app.top.back_to is scene
    press(app, pygame.K_ESCAPE)
    assert app.top is scene and scene.beat == 1
    press(app, pygame.K_ESCAPE, pygame.K_1)           # 1 = resume
    assert app.top is scene


def test_pause_menu_restart_settings_title_quit(mini_entry):
    app = make_app([mini_entry], reduced_motion=True)
    app.start_run(mini_entry)
    press(app, pygame.K_SPACE, pygame.K_SPACE, pygame.K_1, pygame.K_SPACE)
    press(app, pygame.K_ESCAPE, pygame.K_2)          # restart
    assert isinstance(app.top, SceneScreen) and app.run.state.choices == []
    press(app, pygame.K_ESCAPE, pygame.K_3)          # settings
    assert isinstance(app.top, SettingsScreen)
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.top, PauseScreen)
    press(app, pygame.K_4)                           # back to title
    assert isinstance(app.top, TitleScreen) and app.run is None
    press(app, pygame.K_ESCAPE)                      # on the title, Esc asks to quit
    assert isinstance(app.top, QuitScreen)
    press(app, pygame.K_RETURN)                      # focus starts on "No, stay"
    assert isinstance(app.top, TitleScreen) and app.running
    press(app, pygame.K_ESCAPE, pygame.K_0)          # 0 quits, in every menu
    assert not app.running


def test_language_switch_mid_scene_and_mid_consequence(mini_entry):
    app = make_app([mini_entry], lang="en")
    app.start_run(mini_entry)
    press(app, pygame.K_SPACE)
    assert app.top.current_beat().text == "Hey loser, oh no, you again?"
    press(app, pygame.K_l)
    assert app.lang == "nl" and app.run.lang == "nl"
    assert app.top.current_beat().text == "Hé loser, nee hè, ben jij er weer?"
    assert app.top.beat == 1
    press(app, pygame.K_SPACE, pygame.K_1)
    cons = app.top
    assert cons.outcome.consequence == "Sam kijkt je na."
    press(app, pygame.K_l)
    assert cons.outcome.consequence == "Sam watches you go."
    assert app.run.state.choices == ["walk_on"]      # the same choice, once


def test_resize_while_playing(mini_entry):
    app = make_app([mini_entry])
    app.start_run(mini_entry)
    press(app, pygame.K_SPACE)
    for size in [(1920, 1080), (1024, 768), (1400, 1050), (3840, 2160), (1280, 720)]:
        app.resize(size)
        app.run_frames(2)
        assert app.surface.get_size() == size
        assert app.theme.body >= size[1] / 24
        assert app.top.overflows() == []
    assert app.top.beat == 1


def test_video_resize_event_relayouts(mini_entry):
    app = make_app([mini_entry])
    app.start_run(mini_entry)
    app.run_frames(1)
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=(1280, 720), w=1280, h=720))
    app.run_frames(1)
    assert not app.dirty


def test_idle_app_does_not_redraw(mini_entry):
    app = make_app([mini_entry])
    app.start_run(mini_entry)
    app.run_frames(3)
    drawn = app.frames_drawn
    app.run_frames(30)
    assert app.frames_drawn == drawn


def test_render_cache_is_bounded():
    from game.ui import text as tx
    cache = tx.RenderCache(capacity=16)
    for i in range(100):
        cache.get(f"line {i}", 20, (0, 0, 0))
    assert len(cache) == 16


def test_the_corner_buttons_of_the_consequence_screen_can_be_clicked(mini_entry):
    """Touch screens have no L or Esc key: Language and Menu must work by click there too."""
    app = make_app([mini_entry])
    app.start_run(mini_entry)
    app.run_frames(2)
    press(app, pygame.K_RETURN, pygame.K_RETURN)
    press(app, pygame.K_a)
    app.run_frames(60)
    cons = app.top
    assert isinstance(cons, ConsequenceScreen)
    language = cons.corners[0]
    click(language.rect.center)
    app.run_frames(2)
    assert app.lang == "nl"
    click(app.top.corners[1].rect.center)
    app.run_frames(2)
    assert isinstance(app.top, PauseScreen)


def test_the_mouse_wheel_moves_through_the_stories_on_the_title():
    from testpaths import SHIPPED
    from uihelp import entry_of
    app = make_app([entry_of(p) for p in SHIPPED])
    app.show_title(0)
    app.run_frames(2)
    title = app.top
    assert len(title.cards) < len(SHIPPED)  # not every story fits at 1280x720: a hint says so
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1))
    app.run_frames(2)
    assert title.selected == 1
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=1))
    app.run_frames(2)
    assert title.selected == 0


def test_a_group_chat_keeps_its_newest_message_in_view_above_the_choices(monkeypatch):
    from game.ui.screens import scene as scene_module
    from uihelp import ROOT, entry_of
    entry = entry_of(ROOT / "scenes" / "group_chat.yaml")
    app = make_app([entry], lang="en")
    app.start_run(entry)
    screen = app.top
    screen.show_choices()
    drawn = []
    real = scene_module.draw_chat
    monkeypatch.setattr(scene_module, "draw_chat",
                        lambda *a, **k: drawn.append(a[5]) or real(*a, **k))
    app.dirty = True
    app.draw()
    newest = screen.view.beats[-1]
    assert drawn and drawn[-1][-1] == (newest.text, newest.speaker_name)
    assert screen.overflows() == [], screen.overflows()


def test_a_focus_list_runs_the_action_of_the_enabled_button_it_pressed():
    from game.ui.widgets import Button, FocusList
    ran = []
    on = Button("on", lambda: ran.append("on"))
    off = Button("off", lambda: ran.append("off"), enabled=False)
    focus = FocusList()
    focus.buttons = [on, off]
    enter = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0)
    focus.index = 0
    assert focus.press(enter) is True and ran == ["on"]
    focus.index = 1
    assert focus.press(enter) is True and ran == ["on"], "a disabled button does nothing"
    assert focus.press(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_x, mod=0)) is None
