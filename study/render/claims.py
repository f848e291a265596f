"""The claim ledger: every claim of the seed with its verdict and evidence."""

from __future__ import annotations

from collections import Counter
from typing import Any

from study import routes
from study.records import Claim
from study.render import badges, md
from study.render.cite import Refs
from study.schema import VERDICTS

Model = Any
TITLE = "Claim ledger"

VERDICT_TEXT = {
    "confirmed": "The primary sources support the claim as stated.",
    "nuanced": "The claim holds only in part, or needs a qualification to be right.",
    "refuted": "The primary sources contradict the claim.",
    "unverified": "No primary source could be read that settles the claim.",
}


# The grading rules, shown on the ledger before the claims. Every verdict in
# data/claims.yaml is given by these rules; change a rule and re-grade them all.
GRADING_RULES = """## How a verdict is given { #grading-rules }

A claim is read word for word as the seed puts it, and each of its parts is checked against the
kind of source that can show it:

- what the software does: its code at the release-era commit, or the vendor's documentation of it;
- what the vendor says, ships or offers: the vendor's own release notes, announcements and guides;
- when something was published or released: a dated publication of that event, or the
  vendor's own dated account of it (such as the project wiki's history). A commit date shows
  when a commit was made, not when a repository went public or a release came out.

Then:

- **Confirmed**: every part of the claim is shown by a source of the right kind that was read.
  A qualification that leaves the claim's point intact (a detail, a limit outside it) is
  reported in the explanation without lowering the verdict.
- **Nuanced**: the claim's core is shown, but a part is wrong or overstated; or a part rests
  only on evidence of the wrong kind (a date known only from commits) or on a document that
  was not read (for example a licence agreement); or the claim credits a source
  ("according to the announcement") that, as far as it was read, does not say it.
- **Refuted**: sources of the right kind contradict the claim's core.
- **Unverified**: no source of the right kind settles the claim's core either way; the
  evidence list says what was tried.

Only what was read is cited, and a source that could be read only in part supports only the
part that was read."""


def counts(model: Model) -> Counter[str]:
    return Counter(c["verdict"] for c in model.claims)


def verdict_summary(model: Model, page: str) -> str:
    """One line with the number of claims per verdict, each linking to its group."""
    found = counts(model)
    parts = [f"{md.link(badges.verdict(v), routes.relative(page, routes.LEDGER, v))} {found.get(v, 0)}"
             for v in VERDICTS]
    n = len(model.claims)
    return f"{n} claim{'' if n == 1 else 's'}: " + " · ".join(parts)


def _page_links(page: str, targets: list[str], titles: dict[str, str]) -> str:
    return ", ".join(md.link(md.text(titles.get(t.split("#")[0], t)), routes.relative(page, t)) for t in targets)


def _claim_section(refs: Refs, claim: Claim, titles: dict[str, str]) -> list[str]:
    out = [f"### {claim['id'].upper()} {{ #{routes.claim_anchor(claim['id'])} }}", ""]
    # The German sentences are searchable on the seed page, where they stand in the article.
    out += [md.unsearched("\n".join(f"> {md.text(q)}" for q in claim["quote"]))]
    out += ["", f"**In English:** {md.rich(claim['english'])}", "",
            f"**Verdict:** {badges.verdict(claim['verdict'])} {md.rich(claim['explanation'])}", "",
            f'???+ quote "Evidence ({len(claim["evidence"])})"', ""]
    out += [f"    - {text}" for text in refs.full(claim["evidence"])]
    out += ["", f"**Discussed on:** {_page_links(refs.page, claim['pages'], titles)}", ""]
    return out


def ledger(refs: Refs, titles: dict[str, str], rules: str = "") -> str:
    """The ledger page; `rules` is the grading rules' Markdown, placed before the claims."""
    model, page = refs.model, refs.page
    out = [f"# {TITLE} {{ #claim-ledger }}", "",
           "Each claim the seed article makes, in the seed's order, with our verdict and the "
           "evidence for it. Verdicts mean:", ""]
    out += [f"- {badges.verdict(v)}: {VERDICT_TEXT[v]}" for v in VERDICTS]
    out += ["", rules, ""] if rules else [""]
    out += [verdict_summary(model, page), "", "## All claims { #all-claims }", ""]
    rows = [[md.link(c["id"].upper(), f"#{routes.claim_anchor(c['id'])}"), badges.verdict(c["verdict"]),
             md.rich(c["english"]), _page_links(page, c["pages"], titles)] for c in model.claims]
    # Each row is repeated, with its evidence, in the claim's own section below.
    table = md.table(["Claim", "Verdict", "What the seed says (our translation)", "Discussed on"], rows)
    out.append(md.unsearched(table))
    for verdict in VERDICTS:
        group = [c for c in model.claims if c["verdict"] == verdict]
        out += ["", f"## {verdict.capitalize()} {{ #{verdict} }}", ""]
        if not group:
            out.append(f"No claim is {verdict}.")
        for claim in group:
            out += _claim_section(refs, claim, titles)
    return "\n".join(out) + "\n"


PAGE_TEMPLATE = "<!-- study:claim-ledger -->\n"
