"""What a choice did, shown rather than told: the victim's face and posture, the light of the
scene, his meters moving from before to after, and the player's role if it changed."""

from __future__ import annotations

import pygame

from .. import stage
from .. import text as tx
from ..layers import Layer
from ..widgets import Button, FocusList, MeterRow, chip, ease_out, panel
from .base import Screen, corner_buttons, header_bar

ANIMATION_SECONDS = 0.8


class ConsequenceScreen(Screen):
    def __init__(self, app, run, outcome, before_view):
        super().__init__(app)
        self.run = run
        self.outcome = outcome
        self.before = before_view
        self.elapsed = 0.0
        self.show_discussion = False
        self.focus = FocusList()
        self.nav: list[Button] = []
        self.corners: list[Button] = []
        """Language and Menu at the top right: drawn each frame, clickable like the rest."""
        self._fits: list[tuple[str, bool]] = []
        self._light = self.outcome.condition_after.light
        """The light of the layer being composed."""
        self._before = Layer()
        """The picture under the light before, while it fades into the one after."""
        self._still = pygame.Rect(0, 0, 0, 0)
        """Where the panel's words are: the same under every light, so never faded."""
        self._rows: list[tuple[MeterRow, pygame.Rect]] = []
        """The meters and where they are, to draw them moving over the layer."""
        self._lang = run.lang
        if app.settings.reduced_motion:
            self.finish_animations()

    @property
    def progress(self) -> float:
        return min(1.0, self.elapsed / ANIMATION_SECONDS)

    def update(self, dt: float) -> bool:
        if self.progress >= 1.0:
            return False
        self.elapsed += dt
        return True

    def finish_animations(self) -> None:
        self.elapsed = ANIMATION_SECONDS

    def refresh(self) -> None:
        """Language switch: ask the engine for the same outcome again, now in the new words."""
        if self.run.lang != self._lang and self.run.back():
            self.before = self.run.view()
            self.outcome = self.run.choose(self.outcome.choice_id)
        self._lang = self.run.lang

    # --- actions --------------------------------------------------------------------------------

    def go_on(self) -> None:
        from .scene import SceneScreen
        if self.progress < 1.0:
            self.finish_animations()
            return
        if self.app.classroom is not None:  # class mode: the class talks about it first
            from .discussion import DiscussionScreen
            self.app.replace(DiscussionScreen(self.app, self.run, self.outcome, self.before))
            return
        self.app.replace(SceneScreen(self.app, self.run))

    def back(self) -> None:
        """Undo the choice and choose again."""
        from .scene import SceneScreen
        if self.app.classroom is not None:  # the vote is recorded: other roads are what-ifs
            self.app.open_timeline()
            return
        if self.run.back():
            self.app.replace(SceneScreen(self.app, self.run, at_choices=True))

    def toggle_discussion(self) -> None:
        self.show_discussion = not self.show_discussion

    def buttons(self) -> list[Button]:
        return self.nav + self.corners

    def handle_event(self, event: pygame.event.Event) -> object:
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_RIGHT):
                focused = self.focus.focused
                if focused is not None and event.key != pygame.K_RIGHT:
                    focused.action()
                else:
                    self.go_on()
                return True
            if event.key in (pygame.K_BACKSPACE, pygame.K_LEFT):
                self.back()
                return True
            if event.key == pygame.K_t and self.outcome.discuss:
                self.toggle_discussion()
                return True
        self.focus.buttons = self.buttons()
        pressed = self.focus.handle(event)
        if isinstance(pressed, Button):
            pressed.action()
            return True
        return pressed

    # --- drawing --------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        """The whole picture is a static layer with the meters at their end, under the light
        after. While the light changes, the same picture under the light before is a second
        layer, and the one after is blended over it outside the panel's words (the only place
        where the two differ is where the place shows). While the meters move, they are drawn
        over their rows."""
        o = self.outcome
        state = (o, self.before, self.show_discussion, self.focus.index,
                 self.app.classroom is not None)
        before, after = o.condition_before.light, o.condition_after.light
        layer = self.static_layer(surface, self._composer(after), after, *state)
        if before != after and self.progress < 1.0:
            surface.blit(self._before.get(surface, self.layer_key(before, *state),
                                          self._composer(before)), (0, 0))
            layer.set_alpha(int(255 * ease_out(self.progress)))
            for area in _around(surface.get_rect(), self._still):
                surface.blit(layer, area.topleft, area)
            layer.set_alpha(None)
        else:
            surface.blit(layer, (0, 0))
        if self.progress < 1.0:
            self._draw_meters(surface)

    def _composer(self, light: str):
        def compose(surface: pygame.Surface) -> None:
            self._light = light
            self._compose(surface)
        return compose

    def _draw_meters(self, surface: pygame.Surface) -> None:
        """The meters at the animation's progress, over their rows of the panel."""
        if not self._rows:
            return
        th = self.theme
        surface.fill(th.palette.panel, self._rows[0][1].unionall([r for _, r in self._rows]))
        for row, rect in self._rows:
            row.draw(surface, th, rect, self.progress)

    def _draw_background(self, surface: pygame.Surface) -> None:
        """The place under the light being composed."""
        th = self.theme
        surface.blit(stage.place(self.before.place, self._light, (th.width, th.height)), (0, 0))

    def _compose(self, surface: pygame.Surface) -> None:
        th = self.theme
        p = th.palette
        o = self.outcome
        self._fits = []
        self._draw_background(surface)
        header_bar(surface, th, [self.before.place_label])
        scenario = self.run.scenario
        victim = scenario.cast[scenario.victim]
        expression = o.condition_after.expression
        figure_area_w = int(th.width * 0.38)
        figure = stage.character(victim.look, expression, int(th.height * 0.74),
                                 posture=stage.posture_for(expression), facing=1)
        surface.blit(figure, figure.get_rect(midbottom=(figure_area_w // 2 + th.margin,
                                                        th.height * 0.99)))
        corners = self.corners = corner_buttons(self)
        box = pygame.Rect(figure_area_w, corners[0].rect.bottom + th.px(2),
                          th.width - figure_area_w - th.margin, 0)
        box.h = th.height - th.margin - box.y
        panel(surface, box, th)
        self._draw_panel(surface, box.inflate(-2 * th.px(2.2), -2 * th.px(2)), victim.name)
        for b in corners:
            b.draw(surface, th)
        if self.show_discussion:
            self._draw_discussion(surface, pygame.Rect(th.margin, box.y,
                                                       figure_area_w - 2 * th.margin, box.h))

    def _draw_panel(self, surface: pygame.Surface, area: pygame.Rect, victim_name: str) -> None:
        th = self.theme
        p = th.palette
        o = self.outcome
        self._still = pygame.Rect(area)
        y = area.y
        chose_key = "class_chose" if self.app.classroom is not None else "you_chose"
        chose = tx.fit(self.t(chose_key, choice=o.choice_text),
                       pygame.Rect(area.x, y, area.w, th.px(12)), th.small, p.ink_muted,
                       "italic", th.small_min)
        chose.blit(surface)
        self._fits.append((chose.text, chose.fits))
        y += chose.height + th.px(1.2)
        # Fixed parts from the bottom up; the consequence text gets the room that is left.
        button_h = tx.line_height(th.body, "bold") + th.px(2)
        bottom = area.bottom - button_h - th.px(1.5)
        rows = [MeterRow(c.label, c.before, c.after, *self._range(c.id), c.good,
                         self.t("better"), self.t("worse"), self.t("no_change"),
                         self.t("lower_is_better") if c.good == "low" else None)
                for c in self._changes()]
        rows_h = sum(r.height(th) for r in rows)
        role_h = tx.line_height(th.small, "bold") + th.px(1.5)
        cond_h = tx.line_height(th.body, "bold") + th.px(1)
        top_of_fixed = bottom - role_h - rows_h - cond_h
        text = tx.fit(o.consequence, pygame.Rect(area.x, y, area.w, max(1, top_of_fixed - y
                                                                        - th.px(1.5))),
                      th.body, p.ink, "regular", th.body_min)
        text.blit(surface)
        self._fits.append((o.consequence, text.fits))
        y = y + text.height + th.px(2)
        cond = o.condition_after.label
        line = self.t("how_is", name=victim_name, condition=cond)
        if o.condition_changed:
            line += f"  ({self.t('was', condition=o.condition_before.label)})"
        cond_fit = tx.fit(line, pygame.Rect(area.x, y, area.w, cond_h), th.body, p.ink, "bold",
                          th.small_min)
        cond_fit.blit(surface)
        self._fits.append((line, cond_fit.fits))
        y += cond_h
        self._rows = []
        for row in rows:
            rect = pygame.Rect(area.x, y, area.w, row.height(th))
            self._fits.append((row.label, row.draw(surface, th, rect, 1.0)))
            self._rows.append((row, rect))
            y += row.height(th)
        if o.role_changed:
            chip(surface, th, (area.x, y + th.px(0.5)), self.t("you_became", role=o.role_label),
                 p.badge, p.on_badge)
        else:
            chip(surface, th, (area.x, y + th.px(0.5)), self.t("you_stayed", role=o.role_label),
                 p.same, p.on_same, style="regular")
        self._layout_nav(area, button_h)
        self.focus.buttons = self.buttons()
        self.focus.draw(surface, th)

    def _layout_nav(self, area: pygame.Rect, h: int) -> None:
        th = self.theme
        go = Button(self.t("continue"), self.go_on, icon="right")
        back = Button(self.t("whatif") if self.app.classroom is not None else self.t("back"),
                      self.back, size="small", icon="left")
        self.nav = [back, go]
        if self.outcome.discuss and self.app.classroom is None:  # class mode: its own screen
            self.nav.insert(1, Button(self.t("discuss_hint"), self.toggle_discussion,
                                      size="small"))
        x = area.right
        for b in reversed(self.nav):
            w = b.natural_width(th)
            b.rect = pygame.Rect(x - w, area.bottom - h, w, h)
            x -= w + th.px(1.2)
        back.rect.x = area.x

    def _draw_discussion(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        th = self.theme
        p = th.palette
        panel(surface, area, th, p.narration, p.narration)
        inner = area.inflate(-2 * th.px(2), -2 * th.px(2))
        heading = tx.render(self.t("discuss"), th.body, p.on_narration, "bold")
        surface.blit(heading, inner.topleft)
        y = inner.y + heading.get_height() + th.px(1)
        for prompt in self.outcome.discuss:
            fit = tx.fit(prompt, pygame.Rect(inner.x, y, inner.w, inner.bottom - y), th.body,
                         p.on_narration, "regular", th.small_min)
            fit.blit(surface)
            self._fits.append((prompt, fit.fits))
            y += fit.height + th.px(1.5)

    def _changes(self):
        """Every meter, changed or not, so the class sees his whole state."""
        from ...core.engine import MeterChange
        changed = {c.id: c for c in self.outcome.changes}
        after = {m.id: m for m in self.run.meter_views()}
        out = []
        for m in after.values():
            out.append(changed.get(m.id) or MeterChange(m.id, m.label, m.value, m.value, m.good))
        return out

    def _range(self, meter_id: str) -> tuple[int, int]:
        m = self.run.scenario.meters[meter_id]
        return m.min, m.max

    def overflows(self) -> list[str]:
        return [text for text, ok in self._fits if not ok] + super().overflows()


def _around(outer: pygame.Rect, hole: pygame.Rect) -> list[pygame.Rect]:
    """`outer` less `hole`, as up to four rectangles: above, below, left and right of it."""
    hole = hole.clip(outer)
    parts = [pygame.Rect(outer.x, outer.y, outer.w, hole.top - outer.y),
             pygame.Rect(outer.x, hole.bottom, outer.w, outer.bottom - hole.bottom),
             pygame.Rect(outer.x, hole.y, hole.x - outer.x, hole.h),
             pygame.Rect(hole.right, hole.y, outer.right - hole.right, hole.h)]
    return [r for r in parts if r.w > 0 and r.h > 0]
