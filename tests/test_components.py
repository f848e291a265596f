"""The component reference agrees with itself and with the data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from study.model import load_model
from study.render import views

ROOT = Path(__file__).resolve().parent.parent
MODEL = load_model(ROOT)
IDS = [c["id"] for c in MODEL.components]


@pytest.mark.parametrize("comp", MODEL.components, ids=IDS)
def test_component_is_complete(comp):
    for field in ("id", "name", "layer", "area", "role", "languages", "sources"):
        assert comp.get(field), field
    if comp.get("release"):
        release = MODEL.get("sources", comp["release"])
        assert re.fullmatch(r"[0-9a-f]{40}", release["commit"])
        assert comp.get("license"), "a component with its own repository states its licence"
    else:
        assert comp.get("part_of") or comp["layer"] == "distribution" or comp.get("open_questions"), \
            "without a repository, say what it is part of or why not"
    for iface in comp.get("interfaces", []):
        for consumer in iface.get("consumers", []):
            assert consumer in IDS
        for item in iface["evidence"]:
            MODEL.get("sources", item["source"])


def test_every_component_is_on_the_system_map():
    svg = views.system_map(MODEL, "components/index.md", 1)
    drawn = re.findall(r'data-id="([^"]+)"', svg)
    assert sorted(drawn) == sorted(IDS)


def test_index_and_pages_agree(site_dir):
    index = (site_dir / "components" / "index.html").read_text(encoding="utf-8")
    first_table = index[index.index("<table>"):index.index("</table>")]
    linked = re.findall(r'<tr>\s*<td><a href="([a-z0-9.-]+)/">', first_table)
    assert linked == IDS
    for comp in MODEL.components:
        page = (site_dir / "components" / comp["id"] / "index.html").read_text(encoding="utf-8")
        assert f'id="{comp["id"]}"' in page
