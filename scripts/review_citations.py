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
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from study.build import Site, load_site
from study.citations import citations, reviews
from study.snapshot import git_dir

MAX_LINES = 40  # lines shown per citation; longer ranges show their start and end


def cited_text(site: Site, mirrors: Path, item: dict[str, Any]) -> str:
    source = site.model.get("sources", item["source"])
    if "repo" not in source:
        return f"(web source: read § {item.get('section', '')} at {source.get('url', '')})"
    if "path" not in item and "path" not in source:
        return f"(commit {source['commit']}: read its message, § {item.get('section', '')})"
    gitdir = git_dir(mirrors, source["repo"])
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
    return "\n".join(f"{n}: {lines[n - 1].strip()[:200]}" for n in numbers if n <= len(lines))


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
        done = set(reviews(ROOT))
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
