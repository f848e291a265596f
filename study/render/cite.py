"""Citations: links from any page to the bibliography and into sources."""

from __future__ import annotations

from study.render import md

BIBLIOGRAPHY = "reference/bibliography.md"


def source_anchor(source_id: str) -> str:
    return f"src-{source_id}"


def source_link(page: str, source_id: str) -> str:
    """[id] linking to the source's entry in the bibliography."""
    target = md.relative(page, BIBLIOGRAPHY, source_anchor(source_id))
    return md.link(md.text(source_id), target)


def sources_list(page: str, source_ids: list[str]) -> str:
    return ", ".join(source_link(page, s) for s in source_ids)


def permalink(source, path: str | None = None, lines: str | None = None, commit_page: bool = False) -> str | None:
    """A URL pinned to the source's commit, or the source's own URL."""
    if "repo" not in source:
        return source.get("url")
    path = path or source.get("path")
    base = f"https://github.com/{source['repo']}"
    if commit_page:
        return f"{base}/commit/{source['commit']}"
    if not path:
        return f"{base}/tree/{source['commit']}"
    anchor = ""
    if lines:
        first, _, last = lines.partition("-")
        anchor = f"#L{first}-L{last}" if last else f"#L{first}"
    return f"{base}/blob/{source['commit']}/{path}{anchor}"


def locator(source, item) -> str:
    """Human-readable 'where': path and lines, or the section."""
    if "repo" in source and "section" in item and "path" not in item:
        return f"{md.text('§ ' + item['section'])} @ {md.code(source['commit'][:12])}"
    if "repo" in source:
        path = item.get("path") or source.get("path", "")
        lines = item.get("lines")
        where = f"{path}:{lines}" if lines else path
        return f"{md.code(where)} @ {md.code(source['commit'][:12])}"
    return md.text(f"§ {item['section']}") if item.get("section") else ""


def evidence(page: str, model, item) -> str:
    """One evidence item: bibliography link, then a pinned link to the spot."""
    source = model.get("sources", item["source"])
    where = locator(source, item)
    commit_only = "repo" in source and "section" in item and "path" not in item
    target = permalink(source, item.get("path"), item.get("lines"), commit_page=commit_only)
    spot = md.link(where, target) if target and where else where
    parts = [source_link(page, item["source"])]
    if spot:
        parts.append(spot)
    if item.get("note"):
        parts.append(md.rich(item["note"]))
    return " ".join(parts[:2]) + (f": {parts[2]}" if len(parts) > 2 else "")
