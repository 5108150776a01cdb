//! The embedded sample contains every kind of case the rules distinguish
//! (the rating issue's requirement for the main job): not-rated members of each
//! reason, KHTNV triggers, mitigation left to the competent level and decided,
//! earlier-year faults, quota overflow, a score that matches no level, proposals
//! the rules do not allow, and the year 2024 under Quy định 124.

#![allow(clippy::unwrap_used, reason = "test helpers outside #[test] functions")]

use xeploai::outcome::{NotRatedReason, Outcome};
use xeploai::report::{Report, SubjectKind};
use xeploai::{Level, Policy, Regime};

fn rate(year: i32) -> Report {
    let g = xeploai::sample::graph().unwrap();
    xeploai::run::rate(&g, year, None, &Policy::default()).unwrap()
}

fn members(r: &Report) -> impl Iterator<Item = Outcome> + '_ {
    r.outcomes
        .iter()
        .filter(|o| o.kind() == SubjectKind::Member)
        .map(|o| o.outcome())
}

fn any_rule(r: &Report, fragment: &str) -> bool {
    members(r).any(|o| o.findings().iter().any(|f| f.rule().id.contains(fragment)))
}

#[test]
fn the_2025_sample_has_every_kind_of_case() {
    let r = rate(2025);
    assert_eq!(r.regime, Regime::Qd366_2025);
    for reason in [
        NotRatedReason::Exempt,
        NotRatedReason::Suspended,
        NotRatedReason::AdmittedUnderSixMonths,
        NotRatedReason::NoEvaluation,
    ] {
        assert!(
            r.total.members.not_rated.get(&reason).copied().unwrap_or(0) > 0,
            "no member not rated as {reason:?}"
        );
    }
    for level in Level::ALL {
        assert!(
            r.total.members.by_level.get(&level).copied().unwrap_or(0) > 0,
            "no member rated {level:?}"
        );
    }
    // Triggers: discipline, degradation, prohibited acts, tasks not done.
    for rule in [
        ".t_i1.discipline",
        ".t_i1.degradation",
        ".t_i1.prohibited_acts",
        ".t_i2",
        "score_below_50",
    ] {
        assert!(any_rule(&r, rule), "no member with {rule}");
    }
    // A leader's trigger or a head after a KHTNV collective.
    assert!(any_rule(&r, ".t_l"), "no leader trigger");
    // Mitigation: open and decided; an earlier-year fault.
    let points: Vec<_> = r
        .discretion
        .iter()
        .map(|d| (d.point, d.decided.is_some()))
        .collect();
    assert!(
        points.contains(&("mitigation", false)),
        "no open mitigation"
    );
    assert!(
        points.contains(&("mitigation", true)),
        "no decided mitigation"
    );
    assert!(
        points.iter().any(|(p, _)| *p == "earlier_fault"),
        "no earlier-year fault"
    );
    // A score that matches no level.
    assert!(points.iter().any(|(p, _)| *p == "gap"), "no gap");
    // Quota overflow, and a group with the 25 % exception.
    assert!(
        r.quotas.iter().any(|q| !q.demoted.is_empty()),
        "no quota overflow"
    );
    assert!(
        r.quotas.iter().any(|q| q.percent == 25),
        "no outstanding group"
    );
    assert!(members(&r).any(|o| matches!(o, Outcome::Rated(x) if x.quota_demoted)));
    // Proposals the rules do not allow.
    assert!(r.discrepancies.iter().any(|d| d.kind == "above_allowed"));
    // Organisations are rated too, at more than one level.
    let orgs: Vec<_> = r
        .outcomes
        .iter()
        .filter(|o| o.kind() == SubjectKind::Organisation)
        .filter_map(|o| o.level())
        .collect();
    assert!(orgs.len() > 100);
    assert!(
        orgs.contains(&Level::Excellent)
            && orgs.contains(&Level::Good)
            && orgs.contains(&Level::NotCompleted)
    );
}

#[test]
fn the_2024_sample_is_rated_under_quy_dinh_124() {
    let r = rate(2024);
    assert_eq!(r.regime, Regime::Qd124_2023);
    assert!(r.total.members.rated > 2000, "{}", r.total.members.rated);
    for level in Level::ALL {
        assert!(
            r.total.members.by_level.get(&level).copied().unwrap_or(0) > 0,
            "no member rated {level:?} in 2024"
        );
    }
    assert!(members(&r)
        .flat_map(|o| o.findings().to_vec())
        .all(|f| !f.rule().id.starts_with("qd366.")));
    assert!(members(&r)
        .flat_map(|o| o.findings().to_vec())
        .any(|f| f.rule().id.starts_with("qd124.")));
}
