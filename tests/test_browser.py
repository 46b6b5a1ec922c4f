"""The built site in a real browser: Playwright driving Debian's Chromium (see bin/_browser.sh).

Screenshots are saved in build/test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from benchmarks.bench import served, synthetic_documents
from generator.link import Collection
from generator.model import Document
from generator.parse import Parsed

from .conftest import ROOT, build_documents, serious_violations

ARTIFACTS = ROOT / "build" / "test-artifacts"


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page = context.new_page()
    # Shown with a failing test's output: what went wrong inside the page.
    page.on(
        "console", lambda m: print(f"console {m.type}: {m.text}") if m.type == "error" else None
    )
    page.on("pageerror", lambda error: print(f"page error: {error}"))
    page.on("requestfailed", lambda r: print(f"request failed: {r.url} {r.failure}"))
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(base_url) else outside.append(r.url))
    yield page
    context.close()
    assert outside == [], "requests left the site"


def in_viewport(page: Page, selector: str) -> bool:
    return bool(
        page.eval_on_selector(
            selector,
            "e => { const r = e.getBoundingClientRect();"
            " return r.top >= 0 && r.bottom <= innerHeight && r.height > 0; }",
        )
    )


def background(page: Page, selector: str) -> str:
    return str(page.eval_on_selector(selector, "e => getComputedStyle(e).backgroundColor"))


def test_a_clause_permalink_opens_at_the_clause_highlighted(page: Page) -> None:
    page.goto("/pp-140-2022-eur-44a15-1/#resolves-6-i")
    clause = "#resolves-6-i"
    page.wait_for_function(
        "document.querySelector('#resolves-6-i').getBoundingClientRect().top < 400"
    )
    assert in_viewport(page, clause)
    assert background(page, clause) == "rgb(255, 243, 196)"
    assert background(page, "#resolves-6-ii") != "rgb(255, 243, 196)"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / "resolution-pp-140-2022.png")


def test_clicking_a_citation_lands_on_the_cited_resolution(page: Page, base_url: str) -> None:
    page.goto("/wtsa-75-2022/#considering-e-viii")
    page.click("#considering-e-viii a.citation")
    # 第140号决议（2018年，迪拜）: the collection has that text in English (PP-18's Final
    # Acts), so the citation lands there, on a page in English.
    page.wait_for_url(f"{base_url}/en/pp-140-2018/")
    assert page.get_attribute("html", "lang") == "en"
    assert page.inner_text("h1").startswith("Resolution 140 (Dubai, 2018)")
    # 第101…号决议（2014年，釜山）: only proposals show the Busan text, so the citation
    # lands on Busan 2014's entry of Res 101's page, which says so.
    page.goto("/pp-102-2018-eur-48a1-8/#recalling-c")
    page.click("#recalling-c a.citation >> text=101")
    page.wait_for_url(f"{base_url}/works/pp-101/#revision-2014")
    assert page.inner_text("h1") == "全权代表大会第101号决议：版本和提案"
    entry = page.locator("#revision-2014")
    assert entry.is_visible() and "本站未收录通过的文本" in entry.inner_text()


def test_an_address_published_before_leads_to_the_clause_it_showed(
    page: Page, base_url: str
) -> None:
    """/pp-140-2022/ showed the proposal EUR/44A15/1 before proposals had ids of their own."""
    page.goto("/pp-140-2022/#resolves-6-i")
    page.wait_for_url(f"{base_url}/pp-140-2022-eur-44a15-1/#resolves-6-i")
    assert page.locator("#resolves-6-i").is_visible()
    assert page.inner_text("h1").endswith("修改提案 EUR/44A15/1")


def test_an_anchor_published_before_leads_to_the_clause_renumbered(
    page: Page, base_url: str
) -> None:
    """The site fixture's registry has considering-b2, a name the clause no longer has;
    the page sends it on to considering-b-2, with the same text."""
    page.goto("/pp-140-2018-eur-48a1-9/#considering-b2")
    page.wait_for_url(f"{base_url}/pp-140-2018-eur-48a1-9/#considering-b-2")
    clause = page.locator("#considering-b-2")
    assert clause.is_visible() and "日内瓦原则宣言" in clause.inner_text()


def test_a_clause_on_an_older_document_offers_itself_in_the_newest(
    page: Page, base_url: str
) -> None:
    page.goto("/pp-140-2018-eur-48a1-9/#resolves-5-i")
    link = page.locator("#resolves-5-i > .clause-tools .newest-link")
    opacity = "e => getComputedStyle(e.parentElement).opacity"
    assert link.evaluate(opacity) == "1"  # shown on the clause landed on
    assert page.locator("#resolves-4 > .clause-tools .newest-link").evaluate(opacity) == "0"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / "older-document-clause-landed-on.png")
    link.click()
    page.wait_for_url(f"{base_url}/pp-140-2022-eur-44a15-1/#resolves-6-i")
    assert page.locator("#resolves-6-i").is_visible()


def test_the_reading_switch_shows_changes_the_proposal_or_the_base_and_is_kept(
    page: Page,
) -> None:
    page.goto("/pp-140-2022-eur-44a15-1/#noting-f")
    clause = page.locator("#noting-f .clause-text")
    # 国际电联理事会2015-20182019-2022年会议…, as the export has it, shown as a change
    assert clause.inner_text().startswith("国际电联理事会2015-2018年2019-2022年会议")
    assert page.locator("#noting-f del").inner_text() == "2015-2018年"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / "proposal-changes.png")
    page.get_by_label("提案文本").check()
    assert clause.inner_text().startswith("国际电联理事会2019-2022年会议")
    page.get_by_label("基础文本").check()
    assert clause.inner_text().startswith("国际电联理事会2015-2018年会议")
    page.reload()  # the choice is kept
    assert page.get_by_label("基础文本").is_checked()
    assert clause.inner_text().startswith("国际电联理事会2015-2018年会议")
    page.get_by_label("修改标记").check()


@pytest.mark.parametrize(("width", "beside"), [(1280, True), (390, False)])
def test_a_compare_page_shows_the_older_text_beside_the_newer_on_a_wide_screen(
    browser: Browser, base_url: str, width: int, beside: bool
) -> None:
    page = browser.new_page(base_url=base_url, viewport={"width": width, "height": 900})
    page.goto("/compare/pp-140-2018-eur-48a1-9/pp-140-2022-eur-44a15-1/#resolves-6-i")
    row = page.locator("#resolves-6-i")
    assert row.locator("ins").first.inner_text() == "C4、"
    assert row.locator(".compare-old").is_visible() is beside
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"compare-{width}.png")
    page.close()


def visible_rows(page: Page) -> list[str]:
    return page.locator("#document-index tbody tr:visible th a:first-child").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )


def test_filtering_the_index_by_sdg_5_shows_only_matching_rows(
    page: Page, corpus: Parsed, base_url: str
) -> None:
    tags = Collection(corpus.documents).tags
    expected = [f"../{d.id}/" for d in corpus.documents if 5 in tags(d.id)[1]]
    page.goto("/resolutions/")
    assert len(visible_rows(page)) == len(corpus.documents)
    page.select_option("select[name=sdg]", "5")
    assert visible_rows(page) == expected
    assert page.url == f"{base_url}/resolutions/?sdg=5"
    assert (
        page.inner_text(".filter-count")
        == f"显示 {len(expected)} 份，共 {len(corpus.documents)} 份"
    )
    page.goto("/resolutions/?sdg=5&body=pp")  # a shared filtered link
    assert visible_rows(page) == [href for href in expected if "report" not in href]
    page.click("button[type=reset]")
    page.wait_for_url(f"{base_url}/resolutions/")
    assert len(visible_rows(page)) == len(corpus.documents)


@pytest.mark.parametrize(
    "path",
    [
        "/pp-140-2022-eur-44a15-1/",
        "/resolutions/",
        "/cross-references/",
        "/cross-references/pp/",
        "/matrix/",
        "/report-003/",
    ],
)
def test_no_serious_or_critical_accessibility_violations(page: Page, path: str) -> None:
    page.goto(path)
    serious = serious_violations(page)
    assert serious == [], "\n".join(serious)


RESULT = ".site-search__title"
CLAUSE_HIT = ".site-search__clause > a"
RESULTS_SHOWN = 5  # PANEL.results in theme/assets/search.js


def search(page: Page, query: str, links: str = RESULT) -> list[str]:
    """Type a query in the header's search box; the result (or clause) links, in rank order."""
    page.keyboard.press("/")  # the shortcut focuses the box
    page.keyboard.type(query)
    page.wait_for_selector(RESULT)
    page.wait_for_timeout(400)  # the box searches 200 ms after the last key
    return result_links(page, links)


def excerpts(page: Page) -> list[str]:
    """The excerpts of the clause hits, in rank order."""
    return page.locator(".site-search__clause .site-search__excerpt").all_inner_texts()


def result_links(page: Page, links: str = RESULT) -> list[str]:
    return page.locator(links).evaluate_all(
        "links => links.map(a => new URL(a.href).pathname + new URL(a.href).hash)"
    )


def test_a_phrase_finds_clauses_that_open_at_the_clause(page: Page, base_url: str) -> None:
    page.goto("/matrix/")
    hits = search(page, "数字鸿沟", CLAUSE_HIT)
    assert hits and all(re.fullmatch(r"/[\w-]+/#[\w-]+", hit) for hit in hits), hits
    assert "数字鸿沟" in excerpts(page)[0]
    page.locator(CLAUSE_HIT).first.click()
    page.wait_for_url(f"{base_url}{hits[0]}")
    assert in_viewport(page, f"#{hits[0].split('#')[1]}")


def test_a_resolution_number_ranks_the_resolution_first(page: Page) -> None:
    page.goto("/")
    assert search(page, "140")[:2] == ["/pp-140-2022-eur-44a15-1/", "/pp-140-2018-eur-48a1-9/"]


@pytest.mark.parametrize("query", ["鸿沟", "性别", "物联网"])
def test_two_or_three_characters_find_their_clauses(page: Page, query: str) -> None:
    page.goto("/")
    hits = search(page, query)
    assert hits and query in excerpts(page)[0], excerpts(page)


def test_a_search_filter_narrows_the_results(page: Page) -> None:
    page.goto("/")
    everywhere = search(page, "信息社会")
    page.locator(".site-search__filters summary").click()
    page.get_by_label("WTSA").check()
    page.wait_for_timeout(500)
    assert len(everywhere) > 1
    assert result_links(page) == ["/wtsa-75-2022/"]


def test_a_query_loads_only_some_index_chunks(page: Page, site: Path) -> None:
    chunks = list((site / "pagefind" / "index").glob("*.pf_index"))
    loaded: list[str] = []
    page.on("request", lambda r: loaded.append(r.url) if r.url.endswith(".pf_index") else None)
    page.goto("/")
    search(page, "数字鸿沟")
    assert len(chunks) > 1, "the Chinese index did not split into chunks"
    assert 0 < len(loaded) < len(chunks)


def test_a_first_query_loads_neither_the_filters_nor_a_worker(page: Page) -> None:
    """Filters load when their panel opens; Pagefind runs without its worker."""
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url))
    page.goto("/")
    search(page, "数字鸿沟")
    assert not [url for url in fetched if "/filter/" in url or "worker" in url]
    page.locator(".site-search__filters summary").click()
    page.get_by_label("WTSA").wait_for()
    assert [url for url in fetched if "/filter/" in url]


def test_open_search_results_and_filters_have_no_serious_accessibility_violations(
    page: Page,
) -> None:
    page.goto("/")
    search(page, "数字鸿沟")
    page.locator(".site-search__filters summary").click()
    page.get_by_label("WTSA").wait_for()
    assert serious_violations(page, ".site-search") == []


def test_enter_opens_the_first_result(page: Page, base_url: str) -> None:
    page.goto("/")
    first = search(page, "140")[0]
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base_url}{first}")


def test_a_search_box_without_its_index_says_so(page: Page) -> None:
    page.route("**/pagefind/pagefind.js", lambda route: route.abort())
    page.goto("/")
    page.keyboard.press("/")
    page.keyboard.type("140")
    status = page.locator(".site-search__status")
    status.wait_for()
    assert "无法加载搜索索引" in status.inner_text()


def test_escape_closes_the_results_and_a_click_reopens_them(page: Page) -> None:
    page.goto("/")
    search(page, "140")
    page.keyboard.press("Escape")
    assert page.locator(".site-search__drawer").is_hidden()
    page.locator(".site-search__input").click()
    assert page.locator(".site-search__drawer").is_visible()


@pytest.fixture(scope="module")
def large_site(
    corpus: Parsed, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, list[Document]]:
    """A site of 300 synthetic resolutions: an index of many chunks, and numbers like
    5 and 56 in one body, which the seeds lack."""
    folder = tmp_path_factory.mktemp("large")
    documents = synthetic_documents(corpus.documents, 300, folder)
    return build_documents(documents, folder), documents


def test_number_queries_rank_the_resolution_first_among_many(
    browser: Browser, large_site: tuple[Path, list[Document]]
) -> None:
    site, documents = large_site
    pp = [d for d in documents if d.body == "pp" and d.number and d.revision]
    numbers = {d.number for d in pp}
    # A number that begins another (5 and 56): Pagefind matches both for "5".
    target = next(d for d in pp if any(n != d.number and n.startswith(d.number) for n in numbers))
    number, year = target.number, target.revision.year if target.revision else 0
    same_number = {f"/{d.id}/" for d in documents if d.number == number}
    expected = {
        f"PP-{number}": {f"/{d.id}/" for d in pp if d.number == number},
        f"pp-{number}-{year}": {f"/{target.id}/"},
        f"第{number}号决议": same_number,
        f"Res {number}": same_number,
    }
    with served(site) as url:
        context = browser.new_context(base_url=url)
        for query, ids in expected.items():
            page = context.new_page()
            page.goto("/")
            shown = search(page, query)  # the first RESULTS_SHOWN, the rest behind "more"
            assert len(shown) >= min(len(ids), RESULTS_SHOWN), query
            assert set(shown[: len(ids)]) <= ids, query
            page.close()
        context.close()
