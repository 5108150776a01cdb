"""Every error path: the exception raised, its place in the hierarchy, what it
carries, and that it pickles."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from pathlib import Path

import pandas as pd
import pytest

import xeploai
from xeploai import (
    ArgumentError,
    RatingError,
    ReadError,
    ReportError,
    UnknownSubjectError,
    ValidationError,
    XeploaiError,
)

INVALID = json.dumps(
    {
        "format": "xeploai-dataset/1",
        "units": [
            {"id": "c1", "kind": "cell", "name": "Chi bộ ấp 1", "parent": "nowhere"},
            {"id": "c1", "kind": "province", "name": "Tỉnh"},
        ],
    }
)


def test_hierarchy() -> None:
    for cls in (ValidationError, ReadError, RatingError, ReportError, UnknownSubjectError, ArgumentError):
        assert issubclass(cls, XeploaiError)
    assert issubclass(ValidationError, ValueError)
    assert issubclass(RatingError, ValueError)
    assert issubclass(ReportError, ValueError)
    assert issubclass(ArgumentError, ValueError)
    assert issubclass(ReadError, OSError)
    assert issubclass(UnknownSubjectError, KeyError)
    assert XeploaiError.__module__ == "xeploai"


def test_a_document_that_is_not_json() -> None:
    with pytest.raises(ValidationError) as e:
        xeploai.Dataset.from_json('{"format": "xeploai-dataset/1", "units": [')
    (p,) = e.value.problems
    assert p["code"] == "invalid_json" and p["severity"] == "error"
    assert "line" in p and "column" in p and p["message_vi"]


def test_a_wrong_type_names_its_path() -> None:
    text = '{"format":"xeploai-dataset/1","units":[{"id":"a","kind":"province","name":"A"},{"id":"b","kind":"cell","name":"B","parent":7}]}'
    with pytest.raises(ValidationError) as e:
        xeploai.Dataset.from_json(text.encode())
    (p,) = e.value.problems
    assert p["path"] == "units[1].parent"
    assert (p["collection"], p["index"], p["field"]) == ("units", 1, "parent")
    assert "units[1].parent" in str(e.value)


def test_another_format() -> None:
    with pytest.raises(ValidationError) as e:
        xeploai.Dataset.from_json('{"format": "xeploai-dataset/9"}')
    assert e.value.problems[0]["code"] == "unsupported_format"
    assert e.value.problems[0]["path"] == "format"


def test_from_json_takes_text_or_bytes() -> None:
    with pytest.raises(TypeError):
        xeploai.Dataset.from_json(42)  # type: ignore[arg-type]


def test_an_invalid_dataset_loads_and_lists_every_problem() -> None:
    ds = xeploai.Dataset.from_json(INVALID)
    assert not ds.is_valid
    problems = ds.validate()
    codes = {p["code"] for p in problems}
    assert {"dangling_reference", "duplicate_id"} <= codes
    p = next(p for p in problems if p["code"] == "dangling_reference")
    assert p["path"] == "units[0].parent" and p["record"] == "c1"
    assert p["message"] and p["message_vi"] and p["message"] != p["message_vi"]
    assert "invalid" in repr(ds)
    assert pd.DataFrame(problems)["code"].tolist() == [q["code"] for q in problems]


def test_rating_an_invalid_dataset_raises_with_every_problem() -> None:
    ds = xeploai.Dataset.from_json(INVALID)
    with pytest.raises(ValidationError) as e:
        xeploai.rate(ds, 2025)
    assert e.value.problems == ds.validate()
    assert len(e.value.errors) >= 2
    with pytest.raises(ValidationError):
        ds.census(dt.date(2025, 12, 31))


def test_a_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.json"
    with pytest.raises(ReadError) as e:
        xeploai.Dataset.from_path(missing)
    assert isinstance(e.value, FileNotFoundError) or e.value.errno == 2
    assert e.value.filename == str(missing)
    with pytest.raises(OSError):
        xeploai.Dataset.from_path(str(missing))


def test_a_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "xeploai-dataset/1", "colour": 1}', encoding="utf-8")
    with pytest.raises(ValidationError) as e:
        xeploai.Dataset.from_path(bad)
    assert e.value.problems[0]["path"] == "colour"


def test_policy_errors() -> None:
    with pytest.raises(ValidationError) as e:
        xeploai.Policy(quota_raeding="a")
    assert e.value.problems[0]["code"] == "invalid_policy"
    assert "quota_raeding" in str(e.value)
    with pytest.raises(ValidationError) as e:
        xeploai.Policy(quota_reading="d")
    assert e.value.problems[0]["path"] == "quota_reading"
    with pytest.raises(ValidationError) as e:
        xeploai.Policy.preset("nope")
    assert e.value.problems[0]["code"] == "unknown_preset"
    with pytest.raises(ValidationError):
        xeploai.Policy.from_json("{")
    with pytest.raises(ValidationError):
        xeploai.Policy().replace(gap=3)
    with pytest.raises(TypeError):
        xeploai.Policy(basic_criteria=[object()])
    with pytest.raises(TypeError):
        xeploai.Policy(reference_date=dt.datetime(2025, 12, 5, 10, 0))
    with pytest.raises(ValidationError):
        xeploai.rate(xeploai.sample(), 2025, policy="nope")
    with pytest.raises(TypeError):
        xeploai.rate(xeploai.sample(), 2025, policy=3)  # type: ignore[arg-type]


class _BadDate(dt.date):
    def isoformat(self) -> str:
        raise RuntimeError("boom")


def test_a_policy_value_that_is_not_json_is_named_by_its_path() -> None:
    with pytest.raises(TypeError, match=r"^basic_criteria\[1\]: cannot use a value of type `object`"):
        xeploai.Policy(basic_criteria=["a", object()])
    with pytest.raises(ArgumentError, match=r"^front\.targets\[0\]\.value: nan is not a JSON number"):
        xeploai.Policy(front={"targets": [{"value": float("nan")}]})
    with pytest.raises(ArgumentError, match=r"^front\.targets: the int 1000000000000000000000 is outside"):
        xeploai.Policy(front={"targets": 10**21})
    with pytest.raises(TypeError, match=r"^front: a key must be a str, not `int` \(3\)"):
        xeploai.Policy(front={3: "x"})
    with pytest.raises(TypeError, match=r"^reference_date: expected a datetime\.date"):
        xeploai.Policy(reference_date=dt.datetime(2025, 12, 5, 10, 0))
    with pytest.raises(TypeError, match=r"^front\.x\[0\]: expected a datetime\.date"):
        xeploai.Policy(front={"x": [dt.datetime(2025, 12, 5, 10, 0)]})
    with pytest.raises(ArgumentError, match=r"^front\.x: inf is not a JSON number"):
        xeploai.Policy(front={"x": float("inf")})
    # The 64 bits of a JSON number: from -2^63 to 2^64 - 1.
    for n in (2**64, -(2**63) - 1):
        with pytest.raises(ArgumentError, match=r"^front\.x: the int -?\d+ is outside"):
            xeploai.Policy(front={"x": n})
    with pytest.raises(ArgumentError, match=r"^front\.x: the int \(too long to show\) is outside"):
        xeploai.Policy(front={"x": 10**5000})
    # A lone surrogate is no Unicode text, in a value or a key.
    with pytest.raises(ArgumentError, match=r"^basic_criteria\[0\]: a str that is not valid Unicode"):
        xeploai.Policy(basic_criteria=["\ud800"])
    with pytest.raises(ArgumentError, match=r"^front: a str that is not valid Unicode"):
        xeploai.Policy(front={"\ud800": 1})
    # An error other than a wrong type keeps its class (here a date whose
    # `isoformat` fails).
    with pytest.raises(RuntimeError, match="^boom$"):
        xeploai.Policy(front={"x": _BadDate(2025, 1, 1)})
    with pytest.raises(RuntimeError, match="^boom$"):
        xeploai.Policy(reference_date=_BadDate(2025, 1, 1))
    # An int beyond 63 bits is still a JSON number: the policy's own check
    # names the setting it does not fit, with the number.
    with pytest.raises(ValidationError) as e:
        xeploai.Policy(front={"committee_min_size": 2**63})
    assert e.value.problems[0]["path"] == "front.committee_min_size"
    assert "9223372036854775808" in str(e.value)
    # Dates inside a setting are ISO strings.
    with pytest.raises(ValidationError) as e:
        xeploai.Policy(front={"targets": [dt.date(2025, 1, 1)]})
    assert "2025-01-01" in str(e.value)


def test_rating_errors(sample: xeploai.Dataset) -> None:
    with pytest.raises(ArgumentError):
        xeploai.rate(sample, 2025, regime="qd999")
    with pytest.raises(RatingError) as e:
        xeploai.rate(sample, 1_000_000)
    assert "1000000" in str(e.value)


def test_report_errors(report: xeploai.Report) -> None:
    with pytest.raises(UnknownSubjectError) as e:
        report.explain("no-such-id")
    assert e.value.subject == "no-such-id"
    with pytest.raises(KeyError):
        report.outcome("no-such-id")
    with pytest.raises(ArgumentError):
        report.explain(report.outcomes[0].subject, lang="fr")  # type: ignore[arg-type]
    with pytest.raises(ArgumentError):
        report.outcomes[0].explain("fr")  # type: ignore[arg-type]
    with pytest.raises(ArgumentError):
        report.summary(by="village")
    with pytest.raises(ReportError) as r:
        xeploai.Report.from_json('{"format": "xeploai-report/9"}')
    assert r.value.path
    text = report.to_json().replace('"xeploai-report/1"', '"xeploai-report/9"', 1)
    with pytest.raises(ReportError) as r:
        xeploai.Report.from_json(text)
    assert r.value.path == "format"


def test_a_report_read_back_has_no_dataset(report: xeploai.Report) -> None:
    back = xeploai.Report.from_json(report.to_json())
    with pytest.raises(ArgumentError):
        back.summary(by="province")
    assert back.summary(by="commune").equals(report.summary(by="commune"))
    assert back.to_pandas()["province"].isna().all()


def test_frame_errors() -> None:
    with pytest.raises(ValidationError) as e:
        xeploai.Dataset.from_frames(units=pd.DataFrame([{"id": "T", "name": "Tỉnh"}]))
    assert e.value.problems[0]["path"] == "units[0]"
    assert "kind" in str(e.value)
    with pytest.raises(ValidationError) as e:
        xeploai.Dataset.from_frames(units=pd.DataFrame([{"id": "T", "kind": "province", "name": "Tỉnh", "ghi_chu": "x"}]))
    assert "ghi_chu" in str(e.value)
    with pytest.raises(ValidationError) as e:
        xeploai.Dataset.from_frames(
            units=pd.DataFrame([{"id": "T", "kind": "province", "name": "T", "predecessors": "[not json"}])
        )
    assert e.value.problems[0]["code"] == "invalid_frame"
    with pytest.raises(ValidationError) as e:
        xeploai.Dataset.from_frames(people=pd.DataFrame([{"id": "p", "name": "A", "born": pd.Timestamp("2000-01-01 10:30")}]))
    assert e.value.problems[0]["path"] == "people[0].born"
    with pytest.raises(TypeError):
        xeploai.Dataset.from_frames(units="units.xlsx")
    with pytest.raises(TypeError):
        xeploai.Dataset.from_frames(nope=pd.DataFrame())  # type: ignore[call-arg]


def test_census_needs_a_date(sample: xeploai.Dataset) -> None:
    with pytest.raises(TypeError):
        sample.census("2025-12-31")  # type: ignore[arg-type]


def _errors() -> list[BaseException]:
    out: list[BaseException] = []
    for call in (
        lambda: xeploai.Dataset.from_json("{"),
        lambda: xeploai.rate(xeploai.Dataset.from_json(INVALID), 2025),
        lambda: xeploai.Dataset.from_path("/nonexistent/x.json"),
        lambda: xeploai.rate(xeploai.sample(), 1_000_000),
        lambda: xeploai.Report.from_json("{}"),
        lambda: xeploai.rate(xeploai.sample(), 2025).explain("nobody"),
        lambda: xeploai.rate(xeploai.sample(), 2025, regime="x"),
    ):
        try:
            call()
        except XeploaiError as e:
            out.append(e)
    return out


def test_every_error_pickles() -> None:
    errors = _errors()
    assert {type(e) for e in errors} == {
        ValidationError, ReadError, RatingError, ReportError, UnknownSubjectError, ArgumentError,
    }
    for e in errors:
        back = pickle.loads(pickle.dumps(e))
        assert type(back) is type(e)
        assert str(back) == str(e)
        assert back.args == e.args
        if isinstance(e, ValidationError):
            assert isinstance(back, ValidationError) and back.problems == e.problems
        if isinstance(e, ReadError):
            assert isinstance(back, ReadError) and (back.errno, back.filename) == (e.errno, e.filename)
        if isinstance(e, ReportError):
            assert isinstance(back, ReportError) and back.path == e.path
