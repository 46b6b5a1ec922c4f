"""Documents → a Collection: the pass over the whole corpus after every file is parsed.

It links the documents to each other: the versions of each work, every citation
with the clause that makes it, what cites each work, and the action-line × SDG
matrix. Pages read the collection only through its queries (``QUERIES``), so the
incremental layer can record what each page read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations, pairwise
from typing import Protocol

from .align import Lineage, alignment, in_time, lineages, proposed
from .model import LANGUAGES, Clause, Document, Outcome, Revision, every_clause
from .names import (
    document_url,
    document_year,
    label_text,
    same_place,
    text_id,
    title_line,
    work_of,
)
from .tables import BODIES


class AlignMemo(Protocol):
    """What aligning asks of the previous build (``incremental.AlignMemo``)."""

    def get(self, older: str, newer: str) -> list[tuple[str, str]] | None: ...

    def put(self, older: str, newer: str, pairs: list[tuple[str, str]]) -> None: ...


def link(documents: list[Document], memo: AlignMemo | None = None) -> Collection:
    return Collection(documents, memo)


@dataclass(frozen=True)
class Place:
    """A clause (or report outcome) of a document, as a link target: plain data, so
    that what a page shows of a place is all the place holds.

    ``label`` reads as the clause is named in the text: ``做出决议 6 i)``, ``D.2-3``;
    ``title`` is its document's title line.
    """

    document: str
    work: str
    title: str
    anchor: str
    label: str
    text: str

    @property
    def url(self) -> str:
        """The site-root URL of the clause: ``/pp-140-2022/#resolves-6-i``."""
        return document_url(self.document, self.anchor)


@dataclass(frozen=True)
class Reference:
    """One citation of ``target`` (a work id) made at ``place``, naming ``revision``
    of it where the text does (``第140号决议（2018年，迪拜）``)."""

    place: Place
    target: str
    revision: Revision | None = None


@dataclass(frozen=True)
class TaggedPlace:
    """A clause or outcome with the action lines and SDGs it names."""

    place: Place
    action_lines: tuple[str, ...]
    sdgs: tuple[int, ...]
    outcome: bool = False  # a report's annex outcome (``D.2-3``), not a clause


@dataclass(frozen=True)
class MatrixTotals:
    """Distinct places per row, per column and in all; and the places left out of the
    matrix because they name action lines only, or SDGs only."""

    by_action_line: dict[str, int]
    by_sdg: dict[int, int]
    all: int
    action_lines_only: int = 0
    sdgs_only: int = 0


@dataclass(frozen=True)
class MatrixSource:
    """A document whose clauses or outcomes fill the action-line × SDG matrix: how many
    of each name both, and the cell entries they make (one per action line and SDG)."""

    document: str
    title: str
    kind: str
    clauses: int
    outcomes: int
    entries: int


@dataclass(frozen=True)
class ActionLineRow:
    """A document whose clauses (or outcomes) name WSIS action lines, with those places
    by action line (C1 to C11): a row of the action line × document table."""

    document: str
    work: str
    title: str
    kind: str
    places: dict[str, tuple[Place, ...]]

    @property
    def count(self) -> int:
        """Its places naming any action line: one naming several is counted once."""
        return len({place for places in self.places.values() for place in places})


Tags = tuple[tuple[str, ...], tuple[int, ...]]


def places(document: Document) -> Iterator[tuple[Place, Clause | Outcome]]:
    """Every clause and every report outcome of a document, as a place."""
    title, work = title_line(document, document.language), work_of(document)
    for section in document.sections:
        yield from clause_places(document.id, work, title, section.clauses, section.heading)
    for outcome in document.outcomes:
        place = Place(document.id, work, title, outcome.anchor, outcome.code, outcome.text)
        yield place, outcome


def clause_places(
    document: str, work: str, title: str, clauses: tuple[Clause, ...], path: str
) -> Iterator[tuple[Place, Clause | Outcome]]:
    for clause in clauses:
        label = f"{path} {label_text(clause.label)}" if clause.label else path
        yield Place(document, work, title, clause.anchor, label, clause.text), clause
        if clause.clauses:
            yield from clause_places(document, work, title, clause.clauses, label)


def same_text(one: Document, other: Document) -> bool:
    """Whether two documents are one text, in the same or another language."""
    return text_id(one) == text_id(other)


def newest_first(document: Document) -> tuple[bool, int]:
    """Adopted texts before proposals, each newest first."""
    return (document.proposal is not None, -(document_year(document) or 0))


def resolution_order(document: Document) -> tuple[int, int, str]:
    """Resolutions by body (PP, WTSA, … as ``BODIES`` lists them), then by number:
    PP-70 before PP-140."""
    body = BODIES.index(document.body) if document.body in BODIES else len(BODIES)
    number = document.number or ""
    return body, int(number) if number.isdigit() else 0, number


def in_order(lines: set[str], sdgs: set[int]) -> Tags:
    return tuple(sorted(lines, key=lambda c: int(c[1:]))), tuple(sorted(sdgs))


class Collection:
    """The documents and everything that links them.

    Pages and the data files read it through the methods named in ``QUERIES``
    only: each is a function of its arguments, so the incremental layer can
    record a call and its result, and tell later whether the answer changed.
    """

    QUERIES = frozenset(
        {
            "documents",
            "works",
            "versions",
            "latest",
            "adopted",
            "translations",
            "timeline",
            "compared",
            "comparable",
            "lineages",
            "in_newest",
            "aligned",
            "previous",
            "changed",
            "cites",
            "cited_by",
            "cited_outside",
            "matrix",
            "matrix_totals",
            "matrix_sources",
            "action_line_rows",
            "tags",
        }
    )

    def __init__(self, documents: list[Document], memo: AlignMemo | None = None) -> None:
        self._documents = documents
        self._memo = memo
        self.clauses = 0  # and report outcomes: every place
        self.references: list[Reference] = []
        self.tagged: list[TaggedPlace] = []
        self._aligned: dict[tuple[str, str], list[tuple[str, str]]] = {}
        self._lineages: dict[str, list[Lineage]] = {}
        self._by_id = {document.id: document for document in documents}
        # The revisions each work's citations name, its own documents' included.
        self._cited_revisions: dict[str, list[Revision]] = defaultdict(list)
        for document in documents:
            for place, part in places(document):
                self.clauses += 1
                if isinstance(part, Clause) and part.refs:
                    # One reference per clause and work, naming the last revision named:
                    # a flattened edit (2014年，迪拜2017年，布宜诺斯艾利斯) names the old first.
                    named: dict[str, Revision | None] = {}
                    for citation in part.refs:
                        named[citation.target] = citation.revision or named.get(citation.target)
                        if citation.revision:
                            self._cited_revisions[citation.target].append(citation.revision)
                    self.references.extend(Reference(place, *cited) for cited in named.items())
                if part.action_lines or part.sdgs:
                    outcome = isinstance(part, Outcome)
                    self.tagged.append(TaggedPlace(place, part.action_lines, part.sdgs, outcome))
        versions: dict[str, list[Document]] = defaultdict(list)
        for document in documents:
            versions[work_of(document)].append(document)
        # Each work's versions, newest first (an adopted text before a proposal of the same year).
        self._works = {w: sorted(docs, key=newest_first) for w, docs in sorted(versions.items())}
        # Citations of other works: a resolution citing its own earlier revision is left out.
        self._cites: dict[str, list[Reference]] = defaultdict(list)
        self._cited_by: dict[str, list[Reference]] = defaultdict(list)
        for ref in self.references:
            if ref.target != ref.place.work:
                self._cites[ref.place.work].append(ref)
                self._cited_by[ref.target].append(ref)
        outside = {w: refs for w, refs in self._cited_by.items() if w not in self._works}
        self._cited_outside = dict(sorted(outside.items(), key=lambda i: (-len(i[1]), i[0])))
        self._tags = self.document_tags()
        self._matrix = self.matrix_cells()
        self._matrix_totals = self.totals()
        self._matrix_sources = self.sources()
        self._action_line_rows = self.rows_by_document()

    def documents(self) -> list[Document]:
        return self._documents

    def works(self) -> dict[str, list[Document]]:
        """Every work and its documents: adopted texts newest first, then proposals."""
        return self._works

    def versions(self, work: str) -> list[Document]:
        return self._works.get(work, [])

    def latest(self, work: str, language: str | None = None) -> Document | None:
        """The work's newest adopted text (a report is one), in ``language`` where the
        collection has that text in it; None if the collection has only proposals of
        the work, or nothing."""
        versions = self._works.get(work)
        if not versions or versions[0].proposal is not None:
            return None
        newest = versions[0]
        wanted = [d for d in versions if d.language == language and same_text(d, newest)]
        return wanted[0] if wanted else newest

    def adopted(self, work: str, year: int, place: str | None = None) -> Document | None:
        """The adopted text of a work's revision of that year, if the collection has it
        (the place must agree where both name one, in either language). Plain arguments, as every query's:
        the incremental layer records them."""
        for document in self._works.get(work, []):
            found = document.revision
            if (
                document.proposal is None
                and found
                and found.year == year
                and not (found.place and place and not same_place(found.place, place))
            ):
                return document
        return None

    def timeline(self, work: str) -> list[Revision]:
        """Every revision of a work known to the collection, oldest first: from its
        documents' headers and history lines, what its proposals amend and where they
        are sent, and what citations of it name."""
        known: dict[int, Revision] = {}
        for document in self._works.get(work, []):
            proposal = document.proposal
            found = [*document.history, document.revision]
            found += [proposal.base, proposal.conference] if proposal else []
            for revision in found:
                if revision and (revision.year not in known or not known[revision.year].place):
                    known[revision.year] = revision
        for revision in self._cited_revisions.get(work, ()):
            if revision.year not in known:
                known[revision.year] = revision
        return [known[year] for year in sorted(known)]

    def compared(self, work: str) -> list[tuple[str, str]]:
        """The documents of a work compared, each with the next in its language:
        (older id, newer id), oldest first (by year: an adopted text's revision, a
        proposal's conference)."""
        return [pair for chain in self._chains(work) for pair in pairwise(chain)]

    def comparable(self, work: str) -> list[tuple[str, str]]:
        """Every pair of a work's documents in one language, (older id, newer id),
        oldest first: each has a compare page, the neighbours (``compared``) and the rest."""
        return [pair for chain in self._chains(work) for pair in combinations(chain, 2)]

    def _chains(self, work: str) -> list[list[str]]:
        """The ids of a work's documents in each language, oldest first. Texts are
        compared and followed only within a language: the aligner compares words."""
        chains: dict[str, list[str]] = defaultdict(list)
        for document in in_time(self._works.get(work, [])):
            chains[document.language].append(document.id)
        return list(chains.values())

    def aligned(self, older: str, newer: str) -> list[tuple[str, str]]:
        """The clauses of two documents that are one clause: (older anchor, newer
        anchor) pairs. Neighbours are aligned (``align.alignment``), once per build;
        documents further apart pair the clauses that share a lineage, so that a page
        comparing them says what the neighbours' pages say, step by step."""
        if (older, newer) not in self._aligned:
            work = work_of(self._by_id[older])
            if (older, newer) in self.compared(work):
                kept = self._memo.get(older, newer) if self._memo else None
                if kept is None:
                    kept = alignment(self._by_id[older], self._by_id[newer])
                    if self._memo:
                        self._memo.put(older, newer, kept)
            else:
                kept = [
                    (group.clauses[older], group.clauses[newer])
                    for group in self.lineages(work)
                    if older in group.clauses and newer in group.clauses
                ]
            self._aligned[older, newer] = kept
        return self._aligned[older, newer]

    def lineages(self, work: str) -> list[Lineage]:
        """Every clause of a work's documents in one lineage (``align.lineages``)."""
        if work not in self._lineages:
            self._lineages[work] = [
                lineage
                for chain in self._chains(work)
                for lineage in lineages([self._by_id[id] for id in chain], self.aligned)
            ]
        return self._lineages[work]

    def in_newest(self, document: str) -> tuple[str | None, dict[str, str]]:
        """The newest document of this one's work in its language (None if it is this
        one), and where each of this one's clauses is in it, by lineage (anchor → anchor)."""
        work = work_of(self._by_id[document])
        newest = next(chain[-1] for chain in self._chains(work) if document in chain)
        if newest == document:
            return None, {}
        return newest, {
            group.clauses[document]: group.clauses[newest]
            for group in self.lineages(work)
            if document in group.clauses and newest in group.clauses
        }

    def translations(self, document: str) -> list[str]:
        """The same text in the collection's other languages (``names.text_id``): the
        ids of its language versions, in the order of ``model.LANGUAGES``."""
        this = self._by_id[document]
        found = {
            d.language: d.id
            for d in self._works.get(work_of(this), [])
            if d.id != document and same_text(d, this)
        }
        return [found[language] for language in LANGUAGES if language in found]

    def previous(self, document: str) -> str | None:
        """The document of the same work just before this one (``compared``), if any."""
        work = work_of(self._by_id[document])
        return next((older for older, newer in self.compared(work) if newer == document), None)

    def changed(self, document: str) -> dict[str, str]:
        """This document's clauses that differ from the previous document's: anchor →
        ``new`` (no counterpart) or ``changed`` (its text differs, a year or a comma
        included: what the compare page shows)."""
        older = self.previous(document)
        if older is None:
            return {}
        came_from = {new: old for old, new in self.aligned(older, document)}
        before = {c.anchor: c for c in every_clause(self._by_id[older])}
        found = {}
        for clause in every_clause(self._by_id[document]):
            was = before.get(came_from.get(clause.anchor, ""))
            if was is None:
                found[clause.anchor] = "new"
            elif proposed(was) != proposed(clause):
                found[clause.anchor] = "changed"
        return found

    def cites(self, work: str) -> list[Reference]:
        """Where a work's versions cite other works."""
        return self._cites.get(work, [])

    def cited_by(self, work: str) -> list[Reference]:
        return self._cited_by.get(work, [])

    def cited_outside(self) -> dict[str, list[Reference]]:
        """Works cited but not in the collection, most cited first."""
        return self._cited_outside

    def tags(self, document_id: str) -> Tags:
        """The action lines and SDGs any clause or outcome of a document names."""
        return self._tags.get(document_id, ((), ()))

    def matrix(self) -> dict[str, dict[int, list[Place]]]:
        """``matrix()["C7"][13]``: the clauses and outcomes naming both C7 and SDG 13."""
        return self._matrix

    def matrix_totals(self) -> MatrixTotals:
        """Distinct clauses per row, per column and in all: one clause may fill several cells."""
        return self._matrix_totals

    def matrix_sources(self) -> list[MatrixSource]:
        """The documents the matrix's entries come from, most entries first."""
        return self._matrix_sources

    def action_line_rows(self) -> list[ActionLineRow]:
        """Every document whose clauses or outcomes name an action line, with those
        places: resolutions by body and number (each work's documents newest first,
        adopted texts before proposals), then reports. Unlike the matrix, a clause is
        here whether or not it also names an SDG."""
        return self._action_line_rows

    def matrix_cells(self) -> dict[str, dict[int, list[Place]]]:
        cells: dict[str, dict[int, list[Place]]] = defaultdict(lambda: defaultdict(list))
        for tagged in self.tagged:
            for action_line in tagged.action_lines:
                for sdg in tagged.sdgs:
                    cells[action_line][sdg].append(tagged.place)
        return {line: dict(row) for line, row in cells.items()}

    def totals(self) -> MatrixTotals:
        by_line: dict[str, int] = defaultdict(int)
        by_sdg: dict[int, int] = defaultdict(int)
        total = lines_only = sdgs_only = 0
        for tagged in self.tagged:
            if tagged.action_lines and tagged.sdgs:
                total += 1
                for action_line in tagged.action_lines:
                    by_line[action_line] += 1
                for sdg in tagged.sdgs:
                    by_sdg[sdg] += 1
            elif tagged.action_lines:
                lines_only += 1
            else:
                sdgs_only += 1
        return MatrixTotals(dict(by_line), dict(by_sdg), total, lines_only, sdgs_only)

    def sources(self) -> list[MatrixSource]:
        found: dict[str, list[TaggedPlace]] = defaultdict(list)
        for tagged in self.tagged:
            if tagged.action_lines and tagged.sdgs:
                found[tagged.place.document].append(tagged)
        sources = [
            MatrixSource(
                document,
                tagged[0].place.title,
                self._by_id[document].kind,
                clauses=sum(not t.outcome for t in tagged),
                outcomes=sum(t.outcome for t in tagged),
                entries=sum(len(t.action_lines) * len(t.sdgs) for t in tagged),
            )
            for document, tagged in found.items()
        ]
        return sorted(sources, key=lambda source: -source.entries)

    def rows_by_document(self) -> list[ActionLineRow]:
        named: dict[str, dict[str, list[Place]]] = defaultdict(lambda: defaultdict(list))
        for tagged in self.tagged:
            for action_line in tagged.action_lines:
                named[tagged.place.document][action_line].append(tagged.place)
        ordered = sorted(
            (d for d in self._documents if d.id in named),
            key=lambda d: (d.kind == "report", *resolution_order(d), newest_first(d)),
        )
        return [
            ActionLineRow(
                document.id,
                work_of(document),
                title_line(document, document.language),
                document.kind,
                {
                    line: tuple(places)
                    for line, places in sorted(
                        named[document.id].items(), key=lambda i: int(i[0][1:])
                    )
                },
            )
            for document in ordered
        ]

    def document_tags(self) -> dict[str, Tags]:
        lines: dict[str, set[str]] = defaultdict(set)
        sdgs: dict[str, set[int]] = defaultdict(set)
        for tagged in self.tagged:
            lines[tagged.place.document].update(tagged.action_lines)
            sdgs[tagged.place.document].update(tagged.sdgs)
        return {d.id: in_order(lines[d.id], sdgs[d.id]) for d in self._documents}
