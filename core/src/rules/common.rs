//! Rules and helpers shared by the regimes: the library's own decisions
//! (DESIGN §5), the aggregation presets (party-rating.md §5.6) and the
//! reading of discipline records.

use crate::evaluation::{Discipline, DisciplineForm, Evaluation, Tasks};
use crate::explain::{Citation, Effect, RuleDef, Tag};
use crate::level::{Grade, Level};
use chrono::Datelike;

pub(crate) const LIB: Citation = Citation::doc("xeploai DESIGN §5");

/// No evaluation for the year.
pub static NO_EVALUATION: RuleDef = RuleDef {
    id: "lib.no_evaluation",
    citation: LIB,
    tag: Tag::Library,
    values: &[],
    vi: "không có phiếu đánh giá của năm: không xếp loại",
    en: "no evaluation for the year: not rated",
};

/// The evaluation lacks what the regime needs (a score, grades).
pub static MISSING_INPUTS: RuleDef = RuleDef {
    id: "lib.missing_inputs",
    citation: LIB,
    tag: Tag::Library,
    values: &[],
    vi: "phiếu đánh giá thiếu điểm hoặc mức đánh giá tiêu chí mà quy định yêu cầu: không xếp loại",
    en: "the evaluation lacks the score or grades the regime needs: not rated",
};

/// Task facts missing: the conditions that need them are not met (DESIGN §5).
pub static MISSING_TASK_FACTS: RuleDef = RuleDef {
    id: "lib.missing_task_facts",
    citation: LIB,
    tag: Tag::Library,
    values: &[],
    vi: "không có số liệu nhiệm vụ: các điều kiện cần đến chúng được coi là không đạt",
    en: "no task facts: the conditions that need them are taken as not met",
};

/// Cap at the civil-servant level (Q14).
pub static CIVIL_SERVANT_CAP: RuleDef = RuleDef {
    id: "lib.civil_servant_cap",
    citation: Citation::art("Quy định 366-QĐ/TW", 3),
    tag: Tag::Partial,
    values: &["civil_servant_level"],
    vi: "kết quả đánh giá công chức, viên chức là {civil_servant_level}: mức xếp loại đảng viên không cao hơn",
    en: "the civil-servant rating is {civil_servant_level}: the party level is not higher",
};

/// Cap by the residence comment (Q11, a local preset).
pub static RESIDENCE_CAP: RuleDef = RuleDef {
    id: "lib.residence_cap",
    citation: Citation::art("Quy định 213-QĐ/TW", 3),
    tag: Tag::Unverified,
    values: &["cap_level"],
    vi: "nhận xét của chi ủy nơi cư trú: mức xếp loại không cao hơn {cap_level} (theo quy định của địa phương)",
    en: "the comment of the residential cell: the level is at most {cap_level} (a local rule)",
};

/// A head capped by their collective (no source; policy).
pub static HEAD_CAPPED_BY_COLLECTIVE: RuleDef = RuleDef {
    id: "lib.head_capped_by_collective",
    citation: LIB,
    tag: Tag::Unverified,
    values: &["collective_level"],
    vi: "người đứng đầu không được xếp loại cao hơn tập thể do mình lãnh đạo ({collective_level}) (thiết lập chính sách, không có văn bản gốc)",
    en: "the head is not rated above the collective they lead ({collective_level}) (a policy setting with no source)",
};

/// A cell or committee with no rated member: the distribution rules are undefined (§13.3).
pub static AGGREGATION_UNDEFINED: RuleDef = RuleDef {
    id: "lib.aggregation_undefined",
    citation: LIB,
    tag: Tag::Derived,
    values: &[],
    vi: "không có đảng viên (tổ chức) nào được xếp loại: bỏ qua quy tắc về tỷ lệ",
    en: "no member (organisation) rated: the distribution rules are skipped",
};

/// 21-HD (2019) HTXSNV frame for organisations, as the `qd132-2019` preset.
pub static AGG_QD132_2019: RuleDef = RuleDef {
    id: "hd21.ii_b_1_3.distribution",
    citation: Citation::section("Hướng dẫn 21-HD/BTCTW", "II.B.1.3"),
    tag: Tag::Verified,
    values: &["rated", "at_least_completed", "at_least_good"],
    vi: "HTXSNV cần 100% đảng viên (tổ chức trực thuộc) được xếp loại đạt HTNV trở lên và ít nhất 80% đạt HTTNV trở lên: {rated} được xếp loại, {at_least_completed} từ HTNV, {at_least_good} từ HTTNV",
    en: "HTXSNV needs 100% of the rated members (subordinate organisations) at HTNV or above and 80% at HTTNV or above: {rated} rated, {at_least_completed} at HTNV or above, {at_least_good} at HTTNV or above",
};

/// 27-HD (2014): a cell with more than half of its members KHTNV is yếu kém.
pub static AGG_HD27_CELL: RuleDef = RuleDef {
    id: "hd27.ii.cell_majority_not_completed",
    citation: Citation::section("Hướng dẫn 27-HD/BTCTW", "II"),
    tag: Tag::Verified,
    values: &["rated", "not_completed"],
    vi: "chi bộ có trên một nửa đảng viên không hoàn thành nhiệm vụ ({not_completed}/{rated}): yếu kém",
    en: "more than half of the cell's members did not complete their tasks ({not_completed}/{rated}): weak",
};

/// 27-HD (2014): a đảng bộ with more than a third of its organisations yếu kém is yếu kém.
pub static AGG_HD27_COMMITTEE: RuleDef = RuleDef {
    id: "hd27.ii.committee_third_weak",
    citation: Citation::section("Hướng dẫn 27-HD/BTCTW", "II"),
    tag: Tag::Verified,
    values: &["rated", "weak"],
    vi: "đảng bộ có trên một phần ba tổ chức trực thuộc yếu kém ({weak}/{rated}): yếu kém",
    en: "more than a third of the đảng bộ's organisations are weak ({weak}/{rated}): weak",
};

/// A recorded committee decision replaced the default at a point of discretion.
pub static DECISION_RECORDED: RuleDef = RuleDef {
    id: "lib.decision_recorded",
    citation: LIB,
    tag: Tag::Library,
    values: &["decided_level"],
    vi: "cấp có thẩm quyền đã quyết định: {decided_level}",
    en: "the competent level decided: {decided_level}",
};

/// A recorded decision chose a level the point does not allow; it is ignored.
pub static DECISION_NOT_ALLOWED: RuleDef = RuleDef {
    id: "lib.decision_not_allowed",
    citation: LIB,
    tag: Tag::Library,
    values: &["decided_level"],
    vi: "quyết định đã ghi nhận chọn {decided_level}, không phải một mức được phép tại nội dung này: không áp dụng",
    en: "the recorded decision chose {decided_level}, which this point does not allow: ignored",
};

/// The residence comment is missing (366 Art. 17: part of the dossier).
pub static RESIDENCE_COMMENT_MISSING: RuleDef = RuleDef {
    id: "qd366.art17.residence_comment_missing",
    citation: Citation::art("Quy định 366-QĐ/TW", 17),
    tag: Tag::Verified,
    values: &[],
    vi: "thiếu nhận xét của chi ủy nơi cư trú trong hồ sơ đánh giá",
    en: "the comment of the residential cell is missing from the dossier",
};

/// The residence comment is missing (Quy định 213-QĐ/TW, Điều 3 khoản 4: the
/// workplace organisation obtains it once a year; before Quy định 366).
pub static RESIDENCE_COMMENT_MISSING_213: RuleDef = RuleDef {
    id: "qd213.art3.k4.residence_comment_missing",
    citation: Citation::clause("Quy định 213-QĐ/TW", 3, 4),
    tag: Tag::Verified,
    values: &[],
    vi: "chưa có nhận xét hằng năm của chi ủy nơi cư trú",
    en: "the yearly comment of the residential cell is missing",
};

/// Every rule of this file.
pub static RULES: &[&RuleDef] = &[
    &NO_EVALUATION,
    &MISSING_INPUTS,
    &MISSING_TASK_FACTS,
    &CIVIL_SERVANT_CAP,
    &RESIDENCE_CAP,
    &HEAD_CAPPED_BY_COLLECTIVE,
    &AGGREGATION_UNDEFINED,
    &AGG_QD132_2019,
    &AGG_HD27_CELL,
    &AGG_HD27_COMMITTEE,
    &DECISION_RECORDED,
    &DECISION_NOT_ALLOWED,
    &RESIDENCE_COMMENT_MISSING,
    &RESIDENCE_COMMENT_MISSING_213,
];

/// A discipline as a rule reads it in a rating year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    /// Decided in the year for a violation of the year (or of unknown year).
    ThisYear,
    /// Decided in the year for a violation of an earlier year (§5.4 SC1).
    EarlierFault,
}

/// The disciplines that count in `year`: decided in `year`, at `min_form` or
/// above, duty-related if `duty_only`; a violation counts once (its earliest
/// decision, once even if several are dated that day), and one that happened at another unit (`violation_unit`) counts
/// there, not here (§5.4 SC2). Returns each with how it counts and whether it
/// is mitigated (self-detected and remedied), in a fixed order (by decision
/// date, then the most severe form first, then the record's other fields), so
/// the findings do not depend on the order of the dataset's records.
pub fn disciplines_in_year<'a>(
    all: &[&'a Discipline],
    year: i32,
    min_form: DisciplineForm,
    duty_only: bool,
    here: Option<&str>,
) -> Vec<(&'a Discipline, Counted)> {
    if all.is_empty() {
        return Vec::new();
    }
    let mut counted: Vec<&'a Discipline> = all
        .iter()
        .copied()
        .filter(|d| {
            d.decided_on.year() == year && d.form >= min_form && (!duty_only || d.duty_related)
        })
        .filter(|d| match (here, &d.violation_unit) {
            (Some(h), Some(v)) => h == v,
            _ => true,
        })
        .filter(|d| {
            // One violation counts once: not if an earlier decision on the same
            // violation exists (21-HD; party-rating.md §5.4).
            d.violation_id.as_ref().is_none_or(|v| {
                !all.iter()
                    .any(|o| o.violation_id.as_ref() == Some(v) && o.decided_on < d.decided_on)
            })
        })
        .collect();
    counted.sort_by(|a, b| order_key(a).cmp(&order_key(b)));
    // Several decisions on one violation the same day (two members of a
    // collective disciplined together, or two records of one decision) still
    // count once: the first in that order, the most severe.
    let mut seen: Vec<&str> = Vec::new();
    counted.retain(|d| match d.violation_id.as_deref() {
        Some(v) if seen.contains(&v) => false,
        Some(v) => {
            seen.push(v);
            true
        }
        None => true,
    });
    counted
        .into_iter()
        .map(|d| {
            let counted = if d.violation_year.is_some_and(|y| y < year) {
                Counted::EarlierFault
            } else {
                Counted::ThisYear
            };
            (d, counted)
        })
        .collect()
}

/// A total order of discipline records that does not depend on their position.
#[expect(
    clippy::type_complexity,
    reason = "the key is every field of the record, in order"
)]
fn order_key(
    d: &Discipline,
) -> (
    crate::date::Date,
    std::cmp::Reverse<DisciplineForm>,
    &str,
    Option<&str>,
    Option<i32>,
    Option<&str>,
    bool,
    bool,
) {
    (
        d.decided_on,
        std::cmp::Reverse(d.form),
        d.subject.as_str(),
        d.violation_id.as_deref(),
        d.violation_year,
        d.violation_unit.as_deref(),
        d.duty_related,
        d.self_detected,
    )
}

/// `part ≥ 30 % of whole`, exactly: `part × 10 ≥ 3 × whole`.
#[must_use]
pub const fn at_least_30_percent(part: u32, whole: u32) -> bool {
    part as u64 * 10 >= 3 * whole as u64
}

/// All tasks done on time with ≥ 30 % exceeding (the HTXSNV task condition).
#[must_use]
pub const fn excellent_tasks(t: &Tasks) -> bool {
    t.assigned > 0 && t.on_time == t.assigned && at_least_30_percent(t.exceeded, t.assigned)
}

/// All tasks done on time (the HTTNV task condition).
#[must_use]
pub const fn good_tasks(t: &Tasks) -> bool {
    t.assigned > 0 && t.on_time == t.assigned
}

/// All tasks done, at most 20 % late (the HTNV task condition): `late × 5 ≤ assigned`.
#[must_use]
pub const fn completed_tasks(t: &Tasks) -> bool {
    t.assigned > 0 && t.done() == t.assigned && t.late as u64 * 5 <= t.assigned as u64
}

/// The per-criterion grades of an evaluation (Quy định 124 and 132), counted by
/// grade for the task (key) criteria named in `task_criteria` and for the others.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GradeCounts {
    /// Task criteria graded, by grade (indexed by `Grade as usize`).
    pub task: [u32; 4],
    /// The other criteria graded, by grade.
    pub other: [u32; 4],
    /// Task criteria named in `task_criteria` but not graded.
    pub task_ungraded: u32,
}

fn at_least_in(counts: &[u32; 4], grade: Grade) -> u32 {
    counts.iter().skip(grade as usize).sum()
}

/// The "basic criteria" of the HTNV frames of Quy định 124 and 132 (Q10, \[U\]):
/// `(basic, at Trung bình or above)`. The policy's `basic_criteria` if it names
/// any (an ungraded one counts as not met), else every graded criterion.
#[must_use]
pub fn basic_criteria(e: &Evaluation, policy: &crate::policy::Policy) -> (u32, u32) {
    let at_least_average = |g: &crate::level::Grade| *g >= crate::level::Grade::Average;
    if policy.basic_criteria.is_empty() {
        let n = u32::try_from(e.grades.len()).unwrap_or(u32::MAX);
        let ok = u32::try_from(e.grades.values().filter(|g| at_least_average(g)).count())
            .unwrap_or(u32::MAX);
        (n, ok)
    } else {
        let n = u32::try_from(policy.basic_criteria.len()).unwrap_or(u32::MAX);
        let ok = policy
            .basic_criteria
            .iter()
            .filter(|c| e.grades.get(*c).is_some_and(at_least_average))
            .count();
        (n, u32::try_from(ok).unwrap_or(u32::MAX))
    }
}

impl GradeCounts {
    /// Counts the grades of `e`; a criterion named twice in `task_criteria` counts once.
    #[must_use]
    pub fn of(e: &Evaluation) -> Self {
        let mut c = Self::default();
        let mut task_ids: Vec<&str> = e.task_criteria.iter().map(String::as_str).collect();
        task_ids.sort_unstable();
        task_ids.dedup();
        for id in &task_ids {
            if !e.grades.contains_key(*id) {
                c.task_ungraded += 1;
            }
        }
        for (id, g) in &e.grades {
            let slot = if task_ids.binary_search(&id.as_str()).is_ok() {
                c.task.get_mut(*g as usize)
            } else {
                c.other.get_mut(*g as usize)
            };
            if let Some(n) = slot {
                *n += 1;
            }
        }
        c
    }
    /// Task criteria graded.
    #[must_use]
    pub fn tasks(&self) -> u32 {
        self.task.iter().sum()
    }
    /// Other criteria graded.
    #[must_use]
    pub fn others(&self) -> u32 {
        self.other.iter().sum()
    }
    /// Every criterion graded.
    #[must_use]
    pub fn all(&self) -> u32 {
        self.tasks() + self.others()
    }
    /// Task criteria at `grade` or better.
    #[must_use]
    pub fn task_at_least(&self, grade: Grade) -> u32 {
        at_least_in(&self.task, grade)
    }
    /// Other criteria at `grade` or better.
    #[must_use]
    pub fn other_at_least(&self, grade: Grade) -> u32 {
        at_least_in(&self.other, grade)
    }
    /// Criteria at `grade` or better.
    #[must_use]
    pub fn all_at_least(&self, grade: Grade) -> u32 {
        self.task_at_least(grade) + self.other_at_least(grade)
    }
    /// Criteria at exactly `grade`.
    #[must_use]
    pub fn all_at(&self, grade: Grade) -> u32 {
        let i = grade as usize;
        self.task.get(i).copied().unwrap_or(0) + self.other.get(i).copied().unwrap_or(0)
    }
}

/// One condition of a level's frame (Quy định 124 and 132): the rule, whether
/// it holds, and the values it compared.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Part {
    pub(crate) rule: &'static RuleDef,
    pub(crate) ok: bool,
    pub(crate) values: [i64; 4],
}

impl Part {
    pub(crate) fn new(rule: &'static RuleDef, ok: bool, values: &[i64]) -> Self {
        let mut v = [0i64; 4];
        for (slot, x) in v.iter_mut().zip(values) {
            *slot = *x;
        }
        Self {
            rule,
            ok,
            values: v,
        }
    }
}

/// Walks the frames of the levels from the highest down: the first frame whose
/// parts all hold gives the level, its parts noted as met; the failed parts of
/// the frames above are noted as having lowered the level (each rule once).
/// `None` if no frame holds.
pub(crate) fn walk_frames(j: &mut super::Judge<'_>, frames: &[(Level, &[Part])]) -> Option<Level> {
    fn note(j: &mut super::Judge<'_>, p: &Part, effect: Effect) {
        if !j
            .findings
            .iter()
            .any(|f| f.rule().id == p.rule.id && f.effect == effect)
        {
            j.note(p.rule, effect, &p.values);
        }
    }
    for (level, parts) in frames {
        if parts.iter().all(|p| p.ok) {
            for p in *parts {
                note(j, p, Effect::Met);
            }
            return Some(*level);
        }
        for p in parts.iter().filter(|p| !p.ok) {
            note(j, p, Effect::Lowered);
        }
    }
    None
}

/// The conclusions of a kind in an evaluation: `None` if there is none, else
/// whether every one is mitigated (admitted, self-detected and remedied, or
/// force majeure).
#[must_use]
pub fn concluded(e: &Evaluation, kind: crate::evaluation::ConclusionKind) -> Option<bool> {
    let mut found = false;
    let mut all_mitigated = true;
    for c in e.conclusions.iter().filter(|c| c.kind == kind) {
        found = true;
        all_mitigated &= c.mitigated;
    }
    found.then_some(all_mitigated)
}

/// Tasks exceeded and assigned, the quota's tie-break; `(0, 0)` without task facts.
#[must_use]
pub fn exceeded(e: &Evaluation) -> (u32, u32) {
    e.tasks.map_or((0, 0), |t| (t.exceeded, t.assigned))
}

/// The grades of an evaluation (Quy định 124 and 132), or `Unrated` if there are
/// none or a task criterion is not graded.
///
/// # Errors
/// [`super::Unrated`] with [`MISSING_INPUTS`].
pub fn grades_of(e: &Evaluation) -> Result<GradeCounts, super::Unrated> {
    let g = GradeCounts::of(e);
    if g.all() == 0 || g.task_ungraded > 0 {
        return Err(super::Unrated::missing_inputs());
    }
    Ok(g)
}
