"""Check loaded YAML against the declared schema and resolve references.

Validation runs in two passes. The first checks each file's structure and
collects the ids it defines. The second resolves every reference and runs the
cross-record rules, which may look at any record of any file and at the seed
document. The first problem found stops everything: the build prints one
message that names the file, the line and the field.

Links to docs pages (fields of kind "page") are collected here and checked by
``study.build`` once every page, written or generated, is known.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from study.errors import DataError, shown
from study.spec import SCALARS, Collection, Field
from study.yamlsrc import Mapping, Sequence

_PATTERNS = {kind: re.compile(rx) for kind, (rx, _, _) in SCALARS.items()}


def _describe(value: object) -> str:
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, Sequence):
        return "a list"
    if value is None:
        return "nothing (null)"
    return f"'{shown(value)}'"


@dataclass
class Pending:
    """Something the second pass (or the site) must check, with where to report it."""

    file: str
    line: int
    path: str
    value: object
    spec: Field

    def error(self, message: str, line: int | None = None, path: str | None = None) -> DataError:
        return DataError(self.file, self.line if line is None else line, self.path if path is None else path,
                         message)


@dataclass
class Context:
    """What cross-record rules may look at: every record by collection and id, and the seed."""

    index: dict[str, dict[str, Mapping]] = field(default_factory=dict)
    seed_paragraphs: list[str] = field(default_factory=list)

    def get(self, collection: str, ident: str) -> Mapping | None:
        return self.index.get(collection, {}).get(ident)


class Validator:
    def __init__(self) -> None:
        self.context = Context()
        self.defined: dict[str, dict[str, tuple[str, int]]] = {}
        self.refs: list[Pending] = []
        self.pages: list[Pending] = []
        self.objects: list[Pending] = []
        self.lists: list[tuple[Collection, Sequence, str]] = []

    # -- first pass -------------------------------------------------------

    def collection(self, coll: Collection, doc: object, label: str) -> Sequence:
        """Check one loaded file; return its list of records."""
        if doc is None:
            raise DataError(label, 1, "", f"file is empty; expected a mapping with the key '{coll.name}'")
        if not isinstance(doc, Mapping) or set(doc) != {coll.name}:
            line = doc.line if isinstance(doc, (Mapping, Sequence)) else 1
            raise DataError(label, line, "", f"expected a mapping with the single key '{coll.name}'")
        self._duplicates(doc, label, "")
        items = doc[coll.name]
        spec = Field("list", item=coll.item, min_items=coll.min_items)
        self.value(items, spec, label, doc.line_of(coll.name), coll.name)
        if coll.rules:
            self.lists.append((coll, items, label))
        self._define(coll, items, label)
        return items

    def _define(self, coll: Collection, items: Sequence, label: str) -> None:
        ids = self.defined.setdefault(coll.name, {})
        records = self.context.index.setdefault(coll.name, {})
        if not coll.id_field:
            return
        for i, rec in enumerate(items):
            ident = rec[coll.id_field]
            line = rec.line_of(coll.id_field)
            if ident in ids:
                first_file, first_line = ids[ident]
                where = f"line {first_line}" if first_file == label else f"{first_file}:{first_line}"
                raise DataError(label, line, f"{coll.name}[{i}].{coll.id_field}",
                                f"duplicate id '{shown(ident)}' (first defined at {where})")
            ids[ident] = (label, line)
            records[ident] = rec

    def value(self, value: object, spec: Field, label: str, line: int, path: str) -> object:
        """Check one value in place; integers are converted and returned."""
        if spec.kind == "object":
            return self._object(value, spec, label, line, path)
        if spec.kind == "mapping":
            return self._mapping(value, spec, label, line, path)
        if spec.kind == "list":
            return self._list(value, spec, label, line, path)
        return self._scalar(value, spec, label, line, path)

    def _mapping(self, value: object, spec: Field, label: str, line: int, path: str) -> Mapping:
        if not isinstance(value, Mapping):
            raise DataError(label, line, path, f"expected a mapping, got {_describe(value)}")
        self._duplicates(value, label, path)
        if len(value) < spec.min_items:
            raise DataError(label, line, path, "needs at least one entry")
        assert spec.item is not None
        for key in value:
            if key not in spec.choices:
                raise DataError(label, value.line_of(key), _join(path, key),
                                f"unknown key (expected one of: {', '.join(spec.choices)})")
            value[key] = self.value(value[key], spec.item, label, value.line_of(key), _join(path, key))
        return value

    def _list(self, value: object, spec: Field, label: str, line: int, path: str) -> Sequence:
        if not isinstance(value, Sequence):
            raise DataError(label, line, path, f"expected a list, got {_describe(value)}")
        if len(value) < spec.min_items:
            need = "at least one item" if spec.min_items == 1 else f"at least {spec.min_items} items"
            raise DataError(label, line, path, f"needs {need}")
        assert spec.item is not None
        for i, item in enumerate(value):
            value[i] = self.value(item, spec.item, label, value.line_of(i), f"{path}[{i}]")
        return value

    def _scalar(self, value: object, spec: Field, label: str, line: int, path: str) -> object:
        kind = spec.kind
        if value is None:
            raise DataError(label, line, path, "null is not a value here; write one, or leave the field out")
        if not isinstance(value, str):
            expected = SCALARS[kind][1] if kind in SCALARS else "a value"
            raise DataError(label, line, path, f"expected {expected}, got {_describe(value)}")
        if value.strip() == "":
            raise DataError(label, line, path, "must not be empty")
        if kind == "enum":
            if value not in spec.choices:
                raise DataError(label, line, path,
                                f"unknown value '{shown(value)}' (expected one of: {', '.join(spec.choices)})")
            return value
        pending = Pending(label, line, path, value, spec)
        if kind == "ref":
            self.refs.append(pending)
            return value
        limit = SCALARS[kind][2]
        if len(value) > limit:
            raise DataError(label, line, path, f"too long: {len(value):,} characters (at most {limit:,})")
        if not _PATTERNS[kind].fullmatch(value):
            raise DataError(label, line, path, f"not {SCALARS[kind][1]}: '{shown(value)}'")
        problem = scalar_problem(kind, value)
        if problem:
            raise DataError(label, line, path, problem)
        if kind == "page":
            self.pages.append(pending)
        return int(value) if kind == "int" else value

    def _object(self, value: object, spec: Field, label: str, line: int, path: str) -> Mapping:
        if not isinstance(value, Mapping):
            raise DataError(label, line, path, f"expected a mapping, got {_describe(value)}")
        self._duplicates(value, label, path)
        for key in value:
            if key not in spec.fields:
                allowed = ", ".join(spec.fields)
                raise DataError(label, value.line_of(key), _join(path, key),
                                f"unknown field (allowed: {allowed})")
        for key, sub in spec.fields.items():
            if key not in value:
                if sub.required:
                    raise DataError(label, value.line, path, f"missing required field '{key}'")
                continue
            value[key] = self.value(value[key], sub, label, value.line_of(key), _join(path, key))
        if spec.rules:
            self.objects.append(Pending(label, value.line, path, value, spec))
        return value

    @staticmethod
    def _duplicates(mapping: Mapping, label: str, path: str) -> None:
        if mapping.duplicates:
            key, line = mapping.duplicates[0]
            raise DataError(label, line, path, f"duplicate key '{shown(key)}'")

    # -- second pass ------------------------------------------------------

    def resolve(self) -> None:
        for ref in self.refs:
            self._resolve_ref(ref)
        for obj in self.objects:
            for rule in obj.spec.rules:
                for where, message in rule(obj.value, self.context):
                    assert isinstance(obj.value, Mapping)
                    line = locate(obj.value, where) if where else obj.line
                    raise obj.error(message, line, _join(obj.path, where) if where else obj.path)
        for coll, items, label in self.lists:
            for rule in coll.rules:
                for index, where, message in rule(items, self.context):
                    if index is None:
                        raise DataError(label, items.line, coll.name, message)
                    record = items[index]
                    line = locate(record, where) if where else items.line_of(index)
                    path = f"{coll.name}[{index}]" + (f".{where}" if where else "")
                    raise DataError(label, line, path, message)

    def _resolve_ref(self, ref: Pending) -> None:
        target = ref.spec.target
        if ref.value in self.defined.get(target, {}):
            return
        noun = target[:-1] if target.endswith("s") else target
        value = str(ref.value)
        near = [i for i in self.defined.get(target, {}) if i.lower() == value.lower()]
        hint = f" (ids are case-sensitive: did you mean '{near[0]}'?)" if near else ""
        if not value.isascii():
            hint = " (it contains characters outside ASCII, shown escaped)"
        raise ref.error(f"unknown {noun} '{shown(value)}'{hint}")


def scalar_problem(kind: str, value: str) -> str:
    """What is wrong with a value that matches its kind's pattern, or ''."""
    if kind == "lines" and "-" in value:
        first, last = (int(n) for n in value.split("-"))
        if first > last:
            return f"line range runs backwards: '{value}'"
    if kind == "date" and len(value) == 10:
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            return f"no such day in the calendar: '{value}'"
    return ""


def locate(record: Mapping, where: str) -> int:
    """The line of a field path such as 'steps[1].dst' inside a record."""
    line: int = record.line
    node: object = record
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", where):
        if part.startswith("[") and isinstance(node, Sequence):
            index = int(part[1:-1])
            line, node = node.line_of(index), node[index] if index < len(node) else None
        elif isinstance(node, Mapping):
            line, node = node.line_of(part), node.get(part)
        else:
            break
    return line


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key
