"""The stock-kernel compatibility matrix: one section per Virtuozzo kernel interface.

Each section says what the interface is in 7.0, what stock Linux offers in
cgroup v1, cgroup v2 and elsewhere (each entry with its own citation and the
basis of its version), and what every work package that touches it does on a
stock host. The sections are small so that their tables fit the page column.
"""

from __future__ import annotations

from typing import Any

from study import routes
from study.records import KernelInterface, StockEquivalent
from study.render import md
from study.render.cite import Refs

Model = Any

PLACE = {"cgroup-v1": "cgroup v1", "cgroup-v2": "cgroup v2", "kernel": "Linux, outside cgroups"}
ON_STOCK_TEXT = {
    "native": "uses the stock interface unchanged",
    "emulate": "provides the behaviour itself",
    "degrade": "runs without it and says so",
    "refuse": "stops with an error rather than pretend",
}
ON_STOCK_VERB = {"native": "uses it as is", "emulate": "emulates", "degrade": "degrades", "refuse": "refuses"}
BASIS_TEXT = {
    "kernel-doc": "the release the kernel's own documentation gives",
    "man-pages": "the release the man-pages project gives for this interface",
    "controller": "the release the man-pages project gives for the controller; the file itself is not dated",
    "commit": "no release: only the date of the kernel commit that added it",
    "unverified": "no release: not established",
}


def since(eq: StockEquivalent) -> str:
    """What the entry says about the release that added it, in words."""
    basis = eq.get("basis")
    if eq["match"] == "none" or basis is None:
        return "—"
    if basis == "kernel-doc":
        return f"{eq['since']} (kernel documentation)"
    if basis == "man-pages":
        return f"{eq['since']} (man-pages)"
    if basis == "controller":
        return f"{eq['since']} for the controller (man-pages); file not dated"
    if basis == "commit":
        return f"not stated; committed {eq['committed']}"
    return "not established"


def _equivalent(eq: StockEquivalent) -> str:
    note = f" {md.rich(eq['note'])}" if eq.get("note") else ""
    if eq["match"] == "none":
        return f"*none.*{note}"
    return f"**{md.text(eq['interface'])}** ({eq['match']}).{note}"


def _table(refs: Refs, entry: KernelInterface) -> str:
    rows = [[PLACE[eq["where"]], _equivalent(eq), since(eq) + refs.evidence(eq["evidence"])]
            for eq in entry["stock"]]
    return md.table(["Where", "Stock equivalent", "Since"], rows)


def _behaviour_lines(model: Model, page: str, entry: KernelInterface) -> list[str]:
    out = []
    for item in entry["packages"]:
        wp = model.get("work_packages", item["package"])
        target = routes.relative(page, routes.WORK_PACKAGES, wp["id"])
        verb = ON_STOCK_VERB[item["on_stock"]]
        out.append(f"- {md.link(wp['id'].upper(), target)} ({md.text(wp['title'])}) **{verb}**: {md.rich(item['how'])}")
    return out


def section(refs: Refs, entry: KernelInterface) -> list[str]:
    out = [f"## {md.text(entry['title'])} {{ #{entry['id']} }}", "",
           f"*{md.text(entry['name'])}*", "",
           f"**In OpenVZ 7.0.** {md.rich(entry['vz'])}{refs.evidence(entry['evidence'])}", "",
           f"**Upstream.** {md.rich(entry['upstream'])}", "", _table(refs, entry), "",
           "**On a stock host**", ""]
    out += _behaviour_lines(refs.model, refs.page, entry) + [""]
    if entry.get("open_questions"):
        out += ["**Not settled**", ""] + [f"- {md.rich(q)}" for q in entry["open_questions"]] + [""]
    return out


def sections(refs: Refs) -> str:
    out: list[str] = []
    for entry in refs.model.kernel_interfaces:
        out += section(refs, entry)
    return "\n".join(out)


def _closest(entry: KernelInterface) -> str:
    """The best stock match, e.g. 'partial (cgroup v2)'."""
    rank = {"same": 0, "partial": 1, "none": 2}
    best = min(entry["stock"], key=lambda eq: rank[eq["match"]])
    if best["match"] == "none":
        return "none"
    places = [PLACE[place] for place in PLACE if any(eq["where"] == place and eq["match"] == best["match"]
                                                      for eq in entry["stock"])]
    return f"{best['match']} ({', '.join(places)})"


def overview(model: Model, page: str) -> str:
    """One row per interface: its closest stock match and what each package does."""
    rows = []
    for entry in model.kernel_interfaces:
        doing = ", ".join(f"{item['package'].upper()} {item['on_stock']}" for item in entry["packages"])
        rows.append([md.link(md.text(entry["title"]), f"#{entry['id']}"), _closest(entry), doing])
    # The sections below repeat every cell, with sources.
    return md.unsearched(md.table(["Interface", "Closest stock match", "Packages on a stock host"], rows))


def behaviour_key() -> str:
    """What the four words in the per-package lists mean."""
    return md.table(["On a stock host the package…", "Meaning"],
                    [[f"**{ON_STOCK_VERB[word]}** ({md.code(word)})", md.text(text)]
                     for word, text in ON_STOCK_TEXT.items()])


def basis_key() -> str:
    """What the 'Since' column rests on, for each basis."""
    return md.table(["Basis", "What the Since column states"],
                    [[md.code(basis), md.text(text)] for basis, text in BASIS_TEXT.items()])


def package_lines(model: Model, page: str, wp_id: str) -> list[str]:
    """For a work package's section: the kernel interfaces it touches and what it does on a stock host."""
    items = [(entry, item) for entry in model.kernel_interfaces for item in entry["packages"]
             if item["package"] == wp_id]
    if not items:
        return ["**On which kernel features.** None: it touches no kernel interface of the matrix on the "
                f"{md.link('stock-kernel page', routes.relative(page, routes.STOCK_KERNEL))}.", ""]
    lines = []
    for entry, item in items:
        target = routes.relative(page, routes.STOCK_KERNEL, entry["id"])
        lines.append(f"- {md.link(md.text(entry['title']), target)}: it **{ON_STOCK_VERB[item['on_stock']]}**. "
                     f"{md.rich(item['how'])}")
    # The stock-kernel page holds the same lines, with sources; search finds them there.
    return ["**On which kernel features**", "", md.unsearched("\n".join(lines)), ""]
