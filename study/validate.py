"""Check loaded YAML against the declared schema and resolve references.

Validation runs in two passes. The first checks each file's structure and
collects the ids it defines. The second resolves every reference and runs the
cross-record rules, which may look at any record of any file. The first
problem found stops everything: the build prints one message that names the
file, the line and the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from study.errors import DataError
from study.spec import SCALARS, Collection, Field
from study.yamlsrc import Mapping, Sequence

_PATTERNS = {kind: re.compile(rx) for kind, (rx, _) in SCALARS.items()}


def _describe(value) -> str:
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, Sequence):
        return "a list"
    if value is None:
        return "nothing"
    return f"{value!r}"


@dataclass
class _Pending:
    """Something the second pass must do, with where to report it."""

    file: str
    line: int
    path: str
    value: object
    spec: Field


@dataclass
class Context:
    """What cross-record rules may look at: every record, by collection and id."""

    index: dict[str, dict[str, Mapping]] = field(default_factory=dict)

    def get(self, collection: str, ident: str) -> Mapping | None:
        return self.index.get(collection, {}).get(ident)


class Validator:
    def __init__(self) -> None:
        self.context = Context()
        self.defined: dict[str, dict[str, tuple[str, int]]] = {}
        self.refs: list[_Pending] = []
        self.objects: list[_Pending] = []
        self.lists: list[tuple[Collection, Sequence, str]] = []

    # -- first pass -------------------------------------------------------

    def collection(self, coll: Collection, doc, label: str) -> Sequence:
        """Check one loaded file; return its list of records."""
        if doc is None or doc == "":
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
        ids = self.defined.setdefault(coll.name, {})
        records = self.context.index.setdefault(coll.name, {})
        if coll.id_field:
            for i, rec in enumerate(items):
                ident = rec[coll.id_field]
                line = rec.line_of(coll.id_field)
                if ident in ids:
                    first_file, first_line = ids[ident]
                    where = f"line {first_line}" if first_file == label else f"{first_file}:{first_line}"
                    raise DataError(label, line, f"{coll.name}[{i}].{coll.id_field}",
                                    f"duplicate id '{ident}' (first defined at {where})")
                ids[ident] = (label, line)
                records[ident] = rec
        return items

    def value(self, value, spec: Field, label: str, line: int, path: str):
        """Check one value in place; integers are converted and returned."""
        kind = spec.kind
        if kind == "object":
            return self._object(value, spec, label, line, path)
        if kind == "mapping":
            if not isinstance(value, Mapping):
                raise DataError(label, line, path, f"expected a mapping, got {_describe(value)}")
            self._duplicates(value, label, path)
            if len(value) < spec.min_items:
                raise DataError(label, line, path, "needs at least one entry")
            for key in value:
                if key not in spec.choices:
                    raise DataError(label, value.line_of(key), _join(path, key),
                                    f"unknown key (expected one of: {', '.join(spec.choices)})")
                value[key] = self.value(value[key], spec.item, label, value.line_of(key), _join(path, key))
            return value
        if kind == "list":
            if not isinstance(value, Sequence):
                raise DataError(label, line, path, f"expected a list, got {_describe(value)}")
            if len(value) < spec.min_items:
                need = "at least one item" if spec.min_items == 1 else f"at least {spec.min_items} items"
                raise DataError(label, line, path, f"needs {need}")
            for i, item in enumerate(value):
                value[i] = self.value(item, spec.item, label, value.line_of(i), f"{path}[{i}]")
            return value
        if not isinstance(value, str):
            expected = "a string" if kind in SCALARS else "a value"
            if kind in SCALARS:
                expected = SCALARS[kind][1]
            raise DataError(label, line, path, f"expected {expected}, got {_describe(value)}")
        if value.strip() == "":
            raise DataError(label, line, path, "must not be empty")
        if kind == "enum":
            if value not in spec.choices:
                raise DataError(label, line, path,
                                f"unknown value '{value}' (expected one of: {', '.join(spec.choices)})")
            return value
        if kind == "ref":
            self.refs.append(_Pending(label, line, path, value, spec))
            return value
        if not _PATTERNS[kind].fullmatch(value):
            raise DataError(label, line, path, f"not {SCALARS[kind][1]}: '{value}'")
        if kind == "lines" and "-" in value:
            first, last = (int(n) for n in value.split("-"))
            if first > last:
                raise DataError(label, line, path, f"line range runs backwards: '{value}'")
        return int(value) if kind == "int" else value

    def _object(self, value, spec: Field, label: str, line: int, path: str):
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
            self.objects.append(_Pending(label, value.line, path, value, spec))
        return value

    @staticmethod
    def _duplicates(mapping: Mapping, label: str, path: str) -> None:
        if mapping.duplicates:
            key, line = mapping.duplicates[0]
            raise DataError(label, line, path, f"duplicate key '{key}'")

    # -- second pass ------------------------------------------------------

    def resolve(self) -> None:
        for ref in self.refs:
            target = ref.spec.target
            if ref.value not in self.defined.get(target, {}):
                noun = target[:-1] if target.endswith("s") else target
                raise DataError(ref.file, ref.line, ref.path, f"unknown {noun} '{ref.value}'")
        for obj in self.objects:
            for rule in obj.spec.rules:
                for where, message in rule(obj.value, self.context):
                    line = _locate(obj.value, where) if where else obj.line
                    raise DataError(obj.file, line, _join(obj.path, where) if where else obj.path, message)
        for coll, items, label in self.lists:
            for rule in coll.rules:
                for index, where, message in rule(items, self.context):
                    if index is None:
                        raise DataError(label, items.line, coll.name, message)
                    record = items[index]
                    line = _locate(record, where) if where else items.line_of(index)
                    path = f"{coll.name}[{index}]" + (f".{where}" if where else "")
                    raise DataError(label, line, path, message)


def _locate(record: Mapping, where: str) -> int:
    """The line of a field path such as 'steps[1].dst' inside a record."""
    line, node = record.line, record
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
