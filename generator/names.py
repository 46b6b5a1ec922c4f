"""How the site names documents and works, and where each page is served: each rule once.

Pages are files of the docs folder (``pp-140-2022.md``); mkdocs serves each at a
folder URL (``use_directory_urls``): ``served_at`` is that rule, and every URL,
relative link and output path is derived from it.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePath

from .model import LANGUAGES, Document, Language, Proposal, Revision
from .tables import BODIES, BODY_NAMES_IN, BODY_SHORT_NAMES_IN, CONFERENCES


def work_of(document: Document) -> str:
    """The work a document is a version of; a report is a work of its own."""
    return document.work or document.id


# A report's id names its YAML file and its folder of the site: made of its file
# name, it keeps ASCII letters and digits only, and few enough of them for a URL.
REPORT_NAME_MAX = 60
NOT_IN_IDS = re.compile(r"[^a-z0-9]+")


# The collection began in Chinese: its documents keep the ids, and so the addresses,
# they were published at. A text in any other language has its language's code
# before the same id (``en/pp-140-2018``), so its YAML file, page and URL are under
# that code's folder (``/en/pp-140-2018/``), and its id is unique in the collection.
ROOT_LANGUAGE: Language = "zh"


def in_language(name: str, language: Language) -> str:
    """A document's id from the id of its text, the same in every language; or a page
    of the site's from its Chinese path (``en/about.md``)."""
    return name if language == ROOT_LANGUAGE else f"{language}/{name}"


def split_language(document_id: str) -> tuple[Language, str]:
    """(language, text id) of a document id: ``en/pp-140-2018`` → (en, pp-140-2018).
    Documents with the same text id are language versions of each other."""
    code, _, rest = document_id.partition("/")
    if rest and code in LANGUAGES:
        return code, rest
    return ROOT_LANGUAGE, document_id


def text_id(document: Document) -> str:
    """The id of a document's text, the same in every language (``pp-140-2018``)."""
    return split_language(document.id)[1]


def report_id(file_name: str, language: Language = ROOT_LANGUAGE) -> str | None:
    """``report-002`` for ``002_3e41bc2e18e49520.txt`` (the name up to its first ``_``),
    ``report-wsis-resume`` for ``WSIS Résumé.txt``; None for a name without a Latin
    letter or digit there."""
    stem = PurePath(file_name).stem
    name = stem.removesuffix(f".{language}").split("_")[0]  # wsis.en.txt states its language
    latin = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    slug = NOT_IN_IDS.sub("-", latin)[:REPORT_NAME_MAX].strip("-")
    return in_language(f"report-{slug}", language) if slug else None


def resolution_id(
    work: str,
    revision: Revision | None,
    proposal: Proposal | None,
    language: Language = ROOT_LANGUAGE,
) -> str:
    """``pp-140-2018`` for an adopted text; a proposal's names the year of the
    conference it is sent to and its reference (``pp-140-2022-eur-44a15-1``), so that
    it cannot take the id of the text that conference adopts."""
    if proposal is None:
        return in_language(f"{work}-{revision.year if revision else 'undated'}", language)
    year = proposal.conference.year if proposal.conference else "undated"
    reference = NOT_IN_IDS.sub("-", proposal.ref.lower()).strip("-") if proposal.ref else ""
    return in_language(f"{work}-{year}-{reference or 'proposal'}", language)


def document_year(document: Document) -> int | None:
    """The year a document belongs to: its revision's, or for a proposal the year of
    the conference it is sent to (what the index filters and sorts by)."""
    proposal = document.proposal
    when = proposal.conference if proposal else document.revision
    return when.year if when else None


def split_work(work: str) -> tuple[str | None, str]:
    """``itu-r-61`` → (``itu-r``, ``61``); ``unga-70/125`` → (``unga``, ``70/125``)."""
    for body in sorted(BODIES, key=len, reverse=True):
        if work.startswith(f"{body}-"):
            return body, work[len(body) + 1 :]
    return None, work


def label_text(label: str) -> str:
    """How a label reads: ``a)``, ``iv)``, ``(i)``, ``12``, ``2.4``, ``•``."""
    return f"{label})" if label.isalpha() and label.isascii() else label


# Each conference place in each language, from either (迪拜 → Dubai, Dubai → 迪拜).
PLACE_IN: dict[str, dict[str, str]] = {
    place: {"zh": conference.zh, "en": conference.en}
    for conference in CONFERENCES
    for place in (conference.zh, conference.en)
}


def same_place(one: str, other: str) -> bool:
    """Whether two places are one, whichever language each is written in (迪拜, Dubai)."""
    return PLACE_IN.get(one, {}).get("en", one) == PLACE_IN.get(other, {}).get("en", other)


def revision_text(revision: Revision, language: Language = ROOT_LANGUAGE) -> str:
    """``2018年，迪拜`` in Chinese, ``Dubai, 2018`` in English, whichever language the
    document that named the place wrote it in (a place no table knows stays as it is)."""
    place = revision.place and PLACE_IN.get(revision.place, {}).get(language, revision.place)
    if language == ROOT_LANGUAGE:
        return f"{revision.year}年" + (f"，{place}" if place else "")
    return (f"{place}, " if place else "") + str(revision.year)


# How each kind of text is named after its number, in each language.
KIND_WORDS: dict[str, dict[Language, str]] = {
    "resolution": {"zh": "决议", "en": "Resolution"},
    "decision": {"zh": "决定", "en": "Decision"},
    "recommendation": {"zh": "建议", "en": "Recommendation"},
}

# Bodies whose texts English names by the body first (``UNGA Resolution 70/125``,
# ``Council Resolution 1332``); a conference's come "of the Plenipotentiary Conference".
NAMED_FIRST = ("council", "unga", "unesco")


def text_name(
    body: str | None,
    number: str,
    language: Language = ROOT_LANGUAGE,
    kind: str = "resolution",
    revision: str = "",
) -> str:
    """``全权代表大会第140号决议（2018年，迪拜）``, ``Resolution 140 (Rev. Dubai, 2018) of
    the Plenipotentiary Conference``: a text by its body, number and, if given, the
    revision (``revision``, as ``revision_text`` writes it)."""
    word = KIND_WORDS.get(kind, KIND_WORDS["resolution"])[language]
    name = BODY_NAMES_IN[language].get(body or "", "")
    if language == ROOT_LANGUAGE:
        return f"{name}第{number}号{word}" + (f"（{revision}）" if revision else "")
    text = f"{word} {number}" + (f" ({revision})" if revision else "")
    if body in NAMED_FIRST:
        return f"{BODY_SHORT_NAMES_IN[language][body]} {text}"
    return f"{text} of the {name}" if name else text


def title_line(document: Document, language: Language = ROOT_LANGUAGE) -> str:
    """The page title: ``全权代表大会第140号决议（2022年，布加勒斯特）``; a proposal's
    says so: ``全权代表大会第140号决议（2018年，迪拜）修改提案 EUR/44A15/1``. In English:
    ``Resolution 140 (Rev. Dubai, 2018) of the Plenipotentiary Conference``, ``Proposal
    EUR/44A15/1 to modify …``."""
    if document.kind == "report" or document.body is None or document.number is None:
        return document.title
    proposal = document.proposal
    revision = proposal.base if proposal else document.revision
    when = revision_text(revision, language) if revision else ""
    # ITU's English writes "Rev." before a revision that is not the text's first.
    earlier = revision and any(known.year < revision.year for known in document.history)
    if earlier and language != ROOT_LANGUAGE:
        when = f"Rev. {when}"
    text = text_name(document.body, document.number, language, document.kind, when)
    if proposal is None:
        return text
    reference = f" {proposal.ref}" if proposal.ref else ""
    body = BODY_NAMES_IN[language][document.body]
    if language == ROOT_LANGUAGE:
        if proposal.action == "SUP":
            return f"废止{text}的提案{reference}"
        if proposal.action == "ADD":
            return f"{body}新决议提案{reference}"
        return f"{text}修改提案{reference}"
    if proposal.action == "SUP":
        return f"Proposal{reference} to suppress {text}"
    if proposal.action == "ADD":
        return f"Proposal{reference} for a new resolution of the {body}"
    return f"Proposal{reference} to modify {text}"


def revision_anchor(revision: Revision) -> str:
    """A revision's entry on its work's page: ``revision-2018``."""
    return f"revision-{revision.year}"


def conference_text(body: str, conference: Revision, language: Language = ROOT_LANGUAGE) -> str:
    """``2022年布加勒斯特全权代表大会``; ``the Plenipotentiary Conference (Bucharest, 2022)``."""
    name = BODY_NAMES_IN[language][body]
    if language == ROOT_LANGUAGE:
        return f"{conference.year}年{conference.place or ''}{name}"
    return f"the {name} ({revision_text(conference, language)})"


# --- Pages and URLs -------------------------------------------------------------


def document_page(document_id: str) -> str:
    """A document's page in the docs folder."""
    return f"{document_id}.md"


def work_page(work: str, language: Language = ROOT_LANGUAGE) -> str:
    """The page listing a work's versions (in every language), in ``language``'s words."""
    return in_language(f"works/{work}.md", language)


def compare_page(older: str, newer: str) -> str:
    """The page comparing two documents of a work, in one language, clause by clause:
    ``compare/pp-140-2018/pp-140-2022.md``, ``en/compare/pp-140-2018/pp-140-2022.md``."""
    language, older_text = split_language(older)
    return in_language(f"compare/{older_text}/{split_language(newer)[1]}.md", language)


def search_bundle(language: Language) -> str:
    """Where the search index of a language's documents is: ``pagefind/``, ``en/pagefind/``
    (read by the search box of the pages in that language)."""
    return in_language("pagefind/", language)


def bilingual_page(document_id: str, language: Language = ROOT_LANGUAGE) -> str:
    """The page of a text beside its language versions: ``bilingual/wtsa-75-2022.md``."""
    return in_language(f"bilingual/{split_language(document_id)[1]}.md", language)


def matrix_cell_page(action_line: str, sdg: int, language: Language = ROOT_LANGUAGE) -> str:
    return in_language(f"matrix/{action_line.lower()}-sdg-{sdg}.md", language)


def action_line_page(action_line: str, language: Language = ROOT_LANGUAGE) -> str:
    """The page of every clause naming an action line: ``matrix/c5.md``."""
    return in_language(f"matrix/{action_line.lower()}.md", language)


def served_at(page: str) -> str:
    """The folder URL, from the site root, at which mkdocs serves a page of the docs
    folder: ``pp-140-2022.md`` → ``pp-140-2022/``, ``matrix/index.md`` → ``matrix/``,
    ``index.md`` → ``""``. Other files are served at their own path."""
    if not page.endswith(".md"):
        return page
    folder = page.removesuffix(".md")
    if folder == "index" or folder.endswith("/index"):
        folder = folder.removesuffix("index")
        return folder
    return f"{folder}/"


def output_path(page: str) -> str:
    """The file mkdocs writes for a file of the docs folder."""
    url = served_at(page)
    return f"{url}index.html" if page.endswith(".md") else url


def root_of(page: str) -> str:
    """The way up from a page to the site root, for relative links: ``../`` per folder."""
    return "../" * served_at(page).count("/")


def url(page: str, anchor: str | None = None) -> str:
    """The site-root URL of a page (and an anchor in it): ``/pp-140-2022/#resolves-6-i``."""
    return f"/{served_at(page)}" + (f"#{anchor}" if anchor else "")


def document_url(document_id: str, anchor: str | None = None) -> str:
    return url(document_page(document_id), anchor)


def href(root: str, page: str, anchor: str | None = None) -> str:
    """A relative link to a page from a page whose ``root_of`` is ``root``."""
    return root + url(page, anchor)[1:]
