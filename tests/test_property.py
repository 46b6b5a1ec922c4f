"""Arbitrary text never crashes the parser: it returns valid documents or its own error."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import escape

from generator import store
from generator.errors import SourceError, Warnings
from generator.html import escape as escaped
from generator.parse import parse_lines
from generator.read import decode, normalise

from .conftest import SOURCES

SEED_LINES = [
    line
    for path in sorted(SOURCES.glob("*.txt"))
    for line in path.read_text(encoding="utf-8").split("\n")
]

# Lines from the seeds, shuffled and mutated, reach far deeper than random characters.
seed_line = st.sampled_from(SEED_LINES)
mutated = st.tuples(seed_line, st.text(max_size=8)).map(lambda pair: pair[1] + pair[0][::-1][:20])
line = st.one_of(seed_line, seed_line, mutated, st.text(max_size=40))


def parse_or_error(data: bytes) -> None:
    try:
        documents = parse_lines(normalise(decode(data, "x.txt")), "x.txt", Warnings())
    except SourceError as error:
        assert str(error).startswith("x.txt:")
        return
    for document in documents:
        store.validate(store.to_dict(document))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(line, max_size=60))
def test_seed_like_text_parses_or_raises_source_error(lines: list[str]) -> None:
    parse_or_error("\n".join(lines).encode("utf-8"))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_parse_or_raise_source_error(data: bytes) -> None:
    parse_or_error(data)


@given(st.text(alphabet=st.sampled_from("&<>\"'a第\u3000\n;#"), max_size=30) | st.text(max_size=30))
def test_escaped_writes_what_markupsafe_writes(text: str) -> None:
    """The renderer's own escaping (no Markup object per call) is markupsafe's, byte for byte."""
    assert escaped(text) == str(escape(text))
