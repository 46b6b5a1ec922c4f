"""The search index: Pagefind (extended build, which segments Chinese), one record per document.

Pagefind runs from the build over the documents, not over the site's HTML:
each document is given to it as a small page made for search, in which every
clause and report outcome is a heading with the clause's anchor as its id, so
Pagefind makes it a sub-result that opens at ``/<id>/#<anchor>``. The page
starts with the ways people write the document's number, weighted up, so
``140`` or ``第140号决议`` ranks the resolution first. One record per document
(not per clause) keeps the index metadata a query must load small (the
benchmark's search table measures it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Self

from pagefind.service import get_executable

from .html import escape
from .link import Collection, Tags, places
from .model import Document
from .names import document_url, document_year, title_line
from .signals import die_with_parent
from .tables import BODY_SHORT_NAMES

LANGUAGE = "zh"


@dataclass(frozen=True)
class Record:
    """A document as Pagefind indexes it: its URL and a page of HTML made for search,
    encoded (UTF-8) as the parse cache keeps it and as it is written for Pagefind."""

    url: str
    html: bytes


def records(collection: Collection) -> list[Record]:
    """A record per document."""
    return [
        Record(document_url(d.id), search_page(d, collection.tags(d.id)).encode())
        for d in collection.documents()
    ]


def search_page(document: Document, tags: Tags) -> str:
    """Numbers and title first, then each clause as a heading (its anchor) and its text."""
    title = escape(title_line(document))
    parts = [
        f'<html lang="{LANGUAGE}"><body><main data-pagefind-body>',
        f"<h1>{title}</h1>",
        f'<p data-pagefind-weight="10">{escape(number_words(document))}</p>',
        f"<p>{escape(document.title)}</p>",
    ]
    for place, _ in places(document):
        parts.append(
            f'<h2 id="{place.anchor}">{escape(place.label)}</h2><p>{escape(place.text)}</p>'
        )
    for name, values in document_filters(document, tags).items():
        parts.extend(f'<span data-pagefind-filter="{name}">{escape(v)}</span>' for v in values)
    parts.append("</main></body></html>")
    return "".join(parts)


def number_words(document: Document) -> str:
    """What people type to find a resolution by number: 140, 第140号决议, PP-140, Res 140.

    The search box finds a number query as an exact phrase of these words
    ("res 140", "pp 140", "itu r 5", "pp 140 2022": theme/assets/search.js), and
    Pagefind's phrases skip no hyphen, so the body and the id are written with spaces.
    """
    words = []
    if document.number:
        short = BODY_SHORT_NAMES.get(document.body or "", "").replace("-", " ")
        number = document.number
        words += [number, f"第{number}号决议", f"{short} {number}"]
        words += [f"Res {number}", f"Resolution {number}", document.id.replace("-", " ")]
    return " ".join(words)


def document_filters(document: Document, tags: Tags) -> dict[str, list[str]]:
    """The index page's filters, as Pagefind filters."""
    action_lines, sdgs = tags
    filters = {
        "机构": [BODY_SHORT_NAMES[document.body] if document.body else "报告"],
        "行动方面": list(action_lines),
        "可持续发展目标": [f"SDG {sdg}" for sdg in sdgs],
    }
    if year := document_year(document):
        filters["年份"] = [str(year)]
    return {name: values for name, values in filters.items() if values}


def start_indexing(collection: Collection, folder: Path) -> Indexing:
    """Pagefind indexing every document in the background (``folder`` holds its work)."""
    return Indexing(records(collection), folder / "pages", folder / "bundle")


def write_index(records: list[Record], site: Path) -> None:
    """Write the Pagefind bundle (index chunks, its JS, CSS and WASM) into ``site/pagefind``."""
    with tempfile.TemporaryDirectory() as folder:
        indexing = Indexing(records, Path(folder) / "pages", Path(folder) / "bundle")
        with indexing:
            indexing.finish(site / "pagefind")


class Indexing:
    """Pagefind's command line indexing the records and writing its bundle, in the background.

    The records are written as pages into ``pages`` (a page's path is its URL),
    and the binary indexes them on the cores the build leaves free: it parses
    and segments pages in parallel. (Its ``--service`` mode, fed the records one
    by one, indexes on one core.) ``finish``
    moves the bundle where it belongs once written, or raises what went wrong.
    """

    def __init__(self, records: list[Record], pages: Path, bundle: Path) -> None:
        self.bundle = bundle
        binary = get_executable()
        if binary is None:
            raise FileNotFoundError(
                "the pagefind binary is missing: pip install 'pagefind[extended]'"
            )
        for record in records:
            page = pages / record.url.strip("/") / "index.html"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_bytes(record.html)
        self.errors = tempfile.TemporaryFile()  # noqa: SIM115 (closed by __exit__)
        # At a lower priority: the build's own stages, which come before mkdocs and
        # Pagefind's end, go first; Pagefind takes what they leave of both cores.
        nice = ["nice", "-n", "10"] if shutil.which("nice") else []
        command = [*nice, str(binary), "--site", str(pages.resolve()), "--output-path"]
        command += [str(bundle.resolve()), "--force-language", LANGUAGE, "--quiet"]
        # In ``pages``, where no pagefind.yml of anyone's can change what it does.
        self.process = subprocess.Popen(
            command,
            cwd=pages,
            stdout=subprocess.DEVNULL,
            stderr=self.errors,
            preexec_fn=partial(die_with_parent, os.getpid()),  # noqa: PLW1509 (no threads yet)
        )

    def finish(self, destination: Path) -> None:
        if self.process.wait():
            self.errors.seek(0)
            message = self.errors.read().decode(errors="replace")[-2000:]
            raise RuntimeError(f"pagefind failed ({self.process.returncode}): {message}")
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(self.bundle, destination)  # a rename, or a copy across file systems

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        if self.process.poll() is None:  # the build failed before wait(): stop at once
            self.process.kill()
        self.process.wait()
        self.errors.close()
