"""The matrix pages: where the matrix's entries come from, cells shaded by count with a
legend, a cell's entries grouped by document, and what each document's own clauses say
about the action lines (the action line × document table and a page per action line)."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.link import Collection, MatrixSource, link, places
from generator.model import Clause, Document, every_clause
from generator.names import title_line
from generator.parse import Parsed
from generator.render import render
from generator.shading import legend, shade
from generator.tables import ACTION_LINES

from .conftest import SOURCES, page, parse_paths, seed
from .test_site import matrix_table


@pytest.fixture(scope="module")
def annex() -> dict[str, Any]:
    """003's Annex 1 as transcribed by hand: outcome → its SDGs and action lines."""
    text = (Path(__file__).parent / "data" / "annex1.yaml").read_text(encoding="utf-8")
    return dict(yaml.safe_load(text))


def annex_cells(annex: dict[str, Any]) -> Counter[tuple[str, int]]:
    """How many outcomes the annex puts in each (action line, SDG) cell."""
    return Counter(
        (line, sdg)
        for named in annex.values()
        for line in named["action_lines"]
        for sdg in named["sdgs"]
    )


def both_named(corpus: Parsed) -> dict[str, list[Any]]:
    """Per document, its clauses (not outcomes) naming both an action line and an SDG."""
    found: dict[str, list[Any]] = {}
    for document in corpus.documents:
        for _, part in places(document):
            if isinstance(part, Clause) and part.action_lines and part.sdgs:
                found.setdefault(document.id, []).append(part)
    return found


def test_every_entry_comes_from_report_003s_annex_or_res_71_and_the_page_says_so(
    corpus: Parsed, docs: dict[str, Document], site: Path, annex: dict[str, Any]
) -> None:
    """The annex of report 003 (transcribed by hand), and the one clause of a resolution
    naming both: Res 71 (Dubai, 2018) in English, its strategic plan's section on the
    WSIS action lines and the 2030 Agenda (Annex 1, C2, C5, C6 and nine SDGs)."""
    entries = sum(annex_cells(annex).values())
    report = title_line(docs["report-003"])
    (res_71,) = both_named(corpus)["en/pp-71-2018"]
    assert (res_71.action_lines, res_71.sdgs) == (
        ("C2", "C5", "C6"),
        (1, 3, 4, 5, 8, 9, 10, 11, 17),
    )
    res_71_entries = len(res_71.action_lines) * len(res_71.sdgs)
    assert list(both_named(corpus)) == ["en/pp-71-2018"]
    sources = Collection(corpus.documents).matrix_sources()
    assert sources == [
        MatrixSource("report-003", report, "report", 0, len(annex), entries),
        MatrixSource(
            "en/pp-71-2018",
            title_line(docs["en/pp-71-2018"], "en"),
            "resolution",
            1,
            0,
            res_71_entries,
        ),
    ]
    html = page(site, "matrix")
    cells = annex_cells(annex) + Counter(
        (line, sdg) for line in res_71.action_lines for sdg in res_71.sdgs
    )
    assert f"矩阵共 {entries + res_71_entries} 项，分布在 {len(cells)} 格，来自 2 份文件" in html
    assert (
        f'<a href="../report-003/">{report}</a>：附件 1 对照表中的 {len(annex)} 项成果，'
        f"共 {entries} 项。"
    ) in html
    assert (
        '<a href="../en/pp-71-2018/"><span lang="en">Resolution 71 (Dubai, 2018) of the '
        f"Plenipotentiary Conference</span></a>：1 个条款，共 {res_71_entries} 项。"
    ) in html
    tagged = [part for d in corpus.documents for _, part in places(d)]
    lines_only = sum(1 for part in tagged if part.action_lines and not part.sdgs)
    sdgs_only = sum(1 for part in tagged if part.sdgs and not part.action_lines)
    assert lines_only and sdgs_only
    assert (
        f"另有 {lines_only} 个条款和成果只提及行动方面、{sdgs_only} 个只提及可持续发展目标" in html
    )
    assert "各决议的条款中，没有一个同时提及行动方面和目标" not in html


@pytest.mark.parametrize(
    ("count", "level"),
    [(0, 0), (1, 1), (2, 2), (3, 3), (4, 3), (5, 4), (8, 4), (9, 5), (16, 5), (17, 6), (900, 6)],
)
def test_a_shade_stands_for_counts_that_double(count: int, level: int) -> None:
    assert shade(count) == level


def test_the_legend_lists_the_shades_up_to_the_largest_cell() -> None:
    assert legend([]) == []
    assert legend([{"C1": [1]}]) == [(1, "1")]
    assert legend([{"C1": [1] * 4}, {"C2": [1]}]) == [(1, "1"), (2, "2"), (3, "3–4")]
    assert legend([{"C1": [1] * 300}])[-2:] == [(5, "9–16"), (6, "17–300")]


def test_each_cell_is_shaded_by_its_count_under_a_legend(site: Path, annex: dict[str, Any]) -> None:
    html = page(site, "matrix")
    cells = re.findall(r'<td class="shade-(\d)"><a [^>]*>(\d+)</a>', matrix_table(html, "by-sdg"))
    counts = annex_cells(annex) + Counter(  # and Res 71's one clause (see above)
        (line, sdg) for line in ("C2", "C5", "C6") for sdg in (1, 3, 4, 5, 8, 9, 10, 11, 17)
    )
    assert sorted(int(count) for _, count in cells) == sorted(counts.values())
    assert all(int(level) == shade(int(count)) for level, count in cells)
    first_legend = html[
        html.index('id="matrix-legend"') : html.index("</p>", html.index('id="matrix-legend"'))
    ]
    shown = re.findall(r'<span class="shade shade-(\d)">([^<]+)</span>', first_legend)
    assert [int(level) for level, _ in shown] == list(range(1, len(shown) + 1))
    assert shown[-1][1].split("–")[-1] == str(max(counts.values()))


def with_a_resolution_in_c7_sdg_13(tmp_path: Path) -> list[Document]:
    """The seeds, WTSA Resolution 75's considering g) naming SDG 13 beside its action lines."""
    sources = shutil.copytree(SOURCES, tmp_path / "sources")
    wtsa = sources / seed("001").name
    text = wtsa.read_text(encoding="utf-8")
    named = "C1、C3、C4、C7、C8、C9和C11行动方面以及"
    assert named in text
    wtsa.write_text(
        text.replace(named, "C1、C3、C4、C7、C8、C9和C11行动方面、可持续发展目标13以及")
    )
    return parse_paths(sources).documents


def test_a_cells_page_groups_its_entries_by_document(tmp_path: Path) -> None:
    documents = with_a_resolution_in_c7_sdg_13(tmp_path)
    collection = link(documents)
    wtsa = next(d for d in documents if d.id == "wtsa-75-2022")
    sources = {source.document: source for source in collection.matrix_sources()}
    assert sources["wtsa-75-2022"] == MatrixSource(
        "wtsa-75-2022",
        title_line(wtsa),
        "resolution",
        1,
        0,
        10,  # 10 action lines × SDG 13
    )
    render(collection, tmp_path / "docs")
    cell = (tmp_path / "docs" / "matrix" / "c7-sdg-13.md").read_text(encoding="utf-8")
    groups = re.findall(r'<section class="place-group" id="([^"]+)"', cell)
    assert groups == ["wtsa-75-2022", "report-003"]  # (Res 71 names C2, C5, C6: not C7)
    assert cell.count(title_line(wtsa)) == 1  # once, over its clauses
    report = cell[cell.index('id="report-003"') :]
    assert re.findall(r'class="place-label"[^>]*>([^<]+)</a>', report) == [
        "D.2-3",
        "D.3-2",
        "D.4-1",
        "D.4-4",
    ]
    assert "同时提及二者的 5 项，来自 2 份文件" in cell
    matrix = (tmp_path / "docs" / "matrix" / "index.md").read_text(encoding="utf-8")
    assert "来自 3 份文件" in matrix and "各决议的条款中，没有一个" not in matrix


def naming(corpus: Parsed) -> dict[str, dict[str, list[str]]]:
    """Read from the parsed documents: document → action line → anchors of its clauses
    (and outcomes) naming it, in document order."""
    found: dict[str, dict[str, list[str]]] = {}
    for document in corpus.documents:
        for place, part in places(document):
            for line in part.action_lines:
                found.setdefault(document.id, {}).setdefault(line, []).append(place.anchor)
    return found


# Resolutions by body and number (PP-130 before PP-140, the newer proposal first), reports last.
# A work's adopted text (Res 130 (Dubai, 2018), in English) before its proposals.
ROW_ORDER = [
    "en/pp-64-2018",
    "en/pp-71-2018",
    "en/pp-130-2018",
    "pp-130-2018-eur-48a1-2",
    "en/pp-133-2018",
    "pp-133-2018-eur-48a1-1",
    "en/pp-135-2018",
    "en/pp-137-2018",
    "en/pp-140-2018",
    "pp-140-2022-eur-44a15-1",
    "pp-140-2018-eur-48a1-9",
    "en/pp-179-2018",
    "en/pp-201-2018",
    "wtsa-75-2022",
    "report-002",
    "report-003",
]


def test_the_action_line_rows_hold_every_clause_naming_an_action_line(corpus: Parsed) -> None:
    rows = Collection(corpus.documents).action_line_rows()
    found = {
        row.document: {line: [p.anchor for p in found] for line, found in row.places.items()}
        for row in rows
    }
    assert found == naming(corpus)
    assert [row.document for row in rows] == ROW_ORDER


def test_the_by_document_table_counts_clauses_and_leads_to_them(
    corpus: Parsed, docs: dict[str, Document], site: Path
) -> None:
    html = page(site, "matrix")
    table = matrix_table(html, "by-document")
    named = naming(corpus)
    for document, lines in named.items():
        title = title_line(docs[document], docs[document].language)
        for line, anchors in lines.items():
            link = (
                f'<td class="shade-{shade(len(anchors))}" data-line="{line}">'
                f'<a href="../matrix/{line.lower()}/#{document}" '
                f'aria-label="{title}：{len(anchors)} 个条款提及 {line}">{len(anchors)}</a></td>'
            )
            assert link in table
    resolutions = sum(1 for d in named if docs[d].kind == "resolution")
    assert f"{resolutions} 份决议文件" in html
    assert table.count('<td class="empty">–</td>') == len(named) * 11 - sum(
        len(lines) for lines in named.values()
    )


@pytest.mark.parametrize("line", list(ACTION_LINES))
def test_an_action_line_page_lists_its_clauses_by_document(
    corpus: Parsed, site: Path, line: str
) -> None:
    html = page(site, f"matrix/{line.lower()}")
    named = naming(corpus)
    expected = {d: named[d][line] for d in ROW_ORDER if line in named[d]}
    assert re.findall(r'<section class="place-group" id="([^"]+)"', html) == list(expected)
    for document, anchors in expected.items():
        group = html[html.index(f'id="{document}"') :]
        group = group[: group.index("</section>")]
        linked = re.findall(rf'href="../../{document}/#([^"]+)"', group)
        assert linked == anchors
    count = sum(len(anchors) for anchors in expected.values())
    assert f"{len(expected)} 份文件中有 {count} 个条款和成果提及 {line}" in html


def test_the_about_page_explains_proposals_edits_and_the_matrix(
    corpus: Parsed, docs: dict[str, Document], site: Path, annex: dict[str, Any]
) -> None:
    html = page(site, "about")
    for section in ("proposals", "tracked-changes", "edits", "matrix", "matrix-json"):
        assert f'id="{section}"' in html
    actions = Counter(d.proposal.action for d in corpus.documents if d.proposal)
    assert f"MOD {actions['MOD']} 份，ADD {actions['ADD']} 份，SUP {actions['SUP']} 份" in html
    # The examples are what the seeds hold.
    res_140 = docs["pp-140-2022-eur-44a15-1"].proposal
    assert res_140 and res_140.ref == "EUR/44A15/1" and res_140.base
    assert (res_140.action, res_140.base.year, res_140.base.place) == ("MOD", 2018, "迪拜")
    assert "修改第140号决议（2018年，迪拜，修订版）" in html
    res_185 = docs["pp-185-2018-eur-48a1-6"].proposal
    assert res_185 and res_185.base and (res_185.action, res_185.base.year) == ("SUP", 2014)
    assert "<code>EUR/48A1/6</code>：提交2018年迪拜全权代表大会，废止第185号决议" in html
    res_130 = docs["pp-130-2018-eur-48a1-2"]
    assert res_130.proposal and res_130.proposal.ref == "EUR/48A1/2"
    ambiguous = {c.anchor: c.ambiguity for c in every_clause(res_130)}
    assert (ambiguous["recalling-h-2"], ambiguous["recalling-j"]) == ("repeated", "sequence")
    for kind in ("year", "years", "conference", "revision", "place", "label"):
        assert f"（<code>{kind}</code>）" in html
    entries = sum(annex_cells(annex).values()) + 27  # and Res 71's one clause (see above)
    assert f"目前矩阵的 {entries} 项来自：{title_line(docs['report-003'])}" in html
