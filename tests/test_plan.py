"""The build plan's computations and the machine-readable export."""

from __future__ import annotations

import itertools
import json

import jsonschema
import pytest

from study import export
from study.render import plan


def _after(*ids: str) -> list[dict]:
    return [{"package": i, "reason": "R."} for i in ids]


class _Toy:
    work_packages: tuple[dict, ...] = (
        {"id": "a", "effort": "1-2"}, {"id": "b", "effort": "1-5", "depends_on": _after("a")},
        {"id": "c", "effort": "1-1", "depends_on": _after("a")},
        {"id": "d", "effort": "1-1", "depends_on": _after("b", "c")},
    )

    @classmethod
    def get(cls, collection: str, ident: str) -> dict:
        return next(wp for wp in cls.work_packages if wp["id"] == ident)


def test_phases_and_critical_path_on_a_known_graph():
    assert plan.phases(_Toy) == {"a": 1, "b": 2, "c": 2, "d": 3}
    assert plan.critical_path(_Toy) == (["a", "b", "d"], 3, 8)


def test_totals_and_the_work_before_each_package_on_a_known_graph():
    assert plan.total_effort(_Toy) == (4, 9)
    assert plan.work_before(_Toy) == {"a": (0, 0), "b": (1, 2), "c": (1, 2), "d": (2, 7)}
    assert [wp["id"] for wp in plan.dependents(_Toy, "a")] == ["b", "c"]


def test_totals_equal_the_sum_of_the_packages(study_site):
    packages = study_site.model.work_packages
    low = sum(int(wp["effort"].split("-")[0]) for wp in packages)
    high = sum(int(wp["effort"].split("-")[1]) for wp in packages)
    assert plan.total_effort(study_site.model) == (low, high)
    shown = study_site.rendered["planning/index.md"]
    assert f"**Total effort:** {low}–{high} person-weeks for all {len(packages)} packages" in shown
    assert f"| **Total** | **{low}–{high}** |" in shown
    _, crit_low, crit_high = plan.critical_path(study_site.model)
    assert f"{crit_low} to {crit_high} person-weeks of work in sequence" in shown


def test_phases_respect_every_dependency(study_site):
    phase = plan.phases(study_site.model)
    for wp in study_site.model.work_packages:
        for dep in wp.get("depends_on", []):
            assert phase[dep["package"]] < phase[wp["id"]]


def test_critical_path_is_a_chain_with_the_most_work(study_site):
    path, low, high = plan.critical_path(study_site.model)
    by_id = {wp["id"]: wp for wp in study_site.model.work_packages}
    for earlier, later in itertools.pairwise(path):
        assert earlier in [d["package"] for d in by_id[later]["depends_on"]]
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


def test_every_dependency_has_its_reason_on_the_page(study_site):
    page = study_site.rendered["planning/work-packages.md"]
    for wp in study_site.model.work_packages:
        section = page[page.index(f"{{ #{wp['id']} }}"):]
        section = section[:section.find("\n## ", 1)]
        for dep in wp.get("depends_on", []):
            assert f"- After [{dep['package'].upper()}](" in section, (wp["id"], dep["package"])
        assert "**What it costs.**" in section and "**What could go wrong**" in section, wp["id"]


def test_every_component_the_rebuild_uses_is_in_a_package_or_says_why_not(study_site):
    model = study_site.model
    for entry in model.buildability:
        covered = plan.packages_for(model, entry["component"])
        if entry["verdict"] == "out-of-scope":
            assert "no_package" not in entry
        else:
            assert bool(covered) != ("no_package" in entry), entry["component"]


def test_a_stated_reason_instead_of_a_package_is_valid(fixture_project):
    from study.build import load_site

    wps = fixture_project / "data" / "workpackages.yaml"
    wps.write_text(wps.read_text(encoding="utf-8").replace("    components: [tool]\n", "    components: [lib]\n"),
                   encoding="utf-8")
    verdicts = fixture_project / "data" / "buildability.yaml"
    verdicts.write_text(verdicts.read_text(encoding="utf-8").replace(
        "    rationale: Small and well understood.\n",
        "    rationale: Small and well understood.\n    no_package: Nothing needs it yet.\n"), encoding="utf-8")
    site = load_site(fixture_project)
    assert site.model.get("buildability", "tool")["no_package"] == "Nothing needs it yet."


def test_export_carries_the_plan_fields(study_site):
    data = json.loads(study_site.files[export.EXPORT_FILE])
    wp4 = next(wp for wp in data["work_packages"] if wp["id"] == "wp-4")
    assert {d["package"] for d in wp4["depends_on"]} == {"wp-1", "wp-2", "wp-3"}
    assert all(d["reason"] for d in wp4["depends_on"])
    assert wp4["effort_basis"]["replaces"][0]["counts"]["Python"] > 0
    assert {"risk", "likelihood", "impact", "mitigation"} <= set(wp4["risks"][0])
    assert [b for b in data["buildability"] if b.get("no_package")]
    entry = next(k for k in data["kernel_interfaces"] if k["id"] == "memcg-low-high")
    assert {eq["where"] for eq in entry["stock"]} == {"cgroup-v1", "cgroup-v2"}
    assert entry["packages"][0]["on_stock"] in ("native", "emulate", "degrade", "refuse")


def test_export_schema_refuses_a_dependency_without_a_reason(study_site):
    schema = json.loads(study_site.files[export.SCHEMA_FILE])
    data = json.loads(study_site.files[export.EXPORT_FILE])
    wp = next(wp for wp in data["work_packages"] if wp.get("depends_on"))
    del wp["depends_on"][0]["reason"]
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
