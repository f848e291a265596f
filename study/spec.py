"""A small vocabulary for describing the shape of the data files.

The schema of each data file is written once, with these constructors, in
``study.schema``. The validator reads it to check the files, and
``study.jsonschema`` turns it into JSON Schema for editors and for the
published export, so the two can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

# Scalar kinds and what they accept. Patterns are anchored by the validator.
SCALARS: dict[str, tuple[str, str]] = {
    # kind: (regex, human description used in error messages)
    "string": (r"[^\n]+", "a one-line string"),
    "text": (r"[\s\S]*\S[\s\S]*", "a string"),  # portable: also a JSON Schema pattern
    "id": (r"[a-z0-9][a-z0-9.-]*", "an id (lowercase letters, digits, '-' and '.')"),
    "url": (r"https?://[^\s/$.?#][^\s]*", "an absolute http(s) URL"),
    "date": (r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?", "a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
    "commit": (r"[0-9a-f]{40}", "a 40-hex commit hash"),
    "repo": (r"[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*", "a repository name (owner/name)"),
    "path": (r"[^/\s][^\s]*", "a relative path without spaces"),
    "lines": (r"[1-9]\d*(-[1-9]\d*)?", "a line range (A or A-B)"),
    "int": (r"0|[1-9]\d*", "a non-negative integer"),
}


@dataclass(frozen=True)
class Field:
    """One field of a record, or the shape of a list item."""

    kind: str  # a key of SCALARS, or "enum", "ref", "list", "object", "mapping"
    required: bool = True
    doc: str = ""
    choices: tuple[str, ...] = ()  # enum values; mapping keys
    target: str = ""  # ref: the collection whose ids are allowed
    item: "Field | None" = None  # list items; mapping values
    min_items: int = 0  # list
    fields: dict[str, "Field"] = field(default_factory=dict)  # object
    # object: cross-record rules run once every id is known; each returns
    # (field name, message) pairs. See study.validate.Context.
    rules: tuple[Callable, ...] = ()


def scalar(kind: str, doc: str = "", required: bool = True) -> Field:
    if kind not in SCALARS:
        raise ValueError(f"unknown scalar kind {kind!r}")
    return Field(kind, required=required, doc=doc)


def enum(choices: tuple[str, ...] | list[str], doc: str = "", required: bool = True) -> Field:
    return Field("enum", required=required, doc=doc, choices=tuple(choices))


def ref(target: str, doc: str = "", required: bool = True) -> Field:
    return Field("ref", required=required, doc=doc, target=target)


def listof(item: Field, doc: str = "", required: bool = True, min_items: int = 0) -> Field:
    return Field("list", required=required, doc=doc, item=item, min_items=min_items)


def mapping(keys: tuple[str, ...] | list[str], value: Field, doc: str = "", required: bool = True) -> Field:
    """A mapping whose keys come from a fixed list, e.g. language -> line count."""
    return Field("mapping", required=required, doc=doc, choices=tuple(keys), item=value, min_items=1)


def record(doc: str = "", required: bool = True, rules: tuple[Callable, ...] = (), **fields: Field) -> Field:
    return Field("object", required=required, doc=doc, fields=fields, rules=rules)


@dataclass(frozen=True)
class Collection:
    """A data file: a mapping with one key whose value is a list of records."""

    name: str  # the top-level key and the name used by references
    file: str  # file name inside data/
    item: Field  # the record shape
    doc: str = ""
    id_field: str = "id"  # "" when records have no id
    min_items: int = 1  # records the file must hold
    # Rules over the whole list, run once every id is known: each takes
    # (records, context) and yields (record index or None, field path, message).
    rules: tuple[Callable, ...] = ()
