"""Shared fixtures: a strict build of the site, a local server, a browser."""

from __future__ import annotations

import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Chromium's own background traffic (updates, sync, safe browsing) is switched
# off so that every request a test sees comes from the page.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-default-apps",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# The test server's port is chosen up front so that the site can be built for
# it: Material's instant navigation only follows links on the site_url origin.
PORT = _free_port()
SITE_URL = f"http://127.0.0.1:{PORT}/"


def mkdocs_build(dest: Path, data_dir: str | None = None, engine: str = "mkdocs") -> subprocess.CompletedProcess:
    """Run a strict build into dest; return the finished process.

    Never pass --quiet: it hides warnings from MkDocs' counter, and a strict
    build then succeeds despite them.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
           "SOURCE_DATE_EPOCH": "1469491200", "STUDY_SITE_URL": SITE_URL}
    if data_dir:
        env["STUDY_DATA"] = data_dir
    cmd = [sys.executable, "-m", engine, "build", "--strict", "--site-dir", str(dest)]
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("site")
    result = mkdocs_build(dest)
    assert result.returncode == 0, result.stderr
    return dest


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass

    def end_headers(self):
        # linkchecker throttles every host to ~3 requests/s unless the server
        # sends this header; the local test server can take far more.
        self.send_header("LinkChecker", "local test server")
        super().end_headers()


def serve(directory: Path, port: int = 0):
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def base_url(site_dir) -> str:
    server = serve(site_dir, PORT)
    yield SITE_URL
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}; `make test` installs Debian's chromium package")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
