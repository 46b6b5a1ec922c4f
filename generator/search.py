"""The search index: Pagefind (extended build, which segments Chinese), one record per document,
a bundle per language (``/pagefind/``, ``/en/pagefind/``): a Chinese page's search box
searches the Chinese documents, an English page's the English ones.

Pagefind runs from the build over the documents, not over the site's HTML: each
document is given to it as a small page made for search, one record per document
(not per clause), which keeps the index metadata a query must load small (the
benchmark's search table measures it). In that page:

- every section heading and every clause or report outcome is an element with the
  anchor it has on the document's page as its id, so a hit can open at
  ``/<id>/#<anchor>``. A clause's label (``做出决议 6 i)``) is the text of its
  heading, with weight 0: it names the hit, but is no word to be found by
  (``gender`` found 11 documents through ``g)`` when labels were words);
- after a clause's text, behind the sentinel ``KEYS_MARK``, come its keys: one
  word for each thing the clause names that people search for by a name the
  texts write in many ways, or that Pagefind's words cannot hold (it splits
  ``WSIS+20``, ``70/125`` and ``5.b`` at their punctuation). The keys come from
  the parsed model, so a clause naming ``SDG目标1、3、5`` or ``C1-C11`` has the
  key of SDG 5 and of C5. The search box reads the same names in a query and
  searches their keys (``theme/assets/search.js``, ``REFERENCES``):

  ========================  ==================  ================================
  what                      key                 written in texts and queries
  ========================  ==================  ================================
  a resolution              ``res0140pp2018``   第140号决议（2018年，迪拜）, PP-140, Res 140
  a UN resolution           ``unga0070x0125``   联大第70/125号决议, A/RES/70/125
  a WSIS action line        ``wsisc05``         C5, 行动方面C1-C11
  an SDG                    ``sdg05``           SDG 5, 可持续发展目标4、5和9
  an SDG target             ``sdg05tb``         具体目标5.b
  a milestone               ``wsisplus0020``    WSIS+20
  ========================  ==================  ================================

  Numbers are zero-padded and keys end where their number does, so that no key
  begins another unless it should: Pagefind matches a word's beginnings, so
  ``res0140`` finds Resolution 140 of any body, ``sdg05`` SDG 5 and its targets,
  and ``sdg01`` never SDG 17. A resolution leads with its own key, its work's with a
  ``d`` after the number and its year (``res0140dpp2022``), weighted up: ``Res 140``
  asks for the resolution's documents (``res0140d``) first, then for all that names
  it (``res0140``), keys that sort together, in one chunk of the index;
- every weight is scaled by the document's status: proposals and texts with a
  newer revision in the collection rank below the newest adopted texts, and
  the status is a filter (``状态``), which the results show.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Self

from pagefind.service import get_executable

from .html import escape, without_footnotes
from .link import Collection, Tags, clause_places
from .model import Citation, Clause, Document, Language, Outcome, Section
from .names import (
    document_url,
    document_year,
    search_bundle,
    split_work,
    text_id,
    title_line,
    work_of,
)
from .signals import die_with_parent
from .tables import ACTION_LINES, BODY_SHORT_NAMES, SDGS

# The word before a clause's keys in the search page: it never occurs in a text
# (``search_text`` takes it out), and Pagefind keeps it in a page's content, where
# the search box finds where a clause's text ends (``KEYS_MARK`` in search.js).
KEYS_MARK = "⁂"

# A resolution's own key is its work's key with this after the number (no body's
# name begins so): res0140dpp2022.
OWN_KEY = re.compile(r"^(res[0-9]{4})")

# Statuses, as the filter and the results name them, and the factor on every
# weight of a document's page: the newest adopted texts (and reports) first.
CURRENT, SUPERSEDED, PROPOSAL = "最新文本", "有更新版本", "提案"
STATUS_WEIGHTS = {CURRENT: 1.0, SUPERSEDED: 0.5, PROPOSAL: 0.7}

# Weights before the status factor (Pagefind's default is 1; h1 to h6 7 down to 2).
TITLE_WEIGHT = 7
DOCUMENT_KEY_WEIGHT = 10
CLAUSE_KEY_WEIGHT = 3

# A milestone named by a name, a plus and a number: WSIS+20, WSIS+10, (WSIS)+20.
MILESTONE = re.compile(
    r"""
    (?<![A-Za-z])(?P<name>[A-Za-z]{2,})   # WSIS
    [)）]?\s*\+\s*                          # (WSIS)+ in a parenthesis
    (?P<number>[0-9]{1,3})(?![0-9])        # 20
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class Record:
    """A document as Pagefind indexes it: its URL and a page of HTML made for search,
    encoded (UTF-8) as the parse cache keeps it and as it is written for Pagefind."""

    url: str
    html: bytes


def records(collection: Collection) -> list[Record]:
    """A record per document."""
    # A URL from the root of its language's pages, where its bundle is (``/en/pagefind/``
    # holds ``/pp-140-2018/`` for ``/en/pp-140-2018/``): the search box makes each
    # result's link from its bundle's folder (assets/search.js, ``siteHref``).
    return [
        Record(
            document_url(text_id(d)),
            search_page(d, collection.tags(d.id), status(d, collection)).encode(),
        )
        for d in collection.documents()
    ]


def status(document: Document, collection: Collection) -> str:
    """A proposal; an adopted text with a newer one of its work in the collection; or
    the newest text (a report is one)."""
    if document.proposal is not None:
        return PROPOSAL
    latest = collection.latest(work_of(document), document.language)
    return SUPERSEDED if latest is not None and latest.id != document.id else CURRENT


def search_page(document: Document, tags: Tags, status: str = CURRENT) -> str:
    """Title and key first, then each section heading and each clause: its label (weight
    0), its text, its keys. Filters last, outside the text."""
    factor = STATUS_WEIGHTS[status]
    title = escape(title_line(document, document.language))
    parts = [
        # Each language's words as Pagefind reads them (Chinese segmented, English stemmed).
        f'<html lang="{document.language}"><body><main data-pagefind-body>',
        f'<h1 data-pagefind-weight="{weight(TITLE_WEIGHT, factor)}">{title}</h1>',
    ]
    if key := document_key(document):
        parts.append(f'<p data-pagefind-weight="{weight(DOCUMENT_KEY_WEIGHT, factor)}">{key}</p>')
    parts.append(f'<p data-pagefind-weight="{weight(1, factor)}">{escape(document.title)}</p>')
    for section in document.sections:
        parts.append(section_html(document, section, factor))
    for outcome in document.outcomes:
        parts.append(part_html(outcome.anchor, outcome.code, outcome.text, keys(outcome), factor))
    parts.append("<div data-pagefind-ignore>")  # filters, not words
    for name, values in document_filters(document, tags, status).items():
        parts.extend(f'<span data-pagefind-filter="{name}">{escape(v)}</span>' for v in values)
    parts.append("</div></main></body></html>")
    return "".join(parts)


def section_html(document: Document, section: Section, factor: float) -> str:
    """A section's heading, found once (not in each clause's label), then its clauses."""
    parts = []
    if section.heading:
        parts.append(
            f'<h2 id="{section.anchor}" data-pagefind-weight="{weight(1, factor)}">'
            f"{escape(section.heading)}</h2>"
        )
    title, work = title_line(document, document.language), work_of(document)
    for place, clause in clause_places(document.id, work, title, section.clauses, section.heading):
        parts.append(part_html(place.anchor, place.label, place.text, keys(clause), factor))
    return "".join(parts)


def part_html(anchor: str, label: str, text: str, keys: list[str], factor: float) -> str:
    """A clause or outcome: its label as a heading that is no word, its text, its keys."""
    html = f'<h3 id="{anchor}" data-pagefind-weight="0">{escape(label)}</h3>'
    html += f'<p data-pagefind-weight="{weight(1, factor)}">{escape(search_text(text))}</p>'
    if keys:
        html += f'<p data-pagefind-weight="{weight(CLAUSE_KEY_WEIGHT, factor)}">'
        html += f"{KEYS_MARK} {' '.join(keys)}</p>"
    return html


def search_text(text: str) -> str:
    """A clause's text as words: footnote markers are structure, not words."""
    return without_footnotes(text).replace(KEYS_MARK, " ")


def weight(base: float, factor: float) -> str:
    """A ``data-pagefind-weight`` (Pagefind takes 0 to 10)."""
    return f"{min(10.0, base * factor):g}"


# --- Keys --------------------------------------------------------------------------


def keys(part: Clause | Outcome) -> list[str]:
    """The keys of what a clause or an outcome names, each once, in a stable order."""
    found: list[str] = []
    if isinstance(part, Clause):
        found += [key for citation in part.refs if (key := citation_key(citation))]
        found += [sdg_target_key(target) for target in part.sdg_targets]
        found += [milestone_key(m["name"], m["number"]) for m in MILESTONE.finditer(part.text)]
    found += [action_line_key(line) for line in part.action_lines]
    found += [sdg_key(goal) for goal in part.sdgs]
    return list(dict.fromkeys(found))


def document_key(document: Document) -> str | None:
    """A resolution's own key: its work's, marked, and its year (``res0140dpp2022``), so
    that a search can ask for the resolution apart from what cites it; none for a
    report."""
    key = work_key(work_of(document)) if document.kind == "resolution" else None
    if key is None:
        return None
    year = document_year(document)
    own = OWN_KEY.sub(r"\1d", key)
    return f"{own}{year or ''}"


def citation_key(citation: Citation) -> str | None:
    """The cited work's key, with the year of the revision the citation names."""
    key = work_key(citation.target)
    if key and citation.revision and key.startswith("res"):
        return f"{key}{citation.revision.year}"
    return key


def work_key(work: str) -> str | None:
    """``pp-140`` → ``res0140pp``, ``council-1332`` → ``res1332council``;
    ``unga-70/125`` → ``unga0070x0125``, ``unesco-41c/27`` → ``unesco0041cx0027``."""
    body, number = split_work(work)
    if body is None:
        return None
    parts = [re.sub(r"^[0-9]+", lambda m: m[0].zfill(4), part) for part in number.split("/")]
    if not all(re.fullmatch(r"[0-9]{4}[a-z]*", part) for part in parts):
        return None
    if len(parts) > 1:  # the UN's session/number
        return f"{body}{'x'.join(parts)}"
    return f"res{parts[0]}{body.replace('-', '')}"


def action_line_key(line: str) -> str:
    """``C5`` → ``wsisc05``."""
    return f"wsisc{int(line[1:]):02d}"


def sdg_key(goal: int) -> str:
    """SDG 5 → ``sdg05``."""
    return f"sdg{goal:02d}"


def sdg_target_key(target: str) -> str:
    """``5.b`` → ``sdg05tb``, ``17.8`` → ``sdg17t08``: the goal's key begins it."""
    goal, sub = target.split(".")
    return f"{sdg_key(int(goal))}t{sub.zfill(2) if sub.isdigit() else sub}"


def milestone_key(name: str, number: str) -> str:
    """``WSIS+20`` → ``wsisplus0020``."""
    return f"{name.lower()}plus{int(number):04d}"


# --- Filters -----------------------------------------------------------------------

# The filters: their names in the index (and in the box's panel), and the URL
# parameter of each on the results page, as the index page names them (?sdg=5).
BODY, YEAR, STATUS, ACTION_LINE, SDG = "机构", "年份", "状态", "行动方面", "可持续发展目标"
PARAMETERS = {BODY: "body", YEAR: "year", STATUS: "status", ACTION_LINE: "action_line", SDG: "sdg"}
STATUS_PARAMETERS = {CURRENT: "current", SUPERSEDED: "superseded", PROPOSAL: "proposal"}
REPORT = "报告"


def document_filters(document: Document, tags: Tags, status: str) -> dict[str, list[str]]:
    """The index page's filters, and the status, as Pagefind filters."""
    action_lines, sdgs = tags
    filters = {
        BODY: [BODY_SHORT_NAMES[document.body] if document.body else REPORT],
        STATUS: [status],
        ACTION_LINE: list(action_lines),
        SDG: [sdg_filter(sdg) for sdg in sdgs],
    }
    if year := document_year(document):
        filters[YEAR] = [str(year)]
    return {name: values for name, values in filters.items() if values}


def sdg_filter(goal: int) -> str:
    return f"SDG {goal}"


@dataclass(frozen=True)
class FilterValue:
    """A value of a filter: in the results page's URL, in the index, and as shown."""

    parameter: str
    indexed: str
    label: str


@dataclass(frozen=True)
class Filter:
    parameter: str
    name: str
    values: tuple[FilterValue, ...]


def search_filters(collection: Collection) -> list[Filter]:
    """The results page's filters, with the values the collection has."""
    documents = collection.documents()
    bodies = [body for body in BODY_SHORT_NAMES if any(d.body == body for d in documents)]
    body_values = [
        FilterValue(body, BODY_SHORT_NAMES[body], BODY_SHORT_NAMES[body]) for body in bodies
    ]
    if any(d.body is None for d in documents):
        body_values.append(FilterValue("report", REPORT, REPORT))
    years = sorted({year for d in documents if (year := document_year(d))}, reverse=True)
    return [
        Filter(PARAMETERS[BODY], BODY, tuple(body_values)),
        Filter(PARAMETERS[YEAR], YEAR, tuple(FilterValue(str(y), str(y), str(y)) for y in years)),
        Filter(
            PARAMETERS[STATUS],
            STATUS,
            tuple(FilterValue(p, status, status) for status, p in STATUS_PARAMETERS.items()),
        ),
        Filter(
            PARAMETERS[ACTION_LINE],
            ACTION_LINE,
            tuple(FilterValue(line, line, f"{line} {name}") for line, name in ACTION_LINES.items()),
        ),
        Filter(
            PARAMETERS[SDG],
            SDG,
            tuple(FilterValue(str(g), sdg_filter(g), f"{g} {name}") for g, name in SDGS.items()),
        ),
    ]


# --- Pagefind ----------------------------------------------------------------------


def start_indexing(collection: Collection, folder: Path) -> Indexings:
    """Pagefind indexing every document in the background (``folder`` holds its work):
    a bundle per language, each read by the search box of the pages in it."""
    by_language: dict[Language, list[Record]] = {}
    for document, record in zip(collection.documents(), records(collection), strict=True):
        by_language.setdefault(document.language, []).append(record)
    return Indexings(
        {
            search_bundle(language): Indexing(
                found, folder / language / "pages", folder / language / "bundle", language
            )
            for language, found in by_language.items()
        }
    )


def write_index(records: list[Record], site: Path, language: Language = "zh") -> None:
    """Write the Pagefind bundle (index chunks, its JS, CSS and WASM) of these records,
    all in ``language``, into the site."""
    with tempfile.TemporaryDirectory() as folder:
        indexing = Indexing(records, Path(folder) / "pages", Path(folder) / "bundle", language)
        with indexing:
            indexing.finish(site / search_bundle(language))


class Indexings:
    """The indexing of each language, side by side (``Indexing``): finished into the
    site, each bundle where its language's pages look for it."""

    def __init__(self, indexings: dict[str, Indexing]) -> None:
        self.indexings = indexings

    def finish(self, site: Path) -> None:
        for path, indexing in self.indexings.items():
            indexing.finish(site / path)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        for indexing in self.indexings.values():
            indexing.__exit__()


class Indexing:
    """Pagefind's command line indexing the records and writing its bundle, in the background.

    The records are written as pages into ``pages`` (a page's path is its URL),
    and the binary indexes them on the cores the build leaves free: it parses
    and segments pages in parallel. (Its ``--service`` mode, fed the records one
    by one, indexes on one core.) ``finish``
    moves the bundle where it belongs once written, or raises what went wrong.
    """

    def __init__(
        self, records: list[Record], pages: Path, bundle: Path, language: Language
    ) -> None:
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
        # One language per bundle: the search box of a Chinese page must not have its
        # query split again by the browser's segmenter (assets/search.js, ``load``).
        command += [str(bundle.resolve()), "--force-language", language, "--quiet"]
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
