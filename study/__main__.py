"""Command line.

    python -m study validate [--data DIR] [ROOT]   the build's checks, without MkDocs
    python -m study schema [OUT_DIR]               write the JSON Schema files (default: schema/)
    python -m study types                          rewrite study/records.py from the schema

`validate` runs exactly the checks of a build (data, pages, links, anchors),
through the same function, and prints the build's message on failure.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from study.errors import DataError


def write_schema(out: Path) -> int:
    from study.jsonschema import render_all

    out.mkdir(parents=True, exist_ok=True)
    for name, text in render_all().items():
        (out / name).write_text(text, encoding="utf-8")
        print(out / name)
    return 0


def write_types() -> int:
    from study import typegen

    target = Path(__file__).with_name("records.py")
    target.write_text(typegen.render(), encoding="utf-8")
    print(target)
    return 0


def validate(root: Path, data: str) -> int:
    from study.build import load_site

    try:
        site = load_site(root, data)
    except DataError as err:
        print(err, file=sys.stderr)
        return 1
    sizes = ", ".join(f"{len(v)} {k}" for k, v in site.model.records.items())
    print(f"{root / data}: valid ({sizes}; {len(site.rendered)} pages)")
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m study", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="run the build's checks")
    check.add_argument("root", nargs="?", default=".", help="the project folder (default: .)")
    check.add_argument("--data", default=os.environ.get("STUDY_DATA", "data"), help="data folder inside ROOT")
    schema = commands.add_parser("schema", help="write the JSON Schema files")
    schema.add_argument("out", nargs="?", default="schema")
    commands.add_parser("types", help="rewrite study/records.py")
    args = parser.parse_args(argv)
    if args.command == "schema":
        return write_schema(Path(args.out))
    if args.command == "types":
        return write_types()
    return validate(Path(args.root), args.data)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
