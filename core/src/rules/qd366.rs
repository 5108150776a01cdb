//! Quy định 366-QĐ/TW (30/8/2025) and Hướng dẫn 43-HD/BTCTW (31/10/2025):
//! rating years from 2025 (party-rating.md §5).
//!
//! Every subject is scored out of 100 (30 general + 70 tasks; Điều 10). The
//! level is the score band plus the conditions of Điều 11 khoản 1–3; the
//! triggers of khoản 4 force KHTNV, except where the text leaves mitigation to
//! the competent level. Scores are in tenths; no rounding before banding.

use super::common::{
    self, completed_tasks, disciplines_in_year, excellent_tasks, good_tasks, Counted,
};
use super::{Assessment, Judge, MemberInput, OrgInput, Rules, Unrated};
use crate::evaluation::{ConclusionKind, DisciplineForm, Evaluation};
use crate::explain::{Citation, Effect, RuleDef, Tag};
use crate::level::Level;
use crate::org::Category;
use crate::outcome::NotRatedReason;
use crate::policy::{DisciplineScope, Policy};
use crate::regime::Regime;

const QD: &str = "Quy định 366-QĐ/TW";

rule!(
    EXEMPT,
    "qd366.art5.k2.exempt",
    Citation::point(QD, 5, 2, "2.1"),
    Verified,
    [],
    "đảng viên được miễn công tác và sinh hoạt đảng: không kiểm điểm, không đánh giá, xếp loại",
    "exempted from party work and activities: not reviewed, not rated"
);
rule!(
    SUSPENDED,
    "qd366.art5.k2.suspended",
    Citation::point(QD, 5, 2, "2.1"),
    Verified,
    [],
    "đảng viên bị đình chỉ sinh hoạt đảng: không kiểm điểm, không đánh giá, xếp loại",
    "suspended from party activities: not reviewed, not rated"
);
rule!(NEW_MEMBER, "qd366.art5.k2.new_member", Citation::point(QD, 5, 2, "2.1"), Verified, ["admitted_date", "reference_date"],
    "kết nạp ngày {admitted_date}, chưa đủ 6 tháng tính đến ngày {reference_date}: không kiểm điểm, không đánh giá, xếp loại",
    "admitted on {admitted_date}, less than 6 months before {reference_date}: not reviewed, not rated");
rule!(NEW_ORGANISATION, "qd366.new_organisation", Citation::doc("xeploai DESIGN §5 (Q7)"), Unverified, ["established_date", "reference_date"],
    "tổ chức thành lập ngày {established_date}, chưa đủ 6 tháng đến ngày {reference_date}: không xếp loại (thiết lập chính sách)",
    "set up on {established_date}, less than 6 months before {reference_date}: not rated (a policy setting)");
rule!(
    SCORE_BELOW_50,
    "qd366.art11.k4.score_below_50",
    Citation::clause(QD, 11, 4),
    Verified,
    ["score"],
    "đạt {score} điểm, dưới 50 điểm: không hoàn thành nhiệm vụ",
    "scored {score}, below 50: did not complete the tasks"
);
rule!(
    BAND_EXCELLENT,
    "qd366.art11.k1.band",
    Citation::clause(QD, 11, 1),
    Verified,
    ["score"],
    "đạt {score} điểm, từ 90 điểm trở lên: khung hoàn thành xuất sắc nhiệm vụ",
    "scored {score}, 90 or more: the band of HTXSNV"
);
rule!(
    BAND_GOOD,
    "qd366.art11.k2.band",
    Citation::clause(QD, 11, 2),
    Verified,
    ["score"],
    "đạt {score} điểm, từ 70 đến dưới 90 điểm: khung hoàn thành tốt nhiệm vụ",
    "scored {score}, from 70 to under 90: the band of HTTNV"
);
rule!(
    BAND_COMPLETED,
    "qd366.art11.k3.band",
    Citation::clause(QD, 11, 3),
    Verified,
    ["score"],
    "đạt {score} điểm, từ 50 đến dưới 70 điểm: khung hoàn thành nhiệm vụ",
    "scored {score}, from 50 to under 70: the band of HTNV"
);
rule!(COND_EXCELLENT_TASKS, "qd366.art11.k1.tasks", Citation::clause(QD, 11, 1), Verified, ["assigned", "on_time", "exceeded"],
    "HTXSNV cần 100% nhiệm vụ hoàn thành đúng tiến độ, có chất lượng và ít nhất 30% vượt yêu cầu: {on_time}/{assigned} đúng tiến độ, {exceeded} vượt",
    "HTXSNV needs 100% of tasks done on time with quality and at least 30% exceeding: {on_time}/{assigned} on time, {exceeded} exceeding");
rule!(COND_EXCELLENT_PRIOR, "qd366.art11.k1.prior_shortcomings", Citation::clause(QD, 11, 1), Verified, ["identified", "remedied"],
    "HTXSNV cần khắc phục 100% hạn chế, khuyết điểm đã chỉ ra ở kỳ kiểm điểm trước: đã khắc phục {remedied}/{identified}",
    "HTXSNV needs 100% of the shortcomings identified at the previous review remedied: {remedied}/{identified} remedied");
rule!(COND_EXCELLENT_LED, "qd366.art11.k1.led_units", Citation::clause(QD, 11, 1), Verified, ["assigned", "on_time", "exceeded"],
    "HTXSNV của cá nhân giữ chức vụ lãnh đạo cần địa phương, đơn vị trực tiếp phụ trách hoàn thành 100% nhiệm vụ, ít nhất 30% vượt yêu cầu: {on_time}/{assigned}, {exceeded} vượt",
    "HTXSNV of a leader needs the units they directly lead to complete 100% of tasks, at least 30% exceeding: {on_time}/{assigned}, {exceeded} exceeding");
rule!(COND_EXCELLENT_NO_DISCIPLINE, "qd366.art11.k1.no_discipline", Citation::clause(QD, 11, 1), Verified, ["subordinates_disciplined", "leadership_disciplined"],
    "tập thể HTXSNV không có tổ chức trực thuộc, thành viên tập thể lãnh đạo bị kỷ luật: {subordinates_disciplined} tổ chức, {leadership_disciplined} thành viên bị kỷ luật",
    "an HTXSNV collective has no subordinate organisation and no leadership member disciplined: {subordinates_disciplined} organisations, {leadership_disciplined} members disciplined");
rule!(
    COND_GOOD_TASKS,
    "qd366.art11.k2.tasks",
    Citation::clause(QD, 11, 2),
    Verified,
    ["assigned", "on_time"],
    "HTTNV cần 100% nhiệm vụ hoàn thành đúng tiến độ, có chất lượng: {on_time}/{assigned}",
    "HTTNV needs 100% of tasks done on time with quality: {on_time}/{assigned}"
);
rule!(COND_COMPLETED_TASKS, "qd366.art11.k3.tasks", Citation::clause(QD, 11, 3), Verified, ["assigned", "done", "late"],
    "HTNV cần hoàn thành 100% nhiệm vụ, chậm tiến độ không quá 20%: hoàn thành {done}/{assigned}, chậm {late}",
    "HTNV needs 100% of tasks done, at most 20% late: {done}/{assigned} done, {late} late");
rule!(GAP, "qd366.art11.gap", Citation::art(QD, 11), Derived, ["score"],
    "đạt {score} điểm nhưng không đủ điều kiện của mức nào và không thuộc trường hợp không hoàn thành nhiệm vụ: cấp có thẩm quyền xem xét",
    "scored {score} but meets no level's conditions and no trigger: the competent level decides");
rule!(T_C1, "qd366.art11.k4.p4_1.t_c1", Citation::point(QD, 11, 4, "4.1"), Verified, [],
    "có kết luận sai phạm trong công tác cán bộ, mất đoàn kết nội bộ, bè phái hoặc chạy chức, chạy quyền: không hoàn thành nhiệm vụ",
    "concluded wrongdoing in personnel work, disunity, factions or buying of posts: did not complete the tasks");
rule!(T_C2, "qd366.art11.k4.p4_1.t_c2", Citation::point(QD, 11, 4, "4.1"), Verified, ["form"],
    "thành viên tập thể lãnh đạo bị kỷ luật ({form}) do vi phạm liên quan đến chức trách, nhiệm vụ: không hoàn thành nhiệm vụ",
    "a member of the leadership collective was disciplined ({form}) for a duty-related violation: did not complete the tasks");
rule!(T_C3, "qd366.art11.k4.p4_1.t_c3", Citation::point(QD, 11, 4, "4.1"), Verified, ["members"],
    "{members} thành viên tập thể lãnh đạo bị kết luận suy thoái: không hoàn thành nhiệm vụ",
    "{members} members of the leadership collective concluded to show degradation: did not complete the tasks");
rule!(T_C4_TASKS, "qd366.art11.k4.p4_1.t_c4.tasks", Citation::point(QD, 11, 4, "4.1"), Verified, ["assigned", "done"],
    "hoàn thành dưới 70% chỉ tiêu, nhiệm vụ trong năm ({done}/{assigned}): không hoàn thành nhiệm vụ",
    "completed under 70% of the year's tasks ({done}/{assigned}): did not complete the tasks");
rule!(
    T_C4_INDICATORS,
    "qd366.art11.k4.p4_1.t_c4.indicators",
    Citation::point(QD, 11, 4, "4.1"),
    Verified,
    [],
    "không đạt 5 chỉ tiêu cơ bản về kinh tế - xã hội: không hoàn thành nhiệm vụ",
    "the 5 basic socio-economic indicators were not met: did not complete the tasks"
);
rule!(T_L1_TASKS, "qd366.art11.k4.p4_2.t_l1.tasks", Citation::point(QD, 11, 4, "4.2"), Verified, ["assigned", "done"],
    "địa phương, đơn vị trực tiếp phụ trách hoàn thành dưới 70% nhiệm vụ ({done}/{assigned}): không hoàn thành nhiệm vụ",
    "the units they directly lead completed under 70% of tasks ({done}/{assigned}): did not complete the tasks");
rule!(
    T_L1_INDICATORS,
    "qd366.art11.k4.p4_2.t_l1.indicators",
    Citation::point(QD, 11, 4, "4.2"),
    Verified,
    [],
    "địa phương trực tiếp phụ trách không đạt 5 chỉ tiêu cơ bản: không hoàn thành nhiệm vụ",
    "the locality they directly lead missed the 5 basic indicators: did not complete the tasks"
);
rule!(T_L1_LED_UNITS, "qd366.art11.k4.p4_2.t_l1.led_units", Citation::point(QD, 11, 4, "4.2"), Verified, ["led", "not_completed"],
    "trên 50% địa phương, đơn vị phụ trách không hoàn thành nhiệm vụ ({not_completed}/{led}): không hoàn thành nhiệm vụ",
    "more than 50% of the units they lead did not complete their tasks ({not_completed}/{led}): did not complete the tasks");
rule!(
    T_L2,
    "qd366.art11.k4.p4_2.t_l2",
    Citation::point(QD, 11, 4, "4.2"),
    Verified,
    ["low", "total"],
    "trên 50% phiếu tín nhiệm thấp ({low}/{total}): không hoàn thành nhiệm vụ",
    "more than 50% low-confidence votes ({low}/{total}): did not complete the tasks"
);
rule!(
    T_L3,
    "qd366.art11.k4.p4_2.t_l3",
    Citation::point(QD, 11, 4, "4.2"),
    Verified,
    ["form"],
    "bị kỷ luật ({form}) do vi phạm liên quan đến chức trách, nhiệm vụ: không hoàn thành nhiệm vụ",
    "disciplined ({form}) for a duty-related violation: did not complete the tasks"
);
rule!(
    T_L4,
    "qd366.art11.k4.p4_2.t_l4",
    Citation::point(QD, 11, 4, "4.2"),
    Verified,
    [],
    "bị kết luận suy thoái: không hoàn thành nhiệm vụ",
    "concluded to show degradation: did not complete the tasks"
);
rule!(T_L5, "qd366.art11.k4.p4_2.t_l5", Citation::point(QD, 11, 4, "4.2"), Verified, [],
    "để xảy ra tham nhũng, lãng phí, tiêu cực ở tổ chức, cá nhân do mình trực tiếp quản lý và bị xử lý kỷ luật: không hoàn thành nhiệm vụ",
    "corruption, waste or negativity under their direct management, disciplined: did not complete the tasks");
rule!(
    T_I1_DEGRADATION,
    "qd366.art11.k4.p4_3.t_i1.degradation",
    Citation::point(QD, 11, 4, "4.3"),
    Verified,
    [],
    "bị kết luận suy thoái: không hoàn thành nhiệm vụ",
    "concluded to show degradation: did not complete the tasks"
);
rule!(
    T_I1_DISCIPLINE,
    "qd366.art11.k4.p4_3.t_i1.discipline",
    Citation::point(QD, 11, 4, "4.3"),
    Verified,
    ["form"],
    "bị kỷ luật ({form}) do vi phạm liên quan đến hoạt động công vụ: không hoàn thành nhiệm vụ",
    "disciplined ({form}) for a violation related to public service: did not complete the tasks"
);
rule!(
    T_I1_PROHIBITED,
    "qd366.art11.k4.p4_3.t_i1.prohibited_acts",
    Citation::point(QD, 11, 4, "4.3"),
    Verified,
    [],
    "vi phạm những điều đảng viên không được làm: không hoàn thành nhiệm vụ",
    "violated the acts party members must not commit: did not complete the tasks"
);
rule!(
    T_I1_EXEMPLARY,
    "qd366.art11.k4.p4_3.t_i1.exemplary_duty",
    Citation::point(QD, 11, 4, "4.3"),
    Verified,
    [],
    "vi phạm trách nhiệm nêu gương, ảnh hưởng xấu đến uy tín: không hoàn thành nhiệm vụ",
    "violated the duty to set an example, harming reputation: did not complete the tasks"
);
rule!(T_I2, "qd366.art11.k4.p4_3.t_i2", Citation::point(QD, 11, 4, "4.3"), Verified, ["assigned", "not_done"],
    "trên 50% nhiệm vụ trong năm không hoàn thành ({not_done}/{assigned}): không hoàn thành nhiệm vụ",
    "more than 50% of the year's tasks not done ({not_done}/{assigned}): did not complete the tasks");
rule!(EARLIER_FAULT, "qd366.art11.k4.earlier_fault", Citation::clause(QD, 11, 4), Verified, ["violation_year"],
    "vi phạm xảy ra năm {violation_year}, bị kỷ luật trong kỳ đánh giá: cấp trên xem xét tại thời điểm đánh giá",
    "the violation happened in {violation_year} and was disciplined in this period: the higher level weighs it now");
rule!(QUOTA_GRANTED, "qd366.art11.k1.quota.granted", Citation::clause(QD, 11, 1), Verified, ["rank", "cap", "candidates"],
    "trong tỷ lệ HTXSNV của nhóm: xếp thứ {rank} trong {candidates} người đủ điều kiện, tối đa {cap}",
    "within the group's HTXSNV quota: ranked {rank} of {candidates} candidates, at most {cap}");
rule!(QUOTA_DEMOTED, "qd366.art11.k1.quota.demoted", Citation::clause(QD, 11, 1), Verified, ["rank", "cap", "candidates", "percent"],
    "số HTXSNV không vượt quá {percent}% số HTTNV của nhóm: xếp thứ {rank} trong {candidates} người đủ điều kiện, chỉ được {cap}: xếp HTTNV",
    "HTXSNV may not exceed {percent}% of HTTNV in the group: ranked {rank} of {candidates} candidates with {cap} allowed: rated HTTNV");
rule!(
    EXCEPTION_25,
    "qd366.art11.k1.quota.exception_25",
    Citation::clause(QD, 11, 1),
    Verified,
    ["percent"],
    "nhóm có thành tích nổi bật: tỷ lệ HTXSNV tối đa {percent}%",
    "the group has outstanding achievements: HTXSNV up to {percent}%"
);
rule!(HEAD_OF_NOT_COMPLETED, "qd366.art11.k4.p4_2.t_l1.head", Citation::point(QD, 11, 4, "4.2"), Derived, ["led", "not_completed"],
    "tổ chức do mình trực tiếp lãnh đạo không hoàn thành nhiệm vụ ({not_completed}/{led}, trên 50%): người đứng đầu không hoàn thành nhiệm vụ (đánh giá sau tập thể, Điều 12 khoản 2)",
    "the organisation they directly lead did not complete its tasks ({not_completed}/{led}, over 50%): the head did not complete the tasks (rated after the collective, Article 12 clause 2)");

/// Every rule of Quy định 366.
pub static RULES: &[&RuleDef] = &[
    &EXEMPT,
    &SUSPENDED,
    &NEW_MEMBER,
    &NEW_ORGANISATION,
    &SCORE_BELOW_50,
    &BAND_EXCELLENT,
    &BAND_GOOD,
    &BAND_COMPLETED,
    &COND_EXCELLENT_TASKS,
    &COND_EXCELLENT_PRIOR,
    &COND_EXCELLENT_LED,
    &COND_EXCELLENT_NO_DISCIPLINE,
    &COND_GOOD_TASKS,
    &COND_COMPLETED_TASKS,
    &GAP,
    &T_C1,
    &T_C2,
    &T_C3,
    &T_C4_TASKS,
    &T_C4_INDICATORS,
    &T_L1_TASKS,
    &T_L1_INDICATORS,
    &T_L1_LED_UNITS,
    &T_L2,
    &T_L3,
    &T_L4,
    &T_L5,
    &T_I1_DEGRADATION,
    &T_I1_DISCIPLINE,
    &T_I1_PROHIBITED,
    &T_I1_EXEMPLARY,
    &T_I2,
    &EARLIER_FAULT,
    &QUOTA_GRANTED,
    &QUOTA_DEMOTED,
    &EXCEPTION_25,
    &HEAD_OF_NOT_COMPLETED,
];

/// The rules of Quy định 366.
#[derive(Debug, Clone, Copy)]
pub struct Qd366;

/// The score of an evaluation: general + tasks, in tenths.
fn score(e: &Evaluation) -> Result<u32, Unrated> {
    match (e.score_common, e.score_tasks) {
        (Some(c), Some(t)) => Ok(c + t),
        _ => Err(Unrated::missing_inputs()),
    }
}

fn tasks_values(t: Option<&crate::evaluation::Tasks>) -> [i64; 3] {
    t.map_or([0; 3], |t| {
        [
            i64::from(t.assigned),
            i64::from(t.on_time),
            i64::from(t.exceeded),
        ]
    })
}

/// Conclusions of the year's evaluation of a kind: (present, mitigated).
fn concluded(e: &Evaluation, kind: ConclusionKind) -> Option<bool> {
    let found: Vec<bool> = e
        .conclusions
        .iter()
        .filter(|c| c.kind == kind)
        .map(|c| c.mitigated)
        .collect();
    if found.is_empty() {
        None
    } else {
        Some(found.iter().all(|m| *m))
    }
}

/// Walks the bands down until a level's conditions hold (party-rating.md §5.7 step 5).
struct Conditions {
    excellent: bool,
    good: bool,
    completed: bool,
}

fn walk_down(j: &mut Judge<'_>, s: u32, c: &Conditions, e: &Evaluation, policy: &Policy) -> Level {
    let band = if s >= 900 {
        j.note(&BAND_EXCELLENT, Effect::Noted, &[i64::from(s)]);
        Level::Excellent
    } else if s >= 700 {
        j.note(&BAND_GOOD, Effect::Noted, &[i64::from(s)]);
        Level::Good
    } else {
        j.note(&BAND_COMPLETED, Effect::Noted, &[i64::from(s)]);
        Level::Completed
    };
    let t = e.tasks.as_ref();
    if band == Level::Excellent && c.excellent {
        return Level::Excellent;
    }
    if band >= Level::Good && c.good {
        j.note(&COND_GOOD_TASKS, Effect::Met, &tasks_values(t)[..2]);
        return Level::Good;
    }
    if band >= Level::Good {
        let v = tasks_values(t);
        j.note(&COND_GOOD_TASKS, Effect::Lowered, &v[..2]);
    }
    let done_values = t.map_or([0; 3], |t| {
        [
            i64::from(t.assigned),
            i64::from(t.done()),
            i64::from(t.late),
        ]
    });
    if c.completed {
        j.note(&COND_COMPLETED_TASKS, Effect::Met, &done_values);
        return Level::Completed;
    }
    j.note(&COND_COMPLETED_TASKS, Effect::Lowered, &done_values);
    j.gap(&GAP, &[i64::from(s)], policy)
}

const fn met(ok: bool) -> Effect {
    if ok {
        Effect::Met
    } else {
        Effect::Lowered
    }
}

/// HTXSNV: all tasks on time, ≥ 30 % exceeding (Điều 11 khoản 1); noted if `note`.
fn excellent_own_tasks(j: &mut Judge<'_>, e: &Evaluation, note: bool) -> bool {
    let t = e.tasks.as_ref();
    let ok = t.is_some_and(excellent_tasks);
    if note {
        j.note(&COND_EXCELLENT_TASKS, met(ok), &tasks_values(t));
    }
    ok
}

/// HTXSNV: the shortcomings of the previous review all remedied (Điều 11
/// khoản 1); noted in the band when there were any, or when it fails.
fn prior_remedied(j: &mut Judge<'_>, e: &Evaluation, in_band: bool) -> bool {
    let prior = e.prior_shortcomings.unwrap_or_default();
    let ok = prior.remedied >= prior.identified;
    if in_band && (e.prior_shortcomings.is_some() || !ok) {
        j.note(
            &COND_EXCELLENT_PRIOR,
            met(ok),
            &[i64::from(prior.identified), i64::from(prior.remedied)],
        );
    }
    ok
}

/// The HTXSNV conditions of a non-leader and of a collective: tasks and prior shortcomings.
fn excellent_common(j: &mut Judge<'_>, e: &Evaluation, in_band: bool) -> bool {
    let tasks_ok = excellent_own_tasks(j, e, in_band);
    let prior_ok = prior_remedied(j, e, in_band);
    tasks_ok && prior_ok
}

fn discipline_scope(policy: &Policy) -> bool {
    matches!(policy.discipline_trigger, DisciplineScope::DutyRelated)
}

impl Rules for Qd366 {
    fn regime(&self) -> Regime {
        Regime::Qd366_2025
    }

    fn not_rated_rule(&self, reason: NotRatedReason) -> &'static RuleDef {
        super::Eligibility {
            exempt: &EXEMPT,
            suspended: &SUSPENDED,
            new_member: &NEW_MEMBER,
            new_organisation: &NEW_ORGANISATION,
        }
        .rule(reason)
    }

    fn rate_member(&self, m: &MemberInput<'_>) -> Result<Assessment, Unrated> {
        super::rate_member_new(self, m)
    }

    fn rate_member_into(&self, m: &MemberInput<'_>, out: &mut Assessment) -> Result<(), Unrated> {
        let e = m.evaluation;
        let s = score(e)?;
        let mut j = Judge::reusing(m.decisions, out);
        let leader = m.category == Category::Leader;
        let t = e.tasks.as_ref();
        if t.is_none_or(|t| t.assigned == 0) {
            j.note(&common::MISSING_TASK_FACTS, Effect::Noted, &[]);
        }
        // Triggers (Điều 11 khoản 4).
        let disciplines = disciplines_in_year(
            &m.disciplines,
            m.year,
            DisciplineForm::Reprimand,
            discipline_scope(m.policy),
            None,
        );
        let discipline_rule = if leader { &T_L3 } else { &T_I1_DISCIPLINE };
        if !m.disciplines.is_empty() {
            j.setting("discipline_trigger");
        }
        for (d, counted) in &disciplines {
            let v = [d.form as i64];
            match counted {
                Counted::ThisYear => j.trigger(discipline_rule, &v, d.self_detected),
                Counted::EarlierFault => j.earlier_fault(
                    discipline_rule,
                    &[d.form as i64],
                    &EARLIER_FAULT,
                    &[i64::from(d.violation_year.unwrap_or(m.year))],
                ),
            }
        }
        if let Some(mitigated) = concluded(e, ConclusionKind::Degradation) {
            j.trigger(
                if leader { &T_L4 } else { &T_I1_DEGRADATION },
                &[],
                mitigated,
            );
        }
        if leader {
            if let Some(l) = &e.leader {
                if let Some(lt) = &l.led_tasks {
                    if lt.done() as u64 * 10 < 7 * lt.assigned as u64 {
                        j.trigger(
                            &T_L1_TASKS,
                            &[i64::from(lt.assigned), i64::from(lt.done())],
                            e.force_majeure,
                        );
                    }
                }
                if l.basic_indicators_failed {
                    j.trigger(&T_L1_INDICATORS, &[], e.force_majeure);
                }
                if let Some(v) = &l.confidence_votes {
                    if v.low as u64 * 2 > v.total as u64 {
                        j.trigger(&T_L2, &[i64::from(v.low), i64::from(v.total)], false);
                    }
                }
                if l.managed_corruption_disciplined {
                    j.trigger(&T_L5, &[], e.force_majeure);
                }
            }
        } else {
            if let Some(mitigated) = concluded(e, ConclusionKind::ProhibitedActs) {
                j.trigger(&T_I1_PROHIBITED, &[], mitigated);
            }
            if let Some(mitigated) = concluded(e, ConclusionKind::ExemplaryDuty) {
                j.trigger(&T_I1_EXEMPLARY, &[], mitigated);
            }
            if let Some(t) = t {
                if t.not_done as u64 * 2 > t.assigned as u64 {
                    j.trigger(
                        &T_I2,
                        &[i64::from(t.assigned), i64::from(t.not_done)],
                        false,
                    );
                }
            }
        }
        if s < 500 {
            j.note(&SCORE_BELOW_50, Effect::Decided, &[i64::from(s)]);
            j.finish_into(Level::NotCompleted, Some(s), (0, 0), out);
            return Ok(());
        }
        let in_band = s >= 900;
        let excellent = if leader {
            // A leader: the units they lead (Điều 11 khoản 1, the leader's point),
            // the prior shortcomings, and their own tasks if the policy asks.
            let led = e.leader.as_ref().and_then(|l| l.led_tasks.as_ref());
            let led_ok = led.is_some_and(excellent_tasks);
            if in_band {
                j.setting("leader_own_tasks_required");
                j.note(&COND_EXCELLENT_LED, met(led_ok), &tasks_values(led));
            }
            let prior_ok = prior_remedied(&mut j, e, in_band);
            let required = m.policy.leader_own_tasks_required;
            let own_ok = !required || excellent_own_tasks(&mut j, e, in_band);
            prior_ok && led_ok && own_ok
        } else {
            excellent_common(&mut j, e, in_band)
        };
        let conditions = Conditions {
            excellent,
            good: t.is_some_and(good_tasks),
            completed: t.is_some_and(completed_tasks),
        };
        let level = walk_down(&mut j, s, &conditions, e, m.policy);
        let exceeded = common::exceeded(e);
        j.finish_into(level, Some(s), exceeded, out);
        Ok(())
    }

    fn rate_organisation(&self, o: &OrgInput<'_>) -> Result<Assessment, Unrated> {
        let e = o.evaluation;
        let s = score(e)?;
        let mut j = Judge::new(o.decisions);
        let t = e.tasks.as_ref();
        if t.is_none_or(|t| t.assigned == 0) {
            j.note(&common::MISSING_TASK_FACTS, Effect::Noted, &[]);
        }
        for kind in [
            ConclusionKind::PersonnelWrongdoing,
            ConclusionKind::Disunity,
        ] {
            if let Some(mitigated) = concluded(e, kind) {
                j.trigger(&T_C1, &[], mitigated);
            }
        }
        let duty = discipline_scope(o.policy);
        if !o.leadership_disciplines.is_empty() {
            j.setting("discipline_trigger");
        }
        let leadership = disciplines_in_year(
            &o.leadership_disciplines,
            o.year,
            DisciplineForm::Reprimand,
            duty,
            Some(o.id),
        );
        for (d, counted) in &leadership {
            match counted {
                Counted::ThisYear => j.trigger(&T_C2, &[d.form as i64], d.self_detected),
                Counted::EarlierFault => j.earlier_fault(
                    &T_C2,
                    &[d.form as i64],
                    &EARLIER_FAULT,
                    &[i64::from(d.violation_year.unwrap_or(o.year))],
                ),
            }
        }
        if o.leadership_degradation > 0 {
            j.trigger(&T_C3, &[i64::from(o.leadership_degradation)], false);
        }
        if let Some(t) = t {
            if t.done() as u64 * 10 < 7 * t.assigned as u64 {
                j.trigger(
                    &T_C4_TASKS,
                    &[i64::from(t.assigned), i64::from(t.done())],
                    e.force_majeure,
                );
            }
        }
        if e.leader.as_ref().is_some_and(|l| l.basic_indicators_failed) {
            j.trigger(&T_C4_INDICATORS, &[], e.force_majeure);
        }
        if s < 500 {
            j.note(&SCORE_BELOW_50, Effect::Decided, &[i64::from(s)]);
            return Ok(j.finish(Level::NotCompleted, Some(s), (0, 0)));
        }
        let in_band = s >= 900;
        let mut excellent = excellent_common(&mut j, e, in_band);
        let own = disciplines_in_year(
            &o.disciplines,
            o.year,
            DisciplineForm::Reprimand,
            false,
            None,
        );
        let leadership_any = disciplines_in_year(
            &o.leadership_disciplines,
            o.year,
            DisciplineForm::Reprimand,
            false,
            Some(o.id),
        );
        let clean = o.subordinates_disciplined == 0 && leadership_any.is_empty() && own.is_empty();
        if in_band {
            j.note(
                &COND_EXCELLENT_NO_DISCIPLINE,
                if clean { Effect::Met } else { Effect::Lowered },
                &[
                    i64::from(o.subordinates_disciplined),
                    leadership_any.len() as i64,
                ],
            );
        }
        excellent = excellent && clean;
        let conditions = Conditions {
            excellent,
            good: t.is_some_and(good_tasks),
            completed: t.is_some_and(completed_tasks),
        };
        let level = walk_down(&mut j, s, &conditions, e, o.policy);
        let exceeded = common::exceeded(e);
        Ok(j.finish(level, Some(s), exceeded))
    }

    fn head_rule(&self) -> Option<&'static RuleDef> {
        Some(&HEAD_OF_NOT_COMPLETED)
    }

    fn led_units_rule(&self) -> Option<&'static RuleDef> {
        Some(&T_L1_LED_UNITS)
    }

    fn quota(&self) -> Option<super::Quota> {
        Some(super::Quota {
            demoted: &QUOTA_DEMOTED,
            granted: &QUOTA_GRANTED,
            percent: 20,
            outstanding: Some((25, &EXCEPTION_25)),
        })
    }
}
