"""The pages the site must have, known before it is built."""

from __future__ import annotations

from pathlib import Path

from study import site
from study.model import load_model

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def url_of(md_path: str) -> str:
    """The directory URL MkDocs gives a Markdown page (use_directory_urls)."""
    stem = md_path[:-3]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def markdown_pages() -> list[str]:
    written = [p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")]
    generated = list(site.generated_pages(site.Site(load_model(ROOT))))
    return sorted(set(written) | set(generated))


def page_urls() -> list[str]:
    return [url_of(p) for p in markdown_pages()]
