"""The site's own words in English: every phrase of the templates has its English in
theme/translations/en.yaml and every entry there is used; English pages show no Chinese
but the documents' own text (marked lang="zh"); the Chinese pages keep their words."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import lxml.html
import pytest
import yaml
from jinja2 import Environment

from generator.translate import TRANSLATIONS

from .conftest import ROOT, page

THEME = ROOT / "theme"
CATALOGUE = TRANSLATIONS / "en.yaml"
PLACEHOLDER = re.compile(r"%\((?P<name>\w+)\)s")
# Han characters and the full-width punctuation of Chinese text (、，：；（）“” are
# Chinese only in their full-width forms, 。and 《》 always).
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


def template_messages() -> dict[str, tuple[str, bool, set[str]]]:
    """Each message of theme/*.j2 → (the first template having it, whether it has a
    count, the values put in its forms)."""
    env = Environment(extensions=["jinja2.ext.i18n"], trim_blocks=True, lstrip_blocks=True)
    found: dict[str, tuple[str, bool, set[str]]] = {}
    for path in sorted(THEME.glob("*.j2")):
        for _, function, message in env.extract_translations(env.parse(path.read_text())):
            # A phrase that is a value (_(name), a name from generator/tables.py) is None.
            given = message if isinstance(message, tuple) else (message,)
            texts = [text for text in given if isinstance(text, str)]
            if texts and texts[0] not in found:
                values = {name for text in texts for name in PLACEHOLDER.findall(text)}
                found[texts[0]] = (path.name, function == "ngettext", values)
    return found


class UniqueKeyLoader(yaml.SafeLoader):
    """A loader that refuses a phrase given twice (as two merged blocks could)."""


def mapping_without_duplicates(loader: UniqueKeyLoader, node: yaml.MappingNode) -> dict:
    keys = [loader.construct_object(key) for key, _ in node.value]
    twice = {key for key in keys if keys.count(key) > 1}
    assert not twice, f"{CATALOGUE.name} gives these phrases twice: {twice}"
    return loader.construct_mapping(node)


UniqueKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping_without_duplicates
)


def catalogue() -> dict[str, str | dict[str, str]]:
    return yaml.load(CATALOGUE.read_text(encoding="utf-8"), Loader=UniqueKeyLoader)


def forms(english: str | dict[str, str]) -> list[str]:
    return [english] if isinstance(english, str) else [english["one"], english["other"]]


def test_every_template_message_has_its_english() -> None:
    messages, english = template_messages(), catalogue()
    assert len(messages) > 150  # the extraction read the templates
    missing = [message for message in messages if message not in english]
    assert not missing, f"no English in {CATALOGUE.name} for: {missing}"
    for message, (template, counted, values) in messages.items():
        translation = english[message]
        assert isinstance(translation, dict) == counted, (template, message)
        for form in forms(translation):
            # The same values put in, and a literal % written %% as in the message.
            assert set(PLACEHOLDER.findall(form)) <= values, form
            assert "%" not in PLACEHOLDER.sub("", form).replace("%%", ""), form
            assert not CJK.search(
                PLACEHOLDER.sub("", re.sub(r'<span lang="zh">.*?</span>', "", form))
            ), form


def test_every_entry_of_the_catalogue_is_used() -> None:
    """A phrase no template and no generator module has any more is dead weight."""
    used = set(template_messages())
    strings = {  # every string constant of the generator's code (a split literal is one)
        node.value
        for path in (ROOT / "generator").glob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    # and the theme's own templates (site_overrides/), through the hook's ``translated``
    overrides = [p.read_text(encoding="utf-8") for p in (ROOT / "site_overrides").rglob("*.html")]
    sources = "\n".join([*strings, *overrides, (ROOT / "mkdocs.yml").read_text(encoding="utf-8")])
    unused = [phrase for phrase in catalogue() if phrase not in used and phrase not in sources]
    assert not unused, f"{CATALOGUE.name} translates phrases nothing uses: {unused}"


# --- The built site ------------------------------------------------------------------

# Attributes that people read (as a tooltip, a placeholder, a label of a phone's card).
SHOWN_ATTRIBUTES = ("title", "placeholder", "data-label", "data-line")


def chinese_outside_documents(html: str) -> list[str]:
    """The Chinese in the page's content (Material's header and navigation aside) outside
    elements marked as in another language: the documents' titles and text."""
    (content,) = lxml.html.fromstring(html).find_class("md-content")
    found: list[str] = []

    def walk(element: lxml.html.HtmlElement) -> None:
        if element.get("lang", "en") != "en":
            return
        texts = [element.text] + [element.get(name) for name in SHOWN_ATTRIBUTES]
        found.extend(text for text in texts if text and CJK.search(text))
        for child in element:
            walk(child)
            if child.tail and CJK.search(child.tail):
                found.append(child.tail)

    walk(content)
    return found


@pytest.mark.parametrize(
    ("path", "phrase"),
    [
        ("en", "ITU resolutions: WSIS and the 2030 Agenda"),
        ("en/about", "Exports of tracked changes"),
        ("en/matrix", "Action lines by document"),
        ("en/cross-references", "one page per body adopting resolutions"),
        pytest.param(
            "en/search",
            "Search resolutions, numbers or clauses",
            marks=pytest.mark.xfail(
                strict=True,
                reason="the filters' names and values come from generator/search.py, "
                "which is being made language-aware apart from the templates",
            ),
        ),
    ],
)
def test_english_pages_show_no_chinese_but_the_documents(
    site: Path, path: str, phrase: str
) -> None:
    html = page(site, path)
    assert phrase in html
    assert chinese_outside_documents(html) == []


def test_document_text_on_an_english_page_says_it_is_chinese(site: Path) -> None:
    """Titles and clause text keep their language, for screen readers and fonts."""
    html = page(site, "en/matrix/c5")
    quoted = lxml.html.fromstring(html).xpath("//blockquote")
    chinese = [quote for quote in quoted if CJK.search(quote.text_content())]
    assert chinese and all(quote.get("lang") == "zh" for quote in chinese)
    english = [quote for quote in quoted if quote not in chinese]
    assert english and all(quote.get("lang") is None for quote in english)  # the page's own


@pytest.mark.parametrize(
    ("path", "phrase"),
    [
        ("", "本站收录国际电联关于信息社会世界峰会（WSIS）"),
        ("resolutions", "本站收录的决议和报告（78 份）"),
        ("cross-references", "按通过决议的机构分页"),
        ("cross-references/pp", "其他机构和未收录的决议"),
        ("cross-references/outside", "按被引用处数排列"),
        ("matrix", "本页有两张表。"),
        ("matrix/c5", "在决议索引中筛选"),
        ("about", "带修订标记的导出"),
        ("search", "搜索决议、编号或条款"),
        ("works/pp-140", "全权代表大会第140号决议：版本和提案"),
        ("pp-140-2022-eur-44a15-1", "这是一份提案，不是大会通过的文本。"),
    ],
)
def test_chinese_pages_keep_their_words(site: Path, path: str, phrase: str) -> None:
    html = page(site, path)
    assert phrase in html
    assert 'lang="zh"' not in html.split('<div class="md-content"')[1]  # its own language


def test_a_compare_page_keeps_its_words(site: Path) -> None:
    compared = next((site / "compare").glob("*/*/index.html"))
    assert "条款按内容对齐，不按编号" in compared.read_text(encoding="utf-8")
