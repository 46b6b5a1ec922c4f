"""Shared fixtures: the seed documents, parsed once per test session."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from generator.build import ParseReport, build_site, parse_sources
from generator.model import Clause, Document

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "content" / "sources"
GOLDEN = Path(__file__).parent / "golden"


def seed(prefix: str) -> Path:
    """The seed file whose name starts with ``prefix`` (``"000"``)."""
    (path,) = SOURCES.glob(f"{prefix}_*.txt")
    return path


@pytest.fixture(scope="session")
def corpus() -> ParseReport:
    return parse_sources([SOURCES])


@pytest.fixture(scope="session")
def docs(corpus: ParseReport) -> dict[str, Document]:
    return {document.id: document for document in corpus.documents}


@pytest.fixture(scope="session")
def site(corpus: ParseReport, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from the seeds, once per test session."""
    out = tmp_path_factory.mktemp("site") / "site"
    build_site(corpus.documents, out, work=tmp_path_factory.mktemp("work"))
    return out


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
