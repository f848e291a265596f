"""The placeholders a hand-written page may hold, and what each one renders.

Each entry connects a name to a pure render function. The argument rule says
whether `<!-- study:NAME ARGUMENT -->` takes an argument; a wrong one stops the
build with the page and line.
"""

from __future__ import annotations

from typing import Any

from study import decisions as adr
from study import routes
from study.expand import Expander, PageContext
from study.render import (
    claims,
    compat,
    components,
    datamodel,
    flows,
    layout,
    names,
    operations,
    performance,
    plan,
    reference,
    security,
    seed,
    timeline,
    views,
)
from study.schema import AREAS, CONFIG_FILES


def _component(ctx: PageContext, arg: str) -> Any:
    """The component a placeholder is about: its argument, or the page's own name."""
    ident = arg or routes.component_id(ctx.page)
    if not ident:
        raise ValueError("needs a component id outside the components folder")
    return ctx.model.get("components", ident)


def _area(arg: str) -> str:
    if arg not in AREAS:
        raise ValueError(f"unknown area '{arg}' (expected one of: {', '.join(AREAS)})")
    return arg


def _config_file(arg: str) -> str:
    if arg not in CONFIG_FILES:
        raise ValueError(f"unknown configuration file '{arg}' (expected one of: {', '.join(CONFIG_FILES)})")
    return arg


def _flow(ctx: PageContext, arg: str) -> str:
    flow = ctx.model.get("flows", arg)
    link = f"[all steps with their sources]({routes.relative(ctx.page, routes.flow(flow['id']))})"
    return flows.figures(ctx.model, flow, ctx.page, ctx.next_figure) + f"\n\nThe flow's page lists {link}.\n"


def _flow_page(ctx: PageContext, arg: str) -> str:
    return flows.flow_page(ctx.refs, ctx.model.get("flows", arg), dict(ctx.site.titles))


def _review_summary(ctx: PageContext, arg: str) -> str:
    from study import citations  # imported here: it builds on study.build, which imports this module

    return reference.review_summary(*citations.review_counts(ctx.site))


def _audit_summary(ctx: PageContext, arg: str) -> str:
    from study import citations  # imported here, as above

    return reference.audit_summary(citations.audits(ctx.site.docs_root.parent))


def _comparison(ctx: PageContext, arg: str) -> str:
    known = [c["id"] for c in ctx.model.disambiguation]
    if arg not in known:
        raise ValueError(f"unknown comparison '{arg}' (known: {', '.join(known)})")
    return names.table(ctx.refs, ctx.model.get("disambiguation", arg))


EXPANDERS: dict[str, Expander] = {
    # Generated pages are made of placeholders too.
    "bibliography": Expander(lambda ctx, arg: reference.bibliography(ctx.model, ctx.page)),
    "glossary": Expander(lambda ctx, arg: reference.glossary(ctx.model, ctx.page)),
    "claim-ledger": Expander(lambda ctx, arg: claims.ledger(ctx.refs, dict(ctx.site.titles),
                                                           rules=claims.GRADING_RULES)),
    "flow-page": Expander(_flow_page, "required"),
    # Placeholders of hand-written pages.
    "components-table": Expander(lambda ctx, arg: components.index_table(ctx.model, ctx.page)),
    "interface-matrix": Expander(lambda ctx, arg: components.interface_matrix(ctx.model, ctx.page)),
    "component-summary": Expander(lambda ctx, arg: components.summary(ctx.refs, _component(ctx, arg)), "optional"),
    "component-details": Expander(lambda ctx, arg: components.details(ctx.refs, _component(ctx, arg)), "optional"),
    "verdict-summary": Expander(lambda ctx, arg: claims.verdict_summary(ctx.model, ctx.page)),
    "flows-index": Expander(lambda ctx, arg: flows.index_list(ctx.model, ctx.page)),
    "flow": Expander(_flow, "required"),
    "area-map": Expander(lambda ctx, arg: views.area_map(ctx.model, _area(arg), ctx.page, ctx.next_figure()),
                         "required"),
    "layer-map": Expander(lambda ctx, arg: views.layer_map(ctx.model, ctx.page, ctx.next_figure())),
    "context-map": Expander(lambda ctx, arg: views.context_map(ctx.model, ctx.page, ctx.next_figure())),
    "actors-table": Expander(lambda ctx, arg: views.actors_table(ctx.refs)),
    "timeline": Expander(lambda ctx, arg: timeline.timeline(ctx.refs)),
    "buildability-matrix": Expander(lambda ctx, arg: plan.matrix(ctx.model, ctx.page)),
    "buildability-details": Expander(lambda ctx, arg: plan.matrix_details(ctx.refs)),
    "verdict-counts": Expander(lambda ctx, arg: plan.verdict_counts(ctx.model)),
    "work-packages": Expander(lambda ctx, arg: plan.package_sections(ctx.refs)),
    "phase-table": Expander(lambda ctx, arg: plan.phase_table(ctx.model, ctx.page)),
    "work-package-graph": Expander(lambda ctx, arg: plan.graph(ctx.model, ctx.page, ctx.next_figure())),
    "effort-table": Expander(lambda ctx, arg: plan.effort_table(ctx.model, ctx.page)),
    "risk-register": Expander(lambda ctx, arg: plan.risk_register(ctx.model, ctx.page)),
    "stock-kernel-overview": Expander(lambda ctx, arg: compat.overview(ctx.model, ctx.page)),
    "stock-kernel": Expander(lambda ctx, arg: compat.sections(ctx.refs)),
    "on-stock-key": Expander(lambda ctx, arg: compat.behaviour_key()),
    "since-basis-key": Expander(lambda ctx, arg: compat.basis_key()),
    "layout-comparison": Expander(lambda ctx, arg: performance.layouts(dict(ctx.site.layouts or {}) or None)),
    "performance": Expander(lambda ctx, arg: performance.report(dict(ctx.site.benchmark or {}) or None)),
    "seed-text": Expander(lambda ctx, arg: seed.page_body(ctx.model, ctx.page)),
    "claim-list": Expander(lambda ctx, arg: seed.claim_list(ctx.model, ctx.page)),
    "data-model": Expander(lambda ctx, arg: datamodel.reference()),
    "error-index": Expander(lambda ctx, arg: operations.error_index(ctx.model, ctx.page)),
    "error-atlas": Expander(lambda ctx, arg: operations.error_entries(ctx.refs, arg), "required"),
    "config-keys": Expander(lambda ctx, arg: operations.config_keys(ctx.refs, _config_file(arg)), "required"),
    "prlctl-options": Expander(lambda ctx, arg: operations.prlctl_options(ctx.refs)),
    "path-tree": Expander(lambda ctx, arg: layout.tree_figure(ctx.model, ctx.next_figure(), ctx.page)),
    "paths": Expander(lambda ctx, arg: layout.entries(ctx.refs, arg), "required"),
    "trust-boundaries": Expander(lambda ctx, arg: security.trust_map(ctx.refs, ctx.next_figure())),
    "entry-points": Expander(lambda ctx, arg: security.sections(ctx.refs)),
    "names": Expander(_comparison, "required"),
    "review-summary": Expander(_review_summary),
    "audit-summary": Expander(_audit_summary),
    "decisions-index": Expander(lambda ctx, arg: adr.index_table(
        [d for d in ctx.site.decisions if d.page.split("/")[0] == arg] if arg else list(ctx.site.decisions),
        ctx.page), "optional"),
}
