"""Documents → a plain docs folder (Markdown pages of raw HTML with explicit ids) for mkdocs.

The folder needs no plugin of ours, so any mkdocs successor can build it.
Templates live in ``theme/``; Jinja runs with autoescaping and StrictUndefined,
so text from the documents is always escaped and a missing field fails loudly.
The clause lists, most of every document page, are written here instead
(``Links.clauses_html``), every text through ``escaped``: as a recursive
template they took half of the render stage.
Links between pages are relative (``root`` is the way up from a page to the
site root), so the site works from any folder of any static host.
"""

from __future__ import annotations

import json
import pickle
import re
import shutil
from collections.abc import Callable, Iterable, Iterator
from functools import cache, partial
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import api
from .cache import code_version, digest, read_manifest, reuse
from .link import Collection, Place, Reference, label_text, split_work, work_of
from .model import Citation, Clause, Document, Revision
from .progress import Progress
from .tables import ACTION_LINES, BODIES, BODY_NAMES, BODY_SHORT_NAMES, SDGS

THEME = Path(__file__).resolve().parent.parent / "theme"

FOOTNOTE_MARKER = re.compile(r"\[\^(?P<id>\w+)\]")


MANIFEST = ".fingerprints.json"  # mkdocs skips dotfiles: they stay out of the site
FRAGMENTS = ".fragments.pickle"
# What a page put together from Fragments shows: it is put together every build, so
# that its parts are kept for the next (it is linked if it came out the same).
ASSEMBLED: list[Document | str] = ["assembled"]


def render_docs(
    collection: Collection,
    docs: Path,
    digests: dict[str, str] | None = None,
    previous: Path | None = None,
    progress: Progress | None = None,
) -> tuple[int, int]:
    """Write the docs folder; returns (pages, pages rendered and changed).

    Each page has a fingerprint of what it shows (the documents, by ``digests``,
    and the code). A page whose fingerprint is the one in the ``previous`` docs
    folder is linked from there instead of rendered again. Pages that list every
    work (the index, a body's cross-references, api/) are put together from parts
    kept the same way (``Fragments``), and linked too if they came out the same.
    """
    fingerprint = Fingerprints(collection, digests or {})
    fragments = Fragments(previous / FRAGMENTS if previous else None)
    env = environment(collection)
    env.globals["kept_row"] = partial(kept_row, env, fingerprint, fragments)
    before = read_manifest(previous / MANIFEST) if previous else {}
    after: dict[str, str] = {}
    rendered = 0
    docs.mkdir(parents=True)
    every_page = list(pages(collection, fingerprint.around))
    if progress:
        progress.expect(len(every_page))
    folders = {docs}
    for path, template, context, shows in every_page:
        after[path] = fingerprint(template, shows)
        target = docs / path
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        unchanged = before.get(path) == after[path] and shows is not ASSEMBLED
        if not (previous and unchanged and reuse(previous / path, target)):
            text = env.get_template(template).render(root=root_of(path), **context)
            rendered += write_or_link(target, text, previous / path if previous else None)
        if progress:
            progress.advance()
    (docs / "api").mkdir()
    api_part = partial(fragment, fingerprint, fragments)
    for name, text in api.files(collection, api_part).items():
        write_or_link(docs / "api" / name, text, previous / "api" / name if previous else None)
    shutil.copytree(THEME / "assets", docs / "assets")
    (docs / MANIFEST).write_text(json.dumps(after), encoding="utf-8")
    fragments.save(docs / FRAGMENTS)
    return len(after), rendered


def write_or_link(target: Path, text: str, previous: Path | None) -> bool:
    """Write a page, or link the previous build's file if it is the same (False): it
    keeps its time, so that mkdocs leaves it alone."""
    data = text.encode()
    try:
        if previous and previous.read_bytes() == data and reuse(previous, target):
            return False
    except OSError:
        pass
    target.write_bytes(data)
    return True


class Fingerprints:
    """A page's fingerprint: the code, its template and the documents it shows.

    ``shows`` lists those documents, and the works it names that the
    collection lacks (so the page changes when one arrives); None means
    every document, for the index pages.
    """

    def __init__(self, collection: Collection, digests: dict[str, str]) -> None:
        self.collection = collection
        self.digests = digests
        self.everything = digest(*map(self.of, collection.documents))
        self.around = cache(self.around)  # type: ignore[method-assign]

    def of(self, shown: Document | str) -> str:
        if isinstance(shown, str):
            return shown
        return self.digests.get(shown.id) or digest(repr(shown))

    def __call__(self, template: str, shows: list[Document | str] | None) -> str:
        shown = [self.everything] if shows is None else sorted(set(map(self.of, shows)))
        return digest(code_version(), template, *shown)

    def around(self, work: str) -> str:
        """A key for a work and what anything about it shows (``shown_around``): two works
        cited by the same documents alone show the same, but they are not the same."""
        shown = shown_around(self.collection, work)
        return digest(work, *sorted(set(map(self.of, shown))))


class Fragments:
    """Parts of pages by the fingerprint of what they show, kept in the docs folder
    for the next build: a row of the resolution index or of a cross-reference
    page, an entry of api/resolutions.json or api/xrefs.json. Those pages show
    every work, so every change touches them; each is put together again from
    its parts, and only the parts showing a changed document are made again."""

    def __init__(self, previous: Path | None) -> None:
        self.before: dict[str, str] = {}
        if previous:
            try:
                self.before = pickle.loads(previous.read_bytes())
            except (OSError, pickle.UnpicklingError, EOFError):
                pass  # none kept: every part is made again
        self.after: dict[str, str] = {}

    def get(self, key: str, make: Callable[[], str]) -> str:
        text = self.before.get(key)
        if text is None:
            text = make()
        self.after[key] = text
        return text

    def save(self, file: Path) -> None:
        # A pickle, written by this program for itself: at 1,000 resolutions it is
        # written and read in 0.045 s, JSON in 0.127 s.
        file.write_bytes(pickle.dumps(self.after, pickle.HIGHEST_PROTOCOL))


def fragment(
    fingerprint: Fingerprints, fragments: Fragments, name: str, work: str, make: Callable[[], str]
) -> str:
    """A part of a page (``name`` tells it from any other) about a work: made again
    only if what it shows changed."""
    return fragments.get(fingerprint(name, [fingerprint.around(work)]), make)


def kept_row(
    env: Environment,
    fingerprint: Fingerprints,
    fragments: Fragments,
    template: str,
    work: str,
    root: str,
    document: Document | None = None,
) -> Markup:
    """A row of an index page about a work (or one of its documents), kept as a fragment."""
    name = f"{template} {root} {document.id if document else work}"
    make = partial(env.get_template(template).render, work=work, document=document, root=root)
    return Markup(fragment(fingerprint, fragments, name, work, make))


def pages(
    collection: Collection, around: Callable[[str], str]
) -> Iterator[tuple[str, str, dict[str, Any], list[Document | str] | None]]:
    """(path in the docs folder, template, context, what it shows) of every page;
    ``around`` is a key for what a work's pages show (``Fingerprints.around``)."""
    yield "index.md", "index.md.j2", {}, None
    yield "resolutions.md", "resolutions.md.j2", {}, ASSEMBLED
    groups = xref_groups(collection)
    yield "cross-references/index.md", "cross-references.md.j2", {"groups": groups}, None
    for group, works in groups.items():
        context: dict[str, Any] = {"group": group, "works": works}
        yield f"cross-references/{group}.md", "cross-references-group.md.j2", context, ASSEMBLED
    outside = collection.cited_outside
    shows: list[Document | str] = [f"outside {work}" for work in outside]
    shows += [place for work, refs in outside.items() for place in citing_places(work, refs)]
    yield "cross-references/outside.md", "cross-references-outside.md.j2", {}, shows
    yield "matrix/index.md", "matrix.md.j2", {}, None
    yield "about.md", "about.md.j2", {}, None
    for document in collection.documents:
        shows = [document, around(work_of(document))]
        yield f"{document.id}.md", "document.md.j2", {"document": document}, shows
    for work, versions in collection.works.items():
        if versions[0].kind == "resolution":
            context = {"work": work, "versions": versions}
            yield f"works/{work}.md", "work.md.j2", context, [around(work)]
    for action_line, row in collection.matrix.items():
        for sdg, places in row.items():
            yield (
                f"matrix/{cell_slug(action_line, sdg)}.md",
                "matrix-cell.md.j2",
                {"action_line": action_line, "sdg": sdg, "places": places},
                [place.document for place in places],
            )


def shown_around(collection: Collection, work: str) -> list[Document | str]:
    """What a work's pages show: its versions; of each place citing it, what
    ``citing_places`` gives; of each work it cites, the id and title of its newest
    version (or that it is missing). That is all they show of other works, so a
    change elsewhere in those works' text changes nothing here."""
    shown: list[Document | str] = [*collection.works.get(work, [])]
    shown += citing_places(work, collection.cited_by.get(work, []))
    for ref in collection.cites.get(work, []):
        latest = collection.latest(ref.target)
        shown.append(f"cited {latest.id} {latest.title}" if latest else f"missing {ref.target}")
    return shown


def citing_places(work: str, refs: list[Reference]) -> list[str]:
    """What a page shows of each place citing ``work``: its document's id and title line,
    its anchor and label, and (n) their order and number."""
    return [
        f"{work} cited {n} by {ref.place.document.id} {title_line(ref.place.document)} "
        f"{ref.place.anchor} {ref.place.label}"
        for n, ref in enumerate(refs)
    ]


GROUP_NAMES = {**BODY_NAMES, "reports": "报告", "other": "其他"}


def xref_groups(collection: Collection) -> dict[str, list[str]]:
    """The works of the cross-reference index, by the body that adopted them
    (``pp``, ``wtsa`` …), reports last: one page each, not one page of megabytes."""
    groups: dict[str, list[str]] = {body: [] for body in BODIES}
    groups["reports"] = []
    for work, versions in collection.works.items():
        group = "reports" if versions[0].kind == "report" else versions[0].body or "other"
        groups.setdefault(group, []).append(work)
    return {group: works for group, works in groups.items() if works}


def citation_count(references: dict[str, list[Reference]], works: Iterable[str]) -> int:
    return sum(len(references.get(work, [])) for work in works)


def root_of(path: str) -> str:
    """The way up from a page to the site root: ``pp-140-2022.md`` is served at ``/pp-140-2022/``."""
    parts = path.removesuffix(".md").split("/")
    depth = len(parts) - 1 if parts[-1] == "index" else len(parts)
    return "../" * depth


def cell_slug(action_line: str, sdg: int) -> str:
    return f"{action_line.lower()}-sdg-{sdg}"


def environment(collection: Collection) -> Environment:
    env = Environment(
        loader=FileSystemLoader(THEME),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # Compiled templates, kept in the system's temporary folder by their source's
        # hash: compiling them again was a tenth of a one-file rebuild's render.
        bytecode_cache=FileSystemBytecodeCache(),
    )
    links = Links(collection)
    env.filters["revision_text"] = revision_text
    env.filters["without_footnotes"] = lambda text: FOOTNOTE_MARKER.sub("", text)
    env.globals.update(
        collection=collection,
        action_lines=ACTION_LINES,
        sdgs=SDGS,
        body_names=BODY_NAMES,
        body_short_names=BODY_SHORT_NAMES,
        group_names=GROUP_NAMES,
        citation_count=citation_count,
        label_text=label_text,
        revision_text=revision_text,
        title_line=title_line,
        work_of=work_of,
        work_name=links.work_name,
        work_href=links.work_href,
        short_name=links.short_name,
        cited_works=links.cited_works,
        citing_documents=links.citing_documents,
        cites_in=links.cites_in,
        clause_html=links.clause_html,
        clauses_html=links.clauses_html,
        tags_html=tags_html,
        cell_slug=cell_slug,
        group_by_document=group_by_document,
        group_by_work=group_by_work,
    )
    env.globals["cited_by_list"] = cache(partial(cited_by_list, env))
    return env


def cited_by_list(env: Environment, work: str, root: str) -> Markup:
    """What cites a work: the same list on each of its versions' pages and its work page."""
    return Markup(env.get_template("cited-by.html.j2").render(work=work, root=root))


def revision_text(revision: Revision) -> str:
    return f"{revision.year}年" + (f"，{revision.place}" if revision.place else "")


def title_line(document: Document) -> str:
    """The page title: ``全权代表大会第140号决议（2022年，布加勒斯特）``."""
    if document.kind == "report" or document.body is None:
        return document.title
    revision = f"（{revision_text(document.revision)}）" if document.revision else ""
    return f"{BODY_NAMES[document.body]}第{document.number}号决议{revision}"


def group_by_document(references: list[Reference]) -> list[tuple[Document, list[Place]]]:
    """The citing places, grouped by the document they are in, in collection order."""
    groups: dict[str, tuple[Document, list[Place]]] = {}
    for ref in references:
        groups.setdefault(ref.place.document.id, (ref.place.document, []))[1].append(ref.place)
    return list(groups.values())


def group_by_work(references: list[Reference]) -> list[tuple[str, list[Place]]]:
    """The cited works of these references with the places citing each, most cited first."""
    groups: dict[str, list[Place]] = {}
    for ref in references:
        groups.setdefault(ref.target, []).append(ref.place)
    return sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))


class Links:
    """Names of works and the links to them, for the templates."""

    def __init__(self, collection: Collection) -> None:
        self.collection = collection
        self.by_id = {document.id: document for document in collection.documents}
        # The cross-reference index asks for the same few thousand names 40,000 times.
        self.short_name = cache(self.short_name)  # type: ignore[method-assign]

    def work_name(self, work: str) -> str:
        """``pp-140`` → 全权代表大会第140号决议; a report by its title."""
        latest = self.collection.latest(work)
        if latest is not None and latest.kind == "report":
            return latest.title
        body, number = split_work(work)
        return f"{BODY_NAMES.get(body or '', '')}第{number.upper()}号决议"

    def short_name(self, key: str) -> str:
        """``PP-140`` for a work, ``PP-140（2022）`` for a version, ``报告 002`` for a report."""
        document = self.by_id.get(key)
        if document is None:
            body, number = split_work(key)
            return f"{BODY_SHORT_NAMES.get(body or '', body or '')}-{number.upper()}".lstrip("-")
        if document.kind == "report":
            return f"报告 {document.id.removeprefix('report-')}"
        year = f"（{document.revision.year}）" if document.revision else ""
        return self.short_name(work_of(document)) + year

    def cited_works(self, refs: list[Reference], root: str) -> list[tuple[str | None, str, int]]:
        """(link or None, short name, citing places) of each work these references cite,
        most cited first: one call per row of the cross-reference index, not several per work."""
        return [
            (self.work_href(work, root), self.short_name(work), len(places))
            for work, places in group_by_work(refs)
        ]

    def cites_in(self, document: Document) -> list[Reference]:
        """The references this document makes (the collection keeps them by work)."""
        refs: list[Reference] = self.collection.cites.get(work_of(document), [])
        return [ref for ref in refs if ref.place.document is document]

    def citing_documents(self, refs: list[Reference]) -> list[tuple[str, str, int]]:
        """(id, short name, citing places) of each document making these references."""
        return [
            (document.id, self.short_name(document.id), len(places))
            for document, places in group_by_document(refs)
        ]

    def work_href(self, work: str, root: str) -> str | None:
        """The newest version's page, or None for a work not in the collection."""
        latest = self.collection.latest(work)
        return None if latest is None else f"{root}{latest.id}/"

    def clauses_html(self, clauses: tuple[Clause, ...], document: Document, root: str) -> Markup:
        """A section's clauses as nested lists, each with its anchor, label, text, tags and
        permalink. (Rendering 1,000 resolutions' docs took 7.9 CPU-s with these as a
        recursive template, 3.4 with them written here, in the same bytes.)"""
        html: list[str] = []
        self.clause_items(clauses, document, root, html)
        return Markup(f'<ol class="clauses">\n{"".join(html)}</ol>')

    def clause_items(
        self, clauses: tuple[Clause, ...], document: Document, root: str, html: list[str]
    ) -> None:
        for clause in clauses:
            anchor = escaped(clause.anchor)
            html.append(f'<li class="clause" id="{anchor}">')
            if clause.label:
                html.append(
                    f'<span class="clause-label">{escaped(label_text(clause.label))}</span>'
                )
            if clause.old_label:
                old = escaped(label_text(clause.old_label))
                html.append(f'<span class="clause-old-label" title="原编号">（原{old}）</span>')
            html.append(
                f' <span class="clause-text">{self.clause_html(clause, document, root)}</span>'
            )
            html.append(tags_html(clause.action_lines, clause.sdgs, root))
            html.append(
                f'<a class="permalink" href="#{anchor}" aria-label="本条款的永久链接">¶</a>'
            )
            if clause.clauses:
                html.append('\n<ol class="clauses">')
                self.clause_items(clause.clauses, document, root, html)
                html.append("</ol>")
            html.append("</li>\n")

    def clause_html(self, clause: Clause, document: Document, root: str) -> Markup:
        """Escaped clause text: citations made links, footnote markers made links."""
        html, position = [], 0
        for start, end, refs in citation_spans(clause.text, clause.refs):
            html.append(plain_html(clause.text[position:start]))
            html.append(self.citation_html(clause.text[start:end], refs, document, root))
            position = end
        html.append(plain_html(clause.text[position:]))
        return Markup("".join(html))

    def citation_html(self, text: str, refs: list[Citation], document: Document, root: str) -> str:
        """One citation span. A span citing several works (``第50和第52号决议``) links each number."""
        if len(refs) == 1:
            return self.citation_link(text, refs[0].target, document, root)
        html, position = [], 0
        for ref in refs:
            found = number_in(text, ref.target, position)
            if found is None:
                continue
            start, end = found
            html.append(escaped(text[position:start]))
            html.append(self.citation_link(text[start:end], ref.target, document, root))
            position = end
        html.append(escaped(text[position:]))
        return "".join(html)

    def citation_link(self, text: str, target: str, document: Document, root: str) -> str:
        name = escaped(self.work_name(target))
        if target == work_of(document):  # an earlier revision of this very resolution
            versions = f"{root}works/{target}/"
            return (
                f'<a class="citation" href="{versions}" title="{name}：各版本">{escaped(text)}</a>'
            )
        href = self.work_href(target, root)
        if href is None:
            title = f"{name}：本站未收录"
            return f'<span class="citation citation-missing" title="{title}">{escaped(text)}</span>'
        return f'<a class="citation" href="{href}" title="{name}">{escaped(text)}</a>'


def tags_html(lines: tuple[str, ...], goals: tuple[int, ...], root: str) -> Markup:
    """Links to the matrix row of each action line and to the index filtered by each SDG."""
    if not lines and not goals:
        return Markup("")
    html = ['<span class="tags">']
    for line in lines:
        title = escaped(f"WSIS 行动方面 {line}：{ACTION_LINES[line]}")
        html.append(
            f'<a class="tag tag-action-line" href="{root}matrix/#{escaped(line)}" title="{title}">'
            f"{escaped(line)}</a>"
        )
    for goal in goals:
        title = escaped(f"可持续发展目标 {goal}：{SDGS[goal]}")
        html.append(
            f'<a class="tag tag-sdg" href="{root}resolutions/?sdg={goal}" title="{title}">'
            f"SDG {goal}</a>"
        )
    html.append("</span>")
    return Markup("".join(html))


def citation_spans(text: str, refs: tuple[Citation, ...]) -> list[tuple[int, int, list[Citation]]]:
    """Where each distinct citation span is in the text, in order, overlaps dropped."""
    by_span: dict[str, list[Citation]] = {}
    for ref in refs:
        by_span.setdefault(ref.text, []).append(ref)
    found = []
    for span, span_refs in by_span.items():
        start = text.find(span)
        if start >= 0 and span:
            found.append((start, start + len(span), span_refs))
    found.sort(key=lambda item: item[0])
    kept: list[tuple[int, int, list[Citation]]] = []
    for item in found:
        if not kept or item[0] >= kept[-1][1]:
            kept.append(item)
    return kept


def number_in(text: str, work: str, start: int) -> tuple[int, int] | None:
    """Where the number of ``work`` stands alone in ``text`` (``52`` in ``第50和第52号``)."""
    number = re.escape(split_work(work)[1])
    match = re.compile(rf"(?<![\d/]){number}(?![\d/])", re.IGNORECASE).search(text, start)
    return (match.start(), match.end()) if match else None


def escaped(text: str) -> str:
    """``markupsafe.escape(text)`` as a plain string: the same five entities, without
    making a Markup that the f-strings here would turn back into a str."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&#34;")
        .replace("'", "&#39;")
    )


def plain_html(text: str) -> str:
    """Escaped text with footnote markers ``[^N]`` made links to the footnote."""
    return FOOTNOTE_MARKER.sub(
        lambda m: f'<sup id="fnref-{m["id"]}"><a href="#fn-{m["id"]}">{m["id"]}</a></sup>',
        escaped(text),
    )
