"""Print lines of code per language for one commit of a local git repository.

    python scripts/loc.py <git-dir-or-clone> <commit> [path ...]
    python scripts/loc.py --verify <mirrors>


With paths, only files under those paths are counted (for repositories too
large to count whole, such as the kernel). Output is YAML that can be pasted
under a component's `loc:` entry. The counting method is described in
study/loc.py and on the site's data page.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from study.loc import count


def tree_files(repo: str, commit: str, paths: list[str]) -> Iterator[tuple[str, bytes]]:
    """Yield (path, content) for every blob in the commit (under paths, if given)."""
    listing = subprocess.run(["git", "-C", repo, "ls-tree", "-r", "-z", commit, "--", *paths],
                             check=True, capture_output=True).stdout
    blobs: list[tuple[str, str]] = []
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, raw_path = entry.split(b"\t", 1)
        mode, kind, sha = meta.split()
        if kind == b"blob" and mode != b"120000":  # skip symlinks
            blobs.append((raw_path.decode("utf-8", "replace"), sha.decode()))
    proc = subprocess.Popen(["git", "-C", repo, "cat-file", "--batch"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE)
    assert proc.stdin is not None and proc.stdout is not None
    for path, blob in blobs:
        proc.stdin.write(blob.encode() + b"\n")
        proc.stdin.flush()
        header = proc.stdout.readline().split()
        content = proc.stdout.read(int(header[2]))
        proc.stdout.read(1)  # the newline after each object
        yield path, content
    proc.stdin.close()
    proc.wait()


def verify(mirrors: Path) -> int:
    """Recount every `loc` entry of data/components.yaml from local snapshots."""
    from study.model import load_model

    model, bad, checked = load_model(Path(__file__).resolve().parent.parent), 0, 0
    for comp in model.components:
        for entry in comp.get("loc", []):
            source = model.get("sources", entry["source"])
            names = [source["repo"], *{"libvirt/libvirt": ["msekletar/libvirt"]}.get(source["repo"], [])]
            gitdirs = [mirrors / n.replace("/", "+") / "repo" for n in names]
            gitdir = next((g for g in gitdirs if g.exists()), None)
            if gitdir is None:
                print(f"skipped (no snapshot): {comp['id']} {source['id']}")
                continue
            counted = count(tree_files(str(gitdir), source["commit"], list(entry.get("scope", []))))
            checked += 1
            if counted != dict(entry["counts"]):
                bad += 1
                print(f"DIFFERS {comp['id']} {source['id']}: data {dict(entry['counts'])} != counted {counted}")
    print(f"{checked} counts checked, {bad} differ")
    return 1 if bad else 0


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "--verify":
        return verify(Path(argv[1]))
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    repo, commit, *paths = argv
    full = subprocess.run(["git", "-C", repo, "rev-parse", f"{commit}^{{commit}}"], check=True,
                          capture_output=True, text=True).stdout.strip()
    totals = count(tree_files(repo, full, paths))
    print(f"# {repo} at {full}" + (f" (only {' '.join(paths)})" if paths else ""))
    print("counts:")
    for lang, n in totals.items():
        print(f"  {lang}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
