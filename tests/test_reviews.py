"""Citation reviews: each names a live citation once, with a known verdict."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT

from study.citations import citations, review_problems


def test_review_records_name_live_citations_once(study_site):
    live = {c["key"] for c in citations(study_site)}
    assert review_problems(ROOT, live) == []


def test_bad_review_records_are_refused(tmp_path: Path):
    (tmp_path / "review").mkdir()
    (tmp_path / "review" / "citations-x.yaml").write_text(
        "reviews:\n"
        '  - {key: "aaaaaaaaaaaa", verdict: supports}\n'
        '  - {key: "aaaaaaaaaaaa", verdict: supports}\n'
        '  - {key: "bbbbbbbbbbbb", verdict: unreadable}\n'
        '  - {key: "cccccccccccc", verdict: maybe, reason: x}\n'
        "  - {key: 123456789012, verdict: supports}\n"
        '  - {key: "dddddddddddd", verdict: supports}\n', encoding="utf-8")
    live = {"aaaaaaaaaaaa", "bbbbbbbbbbbb", "cccccccccccc"}
    where = "review/citations-x.yaml: reviews"
    assert review_problems(tmp_path, live) == [
        f"{where}[1]: key aaaaaaaaaaaa: reviewed twice (also in {where}[0])",
        f"{where}[2]: note: an unreadable source needs a note on what was tried",
        f"{where}[3]: verdict: expected one of supports, unreadable",
        f"{where}[3]: reason: unknown field",
        f"{where}[4]: key: expected 12 hex digits in quotes",
        f"{where}[5]: key dddddddddddd: no citation has this key (stale: the clause or citation changed)",
    ]
