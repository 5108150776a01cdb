//! The Front side's settings (`front` in the policy): the composition limits
//! (front-rating.md O2–O5), the default scheme, the festival window, the
//! self-management assessment delay, the targets of the plans and resolutions
//! (§5–§6) and the cell's Front criterion (off by default; DESIGN §5 Q12).
//! Every [U] rule of the reference is one of these settings, with a default.

use crate::front::presets::hongngu_2023::CellCriterion;
use crate::lang::{pick, Lang};
use crate::policy::Rounding;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Which areas count in the denominator of the head-is-deputy-secretary
/// indicator (front-rating.md §2.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum HeadDenominator {
    /// Areas with a cell (an area without one is not applicable); default.
    AreasWithCell,
    /// Every area.
    AllAreas,
}

/// What an indicator measures. Each metric is observed on its own units (an
/// area, a Front committee, a party committee, a government) as a numerator and
/// a denominator, and rolled up by commune and province by summing both.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Areas whose board head is the deputy secretary of the area's cell / areas
    /// with a cell (O14; [U] target of the 2023–2027 plans).
    BoardHeadIsDeputySecretary,
    /// Per commune Front committee: board heads of the commune who are members of
    /// it / the commune's residential areas (R1.2b, HD 03/2025, [V]).
    CommitteeBoardHeads,
    /// Commune Front committees meeting the 30 % rule of HD 03/2025 / commune
    /// Front committees (the rule: the first `committee_board_heads` target
    /// that applies to the year, or HD 03's 30 % if none does).
    CommitteesMeetingBoardHeadsRule,
    /// Supervision topics chaired / Front committees (count per committee, §5.1).
    SupervisionTopics,
    /// Social-critique topics chaired / Front committees (count per committee, §5.1).
    SocialCritiqueTopics,
    /// Party committees (commune and province) that issued orientation documents
    /// for the Front / party committees (§5.1).
    OrientationDocuments,
    /// Governments (commune, province) with a coordination regulation in force /
    /// governments (§5.1).
    CoordinationRegulation,
    /// Areas that held the Great Unity Festival in the window with both parts /
    /// areas with a board (F2, F3).
    UnityFestivalHeld,
    /// Dialogue conclusions followed up / conclusions issued (§5.2, [U]).
    ConclusionsFollowedUp,
    /// "Dân vận khéo" models effective / registered (V3).
    DanVanKheoEffective,
    /// Self-management models effective / models of the year (M1).
    SelfManagementEffective,
    /// Board heads who are deputy secretaries honoured in the year / such heads (§6).
    DeputySecretariesHonoured,
    /// Households recognised cultured families / households (T3; GSO definition).
    CulturedFamilies,
    /// Survey ballots returned / households (S2).
    SurveyCoverage,
    /// Areas whose satisfaction survey meets both thresholds of `front.survey` /
    /// areas surveyed (S2).
    SurveyPassed,
    /// Areas assessed a model new-rural residential area with every criterion
    /// met / areas assessed (T5).
    ModelAreaPassed,
    /// Commune Front committees whose People's Inspection Board has the size
    /// required (B1 NĐ 59/2023, B2 NĐ 159/2016) / those with a board recorded.
    InspectionBoardSize,
    /// Months in which the head of a party committee received citizens on at
    /// least the days required (G1: `reception_min_days_province` for a province,
    /// and a district until 2025; `reception_min_days_commune` for a commune) /
    /// months recorded; districts are out of scope from 2026 (G2).
    ReceptionMonths,
    /// Commune Front committees whose members (holders of `front_committee_member`
    /// posts, each person once) number within `committee_min_size` to
    /// `committee_max_size` / commune Front committees (R1.2a, HD 03/2025, [V] 50–70).
    CommitteeSizeInRange,
    /// Per provincial Front committee: the province's communes whose Front
    /// committee chair (`front_committee_chair`) is a member of it / the
    /// province's communes (R1.2c, HD 03/2025, [V] ≥ 50 %).
    ProvinceCommuneChairs,
}

impl Metric {
    /// Every metric.
    pub const ALL: [Self; 20] = [
        Self::BoardHeadIsDeputySecretary,
        Self::CommitteeBoardHeads,
        Self::CommitteesMeetingBoardHeadsRule,
        Self::SupervisionTopics,
        Self::SocialCritiqueTopics,
        Self::OrientationDocuments,
        Self::CoordinationRegulation,
        Self::UnityFestivalHeld,
        Self::ConclusionsFollowedUp,
        Self::DanVanKheoEffective,
        Self::SelfManagementEffective,
        Self::DeputySecretariesHonoured,
        Self::CulturedFamilies,
        Self::SurveyCoverage,
        Self::SurveyPassed,
        Self::ModelAreaPassed,
        Self::InspectionBoardSize,
        Self::ReceptionMonths,
        Self::CommitteeSizeInRange,
        Self::ProvinceCommuneChairs,
    ];

    /// The snake_case name.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::BoardHeadIsDeputySecretary => "board_head_is_deputy_secretary",
            Self::CommitteeBoardHeads => "committee_board_heads",
            Self::CommitteesMeetingBoardHeadsRule => "committees_meeting_board_heads_rule",
            Self::SupervisionTopics => "supervision_topics",
            Self::SocialCritiqueTopics => "social_critique_topics",
            Self::OrientationDocuments => "orientation_documents",
            Self::CoordinationRegulation => "coordination_regulation",
            Self::UnityFestivalHeld => "unity_festival_held",
            Self::ConclusionsFollowedUp => "conclusions_followed_up",
            Self::DanVanKheoEffective => "dan_van_kheo_effective",
            Self::SelfManagementEffective => "self_management_effective",
            Self::DeputySecretariesHonoured => "deputy_secretaries_honoured",
            Self::CulturedFamilies => "cultured_families",
            Self::SurveyCoverage => "survey_coverage",
            Self::SurveyPassed => "survey_passed",
            Self::ModelAreaPassed => "model_area_passed",
            Self::InspectionBoardSize => "inspection_board_size",
            Self::ReceptionMonths => "reception_months",
            Self::CommitteeSizeInRange => "committee_size_in_range",
            Self::ProvinceCommuneChairs => "province_commune_chairs",
        }
    }

    /// Whether the metric counts per unit (topics per committee) rather than a share.
    #[must_use]
    pub const fn is_count(self) -> bool {
        matches!(self, Self::SupervisionTopics | Self::SocialCritiqueTopics)
    }

    /// A short label.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match self {
            Self::BoardHeadIsDeputySecretary => pick(
                lang,
                "Trưởng ban CTMT là Phó Bí thư chi bộ",
                "board heads who are deputy cell secretaries",
            ),
            Self::CommitteeBoardHeads => pick(
                lang,
                "Trưởng ban CTMT là ủy viên UBMTTQ xã",
                "board heads on the commune Front committee",
            ),
            Self::CommitteesMeetingBoardHeadsRule => pick(
                lang,
                "UBMTTQ xã có ≥ 30% Trưởng ban CTMT",
                "commune Front committees with ≥ 30 % board heads",
            ),
            Self::SupervisionTopics => pick(
                lang,
                "chuyên đề giám sát mỗi UBMTTQ",
                "supervision topics per Front committee",
            ),
            Self::SocialCritiqueTopics => pick(
                lang,
                "chuyên đề phản biện xã hội mỗi UBMTTQ",
                "social-critique topics per Front committee",
            ),
            Self::OrientationDocuments => pick(
                lang,
                "cấp ủy ban hành văn bản định hướng cho Mặt trận",
                "party committees with orientation documents",
            ),
            Self::CoordinationRegulation => pick(
                lang,
                "chính quyền có quy chế phối hợp với Mặt trận",
                "governments with a coordination regulation",
            ),
            Self::UnityFestivalHeld => pick(
                lang,
                "khu dân cư tổ chức Ngày hội Đại đoàn kết",
                "areas that held the Unity Festival",
            ),
            Self::ConclusionsFollowedUp => pick(
                lang,
                "kết luận đối thoại được theo dõi thực hiện",
                "dialogue conclusions followed up",
            ),
            Self::DanVanKheoEffective => pick(
                lang,
                "mô hình Dân vận khéo hiệu quả",
                "effective Dân vận khéo models",
            ),
            Self::SelfManagementEffective => pick(
                lang,
                "mô hình tự quản hiệu quả",
                "effective self-management models",
            ),
            Self::DeputySecretariesHonoured => pick(
                lang,
                "Phó Bí thư kiêm Trưởng ban được tuyên dương",
                "deputy secretaries heading a board honoured",
            ),
            Self::CulturedFamilies => {
                pick(lang, "hộ gia đình văn hóa", "cultured-family households")
            }
            Self::SurveyCoverage => pick(
                lang,
                "hộ được lấy ý kiến sự hài lòng",
                "households surveyed",
            ),
            Self::SurveyPassed => pick(
                lang,
                "khu dân cư đạt ngưỡng lấy ý kiến sự hài lòng",
                "areas whose satisfaction survey passes",
            ),
            Self::ModelAreaPassed => pick(
                lang,
                "khu dân cư đạt chuẩn nông thôn mới kiểu mẫu",
                "model new-rural residential areas",
            ),
            Self::InspectionBoardSize => pick(
                lang,
                "Ban Thanh tra nhân dân đúng số thành viên",
                "People's Inspection Boards of the required size",
            ),
            Self::ReceptionMonths => pick(
                lang,
                "tháng người đứng đầu cấp ủy tiếp dân đủ số ngày",
                "months with the required citizen-reception days",
            ),
            Self::CommitteeSizeInRange => pick(
                lang,
                "UBMTTQ xã có số ủy viên trong khoảng quy định",
                "commune Front committees within the size range",
            ),
            Self::ProvinceCommuneChairs => pick(
                lang,
                "xã có Chủ tịch UBMTTQ là ủy viên UBMTTQ tỉnh",
                "communes whose Front chair sits on the provincial committee",
            ),
        }
    }
}

/// How a value compares to a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Comparator {
    /// ≥.
    AtLeast,
    /// ≤.
    AtMost,
}

/// Where a target is compared.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// On each unit the metric observes (an area, a committee, a government).
    Unit,
    /// On each commune's roll-up.
    Commune,
    /// On each province's roll-up.
    Province,
}

/// A target of a plan or resolution: `(metric, comparator, value, scope, period)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// Its id.
    pub id: String,
    /// The metric.
    pub metric: Metric,
    /// The comparator.
    pub comparator: Comparator,
    /// Percent for a share; a count per unit of the denominator for a count metric.
    pub value: u32,
    /// Where it is compared.
    pub scope: Scope,
    /// First year it applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_year: Option<i32>,
    /// Last year it applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_year: Option<i32>,
    /// How `value % × denominator` is rounded to a whole count, the count
    /// required (at least) or allowed (at most). Absent (the default), nothing
    /// is rounded: the share is compared exactly (`100 × numerator ≥ value ×
    /// denominator` for at least, `≤` for at most). `"ceil"` is the same for
    /// an at-least target, but lets an at-most one pass a count over the
    /// limit (at most 10 % of 15 allows 1, `"ceil"` allows 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rounding: Option<Rounding>,
    /// The document it comes from.
    pub source: String,
    /// Whether the source was read ([V]); otherwise a default from news articles ([U]).
    #[serde(default)]
    pub verified: bool,
}

impl Target {
    /// Whether the target applies to a year.
    #[must_use]
    pub fn applies_to(&self, year: i32) -> bool {
        self.from_year.is_none_or(|f| f <= year) && self.to_year.is_none_or(|t| year <= t)
    }

    /// Whether `numerator / denominator` meets the target (`None` if the
    /// denominator is 0: not applicable). Integer arithmetic only.
    ///
    /// ```
    /// use xeploai::front::settings::{Comparator, default_targets};
    /// let mut t = default_targets().remove(0); // at least 30 %
    /// assert_eq!(t.met(3, 10), Some(true));
    /// assert_eq!(t.met(2, 10), Some(false));
    /// t.comparator = Comparator::AtMost;
    /// t.value = 10; // at most 10 %: 1 of 15 passes, 2 of 15 (13.3 %) does not
    /// assert_eq!(t.met(1, 15), Some(true));
    /// assert_eq!(t.met(2, 15), Some(false));
    /// assert_eq!(t.met(0, 0), None);
    /// ```
    #[must_use]
    pub fn met(&self, numerator: u64, denominator: u64) -> Option<bool> {
        if denominator == 0 {
            return None;
        }
        // In 128 bits, where no product of these overflows: the value is the
        // user's and the denominator a sum.
        let x = u128::from(self.value) * u128::from(denominator);
        let numerator = u128::from(numerator);
        // Both sides of the comparison, in the same unit.
        let (n, bound) = if self.metric.is_count() {
            (numerator, x)
        } else {
            match self.rounding {
                None => (numerator * 100, x),
                Some(r) => (numerator, r.divide(x, 100)),
            }
        };
        Some(match self.comparator {
            Comparator::AtLeast => n >= bound,
            Comparator::AtMost => n <= bound,
        })
    }
}

fn target(
    id: &str,
    metric: Metric,
    value: u32,
    scope: Scope,
    years: (Option<i32>, Option<i32>),
    source: &str,
    verified: bool,
) -> Target {
    Target {
        id: id.to_owned(),
        metric,
        comparator: Comparator::AtLeast,
        value,
        scope,
        from_year: years.0,
        to_year: years.1,
        rounding: None,
        source: source.to_owned(),
        verified,
    }
}

/// The default targets: HD 03/2025 ([V], term 2025–2030) and the defaults
/// taken from the news articles on the 2023–2027 plans and the provincial
/// resolutions ([U], editable).
#[must_use]
pub fn default_targets() -> Vec<Target> {
    use crate::front::rules::{HD03, PLAN_2023};
    const RESOLUTION: &str =
        "Nghị quyết của tỉnh ủy về công tác Mặt trận (chỉ tiêu theo báo chí, chưa có văn bản gốc)";
    vec![
        target(
            "hd03.committee_board_heads",
            Metric::CommitteeBoardHeads,
            30,
            Scope::Unit,
            (Some(2025), Some(2030)),
            HD03,
            true,
        ),
        target(
            "plan2023.board_head_deputy_secretary",
            Metric::BoardHeadIsDeputySecretary,
            100,
            Scope::Commune,
            (Some(2023), Some(2027)),
            PLAN_2023,
            false,
        ),
        target(
            "resolution.supervision_topics",
            Metric::SupervisionTopics,
            2,
            Scope::Unit,
            (None, None),
            RESOLUTION,
            false,
        ),
        target(
            "resolution.social_critique_topics",
            Metric::SocialCritiqueTopics,
            2,
            Scope::Unit,
            (None, None),
            RESOLUTION,
            false,
        ),
        target(
            "resolution.orientation_documents",
            Metric::OrientationDocuments,
            100,
            Scope::Province,
            (None, None),
            RESOLUTION,
            false,
        ),
        target(
            "resolution.coordination_regulation",
            Metric::CoordinationRegulation,
            100,
            Scope::Province,
            (None, None),
            RESOLUTION,
            false,
        ),
        target(
            "festival.held",
            Metric::UnityFestivalHeld,
            100,
            Scope::Commune,
            (None, None),
            crate::front::rules::NQ04,
            false,
        ),
        target(
            "qd11.reception_days",
            Metric::ReceptionMonths,
            100,
            Scope::Unit,
            (Some(2019), None),
            crate::front::rules::QD11,
            true,
        ),
        target(
            "hd03.committee_size",
            Metric::CommitteeSizeInRange,
            100,
            Scope::Unit,
            (Some(2025), Some(2030)),
            HD03,
            true,
        ),
        target(
            "hd03.province_chairs",
            Metric::ProvinceCommuneChairs,
            50,
            Scope::Unit,
            (Some(2025), Some(2030)),
            HD03,
            true,
        ),
    ]
}

/// The thresholds of a satisfaction survey (front-rating.md §4.5 S2, [V]; they
/// vary by province): coverage (ballots returned / households) and satisfaction
/// (satisfied / valid ballots), in percent, each either strict ("trên", more
/// than) or not ("ít nhất", at least). The defaults are Hải Dương's (2018):
/// more than 60 % of households surveyed and more than 80 % satisfied; Tây Ninh
/// (2019) and Ninh Thuận's communes ask at least 70 % coverage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct SurveyThresholds {
    /// Coverage threshold in percent of households ([V] 60, Hải Dương 2018).
    pub coverage_percent: u32,
    /// Whether coverage must exceed the threshold ("trên"; [V] true) rather than reach it.
    pub coverage_strict: bool,
    /// Satisfaction threshold in percent of valid ballots ([V] 80, Hải Dương 2018).
    pub satisfaction_percent: u32,
    /// Whether satisfaction must exceed the threshold ("trên"; [V] true) rather than reach it.
    pub satisfaction_strict: bool,
}

impl Default for SurveyThresholds {
    fn default() -> Self {
        Self {
            coverage_percent: 60,
            coverage_strict: true,
            satisfaction_percent: 80,
            satisfaction_strict: true,
        }
    }
}

impl SurveyThresholds {
    /// Whether `numerator / denominator` passes `percent` (strictly or not), by
    /// integer cross-multiplication; a zero denominator does not pass.
    #[must_use]
    pub fn passes(numerator: u64, denominator: u64, percent: u32, strict: bool) -> bool {
        if denominator == 0 {
            return false;
        }
        let lhs = u128::from(numerator) * 100;
        let rhs = u128::from(percent) * u128::from(denominator);
        if strict {
            lhs > rhs
        } else {
            lhs >= rhs
        }
    }

    /// Whether a survey covers enough households.
    #[must_use]
    pub fn coverage_passes(&self, returned: u64, households: u64) -> bool {
        Self::passes(
            returned,
            households,
            self.coverage_percent,
            self.coverage_strict,
        )
    }

    /// Whether enough valid ballots are satisfied.
    #[must_use]
    pub fn satisfaction_passes(&self, satisfied: u64, valid: u64) -> bool {
        Self::passes(
            satisfied,
            valid,
            self.satisfaction_percent,
            self.satisfaction_strict,
        )
    }
}

/// Every setting of the Front side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct FrontPolicy {
    /// The scheme of board evaluations that name none (a preset id or a dataset scheme).
    pub scheme: String,
    /// Fewest board members (O2, [V] 9).
    pub min_size: u32,
    /// Most board members (O2, [V] 15).
    pub max_size: u32,
    /// Fewest deputy heads (O3, [V] "one or more").
    pub min_deputies: u32,
    /// Most deputy heads (O3, [U] default 2).
    pub max_deputies: u32,
    /// The mass organisations whose branch heads must sit on the board (O4b; the
    /// list is O5, [U]): `organisation` codes of `mass_org_branch` units.
    pub mass_organisations: Vec<String>,
    /// The denominator of the head-is-deputy-secretary indicator (§2.3).
    pub head_deputy_denominator: HeadDenominator,
    /// Month of the festival window (F2, [V] November).
    pub festival_month: u32,
    /// First day of the window (F2, [V] 1).
    pub festival_from_day: u32,
    /// Last day of the window (F2, [V] 18).
    pub festival_to_day: u32,
    /// Months a model must have run before it is assessed (M4, [U] 12).
    pub model_min_months: u32,
    /// The thresholds of the satisfaction survey (S2).
    pub survey: SurveyThresholds,
    /// Fewest days a month the head of a provincial (and, until 2025, district)
    /// party committee receives citizens (G1, [V] 1).
    pub reception_min_days_province: u32,
    /// Fewest days a month the head of a commune party committee receives
    /// citizens (G1, [V] 2).
    pub reception_min_days_commune: u32,
    /// Fewest members of a commune Front committee (R1.2a, HD 03/HD-MTTW-BTT 2025, [V] 50).
    pub committee_min_size: u32,
    /// Most members of a commune Front committee (R1.2a, HD 03/HD-MTTW-BTT 2025, [V] 70).
    pub committee_max_size: u32,
    /// The targets compared (default: [`default_targets`]).
    pub targets: Vec<Target>,
    /// The cell's Front criterion; off (`null`) unless a provincial preset turns it on (Q12).
    pub cell_criterion: Option<CellCriterion>,
}

impl Default for FrontPolicy {
    fn default() -> Self {
        Self {
            scheme: crate::front::presets::hd35_hoabinh_2017::ID.to_owned(),
            min_size: 9,
            max_size: 15,
            min_deputies: 1,
            max_deputies: 2,
            mass_organisations: ["farmers", "women", "youth", "veterans", "elderly"]
                .iter()
                .map(|s| (*s).to_owned())
                .collect(),
            head_deputy_denominator: HeadDenominator::AreasWithCell,
            festival_month: 11,
            festival_from_day: 1,
            festival_to_day: 18,
            model_min_months: 12,
            survey: SurveyThresholds::default(),
            reception_min_days_province: 1,
            reception_min_days_commune: 2,
            committee_min_size: 50,
            committee_max_size: 70,
            targets: default_targets(),
            cell_criterion: None,
        }
    }
}

impl FrontPolicy {
    /// Whether every setting is at its default (the policy's JSON then leaves
    /// the section out, so that reports of the party side stay as they were).
    #[must_use]
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thirty_percent_is_the_cross_multiplication() {
        let t = &default_targets()[0];
        assert_eq!(t.metric, Metric::CommitteeBoardHeads);
        for areas in 0..60u64 {
            for heads in 0..=areas {
                let exact = heads * 10 >= 3 * areas;
                assert_eq!(
                    t.met(heads, areas),
                    (areas > 0).then_some(exact),
                    "{heads}/{areas}"
                );
            }
        }
    }

    #[test]
    fn survey_thresholds_strict_or_not() {
        // front-rating.md §4.5 S2: Hải Dương 2018, more than 60 % / more than 80 %.
        let t = SurveyThresholds::default();
        assert!(!t.coverage_passes(60, 100));
        assert!(t.coverage_passes(61, 100));
        assert!(!t.satisfaction_passes(80, 100));
        assert!(t.satisfaction_passes(81, 100));
        assert!(!t.satisfaction_passes(0, 0));
        // Tây Ninh 2019: at least 70 %.
        let t = SurveyThresholds {
            coverage_percent: 70,
            coverage_strict: false,
            ..SurveyThresholds::default()
        };
        assert!(t.coverage_passes(7, 10));
        assert!(!t.coverage_passes(69, 100));
    }

    #[test]
    fn floor_rounding_is_more_lenient() {
        let mut t = default_targets()[0].clone();
        t.rounding = Some(Rounding::Floor);
        // 7 areas: 30 % is 2.1; floor needs 2, ceil needs 3, as the exact
        // comparison does.
        assert_eq!(t.met(2, 7), Some(true));
        for rounding in [Some(Rounding::Ceil), None] {
            t.rounding = rounding;
            assert_eq!(t.met(2, 7), Some(false));
            assert_eq!(t.met(3, 7), Some(true));
        }
    }

    #[test]
    fn an_at_most_share_is_compared_exactly() {
        let mut t = default_targets()[0].clone();
        t.comparator = Comparator::AtMost;
        t.value = 10;
        // 15 units: 10 % is 1.5; 2 of 15 is 13.3 %.
        assert_eq!(t.met(1, 15), Some(true));
        assert_eq!(t.met(2, 15), Some(false));
        // Exactly at the limit: 10 of 100.
        assert_eq!(t.met(10, 100), Some(true));
        assert_eq!(t.met(11, 100), Some(false));
        // Rounded up on request, 2 of 15 passes.
        t.rounding = Some(Rounding::Ceil);
        assert_eq!(t.met(2, 15), Some(true));
        // Products past 64 bits neither wrap nor saturate: 100 × this
        // numerator wraps to 84 in 64 bits, and both sides of 2^62 of 2^62
        // would saturate to the same number.
        t.rounding = None;
        assert_eq!(t.met(u64::MAX / 100 + 1, 15), Some(false));
        assert_eq!(t.met(1 << 62, 1 << 62), Some(false));
        assert_eq!(t.met(1 << 58, 1 << 62), Some(true));
        t.comparator = Comparator::AtLeast;
        t.value = 100;
        assert_eq!(t.met(1 << 61, 1 << 62), Some(false));
        assert_eq!(t.met(1 << 62, 1 << 62), Some(true));
    }

    #[test]
    fn count_targets_multiply_by_the_units() {
        let t = &default_targets()[2];
        assert!(t.metric.is_count());
        assert_eq!(t.met(2, 1), Some(true));
        assert_eq!(t.met(1, 1), Some(false));
        assert_eq!(t.met(7, 4), Some(false));
        assert_eq!(t.met(8, 4), Some(true));
    }
}
