"""English Word exports, and every body's header in both languages.

Sentences are quoted from the English Final Acts of PP-18 (AKN, below); the fixtures in
tests/data/english/ are Word-export-style texts: Resolution 140 (Rev. Dubai, 2018) from
that file, the others short texts in the form of their body's resolutions.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.errors import SourceError, Warnings
from generator.extract import (
    body_of_conference,
    council_sessions,
    extract_action_lines,
    extract_citations,
    extract_sdgs,
    parse_revisions,
)
from generator.model import Citation, Document, Revision, every_clause
from generator.parse import heading_of, parse_lines
from generator.read import Source, language_of, normalise, stated_language
from generator.store import load

DATA = Path(__file__).resolve().parent / "data" / "english"
GOLDEN = Path(__file__).resolve().parent / "golden"
SEEDS = Path(__file__).resolve().parents[1] / "content" / "sources"
# The PP-18 Final Acts in English, as shipped (a copy of ../shared/corpus/en/'s).
AKN = SEEDS / "pp18-final-acts-akn.xml"
EN = "en"


def parse_file(name: str) -> Document:
    path = DATA / name
    warnings = Warnings()
    documents = parse_lines(Source(path, path.read_bytes()).lines(), name, warnings)
    assert not warnings.items, warnings.items
    assert len(documents) == 1
    return documents[0]


def parse_text(text: str, name: str = "test.txt") -> Document:
    documents = parse_lines(normalise(text), name, Warnings())
    assert len(documents) == 1
    return documents[0]


def anchors(document: Document) -> list[str]:
    return [s.anchor for s in document.sections] + [c.anchor for c in every_clause(document)]


# ---------------------------------------------------------------------------
# Language
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("res-140.en.txt", "en"),
        ("res-140.EN.txt", "en"),
        ("res-140.zh.txt", "zh"),
        ("000_85a01f60b3e6883b.txt", None),
        ("report.2023.txt", None),
        ("wtsa-75-2022.en.txt", "en"),
    ],
)
def test_stated_language(name: str, expected: str | None) -> None:
    assert stated_language(name) == expected


def test_language_of_seeds_and_fixtures() -> None:
    for seed in sorted(SEEDS.glob("*.txt")):
        assert language_of(seed.name, seed.read_text().splitlines()) == "zh", seed.name
    for name, language in [
        ("pp-140-2018.txt", "en"),  # told by its text: no Chinese character
        ("council-1332-2019.txt", "zh"),
        ("itu-r-61-2019.txt", "zh"),
    ]:
        assert language_of(name, (DATA / name).read_text().splitlines()) == language


def test_stated_language_wins_over_the_text() -> None:
    lines = (DATA / "council-1332-2019.txt").read_text().splitlines()
    assert language_of("council-1332-2019.en.txt", lines) == "en"


def test_a_language_not_read_yet_is_refused() -> None:
    with pytest.raises(SourceError, match="only Chinese"):
        parse_lines(["RESOLUTION 140"], "res-140.fr.txt", Warnings())


def test_normalise_leaves_english_alone() -> None:
    """Punctuation is made full-width only next to Chinese; labels still get one TAB;
    a year starting a line (a title broken before "2030 Agenda") is no label."""
    text = (DATA / "pp-140-2018.txt").read_text(encoding="utf-8")
    lines = normalise(text)
    assert not any(re.search("[，；：（）]", line) for line in lines)
    expected = [line.strip() for line in text.split("\n")]
    expected[0] = expected[0].removeprefix("[bookmark: _Toc536172387]")
    assert lines == expected
    assert normalise("a) that ITU (the Union); and\n1  to report,\n2030 Agenda") == [
        "a)\tthat ITU (the Union); and",
        "1\tto report,",
        "2030 Agenda",
    ]


# ---------------------------------------------------------------------------
# Headers, formulas, history lines: every body, both languages
# ---------------------------------------------------------------------------

FRONT = "\n{title}\n{history}{formula}\nresolves\n1\tto act.\n"
FRONT_ZH = "\n{title}\n{history}{formula}\n做出决议\n1\t行动。\n"

HEADER_CASES = [
    # header, formula, history line, → id, body, number, revision, history years
    (
        "RESOLUTION 140 (Rev. Dubai, 2018)",
        "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),",
        "",
        ("en/pp-140-2018", "pp", "140", Revision(2018, "Dubai"), [2018]),
    ),
    (
        "Resolution 140 (Rev. Dubai, 2018)",
        "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),",
        "(Antalya, 2006; Guadalajara, 2010; Busan, 2014; Dubai, 2018)\n",
        ("en/pp-140-2018", "pp", "140", Revision(2018, "Dubai"), [2006, 2010, 2014, 2018]),
    ),
    (
        "RESOLUTION 75 (Rev. Geneva, 2022)",
        "The World Telecommunication Standardization Assembly (Geneva, 2022),",
        "(Johannesburg, 2008; Dubai, 2012; Hammamet, 2016; Geneva, 2022)\n",
        ("en/wtsa-75-2022", "wtsa", "75", Revision(2022, "Geneva"), [2008, 2012, 2016, 2022]),
    ),
    (
        "RESOLUTION 30 (Rev. Kigali, 2022)",
        "The World Telecommunication Development Conference (Kigali, 2022),",
        "",
        ("en/wtdc-30-2022", "wtdc", "30", Revision(2022, "Kigali"), [2022]),
    ),
    (
        "RESOLUTION 30 (Rev. Buenos Aires, 2017)",
        "The World Telecommunication Development Conference (Buenos Aires, 2017),",
        "",
        ("en/wtdc-30-2017", "wtdc", "30", Revision(2017, "Buenos Aires"), [2017]),
    ),
    (
        "RESOLUTION ITU-R 69-1",
        "The ITU Radiocommunication Assembly,",
        "(2012-2015)\n",
        ("en/itu-r-69-2015", "itu-r", "69-1", Revision(2015), [2012, 2015]),
    ),
    (
        "RESOLUTION 1332 (C-16, last amended C-19)",
        "The Council,",
        "",
        ("en/council-1332-2019", "council", "1332", Revision(2019), [2016, 2019]),
    ),
    # No formula: the header alone tells the body.
    (
        "RESOLUTION 1332 (C-16)",
        "",
        "",
        ("en/council-1332-2016", "council", "1332", Revision(2016), [2016]),
    ),
    (
        "RESOLUTION 102 (Rev. Dubai, 2018)",
        "",
        "",
        ("en/pp-102-2018", "pp", "102", Revision(2018, "Dubai"), [2018]),
    ),
]

HEADER_CASES_ZH = [
    (
        "第1332号决议（C-2016）",  # the 2016 session, not WTSA-16
        "理事会，",
        "",
        ("council-1332-2016", "council", "1332", Revision(2016), [2016]),
    ),
    (
        "第1332号决议（C11，最后一次修订为C19）",
        "理事会，",
        "",
        ("council-1332-2019", "council", "1332", Revision(2019), [2011, 2019]),
    ),
    (
        "ITU-R 第69-1号决议",
        "国际电联无线电通信全会，",
        "（2012-2015年）\n",
        ("itu-r-69-2015", "itu-r", "69-1", Revision(2015), [2012, 2015]),
    ),
    (
        "第30号决议（2017年，布宜诺斯艾利斯，修订版）",
        "世界电信发展大会（2017年，布宜诺斯艾利斯），",
        "（1994年，布宜诺斯艾利斯；2017年，布宜诺斯艾利斯）\n",
        ("wtdc-30-2017", "wtdc", "30", Revision(2017, "布宜诺斯艾利斯"), [1994, 2017]),
    ),
    (
        "第75号决议（2022年，日内瓦，修订版）",
        "世界电信标准化全会（2022年，日内瓦），",
        "",
        ("wtsa-75-2022", "wtsa", "75", Revision(2022, "日内瓦"), [2022]),
    ),
]


@pytest.mark.parametrize(("header", "formula", "history", "expected"), HEADER_CASES)
def test_english_headers(header: str, formula: str, history: str, expected: tuple) -> None:
    text = header + FRONT.format(title="A title", history=history, formula=formula)
    document = parse_text(text)
    assert document.language == EN
    document_id, body, number, revision, years = expected
    assert (document.id, document.body, document.number) == (document_id, body, number)
    assert document.work == f"{body}-{number.split('-')[0]}"
    assert document.revision == revision
    assert [r.year for r in document.history] == years
    assert document.title == "A title"
    assert [s.anchor for s in document.sections] == ["resolves"]


@pytest.mark.parametrize(("header", "formula", "history", "expected"), HEADER_CASES_ZH)
def test_chinese_headers_of_every_body(
    header: str, formula: str, history: str, expected: tuple
) -> None:
    text = header + FRONT_ZH.format(title="标题", history=history, formula=formula)
    document = parse_text(text)
    document_id, body, number, revision, years = expected
    assert (document.id, document.body, document.number, document.revision) == (
        document_id,
        body,
        number,
        revision,
    )
    assert [r.year for r in document.history] == years


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(Rev. Dubai, 2018)", [(2018, "Dubai")]),
        (
            "(Kyoto, 1994; Marrakesh, 2002; Antalya, 2006)",
            [(1994, "Kyoto"), (2002, "Marrakesh"), (2006, "Antalya")],
        ),
        ("(Rev. Buenos Aires, 2017)", [(2017, "Buenos Aires")]),
        ("(Sharm el-Sheikh, 2019)", [(2019, "Sharm el-Sheikh")]),
        ("(2012-2015)", [(2012, None), (2015, None)]),
        ("(Rev. DubaiBucharest, 20182022)", [(2022, "Bucharest")]),  # flattened change
    ],
)
def test_english_revisions(text: str, expected: list[tuple[int, str | None]]) -> None:
    assert parse_revisions(text, EN) == tuple(Revision(y, p) for y, p in expected)


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("(C-16, last amended C-19)", [2016, 2019]),
        ("（C-2016）", [2016]),
        ("（C11，最后一次修订为C19）", [2011, 2019]),
        ("(C-99)", [1999]),
        ("(Rev. Dubai, 2018)", []),
    ],
)
def test_council_sessions(text: str, years: list[int]) -> None:
    assert council_sessions(text) == tuple(Revision(y) for y in years)


@pytest.mark.parametrize(
    ("year", "place", "body"),
    [
        (2018, "Dubai", "pp"),
        (2012, "Dubai", "wtsa"),
        (2014, "Dubai", "wtdc"),
        (2023, "Dubai", "itu-r"),
        (2017, "Buenos Aires", "wtdc"),
        (1998, "Minneapolis", "pp"),
        (2016, "Hammamet", "wtsa"),
        (2004, "Florianópolis", "wtsa"),
        (2019, "Sharm el-Sheikh", "itu-r"),
        (2022, "Geneva", "wtsa"),
    ],
)
def test_english_places(year: int, place: str, body: str) -> None:
    assert body_of_conference(year, place) == body


# Headings as the AKN file writes them (its <i>…</i> intros and headings).
@pytest.mark.parametrize(
    ("line", "anchor"),
    [
        ("recalling", "recalling"),
        ("considering further", "considering-further"),
        ("taking into account", "bearing-in-mind"),
        ("noting with concern", "noting-with-concern"),
        ("recognizing", "recognizing"),
        ("resolves", "resolves"),
        ("instructs the Secretary-General", "instructs-secretary-general"),
        (
            "instructs the Secretary-General and the Directors of the Bureaux",
            "instructs-secretary-general-and-directors",
        ),
        ("instructs the Directors of the Bureaux", "instructs-directors"),
        (
            "instructs the Director of the Telecommunication Development Bureau",
            "instructs-director-bdt",
        ),
        (
            "instructs the Director of the Telecommunication Standardization Bureau",
            "instructs-director-tsb",
        ),
        ("requests the ITU Council", "requests-council"),
        (
            "invites Member States, Sector Members, Associates and Academia",
            "invites-member-states-sector-members-associates-and-academia",
        ),
        ("continues to invite", "invites-further"),
    ],
)
def test_english_headings(line: str, anchor: str) -> None:
    found = heading_of(line, EN)
    assert found is not None
    assert (found.verb + (f"-{found.addressee}" if found.addressee else "")).replace(
        "_", "-"
    ) == anchor


@pytest.mark.parametrize(
    "line",
    [
        "The Council,",
        "that ITU plays a fundamental role in providing global perspectives;",
        "resolves 1, 2, 3, and 4 above,",
        "noting, in particular,",
        "notingly",
    ],
)
def test_english_non_headings(line: str) -> None:
    assert heading_of(line, EN) is None


# ---------------------------------------------------------------------------
# Citations, quoted from the PP-18 Final Acts (AKN)
# ---------------------------------------------------------------------------


def cite(target: str, text: str, year: int | None = None, place: str | None = None) -> Citation:
    return Citation(target, text, Revision(year, place) if year else None)


CITATION_CASES_EN = [
    (
        "Resolution 73 (Minneapolis, 1998) of the Plenipotentiary Conference, which achieved its aims",
        [
            cite(
                "pp-73",
                "Resolution 73 (Minneapolis, 1998) of the Plenipotentiary Conference",
                1998,
                "Minneapolis",
            )
        ],
    ),
    (
        "Resolution 140 (Rev. Busan, 2014) of the Plenipotentiary Conference, on ITU's role",
        [
            cite(
                "pp-140",
                "Resolution 140 (Rev. Busan, 2014) of the Plenipotentiary Conference",
                2014,
                "Busan",
            )
        ],
    ),
    # Body from year and place, as a bare Chinese citation.
    (
        "the Resolution 73 (Minneapolis, 1998)",
        [cite("pp-73", "Resolution 73 (Minneapolis, 1998)", 1998, "Minneapolis")],
    ),
    (
        "Resolution 102 (Rev. Dubai, 2018)",
        [cite("pp-102", "Resolution 102 (Rev. Dubai, 2018)", 2018, "Dubai")],
    ),
    # "this conference" is the citing body.
    (
        "that Resolution 200 (Rev. Dubai, 2018) of this conference endorsed",
        [cite("wtsa-200", "Resolution 200 (Rev. Dubai, 2018) of this conference", 2018, "Dubai")],
    ),
    (
        "in particular Resolution 30 (Rev. Buenos Aires, 2017) of WTDC, and relevant resolutions",
        [cite("wtdc-30", "Resolution 30 (Rev. Buenos Aires, 2017) of WTDC", 2017, "Buenos Aires")],
    ),
    (
        "Resolution 30 (Rev. Buenos Aires, 2017) of the World Telecommunication Development Conference",
        [
            cite(
                "wtdc-30",
                "Resolution 30 (Rev. Buenos Aires, 2017) of the World Telecommunication Development Conference",
                2017,
                "Buenos Aires",
            )
        ],
    ),
    (
        "WTSA Resolution 75 (Rev. Geneva, 2022)",
        [cite("wtsa-75", "WTSA Resolution 75 (Rev. Geneva, 2022)", 2022, "Geneva")],
    ),
    (
        "Resolutions 50 and 52 (Rev. Hammamet, 2016) of WTSA",
        [
            cite(
                "wtsa-50", "Resolutions 50 and 52 (Rev. Hammamet, 2016) of WTSA", 2016, "Hammamet"
            ),
            cite(
                "wtsa-52", "Resolutions 50 and 52 (Rev. Hammamet, 2016) of WTSA", 2016, "Hammamet"
            ),
        ],
    ),
    (
        "UNGA Resolution 70/125, on the outcome document",
        [cite("unga-70/125", "UNGA Resolution 70/125")],
    ),
    (
        "United Nations General Assembly (UNGA) Resolution 70/1, on transforming our world",
        [cite("unga-70/1", "United Nations General Assembly (UNGA) Resolution 70/1")],
    ),
    ("that UNGA, in its Resolution 70/125, decided", [cite("unga-70/125", "Resolution 70/125")]),
    (
        "that Council Resolution 1380 (2016, last amended 2017) set the dates for RA-19",
        [cite("council-1380", "Council Resolution 1380 (2016, last amended 2017)", 2017)],
    ),
    ("Council Resolution 1332", [cite("council-1332", "Council Resolution 1332")]),
    (
        "Resolution ITU-R 48-2 (Rev. Geneva, 2015) of the Radiocommunication Assembly",
        [
            cite(
                "itu-r-48",
                "Resolution ITU-R 48-2 (Rev. Geneva, 2015) of the Radiocommunication Assembly",
                2015,
                "Geneva",
            )
        ],
    ),
    (
        "Resolution ITU-R 7-3 (Rev. Geneva, 2015) of RA, on",
        [cite("itu-r-7", "Resolution ITU-R 7-3 (Rev. Geneva, 2015) of RA", 2015, "Geneva")],
    ),
    ("Resolution ITU-R 69-1", [cite("itu-r-69", "Resolution ITU-R 69-1")]),
    # Not resolutions, or not tracked: never a citation.
    ("in accordance with No. 119 of the Convention", []),
    ("Article 5 of the Constitution", []),
    ("Recommendation ITU-T A.1", []),
    ("Decision 5 (Rev. Dubai, 2018) of this conference", []),
    ("Opinion 4 (Geneva, 2013) of WTPF", []),
    ("and ECOSOC Resolution 2012/24, on incorporating", []),
    ("resolves 1, 2, 3, and 4 above", []),
]


@pytest.mark.parametrize(("text", "expected"), CITATION_CASES_EN)
def test_english_citations(text: str, expected: list[Citation]) -> None:
    assert extract_citations(text, "wtsa", EN) == tuple(expected)


def test_english_citations_in_the_akn_file_are_all_read() -> None:
    """Every "Resolution N (Rev. Place, Year)" of the Final Acts gives a citation whose
    body its year and place (or the words after it) tell: none is left as unknown."""
    text = AKN.read_text(encoding="utf-8")
    found = re.findall(r"Resolutions? \d+ \(Rev\. [^()]+\)[^;<]{0,80}", text)
    assert len(found) > 200
    for sentence in found:
        refs = extract_citations(sentence, "pp", EN)
        assert refs, sentence
        assert all(re.match(r"^(pp|wtsa|wtdc|itu-r|council)-\d+$", r.target) for r in refs), (
            sentence
        )


# Chinese citations of texts that are not resolutions.
@pytest.mark.parametrize(
    "text",
    [
        "全权代表大会第1号建议（2018年，迪拜，修订版）",
        "第5号决定（2018年，迪拜，修订版）",
        "世界电信/ICT政策论坛第1号意见",
        "理事会第1号决定和第5号建议",
    ],
)
def test_chinese_non_resolutions_are_not_cited(text: str) -> None:
    assert extract_citations(text, "pp") == ()


def test_chinese_resolution_after_a_decision_is_still_cited() -> None:
    assert extract_citations("第5号决定和第71号决议（2018年，迪拜，修订版）", "pp") == (
        cite("pp-71", "第71号决议（2018年，迪拜，修订版）", 2018, "迪拜"),
    )


# ---------------------------------------------------------------------------
# SDGs and action lines in English
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "goals", "targets"),
    [
        ("for Sustainable Development, including SDG 5, invites Member States", [5], []),
        (
            "in the Sustainable Development Goals (SDGs), in particular SDGs 1, 3, 4, 5, 9, 10 and 16",
            [1, 3, 4, 5, 9, 10, 16],
            [],
        ),
        ('on Sustainable Development Goal (SDG) 5: "Achieve gender equality', [5], []),
        ("Sustainable Development Goal 4", [4], []),
        ("SDGs 1, 3 and 5", [1, 3, 5], []),
        ("Goals 1-17", list(range(1, 18)), []),
        (
            "addressing SDG 9 (Industry, innovation and infrastructure) and target 9.c aiming",
            [9],
            ["9.c"],
        ),
        ("target 5.b", [5], ["5.b"]),
        # ITU's own goals and Connect 2030 targets are not SDGs.
        ("Goal 1: Growth Target 1.1: By 2023, 65% of households", [], []),
        ("the 17 Sustainable Development Goals (SDGs) adopted in UNGA Resolution 70/1", [], []),
    ],
)
def test_english_sdgs(text: str, goals: list[int], targets: list[str]) -> None:
    assert extract_sdgs(text, EN) == (tuple(goals), tuple(targets))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "as a moderator/facilitator for implementing Action Lines C2, C5 and C6;",
            ["C2", "C5", "C6"],
        ),
        ("in accordance with WSIS Action Line C5.", ["C5"]),
        ("Action Lines C1-C11", [f"C{n}" for n in range(1, 12)]),
        ("Council Resolution 1332 (C11, last amended C19)", []),  # sessions, not action lines
    ],
)
def test_english_action_lines(text: str, expected: list[str]) -> None:
    assert list(extract_action_lines(text)) == expected


# ---------------------------------------------------------------------------
# The fixtures
# ---------------------------------------------------------------------------


def test_pp_140_fixture() -> None:
    document = parse_file("pp-140-2018.txt")
    assert (document.id, document.language, document.body, document.work) == (
        "en/pp-140-2018",
        "en",
        "pp",
        "pp-140",
    )
    assert document.revision == Revision(2018, "Dubai")
    assert [r.place for r in document.history] == ["Antalya", "Guadalajara", "Busan", "Dubai"]
    assert document.title.startswith("ITU's role in implementing the outcomes of the World Summit")
    assert "the 2030 Agenda for Sustainable Development, as well as" in document.title
    assert [s.anchor for s in document.sections] == [
        "recalling",
        "considering",
        "considering-further",
        "noting",
        "bearing-in-mind",
        "recognizing",
        "resolves",
        "instructs-secretary-general",
        "instructs-secretary-general-and-directors",
        "instructs-directors",
        "instructs-director-bdt",
        "requests-council",
        "invites-member-states-sector-members-associates-and-academia",
    ]
    clauses = {c.anchor: c for c in every_clause(document)}
    assert [r.target for r in clauses["recalling-a"].refs] == ["pp-73"]
    assert [r.target for r in clauses["recalling-f"].refs] == ["pp-140"]
    assert [r.target for r in clauses["considering-h"].refs] == ["pp-200"]  # this conference
    assert [r.target for r in clauses["resolves-8"].refs] == ["wtdc-30"]
    assert clauses["resolves-6-ii"].action_lines == ("C1", "C3", "C4", "C7", "C8", "C9", "C11")
    assert "instructs-secretary-general-and-directors-3-vi" in clauses
    assert [f.id for f in document.footnotes] == ["1", "2", "3"]
    assert "[^1]" in clauses["considering-further-c"].text


def test_wtsa_75_fixture() -> None:
    document = parse_file("wtsa-75-2022.en.txt")
    assert (document.id, document.body, document.revision) == (
        "en/wtsa-75-2022",
        "wtsa",
        Revision(2022, "Geneva"),
    )
    clauses = {c.anchor: c for c in every_clause(document)}
    assert list(clauses)[:3] == ["considering-a", "considering-a-bis", "considering-b"]
    assert clauses["considering-a-bis"].label == "a)bis"
    assert [r.target for r in clauses["considering-c-ii"].refs] == ["pp-140"]
    assert [r.target for r in clauses["considering-further-b"].refs] == ["council-1332"]
    assert [r.target for r in clauses["bearing-in-mind-b"].refs] == ["itu-r-61"]
    assert [r.target for r in clauses["resolves-2"].refs] == ["wtsa-50", "wtsa-52"]
    assert clauses["resolves-1"].sdgs == (1, 3, 4, 5, 9, 17)
    assert clauses["resolves-1"].sdg_targets == ("5.b",)
    assert len(clauses["resolves-1"].action_lines) == 11
    assert clauses["instructs-director-tsb-1"].refs == ()  # No. 197, Recommendation ITU-T A.1
    assert clauses["instructs-director-tsb-2"].refs == ()  # Decision 5, Opinion 1, ECOSOC
    dashes = [c for c in every_clause(document) if c.label == "−"]
    assert [c.anchor for c in dashes] == [
        "invites-member-states-and-sector-members-d1",
        "invites-member-states-and-sector-members-d2",
    ]


@pytest.mark.parametrize(
    ("name", "expected_id", "citations"),
    [
        (
            "council-1332-2019.en.txt",
            "en/council-1332-2019",
            ["pp-140", "unga-70/125", "council-1334"],
        ),
        ("council-1332-2019.txt", "council-1332-2019", ["pp-140", "unga-70/125", "council-1334"]),
        ("itu-r-61-2019.en.txt", "en/itu-r-61-2019", ["pp-140", "itu-r-69"]),
        ("itu-r-61-2019.txt", "itu-r-61-2019", ["pp-140", "itu-r-69"]),
    ],
)
def test_council_and_itu_r_fixtures(name: str, expected_id: str, citations: list[str]) -> None:
    document = parse_file(name)
    assert document.id == expected_id
    assert [r.target for c in every_clause(document) for r in c.refs] == citations
    if document.body == "council":
        assert (document.number, document.revision) == ("1332", Revision(2019))
        assert [r.year for r in document.history] == [2011, 2019]
    else:
        assert (document.work, document.number, document.revision) == (
            "itu-r-61",
            "61-2",
            Revision(2019),
        )


def test_language_versions_share_their_anchors() -> None:
    """The Chinese and English texts of one resolution have the same anchors."""
    for name in ("council-1332-2019", "itu-r-61-2019"):
        english, chinese = parse_file(f"{name}.en.txt"), parse_file(f"{name}.txt")
        assert anchors(english) == anchors(chinese), name


# Measured: 114 anchors in common, of the English text's 117 (97%) and of the Chinese
# proposal's 126 (90%). The proposal adds recalling g)-i), recognizing h)-k) and resolves
# 12; its Chinese writes the one "taking into account" paragraph under a second 考虑到
# (considering-2, where the English reads bearing-in-mind); and its 表达 is a heading
# of its own, where the English runs "expresses its warmest thanks…" as one paragraph.
SHARED_OF_ENGLISH = 0.95
SHARED_OF_CHINESE = 0.90


def test_pp_140_anchors_against_the_chinese_proposal() -> None:
    english = set(anchors(parse_file("pp-140-2018.txt")))
    chinese_yaml = load((GOLDEN / "pp-140-2022-eur-44a15-1.yaml").read_text(encoding="utf-8"))
    chinese = set(anchors(chinese_yaml))
    shared = english & chinese
    assert len(shared) / len(english) >= SHARED_OF_ENGLISH
    assert len(shared) / len(chinese) >= SHARED_OF_CHINESE
    assert english - chinese == {
        "bearing-in-mind",
        "bearing-in-mind-p1",
        "invites-member-states-sector-members-associates-and-academia-6-p1",
    }


def test_english_proposal() -> None:
    """``MOD EUR/44A15/1`` before an English header whose tracked change is flattened
    (the base's revision, then the conference's), and ``Reasons:`` after it."""
    text = (
        "MOD\tEUR/44A15/1\n"
        "RESOLUTION 140 (Rev. Dubai, 2018Rev. Bucharest, 2022)\n"
        "A title\n"
        "The Plenipotentiary Conference of the International Telecommunication Union "
        "(DubaiBucharest, 20182022),\n"
        "resolves\n"
        "1\tto act;\n"
        "Reasons:\tTo update the resolution.\n"
    )
    document = parse_text(text, "eur.en.txt")
    assert document.id == "en/pp-140-2022-eur-44a15-1"
    assert document.proposal is not None
    assert document.proposal.base == Revision(2018, "Dubai")
    assert document.proposal.conference == Revision(2022, "Bucharest")
    assert document.proposal.reason == "To update the resolution."
    assert [c.anchor for c in every_clause(document)] == ["resolves-1"]
