"""Component reference: the index table and one page per component."""

from __future__ import annotations

from study.render import cite, md

INDEX = "components/index.md"


def page_path(comp) -> str:
    return f"components/{comp['id']}.md"


def short_name(comp) -> str:
    """A component's name without its parenthesised gloss, for tables and diagram boxes."""
    return comp["name"].split(" (")[0]


def _first_sentence(value: str) -> str:
    head, dot, _ = value.partition(". ")
    return head + ("." if dot else "")


def _license(comp) -> str:
    lic = comp.get("license")
    return md.text(lic["spdx"]) if lic else "n/a"


def index_table(model, page: str = INDEX) -> str:
    rows = []
    for comp in model.components:
        name = md.link(md.text(comp["name"]), md.relative(page, page_path(comp)))
        rows.append([
            name,
            md.text(comp["layer"]),
            md.text(comp["area"]),
            md.text(", ".join(comp["languages"])),
            _loc_total(comp),
            _license(comp),
            _python_verdict(page, model, comp),
            md.rich(_first_sentence(comp["role"])),
        ])
    return md.table(["Component", "Layer", "Area", "Languages", "Lines at 7.0", "Licence", "Python", "Responsibility"], rows)


def _python_verdict(page: str, model, comp) -> str:
    entry = next((b for b in model.records.get("buildability", []) if b["component"] == comp["id"]), None)
    if entry is None:
        return "n/a"
    return md.link(md.text(entry["verdict"]), md.relative(page, "planning/buildability.md", comp["id"]))


def _loc_total(comp) -> str:
    """Lines of code at the release-era commit, or a dash when none were counted."""
    for entry in comp.get("loc", []):
        if entry["source"] == comp.get("release"):
            total = f"{sum(entry['counts'].values()):,}"
            return f"{total} (partial)" if entry.get("scope") else total
    return "n/a"


def interface_matrix(model, page: str = INDEX) -> str:
    """Every interface as a row: provider, kind, name, and who uses it."""
    rows = []
    for comp in model.components:
        for iface in comp.get("interfaces", []):
            users = ", ".join(_comp_link(page, model, c) for c in iface.get("consumers", [])) or "outside users"
            anchor = f"{md.relative(page, page_path(comp))}#provides"
            rows.append([md.link(md.text(short_name(comp)), anchor), md.text(iface["kind"]),
                         md.code(iface["name"]), users])
    return md.table(["Provider", "Kind", "Interface", "Used by"], rows)


def consumed(model, comp) -> list[tuple[dict, dict]]:
    """(provider, interface) pairs that list comp among their consumers."""
    return [
        (other, iface)
        for other in model.components
        for iface in other.get("interfaces", [])
        if comp["id"] in iface.get("consumers", [])
    ]


def _comp_link(page: str, model, comp_id: str) -> str:
    comp = model.get("components", comp_id)
    return md.link(md.text(comp["name"]), md.relative(page, page_path(comp)))


def _evidence_list(page: str, model, items) -> str:
    return "; ".join(cite.evidence(page, model, e) for e in items)


def _facts(page: str, model, comp) -> list[str]:
    rows = [
        ["Layer", md.text(comp["layer"])],
        ["Area", md.text(comp["area"])],
        ["Languages", md.text(", ".join(comp["languages"]))],
        ["Licence", _license(comp) + (f" ({md.code(comp['license']['file'])})" if comp.get("license", {}).get("file") else "")],
    ]
    if comp.get("part_of"):
        rows.append(["Part of", _comp_link(page, model, comp["part_of"])])
    for key, label in (("release", "Release-era code"), ("head", "Newest code seen")):
        if comp.get(key):
            src = model.get("sources", comp[key])
            when = f" ({md.text(src['date'])})" if src.get("date") else ""
            rows.append([label, f"{md.code(src['repo'])} at {md.link(md.code(src['commit'][:12]), cite.permalink(src))}{when}, {cite.source_link(page, src['id'])}"])
    return [md.table(["Fact", "Value"], rows)]


def _loc(page: str, model, comp) -> list[str]:
    if not comp.get("loc"):
        return ["", f"Lines of code: not counted. {md.rich(comp['loc_note'])}"] if comp.get("loc_note") else []
    rows = []
    for entry in comp["loc"]:
        src = model.get("sources", entry["source"])
        counts = ", ".join(f"{md.text(lang)} {n:,}" for lang, n in entry["counts"].items())
        total = sum(entry["counts"].values())
        scope = f" (only {', '.join(md.code(p) for p in entry['scope'])})" if entry.get("scope") else ""
        note = f"<br>{md.rich(entry['note'])}" if entry.get("note") else ""
        rows.append([f"{md.link(md.code(src['commit'][:12]), cite.permalink(src))} ({md.text(src.get('date', ''))})",
                     f"{total:,}", counts + scope + note])
    return ["", "Lines of code (non-blank, comments included; counted by `scripts/loc.py`):", "",
            md.table(["Commit", "Total", "By language"], rows)]


def summary(model, comp, page: str | None = None) -> str:
    """Title, responsibility and facts: the top of a component page."""
    page = page or page_path(comp)
    out = [f"# {md.text(comp['name'])} {{ #{comp['id']} }}", "", md.rich(comp["role"]), "",
           "## At a glance { #facts }", ""]
    out += _facts(page, model, comp) + _loc(page, model, comp)
    return "\n".join(out) + "\n"


def details(model, comp, page: str | None = None) -> str:
    """Entry points, interfaces, claims, later changes, open questions, sources."""
    page = page or page_path(comp)
    out = []
    release = model.get("sources", comp["release"]) if comp.get("release") else None
    if comp.get("entry_points"):
        out += ["## Entry points { #entry-points }", ""]
        for path in comp["entry_points"]:
            item = md.code(path)
            if release:
                item = md.link(item, cite.permalink(release, path))
            out.append(f"- {item}")
        out.append("")

    provided = comp.get("interfaces", [])
    out += ["## Interfaces provided { #provides }", ""]
    if provided:
        rows = [[
            md.text(i["kind"]), md.code(i["name"]), md.rich(i["description"]),
            ", ".join(_comp_link(page, model, c) for c in i.get("consumers", [])) or "n/a",
            _evidence_list(page, model, i["evidence"]),
        ] for i in provided]
        out.append(md.table(["Kind", "Name", "What passes", "Used by", "Evidence"], rows))
    else:
        out.append("None recorded.")

    used = consumed(model, comp)
    out += ["", "## Interfaces consumed { #consumes }", ""]
    if used:
        rows = [[md.text(i["kind"]), md.code(i["name"]), _comp_link(page, model, p["id"]), md.rich(i["description"])]
                for p, i in used]
        out.append(md.table(["Kind", "Name", "Provided by", "What passes"], rows))
    else:
        out.append("None recorded.")

    claims = [c for c in model.claims if comp["id"] in c.get("components", [])]
    if claims:
        out += ["", "## Seed claims { #claims }", ""]
        for claim in claims:
            target = md.relative(page, "seed/claims.md", claim["id"])
            out.append(f"- {md.link(claim['id'].upper(), target)} ({md.text(claim['verdict'])}): {md.rich(claim['english'])}")

    if comp.get("changes_after"):
        out += ["", "## After 7.0 { #after }", "", md.rich(comp["changes_after"])]
    if comp.get("open_questions"):
        out += ["", "## Open questions { #open-questions }", ""]
        out += [f"- {md.rich(q)}" for q in comp["open_questions"]]
    out += ["", "## Sources { #sources }", "", cite.sources_list(page, comp["sources"]) + "."]
    return "\n".join(out) + "\n"


def component_page(model, comp) -> str:
    """A whole page, for components without a hand-written explanation."""
    return summary(model, comp) + "\n" + details(model, comp)
