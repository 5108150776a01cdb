//! The current regime, Quy định 366-QĐ/TW + Hướng dẫn 43-HD/BTCTW (rating year
//! 2025 on): one test per verified rule of party-rating.md §4 and §5, the
//! synthetic fixture of §12 under the three quota readings, the policy settings
//! of DESIGN §5, the verification of proposals and the explanations.
//!
//! Every test names the section of party-rating.md it checks and asserts the
//! rule id of the finding that decided the level.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "tests fail loudly"
)]

mod common;

use common::{
    assert_decided_by, assert_finding, assert_no_rule, excellent_tasks, findings_of, good_tasks,
    level, not_rated_reason, outcome, policy, rated, tasks, Fx,
};
use serde_json::json;
use xeploai::explain::Effect;
use xeploai::outcome::NotRatedReason;
use xeploai::{Lang, Level, Policy, Report};

// Rule ids of Quy định 366 and of the library (core/src/rules/qd366.rs, common.rs).
const EXEMPT: &str = "qd366.art5.k2.exempt";
const SUSPENDED: &str = "qd366.art5.k2.suspended";
const NEW_MEMBER: &str = "qd366.art5.k2.new_member";
const BELOW_50: &str = "qd366.art11.k4.score_below_50";
const BAND_EXCELLENT: &str = "qd366.art11.k1.band";
const BAND_GOOD: &str = "qd366.art11.k2.band";
const BAND_COMPLETED: &str = "qd366.art11.k3.band";
const X_TASKS: &str = "qd366.art11.k1.tasks";
const X_PRIOR: &str = "qd366.art11.k1.prior_shortcomings";
const X_LED: &str = "qd366.art11.k1.led_units";
const X_NO_DISCIPLINE: &str = "qd366.art11.k1.no_discipline";
const G_TASKS: &str = "qd366.art11.k2.tasks";
const C_TASKS: &str = "qd366.art11.k3.tasks";
const GAP: &str = "qd366.art11.gap";
const T_C1: &str = "qd366.art11.k4.p4_1.t_c1";
const T_C2: &str = "qd366.art11.k4.p4_1.t_c2";
const T_C3: &str = "qd366.art11.k4.p4_1.t_c3";
const T_C4_TASKS: &str = "qd366.art11.k4.p4_1.t_c4.tasks";
const T_C4_INDICATORS: &str = "qd366.art11.k4.p4_1.t_c4.indicators";
const T_L1_TASKS: &str = "qd366.art11.k4.p4_2.t_l1.tasks";
const T_L1_INDICATORS: &str = "qd366.art11.k4.p4_2.t_l1.indicators";
const T_L1_LED_UNITS: &str = "qd366.art11.k4.p4_2.t_l1.led_units";
const T_L1_HEAD: &str = "qd366.art11.k4.p4_2.t_l1.head";
const T_L2: &str = "qd366.art11.k4.p4_2.t_l2";
const T_L3: &str = "qd366.art11.k4.p4_2.t_l3";
const T_L4: &str = "qd366.art11.k4.p4_2.t_l4";
const T_L5: &str = "qd366.art11.k4.p4_2.t_l5";
const T_I1_DEGRADATION: &str = "qd366.art11.k4.p4_3.t_i1.degradation";
const T_I1_DISCIPLINE: &str = "qd366.art11.k4.p4_3.t_i1.discipline";
const T_I1_PROHIBITED: &str = "qd366.art11.k4.p4_3.t_i1.prohibited_acts";
const T_I1_EXEMPLARY: &str = "qd366.art11.k4.p4_3.t_i1.exemplary_duty";
const T_I2: &str = "qd366.art11.k4.p4_3.t_i2";
const EARLIER_FAULT: &str = "qd366.art11.k4.earlier_fault";
const QUOTA_GRANTED: &str = "qd366.art11.k1.quota.granted";
const QUOTA_DEMOTED: &str = "qd366.art11.k1.quota.demoted";
const EXCEPTION_25: &str = "qd366.art11.k1.quota.exception_25";
const AGG_QD132: &str = "hd21.ii_b_1_3.distribution";
const CIVIL_SERVANT_CAP: &str = "lib.civil_servant_cap";
const HEAD_CAP: &str = "lib.head_capped_by_collective";

/// Cell `C` rated at 80 points with every task on time, review meeting on
/// 2025-12-05, and four members `f01..f04` at HTTNV so that one HTXSNV fits
/// the default quota group (reading C: ⌊20 % × 5⌋ = 1).
fn base() -> Fx {
    let mut fx = Fx::new();
    fx.cell("C");
    fx.eval("C", 800, good_tasks())["review_meeting"] = json!("2025-12-05");
    fx.fillers("C", "f", 4);
    fx
}

fn discretion_points(r: &Report, id: &str) -> Vec<(String, String, Level, Option<Level>)> {
    rated(r, id)
        .discretion
        .iter()
        .map(|d| {
            (
                d.point.to_string(),
                d.rule.to_string(),
                d.default,
                d.decided,
            )
        })
        .collect()
}

// ===========================================================================
// §4 Eligibility
// ===========================================================================

/// §4 E1 (366 Art. 5 k2 đ2.1): a member exempted from party work and
/// activities on the reference date is not rated and is absent from every count.
#[test]
fn e1_exempt_member_is_not_rated_and_counted_nowhere() {
    let mut fx = base();
    fx.rated_member("old", "C", 950, excellent_tasks());
    fx.membership("old")["statuses"] = json!([{"kind": "exempt", "from": "2024-01-01"}]);
    // Exempt only in the first half of the year: rated (the status on the reference date counts).
    fx.rated_member("back", "C", 800, good_tasks());
    fx.membership("back")["statuses"] =
        json!([{"kind": "exempt", "from": "2025-01-01", "to": "2025-06-30"}]);
    let r = fx.rate_default();

    assert_eq!(not_rated_reason(&r, "old"), NotRatedReason::Exempt);
    assert_decided_by(&r, "old", EXEMPT);
    assert_eq!(level(&r, "back"), Some(Level::Good));
    assert_finding(&r, "back", G_TASKS, Effect::Met);

    // On the roll, but in no numerator or denominator.
    let m = &r.total.members;
    assert_eq!(m.on_roll, 6);
    assert_eq!(m.rated, 5);
    assert_eq!(m.not_rated.get(&NotRatedReason::Exempt), Some(&1));
    assert_eq!(m.by_level.values().sum::<u32>(), 5);
    // The exempt member's 95 points and tasks made no candidate.
    assert!(r.quotas.iter().all(|q| q.candidates == 0), "{:?}", r.quotas);
}

/// §4 E2 (366 Art. 5 k2 đ2.1): a member suspended from party activities is not
/// rated; §4 E4 (43-HD §7.7): one suspended from committee activities still is.
#[test]
fn e2_suspended_member_is_not_rated() {
    let mut fx = base();
    fx.rated_member("susp", "C", 850, good_tasks());
    fx.membership("susp")["statuses"] =
        json!([{"kind": "suspended", "from": "2025-09-01", "to": "2026-02-28"}]);
    fx.rated_member("csusp", "C", 850, good_tasks());
    fx.membership("csusp")["statuses"] =
        json!([{"kind": "committee_suspended", "from": "2025-09-01"}]);
    let r = fx.rate_default();

    assert_eq!(not_rated_reason(&r, "susp"), NotRatedReason::Suspended);
    assert_decided_by(&r, "susp", SUSPENDED);
    assert_eq!(level(&r, "csusp"), Some(Level::Good));
    assert_finding(&r, "csusp", G_TASKS, Effect::Met);
    assert_eq!(
        r.total.members.not_rated.get(&NotRatedReason::Suspended),
        Some(&1)
    );
    assert_eq!(r.total.members.rated, 5);
}

/// §4 E3 (366 Art. 5 k2 đ2.1) with the exact boundary of 6 calendar months
/// (`add_months(admitted_on, 6) > reference`): admitted 2025-06-05 reaches 6
/// months on the review meeting of 2025-12-05 and is rated; admitted a day
/// later is not. Probationary members past 6 months are rated [D].
#[test]
fn e3_six_calendar_months_exact_boundary() {
    let mut fx = base();
    fx.rated_member("jun05", "C", 800, good_tasks());
    fx.membership("jun05")["admitted_on"] = json!("2025-06-05");
    fx.membership("jun05")["full_on"] = json!(null);
    fx.membership("jun05")["probationary"] = json!(true);
    fx.rated_member("jun06", "C", 800, good_tasks());
    fx.membership("jun06")["admitted_on"] = json!("2025-06-06");
    fx.membership("jun06")["full_on"] = json!(null);
    fx.membership("jun06")["probationary"] = json!(true);
    let r = fx.rate_default();

    assert_eq!(level(&r, "jun05"), Some(Level::Good));
    assert_eq!(
        not_rated_reason(&r, "jun06"),
        NotRatedReason::AdmittedUnderSixMonths
    );
    assert_decided_by(&r, "jun06", NEW_MEMBER);
    let f = findings_of(&r, "jun06", NEW_MEMBER);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].1.get("admitted_date"), Some(&20_250_606));
    assert_eq!(f[0].1.get("reference_date"), Some(&20_251_205));
}

/// §14 Q6, the per-run alternative: a fixed reference date for every cell
/// replaces the review meeting; a day outside the run's window falls back to
/// 31 December.
#[test]
fn e3_with_a_fixed_reference_date() {
    let mut fx = base();
    fx.rated_member("jun06", "C", 800, good_tasks());
    fx.membership("jun06")["admitted_on"] = json!("2025-06-06");
    fx.membership("jun06")["full_on"] = json!(null);
    fx.membership("jun06")["probationary"] = json!(true);
    // The cell's review meeting is 2025-12-05: not rated (see the test above).
    assert_eq!(
        not_rated_reason(&fx.rate_default(), "jun06"),
        NotRatedReason::AdmittedUnderSixMonths
    );
    // A fixed day for the run, 2025-12-06: 6 months have passed, rated.
    let r = fx.rate_with(r#"{"reference_date": {"fixed": "2025-12-06"}}"#);
    assert_eq!(level(&r, "jun06"), Some(Level::Good));
    // A fixed day within the window (15 January of the next year) is honoured,
    // one outside it falls back to 31 December (also rated).
    let r = fx.rate_with(r#"{"reference_date": {"fixed": "2025-11-30"}}"#);
    assert_eq!(
        not_rated_reason(&r, "jun06"),
        NotRatedReason::AdmittedUnderSixMonths
    );
    let f = findings_of(&r, "jun06", NEW_MEMBER);
    assert_eq!(f[0].1.get("reference_date"), Some(&20_251_130));
    let r = fx.rate_with(r#"{"reference_date": {"fixed": "2024-11-30"}}"#);
    assert_eq!(level(&r, "jun06"), Some(Level::Good));
}

/// §4 E3: calendar months, not days. Admitted 2025-03-01, reviewed 2025-08-31:
/// 183 days have passed but not 6 calendar months (that is 2025-09-01), so not
/// rated; admitted 2025-02-28, 6 months fall on 2025-08-28: rated. At a month
/// end the months clamp: 2025-05-31 + 6 months = 2025-11-30.
#[test]
fn e3_counts_calendar_months_not_days() {
    let mut fx = Fx::new();
    fx.cell("AUG");
    fx.eval("AUG", 800, good_tasks())["review_meeting"] = json!("2025-08-31");
    fx.fillers("AUG", "a", 3);
    fx.rated_member("mar01", "AUG", 800, good_tasks());
    fx.membership("mar01")["admitted_on"] = json!("2025-03-01");
    fx.rated_member("feb28", "AUG", 800, good_tasks());
    fx.membership("feb28")["admitted_on"] = json!("2025-02-28");
    fx.cell("NOV");
    fx.eval("NOV", 800, good_tasks())["review_meeting"] = json!("2025-11-30");
    fx.fillers("NOV", "n", 3);
    fx.rated_member("may31", "NOV", 800, good_tasks());
    fx.membership("may31")["admitted_on"] = json!("2025-05-31");
    fx.rated_member("jun01", "NOV", 800, good_tasks());
    fx.membership("jun01")["admitted_on"] = json!("2025-06-01");
    for m in ["mar01", "feb28", "may31", "jun01"] {
        fx.membership(m)["full_on"] = json!(null);
    }
    let r = fx.rate_default();

    assert_eq!(
        not_rated_reason(&r, "mar01"),
        NotRatedReason::AdmittedUnderSixMonths
    );
    assert_decided_by(&r, "mar01", NEW_MEMBER);
    assert_eq!(level(&r, "feb28"), Some(Level::Good));
    assert_eq!(level(&r, "may31"), Some(Level::Good));
    assert_eq!(
        not_rated_reason(&r, "jun01"),
        NotRatedReason::AdmittedUnderSixMonths
    );
}

/// §4 E3 and §14 Q6 (DESIGN §5): the reference date is the cell's review
/// meeting, else 31 December; the policy `reference_date: end_of_year` uses 31
/// December. The same date decides the exemption status (E1).
#[test]
fn e3_reference_date_policy_review_meeting_or_end_of_year() {
    let mut fx = base();
    // In C (review meeting 2025-12-05).
    fx.rated_member("jun20", "C", 800, good_tasks());
    fx.membership("jun20")["admitted_on"] = json!("2025-06-20");
    fx.membership("jun20")["full_on"] = json!(null);
    fx.rated_member("ex10", "C", 800, good_tasks());
    fx.membership("ex10")["statuses"] =
        json!([{"kind": "exempt", "from": "2025-01-01", "to": "2025-12-10"}]);
    // In D, which records no review meeting: 31 December.
    fx.cell("D");
    fx.eval("D", 800, good_tasks());
    fx.fillers("D", "d", 3);
    fx.rated_member("d-jun20", "D", 800, good_tasks());
    fx.membership("d-jun20")["admitted_on"] = json!("2025-06-20");
    fx.membership("d-jun20")["full_on"] = json!(null);

    let by_meeting = fx.rate_default();
    assert_eq!(
        not_rated_reason(&by_meeting, "jun20"),
        NotRatedReason::AdmittedUnderSixMonths
    );
    let f = findings_of(&by_meeting, "jun20", NEW_MEMBER);
    assert_eq!(f[0].1.get("reference_date"), Some(&20_251_205));
    assert_eq!(
        not_rated_reason(&by_meeting, "ex10"),
        NotRatedReason::Exempt
    );
    assert_decided_by(&by_meeting, "ex10", EXEMPT);
    assert_eq!(level(&by_meeting, "d-jun20"), Some(Level::Good));

    let by_year_end = fx.rate_with(r#"{"reference_date": "end_of_year"}"#);
    assert_eq!(level(&by_year_end, "jun20"), Some(Level::Good));
    assert_eq!(level(&by_year_end, "ex10"), Some(Level::Good));
    assert_eq!(level(&by_year_end, "d-jun20"), Some(Level::Good));
    assert_finding(&by_year_end, "jun20", G_TASKS, Effect::Met);
}

// ===========================================================================
// §5.2 Bands and conditions
// ===========================================================================

/// §5.2 score bands and §13.2: 89.9 points is HTTNV, never rounded up to 90,
/// even with every HTXSNV task condition met; 90.0 is HTXSNV.
#[test]
fn band_89_9_is_httnv_not_rounded() {
    let mut fx = base();
    fx.rated_member("s899", "C", 899, excellent_tasks());
    fx.rated_member("s900", "C", 900, excellent_tasks());
    let r = fx.rate_default();

    assert_eq!(level(&r, "s899"), Some(Level::Good));
    let band = findings_of(&r, "s899", BAND_GOOD);
    assert_eq!(band.len(), 1);
    assert_eq!(band[0].1.get("score"), Some(&899));
    assert_finding(&r, "s899", G_TASKS, Effect::Met);
    assert_no_rule(&r, "s899", BAND_EXCELLENT);
    assert_eq!(rated(&r, "s899").score, Some(899));

    assert_eq!(level(&r, "s900"), Some(Level::Excellent));
    assert_finding(&r, "s900", BAND_EXCELLENT, Effect::Noted);
    assert_finding(&r, "s900", X_TASKS, Effect::Met);
    assert_finding(&r, "s900", QUOTA_GRANTED, Effect::Met);
}

/// §5.2 and §5.3 (366 Art. 11 k4): under 50 points is KHTNV whatever the
/// tasks; 50.0 is the HTNV band; 69.9 HTNV; 70.0 HTTNV.
#[test]
fn score_below_50_is_khtnv_and_the_lower_bands() {
    let mut fx = base();
    fx.rated_member("s499", "C", 499, excellent_tasks());
    fx.rated_member("s0", "C", 0, excellent_tasks());
    fx.rated_member("s500", "C", 500, good_tasks());
    fx.rated_member("s699", "C", 699, good_tasks());
    fx.rated_member("s700", "C", 700, good_tasks());
    let r = fx.rate_default();

    assert_eq!(level(&r, "s499"), Some(Level::NotCompleted));
    assert_decided_by(&r, "s499", BELOW_50);
    assert_eq!(
        findings_of(&r, "s499", BELOW_50)[0].1.get("score"),
        Some(&499)
    );
    assert_eq!(level(&r, "s0"), Some(Level::NotCompleted));
    assert_decided_by(&r, "s0", BELOW_50);

    for id in ["s500", "s699"] {
        assert_eq!(level(&r, id), Some(Level::Completed), "{id}");
        assert_finding(&r, id, BAND_COMPLETED, Effect::Noted);
        assert_finding(&r, id, C_TASKS, Effect::Met);
    }
    assert_eq!(level(&r, "s700"), Some(Level::Good));
    assert_finding(&r, "s700", BAND_GOOD, Effect::Noted);
    assert_finding(&r, "s700", G_TASKS, Effect::Met);
}

/// §5.2 HTXSNV (366 Art. 11 k1), individual outside the political system: 100 %
/// of tasks on time. One task late at 95 points fails HTXSNV and HTTNV (both
/// need every task on time) and lands on HTNV (late 10 % ≤ 20 %).
#[test]
fn excellent_needs_every_task_on_time() {
    let mut fx = base();
    fx.rated_member("late1", "C", 950, tasks(10, 9, 1, 3));
    let r = fx.rate_default();
    assert_eq!(level(&r, "late1"), Some(Level::Completed));
    assert_finding(&r, "late1", X_TASKS, Effect::Lowered);
    assert_finding(&r, "late1", G_TASKS, Effect::Lowered);
    assert_finding(&r, "late1", C_TASKS, Effect::Met);
}

/// §5.2 HTXSNV: at least 30 % of tasks exceeding, by cross-multiplication
/// (`X × 10 ≥ 3 × A`): 3 of 10 holds, 2 of 10 and 3 of 11 do not (→ HTTNV).
#[test]
fn excellent_needs_30_percent_exceeding_exactly() {
    let mut fx = base();
    fx.fillers("C", "g", 4);
    fx.rated_member("x3of10", "C", 950, tasks(10, 10, 0, 3));
    fx.rated_member("x2of10", "C", 950, tasks(10, 10, 0, 2));
    fx.rated_member("x3of11", "C", 950, tasks(11, 11, 0, 3));
    let r = fx.rate_default();

    assert_eq!(level(&r, "x3of10"), Some(Level::Excellent));
    assert_finding(&r, "x3of10", X_TASKS, Effect::Met);
    for id in ["x2of10", "x3of11"] {
        assert_eq!(level(&r, id), Some(Level::Good), "{id}");
        assert_decided_by(&r, id, X_TASKS);
        assert_finding(&r, id, G_TASKS, Effect::Met);
        assert!(!rated(&r, id).quota_demoted, "{id} was never a candidate");
    }
}

/// §5.2 HTXSNV for every subject: 100 % of the shortcomings identified at the
/// previous review remedied.
#[test]
fn excellent_needs_prior_shortcomings_remedied() {
    let mut fx = base();
    fx.fillers("C", "g", 4);
    fx.rated_member("half", "C", 950, excellent_tasks())["prior_shortcomings"] =
        json!({"identified": 2, "remedied": 1});
    fx.rated_member("all", "C", 950, excellent_tasks())["prior_shortcomings"] =
        json!({"identified": 2, "remedied": 2});
    let r = fx.rate_default();

    assert_eq!(level(&r, "half"), Some(Level::Good));
    assert_decided_by(&r, "half", X_PRIOR);
    let v = &findings_of(&r, "half", X_PRIOR)[0].1;
    assert_eq!((v["identified"], v["remedied"]), (2, 1));
    assert_eq!(level(&r, "all"), Some(Level::Excellent));
    assert_finding(&r, "all", X_PRIOR, Effect::Met);
}

/// §5.2 HTTNV (366 Art. 11 k2): 100 % of tasks on time with quality.
#[test]
fn good_needs_every_task_on_time() {
    let mut fx = base();
    fx.rated_member("ontime", "C", 850, tasks(10, 10, 0, 0));
    fx.rated_member("onelate", "C", 850, tasks(10, 9, 1, 0));
    let r = fx.rate_default();
    assert_eq!(level(&r, "ontime"), Some(Level::Good));
    assert_finding(&r, "ontime", G_TASKS, Effect::Met);
    assert_eq!(level(&r, "onelate"), Some(Level::Completed));
    assert_decided_by(&r, "onelate", G_TASKS);
    assert_finding(&r, "onelate", C_TASKS, Effect::Met);
}

/// §5.2 HTNV (366 Art. 11 k3): 100 % of tasks done and at most 20 % late
/// (`late × 5 ≤ assigned`). 1 late of 5 holds; 2 late of 5, or one task not
/// done, meet no level: the gap of §14 Q1, KHTNV by default.
#[test]
fn completed_needs_all_done_and_at_most_20_percent_late() {
    let mut fx = base();
    fx.rated_member("late20", "C", 600, tasks(5, 4, 1, 0));
    fx.rated_member("late40", "C", 600, tasks(5, 3, 2, 0));
    fx.rated_member("undone", "C", 600, tasks(5, 4, 0, 0));
    let r = fx.rate_default();

    assert_eq!(level(&r, "late20"), Some(Level::Completed));
    assert_finding(&r, "late20", C_TASKS, Effect::Met);
    for id in ["late40", "undone"] {
        assert_eq!(level(&r, id), Some(Level::NotCompleted), "{id}");
        assert_finding(&r, id, C_TASKS, Effect::Lowered);
        assert_decided_by(&r, id, GAP);
        assert_no_rule(&r, id, T_I2);
    }
}

/// §14 Q1 (DESIGN §5): a score ≥ 50 with no level's conditions is KHTNV by
/// default with a discretion record; the preset `gap-completed` gives HTNV;
/// a recorded decision at the point `gap` replaces the default.
#[test]
fn gap_default_preset_and_recorded_decision() {
    let mut fx = base();
    fx.rated_member("gap", "C", 800, tasks(4, 2, 2, 0));
    let r = fx.rate_default();
    assert_eq!(level(&r, "gap"), Some(Level::NotCompleted));
    assert_decided_by(&r, "gap", GAP);
    assert!(rated(&r, "gap").provisional);
    assert_eq!(
        discretion_points(&r, "gap"),
        vec![("gap".into(), GAP.into(), Level::NotCompleted, None)]
    );
    assert!(r
        .discretion
        .iter()
        .any(|d| d.subject == "gap" && d.point == "gap" && d.decided.is_none()));

    let r = fx.rate(&Policy::preset("gap-completed").unwrap());
    assert_eq!(level(&r, "gap"), Some(Level::Completed));
    assert_decided_by(&r, "gap", GAP);
    assert!(rated(&r, "gap").provisional);

    fx.decision("gap", "gap", "completed");
    let r = fx.rate_default();
    assert_eq!(level(&r, "gap"), Some(Level::Completed));
    assert!(!rated(&r, "gap").provisional);
    assert_eq!(
        discretion_points(&r, "gap"),
        vec![(
            "gap".into(),
            GAP.into(),
            Level::NotCompleted,
            Some(Level::Completed)
        )]
    );
}

/// §5.2 HTXSNV of a leader (366 Art. 11 k1): the units they directly lead
/// complete 100 % of tasks with ≥ 30 % exceeding.
#[test]
fn leader_excellent_needs_led_units_excellent() {
    let mut fx = base();
    for (id, led) in [
        ("lead-ok", Some(excellent_tasks())),
        ("lead-2of10", Some(tasks(10, 10, 0, 2))),
        ("lead-none", None),
    ] {
        fx.rated_member(id, "C", 950, excellent_tasks());
        if let Some(led) = led {
            fx.evaluation(id)["leader"] = json!({"led_tasks": led});
        }
        fx.membership(id)["category"] = json!("leader");
    }
    // One group with room for one HTXSNV: 3 leaders + 4 fillers + 3 more.
    fx.fillers("C", "g", 3);
    let subjects = [
        "lead-ok",
        "lead-2of10",
        "lead-none",
        "f01",
        "f02",
        "f03",
        "f04",
        "g01",
        "g02",
        "g03",
    ];
    fx.quota_group("leaders", &subjects, false);
    let r = fx.rate_default();

    assert_eq!(level(&r, "lead-ok"), Some(Level::Excellent));
    assert_finding(&r, "lead-ok", X_LED, Effect::Met);
    for id in ["lead-2of10", "lead-none"] {
        assert_eq!(level(&r, id), Some(Level::Good), "{id}");
        assert_decided_by(&r, id, X_LED);
    }
}

/// §5.2 HTXSNV of a collective (366 Art. 11 k1): no member of the leadership
/// collective and no subordinate organisation disciplined in the year (any
/// discipline, not only a duty-related one, which would be T-C2).
#[test]
fn collective_excellent_needs_no_discipline() {
    let mut fx = Fx::new();
    fx.peer_cells("P", 4);
    fx.cell("CLEAN");
    fx.eval("CLEAN", 950, excellent_tasks());
    fx.fillers("CLEAN", "c", 3);
    fx.cell("DISC");
    fx.eval("DISC", 950, excellent_tasks());
    fx.fillers("DISC", "d", 3);
    fx.post("d01", "DISC", "committee_member");
    fx.discipline("d01", "reprimand", "2025-04-02", false);
    let r = fx.rate_default();

    assert_eq!(level(&r, "CLEAN"), Some(Level::Excellent));
    assert_finding(&r, "CLEAN", X_NO_DISCIPLINE, Effect::Met);
    assert_eq!(level(&r, "DISC"), Some(Level::Good));
    assert_decided_by(&r, "DISC", X_NO_DISCIPLINE);
    assert_no_rule(&r, "DISC", T_C2);
    let v = &findings_of(&r, "DISC", X_NO_DISCIPLINE)[0].1;
    assert_eq!(v["leadership_disciplined"], 1);

    // A subordinate organisation disciplined: the commune's committee cannot be HTXSNV.
    let mut fx2 = fx.clone();
    fx2.eval("G", 950, excellent_tasks());
    fx2.discipline("DISC", "reprimand", "2025-05-05", true);
    let r = fx2.rate_with(r#"{"quota_rounding": "ceil"}"#);
    assert_eq!(level(&r, "G"), Some(Level::Good));
    assert_decided_by(&r, "G", X_NO_DISCIPLINE);
    assert_eq!(
        findings_of(&r, "G", X_NO_DISCIPLINE)[0].1["subordinates_disciplined"],
        1
    );
    // Without it, G is HTXSNV (its group, one committee, has a cap of ⌈0.2⌉ = 1).
    let mut fx3 = fx.clone();
    fx3.eval("G", 950, excellent_tasks());
    let r = fx3.rate_with(r#"{"quota_rounding": "ceil"}"#);
    assert_eq!(level(&r, "G"), Some(Level::Excellent));
    assert_finding(&r, "G", X_NO_DISCIPLINE, Effect::Met);
}

// ===========================================================================
// §5.3 Triggers: collectives (T-C), leaders (T-L), others (T-I)
// ===========================================================================

/// §5.3 T-C1 (366 Art. 11 k4 đ4.1): disunity, factions, or wrongdoing in
/// personnel work concluded → the collective is KHTNV whatever its score.
#[test]
fn t_c1_disunity_or_personnel_wrongdoing() {
    let mut fx = Fx::new();
    fx.peer_cells("P", 4);
    for (cell, kind) in [("DIS", "disunity"), ("PER", "personnel_wrongdoing")] {
        fx.cell(cell);
        fx.eval(cell, 950, excellent_tasks())["conclusions"] = json!([{"kind": kind}]);
    }
    let r = fx.rate_default();
    for cell in ["DIS", "PER"] {
        assert_eq!(level(&r, cell), Some(Level::NotCompleted), "{cell}");
        assert_decided_by(&r, cell, T_C1);
    }
}

/// §5.3 T-C2 (366 Art. 11 k4 đ4.1): a member of the leadership collective
/// disciplined at reprimand or above for a duty-related violation → KHTNV.
/// Not duty-related: no trigger under the literal default.
#[test]
fn t_c2_leadership_member_disciplined_for_duty() {
    let mut fx = Fx::new();
    fx.peer_cells("P", 4);
    fx.cell("DUTY");
    fx.eval("DUTY", 950, excellent_tasks());
    fx.fillers("DUTY", "d", 3);
    fx.post("d02", "DUTY", "deputy_secretary");
    fx.discipline("d02", "warning", "2025-06-15", true);
    fx.cell("PRIV");
    fx.eval("PRIV", 850, good_tasks());
    fx.fillers("PRIV", "p", 3);
    fx.post("p02", "PRIV", "committee_member");
    fx.discipline("p02", "reprimand", "2025-06-15", false);
    let r = fx.rate_default();

    assert_eq!(level(&r, "DUTY"), Some(Level::NotCompleted));
    assert_decided_by(&r, "DUTY", T_C2);
    assert_eq!(findings_of(&r, "DUTY", T_C2)[0].1["form"], 1);
    assert_eq!(level(&r, "PRIV"), Some(Level::Good));
    assert_no_rule(&r, "PRIV", T_C2);
}

/// §5.3 T-C3 (366 Art. 11 k4 đ4.1): a member of the leadership collective
/// concluded to show degradation → KHTNV.
#[test]
fn t_c3_leadership_member_degradation() {
    let mut fx = Fx::new();
    fx.peer_cells("P", 4);
    fx.cell("DEG");
    fx.eval("DEG", 950, excellent_tasks());
    fx.fillers("DEG", "d", 3);
    fx.post("d03", "DEG", "committee_member");
    fx.evaluation("d03")["conclusions"] = json!([{"kind": "degradation", "on": "2025-10-01"}]);
    let r = fx.rate_default();
    assert_eq!(level(&r, "DEG"), Some(Level::NotCompleted));
    assert_decided_by(&r, "DEG", T_C3);
    assert_eq!(findings_of(&r, "DEG", T_C3)[0].1["members"], 1);
    // The member too (T-I1; a committee member of a cell is not a leader by Q4).
    assert_decided_by(&r, "d03", T_I1_DEGRADATION);
}

/// §5.3 T-C4 (366 Art. 11 k4 đ4.1): under 70 % of the year's tasks done
/// (`done × 10 < 7 × assigned`), or the 5 basic indicators failed → KHTNV.
/// Exactly 70 % is no trigger.
#[test]
fn t_c4_tasks_under_70_percent_or_indicators() {
    let mut fx = Fx::new();
    fx.peer_cells("P", 4);
    fx.cell("T60");
    fx.eval("T60", 800, tasks(10, 6, 0, 0));
    fx.cell("T70");
    fx.eval("T70", 800, tasks(10, 7, 0, 0));
    fx.cell("IND");
    fx.eval("IND", 950, excellent_tasks())["leader"] = json!({"basic_indicators_failed": true});
    let r = fx.rate_default();

    assert_eq!(level(&r, "T60"), Some(Level::NotCompleted));
    assert_decided_by(&r, "T60", T_C4_TASKS);
    let v = &findings_of(&r, "T60", T_C4_TASKS)[0].1;
    assert_eq!((v["assigned"], v["done"]), (10, 6));
    assert_no_rule(&r, "T70", T_C4_TASKS);
    assert_decided_by(&r, "T70", GAP);
    assert_eq!(level(&r, "IND"), Some(Level::NotCompleted));
    assert_decided_by(&r, "IND", T_C4_INDICATORS);
}

/// Member `id` in `C`, a leader (membership category), at 95 points with every
/// task condition met.
fn leader(fx: &mut Fx, id: &str, leader_facts: serde_json::Value) {
    fx.rated_member(id, "C", 950, excellent_tasks())["leader"] = leader_facts;
    fx.membership(id)["category"] = json!("leader");
}

/// §5.3 T-L1 (366 Art. 11 k4 đ4.2): the units a leader directly leads
/// completed under 70 % of their tasks, or failed the 5 basic indicators.
#[test]
fn t_l1_led_tasks_under_70_percent_or_indicators() {
    let mut fx = base();
    leader(&mut fx, "l-60", json!({"led_tasks": tasks(10, 6, 0, 0)}));
    leader(&mut fx, "l-70", json!({"led_tasks": tasks(10, 7, 0, 0)}));
    leader(
        &mut fx,
        "l-ind",
        json!({"led_tasks": excellent_tasks(), "basic_indicators_failed": true}),
    );
    let r = fx.rate_default();

    assert_eq!(level(&r, "l-60"), Some(Level::NotCompleted));
    assert_decided_by(&r, "l-60", T_L1_TASKS);
    let v = &findings_of(&r, "l-60", T_L1_TASKS)[0].1;
    assert_eq!((v["assigned"], v["done"]), (10, 6));
    // 70 %: no trigger; the led units' HTXSNV condition fails: HTTNV.
    assert_no_rule(&r, "l-70", T_L1_TASKS);
    assert_eq!(level(&r, "l-70"), Some(Level::Good));
    assert_decided_by(&r, "l-70", X_LED);
    assert_eq!(level(&r, "l-ind"), Some(Level::NotCompleted));
    assert_decided_by(&r, "l-ind", T_L1_INDICATORS);
}

/// §5.3 T-L1 (366 Art. 11 k4 đ4.2): more than 50 % of the localities or units
/// a leader is responsible for are rated KHTNV (the units named in the
/// leader's evaluation, rated in the same run, before the leader: Art. 12 k2).
#[test]
fn t_l1_more_than_half_of_led_units_not_completed() {
    let mut fx = base();
    for (cell, score) in [("U1", 400), ("U2", 400), ("U3", 800), ("U4", 800)] {
        fx.cell(cell);
        fx.eval(cell, score, good_tasks());
    }
    // 2 of 3 KHTNV: over half. 1 of 2: exactly half, no trigger.
    leader(
        &mut fx,
        "l-2of3",
        json!({"led_units": ["U1", "U2", "U3"], "led_tasks": excellent_tasks()}),
    );
    leader(
        &mut fx,
        "l-1of2",
        json!({"led_units": ["U1", "U4"], "led_tasks": excellent_tasks()}),
    );
    fx.quota_group("l-1of2 alone", &["l-1of2"], false);
    let r = fx.rate_default();

    assert_eq!(level(&r, "U1"), Some(Level::NotCompleted));
    assert_eq!(level(&r, "l-2of3"), Some(Level::NotCompleted));
    assert_decided_by(&r, "l-2of3", T_L1_LED_UNITS);
    let v = &findings_of(&r, "l-2of3", T_L1_LED_UNITS)[0].1;
    assert_eq!((v["led"], v["not_completed"]), (3, 2));
    assert_no_rule(&r, "l-1of2", T_L1_LED_UNITS);
    assert_no_rule(&r, "l-1of2", T_L1_HEAD);
    assert_ne!(level(&r, "l-1of2"), Some(Level::NotCompleted));
}

/// §5.3 T-L1: a unit counts once, even when a leader names it again in
/// `led_units` (1 of 2 listed units KHTNV, U1 listed twice: exactly half).
#[test]
fn t_l1_a_led_unit_named_twice_counts_once() {
    let mut fx = base();
    for (cell, score) in [("U1", 400), ("U4", 800)] {
        fx.cell(cell);
        fx.eval(cell, score, good_tasks());
    }
    leader(
        &mut fx,
        "l-dup",
        json!({"led_units": ["U1", "U1", "U4"], "led_tasks": excellent_tasks()}),
    );
    fx.quota_group("l-dup alone", &["l-dup"], false);
    let r = fx.rate_default();
    assert_eq!(level(&r, "U1"), Some(Level::NotCompleted));
    assert_no_rule(&r, "l-dup", T_L1_LED_UNITS);
    assert_ne!(level(&r, "l-dup"), Some(Level::NotCompleted));
}

/// §5.3 T-L2 (366 Art. 11 k4 đ4.2): more than 50 % low-confidence votes
/// (`low × 2 > total`); exactly half is no trigger.
#[test]
fn t_l2_more_than_half_low_confidence_votes() {
    let mut fx = base();
    leader(
        &mut fx,
        "l-6of10",
        json!({"led_tasks": excellent_tasks(), "confidence_votes": {"low": 6, "total": 10}}),
    );
    leader(
        &mut fx,
        "l-5of10",
        json!({"led_tasks": excellent_tasks(), "confidence_votes": {"low": 5, "total": 10}}),
    );
    let r = fx.rate_default();
    assert_eq!(level(&r, "l-6of10"), Some(Level::NotCompleted));
    assert_decided_by(&r, "l-6of10", T_L2);
    let v = &findings_of(&r, "l-6of10", T_L2)[0].1;
    assert_eq!((v["low"], v["total"]), (6, 10));
    assert_no_rule(&r, "l-5of10", T_L2);
    assert!(level(&r, "l-5of10") >= Some(Level::Good));
}

/// §5.3 T-L3 (366 Art. 11 k4 đ4.2): a leader disciplined at reprimand or above
/// for a duty-related violation → KHTNV (the leader rule, not T-I1).
#[test]
fn t_l3_leader_disciplined_for_duty() {
    let mut fx = base();
    leader(&mut fx, "l-disc", json!({"led_tasks": excellent_tasks()}));
    fx.discipline("l-disc", "reprimand", "2025-08-08", true);
    let r = fx.rate_default();
    assert_eq!(level(&r, "l-disc"), Some(Level::NotCompleted));
    assert_decided_by(&r, "l-disc", T_L3);
    assert_no_rule(&r, "l-disc", T_I1_DISCIPLINE);
}

/// §5.3 T-L4 (366 Art. 11 k4 đ4.2): a leader concluded to show degradation.
#[test]
fn t_l4_leader_degradation() {
    let mut fx = base();
    leader(&mut fx, "l-deg", json!({"led_tasks": excellent_tasks()}));
    fx.evaluation("l-deg")["conclusions"] = json!([{"kind": "degradation"}]);
    let r = fx.rate_default();
    assert_eq!(level(&r, "l-deg"), Some(Level::NotCompleted));
    assert_decided_by(&r, "l-deg", T_L4);
}

/// §5.3 T-L5 (366 Art. 11 k4 đ4.2): corruption, waste or negativity under the
/// leader's direct management, disciplined.
#[test]
fn t_l5_corruption_under_direct_management() {
    let mut fx = base();
    leader(
        &mut fx,
        "l-corr",
        json!({"led_tasks": excellent_tasks(), "managed_corruption_disciplined": true}),
    );
    let r = fx.rate_default();
    assert_eq!(level(&r, "l-corr"), Some(Level::NotCompleted));
    assert_decided_by(&r, "l-corr", T_L5);
}

/// §5.3 T-I1 (366 Art. 11 k4 đ4.3), each kind: degradation; discipline at
/// reprimand or above for a duty-related violation; the prohibited acts; the
/// exemplary duty with bad effect. Each forces KHTNV at 95 points.
#[test]
fn t_i1_each_kind() {
    let mut fx = base();
    for (id, kind) in [
        ("deg", "degradation"),
        ("proh", "prohibited_acts"),
        ("exem", "exemplary_duty"),
    ] {
        fx.rated_member(id, "C", 950, excellent_tasks())["conclusions"] = json!([{"kind": kind}]);
    }
    fx.rated_member("disc", "C", 950, excellent_tasks());
    fx.discipline("disc", "reprimand", "2025-03-03", true);
    // Decided in 2024: counts in 2024, not here.
    fx.rated_member("disc24", "C", 850, good_tasks());
    fx.discipline("disc24", "warning", "2024-12-30", true);
    let r = fx.rate_default();

    for (id, rule) in [
        ("deg", T_I1_DEGRADATION),
        ("proh", T_I1_PROHIBITED),
        ("exem", T_I1_EXEMPLARY),
        ("disc", T_I1_DISCIPLINE),
    ] {
        assert_eq!(level(&r, id), Some(Level::NotCompleted), "{id}");
        assert_decided_by(&r, id, rule);
        assert!(
            !rated(&r, id).provisional,
            "{id}: no discretion without mitigation"
        );
    }
    assert_eq!(findings_of(&r, "disc", T_I1_DISCIPLINE)[0].1["form"], 0);
    assert_eq!(level(&r, "disc24"), Some(Level::Good));
    assert_no_rule(&r, "disc24", T_I1_DISCIPLINE);
}

/// §5.3 T-I2 (366 Art. 11 k4 đ4.3): more than 50 % of the year's tasks not
/// done (`not_done × 2 > assigned`); exactly half is no trigger (but the gap).
#[test]
fn t_i2_more_than_half_of_tasks_not_done() {
    let mut fx = base();
    fx.rated_member("nd3of4", "C", 800, tasks(4, 1, 0, 0));
    fx.rated_member("nd2of4", "C", 800, tasks(4, 2, 0, 0));
    let r = fx.rate_default();
    assert_eq!(level(&r, "nd3of4"), Some(Level::NotCompleted));
    assert_decided_by(&r, "nd3of4", T_I2);
    let v = &findings_of(&r, "nd3of4", T_I2)[0].1;
    assert_eq!((v["assigned"], v["not_done"]), (4, 3));
    assert!(!rated(&r, "nd3of4").provisional);
    assert_no_rule(&r, "nd2of4", T_I2);
    assert_decided_by(&r, "nd2of4", GAP);
}

/// §5.3 mitigation (đ4.3: admitted of their own accord, detected and
/// remedied) and §13.4: the competent level decides; the library applies
/// KHTNV by default, provisional, with a `mitigation` discretion record; a
/// recorded decision changes the level.
#[test]
fn mitigation_is_discretion_with_default_khtnv_and_a_decision_changes_it() {
    let mut fx = base();
    fx.rated_member("mit", "C", 850, good_tasks())["conclusions"] =
        json!([{"kind": "prohibited_acts", "mitigated": true}]);
    fx.rated_member("self", "C", 850, good_tasks());
    fx.discipline("self", "reprimand", "2025-02-02", true)["self_detected"] = json!(true);
    let r = fx.rate_default();

    for (id, rule) in [("mit", T_I1_PROHIBITED), ("self", T_I1_DISCIPLINE)] {
        assert_eq!(level(&r, id), Some(Level::NotCompleted), "{id}");
        assert_decided_by(&r, id, rule);
        assert!(rated(&r, id).provisional, "{id}");
        assert_eq!(
            discretion_points(&r, id),
            vec![("mitigation".into(), rule.into(), Level::NotCompleted, None)]
        );
        let d = &rated(&r, id).discretion[0];
        assert!(d.alternatives.contains(Level::Good), "{d:?}");
    }

    fx.decision("mit", "mitigation", "good");
    let r = fx.rate_default();
    assert_eq!(level(&r, "mit"), Some(Level::Good));
    assert!(!rated(&r, "mit").provisional);
    assert_eq!(
        discretion_points(&r, "mit"),
        vec![(
            "mitigation".into(),
            T_I1_PROHIBITED.into(),
            Level::NotCompleted,
            Some(Level::Good)
        )]
    );
    assert!(r
        .discretion
        .iter()
        .any(|d| d.subject == "mit" && d.decided == Some(Level::Good)));
    // The decision is for "mit" only.
    assert_eq!(level(&r, "self"), Some(Level::NotCompleted));
}

/// §5.4 SC1 (366 Art. 11 k4, "một số trường hợp cần lưu ý"): a fault of an
/// earlier year disciplined in this period is weighed by the higher level:
/// discretion `earlier_fault`, KHTNV by default; a decision can change it.
#[test]
fn sc1_earlier_year_fault_is_discretion() {
    let mut fx = base();
    fx.rated_member("old-fault", "C", 850, good_tasks());
    fx.discipline("old-fault", "reprimand", "2025-03-10", true)["violation_year"] = json!(2023);
    let r = fx.rate_default();
    assert_eq!(level(&r, "old-fault"), Some(Level::NotCompleted));
    assert_decided_by(&r, "old-fault", T_I1_DISCIPLINE);
    // The trigger's finding names the form (a reprimand); the year is the
    // earlier-fault rule's.
    assert_eq!(
        findings_of(&r, "old-fault", T_I1_DISCIPLINE)[0].1["form"],
        0
    );
    let f = findings_of(&r, "old-fault", EARLIER_FAULT);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].1["violation_year"], 2023);
    let en = r.explain("old-fault", Lang::En).unwrap();
    assert!(en.contains("disciplined (reprimand)"), "{en}");
    assert!(rated(&r, "old-fault").provisional);
    assert_eq!(
        discretion_points(&r, "old-fault"),
        vec![(
            "earlier_fault".into(),
            EARLIER_FAULT.into(),
            Level::NotCompleted,
            None
        )]
    );

    fx.decision("old-fault", "earlier_fault", "completed");
    let r = fx.rate_default();
    assert_eq!(level(&r, "old-fault"), Some(Level::Completed));
    assert!(!rated(&r, "old-fault").provisional);
}

/// §5.4 (21-HD; "one violation counts once"): a violation triggers in one
/// rating year only, and once. Disciplined in 2024 and aggravated in 2025: the
/// 2025 decision does not trigger again. Two decisions on one violation in
/// 2025: one trigger.
#[test]
fn one_violation_counts_once() {
    let mut fx = base();
    fx.rated_member("agg", "C", 850, good_tasks());
    fx.discipline("agg", "reprimand", "2024-11-20", true)["violation_id"] = json!("V1");
    fx.discipline("agg", "warning", "2025-02-10", true)["violation_id"] = json!("V1");
    fx.rated_member("twice", "C", 850, good_tasks());
    fx.discipline("twice", "reprimand", "2025-03-01", true)["violation_id"] = json!("V2");
    fx.discipline("twice", "warning", "2025-09-01", true)["violation_id"] = json!("V2");
    fx.rated_member("sameday", "C", 850, good_tasks());
    fx.discipline("sameday", "reprimand", "2025-04-01", true)["violation_id"] = json!("V3");
    fx.discipline("sameday", "reprimand", "2025-04-01", true)["violation_id"] = json!("V3");
    let r = fx.rate_default();

    assert_eq!(level(&r, "agg"), Some(Level::Good));
    assert_no_rule(&r, "agg", T_I1_DISCIPLINE);
    for id in ["twice", "sameday"] {
        assert_eq!(level(&r, id), Some(Level::NotCompleted), "{id}");
        assert_decided_by(&r, id, T_I1_DISCIPLINE);
        assert_eq!(findings_of(&r, id, T_I1_DISCIPLINE).len(), 1, "{id}");
    }
}

/// §5.3 T-I1 with two disciplines in the year (two violations): two findings,
/// in date order, whatever the order of the dataset's records (the report is
/// the same byte for byte).
#[test]
fn two_disciplines_give_the_same_report_in_any_order() {
    let mut fx = base();
    fx.rated_member("two", "C", 850, good_tasks());
    let records = [
        ("warning", "2025-09-01", "VA"),
        ("reprimand", "2025-03-01", "VB"),
    ];
    let rate = |order: &[usize]| {
        let mut fx = fx.clone();
        for &i in order {
            let (form, date, v) = records[i];
            fx.discipline("two", form, date, true)["violation_id"] = json!(v);
        }
        fx.rate_default()
    };
    let (a, b) = (rate(&[0, 1]), rate(&[1, 0]));
    assert_eq!(a.to_json(), b.to_json());
    assert_decided_by(&a, "two", T_I1_DISCIPLINE);
    let forms: Vec<i64> = findings_of(&a, "two", T_I1_DISCIPLINE)
        .iter()
        .map(|f| f.1["form"])
        .collect();
    assert_eq!(
        forms,
        [0, 1],
        "the March reprimand, then the September warning"
    );
}

/// §5.4 one violation counts once, for a collective: two members of the
/// leadership collective disciplined on the same day for the same violation
/// make one T-C2 trigger.
#[test]
fn one_joint_violation_counts_once_for_the_collective() {
    let mut fx = Fx::new();
    fx.peer_cells("P", 4);
    fx.cell("J");
    fx.eval("J", 850, good_tasks());
    fx.fillers("J", "j", 3);
    fx.post("j01", "J", "secretary");
    fx.post("j02", "J", "deputy_secretary");
    for p in ["j01", "j02"] {
        fx.discipline(p, "reprimand", "2025-07-07", true)["violation_id"] = json!("VJ");
    }
    let r = fx.rate_default();
    assert_eq!(level(&r, "J"), Some(Level::NotCompleted));
    assert_decided_by(&r, "J", T_C2);
    assert_eq!(findings_of(&r, "J", T_C2).len(), 1);
}

/// §5.4 SC2: a fault at the old unit disciplined after the move counts in the
/// old unit's rating; the new unit's collective is not held responsible.
#[test]
fn sc2_violation_at_another_unit_counts_there_not_here() {
    let mut fx = Fx::new();
    fx.peer_cells("P", 4);
    for cell in ["OLD", "NEW"] {
        fx.cell(cell);
        fx.eval(cell, 850, good_tasks());
    }
    fx.fillers("OLD", "o", 3);
    fx.fillers("NEW", "n", 3);
    fx.member("mover", "OLD")["to"] = json!("2025-05-31");
    fx.memberships.push(json!({
        "person": "mover", "cell": "NEW", "from": "2025-06-01", "admitted_on": "2000-01-01",
        "full_on": "2001-01-01", "category": "outside_system",
    }));
    fx.eval("mover", 850, good_tasks());
    fx.post("mover", "OLD", "committee_member")["to"] = json!("2025-05-31");
    fx.post("mover", "NEW", "committee_member")["from"] = json!("2025-06-01");
    fx.discipline("mover", "reprimand", "2025-09-09", true)["violation_unit"] = json!("OLD");
    let r = fx.rate_default();

    assert_eq!(level(&r, "OLD"), Some(Level::NotCompleted));
    assert_decided_by(&r, "OLD", T_C2);
    assert_eq!(level(&r, "NEW"), Some(Level::Good));
    assert_no_rule(&r, "NEW", T_C2);
    assert_finding(&r, "NEW", G_TASKS, Effect::Met);
    // The member is rated (at NEW) and the trigger is theirs wherever it happened.
    assert_eq!(r.outcome("mover").unwrap().unit(), Some("NEW"));
    assert_decided_by(&r, "mover", T_I1_DISCIPLINE);
}

/// §5.3 reading note and §14 Q3 (DESIGN §5): by default only duty-related
/// discipline triggers T-I1; the preset `qd124-discipline` makes any
/// discipline at reprimand or above trigger, as under Quy định 124.
#[test]
fn discipline_scope_policy_qd124_discipline() {
    let mut fx = base();
    fx.rated_member("private", "C", 850, good_tasks());
    fx.discipline("private", "reprimand", "2025-05-20", false);
    let literal = fx.rate_default();
    assert_eq!(level(&literal, "private"), Some(Level::Good));
    assert_no_rule(&literal, "private", T_I1_DISCIPLINE);
    assert_finding(&literal, "private", G_TASKS, Effect::Met);

    let any = fx.rate(&Policy::preset("qd124-discipline").unwrap());
    assert_eq!(level(&any, "private"), Some(Level::NotCompleted));
    assert_decided_by(&any, "private", T_I1_DISCIPLINE);
}

// ===========================================================================
// §5.5 The quota, with the synthetic fixture of §12
// ===========================================================================

/// The synthetic fixture of party-rating.md §12: chi bộ ấp `C` of đảng bộ xã
/// `G`, 15 members, reference date 2025-12-05 (the review meeting).
fn fixture_section_12() -> Fx {
    let mut fx = Fx::new();
    fx.cell("C");
    fx.eval("C", 850, good_tasks())["review_meeting"] = json!("2025-12-05");
    // 1 exempt (age), 1 admitted 2025-07-10, 1 suspended: not rated.
    fx.rated_member("m01-exempt", "C", 800, good_tasks());
    fx.membership("m01-exempt")["statuses"] = json!([{"kind": "exempt", "from": "2020-01-01"}]);
    fx.rated_member("m02-new", "C", 800, good_tasks());
    fx.membership("m02-new")["admitted_on"] = json!("2025-07-10");
    fx.membership("m02-new")["full_on"] = json!(null);
    fx.membership("m02-new")["probationary"] = json!(true);
    fx.rated_member("m03-suspended", "C", 800, good_tasks());
    fx.membership("m03-suspended")["statuses"] =
        json!([{"kind": "suspended", "from": "2025-10-01"}]);
    // 3 candidates at 92, 91, 90 with every HTXSNV condition.
    fx.rated_member("c92", "C", 920, tasks(10, 10, 0, 4));
    fx.rated_member("c91", "C", 910, tasks(10, 10, 0, 4))["prior_shortcomings"] =
        json!({"identified": 1, "remedied": 1});
    fx.rated_member("c90", "C", 900, tasks(10, 10, 0, 3));
    // 7 at 70–88 with every task on time.
    for (i, s) in [700, 720, 750, 780, 800, 850, 880].into_iter().enumerate() {
        fx.rated_member(&format!("g{}", i + 1), "C", s, tasks(8, 8, 0, 1));
    }
    // 65 points, 1 of 4 tasks late (25 % > 20 %): no level matches.
    fx.rated_member("gap65", "C", 650, tasks(4, 3, 1, 0));
    // Reprimanded in 2025 for a duty-related violation.
    fx.rated_member("reprimanded", "C", 850, good_tasks());
    fx.discipline("reprimanded", "reprimand", "2025-06-12", true);
    fx
}

/// The outcomes §12 prescribes apart from the candidates.
fn assert_section_12_common(r: &Report, gap_level: Level) {
    assert_eq!(not_rated_reason(r, "m01-exempt"), NotRatedReason::Exempt);
    assert_decided_by(r, "m01-exempt", EXEMPT);
    assert_eq!(
        not_rated_reason(r, "m02-new"),
        NotRatedReason::AdmittedUnderSixMonths
    );
    assert_decided_by(r, "m02-new", NEW_MEMBER);
    assert_eq!(
        not_rated_reason(r, "m03-suspended"),
        NotRatedReason::Suspended
    );
    assert_decided_by(r, "m03-suspended", SUSPENDED);
    for i in 1..=7 {
        let id = format!("g{i}");
        assert_eq!(level(r, &id), Some(Level::Good), "{id}");
        assert_finding(r, &id, G_TASKS, Effect::Met);
    }
    assert_eq!(level(r, "gap65"), Some(gap_level));
    assert_decided_by(r, "gap65", GAP);
    assert_eq!(rated(r, "gap65").discretion[0].point, "gap");
    assert_eq!(level(r, "reprimanded"), Some(Level::NotCompleted));
    assert_decided_by(r, "reprimanded", T_I1_DISCIPLINE);

    let m = &r.total.members;
    assert_eq!((m.on_roll, m.rated), (15, 12));
    assert_eq!(m.not_rated.values().sum::<u32>(), 3);
    assert_eq!(m.by_level.values().sum::<u32>(), 12);
}

/// §5.5 readings A, B and C on the §12 fixture with the group = the cell:
/// A → ⌊0.2 × 7⌋ = 1, B → ⌊10 / 6⌋ = 1, C → ⌊0.2 × 10⌋ = 2 HTXSNV, kept in the
/// order score desc (92, 91, 90); the others demoted to HTTNV with a
/// `quota_selection` discretion record. The group is given both by the policy
/// (`member_groups: cell`) and as an explicit quota group.
#[test]
fn section_12_fixture_under_quota_readings_a_b_c() {
    for (reading, cap) in [("a", 1u32), ("b", 1), ("c", 2)] {
        for explicit in [false, true] {
            let mut fx = fixture_section_12();
            let policy_json = if explicit {
                let ids: Vec<String> = fx
                    .people
                    .iter()
                    .map(|p| p["id"].as_str().unwrap().to_owned())
                    .collect();
                let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
                fx.quota_group("chi-bo-ap-C", &ids, false);
                format!(r#"{{"quota_reading": "{reading}"}}"#)
            } else {
                format!(r#"{{"quota_reading": "{reading}", "member_groups": "cell"}}"#)
            };
            let r = fx.rate_with(&policy_json);
            let ctx = format!("reading {reading}, explicit group {explicit}");
            assert_section_12_common(&r, Level::NotCompleted);

            let order = ["c92", "c91", "c90"];
            for (rank, id) in order.iter().enumerate() {
                let x = rated(&r, id);
                let rank = rank as u32 + 1;
                if rank <= cap {
                    assert_eq!(x.level, Level::Excellent, "{ctx}: {id}");
                    assert_finding(&r, id, QUOTA_GRANTED, Effect::Met);
                    assert!(!x.quota_demoted);
                } else {
                    assert_eq!(x.level, Level::Good, "{ctx}: {id}");
                    assert!(x.quota_demoted, "{ctx}: {id}");
                    assert_decided_by(&r, id, QUOTA_DEMOTED);
                    let v = &findings_of(&r, id, QUOTA_DEMOTED)[0].1;
                    assert_eq!(
                        (v["rank"], v["cap"], v["candidates"]),
                        (i64::from(rank), i64::from(cap), 3),
                        "{ctx}: {id}"
                    );
                    assert!(x.discretion.iter().any(|d| d.point == "quota_selection"
                        && d.default == Level::Good
                        && d.alternatives.iter().eq([Level::Excellent])));
                }
            }
            assert_eq!(r.quotas.len(), 1, "{ctx}: {:?}", r.quotas);
            let q = &r.quotas[0];
            let name = if explicit { "chi-bo-ap-C" } else { "members:C" };
            assert_eq!(q.group, name, "{ctx}");
            assert_eq!(q.explicit, explicit);
            assert_eq!((q.percent, q.good, q.candidates), (20, 7, 3), "{ctx}");
            assert_eq!((q.cap, q.granted), (cap, cap), "{ctx}");
            assert!(!q.conflict);
            let demoted: Vec<&str> = order.iter().skip(cap as usize).copied().collect();
            assert_eq!(q.demoted, demoted, "{ctx}");
            assert_eq!(
                r.total.members.by_level.get(&Level::Excellent),
                Some(&cap),
                "{ctx}"
            );
            // The report, quota findings included, reads back from its JSON.
            assert_eq!(Report::from_json(&r.to_json()).unwrap(), r, "{ctx}");
        }
    }
}

/// §12 fixture, §14 Q1: under the preset `gap-completed` the 65-point member
/// with 25 % of tasks late is HTNV (still provisional); nothing else moves.
#[test]
fn section_12_fixture_gap_completed_preset() {
    let fx = fixture_section_12();
    let mut p = Policy::preset("gap-completed").unwrap();
    p.member_groups = xeploai::policy::MemberGrouping::Cell;
    let r = fx.rate(&p);
    assert_section_12_common(&r, Level::Completed);
    assert!(rated(&r, "gap65").provisional);
    assert_eq!(r.quotas[0].cap, 2);
}

/// §5.5 (DESIGN §5, "too many candidates"): candidates are kept by score desc,
/// then share of tasks exceeded desc (exact cross-multiplication: 4/10 = 6/15),
/// then id asc. A recorded `quota_selection` decision comes first.
#[test]
fn quota_tie_break_order() {
    let mut fx = Fx::new();
    fx.cell("C");
    fx.eval("C", 850, good_tasks());
    fx.fillers("C", "f", 11);
    fx.rated_member("e-95", "C", 950, tasks(10, 10, 0, 3));
    fx.rated_member("d-92-50", "C", 920, tasks(10, 10, 0, 5));
    fx.rated_member("a-92-40", "C", 920, tasks(10, 10, 0, 4));
    fx.rated_member("b-92-40", "C", 920, tasks(15, 15, 0, 6));
    fx.rated_member("c-92-40", "C", 920, tasks(10, 10, 0, 4));
    // G = 11, E = 5: reading C allows ⌊16 / 5⌋ = 3.
    let r = fx.rate_default();
    let q = &r.quotas[0];
    assert_eq!((q.good, q.candidates, q.cap, q.granted), (11, 5, 3, 3));
    assert_eq!(q.demoted, ["b-92-40", "c-92-40"]);
    for (rank, id) in ["e-95", "d-92-50", "a-92-40", "b-92-40", "c-92-40"]
        .iter()
        .enumerate()
    {
        let rule = if rank < 3 {
            QUOTA_GRANTED
        } else {
            QUOTA_DEMOTED
        };
        let v = &findings_of(&r, id, rule)[0].1;
        assert_eq!(v["rank"], rank as i64 + 1, "{id}");
    }
    assert_decided_by(&r, "b-92-40", QUOTA_DEMOTED);

    // The committee selects c-92-40: it is kept first, a-92-40 is demoted.
    fx.decision("c-92-40", "quota_selection", "excellent");
    let r = fx.rate_default();
    assert_eq!(level(&r, "c-92-40"), Some(Level::Excellent));
    assert_eq!(findings_of(&r, "c-92-40", QUOTA_GRANTED)[0].1["rank"], 1);
    assert!(!rated(&r, "c-92-40").provisional);
    assert_eq!(r.quotas[0].demoted, ["a-92-40", "b-92-40"]);
    assert_eq!(r.quotas[0].granted, 3);
}

/// §5.5 exception: a group the competent level finds outstanding may have up
/// to 25 % (explicit quota group flagged `outstanding`). G = 9, E = 3:
/// 20 % → ⌊12 / 5⌋ = 2; 25 % → ⌊12 / 4⌋ = 3.
#[test]
fn quota_outstanding_group_25_percent() {
    let build = |outstanding: bool| {
        let mut fx = Fx::new();
        fx.cell("C");
        fx.eval("C", 850, good_tasks());
        fx.fillers("C", "f", 9);
        for (id, s) in [("x1", 950), ("x2", 940), ("x3", 930)] {
            fx.rated_member(id, "C", s, excellent_tasks());
        }
        let ids: Vec<String> = fx
            .people
            .iter()
            .map(|p| p["id"].as_str().unwrap().to_owned())
            .collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        fx.quota_group("nổi bật", &ids, outstanding);
        fx.rate_default()
    };
    let normal = build(false);
    assert_eq!((normal.quotas[0].percent, normal.quotas[0].cap), (20, 2));
    assert_eq!(level(&normal, "x3"), Some(Level::Good));
    assert_decided_by(&normal, "x3", QUOTA_DEMOTED);
    assert_no_rule(&normal, "x1", EXCEPTION_25);

    let r = build(true);
    let q = &r.quotas[0];
    assert_eq!(q.group, "nổi bật");
    assert!(q.explicit);
    assert_eq!(
        (q.percent, q.good, q.candidates, q.cap, q.granted),
        (25, 9, 3, 3, 3)
    );
    for id in ["x1", "x2", "x3"] {
        assert_eq!(level(&r, id), Some(Level::Excellent), "{id}");
        assert_finding(&r, id, QUOTA_GRANTED, Effect::Met);
        assert_eq!(findings_of(&r, id, EXCEPTION_25)[0].1["percent"], 25);
    }
}

/// §5.5 quota groups are input data: a subject named in two explicit groups of
/// the year falls in one of them (the first by id), whatever the order of the
/// dataset's records; the report is the same byte for byte.
#[test]
fn quota_subject_in_two_explicit_groups_is_rejected_in_either_order() {
    // §5.5: the competent level defines each group; a subject in two groups of
    // one year is a validation error, whichever group comes first.
    let mut fx = base();
    fx.rated_member("x1", "C", 950, excellent_tasks());
    for first in ["A", "B"] {
        let mut fx = fx.clone();
        let groups = [
            ("A", vec!["x1", "f01", "f02", "f03", "f04"]),
            ("B", vec!["x1"]),
        ];
        for (id, subjects) in groups.iter().filter(|g| g.0 == first) {
            fx.quota_group(id, subjects, false);
        }
        for (id, subjects) in groups.iter().filter(|g| g.0 != first) {
            fx.quota_group(id, subjects, false);
        }
        let report = xeploai::validate::validate(&fx.dataset());
        let codes: Vec<_> = report.errors().map(|p| (p.code(), p.path())).collect();
        assert_eq!(
            codes,
            [("duplicate_record", "quota_groups[1].subjects[0]".to_owned())],
            "{report}"
        );
    }
}

// ===========================================================================
// §5.6–§5.7 Organisations from their parts; heads after their collective
// ===========================================================================

/// §5.6 preset `qd132-2019` (21-HD §II.B.1.3) and §12: a cell is HTXSNV only if
/// 100 % of its rated members are ≥ HTNV and ≥ 80 % ≥ HTTNV; one KHTNV member
/// caps it at HTTNV whatever its own score. Under the default (no aggregation,
/// §5.6 A2) the same cell is HTXSNV.
#[test]
fn aggregation_qd132_2019_one_khtnv_member_caps_the_cell() {
    let mut fx = Fx::new();
    // 9 peers at HTTNV: room for 2 HTXSNV cells (⌊11 / 5⌋).
    fx.peer_cells("P", 9);
    fx.cell("C");
    fx.eval("C", 950, excellent_tasks());
    fx.fillers("C", "f", 4);
    fx.rated_member("weak", "C", 400, good_tasks());
    fx.cell("OK");
    fx.eval("OK", 950, tasks(10, 10, 0, 4));
    fx.fillers("OK", "k", 5);

    let default = fx.rate_default();
    assert_eq!(level(&default, "weak"), Some(Level::NotCompleted));
    assert_eq!(level(&default, "C"), Some(Level::Excellent));
    assert_no_rule(&default, "C", AGG_QD132);

    let r = fx.rate(&Policy::preset("qd132-2019").unwrap());
    assert_eq!(level(&r, "C"), Some(Level::Good));
    assert_decided_by(&r, "C", AGG_QD132);
    let v = &findings_of(&r, "C", AGG_QD132)[0].1;
    assert_eq!(
        (v["rated"], v["at_least_completed"], v["at_least_good"]),
        (5, 4, 4)
    );
    assert_eq!(level(&r, "OK"), Some(Level::Excellent));
    assert_finding(&r, "OK", AGG_QD132, Effect::Met);
}

/// §5.7 "head or leader after the collective" (366 Art. 12 k2; T-L1 đ4.2): the
/// secretary of a cell rated KHTNV leads 1 unit of which 1 is KHTNV (> 50 %),
/// so the secretary is KHTNV whatever their own score. The deputy is not the
/// head.
#[test]
fn head_of_a_khtnv_cell_is_khtnv() {
    let mut fx = Fx::new();
    fx.cell("C");
    fx.eval("C", 400, good_tasks());
    fx.fillers("C", "f", 4);
    fx.post("f01", "C", "secretary");
    fx.post("f02", "C", "deputy_secretary");
    let r = fx.rate_default();
    assert_eq!(level(&r, "C"), Some(Level::NotCompleted));
    assert_decided_by(&r, "C", BELOW_50);
    assert_eq!(level(&r, "f01"), Some(Level::NotCompleted));
    assert_decided_by(&r, "f01", T_L1_HEAD);
    let v = &findings_of(&r, "f01", T_L1_HEAD)[0].1;
    assert_eq!((v["led"], v["not_completed"]), (1, 1));
    assert_eq!(level(&r, "f02"), Some(Level::Good));
    assert_no_rule(&r, "f02", T_L1_HEAD);
}

/// §5.7 `cap_head_by_collective` (no source found [U]; off by default): with
/// it on, the secretary is not rated above the cell they lead.
#[test]
fn cap_head_by_collective_policy() {
    let mut fx = Fx::new();
    fx.cell("C");
    fx.eval("C", 600, good_tasks());
    fx.fillers("C", "f", 4);
    fx.post("f01", "C", "secretary");
    let off = fx.rate_default();
    assert_eq!(level(&off, "C"), Some(Level::Completed));
    assert_eq!(level(&off, "f01"), Some(Level::Good));
    assert_no_rule(&off, "f01", HEAD_CAP);

    let on = fx.rate_with(r#"{"cap_head_by_collective": true}"#);
    assert_eq!(level(&on, "f01"), Some(Level::Completed));
    assert_decided_by(&on, "f01", HEAD_CAP);
    assert_eq!(
        findings_of(&on, "f01", HEAD_CAP)[0].1["collective_level"],
        Level::Completed as i64
    );
    assert_eq!(level(&on, "f02"), Some(Level::Good));
}

/// §14 Q4 (DESIGN §5): the secretary or deputy of a residential cell is a
/// leader for that cell by default (so the leader triggers T-L apply); the
/// policy `secretary_category: membership` keeps the membership's category;
/// an evaluation's `category` wins either way; a secretary of a non-residential
/// cell keeps the membership's category.
#[test]
fn q4_residential_secretary_category() {
    let mut fx = base();
    fx.post("f01", "C", "secretary");
    fx.discipline("f01", "reprimand", "2025-05-05", true);
    fx.post("f02", "C", "deputy_secretary");
    fx.discipline("f02", "reprimand", "2025-05-05", true);
    fx.evaluation("f02")["category"] = json!("non_leader");
    fx.units.push(json!({
        "id": "AG", "kind": "cell", "name": "Chi bộ Trạm y tế", "parent": "G", "cell_type": "health",
    }));
    fx.fillers("AG", "h", 3);
    fx.post("h01", "AG", "secretary");
    fx.discipline("h01", "reprimand", "2025-05-05", true);
    let r = fx.rate_default();
    assert_decided_by(&r, "f01", T_L3);
    assert_no_rule(&r, "f01", T_I1_DISCIPLINE);
    assert_decided_by(&r, "f02", T_I1_DISCIPLINE);
    assert_decided_by(&r, "h01", T_I1_DISCIPLINE);

    let r = fx.rate_with(r#"{"secretary_category": "membership"}"#);
    assert_decided_by(&r, "f01", T_I1_DISCIPLINE);
    assert_no_rule(&r, "f01", T_L3);
}

/// §14 Q14 (DESIGN §5; 366 Art. 3 "is the basis"): the civil-servant level caps
/// the party level where given (on by default); it never raises it; a capped
/// member is no HTXSNV candidate.
#[test]
fn q14_civil_servant_level_caps_the_party_level() {
    let mut fx = base();
    fx.rated_member("cs-htnv", "C", 850, good_tasks())["civil_servant_level"] = json!("completed");
    fx.rated_member("cs-htxs", "C", 850, good_tasks())["civil_servant_level"] = json!("excellent");
    fx.rated_member("cs-cand", "C", 950, excellent_tasks())["civil_servant_level"] = json!("good");
    let r = fx.rate_default();
    assert_eq!(level(&r, "cs-htnv"), Some(Level::Completed));
    assert_decided_by(&r, "cs-htnv", CIVIL_SERVANT_CAP);
    assert_eq!(
        findings_of(&r, "cs-htnv", CIVIL_SERVANT_CAP)[0].1["civil_servant_level"],
        Level::Completed as i64
    );
    assert_eq!(level(&r, "cs-htxs"), Some(Level::Good));
    assert_no_rule(&r, "cs-htxs", CIVIL_SERVANT_CAP);
    assert_eq!(level(&r, "cs-cand"), Some(Level::Good));
    assert_decided_by(&r, "cs-cand", CIVIL_SERVANT_CAP);
    assert!(!rated(&r, "cs-cand").quota_demoted);
    assert!(r.quotas.iter().all(|q| q.candidates == 0), "{:?}", r.quotas);

    let off = fx.rate_with(r#"{"civil_servant_cap": false}"#);
    assert_eq!(level(&off, "cs-htnv"), Some(Level::Good));
    assert_no_rule(&off, "cs-htnv", CIVIL_SERVANT_CAP);
}

// ===========================================================================
// §5.8 P1 step 2: verification of proposals
// ===========================================================================

/// §5.8 P1 (366 Art. 12 k1, step 2 "thẩm định, đề xuất") and DESIGN §1: every
/// proposal the rules do not allow is reported with the rules that lowered it.
#[test]
fn proposals_verification_reports_discrepancies() {
    let mut fx = base();
    // Proposes HTXSNV for itself at 95 points with only 2 of 10 tasks exceeding.
    fx.member("self-x", "C");
    fx.eval_at("self-x", "self_assessment", 950, tasks(10, 10, 0, 2))["proposed"] =
        json!("excellent");
    // Self-assessment at 95 (HTXSNV proposed), appraised at 85: the appraisal rates.
    fx.member("appr", "C");
    fx.eval_at("appr", "self_assessment", 950, excellent_tasks())["proposed"] = json!("excellent");
    fx.eval_at("appr", "appraisal", 850, good_tasks())["proposed"] = json!("good");
    // Below what the rules allow.
    fx.member("modest", "C");
    fx.eval_at("modest", "self_assessment", 850, good_tasks())["proposed"] = json!("completed");
    // Proposed for an exempt member.
    fx.member("ex", "C")["statuses"] = json!([{"kind": "exempt", "from": "2025-01-01"}]);
    fx.eval_at("ex", "self_assessment", 850, good_tasks())["proposed"] = json!("good");
    let r = fx.rate_default();

    let find = |s: &str, stage: &str| {
        r.discrepancies
            .iter()
            .find(|d| d.subject == s && d.stage.as_str() == stage)
            .unwrap_or_else(|| panic!("no discrepancy for {s} at {stage}: {:#?}", r.discrepancies))
    };
    let d = find("self-x", "self_assessment");
    assert_eq!(d.proposed, Level::Excellent);
    assert_eq!(d.allowed, Some(Level::Good));
    assert_eq!(d.kind, "above_allowed");
    assert!(d.rules.iter().any(|x| x == X_TASKS), "{d:?}");

    let d = find("appr", "self_assessment");
    assert_eq!(
        (d.proposed, d.allowed),
        (Level::Excellent, Some(Level::Good))
    );
    assert_eq!(d.kind, "above_allowed");
    assert!(!r
        .discrepancies
        .iter()
        .any(|d| d.subject == "appr" && d.stage.as_str() == "appraisal"));

    let d = find("modest", "self_assessment");
    assert_eq!(d.kind, "below_allowed");
    assert_eq!(d.allowed, Some(Level::Good));

    let d = find("ex", "self_assessment");
    assert_eq!((d.kind.as_str(), d.allowed), ("not_rated", None));
    assert!(d.rules.iter().any(|x| x == EXEMPT), "{d:?}");
    assert_eq!(r.discrepancies.len(), 4, "{:#?}", r.discrepancies);
}

/// A quota-demoted member who proposed HTXSNV: the discrepancy names the quota.
#[test]
fn proposals_verification_names_the_quota() {
    let mut fx = fixture_section_12();
    fx.evaluation("c90")["proposed"] = json!("excellent");
    fx.evaluation("c92")["proposed"] = json!("excellent");
    let r = fx.rate_with(r#"{"member_groups": "cell"}"#);
    assert_eq!(r.discrepancies.len(), 1, "{:#?}", r.discrepancies);
    let d = &r.discrepancies[0];
    assert_eq!(d.subject, "c90");
    assert_eq!(
        (d.proposed, d.allowed),
        (Level::Excellent, Some(Level::Good))
    );
    assert_eq!(d.rules, [QUOTA_DEMOTED]);
}

// ===========================================================================
// Explanations (DESIGN §4)
// ===========================================================================

/// DESIGN §4: an explanation cites the article behind the result, in
/// Vietnamese and English: the reprimanded member of §12 (366 Điều 11 khoản 4,
/// điểm 4.3) and a member demoted by the quota (Điều 11 khoản 1).
#[test]
fn explain_cites_the_article_in_vi_and_en() {
    let fx = fixture_section_12();
    let r = fx.rate(&policy(r#"{"member_groups": "cell"}"#));

    let vi = r.explain("reprimanded", Lang::Vi).unwrap();
    assert!(vi.contains("KHTNV"), "{vi}");
    assert!(
        vi.contains("Quy định 366-QĐ/TW, Điều 11, khoản 4, điểm 4.3"),
        "{vi}"
    );
    assert!(vi.contains("khiển trách"), "{vi}");
    let en = r.explain("reprimanded", Lang::En).unwrap();
    assert!(
        en.contains("Quy định 366-QĐ/TW, Article 11, clause 4, point 4.3"),
        "{en}"
    );
    assert!(en.contains("reprimand"), "{en}");

    let vi = r.explain("c90", Lang::Vi).unwrap();
    assert!(vi.contains("HTTNV"), "{vi}");
    assert!(vi.contains("không vượt quá 20% số HTTNV"), "{vi}");
    assert!(vi.contains("Điều 11, khoản 1"), "{vi}");
    assert!(vi.contains("quota_selection"), "{vi}");
    let en = r.explain("c90", Lang::En).unwrap();
    assert!(en.contains("HTXSNV may not exceed 20% of HTTNV"), "{en}");
    assert!(
        en.contains("ranked 3 of 3 candidates with 2 allowed"),
        "{en}"
    );
    assert!(en.contains("Article 11, clause 1"), "{en}");

    let en = r.explain("m02-new", Lang::En).unwrap();
    assert!(en.contains("not rated"), "{en}");
    assert!(
        en.contains("2025-07-10") && en.contains("2025-12-05"),
        "{en}"
    );
    assert!(en.contains("Article 5, clause 2"), "{en}");
    // Every outcome has the rule's citation in the JSON too.
    assert!(outcome(&r, "reprimanded")
        .findings()
        .iter()
        .any(|f| f.rule().id == T_I1_DISCIPLINE));
    assert!(r
        .to_json()
        .contains("\"citation\":\"Quy định 366-QĐ/TW, Điều 11, khoản 4, điểm 4.3\""));
}

/// An organisation whose id a member also has: `explain` finds the member,
/// `explain_at` explains the outcome at an index, the organisation included.
#[test]
fn explain_at_an_index_reaches_an_organisation_sharing_a_members_id() {
    let mut fx = Fx::new();
    fx.cell("C");
    fx.eval("C", 950, excellent_tasks());
    // Evaluations are keyed by subject id: the member has none (not rated).
    fx.member("C", "C");
    fx.fillers("C", "f", 3);
    let r = fx.rate_default();
    let org = r
        .outcomes
        .iter()
        .position(|o| o.subject() == "C" && o.kind() == xeploai::report::SubjectKind::Organisation)
        .expect("the cell's outcome");
    let member = r.outcomes.position("C").expect("the member's outcome");
    assert_ne!(org, member);
    assert_eq!(r.explain("C", Lang::En), r.explain_at(member, Lang::En));
    assert_ne!(r.explain_at(org, Lang::En), r.explain_at(member, Lang::En));
    assert!(r.explain_at(r.outcomes.len(), Lang::En).is_none());
}
