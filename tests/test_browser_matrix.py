"""The matrix pages and the About page in Chromium: at 1280 px and 390 px wide, in the
light and the dark colour scheme. Screenshots go to build/test-artifacts/matrix-*.png."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from .conftest import serious_violations
from .test_browser import ARTIFACTS, in_viewport

WIDTHS = (1280, 390)
SCHEMES = ("light", "dark")
PAGES = {
    "matrix": "/matrix/",
    "cell": "/matrix/c7-sdg-13/",
    "action-line": "/matrix/c5/",
    "about": "/about/",
}

# WCAG's contrast ratio of a cell's text on its shade: the text is blended over the
# shade by its alpha. Colours read from getComputedStyle, as rgb() or color(srgb …).
CONTRAST = """cell => {
  const parse = text => {
    const srgb = text.startsWith("color(srgb");
    const v = text.replace(/^[^(]*\\(|srgb|\\)$/g, "").split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    const [r, g, b] = srgb ? v.slice(0, 3).map(x => x * 255) : v.slice(0, 3);
    return [r, g, b, v.length > 3 ? v[3] : 1];
  };
  const luminance = ([r, g, b]) => [r, g, b].map(c => {
    c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
  const shade = parse(getComputedStyle(cell).backgroundColor);
  const [r, g, b, a] = parse(getComputedStyle(cell.querySelector("a")).color);
  const text = [r, g, b].map((c, i) => c * a + shade[i] * (1 - a));
  const [light, dark] = [luminance(text), luminance(shade)].sort((x, y) => y - x);
  return {ratio: (light + 0.05) / (dark + 0.05), shade: luminance(shade)};
}"""


@pytest.fixture(params=[(w, s) for w in WIDTHS for s in SCHEMES], ids=lambda p: f"{p[0]}-{p[1]}")
def view(browser: Browser, base_url: str, request: pytest.FixtureRequest) -> Iterator[Page]:
    width, scheme = request.param
    context = browser.new_context(base_url=base_url, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.emulate_media(color_scheme=scheme)
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(base_url) else outside.append(r.url))
    yield page
    context.close()
    assert outside == [], "requests left the site"


def scheme_of(page: Page) -> str:
    return str(
        page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'")
    )


def visit(page: Page, site: Path, path: str) -> None:
    """Open a page in the emulated colour scheme. Dark: the site's own dark palette
    once mkdocs.yml has one; until then Material's slate scheme (with its default
    indigo), so that the matrix's colours are checked against a dark page either way."""
    page.goto(path)
    if scheme_of(page) == "dark" and not page.evaluate(
        "getComputedStyle(document.body).getPropertyValue('--md-default-bg-color')"
        ".includes('14%')"  # Material's slate background, hsla(232, 15%, 14%, 1)
    ):
        (palette,) = (site / "assets" / "stylesheets").glob("palette.*.min.css")
        page.add_style_tag(url=f"/assets/stylesheets/{palette.name}")
        page.evaluate(
            "for (const [name, value] of [['scheme', 'slate'], ['primary', 'indigo'],"
            " ['accent', 'indigo']]) document.body.setAttribute('data-md-color-' + name, value)"
        )
    page.wait_for_load_state("networkidle")


def page_background(page: Page) -> str:
    return str(page.evaluate("getComputedStyle(document.body).backgroundColor"))


@pytest.mark.parametrize("name", list(PAGES))
def test_the_page_fits_the_screen_and_has_no_serious_accessibility_violation(
    view: Page, site: Path, name: str
) -> None:
    visit(view, site, PAGES[name])
    width = view.viewport_size["width"] if view.viewport_size else 0
    assert view.evaluate("document.documentElement.scrollWidth") <= width
    dark = page_background(view) != "rgb(255, 255, 255)"
    assert dark == (scheme_of(view) == "dark")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    view.screenshot(path=ARTIFACTS / f"matrix-{name}-{width}-{scheme_of(view)}.png", full_page=True)
    serious = serious_violations(view)
    assert serious == [], "\n".join(serious)


def test_every_shade_keeps_its_number_readable_and_deeper_shades_stand_out(
    view: Page, site: Path
) -> None:
    visit(view, site, "/matrix/")
    found: dict[int, list[dict[str, float]]] = {}
    for level in range(1, 7):
        cells = view.locator(f".count-table td.shade-{level}")
        found[level] = [cells.nth(i).evaluate(CONTRAST) for i in range(min(cells.count(), 5))]
    assert found[1] and found[5], "the seeds' matrix holds cells of 1 to 9 entries"
    for level, cells in found.items():
        for cell in cells:
            assert cell["ratio"] >= 4.5, (level, cell)
    # Each shade is a step further from the page's background than the one before.
    shades = [cells[0]["shade"] for cells in found.values() if cells]
    dark = scheme_of(view) == "dark"
    assert shades == sorted(shades, reverse=not dark) and len(set(shades)) == len(shades)


def test_clicking_a_matrix_cell_reaches_its_entries_grouped_by_document(
    browser: Browser, base_url: str
) -> None:
    page = browser.new_page(base_url=base_url, viewport={"width": 1280, "height": 900})
    page.goto("/matrix/")
    page.get_by_role("link", name="C7 与目标 13：4 项").click()
    page.wait_for_url(f"{base_url}/matrix/c7-sdg-13/")
    heading = page.locator(".place-group h2")
    assert heading.all_inner_texts() == [
        "国际电联电信发展部门对落实信息社会世界峰会成果和《2030年可持续发展议程》的贡献"
    ]
    labels = page.locator(".place-group .place-label")
    assert labels.all_inner_texts() == ["D.2-3", "D.3-2", "D.4-1", "D.4-4"]
    labels.first.click()
    page.wait_for_url(f"{base_url}/report-003/#outcome-d-2-3")
    assert in_viewport(page, "#outcome-d-2-3")
    page.close()


def test_a_count_of_the_by_document_table_opens_that_documents_clauses(
    browser: Browser, base_url: str
) -> None:
    page = browser.new_page(base_url=base_url, viewport={"width": 1280, "height": 900})
    page.goto("/matrix/")
    name = "全权代表大会第130号决议（2014年，釜山）修改提案 EUR/48A1/2：4 个条款提及 C5"
    page.get_by_role("link", name=name).click()
    page.wait_for_url(f"{base_url}/matrix/c5/#pp-130-2018-eur-48a1-2")
    assert in_viewport(page, "#pp-130-2018-eur-48a1-2 h2")
    assert page.locator("#pp-130-2018-eur-48a1-2 .place-label").count() == 4
    page.close()


def test_on_a_phone_the_matrix_scrolls_in_its_box_and_documents_become_a_list(
    browser: Browser, base_url: str
) -> None:
    page = browser.new_page(base_url=base_url, viewport={"width": 390, "height": 900})
    page.goto("/matrix/")
    box = page.locator(".count-table-box").first
    assert box.evaluate("b => b.scrollWidth > b.clientWidth")  # the matrix scrolls inside
    # EUR/48A1/2's row (its PP-130 names C5 in four clauses)
    row = page.locator(
        ".by-document tbody tr", has=page.locator('a[href$="/pp-130-2018-eur-48a1-2/"]')
    )
    title, table = row.locator("th").bounding_box(), page.locator(".by-document").bounding_box()
    # The document's title on a line of its own, then the action lines it names.
    assert title and table and title["width"] > 0.9 * table["width"]
    shown = row.locator("td:visible").evaluate_all(
        "cells => cells.map(c => getComputedStyle(c, '::before').content + c.innerText)"
    )
    assert shown == ['"C5\xa0"4', '"合计\xa0"4']
    assert row.locator("td.empty").first.is_hidden()
    page.screenshot(path=ARTIFACTS / "matrix-by-document-390.png", full_page=True)
    page.close()
