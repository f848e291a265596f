"""The build plan: buildability matrix, work packages, phases and critical path."""

from __future__ import annotations

from study.diagrams import layered
from study.diagrams.figure import KeyEntry, figure
from study.render import cite, md
from study.render.components import page_path as component_page, short_name

VERDICT_TEXT = {
    "reuse": "use the real thing as is",
    "wrap": "call it from Python through an existing binding or protocol",
    "port": "rewrite it in Python 3",
    "out-of-scope": "leave it out of a Python rebuild",
}
MATRIX = "planning/buildability.md"
PACKAGES = "planning/work-packages.md"


def wp_label(wp) -> str:
    return wp["id"].upper()


def _effort(value: str) -> tuple[int, int]:
    low, _, high = value.partition("-")
    return int(low), int(high)


def phases(model) -> dict[str, int]:
    """Phase of each package: 1 + the longest chain of packages it waits for."""
    deps = {wp["id"]: list(wp.get("depends_on", [])) for wp in model.work_packages}
    memo: dict[str, int] = {}

    def phase(ident: str) -> int:
        if ident not in memo:
            memo[ident] = 1 + max((phase(d) for d in deps[ident]), default=0)
        return memo[ident]

    return {ident: phase(ident) for ident in deps}


def critical_path(model) -> tuple[list[str], int, int]:
    """The chain with the largest total upper effort, and its total low and high effort."""
    by_id = {wp["id"]: wp for wp in model.work_packages}
    best: dict[str, tuple[int, list[str]]] = {}

    def longest(ident: str) -> tuple[int, list[str]]:
        if ident not in best:
            high = _effort(by_id[ident]["effort"])[1]
            before = [longest(d) for d in by_id[ident].get("depends_on", [])]
            top = max(before, default=(0, []), key=lambda t: t[0])  # ties: the first in data order
            best[ident] = (top[0] + high, top[1] + [ident])
        return best[ident]

    total, path = max((longest(i) for i in by_id), key=lambda t: t[0])
    low = sum(_effort(by_id[i]["effort"])[0] for i in path)
    return path, low, total


def packages_for(model, comp_id: str) -> list[dict]:
    return [wp for wp in model.work_packages if comp_id in wp["components"]]


def badge(verdict: str) -> str:
    return f'<span class="verdict verdict-plan-{verdict}">{verdict}</span>'


def _wp_link(page: str, wp) -> str:
    return md.link(wp_label(wp), md.relative(page, PACKAGES, wp["id"]))


def matrix(model, page: str = MATRIX) -> str:
    rows = []
    for entry in model.buildability:
        comp = model.get("components", entry["component"])
        wps = ", ".join(_wp_link(page, wp) for wp in packages_for(model, comp["id"])) or "none"
        rows.append([md.link(md.text(short_name(comp)), f"#{comp['id']}"), badge(entry["verdict"]),
                     md.text(entry["effort"]), wps, md.rich(entry["rationale"])])
    return md.table(["Component", "Verdict", "Effort (person-weeks)", "Work packages", "Why"], rows)


def matrix_details(model, page: str = MATRIX) -> str:
    out = []
    for entry in model.buildability:
        comp = model.get("components", entry["component"])
        title = md.text(short_name(comp))
        out += [f"### {title} {{ #{comp['id']} }}", "",
                f"{badge(entry['verdict'])} {md.rich(entry['rationale'])} "
                f"{md.link('Component page', md.relative(page, component_page(comp)))}.", ""]
        if entry.get("precedent"):
            out += [f"- **Python precedent:** {md.rich(entry['precedent'])}"]
        out += [f"- **Needs from the host:** {md.rich(entry['needs'])}",
                f"- **Effort:** {md.text(entry['effort'])} person-weeks (estimate)",
                "- **Risks:** " + " ".join(md.rich(r) for r in entry["risks"]),
                "- **Evidence:** " + "; ".join(cite.evidence(page, model, e) for e in entry["evidence"]), ""]
    return "\n".join(out)


def verdict_counts(model) -> str:
    counts = {v: sum(1 for b in model.buildability if b["verdict"] == v) for v in VERDICT_TEXT}
    return md.table(["Verdict", "Meaning", "Components"],
                    [[badge(v), md.text(VERDICT_TEXT[v]), str(n)] for v, n in counts.items()])


def package_sections(model, page: str = PACKAGES) -> str:
    phase = phases(model)
    out = []
    for wp in model.work_packages:
        out += [f"## {wp_label(wp)}: {md.text(wp['title'])} {{ #{wp['id']} }}", "", md.rich(wp["goal"]), ""]
        deps = ", ".join(_wp_link(page, model.get("work_packages", d)) for d in wp.get("depends_on", [])) or "none"
        comps = ", ".join(md.link(md.text(short_name(model.get("components", c))),
                                  md.relative(page, component_page(model.get("components", c))))
                          for c in wp["components"])
        out += [md.table(["Property", "Value"], [
            ["Phase", str(phase[wp["id"]])], ["Depends on", deps], ["Components", comps],
            ["Effort", f"{md.text(wp['effort'])} person-weeks (estimate)"], ["Host", md.rich(wp["host"])],
        ]), "", "**Interface contract**", ""]
        rows = []
        for item in wp["contract"]:
            comp = model.get("components", item["component"])
            iface = next(i for i in comp["interfaces"] if i["id"] == item["interface"])
            target = md.relative(page, component_page(comp), "provides")
            rows.append([md.link(md.text(short_name(comp)), target), md.code(iface["name"]), md.rich(item["note"])])
        out += [md.table(["Component", "Interface", "Must match"], rows), ""]
        out += ["**Deliverables**", ""] + [f"- {md.rich(d)}" for d in wp["deliverables"]] + [""]
        out += ["**Acceptance tests**", ""] + [f"- {md.rich(a)}" for a in wp["acceptance"]] + [""]
        out += [f"**Testing without a Virtuozzo kernel.** {md.rich(wp['test_strategy'])}", ""]
        out += ["**Risks**", ""] + [f"- {md.rich(r)}" for r in wp["risks"]] + [""]
        out += ["**Evidence:** " + "; ".join(cite.evidence(page, model, e) for e in wp["evidence"]), ""]
    return "\n".join(out)


def phase_table(model, page: str) -> str:
    phase = phases(model)
    path, low, high = critical_path(model)
    rows = []
    for n in sorted(set(phase.values())):
        members = [wp for wp in model.work_packages if phase[wp["id"]] == n]
        rows.append([str(n), ", ".join(f"{_wp_link(page, wp)} {md.text(wp['title'])}" for wp in members)])
    crit = " → ".join(_wp_link(page, model.get("work_packages", i)) for i in path)
    return (md.table(["Phase", "Work packages (each can start when the ones it depends on are done)"], rows)
            + f"\n\n**Critical path:** {crit}, {low} to {high} person-weeks of work in sequence (estimates).\n")


def graph(model, number: int) -> str:
    phase = phases(model)
    path, _, _ = critical_path(model)
    on_path = set(path)
    nodes = [layered.Node(wp["id"], f"{wp_label(wp)} {wp['title']}", phase[wp["id"]],
                          group="migration" if wp["id"] in on_path else "management",
                          sublabel=f"{wp['effort']} person-weeks") for wp in model.work_packages]
    edges = []
    for wp in model.work_packages:
        for dep in wp.get("depends_on", []):
            group = "ipc" if dep in on_path and wp["id"] in on_path and path.index(wp["id"]) == path.index(dep) + 1 else "library"
            edges.append(layered.Edge(dep, wp["id"], group=group))
    description = (f"{len(nodes)} work packages in {max(phase.values())} phases, top to bottom; an arrow leads from a "
                   f"package to one that depends on it. The critical path is {' to '.join(wp_label(model.get('work_packages', i)) for i in path)}.")
    svg = layered.render("work-packages", "Work packages and their dependencies", description, nodes, edges,
                         edge_labels=False)
    key = [KeyEntry("node", "n-migration", "on the critical path"), KeyEntry("node", "n-management", "other package"),
           KeyEntry("edge", "e-library", "must come before"), KeyEntry("edge", "e-ipc", "critical-path link")]
    return figure(svg, number, "Work packages by phase; the critical path is highlighted.", key)
