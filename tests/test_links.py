"""Links and anchors in the rendered HTML, as a reader's browser follows them.

MkDocs checks Markdown links at build time; this also covers links inside
raw HTML, templates and generated figures.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT, serve

pytestmark = pytest.mark.slow

RUNNER = ROOT / "tests" / "linkchecker_as_caller.py"


def run_linkchecker(url: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, str(RUNNER), "--no-status", "--no-robots", "-f", str(ROOT / "tests" / "linkcheckerrc"), url]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300)


def test_no_broken_link_or_anchor(base_url):
    result = run_linkchecker(base_url)
    assert result.returncode == 0, result.stdout[-4000:]
    assert "0 errors found" in result.stdout or "no errors" in result.stdout.lower()


def test_linkchecker_catches_a_broken_anchor(tmp_path):
    """Guard against a checker that passes everything."""
    (tmp_path / "index.html").write_text('<a href="other.html#missing">x</a><a href="gone.html">y</a>')
    (tmp_path / "other.html").write_text('<h1 id="here">z</h1>')
    server = serve(tmp_path)
    try:
        result = run_linkchecker(f"http://127.0.0.1:{server.server_port}/index.html")
    finally:
        server.shutdown()
    assert result.returncode == 1
    assert "gone.html" in result.stdout
    assert "missing" in result.stdout
