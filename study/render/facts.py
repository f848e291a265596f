"""Figures the data holds, for prose: `[count:claims]`, `[loc:libvzctl]`, `[effort:wp-4]`, `[effort:total]`.

A number typed into a page would drift from the data it repeats; written as a
shortcut it is the data. `about` rounds to two significant figures, for prose
that wants a round number: the page then says what it counts.
"""

from __future__ import annotations

from typing import Any

from study import rules

Model = Any

_COUNTS = {
    "claims": lambda m: len(m.claims), "components": lambda m: len(m.components),
    "sources": lambda m: len(m.sources), "flows": lambda m: len(m.flows),
    "steps": lambda m: sum(len(f["steps"]) for f in m.flows), "terms": lambda m: len(m.glossary),
    "interfaces": lambda m: sum(len(c.get("interfaces", [])) for c in m.components),
    "work-packages": lambda m: len(m.work_packages), "events": lambda m: len(m.timeline),
    "kernel-interfaces": lambda m: len(m.kernel_interfaces),
    "errors": lambda m: len(m.errors), "config-keys": lambda m: len(m.config_keys),
    "prlctl-options": lambda m: sum(1 for o in m.prlctl_options if o["applies_to"] in ("ct", "both")),
    "paths": lambda m: len(m.paths), "entry-points": lambda m: len(m.entry_points),
    "comparisons": lambda m: len(m.disambiguation),
}


def _round(n: int) -> str:
    digits = len(str(n))
    step = 10 ** max(0, digits - 2)
    return f"about {round(n / step) * step:,}"


def loc(model: Model, comp_id: str) -> int:
    """Non-blank lines of code of a component at its release-era commit."""
    comp = model.get("components", comp_id)
    for entry in comp.get("loc", []):
        if entry["source"] == comp.get("release"):
            return int(sum(entry["counts"].values()))
    raise ValueError(f"component '{comp_id}' has no line count at its release-era commit")


def effort(model: Model, arg: str) -> tuple[int, int]:
    """A package's range, or 'total' (all packages) or 'critical' (the critical path)."""
    from study.render import plan  # the plan's computations; imported late to avoid a cycle

    if arg == "total":
        return plan.total_effort(model)
    if arg == "critical":
        _, low, high = plan.critical_path(model)
        return low, high
    return rules.effort(model.get("work_packages", arg)["effort"])


def value(model: Model, kind: str, arg: str, about: bool = False) -> str:
    if kind == "count":
        if arg not in _COUNTS:
            raise ValueError(f"unknown count '{arg}' (known: {', '.join(_COUNTS)})")
        n = _COUNTS[arg](model)
    elif kind == "loc":
        n = loc(model, arg)
    else:
        if about:
            raise ValueError("an effort is a range; it is not rounded")
        low, high = effort(model, arg)
        return f"{low}–{high}"
    return _round(n) if about else f"{n:,}"
