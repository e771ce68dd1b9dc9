"""The base every screen shares: a layout apart from drawing, a drawing that records what did not
fit, and `FramedScreen`, the screens in chrome (chrome.py places the chrome itself)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

import pygame

from ..bindings import Binding
from ..drawing import Drawing
from ..i18n import t
from ..layers import Layer
from ..theme import Theme
from ..widgets import Button, FocusList
from .chrome import corner_buttons

if TYPE_CHECKING:
    from ..app import App


class Screen:
    """A screen on the app's stack.

    Three steps, each in one place: `place()` lays the screen out (every button and area: where
    the buttons go and what they do, the boxes that text goes into), and `layout()` keeps what
    it placed until the theme, the language or `layout_state()` changes; `draw()` draws what was
    placed, fitting text into its boxes through `self.drawing`, which records what did not fit
    (`overflows()`); `handle_event` meets the same layout's buttons: a key bound in `BINDINGS`
    runs its action (see bindings.py), anything else goes to `handle_input`.

    `handle_event` returns something truthy when the screen must be redrawn; `update` returns
    whether it is still animating (the app then draws at the screen's `frame_rate`, otherwise it
    idles at 20 Hz and redraws only on change).
    """

    BINDINGS: ClassVar[tuple[Binding, ...]] = ()
    """The keys this screen answers to, and what they do (see bindings.py)."""

    takes_text: bool = False
    """Whether the screen is taking typed text now (a class label): the app's own letter keys
    (L for the language) then leave the keyboard to it."""

    frame_rate: ClassVar[int | None] = None
    """Frames a second while `update` says the screen animates; None: the app's full rate
    (`app.ANIMATING_FPS`). Every frame costs a share of a core all the time it moves: a screen
    whose motion is smooth at fewer frames says so here."""

    KEPT_FOR_THE_NEXT_START: ClassVar[bool] = False
    """Whether this screen's first frame, when it is a start's first, is kept for the next start
    to show before it has loaded (the title's: see title_snapshot.py)."""

    _layer: Layer | None = None
    _layout: object = None
    _layout_key: tuple | None = None
    changed: list[pygame.Rect] | None = None
    """What the last `draw()` changed, when it drew over its own previous frame and changed
    only that; None when it drew the whole screen. The app presents only these parts."""

    def __init__(self, app: "App"):
        self.app = app
        self.drawing = Drawing()
        """The last composition's record of what did not fit (see `composing`)."""
        self.focus = FocusList()
        """Keyboard focus over the layout's buttons (Tab, Up, Down; Enter presses)."""

    @property
    def theme(self) -> Theme:
        return self.app.theme

    @property
    def lang(self) -> str:
        return self.app.lang

    def t(self, key: str, **values: object) -> str:
        return t(key, self.app.lang, **values)

    def handle_event(self, event: pygame.event.Event) -> object:
        if event.type == pygame.KEYDOWN and self.press_key(event.key):
            return True
        return self.handle_input(event)

    def press_key(self, key: int) -> bool:
        """Run the first action bound to `key` that `check_action` allows; whether one ran."""
        for binding in self.BINDINGS:
            if key in binding.keys and self.check_action(binding.name, binding.args):
                getattr(self, f"action_{binding.name}")(*binding.args)
                return True
        return False

    def check_action(self, name: str, args: tuple) -> bool:
        """Whether the action `name` (with `args`) may run now: always, unless the screen says
        otherwise. A key whose actions may not run is handled as if it were not bound."""
        return True

    def handle_input(self, event: pygame.event.Event) -> object:
        """Everything but a bound key: by default the focus list over the layout's buttons
        (Tab, Up and Down move the focus, Enter and Space press, the mouse clicks)."""
        self.focus.buttons = self.buttons()
        return self.focus.press(event)

    def action_press_or(self, method: str) -> None:
        """Enter (or Space): the focused button's action, and when no button with an action has
        the focus, the screen's `method` (go on, play, start...)."""
        self.focus.buttons = self.buttons()
        focused = self.focus.focused
        if focused is not None and focused.action is not None:
            focused.action()
        else:
            getattr(self, method)()

    def update(self, dt: float) -> bool:
        return False

    def draw(self, surface: pygame.Surface) -> None:
        """The whole picture, composed afresh each frame; screens with a static layer (see
        `static_layer`) draw from it instead."""
        self.draw_afresh(surface, self.compose)

    def compose(self, surface: pygame.Surface) -> None:
        """Draw the screen's picture onto `surface`, as `layout()` placed it."""
        raise NotImplementedError

    def layout(self):
        """Where this screen's buttons and areas are now: placed by `place()` for the theme, the
        language and `layout_state()`, and kept until one of them changes, as the static layer is
        (see layers.py). Drawing draws what it placed, and events meet the same buttons: a click
        right after a key press that changed the screen lands on what the screen shows now, never
        on last frame's rectangles."""
        key = self.layer_key(*self.layout_state())
        if self._layout is None or self._layout_key != key:
            self._layout = None  # a place() that raises must not leave the old layout valid
            self._layout = self.place()
            self._layout_key = key
        return self._layout

    def layout_state(self) -> tuple:
        """Everything besides the theme and the language that the layout depends on, which the
        screen must list in full (as it does for its static layer)."""
        return ()

    def place(self):
        """This screen's layout, placed afresh (see `layout`)."""
        return None

    def static_layer(self, surface: pygame.Surface, compose, *state: object) -> pygame.Surface:
        """This screen's static layer (see layers.py), the size of `surface`, composed by
        `compose(layer)` once per theme (window size, text size, contrast), language and
        `state`: everything else the picture depends on, which the screen must list in full."""
        if self._layer is None:
            self._layer = Layer()
        return self._layer.get(surface, self.layer_key(*state), self.composing(compose))

    def draw_static(self, surface: pygame.Surface, compose, *state: object) -> pygame.Surface:
        """Blit the static layer (see `static_layer`) onto `surface`; returns the layer."""
        layer = self.static_layer(surface, compose, *state)
        surface.blit(layer, (0, 0))
        return layer

    def composing(self, compose):
        """`compose`, drawing into a new `Drawing`: what did not fit is then what this
        composition could not fit, until the screen composes its picture again."""
        def run(surface: pygame.Surface) -> None:
            self.drawing = Drawing()
            compose(surface)
        return run

    def draw_afresh(self, surface: pygame.Surface, compose) -> None:
        """`compose` the whole picture straight onto `surface` (screens without a static layer:
        they draw everything each frame), recorded as `composing` says."""
        self.composing(compose)(surface)

    def layer_key(self, *state: object) -> tuple:
        return (self.theme, self.lang) + state

    _drawn_at = -2
    _drawn_key: object = None
    _drawn_on: pygame.Surface | None = None

    def window_shows_last_frame(self, surface: pygame.Surface, key: object) -> bool:
        """Whether `surface` still shows the frame this screen drew last, for the same `key`
        (what its still parts depend on), with nothing drawn since: then a frame need only put
        back and redraw what moves, and the app presents only those parts (`changed`). Records
        this frame as the last. Not when another screen drew it (a menu over it draws it first,
        then itself over it), nor after `frame_covered`."""
        shows = (key == self._drawn_key and surface is self._drawn_on
                 and self.app.frames_drawn == self._drawn_at + 1 and self.app.top is self)
        self._drawn_key, self._drawn_on, self._drawn_at = key, surface, self.app.frames_drawn
        return shows

    def frame_covered(self) -> None:
        """Something else was drawn over this screen's last frame, or the window lost it (the
        idle warning, an exposed window): the next frame is drawn whole."""
        self._drawn_at = -2

    def on_escape(self) -> None:
        """Esc: the pause menu, from every screen unless it says otherwise."""
        self.app.pause()

    def refresh(self) -> None:
        """The language, the settings or the window size changed: rebuild what depends on them."""

    def finish_animations(self) -> None:
        """Jump every animation to its end (reduced motion, screenshots)."""

    def overflows(self) -> list[str]:
        """Texts that did not fit their boxes in the last draw, buttons' labels last; the
        overflow tests read this."""
        return self.drawing.misfits + [b.label for b in self.buttons() if not b.fits]

    def buttons(self) -> list[Button]:
        return []

    def corner_buttons(self, extra: list[Button] | None = None) -> list[Button]:
        """`extra` buttons, then the language and menu buttons, at the top right: the story
        screens' touch variants (touch.py) make them touch-sized."""
        return corner_buttons(self, extra)


class FramedScreen(Screen):
    """A screen in chrome (see chrome.py): header chips, corner buttons, a bar of buttons at the
    bottom, and its content between. Its layout has the `chrome` it placed and all its `buttons`
    in focus order; it draws its content in `draw_content` and anything over the buttons in
    `draw_over` (the open tab's bar)."""

    def compose(self, surface: pygame.Surface) -> None:
        th = self.theme
        lay = self.layout()
        surface.fill(th.palette.backdrop)
        lay.chrome.draw_header(surface, th)
        lay.chrome.draw_mark(surface, th, self.drawing)
        self.draw_content(surface, lay)
        self.drawing.check("(bottom bar)", lay.chrome.bar_fits)
        self.focus.buttons = lay.buttons
        self.focus.draw(surface, th)
        self.draw_over(surface, lay)

    def buttons(self) -> list[Button]:
        return self.layout().buttons

    def layer_key(self, *state: object) -> tuple:
        """The lesson clock is in the chrome's corner and the plan's mark in its bar: their
        words are part of every layout."""
        return super().layer_key(*state, self.lesson_clock(), self.plan_mark())

    def lesson_clock(self) -> str | None:
        """The lesson clock's words in class mode when the teacher gave a lesson length."""
        classroom = self.app.classroom
        clock = classroom.clock if classroom is not None else None
        return clock.words(self.lang) if clock is not None else None

    def plan_mark(self) -> tuple[str, ...]:
        """What the lesson plan says at the decision on view, for the bar (class mode, once the
        plan is worked out): in full, then shorter (see chrome.place_mark); nothing on screens
        that are not at a decision."""
        return ()

    def draw_content(self, surface: pygame.Surface, layout) -> None:
        raise NotImplementedError

    def draw_over(self, surface: pygame.Surface, layout) -> None:
        """What goes over the buttons; nothing unless the screen says so."""
