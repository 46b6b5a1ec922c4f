"""What the site writes from untrusted text: front matter that reads back, escaped
titles, spreadsheet-safe CSV, and no root-absolute link (issue 15, items 1, 3, 11)."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from generator.api import files, spreadsheet_text
from generator.build import CONFIG, Options, build
from generator.html import escape
from generator.link import link
from generator.names import title_line
from generator.progress import Stages
from generator.site import SiteError, build_site

from .conftest import page, parse_paths

# The reproduction of item 1: a character above U+FFFF, and Markdown link syntax
# that Python-Markdown turned into a link when the page lost its front matter.
EMOJI_TITLE = "😀 Report on ICT [click here](javascript:alert(document.domain)) 2024"
EMOJI_REPORT = f"{EMOJI_TITLE}\n\n第一节\n1\t文本。\n"


def write_sources(folder: Path, texts: dict[str, str]) -> Path:
    """A sources folder in ``folder`` with files of these names and texts."""
    sources = folder / "sources"
    sources.mkdir()
    for name, text in texts.items():
        (sources / name).write_text(text, encoding="utf-8")
    return sources


def build_sources(sources: Path) -> Options:
    """The whole build (read → parse → … → mkdocs) of a sources folder, beside it; the
    site is ``options.site``, the docs folder ``options.build_dir / "docs"``."""
    folder = sources.parent
    options = Options([sources], folder / "yaml", folder / "site", folder / "build", fresh=True)
    assert build(options, Stages(None))
    return options


@pytest.fixture(scope="module")
def emoji_build(tmp_path_factory: pytest.TempPathFactory) -> Options:
    return build_sources(
        write_sources(tmp_path_factory.mktemp("emoji"), {"950_x.zh.txt": EMOJI_REPORT})
    )


def test_an_astral_title_reads_back_from_the_front_matter(emoji_build: Options) -> None:
    written = (emoji_build.build_dir / "docs" / "report-950.md").read_text(encoding="utf-8")
    body, meta = get_data(written)  # as mkdocs reads the page
    assert meta["title"] == EMOJI_TITLE
    assert meta["prerendered"] is True
    assert body.startswith('<header class="title-block"')  # the front matter is not body
    assert isinstance(meta["outline"], list)  # nor the outline, read back too


def test_an_astral_title_publishes_no_link(emoji_build: Options) -> None:
    html = page(emoji_build.site, "report-950")
    assert 'href="javascript:' not in html
    assert f"<title>{EMOJI_TITLE} - " in html
    assert f"<h1>{EMOJI_TITLE}</h1>" in html
    assert "prerendered: true" not in html


def test_a_page_whose_front_matter_mkdocs_cannot_read_fails_the_build_naming_it(
    emoji_build: Options, tmp_path: Path
) -> None:
    """The page as the old template wrote it (``tojson``: a surrogate pair), which
    mkdocs published without its front matter and without a word."""
    docs = shutil.copytree(emoji_build.build_dir / "docs", tmp_path / "docs")
    target = docs / "report-950.md"
    text = target.read_text(encoding="utf-8")
    old = text.replace(text.splitlines()[1], f"title: {json.dumps(EMOJI_TITLE)}", 1)
    assert "\\ud83d\\ude00" in old
    assert get_data(old)[1] == {}  # what mkdocs makes of it: no meta, no error
    target.write_text(old, encoding="utf-8")
    with pytest.raises(SiteError) as error:
        build_site(docs, tmp_path / "site", CONFIG)
    assert "report-950.md: its front matter is not YAML mkdocs can read" in error.value.messages


def test_a_title_is_escaped_where_the_theme_writes_it_unescaped(tmp_path: Path) -> None:
    """mkdocs-material writes the front matter's title into ``<title>`` and the header
    without escaping it: the title there is HTML, escaped by the generator."""
    title = "Report </title><script>alert(1)</script> &lt;b&gt; 2024"
    options = build_sources(
        write_sources(tmp_path, {"951_x.zh.txt": f"{title}\n\n第一节\n1\t文本。\n"})
    )
    html = page(options.site, "report-951")
    assert "<script>alert(1)" not in html
    assert f"<title>{escape(title)} - " in html
    assert html.count(escape(title)) == 4  # <title>, the header, <h1> and the title paragraph


# The reproduction of item 3: a section heading that a spreadsheet runs as a formula.
FORMULA_HEADING = '=HYPERLINK("//127.0.0.1","x")'


def test_a_heading_that_is_a_formula_is_text_in_matrix_csv(tmp_path: Path) -> None:
    source = tmp_path / "952_x.txt"
    clause = "1\t为推动实施WSIS行动方面C5做出的贡献，支持可持续发展目标9。"
    source.write_text(f"Report on ICT 2024\n\n{FORMULA_HEADING}\n{clause}\n", encoding="utf-8")
    parsed = parse_paths(source)
    rows = list(csv.reader(io.StringIO(files(link(parsed.documents))["matrix.csv"])))
    assert rows[1] == [
        "C5",
        "9",
        "report-952",
        "report-952",
        f"'{FORMULA_HEADING} 1",
        "/report-952/#para-1",
    ]


def test_every_cell_that_would_start_a_formula_gets_a_quote() -> None:
    cells = ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "9", "D.2-3", "/report-003/"]
    assert [spreadsheet_text(cell) for cell in cells] == [
        "'=1+1",
        "'+1",
        "'-1",
        "'@SUM(A1)",
        "'\t=1",
        "'\r=1",
        "9",
        "D.2-3",
        "/report-003/",
    ]


class RootAbsolute(HTMLParser):
    """The references of a page that start from the host's root: attributes (ARIA
    text aside) whose value starts with ``/``, and mkdocs-material's ``"base"``."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.found: list[str] = re.findall(r'"base": "/[^"]*"', html)
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and value.startswith("/") and not name.startswith("aria-"):
                self.found.append(f'{name}="{value}"')


def test_no_page_refers_to_the_host_root(site: Path) -> None:
    """The site works from any folder (README): 404.html too, whose links mkdocs
    writes from ``/`` when ``site_url`` is unset (see ``mkdocs_hooks``)."""
    pages = {html.relative_to(site).as_posix(): html for html in site.rglob("*.html")}
    assert "404.html" in pages
    found = {name: RootAbsolute(html.read_text("utf-8")).found for name, html in pages.items()}
    assert {name: refs for name, refs in found.items() if refs} == {}


def test_the_404_page_has_the_site_style_from_where_it_is(site: Path) -> None:
    html = (site / "404.html").read_text(encoding="utf-8")
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert any(href.endswith("/resolutions.css") for href in stylesheets)
    assert all((site / href).is_file() for href in stylesheets)
    assert 'class="md-header' in html


def test_the_root_absolute_check_finds_a_link_and_the_config_base() -> None:
    html = (
        '<link href="/assets/main.css"><input aria-keyshortcuts="/ s">'
        '<a href="./about/">x</a><script>{"base": "/", "x": "/y"}</script>'
    )
    assert RootAbsolute(html).found == ['"base": "/"', 'href="/assets/main.css"']


# Pieces of fuzzed titles and headings: any character but a surrogate (the files are
# UTF-8) or a line end, and what YAML, Markdown or HTML would read as syntax.
SYNTAX = [
    *"😀𠮷:#-'\"|>&*!%@`\t\x0c\x85\u2028\ufeff\x1b",
    ": ",
    " #",
    "- ",
    "---",
    "...",
    "[x](javascript:alert(1))",
    "<script>alert(1)</script>",
    "</title>",
    "&lt;b&gt;",
    "{{ x }}",
]
PIECE = st.sampled_from(SYNTAX) | st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters="\r\n"), min_size=1, max_size=6
)
LINE = st.lists(PIECE, min_size=1, max_size=6).map("".join)
REPORTS = 20  # per build: a build of a few documents takes half a second, of twenty hardly more


@settings(max_examples=10, deadline=None, derandomize=True, database=None)
@given(st.lists(st.tuples(LINE, LINE), min_size=REPORTS, max_size=REPORTS))
def test_any_title_and_heading_build_into_an_escaped_page(
    tmp_path_factory: pytest.TempPathFactory, lines: list[tuple[str, str]]
) -> None:
    """Report files, each a fuzzed title line and a fuzzed section heading, through the
    whole build: every page keeps its front matter, and shows its text escaped."""
    texts = {f"9{n:02}_fuzz.txt": f"{t}\n\n{h}\n1\t文本。\n" for n, (t, h) in enumerate(lines)}
    sources = write_sources(tmp_path_factory.mktemp("fuzz"), texts)
    parsed = parse_paths(sources)
    for error in parsed.errors:  # a file the parser rejects says why; the others are built
        assert Path(error.path).name in texts and error.message, error
        (sources / Path(error.path).name).unlink()
    options = build_sources(sources)
    for document in parsed.documents:
        title = escape(title_line(document))
        written = options.build_dir / "docs" / f"{document.id}.md"
        assert get_data(written.read_text(encoding="utf-8"))[1]["title"] == title
        html = page(options.site, document.id)
        # The front matter's outline, read back: the table of contents lists the sections.
        assert ('data-md-component="toc"' in html) == bool(document.sections)
        assert "prerendered: true" not in html
        assert f"<title>{title} - " in html
        assert f"<h1>{title}</h1>" in html
        for section in document.sections:
            if section.heading:
                assert f'>{escape(section.heading)}<a class="permalink"' in html
        assert 'href="javascript:' not in html
