"""The site built from the seed documents: a page per document, clause ids, escaping."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from mkdocs.exceptions import ConfigurationError

from generator.build import ParseReport, build_site
from generator.model import Clause, Section, walk_clauses


@pytest.fixture(scope="module")
def site(corpus: ParseReport, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    build_site(corpus.documents, out)
    return out


def test_every_document_has_a_page_with_every_clause_id(corpus: ParseReport, site: Path) -> None:
    for document in corpus.documents:
        page = (site / document.id / "index.html").read_text(encoding="utf-8")
        ids = set(re.findall(r' id="([^"]+)"', page))
        for section in document.sections:
            assert section.anchor in ids
            for clause in walk_clauses(section.clauses):
                assert clause.anchor in ids, (document.id, clause.anchor)


def test_pages_are_chinese_and_make_no_third_party_request(site: Path) -> None:
    page = (site / "pp-140-2022" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh"' in page
    assert not re.search(
        r'(?:src|href)="https?://(?!squidfunk\.github\.io/mkdocs-material/")', page
    )
    assert "fonts.googleapis" not in page


def test_renumbered_labels_show_the_old_one(site: Path) -> None:
    page = (site / "pp-140-2022" / "index.html").read_text(encoding="utf-8")
    assert re.search(
        r'id="recognizing-e">.*?e\)</span><span class="clause-old-label"[^>]*>（原a\)）', page
    )


def test_sup_proposal_says_proposed_for_abolition(site: Path) -> None:
    assert "提议废止本决议" in (site / "pp-185-2014" / "index.html").read_text(encoding="utf-8")


def test_document_text_is_escaped(corpus: ParseReport, tmp_path: Path) -> None:
    document = corpus.documents[0]
    evil = Clause(anchor="recalling-z", text="<script>alert(1)</script>", line=1, label="z")
    first = document.sections[0]
    poisoned = replace(document, sections=(replace(first, clauses=(*first.clauses, evil)),))
    build_site([poisoned], tmp_path / "site")
    page = (tmp_path / "site" / document.id / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page


def test_a_failed_build_leaves_the_previous_site(corpus: ParseReport, tmp_path: Path) -> None:
    site = tmp_path / "site"
    build_site(corpus.documents[:1], site)
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    broken = replace(corpus.documents[1], sections=(Section(anchor="x", heading="x", line=1),))
    with pytest.raises(ConfigurationError):
        build_site([broken], site, config=tmp_path / "missing.yml")
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before
