"""Every citation of the site with the words it supports, for review.

A citation is one evidence item in the data, or one source in a citation
shortcut of a hand-written page. Each is paired with the clause it is attached
to: the data field its record states, or the words of the page back to the
previous citation or the sentence's start. Its key hashes the place, the clause
and the citation, so a review lapses when any of them changes.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from study import yamlsrc
from study.build import Site
from study.evidence import evidence_items
from study.expand import PLACEHOLDER, TOKEN, protected
from study.validate import scalar_problem
from study.yamlsrc import Mapping

REVIEW_DIR = "review"
# A review says the cited lines show the clause ("supports", after any mending, which `change`
# records), or that the source could not be read here ("unreadable", with a `note` on what was tried).
VERDICTS = ("supports", "unreadable")
_RUN = re.compile(r"(?:\[@[a-z0-9][a-z0-9.-]*(?:\s+[^\]\n]+)?\](?:[ \t]*\n?[ \t]*(?=\[@))?)+")
_SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+(?=[A-Z`\[*(])")
# Emphasis and code marks go; an underscore inside a word (PrlVm_CommitEx) is part of the name and stays.
_MARKUP = re.compile(r"\[claim:(c\d+)\]|\[component:([a-z0-9.-]+)\]|[*`]"
                     r"|(?<!\w)_(?=[^\W_])|(?<=[^\W_])_(?!\w)|\{[^}]*\}")

# What each data record's evidence is for: the fields a reviewer reads it against.
CLAIM_FIELDS = {
    "claims": ("english", "explanation"), "components": ("role",), "flows": ("call", "note"),
    "timeline": ("date", "title", "description"), "actors": ("interaction", "description"),
    "buildability": ("rationale", "precedent", "needs"), "work_packages": ("goal", "test_strategy"),
    # An interface's own evidence backs 'vz'; a stock entry's backs its interface, version and note.
    "kernel_interfaces": ("vz", "interface", "match", "since", "basis", "committed", "note"),
    "errors": ("code", "value", "text", "meaning", "note", "flow", "step"),
    "config_keys": ("key", "file", "meaning", "unit", "default", "status", "alias_of", "note"),
    "prlctl_options": ("option", "applies_to", "meaning", "sdk", "keys", "key_note"),
    "paths": ("path", "description", "format", "lifetime"), "entry_points": ("text",),
    "disambiguation": ("aspect", "text"),
}


def key_of(place: str, clause: str, item: dict[str, str]) -> str:
    text = "|".join([place, clause, item["source"], item.get("path", ""), item.get("lines", ""),
                     item.get("section", "")])
    return hashlib.sha1(text.encode()).hexdigest()[:12]


def _record_at(model: Any, path: str) -> Any:
    """The record (or step, interface, finding or table cell) an evidence path belongs to."""
    parts = re.findall(r"([a-z_]+)(?:\[(\d+)\])?", path)
    node: Any = model.records[parts[0][0]][int(parts[0][1])]
    for name, index in parts[1:-1]:  # the last part is the evidence item itself
        node = node[name] if index == "" else node[name][int(index)]
    return node


def _data_clause(model: Any, path: str) -> str:
    node = _record_at(model, path)
    collection = path.split("[")[0]
    fields = ("name", "description") if ".interfaces[" in path else CLAIM_FIELDS.get(collection, ())
    return " | ".join(f"{f}: {node[f]}" for f in fields if isinstance(node, Mapping) and f in node)


def data_citations(site: Site) -> Iterator[dict[str, Any]]:
    for path, item in evidence_items(site.model):
        place = f"data {path}"
        clause = " ".join(_data_clause(site.model, path).split())
        yield {"key": key_of(place, clause, item), "place": place, "clause": clause, **item}


# Where a block begins: a blank line, a heading or a placeholder (with its whole line), a list
# item, a quote, a table cell. A citation's words never reach back past one into the block before.
_BLOCK_START = re.compile(r"\n[ \t]*\n|(?:^|\n)[ \t]*(?:#{1,6}[ \t][^\n]*|<!--[^\n]*|[-*+][ \t]|\d+\.[ \t]|>)|\|")
_ITEM_MARK = re.compile(r"^\s*(?:[-*+]|\d+\.)[ \t]+")


def _clause_before(text: str, start: int, floor: int) -> str:
    """The words a citation run supports: back to the previous run, the sentence start, or the block start."""
    before = text[floor:start]
    blocks = list(_BLOCK_START.finditer(before))
    if blocks:
        before = _ITEM_MARK.sub("", before[blocks[-1].end():])
    pieces = _SENTENCE_END.split(before)
    clause = pieces[-1] if pieces else before
    if len(clause) < 40 and len(pieces) > 1:  # a short tail: keep the sentence it ends
        clause = pieces[-2] + " " + clause
    clause = _MARKUP.sub(lambda m: (m.group(1) or m.group(2) or "").upper() if m.group(1) else (m.group(2) or ""),
                         clause)
    return " ".join(clause.split())


def prose_citations(site: Site) -> Iterator[dict[str, Any]]:
    for _, page in sorted(site.pages.items()):
        body = page.body
        code = protected(body)
        floor = 0
        for run in _RUN.finditer(body):
            line_start = body.rfind("\n", 0, run.start()) + 1
            if any(a <= run.start() < b for a, b in code) or PLACEHOLDER.match(body, line_start):
                continue
            clause = _clause_before(body, run.start(), floor)
            line = page.line(run.start())
            for m in TOKEN.finditer(run.group(0)):
                loc = (m.group("loc") or "").strip()
                item = {"source": m.group("src")}
                if loc.startswith("§"):
                    item["section"] = loc[1:].strip()
                elif loc:
                    p, _, lines = loc.partition(":")
                    item.update({"path": p, **({"lines": lines} if lines else {})})
                place = f"{page.label}:{line}"
                yield {"key": key_of(page.label, clause, item), "place": place, "clause": clause, **item}
            floor = run.end()


def citations(site: Site) -> list[dict[str, Any]]:
    return [*data_citations(site), *prose_citations(site)]


def _review_files(root: Path) -> list[tuple[Path, list[Any]]]:
    """Each review file with its entries, read as carefully as the data files."""
    out = []
    for path in sorted((root / REVIEW_DIR).glob("citations*.yaml")):
        data = yamlsrc.load_file(path, str(path.relative_to(root)))
        entries = data.get("reviews") if isinstance(data, dict) else None
        out.append((path, entries if isinstance(entries, list) else []))
    return out


def reviews(root: Path) -> dict[str, dict[str, Any]]:
    """key -> recorded review, from every review/citations*.yaml file."""
    return {entry["key"]: entry for _, entries in _review_files(root) for entry in entries
            if isinstance(entry, dict) and isinstance(entry.get("key"), str)}


class ReviewCounts(NamedTuple):
    citations: int
    reviewed: int
    supports: int
    mended: int  # of the supporting ones: the clause or the citation was changed to pass
    written: int  # of the supporting ones: new citations, read by their author as they were written
    unreadable: int


def review_counts(site: Site) -> ReviewCounts:
    """How many of the site's citations have a review, and with which outcome."""
    found = reviews(site.docs_root.parent)
    done = [found[c["key"]] for c in citations(site) if c["key"] in found]
    supports = [r for r in done if r.get("verdict") == "supports"]
    changes = [str(r.get("change") or "") for r in supports]
    written = sum(1 for c in changes if c == "new")
    mended = sum(1 for c in changes if c and c != "new" and not c.startswith("re-keyed"))
    return ReviewCounts(len(citations(site)), len(done), len(supports), mended, written,
                        sum(1 for r in done if r.get("verdict") == "unreadable"))


_KEY = re.compile(r"[0-9a-f]{12}")
_FIELDS = {"key", "verdict", "change", "note"}


def _entry_problems(entry: Any, seen: dict[str, str], where: str) -> list[str]:
    if not isinstance(entry, dict) or not isinstance(entry.get("key"), str) or not _KEY.fullmatch(entry["key"]):
        return [f"{where}: key: expected 12 hexadecimal digits"]
    key, problems = entry["key"], []
    if key in seen:
        problems.append(f"{where}: key {key}: reviewed twice (also in {seen[key]})")
    seen[key] = where
    if entry.get("verdict") not in VERDICTS:
        problems.append(f"{where}: verdict: expected one of {', '.join(VERDICTS)}")
    if entry.get("verdict") == "unreadable" and not str(entry.get("note") or "").strip():
        problems.append(f"{where}: note: an unreadable source needs a note on what was tried")
    problems += [f"{where}: {name}: unknown field" for name in sorted(set(entry) - _FIELDS)]
    return problems


def review_problems(root: Path, live: set[str]) -> list[str]:
    """Malformed, repeated or stale review entries: a review must name a live citation."""
    problems: list[str] = []
    seen: dict[str, str] = {}
    for path, entries in _review_files(root):
        for number, entry in enumerate(entries):
            where = f"{path.relative_to(root)}: reviews[{number}]"
            found = _entry_problems(entry, seen, where)
            if not found and entry["key"] not in live:
                found = [f"{where}: key {entry['key']}: no citation has this key"
                         " (stale: the clause or citation changed)"]
            problems += found
    return problems


# -- independent audits -------------------------------------------------------------------
# A sample of citations drawn at random and read by someone who did not write or review them;
# one file per audit under review/audits/.
AUDIT_DIR = "audits"
AUDIT_VERDICTS = ("supports", "partial", "unsupported", "unreadable")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Audit(NamedTuple):
    date: str
    drawn: int
    population: int  # how many citations the sample was drawn from
    counts: dict[str, int]  # verdict -> how many


def _audit_problems(data: Any, where: str) -> list[str]:
    audit = data.get("audit") if isinstance(data, dict) else None
    if not isinstance(audit, dict):
        return [f"{where}: audit: expected a mapping"]
    problems = []
    date = str(audit.get("date"))
    if not _DATE.fullmatch(date) or scalar_problem("date", date):
        problems.append(f"{where}: audit.date: expected a day of the calendar, YYYY-MM-DD")
    for name in ("drawn", "from"):  # the loader keeps every scalar as written, as a string
        if not re.fullmatch(r"[1-9][0-9]*", str(audit.get(name))):
            problems.append(f"{where}: audit.{name}: expected a positive whole number")
    entries = audit.get("entries")
    if not isinstance(entries, list):
        return [*problems, f"{where}: audit.entries: expected a list"]
    for number, entry in enumerate(entries):
        if not isinstance(entry, dict) or entry.get("verdict") not in AUDIT_VERDICTS:
            problems.append(f"{where}: audit.entries[{number}].verdict: expected one of {', '.join(AUDIT_VERDICTS)}")
        elif entry["verdict"] != "supports" and not str(entry.get("why") or "").strip():
            problems.append(f"{where}: audit.entries[{number}].why: a verdict other than supports says why")
    if str(audit.get("drawn")).isdigit() and int(audit["drawn"]) != len(entries):
        problems.append(f"{where}: audit.drawn: {audit['drawn']} drawn but {len(entries)} entries")
    return problems


def _audit_files(root: Path) -> list[tuple[str, Any]]:
    folder = root / REVIEW_DIR / AUDIT_DIR
    return [(str(p.relative_to(root)), yamlsrc.load_file(p, str(p.relative_to(root))))
            for p in sorted(folder.glob("*.yaml"))]


def audit_problems(root: Path) -> list[str]:
    """Malformed audit files: each must give its date, sample size and a verdict per entry."""
    return [problem for where, data in _audit_files(root) for problem in _audit_problems(data, where)]


def audits(root: Path) -> list[Audit]:
    """The well-formed audits, oldest first."""
    found = []
    for where, data in _audit_files(root):
        if not _audit_problems(data, where):
            audit = data["audit"]
            counts = {v: sum(1 for e in audit["entries"] if e["verdict"] == v) for v in AUDIT_VERDICTS}
            found.append(Audit(audit["date"], int(audit["drawn"]), int(audit["from"]), counts))
    return sorted(found)
