"""The Front side of a report (issue 4 in the core, issue 6 here):
``Report.front`` (the section as a dict, None when absent) and the frames
``boards()``, ``indicators()`` and ``targets()``."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import xeploai

from conftest import CONFORMANCE

BOARD_COLUMNS = [
    "board", "area", "commune", "as_of", "composition_ok", "composition_failed",
    "failed_checks", "not_rated", "scheme", "illustrative", "level", "level_vi",
    "level_en", "rank", "band_rank", "score", "base", "bonus", "deducted",
    "self_score", "quota_demoted", "missing", "findings",
]
INDICATOR_COLUMNS = [
    "metric", "label_vi", "label_en", "is_count", "scope", "unit", "year", "as_of",
    "units", "numerator", "denominator", "share",
]
TARGET_COLUMNS = [
    "target", "metric", "comparator", "value", "scope", "source", "verified",
    "evaluated", "met", "missed", "missed_units",
]
AS_OF = dt.date(2025, 12, 31)


@pytest.fixture(scope="module")
def front(report: xeploai.Report) -> dict[str, Any]:
    f = report.front
    assert f is not None
    return f


@pytest.fixture(scope="module")
def no_front_report() -> xeploai.Report:
    """A conformance case: a party-only dataset, with no Front data."""
    case_dir = CONFORMANCE / "qd366-section12"
    case = json.loads((case_dir / "case.json").read_text(encoding="utf-8"))
    ds = xeploai.Dataset.from_path(case_dir / "dataset.json")
    assert ds.front is None
    policy = xeploai.Policy.preset(case["policy_preset"])
    return xeploai.rate(ds, case["year"], policy=policy, regime=case["regime"])


def _bands(front: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(s["id"], b["code"]): b for s in front["schemes"] for b in s["bands"]}


# --------------------------------------------------------------------------
# Report.front


def test_the_sample_has_a_front_section_equal_to_its_json(
    report: xeploai.Report, front: dict[str, Any]
) -> None:
    assert set(front) == {
        "as_of", "schemes", "boards", "areas", "communes", "indicators", "targets", "warnings",
    }
    assert front["as_of"] == "2025-12-31"
    assert front == json.loads(report.to_json())["front"]
    assert len(front["boards"]) > 100
    # A new dict on each access: changing one leaves the report as it is.
    mine = report.front
    assert mine is not None and mine is not front
    mine["boards"].clear()
    again = report.front
    assert again is not None and len(again["boards"]) > 100


def test_a_report_without_front_data_has_none(no_front_report: xeploai.Report) -> None:
    assert no_front_report.front is None
    assert "front" not in json.loads(no_front_report.to_json())


def test_the_front_section_survives_a_json_round_trip(report: xeploai.Report) -> None:
    back = xeploai.Report.from_json(report.to_json())
    assert back.front == report.front
    pd.testing.assert_frame_equal(back.boards(), report.boards())
    pd.testing.assert_frame_equal(back.indicators(), report.indicators())
    pd.testing.assert_frame_equal(back.targets(), report.targets())


# --------------------------------------------------------------------------
# boards()


def test_boards_has_one_row_per_board(report: xeploai.Report, front: dict[str, Any]) -> None:
    df = report.boards()
    assert list(df.columns) == BOARD_COLUMNS
    assert len(df) == len(front["boards"])
    assert list(df.board) == [b["board"] for b in front["boards"]]
    assert df.board.is_unique
    assert list(df.area) == [b.get("area") for b in front["boards"]]
    assert list(df.commune) == [b.get("commune") for b in front["boards"]]
    assert all(type(d) is dt.date and d == AS_OF for d in df.as_of)


def test_boards_levels_are_bands_of_their_scheme(
    report: xeploai.Report, front: dict[str, Any]
) -> None:
    df = report.boards()
    bands = _bands(front)
    rated = df[df.not_rated.isna()]
    assert len(rated) == len(df)  # every board of the sample is evaluated for 2025
    # The sample's boards are rated on the default scheme, hoabinh-2017.
    assert set(rated.scheme) == {"hoabinh-2017"}
    assert set(rated.level) <= {"xuat_sac", "tot", "kha", "trung_binh", "yeu"}
    assert rated.level.nunique() >= 3
    for row, b in zip(rated.itertuples(), front["boards"], strict=True):
        rating = b["rating"]
        band = bands[(rating["scheme"], rating["level"])]
        assert row.level == rating["level"]
        assert (row.level_vi, row.level_en) == (band["label_vi"], band["label_en"])
        assert row.rank == rating["rank"] == band["rank"]
        assert row.band_rank == rating["band_rank"]
        assert row.score == rating["score"] / 10
        assert row.base == rating["base"] / 10
        assert row.bonus == rating["bonus"] / 10
        assert row.deducted == rating["deducted"] / 10
        if "self_score" in rating:
            assert row.self_score == rating["self_score"] / 10
        else:
            assert math.isnan(row.self_score)
        assert row.quota_demoted == rating.get("quota_demoted", False)
        assert row.missing == rating.get("missing", [])
        assert row.findings == len(rating["findings"])
        assert row.composition_ok == b["composition_ok"]
    assert not rated.illustrative.any()
    xs = rated[rated.level == "xuat_sac"]
    assert (xs.level_vi == "Xuất sắc").all() and (xs["rank"] == 1).all()


def test_boards_dtypes(report: xeploai.Report) -> None:
    df = report.boards()
    assert str(df["rank"].dtype) == "Int64"
    assert str(df["band_rank"].dtype) == "Int64"
    assert str(df["illustrative"].dtype) == "boolean"
    assert df["score"].dtype == "float64"
    assert df["composition_ok"].dtype == bool
    assert df["composition_failed"].dtype == "int64"
    assert all(isinstance(v, list) for v in df.failed_checks)
    assert all(isinstance(v, list) for v in df.missing)


def test_an_illustrative_scheme_is_flagged_with_its_missing_criteria(
    sample: xeploai.Dataset,
) -> None:
    policy = xeploai.Policy(front={"scheme": "illustrative-8-groups"})
    report = xeploai.rate(sample, 2025, policy=policy)
    front = report.front
    assert front is not None
    assert [s["illustrative"] for s in front["schemes"]] == [True]
    df = report.boards()
    assert set(df.scheme) == {"illustrative-8-groups"}
    assert df.illustrative.all()
    # The sample's evaluations score the one criterion of hoabinh-2017: every
    # criterion of the 8-group grid is missing.
    assert all(m == [f"c{i}" for i in range(1, 9)] for m in df.missing)
    assert set(df.level_en) <= {b["label_en"] for b in front["schemes"][0]["bands"]}


def test_a_board_not_rated_and_one_failing_its_composition(sample: xeploai.Dataset) -> None:
    doc = json.loads(sample.to_json())
    board = "t32.x0000.a000.bct"
    doc["front"]["board_evaluations"] = [
        e for e in doc["front"]["board_evaluations"] if not (e["board"] == board and e["year"] == 2025)
    ]
    doc["posts"] = [p for p in doc["posts"] if not (p["unit"] == board and p["role"] == "board_head")]
    report = xeploai.rate(xeploai.Dataset.from_json(json.dumps(doc)), 2025)
    front = report.front
    assert front is not None and front["warnings"] == {"front_no_evaluation": 1}
    df = report.boards().set_index("board")
    row = df.loc[board]
    assert row.not_rated == "no_evaluation"
    assert row.scheme is None and row.level is None and row.level_vi is None
    assert row.illustrative is pd.NA and row["rank"] is pd.NA and row.band_rank is pd.NA
    assert math.isnan(row.score) and math.isnan(row.self_score)
    assert row.missing == [] and row.findings == 0
    assert not row.composition_ok
    assert "front.o3.head" in row.failed_checks
    assert row.composition_failed == len(row.failed_checks)
    others = df.drop(index=board)
    assert others.not_rated.isna().all() and others.composition_ok.all()
    assert (others.composition_failed == 0).all()


# --------------------------------------------------------------------------
# indicators()


def test_indicators_rows_and_ratios(report: xeploai.Report, front: dict[str, Any]) -> None:
    df = report.indicators()
    assert list(df.columns) == INDICATOR_COLUMNS
    assert len(df) == len(front["indicators"])
    for row, ind in zip(df.itertuples(), front["indicators"], strict=True):
        assert row.metric == ind["metric"]
        assert row.scope == ind["scope"]
        assert row.unit == ind.get("unit")
        assert (row.units, row.numerator, row.denominator) == (
            ind["units"], ind["numerator"], ind["denominator"],
        )
    assert (df.year == 2025).all()
    assert all(d == AS_OF for d in df.as_of)
    assert set(df.scope) == {"total", "province", "commune"}
    assert df[df.scope == "total"].unit.isna().all()
    assert df[df.scope != "total"].unit.notna().all()
    # A share never exceeds 1; a count metric (topics per committee) may.
    shares = df[~df.is_count]
    assert len(shares) > 0
    assert (shares.numerator <= shares.denominator).all()
    assert set(df[df.is_count].metric) <= {"supervision_topics", "social_critique_topics"}
    with_den = df[df.denominator > 0]
    assert (with_den.share == with_den.numerator / with_den.denominator).all()
    assert df[df.denominator == 0].share.isna().all()
    structural = {"board_head_is_deputy_secretary", "committee_board_heads",
                  "committees_meeting_board_heads_rule"}
    assert structural <= set(df.metric)
    total = df[(df.metric == "board_head_is_deputy_secretary") & (df.scope == "total")]
    assert len(total) == 1
    assert total.numerator.iloc[0] <= total.denominator.iloc[0]
    assert total.label_en.iloc[0] == "board heads who are deputy cell secretaries"


# --------------------------------------------------------------------------
# targets()


def test_targets_list_the_units_that_miss_them(
    report: xeploai.Report, front: dict[str, Any]
) -> None:
    df = report.targets()
    assert list(df.columns) == TARGET_COLUMNS
    assert len(df) == len(front["targets"])
    assert "hd03.committee_board_heads" in set(df.target)
    for row, t in zip(df.itertuples(), front["targets"], strict=True):
        assert (row.target, row.metric, row.comparator, row.value, row.scope) == (
            t["target"], t["metric"], t["comparator"], t["value"], t["scope"],
        )
        assert row.missed_units == [m["unit"] for m in t["missed"]]
        assert row.missed == len(row.missed_units)
        assert row.met + row.missed == row.evaluated
        assert row.verified == t["verified"]
    assert set(df.comparator) <= {"at_least", "at_most"}
    assert set(df.scope) <= {"unit", "commune", "province"}
    missing = df[df.missed > 0]
    assert len(missing) > 0
    assert all(isinstance(u, list) and u and all(isinstance(x, str) for x in u)
               for u in missing.missed_units)
    # The HD 03/2025 rule is checked per commune Front committee.
    hd03 = df.set_index("target").loc["hd03.committee_board_heads"]
    assert hd03.verified and hd03.scope == "unit" and hd03.value == 30


# --------------------------------------------------------------------------
# No Front data: empty frames with their columns


def test_without_front_data_the_frames_are_empty_with_their_columns(
    report: xeploai.Report, no_front_report: xeploai.Report
) -> None:
    for name, columns in (
        ("boards", BOARD_COLUMNS),
        ("indicators", INDICATOR_COLUMNS),
        ("targets", TARGET_COLUMNS),
    ):
        empty = getattr(no_front_report, name)()
        full = getattr(report, name)()
        assert isinstance(empty, pd.DataFrame)
        assert len(empty) == 0, name
        assert list(empty.columns) == columns, name
        assert list(empty.dtypes) == list(full.dtypes), name


def test_the_conformance_reports_are_unchanged(no_front_report: xeploai.Report) -> None:
    expected = (Path(CONFORMANCE) / "qd366-section12" / "expected.json").read_text(encoding="utf-8")
    assert no_front_report.to_json() == expected
