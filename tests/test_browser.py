"""Every page in real Chromium: offline, no errors, diagrams drawn, accessible."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from pages import page_urls

# Geometry of every diagram, measured by the browser's own text layout.
_DIAGRAMS_JS = """
() => [...document.querySelectorAll('svg.study-diagram')].map(svg => {
  const box = svg.getBoundingClientRect();
  const overflow = [];
  svg.querySelectorAll('g.node, g.participant').forEach(g => {
    const r = g.querySelector('rect').getBBox();
    g.querySelectorAll('text').forEach(t => {
      const b = t.getBBox();
      if (b.x < r.x - 0.5 || b.x + b.width > r.x + r.width + 0.5) overflow.push(t.textContent);
    });
  });
  return {id: svg.id, width: box.width, height: box.height,
          texts: svg.querySelectorAll('text').length, overflow,
          title: svg.querySelector(':scope > title')?.textContent || '',
          desc: svg.querySelector(':scope > desc')?.textContent || ''};
})
"""

# Contrast of diagram text against what is behind it, per WCAG 2.
_CONTRAST_JS = """
() => {
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const page = rgb(getComputedStyle(document.querySelector('.md-main') || document.body).backgroundColor);
  const pageBg = page.length >= 3 && (page.length < 4 || page[3] > 0) ? page
               : rgb(getComputedStyle(document.body).backgroundColor);
  const worst = [];
  document.querySelectorAll('svg.study-diagram text').forEach(t => {
    const holder = t.closest('g.node, g.participant, g.edge-label');
    const shape = holder && holder.querySelector('rect');
    const bg = shape ? rgb(getComputedStyle(shape).fill) : pageBg;
    const fg = rgb(getComputedStyle(t).fill);
    const r = ratio(fg.slice(0, 3), bg.slice(0, 3));
    if (r < 4.5) worst.push(`${t.textContent}: ${r.toFixed(2)}`);
  });
  return worst;
}
"""


def open_page(browser, url: str):
    """A fresh page that records errors and refuses every request to another host."""
    context = browser.new_context()
    page = context.new_page()
    record = {"blocked": [], "errors": [], "console": []}
    origin = url.split("/", 3)[:3]
    origin = "/".join(origin) + "/"

    def route(r):
        target = r.request.url
        if target.startswith(origin) or target.startswith(("data:", "blob:")):
            r.continue_()
        else:
            record["blocked"].append(target)
            r.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda e: record["errors"].append(str(e)))
    page.on("console", lambda m: record["console"].append(m.text) if m.type == "error" else None)
    return context, page, record


@pytest.mark.parametrize("path", page_urls())
def test_page(browser, base_url, path):
    context, page, record = open_page(browser, base_url)
    try:
        page.goto(base_url + path, wait_until="networkidle")
        assert record["blocked"] == [], "requests to other hosts"
        assert record["errors"] == [], "JavaScript errors"
        assert record["console"] == [], "console errors"

        diagrams = page.evaluate(_DIAGRAMS_JS)
        for d in diagrams:
            assert d["width"] > 50 and d["height"] > 50, f"diagram {d['id']} not drawn"
            assert d["texts"] > 0, f"diagram {d['id']} has no labels"
            assert d["overflow"] == [], f"labels overflow their boxes in {d['id']}"
            assert d["title"] and d["desc"], f"diagram {d['id']} lacks an accessible title or description"
        captions = page.locator("figure.study-figure > figcaption").all_inner_texts()
        assert len(captions) == len(diagrams), "every diagram has a caption"
        numbers = [c.split(":")[0] for c in captions]
        assert numbers == [f"Figure {i}" for i in range(1, len(numbers) + 1)], "figures numbered 1, 2, ..."

        for scheme in ("default", "slate"):
            page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
            page.wait_for_timeout(600)  # let the theme's colour transitions finish
            assert page.evaluate(_CONTRAST_JS) == [], f"diagram text contrast in the {scheme} scheme"

            results = Axe().run(page)
            assert results.violations_count == 0, f"{scheme} scheme:\n{results.generate_report()}"
    finally:
        context.close()


def test_blocking_is_real(browser, base_url):
    """An external request made by a page is caught, so the checks above can fail."""
    context, page, record = open_page(browser, base_url)
    try:
        page.goto(base_url, wait_until="networkidle")
        page.evaluate("fetch('https://unpkg.com/mermaid@11/dist/mermaid.min.js').catch(() => null)")
        page.wait_for_timeout(200)
        assert record["blocked"] == ["https://unpkg.com/mermaid@11/dist/mermaid.min.js"]
    finally:
        context.close()


@pytest.mark.parametrize("term", ["CRIU", "vcmmd"])
def test_search_works_offline(browser, base_url, term):
    context, page, record = open_page(browser, base_url)
    try:
        page.goto(base_url, wait_until="networkidle")
        page.locator("input.md-search__input").click()
        # The worker builds the index first; a query typed before that is dropped,
        # so wait until the theme stops saying "Initializing search".
        meta = page.locator(".md-search-result__meta")
        page.wait_for_function("el => !el.textContent.includes('Initializing')", arg=meta.element_handle(),
                               timeout=20_000)
        # Real key presses: the theme reacts to keyboard events, not to a value set by script.
        page.locator("input.md-search__input").press_sequentially(term)
        results = page.locator(".md-search-result__item")
        results.first.wait_for(timeout=10_000)
        assert results.count() > 0
        assert term.lower() in results.first.inner_text().lower()
        assert record["blocked"] == [] and record["errors"] == []
    finally:
        context.close()


def test_instant_navigation_renders_diagrams(browser, base_url):
    """From a page without diagrams to one with diagrams, without a full reload."""
    context, page, record = open_page(browser, base_url)
    try:
        page.goto(base_url + "reference/glossary/", wait_until="networkidle")
        assert page.locator("svg.study-diagram").count() == 0
        page.evaluate("window.__no_reload = true")
        page.locator("a.md-tabs__link", has_text="Runtime flows").click()
        page.wait_for_url(base_url + "flows/")
        page.locator("a[href$='ct-live-migration/']").first.click()
        page.wait_for_url(base_url + "flows/ct-live-migration/")
        page.locator("svg.study-diagram").first.wait_for()
        assert page.evaluate("window.__no_reload === true"), "instant navigation kept the page alive"
        box = page.locator("svg.study-diagram").first.bounding_box()
        assert box and box["width"] > 100 and box["height"] > 100
        assert record["blocked"] == [] and record["errors"] == []
    finally:
        context.close()
