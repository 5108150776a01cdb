"""Frames in and out: dataset ↔ frames round trips (the sample and generated
datasets), frames → dataset → report → frames, and the report's DataFrames
checked against its outcomes."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import xeploai


def test_sample_round_trips_through_frames(sample: xeploai.Dataset) -> None:
    frames = sample.to_frames()
    assert set(frames) == {
        "units", "people", "memberships", "posts", "residence", "evaluations",
        "disciplines", "quota_groups", "decisions",
    }
    m = frames["memberships"]
    assert list(m.columns)[:3] == ["person", "cell", "from"]
    assert all(isinstance(d, dt.date) for d in m["admitted_on"])
    assert m["probationary"].dtype == bool
    assert frames["evaluations"]["score_common"].dtype == "Int64"
    assert "tasks.assigned" in frames["evaluations"].columns
    assert sample.front is not None and "board_evaluations" in sample.front
    again = xeploai.Dataset.from_frames(**frames, description=sample.description, front=sample.front)
    assert again.to_json() == sample.to_json()


def _excel_like() -> dict[str, pd.DataFrame]:
    """A small commune as an analyst would type it: timestamps, empty cells,
    integer columns read as floats, JSON text in a list cell, NFD text."""
    units = pd.DataFrame(
        [
            {"id": "T", "kind": "province", "name": "Tỉnh Đồng Tháp"},
            {"id": "X", "kind": "commune", "name": "Xã Tân Ho\u0300a", "parent": "T"},
            {"id": "A", "kind": "residential_area", "name": "Ấp 1", "local_name": "ấp", "parent": "X"},
            {"id": "TU", "kind": "province_committee", "name": "Đảng bộ tỉnh", "area": "T"},
            {"id": "DB", "kind": "grassroots_committee", "name": "Đảng bộ xã", "parents": '[{"id": "TU", "from": "2020-01-01"}]', "area": "X", "established": pd.Timestamp("2020-01-01")},
            {"id": "CB", "kind": "cell", "name": "Chi bộ ấp 1", "parent": "DB", "area": "A", "cell_type": "residential", "established": "2020-01-01"},
        ]
    )
    people = pd.DataFrame({"id": ["p1", "p2", "p3", "p4"], "name": ["An", "Bình", "Cường", "Dũng"]})
    memberships = pd.DataFrame(
        {
            "person": ["p1", "p2", "p3", "p4"],
            "cell": ["CB"] * 4,
            "admitted_on": pd.to_datetime(["1990-05-19", "2001-02-03", "2010-01-01", "2025-10-01"]),
            "category": ["leader", "outside_system", "outside_system", "outside_system"],
            "probationary": [False, False, False, True],
        }
    )
    posts = pd.DataFrame([{"person": "p1", "unit": "CB", "role": "secretary", "from": dt.date(2020, 8, 1)}])
    evaluations = pd.DataFrame(
        {
            "subject": ["p1", "p2", "CB"],
            "year": [2025, 2025, 2025],
            "stage": ["self_assessment"] * 3,
            "score_common": [285.0, 250.0, 270.0],
            "score_tasks": [640.0, 475.0, np.nan],
            "tasks.assigned": [10, 6, np.nan],
            "tasks.on_time": [10, 5, np.nan],
            "tasks.late": [0, 1, np.nan],
            "proposed": ["excellent", "good", None],
        }
    )
    return {"units": units, "people": people, "memberships": memberships, "posts": posts, "evaluations": evaluations}


def test_frames_to_dataset_to_report_to_frames() -> None:
    frames = _excel_like()
    ds = xeploai.Dataset.from_frames(**frames)
    assert ds.is_valid, ds.validate()
    doc = json.loads(ds.to_json())
    assert doc["units"][1]["name"] == "Xã Tân Hòa"  # NFC
    assert doc["units"][4]["parents"] == [{"id": "TU", "from": "2020-01-01"}]
    assert doc["evaluations"][0]["tasks"] == {"assigned": 10, "on_time": 10, "late": 0, "exceeded": 0, "not_done": 0}
    assert "tasks" not in doc["evaluations"][2] and "score_tasks" not in doc["evaluations"][2]
    report = xeploai.rate(ds, 2025)
    df = report.to_pandas()
    assert list(df.columns) == [
        "subject", "kind", "unit_kind", "level", "reason", "score", "provisional",
        "quota_demoted", "unit", "grassroots", "commune", "province",
    ]
    rows = df.set_index("subject")
    assert rows.loc["p1", "score"] == 92.5
    assert rows.loc["p4", "reason"] == "admitted_under_six_months"
    assert pd.isna(rows.loc["p4", "level"])
    assert rows.loc["p2", "unit"] == "CB" and rows.loc["p2", "grassroots"] == "DB"
    assert rows.loc["p2", "commune"] == "X" and rows.loc["p2", "province"] == "T"
    assert rows.loc["CB", "kind"] == "organisation" and rows.loc["CB", "unit"] == "DB"
    # And the frames of the dataset give the same dataset back.
    again = xeploai.Dataset.from_frames(**ds.to_frames())
    assert again.to_json() == ds.to_json()


def test_frames_may_be_lists_of_dicts() -> None:
    ds = xeploai.Dataset.from_frames(
        units=[{"id": "T", "kind": "province", "name": "Tỉnh"}],
        people=[{"id": "p", "name": "An", "born": dt.date(1980, 1, 2)}],
    )
    assert json.loads(ds.to_json())["people"] == [{"id": "p", "name": "An", "born": "1980-01-02"}]


def test_to_pandas_agrees_with_the_outcomes(report: xeploai.Report) -> None:
    df = report.to_pandas()
    assert len(df) == len(report.outcomes)
    assert df["level"].cat.ordered
    assert list(df["level"].cat.categories) == ["not_completed", "completed", "good", "excellent"]
    for i, o in enumerate(report.outcomes):
        row = df.iloc[i]
        assert row["subject"] == o.subject and row["kind"] == o.kind and row["unit_kind"] == o.unit_kind
        assert (None if pd.isna(row["level"]) else row["level"]) == o.level
        assert (None if pd.isna(row["reason"]) else row["reason"]) == o.reason
        assert (None if np.isnan(row["score"]) else row["score"]) == o.score
        assert bool(row["provisional"]) == o.provisional and bool(row["quota_demoted"]) == o.quota_demoted
        for col in ("unit", "grassroots", "commune"):
            assert (None if pd.isna(row[col]) else row[col]) == getattr(o, col)
    assert df["province"].notna().all()
    assert (df["level"] >= "good").sum() > 0


def test_to_pandas_id_categories_in_order_of_first_appearance(report: xeploai.Report) -> None:
    # The columns are built on two threads whose dictionaries are merged.
    df = report.to_pandas()
    for col in ("unit", "grassroots", "commune"):
        ids = [getattr(o, col) for o in report.outcomes]
        assert list(df[col].cat.categories) == list(dict.fromkeys(i for i in ids if i is not None)), col
    for col in ("unit", "grassroots", "commune", "province"):
        seen = list(dict.fromkeys(df[col].dropna().astype(str)))
        assert list(df[col].cat.categories) == seen, col
        # The codes are as narrow as pandas makes them (no copy to narrow them).
        n = len(seen)
        width = np.int8 if n < 127 else np.int16 if n < 32767 else np.int32
        assert df[col].cat.codes.dtype == width, col
        # ... and the codes are still the Rust buffer's (a copy would own its memory).
        codes = df[col].array.codes
        while getattr(codes, "base", None) is not None:
            codes = codes.base
        assert isinstance(codes, memoryview), col


def test_to_pandas_frame_can_be_edited(report: xeploai.Report) -> None:
    df = report.to_pandas()
    other_unit = df["unit"].iloc[-1]
    df.loc[0, "score"] = 1.5
    df.loc[0, "level"] = "excellent"
    df.loc[0, "provisional"] = True
    df.loc[0, "unit"] = other_unit
    df.loc[0, "kind"] = "organisation"
    row = df.iloc[0]
    assert (row["score"], row["level"], row["provisional"], row["unit"], row["kind"]) == (
        1.5, "excellent", True, other_unit, "organisation",
    )
    # Each call gives a frame of its own.
    again = report.to_pandas().iloc[0]
    first = report.outcomes[0]
    assert (None if np.isnan(again["score"]) else again["score"]) == first.score
    assert again["kind"] == first.kind and again["unit"] == first.unit


def test_to_pandas_of_a_report_without_outcomes(report: xeploai.Report) -> None:
    doc = json.loads(report.to_json())
    doc["outcomes"] = []
    empty = xeploai.Report.from_json(json.dumps(doc)).to_pandas()
    full = report.to_pandas()
    assert empty.shape == (0, 12)
    assert list(empty.columns) == list(full.columns)
    for col in full.columns:
        if col in ("unit", "grassroots", "commune", "province"):
            assert isinstance(empty[col].dtype, pd.CategoricalDtype) and len(empty[col].cat.categories) == 0
        else:
            assert empty[col].dtype == full[col].dtype, col


def test_to_pandas_province_agrees_with_summary_by_province(report: xeploai.Report) -> None:
    df = report.to_pandas()
    by = report.summary(by="province").dropna(subset=["unit"]).set_index("unit")
    for kind, prefix in (("member", "members"), ("organisation", "organisations")):
        counts = df[df["kind"] == kind].groupby("province", observed=True).size()
        assert counts.to_dict() == by[f"{prefix}_on_roll"][by[f"{prefix}_on_roll"] > 0].to_dict()


def test_summary_by_commune_matches_the_report(report: xeploai.Report) -> None:
    mine = report.summary(by="commune")
    theirs = report.summaries().set_index("unit")
    for _, row in mine.dropna(subset=["unit"]).iterrows():
        other = theirs.loc[row["unit"]]
        for col in mine.columns[1:]:
            assert row[col] == other[col], (row["unit"], col)
    assert mine["members_on_roll"].sum() == report.total["members"]["on_roll"]
    assert mine["organisations_on_roll"].sum() == report.total["organisations"]["on_roll"]
    levels = ["members_excellent", "members_good", "members_completed", "members_not_completed"]
    assert (mine[levels].sum(axis=1) == mine["members_rated"]).all()


def test_summary_by_grassroots_matches_the_report(report: xeploai.Report) -> None:
    mine = report.summary(by="grassroots").dropna(subset=["unit"]).set_index("unit")
    theirs = report.summaries().set_index("unit")
    for unit, row in mine.iterrows():
        assert (row == theirs.loc[unit, mine.columns]).all(), unit


def test_summary_by_province_and_unit_kinds(report: xeploai.Report) -> None:
    p = report.summary(by="province")
    assert list(p["unit"]) == ["t32"] and p["name"][0] == "Tỉnh Đồng Tháp"
    assert p["members_on_roll"][0] == report.total["members"]["on_roll"]
    cells = report.summary(by="cell")
    df = report.to_pandas()
    members = df[(df["kind"] == "member") & (df["unit_kind"] == "cell")]
    expected = members.groupby("unit", observed=True).size()
    got = cells.dropna(subset=["unit"]).set_index("unit")["members_on_roll"]
    assert got.to_dict() == expected.to_dict()
    areas = report.summary(by="residential_area")
    assert areas["members_on_roll"].sum() == report.total["members"]["on_roll"]
    assert areas["unit_kind"].dropna().eq("residential_area").all()


# --------------------------------------------------------------------------
# Generated datasets round trip through frames.

names = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạòóỏõọ \u0300\u0301", min_size=1, max_size=12)
days = st.dates(min_value=dt.date(1960, 1, 1), max_value=dt.date(2025, 12, 31))


@st.composite
def datasets(draw: st.DrawFn) -> str:
    n_cells = draw(st.integers(1, 3))
    units: list[dict[str, Any]] = [
        {"id": "T", "kind": "province", "name": draw(names)},
        {"id": "X", "kind": "commune", "name": draw(names), "parent": "T"},
        {"id": "TU", "kind": "province_committee", "name": draw(names), "area": "T"},
        {"id": "DB", "kind": "grassroots_committee", "name": draw(names), "parent": "TU", "area": "X"},
    ]
    for c in range(n_cells):
        area = {"id": f"A{c}", "kind": "residential_area", "name": draw(names), "parent": "X"}
        if draw(st.booleans()):
            area["local_name"] = draw(st.sampled_from(["ấp", "thôn", "khu phố"]))
        units.append(area)
        cell: dict[str, Any] = {"id": f"C{c}", "kind": "cell", "name": draw(names), "parent": "DB", "area": f"A{c}"}
        if draw(st.booleans()):
            cell["cell_type"] = "residential"
        if draw(st.booleans()):
            cell["established"] = draw(days).isoformat()
            del cell["parent"]
            cell["parents"] = [{"id": "DB", "from": cell["established"]}]
        units.append(cell)
    people, memberships, evaluations = [], [], []
    for i in range(draw(st.integers(0, 8))):
        person: dict[str, Any] = {"id": f"p{i}", "name": draw(names)}
        if draw(st.booleans()):
            person["born"] = draw(days).isoformat()
        if draw(st.booleans()):
            person["gender"] = draw(st.sampled_from(["male", "female"]))
        people.append(person)
        m: dict[str, Any] = {
            "person": f"p{i}", "cell": f"C{draw(st.integers(0, n_cells - 1))}",
            "admitted_on": draw(days).isoformat(),
            "category": draw(st.sampled_from(["leader", "non_leader", "outside_system"])),
        }
        if draw(st.booleans()):
            m["probationary"] = True
        if draw(st.booleans()):
            m["statuses"] = [{"kind": "exempt", "from": draw(days).isoformat()}]
        memberships.append(m)
        if draw(st.booleans()):
            assigned = draw(st.integers(0, 12))
            on_time = draw(st.integers(0, assigned))
            e: dict[str, Any] = {
                "subject": f"p{i}", "year": 2025,
                "stage": draw(st.sampled_from(["self_assessment", "appraisal"])),
                "score_common": draw(st.integers(0, 300)),
                "score_tasks": draw(st.integers(0, 700)),
                "tasks": {"assigned": assigned, "on_time": on_time, "late": assigned - on_time,
                          "exceeded": draw(st.integers(0, on_time)), "not_done": 0},
            }
            if draw(st.booleans()):
                e["proposed"] = draw(st.sampled_from(["excellent", "good", "completed", "not_completed"]))
            if draw(st.booleans()):
                e["leader"] = {"led_tasks": {"assigned": 3, "on_time": 3, "late": 0, "exceeded": 1, "not_done": 0}}
            if draw(st.booleans()):
                e["force_majeure"] = True
            evaluations.append(e)
    doc = {"format": "xeploai-dataset/1", "units": units, "people": people,
           "memberships": memberships, "evaluations": evaluations}
    return json.dumps(doc, ensure_ascii=False)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_generated_datasets_round_trip_through_frames(text: str) -> None:
    ds = xeploai.Dataset.from_json(text)
    again = xeploai.Dataset.from_frames(**ds.to_frames())
    assert again.to_json() == ds.to_json()
    assert again.is_valid == ds.is_valid
    assert again.validate() == ds.validate()
    if ds.is_valid:
        a, b = xeploai.rate(ds, 2025), xeploai.rate(again, 2025)
        assert a.to_json() == b.to_json()
        assert len(a.to_pandas()) == len(a.outcomes)
