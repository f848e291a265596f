"""The evidence walker finds evidence in every data file that has it."""

from __future__ import annotations

from pathlib import Path

from study.evidence import evidence_items
from study.model import load_model

FIXTURES = Path(__file__).parent / "fixtures"


def test_walker_finds_every_evidence_list():
    model = load_model(FIXTURES, "valid")
    paths = [path for path, _ in evidence_items(model)]
    assert paths == [
        "claims[0].evidence[0]", "claims[0].evidence[1]",
        "components[0].interfaces[0].evidence[0]",
        "flows[0].steps[0].evidence[0]", "flows[0].steps[1].evidence[0]",
        "timeline[0].evidence[0]", "actors[0].evidence[0]",
        "buildability[0].evidence[0]", "buildability[1].evidence[0]",
        "work_packages[0].evidence[0]", "work_packages[1].evidence[0]",
    ]
