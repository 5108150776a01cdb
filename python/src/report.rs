//! `xeploai.Report`: the result of a run, with its outcomes as objects, as a
//! pandas DataFrame built column by column in Rust, and summaries.

use crate::convert::json_to_py;
use crate::errors::{argument_error, report_error, unknown_subject};
use crate::groups::Resolver;
use crate::policy::PyPolicy;
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyDict, PyList, PySlice};
use rustc_hash::FxHashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use xeploai::org::Tree;
use xeploai::outcome::NotRatedReason;
use xeploai::report::{OutcomeRef, Report, SubjectKind};
use xeploai::{Lang, Level, OrgGraph, Regime, UnitKind};

/// The reasons for not rating, in the order of the categories of the
/// `reason` column.
const REASONS: [NotRatedReason; 6] = NotRatedReason::ALL;

/// The `regime` argument: a regime name or None.
pub fn regime_arg(py: Python<'_>, regime: Option<&str>) -> PyResult<Option<Regime>> {
    match regime {
        None => Ok(None),
        Some(name) => Regime::parse(name).map(Some).ok_or_else(|| {
            let known: Vec<_> = Regime::ALL.iter().map(|r| r.as_str()).collect();
            argument_error(
                py,
                &format!("unknown regime `{name}`; regimes: {}", known.join(", ")),
            )
        }),
    }
}

/// The `lang` argument: `vi` or `en`.
fn lang_arg(py: Python<'_>, lang: &str) -> PyResult<Lang> {
    Lang::parse(lang)
        .ok_or_else(|| argument_error(py, &format!("unknown language `{lang}`: expected vi or en")))
}

fn frames(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    PyModule::import(py, "xeploai._frames")
}

fn to_py<'py, T: serde::Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let v = serde_json::to_value(value)
        .map_err(|e| argument_error(py, &format!("cannot convert the value: {e}")))?;
    json_to_py(py, &v)
}

/// The report of a run (`xeploai-report/1`): every subject's outcome with
/// the rules behind it, summaries, quota usage, the proposals the rules do
/// not allow and the open points of discretion. Immutable.
#[pyclass(frozen, module = "xeploai", name = "Report")]
#[derive(Debug)]
pub struct PyReport {
    report: Arc<Report>,
    graph: Option<Arc<OrgGraph>>,
}

/// Whether two ids are the same string in memory (a report shares one
/// allocation per unit id among its outcomes).
fn same(a: &str, b: &str) -> bool {
    std::ptr::eq(a.as_ptr(), b.as_ptr()) && a.len() == b.len()
}

/// The id columns of `to_pandas`, categoricals whose codes are in the block.
const ID_COLUMNS: [&str; 4] = ["unit", "grassroots", "commune", "province"];

/// The one-byte columns of `to_pandas`: `kind`, `unit_kind`, `level`,
/// `reason`, `provisional` and `quota_demoted`, in this order in the block.
const SMALL_COLUMNS: usize = 6;

/// Bytes per row of the block: the score (`f64`), a 4-byte code slot per id
/// column and one byte per small column.
const ROW_BYTES: usize = 8 + 4 * ID_COLUMNS.len() + SMALL_COLUMNS;

/// The fixed-width columns of `to_pandas`, `n` rows each, as disjoint parts
/// of one buffer (the block): the score, the id columns' code slots, then
/// the one-byte columns.
struct Parts<'b> {
    score: &'b mut [u8],
    ids: [&'b mut [u8]; 4],
    small: [&'b mut [u8]; SMALL_COLUMNS],
}

impl<'b> Parts<'b> {
    /// Splits a block of `n` rows (`n * ROW_BYTES` bytes) into its columns.
    fn new(block: &'b mut [u8], n: usize) -> Option<Self> {
        let (score, mut rest) = block.split_at_mut_checked(8 * n)?;
        let mut ids: [&'b mut [u8]; 4] = Default::default();
        for slot in &mut ids {
            let (column, tail) = rest.split_at_mut_checked(4 * n)?;
            *slot = column;
            rest = tail;
        }
        let mut small: [&'b mut [u8]; SMALL_COLUMNS] = Default::default();
        for slot in &mut small {
            let (column, tail) = rest.split_at_mut_checked(n)?;
            *slot = column;
            rest = tail;
        }
        Some(Self { score, ids, small })
    }

    /// The first `rows` rows and the rest.
    fn split(&mut self, rows: usize) -> Option<(Parts<'_>, Parts<'_>)> {
        let (score, score2) = self.score.split_at_mut_checked(8 * rows)?;
        let mut ids: [&mut [u8]; 4] = Default::default();
        let mut ids2: [&mut [u8]; 4] = Default::default();
        for ((column, a), b) in self.ids.iter_mut().zip(&mut ids).zip(&mut ids2) {
            (*a, *b) = column.split_at_mut_checked(4 * rows)?;
        }
        let mut small: [&mut [u8]; SMALL_COLUMNS] = Default::default();
        let mut small2: [&mut [u8]; SMALL_COLUMNS] = Default::default();
        for ((column, a), b) in self.small.iter_mut().zip(&mut small).zip(&mut small2) {
            (*a, *b) = column.split_at_mut_checked(rows)?;
        }
        Some((
            Parts { score, ids, small },
            Parts {
                score: score2,
                ids: ids2,
                small: small2,
            },
        ))
    }
}

/// Writes the value of row `i` of a column of `W`-byte values.
fn put<const W: usize>(column: &mut [u8], i: usize, value: [u8; W]) {
    if let Some(cell) = column.get_mut(i * W..(i + 1) * W) {
        cell.copy_from_slice(&value);
    }
}

/// The code in row `i` of a column of 4-byte code slots (-1 if none).
fn code_at(column: &[u8], i: usize) -> i32 {
    column
        .get(i * 4..(i + 1) * 4)
        .and_then(|c| <[u8; 4]>::try_from(c).ok())
        .map_or(-1, i32::from_ne_bytes)
}

/// The categories of one id column, in order of first appearance, and the
/// code of each id.
#[derive(Default)]
struct Dict<'a> {
    values: Vec<&'a str>,
    index: FxHashMap<&'a str, i32>,
    last: Option<(&'a str, i32)>,
}

impl<'a> Dict<'a> {
    fn code_of(&mut self, id: &'a str) -> i32 {
        let next = i32::try_from(self.values.len()).unwrap_or(i32::MAX);
        *self.index.entry(id).or_insert_with(|| {
            self.values.push(id);
            next
        })
    }

    /// The code of `id`, -1 for none.
    fn code(&mut self, id: Option<&'a str>) -> i32 {
        match (id, self.last) {
            (None, _) => -1,
            // Consecutive outcomes mostly share their unit: no hashing then.
            (Some(id), Some((prev, code))) if same(prev, id) => code,
            (Some(id), _) => {
                let code = self.code_of(id);
                self.last = Some((id, code));
                code
            }
        }
    }

    /// Takes `other`'s categories into this dictionary and renumbers the
    /// codes of its rows (a column of 4-byte code slots) to match.
    fn merge(&mut self, other: &Self, column: &mut [u8]) {
        let remap: Vec<i32> = other.values.iter().map(|v| self.code_of(v)).collect();
        for slot in column.chunks_exact_mut(4) {
            let old = <[u8; 4]>::try_from(&*slot).map_or(-1, i32::from_ne_bytes);
            let new = usize::try_from(old)
                .ok()
                .and_then(|i| remap.get(i).copied())
                .unwrap_or(-1);
            slot.copy_from_slice(&new.to_ne_bytes());
        }
    }
}

/// The width in bytes that pandas gives the codes of a categorical with
/// `categories` categories (`coerce_indexer_dtype`); codes of that width are
/// used as they are, without a copy.
fn code_width(categories: usize) -> usize {
    if categories < 127 {
        1
    } else if categories < 32_767 {
        2
    } else {
        4
    }
}

/// Rewrites a column of `n` 4-byte codes in place as codes of `width` bytes
/// (at the start of the column). Every code fits: `width` is
/// [`code_width`] of the number of categories.
fn narrow(column: &mut [u8], n: usize, width: usize) {
    // Row i moves from 4 i to width i <= 4 i: front to back never overwrites
    // a code not yet read.
    for i in 0..n {
        let c = code_at(column, i);
        match width {
            1 => put(column, i, i8::try_from(c).unwrap_or(-1).to_ne_bytes()),
            2 => put(column, i, i16::try_from(c).unwrap_or(-1).to_ne_bytes()),
            _ => {}
        }
    }
}

/// A small category code (positions in short tables) as a byte; -1 (0xff) is missing.
fn code(i: usize) -> u8 {
    u8::try_from(i).ok().filter(|&c| c < 0x80).unwrap_or(0xff)
}

/// How much more an organisation's row costs than a member's: its province
/// is looked up in the graph (a member's is its cell's, known after the
/// first member of the cell) and its unit, grassroots and commune change
/// from one row to the next.
const ORGANISATION_COST: usize = 8;

/// Where to split the outcomes for two threads to do about the same work:
/// the members come first, then the organisations, which cost more.
fn balanced_split(report: &Report) -> usize {
    let outcomes = &report.outcomes;
    let n = outcomes.len();
    // The first organisation (members first, then organisations).
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match outcomes.get(mid).map(|o| o.kind()) {
            Some(SubjectKind::Member) => lo = mid + 1,
            _ => hi = mid,
        }
    }
    let members = lo;
    let half = (members + ORGANISATION_COST * (n - members)) / 2;
    if half <= members {
        half
    } else {
        members + (half - members) / ORGANISATION_COST
    }
}

/// Fills the block with the columns of all outcomes (the two halves on two
/// threads); returns the categories of each id column and the width of its
/// codes, narrowed in place to [`code_width`].
fn fill<'a>(
    report: &'a Report,
    graph: Option<&'a OrgGraph>,
    mut parts: Parts<'_>,
) -> [(Vec<&'a str>, usize); 4] {
    let n = report.outcomes.len();
    let half = balanced_split(report);
    let first = || report.outcomes.iter().take(half);
    let second = || report.outcomes.iter().skip(half);
    let dicts = match parts.split(half) {
        Some((mut a, mut b)) => {
            let (mut dicts, theirs) = std::thread::scope(|s| {
                let b = &mut b;
                let other = s.spawn(move || fill_rows(second(), report.year, graph, b));
                (fill_rows(first(), report.year, graph, &mut a), other.join())
            });
            // The thread makes no panicking call; if it did panic, so does this
            // one, and `to_pandas` turns that into an error.
            let theirs = match theirs {
                Ok(theirs) => theirs,
                Err(panic) => std::panic::resume_unwind(panic),
            };
            for ((dict, other), column) in dicts.iter_mut().zip(&theirs).zip(&mut b.ids) {
                dict.merge(other, column);
            }
            dicts
        }
        // Cannot happen (`half <= n`): all on this thread then.
        None => fill_rows(report.outcomes.iter(), report.year, graph, &mut parts),
    };
    let mut out: [(Vec<&'a str>, usize); 4] = Default::default();
    for ((dict, column), slot) in dicts.into_iter().zip(&mut parts.ids).zip(&mut out) {
        let width = code_width(dict.values.len());
        narrow(column, n, width);
        *slot = (dict.values, width);
    }
    out
}

/// Fills `parts` with the columns of `outcomes`.
fn fill_rows<'a>(
    outcomes: impl Iterator<Item = OutcomeRef<'a>>,
    year: i32,
    graph: Option<&'a OrgGraph>,
    parts: &mut Parts<'_>,
) -> [Dict<'a>; 4] {
    let end = xeploai::date::end_of_year(year);
    let mut resolver = match (graph, end) {
        (Some(g), Some(end)) => Some(Resolver::new(g, end, UnitKind::Province)),
        _ => None,
    };
    const NA: u8 = 0xff; // -1 as i8
    let [unit, grassroots, commune, province] = &mut parts.ids;
    let [kind, unit_kind, level, reason, provisional, quota_demoted] = &mut parts.small;
    let mut dicts: [Dict<'a>; 4] = Default::default();
    // The province code of each unit code (members: their cell's province).
    let mut province_of_unit: Vec<Option<i32>> = Vec::new();
    for (i, o) in outcomes.enumerate() {
        put(kind, i, [u8::from(o.kind() == SubjectKind::Organisation)]);
        let uk = UnitKind::ALL.iter().position(|k| *k == o.unit_kind());
        put(unit_kind, i, [uk.map_or(NA, code)]);
        let (lv, rs, score, prov, demoted) = match o.level() {
            Some(l) => (
                l as u8,
                NA,
                o.score().map_or(f64::NAN, |s| f64::from(s) / 10.0),
                o.provisional(),
                o.quota_demoted(),
            ),
            None => {
                let r = o.not_rated_reason();
                let rs = REASONS.iter().position(|x| Some(*x) == r).map_or(NA, code);
                (NA, rs, f64::NAN, false, false)
            }
        };
        put(level, i, [lv]);
        put(reason, i, [rs]);
        put(parts.score, i, score.to_ne_bytes());
        put(provisional, i, [u8::from(prov)]);
        put(quota_demoted, i, [u8::from(demoted)]);
        let [d_unit, d_grassroots, d_commune, d_province] = &mut dicts;
        let u = d_unit.code(o.unit());
        put(unit, i, u.to_ne_bytes());
        put(
            grassroots,
            i,
            d_grassroots.code(o.grassroots()).to_ne_bytes(),
        );
        put(commune, i, d_commune.code(o.commune()).to_ne_bytes());
        // A member is in its cell's province; an organisation in its own.
        let p = match (o.kind(), usize::try_from(u)) {
            (SubjectKind::Member, Ok(u)) => match province_of_unit.get(u) {
                Some(Some(p)) => *p,
                _ => {
                    let found = resolver
                        .as_mut()
                        .and_then(|r| o.unit().and_then(|s| r.find(s)));
                    let p = d_province.code(found);
                    if province_of_unit.len() <= u {
                        province_of_unit.resize(u + 1, None);
                    }
                    if let Some(slot) = province_of_unit.get_mut(u) {
                        *slot = Some(p);
                    }
                    p
                }
            },
            (SubjectKind::Member, Err(_)) => -1,
            (SubjectKind::Organisation, _) => {
                d_province.code(resolver.as_mut().and_then(|r| r.find(o.subject())))
            }
        };
        put(province, i, p.to_ne_bytes());
    }
    dicts
}

/// Subjects per list in [`subjects_array`]: a list of this many is 512 KiB.
const SUBJECTS_CHUNK: usize = 1 << 16;

/// The subjects' ids as a numpy array of `str`, filled a short list at a time
/// (the memory of one list is reused by the next, where a list of all the
/// subjects would be fresh memory as large as the array).
fn subjects_array<'py>(py: Python<'py>, report: &Report) -> PyResult<Bound<'py, PyAny>> {
    let n = report.outcomes.len();
    let kwargs = PyDict::new(py);
    kwargs.set_item("dtype", "object")?;
    let array = PyModule::import(py, "numpy")?
        .getattr("empty")?
        .call((n,), Some(&kwargs))?;
    let mut rows = report.outcomes.iter();
    let mut start = 0;
    while start < n {
        let end = n.min(start + SUBJECTS_CHUNK);
        let chunk = PyList::new(py, rows.by_ref().take(end - start).map(|o| o.subject()))?;
        array.set_item(PySlice::new(py, index(start)?, index(end)?, 1), chunk)?;
        start = end;
    }
    Ok(array)
}

/// A row number as a Python index.
fn index(i: usize) -> PyResult<isize> {
    isize::try_from(i).map_err(|_| pyo3::exceptions::PyOverflowError::new_err("too many rows"))
}

/// Counts of one group.
#[derive(Debug, Clone, Copy, Default)]
struct Count {
    on_roll: u32,
    rated: u32,
    levels: [u32; 4],
}

impl Count {
    fn add(&mut self, o: &OutcomeRef<'_>) {
        self.on_roll += 1;
        if let Some(level) = o.level() {
            self.rated += 1;
            if let Some(c) = self.levels.get_mut(level as usize) {
                *c += 1;
            }
        }
    }
}

impl PyReport {
    pub fn new(report: Arc<Report>, graph: Option<Arc<OrgGraph>>) -> Self {
        Self { report, graph }
    }

    /// The group of each outcome for `summary(by=…)`.
    fn group_keys<'a>(&'a self, py: Python<'_>, by: &str) -> PyResult<Vec<Option<&'a str>>> {
        let outcomes = &self.report.outcomes;
        match by {
            "commune" => return Ok(outcomes.iter().map(|o| o.commune()).collect()),
            "grassroots" => return Ok(outcomes.iter().map(|o| o.grassroots()).collect()),
            _ => {}
        }
        let kind = UnitKind::parse(by).ok_or_else(|| {
            let kinds: Vec<_> = UnitKind::ALL.iter().map(|k| k.as_str()).collect();
            argument_error(
                py,
                &format!(
                    "cannot group by `{by}`: expected `commune`, `grassroots` or a unit kind ({})",
                    kinds.join(", ")
                ),
            )
        })?;
        let (Some(graph), Some(end)) = (
            self.graph.as_deref(),
            xeploai::date::end_of_year(self.report.year),
        ) else {
            return Err(argument_error(
                py,
                &format!("grouping by `{by}` needs the dataset: rate it again with xeploai.rate"),
            ));
        };
        let administrative = kind.tree() == Tree::Administrative;
        let mut resolver = Resolver::new(graph, end, kind);
        Ok(py.detach(|| {
            outcomes
                .iter()
                .map(|o| {
                    // An organisation belongs to the units above it, not to itself;
                    // for an administrative kind, to the area it serves.
                    let start = match (o.kind(), administrative) {
                        (SubjectKind::Organisation, true) => Some(o.subject()),
                        _ => o.unit(),
                    };
                    start.and_then(|s| resolver.of(s))
                })
                .collect()
        }))
    }

    fn entry(&self, py: Python<'_>, subject: &str) -> PyResult<PyOutcome> {
        let index = self
            .report
            .outcomes
            .position(subject)
            .ok_or_else(|| unknown_subject(py, subject))?;
        Ok(PyOutcome {
            report: Arc::clone(&self.report),
            index,
        })
    }
}

#[pymethods]
impl PyReport {
    /// Reads a report back from its JSON. A report read this way has no
    /// dataset: `summary(by=…)` works by `commune` and `grassroots` only and
    /// the `province` column of `to_pandas()` is empty.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<Self> {
        let report = py
            .detach(|| Report::from_json(text))
            .map_err(|e| report_error(py, &e))?;
        Ok(Self::new(Arc::new(report), None))
    }

    /// The report as JSON (`xeploai-report/1`): compact and deterministic
    /// (byte-identical to the Rust library's), or indented.
    #[pyo3(signature = (pretty = false))]
    fn to_json(&self, py: Python<'_>, pretty: bool) -> String {
        let r = &self.report;
        py.detach(|| {
            if pretty {
                r.to_json_pretty()
            } else {
                r.to_json()
            }
        })
    }

    /// The rating year.
    #[getter]
    fn year(&self) -> i32 {
        self.report.year
    }

    /// The regime applied, e.g. `qd366-2025`.
    #[getter]
    fn regime(&self) -> &'static str {
        self.report.regime.as_str()
    }

    /// Whether the regime was named by the caller rather than chosen by the year.
    #[getter]
    fn regime_named(&self) -> bool {
        self.report.regime_named
    }

    /// The library version that made the report.
    #[getter]
    fn generator(&self) -> &str {
        &self.report.generator
    }

    /// The policy applied.
    #[getter]
    fn policy(&self) -> PyPolicy {
        PyPolicy {
            inner: self.report.policy.clone(),
        }
    }

    /// Warnings: counts by code (e.g. `no_evaluation`, `missing_task_facts`).
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.report.warnings)
    }

    /// The counts of the whole dataset: `members` and `organisations`, each
    /// with `on_roll`, `rated`, `by_level` and `not_rated` (by reason).
    #[getter]
    fn total<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.report.total)
    }

    /// Every subject's outcome, sorted by kind (members first) then id: a
    /// sequence of `Outcome`.
    #[getter]
    fn outcomes(&self) -> PyOutcomes {
        PyOutcomes {
            report: Arc::clone(&self.report),
        }
    }

    /// The outcome of one subject (a person's or a party organisation's id);
    /// `UnknownSubjectError` if the report does not hold it.
    fn outcome(&self, py: Python<'_>, subject: &str) -> PyResult<PyOutcome> {
        self.entry(py, subject)
    }

    /// A short paragraph explaining a subject's outcome, citing the rules, in
    /// Vietnamese (`lang="vi"`) or English (`lang="en"`).
    #[pyo3(signature = (subject, lang = "vi"))]
    fn explain(&self, py: Python<'_>, subject: &str, lang: &str) -> PyResult<String> {
        let lang = lang_arg(py, lang)?;
        self.report
            .explain(subject, lang)
            .ok_or_else(|| unknown_subject(py, subject))
    }

    /// The outcomes as a pandas DataFrame, one row per subject: `subject`,
    /// `kind`, `unit_kind`, `level` (ordered categorical, empty when not
    /// rated), `reason` (why not rated, empty when rated), `score` (points,
    /// NaN when none), `provisional`, `quota_demoted`, then the ids of the
    /// unit (a member's cell, an organisation's parent), its grassroots
    /// organisation, commune and province (categoricals, their categories in
    /// order of first appearance). Built in Rust; a new frame on each call,
    /// its cells editable.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let report = &*self.report;
        let graph = self.graph.as_deref();
        let n = report.outcomes.len();
        let too_many = || argument_error(py, &format!("{n} outcomes do not fit in one frame"));
        let len = n.checked_mul(ROW_BYTES).ok_or_else(too_many)?;
        let mut subjects = None;
        let mut ids = Default::default();
        // One buffer for the fixed-width columns, filled in place by two
        // threads while this one (with the GIL) makes the subjects' array.
        let block = PyByteArray::new_with(py, len, |block| {
            let parts = Parts::new(block, n).ok_or_else(too_many)?;
            let (array, columns) = std::thread::scope(|s| {
                let columns = s.spawn(move || fill(report, graph, parts));
                let array = subjects_array(py, report);
                // Without the GIL while the columns are not done.
                (array, py.detach(move || columns.join()))
            });
            subjects = Some(array?);
            // The threads make no panicking call; if one did, an error, not a panic.
            ids = columns
                .map_err(|_| PyRuntimeError::new_err("to_pandas: building the columns failed"))?;
            Ok(())
        })?;
        let names = |all: &[&'static str]| PyList::new(py, all);
        let kinds = names(&["member", "organisation"])?;
        let unit_kinds: Vec<_> = UnitKind::ALL.iter().map(|k| k.as_str()).collect();
        let unit_kinds = names(&unit_kinds)?;
        let levels: Vec<_> = Level::ALL.iter().map(|l| l.as_str()).collect();
        let levels = names(&levels)?;
        let reasons: Vec<_> = REASONS.iter().map(|r| r.as_str()).collect();
        let reasons = names(&reasons)?;
        // Where the columns are in the block.
        let id_at = |k: usize| 8 * n + 4 * n * k;
        let small_at = |i: usize| id_at(ID_COLUMNS.len()) + n * i;
        // (name, byte offset in the block, dtype, categories, ordered), in the
        // order of the frame's columns.
        let layout = PyList::empty(py);
        for (name, at, dtype, categories, ordered) in [
            ("kind", small_at(0), "int8", Some(kinds), false),
            ("unit_kind", small_at(1), "int8", Some(unit_kinds), false),
            ("level", small_at(2), "int8", Some(levels), true),
            ("reason", small_at(3), "int8", Some(reasons), false),
            ("score", 0, "float64", None, false),
            ("provisional", small_at(4), "bool", None, false),
            ("quota_demoted", small_at(5), "bool", None, false),
        ] {
            layout.append((name, at, dtype, categories, ordered))?;
        }
        for (k, (name, (values, width))) in ID_COLUMNS.iter().zip(&ids).enumerate() {
            let dtype = match width {
                1 => "int8",
                2 => "int16",
                _ => "int32",
            };
            let categories = Some(PyList::new(py, values)?);
            layout.append((*name, id_at(k), dtype, categories, false))?;
        }
        frames(py)?
            .getattr("outcomes_frame")?
            .call1((subjects, block, layout))
    }

    /// Counts per group as a DataFrame, one row per group (sorted by id; a
    /// last row with an empty `unit` holds the subjects of no group): the
    /// members on the roll, rated, by level and not rated, and the same for
    /// the party organisations. `by` is `commune` (the default),
    /// `grassroots` (the grassroots party organisation), `province`, or any
    /// unit kind (`district`, `residential_area`, `grassroots_committee`,
    /// `cell` …): the nearest unit of that kind above the subject's unit, or
    /// the area it serves. An organisation is not in its own group.
    #[pyo3(signature = (by = "commune"))]
    fn summary<'py>(&self, py: Python<'py>, by: &str) -> PyResult<Bound<'py, PyAny>> {
        let keys = self.group_keys(py, by)?;
        let outcomes = &self.report.outcomes;
        let mut groups: FxHashMap<Option<&str>, (Count, Count)> = FxHashMap::default();
        py.detach(|| {
            for (o, key) in outcomes.iter().zip(&keys) {
                let g = groups.entry(*key).or_default();
                match o.kind() {
                    SubjectKind::Member => g.0.add(&o),
                    SubjectKind::Organisation => g.1.add(&o),
                }
            }
        });
        let mut rows: Vec<_> = groups.into_iter().collect();
        // Groups by id, the subjects of no group last.
        rows.sort_unstable_by(|a, b| (a.0.is_none(), a.0).cmp(&(b.0.is_none(), b.0)));
        let names: FxHashMap<&str, (&str, Option<UnitKind>)> = self
            .report
            .summaries
            .iter()
            .map(|s| (s.unit.as_str(), (s.name.as_str(), s.unit_kind)))
            .collect();
        let d = PyDict::new(py);
        let ids: Vec<Option<&str>> = rows.iter().map(|r| r.0).collect();
        let mut name_col = Vec::with_capacity(rows.len());
        let mut kind_col = Vec::with_capacity(rows.len());
        for id in &ids {
            let (name, kind) = match (id, self.graph.as_deref()) {
                (Some(id), Some(g)) => g
                    .unit(id)
                    .map_or((None, None), |u| (Some(u.name.as_str()), Some(u.kind))),
                (Some(id), None) => names.get(id).map_or((None, None), |(n, k)| (Some(*n), *k)),
                (None, _) => (None, None),
            };
            name_col.push(name);
            kind_col.push(kind.map(UnitKind::as_str));
        }
        d.set_item("unit", ids)?;
        d.set_item("name", name_col)?;
        d.set_item("unit_kind", kind_col)?;
        for (prefix, pick) in [("members", 0usize), ("organisations", 1usize)] {
            let part = |r: &(Option<&str>, (Count, Count))| if pick == 0 { r.1 .0 } else { r.1 .1 };
            let col = |f: &dyn Fn(&Count) -> u32| -> Vec<u32> {
                rows.iter().map(|r| f(&part(r))).collect()
            };
            d.set_item(format!("{prefix}_on_roll"), col(&|c| c.on_roll))?;
            d.set_item(format!("{prefix}_rated"), col(&|c| c.rated))?;
            for level in Level::ALL.iter().rev() {
                let i = *level as usize;
                d.set_item(
                    format!("{prefix}_{}", level.as_str()),
                    col(&|c| c.levels.get(i).copied().unwrap_or(0)),
                )?;
            }
            d.set_item(format!("{prefix}_not_rated"), col(&|c| c.on_roll - c.rated))?;
        }
        frames(py)?.getattr("summary_frame")?.call1((d,))
    }

    /// The proposals the rules do not allow, or that are below what they
    /// allow, as a DataFrame: `subject`, `stage`, `proposed`, `allowed`,
    /// `kind` (`above_allowed`, `below_allowed`, `not_rated`) and `rules` (the
    /// ids of the rules that set or lowered the allowed level).
    fn discrepancies<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let records = to_py(py, &self.report.discrepancies)?;
        frames(py)?.getattr("records_frame")?.call1((
            records,
            ["subject", "stage", "proposed", "allowed", "kind", "rules"],
        ))
    }

    /// The quota groups that had candidates, as a DataFrame: `group`,
    /// `explicit`, `percent`, `good`, `candidates`, `cap`, `granted`,
    /// `demoted` (ids), `conflict`.
    fn quotas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let records = to_py(py, &self.report.quotas)?;
        frames(py)?.getattr("records_frame")?.call1((
            records,
            [
                "group",
                "explicit",
                "percent",
                "good",
                "candidates",
                "cap",
                "granted",
                "demoted",
                "conflict",
            ],
        ))
    }

    /// The points of discretion, as a DataFrame: `subject`, `point`, `rule`,
    /// `default` (the level applied) and `decided` (a recorded decision, if any).
    fn discretion<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let records = to_py(py, &self.report.discretion)?;
        frames(py)?
            .getattr("records_frame")?
            .call1((records, ["subject", "point", "rule", "default", "decided"]))
    }

    /// The report's own summaries (per grassroots organisation and per
    /// commune, as in its JSON) as a DataFrame with the columns of `summary`.
    fn summaries<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let records = to_py(py, &self.report.summaries)?;
        frames(py)?
            .getattr("unit_summaries_frame")?
            .call1((records,))
    }

    /// The Front side (`front` of the report's JSON) as a dict: `as_of`,
    /// `schemes`, `boards`, `areas`, `communes`, `indicators`, `targets`,
    /// `warnings`. None when the dataset has no Front work board and no Front
    /// data. A new dict on each access.
    #[getter]
    fn front<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::front::front_dict(py, self.report.front.as_ref())
    }

    /// The Front work boards (BCTMT) as a DataFrame, one row per board
    /// existing on `as_of`, by id: `board`, `area`, `commune`, `as_of`
    /// (`datetime.date`), `composition_ok`, `composition_failed` (failed
    /// checks), `failed_checks` (their rule ids), `not_rated` (why not
    /// rated), `scheme`, `illustrative`, `level` (the band's code),
    /// `level_vi`, `level_en`, `rank` (1 = best), `band_rank`, `score`,
    /// `base`, `bonus`, `deducted`, `self_score` (points), `quota_demoted`,
    /// `missing` (criteria without a score), `findings` (how many). Empty,
    /// with these columns, when the report has no Front section.
    fn boards<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::front::boards_frame(py, self.report.front.as_ref())
    }

    /// The Front indicators as a DataFrame, one row per metric and roll-up:
    /// `metric`, `label_vi`, `label_en`, `is_count` (a count per unit, not
    /// a share), `scope` (`total`, `province`, `commune`), `unit` (the
    /// province or commune; empty for the total), `year`, `as_of`, `units`
    /// (units observed), `numerator`, `denominator`, `share` (numerator /
    /// denominator, NaN when the denominator is 0).
    fn indicators<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::front::indicators_frame(py, self.report.year, self.report.front.as_ref())
    }

    /// The Front targets compared as a DataFrame, one row per target:
    /// `target`, `metric`, `comparator` (`at_least`, `at_most`), `value`
    /// (percent, or a count per unit), `scope` (`unit`, `commune`,
    /// `province`), `source`, `verified`, `evaluated`, `met`, `missed` (how
    /// many units miss it) and `missed_units` (their ids).
    fn targets<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::front::targets_frame(py, self.report.front.as_ref())
    }

    fn __len__(&self) -> usize {
        self.report.outcomes.len()
    }

    fn __repr__(&self) -> String {
        let t = &self.report.total;
        format!(
            "<xeploai.Report {} ({}): {} subjects; members {} on roll, {} rated; organisations {} on roll, {} rated>",
            self.report.year,
            self.report.regime.as_str(),
            self.report.outcomes.len(),
            t.members.on_roll,
            t.members.rated,
            t.organisations.on_roll,
            t.organisations.rated
        )
    }
}

/// The outcomes of a report: a read-only sequence of `Outcome`, sorted by
/// kind (members first) then id.
#[pyclass(frozen, sequence, module = "xeploai", name = "Outcomes")]
#[derive(Debug)]
pub struct PyOutcomes {
    report: Arc<Report>,
}

#[pymethods]
impl PyOutcomes {
    fn __len__(&self) -> usize {
        self.report.outcomes.len()
    }

    fn __getitem__(&self, index: isize) -> PyResult<PyOutcome> {
        let n = self.report.outcomes.len();
        let i = if index < 0 {
            n.checked_sub(index.unsigned_abs())
        } else {
            Some(index.unsigned_abs()).filter(|&i| i < n)
        };
        i.map(|index| PyOutcome {
            report: Arc::clone(&self.report),
            index,
        })
        .ok_or_else(|| pyo3::exceptions::PyIndexError::new_err("outcome index out of range"))
    }

    fn __iter__(&self) -> PyOutcomeIter {
        PyOutcomeIter {
            report: Arc::clone(&self.report),
            next: AtomicUsize::new(0),
        }
    }

    fn __repr__(&self) -> String {
        format!(
            "<xeploai.Outcomes: {} subjects>",
            self.report.outcomes.len()
        )
    }
}

/// An iterator over `Outcomes`.
#[pyclass(frozen, module = "xeploai", name = "OutcomeIterator")]
#[derive(Debug)]
pub struct PyOutcomeIter {
    report: Arc<Report>,
    next: AtomicUsize,
}

#[pymethods]
impl PyOutcomeIter {
    fn __iter__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
        slf
    }

    fn __next__(&self) -> Option<PyOutcome> {
        let index = self.next.fetch_add(1, Ordering::Relaxed);
        (index < self.report.outcomes.len()).then(|| PyOutcome {
            report: Arc::clone(&self.report),
            index,
        })
    }
}

/// One subject's outcome: not rated with a reason, or rated with a level, the
/// findings behind it (each rule with its citation and message), the points
/// of discretion and the policy settings that affected it.
#[pyclass(frozen, module = "xeploai", name = "Outcome")]
#[derive(Debug)]
pub struct PyOutcome {
    report: Arc<Report>,
    index: usize,
}

impl PyOutcome {
    fn get(&self) -> PyResult<OutcomeRef<'_>> {
        self.report
            .outcomes
            .get(self.index)
            .ok_or_else(|| pyo3::exceptions::PyIndexError::new_err("outcome index out of range"))
    }
}

#[pymethods]
impl PyOutcome {
    /// The person's or the unit's id.
    #[getter]
    fn subject(&self) -> PyResult<&str> {
        Ok(self.get()?.subject())
    }

    /// `member` or `organisation`.
    #[getter]
    fn kind(&self) -> PyResult<&'static str> {
        Ok(match self.get()?.kind() {
            SubjectKind::Member => "member",
            SubjectKind::Organisation => "organisation",
        })
    }

    /// For an organisation its unit kind; for a member, the kind of its cell.
    #[getter]
    fn unit_kind(&self) -> PyResult<&'static str> {
        Ok(self.get()?.unit_kind().as_str())
    }

    /// A member's cell, an organisation's parent.
    #[getter]
    fn unit(&self) -> PyResult<Option<&str>> {
        Ok(self.get()?.unit())
    }

    /// The grassroots party organisation the subject belongs to.
    #[getter]
    fn grassroots(&self) -> PyResult<Option<&str>> {
        Ok(self.get()?.grassroots())
    }

    /// The commune.
    #[getter]
    fn commune(&self) -> PyResult<Option<&str>> {
        Ok(self.get()?.commune())
    }

    /// `rated` or `not_rated`.
    #[getter]
    fn status(&self) -> PyResult<&'static str> {
        Ok(if self.get()?.level().is_some() {
            "rated"
        } else {
            "not_rated"
        })
    }

    /// The level (`excellent`, `good`, `completed`, `not_completed`), None if not rated.
    #[getter]
    fn level(&self) -> PyResult<Option<&'static str>> {
        Ok(self.get()?.level().map(Level::as_str))
    }

    /// The level's abbreviation (HTXSNV, HTTNV, HTNV, KHTNV), None if not rated.
    #[getter]
    fn level_code(&self) -> PyResult<Option<&'static str>> {
        Ok(self.get()?.level().map(Level::code))
    }

    /// Why the subject is not rated (`exempt`, `suspended`,
    /// `admitted_under_six_months`, `new_organisation`, `no_evaluation`,
    /// `missing_inputs`), None if rated.
    #[getter]
    fn reason(&self) -> PyResult<Option<&'static str>> {
        Ok(self.get()?.not_rated_reason().map(NotRatedReason::as_str))
    }

    /// The score in points (e.g. 92.5), None if the regime does not score or
    /// the subject is not rated.
    #[getter]
    fn score(&self) -> PyResult<Option<f64>> {
        Ok(self.get()?.score().map(|s| f64::from(s) / 10.0))
    }

    /// Whether a point of discretion is still open (no decision recorded).
    #[getter]
    fn provisional(&self) -> PyResult<bool> {
        let o = self.get()?;
        Ok(o.level().is_some() && o.provisional())
    }

    /// Demoted from HTXSNV by the quota.
    #[getter]
    fn quota_demoted(&self) -> PyResult<bool> {
        Ok(self.get()?.quota_demoted())
    }

    /// The rules that decided, constrained or checked the level (or excluded
    /// the subject), each a dict: `rule` (its id), `effect`, `values`,
    /// `citation` (Vietnamese), `citation_en`, `message_vi`, `message_en`.
    #[getter]
    fn findings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let o = self.get()?;
        let list = PyList::empty(py);
        for f in o.findings() {
            let d = to_py(py, f)?.cast_into::<PyDict>()?;
            d.set_item("citation_en", f.rule().citation.text(Lang::En))?;
            d.set_item("message_vi", f.message(Lang::Vi))?;
            d.set_item("message_en", f.message(Lang::En))?;
            list.append(d)?;
        }
        Ok(list)
    }

    /// The points where the competent level decides: dicts with `point`,
    /// `rule`, `default` (the level applied), `alternatives` and `decided`.
    #[getter]
    fn discretion<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.get()?.discretion())
    }

    /// The names of the policy settings that affected this outcome.
    #[getter]
    fn settings(&self) -> PyResult<Vec<String>> {
        Ok(self.get()?.settings().map(str::to_owned).collect())
    }

    /// A short paragraph explaining the outcome, in `vi` or `en`.
    #[pyo3(signature = (lang = "vi"))]
    fn explain(&self, py: Python<'_>, lang: &str) -> PyResult<String> {
        let lang = lang_arg(py, lang)?;
        let subject = self.get()?.subject();
        // By index: an organisation may share a member's id.
        self.report
            .explain_at(self.index, lang)
            .ok_or_else(|| unknown_subject(py, subject))
    }

    /// The entry as in the report's JSON.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.get()?)
    }

    fn __repr__(&self) -> PyResult<String> {
        let o = self.get()?;
        let what = match (o.level(), o.not_rated_reason()) {
            (Some(level), _) => format!(
                "{}{}",
                level.as_str(),
                o.score()
                    .map(|s| format!(", {}", xeploai::explain::format_points(i64::from(s))))
                    .unwrap_or_default()
            ),
            (None, reason) => format!("not rated: {}", reason.map_or("", NotRatedReason::as_str)),
        };
        Ok(format!(
            "<xeploai.Outcome {} {:?}: {what}>",
            self.kind()?,
            o.subject()
        ))
    }
}
