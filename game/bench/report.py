"""The bench as a table (median, p99, min, max, target) or as JSON."""

from __future__ import annotations

import json
from dataclasses import asdict

from .common import Bench, Figure

SECTION_TITLES = {"start-up": "Start-up", "frames": "Frames", "idle": "Idle",
                  "preview": "Live preview",
                  "scenarios": "Scenarios", "memory": "Memory"}


def _num(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    if unit == "fps" or abs(value) >= 100:
        text = f"{value:.0f}"
    elif abs(value) >= 10:
        text = f"{value:.1f}"
    else:
        text = f"{value:.2f}"
    return f"{text} {unit}".rstrip()


def _target(f: Figure) -> str:
    if f.met is None:
        return ""
    parts = ([f"< {_num(f.target, f.unit)}"] if f.target is not None else []) + (
        [f"p99 < {_num(f.target_p99, f.unit)}"] if f.target_p99 is not None else [])
    return f"{', '.join(parts)}  {'ok' if f.met else 'MISSED'}"


def table(bench: Bench, verdict: str) -> str:
    width = max([len(f.name) for f in bench.figures] + [20]) + 2
    cpu = any(f.cpu is not None for f in bench.figures)
    head = (f"{'':<{width}}{'median':>12}{'p99':>12}{'min':>12}{'max':>12}"
            + (f"{'CPU':>10}" if cpu else "") + "   target")
    lines = [f"Bystander bench ({bench.plan.name})"]
    lines += [f"  {k}: {v}" for k, v in bench.facts.items()]
    section = None
    for f in bench.figures:
        if f.section != section:
            section = f.section
            lines += ["", f"{SECTION_TITLES.get(section, section):<{width}}" + head[width:]]
        lines.append((f"  {f.name:<{width - 2}}{_num(f.median, f.unit):>12}"
                     f"{_num(f.p99, f.unit):>12}{_num(f.low, f.unit):>12}"
                     f"{_num(f.high, f.unit):>12}"
                     + (f"{_num(f.cpu, f.unit):>10}" if cpu else "")
                     + f"   {_target(f)}").rstrip())
    missed = sum(1 for f in bench.figures if f.met is False)
    met = sum(1 for f in bench.figures if f.met)
    lines += ["", f"Targets, for a machine like ours (2 cores, no GPU): {met} met, {missed} "
              "missed"]
    if cpu:
        lines.append("CPU: the median processor time of a frame, which other programs running at "
                     "the same time disturb far less: compare versions by it.")
    if bench.notes:
        lines += ["", "Notes:"] + [f"  - {n}" for n in bench.notes]
    lines += ["", f"Verdict: {verdict}"]
    return "\n".join(lines)


def as_json(bench: Bench, verdict: str) -> str:
    return json.dumps({
        "plan": bench.plan.name,
        "facts": bench.facts,
        "figures": [{**asdict(f), "met": f.met} for f in bench.figures],
        "notes": bench.notes,
        "verdict": verdict,
    }, indent=2, ensure_ascii=False)
