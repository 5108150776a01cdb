//! The Front section of the report (`front` in `xeploai-report/1`): the
//! schemes used (marked when illustrative), every Front work board's
//! composition checks and rating with its findings, the residential
//! evaluations per area, the levels per commune, the indicators rolled up per
//! commune, province and in total with numerators and denominators, and every
//! target with the units that miss it.

use crate::date::{serde_date, Date};
use crate::explain::Finding;
use crate::front::data::ModelField;
use crate::front::scheme::SchemeStatus;
use crate::front::settings::{Comparator, Metric, Scope};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The Front section of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FrontReport {
    /// The day the composition and the indicators are taken on (31 December of the year).
    #[serde(with = "serde_date")]
    #[schemars(with = "Date")]
    pub as_of: Date,
    /// The schemes used, by id.
    pub schemes: Vec<SchemeSummary>,
    /// Every Front work board existing on `as_of`, by id.
    pub boards: Vec<BoardOutcome>,
    /// The residential evaluations, per area with data, by id.
    pub areas: Vec<AreaOutcome>,
    /// The boards' ranks per commune, by commune id.
    pub communes: Vec<CommuneFront>,
    /// The indicators, per metric: the total, each province and each commune.
    pub indicators: Vec<IndicatorRow>,
    /// Every target that applies to the year.
    pub targets: Vec<TargetResult>,
    /// Counts by code: `front_no_evaluation`, `front_unknown_scheme`, `front_scheme_out_of_period`.
    pub warnings: BTreeMap<String, u32>,
}

/// A band of a scheme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BandSummary {
    /// Its rank (1 = best).
    pub rank: u8,
    /// Its code.
    pub code: String,
    /// Label in Vietnamese.
    pub label_vi: String,
    /// Label in English.
    pub label_en: String,
    /// Lowest score, in tenths.
    pub min: u32,
    /// Highest score, in tenths.
    pub max: u32,
}

/// A scheme used by the run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SchemeSummary {
    /// Its id.
    pub id: String,
    /// Title in Vietnamese.
    pub title_vi: String,
    /// Title in English.
    pub title_en: String,
    /// The source document.
    pub source: String,
    /// How sure the source is.
    pub status: SchemeStatus,
    /// Whether the scheme is illustrative or an example, not a document's grid.
    pub illustrative: bool,
    /// Its bands, best first.
    pub bands: Vec<BandSummary>,
}

/// The result of a check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    /// The requirement holds.
    Met,
    /// It does not.
    Failed,
    /// It does not apply (e.g. an area without a cell).
    NotApplicable,
}

/// A dated check with the finding that explains it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Check {
    /// The result.
    pub status: CheckStatus,
    /// The unit concerned, where it is not the subject (a mass-organisation branch).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The rule, its values and citation.
    pub finding: Finding,
}

/// A board's rating on its scheme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BoardRating {
    /// The scheme's id.
    pub scheme: String,
    /// Σ clamped criterion points, in tenths.
    pub base: u32,
    /// The bonus counted.
    pub bonus: u32,
    /// The points deducted.
    pub deducted: u32,
    /// The final score, in tenths.
    pub score: u32,
    /// The rank of the score's band.
    pub band_rank: u8,
    /// The final rank (1 = best), after gates, vetoes and the quota.
    pub rank: u8,
    /// The final band's code.
    pub level: String,
    /// Demoted by the scheme's quota.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub quota_demoted: bool,
    /// Criteria with no score (counted as 0).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
    /// The board's own total, kept beside the assessor's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_score: Option<u32>,
    /// The findings, in the order of the procedure.
    pub findings: Vec<Finding>,
}

/// Why a board is not rated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BoardNotRated {
    /// No evaluation for the year.
    NoEvaluation,
    /// The evaluation's scheme is neither a preset nor a scheme of the dataset.
    UnknownScheme,
}

/// One Front work board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BoardOutcome {
    /// The board's id.
    pub board: String,
    /// The area it serves.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    /// The commune.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commune: Option<String>,
    /// Whether every applicable composition check is met.
    pub composition_ok: bool,
    /// The composition checks (front-rating.md §2.3), on `as_of`.
    pub composition: Vec<Check>,
    /// The rating, if rated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<BoardRating>,
    /// Why not rated, if not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_rated: Option<BoardNotRated>,
}

/// A numerator and a denominator (never only a rounded share).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ratio {
    /// The numerator.
    pub numerator: u64,
    /// The denominator.
    pub denominator: u64,
}

/// Self-management models of an area in the year (M1, M2).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ModelCounts {
    /// Models of the year.
    pub total: u32,
    /// Assessed effective.
    pub effective: u32,
    /// Assessed not effective.
    pub not_effective: u32,
    /// Too new to assess.
    pub too_new: u32,
    /// Effective / total per field.
    pub by_field: BTreeMap<ModelField, Ratio>,
}

/// The Unity Festival of an area (F1–F3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FestivalOutcome {
    /// The day held.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "serde_date::opt"
    )]
    #[schemars(with = "Option<Date>")]
    pub held_on: Option<Date>,
    /// Held in the window, with the ceremony and the festivities.
    pub complete: bool,
    /// The checks.
    pub checks: Vec<Check>,
}

/// The residential evaluations of an area for the year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AreaOutcome {
    /// The area.
    pub area: String,
    /// The commune.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commune: Option<String>,
    /// Its self-management models.
    pub models: ModelCounts,
    /// Notes on the models (too new to assess).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub model_findings: Vec<Finding>,
    /// The festival, if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub festival: Option<FestivalOutcome>,
    /// Cultured-family households / households.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cultured_families: Option<Ratio>,
    /// The "thôn / tổ dân phố văn hóa" title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cultural_title: Option<bool>,
    /// Ballots returned / households.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub survey_coverage: Option<Ratio>,
    /// Satisfied / valid ballots.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satisfaction: Option<Ratio>,
    /// The survey's thresholds (S2): coverage, then satisfaction.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub survey_checks: Vec<Check>,
    /// Whether the survey meets both thresholds (S2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub survey_passed: Option<bool>,
    /// The model new-rural residential area assessment (T5), if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model_area: Option<ModelAreaOutcome>,
    /// The "Gia đình văn hóa" certificates of the year (T4), when the record lists
    /// the households.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family_certificates: Option<FamilyCertificates>,
}

/// The households whose "Gia đình văn hóa" title of the year completes 3
/// consecutive years not counted before (front-rating.md §4.2 T4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FamilyCertificates {
    /// The households, in the record's order.
    pub households: Vec<String>,
    /// The explanation.
    pub finding: Finding,
}

/// A model new-rural residential area assessment (front-rating.md §4.2 T5):
/// all criteria pass (boolean AND), not points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ModelAreaOutcome {
    /// Every criterion and the commune's criteria are met.
    pub passed: bool,
    /// One check per criterion (1–10), then the commune's criteria.
    pub checks: Vec<Check>,
}

/// The boards of a commune by final rank.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CommuneFront {
    /// The commune.
    pub commune: String,
    /// Its name.
    pub name: String,
    /// Boards existing on `as_of`.
    pub boards: u32,
    /// Boards rated.
    pub rated: u32,
    /// Boards rated, by final rank (1 = best), ranks with boards only, best first.
    pub by_rank: Vec<RankCount>,
    /// Boards with a failed composition check.
    pub composition_failed: u32,
}

/// Boards at a rank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RankCount {
    /// The rank (1 = best).
    pub rank: u8,
    /// Boards at it.
    pub boards: u32,
}

/// The level of a roll-up row.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum RollupScope {
    /// The whole dataset.
    Total,
    /// One province.
    Province,
    /// One commune.
    Commune,
}

/// An indicator rolled up: the sums of the numerators and denominators of the
/// units observed in the scope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorRow {
    /// The metric.
    pub metric: Metric,
    /// The level of the roll-up.
    pub scope: RollupScope,
    /// The province or commune (none for the total).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Units observed.
    pub units: u32,
    /// Σ numerators.
    pub numerator: u64,
    /// Σ denominators.
    pub denominator: u64,
}

/// A unit that misses a target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Miss {
    /// The unit (observed unit, commune or province).
    pub unit: String,
    /// Its numerator.
    pub numerator: u64,
    /// Its denominator.
    pub denominator: u64,
}

/// A target compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TargetResult {
    /// The target's id.
    pub target: String,
    /// The metric.
    pub metric: Metric,
    /// The comparator.
    pub comparator: Comparator,
    /// The value (percent, or count per unit).
    pub value: u32,
    /// Where compared.
    pub scope: Scope,
    /// The source.
    pub source: String,
    /// Whether the source was read.
    pub verified: bool,
    /// Units compared (denominator > 0).
    pub evaluated: u32,
    /// Units that meet it.
    pub met: u32,
    /// The units that miss it, by id.
    pub missed: Vec<Miss>,
}
