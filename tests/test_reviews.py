"""Citation reviews: each names a live citation once, with a known verdict."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT

from study.citations import citations, review_problems


def test_review_records_name_live_citations_once(study_site):
    live = {c["key"] for c in citations(study_site)}
    assert review_problems(ROOT, live) == []


def test_every_citation_has_a_review(study_site):
    """A new or changed citation needs a reader: scripts/review_citations.py --unreviewed lists them."""
    from study.citations import reviews

    recorded = reviews(ROOT)
    missing = [f"{c['place']}: {c['source']} {c.get('path', '')}:{c.get('lines', '')}".rstrip(":")
               for c in citations(study_site) if c["key"] not in recorded]
    assert missing == []


def test_bad_review_records_are_refused(tmp_path: Path):
    (tmp_path / "review").mkdir()
    (tmp_path / "review" / "citations-x.yaml").write_text(
        "reviews:\n"
        '  - {key: "aaaaaaaaaaaa", verdict: supports}\n'
        '  - {key: "aaaaaaaaaaaa", verdict: supports}\n'
        '  - {key: "bbbbbbbbbbbb", verdict: unreadable}\n'
        '  - {key: "cccccccccccc", verdict: maybe, reason: x}\n'
        "  - {key: 12345, verdict: supports}\n"
        '  - {key: "dddddddddddd", verdict: supports}\n', encoding="utf-8")
    live = {"aaaaaaaaaaaa", "bbbbbbbbbbbb", "cccccccccccc"}
    where = "review/citations-x.yaml: reviews"
    assert review_problems(tmp_path, live) == [
        f"{where}[1]: key aaaaaaaaaaaa: reviewed twice (also in {where}[0])",
        f"{where}[2]: note: an unreadable source needs a note on what was tried",
        f"{where}[3]: verdict: expected one of supports, unreadable",
        f"{where}[3]: reason: unknown field",
        f"{where}[4]: key: expected 12 hexadecimal digits",
        f"{where}[5]: key dddddddddddd: no citation has this key (stale: the clause or citation changed)",
    ]


def test_review_summary_says_how_many_were_read():
    from study.render.reference import review_summary

    text = review_summary(10, 10, 9, 2, 3, 1)
    assert text.startswith("The site carries 10 citations. Every one of them has a recorded review")
    assert "9 do: 2 of them only after" in text and "3 are citations written" in text
    assert text.endswith("One could not be read here; its review says what was searched.")
    assert "8 of them have" in review_summary(10, 8, 8, 0, 0, 0)


def test_review_counts_follow_the_review_files(study_site):
    from study.citations import review_counts, reviews

    counts = review_counts(study_site)
    recorded = reviews(ROOT)
    assert counts.citations == len(citations(study_site))
    assert counts.reviewed == sum(1 for c in citations(study_site) if c["key"] in recorded)
    assert counts.supports + counts.unreadable == counts.reviewed


def test_a_clause_stops_where_its_block_starts():
    from study.citations import _clause_before

    def clause(text: str) -> str:
        return _clause_before(text, text.index("[@"), 0)

    assert clause("An uncited line.\n\n## Heading\n\nThe cited words [@x]") == "The cited words"
    assert clause("Intro sentence.\n\n- First item.\n- The second item's words [@x]") == "The second item's words"
    assert clause("| Row | An earlier cell | The cell's words [@x] |") == "The cell's words"
    assert clause("This is the substance of the claim.\n<!-- study:figure -->\nCited words [@x]") == "Cited words"
    assert clause("One sentence. And a second, with more than forty characters [@x]") == (
        "And a second, with more than forty characters")
    assert clause("## A heading\nCited words [@x]") == "Cited words"


def test_a_clause_keeps_the_underscores_of_names():
    from study.citations import _clause_before

    text = "It calls `PrlVm_CommitEx`, not __init code, and _never_ twice [@x]"
    assert _clause_before(text, text.index("[@"), 0) == "It calls PrlVm_CommitEx, not __init code, and never twice"


def test_the_recorded_audits_are_well_formed():
    from study.citations import audit_problems, audits

    assert audit_problems(ROOT) == []
    assert audits(ROOT), "at least one audit is recorded"


def test_a_malformed_audit_is_refused(tmp_path: Path):
    from study.citations import audit_problems

    (tmp_path / "review" / "audits").mkdir(parents=True)
    (tmp_path / "review" / "audits" / "x.yaml").write_text(
        "audit:\n  date: 2026-12\n  drawn: 3\n  from: 10\n  entries:\n"
        "    - {key: aaaaaaaaaaaa, verdict: supports}\n"
        "    - {key: bbbbbbbbbbbb, verdict: partial}\n", encoding="utf-8")
    where = "review/audits/x.yaml"
    assert audit_problems(tmp_path) == [
        f"{where}: audit.date: expected a day of the calendar, YYYY-MM-DD",
        f"{where}: audit.entries[1].why: a verdict other than supports says why",
        f"{where}: audit.drawn: 3 drawn but 2 entries",
    ]


def test_the_audit_summary_says_whether_the_goal_is_met():
    from study.citations import Audit
    from study.render.reference import audit_summary

    low = Audit("2026-12-01", 60, 6000, {"supports": 44, "partial": 16, "unsupported": 0, "unreadable": 0})
    high = Audit("2026-12-02", 60, 6000, {"supports": 58, "partial": 2, "unsupported": 0, "unreadable": 0})
    assert "| 2026-12-01 | 60 of 6,000 | 44 (73%) | 16 | 0 | 0 |" in audit_summary([low])
    assert audit_summary([low]).endswith("does not meet it yet. After each audit the partly supported citations "
                                         "are mended and reviewed again.")
    assert "the last audit meets it." in audit_summary([low, high])
    assert audit_summary([]) == "No independent audit has been recorded yet."
