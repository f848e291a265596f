"""The performance page, from the benchmark's output (benchmarks/latest.json)."""

from __future__ import annotations

from statistics import median

from study.render import md

BENCHMARK_FILE = "benchmarks/latest.json"


def report(bench: dict | None) -> str:
    if not bench:
        return "No benchmark has been recorded yet: run `make bench`."
    build, weight = bench["build"], bench["page_weight"]
    pages = weight["pages"]
    raw = [p["bytes"] for p in pages]
    gz = [p["gzip_bytes"] for p in pages]
    ok = "within" if build["ratio"] <= build["target_ratio"] else "over"
    out = [
        f"Measured on {md.text(bench['measured'])} at commit {md.code(bench['commit'][:12])}, "
        f"Python {md.text(bench['python'])}.",
        "",
        "## Build overhead { #build }",
        "",
        md.table(["Build", "Median of runs", "Seconds"], [
            ["Full strict build (hooks, validation, generation)", str(build["runs"]), f"{build['full_seconds']:.3f}"],
            ["Plain MkDocs build of the same pages, pre-rendered", str(build["runs"]), f"{build['plain_seconds']:.3f}"],
        ]),
        "",
        f"Ratio **{build['ratio']:.2f}**, {ok} the target of {build['target_ratio']:.2f}.",
        "",
        "## Page weight { #weight }",
        "",
        f"Bytes transferred on a cold first visit, everything the page loads included, over {len(pages)} pages. "
        f"Target: at most {weight['target_bytes']:,} bytes per page.",
        "",
        md.table(["Server", "Largest page", "Median page", "Smallest page"], [
            ["No compression (upper bound)", f"{max(raw):,}", f"{int(median(raw)):,}", f"{min(raw):,}"],
            ["gzip, as static hosts serve it", f"{max(gz):,}", f"{int(median(gz)):,}", f"{min(gz):,}"],
        ]),
        "",
        "The five heaviest pages:",
        "",
        md.table(["Page", "Requests", "Bytes", "Bytes with gzip"], [
            [md.code(p["page"]), str(p["requests"]), f"{p['bytes']:,}", f"{p['gzip_bytes']:,}"]
            for p in sorted(pages, key=lambda p: -p["bytes"])[:5]
        ]),
        "",
        "## Lighthouse { #lighthouse }",
        "",
    ]
    if bench.get("lighthouse"):
        out.append(md.table(["Page", "Preset", "Performance", "Largest contentful paint"], [
            [md.code(r["page"]), md.text(r["preset"]),
             f"{r['performance']:.2f}" if "performance" in r else "error", md.text(r.get("lcp", ""))]
            for r in bench["lighthouse"]
        ]))
        out.append("")
        out.append("Target: at least 0.95 on the heaviest pages. Lighthouse ran offline against the gzip server.")
    else:
        out.append("Lighthouse was not available when these figures were taken.")
    return "\n".join(out) + "\n"
