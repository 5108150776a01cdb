"""The public API on the sample: datasets, policies, reports, outcomes."""

from __future__ import annotations

import datetime as dt
import pickle
import tomllib
import unicodedata

import pytest

import xeploai

from conftest import ROOT


def test_version_is_the_workspace_version() -> None:
    cargo = tomllib.loads((ROOT / "Cargo.toml").read_text(encoding="utf-8"))
    assert xeploai.__version__ == cargo["workspace"]["package"]["version"]


def test_all_names_exist() -> None:
    for name in xeploai.__all__:
        assert hasattr(xeploai, name), name


def test_sample_is_valid(sample: xeploai.Dataset) -> None:
    assert sample.is_valid
    assert sample.validate() == []
    counts = sample.counts()
    assert counts["memberships"] > 5000 and counts["units"] > 1000
    assert "Dataset" in repr(sample)
    assert sample.description and "synthetic" in sample.description


def test_sample_is_the_same_each_time(sample: xeploai.Dataset) -> None:
    assert xeploai.sample().to_json() == sample.to_json()


def test_dataset_pickles(sample: xeploai.Dataset) -> None:
    again = pickle.loads(pickle.dumps(sample))
    assert again.to_json() == sample.to_json()


def test_report_basics(report: xeploai.Report) -> None:
    assert report.year == 2025
    assert report.regime == "qd366-2025"
    assert not report.regime_named
    assert report.generator == f"xeploai {xeploai.__version__}"
    assert report.policy == xeploai.Policy()
    assert report.total["members"]["rated"] > 0
    assert isinstance(report.warnings, dict)
    assert len(report) == len(report.outcomes) > 5000
    assert "qd366-2025" in repr(report)


def test_a_named_regime() -> None:
    r = xeploai.rate(xeploai.sample(), 2024, regime="qd366-2025")
    assert r.regime == "qd366-2025" and r.regime_named
    assert xeploai.rate(xeploai.sample(), 2024).regime == "qd124-2023"


def test_outcomes_sequence(report: xeploai.Report) -> None:
    outs = report.outcomes
    first, last = outs[0], outs[-1]
    assert first.subject == outs[0].subject
    assert last.subject == outs[len(outs) - 1].subject
    subjects = [o.subject for o in outs]
    assert len(subjects) == len(outs)
    # Sorted by kind (members first) then id.
    keys = [(o.kind != "member", o.subject) for o in outs]
    assert keys == sorted(keys)
    with pytest.raises(IndexError):
        outs[len(outs)]
    with pytest.raises(IndexError):
        outs[-len(outs) - 1]
    assert "Outcome" in repr(first)


def test_outcome_fields_agree_with_the_json(report: xeploai.Report) -> None:
    seen = set()
    for o in report.outcomes:
        d = o.to_dict()
        assert d["subject"] == o.subject and d["kind"] == o.kind
        assert d["unit_kind"] == o.unit_kind and d.get("unit") == o.unit
        out = d["outcome"]
        assert out["status"] == o.status
        if o.status == "rated":
            assert out["level"] == o.level and o.reason is None
            assert o.level_code in {"HTXSNV", "HTTNV", "HTNV", "KHTNV"}
            assert (out.get("score") / 10 if "score" in out else None) == o.score
            assert out.get("quota_demoted", False) == o.quota_demoted
            assert out["provisional"] == o.provisional
            assert len(out["findings"]) == len(o.findings)
            assert [x["point"] for x in out.get("discretion", [])] == [x["point"] for x in o.discretion]
            assert out.get("settings", []) == o.settings
        else:
            assert out["reason"] == o.reason and o.level is None and o.score is None
        seen.add((o.status, o.kind))
    assert ("rated", "member") in seen and ("not_rated", "member") in seen
    assert ("rated", "organisation") in seen


def test_findings_carry_both_languages(report: xeploai.Report) -> None:
    o = next(o for o in report.outcomes if o.status == "rated")
    f = o.findings[0]
    assert set(f) >= {"rule", "effect", "citation", "citation_en", "message_vi", "message_en"}
    assert "Quy định 366-QĐ/TW" in f["citation"]


def test_outcome_lookup_and_explain(report: xeploai.Report) -> None:
    o = report.outcomes[0]
    assert report.outcome(o.subject).to_dict() == o.to_dict()
    org = report.outcomes[-1]
    assert org.kind == "organisation"
    assert report.outcome(org.subject).kind == "organisation"
    vi = report.explain(o.subject)
    en = report.explain(o.subject, lang="en")
    assert vi != en and vi.startswith(o.subject) and en.startswith(o.subject)
    assert o.explain("en") == en and o.explain() == vi
    assert "Grounds" in en or "not rated" in en
    assert unicodedata.is_normalized("NFC", vi)
    assert any(ord(c) > 127 for c in vi)


def test_explain_a_not_rated_subject(report: xeploai.Report) -> None:
    o = next(o for o in report.outcomes if o.status == "not_rated")
    assert "not rated" in report.explain(o.subject, lang="en")
    assert "không xếp loại" in report.explain(o.subject, lang="vi")


def test_report_json_round_trip(report: xeploai.Report) -> None:
    text = report.to_json()
    assert xeploai.Report.from_json(text).to_json() == text
    assert xeploai.Report.from_json(report.to_json(pretty=True)).to_json() == text


def test_discrepancies_quotas_discretion(report: xeploai.Report) -> None:
    d = report.discrepancies()
    assert list(d.columns) == ["subject", "stage", "proposed", "allowed", "kind", "rules"]
    assert len(d) > 0 and set(d["kind"]) <= {"above_allowed", "below_allowed", "not_rated"}
    q = report.quotas()
    assert list(q.columns)[0] == "group" and len(q) > 0
    assert (q["granted"] <= q["cap"]).all() or q["conflict"].any()
    disc = report.discretion()
    assert list(disc.columns) == ["subject", "point", "rule", "default", "decided"]
    assert len(disc) > 0


def test_policy_settings() -> None:
    p = xeploai.Policy()
    assert p.name == "default" and p.quota_reading == "c" and p.reference_date == "review_meeting"
    assert p.hd27_bands == {"excellent": 900, "good": 700, "completed": 500}
    q = xeploai.Policy(quota_reading="a", reference_date=dt.date(2025, 12, 5), residence_caps={"not_good": "completed"})
    assert q.quota_reading == "a"
    assert q.reference_date == dt.date(2025, 12, 5)
    assert q.residence_caps == {"not_good": "completed"}
    assert q != p and q == xeploai.Policy.from_json(q.to_json())
    assert hash(q) == hash(xeploai.Policy.from_json(q.to_json()))
    r = q.replace(gap="completed")
    assert r.gap == "completed" and r.quota_reading == "a" and q.gap == "not_completed"
    assert "quota_reading" in repr(q)
    assert pickle.loads(pickle.dumps(q)) == q
    assert q.to_dict()["reference_date"] == {"fixed": "2025-12-05"}


def test_presets() -> None:
    assert xeploai.Policy.presets() == xeploai.PRESETS
    for name in xeploai.PRESETS:
        p = xeploai.Policy.preset(name)
        assert p.name == name
    assert xeploai.Policy.preset("literal").quota_reading == "a"
    assert xeploai.Policy.preset("default") == xeploai.Policy()


def test_policy_changes_the_rating(sample: xeploai.Dataset) -> None:
    a = xeploai.rate(sample, 2025)
    b = xeploai.rate(sample, 2025, policy="report-conflicts")
    c = xeploai.rate(sample, 2025, policy=xeploai.Policy.preset("report-conflicts"))
    assert b.to_json() == c.to_json()
    assert b.policy.too_many_candidates == "report_only"
    demoted = lambda r: sum(o.quota_demoted for o in r.outcomes)  # noqa: E731
    assert demoted(a) > 0 and demoted(b) == 0


def test_census_has_the_front_indicator(sample: xeploai.Dataset) -> None:
    c = sample.census(dt.date(2025, 12, 31))
    assert len(c) == 11  # 10 communes and the units outside them
    assert {"board_heads_head_is_deputy_secretary", "board_heads_with_head"} <= set(c.columns)
    assert (c["board_heads_head_is_deputy_secretary"] <= c["board_heads_with_head"]).all()
    assert c["members_on_roll"].sum() > 5000
