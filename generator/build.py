"""The pipeline: read → parse → link → write YAML → render → api → mkdocs → publish,
and search.

``build`` is its table of contents. Each stage is a function from one value to
the next; the incremental layer (``generator/incremental``) only hands some of
them a memo, and a fresh build hands them none.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from . import incremental
from .api import write_api
from .errors import Problem
from .folders import Staging
from .link import link
from .parse import Parsed, parse_sources
from .progress import Stages
from .read import read_sources
from .registry import keep_published, read_registry, write_redirect, write_registry
from .render import render
from .search import start_indexing
from .site import build_site
from .store import write_yaml

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"
WORKERS = os.cpu_count() or 1


@dataclass(frozen=True)
class Options:
    sources: list[Path]
    out: Path  # the YAML
    site: Path
    build_dir: Path  # the docs folder mkdocs builds from, and the caches
    fresh: bool = False  # build everything again, reading no cache
    strict: bool = False  # fail on warnings
    registry: Path | None = None  # the pages published so far (registry.py); None: none kept
    keep_aliases: bool = False  # alias published addresses whose text is gone, not fail


@dataclass(frozen=True)
class Report:
    parsed: Parsed
    yaml_written: int
    pages: int = 0
    rendered: int = 0  # pages rendered and changed, not kept from the previous build
    clauses: int = 0
    citations: int = 0


def build(options: Options, stages: Stages) -> Report | None:
    """Parse the sources, write their YAML and build the site; None (after saying why)
    if a source has errors, or warnings under ``strict``. The site is replaced only
    if everything succeeds."""
    parsed = read_and_parse(options, stages)
    return None if parsed is None else build_from(parsed, options, stages)


def build_from(parsed: Parsed, options: Options, stages: Stages) -> Report:
    """Everything after the parse: link, write the YAML, render, build the site, index."""
    docs_target = options.build_dir / "docs"
    # Entering finishes publishing a build that was killed doing so, before the
    # memos read what it published.
    with Staging(options.build_dir / "publishing.json") as staging:
        memos = (
            incremental.NONE
            if options.fresh
            else incremental.memos(parsed, options.out, options.site, options.build_dir, CONFIG)
        )
        with stages.run("link"):
            collection = link(parsed.documents, memos.alignments)
        with stages.run("aliases"):  # before anything is written: it may refuse the build
            published = read_registry(options.registry) if options.registry else {}
            kept = keep_published(published, collection, options.keep_aliases)
        yaml, docs, built = map(staging.folder, (options.out, docs_target, options.site))
        # Pagefind indexes in the background, on the cores the stages below leave free.
        with stages.run("search"):
            search = start_indexing(collection, staging.folder(options.build_dir / "search"))
        with search:
            with stages.run("yaml"):
                written = write_yaml(collection.documents(), yaml, memos.yaml)
            with stages.run("render", unit="pages") as progress:
                pages = render(collection, docs, memos.pages, progress, kept.anchors)
                for old, new in kept.redirects.items():
                    write_redirect(docs, old, new)
            with stages.run("api"):
                write_api(collection, docs / "api")
            with stages.run("mkdocs"):
                build_site(docs, built, CONFIG, memos.site)
            with stages.run("search"):
                search.finish(built)
        with stages.run("publish"):
            staging.publish(options.out, options.site, docs_target)
            if memos.alignments:
                memos.alignments.save()
            if options.registry:
                write_registry(options.registry, kept.registry)
    for address in kept.moved:
        print(f"warning: /{address} now shows another text than it did", file=sys.stderr)
    rendered = memos.pages.rendered if memos.pages else pages
    return Report(parsed, written, pages, rendered, collection.clauses, len(collection.references))


def read_and_parse(options: Options, stages: Stages) -> Parsed | None:
    """The read and parse stages; None, after printing the problems, if they failed."""
    sources, unreadable = read_sources(options.sources)
    cache = None if options.fresh else incremental.ParseCache(options.build_dir / "cache" / "parse")
    with stages.run("parse", total=len(sources), unit="files") as progress:
        parsed = parse_sources(sources, WORKERS, cache, progress)
    parsed.errors[:0] = unreadable
    print_problems(parsed)
    if parsed.errors or (options.strict and parsed.warnings):
        failed = "errors" if parsed.errors else "warnings (--strict)"
        print(f"not written: {failed}; nothing was changed", file=sys.stderr)
        return None
    if cache:
        cache.prune()
    return parsed


SHOWN_WARNINGS = 20  # a large corpus can have thousands; the first ones show the pattern


def print_problems(parsed: Parsed) -> None:
    warnings: list[Problem] = parsed.warnings
    for warning in warnings[:SHOWN_WARNINGS]:
        print(f"warning: {warning}", file=sys.stderr)
    if len(warnings) > SHOWN_WARNINGS:
        print(f"… and {len(warnings) - SHOWN_WARNINGS} more warnings", file=sys.stderr)
    for error in parsed.errors:
        print(f"error: {error}", file=sys.stderr)
