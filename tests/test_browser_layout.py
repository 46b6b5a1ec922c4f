"""Every kind of page at a desktop's and a phone's width, in the light and the dark
colour scheme: the page never scrolls sideways, axe finds no serious or critical
violation, and a screenshot of each is saved for a person to look at
(build/test-artifacts/layout-<kind>-<width>-<scheme>.png). Dark mode follows the
system and the header's toggle, at both widths.

One browser, one tab per colour scheme (the scheme is the system's, as Chromium
reports it to the page), reused for every page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, sync_playwright

from benchmarks.bench import CHROMIUM, CHROMIUM_FLAGS, served

from .conftest import ROOT

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
}
WIDTHS = (1280, 390)  # a laptop, a phone (iPhone 12 to 15)
# The system's colour scheme → the mkdocs-material scheme the page must show.
SCHEMES = {"light": "default", "dark": "slate"}
SCREENSHOT_HEIGHT = 2400  # enough to judge a long page by its top


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    with served(site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: bin/test installs it"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


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


def serious_violations(page: Page) -> list[str]:
    violations = Axe().run(page).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]


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
