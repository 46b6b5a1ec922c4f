"""Clause text in; what it cites and names out: resolutions, action lines, SDGs, year edits."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from generator.model import Citation, Edit, Language, Revision
from generator.patterns import COUNCIL_SESSION, NUMBER_MAX_DIGITS
from generator.tables import (
    BODY_WORDS,
    BODY_WORDS_EN,
    CONFERENCE_ABBREVIATIONS,
    CONFERENCES,
    NOT_PLACES,
    OTHER_BODY_WORDS,
    PLACES,
    SELF,
)

# ---------------------------------------------------------------------------
# Patterns
# ---------------------------------------------------------------------------

# A year and its place inside a revision parenthetical: 2014年，釜山 · 2018，迪拜 · 2016年，修订版.
_REVISION = re.compile(
    r"""
    (?<![0-9])
    (?P<year>(?:19|20)[0-9]{2}[0-9]{0,4})   # a year, or a flattened edit: 20147, 20182022
    (?![0-9])
    \s*年?\s*
    (?:[，,]\s*(?P<place>[\u4e00-\u9fff]+))?  # the place: a run of CJK up to a digit or punctuation
    """,
    re.VERBOSE,
)

# The same in English: ``Rev. Dubai, 2018`` · ``Kyoto, 1994`` · ``Sharm el-Sheikh, 2019`` ·
# ``2015`` alone (an ITU-R history line: ``2012-2015``). The place is a run of words
# before the comma; ``Rev.`` is no part of it.
_REVISION_EN = re.compile(
    r"""
    (?:
        (?<![^\W\d_])
        (?P<place>[^\W\d_]+(?:[ '’\-][^\W\d_]+)*)   # Buenos Aires · Sharm el-Sheikh · DubaiBucharest
        \s*,\s*
    )?
    (?<![0-9])
    (?P<year>(?:19|20)[0-9]{2}[0-9]{0,4})        # a year, or a flattened edit: 20182022
    (?![0-9])
    """,
    re.VERBOSE,
)

# A flattened change of place (迪拜布宜诺斯艾利斯): the known place it ends with is the new one.
_PLACE_AT_END = re.compile("(?:" + "|".join(map(re.escape, PLACES)) + r")$")

# One resolution number as written in a citation, without groups (for the list pattern below).
_NUMBER_SRC = rf"""
    (?<![A-Za-z0-9_/.\-])                 # not inside another code: C23/35, PP-22/20, 3.2
    (?:[AE]/(?:RES/)?)?                   # UN prefixes: A/70/125, A/RES/70/125, E/RES/2022/15
    [0-9]{{1,{NUMBER_MAX_DIGITS}}}
    (?:C?/[0-9]{{1,4}}|-[0-9]{{1,2}})?        # 70/125, 41C/27, 61-2
    (?:\s*（C[0-9]{{1,2}}）)?               # a Council session: 第1407（C22）号决议
"""

# A group of resolution numbers ending in 号决议, with the parenthetical that qualifies them all:
# 第50、第52号决议和第58号决议（2012年，迪拜2016年，哈马马特，修订版）. Or a bare A/RES/70/125.
_CITATION = re.compile(
    rf"""
    (?=[第0-9AE])                     # cheap guard: every citation starts with one of these
    (?:
    (?P<group>
        (?:第\s*)?
        (?P<numbers>
            (?:
                {_NUMBER_SRC}
                \s*(?:号(?:决议)?)?                          # 第50号、 · 第45号决议和
                \s*(?:、\s*(?:以及|和|及|与)?|以及|和|及|与)  # the separator: 、 和 及 以及 与 、和
                \s*(?:第\s*)?
            )*
            {_NUMBER_SRC}
        )
        \s*、?\s*号决议                                     # 第49、50、和52、号决议 (flattened edit)
        (?:\s*（(?P<paren>(?:[0-9]{{4}}|C[0-9]|WRC|WCIT)[^（）]{{0,60}})）)?
    )
  | (?<![A-Za-z0-9_/])(?P<res>A/RES/[0-9]{{2,3}}/[0-9]{{1,4}})(?![0-9/])   # a bare UN GA symbol
    )
    """,
    re.VERBOSE,
)

# Each number of a group, by the form that decides its body.
_NUMBER = re.compile(
    rf"""
    (?<![A-Za-z0-9_/.\-])
    (?:
        (?P<ecosoc>E/(?:RES/)?[0-9]+/[0-9]+|[0-9]{{4}}/[0-9]+)  # ECOSOC: E/RES/2022/15, 2012/24
      | (?:A/(?:RES/)?)?(?P<unga>[0-9]{{1,3}}/[0-9]{{1,4}})     # UN GA: 70/125, A/RES/70/125
      | (?P<unesco>[0-9]{{2}}C/[0-9]{{1,4}})                    # UNESCO: 41C/27
      | (?P<itur>[0-9]{{1,3}})-[0-9]{{1,2}}                     # ITU-R with its version: 61-2
      | (?P<plain>[0-9]{{1,{NUMBER_MAX_DIGITS}}})               # anything else: Council from 1000 up
    )
    """,
    re.VERBOSE,
)


def _word_pattern(word: str) -> str:
    """A body word; an ASCII one must not end another ASCII word (RA in ERA)."""
    return ("(?<![A-Za-z])" if word.isascii() else "") + re.escape(word)


_BODY_OF_WORD = dict(BODY_WORDS) | {word: "" for word in OTHER_BODY_WORDS}  # "" = not tracked

# A body word right before a group: 全权代表大会 · 世界电信发展大会（WTDC） · WTDC-17 · 本届大会.
_BODY_TAIL = re.compile(
    r"""
    (?P<word>"""
    + "|".join(_word_pattern(w) for w in sorted(_BODY_OF_WORD, key=len, reverse=True))
    + r""")
    (?:-[0-9]{2,4})?            # WTDC-17
    (?:\s*（[^（）]{1,16}）)?    # （WTDC） · （UNGA，联大）
    \s*$
    """,
    re.VERBOSE,
)
_TAIL_WINDOW = 24

# WSIS action lines (C5, C1 - C11), skipping Council sessions written the same way.
_ACTION_LINE = re.compile(
    r"""
    (?=[号（修C0-9a])                    # cheap guard: the first characters below
    (?:
    (?P<council>                        # a Council session, consumed and ignored:
        号决议（C[0-9]{1,2}[^（）]*）      #   第1332号决议（C11，最后一次修订为C19）
      | （C[0-9]{1,2}）\s*号              #   第1407（C22）号决议
      | 修订为C[0-9]{1,2}
      | (?<![0-9])[0-9]{4}\s*\(C[0-9]{1,2}[^()]*\)   #   Resolution 1332 (C11, last amended C19)
      | amended\s+C[0-9]{1,2}
    )
  | (?<![A-Za-z0-9_&\-])                 # not CWG-…, LDC5, C&I
    C(?P<first>[0-9]{1,2})
    (?:\s*[-–—~至到]\s*C(?P<last>[0-9]{1,2}))?   # a range: C1 - C11
    (?![0-9/A-Za-z&])                    # not C23/35, C22/INF
    )
    """,
    re.VERBOSE,
)

_C_NUMBER = re.compile("C[0-9]")

# One SDG goal or target, or a range of goals: 5 · 5.b · 17.8 · 1-17.
_SDG_ITEM_SRC = r"""
    [0-9]{1,2}(?:\.(?:[0-9]{1,2}|[a-z]))?(?![0-9])
    (?:\s*[-–—~至]\s*[0-9]{1,2}(?![0-9]))?
"""

# SDGs after a keyword naming them (never 部门目标3, 连通目标2030, 战略目标).
_SDG = re.compile(
    rf"""
    (?:
        SDG\s*(?:具体目标|目标)?                                  # SDG 5 · SDG目标1、3 · SDG具体目标5.b
      | 可持续发展目标(?:\s*（SDG）)?\s*(?:具体目标)?              # 可持续发展目标4、5 · 可持续发展目标（SDG）5
      | 可持续发展议程》?\s*(?:的)?(?:具体目标|目标)               # 《2030年可持续发展议程》目标5
    )
    \s*
    (?P<list>{_SDG_ITEM_SRC}(?:\s*(?:、|以及|和|及|与)\s*{_SDG_ITEM_SRC})*)
    """,
    re.VERBOSE,
)

# SDGs in English, after a word naming them: SDG 5 · SDGs 1, 3 and 5 · Sustainable
# Development Goal (SDG) 5 · SDG target 5.b. Not ITU's strategic "Goal 1: Growth" nor
# Connect 2030's "Target 1.1": a bare "Goals" counts only for the whole range (Goals
# 1-17), a bare "target" only for a lettered target (target 5.b), as only SDGs have them.
_SDG_EN = re.compile(
    rf"""
    (?:
        (?<![A-Za-z])SDGs?(?:\s+targets?)?
      | Sustainable\s+Development\s+Goals?(?:\s*\(SDGs?\))?(?:\s*SDG)?(?:\s+targets?)?
      | (?<![A-Za-z])Goals(?=\s+1\s*[-–—]\s*17(?![0-9]))
      | (?<![A-Za-z])targets?(?=\s+[0-9]{{1,2}}\.[a-z](?![A-Za-z]))
    )
    \s*
    (?P<list>{_SDG_ITEM_SRC}(?:(?:\s*,\s*(?:and\s+)?|\s+(?:and|or)\s+){_SDG_ITEM_SRC})*)
    """,
    re.VERBOSE,
)

_SDG_ITEM = re.compile(
    r"""
    (?P<goal>[0-9]{1,2})
    (?:\.(?P<target>[0-9]{1,2}|[a-z]))?
    (?:\s*[-–—~至]\s*(?P<last>[0-9]{1,2}))?
    """,
    re.VERBOSE,
)

# Flattened tracked changes of years: old and new side by side.
_YEAR_EDIT = re.compile(
    r"""
    (?=[12PWR])                         # cheap guard: the first characters below
    (?<![0-9A-Za-z_\-/.])
    (?:
        (?P<range_a>(?:19|20)[0-9]{2}-(?:19|20)[0-9]{2})   # 2016-2019
        (?P<range_b>(?:19|20)[0-9]{2}-(?:19|20)[0-9]{2})   # 2020-2023
        年
      | (?P<digits>(?:19|20)[0-9]{3,6})年                # 20147年 · 20182022年 (5 to 8 digits)
      | (?P<conf>PP|WTSA|WTDC|RA)-(?P<conf_a>[0-9]{2})(?P<conf_b>[0-9]{2})(?![0-9])   # WTDC-1417
    )
    """,
    re.VERBOSE,
)

# CONFERENCES indexed: (year, place) → body; year → bodies; (body, year) pairs.
# A place is looked up as either language writes it: (2018, 迪拜) and (2018, Dubai) are PP-18.
_BODY_AT: dict[tuple[int, str | None], str] = {
    (c.year, place): c.body for c in CONFERENCES for place in (c.zh, c.en)
}
_BODIES_IN_YEAR = {
    year: tuple(c.body for c in CONFERENCES if c.year == year)
    for year in {c.year for c in CONFERENCES}
}
_CONFERENCE_YEARS = frozenset((c.body, c.year) for c in CONFERENCES)

# ---------------------------------------------------------------------------
# Revisions and conferences
# ---------------------------------------------------------------------------


def _edited_year(digits: str) -> tuple[str, str]:
    """The two years of a flattened edit: 20147 → (2014, 2017), 20182022 → (2018, 2022)."""
    tail = digits[4:]
    return digits[:4], digits[: 4 - len(tail)] + tail


def _clean_place(place: str | None) -> str | None:
    if not place or len(place) < 2 or place.startswith("第") or place in NOT_PLACES:
        return None
    if place in PLACES:
        return place
    known = _PLACE_AT_END.search(place)
    return known.group() if known else place


def parse_revisions(text: str, language: Language = "zh") -> tuple[Revision, ...]:
    """The (year, place) pairs of a revision parenthetical or history line, in text order.

    A flattened edit counts as its later year and place:
    （20147年，迪拜布宜诺斯艾利斯） → Revision(2017, "布宜诺斯艾利斯"). English writes
    the place first: (Rev. Dubai, 2018; Rev. Bucharest, 2022).
    """
    found: list[Revision] = []
    for m in (_REVISION if language == "zh" else _REVISION_EN).finditer(text):
        years = _edited_year(m["year"]) if len(m["year"]) > 4 else (m["year"],)
        found.append(Revision(max(int(y) for y in years), _clean_place(m["place"])))
    return tuple(found)


def council_sessions(text: str) -> tuple[Revision, ...]:
    """The Council sessions a header's parenthetical names, oldest first: ``C-16, last
    amended C-19`` → 2016, 2019; ``C-2016`` → 2016. A session is the year it met
    (Council meets in Geneva: no place). Empty for any other parenthetical."""
    sessions = {
        int(year) if len(year) == 4 else (1900 if int(year) >= 50 else 2000) + int(year)
        for year in (m["year"] for m in COUNCIL_SESSION.finditer(text))
    }
    return tuple(Revision(year) for year in sorted(sessions))


def _latest(revisions: Iterable[Revision]) -> Revision | None:
    return max(revisions, key=lambda r: r.year, default=None)


def body_of_conference(year: int, place: str | None) -> str | None:
    """The body whose conference met in that year (and place); None when unknown or ambiguous.

    A place that met no conference that year is ignored: the year alone then decides.
    """
    at_place = _BODY_AT.get((year, place))
    if at_place:
        return at_place
    in_year = _BODIES_IN_YEAR.get(year, ())
    return in_year[0] if len(in_year) == 1 else None


# ---------------------------------------------------------------------------
# Citations
# ---------------------------------------------------------------------------


def _body_before(text: str, start: int) -> str | None:
    """The body named right before position start: a body id, SELF, "" (not tracked) or None."""
    m = _BODY_TAIL.search(text, max(0, start - _TAIL_WINDOW), start)
    return _BODY_OF_WORD[m["word"]] if m else None


def _group_body(
    text: str, m: re.Match[str], revisions: tuple[Revision, ...], own_body: str | None
) -> str:
    """The body of a group's plain numbers: body word, else revision year and place, else own."""
    word = _body_before(text, m.start())
    if word == SELF:
        word = own_body
    if word is not None:
        return word
    paren = m["paren"] or ""
    if "WRC" in paren or "WCIT" in paren:
        return ""
    for revision in sorted(revisions, key=lambda r: r.year, reverse=True):
        body = body_of_conference(revision.year, revision.place)
        if body:
            return body
    return own_body or "pp"


def _targets(numbers: str, group_body: str) -> Iterator[str]:
    """The work ids of a group's numbers; ECOSOC's and untracked bodies' are left out."""
    for n in _NUMBER.finditer(numbers):
        if n["unga"]:
            yield f"unga-{n['unga']}"
        elif n["unesco"]:
            yield f"unesco-{n['unesco'].lower()}"
        elif n["itur"]:
            yield f"itu-r-{int(n['itur'])}"
        elif n["plain"]:
            number = int(n["plain"])
            if number >= 1000:
                yield f"council-{number}"
            elif group_body:
                yield f"{group_body}-{number}"


def extract_citations(
    text: str, own_body: str | None, language: Language = "zh"
) -> tuple[Citation, ...]:
    """Every resolution the text cites, in text order, de-duplicated on (target, text).

    own_body is the citing document's body (本届大会 and unmarked numbers); None for reports.
    """
    if language != "zh":
        if "esolution" not in text and "ESOLUTION" not in text and "RES/" not in text:
            return ()
        return _english_citations(text, own_body)
    if "号" not in text and "RES/" not in text:
        return ()
    found: dict[tuple[str, str], Citation] = {}
    for m in _CITATION.finditer(text):
        if m["res"]:
            target = f"unga-{m['res'][len('A/RES/') :]}"
            found.setdefault((target, m["res"]), Citation(target, m["res"]))
            continue
        span = m["group"]
        revisions = parse_revisions(m["paren"]) if m["paren"] else ()
        body = _group_body(text, m, revisions, own_body)
        # 第1334号决议（C11，最后一次修订为C19）: the text as the 2019 session left it.
        revision = _latest(revisions) or _latest(council_sessions(m["paren"] or ""))
        for target in _targets(m["numbers"], body):
            found.setdefault((target, span), Citation(target, span, revision))
    return tuple(found.values())


# --- English ---------------------------------------------------------------

# One resolution number in an English citation: 102 · ITU-R 69-1 · 70/125 · A/RES/70/125
# · 41 C/27 · 2012/5 (ECOSOC's, read and left out by ``_targets``).
_NUMBER_EN_SRC = r"""
    (?:ITU-R\s+)?
    (?:A/(?:RES/)?)?
    [0-9]{1,4}
    (?:\s?C/[0-9]{1,4}|/[0-9]{1,4}|-[0-9]{1,2})?
    (?![0-9/]|\.[0-9])                  # not 1.1, nor part of a longer code
"""
# A revision or session right after a number: (Rev. Dubai, 2018) · (Minneapolis, 1998)
# · (C-16, last amended C-19). A parenthesis without a year or a session is not one.
_REVISION_PAREN_SRC = r"\s*\((?=[^()]*(?:[0-9]{4}|C-?[0-9]{2}))[^()]{1,80}\)"

# ``Resolution 131 (Rev. Dubai, 2018)`` · ``Resolutions 50 and 52 (Rev. Hammamet, 2016)``
# · ``Resolution ITU-R 69-1``; what names the body around it is read by ``_english_body``.
_CITATION_EN = re.compile(
    rf"""
    (?<![A-Za-z])(?:[Rr]esolutions?|RESOLUTIONS?)\s+(?:No\.\s*)?
    (?P<items>
        {_NUMBER_EN_SRC}(?:{_REVISION_PAREN_SRC})?
        (?:
            (?:\s*,\s*(?:and\s+)?|\s+and\s+)
            {_NUMBER_EN_SRC}(?:{_REVISION_PAREN_SRC})?
        )*
    )
    """,
    re.VERBOSE,
)
# Each number of a group and its own revision, if it has one.
_ITEM_EN = re.compile(
    rf"""
    (?P<number>{_NUMBER_EN_SRC})
    (?:\s*\((?=[^()]*(?:[0-9]{{4}}|C-?[0-9]{{2}}))(?P<paren>[^()]{{1,80}})\))?
    """,
    re.VERBOSE,
)

_WORDS_EN = "|".join(re.escape(word).replace(r"\ ", r"\s+") for word, _ in BODY_WORDS_EN)
# A body word right before ``Resolution``: ``WTSA`` · ``United Nations General Assembly
# (UNGA)`` · ``ECOSOC``.
_BODY_BEFORE_EN = re.compile(
    rf"(?<![A-Za-z])(?P<word>{_WORDS_EN})(?:\s*\([^()]{{1,16}}\))?\s*$", re.IGNORECASE
)
# A body word after the citation: ``of the Plenipotentiary Conference`` · ``of WTDC`` ·
# ``of this conference``.
_BODY_AFTER_EN = re.compile(
    rf"\s+of\s+(?:the\s+)?(?:ITU\s+)?(?P<word>{_WORDS_EN})(?![A-Za-z])", re.IGNORECASE
)
_BODY_OF_WORD_EN = {word.lower(): body for word, body in BODY_WORDS_EN}
_TAIL_WINDOW_EN = 48
# A bare UN General Assembly symbol: A/RES/70/125.
_UN_SYMBOL = re.compile(r"(?<![A-Za-z0-9_/])(?P<res>A/RES/[0-9]{2,3}/[0-9]{1,4})(?![0-9/])")


def _english_word(m: re.Match[str] | None) -> str | None:
    return _BODY_OF_WORD_EN[re.sub(r"\s+", " ", m["word"]).lower()] if m else None


def _english_citations(text: str, own_body: str | None) -> tuple[Citation, ...]:
    """``extract_citations`` for English text: the body is named after the citation
    (``of the Plenipotentiary Conference``), before it (``WTSA Resolution 75``), or
    told by the revision's year and place (``Resolution 73 (Minneapolis, 1998)``)."""
    found: dict[tuple[str, str], Citation] = {}
    for m in _CITATION_EN.finditer(text):
        before = _BODY_BEFORE_EN.search(text, max(0, m.start() - _TAIL_WINDOW_EN), m.start())
        after = _BODY_AFTER_EN.match(text, m.end())
        named = _english_word(after) if after else _english_word(before)
        if named == SELF:
            named = own_body
        span = text[before.start() if before else m.start() : after.end() if after else m.end()]
        items = list(_ITEM_EN.finditer(m["items"]))
        # "Resolutions 50 and 52 (Rev. Hammamet, 2016)": a number without a revision of
        # its own has the next one's.
        revisions: list[Revision | None] = []
        revision: Revision | None = None
        for item in reversed(items):
            if item["paren"]:
                paren = item["paren"]
                revision = _latest(parse_revisions(paren, "en") or council_sessions(paren))
            revisions.append(revision)
        for item, revision in zip(items, reversed(revisions), strict=True):
            body = named
            if body is None and item["number"].startswith("ITU-R"):
                body = "itu-r"
            if body is None and revision is not None:
                body = body_of_conference(revision.year, revision.place)
            if body is None:
                body = own_body or "pp"
            if body == "":  # ECOSOC's, WRC's: not tracked, whatever the number's form
                continue
            number = re.sub(r"^ITU-R\s+|\s", "", item["number"])
            for target in _targets(number, body):
                found.setdefault((target, span), Citation(target, span, revision))
    for m in _UN_SYMBOL.finditer(text):
        target = f"unga-{m['res'][len('A/RES/') :]}"
        found.setdefault((target, m["res"]), Citation(target, m["res"]))
    return tuple(found.values())


# ---------------------------------------------------------------------------
# WSIS action lines and SDGs
# ---------------------------------------------------------------------------


def extract_action_lines(text: str) -> tuple[str, ...]:
    """The WSIS action lines C1–C11 the text names, unique, by number."""
    if not _C_NUMBER.search(text):  # every match has one; "C" alone is in every "ICT"
        return ()
    numbers: set[int] = set()
    for m in _ACTION_LINE.finditer(text):
        if m["first"]:
            first = int(m["first"])
            numbers.update(range(first, int(m["last"] or first) + 1))
    return tuple(f"C{n}" for n in sorted(numbers) if 1 <= n <= 11)


def _target_key(target: str) -> tuple[int, bool, int, str]:
    goal, sub = target.split(".")
    return int(goal), sub.isalpha(), int(sub) if sub.isdigit() else 0, sub


def extract_sdgs(text: str, language: Language = "zh") -> tuple[tuple[int, ...], tuple[str, ...]]:
    """(goals, targets) the text names: goals 1–17, sorted; targets such as 5.b (their goal too)."""
    if language == "zh":
        if "SDG" not in text and "可持续发展" not in text:
            return (), ()
        pattern = _SDG
    else:
        if "SDG" not in text and "Goal" not in text and "arget" not in text:
            return (), ()
        pattern = _SDG_EN
    goals: set[int] = set()
    targets: set[str] = set()
    for m in pattern.finditer(text):
        for item in _SDG_ITEM.finditer(m["list"]):
            first = int(item["goal"])
            if not 1 <= first <= 17:
                continue
            goals.update(range(first, min(int(item["last"] or first), 17) + 1))
            if item["target"]:
                targets.add(f"{first}.{item['target']}")
    return tuple(sorted(goals)), tuple(sorted(targets, key=_target_key))


# ---------------------------------------------------------------------------
# Year edits
# ---------------------------------------------------------------------------


def _year_edit(m: re.Match[str]) -> Edit | None:
    """The edit a match stands for (earlier year first: edits move years forward), or None."""
    if m["range_a"]:
        kind, a, b, unit = "years", m["range_a"], m["range_b"], "年"
    elif m["digits"]:
        kind, unit = "year", "年"
        a, b = _edited_year(m["digits"])
    else:
        kind, a, b, unit = "conference", m["conf_a"], m["conf_b"], ""
        body = CONFERENCE_ABBREVIATIONS[m["conf"]]
        if not {(body, 2000 + int(a)), (body, 2000 + int(b))} <= _CONFERENCE_YEARS:
            return None
    if a == b:
        return None
    old, new = sorted((a, b))
    prefix = f"{m['conf']}-" if m["conf"] else ""
    return Edit(kind, f"{prefix}{old}{unit}", f"{prefix}{new}{unit}", m.group())  # type: ignore[arg-type]


# A revision changed in place: ``2017年，布宜诺斯艾利斯2022年，基加利`` (WTDC-17 became WTDC-22).
_PLACE_ALTERNATIVES = "|".join(map(re.escape, PLACES))
_REVISION_EDIT = re.compile(
    rf"(?=[12])(?P<old>(?P<year_a>(?:19|20)[0-9]{{2}})年[，,](?P<place_a>{_PLACE_ALTERNATIVES}))"
    rf"(?P<new>(?P<year_b>(?:19|20)[0-9]{{2}})年[，,](?P<place_b>{_PLACE_ALTERNATIVES}))"
)
# Two conference places run together: ``《布宜诺斯艾利斯基加利行动计划》``.
# (Each starts with a class of the places' first characters: a cheap guard that
# spares trying every place at every position.)
_PLACE_FIRSTS = "".join(sorted({place[0] for place in PLACES}))
_PLACE_EDIT = re.compile(
    rf"(?=[{_PLACE_FIRSTS}])(?P<a>{_PLACE_ALTERNATIVES})(?P<b>{_PLACE_ALTERNATIVES})"
)
# Each place's conferences, oldest first: a changed place follows its body's order.
_YEARS_AT: dict[str, list[tuple[str, int]]] = {}
for _conference in CONFERENCES:
    for _place in (_conference.zh, _conference.en):
        _YEARS_AT.setdefault(_place, []).append((_conference.body, _conference.year))


def _revision_edit(m: re.Match[str]) -> Edit | None:
    years = int(m["year_a"]), int(m["year_b"])
    if years[0] >= years[1] or not _BODY_AT.get((years[0], m["place_a"])):
        return None
    if _BODY_AT.get((years[0], m["place_a"])) != _BODY_AT.get((years[1], m["place_b"])):
        return None
    return Edit("revision", m["old"], m["new"], m.group())


def _place_edit(m: re.Match[str]) -> Edit | None:
    """Two places of one body's conferences, the earlier first; None for other pairs."""
    for body, year in _YEARS_AT[m["a"]]:
        if any(other == body and later > year for other, later in _YEARS_AT[m["b"]]):
            return Edit("place", m["a"], m["b"], m.group())
    return None


def find_edits(text: str) -> tuple[Edit, ...]:
    """Flattened tracked changes: years (20182022年, 2016-20192020-2023年, 20147年),
    conferences (WTDC-1417), revisions (2017年，布宜诺斯艾利斯2022年，基加利) and
    places (布宜诺斯艾利斯基加利), in the order of the text, none overlapping."""
    found: list[tuple[int, int, Edit]] = []
    if "年" not in text and "-" not in text and not _PLACE_EDIT.search(text):
        return ()
    for pattern, make in (
        (_REVISION_EDIT, _revision_edit),
        (_YEAR_EDIT, _year_edit),
        (_PLACE_EDIT, _place_edit),
    ):
        for m in pattern.finditer(text):
            edit = make(m)
            taken = any(m.start() < end and start < m.end() for start, end, _ in found)
            if edit is not None and not taken:
                found.append((m.start(), m.end(), edit))
    return tuple(edit for _, _, edit in sorted(found, key=lambda item: item[0]))


def reading(text: str, edits: tuple[Edit, ...], side: str) -> str:
    """The text as the base (``side`` "old") or the proposal ("new") reads it: each
    edit's span replaced by that side of it."""
    for edit in edits:
        text = text.replace(edit.text, edit.old if side == "old" else edit.new)
    return text
