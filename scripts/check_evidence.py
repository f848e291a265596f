"""Check every code citation in data/ against local git snapshots.

    python scripts/check_evidence.py MIRRORS [--show]

MIRRORS holds one git directory per repository, named Owner+name (bare, or
with a .git inside), e.g. MIRRORS/OpenVZ+ploop/repo. For each evidence item
that names a repository source, a path and lines, the script checks that the
commit exists, the file exists at that commit and the line range lies inside
the file. With --show it prints the cited lines, for a reader to confirm
that they say what the data claims. Repositories without a snapshot are
listed and skipped. Exit status 1 if any citation is broken.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from study.evidence import evidence_items
from study.expand import TOKEN, protected
from study.model import load_model
from study.snapshot import git_dir

ROOT = Path(__file__).resolve().parent.parent


def read_blob(gitdir: Path, commit: str, path: str) -> str | None:
    result = subprocess.run(["git", f"--git-dir={gitdir}", "show", f"{commit}:{path}"], capture_output=True)
    return result.stdout.decode("utf-8", "replace") if result.returncode == 0 else None


def prose_citations() -> Iterator[tuple[str, dict[str, str]]]:
    """Citation shortcuts with a path and lines in the hand-written pages."""
    for page in sorted((ROOT / "docs").rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        code = protected(text)  # examples in code spans are not citations
        for match in TOKEN.finditer(text):
            if any(a <= match.start() < b for a, b in code):
                continue
            loc = (match.group("loc") or "").strip()
            if match.group("src") and ":" in loc and not loc.startswith("§"):
                path, _, lines = loc.partition(":")
                line = text.count("\n", 0, match.start()) + 1
                yield f"{page.relative_to(ROOT)}:{line}", {"source": match.group("src"), "path": path, "lines": lines}


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    mirrors, show = Path(argv[0]), "--show" in argv
    model = load_model(ROOT, os.environ.get("STUDY_DATA", "data"))
    broken, checked, missing = [], 0, set()
    for where, item in [*evidence_items(model), *prose_citations()]:
        source = model.get("sources", item["source"])
        if "repo" not in source or "lines" not in item:
            continue
        gitdir = git_dir(mirrors, source["repo"])
        if gitdir is None:
            missing.add(source["repo"])
            continue
        path = item.get("path") or source.get("path")
        has_commit = subprocess.run(["git", f"--git-dir={gitdir}", "cat-file", "-e", f"{source['commit']}^{{commit}}"],
                                    capture_output=True).returncode == 0
        if not has_commit:
            missing.add(f"{source['repo']}@{source['commit'][:12]}")
            continue
        text = read_blob(gitdir, source["commit"], path)
        checked += 1
        if text is None:
            broken.append(f"{where}: {source['repo']}@{source['commit'][:12]}: no file {path}")
            continue
        lines = text.splitlines()
        first, _, last = item["lines"].partition("-")
        first, last = int(first), int(last or first)
        if last > len(lines):
            broken.append(f"{where}: {path}:{item['lines']} but the file has {len(lines)} lines")
            continue
        if show:
            print(f"== {where}: {source['id']} {path}:{item['lines']}")
            for n in range(first, last + 1):
                print(f"{n:6} {lines[n - 1]}")
    for repo in sorted(missing):
        print(f"skipped (no snapshot): {repo}", file=sys.stderr)
    for line in broken:
        print(f"BROKEN {line}", file=sys.stderr)
    print(f"{checked} citations checked, {len(broken)} broken", file=sys.stderr)
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
