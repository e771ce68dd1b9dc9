"""Golden play-throughs: a scenario, a list of choices, and the transcript they must produce.

Each `tests/golden/*.golden` file starts with its inputs as `# key: value` lines, then the
transcript. Every play-through runs twice: straight, and with a save to JSON and a load between
every two steps. The transcripts are produced by the game, never written by hand: after a deliberate
change, `BYSTANDER_UPDATE_GOLDEN=1 pytest tests/core/test_golden.py` writes them anew; read the diff.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from testpaths import ROOT
from game.core import engine
from game.core.loader import load
from game.textplayer import play_moves

GOLDEN = sorted((ROOT / "tests" / "golden").glob("*.golden"))
UPDATE = os.environ.get("BYSTANDER_UPDATE_GOLDEN") == "1"


def read_golden(path: Path) -> tuple[dict[str, str], str]:
    header: dict[str, str] = {}
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    body_start = 0
    for i, line in enumerate(lines):
        if not line.startswith("# "):
            body_start = i
            break
        key, _, value = line[2:].partition(":")
        header[key.strip()] = value.strip()
    else:
        body_start = len(lines)
    return header, "".join(lines[body_start:])


def transcript(header: dict[str, str], round_trip: bool) -> str:
    loaded = load(ROOT / header["scenario"])
    assert loaded.ok, [str(i) for i in loaded.issues]
    run = engine.start(loaded.scenario, header["lang"], loaded.content_hash)
    moves = [m for m in header["choose"].split(",") if m]
    out = io.StringIO()

    def through_json(current: engine.Run) -> engine.Run:
        data = json.loads(json.dumps(current.save()))
        return engine.load_run(loaded.scenario, data, loaded.content_hash)

    final = play_moves(run, moves, out, between=through_json if round_trip else None)
    assert final.ended, "a golden play-through goes to an ending"
    return out.getvalue()


def test_there_are_golden_play_throughs():
    assert len(GOLDEN) >= 2


@pytest.mark.parametrize("path", GOLDEN, ids=[p.stem for p in GOLDEN])
@pytest.mark.parametrize("round_trip", [False, True], ids=["straight", "save-load"])
def test_golden_play_through(path, round_trip):
    header, expected = read_golden(path)
    actual = transcript(header, round_trip)
    if UPDATE and not round_trip:
        head = "".join(f"# {k}: {v}\n" for k, v in header.items())
        path.write_text(head + actual, encoding="utf-8")
        return
    assert actual == expected
