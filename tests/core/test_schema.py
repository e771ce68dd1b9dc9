"""The JSON Schema is generated from the model, committed, and agrees with the vocabulary."""

from __future__ import annotations

import dataclasses
import json
import typing

from testpaths import ROOT, ALL_SCENARIOS
from game.core import model, vocab
from game.core.schema import schema_json

SCHEMA_FILE = ROOT / "scenes" / "scenario.schema.json"


def test_committed_schema_is_up_to_date():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_json(), (
        "run: bystander schema -o scenes/scenario.schema.json")


def test_every_field_is_documented():
    schema = json.loads(schema_json())
    for name, definition in schema["$defs"].items():
        for field, prop in definition.get("properties", {}).items():
            assert prop.get("description"), f"{name}.{field} has no docstring in model.py"


def test_literals_match_the_vocabulary():
    pairs = [(model.Stance, vocab.STANCES), (model.Step, vocab.STEPS),
             (model.Strategy, vocab.STRATEGIES), (model.Place, vocab.PLACES),
             (model.Expression, vocab.EXPRESSIONS), (model.CastRole, vocab.CAST_ROLES),
             (model.Outcome, vocab.ENDING_OUTCOMES), (model.SkinTone, vocab.SKIN_TONES),
             (model.HairColour, vocab.HAIR_COLOURS), (model.HairStyle, vocab.HAIR_STYLES),
             (model.ClothesColour, vocab.CLOTHES_COLOURS)]
    for literal, names in pairs:
        assert list(typing.get_args(literal)) == list(names)


def test_shipped_scenarios_validate_against_the_schema():
    """What the builder accepts, written back as plain data, is what the schema accepts."""
    import jsonschema
    from game.core.loader import load
    schema = json.loads(schema_json())
    for path in ALL_SCENARIOS:
        jsonschema.validate(_plain(load(path).scenario), schema)


def _plain(obj):
    """A model object as the plain data a YAML file would hold (ids back as keys)."""
    if dataclasses.is_dataclass(obj):
        return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)
                if not f.metadata.get("bookkeeping") and not f.metadata.get("from_key")
                and getattr(obj, f.name) is not None}
    if isinstance(obj, dict):
        return {key: _plain(value) for key, value in obj.items()}
    if isinstance(obj, list):
        return [_plain(item) for item in obj]
    return obj
