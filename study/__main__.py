"""Command line: `python -m study validate [DATA_DIR]` checks a data folder."""

from __future__ import annotations

import sys
from pathlib import Path

from study.errors import DataError
from study.model import load_model


def main(argv: list[str]) -> int:
    if not argv or argv[0] != "validate":
        print("usage: python -m study validate [DATA_DIR]", file=sys.stderr)
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
