"""Problems found in a scenario, each tied to a place in its file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

Severity = Literal["error", "warning"]


class Pos(NamedTuple):
    """A place in a scenario file, 1-based, as editors count. A tuple: a large file has 100,000s."""

    path: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True, order=True)
class Issue:
    """One problem: where it is, how bad it is, and what to do about it."""

    pos: Pos
    """Where in the file the problem is."""
    message: str
    """What is wrong, in plain words, with a hint where one helps."""
    severity: Severity = "error"
    """Errors refuse the file; warnings are shown and fail only `check --strict`."""
    code: str = ""
    """The name of the check that found it, for tests and for silencing nothing by accident."""
    source: str = field(default="", compare=False)
    """The text of the line at `pos`, as the file has it, when the loader had the file to hand
    (it fills this in from the bytes it read): with `pos.col`, what a front end needs to show
    the line with a mark under the place (`excerpt.py`). Not part of the one-line form."""

    def __str__(self) -> str:
        prefix = "" if self.severity == "error" else "warning: "
        return f"{self.pos}: {prefix}{self.message}"


class ScenarioError(Exception):
    """A scenario file was refused. Carries every issue found, errors first."""

    def __init__(self, issues: list[Issue]):
        self.issues = sorted(issues, key=lambda i: (i.severity != "error", i.pos.line, i.pos.col))
        super().__init__("\n".join(str(i) for i in self.issues))


def errors(issues: list[Issue]) -> list[Issue]:
    """Only the issues that refuse a file."""
    return [i for i in issues if i.severity == "error"]
