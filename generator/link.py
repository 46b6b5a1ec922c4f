"""Passes over the whole collection, after every file is parsed.

``unique_ids`` makes document ids unique. ``Collection`` links the documents
to each other: the versions of each work, every citation with the clause that
makes it, what cites each work, and the action-line × SDG matrix.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cached_property

from .model import Clause, Document, Outcome
from .tables import BODIES


def unique_ids(documents: list[Document], seen: dict[str, int] | None = None) -> list[Document]:
    """Suffix ``-2``, ``-3`` … to repeated ids, in source order, so each id names one file.

    ``seen`` counts the ids of documents given before, when they come in parts.
    """
    seen = {} if seen is None else seen
    result = []
    for document in documents:
        count = seen.get(document.id, 0) + 1
        seen[document.id] = count
        result.append(document if count == 1 else replace(document, id=f"{document.id}-{count}"))
    return result


def work_of(document: Document) -> str:
    """The work a document is a version of; a report is a work of its own."""
    return document.work or document.id


def split_work(work: str) -> tuple[str | None, str]:
    """``itu-r-61`` → (``itu-r``, ``61``); ``unga-70/125`` → (``unga``, ``70/125``)."""
    for body in sorted(BODIES, key=len, reverse=True):
        if work.startswith(f"{body}-"):
            return body, work[len(body) + 1 :]
    return None, work


@dataclass(frozen=True)
class Place:
    """A clause (or report outcome) of a document, as a link target.

    ``label`` reads as the clause is named in the text: ``做出决议 6 i)``,
    ``D.2-3``.
    """

    document: Document
    anchor: str
    label: str
    text: str

    @property
    def url(self) -> str:
        """The site-root URL of the clause: ``/pp-140-2022/#resolves-6-i``."""
        return f"/{self.document.id}/#{self.anchor}"

    @property
    def work(self) -> str:
        return work_of(self.document)


@dataclass(frozen=True)
class Reference:
    """One citation of ``target`` (a work id) made at ``place``."""

    place: Place
    target: str


@dataclass(frozen=True)
class TaggedPlace:
    """A clause or outcome with the action lines and SDGs it names."""

    place: Place
    action_lines: tuple[str, ...]
    sdgs: tuple[int, ...]


@dataclass(frozen=True)
class MatrixTotals:
    by_action_line: dict[str, int]
    by_sdg: dict[int, int]
    all: int


def places(
    document: Document, wanted: Callable[[Clause | Outcome], object] | None = None
) -> Iterator[tuple[Place, Clause | Outcome]]:
    """Every clause and every report outcome of a document, as a place; only those
    ``wanted`` says yes to, if given (a place is made only for them)."""
    for section in document.sections:
        yield from clause_places(document, section.clauses, section.heading, wanted)
    for outcome in document.outcomes:
        if wanted is None or wanted(outcome):
            yield Place(document, outcome.anchor, outcome.code, outcome.text), outcome


def clause_places(
    document: Document,
    clauses: tuple[Clause, ...],
    path: str,
    wanted: Callable[[Clause | Outcome], object] | None,
) -> Iterator[tuple[Place, Clause | Outcome]]:
    for clause in clauses:
        label = f"{path} {label_text(clause.label)}" if clause.label else path
        if wanted is None or wanted(clause):
            yield Place(document, clause.anchor, label, clause.text), clause
        if clause.clauses:
            yield from clause_places(document, clause.clauses, label, wanted)


# A place that cites or is tagged: (anchor, label, text, the works it cites, each
# once; its action lines; its SDGs). A plain tuple: the parse cache keeps thousands
# per corpus, and tuples unpickle twice as fast as dataclasses.
Linked = tuple[str, str, str, tuple[str, ...], tuple[str, ...], tuple[int, ...]]


@dataclass(frozen=True)
class DocumentLinks:
    """What the collection needs of a document's clauses: how many places it has, and
    those that cite or are tagged. The parse cache keeps it beside each document
    (model.StoredDocument), so that linking reads no clause of an unchanged one."""

    places: int
    linked: tuple[Linked, ...]


def document_links(document: Document) -> DocumentLinks:
    count = len(document.outcomes)
    count += sum(count_clauses(section.clauses) for section in document.sections)
    linked: list[Linked] = []
    for place, part in places(document, is_linked):
        refs = part.refs if isinstance(part, Clause) else ()
        targets = tuple(dict.fromkeys(ref.target for ref in refs))
        linked.append(
            (place.anchor, place.label, place.text, targets, part.action_lines, part.sdgs)
        )
    return DocumentLinks(count, tuple(linked))


def is_linked(part: Clause | Outcome) -> bool:
    """Whether a clause cites or names an action line or SDG: the collection's places."""
    return bool(part.action_lines or part.sdgs or (isinstance(part, Clause) and part.refs))


def count_clauses(clauses: tuple[Clause, ...]) -> int:
    return len(clauses) + sum(count_clauses(clause.clauses) for clause in clauses if clause.clauses)


def newest_first(document: Document) -> tuple[int, bool]:
    return (-document.revision.year if document.revision else 0, document.proposal is not None)


def label_text(label: str) -> str:
    """How a label reads: ``a)``, ``iv)``, ``(i)``, ``12``, ``2.4``, ``•``."""
    return f"{label})" if label.isalpha() and label.isascii() else label


class Collection:
    """The documents and everything that links them."""

    def __init__(self, documents: list[Document]) -> None:
        self.documents = documents
        self.tagged: list[TaggedPlace] = []
        self.references: list[Reference] = []
        self.clauses = 0  # and report outcomes: every place
        for document in documents:
            links = getattr(document, "links", None) or document_links(document)
            self.clauses += links.places
            for anchor, label, text, targets, action_lines, sdgs in links.linked:
                place = Place(document, anchor, label, text)
                self.references.extend(Reference(place, target) for target in targets)
                if action_lines or sdgs:
                    self.tagged.append(TaggedPlace(place, action_lines, sdgs))

    @cached_property
    def works(self) -> dict[str, list[Document]]:
        """Each work's versions, newest first (an adopted text before a proposal of the same year)."""
        versions: dict[str, list[Document]] = defaultdict(list)
        for document in self.documents:
            versions[work_of(document)].append(document)
        return {work: sorted(docs, key=newest_first) for work, docs in sorted(versions.items())}

    def latest(self, work: str) -> Document | None:
        versions = self.works.get(work)
        return versions[0] if versions else None

    def is_latest(self, document: Document) -> bool:
        return self.latest(work_of(document)) is document

    @cached_property
    def cross_references(self) -> list[Reference]:
        """Citations of other works: a resolution citing its own earlier revision is left out."""
        return [ref for ref in self.references if ref.target != ref.place.work]

    @cached_property
    def cites(self) -> dict[str, list[Reference]]:
        found: dict[str, list[Reference]] = defaultdict(list)
        for ref in self.cross_references:
            found[ref.place.work].append(ref)
        return dict(found)

    @cached_property
    def cited_by(self) -> dict[str, list[Reference]]:
        found: dict[str, list[Reference]] = defaultdict(list)
        for ref in self.cross_references:
            found[ref.target].append(ref)
        return dict(found)

    @cached_property
    def cited_outside(self) -> dict[str, list[Reference]]:
        """Works cited but not in the collection, most cited first."""
        outside = {w: refs for w, refs in self.cited_by.items() if w not in self.works}
        return dict(sorted(outside.items(), key=lambda item: (-len(item[1]), item[0])))

    @cached_property
    def matrix(self) -> dict[str, dict[int, list[Place]]]:
        """``matrix["C7"][13]``: the clauses and outcomes naming both C7 and SDG 13."""
        cells: dict[str, dict[int, list[Place]]] = defaultdict(lambda: defaultdict(list))
        for tagged in self.tagged:
            for action_line in tagged.action_lines:
                for sdg in tagged.sdgs:
                    cells[action_line][sdg].append(tagged.place)
        return {line: dict(row) for line, row in cells.items()}

    @cached_property
    def matrix_totals(self) -> MatrixTotals:
        """Distinct clauses per row, per column and in all: one clause may fill several cells."""
        by_line: dict[str, int] = defaultdict(int)
        by_sdg: dict[int, int] = defaultdict(int)
        total = 0
        for tagged in self.tagged:
            if tagged.action_lines and tagged.sdgs:
                total += 1
                for action_line in tagged.action_lines:
                    by_line[action_line] += 1
                for sdg in tagged.sdgs:
                    by_sdg[sdg] += 1
        return MatrixTotals(dict(by_line), dict(by_sdg), total)

    @cached_property
    def tags(self) -> dict[str, tuple[tuple[str, ...], tuple[int, ...]]]:
        """By document id: the action lines and SDGs any of its clauses or outcomes names."""
        lines: dict[str, set[str]] = defaultdict(set)
        sdgs: dict[str, set[int]] = defaultdict(set)
        for tagged in self.tagged:
            lines[tagged.place.document.id].update(tagged.action_lines)
            sdgs[tagged.place.document.id].update(tagged.sdgs)
        return {d.id: in_order(lines[d.id], sdgs[d.id]) for d in self.documents}


def document_tags(document: Document) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """``Collection.tags`` of one document, from the document alone."""
    lines: set[str] = set()
    sdgs: set[int] = set()
    for _, part in places(document):
        lines.update(part.action_lines)
        sdgs.update(part.sdgs)
    return in_order(lines, sdgs)


def in_order(lines: set[str], sdgs: set[int]) -> tuple[tuple[str, ...], tuple[int, ...]]:
    return tuple(sorted(lines, key=lambda c: int(c[1:]))), tuple(sorted(sdgs))
