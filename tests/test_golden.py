"""The YAML of every seed document, compared with the reviewed copy in tests/golden/.

After a deliberate change, regenerate with ``UPDATE_GOLDEN=1 bin/test tests/test_golden.py``
and review the diff before committing it.
"""

from __future__ import annotations

import difflib
import os

import pytest

from generator import store
from generator.parse import Parsed

from .conftest import GOLDEN

# The 64 statements of the PP-18 Final Acts (Akoma Ntoso) have a reviewed golden file
# for a sample only: Res 140 (its Chinese text is a seed), a decision, the
# recommendation, and a resolution with annexes and footnotes repaired. The others'
# counts and repairs are in tests/test_akn.py.
AKN_SOURCE = "pp18-final-acts-akn.xml"
AKN_SAMPLE = frozenset(
    {"en/pp-140-2018", "en/pp-dec-11-2018", "en/pp-rec-7-2018", "en/pp-208-2018"}
)


def test_golden_files_match_the_parsed_seeds(corpus: Parsed) -> None:
    produced = {
        store.yaml_name(d): store.dump(d)
        for d in corpus.documents
        if d.source != AKN_SOURCE or d.id in AKN_SAMPLE
    }
    if os.environ.get("UPDATE_GOLDEN"):
        for old in GOLDEN.rglob("*.yaml"):
            old.unlink()
        for name, text in produced.items():
            (GOLDEN / name).parent.mkdir(exist_ok=True)
            (GOLDEN / name).write_text(text, encoding="utf-8")
        pytest.skip("golden files rewritten")
    expected = {
        p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8")
        for p in GOLDEN.rglob("*.yaml")
    }
    assert sorted(produced) == sorted(expected)
    drift = []
    for name, text in produced.items():
        if text != expected[name]:
            diff = difflib.unified_diff(
                expected[name].splitlines(),
                text.splitlines(),
                f"golden/{name}",
                "parsed",
                lineterm="",
            )
            drift.append("\n".join(list(diff)[:40]))
    assert not drift, "\n\n".join(drift)
