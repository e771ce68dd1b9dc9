"""What the command line prints from a file never acts on the terminal: control characters in file
names, texts and typed names are printed escaped, one problem per line."""

from __future__ import annotations

import io
import json

from testpaths import MINI
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
