"""Compact marks: claim verdicts and plan verdicts, shown as words with a colour."""

from __future__ import annotations

from typing import Any

from study import routes
from study.render import md


def verdict(value: str) -> str:
    """A claim verdict as a coloured badge."""
    return f'<span class="verdict verdict-{value}">{value}</span>'


def plan(value: str) -> str:
    """A buildability verdict (reuse, wrap, port, out-of-scope) as a coloured badge."""
    return f'<span class="verdict verdict-plan-{value}">{value}</span>'


def claim_mark(page: str, claim: Any) -> str:
    """A compact claim reference that still shows its verdict, in words and in colour.

    A Markdown link (with an attribute list), so that MkDocs turns its .md target into the page's URL.
    """
    number = claim["id"].upper()
    target = routes.relative(page, routes.LEDGER, routes.claim_anchor(claim["id"]))
    return (f'[{number} {claim["verdict"]}]({md.url(target)}){{ .claim-chip .verdict-{claim["verdict"]} '
            f'title="Claim {number} of the seed: {claim["verdict"]}" }}')
