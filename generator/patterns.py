"""Patterns and tables for the structure of a source text: units, headers,
headings, labels. (What a clause cites or names is in ``extract.py``.)

Every pattern runs on lines already normalised by ``read.normalise``.
"""

from __future__ import annotations

import re

# --- Units --------------------------------------------------------------

# ``第140号决议（2018年，迪拜2022年，布加勒斯特，修订版）`` alone on a line. Its
# number may be of any length here, so that one too long is refused, not missed.
RESOLUTION_HEADER = re.compile(r"^第(?P<number>\d+(?:-\d+)?)号决议(?P<revisions>（[^（）]*）)?$")

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
PROPOSAL_REASON = re.compile(r"^理由[：:]\s*(?P<reason>.*)$")
PROPOSAL_REASON_STARTS = frozenset("理")

# Lines that end a unit or carry no text: ``* * * *`` and ``______``.
SEPARATOR = re.compile(r"^(?:\*(?:\s*\*)+|_{3,})$")
SEPARATOR_STARTS = frozenset("*_")

UNIT_END_STARTS = (
    PROPOSAL_LINE_STARTS | PROPOSAL_TITLE_STARTS | PROPOSAL_REASON_STARTS | SEPARATOR_STARTS
)

# A history line under the title: ``（2008年，约翰内斯堡；2012年，迪拜；…）``.
HISTORY_LINE = re.compile(r"^（\d{4}年?，[^（）]*）$")

# The enacting formula: ``国际电信联盟全权代表大会（2022年，布加勒斯特），``.
ENACTING_FORMULA = re.compile(r"^(?P<name>[^\t（）]{2,20})（(?P<revisions>[^（）]*)）[，,]?$")

# Body named by an enacting formula, matched as a suffix of the name.
FORMULA_BODIES = (
    ("全权代表大会", "pp"),
    ("世界电信标准化全会", "wtsa"),
    ("世界电信发展大会", "wtdc"),
    ("无线电通信全会", "itu-r"),
    ("理事会", "council"),
)

# --- Headings -------------------------------------------------------------

# Heading verbs, longest first (``进一步考虑到`` before ``考虑到``). The part of
# the resolution follows from the verb.
HEADING_VERBS = (
    ("做出决议，责成", "resolves_to_instruct", "operative"),
    ("做出决议，表达", "resolves_to_express", "operative"),
    ("进一步忆及", "recalling_further", "preamble"),
    ("进一步考虑到", "considering_further", "preamble"),
    ("进一步认识到", "recognizing_further", "preamble"),
    ("进一步注意到", "noting_further", "preamble"),
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
    ("表达", "expresses", "operative"),
    ("请", "invites", "operative"),
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

# A heading is short and does not end like a sentence.
HEADING_MAX_CHARS = 40
SENTENCE_END = "。；;，,"

# --- Labels ---------------------------------------------------------------

# A clause label, written here once: ``LABELLED_LINE`` below and ``read.py``'s
# ``LABEL_TAB`` and ``LABEL_THEN_SPACES`` are built from it. Letters may be
# flattened pairs (``ae)``), numbers flattened runs (``1112``).
LABEL = r"""
      (?P<letters>[a-z]{1,5})\)?     # a)  ae)  iii)  and reports' bare a
    | \((?P<paren>[ivx]{1,5})\)      # (i)
    | (?P<dotted>\d{1,3}\.\d{1,3})   # 2.4 (reports)
    | (?P<number>\d{1,5})            # 1  1112
    | (?P<bullet>[•·])
    | (?P<dash>[–—-])                # the seeds have only – (003, 004)
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
CONTACT_LINE = re.compile(r"^联系人：$")

# A footnote's marker in a clause's text, as the parser writes it: ``[^1]``.
FOOTNOTE_MARKER = re.compile(r"\[\^(?P<id>\w+)\]")
