"""Incremental builds: a rebuild redoes only what an edit touches, and ends with exactly
what a fresh build of the same sources makes, whatever was edited or damaged."""

from __future__ import annotations

import gzip
import json
import random
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build import Options, Report, build
from generator.incremental import PageMemo
from generator.incremental.files import code_version
from generator.progress import Stages

from .conftest import ROOT, SOURCES, seed

TEMPLATE = ROOT / "theme" / "cited-by.html.j2"


def build_into(root: Path, name: str, fresh: bool = False) -> Report:
    """Build ``root/sources`` into ``root/<name>-site`` (YAML, caches and docs beside it)."""
    options = Options(
        [root / "sources"],
        root / f"{name}-yaml",
        root / f"{name}-site",
        root / f"{name}-work",
        fresh=fresh,
    )
    report = build(options, Stages(None))
    assert report is not None
    return report


def outputs(root: Path, name: str) -> dict[str, bytes]:
    """What a build published: the site (Pagefind's bundle as the record of each page,
    since its file names differ from run to run) and the YAML."""
    site, yaml = root / f"{name}-site", root / f"{name}-yaml"
    found = {
        f"site/{p.relative_to(site)}": p.read_bytes()
        for p in site.rglob("*")
        if p.is_file() and "pagefind" not in p.parts
    }
    for fragment in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        record = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
        found[f"search{record['url']}"] = json.dumps(record, sort_keys=True).encode()
    found.update({f"yaml/{p.name}": p.read_bytes() for p in yaml.glob("*.yaml")})
    return found


def assert_same_as_fresh(root: Path) -> None:
    """The incremental build's outputs are those of a fresh build of the same sources."""
    shutil.rmtree(root / "fresh-site", ignore_errors=True)
    build_into(root, "fresh", fresh=True)
    built, fresh = outputs(root, "inc"), outputs(root, "fresh")
    assert built.keys() == fresh.keys()
    stale = sorted(name for name in built if built[name] != fresh[name])
    assert not stale, f"differs from a fresh build: {stale}"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    shutil.copytree(SOURCES, tmp_path / "sources")
    return tmp_path


def test_a_rebuild_of_unchanged_sources_parses_and_renders_nothing(root: Path) -> None:
    first = build_into(root, "inc")
    assert first.parsed.reused == 0 and first.yaml_written == 78
    assert first.rendered == first.pages
    docs = {p: p.read_bytes() for p in (root / "inc-work" / "docs").rglob("*") if p.is_file()}
    again = build_into(root, "inc")
    assert again.parsed.reused == 6 and again.yaml_written == 0 and again.rendered == 0
    assert {p: p.read_bytes() for p in docs} == docs


def test_a_new_citation_rerenders_what_shows_it_and_mkdocs_only_those(root: Path) -> None:
    build_into(root, "inc")
    site = root / "inc-site"
    inodes = {
        page: (site / page / "index.html").stat().st_ino
        for page in ("pp-188-2018-eur-48a1-4", "pp-70-2018-eur-48a1-10")
    }
    source = root / "sources" / seed("001").name  # WTSA Resolution 75 (2022)
    cited = "全权代表大会第188号决议（2018年，迪拜，修订版）"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("考虑到\na)\t", f"考虑到\na)\t{cited}；", 1), encoding="utf-8")
    again = build_into(root, "inc")
    assert again.parsed.reused == 5 and again.yaml_written == 1
    # wtsa-75: its page and work page; pp-188: its page and work page (cited by); the
    # index pages; the matrix cells of wtsa-75's clauses.
    assert 6 <= again.rendered <= 40, again.rendered
    assert (site / "pp-188-2018-eur-48a1-4" / "index.html").stat().st_ino != inodes[
        "pp-188-2018-eur-48a1-4"
    ]
    assert (site / "pp-70-2018-eur-48a1-10" / "index.html").stat().st_ino == inodes[
        "pp-70-2018-eur-48a1-10"
    ]
    assert (
        "wtsa-75-2022/#considering-a"
        in (site / "pp-188-2018-eur-48a1-4" / "index.html").read_text()
    )
    assert_same_as_fresh(root)


def test_a_rebuild_without_a_source_drops_its_pages(root: Path) -> None:
    build_into(root, "inc")
    assert (root / "inc-site" / "wtsa-75-2022" / "index.html").is_file()
    (root / "sources" / seed("001").name).unlink()
    build_into(root, "inc")
    assert not (root / "inc-site" / "wtsa-75-2022" / "index.html").exists()
    assert not (root / "inc-site" / "works" / "wtsa-75" / "index.html").exists()
    assert_same_as_fresh(root)


# --- Faults: damaged caches and outputs are misses, never errors or stale pages -----


def first_entry(root: Path) -> Path:
    return min((root / "inc-work" / "cache" / "parse").glob("*.json"))


def truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])


def entry_over_another(root: Path) -> None:
    one, other = sorted((root / "inc-work" / "cache" / "parse").glob("*.json"))[:2]
    shutil.copy(other, one)


def replace_with_folder(path: Path) -> None:
    path.unlink()
    path.mkdir()
    (path / "x").write_text("x")


def replace_folder_with_file(path: Path) -> None:
    shutil.rmtree(path)
    path.write_text("not a folder")


FAULTS: dict[str, Callable[[Path], None]] = {
    "a docs page truncated": lambda r: truncate(
        r / "inc-work" / "docs" / "pp-140-2022-eur-44a15-1.md"
    ),
    "a docs page not UTF-8": lambda r: (r / "inc-work" / "docs" / "about.md").write_bytes(b"\xff"),
    "garbage in a site asset": lambda r: (r / "inc-site" / "assets" / "resolutions.js").write_text(
        "garbage"
    ),
    "a site page zero-filled": lambda r: (
        r / "inc-site" / "pp-70-2018-eur-48a1-10" / "index.html"
    ).write_bytes(bytes(1000)),
    "a kept YAML file edited": lambda r: (
        r / "inc-yaml" / "pp-140-2022-eur-44a15-1.yaml"
    ).write_text("id: x"),
    "a cache entry holding garbage": lambda r: first_entry(r).write_text("garbage"),
    "a cache entry copied over another key": entry_over_another,
    "a cache entry replaced by a folder": lambda r: replace_with_folder(first_entry(r)),
    "the page manifest holding null": lambda r: (
        r / "inc-work" / "docs" / ".pages.json"
    ).write_text("null"),
    "the page manifest naming other reads": lambda r: (
        r / "inc-work" / "docs" / ".pages.json"
    ).write_text('{"about.md": {"inputs": 1, "reads": [["no such query", [], "x"]]}}'),
    "the alignments holding garbage": lambda r: (
        r / "inc-work" / "cache" / "alignments.json"
    ).write_text("garbage"),
    "an alignment edited, its digest not": lambda r: swap_first_alignment(
        r / "inc-work" / "cache" / "alignments.json"
    ),
    "the site mark damaged": lambda r: (r / "inc-work" / "docs" / ".site.json").write_text("[1]"),
    "the docs folder replaced by a file": lambda r: replace_folder_with_file(
        r / "inc-work" / "docs"
    ),
    "the cache folder replaced by a file": lambda r: replace_folder_with_file(
        r / "inc-work" / "cache" / "parse"
    ),
}


def swap_first_alignment(file: Path) -> None:
    """Pair a clause with the wrong one in the first alignment kept."""
    data = json.loads(file.read_text(encoding="utf-8"))
    pairs = next(iter(data["entries"].values()))
    pairs[0][1], pairs[1][1] = pairs[1][1], pairs[0][1]
    file.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("fault", FAULTS)
def test_a_damaged_cache_or_output_is_rebuilt(root: Path, fault: str) -> None:
    build_into(root, "inc")
    FAULTS[fault](root)
    build_into(root, "inc")
    assert_same_as_fresh(root)


def test_nothing_kept_is_a_format_that_runs_code(root: Path) -> None:
    build_into(root, "inc")
    kept = [p for folder in ("inc-work", "inc-yaml") for p in (root / folder).rglob("*")]
    assert not [p for p in kept if p.suffix in {".pickle", ".pkl", ".marshal"}]
    assert {p.suffix for p in (root / "inc-work" / "cache" / "parse").iterdir()} == {".json"}


# --- Random edit sequences -------------------------------------------------------------

CITATION = "并忆及全权代表大会第188号决议（2018年，迪拜，修订版）"


def labelled_lines(text: str) -> list[int]:
    lines = text.split("\n")
    return [i for i, line in enumerate(lines) if re.match(r"^[a-z0-9]{1,4}\)?\t", line)]


def edit_line(root: Path, rng: random.Random, change: Callable[[str], str | None]) -> None:
    """Change one labelled line of a random source (None deletes it)."""
    source = rng.choice(sorted((root / "sources").glob("*.txt")))
    lines = source.read_text(encoding="utf-8").split("\n")
    at = rng.choice(labelled_lines("\n".join(lines)))
    changed = change(lines[at])
    lines[at : at + 1] = [] if changed is None else [changed]
    source.write_text("\n".join(lines), encoding="utf-8")


def remove_citation(root: Path, rng: random.Random) -> None:
    source = rng.choice(sorted((root / "sources").glob("*.txt")))
    text = source.read_text(encoding="utf-8")
    cited = re.findall(r"第\d+号决议（[^（）]*）", text)
    if cited:
        source.write_text(text.replace(rng.choice(cited), "", 1), encoding="utf-8")


def change_title(root: Path, rng: random.Random) -> None:
    source = rng.choice(sorted((root / "sources").glob("*.txt")))
    lines = source.read_text(encoding="utf-8").split("\n")
    headers = [i for i, line in enumerate(lines) if re.match(r"^第\d+号决议", line)]
    at = rng.choice(headers) + 1 if headers else 0
    while at < len(lines) and not lines[at].strip():
        at += 1
    lines[at] += "（修改）"
    source.write_text("\n".join(lines), encoding="utf-8")


def add_document(root: Path, rng: random.Random) -> None:
    original = rng.choice(sorted(SOURCES.glob("*.txt")))
    shutil.copy(original, root / "sources" / f"9{rng.randrange(100)}_{original.name}")


def delete_file(root: Path, rng: random.Random) -> None:
    files = sorted((root / "sources").glob("*.txt"))
    if len(files) > 1:
        rng.choice(files).unlink()


def rename_file(root: Path, rng: random.Random) -> None:
    source = rng.choice(sorted((root / "sources").glob("*.txt")))
    source.rename(source.with_name(f"{rng.randrange(10)}{source.name}"))


def change_template(root: Path, rng: random.Random) -> None:
    TEMPLATE.write_text(TEMPLATE.read_text("utf-8") + f"<!-- {rng.random()} -->\n", "utf-8")


def damage(root: Path, rng: random.Random) -> None:
    kept = [
        p for folder in ("inc-work", "inc-site", "inc-yaml") for p in (root / folder).rglob("*")
    ]
    target = rng.choice([p for p in kept if p.is_file() and "pagefind" not in p.parts])
    data = target.read_bytes()
    target.write_bytes(rng.choice([b"", data[: len(data) // 2], bytes(len(data)), b"garbage"]))


EDITS: dict[str, Callable[[Path, random.Random], None]] = {
    "change a clause's text": lambda r, g: edit_line(r, g, lambda line: line + "（已修改）"),
    "add a citation": lambda r, g: edit_line(r, g, lambda line: line + CITATION),
    "remove a citation": remove_citation,
    "change a title": change_title,
    "delete a clause": lambda r, g: edit_line(r, g, lambda line: None),
    "add a document": add_document,
    "delete a file": delete_file,
    "rename a file": rename_file,
    "change a template": change_template,
    "damage a kept file": damage,
}

SEQUENCES = st.lists(
    st.tuples(st.sampled_from(sorted(EDITS)), st.randoms()), min_size=1, max_size=4
)


@pytest.fixture
def template() -> Iterator[None]:
    """The template the edits change, restored afterwards."""
    text = TEMPLATE.read_text(encoding="utf-8")
    yield
    TEMPLATE.write_text(text, encoding="utf-8")
    code_version.cache_clear()


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(sequence=SEQUENCES)
def test_random_edit_sequences_rebuild_what_a_fresh_build_makes(
    tmp_path_factory: pytest.TempPathFactory,
    template: None,
    sequence: list[tuple[str, random.Random]],
) -> None:
    root = tmp_path_factory.mktemp("edits")
    shutil.copytree(SOURCES, root / "sources")
    build_into(root, "inc")
    for name, rng in sequence:
        EDITS[name](root, rng)
        code_version.cache_clear()  # a template may have changed
        build_into(root, "inc")
        assert_same_as_fresh(root)


def test_the_comparison_catches_a_dependency_left_unrecorded(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same check, with one query on purpose not recorded: a new citation of
    pp-188 changes what cites it, and its pages, reused, are stale."""
    note = PageMemo.note

    def forgetful(memo: PageMemo, name: str, args: tuple[object, ...], answer: object) -> None:
        if name != "cited_by":
            note(memo, name, args, answer)

    monkeypatch.setattr(PageMemo, "note", forgetful)
    build_into(root, "inc")
    source = root / "sources" / seed("001").name
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("考虑到\na)\t", f"考虑到\na)\t{CITATION}；", 1), "utf-8")
    build_into(root, "inc")
    with pytest.raises(AssertionError, match="site/pp-188-2018-eur-48a1-4/index.html"):
        assert_same_as_fresh(root)
