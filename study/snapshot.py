"""Files of one pinned commit, read from a local git snapshot of a repository.

The extraction scripts (scripts/extract_errors.py, scripts/extract_config.py)
read the 7.0 code through this, never through a work tree: every file comes
from `git show COMMIT:PATH`, so what they find is what the cited commit holds.
Snapshots live in one folder per repository, named Owner+name (bare, or with a
.git inside), as for scripts/check_evidence.py.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

# Snapshots of forks that carry the upstream commits unchanged (same hashes).
ALIASES = {"libvirt/libvirt": ["msekletar/libvirt"]}

Span = tuple[str, int, int]  # path, first line, last line (1-based, inclusive)


def git_dir(mirrors: Path, repo: str) -> Path | None:
    """The git directory of owner/name under MIRRORS, or None if there is no snapshot."""
    for name in [repo, *ALIASES.get(repo, [])]:
        base = mirrors / name.replace("/", "+")
        for candidate in (base / "repo" / ".git", base / "repo", base):
            if (candidate / "HEAD").exists():
                return candidate
    return None


class Snapshot:
    """Read-only access to the files of one commit."""

    def __init__(self, gitdir: Path, commit: str):
        self.gitdir = gitdir
        self.commit = commit
        self._texts: dict[str, str | None] = {}  # the scripts read many files many times

    def text(self, path: str) -> str | None:
        """The file's text (UTF-8, undecodable bytes replaced), or None if the commit has no such file."""
        if path not in self._texts:
            shown = subprocess.run(["git", f"--git-dir={self.gitdir}", "show", f"{self.commit}:{path}"],
                                   capture_output=True)
            self._texts[path] = shown.stdout.decode("utf-8", "replace") if shown.returncode == 0 else None
        return self._texts[path]

    def lines(self, path: str) -> list[str]:
        """The file's lines, index 0 holding line 1; empty if there is no such file."""
        text = self.text(path)
        return text.splitlines() if text is not None else []

    def files(self, prefix: str = "") -> list[str]:
        """Every file path of the commit, or only those under prefix."""
        listing = subprocess.run(["git", f"--git-dir={self.gitdir}", "ls-tree", "-r", "--name-only", self.commit,
                                  *([prefix] if prefix else [])], capture_output=True, text=True, check=True)
        return listing.stdout.splitlines()


def open_source(mirrors: Path, source: Any) -> Snapshot | None:
    """The snapshot of a repository source (a data/sources.yaml record) at its commit, if there is one."""
    gitdir = git_dir(mirrors, source["repo"])
    return Snapshot(gitdir, source["commit"]) if gitdir is not None else None


def parse_lines(value: str) -> tuple[int, int]:
    """'7' or '7-9' as (first, last)."""
    first, _, last = value.partition("-")
    return int(first), int(last or first)


def covers(outer: Span, inner: Span) -> bool:
    """Whether the span `outer` holds all of `inner` (same file)."""
    return outer[0] == inner[0] and outer[1] <= inner[1] and inner[2] <= outer[2]


def overlaps(a: Span, b: Span) -> bool:
    """Whether two spans share a line of the same file."""
    return a[0] == b[0] and a[1] <= b[2] and b[1] <= a[2]


def span_of(item: Any) -> Span:
    """The span an evidence item cites."""
    first, last = parse_lines(item["lines"])
    return item["path"], first, last
