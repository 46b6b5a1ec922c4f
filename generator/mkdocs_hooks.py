"""mkdocs hook (mkdocs.yml ``hooks:``): pages the generator wrote as finished HTML skip Markdown.

Python-Markdown re-parses raw HTML tag by tag, which was most of the mkdocs
stage, and even a converter that converts nothing costs its making. A page
whose front matter says ``prerendered: true`` is HTML already, so its body goes
to the theme as it is, unconverted.
Without this hook the docs folder still builds, only slower.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from mkdocs.structure.toc import get_toc


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    if page.meta.get("prerendered"):
        page.render = partial(use_as_html, page, markdown)  # instead of Page.render, for this page
    return markdown


def use_as_html(page: Any, html: str, *_: Any) -> None:
    """What ``Page.render`` sets, for a body that is finished HTML without a table of contents."""
    page.content = html
    page.toc = get_toc([])
    page.present_anchor_ids = set()
