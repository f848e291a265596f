"""Names that are easy to confuse: one short comparison table each, every cell with its sources."""

from __future__ import annotations

from study.records import Comparison
from study.render import md
from study.render.cite import Refs


def table(refs: Refs, comparison: Comparison) -> str:
    """Why the names get confused, then aspect by aspect what holds for each name."""
    rows = [[f"**{md.text(row['aspect'])}**",
             *(md.rich(cell["text"]) + refs.evidence(cell["evidence"]) for cell in row["cells"])]
            for row in comparison["rows"]]
    headers = ["Aspect", *(md.rich(c) for c in comparison["columns"])]
    return md.rich(comparison["confusion"]) + "\n\n" + md.table(headers, rows) + "\n"
