"""The document model: frozen dataclasses that every stage after parsing reads.

YAML is this model's saved form (see ``store.py``); nothing else is.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

# A conference adopts resolutions, and decisions and recommendations too (Akoma
# Ntoso's ``statement``s, numbered apart: Decision 5 is not Resolution 5).
Kind = Literal["resolution", "decision", "recommendation", "report"]
Part = Literal["preamble", "operative"]
Action = Literal["MOD", "ADD", "SUP"]
Status = Literal["adopted", "proposal"]
# ITU's six languages, as ``<html lang>`` writes them (Akoma Ntoso's are three letters).
Language = Literal["ar", "en", "es", "fr", "ru", "zh"]
LANGUAGES: tuple[Language, ...] = ("zh", "en", "fr", "es", "ru", "ar")


@dataclass(frozen=True)
class Revision:
    """A year and, where the text gives one, the place of a conference."""

    year: int
    place: str | None = None


@dataclass(frozen=True)
class Citation:
    """A resolution cited by a clause.

    ``target`` is a work id (``pp-140``, ``wtdc-30``, ``unga-70/125``);
    ``text`` is the span of the clause that makes the citation (a list such as
    ``第50和第52号决议（…）`` gives every number the same span).
    """

    target: str
    text: str
    revision: Revision | None = None


EditKind = Literal["year", "years", "conference", "revision", "place"]
# Why a clause's number cannot be trusted in a flattened export: it breaks its
# list's sequence, or repeats a number before it (a deleted and an inserted clause).
Ambiguity = Literal["sequence", "repeated"]


@dataclass(frozen=True)
class Edit:
    """A tracked change recovered from text exported with its changes flattened.

    ``text`` is the span as the export has it, the deleted and the inserted text run
    together (``2015-20182019-2022年``); it reads ``old`` in the base text
    (``2015-2018年``) and ``new`` in the proposal (``2019-2022年``). Word files with
    real revision marks fill the same fields, the kind then being what they mark.
    """

    kind: EditKind
    old: str
    new: str
    text: str


@dataclass(frozen=True)
class Footnote:
    """A footnote of a document; clause text marks it as ``[^id]``."""

    id: str
    text: str
    line: int


@dataclass(frozen=True)
class Clause:
    """A labelled or unlabelled paragraph, with the clauses nested under it.

    ``label`` is the label as it reads now (``e`` for the flattened ``ae)``);
    ``old_label`` the one a tracked change replaced. ``line`` is the 1-based
    line of the source file where the clause starts.
    """

    anchor: str
    text: str
    line: int
    label: str | None = None
    old_label: str | None = None
    refs: tuple[Citation, ...] = ()
    action_lines: tuple[str, ...] = ()
    sdgs: tuple[int, ...] = ()
    sdg_targets: tuple[str, ...] = ()
    edits: tuple[Edit, ...] = ()
    ambiguity: Ambiguity | None = None
    clauses: tuple[Clause, ...] = ()

    @property
    def relabelled(self) -> bool:
        """Renumbered by a tracked change: ``old_label`` became ``label``."""
        return self.old_label is not None and self.label is not None


@dataclass(frozen=True)
class Section:
    """A heading (``考虑到``, ``责成秘书长``) and its clauses.

    Reports have sections too, with no verb: their headings are titles.
    """

    anchor: str
    heading: str
    line: int
    verb: str | None = None
    addressee: str | None = None
    part: Part | None = None
    clauses: tuple[Clause, ...] = ()


@dataclass(frozen=True)
class Proposal:
    """An amendment proposal wrapping a resolution (``MOD EUR/48A1/9``).

    A proposal is not a revision: it is sent by ``proposer`` to a ``conference``
    and amends (MOD) or abolishes (SUP) its ``base``, a revision of its work, in
    force when it was written; an ADD has no base.
    """

    action: Action
    ref: str | None = None  # None where the source omits the MOD/ADD/SUP line
    proposer: str | None = None  # CEPT for EUR/…
    conference: Revision | None = None
    base: Revision | None = None
    summary: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class Outcome:
    """An ITU-D outcome of a report's annex (``D.2-3``) with what it serves."""

    code: str
    anchor: str
    text: str
    line: int
    sdgs: tuple[int, ...] = ()
    action_lines: tuple[str, ...] = ()


RepairKind = Literal[
    "unnumbered",  # a first item with its label in its text, not in <num>
    "merged_clauses",  # numbered items run together in one paragraph
    "merged_heading",  # a heading run into the end (or middle) of a paragraph
    "footnote",  # a footnote run into the text after a rule of underscores
    "footnote_in_title",  # a footnote's marker in the title
    "footnote_unmarked",  # a footnote whose marker the text does not show
    "footnote_overrun",  # a footnote that runs on into what seems other text
    "truncated_title",  # a title cut short with "..."
    "annex",  # an annex run into the last items
    "list_nesting",  # a list given as the siblings of the item (ending in ":") it is under
    "foreign_text",  # the next part of the Final Acts run into a statement
    "duplicate_ids",  # eIds used more than once in a statement
    "ids_across_blocks",  # recitals numbered across blocks (rec_10 for "conscious a)")
]
# What was done: the text repaired; the fault left in the text (nothing in the source
# says how to repair it); or a fault in markup the importer does not use.
RepairStatus = Literal["repaired", "unrepaired", "unused"]


@dataclass(frozen=True)
class Repair:
    """A fault of a converted source (Akoma Ntoso made from a PDF) and what the
    importer did about it. ``anchor`` is the section or clause concerned (None: the
    document as a whole); ``note`` says what was wrong and what was done."""

    kind: RepairKind
    note: str
    status: RepairStatus = "repaired"
    anchor: str | None = None


@dataclass(frozen=True)
class Document:
    """One resolution or one report, as parsed from one source unit.

    ``revision`` is the revision an adopted text is; a proposal has none (its
    ``proposal`` says what it amends and where it is sent). ``language`` is the
    language of its text: the same resolution in two languages is two documents,
    with the same anchors. ``expression`` is the Akoma Ntoso IRI of the text it was
    read from (``/akn/un/statement/deliberation/itu-pp/2018-11-15/res-140/eng@2018-11-15``),
    ``repairs`` the faults found in that source and what was done about them.
    """

    id: str
    kind: Kind
    title: str
    source: str
    line: int
    language: Language = "zh"
    work: str | None = None
    body: str | None = None
    number: str | None = None
    revision: Revision | None = None
    history: tuple[Revision, ...] = ()
    proposal: Proposal | None = None
    sections: tuple[Section, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    outcomes: tuple[Outcome, ...] = ()
    expression: str | None = None
    repairs: tuple[Repair, ...] = ()

    @property
    def status(self) -> Status:
        return "adopted" if self.proposal is None else "proposal"

    @property
    def proposed_for_abolition(self) -> bool:
        return self.proposal is not None and self.proposal.action == "SUP"


def every_clause(document: Document) -> Iterator[Clause]:
    """Every clause of a document, nested ones after their parent, in document order."""
    for section in document.sections:
        yield from within(section.clauses)


def within(clauses: tuple[Clause, ...]) -> Iterator[Clause]:
    """These clauses, each followed by the clauses nested in it."""
    for clause in clauses:
        yield clause
        yield from within(clause.clauses)
