"""Reference data: ITU conferences (body, year, place) and the words naming a body in a citation."""

from __future__ import annotations

from typing import Final, NamedTuple

# The sentinel body of 本届大会 ("this conference"): the citing document's own body.
SELF: Final = "self"

# Body ids used in work ids (pp-140, wtdc-30, itu-r-61, council-1332, unga-70/125, unesco-41c/27).
BODIES: Final = ("pp", "wtsa", "wtdc", "itu-r", "council", "unga", "unesco")


class Conference(NamedTuple):
    """A conference whose resolutions the texts cite by year and place, with its
    place as each language writes it (``迪拜``, ``Dubai``)."""

    body: str
    year: int
    zh: str
    en: str


CONFERENCES: Final[tuple[Conference, ...]] = (
    Conference("pp", 1994, "京都", "Kyoto"),
    Conference("pp", 1998, "明尼阿波利斯", "Minneapolis"),
    Conference("pp", 2002, "马拉喀什", "Marrakesh"),
    Conference("pp", 2006, "安塔利亚", "Antalya"),
    Conference("pp", 2010, "瓜达拉哈拉", "Guadalajara"),
    Conference("pp", 2014, "釜山", "Busan"),
    Conference("pp", 2018, "迪拜", "Dubai"),
    Conference("pp", 2022, "布加勒斯特", "Bucharest"),
    Conference("pp", 2026, "多哈", "Doha"),
    Conference("wtsa", 1996, "日内瓦", "Geneva"),
    Conference("wtsa", 2000, "蒙特利尔", "Montreal"),
    Conference("wtsa", 2004, "弗洛里亚诺波利斯", "Florianópolis"),
    Conference("wtsa", 2008, "约翰内斯堡", "Johannesburg"),
    Conference("wtsa", 2012, "迪拜", "Dubai"),
    Conference("wtsa", 2016, "哈马马特", "Hammamet"),
    Conference("wtsa", 2022, "日内瓦", "Geneva"),
    Conference("wtsa", 2024, "新德里", "New Delhi"),
    Conference("wtdc", 1994, "布宜诺斯艾利斯", "Buenos Aires"),
    Conference("wtdc", 1998, "瓦莱塔", "Valletta"),
    Conference("wtdc", 2002, "伊斯坦布尔", "Istanbul"),
    Conference("wtdc", 2006, "多哈", "Doha"),
    Conference("wtdc", 2010, "海得拉巴", "Hyderabad"),
    Conference("wtdc", 2014, "迪拜", "Dubai"),
    Conference("wtdc", 2017, "布宜诺斯艾利斯", "Buenos Aires"),
    Conference("wtdc", 2022, "基加利", "Kigali"),
    Conference("wtdc", 2025, "巴库", "Baku"),
    Conference("itu-r", 2000, "伊斯坦布尔", "Istanbul"),
    Conference("itu-r", 2003, "日内瓦", "Geneva"),
    Conference("itu-r", 2007, "日内瓦", "Geneva"),
    Conference("itu-r", 2012, "日内瓦", "Geneva"),
    Conference("itu-r", 2015, "日内瓦", "Geneva"),
    Conference("itu-r", 2019, "沙姆沙伊赫", "Sharm el-Sheikh"),
    Conference("itu-r", 2023, "迪拜", "Dubai"),
)

# Every conference place in either language, longest first (a flattened change of
# place reads 迪拜布宜诺斯艾利斯, or DubaiBucharest).
PLACES: Final = tuple(
    sorted({place for c in CONFERENCES for place in (c.zh, c.en)}, key=len, reverse=True)
)

# Words naming a body right before a resolution number, longest first. 本届大会 is SELF.
BODY_WORDS: Final[tuple[tuple[str, str], ...]] = (
    ("世界电信标准化全会", "wtsa"),
    ("本届全权代表大会", "pp"),
    ("世界电信发展大会", "wtdc"),
    ("联合国教科文组织", "unesco"),
    ("无线电通信全会", "itu-r"),
    ("全权代表大会", "pp"),
    ("UNESCO", "unesco"),
    ("联合国大会", "unga"),
    ("ITU-R", "itu-r"),
    ("本届大会", SELF),
    ("WTSA", "wtsa"),
    ("WTDC", "wtdc"),
    ("UNGA", "unga"),
    ("理事会", "council"),
    ("联大", "unga"),
    ("RA", "itu-r"),
)

# Words naming bodies whose resolutions the site does not track: a citation after them is skipped.
# (经社理事会 and 经济及社会理事会 end in 理事会 but are ECOSOC, not the ITU Council.)
OTHER_BODY_WORDS: Final[tuple[str, ...]] = (
    "经济及社会理事会",
    "世界无线电通信大会",
    "国际电信世界大会",
    "经社理事会",
    "ECOSOC",
    "WCIT",
    "WRC",
)

# Words naming a body in an English citation, before ``Resolution`` ("WTSA Resolution 75",
# "United Nations General Assembly (UNGA) Resolution 70/1") or after its number and
# revision ("… of the Plenipotentiary Conference", "… of this conference"). Matched
# case-insensitively, longest first; "" is a body whose resolutions the site does not track.
BODY_WORDS_EN: Final[tuple[tuple[str, str], ...]] = tuple(
    sorted(
        (
            ("World Telecommunication Standardization Assembly", "wtsa"),
            ("World Telecommunication Development Conference", "wtdc"),
            ("World Radiocommunication Conference", ""),
            ("United Nations General Assembly", "unga"),
            ("Economic and Social Council", ""),
            ("Plenipotentiary Conference", "pp"),
            ("Radiocommunication Assembly", "itu-r"),
            ("Human Rights Council", ""),
            ("UN General Assembly", "unga"),
            ("General Assembly", "unga"),
            ("present conference", SELF),
            ("this conference", SELF),
            ("this Assembly", SELF),
            ("ITU Council", "council"),
            ("Council", "council"),
            ("UNESCO", "unesco"),
            ("ECOSOC", ""),
            ("ITU-R", "itu-r"),
            ("UNGA", "unga"),
            ("WTSA", "wtsa"),
            ("WTDC", "wtdc"),
            ("WCIT", ""),
            ("WTPF", ""),
            ("WRC", ""),
            ("PP", "pp"),
            ("RA", "itu-r"),
        ),
        key=lambda pair: len(pair[0]),
        reverse=True,
    )
)

# Conference abbreviations followed by a two-digit year (WTDC-17); a flattened edit reads WTDC-1417.
CONFERENCE_ABBREVIATIONS: Final[dict[str, str]] = {
    "PP": "pp",
    "WTSA": "wtsa",
    "WTDC": "wtdc",
    "RA": "itu-r",
}

# Words that follow a year in a revision parenthetical but are no place (and, in
# English, come before a place: ``Rev. Dubai, 2018``).
NOT_PLACES: Final = ("修订版", "修改版", "修订", "修改", "Rev", "rev")

# The WSIS action lines (Geneva Plan of Action), as the Chinese texts name them.
ACTION_LINES: Final[dict[str, str]] = {
    "C1": "政府和各利益攸关方在推进信通技术促进发展方面的作用",
    "C2": "信息和通信基础设施",
    "C3": "获取信息和知识",
    "C4": "能力建设",
    "C5": "树立使用信通技术的信心并加强安全",
    "C6": "创造有利的环境",
    "C7": "信通技术应用（电子政务、电子商务、电子学习、电子卫生、电子就业、电子环境、电子农业、电子科学）",
    "C8": "文化多样性和特性、语言多样性和本地内容",
    "C9": "媒体",
    "C10": "信息社会的伦理层面",
    "C11": "国际和区域合作",
}

# The 17 Sustainable Development Goals.
SDGS: Final[dict[int, str]] = {
    1: "无贫穷",
    2: "零饥饿",
    3: "良好健康与福祉",
    4: "优质教育",
    5: "性别平等",
    6: "清洁饮水和卫生设施",
    7: "经济适用的清洁能源",
    8: "体面工作和经济增长",
    9: "产业、创新和基础设施",
    10: "减少不平等",
    11: "可持续城市和社区",
    12: "负责任消费和生产",
    13: "气候行动",
    14: "水下生物",
    15: "陆地生物",
    16: "和平、正义与强大机构",
    17: "促进目标实现的伙伴关系",
}

# Who sends proposals, by the first part of their reference (EUR/48A1/9): the
# regional telecommunication organizations' common proposals.
PROPOSERS: Final[dict[str, str]] = {
    "EUR": "CEPT",
    "ACP": "APT",
    "IAP": "CITEL",
    "AFCP": "ATU",
    "ARB": "阿拉伯国家",
    "RCC": "RCC",
}

# How the site names each body, in full (pages) and short (index columns, filters).
BODY_NAMES: Final[dict[str, str]] = {
    "pp": "全权代表大会",
    "wtsa": "世界电信标准化全会",
    "wtdc": "世界电信发展大会",
    "itu-r": "无线电通信全会",
    "council": "理事会",
    "unga": "联合国大会",
    "unesco": "联合国教科文组织",
}
BODY_SHORT_NAMES: Final[dict[str, str]] = {
    "pp": "PP",
    "wtsa": "WTSA",
    "wtdc": "WTDC",
    "itu-r": "ITU-R",
    "council": "理事会",
    "unga": "联大",
    "unesco": "UNESCO",
}

# --- The same names in English, and each table by language ----------------------

BODY_NAMES_EN: Final[dict[str, str]] = {
    "pp": "Plenipotentiary Conference",
    "wtsa": "World Telecommunication Standardization Assembly",
    "wtdc": "World Telecommunication Development Conference",
    "itu-r": "Radiocommunication Assembly",
    "council": "Council",
    "unga": "United Nations General Assembly",
    "unesco": "UNESCO",
}
BODY_SHORT_NAMES_EN: Final[dict[str, str]] = BODY_SHORT_NAMES | {
    "council": "Council",
    "unga": "UNGA",
}

# The action lines as the Geneva Plan of Action names them.
ACTION_LINES_EN: Final[dict[str, str]] = {
    "C1": "The role of public governance authorities and all stakeholders in the promotion of ICTs for development",
    "C2": "Information and communication infrastructure",
    "C3": "Access to information and knowledge",
    "C4": "Capacity building",
    "C5": "Building confidence and security in the use of ICTs",
    "C6": "Enabling environment",
    "C7": "ICT applications (e-government, e-business, e-learning, e-health, e-employment, e-environment, e-agriculture, e-science)",
    "C8": "Cultural diversity and identity, linguistic diversity and local content",
    "C9": "Media",
    "C10": "Ethical dimensions of the Information Society",
    "C11": "International and regional cooperation",
}

SDGS_EN: Final[dict[int, str]] = {
    1: "No poverty",
    2: "Zero hunger",
    3: "Good health and well-being",
    4: "Quality education",
    5: "Gender equality",
    6: "Clean water and sanitation",
    7: "Affordable and clean energy",
    8: "Decent work and economic growth",
    9: "Industry, innovation and infrastructure",
    10: "Reduced inequalities",
    11: "Sustainable cities and communities",
    12: "Responsible consumption and production",
    13: "Climate action",
    14: "Life below water",
    15: "Life on land",
    16: "Peace, justice and strong institutions",
    17: "Partnerships for the goals",
}

# Each table in the languages the site is written in (``translate.SITE_LANGUAGES``).
BODY_NAMES_IN: Final = {"zh": BODY_NAMES, "en": BODY_NAMES_EN}
BODY_SHORT_NAMES_IN: Final = {"zh": BODY_SHORT_NAMES, "en": BODY_SHORT_NAMES_EN}
ACTION_LINES_IN: Final = {"zh": ACTION_LINES, "en": ACTION_LINES_EN}
SDGS_IN: Final = {"zh": SDGS, "en": SDGS_EN}
