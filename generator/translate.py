"""The site's own words in each language it is read in.

The templates, and the HTML the generator writes, are in Chinese, where the site
began; ``theme/translations/<code>.yaml`` gives each Chinese phrase in another
language. A phrase with no translation stops the build, naming the phrase and the
file to add it to, rather than showing Chinese on an English page
(``tests/test_translate.py`` checks every phrase of the templates beforehand).

Templates mark phrases as Jinja's i18n extension does (``{% trans %}``,
``_("…")``); Python calls ``gettext(language)`` directly.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import yaml

from .model import Language
from .names import ROOT_LANGUAGE

TRANSLATIONS = Path(__file__).resolve().parent.parent / "theme" / "translations"

# The languages the site's own pages (index, cross-references, matrix, about) are
# written in. A document in another language still gets its page, in these words.
SITE_LANGUAGES: tuple[Language, ...] = ("zh", "en")

# Each language by its own name, as a language switch offers it.
OWN_NAMES: dict[Language, str] = {
    "zh": "中文",
    "en": "English",
    "fr": "Français",
    "es": "Español",
    "ru": "Русский",
    "ar": "العربية",
}

# Material's own words (search box, buttons) come with the theme: its code per language.
MATERIAL_LANGUAGES: dict[Language, str] = {"zh": "zh", "en": "en"}


class MissingTranslation(Exception):
    """A phrase of the site has no translation in a language it is written in."""


@cache
def catalogue(language: Language) -> dict[str, str | dict[str, str]]:
    """Chinese phrase → its translation (a plural one: ``{one: …, other: …}``)."""
    path = TRANSLATIONS / f"{language}.yaml"
    loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    assert isinstance(loaded, dict), f"{path}: a mapping of Chinese phrases"
    return loaded


def gettext(language: Language) -> Callable[[str], str]:
    """A phrase in ``language``: Chinese as it is, others from the catalogue."""
    if language == ROOT_LANGUAGE:
        return str
    words = catalogue(language)

    def translated(message: str) -> str:
        found = words.get(message)
        if found is None:
            file = TRANSLATIONS.name + f"/{language}.yaml"
            raise MissingTranslation(f"theme/{file} has no translation of {message!r}")
        return found if isinstance(found, str) else found["other"]

    return translated


def ngettext(language: Language) -> Callable[[str, str, int], str]:
    """A phrase with a count (``{% trans count=n %}…{% pluralize %}…``) in ``language``:
    Chinese has one form; a catalogue gives ``{one: …, other: …}``."""
    if language == ROOT_LANGUAGE:
        return lambda singular, plural, n: singular if n == 1 else plural
    words = catalogue(language)
    single = gettext(language)

    def translated(singular: str, plural: str, n: int) -> str:
        found = words.get(singular)
        if isinstance(found, dict):
            return found["one"] if n == 1 else found["other"]
        return single(singular)

    return translated
