"""The model: look-ups by id in every collection, and its typed views."""

from __future__ import annotations

import pytest
from conftest import FIXTURE

from study.model import load_model
from study.schema import COLLECTIONS


@pytest.fixture(scope="module")
def model():
    return load_model(FIXTURE)


def test_get_works_for_every_collection_with_ids(model):
    assert model.get("sources", "guide")["kind"] == "documentation"
    assert model.get("glossary", "CT")["expansion"] == "Container"
    assert model.get("buildability", "lib")["verdict"] == "reuse"
    assert model.get("work_packages", "wp-2")["depends_on"] == [
        {"package": "wp-1", "reason": "It calls the rewritten tool."}]
    assert model.get("kernel_interfaces", "tool-cgroup")["kind"] == "cgroup"


def test_get_names_what_is_missing(model):
    with pytest.raises(KeyError, match="unknown component 'nope'"):
        model.get("components", "nope")


def test_every_collection_has_a_typed_property(model):
    for coll in COLLECTIONS:
        assert getattr(model, coll.name) is model.records[coll.name]


def test_seed_text_is_kept(model):
    assert model.seed_text == "OpenVZ 7.0 erschienen\n"
