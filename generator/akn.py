"""Akoma Ntoso 3.0 XML → Documents: each ``statement`` of a file (resolution, decision,
recommendation) read into the model, the faults of its conversion repaired or recorded.

The clauses are built with the parser's own machinery (``outline.Node``,
``parse.freeze_section``), so their anchors, citations, action lines and SDGs are
those a text export of the same resolution gets. What the markup gives (headings,
items, ``num`` labels) is first flattened into ``Entry``s; the repairs work on those,
from what the text itself shows (a PDF's footnotes and headings run into the text).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from .errors import Problem, SourceError, Warnings
from .model import (
    Document,
    Footnote,
    Kind,
    Language,
    Repair,
    RepairKind,
    RepairStatus,
    Revision,
    Section,
    within,
)
from .names import resolution_id
from .outline import Outline, parse_label, whole_readings
from .parse import (
    Anchors,
    Citing,
    Line,
    freeze_annex,
    freeze_section,
    heading_of,
)
from .patterns import HEADING_VERBS_EN

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
NS = {"a": AKN}

# Akoma Ntoso's language codes (ISO 639-2, FRBRlanguage) → the model's (<html lang>).
LANGUAGE_CODES: dict[str, Language] = {
    "ara": "ar",
    "eng": "en",
    "fra": "fr",
    "rus": "ru",
    "spa": "es",
    "zho": "zh",
}

# The FRBR author (an organization of the AKN4UN profile) → the body that speaks.
AUTHORS = {
    "#itu-pp": "pp",
    "#itu-wtsa": "wtsa",
    "#itu-wtdc": "wtdc",
    "#itu-ra": "itu-r",
    "#itu-council": "council",
}

# FRBRnumber ``res-140``, ``dec-5``, ``rec-7`` → the kind, and what comes between the
# body and the number in its work id: ``pp-140``, ``pp-dec-5``, ``pp-rec-7``.
KINDS: dict[str, tuple[Kind, str]] = {
    "res": ("resolution", ""),
    "dec": ("decision", "dec-"),
    "rec": ("recommendation", "rec-"),
}
FRBR_NUMBER = re.compile(r"^(?P<kind>[a-z]+)-(?P<number>\d{1,4})$")

# ``140 (REV. DUBAI, 2018)``, ``204 (DUBAI, 2018)``: the revision the text is.
DOC_NUMBER = re.compile(
    r"""^\s*(?P<number>\d{1,4})\s*
        \(\s*(?:REV\.\s*)?(?P<place>[^,()]+?)\s*,\s*(?P<year>\d{4})\s*\)\s*$""",
    re.VERBOSE | re.IGNORECASE,
)

# A label as a PDF's text shows it, at the start of an item or run into another.
RUN_LABEL = re.compile(
    r"""(?P<label>
          \d{1,2}\.\d{1,2}      # 4.2
        | \d{1,2}               # 10
        | [a-z]{1,4}\)          # b)  iv)
        | \([ivx]{1,5}\)        # (ii)
        )
        \s+(?=["“(]?[A-Za-z]|§)   # and the item's first word: "to", "that", "§ 51" ...
    """,
    re.VERBOSE,
)

# Where an item may end and another start: after its closing punctuation.
BOUNDARY = re.compile(r"(?<=[;,.:])\s+")
# Where a footnote's text may end: after a full stop or a closing parenthesis.
NOTE_BREAK = re.compile(r"(?<=[.)\"”])\s+")

# The rule of underscores a PDF prints above its footnotes, and the footnote's number.
FOOTNOTE_RULE = re.compile(r"\s*_{5,}\s*(?P<n>\d{1,2})\s+")

# A heading run into the text, longest phrase first as the table has them. Inside
# the text only an operative one: a preamble verb after a comma is a participle
# (", noting the WSIS-SDG Matrix"), and is read as a heading only at the very end.
OPERATIVE_EN = tuple(phrase for phrase, _, part in HEADING_VERBS_EN if part == "operative")
HEADING_START = re.compile("(?:" + "|".join(map(re.escape, OPERATIVE_EN)) + r")\b")
HEADING_TAIL = re.compile("(?:" + "|".join(re.escape(p) for p, _, _ in HEADING_VERBS_EN) + r")$")
# Where such a heading ends: before its first clause ("to follow", "that ITU",
# "1 to collect"), or at the end of the text.
HEADING_END = re.compile(r"\s+(?=(?:to|that)\b|(?:1|a\)|i\))\s)")

# What the conversion ran into the end of a statement from the pages after it: an
# annex of the statement (kept, as a section of its own), or the next part of the
# Final Acts (``481 PART IV - LIST OF RESOLUTIONS ABROGATED …``: no part of it).
ANNEX_START = re.compile(
    r"""(?:^|\s)(?P<heading>ANNEX\s+(?P<n>\d{1,2})\s+TO\s+
        (?:RESOLUTION|DECISION|RECOMMENDATION)\s+\d{1,4}\s*\([^()]*\))\s*""",
    re.VERBOSE,
)
PART_START = re.compile(r"(?:^|\s)(?:\d{1,3}\s+)?PART\s+[IVX]+\s+-\s+[A-Z]")

# A footnote's text longer than this has run on into other text (the longest real
# one in the PP-18 Final Acts, No. 154 of the Constitution quoted, has 380 characters).
FOOTNOTE_MAX_CHARS = 600


@dataclass(eq=False)
class Entry:
    """A heading or an item of a statement, flattened from its markup, as repaired.
    ``label`` is as written (``b)``, ``2``); ``depth`` 0 is a section's top level."""

    text: str
    line: int
    heading: bool = False
    depth: int = 0
    label: str | None = None
    annex: str | None = None  # the number of the annex it is (a heading) or is in


@dataclass
class Pending:
    """A repair whose anchor is known once the clauses are frozen: that of ``entry``
    (a clause or a heading); ``{before}`` in the note is that of ``before``."""

    kind: RepairKind
    note: str
    status: RepairStatus = "repaired"
    entry: Entry | None = None
    before: Entry | None = None


@dataclass
class Statement:
    """What the repairs of one statement gather."""

    title: str
    entries: list[Entry]
    footnotes: list[tuple[str, str, int]] = field(default_factory=list)
    pending: list[Pending] = field(default_factory=list)


def parse_akn(data: bytes, source: str, warnings: Warnings) -> list[Document]:
    """The documents of an Akoma Ntoso file: one per ``statement``."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        line = error.lineno or 1
        raise SourceError(Problem(source, line, f"not well-formed XML: {error.msg}")) from None
    statements = root.xpath("//a:statement", namespaces=NS)
    if not statements:
        message = f"no Akoma Ntoso statement (<statement xmlns='{AKN}'>) in this XML file"
        raise SourceError(Problem(source, root.sourceline or 1, message))
    return [parse_statement(statement, source) for statement in statements]


def parse_statement(statement: etree._Element, source: str) -> Document:
    line = statement.sourceline or 1

    def value(path: str) -> str | None:
        found = statement.xpath(f"string({path})", namespaces=NS).strip()
        return found or None

    def refuse(message: str) -> SourceError:
        return SourceError(Problem(source, line, message))

    frbr_number = value("a:meta/a:identification/a:FRBRWork/a:FRBRnumber/@value")
    number_match = FRBR_NUMBER.match(frbr_number or "")
    if not number_match or number_match["kind"] not in KINDS:
        raise refuse(
            f"statement has no number: FRBRnumber {frbr_number!r}, not res-N, dec-N or rec-N"
        )
    kind, infix = KINDS[number_match["kind"]]
    number = number_match["number"]
    author = value("a:meta/a:identification/a:FRBRWork/a:FRBRauthor/@href")
    body = AUTHORS.get(author or "")
    if body is None:
        raise refuse(
            f"statement {frbr_number}: author {author!r} is no ITU body ({', '.join(AUTHORS)})"
        )
    code = value("a:meta/a:identification/a:FRBRExpression/a:FRBRlanguage/@language")
    language = LANGUAGE_CODES.get(code or "")
    if language is None:
        raise refuse(f"statement {frbr_number}: language {code!r} is none of ITU's six")
    doc_number = value("a:preface/a:longTitle//a:docNumber") or ""
    revision_match = DOC_NUMBER.match(doc_number)
    if not revision_match or revision_match["number"] != number:
        raise refuse(
            f"statement {frbr_number}: docNumber {doc_number!r} is not '{number} (REV. PLACE, YEAR)'"
        )
    revision = Revision(int(revision_match["year"]), revision_match["place"].title())
    title = value("a:preface/a:container[@name='title']") or ""
    if not title:
        raise refuse(f"statement {frbr_number} has no title (<container name='title'>)")
    work = f"{body}-{infix}{number}"
    found = Statement(" ".join(title.split()), list(entries_of(statement)))
    if not any(entry.heading for entry in found.entries):
        raise refuse(f"statement {frbr_number} has no recitals nor hcontainer: no sections")
    repair(found)
    citing = Citing(body, language)
    sections, anchor_of, nested = build_sections(found.entries, citing)
    return Document(
        id=resolution_id(work, revision, None, language),
        kind=kind,
        title=found.title,
        source=source,
        line=line,
        language=language,
        work=work,
        body=body,
        number=number,
        revision=revision,
        history=(revision,),
        sections=sections,
        footnotes=tuple(Footnote(n, text, at) for n, text, at in found.footnotes),
        expression=value("a:meta/a:identification/a:FRBRExpression/a:FRBRuri/@value"),
        repairs=(*markup_faults(statement), *resolved(found.pending, anchor_of), *nested),
    )


def text_of(element: etree._Element) -> str:
    """An element's text, its whitespace (the XML's indentation) made single spaces."""
    return " ".join("".join(element.itertext()).split())


def entries_of(statement: etree._Element) -> Iterator[Entry]:
    """Headings (a recitals' intro, an hcontainer's heading) and the items under each,
    in document order, each at the line of its element."""
    for block in statement.xpath("a:preamble/a:recitals | a:mainBody/a:hcontainer", namespaces=NS):
        heading = block.find(f"{{{AKN}}}intro")
        if heading is None:
            heading = block.find(f"{{{AKN}}}heading")
        if heading is not None:
            yield Entry(text_of(heading), heading.sourceline or 1, heading=True)
        for item in block.xpath("a:recital | a:paragraph", namespaces=NS):
            yield item_entry(item, 0)
            for point in item.xpath("a:list/a:point", namespaces=NS):
                yield item_entry(point, 1)


def item_entry(item: etree._Element, depth: int) -> Entry:
    num = item.find(f"{{{AKN}}}num")
    texts = item.xpath("a:p | a:content/a:p", namespaces=NS)
    text = " ".join(text_of(p) for p in texts)
    label = num.text.strip() if num is not None and num.text else None
    return Entry(text, item.sourceline or 1, depth=depth, label=label)


# --- Repairs -----------------------------------------------------------------------


def repair(statement: Statement) -> None:
    """Every repair the text shows how to make, each recorded: labels out of the text,
    footnotes out of it, items and headings run together split apart."""
    take_trailing(statement)
    for i, entry in enumerate(statement.entries):
        if not entry.heading and entry.label is None and entry.annex is None:
            label_from_text(entry, statement.entries[:i], statement)
    for i, entry in enumerate(statement.entries):
        if not entry.heading:
            take_footnotes(entry, statement.entries[:i], statement)
    truncated = statement.title.endswith(("...", "…"))
    if truncated:
        note = (
            "the title is cut short with '...' in the source; nothing in this file gives "
            "the rest of it: kept as it is"
        )
        statement.pending.append(Pending("truncated_title", note, "unrepaired"))
    entries: list[Entry] = []
    for entry in statement.entries:
        keep = entry.heading or entry.annex is not None
        entries.extend([entry] if keep else split_runs(entry, statement))
    statement.entries = entries


def take_trailing(statement: Statement) -> None:
    """Annexes run into the last items, made sections of their own, their paragraphs
    unlabelled (their ``num``s, table cells and figure labels read as item numbers,
    kept in the text); the next part of the Final Acts, run into the statement, taken
    out of it."""
    entries: list[Entry] = []
    annex: str | None = None
    for i, entry in enumerate(statement.entries):
        if annex is not None and not entry.heading:
            if entry.label:
                entry.text, entry.label = f"{entry.label} {entry.text}", None
            entry.depth, entry.annex = 0, annex
        part = PART_START.search(entry.text)
        found = ANNEX_START.search(entry.text[: part.start() if part else None])
        if found and not entry.heading:
            before, after = entry.text[: found.start()].strip(), entry.text[found.end() :].strip()
            entry.text = before
            if before or entry.label:
                entries.append(entry)
            annex = found["n"]
            heading = Entry(found["heading"], entry.line, heading=True, annex=annex)
            entries.append(heading)
            note = (
                f"{found['heading']!r} was run into the text before it: made a section of "
                "its own, its paragraphs unlabelled (the conversion read its tables' cells "
                "as item numbers; they are kept in the text)"
            )
            statement.pending.append(Pending("annex", note, entry=heading))
            if after:
                entries.append(Entry(after, entry.line, annex=annex))
            if part := PART_START.search(after):
                entries[-1].text = after[: part.start()].strip()
                cut_rest(statement, entries, after[part.start() :], entry, i)
                return
            continue
        if part and not entry.heading:
            entry.text = entry.text[: part.start()].strip()
            entries.append(entry)
            cut_rest(statement, entries, entry.text[part.start() :] or part.string, entry, i)
            return
        entries.append(entry)
    statement.entries = entries


def cut_rest(statement: Statement, kept: list[Entry], tail: str, entry: Entry, at: int) -> None:
    """The statement ends before ``tail``, in ``entry``, the ``at``-th entry."""
    start = tail.strip()
    rest = statement.entries[at + 1 :]
    last = rest[-1].line if rest else entry.line
    note = (
        f"the text from {start[:70]!r}… (lines {entry.line}-{last} of the source, "
        f"{len(rest) + 1} items) is the next part of the Final Acts, run into this "
        "statement: taken out of it"
    )
    statement.pending.append(Pending("foreign_text", note))
    statement.entries = kept


def label_from_text(entry: Entry, before: list[Entry], statement: Statement) -> None:
    """A first item with no ``num``, its label at the start of its text (``a) Resolution
    73 …``): the label taken from the text, where it starts or continues its list."""
    match = RUN_LABEL.match(entry.text)
    if not match:
        return
    previous = next((e for e in reversed(before) if e.heading or e.depth <= entry.depth), None)
    sibling = previous.label if previous and not previous.heading else None
    if not continues(sibling, match["label"]):
        return
    entry.label, entry.text = match["label"], entry.text[match.end() :]
    note = f"its label {match['label']!r} was in its text, not in <num>: taken from the text"
    statement.pending.append(Pending("unnumbered", note, entry=entry))


def readings(raw: str) -> list[tuple[str, int, int]]:
    """(style, value, minor) readings of a raw label: ``4.2`` is ("dotted", 4, 2)."""
    match = parse_label(f"{raw}\t")
    if match is None:
        return []
    if dotted := match["dotted"]:
        head, minor = dotted.split(".")
        return [("dotted", int(head), int(minor))]
    return [(r.style, r.value, 0) for r in whole_readings(match)]


def continues(before: str | None, raw: str) -> bool:
    """Whether label ``raw`` comes next after ``before`` in a list (after none: a
    first label, 1, a, i or x.1)."""
    if before is None:
        return any((value, minor) == (1, 0) or minor == 1 for _, value, minor in readings(raw))
    return any(
        style == was_style
        and (
            (minor == 0 and value == was_value + 1)
            or (style == "dotted" and value == was_value and minor == was_minor + 1)
        )
        for style, value, minor in readings(raw)
        for was_style, was_value, was_minor in readings(before)
    )


def heading_end(text: str, at: int) -> int | None:
    """Where a heading run into ``text`` at ``at`` ends, if one starts there: before
    its first clause, or at the end of the text. Inside the text, it must name whom it
    addresses ("instructs the Director of the Telecommunication Development Bureau to
    follow"), be a phrase ("further resolves to strengthen") or thank ("expresses its
    warmest thanks … to the Governments"): a verb alone there may be a quotation's ("…, in its General Recommendation No. 37, …,
    recommends that States …")."""
    if HEADING_TAIL.fullmatch(text, at):
        return len(text)
    match = HEADING_START.match(text, at)
    if not match:
        return None
    end_match = HEADING_END.search(text, match.end())
    end = end_match.start() if end_match else len(text)
    candidate = text[at:end].rstrip(" ,")
    heading = heading_of(candidate, "en")
    if heading is None:
        return None
    rest = text[match.end() : end].strip(" ,")
    phrase = match[0]
    if end == len(text) or heading.addressee or " " in phrase or rest.startswith("its "):
        return end
    return None


def resumes(text: str, at: int, label: str | None) -> bool:
    """Whether the text at ``at`` goes on with the statement (after a footnote): a
    heading, the next item, or a bullet."""
    if heading_end(text, at) is not None or text.startswith("•", at):
        return True
    match = RUN_LABEL.match(text, at)
    return bool(match and (continues(label, match["label"]) or continues(None, match["label"])))


def take_footnotes(entry: Entry, before: list[Entry], statement: Statement) -> None:
    """Footnotes run into an item's text after a rule of underscores, out of it: each
    runs to the next footnote's number or to where the statement's text goes on (a
    heading, the next item), which stays in the item. Its marker, a number glued to
    the last word before, becomes ``[^n]``."""
    while rule := FOOTNOTE_RULE.search(entry.text):
        text, n = entry.text, int(rule["n"])
        notes: list[tuple[int, str]] = []
        start, end, resume = rule.end(), len(text), len(text)
        for gap in NOTE_BREAK.finditer(text, rule.end()):
            following = re.match(rf"{n + 1}\s+(?=[\"“A-Z])", text[gap.end() :])
            if following:
                notes.append((n, text[start : gap.start()]))
                n, start = n + 1, gap.end() + following.end()
            elif resumes(text, gap.end(), entry.label):
                end, resume = gap.start(), gap.end()
                break
        notes.append((n, text[start:end]))
        head = text[: rule.start()]
        for number, note in notes:
            head = mark(str(number), note, head, entry, before, statement)
        entry.text = (head.rstrip() + " " + text[resume:]).strip()


# A footnote's marker: its number glued to the word (or quotation, or parenthesis)
# before it ("countries1", "WSIS&SDG3"), and not part of a longer number or word
# ("C2", "G7", "IPv6" and "SDG 5" are not).
def marker(number: str) -> re.Pattern[str]:
    return re.compile(rf"(?:(?<=[a-z)\"”’])|(?<=[A-Z]{{3}}))(?<!IPv){number}(?![\w])")


def mark(
    number: str, note: str, head: str, entry: Entry, before: list[Entry], statement: Statement
) -> str:
    """The footnote recorded, and its marker made ``[^n]`` in the nearest text before
    it: ``head`` (the item's text before the rule), the items before, or the title;
    returns ``head``, marked if the marker is there."""
    note = note.strip()
    ids = [n for n, _, _ in statement.footnotes]
    note_id = number if number not in ids else f"{number}-{ids.count(number) + 1}"
    statement.footnotes.append((note_id, note, entry.line))
    what = f"footnote {number} ({note[:40]}…)" if len(note) > 40 else f"footnote {number}"
    statement.pending.append(
        Pending("footnote", f"{what} was run into the text: made a footnote", entry=entry)
    )
    if len(note) > FOOTNOTE_MAX_CHARS:
        overrun = (
            f"footnote {number} runs on for {len(note)} characters: the text after it "
            "(an annex, a table?) seems run into it, with nothing to show where it ends"
        )
        statement.pending.append(Pending("footnote_overrun", overrun, "unrepaired", entry))
    pattern = marker(number)
    for owner in [entry, *reversed(before)]:
        text = head if owner is entry else owner.text
        found = list(pattern.finditer(text))
        if not found:
            continue
        at = found[-1]
        marked = text[: at.start()] + f"[^{note_id}]" + text[at.end() :]
        if owner is entry:
            return marked
        owner.text = marked
        return head
    title_marks = list(pattern.finditer(statement.title))
    if title_marks:
        at = title_marks[-1]
        statement.title = statement.title[: at.start()] + statement.title[at.end() :]
        note_text = (
            f"the title's marker of footnote {note_id} (its number glued to the word "
            "before) taken out: a title has no footnote markers"
        )
        statement.pending.append(Pending("footnote_in_title", note_text))
        return head
    missing = f"no marker of footnote {note_id} found in the text before it: the footnote is kept unmarked"
    statement.pending.append(Pending("footnote_unmarked", missing, "unrepaired", entry))
    return head


def split_runs(entry: Entry, statement: Statement) -> list[Entry]:
    """An item whose text runs on into the next items (``…; 10 to maintain …``) or
    into a heading (``…, instructs the Secretary-General``), split: the next item
    where its label continues the list after a ``;``, ``,``, ``.`` or ``:``; a heading
    where an operative heading starts there (see ``heading_end``)."""
    text, label, depth = entry.text, entry.label, entry.depth
    pieces: list[Entry] = []
    start = 0
    current = entry

    def close(until: int) -> None:
        piece = text[start:until].strip()
        if piece or current.label is not None:
            current.text = piece
            pieces.append(current)

    for gap in BOUNDARY.finditer(text):
        at = gap.end()
        if at <= start:
            continue
        end = heading_end(text, at)
        if end is not None:
            close(gap.start())
            heading = Entry(text[at:end].rstrip(" ,"), entry.line, heading=True)
            pieces.append(heading)
            note = (
                f"the heading {heading.text!r} was run into the text of {{before}}: "
                "split off, with what follows it, into a section of its own"
            )
            statement.pending.append(Pending("merged_heading", note, entry=heading, before=current))
            start = end
            while start < len(text) and text[start] == " ":
                start += 1
            label, depth = None, 0
            first = RUN_LABEL.match(text, start)
            if first and continues(None, first["label"]):
                label, start = first["label"], first.end()
            current = Entry("", entry.line, depth=depth, label=label)
            continue
        run = RUN_LABEL.match(text, at)
        if run and label is not None and continues(label, run["label"]):
            close(gap.start())
            previous = current
            label, start = run["label"], run.end()
            current = Entry("", entry.line, depth=depth, label=label)
            note = "was run into the text of {before}: split off as an item of its own"
            statement.pending.append(
                Pending("merged_clauses", note, entry=current, before=previous)
            )
    close(len(text))
    return pieces


def markup_faults(statement: etree._Element) -> Iterator[Repair]:
    """Faults of the markup that the anchors do not read (they are made from the
    labels): eIds used twice, recitals numbered across their blocks."""
    ids = Counter(statement.xpath(".//@eId"))
    repeated = sorted((eid for eid, count in ids.items() if count > 1), key=natural)
    if repeated:
        shown = ", ".join(repeated[:6]) + (" …" if len(repeated) > 6 else "")
        note = (
            f"{len(repeated)} eIds occur more than once ({shown}): not used, the "
            "anchors are made from the labels"
        )
        yield Repair("duplicate_ids", note, "unused")
    firsts = statement.xpath("a:preamble/a:recitals/a:recital[1]/@eId", namespaces=NS)
    across = [eid for eid in firsts[1:] if eid != "rec_1"]
    if across:
        note = (
            f"recitals are numbered across their blocks ({', '.join(across[:4])}"
            f"{' …' if len(across) > 4 else ''} open a block): not used, the anchors "
            "are made from the labels"
        )
        yield Repair("ids_across_blocks", note, "unused")


def natural(text: str) -> tuple[str | int, ...]:
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text))


# --- Sections and clauses ------------------------------------------------------------


def build_sections(
    entries: list[Entry], citing: Citing
) -> tuple[tuple[Section, ...], dict[int, str], list[Repair]]:
    """Sections from the entries, frozen by the parser (anchors, citations …), the
    anchor each entry got (by ``id``), and the items the outline nested where the
    markup did not."""
    nested: list[Repair] = []
    anchors = Anchors()
    sections: list[Section] = []
    anchor_of: dict[int, str] = {}
    groups: list[tuple[Entry, list[Entry]]] = []
    for entry in entries:
        if entry.heading:
            groups.append((entry, []))
        elif groups:
            groups[-1][1].append(entry)
    for heading, items in groups:
        # The parser's own outline places each item (a first label after a colon nests,
        # an unlabelled paragraph continues the clause before it, a number out of
        # sequence is marked): the clauses and anchors a text export of the same
        # statement gets, not the markup's nesting.
        outline = Outline()
        for item in items:
            if item.annex is not None or item.label is None:
                outline.add_unlabelled(item.text, item.line)
            elif match := parse_label(f"{item.label}\t{item.text}"):
                outline.add_labelled(match, item.text, item.line)
            else:  # a label no ITU text has: kept in the text, not lost
                outline.add_unlabelled(f"{item.label} {item.text}", item.line)
        line = Line(heading.line, heading.text)
        if heading.annex is not None:
            section = freeze_annex(line, heading.annex, outline, citing, anchors)
        else:
            section = freeze_section(line, heading_of(heading.text, "en"), outline, citing, anchors)
        sections.append(section)
        anchor_of[id(heading)] = section.anchor
        # Each item made one node, in order: its clause is the one in that place.
        # Where the outline opened a list under an item the markup had as its sibling:
        # the list's first item, under its parent.
        parent_of = {
            clause.clauses[0].anchor: clause.anchor
            for clause in within(section.clauses)
            if clause.clauses and clause.clauses[0].label
        }
        for item, clause in zip(items, within(section.clauses), strict=True):
            anchor_of[id(item)] = clause.anchor
            parent = parent_of.get(clause.anchor)
            if item.label and item.depth == 0 and parent is not None:
                note = f"given as an item after {parent}, which ends in a colon: nested under it"
                nested.append(Repair("list_nesting", note, "repaired", clause.anchor))
    return tuple(sections), anchor_of, nested


def resolved(pending: list[Pending], anchor_of: dict[int, str]) -> Iterator[Repair]:
    for item in pending:
        anchor = anchor_of.get(id(item.entry)) if item.entry else None
        before = anchor_of.get(id(item.before)) if item.before else None
        note = item.note.replace("{before}", before or "the item before")
        yield Repair(item.kind, note, item.status, anchor)
