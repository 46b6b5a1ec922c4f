"""The pipeline, stage by stage: read and parse every source, link, write YAML."""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import link, store
from .errors import Problem, SourceError, Warnings
from .model import Document
from .parse import parse_file

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "content" / "sources"
RESOLUTIONS = ROOT / "content" / "resolutions"
SITE = ROOT / "site"


@dataclass
class ParseReport:
    documents: list[Document] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    warnings: Warnings = field(default_factory=Warnings)


def source_files(paths: list[Path]) -> list[Path]:
    """The ``.txt`` files named, folders expanded, in a stable order."""
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.glob("*.txt")) if path.is_dir() else [path])
    return files


def parse_sources(paths: list[Path]) -> ParseReport:
    """Parse every file; one bad file does not hide problems in the others."""
    report = ParseReport()
    for path in source_files(paths):
        try:
            report.documents.extend(parse_file(path, report.warnings))
        except SourceError as error:
            report.errors.append(error.problem)
        except OSError as error:
            report.errors.append(Problem(str(path), 1, f"cannot read: {error.strerror}"))
    report.documents = link.unique_ids(report.documents)
    return report


def write_yaml(documents: list[Document], out: Path) -> None:
    """Replace ``out`` with one YAML file per document, all or nothing.

    Everything is rendered and validated before the folder is touched; the new
    folder is written beside it and swapped in, so a failure leaves the old one.
    """
    texts = {f"{document.id}.yaml": store.dump(document) for document in documents}
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        for name, text in texts.items():
            (staging / name).write_text(text, encoding="utf-8")
        swap_in(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def swap_in(new: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)


def build_site(documents: list[Document], site: Path, config: Path = ROOT / "mkdocs.yml") -> int:
    """Render the docs folder, run mkdocs and index for search, replacing ``site`` only on success.

    Returns the number of pages built. The docs folder is also kept in
    ``build/docs`` so that ``mkdocs serve`` works for authors.
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from . import search
    from .render import render_docs

    collection = link.Collection(documents)
    site.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".build-", dir=site.parent))
    try:
        docs, built = staging / "docs", staging / "site"
        render_docs(collection, docs)
        mkdocs_build(load_config(str(config), docs_dir=str(docs), site_dir=str(built)))
        search.write_index(search.records(collection), built)
        pages = len(list(built.rglob("index.html")))
        swap_in(built, site)
        swap_in(docs, ROOT / "build" / "docs")
        return pages
    finally:
        shutil.rmtree(staging, ignore_errors=True)
