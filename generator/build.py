"""The pipeline, stage by stage: read and parse every source, link, write YAML."""

from __future__ import annotations

import contextlib
import json
import logging
import multiprocessing
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from . import link, search, store
from .cache import ParseCache, code_version, digest, link_or_copy, read_manifest, reuse, source_key
from .errors import Problem, SourceError, Warnings
from .model import Document, stored
from .parse import parse_lines
from .progress import Progress, Stages
from .read import decode, normalise

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "content" / "sources"
RESOLUTIONS = ROOT / "content" / "resolutions"
SITE = ROOT / "site"
WORK = ROOT / "build"  # the docs folder mkdocs builds from, and the parse cache
MANIFEST = ".digests.json"


@dataclass
class ParseReport:
    documents: list[Document] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    warnings: Warnings = field(default_factory=Warnings)
    # A hash of each document's source (by document id): what the render cache compares.
    digests: dict[str, str] = field(default_factory=dict)
    files: int = 0
    parsed_files: int = 0  # files parsed, not taken from the cache
    yaml: dict[str, str] = field(default_factory=dict)  # YAML made while parsing, by id
    records: list[search.Record] = field(default_factory=list)  # if asked for


def source_files(paths: list[Path]) -> list[Path]:
    """The ``.txt`` files named, folders expanded, in a stable order."""
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.glob("*.txt")) if path.is_dir() else [path])
    return files


# From this many files to parse, the work is split over the cores: forked workers
# start at once, but send their documents back pickled (about 0.2 s per 1,000).
PARALLEL_FROM = 50


@dataclass
class Parsed:
    """What one source file gave: its documents, warnings, the hash of its bytes, and
    each document's YAML and search page if the parse made them (None: not asked for;
    YAML is not kept in the cache)."""

    documents: list[Document]
    warnings: list[Problem]
    key: str
    yaml: list[str | None]
    pages: list[bytes | None]
    cached: bool = False


def parse_sources(
    paths: list[Path],
    cache: ParseCache | None = None,
    progress: Progress | None = None,
    *,
    workers: int = 1,
    dump_yaml: bool = False,
    search_pages: bool = False,
) -> ParseReport:
    """Parse every file; one bad file does not hide problems in the others.

    With a cache, a file whose bytes (and the parser) did not change is not parsed
    again. With ``workers`` > 1, many files are parsed in that many processes; with
    ``dump_yaml`` they also make each document's YAML there (``report.yaml``), which
    is most of what writing it costs; with ``search_pages``, each document's search
    record (``report.records``), which the cache keeps.
    """
    files = source_files(paths)
    report = ParseReport(files=len(files))
    keys: list[str] = []
    seen: dict[str, int] = {}
    for outcome in parse_files(files, cache, workers, dump_yaml, search_pages):
        if isinstance(outcome, Problem):
            report.errors.append(outcome)
        else:
            documents = link.unique_ids(outcome.documents, seen)
            # A renamed document (a repeated id) has no YAML or search page yet:
            # both name the old id.
            made = [new is old for old, new in zip(outcome.documents, documents, strict=True)]
            texts = zip(documents, made, outcome.yaml)
            report.yaml.update(
                (document.id, text) for document, same, text in texts if text and same
            )
            report.documents.extend(documents)
            report.warnings.items.extend(outcome.warnings)
            keys.extend([outcome.key] * len(documents))
            report.parsed_files += not outcome.cached
            if search_pages:
                pages = [page if same else None for page, same in zip(outcome.pages, made)]
                report.records.extend(search.records(documents, pages))
        if progress:
            progress.advance()
    report.digests = {d.id: digest(key, d.id) for d, key in zip(report.documents, keys)}
    return report


def parse_files(
    files: list[Path], cache: ParseCache | None, workers: int, dump_yaml: bool, pages: bool
) -> Iterator[Parsed | Problem]:
    """Each file's outcome, in order: from the cache, or parsed (in parallel if many)."""
    outcomes: dict[Path, Parsed | Problem] = {}
    pending: list[tuple[Path, str]] = []
    for path in files:
        try:
            key = source_key(path.name, path.read_bytes())
        except OSError as error:
            outcomes[path] = Problem(str(path), 1, f"cannot read: {error.strerror}")
            continue
        cached = cache.get(key) if cache else None
        if cached is None:
            pending.append((path, key))
        else:
            documents, warnings, cached_pages = cached
            none: list[str | None] = [None] * len(documents)
            outcomes[path] = Parsed(documents, warnings, key, none, cached_pages, cached=True)
    folder = cache.folder if cache else None
    job = partial(parse_file, folder=folder, dump_yaml=dump_yaml, pages=pages)
    with contextlib.ExitStack() as stack:
        if workers > 1 and len(pending) >= PARALLEL_FROM:
            pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
            parsed = stack.enter_context(pool).map(job, pending, chunksize=8)
        else:
            parsed = map(job, pending)
        for path in files:
            yield outcomes[path] if path in outcomes else next(parsed)


def parse_file(
    source: tuple[Path, str], folder: Path | None, dump_yaml: bool, pages: bool
) -> Parsed | Problem:
    """Parse one file (and keep it in the cache in ``folder``); run in a worker if many."""
    path, key = source
    warnings = Warnings()
    try:
        documents = parse_lines(
            normalise(decode(path.read_bytes(), str(path))), path.name, warnings
        )
    except SourceError as error:
        return error.problem
    except OSError as error:
        return Problem(str(path), 1, f"cannot read: {error.strerror}")
    search_pages = [search.search_page(d).encode() if pages else None for d in documents]
    yaml = [dumped(document) if dump_yaml else None for document in documents]
    if folder:
        documents = [stored(d, link.document_links(d)) for d in documents]
        ParseCache(folder).put(key, (documents, warnings.items, search_pages))
    return Parsed(documents, warnings.items, key, yaml, search_pages)


def dumped(document: Document) -> str | None:
    """The YAML of a document; None if it fails the schema (write_yaml then says why)."""
    try:
        return store.dump(document)
    except store.SchemaError:
        return None


def write_yaml(
    documents: list[Document],
    out: Path,
    digests: dict[str, str] | None = None,
    dumped: dict[str, str] | None = None,
) -> int:
    """Replace ``out`` with one YAML file per document, all or nothing; returns the files written.

    Everything is rendered and validated before the folder is touched; the new
    folder is written beside it and swapped in, so a failure leaves the old one.
    A document whose digest is the one recorded in ``out`` is linked, not dumped
    again; ``dumped`` holds YAML already made, by document id (see parse_sources).
    """
    before = read_manifest(out / MANIFEST)
    after = {document.id: (digests or {}).get(document.id, "") for document in documents}
    fresh = [d for d in documents if not after[d.id] or before.get(d.id) != after[d.id]]
    made = dumped or {}
    texts = {f"{d.id}.yaml": made.get(d.id) or store.dump(d) for d in fresh}
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        for document in documents:
            name = f"{document.id}.yaml"
            if name in texts or not reuse(out / name, staging / name):
                (staging / name).write_text(texts.get(name) or store.dump(document), "utf-8")
        (staging / MANIFEST).write_text(json.dumps(after), encoding="utf-8")
        swap_in(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return len(texts)


def swap_in(new: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)


@dataclass
class SiteReport:
    pages: int
    rendered: int  # pages rendered and changed, not linked from the previous build
    clauses: int
    citations: int


def build_site(
    documents: list[Document],
    site: Path,
    *,
    digests: dict[str, str] | None = None,
    work: Path = WORK,
    stages: Stages | None = None,
    config: Path = ROOT / "mkdocs.yml",
    alongside: Callable[[], None] | None = None,
    records: list[search.Record] | None = None,
) -> SiteReport:
    """Render the docs folder, run mkdocs and index for search, replacing ``site`` only on success.

    The docs folder is kept in ``work/docs``: ``mkdocs serve`` works from it, and
    the next build reuses its pages whose inputs did not change. ``alongside``
    is work for this process while Pagefind starts indexing (the command line
    writes the YAML there); if it raises, nothing is replaced. ``records`` are
    the documents' search records if the parse made them.
    """
    from .render import render_docs

    stages = stages or Stages(None)
    with stages.run("link"):
        collection = link.Collection(documents)
    site.parent.mkdir(parents=True, exist_ok=True)
    # Absolute, because mkdocs reads relative paths from mkdocs.yml's folder.
    staging = Path(tempfile.mkdtemp(prefix=".build-", dir=site.parent)).resolve()
    try:
        docs, built, bundle = staging / "docs", staging / "site", staging / "pagefind"
        with stages.run("search"):
            records = records or search.records(documents)
            indexing = search.Indexing(records, staging / "search-pages", bundle)
        # Pagefind indexes on the cores that the YAML, render and mkdocs leave free.
        with indexing:
            if alongside:
                alongside()
            with stages.run("render", unit="pages") as progress:
                pages, rendered = render_docs(collection, docs, digests, work / "docs", progress)
            with stages.run("mkdocs"):
                run_mkdocs(config, docs, built, site, work / "docs")
            with stages.run("search"):  # what is left of indexing once mkdocs is done
                indexing.wait()
            os.replace(bundle, built / "pagefind")
        (work / "docs" / SITE_MARK).unlink(missing_ok=True)  # the two swaps are not one step
        swap_in(built, site)
        swap_in(docs, work / "docs")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return SiteReport(pages, rendered, collection.clauses, len(collection.references))


SITE_MARK = ".site.json"  # in the docs folder: the site built from it, and with what


def run_mkdocs(config: Path, docs: Path, built: Path, site: Path, previous: Path) -> None:
    """Build ``docs`` into ``built`` with mkdocs; only the pages that changed, if it can.

    If ``site`` was built from the ``previous`` docs folder, with the same theme,
    overrides and mkdocs.yml, it is hard-linked into ``built`` and mkdocs builds
    "dirty": only the pages whose source is newer than their page in the site.
    (Unchanged pages of the docs folder are hard links to the previous ones, so
    their times are those of the build that wrote them.) What mkdocs will write
    is unlinked first, so that no write reaches the site being served.
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    loaded = load_config(str(config), docs_dir=str(docs), site_dir=str(built))
    mark = {"site": str(site.resolve()), "inputs": mkdocs_inputs(config, loaded.theme.custom_dir)}
    dirty = read_manifest(previous / SITE_MARK) == mark and site.is_dir()
    if dirty:
        link_previous_site(site, built, docs, previous)
    quiet = QuietDirty()
    logging.getLogger("mkdocs.commands.build").addFilter(quiet)
    try:
        mkdocs_build(loaded, dirty=dirty)
    finally:
        logging.getLogger("mkdocs.commands.build").removeFilter(quiet)
    (docs / SITE_MARK).write_text(json.dumps(mark), encoding="utf-8")


def mkdocs_inputs(config: Path, overrides_folder: str | None) -> str:
    """What every page mkdocs makes depends on: our code and templates, mkdocs.yml,
    the theme's overrides, and the versions of mkdocs and its theme."""
    from importlib.metadata import version

    folder = Path(overrides_folder) if overrides_folder else None
    overrides = sorted(p for p in folder.rglob("*") if p.is_file()) if folder else []
    contents = [
        config.read_text(encoding="utf-8"),
        *(p.read_text(encoding="utf-8") for p in overrides),
    ]
    return digest(code_version(), version("mkdocs"), version("mkdocs-material"), *contents)


def link_previous_site(site: Path, built: Path, docs: Path, previous: Path) -> None:
    """The previous site (less its search bundle) hard-linked into ``built``, less the
    pages and files mkdocs will write again, or that are gone from the docs folder."""
    from .render import MANIFEST as PAGES

    shutil.copytree(
        site,
        built,
        copy_function=link_or_copy,
        ignore=lambda folder, _: ["pagefind"] if Path(folder) == site else [],
    )
    for source in docs.rglob("*"):
        if source.is_file() and not source.name.startswith("."):
            output = built / output_path(source.relative_to(docs))
            if output.exists() and output.stat().st_mtime < source.stat().st_mtime:
                output.unlink()  # mkdocs' own test for a dirty build
    gone = read_manifest(previous / PAGES).keys() - read_manifest(docs / PAGES).keys()
    for page in gone:
        if page.endswith(".md"):
            (built / output_path(Path(page))).unlink(missing_ok=True)
    for template in ("404.html", "sitemap.xml", "sitemap.xml.gz"):  # mkdocs writes these always
        (built / template).unlink(missing_ok=True)


def output_path(source: Path) -> Path:
    """Where mkdocs (``use_directory_urls``) writes a file of the docs folder."""
    if source.suffix != ".md":
        return source
    if source.stem == "index":
        return source.with_suffix(".html")
    return source.with_suffix("") / "index.html"


class QuietDirty(logging.Filter):
    """Drops mkdocs' warning that a dirty build may leave navigation stale: our
    navigation is fixed in mkdocs.yml, and the warning would fail a strict build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build")
