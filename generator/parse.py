"""Normalised lines of one source file → Documents (resolutions or a report).

A file holds resolutions (one, or several wrapped in amendment proposals) or,
when no line is a resolution header, one report.
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import pairwise
from typing import NamedTuple, Protocol, TypeVar

from . import extract
from .errors import Problem, SourceError, Warnings, columns
from .model import Clause, Document, Footnote, Language, Outcome, Proposal, Revision, Section
from .names import report_id, resolution_id
from .outline import MAX_DEPTH, Node, Outline, parse_label
from .patterns import (
    ADDRESSEES,
    ADDRESSEES_EN,
    ANNEX_HEADING,
    ANNEX_LINE,
    CONTACT_LINE,
    DOT_NUMBERED,
    ENACTING_FORMULA,
    ENACTING_FORMULA_EN,
    FORMULA_BODIES,
    FORMULA_BODIES_EN,
    HEADING_MAX_CHARS,
    HEADING_MAX_CHARS_EN,
    HEADING_VERBS,
    HEADING_VERBS_EN,
    HISTORY_LINE,
    HISTORY_LINE_EN,
    ITU_NAME_EN,
    NUMBER_MAX_DIGITS,
    OUTCOME_LINE,
    PROPOSAL_LINE,
    PROPOSAL_REASON,
    PROPOSAL_REASON_STARTS,
    PROPOSAL_TITLE,
    RESOLUTION_HEADER,
    RESOLUTION_HEADER_EN,
    RESOLUTION_HEADER_STARTS,
    SENTENCE_END,
    SENTENCE_END_EN,
    SEPARATOR,
    SEPARATOR_STARTS,
    TITLE_MAX_CHARS,
    TITLE_MAX_LINES,
    UNIT_END_STARTS,
    WRAP_MIN_COLUMNS,
    WRAP_MIN_LINES,
    WRAP_SHARE,
    WRAP_SPREAD,
)
from .progress import Progress
from .read import Source, language_of
from .tables import PROPOSERS
from .workers import forked_map

SENTENCE_ENDS = tuple(SENTENCE_END)  # for str.endswith
FOOTNOTE_MARK = re.compile(r"\[footnoteRef:(?P<ref>\d+)\](?P<shown>\d*)")
FOOTNOTE_TEXT = re.compile(r"\s*\[(?P<ref>\d+):[ \t]*(?P<shown>\d*)\t?(?P<text>[^\]]*)\]\s*")


class Line(NamedTuple):
    """A source line and its 1-based number (a tuple: a file has thousands)."""

    number: int
    text: str


@dataclass(frozen=True)
class Heading:
    verb: str
    part: str
    addressee: str | None


@dataclass(frozen=True)
class Front:
    """What starts a resolution in one language: its header, history line and enacting
    formula (with the bodies a formula names), and how its title's lines join."""

    header: re.Pattern[str]
    history: re.Pattern[str]
    formula: re.Pattern[str]
    formula_bodies: tuple[tuple[str, str], ...]
    title_joiner: str


FRONTS: dict[Language, Front] = {
    "zh": Front(RESOLUTION_HEADER, HISTORY_LINE, ENACTING_FORMULA, FORMULA_BODIES, ""),
    "en": Front(RESOLUTION_HEADER_EN, HISTORY_LINE_EN, ENACTING_FORMULA_EN, FORMULA_BODIES_EN, " "),
}


def parse_lines(
    texts: list[str], source: str, warnings: Warnings, language: Language | None = None
) -> list[Document]:
    """The documents in one file's lines, as ``read.normalise`` gives them (stripped),
    in ``language`` (by default, the one ``read.language_of`` finds)."""
    lines = [Line(n, text) for n, text in enumerate(texts, start=1)]
    language = language or language_of(source, texts)
    if language not in FRONTS:
        message = (
            f"this text is in '{language}' (its file name says so), and only Chinese (zh) "
            "and English (en) texts are read yet"
        )
        raise SourceError(Problem(source, 0, message))
    refuse_page_breaks(lines, source)
    front = FRONTS[language]
    headers = [
        i
        for i, line in enumerate(lines)
        if line.text.startswith(RESOLUTION_HEADER_STARTS) and front.header.match(line.text)
    ]
    if not headers:
        return [parse_report(lines, source, warnings, language)]
    documents = []
    unit_start = 0
    for i, header in enumerate(headers):
        end = unit_end(lines, header, headers[i + 1] if i + 1 < len(headers) else len(lines))
        prelude = lines[unit_start:header]
        unit = lines[header:end]
        documents.append(parse_resolution(prelude, unit, source, warnings, language))
        unit_start = end
    return with_shared_conference(documents)


def refuse_page_breaks(lines: list[Line], source: str) -> None:
    """A SourceError if the lines break mid-sentence, as a PDF's text does (see
    ``patterns.WRAP_MIN_COLUMNS``): the parser reads one paragraph per line."""
    width = {  # of each wide line that ends mid-sentence (on a letter) and goes on in the next
        line.number: span
        for line, after in pairwise(lines)
        # Most lines end on punctuation; a heading is too short to be wide.
        if line.text[-1:].isalnum()
        and 2 * len(line.text) >= WRAP_MIN_COLUMNS
        and after.text
        and (span := columns(line.text)) >= WRAP_MIN_COLUMNS
    }
    if len(width) < WRAP_MIN_LINES:
        return
    counts = Counter(width.values())
    common = max(counts, key=lambda w: sum(counts[w + i] for i in range(WRAP_SPREAD)))
    broken = [number for number, w in width.items() if common <= w < common + WRAP_SPREAD]
    filled = sum(1 for line in lines if line.text)
    if len(broken) < max(WRAP_MIN_LINES, WRAP_SHARE * filled):
        return
    message = (
        f"lines break mid-sentence, as this one does ({len(broken)} of its {filled} lines, "
        "all about as wide): is this text extracted from a PDF? The parser reads a Word "
        "export, one line per paragraph: save the Word document as plain text (UTF-8)."
    )
    message += numbering_note(lines)
    first = lines[broken[0] - 1]  # the caret under its last character, where it breaks
    raise SourceError(Problem(source, first.number, message, len(first.text), first.text))


def numbering_note(lines: list[Line]) -> str:
    """A sentence for a file whose paragraphs are numbered ``1. ``, as no Word export of
    an ITU text has them; "" for others."""
    if not any(DOT_NUMBERED.match(line.text) for line in lines):
        return ""
    return " Its paragraphs are numbered '1. ', where a Word export has '1' and a TAB."


def is_separator(text: str) -> bool:
    return text[0] in SEPARATOR_STARTS and SEPARATOR.match(text) is not None


def is_reason(text: str) -> bool:
    return text[:1] in PROPOSAL_REASON_STARTS and PROPOSAL_REASON.match(text) is not None


def unit_end(lines: list[Line], header: int, limit: int) -> int:
    """Index past a resolution's last line: its reason, a separator, or the next unit."""
    for i in range(header + 1, limit):
        text = lines[i].text
        if text[:1] not in UNIT_END_STARTS:  # nine lines in ten: no pattern below can match
            continue
        if SEPARATOR.match(text):
            return i
        if PROPOSAL_REASON.match(text):
            return i + 1
        if PROPOSAL_LINE.match(text) or PROPOSAL_TITLE.match(text):
            return i
    return limit


# --- Resolutions --------------------------------------------------------------


def parse_resolution(
    prelude: list[Line],
    unit: list[Line],
    source: str,
    warnings: Warnings,
    language: Language = "zh",
) -> Document:
    front = FRONTS[language]
    header = unit[0]
    match = front.header.match(header.text)
    assert match
    number = match["number"]
    if max(len(digits) for digits in number.split("-")) > NUMBER_MAX_DIGITS:
        message = (
            f"resolution number too long: an ITU resolution number has at most "
            f"{NUMBER_MAX_DIGITS} digits (Council's run from 1000 up); correct it in this header"
        )
        column = match.start("number") + 1
        raise SourceError(Problem(source, header.number, message, column, header.text))
    title_lines, formula, history_lines, body_start = split_front(unit, language)
    formula_match = front.formula.match(formula.text) if formula else None
    # A Council resolution's header names sessions, not conferences: (C-16, last
    # amended C-19) is the text as the 2019 session left it (Revision(2019), no place).
    sessions = extract.council_sessions(match["revisions"] or "")
    history = merge_revisions(
        sessions or extract.parse_revisions(match["revisions"] or "", language),
        *(extract.parse_revisions(line.text, language) for line in history_lines),
        extract.parse_revisions(formula_match["revisions"] or "", language)
        if formula_match
        else (),
    )
    revision = history[-1] if history else None
    body = adopting_body(
        formula_name_body(formula.text, language) if formula else None,
        bool(sessions),
        bool(match["sector"]),
        number,
        revision,
    )
    if body is None:
        raise SourceError(
            Problem(
                source,
                header.number,
                f"cannot tell which body adopted Resolution {number}: no enacting formula",
                text=header.text,
            )
        )
    # An ITU-R number has its version: 69-1 is the second version of Resolution ITU-R
    # 69, a work whose id is itu-r-69 (as ``extract.py``'s citations of it have it).
    work = f"{body}-{number.split('-')[0]}"
    proposal = parse_proposal(prelude, unit, source, warnings)
    if proposal:
        proposal = placed(proposal, history)
        revision = None  # a proposal is not a revision
    rest = [line for line in unit[body_start:] if not is_reason(line.text)]
    footnotes, rest = take_footnotes(rest, source, warnings)
    # In a proposal, a label out of sequence is the flattened export's (a deleted and
    # an inserted clause): the clause says so on its page, rather than a warning.
    citing = Citing(body, language)
    sections = parse_sections(rest, citing, source, warnings, warn_sequence=proposal is None)
    if not sections and not (proposal and proposal.action == "SUP"):
        raise SourceError(
            Problem(source, header.number, f"Resolution {number} has no sections", text=header.text)
        )
    if not title_lines:
        raise SourceError(
            Problem(source, header.number, f"Resolution {number} has no title", text=header.text)
        )
    return Document(
        id=resolution_id(work, revision, proposal, language),
        kind="resolution",
        title=front.title_joiner.join(line.text for line in title_lines),
        source=source,
        line=header.number,
        language=language,
        work=work,
        body=body,
        number=number,
        revision=revision,
        history=history,
        proposal=proposal,
        sections=sections,
        footnotes=footnotes,
    )


# Council resolutions are numbered from 1000 up, the other bodies' below.
COUNCIL_FROM = 1000


def adopting_body(
    formula: str | None, sessions: bool, sector: bool, number: str, revision: Revision | None
) -> str | None:
    """The body that adopted a resolution: the one its enacting formula names; else
    what its header shows (Council sessions, the ITU-R sector, an ITU-R version 69-1,
    a Council number); else the conference of its latest revision's year and place."""
    if formula:
        return formula
    if sessions:
        return "council"
    if sector or "-" in number:
        return "itu-r"
    if int(number) >= COUNCIL_FROM:
        return "council"
    return extract.body_of_conference(revision.year, revision.place) if revision else None


def split_front(
    unit: list[Line], language: Language = "zh"
) -> tuple[list[Line], Line | None, list[Line], int]:
    """Title lines, enacting formula, history lines, and where the sections start."""
    front = FRONTS[language]
    title: list[Line] = []
    history: list[Line] = []
    for i, line in enumerate(unit[1:], start=1):
        if not line.text:
            continue
        if front.history.match(line.text):
            history.append(line)
        elif formula_name_body(line.text, language):
            return title, line, history, i + 1
        elif (
            heading_of(line.text, language)
            or parse_label(line.text)
            or PROPOSAL_REASON.match(line.text)
        ):
            return title, None, history, i
        else:
            title.append(line)
    return title, None, history, len(unit)


def formula_name_body(text: str, language: Language = "zh") -> str | None:
    """The body an enacting formula names, or None if the line is not one."""
    front = FRONTS[language]
    match = front.formula.match(text)
    if not match:
        return None
    if language == "zh":
        return next(
            (body for name, body in front.formula_bodies if match["name"].endswith(name)), None
        )
    name = ITU_NAME_EN.match(match["name"])
    assert name  # it matches any text
    return next((body for words, body in front.formula_bodies if name["name"] == words), None)


def merge_revisions(*groups: tuple[Revision, ...]) -> tuple[Revision, ...]:
    """Every revision once, oldest first; a place fills in a year given bare."""
    by_year: dict[int, Revision] = {}
    for group in groups:
        for revision in group:
            known = by_year.get(revision.year)
            if known is None or (known.place is None and revision.place):
                by_year[revision.year] = revision
    return tuple(by_year[year] for year in sorted(by_year))


def parse_proposal(
    prelude: list[Line], unit: list[Line], source: str, warnings: Warnings
) -> Proposal | None:
    """The MOD/ADD/SUP proposal wrapping a resolution, if its prelude has one."""
    title_at = next((i for i, l in enumerate(prelude) if PROPOSAL_TITLE.match(l.text)), None)
    action_at = next((i for i, l in enumerate(prelude) if PROPOSAL_LINE.match(l.text)), None)
    if title_at is None and action_at is None:
        return None
    reason = next((m["reason"] for l in unit if (m := PROPOSAL_REASON.match(l.text))), None)
    summary_end = action_at if action_at is not None else len(prelude)
    summary_lines = [l.text for l in prelude[(title_at or 0) + 1 : summary_end] if l.text]
    summary = "\n".join(summary_lines) or None
    if action_at is not None:
        action_match = PROPOSAL_LINE.match(prelude[action_at].text)
        assert action_match
        ref = action_match["ref"]
        proposer = PROPOSERS.get(ref.split("/")[0]) if ref else None
        return Proposal(
            action_match["action"],  # type: ignore[arg-type]
            ref,
            proposer,
            summary=summary,
            reason=reason,
        )
    title_line = prelude[title_at or 0]
    action = "SUP" if "废止" in title_line.text else "ADD" if "新" in title_line.text else "MOD"
    warnings.add(
        source,
        title_line.number,
        f"proposal has no MOD/ADD/SUP line; read as {action} with no reference",
        title_line.text,
    )
    return Proposal(action, summary=summary, reason=reason)  # type: ignore[arg-type]


def placed(proposal: Proposal, history: tuple[Revision, ...]) -> Proposal:
    """A proposal with its base and conference, from its header's revisions: a MOD's
    header, flattened, names the base and then the conference (``2018年，迪拜2022年，
    布加勒斯特``); a SUP's, the text it abolishes; an ADD's, the conference."""
    last = history[-1] if history else None
    if proposal.action == "SUP" or (proposal.action == "MOD" and len(history) == 1):
        return replace(proposal, base=last)
    if proposal.action == "ADD":
        return replace(proposal, conference=last)
    return replace(proposal, base=history[-2] if len(history) > 1 else None, conference=last)


def with_shared_conference(documents: list[Document]) -> list[Document]:
    """The proposals of one file are one document of one proposer to one conference:
    one whose header does not name the conference (a SUP's names what it abolishes),
    or that has no reference naming its proposer, takes what the others agree on."""
    proposals = [d.proposal for d in documents if d.proposal]
    conferences = {p.conference for p in proposals if p.conference}
    proposers = {p.proposer for p in proposals if p.proposer}
    result = []
    for document in documents:
        proposal = document.proposal
        if proposal and document.work:
            if proposal.conference is None and len(conferences) == 1:
                proposal = replace(proposal, conference=next(iter(conferences)))
            if proposal.proposer is None and len(proposers) == 1:
                proposal = replace(proposal, proposer=next(iter(proposers)))
            document = replace(
                document,
                proposal=proposal,
                id=resolution_id(document.work, document.revision, proposal, document.language),
            )
        result.append(document)
    return result


def take_footnotes(
    lines: list[Line], source: str, warnings: Warnings
) -> tuple[tuple[Footnote, ...], list[Line]]:
    """Footnote texts out of the lines, and ``[^id]`` markers in their place.

    A marker whose footnote text is missing is a warning: its ``[^id]`` leads nowhere.
    """
    shown_by_ref: dict[str, str] = {}
    bracketed = [line for line in lines if "[" in line.text]  # both patterns need one
    noted = {note["ref"] for line in bracketed for note in FOOTNOTE_TEXT.finditer(line.text)}
    for line in bracketed:
        for mark in FOOTNOTE_MARK.finditer(line.text):
            shown_by_ref.setdefault(mark["ref"], mark["shown"] or mark["ref"])
            if mark["ref"] not in noted:
                message = f"footnote marker {mark[0]!r} has no footnote text"
                warnings.add(source, line.number, message, line.text, column=mark.start() + 1)
    footnotes = []
    cleaned = []
    for line in lines:
        if "[" not in line.text:
            cleaned.append(line)  # normalise has stripped it
            continue
        for note in FOOTNOTE_TEXT.finditer(line.text):
            note_id = shown_by_ref.get(note["ref"], note["shown"] or note["ref"])
            footnotes.append(Footnote(note_id, note["text"].strip(), line.number))
        text = FOOTNOTE_TEXT.sub("", line.text)
        text = FOOTNOTE_MARK.sub(lambda m: f"[^{shown_by_ref[m['ref']]}]", text)
        cleaned.append(Line(line.number, text.strip()))
    return tuple(footnotes), cleaned


# --- Sections and clauses -------------------------------------------------------


@dataclass(frozen=True)
class HeadingWords:
    """What makes a line a heading in one language: its verbs and addressees (see
    ``patterns.HEADING_VERBS``), how long it may be, how a sentence ends."""

    verbs: tuple[tuple[str, str, str], ...]
    addressees: tuple[tuple[str, str], ...]
    max_chars: int
    sentence_ends: tuple[str, ...]
    # English verbs are words: "noting" must not start "notingly", nor "urges" "urgesx".
    whole_words: bool


HEADING_WORDS: dict[Language, HeadingWords] = {
    "zh": HeadingWords(HEADING_VERBS, ADDRESSEES, HEADING_MAX_CHARS, SENTENCE_ENDS, False),
    "en": HeadingWords(
        HEADING_VERBS_EN,
        tuple((phrase.lower(), key) for phrase, key in ADDRESSEES_EN),
        HEADING_MAX_CHARS_EN,
        tuple(SENTENCE_END_EN),
        True,
    ),
}


def heading_of(text: str, language: Language = "zh") -> Heading | None:
    """The verb, part and addressee of a heading line, or None if it is not one."""
    words = HEADING_WORDS[language]
    if len(text) > words.max_chars or text.endswith(words.sentence_ends) or "\t" in text:
        return None
    for phrase, verb, part in words.verbs:
        if not text.startswith(phrase):
            continue
        rest = text[len(phrase) :]
        if words.whole_words and rest[:1].isalnum():
            continue
        return Heading(verb, part, addressee_of(rest, language))
    return None


def addressee_of(text: str, language: Language = "zh") -> str | None:
    """``秘书长和各局主任`` → ``secretary_general_and_directors``."""
    words = HEADING_WORDS[language]
    found: list[tuple[int, str]] = []
    rest = text.lower() if words.whole_words else text
    for phrase, key in words.addressees:
        at = rest.find(phrase)
        if at >= 0:
            found.append((at, key))
            rest = rest[:at] + "\0" * len(phrase) + rest[at + len(phrase) :]
    keys = list(dict.fromkeys(key for _, key in sorted(found)))
    if len(keys) <= 1:
        return keys[0] if keys else None
    return "_".join(keys[:-1]) + "_and_" + keys[-1]


@dataclass(frozen=True)
class Citing:
    """What reading a clause's citations needs of its document: the body that speaks
    (本届大会, "this conference", is that body) and the language it speaks in."""

    body: str | None
    language: Language = "zh"


def parse_sections(
    lines: list[Line],
    citing: Citing,
    source: str,
    warnings: Warnings,
    warn_sequence: bool = True,
) -> tuple[Section, ...]:
    """Headings and the clauses under each, anchored uniquely; annexes last."""
    drafts: list[tuple[Line, Heading | str | None, Outline]] = []  # str: an annex's number
    for line in lines:
        if not line.text or is_separator(line.text):
            continue
        heading = heading_of(line.text, citing.language)
        annex = ANNEX_HEADING.match(line.text) if heading is None else None
        if heading or annex:
            drafts.append((line, heading or (annex and (annex["en"] or annex["zh"])), Outline()))
            continue
        if not drafts:
            warnings.add(source, line.number, "text before the first heading", line.text)
            drafts.append((Line(line.number, ""), None, Outline()))
        if isinstance(drafts[-1][1], str):
            # An annex's paragraphs are unlabelled: its tables' cells and figures are no clauses.
            drafts[-1][2].add_unlabelled(line.text.replace("\t", " "), line.number)
        else:
            add_clause(drafts[-1][2], line, source, warnings, warn_sequence)
    anchors = Anchors()
    return tuple(
        freeze_annex(line, heading, outline, citing, anchors)
        if isinstance(heading, str)
        else freeze_section(line, heading, outline, citing, anchors)
        for line, heading, outline in drafts
    )


def add_clause(
    outline: Outline, line: Line, source: str, warnings: Warnings, warn_sequence: bool = True
) -> None:
    """Place a labelled or unlabelled line in the outline; a label out of sequence is
    a warning unless ``warn_sequence`` is off (the clause is marked either way)."""
    match = parse_label(line.text)
    if match is None:
        outline.add_unlabelled(line.text, line.number)
        return
    warning = outline.add_labelled(match, match["text"].strip(), line.number)
    column = match.start("label") + 1  # about the label: the caret goes under it
    if outline.depth > MAX_DEPTH:
        message = (
            f"clauses nested more than {MAX_DEPTH} levels deep (real texts nest 3 to 5): a "
            "first label (a, i, 1) after a clause ending in '：' opens a level under it; "
            "check the labels and colons above this line"
        )
        raise SourceError(Problem(source, line.number, message, column, line.text))
    if warning and warn_sequence:
        warnings.add(source, line.number, warning, line.text, column)


class Anchors:
    """Hands out anchors unique within one document, suffixing repeats."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def claim(self, wanted: str) -> str:
        anchor, n = wanted, 1
        while anchor in self.taken:
            n += 1
            anchor = f"{wanted}-{n}"
        self.taken.add(anchor)
        return anchor


def freeze_section(
    line: Line, heading: Heading | None, outline: Outline, citing: Citing, anchors: Anchors
) -> Section:
    if heading is None:
        wanted = "preamble-text"
    else:
        wanted = heading.verb + (f"-{heading.addressee}" if heading.addressee else "")
    anchor = anchors.claim(wanted.replace("_", "-"))
    return Section(
        anchor=anchor,
        heading=line.text,
        line=line.number,
        verb=heading.verb if heading else None,
        addressee=heading.addressee if heading else None,
        part=heading.part if heading else None,  # type: ignore[arg-type]
        clauses=freeze_clauses(outline.roots, anchor, citing, anchors),
    )


def freeze_annex(
    line: Line, number: str, outline: Outline, citing: Citing, anchors: Anchors
) -> Section:
    """An annex: a section with no verb, anchored ``annex-1``, its paragraphs unlabelled."""
    anchor = anchors.claim(f"annex-{number}")
    clauses = freeze_clauses(outline.roots, anchor, citing, anchors)
    return Section(anchor=anchor, heading=line.text, line=line.number, clauses=clauses)


def freeze_clauses(
    nodes: list[Node],
    prefix: str,
    citing: Citing,
    anchors: Anchors,
    loose_prefix: str | None = None,
) -> tuple[Clause, ...]:
    """Clauses with anchors from their label path: ``resolves-6-i``.

    Reports anchor paragraphs ``para-2``; a dotted number is already a full
    path (``para-2-4``, not ``para-2-2-4``); unlabelled top-level paragraphs
    take ``loose_prefix``, their section's anchor.
    """
    counts: dict[str, int] = {}
    clauses = []
    for node in nodes:
        part = anchor_part(node, counts)
        if node.style == "dotted":  # under its paragraph: 2.4 is 2's, its path not 2-2-4
            head = f"-{node.label.split('.')[0]}" if node.label else ""
            base = prefix.removesuffix(head) if prefix.endswith(head) else prefix
        elif loose_prefix and node.label is None:
            base = loose_prefix
        else:
            base = prefix
        path = f"{base}-{part}"
        anchor = anchors.claim(path)
        clause = freeze_clause(node, anchor, path, citing, anchors)
        if anchor != path:  # its number was taken before it: say so on the clause
            clause = replace(clause, ambiguity="repeated")
        clauses.append(clause)
    return tuple(clauses)


def anchor_part(node: Node, counts: dict[str, int]) -> str:
    """``e`` for e), ``i`` for (i), ``2-4`` for 2.4, ``a-bis`` for a)bis, ``1-bis`` for
    1bis, ``b3`` for the third bullet."""
    if node.label is None or node.style in ("bullet", "dash"):
        kind = {"bullet": "b", "dash": "d"}.get(node.style or "", "p")
        counts[kind] = counts.get(kind, 0) + 1
        return f"{kind}{counts[kind]}"
    return INSERTED.sub(r"-\g<suffix>", node.label.strip("()")).replace(".", "-")


# The suffix of a label inserted without renumbering: a)bis, 1bis, c)ter.
INSERTED = re.compile(r"\)?(?P<suffix>bis|ter|quater)$")


T = TypeVar("T")


def without_init(kind: type[T], **values: object) -> T:
    """A frozen dataclass made without its ``__init__``, which sets every field through
    ``object.__setattr__``: too slow for clauses, the objects a parse makes most of.
    Fields left out read their (immutable) defaults from the class. Only for classes
    with no ``__post_init__`` and no ``__slots__``, like those of ``model``."""
    made = object.__new__(kind)
    made.__dict__.update(values)
    return made


def freeze_clause(node: Node, anchor: str, path: str, citing: Citing, anchors: Anchors) -> Clause:
    goals, targets = extract.extract_sdgs(node.text, citing.language)
    return without_init(
        Clause,
        anchor=anchor,
        text=node.text,
        line=node.line,
        label=node.label,
        old_label=node.old_label,
        refs=extract.extract_citations(node.text, citing.body, citing.language),
        action_lines=extract.extract_action_lines(node.text),
        sdgs=goals,
        sdg_targets=targets,
        edits=extract.find_edits(node.text),
        ambiguity="sequence" if node.out_of_sequence else None,
        clauses=freeze_clauses(node.children, path, citing, anchors),
    )


# --- Reports ---------------------------------------------------------------------


def parse_report(
    lines: list[Line], source: str, warnings: Warnings, language: Language = "zh"
) -> Document:
    """A report: title, headed sections of numbered paragraphs, annex outcomes."""
    document_id = report_id(source, language)
    if document_id is None:
        message = (
            "a report's web address is made from its file name (up to the first '_'), and "
            "this one has no Latin letter or digit: rename the file, e.g. to report-2023.txt"
        )
        raise SourceError(Problem(source, 0, message))
    annex = next((i for i, l in enumerate(lines) if ANNEX_LINE.match(l.text)), len(lines))
    body_end = next((i for i, l in enumerate(lines[:annex]) if CONTACT_LINE.match(l.text)), annex)
    title_lines, body_start = report_title(lines[:body_end])
    title = FRONTS[language].title_joiner.join(line.text for line in title_lines)
    if not title:
        raise SourceError(Problem(source, 1, "report has no title"))
    if len(title_lines) > TITLE_MAX_LINES or len(title) > TITLE_MAX_CHARS:
        message = (
            "no structure found: no resolution header such as 第140号决议（2018年，迪拜，"
            f"修订版）, and read as a report its title would run {len(title_lines)} lines "
            f"({len(title)} characters) from here, where a title is a line or a few, then a "
            "blank line. Is this a Word export of an ITU resolution or report?"
        )
        message += numbering_note(lines)
        raise SourceError(Problem(source, title_lines[0].number, message))
    footnotes, body = take_footnotes(lines[body_start:body_end], source, warnings)
    sections = parse_report_sections(body, source, warnings, language)
    return Document(
        id=document_id,
        kind="report",
        title=title,
        source=source,
        line=1,
        language=language,
        sections=sections,
        footnotes=footnotes,
        outcomes=parse_outcomes(lines[annex:]),
    )


def report_title(lines: list[Line]) -> tuple[list[Line], int]:
    """The lines of the longer of the first two paragraphs (a cover line may come first),
    and where the body starts: after the title, so that a shorter second paragraph is
    body, not lost."""
    paragraphs: list[tuple[list[Line], int]] = []  # each with the index after it
    current: list[Line] = []
    for i, line in enumerate(lines):
        if line.text:
            if paragraphs and (len(paragraphs) == 2 or report_heading(line.text)):
                break
            current.append(line)
        elif current:
            paragraphs.append((current, i))
            current = []
    if current and len(paragraphs) < 2:
        paragraphs.append((current, len(lines)))
    if not paragraphs:
        return [], len(lines)
    return max(paragraphs, key=lambda paragraph: sum(len(l.text) for l in paragraph[0]))


def report_heading(text: str) -> bool:
    """A short line that is not a sentence nor labelled: a report's section title."""
    return (
        len(text) <= 30
        and not text.endswith(SENTENCE_ENDS)
        and "。" not in text
        and parse_label(text) is None
    )


def numbered_heading(text: str) -> str | None:
    """``1<TAB>引言``, a report's numbered section title (its paragraphs are 1.1, 1.2 …):
    its number; None for a numbered paragraph."""
    match = parse_label(text)
    if match and match["label"].isdigit() and report_heading(match["text"]):
        return str(match["label"])
    return None


def parse_report_sections(
    lines: list[Line], source: str, warnings: Warnings, language: Language = "zh"
) -> tuple[Section, ...]:
    # Each section: its heading line, its anchor if numbered (``para-1``: the anchor
    # its title had when it was read as a paragraph), and its clauses.
    drafts: list[tuple[Line, str | None, Outline]] = []
    for line in lines:
        if not line.text or is_separator(line.text):
            continue
        number = numbered_heading(line.text)
        if number or report_heading(line.text) or not drafts:
            heading = line if number or report_heading(line.text) else Line(line.number, "")
            outline = drafts[-1][2].continuation() if drafts and not number else Outline()
            drafts.append((heading, f"para-{number}" if number else None, outline))
            if heading is line:
                continue
        add_clause(drafts[-1][2], line, source, warnings)
    anchors = Anchors()
    sections = []
    for n, (heading, numbered, outline) in enumerate(drafts, start=1):
        anchor = anchors.claim(numbered or f"section-{n}")
        clauses = freeze_clauses(
            outline.roots, "para", Citing(None, language), anchors, loose_prefix=anchor
        )
        text = heading.text.replace("\t", " ")  # 1<TAB>引言 → 1 引言
        sections.append(Section(anchor=anchor, heading=text, line=heading.number, clauses=clauses))
    return tuple(sections)


def parse_outcomes(lines: list[Line]) -> tuple[Outcome, ...]:
    """``D.2-3：…`` with the SDG and action-line lines under it (annex 1 only)."""
    outcomes: list[tuple[Line, re.Match[str], list[str]]] = []
    for line in lines:
        if ANNEX_LINE.match(line.text) and outcomes:
            break
        if match := OUTCOME_LINE.match(line.text):
            outcomes.append((line, match, []))
        elif outcomes and line.text:
            outcomes[-1][2].append(line.text)
    result = []
    for line, match, details in outcomes:
        code = f"D.{match['objective']}-{match['number']}"
        named = "".join(details)
        result.append(
            Outcome(
                code=code,
                anchor=f"outcome-{code.lower().replace('.', '-')}",
                text=match["text"].strip(),
                line=line.number,
                sdgs=extract.extract_sdgs(named)[0],
                action_lines=extract.extract_action_lines(named),
            )
        )
    return tuple(result)


# --- The parse stage: every source file --------------------------------------


@dataclass
class ParsedFile:
    """What one source file gave: its documents and warnings."""

    source: Source
    documents: list[Document]
    warnings: list[Problem]


@dataclass
class Parsed:
    """What the parse stage gives: the documents of every file that parsed, with ids
    unique across the files, and every error and warning."""

    files: list[ParsedFile]
    errors: list[Problem]
    reused: int = 0  # files whose documents came from a cache, not the parser
    renamed: list[Problem] = field(default_factory=list)  # documents whose id was taken

    @property
    def documents(self) -> list[Document]:
        return [document for parsed in self.files for document in parsed.documents]

    @property
    def warnings(self) -> list[Problem]:
        return [warning for parsed in self.files for warning in parsed.warnings] + self.renamed


class ParseCache(Protocol):
    """What the parse stage asks of a cache of parsed files (``incremental.ParseCache``)."""

    def get(self, source: Source) -> ParsedFile | None: ...

    def put(self, parsed: ParsedFile) -> None: ...


# From this many files to parse, the work is split over the cores: forked workers
# start at once, but send their documents back pickled.
PARALLEL_FROM = 50


def parse_sources(
    sources: list[Source],
    workers: int = 1,
    cache: ParseCache | None = None,
    progress: Progress | None = None,
) -> Parsed:
    """Parse every source; one bad file does not hide problems in the others.

    With ``workers`` > 1 and many files, they are parsed in that many forked
    processes. With a ``cache``, a file it holds is not parsed again, and a file
    parsed is put in it (by the worker that parsed it).
    """
    known = [cache.get(source) if cache else None for source in sources]
    todo = [source for source, parsed in zip(sources, known, strict=True) if parsed is None]
    job = partial(parse_file, cache=cache)
    parsed = Parsed([], [], reused=len(sources) - len(todo))
    taken: dict[str, str] = {}
    parallel = workers > 1 and len(todo) >= PARALLEL_FROM
    fresh = forked_map(job, todo, workers) if parallel else (job(source) for source in todo)
    with contextlib.closing(fresh):  # the workers stop at once if the loop does
        for kept in known:
            outcome = kept or next(fresh)
            if isinstance(outcome, Problem):
                parsed.errors.append(outcome)
            else:
                outcome.documents = unique_ids(outcome, taken, parsed.renamed)
                parsed.files.append(outcome)
            if progress:
                progress.advance()
    return parsed


def parse_file(source: Source, cache: ParseCache | None = None) -> ParsedFile | Problem:
    """Parse one source file (and put it in the cache); run in a worker if many."""
    from . import akn  # which builds its clauses with this module's machinery

    warnings = Warnings()
    try:
        if source.path.suffix.lower() == ".xml":
            documents = akn.parse_akn(source.data, source.path.name, warnings)
        else:
            documents = parse_lines(source.lines(), source.path.name, warnings)
    except SourceError as error:
        return error.problem
    parsed = ParsedFile(source, documents, warnings.items)
    if cache:
        cache.put(parsed)
    return parsed


def unique_ids(parsed: ParsedFile, taken: dict[str, str], renamed: list[Problem]) -> list[Document]:
    """The file's documents, those whose id is taken suffixed ``-2``, ``-3`` …, each with a
    warning in ``renamed``: its address would depend on the order of the file names.
    ``taken`` maps each id given so far to where its document starts (``path:line``)."""
    path = str(parsed.source.path)
    result = []
    for document in parsed.documents:
        wanted, n = document.id, 1
        while document.id in taken:
            n += 1
            document = replace(document, id=f"{wanted}-{n}")
        if n > 1:
            fix = (
                "Rename one of the files: a report's id is made from its file name"
                if document.kind == "report"
                else "If it is a copy, remove it; if not, check the number and year in its header"
            )
            message = (
                f"{wanted} is also the id of {taken[wanted]}, so this one is published as "
                f"{document.id}: an address that depends on the order of the file names. {fix}"
            )
            renamed.append(Problem(path, document.line, message))
        taken[document.id] = f"{path}:{document.line}"
        result.append(document)
    return result
