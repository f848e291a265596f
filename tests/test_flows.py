"""Runtime flows: their lifelines are real components, and the drawings show them all."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from study.model import load_model
from study.render import flows

ROOT = Path(__file__).resolve().parent.parent
MODEL = load_model(ROOT)
NAMES = {c["name"].lower() for c in MODEL.components} | {c["id"] for c in MODEL.components}
REQUIRED = ["ct-create-start", "vm-virsh-start", "ct-live-migration", "vm-live-migration",
            "vcmmd-lifecycle", "vm-memory-hotplug", "readykernel-load", "ploop-snapshot-compact"]


def test_the_eight_flows_exist():
    assert sorted(f["id"] for f in MODEL.flows) == sorted(REQUIRED)


@pytest.mark.parametrize("flow", MODEL.flows, ids=[f["id"] for f in MODEL.flows])
def test_flow(flow):
    for p in flow["participants"]:
        if "component" in p:
            MODEL.get("components", p["component"])  # raises if unknown
        else:
            # An actor must not be a component in disguise.
            assert p["label"].lower() not in NAMES, f"'{p['label']}' should reference the component"
    figure = flows.diagram(MODEL, flow, 1)
    svg = figure[figure.index('<svg class="study-diagram'):figure.index("</svg>") + 6]
    drawn = re.findall(r'<g class="participant[^"]*" data-id="([^"]+)"', svg)
    assert drawn == [p["id"] for p in flow["participants"]]
    assert len(re.findall(r'<g class="msg ', svg)) == len(flow["steps"])
    for step in flow["steps"]:
        assert step["evidence"], "every step is sourced"


def test_flow_pages_list_every_step(site_dir):
    for flow in MODEL.flows:
        html = (site_dir / "flows" / flow["id"] / "index.html").read_text(encoding="utf-8")
        for n in range(1, len(flow["steps"]) + 1):
            assert f'id="step-{n}"' in html
