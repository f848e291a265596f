"""The build plan's computations and the machine-readable export."""

from __future__ import annotations

import itertools
import json

import jsonschema
import pytest

from study import export
from study.render import plan


class _Toy:
    work_packages: tuple[dict, ...] = (
        {"id": "a", "effort": "1-2"}, {"id": "b", "effort": "1-5", "depends_on": ["a"]},
        {"id": "c", "effort": "1-1", "depends_on": ["a"]}, {"id": "d", "effort": "1-1", "depends_on": ["b", "c"]},
    )


def test_phases_and_critical_path_on_a_known_graph():
    assert plan.phases(_Toy) == {"a": 1, "b": 2, "c": 2, "d": 3}
    assert plan.critical_path(_Toy) == (["a", "b", "d"], 3, 8)


def test_phases_respect_every_dependency(study_site):
    phase = plan.phases(study_site.model)
    for wp in study_site.model.work_packages:
        for dep in wp.get("depends_on", []):
            assert phase[dep] < phase[wp["id"]]


def test_critical_path_is_a_chain_with_the_most_work(study_site):
    path, low, high = plan.critical_path(study_site.model)
    by_id = {wp["id"]: wp for wp in study_site.model.work_packages}
    for earlier, later in itertools.pairwise(path):
        assert earlier in by_id[later]["depends_on"]
    assert high == sum(int(by_id[i]["effort"].split("-")[1]) for i in path)
    assert low <= high


def test_export_is_the_model_and_validates(study_site):
    data = json.loads(study_site.files[export.EXPORT_FILE])
    schema = json.loads(study_site.files[export.SCHEMA_FILE])
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data == {name: export.plain(records) for name, records in study_site.model.records.items()}


def test_export_schema_rejects_bad_data(study_site):
    schema = json.loads(study_site.files[export.SCHEMA_FILE])
    data = json.loads(study_site.files[export.EXPORT_FILE])
    data["sources"][0]["kind"] = "rumour"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(data)


def test_export_carries_the_reference_collections(study_site):
    """The atlas, the keys and the prlctl options go out with the rest, and their schema is enforced."""
    data = json.loads(study_site.files[export.EXPORT_FILE])
    schema = json.loads(study_site.files[export.SCHEMA_FILE])
    assert {"errors", "config_keys", "prlctl_options"} <= set(data) <= set(schema["properties"])
    assert len(data["errors"]) == len(study_site.model.errors)
    for collection, field, bad in [("config_keys", "file", "ve.conf"), ("prlctl_options", "applies_to", "host"),
                                   ("errors", "component", "Not An Id")]:
        broken = json.loads(json.dumps(data))
        broken[collection][0][field] = bad
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.Draft202012Validator(schema).validate(broken)
