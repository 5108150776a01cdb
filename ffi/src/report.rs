//! The rating run and its report: JSON out, and typed accessors for the hot
//! path.

use crate::boundary;
use crate::dataset::XlDataset;
use crate::error::{Error, XlStatus};
use crate::handle::{self, Handle};
use crate::policy::XlPolicy;
use crate::strings::{c_str, copy_out, copy_str, opt_c_str};
use std::ffi::c_char;
use xeploai_core::outcome::NotRatedReason;
use xeploai_core::report::{Counts, OutcomeRef, SubjectKind, UnitSummary};
use xeploai_core::run::RateError;
use xeploai_core::{Lang, Level, Policy, Regime, Report};

/// The report of a rating run (`xeploai-report/1`). Created by `xl_rate`,
/// freed with `xl_report_free`; independent of the dataset and policy it was
/// made from (they may be freed first).
///
/// Thread safety: read-only; any number of threads may read one report at the
/// same time, as long as none frees it meanwhile.
#[derive(Debug)]
pub struct XlReport {
    report: Report,
}

impl Handle for XlReport {
    const TAG: u8 = 3;
    const NAME: &'static str = "xl_report";
}

/// What a subject is. The C type is `uint32_t`; values are append-only.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XlSubjectKind {
    /// A party member.
    Member = 0,
    /// A party organisation (a cell, a grassroots or higher committee).
    Organisation = 1,
}

/// A quality level, ordered: a higher value is a better level. The C type is
/// `uint32_t`; values are append-only.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XlLevel {
    /// Not rated (see `xl_report_not_rated_reason`).
    None = 0,
    /// Không hoàn thành nhiệm vụ (KHTNV); "yếu kém" for organisations under
    /// the 2014 guidance.
    NotCompleted = 1,
    /// Hoàn thành nhiệm vụ (HTNV).
    Completed = 2,
    /// Hoàn thành tốt nhiệm vụ (HTTNV).
    Good = 3,
    /// Hoàn thành xuất sắc nhiệm vụ (HTXSNV).
    Excellent = 4,
}

/// Why a subject is not rated. The C type is `uint32_t`; values are
/// append-only.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XlNotRatedReason {
    /// The subject is rated.
    None = 0,
    /// Exempted from party work and activities.
    Exempt = 1,
    /// Suspended from party activities.
    Suspended = 2,
    /// Admitted less than 6 calendar months before the reference date.
    AdmittedUnderSixMonths = 3,
    /// An organisation set up less than 6 months before the reference date.
    NewOrganisation = 4,
    /// No evaluation of the subject for the year in the dataset.
    NoEvaluation = 5,
    /// Not enough inputs for the regime (no score, or no grades).
    MissingInputs = 6,
}

/// The language of a text. Functions take it as a `uint32_t`: a value that is
/// not one of these gives `XL_STATUS_INVALID_ARGUMENT`.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XlLang {
    /// Vietnamese (UTF-8, NFC).
    Vi = 0,
    /// English.
    En = 1,
}

/// Counts of a group of subjects (members, or organisations) with their
/// denominators. `rated` is the denominator of every share; the subjects not
/// rated are `on_roll - rated`.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct XlCounts {
    /// On the roll, rated or not.
    pub on_roll: u32,
    /// Rated.
    pub rated: u32,
    /// Rated HTXSNV.
    pub excellent: u32,
    /// Rated HTTNV.
    pub good: u32,
    /// Rated HTNV.
    pub completed: u32,
    /// Rated KHTNV.
    pub not_completed: u32,
}

impl From<&Counts> for XlCounts {
    fn from(c: &Counts) -> Self {
        let n = |l| c.by_level.get(&l).copied().unwrap_or(0);
        Self {
            on_roll: c.on_roll,
            rated: c.rated,
            excellent: n(Level::Excellent),
            good: n(Level::Good),
            completed: n(Level::Completed),
            not_completed: n(Level::NotCompleted),
        }
    }
}

const fn level_of(l: Level) -> XlLevel {
    match l {
        Level::NotCompleted => XlLevel::NotCompleted,
        Level::Completed => XlLevel::Completed,
        Level::Good => XlLevel::Good,
        Level::Excellent => XlLevel::Excellent,
    }
}

const fn reason_of(r: NotRatedReason) -> XlNotRatedReason {
    match r {
        NotRatedReason::Exempt => XlNotRatedReason::Exempt,
        NotRatedReason::Suspended => XlNotRatedReason::Suspended,
        NotRatedReason::AdmittedUnderSixMonths => XlNotRatedReason::AdmittedUnderSixMonths,
        NotRatedReason::NewOrganisation => XlNotRatedReason::NewOrganisation,
        NotRatedReason::NoEvaluation => XlNotRatedReason::NoEvaluation,
        NotRatedReason::MissingInputs => XlNotRatedReason::MissingInputs,
    }
}

fn lang_of(v: u32) -> Result<Lang, Error> {
    match v {
        v if v == XlLang::Vi as u32 => Ok(Lang::Vi),
        v if v == XlLang::En as u32 => Ok(Lang::En),
        _ => Err(Error::new(
            XlStatus::InvalidArgument,
            format!("unknown language {v}: use XL_LANG_VI (0) or XL_LANG_EN (1)"),
        )),
    }
}

impl XlReport {
    fn outcome(&self, index: usize) -> Result<OutcomeRef<'_>, Error> {
        self.report.outcomes.get(index).ok_or_else(|| {
            Error::new(
                XlStatus::OutOfRange,
                format!(
                    "outcome index {index} is out of range: the report has {} outcomes",
                    self.report.outcomes.len()
                ),
            )
        })
    }

    fn summary(&self, index: usize) -> Result<&UnitSummary, Error> {
        self.report.summaries.get(index).ok_or_else(|| {
            Error::new(
                XlStatus::OutOfRange,
                format!(
                    "summary index {index} is out of range: the report has {} summaries",
                    self.report.summaries.len()
                ),
            )
        })
    }
}

/// Borrows a report argument.
///
/// # Safety
/// `report` must be NULL or a live report.
unsafe fn report_ref<'a>(report: *const XlReport) -> Result<&'a XlReport, Error> {
    // SAFETY: forwarded to the caller.
    unsafe { handle::borrow(report, "report") }
}

/// Rates every subject of a dataset for `year` and gives the report.
///
/// - `regime`: NULL for the regime of the year (`hd27-2014` up to 2017,
///   `qd132-2018` 2018–2022, `qd124-2023` 2023–2024, `qd366-2025` from 2025),
///   or a regime's name to apply it instead (`XL_STATUS_UNKNOWN_REGIME` if no
///   regime has that name).
/// - `policy`: NULL for the default policy, or a policy handle.
///
/// Errors: `XL_STATUS_NULL_ARGUMENT` (`dataset` or `out`),
/// `XL_STATUS_INVALID_UTF8`, `XL_STATUS_INVALID_DATASET` (the dataset has
/// validation errors), `XL_STATUS_UNKNOWN_REGIME`, `XL_STATUS_INVALID_YEAR`,
/// `XL_STATUS_TOO_LARGE`.
/// On success `*out` receives a new report to free with `xl_report_free`.
///
/// Thread safety: any number of threads may rate the same dataset with the
/// same policy at once; the run itself may use several threads.
///
/// # Safety
/// `dataset` must be NULL or a live dataset; `regime` must be NULL or a
/// NUL-terminated string; `policy` must be NULL or a live policy; `out` must be
/// NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn xl_rate(
    dataset: *const XlDataset,
    year: i32,
    regime: *const c_char,
    policy: *const XlPolicy,
    out: *mut *mut XlReport,
) -> XlStatus {
    boundary::status(|| {
        // SAFETY: forwarded to the caller.
        let ds = unsafe { handle::borrow(dataset, "dataset") }?;
        // SAFETY: forwarded to the caller.
        let regime = match unsafe { opt_c_str(regime, "regime") }? {
            None => None,
            Some(name) => Some(Regime::parse(name).ok_or_else(|| {
                Error::new(
                    XlStatus::UnknownRegime,
                    format!(
                        "unknown regime `{name}`: use hd27-2014, qd132-2018, qd124-2023 or qd366-2025"
                    ),
                )
            })?),
        };
        // SAFETY: forwarded to the caller (NULL: the default policy).
        let policy = unsafe { policy.as_ref() };
        handle::out(out, "out")?;
        let graph = ds.graph()?;
        let default;
        let policy = match policy {
            Some(p) => &p.policy,
            None => {
                default = Policy::default();
                &default
            }
        };
        let report = xeploai_core::run::rate(graph, year, regime, policy).map_err(|e| {
            let status = match e {
                RateError::Year { .. } => XlStatus::InvalidYear,
                RateError::TooLarge => XlStatus::TooLarge,
                _ => XlStatus::Other,
            };
            Error::new(status, e.to_string())
        })?;
        // SAFETY: `out` is not NULL; the caller guarantees it is writable.
        unsafe { handle::write(out, handle::into_raw(XlReport { report })) };
        Ok(())
    })
}

/// The report as compact JSON (`xeploai-report/1`, docs/report-format.md;
/// UTF-8, NFC, deterministic: the same dataset and policy give the same
/// bytes), copied into the caller's buffer by the common rule (see
/// `xl_dataset_problems_json`). The text is written straight into the buffer;
/// a size query costs one serialisation.
///
/// # Safety
/// `report` must be NULL or a live report; `buf` must be NULL or valid for
/// writes of `len` bytes; `needed` must be NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn xl_report_json(
    report: *const XlReport,
    buf: *mut c_char,
    len: usize,
    needed: *mut usize,
) -> XlStatus {
    boundary::status(|| {
        // SAFETY: forwarded to the caller.
        let r = unsafe { report_ref(report) }?;
        // SAFETY: forwarded to the caller.
        unsafe {
            copy_out(buf, len, needed, |w| {
                serde_json::to_writer(w, &r.report).map_err(std::io::Error::other)
            })
        }
    })
}

/// The report's Front side (`front` in `xeploai-report/1`: the Front work
/// boards' levels with their findings, the residential areas, the plans'
/// indicators against their targets; docs/front.md) as compact JSON, copied
/// into the caller's buffer by the common rule (see `xl_dataset_problems_json`).
/// A report without a Front side (a dataset with no Front data) gives `null`.
///
/// # Safety
/// As `xl_report_json`.
#[no_mangle]
pub unsafe extern "C" fn xl_report_front_json(
    report: *const XlReport,
    buf: *mut c_char,
    len: usize,
    needed: *mut usize,
) -> XlStatus {
    boundary::status(|| {
        // SAFETY: forwarded to the caller.
        let r = unsafe { report_ref(report) }?;
        // SAFETY: forwarded to the caller.
        unsafe {
            copy_out(buf, len, needed, |w| {
                serde_json::to_writer(w, &r.report.front).map_err(std::io::Error::other)
            })
        }
    })
}

/// The name of the regime the report applied (e.g. `qd366-2025`), copied into
/// the caller's buffer by the common rule (see `xl_dataset_problems_json`).
///
/// # Safety
/// As `xl_report_json`.
#[no_mangle]
pub unsafe extern "C" fn xl_report_regime(
    report: *const XlReport,
    buf: *mut c_char,
    len: usize,
    needed: *mut usize,
) -> XlStatus {
    boundary::status(|| {
        // SAFETY: forwarded to the caller.
        let r = unsafe { report_ref(report) }?;
        // SAFETY: forwarded to the caller.
        unsafe { copy_str(buf, len, needed, r.report.regime.as_str()) }
    })
}

/// The number of outcomes (members first, then organisations, each sorted by
/// id). Outcomes are addressed by their index, from 0 to this number - 1.
///
/// # Safety
/// `report` must be NULL or a live report; `count` must be NULL or valid for a
/// write.
#[no_mangle]
pub unsafe extern "C" fn xl_report_outcome_count(
    report: *const XlReport,
    count: *mut usize,
) -> XlStatus {
    boundary::status(|| {
        // SAFETY: forwarded to the caller.
        let r = unsafe { report_ref(report) }?;
        handle::out(count, "count")?;
        // SAFETY: not NULL; the caller guarantees it is writable.
        unsafe { handle::write(count, r.report.outcomes.len()) };
        Ok(())
    })
}

/// The index of the outcome of the subject with this id (a member's person
/// id or an organisation's unit id; a member is found first if a person and a
/// unit share the id). `XL_STATUS_NOT_FOUND` if the report has no such
/// subject.
///
/// # Safety
/// `report` must be NULL or a live report; `subject` must be NULL or a
/// NUL-terminated string; `index` must be NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn xl_report_find(
    report: *const XlReport,
    subject: *const c_char,
    index: *mut usize,
) -> XlStatus {
    boundary::status(|| {
        // SAFETY: forwarded to the caller.
        let r = unsafe { report_ref(report) }?;
        // SAFETY: forwarded to the caller.
        let subject = unsafe { c_str(subject, "subject") }?;
        handle::out(index, "index")?;
        let i = r.report.outcomes.position(subject).ok_or_else(|| {
            Error::new(
                XlStatus::NotFound,
                format!("the report has no subject `{subject}`"),
            )
        })?;
        // SAFETY: not NULL; the caller guarantees it is writable.
        unsafe { handle::write(index, i) };
        Ok(())
    })
}

/// The id of the subject of outcome `index` (a person id or a unit id),
/// copied into the caller's buffer by the common rule (see
/// `xl_dataset_problems_json`). `XL_STATUS_OUT_OF_RANGE` if `index` is not
/// below `xl_report_outcome_count`.
///
/// # Safety
/// `report` must be NULL or a live report; `buf` must be NULL or valid for
/// writes of `len` bytes; `needed` must be NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn xl_report_subject(
    report: *const XlReport,
    index: usize,
    buf: *mut c_char,
    len: usize,
    needed: *mut usize,
) -> XlStatus {
    boundary::status(|| {
        // SAFETY: forwarded to the caller.
        let r = unsafe { report_ref(report) }?;
        let o = r.outcome(index)?;
        // SAFETY: forwarded to the caller.
        unsafe { copy_str(buf, len, needed, o.subject()) }
    })
}

/// Whether outcome `index` is a member's or an organisation's
/// (`XL_SUBJECT_KIND_MEMBER` or `XL_SUBJECT_KIND_ORGANISATION`).
///
/// # Safety
/// `report` must be NULL or a live report; `kind` must be NULL or valid for a
/// write.
#[no_mangle]
pub unsafe extern "C" fn xl_report_kind(
    report: *const XlReport,
    index: usize,
    kind: *mut XlSubjectKind,
) -> XlStatus {
    boundary::status(|| {
        // SAFETY: forwarded to the caller.
        let r = unsafe { report_ref(report) }?;
        let o = r.outcome(index)?;
        handle::out(kind, "kind")?;
        let k = match o.kind() {
            SubjectKind::Member => XlSubjectKind::Member,
            SubjectKind::Organisation => XlSubjectKind::Organisation,
        };
        // SAFETY: not NULL; the caller guarantees it is writable.
        unsafe { handle::write(kind, k) };
        Ok(())
    })
}

/// The level of outcome `index`: `XL_LEVEL_NOT_COMPLETED` to
/// `XL_LEVEL_EXCELLENT` if the subject is rated, `XL_LEVEL_NONE` if not (then
/// `xl_report_not_rated_reason` tells why).
///
/// # Safety
/// `report` must be NULL or a live report; `level` must be NULL or valid for a
/// write.
#[no_mangle]
pub unsafe extern "C" fn xl_report_level(
    report: *const XlReport,
    index: usize,
    level: *mut XlLevel,
) -> XlStatus {
    boundary::status(|| {
        // SAFETY: forwarded to the caller.
        let r = unsafe { report_ref(report) }?;
        let o = r.outcome(index)?;
        handle::out(level, "level")?;
        let l = o.level().map_or(XlLevel::None, level_of);
        // SAFETY: not NULL; the caller guarantees it is writable.
        unsafe { handle::write(level, l) };
        Ok(())
    })
}

/// Why outcome `index` is not rated, or `XL_NOT_RATED_REASON_NONE` if it is
/// rated.
///
/// # Safety
/// `report` must be NULL or a live report; `reason` must be NULL or valid for
/// a write.
#[no_mangle]
pub unsafe extern "C" fn xl_report_not_rated_reason(
    report: *const XlReport,
    index: usize,
    reason: *mut XlNotRatedReason,
) -> XlStatus {
    boundary::status(|| {
        // SAFETY: forwarded to the caller.
        let r = unsafe { report_ref(report) }?;
        let o = r.outcome(index)?;
        handle::out(reason, "reason")?;
        let why = o
            .not_rated_reason()
            .map_or(XlNotRatedReason::None, reason_of);
        // SAFETY: not NULL; the caller guarantees it is writable.
        unsafe { handle::write(reason, why) };
        Ok(())
    })
}

/// The score of outcome `index` in tenths of a point (e.g. 905 for 90.5), or
/// -1 if the subject is not rated or its regime gives no score (the 2018–2024
/// regimes rate from grades).
///
/// # Safety
/// `report` must be NULL or a live report; `tenths` must be NULL or valid for
/// a write.
#[no_mangle]
pub unsafe extern "C" fn xl_report_score(
    report: *const XlReport,
    index: usize,
    tenths: *mut i64,
) -> XlStatus {
    boundary::status(|| {
        // SAFETY: forwarded to the caller.
        let r = unsafe { report_ref(report) }?;
        let o = r.outcome(index)?;
        handle::out(tenths, "tenths")?;
        // Only a rated subject has a score.
        // `score()` is None for a subject not rated.
        let score = o.score().map_or(-1, i64::from);
        // SAFETY: not NULL; the caller guarantees it is writable.
        unsafe { handle::write(tenths, score) };
        Ok(())
    })
}

/// A short paragraph explaining outcome `index` in `lang` (`XL_LANG_VI` or
/// `XL_LANG_EN`), citing the article of the regulation behind each finding,
/// e.g. `"p1: HTTNV (...), 85 điểm. Căn cứ: ... [Quy định 366-QĐ/TW, Điều 11,
/// khoản 3]."`. UTF-8 (NFC), copied into the caller's buffer by the common
/// rule (see `xl_dataset_problems_json`). The text is for people: do not parse
/// it.
///
/// # Safety
/// `report` must be NULL or a live report; `buf` must be NULL or valid for
/// writes of `len` bytes; `needed` must be NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn xl_report_explain(
    report: *const XlReport,
    index: usize,
    lang: u32,
    buf: *mut c_char,
    len: usize,
    needed: *mut usize,
) -> XlStatus {
    boundary::status(|| {
        // SAFETY: forwarded to the caller.
        let r = unsafe { report_ref(report) }?;
        let o = r.outcome(index)?;
        let lang = lang_of(lang)?;
        // By index: an organisation may share a member's id.
        let text = r.report.explain_at(index, lang).ok_or_else(|| {
            Error::new(
                XlStatus::Other,
                format!("outcome {index} (`{}`) has no explanation", o.subject()),
            )
        })?;
        // SAFETY: forwarded to the caller.
        unsafe { copy_str(buf, len, needed, &text) }
    })
}

/// The number of unit summaries: one per grassroots party organisation and
/// one per commune, addressed by index from 0.
///
/// # Safety
/// `report` must be NULL or a live report; `count` must be NULL or valid for a
/// write.
#[no_mangle]
pub unsafe extern "C" fn xl_report_summary_count(
    report: *const XlReport,
    count: *mut usize,
) -> XlStatus {
    boundary::status(|| {
        // SAFETY: forwarded to the caller.
        let r = unsafe { report_ref(report) }?;
        handle::out(count, "count")?;
        // SAFETY: not NULL; the caller guarantees it is writable.
        unsafe { handle::write(count, r.report.summaries.len()) };
        Ok(())
    })
}

/// The id of the unit of summary `index`, copied into the caller's buffer by
/// the common rule (see `xl_dataset_problems_json`).
///
/// # Safety
/// `report` must be NULL or a live report; `buf` must be NULL or valid for
/// writes of `len` bytes; `needed` must be NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn xl_report_summary_unit(
    report: *const XlReport,
    index: usize,
    buf: *mut c_char,
    len: usize,
    needed: *mut usize,
) -> XlStatus {
    boundary::status(|| {
        // SAFETY: forwarded to the caller.
        let r = unsafe { report_ref(report) }?;
        let s = r.summary(index)?;
        // SAFETY: forwarded to the caller.
        unsafe { copy_str(buf, len, needed, &s.unit) }
    })
}

/// The name of the unit of summary `index` (UTF-8, NFC, e.g. "Đảng bộ xã Tân
/// Hòa"), copied into the caller's buffer by the common rule (see
/// `xl_dataset_problems_json`).
///
/// # Safety
/// As `xl_report_summary_unit`.
#[no_mangle]
pub unsafe extern "C" fn xl_report_summary_name(
    report: *const XlReport,
    index: usize,
    buf: *mut c_char,
    len: usize,
    needed: *mut usize,
) -> XlStatus {
    boundary::status(|| {
        // SAFETY: forwarded to the caller.
        let r = unsafe { report_ref(report) }?;
        let s = r.summary(index)?;
        // SAFETY: forwarded to the caller.
        unsafe { copy_str(buf, len, needed, &s.name) }
    })
}

/// Writes counts to an optional out-pointer.
///
/// # Safety
/// `out` must be NULL or valid for a write.
unsafe fn put_counts(out: *mut XlCounts, c: &Counts) {
    if !out.is_null() {
        // SAFETY: not NULL; forwarded to the caller.
        unsafe { handle::write(out, XlCounts::from(c)) };
    }
}

/// The counts of summary `index`: its members (of all the cells below it) and
/// its organisations (cells and committees below it). Either out-pointer may
/// be NULL if that group is not wanted.
///
/// # Safety
/// `report` must be NULL or a live report; `members` and `organisations` must
/// be NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn xl_report_summary_counts(
    report: *const XlReport,
    index: usize,
    members: *mut XlCounts,
    organisations: *mut XlCounts,
) -> XlStatus {
    boundary::status(|| {
        // SAFETY: forwarded to the caller.
        let r = unsafe { report_ref(report) }?;
        let s = r.summary(index)?;
        // SAFETY: forwarded to the caller.
        unsafe {
            put_counts(members, &s.members);
            put_counts(organisations, &s.organisations);
        }
        Ok(())
    })
}

/// The counts of the whole dataset: members and organisations. Either
/// out-pointer may be NULL if that group is not wanted.
///
/// # Safety
/// `report` must be NULL or a live report; `members` and `organisations` must
/// be NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn xl_report_total(
    report: *const XlReport,
    members: *mut XlCounts,
    organisations: *mut XlCounts,
) -> XlStatus {
    boundary::status(|| {
        // SAFETY: forwarded to the caller.
        let r = unsafe { report_ref(report) }?;
        // SAFETY: forwarded to the caller.
        unsafe {
            put_counts(members, &r.report.total.members);
            put_counts(organisations, &r.report.total.organisations);
        }
        Ok(())
    })
}

/// Frees a report. NULL is a no-op; a pointer that is not a live report gives
/// `XL_STATUS_INVALID_HANDLE` and is not touched (see `xl_dataset_free`).
///
/// # Safety
/// `report` must be NULL or a pointer received from this library.
#[no_mangle]
pub unsafe extern "C" fn xl_report_free(report: *mut XlReport) -> XlStatus {
    boundary::status(|| handle::free(report))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests fail loudly")]
    use super::*;
    use std::ptr::{null, null_mut};

    fn json_of(r: *const XlReport) -> String {
        let mut n = 0;
        // SAFETY: a live report and a size query.
        let s = unsafe { xl_report_json(r, null_mut(), 0, &mut n) };
        assert_eq!(s, XlStatus::Ok);
        let mut buf = vec![0u8; n + 1];
        // SAFETY: `buf` is valid for `n + 1` bytes.
        let s = unsafe { xl_report_json(r, buf.as_mut_ptr().cast(), n + 1, &mut n) };
        assert_eq!(s, XlStatus::Ok);
        buf.truncate(n);
        String::from_utf8(buf).unwrap()
    }

    /// The JSON written straight into the buffer is `Report::to_json`, byte
    /// for byte, and the accessors agree with the report.
    #[test]
    fn json_and_accessors_match_the_rust_report() {
        let mut ds = null_mut();
        // SAFETY: valid out-pointers; the handles are freed at the end.
        unsafe {
            assert_eq!(crate::dataset::xl_dataset_sample(&mut ds), XlStatus::Ok);
            let mut rep = null_mut();
            assert_eq!(xl_rate(ds, 2025, null(), null(), &mut rep), XlStatus::Ok);
            let graph = xeploai_core::sample::graph().unwrap();
            let want = xeploai_core::run::rate(&graph, 2025, None, &Policy::default()).unwrap();
            assert_eq!(json_of(rep), want.to_json());
            let mut n = 0;
            assert_eq!(xl_report_outcome_count(rep, &mut n), XlStatus::Ok);
            assert_eq!(n, want.outcomes.len());
            for (i, o) in want.outcomes.iter().enumerate().step_by(97) {
                let mut at = usize::MAX;
                let id = std::ffi::CString::new(o.subject()).unwrap();
                assert_eq!(xl_report_find(rep, id.as_ptr(), &mut at), XlStatus::Ok);
                assert_eq!(at, i);
                let mut l = XlLevel::None;
                assert_eq!(xl_report_level(rep, i, &mut l), XlStatus::Ok);
                assert_eq!(l, o.level().map_or(XlLevel::None, level_of));
            }
            let mut l = XlLevel::None;
            assert_eq!(xl_report_level(rep, n, &mut l), XlStatus::OutOfRange);
            assert_eq!(xl_report_free(rep), XlStatus::Ok);
            assert_eq!(xl_report_free(rep), XlStatus::InvalidHandle);
            assert_eq!(crate::dataset::xl_dataset_free(ds), XlStatus::Ok);
        }
    }

    #[test]
    fn a_dataset_handle_freed_as_a_report_is_refused() {
        let mut ds = null_mut();
        // SAFETY: valid out-pointer; the handle is freed at the end.
        unsafe {
            assert_eq!(crate::dataset::xl_dataset_sample(&mut ds), XlStatus::Ok);
            assert_eq!(xl_report_free(ds.cast()), XlStatus::InvalidHandle);
            assert_eq!(crate::dataset::xl_dataset_free(ds), XlStatus::Ok);
        }
    }
}
