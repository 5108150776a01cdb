//! Synthetic rating inputs: evaluations of members and organisations for the
//! spec's years (scores under Quy định 366, per-criterion grades under 124 and
//! 132, 100-point totals under the 2014 guidance), disciplines, conclusions,
//! proposals that the rules do not always allow, and, for the sample, explicit
//! quota groups and recorded decisions. The shares are chosen so that every
//! kind of case the rules distinguish occurs.

use super::{ymd, Part, Rng};
use crate::date::Date;
use crate::evaluation::{
    Conclusion, ConclusionKind, Decision, Discipline, DisciplineForm, Evaluation, LeaderFacts,
    QuotaGroup, ResidenceComment, Shortcomings, Stage, Tasks,
};
use crate::level::{Grade, Level};
use crate::org::{CellType, Role, UnitKind};
use crate::regime::Regime;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeMap;

/// The quality a synthetic subject's inputs are drawn for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quality {
    Excellent,
    Good,
    Completed,
    Weak,
    /// A score of 50 or more with no level's conditions met (party-rating.md §14 Q1).
    Gap,
}

fn draw_quality(rng: &mut Rng) -> Quality {
    match rng.below(1000) {
        0..=229 => Quality::Excellent,
        230..=879 => Quality::Good,
        880..=964 => Quality::Completed,
        965..=984 => Quality::Weak,
        _ => Quality::Gap,
    }
}

fn draw_tasks(rng: &mut Rng, q: Quality, min: u32, max: u32) -> Tasks {
    let assigned = min + rng.below(max - min + 1);
    match q {
        Quality::Excellent => {
            // One in eight falls short of the 30 % exceeded: rated HTTNV.
            let share = if rng.chance(125) {
                1
            } else {
                assigned.div_ceil(3) + rng.below(assigned / 3 + 1)
            };
            Tasks {
                assigned,
                on_time: assigned,
                late: 0,
                exceeded: share.min(assigned),
                not_done: 0,
            }
        }
        Quality::Good => Tasks {
            assigned,
            on_time: assigned,
            late: 0,
            exceeded: rng.below(assigned / 4 + 1),
            not_done: 0,
        },
        Quality::Completed => {
            let late = (assigned / 5).max(1).min(assigned);
            Tasks {
                assigned,
                on_time: assigned - late,
                late,
                exceeded: 0,
                not_done: 0,
            }
        }
        Quality::Weak => {
            let not_done = assigned / 2 + 1;
            Tasks {
                assigned,
                on_time: assigned - not_done,
                late: 0,
                exceeded: 0,
                not_done,
            }
        }
        Quality::Gap => {
            // Too many late tasks (over 20 %), or one not done.
            if rng.chance(500) {
                let late = (assigned / 5 + 1).min(assigned);
                Tasks {
                    assigned,
                    on_time: assigned - late,
                    late,
                    exceeded: 0,
                    not_done: 0,
                }
            } else {
                Tasks {
                    assigned,
                    on_time: assigned - 1,
                    late: 0,
                    exceeded: 0,
                    not_done: 1,
                }
            }
        }
    }
}

/// Points in tenths: (general /300, tasks /700).
fn draw_score(rng: &mut Rng, q: Quality) -> (u32, u32) {
    let (lo, hi) = match q {
        Quality::Excellent => (900, 985),
        Quality::Good => (700, 899),
        Quality::Completed => (500, 699),
        Quality::Weak => (300, 499),
        Quality::Gap => (600, 880),
    };
    let total = lo + rng.below(hi - lo + 1);
    let common = (total * 3 / 10 + rng.below(21)).min(300).min(total);
    (common, (total - common).min(700))
}

fn grades(rng: &mut Rng, q: Quality) -> BTreeMap<String, Grade> {
    let (others, task) = match q {
        Quality::Excellent => (Grade::Good, Grade::Excellent),
        Quality::Good => (Grade::Average, Grade::Good),
        Quality::Completed | Quality::Gap => (Grade::Average, Grade::Average),
        Quality::Weak => (Grade::Poor, Grade::Average),
    };
    let mut g = BTreeMap::new();
    for c in ["chinh_tri_tu_tuong", "dao_duc_loi_song", "ky_luat"] {
        let up = rng.chance(300) && others < Grade::Excellent && q != Quality::Weak;
        g.insert(
            c.to_owned(),
            if up { Grade::Good.max(others) } else { others },
        );
    }
    g.insert("ket_qua_nhiem_vu".to_owned(), task);
    g
}

fn level_of(q: Quality) -> Level {
    match q {
        Quality::Excellent => Level::Excellent,
        Quality::Good | Quality::Gap => Level::Good,
        Quality::Completed => Level::Completed,
        Quality::Weak => Level::NotCompleted,
    }
}

/// A base evaluation with only the subject, year and stage set.
fn blank(subject: &str, year: i32, stage: Stage) -> Evaluation {
    Evaluation {
        subject: subject.to_owned(),
        year,
        stage,
        score_common: None,
        score_tasks: None,
        score_total: None,
        grades: BTreeMap::new(),
        task_criteria: Vec::new(),
        concrete_products: None,
        proposed: None,
        tasks: None,
        prior_shortcomings: None,
        leader: None,
        conclusions: Vec::new(),
        civil_servant_level: None,
        peer_levels: None,
        category: None,
        residence_comment: None,
        review_meeting: None,
        sick_leave_days: None,
        force_majeure: false,
    }
}

/// Fills in the regime's inputs of one evaluation for quality `q`.
fn fill(rng: &mut Rng, e: &mut Evaluation, q: Quality, tasks: Tasks) {
    match Regime::for_year(e.year) {
        Regime::Qd366_2025 => {
            let (c, t) = draw_score(rng, q);
            e.score_common = Some(c);
            e.score_tasks = Some(t);
        }
        Regime::Hd27_2014 => {
            let (c, t) = draw_score(rng, q);
            e.score_total = Some(c + t);
        }
        Regime::Qd124_2023 | Regime::Qd132_2018 => {
            e.grades = grades(rng, q);
            e.task_criteria = vec!["ket_qua_nhiem_vu".to_owned()];
            e.concrete_products = Some(q != Quality::Weak || rng.chance(500));
        }
    }
    e.tasks = Some(tasks);
    if rng.chance(150) {
        let identified = 1 + rng.below(3);
        let remedied = if rng.chance(800) {
            identified
        } else {
            identified - 1
        };
        e.prior_shortcomings = Some(Shortcomings {
            identified,
            remedied,
        });
    }
}

/// Adds the rating inputs of `years` to a generated province.
pub(super) fn add(out: &mut Part, rng: &mut Rng, years: &[i32], sample: bool) {
    for &year in years {
        add_year(out, rng, year, sample);
    }
}

#[expect(
    clippy::too_many_lines,
    reason = "one pass per kind of subject, in order"
)]
fn add_year(out: &mut Part, rng: &mut Rng, year: i32, sample: bool) {
    let end = ymd(year, 12, 31);
    // Secretaries (leaders for their cell, Q4) and the cells they lead.
    let mut secretary_of: FxHashMap<&str, &str> = FxHashMap::default();
    for p in &out.posts {
        if p.role == Role::Secretary && p.period().contains(end) {
            secretary_of.insert(p.person.as_str(), p.unit.as_str());
        }
    }
    let living_elsewhere: FxHashSet<&str> = out
        .residence
        .iter()
        .filter(|r| r.exemption.is_none())
        .map(|r| r.person.as_str())
        .collect();
    let units: FxHashMap<&str, (UnitKind, Option<CellType>)> = out
        .units
        .iter()
        .map(|u| (u.id.as_str(), (u.kind, u.cell_type)))
        .collect();

    // Organisations first: their tasks are what their secretaries lead.
    let mut org_tasks: FxHashMap<String, Tasks> = FxHashMap::default();
    let mut evaluations: Vec<Evaluation> = Vec::new();
    for u in &out.units {
        if u.kind.tree() != crate::org::Tree::Party
            || u.kind == UnitKind::PartyGroup
            || !u.lifetime().contains(end)
        {
            continue;
        }
        let q = match rng.below(100) {
            0..=24 => Quality::Excellent,
            25..=89 => Quality::Good,
            90..=97 => Quality::Completed,
            _ => Quality::Weak,
        };
        let tasks = draw_tasks(rng, q, 8, 16);
        let mut e = blank(&u.id, year, Stage::SelfAssessment);
        fill(rng, &mut e, q, tasks);
        e.proposed = Some(level_of(q));
        let day = if u.kind.holds_members() {
            1 + rng.below(20)
        } else {
            21 + rng.below(7)
        };
        e.review_meeting = Some(ymd(year, 12, day));
        org_tasks.insert(u.id.clone(), tasks);
        evaluations.push(e);
    }

    let mut disciplines = Vec::new();
    let mut decisions = Vec::new();
    let mut explicit: Vec<String> = Vec::new();
    for m in &out.memberships {
        if !m.period().contains(end) {
            continue;
        }
        // Exempt, suspended and new members write no self-assessment.
        let ineligible = m.statuses_on(end).any(|s| {
            matches!(
                s.kind,
                crate::org::StatusKind::Exempt | crate::org::StatusKind::Suspended
            )
        }) || crate::date::add_months(m.admitted_on, 6)
            .is_none_or(|d| d > ymd(year, 12, 1));
        if ineligible || (m.admitted_on > end) {
            continue;
        }
        // A few members have no evaluation on file.
        if rng.chance(2) {
            continue;
        }
        let (_, cell_type) = units
            .get(m.cell.as_str())
            .copied()
            .unwrap_or((UnitKind::Cell, None));
        let q = draw_quality(rng);
        let tasks = draw_tasks(rng, q, 3, 8);
        let stage = if sample {
            Stage::Appraisal
        } else {
            Stage::Decision
        };
        let mut e = blank(&m.person, year, stage);
        fill(rng, &mut e, q, tasks);
        // The sample's appraisals propose a level; of the country's decisions, a few record one.
        if sample || rng.chance(20) {
            e.proposed = Some(level_of(q));
        }
        if let Some(cell) = secretary_of.get(m.person.as_str()) {
            let led = org_tasks.get(*cell).copied().unwrap_or(tasks);
            e.leader = Some(Box::new(LeaderFacts {
                led_tasks: Some(led),
                ..LeaderFacts::default()
            }));
        }
        if cell_type != Some(CellType::Residential) && cell_type != Some(CellType::Enterprise) {
            e.civil_servant_level = Some(match rng.below(100) {
                0..=19 => Level::Excellent,
                20..=94 => Level::Good,
                _ => Level::Completed,
            });
        }
        if living_elsewhere.contains(m.person.as_str()) && !rng.chance(40) {
            e.residence_comment = Some(match rng.below(100) {
                0..=79 => ResidenceComment::Good,
                80..=96 => ResidenceComment::Satisfactory,
                _ => ResidenceComment::NotGood,
            });
        }
        // Conclusions: degradation (one in five mitigated), prohibited acts.
        if rng.chance(2) {
            e.conclusions.push(Conclusion {
                kind: ConclusionKind::Degradation,
                on: Some(ymd(year, 9, 15)),
                mitigated: rng.chance(200),
            });
        } else if rng.chance(1) {
            e.conclusions.push(Conclusion {
                kind: ConclusionKind::ProhibitedActs,
                on: Some(ymd(year, 6, 1)),
                mitigated: false,
            });
        }
        // Disciplines: duty-related or not, some self-detected, some for an earlier year.
        if rng.chance(5) {
            let form = match rng.below(100) {
                0..=69 => DisciplineForm::Reprimand,
                70..=94 => DisciplineForm::Warning,
                _ => DisciplineForm::Removal,
            };
            let earlier = rng.chance(200);
            // The sample records the committee's decision on the first two
            // mitigated, duty-related faults of each year (they trigger under
            // Quy định 366, and the decision replaces the default KHTNV).
            let decided = sample && !earlier && decisions.len() < 2;
            let self_detected = rng.chance(150) || decided;
            let decided_on: Date = ymd(year, 3 + rng.below(9), 1 + rng.below(28));
            disciplines.push(Discipline {
                subject: m.person.clone(),
                form,
                decided_on,
                violation_id: Some(format!("v-{}-{year}", m.person)),
                violation_year: earlier.then_some(year - 1),
                violation_unit: None,
                duty_related: rng.chance(600) || decided,
                self_detected,
            });
            if decided {
                decisions.push(Decision {
                    subject: m.person.clone(),
                    year,
                    point: "mitigation".to_owned(),
                    level: Level::Completed,
                    decided_by: Some("Ban Thường vụ Đảng ủy xã".to_owned()),
                    decided_on: Some(ymd(year, 12, 20)),
                });
            }
        }
        // The member's own proposal at the self-assessment, sometimes a level too high.
        if sample {
            let mut own = e.clone();
            own.stage = Stage::SelfAssessment;
            let proposed = level_of(q);
            own.proposed = Some(if rng.chance(80) {
                Level::Excellent.min(match proposed {
                    Level::NotCompleted => Level::Completed,
                    Level::Completed => Level::Good,
                    _ => Level::Excellent,
                })
            } else {
                proposed
            });
            evaluations.push(own);
            if explicit.len() < 40 && m.cell.ends_with(".a000.cb1") {
                explicit.push(m.person.clone());
            }
        }
        evaluations.push(e);
    }
    if sample && !explicit.is_empty() {
        out.quota_groups.push(QuotaGroup {
            id: format!("nhom-tieu-bieu-{year}"),
            year,
            subjects: explicit,
            outstanding: true,
            decided_by: Some("Ban Thường vụ Đảng ủy xã".to_owned()),
        });
    }
    out.evaluations.extend(evaluations);
    out.disciplines.extend(disciplines);
    out.decisions.extend(decisions);
}
