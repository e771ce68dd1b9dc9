"""`bystander play` without a screen, and `bystander screenshot`, from the command line."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402

from game.cli import main  # noqa: E402

from uihelp import MINI  # noqa: E402


def test_play_without_a_display_points_to_the_terminal_player(monkeypatch, capsys):
    monkeypatch.setattr(sys, "platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER"):
        monkeypatch.delenv(name, raising=False)
    assert main(["play"]) == 1
    err = capsys.readouterr().err
    assert "bystander run adrian" in err and "Traceback" not in err


def test_play_when_the_window_cannot_open(monkeypatch, capsys):
    def refuse(*args, **kwargs):
        raise pygame.error("no available video device")
    monkeypatch.setattr(pygame.display, "set_mode", refuse)
    assert main(["play", str(MINI)]) == 1
    err = capsys.readouterr().err
    assert "no available video device" in err and f"bystander run {MINI}" in err


def test_play_refuses_a_broken_scenario(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\ntitle: [\n", encoding="utf-8")
    assert main(["play", str(bad)]) == 1
    assert "bad.yaml:" in capsys.readouterr().err


def test_mixer_is_never_initialised(mini_entry):
    from uihelp import make_app
    app = make_app([mini_entry])
    app.start_run(mini_entry)
    app.run_frames(2)
    assert not pygame.mixer.get_init()


def test_screenshot_writes_a_png(tmp_path, capsys):
    out = tmp_path / "c.png"
    assert main(["screenshot", str(MINI), "--choose", "walk_on", "--screen", "consequence",
                 "--size", "1024x768", "--lang", "nl", "-o", str(out)]) == 0
    assert pygame.image.load(str(out)).get_size() == (1024, 768)


def test_screenshot_explains_an_unreachable_screen(tmp_path, capsys):
    out = tmp_path / "e.png"
    assert main(["screenshot", str(MINI), "--screen", "ending", "-o", str(out)]) == 2
    assert "ending" in capsys.readouterr().err
    assert main(["screenshot", str(MINI), "--choose", "nope", "-o", str(out)]) == 2
    assert main(["screenshot", str(MINI), "--size", "big", "-o", str(out)]) == 2
    assert not out.exists()
