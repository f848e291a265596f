"""The reference pages generated from data: bibliography and glossary."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from study import routes
from study.records import Source
from study.render import cite, md
from study.schema import SOURCE_KINDS

Model = Any
BIBLIOGRAPHY_TITLE = "Bibliography"
GLOSSARY_TITLE = "Glossary"

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


def citations(model: Model) -> dict[str, list[tuple[str, str]]]:
    """Where each source is cited: source id -> [(label, docs page)]."""
    cited = defaultdict(list)
    for claim in model.claims:
        for item in claim["evidence"]:
            anchor = routes.claim_anchor(claim["id"])
            cited[item["source"]].append((f"claim {claim['id']}", f"{routes.LEDGER}#{anchor}"))
    for comp in model.components:
        refs = set(comp["sources"]) | {comp.get("release"), comp.get("head")}
        for iface in comp.get("interfaces", []):
            refs |= {e["source"] for e in iface["evidence"]}
        for source_id in refs - {None}:
            cited[source_id].append((comp["name"], routes.component(comp["id"])))
    for term in model.glossary:
        for source_id in term["sources"]:
            cited[source_id].append((term["term"], f"{routes.GLOSSARY}#{routes.term_anchor(term['term'])}"))
    return {k: sorted(set(v)) for k, v in cited.items()}


def _source_entry(page: str, source: Source, cited_by: list[tuple[str, str]]) -> str:
    head = f'<span id="{routes.source_anchor(source["id"])}"></span>{md.code(source["id"])}: '
    title = md.text(source["title"])
    if source.get("url"):
        title = md.link(title, source["url"])
    bits = [title]
    if source.get("author"):
        bits.append(md.text(source["author"]))
    if source.get("date"):
        bits.append(md.text(source["date"]))
    if "repo" in source:
        bits.append(f"{md.code(source['repo'])} at {cite.commit_link(source)}")
    if source.get("path"):
        bits.append(md.code(source["path"]))
    entry = head + ". ".join(bits) + "."
    if source.get("note"):
        entry += f' <span data-search-exclude>{md.rich(source["note"])}</span>'
    if cited_by:
        links = ", ".join(md.link(md.text(label), routes.relative(page, target)) for label, target in cited_by)
        entry += f' <span data-search-exclude>*Cited by:* {links}.</span>'
    return f"- {entry}"


def _unsearched_list(entries: list[str]) -> str:
    return md.unsearched("\n".join(entries))


def bibliography(model: Model, page: str = routes.BIBLIOGRAPHY) -> str:
    cited = citations(model)
    by_kind = defaultdict(list)
    for source in model.sources:
        by_kind[source["kind"]].append(source)
    out = [
        f"# {BIBLIOGRAPHY_TITLE} {{ #bibliography }}",
        "",
        f"Every fact in this study points to one of these {len(model.sources)} sources. "
        "Repository sources are pinned to a commit; paths and line numbers in citations "
        "refer to that commit. This page is generated from `data/sources.yaml`.",
    ]
    for kind in SOURCE_KINDS:
        if not by_kind[kind]:
            continue
        out += ["", f"## {_KIND_TITLES[kind]} {{ #{kind} }}", ""]
        # Sources are reached from the citations that point to them; the index keeps to the study itself.
        out.append(_unsearched_list([_source_entry(page, source, cited.get(source["id"], []))
                                     for source in sorted(by_kind[kind], key=lambda s: s["id"])]))
    return "\n".join(out) + "\n"


def glossary(model: Model, page: str = routes.GLOSSARY) -> str:
    out = [
        f"# {GLOSSARY_TITLE} {{ #glossary }}",
        "",
        "Terms as this study uses them. Each term also shows its meaning as a tooltip "
        "wherever it appears on the site. This page is generated from `data/glossary.yaml`.",
    ]
    for term in sorted(model.glossary, key=lambda t: t["term"].lower()):
        out += ["", f"## {md.text(term['term'])} {{ #{routes.term_anchor(term['term'])} }}", ""]
        definition = md.rich(term["definition"])
        if term.get("expansion"):
            definition = f"*{md.text(term['expansion'])}.* {definition}"
        out.append(f"{definition} Sources: {cite.sources_list(page, term['sources'])}.")
    return "\n".join(out) + "\n"


def tooltips(model: Model) -> dict[str, str]:
    """Glossary term -> its tooltip text (the expansion, or else the definition), as plain text."""
    out = {}
    for term in model.glossary:
        tip = term.get("expansion") or term["definition"]
        out[term["term"]] = " ".join(tip.replace("`", "").split())
    return out


BIBLIOGRAPHY_TEMPLATE = "<!-- study:bibliography -->\n"
GLOSSARY_TEMPLATE = "<!-- study:glossary -->\n"


def review_summary(citations: int, reviewed: int, supports: int, mended: int, written: int,
                   unreadable: int) -> str:
    """One paragraph on how far the citations have been read against their lines."""
    if citations == 0:
        return "The site has no citations yet."
    coverage = "Every one of them has" if reviewed == citations else f"{reviewed:,} of them have"
    out = (f"The site carries {citations:,} citations. {coverage} a recorded review, in which a reader "
           "opened the cited lines at the pinned commit (or the cited section of a document) and checked "
           f"that they show the clause the citation is attached to. {supports:,} do: {mended:,} of them "
           "only after the clause was narrowed, the lines were corrected or evidence was added, and "
           f"{written:,} are citations written in the same pass and read by their author")
    if unreadable:
        out += (f". {unreadable:,} could not be read here" if unreadable > 1 else ". One could not be read here")
        out += "; its review says what was searched" if unreadable == 1 else "; their reviews say what was searched"
    return out + "."


AUDIT_GOAL = 0.95  # of a sample, fully supported; and none unsupported


def audit_summary(audits: list[Any]) -> str:
    """The independent audits, one row each, against the goal."""
    if not audits:
        return "No independent audit has been recorded yet."
    rows = [[a.date, f"{a.drawn} of {a.population:,}", f"{a.counts['supports']} ({a.counts['supports'] / a.drawn:.0%})",
             str(a.counts["partial"]), str(a.counts["unsupported"]), str(a.counts["unreadable"])] for a in audits]
    last = audits[-1]
    met = last.counts["supports"] / last.drawn >= AUDIT_GOAL and last.counts["unsupported"] == 0
    return "\n".join([
        md.table(["Date", "Drawn at random", "Fully supported", "Partly", "Not supported", "Unreadable"], rows), "",
        f"The goal is at least {AUDIT_GOAL:.0%} fully supported and none unsupported; the last audit "
        + ("meets it." if met else "does not meet it yet.")
        + " After each audit the partly supported citations are mended and reviewed again."])

