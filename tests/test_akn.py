"""The Akoma Ntoso importer (generator/akn.py) on the PP-18 Final Acts in English: every
statement imported, its repairs, its anchors against the Chinese text's; bad XML refused."""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

import pytest

from generator import store
from generator.akn import parse_akn
from generator.errors import Problem, SourceError, Warnings
from generator.model import Document, every_clause
from generator.parse import parse_file
from generator.read import Source

from .conftest import GOLDEN, SOURCES

FINAL_ACTS = SOURCES / "pp18-final-acts-akn.xml"

# Per document: sections, clauses, footnotes, and the repairs made or faults left in the
# text (status "unused", the markup's eIds, left out), by kind. Checked by eye against the
# XML: Res 140 clause by clause (14 sections: its 5 operative headings run into the text
# split off; 104 clauses: 6+14+12+8+1+7+13+10+11+2+1+12+6+1; footnotes 1-3), Res 70 (its
# "noting also" at the end of noting f), Res 157 (15 items and "further resolves" in one
# recital, whose "by:" list is nested), Dec 11 and Rec 7 (Part II and Part VI of the
# Final Acts run into their last paragraphs and taken out), Res 71 (its three annexes,
# the strategic plan's tables flattened, kept as sections).
EXPECTED = {
    "pp-dec-5-2018": (13, 50, 0, {"annex": 2, "merged_heading": 2, "unnumbered": 5}),
    "pp-dec-11-2018": (
        4,
        25,
        1,
        {"footnote": 1, "foreign_text": 1, "merged_clauses": 4, "unnumbered": 3},
    ),
    "pp-2-2018": (7, 35, 1, {"footnote": 1, "merged_clauses": 1, "unnumbered": 5}),
    "pp-11-2018": (
        8,
        50,
        1,
        {"footnote": 1, "merged_clauses": 5, "merged_heading": 1, "unnumbered": 7},
    ),
    "pp-21-2018": (
        7,
        37,
        1,
        {"footnote": 1, "merged_clauses": 1, "merged_heading": 1, "unnumbered": 6},
    ),
    "pp-25-2018": (
        12,
        97,
        1,
        {"footnote": 1, "merged_clauses": 11, "merged_heading": 4, "unnumbered": 8},
    ),
    "pp-30-2018": (
        8,
        26,
        1,
        {"footnote": 1, "merged_clauses": 5, "merged_heading": 1, "unnumbered": 4},
    ),
    "pp-34-2018": (9, 18, 0, {"merged_heading": 2, "unnumbered": 5}),
    "pp-41-2018": (10, 18, 0, {"merged_heading": 1, "unnumbered": 6}),
    "pp-48-2018": (10, 62, 3, {"annex": 1, "footnote": 3, "unnumbered": 7}),
    "pp-64-2018": (10, 33, 0, {"merged_heading": 2, "unnumbered": 6}),
    "pp-66-2018": (5, 26, 1, {"footnote": 1, "merged_heading": 1, "unnumbered": 4}),
    "pp-70-2018": (
        15,
        91,
        4,
        {"footnote": 4, "merged_clauses": 17, "merged_heading": 5, "unnumbered": 9},
    ),
    "pp-71-2018": (
        12,
        141,
        5,
        {
            "annex": 3,
            "footnote": 5,
            "footnote_overrun": 3,
            "footnote_unmarked": 1,
            "merged_clauses": 1,
            "merged_heading": 2,
            "unnumbered": 4,
        },
    ),
    "pp-77-2018": (9, 36, 1, {"footnote": 1, "unnumbered": 9}),
    "pp-94-2018": (5, 6, 0, {"merged_heading": 1, "unnumbered": 1}),
    # Its "resolves" opens with an unlabelled paragraph ending in a colon, then 1, 2 …:
    # as in a text export, they are resolves-1, resolves-2 …, not nested under it.
    "pp-99-2018": (6, 21, 0, {"unnumbered": 4}),
    "pp-101-2018": (
        12,
        62,
        2,
        {
            "footnote": 2,
            "list_nesting": 1,
            "merged_clauses": 3,
            "merged_heading": 4,
            "unnumbered": 7,
        },
    ),
    "pp-102-2018": (
        15,
        85,
        2,
        {
            "footnote": 2,
            "list_nesting": 1,
            "merged_clauses": 4,
            "merged_heading": 5,
            "unnumbered": 10,
        },
    ),
    "pp-123-2018": (
        11,
        50,
        1,
        {
            "footnote": 1,
            "footnote_in_title": 1,
            "list_nesting": 1,
            "merged_clauses": 11,
            "merged_heading": 2,
            "unnumbered": 6,
        },
    ),
    "pp-125-2018": (11, 27, 0, {"merged_heading": 2, "unnumbered": 5}),
    "pp-130-2018": (
        14,
        135,
        1,
        {
            "footnote": 1,
            "list_nesting": 1,  # not under "pursuant to his initiative …:", unlabelled
            "merged_clauses": 14,
            "merged_heading": 5,
            "unnumbered": 7,
        },
    ),
    "pp-131-2018": (
        14,
        65,
        1,
        {"footnote": 1, "merged_clauses": 12, "merged_heading": 2, "unnumbered": 11},
    ),
    "pp-133-2018": (9, 39, 2, {"footnote": 2, "merged_heading": 2, "unnumbered": 4}),
    "pp-135-2018": (
        7,
        37,
        2,
        {
            "footnote": 2,
            "footnote_unmarked": 1,
            "merged_clauses": 6,
            "merged_heading": 1,
            "truncated_title": 1,
            "unnumbered": 5,
        },
    ),
    "pp-136-2018": (
        11,
        70,
        1,
        {
            "footnote": 1,
            "merged_clauses": 15,
            "merged_heading": 3,
            "truncated_title": 1,
            "unnumbered": 7,  # noting a) "a) § 51 of the Geneva Declaration …"
        },
    ),
    "pp-137-2018": (
        9,
        33,
        2,
        {
            "footnote": 2,
            "footnote_overrun": 1,
            "footnote_unmarked": 1,
            "merged_heading": 2,
            "unnumbered": 6,
        },
    ),
    "pp-139-2018": (
        13,
        71,
        1,
        {
            "footnote": 1,
            "merged_clauses": 1,
            "merged_heading": 2,
            "truncated_title": 1,
            "unnumbered": 11,
        },
    ),
    "pp-140-2018": (
        14,
        104,
        3,
        {
            "footnote": 3,
            "merged_clauses": 10,
            "merged_heading": 6,
            "truncated_title": 1,
            "unnumbered": 7,
        },
    ),
    "pp-146-2018": (6, 14, 1, {"footnote": 1, "merged_heading": 2, "unnumbered": 4}),
    "pp-150-2018": (2, 3, 0, {"unnumbered": 1}),
    "pp-151-2018": (
        9,
        24,
        0,
        {"list_nesting": 1, "merged_clauses": 4, "merged_heading": 1, "unnumbered": 4},
    ),
    "pp-154-2018": (9, 34, 0, {"merged_heading": 2, "unnumbered": 5}),
    "pp-157-2018": (
        6,
        33,
        1,
        {
            "footnote": 1,
            "merged_clauses": 16,  # its "by:" list follows an unlabelled paragraph: not nested
            "merged_heading": 2,
            "unnumbered": 3,
        },
    ),
    "pp-160-2018": (8, 13, 0, {"merged_heading": 2, "unnumbered": 2}),
    "pp-165-2018": (5, 12, 0, {"merged_heading": 2, "unnumbered": 3}),
    "pp-167-2018": (14, 49, 1, {"annex": 1, "footnote": 1, "merged_heading": 4, "unnumbered": 7}),
    "pp-169-2018": (
        9,
        24,
        2,
        {"footnote": 2, "footnote_in_title": 1, "merged_heading": 3, "unnumbered": 4},
    ),
    "pp-175-2018": (
        9,
        55,
        1,
        {
            "footnote": 1,
            "list_nesting": 1,
            "merged_clauses": 5,
            "merged_heading": 2,
            "unnumbered": 4,
        },
    ),
    "pp-176-2018": (
        5,
        24,
        3,
        {"footnote": 3, "merged_clauses": 5, "merged_heading": 2, "unnumbered": 3},
    ),
    "pp-177-2018": (
        11,
        67,
        1,
        {"footnote": 1, "merged_clauses": 1, "merged_heading": 4, "unnumbered": 7},
    ),
    "pp-179-2018": (
        14,
        89,
        1,
        {"footnote": 1, "merged_clauses": 4, "merged_heading": 5, "unnumbered": 9},
    ),
    "pp-180-2018": (
        8,
        45,
        2,
        {"footnote": 2, "footnote_unmarked": 1, "merged_heading": 1, "unnumbered": 6},
    ),
    "pp-186-2018": (9, 17, 0, {"merged_heading": 3, "unnumbered": 1}),
    "pp-188-2018": (
        8,
        31,
        1,
        {"footnote": 1, "merged_clauses": 1, "merged_heading": 3, "unnumbered": 5},
    ),
    "pp-189-2018": (8, 29, 0, {"merged_heading": 1, "unnumbered": 2}),
    "pp-191-2018": (10, 42, 1, {"footnote": 1, "merged_heading": 2, "unnumbered": 6}),
    "pp-196-2018": (7, 29, 0, {"merged_heading": 2, "unnumbered": 5}),
    "pp-197-2018": (12, 65, 1, {"footnote": 1, "merged_heading": 4, "unnumbered": 8}),
    "pp-198-2018": (12, 53, 1, {"footnote": 1, "merged_heading": 5, "unnumbered": 7}),
    "pp-200-2018": (13, 41, 1, {"footnote": 1, "merged_heading": 5, "unnumbered": 7}),
    "pp-201-2018": (
        8,
        30,
        1,
        {"footnote": 1, "merged_clauses": 1, "merged_heading": 3, "unnumbered": 5},
    ),
    "pp-203-2018": (7, 28, 1, {"footnote": 1, "merged_heading": 2, "unnumbered": 4}),
    "pp-204-2018": (11, 44, 1, {"footnote": 1, "merged_heading": 3, "unnumbered": 8}),
    "pp-205-2018": (10, 35, 1, {"footnote": 1, "merged_heading": 3, "unnumbered": 7}),
    "pp-206-2018": (11, 34, 1, {"footnote": 1, "merged_heading": 3, "unnumbered": 7}),
    "pp-207-2018": (7, 15, 0, {"merged_heading": 3, "unnumbered": 3}),
    "pp-208-2018": (12, 63, 6, {"annex": 3, "footnote": 6, "merged_heading": 1, "unnumbered": 7}),
    "pp-209-2018": (7, 22, 1, {"footnote": 1, "merged_heading": 2, "unnumbered": 5}),
    "pp-210-2018": (5, 10, 0, {"unnumbered": 3}),
    "pp-211-2018": (7, 19, 1, {"footnote": 1, "merged_heading": 1, "unnumbered": 3}),
    "pp-212-2018": (
        9,
        31,
        1,
        {
            "footnote": 1,
            "list_nesting": 1,
            "merged_clauses": 4,
            "merged_heading": 2,
            "unnumbered": 4,
        },
    ),
    "pp-213-2018": (7, 16, 0, {"foreign_text": 1, "merged_heading": 1, "unnumbered": 4}),
    "pp-rec-7-2018": (5, 10, 0, {"foreign_text": 1, "unnumbered": 4}),
}


@pytest.fixture(scope="module")
def documents() -> dict[str, Document]:
    found = parse_akn(FINAL_ACTS.read_bytes(), FINAL_ACTS.name, Warnings())
    return {document.id: document for document in found}


def test_every_statement_is_imported(documents: dict[str, Document]) -> None:
    assert len(documents) == 64
    kinds = Counter(document.kind for document in documents.values())
    assert kinds == {"resolution": 61, "decision": 2, "recommendation": 1}
    assert all(document.language == "en" for document in documents.values())


def test_sections_clauses_footnotes_and_repairs(documents: dict[str, Document]) -> None:
    measured = {}
    for document in documents.values():
        repairs = Counter(r.kind for r in document.repairs if r.status != "unused")
        counts = (len(document.sections), sum(1 for _ in every_clause(document)))
        measured[document.id.removeprefix("en/")] = (*counts, len(document.footnotes), repairs)
    assert measured == EXPECTED


def test_ids_kinds_revisions_and_expression(documents: dict[str, Document]) -> None:
    res = documents["en/pp-140-2018"]
    assert (res.kind, res.work, res.body, res.number) == ("resolution", "pp-140", "pp", "140")
    assert res.revision == res.history[-1]
    assert (res.revision.year, res.revision.place) == (2018, "Dubai")
    expression = "/akn/un/statement/deliberation/itu-pp/2018-11-15/res-140/eng@2018-11-15"
    assert res.expression == expression
    assert res.line == 9152  # the statement's element
    assert documents["en/pp-dec-5-2018"].work == "pp-dec-5"
    assert documents["en/pp-rec-7-2018"].kind == "recommendation"


def test_res_140_repairs(documents: dict[str, Document]) -> None:
    res = documents["en/pp-140-2018"]
    headings = [s.heading for s in res.sections]
    assert headings[-3:] == [
        "requests the ITU Council",
        "invites Member States, Sector Members, Associates and Academia",
        "expresses its warmest thanks and deepest gratitude",
    ]
    clauses = {c.anchor: c for c in every_clause(res)}
    assert clauses["instructs-director-bdt-p1"].text.startswith("to follow, as soon as possible")
    assert clauses["resolves-10"].text.startswith("that the ITU Telecommunication Development")
    assert clauses["recalling-a"].text.startswith("Resolution 73 (Minneapolis, 1998)")
    assert "countries[^1]," in clauses["considering-further-c"].text
    assert "CWG- WSIS&SDG[^3]" in clauses["resolves-9"].text
    assert clauses["considering-further-h"].text.endswith("achievement of the SDGs;")
    assert [f.text for f in res.footnotes][1:] == [
        "Buenos Aires Declaration, 2017.",
        "See requests the ITU Council 3 below.",
    ]
    truncated = [r for r in res.repairs if r.kind == "truncated_title"]
    assert [r.status for r in truncated] == ["unrepaired"]
    assert res.title.endswith("and ...")
    heading = next(r for r in res.repairs if r.anchor == "requests-council")
    assert heading.kind == "merged_heading" and "instructs-director-bdt-p1" in heading.note


PUNCTUATION = "()[]^,;.:"


def test_no_text_is_lost(documents: dict[str, Document]) -> None:
    """Every word of the XML's items is in a clause, a heading or a footnote, but for
    the parts of the Final Acts run into Dec 11, Res 213 and Rec 7, taken out."""
    from lxml import etree

    tree = etree.parse(str(FINAL_ACTS))
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    for statement in tree.xpath("//a:statement", namespaces=ns):
        number = statement.xpath("string(.//a:FRBRWork/a:FRBRnumber/@value)", namespaces=ns)
        kind, n = number.split("-")
        work = {"res": "pp-", "dec": "pp-dec-", "rec": "pp-rec-"}[kind] + n
        document = documents[f"en/{work}-2018"]
        if any(r.kind == "foreign_text" for r in document.repairs):
            continue
        source = " ".join(
            " ".join("".join(p.itertext()).split())
            for p in statement.xpath(".//a:recitals//a:p | .//a:hcontainer//a:p", namespaces=ns)
        )
        kept = " ".join(
            [s.heading for s in document.sections]
            + [f"{c.label or ''} {c.text}" for c in every_clause(document)]
            + [f"{f.id} {f.text}" for f in document.footnotes]
        )
        words = {w.strip(PUNCTUATION) for w in source.replace("_", " ").split()}
        unmarked = re.sub(r"\[\^(\w+)\]", r"\1", kept)  # countries[^1] was countries1
        have = {w.strip(PUNCTUATION) for w in unmarked.split()}
        missing = words - have - {""}
        assert not missing, (document.id, sorted(missing)[:10])


def test_anchors_are_those_of_the_chinese_text(documents: dict[str, Document]) -> None:
    """The Chinese proposal EUR/44A15/1 amends exactly Res 140 (Rev. Dubai, 2018): 13 of
    the 14 English sections have its anchors (the 14th, "taking into account", is the
    Chinese 考虑到, read as bearing_in_mind in English), and 103 of the 104 clauses."""
    chinese = store.load((GOLDEN / "pp-140-2022-eur-44a15-1.yaml").read_text(encoding="utf-8"))
    english = documents["en/pp-140-2018"]
    zh_sections = {s.anchor for s in chinese.sections}
    en_sections = {s.anchor for s in english.sections}
    assert len(en_sections & zh_sections) == 13
    assert en_sections - zh_sections == {"bearing-in-mind"}
    zh_clauses = {c.anchor for c in every_clause(chinese)}
    en_clauses = {c.anchor for c in every_clause(english)}
    assert len(en_clauses & zh_clauses) == 103
    assert en_clauses - zh_clauses == {"bearing-in-mind-p1"}


STATEMENT = """<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <statement name="resolution">
    <meta><identification source="#itu"><FRBRWork>
      <FRBRauthor href="#itu-pp"/>{number}
    </FRBRWork><FRBRExpression><FRBRlanguage language="eng"/></FRBRExpression></identification></meta>
    <preface><longTitle><p><docNumber>140 (REV. DUBAI, 2018)</docNumber></p></longTitle>
      <container name="title"><p>A title</p></container></preface>
    <preamble><recitals><intro><p>considering</p></intro><recital><p>a) that …</p></recital></recitals></preamble>
  </statement>
</akomaNtoso>
"""


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("<akomaNtoso><statement>", 1, "not well-formed XML"),
        ('<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"/>', 1, "no Akoma"),
        (STATEMENT.format(number=""), 2, "statement has no number"),
    ],
)
def test_bad_xml_is_a_source_error(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = tmp_path / "bad.xml"
    path.write_text(text, encoding="utf-8")
    problem = parse_file(Source(path, path.read_bytes()))
    assert not isinstance(problem, SourceError)
    assert (problem.path, problem.line) == ("bad.xml", line)  # type: ignore[union-attr]
    assert message in problem.message  # type: ignore[union-attr]


def test_a_good_statement_parses(tmp_path: Path) -> None:
    number = '<FRBRnumber value="res-140"/>'
    found = parse_akn(STATEMENT.format(number=number).encode(), "one.xml", Warnings())
    assert [d.id for d in found] == ["en/pp-140-2018"]
    assert [c.anchor for c in every_clause(found[0])] == ["considering-a"]


# A few imported resolutions written as English Word exports would have them (a
# paragraph a line, label TAB text): Res 140, Res 71 with its annexes, Res 136 with a
# label repaired out of its text. Rewrite with ``UPDATE_FIXTURES=1``; review the diff.
EXPORTS = Path(__file__).parent / "data" / "english" / "from-akn"
EXPORTED = ("pp-140-2018", "pp-71-2018", "pp-136-2018")


@pytest.mark.parametrize("name", EXPORTED)
def test_an_english_export_of_the_repaired_model_parses_back_to_it(
    documents: dict[str, Document], name: str
) -> None:
    from benchmarks.synth import source_text

    from .test_synth import without_lines

    imported = documents[f"en/{name}"]
    fixture = EXPORTS / f"{name}.en.txt"
    if os.environ.get("UPDATE_FIXTURES"):
        fixture.parent.mkdir(exist_ok=True)
        fixture.write_text(source_text(imported), encoding="utf-8")
    parsed = parse_file(Source(fixture, fixture.read_bytes()))
    assert not isinstance(parsed, Problem), parsed
    (read_back,) = parsed.documents
    assert read_back.language == "en" and read_back.id == imported.id
    assert without_lines(read_back) == without_lines(imported)
