"""Write study/records.py: a TypedDict for every record shape in study.schema.

    python -m study types        rewrite study/records.py

The render functions are typed against these records; a test regenerates the
file and fails if the committed copy differs, so the two cannot drift apart.
"""

from __future__ import annotations

from study.schema import COLLECTIONS
from study.spec import SCALARS, Field

HEADER = '''# ruff: noqa: E501
"""Typed records of every data file, generated from study.schema by `python -m study types`.

Do not edit: change the schema and regenerate. At run time the records are the
validator's dicts (with line numbers); these types only describe their keys.
"""

from __future__ import annotations

from typing import Literal, NotRequired, TypedDict


'''


def _python_type(spec: Field, shapes: dict[str, Field]) -> str:
    if spec.kind == "object":
        shapes.setdefault(spec.name, spec)
        return spec.name
    if spec.kind == "list":
        assert spec.item is not None
        return f"list[{_python_type(spec.item, shapes)}]"
    if spec.kind == "mapping":
        assert spec.item is not None
        return f"dict[str, {_python_type(spec.item, shapes)}]"
    if spec.kind == "enum":
        return "Literal[" + ", ".join(repr(c) for c in spec.choices) + "]"
    if spec.kind == "int":
        return "int"
    assert spec.kind in SCALARS or spec.kind == "ref", spec.kind
    return "str"


def _typed_dict(spec: Field, shapes: dict[str, Field]) -> str:
    lines = [f"class {spec.name}(TypedDict):"]
    if spec.doc:
        lines.append(f'    """{spec.doc}"""')
        lines.append("")
    for name, sub in spec.fields.items():
        kind = _python_type(sub, shapes)
        lines.append(f"    {name}: {kind if sub.required else f'NotRequired[{kind}]'}")
    return "\n".join(lines)


def render() -> str:
    shapes: dict[str, Field] = {}
    for coll in COLLECTIONS:
        shapes.setdefault(coll.item.name, coll.item)
    done: list[str] = []
    blocks: dict[str, str] = {}
    while len(done) < len(shapes):  # nested shapes are found while writing their parents
        for name in list(shapes):
            if name not in done:
                blocks[name] = _typed_dict(shapes[name], shapes)
                done.append(name)
    # Nested shapes first, so every name is defined before it is used.
    order = sorted(done, key=lambda n: (n in {c.item.name for c in COLLECTIONS}, done.index(n)))
    return HEADER + "\n\n\n".join(blocks[n] for n in order) + "\n"
