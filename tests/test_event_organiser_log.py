"""The organiser's log: fixed sentences with numbers, times to 5 minutes, size-limited, and never a
crash, a hang or a line in the terminal whatever is where its file should be."""

from __future__ import annotations

import os
import re
from datetime import date

import pytest

from game.event import organiser_log
from game.event.organiser_log import LOG_NAME, MESSAGES, note


@pytest.fixture
def folder(tmp_path):
    organiser_log.open_log(tmp_path)
    yield tmp_path
    organiser_log.close_log()


def lines(folder, name=LOG_NAME) -> list[str]:
    return (folder / name).read_text(encoding="utf-8").splitlines()


def test_a_line_is_a_coarse_time_and_a_fixed_sentence(folder):
    note("idle_reset", seconds=70)
    note("counts_moved", day=date(2026, 5, 12), n=2)
    [first, second] = lines(folder)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d[05]  idle reset: back to the attract loop "
                        r"after 70 s without a touch", first)
    assert second.endswith("  the damaged count file is kept as 2026-05-12.corrupt-2.json")
    assert (folder / LOG_NAME).stat().st_mtime % 300 == 0
    assert folder.stat().st_mtime % 300 == 0


def test_only_numbers_and_dates_reach_the_file(folder):
    note("wrong_code", n="Sam typed 1234", seconds=True)
    note("idle_reset", seconds=3.7)
    note("no such event")
    note("wrong_code")                              # a value missing: no line, no exception
    assert [line.split("  ", 1)[1] for line in lines(folder)] == [
        "a wrong code was typed (? in a row); the pad waits ? s",
        "idle reset: back to the attract loop after ? s without a touch"]


def test_every_sentence_takes_only_numbers_and_dates():
    for event, sentence in MESSAGES.items():
        names = re.findall(r"{(\w+)}", sentence)
        values = {name: date(2026, 5, 12) if name == "day" else 7 for name in names}
        assert sentence.format(**values), event


def test_the_file_is_size_limited(folder, monkeypatch):
    monkeypatch.setattr(organiser_log, "MAX_BYTES", 2000)
    organiser_log.open_log(folder)                  # with the smaller limit
    for n in range(200):
        note("wrong_code", n=n, seconds=60)
    sizes = [(folder / name).stat().st_size for name in (LOG_NAME, LOG_NAME + ".1")]
    assert all(size <= 2000 for size in sizes)
    assert lines(folder)[-1].endswith("(199 in a row); the pad waits 60 s")
    assert sorted(p.name for p in folder.iterdir()) == [LOG_NAME, LOG_NAME + ".1"]
    assert (folder / (LOG_NAME + ".1")).stat().st_mtime % 300 == 0


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs: POSIX")
def test_a_fifo_a_link_or_a_folder_in_its_place_loses_the_lines_quietly(tmp_path, capfd):
    letter = tmp_path / "letter.txt"
    letter.write_text("dear", encoding="utf-8")
    for kind in ("fifo", "link", "folder"):
        folder = tmp_path / kind
        folder.mkdir()
        path = folder / LOG_NAME
        if kind == "fifo":
            os.mkfifo(path)                         # opened for writing, it would wait forever
        elif kind == "link":
            path.symlink_to(letter)                 # never written through
        else:
            path.mkdir()
        handler = organiser_log.open_log(folder)
        note("close_ignored")
        note("close_ignored")
        assert handler.failed == 2
    organiser_log.close_log()
    assert letter.read_text(encoding="utf-8") == "dear"
    assert capfd.readouterr() == ("", "")


def test_an_unwritable_folder_loses_the_lines_quietly(tmp_path, capfd):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    handler = organiser_log.open_log(blocker / "event")
    note("close_ignored")
    organiser_log.close_log()
    assert handler.failed == 1 and capfd.readouterr() == ("", "")


def test_without_an_open_log_nothing_is_written_or_printed(tmp_path, capfd):
    organiser_log.close_log()
    note("counts_zero", day=date(2026, 5, 12))
    assert capfd.readouterr() == ("", "")
