"""Settings survive a restart, are written atomically, and a broken file never stops the game."""

from __future__ import annotations

import json
import logging
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402

from game.ui.screens.settings import ROWS, SettingsScreen  # noqa: E402
from game.ui.settings import Settings, load_settings, save_settings, settings_path  # noqa: E402

from uihelp import make_app, press  # noqa: E402


def test_config_dir_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("BYSTANDER_CONFIG_DIR", str(tmp_path / "cfg"))
    assert settings_path() == tmp_path / "cfg" / "settings.json"


def test_round_trip():
    s = Settings(text_size="xlarge", text_speed="slow", high_contrast=True, reduced_motion=True,
                 lang="en", fullscreen=True, software_display=True)
    assert save_settings(s)
    assert load_settings() == s
    assert not list(settings_path().parent.glob(".settings-*"))   # no temp files left behind


def test_missing_file_gives_defaults():
    assert load_settings() == Settings()


def test_corrupt_file_gives_defaults_and_a_warning(caplog):
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{not json", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert load_settings() == Settings()
    assert "corrupt" in caplog.text


def test_invalid_values_keep_their_defaults(caplog):
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"text_size": "huge", "high_contrast": "yes", "lang": "en",
                                "unknown": 1}), encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        s = load_settings()
    assert s.text_size == "normal" and s.high_contrast is False and s.lang == "en"
    path.write_text("[1, 2]", encoding="utf-8")
    assert load_settings() == Settings()


def test_unwritable_folder_is_a_warning_not_a_crash(tmp_path, monkeypatch, caplog):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("BYSTANDER_CONFIG_DIR", str(blocker / "sub"))
    with caplog.at_level(logging.WARNING):
        assert save_settings(Settings()) is False


def test_settings_screen_changes_are_saved_and_reloaded(mini_entry):
    app = make_app([mini_entry], persist=True)
    app.show_title()
    press(app, pygame.K_s)
    assert isinstance(app.top, SettingsScreen)
    press(app, pygame.K_RIGHT)                                   # text size: normal -> large
    press(app, pygame.K_DOWN, pygame.K_DOWN, pygame.K_RETURN)    # high contrast on
    press(app, pygame.K_DOWN, pygame.K_RETURN)                   # reduced motion on
    press(app, pygame.K_DOWN, pygame.K_RIGHT)                    # language en -> nl
    assert app.top.focus.index == ROWS.index("lang")
    assert app.theme.high_contrast and app.theme.text_scale > 1
    reloaded = load_settings()
    assert reloaded.text_size == "large" and reloaded.high_contrast
    assert reloaded.reduced_motion and reloaded.lang == "nl"
    pygame.display.quit()
    again = make_app([mini_entry], persist=True, **{})
    again.settings = load_settings()
    again.settings_changed()
    again.show_title()
    again.run_frames(2)
    assert again.theme.high_contrast and again.lang == "nl"
    assert again.top.overflows() == []


def test_every_text_size_and_contrast_draws_every_screen(mini_entry):
    from game.ui.screenshot import render
    from uihelp import MINI
    for text_size in ("normal", "large", "xlarge"):
        for high_contrast in (False, True):
            for screen, moves in (("title", []), ("scene", []), ("choice", []),
                                  ("consequence", ["walk_on"]),
                                  ("ending", ["walk_on", "say_nothing"]), ("settings", []),
                                  ("pause", [])):
                shot = render(MINI, screen, moves, (1280, 720), "nl", high_contrast, text_size)
                assert shot.app.top.overflows() == [], (screen, text_size, high_contrast)
