"""Property-based fuzzing: whatever the bytes, the loader, checker and engine never raise.

Three kinds of input: arbitrary bytes, mutations of a real scenario (the mistakes hands make), and
generated scenarios with random story graphs, valid or nearly so. `make fuzz` runs these longer.
"""

from __future__ import annotations

import os
import random

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from testpaths import MINI
from game.core import engine
from game.core.loader import load

EXAMPLES = int(os.environ.get("BYSTANDER_FUZZ_EXAMPLES", "100"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])
MINI_BYTES = MINI.read_bytes()
MINI_LINES = MINI_BYTES.decode().splitlines(keepends=True)


def assert_refused_or_loaded(data: bytes):
    loaded = load("fuzz.yaml", data=data)
    for issue in loaded.issues:
        assert issue.code != "internal", str(issue)
        assert issue.pos.line >= 1 and issue.pos.col >= 1
    if not loaded.ok:
        assert loaded.issues
    return loaded


@FUZZ
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(data):
    assert_refused_or_loaded(data)


@FUZZ
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!|>'\"#%@`,? \n\t\r\\()=<"
                                             "\u00a0\u200b\ufeff")),
               max_size=300))
def test_yaml_punctuation_soup(text):
    assert_refused_or_loaded(text.encode("utf-8", "surrogatepass"))


MUTATIONS = ("delete", "duplicate", "swap", "truncate", "insert", "indent", "dedent", "blank")


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(MUTATIONS), st.integers(0, 10_000),
                          st.integers(0, 10_000)), min_size=1, max_size=4),
       st.characters(codec="utf-8"))
def test_mutated_scenarios(mutations, char):
    lines = list(MINI_LINES)
    for kind, a, b in mutations:
        i, j = a % len(lines), b % len(lines)
        if kind == "delete" and len(lines) > 1:
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[j])
        elif kind == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "truncate":
            lines = lines[: max(1, i)]
            lines[-1] = lines[-1][: b % (len(lines[-1]) + 1)]
        elif kind == "insert":
            line = lines[i]
            k = b % (len(line) + 1)
            lines[i] = line[:k] + char + line[k:]
        elif kind == "indent":
            lines[i] = "  " + lines[i]
        elif kind == "dedent":
            lines[i] = lines[i][2:] if lines[i].startswith("  ") else lines[i]
        elif kind == "blank":
            lines[i] = lines[i].split(":")[0] + ":\n"
    loaded = assert_refused_or_loaded("".join(lines).encode("utf-8", "surrogatepass"))
    if loaded.ok:
        play_randomly(loaded.scenario, random.Random(0))


@st.composite
def scenario_documents(draw):
    """A scenario with a random story graph; sometimes broken on purpose (a 'nearly valid' one)."""
    n = draw(st.integers(1, 12))
    scenes = {}
    text = lambda s: {"nl": s, "en": s}  # noqa: E731
    stances = ["outsider", "reinforcer", "assistant", "confront", "support", "report", "mobilise"]
    for i in range(n):
        kind = draw(st.sampled_from(["choices", "next", "ending"])) if i < n - 1 else "ending"
        scene = {"place": "hallway", "beats": [{"text": text(f"beat {i}")}]}
        if kind == "choices":
            scene["choices"] = [
                {"id": f"c{i}_{k}", "text": text("do"), "stance": draw(st.sampled_from(stances)),
                 "goto": f"s{draw(st.integers(0, n - 1))}", "consequence": text("then"),
                 "discuss": [text("why?")],
                 "effects": {"wellbeing": draw(st.integers(-150, 150))},
                 **({"when": draw(st.sampled_from(["wellbeing < 50", "not visited(s0)",
                                                   "took(report)", "role(defender)"])),
                     "unavailable": text("no")} if draw(st.booleans()) else {})}
                for k in range(draw(st.integers(1, 4)))]
        elif kind == "next":
            scene["next"] = f"s{draw(st.integers(0, n - 1))}"
        else:
            scene["ending"] = "end"
        scenes[f"s{i}"] = scene
    doc = {
        "id": "fuzz", "title": text("t"), "summary": text("s"),
        "audience": {"min_age": 12, "max_age": 16}, "minutes": 5, "languages": ["nl", "en"],
        "victim": "v", "cast": {"v": {"name": "V", "role": "victim"}},
        "meters": {"wellbeing": {"label": text("w"), "start": 50}},
        "conditions": [{"id": "low", "label": text("l"), "expression": "sad",
                        "when": "wellbeing < 30"},
                       {"id": "ok", "label": text("o"), "expression": "neutral"}],
        "start": "s0", "scenes": scenes,
        "endings": {"end": {"title": text("e"), "text": text("e"), "outcome": "mixed"}},
        "help": [text("help")],
    }
    if draw(st.booleans()):  # break it a little
        victim = draw(st.sampled_from([("start", "nowhere"), ("victim", "x"), ("minutes", "lots"),
                                       ("languages", ["nl"]), ("conditions", [])]))
        doc[victim[0]] = victim[1]
    return doc


def play_randomly(scenario, rng: random.Random, walks: int = 5) -> None:
    for _ in range(walks):
        run = engine.start(scenario, "en")
        for _ in range(60):
            view = run.view()
            if view.ending is not None:
                break
            if view.can_advance:
                run.advance()
                continue
            available = [c for c in view.choices if c.available]
            if not available:  # the checker warned about this scene ("stuck")
                break
            run.choose(rng.choice(available).id)


@FUZZ
@given(scenario_documents(), st.randoms(use_true_random=False))
def test_generated_scenarios_load_and_play(doc, rng):
    data = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False).encode()
    loaded = assert_refused_or_loaded(data)
    if loaded.ok:
        play_randomly(loaded.scenario, rng)
