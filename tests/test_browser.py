"""Every page in real Chromium: offline, no errors, figures readable, accessible in both schemes."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from study import measure, routes

pytestmark = pytest.mark.browser

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
    const shape = holder && holder.querySelector('rect, circle');
    const fill = shape ? rgb(getComputedStyle(shape).fill) : [];
    const bg = fill.length >= 3 && (fill.length < 4 || fill[3] > 0.5) ? fill : pageBg;
    const fg = rgb(getComputedStyle(t).fill);
    const r = ratio(fg.slice(0, 3), bg.slice(0, 3));
    if (r < 4.5) worst.push(`${t.textContent}: ${r.toFixed(2)}`);
  });
  return worst;
}
"""

# Labels inside the boxes that hold them.
_INSIDE_JS = """
() => [...document.querySelectorAll('svg.study-diagram')].flatMap(svg =>
  [...svg.querySelectorAll('g.node, g.participant')].flatMap(g => {
    const r = g.querySelector('rect').getBBox();
    return [...g.querySelectorAll('text')].filter(t => {
      const b = t.getBBox();
      return b.x < r.x - 0.5 || b.x + b.width > r.x + r.width + 0.5;
    }).map(t => `${svg.id}: ${t.textContent}`);
  }))
"""

NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def open_page(browser, url: str, viewport=measure.DESKTOP):
    """A fresh page that records errors and refuses every request to another host."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    record = {"blocked": [], "errors": [], "console": []}
    origin = "/".join(url.split("/", 3)[:3]) + "/"

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


_LINKS_OK: set[str] = set()  # box links already fetched: many figures link the same pages


def _check_figures(page, base_url: str, viewport, min_visible: float, min_label: float) -> None:
    figures = page.evaluate(measure.FIGURES_JS)
    assert measure.figure_problems(figures, min_visible, min_label) == []
    captions = [f["caption"].split(":")[0] for f in figures]
    assert captions == [f"Figure {i}" for i in range(1, len(figures) + 1)], "figures numbered 1, 2, ..."
    for link in {href for f in figures for href in f["links"]} - _LINKS_OK:
        assert link.startswith(base_url) and page.request.get(link).ok, f"a box links to {link}"
        _LINKS_OK.add(link)


def test_page(browser, base_url, page_path):
    context, page, record = open_page(browser, base_url)
    try:
        page.goto(base_url + page_path, wait_until="networkidle")
        assert record["blocked"] == [], "requests to other hosts"
        assert record["errors"] == [], "JavaScript errors"
        assert record["console"] == [], "console errors"
        _check_figures(page, base_url, measure.DESKTOP, 0.9, 11)
        assert page.evaluate(_INSIDE_JS) == [], "labels overflow their boxes"
        share = page.evaluate(measure.CITATION_SHARE_JS)
        assert share["share"] <= 0.10, f"citations are {share['share']:.0%} of the prose"
        page.add_style_tag(content=NO_TRANSITIONS)
        for scheme in ("default", "slate"):
            page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
            assert page.evaluate(_CONTRAST_JS) == [], f"diagram text contrast in the {scheme} scheme"
            results = Axe().run(page)
            assert results.violations_count == 0, f"{scheme} scheme:\n{results.generate_report()}"
        # Then on a phone, the same page narrowed (one load serves both): a figure may
        # scroll sideways here; its labels stay at 9 px or more.
        page.set_viewport_size(measure.PHONE)
        page.wait_for_function(f"document.documentElement.clientWidth === {measure.PHONE['width']}")
        _check_figures(page, base_url, measure.PHONE, 0.0, 9)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= measure.PHONE["width"], "on a phone the page itself does not scroll sideways"
        assert record["errors"] == [], "JavaScript errors on a phone"
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


def test_figure_checks_catch_a_cramped_figure(browser, base_url):
    """Guard: shrinking a figure below the targets is seen."""
    context, page, _ = open_page(browser, base_url)
    try:
        page.goto(base_url + "architecture/storage/", wait_until="networkidle")
        page.add_style_tag(content=".study-canvas { max-width: 300px !important; }")
        figures = page.evaluate(measure.FIGURES_JS)
        assert any("smallest label" in p for p in measure.figure_problems(figures, 0.9, 11))
    finally:
        context.close()


@pytest.mark.parametrize("term", ["CRIU", "vcmmd"])
def test_search_works_offline(browser, base_url, term):
    context, page, record = open_page(browser, base_url)
    try:
        page.goto(base_url, wait_until="networkidle")
        _, _, hrefs = measure.search(page, term)
        assert hrefs
        assert term.lower() in page.locator(".md-search-result__item").first.inner_text().lower()
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


def _tooltip_text(page) -> str:
    page.wait_for_timeout(400)
    return page.evaluate("[...document.querySelectorAll('.md-tooltip2__inner, .md-tooltip__inner')]"
                         ".map(t => t.innerText).join(' | ')")


def test_a_citation_opens_by_keyboard_and_by_click(browser, base_url):
    context, page, _ = open_page(browser, base_url)
    try:
        page.goto(base_url + "architecture/kernel/", wait_until="networkidle")
        marker = page.locator("sup[id^='fnref'] a.footnote-ref").first
        target = (marker.get_attribute("href") or "").split("#")[-1]
        full = page.locator(f"li[id='{target}']").inner_text().replace("↩", "").strip()
        assert full, "the footnote holds the full citation"
        assert _tooltip_text(page) == "", "no tooltip before the marker is focused"
        marker.focus()
        tip = _tooltip_text(page).replace("↩", "").replace("\xa0", " ").strip()
        assert tip and tip in full.replace("\xa0", " "), "keyboard focus shows the full citation"
        marker.click()
        page.wait_for_timeout(300)
        assert page.evaluate("location.hash") == f"#{target}", "a click (or tap) jumps to the full citation"
    finally:
        context.close()


MAIN_ROUTES = ("seed/", "architecture/", "components/", "flows/", "planning/")


def test_home_routes_a_newcomer_on_its_first_screen(browser, base_url):
    context, page, _ = open_page(browser, base_url)
    try:
        page.goto(base_url, wait_until="networkidle")
        assert not page.locator(".md-sidebar--primary").is_visible(), "no empty sidebar on the home page"
        height = measure.DESKTOP["height"]
        for route in MAIN_ROUTES:
            # Material's instant loading rewrites hrefs to absolute URLs, so match the resolved link.
            card = page.locator(f".grid.cards a[href='{base_url}{route}'], .grid.cards a[href='{route}']").first
            box = card.bounding_box()
            assert box and box["y"] + box["height"] <= height, f"the card for {route} is below the first screen"
    finally:
        context.close()


def test_components_index_fits_the_column(browser, base_url):
    context, page, _ = open_page(browser, base_url)
    try:
        page.goto(base_url + "components/", wait_until="networkidle")
        # The theme wraps tables in their scroll box from its script; wait for it under load.
        page.locator(".md-typeset__scrollwrap").first.wait_for(state="attached")
        overflow = page.evaluate("[...document.querySelectorAll('.md-typeset__scrollwrap')].slice(0, 1)"
                                 ".map(w => w.scrollWidth - w.clientWidth)")
        assert overflow == [0], "the index table scrolls sideways"
    finally:
        context.close()


def test_a_component_page_ranks_first_for_its_name(browser, base_url, study_site):
    from study import routes

    misses = []
    context, page, _ = open_page(browser, base_url)
    try:
        page.goto(base_url, wait_until="networkidle")
        box = page.locator("input.md-search__input")
        for comp in study_site.model.components:
            # One page and one index for all names: clear the box and wait for the old results to go.
            box.fill("")
            page.wait_for_function("!document.querySelector('.md-search-result__item')")
            _, _, hrefs = measure.search(page, comp["name"])
            own = base_url + routes.url_path(routes.component(comp["id"]))
            # Material appends ?h=<terms> to results for highlighting; the page is what counts.
            if not hrefs or hrefs[0].split("#")[0].split("?")[0] != own:
                misses.append(f"{comp['name']}: {hrefs[:2]}")
    finally:
        context.close()
    assert misses == []


@pytest.mark.parametrize("term, anchor", [
    ("-73", "#err-mig-err-phaul"),  # lunr alone would read the minus as "must not contain 73"
    ("Phaul service failed to live migrate CT", "#err-mig-err-phaul-service"),
    ("--memsize", routes.url_path(routes.option_page("--memsize", for_containers=True))),
])
def test_search_finds_errors_and_options_by_code_and_text(browser, base_url, term, anchor):
    """The atlas is found by an error's code or value and by its message; an option by its name."""
    context, page, record = open_page(browser, base_url)
    try:
        page.goto(base_url, wait_until="networkidle")
        measure.search(page, term)
        # Sections beyond a page's best ones sit in a closed "more on this page" box: attached, not shown.
        found = page.locator(f'.md-search-result a[href*="{anchor}"]').first
        found.wait_for(state="attached", timeout=20_000)
        assert page.locator("input.md-search__input").input_value() == term, "the box keeps what was typed"
        assert record["blocked"] == [] and record["errors"] == []
    finally:
        context.close()
