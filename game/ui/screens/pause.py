"""The pause menu (Esc from any screen), class mode's pause menu, and the quit question (Esc on
the title screen): menus (`menu.py`) over the screen they return to.
"""

from __future__ import annotations

from ..intents import AskQuit, OpenSettings
from .base import Screen
from .menu import MenuScreen


class PauseScreen(MenuScreen):
    """Resume, restart, settings, back to the title, quit."""

    def entries(self):
        app = self.app
        items = [(self.t("resume"), self.resume)]
        if app.run is not None:
            items.append((self.t("restart"), app.restart))
        items.append((self.t("settings"), self.open_settings))
        if app.run is not None:
            items.append((self.t("to_title"), self.to_title))
        items.append((self.t("quit"), app.quit))
        return items

    def open_settings(self) -> None:
        self.app.go(OpenSettings(back_to=self))

    def to_title(self) -> None:
        index = self.app.catalogue.index_of(self.app.entry.path) if self.app.entry else None
        self.app.show_title(index)


class ClassPauseScreen(PauseScreen):
    """Class mode's pause menu: the usual entries plus the timeline (what if?) and the debrief,
    at any moment ("debrief now" with the decisions taken so far, when the lesson runs out
    before the story does). Quit asks first: a class session is open."""

    def entries(self):
        items = super().entries()
        extra = [(self.t("whatif"), self.open_timeline)]
        if self.app.run is not None:
            ended = self.app.run.ended
            extra.append((self.t("debrief_button" if ended else "debrief_now"),
                          self.open_debrief))
        items = [(label, self.ask_quit if self.is_quit(action) else action)
                 for label, action in items]
        return items[:1] + extra + items[1:]

    def ask_quit(self) -> None:
        self.app.go(AskQuit(back_to=self))

    def open_timeline(self) -> None:
        self.app.pop()
        self.app.open_timeline()

    def open_debrief(self) -> None:
        self.app.pop()
        self.app.open_debrief()


class QuitScreen(MenuScreen):
    """Esc on the title screen asks before closing the game, and so does Quit in class mode
    (a class session is open: it is saved, and can be continued from the list)."""

    title_key = "quit_question"

    def title(self) -> str:
        if self.app.classroom is not None:
            return self.t("quit_question_class")
        return super().title()

    def __init__(self, app, back_to: Screen):
        super().__init__(app, back_to)
        self.focus.index = 1  # "No, stay" first: a stray Esc then Enter keeps the game open

    def entries(self):
        return [(self.t("quit_yes"), self.app.quit), (self.t("quit_no"), self.resume)]
