"""Synthetic corpora for the benchmarks: N resolutions recombined from real ones, as source texts.

Each synthetic resolution has the shape of a real one (its headings, in
order) and the clauses under each heading are those of a real resolution
with the same heading, so labels, nesting, footnotes and Chinese text are
real. Works are numbered per body, and each is adopted at one to five of
its body's conferences (ITU revises a resolution at later ones), so the mix
of works and versions is the same at every size. The numbers in citations
are redrawn so they cite other synthetic resolutions, and one clause in
TAG_EVERY names an action line and an SDG, as ITU-D's outcomes do, so the
matrix fills. Each is written as a source text like the shipped ones, so the
benchmarks run the parser too. Deterministic for a given seed.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from dataclasses import replace

from generator.model import Clause, Document, Footnote, Revision, Section
from generator.tables import ACTION_LINES, BODY_NAMES, BODY_NAMES_EN, CONFERENCES

BODIES = ("pp", "wtsa", "wtdc", "itu-r")
TAG_EVERY = 200  # about one clause in this many gains an action line and an SDG
MAX_VERSIONS = 5  # a work is adopted, then revised at up to four later conferences
MAX_CITED = 999  # cited numbers stay below 1000, which the parser reads as Council's
FOOTNOTE = re.compile(r"\[\^(\d+)\]")
NUMBER = re.compile(r"\d+(?:-\d+)?")


def synthesize(real: list[Document], count: int, seed: int = 0) -> list[tuple[str, str]]:
    """``count`` synthetic resolutions as (file name, source text): works numbered per
    body, each adopted at one to MAX_VERSIONS of its body's conferences."""
    rng = random.Random(seed)
    # The synthetic files are Chinese text exports, as the seeds are: Chinese donors only.
    donors = [d for d in real if d.kind == "resolution" and d.sections and d.language == "zh"]
    by_anchor: dict[str, list[tuple[Document, Section]]] = defaultdict(list)
    for donor in donors:
        for section in donor.sections:
            by_anchor[section.anchor].append((donor, section))
    versions = version_counts(rng, count)
    cited = min(max(1, len(versions) // len(BODIES)), MAX_CITED)  # numbers every body has
    files = []
    for index, how_many in enumerate(versions):
        body, number = BODIES[index % len(BODIES)], index // len(BODIES) + 1
        conferences = [(c.year, c.zh) for c in CONFERENCES if c.body == body]
        shape = rng.choice(donors)  # one title for every version of the work
        for year, place in sorted(rng.sample(conferences, how_many)):
            document = synthetic_document(
                rng, shape, by_anchor, body, number, Revision(year, place), cited
            )
            name = f"synthetic-{body}-{number:04d}-{year}.txt"
            files.append((name, source_text(document)))
    return files


def version_counts(rng: random.Random, count: int) -> list[int]:
    """How many versions each work has, one to MAX_VERSIONS, adding up to ``count``:
    the same mix of works and versions at every size."""
    versions: list[int] = []
    while sum(versions) < count:
        versions.append(min(rng.randint(1, MAX_VERSIONS), count - sum(versions)))
    return versions


def synthetic_document(
    rng: random.Random,
    shape: Document,
    by_anchor: dict[str, list[tuple[Document, Section]]],
    body: str,
    number: int,
    revision: Revision,
    cited: int,
) -> Document:
    notes: dict[str, str] = {}  # footnotes renumbered 1, 2, … across the donors
    sections = []
    for wanted in shape.sections:
        donor, section = rng.choice(by_anchor[wanted.anchor])
        donor_notes = {note.id: note.text for note in donor.footnotes}
        clauses = tuple(rewrite(rng, c, donor_notes, notes, cited) for c in section.clauses)
        sections.append(replace(section, clauses=clauses))
    return replace(
        shape,
        body=body,
        number=str(number),
        revision=revision,
        history=(revision,),
        proposal=None,
        sections=tuple(sections),
        footnotes=tuple(Footnote(id, text, 0) for id, text in notes.items()),
    )


def rewrite(
    rng: random.Random,
    clause: Clause,
    donor_notes: dict[str, str],
    notes: dict[str, str],
    cited: int,
) -> Clause:
    """The clause with its citations redrawn, its footnotes renumbered and maybe a tag added."""
    text = clause.text
    for span in dict.fromkeys(
        ref.text for ref in clause.refs if ref.target.split("-")[0] in BODIES
    ):
        numbers, paren, revision = span.partition("（")  # the year in the parenthesis stays
        redrawn = NUMBER.sub(lambda _: str(rng.randint(1, cited)), numbers) + paren + revision
        text = text.replace(span, redrawn, 1)

    def renumber(mark: re.Match[str]) -> str:
        new = str(len(notes) + 1)
        notes[new] = donor_notes.get(mark[1], "")
        return f"[^{new}]"

    text = FOOTNOTE.sub(renumber, text)
    if rng.randrange(TAG_EVERY) == 0:
        text = with_tag(text, rng.choice(sorted(ACTION_LINES)), rng.randint(1, 17))
    children = tuple(rewrite(rng, child, donor_notes, notes, cited) for child in clause.clauses)
    return replace(clause, text=text, clauses=children, refs=())


def with_tag(text: str, action_line: str, sdg: int) -> str:
    """The text naming an action line and an SDG, before its closing punctuation."""
    tag = f"（WSIS行动方面{action_line}和可持续发展目标{sdg}）"
    if text and text[-1] in "。；，：;,":
        return text[:-1] + tag + text[-1]
    return text + tag


# --- Writing a document as a source text ---------------------------------------


def source_text(document: Document) -> str:
    """The document as a Word export writes a resolution in its language: header, title,
    enacting formula, then each heading and its clauses (label, TAB, text), footnotes
    inline."""
    # A proposal is written as the text it proposes, adopted by its conference.
    revision = document.revision or (document.proposal.conference if document.proposal else None)
    if document.language == "en":
        revisions = f" ({revision.place}, {revision.year})" if revision else ""
        body = BODY_NAMES_EN[document.body or "pp"]
        lines = [
            f"RESOLUTION {document.number}{revisions.replace(' (', ' (Rev. ', 1)}",
            document.title,
            f"The {body} of the International Telecommunication Union{revisions},",
        ]
    else:
        revisions = f"（{revision.year}年，{revision.place}）" if revision else ""
        lines = [
            f"第{document.number}号决议{revisions}",
            document.title,
            f"{BODY_NAMES[document.body or 'pp']}{revisions}，",
        ]
    notes = {note.id: note.text for note in document.footnotes}
    for section in document.sections:
        lines.append(section.heading)
        lines.extend(clause_lines(section.clauses, notes))
    return "\n".join(lines) + "\n"


def clause_lines(clauses: tuple[Clause, ...], notes: dict[str, str]) -> list[str]:
    lines = []
    for clause in clauses:
        label = (clause.old_label or "") + (clause.label or "")  # a tracked change flattened: ae)
        prefix = "" if not label else f"{label})\t" if label.isalpha() else f"{label}\t"
        lines.append(prefix + inline_footnotes(clause.text, notes))
        lines.extend(clause_lines(clause.clauses, notes))
    return lines


def inline_footnotes(text: str, notes: dict[str, str]) -> str:
    """``[^2]`` as Word exports it: a marker in the text, the note's text at the line's end."""
    ids = FOOTNOTE.findall(text)
    text = FOOTNOTE.sub(lambda m: f"[footnoteRef:{m[1]}]{m[1]}", text)
    return text + "".join(f" [{n}: {n}\t{notes.get(n, '')}]" for n in ids)
