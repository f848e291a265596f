"""What a cold first visit to a built page downloads, counted from the files.

The benchmark (scripts/bench.py) measures the real transfer in Chromium and
reports this count beside it, so the two check each other; the count needs no
browser. It sums the page, its stylesheets, scripts and icon, and what the
theme's own script fetches at start (the search index and the search worker,
and the sitemap under instant navigation), allowing each response a fixed
number of bytes of headers.
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


def _inside(site: Path, folder: Path, url: str) -> str | None:
    """The site file a URL relative to folder names, or None for anything else."""
    if re.match(r"[a-z]+:", url) or url.startswith("/"):
        return None
    target = (folder / url.split("#")[0].split("?")[0]).resolve()
    try:
        return target.relative_to(site.resolve()).as_posix()
    except ValueError:
        return None


def first_load(site: Path, page: Path) -> FirstLoad:
    html = page.read_text(encoding="utf-8")
    files = [page.relative_to(site).as_posix()]
    urls = [(page.parent, u) for u in _ASSET.findall(html)]
    config = _CONFIG.search(html)
    if config:
        settings = json.loads(config.group(1))
        base = page.parent / settings.get("base", ".")
        if settings.get("search") and 'name="search"' in html:
            # The worker's URL is relative to the page, the index's to the site's base.
            urls += [(page.parent, settings["search"]), (base, "search/search_index.json")]
        if "navigation.instant" in settings.get("features", []):
            urls.append((base, "sitemap.xml"))
    files += [f for f in (_inside(site, folder, url) for folder, url in urls) if f]
    return FirstLoad(files[0], tuple(dict.fromkeys(files)))
