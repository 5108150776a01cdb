//! The policy: every open question of the references as a named setting with
//! the default of DESIGN §5, loadable from JSON, with named presets. Outcomes
//! name the settings that affected them.
//!
//! ```
//! use xeploai::policy::{Policy, QuotaReading};
//! let p = Policy::from_json(r#"{"quota_reading": "a"}"#).unwrap();
//! assert_eq!(p.quota_reading, QuotaReading::A);
//! assert_eq!(Policy::preset("default").unwrap(), Policy::default());
//! assert!(Policy::from_json(r#"{"quota_raeding": "a"}"#).is_err());
//! ```

use crate::evaluation::ResidenceComment;
use crate::level::Level;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How "HTXSNV ≤ 20 % of those rated HTTNV" is read (party-rating.md §5.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuotaReading {
    /// `k ≤ p·G`: G the HTTNV subjects who were not candidates (strictest).
    A,
    /// `k ≤ p·(G + E − k)`: the final HTTNV count is the denominator.
    B,
    /// `k ≤ p·(G + E)`: of those rated HTTNV or higher (observed practice; default).
    C,
}

/// Rounding of a quota cap (party-rating.md §5.5), and of the count a Front
/// target requires when the target names one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Rounding {
    /// Down ("không vượt quá"); default.
    Floor,
    /// To the nearest, halves up.
    Round,
    /// Up.
    Ceil,
}

impl Rounding {
    /// `num / den` rounded this way (0 if `den` is 0), in 128 bits, where
    /// the callers' products of 64-bit counts do not overflow.
    pub(crate) fn divide(self, num: u128, den: u128) -> u128 {
        if den == 0 {
            return 0;
        }
        match self {
            Self::Floor => num / den,
            Self::Round => (2 * num + den) / (2 * den),
            Self::Ceil => num.div_ceil(den),
        }
    }
}

/// How members are grouped for the quota when no explicit group names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MemberGrouping {
    /// Per grassroots organisation and category (leader / non-leader / outside); default.
    GrassrootsAndCategory,
    /// Per grassroots organisation (the 21-HD rule).
    Grassroots,
    /// Per cell.
    Cell,
}

/// How organisations are grouped for the quota when no explicit group names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationGrouping {
    /// Per parent organisation and cell type; default.
    ParentAndCellType,
    /// Per parent organisation.
    Parent,
}

/// What to do when more subjects qualify for HTXSNV than the quota allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TooManyCandidates {
    /// Keep the best by (score desc, share of tasks exceeded desc, id asc) and
    /// demote the others to HTTNV, recording the choice as discretion; default.
    Demote,
    /// Keep every candidate at HTXSNV, provisional, and report the conflict.
    ReportOnly,
}

/// The level of a subject whose score is 50 or more but who meets no level's
/// conditions and no trigger (party-rating.md §14 Q1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum GapPolicy {
    /// HTNV's conditions are not met, so KHTNV ("did not complete the tasks"),
    /// provisional, with a discretion record; default.
    NotCompleted,
    /// HTNV, provisional, with a discretion record.
    Completed,
}

/// Which discipline triggers KHTNV under Quy định 366 (party-rating.md §14 Q3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DisciplineScope {
    /// Duty-related discipline at reprimand or above (the literal text); default.
    DutyRelated,
    /// Any discipline at reprimand or above (the 124 reading).
    Any,
}

/// The category of a residential cell's secretary and deputy secretary (Q4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SecretaryCategory {
    /// A leader for that cell; default. An evaluation's `category` still wins.
    Leader,
    /// As their membership says.
    Membership,
}

/// How the party organisation's level depends on its members' and subordinate
/// organisations' final levels beyond the regime's own rules (party-rating.md §5.6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Aggregation {
    /// No rule (Quy định 366 and 124 set none nationally); default.
    None,
    /// 21-HD/BTCTW (2019): HTXSNV needs 100 % of rated members (subordinate
    /// organisations) at HTNV or higher and 80 % at HTTNV or higher.
    #[serde(rename = "qd132-2019")]
    Qd132_2019,
    /// 27-HD/BTCTW (2014): a cell with more than half its members KHTNV, a đảng bộ
    /// with more than a third of its organisations yếu kém, is yếu kém.
    #[serde(rename = "hd27-2014")]
    Hd27_2014,
}

/// The reference date for eligibility (party-rating.md §14 Q6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReferenceDate {
    /// The cell's review meeting (`review_meeting` of its evaluation), else
    /// 31 December of the rating year; default.
    ReviewMeeting,
    /// 31 December of the rating year.
    EndOfYear,
    /// One day for every cell of the run: `{"fixed": "2025-12-05"}`. A day
    /// outside the rating year (or after 15 January of the next) falls back to
    /// 31 December of the rating year.
    Fixed(
        #[serde(with = "crate::date::serde_date")]
        #[schemars(with = "crate::date::Date")]
        crate::date::Date,
    ),
}

/// Score bands of Hướng dẫn 27-HD/BTCTW (2014), in tenths of a point: the
/// lowest score of each level (party-rating.md §8). Only "under 50 points →
/// yếu kém" for organisations is verified and fixed in the rules; these limits
/// are \[U\] defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Hd27Bands {
    /// Trong sạch, vững mạnh (organisations); HTXSNV (members). Default 900.
    pub excellent: u32,
    /// Hoàn thành tốt nhiệm vụ. Default 700.
    pub good: u32,
    /// Hoàn thành nhiệm vụ for members; below it, KHTNV. Default 500.
    pub completed: u32,
}

impl Default for Hd27Bands {
    fn default() -> Self {
        Self {
            excellent: 900,
            good: 700,
            completed: 500,
        }
    }
}

/// Every setting of a run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Policy {
    /// The preset this policy started from, for the record.
    pub name: String,
    /// Quota reading (Q2).
    pub quota_reading: QuotaReading,
    /// Quota rounding.
    pub quota_rounding: Rounding,
    /// Default member quota groups.
    pub member_groups: MemberGrouping,
    /// Default organisation quota groups.
    pub organisation_groups: OrganisationGrouping,
    /// Too many candidates.
    pub too_many_candidates: TooManyCandidates,
    /// Score ≥ 50 but no level's conditions hold (Q1).
    pub gap: GapPolicy,
    /// Discipline trigger under Quy định 366 (Q3).
    pub discipline_trigger: DisciplineScope,
    /// A residential cell's secretary and deputy (Q4).
    pub secretary_category: SecretaryCategory,
    /// Organisation from its members' levels (Q5).
    pub aggregation: Aggregation,
    /// Cap a head at the level of the collective they lead (no source found).
    pub cap_head_by_collective: bool,
    /// Reference date (Q6).
    pub reference_date: ReferenceDate,
    /// Rate organisations set up less than 6 months before (Q7; Quy định 132 does not).
    pub rate_new_organisations: bool,
    /// Caps by residence comment (Q11); none by default.
    #[schemars(extend("propertyNames" = {"enum": ["good", "satisfactory", "not_good", "violation_reported"]}))]
    pub residence_caps: BTreeMap<ResidenceCommentKey, Level>,
    /// Cap the party level at the civil-servant level where given (Q14).
    pub civil_servant_cap: bool,
    /// A leader's own tasks must also be 100 % on time with 30 % exceeded for
    /// HTXSNV (366 says "besides the general criteria"; not required by default).
    pub leader_own_tasks_required: bool,
    /// The score bands of the 2014 guidance (\[U\] but for the verified 50).
    pub hd27_bands: Hd27Bands,
    /// The "basic criteria" of the HTNV frames of Quy định 124 and 132 (Q10):
    /// criterion ids; empty (the default) means every graded criterion.
    pub basic_criteria: Vec<String>,
    /// The Front side's settings (left out of the JSON while all are at their defaults).
    #[serde(skip_serializing_if = "crate::front::FrontPolicy::is_default")]
    pub front: crate::front::FrontPolicy,
}

/// A residence comment as a map key in JSON.
pub type ResidenceCommentKey = ResidenceComment;

impl Default for Policy {
    fn default() -> Self {
        Self {
            name: "default".to_owned(),
            quota_reading: QuotaReading::C,
            quota_rounding: Rounding::Floor,
            member_groups: MemberGrouping::GrassrootsAndCategory,
            organisation_groups: OrganisationGrouping::ParentAndCellType,
            too_many_candidates: TooManyCandidates::Demote,
            gap: GapPolicy::NotCompleted,
            discipline_trigger: DisciplineScope::DutyRelated,
            secretary_category: SecretaryCategory::Leader,
            aggregation: Aggregation::None,
            cap_head_by_collective: false,
            reference_date: ReferenceDate::ReviewMeeting,
            rate_new_organisations: true,
            residence_caps: BTreeMap::new(),
            civil_servant_cap: true,
            leader_own_tasks_required: false,
            hd27_bands: Hd27Bands::default(),
            basic_criteria: Vec::new(),
            front: crate::front::FrontPolicy::default(),
        }
    }
}

/// A policy could not be loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PolicyError {
    /// Invalid JSON or an unknown setting.
    #[error("invalid policy at `{path}`: {message}")]
    Json {
        /// JSON path of the problem.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// No preset of that name.
    #[error("unknown policy preset `{name}`; presets: {}", PRESETS.join(", "))]
    UnknownPreset {
        /// The name asked for.
        name: String,
    },
}

/// The names of the presets.
pub const PRESETS: &[&str] = &[
    "default",
    "literal",
    "qd124-discipline",
    "qd132-2019",
    "hd27-2014",
    "gap-completed",
    "report-conflicts",
    "hongngu-2023-example",
];

impl Policy {
    /// A preset by name: `default` (DESIGN §5), `literal` (quota reading A, the
    /// strictest text), `qd124-discipline` (any discipline triggers, as under
    /// 124), `qd132-2019` and `hd27-2014` (the aggregation presets),
    /// `gap-completed` (a score with no matching level gets HTNV),
    /// `report-conflicts` (quota conflicts reported, nobody demoted),
    /// `hongngu-2023-example` (an example provincial preset: the residential
    /// cell's task group includes the Front criterion, see
    /// [`crate::front::presets::hongngu_2023`]).
    ///
    /// # Errors
    /// [`PolicyError::UnknownPreset`].
    pub fn preset(name: &str) -> Result<Self, PolicyError> {
        let base = Self {
            name: name.to_owned(),
            ..Self::default()
        };
        Ok(match name {
            "default" => base,
            "literal" => Self {
                quota_reading: QuotaReading::A,
                ..base
            },
            "qd124-discipline" => Self {
                discipline_trigger: DisciplineScope::Any,
                ..base
            },
            "qd132-2019" => Self {
                aggregation: Aggregation::Qd132_2019,
                ..base
            },
            "hd27-2014" => Self {
                aggregation: Aggregation::Hd27_2014,
                ..base
            },
            "gap-completed" => Self {
                gap: GapPolicy::Completed,
                ..base
            },
            "report-conflicts" => Self {
                too_many_candidates: TooManyCandidates::ReportOnly,
                ..base
            },
            crate::front::presets::hongngu_2023::ID => Self {
                front: crate::front::FrontPolicy {
                    cell_criterion: Some(
                        crate::front::presets::hongngu_2023::CellCriterion::hongngu_2023_example(),
                    ),
                    ..crate::front::FrontPolicy::default()
                },
                ..base
            },
            _ => {
                return Err(PolicyError::UnknownPreset {
                    name: name.to_owned(),
                })
            }
        })
    }

    /// Loads a policy from JSON; missing settings take their defaults, unknown
    /// ones are rejected.
    ///
    /// # Errors
    /// [`PolicyError::Json`] with the path of the problem.
    pub fn from_json(text: &str) -> Result<Self, PolicyError> {
        let mut de = serde_json::Deserializer::from_str(text);
        serde_path_to_error::deserialize(&mut de).map_err(|e| PolicyError::Json {
            path: e.path().to_string(),
            message: e.inner().to_string(),
        })
    }

    /// The policy as JSON.
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_load_and_round_trip() {
        for name in PRESETS {
            let p = Policy::preset(name).unwrap();
            assert_eq!(Policy::from_json(&p.to_json()).unwrap(), p);
        }
        assert!(Policy::preset("nope").is_err());
    }

    #[test]
    fn a_fixed_reference_date() {
        let p = Policy::from_json(r#"{"reference_date": {"fixed": "2025-12-05"}}"#).unwrap();
        assert_eq!(
            p.reference_date,
            ReferenceDate::Fixed(crate::date::parse_iso_date("2025-12-05").unwrap())
        );
        assert_eq!(Policy::from_json(&p.to_json()).unwrap(), p);
        assert!(Policy::from_json(r#"{"reference_date": {"fixed": "2025-13-05"}}"#).is_err());
    }

    #[test]
    fn errors_name_the_path() {
        let e = Policy::from_json(r#"{"quota_reading": "d"}"#).unwrap_err();
        assert!(e.to_string().contains("quota_reading"), "{e}");
    }
}
