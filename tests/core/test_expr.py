"""The condition language: parsed once, evaluated by walking a tree, never eval."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from game.core import expr

CTX = SimpleNamespace(meters={"wellbeing": 40, "isolation": 70}, visited={"hallway"},
                      chosen={"walk_on"}, role="outsider", stances={"outsider"})


@pytest.mark.parametrize("text,expected", [
    ("wellbeing < 50", True),
    ("wellbeing >= 41", False),
    ("50 > wellbeing", True),
    ("wellbeing == 40 and isolation != 70", False),
    ("wellbeing == 40 or isolation != 70", True),
    ("not visited(canteen)", True),
    ("visited(hallway) and chose(walk_on)", True),
    ("role(outsider) and not took(report)", True),
    ("(wellbeing < 10 or isolation > 60) and true", True),
    ("not not false", False),
    ("wellbeing<50", True),
    ("  isolation   >=  -5 ", True),
])
def test_conditions_evaluate(text, expected):
    assert expr.evaluate(expr.parse(text), CTX) is expected


@pytest.mark.parametrize("text,offset,fragment", [
    ("", 0, "empty"),
    ("wellbeing <", 11, "meter or a number"),
    ("wellbeing", 9, "comparison"),
    ("wellbeing < 30 isolation > 2", 15, "'and' or 'or'"),
    ("visited canteen", 8, "expected '('"),
    ("visited(30)", 8, "takes a name"),
    ("(wellbeing < 3", 14, "expected ')'"),
    ("wellbeing < 3 & x", 14, "unexpected character"),
    ("__import__('os')", 11, "unexpected character"),
    ("3 < 4", 0, "compare a meter with a number"),
    ("wellbeing < isolation", 0, "compare a meter with a number"),
    ("x" * 501, 500, "longer than 500"),
])
def test_bad_conditions_say_where(text, offset, fragment):
    with pytest.raises(expr.ExprError) as info:
        expr.parse(text)
    assert fragment in info.value.message
    assert info.value.offset == offset


def test_names_lists_what_a_condition_mentions():
    tree = expr.parse("wellbeing < 3 or (visited(hall) and not role(defender))")
    assert [(n.kind, n.name, n.offset) for n in expr.names(tree)] == [
        ("meter", "wellbeing", 0), ("visited", "hall", 26), ("role", "defender", 45)]


def test_no_python_is_ever_evaluated():
    # Anything that is not the grammar is refused at parse time, dunder names included.
    for text in ("__class__ < 3 or 1", "open(x)", "wellbeing.real < 3", "lambda: 1"):
        with pytest.raises(expr.ExprError):
            expr.parse(text)
