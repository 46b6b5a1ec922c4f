"""The docs folder → the site, built by mkdocs-material as mkdocs.yml says."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config


class SiteMemo(Protocol):
    """What building the site asks of the previous build (``incremental.SiteMemo``)."""

    def link_previous(self, built: Path, docs: Path, overrides: Path | None) -> bool: ...

    def record(self, built: Path, docs: Path) -> None: ...


def build_site(docs: Path, built: Path, config: Path, memo: SiteMemo | None = None) -> None:
    """Build ``docs`` into the empty folder ``built``.

    With a ``memo``, the previous site's files are linked in first and mkdocs
    builds "dirty": only the pages whose source is newer than their file.
    """
    loaded = load_config(str(config), docs_dir=str(docs), site_dir=str(built))
    overrides = Path(loaded.theme.custom_dir) if loaded.theme.custom_dir else None
    dirty = memo.link_previous(built, docs, overrides) if memo else False
    with mkdocs_messages():
        mkdocs_build(loaded, dirty=dirty)
    if memo:
        memo.record(built, docs)


@contextmanager
def mkdocs_messages() -> Iterator[None]:
    """mkdocs' warnings and errors on stderr, as its command line shows them: called
    as a library it only counts them, and a failed build (an error naming a page, or
    warnings under ``strict: true``) would end the process without a word."""
    shown = logging.StreamHandler(sys.stderr)
    shown.setLevel(logging.WARNING)
    shown.setFormatter(logging.Formatter("mkdocs %(levelname)s: %(message)s"))
    quiet = QuietDirty()
    logging.getLogger("mkdocs").addHandler(shown)
    logging.getLogger("mkdocs.commands.build").addFilter(quiet)
    try:
        yield
    finally:
        logging.getLogger("mkdocs.commands.build").removeFilter(quiet)
        logging.getLogger("mkdocs").removeHandler(shown)


class QuietDirty(logging.Filter):
    """Drops mkdocs' warning that a dirty build may leave navigation stale: our
    navigation is fixed in mkdocs.yml, and the warning would fail a strict build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build")
