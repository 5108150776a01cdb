//! Synthetic Front data for the spec's years: an evaluation of every Front
//! work board on `hoabinh-2017`, self-management models, the Unity Festival,
//! households and cultured families, surveys, the topics of the Front
//! committees, the orientation documents and dialogues of the commune party
//! committees, coordination regulations, "Dân vận khéo" models, honours, and
//! the board heads who sit on the commune Front committee (HD 03/2025).
//!
//! Drawn from a random stream of its own, after the party side, so that
//! adding it changed none of the party data of a seed.

use super::{ymd, Part, Rng};
use crate::dataset::Post;
use crate::front::data::{
    AreaYear, BoardEvaluation, CommitteeYear, CoordinationRegulation, DanVanKheoField,
    DanVanKheoModel, Honour, ModelAssessment, ModelField, PartyCommitteeYear, SelfManagementModel,
    Survey, UnityFestival,
};
use crate::org::{FrontLevel, Role, UnitKind};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

const FIELDS: [ModelField; 6] = [
    ModelField::Economy,
    ModelField::PublicOrder,
    ModelField::Environment,
    ModelField::CivilisedLifestyle,
    ModelField::TrafficSafety,
    ModelField::Other,
];

const DVK: [DanVanKheoField; 4] = [
    DanVanKheoField::Economy,
    DanVanKheoField::CultureSociety,
    DanVanKheoField::DefenceSecurity,
    DanVanKheoField::PoliticalSystem,
];

/// Adds the Front data of `years` to a province's part.
#[expect(clippy::too_many_lines, reason = "one block per kind of record")]
pub(super) fn add(
    out: &mut Part,
    rng: &mut Rng,
    years: &[i32],
    reform_day: Option<crate::date::Date>,
) {
    // The current board head of each board (open-ended post), by board id.
    let mut head_of: FxHashMap<&str, &str> = FxHashMap::default();
    for p in &out.posts {
        if p.role == Role::BoardHead && p.to.is_none() {
            head_of.insert(p.unit.as_str(), p.person.as_str());
        }
    }
    // Boards and areas, commune Front committees by commune, commune party committees.
    let mut boards: Vec<(String, String)> = Vec::new();
    let mut committees: Vec<(String, Option<FrontLevel>, bool)> = Vec::new();
    let mut commune_front: BTreeMap<String, String> = BTreeMap::new();
    let mut party: Vec<String> = Vec::new();
    let mut governments: Vec<(String, Option<crate::date::Date>)> = Vec::new();
    let mut front_of_government: FxHashMap<String, String> = FxHashMap::default();
    for u in &out.units {
        let alive = u.dissolved.is_none();
        match u.kind {
            UnitKind::FrontWorkBoard => {
                if let Some(a) = &u.area {
                    boards.push((u.id.clone(), a.clone()));
                }
            }
            UnitKind::FrontCommittee => {
                committees.push((u.id.clone(), u.level, alive));
                if let Some(a) = &u.area {
                    front_of_government.insert(a.clone(), u.id.clone());
                    if u.level == Some(FrontLevel::Commune) && alive {
                        commune_front.insert(a.clone(), u.id.clone());
                    }
                }
            }
            UnitKind::GrassrootsCommittee | UnitKind::ProvinceCommittee if alive => {
                party.push(u.id.clone());
            }
            UnitKind::Commune | UnitKind::Province if alive => {
                governments.push((u.id.clone(), u.established));
            }
            _ => {}
        }
    }
    // The commune of each area, for the committee membership of its board's head.
    let mut commune_of_area: FxHashMap<&str, &str> = FxHashMap::default();
    for u in &out.units {
        if u.kind == UnitKind::ResidentialArea {
            let parent = u
                .parents
                .last()
                .map(|l| l.id.as_str())
                .or(u.parent.as_deref());
            if let Some(p) = parent {
                commune_of_area.insert(u.id.as_str(), p);
            }
        }
    }

    // About 40 % of board heads sit on their commune's Front committee (HD 03/2025
    // asks for at least 30 %); a commune here and there falls short.
    let mut posts = Vec::new();
    let mut commune_share: FxHashMap<&str, u32> = FxHashMap::default();
    for (board, area) in &boards {
        let Some(head) = head_of.get(board.as_str()) else {
            continue;
        };
        let Some(commune) = commune_of_area.get(area.as_str()) else {
            continue;
        };
        let Some(committee) = commune_front.get(*commune) else {
            continue;
        };
        let share = *commune_share
            .entry(commune)
            .or_insert_with(|| 150 + rng.below(500));
        if rng.chance(share) {
            posts.push(Post {
                person: (*head).to_owned(),
                unit: committee.clone(),
                role: Role::FrontCommitteeMember,
                from: reform_day,
                to: None,
            });
        }
    }

    // The chair of each commune Front committee (here the head of its first
    // board), on the provincial committee in about 70 % of the communes (HD 03
    // asks for at least half, R1.2c).
    let province_front = committees
        .iter()
        .find(|(_, level, alive)| *alive && *level == Some(FrontLevel::Province))
        .map(|(id, _, _)| id.clone());
    let mut chaired: FxHashMap<&str, ()> = FxHashMap::default();
    for (board, area) in &boards {
        let (Some(head), Some(commune)) = (
            head_of.get(board.as_str()),
            commune_of_area.get(area.as_str()),
        ) else {
            continue;
        };
        let Some(committee) = commune_front.get(*commune) else {
            continue;
        };
        if chaired.insert(committee.as_str(), ()).is_some() {
            continue;
        }
        posts.push(Post {
            person: (*head).to_owned(),
            unit: committee.clone(),
            role: Role::FrontCommitteeChair,
            from: reform_day,
            to: None,
        });
        if let Some(pf) = &province_front {
            if rng.chance(700) {
                posts.push(Post {
                    person: (*head).to_owned(),
                    unit: pf.clone(),
                    role: Role::FrontCommitteeMember,
                    from: reform_day,
                    to: None,
                });
            }
        }
    }

    for &year in years {
        let f = &mut out.front;
        for (board, area) in &boards {
            // Board evaluations on hoabinh-2017, mostly Tốt and Xuất sắc.
            let score = match rng.below(1000) {
                0..=299 => 900 + rng.below(101),
                300..=799 => 800 + rng.below(100),
                800..=949 => 650 + rng.below(150),
                950..=989 => 500 + rng.below(150),
                _ => 300 + rng.below(200),
            };
            let mut scores = BTreeMap::new();
            scores.insert("tong_diem".to_owned(), score);
            f.board_evaluations.push(BoardEvaluation {
                board: board.clone(),
                year,
                scheme: None,
                scores,
                bonus: 0,
                deductions: Vec::new(),
                vetoes: Vec::new(),
                tasks: None,
                disciplined_members: 0,
                facts: BTreeMap::new(),
                self_score: Some((score + rng.below(40)).min(1000)),
                assessor: None,
            });
            // Self-management models (M1: about 3/4 effective).
            for k in 0..rng.below(5) {
                let field = FIELDS
                    .get(rng.below(FIELDS.len() as u32) as usize)
                    .copied()
                    .unwrap_or(ModelField::Other);
                let launched = ymd(year - 1 - rng.below(8) as i32, 1 + rng.below(12), 1);
                let launched = if rng.chance(150) {
                    ymd(year, 1 + rng.below(10), 1)
                } else {
                    launched
                };
                let assessment = match rng.below(1000) {
                    0..=799 => Some(ModelAssessment::Effective),
                    800..=879 => Some(ModelAssessment::NotEffective),
                    _ => None,
                };
                f.self_management_models.push(SelfManagementModel {
                    id: format!("{area}.tq{k}"),
                    area: area.clone(),
                    year,
                    field,
                    name: None,
                    launched_on: Some(launched),
                    assessment,
                });
            }
            // The festival: most in the window, a few outside or incomplete.
            let held = rng.chance(960);
            let day = match rng.below(1000) {
                0..=19 => ymd(year, 11, 19 + rng.below(10)),
                20..=29 => ymd(year, 10, 20 + rng.below(11)),
                _ => ymd(year, 11, 1 + rng.below(18)),
            };
            f.unity_festivals.push(UnityFestival {
                area: area.clone(),
                year,
                held_on: held.then_some(day),
                ceremony: rng.chance(985),
                festivities: rng.chance(975),
                commended_households: rng.below(20),
                commended_individuals: rng.below(10),
                houses_handed_over: u32::from(rng.chance(100)),
            });
            let households = 150 + rng.below(450);
            let cultured = households * (78 + rng.below(20)) / 100;
            let survey = rng.chance(300).then(|| {
                let returned = households * (55 + rng.below(40)) / 100;
                let valid = returned - returned * rng.below(3) / 100;
                Survey {
                    ballots_returned: returned,
                    valid_ballots: valid,
                    satisfied: valid * (80 + rng.below(20)) / 100,
                }
            });
            f.area_years.push(AreaYear {
                area: area.clone(),
                year,
                households,
                cultured_families: cultured,
                cultural_title: rng.chance(700),
                survey,
                model_area: None,
                cultured_family_households: Vec::new(),
            });
            if rng.chance(40) {
                if let Some(head) = head_of.get(board.as_str()) {
                    f.honours.push(Honour {
                        person: (*head).to_owned(),
                        year,
                        board: board.clone(),
                    });
                }
            }
        }
        for (c, _, alive) in &committees {
            if *alive {
                f.committee_years.push(CommitteeYear {
                    committee: c.clone(),
                    year,
                    supervision_topics: 1 + rng.below(4),
                    social_critique_topics: rng.below(4),
                    inspection_board: None,
                });
            }
        }
        for p in &party {
            let issued = rng.below(12);
            f.party_committee_years.push(PartyCommitteeYear {
                committee: p.clone(),
                year,
                orientation_documents: u32::from(rng.chance(880)) * (1 + rng.below(3)),
                dialogues: 1 + rng.below(6),
                conclusions_issued: issued,
                conclusions_followed_up: issued - issued.min(rng.below(3)),
                reception_days: Vec::new(),
            });
        }
        for (g, _) in &governments {
            for k in 0..rng.below(4) {
                f.dan_van_kheo.push(DanVanKheoModel {
                    id: format!("{g}.dvk{year}.{k}"),
                    unit: g.clone(),
                    year,
                    field: DVK
                        .get(rng.below(4) as usize)
                        .copied()
                        .unwrap_or(DanVanKheoField::Economy),
                    name: None,
                    effective: rng.chance(870),
                });
            }
        }
    }
    if !years.is_empty() {
        for (g, established) in &governments {
            if let (Some(fc), true) = (front_of_government.get(g), rng.chance(900)) {
                out.front
                    .coordination_regulations
                    .push(CoordinationRegulation {
                        government: g.clone(),
                        front_committee: fc.clone(),
                        name: None,
                        from: established.or_else(|| Some(ymd(2021, 3, 1))),
                        to: None,
                    });
            }
        }
    }
    out.posts.extend(posts);
}
