"""The data reference page: every file, field and allowed value, from the schema."""

from __future__ import annotations

from study.render import md
from study.schema import COLLECTIONS
from study.spec import SCALARS, Field


def _kind(spec: Field) -> str:
    if spec.kind == "list":
        return f"list of {_kind(spec.inner)}"
    if spec.kind == "mapping":
        return f"mapping to {_kind(spec.inner)}"
    if spec.kind == "object":
        return "record"
    if spec.kind == "ref":
        return f"id in {spec.target}"
    if spec.kind == "enum":
        return "one of " + ", ".join(md.code(c) for c in spec.choices)
    return SCALARS[spec.kind][1]


def _rows(spec: Field, prefix: str = "") -> list[list[str]]:
    rows = []
    for name, sub in spec.fields.items():
        path = f"{prefix}{name}"
        rows.append([md.code(path), _kind(sub), "yes" if sub.required else "", md.text(sub.doc)])
        inner = sub.item if sub.kind == "list" else sub
        if inner is not None and inner.kind == "object":
            rows += _rows(inner, f"{path}[].") if sub.kind == "list" else _rows(inner, f"{path}.")
        if sub.kind == "mapping":
            rows.append([md.code(f"{path}.<key>"), "key: one of " + ", ".join(md.code(c) for c in sub.choices), "", ""])
    return rows


def reference() -> str:
    out = []
    for coll in COLLECTIONS:
        out += ["", f"## {coll.file} {{ #{coll.name} }}", "", md.text(coll.doc), "",
                f"The file is a mapping with one key, {md.code(coll.name)}, holding a list of records"
                + (" (it may be empty)." if not coll.min_items else ".")
                + f" JSON Schema: {md.code('schema/' + coll.name + '.schema.json')}.", ""]
        out.append(md.table(["Field", "Kind", "Required", "Meaning"], _rows(coll.item)))
    return "\n".join(out).lstrip() + "\n"
