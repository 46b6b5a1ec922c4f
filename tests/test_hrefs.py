"""An href check over the whole built site: every internal href and #anchor resolves."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

BASE = "http://site.test/"


class PageHrefs(HTMLParser):
    """The ids a page defines and the URLs it links to (href and src)."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("id", "name") and value:
                self.ids.add(value)
            if name in ("href", "src") and value:
                self.urls.append(value)


def read_pages(site: Path) -> dict[str, PageHrefs]:
    pages = {}
    for html in site.rglob("*.html"):
        links = PageHrefs()
        links.feed(html.read_text(encoding="utf-8"))
        pages[html.relative_to(site).as_posix()] = links
    return pages


def served_file(site: Path, url: str) -> str | None:
    """The file a site URL is served from, relative to the site, or None."""
    path = unquote(urlsplit(url).path).removeprefix("/")
    for candidate in (path, f"{path.rstrip('/')}/index.html".lstrip("/")):
        if candidate and (site / candidate).is_file():
            return candidate
    return None


def broken_links(site: Path) -> list[str]:
    pages = read_pages(site)
    broken = []
    for name, links in pages.items():
        page_url = urljoin(BASE, name.removesuffix("index.html"))
        for link in links.urls:
            url = urljoin(page_url, link)
            if not url.startswith(BASE):
                continue  # external: checked by test_site (no third-party request)
            target = served_file(site, url.removeprefix(BASE))
            fragment = unquote(urlsplit(url).fragment)
            if target is None:
                broken.append(f"{name}: {link} (no such file)")
            elif fragment and target.endswith(".html") and fragment not in pages[target].ids:
                broken.append(f"{name}: {link} (no id {fragment!r})")
    return broken


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    assert broken_links(site) == []


def test_the_check_finds_a_broken_anchor_and_a_missing_page(tmp_path: Path) -> None:
    page = tmp_path / "pp-140-2022-eur-44a15-1" / "index.html"
    page.parent.mkdir()
    page.write_text(
        '<a href="#resolves-99">x</a><a id="ok" href="#ok">y</a><a href="../nowhere/">z</a>',
        encoding="utf-8",
    )
    assert broken_links(tmp_path) == [
        "pp-140-2022-eur-44a15-1/index.html: #resolves-99 (no id 'resolves-99')",
        "pp-140-2022-eur-44a15-1/index.html: ../nowhere/ (no such file)",
    ]
