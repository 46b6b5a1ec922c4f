"""The machine-readable data of the site: api/*.json and api/matrix.csv."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import yaml

from generator.link import places
from generator.parse import Parsed

from .conftest import page


def load(site: Path, name: str) -> Any:
    return json.loads((site / "api" / name).read_text(encoding="utf-8"))


def test_matrix_matches_the_annex_as_transcribed_by_hand(site: Path) -> None:
    annex = yaml.safe_load(
        (Path(__file__).parent / "data" / "annex1.yaml").read_text(encoding="utf-8")
    )
    expected: dict[str, dict[str, list[str]]] = {}
    for code, named in annex.items():
        for line in named["action_lines"]:
            for sdg in named["sdgs"]:
                expected.setdefault(line, {}).setdefault(str(sdg), []).append(code)
    cells = load(site, "matrix.json")["cells"]
    found = {  # the report's entries (Res 71's one clause: tests/test_matrix.py)
        line: {
            sdg: [entry["label"] for entry in entries if entry["document"] == "report-003"]
            for sdg, entries in row.items()
            if any(entry["document"] == "report-003" for entry in entries)
        }
        for line, row in cells.items()
    }
    assert found == expected
    assert found["C7"]["13"] == ["D.2-3", "D.3-2", "D.4-1", "D.4-4"]
    assert cells["C7"]["13"][0] == {
        "url": "/report-003/#outcome-d-2-3",
        "label": "D.2-3",
        "work": "report-003",
        "document": "report-003",
    }


def test_matrix_csv_has_a_row_per_cell_entry(site: Path) -> None:
    cells = load(site, "matrix.json")["cells"]
    with (site / "api" / "matrix.csv").open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) == sum(len(entries) for row in cells.values() for entries in row.values())
    c7_13 = [row["label"] for row in rows if (row["action_line"], row["sdg"]) == ("C7", "13")]
    assert c7_13 == ["D.2-3", "D.3-2", "D.4-1", "D.4-4"]


def test_matrix_json_keeps_its_fields_and_says_where_entries_come_from(
    corpus: Parsed, site: Path
) -> None:
    data = load(site, "matrix.json")
    assert list(data) == ["action_lines", "sdgs", "cells", "sources", "by_document"]
    source, res_71 = data["sources"]
    entries = [entry for row in data["cells"].values() for cell in row.values() for entry in cell]
    assert {entry["document"] for entry in entries} == {"report-003", "en/pp-71-2018"}
    from_report = [entry for entry in entries if entry["document"] == "report-003"]
    assert source["url"] == "/report-003/" and source["entries"] == len(from_report)
    assert source["outcomes"] == len({entry["label"] for entry in from_report}) == 16
    assert source["clauses"] == 0
    assert res_71["url"] == "/en/pp-71-2018/" and (res_71["clauses"], res_71["outcomes"]) == (1, 0)
    assert res_71["entries"] == len(entries) - len(from_report) == 3 * 9


def test_matrix_json_by_document_lists_every_clause_naming_an_action_line(
    corpus: Parsed, site: Path
) -> None:
    by_document = load(site, "matrix.json")["by_document"]
    expected: dict[str, dict[str, list[str]]] = {}
    for document in corpus.documents:
        for place, part in places(document):
            for line in part.action_lines:
                expected.setdefault(line, {}).setdefault(document.id, []).append(place.url)
    found = {
        line: {document: [entry["url"] for entry in entries] for document, entries in row.items()}
        for line, row in by_document.items()
    }
    assert found == expected
    assert list(by_document) == [f"C{n}" for n in range(1, 12)]
    assert by_document["C5"]["pp-130-2018-eur-48a1-2"][0] == {
        "url": "/pp-130-2018-eur-48a1-2/#recognizing-b",
        "label": "认识到 b)",
        "work": "pp-130",
        "document": "pp-130-2018-eur-48a1-2",
    }


def test_action_lines_csv_has_a_row_per_action_line_and_clause(site: Path) -> None:
    by_document = load(site, "matrix.json")["by_document"]
    with (site / "api" / "action-lines.csv").open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert [(r["action_line"], r["document"], r["label"], r["url"], r["work"]) for r in rows] == [
        (line, document, e["label"], e["url"], e["work"])
        for line, row in by_document.items()
        for document, entries in row.items()
        for e in entries
    ]


def test_resolutions_json_lists_every_document(corpus: Parsed, site: Path) -> None:
    documents = load(site, "resolutions.json")["documents"]
    assert [d["id"] for d in documents] == [d.id for d in corpus.documents]
    by_id = {d["id"]: d for d in documents}
    # Only adopted texts are ever the latest: the collection has only proposals of Res 140.
    assert by_id["wtsa-75-2022"]["latest"] and by_id["wtsa-75-2022"]["status"] == "adopted"
    assert not by_id["pp-140-2022-eur-44a15-1"]["latest"]
    assert by_id["pp-70-2018-eur-48a1-10"]["sdgs"] == [5]
    assert by_id["pp-185-2018-eur-48a1-6"]["status"] == "proposal"
    assert by_id["pp-185-2018-eur-48a1-6"]["proposal"] == {
        "action": "SUP",
        "ref": "EUR/48A1/6",
        "proposer": "CEPT",
        "conference": {"year": 2018, "place": "迪拜"},
        "base": {"year": 2014, "place": "釜山"},
    }


def test_xrefs_json_gives_both_directions_and_every_url_resolves(site: Path) -> None:
    works = load(site, "xrefs.json")["works"]
    cited_by = [(e["work"], e["url"]) for e in works["pp-140"]["cited_by"]]
    assert ("wtsa-75", "/wtsa-75-2022/#considering-e-viii") in cited_by
    assert any(e["work"] == "pp-140" for e in works["wtsa-75"]["cites"])
    assert works["unga-70/125"]["in_collection"] is False
    assert works["unga-70/125"]["url"] is None
    for entry in works.values():
        for ref in entry["cites"] + entry["cited_by"]:
            path, anchor = ref["url"].strip("/").split("/#")
            assert f'id="{anchor}"' in page(site, path)


def test_the_about_page_describes_every_file(site: Path) -> None:
    html = page(site, "about")
    for name in (
        "resolutions.json",
        "xrefs.json",
        "matrix.json",
        "matrix.csv",
        "action-lines.csv",
        "changes.json",
        "lineage.json",
    ):
        assert f'href="../api/{name}"' in html


def test_changes_json_lists_each_proposals_edits_and_ambiguous_places(
    corpus: Parsed, site: Path
) -> None:
    proposals = load(site, "changes.json")["proposals"]
    assert sorted(proposals) == sorted(d.id for d in corpus.documents if d.proposal)
    res_140 = proposals["pp-140-2022-eur-44a15-1"]
    assert {"anchor": "noting-f", "kind": "years", "old": "2015-2018年", "new": "2019-2022年",
            "text": "2015-20182019-2022年"} in res_140["edits"]  # fmt: skip
    assert {"anchor": "recognizing-e", "kind": "label", "old": "a", "new": "e"} in res_140["edits"]
    assert res_140["ambiguous"] == []
    older = proposals["pp-140-2018-eur-48a1-9"]["ambiguous"]
    assert {"anchor": "recalling-further-b-2", "why": "repeated"} in older
