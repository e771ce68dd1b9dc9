"""`bystander guide` and `bystander report`: files written, exit codes 0 ok, 1 errors, 2 usage."""

from __future__ import annotations

import random

import pytest

from classhelp import MINI, play_session
from game.classroom.records import sessions_dir
from game.cli import main


def run_cli(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_guide_writes_the_page(capsys, tmp_path):
    out_file = tmp_path / "guide.html"
    code, out, _ = run_cli(capsys, "guide", "adrian", "--lang", "en", "-o", str(out_file))
    assert code == 0 and f"wrote {out_file}" in out
    assert "Lesson plan" in out_file.read_text(encoding="utf-8")
    code, _, _ = run_cli(capsys, "guide", str(MINI), "-o", str(tmp_path / "mini.html"))
    assert code == 0 and "Lesplan" in (tmp_path / "mini.html").read_text(encoding="utf-8")


def test_guide_errors_and_usage(capsys, tmp_path):
    code, _, err = run_cli(capsys, "guide", "nosuchstory", "-o", str(tmp_path / "g.html"))
    assert code == 2 and "no scenario 'nosuchstory'" in err
    broken = tmp_path / "broken.yaml"
    broken.write_text(MINI.read_text(encoding="utf-8").replace("start: hallway", "start: hal"),
                      encoding="utf-8")
    code, _, err = run_cli(capsys, "guide", str(broken), "-o", str(tmp_path / "g.html"))
    assert code == 1 and "broken.yaml:" in err and not (tmp_path / "g.html").exists()
    code, _, err = run_cli(capsys, "guide", "adrian", "-o", str(tmp_path / "no" / "g.html"))
    assert code == 1 and "cannot write" in err
    for args in (["guide", "adrian"], ["guide", "adrian", "--lang", "fr", "-o", "x.html"]):
        with pytest.raises(SystemExit) as info:
            main(args)
        assert info.value.code == 2


def test_report_writes_html_and_csv(capsys, tmp_path, mini_loaded, fast_disk):
    mini, content_hash = mini_loaded
    play_session(mini, content_hash, random.Random(3))
    html, table = tmp_path / "report.html", tmp_path / "report.csv"
    code, out, err = run_cli(capsys, "report", str(sessions_dir()), "-o", str(html), "--csv",
                             str(table), "--lang", "en")
    assert (code, err) == (0, "")
    assert "report on class sessions" in html.read_text(encoding="utf-8")
    assert table.read_bytes().startswith(b"\xef\xbb\xbfscenario_id,")  # UTF-8 with BOM

    (sessions_dir() / "stray.json").write_text("{", encoding="utf-8")
    code, _, err = run_cli(capsys, "report", str(sessions_dir()), "-o", str(html))
    assert code == 1 and "skipped stray.json" in err and html.exists()


def test_report_writes_the_class_sessions_csv(capsys, tmp_path, mini_loaded, fast_disk):
    mini, content_hash = mini_loaded
    play_session(mini, content_hash, random.Random(3))
    table = tmp_path / "sessions.csv"
    code, out, err = run_cli(capsys, "report", str(sessions_dir()), "--sessions-csv", str(table))
    assert (code, out, err) == (0, f"wrote {table}\n", "")  # a file asked for: no summary
    assert table.read_bytes().startswith(b"\xef\xbb\xbflabel,class_size,date,time,scenario_id,")
    assert len(table.read_text(encoding="utf-8-sig").splitlines()) == 2
    code, out, _ = run_cli(capsys, "report", str(sessions_dir()), "--lang", "en")
    assert "Class sessions: 1 finished, 0 not finished" in out


def test_report_defaults_to_this_computers_records(capsys, mini_loaded, fast_disk):
    code, out, _ = run_cli(capsys, "report", "--lang", "en")
    assert code == 0 and "No sessions found yet." in out  # nothing recorded yet, no folder yet
    mini, content_hash = mini_loaded
    play_session(mini, content_hash, random.Random(4), mode="solo")
    code, out, _ = run_cli(capsys, "report", "--lang", "en")
    assert code == 0 and "mini" in out and "1 session," in out


def test_report_usage_errors(capsys, tmp_path):
    code, _, err = run_cli(capsys, "report", str(tmp_path / "missing"))
    assert code == 2 and "no such folder" in err
    with pytest.raises(SystemExit) as info:
        main(["report", "--bogus"])
    assert info.value.code == 2
