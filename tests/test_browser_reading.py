"""Reading and citing a document in Chromium, at a desktop's width and a phone's, in
both colour schemes: the outline, a permalink's context, the citation on the
clipboard, clause tools that take no room, the title block and the measure."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from .test_browser import ARTIFACTS

PROPOSAL = "/pp-140-2022-eur-44a15-1/"
WIDTHS = (1280, 390)
SCHEMES = ("light", "dark")


@pytest.fixture(params=[(w, s) for w in WIDTHS for s in SCHEMES], ids=lambda p: f"{p[0]}-{p[1]}")
def reader(request: pytest.FixtureRequest, browser: Browser, base_url: str) -> Iterator[Page]:
    width, scheme = request.param
    context = browser.new_context(
        base_url=base_url,
        viewport={"width": width, "height": 900},
        color_scheme=scheme,
        has_touch=width < 600,
    )
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page = context.new_page()
    page.on("pageerror", lambda error: print(f"page error: {error}"))
    yield page
    context.close()


def width_of(page: Page) -> int:
    return int(page.evaluate("innerWidth"))


def shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    scheme = page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    page.screenshot(
        path=ARTIFACTS / f"reading-{name}-{width_of(page)}-{'dark' if scheme else 'light'}.png"
    )


def test_a_permalink_lands_with_its_context_and_nothing_covering_it(reader: Page) -> None:
    reader.goto(f"{PROPOSAL}#resolves-6-i")
    context = reader.locator("#resolves-6-i > .clause-context")
    assert context.inner_text() == "做出决议 › 6 › i)"
    assert context.locator("a").evaluate_all("links => links.map(a => a.hash)") == [
        "#resolves",
        "#resolves-6",
    ]
    box = reader.locator("#resolves-6-i").bounding_box()
    header = reader.locator(".md-header").bounding_box()
    assert box and header and box["y"] >= header["y"] + header["height"]  # not under the header
    for cover in (".md-top", ".outline-toggle"):
        found = reader.locator(cover)
        if found.count() and found.is_visible():
            other = found.bounding_box()
            assert other and (other["y"] > box["y"] + 60 or other["y"] + other["height"] < box["y"])
    shot(reader, "permalink")


def test_an_anchor_not_in_the_document_says_so(reader: Page) -> None:
    reader.goto(f"{PROPOSAL}#resolves-99")
    note = reader.locator(".anchor-missing")
    assert note.is_visible() and "本文件中没有条款“resolves-99”" in note.inner_text()
    assert note.locator("a").get_attribute("href") == "../works/pp-140/"
    reader.goto(f"{PROPOSAL}#resolves-6")  # moving on clears it
    assert reader.locator(".anchor-missing").count() == 0


def test_the_copy_button_puts_a_citation_and_the_url_on_the_clipboard(
    reader: Page,
    base_url: str,
) -> None:
    reader.goto(PROPOSAL)
    clause = reader.locator("#resolves-6-i")
    if width_of(reader) < 600:
        clause.locator(".clause-text").tap()  # no hover on a touch screen: a tap shows the tools
    else:
        clause.hover()
    button = clause.locator(":scope > .clause-tools .copy-link")
    assert button.evaluate("e => getComputedStyle(e.parentElement).opacity") == "1"
    button.click()
    reader.wait_for_function(
        "document.querySelector('.copy-status').textContent.startsWith('已复制')"
    )
    url = f"{base_url}{PROPOSAL}#resolves-6-i"
    citation = "全权代表大会第140号决议（2018年，迪拜）修改提案 EUR/44A15/1，做出决议 6 i)"
    assert reader.evaluate("navigator.clipboard.readText()") == f"{citation}\n{url}"
    html = reader.evaluate(
        "navigator.clipboard.read().then(items => items[0].getType('text/html'))"
        ".then(blob => blob.text())"
    )
    assert f'<a href="{url}">{citation}</a>' in html


def test_clause_tools_take_no_room_and_are_reachable_by_keyboard(reader: Page) -> None:
    reader.goto(PROPOSAL)
    tools = reader.locator("#recalling-a > .clause-tools")
    assert tools.evaluate("e => getComputedStyle(e).position") == "absolute"
    assert tools.evaluate("e => getComputedStyle(e).opacity") == "0"
    # The gaps between the clauses of a section are even: no hidden button wraps a line.
    gaps = reader.evaluate(
        "[...document.querySelectorAll('#recalling > ol > li.clause')].map(e => e.getBoundingClientRect())"
        ".map((r, i, all) => i ? r.top - all[i - 1].bottom : null).slice(1)"
    )
    assert max(gaps) - min(gaps) < 1, gaps
    reader.focus("#recalling-a .permalink")
    assert tools.evaluate("e => getComputedStyle(e).opacity") == "1"


def test_the_outline_follows_the_reader(reader: Page) -> None:
    reader.goto(f"{PROPOSAL}#resolves-6")
    toc = reader.locator(".md-sidebar--secondary [data-md-component=toc]")
    if width_of(reader) < 960:  # Material hides its sidebar: a button opens it
        assert not toc.is_visible()
        reader.get_by_role("button", name="目录").click()
    sections = toc.locator(":scope > .md-nav__item > a")
    assert sections.all_inner_texts()[:3] == ["忆及", "考虑到", "进一步考虑到"]
    active = toc.locator(".md-nav__link--active")
    reader.wait_for_function(
        "document.querySelector('.md-sidebar--secondary .md-nav__link--active') !== null"
    )
    # Material marks the last heading scrolled past: 6 itself or the clause before it.
    assert active.first.get_attribute("href") in ("#resolves-5", "#resolves-6")
    # The clauses of the section being read are listed, not those of the others.
    assert toc.locator("a[href='#resolves-6']").is_visible()
    assert not toc.locator("a[href='#recalling-a']").is_visible()
    shot(reader, "outline")
    toc.locator("a[href='#recalling']").click()
    reader.wait_for_function("location.hash === '#recalling'", timeout=5000)
    if width_of(reader) < 960:
        assert not toc.is_visible()  # it closes once a section is chosen


def test_the_title_block_and_the_measure(reader: Page) -> None:
    reader.goto(PROPOSAL)
    assert reader.inner_text(".title-block .title-status") == "提案（MOD） 全权代表大会"
    h1, title = (
        float(reader.eval_on_selector(s, "e => parseFloat(getComputedStyle(e).fontSize)"))
        for s in (".title-block h1", ".title-block .document-title")
    )
    assert title > h1  # the resolution's own title is the largest line
    # About 38 Chinese characters a line where the screen is wide enough.
    per_line = reader.eval_on_selector(
        ".document-body .clause-text",
        "e => e.closest('.document-body').clientWidth / parseFloat(getComputedStyle(e).fontSize)",
    )
    assert (35 <= per_line <= 40) if width_of(reader) > 900 else per_line < 35
    weights = [
        reader.eval_on_selector(f"#{s} .section-heading", "e => getComputedStyle(e).fontWeight")
        for s in ("recalling", "resolves")
    ]
    assert weights == ["400", "700"]  # the preamble says why, the operative part what
    shot(reader, "title")
