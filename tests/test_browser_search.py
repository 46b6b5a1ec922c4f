"""Search in Chromium: the box in the header, its panel, and the results page (/search/),
at 1280 and 390 px wide, in the light and the dark colour scheme.

What each query should find is read from the parsed seeds (the model), not written
here: the hits on the results page are compared with every clause the model says
names the thing. Screenshots are saved in build/test-artifacts/search-*.png.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from playwright.sync_api import Browser, Page

from benchmarks.bench import served
from generator.html import without_footnotes
from generator.link import places
from generator.model import Clause, Document, Outcome, Revision
from generator.names import split_work, title_line
from generator.parse import Parsed
from generator.search import (
    action_line_key,
    milestone_key,
    sdg_key,
    sdg_target_key,
    work_key,
)
from generator.tables import BODY_WORDS

from .conftest import ROOT, build_documents, serious_violations

ARTIFACTS = ROOT / "build" / "test-artifacts"
VIEWS = [(1280, "light"), (1280, "dark"), (390, "light"), (390, "dark")]

RESULT = ".site-search__result"
TITLE = ".site-search__title"
CLAUSE_LINK = ".site-search__clause > a"


def open_page(browser: Browser, base_url: str, width: int, scheme: str) -> Page:
    context = browser.new_context(base_url=base_url, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    page.on("pageerror", lambda error: print(f"page error: {error}"))
    return page


@pytest.fixture(params=VIEWS, ids=[f"{w}-{s}" for w, s in VIEWS])
def page(request: pytest.FixtureRequest, browser: Browser, base_url: str) -> Iterator[Page]:
    """A page at each width, in each colour scheme; no request may leave the site."""
    width, scheme = request.param
    page = open_page(browser, base_url, width, scheme)
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(base_url) else outside.append(r.url))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    page.context.close()
    assert outside == [], "requests left the site"
    assert errors == [], errors


def view_name(page: Page) -> str:
    scheme = page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    return f"{page.viewport_size['width']}-{'dark' if scheme else 'light'}"  # type: ignore[index]


def type_query(page: Page, query: str) -> None:
    """Type in the header's box and wait for its answer."""
    page.keyboard.press("/")  # the shortcut focuses the box
    page.keyboard.type(query)
    page.wait_for_function("document.querySelector('.site-search__status').textContent !== ''")
    page.wait_for_timeout(300)


def path_and_hash(href: str) -> str:
    url = urlsplit(href)
    return url.path + (f"#{url.fragment}" if url.fragment else "")


def links(page: Page, selector: str) -> list[str]:
    return [
        path_and_hash(h) for h in page.locator(selector).evaluate_all("a => a.map(e => e.href)")
    ]


def results_page(page: Page, query: str, **filters: str) -> None:
    """The results page for a query, every document and every hit shown."""
    params = "&".join(f"{k}={quote(v)}" for k, v in {"q": query, **filters}.items())
    page.goto(f"/search/?{params}")
    page.wait_for_function(
        "document.querySelector('.search-page__status').textContent.startsWith('找到')"
        " || document.querySelector('.search-page__status').textContent.startsWith('未找到')"
    )
    more = page.locator(".search-page__more")
    while more.is_visible():
        count = page.locator(RESULT).count()
        more.click()
        page.wait_for_function(f"document.querySelectorAll('{RESULT}').length > {count}")
    buttons = page.locator(".site-search__more-clauses:visible")
    while buttons.count():
        buttons.first.click()  # which hides it, its clauses shown


def hits_by_model(corpus: Parsed, names: Callable[[Clause | Outcome], bool]) -> set[str]:
    """Every clause or outcome of the Chinese documents that names the thing, as a link:
    a Chinese page's box searches the Chinese documents (the English ones have their
    own index, tests/test_browser_languages.py)."""
    return {
        f"/{d.id}/#{place.anchor}"
        for d in corpus.documents
        if d.language == "zh"
        for place, part in places(d)
        if names(part)
    }


def cites(number: str) -> Callable[[Clause | Outcome], bool]:
    return lambda part: (
        isinstance(part, Clause) and any(split_work(ref.target)[1] == number for ref in part.refs)
    )


NAMES: dict[str, Callable[[Clause | Outcome], bool]] = {
    "WSIS+20": lambda part: bool(re.search(r"WSIS[)）]?\+20(?![0-9])", part.text)),
    "C5": lambda part: "C5" in part.action_lines,
    "SDG 5": lambda part: 5 in part.sdgs,
    "5.b": lambda part: isinstance(part, Clause) and "5.b" in part.sdg_targets,
    "70/125": lambda part: (
        isinstance(part, Clause) and any(ref.target == "unga-70/125" for ref in part.refs)
    ),
    "Res 140": cites("140"),
}


@pytest.mark.parametrize("query", list(NAMES))
def test_a_name_finds_every_clause_naming_it_and_nothing_else(
    page: Page, corpus: Parsed, query: str
) -> None:
    """WSIS+20, C5 (named alone or in 行动方面C1-C11), SDG 5 (in 目标4、5、9和17), 5.b,
    70/125, Res 140: the results page lists exactly the clauses the model says name it."""
    expected = hits_by_model(corpus, NAMES[query])
    assert expected
    results_page(page, query)
    assert set(links(page, CLAUSE_LINK)) == expected
    if query == "WSIS+20":  # where the text names it, it is marked
        marked = page.locator(".site-search__excerpt mark").all_inner_texts()
        assert "".join(marked).count("WSIS+20") >= len(expected)


def test_a_resolution_by_its_number_comes_before_what_cites_it(page: Page) -> None:
    results_page(page, "Res 140")
    titles = links(page, TITLE)
    assert titles[:2] == ["/pp-140-2022-eur-44a15-1/", "/pp-140-2018-eur-48a1-9/"]
    assert all("#" in title for title in titles[2:])  # the rest lead to a citing clause


def test_a_latin_word_is_not_found_in_labels(page: Page) -> None:
    """ "gender" found 11 documents through the label g); labels are no words."""
    page.goto("/")
    type_query(page, "gender")
    assert page.inner_text(".site-search__status") == "未找到“gender”"
    assert page.locator(RESULT).count() == 0


def test_a_chinese_phrase_is_found_as_a_phrase(page: Page, corpus: Parsed) -> None:
    """数字鸿沟, and not 数字 in 数字化 (the clauses with only that are not hits)."""
    expected = hits_by_model(corpus, lambda part: "数字鸿沟" in without_footnotes(part.text))
    near_misses = hits_by_model(
        corpus, lambda part: "数字化" in part.text and "数字鸿沟" not in part.text
    )
    assert near_misses
    results_page(page, "数字鸿沟")
    assert set(links(page, CLAUSE_LINK)) == expected
    excerpts = page.locator(".site-search__excerpt")
    for index in range(excerpts.count()):
        excerpt = excerpts.nth(index)
        assert "数字鸿沟" in excerpt.inner_text()
        assert set(excerpt.locator("mark").all_inner_texts()) <= {"数字", "鸿沟"}
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("scrollTo(0, 0)")  # the header, fixed, where it is at the top
    page.screenshot(path=ARTIFACTS / f"search-page-{view_name(page)}.png", full_page=True)


def parts_named(document: Document, anchor: str | None, phrases: list[str]) -> int:
    """How many of the phrases a clause has (``anchor``), or the document's titles (None)."""
    if anchor is None:
        text = title_line(document) + document.title
    else:
        text = next(p.text for p, _ in places(document) if p.anchor == anchor)
    return sum(phrase in text for phrase in phrases)


def test_enter_and_a_click_open_the_best_clause(
    page: Page, base_url: str, docs: dict[str, Document]
) -> None:
    """The best hit: the clause with most of the query (数字鸿沟 and 妇女 together)."""
    phrases = ["数字鸿沟", "妇女"]
    page.goto("/")
    type_query(page, " ".join(phrases))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"search-panel-{view_name(page)}.png")
    titles = links(page, TITLE)
    for title in titles:
        document = docs[title.split("/")[1]]
        anchor = title.split("#")[1] if "#" in title else None
        anchors = [None, *(p.anchor for p, _ in places(document))]
        most = max(parts_named(document, a, phrases) for a in anchors)
        assert parts_named(document, anchor, phrases) == most, title
    assert "/pp-140-2022-eur-44a15-1/#recognizing-c" in titles  # 妇女和儿童缩小数字鸿沟
    page.fill(".site-search__input", "")
    type_query(page, "数字鸿沟")
    best = links(page, TITLE)[0]
    assert "#" in best
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base_url}{best}")
    clause = f"#{best.split('#')[1]}"
    page.wait_for_function(f"document.querySelector('{clause}').getBoundingClientRect().top < 500")
    assert "数字鸿沟" in page.inner_text(clause)
    page.goto("/")
    type_query(page, "数字鸿沟")
    page.locator(TITLE).first.click()
    page.wait_for_url(f"{base_url}{best}")


def test_enter_before_the_results_open_still_opens_the_best_clause(
    page: Page, base_url: str
) -> None:
    page.goto("/")
    page.keyboard.press("/")
    page.keyboard.type("WSIS+20")
    page.keyboard.press("Enter")  # before the box has searched
    page.wait_for_url(re.compile(r".*/#.+"))
    assert urlsplit(page.url).path in ("/report-002/", "/pp-140-2022-eur-44a15-1/")
    assert urlsplit(page.url).fragment


def test_every_hit_of_a_document_is_reachable_from_the_panel(page: Page, corpus: Parsed) -> None:
    expected = hits_by_model(corpus, lambda part: "数字鸿沟" in without_footnotes(part.text))
    page.goto("/")
    type_query(page, "数字鸿沟")
    first = page.locator(RESULT).first
    document = links(page, TITLE)[0].split("#")[0]
    of_document = {hit for hit in expected if hit.startswith(document)}
    assert len(of_document) > 3  # more than the panel shows at first
    assert first.locator(f"{CLAUSE_LINK}:visible").count() == 3
    more = first.locator(".site-search__more-clauses")
    assert more.inner_text() == f"另有 {len(of_document) - 3} 处条款"
    more.click()
    shown = first.locator(f"{CLAUSE_LINK}:visible").evaluate_all("a => a.map(e => e.href)")
    assert {path_and_hash(h) for h in shown} == of_document


def test_the_panel_leads_to_the_results_page_with_its_query_and_filters(
    page: Page, base_url: str
) -> None:
    page.goto("/")
    type_query(page, "信息社会")
    page.locator(".site-search__filters summary").click()
    page.get_by_label("WTSA").check()
    page.wait_for_timeout(600)
    assert links(page, TITLE) == ["/wtsa-75-2022/"]
    page.get_by_role("link", name="在搜索页查看全部结果").click()
    page.wait_for_url(re.compile(r".*/search/\?.*"))
    page.locator(RESULT).first.wait_for()
    assert page.input_value("input[name=q]") == "信息社会"
    assert page.input_value("select[name=body]") == "wtsa"
    assert parse_qs(urlsplit(page.url).query) == {"q": ["信息社会"], "body": ["wtsa"]}
    assert links(page, TITLE) == ["/wtsa-75-2022/"]


def test_the_results_page_is_a_link_to_share_and_to_filter(page: Page, base_url: str) -> None:
    results_page(page, "国际电联")
    assert page.locator(RESULT).count() == 13  # five at a time, behind "更多文件"
    assert page.inner_text(".search-page__status") == "找到 13 份文件"
    page.select_option("select[name=status]", "current")
    page.wait_for_function("location.search.includes('status=current')")
    page.wait_for_timeout(500)
    shown = links(page, TITLE)
    assert {title.split("#")[0] for title in shown} == {
        "/wtsa-75-2022/",
        "/report-002/",
        "/report-003/",
    }
    shared = page.url
    page.goto(shared)
    page.locator(RESULT).first.wait_for()
    assert page.input_value("select[name=status]") == "current"
    assert {title.split("#")[0] for title in links(page, TITLE)} == {
        "/wtsa-75-2022/",
        "/report-002/",
        "/report-003/",
    }
    page.fill("input[name=q]", "WSIS+20")
    page.wait_for_function("location.search.includes('WSIS')")
    assert parse_qs(urlsplit(page.url).query) == {"q": ["WSIS+20"], "status": ["current"]}
    assert page.title().startswith("“WSIS+20” - 搜索")  # as a bookmark or the history names it


def test_the_results_page_has_no_serious_accessibility_violations(page: Page) -> None:
    results_page(page, "数字鸿沟")
    serious = serious_violations(page)
    assert serious == [], "\n".join(serious)


def test_the_open_panel_has_no_serious_accessibility_violations(page: Page) -> None:
    page.goto("/")
    type_query(page, "数字鸿沟")
    assert serious_violations(page, ".site-search") == []


def test_search_colours_are_the_schemes_own(page: Page) -> None:
    """The panel and the results take the page's colours (Material's custom properties),
    whichever the scheme: no white panel on a dark page."""
    page.goto("/")
    type_query(page, "数字鸿沟")
    colours = page.evaluate(
        """() => {
          const css = e => getComputedStyle(document.querySelector(e));
          return {body: getComputedStyle(document.body).backgroundColor,
                  drawer: css('.site-search__drawer').backgroundColor,
                  input: css('.site-search__input').backgroundColor,
                  text: getComputedStyle(document.body).color,
                  drawerText: css('.site-search__drawer').color};
        }"""
    )
    assert colours["drawer"] == colours["body"] == colours["input"]
    assert colours["drawerText"] == colours["text"]


@pytest.fixture(scope="module")
def revised_site(corpus: Parsed, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds and an older revision of WTSA Resolution 75 (2016), its text the same."""
    newer = next(d for d in corpus.documents if d.id == "wtsa-75-2022")
    older = replace(newer, id="wtsa-75-2016", revision=Revision(2016, "哈马马特"))
    return build_documents([*corpus.documents, older], tmp_path_factory.mktemp("revised"))


@pytest.mark.parametrize(("width", "scheme"), VIEWS, ids=[f"{w}-{s}" for w, s in VIEWS])
def test_a_result_says_its_status_and_ranks_by_it(
    browser: Browser, revised_site: Path, width: int, scheme: str
) -> None:
    """The same text in the newest revision and in an older one: the newest first, the
    older labelled; proposals labelled; the status a filter."""
    with served(revised_site) as url:
        page = open_page(browser, url, width, scheme)
        results_page(page, "电信标准化")
        titles = [title.split("#")[0] for title in links(page, TITLE)]
        assert titles.index("/wtsa-75-2022/") < titles.index("/wtsa-75-2016/")
        headings = page.locator(".site-search__heading").evaluate_all(
            "hs => hs.map(h => [h.querySelector('a').href,"
            " (h.querySelector('.site-search__status-badge') || {}).textContent || ''])"
        )
        badges = {urlsplit(href).path: badge for href, badge in headings}
        assert badges["/wtsa-75-2022/"] == "" and badges["/wtsa-75-2016/"] == "有更新版本"
        assert all(badge == "提案" for title, badge in badges.items() if title.startswith("/pp-"))
        page.select_option("select[name=status]", "superseded")
        page.wait_for_function("location.search.includes('status=superseded')")
        page.wait_for_timeout(500)
        assert [title.split("#")[0] for title in links(page, TITLE)] == ["/wtsa-75-2016/"]
        page.context.close()


def test_the_box_reads_a_name_as_the_index_writes_its_key(browser: Browser, base_url: str) -> None:
    """theme/assets/search.js and generator/search.py spell the same keys: each way a
    query names a thing gives the key a clause naming it has; every word the parser
    reads as naming a body (tables.BODY_WORDS) names it in a query too."""
    queries = {
        "WSIS+20": milestone_key("WSIS", "20"),
        "C5": action_line_key("C5"),
        "行动方面C11": action_line_key("C11"),
        "SDG 5": sdg_key(5),
        "可持续发展目标17": sdg_key(17),
        "具体目标5.b": sdg_target_key("5.b"),
        "SDG 17.8": sdg_target_key("17.8"),
        "5.b": sdg_target_key("5.b"),
        "70/125": work_key("unga-70/125"),
        "A/RES/70/125": work_key("unga-70/125"),
        "联大第70/1号决议": work_key("unga-70/1"),
        "41C/27": work_key("unesco-41c/27"),
        "PP-140": work_key("pp-140"),
        "pp-140-2022": f"{work_key('pp-140')}2022",
        "Res 140": work_key("pp-140")[:7],  # type: ignore[index]
        "第140号决议": work_key("pp-140")[:7],  # type: ignore[index]
        "理事会第1332号决议": work_key("council-1332"),
    }
    queries |= {
        f"{word}第5号决议": work_key(f"{body}-5")
        for word, body in BODY_WORDS
        if body in ("pp", "wtsa", "wtdc", "itu-r", "council")
    }
    page = browser.new_page(base_url=base_url)
    page.goto("/")
    for query, key in queries.items():
        plan = page.evaluate("q => siteSearch.queryPlan(q)", query)
        found = plan["keys"] + ([plan["resolution"]] if plan["resolution"] else [])
        assert found == [key] and not plan["words"] and not plan["phrases"], (query, plan)
    page.close()
