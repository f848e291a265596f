"""Pick the release-era and newest commits of a repository, the study's way.

    python scripts/release_commits.py <git-dir> [owner/name]

Release-era commit: the last commit before 2016-07-27 (the day after the
OpenVZ 7.0 release) on the branch made for the 7.0 release (`vz7-rtm`) when
the repository has one, otherwise on the default branch. Newest commit: the
tip of the default branch in the snapshot. Prints source entries for
data/sources.yaml; titles and notes are for a human to check.
"""

from __future__ import annotations

import os
import subprocess
import sys

CUTOFF = "2016-07-27T00:00:00+00:00"
RELEASE_BRANCHES = ("vz7-rtm",)


def git(repo: str, *args: str) -> str:
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True, text=True).stdout.strip()


def branch_exists(repo: str, name: str) -> bool:
    return subprocess.run(["git", "-C", repo, "rev-parse", "--verify", "-q", f"refs/heads/{name}"],
                          capture_output=True).returncode == 0


def last_before(repo: str, ref: str) -> tuple[str, str, str] | None:
    out = git(repo, "log", "-1", f"--before={CUTOFF}", "--format=%H%x09%cs%x09%s", ref)
    if not out:
        return None
    commit, date, subject = out.split("\t", 2)
    return commit, date, subject


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    repo = argv[0]
    name = argv[1] if len(argv) > 1 else os.path.normpath(repo).split(os.sep)[-2].replace("+", "/")
    default = git(repo, "symbolic-ref", "--short", "HEAD")
    branch = next((b for b in RELEASE_BRANCHES if branch_exists(repo, b)), default)
    release = last_before(repo, branch)
    head = git(repo, "log", "-1", "--format=%H%x09%cs%x09%s", default).split("\t", 2)
    short = name.split("/")[1].lower()
    if release:
        sha, date, subject = release
        print(f"- id: {short}-7.0\n  title: \"{name}, last commit on {branch} before 2016-07-27\"\n"
              f"  kind: repository\n  url: https://github.com/{name}\n  repo: {name}\n"
              f"  commit: {sha}\n  date: {date}\n  note: \"{subject}\"")
    print(f"- id: {short}-head\n  title: \"{name}, newest commit on {default}\"\n"
          f"  kind: repository\n  url: https://github.com/{name}\n  repo: {name}\n"
          f"  commit: {head[0]}\n  date: {head[1]}\n  note: \"{head[2]}\"")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
