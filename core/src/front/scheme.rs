//! Scorecards as data (front-rating.md §3.2): a scheme has criteria with maximum
//! points, a capped bonus, deductions, bands, gates (conditions to hold a band),
//! veto conditions and an optional quota with its scope. A scheme is loaded from
//! JSON and checked at load: the bands cover `0..=max_total` without a gap or an
//! overlap, and the criteria's maxima sum to the total.
//!
//! [`Scheme::rate`] applies the ordered procedure of §3.2.2 to one evaluation
//! (steps 1–7); the quota (step 8) is applied over a scope by
//! [`crate::front::rating`]. Points are integers in tenths.
//!
//! ```
//! use xeploai::front::scheme::Scheme;
//! let s = Scheme::from_json(r#"{
//!   "id": "x", "title_vi": "Thang điểm", "title_en": "Scale", "source": "ví dụ",
//!   "status": "illustrative", "max_total": 1000,
//!   "criteria": [{"code": "c1", "label_vi": "Tổ chức", "label_en": "Organisation", "max": 1000}],
//!   "bands": [
//!     {"code": "tot", "label_vi": "Tốt", "label_en": "Good", "min": 800, "max": 1000},
//!     {"code": "kha", "label_vi": "Khá", "label_en": "Fair", "min": 0, "max": 790}]
//! }"#).unwrap_err();
//! // 79.1–79.9 points fall in no band: the error names the band and the gap.
//! assert!(s.to_string().contains("bands[1].max"), "{s}");
//! ```

use crate::dataset::normalize;
use crate::explain::{Effect, Finding};
use crate::front::data::BoardEvaluation;
use crate::front::rules as fr;
use crate::lang::{pick, Lang};
use crate::validate::ProblemKind;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How sure the source of a scheme is (front-rating.md tags), and whether it is
/// only an illustration or an example: shown wherever the scheme is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SchemeStatus {
    /// Bands read in the source ([V]).
    Verified,
    /// Labels read in the source, thresholds assumed ([P]/[U]).
    Partial,
    /// No source read: defaults only ([U]).
    Unverified,
    /// Synthesised by the library so that the engine has a working default; not from any source.
    Illustrative,
    /// A worked example of a provincial preset, not its text.
    Example,
}

impl SchemeStatus {
    /// Whether renderings must mark the scheme as not a real document's grid.
    #[must_use]
    pub const fn is_illustrative(self) -> bool {
        matches!(self, Self::Illustrative | Self::Example)
    }

    /// A short label.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match self {
            Self::Verified => pick(lang, "đã đối chiếu nguồn", "verified"),
            Self::Partial => pick(lang, "nguồn một phần", "partial source"),
            Self::Unverified => pick(lang, "chưa có văn bản gốc", "unverified"),
            Self::Illustrative => pick(
                lang,
                "MINH HỌA, không phải văn bản",
                "ILLUSTRATIVE, not a document",
            ),
            Self::Example => pick(lang, "VÍ DỤ, không phải văn bản", "EXAMPLE, not a document"),
        }
    }
}

/// Who a scheme rates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SchemeSubject {
    /// A Front work board (BCTMT).
    FrontWorkBoard,
    /// A Front committee.
    FrontCommittee,
    /// Any collective rated on the party-system scheme.
    Collective,
}

/// A criterion of the grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Its code, unique in the scheme.
    pub code: String,
    /// Its group, if the grid groups criteria.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Label in Vietnamese.
    pub label_vi: String,
    /// Label in English.
    pub label_en: String,
    /// Maximum points, in tenths.
    pub max: u32,
}

/// A deduction (điểm trừ).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Deduction {
    /// Its code.
    pub code: String,
    /// Label in Vietnamese.
    pub label_vi: String,
    /// Label in English.
    pub label_en: String,
    /// Points deducted, in tenths.
    pub points: u32,
}

/// A band: a named level and its score range, inclusive, in tenths. Bands are
/// listed best first; the rank of a band is its position from 1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// Its code, e.g. `xuat_sac`.
    pub code: String,
    /// Label in Vietnamese, e.g. `Xuất sắc`.
    pub label_vi: String,
    /// Label in English.
    pub label_en: String,
    /// Lowest score, in tenths.
    pub min: u32,
    /// Highest score, in tenths.
    pub max: u32,
}

/// A condition of a gate, on the evaluation's facts. Percentages are checked by
/// integer cross-multiplication.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    /// Tasks done on time ≥ `percent` % of those assigned.
    OnTimeAtLeast {
        /// The percentage.
        percent: u32,
    },
    /// Tasks exceeding requirements ≥ `percent` % of those assigned.
    ExceededAtLeast {
        /// The percentage.
        percent: u32,
    },
    /// Tasks done (on time or late) ≥ `percent` % of those assigned.
    DoneAtLeast {
        /// The percentage.
        percent: u32,
    },
    /// Tasks late ≤ `percent` % of those assigned.
    LateAtMost {
        /// The percentage.
        percent: u32,
    },
    /// Members of the collective disciplined in the year ≤ `count`.
    DisciplinedAtMost {
        /// The count.
        count: u32,
    },
    /// A named fact of the evaluation ≥ `value` (a missing fact fails).
    FactAtLeast {
        /// The fact's name.
        fact: String,
        /// The value.
        value: i64,
    },
}

impl Condition {
    /// Whether the condition holds for an evaluation. Missing task facts fail
    /// the task conditions (DESIGN §5: "the condition that needs them is not met").
    #[must_use]
    pub fn holds(&self, e: &BoardEvaluation) -> bool {
        let t = e.tasks.filter(|t| t.assigned > 0);
        let share = |n: u32, p: u32, at_least: bool| {
            t.is_some_and(|t| {
                let (l, r) = (u64::from(n) * 100, u64::from(p) * u64::from(t.assigned));
                if at_least {
                    l >= r
                } else {
                    l <= r
                }
            })
        };
        match self {
            Self::OnTimeAtLeast { percent } => share(t.map_or(0, |t| t.on_time), *percent, true),
            Self::ExceededAtLeast { percent } => share(t.map_or(0, |t| t.exceeded), *percent, true),
            Self::DoneAtLeast { percent } => share(t.map_or(0, |t| t.done()), *percent, true),
            Self::LateAtMost { percent } => share(t.map_or(0, |t| t.late), *percent, false),
            Self::DisciplinedAtMost { count } => e.disciplined_members <= *count,
            Self::FactAtLeast { fact, value } => e.facts.get(fact).is_some_and(|v| v >= value),
        }
    }
}

/// A gate: a condition needed to hold a band (front-rating.md §3.2.2 step 7).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Gate {
    /// The band's code.
    pub band: String,
    /// The condition.
    pub condition: Condition,
    /// Label in Vietnamese.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label_vi: String,
    /// Label in English.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label_en: String,
}

/// A veto condition (điểm liệt): if it holds, the lowest band.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Veto {
    /// Its code.
    pub code: String,
    /// Label in Vietnamese.
    pub label_vi: String,
    /// Label in English.
    pub label_en: String,
}

/// The scope of a scheme's quota (front-rating.md §7.7: it must be explicit).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum QuotaScope {
    /// All subjects of one commune in the year.
    Commune,
    /// All subjects of one province in the year.
    Province,
}

/// How a normalised score is rounded to a tenth (front-rating.md §3.2.2
/// step 5: no source says, [U]; half up by default).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ScoreRounding {
    /// 0.05 rounds up: 87.25 → 87.3.
    #[default]
    HalfUp,
    /// 0.05 rounds to the even tenth: 87.25 → 87.2, 87.35 → 87.4.
    HalfEven,
    /// Truncated: 87.29 → 87.2.
    Down,
}

impl ScoreRounding {
    /// `num / den` rounded to an integer this way (`den` > 0).
    ///
    /// ```
    /// use xeploai::front::scheme::ScoreRounding;
    /// assert_eq!(ScoreRounding::HalfUp.divide(8725, 10), 873);
    /// assert_eq!(ScoreRounding::HalfEven.divide(8725, 10), 872);
    /// assert_eq!(ScoreRounding::HalfEven.divide(8735, 10), 874);
    /// assert_eq!(ScoreRounding::Down.divide(8729, 10), 872);
    /// assert_eq!(ScoreRounding::HalfUp.divide(u64::MAX, u64::MAX - 1), 1);
    /// ```
    #[must_use]
    pub const fn divide(self, num: u64, den: u64) -> u64 {
        if den == 0 {
            return 0;
        }
        // `r` against `den - r` rather than `2 * r` against `den`: no overflow.
        let (q, r) = (num / den, num % den);
        let rest = den - r;
        let up = match self {
            Self::HalfUp => r >= rest,
            Self::HalfEven => r > rest || (r == rest && q % 2 == 1),
            Self::Down => false,
        };
        if up {
            q + 1
        } else {
            q
        }
    }

    const fn is_default(&self) -> bool {
        matches!(self, Self::HalfUp)
    }
}

/// The order in which the quota demotes the surplus of the top band
/// (front-rating.md §3.2.2 step 8: no source says, [U]); the id breaks the
/// remaining ties.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DemotionOrder {
    /// The lowest final score first, then the fewest tasks exceeded (the default).
    #[default]
    LowestScoreFirst,
    /// The fewest tasks exceeded first, then the lowest final score.
    FewestExceededFirst,
}

impl DemotionOrder {
    const fn is_default(&self) -> bool {
        matches!(self, Self::LowestScoreFirst)
    }
}

/// A quota on the top band: `count(top) ≤ floor(percent % × count(relative_to))`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SchemeQuota {
    /// The band capped.
    pub top: String,
    /// The band it is relative to.
    pub relative_to: String,
    /// The percentage.
    pub percent: u32,
    /// The scope of a group.
    pub scope: QuotaScope,
    /// Who is demoted first when the top band is over its quota ([U]).
    #[serde(default, skip_serializing_if = "DemotionOrder::is_default")]
    pub demotion_order: DemotionOrder,
}

/// A scheme (front-rating.md §3.2.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scheme {
    /// Its id, e.g. `hoabinh-2017`.
    pub id: String,
    /// Title in Vietnamese.
    pub title_vi: String,
    /// Title in English.
    pub title_en: String,
    /// The source document, as a citation.
    pub source: String,
    /// How sure the source is; `illustrative` and `example` are marked in every rendering.
    pub status: SchemeStatus,
    /// Who it rates.
    #[serde(default = "default_subject")]
    pub subject: SchemeSubject,
    /// First rating year it applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_year: Option<i32>,
    /// Last rating year it applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_year: Option<i32>,
    /// The maximum total, in tenths (1000, 950, 900 …).
    pub max_total: u32,
    /// Scale the final score to 100 points before banding (then bands are on 0..=1000).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub normalise_to_100: bool,
    /// How the normalised score is rounded to a tenth ([U]; half up by default).
    #[serde(default, skip_serializing_if = "ScoreRounding::is_default")]
    pub rounding: ScoreRounding,
    /// The criteria; their maxima sum to `max_total`.
    pub criteria: Vec<Criterion>,
    /// The cap of the bonus, in tenths.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub bonus_max: u32,
    /// Deductions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deductions: Vec<Deduction>,
    /// Bands, best first, covering the scale without gaps or overlaps.
    pub bands: Vec<Band>,
    /// Gates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gates: Vec<Gate>,
    /// Veto conditions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vetoes: Vec<Veto>,
    /// The quota on the top band, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quota: Option<SchemeQuota>,
}

const fn default_subject() -> SchemeSubject {
    SchemeSubject::FrontWorkBoard
}

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
const fn is_zero(v: &u32) -> bool {
    *v == 0
}

/// A problem of a scheme: the field's path inside the scheme and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemeProblem {
    /// The path inside the scheme, e.g. `bands[2].min`.
    pub path: String,
    /// What is wrong.
    pub kind: ProblemKind,
}

/// A scheme could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SchemeError {
    /// Invalid JSON or a field of the wrong type.
    #[error("invalid scheme at `{path}`: {message}")]
    Json {
        /// JSON path.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// The scheme is well-formed but inconsistent; every problem is listed.
    #[error("invalid scheme `{id}`: {}", list(.problems))]
    Invalid {
        /// The scheme's id.
        id: String,
        /// Every problem.
        problems: Vec<SchemeProblem>,
    },
    /// No preset of that name.
    #[error("unknown scheme `{name}`; presets: {}", crate::front::presets::SCHEMES.join(", "))]
    Unknown {
        /// The name asked for.
        name: String,
    },
}

fn list(problems: &[SchemeProblem]) -> String {
    problems
        .iter()
        .map(|p| format!("{}: {}", p.path, p.kind))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The result of steps 1–7 of the procedure for one evaluation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scored {
    /// Σ clamped criterion points.
    pub base: u32,
    /// The bonus counted.
    pub bonus: u32,
    /// The points deducted.
    pub deducted: u32,
    /// The final score, in tenths (normalised if the scheme says so).
    pub score: u32,
    /// The rank of the score's band (1 = best).
    pub band_rank: u8,
    /// The rank after gates and vetoes.
    pub rank: u8,
    /// The criteria without a score.
    pub missing: Vec<String>,
    /// The findings, in the order of the procedure.
    pub findings: Vec<Finding>,
}

fn pos_value(i: usize) -> i64 {
    i64::try_from(i + 1).unwrap_or(i64::MAX)
}

impl Scheme {
    /// Loads a scheme from JSON and checks it.
    ///
    /// # Errors
    /// [`SchemeError::Json`] with the JSON path, or [`SchemeError::Invalid`]
    /// with every problem found by [`Scheme::check`].
    pub fn from_json(text: &str) -> Result<Self, SchemeError> {
        let mut de = serde_json::Deserializer::from_str(text);
        let mut s: Self =
            serde_path_to_error::deserialize(&mut de).map_err(|e| SchemeError::Json {
                path: e.path().to_string(),
                message: e.inner().to_string(),
            })?;
        s.normalize_text();
        let problems = s.check();
        if problems.is_empty() {
            Ok(s)
        } else {
            Err(SchemeError::Invalid { id: s.id, problems })
        }
    }

    /// The scheme as JSON.
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Normalises labels to NFC.
    pub fn normalize_text(&mut self) {
        normalize(&mut self.title_vi);
        normalize(&mut self.title_en);
        normalize(&mut self.source);
        for c in &mut self.criteria {
            normalize(&mut c.label_vi);
        }
        for b in &mut self.bands {
            normalize(&mut b.label_vi);
        }
        for d in &mut self.deductions {
            normalize(&mut d.label_vi);
        }
        for v in &mut self.vetoes {
            normalize(&mut v.label_vi);
        }
        for g in &mut self.gates {
            normalize(&mut g.label_vi);
        }
    }

    /// Every problem of the scheme: duplicate or unknown codes, criteria maxima
    /// that do not sum to `max_total`, bands out of order, with a gap or an
    /// overlap, or not reaching 0 or the top of the scale, a `rounding` other
    /// than the default without `normalise_to_100` (it would round nothing).
    #[must_use]
    pub fn check(&self) -> Vec<SchemeProblem> {
        let mut out = Vec::new();
        let mut push = |path: String, kind: ProblemKind| out.push(SchemeProblem { path, kind });
        if self.id.is_empty() {
            push("id".into(), ProblemKind::EmptyId);
        }
        if self.max_total == 0 {
            push(
                "max_total".into(),
                ProblemKind::OutOfRange {
                    value: 0,
                    min: 1,
                    max: i64::from(u32::MAX),
                },
            );
        }
        let dup = |codes: Vec<&str>, what: &str, push: &mut dyn FnMut(String, ProblemKind)| {
            for (i, c) in codes.iter().enumerate() {
                if let Some(first) = codes.iter().position(|x| x == c).filter(|&f| f < i) {
                    push(
                        format!("{what}[{i}].code"),
                        ProblemKind::DuplicateId {
                            id: (*c).to_owned(),
                            first: format!("{what}[{first}]"),
                        },
                    );
                }
                if c.is_empty() {
                    push(format!("{what}[{i}].code"), ProblemKind::EmptyId);
                }
            }
        };
        dup(
            self.criteria.iter().map(|c| c.code.as_str()).collect(),
            "criteria",
            &mut push,
        );
        dup(
            self.bands.iter().map(|c| c.code.as_str()).collect(),
            "bands",
            &mut push,
        );
        dup(
            self.deductions.iter().map(|c| c.code.as_str()).collect(),
            "deductions",
            &mut push,
        );
        dup(
            self.vetoes.iter().map(|c| c.code.as_str()).collect(),
            "vetoes",
            &mut push,
        );
        let sum: u64 = self.criteria.iter().map(|c| u64::from(c.max)).sum();
        if sum != u64::from(self.max_total) {
            push(
                "criteria".into(),
                ProblemKind::CriteriaTotal {
                    sum,
                    max_total: self.max_total,
                },
            );
        }
        // A rounding other than the default with nothing to round: the
        // scheme asks for something it would not do.
        if !self.normalise_to_100 && !self.rounding.is_default() {
            push(
                "rounding".into(),
                ProblemKind::FieldNotApplicable {
                    field: "rounding",
                    kind: "scheme_not_normalised_to_100".into(),
                },
            );
        }
        let top = if self.normalise_to_100 {
            1000
        } else {
            self.max_total
        };
        if self.bands.is_empty() {
            push(
                "bands".into(),
                ProblemKind::BandGap {
                    band: String::new(),
                    from: 0,
                    to: top,
                },
            );
        }
        if self.bands.len() > usize::from(u8::MAX) {
            push(
                "bands".into(),
                ProblemKind::OutOfRange {
                    value: i64::try_from(self.bands.len()).unwrap_or(i64::MAX),
                    min: 1,
                    max: i64::from(u8::MAX),
                },
            );
        }
        for (i, b) in self.bands.iter().enumerate() {
            if b.min > b.max {
                push(
                    format!("bands[{i}].max"),
                    ProblemKind::ReversedScores {
                        min: b.min,
                        max: b.max,
                    },
                );
            }
            if i == 0 && b.max != top {
                // The top band must reach the top of the scale.
                if b.max < top {
                    push(
                        format!("bands[{i}].max"),
                        ProblemKind::BandGap {
                            band: b.code.clone(),
                            from: b.max + 1,
                            to: top,
                        },
                    );
                } else {
                    push(
                        format!("bands[{i}].max"),
                        ProblemKind::OutOfRange {
                            value: i64::from(b.max),
                            min: 0,
                            max: i64::from(top),
                        },
                    );
                }
            }
            if let Some(prev) = i.checked_sub(1).and_then(|p| self.bands.get(p)) {
                let expected = prev.min.checked_sub(1);
                match expected {
                    Some(e) if b.max < e => push(
                        format!("bands[{i}].max"),
                        ProblemKind::BandGap {
                            band: b.code.clone(),
                            from: b.max + 1,
                            to: e,
                        },
                    ),
                    Some(e) if b.max > e => push(
                        format!("bands[{i}].max"),
                        ProblemKind::BandOverlap {
                            band: b.code.clone(),
                            other: prev.code.clone(),
                            from: prev.min,
                            to: b.max.min(prev.max),
                        },
                    ),
                    None => push(
                        format!("bands[{i}]"),
                        ProblemKind::BandOverlap {
                            band: b.code.clone(),
                            other: prev.code.clone(),
                            from: 0,
                            to: b.max.min(prev.max),
                        },
                    ),
                    Some(_) => {}
                }
            }
            if i + 1 == self.bands.len() && b.min != 0 {
                push(
                    format!("bands[{i}].min"),
                    ProblemKind::BandGap {
                        band: b.code.clone(),
                        from: 0,
                        to: b.min - 1,
                    },
                );
            }
        }
        let band_codes: Vec<&str> = self.bands.iter().map(|b| b.code.as_str()).collect();
        let known_band = |path: String, code: &str, push: &mut dyn FnMut(String, ProblemKind)| {
            if !band_codes.contains(&code) {
                push(
                    path,
                    ProblemKind::UnknownCode {
                        code: code.to_owned(),
                        known: band_codes.join(", "),
                    },
                );
            }
        };
        for (i, g) in self.gates.iter().enumerate() {
            known_band(format!("gates[{i}].band"), &g.band, &mut push);
        }
        if let Some(q) = &self.quota {
            known_band("quota.top".into(), &q.top, &mut push);
            known_band("quota.relative_to".into(), &q.relative_to, &mut push);
            if q.percent > 100 {
                push(
                    "quota.percent".into(),
                    ProblemKind::OutOfRange {
                        value: i64::from(q.percent),
                        min: 0,
                        max: 100,
                    },
                );
            }
        }
        out
    }

    /// The rank (1 = best) of the band with this code.
    #[must_use]
    pub fn rank_of(&self, code: &str) -> Option<u8> {
        self.bands
            .iter()
            .position(|b| b.code == code)
            .and_then(|p| u8::try_from(p + 1).ok())
    }

    /// The band of a rank.
    #[must_use]
    pub fn band(&self, rank: u8) -> Option<&Band> {
        usize::from(rank)
            .checked_sub(1)
            .and_then(|i| self.bands.get(i))
    }

    /// The lowest rank.
    #[must_use]
    pub fn lowest_rank(&self) -> u8 {
        u8::try_from(self.bands.len()).unwrap_or(u8::MAX).max(1)
    }

    /// The rank of the band holding `score` (the lowest if none does; a checked
    /// scheme covers the scale).
    #[must_use]
    pub fn band_of(&self, score: u32) -> u8 {
        self.bands
            .iter()
            .position(|b| b.min <= score && score <= b.max)
            .and_then(|p| u8::try_from(p + 1).ok())
            .unwrap_or_else(|| self.lowest_rank())
    }

    /// Steps 1–7 of the procedure of front-rating.md §3.2.2 for one evaluation:
    /// clamp each criterion (a missing one scores 0, with a finding), sum, add the
    /// bonus up to its cap, subtract the deductions, clamp to `0..=max_total`,
    /// normalise if asked (to a tenth, by `rounding`), band, then walk down while a gate
    /// of the band fails; a veto forces the lowest band.
    #[must_use]
    pub fn rate(&self, e: &BoardEvaluation) -> Scored {
        let mut findings = Vec::new();
        let mut missing = Vec::new();
        let mut base: u64 = 0;
        for (i, c) in self.criteria.iter().enumerate() {
            match e.scores.get(&c.code) {
                None => {
                    missing.push(c.code.clone());
                    findings.push(Finding::new(
                        &fr::CRITERION_MISSING,
                        Effect::Noted,
                        &[pos_value(i), i64::from(c.max)],
                    ));
                }
                Some(&s) => {
                    if s > c.max {
                        findings.push(Finding::new(
                            &fr::CRITERION_CLAMPED,
                            Effect::Lowered,
                            &[pos_value(i), i64::from(s), i64::from(c.max)],
                        ));
                    }
                    base += u64::from(s.min(c.max));
                }
            }
        }
        let base = u32::try_from(base).unwrap_or(u32::MAX);
        let bonus = e.bonus.min(self.bonus_max);
        if e.bonus > self.bonus_max {
            findings.push(Finding::new(
                &fr::BONUS_CAPPED,
                Effect::Lowered,
                &[i64::from(e.bonus), i64::from(self.bonus_max)],
            ));
        }
        let mut deducted: u64 = 0;
        for code in &e.deductions {
            if let Some((i, d)) = self
                .deductions
                .iter()
                .enumerate()
                .find(|(_, d)| &d.code == code)
            {
                deducted += u64::from(d.points);
                findings.push(Finding::new(
                    &fr::DEDUCTION,
                    Effect::Lowered,
                    &[pos_value(i), i64::from(d.points)],
                ));
            }
        }
        let deducted = u32::try_from(deducted).unwrap_or(u32::MAX);
        let raw = (u64::from(base) + u64::from(bonus))
            .saturating_sub(u64::from(deducted))
            .min(u64::from(self.max_total));
        let score = if self.normalise_to_100 && self.max_total > 0 {
            // To a tenth, as the scheme's `rounding` says (front-rating.md
            // §3.2.2 step 5, [U]).
            let s = self.rounding.divide(raw * 1000, u64::from(self.max_total));
            findings.push(Finding::new(
                &fr::NORMALISED,
                Effect::Noted,
                &[
                    i64::try_from(raw).unwrap_or(i64::MAX),
                    i64::from(self.max_total),
                    i64::try_from(s).unwrap_or(i64::MAX),
                ],
            ));
            s
        } else {
            raw
        };
        let score = u32::try_from(score).unwrap_or(u32::MAX);
        findings.push(Finding::new(
            &fr::TOTAL,
            Effect::Noted,
            &[
                i64::from(base),
                i64::from(bonus),
                i64::from(deducted),
                i64::from(score),
            ],
        ));
        let band_rank = self.band_of(score);
        findings.push(Finding::new(
            &fr::BAND,
            Effect::Decided,
            &[i64::from(score), i64::from(band_rank)],
        ));
        let mut rank = band_rank;
        // Step 7: a veto forces the lowest band; otherwise walk down while a gate fails.
        let veto = e
            .vetoes
            .iter()
            .find_map(|code| self.vetoes.iter().position(|v| &v.code == code));
        if let Some(v) = veto {
            rank = self.lowest_rank();
            findings.push(Finding::new(
                &fr::VETO,
                Effect::Decided,
                &[pos_value(v), i64::from(rank)],
            ));
        } else {
            while rank < self.lowest_rank() {
                let code = self.band(rank).map_or("", |b| b.code.as_str());
                let failed = self
                    .gates
                    .iter()
                    .enumerate()
                    .filter(|(_, g)| g.band == code)
                    .find(|(_, g)| !g.condition.holds(e));
                let gates_here = self.gates.iter().any(|g| g.band == code);
                match failed {
                    Some((i, _)) => {
                        findings.push(Finding::new(
                            &fr::GATE,
                            Effect::Lowered,
                            &[i64::from(rank), pos_value(i)],
                        ));
                        rank += 1;
                    }
                    None => {
                        if gates_here {
                            findings.push(Finding::new(
                                &fr::GATE,
                                Effect::Met,
                                &[i64::from(rank), 0],
                            ));
                        }
                        break;
                    }
                }
            }
        }
        Scored {
            base,
            bonus,
            deducted,
            score,
            band_rank,
            rank,
            missing,
            findings,
        }
    }

    /// Whether the scheme applies to a rating year.
    #[must_use]
    pub fn applies_to(&self, year: i32) -> bool {
        self.from_year.is_none_or(|f| f <= year) && self.to_year.is_none_or(|t| year <= t)
    }
}

impl fmt::Display for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.id, self.title_en)?;
        if self.status.is_illustrative() {
            write!(f, " [{}]", self.status.label(Lang::En))?;
        }
        Ok(())
    }
}
