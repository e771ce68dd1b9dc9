"""Stories written for a test: shapes no shipped story has (import it as `stories`)."""

from __future__ import annotations

from pathlib import Path

from testpaths import MINI


def linear_story(decisions: int) -> str:
    """A story of `decisions` decisions in a row, every road through all of them: each decision
    has a passive choice and an active one that both go on to the next, and only the last one
    decides the ending (its active choice ends hopeful, its passive one hard). A road takes
    exactly `decisions` decisions, and the last decision moves the ending most."""
    head = MINI.read_text(encoding="utf-8").split("\nstart:")[0]
    tail = "endings:" + MINI.read_text(encoding="utf-8").split("\nendings:")[1]
    lines = [head, "start: d1", "scenes:"]
    for i in range(1, decisions + 1):
        last = i == decisions
        lines += [
            f"  d{i}:",
            "    place: hallway",
            "    step: notice",
            "    beats:",
            f"      - text: {{nl: Moment {i}. Rik lacht weer., en: Moment {i}. Rik laughs again.}}",
            "    choices:",
            f"      - id: pass_{i}",
            "        text: {nl: Ik kijk weg., en: I look away.}",
            "        stance: outsider",
            f"        goto: {'end_bad' if last else f'd{i + 1}'}",
            "        consequence: {nl: Sam kijkt naar de grond., en: Sam looks at the floor.}",
            "        discuss:",
            "          - {nl: Waarom keek je weg?, en: Why did you look away?}",
            f"      - id: act_{i}",
            "        text: {nl: Ik ga naast Sam staan., en: I go and stand next to Sam.}",
            "        stance: support",
            f"        goto: {'end_good' if last else f'd{i + 1}'}",
            "        consequence: {nl: Sam kijkt op., en: Sam looks up.}",
            "        discuss:",
            "          - {nl: Wat deed het voor Sam?, en: What did it do for Sam?}",
        ]
    lines += [
        "  end_good:",
        "    place: classroom",
        "    beats:",
        "      - text: {nl: Het wordt rustiger., en: Things calm down.}",
        "    ending: better",
        "  end_bad:",
        "    place: hallway",
        "    beats:",
        "      - text: {nl: Het gaat door., en: It goes on.}",
        "    ending: alone",
    ]
    # The mini story's endings, less the one no road reaches here.
    ending_lines = [line for line in tail.splitlines() if not line.startswith("  mixed:")]
    return "\n".join(lines + ending_lines) + "\n"


def write_linear_story(folder: Path, decisions: int, name: str = "linear.yaml") -> Path:
    path = folder / name
    path.write_text(linear_story(decisions), encoding="utf-8")
    return path
