"""The conformance cases of tests/conformance (DESIGN §7, one semantics): the
report made through Python is byte-identical to expected.json, which the Rust
suite (core/tests/conformance.rs) checks too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import xeploai

from conftest import CONFORMANCE

CASES = sorted(p for p in CONFORMANCE.iterdir() if (p / "case.json").is_file())


def test_the_cases_are_found() -> None:
    assert len(CASES) >= 3, CASES


def _policy(case_dir: Path, case: dict[str, object]) -> xeploai.Policy:
    preset = case["policy_preset"]
    if isinstance(preset, str):
        return xeploai.Policy.preset(preset)
    return xeploai.Policy.from_json((case_dir / "policy.json").read_text(encoding="utf-8"))


def _run(case_dir: Path, dataset: xeploai.Dataset) -> bytes:
    case = json.loads((case_dir / "case.json").read_text(encoding="utf-8"))
    regime = case["regime"]
    report = xeploai.rate(dataset, case["year"], policy=_policy(case_dir, case), regime=regime)
    return report.to_json().encode("utf-8")


@pytest.mark.parametrize("case_dir", CASES, ids=[p.name for p in CASES])
def test_from_path_gives_the_expected_report_byte_for_byte(case_dir: Path) -> None:
    expected = (case_dir / "expected.json").read_bytes()
    got = _run(case_dir, xeploai.Dataset.from_path(case_dir / "dataset.json"))
    assert got == expected


@pytest.mark.parametrize("case_dir", CASES, ids=[p.name for p in CASES])
def test_from_json_bytes_and_from_frames_give_the_same_report(case_dir: Path) -> None:
    expected = (case_dir / "expected.json").read_bytes()
    raw = (case_dir / "dataset.json").read_bytes()
    ds = xeploai.Dataset.from_json(raw)
    assert _run(case_dir, ds) == expected
    again = xeploai.Dataset.from_frames(**ds.to_frames(), description=ds.description)
    assert again.to_json() == ds.to_json()
    assert _run(case_dir, again) == expected


@pytest.mark.parametrize("case_dir", CASES, ids=[p.name for p in CASES])
def test_the_report_reads_back(case_dir: Path) -> None:
    expected = (case_dir / "expected.json").read_text(encoding="utf-8")
    report = xeploai.Report.from_json(expected)
    assert report.to_json() == expected
    assert len(report.to_pandas()) == len(report.outcomes)
