"""The site built from the seed documents: a page per document, clause ids, escaping."""

from __future__ import annotations

import re
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from mkdocs.exceptions import ConfigurationError

import generator.build
from generator.link import Collection, places
from generator.model import Citation, Clause, Section
from generator.parse import Parsed

from .conftest import build_documents, page, walk_clauses


def test_every_document_has_a_page_with_every_clause_id(corpus: Parsed, site: Path) -> None:
    for document in corpus.documents:
        page = (site / document.id / "index.html").read_text(encoding="utf-8")
        ids = set(re.findall(r' id="([^"]+)"', page))
        for section in document.sections:
            assert section.anchor in ids
            for clause in walk_clauses(section.clauses):
                assert clause.anchor in ids, (document.id, clause.anchor)


def test_pages_are_chinese_and_make_no_third_party_request(site: Path) -> None:
    page = (site / "pp-140-2022-eur-44a15-1" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh"' in page
    assert not re.search(
        r'(?:src|href)="https?://(?!squidfunk\.github\.io/mkdocs-material/")', page
    )
    assert "fonts.googleapis" not in page


def test_renumbered_labels_show_the_old_one(site: Path) -> None:
    page = (site / "pp-140-2022-eur-44a15-1" / "index.html").read_text(encoding="utf-8")
    assert (
        '<li class="clause" id="recognizing-e"><span class="clause-label">'
        '<span class="edit edit-label" title="修改（编号）：a) → e)"><del>a)</del><ins>e)</ins>'
    ) in page


def test_sup_proposal_says_proposed_for_abolition(site: Path) -> None:
    assert "提议废止本决议" in (site / "pp-185-2018-eur-48a1-6" / "index.html").read_text(
        encoding="utf-8"
    )


def test_document_text_is_escaped(corpus: Parsed, tmp_path: Path) -> None:
    document = corpus.documents[0]
    cited = "第140号决议<b>"
    evil = Clause(
        anchor="recalling-z",
        text=f"<script>alert(1)</script>{cited}",
        line=1,
        label="<i>z",
        old_label="<u>y",
        refs=(Citation(target="pp-140", text=cited),),
    )
    first = document.sections[0]
    poisoned = replace(document, sections=(replace(first, clauses=(*first.clauses, evil)),))
    build_documents([poisoned], tmp_path)
    page = (tmp_path / "site" / document.id / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page
    assert ">第140号决议&lt;b&gt;</a>" in page  # a citation span is escaped too
    assert "&lt;i&gt;z" in page and "<del>&lt;u&gt;y" in page and "<i>z" not in page


def test_a_failed_build_leaves_the_previous_site(
    corpus: Parsed, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = build_documents(corpus.documents[:1], tmp_path)
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    broken = replace(corpus.documents[1], sections=(Section(anchor="x", heading="x", line=1),))
    monkeypatch.setattr(generator.build, "CONFIG", tmp_path / "missing.yml")
    with pytest.raises(ConfigurationError):
        build_documents([broken], tmp_path)
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before
    children = Path(f"/proc/self/task/{threading.get_native_id()}/children").read_text()
    assert children.split() == []  # Pagefind, started before mkdocs failed, is stopped


def clause_html(site: Path, document_id: str, anchor: str) -> str:
    """The HTML of one clause's own line, nested clauses left out."""
    html = page(site, document_id)
    match = re.search(
        rf'<li class="clause" id="{re.escape(anchor)}">(.*?)(?:<ol|</li>)', html, re.DOTALL
    )
    assert match, (document_id, anchor)
    return match[1]


def test_a_citation_lands_on_the_revision_it_names(site: Path) -> None:
    """第140号决议（2018年，迪拜）: the collection has its adopted text in English (the
    PP-18 Final Acts), and two Chinese proposals (one amending it): the link is that
    text, never a proposal's page nor another revision's; its entry on Res 140's page
    leads there too. (A revision the collection lacks: the next test.)"""
    html = clause_html(site, "wtsa-75-2022", "considering-e-viii")
    assert re.search(
        r'<a class="citation" href="\.\./en/pp-140-2018/" '
        r'title="全权代表大会第140号决议（2018年，迪拜）">第140号决议',
        html,
    )
    entry = page(site, "works/pp-140")
    entry = entry[entry.index('<li id="revision-2018">') :]
    entry = entry[: entry.index("</li>")]
    assert '<a href="../../en/pp-140-2018/">通过的文本</a>' in entry
    assert (
        '修改或废止本版本的提案（其中可见本版本的部分文字）：<a href="../../pp-140-2022-eur-44a15-1/">EUR/44A15/1</a>'
        in entry
    )
    assert '提交该届大会的提案：<a href="../../pp-140-2018-eur-48a1-9/">EUR/48A1/9</a>' in entry


def test_cited_by_says_which_revision_each_clause_names(site: Path) -> None:
    html = page(site, "works/pp-140")
    cited_by = html[html.index('id="cited-by"') :]
    assert (
        '<a href="../../wtsa-75-2022/#considering-e-viii">考虑到 e) viii)</a>'
        '<span class="cited-revision">（引用2018年版本）</span>'
    ) in cited_by


def test_a_citation_outside_the_collection_is_marked(site: Path) -> None:
    html = clause_html(site, "wtsa-75-2022", "considering-e-ix")
    (cited,) = re.findall(r'class="citation citation-missing" title="([^"]+)">第178号决议', html)
    assert cited == "全权代表大会第178号决议：本站未收录"


def test_each_number_of_a_shared_citation_links_to_its_own_resolution(site: Path) -> None:
    html = clause_html(site, "pp-102-2018-eur-48a1-8", "recalling-c")
    links = re.findall(r'<a class="citation" href="([^"]+)"[^>]*>(\d+)</a>', html)
    assert links == [
        # 第101、102和133号决议（2014年，釜山）: each work's entry for Busan 2014, which
        # the collection has only as the base of proposals (102's own included)
        ("../works/pp-101/#revision-2014", "101"),
        ("../works/pp-102/#revision-2014", "102"),
        ("../works/pp-133/#revision-2014", "133"),
    ]


def test_cited_by_lists_the_citing_clauses(site: Path) -> None:
    html = page(site, "pp-140-2022-eur-44a15-1")
    cited_by = html[html.index('id="cited-by"') :]
    assert '<a href="../wtsa-75-2022/#considering-e-viii">' in cited_by
    # cited-by is per work: the older version lists the same citations
    older = page(site, "pp-140-2018-eur-48a1-9")
    assert '<a href="../wtsa-75-2022/#considering-e-viii">' in older[older.index('id="cited-by"') :]


def test_a_proposal_says_so_and_the_works_page_lists_proposals_apart(site: Path) -> None:
    html = page(site, "pp-140-2022-eur-44a15-1")
    assert "<title>全权代表大会第140号决议（2018年，迪拜）修改提案 EUR/44A15/1 - " in html
    assert "这是一份提案，不是大会通过的文本。" in html
    assert "<strong>MOD</strong> EUR/44A15/1（CEPT），提交2022年布加勒斯特全权代表大会" in html
    # The text it amends is in the collection in English: the proposal leads there.
    assert (
        '所修改的文本：<a href="../en/pp-140-2018/">全权代表大会第140号决议（2018年，迪拜）</a>'
        in html
    )
    versions = page(site, "works/pp-140")
    assert versions.index('href="../../pp-140-2022-eur-44a15-1/"') < versions.index(
        'href="../../pp-140-2018-eur-48a1-9/"'
    )
    assert "（提交2018年迪拜全权代表大会）" in versions
    # Res 185, which EUR/48A1/6 proposed to abolish, is not in the PP-18 Final Acts.
    abolished = page(site, "works/pp-185")
    assert "本站未收录本决议通过的文本，只收录了下列提案。" in abolished
    assert (
        '所废止的文本：<a href="../works/pp-185/">全权代表大会第185号决议（2014年，釜山，修订版）</a>，'
        "本站未收录其通过的文本"
    ) in page(site, "pp-185-2018-eur-48a1-6")


def test_clauses_carry_action_line_and_sdg_labels(site: Path) -> None:
    html = clause_html(site, "pp-70-2018-eur-48a1-10", "recalling-a")
    assert '<a class="tag tag-sdg" href="../resolutions/?sdg=5"' in html
    html = clause_html(site, "pp-140-2022-eur-44a15-1", "resolves-10")
    assert '<a class="tag tag-action-line" href="../matrix/c2/"' in html


def test_the_index_rows_carry_what_the_filters_match(site: Path) -> None:
    html = page(site, "resolutions")
    rows = re.findall(
        r'<tr data-body="(\w+)" data-number="\d*" data-year="(\d*)" data-status="(\w+)" '
        r'data-action-lines="([^"]*)" data-sdgs="([^"]*)">',
        html,
    )
    assert len(rows) == 78  # 14 Chinese, 64 English
    assert ("pp", "2018", "proposal", "", "5") in rows  # pp-70-2018-eur-48a1-10
    assert [row[:3] for row in rows].count(("wtsa", "2022", "adopted")) == 1
    assert [row[0] for row in rows].count("report") == 2


def test_the_navigation_lists_index_pages_never_documents(site: Path) -> None:
    html = page(site, "pp-140-2022-eur-44a15-1")
    nav = re.findall(r'class="md-nav__link[^"]*"[^>]*href="([^"]+)"', html)
    nav += re.findall(r'href="([^"]+)"[^>]*class="md-nav__link', html)
    assert not [href for href in nav if re.search(r"(pp|wtsa|report)-\d", href)]
    assert any("matrix/" in href for href in nav)


def matrix_table(html: str, kind: str) -> str:
    """One of the matrix page's tables: ``by-sdg`` or ``by-document``."""
    start = html.index(f'<table class="count-table {kind}"')
    return html[start : html.index("</table>", start)]


def test_the_matrix_is_a_table_with_row_and_column_headers(site: Path) -> None:
    table = matrix_table(page(site, "matrix"), "by-sdg")
    assert len(re.findall(r'<th scope="col" id="sdg-\d+"', table)) == 17
    assert (
        len(
            re.findall(
                r'<th scope="row" id="C\d+"><a class="line-code" href="../matrix/c\d+/"', table
            )
        )
        == 11
    )
    assert (
        '<td class="shade-3"><a href="../matrix/c7-sdg-13/" aria-label="C7 与目标 13：4 项">4</a></td>'
        in table
    )


def test_empty_matrix_cells_are_visibly_empty(corpus: Parsed, tmp_path: Path) -> None:
    documents = [d for d in corpus.documents if d.id not in ("report-003", "en/pp-71-2018")]
    html = page(build_documents(documents, tmp_path), "matrix")
    assert matrix_table(html, "by-sdg").count('<td class="empty">–</td>') == 11 * 17
    assert "没有同时提及行动方面和可持续发展目标的条款或成果，因此矩阵为空" in html


def test_the_collection_keeps_every_citing_or_tagged_clause_and_counts_all(
    corpus: Parsed,
) -> None:
    collection = Collection(corpus.documents)
    every = [(place, part) for d in corpus.documents for place, part in places(d)]
    assert collection.clauses == len(every) > 900
    citing = [
        (place, ref.target)
        for place, part in every
        if isinstance(part, Clause)
        for ref in part.refs
    ]
    assert [(r.place, r.target) for r in collection.references] == list(dict.fromkeys(citing))
    tagged = [place for place, part in every if part.action_lines or part.sdgs]
    assert [t.place for t in collection.tagged] == tagged


def test_the_cross_reference_index_names_what_each_work_cites_and_what_cites_it(
    corpus: Parsed, site: Path
) -> None:
    collection = Collection(corpus.documents)
    html = page(site, "cross-references/pp")
    row = re.search(r'<tr id="work-pp-140">(.*?)</tr>', html, re.DOTALL)
    assert row is not None
    cited_by = collection.cited_by("pp-140")
    latest = collection.latest("pp-140")  # the adopted text (Dubai, 2018), in English
    assert latest is not None and latest.id == "en/pp-140-2018"
    assert f'<a href="../../en/pp-140-2018/#cited-by">{len(cited_by)}</a>' in row[1]
    for citing in {ref.place.document for ref in cited_by}:
        assert f'href="../../{citing}/"' in row[1]
    for target in {ref.target for ref in collection.cites("pp-140")}:
        name = target.split("-")[-1]
        assert re.search(rf">[^<]*-{re.escape(name.upper())}</", row[1]), target
    assert 'id="work-wtsa-75"' not in html  # on the WTSA page
    assert 'id="work-wtsa-75"' in page(site, "cross-references/wtsa")
    outside = re.search(
        r'<tr id="outside-unga-70-125">(.*?)</tr>',
        page(site, "cross-references/outside"),
        re.DOTALL,
    )
    assert outside is not None and 'href="../../pp-140-2022-eur-44a15-1/"' in outside[1]


def test_the_cross_reference_overview_counts_each_bodys_citations(
    corpus: Parsed, site: Path
) -> None:
    collection = Collection(corpus.documents)
    html = page(site, "cross-references")
    pp = [work for work, versions in collection.works().items() if versions[0].body == "pp"]
    cites = sum(len(collection.cites(work)) for work in pp)
    cited = sum(len(collection.cited_by(work)) for work in pp)
    row = re.search(r'<tr id="pp">(.*?)</tr>', html, re.DOTALL)
    assert row is not None and 'href="pp/"' in row[1]
    counts = re.findall(r'<td class="count"[^>]*>(\d+)</td>', row[1])
    assert counts == [str(len(pp)), str(cites), str(cited)] and cites > 0 and cited > 0
    assert 'href="reports/"' in html and 'href="outside/"' in html


def test_a_proposal_page_counts_its_changes_and_marks_ambiguous_numbers(site: Path) -> None:
    html = page(site, "pp-140-2018-eur-48a1-9")
    note = re.search(r'<p class="tracked-note">(.*?)</p>', html)
    assert note and "条条款的编号无法判定" in note[1]
    marked = clause_html(site, "pp-140-2018-eur-48a1-9", "recalling-further-b-2")
    assert '<span class="ambiguous" title="此编号与前面的条款重复' in marked
    assert 'id="reading-switch"' in page(site, "pp-140-2022-eur-44a15-1")
    assert 'id="reading-switch"' not in page(site, "wtsa-75-2022")  # an adopted text


def test_a_compare_page_aligns_clauses_by_what_they_say(site: Path) -> None:
    """PP-18's and PP-22's proposals for Res 140: 做出决议 5 i) became 6 i), with C4
    added; 做出决议，表达 1 became 表达; the works page links the comparison."""
    html = page(site, "compare/pp-140-2018-eur-48a1-9/pp-140-2022-eur-44a15-1")
    row = html[html.index('<div class="compare-row" id="resolves-6-i">') :]
    row = row[: row.index("</div></div>")]
    assert '做出决议 6 i)<span class="compare-was">原做出决议 5 i)</span>' in row
    assert "更新其针对WSIS C2、<ins>C4、</ins>C5和C6行动方面的路线图" in row
    # A renamed place as one edit, not difflib's 《<del>布宜诺斯艾</del><ins>基加</ins>利…
    assert "《<del>布宜诺斯艾利斯</del><ins>基加利</ins>宣言》" in html
    assert (
        '<div class="compare-row" id="expresses-p1"><div class="compare-label">表达<span class="compare-was">原做出决议，表达 1</span>'
        in html
    )
    works = page(site, "works/pp-140")
    link = '<a href="../../compare/pp-140-2018-eur-48a1-9/pp-140-2022-eur-44a15-1/">'
    assert link in works


def test_a_clause_of_an_older_document_links_to_itself_in_the_newest(site: Path) -> None:
    """By lineage: 做出决议 5 i) of the proposal to PP-18 is 6 i) in that to PP-22."""
    html = clause_html(site, "pp-140-2018-eur-48a1-9", "resolves-5-i")
    assert '<a class="newest-link" href="../pp-140-2022-eur-44a15-1/#resolves-6-i"' in html
    assert "newest-link" not in page(site, "pp-140-2022-eur-44a15-1")  # it is the newest
    gone = clause_html(site, "pp-140-2018-eur-48a1-9", "considering-m")  # deleted for PP-22
    assert "newest-link" not in gone.split('<ol class="clauses">')[0]


def test_a_changed_clause_links_to_its_diff(site: Path) -> None:
    compare = "../compare/pp-140-2018-eur-48a1-9/pp-140-2022-eur-44a15-1/"
    html = clause_html(site, "pp-140-2022-eur-44a15-1", "resolves-6-i")  # C4 added
    assert (
        f'<a class="change-marker" href="{compare}#resolves-6-i" title="与上一份文件相比有修改">有修改</a>'
        in html
    )
    same = clause_html(site, "pp-140-2022-eur-44a15-1", "considering-a")  # word for word
    assert "change-marker" not in same
    assert "change-marker" not in page(site, "pp-140-2018-eur-48a1-9")  # nothing before it
