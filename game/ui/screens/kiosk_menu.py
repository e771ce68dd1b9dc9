"""The menu at an event screen: resume, restart, or stop and hand the screen to the next visitor.

It has no Quit and no Settings: a visitor must not be able to close the game or change how it
looks for everyone after them. Organisers quit with Ctrl+Alt+Q or a long press (see `ui/kiosk.py`).
"""

from __future__ import annotations

from ..widgets import Button
from .menu import MenuScreen
from .touch import TouchWords, touch_height


class KioskMenuScreen(TouchWords, MenuScreen):
    """Esc or the Menu button in event mode: wider, with touch-sized buttons."""

    width_px = 90
    gap_px = 2

    def entries(self):
        app = self.app
        items = [(self.t("resume"), self.resume)]
        if app.run is not None:
            items.append((self.t("restart"), app.restart))
        items.append((self.t("kiosk_stop"), app.show_title))
        return items

    def item_height(self, button: Button, inner: int) -> int:
        return max(touch_height(self.theme), button.preferred_height(self.theme, inner))
