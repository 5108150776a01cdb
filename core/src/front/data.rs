//! The Front section of the dataset (`front` in `xeploai-dataset/1`): scorecards
//! as data, the yearly evaluations of Front work boards, the residential
//! evaluations the boards run (self-management models, the Great Unity
//! Festival, cultural titles, satisfaction surveys) and the facts behind the
//! indicators of the coordination plans and resolutions (front-rating.md §3–§6).
//!
//! Scores and points are integers in tenths of a point, as on the party side.

use crate::date::{serde_date, Date, Period};
use crate::evaluation::Tasks;
use crate::front::scheme::Scheme;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Everything of the Front side that is not a unit or a post.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FrontData {
    /// Scorecards defined by the dataset (beside the presets of [`crate::front::presets`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schemes: Vec<Scheme>,
    /// Yearly evaluations of Front work boards, scored on a scheme.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub board_evaluations: Vec<BoardEvaluation>,
    /// Self-management models (mô hình tự quản) of residential areas, one record per model and year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub self_management_models: Vec<SelfManagementModel>,
    /// The Great Unity Festival (Ngày hội Đại đoàn kết toàn dân tộc) per area and year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unity_festivals: Vec<UnityFestival>,
    /// Per area and year: households, cultured families, the cultural title, the survey.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub area_years: Vec<AreaYear>,
    /// Per Front committee and year: supervision and social-critique topics.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub committee_years: Vec<CommitteeYear>,
    /// Per party committee and year: orientation documents for the Front, dialogues.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub party_committee_years: Vec<PartyCommitteeYear>,
    /// Coordination regulations (quy chế phối hợp) between a government and its Front committee.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coordination_regulations: Vec<CoordinationRegulation>,
    /// "Dân vận khéo" models registered, by unit and year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dan_van_kheo: Vec<DanVanKheoModel>,
    /// Honours of exemplary deputy cell secretaries who head a Front work board.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub honours: Vec<Honour>,
}

impl FrontData {
    /// Whether the section holds nothing (it is then left out of the JSON).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.schemes.is_empty()
            && self.board_evaluations.is_empty()
            && self.self_management_models.is_empty()
            && self.unity_festivals.is_empty()
            && self.area_years.is_empty()
            && self.committee_years.is_empty()
            && self.party_committee_years.is_empty()
            && self.coordination_regulations.is_empty()
            && self.dan_van_kheo.is_empty()
            && self.honours.is_empty()
    }

    /// Normalises the free text (labels, names) to Unicode NFC.
    pub fn normalize_text(&mut self) {
        use crate::dataset::normalize;
        for s in &mut self.schemes {
            s.normalize_text();
        }
        for m in &mut self.self_management_models {
            if let Some(n) = &mut m.name {
                normalize(n);
            }
        }
        for m in &mut self.dan_van_kheo {
            if let Some(n) = &mut m.name {
                normalize(n);
            }
        }
        for r in &mut self.coordination_regulations {
            if let Some(n) = &mut r.name {
                normalize(n);
            }
        }
    }
}

/// One Front work board's evaluation for a year, on a scheme (front-rating.md §3.2.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BoardEvaluation {
    /// The Front work board (`front_work_board`).
    pub board: String,
    /// The rating year.
    pub year: i32,
    /// The scheme's id (a preset or one of `front.schemes`); the policy's
    /// `front.scheme` if missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheme: Option<String>,
    /// Points per criterion code, in tenths (the assessor's, the commune Front
    /// standing board's for a board).
    #[serde(default)]
    pub scores: BTreeMap<String, u32>,
    /// Bonus points claimed, in tenths (capped by the scheme).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub bonus: u32,
    /// Codes of the scheme's deductions that apply (each counts once per listing).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deductions: Vec<String>,
    /// Codes of the scheme's veto conditions that hold.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vetoes: Vec<String>,
    /// Task facts, for the gates that read them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tasks: Option<Tasks>,
    /// Members of the collective disciplined in the year.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub disciplined_members: u32,
    /// Other named facts, for `fact_at_least` gates.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub facts: BTreeMap<String, i64>,
    /// The board's own total, in tenths, kept beside the assessor's scores.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_score: Option<u32>,
    /// Who assessed, e.g. the commune Front standing board's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessor: Option<String>,
}

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
const fn is_zero(v: &u32) -> bool {
    *v == 0
}

/// The field of a self-management model (front-rating.md M2).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ModelField {
    /// Kinh tế: economy.
    Economy,
    /// An ninh trật tự: public order.
    PublicOrder,
    /// Vệ sinh môi trường: environment.
    Environment,
    /// Nếp sống văn minh: civilised lifestyle.
    CivilisedLifestyle,
    /// An toàn giao thông: road-traffic safety.
    TrafficSafety,
    /// Khác: other.
    Other,
}

/// The three-state assessment of a self-management model (front-rating.md M1).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ModelAssessment {
    /// Hoạt động hiệu quả.
    Effective,
    /// Không hiệu quả.
    NotEffective,
    /// Mới triển khai, chưa đánh giá.
    TooNew,
}

/// A self-management model of a residential area in a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SelfManagementModel {
    /// The model's id (one record per model and year).
    pub id: String,
    /// The residential area.
    pub area: String,
    /// The year assessed.
    pub year: i32,
    /// The field.
    pub field: ModelField,
    /// Its name, e.g. `Tổ tự quản an ninh trật tự ấp Tân Hòa`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The day it was launched; a model launched less than the policy's
    /// `front.model_min_months` before the end of the year is too new to assess.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "serde_date::opt"
    )]
    #[schemars(with = "Option<Date>")]
    pub launched_on: Option<Date>,
    /// The assessment of the commune Front standing board; missing: too new.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment: Option<ModelAssessment>,
}

/// The Great Unity Festival of an area in a year (front-rating.md §4.3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnityFestival {
    /// The residential area.
    pub area: String,
    /// The year.
    pub year: i32,
    /// The day it was held; missing: not held.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "serde_date::opt"
    )]
    #[schemars(with = "Option<Date>")]
    pub held_on: Option<Date>,
    /// "Phần lễ": the year's campaign results reported, commendations, launch of emulation.
    #[serde(default)]
    pub ceremony: bool,
    /// "Phần hội": culture, sport, folk games.
    #[serde(default)]
    pub festivities: bool,
    /// Households commended.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub commended_households: u32,
    /// Individuals commended.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub commended_individuals: u32,
    /// Great-unity houses handed over.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub houses_handed_over: u32,
}

/// A satisfaction survey run by the board (front-rating.md §4.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Survey {
    /// Ballots returned.
    pub ballots_returned: u32,
    /// Valid ballots.
    pub valid_ballots: u32,
    /// Valid ballots saying "satisfied".
    pub satisfied: u32,
}

/// Per area and year: the campaign's cultural results and the survey.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AreaYear {
    /// The residential area.
    pub area: String,
    /// The year.
    pub year: i32,
    /// Households in the area.
    pub households: u32,
    /// Households recognised "Gia đình văn hóa" (NĐ 86/2023; T3).
    #[serde(default)]
    pub cultured_families: u32,
    /// The area holds the title "thôn / tổ dân phố văn hóa" (Luật TĐKT 2022, Điều 30; T1).
    #[serde(default)]
    pub cultural_title: bool,
    /// The satisfaction survey, if one was run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub survey: Option<Survey>,
    /// The assessment as a model new-rural residential area (T5), if one was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model_area: Option<ModelAreaAssessment>,
    /// The households (ids local to the area) recognised "Gia đình văn hóa" this
    /// year, when known (optional; T4: the certificate after 3 consecutive years).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cultured_family_households: Vec<String>,
}

/// The assessment of a residential area as a "khu dân cư nông thôn mới kiểu mẫu"
/// (front-rating.md §4.2 T5, Hà Tĩnh 2014): its 10 criteria and the commune's
/// applicable new-rural criteria, all of which must be met.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ModelAreaAssessment {
    /// The numbers (1–10) of the criteria met: 1 houses, 2 gardens and livestock
    /// facilities, 3 fences, 4 roads, 5 cultural house and sports ground, 6 power,
    /// 7 culture, education and health, 8 environmental sanitation, 9 political
    /// system and public order, 10 law and village conventions.
    pub criteria_met: Vec<u8>,
    /// Every applicable commune new-rural criterion is met at the area.
    pub commune_criteria_met: bool,
}

/// Per Front committee and year (front-rating.md §5.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CommitteeYear {
    /// The Front committee (`front_committee`).
    pub committee: String,
    /// The year.
    pub year: i32,
    /// Supervision topics it chaired (giám sát).
    #[serde(default)]
    pub supervision_topics: u32,
    /// Social-critique topics it chaired (phản biện xã hội).
    #[serde(default)]
    pub social_critique_topics: u32,
    /// The commune's People's Inspection Board (Ban Thanh tra nhân dân) in the
    /// year, if recorded (front-rating.md §4.6 B1, B2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inspection_board: Option<InspectionBoard>,
}

/// A commune's People's Inspection Board (front-rating.md §4.6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InspectionBoard {
    /// Its members.
    pub members: u32,
    /// The commune's population (NĐ 159/2016, plains communes; B2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<u32>,
    /// A mountain, midland or island commune (NĐ 159/2016; B2).
    #[serde(default)]
    pub upland: bool,
}

/// Per party committee and year (front-rating.md §5.1–§5.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartyCommitteeYear {
    /// The party committee (a party unit).
    pub committee: String,
    /// The year.
    pub year: i32,
    /// Orientation documents it issued for the Front and socio-political organisations.
    #[serde(default)]
    pub orientation_documents: u32,
    /// Dialogues of its head with the people.
    #[serde(default)]
    pub dialogues: u32,
    /// Conclusions issued at those dialogues.
    #[serde(default)]
    pub conclusions_issued: u32,
    /// Of those, followed up.
    #[serde(default)]
    pub conclusions_followed_up: u32,
    /// Days its head received citizens, per month from January (at most 12;
    /// optional; front-rating.md §5.2 G1, G2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reception_days: Vec<u32>,
}

/// A coordination regulation between a government and the Front committee of its level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CoordinationRegulation {
    /// The government: the administrative unit (`commune`, `district`, `province`).
    pub government: String,
    /// The Front committee.
    pub front_committee: String,
    /// Its name, e.g. `Quy chế phối hợp 01/QCPH-UBND-UBMTTQ`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// First day in force; open if missing.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "serde_date::opt"
    )]
    #[schemars(with = "Option<Date>")]
    pub from: Option<Date>,
    /// Last day in force; open if missing.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "serde_date::opt"
    )]
    #[schemars(with = "Option<Date>")]
    pub to: Option<Date>,
}

impl CoordinationRegulation {
    /// The days it is in force.
    #[must_use]
    pub const fn period(&self) -> Period {
        Period::new(self.from, self.to)
    }
}

/// The field of a "Dân vận khéo" model (front-rating.md V1).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DanVanKheoField {
    /// Kinh tế.
    Economy,
    /// Văn hóa - xã hội.
    CultureSociety,
    /// Quốc phòng - an ninh.
    DefenceSecurity,
    /// Xây dựng hệ thống chính trị.
    PoliticalSystem,
}

/// A "Dân vận khéo" model registered in a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DanVanKheoModel {
    /// The model's id.
    pub id: String,
    /// The unit that registered it (a commune, a residential area, a party or Front unit).
    pub unit: String,
    /// The year.
    pub year: i32,
    /// The field.
    pub field: DanVanKheoField,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Recognised effective.
    #[serde(default)]
    pub effective: bool,
}

/// An honour given to an exemplary deputy cell secretary who heads the Front work board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Honour {
    /// The person honoured.
    pub person: String,
    /// The year.
    pub year: i32,
    /// The board they head.
    pub board: String,
}
