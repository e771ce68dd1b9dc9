"""A small, safe language for conditions: `wellbeing < 30 and count(active) >= 2`.

Conditions are parsed into a tree of tuples and evaluated by walking it. Nothing is ever passed to
`eval`. What a condition may say:

- comparisons of a meter with a whole number: `wellbeing < 30`, `isolation >= 60`, `safety == 50`
  (`<`, `<=`, `>`, `>=`, `==`, `!=`; the number may also stand on the left);
- counts over the road the player took, compared with a number or with each other:
  `count(support) >= 2` (how many choices of that stance), `count(active) > count(passive)`,
  `streak(passive) >= 3` (how many of the latest choices in a row); a stance may be one of the
  seven stances or a family, `active` or `passive`, and several may be listed: `count(confront,
  support)`;
- `visited(scene)`: the player has been in that scene;
- `chose(choice)`: the player took that choice;
- `took(stance)`: the player has taken that stance (or one of that family) at least once;
- `role(defender)`: the player's participant role right now;
- each of these four takes several names, meaning "any of them": `chose(laugh, forward_meme)`;
- `true`, `false`, `and`, `or`, `not` and parentheses.

`parse` is the one parser: the checker and the run both call it, so what `check` accepts is
exactly what a run can evaluate. It refuses a condition longer than `MAX_CHARS` or nested deeper
than `MAX_DEPTH`, which also bounds how deep `evaluate` recurses. Results are cached by text: a
story repeats conditions such as `visited(x)`, and the checker and the machines parse the same ones.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from . import vocab
from .limits import MAX_CONDITION_CHARS

FUNCTIONS = ("visited", "chose", "role", "took")
"""Functions that hold or not: `visited(canteen)`."""
COUNTERS = ("count", "streak")
"""Functions that give a number to compare: `count(support) >= 2`."""
FAMILIES: dict[str, frozenset[str]] = {
    "active": vocab.ACTIVE_STANCES,
    "passive": vocab.PASSIVE_STANCES,
}
"""Names that stand for several stances in `took`, `count` and `streak`."""
MAX_CHARS = MAX_CONDITION_CHARS
MAX_DEPTH = 12
"""Parentheses and `not`s inside each other. A real condition needs two or three levels."""

_COMPARISONS = {
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
}
_TOKEN = re.compile(r"\s*(?:(?P<num>[+-]?\d{1,7}(?!\d))|(?P<name>[A-Za-z_][A-Za-z0-9_]*)"
                    r"|(?P<op><=|>=|==|!=|<|>)|(?P<punct>[(),])|(?P<bad>\S))")
_KEYWORDS = ("and", "or", "not", "true", "false")


_SIGN_HINTS = {
    "&": "; use 'and'", "|": "; use 'or'", "!": "; use 'not' (or '!=' to compare)",
    "=": "; compare with '=='", "=>": "; write '>='", "=<": "; write '<='",
}
"""What a programmer's sign is in a condition: `&&` is `and`, `||` is `or`, `!` is `not`."""


class ExprError(Exception):
    """A condition that cannot be parsed; `offset` is where in the text it went wrong."""

    def __init__(self, message: str, offset: int):
        super().__init__(message)
        self.message = message
        self.offset = offset


# The parsed tree: plain tuples, cheap to walk and to compare in tests.
#   ("const", bool) | ("not", node) | ("and", (node, ...)) | ("or", (node, ...))
#   ("call", function, args)           args: ((name, offset), ...)
#   ("cmp", op, left, right)           operands: ("num", n) | ("meter", name, offset)
#                                                 | ("count" or "streak", args)
Node = tuple


@dataclass(frozen=True)
class Name:
    """A name a condition uses, with where it stands, so the checker can point at it."""

    kind: str
    """`meter`, or the function (one of FUNCTIONS or COUNTERS) whose argument it is."""
    name: str
    offset: int


class Context(Protocol):
    """What a condition is evaluated against: the run's state, or the road as a choice would
    leave it (see `machines.py`)."""

    meters: dict[str, int]
    visited: set[str]
    chosen: set[str]
    role: str
    road: Sequence[str]
    """The stance of every choice taken, in order."""
    counts: dict[str, int]
    """How many choices of each stance the road holds."""


def stance_set(names: Sequence[str]) -> frozenset[str]:
    """The stances a list of stance or family names stands for."""
    out: set[str] = set()
    for name in names:
        out |= FAMILIES.get(name, {name})
    return frozenset(out)


def _tokens(text: str) -> list[tuple[str, str, int]]:
    out = []
    pos = 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None:  # only trailing white space is left
            break
        kind = match.lastgroup or ""
        if kind == "bad":
            bad = match.group(kind)
            if bad.isdigit():
                raise ExprError("that number is too long: numbers have at most 7 digits",
                                match.start(kind))
            pair = text[match.start(kind):match.start(kind) + 2]
            hint = _SIGN_HINTS.get(pair) or _SIGN_HINTS.get(bad, "")
            raise ExprError(f"unexpected character '{bad}'{hint}", match.start(kind))
        out.append((kind, match.group(kind), match.start(kind)))
        pos = match.end()
    out.append(("end", "", len(text)))
    return out


class _Parser:
    def __init__(self, text: str):
        self.text = text
        self.tokens = _tokens(text)
        self.i = 0
        self.depth = 0

    def peek(self) -> tuple[str, str, int]:
        return self.tokens[self.i]

    def take(self) -> tuple[str, str, int]:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def expect(self, value: str) -> None:
        kind, text, offset = self.take()
        if text != value:
            found = "the end" if kind == "end" else f"'{text}'"
            raise ExprError(f"expected '{value}' but found {found}", offset)

    def deeper(self, offset: int) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExprError(f"the condition is nested more than {MAX_DEPTH} deep: write it "
                            "more simply", offset)

    def parse(self) -> Node:
        if self.peek()[0] == "end":
            raise ExprError("the condition is empty", 0)
        node = self.or_expr()
        kind, text, offset = self.peek()
        if kind != "end":
            raise ExprError(f"unexpected '{text}'; join conditions with 'and' or 'or'", offset)
        return node

    def or_expr(self) -> Node:
        parts = [self.and_expr()]
        while self.peek()[1] == "or":
            self.take()
            parts.append(self.and_expr())
        return parts[0] if len(parts) == 1 else ("or", tuple(parts))

    def and_expr(self) -> Node:
        parts = [self.not_expr()]
        while self.peek()[1] == "and":
            self.take()
            parts.append(self.not_expr())
        return parts[0] if len(parts) == 1 else ("and", tuple(parts))

    def not_expr(self) -> Node:
        kind, text, offset = self.peek()
        if text == "not":
            self.take()
            self.deeper(offset)
            node = ("not", self.not_expr())
            self.depth -= 1
            return node
        return self.primary()

    def primary(self) -> Node:
        kind, text, offset = self.peek()
        if text == "(":
            self.take()
            self.deeper(offset)
            node = self.or_expr()
            self.expect(")")
            self.depth -= 1
            return node
        if kind == "name" and text in ("true", "false"):
            self.take()
            return ("const", text == "true")
        if kind == "name" and text in FUNCTIONS:
            self.take()
            return ("call", text, self.arguments(text))
        left = self.operand()
        op_kind, op, op_offset = self.take()
        if op_kind != "op":
            found = "the end" if op_kind == "end" else f"'{op}'"
            what = left[1] if left[0] in ("meter", "num") else f"{left[0]}(...)"
            raise ExprError(f"expected a comparison such as < or >= after '{what}', "
                            f"found {found}", op_offset)
        right = self.operand()
        sides = {left[0], right[0]}
        if sides == {"num"} or "meter" in sides and sides != {"meter", "num"}:
            raise ExprError("compare a meter with a number, e.g. wellbeing < 30, or a count "
                            "with a number or a count, e.g. count(active) >= 2", offset)
        return ("cmp", op, left, right)

    def not_compared(self, function: str, offset: int) -> None:
        """`role == defender`, as a programmer would write it: say how it is written here."""
        _kind, op, _offset = self.peek()
        after = self.tokens[self.i + 1] if self.i + 1 < len(self.tokens) else ("end", "", 0)
        if op in ("==", "!=") and after[0] == "name":
            negated = "not " if op == "!=" else ""
            raise ExprError(f"write {negated}{function}({after[1]}), not {function} {op} "
                            f"{after[1]}", offset)

    def arguments(self, function: str) -> tuple[tuple[str, int], ...]:
        """`(name, name, ...)` after a function's name."""
        self.not_compared(function, self.tokens[self.i - 1][2])
        self.expect("(")
        args = []
        while True:
            arg_kind, arg, arg_offset = self.take()
            if arg_kind != "name" or arg in _KEYWORDS:
                raise ExprError(f"{function}(...) takes names, e.g. "
                                f"{function}({_EXAMPLE[function]})", arg_offset)
            args.append((arg, arg_offset))
            if self.peek()[1] != ",":
                break
            self.take()
        self.expect(")")
        return tuple(args)

    def operand(self) -> Node:
        kind, text, offset = self.take()
        if kind == "num":
            return ("num", int(text))
        if kind == "name" and text in COUNTERS:
            return (text, self.arguments(text))
        if kind == "name" and text in FUNCTIONS:
            self.not_compared(text, offset)
            raise ExprError(f"{text}(...) holds or not; it cannot be compared: to count, "
                            f"use count(...)", offset)
        if kind == "name" and text not in _KEYWORDS and self.peek()[1] == "(":
            functions = FUNCTIONS + COUNTERS
            close = _close(text, functions)
            listed = f"the functions are: {', '.join(functions)}"
            raise ExprError(f"'{text}' is not a function"
                            + (f"{close} ({listed})" if close else f"; {listed}"), offset)
        if kind == "name" and text not in _KEYWORDS:
            return ("meter", text, offset)
        found = "the end" if kind == "end" else f"'{text}'"
        raise ExprError(f"expected a meter, a count or a number, found {found}", offset)


def _close(word: str, options: Sequence[str]) -> str:
    """"; did you mean 'x'?" for the option nearest `word`, as the checker's messages say."""
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


_EXAMPLE = {"visited": "canteen", "chose": "tell_mentor", "role": "defender", "took": "report",
            "count": "support", "streak": "passive"}


@lru_cache(maxsize=4096)
def parse(text: str) -> Node:
    """Parse a condition; raises ExprError with the offset of the problem."""
    if len(text) > MAX_CHARS:
        raise ExprError(f"the condition is longer than {MAX_CHARS} characters", MAX_CHARS)
    return _Parser(text).parse()


def names(node: Node) -> list[Name]:
    """Every meter and function argument a condition mentions, for the checker."""
    kind = node[0]
    if kind == "cmp":
        out = []
        for side in node[2:]:
            if side[0] == "meter":
                out.append(Name("meter", side[1], side[2]))
            elif side[0] in COUNTERS:
                out += [Name(side[0], arg, offset) for arg, offset in side[1]]
        return out
    if kind == "call":
        return [Name(node[1], arg, offset) for arg, offset in node[2]]
    if kind == "not":
        return names(node[1])
    if kind in ("and", "or"):
        return [name for part in node[1] for name in names(part)]
    return []


def reads_the_road(node: Node) -> bool:
    """Whether a condition depends on the run at all (anything but `true` and `false`)."""
    kind = node[0]
    if kind == "const":
        return False
    if kind == "not":
        return reads_the_road(node[1])
    if kind in ("and", "or"):
        return any(reads_the_road(part) for part in node[1])
    return True


def reads_only_meters(node: Node) -> bool:
    """Whether a condition reads nothing of the run but its meters: its answer can change only
    when a meter does."""
    kind = node[0]
    if kind == "const":
        return True
    if kind == "cmp":
        return all(side[0] in ("meter", "num") for side in node[2:])
    if kind == "not":
        return reads_only_meters(node[1])
    if kind in ("and", "or"):
        return all(reads_only_meters(part) for part in node[1])
    return False


def _number(side: Node, ctx: Context) -> int:
    kind = side[0]
    if kind == "num":
        return side[1]
    if kind == "meter":
        return ctx.meters[side[1]]
    stances = stance_set([arg for arg, _ in side[1]])
    if kind == "count":
        return sum(ctx.counts.get(stance, 0) for stance in stances)
    n = 0  # streak: the latest choices in a row
    for stance in reversed(ctx.road):
        if stance not in stances:
            break
        n += 1
    return n


def evaluate(node: Node, ctx: Context) -> bool:
    """Whether the condition holds for the run in `ctx`."""
    kind = node[0]
    if kind == "cmp":
        return _COMPARISONS[node[1]](_number(node[2], ctx), _number(node[3], ctx))
    if kind == "and":
        return all(evaluate(part, ctx) for part in node[1])
    if kind == "or":
        return any(evaluate(part, ctx) for part in node[1])
    if kind == "not":
        return not evaluate(node[1], ctx)
    if kind == "call":
        function, args = node[1], [arg for arg, _ in node[2]]
        if function == "visited":
            return any(arg in ctx.visited for arg in args)
        if function == "chose":
            return any(arg in ctx.chosen for arg in args)
        if function == "role":
            return ctx.role in args
        return any(ctx.counts.get(stance) for stance in stance_set(args))
    return bool(node[1])


def may_hold(node: Node, ranges: dict[str, tuple[int, int]]) -> bool:
    """False when a condition can never hold, whatever the road: it compares a meter with a
    value outside the meter's range (`wellbeing > 100` for a meter of 0..100), a count with a
    negative number, or is `false`. True when it may hold (the checker's reachability)."""
    return _may(node, ranges) is not False


def _may(node: Node, ranges: dict[str, tuple[int, int]]) -> bool | None:
    """True: always holds; False: never; None: depends on the road."""
    kind = node[0]
    if kind == "const":
        return node[1]
    if kind == "not":
        inner = _may(node[1], ranges)
        return None if inner is None else not inner
    if kind in ("and", "or"):
        parts = [_may(part, ranges) for part in node[1]]
        if kind == "and":
            return False if False in parts else (True if all(parts) else None)
        return True if True in parts else (False if all(p is False for p in parts) else None)
    if kind == "cmp":
        left, right = (_interval(side, ranges) for side in node[2:])
        if left is None or right is None:
            return None
        op = node[1]
        if op in ("==", "!="):
            overlap = left[0] <= right[1] and right[0] <= left[1]
            same_point = left[0] == left[1] == right[0] == right[1]
            equal = True if same_point else (None if overlap else False)
            return equal if op == "==" or equal is None else not equal
        compare = _COMPARISONS[op]
        # For an order, the ends of the intervals decide whether it always or never holds.
        outcomes = {compare(a, b) for a in left for b in right}
        return outcomes.pop() if len(outcomes) == 1 else None
    return None


def _interval(side: Node, ranges: dict[str, tuple[int, int]]) -> tuple[int, int] | None:
    if side[0] == "num":
        return side[1], side[1]
    if side[0] == "meter":
        return ranges.get(side[1])
    return 0, 10**6  # a count is never below 0
