"""The site's machine-readable data: ``api/*.json`` and ``api/matrix.csv``.

The formats are described for users on the About page (``theme/about.md.j2``).
URLs are site-root paths (``/pp-140-2022/#resolves-6-i``).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from .link import Collection, Place, Reference
from .model import Document, Edit, Revision, every_clause
from .names import document_url, split_language, url, work_of, work_page
from .tables import ACTION_LINES, SDGS


def write_api(collection: Collection, folder: Path) -> None:
    """Write the files of api/ into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files(collection).items():
        (folder / name).write_text(text, encoding="utf-8")


def files(collection: Collection) -> dict[str, str]:
    """The text of each file of api/."""
    matrix_data = matrix(collection)
    return {
        "resolutions.json": resolutions_json(collection),
        "xrefs.json": xrefs_json(collection),
        "matrix.json": as_json(matrix_data) + "\n",
        "matrix.csv": matrix_csv(matrix_data),
        "action-lines.csv": action_lines_csv(matrix_data),
        "changes.json": changes_json(collection),
        "lineage.json": lineage_json(collection),
    }


def as_json(data: object) -> str:
    """Compact JSON: with ``indent`` the json module encodes in Python, not in C."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def resolutions_json(collection: Collection) -> str:
    """``{"documents": [...]}``, an entry per document."""
    entries = [as_json(document_entry(collection, d)) for d in collection.documents()]
    return '{"documents":[' + ",".join(entries) + "]}\n"


def lineage_json(collection: Collection) -> str:
    """``{"works": {work: [{"lineage", "clauses": {document: anchor}}]}}``: each clause
    of each document of a work in exactly one lineage (``align.py``)."""
    works = {
        work: [
            {"lineage": group.id, "clauses": group.clauses} for group in collection.lineages(work)
        ]
        for work in collection.works()
    }
    return as_json({"works": works}) + "\n"


def changes_json(collection: Collection) -> str:
    """``{"proposals": {id: {"edits": [...], "ambiguous": [...]}}}``: the changes each
    proposal's page shows, recovered from its flattened text, and the clauses whose
    number it cannot tell."""
    proposals = {}
    for document in collection.documents():
        if document.proposal is None:
            continue
        edits: list[dict[str, Any]] = []
        ambiguous: list[dict[str, str]] = []
        for clause in every_clause(document):
            if clause.relabelled:
                label = {"kind": "label", "old": clause.old_label, "new": clause.label}
                edits.append({"anchor": clause.anchor, **label})
            for edit in clause.edits:
                edits.append({"anchor": clause.anchor, **plain_edit(edit)})
            if clause.ambiguity:
                ambiguous.append({"anchor": clause.anchor, "why": clause.ambiguity})
        proposals[document.id] = {"edits": edits, "ambiguous": ambiguous}
    return as_json({"proposals": proposals}) + "\n"


def plain_edit(edit: Edit) -> dict[str, str]:
    return {"kind": edit.kind, "old": edit.old, "new": edit.new, "text": edit.text}


def xrefs_json(collection: Collection) -> str:
    """``{"works": {work: ...}}``: per work, in the collection or only cited."""
    works = sorted(set(collection.works()) | set(collection.cited_outside()))
    entries = [as_json(work) + ":" + as_json(xref_entry(collection, work)) for work in works]
    return '{"works":{' + ",".join(entries) + "}}\n"


def revision(revision: Revision | None) -> dict[str, Any] | None:
    return None if revision is None else {"year": revision.year, "place": revision.place}


def document_entry(collection: Collection, document: Document) -> dict[str, Any]:
    action_lines, sdgs = collection.tags(document.id)
    latest = collection.latest(work_of(document), document.language)
    proposal = document.proposal
    return {
        "id": document.id,
        "url": document_url(document.id),
        "kind": document.kind,
        "language": document.language,
        # The same text in other languages: language → its id.
        "versions": {
            split_language(other)[0]: other for other in collection.translations(document.id)
        },
        "source": document.source,
        "expression": document.expression,  # its Akoma Ntoso expression, if it came from one
        "repairs": len(document.repairs),
        "work": work_of(document),
        "body": document.body,
        "number": document.number,
        "title": document.title,
        "status": document.status,
        "revision": revision(document.revision),
        "history": [revision(r) for r in document.history],
        "latest": latest is not None and latest.id == document.id,
        "proposal": None
        if proposal is None
        else {
            "action": proposal.action,
            "ref": proposal.ref,
            "proposer": proposal.proposer,
            "conference": revision(proposal.conference),
            "base": revision(proposal.base),
        },
        "action_lines": list(action_lines),
        "sdgs": list(sdgs),
    }


def place_entry(place: Place, work: str) -> dict[str, str]:
    return {"url": place.url, "label": place.label, "work": work, "document": place.document}


def xref_entry(collection: Collection, work: str) -> dict[str, Any]:
    """Where a work cites and where it is cited."""
    latest = collection.latest(work)
    cites: list[Reference] = collection.cites(work)
    cited_by: list[Reference] = collection.cited_by(work)
    in_collection = bool(collection.versions(work))
    return {
        # The newest adopted text; the work's page if the collection has only proposals.
        "url": document_url(latest.id)
        if latest
        else url(work_page(work))
        if in_collection
        else None,
        "in_collection": in_collection,
        "cites": [place_entry(ref.place, ref.target) for ref in cites],
        "cited_by": [place_entry(ref.place, ref.place.work) for ref in cited_by],
    }


def matrix(collection: Collection) -> dict[str, Any]:
    """The matrix page's two tables: ``cells`` (action line × SDG, as before) with the
    documents its entries come from (``sources``), and ``by_document`` (action line ×
    document: every clause naming an action line, whether or not it names an SDG)."""
    cells = {
        action_line: {
            str(sdg): [place_entry(place, place.work) for place in places]
            for sdg, places in sorted(row.items())
        }
        for action_line, row in sorted(
            collection.matrix().items(), key=lambda item: int(item[0][1:])
        )
    }
    sources = [
        {
            "document": source.document,
            "url": document_url(source.document),
            "title": source.title,
            "clauses": source.clauses,
            "outcomes": source.outcomes,
            "entries": source.entries,
        }
        for source in collection.matrix_sources()
    ]
    by_document: dict[str, dict[str, list[dict[str, str]]]] = {}
    for row in collection.action_line_rows():
        for action_line, places in row.places.items():
            entries = [place_entry(place, place.work) for place in places]
            by_document.setdefault(action_line, {})[row.document] = entries
    return {
        "action_lines": ACTION_LINES,
        "sdgs": {str(number): name for number, name in SDGS.items()},
        "cells": cells,
        "sources": sources,
        "by_document": dict(sorted(by_document.items(), key=lambda item: int(item[0][1:]))),
    }


def matrix_csv(matrix_data: dict[str, Any]) -> str:
    """One row per (action line, SDG, clause): easy to pivot in a spreadsheet."""
    rows = [["action_line", "sdg", "work", "document", "label", "url"]]
    for action_line, row in matrix_data["cells"].items():
        for sdg, entries in row.items():
            for entry in entries:
                rows.append(
                    [
                        action_line,
                        sdg,
                        entry["work"],
                        entry["document"],
                        entry["label"],
                        entry["url"],
                    ]
                )
    return csv_text(rows)


def action_lines_csv(matrix_data: dict[str, Any]) -> str:
    """One row per (action line, clause naming it): the matrix page's second table."""
    rows = [["action_line", "work", "document", "label", "url"]]
    for action_line, documents in matrix_data["by_document"].items():
        for entries in documents.values():
            for entry in entries:
                row = [entry["work"], entry["document"], entry["label"], entry["url"]]
                rows.append([action_line, *row])
    return csv_text(rows)


# OWASP's "CSV injection": a spreadsheet opening the file runs a cell that starts
# with one of these as a formula (=HYPERLINK(…) sends the reader anywhere). Labels
# carry section headings, which are any text of the source.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_text(rows: list[list[str]]) -> str:
    """CSV of these rows, every cell through ``spreadsheet_text``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows([spreadsheet_text(cell) for cell in row] for row in rows)
    return out.getvalue()


def spreadsheet_text(cell: str) -> str:
    """A cell a spreadsheet shows as the text it is: one that would start a formula
    gets OWASP's leading ``'``. No cell is a negative number that this would spoil:
    the only numbers are SDGs, 1 to 17."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell
