"""The reference pages generated from data: bibliography and glossary."""

from __future__ import annotations

from collections import defaultdict

from study.render import cite, md
from study.schema import SOURCE_KINDS

_KIND_TITLES = {
    "seed": "The seed",
    "repository": "Repositories",
    "release-notes": "Release notes",
    "announcement": "Announcements",
    "documentation": "Official documentation",
    "wiki": "Wiki pages",
    "mailing-list": "Mailing lists",
    "blog": "Blog posts",
    "knowledge-base": "Knowledge-base articles",
    "issue-thread": "Issue threads",
    "article": "Articles",
    "specification": "Specifications",
}


def citations(model) -> dict[str, list[tuple[str, str]]]:
    """Where each source is cited: source id -> [(label, docs page)]."""
    cited = defaultdict(list)
    for claim in model.claims:
        for item in claim["evidence"]:
            cited[item["source"]].append((f"claim {claim['id']}", f"seed/claims.md#{claim['id']}"))
    for comp in model.components:
        refs = set(comp["sources"]) | {comp.get("release"), comp.get("head")}
        for iface in comp.get("interfaces", []):
            refs |= {e["source"] for e in iface["evidence"]}
        for source_id in refs - {None}:
            cited[source_id].append((comp["name"], f"components/{comp['id']}.md"))
    for term in model.glossary:
        for source_id in term["sources"]:
            cited[source_id].append((term["term"], f"reference/glossary.md#{glossary_anchor(term)}"))
    return {k: sorted(set(v)) for k, v in cited.items()}


def _source_entry(page: str, source, cited_by) -> str:
    head = f'<span id="{cite.source_anchor(source["id"])}"></span>{md.code(source["id"])}: '
    title = md.text(source["title"])
    if source.get("url"):
        title = md.link(title, source["url"])
    bits = [title]
    if source.get("author"):
        bits.append(md.text(source["author"]))
    if source.get("date"):
        bits.append(md.text(source["date"]))
    if "repo" in source:
        bits.append(f"{md.code(source['repo'])} at {md.link(md.code(source['commit'][:12]), cite.permalink(source))}")
    if source.get("path"):
        bits.append(md.code(source["path"]))
    entry = head + ". ".join(bits) + "."
    if source.get("note"):
        entry += f" {md.rich(source['note'])}"
    if cited_by:
        links = ", ".join(md.link(md.text(label), md.relative(page, target)) for label, target in cited_by)
        entry += f" *Cited by:* {links}."
    return f"- {entry}"


def bibliography(model, page: str = cite.BIBLIOGRAPHY) -> str:
    cited = citations(model)
    by_kind = defaultdict(list)
    for source in model.sources:
        by_kind[source["kind"]].append(source)
    out = [
        "# Bibliography { #bibliography }",
        "",
        f"Every fact in this study points to one of these {len(model.sources)} sources. "
        "Repository sources are pinned to a commit; paths and line numbers in citations "
        "refer to that commit. This page is generated from `data/sources.yaml`.",
    ]
    for kind in SOURCE_KINDS:
        if not by_kind[kind]:
            continue
        out += ["", f"## {_KIND_TITLES[kind]} {{ #{kind} }}", ""]
        for source in sorted(by_kind[kind], key=lambda s: s["id"]):
            out.append(_source_entry(page, source, cited.get(source["id"], [])))
    return "\n".join(out) + "\n"


def glossary_anchor(term) -> str:
    return "term-" + md.slug(term["term"])


def glossary(model, page: str = "reference/glossary.md") -> str:
    out = [
        "# Glossary { #glossary }",
        "",
        "Terms as this study uses them. Each term also shows its meaning as a tooltip "
        "wherever it appears on the site. This page is generated from `data/glossary.yaml`.",
    ]
    for term in sorted(model.glossary, key=lambda t: t["term"].lower()):
        title = md.text(term["term"])
        out += ["", f"## {title} {{ #{glossary_anchor(term)} }}", ""]
        definition = md.rich(term["definition"])
        if term.get("expansion"):
            definition = f"*{md.text(term['expansion'])}.* {definition}"
        out.append(f"{definition} Sources: {cite.sources_list(page, term['sources'])}.")
    return "\n".join(out) + "\n"


def abbreviations(model) -> str:
    """Abbreviation definitions appended to every page (the `abbr` extension)."""
    lines = []
    for term in model.glossary:
        tip = term.get("expansion") or term["definition"]
        tip = " ".join(tip.replace("`", "").split())
        lines.append(f"*[{term['term']}]: {tip}")
    return "\n".join(lines)
