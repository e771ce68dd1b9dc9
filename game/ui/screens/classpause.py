"""The pause menu in class mode: the usual entries plus the timeline (what if?) and the debrief."""

from __future__ import annotations

from .pause import PauseScreen


class ClassPauseScreen(PauseScreen):
    def entries(self):
        items = super().entries()
        extra = [(self.t("whatif"), self.open_timeline)]
        if self.app.run is not None and self.app.run.ended:
            extra.append((self.t("debrief_button"), self.open_debrief))
        return items[:1] + extra + items[1:]

    def open_timeline(self) -> None:
        self.app.pop()
        self.app.open_timeline()

    def open_debrief(self) -> None:
        self.app.pop()
        self.app.open_debrief()
