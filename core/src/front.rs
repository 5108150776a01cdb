//! The Front side (DESIGN §6; front-rating.md): the Front work boards (Ban công
//! tác Mặt trận, BCTMT) of the residential areas and what they run.
//!
//! - [`composition`]: the composition checks of a board on a date (§2.3);
//! - [`scheme`] and [`presets`]: scorecards as data and the rating procedure
//!   (§3.2), with the presets `hoabinh-2017`, `bentre-2018-labels`,
//!   `qd366-collective` and the illustrative 8-group grid;
//! - [`residential`]: self-management models, the Great Unity Festival, the
//!   cultural titles and the surveys (§4);
//! - [`indicators`]: the indicators and targets of the plans and resolutions,
//!   rolled up per commune and province (§1.2, §5, §6);
//! - the cell's Front criterion ([`presets::hongngu_2023`]), which the party
//!   rating reads when the policy turns it on (DESIGN §5 Q12).
//!
//! [`run`] does it all for a year; the party run ([`crate::run::rate`]) calls it
//! first, so that the residential cells can read the boards' ranks, and puts its
//! report in [`crate::Report::front`].
//!
//! ```
//! let g = xeploai::sample::graph().unwrap();
//! let front = xeploai::front::rate(&g, 2025, &xeploai::Policy::default()).unwrap();
//! assert!(!front.boards.is_empty());
//! assert!(front.boards.iter().all(|b| !b.composition.is_empty()));
//! ```

pub(crate) mod check;
pub mod composition;
pub mod data;
pub mod indicators;
pub mod presets;
mod rating;
pub mod report;
pub mod residential;
pub mod rules;
pub mod scheme;
pub mod settings;

pub use report::FrontReport;
pub use settings::FrontPolicy;

use crate::dataset::Unit;
use crate::date::end_of_year;
use crate::evaluation::Evaluation;
use crate::explain::{Effect, Finding};
use crate::graph::OrgGraph;
use crate::index::{cmp_ids, id_key, join};
use crate::org::{CellType, UnitKind};
use crate::policy::Policy;
use crate::resolve::NONE;
use crate::rules::Assessment;
use indicators::Places;
use report::{AreaOutcome, BoardNotRated, BoardOutcome, CheckStatus, CommuneFront};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// The records of one area for a year: its models, festival and yearly record.
type AreaRecords<'a> = (
    Vec<&'a data::SelfManagementModel>,
    Option<&'a data::UnityFestival>,
    Option<&'a data::AreaYear>,
);

/// The Front side's run for a year: its report and what the residential cells read.
#[derive(Debug)]
pub struct FrontRun {
    /// The report section.
    pub report: FrontReport,
    /// The final rank of the board of each area (by area position).
    area_rank: FxHashMap<u32, u8>,
    /// (effective, total) self-management models per area position.
    area_models: FxHashMap<u32, (u32, u32)>,
}

/// Rates the Front side of `graph` for `year` under `policy.front`; `None` if
/// the dataset has no Front work board and no Front data.
#[must_use]
pub fn rate(graph: &OrgGraph, year: i32, policy: &Policy) -> Option<FrontReport> {
    run(graph, year, policy).map(|r| r.report)
}

/// The Front side's run (see [`rate`]), keeping what the party run reads.
#[must_use]
pub fn run(graph: &OrgGraph, year: i32, policy: &Policy) -> Option<FrontRun> {
    run_on(graph, year, policy, true)
}

/// [`run`] on two threads (`parallel`) or on the calling thread only (when
/// the party run rates members on the other core meanwhile).
#[expect(
    clippy::too_many_lines,
    reason = "the steps of the Front side, in order"
)]
pub(crate) fn run_on(
    graph: &OrgGraph,
    year: i32,
    policy: &Policy,
    parallel: bool,
) -> Option<FrontRun> {
    let p = &policy.front;
    let as_of = end_of_year(year)?;
    let ds = graph.dataset();
    // (position, unit) by id.
    let mut boards: Vec<(u32, &Unit)> = graph
        .positions_of_kind_on(UnitKind::FrontWorkBoard, as_of)
        .filter_map(|p| Some((p, graph.unit_at(p)?)))
        .collect();
    if boards.is_empty() && ds.front.is_empty() {
        return None;
    }
    boards.sort_unstable_by(|a, b| a.1.id.cmp(&b.1.id));
    let mut places = Places::new(graph, as_of);
    let mut warnings: BTreeMap<String, u32> = BTreeMap::new();

    // 1. Ratings of the boards (§3.2.2 steps 1–7), then composition on two threads.
    let evaluations = rating::evaluations_of_year(graph, year);
    let mut ids: Vec<&str> = evaluations
        .values()
        .filter_map(|e| e.scheme.as_deref())
        .collect();
    ids.push(&p.scheme);
    ids.sort_unstable();
    ids.dedup();
    let schemes = rating::Schemes::load(graph, ids.into_iter());
    let board_pos: Vec<u32> = boards.iter().map(|b| b.0).collect();
    let work = |part: &[(u32, &Unit)]| {
        let mut w = BTreeMap::new();
        let out: Vec<_> = part
            .iter()
            .map(|&(pos, b)| {
                let checks = composition::check_board_at(graph, pos, b, as_of, p);
                let rated = evaluations
                    .get(b.id.as_str())
                    .map(|e| rating::rate_one(&schemes, e, p, year, &mut w));
                (checks, rated)
            })
            .collect();
        (out, w)
    };
    let ((mut results, w1), (more, w2)) = if parallel {
        let (first, second) = boards.split_at(boards.len() / 2);
        join(|| work(first), || work(second))
    } else {
        (work(&boards), (Vec::new(), BTreeMap::new()))
    };
    results.extend(more);
    for (k, v) in w1.into_iter().chain(w2) {
        *warnings.entry(k).or_default() += v;
    }

    // 2. The quota of each scheme over its scope (step 8).
    let mut rated: Vec<(usize, rating::Rated)> = Vec::new();
    for (i, (_, r)) in results.iter_mut().enumerate() {
        if let Some(Ok(x)) = r.take() {
            rated.push((i, x));
        } else if r.is_none() {
            *r = Some(Err(BoardNotRated::NoEvaluation));
        }
    }
    let communes: Vec<Option<u32>> = board_pos.iter().map(|&b| places.commune(b)).collect();
    let provinces: Vec<Option<u32>> = board_pos.iter().map(|&b| places.province(b)).collect();
    rating::apply_quotas(
        &schemes,
        &mut rated,
        |i, scope| match scope {
            scheme::QuotaScope::Commune => communes.get(i).copied().flatten(),
            scheme::QuotaScope::Province => provinces.get(i).copied().flatten(),
        },
        |i| boards.get(i).map_or_else(String::new, |b| b.1.id.clone()),
    );
    let mut used: Vec<usize> = rated.iter().map(|(_, r)| r.scheme).collect();
    if let Some(d) = schemes.index(&p.scheme) {
        used.push(d);
    }
    used.sort_unstable();
    used.dedup();
    let mut rating_of: Vec<Option<report::BoardRating>> = vec![None; boards.len()];
    for (i, r) in rated {
        if let Some(slot) = rating_of.get_mut(i) {
            *slot = Some(r.rating);
        }
    }
    let evaluated_any = !evaluations.is_empty();
    let mut area_rank: FxHashMap<u32, u8> = FxHashMap::default();
    let mut outcomes = Vec::with_capacity(boards.len());
    let mut per_commune: BTreeMap<u32, CommuneFront> = BTreeMap::new();
    for (i, ((checks, r), &(_, b))) in results.into_iter().zip(&boards).enumerate() {
        let rating = rating_of.get_mut(i).and_then(Option::take);
        let not_rated = match (&rating, r) {
            (Some(_), _) => None,
            (None, Some(Err(reason))) => Some(reason),
            (None, _) => Some(BoardNotRated::NoEvaluation),
        };
        if not_rated == Some(BoardNotRated::NoEvaluation) && evaluated_any {
            *warnings.entry("front_no_evaluation".into()).or_default() += 1;
        }
        let area_pos = board_pos.get(i).and_then(|&b| graph.area_pos(b));
        if let (Some(rt), Some(area)) = (&rating, area_pos) {
            area_rank.insert(area, rt.rank);
        }
        let composition_ok = checks.iter().all(|c| c.status != CheckStatus::Failed);
        let commune = communes.get(i).copied().flatten();
        if let Some(c) = commune {
            let e = per_commune.entry(c).or_insert_with(|| CommuneFront {
                commune: places.id(c),
                name: graph
                    .unit_at(c)
                    .map_or_else(String::new, |u| u.name.clone()),
                ..CommuneFront::default()
            });
            e.boards += 1;
            if let Some(rt) = &rating {
                e.rated += 1;
                match e.by_rank.binary_search_by_key(&rt.rank, |r| r.rank) {
                    Ok(k) => {
                        if let Some(r) = e.by_rank.get_mut(k) {
                            r.boards += 1;
                        }
                    }
                    Err(k) => e.by_rank.insert(
                        k,
                        report::RankCount {
                            rank: rt.rank,
                            boards: 1,
                        },
                    ),
                }
            }
            if !composition_ok {
                e.composition_failed += 1;
            }
        }
        outcomes.push(BoardOutcome {
            board: b.id.clone(),
            area: b.area.clone(),
            commune: commune.map(|c| places.id(c)),
            composition_ok,
            composition: checks,
            rating,
            not_rated,
        });
    }

    // 3. The residential evaluations (§4), per area with data, in the order
    // of the areas' ids. The records' areas were resolved with the graph.
    let fd = &ds.front;
    let record_areas = &graph.front_areas;
    let of_year = |pos: u32, y: i32| pos != NONE && y == year;
    let mut by_area: FxHashMap<u32, AreaRecords<'_>> = FxHashMap::default();
    for (m, &pos) in fd.self_management_models.iter().zip(&record_areas.models) {
        if of_year(pos, m.year) {
            by_area.entry(pos).or_default().0.push(m);
        }
    }
    for (f, &pos) in fd.unity_festivals.iter().zip(&record_areas.festivals) {
        if of_year(pos, f.year) {
            by_area.entry(pos).or_default().1 = Some(f);
        }
    }
    for (r, &pos) in fd.area_years.iter().zip(&record_areas.area_years) {
        if of_year(pos, r.year) {
            by_area.entry(pos).or_default().2 = Some(r);
        }
    }
    let mut by_area: Vec<(u128, &str, u32, AreaRecords<'_>)> = by_area
        .into_iter()
        .map(|(pos, records)| {
            let id = graph.unit_at(pos).map_or("", |u| u.id.as_str());
            (id_key(id), id, pos, records)
        })
        .collect();
    by_area.sort_unstable_by(|a, b| cmp_ids((a.0, a.1), (b.0, b.1)));
    // The records listing their households, by area (T4's history).
    let mut listed: FxHashMap<u32, Vec<&data::AreaYear>> = FxHashMap::default();
    for (r, &pos) in fd.area_years.iter().zip(&record_areas.area_years) {
        if pos != NONE && r.year <= year && !r.cultured_family_households.is_empty() {
            listed.entry(pos).or_default().push(r);
        }
    }
    let mut area_models: FxHashMap<u32, (u32, u32)> = FxHashMap::default();
    let mut festival_complete: FxHashMap<u32, bool> = FxHashMap::default();
    let mut areas: Vec<AreaOutcome> = Vec::with_capacity(by_area.len());
    for (_, id, pos, (models, fest, yr)) in by_area {
        let commune = places.commune(pos).map(|c| places.id(c));
        let mut o = residential::area_outcome(id, commune, &models, fest, yr, as_of, p);
        if let (Some(r), Some(h)) = (yr, listed.get(&pos)) {
            o.family_certificates = residential::family_certificates(r, h);
        }
        if o.models.total > 0 {
            area_models.insert(pos, (o.models.effective, o.models.total));
        }
        if let Some(f) = &o.festival {
            festival_complete.insert(pos, f.complete);
        }
        areas.push(o);
    }

    // 4. Indicators and targets (§5–§6).
    let ind = indicators::compute(&mut places, year, p, &area_models, &festival_complete);
    let report = FrontReport {
        as_of,
        schemes: used
            .into_iter()
            .filter_map(|i| schemes.get(i))
            .map(rating::summary)
            .collect(),
        boards: outcomes,
        areas,
        communes: per_commune.into_values().collect(),
        indicators: ind.rows(&places),
        targets: ind.targets(&places, year, p),
        warnings,
    };
    let mut report = report;
    report.communes.sort_by(|a, b| a.commune.cmp(&b.commune));
    Some(FrontRun {
        report,
        area_rank,
        area_models,
    })
}

impl FrontRun {
    /// The residential cell's Front criterion (DESIGN §5 Q12), if the policy
    /// turns it on: the cell's evaluation with its task group recomputed (the
    /// other task criteria out of `700 − max`, plus the criterion's points from
    /// the area board's rank and the share of effective self-management
    /// models), and the findings that say where the points came from. `None`
    /// if the criterion is off, the cell is not residential, has no area, or
    /// its regime does not score tasks.
    #[must_use]
    pub fn cell_criterion(
        &self,
        graph: &OrgGraph,
        cell: &Unit,
        e: &Evaluation,
        policy: &Policy,
    ) -> Option<(Evaluation, Vec<Finding>)> {
        let c = policy.front.cell_criterion.as_ref()?;
        if cell.cell_type != Some(CellType::Residential) {
            return None;
        }
        let tasks = e.score_tasks?;
        let pos = graph.unit_pos(&cell.id)?;
        let area = graph.area_pos(pos)?;
        let rank = self.area_rank.get(&area).copied();
        let (effective, models) = self.area_models.get(&area).copied().unwrap_or((0, 0));
        let board = c.board(rank);
        let from_models = c.models(effective, models);
        let points = board.saturating_add(from_models).min(c.max);
        let other_max = 700u32.saturating_sub(c.max);
        let other = tasks.min(other_max);
        let mut findings = Vec::with_capacity(3);
        if rank.is_none() {
            findings.push(Finding::new(
                &rules::CELL_CRITERION_NO_BOARD,
                Effect::Noted,
                &[],
            ));
        }
        findings.push(Finding::new(
            &rules::CELL_CRITERION,
            Effect::Decided,
            &[i64::from(rank.unwrap_or(0)), i64::from(board)],
        ));
        findings.push(Finding::new(
            &rules::CELL_CRITERION_MODELS,
            Effect::Decided,
            &[
                i64::from(effective),
                i64::from(models),
                i64::from(from_models),
            ],
        ));
        findings.push(Finding::new(
            &rules::CELL_CRITERION_TASKS,
            if tasks > other_max {
                Effect::Lowered
            } else {
                Effect::Decided
            },
            &[
                i64::from(other),
                i64::from(other_max),
                i64::from(points),
                i64::from(other + points),
            ],
        ));
        let mut out = e.clone();
        out.score_tasks = Some(other + points);
        Some((out, findings))
    }
}

/// Puts the cell criterion's findings first in a cell's assessment and names
/// the setting (the party run's hook).
pub(crate) fn add_cell_findings(a: &mut Assessment, findings: Vec<Finding>) {
    let mut all = findings;
    all.append(&mut a.findings);
    a.findings = all;
    if !a.settings.contains(&"front") {
        a.settings.push("front");
    }
}
