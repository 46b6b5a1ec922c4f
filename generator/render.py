"""Documents → a plain docs folder (Markdown pages with explicit ids) for mkdocs.

The folder needs no plugin of ours, so any mkdocs successor can build it.
Templates live in ``theme/``; Jinja runs with autoescaping and StrictUndefined,
so text from the documents is always escaped and a missing field fails loudly.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from .model import Clause, Document, Revision

THEME = Path(__file__).resolve().parent.parent / "theme"

BODY_NAMES = {
    "pp": "全权代表大会",
    "wtsa": "世界电信标准化全会",
    "wtdc": "世界电信发展大会",
    "itu-r": "无线电通信全会",
    "council": "理事会",
}
FOOTNOTE_MARKER = re.compile(r"\[\^(?P<id>\w+)\]")


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(THEME),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["revision_text"] = revision_text
    env.globals.update(
        label_text=label_text,
        clause_text=clause_text,
        revision_text=revision_text,
        clause_list=lambda clauses: clause_list(env, clauses),
    )
    return env


def label_text(label: str) -> str:
    """How a label reads: ``a)``, ``iv)``, ``(i)``, ``12``, ``2.4``, ``•``."""
    return f"{label})" if label.isalpha() and label.isascii() else label


def clause_text(text: str) -> Markup:
    """Escaped clause text, footnote markers made links."""
    escaped = str(escape(text))
    return Markup(
        FOOTNOTE_MARKER.sub(
            lambda m: f'<sup id="fnref-{m["id"]}"><a href="#fn-{m["id"]}">{m["id"]}</a></sup>',
            escaped,
        )
    )


def revision_text(revision: Revision) -> str:
    return f"{revision.year}年" + (f"，{revision.place}" if revision.place else "")


def clause_list(env: Environment, clauses: tuple[Clause, ...]) -> Markup:
    return Markup(env.get_template("clauses.html.j2").render(clauses=clauses))


def title_line(document: Document) -> str:
    """The page title: ``全权代表大会第140号决议（2022年，布加勒斯特）``."""
    if document.kind == "report" or document.body is None:
        return document.title
    revision = f"（{revision_text(document.revision)}）" if document.revision else ""
    return f"{BODY_NAMES[document.body]}第{document.number}号决议{revision}"


def render_docs(documents: list[Document], docs: Path) -> None:
    """Write the docs folder: a page per document, the home page, the index."""
    env = environment()
    docs.mkdir(parents=True)
    template = env.get_template("document.md.j2")
    for document in documents:
        page = template.render(document=document, title_line=title_line(document))
        (docs / f"{document.id}.md").write_text(page, encoding="utf-8")
    index = env.get_template("resolutions.md.j2").render(documents=documents, title_line=title_line)
    (docs / "resolutions.md").write_text(index, encoding="utf-8")
    (docs / "index.md").write_text(env.get_template("index.md.j2").render(count=len(documents)))
    shutil.copytree(THEME / "assets", docs / "assets")
