"""Shared fixtures: the study's own site, a small fixture project, builds, a server, a browser.

Nothing here loads data at import time: a broken data file must fail the
tests that use it, not stop collection.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from study.build import Site, load_site
from study.errors import DataError

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "project"
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
# No SOURCE_DATE_EPOCH: the hook pins the build date to the last commit (the release day outside git).
BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def mkdocs_build(dest: Path, data_dir: str | None = None, project: Path = ROOT,
                 engine: str = "mkdocs") -> subprocess.CompletedProcess:
    """Run a strict build into dest; return the finished process.

    Never pass --quiet: it hides warnings from MkDocs' counter, and a strict
    build then succeeds despite them.
    """
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"} | BUILD_ENV | {"STUDY_SITE_URL": SITE_URL}
    if data_dir:
        env["STUDY_DATA"] = data_dir
    cmd = [sys.executable, "-m", engine, "build", "--strict", "--site-dir", str(dest)]
    return subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, timeout=300)


def copy_project(into: Path) -> Path:
    """A copy of this project's sources (no environments, no history) to break on purpose."""
    target = into / "project"
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(".venv*", "site", ".git", "__pycache__",
                                                               ".pytest_cache", "*.pyc", ".coverage*"))
    return target


def url_of(md_path: str) -> str:
    """The directory URL MkDocs gives a Markdown page (use_directory_urls)."""
    stem = md_path[:-3]
    if stem == "index":
        return ""
    return stem[: -len("index")] if stem.endswith("/index") else stem + "/"


def pytest_generate_tests(metafunc):
    """`page_url` parametrises a test over every page the build path makes.

    A data error does not stop collection: the tests then fail with its message.
    """
    if "page_url" in metafunc.fixturenames:
        try:
            urls = sorted(url_of(p) for p in load_site(ROOT).rendered)
        except DataError as err:
            urls = [f"!{err}"]
        metafunc.parametrize("page_url", urls)


@pytest.fixture()
def page_path(page_url: str) -> str:
    if page_url.startswith("!"):
        pytest.fail(page_url[1:])
    return page_url


@pytest.fixture(scope="session")
def study_site() -> Site:
    """The study's own site, through the one build path."""
    return load_site(ROOT)


@pytest.fixture()
def fixture_project(tmp_path: Path) -> Path:
    """A writable copy of the small fixture project (data, docs, seed)."""
    target = tmp_path / "fixture"
    shutil.copytree(FIXTURE, target)
    return target


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("site")
    result = mkdocs_build(dest)
    assert result.returncode == 0, result.stderr
    return dest


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass

    def end_headers(self):
        # linkchecker throttles every host to ~3 requests/s unless the server
        # sends this header; the local test server can take far more.
        self.send_header("LinkChecker", "local test server")
        super().end_headers()


def serve(directory: Path, port: int = 0):
    handler = functools.partial(QuietHandler, directory=str(directory))
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
