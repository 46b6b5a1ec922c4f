"""The search records: one per document, every clause and outcome a heading with its anchor."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from generator.link import Collection, places
from generator.parse import Parsed
from generator.search import records


def test_every_clause_and_outcome_is_a_sub_result_with_its_anchor(corpus: Parsed) -> None:
    found = records(Collection(corpus.documents))
    assert [record.url for record in found] == [f"/{d.id}/" for d in corpus.documents]
    for document, record in zip(corpus.documents, found, strict=True):
        anchors = re.findall(r'<h2 id="([^"]+)">', record.html.decode())
        assert anchors == [place.anchor for place, _ in places(document)]


def test_a_record_leads_with_the_ways_people_write_its_number(corpus: Parsed) -> None:
    by_url = {record.url: record.html.decode() for record in records(Collection(corpus.documents))}
    html = by_url["/pp-140-2022-eur-44a15-1/"]
    numbers = re.search(r'<p data-pagefind-weight="10">([^<]+)</p>', html)
    assert numbers is not None
    for words in ("140", "第140号决议", "PP 140", "Res 140", "pp 140 2022"):
        assert words in numbers[1]
    assert '<span data-pagefind-filter="机构">PP</span>' in html
    assert '<span data-pagefind-filter="年份">2022</span>' in html
    assert (
        '<span data-pagefind-filter="可持续发展目标">SDG 5</span>'
        in by_url["/pp-70-2018-eur-48a1-10/"]
    )


def test_record_text_is_escaped(corpus: Parsed) -> None:
    document = corpus.documents[0]
    poisoned = replace(document, title="<script>alert(1)</script>")
    (record,) = records(Collection([poisoned]))
    assert "<script>" not in record.html.decode() and "&lt;script&gt;" in record.html.decode()


def test_the_build_writes_a_chunked_index(corpus: Parsed, site: Path) -> None:
    bundle = site / "pagefind"
    assert (bundle / "pagefind.js").is_file()
    assert len(list((bundle / "index").glob("*.pf_index"))) > 1
    fragments = len(list((bundle / "fragment").glob("*.pf_fragment")))
    assert fragments == len(corpus.documents)


def test_a_record_filters_by_the_tags_the_index_page_shows(corpus: Parsed) -> None:
    collection = Collection(corpus.documents)
    by_url = {record.url: record.html.decode() for record in records(collection)}
    for document in corpus.documents:
        lines, goals = collection.tags(document.id)
        shown = re.findall(r'data-pagefind-filter="行动方面">(C\d+)<', by_url[f"/{document.id}/"])
        assert tuple(shown) == lines
        sdgs = re.findall(
            r'data-pagefind-filter="可持续发展目标">SDG (\d+)<', by_url[f"/{document.id}/"]
        )
        assert tuple(map(int, sdgs)) == goals
    assert any(all(collection.tags(d.id)) for d in corpus.documents)
