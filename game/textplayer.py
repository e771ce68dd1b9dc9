"""Play a scenario in the terminal: the same engine as the game, rendered as a transcript.

Used by `bystander run`, by teachers checking a scenario they wrote, and by the golden tests, which
compare this transcript with a stored one.
"""

from __future__ import annotations

from typing import Callable, TextIO

from .core import vocab
from .core.engine import Outcome, Run, SceneView
from .core.translations import words
from .terminal import safe


class Transcript:
    """Writes what happens in a run as plain text lines, a scenario's texts with their control
    characters escaped (see terminal.py)."""

    def __init__(self, out: TextIO):
        self.out = out

    def line(self, text: str = "") -> None:
        self.out.write(safe(text) + "\n")

    def scene(self, view: SceneView) -> None:
        _ = words(view.lang)
        step = f" | {view.step_label}" if view.step_label else ""
        self.line(f"== {view.place_label}{step} ==")
        for beat in view.beats:
            who = beat.speaker_name or _("Narrator")
            self.line(f"{who}: {beat.text}")
        # TRANSLATORS: before why a choice cannot be taken, in the terminal's transcript.
        not_now = _("not possible")
        for choice in view.choices:
            mark = "" if choice.available else f"  ({not_now}: {choice.reason})"
            self.line(f"  {choice.number}. {choice.text} [{choice.stance_label}]{mark}")

    def outcome(self, outcome: Outcome, victim_name: str, lang: str) -> None:
        _ = words(lang)
        self.line(f"> {outcome.choice_text}")
        self.line(f"  {outcome.consequence}")
        for change in outcome.changes:
            verdict = _("better") if change.better else _("worse")
            self.line(f"  {change.label}: {change.before} -> {change.after} "
                      f"({change.delta:+d}, {verdict})")
        if outcome.role_changed:
            role, before = _("Your role"), vocab.label(vocab.ROLES[outcome.role_before], lang)
            self.line(f"  {role}: {before} -> {outcome.role_label}")
        if outcome.condition_changed:
            # TRANSLATORS: {name} is the bullied character; his condition follows after a colon.
            how = _("How {name} is doing", name=victim_name)
            self.line(f"  {how}: {outcome.condition_before.label} -> "
                      f"{outcome.condition_after.label}")
        # TRANSLATORS: before a discussion prompt, in the terminal's transcript.
        discuss = _("Discuss")
        for prompt in outcome.discuss:
            self.line(f"  {discuss}: {prompt}")
        self.line()

    def ending(self, run: Run) -> None:
        _ = words(run.lang)
        summary = run.summary()
        ending = summary.ending
        assert ending is not None
        heading = _("Ending")
        self.line(f"== {heading}: {ending.title} ({ending.outcome_label}) ==")
        self.line(ending.text)
        # TRANSLATORS: before the roles the player went through, in the terminal's transcript.
        journey = _.pgettext("transcript", "Your journey")
        self.line(f"{journey}: {summary.journey}")
        for meter in run.meter_views():
            history = " ".join(str(v) for v in summary.meter_history[meter.id])
            self.line(f"{meter.label}: {history}")
        help_ = _("Help")
        for item in ending.help:
            self.line(f"{help_}: {item}")


def play_moves(run: Run, moves: list[str], out: TextIO,
               between: Callable[[Run], Run] | None = None) -> Run:
    """Play the given choice ids, following `next` scenes, and write the transcript.

    `between`, when given, is called after every step and returns the run to go on with; the
    golden tests use it to go through a save and a load between every two steps.
    """
    transcript = Transcript(out)
    victim = run.scenario.cast[run.scenario.victim].name
    pending = list(moves)
    while True:
        view = run.view()
        transcript.scene(view)
        if view.ending is not None:
            transcript.ending(run)
            return run
        if view.can_advance:
            run.advance()
        elif not pending:
            return run
        else:
            transcript.outcome(run.choose(pending.pop(0)), victim, run.lang)
        if between is not None:
            run = between(run)


def play_interactive(run: Run, out: TextIO, ask: Callable[[str], str] | None = None) -> None:
    """Play with a person at the keyboard: numbers choose, Enter goes on."""
    ask = ask or input
    _ = words(run.lang)
    transcript = Transcript(out)
    victim = run.scenario.cast[run.scenario.victim].name
    while True:
        view = run.view()
        transcript.scene(view)
        if view.ending is not None:
            transcript.ending(run)
            return
        if view.can_advance:
            ask(_("(Enter to go on)") + " ")
            run.advance()
            continue
        while True:
            choose = _("Choose a number")
            answer = ask(f"{choose} (1-{len(view.choices)}): ").strip()
            picked = next((c for c in view.choices if c.number == answer.strip()
                           or c.letter == answer.upper()), None)
            if picked is not None and picked.available:
                break
            transcript.line(_("Type the number of a choice you can take now."))
        transcript.outcome(run.choose(picked.id), victim, run.lang)

