"""A small vocabulary for describing the shape of the data files.

The schema of each data file is written once, with these constructors, in
``study.schema``. The validator reads it to check the files, and
``study.jsonschema`` turns it into JSON Schema for editors and for the
published export, so the two can never disagree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

# Scalar kinds: (regex, description used in error messages, longest value).
# Patterns are anchored by the validator and use ASCII classes only: Python's
# \d would also accept Arabic-Indic or superscript digits.
SCALARS: dict[str, tuple[str, str, int]] = {
    "string": (r"[^\n]+", "a one-line string", 400),
    "text": (r"[\s\S]*\S[\s\S]*", "a string", 6000),  # portable: also a JSON Schema pattern
    "id": (r"[a-z0-9][a-z0-9.-]*", "an id (lowercase letters, digits, '-' and '.')", 64),
    "url": (r"https?://[^\s/$.?#][^\s]*", "an absolute http(s) URL", 500),
    "date": (r"[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?", "a date (YYYY, YYYY-MM or YYYY-MM-DD)", 10),
    "commit": (r"[0-9a-f]{40}", "a 40-hex commit hash", 40),
    "repo": (r"[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*", "a repository name (owner/name)", 140),
    "path": (r"[^/\s][^\s]*", "a relative path without spaces", 300),
    "lines": (r"[1-9][0-9]{0,5}(-[1-9][0-9]{0,5})?", "a line range (A or A-B, each from 1 to 999999)", 13),
    "int": (r"0|[1-9][0-9]{0,5}", "an integer from 0 to 999999", 6),
    "version": (r"[1-9][0-9]?\.[0-9]{1,2}(\.[0-9]{1,3})?", "a kernel version such as 4.5 or 2.6.32", 10),
    # A docs page, checked against the built site once every page is known.
    "page": (r"[a-z0-9][a-z0-9/._-]*\.md(#[a-z0-9][a-z0-9_-]*)?",
             "a docs page (path/page.md or path/page.md#anchor)", 200),
}


@dataclass(frozen=True)
class Field:
    """One field of a record, or the shape of a list item."""

    kind: str  # a key of SCALARS, or "enum", "ref", "list", "object", "mapping"
    required: bool = True
    name: str = ""  # object: the name of its typed record in study.records
    doc: str = ""
    choices: tuple[str, ...] = ()  # enum values; mapping keys
    target: str = ""  # ref: the collection whose ids are allowed
    item: Field | None = None  # list items; mapping values
    min_items: int = 0  # list
    fields: dict[str, Field] = field(default_factory=dict)  # object
    # object: cross-record rules run once every id is known; each returns
    # (field name, message) pairs. See study.validate.Context.
    rules: tuple[Callable, ...] = ()

    @property
    def inner(self) -> Field:
        """The item shape of a list or a mapping."""
        if self.item is None:
            raise TypeError(f"a {self.kind} field has no item shape")
        return self.item


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


def record(type_name: str, doc: str = "", required: bool = True, rules: tuple[Callable, ...] = (),
           **fields: Field) -> Field:
    """A record shape; `type_name` names its TypedDict in study.records."""
    return Field("object", required=required, doc=doc, fields=fields, rules=rules, name=type_name)


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
