"""The evidence walker finds evidence in every data file that has it."""

from __future__ import annotations

from conftest import FIXTURE

from study.evidence import evidence_items
from study.model import load_model


def test_walker_finds_every_evidence_list():
    paths = [path for path, _ in evidence_items(load_model(FIXTURE))]
    assert paths == [
        "claims[0].evidence[0]", "claims[0].evidence[1]",
        "components[0].interfaces[0].evidence[0]",
        "flows[0].steps[0].evidence[0]", "flows[0].steps[1].evidence[0]",
        "timeline[0].evidence[0]", "actors[0].evidence[0]",
        "buildability[0].evidence[0]", "buildability[1].evidence[0]",
        "work_packages[0].evidence[0]", "work_packages[1].evidence[0]",
        "kernel_interfaces[0].evidence[0]", "kernel_interfaces[0].stock[0].evidence[0]",
        "kernel_interfaces[0].stock[1].evidence[0]", "kernel_interfaces[0].stock[2].evidence[0]",
        "errors[0].evidence[0]", "errors[0].evidence[1]", "errors[1].evidence[0]", "errors[2].evidence[0]",
        "config_keys[0].evidence[0]", "config_keys[1].evidence[0]", "config_keys[2].evidence[0]",
        "prlctl_options[0].evidence[0]", "prlctl_options[1].evidence[0]",
        "paths[0].evidence[0]", "paths[1].evidence[0]", "paths[2].evidence[0]", "paths[3].evidence[0]",
        "entry_points[0].access.evidence[0]", "entry_points[0].checks.evidence[0]",
        "entry_points[0].hardening.evidence[0]", "entry_points[1].access.evidence[0]",
        "entry_points[1].checks.evidence[0]", "entry_points[1].hardening.evidence[0]",
        "disambiguation[0].rows[0].cells[0].evidence[0]", "disambiguation[0].rows[0].cells[1].evidence[0]",
    ]
