"""The claim ledger: every claim of the seed with its verdict and evidence."""

from __future__ import annotations

from collections import Counter

from study.render import cite, md
from study.schema import VERDICTS

LEDGER = "seed/claims.md"

VERDICT_TEXT = {
    "confirmed": "The primary sources support the claim as stated.",
    "nuanced": "The claim holds only in part, or needs a qualification to be right.",
    "refuted": "The primary sources contradict the claim.",
    "unverified": "No primary source could be read that settles the claim.",
}


def badge(verdict: str) -> str:
    return f'<span class="verdict verdict-{verdict}">{verdict}</span>'


def counts(model) -> Counter:
    return Counter(c["verdict"] for c in model.claims)


def verdict_summary(model, page: str) -> str:
    """One line with the number of claims per verdict, each linking to its group."""
    found = counts(model)
    parts = [f"{md.link(badge(v), md.relative(page, LEDGER, v))} {found.get(v, 0)}" for v in VERDICTS]
    n = len(model.claims)
    return f"{n} claim{'' if n == 1 else 's'}: " + " · ".join(parts)


def _number(claim) -> str:
    return claim["id"].upper()


def _page_links(page: str, targets, titles: dict[str, str]) -> str:
    return ", ".join(md.link(md.text(titles.get(t.split("#")[0], t)), md.relative(page, t)) for t in targets)


def ledger(model, titles: dict[str, str] | None = None, page: str = LEDGER) -> str:
    titles = titles or {}
    out = [
        "# Claim ledger { #claim-ledger }",
        "",
        "Each claim the seed article makes, in the seed's order, with our verdict and the "
        "evidence for it. Verdicts mean:",
        "",
    ]
    out += [f"- {badge(v)}: {VERDICT_TEXT[v]}" for v in VERDICTS]
    out += ["", verdict_summary(model, page), "", "## All claims { #all-claims }", ""]
    rows = []
    for claim in model.claims:
        rows.append([
            md.link(_number(claim), f"#{claim['id']}"),
            badge(claim["verdict"]),
            md.rich(claim["english"]),
            _page_links(page, claim["pages"], titles),
        ])
    out.append(md.table(["Claim", "Verdict", "What the seed says (our translation)", "Discussed on"], rows))
    for verdict in VERDICTS:
        group = [c for c in model.claims if c["verdict"] == verdict]
        out += ["", f"## {verdict.capitalize()} {{ #{verdict} }}", ""]
        if not group:
            out.append(f"No claim is {verdict}.")
        for claim in group:
            out += [f"### {_number(claim)} {{ #{claim['id']} }}", ""]
            out += [f"> {md.text(q)}" for q in claim["quote"]]
            out += ["", f"**In English:** {md.rich(claim['english'])}", "",
                    f"**Verdict:** {badge(claim['verdict'])} {md.rich(claim['explanation'])}", "", "**Evidence:**", ""]
            out += [f"- {cite.evidence(page, model, e)}" for e in claim["evidence"]]
            out += ["", f"**Discussed on:** {_page_links(page, claim['pages'], titles)}", ""]
    return "\n".join(out) + "\n"
