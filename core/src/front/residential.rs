//! The residential evaluations a Front work board runs, per area and year
//! (front-rating.md §4): the self-management models and their three-state
//! assessment (M1, M2; a model launched less than `model_min_months` before the
//! end of the year is too new, M4 [U]), the Great Unity Festival (held on one
//! day of 1–18 November with the ceremony and the festivities, F1–F3 [V]), the
//! cultured families and the cultural title (T1, T3), and the satisfaction
//! survey's coverage and satisfaction against the thresholds of `front.survey`
//! (S1–S2; the thresholds vary by province, Hải Dương 2018's by default), and the
//! model new-rural residential area's 10 criteria, all to be met (T5).

use crate::date::{add_months, Date};
use crate::explain::{date_value, Effect, Finding};
use crate::front::data::{
    AreaYear, ModelAreaAssessment, ModelAssessment, SelfManagementModel, Survey, UnityFestival,
};
use crate::front::report::{
    AreaOutcome, Check, CheckStatus, FamilyCertificates, FestivalOutcome, ModelAreaOutcome,
    ModelCounts, Ratio,
};
use crate::front::rules as fr;
use crate::front::settings::FrontPolicy;
use chrono::NaiveDate;

/// The assessment counted for a model in `year`: too new if launched less than
/// `months` months before 31 December (or not assessed).
#[must_use]
pub fn model_status(
    m: &SelfManagementModel,
    end: Date,
    months: u32,
) -> (ModelAssessment, Option<Finding>) {
    if let Some(l) = m.launched_on {
        if add_months(l, months).is_none_or(|ready| ready > end) {
            return (
                ModelAssessment::TooNew,
                Some(Finding::new(
                    &fr::MODEL_TOO_NEW,
                    Effect::Noted,
                    &[date_value(l), i64::from(months)],
                )),
            );
        }
    }
    (m.assessment.unwrap_or(ModelAssessment::TooNew), None)
}

/// Counts the models of an area.
#[must_use]
pub fn count_models(
    models: &[&SelfManagementModel],
    end: Date,
    months: u32,
) -> (ModelCounts, Vec<Finding>) {
    let mut c = ModelCounts::default();
    let mut findings = Vec::new();
    for m in models {
        let (status, f) = model_status(m, end, months);
        findings.extend(f);
        c.total += 1;
        let field = c.by_field.entry(m.field).or_default();
        field.denominator += 1;
        match status {
            ModelAssessment::Effective => {
                c.effective += 1;
                field.numerator += 1;
            }
            ModelAssessment::NotEffective => c.not_effective += 1,
            ModelAssessment::TooNew => c.too_new += 1,
        }
    }
    (c, findings)
}

/// The window of the festival in `year` (F2: 1–18 November by default).
#[must_use]
pub fn festival_window(year: i32, p: &FrontPolicy) -> Option<(Date, Date)> {
    Some((
        NaiveDate::from_ymd_opt(year, p.festival_month, p.festival_from_day)?,
        NaiveDate::from_ymd_opt(year, p.festival_month, p.festival_to_day)?,
    ))
}

fn check(ok: bool, rule: &'static crate::explain::RuleDef, values: &[i64]) -> Check {
    Check {
        status: if ok {
            CheckStatus::Met
        } else {
            CheckStatus::Failed
        },
        unit: None,
        finding: Finding::new(rule, if ok { Effect::Met } else { Effect::Lowered }, values),
    }
}

/// The checks of a festival record: held (F1), in the window (F2), with the
/// ceremony and the festivities (F3).
#[must_use]
pub fn festival(f: &UnityFestival, p: &FrontPolicy) -> FestivalOutcome {
    let Some(day) = f.held_on else {
        return FestivalOutcome {
            held_on: None,
            complete: false,
            checks: vec![check(false, &fr::FESTIVAL_NOT_HELD, &[])],
        };
    };
    let window = festival_window(f.year, p);
    let in_window = window.is_some_and(|(a, b)| a <= day && day <= b);
    let (a, b) = window.map_or((0, 0), |(a, b)| (date_value(a), date_value(b)));
    let checks = vec![
        check(in_window, &fr::FESTIVAL_WINDOW, &[date_value(day), a, b]),
        check(f.ceremony, &fr::FESTIVAL_CEREMONY, &[]),
        check(f.festivities, &fr::FESTIVAL_FESTIVITIES, &[]),
    ];
    FestivalOutcome {
        held_on: Some(day),
        complete: in_window && f.ceremony && f.festivities,
        checks,
    }
}

/// The checks of a survey against the thresholds of `p.survey` (S2): the
/// coverage (ballots returned / households), then the satisfaction (satisfied /
/// valid ballots); a zero denominator fails.
#[must_use]
pub fn survey_checks(s: &Survey, households: u32, p: &FrontPolicy) -> Vec<Check> {
    let t = &p.survey;
    let (returned, valid, satisfied) = (
        u64::from(s.ballots_returned),
        u64::from(s.valid_ballots),
        u64::from(s.satisfied),
    );
    let coverage = if t.coverage_strict {
        &fr::SURVEY_COVERAGE_ABOVE
    } else {
        &fr::SURVEY_COVERAGE_AT_LEAST
    };
    let satisfaction = if t.satisfaction_strict {
        &fr::SURVEY_SATISFACTION_ABOVE
    } else {
        &fr::SURVEY_SATISFACTION_AT_LEAST
    };
    vec![
        check(
            t.coverage_passes(returned, u64::from(households)),
            coverage,
            &[
                i64::from(s.ballots_returned),
                i64::from(households),
                i64::from(t.coverage_percent),
            ],
        ),
        check(
            t.satisfaction_passes(satisfied, valid),
            satisfaction,
            &[
                i64::from(s.satisfied),
                i64::from(s.valid_ballots),
                i64::from(t.satisfaction_percent),
            ],
        ),
    ]
}

/// The number of criteria of a model new-rural residential area (T5, Hà Tĩnh 2014).
pub const MODEL_AREA_CRITERIA: u8 = 10;

/// The model new-rural residential area assessment (T5): one check per
/// criterion 1–10 (met if listed), then the commune's applicable criteria;
/// passed only if all are met (boolean AND).
#[must_use]
pub fn model_area(m: &ModelAreaAssessment) -> ModelAreaOutcome {
    let mut checks: Vec<Check> = (1..=MODEL_AREA_CRITERIA)
        .map(|c| {
            check(
                m.criteria_met.contains(&c),
                &fr::MODEL_AREA_CRITERION,
                &[i64::from(c)],
            )
        })
        .collect();
    checks.push(check(m.commune_criteria_met, &fr::MODEL_AREA_COMMUNE, &[]));
    ModelAreaOutcome {
        passed: checks.iter().all(|c| c.status == CheckStatus::Met),
        checks,
    }
}

/// Consecutive years of the "Gia đình văn hóa" title for a certificate of
/// merit (T4, [V]).
pub const FAMILY_CERTIFICATE_YEARS: u32 = 3;

/// The years in which a household earns the certificate (T4): scanning its
/// title years in order, every run of [`FAMILY_CERTIFICATE_YEARS`] consecutive
/// years not yet counted earns one in its last year, and those years are not
/// counted again.
#[must_use]
pub fn certificate_years(years: &[i32]) -> Vec<i32> {
    let mut ys = years.to_vec();
    ys.sort_unstable();
    ys.dedup();
    let (mut out, mut run, mut prev) = (Vec::new(), 0u32, None::<i32>);
    for y in ys {
        run = if prev.is_some_and(|p| p.checked_add(1) == Some(y)) {
            run + 1
        } else {
            1
        };
        if run == FAMILY_CERTIFICATE_YEARS {
            out.push(y);
            run = 0;
        }
        prev = Some(y);
    }
    out
}

/// The certificates of `record`'s year (T4), from the records of the same area
/// (`history`, any order) that list their households; `None` if `record` lists none.
#[must_use]
pub fn family_certificates(record: &AreaYear, history: &[&AreaYear]) -> Option<FamilyCertificates> {
    if record.cultured_family_households.is_empty() {
        return None;
    }
    let households: Vec<String> = record
        .cultured_family_households
        .iter()
        .filter(|h| {
            let years: Vec<i32> = history
                .iter()
                .filter(|r| r.area == record.area && r.year <= record.year)
                .filter(|r| r.cultured_family_households.contains(h))
                .map(|r| r.year)
                .collect();
            certificate_years(&years).last() == Some(&record.year)
        })
        .cloned()
        .collect();
    let finding = Finding::new(
        &fr::FAMILY_CERTIFICATES,
        Effect::Noted,
        &[
            i64::try_from(households.len()).unwrap_or(i64::MAX),
            i64::try_from(record.cultured_family_households.len()).unwrap_or(i64::MAX),
            i64::from(FAMILY_CERTIFICATE_YEARS),
        ],
    );
    Some(FamilyCertificates {
        households,
        finding,
    })
}

/// The outcome of one area.
#[must_use]
pub fn area_outcome(
    area: &str,
    commune: Option<String>,
    models: &[&SelfManagementModel],
    fest: Option<&UnityFestival>,
    year_record: Option<&AreaYear>,
    end: Date,
    p: &FrontPolicy,
) -> AreaOutcome {
    let (counts, model_findings) = count_models(models, end, p.model_min_months);
    let checks = year_record
        .and_then(|r| r.survey.map(|s| survey_checks(&s, r.households, p)))
        .unwrap_or_default();
    let survey_passed =
        (!checks.is_empty()).then(|| checks.iter().all(|c| c.status == CheckStatus::Met));
    AreaOutcome {
        area: area.to_owned(),
        commune,
        models: counts,
        model_findings,
        festival: fest.map(|f| festival(f, p)),
        cultured_families: year_record.map(|r| Ratio {
            numerator: u64::from(r.cultured_families),
            denominator: u64::from(r.households),
        }),
        cultural_title: year_record.map(|r| r.cultural_title),
        survey_coverage: year_record.and_then(|r| {
            r.survey.map(|s| Ratio {
                numerator: u64::from(s.ballots_returned),
                denominator: u64::from(r.households),
            })
        }),
        satisfaction: year_record.and_then(|r| {
            r.survey.map(|s| Ratio {
                numerator: u64::from(s.satisfied),
                denominator: u64::from(s.valid_ballots),
            })
        }),
        survey_checks: checks,
        survey_passed,
        model_area: year_record.and_then(|r| r.model_area.as_ref().map(model_area)),
        family_certificates: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::parse_iso_date;

    fn fest(day: &str) -> UnityFestival {
        UnityFestival {
            area: "a".into(),
            year: 2025,
            held_on: parse_iso_date(day),
            ceremony: true,
            festivities: true,
            commended_households: 0,
            commended_individuals: 0,
            houses_handed_over: 0,
        }
    }

    #[test]
    fn the_festival_window_is_1_to_18_november() {
        let p = FrontPolicy::default();
        for (day, ok) in [
            ("2025-10-31", false),
            ("2025-11-01", true),
            ("2025-11-18", true),
            ("2025-11-19", false),
        ] {
            let f = festival(&fest(day), &p);
            assert_eq!(f.complete, ok, "{day}");
            assert_eq!(f.checks[0].finding.rule().id, "front.f2.window");
            assert_eq!(f.checks[0].status == CheckStatus::Met, ok, "{day}");
        }
        let mut f = fest("2025-11-10");
        f.festivities = false;
        let out = festival(&f, &p);
        assert!(!out.complete);
        assert_eq!(out.checks[2].status, CheckStatus::Failed);
        f.held_on = None;
        assert_eq!(
            festival(&f, &p).checks[0].finding.rule().id,
            "front.f1.not_held"
        );
    }

    #[test]
    fn a_certificate_every_three_consecutive_years_none_counted_twice() {
        // front-rating.md §4.2 T4.
        assert_eq!(certificate_years(&[2019, 2020, 2021]), [2021]);
        assert_eq!(certificate_years(&[2019, 2020, 2021, 2022]), [2021]);
        assert_eq!(
            certificate_years(&[2019, 2020, 2021, 2022, 2023, 2024]),
            [2021, 2024]
        );
        assert_eq!(
            certificate_years(&[2019, 2020, 2022, 2023]),
            Vec::<i32>::new()
        );
        assert_eq!(certificate_years(&[2023, 2021, 2022, 2022]), [2023]);
    }

    #[test]
    fn a_model_launched_under_12_months_ago_is_too_new() {
        let end = parse_iso_date("2025-12-31").unwrap();
        let mut m = SelfManagementModel {
            id: "m".into(),
            area: "a".into(),
            year: 2025,
            field: crate::front::data::ModelField::PublicOrder,
            name: None,
            launched_on: parse_iso_date("2025-01-01"),
            assessment: Some(ModelAssessment::Effective),
        };
        assert_eq!(model_status(&m, end, 12).0, ModelAssessment::TooNew);
        m.launched_on = parse_iso_date("2024-12-31");
        assert_eq!(model_status(&m, end, 12).0, ModelAssessment::Effective);
        m.assessment = None;
        assert_eq!(model_status(&m, end, 12).0, ModelAssessment::TooNew);
    }
}
