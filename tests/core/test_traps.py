"""The traps a teacher falls into writing a story by hand, each named with its cause and its fix.

Every case is a line of `tests/data/mini.yaml` written the way a teacher writes it (a hashtag in a
chat line, a comma inside `{nl: ..., en: ...}`, a text that starts with `[` or `'t`, `&&` in a
condition), and what `check` must say: where, why, and what to type instead.
"""

from __future__ import annotations

import pytest

from testpaths import MINI
from game.core.loader import load

BEAT = "{nl: Na de les., en: After class.}"
"""A text in the example, written as a mapping in braces, as the guide's examples are."""
BLOCK_BEAT = "\n          nl: Na de les.\n          en: After class."
"""The same text written as a block, one language a line."""


def _load_with(tmp_path, old: str, new: str):
    text = MINI.read_text(encoding="utf-8")
    assert old in text, old
    text = text.replace(old, new, 1)
    path = tmp_path / "story.yaml"
    path.write_text(text, encoding="utf-8")
    return load(path), text


def _line(text: str, needle: str) -> str:
    return next(line for line in text.splitlines() if needle in line)


# --- a comment after an unquoted text ------------------------------------------------------------

def test_a_hashtag_after_an_unquoted_text_is_warned_at_the_hash(tmp_path):
    loaded, text = _load_with(tmp_path, BEAT, BLOCK_BEAT.replace("Na de les.",
                                                                 "Kijk dit #nietnormaal"))
    warnings = [i for i in loaded.issues if i.code == "comment_in_text"]
    assert len(warnings) == 1, [str(i) for i in loaded.issues]
    warning = warnings[0]
    assert warning.severity == "warning"
    line = text.splitlines()[warning.pos.line - 1]
    assert line[warning.pos.col - 1:] == "#nietnormaal"
    assert 'nl: "Kijk dit #nietnormaal"' in warning.message


def test_a_text_that_is_all_hashtag_is_refused_naming_the_comment(tmp_path):
    loaded, _ = _load_with(tmp_path, BEAT, BLOCK_BEAT.replace("Na de les.", "#nietnormaal"))
    assert not loaded.ok
    assert any("comment" in i.message and '"#nietnormaal"' in i.message for i in loaded.issues)


@pytest.mark.parametrize("old,new", [
    (BEAT, BLOCK_BEAT.replace("Na de les.", '"Kijk dit"  # a real comment')),
    ("stance: outsider\n", "stance: outsider  # looks away\n"),
    ("when: chose(stand_by_sam)", "when: chose(stand_by_sam)  # only if she stood by"),
    ("    name: Rik\n", "    name: Rik  # the bully\n"),
    ("minutes: 10", "minutes: 10 # with the discussion"),
    ("goto: later", "goto: later # the same scene for both"),
])
def test_a_real_comment_after_a_quoted_text_or_another_field_is_fine(tmp_path, old, new):
    loaded, _ = _load_with(tmp_path, old, new)
    assert loaded.ok
    assert not [i for i in loaded.issues if i.code == "comment_in_text"], loaded.issues


def test_a_hashtag_inside_braces_names_the_comment_that_cut_the_line(tmp_path):
    loaded, _ = _load_with(tmp_path, BEAT, "{nl: Kijk dit #nietnormaal, en: After class.}")
    assert not loaded.ok
    assert any("'#'" in i.message and "comment" in i.message for i in loaded.issues), \
        [str(i) for i in loaded.issues]


# --- a comma or a colon inside braces ------------------------------------------------------------

def test_a_comma_in_a_text_in_braces_names_the_comma_and_the_quotes(tmp_path):
    loaded, text = _load_with(tmp_path, BEAT, "{nl: Nee, dat is niet mijn tafel., en: No.}")
    assert not loaded.ok
    issue = next(i for i in loaded.issues if "comma" in i.message)
    assert 'nl: "Nee, dat is niet mijn tafel."' in issue.message, issue.message
    assert issue.pos.line == text.splitlines().index(_line(text, "niet mijn tafel")) + 1


def test_a_comma_before_a_short_word_names_the_comma(tmp_path):
    loaded, _ = _load_with(tmp_path, BEAT, "{nl: Rood, wit, en: Red.}")
    assert any('nl: "Rood, wit"' in i.message for i in loaded.issues), \
        [str(i) for i in loaded.issues]


def test_a_comma_that_makes_a_duplicate_key_names_the_comma(tmp_path):
    loaded, _ = _load_with(tmp_path, BEAT, "{nl: Ja, en, en: Yes.}")
    issue = next(i for i in loaded.issues if i.code == "duplicate_key")
    assert "comma" in issue.message and "quotes" in issue.message


def test_a_comma_in_a_look_names_the_comma(tmp_path):
    loaded, _ = _load_with(tmp_path, "hair_style: curly, top: green}",
                           "hair_style: curly, top: green, dark green}")
    issue = next(i for i in loaded.issues if i.code == "unknown_field")
    assert "comma" in issue.message and 'top: "green, dark green"' in issue.message


def test_a_colon_in_a_text_in_braces_names_the_colon_and_the_quotes(tmp_path):
    loaded, _ = _load_with(tmp_path, BEAT, "{nl: Let op: de bel, en: Mind: the bell}")
    assert not loaded.ok
    assert any("': '" in i.message and 'nl: "Let op: de bel"' in i.message
               for i in loaded.issues), [str(i) for i in loaded.issues]


def test_a_colon_in_a_block_text_shows_the_quoted_fix(tmp_path):
    loaded, _ = _load_with(tmp_path, BEAT, BLOCK_BEAT.replace("Na de les.", "Let op: de bel"))
    assert any('nl: "Let op: de bel"' in i.message for i in loaded.issues), \
        [str(i) for i in loaded.issues]


# --- a text that starts with one of YAML's signs -------------------------------------------------

SIGNED = [
    ("[stil] Ik loop door.", "'['", '"[stil] Ik loop door."'),
    ("{stil} Ik loop door.", "'{'", '"{stil} Ik loop door."'),
    ("*zucht* Ik loop door.", "'*'", '"*zucht* Ik loop door."'),
    ("*zucht Ik loop door.", "'*'", '"*zucht Ik loop door."'),
    ("& dan loop ik door.", "'&'", '"& dan loop ik door."'),
    ("&dan loop ik door.", "'&'", '"&dan loop ik door."'),
    ("!!! Ik loop door.", "'!'", '"!!! Ik loop door."'),
    ("%50 van de klas", "'%'", '"%50 van de klas"'),
    ("@sam kijk dan", "'@'", '"@sam kijk dan"'),
    ("`stil` zegt ze", "'`'", '"`stil` zegt ze"'),
    ("- nee, zegt ze", "'- '", '"- nee, zegt ze"'),
    ("| stil |", "'|'", '"| stil |"'),
    (">_< zucht", "'>'", '">_< zucht"'),
    ('"Nee" zegt ze.', "quote", "'\"Nee\" zegt ze.'"),
    ("'t Is stil.", "quote", "\"'t Is stil.\""),
    ("? wat nu", "'? '", '"? wat nu"'),
]


BRACED = [s for s in SIGNED if not s[0].startswith(("- ", "|", ">", "? ")) and "," not in s[0]]
"""The same inside braces, where `- `, `|`, `>` and `? ` are only text and a comma ends it."""


@pytest.mark.parametrize("written,sign,fix", SIGNED, ids=[s[0] for s in SIGNED])
def test_a_text_that_starts_with_a_sign_names_it_and_the_quotes(tmp_path, written, sign, fix):
    loaded, _ = _load_with(tmp_path, BEAT, BLOCK_BEAT.replace("Na de les.", written))
    assert not loaded.ok
    messages = [i.message for i in loaded.issues]
    assert any(sign in m and f"nl: {fix}" in m for m in messages), messages


@pytest.mark.parametrize("written,sign,fix", BRACED, ids=[s[0] for s in BRACED])
def test_the_same_in_braces(tmp_path, written, sign, fix):
    loaded, _ = _load_with(tmp_path, BEAT, f"{{nl: {written}, en: After class.}}")
    assert not loaded.ok
    messages = [i.message for i in loaded.issues]
    assert any(sign in m and f"nl: {fix}" in m for m in messages), messages


def test_a_backslash_in_double_quotes_names_the_escape(tmp_path):
    loaded, _ = _load_with(tmp_path, BEAT, '{nl: "Map C:\\school", en: x}')
    assert any("backslash" in i.message and "single quotes" in i.message
               for i in loaded.issues), [str(i) for i in loaded.issues]


# --- the shape of the file ----------------------------------------------------------------------

def test_a_key_indented_wrongly_names_the_column(tmp_path):
    loaded, _ = _load_with(tmp_path, "    role: bully\n", "   role: bully\n")
    assert any("same column" in i.message and "column 5" in i.message
               for i in loaded.issues), [str(i) for i in loaded.issues]


def test_a_brace_left_open_names_the_brace_and_its_line(tmp_path):
    loaded, text = _load_with(tmp_path, "    cast: {sam: neutral}\n", "    cast: {sam: neutral\n")
    number = text.splitlines().index("    cast: {sam: neutral") + 1
    assert any(f"the '{{' on line {number} is not closed" in i.message
               for i in loaded.issues), [str(i) for i in loaded.issues]


def test_a_list_item_without_its_dash_is_named(tmp_path):
    loaded, _ = _load_with(tmp_path, "      - text: {nl: Het gaat door., en: It goes on.}",
                           "      - text: {nl: Het gaat door., en: It goes on.}\n"
                           "      text: {nl: En door., en: And on.}")
    assert any("'- '" in i.message for i in loaded.issues), [str(i) for i in loaded.issues]


# --- conditions ---------------------------------------------------------------------------------

CONDITIONS = [
    ("chose(stand_by_sam) && took(support)", "use 'and'"),
    ("chose(stand_by_sam) || took(support)", "use 'or'"),
    ("wellbeing => 30", "write '>='"),
    ("role == defender", "write role(defender)"),
    ("role != defender", "write not role(defender)"),
    ("role(verdediger)", "'verdediger' is not a role; the roles are: bystander, outsider"),
    ("took(suport)", "did you mean 'support'? (the stances are: outsider"),
    ("took(steun)", "'steun' is not a stance; the stances are: outsider, reinforcer"),
    ("visted(hallway)", "'visted' is not a function; did you mean 'visited'? (the functions "
                        "are: visited, chose, role, took, count, streak)"),
    ("welbeing < 30", "'welbeing' is not a meter of this story; did you mean 'wellbeing'? (its "
                      "meters are: wellbeing, isolation)"),
    ("moed > 3", "its meters are: wellbeing, isolation"),
]


@pytest.mark.parametrize("condition,fragment", CONDITIONS, ids=[c[0] for c in CONDITIONS])
def test_a_condition_mistake_names_the_way_it_is_written(tmp_path, condition, fragment):
    loaded, text = _load_with(tmp_path, "when: chose(stand_by_sam)", f'when: "{condition}"')
    assert not loaded.ok
    hit = [i for i in loaded.issues if fragment in i.message]
    assert hit, [str(i) for i in loaded.issues]
    line = text.splitlines()[hit[0].pos.line - 1]
    assert condition in line


@pytest.mark.parametrize("condition,word", [("!took(support)", "'not'"),
                                            ("&& took(support)", "'and'")])
def test_a_condition_that_starts_with_a_sign_gets_the_word_it_meant(tmp_path, condition, word):
    loaded, _ = _load_with(tmp_path, "when: chose(stand_by_sam)", f"when: {condition}")
    assert not loaded.ok
    assert any(f"write {word}" in i.message for i in loaded.issues), \
        [str(i) for i in loaded.issues]


def test_text_after_a_closing_brace_is_named(tmp_path):
    loaded, _ = _load_with(tmp_path, BEAT, BEAT + " zei hij")
    assert any("nothing may follow the closing '}'" in i.message for i in loaded.issues), \
        [str(i) for i in loaded.issues]


def test_a_text_that_starts_with_a_closing_bracket_names_it(tmp_path):
    loaded, _ = _load_with(tmp_path, BEAT, BLOCK_BEAT.replace("Na de les.", "] zei hij"))
    assert any("']' ends a list" in i.message and 'nl: "] zei hij"' in i.message
               for i in loaded.issues), [str(i) for i in loaded.issues]


@pytest.mark.parametrize("text", [
    "note: " + "[" * 1_000_000,
    "t: " + "{a " * 300_000 + "#\nx: 1\n",
    "t: {nl: " + '"a' * 300_000 + "\nx: 1\n",
    "t: {nl: a,\n" + "  b #,\n" * 50_000 + "  x: y: z}\n",
])
def test_reading_a_hostile_line_for_its_cause_stays_quick(text):
    """The hints read the lines around a syntax error; whatever they hold (a million `[`, as
    tests/reliability tries), that reading must not make a refusal slow."""
    import time
    start = time.process_time()
    loaded = load("hostile.yaml", data=text.encode())
    assert not loaded.ok and time.process_time() - start < 5
