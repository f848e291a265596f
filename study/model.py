"""Load every data file, validate it, and hand out the result."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from study.errors import DataError
from study.records import (
    Actor,
    AtlasEntry,
    Claim,
    Comparison,
    Component,
    ConfigKey,
    EntryPoint,
    Event,
    Flow,
    HostPath,
    KernelInterface,
    PrlctlOption,
    Source,
    Term,
    Translation,
    Verdict,
    WorkPackage,
)
from study.schema import COLLECTIONS
from study.validate import Pending, Validator
from study.yamlsrc import load_file, read_file

_COLLECTION = {coll.name: coll for coll in COLLECTIONS}


@dataclass(frozen=True)
class Model:
    """The validated data: one list of records per collection, in file order."""

    records: dict[str, list[Any]]
    # Links to docs pages found in the data, checked once the site's pages are known.
    page_links: tuple[Pending, ...] = ()
    seed_text: str = ""
    _index: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name, items in self.records.items():
            key = _COLLECTION[name].id_field
            self._index[name] = {rec[key]: rec for rec in items} if key else {}

    def get(self, collection: str, ident: str) -> Any:
        """The record with that id; KeyError if there is none."""
        try:
            return self._index[collection][ident]
        except KeyError:
            noun = collection[:-1] if collection.endswith("s") else collection
            raise KeyError(f"unknown {noun} '{ident}'") from None

    @property
    def sources(self) -> list[Source]:
        return self.records["sources"]

    @property
    def claims(self) -> list[Claim]:
        return self.records["claims"]

    @property
    def components(self) -> list[Component]:
        return self.records["components"]

    @property
    def glossary(self) -> list[Term]:
        return self.records["glossary"]

    @property
    def flows(self) -> list[Flow]:
        return self.records["flows"]

    @property
    def translation(self) -> list[Translation]:
        return self.records["translation"]

    @property
    def timeline(self) -> list[Event]:
        return self.records["timeline"]

    @property
    def actors(self) -> list[Actor]:
        return self.records["actors"]

    @property
    def buildability(self) -> list[Verdict]:
        return self.records["buildability"]

    @property
    def work_packages(self) -> list[WorkPackage]:
        return self.records["work_packages"]

    @property
    def kernel_interfaces(self) -> list[KernelInterface]:
        return self.records["kernel_interfaces"]

    @property
    def errors(self) -> list[AtlasEntry]:
        return self.records["errors"]

    @property
    def config_keys(self) -> list[ConfigKey]:
        return self.records["config_keys"]

    @property
    def prlctl_options(self) -> list[PrlctlOption]:
        return self.records["prlctl_options"]

    @property
    def paths(self) -> list[HostPath]:
        return self.records["paths"]

    @property
    def entry_points(self) -> list[EntryPoint]:
        return self.records["entry_points"]

    @property
    def disambiguation(self) -> list[Comparison]:
        return self.records["disambiguation"]


def seed_paragraphs(seed_text: str) -> list[str]:
    """The seed's paragraphs: blocks separated by blank lines, as in the file."""
    return [p for p in seed_text.split("\n\n") if p.strip()]


def _check_folder(folder: Path, label: str) -> None:
    """The data folder holds the known files and nothing else."""
    if folder.is_symlink() or not folder.is_dir():
        raise DataError(label, 0, "", "the data folder is missing, or is a symbolic link")
    known = {coll.file for coll in COLLECTIONS}
    for entry in sorted(folder.iterdir()):
        if entry.name not in known and not entry.name.startswith("."):
            names = ", ".join(sorted(known))
            raise DataError(f"{label}/{entry.name}", 0, "",
                            f"unexpected entry in the data folder (known files: {names})")


def _seed_text(root: Path, sources: list[Any], label: str) -> str:
    """The seed document, found through the one source of kind 'seed'."""
    seeds = [s for s in sources if s["kind"] == "seed"]
    if len(seeds) != 1:
        raise DataError(label, 1, "sources", f"needs exactly one source of kind 'seed', found {len(seeds)}")
    seed = seeds[0]
    if "path" not in seed:
        raise DataError(label, seed.line, "", "the seed source needs a 'path' to the seed file")
    path = root / seed["path"]
    if not path.resolve().is_relative_to(root.resolve()):
        raise DataError(label, seed.line_of("path"), "", "the seed file must lie inside the project")
    return read_file(path, seed["path"])


def load_model(root: Path, data_dir: str = "data") -> Model:
    """Read data_dir (relative to root); raise DataError on the first problem."""
    validator = Validator()
    records: dict[str, list[Any]] = {}
    _check_folder(root / data_dir, data_dir)
    for coll in COLLECTIONS:
        label = f"{data_dir}/{coll.file}"
        doc = load_file(root / data_dir / coll.file, label)
        records[coll.name] = validator.collection(coll, doc, label)
    seed_text = _seed_text(root, records["sources"], f"{data_dir}/sources.yaml")
    validator.context.seed_paragraphs = seed_paragraphs(seed_text)
    validator.resolve()
    return Model(records, tuple(validator.pages), seed_text)
