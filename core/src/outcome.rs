//! The outcome of rating one subject (DESIGN §4): not rated with a reason, or
//! rated with a level, the findings behind it and the points where the
//! competent level may decide otherwise (discretion).

use crate::explain::{Finding, RuleDef};
use crate::lang::{pick, Lang};
use crate::level::{Level, Levels};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Why a subject is not rated.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum NotRatedReason {
    /// Exempted from party work and activities (E1).
    Exempt,
    /// Suspended from party activities (E2).
    Suspended,
    /// Admitted less than 6 calendar months before the reference date (E3).
    AdmittedUnderSixMonths,
    /// An organisation set up less than 6 months before the reference date (E5).
    NewOrganisation,
    /// No evaluation of the subject for the year in the dataset.
    NoEvaluation,
    /// Not enough inputs for the regime (no score, or no grades).
    MissingInputs,
}

impl NotRatedReason {
    /// Every reason, in the order of their declaration (the order of the
    /// categories of a `reason` column, of `Counts::not_rated`, …).
    pub const ALL: [Self; 6] = [
        Self::Exempt,
        Self::Suspended,
        Self::AdmittedUnderSixMonths,
        Self::NewOrganisation,
        Self::NoEvaluation,
        Self::MissingInputs,
    ];

    /// The snake_case name.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Exempt => "exempt",
            Self::Suspended => "suspended",
            Self::AdmittedUnderSixMonths => "admitted_under_six_months",
            Self::NewOrganisation => "new_organisation",
            Self::NoEvaluation => "no_evaluation",
            Self::MissingInputs => "missing_inputs",
        }
    }

    /// A short label.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match self {
            Self::Exempt => pick(
                lang,
                "miễn công tác và sinh hoạt đảng",
                "exempt from party activities",
            ),
            Self::Suspended => pick(lang, "đình chỉ sinh hoạt đảng", "suspended"),
            Self::AdmittedUnderSixMonths => pick(
                lang,
                "kết nạp chưa đủ 6 tháng",
                "admitted under 6 months ago",
            ),
            Self::NewOrganisation => pick(
                lang,
                "thành lập chưa đủ 6 tháng",
                "set up under 6 months ago",
            ),
            Self::NoEvaluation => pick(lang, "chưa có phiếu đánh giá", "no evaluation"),
            Self::MissingInputs => pick(lang, "thiếu dữ liệu đánh giá", "missing inputs"),
        }
    }
}

/// The points of discretion a committee may decide, as codes (`Decision::point`).
pub const DISCRETION_POINTS: &[&str] = &["mitigation", "earlier_fault", "gap", "quota_selection"];

/// A point where the text leaves the decision to the competent level: what the
/// library applied by default and what the committee may decide instead.
// `Copy`, 40 bytes, no allocation: a country's report holds about 700,000.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Discretion {
    /// The point's code (one of [`DISCRETION_POINTS`]).
    #[schemars(extend("enum" = DISCRETION_POINTS))]
    pub point: &'static str,
    /// The id of the rule that leaves the choice.
    pub rule: &'static str,
    /// The level the library applied.
    pub default: Level,
    /// The levels the committee may choose instead.
    pub alternatives: Levels,
    /// The level a recorded decision chose, if one is in the dataset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided: Option<Level>,
}

impl Discretion {
    /// A point of discretion with its default.
    #[must_use]
    pub fn new(
        point: &'static str,
        rule: &'static RuleDef,
        default: Level,
        alternatives: &[Level],
    ) -> Self {
        Self {
            point,
            rule: rule.id,
            default,
            alternatives: Levels::from_slice(alternatives),
            decided: None,
        }
    }
}

/// A point's code read as the library's own (one of [`DISCRETION_POINTS`]):
/// an unknown code is an error at the field, so a report's error path names it.
pub(crate) struct PointCode(pub(crate) &'static str);

impl<'de> Deserialize<'de> for PointCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        DISCRETION_POINTS
            .iter()
            .find(|p| **p == code)
            .copied()
            .map(Self)
            .ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "unknown point of discretion `{code}` in `point` (expected one of {})",
                    DISCRETION_POINTS.join(", ")
                ))
            })
    }
}

/// A rule id read as the library's own (as [`PointCode`]).
pub(crate) struct RuleId(pub(crate) &'static str);

impl<'de> Deserialize<'de> for RuleId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let id = String::deserialize(d)?;
        crate::rules::rule_by_id(&id)
            .map(|r| Self(r.id))
            .ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "unknown rule `{id}` in a point of discretion's `rule`"
                ))
            })
    }
}

impl<'de> Deserialize<'de> for Discretion {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct In {
            point: PointCode,
            rule: RuleId,
            default: Level,
            alternatives: Levels,
            #[serde(default)]
            decided: Option<Level>,
        }
        let i = In::deserialize(d)?;
        Ok(Self {
            point: i.point.0,
            rule: i.rule.0,
            default: i.default,
            alternatives: i.alternatives,
            decided: i.decided,
        })
    }
}

/// The outcome for one subject.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Outcome {
    /// Not rated; in no numerator or denominator.
    NotRated {
        /// Why.
        reason: NotRatedReason,
        /// The rule that excludes the subject.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        findings: Vec<Finding>,
    },
    /// Rated.
    Rated(Rated),
}

/// A rated subject's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Rated {
    /// The level.
    pub level: Level,
    /// Whether a point of discretion is still open (no decision recorded).
    pub provisional: bool,
    /// The score in tenths (the regime's total), if the regime scores.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<u32>,
    /// Demoted from HTXSNV by the quota.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub quota_demoted: bool,
    /// Every rule that decided, constrained or checked the level.
    pub findings: Vec<Finding>,
    /// Points of discretion.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub discretion: Vec<Discretion>,
    /// The policy settings that affected this outcome (names of [`crate::Policy`] fields).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub settings: Vec<Cow<'static, str>>,
}

impl Outcome {
    /// The level, if rated.
    #[must_use]
    pub const fn level(&self) -> Option<Level> {
        match self {
            Self::Rated(r) => Some(r.level),
            Self::NotRated { .. } => None,
        }
    }

    /// The findings.
    #[must_use]
    pub fn findings(&self) -> &[Finding] {
        match self {
            Self::Rated(r) => &r.findings,
            Self::NotRated { findings, .. } => findings,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_point_of_discretion_is_small_and_reads_back_the_librarys_own_codes() {
        assert_eq!(std::mem::size_of::<Discretion>(), 40);
        let d = Discretion::new(
            "mitigation",
            &crate::rules::common::DECISION_RECORDED,
            Level::NotCompleted,
            &[Level::Good, Level::Completed],
        );
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(
            json,
            r#"{"point":"mitigation","rule":"lib.decision_recorded","default":"not_completed","alternatives":["completed","good"]}"#
        );
        let back: Discretion = serde_json::from_str(&json).unwrap();
        assert_eq!(back, d);
        // A code or a rule the library does not have is an error, named.
        let refused = |from: &str, to: &str| {
            let text = json.replace(from, to);
            serde_json::from_str::<Discretion>(&text)
                .unwrap_err()
                .to_string()
        };
        let e = refused("mitigation", "mercy");
        assert!(e.contains("unknown point of discretion `mercy`"), "{e}");
        let e = refused("lib.decision_recorded", "lib.nothing");
        assert!(
            e.contains("unknown rule `lib.nothing` in a point of discretion's `rule`"),
            "{e}"
        );
    }
}
