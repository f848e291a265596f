"""JSON Schema (draft 2020-12) for each data file, derived from study.schema.

Editors use the files in schema/ for completion and early warnings; the site
publishes them next to the data export. Cross-record rules (references that
must resolve, repository sources needing a commit, ...) cannot be expressed
in JSON Schema; the validator enforces them.
"""

from __future__ import annotations

import json
from typing import Any

from study.schema import COLLECTIONS
from study.spec import SCALARS, Collection, Field

# Relative ids: resolved against wherever the file is read from.

_COLLECTIONS = {c.name: c for c in COLLECTIONS}


def _ref_pattern(target: str) -> str:
    """The pattern of the field that identifies records of the target collection (most are ids)."""
    coll = _COLLECTIONS[target]
    return SCALARS[coll.item.fields[coll.id_field].kind][0]


def field_schema(spec: Field) -> dict[str, Any]:
    out: dict[str, Any] = {"description": spec.doc} if spec.doc else {}
    if spec.kind == "object":
        out.update({
            "type": "object",
            "properties": {k: field_schema(v) for k, v in spec.fields.items()},
            "required": [k for k, v in spec.fields.items() if v.required],
            "additionalProperties": False,
        })
    elif spec.kind == "list":
        out.update({"type": "array", "items": field_schema(spec.inner)})
        if spec.min_items:
            out["minItems"] = spec.min_items
    elif spec.kind == "mapping":
        out.update({
            "type": "object",
            "propertyNames": {"enum": list(spec.choices)},
            "additionalProperties": field_schema(spec.inner),
            "minProperties": spec.min_items,
        })
    elif spec.kind == "enum":
        out.update({"type": "string", "enum": list(spec.choices)})
    elif spec.kind == "ref":
        out.update({"type": "string", "pattern": f"^{_ref_pattern(spec.target)}$",
                    "$comment": f"must be the id of an entry in {spec.target}"})
    elif spec.kind == "int":
        out.update({"type": "integer", "minimum": 0, "maximum": 10 ** SCALARS["int"][2] - 1})
    else:
        pattern, _, longest = SCALARS[spec.kind]
        out.update({"type": "string", "pattern": f"^{pattern}$", "maxLength": longest})
    return out


def collection_schema(coll: Collection) -> dict[str, Any]:
    items: dict[str, Any] = {"type": "array", "items": field_schema(coll.item)}
    if coll.min_items:
        items["minItems"] = coll.min_items
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{coll.name}.schema.json",
        "title": f"data/{coll.file}",
        "description": coll.doc,
        "type": "object",
        "properties": {coll.name: items},
        "required": [coll.name],
        "additionalProperties": False,
    }


def render_all() -> dict[str, str]:
    """File name -> JSON text, stable (sorted keys would reorder fields; we keep declaration order)."""
    return {f"{c.name}.schema.json": json.dumps(collection_schema(c), indent=2, ensure_ascii=False) + "\n"
            for c in COLLECTIONS}
