//! Hướng dẫn 27-HD/BTCTW (25/9/2014): rating years up to 2017, for legacy
//! datasets (party-rating.md §8).
//!
//! Organisations and members are scored on 100 points (`score_total`, in
//! tenths). Organisations are rated "trong sạch, vững mạnh" (TSVM, held as
//! [`Level::Excellent`] under this regime: see
//! [`Level::legacy_organisation_label`]), "hoàn thành tốt nhiệm vụ",
//! "hoàn thành nhiệm vụ" or "yếu kém" ([`Level::NotCompleted`]); members
//! "đủ tư cách, hoàn thành xuất sắc / tốt / hoàn thành nhiệm vụ" or "vi phạm tư
//! cách hoặc không hoàn thành nhiệm vụ".
//!
//! Verified (\[V\], 27-HD §II): an organisation under 50 points is yếu kém, and so
//! is one at 50 or more with disunity, degradation or corruption severe enough
//! that members were disciplined, the administration at the same level rated at
//! the lowest level, or two or more Front and mass organisations at the lowest
//! level; a cell with more than half of its members KHTNV, a đảng bộ with more
//! than a third of its organisations yếu kém, is yếu kém
//! ([`Rules::own_aggregation`], `hd27-2014`).
//!
//! Not verified (\[U\]): the other band limits. They are the policy's
//! `hd27_bands` (default 90 / 70 / 50), for organisations and members alike,
//! and every finding that uses them is tagged unverified. Eligibility (exempt, suspended, admitted less
//! than 6 months before) has no 2014 source: the run applies the later rules,
//! tagged unverified. No central quota was found for 2014: [`Hd27::quota`]
//! returns none.
//!
//! Readings chosen here: "corruption or degradation severe enough that members
//! were disciplined" is read from a degradation conclusion on the
//! organisation's own evaluation or its `leader.managed_corruption_disciplined`
//! fact; "the lowest level" of a peer organisation is [`Level::NotCompleted`].

use super::common;
use super::{Assessment, Judge, MemberInput, OrgInput, Rules, Unrated};
use crate::evaluation::{ConclusionKind, Evaluation};
use crate::explain::{Citation, Effect, RuleDef, Tag};
use crate::level::Level;
use crate::outcome::NotRatedReason;
use crate::policy::Aggregation;
use crate::regime::Regime;

const HD: &str = "Hướng dẫn 27-HD/BTCTW";

/// Organisations under 50 points are yếu kém (27-HD §II; \[V\]), whatever the
/// policy's bands.
const ORGANISATION_MIN: u32 = 500;

// Eligibility: no 2014 source (party-rating.md §9).
rule!(EXEMPT, "hd27.exempt", Citation::doc(HD), Unverified, [],
    "đảng viên được miễn công tác và sinh hoạt đảng: không xếp loại (không tìm thấy quy định năm 2014; áp dụng như các quy định sau)",
    "exempted from party work and activities: not rated (no 2014 rule found; applied as in the later regulations)");
rule!(SUSPENDED, "hd27.suspended", Citation::doc(HD), Unverified, [],
    "đảng viên bị đình chỉ sinh hoạt đảng: không xếp loại (không tìm thấy quy định năm 2014; áp dụng như các quy định sau)",
    "suspended from party activities: not rated (no 2014 rule found; applied as in the later regulations)");
rule!(NEW_MEMBER, "hd27.new_member", Citation::doc(HD), Unverified, ["admitted_date", "reference_date"],
    "kết nạp ngày {admitted_date}, chưa đủ 6 tháng tính đến ngày {reference_date}: không xếp loại (không tìm thấy quy định năm 2014; áp dụng như các quy định sau)",
    "admitted on {admitted_date}, less than 6 months before {reference_date}: not rated (no 2014 rule found; applied as in the later regulations)");
rule!(NEW_ORGANISATION, "hd27.new_organisation", Citation::doc("xeploai DESIGN §5 (Q7)"), Unverified, ["established_date", "reference_date"],
    "tổ chức thành lập ngày {established_date}, chưa đủ 6 tháng đến ngày {reference_date}: không xếp loại (thiết lập chính sách)",
    "set up on {established_date}, less than 6 months before {reference_date}: not rated (a policy setting)");

// Organisations (27-HD §II).
rule!(
    SCORE_BELOW_50,
    "hd27.ii.score_below_50",
    Citation::section(HD, "II"),
    Verified,
    ["score"],
    "đạt {score} điểm, dưới 50 điểm: yếu kém",
    "scored {score}, below 50: weak (yếu kém)"
);
rule!(
    DISUNITY,
    "hd27.ii.disunity",
    Citation::section(HD, "II"),
    Verified,
    [],
    "cấp ủy, ban thường vụ mất đoàn kết: yếu kém",
    "disunity in the committee or its standing committee: weak (yếu kém)"
);
rule!(
    DEGRADATION,
    "hd27.ii.degradation_disciplined",
    Citation::section(HD, "II"),
    Verified,
    [],
    "có tham nhũng, suy thoái nghiêm trọng đến mức đảng viên bị xử lý kỷ luật: yếu kém",
    "corruption or degradation severe enough that members were disciplined: weak (yếu kém)"
);
rule!(
    ADMINISTRATION_LOWEST,
    "hd27.ii.administration_lowest",
    Citation::section(HD, "II"),
    Verified,
    [],
    "chính quyền cùng cấp bị xếp loại ở mức thấp nhất: yếu kém",
    "the administration at the same level is rated at the lowest level: weak (yếu kém)"
);
rule!(MASS_ORGS_LOWEST, "hd27.ii.mass_orgs_lowest", Citation::section(HD, "II"), Verified, ["lowest"],
    "{lowest} tổ chức (Mặt trận, đoàn thể) cùng cấp bị xếp loại ở mức thấp nhất, từ 2 tổ chức trở lên: yếu kém",
    "{lowest} Front and mass organisations at the same level are rated at the lowest level, 2 or more: weak (yếu kém)");
rule!(O_BAND_EXCELLENT, "hd27.ii.band.excellent", Citation::section(HD, "II"), Unverified, ["score", "min_score"],
    "đạt {score} điểm, từ {min_score} điểm trở lên: trong sạch, vững mạnh (ngưỡng mặc định, chưa đối chiếu được văn bản)",
    "scored {score}, {min_score} or more: clean and strong (trong sạch, vững mạnh) (a default threshold; the text was not found)");
rule!(O_BAND_GOOD, "hd27.ii.band.good", Citation::section(HD, "II"), Unverified, ["score", "min_score"],
    "đạt {score} điểm, từ {min_score} điểm trở lên: hoàn thành tốt nhiệm vụ (ngưỡng mặc định, chưa đối chiếu được văn bản)",
    "scored {score}, {min_score} or more: completed the tasks well (a default threshold; the text was not found)");
rule!(O_BAND_COMPLETED, "hd27.ii.band.completed", Citation::section(HD, "II"), Unverified, ["score", "min_score"],
    "đạt {score} điểm, từ {min_score} điểm trở lên: hoàn thành nhiệm vụ (ngưỡng mặc định, chưa đối chiếu được văn bản)",
    "scored {score}, {min_score} or more: completed the tasks (a default threshold; the text was not found)");

// Members (party-rating.md §8: the four levels; bands [U]).
rule!(M_BAND_EXCELLENT, "hd27.member.band.excellent", Citation::doc(HD), Unverified, ["score", "min_score"],
    "đạt {score} điểm, từ {min_score} điểm trở lên: đủ tư cách, hoàn thành xuất sắc nhiệm vụ (ngưỡng mặc định, chưa đối chiếu được văn bản)",
    "scored {score}, {min_score} or more: qualified, completed the tasks excellently (a default threshold; the text was not found)");
rule!(M_BAND_GOOD, "hd27.member.band.good", Citation::doc(HD), Unverified, ["score", "min_score"],
    "đạt {score} điểm, từ {min_score} điểm trở lên: đủ tư cách, hoàn thành tốt nhiệm vụ (ngưỡng mặc định, chưa đối chiếu được văn bản)",
    "scored {score}, {min_score} or more: qualified, completed the tasks well (a default threshold; the text was not found)");
rule!(M_BAND_COMPLETED, "hd27.member.band.completed", Citation::doc(HD), Unverified, ["score", "min_score"],
    "đạt {score} điểm, từ {min_score} điểm trở lên: đủ tư cách, hoàn thành nhiệm vụ (ngưỡng mặc định, chưa đối chiếu được văn bản)",
    "scored {score}, {min_score} or more: qualified, completed the tasks (a default threshold; the text was not found)");
rule!(M_BAND_NOT_COMPLETED, "hd27.member.band.not_completed", Citation::doc(HD), Unverified, ["score", "min_score"],
    "đạt {score} điểm, dưới {min_score} điểm: vi phạm tư cách hoặc không hoàn thành nhiệm vụ (ngưỡng mặc định, chưa đối chiếu được văn bản)",
    "scored {score}, below {min_score}: violated the member's standards or did not complete the tasks (a default threshold; the text was not found)");

/// Every rule of Hướng dẫn 27.
pub static RULES: &[&RuleDef] = &[
    &EXEMPT,
    &SUSPENDED,
    &NEW_MEMBER,
    &NEW_ORGANISATION,
    &SCORE_BELOW_50,
    &DISUNITY,
    &DEGRADATION,
    &ADMINISTRATION_LOWEST,
    &MASS_ORGS_LOWEST,
    &O_BAND_EXCELLENT,
    &O_BAND_GOOD,
    &O_BAND_COMPLETED,
    &M_BAND_EXCELLENT,
    &M_BAND_GOOD,
    &M_BAND_COMPLETED,
    &M_BAND_NOT_COMPLETED,
];

/// The rules of Hướng dẫn 27-HD/BTCTW.
#[derive(Debug, Clone, Copy)]
pub struct Hd27;

fn score(e: &Evaluation) -> Result<u32, Unrated> {
    e.score_total.ok_or_else(Unrated::missing_inputs)
}

fn exceeded(e: &Evaluation) -> (u32, u32) {
    common::exceeded(e)
}

impl Rules for Hd27 {
    fn regime(&self) -> Regime {
        Regime::Hd27_2014
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
        let b = m.policy.hd27_bands;
        j.setting("hd27_bands");
        let (rule, min, level) = if s >= b.excellent {
            (&M_BAND_EXCELLENT, b.excellent, Level::Excellent)
        } else if s >= b.good {
            (&M_BAND_GOOD, b.good, Level::Good)
        } else if s >= b.completed {
            (&M_BAND_COMPLETED, b.completed, Level::Completed)
        } else {
            (&M_BAND_NOT_COMPLETED, b.completed, Level::NotCompleted)
        };
        j.note(rule, Effect::Decided, &[i64::from(s), i64::from(min)]);
        j.finish_into(level, Some(s), exceeded(e), out);
        Ok(())
    }

    fn rate_organisation(&self, o: &OrgInput<'_>) -> Result<Assessment, Unrated> {
        let e = o.evaluation;
        let s = score(e)?;
        let mut j = Judge::new(o.decisions);
        if s < ORGANISATION_MIN {
            j.note(&SCORE_BELOW_50, Effect::Decided, &[i64::from(s)]);
            return Ok(j.finish(Level::NotCompleted, Some(s), exceeded(e)));
        }
        // At 50 points or more, any of these makes the organisation yếu kém.
        if common::concluded(e, ConclusionKind::Disunity).is_some() {
            j.trigger(&DISUNITY, &[], false);
        }
        if common::concluded(e, ConclusionKind::Degradation).is_some()
            || e.leader
                .as_ref()
                .is_some_and(|l| l.managed_corruption_disciplined)
        {
            j.trigger(&DEGRADATION, &[], false);
        }
        if let Some(p) = &e.peer_levels {
            if p.administration == Some(Level::NotCompleted) {
                j.trigger(&ADMINISTRATION_LOWEST, &[], false);
            }
            let lowest = p
                .front
                .into_iter()
                .chain(p.mass_orgs.iter().copied())
                .filter(|l| *l == Level::NotCompleted)
                .count();
            if lowest >= 2 {
                j.trigger(
                    &MASS_ORGS_LOWEST,
                    &[i64::try_from(lowest).unwrap_or(i64::MAX)],
                    false,
                );
            }
        }
        let b = o.policy.hd27_bands;
        j.setting("hd27_bands");
        let (rule, min, level) = if s >= b.excellent {
            (&O_BAND_EXCELLENT, b.excellent, Level::Excellent)
        } else if s >= b.good {
            (&O_BAND_GOOD, b.good, Level::Good)
        } else {
            (&O_BAND_COMPLETED, ORGANISATION_MIN, Level::Completed)
        };
        let effect = if level > j.cap {
            Effect::Noted
        } else {
            Effect::Decided
        };
        j.note(rule, effect, &[i64::from(s), i64::from(min)]);
        Ok(j.finish(level, Some(s), exceeded(e)))
    }

    /// None: 27-HD ties no head's level to the collective's.
    fn head_rule(&self) -> Option<&'static RuleDef> {
        None
    }

    /// No central quota was found for 2014: 100 % for both, so under the
    /// default quota reading (C: of those rated HTTNV or higher) the cap never
    /// binds. Under readings A and B the run's arithmetic can still cap a group
    /// whose candidates outnumber the others; the demotion's message says no
    /// central quota was found.
    /// No central quota was found for the 2014 guidance (party-rating.md §9).
    fn quota(&self) -> Option<super::Quota> {
        None
    }

    /// 27-HD §II: a cell with more than half of its members KHTNV, a đảng bộ with
    /// more than a third of its organisations yếu kém, is yếu kém.
    fn own_aggregation(&self) -> Aggregation {
        Aggregation::Hd27_2014
    }
}
