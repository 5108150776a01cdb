//! The three earlier regimes through the whole run: Quy định 124 (2023–2024),
//! Quy định 132 with Hướng dẫn 21 (2018–2022) and Hướng dẫn 27 (≤ 2017). Each
//! test builds a small dataset, rates it with the default policy and checks the
//! level and the rule of the deciding finding; the comment names the section of
//! `reference/party-rating.md` the rule comes from.

#![allow(
    clippy::expect_used,
    clippy::panic,
    clippy::unwrap_used,
    reason = "tests fail loudly"
)]

use serde_json::{json, Map, Value};
use std::collections::BTreeSet;
use xeploai::explain::Effect;
use xeploai::outcome::{NotRatedReason, Outcome};
use xeploai::policy::MemberGrouping;
use xeploai::{Dataset, Level, OrgGraph, Policy, Regime, Report};

const Y124: i32 = 2023;
const Y132: i32 = 2020;
const Y27: i32 = 2016;

/// A small dataset: a province committee `d.t`, a grassroots committee `d.x`
/// and, under it, an agency cell `cb.a`.
struct Fx {
    year: i32,
    units: Vec<Value>,
    people: Vec<Value>,
    memberships: Vec<Value>,
    posts: Vec<Value>,
    evaluations: Vec<Value>,
    disciplines: Vec<Value>,
    decisions: Vec<Value>,
}

fn merge(base: Value, extra: Value) -> Value {
    let mut m: Map<String, Value> = base.as_object().cloned().unwrap_or_default();
    if let Some(x) = extra.as_object() {
        for (k, v) in x {
            m.insert(k.clone(), v.clone());
        }
    }
    Value::Object(m)
}

impl Fx {
    fn new(year: i32) -> Self {
        Self {
            year,
            units: vec![
                json!({"id": "d.t", "kind": "province_committee", "name": "Đảng bộ tỉnh"}),
                json!({"id": "d.x", "kind": "grassroots_committee", "name": "Đảng bộ xã", "parent": "d.t"}),
                json!({"id": "cb.a", "kind": "cell", "name": "Chi bộ A", "parent": "d.x", "cell_type": "agency"}),
            ],
            people: Vec::new(),
            memberships: Vec::new(),
            posts: Vec::new(),
            evaluations: Vec::new(),
            disciplines: Vec::new(),
            decisions: Vec::new(),
        }
    }

    /// A cell under `d.x`, with extra fields.
    fn cell(mut self, id: &str, extra: Value) -> Self {
        self.units.push(merge(
            json!({"id": id, "kind": "cell", "name": format!("Chi bộ {id}"), "parent": "d.x", "cell_type": "agency"}),
            extra,
        ));
        self
    }

    /// A member of `cell` admitted long ago, with membership fields `extra`.
    fn member_in(mut self, id: &str, cell: &str, category: &str, extra: Value) -> Self {
        self.people
            .push(json!({"id": id, "name": format!("Đảng viên {id}")}));
        self.memberships.push(merge(
            json!({"person": id, "cell": cell, "admitted_on": "2000-01-01", "category": category}),
            extra,
        ));
        self
    }

    /// A non-leader member of `cb.a` with an evaluation.
    fn member(self, id: &str, eval: Value) -> Self {
        self.member_in(id, "cb.a", "non_leader", json!({}))
            .eval(id, eval)
    }

    /// `n` members of `cell` with the evaluation `eval` (fillers for the quota).
    fn fillers(mut self, cell: &str, n: u32, eval: &Value) -> Self {
        for i in 0..n {
            let id = format!("f.{cell}.{i}");
            self = self
                .member_in(&id, cell, "non_leader", json!({}))
                .eval(&id, eval.clone());
        }
        self
    }

    /// The decision-stage evaluation of `subject` for the year.
    fn eval(mut self, subject: &str, fields: Value) -> Self {
        self.evaluations.push(merge(
            json!({"subject": subject, "year": self.year, "stage": "decision"}),
            fields,
        ));
        self
    }

    fn post(mut self, person: &str, unit: &str, role: &str) -> Self {
        self.posts.push(
            json!({"person": person, "unit": unit, "role": role, "from": format!("{}-01-01", self.year - 3)}),
        );
        self
    }

    fn discipline(mut self, d: Value) -> Self {
        self.disciplines.push(d);
        self
    }

    fn decision(mut self, subject: &str, point: &str, level: &str) -> Self {
        self.decisions
            .push(json!({"subject": subject, "year": self.year, "point": point, "level": level}));
        self
    }

    fn graph(&self) -> OrgGraph {
        let v = json!({
            "format": "xeploai-dataset/1",
            "units": self.units,
            "people": self.people,
            "memberships": self.memberships,
            "posts": self.posts,
            "evaluations": self.evaluations,
            "disciplines": self.disciplines,
            "decisions": self.decisions,
        });
        let ds = Dataset::from_json_str(&v.to_string()).expect("the fixture loads");
        OrgGraph::build(ds).expect("the fixture is valid")
    }

    fn rate_with(&self, regime: Option<Regime>, policy: &Policy) -> Report {
        xeploai::run::rate(&self.graph(), self.year, regime, policy).expect("the run")
    }

    fn rate(&self) -> Report {
        self.rate_with(None, &Policy::default())
    }
}

fn outcome(r: &Report, id: &str) -> Outcome {
    r.outcomes
        .iter()
        .find(|o| o.subject() == id)
        .unwrap_or_else(|| panic!("no outcome for {id}"))
        .outcome()
}

fn level(r: &Report, id: &str) -> Option<Level> {
    outcome(r, id).level()
}

fn has(r: &Report, id: &str, rule: &str, effect: Effect) -> bool {
    outcome(r, id)
        .findings()
        .iter()
        .any(|f| f.rule().id == rule && f.effect == effect)
}

fn cites(r: &Report, id: &str, rule: &str) -> bool {
    outcome(r, id)
        .findings()
        .iter()
        .any(|f| f.rule().id == rule)
}

/// `id` is rated `level`, and `rule` has a finding with `effect`.
#[track_caller]
fn check(r: &Report, id: &str, expected: Level, rule: &str, effect: Effect) {
    assert_eq!(
        level(r, id),
        Some(expected),
        "{id}: {:#?}",
        outcome(r, id).findings()
    );
    assert!(
        has(r, id, rule, effect),
        "{id}: no {effect:?} finding of {rule}: {:#?}",
        outcome(r, id).findings()
    );
}

#[track_caller]
fn check_not_rated(r: &Report, id: &str, reason: NotRatedReason, rule: &str) {
    match outcome(r, id) {
        Outcome::NotRated { reason: got, .. } => assert_eq!(got, reason, "{id}"),
        Outcome::Rated(x) => panic!("{id} is rated: {x:#?}"),
    }
    assert!(has(r, id, rule, Effect::Excluded), "{id}: no {rule}");
}

fn points(r: &Report, id: &str) -> Vec<String> {
    match outcome(r, id) {
        Outcome::Rated(x) => x.discretion.iter().map(|d| d.point.to_string()).collect(),
        Outcome::NotRated { .. } => Vec::new(),
    }
}

// Grades (party-rating.md §6.1): `t` is the task-results criterion.
fn g_excellent() -> Value {
    json!({"grades": {"c1": "good", "c2": "excellent", "t": "excellent"}, "task_criteria": ["t"], "concrete_products": true})
}
fn g_good() -> Value {
    json!({"grades": {"c1": "average", "c2": "good", "t": "good"}, "task_criteria": ["t"], "concrete_products": true})
}
fn g_completed() -> Value {
    json!({"grades": {"c1": "average", "c2": "good", "t": "average"}, "task_criteria": ["t"], "concrete_products": true})
}
fn g_poor() -> Value {
    json!({"grades": {"c1": "poor", "c2": "good", "t": "excellent"}, "task_criteria": ["t"], "concrete_products": true})
}
fn with(base: Value, extra: Value) -> Value {
    merge(base, extra)
}

// ---------------------------------------------------------------------------
// Regime by year (party-rating.md §1)

#[test]
fn regime_for_year_picks_the_regime_of_the_year() {
    for y in [2023, 2024] {
        assert_eq!(Regime::for_year(y), Regime::Qd124_2023, "{y}");
    }
    for y in 2018..=2022 {
        assert_eq!(Regime::for_year(y), Regime::Qd132_2018, "{y}");
    }
    for y in [1990, 2014, 2016, 2017] {
        assert_eq!(Regime::for_year(y), Regime::Hd27_2014, "{y}");
    }
    assert_eq!(Regime::for_year(2025), Regime::Qd366_2025);
}

#[test]
fn the_run_applies_the_regime_of_the_year_unless_one_is_named() {
    // DESIGN §4: never apply a year's rules to another year silently; a caller may name a regime.
    let fx = Fx::new(Y132).member("p1", with(g_good(), json!({})));
    let fx =
        fx.discipline(json!({"subject": "p1", "form": "reprimand", "decided_on": "2020-05-04"}));
    let by_year = fx.rate();
    assert_eq!(by_year.regime, Regime::Qd132_2018);
    assert!(!by_year.regime_named);
    check(
        &by_year,
        "p1",
        Level::NotCompleted,
        "qd132.art12.k4.c.discipline",
        Effect::Decided,
    );
    let named = fx.rate_with(Some(Regime::Qd124_2023), &Policy::default());
    assert_eq!(named.regime, Regime::Qd124_2023);
    assert!(named.regime_named);
    check(
        &named,
        "p1",
        Level::NotCompleted,
        "qd124.art12.k4.p4_3.discipline",
        Effect::Decided,
    );
    assert!(!cites(&named, "p1", "qd132.art12.k4.c.discipline"));
    for (year, regime) in [
        (Y124, Regime::Qd124_2023),
        (2024, Regime::Qd124_2023),
        (2018, Regime::Qd132_2018),
        (Y27, Regime::Hd27_2014),
    ] {
        let r = Fx::new(year).member("p1", g_good()).rate();
        assert_eq!(r.regime, regime, "{year}");
    }
}

// ---------------------------------------------------------------------------
// Quy định 124 (party-rating.md §4, §6)

fn eligibility_fixture(year: i32) -> Fx {
    let scores = json!({"score_total": 800});
    let eval = merge(g_good(), scores);
    Fx::new(year)
        .member_in(
            "ex",
            "cb.a",
            "outside_system",
            json!({"statuses": [{"kind": "exempt", "from": "2010-01-01"}]}),
        )
        .eval("ex", eval.clone())
        .member_in(
            "su",
            "cb.a",
            "non_leader",
            json!({"statuses": [{"kind": "suspended", "from": format!("{year}-03-01")}]}),
        )
        .eval("su", eval.clone())
        .member_in(
            "nw",
            "cb.a",
            "non_leader",
            json!({"admitted_on": format!("{year}-09-01"), "probationary": true}),
        )
        .eval("nw", eval.clone())
        .member_in(
            "cs",
            "cb.a",
            "non_leader",
            json!({"statuses": [{"kind": "committee_suspended", "from": format!("{year}-03-01")}]}),
        )
        .eval("cs", eval)
}

#[test]
fn qd124_eligibility_e1_e2_e3() {
    // §4 E1–E3, R2: 124 Art. 5 khoản 2 điểm 2.1: not reviewed, not rated.
    let r = eligibility_fixture(Y124).rate();
    check_not_rated(&r, "ex", NotRatedReason::Exempt, "qd124.art5.k2.exempt");
    check_not_rated(
        &r,
        "su",
        NotRatedReason::Suspended,
        "qd124.art5.k2.suspended",
    );
    check_not_rated(
        &r,
        "nw",
        NotRatedReason::AdmittedUnderSixMonths,
        "qd124.art5.k2.new_member",
    );
    // E4 [U] for R2: a member suspended from committee activities is still rated.
    assert_eq!(level(&r, "cs"), Some(Level::Good));
}

#[test]
fn qd124_missing_grades_are_not_rated() {
    // DESIGN §5: the regime needs the grades.
    let r = Fx::new(Y124)
        .member("p1", json!({"score_common": 250, "score_tasks": 600}))
        .member(
            "p2",
            json!({"grades": {"c1": "good"}, "task_criteria": ["t"]}),
        )
        .rate();
    check_not_rated(
        &r,
        "p1",
        NotRatedReason::MissingInputs,
        "lib.missing_inputs",
    );
    check_not_rated(
        &r,
        "p2",
        NotRatedReason::MissingInputs,
        "lib.missing_inputs",
    );
}

#[test]
fn qd124_a_poor_criterion_is_khtnv() {
    // §6.2 KHTNV row; 124 Art. 12 khoản 4 ("tiêu chí đánh giá ở mức Kém") [V].
    let r = Fx::new(Y124)
        .member("p1", g_poor())
        .eval("cb.a", g_poor())
        .rate();
    check(
        &r,
        "p1",
        Level::NotCompleted,
        "qd124.art12.k4.poor_criterion",
        Effect::Decided,
    );
    check(
        &r,
        "cb.a",
        Level::NotCompleted,
        "qd124.art12.k4.poor_criterion",
        Effect::Decided,
    );
}

#[test]
fn qd124_levels_from_the_grades() {
    // §6.2 [P]: HTXSNV all ≥ Tốt and the task criterion Xuất sắc; HTTNV all ≥
    // Trung bình and the task criterion ≥ Tốt; HTNV the basic criteria ≥ Trung
    // bình [U]; each with concrete products.
    let r = Fx::new(Y124)
        .member("p1", g_excellent())
        .member("p2", g_good())
        .member("p3", g_completed())
        .fillers("cb.a", 4, &g_good())
        .rate();
    check(
        &r,
        "p1",
        Level::Excellent,
        "qd124.art12.k1.grades",
        Effect::Met,
    );
    check(&r, "p2", Level::Good, "qd124.art12.k2.grades", Effect::Met);
    assert!(has(&r, "p2", "qd124.art12.k1.grades", Effect::Lowered));
    check(
        &r,
        "p3",
        Level::Completed,
        "qd124.art12.k3.basic_criteria",
        Effect::Met,
    );
}

#[test]
fn qd124_without_concrete_products_no_level_holds() {
    // §6.2 [P]: every level needs concrete products; none holds → the gap (DESIGN §5 Q1).
    let fx = Fx::new(Y124).member(
        "p1",
        with(g_excellent(), json!({"concrete_products": false})),
    );
    let r = fx.rate();
    check(
        &r,
        "p1",
        Level::NotCompleted,
        "qd124.art12.gap",
        Effect::Decided,
    );
    assert!(has(
        &r,
        "p1",
        "qd124.art12.concrete_products",
        Effect::Lowered
    ));
    assert_eq!(points(&r, "p1"), ["gap"]);
    let r = fx.rate_with(None, &Policy::preset("gap-completed").unwrap());
    assert_eq!(level(&r, "p1"), Some(Level::Completed));
}

#[test]
fn qd124_individual_triggers_of_point_4_3() {
    // §6.3 individuals (124 Art. 12 khoản 4 điểm 4.3) [V]: degradation,
    // prohibited acts, exemplary duty.
    let r = Fx::new(Y124)
        .member(
            "p1",
            with(
                g_excellent(),
                json!({"conclusions": [{"kind": "degradation"}]}),
            ),
        )
        .member(
            "p2",
            with(
                g_excellent(),
                json!({"conclusions": [{"kind": "prohibited_acts"}]}),
            ),
        )
        .member(
            "p3",
            with(
                g_excellent(),
                json!({"conclusions": [{"kind": "exemplary_duty"}]}),
            ),
        )
        .rate();
    check(
        &r,
        "p1",
        Level::NotCompleted,
        "qd124.art12.k4.p4_3.degradation",
        Effect::Decided,
    );
    check(
        &r,
        "p2",
        Level::NotCompleted,
        "qd124.art12.k4.p4_3.prohibited_acts",
        Effect::Decided,
    );
    check(
        &r,
        "p3",
        Level::NotCompleted,
        "qd124.art12.k4.p4_3.exemplary_duty",
        Effect::Decided,
    );
}

#[test]
fn qd124_any_discipline_in_the_year_is_khtnv() {
    // §6.3 (d) [V]: disciplined in the rating year, any form (a reprimand for a
    // violation unrelated to duty counts), unless self-detected and remedied.
    let r = Fx::new(Y124)
        .member("p1", g_excellent())
        .discipline(json!({"subject": "p1", "form": "reprimand", "decided_on": "2023-06-01"}))
        .member("p2", g_good())
        .discipline(json!({"subject": "p2", "form": "reprimand", "decided_on": "2022-06-01"}))
        .rate();
    check(
        &r,
        "p1",
        Level::NotCompleted,
        "qd124.art12.k4.p4_3.discipline",
        Effect::Decided,
    );
    assert!(points(&r, "p1").is_empty());
    // A discipline of an earlier year does not count in 2023.
    assert_eq!(level(&r, "p2"), Some(Level::Good));
}

#[test]
fn qd124_self_detected_discipline_is_left_to_the_competent_level() {
    // §6.3 (d) exception: self-detected and remedied → KHTNV by default, with a
    // point of discretion; a recorded decision is applied.
    let fx = Fx::new(Y124)
        .member("p1", g_good())
        .discipline(json!({"subject": "p1", "form": "reprimand", "decided_on": "2023-06-01", "self_detected": true}));
    let r = fx.rate();
    check(
        &r,
        "p1",
        Level::NotCompleted,
        "qd124.art12.k4.p4_3.discipline",
        Effect::Decided,
    );
    assert_eq!(points(&r, "p1"), ["mitigation"]);
    let r = fx.decision("p1", "mitigation", "good").rate();
    assert_eq!(level(&r, "p1"), Some(Level::Good));
}

#[test]
fn qd124_a_fault_of_an_earlier_year_is_weighed() {
    // §5.4 SC1, same in 25-HD Mục 4 [P]: the competent level weighs it; KHTNV by default.
    let r = Fx::new(Y124)
        .member("p1", g_good())
        .discipline(json!({"subject": "p1", "form": "warning", "decided_on": "2023-03-01", "violation_year": 2021}))
        .rate();
    check(
        &r,
        "p1",
        Level::NotCompleted,
        "qd124.art12.k4.p4_3.discipline",
        Effect::Decided,
    );
    assert_eq!(points(&r, "p1"), ["earlier_fault"]);
}

#[test]
fn qd124_leader_whose_unit_completed_under_half() {
    // §6.3 leaders [P]: the unit they directly lead completed < 50 % of its targets.
    let led = |done: u32| {
        with(
            g_good(),
            json!({"leader": {"led_tasks": {"assigned": 10, "on_time": done, "not_done": 10 - done}}}),
        )
    };
    let r = Fx::new(Y124)
        .member_in("l1", "cb.a", "leader", json!({}))
        .eval("l1", led(4))
        .member_in("l2", "cb.a", "leader", json!({}))
        .eval("l2", led(5))
        .rate();
    check(
        &r,
        "l1",
        Level::NotCompleted,
        "qd124.art12.k4.leader.tasks",
        Effect::Decided,
    );
    assert_eq!(level(&r, "l2"), Some(Level::Good));
}

#[test]
fn qd124_collective_a_violation_in_a_subordinate_unit() {
    // §6.3 collectives (a) [V].
    let r = Fx::new(Y124)
        .eval(
            "cb.a",
            with(
                g_good(),
                json!({"leader": {"managed_corruption_disciplined": true}}),
            ),
        )
        .rate();
    check(
        &r,
        "cb.a",
        Level::NotCompleted,
        "qd124.art12.k4.collective.a",
        Effect::Decided,
    );
}

#[test]
fn qd124_collective_b_under_half_of_the_targets() {
    // §6.3 collectives (b) [V]: done × 2 < assigned; force majeure → the competent level decides.
    let tasks = |done: u32, fm: bool| {
        with(
            g_good(),
            json!({"tasks": {"assigned": 10, "on_time": done, "not_done": 10 - done}, "force_majeure": fm}),
        )
    };
    let r = Fx::new(Y124)
        .eval("cb.a", tasks(4, false))
        .cell("cb.b", json!({}))
        .eval("cb.b", tasks(5, false))
        .cell("cb.c", json!({}))
        .eval("cb.c", tasks(4, true))
        .rate();
    check(
        &r,
        "cb.a",
        Level::NotCompleted,
        "qd124.art12.k4.collective.b",
        Effect::Decided,
    );
    assert!(!cites(&r, "cb.b", "qd124.art12.k4.collective.b"));
    assert_eq!(level(&r, "cb.b"), Some(Level::Good));
    assert_eq!(points(&r, "cb.c"), ["mitigation"]);
}

#[test]
fn qd124_collective_c_the_collective_disciplined() {
    // §6.3 collectives (c) [V]: the leadership collective was disciplined.
    let r = Fx::new(Y124)
        .eval("cb.a", g_good())
        .discipline(json!({"subject": "cb.a", "form": "reprimand", "decided_on": "2023-10-10"}))
        .rate();
    check(
        &r,
        "cb.a",
        Level::NotCompleted,
        "qd124.art12.k4.collective.c.disciplined",
        Effect::Decided,
    );
}

#[test]
fn qd124_collective_c_more_than_a_fifth_of_subordinates_disciplined() {
    // §6.3 collectives (c) [V]: disciplined × 5 > subordinates (> 20 %).
    let five = |disciplined: &[&str]| {
        let mut fx = Fx::new(Y124).eval("d.x", g_good());
        for c in ["cb.b", "cb.c", "cb.d", "cb.e"] {
            fx = fx.cell(c, json!({}));
        }
        for c in disciplined {
            fx = fx
                .discipline(json!({"subject": c, "form": "reprimand", "decided_on": "2023-04-04"}));
        }
        fx.rate()
    };
    let r = five(&["cb.a", "cb.b"]);
    check(
        &r,
        "d.x",
        Level::NotCompleted,
        "qd124.art12.k4.collective.c.subordinates",
        Effect::Decided,
    );
    // 1 of 5 is exactly 20 %: not the trigger; the HTTNV/HTNV discipline clause
    // fails, so no frame holds (the gap).
    let r = five(&["cb.a"]);
    assert!(!cites(
        &r,
        "d.x",
        "qd124.art12.k4.collective.c.subordinates"
    ));
    assert!(has(
        &r,
        "d.x",
        "qd124.art12.k3.no_discipline",
        Effect::Lowered
    ));
    assert_eq!(points(&r, "d.x"), ["gap"]);
}

#[test]
fn qd124_collective_d_disunity_or_degradation() {
    // §6.3 collectives (d) [V].
    let r = Fx::new(Y124)
        .eval(
            "cb.a",
            with(g_good(), json!({"conclusions": [{"kind": "disunity"}]})),
        )
        .cell("cb.b", json!({}))
        .eval("cb.b", g_good())
        .member_in("s", "cb.b", "leader", json!({}))
        .eval(
            "s",
            with(g_good(), json!({"conclusions": [{"kind": "degradation"}]})),
        )
        .post("s", "cb.b", "secretary")
        .rate();
    check(
        &r,
        "cb.a",
        Level::NotCompleted,
        "qd124.art12.k4.collective.d.disunity",
        Effect::Decided,
    );
    check(
        &r,
        "cb.b",
        Level::NotCompleted,
        "qd124.art12.k4.collective.d.degradation",
        Effect::Decided,
    );
}

#[test]
fn qd124_collective_discipline_clause_of_the_levels() {
    // §6.2 [P]: HTXSNV needs no leadership member disciplined; HTTNV allows one
    // self-detected and remedied.
    let r = Fx::new(Y124)
        .eval("cb.a", g_excellent())
        .member_in("s", "cb.a", "leader", json!({}))
        .eval("s", g_good())
        .post("s", "cb.a", "secretary")
        .discipline(json!({"subject": "s", "form": "reprimand", "decided_on": "2023-04-04", "self_detected": true}))
        .decision("s", "mitigation", "good")
        .rate();
    check(
        &r,
        "cb.a",
        Level::Good,
        "qd124.art12.k1.no_discipline",
        Effect::Lowered,
    );
    assert!(has(&r, "cb.a", "qd124.art12.k2.no_discipline", Effect::Met));
}

#[test]
fn qd124_quota_is_20_percent_of_httnv() {
    // §6.2 HTXSNV row: ≤ 20 % of HTTNV per group (reading C by default, §5.5).
    let r = Fx::new(Y124)
        .member("p1", g_excellent())
        .member("p2", g_excellent())
        .fillers("cb.a", 3, &g_good())
        .rate();
    // 5 at HTTNV or above → 1 HTXSNV.
    assert_eq!(level(&r, "p1"), Some(Level::Excellent));
    assert!(has(&r, "p1", "qd124.art12.k1.quota.granted", Effect::Met));
    check(
        &r,
        "p2",
        Level::Good,
        "qd124.art12.k1.quota.demoted",
        Effect::Lowered,
    );
}

#[test]
fn qd124_new_organisations_follow_the_policy() {
    // §4 E5 [U] for R2: rated by default (DESIGN §5 Q7), not rated if the policy says so.
    let fx = Fx::new(Y124)
        .cell("cb.n", json!({"established": "2023-09-01"}))
        .eval("cb.n", g_good());
    assert_eq!(level(&fx.rate(), "cb.n"), Some(Level::Good));
    let policy = Policy {
        rate_new_organisations: false,
        ..Policy::default()
    };
    let r = fx.rate_with(None, &policy);
    check_not_rated(
        &r,
        "cb.n",
        NotRatedReason::NewOrganisation,
        "qd124.new_organisation",
    );
}

// ---------------------------------------------------------------------------
// Quy định 132 and Hướng dẫn 21 (party-rating.md §4, §7)

#[test]
fn qd132_eligibility_e1_e2_e3() {
    // §4 E1–E3, R1 (21-HD §II.B.2.1) [V]: exempt and suspended not rated;
    // admitted < 6 months reviewed but not rated; E4 committee-suspended rated.
    let r = eligibility_fixture(Y132).rate();
    check_not_rated(&r, "ex", NotRatedReason::Exempt, "hd21.ii_b_2_1.exempt");
    check_not_rated(
        &r,
        "su",
        NotRatedReason::Suspended,
        "hd21.ii_b_2_1.suspended",
    );
    check_not_rated(
        &r,
        "nw",
        NotRatedReason::AdmittedUnderSixMonths,
        "hd21.ii_b_2_1.new_member",
    );
    assert_eq!(level(&r, "cs"), Some(Level::Good));
}

#[test]
fn qd132_new_organisations_are_not_rated_whatever_the_policy() {
    // §4 E5, R1 [V]: organisations set up less than 6 months before are not rated.
    let r = Fx::new(Y132)
        .cell("cb.n", json!({"established": "2020-09-01"}))
        .eval("cb.n", g_good())
        .cell("cb.o", json!({"established": "2020-06-30"}))
        .eval("cb.o", g_good())
        .rate();
    assert!(Policy::default().rate_new_organisations);
    check_not_rated(
        &r,
        "cb.n",
        NotRatedReason::NewOrganisation,
        "hd21.ii.new_organisation",
    );
    assert_eq!(level(&r, "cb.o"), Some(Level::Good));
}

#[test]
fn qd132_sick_leave_of_three_months_caps_at_htnv() {
    // §4 E6, R1 (21-HD §II.6) [V]: ≥ 3 months (read as ≥ 90 days) → not HTTNV or above.
    let r = Fx::new(Y132)
        .member("p1", with(g_excellent(), json!({"sick_leave_days": 90})))
        .member("p2", with(g_excellent(), json!({"sick_leave_days": 89})))
        .member("p3", with(g_good(), json!({"sick_leave_days": 120})))
        .fillers("cb.a", 4, &g_good())
        .rate();
    check(
        &r,
        "p1",
        Level::Completed,
        "hd21.ii_6.sick_leave",
        Effect::Lowered,
    );
    assert_eq!(level(&r, "p2"), Some(Level::Excellent));
    check(
        &r,
        "p3",
        Level::Completed,
        "hd21.ii_6.sick_leave",
        Effect::Lowered,
    );
}

#[test]
fn qd132_member_excellent_frame() {
    // §7.2 HTXSNV [V]: political-task criteria all Xuất sắc, the others ≥ Tốt,
    // concrete products, and a civil-servant rating of HTXSNV where given.
    let r = Fx::new(Y132)
        .member("p1", g_excellent())
        .member(
            "p2",
            with(g_excellent(), json!({"civil_servant_level": "good"})),
        )
        .member(
            "p3",
            json!({"grades": {"c1": "average", "t": "excellent"}, "task_criteria": ["t"], "concrete_products": true}),
        )
        .fillers("cb.a", 4, &g_good())
        .rate();
    check(
        &r,
        "p1",
        Level::Excellent,
        "hd21.ii_b_2_3.excellent.grades",
        Effect::Met,
    );
    assert!(has(
        &r,
        "p1",
        "hd21.ii_b_2_3.excellent.concrete_products",
        Effect::Met
    ));
    check(
        &r,
        "p2",
        Level::Good,
        "hd21.ii_b_2_3.excellent.civil_servant",
        Effect::Lowered,
    );
    check(
        &r,
        "p3",
        Level::Good,
        "hd21.ii_b_2_3.excellent.grades",
        Effect::Lowered,
    );
    assert!(has(&r, "p3", "hd21.ii_b_2_3.good.grades", Effect::Met));
}

#[test]
fn qd132_member_khtnv_of_article_12_clause_4_point_c() {
    // §7.2 KHTNV (132 Art. 12 khoản 4 điểm c) [V]: degradation; < 50 % of the
    // tasks; disciplined in the year (any form, no exception).
    let r = Fx::new(Y132)
        .member(
            "p1",
            with(g_good(), json!({"conclusions": [{"kind": "degradation", "mitigated": true}]})),
        )
        .member(
            "p2",
            with(
                g_good(),
                json!({"tasks": {"assigned": 9, "on_time": 4, "not_done": 5}}),
            ),
        )
        .member("p3", g_good())
        .discipline(json!({"subject": "p3", "form": "reprimand", "decided_on": "2020-08-08", "self_detected": true}))
        .member_in("l1", "cb.a", "leader", json!({}))
        .eval(
            "l1",
            with(g_good(), json!({"leader": {"managed_corruption_disciplined": true}})),
        )
        .rate();
    check(
        &r,
        "p1",
        Level::NotCompleted,
        "qd132.art12.k4.c.degradation",
        Effect::Decided,
    );
    check(
        &r,
        "p2",
        Level::NotCompleted,
        "qd132.art12.k4.c.tasks",
        Effect::Decided,
    );
    check(
        &r,
        "p3",
        Level::NotCompleted,
        "qd132.art12.k4.c.discipline",
        Effect::Decided,
    );
    assert!(points(&r, "p3").is_empty());
    check(
        &r,
        "l1",
        Level::NotCompleted,
        "qd132.art12.k4.c.managed_corruption",
        Effect::Decided,
    );
}

#[test]
fn qd132_leader_of_a_unit_rated_khtnv() {
    // §7.2 KHTNV (132 Art. 12 khoản 4 điểm c) [V], applied after the collective (§5.7):
    // the unit the leader directly leads is KHTNV.
    let r = Fx::new(Y132)
        .eval("cb.a", g_poor())
        .member_in("s", "cb.a", "leader", json!({}))
        .eval("s", g_good())
        .post("s", "cb.a", "secretary")
        .rate();
    check(
        &r,
        "cb.a",
        Level::NotCompleted,
        "hd21.ii_b_3.below_completed",
        Effect::Decided,
    );
    check(
        &r,
        "s",
        Level::NotCompleted,
        "qd132.art12.k4.c.head",
        Effect::Decided,
    );
}

/// Four good cells beside `cb.a`, so that one HTXSNV cell fits the quota.
fn four_good_cells(mut fx: Fx) -> Fx {
    for c in ["cb.b", "cb.c", "cb.d", "cb.e"] {
        fx = fx.cell(c, json!({})).eval(c, g_good());
    }
    fx
}

#[test]
fn qd132_organisation_excellent_frame_and_distribution() {
    // §7.1 HTXSNV [V]: the key criteria Xuất sắc and the others ≥ Tốt; 100 % of
    // the members ≥ HTNV and ≥ 80 % ≥ HTTNV (regime-intrinsic, whatever the policy).
    let fx =
        four_good_cells(Fx::new(Y132).eval("cb.a", g_excellent())).fillers("cb.a", 4, &g_good());
    let r = fx.rate();
    check(
        &r,
        "cb.a",
        Level::Excellent,
        "hd21.ii_b_1_3.excellent.grades",
        Effect::Met,
    );
    assert!(has(&r, "cb.a", "hd21.ii_b_1_3.distribution", Effect::Met));
    assert_eq!(
        Policy::default().aggregation,
        xeploai::policy::Aggregation::None
    );
    // One member KHTNV of five: 100 % ≥ HTNV fails.
    let r = fx
        .member(
            "p1",
            with(g_good(), json!({"conclusions": [{"kind": "degradation"}]})),
        )
        .rate();
    check(
        &r,
        "cb.a",
        Level::Good,
        "hd21.ii_b_1_3.distribution",
        Effect::Lowered,
    );
}

#[test]
fn qd132_organisation_excellent_needs_peers_at_httnv() {
    // §7.1 HTXSNV (4) [V]: administration, Front and mass organisations ≥ HTTNV when given.
    let r = four_good_cells(Fx::new(Y132).eval(
        "cb.a",
        with(
            g_excellent(),
            json!({"peer_levels": {"administration": "good", "front": "excellent", "mass_orgs": ["good", "completed"]}}),
        ),
    ))
    .rate();
    check(
        &r,
        "cb.a",
        Level::Good,
        "hd21.ii_b_1_3.excellent.peers",
        Effect::Lowered,
    );
}

#[test]
fn qd132_organisation_below_the_htnv_frame() {
    // §7.1 leadership collectives (21-HD §II.B.3) [V]: below the HTNV frame → KHTNV.
    let r = Fx::new(Y132).eval("cb.a", g_poor()).rate();
    check(
        &r,
        "cb.a",
        Level::NotCompleted,
        "hd21.ii_b_3.below_completed",
        Effect::Decided,
    );
}

#[test]
fn qd132_leadership_collective_khtnv() {
    // §7.1 leadership collectives (21-HD §II.B.3) [V]: disunity; a member with
    // degradation; < 50 % of the targets (save force majeure); the collective
    // disciplined; a member disciplined at warning or above.
    let r = Fx::new(Y132)
        .eval(
            "cb.a",
            with(g_good(), json!({"conclusions": [{"kind": "disunity"}]})),
        )
        .cell("cb.b", json!({}))
        .eval("cb.b", g_good())
        .member_in("sb", "cb.b", "leader", json!({}))
        .eval(
            "sb",
            with(g_good(), json!({"conclusions": [{"kind": "degradation"}]})),
        )
        .post("sb", "cb.b", "secretary")
        .cell("cb.c", json!({}))
        .eval(
            "cb.c",
            with(
                g_good(),
                json!({"tasks": {"assigned": 10, "on_time": 4, "not_done": 6}}),
            ),
        )
        .cell("cb.d", json!({}))
        .eval("cb.d", g_good())
        .discipline(json!({"subject": "cb.d", "form": "reprimand", "decided_on": "2020-11-11"}))
        .cell("cb.e", json!({}))
        .eval("cb.e", g_good())
        .member_in("se", "cb.e", "leader", json!({}))
        .eval("se", g_good())
        .post("se", "cb.e", "deputy_secretary")
        .discipline(json!({"subject": "se", "form": "warning", "decided_on": "2020-07-07"}))
        .cell("cb.f", json!({}))
        .eval("cb.f", g_good())
        .member_in("sf", "cb.f", "leader", json!({}))
        .eval("sf", g_good())
        .post("sf", "cb.f", "committee_member")
        .discipline(json!({"subject": "sf", "form": "reprimand", "decided_on": "2020-07-07"}))
        .rate();
    for (cell, rule) in [
        ("cb.a", "hd21.ii_b_3.disunity"),
        ("cb.b", "hd21.ii_b_3.degradation"),
        ("cb.c", "hd21.ii_b_3.tasks"),
        ("cb.d", "hd21.ii_b_3.disciplined"),
        ("cb.e", "hd21.ii_b_3.member_warning"),
    ] {
        check(&r, cell, Level::NotCompleted, rule, Effect::Decided);
    }
    // A reprimand of a committee member is below warning: the cell keeps its level.
    assert!(!cites(&r, "cb.f", "hd21.ii_b_3.member_warning"));
    assert_eq!(level(&r, "cb.f"), Some(Level::Good));
}

#[test]
fn qd132_one_violation_counts_once() {
    // §5.4 / §7.1 (21-HD, "một vi phạm … chỉ tính một lần") [V]: a violation
    // disciplined in 2019 and aggravated in 2020 does not count again in 2020.
    let r = Fx::new(Y132)
        .eval("cb.a", g_good())
        .member_in("s", "cb.a", "leader", json!({}))
        .eval("s", g_good())
        .post("s", "cb.a", "secretary")
        .discipline(json!({"subject": "s", "form": "reprimand", "decided_on": "2019-10-01", "violation_id": "v1"}))
        .discipline(json!({"subject": "s", "form": "warning", "decided_on": "2020-02-01", "violation_id": "v1"}))
        .rate();
    assert_eq!(level(&r, "cb.a"), Some(Level::Good));
    assert_eq!(level(&r, "s"), Some(Level::Good));
}

#[test]
fn qd132_member_quota_within_each_grassroots_organisation() {
    // §7.2 [V]: HTXSNV members ≤ 20 % of the HTTNV members within each TCCSĐ
    // (the `grassroots` member grouping), whatever their category or cell.
    let fx = Fx::new(Y132)
        .cell("cb.b", json!({}))
        .member("p1", g_excellent())
        .member_in("p2", "cb.b", "leader", json!({}))
        .eval("p2", g_excellent())
        .fillers("cb.a", 2, &g_good())
        .fillers("cb.b", 2, &g_good());
    let policy = Policy {
        member_groups: MemberGrouping::Grassroots,
        ..Policy::default()
    };
    let r = fx.rate_with(None, &policy);
    // 6 members of d.x at HTTNV or above → 1 HTXSNV.
    let excellent = ["p1", "p2"]
        .iter()
        .filter(|p| level(&r, p) == Some(Level::Excellent))
        .count();
    assert_eq!(excellent, 1);
    assert!(
        has(&r, "p1", "hd21.ii_b_2_3.quota.demoted", Effect::Lowered)
            || has(&r, "p2", "hd21.ii_b_2_3.quota.demoted", Effect::Lowered)
    );
    assert!(r.quotas.iter().any(|q| q.group == "members:d.x"));
}

// ---------------------------------------------------------------------------
// Hướng dẫn 27 (party-rating.md §8)

fn score(points: u32) -> Value {
    json!({"score_total": points})
}

#[test]
fn hd27_under_50_points_is_weak() {
    // §8 [V]: yếu kém if < 50 points (49.9 is under 50: no rounding, §13.2).
    let r = four_good_cells_27(Fx::new(Y27).eval("cb.a", score(499))).rate();
    check(
        &r,
        "cb.a",
        Level::NotCompleted,
        "hd27.ii.score_below_50",
        Effect::Decided,
    );
    assert_eq!(level(&r, "cb.b"), Some(Level::Good));
}

fn four_good_cells_27(mut fx: Fx) -> Fx {
    for c in ["cb.b", "cb.c", "cb.d", "cb.e"] {
        fx = fx.cell(c, json!({})).eval(c, score(800));
    }
    fx
}

#[test]
fn hd27_weak_conditions_at_50_points_or_more() {
    // §8 [V]: disunity; degradation severe enough that members were
    // disciplined; the administration at the lowest level; ≥ 2 Front and mass
    // organisations at the lowest level.
    let r = Fx::new(Y27)
        .eval(
            "cb.a",
            with(score(950), json!({"conclusions": [{"kind": "disunity"}]})),
        )
        .cell("cb.b", json!({}))
        .eval(
            "cb.b",
            with(score(800), json!({"conclusions": [{"kind": "degradation"}]})),
        )
        .cell("cb.c", json!({}))
        .eval(
            "cb.c",
            with(score(800), json!({"peer_levels": {"administration": "not_completed"}})),
        )
        .cell("cb.d", json!({}))
        .eval(
            "cb.d",
            with(
                score(800),
                json!({"peer_levels": {"front": "not_completed", "mass_orgs": ["good", "not_completed"]}}),
            ),
        )
        .cell("cb.e", json!({}))
        .eval(
            "cb.e",
            with(
                score(800),
                json!({"peer_levels": {"front": "completed", "mass_orgs": ["good", "not_completed"]}}),
            ),
        )
        .rate();
    for (cell, rule) in [
        ("cb.a", "hd27.ii.disunity"),
        ("cb.b", "hd27.ii.degradation_disciplined"),
        ("cb.c", "hd27.ii.administration_lowest"),
        ("cb.d", "hd27.ii.mass_orgs_lowest"),
    ] {
        check(&r, cell, Level::NotCompleted, rule, Effect::Decided);
    }
    // One mass organisation at the lowest level is not enough.
    assert_eq!(level(&r, "cb.e"), Some(Level::Good));
}

#[test]
fn hd27_cell_with_more_than_half_of_its_members_khtnv() {
    // §8 and §5.6 preset_r0_2014_weak [V]: > 1/2 of the members KHTNV → yếu kém
    // (regime-intrinsic, whatever the policy).
    let r = four_good_cells_27(Fx::new(Y27).eval("cb.a", score(850)))
        .member("p1", score(400))
        .member("p2", score(450))
        .member("p3", score(800))
        .cell("cb.h", json!({}))
        .eval("cb.h", score(850))
        .member_in("q1", "cb.h", "non_leader", json!({}))
        .eval("q1", score(400))
        .member_in("q2", "cb.h", "non_leader", json!({}))
        .eval("q2", score(800))
        .rate();
    check(
        &r,
        "cb.a",
        Level::NotCompleted,
        "hd27.ii.cell_majority_not_completed",
        Effect::Decided,
    );
    check(
        &r,
        "p1",
        Level::NotCompleted,
        "hd27.member.band.not_completed",
        Effect::Decided,
    );
    // Exactly half is not more than half.
    assert_eq!(level(&r, "cb.h"), Some(Level::Good));
}

#[test]
fn hd27_party_committee_with_more_than_a_third_weak() {
    // §8 [V]: a đảng bộ with > 1/3 of its organisations yếu kém is yếu kém.
    let fx = |weak: u32| {
        let mut fx = Fx::new(Y27)
            .eval("d.x", score(850))
            .eval("cb.a", score(if weak >= 1 { 400 } else { 800 }));
        fx = fx
            .cell("cb.b", json!({}))
            .eval("cb.b", score(if weak >= 2 { 400 } else { 800 }));
        fx.cell("cb.c", json!({})).eval("cb.c", score(800))
    };
    let r = fx(2).rate();
    check(
        &r,
        "d.x",
        Level::NotCompleted,
        "hd27.ii.committee_third_weak",
        Effect::Decided,
    );
    // 1 of 3 is exactly a third.
    let r = fx(1).rate();
    assert_eq!(level(&r, "d.x"), Some(Level::Good));
}

#[test]
fn hd27_bands_are_unverified_defaults() {
    // §8 [U]: the other band limits, default 90 / 70 / 50; no rounding (89.9 is HTTNV).
    let r = Fx::new(Y27)
        .member("p1", score(900))
        .member("p2", score(899))
        .member("p3", score(500))
        .fillers("cb.a", 4, &score(800))
        .rate();
    check(
        &r,
        "p1",
        Level::Excellent,
        "hd27.member.band.excellent",
        Effect::Decided,
    );
    check(
        &r,
        "p2",
        Level::Good,
        "hd27.member.band.good",
        Effect::Decided,
    );
    check(
        &r,
        "p3",
        Level::Completed,
        "hd27.member.band.completed",
        Effect::Decided,
    );
    let rule = xeploai::rules::rule_by_id("hd27.member.band.good").unwrap();
    assert_eq!(rule.tag, xeploai::explain::Tag::Unverified);
}

#[test]
fn hd27_has_no_central_quota() {
    // §9 / §5.5: no quota found for 2014: no cap applies under any reading.
    for preset in ["default", "literal"] {
        let policy = xeploai::Policy::preset(preset).unwrap();
        let r = Fx::new(Y27)
            .member("p1", score(950))
            .member("p2", score(920))
            .rate_with(None, &policy);
        assert!(r.quotas.is_empty(), "{preset}: {:?}", r.quotas);
        for p in ["p1", "p2"] {
            let o = r.outcome(p).unwrap();
            assert_eq!(o.level(), Some(Level::Excellent), "{preset} {p}");
            assert!(
                o.findings().iter().all(|f| !f.rule().id.contains("quota")),
                "{preset} {p}"
            );
        }
    }
}

#[test]
fn hd27_missing_score_is_not_rated() {
    let r = Fx::new(Y27).member("p1", g_good()).rate();
    check_not_rated(
        &r,
        "p1",
        NotRatedReason::MissingInputs,
        "lib.missing_inputs",
    );
}

// ---------------------------------------------------------------------------
// The rule tables

#[test]
fn rule_tables_are_well_formed() {
    // Stable, unique ids; NFC Vietnamese with diacritics; every placeholder a value.
    let mut ids = BTreeSet::new();
    for rule in xeploai::rules::all_rules() {
        assert!(ids.insert(rule.id), "duplicate rule id {}", rule.id);
        for text in [rule.vi, rule.en] {
            assert!(unicode_normalization::is_nfc(text), "{}: not NFC", rule.id);
            let mut rest = text;
            while let Some(start) = rest.find('{') {
                let after = &rest[start + 1..];
                let end = after.find('}').expect("a closed placeholder");
                let name = &after[..end];
                assert!(
                    rule.values.contains(&name),
                    "{}: placeholder {{{name}}} is not a value",
                    rule.id
                );
                rest = &after[end + 1..];
            }
        }
    }
    for prefix in ["qd124.", "hd21.", "qd132.", "hd27.", "hd25."] {
        assert!(ids.iter().any(|id| id.starts_with(prefix)), "{prefix}");
    }
    assert!(!ids.iter().any(|id| id.ends_with("not_implemented")));
}

#[test]
fn quota_rules_come_in_pairs() {
    // Each regime with a quota names its `.demoted` and `.granted` rules, both
    // registered; the 2014 guidance has none.
    for regime in Regime::ALL {
        let Some(q) = xeploai::rules::rules_for(regime).quota() else {
            assert_eq!(regime, Regime::Hd27_2014);
            continue;
        };
        assert!(q.demoted.id.ends_with(".demoted"), "{}", q.demoted.id);
        assert_eq!(q.granted.id, q.demoted.id.replace(".demoted", ".granted"));
        for rule in [q.demoted, q.granted] {
            assert!(
                std::ptr::eq(xeploai::rules::rule_by_id(rule.id).unwrap(), rule),
                "{}",
                rule.id
            );
        }
        if let Some((outstanding, _)) = q.outstanding {
            assert!(q.percent <= outstanding);
        }
    }
}

#[test]
fn qd124_basic_criteria_come_from_the_policy() {
    // §14 Q10 [U]: "the basic criteria" of HTNV. By default every criterion, so
    // a grade under Trung bình on a non-basic criterion c1 blocks HTNV; a policy
    // naming only c2 and t as basic lets it through. (c1 "poor" would trigger
    // KHTNV, so the member's only low criterion is ungraded here.)
    let eval = json!({"grades": {"c2": "average", "t": "average"}, "task_criteria": ["t"], "concrete_products": true});
    let fx = Fx::new(Y124)
        .member("p1", eval)
        .fillers("cb.a", 4, &g_good());
    let named = Policy::from_json(r#"{"basic_criteria": ["c1", "c2", "t"]}"#).unwrap();
    // c1 is named but ungraded: not met, no level holds.
    assert!(has(
        &fx.rate_with(None, &named),
        "p1",
        "qd124.art12.k3.basic_criteria",
        Effect::Lowered
    ));
    let default = fx.rate();
    check(
        &default,
        "p1",
        Level::Completed,
        "qd124.art12.k3.basic_criteria",
        Effect::Met,
    );
}

#[test]
fn hd27_bands_come_from_the_policy() {
    // §8 [U]: the band limits other than 50 are a policy setting.
    let fx = Fx::new(Y27).member("p1", score(850));
    assert_eq!(level(&fx.rate(), "p1"), Some(Level::Good));
    let lower =
        Policy::from_json(r#"{"hd27_bands": {"excellent": 800, "good": 650, "completed": 500}}"#)
            .unwrap();
    let r = fx.rate_with(None, &lower);
    assert_eq!(level(&r, "p1"), Some(Level::Excellent));
    match outcome(&r, "p1") {
        Outcome::Rated(x) => assert!(x.settings.iter().any(|s| s == "hd27_bands")),
        Outcome::NotRated { .. } => panic!("p1 is rated"),
    }
}
