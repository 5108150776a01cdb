//! The indicators of the coordination plans and the provincial resolutions
//! (DESIGN §6; front-rating.md §1.2, §2.3, §4–§6): each metric is observed on its
//! own units as a numerator and a denominator, rolled up per commune, province
//! and in total by summing both (never a rounded share), and compared with the
//! targets `(metric, comparator, value, scope, period)` of the policy, listing
//! the units that miss each one.
//!
//! A metric fed by records of the dataset (topics, orientation documents,
//! regulations, festivals, honours) is observed only if the dataset holds at
//! least one such record for the year; a unit without a record then counts as
//! zero. The structural metrics (board heads) are always observed.

use crate::date::Date;
use crate::front::report::{IndicatorRow, Miss, RollupScope, TargetResult};
use crate::front::settings::{FrontPolicy, HeadDenominator, Metric, Scope, Target};
use crate::graph::{HeadLink, OrgGraph};
use crate::org::{FrontLevel, Role, UnitKind};
use crate::resolve::NONE;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeMap;

/// One observed unit of a metric.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Observation {
    /// The unit observed (its position in `dataset.units`).
    pub unit: u32,
    /// Its commune's position, if it belongs to one.
    pub commune: Option<u32>,
    /// Its province's position, if any.
    pub province: Option<u32>,
    /// The numerator.
    pub numerator: u64,
    /// The denominator.
    pub denominator: u64,
}

/// The observations of every metric with data, by metric.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Indicators {
    /// Observations by metric, each list in dataset order of its units.
    pub observations: BTreeMap<Metric, Vec<Observation>>,
}

/// Positions of communes and provinces on a date, cached.
#[derive(Debug)]
pub(crate) struct Places<'g> {
    pub(crate) graph: &'g OrgGraph,
    pub(crate) as_of: Date,
    province: FxHashMap<u32, Option<u32>>,
}

impl<'g> Places<'g> {
    pub(crate) fn new(graph: &'g OrgGraph, as_of: Date) -> Self {
        Self {
            graph,
            as_of,
            province: FxHashMap::default(),
        }
    }

    pub(crate) fn commune(&self, pos: u32) -> Option<u32> {
        self.graph.commune_pos(pos, self.as_of)
    }

    fn walk_to_province(&self, pos: u32) -> Option<u32> {
        let mut at = pos;
        for _ in 0..64 {
            let u = self.graph.unit_at(at)?;
            if u.kind == UnitKind::Province {
                return Some(at);
            }
            at = match self.graph.area_pos(at) {
                Some(area) => area,
                None => self.graph.parent_pos(at, self.as_of)?,
            };
        }
        None
    }

    /// The province of the unit at `pos` (through its commune, cached).
    pub(crate) fn province(&mut self, pos: u32) -> Option<u32> {
        let key = self.commune(pos).unwrap_or(pos);
        if let Some(p) = self.province.get(&key) {
            return *p;
        }
        let p = self.walk_to_province(key);
        self.province.insert(key, p);
        p
    }

    pub(crate) fn observe(&mut self, unit: u32, numerator: u64, denominator: u64) -> Observation {
        Observation {
            unit,
            commune: self.commune(unit),
            province: self.province(unit),
            numerator,
            denominator,
        }
    }

    pub(crate) fn id(&self, pos: u32) -> String {
        self.graph
            .unit_at(pos)
            .map_or_else(String::new, |u| u.id.clone())
    }
}

fn positions(graph: &OrgGraph, kind: UnitKind, as_of: Date) -> Vec<u32> {
    graph.positions_of_kind_on(kind, as_of).collect()
}

/// The commune Front committee's share of board heads (R1.2b): the board heads
/// of the commune's residential areas who are members of the committee on
/// `as_of`, and the number of those areas.
#[must_use]
pub fn committee_board_heads(graph: &OrgGraph, committee: &str, as_of: Date) -> (u64, u64) {
    graph
        .unit_pos(committee)
        .map_or((0, 0), |c| committee_board_heads_at(graph, c, as_of))
}

/// [`committee_board_heads`] of the committee at `committee`, by position.
fn committee_board_heads_at(graph: &OrgGraph, committee: u32, as_of: Date) -> (u64, u64) {
    let kind_is = |p: u32, k: UnitKind| graph.unit_at(p).is_some_and(|u| u.kind == k);
    let Some(commune) = graph
        .area_pos(committee)
        .filter(|&a| kind_is(a, UnitKind::Commune))
    else {
        return (0, 0);
    };
    let areas: Vec<u32> = graph
        .children_pos(commune, as_of)
        .filter(|&a| kind_is(a, UnitKind::ResidentialArea))
        .collect();
    let members = areas
        .iter()
        .filter_map(|&a| graph.front_work_board_pos(a, as_of))
        .flat_map(|b| graph.holders_in(b, Role::BoardHead, as_of))
        .filter(|&h| graph.holds_in(h, Role::FrontCommitteeMember, committee, as_of))
        .count();
    (members as u64, areas.len() as u64)
}

/// The members of a Front committee on `as_of`: the persons holding a
/// `front_committee_member` post in it, each once (R1.2a).
#[must_use]
pub fn committee_members(graph: &OrgGraph, committee: &str, as_of: Date) -> u64 {
    let mut v: Vec<&str> = graph
        .holders(committee, Role::FrontCommitteeMember, as_of)
        .into_iter()
        .map(|p| p.id.as_str())
        .collect();
    v.sort_unstable();
    v.dedup();
    v.len() as u64
}

/// R1.2c (HD 03/HD-MTTW-BTT 2025): of the communes of the provincial Front
/// committee's province on `as_of`, those whose commune Front committee's
/// chair (`front_committee_chair`) is a member of the provincial committee, as
/// (numerator, denominator = the province's communes). (0, 0) for a committee
/// that is not provincial or has no province.
#[must_use]
pub fn province_commune_chairs(graph: &OrgGraph, committee: &str, as_of: Date) -> (u64, u64) {
    province_commune_chairs_in(graph, committee, as_of, &commune_fronts(graph, as_of))
}

/// The commune Front committee of each commune on `as_of` (by the commune it
/// serves).
fn commune_fronts(graph: &OrgGraph, as_of: Date) -> FxHashMap<&str, &str> {
    graph
        .units_of_kind_on(UnitKind::FrontCommittee, as_of)
        .filter_map(|u| match (u.level, u.area.as_deref()) {
            (Some(FrontLevel::Commune), Some(area)) => Some((area, u.id.as_str())),
            _ => None,
        })
        .collect()
}

/// [`province_commune_chairs`] with the communes' Front committees given
/// ([`commune_fronts`]), for a walk over every provincial committee.
fn province_commune_chairs_in(
    graph: &OrgGraph,
    committee: &str,
    as_of: Date,
    front_of: &FxHashMap<&str, &str>,
) -> (u64, u64) {
    let Some(province) = graph
        .unit(committee)
        .filter(|c| c.level == Some(FrontLevel::Province))
        .and_then(|c| c.area.as_deref())
        .filter(|a| graph.unit(a).is_some_and(|u| u.kind == UnitKind::Province))
    else {
        return (0, 0);
    };
    let communes = graph.descendants_of_kind(province, UnitKind::Commune, as_of);
    let on_it = communes
        .iter()
        .filter(|c| {
            front_of.get(c.id.as_str()).is_some_and(|f| {
                graph
                    .holders(f, Role::FrontCommitteeChair, as_of)
                    .iter()
                    .any(|chair| {
                        graph.holds(&chair.id, Role::FrontCommitteeMember, committee, as_of)
                    })
            })
        })
        .count();
    (on_it as u64, communes.len() as u64)
}

/// The head-is-deputy-secretary indicator of one area on `as_of` as
/// (numerator, denominator); `None` where the area is not counted (no cell,
/// unless every area counts).
#[must_use]
pub fn head_is_deputy_secretary(
    graph: &OrgGraph,
    area: &str,
    as_of: Date,
    denominator: HeadDenominator,
) -> Option<(u64, u64)> {
    link_value(&graph.board_head_link(area, as_of), denominator)
}

/// The (numerator, denominator) of an area's head/deputy-secretary link.
fn link_value(link: &HeadLink<'_>, denominator: HeadDenominator) -> Option<(u64, u64)> {
    match link {
        HeadLink::NoCell => (denominator == HeadDenominator::AllAreas).then_some((0, 1)),
        HeadLink::Yes { .. } => Some((1, 1)),
        HeadLink::No { .. } | HeadLink::NoBoard | HeadLink::NoHead => Some((0, 1)),
    }
}

/// The 30 % rule target of the policy (the first `committee_board_heads`
/// target that applies to `year`), or HD 03's.
fn board_heads_rule(p: &FrontPolicy, year: i32) -> Target {
    p.targets
        .iter()
        .find(|t| t.metric == Metric::CommitteeBoardHeads && t.applies_to(year))
        .cloned()
        .unwrap_or_else(hd03_target)
}

/// The 30 % rule of HD 03/2025 (R1.2b), compared exactly.
fn hd03_target() -> Target {
    Target {
        id: "hd03.committee_board_heads".into(),
        metric: Metric::CommitteeBoardHeads,
        comparator: crate::front::settings::Comparator::AtLeast,
        value: 30,
        scope: Scope::Unit,
        from_year: None,
        to_year: None,
        rounding: None,
        source: crate::front::rules::HD03.to_owned(),
        verified: true,
    }
}

/// Computes the observations of every metric for `year` on `as_of`.
/// `models_by_area` gives (effective, total) self-management models per area
/// position, from the residential evaluations.
#[must_use]
#[expect(clippy::too_many_lines, reason = "one block per metric")]
pub(crate) fn compute(
    places: &mut Places<'_>,
    year: i32,
    p: &FrontPolicy,
    models_by_area: &FxHashMap<u32, (u32, u32)>,
    festival_complete: &FxHashMap<u32, bool>,
) -> Indicators {
    let graph = places.graph;
    let as_of = places.as_of;
    let fd = &graph.dataset().front;
    let mut obs: BTreeMap<Metric, Vec<Observation>> = BTreeMap::new();
    let areas = positions(graph, UnitKind::ResidentialArea, as_of);
    let mut heads_ds: Vec<(u32, String)> = Vec::new();

    // Board heads who are deputy secretaries (O14), over areas.
    let mut v = Vec::new();
    for &a in &areas {
        // One link per area serves both the indicator and the honours (§6).
        let link = graph.board_head_link_at(a, as_of);
        if let HeadLink::Yes { head, .. } = &link {
            heads_ds.push((a, head.id.clone()));
        }
        if let Some((n, d)) = link_value(&link, p.head_deputy_denominator) {
            v.push(places.observe(a, n, d));
        }
    }
    obs.insert(Metric::BoardHeadIsDeputySecretary, v);

    // Commune Front committees and their board heads (R1.2b, HD 03/2025).
    let rule = board_heads_rule(p, year);
    let committees: Vec<u32> = positions(graph, UnitKind::FrontCommittee, as_of);
    let (mut share, mut meeting, mut sized) = (Vec::new(), Vec::new(), Vec::new());
    for &c in &committees {
        let Some(u) = graph.unit_at(c) else { continue };
        if u.level != Some(FrontLevel::Commune) {
            continue;
        }
        let (x, a) = committee_board_heads_at(graph, c, as_of);
        share.push(places.observe(c, x, a));
        if let Some(met) = rule.met(x, a) {
            meeting.push(places.observe(c, u64::from(met), 1));
        }
        // R1.2a (HD 03/HD-MTTW-BTT 2025): 50–70 members, the limits are settings.
        let n = committee_members(graph, &u.id, as_of);
        let within = n >= u64::from(p.committee_min_size) && n <= u64::from(p.committee_max_size);
        sized.push(places.observe(c, u64::from(within), 1));
    }
    obs.insert(Metric::CommitteeBoardHeads, share);
    obs.insert(Metric::CommitteesMeetingBoardHeadsRule, meeting);
    obs.insert(Metric::CommitteeSizeInRange, sized);
    // R1.2c (HD 03/HD-MTTW-BTT 2025): commune chairs on the provincial committee.
    let mut chairs = Vec::new();
    let mut front_of = None;
    for &c in &committees {
        let Some(u) = graph.unit_at(c) else { continue };
        if u.level == Some(FrontLevel::Province) {
            let front_of = front_of.get_or_insert_with(|| commune_fronts(graph, as_of));
            let (x, n) = province_commune_chairs_in(graph, &u.id, as_of, front_of);
            if n > 0 {
                chairs.push(places.observe(c, x, n));
            }
        }
    }
    obs.insert(Metric::ProvinceCommuneChairs, chairs);

    // Supervision and social-critique topics per Front committee (§5.1).
    let years: FxHashMap<&str, &crate::front::data::CommitteeYear> = fd
        .committee_years
        .iter()
        .filter(|r| r.year == year)
        .map(|r| (r.committee.as_str(), r))
        .collect();
    if !years.is_empty() {
        let (mut sup, mut crit) = (Vec::new(), Vec::new());
        for &c in &committees {
            let Some(u) = graph.unit_at(c) else { continue };
            let r = years.get(u.id.as_str());
            sup.push(places.observe(c, r.map_or(0, |r| u64::from(r.supervision_topics)), 1));
            crit.push(places.observe(c, r.map_or(0, |r| u64::from(r.social_critique_topics)), 1));
        }
        obs.insert(Metric::SupervisionTopics, sup);
        obs.insert(Metric::SocialCritiqueTopics, crit);
        // People's Inspection Boards (B1, B2), per commune committee with one recorded.
        let mut boards = Vec::new();
        for &c in &committees {
            let Some(u) = graph.unit_at(c) else { continue };
            if u.level != Some(FrontLevel::Commune) {
                continue;
            }
            let Some(b) = years.get(u.id.as_str()).and_then(|r| r.inspection_board) else {
                continue;
            };
            let Some(commune) = u.area.as_deref() else {
                continue;
            };
            let areas = graph
                .children_of_kind(commune, UnitKind::ResidentialArea, as_of)
                .len() as u64;
            let chk = crate::front::composition::inspection_board(&b, areas, as_of);
            if chk.status != crate::front::report::CheckStatus::NotApplicable {
                let ok = chk.status == crate::front::report::CheckStatus::Met;
                boards.push(places.observe(c, u64::from(ok), 1));
            }
        }
        if !boards.is_empty() {
            obs.insert(Metric::InspectionBoardSize, boards);
        }
    }

    // Party committees: orientation documents; dialogue conclusions (§5.1–§5.2).
    let pcy: FxHashMap<&str, &crate::front::data::PartyCommitteeYear> = fd
        .party_committee_years
        .iter()
        .filter(|r| r.year == year)
        .map(|r| (r.committee.as_str(), r))
        .collect();
    if !pcy.is_empty() {
        let mut docs = Vec::new();
        // A grassroots committee whose area is a commune (the commune's party committee).
        let serves_commune = |c: u32| {
            graph
                .area_pos(c)
                .and_then(|a| graph.unit_at(a))
                .is_some_and(|a| a.kind == UnitKind::Commune)
        };
        let mut party: Vec<u32> = positions(graph, UnitKind::ProvinceCommittee, as_of);
        party.extend(
            positions(graph, UnitKind::GrassrootsCommittee, as_of)
                .into_iter()
                .filter(|&g| serves_commune(g)),
        );
        for &c in &party {
            let Some(u) = graph.unit_at(c) else { continue };
            let issued = pcy
                .get(u.id.as_str())
                .is_some_and(|r| r.orientation_documents > 0);
            docs.push(places.observe(c, u64::from(issued), 1));
        }
        obs.insert(Metric::OrientationDocuments, docs);
        // Citizen reception by the committee's head (G1 QĐ 11-QĐi/TW; G2 KL 215-KL/TW:
        // province and commune only), per committee with days recorded.
        let mut reception = Vec::new();
        for r in fd
            .party_committee_years
            .iter()
            .filter(|r| r.year == year && !r.reception_days.is_empty())
        {
            let Some(c) = graph.unit_pos(&r.committee) else {
                continue;
            };
            let Some(u) = graph.unit_at(c) else { continue };
            let min = match u.kind {
                UnitKind::ProvinceCommittee => p.reception_min_days_province,
                UnitKind::AboveGrassrootsCommittee if year <= 2025 => p.reception_min_days_province,
                UnitKind::GrassrootsCommittee if serves_commune(c) => p.reception_min_days_commune,
                _ => continue,
            };
            let met = r.reception_days.iter().filter(|&&d| d >= min).count();
            reception.push(places.observe(c, met as u64, r.reception_days.len() as u64));
        }
        if !reception.is_empty() {
            obs.insert(Metric::ReceptionMonths, reception);
        }
        let mut conc = Vec::new();
        for r in fd
            .party_committee_years
            .iter()
            .filter(|r| r.year == year && r.conclusions_issued > 0)
        {
            if let Some(c) = graph.unit_pos(&r.committee) {
                conc.push(places.observe(
                    c,
                    u64::from(r.conclusions_followed_up.min(r.conclusions_issued)),
                    u64::from(r.conclusions_issued),
                ));
            }
        }
        if !conc.is_empty() {
            obs.insert(Metric::ConclusionsFollowedUp, conc);
        }
    }

    // Governments with a coordination regulation in force (§5.1).
    if !fd.coordination_regulations.is_empty() {
        let with: FxHashSet<&str> = fd
            .coordination_regulations
            .iter()
            .filter(|r| r.period().contains(as_of))
            .map(|r| r.government.as_str())
            .collect();
        let mut v = Vec::new();
        let mut govs = positions(graph, UnitKind::Province, as_of);
        govs.extend(positions(graph, UnitKind::Commune, as_of));
        for g in govs {
            let Some(u) = graph.unit_at(g) else { continue };
            v.push(places.observe(g, u64::from(with.contains(u.id.as_str())), 1));
        }
        obs.insert(Metric::CoordinationRegulation, v);
    }

    // The Unity Festival (F1–F3), over areas with a board.
    if fd.unity_festivals.iter().any(|f| f.year == year) {
        let mut v = Vec::new();
        for &a in &areas {
            if graph.front_work_board_pos(a, as_of).is_some() {
                let done = festival_complete.get(&a).copied().unwrap_or(false);
                v.push(places.observe(a, u64::from(done), 1));
            }
        }
        obs.insert(Metric::UnityFestivalHeld, v);
    }

    // Dân vận khéo models (V3), per registering unit.
    let mut dvk: BTreeMap<u32, (u64, u64)> = BTreeMap::new();
    for m in fd.dan_van_kheo.iter().filter(|m| m.year == year) {
        if let Some(u) = graph.unit_pos(&m.unit) {
            let e = dvk.entry(u).or_default();
            e.0 += u64::from(m.effective);
            e.1 += 1;
        }
    }
    if !dvk.is_empty() {
        let v = dvk
            .into_iter()
            .map(|(u, (n, d))| places.observe(u, n, d))
            .collect();
        obs.insert(Metric::DanVanKheoEffective, v);
    }

    // Self-management models (M1), per area with models.
    if !models_by_area.is_empty() {
        let mut keys: Vec<&u32> = models_by_area.keys().collect();
        keys.sort_unstable();
        let v = keys
            .into_iter()
            .filter_map(|a| {
                models_by_area
                    .get(a)
                    .map(|&(e, t)| (*a, u64::from(e), u64::from(t)))
            })
            .map(|(a, e, t)| places.observe(a, e, t))
            .collect();
        obs.insert(Metric::SelfManagementEffective, v);
    }

    // Honours of deputy secretaries heading a board (§6).
    if fd.honours.iter().any(|h| h.year == year) {
        let honoured: FxHashSet<&str> = fd
            .honours
            .iter()
            .filter(|h| h.year == year)
            .map(|h| h.person.as_str())
            .collect();
        let v = heads_ds
            .iter()
            .map(|(a, head)| places.observe(*a, u64::from(honoured.contains(head.as_str())), 1))
            .collect();
        obs.insert(Metric::DeputySecretariesHonoured, v);
    }

    // Cultured families and survey coverage (T3, S2), per area record.
    let (mut fam, mut cov, mut passed) = (Vec::new(), Vec::new(), Vec::new());
    let mut model_areas = Vec::new();
    for (r, &a) in fd.area_years.iter().zip(&graph.front_areas.area_years) {
        if r.year != year || a == NONE {
            continue;
        }
        fam.push(places.observe(
            a,
            u64::from(r.cultured_families.min(r.households)),
            u64::from(r.households),
        ));
        if let Some(s) = r.survey {
            cov.push(places.observe(
                a,
                u64::from(s.ballots_returned.min(r.households)),
                u64::from(r.households),
            ));
            let ok = p
                .survey
                .coverage_passes(u64::from(s.ballots_returned), u64::from(r.households))
                && p.survey
                    .satisfaction_passes(u64::from(s.satisfied), u64::from(s.valid_ballots));
            passed.push(places.observe(a, u64::from(ok), 1));
        }
        if let Some(m) = &r.model_area {
            let ok = crate::front::residential::model_area(m).passed;
            model_areas.push(places.observe(a, u64::from(ok), 1));
        }
    }
    if !model_areas.is_empty() {
        obs.insert(Metric::ModelAreaPassed, model_areas);
    }
    if !fam.is_empty() {
        obs.insert(Metric::CulturedFamilies, fam);
    }
    if !cov.is_empty() {
        obs.insert(Metric::SurveyCoverage, cov);
        obs.insert(Metric::SurveyPassed, passed);
    }
    Indicators { observations: obs }
}

/// Sums of (units, numerator, denominator) by key.
type Sums = BTreeMap<String, (u32, u64, u64)>;

impl Indicators {
    fn sums(
        list: &[Observation],
        key: impl Fn(&Observation) -> Option<u32>,
        places: &Places<'_>,
    ) -> Sums {
        let mut by: FxHashMap<u32, (u32, u64, u64)> = FxHashMap::default();
        for o in list {
            if let Some(k) = key(o) {
                let e = by.entry(k).or_default();
                e.0 += 1;
                e.1 += o.numerator;
                e.2 += o.denominator;
            }
        }
        by.into_iter().map(|(k, v)| (places.id(k), v)).collect()
    }

    /// The roll-up rows: per metric, the total, each province and each commune.
    pub(crate) fn rows(&self, places: &Places<'_>) -> Vec<IndicatorRow> {
        let mut out = Vec::new();
        for (metric, list) in &self.observations {
            let row = |scope, unit: Option<String>, (units, n, d): (u32, u64, u64)| IndicatorRow {
                metric: *metric,
                scope,
                unit,
                units,
                numerator: n,
                denominator: d,
            };
            let total = list.iter().fold((0u32, 0u64, 0u64), |a, o| {
                (a.0 + 1, a.1 + o.numerator, a.2 + o.denominator)
            });
            out.push(row(RollupScope::Total, None, total));
            for (id, v) in Self::sums(list, |o| o.province, places) {
                out.push(row(RollupScope::Province, Some(id), v));
            }
            for (id, v) in Self::sums(list, |o| o.commune, places) {
                out.push(row(RollupScope::Commune, Some(id), v));
            }
        }
        out
    }

    /// Compares every target of the policy that applies to `year`.
    pub(crate) fn targets(
        &self,
        places: &Places<'_>,
        year: i32,
        p: &FrontPolicy,
    ) -> Vec<TargetResult> {
        let mut out = Vec::new();
        for t in p.targets.iter().filter(|t| t.applies_to(year)) {
            let list = self
                .observations
                .get(&t.metric)
                .map_or(&[][..], Vec::as_slice);
            let units: Sums = match t.scope {
                Scope::Unit => list
                    .iter()
                    .map(|o| (places.id(o.unit), (1, o.numerator, o.denominator)))
                    .collect(),
                Scope::Commune => Self::sums(list, |o| o.commune, places),
                Scope::Province => Self::sums(list, |o| o.province, places),
            };
            let mut r = TargetResult {
                target: t.id.clone(),
                metric: t.metric,
                comparator: t.comparator,
                value: t.value,
                scope: t.scope,
                source: t.source.clone(),
                verified: t.verified,
                evaluated: 0,
                met: 0,
                missed: Vec::new(),
            };
            for (unit, (_, n, d)) in units {
                match t.met(n, d) {
                    None => {}
                    Some(true) => {
                        r.evaluated += 1;
                        r.met += 1;
                    }
                    Some(false) => {
                        r.evaluated += 1;
                        r.missed.push(Miss {
                            unit,
                            numerator: n,
                            denominator: d,
                        });
                    }
                }
            }
            out.push(r);
        }
        out
    }
}
