"""Case tables for generator.extract, quoted from the seed texts in content/sources/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract import (
    body_of_conference,
    extract_action_lines,
    extract_citations,
    extract_sdgs,
    find_edits,
    parse_revisions,
    reading,
)
from generator.model import Citation, Revision
from generator.tables import BODIES, BODY_WORDS, CONFERENCES, SELF

SOURCES = Path(__file__).resolve().parents[1] / "content" / "sources"
SEEDS = sorted(SOURCES.glob("*.txt"))

# The seed files; BRIEF marks a form the brief names that the seeds do not contain.
F0 = "000_85a01f60b3e6883b.txt"  # EUR proposal: PP Resolution 140 (PP-22)
F1 = "001_bddbb5577af57d66.txt"  # WTSA Resolution 75 (Geneva, 2022)
F2 = "002_3e41bc2e18e49520.txt"  # Secretary-General's report to Council (no resolution)
F3 = "003_52fe743b396765bc.txt"  # ITU-D contribution (TDAG), annex mapping outcomes
F4 = "004_dfd693b219ab3d6d.txt"  # European Common Proposals for PP-18
BRIEF = None


def cite(target: str, text: str, year: int | None = None, place: str | None = None) -> Citation:
    return Citation(target, text, Revision(year, place) if year else None)


# ---------------------------------------------------------------------------
# parse_revisions
# ---------------------------------------------------------------------------

REVISION_CASES = [
    (F4, "（2014年，釜山2018年，迪拜，修订版）", [(2014, "釜山"), (2018, "迪拜")]),
    (F1, "（2022年，日内瓦，修订版）", [(2022, "日内瓦")]),
    (
        F1,
        "（2008年，约翰内斯堡；2012年，迪拜；2016年，哈马马特；2022年，日内瓦）",
        [(2008, "约翰内斯堡"), (2012, "迪拜"), (2016, "哈马马特"), (2022, "日内瓦")],
    ),
    (
        F0,
        "（2017年，布宜诺斯艾利斯2022年，基加利，修订版）",
        [(2017, "布宜诺斯艾利斯"), (2022, "基加利")],
    ),
    (F1, "（2018，迪拜，修订版）", [(2018, "迪拜")]),  # 年 missing
    (F4, "（2014，迪拜，修订版）", [(2014, "迪拜")]),
    (F3, "（2016年，修订版）", [(2016, None)]),
    (F2, "（2019年，修改版）", [(2019, None)]),
    (F4, "（2009年）", [(2009, None)]),
    (F4, "（1998年，明尼阿波利斯）", [(1998, "明尼阿波利斯")]),
    # A flattened edit of year and place: the later ones.
    (F4, "（20147年，迪拜布宜诺斯艾利斯，修订版）", [(2017, "布宜诺斯艾利斯")]),
    # A session is no place.
    (F0, "（2021年，第41届会议）", [(2021, None)]),
    (F2, "（C11，最后一次修订为C19）", []),
]


@pytest.mark.parametrize(("source", "text", "expected"), REVISION_CASES)
def test_parse_revisions(
    source: str | None, text: str, expected: list[tuple[int, str | None]]
) -> None:
    assert parse_revisions(text) == tuple(Revision(y, p) for y, p in expected)


# ---------------------------------------------------------------------------
# body_of_conference
# ---------------------------------------------------------------------------

CONFERENCE_CASES = [
    # Dubai hosted WTSA-12, WTDC-14, PP-18 and RA-23: the year decides.
    (2012, "迪拜", "wtsa"),
    (2014, "迪拜", "wtdc"),
    (2018, "迪拜", "pp"),
    (2023, "迪拜", "itu-r"),
    (2017, "布宜诺斯艾利斯", "wtdc"),
    (1994, "布宜诺斯艾利斯", "wtdc"),
    (2022, "日内瓦", "wtsa"),
    (2022, "基加利", "wtdc"),
    (2022, "布加勒斯特", "pp"),
    (2012, "日内瓦", "itu-r"),
    (2000, "伊斯坦布尔", "itu-r"),
    (2002, "伊斯坦布尔", "wtdc"),
    (2006, "多哈", "wtdc"),
    (2006, "安塔利亚", "pp"),
    (2019, "沙姆沙伊赫", "itu-r"),
    # No place: only a year naming a single body gives one.
    (2016, None, "wtsa"),
    (2017, None, "wtdc"),
    (2019, None, "itu-r"),
    (2010, None, None),  # PP Guadalajara and WTDC Hyderabad
    (2012, None, None),
    (2014, None, None),
    (2022, None, None),
    (2009, None, None),  # a Council year: no conference
    (2011, "迪拜", None),
    # A place that met nothing that year: the year alone decides.
    (2016, "纽约", "wtsa"),
    (2014, "纽约", None),
]


@pytest.mark.parametrize(("year", "place", "expected"), CONFERENCE_CASES)
def test_body_of_conference(year: int, place: str | None, expected: str | None) -> None:
    assert body_of_conference(year, place) == expected


def test_tables() -> None:
    words = [word for word, _ in BODY_WORDS]
    assert words == sorted(words, key=len, reverse=True), "BODY_WORDS longest first"
    assert {body for _, body in BODY_WORDS} <= set(BODIES) | {SELF}
    assert {c.body for c in CONFERENCES} == {"pp", "wtsa", "wtdc", "itu-r"}
    assert sorted(c.body for c in CONFERENCES if c.zh == "迪拜") == ["itu-r", "pp", "wtdc", "wtsa"]
    assert sorted(c.body for c in CONFERENCES if c.en == "Dubai") == ["itu-r", "pp", "wtdc", "wtsa"]
    assert len({(c.body, c.year) for c in CONFERENCES}) == len(CONFERENCES)


# ---------------------------------------------------------------------------
# extract_citations
# ---------------------------------------------------------------------------

S496 = "第49、50、和52、号决议（2012年，迪拜，修订版）"
S64 = "第64、69和75号决议（2012年，迪拜2016年，哈马马特，修订版）"

CITATION_CASES = [
    # Lists: a parenthetical after the list applies to every number; all share the span.
    (
        F4,
        "管理国际公共政策问题方面的作用的第101和102号决议（2010年，瓜达拉哈拉，修订版）的各项条款，",
        "pp",
        [
            cite("pp-101", "第101和102号决议（2010年，瓜达拉哈拉，修订版）", 2010, "瓜达拉哈拉"),
            cite("pp-102", "第101和102号决议（2010年，瓜达拉哈拉，修订版）", 2010, "瓜达拉哈拉"),
        ],
    ),
    (
        F4,
        (
            "世界电信标准化全会第50、第52号决议和第58号决议（2012年，迪拜2016年，哈马马特，修订版）"
            "确定的国际电联的工作；第45号决议（2014年，迪拜，修订版）"
        ),
        "pp",
        [
            cite(
                f"wtsa-{n}",
                "第50、第52号决议和第58号决议（2012年，迪拜2016年，哈马马特，修订版）",
                2016,
                "哈马马特",
            )
            for n in (50, 52, 58)
        ]
        + [cite("wtdc-45", "第45号决议（2014年，迪拜，修订版）", 2014, "迪拜")],
    ),
    (
        F4,
        (
            "按照第45号决议和第69号决议（2014年，迪拜，修订版）、"
            "第69号决议和第80号决议（2014年，迪拜2017年，布宜诺斯艾利斯，修订版）"
        ),
        "pp",
        [
            cite("wtdc-45", "第45号决议和第69号决议（2014年，迪拜，修订版）", 2014, "迪拜"),
            cite("wtdc-69", "第45号决议和第69号决议（2014年，迪拜，修订版）", 2014, "迪拜"),
            cite(
                "wtdc-69",
                "第69号决议和第80号决议（2014年，迪拜2017年，布宜诺斯艾利斯，修订版）",
                2017,
                "布宜诺斯艾利斯",
            ),
            cite(
                "wtdc-80",
                "第69号决议和第80号决议（2014年，迪拜2017年，布宜诺斯艾利斯，修订版）",
                2017,
                "布宜诺斯艾利斯",
            ),
        ],
    ),
    (
        F4,
        "根据第50和第52号决议（2012年，迪拜2016年，哈马马特，修订版）以及第45号决议（2014年，迪拜，修订版）",
        "pp",
        [
            cite(
                "wtsa-50",
                "第50和第52号决议（2012年，迪拜2016年，哈马马特，修订版）",
                2016,
                "哈马马特",
            ),
            cite(
                "wtsa-52",
                "第50和第52号决议（2012年，迪拜2016年，哈马马特，修订版）",
                2016,
                "哈马马特",
            ),
            cite("wtdc-45", "第45号决议（2014年，迪拜，修订版）", 2014, "迪拜"),
        ],
    ),
    # Flattened edits leave stray 、 inside lists.
    (
        F4,
        "世界电信标准化全会（WTSA）第47、和第48号决议（2012年，迪拜，修订版）、以及"
        + S496
        + "以及"
        + S64
        + "，",
        "pp",
        [
            cite(f"wtsa-{n}", "第47、和第48号决议（2012年，迪拜，修订版）", 2012, "迪拜")
            for n in (47, 48)
        ]
        + [cite(f"wtsa-{n}", S496, 2012, "迪拜") for n in (49, 50, 52)]
        + [cite(f"wtsa-{n}", S64, 2016, "哈马马特") for n in (64, 69, 75)],
    ),
    (
        F4,
        "本届大会第102、130、133、180号决议（2014年，釜山，修订版）；",
        "pp",
        [
            cite(f"pp-{n}", "第102、130、133、180号决议（2014年，釜山，修订版）", 2014, "釜山")
            for n in (102, 130, 133, 180)
        ],
    ),
    (
        F4,
        "国际电联理事会通过的第1305、1336和1344号决议；",
        "pp",
        [cite(f"council-{n}", "第1305、1336和1344号决议") for n in (1305, 1336, 1344)],
    ),
    # Number format decides first: Council (≥ 1000), UN GA, UNESCO, ITU-R 61-2.
    (
        F2,
        "根据第1332号决议（C11，最后一次修订为C19），秘书长每年都要编写一份",
        None,
        [cite("council-1332", "第1332号决议（C11，最后一次修订为C19）", 2019)],  # session C19
    ),
    (
        F2,
        "（C22/28号文件，由理事会第1407（C22）号决议通过）",
        None,
        [cite("council-1407", "第1407（C22）号决议")],
    ),
    (
        F4,
        "国际电联理事会2009年会议上通过的第1305号决议（2009年）确定，",
        "pp",
        [cite("council-1305", "第1305号决议（2009年）", 2009)],
    ),
    (
        F2,
        "理事会第1332号决议（2019年，修改版）、第1334号决议（2015年，修改版）；",
        None,
        [
            cite("council-1332", "第1332号决议（2019年，修改版）", 2019),
            cite("council-1334", "第1334号决议（2015年，修改版）", 2015),
        ],
    ),
    (
        F2,
        "无线电通信全会第61-2号决议（2019年，沙姆沙伊赫，修订版）、世界电信标准化全会第75号决议（2022年，日内瓦，修订版）",
        None,
        [
            cite("itu-r-61", "第61-2号决议（2019年，沙姆沙伊赫，修订版）", 2019, "沙姆沙伊赫"),
            cite("wtsa-75", "第75号决议（2022年，日内瓦，修订版）", 2022, "日内瓦"),
        ],
    ),
    # 61-2 is ITU-R's even when the text names WRC.
    (
        F2,
        "世界无线电通信大会（WRC）第61-2号决议（2019年，修改版）；",
        None,
        [cite("itu-r-61", "第61-2号决议（2019年，修改版）", 2019)],
    ),
    (
        F0,
        "联合国教科文组织大会（2021年，第41届会议）有关WSIS成果的第41C/27号决议；",
        "pp",
        [cite("unesco-41c/27", "第41C/27号决议")],
    ),
    (
        F2,
        (
            "联大决议：A/RES/70/125、A/RES/70/1、A/71/212、A/70/299、A/70/684、A/RES/73/218；"
            "联合国经社理事会（ECOSOC）决议：第E/RES/2022/15号决议；"
            "全权代表大会第140号决议（2022年，布加勒斯特，修订版）、第172号决议（2010年，瓜达拉哈拉，修订版）"
        ),
        None,
        [
            cite("unga-70/125", "A/RES/70/125"),
            cite("unga-70/1", "A/RES/70/1"),
            cite("unga-73/218", "A/RES/73/218"),
            cite("pp-140", "第140号决议（2022年，布加勒斯特，修订版）", 2022, "布加勒斯特"),
            cite("pp-172", "第172号决议（2010年，瓜达拉哈拉，修订版）", 2010, "瓜达拉哈拉"),
        ],
    ),
    (
        F4,
        "以考虑到联大第A/70/1和A/70/125号决议提供的指导。",
        "pp",
        [
            cite("unga-70/1", "第A/70/1和A/70/125号决议"),
            cite("unga-70/125", "第A/70/1和A/70/125号决议"),
        ],
    ),
    (F4, "有关审查WSIS的联合国大会68/302号决议；", "pp", [cite("unga-68/302", "68/302号决议")]),
    (F4, "联大第A/68/302号决议", "pp", [cite("unga-68/302", "第A/68/302号决议")]),
    # Then a body word right before the number (short gap allowed).
    (
        F0,
        "特别是WTDC第30号决议（2017年，布宜诺斯艾利斯2022年，基加利，修订版）以及全权代表大会的相关决议",
        "pp",
        [
            cite(
                "wtdc-30",
                "第30号决议（2017年，布宜诺斯艾利斯2022年，基加利，修订版）",
                2022,
                "基加利",
            )
        ],
    ),
    (
        F4,
        "世界电信发展大会（WTDC）第30号决议（2014年，迪拜，修订版）；",
        "pp",
        [cite("wtdc-30", "第30号决议（2014年，迪拜，修订版）", 2014, "迪拜")],
    ),
    (
        F1,
        "无线电通信全会ITU-R第61号决议（2019年，沙姆沙伊赫，修订版）",
        "wtsa",
        [cite("itu-r-61", "第61号决议（2019年，沙姆沙伊赫，修订版）", 2019, "沙姆沙伊赫")],
    ),
    (
        F4,
        "无线电通信全会ITU-R第66号决议（2015年，日内瓦）",
        "pp",
        [cite("itu-r-66", "第66号决议（2015年，日内瓦）", 2015, "日内瓦")],
    ),
    (
        F0,
        "全权代表大会第73号决议（1998年，明尼阿波利斯），该决议",
        "wtsa",
        [cite("pp-73", "第73号决议（1998年，明尼阿波利斯）", 1998, "明尼阿波利斯")],
    ),
    (
        F0,
        "本届全权代表大会第200号决议（2018年，迪拜，修订版）赞同",
        "pp",
        [cite("pp-200", "第200号决议（2018年，迪拜，修订版）", 2018, "迪拜")],
    ),
    (
        F1,
        "世界电信标准化全会第1号决议规定了批准ITU-T建议书所须遵循的程序。",
        "wtsa",
        [cite("wtsa-1", "第1号决议")],
    ),
    (
        F1,
        "世界电信标准化全会第1号决议规定了批准ITU-T建议书所须遵循的程序。",
        None,
        [cite("wtsa-1", "第1号决议")],
    ),
    # 本届大会 is the citing conference's own body, before the year.
    (
        F4,
        "按照本届大会第2号决议（2014年，釜山，修订版）举办",
        "pp",
        [cite("pp-2", "第2号决议（2014年，釜山，修订版）", 2014, "釜山")],
    ),
    (
        BRIEF,
        "本届大会第2号决议（2014年，釜山，修订版）",
        "wtdc",
        [cite("wtdc-2", "第2号决议（2014年，釜山，修订版）", 2014, "釜山")],
    ),
    # Then the year and place of the cited revision (inside a PP text).
    (
        F0,
        "尽快并按照第30号决议（2017年，布宜诺斯艾利斯2022年，基加利，修订版），同时",
        "pp",
        [
            cite(
                "wtdc-30",
                "第30号决议（2017年，布宜诺斯艾利斯2022年，基加利，修订版）",
                2022,
                "基加利",
            )
        ],
    ),
    (
        F4,
        "有关国家顶级域名的第47号决议（2012年，迪拜，修订版）和有关国际化域名的第48号决议（2012年，迪拜，修订版）",
        "pp",
        [
            cite("wtsa-47", "第47号决议（2012年，迪拜，修订版）", 2012, "迪拜"),
            cite("wtsa-48", "第48号决议（2012年，迪拜，修订版）", 2012, "迪拜"),
        ],
    ),
    (
        F4,
        "CWG-Internet进一步推进了第75号决议（2012年，迪拜，修订版）关于",
        "pp",
        [cite("wtsa-75", "第75号决议（2012年，迪拜，修订版）", 2012, "迪拜")],
    ),
    (
        F4,
        "通过有关成立国际电联性别问题任务组的第7号决议（1998年，瓦莱塔）时提出的举措",
        "pp",
        [cite("wtdc-7", "第7号决议（1998年，瓦莱塔）", 1998, "瓦莱塔")],
    ),
    (
        F4,
        "并开展这些组之间的合作的第69号决议（20147年，迪拜布宜诺斯艾利斯，修订版）；",
        "pp",
        [
            cite(
                "wtdc-69",
                "第69号决议（20147年，迪拜布宜诺斯艾利斯，修订版）",
                2017,
                "布宜诺斯艾利斯",
            )
        ],
    ),
    (
        F1,
        "依据第140号决议（2018，迪拜，修订版）和国际电联理事会在其2011年会议上首次通过并在其2019年会议上最后修改的第1332号决议",
        "wtsa",
        [
            cite("pp-140", "第140号决议（2018，迪拜，修订版）", 2018, "迪拜"),
            cite("council-1332", "第1332号决议"),
        ],
    ),
    # Otherwise the own body; pp when there is none (reports).
    (F4, "此提案更新了有关物联网的第197号决议。", "pp", [cite("pp-197", "第197号决议")]),
    (
        F4,
        "自釜山PP-14对有关落实WSIS成果的第140号决议进行修订以来",
        None,
        [cite("pp-140", "第140号决议")],
    ),
    # De-duplicated on (target, text).
    (F4, "的第70号决议的拟议修订旨在更新第70号决议的案文", "pp", [cite("pp-70", "第70号决议")]),
    # Not citations: other bodies' resolutions, questions, paragraphs, internal references, documents.
    (F4, "的国际电信世界大会（WCIT-12）第1号决议，", "pp", []),
    (F4, "并通过了第425号决议（WRC-15）“卫星航空移动", "pp", []),
    (F2, "联合国经社理事会（ECOSOC）决议：第E/RES/2022/15号决议；", None, []),
    (
        F4,
        "联合国经济及社会理事会（ECOSOC）有关将性别平等观点纳入联合国系统所有政策和项目中的第2012/24号决议",
        "pp",
        [],
    ),
    (
        F4,
        "ITU-D第3/2号课题（确保信息和通信网络的安全：培育网络安全文化的最佳做法）所要求进行的研究，该课题已经反映到联大第64/211号决议中",
        "pp",
        [cite("unga-64/211", "第64/211号决议")],
    ),
    (F4, "其中包括部门目标3以及根据第3/2号课题开展的活动；", "pp", []),
    (F0, "正如《日内瓦原则宣言》第64段所指出的", "pp", []),
    (F1, "按照该决议的第65段在进行之中，", "wtsa", []),
    (F0, "以便国际电联根据上述做出决议1、2、3和4发挥自己的作用", "pp", []),
    (F1, "按照做出决议1和2，ITU-T应在其酌情与其它相关利益攸关方合作的情况下", "wtsa", []),
    (BRIEF, "社会发展委员会第61届会议", None, []),
    (F2, "四年期报告（PP-22/20号文件；该报告的信息已纳入国际电联SDG对照工具）", None, []),
    (F2, "一年期报告（C23/35号文件）以及", None, []),
    (F2, "A/71/212、A/70/299、A/70/684", None, []),
]


@pytest.mark.parametrize(("source", "text", "own_body", "expected"), CITATION_CASES)
def test_extract_citations(
    source: str | None, text: str, own_body: str | None, expected: list[Citation]
) -> None:
    assert extract_citations(text, own_body) == tuple(expected)


# ---------------------------------------------------------------------------
# extract_action_lines
# ---------------------------------------------------------------------------

ALL_LINES = tuple(f"C{n}" for n in range(1, 12))

ACTION_LINE_CASES = [
    (F3, "为推动实施WSIS行动方面C5做出的贡献", ("C5",)),
    (F3, "为推动实施WSIS行动方面 C6做出的贡献", ("C6",)),
    (
        F3,
        "包括C1、C3、C4、C7和C11）以及国际电联作为合作伙伴的C9的",
        ("C1", "C3", "C4", "C7", "C9", "C11"),
    ),
    (F0, "以支持实现SDG和包括C8、C9和C10在内的WSIS行动方面；", ("C8", "C9", "C10")),
    (
        F2,
        "为了强调WSIS行动方面C2（信息和通信基础设施）、C4（能力建设）、C5（树立",
        ("C2", "C4", "C5"),
    ),
    (F4, "峰会确定了C5行动方面 – “树立使用ICT的信心和提高安全性”", ("C5",)),
    (F3, "为推动实施WSIS行动方面C1 - C11做出的贡献", ALL_LINES),
    (BRIEF, "行动方面C1-C11", ALL_LINES),
    (BRIEF, "C3 - C5和C11", ("C3", "C4", "C5", "C11")),
    # Not action lines.
    (F0, "国际电联可通过CWG-WSIS进行下列工作：", ()),
    (F3, "帮助发展中国家落实一致性和互操作性（C&I）项目", ()),
    (F2, "在社会发展委员会第六十一届会议（CSocD61）上", ()),
    (F2, "在第五届联合国最不发达国家会议（LDC5）期间", ()),
    (
        F2,
        "一年期报告（C23/35号文件）以及提交理事会的关于与联合国系统合作的年度情况通报文件（C22/INF/2-E号文件）中",
        (),
    ),
    (F2, "根据第1332号决议（C11，最后一次修订为C19），秘书长每年", ()),
    (F2, "由理事会第1407（C22）号决议通过", ()),
    (BRIEF, "C12、C0和C111", ()),
]


@pytest.mark.parametrize(("source", "text", "expected"), ACTION_LINE_CASES)
def test_extract_action_lines(source: str | None, text: str, expected: tuple[str, ...]) -> None:
    assert extract_action_lines(text) == expected


# ---------------------------------------------------------------------------
# extract_sdgs
# ---------------------------------------------------------------------------

SDG_CASES = [
    (F3, "对SDG目标1、3、5、10、16和17的贡献", (1, 3, 5, 10, 16, 17), ()),
    (F3, "对SDG目标1和17的贡献", (1, 17), ()),
    (F3, "涵盖可持续发展目标4、5、9和17下的六个具体目标", (4, 5, 9, 17), ()),
    (F3, "对SDG目标1-17的贡献", tuple(range(1, 18)), ()),
    (F4, "《2030年可持续发展议程》目标5旨在实现性别平等", (5,), ()),
    (F4, "采用IPv6对实现可持续发展目标9以下具体目标非常重要", (9,), ()),
    (F4, "SDG具体目标5.b（加强技术", (5,), ("5.b",)),
    (F4, "第70/1号决议含有可持续发展目标（SDG）5（实现性别平等", (5,), ()),
    (BRIEF, "SDG 5", (5,), ()),
    (BRIEF, "SDG5", (5,), ()),
    (BRIEF, "SDG具体目标9.c和9.1", (9,), ("9.1", "9.c")),
    # Not SDGs.
    (F0, "部门目标3及各ITU-D研究组照此行事；", (), ()),
    (F4, "确保为实现《2030年可持续发展议程》（包括部门目标5）做出重大贡献，", (), ()),
    (F1, "促进包括宽带在内的全球电信/ICT可持续发展的“连通目标2020”议程；", (), ()),
    (F0, "以及落实“连通目标2030议程”的全球宽带目标；", (), ()),
    (F2, "同时考虑到国际电联的战略目标，即普遍连接和可持续数字化转型。", (), ()),
    (F0, "并实现可持续发展目标（SDG）；", (), ()),
    (F3, "这26项ICT指标与分属11个目标的27个SDG具体目标相关", (), ()),
    (F0, "CWG-WSIS&SDG[^3]的工作", (), ()),  # footnote marker, normalised
    (BRIEF, "SDG 18、SDG 0", (), ()),
]


@pytest.mark.parametrize(("source", "text", "goals", "targets"), SDG_CASES)
def test_extract_sdgs(
    source: str | None, text: str, goals: tuple[int, ...], targets: tuple[str, ...]
) -> None:
    assert extract_sdgs(text) == (goals, targets)


# ---------------------------------------------------------------------------
# find_edits: years (the other kinds below, on whole seed sentences)
# ---------------------------------------------------------------------------

YEAR_EDIT_CASES = [
    (F4, "向将于20182022年召开的下届全权代表大会", [("2018", "2022", "20182022年")]),
    (F4, "20122016年世界电信标准化全会", [("2012", "2016", "20122016年")]),
    (
        F4,
        "在实施国际电联2016-20192020-2023年战略规划",
        [("2016-2019", "2020-2023", "2016-20192020-2023年")],
    ),
    (
        F0,
        "国际电联2020-20232024-2027年战略规划",
        [("2020-2023", "2024-2027", "2020-20232024-2027年")],
    ),
    # New text before old: edits move years forward, so the earlier one is old.
    (
        F4,
        "国际电联2020-20232016-2019年战略规划",
        [("2016-2019", "2020-2023", "2020-20232016-2019年")],
    ),
    (
        F4,
        "就本决议的实施结果向理事会20152019年至20182022年会议提交年度报告；",
        [("2015", "2019", "20152019年"), ("2018", "2022", "20182022年")],
    ),
    (F4, "第69号决议（20147年，迪拜布宜诺斯艾利斯，修订版）", [("2014", "2017", "20147年")]),
    (F4, "根据WTDC-1417的成果", [("14", "17", "WTDC-1417")]),
    (F4, "实施WTSA-1216和WTDC-1417（包括", [("12", "16", "WTSA-1216"), ("14", "17", "WTDC-1417")]),
    # Not edits.
    (F1, "《国际电联2020-2023年战略规划》", []),
    (F2, "十年贡献（2005年-2014年）", []),
    (F0, "在2015-2019年间为落实", []),
    (F1, "最后修改的第1332号决议", []),
    (F0, "（2017年，布宜诺斯艾利斯2022年，基加利，修订版）", []),
    (F4, "（2014年，釜山2018年，迪拜，修订版）", []),
    (F1, "根据WTDC-17有关弥合数字鸿沟的决定", []),
    (F3, "世界电信发展大会（WTDC-2017）于2017年10月9日至20日", []),
    (F4, "尽快完成自WTSA-2000以来一直进行的研究", []),
    (F3, "WTIS-20将于2020年4月15-17日在瑞士日内瓦召开。", []),
    (F3, "+41 22 730 6065", []),
    (F4, "[bookmark: _Toc407024839][bookmark: _Toc413838488]第180号决议", []),
]


YEAR_KINDS = ("year", "years", "conference")


@pytest.mark.parametrize(("source", "text", "expected"), YEAR_EDIT_CASES)
def test_year_edits(source: str | None, text: str, expected: list[tuple[str, str, str]]) -> None:
    """Each case names the two years and the span; the edit reads them with their unit
    (2018年, WTDC-14)."""
    found = [(e.old, e.new, e.text) for e in find_edits(text) if e.kind in YEAR_KINDS]
    unit = [
        (f"{a}年", f"{b}年", span)
        if span.endswith("年")
        else (f"{span[:-4]}{a}", f"{span[:-4]}{b}", span)
        for a, b, span in expected
    ]
    assert found == unit


# ---------------------------------------------------------------------------
# The tables are honest, and every seed line goes through every extractor
# ---------------------------------------------------------------------------

ALL_CASES = REVISION_CASES + CITATION_CASES + ACTION_LINE_CASES + SDG_CASES + YEAR_EDIT_CASES


def _normalise(line: str) -> str:
    """Roughly what the parser hands over: no bookmarks, footnote markers as [^N], no tabs."""
    line = re.sub(r"\[bookmark: [^\]]*\]", "", line)
    line = re.sub(r"\[footnoteRef:(\d+)\]\d*", r"[^\1]", line)
    return line.replace("\t", "").strip()


def _source_text(name: str) -> str:
    """The seed as the parser sees it, then as it is (tabs dropped): quotes come from either."""
    raw = (SOURCES / name).read_text(encoding="utf-8")
    return "\n".join(_normalise(line) for line in raw.splitlines()) + raw.replace("\t", "")


@pytest.mark.parametrize(
    "case", [c for c in ALL_CASES if c[0] is not BRIEF], ids=lambda c: c[1][:20]
)
def test_quoted_text_occurs_in_its_seed(case: tuple[str, str]) -> None:
    assert case[1] in _source_text(case[0])


def test_seeds_exist() -> None:
    assert [p.name for p in SEEDS] == [F0, F1, F2, F3, F4]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_every_seed_line_through_every_extractor(seed: Path) -> None:
    for raw in seed.read_text(encoding="utf-8").splitlines():
        for line in (raw, _normalise(raw)):
            for own_body in ("pp", None):
                for c in extract_citations(line, own_body):
                    assert c.target.split("-")[0] in {
                        "pp",
                        "wtsa",
                        "wtdc",
                        "itu",
                        "council",
                        "unga",
                        "unesco",
                    }
                    assert c.text in line
            assert set(extract_action_lines(line)) <= set(ALL_LINES)
            goals, targets = extract_sdgs(line)
            assert all(1 <= g <= 17 for g in goals)
            assert {int(t.split(".")[0]) for t in targets} <= set(goals)
            for edit in find_edits(line):
                assert edit.text in line and edit.old != edit.new
            parse_revisions(line)


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet="第号决议（），、和及年C-/SDG目标具体本届大会理事会迪拜釜山0123456789.ab [^]",
        max_size=60,
    )
)
def test_extractors_never_fail(text: str) -> None:
    for c in extract_citations(text, "pp"):
        assert c.text in text
    assert set(extract_action_lines(text)) <= set(ALL_LINES)
    goals, _ = extract_sdgs(text)
    assert all(1 <= g <= 17 for g in goals)
    for edit in find_edits(text):
        assert edit.text in text
    parse_revisions(text)


# Real sentences of the seeds, each with the edits it holds and its two clean readings.
EDITED = [
    (  # 000, noting f
        "国际电联理事会2015-20182019-2022年会议与落实WSIS成果和实现SDG相关的结果；",
        [("years", "2015-2018年", "2019-2022年")],
        "国际电联理事会2015-2018年会议与落实WSIS成果和实现SDG相关的结果；",
        "国际电联理事会2019-2022年会议与落实WSIS成果和实现SDG相关的结果；",
    ),
    (  # 000, resolves 8
        (
            "有必要将《布宜诺斯艾利斯基加利行动计划》，特别是WTDC第30号决议"
            "（2017年，布宜诺斯艾利斯2022年，基加利，修订版）以及全权代表大会的相关决议纳入"
        ),
        [
            ("place", "布宜诺斯艾利斯", "基加利"),
            ("revision", "2017年，布宜诺斯艾利斯", "2022年，基加利"),
        ],
        (
            "有必要将《布宜诺斯艾利斯行动计划》，特别是WTDC第30号决议"
            "（2017年，布宜诺斯艾利斯，修订版）以及全权代表大会的相关决议纳入"
        ),
        (
            "有必要将《基加利行动计划》，特别是WTDC第30号决议"
            "（2022年，基加利，修订版）以及全权代表大会的相关决议纳入"
        ),
    ),
    (  # 004, ECP-2, instructs the Director of BDT 1
        "根据WTDC-1417的成果并按照第45号决议和第69号决议（2014年，迪拜，修订版）",
        [("conference", "WTDC-14", "WTDC-17")],
        "根据WTDC-14的成果并按照第45号决议和第69号决议（2014年，迪拜，修订版）",
        "根据WTDC-17的成果并按照第45号决议和第69号决议（2014年，迪拜，修订版）",
    ),
    (  # a year, as 20182022年 reads in the seeds
        "本届全权代表大会第200号决议（20182022年）",
        [("year", "2018年", "2022年")],
        "本届全权代表大会第200号决议（2018年）",
        "本届全权代表大会第200号决议（2022年）",
    ),
]


@pytest.mark.parametrize(("text", "edits", "base", "proposed"), EDITED)
def test_each_kind_of_flattened_edit_and_both_readings(
    text: str, edits: list[tuple[str, str, str]], base: str, proposed: str
) -> None:
    found = find_edits(text)
    assert [(e.kind, e.old, e.new) for e in found] == edits
    assert reading(text, found, "old") == base
    assert reading(text, found, "new") == proposed


def test_two_places_of_different_bodies_or_order_are_no_edit() -> None:
    assert find_edits("明尼阿波利斯哈马马特") == ()  # PP 1998, WTSA 2016: not one body's
    assert find_edits("基加利布宜诺斯艾利斯") == ()  # WTDC: Kigali 2022 came after both
