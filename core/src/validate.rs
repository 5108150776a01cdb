//! Validation of a dataset: every problem at once, each naming the record, its
//! id and the field (DESIGN §3).
//!
//! Errors make a dataset unusable (a graph is not built from it); warnings are
//! reported and the dataset is still used.
//!
//! ```
//! use xeploai::{Dataset, validate::validate};
//! let ds = Dataset::from_json_str(r#"{"format": "xeploai-dataset/1", "units": [
//!   {"id": "c1", "kind": "cell", "name": "Chi bộ ấp 1", "parent": "nowhere"}]}"#).unwrap();
//! let report = validate(&ds);
//! let p = &report.errors().next().unwrap();
//! assert_eq!(p.path(), "units[0].parent");
//! assert_eq!(p.record(), "c1");
//! assert_eq!(p.code(), "dangling_reference");
//! ```

use crate::dataset::{Dataset, Unit};
use crate::date::{format_iso_date, Date, Period};
use crate::index::{join, pos32, Chains};
use crate::lang::Lang;
use crate::org::{allowed_area_kinds, allowed_parent, is_root, Role, StatusKind, UnitKind};
pub(crate) use crate::resolve::{Resolved, NONE};
use rustc_hash::FxHashSet;
use serde::{Serialize, Serializer};
use std::fmt;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The dataset cannot be used.
    Error,
    /// The dataset can be used; the problem is reported.
    Warning,
}

/// The array of the dataset a problem is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Collection {
    /// `units`.
    Units,
    /// `people`.
    People,
    /// `memberships`.
    Memberships,
    /// `posts`.
    Posts,
    /// `residence`.
    Residence,
    /// `evaluations`.
    Evaluations,
    /// `disciplines`.
    Disciplines,
    /// `quota_groups`.
    QuotaGroups,
    /// `decisions`.
    Decisions,
    /// `front.schemes`.
    FrontSchemes,
    /// `front.board_evaluations`.
    FrontBoardEvaluations,
    /// `front.self_management_models`.
    FrontModels,
    /// `front.unity_festivals`.
    FrontFestivals,
    /// `front.area_years`.
    FrontAreaYears,
    /// `front.committee_years`.
    FrontCommitteeYears,
    /// `front.party_committee_years`.
    FrontPartyCommitteeYears,
    /// `front.coordination_regulations`.
    FrontRegulations,
    /// `front.dan_van_kheo`.
    FrontDanVanKheo,
    /// `front.honours`.
    FrontHonours,
}

impl Collection {
    /// The field name in the dataset.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Units => "units",
            Self::People => "people",
            Self::Memberships => "memberships",
            Self::Posts => "posts",
            Self::Residence => "residence",
            Self::Evaluations => "evaluations",
            Self::Disciplines => "disciplines",
            Self::QuotaGroups => "quota_groups",
            Self::Decisions => "decisions",
            Self::FrontSchemes => "front.schemes",
            Self::FrontBoardEvaluations => "front.board_evaluations",
            Self::FrontModels => "front.self_management_models",
            Self::FrontFestivals => "front.unity_festivals",
            Self::FrontAreaYears => "front.area_years",
            Self::FrontCommitteeYears => "front.committee_years",
            Self::FrontPartyCommitteeYears => "front.party_committee_years",
            Self::FrontRegulations => "front.coordination_regulations",
            Self::FrontDanVanKheo => "front.dan_van_kheo",
            Self::FrontHonours => "front.honours",
        }
    }
}

/// What is wrong. Messages are lowercase, name values in backticks and do not
/// end with a period.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ProblemKind {
    /// Two records of the same array share an id.
    #[error("id `{id}` is already used by {first}")]
    DuplicateId {
        /// The id.
        id: String,
        /// The path of the first record with it, e.g. `units[3]`.
        first: String,
    },
    /// An id is empty.
    #[error("the id is empty")]
    EmptyId,
    /// A reference names no record.
    #[error("`{target}` is not the id of any {expected}")]
    DanglingReference {
        /// The id referred to.
        target: String,
        /// `unit` or `person`.
        expected: &'static str,
    },
    /// A reference names a unit of the wrong kind.
    #[error("`{target}` is a `{found}`, expected {expected}")]
    WrongKind {
        /// The id referred to.
        target: String,
        /// Its kind.
        found: UnitKind,
        /// The kinds that fit, e.g. "`cell` or `grassroots_cell`".
        expected: String,
    },
    /// A parent of a kind not allowed for the child (see [`crate::org::allowed_parent`]).
    #[error("a `{kind}` cannot have a parent of kind `{parent_kind}` (`{parent}`)")]
    DisallowedParent {
        /// The child's kind.
        kind: UnitKind,
        /// The parent.
        parent: String,
        /// The parent's kind.
        parent_kind: UnitKind,
    },
    /// The parent edges form a cycle on some date.
    #[error("the parent edges form a cycle {} from {}", chain(.units), .on.map_or_else(|| "the start".to_owned(), format_iso_date))]
    Cycle {
        /// The units of the cycle, starting with the smallest id.
        units: Vec<String>,
        /// A day on which all its edges hold (`None`: from the start of time).
        on: Option<Date>,
    },
    /// A date range ends before it starts.
    #[error("`to` ({}) is before `from` ({})", format_iso_date(*.to), format_iso_date(*.from))]
    ReversedRange {
        /// The start.
        from: Date,
        /// The end.
        to: Date,
    },
    /// Two date ranges that must not overlap do.
    #[error("the period of {subject} overlaps that of {other}")]
    OverlappingRanges {
        /// What the period is of, ids in backticks: the parent (`` `T` ``), the person
        /// and cell (`` `p4`/`C2` ``), the person and role, or the status.
        subject: String,
        /// The path of the other record or field, e.g. `memberships[3]`.
        other: String,
    },
    /// A record refers to a unit on days it did not exist.
    #[error("`{unit}` does not exist for the whole period {} (it exists {})", period_text(.period), period_text(.lifetime))]
    OutsideLifetime {
        /// The unit.
        unit: String,
        /// The period of the record.
        period: Period,
        /// The unit's lifetime.
        lifetime: Period,
    },
    /// A unit that is not a root has no parent.
    #[error("a `{kind}` needs a parent")]
    MissingParent {
        /// The unit's kind.
        kind: UnitKind,
    },
    /// Both `parent` and `parents` are given.
    #[error("give either `parent` or `parents`, not both")]
    ParentAndParents,
    /// A role that is not a post of the unit's kind.
    #[error("`{role}` is not a post of a `{kind}`")]
    RoleNotAllowed {
        /// The role.
        role: Role,
        /// The unit's kind.
        kind: UnitKind,
    },
    /// A field that does not apply to the record's kind.
    #[error("`{field}` does not apply to a `{kind}`")]
    FieldNotApplicable {
        /// The field.
        field: &'static str,
        /// The record's kind, e.g. `province` or `exempt` (a status).
        kind: String,
    },
    /// A Front committee without its level.
    #[error("a `front_committee` needs a `level` (`province`, `district` or `commune`)")]
    MissingLevel,
    /// A cell with fewer than 3 full members (party-rating.md H1; Điều lệ Đảng 2011, Điều 21 khoản 2).
    #[error("the cell has {full} full member(s) on {}, fewer than the 3 a cell needs", format_iso_date(*.as_of))]
    TooFewFullMembers {
        /// Full members counted.
        full: usize,
        /// The day counted.
        as_of: Date,
    },
    /// A number outside its allowed range.
    #[error("{value} is outside the allowed range {min}..={max}")]
    OutOfRange {
        /// The value.
        value: i64,
        /// The smallest allowed.
        min: i64,
        /// The largest allowed.
        max: i64,
    },
    /// Task counts that do not add up.
    #[error("the task counts do not add up: assigned {assigned}, on time {on_time} + late {late} + not done {not_done}; exceeded {exceeded} must not exceed on time")]
    InconsistentTasks {
        /// Assigned.
        assigned: u32,
        /// Done on time.
        on_time: u32,
        /// Done late.
        late: u32,
        /// Not done.
        not_done: u32,
        /// Exceeded.
        exceeded: u32,
    },
    /// A code that is not one of the known ones.
    #[error("`{code}` is not a known code; known: {known}")]
    UnknownCode {
        /// The code.
        code: String,
        /// The known codes.
        known: String,
    },
    /// Two records of the same subject, year and stage (or point).
    #[error("`{subject}` has another record for the same year and stage at {other}")]
    DuplicateRecord {
        /// The subject.
        subject: String,
        /// The path of the other record.
        other: String,
    },
    /// A scheme's criteria maxima do not sum to its total (front-rating.md §3.2).
    #[error("the criteria's maxima sum to {sum} tenths, not the scheme's `max_total` {max_total}")]
    CriteriaTotal {
        /// The sum of the maxima.
        sum: u64,
        /// The scheme's total.
        max_total: u32,
    },
    /// Scores that fall in no band of a scheme.
    #[error("scores {} to {} (tenths) fall in no band (below or above `{band}`)", .from, .to)]
    BandGap {
        /// The band next to the gap.
        band: String,
        /// First score uncovered, in tenths.
        from: u32,
        /// Last score uncovered, in tenths.
        to: u32,
    },
    /// Scores that fall in two bands of a scheme.
    #[error("scores {from} to {to} (tenths) fall in both `{band}` and `{other}`")]
    BandOverlap {
        /// The band.
        band: String,
        /// The band before it.
        other: String,
        /// First score in both, in tenths.
        from: u32,
        /// Last score in both, in tenths.
        to: u32,
    },
    /// A band whose lowest score is above its highest.
    #[error("`min` {min} is above `max` {max}")]
    ReversedScores {
        /// The lowest score.
        min: u32,
        /// The highest score.
        max: u32,
    },
    /// Two people hold a single-holder role of one unit at the same time.
    #[error("`{role}` is also held by `{other}` at the same time ({other_path})")]
    ConcurrentHolders {
        /// The role.
        role: Role,
        /// The other holder.
        other: String,
        /// The path of the other post.
        other_path: String,
    },
}

fn chain(units: &[String]) -> String {
    let mut s = String::new();
    for u in units {
        s.push('`');
        s.push_str(u);
        s.push_str("` → ");
    }
    if let Some(first) = units.first() {
        s.push('`');
        s.push_str(first);
        s.push('`');
    }
    s
}

fn period_text(p: &Period) -> String {
    let end = |d: Option<Date>, open: &str| d.map_or_else(|| open.to_owned(), format_iso_date);
    format!("{}..{}", end(p.from, ""), end(p.to, ""))
}

impl ProblemKind {
    /// A stable code for the kind, e.g. `dangling_reference`.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            Self::DuplicateId { .. } => "duplicate_id",
            Self::EmptyId => "empty_id",
            Self::DanglingReference { .. } => "dangling_reference",
            Self::WrongKind { .. } => "wrong_kind",
            Self::DisallowedParent { .. } => "disallowed_parent",
            Self::Cycle { .. } => "cycle",
            Self::ReversedRange { .. } => "reversed_range",
            Self::OverlappingRanges { .. } => "overlapping_ranges",
            Self::OutsideLifetime { .. } => "outside_lifetime",
            Self::MissingParent { .. } => "missing_parent",
            Self::ParentAndParents => "parent_and_parents",
            Self::RoleNotAllowed { .. } => "role_not_allowed",
            Self::FieldNotApplicable { .. } => "field_not_applicable",
            Self::MissingLevel => "missing_level",
            Self::TooFewFullMembers { .. } => "too_few_full_members",
            Self::ConcurrentHolders { .. } => "concurrent_holders",
            Self::OutOfRange { .. } => "out_of_range",
            Self::InconsistentTasks { .. } => "inconsistent_tasks",
            Self::DuplicateRecord { .. } => "duplicate_record",
            Self::UnknownCode { .. } => "unknown_code",
            Self::CriteriaTotal { .. } => "criteria_total",
            Self::BandGap { .. } => "band_gap",
            Self::BandOverlap { .. } => "band_overlap",
            Self::ReversedScores { .. } => "reversed_scores",
        }
    }

    /// Whether the problem is an error or a warning.
    #[must_use]
    pub const fn severity(&self) -> Severity {
        match self {
            Self::TooFewFullMembers { .. } | Self::ConcurrentHolders { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// The message in `lang` (the `Display` form is English).
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Vi => self.message_vi(),
        }
    }

    fn message_vi(&self) -> String {
        match self {
            Self::DuplicateId { id, first } => format!("mã `{id}` đã được dùng ở {first}"),
            Self::EmptyId => "mã để trống".to_owned(),
            Self::DanglingReference { target, expected } => {
                let what = match *expected {
                    "person" => "người",
                    "unit" => "đơn vị",
                    _ => "người hoặc đơn vị",
                };
                format!("`{target}` không phải mã của {what} nào")
            }
            Self::WrongKind { target, found, expected } => {
                format!("`{target}` là `{found}`, cần {expected}")
            }
            Self::DisallowedParent { kind, parent, parent_kind } => format!(
                "`{kind}` không thể trực thuộc đơn vị loại `{parent_kind}` (`{parent}`)"
            ),
            Self::Cycle { units, on } => format!(
                "các quan hệ trực thuộc tạo thành vòng {} từ {}",
                chain(units),
                on.map_or_else(|| "ban đầu".to_owned(), format_iso_date)
            ),
            Self::ReversedRange { from, to } => format!(
                "ngày kết thúc `to` ({}) trước ngày bắt đầu `from` ({})",
                format_iso_date(*to),
                format_iso_date(*from)
            ),
            Self::OverlappingRanges { subject, other } => {
                format!("thời gian của {subject} trùng với {other}")
            }
            Self::OutsideLifetime { unit, period, lifetime } => format!(
                "`{unit}` không tồn tại trong toàn bộ thời gian {} (đơn vị tồn tại {})",
                period_text(period),
                period_text(lifetime)
            ),
            Self::MissingParent { kind } => format!("`{kind}` phải có đơn vị cấp trên"),
            Self::ParentAndParents => "chỉ ghi `parent` hoặc `parents`, không ghi cả hai".to_owned(),
            Self::RoleNotAllowed { role, kind } => {
                format!("`{role}` không phải chức danh của `{kind}`")
            }
            Self::FieldNotApplicable { field, kind } => {
                format!("trường `{field}` không áp dụng cho `{kind}`")
            }
            Self::MissingLevel => "`front_committee` phải có cấp `level` (`province`, `district` hoặc `commune`)".to_owned(),
            Self::TooFewFullMembers { full, as_of } => format!(
                "chi bộ có {full} đảng viên chính thức vào ngày {}, ít hơn 3 (Điều lệ Đảng, Điều 21 khoản 2)",
                format_iso_date(*as_of)
            ),
            Self::OutOfRange { value, min, max } => {
                format!("{value} nằm ngoài khoảng cho phép {min}..={max}")
            }
            Self::InconsistentTasks { assigned, on_time, late, not_done, exceeded } => format!(
                "số nhiệm vụ không khớp: được giao {assigned}, đúng hạn {on_time} + chậm {late} + không hoàn thành {not_done}; vượt {exceeded} không được lớn hơn số đúng hạn"
            ),
            Self::UnknownCode { code, known } => {
                format!("`{code}` không phải mã đã biết; các mã: {known}")
            }
            Self::DuplicateRecord { subject, other } => {
                format!("`{subject}` đã có bản ghi cùng năm và cùng bước ở {other}")
            }
            Self::CriteriaTotal { sum, max_total } => format!(
                "tổng điểm tối đa của các tiêu chí là {sum} (phần mười điểm), khác tổng `max_total` {max_total} của thang điểm"
            ),
            Self::BandGap { band, from, to } => format!(
                "điểm từ {from} đến {to} (phần mười điểm) không thuộc khung nào (cạnh khung `{band}`)"
            ),
            Self::BandOverlap { band, other, from, to } => format!(
                "điểm từ {from} đến {to} (phần mười điểm) thuộc cả khung `{band}` và `{other}`"
            ),
            Self::ReversedScores { min, max } => {
                format!("`min` {min} lớn hơn `max` {max}")
            }
            Self::ConcurrentHolders { role, other, other_path } => format!(
                "`{role}` đồng thời do `{other}` đảm nhiệm ({other_path})"
            ),
        }
    }
}

/// One problem, located by array, position, record id and field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    collection: Collection,
    index: usize,
    record: String,
    field: String,
    kind: ProblemKind,
}

impl Problem {
    /// The array the record is in.
    #[must_use]
    pub const fn collection(&self) -> Collection {
        self.collection
    }
    /// The record's position in its array.
    #[must_use]
    pub const fn index(&self) -> usize {
        self.index
    }
    /// The record: its id for units and people; a description such as
    /// `p-1 in c-2` for memberships, posts and residence links.
    #[must_use]
    pub fn record(&self) -> &str {
        &self.record
    }
    /// The field, possibly nested: `parent`, `parents[1].to`, `statuses[0].from`.
    #[must_use]
    pub fn field(&self) -> &str {
        &self.field
    }
    /// The JSON path: `units[12].parent`.
    #[must_use]
    pub fn path(&self) -> String {
        if self.field.is_empty() {
            format!("{}[{}]", self.collection.as_str(), self.index)
        } else {
            format!(
                "{}[{}].{}",
                self.collection.as_str(),
                self.index,
                self.field
            )
        }
    }
    /// What is wrong.
    #[must_use]
    pub const fn kind(&self) -> &ProblemKind {
        &self.kind
    }
    /// The stable code of the kind.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        self.kind.code()
    }
    /// Error or warning.
    #[must_use]
    pub const fn severity(&self) -> Severity {
        self.kind.severity()
    }
    /// The whole problem as one line in `lang`.
    #[must_use]
    pub fn describe(&self, lang: Lang) -> String {
        let sev = match (self.severity(), lang) {
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::En) => "warning",
            (Severity::Error, Lang::Vi) => "lỗi",
            (Severity::Warning, Lang::Vi) => "cảnh báo",
        };
        format!(
            "{sev}: {} (`{}`): {}",
            self.path(),
            self.record,
            self.kind.message(lang)
        )
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl Serialize for Problem {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Flat<'a> {
            severity: Severity,
            code: &'static str,
            path: String,
            collection: Collection,
            index: usize,
            record: &'a str,
            field: &'a str,
            message: String,
            message_vi: String,
        }
        Flat {
            severity: self.severity(),
            code: self.code(),
            path: self.path(),
            collection: self.collection,
            index: self.index,
            record: &self.record,
            field: &self.field,
            message: self.kind.message(Lang::En),
            message_vi: self.kind.message(Lang::Vi),
        }
        .serialize(s)
    }
}

/// Every problem of a dataset, errors first, each group in dataset order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ValidationReport {
    problems: Vec<Problem>,
}

impl ValidationReport {
    /// All problems.
    #[must_use]
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }
    /// The errors.
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(|p| p.severity() == Severity::Error)
    }
    /// The warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(|p| p.severity() == Severity::Warning)
    }
    /// Whether there is no error (warnings allowed).
    #[must_use]
    pub fn is_ok(&self) -> bool {
        self.errors().next().is_none()
    }
    /// The number of errors.
    #[must_use]
    pub fn error_count(&self) -> usize {
        self.errors().count()
    }
    /// The report as JSON: `{"problems": [{"severity", "code", "path", "record", "field", "message", "message_vi"}]}`.
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl fmt::Display for ValidationReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for p in &self.problems {
            writeln!(f, "{p}")?;
        }
        Ok(())
    }
}

/// An invalid dataset: the report holds at least one error.
#[derive(Debug, Clone, thiserror::Error)]
#[error("the dataset has {} errors and {} warnings; the first: {}", .0.error_count(), .0.warnings().count(), .0.errors().next().map(ToString::to_string).unwrap_or_default())]
pub struct InvalidDataset(pub ValidationReport);

/// Options of a validation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ValidateOptions {
    /// The day on which cells are checked for at least 3 full members. `None`:
    /// the latest day on which something in the dataset starts (see [`latest_start`]).
    pub as_of: Option<Date>,
}

/// Validates a dataset with the default options.
#[must_use]
pub fn validate(ds: &Dataset) -> ValidationReport {
    validate_with(ds, ValidateOptions::default())
}

/// Validates a dataset.
#[must_use]
pub fn validate_with(ds: &Dataset, options: ValidateOptions) -> ValidationReport {
    let resolved = Resolved::build(ds);
    check(ds, &resolved, options).0
}

pub(crate) struct Sink<'a> {
    ds: &'a Dataset,
    problems: Vec<Problem>,
}

impl Sink<'_> {
    pub(crate) fn push(
        &mut self,
        collection: Collection,
        index: usize,
        field: impl Into<String>,
        kind: ProblemKind,
    ) {
        let record = record_label(self.ds, collection, index);
        self.problems.push(Problem {
            collection,
            index,
            record,
            field: field.into(),
            kind,
        });
    }
}

fn record_label(ds: &Dataset, collection: Collection, index: usize) -> String {
    match collection {
        Collection::Units => ds.units.get(index).map(|u| u.id.clone()),
        Collection::People => ds.people.get(index).map(|p| p.id.clone()),
        Collection::Memberships => ds
            .memberships
            .get(index)
            .map(|m| format!("{} in {}", m.person, m.cell)),
        Collection::Posts => ds
            .posts
            .get(index)
            .map(|p| format!("{} as {} of {}", p.person, p.role, p.unit)),
        Collection::Residence => ds
            .residence
            .get(index)
            .map(|r| format!("{} living at {}", r.person, r.cell)),
        Collection::Evaluations => ds
            .evaluations
            .get(index)
            .map(|e| format!("{} {} {}", e.subject, e.year, e.stage.as_str())),
        Collection::Disciplines => ds.disciplines.get(index).map(|d| {
            format!(
                "{} {}",
                d.subject,
                crate::date::format_iso_date(d.decided_on)
            )
        }),
        Collection::QuotaGroups => ds.quota_groups.get(index).map(|g| g.id.clone()),
        Collection::Decisions => ds
            .decisions
            .get(index)
            .map(|d| format!("{} {} {}", d.subject, d.year, d.point)),
        c => crate::front::check::record_label(ds, c, index),
    }
    .unwrap_or_default()
}

fn unit_at(ds: &Dataset, pos: u32) -> Option<&Unit> {
    if pos == NONE {
        None
    } else {
        ds.units.get(pos as usize)
    }
}

/// Open ends of a record's period are bounded by the unit's lifetime; only
/// explicit days outside it are problems.
fn clip(p: Period, life: Period) -> Period {
    Period::new(p.from.or(life.from), p.to.or(life.to))
}

fn kinds_text(kinds: &[UnitKind]) -> String {
    kinds
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(" or ")
}

/// The records grouped by person and by unit, built while checking.
#[derive(Debug)]
pub(crate) struct Groups {
    /// Memberships by person.
    pub(crate) person_memberships: Chains,
    /// Posts by unit.
    pub(crate) unit_posts: Chains,
}

pub(crate) fn check(
    ds: &Dataset,
    r: &Resolved,
    options: ValidateOptions,
) -> (ValidationReport, Groups) {
    let as_of = options.as_of.or_else(|| latest_start(ds));
    let ((mut a, unit_posts), (b, person_memberships)) = join(
        || {
            let mut sink = Sink {
                ds,
                problems: Vec::new(),
            };
            check_ids(ds, r, &mut sink);
            check_units(ds, r, &mut sink);
            check_cycles(ds, r, &mut sink);
            let unit_posts = Chains::build(ds.units.len(), &r.post_unit);
            check_posts(ds, r, &unit_posts, &mut sink);
            check_residence(ds, r, &mut sink);
            check_ratings(ds, r, &mut sink);
            crate::front::check::check(ds, r, &mut sink);
            (sink.problems, unit_posts)
        },
        || {
            let mut sink = Sink {
                ds,
                problems: Vec::new(),
            };
            let person_memberships = Chains::build(ds.people.len(), &r.membership_person);
            check_memberships(ds, r, &person_memberships, &mut sink);
            if let Some(day) = as_of {
                check_full_members(ds, r, day, &mut sink);
            }
            (sink.problems, person_memberships)
        },
    );
    a.extend(b);
    a.sort_by(|x, y| {
        (x.severity(), x.collection, x.index, &x.field, x.code()).cmp(&(
            y.severity(),
            y.collection,
            y.index,
            &y.field,
            y.code(),
        ))
    });
    a.dedup();
    (
        ValidationReport { problems: a },
        Groups {
            person_memberships,
            unit_posts,
        },
    )
}

fn dangling_unit(target: &str) -> ProblemKind {
    ProblemKind::DanglingReference {
        target: target.to_owned(),
        expected: "unit",
    }
}

fn dangling_person(target: &str) -> ProblemKind {
    ProblemKind::DanglingReference {
        target: target.to_owned(),
        expected: "person",
    }
}

fn check_range(sink: &mut Sink<'_>, c: Collection, i: usize, field: &str, p: Period) {
    if let (true, Some(from), Some(to)) = (p.is_reversed(), p.from, p.to) {
        sink.push(c, i, field, ProblemKind::ReversedRange { from, to });
    }
}

/// Reports explicit days of `p` outside the unit's lifetime `life`.
fn check_lifetime(
    sink: &mut Sink<'_>,
    c: Collection,
    i: usize,
    field: &str,
    unit: &str,
    p: Period,
    life: Period,
) {
    let clipped = clip(p, life);
    // Clipping an open end can reverse the period: a record open at one end
    // whose explicit day lies beyond the unit's lifetime (a post from 2020 on
    // in a unit dissolved in 2019) lies entirely outside it.
    if !p.is_reversed() && (clipped.is_reversed() || !clipped.within(&life)) {
        sink.push(
            c,
            i,
            field,
            ProblemKind::OutsideLifetime {
                unit: unit.to_owned(),
                period: if clipped.is_reversed() { p } else { clipped },
                lifetime: life,
            },
        );
    }
}

const MEMBER_KINDS: [UnitKind; 2] = [UnitKind::Cell, UnitKind::GrassrootsCell];

/// Checks a reference to a cell that holds members; its lifetime if it is one.
fn check_cell_ref(
    sink: &mut Sink<'_>,
    c: Collection,
    i: usize,
    field: &str,
    id: &str,
    pos: u32,
) -> Option<Period> {
    match unit_at(sink.ds, pos) {
        None => {
            sink.push(c, i, field, dangling_unit(id));
            None
        }
        Some(u) if !u.kind.holds_members() => {
            let found = u.kind;
            sink.push(
                c,
                i,
                field,
                ProblemKind::WrongKind {
                    target: id.to_owned(),
                    found,
                    expected: kinds_text(&MEMBER_KINDS),
                },
            );
            None
        }
        Some(u) => Some(u.lifetime()),
    }
}

fn check_ids(ds: &Dataset, r: &Resolved, sink: &mut Sink<'_>) {
    for &(pos, first) in &r.unit_dups {
        let id = ds.units.get(pos).map(|u| u.id.clone()).unwrap_or_default();
        sink.push(
            Collection::Units,
            pos,
            "id",
            ProblemKind::DuplicateId {
                id,
                first: format!("units[{first}]"),
            },
        );
    }
    for &(pos, first) in &r.person_dups {
        let id = ds.people.get(pos).map(|p| p.id.clone()).unwrap_or_default();
        sink.push(
            Collection::People,
            pos,
            "id",
            ProblemKind::DuplicateId {
                id,
                first: format!("people[{first}]"),
            },
        );
    }
    for (i, p) in ds.people.iter().enumerate() {
        if p.id.is_empty() {
            sink.push(Collection::People, i, "id", ProblemKind::EmptyId);
        }
    }
}

fn check_units(ds: &Dataset, r: &Resolved, sink: &mut Sink<'_>) {
    use Collection as C;
    for (i, u) in ds.units.iter().enumerate() {
        if u.id.is_empty() {
            sink.push(C::Units, i, "id", ProblemKind::EmptyId);
        }
        check_range(sink, C::Units, i, "dissolved", u.lifetime());
        if u.kind == UnitKind::FrontCommittee && u.level.is_none() {
            sink.push(C::Units, i, "level", ProblemKind::MissingLevel);
        }
        let not_applicable = |field| ProblemKind::FieldNotApplicable {
            field,
            kind: u.kind.as_str().to_owned(),
        };
        if u.kind != UnitKind::FrontCommittee && u.level.is_some() {
            sink.push(C::Units, i, "level", not_applicable("level"));
        }
        if !u.kind.holds_members() && u.cell_type.is_some() {
            sink.push(C::Units, i, "cell_type", not_applicable("cell_type"));
        }
        if u.kind != UnitKind::ResidentialArea && u.local_name.is_some() {
            sink.push(C::Units, i, "local_name", not_applicable("local_name"));
        }
        if u.kind != UnitKind::MassOrgBranch && u.organisation.is_some() {
            sink.push(C::Units, i, "organisation", not_applicable("organisation"));
        }
        if u.parent.is_some() && !u.parents.is_empty() {
            sink.push(C::Units, i, "parents", ProblemKind::ParentAndParents);
        }
        let single = u.parent.is_some() && u.parents.is_empty();
        let field_of = |j: usize, sub: &str| {
            if single {
                "parent".to_owned()
            } else {
                format!("parents[{j}]{sub}")
            }
        };
        if u.parent_edge_count() == 0 && !is_root(u.kind, u.level) {
            sink.push(
                C::Units,
                i,
                "parent",
                ProblemKind::MissingParent { kind: u.kind },
            );
        }
        for (j, ((id, period), &ppos)) in u.parent_edges().zip(r.parents_of(i)).enumerate() {
            check_range(sink, C::Units, i, &field_of(j, ".to"), period);
            let Some(parent) = unit_at(ds, ppos) else {
                sink.push(C::Units, i, field_of(j, ".id"), dangling_unit(id));
                continue;
            };
            if !allowed_parent(u.kind, u.level, parent.kind, parent.level) {
                sink.push(
                    C::Units,
                    i,
                    field_of(j, ".id"),
                    ProblemKind::DisallowedParent {
                        kind: u.kind,
                        parent: parent.id.clone(),
                        parent_kind: parent.kind,
                    },
                );
            }
            let edge = clip(period, u.lifetime());
            if !period.is_reversed() && !edge.is_reversed() && !edge.within(&parent.lifetime()) {
                sink.push(
                    C::Units,
                    i,
                    field_of(j, ".id"),
                    ProblemKind::OutsideLifetime {
                        unit: parent.id.clone(),
                        period: edge,
                        lifetime: parent.lifetime(),
                    },
                );
            }
        }
        for (b, (idb, pb)) in u.parent_edges().enumerate().skip(1) {
            if let Some(a) = u
                .parent_edges()
                .take(b)
                .position(|(_, pa)| pa.overlaps(&pb))
            {
                sink.push(
                    C::Units,
                    i,
                    field_of(b, ""),
                    ProblemKind::OverlappingRanges {
                        subject: format!("`{idb}`"),
                        other: format!("units[{i}].{}", field_of(a, "")),
                    },
                );
            }
        }
        if let Some(area) = &u.area {
            let allowed = allowed_area_kinds(u.kind);
            if allowed.is_empty() {
                sink.push(C::Units, i, "area", not_applicable("area"));
            } else {
                match unit_at(ds, r.unit_area.get(i).copied().unwrap_or(NONE)) {
                    None => sink.push(C::Units, i, "area", dangling_unit(area)),
                    Some(a) if !allowed.contains(&a.kind) => {
                        let found = a.kind;
                        sink.push(
                            C::Units,
                            i,
                            "area",
                            ProblemKind::WrongKind {
                                target: area.clone(),
                                found,
                                expected: kinds_text(allowed),
                            },
                        );
                    }
                    Some(_) => {}
                }
            }
        }
        let preds = r.predecessors_of(i);
        for (j, (pred, &pos)) in u.predecessors.iter().zip(preds).enumerate() {
            match unit_at(ds, pos) {
                None => sink.push(
                    C::Units,
                    i,
                    format!("predecessors[{j}]"),
                    dangling_unit(pred),
                ),
                Some(p) if p.kind != u.kind => {
                    let found = p.kind;
                    sink.push(
                        C::Units,
                        i,
                        format!("predecessors[{j}]"),
                        ProblemKind::WrongKind {
                            target: pred.clone(),
                            found,
                            expected: format!("`{}`", u.kind),
                        },
                    );
                }
                Some(_) if pos as usize == i => sink.push(
                    C::Units,
                    i,
                    format!("predecessors[{j}]"),
                    ProblemKind::Cycle {
                        units: vec![u.id.clone()],
                        on: u.established,
                    },
                ),
                Some(_) => {}
            }
        }
    }
}

fn check_memberships(ds: &Dataset, r: &Resolved, by_person: &Chains, sink: &mut Sink<'_>) {
    use Collection as C;
    let mut status_cells = r.status_cell.iter().peekable();
    for (i, m) in ds.memberships.iter().enumerate() {
        if r.membership_person.get(i).copied().unwrap_or(NONE) == NONE {
            sink.push(C::Memberships, i, "person", dangling_person(&m.person));
        }
        check_range(sink, C::Memberships, i, "to", m.period());
        if let Some(full) = m.full_on {
            if full < m.admitted_on {
                sink.push(
                    C::Memberships,
                    i,
                    "full_on",
                    ProblemKind::ReversedRange {
                        from: m.admitted_on,
                        to: full,
                    },
                );
            }
        }
        let cell_pos = r.membership_cell.get(i).copied().unwrap_or(NONE);
        if let Some(life) = check_cell_ref(sink, C::Memberships, i, "cell", &m.cell, cell_pos) {
            check_lifetime(sink, C::Memberships, i, "cell", &m.cell, m.period(), life);
        }
        for (j, s) in m.statuses.iter().enumerate() {
            check_range(
                sink,
                C::Memberships,
                i,
                &format!("statuses[{j}].to"),
                s.period(),
            );
            if let Some(cell) = &s.cell {
                let pos = match status_cells.peek() {
                    Some(&&(mi, sj, pos)) if mi as usize == i && sj as usize == j => {
                        status_cells.next();
                        pos
                    }
                    _ => NONE,
                };
                if s.kind == StatusKind::TemporaryElsewhere {
                    let _ = check_cell_ref(
                        sink,
                        C::Memberships,
                        i,
                        &format!("statuses[{j}].cell"),
                        cell,
                        pos,
                    );
                } else {
                    sink.push(
                        C::Memberships,
                        i,
                        format!("statuses[{j}].cell"),
                        ProblemKind::FieldNotApplicable {
                            field: "cell",
                            kind: s.kind.as_str().to_owned(),
                        },
                    );
                }
            }
            if let Some(k) = m
                .statuses
                .iter()
                .take(j)
                .position(|t| t.kind == s.kind && t.period().overlaps(&s.period()))
            {
                sink.push(
                    C::Memberships,
                    i,
                    format!("statuses[{j}]"),
                    ProblemKind::OverlappingRanges {
                        subject: format!("`{}`", s.kind),
                        other: format!("memberships[{i}].statuses[{k}]"),
                    },
                );
            }
        }
    }
    // A person is in at most one cell at a time (open ends bounded by the cell's lifetime).
    let bounded = |mi: u32| -> Option<Period> {
        let m = ds.memberships.get(mi as usize)?;
        let life = unit_at(
            ds,
            r.membership_cell.get(mi as usize).copied().unwrap_or(NONE),
        )
        .map_or(Period::always(), Unit::lifetime);
        Some(clip(m.period(), life))
    };
    for person in 0..ds.people.len() {
        if !by_person.has_several(pos32(person)) {
            continue;
        }
        let ms: Vec<u32> = by_person.get(pos32(person)).collect();
        for (b, &ib) in ms.iter().enumerate() {
            let Some(pb) = bounded(ib) else { continue };
            if let Some(&ia) = ms
                .iter()
                .take(b)
                .find(|&&ia| bounded(ia).is_some_and(|pa| pa.overlaps(&pb)))
            {
                sink.push(
                    C::Memberships,
                    ib as usize,
                    "from",
                    ProblemKind::OverlappingRanges {
                        subject: ds
                            .memberships
                            .get(ib as usize)
                            .map(|m| format!("`{}`/`{}`", m.person, m.cell))
                            .unwrap_or_default(),
                        other: format!("memberships[{ia}]"),
                    },
                );
            }
        }
    }
}

fn check_posts(ds: &Dataset, r: &Resolved, by_unit: &Chains, sink: &mut Sink<'_>) {
    use Collection as C;
    for (i, p) in ds.posts.iter().enumerate() {
        if r.post_person.get(i).copied().unwrap_or(NONE) == NONE {
            sink.push(C::Posts, i, "person", dangling_person(&p.person));
        }
        check_range(sink, C::Posts, i, "to", p.period());
        match unit_at(ds, r.post_unit.get(i).copied().unwrap_or(NONE)) {
            None => sink.push(C::Posts, i, "unit", dangling_unit(&p.unit)),
            Some(u) => {
                if !p.role.fits(u.kind) {
                    sink.push(
                        C::Posts,
                        i,
                        "role",
                        ProblemKind::RoleNotAllowed {
                            role: p.role,
                            kind: u.kind,
                        },
                    );
                }
                check_lifetime(sink, C::Posts, i, "unit", &p.unit, p.period(), u.lifetime());
            }
        }
    }
    for unit in 0..ds.units.len() {
        if !by_unit.has_several(pos32(unit)) {
            continue;
        }
        let ps: Vec<u32> = by_unit.get(pos32(unit)).collect();
        for (b, &ib) in ps.iter().enumerate() {
            let Some(pb) = ds.posts.get(ib as usize) else {
                continue;
            };
            for &ia in ps.iter().take(b) {
                let Some(pa) = ds.posts.get(ia as usize) else {
                    continue;
                };
                if pa.role != pb.role || !pa.period().overlaps(&pb.period()) {
                    continue;
                }
                if pa.person == pb.person {
                    sink.push(
                        C::Posts,
                        ib as usize,
                        "from",
                        ProblemKind::OverlappingRanges {
                            subject: format!("`{}`/`{}`", pb.person, pb.role),
                            other: format!("posts[{ia}]"),
                        },
                    );
                    break;
                } else if pa.role.is_single_holder() {
                    sink.push(
                        C::Posts,
                        ib as usize,
                        "person",
                        ProblemKind::ConcurrentHolders {
                            role: pb.role,
                            other: pa.person.clone(),
                            other_path: format!("posts[{ia}]"),
                        },
                    );
                    break;
                }
            }
        }
    }
}

fn check_residence(ds: &Dataset, r: &Resolved, sink: &mut Sink<'_>) {
    use Collection as C;
    for (i, res) in ds.residence.iter().enumerate() {
        if r.residence_person.get(i).copied().unwrap_or(NONE) == NONE {
            sink.push(C::Residence, i, "person", dangling_person(&res.person));
        }
        check_range(sink, C::Residence, i, "to", res.period());
        let pos = r.residence_cell.get(i).copied().unwrap_or(NONE);
        if let Some(life) = check_cell_ref(sink, C::Residence, i, "cell", &res.cell, pos) {
            check_lifetime(sink, C::Residence, i, "cell", &res.cell, res.period(), life);
        }
        if let Some(area) = &res.area {
            match unit_at(ds, r.residence_area.get(i).copied().unwrap_or(NONE)) {
                None => sink.push(C::Residence, i, "area", dangling_unit(area)),
                Some(a) if a.kind != UnitKind::ResidentialArea => {
                    let found = a.kind;
                    sink.push(
                        C::Residence,
                        i,
                        "area",
                        ProblemKind::WrongKind {
                            target: area.clone(),
                            found,
                            expected: "`residential_area`".to_owned(),
                        },
                    );
                }
                Some(_) => {}
            }
        }
    }
}

/// The subject of a rating record: a person or a unit.
const fn subject_exists(i_person: u32, i_unit: u32) -> bool {
    i_person != NONE || i_unit != NONE
}

fn dangling_subject(target: &str) -> ProblemKind {
    ProblemKind::DanglingReference {
        target: target.to_owned(),
        expected: "person or unit",
    }
}

pub(crate) fn check_tasks(
    sink: &mut Sink<'_>,
    c: Collection,
    i: usize,
    field: &str,
    t: &crate::evaluation::Tasks,
) {
    if t.on_time + t.late + t.not_done != t.assigned || t.exceeded > t.on_time {
        sink.push(
            c,
            i,
            field,
            ProblemKind::InconsistentTasks {
                assigned: t.assigned,
                on_time: t.on_time,
                late: t.late,
                not_done: t.not_done,
                exceeded: t.exceeded,
            },
        );
    }
}

fn check_range_of(
    sink: &mut Sink<'_>,
    c: Collection,
    i: usize,
    field: &str,
    value: Option<u32>,
    max: u32,
) {
    if let Some(v) = value {
        if v > max {
            sink.push(
                c,
                i,
                field,
                ProblemKind::OutOfRange {
                    value: i64::from(v),
                    min: 0,
                    max: i64::from(max),
                },
            );
        }
    }
}

/// Evaluations, disciplines, quota groups and decisions.
fn check_ratings(ds: &Dataset, r: &Resolved, sink: &mut Sink<'_>) {
    use Collection as C;
    let unit_pos = |id: &str| {
        r.units
            .get(id, |p| ds.units.get(p as usize).map(|u| u.id.as_str()))
            .unwrap_or(NONE)
    };
    let person_pos = |id: &str| {
        r.people
            .get(id, |p| ds.people.get(p as usize).map(|u| u.id.as_str()))
            .unwrap_or(NONE)
    };
    for (i, e) in ds.evaluations.iter().enumerate() {
        let (p, u) = (
            r.evaluation_person.get(i).copied().unwrap_or(NONE),
            r.evaluation_unit.get(i).copied().unwrap_or(NONE),
        );
        if !subject_exists(p, u) {
            sink.push(C::Evaluations, i, "subject", dangling_subject(&e.subject));
        }
        check_range_of(sink, C::Evaluations, i, "score_common", e.score_common, 300);
        check_range_of(sink, C::Evaluations, i, "score_tasks", e.score_tasks, 700);
        check_range_of(sink, C::Evaluations, i, "score_total", e.score_total, 1000);
        if let Some(t) = &e.tasks {
            check_tasks(sink, C::Evaluations, i, "tasks", t);
        }
        if let Some(sh) = &e.prior_shortcomings {
            check_range_of(
                sink,
                C::Evaluations,
                i,
                "prior_shortcomings.remedied",
                Some(sh.remedied),
                sh.identified,
            );
        }
        if let Some(l) = &e.leader {
            if let Some(t) = &l.led_tasks {
                check_tasks(sink, C::Evaluations, i, "leader.led_tasks", t);
            }
            if let Some(v) = &l.confidence_votes {
                check_range_of(
                    sink,
                    C::Evaluations,
                    i,
                    "leader.confidence_votes.low",
                    Some(v.low),
                    v.total,
                );
            }
            for (j, id) in l.led_units.iter().enumerate() {
                if unit_pos(id) == NONE {
                    sink.push(
                        C::Evaluations,
                        i,
                        format!("leader.led_units[{j}]"),
                        dangling_unit(id),
                    );
                }
            }
        }
    }
    // One record per subject, year and stage.
    for (chains, n) in [
        (&r.person_evaluations, ds.people.len()),
        (&r.unit_evaluations, ds.units.len()),
    ] {
        for key in 0..n {
            if !chains.has_several(pos32(key)) {
                continue;
            }
            let list: Vec<u32> = chains.get(pos32(key)).collect();
            for (b, &ib) in list.iter().enumerate() {
                let Some(eb) = ds.evaluations.get(ib as usize) else {
                    continue;
                };
                if let Some(&ia) = list.iter().take(b).find(|&&ia| {
                    ds.evaluations
                        .get(ia as usize)
                        .is_some_and(|ea| ea.year == eb.year && ea.stage == eb.stage)
                }) {
                    sink.push(
                        C::Evaluations,
                        ib as usize,
                        "stage",
                        ProblemKind::DuplicateRecord {
                            subject: eb.subject.clone(),
                            other: format!("evaluations[{ia}]"),
                        },
                    );
                }
            }
        }
    }
    for (i, d) in ds.disciplines.iter().enumerate() {
        if person_pos(&d.subject) == NONE && unit_pos(&d.subject) == NONE {
            sink.push(C::Disciplines, i, "subject", dangling_subject(&d.subject));
        }
        if let Some(v) = &d.violation_unit {
            if unit_pos(v) == NONE {
                sink.push(C::Disciplines, i, "violation_unit", dangling_unit(v));
            }
        }
        if let Some(y) = d.violation_year {
            let decided = chrono::Datelike::year(&d.decided_on);
            if y > decided {
                sink.push(
                    C::Disciplines,
                    i,
                    "violation_year",
                    ProblemKind::OutOfRange {
                        value: i64::from(y),
                        min: 1945,
                        max: i64::from(decided),
                    },
                );
            }
        }
    }
    let mut seen_groups: rustc_hash::FxHashMap<(&str, i32), usize> =
        rustc_hash::FxHashMap::default();
    let mut grouped: rustc_hash::FxHashMap<(&str, i32), usize> = rustc_hash::FxHashMap::default();
    for (i, g) in ds.quota_groups.iter().enumerate() {
        if let Some(&first) = seen_groups.get(&(g.id.as_str(), g.year)) {
            sink.push(
                C::QuotaGroups,
                i,
                "id",
                ProblemKind::DuplicateId {
                    id: g.id.clone(),
                    first: format!("quota_groups[{first}]"),
                },
            );
        } else {
            seen_groups.insert((g.id.as_str(), g.year), i);
        }
        for (j, s) in g.subjects.iter().enumerate() {
            if person_pos(s) == NONE && unit_pos(s) == NONE {
                sink.push(
                    C::QuotaGroups,
                    i,
                    format!("subjects[{j}]"),
                    dangling_subject(s),
                );
            }
            // A subject belongs to one explicit group a year.
            match grouped.get(&(s.as_str(), g.year)) {
                Some(&other) if other != i => sink.push(
                    C::QuotaGroups,
                    i,
                    format!("subjects[{j}]"),
                    ProblemKind::DuplicateRecord {
                        subject: s.clone(),
                        other: format!("quota_groups[{other}]"),
                    },
                ),
                Some(_) => {}
                None => {
                    grouped.insert((s.as_str(), g.year), i);
                }
            }
        }
    }
    let mut seen_decisions: rustc_hash::FxHashMap<(&str, i32, &str), usize> =
        rustc_hash::FxHashMap::default();
    for (i, d) in ds.decisions.iter().enumerate() {
        if person_pos(&d.subject) == NONE && unit_pos(&d.subject) == NONE {
            sink.push(C::Decisions, i, "subject", dangling_subject(&d.subject));
        }
        if !crate::outcome::DISCRETION_POINTS.contains(&d.point.as_str()) {
            sink.push(
                C::Decisions,
                i,
                "point",
                ProblemKind::UnknownCode {
                    code: d.point.clone(),
                    known: crate::outcome::DISCRETION_POINTS.join(", "),
                },
            );
        }
        let key = (d.subject.as_str(), d.year, d.point.as_str());
        if let Some(&first) = seen_decisions.get(&key) {
            sink.push(
                C::Decisions,
                i,
                "point",
                ProblemKind::DuplicateRecord {
                    subject: d.subject.clone(),
                    other: format!("decisions[{first}]"),
                },
            );
        } else {
            seen_decisions.insert(key, i);
        }
    }
}

/// H1: a cell needs at least 3 full members (party-rating.md §3.1; Điều lệ Đảng
/// 2011, Điều 21 khoản 2). Exempt members are still full members.
fn check_full_members(ds: &Dataset, r: &Resolved, as_of: Date, sink: &mut Sink<'_>) {
    let mut full = vec![0usize; ds.units.len()];
    for (i, m) in ds.memberships.iter().enumerate() {
        let cell = r.membership_cell.get(i).copied().unwrap_or(NONE);
        if cell != NONE && m.period().contains(as_of) && m.is_full_member(as_of) {
            if let Some(c) = full.get_mut(cell as usize) {
                *c += 1;
            }
        }
    }
    for (i, u) in ds.units.iter().enumerate() {
        let n = full.get(i).copied().unwrap_or(0);
        if u.kind.holds_members() && u.lifetime().contains(as_of) && n < 3 {
            sink.push(
                Collection::Units,
                i,
                "",
                ProblemKind::TooFewFullMembers { full: n, as_of },
            );
        }
    }
}

/// The latest day on which something in the dataset starts: an establishment,
/// a parent edge, a membership, an admission, a full membership, a status, a
/// post or a residence link. Ends (`to`, `dissolved`) are left out because they
/// may lie in the future.
#[must_use]
pub fn latest_start(ds: &Dataset) -> Option<Date> {
    let mut max: Option<Date> = None;
    let mut see = |d: Option<Date>| {
        if let Some(d) = d {
            if max.is_none_or(|m| d > m) {
                max = Some(d);
            }
        }
    };
    for u in &ds.units {
        see(u.established);
        for l in &u.parents {
            see(l.from);
        }
    }
    for m in &ds.memberships {
        see(m.from);
        see(Some(m.admitted_on));
        see(m.full_on);
        for s in &m.statuses {
            see(Some(s.from));
        }
    }
    for p in &ds.posts {
        see(p.from);
    }
    for r in &ds.residence {
        see(r.from);
    }
    max
}

/// Whether an edge holds on `day` (`None`: the start of time).
fn link_holds(p: Period, day: Option<Date>) -> bool {
    match day {
        None => p.from.is_none(),
        Some(d) => p.contains(d),
    }
}

/// Finds parent cycles. A cycle that holds on some day also holds on the latest
/// `from` of its edges, and contains the edge starting then; so for every edge
/// it suffices to walk up from its parent on the day it starts.
fn check_cycles(ds: &Dataset, r: &Resolved, sink: &mut Sink<'_>) {
    let parent_on = |unit: u32, day: Option<Date>| -> Option<u32> {
        let u = ds.units.get(unit as usize)?;
        u.parent_edges()
            .zip(r.parents_of(unit as usize))
            .find(|((_, period), &p)| p != NONE && link_holds(*period, day))
            .map(|(_, &p)| p)
    };
    let mut seen: FxHashSet<Vec<u32>> = FxHashSet::default();
    let mut path: Vec<u32> = Vec::new();
    let mut visited: FxHashSet<u32> = FxHashSet::default();
    for (i, u) in ds.units.iter().enumerate() {
        let child = pos32(i);
        for ((_, period), &start) in u.parent_edges().zip(r.parents_of(i)) {
            if start == NONE || period.is_reversed() {
                continue;
            }
            let day = period.from;
            path.clear();
            path.push(child);
            visited.clear();
            let mut current = Some(start);
            while let Some(c) = current {
                if c == child {
                    let min = path
                        .iter()
                        .enumerate()
                        .min_by_key(|(_, &p)| ds.units.get(p as usize).map(|u| u.id.as_str()))
                        .map_or(0, |(k, _)| k);
                    path.rotate_left(min);
                    if seen.insert(path.clone()) {
                        let ids = path
                            .iter()
                            .filter_map(|&p| ds.units.get(p as usize).map(|u| u.id.clone()))
                            .collect();
                        let first = path.first().copied().unwrap_or(child) as usize;
                        let field = ds.units.get(first).map_or("parent", |u| {
                            if u.parent.is_some() {
                                "parent"
                            } else {
                                "parents"
                            }
                        });
                        sink.push(
                            Collection::Units,
                            first,
                            field,
                            ProblemKind::Cycle {
                                units: ids,
                                on: day,
                            },
                        );
                    }
                    break;
                }
                if path.len() > 64 && !visited.insert(c) {
                    break; // A cycle without `child`: reported from its own edges.
                }
                if path.len() > ds.units.len() {
                    break;
                }
                path.push(c);
                current = parent_on(c, day);
            }
        }
    }
}
