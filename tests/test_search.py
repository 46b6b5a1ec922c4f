"""The search records: one per clause and outcome, one per document with its numbers."""

from __future__ import annotations

from pathlib import Path

from generator.build import ParseReport
from generator.link import Collection, places
from generator.search import records


def test_every_clause_and_outcome_is_a_record_that_opens_at_it(corpus: ParseReport) -> None:
    collection = Collection(corpus.documents)
    urls = [record.url for record in records(collection)]
    expected_clauses = [place.url for d in corpus.documents for place, _ in places(d)]
    assert [url for url in urls if "#" in url] == expected_clauses
    assert [url for url in urls if "#" not in url] == [f"/{d.id}/" for d in corpus.documents]
    assert len(set(urls)) == len(urls)


def test_a_document_record_holds_the_ways_people_write_its_number(corpus: ParseReport) -> None:
    by_url = {record.url: record for record in records(Collection(corpus.documents))}
    record = by_url["/pp-140-2022/"]
    for words in ("140", "第140号决议", "PP-140", "Res 140", "pp-140-2022"):
        assert words in record.content
    assert record.filters["机构"] == ["PP"]
    assert record.filters["年份"] == ["2022"]
    clause = by_url["/pp-70-2018/#recalling-a"]
    assert clause.filters["可持续发展目标"] == ["SDG 5"]  # the document's filters, as on the index
    assert clause.title == "全权代表大会第70号决议（2018年，迪拜） 忆及 a)"


def test_the_build_writes_a_chunked_index(corpus: ParseReport, site: Path) -> None:
    bundle = site / "pagefind"
    assert (bundle / "pagefind-ui.js").is_file()
    assert len(list((bundle / "index").glob("*.pf_index"))) > 1
    fragments = len(list((bundle / "fragment").glob("*.pf_fragment")))
    assert fragments == len(records(Collection(corpus.documents)))
