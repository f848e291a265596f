"""Find every evidence item in the model, whatever file it sits in."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from study.model import Model
from study.schema import COLLECTIONS, EVIDENCE
from study.spec import Field


def _walk(value: Any, spec: Field, path: str) -> Iterator[tuple[str, Any]]:
    if spec is EVIDENCE:
        yield path, value
    elif spec.kind == "object":
        for key, sub in spec.fields.items():
            if key in value:
                yield from _walk(value[key], sub, f"{path}.{key}")
    elif spec.kind == "list":
        for i, item in enumerate(value):
            yield from _walk(item, spec.inner, f"{path}[{i}]")


def evidence_items(model: Model) -> Iterator[tuple[str, Any]]:
    """(field path, evidence item) for every evidence item of every data file."""
    for coll in COLLECTIONS:
        for i, record in enumerate(model.records[coll.name]):
            yield from _walk(record, coll.item, f"{coll.name}[{i}]")
