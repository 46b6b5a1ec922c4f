"""Patterns and tables for the structure of a source text: units, headers,
headings, labels. (What a clause cites or names is in ``extract.py``.)

Every pattern runs on lines already normalised by ``read.normalise``.
"""

from __future__ import annotations

import re

# --- Units --------------------------------------------------------------

# ``第140号决议（2018年，迪拜2022年，布加勒斯特，修订版）`` alone on a line; a Council
# resolution's names its sessions (``第1332号决议（C-2016）``), an ITU-R resolution its
# sector and version (``ITU-R 第69-1号决议``). Its number may be of any length here,
# so that one too long is refused, not missed.
RESOLUTION_HEADER = re.compile(
    r"""^(?P<sector>ITU-R\s*)?
        第(?P<number>\d+(?:-\d+)?)号决议
        (?P<revisions>（[^（）]*）)?$""",
    re.VERBOSE,
)

# The same in English: ``RESOLUTION 140 (Rev. Dubai, 2018)``, ``Resolution 140 (…)``,
# ``RESOLUTION ITU-R 69-1``, ``RESOLUTION 1332 (C-16, last amended C-19)``.
RESOLUTION_HEADER_EN = re.compile(
    r"""^(?:RESOLUTION|Resolution)\s+
        (?P<sector>ITU-R\s+)?
        (?P<number>\d+(?:-\d+)?)
        (?:\s*(?P<revisions>\([^()]*\)))?$""",
    re.VERBOSE,
)
# What every header starts with, in either language: ``parse_lines`` tries the
# patterns on these lines only.
RESOLUTION_HEADER_STARTS = ("第", "ITU-R", "RESOLUTION", "Resolution")

# A Council session as a header or citation writes it: ``C-16``, ``C16``, ``C-2016``
# (in ``（C-16, last amended C-19）``, ``（C11，最后一次修订为C19）``).
COUNCIL_SESSION = re.compile(r"(?<![A-Za-z0-9])C-?(?P<year>\d{4}|\d{2})(?![0-9])")

# An ITU resolution number has four digits at most: Council's run from 1000 up.
# (Numbers name files and web addresses; ``extract.py``'s citations read these too.)
NUMBER_MAX_DIGITS = 4

# The four patterns that can end a unit, each followed by the characters every
# line it matches starts with: with ``UNIT_END_STARTS``, ``parse.unit_end`` skips
# most lines without trying any of them. A pattern's start and its ``_STARTS``
# change together (tests/test_parse.py checks them).

# ``MOD	EUR/44A15/1``: a proposal's action and reference.
PROPOSAL_LINE = re.compile(r"^(?P<action>MOD|ADD|SUP)\s+(?P<ref>[A-Z]+/[\w/]+)$")
PROPOSAL_LINE_STARTS = frozenset("MAS")

# ``ECP-1：	第133号决议…的修订``: the title of one of several common proposals.
PROPOSAL_TITLE = re.compile(r"^(?P<code>ECP-\d+)[：:]\s*(?P<title>.*)$")
PROPOSAL_TITLE_STARTS = frozenset("E")

# ``理由：	更新决议…``: the reason that closes a proposal.
# ``Reasons:	To update…`` in English.
PROPOSAL_REASON = re.compile(r"^(?:理由|Reasons?)[：:]\s*(?P<reason>.*)$")
PROPOSAL_REASON_STARTS = frozenset("理R")

# Lines that end a unit or carry no text: ``* * * *`` and ``______``.
SEPARATOR = re.compile(r"^(?:\*(?:\s*\*)+|_{3,})$")
SEPARATOR_STARTS = frozenset("*_")

UNIT_END_STARTS = (
    PROPOSAL_LINE_STARTS | PROPOSAL_TITLE_STARTS | PROPOSAL_REASON_STARTS | SEPARATOR_STARTS
)

# A history line under the title: ``（2008年，约翰内斯堡；2012年，迪拜；…）``; an ITU-R
# resolution's lists the years of its versions: ``（2012-2015年）``.
HISTORY_LINE = re.compile(r"^（\d{4}(?:年?，[^（）]*|(?:-\d{4})*年?)）$")
# ``(Kyoto, 1994; Marrakesh, 2002; …)`` and ``(2012-2015)``: places, years and their
# punctuation only, a year at least.
HISTORY_LINE_EN = re.compile(r"^\((?=[^()]*\d{4})(?:Rev\.)?[^\W_][\w\s.,;'’\-–]*\)$")

# The enacting formula: ``国际电信联盟全权代表大会（2022年，布加勒斯特），``; a Council's
# and an ITU-R Assembly's have no parenthesis: ``理事会，``, ``国际电联无线电通信全会，``.
ENACTING_FORMULA = re.compile(
    r"^(?P<name>[^\t（），,]{2,20})(?:（(?P<revisions>[^（）]*)）[，,]?|[，,])$"
)
# ``The Plenipotentiary Conference of the International Telecommunication Union (Dubai,
# 2018),`` · ``The ITU Radiocommunication Assembly,`` · ``The Council,``.
ENACTING_FORMULA_EN = re.compile(
    r"^The\s+(?P<name>[^\t()]{2,120}?)\s*(?:\((?P<revisions>[^()]*)\))?,$"
)

# Body named by an enacting formula, matched as a suffix of the name.
FORMULA_BODIES = (
    ("全权代表大会", "pp"),
    ("世界电信标准化全会", "wtsa"),
    ("世界电信发展大会", "wtdc"),
    ("无线电通信全会", "itu-r"),
    ("理事会", "council"),
)

# The same in English, matched as the formula's name without the ITU's name around it
# (``ITU Radiocommunication Assembly``, ``Plenipotentiary Conference of the ITU``).
FORMULA_BODIES_EN = (
    ("Plenipotentiary Conference", "pp"),
    ("World Telecommunication Standardization Assembly", "wtsa"),
    ("World Telecommunication Development Conference", "wtdc"),
    ("Radiocommunication Assembly", "itu-r"),
    ("Council", "council"),
)
ITU_NAME_EN = re.compile(
    r"^(?:ITU\s+)?(?P<name>.*?)(?:\s+of\s+(?:the\s+)?(?:International\s+Telecommunication\s+Union|ITU))?$"
)

# --- Headings -------------------------------------------------------------

# Heading verbs, longest first (``进一步考虑到`` before ``考虑到``). The part of
# the resolution follows from the verb. The verb's key is the same in every
# language (``considering_further`` is 进一步考虑到 and "considering further"), and
# so are the anchors made of it: ``resolves-6-i`` is one clause in Chinese and English.
HEADING_VERBS = (
    ("做出决议，责成", "resolves_to_instruct", "operative"),
    ("做出决议，表达", "resolves_to_express", "operative"),
    ("进一步忆及", "recalling_further", "preamble"),
    ("进一步考虑到", "considering_further", "preamble"),
    ("进一步认识到", "recognizing_further", "preamble"),
    ("进一步注意到", "noting_further", "preamble"),
    ("进一步做出决议", "resolves_further", "operative"),
    ("进一步责成", "instructs_further", "operative"),
    ("进一步要求", "requests_further", "operative"),
    ("进一步请", "invites_further", "operative"),
    ("亦注意到", "noting_also", "preamble"),
    ("做出决议", "resolves", "operative"),
    ("忆及", "recalling", "preamble"),
    ("考虑到", "considering", "preamble"),
    ("认识到", "recognizing", "preamble"),
    ("注意到", "noting", "preamble"),
    ("顾及", "bearing_in_mind", "preamble"),
    ("铭记", "mindful", "preamble"),
    ("意识到", "aware", "preamble"),
    ("强调", "emphasizing", "preamble"),
    ("赞同", "endorsing", "preamble"),
    ("责成", "instructs", "operative"),
    ("要求", "requests", "operative"),
    ("鼓励", "encourages", "operative"),
    ("敦促", "urges", "operative"),
    ("表达", "expresses", "operative"),
    ("请", "invites", "operative"),
)

# The English headings, lower-case words on a line of their own, with the keys of
# the Chinese ones they translate (ITU's Chinese writes 顾及 for both "bearing in
# mind" and "taking into account"). Longest first, as above.
HEADING_VERBS_EN = (
    ("resolves to instruct", "resolves_to_instruct", "operative"),
    ("resolves to express", "resolves_to_express", "operative"),
    ("resolves further", "resolves_further", "operative"),
    ("further resolves", "resolves_further", "operative"),
    ("recalling further", "recalling_further", "preamble"),
    ("recalling also", "recalling_further", "preamble"),
    ("considering further", "considering_further", "preamble"),
    ("considering also", "considering_further", "preamble"),
    ("recognizing further", "recognizing_further", "preamble"),
    ("recognizing also", "recognizing_further", "preamble"),
    ("noting with concern", "noting_with_concern", "preamble"),
    ("noting further", "noting_further", "preamble"),
    ("noting also", "noting_also", "preamble"),
    ("taking into account", "bearing_in_mind", "preamble"),
    ("bearing in mind", "bearing_in_mind", "preamble"),
    ("having considered", "having_considered", "preamble"),
    ("further instructs", "instructs_further", "operative"),
    ("instructs further", "instructs_further", "operative"),
    ("further requests", "requests_further", "operative"),
    ("requests further", "requests_further", "operative"),
    ("further invites", "invites_further", "operative"),
    ("invites further", "invites_further", "operative"),
    ("continues to invite", "invites_further", "operative"),
    ("considering", "considering", "preamble"),
    ("recalling", "recalling", "preamble"),
    ("recognizing", "recognizing", "preamble"),
    ("noting", "noting", "preamble"),
    ("mindful", "mindful", "preamble"),
    ("aware", "aware", "preamble"),
    ("conscious", "conscious", "preamble"),
    ("convinced", "convinced", "preamble"),
    ("concerned", "concerned", "preamble"),
    ("emphasizing", "emphasizing", "preamble"),
    ("stressing", "stressing", "preamble"),
    ("endorsing", "endorsing", "preamble"),
    ("welcoming", "welcoming", "preamble"),
    ("appreciating", "appreciating", "preamble"),
    ("reaffirming", "reaffirming", "preamble"),
    ("observing", "observing", "preamble"),
    ("resolves", "resolves", "operative"),
    ("decides", "decides", "operative"),
    ("instructs", "instructs", "operative"),
    ("requests", "requests", "operative"),
    ("invites", "invites", "operative"),
    ("encourages", "encourages", "operative"),
    ("urges", "urges", "operative"),
    ("authorizes", "authorizes", "operative"),
    ("recommends", "recommends", "operative"),
    ("expresses", "expresses", "operative"),
    ("calls upon", "calls_upon", "operative"),
)

# Who a heading addresses: phrases in the order they are looked for (longer
# phrases first, so ``电信发展局主任`` is not also read as ``各局主任``).
ADDRESSEES = (
    ("理事会国际互联网相关公共政策问题工作组", "cwg_internet"),
    ("电信标准化局主任", "director_tsb"),
    ("电信发展局主任", "director_bdt"),
    ("无线电通信局主任", "director_br"),
    ("三个局的主任", "directors"),
    ("各局主任", "directors"),
    ("秘书长", "secretary_general"),
    ("理事会", "council"),
    ("成员国", "member_states"),
    ("部门准成员", "associates"),
    ("部门成员", "sector_members"),
    ("学术成员", "academia"),
    ("所有成员", "all_members"),
    ("所有利益攸关方", "all_stakeholders"),
    ("三个部门", "sectors"),
    ("电信标准化部门", "itu_t"),
)

# The same addressees in English, matched case-insensitively.
ADDRESSEES_EN = (
    ("Council Working Group on international Internet-related public policy", "cwg_internet"),
    ("Director of the Telecommunication Standardization Bureau", "director_tsb"),
    ("Director of the Telecommunication Development Bureau", "director_bdt"),
    ("Director of the Radiocommunication Bureau", "director_br"),
    ("Directors of the", "directors"),
    ("Secretary-General", "secretary_general"),
    ("Council", "council"),
    ("Member States", "member_states"),
    ("Associates", "associates"),
    ("Sector Members", "sector_members"),
    ("Academia", "academia"),
    ("membership", "all_members"),
    ("all stakeholders", "all_stakeholders"),
    ("three Sectors", "sectors"),
    ("Telecommunication Standardization Sector", "itu_t"),
)

# A heading is short and does not end like a sentence. (An English heading names
# its addressee in full: "instructs the Director of the Telecommunication
# Development Bureau, in coordination with the Directors of the other Bureaux".)
HEADING_MAX_CHARS = 40
HEADING_MAX_CHARS_EN = 160
SENTENCE_END = "。；;，,"
SENTENCE_END_EN = ".;:,"

# --- Labels ---------------------------------------------------------------

# A clause label, written here once: ``LABELLED_LINE`` below and ``read.py``'s
# ``LABEL_TAB`` and ``LABEL_THEN_SPACES`` are built from it. Letters may be
# flattened pairs (``ae)``), numbers flattened runs (``1112``).
LABEL = r"""
      (?P<letters>[a-z]{1,5})
      (?:\)(?P<letters_bis>bis|ter|quater))?    # a)bis: inserted after a) without renumbering
      \)?                            # a)  ae)  iii)  and reports' bare a
    | \((?P<paren>[ivx]{1,5})\)      # (i)
    | (?P<dotted>\d{1,3}\.\d{1,3})   # 2.4 (reports)
    | (?P<number>\d{1,5})(?P<number_bis>bis|ter|quater)?   # 1  1112  1bis
    | (?P<bullet>[•·])
    | (?P<dash>[–—\-−])              # the seeds have only – (003, 004); English texts − (U+2212)
"""

# A labelled line: the label, a TAB, the text.
LABELLED_LINE = re.compile(rf"^(?P<label>{LABEL})\t(?P<text>.*)$", re.VERBOSE)

ROMAN = re.compile(r"^(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})$")

# --- Text that is not a Word export ------------------------------------------
# A Word export has one line per paragraph. Text copied out of a PDF has the
# page's line breaks: most lines end inside a sentence, all about as wide.

# A line ending inside a sentence ends on a letter, a digit or a Chinese character
# (``str.isalnum``). Such a line, as wide as 15 Chinese characters or more and within
# ``WRAP_SPREAD`` columns of the width most such lines have, was broken by a page; a
# file is refused when they are a quarter of its lines or more (the seeds: 9% at
# most, in 003's tables; text copied out of a PDF: half).
WRAP_MIN_COLUMNS = 30
WRAP_SPREAD = 6
WRAP_SHARE = 0.25
WRAP_MIN_LINES = 5
# ``1. 注意到…``: a paragraph numbered as in a PDF, where a Word export has ``1<TAB>``.
DOT_NUMBERED = re.compile(r"^\d{1,3}\.\s")

# --- Reports --------------------------------------------------------------

# A title is a line or a few (the seeds' run to 2 lines, 54 characters): a report
# "title" longer than this is a file of no structure the parser knows.
TITLE_MAX_LINES = 5
TITLE_MAX_CHARS = 300

# ``D.1-1：…`` and the typos ``D.1.5``, ``D-4-1``: an ITU-D outcome.
OUTCOME_LINE = re.compile(r"^D[.\-](?P<objective>\d)[.\-](?P<number>\d{1,2})[：:]\s*(?P<text>.+)$")
ANNEX_LINE = re.compile(r"^附件\s*(?P<number>\d+)$")
# A resolution's annex, a section of its own (``annex-1``) after the operative part:
# ``ANNEX 1 TO RESOLUTION 71 (REV. DUBAI, 2018)``, ``第71号决议附件1``, ``附件1``.
ANNEX_HEADING = re.compile(
    r"""^(?:
        ANNEX\s+(?P<en>\d{1,2})(?:\s+TO\s+(?:RESOLUTION|DECISION|RECOMMENDATION)\s.*)?
      | (?:第\d+(?:-\d+)?号决议)?附件\s*(?P<zh>\d{1,2})
    )$""",
    re.VERBOSE | re.IGNORECASE,
)
CONTACT_LINE = re.compile(r"^联系人：$")

# A footnote's marker in a clause's text, as the parser writes it: ``[^1]``.
FOOTNOTE_MARKER = re.compile(r"\[\^(?P<id>\w+)\]")
