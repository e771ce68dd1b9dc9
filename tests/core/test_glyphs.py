"""`check` warns about a character no bundled font can draw, at its place (issue 17): it would
show as an empty box and nothing else tells the author."""

from __future__ import annotations

from game import fonts
from game.cli import main
from game.core.glyphs import undrawable
from game.core.loader import load

from testpaths import DATA, MINI

ODD = "ꙮ"  # U+A66E: in neither font


def _story(tmp_path, old: str, new: str):
    path = tmp_path / "story.yaml"
    path.write_text(MINI.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    return path


def test_a_character_outside_the_set_is_warned_about_at_its_place(tmp_path):
    path = _story(tmp_path, "en: The bell rings.", f"en: The bell {ODD} rings.")
    loaded = load(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    issues = undrawable(loaded.scenario, loaded.data, fonts.drawable())
    assert [(i.code, i.severity) for i in issues] == [("undrawable", "warning")]
    line, col = issues[0].pos.line, issues[0].pos.col
    assert lines[line - 1][col - 1] == ODD
    assert "U+A66E" in issues[0].message and "empty box" in issues[0].message


def test_the_set_is_the_callers():
    loaded = load(MINI)
    assert undrawable(loaded.scenario, loaded.data, fonts.drawable()) == []
    without_e = fonts.drawable() - {ord("e")}
    assert {i.pos.line for i in undrawable(loaded.scenario, loaded.data, without_e)}


def test_a_character_written_as_an_escape_is_placed_at_its_text(tmp_path):
    path = _story(tmp_path, 'en: "Hey loser, oh no, you again?"',
                  'en: "Hey loser, oh no, you again? \\uA66E"')
    loaded = load(path)
    issues = undrawable(loaded.scenario, loaded.data, fonts.drawable())
    assert len(issues) == 1
    assert "you again" in path.read_text(encoding="utf-8").splitlines()[issues[0].pos.line - 1]


def test_emoji_and_the_shipped_stories_are_drawable():
    for path in [DATA / "emoji_chat.yaml", MINI]:
        loaded = load(path)
        assert undrawable(loaded.scenario, loaded.data, fonts.drawable()) == []
    assert ord("😂") in fonts.drawable() and ord("é") in fonts.drawable()
    assert ord(ODD) not in fonts.drawable()


def test_check_prints_the_warning_with_the_quoted_line(capsys, tmp_path):
    path = _story(tmp_path, "en: The bell rings.", f"en: The bell {ODD} rings.")
    assert main(["check", str(path)]) == 0
    assert main(["check", "--strict", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"warning: '{ODD}' (U+A66E" in out
    assert f"The bell {ODD} rings." in out and "^" in out


def test_check_passes_the_chat_story_with_emoji(capsys):
    assert main(["check", str(DATA / "emoji_chat.yaml")]) == 0
    assert "0 warnings" in capsys.readouterr().out


def test_a_file_that_is_not_a_font_draws_nothing(tmp_path):
    junk = tmp_path / "junk.ttf"
    junk.write_bytes(b"\x00\x01")
    assert fonts.code_points(junk) == frozenset()
