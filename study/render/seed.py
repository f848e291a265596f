"""The seed article, German beside English, with every claim marked in place."""

from __future__ import annotations

from study.errors import DataError
from study.render import md
from study.render.claims import LEDGER, badge

SEED_FILE = "seeds/000_6937d685244fb869.txt"


def paragraphs(seed_text: str) -> list[str]:
    """The seed's paragraphs: blocks separated by blank lines, as in the file."""
    return [p for p in seed_text.split("\n\n") if p.strip()]


def check(seed_text: str, model) -> None:
    """One translation per paragraph, in order; every claim quote found in the seed."""
    paras = paragraphs(seed_text)
    numbers = [t["paragraph"] for t in model.translation]
    if numbers != list(range(1, len(paras) + 1)):
        raise DataError("data/seed.yaml", model.translation[0].line if model.translation else 1, "translation",
                        f"needs one entry per seed paragraph, numbered 1 to {len(paras)} in order; found {numbers}")
    for i, claim in enumerate(model.claims):
        for j, quote in enumerate(claim["quote"]):
            if not any(quote in p for p in paras):
                raise DataError("data/claims.yaml", claim["quote"].line_of(j), f"claims[{i}].quote[{j}]",
                                "not found verbatim in a paragraph of the seed")


def _marked(paragraph: str, model, page: str) -> str:
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
        target = md.relative(page, LEDGER, claim["id"])
        label = claim["id"].upper()
        out.append(f"{md.link(md.text(paragraph[start:end]), target)}{{ .claim-mark }}"
                   f"<sup>{md.link(label, target)}{{ .claim-ref title=\"{label}: {claim['verdict']}\" }}</sup>")
        pos = end
    out.append(_lines(paragraph[pos:]))
    return "".join(out)


def _lines(text: str) -> str:
    # Lines inside one paragraph (page furniture) stay visible as line breaks.
    return "<br>\n".join(md.text(line) if line.strip() else line for line in text.split("\n"))


def page_body(seed_text: str, model, page: str = "seed/index.md") -> str:
    paras = paragraphs(seed_text)
    out = []
    for entry, german in zip(model.translation, paras):
        part = entry["part"]
        out += [
            f'<div class="seed-pair seed-{part}" markdown>',
            f'<div class="seed-de" lang="de" markdown>',
            "",
            _marked(german, model, page),
            "",
            "</div>",
            f'<div class="seed-en" lang="en" markdown>',
            "",
            md.rich(entry["english"]),
            "",
            "</div>",
            "</div>",
            "",
        ]
    return "\n".join(out)


def claim_list(model, page: str) -> str:
    """Compact list of the claims with their verdicts, for the seed page's end."""
    rows = []
    for claim in model.claims:
        target = md.relative(page, LEDGER, claim["id"])
        rows.append(f"- {md.link(claim['id'].upper(), target)} {badge(claim['verdict'])} {md.rich(claim['english'])}")
    return "\n".join(rows)
