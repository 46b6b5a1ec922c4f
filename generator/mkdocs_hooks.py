"""mkdocs hook (mkdocs.yml ``hooks:``): pages the generator wrote as finished HTML skip Markdown.

Python-Markdown re-parses raw HTML tag by tag, which was most of the mkdocs
stage, and even a converter that converts nothing costs its making. A page
whose front matter says ``prerendered: true`` is HTML already, so its body goes
to the theme as it is, unconverted.
Without this hook the docs folder still builds, only slower.

It also gives each page its language and its language versions (``page_languages``),
and the theme our words in each language (the ``translated`` filter).

The hook also fails the build on a page whose front matter did not parse, which
mkdocs would publish silently, front matter shown as text; and gives 404.html
links relative to the site root, as every other page has.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from mkdocs.commands.build import get_context
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.toc import get_toc
from mkdocs.utils import is_error_template

from generator.model import LANGUAGES
from generator.names import in_language, search_bundle, split_language
from generator.translate import OWN_NAMES, gettext


def on_page_markdown(markdown: str, page: Any, files: Files, **_: Any) -> str:
    # mkdocs (``utils.meta.get_data``) hands on a page whose front matter its YAML
    # loader rejected as it was, ``---`` first, with no meta and no warning: the page
    # would lose ``prerendered`` and go through Markdown, its front matter as text.
    # Every page of the docs folder opens with front matter, and none of their bodies
    # with a ``---`` rule, so a body starting with one is front matter left unread.
    if markdown.startswith("---"):
        raise PluginError(f"{page.file.src_path}: its front matter is not YAML mkdocs can read")
    page_languages(page, files)
    if page.meta.get("prerendered"):
        page.render = partial(use_as_html, page, markdown)  # instead of Page.render, for this page
    return markdown


def page_languages(page: Any, files: Files) -> None:
    """``page.meta.language``, the language of the page's words, as its path says
    (``en/about.md``; the root is Chinese); and ``page.meta.versions``, the same page in
    each other language that has it: the page at the same path under that language's
    code. For a document, that is the same text in that language (``names.text_id``)."""
    language, path = split_language(page.file.src_uri)
    page.meta["language"] = language
    page.meta["versions"] = [
        {"language": other, "name": OWN_NAMES[other], "url": found.url}
        for other in LANGUAGES
        if other != language and (found := files.get_file_from_path(in_language(path, other)))
    ]


def on_env(env: Any, **_: Any) -> Any:
    """The theme's templates (site_overrides/) get our words in the page's language
    (``{{ "搜索" | translated(page.meta.language) }}``), and where its search index is."""
    env.filters["translated"] = lambda message, language: gettext(language)(message)
    env.globals["search_bundle"] = search_bundle  # the search index of a language's pages
    return env


def use_as_html(page: Any, html: str, *_: Any) -> None:
    """What ``Page.render`` sets, for a body that is finished HTML: its table of contents
    is the ``outline`` of its front matter (``render.outline``), if it has one."""
    page.content = html
    page.toc = get_toc([toc_token(entry, 2) for entry in page.meta.get("outline", [])])
    page.present_anchor_ids = set()


def toc_token(entry: dict[str, Any], level: int) -> Any:
    """An outline entry as Python-Markdown's toc extension gives a heading: its name is
    HTML, escaped by the ``front_matter`` filter (the theme writes it as it is)."""
    return {
        "level": level,
        "id": entry["id"],
        "name": entry["name"],
        "children": [toc_token(child, level + 1) for child in entry.get("children", [])],
    }


def on_template_context(context: Any, template_name: str, config: Any, **_: Any) -> Any:
    """404.html with links relative to the site root, not mkdocs' root-absolute ones.

    Without ``site_url``, mkdocs writes an error page's links from ``/``
    (``_build_template``, mkdocs#1598): a host serves 404.html at whatever URL was
    missing, and only root-absolute links hold at every depth, but only for a site
    at the root of its host, which this site does not assume (links are relative,
    the site works from any folder). No link is right at every missing URL in every
    folder; links from the site root, as mkdocs makes them for its other templates
    (``sitemap.xml``), hold where the file is (opened, linked, checked) and for a
    missing URL at the top of the site's folder (``…/pp-999`` or ``…/x.html``).
    Deeper (``…/pp-999/``), the page shows its text without the site's style.
    """
    if is_error_template(template_name):
        context.update(get_context(context["nav"], context["pages"], config, base_url="."))
    return context
