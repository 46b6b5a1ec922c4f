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

from .link import Collection, Place, Reference, work_of
from .model import Document, Revision
from .tables import ACTION_LINES, SDGS


def write(collection: Collection, folder: Path) -> None:
    folder.mkdir(parents=True)
    files = {
        "resolutions.json": as_json({"documents": resolutions(collection)}),
        "xrefs.json": as_json({"works": xrefs(collection)}),
        "matrix.json": as_json(matrix(collection)),
        "matrix.csv": matrix_csv(collection),
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def as_json(data: dict[str, Any]) -> str:
    """Compact JSON: with ``indent`` the json module encodes in Python, 10x slower."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def revision(revision: Revision | None) -> dict[str, Any] | None:
    return None if revision is None else {"year": revision.year, "place": revision.place}


def resolutions(collection: Collection) -> list[dict[str, Any]]:
    return [document_entry(collection, document) for document in collection.documents]


def document_entry(collection: Collection, document: Document) -> dict[str, Any]:
    action_lines, sdgs = collection.tags[document.id]
    proposal = document.proposal
    return {
        "id": document.id,
        "url": f"/{document.id}/",
        "kind": document.kind,
        "work": work_of(document),
        "body": document.body,
        "number": document.number,
        "title": document.title,
        "revision": revision(document.revision),
        "history": [revision(r) for r in document.history],
        "latest": collection.is_latest(document),
        "proposal": None if proposal is None else {"action": proposal.action, "ref": proposal.ref},
        "action_lines": list(action_lines),
        "sdgs": list(sdgs),
    }


def place_entry(place: Place, work: str) -> dict[str, str]:
    return {"url": place.url, "label": place.label, "work": work, "document": place.document.id}


def xrefs(collection: Collection) -> dict[str, Any]:
    """Per work, in the collection or only cited: where it cites and where it is cited."""
    works = sorted(set(collection.works) | set(collection.cited_by))
    return {work: xref_entry(collection, work) for work in works}


def xref_entry(collection: Collection, work: str) -> dict[str, Any]:
    latest = collection.latest(work)
    cites: list[Reference] = collection.cites.get(work, [])
    cited_by: list[Reference] = collection.cited_by.get(work, [])
    return {
        "url": None if latest is None else f"/{latest.id}/",
        "in_collection": latest is not None,
        "cites": [place_entry(ref.place, ref.target) for ref in cites],
        "cited_by": [place_entry(ref.place, ref.place.work) for ref in cited_by],
    }


def matrix(collection: Collection) -> dict[str, Any]:
    cells = {
        action_line: {
            str(sdg): [place_entry(place, place.work) for place in places]
            for sdg, places in sorted(row.items())
        }
        for action_line, row in sorted(collection.matrix.items(), key=lambda item: int(item[0][1:]))
    }
    return {
        "action_lines": ACTION_LINES,
        "sdgs": {str(number): name for number, name in SDGS.items()},
        "cells": cells,
    }


def matrix_csv(collection: Collection) -> str:
    """One row per (action line, SDG, clause): easy to pivot in a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["action_line", "sdg", "work", "document", "label", "url"])
    for action_line, row in matrix(collection)["cells"].items():
        for sdg, entries in row.items():
            for entry in entries:
                writer.writerow(
                    [
                        action_line,
                        sdg,
                        entry["work"],
                        entry["document"],
                        entry["label"],
                        entry["url"],
                    ]
                )
    return out.getvalue()
