"""What the browser measures on a built page, shared by the tests and the benchmark.

Each constant is a JavaScript function for Playwright's `page.evaluate`; the
Python helpers turn its result into the figures the targets are stated in.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import threading
from pathlib import Path
from typing import Any

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}

# Every figure: how much of its width shows, its smallest label as drawn, labels
# printed over each other, labels cut with an ellipsis, and its box links.
FIGURES_JS = """
() => [...document.querySelectorAll('figure.study-figure')].map(fig => {
  const svg = fig.querySelector('svg.study-diagram');
  const scroll = fig.querySelector('.study-scroll') || fig.querySelector('.study-layer-map');
  const visible = scroll.scrollWidth ? Math.min(1, scroll.clientWidth / scroll.scrollWidth) : 1;
  let texts, scale = 1;
  if (svg) {
    texts = [...svg.querySelectorAll('text')];
    scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  } else {
    texts = [...fig.querySelectorAll('.study-layer-box, .study-layer-name, .study-tree-label')];
  }
  const sizes = texts.map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
  const rects = texts.map(t => t.getBoundingClientRect());
  const overlaps = [];
  for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) {
    const a = rects[i], b = rects[j];
    const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    if (w > 1 && h > 1) overlaps.push(`${texts[i].textContent} / ${texts[j].textContent}`);
  }
  const boxes = svg ? svg.querySelectorAll('g.node').length : fig.querySelectorAll('.study-layer-box').length;
  const links = [...fig.querySelectorAll('a.study-node-link, a.study-layer-box')].map(a => a.href);
  return {id: svg ? svg.id : 'layer-map', caption: fig.querySelector('figcaption')?.textContent || '',
          visible, smallest: sizes.length ? Math.min(...sizes) : 0,
          overlaps, cut: texts.filter(t => t.textContent.includes('…')).map(t => t.textContent),
          boxes, links, bytes: svg ? svg.outerHTML.length : fig.outerHTML.length,
          width: svg ? svg.viewBox.baseVal.width : scroll.scrollWidth};
})
"""

# Share of the visible prose that is citation markup: markers and claim marks in
# paragraphs and list items outside tables, footnotes, disclosures and figures.
CITATION_SHARE_JS = """
() => {
  const prose = [...document.querySelectorAll('.md-content article p, .md-content article li')]
    .filter(el => !el.closest('table, .footnote, details, figure, .admonition.quote, nav'));
  let all = 0, cited = 0;
  prose.forEach(el => {
    all += el.innerText.length;
    el.querySelectorAll('sup[id^="fnref"], a.claim-chip').forEach(m => { cited += m.innerText.length; });
  });
  return {all, cited, share: all ? cited / all : 0};
}
"""


def figure_problems(figures: list[dict[str, Any]], min_visible: float, min_label: float) -> list[str]:
    """Every way a page's figures miss the targets, one line each."""
    problems = []
    for f in figures:
        name = f["id"]
        if f["visible"] < min_visible:
            problems.append(f"{name}: shows {f['visible']:.0%} of its width")
        if f["smallest"] < min_label:
            problems.append(f"{name}: smallest label {f['smallest']:.1f} px")
        problems += [f"{name}: labels overlap: {o}" for o in f["overlaps"]]
        problems += [f"{name}: label cut: {c}" for c in f["cut"]]
        if f["boxes"] and len(f["links"]) < f["boxes"]:
            problems.append(f"{name}: {f['boxes'] - len(f['links'])} of {f['boxes']} boxes link nowhere")
    return problems


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:  # keep output readable
        pass

    def end_headers(self) -> None:
        # linkchecker throttles every host to ~3 requests/s unless the server
        # sends this header; the local test server can take far more.
        self.send_header("LinkChecker", "local test server")
        super().end_headers()


def serve(directory: Path, port: int = 0) -> http.server.ThreadingHTTPServer:
    """A static server for a built site on loopback, in a background thread."""
    handler = functools.partial(_Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def search(page: Any, term: str, timeout_ms: int = 20_000) -> tuple[float, float, list[str]]:
    """Type `term` into the theme's search box once it is ready.

    Returns the seconds until the index was ready (from the call, right after the
    page loaded), the seconds from the first key press to the first result, and
    the result links in their order.
    """
    import time

    begin = time.perf_counter()
    page.locator("input.md-search__input").click()
    # The worker builds the index first; a query typed before that is dropped,
    # so wait until the theme stops saying "Initializing search".
    meta = page.locator(".md-search-result__meta")
    page.wait_for_function("el => !el.textContent.includes('Initializing')", arg=meta.element_handle(),
                           timeout=timeout_ms)
    start = time.perf_counter()
    ready = start - begin
    # Real key presses: the theme reacts to keyboard events, not to a value set by script.
    page.locator("input.md-search__input").press_sequentially(term)
    page.locator(".md-search-result__item").first.wait_for(timeout=timeout_ms)
    elapsed = time.perf_counter() - start
    # The first results may answer a prefix of the term (the theme searches as one
    # types). Each result link carries the query words it matched (?h=word+word): wait
    # until one matched the term's whole last word (a stop word never matches, so
    # that wait gives up quietly), then for the list to stay the same.
    words = [w for w in re.split(r"[^\w]+", term.lower()) if w]
    from playwright.sync_api import TimeoutError as GaveUp  # only the browser tests and the benchmark get here

    with contextlib.suppress(GaveUp):
        page.wait_for_function(
            """last => [...document.querySelectorAll('.md-search-result__item > a')]
                 .some(a => (new URL(a.href).searchParams.get('h') || '').split(' ').includes(last))""",
            arg=words[-1] if words else "", timeout=5_000)
    read = 'els => els.map(a => a.href)'
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", read)
    for _ in range(50):
        page.wait_for_timeout(200)
        again = page.eval_on_selector_all(".md-search-result__item > a", read)
        if again == hrefs:
            break
        hrefs = again
    return ready, elapsed, hrefs
