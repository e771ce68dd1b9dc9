"""What the command line prints from a file never acts on the terminal: control characters in file
names, texts and typed names are printed escaped, one problem per line."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest

from testpaths import MINI, ROOT
from game.cli import main
from game.terminal import safe
from game.textplayer import Transcript

HOSTILE = ["\x1b[2J", "\x1b]0;title\x07", "\r", "\x00", "\x85", "\u202e", "\u2028", "\udcff",
           "\x9b31m", "\x7f"]


def _raw_controls(text: str) -> list[str]:
    return [ch for ch in text if ch not in "\n\t" and (ord(ch) < 32 or 0x7f <= ord(ch) <= 0x9f
                                                       or ch in "\u202e\u2028\udcff")]


def test_safe_escapes_every_control_character_and_keeps_the_rest():
    for bad in HOSTILE:
        assert _raw_controls(safe(f"a{bad}b")) == [], repr(bad)
    assert safe("Hé, ik loop door.\n\tVerder") == "Hé, ik loop door.\n\tVerder"
    assert safe("a\nb\tc", one_line=True) == "a\\u000ab\\u0009c"
    assert safe("\x1b[31m") == "\\u001b[31m"
    assert json.loads(f'"{safe(chr(0x85) + chr(0x202e))}"') == "\x85\u202e"  # still JSON


def test_a_transcript_prints_texts_escaped():
    out = io.StringIO()
    Transcript(out).line("Sam: \x1b[2Jhoi\r\u202e")
    assert _raw_controls(out.getvalue()) == [] and "hoi" in out.getvalue()


def test_check_prints_a_hostile_file_name_escaped(tmp_path, capsys):
    for bad in HOSTILE[:3] + ["\n"]:
        name = tmp_path / f"mini{bad.replace(chr(0), '')}.yaml"
        name.write_text(MINI.read_text(encoding="utf-8").replace("start: hallway", "start: x"),
                        encoding="utf-8")
        assert main(["check", str(name)]) == 1
        out = capsys.readouterr().out
        assert _raw_controls(out) == [], repr(out)
        issues = [line for line in out.splitlines() if ": start scene" in line]
        assert len(issues) == 1, out


def test_a_typed_name_is_printed_escaped(capsys):
    assert main(["run", "story\x1b[2J"]) == 2
    err = capsys.readouterr().err
    assert _raw_controls(err) == [] and "story\\u001b[2J" in err


ESC = "\x1b[2J"


def test_a_choice_typed_for_run_is_printed_escaped(capsys):
    assert main(["run", str(MINI), "--choose", f"walk_on,x{ESC}"]) == 2
    captured = capsys.readouterr()
    assert _raw_controls(captured.out + captured.err) == [], captured
    assert "\\u001b[2J" in captured.err


def test_analyse_prints_its_text_escaped(monkeypatch, capsys):
    from game import road_report
    monkeypatch.setattr(road_report, "analysis_text", lambda found: f"scene {ESC}x\n")
    assert main(["analyse", str(MINI)]) == 0
    out = capsys.readouterr().out
    assert out == "scene \\u001b[2Jx\n", out


def test_analyse_names_a_hostile_file_escaped(tmp_path, capsys):
    path = tmp_path / f"mini{ESC}.yaml"
    path.write_text(MINI.read_text(encoding="utf-8").replace("start: hallway", "start: x"),
                    encoding="utf-8")
    assert main(["analyse", str(path)]) == 1
    err = capsys.readouterr().err
    assert _raw_controls(err) == [] and "mini\\u001b[2J.yaml" in err, err


@pytest.mark.parametrize("argv", [["check", f"--strict{ESC}"], ["run", str(MINI), f"x{ESC}"],
                                  ["play", "--lang", ESC], [f"chec{ESC}k"]])
def test_a_usage_error_of_argparse_is_printed_escaped(argv, capsys):
    """argparse prints an unknown argument as typed (a wrong choice it quotes with repr)."""
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert _raw_controls(err) == [] and "[2J" in err, err


def _bystander_in_a_terminal(code: str, env: dict | None = None) -> str:
    """What a real `bystander` process (not pytest, which catches log lines itself) writes to
    stderr when it runs `code`."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60,
                          env={**os.environ, **(env or {})}, cwd=ROOT)
    return done.stderr.decode("utf-8", "surrogateescape")


def test_a_log_line_is_printed_escaped():
    err = _bystander_in_a_terminal(
        "import logging, sys\n"
        "from game import cli\n"
        "def logs(args):\n"
        "    logging.getLogger('game.test').warning('cannot read %s', 'a\\x1b[2Jb.json')\n"
        "    return 0\n"
        "cli.COMMANDS['schema'] = logs\n"
        "sys.exit(cli.main(['schema']))\n")
    assert "cannot read a\\u001b[2Jb.json" in err and _raw_controls(err) == [], err


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="display_problem is Linux's")
def test_the_no_display_message_prints_the_typed_name_escaped():
    env = {"DISPLAY": "", "WAYLAND_DISPLAY": "", "SDL_VIDEODRIVER": ""}
    err = _bystander_in_a_terminal(
        "import sys\nfrom game import cli\nsys.exit(cli.main(['play', 'story\\x1b[2J']))\n", env)
    assert "story\\u001b[2J" in err and _raw_controls(err) == [], err



def test_every_character_safe_escapes_is_one_python_calls_unprintable():
    """`safe` skips its regular expression for a text that `str.isprintable` passes (but for
    tabs and newlines): right only while no character it escapes is printable. Checked over
    all of Unicode, with this Python's tables."""
    import re

    from game import terminal
    named = re.compile(terminal._UNSAFE)
    printable = [hex(c) for c in range(0x110000) if chr(c).isprintable() and named.match(chr(c))]
    assert printable == [], printable[:10]


def test_safe_escapes_what_it_did_before_the_shortcut():
    for text, expected in [("plain", "plain"), ("tab\tnew\nline", "tab\tnew\nline"),
                           ("a\x1b[2Jb", "a\\u001b[2Jb"), ("bidi\u202eflip", "bidi\\u202eflip"),
                           ("soft\u00adhyphen", "soft\\u00adhyphen"),
                           ("nbsp\u00a0ok", "nbsp\u00a0ok"), ("emoji 😀 ok", "emoji 😀 ok")]:
        assert safe(text) == expected, text
