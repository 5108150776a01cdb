//! The dataset format `xeploai-dataset/1`: one JSON document holding a
//! province's (or the country's) units, people, party memberships, posts and
//! residence links. See `docs/dataset-format.md` for the full description and
//! `schema/dataset.schema.json` for the JSON Schema.
//!
//! Loading checks the syntax and the types (unknown fields are rejected, dates
//! are ISO-8601, enum values are the snake_case names) and reports the JSON path
//! of the first problem (`units[12].parent`). It then normalises every
//! free-text field to Unicode NFC. The cross-record rules (duplicates, dangling
//! references, cycles, dates) are checked by [`crate::validate`], which reports
//! every problem at once.
//!
//! ```
//! use xeploai::Dataset;
//! let ds = Dataset::from_json_str(r#"{
//!   "format": "xeploai-dataset/1",
//!   "units": [{"id": "t", "kind": "province", "name": "Tỉnh Đồng Tháp"}]
//! }"#).unwrap();
//! assert_eq!(ds.units[0].name, "Tỉnh Đồng Tháp");
//! ```

use crate::date::{serde_date, Date, Period};
use crate::evaluation::{Decision, Discipline, Evaluation, QuotaGroup};
use crate::org::{
    Category, CellType, FrontLevel, Gender, ResidenceExemption, Role, StatusKind, UnitKind,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// The value of the `format` field of a dataset.
pub const DATASET_FORMAT: &str = "xeploai-dataset/1";

/// A whole dataset (`xeploai-dataset/1`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "xeploai-dataset/1")]
pub struct Dataset {
    /// Always `xeploai-dataset/1`.
    pub format: String,
    /// A free-text description of the dataset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The units of the three trees (party, Front, administrative).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<Unit>,
    /// The people.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    /// Party memberships: who belongs to which cell, with dated statuses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub memberships: Vec<Membership>,
    /// Posts: who holds which role in which unit, and when.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub posts: Vec<Post>,
    /// Residence links (Quy định 213-QĐ/TW): where a member who works elsewhere lives.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub residence: Vec<Residence>,
    /// Evaluations: scores or grades, task facts and proposals per subject, year and stage.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evaluations: Vec<Evaluation>,
    /// Disciplinary decisions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disciplines: Vec<Discipline>,
    /// Explicit quota groups (they override the default groups).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quota_groups: Vec<QuotaGroup>,
    /// Recorded committee decisions at points of discretion.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<Decision>,
    /// The Front side: scorecards, board evaluations, residential evaluations and
    /// the facts of the indicators (see [`crate::front::data`]).
    #[serde(
        default,
        skip_serializing_if = "crate::front::data::FrontData::is_empty"
    )]
    pub front: crate::front::data::FrontData,
}

/// A unit of one of the three trees.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// Unique among units; compared exactly.
    pub id: String,
    /// The kind (DESIGN §3).
    pub kind: UnitKind,
    /// The official name, e.g. `Chi bộ ấp Tân Hòa`.
    pub name: String,
    /// For a residential area, the local word for it: `thôn`, `ấp`, `bản`, `khu phố`,
    /// `khóm`, `tổ dân phố` … (front-rating.md R1.1d).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_name: Option<String>,
    /// For a Front committee, its level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<FrontLevel>,
    /// The parent for the unit's whole life. Give either `parent` or `parents`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Dated parents, for units re-parented over time (the 2025 reform).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parents: Vec<ParentLink>,
    /// The administrative unit the unit serves: a residential area for a cell or a
    /// Front work board, a commune for a commune's party organisation or Front committee.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    /// For a cell, its type (used for quota groups).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cell_type: Option<CellType>,
    /// For a mass-organisation branch, the organisation: `farmers`, `women`, `youth`,
    /// `veterans`, `elderly`, `red_cross`, `study_promotion`, `trade_union` or another code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// First day of existence, inclusive.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "serde_date::opt"
    )]
    #[schemars(with = "Option<Date>")]
    pub established: Option<Date>,
    /// Last day of existence, inclusive.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "serde_date::opt"
    )]
    #[schemars(with = "Option<Date>")]
    pub dissolved: Option<Date>,
    /// The units merged into this one (e.g. the communes merged on 1 July 2025).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub predecessors: Vec<String>,
}

impl Unit {
    /// A unit with the given id, kind and name and nothing else.
    #[must_use]
    pub fn new(id: impl Into<String>, kind: UnitKind, name: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            kind,
            name: name.into(),
            local_name: None,
            level: None,
            parent: None,
            parents: Vec::new(),
            area: None,
            cell_type: None,
            organisation: None,
            established: None,
            dissolved: None,
            predecessors: Vec::new(),
        }
    }

    /// The days the unit exists: `[established, dissolved]`.
    #[must_use]
    pub const fn lifetime(&self) -> Period {
        Period::new(self.established, self.dissolved)
    }

    /// The parent edges as `(parent id, period)`, an undated `parent` being one
    /// edge open at both ends. If both `parent` and `parents` are given (an
    /// error), only `parents` count.
    pub fn parent_edges(&self) -> impl Iterator<Item = (&str, Period)> + '_ {
        let single = match (&self.parent, self.parents.is_empty()) {
            (Some(p), true) => Some((p.as_str(), Period::always())),
            _ => None,
        };
        single
            .into_iter()
            .chain(self.parents.iter().map(|l| (l.id.as_str(), l.period())))
    }

    /// The number of parent edges.
    #[must_use]
    pub fn parent_edge_count(&self) -> usize {
        match (&self.parent, self.parents.is_empty()) {
            (Some(_), true) => 1,
            _ => self.parents.len(),
        }
    }
}

/// A dated parent edge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ParentLink {
    /// The parent unit's id.
    pub id: String,
    /// First day, inclusive; open if missing.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "serde_date::opt"
    )]
    #[schemars(with = "Option<Date>")]
    pub from: Option<Date>,
    /// Last day, inclusive; open if missing.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "serde_date::opt"
    )]
    #[schemars(with = "Option<Date>")]
    pub to: Option<Date>,
}

impl ParentLink {
    /// The days the edge holds.
    #[must_use]
    pub const fn period(&self) -> Period {
        Period::new(self.from, self.to)
    }
}

/// A person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Unique among people; compared exactly.
    pub id: String,
    /// Full name, e.g. `Nguyễn Thị Hồng`.
    pub name: String,
    /// Gender, if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    /// Date of birth, if recorded.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "serde_date::opt"
    )]
    #[schemars(with = "Option<Date>")]
    pub born: Option<Date>,
}

/// A person's party membership in one cell for a period.
///
/// A member who moved to another cell has one record per cell, with periods that
/// do not overlap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Membership {
    /// The person's id.
    pub person: String,
    /// The cell (`cell` or `grassroots_cell`) the member belongs to officially.
    pub cell: String,
    /// First day in this cell, inclusive; open if missing.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "serde_date::opt"
    )]
    #[schemars(with = "Option<Date>")]
    pub from: Option<Date>,
    /// Last day in this cell, inclusive; open if missing.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "serde_date::opt"
    )]
    #[schemars(with = "Option<Date>")]
    pub to: Option<Date>,
    /// The day the person was admitted to the Party (kết nạp).
    #[serde(with = "serde_date")]
    #[schemars(with = "Date")]
    pub admitted_on: Date,
    /// Whether the member has not yet been recognised as a full (chính thức) member.
    #[serde(default, skip_serializing_if = "is_false")]
    pub probationary: bool,
    /// The day the member became a full member, if known.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "serde_date::opt"
    )]
    #[schemars(with = "Option<Date>")]
    pub full_on: Option<Date>,
    /// The member's category for rating.
    pub category: Category,
    /// Dated statuses: exempt, suspended, committee-suspended, temporary activity elsewhere.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statuses: Vec<StatusPeriod>,
}

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
const fn is_false(b: &bool) -> bool {
    !*b
}

impl Membership {
    /// The days the person is in this cell.
    #[must_use]
    pub const fn period(&self) -> Period {
        Period::new(self.from, self.to)
    }

    /// Whether the member is a full (chính thức) member on `day`.
    ///
    /// With `full_on` given, from that day on. Otherwise a member marked
    /// `probationary` is not full, and any other member is full once the 12
    /// months of probation after admission have passed (Điều lệ Đảng, Điều 5).
    #[must_use]
    pub fn is_full_member(&self, day: Date) -> bool {
        match self.full_on {
            Some(f) => f <= day,
            None => {
                !self.probationary
                    && crate::date::add_months(self.admitted_on, 12).is_some_and(|f| f <= day)
            }
        }
    }

    /// The statuses in force on `day`.
    pub fn statuses_on(&self, day: Date) -> impl Iterator<Item = &StatusPeriod> {
        self.statuses
            .iter()
            .filter(move |s| s.period().contains(day))
    }
}

/// A dated status of a membership.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusPeriod {
    /// The status.
    pub kind: StatusKind,
    /// First day, inclusive.
    #[serde(with = "serde_date")]
    #[schemars(with = "Date")]
    pub from: Date,
    /// Last day, inclusive; open if missing.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "serde_date::opt"
    )]
    #[schemars(with = "Option<Date>")]
    pub to: Option<Date>,
    /// For `temporary_elsewhere`, the cell where the member takes part temporarily.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
}

impl StatusPeriod {
    /// The days the status holds.
    #[must_use]
    pub const fn period(&self) -> Period {
        Period::new(Some(self.from), self.to)
    }
}

/// A post: a person holding a role in a unit for a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Post {
    /// The person's id.
    pub person: String,
    /// The unit's id.
    pub unit: String,
    /// The role.
    pub role: Role,
    /// First day, inclusive; open if missing.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "serde_date::opt"
    )]
    #[schemars(with = "Option<Date>")]
    pub from: Option<Date>,
    /// Last day, inclusive; open if missing (a post ends at the latest when its unit is dissolved).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "serde_date::opt"
    )]
    #[schemars(with = "Option<Date>")]
    pub to: Option<Date>,
}

impl Post {
    /// The days the post is held.
    #[must_use]
    pub const fn period(&self) -> Period {
        Period::new(self.from, self.to)
    }
}

/// A residence link (Quy định 213-QĐ/TW; Hướng dẫn 33-HD/BTCTW): a member whose
/// cell is at the workplace is introduced to the residential cell where they live,
/// which comments on them once a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Residence {
    /// The person's id.
    pub person: String,
    /// The residential cell where the member lives.
    pub cell: String,
    /// The residential area, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    /// The day the member was introduced to the residential cell; open if missing.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "serde_date::opt"
    )]
    #[schemars(with = "Option<Date>")]
    pub from: Option<Date>,
    /// Last day, inclusive; open if missing.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "serde_date::opt"
    )]
    #[schemars(with = "Option<Date>")]
    pub to: Option<Date>,
    /// Set if the member is excused from the yearly comment (33-HD §1.1–1.2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exemption: Option<ResidenceExemption>,
}

impl Residence {
    /// The days the link holds.
    #[must_use]
    pub const fn period(&self) -> Period {
        Period::new(self.from, self.to)
    }
}

/// Why a dataset could not be loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// The document is not valid JSON or does not match the format's types.
    #[error("invalid dataset at `{path}` (line {line}, column {column}): {message}")]
    Json {
        /// JSON path of the offending value, e.g. `units[12].parent`; `.` for the document.
        path: String,
        /// Line of the error, from 1.
        line: usize,
        /// Column of the error, from 1.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// The `format` field names another format.
    #[error("unsupported dataset format `{found}`: expected `{DATASET_FORMAT}`")]
    Format {
        /// The value found.
        found: String,
    },
    /// The file could not be read.
    #[error("cannot read dataset file `{path}`: {source}", path = path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
}

impl LoadError {
    /// The JSON path of the problem, where there is one.
    #[must_use]
    pub fn path(&self) -> Option<&str> {
        match self {
            Self::Json { path, .. } => Some(path),
            Self::Format { .. } => Some("format"),
            Self::Io { .. } => None,
        }
    }
}

impl Dataset {
    /// An empty dataset of the current format.
    #[must_use]
    pub fn new() -> Self {
        Self {
            format: DATASET_FORMAT.to_owned(),
            ..Self::default()
        }
    }

    /// Parses a dataset from JSON text and normalises its text to NFC.
    ///
    /// # Errors
    /// [`LoadError::Json`] with the JSON path of the problem, or
    /// [`LoadError::Format`] if `format` is not `xeploai-dataset/1`.
    pub fn from_json_str(text: &str) -> Result<Self, LoadError> {
        Self::from_json_slice(text.as_bytes())
    }

    /// Parses a dataset from JSON bytes (UTF-8) and normalises its text to NFC.
    ///
    /// # Errors
    /// As [`Dataset::from_json_str`].
    pub fn from_json_slice(bytes: &[u8]) -> Result<Self, LoadError> {
        // A UTF-8 byte order mark, as spreadsheet tools write, is not JSON.
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        // The fast path parses without tracking paths; only a failing document is
        // parsed a second time to find the path of the problem.
        let mut ds: Self = match serde_json::from_slice(bytes) {
            Ok(ds) => ds,
            Err(_) => {
                // A document of another format is reported as such, not by its
                // first field that this format does not know.
                if let Ok(FormatOnly {
                    format: Some(found),
                }) = serde_json::from_slice::<FormatOnly>(bytes)
                {
                    if found != DATASET_FORMAT {
                        return Err(LoadError::Format { found });
                    }
                }
                return Err(Self::locate_error(bytes));
            }
        };
        if ds.format != DATASET_FORMAT {
            return Err(LoadError::Format { found: ds.format });
        }
        ds.normalize_text();
        Ok(ds)
    }

    fn locate_error(bytes: &[u8]) -> LoadError {
        let mut de = serde_json::Deserializer::from_slice(bytes);
        match serde_path_to_error::deserialize::<_, Self>(&mut de) {
            Ok(_) => match de.end() {
                Ok(()) => LoadError::Json {
                    path: ".".into(),
                    line: 1,
                    column: 1,
                    message: "the document could not be parsed".into(),
                },
                Err(e) => json_error(".".into(), &e),
            },
            Err(e) => {
                let path = e.path().to_string();
                json_error(path, e.inner())
            }
        }
    }

    /// Reads and parses a dataset file.
    ///
    /// # Errors
    /// [`LoadError::Io`] if the file cannot be read, otherwise as [`Dataset::from_json_str`].
    pub fn from_path(path: impl AsRef<Path>) -> Result<Self, LoadError> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
            path: path.to_owned(),
            source,
        })?;
        Self::from_json_slice(&bytes)
    }

    /// The dataset as compact JSON. Fields at their default are left out, so
    /// `from_json_str(&ds.to_json())` gives back an equal dataset.
    #[must_use]
    pub fn to_json(&self) -> String {
        // Serialising these types cannot fail: every map key is a string and
        // every value is plain data.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The dataset as indented JSON.
    #[must_use]
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Writes the dataset as compact JSON to a writer.
    ///
    /// # Errors
    /// The writer's I/O error.
    pub fn write_json<W: std::io::Write>(&self, writer: W) -> std::io::Result<()> {
        serde_json::to_writer(writer, self).map_err(std::io::Error::other)
    }

    /// Normalises every free-text field (names, local names, organisation
    /// codes, the description) to Unicode NFC. Ids are left as they are: they
    /// are compared exactly.
    pub fn normalize_text(&mut self) {
        normalize_opt(&mut self.description);
        for u in &mut self.units {
            normalize(&mut u.name);
            normalize_opt(&mut u.local_name);
            normalize_opt(&mut u.organisation);
        }
        for p in &mut self.people {
            normalize(&mut p.name);
        }
        self.front.normalize_text();
    }
}

/// Reads only the `format` field of a document.
#[derive(Deserialize)]
struct FormatOnly {
    #[serde(default)]
    format: Option<String>,
}

fn json_error(path: String, e: &serde_json::Error) -> LoadError {
    let full = e.to_string();
    // serde_json appends " at line L column C"; the position has its own fields.
    let message = full
        .rfind(" at line ")
        .and_then(|i| full.get(..i))
        .unwrap_or(&full)
        .to_owned();
    LoadError::Json {
        path: if path.is_empty() { ".".into() } else { path },
        line: e.line(),
        column: e.column(),
        message,
    }
}

/// Normalises a string to NFC in place (no allocation if it already is).
pub fn normalize(s: &mut String) {
    if is_nfc_quick(s.chars()) != IsNormalized::Yes {
        let nfc: String = s.nfc().collect();
        if nfc != *s {
            *s = nfc;
        }
    }
}

fn normalize_opt(s: &mut Option<String>) {
    if let Some(s) = s {
        normalize(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_names_the_json_path() {
        let text = r#"{"format":"xeploai-dataset/1","units":[
            {"id":"a","kind":"province","name":"A"},
            {"id":"b","kind":"cell","name":"B","parent":7}]}"#;
        let err = Dataset::from_json_str(text).unwrap_err();
        assert_eq!(err.path(), Some("units[1].parent"), "{err}");
        assert!(err.to_string().contains("units[1].parent"), "{err}");
    }

    #[test]
    fn unknown_fields_are_rejected_with_their_path() {
        let text = r#"{"format":"xeploai-dataset/1","people":[{"id":"p","name":"X","nmae":"Y"}]}"#;
        let err = Dataset::from_json_str(text).unwrap_err();
        assert!(err.to_string().contains("nmae"), "{err}");
        assert!(
            err.path().is_some_and(|p| p.starts_with("people[0]")),
            "{err}"
        );
    }

    #[test]
    fn bad_dates_are_rejected_with_their_path() {
        let text = r#"{"format":"xeploai-dataset/1","memberships":[{"person":"p","cell":"c","admitted_on":"2025-02-30","category":"leader"}]}"#;
        let err = Dataset::from_json_str(text).unwrap_err();
        assert_eq!(err.path(), Some("memberships[0].admitted_on"), "{err}");
        assert!(err.to_string().contains("2025-02-30"), "{err}");
    }

    #[test]
    fn byte_order_mark_is_accepted() {
        let text = "\u{feff}{\"format\":\"xeploai-dataset/1\"}";
        assert!(Dataset::from_json_str(text).is_ok());
    }

    #[test]
    fn another_format_is_named_even_with_unknown_fields() {
        let err =
            Dataset::from_json_str(r#"{"format":"xeploai-report/1","outcomes":[]}"#).unwrap_err();
        assert!(
            matches!(err, LoadError::Format { ref found } if found == "xeploai-report/1"),
            "{err}"
        );
    }

    #[test]
    fn wrong_format_is_rejected() {
        let err = Dataset::from_json_str(r#"{"format":"xeploai-dataset/9"}"#).unwrap_err();
        assert!(matches!(err, LoadError::Format { .. }), "{err}");
    }

    #[test]
    fn names_are_normalised_to_nfc() {
        // "Hòa" written with a combining grave accent (NFD).
        let nfd = "Ho\u{0300}a";
        let text =
            format!(r#"{{"format":"xeploai-dataset/1","people":[{{"id":"p","name":"{nfd}"}}]}}"#);
        let ds = Dataset::from_json_str(&text).unwrap();
        assert_eq!(ds.people[0].name, "H\u{00f2}a");
    }

    #[test]
    fn full_membership() {
        let d = |s| crate::date::parse_iso_date(s).unwrap();
        let mut m = Membership {
            person: "p".into(),
            cell: "c".into(),
            from: None,
            to: None,
            admitted_on: d("2024-03-10"),
            probationary: false,
            full_on: None,
            category: Category::NonLeader,
            statuses: vec![],
        };
        assert!(!m.is_full_member(d("2025-03-09")));
        assert!(m.is_full_member(d("2025-03-10")));
        m.probationary = true;
        assert!(!m.is_full_member(d("2026-01-01")));
        m.full_on = Some(d("2025-04-01"));
        assert!(m.is_full_member(d("2025-04-01")));
    }
}
