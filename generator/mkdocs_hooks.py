"""mkdocs hooks (mkdocs.yml ``hooks:``): pages the generator wrote as finished HTML skip Markdown.

Python-Markdown re-parses raw HTML tag by tag: at 1,000 resolutions that was
four fifths of the mkdocs stage. A page whose front matter says
``prerendered: true`` is HTML already, so its body goes to the theme as it is.
Without these hooks the docs folder still builds, only slower.
"""

from __future__ import annotations

from typing import Any

_bodies: dict[str, str] = {}  # by source path, between the two events of one page


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    if page.meta.get("prerendered"):
        _bodies[page.file.src_uri] = markdown
        return ""
    return markdown


def on_page_content(html: str, page: Any, **_: Any) -> str:
    return _bodies.pop(page.file.src_uri, html)
