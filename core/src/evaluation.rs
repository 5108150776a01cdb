//! The rating inputs of the dataset format: evaluations (scores or grades, task
//! facts, proposals) per subject, year and stage; discipline records; explicit
//! quota groups; and recorded committee decisions (party-rating.md §13.1).
//!
//! Scores are integers in tenths of a point: `925` is 92.5 points.

use crate::date::{serde_date, Date};
use crate::level::{Grade, Level};
use crate::org::Category;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The step of the procedure a record comes from (366 Art. 12 khoản 1;
/// party-rating.md §5.8 P1). Later stages take precedence.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Tự đánh giá: the subject's self-assessment.
    SelfAssessment,
    /// Thẩm định, đề xuất: appraisal and proposal (the cell's or the advisory body's).
    Appraisal,
    /// Quyết định: the competent level's decision.
    Decision,
}

impl Stage {
    /// The snake_case name.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::SelfAssessment => "self_assessment",
            Self::Appraisal => "appraisal",
            Self::Decision => "decision",
        }
    }
}

/// Task facts (party-rating.md §5.7): `assigned = on_time + late + not_done`;
/// `exceeded` counts tasks done on time that exceeded requirements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tasks {
    /// Tasks assigned for the year.
    pub assigned: u32,
    /// Done on time, with quality and effect.
    pub on_time: u32,
    /// Done but behind schedule.
    #[serde(default)]
    pub late: u32,
    /// Of those done on time, how many exceeded requirements.
    #[serde(default)]
    pub exceeded: u32,
    /// Not done.
    #[serde(default)]
    pub not_done: u32,
}

impl Tasks {
    /// Tasks done, on time or late.
    #[must_use]
    pub const fn done(&self) -> u32 {
        self.on_time + self.late
    }
}

/// Shortcomings identified at the previous review and how many are remedied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Shortcomings {
    /// Identified at the previous review.
    pub identified: u32,
    /// Remedied since.
    pub remedied: u32,
}

/// Facts about what a leader leads (366 Art. 11 khoản 1 and khoản 4 điểm 4.2).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LeaderFacts {
    /// Units the leader directly leads besides those where they are secretary
    /// (their outcomes count for T-L1 when they are rated in the same run).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub led_units: Vec<String>,
    /// The tasks of the localities or units they directly lead, taken together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub led_tasks: Option<Tasks>,
    /// The locality failed the 5 basic socio-economic indicators.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub basic_indicators_failed: bool,
    /// "Low confidence" votes in a confidence vote held this year, and the votes cast.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence_votes: Option<ConfidenceVotes>,
    /// Corruption, waste or negativity in an organisation or by a person under their
    /// direct management, disciplined (T-L5).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub managed_corruption_disciplined: bool,
}

/// A confidence vote's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfidenceVotes {
    /// Votes of low confidence.
    pub low: u32,
    /// Votes cast.
    pub total: u32,
}

/// What a competent level has concluded about a subject.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ConclusionKind {
    /// Degradation in political ideology, ethics or lifestyle, "self-evolution".
    Degradation,
    /// Violation of the acts party members must not commit.
    ProhibitedActs,
    /// Violation of the duty to set an example, with bad effect on reputation.
    ExemplaryDuty,
    /// Internal disunity or factions (collectives).
    Disunity,
    /// Wrongdoing in personnel work or buying of posts or power (collectives).
    PersonnelWrongdoing,
}

/// A conclusion of a competent level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Conclusion {
    /// What was concluded.
    pub kind: ConclusionKind,
    /// When, if known.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "serde_date::opt"
    )]
    #[schemars(with = "Option<Date>")]
    pub on: Option<Date>,
    /// The subject admitted, detected or remedied it of its own accord, or force
    /// majeure applied: the competent level decides instead of the trigger (mitigation).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub mitigated: bool,
}

/// The levels of the non-party organisations at the same level (R1 HTXSNV
/// condition; R0 yếu kém conditions).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PeerLevels {
    /// The local administration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub administration: Option<Level>,
    /// The Fatherland Front committee.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub front: Option<Level>,
    /// The mass organisations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mass_orgs: Vec<Level>,
}

/// The comment of the residential cell where a member lives (party-rating.md §11 Q5).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ResidenceComment {
    /// Good.
    Good,
    /// Satisfactory.
    Satisfactory,
    /// Not good.
    NotGood,
    /// A violation was reported.
    ViolationReported,
}

/// One subject's evaluation for a year at one stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evaluation {
    /// The person (a member) or the unit (a party organisation) evaluated.
    pub subject: String,
    /// The rating year.
    pub year: i32,
    /// The stage.
    pub stage: Stage,
    /// General-criteria points in tenths, 0–300 (Quy định 366; 27-HD uses `score_total`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score_common: Option<u32>,
    /// Task-results points in tenths, 0–700.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score_tasks: Option<u32>,
    /// Total points in tenths, 0–1000, where the criteria are not split (27-HD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score_total: Option<u32>,
    /// Per-criterion grades (Quy định 124 and 132), by criterion id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub grades: BTreeMap<String, Grade>,
    /// The criteria of `grades` that are task-results criteria (124: "kết quả thực
    /// hiện nhiệm vụ"; 132: political tasks).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub task_criteria: Vec<String>,
    /// Whether the results come with concrete products (124, 132).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concrete_products: Option<bool>,
    /// The level proposed at this stage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposed: Option<Level>,
    /// Task facts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tasks: Option<Tasks>,
    /// Shortcomings from the previous review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prior_shortcomings: Option<Shortcomings>,
    /// For a leader: what they lead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leader: Option<Box<LeaderFacts>>,
    /// Conclusions of a competent level in the year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conclusions: Vec<Conclusion>,
    /// The member's civil-servant rating of the year, if a public employee.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub civil_servant_level: Option<Level>,
    /// For an organisation: the levels of the administration, Front and mass
    /// organisations at the same level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peer_levels: Option<Box<PeerLevels>>,
    /// The member's category for this rating, overriding the membership's
    /// (party-rating.md §14 Q4: "per-person input wins").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    /// The residential cell's comment (Quy định 213).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residence_comment: Option<ResidenceComment>,
    /// For a cell or organisation: the day of its review meeting (the default
    /// reference date for its members' eligibility).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "serde_date::opt"
    )]
    #[schemars(with = "Option<Date>")]
    pub review_meeting: Option<Date>,
    /// Days of sick leave in the year (132: ≥ 3 months caps at HTNV).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sick_leave_days: Option<u32>,
    /// Force majeure recognised by the competent level for the year.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub force_majeure: bool,
}

/// The form of a disciplinary measure (party-rating.md §2). Ordered by severity.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DisciplineForm {
    /// Khiển trách.
    Reprimand,
    /// Cảnh cáo.
    Warning,
    /// Cách chức.
    Removal,
    /// Khai trừ (members) or giải tán (organisations).
    Expulsion,
}

/// A disciplinary decision against a member or an organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Discipline {
    /// The person or unit disciplined.
    pub subject: String,
    /// The form.
    pub form: DisciplineForm,
    /// The day of the decision; it counts in that year's rating.
    #[serde(with = "serde_date")]
    #[schemars(with = "Date")]
    pub decided_on: Date,
    /// An id of the violation: one violation counts once (21-HD; §5.4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub violation_id: Option<String>,
    /// The year the violation happened, if earlier than the decision (§5.4 SC1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub violation_year: Option<i32>,
    /// The unit where the violation happened, if not the current one (§5.4 SC2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub violation_unit: Option<String>,
    /// Whether the violation relates to the subject's duties or public service.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub duty_related: bool,
    /// Detected by the subject and remedied promptly (mitigation).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub self_detected: bool,
}

/// An explicit quota group (party-rating.md §5.5): these subjects share one cap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuotaGroup {
    /// The group's id.
    pub id: String,
    /// The rating year.
    pub year: i32,
    /// The subjects (people or units).
    pub subjects: Vec<String>,
    /// The competent level found outstanding achievements: the cap is 25 % instead of 20 %.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub outstanding: bool,
    /// Who decided the grouping.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<String>,
}

/// A committee's decision at a point of discretion, an input of the next run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// The subject.
    pub subject: String,
    /// The rating year.
    pub year: i32,
    /// The point of discretion decided: its code, as reported in the outcome's
    /// `discretion` (e.g. `mitigation`, `earlier_fault`, `gap`, `quota_selection`).
    pub point: String,
    /// The level decided.
    pub level: Level,
    /// Who decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<String>,
    /// When.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "serde_date::opt"
    )]
    #[schemars(with = "Option<Date>")]
    pub decided_on: Option<Date>,
}
