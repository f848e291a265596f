import json
from pathlib import Path

from study import weight


def _site(tmp_path: Path, features: list[str]) -> Path:
    site = tmp_path / "site"
    for name, size in {"assets/main.css": 100, "assets/bundle.js": 200, "assets/worker.js": 50,
                       "search/search_index.json": 400, "sitemap.xml": 30, "other.css": 999}.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(b"x" * size)
    config = json.dumps({"base": "..", "features": features, "search": "../assets/worker.js"})
    page = (f'<link rel="stylesheet" href="../assets/main.css"><link rel="canonical" href="../other.css">'
            f'<script src="../assets/bundle.js"></script><script src="https://example.org/x.js"></script>'
            f'<form name="search"></form><script id="__config" type="application/json">{config}</script>')
    (site / "a").mkdir()
    (site / "a" / "index.html").write_text(page, encoding="utf-8")
    return site


def test_a_first_load_counts_assets_the_index_the_worker_and_headers(tmp_path):
    site = _site(tmp_path, ["navigation.instant"])
    load = weight.first_load(site, site / "a" / "index.html")
    assert load.files == ("a/index.html", "assets/main.css", "assets/bundle.js", "assets/worker.js",
                          "search/search_index.json", "sitemap.xml")
    page = (site / "a" / "index.html").stat().st_size
    assert load.bytes(site) == page + 100 + 200 + 50 + 400 + 30 + 6 * weight.HEADER_BYTES


def test_without_instant_navigation_the_sitemap_is_not_fetched(tmp_path):
    site = _site(tmp_path, [])
    assert "sitemap.xml" not in weight.first_load(site, site / "a" / "index.html").files
