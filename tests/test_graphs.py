"""The graph algorithms, on graphs whose answers are known."""

from __future__ import annotations

from study import graphs


def test_no_cycle():
    assert graphs.find_cycle({"a": ["b"], "b": ["c"], "c": []}) is None


def test_cycle_is_reported_from_its_first_node():
    assert graphs.find_cycle({"a": ["b"], "b": ["c"], "c": ["a"]}) == ["a", "b", "c", "a"]
    assert graphs.find_cycle({"x": [], "a": ["a"]}) == ["a", "a"]


def test_cycle_behind_an_acyclic_start():
    assert graphs.find_cycle({"a": ["b"], "b": ["c"], "c": ["b"]}) == ["b", "c", "b"]


def test_deep_chain_needs_no_recursion():
    chain = {str(i): [str(i + 1)] for i in range(5000)} | {"5000": []}
    assert graphs.find_cycle(chain) is None
    assert graphs.depth(chain)["0"] == 5001


def test_drop_back_edges_keeps_the_rest():
    assert graphs.drop_back_edges({"a": ["b"], "b": ["c", "a"], "c": []}) == {"a": ["b"], "b": ["c"], "c": []}


def test_depth_is_one_plus_the_longest_chain_below():
    deps = {"a": [], "b": ["a"], "c": ["a"], "d": ["b", "c"]}
    assert graphs.depth(deps) == {"a": 1, "b": 2, "c": 2, "d": 3}


def test_heaviest_chain_prefers_weight_and_breaks_ties_by_order():
    deps = {"a": [], "b": ["a"], "c": ["a"], "d": ["b", "c"]}
    weight = {"a": 2, "b": 5, "c": 5, "d": 1}
    assert graphs.heaviest_chain(deps, weight.__getitem__) == (["d", "b", "a"], 8)


def test_longest_path_ranks():
    edges = {"top": ["mid", "low"], "mid": ["low"], "low": [], "alone": []}
    ranks = graphs.longest_path_ranks(["top", "mid", "low", "alone"], edges)
    assert ranks == {"top": 0, "mid": 1, "low": 2, "alone": 0}
