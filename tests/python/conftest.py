"""Shared fixtures: the sample dataset and its 2025 report (made once)."""

from __future__ import annotations

from pathlib import Path

import pytest

import xeploai

ROOT = Path(__file__).resolve().parents[2]
CONFORMANCE = ROOT / "tests" / "conformance"


@pytest.fixture(scope="session")
def sample() -> xeploai.Dataset:
    return xeploai.sample()


@pytest.fixture(scope="session")
def report(sample: xeploai.Dataset) -> xeploai.Report:
    return xeploai.rate(sample, 2025)
