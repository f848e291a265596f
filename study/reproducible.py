"""A fixed build date, so two builds of one commit are byte-identical."""

from __future__ import annotations

import subprocess
from pathlib import Path

# 2016-07-26 00:00 UTC, the release day: used when there is no git history.
FALLBACK_EPOCH = "1469491200"


def commit_epoch(root: Path) -> str:
    """The commit time of HEAD, in seconds, or the fallback outside a git checkout."""
    try:
        out = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"],
                             capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return FALLBACK_EPOCH
    value = out.stdout.strip()
    return value if out.returncode == 0 and value.isdigit() else FALLBACK_EPOCH
