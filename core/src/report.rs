//! The report `xeploai-report/1`: every subject's outcome with its findings,
//! summaries per organisation, quota usage per group, the proposals the rules
//! do not allow, the open points of discretion, and warnings. The same dataset
//! and policy give byte-identical JSON.

use crate::evaluation::Stage;
use crate::explain::Effect;
use crate::lang::Lang;
use crate::level::Level;
use crate::outcome::{NotRatedReason, Outcome};
use crate::policy::Policy;
use crate::quota::QuotaUsage;
use crate::regime::Regime;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

pub mod outcomes;
pub use outcomes::{OutcomeRef, Outcomes};

/// The value of the `format` field of a report.
pub const REPORT_FORMAT: &str = "xeploai-report/1";

/// What a subject is.
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
pub enum SubjectKind {
    /// A party member.
    Member,
    /// A party organisation; its unit kind is in `unit_kind`.
    Organisation,
}

/// One subject's entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SubjectOutcome {
    /// The person's or the unit's id.
    pub subject: String,
    /// Member or organisation.
    pub kind: SubjectKind,
    /// For an organisation, its unit kind; for a member, `cell` or `grassroots_cell`.
    pub unit_kind: crate::org::UnitKind,
    /// For a member, the cell; for an organisation, its parent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Arc<str>>,
    /// The grassroots organisation the subject belongs to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grassroots: Option<Arc<str>>,
    /// The commune, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commune: Option<Arc<str>>,
    /// The outcome.
    pub outcome: Outcome,
}

/// Counts of a group of subjects, with numerators and denominators.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Counts {
    /// On the roll (rated or not).
    pub on_roll: u32,
    /// Rated: the denominator of every share.
    pub rated: u32,
    /// Rated, by level.
    #[schemars(extend("propertyNames" = {"$ref": "#/$defs/Level"}))]
    pub by_level: BTreeMap<Level, u32>,
    /// Not rated, by reason.
    #[schemars(extend("propertyNames" = {"$ref": "#/$defs/NotRatedReason"}))]
    pub not_rated: BTreeMap<NotRatedReason, u32>,
}

/// A fast tally of outcomes, turned into [`Counts`] at the end of a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    on_roll: u32,
    rated: u32,
    levels: [u32; 4],
    reasons: [u32; 6],
}

/// The reasons, in the order of `Tally::reasons`.
const REASONS: [NotRatedReason; 6] = NotRatedReason::ALL;

impl Tally {
    /// Adds a row of the outcome store.
    pub(crate) fn add_row(&mut self, row: &outcomes::Row) {
        self.on_roll += 1;
        if let Some(l) = row.level() {
            self.rated += 1;
            if let Some(c) = self.levels.get_mut(l as usize) {
                *c += 1;
            }
        } else if let Some(reason) = row.reason() {
            if let Some(c) = REASONS
                .iter()
                .position(|x| *x == reason)
                .and_then(|i| self.reasons.get_mut(i))
            {
                *c += 1;
            }
        }
    }

    /// The counts.
    pub(crate) fn counts(&self) -> Counts {
        Counts {
            on_roll: self.on_roll,
            rated: self.rated,
            by_level: Level::ALL
                .into_iter()
                .zip(self.levels)
                .filter(|(_, n)| *n > 0)
                .collect(),
            not_rated: REASONS
                .into_iter()
                .zip(self.reasons)
                .filter(|(_, n)| *n > 0)
                .collect(),
        }
    }
}

/// The summary of a party organisation or a commune.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UnitSummary {
    /// The unit's id.
    pub unit: String,
    /// Its name.
    pub name: String,
    /// Its kind.
    pub unit_kind: Option<crate::org::UnitKind>,
    /// Members of its cells (all the cells below it).
    pub members: Counts,
    /// Organisations below it (cells, committees), rated or not.
    pub organisations: Counts,
}

/// A proposal the rules do not allow, or that is below what they allow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Discrepancy {
    /// The subject.
    pub subject: String,
    /// The stage of the proposal.
    pub stage: Stage,
    /// The level proposed.
    pub proposed: Level,
    /// The level the rules allow (none if the subject is not rated).
    pub allowed: Option<Level>,
    /// `above_allowed`, `below_allowed` or `not_rated`.
    #[schemars(extend("enum" = ["above_allowed", "below_allowed", "not_rated"]))]
    pub kind: String,
    /// The rules that set or lowered the allowed level.
    pub rules: Vec<String>,
}

/// An open or decided point of discretion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct DiscretionItem {
    /// The subject.
    pub subject: String,
    /// The point's code.
    #[schemars(extend("enum" = crate::outcome::DISCRETION_POINTS))]
    pub point: &'static str,
    /// The rule's id.
    pub rule: &'static str,
    /// The default applied.
    pub default: Level,
    /// The decided level, if a decision is recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided: Option<Level>,
}

impl<'de> Deserialize<'de> for DiscretionItem {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct In {
            subject: String,
            point: crate::outcome::PointCode,
            rule: crate::outcome::RuleId,
            default: Level,
            #[serde(default)]
            decided: Option<Level>,
        }
        let i = In::deserialize(d)?;
        Ok(Self {
            subject: i.subject,
            point: i.point.0,
            rule: i.rule.0,
            default: i.default,
            decided: i.decided,
        })
    }
}

/// A report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[schemars(title = "xeploai-report/1")]
pub struct Report {
    /// Always `xeploai-report/1`.
    #[schemars(extend("const" = REPORT_FORMAT))]
    pub format: String,
    /// The library version that made it.
    pub generator: String,
    /// The rating year.
    pub year: i32,
    /// The regime applied.
    pub regime: Regime,
    /// Whether the regime was named by the caller rather than chosen by the year.
    pub regime_named: bool,
    /// The policy applied.
    pub policy: Policy,
    /// Every subject, sorted by kind then id: in JSON an array of
    /// [`SubjectOutcome`], in memory a compact [`Outcomes`].
    pub outcomes: Outcomes,
    /// Per grassroots organisation and per commune.
    pub summaries: Vec<UnitSummary>,
    /// The whole dataset.
    pub total: UnitSummary,
    /// Quota groups that had candidates.
    pub quotas: Vec<QuotaUsage>,
    /// Proposals that differ from what the rules allow.
    pub discrepancies: Vec<Discrepancy>,
    /// Points of discretion.
    pub discretion: Vec<DiscretionItem>,
    /// Warnings: counts by code (e.g. `no_evaluation`, `missing_task_facts`).
    pub warnings: BTreeMap<String, u32>,
    /// The Front side (see [`crate::front`]); left out when the dataset has no
    /// Front work board and no Front data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub front: Option<crate::front::FrontReport>,
}

/// A report could not be read.
#[derive(Debug, thiserror::Error)]
#[error("invalid report at `{path}`: {message}")]
pub struct ReportError {
    /// JSON path.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl Report {
    /// The report as compact JSON (deterministic).
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The report as indented JSON.
    #[must_use]
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads a report back.
    ///
    /// # Errors
    /// [`ReportError`] with the JSON path.
    pub fn from_json(text: &str) -> Result<Self, ReportError> {
        let mut de = serde_json::Deserializer::from_str(text);
        let report: Self = serde_path_to_error::deserialize(&mut de).map_err(|e| ReportError {
            path: e.path().to_string(),
            message: e.inner().to_string(),
        })?;
        if report.format != REPORT_FORMAT {
            return Err(ReportError {
                path: "format".to_owned(),
                message: format!(
                    "unsupported report format `{}`: expected `{REPORT_FORMAT}`",
                    report.format
                ),
            });
        }
        Ok(report)
    }

    /// The entry of a subject (binary search: outcomes are sorted).
    #[must_use]
    pub fn outcome(&self, subject: &str) -> Option<OutcomeRef<'_>> {
        self.outcomes.find(subject)
    }

    /// A short paragraph explaining a subject's outcome, citing the rules.
    ///
    /// ```
    /// let g = xeploai::sample::graph().unwrap();
    /// let r = xeploai::run::rate(&g, 2025, None, &xeploai::Policy::default()).unwrap();
    /// let first = r.outcomes.get(0).unwrap().subject();
    /// assert!(r.explain(first, xeploai::Lang::Vi).is_some());
    /// assert!(r.explain("no-such-id", xeploai::Lang::Vi).is_none());
    /// ```
    #[must_use]
    pub fn explain(&self, subject: &str, lang: Lang) -> Option<String> {
        self.explain_at(self.outcomes.position(subject)?, lang)
    }

    /// The paragraph of [`Report::explain`] for the outcome at `index` in
    /// report order: the way to explain an organisation whose id a member
    /// also has (`explain` finds the member first).
    #[must_use]
    pub fn explain_at(&self, index: usize, lang: Lang) -> Option<String> {
        let o = self.outcomes.get(index)?.to_owned();
        let vi = lang == Lang::Vi;
        let mut s = String::new();
        match &o.outcome {
            Outcome::NotRated { reason, findings } => {
                s.push_str(&format!(
                    "{}: {}",
                    o.subject,
                    if vi {
                        "không xếp loại"
                    } else {
                        "not rated"
                    }
                ));
                s.push_str(&format!(" ({})", reason.label(lang)));
                for f in findings {
                    s.push_str(&format!(
                        ". {} [{}]",
                        capitalise(&f.message(lang)),
                        f.rule().citation.text(lang)
                    ));
                }
                s.push('.');
            }
            Outcome::Rated(r) => {
                let label = r.level.label(lang);
                s.push_str(&format!("{}: {} ({})", o.subject, r.level.code(), label));
                if let Some(score) = r.score {
                    s.push_str(&format!(
                        ", {} {}",
                        crate::explain::format_points(i64::from(score)),
                        if vi { "điểm" } else { "points" }
                    ));
                }
                if r.provisional {
                    s.push_str(if vi {
                        ", tạm thời"
                    } else {
                        ", provisional"
                    });
                }
                s.push_str(if vi { ". Căn cứ: " } else { ". Grounds: " });
                // What set or lowered the level comes first; conditions met are
                // shown only when nothing lowered it.
                let decisive: Vec<_> = r
                    .findings
                    .iter()
                    .filter(|f| matches!(f.effect, Effect::Decided | Effect::Lowered))
                    .collect();
                let shown: Vec<_> = if decisive.is_empty() {
                    r.findings
                        .iter()
                        .filter(|f| f.effect == Effect::Met)
                        .collect()
                } else {
                    decisive
                };
                let mut parts = Vec::new();
                for f in shown {
                    parts.push(format!(
                        "{} [{}]",
                        f.message(lang),
                        f.rule().citation.text(lang)
                    ));
                }
                if parts.is_empty() {
                    for f in &r.findings {
                        parts.push(format!(
                            "{} [{}]",
                            f.message(lang),
                            f.rule().citation.text(lang)
                        ));
                    }
                }
                s.push_str(&parts.join("; "));
                for d in &r.discretion {
                    let decided = d.decided.map_or_else(String::new, |l| {
                        if vi {
                            format!(", đã quyết định {}", l.code())
                        } else {
                            format!(", decided {}", l.code())
                        }
                    });
                    s.push_str(&if vi {
                        format!(
                            ". Cấp có thẩm quyền xem xét ({}): mặc định {}{decided}",
                            d.point,
                            d.default.code()
                        )
                    } else {
                        format!(
                            ". The competent level decides ({}): default {}{decided}",
                            d.point,
                            d.default.code()
                        )
                    });
                }
                s.push('.');
            }
        }
        Some(s)
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| {
        f.to_uppercase().collect::<String>() + c.as_str()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn another_format_is_refused() {
        let g = crate::sample::graph().unwrap();
        let mut r = crate::run::rate(&g, 2024, None, &Policy::default()).unwrap();
        let text = r.to_json();
        assert_eq!(Report::from_json(&text).unwrap(), r);
        r.format = "xeploai-report/9".to_owned();
        let e = Report::from_json(&r.to_json()).unwrap_err();
        assert_eq!(e.path, "format");
        assert!(e.message.contains("xeploai-report/9"), "{e}");
    }

    #[test]
    fn an_unknown_point_or_rule_of_discretion_is_refused_at_its_field() {
        let g = crate::sample::graph().unwrap();
        let r = crate::run::rate(&g, 2025, None, &Policy::default()).unwrap();
        let mut v: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
        // In the report's list, then in an outcome.
        v["discretion"][0]["point"] = "mercy".into();
        let e = Report::from_json(&v.to_string()).unwrap_err();
        assert_eq!(e.path, "discretion[0].point");
        assert!(
            e.message.contains("unknown point of discretion `mercy`"),
            "{e}"
        );
        let mut v: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
        let i = r
            .outcomes
            .iter()
            .position(|o| !o.discretion().is_empty())
            .unwrap();
        v["outcomes"][i]["outcome"]["discretion"][0]["rule"] = "lib.nothing".into();
        let e = Report::from_json(&v.to_string()).unwrap_err();
        // The outcome is read whole (tagged by `status`), so the path stops
        // at it and the message names the field.
        assert_eq!(e.path, format!("outcomes[{i}].outcome"));
        assert!(
            e.message
                .contains("unknown rule `lib.nothing` in a point of discretion's `rule`"),
            "{e}"
        );
    }
}
