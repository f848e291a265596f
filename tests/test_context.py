"""Context pages: every comparison row and timeline entry is sourced; FAQ answers link in."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from study.model import load_model

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
MODEL = load_model(ROOT)
CITATION = re.compile(r"\[@[a-z0-9][a-z0-9.-]*[^\]]*\]")


def test_timeline_entries_are_sourced_and_cover_the_milestones():
    for event in MODEL.timeline:
        for item in event["evidence"]:
            MODEL.get("sources", item["source"])
    dates = [e["date"] for e in MODEL.timeline]
    for needed in ("2014-12", "2015-06", "2016-07-26", "2017-04-21"):
        assert any(d.startswith(needed) for d in dates), needed


def _table_rows(text: str) -> list[str]:
    rows = [line for line in text.splitlines() if line.startswith("|")]
    return [r for r in rows if not re.fullmatch(r"\|[\s:|-]+\|", r)][1:] if rows else []


@pytest.mark.parametrize("page", ["context/openvz6-to-7.md", "context/peers.md", "context/editions.md"])
def test_every_comparison_row_cites_a_source(page):
    text = (DOCS / page).read_text(encoding="utf-8")
    tables = re.split(r"\n\s*\n", text)
    rows = [row for block in tables if block.lstrip().startswith("|") for row in _table_rows(block)]
    assert rows, "the page has a comparison table"
    missing = [row[:60] for row in rows if not CITATION.search(row)]
    assert missing == []
    for source_id in re.findall(r"\[@([a-z0-9][a-z0-9.-]*)", text):
        MODEL.get("sources", source_id)


def test_every_faq_answer_links_into_the_study():
    text = (DOCS / "context" / "faq.md").read_text(encoding="utf-8")
    answers = re.split(r"^## ", text, flags=re.M)[1:]
    assert len(answers) >= 12
    study_link = re.compile(r"\]\((?:\.\./)?[a-z0-9-]+(?:/[a-z0-9.-]+)*\.md(?:#[a-z0-9-]+)?\)|\[component:|\[claim:")
    unlinked = [a.splitlines()[0] for a in answers if not study_link.search(a)]
    assert unlinked == []
