"""Load every data file, validate it, and hand out the result."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from study.schema import COLLECTIONS
from study.validate import Validator
from study.yamlsrc import load_file


@dataclass(frozen=True)
class Model:
    """The validated data: one list of records per collection, in file order."""

    records: dict[str, list]

    def __getattr__(self, name: str) -> list:
        try:
            return self.records[name]
        except KeyError:
            raise AttributeError(name) from None

    def get(self, collection: str, ident: str):
        """The record with that id; KeyError if there is none."""
        for rec in self.records[collection]:
            if rec.get("id", rec.get("term")) == ident:
                return rec
        noun = collection[:-1] if collection.endswith("s") else collection
        raise KeyError(f"unknown {noun} '{ident}'")


def load_model(root: Path, data_dir: str = "data") -> Model:
    """Read data_dir (relative to root); raise DataError on the first problem."""
    validator = Validator()
    records = {}
    for coll in COLLECTIONS:
        label = f"{data_dir}/{coll.file}"
        doc = load_file(root / data_dir / coll.file, label)
        records[coll.name] = validator.collection(coll, doc, label)
    validator.resolve()
    return Model(records)
