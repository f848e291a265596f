"""Pair every citation with the words it supports and the lines it cites, for review.

    .venv/bin/python scripts/review_citations.py MIRRORS [--out FILE] [--only TEXT] [--unreviewed]
    .venv/bin/python scripts/review_citations.py --keys

MIRRORS holds one git directory per repository, named Owner+name (bare, or with
a .git inside), as for scripts/check_evidence.py. Each citation becomes one JSON
line: its key, where it is (a data field, or a page and line), the clause it is
attached to, the source, path and lines, and the cited lines themselves (web
sources: the section to read). A reviewer reads each pair and records a verdict
in review/citations.yaml; the tests check that every citation has one.

The key is a hash of the place, the clause and the citation, so a review lapses
when the sentence or the citation changes, and the citation must be read again.

  --only TEXT     only citations whose place contains TEXT (e.g. data/flows.yaml, docs/architecture)
  --unreviewed    only citations without a review yet
  --keys          print the key of every citation (no mirrors needed)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml

from study.build import Site, load_site
from study.evidence import evidence_items
from study.expand import PLACEHOLDER, TOKEN, protected
from study.yamlsrc import Mapping

REVIEWS = ROOT / "review" / "citations.yaml"
MAX_LINES = 60  # lines shown per citation; longer ranges show their start and end
_RUN = re.compile(r"(?:\[@[a-z0-9][a-z0-9.-]*(?:\s+[^\]\n]+)?\](?:[ \t]*\n?[ \t]*(?=\[@))?)+")
_SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+(?=[A-Z`\[*(])")
_MARKUP = re.compile(r"\[claim:(c\d+)\]|\[component:([a-z0-9.-]+)\]|[*_`]|\{[^}]*\}")

# What each data record's evidence is for: the fields a reviewer reads it against.
CLAIM_FIELDS = {
    "claims": ("english", "explanation"), "components": ("role",), "flows": ("call", "note"),
    "timeline": ("date", "title", "description"), "actors": ("interaction", "description"),
    "buildability": ("rationale", "precedent", "needs"), "work_packages": ("goal", "test_strategy"),
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


def _clause_before(text: str, start: int, floor: int) -> str:
    """The words a citation run supports: back to the previous run, or to the sentence start."""
    before = text[floor:start]
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


def _git_dir(mirrors: Path, repo: str) -> Path | None:
    aliases = {"libvirt/libvirt": ["msekletar/libvirt"]}
    for name in [repo, *aliases.get(repo, [])]:
        base = mirrors / name.replace("/", "+")
        for candidate in (base / "repo" / ".git", base / "repo", base):
            if (candidate / "HEAD").exists():
                return candidate
    return None


def cited_text(site: Site, mirrors: Path, item: dict[str, Any]) -> str:
    source = site.model.get("sources", item["source"])
    if "repo" not in source:
        return f"(web source: read § {item.get('section', '')} at {source.get('url', '')})"
    if "path" not in item and "path" not in source:
        return f"(commit {source['commit']}: read its message, § {item.get('section', '')})"
    gitdir = _git_dir(mirrors, source["repo"])
    if gitdir is None:
        return f"(no local snapshot of {source['repo']})"
    path = item.get("path") or source["path"]
    shown = subprocess.run(["git", f"--git-dir={gitdir}", "show", f"{source['commit']}:{path}"],
                           capture_output=True)
    if shown.returncode != 0:
        return f"(not readable: {source['repo']}@{source['commit'][:12]}:{path})"
    lines = shown.stdout.decode("utf-8", "replace").splitlines()
    first, _, last = (item.get("lines") or f"1-{min(len(lines), MAX_LINES)}").partition("-")
    numbers = list(range(int(first), int(last or first) + 1))
    if len(numbers) > MAX_LINES:
        numbers = numbers[:MAX_LINES // 2] + numbers[-MAX_LINES // 2:]
    return "\n".join(f"{n:6} {lines[n - 1]}" for n in numbers if n <= len(lines))


def reviewed_keys() -> set[str]:
    if not REVIEWS.exists():
        return set()
    data = yaml.safe_load(REVIEWS.read_text(encoding="utf-8")) or {}
    return {r["key"] for r in data.get("reviews", [])}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mirrors", nargs="?")
    parser.add_argument("--out")
    parser.add_argument("--only", default="")
    parser.add_argument("--unreviewed", action="store_true")
    parser.add_argument("--keys", action="store_true")
    args = parser.parse_args(argv)
    site = load_site(ROOT)
    found = [c for c in citations(site) if args.only in c["place"]]
    if args.keys:
        print("\n".join(c["key"] for c in found))
        return 0
    if not args.mirrors:
        parser.error("MIRRORS is needed to show the cited lines")
    if args.unreviewed:
        done = reviewed_keys()
        found = [c for c in found if c["key"] not in done]
    lines = [json.dumps({**c, "cited": cited_text(site, Path(args.mirrors), c)}, ensure_ascii=False) for c in found]
    if args.out:
        Path(args.out).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    else:
        print("\n".join(lines))
    print(f"{len(found)} citations", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
