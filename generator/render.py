"""A Collection → the docs folder for mkdocs: Markdown pages of raw HTML with explicit ids.

The folder needs no plugin of ours, so any mkdocs successor can build it.
Templates live in ``theme/``; Jinja runs with autoescaping and StrictUndefined,
so text from the documents is always escaped and a missing field fails loudly.
Links between pages are relative (``root`` is the way up from a page to the
site root), so the site works from any folder of any static host.

Templates and helpers read the collection only through its queries
(``Collection.QUERIES``); with an incremental memo, they get a view that
records each query a page makes, which decides when the page must be made again.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Protocol

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .html import (
    ClauseWriter,
    bilingual_html,
    cited_by_html,
    compare_html,
    edit_counts,
    escape,
    marked_footnotes,
    proposed_text,
    tags_html,
    without_footnotes,
    work_href,
    work_name,
)
from .link import Collection, Place, Reference
from .model import Document, Language
from .names import (
    ROOT_LANGUAGE,
    action_line_page,
    bilingual_page,
    compare_page,
    conference_text,
    document_page,
    document_year,
    href,
    in_language,
    label_text,
    matrix_cell_page,
    revision_anchor,
    revision_text,
    root_of,
    search_bundle,
    served_at,
    split_language,
    split_work,
    text_id,
    title_line,
    work_of,
    work_page,
)
from .progress import Progress
from .search import search_filters
from .shading import legend, shade
from .tables import (
    ACTION_LINES,
    ACTION_LINES_IN,
    BODIES,
    BODY_NAMES_IN,
    BODY_SHORT_NAMES_IN,
    SDGS_IN,
)
from .translate import OWN_NAMES, SITE_LANGUAGES, gettext, ngettext

THEME = Path(__file__).resolve().parent.parent / "theme"


def group_names(language: Language) -> dict[str, str]:
    """The groups of the cross-reference index: the bodies, reports, others."""
    _ = gettext(language)
    return {**BODY_NAMES_IN[language], "reports": _("报告"), "other": _("其他")}


@dataclass(frozen=True)
class Page:
    """A page of the docs folder: its path, its template and what the template is given."""

    path: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    language: Language = ROOT_LANGUAGE  # of the page's own words (a document's text is its own)


class PageMemo(Protocol):
    """What rendering asks of the previous build (``incremental.PageMemo``)."""

    def view(self, collection: Collection) -> Collection: ...

    def write(self, page: Page, target: Path, make: Callable[[], str]) -> None: ...

    def save(self, docs: Path) -> None: ...


def render(
    collection: Collection,
    docs: Path,
    memo: PageMemo | None = None,
    progress: Progress | None = None,
    aliases: dict[str, dict[str, str]] | None = None,
) -> int:
    """Write every page of the docs folder and the theme's assets; returns the pages.
    ``aliases``: per document, the old anchors of its page and the addresses they
    lead to (``registry.Kept.anchors``).

    With a ``memo``, a page whose recorded reads give what they gave last time is
    taken from the previous build instead of rendered again.
    """
    seen = memo.view(collection) if memo else collection
    envs = {language: environment(seen, language) for language in SITE_LANGUAGES}
    every_page = list(pages(collection, aliases or {}))
    if progress:
        progress.expect(len(every_page))
    write = memo.write if memo else write_page
    for page in every_page:
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        write(page, target, partial(render_page, envs[page.language], page))
        if progress:
            progress.advance()
    shutil.copytree(THEME / "assets", docs / "assets")
    if memo:
        memo.save(docs)
    return len(every_page)


def render_page(env: Environment, page: Page) -> str:
    # Markdown links are resolved by mkdocs from the page's file, not from its URL:
    # ``docs_root`` is the way up from the file to the docs folder.
    docs_root = "../" * page.path.count("/")
    template = env.get_template(page.template)
    return template.render(
        root=root_of(page.path), docs_root=docs_root, lang=page.language, **page.context
    )


def write_page(page: Page, target: Path, make: Callable[[], str]) -> None:
    target.write_bytes(make().encode())


def pages(collection: Collection, aliases: dict[str, dict[str, str]]) -> Iterator[Page]:
    """Every page of the site, with what its template is given: the site's own pages
    in each of its languages, each document's page in its own."""
    groups = xref_groups(collection)
    documents = {document.id: document for document in collection.documents()}
    for language in SITE_LANGUAGES:
        yield from site_pages(collection, groups, documents, language)
    for document in collection.documents():
        context = {"document": document, "aliases": aliases.get(document.id, {})}
        yield Page(document_page(document.id), "document.md.j2", context, document.language)
    for work in collection.works():
        for older, newer in collection.comparable(work):
            context = {"work": work, "older": documents[older], "newer": documents[newer]}
            language = documents[older].language
            yield Page(compare_page(older, newer), "compare.md.j2", context, language)


def site_pages(
    collection: Collection,
    groups: dict[str, list[str]],
    documents: dict[str, Document],
    language: Language,
) -> Iterator[Page]:
    """The pages of the site that each of its languages has: index, cross-references,
    works, matrix, about, search."""

    def page(path: str, template: str, context: dict[str, Any] | None = None) -> Page:
        return Page(in_language(path, language), template, context or {}, language)

    yield page("index.md", "index.md.j2")
    yield page("resolutions.md", "resolutions.md.j2")
    yield page("cross-references/index.md", "cross-references.md.j2", {"groups": groups})
    for group, works in groups.items():
        context: dict[str, Any] = {"group": group, "works": works}
        yield page(f"cross-references/{group}.md", "cross-references-group.md.j2", context)
    yield page("cross-references/outside.md", "cross-references-outside.md.j2")
    yield page("matrix/index.md", "matrix.md.j2")
    yield page("about.md", "about.md.j2")
    yield page("search.md", "search.md.j2")
    for work, versions in collection.works().items():
        if versions[0].kind == "resolution":
            yield Page(work_page(work, language), "work.md.j2", {"work": work}, language)
    for document in collection.documents():  # a text beside its language versions, once
        others = collection.translations(document.id)
        if others and document.language == ROOT_LANGUAGE:
            context = {"texts": [document, *(documents[id] for id in others[:1])]}
            yield Page(bilingual_page(document.id, language), "bilingual.md.j2", context, language)
    for action_line, row in collection.matrix().items():
        for sdg in row:
            context = {"action_line": action_line, "sdg": sdg}
            path = matrix_cell_page(action_line, sdg, language)
            yield Page(path, "matrix-cell.md.j2", context, language)
    for action_line in ACTION_LINES:
        context = {"action_line": action_line}
        yield Page(action_line_page(action_line, language), "matrix-line.md.j2", context, language)


def alias_hrefs(aliases: dict[str, str], document_id: str, root: str) -> dict[str, str]:
    """A page's old anchors → the links they lead to (addresses from the site's root,
    as the registry keeps them): ``#resolves-6`` on the same page, relative elsewhere."""
    here = served_at(document_page(document_id))
    return {
        old: target[len(here) :] if target.startswith(f"{here}#") else root + target
        for old, target in aliases.items()
    }


def xref_groups(collection: Collection) -> dict[str, list[str]]:
    """The works of the cross-reference index, by the body that adopted them
    (``pp``, ``wtsa`` …), reports last: one page each, not one page of megabytes."""
    groups: dict[str, list[str]] = {body: [] for body in BODIES}
    groups["reports"] = []
    for work, versions in collection.works().items():
        group = "reports" if versions[0].kind == "report" else versions[0].body or "other"
        groups.setdefault(group, []).append(work)
    return {group: works for group, works in groups.items() if works}


def environment(collection: Collection, language: Language = ROOT_LANGUAGE) -> Environment:
    """The Jinja environment of pages in ``language``; its helpers read ``collection`` (a
    recording view, when the build is incremental) and nothing else that can change
    between builds."""
    env = Environment(
        loader=FileSystemLoader(THEME),
        extensions=["jinja2.ext.i18n"],
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext(language), ngettext(language), newstyle=True
    )
    writer = ClauseWriter(collection, language)
    groups = group_names(language)
    env.filters["front_matter"] = front_matter
    env.filters["revision_text"] = partial(revision_text, language=language)
    env.filters["without_footnotes"] = without_footnotes
    env.filters["document_year"] = document_year
    env.globals.update(
        collection=collection,
        action_lines=ACTION_LINES_IN[language],
        sdgs=SDGS_IN[language],
        body_names=BODY_NAMES_IN[language],
        group_names=groups,
        # The index's body column: Chinese names its bodies in full, English by their
        # short names (PP, WTSA), as English texts do, which leaves the titles room.
        index_body_names=groups
        if language == ROOT_LANGUAGE
        else groups | BODY_SHORT_NAMES_IN[language],
        revision_text=partial(revision_text, language=language),
        conference_text=partial(conference_text, language=language),
        revision_anchor=revision_anchor,
        document_year=document_year,
        title_line=partial(title_line, language=language),
        work_of=work_of,
        href=href,
        document_page=document_page,
        split_language=split_language,  # a document's language, for lang="…" on its text
        # Links to the site's own pages go to those in the page's language.
        site_page=partial(in_language, language=language),
        work_page=partial(work_page, language=language),
        matrix_cell_page=partial(matrix_cell_page, language=language),
        action_line_page=partial(action_line_page, language=language),
        shade=shade,
        legend=legend,
        places_by_document=places_by_document,
        work_name=partial(work_name, collection, language=language),
        work_href=partial(work_href, collection, language=language),
        citation_count=citation_count,
        cited_works=partial(cited_works, collection, language=language),
        citing_documents=partial(citing_documents, collection, language=language),
        cites_in=partial(cites_in, collection),
        clauses_html=writer.clauses_html,
        tags_html=partial(tags_html, language=language),
        edit_counts=edit_counts,
        marked_footnotes=marked_footnotes,
        cited_by_html=partial(cited_by_html, language=language),
        compare_html=partial(compare_html, language=language),
        bilingual_html=bilingual_html,
        own_names=OWN_NAMES,
        bilingual_page=partial(bilingual_page, language=language),
        search_bundle=search_bundle(language),
        compare_page=compare_page,
        group_by_document=group_by_document,
        alias_hrefs=alias_hrefs,
        outline=outline,
        group_by_work=group_by_work,
        search_filters=partial(search_filters, collection),
    )
    return env


def front_matter(value: Any) -> Markup:
    """A value of a page's front matter (``title: {{ …|front_matter }}``): a text, or
    lists and mappings of texts (the ``outline``), every text HTML-escaped, on one line.

    Escaped, because mkdocs-material writes ``page.meta.title`` (and the table of
    contents' names) into the page as they are (the theme's Jinja does not
    autoescape). A text as one double-quoted scalar from PyYAML's own dumper, so that
    every character reads back as it was: ``tojson`` wrote 😀 or 𠮷 as a surrogate pair,
    which the YAML loader rejects, and mkdocs then drops the whole front matter without
    a word. A structure in flow style by libyaml's emitter: PyYAML's pure-Python one
    took 5 s for the outlines of 1,000 documents (and JSON leaves raw the characters
    YAML must escape).
    Markup: autoescaping must not touch the quotes.
    """
    if isinstance(value, str):
        dumped = yaml.safe_dump(
            escape(value), allow_unicode=True, default_style='"', width=float("inf")
        )
    else:
        dumped = yaml.dump(
            escaped_texts(value),
            Dumper=yaml.CSafeDumper,
            allow_unicode=True,
            default_flow_style=True,
            width=2**31 - 1,  # (libyaml takes an integer: no line folded)
        )
    return Markup(dumped.removesuffix("\n"))


def escaped_texts(value: Any) -> Any:
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, list):
        return [escaped_texts(item) for item in value]
    return {key: escaped_texts(item) for key, item in value.items()}


# Characters of a clause's text in the outline: enough to tell neighbours apart (about
# as wide in each language: a Chinese character says about as much as an English word).
OUTLINE_TEXT = {"zh": 16, "en": 40}


def outline(document: Document) -> list[dict[str, Any]]:
    """The document's sections, each with its top-level clauses (label and the start of
    its text): the page's table of contents (``mkdocs_hooks``)."""
    entries = []
    body_name = gettext(document.language)("正文")
    shown = OUTLINE_TEXT.get(document.language, OUTLINE_TEXT["en"])
    for section in document.sections:
        clauses = []
        for clause in section.clauses:
            text = proposed_text(clause)
            start = text[:shown] + ("…" if len(text) > shown else "")
            label = label_text(clause.label) if clause.label else ""
            clauses.append({"id": clause.anchor, "name": f"{label} {start}".strip()})
        entries.append(
            {"id": section.anchor, "name": section.heading or body_name, "children": clauses}
        )
    return entries


def short_name(
    collection: Collection, work: str, language: Language, document_id: str | None = None
) -> str:
    """``PP-140`` for a work, ``PP-140（2022）`` for a version, ``报告 002`` for a report."""
    _ = gettext(language)
    wanted = document_id or work  # a report is a work of its own
    document = next((d for d in collection.versions(work) if d.id == wanted), None)
    if document is not None and document.kind == "report":
        return _("报告 %(name)s") % {"name": text_id(document).removeprefix("report-")}
    body, number = split_work(work)
    short = BODY_SHORT_NAMES_IN[language].get(body or "", body or "")
    name = f"{short}-{number.upper()}".lstrip("-")
    if document is not None and document.revision:
        return _("%(name)s（%(year)s）") % {"name": name, "year": document.revision.year}
    return name


def citation_count(query: Callable[[str], list[Reference]], works: Iterable[str]) -> int:
    """The citations these works make (``collection.cites``) or receive (``cited_by``)."""
    return sum(len(query(work)) for work in works)


def cited_works(
    collection: Collection, refs: list[Reference], root: str, language: Language
) -> list[tuple[str | None, str, int]]:
    """(link or None, short name, citing places) of each work these references cite,
    most cited first."""
    return [
        (
            work_href(collection, work, root, language),
            short_name(collection, work, language),
            len(places),
        )
        for work, places in group_by_work(refs)
    ]


def citing_documents(
    collection: Collection, refs: list[Reference], language: Language
) -> list[tuple[str, str, int]]:
    """(id, short name, citing places) of each document making these references."""
    return [
        (
            group[0].place.document,
            short_name(collection, group[0].place.work, language, group[0].place.document),
            len(group),
        )
        for group in group_by_document(refs)
    ]


def cites_in(collection: Collection, document: Document) -> list[Reference]:
    """The references this document makes (the collection keeps them by work)."""
    return [ref for ref in collection.cites(work_of(document)) if ref.place.document == document.id]


def group_by_document(references: list[Reference]) -> list[list[Reference]]:
    """The references, grouped by the document citing, in collection order."""
    groups: dict[str, list[Reference]] = {}
    for ref in references:
        groups.setdefault(ref.place.document, []).append(ref)
    return list(groups.values())


def places_by_document(places: list[Place]) -> list[list[Place]]:
    """The places, grouped by their document, in the order the documents first come."""
    groups: dict[str, list[Place]] = {}
    for place in places:
        groups.setdefault(place.document, []).append(place)
    return list(groups.values())


def group_by_work(references: list[Reference]) -> list[tuple[str, list[Place]]]:
    """The cited works of these references with the places citing each, most cited first."""
    groups: dict[str, list[Place]] = {}
    for ref in references:
        groups.setdefault(ref.target, []).append(ref.place)
    return sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
