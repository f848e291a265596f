"""Component reference: the index table and one page per component."""

from __future__ import annotations

from typing import Any

from study import routes
from study.records import Component, Interface
from study.render import badges, cite, md
from study.render.cite import Refs

Model = Any


def short_name(comp: Component) -> str:
    """A component's name without its parenthesised gloss, for tables, links and diagram boxes."""
    return comp["name"].split(" (")[0]


def first_sentence(value: str) -> str:
    head, dot, _ = value.partition(". ")
    return head + ("." if dot else "")


def _license(comp: Component) -> str:
    lic = comp.get("license")
    return md.text(lic["spdx"]) if lic else "n/a"


def link(page: str, comp: Component, text: str = "") -> str:
    return md.link(md.text(text or short_name(comp)), routes.relative(page, routes.component(comp["id"])))


def verdict_of(model: Model, comp_id: str) -> Any:
    return next((b for b in model.buildability if b["component"] == comp_id), None)


def _verdict_badge(model: Model, page: str, comp: Component) -> str:
    entry = verdict_of(model, comp["id"])
    if entry is None:
        return "n/a"
    target = routes.relative(page, routes.BUILDABILITY, comp["id"])
    return md.link(badges.plan(entry["verdict"]), target)


def index_table(model: Model, page: str = routes.COMPONENTS) -> str:
    """One row per component: name, area, responsibility and Python verdict; the rest is on its page."""
    rows = [[link(page, comp), md.text(comp["area"]), md.rich(first_sentence(comp["role"])),
             _verdict_badge(model, page, comp)] for comp in model.components]
    # Each responsibility opens the component's own page, where a search finds it.
    return md.unsearched(md.table(["Component", "Area", "Responsibility", "Python"], rows))


def interface_matrix(model: Model, page: str = routes.COMPONENTS) -> str:
    """Every interface as a row: provider, kind, name, and who uses it."""
    rows = []
    for comp in model.components:
        for iface in comp.get("interfaces", []):
            users = ", ".join(link(page, model.get("components", c)) for c in iface.get("consumers", []))
            anchor = routes.relative(page, routes.component(comp["id"]), routes.PROVIDES)
            rows.append([md.link(md.text(short_name(comp)), anchor), md.text(iface["kind"]),
                         md.code(iface["name"]), users or "outside users"])
    # Every row is also on its provider's page, which is what a search should find.
    return md.unsearched(md.table(["Provider", "Kind", "Interface", "Used by"], rows))


def consumed(model: Model, comp: Component) -> list[tuple[Component, Interface]]:
    """(provider, interface) pairs that list comp among their consumers."""
    return [
        (other, iface)
        for other in model.components
        for iface in other.get("interfaces", [])
        if comp["id"] in iface.get("consumers", [])
    ]


def loc_total(comp: Component) -> str:
    """Lines of code at the release-era commit, or n/a when none were counted."""
    for entry in comp.get("loc", []):
        if entry["source"] == comp.get("release"):
            total = f"{sum(entry['counts'].values()):,}"
            return f"{total} (partial)" if entry.get("scope") else total
    return "n/a"


def _code_rows(refs: Refs, comp: Component) -> list[list[str]]:
    rows = []
    for key, label in (("release", "Release-era code"), ("head", "Newest code seen")):
        if comp.get(key):
            src = refs.model.get("sources", comp[key])  # type: ignore[literal-required]
            when = f" ({md.text(src['date'])})" if src.get("date") else ""
            rows.append([label, f"{md.code(src['repo'])} at {cite.commit_link(src)}{when}, "
                                f"{cite.source_link(refs.page, src['id'])}"])
    return rows


def _facts(refs: Refs, comp: Component) -> str:
    lic = comp.get("license")
    rows = [
        ["Layer", md.text(comp["layer"])],
        ["Area", md.text(comp["area"])],
        ["Languages", md.text(", ".join(comp["languages"]))],
        ["Licence", _license(comp) + (f" ({md.code(lic['file'])})" if lic and lic.get("file") else "")],
        ["Lines at 7.0", loc_total(comp)],
        ["Python rebuild", _verdict_badge(refs.model, refs.page, comp)],
    ]
    if comp.get("part_of"):
        rows.append(["Part of", link(refs.page, refs.model.get("components", comp["part_of"]))])
    # Facts in a table, found through the component's name rather than searched for.
    return md.unsearched(md.table(["Fact", "Value"], rows + _code_rows(refs, comp)))


def _loc(refs: Refs, comp: Component) -> list[str]:
    if not comp.get("loc"):
        if not comp.get("loc_note"):
            return []
        return ["", md.unsearched(f"Lines of code: not counted. {md.rich(comp['loc_note'])}")]
    rows = []
    for entry in comp["loc"]:
        src = refs.model.get("sources", entry["source"])
        counts = ", ".join(f"{md.text(lang)} {n:,}" for lang, n in entry["counts"].items())
        scope = f" (only {', '.join(md.code(p) for p in entry['scope'])})" if entry.get("scope") else ""
        note = f"<br>{md.rich(entry['note'])}" if entry.get("note") else ""
        rows.append([f"{cite.commit_link(src)} ({md.text(src.get('date', ''))})",
                     f"{sum(entry['counts'].values()):,}", counts + scope + note])
    return ["", md.unsearched("Lines of code (non-blank, comments included; counted by `scripts/loc.py`):\n\n"
                              + md.table(["Commit", "Total", "By language"], rows))]


def summary(refs: Refs, comp: Component) -> str:
    """Title, responsibility and facts: the top of a component page."""
    out = [f"# {md.text(comp['name'])} {{ #{comp['id']} }}", "", md.rich(comp["role"]), "",
           "## At a glance { #facts }", "", _facts(refs, comp), *_loc(refs, comp)]
    return "\n".join(out) + "\n"


def _entry_points(refs: Refs, comp: Component) -> list[str]:
    if not comp.get("entry_points"):
        return []
    release = refs.model.get("sources", comp["release"]) if comp.get("release") else None
    out = ["## Entry points { #entry-points }", ""]
    for path in comp["entry_points"]:
        item = md.code(path)
        out.append(f"- {md.link(item, cite.permalink(release, path) or '') if release else item}")
    return out + [""]


def _unsearched_cell(markdown: str) -> str:
    return f'<span data-search-exclude markdown>{markdown}</span>'


def _interfaces(refs: Refs, comp: Component) -> list[str]:
    page, model = refs.page, refs.model
    out = ["## Interfaces provided { #provides }", ""]
    provided = comp.get("interfaces", [])
    if provided:
        # The interface's name is indexed for search; what passes over it is explained on the page.
        rows = [[md.text(i["kind"]), md.code(i["name"]), _unsearched_cell(md.rich(i["description"])),
                 _unsearched_cell(", ".join(link(page, model.get("components", c))
                                            for c in i.get("consumers", [])) or "n/a"),
                 refs.evidence(i["evidence"])] for i in provided]
        out.append(md.table(["Kind", "Name", "What passes", "Used by", "Source"], rows))
    else:
        out.append("None recorded.")
    out += ["", "## Interfaces consumed { #consumes }", ""]
    used = consumed(model, comp)
    if used:
        rows = [[md.text(i["kind"]), md.code(i["name"]), link(page, p), md.rich(i["description"])] for p, i in used]
        # Each row is also in its provider's table of interfaces provided.
        out.append(md.unsearched(md.table(["Kind", "Name", "Provided by", "What passes"], rows)))
    else:
        out.append("None recorded.")
    return out


def _claims(refs: Refs, comp: Component) -> list[str]:
    claims = [c for c in refs.model.claims if comp["id"] in c.get("components", [])]
    if not claims:
        return []
    # The claims themselves are searchable in the claim ledger.
    return ["", "## Seed claims { #claims }", "", md.unsearched("\n".join(
        f"- {badges.claim_mark(refs.page, c)} {md.rich(c['english'])}" for c in claims))]


def details(refs: Refs, comp: Component) -> str:
    """Entry points, interfaces, claims, later changes, open questions, sources."""
    out = _entry_points(refs, comp) + _interfaces(refs, comp) + _claims(refs, comp)
    if comp.get("changes_after"):
        out += ["", "## After 7.0 { #after }", "", md.rich(comp["changes_after"])]
    if comp.get("open_questions"):
        out += ["", "## Open questions { #open-questions }", ""]
        out += [f"- {md.rich(q)}" for q in comp["open_questions"]]
    out += ["", "## Sources { #sources }", "",
            md.unsearched(f"Described from: {cite.sources_list(refs.page, comp['sources'])}.")]
    return "\n".join(out) + "\n"


def page_template(comp: Component) -> str:
    """A generated component page: the same placeholders a hand-written one holds."""
    return f"<!-- study:component-summary {comp['id']} -->\n\n<!-- study:component-details {comp['id']} -->\n"
