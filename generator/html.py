"""The HTML that Python writes: a section's clauses, with citations and tags as links.

The clause lists are most of every document page; as a recursive Jinja template
they took half of the render stage, so they are written here. Every piece of
document text goes through ``escape``, the one escaping function outside Jinja
(which escapes everything else).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from diff_match_patch import diff_match_patch
from markupsafe import Markup

from .align import proposed
from .link import Collection, Reference, places
from .model import Citation, Clause, Document, Edit, Language, Outcome, every_clause
from .names import (
    action_line_page,
    compare_page,
    document_page,
    href,
    in_language,
    label_text,
    revision_anchor,
    revision_text,
    split_work,
    text_name,
    work_of,
    work_page,
)
from .patterns import FOOTNOTE_MARKER
from .tables import ACTION_LINES_IN, SDGS_IN
from .translate import gettext


def escape(text: str) -> str:
    """What ``markupsafe.escape`` gives, as a plain str for the f-strings here (a Markup
    would escape again what it is joined with)."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&#34;")
        .replace("'", "&#39;")
    )


def plain_html(text: str) -> str:
    """Escaped text with footnote markers ``[^N]`` made links to the footnote."""
    return FOOTNOTE_MARKER.sub(
        lambda m: f'<sup id="fnref-{m["id"]}"><a href="#fn-{m["id"]}">{m["id"]}</a></sup>',
        escape(text),
    )


EDIT_KINDS = {
    "year": "年份",
    "years": "年份",
    "conference": "大会",
    "revision": "版本",
    "place": "地点",
    "label": "编号",
}


def edit_html(kind: str, old: str, new: str, language: Language) -> str:
    """A change shown as one: the base text deleted, the proposal's inserted; the page's
    reading switch can show either alone."""
    _ = gettext(language)
    title = escape(
        _("修改（%(kind)s）：%(old)s → %(new)s")
        % {"kind": _(EDIT_KINDS[kind]), "old": old, "new": new}
    )
    return (
        f'<span class="edit edit-{kind}" title="{title}">'
        f"<del>{escape(old)}</del><ins>{escape(new)}</ins></span>"
    )


def with_edits(html: str, edits: tuple[Edit, ...], language: Language) -> str:
    """Clause HTML with each recovered edit's span shown as the change it is; text
    inside tags (attributes) is left alone."""
    if not edits:
        return html
    by_text = {escape(edit.text): edit for edit in edits}
    spans = "|".join(map(re.escape, sorted(by_text, key=len, reverse=True)))
    pattern = re.compile(rf"(<[^>]*>)|({spans})")

    def marked(m: re.Match[str]) -> str:
        if m[1]:
            return m[1]
        edit = by_text[m[2]]
        return edit_html(edit.kind, edit.old, edit.new, language)

    return pattern.sub(marked, html)


@dataclass(frozen=True)
class EditCounts:
    edits: int  # every change shown, renumbered labels included
    relabelled: int
    ambiguous: int  # clauses whose number cannot be trusted


def edit_counts(document: Document) -> EditCounts:
    """How many changes a document's page shows as changes, and how many places it
    marks as ambiguous."""
    edits = relabelled = ambiguous = 0
    for clause in every_clause(document):
        relabelled += clause.relabelled
        edits += len(clause.edits)
        ambiguous += clause.ambiguity is not None
    return EditCounts(edits + relabelled, relabelled, ambiguous)


AMBIGUITIES = {
    "sequence": "此编号与所在列表的顺序不符：修订标记导出后，删除的和插入的条款连在一起，"
    "无法确定哪一条是提案的文本",
    "repeated": "此编号与前面的条款重复：很可能一条是删除的、一条是插入的条款；"
    "本条款的锚点因此加了 -2",
}


def cited_by_html(groups: list[list[Reference]], root: str, language: Language) -> Markup:
    """The citing clauses of a work, grouped by document, each with the revision it
    names. Written here, not in Jinja: a much-cited work's list is long, and is on
    every page of its versions."""
    _ = gettext(language)
    items = []
    for group in groups:
        first = group[0].place
        links = []
        for ref in group:
            place = ref.place
            link = href(root, document_page(place.document), place.anchor)
            links.append(f'<a href="{escape(link)}">{escape(place.label)}</a>')
            if ref.revision:
                cited = _("（引用%(year)s年版本）") % {"year": ref.revision.year}
                links.append(f'<span class="cited-revision">{escape(cited)}</span>')
            links.append(_("、"))
        page = escape(href(root, document_page(first.document)))
        items.append(
            f'<li><a href="{page}">{escape(first.title)}</a>{_("：")}{"".join(links[:-1])}</li>\n'
        )
    return Markup(f'<ul class="cited-by">\n{"".join(items)}</ul>')


def compare_html(
    older: Document, newer: Document, pairs: list[tuple[str, str]], language: Language
) -> Markup:
    """Two documents of a work clause by clause, in the newer one's order: each clause
    with its counterpart, the number it had (原5 → 6) and the section it came from,
    its words changed as <del>/<ins>; then the clauses the newer one no longer has."""
    old = {place.anchor: (place, part) for place, part in places(older)}
    new = {place.anchor: (place, part) for place, part in places(newer)}
    came_from = {b: a for a, b in pairs}
    _ = gettext(language)
    rows = []
    for anchor, (place, clause) in new.items():
        text = proposed_text(clause)
        if anchor not in came_from:
            rows.append(
                compare_row(
                    anchor,
                    _("%(label)s（新增）") % {"label": place.label},
                    "",
                    f"<ins>{escape(text)}</ins>",
                )
            )
            continue
        before, was = old[came_from[anchor]]
        note = _("原%(label)s") % {"label": before.label} if before.label != place.label else ""
        old_text = proposed_text(was)
        rows.append(compare_row(anchor, place.label, note, text_diff(old_text, text), old_text))
    matched = set(came_from.values())
    for anchor, (place, part) in old.items():
        if anchor not in matched:
            text = escape(proposed_text(part))
            deleted = _("%(label)s（删除）") % {"label": place.label}
            rows.append(compare_row("", deleted, "", f"<del>{text}</del>"))
    return Markup(f'<div class="compare">\n{"".join(rows)}</div>')


def proposed_text(part: Clause | Outcome) -> str:
    """A clause's text as its document proposes it, without footnote markers (a
    compare page and an outline have no footnotes)."""
    return without_footnotes(proposed(part) if isinstance(part, Clause) else part.text)


def bilingual_html(documents: list[Document], root: str) -> Markup:
    """The same text in two languages side by side, clause beside clause with the same
    anchor (the anchors are the same in every language); a clause only one of them has
    stands alone on its side. Each cell says its language and links to its clause."""
    columns = [{place.anchor: (place, part) for place, part in places(d)} for d in documents]
    first, second = (list(column) for column in columns)
    rows = []
    for op, a, b, c, d in SequenceMatcher(None, first, second, autojunk=False).get_opcodes():
        left, right = first[a:b], second[c:d]
        for n in range(max(len(left), len(right))):
            anchors = (left[n] if n < len(left) else None, right[n] if n < len(right) else None)
            cells = []
            for document, column, anchor in zip(documents, columns, anchors, strict=True):
                if anchor is None:
                    cells.append(f'<div class="bilingual-cell" lang="{document.language}"></div>')
                    continue
                place, part = column[anchor]
                link = escape(href(root, document_page(document.id), anchor))
                cells.append(
                    f'<div class="bilingual-cell" lang="{document.language}">'
                    f'<a class="bilingual-label" href="{link}">{escape(place.label)}</a> '
                    f"{escape(proposed_text(part))}</div>"
                )
            ident = f' id="{escape(anchors[0] or anchors[1] or "")}"'
            rows.append(f'<div class="bilingual-row"{ident}>{"".join(cells)}</div>\n')
    return Markup(f'<div class="bilingual">\n{"".join(rows)}</div>')


def compare_row(anchor: str, label: str, note: str, diff: str, old_text: str = "") -> str:
    ident = f' id="{escape(anchor)}"' if anchor else ""
    was = f'<span class="compare-was">{escape(note)}</span>' if note else ""
    old = f'<div class="compare-old">{escape(old_text)}</div>' if old_text else ""
    return (
        f'<div class="compare-row"{ident}><div class="compare-label">{escape(label)}{was}</div>'
        f'{old}<div class="compare-new">{diff}</div></div>\n'
    )


def text_diff(old: str, new: str) -> str:
    """``new`` with what changed from ``old`` marked, character by character.

    diff-match-patch, then its efficiency clean-up: an equality of a character or
    two between edits joins them, so a renamed place reads 《<del>布宜诺斯艾利斯</del>
    <ins>基加利</ins>宣言》, not 《<del>布宜诺斯艾</del><ins>基加</ins>利<del>斯</del>宣言》
    (difflib's); then each edit slides to the nearest punctuation. Its semantic clean-up
    is tuned for English words and swallows whole Chinese phrases that stayed. No time
    limit: the same texts give the same page."""
    differ = diff_match_patch()
    differ.Diff_Timeout = 0
    diffs = differ.diff_main(old, new)
    differ.diff_cleanupEfficiency(diffs)
    differ.diff_cleanupSemanticLossless(diffs)  # edges on punctuation: C2、<ins>C4、</ins>C5
    html = []
    for op, text in diffs:
        if op == differ.DIFF_EQUAL:
            html.append(escape(text))
        else:
            tag = "ins" if op == differ.DIFF_INSERT else "del"
            html.append(f"<{tag}>{escape(text)}</{tag}>")
    return "".join(html)


def marked_footnotes(document: Document) -> set[str]:
    """The ids of the footnotes the document's clauses mark (``[^2]``): a footnote the
    text does not mark (an Akoma Ntoso file's fault) has no marker to lead back to."""
    return {m["id"] for c in every_clause(document) for m in FOOTNOTE_MARKER.finditer(c.text)}


def without_footnotes(text: str) -> str:
    return FOOTNOTE_MARKER.sub("", text)


def work_name(collection: Collection, work: str, language: Language) -> str:
    """``pp-140`` → 全权代表大会第140号决议, Resolution 140 of the Plenipotentiary
    Conference; a report by its title."""
    versions = collection.versions(work)
    if versions and versions[0].kind == "report":
        return versions[0].title
    body, number = split_work(work)
    kind = versions[0].kind if versions else "resolution"
    return text_name(body, number.upper(), language, kind)


def work_href(collection: Collection, work: str, root: str, language: Language) -> str | None:
    """The newest adopted text's page (in ``language`` if the collection has it so); the
    work's page if the collection has only proposals of it; None for a work not in it."""
    latest = collection.latest(work, language)
    if latest is not None:
        return href(root, document_page(latest.id))
    return href(root, work_page(work, language)) if collection.versions(work) else None


def tags_html(
    lines: tuple[str, ...], goals: tuple[int, ...], root: str, language: Language
) -> Markup:
    """Links to the page of each action line (every clause naming it) and to the index
    filtered by each SDG."""
    if not lines and not goals:
        return Markup("")
    _ = gettext(language)
    html = ['<span class="tags">']
    for line in lines:
        named = {"line": line, "name": ACTION_LINES_IN[language][line]}
        title = escape(_("WSIS 行动方面 %(line)s：%(name)s") % named)
        link = href(root, action_line_page(line, language))
        html.append(
            f'<a class="tag tag-action-line" href="{escape(link)}" title="{title}">'
            f"{escape(line)}</a>"
        )
    for goal in goals:
        title = escape(
            _("可持续发展目标 %(goal)s：%(name)s") % {"goal": goal, "name": SDGS_IN[language][goal]}
        )
        index = href(root, in_language("resolutions.md", language))
        html.append(
            f'<a class="tag tag-sdg" href="{index}?sdg={goal}" title="{title}">SDG {goal}</a>'
        )
    html.append("</span>")
    return Markup("".join(html))


class ClauseWriter:
    """A document's clauses as nested lists, each with its anchor, label, text, tags and
    permalink; citations linked to the newest version of the cited work."""

    def __init__(self, collection: Collection, language: Language) -> None:
        self.collection = collection
        self.language = language  # of the page's own words
        self._ = gettext(language)
        # Each document's previous document and changed clauses, asked of the
        # collection when its page renders (so the page records the queries).
        self.changes: dict[str, tuple[str | None, dict[str, str]]] = {}
        self.newest: dict[str, tuple[str | None, dict[str, str]]] = {}  # the same, for in_newest

    def clauses_html(self, clauses: tuple[Clause, ...], document: Document, root: str) -> Markup:
        html: list[str] = []
        self.clause_items(clauses, document, root, html)
        return Markup(f'<ol class="clauses">\n{"".join(html)}</ol>')

    def clause_items(
        self, clauses: tuple[Clause, ...], document: Document, root: str, html: list[str]
    ) -> None:
        for clause in clauses:
            anchor = escape(clause.anchor)
            html.append(f'<li class="clause" id="{anchor}">')
            if clause.relabelled:  # shown as the edit it is
                old, new = label_text(clause.old_label or ""), label_text(clause.label or "")
                label = edit_html("label", old, new, self.language)
                html.append(f'<span class="clause-label">{label}</span>')
            elif clause.label:
                html.append(f'<span class="clause-label">{escape(label_text(clause.label))}</span>')
            if clause.ambiguity:
                why = escape(self._(AMBIGUITIES[clause.ambiguity]))
                html.append(f'<span class="ambiguous" title="{why}">{self._("编号存疑")}</span>')
            html.append(
                f' <span class="clause-text">{self.clause_html(clause, document, root)}</span>'
            )
            html.append(self.change_marker(clause, document, root))
            html.append(tags_html(clause.action_lines, clause.sdgs, root, self.language))
            # Tools (the copy button joins them, assets/reading.js): out of the text's
            # flow, so that hidden they take no room; shown on hover, focus and target.
            html.append(
                f'<span class="clause-tools"><a class="permalink" href="#{anchor}" '
                f'aria-label="{self._("本条款的永久链接")}">¶</a>'
                f"{self.newest_link(clause, document, root)}"
                "</span>"
            )
            if clause.clauses:
                html.append('\n<ol class="clauses">')
                self.clause_items(clause.clauses, document, root, html)
                html.append("</ol>")
            html.append("</li>\n")

    def change_marker(self, clause: Clause, document: Document, root: str) -> str:
        """A link to the clause's diff, where it differs from the previous document of
        its work (or has no counterpart there)."""
        if document.id not in self.changes:  # once per page, not once per clause
            previous = self.collection.previous(document.id)
            changed = self.collection.changed(document.id) if previous else {}
            self.changes[document.id] = (previous, changed)
        previous, changed = self.changes[document.id]
        change = changed.get(clause.anchor)
        if previous is None or change is None:
            return ""
        link = escape(href(root, compare_page(previous, document.id), clause.anchor))
        text = self._("新增" if change == "new" else "有修改")
        title = self._("上一份文件没有此条款" if change == "new" else "与上一份文件相比有修改")
        return f' <a class="change-marker" href="{link}" title="{title}">{text}</a>'

    def newest_link(self, clause: Clause, document: Document, root: str) -> str:
        """On a document that is not its work's newest, a link to the clause there."""
        if document.id not in self.newest:
            self.newest[document.id] = self.collection.in_newest(document.id)
        newest, anchors = self.newest[document.id]
        if newest is None or clause.anchor not in anchors:
            return ""
        link = escape(href(root, document_page(newest), anchors[clause.anchor]))
        title = self._("此条款在本决议最新的文件中的位置")
        return f'<a class="newest-link" href="{link}" title="{title}">{self._("见最新文件")}</a>'

    def clause_html(self, clause: Clause, document: Document, root: str) -> str:
        """Escaped clause text: citations made links, footnote markers made links."""
        html, position = [], 0
        for start, end, refs in citation_spans(clause.text, clause.refs):
            html.append(plain_html(clause.text[position:start]))
            html.append(self.citation_html(clause.text[start:end], refs, document, root))
            position = end
        html.append(plain_html(clause.text[position:]))
        return with_edits("".join(html), clause.edits, self.language)

    def citation_html(self, text: str, refs: list[Citation], document: Document, root: str) -> str:
        """One citation span. A span citing several works (``第50和第52号决议``) links each number."""
        if len(refs) == 1:
            return self.citation_link(text, refs[0], document, root)
        html, position = [], 0
        for ref in refs:
            found = number_in(text, ref.target, position)
            if found is None:
                continue
            start, end = found
            html.append(escape(text[position:start]))
            html.append(self.citation_link(text[start:end], ref, document, root))
            position = end
        html.append(escape(text[position:]))
        return "".join(html)

    def citation_link(self, text: str, citation: Citation, document: Document, root: str) -> str:
        """A link to what the citation names: the adopted text of the revision it names,
        or that revision on the work's page when the collection does not have it; with
        no revision named, the newest adopted text (``work_href``)."""
        target, revision = citation.target, citation.revision
        _, language = self._, self.language
        name = work_name(self.collection, target, language)
        in_collection = bool(self.collection.versions(target))
        if revision is not None and in_collection:
            name += _("（%(revision)s）") % {"revision": revision_text(revision, language)}
            adopted = self.collection.adopted(target, revision.year, revision.place)
            if adopted is not None:
                link = href(root, document_page(adopted.id))
            else:
                link = href(root, work_page(target, language), revision_anchor(revision))
                name += _("：本站未收录其通过的文本")
        elif target == work_of(document):  # an earlier revision of this very resolution
            link, name = href(root, work_page(target, language)), name + _("：版本和提案")
        else:
            found = work_href(self.collection, target, root, language)
            if found is None:
                title = escape(name + _("：本站未收录"))
                return (
                    f'<span class="citation citation-missing" title="{title}">{escape(text)}</span>'
                )
            link = found
        return (
            f'<a class="citation" href="{escape(link)}" title="{escape(name)}">{escape(text)}</a>'
        )


def citation_spans(text: str, refs: tuple[Citation, ...]) -> list[tuple[int, int, list[Citation]]]:
    """Where each distinct citation span is in the text, in order, overlaps dropped."""
    by_span: dict[str, list[Citation]] = {}
    for ref in refs:
        by_span.setdefault(ref.text, []).append(ref)
    found = []
    for span, span_refs in by_span.items():
        start = text.find(span)
        if start >= 0 and span:
            found.append((start, start + len(span), span_refs))
    found.sort(key=lambda item: item[0])
    kept: list[tuple[int, int, list[Citation]]] = []
    for item in found:
        if not kept or item[0] >= kept[-1][1]:
            kept.append(item)
    return kept


def number_in(text: str, work: str, start: int) -> tuple[int, int] | None:
    """Where the number of ``work`` stands alone in ``text`` (``52`` in ``第50和第52号``)."""
    number = re.escape(split_work(work)[1])
    match = re.compile(rf"(?<![\d/]){number}(?![\d/])", re.IGNORECASE).search(text, start)
    return (match.start(), match.end()) if match else None
