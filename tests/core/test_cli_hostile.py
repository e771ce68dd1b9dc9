"""The command line never shows a traceback, whatever it is asked to write to or piped into.

Every command that writes a file (`-o`, `--csv`) is pointed at places that cannot be written: a
folder, a folder that does not exist, a path through a file, a full disk (`/dev/full`), a name
longer than a file system allows. Every command that prints is piped into a reader that has gone
(`| head`). Each must end with one plain line and exit 1, or quietly.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from testpaths import MINI, ROOT
from game.cli import main

WRITERS = {
    "schema": ["schema", "-o"],
    "graph .mmd": ["graph", str(MINI), "-o"],
    "graph .dot": ["graph", str(MINI), "-o"],
    "screenshot": ["screenshot", str(MINI), "-o"],
    "guide": ["guide", str(MINI), "-o"],
    "report": ["report", "-o"],
    "report --csv": ["report", "--csv"],
}
SUFFIX = {"graph .mmd": ".mmd", "graph .dot": ".dot", "screenshot": ".png", "guide": ".html",
          "report": ".html", "report --csv": ".csv", "schema": ".json"}


def _targets(tmp_path: Path, suffix: str) -> dict[str, Path]:
    a_file = tmp_path / "a_file.txt"
    a_file.write_text("x", encoding="utf-8")
    folder = tmp_path / f"folder{suffix}"
    folder.mkdir(exist_ok=True)
    targets = {
        "a folder": folder,
        "a missing folder": tmp_path / "missing" / f"out{suffix}",
        "a path through a file": a_file / f"out{suffix}",
        "a name of 300 characters": tmp_path / ("n" * 300 + suffix),
    }
    if Path("/dev/full").exists():
        targets["a full disk"] = Path("/dev/full")
    return targets


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_an_output_that_cannot_be_written_is_one_plain_line(command, tmp_path, capsys):
    for what, target in _targets(tmp_path, SUFFIX[command]).items():
        if command.startswith("graph"):  # the format follows the suffix; /dev/full has none
            argv = WRITERS[command][:-1] + ["-o", str(target)]
            if target.suffix == "":
                continue
        else:
            argv = WRITERS[command] + [str(target)]
        try:
            code = main(argv)
        except BaseException as exc:  # noqa: BLE001 - what the test looks for
            pytest.fail(f"{command} to {what}: raised {type(exc).__name__}: {exc}")
        out, err = capsys.readouterr()
        lines = err.strip().splitlines()
        assert code == 1, (command, what, code, err)
        assert len(lines) == 1 and lines[0].startswith(f"bystander {command.split()[0]}: "
                                                       "cannot write "), (command, what, err)
        assert "wrote" not in out, (command, what, out)


def test_writing_to_a_full_disk_says_so(tmp_path, capsys):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    assert main(["schema", "-o", "/dev/full"]) == 1
    assert "no space left" in capsys.readouterr().err.lower()


def _bystander() -> list[str]:
    script = Path(sys.executable).parent / "bystander"
    return [str(script)] if script.exists() else [sys.executable, "-m", "game"]


PRINTERS = [
    ["schema"],
    ["check", str(MINI)],
    ["check", str(ROOT / "scenes")],
    ["run", str(MINI), "--lang", "en", "--choose", "walk_on,say_nothing"],
    ["run", str(MINI), "--lang", "en", "--choose", "walk_on,say_nothing", "--json"],
    ["run", str(MINI), "--lang", "en"],
    ["graph", str(MINI), "-o", "{tmp}/map.mmd"],
]


@pytest.mark.parametrize("argv", PRINTERS, ids=lambda a: " ".join(a[:1] + a[-1:]))
def test_output_piped_into_a_reader_that_has_gone_ends_quietly(argv, tmp_path):
    """`bystander ... | head -1`: the reader closes the pipe before the command writes."""
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    env = {**os.environ, "PYTHONUNBUFFERED": ""}
    proc = subprocess.Popen(_bystander() + argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=tmp_path, env=env)
    proc.stdout.close()  # before the command has even started: every write meets a closed pipe
    try:
        _out, err = proc.communicate(timeout=120)
    finally:
        proc.kill()
    text = err.decode("utf-8", "replace")
    assert "Traceback" not in text and "Exception ignored" not in text, text
    assert text == "" or argv[0] == "run", text  # run --json writes its transcript to stderr
    assert proc.returncode == 1, (proc.returncode, text)


@pytest.mark.parametrize("size", ["16384x16384", "20000x100", "100x20000", "3841x2161",
                                  "0x0", "-1280x720", "1280x", "x", "9" * 5000 + "x720"])
def test_a_size_the_game_does_not_support_is_a_usage_error(size, tmp_path, capsys):
    for argv in (["screenshot", str(MINI), f"--size={size}", "-o", str(tmp_path / "s.png")],
                 ["play", str(MINI), f"--size={size}"]):
        assert main(argv) == 2, (argv, size)
        err = capsys.readouterr().err
        assert "--size" in err and len(err.strip().splitlines()) == 1, err
    assert not (tmp_path / "s.png").exists()


def test_the_largest_supported_size_is_accepted():
    from game.cli import parse_size
    assert parse_size("3840x2160") == (3840, 2160)
    assert parse_size("2160x3840") == (2160, 3840)  # a 4K screen on its side
    assert parse_size("5120x1440") == (5120, 1440)  # a super-wide monitor, fewer pixels


def test_a_picture_given_as_a_scenario_is_called_what_it_is(tmp_path, capsys):
    picture = tmp_path / "map.png"
    assert main(["schema", "-o", str(tmp_path / "s.json")]) == 0
    assert main(["screenshot", str(MINI), "-o", str(picture)]) == 0
    capsys.readouterr()
    for command in (["check"], ["run"], ["graph", "-o", str(tmp_path / "m.mmd")]):
        argv = command[:1] + [str(picture)] + command[1:]
        assert main(argv) == 1, argv
        out, err = capsys.readouterr()
        assert f"{picture}:1:1: the file is not a text file (it looks like a PNG image)" in (
            out + err), (argv, out, err)
