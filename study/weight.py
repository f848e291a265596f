"""What a cold first visit to a built page downloads, counted from the files.

The benchmark (scripts/bench.py) measures the real transfer in Chromium; this
is the same sum taken from the built site, so a test can hold every page to the
target without a browser: the page, its stylesheets, scripts and icon, and what
the theme's own script fetches at start (the search index and the search
worker, and the sitemap under instant navigation). Each request is allowed a
fixed number of bytes of response headers.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

TARGET_BYTES = 600_000
HEADER_BYTES = 300  # per response; the benchmark's server sends about 200

_ASSET = re.compile(r'<(?:link[^>]*\brel="(?:stylesheet|icon)"[^>]*\bhref|script[^>]*\bsrc)="([^"]+)"')
_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)


@dataclass(frozen=True)
class FirstLoad:
    page: str  # path of the page's HTML file inside the site
    files: tuple[str, ...]  # every file fetched, the page first, as paths inside the site

    def bytes(self, site: Path) -> int:
        return sum((site / f).stat().st_size + HEADER_BYTES for f in self.files)


def _inside(site: Path, page: Path, url: str) -> str | None:
    """The site file a relative URL of the page names, or None for anything else."""
    if re.match(r"[a-z]+:", url) or url.startswith("/"):
        return None
    target = (page.parent / url.split("#")[0].split("?")[0]).resolve()
    try:
        return target.relative_to(site.resolve()).as_posix()
    except ValueError:
        return None


def first_load(site: Path, page: Path) -> FirstLoad:
    html = page.read_text(encoding="utf-8")
    files = [page.relative_to(site).as_posix()]
    files += [f for f in (_inside(site, page, u) for u in _ASSET.findall(html)) if f]
    config = _CONFIG.search(html)
    if config:
        settings = json.loads(config.group(1))
        base = page.parent / settings.get("base", ".")
        if settings.get("search") and 'name="search"' in html:
            # The worker's URL is relative to the page, the index's to the site's base.
            files += [f for f in (_inside(site, page, settings["search"]),
                                  _inside(site, base / "x", "search/search_index.json")) if f]
        if "navigation.instant" in settings.get("features", []):
            files += [f for f in [_inside(site, base / "x", "sitemap.xml")] if f]
    return FirstLoad(files[0], tuple(dict.fromkeys(files)))


def heaviest(site: Path) -> list[tuple[int, str]]:
    """(bytes, page) for every page of the site, heaviest first."""
    loads = [first_load(site, p) for p in sorted(site.rglob("index.html"))]
    return sorted(((load.bytes(site), load.page) for load in loads), reverse=True)
