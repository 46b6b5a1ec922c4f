"""The site in two languages, in Chromium: the header's switch keeps the clause read, the
side-by-side view, English pages and English search.

The shipped collection has no text in both languages yet (its Chinese texts are
proposals, its English ones the adopted texts of PP-18), so these tests build a site
from the shipped sources and one English fixture, tests/data/english/wtsa-75-2022.en.txt:
WTSA Resolution 75 (Geneva, 2022) in English, beside the Chinese seed of the same text.
Screenshots go to build/test-artifacts/languages-*.png.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from benchmarks.bench import served
from generator.build import Options, build
from generator.progress import Stages

from .conftest import ROOT, SOURCES, serious_violations

ARTIFACTS = ROOT / "build" / "test-artifacts"
ENGLISH_WTSA_75 = Path(__file__).parent / "data" / "english" / "wtsa-75-2022.en.txt"


@pytest.fixture(scope="module")
def bilingual_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    work = tmp_path_factory.mktemp("bilingual")
    sources = shutil.copytree(SOURCES, work / "sources")
    shutil.copy(ENGLISH_WTSA_75, sources)
    registry = work / "published.txt"
    shutil.copy(ROOT / "content" / "published.txt", registry)
    options = Options(
        [sources], work / "yaml", work / "site", work / "build", fresh=True, registry=registry
    )
    assert build(options, Stages(None)) is not None
    with served(options.site) as url:
        yield url


def open_page(browser: Browser, url: str, width: int) -> Page:
    context = browser.new_context(base_url=url, viewport={"width": width, "height": 900})
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(url) else outside.append(r.url))
    setattr(page, "outside", outside)  # noqa: B010 (read by the tests)
    return page


@pytest.mark.parametrize("width", [1280, 390])
def test_the_language_switch_keeps_the_clause(
    browser: Browser, bilingual_url: str, width: int
) -> None:
    page = open_page(browser, bilingual_url, width)
    page.goto("/wtsa-75-2022/#resolves-1")
    assert page.get_attribute("html", "lang") == "zh"
    switch = page.locator(".language-switch__link")
    assert switch.inner_text() == "English" and switch.get_attribute("hreflang") == "en"
    switch.click()
    page.wait_for_url(f"{bilingual_url}/en/wtsa-75-2022/#resolves-1")
    assert page.get_attribute("html", "lang") == "en"
    clause = page.locator("#resolves-1")
    page.wait_for_function(
        "document.querySelector('#resolves-1').getBoundingClientRect().top < 500"
    )
    assert clause.inner_text().startswith("resolves › 1")  # the context, in English
    assert clause.locator(".clause-label").first.inner_text() == "1"
    assert "to continue to participate" in clause.inner_text()
    # Material's own words and ours are English on the English page.
    assert (
        page.locator(".md-header__topic").first.text_content().strip().startswith("ITU resolutions")
    )
    assert page.locator("#cited-by h2").inner_text() == "Cited by"
    page.screenshot(path=str(ARTIFACTS / f"languages-english-document-{width}.png"))
    # And back, to the same clause.
    page.locator(".language-switch__link").click()
    page.wait_for_url(f"{bilingual_url}/wtsa-75-2022/#resolves-1")
    assert page.get_attribute("html", "lang") == "zh"
    assert page.outside == []


def test_the_site_pages_switch_too_and_navigate_in_their_language(
    browser: Browser, bilingual_url: str
) -> None:
    page = open_page(browser, bilingual_url, 1280)
    page.goto("/resolutions/")
    page.locator(".language-switch__link").click()
    page.wait_for_url(f"{bilingual_url}/en/resolutions/")
    assert page.get_attribute("html", "lang") == "en"
    nav = page.locator(".md-sidebar--primary .md-nav__link").all_inner_texts()
    assert [text.strip() for text in nav if text.strip()][:5] == [
        "Home",
        "Resolutions",
        "Cross-references",
        "Matrix",
        "About",
    ]
    page.screenshot(path=str(ARTIFACTS / "languages-english-index-1280.png"), full_page=False)
    serious = serious_violations(page)
    assert serious == [], "\n".join(serious)


@pytest.mark.parametrize("width", [1280, 390])
def test_the_side_by_side_view_pairs_clauses_by_anchor(
    browser: Browser, bilingual_url: str, width: int
) -> None:
    page = open_page(browser, bilingual_url, width)
    page.goto("/en/wtsa-75-2022/")
    page.locator(".language-versions a", has_text="side by side").click()
    page.wait_for_url(f"{bilingual_url}/en/bilingual/wtsa-75-2022/")
    row = page.locator(".bilingual-row#resolves-1")
    chinese, english = row.locator(".bilingual-cell").all()
    assert chinese.get_attribute("lang") == "zh" and english.get_attribute("lang") == "en"
    assert "继续参与" in chinese.inner_text() or "落实" in chinese.inner_text()
    assert "to continue to participate" in english.inner_text()
    left, right = chinese.bounding_box(), english.bounding_box()
    assert left and right
    if width >= 1280:  # side by side
        assert abs(left["y"] - right["y"]) < 2 and left["x"] < right["x"]
    else:  # one above the other on a phone
        assert right["y"] > left["y"]
    # A clause the English fixture has and the Chinese does not stands alone.
    alone = page.locator(".bilingual-row#considering-a-bis .bilingual-cell")
    assert alone.nth(0).inner_text() == "" and "World Telecommunication/ICT Policy Forum" in (
        alone.nth(1).inner_text()
    )
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    page.screenshot(path=str(ARTIFACTS / f"languages-side-by-side-{width}.png"), full_page=True)
    serious = serious_violations(page)
    assert serious == [], "\n".join(serious)


def test_english_search_finds_english_words(browser: Browser, bilingual_url: str) -> None:
    """An English page's box searches the English index: words stemmed as words
    (``gender`` finds Res 70 on gender mainstreaming), no Chinese document among them."""
    page = open_page(browser, bilingual_url, 1280)
    page.goto("/en/search/?q=gender")
    page.wait_for_function(
        "document.querySelector('.search-page__status').textContent.includes('found')"
    )
    titles = page.locator(".site-search__title").all_inner_texts()
    links = [a.get_attribute("href") or "" for a in page.locator(".site-search__title").all()]
    assert titles and titles[0].startswith("Resolution 70 (Dubai, 2018)"), titles
    assert all(f"{bilingual_url}/en/" in link for link in links), links
    # "digital divide": two words, found as words, spaced as the text has them; the best
    # clause has both.
    page.goto("/en/search/?q=digital%20divide")
    page.wait_for_function(
        "document.querySelector('.search-page__status').textContent.includes('found')"
    )
    excerpts = page.locator(".site-search__clause").all_inner_texts()
    assert excerpts and "digital divide" in excerpts[0]
    page.screenshot(path=str(ARTIFACTS / "languages-english-search-1280.png"))
