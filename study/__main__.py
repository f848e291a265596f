"""Command line.

    python -m study validate [DATA_DIR]   check a data folder
    python -m study schema [OUT_DIR]      write the JSON Schema files (default: schema/)
"""

from __future__ import annotations

import sys
from pathlib import Path

from study.errors import DataError
from study.model import load_model


def write_schema(out: Path) -> int:
    from study.jsonschema import render_all

    out.mkdir(parents=True, exist_ok=True)
    for name, text in render_all().items():
        (out / name).write_text(text, encoding="utf-8")
        print(out / name)
    return 0


def main(argv: list[str]) -> int:
    if argv and argv[0] == "schema":
        return write_schema(Path(argv[1] if len(argv) > 1 else "schema"))
    if not argv or argv[0] != "validate":
        print(__doc__.strip(), file=sys.stderr)
        return 2
    data = Path(argv[1] if len(argv) > 1 else "data").resolve()
    try:
        model = load_model(data.parent, data.name)
    except DataError as err:
        print(err, file=sys.stderr)
        return 1
    sizes = ", ".join(f"{len(v)} {k}" for k, v in model.records.items())
    print(f"{data}: valid ({sizes})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
