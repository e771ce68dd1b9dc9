"""Errors that show the line: the line of a problem, quoted with a caret under its column.

The caret must stand under the character the column names whatever the line holds before it:
tabs, wide characters (CJK, emoji), combining marks, control characters (escaped, never sent to
the terminal), and in a line too long to show whole, cut around the column.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from testpaths import MINI
from game.cli import main
from game.core.excerpt import excerpt, quote
from game.core.loader import load


def _under_caret(line: str, col: int, room: int = 100) -> str:
    """The character of the shown line under the caret, counting cells as a terminal does."""
    shown = excerpt(line, col, room)
    return shown.text[shown.index:shown.index + 1]


@pytest.mark.parametrize("line,col,expected", [
    ("      when: role(verdediger)", 18, "v"),
    ("\twhen: role(verdediger)", 13, "v"),
    ("  \t \twhen: x", 6, "w"),
    ("  nl: 😀😀 kijk", 10, "k"),
    ("  nl: 漢字 kijk", 10, "k"),
    ("  nl: e\u0301e\u0301 kijk", 12, "k"),
    ("  nl: a\x1bb x", 11, "x"),
    ("  nl: \u202eabc x", 12, "x"),
])
def test_the_caret_stands_under_the_column(line, col, expected):
    assert line[col - 1] == expected
    shown = excerpt(line, col)
    assert shown.text[shown.index] == expected
    # the terminal's cells: the caret line has `caret` spaces; the shown text up to the caret
    # takes as many cells
    before = shown.text[:shown.index]
    wide = sum(1 for ch in before if ord(ch) >= 0x1100 and ch in "😀漢字")
    combining = before.count("\u0301")
    assert shown.caret == len(before) + wide - combining


def test_control_characters_are_shown_escaped_never_raw():
    shown = excerpt("  nl: a\x1b[2Jb\x07 x", 15)
    assert "\x1b" not in shown.text and "\x07" not in shown.text
    assert "\\u001b" in shown.text and shown.text[shown.index] == "x"


@pytest.mark.parametrize("col", [1, 50, 300, 550, 600, 601])
def test_a_long_line_is_cut_around_the_column(col):
    line = "".join(chr(ord("a") + i % 26) for i in range(600))
    shown = excerpt(line, col, room=80)
    assert len(shown.text) <= 80
    if col <= 600:
        assert shown.text[shown.index] == line[col - 1]
    else:
        assert shown.index == len(shown.text) - (3 if shown.text.endswith("...") else 0)
    assert shown.text.startswith("...") == (col > 41)
    assert shown.text.endswith("...") == (col < 600 - 30)


def test_a_column_past_the_end_puts_the_caret_after_the_line():
    shown = excerpt("  nl: x", 40)
    assert shown.index == len("  nl: x") and shown.caret == 7


def test_quote_gives_the_numbered_line_and_the_caret():
    assert quote("      when: role(verdediger)", 12, 18) == [
        "   12 |       when: role(verdediger)",
        "      |                  ^",
    ]


def test_issues_carry_their_line_and_keep_their_one_line_form(tmp_path):
    text = MINI.read_text(encoding="utf-8").replace("when: chose(stand_by_sam)",
                                                     "when: role(verdediger)")
    path = tmp_path / "story.yaml"
    path.write_text(text, encoding="utf-8")
    issue = next(i for i in load(path).issues if "verdediger" in i.message)
    assert issue.source == "        when: role(verdediger)"
    assert str(issue) == f"{path}:{issue.pos.line}:{issue.pos.col}: {issue.message}"
    assert issue.source[issue.pos.col - 1:].startswith("verdediger")


def test_a_file_that_is_no_text_has_no_line_to_quote(tmp_path):
    path = tmp_path / "story.yaml"
    path.write_bytes("id: a\n".encode("utf-16"))
    assert all(not i.source for i in load(path).issues)


def test_a_byte_that_is_not_utf8_is_quoted_in_its_place(tmp_path):
    path = tmp_path / "story.yaml"
    path.write_bytes(b"id: a\ntitle: caf\xe9 x\n")
    issue = load(path).issues[0]
    assert issue.source == "title: caf\ufffd x"
    assert issue.source[issue.pos.col - 1] == "\ufffd"


def test_check_prints_each_problem_with_its_line_and_caret(tmp_path, capsys):
    text = MINI.read_text(encoding="utf-8").replace("when: chose(stand_by_sam)",
                                                     "when: role(verdediger)")
    path = tmp_path / "story.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    at = next(i for i, line in enumerate(out) if "'verdediger' is not a role" in line)
    number = int(out[at].split(":")[1])
    assert out[at + 1] == f"{number:>5} |         when: role(verdediger)"
    assert out[at + 2].index("^") == out[at + 1].index("verdediger")


def test_strict_road_warnings_are_quoted_too(tmp_path, capsys):
    text = MINI.read_text(encoding="utf-8").replace(
        "      - text: {nl: Sam knikt even naar je., en: Sam gives you a quick nod.}\n"
        "        when: chose(stand_by_sam)\n", "").replace(
        "        when: chose(stand_by_sam)\n        unavailable: {nl: Je stond er niet bij., "
        "en: You were not there.}\n", "")
    path = tmp_path / "story.yaml"
    path.write_text(text, encoding="utf-8")
    main(["check", "--strict", str(path)])
    out = capsys.readouterr().out.splitlines()
    at = next(i for i, line in enumerate(out) if "remembers none of them" in line)
    assert out[at + 1].endswith("|   later:") and out[at + 2].endswith("|   ^")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400), st.integers(-5, 500), st.integers(20, 120))
def test_any_line_is_shown_safely_within_its_room(line, col, room):
    from game.terminal import safe
    shown = excerpt(line, col, room)
    assert safe(shown.text, one_line=True) == shown.text  # nothing that acts on a terminal
    assert 0 <= shown.index <= len(shown.text)
    assert 0 <= shown.caret
    quote(line, 1, col, room)


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(st.text(alphabet="ab é\t\udcff\x85", max_size=30), max_size=60),
       ending=st.sampled_from(["", "\n", "\r\n", "\r"]),
       wanted=st.sets(st.integers(-2, 70), min_size=1),
       chunk=st.sampled_from([1, 3, 64, 1 << 16]))
def test_a_few_lines_are_the_lines_the_whole_file_gives(lines, ending, wanted, chunk):
    """Quoting the warnings of a large file finds their lines without splitting all of it
    (`_some_lines`, counting whole chunks of lines first): the same lines as splitting it."""
    from game.core import yamlsource
    data = ("\n".join(lines) + ending).encode("utf-8", "surrogateescape")
    whole = yamlsource.source_lines(data)
    kept, yamlsource._CHUNK = yamlsource._CHUNK, chunk
    try:
        found = yamlsource._some_lines(data, wanted)
    finally:
        yamlsource._CHUNK = kept
    assert found == {n: whole[n - 1] for n in wanted if 0 < n <= len(whole)}
