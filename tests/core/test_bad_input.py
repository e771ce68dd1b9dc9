"""Bad input is part of the product: every malformed file is refused with file:line:col, no traceback.

Each case is a file a teacher could really produce, the place the problem must be reported at, and a
word the message must contain.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from testpaths import MINI, ROOT
from game.core.loader import load

# (name, file bytes, expected line, expected column, fragment of the message)
CASES = [
    ("syntax", b"id: [unclosed\ntitle: x\n", 2, 6, "YAML syntax error"),
    ("colon_in_text", b"id: a\ntitle: Hey: you\n", 2, 11, "quotes"),
    ("tab_indent", b"id: x\ncast:\n\tadrian: {}\n", 3, 1, "tab"),
    ("duplicate_key", b"id: a\nminutes: 5\nid: b\n", 3, 1, "duplicate key 'id'"),
    ("duplicate_nested", b"cast:\n  a: 1\n  a: 2\n", 3, 3, "first at line 2"),
    ("anchor", b"a: &x hello\n", 1, 4, "anchors"),
    ("alias", b"a: [1]\nb: *x\n", 2, 4, "alias"),
    ("merge_key", b"a: {x: 1}\nb:\n  <<: {y: 1}\n", 3, 3, "merge keys"),
    ("python_tag", b"a: !!python/object/apply:os.system ['echo hi']\n", 1, 4, "tags"),
    ("custom_tag", b"a: !foo {x: 1}\n", 1, 4, "tags"),
    ("str_tag", b"a: !!str yes\n", 1, 4, "tags"),
    ("two_documents", b"id: a\n---\nid: b\n", 2, 1, "second YAML document"),
    ("deep_nesting", b"a: " + b"[" * 60 + b"]" * 60 + b"\n", 1, None, "nested deeper"),
    ("latin1", "id: a\ntitle: café\n".encode("latin-1"), 2, 11, "not UTF-8"),
    ("cp1252_quotes", b"id: a\nb: x\nc: \x93hi\x94\n", 3, 4, "Windows-1252"),
    ("utf16_no_bom", "id: a\ntitle: b\n".encode("utf-16-le"), 1, 2, "UTF-16"),
    ("utf16_bom", "id: a\n".encode("utf-16"), 1, 1, "UTF-16"),
    ("utf32_bom", "id: a\n".encode("utf-32"), 1, 1, "UTF-32"),
    ("nul_byte", b"id: a\ntitle: b\nsummary: c\x00d\n" + b"x: y\n" * 2000, 3, 11, "NUL"),
    ("bell", b"id: a\ntitle: b\x07\n", 2, 9, "U+0007"),
    ("zero_width_space", "id: a\u200bb\n".encode(), 1, 6, "zero-width space"),
    ("nbsp_indent", "cast:\n\u00a0 adrian: x\n".encode(), 2, 1, "no-break space"),
    ("bom_in_middle", "id: a\n\ufeffb: c\n".encode(), 2, 1, "byte order mark"),
    ("bidi_override", "id: a\ntitle: \u202eevil\n".encode(), 2, 8, "U+202E"),
    ("soft_hyphen", "id: ab\u00adc\n".encode(), 1, 7, "soft hyphen"),
    ("empty", b"", 1, 1, "empty"),
    ("only_comments", b"# nothing here\n\n", 1, 1, "empty"),
    ("only_spaces", b"   \n  \n", 1, 1, "empty"),
    ("top_level_list", b"- a\n- b\n", 1, 1, "mapping"),
    ("top_level_scalar", b"hello\n", 1, 1, "mapping"),
    ("complex_key", b"? {a: 1}\n: b\n", 1, 3, "key must be plain text"),
    ("not_a_scenario", b"name: Adrian\nage: 14\n", 1, 1, "unknown field 'name'"),
    # not text at all: what the file is, not a guess at its encoding
    ("png_image", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)), 1, 1,
     "not a text file (it looks like a PNG image)"),
    ("jpeg_image", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(200), 1, 1, "a JPEG image"),
    ("gif_image", b"GIF89a\x01\x00\x01\x00\x80\x00\x00" + bytes(50), 1, 1, "a GIF image"),
    ("pdf_document", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", 1, 1, "a PDF document"),
    ("word_docx", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml", 1, 1,
     "ZIP archive"),
    ("old_word_doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), 1, 1, "Word"),
    ("program", b"\x7fELF\x02\x01\x01\x00" + bytes(100), 1, 1, "a program"),
    ("gzip", b"\x1f\x8b\x08\x00" + bytes(20), 1, 1, "gzip"),
    ("random_binary", bytes(range(256)) * 8, 1, 1, "not a text file"),
    ("nul_in_utf8_text", "id: a\ntitle: é\x00\n".encode(), 2, 9, "a NUL byte"),
    # control characters written as escapes: refused once YAML has decoded them, at the value
    ("escaped_nul", b'id: a\ntitle: {nl: "De\\0 gang", en: b}\n', 2, 13, "NUL"),
    ("escaped_terminal_escape", b'id: a\nsummary:\n  en: "\\e[2J\\e[31mred"\n', 3, 7,
     "U+001B"),
    ("escaped_bidi_override", b'id: a\ncast:\n  sam: {name: "\\u202eSam"}\n', 3, 15, "U+202E"),
    ("escaped_carriage_return", b'id: a\nnote: {en: "one\\rtwo"}\n', 2, 12, "U+000D"),
    ("escaped_in_a_key", b'id: a\n"ti\\x07tle": x\n', 2, 1, "U+0007"),
    ("escaped_c1", b'id: "a\\x85b"\n', 1, 5, "U+0085"),
    # Python refuses to convert more than 4,300 digits: the value's place, not "internal error"
    ("huge_number", b"id: a\nminutes: " + b"9" * 5000 + b"\n", 2, 10, "numbers stay between"),
    ("huge_number_of_zeros", b"id: a\nversion: -" + b"0" * 5000 + b"12345678\n", 2, 10,
     "numbers stay between"),
]


@pytest.mark.parametrize("name,data,line,col,fragment", CASES, ids=[c[0] for c in CASES])
def test_bad_file_is_refused_with_its_place(tmp_path, name, data, line, col, fragment):
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(data)
    loaded = load(path)
    assert not loaded.ok
    assert loaded.issues, "a refused file must say why"
    texts = [str(i) for i in loaded.issues]
    for text in texts:
        assert re.match(rf"{re.escape(str(path))}:\d+:\d+: ", text), text
    assert all(i.code != "internal" for i in loaded.issues), texts
    hit = [i for i in loaded.issues if fragment in i.message]
    assert hit, f"no message with {fragment!r} in {texts}"
    assert hit[0].pos.line == line, texts
    if col is not None:
        assert hit[0].pos.col == col, texts


def test_too_large_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.yaml"
    with path.open("wb") as f:
        f.truncate(17 * 1024 * 1024)
    loaded = load(path)
    assert not loaded.ok
    assert "MB" in loaded.issues[0].message


def test_a_file_of_too_many_values_is_refused_where_it_goes_over(tmp_path, monkeypatch):
    from game.core import yamlsource
    monkeypatch.setattr(yamlsource, "MAX_NODES", 1000)
    path = tmp_path / "many.yaml"
    path.write_bytes(b"id: a\nlines:\n" + b"  - [a, b, c]\n" * 400)
    loaded = load(path)
    assert [i.code for i in loaded.issues] == ["size"], [str(i) for i in loaded.issues]
    # The top mapping, id, a, lines and its list are 5 values, each line 4 more (a list and a, b,
    # c): the 1,001st is the c of the 249th line, line 251 of the file.
    assert str(loaded.issues[0]).startswith(f"{path}:251:12: more than 1,000 values")
    path.write_bytes(b"id: a\nlines:\n" + b"  - [a, b, c]\n" * 248)  # 997 values: no such issue
    assert "size" not in [i.code for i in load(path).issues]


def test_missing_file_is_reported(tmp_path):
    loaded = load(tmp_path / "nope.yaml")
    assert not loaded.ok and "cannot read" in loaded.issues[0].message


def test_every_bad_line_is_reported_not_only_the_first(tmp_path):
    path = tmp_path / "many.yaml"
    path.write_bytes("a: caf\xe9\nb: ok\nc: na\xefef\n".encode("latin-1"))
    lines = [i.pos.line for i in load(path).issues]
    assert lines == [1, 3]


def test_a_bom_at_the_start_and_windows_line_ends_are_fine(tmp_path):
    text = MINI.read_text(encoding="utf-8").replace("\n", "\r\n")
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    assert load(path).ok


def _mini_with(tmp_path, old: str, new: str):
    text = MINI.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "mutated.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path, text.replace(old, new, 1)


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_yaml_1_1_words_stay_text(tmp_path):
    path, _ = _mini_with(tmp_path, 'title: {nl: "De gang", en: "The hallway"}',
                         "title: {nl: nee, en: no}\nnote: {nl: 1:20, en: 0755}")
    scenario = load(path).scenario
    assert scenario is not None
    assert dict(scenario.title) == {"nl": "nee", "en": "no"}
    assert dict(scenario.note) == {"nl": "1:20", "en": "0755"}
    path, _ = _mini_with(tmp_path, "summary:\n  nl: Sam wordt uitgelachen in de gang. Wat doe jij?\n"
                         "  en: Sam is laughed at in the hallway. What do you do?",
                         "summary: {nl: ja, en: 2024-05-01}")
    scenario = load(path).scenario
    assert dict(scenario.summary) == {"nl": "ja", "en": "2024-05-01"}
    path, _ = _mini_with(tmp_path, "{nl: gekwetst, en: hurt}", "{nl: off, en: on}")
    assert dict(load(path).scenario.conditions[0].label) == {"nl": "off", "en": "on"}


FORMAT_CASES = [
    ("stance: outsider", "stance: outsidr", "stance", "did you mean 'outsider'"),
    ("stance: outsider", "stanse: outsider", "stanse", "unknown field 'stanse'"),
    ("minutes: 10", "minutes: ten", "minutes", "whole number"),
    ("minutes: 10", "minutes: [10]", "minutes", "whole number"),
    ("minutes: 10", "minutes:", "minutes", "needs a value for 'minutes'"),
    ("place: hallway\n    step: notice", "place: gym\n    step: notice", "place: gym",
     "not one of"),
    ("title: {nl: \"De gang\", en: \"The hallway\"}", "title: The hallway", "title:",
     "per language"),
    ("glasses", "glasses", None, None),
    ("top: green}", "top: green, headscarf: pink}", "headscarf: pink", "not one of"),
    ("top: green}", "top: green, wheelchair: yes}", "wheelchair: yes", "true or false"),
    ("top: green}", "top: green, braces: 1}", "braces: 1", "true or false"),
    ("hair_style: curly", "hair_style: dreads", "hair_style: dreads", "not one of"),
    ("skin: brown", "skin: ebony", "skin: ebony", "not one of"),
    ("goto: end_good", "goto: [{to: end_good, when: chose(walk_on, stand_by)}, {to: end_good}]",
     "goto: [", "put the condition in quotes"),
]


@pytest.mark.parametrize("old,new,at,fragment", [c for c in FORMAT_CASES if c[2]],
                         ids=[c[1].split(":")[0] + "-" + str(i) for i, c in
                              enumerate(FORMAT_CASES) if c[2]])
def test_format_errors_point_at_the_value(tmp_path, old, new, at, fragment):
    path, text = _mini_with(tmp_path, old, new)
    loaded = load(path)
    assert not loaded.ok
    hit = [i for i in loaded.issues if fragment in i.message]
    assert hit, [str(i) for i in loaded.issues]
    assert hit[0].pos.line == _line_of(text, at)


@pytest.mark.parametrize("new,value", [("top: green, headscarf: pink}", "pink"),
                                       ("top: green, wheelchair: yes}", "yes"),
                                       ("top: green, braces: 1}", "1")])
def test_a_bad_look_value_is_placed_at_its_column(tmp_path, new, value):
    path, text = _mini_with(tmp_path, "top: green}", new)
    issue = next(i for i in load(path).issues if i.pos.line == _line_of(text, new))
    line = text.splitlines()[issue.pos.line - 1]
    assert line[issue.pos.col - 1:].startswith(value + "}"), (str(issue), line)


def test_missing_required_field_points_at_its_mapping(tmp_path):
    path, text = _mini_with(tmp_path, "    role: bully\n", "")
    loaded = load(path)
    hit = [i for i in loaded.issues if "needs a value for 'role'" in i.message]
    assert hit and hit[0].pos.line == _line_of(text, "    name: Rik") 


def test_all_format_errors_are_reported_at_once(tmp_path):
    path, _ = _mini_with(tmp_path, "minutes: 10", "minutes: ten\nfoo: 1")
    text = path.read_text().replace("stance: outsider", "stance: nobody", 1)
    path.write_text(text)
    codes = {i.code for i in load(path).issues}
    assert {"type", "unknown_field", "choice_of"} <= codes


DEEP = "(" * 245 + "true" + ")" * 245
"""The tester's condition (494 characters, within the length limit): it passed check and the
title, then Run() parsed it deeper and raised RecursionError. One parse (expr.parse) with one
limit serves check and run."""
DEEP_PLACES = [
    ("a choice", "stance: outsider\n", f"stance: outsider\n        when: '{DEEP}'\n"
     "        unavailable: {nl: x, en: x}\n"),
    ("a road of a goto", "goto: later\n        consequence: {nl: Sam kijkt",
     f"goto: [{{to: later, when: '{DEEP}'}}, {{to: later}}]\n        consequence: {{nl: Sam kijkt"),
    ("a beat", "when: chose(stand_by_sam)", f"when: '{DEEP}'"),
    ("a condition rule", "when: wellbeing < 40", f"when: '{DEEP}'"),
]


@pytest.mark.parametrize("where,old,new", DEEP_PLACES, ids=[p[0] for p in DEEP_PLACES])
def test_a_condition_nested_too_deep_is_refused_by_check_and_never_reaches_a_run(
        tmp_path, where, old, new):
    from game.core import engine, expr
    from game.core.build import build_scenario
    from game.core.yamlsource import read_tree
    path, text = _mini_with(tmp_path, old, new)
    loaded = load(path)
    assert not loaded.ok
    hit = [i for i in loaded.issues if "nested more than" in i.message]
    assert hit, [str(i) for i in loaded.issues]
    line = text.splitlines()[hit[0].pos.line - 1]
    # the column is that of the first parenthesis too many
    assert line[hit[0].pos.col - 1:].startswith("(" * (245 - expr.MAX_DEPTH)), (line, hit[0])
    assert line[: hit[0].pos.col - 1].endswith("(" * expr.MAX_DEPTH), (line, hit[0])
    # and a run of it, built past the checks, refuses it the same way, not with a RecursionError
    scenario, _ = build_scenario(read_tree(path, path.read_bytes())[0])
    with pytest.raises(expr.ExprError, match="nested more than"):
        engine.start(scenario, "en").view()


def test_no_hidden_character_slips_past_the_quick_byte_check():
    """A file is searched character by character only if its bytes may hold a character the
    loader refuses; for each such character in Unicode, the quick check must say "may"."""
    from game.core import yamlsource

    refused = [chr(code) for code in range(0x110000) if yamlsource._SUSPECT.match(chr(code))]
    assert refused and not [ch for ch in refused
                            if not yamlsource._may_hold_suspects(f"nl: Hé{ch}llo\n")]
    assert not yamlsource._may_hold_suspects("id: x\nnl: Hé daar, café\n")


def test_a_hidden_character_among_curly_quotes_is_still_found(tmp_path):
    """Curly quotes and dashes share their first byte with zero-width characters: the file is
    then searched in full, and the zero-width space behind them is still refused."""
    path = tmp_path / "s.yaml"
    path.write_text("id: x\ntitle: {nl: “Kijk” — ja, en: “Look”\u200b}\n", encoding="utf-8")
    issues = load(path).issues
    assert [(i.pos.line, i.pos.col, i.code) for i in issues] == [(2, 36, "characters")]


def test_loading_a_story_imports_no_logging():
    """The first start ever loads every story on its way to the title, and nothing else there
    needs logging: the loader imports it only when it meets a bug of ours."""
    code = ("import sys\nfrom game.core.loader import load\nload('scenes/adrian.yaml')\n"
            "print('logging' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    assert result.stdout.strip() == "False"


def test_the_content_hash_is_worked_out_when_asked_and_hashlib_imported_then():
    """Only playing needs a story's content hash: `check` and the cards of one's own stories
    load stories without importing hashlib (a tenth of loading a story)."""
    code = ("import sys\nfrom game.core.loader import load\nloaded = load('scenes/adrian.yaml')\n"
            "print('hashlib' in sys.modules)\nprint(loaded.content_hash)\n"
            "import hashlib\nprint(hashlib.sha256(open('scenes/adrian.yaml', 'rb').read())"
            ".hexdigest())")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    imported, content_hash, sha256 = result.stdout.split()
    assert imported == "False" and content_hash == sha256
    assert load(ROOT / "no such file.yaml").content_hash == ""


def test_a_bug_of_ours_met_while_loading_is_logged_and_reported(tmp_path, monkeypatch, caplog):
    from game.core import loader

    def broken(*_args):
        raise KeyError("bug")

    monkeypatch.setattr(loader, "build_scenario", broken)
    path = tmp_path / "s.yaml"
    path.write_text("id: x\n", encoding="utf-8")
    issues = load(path).issues
    assert [i.code for i in issues] == ["internal"]
    assert "internal error while loading" in caplog.text


def test_every_character_an_escape_may_not_give_is_one_python_calls_unprintable():
    """The reader skips `_BAD_DECODED` for a double-quoted text that `str.isprintable` passes:
    right only while no character the pattern refuses is printable."""
    from game.core import yamlsource
    printable = [hex(c) for c in range(0x110000)
                 if chr(c).isprintable() and yamlsource._BAD_DECODED.match(chr(c))]
    assert printable == [], printable[:10]


def test_the_reader_makes_every_node_as_its_class_would():
    """The reader makes nodes field by field, not through their __init__: every field is set, to
    what __init__ would give, for each kind of node and scalar (plain, quoted, block, commented)."""
    from game.core.yamlsource import YList, YMap, YScalar, parse
    text = ('a: plain\nb: "double"\nc: \'single\'\nd: |\n  block\ne: [x, {f: 1}]\n'
            'g: text #a comment\nh:\n  - item\n')
    root, issues = parse(text, "f.yaml")
    assert not issues

    def nodes(node):
        yield node
        children = node.items.values() if isinstance(node, YMap) else (
            node.items if isinstance(node, YList) else ())
        for child in children:
            if isinstance(node, YMap):
                yield child[0]
                child = child[1]
            yield from nodes(child)

    seen = set()
    for node in nodes(root):
        seen.add(type(node))
        for field in type(node).__slots__:
            assert hasattr(node, field), (node, field)
        if isinstance(node, YScalar):
            made = YScalar(node.text, node.plain, node.line, node.col, node.path)
            assert node.comment is None or node.text == "text", node
            assert (made.text, made.plain, made.path) == (node.text, node.plain, "f.yaml")
    assert seen == {YMap, YList, YScalar}
    scalars = {node.text: node for node in nodes(root) if isinstance(node, YScalar)}
    assert [scalars[t].plain for t in ("plain", "double", "single", "block\n")] == [
        True, False, False, False]
    # A quoted text's place is inside its quote; a plain or block one's where it starts.
    assert [(scalars[t].line, scalars[t].col) for t in ("plain", "double", "single")] == [
        (0, 3), (1, 4), (2, 4)]
    assert scalars["text"].comment == (9, "#a comment")
    assert root.items["e"][1].items[1].flow is True and root.flow is False
