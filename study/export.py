"""The whole model as JSON, with a JSON Schema, published with the site."""

from __future__ import annotations

import json
from typing import Any

from study.jsonschema import collection_schema
from study.schema import COLLECTIONS

EXPORT_FILE = "data/model.json"
SCHEMA_FILE = "data/model.schema.json"


def plain(value: Any) -> Any:
    """Validated data as plain dicts, lists, strings and integers."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def model_json(model: Any) -> str:
    data = {coll.name: plain(model.records[coll.name]) for coll in COLLECTIONS}
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def model_schema() -> str:
    parts = {coll.name: collection_schema(coll) for coll in COLLECTIONS}
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "model.schema.json",
        "title": "The data of the OpenVZ 7.0 architecture study",
        "description": "Every data file of the study in one object, one key per file. References between "
                       "records (source, component, claim and work-package ids) are checked by the study's "
                       "own validator, not by this schema.",
        "type": "object",
        "properties": {name: s["properties"][name] for name, s in parts.items()},
        "required": list(parts),
        "additionalProperties": False,
    }
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
