//! Shared helpers for the rating tests: a small dataset assembled record by
//! record as JSON (a province, its committee, one commune with its grassroots
//! committee, residential cells with their areas, members, posts, evaluations,
//! disciplines, quota groups and decisions), rated with a policy, and
//! accessors for the report.
#![allow(
    dead_code,
    reason = "each test file uses a different part of the helpers"
)]

use serde_json::{json, Value};
use xeploai::explain::Effect;
use xeploai::outcome::{NotRatedReason, Outcome, Rated};
use xeploai::{Dataset, Level, OrgGraph, Policy, Report};

/// The rating year of every fixture.
pub const YEAR: i32 = 2025;

/// Task facts as JSON: `not_done` is what is left of `assigned`.
#[must_use]
pub fn tasks(assigned: u32, on_time: u32, late: u32, exceeded: u32) -> Value {
    assert!(on_time + late <= assigned && exceeded <= on_time);
    json!({
        "assigned": assigned,
        "on_time": on_time,
        "late": late,
        "exceeded": exceeded,
        "not_done": assigned - on_time - late,
    })
}

/// 10 tasks on time, 3 exceeding: every HTXSNV task condition holds (exactly 30 %).
#[must_use]
pub fn excellent_tasks() -> Value {
    tasks(10, 10, 0, 3)
}

/// 10 tasks on time, none exceeding: the HTTNV task condition holds, not HTXSNV's.
#[must_use]
pub fn good_tasks() -> Value {
    tasks(10, 10, 0, 0)
}

/// Splits a score in tenths into general (≤ 300) and task (≤ 700) points.
#[must_use]
pub fn split(score: u32) -> (u32, u32) {
    assert!(score <= 1000);
    let common = score * 3 / 10;
    (common, score - common)
}

/// A dataset under construction.
#[derive(Debug, Clone)]
pub struct Fx {
    pub units: Vec<Value>,
    pub people: Vec<Value>,
    pub memberships: Vec<Value>,
    pub posts: Vec<Value>,
    pub evaluations: Vec<Value>,
    pub disciplines: Vec<Value>,
    pub quota_groups: Vec<Value>,
    pub decisions: Vec<Value>,
    /// The `front` section (an object; left out while empty).
    pub front: Value,
}

impl Default for Fx {
    fn default() -> Self {
        Self::new()
    }
}

impl Fx {
    /// Province `T`, its committee `PC`, commune `X` and the commune's
    /// grassroots committee `G` (directly under the province since 2025-07-01).
    #[must_use]
    pub fn new() -> Self {
        Self {
            units: vec![
                json!({"id": "T", "kind": "province", "name": "Tỉnh Đồng Tháp"}),
                json!({"id": "X", "kind": "commune", "name": "Xã Tân Hòa", "parent": "T"}),
                json!({"id": "PC", "kind": "province_committee", "name": "Đảng bộ tỉnh Đồng Tháp", "area": "T"}),
                json!({"id": "G", "kind": "grassroots_committee", "name": "Đảng bộ xã Tân Hòa", "parent": "PC", "area": "X"}),
            ],
            people: Vec::new(),
            memberships: Vec::new(),
            posts: Vec::new(),
            evaluations: Vec::new(),
            disciplines: Vec::new(),
            quota_groups: Vec::new(),
            decisions: Vec::new(),
            front: json!({}),
        }
    }

    /// A residential cell `id` under `G`, serving the residential area `A-<id>`.
    pub fn cell(&mut self, id: &str) -> &mut Self {
        let area = format!("A-{id}");
        self.units.push(json!({
            "id": area, "kind": "residential_area", "name": format!("Ấp {id}"),
            "local_name": "ấp", "parent": "X",
        }));
        self.units.push(json!({
            "id": id, "kind": "cell", "name": format!("Chi bộ ấp {id}"), "parent": "G",
            "area": area, "cell_type": "residential",
        }));
        self
    }

    /// A person and their membership of `cell`: admitted 2000-01-01, full
    /// member since 2001, outside the political system (most members of a
    /// residential cell, party-rating.md §5.1 S2). Returns the membership.
    pub fn member(&mut self, id: &str, cell: &str) -> &mut Value {
        self.people
            .push(json!({"id": id, "name": format!("Đảng viên {id}")}));
        self.memberships.push(json!({
            "person": id, "cell": cell, "admitted_on": "2000-01-01",
            "full_on": "2001-01-01", "category": "outside_system",
        }));
        self.memberships.last_mut().expect("just pushed")
    }

    /// The membership of a person.
    pub fn membership(&mut self, person: &str) -> &mut Value {
        self.memberships
            .iter_mut()
            .find(|m| m["person"] == person)
            .expect("membership")
    }

    /// An evaluation of `subject` for 2025 at the decision stage with a score
    /// in tenths and task facts. Returns it for further fields.
    pub fn eval(&mut self, subject: &str, score: u32, tasks: Value) -> &mut Value {
        self.eval_at(subject, "decision", score, tasks)
    }

    /// As [`Fx::eval`] at another stage.
    pub fn eval_at(&mut self, subject: &str, stage: &str, score: u32, tasks: Value) -> &mut Value {
        let (common, t) = split(score);
        self.evaluations.push(json!({
            "subject": subject, "year": YEAR, "stage": stage,
            "score_common": common, "score_tasks": t, "tasks": tasks,
        }));
        self.evaluations.last_mut().expect("just pushed")
    }

    /// The latest evaluation recorded for `subject`.
    pub fn evaluation(&mut self, subject: &str) -> &mut Value {
        self.evaluations
            .iter_mut()
            .rev()
            .find(|e| e["subject"] == subject)
            .expect("evaluation")
    }

    /// A member with an evaluation.
    pub fn rated_member(&mut self, id: &str, cell: &str, score: u32, tasks: Value) -> &mut Value {
        self.member(id, cell);
        self.eval(id, score, tasks)
    }

    /// `n` members `<prefix>1..n` of `cell` at 80 points with every task on
    /// time: HTTNV, so that a quota group has room for HTXSNV.
    pub fn fillers(&mut self, cell: &str, prefix: &str, n: u32) -> &mut Self {
        for i in 1..=n {
            self.rated_member(&format!("{prefix}{i:02}"), cell, 800, good_tasks());
        }
        self
    }

    /// `n` other residential cells `<prefix>1..n` rated HTTNV (80 points, every
    /// task on time), peers of the cells under `G` for the organisation quota.
    pub fn peer_cells(&mut self, prefix: &str, n: u32) -> &mut Self {
        for i in 1..=n {
            let id = format!("{prefix}{i:02}");
            self.cell(&id);
            self.eval(&id, 800, good_tasks());
        }
        self
    }

    /// A post held all year (no dates).
    pub fn post(&mut self, person: &str, unit: &str, role: &str) -> &mut Value {
        self.posts
            .push(json!({"person": person, "unit": unit, "role": role}));
        self.posts.last_mut().expect("just pushed")
    }

    /// A disciplinary decision.
    pub fn discipline(
        &mut self,
        subject: &str,
        form: &str,
        decided_on: &str,
        duty_related: bool,
    ) -> &mut Value {
        self.disciplines.push(json!({
            "subject": subject, "form": form, "decided_on": decided_on,
            "duty_related": duty_related,
        }));
        self.disciplines.last_mut().expect("just pushed")
    }

    /// A recorded committee decision at a point of discretion.
    pub fn decision(&mut self, subject: &str, point: &str, level: &str) -> &mut Self {
        self.decisions.push(json!({
            "subject": subject, "year": YEAR, "point": point, "level": level,
            "decided_by": "Ban Thường vụ Đảng ủy xã", "decided_on": "2025-12-20",
        }));
        self
    }

    /// An explicit quota group of 2025.
    pub fn quota_group(&mut self, id: &str, subjects: &[&str], outstanding: bool) -> &mut Self {
        self.quota_groups.push(json!({
            "id": id, "year": YEAR, "subjects": subjects, "outstanding": outstanding,
        }));
        self
    }

    /// The dataset as JSON text.
    #[must_use]
    pub fn json(&self) -> String {
        let mut v = json!({
            "format": "xeploai-dataset/1",
            "description": "fixture",
            "units": self.units,
            "people": self.people,
            "memberships": self.memberships,
            "posts": self.posts,
            "evaluations": self.evaluations,
            "disciplines": self.disciplines,
            "quota_groups": self.quota_groups,
            "decisions": self.decisions,
        });
        if self.front.as_object().is_some_and(|o| !o.is_empty()) {
            v["front"] = self.front.clone();
        }
        v.to_string()
    }

    /// The dataset, parsed as a caller would.
    #[must_use]
    pub fn dataset(&self) -> Dataset {
        Dataset::from_json_str(&self.json()).expect("the fixture parses")
    }

    /// The built graph.
    #[must_use]
    pub fn graph(&self) -> OrgGraph {
        match OrgGraph::build(self.dataset()) {
            Ok(g) => g,
            Err(e) => panic!("the fixture is invalid: {e:?}"),
        }
    }

    /// Rates 2025 under the year's regime with `policy`.
    #[must_use]
    pub fn rate(&self, policy: &Policy) -> Report {
        let report = xeploai::run::rate(&self.graph(), YEAR, None, policy).expect("rating runs");
        assert_eq!(report.regime, xeploai::Regime::Qd366_2025);
        report
    }

    /// Rates with the default policy.
    #[must_use]
    pub fn rate_default(&self) -> Report {
        self.rate(&Policy::default())
    }

    /// Rates with a policy given as JSON (missing settings take their defaults).
    #[must_use]
    pub fn rate_with(&self, policy_json: &str) -> Report {
        self.rate(&Policy::from_json(policy_json).expect("policy"))
    }
}

/// A policy from JSON.
#[must_use]
pub fn policy(json: &str) -> Policy {
    Policy::from_json(json).expect("policy")
}

/// The outcome of a subject.
#[must_use]
pub fn outcome(r: &Report, id: &str) -> Outcome {
    r.outcome(id)
        .unwrap_or_else(|| panic!("no outcome for {id}"))
        .outcome()
}

/// The level of a subject, `None` if not rated.
#[must_use]
pub fn level(r: &Report, id: &str) -> Option<Level> {
    outcome(r, id).level()
}

/// The rated outcome of a subject (fails if not rated).
#[must_use]
pub fn rated(r: &Report, id: &str) -> Rated {
    match outcome(r, id) {
        Outcome::Rated(x) => x,
        o @ Outcome::NotRated { .. } => panic!("{id} is not rated: {o:?}"),
    }
}

/// Why a subject is not rated (fails if rated).
#[must_use]
pub fn not_rated_reason(r: &Report, id: &str) -> NotRatedReason {
    match outcome(r, id) {
        Outcome::NotRated { reason, .. } => reason,
        o @ Outcome::Rated(_) => panic!("{id} is rated: {o:?}"),
    }
}

/// Whether a subject's outcome has a finding of `rule` with `effect`.
#[must_use]
pub fn has(r: &Report, id: &str, rule: &str, effect: Effect) -> bool {
    outcome(r, id)
        .findings()
        .iter()
        .any(|f| f.rule().id == rule && f.effect == effect)
}

/// The findings of `rule` for a subject, as (effect, values by name).
#[must_use]
pub fn findings_of(
    r: &Report,
    id: &str,
    rule: &str,
) -> Vec<(Effect, std::collections::BTreeMap<&'static str, i64>)> {
    outcome(r, id)
        .findings()
        .iter()
        .filter(|f| f.rule().id == rule)
        .map(|f| (f.effect, f.named_values()))
        .collect()
}

/// Asserts that `rule` decided or lowered the subject's level (the deciding finding).
#[track_caller]
pub fn assert_decided_by(r: &Report, id: &str, rule: &str) {
    let o = outcome(r, id);
    assert!(
        o.findings().iter().any(|f| f.rule().id == rule
            && matches!(
                f.effect,
                Effect::Decided | Effect::Lowered | Effect::Excluded
            )),
        "{id}: expected {rule} to decide; findings: {:#?}",
        o.findings()
            .iter()
            .map(|f| (f.rule().id, f.effect))
            .collect::<Vec<_>>()
    );
}

/// Asserts that `rule` is a finding with `effect` for the subject.
#[track_caller]
pub fn assert_finding(r: &Report, id: &str, rule: &str, effect: Effect) {
    assert!(
        has(r, id, rule, effect),
        "{id}: expected {rule} {effect:?}; findings: {:#?}",
        outcome(r, id)
            .findings()
            .iter()
            .map(|f| (f.rule().id, f.effect))
            .collect::<Vec<_>>()
    );
}

/// Asserts that no finding of `rule` (any effect) is recorded for the subject.
#[track_caller]
pub fn assert_no_rule(r: &Report, id: &str, rule: &str) {
    assert!(
        !outcome(r, id)
            .findings()
            .iter()
            .any(|f| f.rule().id == rule),
        "{id}: did not expect {rule}; findings: {:#?}",
        outcome(r, id)
            .findings()
            .iter()
            .map(|f| (f.rule().id, f.effect))
            .collect::<Vec<_>>()
    );
}
