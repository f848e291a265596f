"""The seed article, German beside English, with every claim marked in place."""

from __future__ import annotations

from typing import Any

from study import routes
from study.model import seed_paragraphs
from study.render import badges, md

Model = Any


def _marked(paragraph: str, model: Model, page: str) -> str:
    """The German paragraph as Markdown, each claim quote linked to its ledger entry."""
    spans = []
    for claim in model.claims:
        for quote in claim["quote"]:
            at = paragraph.find(quote)
            if at >= 0:
                spans.append((at, at + len(quote), claim))
    spans.sort(key=lambda s: s[0])
    out, pos = [], 0
    for start, end, claim in spans:
        if start < pos:
            continue  # overlapping quotes: the first one marks the text
        out.append(_lines(paragraph[pos:start]))
        target = routes.relative(page, routes.LEDGER, routes.claim_anchor(claim["id"]))
        label = claim["id"].upper()
        out.append(f"{md.link(md.text(paragraph[start:end]), target)}{{ .claim-mark }}"
                   f"<sup>{md.link(label, target)}{{ .claim-ref title=\"{label}: {claim['verdict']}\" }}</sup>")
        pos = end
    out.append(_lines(paragraph[pos:]))
    return "".join(out)


def _lines(text: str) -> str:
    # Lines inside one paragraph (page furniture) stay visible as line breaks.
    return "<br>\n".join(md.text(line) if line.strip() else line for line in text.split("\n"))


def page_body(model: Model, page: str = routes.SEED) -> str:
    paras = seed_paragraphs(model.seed_text)
    out = []
    for entry, german in zip(model.translation, paras, strict=True):
        part = entry["part"]
        if part == "furniture":
            continue  # the news site's menus and notices, not the article
        out += [
            f'<div class="seed-pair seed-{part}" markdown>',
            '<div class="seed-de" lang="de" markdown>',
            "",
            _marked(german, model, page),
            "",
            "</div>",
            '<div class="seed-en" lang="en" markdown>',
            "",
            md.rich(entry["english"]),
            "",
            "</div>",
            "</div>",
            "",
        ]
    return "\n".join(out)


def claim_list(model: Model, page: str) -> str:
    """Compact list of the claims with their verdicts, for the seed page's end."""
    # The same claims, in full, are the claim ledger's: search finds them there.
    return md.unsearched("\n".join(f"- {badges.claim_mark(page, claim)} {md.rich(claim['english'])}"
                                    for claim in model.claims))
