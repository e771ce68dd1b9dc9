"""What makes a well-formed scenario, as many small named checks.

Each check takes a scenario that fits the format (see `build.py`) and returns the issues it finds,
each with the file position of what it is about. `CHECKS` lists them in the order they run; a test
makes sure every check can fail.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import typing
from collections import deque
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator

from ..paths import duplicate_ids
from . import expr, model, vocab
from .issues import Issue, Pos
from .limits import (ID_PATTERN, LANG_PATTERN, MAX_CHOICES, MAX_METERS, MAX_SCENES, MAX_VERSION,
                     MIN_VERSION)
from .model import Choice, Scenario, Text
from .state import HistoryEntry, RunState

_ID = re.compile(ID_PATTERN)
MAX_BEAT_CHARS = 280
"""Longer beats do not fit the dialogue box at the default text size."""
MAX_CHOICE_CHARS = 110
"""Longer choice texts do not fit a button at the default text size."""
MAX_CONSEQUENCE_CHARS = 420
"""Longer consequences do not fit the consequence panel at the default text size."""

Check = Callable[[Scenario], list[Issue]]


def _warn(pos: Pos, message: str, code: str) -> Issue:
    return Issue(pos, message, "warning", code)


def _err(pos: Pos, message: str, code: str) -> Issue:
    return Issue(pos, message, "error", code)


def iter_texts(obj: object, label: str = "") -> list[tuple[str, Text]]:
    """Every translatable text in a scenario, with a label saying which field it is.

    A 10,000-scene story has about 90,000 texts among half a million other values, so the walk
    goes only into the fields whose type can hold a text (`_text_fields`), and fills one list
    instead of passing each text up a chain of generators.
    """
    found: list[tuple[str, Text]] = []

    def walk(obj: object, label: str) -> None:
        if isinstance(obj, Text):
            found.append((label, obj))
        elif isinstance(obj, list):
            for i, item in enumerate(obj):
                walk(item, f"{label}[{i + 1}]")
        elif isinstance(obj, dict):
            for key, item in obj.items():
                walk(item, f"{label}.{key}" if label else key)
        elif obj is not None:
            for name in _text_fields(type(obj)):
                walk(getattr(obj, name), f"{label}.{name}" if label else name)

    walk(obj, label)
    return found


def texts(obj: object) -> list[Text]:
    """The texts `iter_texts` finds, in the same order, without their labels: making a label
    for every text costs more than the walk, and most callers need none (or only for a text
    with a problem, which they then ask `iter_texts` for)."""
    found: list[Text] = []

    def walk(obj: object) -> None:
        if isinstance(obj, Text):
            found.append(obj)
        elif isinstance(obj, list):
            for item in obj:
                walk(item)
        elif isinstance(obj, dict):
            for item in obj.values():
                walk(item)
        elif obj is not None:
            for name in _text_fields(type(obj)):
                walk(getattr(obj, name))

    walk(obj)
    return found


@lru_cache(maxsize=None)
def _text_fields(cls: type) -> tuple[str, ...]:
    """The fields of a model class whose type can hold a text, directly or further down."""
    if not dataclasses.is_dataclass(cls):
        return ()
    hints = typing.get_type_hints(cls, vars(model))
    return tuple(f.name for f in dataclasses.fields(cls)
                 if not f.metadata.get("bookkeeping") and _may_hold_text(hints[f.name]))


def _may_hold_text(hint: Any) -> bool:
    if hint is Text:
        return True
    if dataclasses.is_dataclass(hint):
        return bool(_text_fields(hint))
    return any(_may_hold_text(arg) for arg in typing.get_args(hint))


def all_choices(s: Scenario) -> Iterator[tuple[str, Choice]]:
    """(scene id, choice) for every choice in the scenario."""
    for scene in s.scenes.values():
        for choice in scene.choices:
            yield scene.id, choice


Roads = dict[str, list[tuple[str, bool]]]
"""Per scene, every road out of it (through its choices and its `next`): the scene it leads to,
and whether its conditions can ever hold (`expr.may_hold`). Only roads to scenes that exist."""


def roads(s: Scenario) -> Roads:
    """The roads of `s`, each condition judged once (a large story repeats a few conditions on
    thousands of choices)."""
    ranges = _ranges(s)
    judged: dict[str | None, bool] = {None: True}

    def possible(when: str | None) -> bool:
        verdict = judged.get(when)
        if verdict is None:
            verdict = judged[when] = _possible(when, ranges)
        return verdict

    out: Roads = {}
    scenes = s.scenes
    for scene_id, scene in scenes.items():
        found = []
        for choice in scene.choices:
            chosen = possible(choice.when)
            found += [(r.to, chosen and possible(r.when)) for r in choice.routes
                      if r.to in scenes]
        found += [(r.to, possible(r.when)) for r in scene.next_routes if r.to in scenes]
        out[scene_id] = found
    return out


def _possible(when: str | None, ranges: dict[str, tuple[int, int]]) -> bool:
    """Whether a condition can ever hold (`expr.may_hold`); a condition with a mistake may, and
    check_conditions reports it."""
    if when is None:
        return True
    try:
        return expr.may_hold(expr.parse(when), ranges)
    except expr.ExprError:
        return True


def _ranges(s: Scenario) -> dict[str, tuple[int, int]]:
    return {m.id: (m.min, m.max) for m in s.meters.values()}


def reachable(s: Scenario, *, possible: bool = False, known: Roads | None = None) -> set[str]:
    """Scenes the story can get to from its start, ignoring conditions, or with `possible`,
    leaving out roads whose conditions can never hold. `known`: the scenario's roads, when
    worked out already."""
    if s.start not in s.scenes:
        return set()
    found = known if known is not None else roads(s)
    seen = {s.start}
    todo = deque([s.start])
    while todo:
        for nxt, can in found[todo.popleft()]:
            if nxt not in seen and (can or not possible):
                seen.add(nxt)
                todo.append(nxt)
    return seen


# --- languages and texts -------------------------------------------------------------------------

def check_languages(s: Scenario) -> list[Issue]:
    issues = []
    for lang in vocab.REQUIRED_LANGUAGES:
        if lang not in s.languages:
            issues.append(_err(s.where("languages"), f"languages must include '{lang}'",
                               "languages"))
    for lang in s.languages:
        if not re.fullmatch(LANG_PATTERN, lang):
            issues.append(_err(s.where("languages"), f"'{lang}' is not a language code such as "
                               "nl or en", "languages"))
    if len(set(s.languages)) != len(s.languages):
        issues.append(_err(s.where("languages"), "a language is listed twice", "languages"))
    return issues


def check_translations(s: Scenario) -> list[Issue]:
    issues: list[Issue] = []
    declared = set(s.languages)
    if all(text.keys() == declared for text in texts(s)):  # the usual case: labels unneeded
        return issues
    for label, text in iter_texts(s):
        if text.keys() == declared:  # the usual case: exactly the scenario's languages
            continue
        for lang in s.languages:
            if lang not in text:
                issues.append(_err(text.pos, f"{label} has no '{lang}' text", "translation"))
        for lang in text.keys() - declared:
            issues.append(_warn(text.pos, f"{label} has a '{lang}' text, but '{lang}' is not in "
                                "the scenario's languages", "translation"))
    return issues


def check_text_lengths(s: Scenario) -> list[Issue]:
    issues = []
    for scene in s.scenes.values():
        items: list[tuple[str, int, Text]] = [("beat", MAX_BEAT_CHARS, b.text) for b in scene.beats]
        items += [("choice", MAX_CHOICE_CHARS, c.text) for c in scene.choices]
        items += [("consequence", MAX_CONSEQUENCE_CHARS, c.consequence) for c in scene.choices]
        for kind, limit, text in items:
            for lang, value in text.items():
                if len(value) > limit:
                    issues.append(_warn(text.pos, f"this {kind} is {len(value)} characters in "
                                        f"'{lang}'; more than {limit} does not fit the screen at "
                                        "the default text size: split it", "too_long"))
    return issues


# --- ids and references ---------------------------------------------------------------------------

def check_ids(s: Scenario) -> list[Issue]:
    issues = []
    groups: list[tuple[str, list[tuple[str, Pos]]]] = [
        ("scene", [(k, v.where("id")) for k, v in s.scenes.items()]),
        ("ending", [(k, v.where("id")) for k, v in s.endings.items()]),
        ("meter", [(k, v.where("id")) for k, v in s.meters.items()]),
        ("cast", [(k, v.where("id")) for k, v in s.cast.items()]),
        ("choice", [(c.id, c.where("id")) for _, c in all_choices(s)]),
        ("condition", [(r.id, r.where("id")) for r in s.conditions]),
        ("scenario", [(s.id, s.where("id"))]),
    ]
    for kind, ids in groups:
        for ident, pos in ids:
            if not _ID.fullmatch(ident):
                issues.append(_err(pos, f"{kind} id '{ident}' should be lower-case letters, "
                                   "digits and _ (starting with a letter)", "id"))
    return issues


def check_duplicate_ids(s: Scenario) -> list[Issue]:
    issues = []
    for kind, items in (("choice", [c for _, c in all_choices(s)]), ("condition", s.conditions)):
        first: dict[str, Pos] = {}
        for item in items:
            if item.id in first:
                issues.append(_err(item.where("id"), f"{kind} id '{item.id}' is used twice "
                                   f"(first at line {first[item.id].line})", "duplicate_id"))
            else:
                first[item.id] = item.where("id")
    return issues


def check_start(s: Scenario) -> list[Issue]:
    if s.start in s.scenes:
        return []
    return [_err(s.where("start"), f"start scene '{s.start}' does not exist", "unknown_scene")]


def check_gotos(s: Scenario) -> list[Issue]:
    issues = []
    scenes = s.scenes
    for scene in scenes.values():
        for c in scene.choices:
            routes = c.routes
            # The usual goto, one road to a scene, quickly: its words are made only for a problem.
            if len(routes) != 1 or routes[0].to not in scenes or routes[0].when is not None:
                issues += _road_issues(s, f"choice '{c.id}'", routes, c.where("goto"))
        if scene.next is not None:
            issues += _road_issues(s, f"the next of scene '{scene.id}'", scene.next_routes,
                                   scene.where("next"))
        if scene.ending is not None and scene.ending not in s.endings:
            issues.append(_err(scene.where("ending"), f"ending '{scene.ending}' does not exist"
                               f"{_close(scene.ending, s.endings)}", "unknown_ending"))
    return issues


def _road_issues(s: Scenario, what: str, routes: tuple[model.Route, ...], pos: Pos
                 ) -> list[Issue]:
    """A goto or next: every road to a scene, conditions on all but the last."""
    issues = []
    if not routes:
        return [_err(pos, f"{what} names no road: give a scene id, or roads like "
                     "[{to: scene, when: condition}, {to: other_scene}]", "roads")]
    for i, route in enumerate(routes):
        where = route.where("to") if len(routes) > 1 else pos
        if route.to not in s.scenes:
            verb = "goes to" if what.startswith("choice") else "leads to"
            issues.append(_err(where, f"{what} {verb} '{route.to}', which is not a "
                               f"scene{_close(route.to, s.scenes)}", "unknown_scene"))
        last = i == len(routes) - 1
        if last and route.when is not None:
            issues.append(_err(route.where("when"), f"the last road of {what} must have no "
                               "'when': it is taken when no other road's condition holds",
                               "roads"))
        elif not last and route.when is None:
            issues.append(_err(route.pos, f"road {i + 1} of {what} has no 'when', so the "
                               "roads after it are never taken", "roads"))
    return issues


def check_cast(s: Scenario) -> list[Issue]:
    issues = []
    if s.victim not in s.cast:
        issues.append(_err(s.where("victim"), f"victim '{s.victim}' is not in the cast",
                           "unknown_character"))
    elif s.cast[s.victim].role != "victim":
        issues.append(_warn(s.cast[s.victim].where("role"), f"'{s.victim}' is the victim, but "
                            f"the cast gives them the role '{s.cast[s.victim].role}'", "cast"))
    for scene in s.scenes.values():
        for who in scene.cast:
            if who not in s.cast:
                issues.append(_err(scene.where("cast"), f"'{who}' is on stage in scene "
                                   f"'{scene.id}' but not in the cast{_close(who, s.cast)}",
                                   "unknown_character"))
        for beat in scene.beats:
            if beat.who is None:
                continue
            if beat.who not in s.cast:
                issues.append(_err(beat.where("who"), f"'{beat.who}' speaks but is not in the "
                                   f"cast{_close(beat.who, s.cast)}", "unknown_character"))
            elif beat.who not in scene.cast and scene.place != "group_chat":
                issues.append(_warn(beat.where("who"), f"'{beat.who}' speaks in scene "
                                    f"'{scene.id}' but is not on stage (add them under cast:)",
                                    "cast"))
    for member in s.cast.values():
        if not 80 <= member.look.height <= 115:
            issues.append(_err(member.look.where("height"), "height should be between 80 and "
                               "115 (percent of an average 14-year-old)", "look"))
    return issues


def check_effects(s: Scenario) -> list[Issue]:
    """Effects on meters that do not exist, and effects larger than a meter's whole range.

    An effect that takes a meter past its bound on some road is cut off there by the engine,
    which is often what the author means (a meter that tops out); whether and where a road
    really does that depends on the road, so `bystander analyse`, which walks the roads, tells
    it, and no warning here fails `check --strict` for it."""
    issues = []
    for _, c in all_choices(s):
        for meter, amount in c.effects.items():
            if meter not in s.meters:
                issues.append(_err(c.where("effects"), f"choice '{c.id}' changes '{meter}', "
                                   f"which is not a meter{_close(meter, s.meters)}",
                                   "unknown_meter"))
                continue
            m = s.meters[meter]
            if abs(amount) > m.max - m.min:
                issues.append(_warn(c.where("effects"), f"choice '{c.id}': {meter} "
                                    f"{amount:+d} is more than the meter's whole range "
                                    f"({m.min}..{m.max}): it always ends at "
                                    f"{m.max if amount > 0 else m.min}, whatever came before; "
                                    "a typing mistake?", "effect_bounds"))
    return issues


def _close(word: str, options) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


# --- story shape ---------------------------------------------------------------------------------

def check_scene_shapes(s: Scenario) -> list[Issue]:
    issues = []
    for scene in s.scenes.values():
        ways = [w for w, present in (("choices", bool(scene.choices)),
                                     ("next", scene.next is not None),
                                     ("ending", scene.ending is not None)) if present]
        if not ways:
            issues.append(_err(scene.where("id"), f"scene '{scene.id}' is a dead end: give it choices, "
                               "a next scene or an ending", "dead_end"))
        elif len(ways) > 1:
            issues.append(_err(scene.where("id"), f"scene '{scene.id}' has {' and '.join(ways)}; give "
                               "only one of them", "scene_shape"))
        if len(scene.choices) > MAX_CHOICES:
            issues.append(_err(scene.where("choices"), f"scene '{scene.id}' has "
                               f"{len(scene.choices)} choices; at most {MAX_CHOICES} fit the "
                               "screen", "too_many_choices"))
        if not scene.beats:
            issues.append(_err(scene.where("beats"), f"scene '{scene.id}' has no beats",
                               "no_beats"))
        elif all(beat.when is not None for beat in scene.beats):
            issues.append(_warn(scene.where("beats"), f"every beat in scene '{scene.id}' has a "
                                "condition; when none holds the scene is empty", "no_beats"))
    return issues


class Reached:
    """One scenario's roads and both of its reachable sets (`reachable(s, possible=...)`), each
    worked out when first asked: run_checks gives one to the three checks that need them, which
    worked them out again each (2% of loading a story). Called with `possible`, a set."""

    def __init__(self, s: Scenario):
        self.s = s
        self._roads: Roads | None = None
        self._sets: dict[bool, set[str]] = {}

    @property
    def roads(self) -> Roads:
        if self._roads is None:
            self._roads = roads(self.s)
        return self._roads

    def __call__(self, possible: bool) -> set[str]:
        found = self._sets.get(possible)
        if found is None:
            found = self._sets[possible] = reachable(self.s, possible=possible, known=self.roads)
        return found


def check_reachable_scenes(s: Scenario, reached: Reached | None = None) -> list[Issue]:
    reached = reached or Reached(s)
    seen = reached(False)
    if not seen:
        return []
    return _unreachable("scene", [(i, scene.where("id")) for i, scene in s.scenes.items()],
                        seen, reached(True), " from the start", "unreachable_scene")


def check_reachable_endings(s: Scenario, reached: Reached | None = None) -> list[Issue]:
    reached = reached or Reached(s)
    seen = reached(False)
    if not seen:
        return []
    return _unreachable("ending", [(i, e.where("id")) for i, e in s.endings.items()],
                        {s.scenes[i].ending for i in seen},
                        {s.scenes[i].ending for i in reached(True)},
                        ": no reachable scene ends with it", "unreachable_ending")


def _unreachable(kind: str, items: list[tuple[str, Pos]], seen: set, possible: set,
                 why_unseen: str, code: str) -> list[Issue]:
    """Warnings for the items no road leads to, and for those whose every road needs a
    condition that can never hold (`expr.may_hold`)."""
    issues = []
    for ident, pos in items:
        if ident not in seen:
            issues.append(_warn(pos, f"{kind} '{ident}' cannot be reached{why_unseen}", code))
        elif ident not in possible:
            issues.append(_warn(pos, f"{kind} '{ident}' cannot be reached: every road to it "
                                "needs a condition that can never hold (a meter beyond its "
                                "range, or false)", code))
    return issues


def check_way_out(s: Scenario, reached: Reached | None = None) -> list[Issue]:
    """Scenes from which no ending can be reached: loops with no way out."""
    reached = reached or Reached(s)
    enders = {i for i, scene in s.scenes.items() if scene.ending is not None}
    predecessors: dict[str, list[str]] = {i: [] for i in s.scenes}
    for i, found in reached.roads.items():
        for nxt, _can in found:
            predecessors[nxt].append(i)
    can_end = set(enders)
    todo = deque(enders)
    while todo:
        for prev in predecessors[todo.popleft()]:
            if prev not in can_end:
                can_end.add(prev)
                todo.append(prev)
    issues = []
    for scene_id in sorted(reached(False) - can_end):
        scene = s.scenes[scene_id]
        if scene.choices or scene.next is not None:  # bare dead ends are reported elsewhere
            issues.append(_err(scene.where("id"), f"from scene '{scene_id}' no ending can be reached: "
                               "the story would loop for ever", "no_way_out"))
    return issues


def check_all_choices_conditional(s: Scenario) -> list[Issue]:
    """A scene whose every choice has a condition. When none of them can hold, whatever road
    led there, the player is stuck for sure: an error. That is so at the first decision (every
    player arrives there the same way, so each condition is simply evaluated) and wherever no
    condition can hold at all (`expr.may_hold`: a meter beyond its bounds, `false`). Elsewhere
    it depends on the road: a warning."""
    issues = []
    first = _first_decision(s)
    ranges = _ranges(s)
    for scene in s.scenes.values():
        if not scene.choices or any(c.when is None for c in scene.choices):
            continue
        at_start = first is not None and scene.id == first.scene
        if at_start:
            stuck = all(_holds(c.when, first) is False for c in scene.choices)
        else:
            stuck = not any(_possible(c.when, ranges) for c in scene.choices)
        if stuck:
            when = "at the start of the story" if at_start else "on any road"
            issues.append(_err(scene.where("choices"), f"no choice in scene '{scene.id}' can be "
                               f"taken {when}: none of their conditions can hold, so the player "
                               "is stuck; leave one without 'when'", "stuck"))
        else:
            issues.append(_warn(scene.where("choices"), f"every choice in scene '{scene.id}' has "
                                "a condition; when none holds the player is stuck: leave one "
                                "without 'when'", "stuck"))
    return issues


def _first_decision(s: Scenario) -> RunState | None:
    """The run as every player has it at the first decision: at the start, or where the start's
    `next` roads lead (followed as the engine follows them), with the start meters and nothing
    chosen yet. None when there is no such scene or a condition on the way cannot be read."""
    run = RunState(s.id, "", "", s.start, {m.id: m.start for m in s.meters.values()},
                   vocab.START_ROLE)
    seen: set[str] = set()
    while run.scene in s.scenes and run.scene not in seen:
        seen.add(run.scene)
        run.history.append(HistoryEntry(run.scene, None, None, run.role, "", dict(run.meters)))
        scene = s.scenes[run.scene]
        if scene.choices:
            return run
        holding = [_holds(route.when, run) for route in scene.next_routes]
        taken = next((i for i, holds in enumerate(holding) if holds is not False), None)
        if taken is None or holding[taken] is None:
            return None
        run.scene = scene.next_routes[taken].to
    return None


def _holds(when: str | None, run: RunState) -> bool | None:
    """Whether a condition holds for `run`; None when it cannot be evaluated (another check
    reports the mistake)."""
    if when is None:
        return True
    try:
        return expr.evaluate(expr.parse(when), run)
    except (expr.ExprError, KeyError):
        return None


# --- conditions ----------------------------------------------------------------------------------

def _condition_issues(known: dict, text: str, pos: Pos, what: str,
                      parsed: dict[str, Any]) -> list[Issue]:
    """The problems of one condition. `parsed` holds what each condition text parsed to (its
    names, or the error) for this check: a story repeats conditions such as `visited(x)`."""
    if text not in parsed:
        try:
            parsed[text] = expr.names(expr.parse(text))
        except expr.ExprError as exc:
            parsed[text] = exc
    names = parsed[text]
    if isinstance(names, expr.ExprError):
        return [_err(Pos(pos.path, pos.line, pos.col + names.offset),
                     f"{what}: {names.message}", "condition")]
    issues = []
    for name in names:
        if name.name not in known[name.kind]:
            issues.append(_err(Pos(pos.path, pos.line, pos.col + name.offset),
                               f"{what}: {_not_known(name, known[name.kind])}", "condition"))
    return issues


_KINDS = {"meter": ("a meter of this story", "its meters"), "role": ("a role", "the roles"),
          "took": ("a stance", "the stances"), "count": ("a stance", "the stances"),
          "streak": ("a stance", "the stances"), "visited": ("a scene", ""),
          "chose": ("a choice", "")}
"""How a condition's name is called in a message, and how its valid choices are introduced
(scenes and choices are too many to list: the nearest one is named)."""


def _not_known(name: expr.Name, valid) -> str:
    """`'verdediger' is not a role; the roles are: ...`, the one meant first where one is
    close (a Dutch word for an English id is not: the list is what helps there)."""
    what, listed = _KINDS[name.kind]
    close = _close(name.name, valid)
    if not listed:
        return f"'{name.name}' is not {what}{close}"
    choices = f"{listed} are: {', '.join(valid)}"
    return f"'{name.name}' is not {what}" + (f"{close} ({choices})" if close else f"; {choices}")


def check_conditions(s: Scenario) -> list[Issue]:
    stances = [*vocab.STANCES, *expr.FAMILIES]
    known = {
        "meter": s.meters,
        "visited": s.scenes,
        "chose": {c.id for _, c in all_choices(s)},
        "role": vocab.ROLES,
        "took": stances,
        "count": stances,
        "streak": stances,
    }
    issues = []
    parsed: dict[str, Any] = {}
    for _, c in all_choices(s):
        if c.when is not None:
            issues += _condition_issues(known, c.when, c.where("when"), f"condition of '{c.id}'",
                                        parsed)
        for i, route in enumerate(c.routes):
            if route.when is not None:
                issues += _condition_issues(known, route.when, route.where("when"),
                                            f"condition of road {i + 1} of '{c.id}'", parsed)
    for scene in s.scenes.values():
        for i, route in enumerate(scene.next_routes):
            if route.when is not None:
                issues += _condition_issues(known, route.when, route.where("when"),
                                            f"condition of road {i + 1} of the next of "
                                            f"'{scene.id}'", parsed)
    for rule in s.conditions:
        if rule.when is not None:
            issues += _condition_issues(known, rule.when, rule.where("when"),
                                        f"condition rule '{rule.id}'", parsed)
    for scene in s.scenes.values():
        for beat in scene.beats:
            if beat.when is not None:
                issues += _condition_issues(known, beat.when, beat.where("when"),
                                            f"condition of a beat in '{scene.id}'", parsed)
    return issues


def check_condition_rules(s: Scenario) -> list[Issue]:
    issues = []
    if not s.conditions:
        return [_err(s.where("conditions"), "give at least one condition rule", "rules")]
    if s.conditions[-1].when is not None:
        issues.append(_err(s.conditions[-1].where("when"), "the last condition rule must have no "
                           "'when': it applies when no other rule does", "rules"))
    for rule in s.conditions[:-1]:
        if rule.when is None:
            issues.append(_warn(rule.pos, f"rule '{rule.id}' has no 'when', so the rules after it "
                                "never apply", "rules"))
    return issues


def check_unavailable_reasons(s: Scenario) -> list[Issue]:
    issues = []
    for _, c in all_choices(s):
        if c.when is not None and c.unavailable is None:
            issues.append(_warn(c.where("when"), f"choice '{c.id}' has a condition but no "
                                "'unavailable' text telling players why it cannot be taken",
                                "reason"))
        if c.when is None and c.unavailable is not None:
            issues.append(_warn(c.where("unavailable"), f"choice '{c.id}' says why it is "
                                "unavailable, but has no 'when'", "reason"))
    return issues


# --- numbers and content --------------------------------------------------------------------------

def check_meters(s: Scenario) -> list[Issue]:
    issues = []
    if not s.meters:
        issues.append(_err(s.where("meters"), "give the victim at least one meter", "meters"))
    for m in s.meters.values():
        if m.min >= m.max:
            issues.append(_err(m.pos, f"meter '{m.id}': min ({m.min}) must be below max "
                               f"({m.max})", "meters"))
        elif not m.min <= m.start <= m.max:
            issues.append(_err(m.where("start"), f"meter '{m.id}' starts at {m.start}, outside "
                               f"{m.min}..{m.max}", "meters"))
    return issues


def check_audience(s: Scenario) -> list[Issue]:
    issues = []
    a = s.audience
    if not 6 <= a.min_age <= a.max_age <= 99:
        issues.append(_err(a.pos, f"ages {a.min_age} to {a.max_age} do not make sense",
                           "audience"))
    if not 1 <= s.minutes <= 240:
        issues.append(_err(s.where("minutes"), f"{s.minutes} minutes does not make sense",
                           "minutes"))
    return issues


def check_help(s: Scenario) -> list[Issue]:
    if s.help:
        return []
    return [_err(s.where("help"), "say where to get help (a trusted adult, the school's "
                 "confidential contact, a helpline): it is shown with every ending", "help")]


def check_discussion(s: Scenario) -> list[Issue]:
    return [_warn(c.pos, f"choice '{c.id}' has no discussion prompts for the debrief",
                  "discussion")
            for _, c in all_choices(s) if not c.discuss]


def check_version(s: Scenario) -> list[Issue]:
    if MIN_VERSION <= s.version <= MAX_VERSION:
        return []
    return [_err(s.where("version"), f"version {s.version} does not make sense: give a whole "
                 f"number from {MIN_VERSION} to {MAX_VERSION:,}", "version")]


def check_counts(s: Scenario) -> list[Issue]:
    """How many meters and scenes a story may have: what a session record can hold. Reported at
    the first one too many."""
    issues = []
    for what, items, most in (("meters", s.meters, MAX_METERS), ("scenes", s.scenes, MAX_SCENES)):
        if len(items) > most:
            first_extra = list(items.values())[most]
            issues.append(_err(first_extra.where("id"), f"{len(items):,} {what}; a story may "
                               f"have at most {most:,}", "too_many"))
    return issues


CHECKS: tuple[Check, ...] = (
    check_languages, check_translations, check_text_lengths, check_ids, check_duplicate_ids,
    check_start, check_gotos, check_cast, check_effects, check_scene_shapes,
    check_reachable_scenes, check_reachable_endings, check_way_out, check_all_choices_conditional,
    check_conditions, check_condition_rules, check_unavailable_reasons, check_meters,
    check_audience, check_help, check_discussion, check_version, check_counts,
)


_SHARE_REACHED = (check_reachable_scenes, check_reachable_endings, check_way_out)
"""The checks that are given the scenario's reachable scenes, worked out once (`Reached`)."""


def run_checks(s: Scenario) -> list[Issue]:
    """Every check's issues, in file order."""
    issues: list[Issue] = []
    reached = Reached(s)
    for check in CHECKS:
        issues.extend(check(s, reached) if check in _SHARE_REACHED else check(s))
    return sorted(issues, key=lambda i: (i.pos.line, i.pos.col, i.code))


def duplicate_scenario_ids(found: list[tuple[Path, str, Pos]]) -> dict[Path, Issue]:
    """Of files checked together, each (file, its scenario id, where the id stands), those that
    reuse another file's id (`paths.duplicate_ids` says which keeps it): an error at the `id:`,
    naming the file that keeps it. Not one of CHECKS: it needs every file of the folder."""
    where = {path: pos for path, _id, pos in found}
    ids = {path: scenario_id for path, scenario_id, _pos in found}
    return {path: _err(where[path], f"the id '{ids[path]}' is also the id of {keeper}: ids must "
                       "be unique; rename one", "duplicate_scenario_id")
            for path, keeper in duplicate_ids(list(ids.items())).items()}
