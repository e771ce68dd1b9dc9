"""The authoring guides hold to the format: the example is the checked example file, word for word,
and the tables of "Every field" / "Alle velden" list every field of `model.py`, no other, with
every value a field may take and its default, so the guides cannot drift from the format."""

from __future__ import annotations

import dataclasses
import re
import typing

import pytest

from testpaths import MINI, ROOT
from game.core import model
from game.core.loader import load

GUIDES = {"README.md": "required", "LEESMIJ.md": "verplicht"}
"""Each guide, and how it says that a field must be given."""


def test_guide_example_is_the_checked_example():
    guide = (ROOT / "scenes" / "README.md").read_text(encoding="utf-8")
    assert MINI.read_text(encoding="utf-8") in guide


def test_dutch_guide_example_is_the_checked_example():
    guide = (ROOT / "scenes" / "LEESMIJ.md").read_text(encoding="utf-8")
    assert MINI.read_text(encoding="utf-8") in guide


def _classes() -> list[type]:
    """Every class of the format, found from `Scenario` down its type hints: a class added to
    the format needs a table without anyone remembering to add it here."""
    found: list[type] = []

    def visit(hint) -> None:
        if dataclasses.is_dataclass(hint) and hint not in found:
            found.append(hint)
            for value in typing.get_type_hints(hint, vars(model)).values():
                visit(value)
        for arg in typing.get_args(hint):
            visit(arg)

    visit(model.Scenario)
    return found


def _fields(cls: type) -> list[dataclasses.Field]:
    """The fields an author writes: not the bookkeeping, not the id that is a mapping's key."""
    return [f for f in dataclasses.fields(cls)
            if not f.metadata.get("bookkeeping") and not f.metadata.get("from_key")]


def _literals(hint) -> list[str]:
    """Every fixed value a field's type allows, through Optional, list and dict."""
    if typing.get_origin(hint) is typing.Literal:
        return [str(arg) for arg in typing.get_args(hint)]
    return [value for arg in typing.get_args(hint) for value in _literals(arg)]


def _tables(guide: str) -> dict[str, dict[str, str]]:
    """The table after each `<a id="fields-...">` anchor: field name -> its row."""
    tables: dict[str, dict[str, str]] = {}
    for anchor in re.finditer(r'<a id="fields-([a-z]+)"></a>', guide):
        rows: dict[str, str] = {}
        lines = guide[anchor.end():].splitlines()
        start = next(i for i, line in enumerate(lines) if line.startswith("|"))
        for line in lines[start + 2:]:
            if not line.startswith("|"):
                break
            name = re.match(r"\| `([a-z_]+)`", line)
            assert name, f"a row that names no field: {line}"
            rows[name.group(1)] = line
        tables[anchor.group(1)] = rows
    return tables


@pytest.mark.parametrize("guide,required", GUIDES.items())
def test_the_guide_lists_every_field_of_every_class_and_no_other(guide, required):
    tables = _tables((ROOT / "scenes" / guide).read_text(encoding="utf-8"))
    classes = {cls.__name__.lower(): cls for cls in _classes()}
    assert tables.keys() == classes.keys()
    for key, cls in classes.items():
        assert list(tables[key]) == [f.name for f in _fields(cls)], cls.__name__


@pytest.mark.parametrize("guide,required", GUIDES.items())
def test_the_guide_lists_every_value_and_default(guide, required):
    tables = _tables((ROOT / "scenes" / guide).read_text(encoding="utf-8"))
    for cls in _classes():
        hints = typing.get_type_hints(cls, vars(model))
        for f in _fields(cls):
            row = tables[cls.__name__.lower()][f.name]
            cells = [cell.strip() for cell in row.strip().strip("|").split(" | ")]
            for value in _literals(hints[f.name]):
                assert f"`{value}`" in cells[1], (cls.__name__, f.name, value)
            if hints[f.name] is bool:
                assert "`true`" in cells[1] and "`false`" in cells[1], (cls.__name__, f.name)
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                assert cells[2] == required, (cls.__name__, f.name, cells[2])
            elif isinstance(f.default, (bool, int, str)):
                shown = str(f.default).lower() if isinstance(f.default, bool) else f.default
                assert cells[2] == f"`{shown}`", (cls.__name__, f.name, cells[2])
            else:
                assert cells[2] != required, (cls.__name__, f.name)


def test_an_unknown_look_field_lists_the_valid_ones(tmp_path):
    text = MINI.read_text(encoding="utf-8").replace("top: green}", "top: green, shoes: red}")
    path = tmp_path / "story.yaml"
    path.write_text(text, encoding="utf-8")
    issue = next(i for i in load(path).issues if i.code == "unknown_field")
    names = [f.name for f in _fields(model.Look)]
    assert f"(the fields here are: {', '.join(names)})" in issue.message
