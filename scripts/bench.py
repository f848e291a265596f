"""Measure the site: build overhead, page weight, and (if available) Lighthouse.

    .venv/bin/python scripts/bench.py [--runs N] [--out benchmarks/latest.json]

1. Build overhead: wall time of the real strict build (hooks, validation,
   generation) against a plain MkDocs build of the same pages, where every
   generated page and placeholder has been rendered to Markdown beforehand and
   the hooks are switched off. Each build runs in a fresh process; the median
   of N runs is reported.
2. Page weight: bytes transferred (response headers and bodies) on a cold
   first visit to every page in headless Chromium, everything the page loads
   included; once from a server that does not compress (an upper bound) and
   once from one that gzips text, as static hosts usually do.
3. Lighthouse performance score of the heaviest pages, mobile and desktop
   presets, against the gzip server, if a `lighthouse` command is found
   (LIGHTHOUSE=/path/to/lighthouse); otherwise skipped.

Writes a JSON file that the site's Performance page renders.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import yaml  # noqa: E402

from study import export  # noqa: E402
from study import site as site_mod  # noqa: E402
from study.model import load_model  # noqa: E402
from study.render import seed  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1469491200"}


def timed_build(project: Path, dest: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)],
                   cwd=project, env=ENV, check=True, capture_output=True)
    return time.perf_counter() - start


class _Tagged(yaml.SafeLoader):
    """Reads mkdocs.yml, keeping !!python/name tags as plain strings."""


_Tagged.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: f"!!python/{suffix}")


def _env(loader, node):
    name, default = loader.construct_sequence(node)
    return os.environ.get(name, default)


_Tagged.add_constructor("!ENV", _env)


def plain_project(into: Path) -> Path:
    """A copy of the site with all generation done ahead of time and no hooks."""
    model = load_model(ROOT)
    seed_text = (ROOT / seed.SEED_FILE).read_text(encoding="utf-8")
    docs = ROOT / "docs"
    written = {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in docs.rglob("*.md")}
    site = site_mod.Site(model, seed_text)
    site.titles = site_mod.page_titles(written)
    site.decisions = site_mod.read_decisions({k: v for k, v in written.items() if k.startswith("decisions/")})
    shutil.copytree(docs, into / "docs")
    shutil.copytree(ROOT / "overrides", into / "overrides")
    for path, text in written.items():
        out = site_mod.with_abbreviations(site_mod.expand(text, path, site), model)
        (into / "docs" / path).write_text(out, encoding="utf-8")
    for path, text in site_mod.generated_pages(site).items():
        target = into / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(site_mod.with_abbreviations(site_mod.expand(text, path, site), model), encoding="utf-8")
    for path, text in ((export.EXPORT_FILE, export.model_json(model)), (export.SCHEMA_FILE, export.model_schema())):
        target = into / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Tagged)
    config.pop("hooks", None)
    config["nav"] = site_mod.nav_with_generated(config["nav"], model)
    (into / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return into


def build_overhead(runs: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        plain = plain_project(tmp / "plain")
        full_times = [timed_build(ROOT, tmp / f"full{i}") for i in range(runs)]
        plain_times = [timed_build(plain, tmp / f"plain{i}") for i in range(runs)]
    full, base = statistics.median(full_times), statistics.median(plain_times)
    return {"runs": runs, "full_seconds": round(full, 3), "plain_seconds": round(base, 3),
            "ratio": round(full / base, 3), "target_ratio": 1.25}


def gzip_server(site_dir: Path):
    """A local static server that gzips text responses when the client accepts it."""
    import functools
    import gzip
    import http.server
    import threading

    from conftest import _QuietHandler

    class Gzip(_QuietHandler):
        def send_head(self):
            path = self.translate_path(self.path)
            if Path(path).is_dir():
                path = str(Path(path) / "index.html")
            text_types = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")
            if ("gzip" not in self.headers.get("Accept-Encoding", "") or not Path(path).is_file()
                    or not path.endswith(text_types)):
                return super().send_head()
            body = gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            import io
            return io.BytesIO(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Gzip, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def page_weights(site_dir: Path, compress: bool = False) -> list[dict]:
    from playwright.sync_api import sync_playwright

    from conftest import CHROMIUM, CHROMIUM_ARGS, serve
    from pages import page_urls

    server = gzip_server(site_dir) if compress else serve(site_dir)
    base = f"http://127.0.0.1:{server.server_port}/"
    results = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for path in page_urls():
                context = browser.new_context()  # a cold cache for every page
                page = context.new_page()
                finished = []
                page.on("requestfinished", lambda request: finished.append(request))
                page.goto(base + path, wait_until="networkidle")
                total = 0
                for request in finished:
                    sizes = request.sizes()
                    total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
                results.append({"page": "/" + path, "bytes": total, "requests": len(finished)})
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return results


def lighthouse(site_dir: Path, paths: list[str]) -> list[dict] | None:
    command = os.environ.get("LIGHTHOUSE") or shutil.which("lighthouse")
    if not command:
        return None
    from conftest import CHROMIUM

    server = gzip_server(site_dir)
    base = f"http://127.0.0.1:{server.server_port}"
    scores = []
    try:
        for path in paths:
            for preset in ("mobile", "desktop"):
                flags = ["--preset=desktop"] if preset == "desktop" else []
                out = subprocess.run(
                    [command, base + path, "--quiet", "--output=json", "--only-categories=performance", *flags,
                     "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                    env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True, timeout=300)
                if out.returncode != 0:
                    scores.append({"page": path, "preset": preset, "error": out.stderr.strip()[-300:]})
                    continue
                audits = json.loads(out.stdout)
                scores.append({"page": path, "preset": preset,
                               "performance": audits["categories"]["performance"]["score"],
                               "lcp": audits["audits"]["largest-contentful-paint"]["displayValue"]})
    finally:
        server.shutdown()
    return scores


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", default="benchmarks/latest.json")
    args = parser.parse_args()
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    overhead = build_overhead(args.runs)
    print(f"build: full {overhead['full_seconds']} s, plain {overhead['plain_seconds']} s, ratio {overhead['ratio']}")
    with tempfile.TemporaryDirectory() as tmp:
        site_dir = Path(tmp) / "site"
        timed_build(ROOT, site_dir)
        weights = page_weights(site_dir)
        gzipped = {w["page"]: w["bytes"] for w in page_weights(site_dir, compress=True)}
        for w in weights:
            w["gzip_bytes"] = gzipped[w["page"]]
        heaviest = sorted(weights, key=lambda w: -w["bytes"])[:3]
        lh = lighthouse(site_dir, [w["page"] for w in heaviest])
    print(f"pages: {len(weights)}, heaviest {heaviest[0]['page']} {heaviest[0]['bytes']} bytes")
    result = {
        "commit": commit,
        "measured": time.strftime("%Y-%m-%d", time.gmtime()),
        "python": sys.version.split()[0],
        "build": overhead,
        "page_weight": {"target_bytes": 1_300_000, "max_bytes": max(w["bytes"] for w in weights),
                        "max_gzip_bytes": max(w["gzip_bytes"] for w in weights), "pages": weights},
        "lighthouse": lh,
    }
    out = ROOT / args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
