"""The shapes of the JSON the game writes (a run's save, a session record), as JSON Schema
(draft 2020-12), and a checker for the small part of JSON Schema they use.

One description serves the save (`state.RUN_SCHEMA`), the record that holds saves
(`classroom.records.RECORD_SCHEMA`) and the tests that check both against a schema library.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from . import vocab
from .limits import ID_PATTERN, LANG_PATTERN, MAX_METERS, MAX_NUMBER, MIN_NUMBER

ID = {"type": "string", "pattern": f"^{ID_PATTERN}$"}
ID_OR_NULL = {"type": ["string", "null"], "pattern": f"^{ID_PATTERN}$"}
METERS = {"type": "object", "maxProperties": MAX_METERS, "propertyNames": ID,
          "additionalProperties": {"type": "integer", "minimum": MIN_NUMBER,
                                   "maximum": MAX_NUMBER}}
ROLE = {"type": "string", "enum": sorted(vocab.ROLES)}
STANCE = {"type": "string", "enum": sorted(vocab.STANCES)}
STANCE_OR_NULL = {"type": ["string", "null"], "enum": [*sorted(vocab.STANCES), None]}
STEP_OR_NULL = {"type": ["string", "null"], "enum": [*sorted(vocab.STEPS), None]}
LANG = {"type": "string", "pattern": f"^{LANG_PATTERN}$"}
HASH = {"type": "string", "pattern": r"^([0-9a-f]{64})?$"}
COUNT = {"type": "integer", "minimum": 0, "maximum": 1_000_000}


def closed(properties: dict[str, Any], optional: tuple[str, ...] = ()) -> dict[str, Any]:
    """An object with these keys and no others; all of them required but the `optional` ones
    (keys a later version added, which older files do not have)."""
    return {"type": "object", "properties": properties,
            "required": [k for k in properties if k not in optional],
            "additionalProperties": False}


_TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "null": lambda v: v is None,
}


def schema_problem(value: Any, schema: dict[str, Any], where: str = "record") -> str | None:
    """The first way `value` breaks `schema`, or None. Reads the small part of JSON Schema that
    the save and record schemas use, so the game needs no schema library (the tests check it agrees with one)."""
    if "const" in schema and not (value == schema["const"]
                                  and type(value) is type(schema["const"])):
        return f"{where}: must be {schema['const']!r}"
    types = schema.get("type")
    if types is not None:
        types = [types] if isinstance(types, str) else types
        if not any(_TYPES[t](value) for t in types):
            return f"{where}: must be {' or '.join(types)}, not {type(value).__name__}"
    if "enum" in schema and value not in schema["enum"]:
        return f"{where}: {value!r} is not one of the known values"
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            return f"{where}: {value[:40]!r} is not of the expected form"
    elif isinstance(value, int) and not isinstance(value, bool):
        if value < schema.get("minimum", value) or value > schema.get("maximum", value):
            return f"{where}: {value} is out of range"
        if value % schema.get("multipleOf", 1):
            return f"{where}: {value} must be a multiple of {schema['multipleOf']}"
    elif isinstance(value, list):
        if not schema.get("minItems", 0) <= len(value) <= schema.get("maxItems", len(value)):
            return f"{where}: has {len(value)} items"
        for i, item in enumerate(value):
            if "items" in schema and (problem := schema_problem(item, schema["items"],
                                                                f"{where}[{i}]")):
                return problem
    elif isinstance(value, dict):
        if len(value) > schema.get("maxProperties", len(value)):
            return f"{where}: has too many keys"
        for key in schema.get("required", ()):
            if key not in value:
                return f"{where}: '{key}' is missing"
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            if "propertyNames" in schema and (problem := schema_problem(
                    key, schema["propertyNames"], f"{where} key")):
                return problem
            if key in properties:
                sub = properties[key]
            elif extra is False:
                return f"{where}: unexpected key {str(key)[:40]!r}"
            elif isinstance(extra, dict):
                sub = extra
            else:
                continue
            if problem := schema_problem(item, sub, f"{where}.{key}"):
                return problem
    return None
