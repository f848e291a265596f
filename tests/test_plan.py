"""The build plan and the machine-readable export."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from study import export
from study.model import load_model
from study.render import plan

ROOT = Path(__file__).resolve().parent.parent
MODEL = load_model(ROOT)


def test_every_component_has_a_verdict():
    assert sorted(b["component"] for b in MODEL.buildability) == sorted(c["id"] for c in MODEL.components)


def test_work_packages_reference_existing_components_and_packages():
    assert len(MODEL.work_packages) >= 6
    comp_ids = {c["id"] for c in MODEL.components}
    wp_ids = {wp["id"] for wp in MODEL.work_packages}
    for wp in MODEL.work_packages:
        assert set(wp["components"]) <= comp_ids
        assert set(wp.get("depends_on", [])) <= wp_ids
        for item in wp["contract"]:
            comp = MODEL.get("components", item["component"])
            assert item["interface"] in [i["id"] for i in comp["interfaces"]]


def test_graph_is_acyclic_and_phases_respect_dependencies():
    phase = plan.phases(MODEL)
    for wp in MODEL.work_packages:
        for dep in wp.get("depends_on", []):
            assert phase[dep] < phase[wp["id"]]


def test_critical_path_is_a_dependency_chain_with_the_most_work():
    path, low, high = plan.critical_path(MODEL)
    by_id = {wp["id"]: wp for wp in MODEL.work_packages}
    for earlier, later in zip(path, path[1:]):
        assert earlier in by_id[later]["depends_on"]
    assert high == sum(int(by_id[i]["effort"].split("-")[1]) for i in path)
    assert low <= high


@pytest.fixture()
def toy_plan():
    class Toy:
        work_packages = [
            {"id": "a", "effort": "1-2"}, {"id": "b", "effort": "1-5", "depends_on": ["a"]},
            {"id": "c", "effort": "1-1", "depends_on": ["a"]}, {"id": "d", "effort": "1-1", "depends_on": ["b", "c"]},
        ]
    return Toy()


def test_phases_and_critical_path_on_a_known_graph(toy_plan):
    assert plan.phases(toy_plan) == {"a": 1, "b": 2, "c": 2, "d": 3}
    assert plan.critical_path(toy_plan) == (["a", "b", "d"], 3, 8)


def test_export_round_trips_and_validates(site_dir):
    data = json.loads((site_dir / export.EXPORT_FILE).read_text(encoding="utf-8"))
    schema = json.loads((site_dir / export.SCHEMA_FILE).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data == {name: export.plain(records) for name, records in MODEL.records.items()}


def test_export_schema_rejects_bad_data():
    schema = json.loads(export.model_schema())
    data = json.loads(export.model_json(MODEL))
    data["sources"][0]["kind"] = "rumour"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(data)
