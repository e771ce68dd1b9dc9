"""Reading a teacher's line for the cause of a problem takes time in proportion to the line
(issue 17's audit): no search here goes back over the line from every place on it. Each part is
timed on 50,000-character lines made to be the worst for what it replaced (a regular expression
that took minutes on them), with the 2,000-character guard of `syntax_hint` lifted, and holds
the same answers as the expression it replaced."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.core import yamlhints
from game.core.loader import load

N = 50_000
WORST = {
    "unclosed double quotes": '"\\' * (N // 2),
    "one open quote": '"' + "a" * N,
    "single quotes": "'" * N + "x",
    "single pairs, unclosed": "'" + "''a" * (N // 3),
    "a long key, no colon": "a" * N,
    "a long key, then spaces": "a" * N + " " * 10,
    "spaces": " " * N,
    "colon values": ": '" * (N // 3),
    "brackets": "{[" * (N // 2),
}
OLD_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)[ \t]*:[ \t]*$")
OLD_OUTSIDE = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^']|'')*'")


def _fast(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


@pytest.mark.parametrize("line", list(WORST.values()), ids=list(WORST))
def test_each_reading_of_a_line_is_linear(line, monkeypatch):
    monkeypatch.setattr(yamlhints, "MAX_LINE", 10 * N)
    assert _fast(lambda: yamlhints._key_before(line, len(line))) < 0.5
    assert _fast(lambda: yamlhints.outside_quotes(line)) < 0.5
    assert _fast(lambda: yamlhints._open_quote([line, "x: y"], 0, 1)) < 0.5
    assert _fast(lambda: yamlhints._sign_at(line, len(line) - 1)) < 0.5
    assert _fast(lambda: yamlhints._colon_hint(line, len(line) // 2)) < 0.5


@pytest.mark.parametrize("line", list(WORST.values()), ids=list(WORST))
def test_a_file_with_such_a_line_is_refused_quickly(line, tmp_path):
    path = tmp_path / "long.yaml"
    path.write_text(f"id: x\ntitle: {{nl: {line}\n  en: y}}\n", encoding="utf-8")
    took = _fast(lambda: load(path))
    assert took < 1.0


ALPHABET = st.text(alphabet="ab'\"\\ {}[]:,#9_\t-", max_size=16)


@given(ALPHABET, st.integers(min_value=0, max_value=16))
def test_the_key_before_a_place_is_what_the_expression_found(line, at):
    found = OLD_KEY.search(line[:at])
    assert yamlhints._key_before(line, at) == (found.group(1) if found else None)


@given(ALPHABET)
def test_the_line_outside_quotes_is_what_the_expression_left(line):
    assert yamlhints.outside_quotes(line) == OLD_OUTSIDE.sub("", line)
