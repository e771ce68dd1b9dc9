"""Play a scenario in the terminal: the same engine as the game, rendered as a transcript.

Used by `bystander run`, by teachers checking a scenario they wrote, and by the golden tests, which
compare this transcript with a stored one.
"""

from __future__ import annotations

from typing import Callable, TextIO

from .core import vocab
from .core.engine import Outcome, Run, SceneView
from .terminal import safe

WORDS = {
    "narrator": {"nl": "Verteller", "en": "Narrator"},
    "choose": {"nl": "Kies een nummer", "en": "Choose a number"},
    "not_now": {"nl": "niet mogelijk", "en": "not possible"},
    "role": {"nl": "Jouw rol", "en": "Your role"},
    "condition": {"nl": "Hoe het met {name} gaat", "en": "How {name} is doing"},
    "discuss": {"nl": "Bespreek", "en": "Discuss"},
    "ending": {"nl": "Einde", "en": "Ending"},
    "help": {"nl": "Hulp", "en": "Help"},
    "journey": {"nl": "Jouw weg", "en": "Your journey"},
    "better": {"nl": "beter", "en": "better"},
    "worse": {"nl": "slechter", "en": "worse"},
    "continue": {"nl": "(Enter om verder te gaan)", "en": "(Enter to go on)"},
    "bad_input": {"nl": "Typ het nummer van een keuze die nu kan.",
                  "en": "Type the number of a choice you can take now."},
}


def word(key: str, lang: str) -> str:
    return WORDS[key].get(lang) or WORDS[key]["en"]


class Transcript:
    """Writes what happens in a run as plain text lines, a scenario's texts with their control
    characters escaped (see terminal.py)."""

    def __init__(self, out: TextIO):
        self.out = out

    def line(self, text: str = "") -> None:
        self.out.write(safe(text) + "\n")

    def scene(self, view: SceneView) -> None:
        lang = view.lang
        step = f" | {view.step_label}" if view.step_label else ""
        self.line(f"== {view.place_label}{step} ==")
        for beat in view.beats:
            who = beat.speaker_name or word("narrator", lang)
            self.line(f"{who}: {beat.text}")
        for choice in view.choices:
            mark = "" if choice.available else f"  ({word('not_now', lang)}: {choice.reason})"
            self.line(f"  {choice.number}. {choice.text} [{choice.stance_label}]{mark}")

    def outcome(self, outcome: Outcome, victim_name: str, lang: str) -> None:
        self.line(f"> {outcome.choice_text}")
        self.line(f"  {outcome.consequence}")
        for change in outcome.changes:
            verdict = word("better" if change.better else "worse", lang)
            self.line(f"  {change.label}: {change.before} -> {change.after} "
                      f"({change.delta:+d}, {verdict})")
        if outcome.role_changed:
            self.line(f"  {word('role', lang)}: {_role(outcome.role_before, lang)} -> "
                      f"{outcome.role_label}")
        if outcome.condition_changed:
            self.line(f"  {word('condition', lang).format(name=victim_name)}: "
                      f"{outcome.condition_before.label} -> {outcome.condition_after.label}")
        for prompt in outcome.discuss:
            self.line(f"  {word('discuss', lang)}: {prompt}")
        self.line()

    def ending(self, run: Run) -> None:
        lang = run.lang
        summary = run.summary()
        ending = summary.ending
        assert ending is not None
        self.line(f"== {word('ending', lang)}: {ending.title} ({ending.outcome_label}) ==")
        self.line(ending.text)
        self.line(f"{word('journey', lang)}: {summary.journey}")
        for meter in run.meter_views():
            history = " ".join(str(v) for v in summary.meter_history[meter.id])
            self.line(f"{meter.label}: {history}")
        for item in ending.help:
            self.line(f"{word('help', lang)}: {item}")


def _role(role: str, lang: str) -> str:
    return vocab.ROLES[role].get(lang) or vocab.ROLES[role]["en"]


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
    transcript = Transcript(out)
    victim = run.scenario.cast[run.scenario.victim].name
    while True:
        view = run.view()
        transcript.scene(view)
        if view.ending is not None:
            transcript.ending(run)
            return
        if view.can_advance:
            ask(word("continue", run.lang) + " ")
            run.advance()
            continue
        while True:
            answer = ask(f"{word('choose', run.lang)} (1-{len(view.choices)}): ").strip()
            picked = next((c for c in view.choices if c.number == answer.strip()
                           or c.letter == answer.upper()), None)
            if picked is not None and picked.available:
                break
            transcript.line(word("bad_input", run.lang))
        transcript.outcome(run.choose(picked.id), victim, run.lang)

