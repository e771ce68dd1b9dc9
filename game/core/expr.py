"""A small, safe language for conditions: `wellbeing < 30 and not visited(canteen)`.

Conditions are parsed once, at load time, into a tree of tuples and evaluated by walking it. Nothing
is ever passed to `eval`. What a condition may say:

- comparisons of a meter with a whole number: `wellbeing < 30`, `isolation >= 60`, `safety == 50`
  (`<`, `<=`, `>`, `>=`, `==`, `!=`; the number may also stand on the left);
- `visited(scene)`: the player has been in that scene;
- `chose(choice)`: the player took that choice;
- `role(defender)`: the player's participant role right now;
- `took(stance)`: the player has taken that stance at least once;
- `true`, `false`, `and`, `or`, `not` and parentheses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

FUNCTIONS = ("visited", "chose", "role", "took")
_COMPARISONS = {
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
}
_TOKEN = re.compile(r"\s*(?:(?P<num>[+-]?\d+)|(?P<name>[A-Za-z_][A-Za-z0-9_]*)"
                    r"|(?P<op><=|>=|==|!=|<|>)|(?P<punct>[(),])|(?P<bad>\S))")


class ExprError(Exception):
    """A condition that cannot be parsed; `offset` is where in the text it went wrong."""

    def __init__(self, message: str, offset: int):
        super().__init__(message)
        self.message = message
        self.offset = offset


# The parsed tree: plain tuples, cheap to walk and to compare in tests.
#   ("const", bool) | ("cmp", op, left, right) with operands ("meter", name, offset) or ("num", n)
#   ("call", function, argument, offset) | ("not", expr) | ("and", a, b) | ("or", a, b)
Node = tuple


@dataclass(frozen=True)
class Name:
    """A name a condition uses, with where it stands, so the checker can point at it."""

    kind: str
    """`meter`, or one of FUNCTIONS for a function's argument."""
    name: str
    offset: int


class Context(Protocol):
    """What a condition is evaluated against: the run's state."""

    meters: dict[str, int]
    visited: set[str]
    chosen: set[str]
    role: str
    stances: set[str]


def _tokens(text: str) -> list[tuple[str, str, int]]:
    out = []
    pos = 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None:  # only trailing white space is left
            break
        kind = match.lastgroup or ""
        if kind == "bad":
            raise ExprError(f"unexpected character '{match.group(kind)}'", match.start(kind))
        out.append((kind, match.group(kind), match.start(kind)))
        pos = match.end()
    out.append(("end", "", len(text)))
    return out


class _Parser:
    def __init__(self, text: str):
        self.text = text
        self.tokens = _tokens(text)
        self.i = 0

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

    def parse(self) -> Node:
        if self.peek()[0] == "end":
            raise ExprError("the condition is empty", 0)
        node = self.or_expr()
        kind, text, offset = self.peek()
        if kind != "end":
            raise ExprError(f"unexpected '{text}'; join conditions with 'and' or 'or'", offset)
        return node

    def or_expr(self) -> Node:
        node = self.and_expr()
        while self.peek()[1] == "or":
            self.take()
            node = ("or", node, self.and_expr())
        return node

    def and_expr(self) -> Node:
        node = self.not_expr()
        while self.peek()[1] == "and":
            self.take()
            node = ("and", node, self.not_expr())
        return node

    def not_expr(self) -> Node:
        if self.peek()[1] == "not":
            self.take()
            return ("not", self.not_expr())
        return self.comparison()

    def comparison(self) -> Node:
        kind, text, offset = self.peek()
        if text == "(":
            self.take()
            node = self.or_expr()
            self.expect(")")
            return node
        if kind == "name" and text in ("true", "false"):
            self.take()
            return ("const", text == "true")
        if kind == "name" and text in FUNCTIONS:
            self.take()
            self.expect("(")
            arg_kind, arg, arg_offset = self.take()
            if arg_kind != "name":
                raise ExprError(f"{text}(...) takes a name, e.g. {text}({_EXAMPLE[text]})",
                                arg_offset)
            self.expect(")")
            return ("call", text, arg, arg_offset)
        left = self.operand()
        op_kind, op, op_offset = self.take()
        if op_kind != "op":
            found = "the end" if op_kind == "end" else f"'{op}'"
            raise ExprError(f"expected a comparison such as < or >= after '{left[1]}', "
                            f"found {found}", op_offset)
        right = self.operand()
        if left[0] == right[0]:
            raise ExprError("compare a meter with a number, e.g. wellbeing < 30", offset)
        return ("cmp", op, left, right)

    def operand(self) -> Node:
        kind, text, offset = self.take()
        if kind == "num":
            return ("num", int(text))
        if kind == "name" and text not in ("and", "or", "not", "true", "false"):
            return ("meter", text, offset)
        found = "the end" if kind == "end" else f"'{text}'"
        raise ExprError(f"expected a meter or a number, found {found}", offset)


_EXAMPLE = {"visited": "canteen", "chose": "tell_mentor", "role": "defender", "took": "report"}


def parse(text: str) -> Node:
    """Parse a condition; raises ExprError with the offset of the problem."""
    if len(text) > 500:
        raise ExprError("the condition is longer than 500 characters", 500)
    return _Parser(text).parse()


def names(node: Node) -> list[Name]:
    """Every meter and function argument a condition mentions, for the checker."""
    kind = node[0]
    if kind == "cmp":
        return [Name("meter", side[1], side[2]) for side in node[2:] if side[0] == "meter"]
    if kind == "call":
        return [Name(node[1], node[2], node[3])]
    if kind == "not":
        return names(node[1])
    if kind in ("and", "or"):
        return names(node[1]) + names(node[2])
    return []


def evaluate(node: Node, ctx: Context) -> bool:
    """Whether the condition holds for the run in `ctx`."""
    kind = node[0]
    if kind == "cmp":
        left, right = (ctx.meters[side[1]] if side[0] == "meter" else side[1]
                       for side in node[2:])
        return _COMPARISONS[node[1]](left, right)
    if kind == "and":
        return evaluate(node[1], ctx) and evaluate(node[2], ctx)
    if kind == "or":
        return evaluate(node[1], ctx) or evaluate(node[2], ctx)
    if kind == "not":
        return not evaluate(node[1], ctx)
    if kind == "call":
        function, arg = node[1], node[2]
        if function == "visited":
            return arg in ctx.visited
        if function == "chose":
            return arg in ctx.chosen
        if function == "role":
            return ctx.role == arg
        return arg in ctx.stances
    return bool(node[1])

