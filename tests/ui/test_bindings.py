"""Key bindings as data (game/ui/bindings.py): every screen's bindings name actions it has, and
the base runs them, or lets a key its screen does not allow now go on to the focus list."""

from __future__ import annotations

import importlib
import inspect
import os
import pkgutil

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402
import pytest  # noqa: E402

import game.ui.screens  # noqa: E402
from game.ui.bindings import Binding  # noqa: E402
from game.ui.screens.base import Screen  # noqa: E402
from game.ui.widgets import Button  # noqa: E402


def screen_classes() -> list[type]:
    for info in pkgutil.iter_modules(game.ui.screens.__path__):
        importlib.import_module(f"game.ui.screens.{info.name}")
    found, todo = [], [Screen]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return sorted(set(found), key=lambda c: c.__qualname__)


def test_an_action_is_a_name_with_literal_arguments():
    assert (Binding((1,), "advance", "Go on").name, Binding((1,), "advance", "").args) == (
        "advance", ())
    choose = Binding((1,), "choose(2)", "The third choice")
    assert (choose.name, choose.args) == ("choose", (2,))
    digit = Binding((1,), "type_digit('7')", "Seven")
    assert (digit.name, digit.args) == ("type_digit", ("7",))
    assert Binding((1,), "move(-1)", "Up").args == (-1,)


@pytest.mark.parametrize("cls", screen_classes(), ids=lambda c: c.__qualname__)
def test_every_binding_names_an_action_of_its_screen(cls):
    for b in cls.BINDINGS:
        assert b.keys and b.description, b
        action = getattr(cls, f"action_{b.name}", None)
        assert callable(action), f"{cls.__name__} has no action_{b.name}"
        method = getattr(cls, getattr(action, "method", f"action_{b.name}"), None)
        assert callable(method), f"{cls.__name__}.action_{b.name} calls {action.method}: none"
        inspect.signature(method).bind(None, *b.args)  # raises when the arguments do not fit


class _Screen(Screen):
    """A screen with one button and three bindings, one of them allowed only sometimes."""

    BINDINGS = (Binding((pygame.K_a,), "say('a')", "A"),
                Binding((pygame.K_b,), "say('b')", "B, when allowed"),
                Binding((pygame.K_b, pygame.K_c), "say('bc')", "B when B is not, and C"))

    def __init__(self, app):
        super().__init__(app)
        self.said: list[str] = []
        self.allow_b = True
        self.button = Button("Press", lambda: self.said.append("pressed"))

    def check_action(self, name: str, args: tuple) -> bool:
        return args != ("b",) or self.allow_b

    def action_say(self, what: str) -> None:
        self.said.append(what)

    def buttons(self) -> list[Button]:
        return [self.button]


def _key(k: int) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="", scancode=0)


def test_the_first_allowed_binding_of_a_key_runs_and_others_go_to_the_focus_list():
    screen = _Screen(app=None)
    assert screen.handle_event(_key(pygame.K_a)) is True
    assert screen.handle_event(_key(pygame.K_b)) is True
    screen.allow_b = False
    assert screen.handle_event(_key(pygame.K_b)) is True   # the next binding of B
    assert screen.said == ["a", "b", "bc"]
    assert screen.handle_event(_key(pygame.K_TAB)) is True  # not bound: the focus list
    assert screen.handle_event(_key(pygame.K_RETURN)) is True
    assert screen.said[-1] == "pressed"
    assert not screen.handle_event(_key(pygame.K_x))
