//! The Front side of a report (`Report.front`, `boards()`, `indicators()`,
//! `targets()`): the section as a dict, and three DataFrames whose columns are
//! gathered in Rust with the GIL released, then assembled by
//! `xeploai._frames`.

use crate::convert::date_to_py;
use crate::errors::argument_error;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use rustc_hash::FxHashMap;
use xeploai::front::report::{BoardNotRated, CheckStatus, RollupScope};
use xeploai::front::settings::{Comparator, Scope};
use xeploai::front::FrontReport;
use xeploai::Lang;

fn frames(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    PyModule::import(py, "xeploai._frames")
}

/// Points from tenths.
fn points(tenths: u32) -> f64 {
    f64::from(tenths) / 10.0
}

const fn not_rated_name(r: BoardNotRated) -> &'static str {
    match r {
        BoardNotRated::NoEvaluation => "no_evaluation",
        BoardNotRated::UnknownScheme => "unknown_scheme",
    }
}

const fn rollup_name(s: RollupScope) -> &'static str {
    match s {
        RollupScope::Total => "total",
        RollupScope::Province => "province",
        RollupScope::Commune => "commune",
    }
}

const fn comparator_name(c: Comparator) -> &'static str {
    match c {
        Comparator::AtLeast => "at_least",
        Comparator::AtMost => "at_most",
    }
}

const fn scope_name(s: Scope) -> &'static str {
    match s {
        Scope::Unit => "unit",
        Scope::Commune => "commune",
        Scope::Province => "province",
    }
}

/// The Front section as a dict (its JSON read by `json.loads`), None when
/// the report has none. Serialised with the GIL released.
pub fn front_dict<'py>(
    py: Python<'py>,
    front: Option<&FrontReport>,
) -> PyResult<Bound<'py, PyAny>> {
    let Some(front) = front else {
        return Ok(py.None().into_bound(py));
    };
    let text = py
        .detach(|| serde_json::to_string(front))
        .map_err(|e| argument_error(py, &format!("cannot convert the Front section: {e}")))?;
    PyModule::import(py, "json")?
        .getattr("loads")?
        .call1((text,))
}

/// The columns of `boards()`, gathered without the GIL.
#[derive(Default)]
struct BoardColumns<'a> {
    board: Vec<&'a str>,
    area: Vec<Option<&'a str>>,
    commune: Vec<Option<&'a str>>,
    composition_ok: Vec<bool>,
    composition_failed: Vec<usize>,
    failed_checks: Vec<Vec<&'static str>>,
    not_rated: Vec<Option<&'static str>>,
    scheme: Vec<Option<&'a str>>,
    illustrative: Vec<Option<bool>>,
    level: Vec<Option<&'a str>>,
    level_vi: Vec<Option<&'a str>>,
    level_en: Vec<Option<&'a str>>,
    rank: Vec<Option<u8>>,
    band_rank: Vec<Option<u8>>,
    score: Vec<f64>,
    base: Vec<f64>,
    bonus: Vec<f64>,
    deducted: Vec<f64>,
    self_score: Vec<f64>,
    quota_demoted: Vec<bool>,
    missing: Vec<&'a [String]>,
    findings: Vec<usize>,
}

fn board_columns(front: &FrontReport) -> BoardColumns<'_> {
    // (scheme, band code) → (label_vi, label_en); scheme → illustrative.
    let mut labels: FxHashMap<(&str, &str), (&str, &str)> = FxHashMap::default();
    let mut illustrative: FxHashMap<&str, bool> = FxHashMap::default();
    for s in &front.schemes {
        illustrative.insert(&s.id, s.illustrative);
        for b in &s.bands {
            labels.insert((&s.id, &b.code), (&b.label_vi, &b.label_en));
        }
    }
    let mut c = BoardColumns::default();
    for b in &front.boards {
        c.board.push(&b.board);
        c.area.push(b.area.as_deref());
        c.commune.push(b.commune.as_deref());
        c.composition_ok.push(b.composition_ok);
        let failed: Vec<&'static str> = b
            .composition
            .iter()
            .filter(|k| k.status == CheckStatus::Failed)
            .map(|k| k.finding.rule().id)
            .collect();
        c.composition_failed.push(failed.len());
        c.failed_checks.push(failed);
        c.not_rated.push(b.not_rated.map(not_rated_name));
        match &b.rating {
            Some(r) => {
                let label = labels.get(&(r.scheme.as_str(), r.level.as_str()));
                c.scheme.push(Some(&r.scheme));
                c.illustrative
                    .push(illustrative.get(r.scheme.as_str()).copied());
                c.level.push(Some(&r.level));
                c.level_vi.push(label.map(|l| l.0));
                c.level_en.push(label.map(|l| l.1));
                c.rank.push(Some(r.rank));
                c.band_rank.push(Some(r.band_rank));
                c.score.push(points(r.score));
                c.base.push(points(r.base));
                c.bonus.push(points(r.bonus));
                c.deducted.push(points(r.deducted));
                c.self_score.push(r.self_score.map_or(f64::NAN, points));
                c.quota_demoted.push(r.quota_demoted);
                c.missing.push(&r.missing);
                c.findings.push(r.findings.len());
            }
            None => {
                c.scheme.push(None);
                c.illustrative.push(None);
                c.level.push(None);
                c.level_vi.push(None);
                c.level_en.push(None);
                c.rank.push(None);
                c.band_rank.push(None);
                c.score.push(f64::NAN);
                c.base.push(f64::NAN);
                c.bonus.push(f64::NAN);
                c.deducted.push(f64::NAN);
                c.self_score.push(f64::NAN);
                c.quota_demoted.push(false);
                c.missing.push(&[]);
                c.findings.push(0);
            }
        }
    }
    c
}

/// `Report.boards()`: one row per Front work board.
pub fn boards_frame<'py>(
    py: Python<'py>,
    front: Option<&FrontReport>,
) -> PyResult<Bound<'py, PyAny>> {
    let d = PyDict::new(py);
    let as_of = match front {
        Some(f) => date_to_py(py, f.as_of)?,
        None => py.None().into_bound(py),
    };
    let c = match front {
        Some(f) => py.detach(|| board_columns(f)),
        None => BoardColumns::default(),
    };
    d.set_item("board", c.board)?;
    d.set_item("area", c.area)?;
    d.set_item("commune", c.commune)?;
    d.set_item("composition_ok", c.composition_ok)?;
    d.set_item("composition_failed", c.composition_failed)?;
    d.set_item("failed_checks", c.failed_checks)?;
    d.set_item("not_rated", c.not_rated)?;
    d.set_item("scheme", c.scheme)?;
    d.set_item("illustrative", c.illustrative)?;
    d.set_item("level", c.level)?;
    d.set_item("level_vi", c.level_vi)?;
    d.set_item("level_en", c.level_en)?;
    d.set_item("rank", c.rank)?;
    d.set_item("band_rank", c.band_rank)?;
    d.set_item("score", c.score)?;
    d.set_item("base", c.base)?;
    d.set_item("bonus", c.bonus)?;
    d.set_item("deducted", c.deducted)?;
    d.set_item("self_score", c.self_score)?;
    d.set_item("quota_demoted", c.quota_demoted)?;
    let missing = PyList::empty(py);
    for m in &c.missing {
        missing.append(PyList::new(py, m.iter())?)?;
    }
    d.set_item("missing", missing)?;
    d.set_item("findings", c.findings)?;
    frames(py)?.getattr("boards_frame")?.call1((d, as_of))
}

/// `Report.indicators()`: one row per indicator row (a metric rolled up in
/// total, per province or per commune).
pub fn indicators_frame<'py>(
    py: Python<'py>,
    year: i32,
    front: Option<&FrontReport>,
) -> PyResult<Bound<'py, PyAny>> {
    let rows = front.map_or(&[][..], |f| &f.indicators[..]);
    let as_of = match front {
        Some(f) => date_to_py(py, f.as_of)?,
        None => py.None().into_bound(py),
    };
    let d = PyDict::new(py);
    d.set_item(
        "metric",
        rows.iter().map(|r| r.metric.as_str()).collect::<Vec<_>>(),
    )?;
    d.set_item(
        "label_vi",
        rows.iter()
            .map(|r| r.metric.label(Lang::Vi))
            .collect::<Vec<_>>(),
    )?;
    d.set_item(
        "label_en",
        rows.iter()
            .map(|r| r.metric.label(Lang::En))
            .collect::<Vec<_>>(),
    )?;
    d.set_item(
        "is_count",
        rows.iter().map(|r| r.metric.is_count()).collect::<Vec<_>>(),
    )?;
    d.set_item(
        "scope",
        rows.iter()
            .map(|r| rollup_name(r.scope))
            .collect::<Vec<_>>(),
    )?;
    d.set_item(
        "unit",
        rows.iter().map(|r| r.unit.as_deref()).collect::<Vec<_>>(),
    )?;
    d.set_item("year", vec![year; rows.len()])?;
    d.set_item("units", rows.iter().map(|r| r.units).collect::<Vec<_>>())?;
    d.set_item(
        "numerator",
        rows.iter().map(|r| r.numerator).collect::<Vec<_>>(),
    )?;
    d.set_item(
        "denominator",
        rows.iter().map(|r| r.denominator).collect::<Vec<_>>(),
    )?;
    frames(py)?.getattr("indicators_frame")?.call1((d, as_of))
}

/// `Report.targets()`: one row per target compared.
pub fn targets_frame<'py>(
    py: Python<'py>,
    front: Option<&FrontReport>,
) -> PyResult<Bound<'py, PyAny>> {
    let rows = front.map_or(&[][..], |f| &f.targets[..]);
    let d = PyDict::new(py);
    d.set_item(
        "target",
        rows.iter().map(|r| r.target.as_str()).collect::<Vec<_>>(),
    )?;
    d.set_item(
        "metric",
        rows.iter().map(|r| r.metric.as_str()).collect::<Vec<_>>(),
    )?;
    d.set_item(
        "comparator",
        rows.iter()
            .map(|r| comparator_name(r.comparator))
            .collect::<Vec<_>>(),
    )?;
    d.set_item("value", rows.iter().map(|r| r.value).collect::<Vec<_>>())?;
    d.set_item(
        "scope",
        rows.iter().map(|r| scope_name(r.scope)).collect::<Vec<_>>(),
    )?;
    d.set_item(
        "source",
        rows.iter().map(|r| r.source.as_str()).collect::<Vec<_>>(),
    )?;
    d.set_item(
        "verified",
        rows.iter().map(|r| r.verified).collect::<Vec<_>>(),
    )?;
    d.set_item(
        "evaluated",
        rows.iter().map(|r| r.evaluated).collect::<Vec<_>>(),
    )?;
    d.set_item("met", rows.iter().map(|r| r.met).collect::<Vec<_>>())?;
    d.set_item(
        "missed",
        rows.iter().map(|r| r.missed.len()).collect::<Vec<_>>(),
    )?;
    let units = PyList::empty(py);
    for r in rows {
        units.append(PyList::new(py, r.missed.iter().map(|m| m.unit.as_str()))?)?;
    }
    d.set_item("missed_units", units)?;
    frames(py)?.getattr("targets_frame")?.call1((d,))
}
