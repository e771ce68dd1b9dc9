"""The JSON Schema of the scenario format, generated from `model.py` so it is never written twice.

Editors with a YAML language server complete and check fields from it; `scenes/scenario.schema.json`
is this module's output, and a test fails when the committed file is out of date
(`bystander schema -o scenes/scenario.schema.json` refreshes it).
"""

from __future__ import annotations

import ast
import dataclasses
import inspect
import json
import textwrap
import types
import typing
from functools import lru_cache
from typing import Any, Literal, Union

from . import model
from .model import Text

SCHEMA_ID = "https://bystander.invalid/scenario.schema.json"


@lru_cache(maxsize=None)
def field_docs(cls: type) -> dict[str, str]:
    """The docstring written under each field of a dataclass (the string right after it)."""
    source = textwrap.dedent(inspect.getsource(cls))
    body = ast.parse(source).body[0].body  # type: ignore[attr-defined]
    docs: dict[str, str] = {}
    for node, following in zip(body, body[1:]):
        if (isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)
                and isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)):
            docs[node.target.id] = " ".join(following.value.value.split())
    return docs


def _class_doc(cls: type) -> str:
    return " ".join((cls.__doc__ or "").split("\n\n")[0].split())


def _type_schema(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint is str:
        return {"type": "string"}
    if hint is int:
        return {"type": "integer"}
    if hint is bool:
        return {"type": "boolean"}
    if hint is Text:
        return {"$ref": "#/$defs/Text"}
    if origin is Literal:
        return {"enum": list(args)}
    if origin in (Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1:
            return _type_schema(inner[0], defs)
        return {"anyOf": [_type_schema(a, defs) for a in inner]}
    if origin is list:
        return {"type": "array", "items": _type_schema(args[0], defs)}
    if origin is dict:
        return {"type": "object", "additionalProperties": _type_schema(args[1], defs)}
    if dataclasses.is_dataclass(hint):
        name = hint.__name__
        if name not in defs:
            defs[name] = {}  # placeholder against recursion
            defs[name] = _class_schema(hint, defs)
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no schema for {hint!r}")


def _class_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls, vars(model))
    docs = field_docs(cls)
    for base in cls.__mro__[1:]:
        if dataclasses.is_dataclass(base):
            docs = {**field_docs(base), **docs}
    properties: dict[str, Any] = {}
    required = []
    for f in dataclasses.fields(cls):
        if f.metadata.get("bookkeeping") or f.metadata.get("from_key"):
            continue
        prop = _type_schema(hints[f.name], defs)
        if f.name in docs:
            prop = {**prop, "description": docs[f.name]}
        if f.default is not dataclasses.MISSING and isinstance(f.default, (str, int, bool)):
            prop["default"] = f.default
        properties[f.name] = prop
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            required.append(f.name)
    schema: dict[str, Any] = {"type": "object", "description": _class_doc(cls),
                              "properties": properties, "additionalProperties": False}
    if required:
        schema["required"] = required
    return schema


def scenario_schema() -> dict[str, Any]:
    """The whole schema as a dict."""
    defs: dict[str, Any] = {
        "Text": {
            "type": "object",
            "description": "One text in every language of the scenario, e.g. "
                           "{nl: 'Ik loop door.', en: 'I walk on.'}",
            "propertyNames": {"pattern": "^[a-z]{2,3}$"},
            "additionalProperties": {"type": "string", "minLength": 1},
            "required": ["nl", "en"],
        }
    }
    root = _class_schema(model.Scenario, defs)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
            "title": "Bystander scenario", **root, "$defs": dict(sorted(defs.items()))}


def schema_json() -> str:
    """The schema as the text committed in `scenes/scenario.schema.json`."""
    return json.dumps(scenario_schema(), indent=2, ensure_ascii=False) + "\n"
