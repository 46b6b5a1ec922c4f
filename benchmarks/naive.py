"""The benchmark's baseline: the same documents built the plain mkdocs-material way.

``python -m benchmarks.naive SOURCES SITE`` parses the sources (with our
parser: the baseline is about building, not parsing), writes each document as
a Markdown page (headings, then its clauses as nested lists), lists every page
in the nav, and builds with mkdocs-material's built-in search set to Chinese
(which segments with jieba and ships one index file).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import yaml

from generator.model import Clause, Document
from generator.names import label_text, title_line
from generator.parse import parse_sources
from generator.read import read_sources


def markdown_page(document: Document) -> str:
    lines = [f"# {title_line(document)}", "", document.title, ""]
    for section in document.sections:
        lines += [f"## {section.heading or '正文'}", ""]
        lines += clause_items(section.clauses, depth=0)
        lines.append("")
    return "\n".join(lines)


def clause_items(clauses: tuple[Clause, ...], depth: int) -> list[str]:
    items = []
    for clause in clauses:
        label = f"**{label_text(clause.label)}** " if clause.label else ""
        items.append(f"{'    ' * depth}- {label}{clause.text}")
        items += clause_items(clause.clauses, depth + 1)
    return items


def config(documents: list[Document], docs: Path, site: Path) -> dict[str, object]:
    return {
        "site_name": "ITU resolutions (naive build)",
        "docs_dir": str(docs),
        "site_dir": str(site),
        "theme": {"name": "material", "language": "zh", "font": False},
        "plugins": [{"search": {"lang": "zh"}}],
        "nav": [{"首页": "index.md"}, *({title_line(d): f"{d.id}.md"} for d in documents)],
    }


def build(sources: Path, site: Path) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    documents = parse_sources(read_sources([sources])[0]).documents
    with tempfile.TemporaryDirectory() as folder:
        docs = Path(folder) / "docs"
        docs.mkdir()
        (docs / "index.md").write_text("# ITU resolutions\n", encoding="utf-8")
        for document in documents:
            (docs / f"{document.id}.md").write_text(markdown_page(document), encoding="utf-8")
        config_file = Path(folder) / "mkdocs.yml"
        config_file.write_text(
            yaml.safe_dump(config(documents, docs, site), allow_unicode=True), encoding="utf-8"
        )
        mkdocs_build(load_config(str(config_file)))


if __name__ == "__main__":
    build(Path(sys.argv[1]), Path(sys.argv[2]))
