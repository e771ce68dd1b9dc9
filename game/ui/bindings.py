"""The keys a screen answers to, listed as data, as Textual's `BINDINGS` are.

Why: each screen had a chain of `if event.key in (...)` tests in its `handle_event`, about 330
lines in all, where which key does what could only be read by following the branches. Now a
screen lists its bindings (the keys, an action, what it does in words) and the base screen runs
`action_<name>` for a key that is bound (see `Screen.press_key`). An action that applies only
at some moments (the letters of a vote while counting, T when there is something to think
about) is allowed or not by the screen's `check_action`; a key whose actions are all not
allowed is handled as if it were not bound.

An action is a name, or a name with arguments as Python literals: "choose(2)", "type_digit('7')".
A key that does what the screen already does (as one of its buttons does) names that with
`calls`: `action_back = calls("back")`.
"""

from __future__ import annotations

import ast
from typing import NamedTuple

import pygame

DIGITS = tuple((getattr(pygame, f"K_{d}"), getattr(pygame, f"K_KP{d}")) for d in range(10))
"""The keys of each digit, 0 to 9: on the main keyboard and on the keypad."""
ENTER = (pygame.K_RETURN, pygame.K_KP_ENTER)
PLUS = (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS)
"""+, and = (the same key without Shift on most keyboards)."""
MINUS = (pygame.K_MINUS, pygame.K_KP_MINUS, pygame.K_UNDERSCORE)


def calls(method: str):
    """An action that runs the screen's own `method` with the binding's arguments. Looked up
    when the key is pressed, so a subclass's `method` is the one run."""
    def action(screen, *args):
        getattr(screen, method)(*args)
    action.__doc__ = f"Runs `{method}`."
    action.method = method
    return action


class Binding(NamedTuple):
    """Keys (pygame key codes), the action they run, and what it does in words. A named tuple:
    the title screen's module defines it on the way to the first frame, where a frozen
    dataclass costs five times as much."""

    keys: tuple[int, ...]
    action: str
    description: str

    @property
    def name(self) -> str:
        """The action's method is `action_<name>`."""
        return self.action.partition("(")[0]

    @property
    def args(self) -> tuple:
        """What is passed to the action's method: the literals in its brackets."""
        rest = self.action.partition("(")[2]
        return ast.literal_eval(f"({rest[:-1]},)") if rest else ()
