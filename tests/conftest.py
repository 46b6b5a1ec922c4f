"""Shared fixtures: the seed documents, parsed once per test session."""

from __future__ import annotations

import gzip
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, sync_playwright

from benchmarks.bench import CHROMIUM, CHROMIUM_FLAGS, served
from generator.build import Options, build, build_from
from generator.model import Clause, Document
from generator.parse import Parsed, ParsedFile, parse_sources
from generator.progress import Stages
from generator.read import Source, read_sources

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "content" / "sources"
GOLDEN = Path(__file__).parent / "golden"


def seed(prefix: str) -> Path:
    """The seed file whose name starts with ``prefix`` (``"000"``)."""
    (path,) = SOURCES.glob(f"{prefix}_*.txt")
    return path


def parse_paths(*paths: Path, workers: int = 1) -> Parsed:
    """The read and parse stages on source files and folders."""
    sources, unreadable = read_sources(list(paths))
    parsed = parse_sources(sources, workers)
    parsed.errors[:0] = unreadable
    return parsed


def build_documents(documents: list[Document], folder: Path) -> Path:
    """The site of these documents (as if parsed from one file), built into ``folder``."""
    parsed = Parsed([ParsedFile(Source(folder / "sources.txt", b""), documents, [])], [])
    options = Options([], folder / "yaml", folder / "site", folder / "work", fresh=True)
    build_from(parsed, options, Stages(None))
    return options.site


@pytest.fixture(scope="session")
def corpus() -> Parsed:
    return parse_paths(SOURCES)


@pytest.fixture(scope="session")
def docs(corpus: Parsed) -> dict[str, Document]:
    return {document.id: document for document in corpus.documents}


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from the seeds, once per test session."""
    work = tmp_path_factory.mktemp("work")
    registry = work / "published.txt"  # a copy: the build adds to it
    shutil.copy(ROOT / "content" / "published.txt", registry)
    # As if a parser had once published considering-b-2 of Res 140's proposal to PP-18
    # (the export's second b) as considering-b2: the site keeps that anchor as an alias.
    line = "pp-140-2018-eur-48a1-9/#considering-b-2\t"
    (shown,) = [x for x in registry.read_text().splitlines() if x.startswith(line)]
    with registry.open("a") as file:
        file.write(shown.replace("considering-b-2", "considering-b2") + "\n")
    options = Options(
        [SOURCES], work / "yaml", work / "site", work / "build", fresh=True, registry=registry
    )
    assert build(options, Stages(None))
    return options.site


def page(site: Path, path: str) -> str:
    """The HTML of the page served at ``/<path>/``."""
    return (site / path / "index.html").read_text(encoding="utf-8")


def walk_clauses(clauses: tuple[Clause, ...]) -> list[Clause]:
    """Every clause in document order, nested ones after their parent."""
    found: list[Clause] = []
    for clause in clauses:
        found.append(clause)
        found.extend(walk_clauses(clause.clauses))
    return found


def clause(document: Document, anchor: str) -> Clause:
    """The clause of ``document`` with this anchor."""
    for section in document.sections:
        for found in walk_clauses(section.clauses):
            if found.anchor == anchor:
                return found
    raise KeyError(anchor)


def indexed_urls(site: Path) -> set[str]:
    """The page of each record in the Pagefind bundle (a fragment is gzipped JSON after a tag)."""
    urls = set()
    for fragment in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        urls.add(json.loads(data)["url"])
    return urls


def descendants(pid: int) -> set[int]:
    """The processes below ``pid``, read from /proc (each stat's 4th field is its parent)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # gone meanwhile
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier}
        found |= frontier
    return found


# Browser tests (test_browser*.py): the built site served on a loopback port, and
# Debian's Chromium driven by Playwright (bin/_browser.sh installs it), once per module.
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


def serious_violations(page: Page, context: str | None = None) -> list[str]:
    """What axe finds serious or critical on the page (or in ``context``, a selector):
    each rule with the first nodes it names, so that a failure says where."""
    found = Axe().run(page, context=context).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
        for v in found
        if v["impact"] in ("serious", "critical")
    ]
