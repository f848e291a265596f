"""Measure the site: build overhead, page weight, search, figures, citations, and Lighthouse.

    .venv/bin/python scripts/bench.py [--runs N] [--out benchmarks/latest.json]

1. Build overhead: wall time of the real strict build (hooks: validation,
   generation, expansion, tooltips) against a plain MkDocs build of exactly the
   same pages, pre-rendered through the same build path (`study.build`) and
   built with the hooks switched off. Each build runs in a fresh process; the
   median of N runs is reported. The plain build is checked to produce the same
   files and, tooltips, search-exclusion marks, landmark labels and blank space
   aside, the same HTML.
2. Page weight: bytes transferred (headers and bodies, the search worker's
   script included) on a cold first visit to every page in headless Chromium,
   once from a server that does not compress (an upper bound) and once from
   one that gzips text.
3. Search: the index's size, the time from typing the first query on a cold
   cache to the first result, and the rank of each component's own page when
   searching for its name.
4. Figures: on every page, at 1366x900 and 390x844, the share of each figure's
   width that shows, its smallest label as drawn, and its size.
5. Citations: the share of each page's visible prose that is citation markup.
6. Lighthouse performance of the heaviest pages, if a `lighthouse` command is
   found (LIGHTHOUSE=/path/to/lighthouse); otherwise skipped.

Writes a JSON file that the site's Performance page renders.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml

from study import build, measure, routes, weight
from study.build import Site, load_site

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1469491200"}
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-default-apps"]
METHOD = ("Median wall time of {runs} strict builds each, every one in a fresh process: the real build with the "
          "study's hooks, against a plain MkDocs build, without hooks, of the same pages rendered beforehand "
          "through the same build path. The two builds produce the same files.")


def timed_build(project: Path, dest: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)],
                   cwd=project, env=ENV, check=True, capture_output=True)
    return time.perf_counter() - start


class _Tagged(yaml.SafeLoader):
    """Reads mkdocs.yml, keeping !!python/name tags as plain strings."""


_Tagged.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: f"!!python/{suffix}")
def _env(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> str | None:
    name, default = loader.construct_sequence(node)
    return os.environ.get(name, default)


_Tagged.add_constructor("!ENV", _env)


def plain_project(site: Site, into: Path) -> Path:
    """A copy of the site with every page rendered beforehand, and no hooks."""
    docs = into / "docs"
    shutil.copytree(ROOT / "docs", docs)
    shutil.copytree(ROOT / "overrides", into / "overrides")
    for path, markdown in site.rendered.items():
        front = site.pages[path].front if path in site.pages else site.front.get(path, "")
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(front + markdown, encoding="utf-8")
    for path, content in site.files.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(content, encoding="utf-8")
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Tagged)
    config.pop("hooks", None)
    config["nav"] = build.nav(site, config["nav"])
    (into / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return into


def _normalised(html: str) -> str:
    """HTML without what only the hooks add: glossary tooltips, search-exclusion marks, landmark labels."""
    html = re.sub(r'<abbr title="[^"]*">([^<]*)</abbr>', r"\1", html)
    # The hooks keep footnotes and their markers out of the search index (both builds carry the
    # marks that the render functions write themselves, so dropping all of them compares like with like).
    html = html.replace(" data-search-exclude", "")
    # The search boost the hooks set on component pages changes only the template's blank lines.
    html = re.sub(r"\s+", " ", html)
    html = html.replace(' role="dialog" aria-label="Search"', ' role="dialog"')
    return html.replace('aria-label="Breadcrumbs">', 'aria-label="Navigation" >')


def same_output(full: Path, plain: Path) -> bool:
    files = sorted(p.relative_to(full).as_posix() for p in full.rglob("*") if p.is_file())
    if files != sorted(p.relative_to(plain).as_posix() for p in plain.rglob("*") if p.is_file()):
        return False
    pages = [f for f in files if f.endswith(".html")]
    def page(root: Path, name: str) -> str:
        return _normalised((root / name).read_text(encoding="utf-8"))

    return all(page(full, f) == page(plain, f) for f in pages)


def build_overhead(site: Site, runs: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        plain = plain_project(site, work / "plain")
        full_times = [timed_build(ROOT, work / f"full{i}") for i in range(runs)]
        plain_times = [timed_build(plain, work / f"plain{i}") for i in range(runs)]
        same = same_output(work / "full0", work / "plain0")
    full, base = statistics.median(full_times), statistics.median(plain_times)
    return {"runs": runs, "full_seconds": round(full, 3), "plain_seconds": round(base, 3),
            "ratio": round(full / base, 3), "target_ratio": 1.25, "same_output": same,
            "method": METHOD.format(runs=runs)}


GZIPPED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")  # what the gzip server compresses


class _Gzip(measure._Quiet):
    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file() or path.suffix not in GZIPPED:
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def _server(site_dir: Path, compress: bool) -> http.server.ThreadingHTTPServer:
    if not compress:
        return measure.serve(site_dir)
    import functools
    import threading

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Gzip, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _visit(browser: Any, url: str, viewport: dict[str, int], settle: bool = True) -> tuple[Any, Any, list[Any]]:
    context = browser.new_context(viewport=viewport)  # a cold cache for every visit
    page = context.new_page()
    finished: list[Any] = []
    page.on("requestfinished", lambda request: finished.append(request))
    if not settle:
        page.goto(url, wait_until="networkidle")
        return context, page, finished
    # The theme asks for the search index, the worker and the sitemap only once its script runs; on a
    # long page that comes after the network first looks idle. So wait for the index to arrive, then
    # until no request has finished for half a second.
    with page.expect_response(lambda r: r.url.endswith("search/search_index.json"), timeout=60_000) as index:
        page.goto(url, wait_until="networkidle")
    index.value.finished()
    seen = -1
    while seen != len(finished):
        seen = len(finished)
        page.wait_for_timeout(500)
    return context, page, finished


def _transferred(request: Any, site_dir: Path, base: str, compress: bool) -> int:
    """Headers and body of one response. Chromium reports no body for a worker's script (the
    search worker), so a body reported empty is taken from the file the server sent."""
    sizes = request.sizes()
    body = sizes["responseBodySize"]
    if body == 0 and request.url.startswith(base):
        served = site_dir / request.url[len(base):].split("?")[0].split("#")[0]
        if served.is_file():
            data = served.read_bytes()
            gzipped = compress and served.suffix in GZIPPED
            body = len(gzip.compress(data, compresslevel=6, mtime=0)) if gzipped else len(data)
    return body + sizes["responseHeadersSize"]


def page_measures(browser: Any, site_dir: Path, paths: list[str], compress: bool) -> list[dict[str, Any]]:
    server = _server(site_dir, compress)
    base = f"http://127.0.0.1:{server.server_port}/"
    results = []
    try:
        for path in paths:
            context, page, finished = _visit(browser, base + path, measure.DESKTOP)
            total = sum(_transferred(r, site_dir, base, compress) for r in finished)
            row: dict[str, Any] = {"page": "/" + path, "bytes": total, "requests": len(finished)}
            if not compress:
                # The same sum taken from the files, as study.weight counts it.
                row["estimate"] = weight.first_load(site_dir, site_dir / path / "index.html").bytes(site_dir)
                row["figures"] = page.evaluate(measure.FIGURES_JS)
                row["citations"] = page.evaluate(measure.CITATION_SHARE_JS)
                context.close()
                context, page, _ = _visit(browser, base + path, measure.PHONE, settle=False)
                row["phone_figures"] = page.evaluate(measure.FIGURES_JS)
            context.close()
            results.append(row)
    finally:
        server.shutdown()
    return results


def search_measures(browser: Any, site_dir: Path, site: Site) -> dict[str, Any]:
    """Index size, the cold first query's time, and where each component's page ranks for its name."""
    server = measure.serve(site_dir)
    base = f"http://127.0.0.1:{server.server_port}/"
    ranks = {}
    first: dict[str, int] = {}
    try:
        for comp in site.model.components:
            context, page, _ = _visit(browser, base, measure.DESKTOP, settle=False)
            name = comp["name"].split(" (")[0]
            ready, elapsed, hrefs = measure.search(page, name)
            if not first:  # the first query on a cold cache
                first = {"ready_ms": round(ready * 1000), "query_ms": round(elapsed * 1000),
                         "first_query_ms": round((ready + elapsed) * 1000)}
            own = base + routes.url_path(routes.component(comp["id"]))
            # Results carry ?h=<terms> for highlighting; the page is what counts.
            ranks[name] = next((i + 1 for i, h in enumerate(hrefs) if h.split("#")[0].split("?")[0] == own), None)
            context.close()
    finally:
        server.shutdown()
    return {"index_bytes": (site_dir / "search" / "search_index.json").stat().st_size, **first,
            "component_ranks": ranks}


def lighthouse(site_dir: Path, paths: list[str]) -> list[dict[str, Any]] | None:
    command = os.environ.get("LIGHTHOUSE") or shutil.which("lighthouse")
    if not command:
        return None
    server = _server(site_dir, compress=True)
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


def _figure_rows(pages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for p in pages:
        for desk, phone in zip(p["figures"], p["phone_figures"], strict=True):
            problems = measure.figure_problems([desk], 0.9, 11) + measure.figure_problems([phone], 0.0, 9)
            rows.append({"page": p["page"], "id": desk["id"], "visible": round(desk["visible"], 3),
                         "smallest_label": round(desk["smallest"], 1),
                         "phone_smallest_label": round(phone["smallest"], 1), "svg_bytes": desk["bytes"],
                         "problems": problems})
    return rows


def measure_site(site: Site, runs: int) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    overhead = build_overhead(site, runs)
    print(f"build: full {overhead['full_seconds']} s, plain {overhead['plain_seconds']} s, ratio {overhead['ratio']}")
    paths = sorted(routes.url_path(p) for p in site.rendered)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        site_dir = Path(tmp) / "site"
        timed_build(ROOT, site_dir)
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        pages = page_measures(browser, site_dir, paths, compress=False)
        gzipped = {p["page"]: p["bytes"] for p in page_measures(browser, site_dir, paths, compress=True)}
        search = search_measures(browser, site_dir, site)
        browser.close()
        heaviest = sorted(pages, key=lambda p: -p["bytes"])[:3]
        lh = lighthouse(site_dir, [p["page"] for p in heaviest])
    weights = [{"page": p["page"], "bytes": p["bytes"], "gzip_bytes": gzipped[p["page"]], "requests": p["requests"],
                "estimate": p["estimate"]} for p in pages]
    return {"build": overhead,
            "page_weight": {"target_bytes": weight.TARGET_BYTES,
                            "over_target": sum(1 for w in weights if w["bytes"] > weight.TARGET_BYTES),
                            "max_bytes": max(w["bytes"] for w in weights),
                            "max_gzip_bytes": max(w["gzip_bytes"] for w in weights), "pages": weights},
            "search": {**search, "target_index_bytes": 300_000, "target_first_query_ms": 500},
            "figures": _figure_rows(pages),
            "citations": [{"page": p["page"], "share": round(p["citations"]["share"], 4)} for p in pages],
            "lighthouse": lh}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", default=build.BENCHMARK)
    args = parser.parse_args()
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True).stdout
    result = {"commit": commit.strip(), "measured": time.strftime("%Y-%m-%d", time.gmtime()),
              "python": sys.version.split()[0], **measure_site(load_site(ROOT), args.runs)}
    out = ROOT / args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
