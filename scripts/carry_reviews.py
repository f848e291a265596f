"""Keep reviews through edits that only move a citation, and drop the stale ones.

    .venv/bin/python scripts/carry_reviews.py save BEFORE.json
    .venv/bin/python scripts/carry_reviews.py carry BEFORE.json --into review/citations-NAME.yaml
    .venv/bin/python scripts/carry_reviews.py prune

A review's key hashes the citation's place (its page, or its data field), its
clause and the citation, so a section moved to another page, or a link in the
clause pointed elsewhere, makes its review lapse although nothing it judged has
changed. `save` records every citation as it is now; after the edit, `carry`
finds each citation without a review whose clause and citation are the same as
those of exactly one reviewed citation in the saved list that no longer exists,
and appends that review under the new key, marked "re-keyed" (the counts on the
About page do not take re-keyed reviews for mended ones). `prune` deletes the
entries whose key no citation has any more, and repeats of an entry.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from study.build import load_site
from study.citations import REVIEW_DIR, citations, reviews

_ENTRY_KEY = re.compile(r'^\s*- \{key: "([0-9a-f]{12})"')
_LINK_TARGET = re.compile(r"\]\([^)\s]*\)")


def _identity(citation: dict[str, Any]) -> str:
    """What a review judged: the clause (its links' targets aside) and the citation, wherever they stand."""
    clause = _LINK_TARGET.sub("]()", citation["clause"])
    return json.dumps([clause, citation["source"], citation.get("path", ""),
                       citation.get("lines", ""), citation.get("section", "")])


def _current() -> list[dict[str, Any]]:
    return citations(load_site(ROOT))


def save(target: Path) -> int:
    target.write_text(json.dumps(_current(), ensure_ascii=False), encoding="utf-8")
    return 0


def _flow(entry: dict[str, Any]) -> str:
    return "  - {" + ", ".join(f"{name}: {json.dumps(entry[name], ensure_ascii=False)}"
                              for name in ("key", "verdict", "change", "note") if name in entry) + "}"


def carry(before: Path, into: Path) -> int:
    now = _current()
    live = {c["key"] for c in now}
    found = reviews(ROOT)
    gone: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for old in json.loads(before.read_text(encoding="utf-8")):
        if old["key"] not in live and old["key"] in found:
            gone[_identity(old)].append(old)
    lines = []
    for citation in now:
        candidates = gone.get(_identity(citation), [])
        if citation["key"] in found or len(candidates) != 1:
            continue
        old = candidates[0]
        review = dict(found[old["key"]], key=citation["key"])
        note = f"re-keyed: carried from {old['key']} ({old['place']})"
        earlier = str(review.get("change") or "")
        review["change"] = note if not earlier or earlier.startswith("re-keyed") else f"{note}; earlier: {earlier}"
        lines.append(f"{_flow(review)}  # {citation['place']}: {citation['source']} "
                     f"{citation.get('path', '')}:{citation.get('lines', '')}")
    if lines:
        if not into.exists():
            into.write_text("# Reviews carried to new keys by scripts/carry_reviews.py.\nreviews:\n", encoding="utf-8")
        with into.open("a", encoding="utf-8") as out:
            out.write("".join(line + "\n" for line in lines))
    print(f"{len(lines)} reviews carried", file=sys.stderr)
    return 0


def prune() -> int:
    live = {c["key"] for c in _current()}
    seen: set[str] = set()
    dropped = 0
    for path in sorted((ROOT / REVIEW_DIR).glob("citations*.yaml")):
        kept = []
        for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
            match = _ENTRY_KEY.match(line)
            if match and (match.group(1) not in live or match.group(1) in seen):
                dropped += 1
                continue
            if match:
                seen.add(match.group(1))
            kept.append(line)
        path.write_text("".join(kept), encoding="utf-8")
    print(f"{dropped} stale or repeated entries dropped", file=sys.stderr)
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("save").add_argument("before")
    carrying = sub.add_parser("carry")
    carrying.add_argument("before")
    carrying.add_argument("--into", required=True)
    sub.add_parser("prune")
    args = parser.parse_args(argv)
    if args.command == "save":
        return save(Path(args.before))
    if args.command == "carry":
        return carry(Path(args.before), Path(args.into))
    return prune()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
