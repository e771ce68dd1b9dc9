"""The `bystander` command: exit codes 0/1/2, messages without tracebacks, transcripts, maps."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from testpaths import MINI, ROOT
from game.cli import main


def run_cli(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_clean_file(capsys):
    code, out, _ = run_cli(capsys, "check", str(MINI))
    assert code == 0 and "ok" in out and "0 errors" in out


def test_check_reports_every_problem_and_fails(capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINI.read_text().replace("goto: end_bad", "goto: nowhere")
                   .replace("start: hallway", "start: hall"))
    code, out, _ = run_cli(capsys, "check", str(bad), str(MINI))
    assert code == 1
    lines = [line for line in out.splitlines() if line.startswith(str(bad))]
    assert len(lines) == 2 and all(":" in line.split(" ")[0] for line in lines)
    assert "1 errors" not in out and "2 errors" in out


def test_check_strict_fails_on_warnings(capsys, tmp_path):
    warn = tmp_path / "warn.yaml"
    warn.write_text(MINI.read_text().replace(
        "        discuss:\n          - {nl: Wat als niemand iets zegt?, en: What if nobody says "
        "anything?}\n", ""))
    assert run_cli(capsys, "check", str(warn))[0] == 0
    assert run_cli(capsys, "check", "--strict", str(warn))[0] == 1


def test_check_refuses_a_second_file_with_the_same_id(capsys, tmp_path):
    """Two files with one id would be one story to records and the report: the file named after
    the id keeps it, the other is refused at its `id:` line, naming the file that keeps it."""
    scenes = tmp_path / "scenes"
    scenes.mkdir()
    text = MINI.read_text(encoding="utf-8")
    (scenes / "mini.yaml").write_text(text, encoding="utf-8")
    (scenes / "another.yaml").write_text(text.replace("Sam", "Sem"), encoding="utf-8")
    (scenes / "third.yaml").write_text(text.replace("id: mini", "id: third"), encoding="utf-8")
    id_line = text.splitlines().index("id: mini") + 1
    code, out, _ = run_cli(capsys, "check", str(scenes))
    assert code == 1
    assert (f"{scenes / 'another.yaml'}:{id_line}:5: the id 'mini' is also the id of "
            f"{scenes / 'mini.yaml'}: ids must be unique; rename one") in out.splitlines()
    assert f"{scenes / 'mini.yaml'}: ok" in out and f"{scenes / 'third.yaml'}: ok" in out
    assert "3 files checked: 1 errors" in out
    # Neither named after the id: the first by name keeps it.
    (scenes / "mini.yaml").rename(scenes / "zz.yaml")
    code, out, _ = run_cli(capsys, "check", str(scenes))
    assert code == 1 and f"{scenes / 'zz.yaml'}:{id_line}:5: the id 'mini' is also the id of " \
                         f"{scenes / 'another.yaml'}" in out
    # The same id in two folders clashes too: the game reads the shipped stories and the
    # teacher's own together (issue 17); the file named after the id keeps it, else the first.
    other = tmp_path / "other"
    other.mkdir()
    (other / "mini.yaml").write_text(text, encoding="utf-8")
    code, out, _ = run_cli(capsys, "check", str(scenes / "zz.yaml"), str(other))
    assert code == 1 and f"{scenes / 'zz.yaml'}:{id_line}:5: the id 'mini' is also the id of " \
                         f"{other / 'mini.yaml'}" in out
    (other / "mini.yaml").rename(other / "yy.yaml")
    code, out, _ = run_cli(capsys, "check", str(scenes / "zz.yaml"), str(other))
    assert code == 1 and f"{other / 'yy.yaml'}:{id_line}:5: the id 'mini' is also the id of " \
                         f"{scenes / 'zz.yaml'}" in out


def test_check_usage_errors(capsys, tmp_path):
    code, _, err = run_cli(capsys, "check", str(tmp_path / "missing"))
    assert code == 2 and "no such file" in err
    code, _, err = run_cli(capsys, "check", str(tmp_path))
    assert code == 2 and "no scenario files" in err
    with pytest.raises(SystemExit) as info:
        main(["check", "--bogus"])
    assert info.value.code == 2


def test_run_with_choices_prints_the_transcript(capsys):
    code, out, _ = run_cli(capsys, "run", str(MINI), "--lang", "en", "--choose",
                           "walk_on,say_nothing")
    assert code == 0
    assert "> I walk on." in out and "== Ending: Alone (hard) ==" in out


def test_run_json_gives_state_and_summary(capsys):
    code, out, err = run_cli(capsys, "run", str(MINI), "--lang", "en", "--choose",
                             "stand_by_sam,tell_mentor", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["state"]["ending"] == "better"
    assert data["summary"]["roles"] == ["bystander", "defender", "defender"]
    assert "> I go and stand next to Sam." in err


def test_run_bad_choice_and_bad_language(capsys):
    code, _, err = run_cli(capsys, "run", str(MINI), "--choose", "fly_away")
    assert code == 2 and "'fly_away' is not a choice in scene 'hallway'" in err
    code, _, err = run_cli(capsys, "run", str(MINI), "--lang", "de")
    assert code == 2 and "nl, en" in err
    code, _, err = run_cli(capsys, "run", "no_such_scenario")
    assert code == 2 and "no scenario 'no_such_scenario'" in err


def test_a_scenario_is_found_by_id_or_file_without_the_command_line(tmp_path):
    """Finding a scenario is not the CLI's: the UI finds one too, and says why not with
    ScenarioNotFound, which only the CLI turns into exit 2."""
    from game.paths import SCENES_DIR, ScenarioNotFound, find_scenario
    assert find_scenario("adrian") == SCENES_DIR / "adrian.yaml"
    assert find_scenario(str(MINI)) == MINI
    with pytest.raises(ScenarioNotFound, match="no scenario 'nope'; the scenarios are: .*adrian"):
        find_scenario("nope")
    with pytest.raises(ScenarioNotFound, match="no such file"):
        find_scenario(str(tmp_path / "gone.yaml"))


def test_run_refuses_a_broken_file(capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"id: [\n")
    code, _, err = run_cli(capsys, "run", str(bad))
    assert code == 1 and f"{bad}:" in err and "Traceback" not in err


def test_run_interactive_reads_numbers(capsys, monkeypatch):
    answers = iter(["9", "x", "1", "3"])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(answers))
    code, out, _ = run_cli(capsys, "run", str(MINI), "--lang", "en")
    assert code == 0
    assert out.count("Type the number") == 2 and "Ending: Alone" in out


def test_graph_writes_mermaid_and_dot(capsys, tmp_path):
    for suffix, marker in ((".mmd", "flowchart TD"), (".dot", "digraph")):
        target = tmp_path / f"map{suffix}"
        assert run_cli(capsys, "graph", str(MINI), "-o", str(target))[0] == 0
        text = target.read_text()
        assert marker in text and "Ik loop door." in text
    assert "style=dashed" in (tmp_path / "map.dot").read_text()
    code, _, err = run_cli(capsys, "graph", str(MINI), "-o", str(tmp_path / "map.xyz"))
    assert code == 1 and "unknown format" in err


def test_python_dash_m_game_works():
    result = subprocess.run([sys.executable, "-m", "game", "check", str(MINI)],
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("argv", [
    ["play"], ["play", "adrian", "--lang", "en", "--size", "1920x1080", "--class"],
    ["play", "--kiosk", "--scenario", "group_chat", "adrian"], ["check", "--strict", "scenes"],
    ["run", "adrian", "--choose", "a,b", "--json"], ["screenshot", "adrian", "-o", "x.png"],
    ["guide", "adrian", "-o", "g.html"], ["report", "--csv", "r.csv"], ["bench", "--quick"],
])
def test_the_parser_of_the_command_alone_parses_as_the_whole_one(argv):
    """main() builds only the named command's parser (start-up time); it must read the same."""
    from game.cli import _parser
    assert _parser(argv[0]).parse_args(argv) == _parser().parse_args(argv)


def test_the_help_of_a_command_is_the_same_from_its_parser_alone(capsys):
    from game.cli import _parser
    texts = []
    for parser in (_parser("play"), _parser()):
        with pytest.raises(SystemExit):
            parser.parse_args(["play", "--help"])
        texts.append(capsys.readouterr().out)
    assert texts[0] == texts[1] and "--kiosk" in texts[0]


def test_a_plain_start_reads_as_argparse_reads_it():
    """`bystander` and `bystander play` skip argparse (start-up time): the same arguments."""
    from game.cli import PLAIN_PLAY, _parser
    assert vars(_parser().parse_args(["play"])) == PLAIN_PLAY
    assert vars(_parser("play").parse_args(["play"])) == PLAIN_PLAY


@pytest.mark.parametrize("argv", [["run", "adrian"], ["graph", "adrian", "-o", "m.dot"],
                                  ["screenshot", "adrian", "-o", "s.png"],
                                  ["guide", "adrian", "-o", "g.html"], ["report"]])
def test_every_command_speaks_dutch_unless_told_otherwise(argv):
    from game.cli import _parser
    assert _parser(argv[0]).parse_args(argv).lang == "nl"


def test_screenshot_help_names_the_default_language_and_why(capsys):
    with pytest.raises(SystemExit):
        main(["screenshot", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "default nl, as every command: the game's first audience is Dutch classes" in help_text
