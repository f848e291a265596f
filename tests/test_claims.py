"""The claim ledger: complete, quoted verbatim, evidenced, and discussed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from study.model import load_model
from study.render.seed import SEED_FILE, paragraphs

ROOT = Path(__file__).resolve().parent.parent
MODEL = load_model(ROOT)
SEED = (ROOT / SEED_FILE).read_text(encoding="utf-8")


def test_exactly_24_claims_in_the_seeds_order():
    assert [c["id"] for c in MODEL.claims] == [f"c{n:02d}" for n in range(1, 25)]


def test_quotes_follow_the_seed_order():
    positions = [SEED.index(c["quote"][0]) for c in MODEL.claims]
    assert positions == sorted(positions)


@pytest.mark.parametrize("claim", MODEL.claims, ids=[c["id"] for c in MODEL.claims])
def test_claim(claim):
    for quote in claim["quote"]:
        assert quote in SEED, f"not verbatim in the seed: {quote!r}"
    assert claim["verdict"] in ("confirmed", "nuanced", "refuted", "unverified")
    assert claim["evidence"], "at least one evidence item"
    for item in claim["evidence"]:
        source = MODEL.get("sources", item["source"])  # raises if it does not exist
        has_locator = ("path" in item and "lines" in item) or "section" in item
        assert has_locator, f"evidence from {source['id']} has no locator"
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", claim["explanation"].strip()) if s]
    assert 1 <= len(sentences) <= 3, "explanation is one to three sentences"
    for page in claim["pages"]:
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        linked = f"[claim:{claim['id']}]" in text or f"claims.md#{claim['id']})" in text
        assert linked, f"{page} does not link to claim {claim['id']}"


def test_every_claim_is_discussed_on_an_explanation_page():
    explanation = [p for p in (ROOT / "docs").rglob("*.md")
                   if p.relative_to(ROOT / "docs").parts[0] in ("architecture", "context")]
    text = "\n".join(p.read_text(encoding="utf-8") for p in explanation)
    missing = [c["id"] for c in MODEL.claims if f"[claim:{c['id']}]" not in text]
    assert missing == []


def test_translation_covers_every_paragraph():
    assert [t["paragraph"] for t in MODEL.translation] == list(range(1, len(paragraphs(SEED)) + 1))


def test_ledger_and_home_show_the_verdict_counts(site_dir):
    ledger = (site_dir / "seed" / "claims" / "index.html").read_text(encoding="utf-8")
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    for verdict in ("confirmed", "nuanced", "refuted", "unverified"):
        n = sum(1 for c in MODEL.claims if c["verdict"] == verdict)
        pattern = rf'verdict-{verdict}">{verdict}</span></a> {n}\b'
        assert re.search(pattern, ledger), verdict
        assert re.search(pattern, home), verdict
    for claim in MODEL.claims:
        assert f'id="{claim["id"]}"' in ledger


def test_seed_page_marks_every_claim(site_dir):
    html = (site_dir / "seed" / "index.html").read_text(encoding="utf-8")
    for claim in MODEL.claims:
        assert re.search(rf'class="claim-mark" href="\.\./claims/#{claim["id"]}"|href="claims/#{claim["id"]}" class="claim-mark"'
                         rf'|<a class="claim-mark" href="claims/#{claim["id"]}"', html), claim["id"]
