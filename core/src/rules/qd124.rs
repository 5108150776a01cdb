//! Quy định 124-QĐ/TW (4/10/2023) and Hướng dẫn 25-HD/BTCTW (10/11/2023):
//! rating years 2023–2024 (party-rating.md §6).
//!
//! No points: each criterion is graded Xuất sắc / Tốt / Trung bình / Kém and the
//! level follows from the pattern of grades (Điều 12, \[P\]: the collective part is
//! read in an English summary, the individual part is taken to run in parallel,
//! party-rating.md §14 Q8), with the KHTNV triggers of Điều 12 khoản 4 (\[V\]
//! list) and a quota of 20 % of HTTNV per group of similar subjects.
//!
//! Readings chosen here (each a default, stated in the rule's message):
//! - "the basic criteria" of HTNV (Q10, \[U\]) are every graded criterion;
//! - the task-results criterion is every criterion named in `task_criteria`;
//!   none named → the conditions on it are not met, with a warning;
//! - concrete products not stated → not met, with a warning (DESIGN §5);
//! - "completed < 50 % of the targets and the main targets missed" is read
//!   from the task facts alone (`done × 2 < assigned`);
//! - trigger (a) (a violation in a subordinate unit, disciplined) is read from
//!   the organisation's `leader.managed_corruption_disciplined` fact;
//! - a subject meeting no level's frame and no trigger (no concrete products, a
//!   collective with a disciplined subordinate) is a gap: [`Policy::gap`].

use super::common::{
    self, concluded, disciplines_in_year, walk_frames, Counted, GradeCounts, Part,
};
use super::{Assessment, Judge, MemberInput, OrgInput, Rules, Unrated};
use crate::evaluation::{ConclusionKind, DisciplineForm, Evaluation};
use crate::explain::{Citation, Effect, RuleDef, Tag};
use crate::level::{Grade, Level};
use crate::org::Category;
use crate::outcome::NotRatedReason;
use crate::policy::Policy;
use crate::regime::Regime;

const QD: &str = "Quy định 124-QĐ/TW";
const HD: &str = "Hướng dẫn 25-HD/BTCTW";

// Eligibility (party-rating.md §4, R2 column).
rule!(
    EXEMPT,
    "qd124.art5.k2.exempt",
    Citation::point(QD, 5, 2, "2.1"),
    Verified,
    [],
    "đảng viên được miễn công tác và sinh hoạt đảng: không kiểm điểm, không đánh giá, xếp loại",
    "exempted from party work and activities: not reviewed, not rated"
);
rule!(
    SUSPENDED,
    "qd124.art5.k2.suspended",
    Citation::point(QD, 5, 2, "2.1"),
    Verified,
    [],
    "đảng viên bị đình chỉ sinh hoạt đảng: không kiểm điểm, không đánh giá, xếp loại",
    "suspended from party activities: not reviewed, not rated"
);
rule!(NEW_MEMBER, "qd124.art5.k2.new_member", Citation::point(QD, 5, 2, "2.1"), Verified, ["admitted_date", "reference_date"],
    "kết nạp ngày {admitted_date}, chưa đủ 6 tháng tính đến ngày {reference_date}: không kiểm điểm, không đánh giá, xếp loại",
    "admitted on {admitted_date}, less than 6 months before {reference_date}: not reviewed, not rated");
rule!(NEW_ORGANISATION, "qd124.new_organisation", Citation::doc("xeploai DESIGN §5 (Q7)"), Unverified, ["established_date", "reference_date"],
    "tổ chức thành lập ngày {established_date}, chưa đủ 6 tháng đến ngày {reference_date}: không xếp loại (thiết lập chính sách; Quy định 124 không nói rõ)",
    "set up on {established_date}, less than 6 months before {reference_date}: not rated (a policy setting; Quy định 124 is silent)");

// Levels from the grades (party-rating.md §6.2).
rule!(
    POOR_CRITERION,
    "qd124.art12.k4.poor_criterion",
    Citation::clause(QD, 12, 4),
    Verified,
    ["poor", "criteria"],
    "{poor}/{criteria} tiêu chí được đánh giá ở mức Kém: không hoàn thành nhiệm vụ",
    "{poor} of {criteria} criteria graded Kém (poor): did not complete the tasks"
);
rule!(K1_GRADES, "qd124.art12.k1.grades", Citation::clause(QD, 12, 1), Partial, ["criteria", "at_least_good", "task_criteria", "task_excellent"],
    "HTXSNV cần mọi tiêu chí đạt mức Tốt trở lên và tiêu chí kết quả thực hiện nhiệm vụ đạt mức Xuất sắc: {at_least_good}/{criteria} tiêu chí từ Tốt, {task_excellent}/{task_criteria} tiêu chí nhiệm vụ Xuất sắc",
    "HTXSNV needs every criterion at Tốt (good) or above and the task-results criterion at Xuất sắc (excellent): {at_least_good}/{criteria} criteria at Tốt or above, {task_excellent}/{task_criteria} task criteria at Xuất sắc");
rule!(K1_NO_DISCIPLINE, "qd124.art12.k1.no_discipline", Citation::clause(QD, 12, 1), Partial, ["subordinates_disciplined", "leadership_disciplined"],
    "tập thể HTXSNV không có tổ chức trực thuộc, thành viên tập thể lãnh đạo bị kỷ luật: {subordinates_disciplined} tổ chức, {leadership_disciplined} thành viên bị kỷ luật",
    "an HTXSNV collective has no subordinate organisation and no leadership member disciplined: {subordinates_disciplined} organisations, {leadership_disciplined} members disciplined");
rule!(K2_GRADES, "qd124.art12.k2.grades", Citation::clause(QD, 12, 2), Partial, ["criteria", "at_least_average", "task_criteria", "task_at_least_good"],
    "HTTNV cần mọi tiêu chí đạt mức Trung bình trở lên và tiêu chí kết quả thực hiện nhiệm vụ đạt mức Tốt trở lên: {at_least_average}/{criteria} tiêu chí từ Trung bình, {task_at_least_good}/{task_criteria} tiêu chí nhiệm vụ từ Tốt",
    "HTTNV needs every criterion at Trung bình (average) or above and the task-results criterion at Tốt (good) or above: {at_least_average}/{criteria} criteria at Trung bình or above, {task_at_least_good}/{task_criteria} task criteria at Tốt or above");
rule!(K2_NO_DISCIPLINE, "qd124.art12.k2.no_discipline", Citation::clause(QD, 12, 2), Partial, ["subordinates_disciplined", "leadership_disciplined"],
    "tập thể HTTNV không có tổ chức trực thuộc, thành viên tập thể lãnh đạo bị kỷ luật, trừ trường hợp tự phát hiện và khắc phục: {subordinates_disciplined} tổ chức, {leadership_disciplined} thành viên bị kỷ luật",
    "an HTTNV collective has no subordinate organisation and no leadership member disciplined, unless self-detected and remedied: {subordinates_disciplined} organisations, {leadership_disciplined} members disciplined");
rule!(K3_BASIC, "qd124.art12.k3.basic_criteria", Citation::clause(QD, 12, 3), Unverified, ["basic", "at_least_average"],
    "HTNV cần các tiêu chí cơ bản đạt mức Trung bình trở lên (mặc định: mọi tiêu chí, vì văn bản không định nghĩa «tiêu chí cơ bản»): {at_least_average}/{basic}",
    "HTNV needs the basic criteria at Trung bình (average) or above (by default every criterion: the text does not define \"basic criteria\"): {at_least_average}/{basic}");
rule!(K3_NO_DISCIPLINE, "qd124.art12.k3.no_discipline", Citation::clause(QD, 12, 3), Partial, ["subordinates_disciplined", "leadership_disciplined"],
    "tập thể HTNV không có tổ chức trực thuộc, thành viên tập thể lãnh đạo bị kỷ luật, trừ trường hợp tự phát hiện và khắc phục: {subordinates_disciplined} tổ chức, {leadership_disciplined} thành viên bị kỷ luật",
    "an HTNV collective has no subordinate organisation and no leadership member disciplined, unless self-detected and remedied: {subordinates_disciplined} organisations, {leadership_disciplined} members disciplined");
rule!(
    CONCRETE_PRODUCTS,
    "qd124.art12.concrete_products",
    Citation::art(QD, 12),
    Partial,
    [],
    "HTXSNV, HTTNV và HTNV đều cần kết quả thực hiện nhiệm vụ có sản phẩm cụ thể",
    "HTXSNV, HTTNV and HTNV all need task results with concrete products"
);
rule!(GAP, "qd124.art12.gap", Citation::art(QD, 12), Derived, [],
    "không đủ điều kiện của mức nào và không thuộc trường hợp không hoàn thành nhiệm vụ: cấp có thẩm quyền xem xét",
    "meets no level's conditions and no trigger: the competent level decides");

// KHTNV triggers (Điều 12 khoản 4; party-rating.md §6.3).
rule!(C_A, "qd124.art12.k4.collective.a", Citation::clause(QD, 12, 4), Verified, [],
    "để xảy ra tham nhũng, lãng phí, tiêu cực hoặc vi phạm khác ở đơn vị trực thuộc và bị xử lý kỷ luật: không hoàn thành nhiệm vụ",
    "corruption, waste, negativity or another violation in a subordinate unit, disciplined: did not complete the tasks");
rule!(C_B, "qd124.art12.k4.collective.b", Citation::clause(QD, 12, 4), Verified, ["assigned", "done"],
    "hoàn thành dưới 50% chỉ tiêu, nhiệm vụ được giao trong năm ({done}/{assigned}): không hoàn thành nhiệm vụ",
    "completed under 50% of the year's targets and tasks ({done}/{assigned}): did not complete the tasks");
rule!(
    C_C_COLLECTIVE,
    "qd124.art12.k4.collective.c.disciplined",
    Citation::clause(QD, 12, 4),
    Verified,
    ["form"],
    "tập thể lãnh đạo bị kỷ luật ({form}) trong năm: không hoàn thành nhiệm vụ",
    "the leadership collective was disciplined ({form}) in the year: did not complete the tasks"
);
rule!(C_C_SUBORDINATES, "qd124.art12.k4.collective.c.subordinates", Citation::clause(QD, 12, 4), Verified, ["subordinates", "disciplined"],
    "trên 20% tổ chức trực thuộc bị kỷ luật trong năm ({disciplined}/{subordinates}): không hoàn thành nhiệm vụ",
    "more than 20% of the subordinate organisations disciplined in the year ({disciplined}/{subordinates}): did not complete the tasks");
rule!(
    C_D_DISUNITY,
    "qd124.art12.k4.collective.d.disunity",
    Citation::clause(QD, 12, 4),
    Verified,
    [],
    "có kết luận mất đoàn kết nội bộ: không hoàn thành nhiệm vụ",
    "internal disunity concluded: did not complete the tasks"
);
rule!(
    C_D_DEGRADATION,
    "qd124.art12.k4.collective.d.degradation",
    Citation::clause(QD, 12, 4),
    Verified,
    ["members"],
    "{members} thành viên bị kết luận suy thoái: không hoàn thành nhiệm vụ",
    "{members} members concluded to show degradation: did not complete the tasks"
);
rule!(L_TASKS, "qd124.art12.k4.leader.tasks", Citation::clause(QD, 12, 4), Partial, ["assigned", "done"],
    "địa phương, đơn vị trực tiếp lãnh đạo hoàn thành dưới 50% chỉ tiêu, nhiệm vụ ({done}/{assigned}): không hoàn thành nhiệm vụ",
    "the locality or unit they directly lead completed under 50% of its targets ({done}/{assigned}): did not complete the tasks");
rule!(I_DEGRADATION, "qd124.art12.k4.p4_3.degradation", Citation::point(QD, 12, 4, "4.3"), Verified, [],
    "bị kết luận suy thoái về tư tưởng chính trị, đạo đức, lối sống, «tự diễn biến», «tự chuyển hóa»: không hoàn thành nhiệm vụ",
    "concluded to show degradation in political ideology, ethics or lifestyle: did not complete the tasks");
rule!(
    I_PROHIBITED,
    "qd124.art12.k4.p4_3.prohibited_acts",
    Citation::point(QD, 12, 4, "4.3"),
    Verified,
    [],
    "vi phạm những điều đảng viên không được làm: không hoàn thành nhiệm vụ",
    "violated the acts party members must not commit: did not complete the tasks"
);
rule!(
    I_EXEMPLARY,
    "qd124.art12.k4.p4_3.exemplary_duty",
    Citation::point(QD, 12, 4, "4.3"),
    Verified,
    [],
    "vi phạm trách nhiệm nêu gương, ảnh hưởng xấu đến uy tín: không hoàn thành nhiệm vụ",
    "violated the duty to set an example, harming reputation: did not complete the tasks"
);
rule!(I_DISCIPLINE, "qd124.art12.k4.p4_3.discipline", Citation::point(QD, 12, 4, "4.3"), Verified, ["form"],
    "bị xử lý kỷ luật ({form}) trong năm đánh giá (mọi hình thức), trừ trường hợp tự phát hiện và khắc phục: không hoàn thành nhiệm vụ",
    "disciplined ({form}) in the rating year (any form), unless self-detected and remedied: did not complete the tasks");
rule!(EARLIER_FAULT, "hd25.muc4.earlier_fault", Citation::section(HD, "4"), Partial, ["violation_year"],
    "vi phạm xảy ra năm {violation_year}, bị kỷ luật trong năm đánh giá: cấp có thẩm quyền xem xét tại thời điểm đánh giá",
    "the violation happened in {violation_year} and was disciplined in the rating year: the competent level weighs it now");

// Quota (party-rating.md §6.2, HTXSNV row).
rule!(QUOTA_GRANTED, "qd124.art12.k1.quota.granted", Citation::clause(QD, 12, 1), Partial, ["rank", "cap", "candidates"],
    "trong tỷ lệ HTXSNV của nhóm: xếp thứ {rank} trong {candidates} người đủ điều kiện, tối đa {cap}",
    "within the group's HTXSNV quota: ranked {rank} of {candidates} candidates, at most {cap}");
rule!(QUOTA_DEMOTED, "qd124.art12.k1.quota.demoted", Citation::clause(QD, 12, 1), Partial, ["rank", "cap", "candidates"],
    "số HTXSNV không vượt quá 20% số HTTNV của nhóm có vị trí, vai trò, chức năng, nhiệm vụ tương đồng: xếp thứ {rank} trong {candidates} người đủ điều kiện, chỉ được {cap}: xếp HTTNV",
    "HTXSNV may not exceed 20% of HTTNV in a group of similar role and tasks: ranked {rank} of {candidates} candidates with {cap} allowed: rated HTTNV");

/// Every rule of Quy định 124.
pub static RULES: &[&RuleDef] = &[
    &EXEMPT,
    &SUSPENDED,
    &NEW_MEMBER,
    &NEW_ORGANISATION,
    &POOR_CRITERION,
    &K1_GRADES,
    &K1_NO_DISCIPLINE,
    &K2_GRADES,
    &K2_NO_DISCIPLINE,
    &K3_BASIC,
    &K3_NO_DISCIPLINE,
    &CONCRETE_PRODUCTS,
    &GAP,
    &C_A,
    &C_B,
    &C_C_COLLECTIVE,
    &C_C_SUBORDINATES,
    &C_D_DISUNITY,
    &C_D_DEGRADATION,
    &L_TASKS,
    &I_DEGRADATION,
    &I_PROHIBITED,
    &I_EXEMPLARY,
    &I_DISCIPLINE,
    &EARLIER_FAULT,
    &QUOTA_GRANTED,
    &QUOTA_DEMOTED,
];

/// The rules of Quy định 124-QĐ/TW.
#[derive(Debug, Clone, Copy)]
pub struct Qd124;

/// Disciplines of the leadership collective: (all, not self-detected), as counts.
struct Collective {
    subordinates_disciplined: u32,
    leadership_all: u32,
    leadership_unmitigated: u32,
}

/// The level from the grades (party-rating.md §6.2): KHTNV on a Kém, else the
/// highest frame that holds, else the gap policy.
fn level_from_grades(
    j: &mut Judge<'_>,
    e: &Evaluation,
    g: &GradeCounts,
    collective: Option<&Collective>,
    policy: &Policy,
) -> Level {
    let all = g.all();
    let poor = g.all_at(Grade::Poor);
    if poor > 0 {
        j.note(
            &POOR_CRITERION,
            Effect::Decided,
            &[i64::from(poor), i64::from(all)],
        );
        return Level::NotCompleted;
    }
    let tasks = g.tasks();
    if tasks == 0 || e.concrete_products.is_none() {
        j.note(&common::MISSING_TASK_FACTS, Effect::Noted, &[]);
    }
    let products = Part::new(&CONCRETE_PRODUCTS, e.concrete_products == Some(true), &[]);
    let good = g.all_at_least(Grade::Good);
    let task_excellent = g.task_at_least(Grade::Excellent);
    let k1 = Part::new(
        &K1_GRADES,
        tasks > 0 && good == all && task_excellent == tasks,
        &[
            i64::from(all),
            i64::from(good),
            i64::from(tasks),
            i64::from(task_excellent),
        ],
    );
    let average = g.all_at_least(Grade::Average);
    let task_good = g.task_at_least(Grade::Good);
    let k2 = Part::new(
        &K2_GRADES,
        tasks > 0 && average == all && task_good == tasks,
        &[
            i64::from(all),
            i64::from(average),
            i64::from(tasks),
            i64::from(task_good),
        ],
    );
    // "The basic criteria" (Q10, [U]): the policy's, every criterion by default.
    let (basic, basic_average) = common::basic_criteria(e, policy);
    let k3 = Part::new(
        &K3_BASIC,
        basic_average == basic,
        &[i64::from(basic), i64::from(basic_average)],
    );
    let level = if let Some(c) = collective {
        let strict = [
            i64::from(c.subordinates_disciplined),
            i64::from(c.leadership_all),
        ];
        let lenient = [
            i64::from(c.subordinates_disciplined),
            i64::from(c.leadership_unmitigated),
        ];
        let clean = c.subordinates_disciplined == 0 && c.leadership_all == 0;
        let clean_but_self_detected =
            c.subordinates_disciplined == 0 && c.leadership_unmitigated == 0;
        walk_frames(
            j,
            &[
                (
                    Level::Excellent,
                    &[k1, products, Part::new(&K1_NO_DISCIPLINE, clean, &strict)],
                ),
                (
                    Level::Good,
                    &[
                        k2,
                        products,
                        Part::new(&K2_NO_DISCIPLINE, clean_but_self_detected, &lenient),
                    ],
                ),
                (
                    Level::Completed,
                    &[
                        k3,
                        products,
                        Part::new(&K3_NO_DISCIPLINE, clean_but_self_detected, &lenient),
                    ],
                ),
            ],
        )
    } else {
        walk_frames(
            j,
            &[
                (Level::Excellent, &[k1, products]),
                (Level::Good, &[k2, products]),
                (Level::Completed, &[k3, products]),
            ],
        )
    };
    level.unwrap_or_else(|| j.gap(&GAP, &[], policy))
}

fn exceeded(e: &Evaluation) -> (u32, u32) {
    common::exceeded(e)
}

/// `done < 50 % of assigned`: `done × 2 < assigned`.
fn under_half(t: &crate::evaluation::Tasks) -> bool {
    u64::from(t.done()) * 2 < u64::from(t.assigned)
}

impl Rules for Qd124 {
    fn regime(&self) -> Regime {
        Regime::Qd124_2023
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
        let g = common::grades_of(e)?;
        let mut j = Judge::reusing(m.decisions, out);
        // Điều 12 khoản 4 điểm 4.3: any individual (leaders included).
        for (kind, rule) in [
            (ConclusionKind::Degradation, &I_DEGRADATION),
            (ConclusionKind::ProhibitedActs, &I_PROHIBITED),
            (ConclusionKind::ExemplaryDuty, &I_EXEMPLARY),
        ] {
            if let Some(mitigated) = concluded(e, kind) {
                j.trigger(rule, &[], mitigated);
            }
        }
        // (d): disciplined in the year, any form; self-detected → the competent level decides.
        for (d, counted) in disciplines_in_year(
            &m.disciplines,
            m.year,
            DisciplineForm::Reprimand,
            false,
            None,
        ) {
            match counted {
                Counted::ThisYear => j.trigger(&I_DISCIPLINE, &[d.form as i64], d.self_detected),
                Counted::EarlierFault => j.earlier_fault(
                    &I_DISCIPLINE,
                    &[d.form as i64],
                    &EARLIER_FAULT,
                    &[i64::from(d.violation_year.unwrap_or(m.year))],
                ),
            }
        }
        // Leaders: the unit they directly lead completed under 50 % ([P] subject).
        if m.category == Category::Leader {
            if let Some(lt) = e.leader.as_ref().and_then(|l| l.led_tasks.as_ref()) {
                if under_half(lt) {
                    j.trigger(
                        &L_TASKS,
                        &[i64::from(lt.assigned), i64::from(lt.done())],
                        e.force_majeure,
                    );
                }
            }
        }
        let level = level_from_grades(&mut j, e, &g, None, m.policy);
        j.finish_into(level, None, exceeded(e), out);
        Ok(())
    }

    fn rate_organisation(&self, o: &OrgInput<'_>) -> Result<Assessment, Unrated> {
        let e = o.evaluation;
        let g = common::grades_of(e)?;
        let mut j = Judge::new(o.decisions);
        // (a) a violation in a subordinate unit, disciplined.
        if e.leader
            .as_ref()
            .is_some_and(|l| l.managed_corruption_disciplined)
        {
            j.trigger(&C_A, &[], false);
        }
        // (b) under 50 % of the year's targets, except force majeure.
        if let Some(t) = e.tasks.as_ref() {
            if under_half(t) {
                j.trigger(
                    &C_B,
                    &[i64::from(t.assigned), i64::from(t.done())],
                    e.force_majeure,
                );
            }
        }
        // (c) the collective disciplined, or more than 20 % of subordinates.
        for (d, counted) in disciplines_in_year(
            &o.disciplines,
            o.year,
            DisciplineForm::Reprimand,
            false,
            None,
        ) {
            match counted {
                Counted::ThisYear => j.trigger(&C_C_COLLECTIVE, &[d.form as i64], false),
                Counted::EarlierFault => j.earlier_fault(
                    &C_C_COLLECTIVE,
                    &[d.form as i64],
                    &EARLIER_FAULT,
                    &[i64::from(d.violation_year.unwrap_or(o.year))],
                ),
            }
        }
        if u64::from(o.subordinates_disciplined) * 5 > u64::from(o.subordinates) {
            j.trigger(
                &C_C_SUBORDINATES,
                &[
                    i64::from(o.subordinates),
                    i64::from(o.subordinates_disciplined),
                ],
                false,
            );
        }
        // (d) disunity, or a member concluded to show degradation.
        if let Some(mitigated) = concluded(e, ConclusionKind::Disunity) {
            j.trigger(&C_D_DISUNITY, &[], mitigated);
        }
        if o.leadership_degradation > 0 {
            j.trigger(
                &C_D_DEGRADATION,
                &[i64::from(o.leadership_degradation)],
                false,
            );
        }
        let leadership = disciplines_in_year(
            &o.leadership_disciplines,
            o.year,
            DisciplineForm::Reprimand,
            false,
            Some(o.id),
        );
        let collective = Collective {
            subordinates_disciplined: o.subordinates_disciplined,
            leadership_all: u32::try_from(leadership.len()).unwrap_or(u32::MAX),
            leadership_unmitigated: u32::try_from(
                leadership.iter().filter(|(d, _)| !d.self_detected).count(),
            )
            .unwrap_or(u32::MAX),
        };
        let level = level_from_grades(&mut j, e, &g, Some(&collective), o.policy);
        Ok(j.finish(level, None, exceeded(e)))
    }

    /// None: Quy định 124 names the leader's own triggers (the unit they lead
    /// completing under 50 %), not a rule tying the head to the collective's level.
    fn head_rule(&self) -> Option<&'static RuleDef> {
        None
    }

    /// 20 % of HTTNV per group of similar subjects; no 25 % exception was found
    /// for 124 (party-rating.md §5.5 caveat), so 20 % for outstanding groups too.
    fn quota(&self) -> Option<super::Quota> {
        Some(super::Quota {
            demoted: &QUOTA_DEMOTED,
            granted: &QUOTA_GRANTED,
            percent: 20,
            outstanding: None,
        })
    }
}
