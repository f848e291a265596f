"""Runtime flows: a sequence diagram and a sourced step list per flow."""

from __future__ import annotations

from study.diagrams import sequence
from study.diagrams.figure import KeyEntry, figure
from study.render import cite, md
from study.render.components import page_path as component_page

INDEX = "flows/index.md"


def page_path(flow) -> str:
    return f"flows/{flow['id']}.md"


def _participants(model, flow) -> list[sequence.Participant]:
    parts = []
    for p in flow["participants"]:
        if "component" in p:
            comp = model.get("components", p["component"])
            parts.append(sequence.Participant(p["id"], p.get("label", comp["name"]), comp["layer"], comp["area"]))
        else:
            parts.append(sequence.Participant(p["id"], p["label"], "actor", "actor"))
    return parts


def diagram(model, flow, number: int) -> str:
    parts = _participants(model, flow)
    messages = [sequence.Message(s["src"], s["dst"], s["call"], s.get("kind", "call")) for s in flow["steps"]]
    frames = [sequence.Frame(f["kind"], f["label"], f["first"] - 1, f["last"] - 1) for f in flow.get("frames", [])]
    names = ", ".join(p.label for p in parts)
    description = (f"Sequence diagram with {len(parts)} lifelines ({names}) and {len(messages)} numbered "
                   "messages; the numbered list below the figure gives each message with its source.")
    svg = sequence.render(f"flow-{flow['id']}", flow["title"], description, parts, messages, frames)
    areas = []
    for p in parts:
        if p.group not in areas:
            areas.append(p.group)
    key = [KeyEntry("node", f"n-{a}", "outside actor" if a == "actor" else f"area: {a}") for a in areas]
    kinds = {m.kind for m in messages}
    key += [KeyEntry("message", k, label) for k, label in
            (("call", "call (solid)"), ("reply", "return (dashed)"), ("async", "event, no reply (open arrow)")) if k in kinds]
    return figure(svg, number, flow["title"], key)


def _endpoint(page: str, model, flow, pid: str) -> str:
    p = next(x for x in flow["participants"] if x["id"] == pid)
    if "component" in p:
        comp = model.get("components", p["component"])
        return md.link(md.text(p.get("label", comp["name"])), md.relative(page, component_page(comp)))
    return md.text(p["label"])


def flow_page(model, flow) -> str:
    page = page_path(flow)
    out = [f"# {md.text(flow['title'])} {{ #{flow['id']} }}", "", md.rich(flow["summary"]), ""]
    if flow.get("version"):
        out += [f'!!! note "Version"', "", f"    {md.rich(flow['version'])}", ""]
    out += [diagram(model, flow, 1), "", "## Steps { #steps }", ""]
    rows = []
    for n, step in enumerate(flow["steps"], start=1):
        who = f"{_endpoint(page, model, flow, step['src'])} → {_endpoint(page, model, flow, step['dst'])}"
        what = md.code(step["call"]) + (f"<br>{md.rich(step['note'])}" if step.get("note") else "")
        evidence = "; ".join(cite.evidence(page, model, e) for e in step["evidence"])
        rows.append([f'<span id="step-{n}"></span>{n}', who, what, evidence])
    out.append(md.table(["#", "From → to", "Call and what happens", "Evidence"], rows))
    if flow.get("frames"):
        out += ["", "Frames: " + "; ".join(
            f"{md.text(f['kind'])} \"{md.text(f['label'])}\" around steps {f['first']}–{f['last']}" for f in flow["frames"]) + "."]
    if flow.get("pages"):
        links = ", ".join(md.link(md.text(p), md.relative(page, p)) for p in flow["pages"])
        out += ["", f"Explained on: {links}."]
    return "\n".join(out) + "\n"


def index_list(model, page: str = INDEX) -> str:
    rows = []
    for flow in model.flows:
        names = {p.get("component") for p in flow["participants"]} - {None}
        rows.append([md.link(md.text(flow["title"]), md.relative(page, page_path(flow))),
                     str(len(flow["steps"])), str(len(names))])
    return md.table(["Flow", "Steps", "Components"], rows)
