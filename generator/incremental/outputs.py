"""Output files of the previous build, reused where verified: the YAML and the site."""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

from ..model import Document
from ..names import output_path
from ..store import yaml_name
from .files import (
    bytes_digest,
    code_version,
    digest,
    read_manifest,
    reuse_verified,
    write_json,
)


class YamlMemo:
    """A document's YAML file is kept from the previous output folder when the document's
    digest is the one recorded beside it, and the file's bytes are those written then."""

    MANIFEST = ".digests.json"

    def __init__(self, previous: Path, digests: dict[str, str]) -> None:
        self.previous = previous
        self.digests = digests
        self.before = read_manifest(previous / self.MANIFEST)
        self.after: dict[str, list[str]] = {}

    def reuse(self, document: Document, target: Path) -> bool:
        kept = self.before.get(document.id)
        if not (isinstance(kept, list) and len(kept) == 2 and kept[0] == self.digests[document.id]):
            return False
        if not reuse_verified(self.previous / yaml_name(document), target, kept[1]):
            return False
        self.after[document.id] = kept
        return True

    def made(self, document: Document, data: bytes) -> None:
        self.after[document.id] = [self.digests[document.id], bytes_digest(data)]

    def save(self, folder: Path) -> None:
        write_json(folder / self.MANIFEST, self.after)


class SiteMemo:
    """The previous site, so that mkdocs builds only the pages that changed ("dirty").

    The docs folder records (``MARK``) the site built from it, what every page of
    that site depended on beyond its own source (code, theme overrides, mkdocs.yml,
    versions of mkdocs and its theme), and the digest of each file of the site.
    Where all of that still holds, each previous file whose bytes are as recorded is
    hard-linked into the new site; mkdocs then builds a page only if its source in
    the docs folder is newer than its file in the site, or the file is missing.
    """

    MARK = ".site.json"

    def __init__(self, site: Path, previous_docs: Path, config: Path) -> None:
        self.site = site
        self.config = config
        self.inputs = ""
        self.before = read_manifest(previous_docs / self.MARK)
        self.kept: dict[str, str] = {}

    def link_previous(self, built: Path, docs: Path, overrides: Path | None) -> bool:
        """Link the previous site's verified files into ``built``, less those mkdocs will
        write again; False if the previous site cannot be reused at all."""
        self.inputs = site_inputs(self.config, overrides)
        files = self.before.get("files")
        usable = (
            self.before.get("site") == str(self.site.resolve())
            and self.before.get("inputs") == self.inputs
            and self.site.is_dir()
        )
        if not usable or not isinstance(files, dict):
            return False
        sources = {
            output_path(p.relative_to(docs).as_posix()): p
            for p in docs.rglob("*")
            if p.is_file() and not p.name.startswith(".")
        }
        for name, recorded in files.items():
            source = sources.get(name)
            if name in ALWAYS_WRITTEN or (source is None and is_page(name)):
                continue  # written again anyway, or a page gone from the docs folder
            if source is not None and newer(source, self.site / name):
                continue  # mkdocs' own test for a dirty build: it will write it again
            target = built / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if reuse_verified(self.site / name, target, recorded):
                self.kept[name] = recorded
        return True

    def record(self, built: Path, docs: Path) -> None:
        """Mark ``docs`` with the site mkdocs just built from it into ``built``."""
        files = {}
        for path in built.rglob("*"):
            name = path.relative_to(built).as_posix()
            if path.is_file():
                kept = self.kept.get(name)  # verified when linked, and mkdocs left it
                files[name] = kept or bytes_digest(path.read_bytes())
        mark = {"site": str(self.site.resolve()), "inputs": self.inputs, "files": files}
        write_json(docs / self.MARK, mark)


# mkdocs writes these in every build, dirty or not.
ALWAYS_WRITTEN = frozenset({"404.html", "sitemap.xml", "sitemap.xml.gz"})


def is_page(name: str) -> bool:
    return name == "index.html" or name.endswith("/index.html")


def newer(source: Path, output: Path) -> bool:
    try:
        return output.stat().st_mtime < source.stat().st_mtime
    except OSError:
        return True


def site_inputs(config: Path, overrides: Path | None) -> str:
    """What every page mkdocs makes depends on beyond its source: our code and
    templates, mkdocs.yml, the theme's overrides, and the versions of mkdocs and its theme."""
    files = sorted(p for p in overrides.rglob("*") if p.is_file()) if overrides else []
    contents = [config.read_text(encoding="utf-8"), *(p.read_text("utf-8") for p in files)]
    return digest(code_version(), version("mkdocs"), version("mkdocs-material"), *contents)
