//! Quy định 132-QĐ/TW (8/3/2018) with Hướng dẫn 16-HD/BTCTW (24/9/2018),
//! replaced by Hướng dẫn 21-HD/BTCTW (18/10/2019): rating years 2018–2022
//! (party-rating.md §7). The rules here follow 21-HD.
//!
//! Each criterion is graded Xuất sắc / Tốt / Trung bình / Kém; a level is a
//! frame of grades ("khung tiêu chuẩn các mức chất lượng"). The key criteria of
//! an organisation (party building, leading the political tasks) and the
//! political-task criteria of a member are those named in `task_criteria`.
//!
//! Regime-intrinsic rules the run applies: organisations set up less than 6
//! months before are not rated ([`Rules::new_organisations_rated`]); an
//! organisation's HTXSNV needs 100 % of its rated members (subordinate
//! organisations) at HTNV or above and 80 % at HTTNV or above
//! ([`Rules::own_aggregation`], `qd132-2019`); a head is KHTNV when the unit they
//! directly lead is KHTNV ([`Rules::head_rule`]).
//!
//! The member quota of 21-HD is counted **within each grassroots organisation**
//! (§II.B.2.3). The run's default member grouping is per grassroots
//! organisation *and category*; the 21-HD grouping is
//! [`MemberGrouping::Grassroots`](crate::policy::MemberGrouping::Grassroots),
//! a policy setting.
//!
//! Readings chosen here:
//! - E2: 21-HD excludes suspended members; 16-HD (rating year 2018) rated them,
//!   but the run excludes them for every year (the rule's message says so);
//! - E6: "sick leave totalling 3 months or more" is read as `sick_leave_days ≥ 90`;
//! - the HTTNV/HTNV frames of organisations (Q9) and the HTNV frame of members
//!   are \[U\] defaults: key criteria ≥ Tốt and the others ≥ Trung bình; every
//!   criterion ("the basic criteria") ≥ Trung bình;
//! - an organisation below the HTNV frame is KHTNV (21-HD §II.B.3, stated for
//!   leadership collectives and applied to the party organisation, whose
//!   leadership collective it is); a member below it is a gap ([`Policy::gap`]);
//! - a discipline decided in the year counts in the year (132 says "disciplined
//!   in the year"; no earlier-fault clause was found for this regime), once per
//!   violation.

use super::common::{self, concluded, disciplines_in_year, walk_frames, GradeCounts, Part};
use super::{Assessment, Judge, MemberInput, OrgInput, Rules, Unrated};
use crate::evaluation::{ConclusionKind, DisciplineForm, Evaluation, Tasks};
use crate::explain::{level_value, Citation, Effect, RuleDef, Tag};
use crate::level::{Grade, Level};
use crate::org::Category;
use crate::outcome::NotRatedReason;
use crate::policy::{Aggregation, Policy};
use crate::regime::Regime;

const QD: &str = "Quy định 132-QĐ/TW";
const HD: &str = "Hướng dẫn 21-HD/BTCTW";

/// Sick leave from which a member cannot be HTTNV or above: "3 months", read as 90 days.
pub const SICK_LEAVE_DAYS: u32 = 90;

// Eligibility (party-rating.md §4, R1 column).
rule!(
    EXEMPT,
    "hd21.ii_b_2_1.exempt",
    Citation::section(HD, "II.B.2.1"),
    Verified,
    [],
    "đảng viên được miễn công tác và sinh hoạt đảng: không đánh giá, xếp loại",
    "exempted from party work and activities: not rated"
);
rule!(SUSPENDED, "hd21.ii_b_2_1.suspended", Citation::section(HD, "II.B.2.1"), Verified, [],
    "đảng viên bị đình chỉ sinh hoạt đảng: không đánh giá, xếp loại (từ Hướng dẫn 21-HD/BTCTW năm 2019)",
    "suspended from party activities: not rated (since Hướng dẫn 21-HD/BTCTW of 2019)");
rule!(NEW_MEMBER, "hd21.ii_b_2_1.new_member", Citation::section(HD, "II.B.2.1"), Verified, ["admitted_date", "reference_date"],
    "kết nạp ngày {admitted_date}, chưa đủ 6 tháng tính đến ngày {reference_date}: có kiểm điểm nhưng không xếp loại",
    "admitted on {admitted_date}, less than 6 months before {reference_date}: reviewed but not rated");
rule!(NEW_ORGANISATION, "hd21.ii.new_organisation", Citation::section(HD, "II"), Verified, ["established_date", "reference_date"],
    "tổ chức đảng, tập thể lãnh đạo thành lập ngày {established_date}, chưa đủ 6 tháng đến ngày {reference_date}: không đánh giá, xếp loại",
    "party organisation or leadership collective set up on {established_date}, less than 6 months before {reference_date}: not rated");
rule!(SICK_LEAVE, "hd21.ii_6.sick_leave", Citation::section(HD, "II.6"), Verified, ["days"],
    "nghỉ ốm {days} ngày trong năm, tổng cộng từ 3 tháng trở lên (đọc là từ 90 ngày): không xếp loại từ HTTNV trở lên",
    "{days} days of sick leave in the year, 3 months or more in total (read as 90 days or more): not rated HTTNV or above");

// Party members (21-HD §II.B.2.3; 132 Điều 12 khoản 4 điểm c).
rule!(M_EXCELLENT_GRADES, "hd21.ii_b_2_3.excellent.grades", Citation::section(HD, "II.B.2.3"), Verified, ["task_criteria", "task_excellent", "others", "others_at_least_good"],
    "đảng viên HTXSNV cần các tiêu chí về thực hiện nhiệm vụ chính trị được giao đều đạt mức Xuất sắc, các tiêu chí còn lại đạt mức Tốt trở lên: {task_excellent}/{task_criteria} tiêu chí nhiệm vụ Xuất sắc, {others_at_least_good}/{others} tiêu chí khác từ Tốt",
    "an HTXSNV member needs every political-task criterion at Xuất sắc (excellent) and the others at Tốt (good) or above: {task_excellent}/{task_criteria} task criteria at Xuất sắc, {others_at_least_good}/{others} others at Tốt or above");
rule!(
    M_EXCELLENT_PRODUCTS,
    "hd21.ii_b_2_3.excellent.concrete_products",
    Citation::section(HD, "II.B.2.3"),
    Verified,
    [],
    "đảng viên HTXSNV phải thực sự tiêu biểu, có sản phẩm cụ thể được lượng hóa",
    "an HTXSNV member must be truly exemplary, with concrete, quantified products"
);
rule!(M_EXCELLENT_CIVIL, "hd21.ii_b_2_3.excellent.civil_servant", Citation::section(HD, "II.B.2.3"), Verified, ["civil_servant_level"],
    "đảng viên là cán bộ, công chức, viên chức được xếp loại HTXSNV khi kết quả đánh giá công chức, viên chức là HTXSNV; kết quả là {civil_servant_level}",
    "a member who is a cadre, civil servant or public employee is HTXSNV only if rated HTXSNV as such; the civil-servant rating is {civil_servant_level}");
rule!(M_GOOD_GRADES, "hd21.ii_b_2_3.good.grades", Citation::section(HD, "II.B.2.3"), Partial, ["task_criteria", "task_at_least_good", "others", "others_at_least_average"],
    "đảng viên HTTNV cần các tiêu chí về thực hiện nhiệm vụ chính trị đạt mức Tốt trở lên, các tiêu chí còn lại đạt mức Trung bình trở lên: {task_at_least_good}/{task_criteria} tiêu chí nhiệm vụ từ Tốt, {others_at_least_average}/{others} tiêu chí khác từ Trung bình",
    "an HTTNV member needs the political-task criteria at Tốt (good) or above and the others at Trung bình (average) or above: {task_at_least_good}/{task_criteria} task criteria at Tốt or above, {others_at_least_average}/{others} others at Trung bình or above");
rule!(M_GOOD_CIVIL, "hd21.ii_b_2_3.good.civil_servant", Citation::section(HD, "II.B.2.3"), Partial, ["civil_servant_level"],
    "đảng viên là cán bộ, công chức, viên chức được xếp loại HTTNV khi kết quả đánh giá công chức, viên chức từ HTTNV trở lên; kết quả là {civil_servant_level}",
    "a member who is a public employee is HTTNV only if rated HTTNV or above as such; the civil-servant rating is {civil_servant_level}");
rule!(M_COMPLETED_BASIC, "hd21.ii_b_2_3.completed.basic_criteria", Citation::section(HD, "II.B.2.3"), Unverified, ["basic", "at_least_average"],
    "đảng viên HTNV cần các tiêu chí cơ bản đạt mức Trung bình trở lên (mặc định: mọi tiêu chí): {at_least_average}/{basic}",
    "an HTNV member needs the basic criteria at Trung bình (average) or above (by default every criterion): {at_least_average}/{basic}");
rule!(M_COMPLETED_CIVIL, "hd21.ii_b_2_3.completed.civil_servant", Citation::section(HD, "II.B.2.3"), Unverified, ["civil_servant_level"],
    "đảng viên là cán bộ, công chức, viên chức được xếp loại HTNV khi kết quả đánh giá công chức, viên chức từ HTNV trở lên; kết quả là {civil_servant_level}",
    "a member who is a public employee is HTNV only if rated HTNV or above as such; the civil-servant rating is {civil_servant_level}");
rule!(GAP, "hd21.ii_b_2_3.gap", Citation::section(HD, "II.B.2.3"), Derived, [],
    "không đủ điều kiện của mức nào và không thuộc trường hợp không hoàn thành nhiệm vụ: cấp có thẩm quyền xem xét",
    "meets no level's frame and no trigger: the competent level decides");
rule!(M_DEGRADATION, "qd132.art12.k4.c.degradation", Citation::point(QD, 12, 4, "c"), Verified, [],
    "bị kết luận suy thoái về tư tưởng chính trị, đạo đức, lối sống, «tự diễn biến», «tự chuyển hóa»: không hoàn thành nhiệm vụ",
    "concluded to show degradation in political ideology, ethics or lifestyle: did not complete the tasks");
rule!(M_TASKS, "qd132.art12.k4.c.tasks", Citation::point(QD, 12, 4, "c"), Verified, ["assigned", "done"],
    "hoàn thành dưới 50% chỉ tiêu, nhiệm vụ trong năm ({done}/{assigned}): không hoàn thành nhiệm vụ",
    "completed under 50% of the year's targets and tasks ({done}/{assigned}): did not complete the tasks");
rule!(
    M_DISCIPLINE,
    "qd132.art12.k4.c.discipline",
    Citation::point(QD, 12, 4, "c"),
    Verified,
    ["form"],
    "bị xử lý kỷ luật ({form}) trong năm: không hoàn thành nhiệm vụ",
    "disciplined ({form}) in the year: did not complete the tasks"
);
rule!(M_MANAGED_CORRUPTION, "qd132.art12.k4.c.managed_corruption", Citation::point(QD, 12, 4, "c"), Verified, [],
    "cơ quan, đơn vị, cá nhân do mình phụ trách để xảy ra tham nhũng và bị xử lý kỷ luật: không hoàn thành nhiệm vụ",
    "corruption in a unit or by a person they are in charge of, disciplined: did not complete the tasks");
rule!(HEAD_OF_NOT_COMPLETED, "qd132.art12.k4.c.head", Citation::point(QD, 12, 4, "c"), Verified, ["led", "not_completed"],
    "cơ quan, đơn vị do mình trực tiếp lãnh đạo bị xếp loại không hoàn thành nhiệm vụ ({not_completed}/{led}): người lãnh đạo không hoàn thành nhiệm vụ",
    "the unit they directly lead is rated KHTNV ({not_completed}/{led}): the leader did not complete the tasks");
rule!(
    QUOTA_GRANTED,
    "hd21.ii_b_2_3.quota.granted",
    Citation::section(HD, "II.B.2.3"),
    Verified,
    ["rank", "cap", "candidates"],
    "trong tỷ lệ HTXSNV: xếp thứ {rank} trong {candidates} người đủ điều kiện, tối đa {cap}",
    "within the HTXSNV quota: ranked {rank} of {candidates} candidates, at most {cap}"
);
rule!(QUOTA_DEMOTED, "hd21.ii_b_2_3.quota.demoted", Citation::section(HD, "II.B.2.3"), Verified, ["rank", "cap", "candidates"],
    "số đảng viên HTXSNV không vượt quá 20% số đảng viên HTTNV trong mỗi tổ chức cơ sở đảng: xếp thứ {rank} trong {candidates} người đủ điều kiện, chỉ được {cap}: xếp HTTNV",
    "HTXSNV members may not exceed 20% of the HTTNV members within each grassroots organisation: ranked {rank} of {candidates} candidates with {cap} allowed: rated HTTNV");

// Party organisations (21-HD §II.B.1.3 and §II.B.3).
rule!(O_EXCELLENT_GRADES, "hd21.ii_b_1_3.excellent.grades", Citation::section(HD, "II.B.1.3"), Verified, ["key_criteria", "key_excellent", "others", "others_at_least_good"],
    "tổ chức đảng HTXSNV cần các tiêu chí về xây dựng Đảng, hệ thống chính trị và lãnh đạo thực hiện nhiệm vụ được giao đều đạt mức Xuất sắc, các tiêu chí còn lại đạt mức Tốt trở lên: {key_excellent}/{key_criteria} tiêu chí chủ yếu Xuất sắc, {others_at_least_good}/{others} tiêu chí khác từ Tốt",
    "an HTXSNV organisation needs the party-building and task-leadership criteria all at Xuất sắc (excellent) and the others at Tốt (good) or above: {key_excellent}/{key_criteria} key criteria at Xuất sắc, {others_at_least_good}/{others} others at Tốt or above");
rule!(O_EXCELLENT_PEERS, "hd21.ii_b_1_3.excellent.peers", Citation::section(HD, "II.B.1.3"), Verified, ["peers", "peers_at_least_good"],
    "tổ chức đảng HTXSNV cần chính quyền, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội cùng cấp được xếp loại từ HTTNV trở lên: {peers_at_least_good}/{peers}",
    "an HTXSNV organisation needs the administration, Fatherland Front and mass organisations at the same level rated HTTNV or above: {peers_at_least_good}/{peers}");
rule!(O_GOOD_GRADES, "hd21.ii_b_1_3.good.grades", Citation::section(HD, "II.B.1.3"), Unverified, ["key_criteria", "key_at_least_good", "others", "others_at_least_average"],
    "tổ chức đảng HTTNV: các tiêu chí chủ yếu đạt mức Tốt trở lên, các tiêu chí còn lại đạt mức Trung bình trở lên (khung mặc định, chưa đối chiếu được văn bản): {key_at_least_good}/{key_criteria} tiêu chí chủ yếu từ Tốt, {others_at_least_average}/{others} tiêu chí khác từ Trung bình",
    "an HTTNV organisation: key criteria at Tốt (good) or above, the others at Trung bình (average) or above (a default frame; the text was not found): {key_at_least_good}/{key_criteria} key criteria at Tốt or above, {others_at_least_average}/{others} others at Trung bình or above");
rule!(O_COMPLETED_BASIC, "hd21.ii_b_1_3.completed.basic_criteria", Citation::section(HD, "II.B.1.3"), Unverified, ["basic", "at_least_average"],
    "tổ chức đảng HTNV: các tiêu chí cơ bản (mặc định: mọi tiêu chí) đạt mức Trung bình trở lên (khung mặc định, chưa đối chiếu được văn bản): {at_least_average}/{basic}",
    "an HTNV organisation: the basic criteria (by default every criterion) at Trung bình (average) or above (a default frame; the text was not found): {at_least_average}/{basic}");
rule!(
    O_BELOW_COMPLETED,
    "hd21.ii_b_3.below_completed",
    Citation::section(HD, "II.B.3"),
    Verified,
    [],
    "không đạt khung tiêu chuẩn mức hoàn thành nhiệm vụ: không hoàn thành nhiệm vụ",
    "below the HTNV frame: did not complete the tasks"
);
rule!(
    LC_DISUNITY,
    "hd21.ii_b_3.disunity",
    Citation::section(HD, "II.B.3"),
    Verified,
    [],
    "có kết luận mất đoàn kết nội bộ: không hoàn thành nhiệm vụ",
    "internal disunity concluded: did not complete the tasks"
);
rule!(LC_DEGRADATION, "hd21.ii_b_3.degradation", Citation::section(HD, "II.B.3"), Verified, ["members"],
    "{members} thành viên tập thể lãnh đạo bị kết luận suy thoái: không hoàn thành nhiệm vụ",
    "{members} members of the leadership collective concluded to show degradation: did not complete the tasks");
rule!(LC_TASKS, "hd21.ii_b_3.tasks", Citation::section(HD, "II.B.3"), Verified, ["assigned", "done"],
    "hoàn thành dưới 50% chỉ tiêu, nhiệm vụ ({done}/{assigned}), trừ trường hợp bất khả kháng: không hoàn thành nhiệm vụ",
    "completed under 50% of its targets and tasks ({done}/{assigned}), save force majeure: did not complete the tasks");
rule!(
    LC_DISCIPLINED,
    "hd21.ii_b_3.disciplined",
    Citation::section(HD, "II.B.3"),
    Verified,
    ["form"],
    "tập thể bị thi hành kỷ luật ({form}) trong năm: không hoàn thành nhiệm vụ",
    "the collective was disciplined ({form}) in the year: did not complete the tasks"
);
rule!(LC_MEMBER_WARNING, "hd21.ii_b_3.member_warning", Citation::section(HD, "II.B.3"), Verified, ["form"],
    "thành viên tập thể lãnh đạo bị kỷ luật từ cảnh cáo trở lên ({form}) trong năm (một vi phạm chỉ tính một lần): không hoàn thành nhiệm vụ",
    "a member of the leadership collective was disciplined at warning or above ({form}) in the year (one violation counts once): did not complete the tasks");

/// Every rule of Quy định 132 and Hướng dẫn 21.
pub static RULES: &[&RuleDef] = &[
    &EXEMPT,
    &SUSPENDED,
    &NEW_MEMBER,
    &NEW_ORGANISATION,
    &SICK_LEAVE,
    &M_EXCELLENT_GRADES,
    &M_EXCELLENT_PRODUCTS,
    &M_EXCELLENT_CIVIL,
    &M_GOOD_GRADES,
    &M_GOOD_CIVIL,
    &M_COMPLETED_BASIC,
    &M_COMPLETED_CIVIL,
    &GAP,
    &M_DEGRADATION,
    &M_TASKS,
    &M_DISCIPLINE,
    &M_MANAGED_CORRUPTION,
    &HEAD_OF_NOT_COMPLETED,
    &QUOTA_GRANTED,
    &QUOTA_DEMOTED,
    &O_EXCELLENT_GRADES,
    &O_EXCELLENT_PEERS,
    &O_GOOD_GRADES,
    &O_COMPLETED_BASIC,
    &O_BELOW_COMPLETED,
    &LC_DISUNITY,
    &LC_DEGRADATION,
    &LC_TASKS,
    &LC_DISCIPLINED,
    &LC_MEMBER_WARNING,
];

/// The rules of Quy định 132-QĐ/TW with Hướng dẫn 21-HD/BTCTW.
#[derive(Debug, Clone, Copy)]
pub struct Qd132;

/// `done < 50 % of assigned`: `done × 2 < assigned`.
fn under_half(t: &Tasks) -> bool {
    u64::from(t.done()) * 2 < u64::from(t.assigned)
}

/// A frame's parts, with the condition "the civil-servant rating is at least
/// `min`" where the rating is given.
fn with_civil_servant(
    mut parts: Vec<Part>,
    rule: &'static RuleDef,
    given: Option<Level>,
    min: Level,
) -> Vec<Part> {
    if let Some(l) = given {
        parts.push(Part::new(rule, l >= min, &[level_value(l)]));
    }
    parts
}

/// Values of a grades condition: (task criteria, at the task grade, others, at the others' grade).
fn grade_values(g: &GradeCounts, task: Grade, other: Grade) -> [i64; 4] {
    [
        i64::from(g.tasks()),
        i64::from(g.task_at_least(task)),
        i64::from(g.others()),
        i64::from(g.other_at_least(other)),
    ]
}

/// Task criteria all at `task` and the others at `other` or above.
fn grades_hold(g: &GradeCounts, task: Grade, other: Grade) -> bool {
    g.tasks() > 0 && g.task_at_least(task) == g.tasks() && g.other_at_least(other) == g.others()
}

fn basic(rule: &'static RuleDef, e: &Evaluation, policy: &Policy) -> Part {
    let (basic, average) = common::basic_criteria(e, policy);
    Part::new(
        rule,
        average == basic,
        &[i64::from(basic), i64::from(average)],
    )
}

fn gap(j: &mut Judge<'_>, policy: &Policy) -> Level {
    j.gap(&GAP, &[], policy)
}

impl Rules for Qd132 {
    fn regime(&self) -> Regime {
        Regime::Qd132_2018
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

    /// Organisations and leadership collectives set up less than 6 months
    /// before are not rated under 21-HD, whatever the policy (\[V\], E5).
    fn new_organisations_rated(&self, _policy: &Policy) -> bool {
        false
    }

    fn rate_member(&self, m: &MemberInput<'_>) -> Result<Assessment, Unrated> {
        super::rate_member_new(self, m)
    }

    fn rate_member_into(&self, m: &MemberInput<'_>, out: &mut Assessment) -> Result<(), Unrated> {
        let e = m.evaluation;
        let g = common::grades_of(e)?;
        let mut j = Judge::reusing(m.decisions, out);
        // 132 Điều 12 khoản 4 điểm c.
        if concluded(e, ConclusionKind::Degradation).is_some() {
            j.trigger(&M_DEGRADATION, &[], false);
        }
        if let Some(t) = e.tasks.as_ref() {
            if under_half(t) {
                j.trigger(
                    &M_TASKS,
                    &[i64::from(t.assigned), i64::from(t.done())],
                    false,
                );
            }
        }
        for (d, _) in disciplines_in_year(
            &m.disciplines,
            m.year,
            DisciplineForm::Reprimand,
            false,
            None,
        ) {
            j.trigger(&M_DISCIPLINE, &[d.form as i64], false);
        }
        if m.category == Category::Leader
            && e.leader
                .as_ref()
                .is_some_and(|l| l.managed_corruption_disciplined)
        {
            j.trigger(&M_MANAGED_CORRUPTION, &[], false);
        }
        // The frames (21-HD §II.B.2.3).
        // Missing facts matter only where a frame needs them: no task criteria
        // named (HTXSNV, HTTNV), concrete products unknown (HTXSNV).
        if g.tasks() == 0
            || (e.concrete_products.is_none() && grades_hold(&g, Grade::Excellent, Grade::Good))
        {
            j.note(&common::MISSING_TASK_FACTS, Effect::Noted, &[]);
        }
        let cs = e.civil_servant_level;
        let excellent = with_civil_servant(
            vec![
                Part::new(
                    &M_EXCELLENT_GRADES,
                    grades_hold(&g, Grade::Excellent, Grade::Good),
                    &grade_values(&g, Grade::Excellent, Grade::Good),
                ),
                Part::new(
                    &M_EXCELLENT_PRODUCTS,
                    e.concrete_products == Some(true),
                    &[],
                ),
            ],
            &M_EXCELLENT_CIVIL,
            cs,
            Level::Excellent,
        );
        let good = with_civil_servant(
            vec![Part::new(
                &M_GOOD_GRADES,
                grades_hold(&g, Grade::Good, Grade::Average),
                &grade_values(&g, Grade::Good, Grade::Average),
            )],
            &M_GOOD_CIVIL,
            cs,
            Level::Good,
        );
        let completed = with_civil_servant(
            vec![basic(&M_COMPLETED_BASIC, e, m.policy)],
            &M_COMPLETED_CIVIL,
            cs,
            Level::Completed,
        );
        let level = walk_frames(
            &mut j,
            &[
                (Level::Excellent, &excellent),
                (Level::Good, &good),
                (Level::Completed, &completed),
            ],
        );
        let level = level.unwrap_or_else(|| gap(&mut j, m.policy));
        // E6: sick leave of 3 months or more caps at HTNV.
        if let Some(days) = e.sick_leave_days {
            if days >= SICK_LEAVE_DAYS && level.min(j.cap) > Level::Completed {
                j.note(&SICK_LEAVE, Effect::Lowered, &[i64::from(days)]);
                j.cap = j.cap.min(Level::Completed);
            }
        }
        let exceeded = common::exceeded(e);
        j.finish_into(level, None, exceeded, out);
        Ok(())
    }

    fn rate_organisation(&self, o: &OrgInput<'_>) -> Result<Assessment, Unrated> {
        let e = o.evaluation;
        let g = common::grades_of(e)?;
        let mut j = Judge::new(o.decisions);
        // The leadership collective's KHTNV cases (21-HD §II.B.3).
        if concluded(e, ConclusionKind::Disunity).is_some() {
            j.trigger(&LC_DISUNITY, &[], false);
        }
        if o.leadership_degradation > 0 {
            j.trigger(
                &LC_DEGRADATION,
                &[i64::from(o.leadership_degradation)],
                false,
            );
        }
        if let Some(t) = e.tasks.as_ref() {
            if under_half(t) {
                j.trigger(
                    &LC_TASKS,
                    &[i64::from(t.assigned), i64::from(t.done())],
                    e.force_majeure,
                );
            }
        }
        for (d, _) in disciplines_in_year(
            &o.disciplines,
            o.year,
            DisciplineForm::Reprimand,
            false,
            None,
        ) {
            j.trigger(&LC_DISCIPLINED, &[d.form as i64], false);
        }
        for (d, _) in disciplines_in_year(
            &o.leadership_disciplines,
            o.year,
            DisciplineForm::Warning,
            false,
            Some(o.id),
        ) {
            j.trigger(&LC_MEMBER_WARNING, &[d.form as i64], false);
        }
        if g.tasks() == 0 {
            j.note(&common::MISSING_TASK_FACTS, Effect::Noted, &[]);
        }
        // The administration, Front and mass organisations at the same level, when given.
        let peers: Vec<Level> = e.peer_levels.as_ref().map_or_else(Vec::new, |p| {
            p.administration
                .into_iter()
                .chain(p.front)
                .chain(p.mass_orgs.iter().copied())
                .collect()
        });
        let mut excellent = vec![Part::new(
            &O_EXCELLENT_GRADES,
            grades_hold(&g, Grade::Excellent, Grade::Good),
            &grade_values(&g, Grade::Excellent, Grade::Good),
        )];
        if !peers.is_empty() {
            let good = peers.iter().filter(|l| **l >= Level::Good).count();
            excellent.push(Part::new(
                &O_EXCELLENT_PEERS,
                good == peers.len(),
                &[
                    i64::try_from(peers.len()).unwrap_or(i64::MAX),
                    i64::try_from(good).unwrap_or(i64::MAX),
                ],
            ));
        }
        let level = walk_frames(
            &mut j,
            &[
                (Level::Excellent, &excellent),
                (
                    Level::Good,
                    &[Part::new(
                        &O_GOOD_GRADES,
                        grades_hold(&g, Grade::Good, Grade::Average),
                        &grade_values(&g, Grade::Good, Grade::Average),
                    )],
                ),
                (Level::Completed, &[basic(&O_COMPLETED_BASIC, e, o.policy)]),
            ],
        );
        let level = level.unwrap_or_else(|| {
            j.note(&O_BELOW_COMPLETED, Effect::Decided, &[]);
            Level::NotCompleted
        });
        let exceeded = common::exceeded(e);
        Ok(j.finish(level, None, exceeded))
    }

    /// 132 Điều 12 khoản 4 điểm c: a leader whose directly led unit is rated
    /// KHTNV is KHTNV (\[V\]). The run applies it after the collective, to the
    /// secretary of each organisation and to the units named in `led_units`
    /// (more than half of them KHTNV; with one unit, that unit).
    fn head_rule(&self) -> Option<&'static RuleDef> {
        Some(&HEAD_OF_NOT_COMPLETED)
    }

    /// HTXSNV members ≤ 20 % of HTTNV members within each grassroots
    /// organisation (21-HD §II.B.2.3); no 25 % exception in this regime.
    fn quota(&self) -> Option<super::Quota> {
        Some(super::Quota {
            demoted: &QUOTA_DEMOTED,
            granted: &QUOTA_GRANTED,
            percent: 20,
            outstanding: None,
        })
    }

    /// 21-HD §II.B.1.3: HTXSNV needs 100 % of the rated members (subordinate
    /// organisations) at HTNV or above and 80 % at HTTNV or above.
    fn own_aggregation(&self) -> Aggregation {
        Aggregation::Qd132_2019
    }
}
