"""The performance page, from the benchmark's output (benchmarks/latest.json, written by `make bench`)."""

from __future__ import annotations

from statistics import median
from typing import Any

from study.render import md

Bench = dict[str, Any]


def _build(bench: Bench) -> list[str]:
    build = bench["build"]
    ok = "within" if build["ratio"] <= build["target_ratio"] else "over"
    same = ("The plain build produced the same files, and the same HTML apart from the glossary tooltips and "
            "the search dialog's label." if build.get("same_output") else
            "**The plain build did not produce the same files; the ratio compares different pages.**")
    return ["## Build overhead { #build }", "", md.text(build.get("method", "")), "",
            md.table(["Build", "Seconds"], [["Full strict build (hooks, validation, generation)",
                                             f"{build['full_seconds']:.3f}"],
                                            ["Plain MkDocs build of the same pages, rendered beforehand",
                                             f"{build['plain_seconds']:.3f}"]]),
            "", f"Ratio **{build['ratio']:.2f}**, {ok} the target of {build['target_ratio']:.2f}. {same}", ""]


def _weight(bench: Bench) -> list[str]:
    weight = bench["page_weight"]
    pages = weight["pages"]
    raw, gz = [p["bytes"] for p in pages], [p["gzip_bytes"] for p in pages]
    heaviest = sorted(pages, key=lambda p: -p["bytes"])[:5]
    return ["## Page weight { #weight }", "",
            "Bytes transferred on a cold first visit, everything the page loads included (the search index "
            f"and the search worker's script too), over {len(pages)} pages. "
            f"Target: at most {weight['target_bytes']:,} bytes uncompressed for the heaviest page.", "",
            md.table(["Server", "Largest page", "Median page", "Smallest page"], [
                ["No compression (upper bound)", f"{max(raw):,}", f"{int(median(raw)):,}", f"{min(raw):,}"],
                ["gzip, as static hosts serve it", f"{max(gz):,}", f"{int(median(gz)):,}", f"{min(gz):,}"]]),
            "", "The five heaviest pages:", "",
            md.table(["Page", "Requests", "Bytes", "Bytes with gzip"],
                     [[md.code(p["page"]), str(p["requests"]), f"{p['bytes']:,}", f"{p['gzip_bytes']:,}"]
                      for p in heaviest]), ""]


def _search(bench: Bench) -> list[str]:
    search = bench.get("search")
    if not search:
        return []
    ranks = search["component_ranks"]
    first = sum(1 for r in ranks.values() if r == 1)
    misses = ", ".join(f"{md.text(name)} ({rank or 'not found'})" for name, rank in ranks.items() if rank != 1)
    return ["## Search { #search }", "",
            md.table(["Measure", "Value", "Target"], [
                ["Size of the search index", f"{search['index_bytes']:,} bytes", f"{search['target_index_bytes']:,}"],
                ["Index ready after the first page loaded (cold cache)", f"{search['ready_ms']} ms", ""],
                ["First query, from the first key press to the first result", f"{search['query_ms']} ms", ""],
                ["Both together", f"{search['first_query_ms']} ms", f"{search['target_first_query_ms']} ms"],
                ["Components whose own page ranks first for their name", f"{first} of {len(ranks)}", "all"]]),
            "", f"Not first: {misses}." if misses else "", ""]


def _figures(bench: Bench) -> list[str]:
    figures = bench.get("figures")
    if not figures:
        return []
    rows = [[md.code(f["page"]), md.code(f["id"]), f"{f['visible']:.0%}", f"{f['smallest_label']:.1f}",
             f"{f['phone_smallest_label']:.1f}", f"{f['svg_bytes']:,}"] for f in figures]
    failing = sum(1 for f in figures if f["problems"])
    return ["## Figures { #figures }", "",
            f"Every figure on every page, measured in Chromium at 1366×900 and at 390×844. Targets: at least 90 % "
            f"of the width visible and labels of 11 px or more on the desktop, labels of 9 px or more on the phone. "
            f"{len(figures) - failing} of {len(figures)} meet them.", "",
            md.table(["Page", "Figure", "Width visible", "Smallest label (px)", "On a phone (px)", "Bytes"], rows), ""]


def _citations(bench: Bench) -> list[str]:
    shares = bench.get("citations")
    if not shares:
        return []
    values = [c["share"] for c in shares]
    top = sorted(shares, key=lambda c: -c["share"])[:5]
    return ["## Citations in the prose { #citations }", "",
            f"Share of each page's visible prose (paragraphs and list items outside tables, footnotes, "
            f"disclosures and figures) that is citation markers or claim marks: median {median(values):.1%}, "
            f"highest {max(values):.1%}. Target: at most 10 % on every page.", "",
            md.table(["Page", "Share"], [[md.code(c["page"]), f"{c['share']:.1%}"] for c in top]), ""]


def _lighthouse(bench: Bench) -> list[str]:
    out = ["## Lighthouse { #lighthouse }", ""]
    if not bench.get("lighthouse"):
        return [*out, "Lighthouse was not available when these figures were taken.", ""]
    rows = [[md.code(r["page"]), md.text(r["preset"]), f"{r['performance']:.2f}" if "performance" in r else "error",
             md.text(r.get("lcp", ""))] for r in bench["lighthouse"]]
    return [*out, md.table(["Page", "Preset", "Performance", "Largest contentful paint"], rows), "",
            "Target: at least 0.95 on the heaviest pages. Lighthouse ran offline against the gzip server.", ""]


def report(bench: Bench | None) -> str:
    if not bench:
        return "No benchmark has been recorded yet: run `make bench`.\n"
    out = [f"Measured on {md.text(bench['measured'])} at commit {md.code(bench['commit'][:12])}, "
           f"Python {md.text(bench['python'])}.", ""]
    for section in (_build, _weight, _search, _figures, _citations, _lighthouse):
        out += section(bench)
    return "\n".join(out).rstrip() + "\n"


_LAYOUT_COLUMNS = (("label_overlaps", "Overlaps"), ("edge_crossings", "Crossings"), ("width", "Width"),
                   ("svg_bytes", "Bytes"), ("ms", "ms"))


def layouts(data: Bench | None) -> str:
    """The comparison of layout engines behind decision 0007 (benchmarks/layouts.json)."""
    if not data:
        return "No comparison has been recorded: run `scripts/compare_layouts.py --json benchmarks/layouts.json`.\n"
    rows = []
    for figure, engines in data["figures"].items():
        for engine, m in engines.items():
            rows.append([md.code(figure), md.text(engine)] + [f"{m[k]:,}" for k, _ in _LAYOUT_COLUMNS])
    totals = [[md.text(engine)] + [f"{t[k]:,}" for k in ("label_overlaps", "edge_crossings", "svg_bytes", "ms")]
              for engine, t in data["totals"].items()]
    identical = all(m["identical"] for engines in data["figures"].values() for m in engines.values())
    return "\n".join([
        md.table(["Engine", "Label overlaps", "Edge crossings", "SVG bytes", "Milliseconds"], totals), "",
        f"Two runs of either engine gave byte-identical SVG for {'every' if identical else 'not every'} figure. "
        "Width is the figure's natural width in pixels; the page's column is 688 px.", "",
        "Per figure (`area-*`: the area views with full interface names on the arrows, as the site drew them; "
        "`numbered-*`: the same views with numbered arrows; `system-map`: every component and every interface; "
        "`layer-map`: every component in rows, no arrows):", "",
        md.table(["Figure", "Engine"] + [label for _, label in _LAYOUT_COLUMNS], rows)]) + "\n"
