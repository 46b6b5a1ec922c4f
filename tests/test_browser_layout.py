"""Every kind of page at a desktop's and a phone's width, in the light and the dark
colour scheme: the page never scrolls sideways, axe finds no serious or critical
violation, and a screenshot of each is saved for a person to look at
(build/test-artifacts/layout-<kind>-<width>-<scheme>.png). Then, at both widths and in
both schemes: dark mode follows the system and the header's toggle, the index and the
cross-reference tables are cards on a phone, the index sorts by number, year and body,
and bodies have one name everywhere.

One browser, one tab per colour scheme (the scheme is the system's, as Chromium
reports it to the page), reused for every page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Locator, Page

from generator.model import Document
from generator.names import document_year
from generator.parse import Parsed
from generator.tables import BODY_NAMES

from .conftest import ROOT, serious_violations

ARTIFACTS = ROOT / "build" / "test-artifacts"

# One page of every kind the site has.
KINDS = {
    "home": "/",
    "index": "/resolutions/",
    "resolution": "/wtsa-75-2022/",
    "proposal": "/pp-140-2022-eur-44a15-1/",
    "works": "/works/pp-140/",
    "compare": "/compare/pp-140-2018-eur-48a1-9/pp-140-2022-eur-44a15-1/",
    "xref": "/cross-references/",
    "xref-body": "/cross-references/pp/",
    "xref-outside": "/cross-references/outside/",
    "matrix": "/matrix/",
    "matrix-cell": "/matrix/c1-sdg-17/",
    "about": "/about/",
    "404": "/404.html",
    # The English pages: a document imported from Akoma Ntoso (with its repairs), the
    # index, the matrix, the about page. (The side-by-side view: test_browser_languages.)
    "en-resolution": "/en/pp-140-2018/",
    "en-index": "/en/resolutions/",
    "en-works": "/en/works/pp-140/",
    "en-matrix": "/en/matrix/",
    "en-about": "/en/about/",
}
WIDTHS = (1280, 390)  # a laptop, a phone (iPhone 12 to 15)
# The system's colour scheme → the mkdocs-material scheme the page must show.
SCHEMES = {"light": "default", "dark": "slate"}
SCREENSHOT_HEIGHT = 2400  # enough to judge a long page by its top


@pytest.fixture(scope="module")
def tabs(browser: Browser, base_url: str) -> Iterator[dict[str, Page]]:
    """A tab per system colour scheme; each fails the test run if a page asks another host."""
    outside: list[str] = []
    tabs = {}
    for scheme in SCHEMES:
        context = browser.new_context(base_url=base_url, color_scheme=scheme)  # type: ignore[arg-type]
        tab = context.new_page()
        tab.on("pageerror", lambda error: print(f"page error: {error}"))
        tab.on("request", lambda r: None if r.url.startswith(base_url) else outside.append(r.url))
        tabs[scheme] = tab
    yield tabs
    for tab in tabs.values():
        tab.context.close()
    assert outside == [], "requests left the site"


# Elements that reach past the right edge of the window, innermost first: what makes
# a page scroll sideways.
OVERFLOWING = """() => [...document.querySelectorAll("body *")]
  .filter(e => e.getBoundingClientRect().right > innerWidth + 0.5
    && getComputedStyle(e).visibility !== "hidden"
    && ![...e.children].some(c => c.getBoundingClientRect().right > innerWidth + 0.5))
  .slice(0, 5)
  .map(e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + "." + e.className
    + " right=" + Math.round(e.getBoundingClientRect().right))"""


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_kind_of_page_fits_the_width_and_passes_axe(
    tabs: dict[str, Page], scheme: str, width: int, kind: str
) -> None:
    page = tabs[scheme]
    page.set_viewport_size({"width": width, "height": 900})
    response = page.goto(KINDS[kind])
    assert response is not None and response.ok
    page.wait_for_selector(f"body[data-md-color-scheme={SCHEMES[scheme]}]", state="attached")
    height = page.evaluate("document.documentElement.scrollHeight")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(
        path=ARTIFACTS / f"layout-{kind}-{width}-{scheme}.png",
        full_page=True,
        clip={"x": 0, "y": 0, "width": width, "height": min(height, SCREENSHOT_HEIGHT)},
    )
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, page.evaluate(OVERFLOWING)
    assert serious_violations(page) == []


WIDTH_AND_SCHEME = pytest.mark.parametrize(
    ("width", "scheme"), [(width, scheme) for width in WIDTHS for scheme in SCHEMES]
)


def visit(page: Page, path: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(path)


def scheme_shown(page: Page) -> str:
    return str(page.get_attribute("body", "data-md-color-scheme"))


def colour(page: Page, selector: str, css_property: str) -> str:
    return str(page.eval_on_selector(selector, f"e => getComputedStyle(e)['{css_property}']"))


# A clause landed on is highlighted with --res-highlight, defined per scheme.
HIGHLIGHT = {"default": "rgb(255, 243, 196)", "slate": "rgb(74, 63, 18)"}


@pytest.mark.parametrize("width", WIDTHS)
def test_dark_mode_follows_the_system_until_the_toggle_is_used(
    browser: Browser, base_url: str, width: int
) -> None:
    for system, other in (("light", "dark"), ("dark", "light")):
        context = browser.new_context(base_url=base_url, color_scheme=system)  # type: ignore[arg-type]
        page = context.new_page()
        visit(page, "/pp-140-2022-eur-44a15-1/#resolves-6-i", width)
        assert scheme_shown(page) == SCHEMES[system]
        assert colour(page, "#resolves-6-i", "backgroundColor") == HIGHLIGHT[SCHEMES[system]]
        page.locator("form[data-md-component=palette] label:not([hidden])").click()
        assert scheme_shown(page) == SCHEMES[other]
        assert colour(page, "#resolves-6-i", "backgroundColor") == HIGHLIGHT[SCHEMES[other]]
        page.goto("/resolutions/")  # the reader's choice is kept on the next page
        assert scheme_shown(page) == SCHEMES[other]
        context.close()


# A colour written as a value (#fff, rgb(…), white) rather than read from a custom
# property: it would stay the same in dark mode.
COLOUR_LITERAL = re.compile(r"#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?)\(|^\s*(?:white|black)\b")


def test_our_css_writes_colours_only_in_custom_properties() -> None:
    css = (ROOT / "theme" / "assets" / "resolutions.css").read_text()
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    declarations = re.findall(r"([\w-]+)\s*:\s*([^;{}]+)", css)
    literal = [f"{name}: {value}" for name, value in declarations if COLOUR_LITERAL.search(value)]
    assert literal, "no colour found: the pattern is wrong"
    assert [d for d in literal if not d.startswith("--")] == []
    defined = {name for name, _ in declarations if name.startswith("--res-")}
    for scheme in SCHEMES.values():
        block = re.search(rf'\[data-md-color-scheme="{scheme}"\]\s*{{([^}}]*)}}', css)
        assert block is not None
        assert set(re.findall(r"(--res-[\w-]+)\s*:", block[1])) == defined


def row_links(page: Page) -> list[str]:
    """The document each shown row of the index links to, in the order shown."""
    return page.locator("#document-index tbody tr:visible .index-title > a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )


def display(page: Page, selector: str) -> str:
    return str(page.eval_on_selector(selector, "e => getComputedStyle(e).display"))


def scrolls_sideways(page: Page, selector: str) -> bool:
    """Whether the element's box (Material wraps tables in one) scrolls sideways."""
    return bool(
        page.eval_on_selector(
            selector, "e => e.parentElement.scrollWidth > e.parentElement.clientWidth"
        )
    )


def widths(page: Page, selector: str) -> list[float]:
    return page.locator(selector).evaluate_all(
        "cells => cells.map(c => c.getBoundingClientRect().width)"
    )


@WIDTH_AND_SCHEME
def test_the_index_is_a_table_on_a_laptop_and_cards_on_a_phone(
    tabs: dict[str, Page], width: int, scheme: str
) -> None:
    page = tabs[scheme]
    visit(page, "/resolutions/", width)
    titles = widths(page, "#document-index tbody .index-title")
    table = page.eval_on_selector("#document-index", "e => e.getBoundingClientRect().width")
    assert not scrolls_sideways(page, "#document-index")
    if width < 600:  # a card per row: the title across the card, on a line of its own
        assert display(page, "#document-index tbody tr") == "flex"
        assert min(titles) >= 0.95 * table and min(titles) >= 330
    else:  # a table whose title column has room, and whose row borders run under every cell
        assert display(page, "#document-index tbody tr") == "table-row"
        assert min(titles) >= 250
        borders = page.locator("#document-index tbody tr:nth-child(2) > *").evaluate_all(
            "cells => cells.map(c => getComputedStyle(c).borderTopWidth)"
        )
        assert len(borders) == 7 and len(set(borders)) == 1 and borders[0] != "0px"


@WIDTH_AND_SCHEME
def test_cross_reference_tables_are_cards_on_a_phone(
    tabs: dict[str, Page], width: int, scheme: str
) -> None:
    page = tabs[scheme]
    for path in ("/cross-references/", "/cross-references/pp/", "/cross-references/outside/"):
        visit(page, path, width)
        content = page.eval_on_selector(".cross-references", "e => e.getBoundingClientRect().width")
        lists = widths(page, ".cross-references tbody td:not(.count):not(:empty)")
        names = widths(page, ".cross-references tbody th")
        assert not scrolls_sideways(page, ".cross-references table"), path
        if width < 600:  # the row's name across the card, each list beside its label
            assert min(names) >= 0.95 * content, path
            assert not lists or min(lists) >= 0.95 * content, path
            labels = page.locator(".cross-references tbody td").evaluate_all(
                "cells => cells.map(c => getComputedStyle(c, '::before').content)"
            )
            headers = page.locator(".cross-references thead th").all_text_contents()
            assert {label.strip('"') for label in labels} == set(headers[1:]), path
        else:  # a table, its columns named in its header
            assert display(page, ".cross-references thead") == "table-header-group", path
            assert display(page, ".cross-references tbody tr") == "table-row", path


def expected_order(documents: list[Document], key: str, descending: bool) -> list[str]:
    """The index's rows sorted as assets/resolutions.js promises: by ``key`` (blank last
    either way), ties by body, number and year ascending, then the index's own order."""
    bodies = [*BODY_NAMES, None]  # the filter's order; reports last

    def value(document: Document, name: str) -> int | None:
        if name == "body":
            return bodies.index(document.body)
        if name == "number":
            return int(document.number) if document.number else None
        return document_year(document)

    def blank_last(number: int | None, sign: int = 1) -> tuple[bool, int]:
        return (number is None, sign * (number or 0))

    others = [name for name in ("body", "number", "year") if name != key]
    ordered = sorted(
        documents,
        key=lambda d: (
            blank_last(value(d, key), -1 if descending else 1),
            *(blank_last(value(d, name)) for name in others),
        ),
    )
    return [f"../{d.id}/" for d in ordered]


def sort_button(page: Page, name: str) -> Locator:
    return page.locator("#document-index thead").get_by_role("button", name=name)


@WIDTH_AND_SCHEME
def test_the_index_sorts_by_number_year_and_body_kept_in_the_url(
    tabs: dict[str, Page], corpus: Parsed, base_url: str, width: int, scheme: str
) -> None:
    page = tabs[scheme]
    documents = corpus.documents
    visit(page, "/resolutions/", width)
    assert row_links(page) == [f"../{d.id}/" for d in documents]  # the collection's order
    assert page.locator("#document-index th[aria-sort]").count() == 0

    sort_button(page, "编号").click()
    assert row_links(page) == expected_order(documents, "number", descending=False)
    assert page.get_attribute("#document-index th[data-sort=number]", "aria-sort") == "ascending"
    assert page.url == f"{base_url}/resolutions/?sort=number"
    sort_button(page, "编号").click()
    assert row_links(page) == expected_order(documents, "number", descending=True)
    assert page.get_attribute("#document-index th[data-sort=number]", "aria-sort") == "descending"
    assert page.url == f"{base_url}/resolutions/?sort=-number"

    # By keyboard: the buttons are in the tab order, Enter and Space press them.
    sort_button(page, "年份").focus()
    page.keyboard.press("Enter")
    assert row_links(page) == expected_order(documents, "year", descending=False)
    page.keyboard.press("Space")
    assert row_links(page) == expected_order(documents, "year", descending=True)
    assert page.locator("#document-index th[aria-sort]").count() == 1

    sort_button(page, "机构").click()
    by_body = expected_order(documents, "body", descending=False)
    assert row_links(page) == by_body
    assert by_body[0].startswith(("../pp-", "../en/pp-")) and by_body[-1].startswith("../report-")

    # A shared link keeps both the filter and the order; filtering keeps the order.
    page.goto("/resolutions/?body=pp&sort=-year")
    pp = [d for d in documents if d.body == "pp"]
    assert row_links(page) == expected_order(pp, "year", descending=True)
    page.select_option("select[name=sdg]", "5")
    assert page.url == f"{base_url}/resolutions/?body=pp&sort=-year&sdg=5"
    page.click("button[type=reset]")
    page.wait_for_url(f"{base_url}/resolutions/?sort=-year")
    assert row_links(page) == expected_order(documents, "year", descending=True)


@WIDTH_AND_SCHEME
def test_a_body_has_one_name_in_the_filter_the_index_and_its_pages(
    tabs: dict[str, Page], corpus: Parsed, width: int, scheme: str
) -> None:
    page = tabs[scheme]
    visit(page, "/resolutions/", width)
    options = page.locator("select[name=body] option").evaluate_all(
        "options => options.map(o => [o.value, o.textContent])"
    )
    named = dict(options[1:])  # after 全部
    bodies = {d.body for d in corpus.documents if d.body}
    assert named == {**{body: BODY_NAMES[body] for body in bodies}, "report": "报告"}
    cells = page.locator("#document-index tbody tr").evaluate_all(
        "rows => rows.map(r => [r.dataset.body, r.querySelector('.index-body').textContent])"
    )
    assert all(named[body] == text for body, text in cells) and len(cells) == len(corpus.documents)
    visit(page, "/wtsa-75-2022/", width)
    assert page.inner_text("h1").startswith(named["wtsa"] + "第75号决议")
    visit(page, "/cross-references/", width)
    assert named["pp"] in page.locator(".cross-references tbody th").all_text_contents()
