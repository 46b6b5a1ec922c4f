"""The search records: one per document, every section heading, clause and outcome an
element with its anchor; labels that are no words; keys for what clauses name; status."""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import replace
from pathlib import Path

from generator.html import escape
from generator.link import Collection, places
from generator.model import Citation, Document, Revision
from generator.names import split_language
from generator.parse import Parsed
from generator.search import (
    CURRENT,
    KEYS_MARK,
    PROPOSAL,
    SUPERSEDED,
    citation_key,
    document_key,
    keys,
    records,
    sdg_target_key,
    search_filters,
    status,
    work_key,
)

from .conftest import clause, page


def text_id_of(document_id: str) -> str:
    return split_language(document_id)[1]


def record_html(collection: Collection, document_id: str) -> str:
    (html,) = [
        r.html.decode() for r in records(collection) if r.url == f"/{text_id_of(document_id)}/"
    ]
    return html


def part_of(html: str, anchor: str) -> str:
    """The record's HTML from a clause's heading to the next heading."""
    match = re.search(rf'<h3 id="{anchor}"[^>]*>.*?(?=<h[23] |<div data-pagefind-ignore)', html)
    assert match, anchor
    return match[0]


def test_every_clause_and_outcome_is_an_element_with_its_anchor_and_label(corpus: Parsed) -> None:
    found = records(Collection(corpus.documents))
    # A URL from its language's root, where its bundle is: /en/pp-140-2018/ is /pp-140-2018/.
    assert [record.url for record in found] == [f"/{text_id_of(d.id)}/" for d in corpus.documents]
    for document, record in zip(corpus.documents, found, strict=True):
        headings = re.findall(
            r'<h3 id="([^"]+)" data-pagefind-weight="0">([^<]*)</h3>', record.html.decode()
        )
        assert headings == [(p.anchor, escape(p.label)) for p, _ in places(document)]


def test_labels_weigh_nothing_and_section_headings_are_found_once(corpus: Parsed) -> None:
    """A label (考虑到 g)) names a hit but is no word to find it by: weight 0. The
    section's heading is a word once, at the section's own anchor."""
    html = record_html(Collection(corpus.documents), "wtsa-75-2022")
    assert '<h3 id="considering-g" data-pagefind-weight="0">考虑到 g)</h3>' in html
    assert re.findall(r'<h2 id="considering" data-pagefind-weight="1">考虑到</h2>', html)
    weighted = re.findall(r'<h[123][^>]*data-pagefind-weight="([0-9.]+)"[^>]*>[^<]*g\)</h', html)
    assert weighted and set(weighted) == {"0"}


def test_a_record_leads_with_its_own_key(corpus: Parsed) -> None:
    collection = Collection(corpus.documents)
    html = record_html(collection, "pp-140-2022-eur-44a15-1")
    assert re.search(r'<h1 [^>]*>[^<]*</h1><p data-pagefind-weight="7">res0140dpp2022</p>', html)
    assert "res0" not in record_html(collection, "report-002").split("</h1>")[1][:40]


def test_keys_name_what_a_clause_names_however_the_text_writes_it(
    docs: dict[str, Document],
) -> None:
    """Real clauses: a milestone, UN and UNESCO symbols, a citation with its year, an SDG
    named in a list (目标4、5、9和17), a target, an action line named in a list."""
    examples = {
        ("pp-140-2022-eur-44a15-1", "resolves-11"): ["wsisplus0020"],  # WSIS+20审查
        ("pp-140-2022-eur-44a15-1", "recalling-c"): ["unga0070x0125"],  # 联大第70/125号决议
        ("pp-140-2022-eur-44a15-1", "recalling-g"): ["unesco0041cx0027"],  # 第41C/27号决议
        ("pp-140-2022-eur-44a15-1", "recalling-f"): [
            "res0140pp2014"
        ],  # 第140号决议（2014年，釜山）
        ("report-003", "para-3-b-p1"): ["sdg04", "sdg05", "sdg09", "sdg17"],
        ("pp-70-2018-eur-48a1-10", "recalling-a"): ["sdg05tb", "sdg05"],  # 具体目标5.b
        ("pp-140-2022-eur-44a15-1", "resolves-6-ii"): ["wsisc01", "wsisc03", "wsisc04", "wsisc07"],
    }
    for (document_id, anchor), expected in examples.items():
        found = keys(clause(docs[document_id], anchor))
        assert all(key in found for key in expected), (anchor, found)


def test_a_clause_keys_follow_its_text_behind_the_mark(docs: dict[str, Document]) -> None:
    html = record_html(Collection(list(docs.values())), "pp-140-2022-eur-44a15-1")
    part = part_of(html, "resolves-11")
    assert re.search(
        rf"WSIS\+20审查[^<]*</p><p data-pagefind-weight=\"2.1\">{KEYS_MARK} wsisplus0020</p>$", part
    )


def test_no_key_begins_another_unless_it_names_a_part_of_it() -> None:
    """Pagefind matches words by their beginnings: Res 5 must not find Res 56, SDG 1 must
    not find SDG 17; SDG 5 finds its targets, a work finds its revisions."""
    for shorter, longer in [("pp-5", "pp-56"), ("pp-5", "pp-500"), ("council-133", "council-1332")]:
        assert not work_key(longer).startswith(work_key(shorter))  # type: ignore[arg-type]
    assert not work_key("unga-70/1").startswith(work_key("unga-7/1"))  # type: ignore[arg-type]
    assert not work_key("unga-70/125").startswith(work_key("unga-70/12"))  # type: ignore[arg-type]
    assert not sdg_target_key("17.10").startswith(sdg_target_key("17.1"))
    assert not sdg_target_key("1.1").startswith("sdg17")
    assert sdg_target_key("5.b").startswith("sdg05") and sdg_target_key("17.8") == "sdg17t08"
    assert work_key("pp-140") == "res0140pp" and work_key("itu-r-61") == "res0061itur"


def test_a_resolution_is_found_apart_from_what_cites_it(docs: dict[str, Document]) -> None:
    """Res 140's own key begins with res0140d, a citation's does not; both with res0140."""
    own = document_key(docs["pp-140-2022-eur-44a15-1"])
    cited = citation_key(Citation("pp-140", "第140号决议（2018年，迪拜）", Revision(2018, "迪拜")))
    assert (own, cited) == ("res0140dpp2022", "res0140pp2018")
    assert own.startswith("res0140d") and not cited.startswith("res0140d")
    assert document_key(docs["report-002"]) is None


def test_footnote_markers_and_filters_are_not_words(corpus: Parsed) -> None:
    html = record_html(Collection(corpus.documents), "pp-70-2018-eur-48a1-10")
    assert "[^" not in html
    filters = re.search(r"<div data-pagefind-ignore>(.*)</div></main>", html)
    assert filters and 'data-pagefind-filter="机构">PP<' in filters[1]
    assert "data-pagefind-filter" not in html[: filters.start()]


def with_older_revision(documents: list[Document], document_id: str, year: int) -> list[Document]:
    """The documents and an older revision of one of them (its text as it is)."""
    newer = next(d for d in documents if d.id == document_id)
    older = replace(
        newer,
        id=document_id.replace(str(newer.revision.year), str(year)),  # type: ignore[union-attr]
        revision=Revision(year, None),
    )
    return [*documents, older]


def test_a_record_is_weighed_and_filtered_by_its_status(corpus: Parsed) -> None:
    collection = Collection(with_older_revision(corpus.documents, "wtsa-75-2022", 2016))
    statuses = {d.id: status(d, collection) for d in collection.documents()}
    assert statuses["wtsa-75-2022"] == CURRENT and statuses["report-002"] == CURRENT
    assert statuses["wtsa-75-2016"] == SUPERSEDED
    assert statuses["pp-140-2022-eur-44a15-1"] == PROPOSAL
    for document_id, text_weight in [
        ("wtsa-75-2022", "1"),
        ("wtsa-75-2016", "0.5"),
        ("pp-140-2022-eur-44a15-1", "0.7"),
    ]:
        html = record_html(collection, document_id)
        assert f'<span data-pagefind-filter="状态">{statuses[document_id]}</span>' in html
        texts = re.findall(r'</h3><p data-pagefind-weight="([0-9.]+)">', html)
        assert texts and set(texts) == {text_weight}, document_id


def test_record_text_is_escaped(corpus: Parsed) -> None:
    document = corpus.documents[0]
    poisoned = replace(document, title="<script>alert(1)</script>")
    (record,) = records(Collection([poisoned]))
    assert "<script>" not in record.html.decode() and "&lt;script&gt;" in record.html.decode()


def test_a_record_filters_by_the_tags_the_index_page_shows(corpus: Parsed) -> None:
    collection = Collection(corpus.documents)
    by_url = {
        (record.html.decode().split('"')[1], record.url): record.html.decode()
        for record in records(collection)
    }  # by the language of the record's page (its <html lang>) and its URL there
    for document in corpus.documents:
        lines, goals = collection.tags(document.id)
        html = by_url[document.language, f"/{text_id_of(document.id)}/"]
        shown = re.findall(r'data-pagefind-filter="行动方面">(C\d+)<', html)
        assert tuple(shown) == lines
        sdgs = re.findall(r'data-pagefind-filter="可持续发展目标">SDG (\d+)<', html)
        assert tuple(map(int, sdgs)) == goals
    assert any(all(collection.tags(d.id)) for d in corpus.documents)


def test_the_results_page_filters_offer_what_the_collection_has(corpus: Parsed) -> None:
    filters = {f.parameter: f for f in search_filters(Collection(corpus.documents))}
    assert list(filters) == ["body", "year", "status", "action_line", "sdg"]
    assert [(v.parameter, v.indexed) for v in filters["body"].values] == [
        ("pp", "PP"),
        ("wtsa", "WTSA"),
        ("report", "报告"),
    ]
    assert [v.parameter for v in filters["year"].values] == ["2022", "2018"]
    sdg5 = filters["sdg"].values[4]
    assert (sdg5.parameter, sdg5.indexed, sdg5.label) == ("5", "SDG 5", "5 性别平等")


def fragments(site: Path) -> dict[str, dict]:
    """Each record as Pagefind keeps it (a fragment is gzipped JSON after a tag)."""
    found = {}
    for fragment in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
        found[data["url"]] = data
    return found


def test_the_index_keeps_labels_marks_and_keys_as_the_search_box_reads_them(
    corpus: Parsed, site: Path
) -> None:
    """What theme/assets/search.js relies on: a clause's heading is an anchor whose text
    is its label, at the location of the label's first word; the mark and the keys are
    words of the content after the clause's text."""
    bundle = site / "pagefind"
    assert len(list((bundle / "index").glob("*.pf_index"))) > 1
    stored = fragments(site)  # the Chinese bundle: the Chinese documents
    assert len(stored) == len([d for d in corpus.documents if d.language == "zh"])
    english = fragments(site / "en")
    assert len(english) == len([d for d in corpus.documents if d.language == "en"])
    assert "/pp-140-2018/" in english
    record = stored["/pp-140-2022-eur-44a15-1/"]
    words = record["content"].split("\u200b")
    (anchor,) = [a for a in record["anchors"] if a["id"] == "resolves-11"]
    assert anchor["element"] == "h3" and anchor["text"] == "做出决议 11"
    following = [a["location"] for a in record["anchors"] if a["location"] > anchor["location"]]
    part = [word.strip() for word in words[anchor["location"] : min(following)]]
    assert part[:3] == ["做出", "决议", "11"]
    assert "".join(part).count("WSIS+20审查") == 1
    assert part[part.index(KEYS_MARK) + 1 :] == ["wsisplus0020", "."]  # Pagefind's full stop
    assert record["filters"]["状态"] == ["提案"]


def test_the_site_has_a_results_page(site: Path) -> None:
    html = page(site, "search")
    assert 'data-bundle="../pagefind/"' in html and 'name="q"' in html
    assert '<option value="5" data-value="SDG 5">5 性别平等</option>' in html
    assert '<option value="proposal" data-value="提案">提案</option>' in html
