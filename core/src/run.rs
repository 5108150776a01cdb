//! The rating run (DESIGN §4; party-rating.md §5.8 P2): eligibility → members →
//! member quota → organisations bottom-up (own rules, then aggregation over their
//! members' and subordinate organisations' final levels, then the quota among
//! peers) → heads after their collective → verification of proposals → report.
//!
//! ```
//! use xeploai::{run::rate, Policy, Regime};
//! let g = xeploai::sample::graph().unwrap();
//! let report = rate(&g, 2025, None, &Policy::default()).unwrap();
//! assert_eq!(report.regime, Regime::Qd366_2025);
//! assert!(report.total.members.rated > 0);
//! ```

use crate::dataset::{Dataset, Membership};
use crate::date::{add_months, end_of_year, Date, Period};
use crate::evaluation::{ConclusionKind, Decision, Evaluation, QuotaGroup};
use crate::explain::{date_value, level_value, Effect, Finding};
use crate::graph::{eligibility, OrgGraph};
use crate::index::{cmp_ids, id_key, join, join_map, pos32};
use crate::level::Level;
use crate::org::{Category, CellType, IneligibleReason, Role, UnitKind};
use crate::outcome::{Discretion, NotRatedReason};
use crate::policy::{
    Aggregation, MemberGrouping, OrganisationGrouping, Policy, ReferenceDate, SecretaryCategory,
    TooManyCandidates,
};
use crate::quota::{cap, QuotaUsage};
use crate::regime::Regime;
use crate::report::outcomes::{
    reverse_blocks, setting_bit, NewRow, OutcomeRef, Outcomes, PartMut, Row, RowEdits,
};
use crate::report::{
    Counts, Discrepancy, DiscretionItem, Report, SubjectKind, Tally, UnitSummary, REPORT_FORMAT,
};
use crate::rules::common;
use crate::rules::{rules_for, Assessment, LevelCounts, MemberInput, OrgInput, Rules, Unrated};
use crate::two_parts::{self, TwoParts};
use chrono::Datelike;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeMap;
use std::sync::Arc;

/// A run that cannot start.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RateError {
    /// The year is outside what dates can represent.
    #[error("rating year {year} is out of range")]
    Year {
        /// The year.
        year: i32,
    },
    /// The report would not fit 32-bit offsets (more than 4 × 10⁹ findings or
    /// bytes of subject ids).
    #[error("the report is too large")]
    TooLarge,
}

const NONE: u32 = u32::MAX;

/// What the run keeps of a member beside the outcome's row (same index).
#[derive(Debug, Clone, Copy)]
struct MemberMeta {
    person: u32,
    category: Category,
    evaluation: u32,
    exceeded: (u32, u32),
}

/// The members' working data in the order of their rows, in the two parts
/// the two threads of the member pass filled: kept apart, as the rows are
/// (see `Outcomes::adopt`), instead of copied into one.
type Metas = TwoParts<MemberMeta>;

/// The members of a part of the cells: their rows and what the run keeps.
#[derive(Default)]
struct Members {
    out: Outcomes,
    meta: Vec<MemberMeta>,
    /// The rules' result for the member being rated: one buffer for all.
    scratch: Assessment,
}

impl Members {
    fn with_capacity(n: usize) -> Self {
        Self {
            out: Outcomes::with_capacity(n),
            meta: Vec::with_capacity(n),
            scratch: Assessment::default(),
        }
    }
}

/// Cells per chunk of the member pass (a few hundred chunks at country scale).
const CELL_CHUNK: usize = 256;

/// The latest-stage evaluation of a subject for a year.
fn latest(ds: &Dataset, chain: impl Iterator<Item = u32>, year: i32) -> Option<(u32, &Evaluation)> {
    chain
        .filter_map(|i| ds.evaluations.get(i as usize).map(|e| (i, e)))
        .filter(|(_, e)| e.year == year)
        .max_by_key(|(_, e)| e.stage)
}

/// A subject the run does not rate: the reason and the finding that says so.
fn not_rated(rules: &dyn Rules, reason: NotRatedReason, values: &[i64]) -> Unrated {
    Unrated {
        reason,
        finding: Finding::new(rules.not_rated_rule(reason), Effect::Excluded, values),
    }
}

/// Adds a subject's result to the store; returns its row.
fn push(
    out: &mut Outcomes,
    new: &NewRow<'_>,
    result: Result<&Assessment, &Unrated>,
    extra: u32,
    quota_follows: bool,
) -> u32 {
    match result {
        Ok(a) => {
            // A quota candidate gets one more finding: room for it is kept.
            let room = quota_follows && a.level == Level::Excellent;
            out.push_rated(new, a, extra, room)
        }
        Err(Unrated { reason, finding }) => out.push_not_rated(new, *reason, &[*finding]),
    }
}

fn overlaps_year(p: Period, year: i32) -> bool {
    match (
        chrono::NaiveDate::from_ymd_opt(year, 1, 1),
        end_of_year(year),
    ) {
        (Some(a), Some(b)) => p.overlaps(&Period::new(Some(a), Some(b))),
        _ => false,
    }
}

struct Ctx<'a> {
    graph: &'a OrgGraph,
    ds: &'a Dataset,
    year: i32,
    end: Date,
    policy: &'a Policy,
    rules: &'static dyn Rules,
    decisions: FxHashMap<&'a str, Vec<&'a Decision>>,
    /// The grassroots organisation of each rated organisation (by unit position).
    grassroots: Vec<u32>,
    /// The Front side (DESIGN §4: boards before the cells that read them; set
    /// after the member pass, which it runs beside).
    front: Option<&'a crate::front::FrontRun>,
}

impl<'a> Ctx<'a> {
    /// The recorded decisions of a subject for the year (none: an empty slice;
    /// the map is empty for most runs, so this is one failed lookup).
    fn decisions_of(&self, subject: &str) -> &[&'a Decision] {
        if self.decisions.is_empty() {
            return &[];
        }
        self.decisions.get(subject).map_or(&[], Vec::as_slice)
    }

    /// Whether `day` may serve as a reference date of the run: in the rating
    /// year, or up to 15 January of the next (43-HD §4).
    fn in_window(&self, day: Date) -> bool {
        day.year() == self.year || (day.year() == self.year + 1 && day.ordinal() <= 15)
    }

    /// The reference date of a cell (party-rating.md §14 Q6): its review meeting
    /// in the rating year or up to 15 January of the next (43-HD §4 lets units
    /// with special year-ends finish then), else 31 December.
    fn reference_of(&self, unit: u32) -> Date {
        match self.policy.reference_date {
            ReferenceDate::EndOfYear => self.end,
            ReferenceDate::Fixed(day) => {
                Some(day).filter(|d| self.in_window(*d)).unwrap_or(self.end)
            }
            ReferenceDate::ReviewMeeting => {
                latest(self.ds, self.graph.unit_evaluations.get(unit), self.year)
                    .and_then(|(_, e)| e.review_meeting)
                    .filter(|d| self.in_window(*d))
                    .unwrap_or(self.end)
            }
        }
    }

    /// Rates a member of `cell` into `members`.
    fn rate_member(
        &self,
        cell: u32,
        cell_ref: Date,
        m_pos: u32,
        m: &'a Membership,
        members: &mut Members,
    ) {
        let person = self
            .graph
            .membership_person
            .get(m_pos as usize)
            .copied()
            .unwrap_or(NONE);
        let mut meta = MemberMeta {
            person,
            category: m.category,
            evaluation: NONE,
            exceeded: (0, 0),
        };
        let new = NewRow {
            subject: &m.person,
            kind: SubjectKind::Member,
            unit_kind: self.graph.unit_at(cell).map_or(UnitKind::Cell, |u| u.kind),
            unit: cell,
            grassroots: self.grassroots.get(cell as usize).copied().unwrap_or(NONE),
            commune: NONE,
        };
        let mut extra = 0;
        let a = &mut members.scratch;
        let result = self.assess_member(cell, cell_ref, m, &mut meta, &mut extra, a);
        if result.is_ok() {
            meta.exceeded = a.exceeded;
        }
        push(
            &mut members.out,
            &new,
            result.as_ref().map(|()| &*a),
            extra,
            self.rules.quota().is_some(),
        );
        members.meta.push(meta);
    }

    /// Eligibility, then the regime's rules and the caps common to every
    /// regime, into `a` (a buffer reused from member to member).
    fn assess_member(
        &self,
        cell: u32,
        cell_ref: Date,
        m: &'a Membership,
        meta: &mut MemberMeta,
        extra: &mut u32,
        a: &mut Assessment,
    ) -> Result<(), Unrated> {
        let person = meta.person;
        if let Err(reason) = eligibility(m, cell_ref) {
            return Err(match reason {
                IneligibleReason::Exempt => not_rated(self.rules, NotRatedReason::Exempt, &[]),
                IneligibleReason::Suspended => {
                    not_rated(self.rules, NotRatedReason::Suspended, &[])
                }
                IneligibleReason::AdmittedUnderSixMonths => not_rated(
                    self.rules,
                    NotRatedReason::AdmittedUnderSixMonths,
                    &[date_value(m.admitted_on), date_value(cell_ref)],
                ),
            });
        }
        let Some((e_pos, e)) = latest(
            self.ds,
            self.graph.person_evaluations.get(person),
            self.year,
        ) else {
            return Err(not_rated(self.rules, NotRatedReason::NoEvaluation, &[]));
        };
        let category = e
            .category
            .unwrap_or_else(|| self.category_of(person, cell, m));
        meta.category = category;
        meta.evaluation = e_pos;
        if e.category.is_none() && category != m.category {
            *extra |= setting_bit("secretary_category");
        }
        let input = MemberInput {
            id: &m.person,
            year: self.year,
            evaluation: e,
            category,
            disciplines: self
                .graph
                .person_disciplines
                .get(person)
                .filter_map(|i| self.ds.disciplines.get(i as usize))
                .collect(),
            decisions: self.decisions_of(&m.person),
            policy: self.policy,
        };
        self.rules.rate_member_into(&input, a)?;
        self.member_caps(a, person, e, cell_ref);
        Ok(())
    }

    /// Q4: a residential cell's secretary or deputy is a leader for that cell.
    fn category_of(&self, person: u32, cell: u32, m: &Membership) -> Category {
        if self.policy.secretary_category == SecretaryCategory::Leader
            && self.graph.unit_at(cell).and_then(|u| u.cell_type) == Some(CellType::Residential)
        {
            let cell_id = self.graph.unit_at(cell).map(|u| u.id.as_str());
            let holds = self
                .graph
                .person_post_positions(person)
                .filter_map(|p| self.ds.posts.get(p as usize))
                .any(|p| {
                    matches!(p.role, Role::Secretary | Role::DeputySecretary)
                        && Some(p.unit.as_str()) == cell_id
                        && overlaps_year(p.period(), self.year)
                });
            if holds {
                return Category::Leader;
            }
        }
        m.category
    }

    /// Caps common to every regime: the civil-servant level (Q14) and the residence comment (Q11).
    fn member_caps(&self, a: &mut Assessment, person: u32, e: &Evaluation, reference: Date) {
        if self.policy.civil_servant_cap {
            if let Some(cs) = e.civil_servant_level {
                if a.level > cs {
                    a.settings.push("civil_servant_cap");
                    a.level = cs;
                    a.findings.push(Finding::new(
                        &common::CIVIL_SERVANT_CAP,
                        Effect::Lowered,
                        &[level_value(cs)],
                    ));
                }
            }
        }
        let lives_elsewhere = self
            .graph
            .person_residence
            .get(person)
            .filter_map(|r| self.ds.residence.get(r as usize))
            .any(|r| r.period().contains(reference) && r.exemption.is_none());
        match e.residence_comment {
            None if lives_elsewhere => {
                // 366 Điều 17 (dossier) from 2025; 213 Điều 3 khoản 4 from 2020.
                let rule = match self.rules.regime() {
                    Regime::Qd366_2025 => Some(&common::RESIDENCE_COMMENT_MISSING),
                    _ if self.year >= 2020 => Some(&common::RESIDENCE_COMMENT_MISSING_213),
                    _ => None,
                };
                if let Some(rule) = rule {
                    a.findings.push(Finding::new(rule, Effect::Noted, &[]));
                }
            }
            Some(c) => {
                if let Some(&capl) = self.policy.residence_caps.get(&c) {
                    if a.level > capl {
                        a.settings.push("residence_caps");
                        a.level = capl;
                        a.findings.push(Finding::new(
                            &common::RESIDENCE_CAP,
                            Effect::Lowered,
                            &[level_value(capl)],
                        ));
                    }
                }
            }
            None => {}
        }
    }
}

/// Party units rated: everything of the party tree but party groups.
fn is_rated_kind(k: UnitKind) -> bool {
    k.tree() == crate::org::Tree::Party && k != UnitKind::PartyGroup
}

/// Rates every subject of `graph` for `year`, under `regime` (by default the
/// year's), with `policy`.
///
/// # Errors
/// [`RateError::Year`] if the year cannot be represented.
pub fn rate(
    graph: &OrgGraph,
    year: i32,
    regime: Option<Regime>,
    policy: &Policy,
) -> Result<Report, RateError> {
    rate_in_chunks(graph, year, regime, policy, CELL_CHUNK)
}

/// [`rate`] with `chunk` cells per chunk of the member pass (tests vary it:
/// the result does not depend on it).
#[expect(
    clippy::too_many_lines,
    reason = "the steps of the procedure, in their order"
)]
fn rate_in_chunks(
    graph: &OrgGraph,
    year: i32,
    regime: Option<Regime>,
    policy: &Policy,
    chunk: usize,
) -> Result<Report, RateError> {
    let chunk = chunk.max(1);
    let end = end_of_year(year).ok_or(RateError::Year { year })?;
    let regime_named = regime.is_some();
    let regime = regime.unwrap_or_else(|| Regime::for_year(year));
    let rules = rules_for(regime);
    let ds = graph.dataset();
    let mut decisions: FxHashMap<&str, Vec<&Decision>> = FxHashMap::default();
    for d in ds.decisions.iter().filter(|d| d.year == year) {
        decisions.entry(d.subject.as_str()).or_default().push(d);
    }
    // The Front side is rated beside the members (below): residential cells
    // read their board's rank at step 4.
    let n_units = ds.units.len();

    // The organisations rated, their depth and grassroots organisation on 31 December.
    let orgs: Vec<u32> = (0..pos32(n_units))
        .filter(|&p| {
            graph
                .unit_at(p)
                .is_some_and(|u| is_rated_kind(u.kind) && u.lifetime().contains(end))
        })
        .collect();
    let mut depth = vec![0u32; n_units];
    let mut grassroots = vec![NONE; n_units];
    for &o in &orgs {
        // Walk up to the root; a valid graph has no cycle, the bound only guards the loop.
        let (mut d, mut g, mut at) = (0u32, NONE, Some(o));
        for _ in 0..n_units {
            let Some(p) = at else { break };
            if g == NONE
                && graph
                    .unit_at(p)
                    .is_some_and(|u| u.kind.is_grassroots_organisation())
            {
                g = p;
            }
            at = graph.parent_pos(p, end);
            d += u32::from(at.is_some());
        }
        if let (Some(slot_d), Some(slot_g)) =
            (depth.get_mut(o as usize), grassroots.get_mut(o as usize))
        {
            *slot_d = d;
            *slot_g = g;
        }
    }
    let ctx = Ctx {
        graph,
        ds,
        year,
        end,
        policy,
        rules,
        decisions,
        grassroots,
        front: None,
    };

    // 1–2. Eligibility and members, cell by cell.
    let cells: Vec<u32> = orgs
        .iter()
        .copied()
        .filter(|&o| graph.unit_at(o).is_some_and(|u| u.kind.holds_members()))
        .collect();
    // On two threads. One rates the Front side first (DESIGN §4: the boards
    // before the cells that read them), then both take chunks of cells, from
    // the two ends of the list, so that they finish together whatever the
    // Front side's share. Each store reserves room for every membership and
    // every organisation (the organisations' rows follow the second store's
    // once joined, or the first's if the second has none): the part not
    // written is never touched.
    let reserve = ds.memberships.len() + orgs.len();
    let chunks = cells.len().div_ceil(chunk);
    let next = std::sync::Mutex::new((0usize, chunks));
    let take = |from_back: bool| -> Option<usize> {
        let mut ends = next.lock().ok()?;
        let (lo, hi) = &mut *ends;
        if *lo >= *hi {
            return None;
        }
        if from_back {
            *hi -= 1;
            Some(*hi)
        } else {
            *lo += 1;
            Some(*lo - 1)
        }
    };
    let rate_chunk = |k: usize, members: &mut Members| {
        let part = cells
            .get(k * chunk..((k + 1) * chunk).min(cells.len()))
            .unwrap_or_default();
        for &cell in part {
            let cell_ref = ctx.reference_of(cell);
            for m_pos in graph.cell_membership_positions(cell) {
                let Some(m) = ds.memberships.get(m_pos as usize) else {
                    continue;
                };
                if m.period().contains(cell_ref) {
                    ctx.rate_member(cell, cell_ref, m_pos, m, members);
                }
            }
        }
    };
    let ((front, back), members) = join(
        || {
            let front = crate::front::run_on(graph, year, policy, false);
            let mut back = Members::with_capacity(reserve);
            let mut starts = Vec::new();
            while let Some(k) = take(true) {
                starts.push(back.meta.len());
                rate_chunk(k, &mut back);
            }
            back.out.reverse_blocks(&starts);
            reverse_blocks(&mut back.meta, &starts);
            (front, back)
        },
        || {
            let mut members = Members::with_capacity(reserve);
            while let Some(k) = take(false) {
                rate_chunk(k, &mut members);
            }
            members
        },
    );
    let mut ctx = ctx;
    ctx.front = front.as_ref();
    let Members {
        out: mut store,
        meta,
        ..
    } = members;
    // The second thread's rows join the store (see `Outcomes::adopt`) while
    // each person's first row is found.
    let Members {
        out: back_out,
        meta: back_meta,
        ..
    } = back;
    let mut meta = Metas::two(meta, back_meta);
    let ((), (mut person_result, keep, duplicates)) = join(
        || store.adopt(back_out),
        || {
            // A person is rated once, at the first cell that holds them.
            let mut person_result = vec![NONE; ds.people.len()];
            let mut duplicates = 0u32;
            let mut keep = vec![true; meta.len()];
            for (i, m) in meta.iter().enumerate() {
                if let Some(slot) = person_result.get_mut(m.person as usize) {
                    if *slot == NONE {
                        *slot = pos32(i);
                    } else if let Some(k) = keep.get_mut(i) {
                        *k = false;
                        duplicates += 1;
                    }
                }
            }
            (person_result, keep, duplicates)
        },
    );
    if duplicates > 0 {
        let kept = |i: usize| keep.get(i).copied().unwrap_or(true);
        meta.retain_indexed(kept);
        store.retain_rows(kept);
        person_result.fill(NONE);
        for (i, m) in meta.iter().enumerate() {
            if let Some(slot) = person_result.get_mut(m.person as usize) {
                *slot = pos32(i);
            }
        }
    }
    drop(keep);

    // 3. Member quota.
    let explicit = explicit_groups(ds, year);
    let mut quotas: Vec<QuotaUsage> = Vec::new();
    {
        // Keys by position: (0, explicit group, 0) or (1, unit, category + 1);
        // put in the order of their ids below so that groups are handled in a
        // fixed order.
        let explicit_ids: Vec<&str> = explicit
            .values()
            .copied()
            .collect::<std::collections::BTreeSet<&str>>()
            .into_iter()
            .collect();
        let explicit_index: FxHashMap<&str, u32> = explicit_ids
            .iter()
            .enumerate()
            .map(|(i, g)| (*g, pos32(i)))
            .collect();
        type Key = (u8, u32, u8);
        // The candidates' rows of a part of the members, by group.
        let group_part = |(first, part): (usize, two_parts::Iter<'_, MemberMeta>)| {
            let mut groups: FxHashMap<Key, usize> = FxHashMap::default();
            let mut last: Option<(Key, usize)> = None;
            let mut lists: Vec<Vec<u32>> = Vec::new();
            for (i, m) in part.enumerate() {
                let i = pos32(first + i);
                if !matches!(store.level_of(i), Some(Level::Good | Level::Excellent)) {
                    continue;
                }
                let explicit_group = if explicit.is_empty() {
                    None
                } else {
                    ds.people
                        .get(m.person as usize)
                        .and_then(|p| explicit.get(p.id.as_str()))
                        .and_then(|g| explicit_index.get(g))
                };
                let key = if let Some(&gi) = explicit_group {
                    (0, gi, 0)
                } else {
                    // A member's row names its cell.
                    let cell = store.unit_of(i);
                    let g = ctx.grassroots.get(cell as usize).copied().unwrap_or(NONE);
                    let (unit, cat) = match policy.member_groups {
                        MemberGrouping::GrassrootsAndCategory => {
                            (if g == NONE { cell } else { g }, m.category as u8 + 1)
                        }
                        MemberGrouping::Grassroots => (if g == NONE { cell } else { g }, 0),
                        MemberGrouping::Cell => (cell, 0),
                    };
                    (1, unit, cat)
                };
                // Members come cell by cell: the last group is usually the right one.
                let slot = match last {
                    Some((k, slot)) if k == key => slot,
                    _ => {
                        let n = lists.len();
                        let slot = *groups.entry(key).or_insert(n);
                        if slot == n {
                            lists.push(Vec::new());
                        }
                        last = Some((key, slot));
                        slot
                    }
                };
                if let Some(list) = lists.get_mut(slot) {
                    list.push(i);
                }
            }
            (groups, lists)
        };
        // The two halves of the members on two threads; the second's rows
        // follow the first's in each group.
        let [head, tail] = meta.halves();
        let ((mut groups, mut lists), (tail_groups, mut tail_lists)) =
            join(|| group_part(head), || group_part(tail));
        for (key, slot) in tail_groups {
            let rows = tail_lists
                .get_mut(slot)
                .map(std::mem::take)
                .unwrap_or_default();
            match groups.get(&key).and_then(|&s| lists.get_mut(s)) {
                Some(list) => list.extend(rows),
                None => {
                    groups.insert(key, lists.len());
                    lists.push(rows);
                }
            }
        }
        let mut groups: Vec<((u8, &str, u8), usize)> = groups
            .into_iter()
            .map(|((kind, at, cat), slot)| {
                let id = if kind == 0 {
                    explicit_ids.get(at as usize).copied().unwrap_or("")
                } else {
                    graph.unit_at(at).map_or("", |u| u.id.as_str())
                };
                ((kind, id, cat), slot)
            })
            .collect();
        groups.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        // The plans only read the store: on two threads, over the two halves
        // of the groups; then applied in the groups' order.
        let group_items = |&(key, slot): &((u8, &str, u8), usize)| {
            let items: Vec<QItem> = lists
                .get(slot)
                .map(|idx| {
                    idx.iter()
                        .filter_map(|&i| {
                            let m = meta.get(i as usize)?;
                            Some(QItem {
                                row: i,
                                exceeded: m.exceeded,
                            })
                        })
                        .collect()
                })
                .unwrap_or_default();
            let (kind, id, _) = key;
            let outstanding = kind == 0 && outstanding_group(ds, year, id);
            plan_quota(&ctx, outstanding, &items, &store)
        };
        let plans = join_map(&groups, group_items);
        drop(lists);
        // About a point of discretion per candidate (a row that has points
        // already moves them, which may grow the arena again): room made
        // once, not by growing the arenas point by point.
        store.reserve_discretion(plans.iter().flatten().map(|p| p.ranked.len()).sum());
        // The usage of each group in the groups' order (reads only), then the
        // rows changed on the two parts of the store at once: each part's
        // rows address their own arena, which grows as it would if the
        // groups were applied one after the other.
        let mut applied: Vec<(&QuotaPlan, Option<&'static str>)> = Vec::new();
        for (((kind, id, cat), _), plan) in groups.into_iter().zip(&plans) {
            let Some(plan) = plan else { continue };
            let name = if kind == 0 {
                id.to_owned()
            } else if cat == 0 {
                format!("members:{id}")
            } else {
                format!(
                    "members:{id}:{}",
                    Category::ALL
                        .get(usize::from(cat) - 1)
                        .map_or("", |c| c.as_str())
                )
            };
            quotas.push(quota_usage(&ctx, plan, &name, kind == 0, &store));
            applied.push((plan, (kind != 0).then_some("member_groups")));
        }
        let apply_all = |mut part: PartMut<'_>| {
            for &(plan, grouping) in &applied {
                edit_quota_rows(&ctx, plan, grouping, &mut part, |_| true);
            }
            part.deferred
        };
        let [first, second] = store.parts_mut();
        let (mut deferred, more) = join(|| apply_all(first), || apply_all(second));
        deferred.extend(more);
        if !deferred.is_empty() {
            // Rows a run did not make: changed on the whole store, in order.
            let deferred: FxHashSet<u32> = deferred.into_iter().collect();
            for &(plan, grouping) in &applied {
                edit_quota_rows(&ctx, plan, grouping, &mut store, |r| deferred.contains(&r));
            }
        }
    }

    // 4. Organisations, deepest first; the quota among peers after each depth.
    let mut cell_counts = vec![LevelCounts::default(); n_units];
    // The members' rows come first, each naming its cell.
    for row in store.row_parts().into_iter().flatten().take(meta.len()) {
        if let (Some(l), Some(c)) = (row.level(), cell_counts.get_mut(row.unit as usize)) {
            c.add(l);
        }
    }
    let mut sub_counts = vec![LevelCounts::default(); n_units];
    // Unit position → its row.
    let mut org_row: Vec<u32> = vec![NONE; n_units];
    let mut by_depth: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    for &o in &orgs {
        by_depth
            .entry(depth.get(o as usize).copied().unwrap_or(0))
            .or_default()
            .push(o);
    }
    let jan1 = chrono::NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(end);
    let mut org_buffers = (Outcomes::default(), Outcomes::default());
    for (_, level_orgs) in by_depth.iter().rev() {
        // The organisations of a depth read only the levels below: the two
        // halves are assessed on two threads, each into a buffer used again
        // at every depth, then copied into the store in order.
        let (first, second) = level_orgs.split_at(level_orgs.len() / 2);
        let half = |part: &[u32], buf: &mut Outcomes| -> Vec<u32> {
            part.iter()
                .map(|&o| {
                    let mut extra = 0;
                    let r = assess_org(&ctx, o, jan1, &cell_counts, &sub_counts, &mut extra);
                    push_org(&ctx, o, (r, extra), buf)
                })
                .collect()
        };
        let (rows_a, rows_b) = {
            let (buf_a, buf_b) = &mut org_buffers;
            join(|| half(first, buf_a), || half(second, buf_b))
        };
        for (part, rows, buf) in [
            (first, rows_a, &mut org_buffers.0),
            (second, rows_b, &mut org_buffers.1),
        ] {
            let base = pos32(store.row_count());
            store.append_from(buf);
            for (&o, row) in part.iter().zip(rows) {
                if let Some(slot) = org_row.get_mut(o as usize) {
                    *slot = if row == NONE {
                        NONE
                    } else {
                        base.saturating_add(row)
                    };
                }
            }
        }
        // Quota among peers of this depth.
        // Keys borrow their ids: (explicit 0 or 1, group or parent id, cell type or kind).
        let mut groups: BTreeMap<(u8, &str, &str), Vec<u32>> = BTreeMap::new();
        for &o in level_orgs {
            if !matches!(
                org_level(&store, &org_row, o),
                Some(Level::Good | Level::Excellent)
            ) {
                continue;
            }
            let Some(u) = graph.unit_at(o) else { continue };
            let key = if let Some(g) = explicit.get(u.id.as_str()) {
                (0, *g, "")
            } else {
                let parent = graph
                    .parent_pos(o, end)
                    .and_then(|p| graph.unit_at(p))
                    .map_or("", |p| p.id.as_str());
                let t = match policy.organisation_groups {
                    OrganisationGrouping::ParentAndCellType => {
                        u.cell_type.map_or(u.kind.as_str(), |c| c.as_str())
                    }
                    OrganisationGrouping::Parent => "",
                };
                (1, parent, t)
            };
            groups.entry(key).or_default().push(o);
        }
        for ((kind, id, t), list) in groups {
            let name = if kind == 0 {
                id.to_owned()
            } else if t.is_empty() {
                format!("organisations:{id}")
            } else {
                format!("organisations:{id}:{t}")
            };
            let outstanding = kind == 0 && outstanding_group(ds, year, id);
            let items: Vec<QItem> = list
                .iter()
                .map(|&o| {
                    let e = latest(ds, graph.unit_evaluations.get(o), year).map(|(_, e)| e);
                    let t = e.and_then(|e| e.tasks);
                    QItem {
                        row: org_row.get(o as usize).copied().unwrap_or(NONE),
                        exceeded: t.map_or((0, 0), |t| (t.exceeded, t.assigned)),
                    }
                })
                .collect();
            if let Some(plan) = plan_quota(&ctx, outstanding, &items, &store) {
                quotas.push(apply_quota(
                    &ctx,
                    &plan,
                    &name,
                    kind == 0,
                    (kind != 0).then_some("organisation_groups"),
                    &mut store,
                ));
            }
        }
        // Final levels feed the parents.
        for &o in level_orgs {
            if let (Some(parent), Some(l)) =
                (graph.parent_pos(o, end), org_level(&store, &org_row, o))
            {
                if let Some(c) = sub_counts.get_mut(parent as usize) {
                    c.add(l);
                }
            }
        }
    }

    // 5. Heads after their collective (366 Điều 12 khoản 2).
    apply_heads(&ctx, &meta, &mut store, &person_result, &orgs, &org_row);

    if !store.fits() {
        return Err(RateError::TooLarge);
    }
    // What only the steps above needed goes before the report is gathered, so
    // that its memory serves the report's.
    let n_members = meta.len();
    drop((meta, cell_counts, sub_counts, depth, by_depth, org_buffers));
    // 6. Proposals against what the rules allow, and the report (together:
    // both only read the store).
    let mut report = assemble(
        &ctx,
        regime,
        regime_named,
        store,
        n_members,
        &person_result,
        &org_row,
        quotas,
        duplicates,
    );
    // The Front side's section (DESIGN §6).
    report.front = front.map(|f| f.report);
    Ok(report)
}

/// The level of the organisation at unit position `o`, if it was rated.
fn org_level(store: &Outcomes, org_row: &[u32], o: u32) -> Option<Level> {
    org_row
        .get(o as usize)
        .filter(|&&r| r != NONE)
        .and_then(|&r| store.level_of(r))
}

/// Explicit quota groups of the year: subject → group id. A subject named in
/// several groups falls in the first by id, whatever the order of the records.
fn explicit_groups(ds: &Dataset, year: i32) -> FxHashMap<&str, &str> {
    let mut map: FxHashMap<&str, &str> = FxHashMap::default();
    for g in ds
        .quota_groups
        .iter()
        .filter(|g: &&QuotaGroup| g.year == year)
    {
        for s in &g.subjects {
            let id = g.id.as_str();
            map.entry(s.as_str())
                .and_modify(|first| *first = (*first).min(id))
                .or_insert(id);
        }
    }
    map
}

/// Whether the explicit quota group `id` of `year` is marked outstanding
/// (its higher percentage applies).
fn outstanding_group(ds: &Dataset, year: i32, id: &str) -> bool {
    ds.quota_groups
        .iter()
        .any(|g| g.year == year && g.id == id && g.outstanding)
}

/// A subject of a quota group: its row and its tasks (exceeded, assigned).
struct QItem {
    row: u32,
    exceeded: (u32, u32),
}

/// A group's candidates ranked and its cap: what the quota decides, before
/// it is applied.
struct QuotaPlan {
    quota: crate::rules::Quota,
    percent: u32,
    /// The rule of the outstanding group's higher percentage, if it applies.
    exception: Option<&'static crate::explain::RuleDef>,
    /// Subjects at HTTNV before the quota.
    good: u32,
    cap: u32,
    /// (row, recorded selection), best first.
    ranked: Vec<(u32, Option<Level>)>,
}

/// Ranks one group's candidates and computes its cap (reads the store only).
fn plan_quota(
    ctx: &Ctx<'_>,
    outstanding: bool,
    items: &[QItem],
    store: &Outcomes,
) -> Option<QuotaPlan> {
    let quota = ctx.rules.quota()?;
    let (percent, exception) = match (outstanding, quota.outstanding) {
        (true, Some((percent, rule))) => (percent, Some(rule)),
        _ => (quota.percent, None),
    };
    let mut good = 0u32;
    // (row, score, (exceeded, assigned), recorded selection); ids are read
    // from the store, for ties and the demoted only.
    type Candidate = (u32, u32, (u32, u32), Option<Level>);
    let mut cands: Vec<Candidate> = Vec::new();
    for it in items {
        match store.level_of(it.row) {
            Some(Level::Excellent) => {
                let decided = ctx
                    .decisions_of(store.subject_of(it.row))
                    .iter()
                    .find(|d| d.point == "quota_selection")
                    .map(|d| d.level);
                let score = store.score_of(it.row).unwrap_or(0);
                cands.push((it.row, score, it.exceeded, decided));
            }
            Some(Level::Good) => good += 1,
            _ => {}
        }
    }
    if cands.is_empty() {
        return None;
    }
    let e = pos32(cands.len());
    let k = cap(
        ctx.policy.quota_reading,
        ctx.policy.quota_rounding,
        percent,
        good,
        e,
    );
    // Recorded selections first; then score desc, share exceeded desc, id asc.
    cands.sort_by(|a, b| {
        let pri = |d: Option<Level>| match d {
            Some(Level::Excellent) => 0,
            None => 1,
            Some(_) => 2,
        };
        pri(a.3)
            .cmp(&pri(b.3))
            .then(b.1.cmp(&a.1))
            .then(
                (u64::from(b.2 .0) * u64::from(a.2 .1))
                    .cmp(&(u64::from(a.2 .0) * u64::from(b.2 .1))),
            )
            .then_with(|| store.subject_of(a.0).cmp(store.subject_of(b.0)))
    });
    Some(QuotaPlan {
        quota,
        percent,
        exception,
        good,
        cap: k,
        ranked: cands.into_iter().map(|c| (c.0, c.3)).collect(),
    })
}

/// Applies a group's plan to the store: the findings, the demotions and the
/// points of discretion; returns the group's usage.
fn apply_quota(
    ctx: &Ctx<'_>,
    plan: &QuotaPlan,
    name: &str,
    explicit: bool,
    grouping: Option<&'static str>,
    store: &mut Outcomes,
) -> QuotaUsage {
    let usage = quota_usage(ctx, plan, name, explicit, store);
    edit_quota_rows(ctx, plan, grouping, store, |_| true);
    usage
}

/// What a group's quota grants and demotes (reads the store only).
fn quota_usage(
    ctx: &Ctx<'_>,
    plan: &QuotaPlan,
    name: &str,
    explicit: bool,
    store: &Outcomes,
) -> QuotaUsage {
    let report_only = ctx.policy.too_many_candidates == TooManyCandidates::ReportOnly;
    let k = plan.cap;
    let mut granted = 0u32;
    let mut demoted = Vec::new();
    let mut conflict = false;
    for (rank, &(row, decided)) in plan.ranked.iter().enumerate() {
        if quota_keeps(pos32(rank) + 1, k, decided, report_only) {
            granted += 1;
            conflict |= granted > k;
        } else {
            demoted.push(store.subject_of(row).to_owned());
        }
    }
    QuotaUsage {
        group: name.to_owned(),
        explicit,
        percent: plan.percent,
        good: plan.good,
        candidates: pos32(plan.ranked.len()),
        cap: k,
        granted,
        demoted,
        conflict,
    }
}

/// Whether the candidate ranked `rank` (from 1) keeps HTXSNV under a cap of
/// `k`: a recorded selection decides, else the rank (or every candidate
/// when the policy only reports too many candidates).
fn quota_keeps(rank: u32, k: u32, decided: Option<Level>, report_only: bool) -> bool {
    match decided {
        Some(Level::Excellent) => true,
        Some(_) => false,
        None => rank <= k || report_only,
    }
}

/// Writes a group's quota into the rows `edits` holds and `wanted` picks:
/// findings, points of discretion, demotions and settings, candidate by
/// candidate in rank order.
fn edit_quota_rows(
    ctx: &Ctx<'_>,
    plan: &QuotaPlan,
    grouping: Option<&'static str>,
    edits: &mut impl RowEdits,
    wanted: impl Fn(u32) -> bool,
) {
    let QuotaPlan {
        quota,
        percent,
        exception,
        cap: k,
        ranked,
        ..
    } = plan;
    let (k, percent, rule) = (*k, *percent, quota.demoted);
    let e = pos32(ranked.len());
    let report_only = ctx.policy.too_many_candidates == TooManyCandidates::ReportOnly;
    let contested = e > k;
    let settings = ["quota_reading", "quota_rounding"]
        .into_iter()
        .chain(contested.then_some("too_many_candidates"))
        .chain(grouping)
        .fold(0, |bits, name| bits | setting_bit(name));
    for (rank, &(row, decided)) in ranked.iter().enumerate() {
        if !wanted(row) || !edits.holds(row) {
            continue;
        }
        let rank = pos32(rank) + 1;
        let values = [
            i64::from(rank),
            i64::from(k),
            i64::from(e),
            i64::from(percent),
        ];
        if let Some(x) = exception {
            edits.push_finding(row, Finding::new(x, Effect::Noted, &[i64::from(percent)]));
        }
        let within = rank <= k;
        if quota_keeps(rank, k, decided, report_only) {
            edits.push_finding(row, Finding::new(quota.granted, Effect::Met, &values));
            if contested {
                let mut d =
                    Discretion::new("quota_selection", rule, Level::Excellent, &[Level::Good]);
                d.decided = decided;
                if report_only && !within {
                    d.default = Level::Excellent;
                }
                edits.push_discretion(row, d);
            }
        } else {
            edits.set_level(row, Level::Good);
            edits.set_demoted(row);
            edits.push_finding(row, Finding::new(rule, Effect::Lowered, &values));
            let mut d = Discretion::new("quota_selection", rule, Level::Good, &[Level::Excellent]);
            d.decided = decided;
            edits.push_discretion(row, d);
        }
        edits.add_settings(row, settings);
    }
}

/// Adds an organisation's result to the store; returns its row.
fn push_org(
    ctx: &Ctx<'_>,
    o: u32,
    (result, extra): (Result<Assessment, Unrated>, u32),
    store: &mut Outcomes,
) -> u32 {
    let Some(u) = ctx.graph.unit_at(o) else {
        return NONE;
    };
    let parent = ctx.graph.parent_pos(o, ctx.end).unwrap_or(NONE);
    let new = NewRow {
        subject: &u.id,
        kind: SubjectKind::Organisation,
        unit_kind: u.kind,
        unit: parent,
        grassroots: ctx
            .grassroots
            .get(o as usize)
            .copied()
            .filter(|&g| g != o)
            .unwrap_or(NONE),
        commune: NONE,
    };
    push(store, &new, result.as_ref(), extra, false)
}

/// The regime's rules for an organisation, then the aggregation policies.
fn assess_org(
    ctx: &Ctx<'_>,
    o: u32,
    jan1: Date,
    cell_counts: &[LevelCounts],
    sub_counts: &[LevelCounts],
    extra: &mut u32,
) -> Result<Assessment, Unrated> {
    let (graph, ds) = (ctx.graph, ctx.ds);
    let Some(u) = graph.unit_at(o) else {
        return Err(not_rated(ctx.rules, NotRatedReason::MissingInputs, &[]));
    };
    let reference = ctx.reference_of(o);
    if let Some(est) = u.established {
        if add_months(est, 6).is_some_and(|six| six > reference)
            && !ctx.rules.new_organisations_rated(ctx.policy)
        {
            return Err(not_rated(
                ctx.rules,
                NotRatedReason::NewOrganisation,
                &[date_value(est), date_value(reference)],
            ));
        }
    }
    let Some((_, e)) = latest(ds, graph.unit_evaluations.get(o), ctx.year) else {
        return Err(not_rated(ctx.rules, NotRatedReason::NoEvaluation, &[]));
    };
    // Front hook (DESIGN §5 Q12): a residential cell's task group with its Front criterion.
    let (front_eval, front_findings) = ctx
        .front
        .and_then(|f| f.cell_criterion(graph, u, e, ctx.policy))
        .map_or((None, Vec::new()), |(x, f)| (Some(x), f));
    let e = front_eval.as_ref().unwrap_or(e);
    let year_period = Period::new(Some(jan1), Some(ctx.end));
    // The leadership collective: secretary, deputies, committee members during the year.
    let mut leaders: Vec<u32> = graph
        .unit_post_positions(o)
        .filter(|&i| {
            ds.posts.get(i as usize).is_some_and(|p| {
                matches!(
                    p.role,
                    Role::Secretary | Role::DeputySecretary | Role::CommitteeMember
                ) && p.period().overlaps(&year_period)
            })
        })
        .filter_map(|i| {
            graph
                .post_person
                .get(i as usize)
                .copied()
                .filter(|&x| x != NONE)
        })
        .collect();
    leaders.sort_unstable();
    leaders.dedup();
    let leadership_disciplines = leaders
        .iter()
        .flat_map(|&p| graph.person_disciplines.get(p))
        .filter_map(|i| ds.disciplines.get(i as usize))
        .collect();
    let leadership_degradation = pos32(
        leaders
            .iter()
            .filter(|&&p| {
                latest(ds, graph.person_evaluations.get(p), ctx.year).is_some_and(|(_, e)| {
                    e.conclusions
                        .iter()
                        .any(|c| c.kind == ConclusionKind::Degradation)
                })
            })
            .count(),
    );
    let children: Vec<u32> = graph
        .children_pos(o, ctx.end)
        .filter(|&c| graph.unit_at(c).is_some_and(|x| is_rated_kind(x.kind)))
        .collect();
    let subordinates_disciplined = pos32(
        children
            .iter()
            .filter(|&&c| {
                graph
                    .unit_disciplines
                    .get(c)
                    .filter_map(|i| ds.disciplines.get(i as usize))
                    .any(|d| d.decided_on.year() == ctx.year)
            })
            .count(),
    );
    let input = OrgInput {
        id: &u.id,
        year: ctx.year,
        holds_members: u.kind.holds_members(),
        evaluation: e,
        disciplines: graph
            .unit_disciplines
            .get(o)
            .filter_map(|i| ds.disciplines.get(i as usize))
            .collect(),
        leadership_disciplines,
        leadership_degradation,
        subordinates: pos32(children.len()),
        subordinates_disciplined,
        members: cell_counts.get(o as usize).copied().unwrap_or_default(),
        suborgs: sub_counts.get(o as usize).copied().unwrap_or_default(),
        decisions: ctx.decisions_of(&u.id),
        policy: ctx.policy,
    };
    let mut a = ctx.rules.rate_organisation(&input)?;
    if !front_findings.is_empty() {
        crate::front::add_cell_findings(&mut a, front_findings);
    }
    let counts = if input.holds_members {
        input.members
    } else {
        input.suborgs
    };
    aggregate(
        &mut a,
        ctx.rules.own_aggregation(),
        counts,
        input.holds_members,
    );
    if ctx.policy.aggregation != ctx.rules.own_aggregation() {
        let before = a.findings.len();
        aggregate(&mut a, ctx.policy.aggregation, counts, input.holds_members);
        if a.findings.len() > before {
            *extra |= setting_bit("aggregation");
        }
    }
    Ok(a)
}

/// Applies an aggregation rule to an organisation's assessment (party-rating.md §5.6).
pub(crate) fn aggregate(
    a: &mut Assessment,
    agg: Aggregation,
    counts: LevelCounts,
    holds_members: bool,
) {
    match agg {
        Aggregation::None => {}
        Aggregation::Qd132_2019 => {
            if a.level == Level::Excellent {
                let n = counts.rated;
                let ge_completed = counts.at_least(Level::Completed);
                let ge_good = counts.at_least(Level::Good);
                let values = [i64::from(n), i64::from(ge_completed), i64::from(ge_good)];
                if n == 0 {
                    a.findings.push(Finding::new(
                        &common::AGGREGATION_UNDEFINED,
                        Effect::Noted,
                        &[],
                    ));
                } else if ge_completed == n && u64::from(ge_good) * 5 >= u64::from(n) * 4 {
                    a.findings
                        .push(Finding::new(&common::AGG_QD132_2019, Effect::Met, &values));
                } else {
                    a.level = Level::Good;
                    a.findings.push(Finding::new(
                        &common::AGG_QD132_2019,
                        Effect::Lowered,
                        &values,
                    ));
                }
            }
        }
        Aggregation::Hd27_2014 => {
            let n = counts.rated;
            let bad = counts.at(Level::NotCompleted);
            if n == 0 {
                return;
            }
            let (rule, hit) = if holds_members {
                (&common::AGG_HD27_CELL, u64::from(bad) * 2 > u64::from(n))
            } else {
                (
                    &common::AGG_HD27_COMMITTEE,
                    u64::from(bad) * 3 > u64::from(n),
                )
            };
            if hit && a.level > Level::NotCompleted {
                a.level = Level::NotCompleted;
                a.findings.push(Finding::new(
                    rule,
                    Effect::Decided,
                    &[i64::from(n), i64::from(bad)],
                ));
            }
        }
    }
}

/// T-L1 and the optional cap: a head is rated after the collective they lead.
fn apply_heads(
    ctx: &Ctx<'_>,
    meta: &Metas,
    store: &mut Outcomes,
    person_result: &[u32],
    orgs: &[u32],
    org_row: &[u32],
) {
    let (graph, ds) = (ctx.graph, ctx.ds);
    type Led = FxHashMap<u32, (u32, u32, Level, bool)>;
    // Counts a unit at `level` led by the member at row `r`.
    fn tally(led: &mut Led, r: u32, level: Level) -> &mut (u32, u32, Level, bool) {
        let e = led.entry(r).or_insert((0, 0, Level::Excellent, false));
        e.0 += 1;
        e.1 += u32::from(level == Level::NotCompleted);
        e.2 = e.2.min(level);
        e
    }
    let store_ref: &Outcomes = store;
    // (led, not completed, lowest level, any named in the evaluation) per member result.
    let secretaries = || {
        let mut led: Led = FxHashMap::default();
        let mut counted: rustc_hash::FxHashSet<(u32, u32)> = rustc_hash::FxHashSet::default();
        for &o in orgs {
            let Some(level) = org_level(store_ref, org_row, o) else {
                continue;
            };
            for i in graph.unit_post_positions(o) {
                let Some(p) = ds.posts.get(i as usize) else {
                    continue;
                };
                if p.role != Role::Secretary || !p.period().contains(ctx.end) {
                    continue;
                }
                let Some(person) = graph
                    .post_person
                    .get(i as usize)
                    .copied()
                    .filter(|&x| x != NONE)
                else {
                    continue;
                };
                let Some(&r) = person_result.get(person as usize) else {
                    continue;
                };
                if r == NONE || !counted.insert((r, o)) {
                    continue;
                }
                tally(&mut led, r, level);
            }
        }
        (led, counted)
    };
    // Units named in a leader's evaluation, as (member row, unit), in order.
    let named_in = |(first, part): (usize, two_parts::Iter<'_, MemberMeta>)| {
        let mut out: Vec<(u32, u32)> = Vec::new();
        for (k, m) in part.enumerate() {
            let Some(e) = ds.evaluations.get(m.evaluation as usize) else {
                continue;
            };
            let Some(l) = &e.leader else { continue };
            out.extend(
                l.led_units
                    .iter()
                    .filter_map(|u| Some((pos32(first + k), graph.unit_pos(u)?))),
            );
        }
        out
    };
    // Reading every member's evaluation is the long part: on two threads,
    // beside the secretaries.
    let [head, tail] = meta.halves();
    let (((mut led, mut counted), mut named), more) =
        join(|| (secretaries(), named_in(head)), || named_in(tail));
    named.extend(more);
    for (i, unit) in named {
        // A unit counts once, whether the leader is its secretary or names it.
        if !counted.insert((i, unit)) {
            continue;
        }
        let Some(level) = org_level(store, org_row, unit) else {
            continue;
        };
        tally(&mut led, i, level).3 = true;
    }
    let mut entries: Vec<(u32, (u32, u32, Level, bool))> = led.into_iter().collect();
    entries.sort_unstable_by_key(|(i, _)| *i);
    for (i, (n, bad, lowest, named)) in entries {
        let Some(level) = store.level_of(i) else {
            continue;
        };
        // The units named in a leader's evaluation: T-L1 itself; only the
        // collective where they are secretary: T-L1 read for the head (§5.7).
        let rule = if named {
            ctx.rules.led_units_rule()
        } else {
            ctx.rules.head_rule()
        };
        if let Some(rule) = rule {
            if u64::from(bad) * 2 > u64::from(n) && level > Level::NotCompleted {
                store.set_level(i, Level::NotCompleted);
                store.push_finding(
                    i,
                    Finding::new(rule, Effect::Decided, &[i64::from(n), i64::from(bad)]),
                );
            }
        }
        if ctx.policy.cap_head_by_collective && store.level_of(i) > Some(lowest) {
            store.add_setting(i, "cap_head_by_collective");
            store.set_level(i, lowest);
            store.push_finding(
                i,
                Finding::new(
                    &common::HEAD_CAPPED_BY_COLLECTIVE,
                    Effect::Lowered,
                    &[level_value(lowest)],
                ),
            );
        }
    }
}

fn lowering_rules(findings: &[Finding]) -> Vec<String> {
    findings
        .iter()
        .filter(|f| {
            matches!(
                f.effect,
                Effect::Decided | Effect::Lowered | Effect::Excluded
            )
        })
        .map(|f| f.rule().id.to_owned())
        .collect()
}

/// The organisation committee's step 2: each proposal against what the rules allow.
fn verify_proposals(
    ctx: &Ctx<'_>,
    store: &Outcomes,
    person_result: &[u32],
    org_row: &[u32],
) -> Vec<Discrepancy> {
    let (graph, ds) = (ctx.graph, ctx.ds);
    let mut out = Vec::new();
    for (i, e) in ds
        .evaluations
        .iter()
        .enumerate()
        .filter(|(_, e)| e.year == ctx.year)
    {
        let Some(proposed) = e.proposed else { continue };
        let person = graph.evaluation_person.get(i).copied().unwrap_or(NONE);
        let unit = graph.evaluation_unit.get(i).copied().unwrap_or(NONE);
        let row = if person == NONE {
            org_row.get(unit as usize)
        } else {
            person_result.get(person as usize)
        };
        let Some(&row) = row.filter(|&&r| r != NONE) else {
            continue;
        };
        let allowed = store.level_of(row);
        let kind = match allowed {
            None => "not_rated",
            Some(a) if proposed > a => "above_allowed",
            Some(a) if proposed < a => "below_allowed",
            Some(_) => continue,
        };
        out.push(Discrepancy {
            subject: e.subject.clone(),
            stage: e.stage,
            proposed,
            allowed,
            kind: kind.to_owned(),
            rules: lowering_rules(store.findings_of(row)),
        });
    }
    out.sort_by(|a, b| (&a.subject, a.stage).cmp(&(&b.subject, b.stage)));
    out
}

/// Unit ids of the report, each stored once, and the communes, each found once.
struct Units<'g> {
    graph: &'g OrgGraph,
    end: Date,
    /// Unit position → index in `table`.
    index: Vec<u32>,
    table: Vec<Arc<str>>,
    commune: Vec<u32>,
}

const UNKNOWN: u32 = u32::MAX - 1;

impl Units<'_> {
    fn id(&mut self, pos: u32) -> u32 {
        let Some(slot) = self.index.get_mut(pos as usize) else {
            return NONE;
        };
        if *slot == NONE {
            if let Some(u) = self.graph.unit_at(pos) {
                self.table.push(Arc::from(u.id.as_str()));
                *slot = pos32(self.table.len() - 1);
            }
        }
        *slot
    }

    fn commune(&mut self, pos: u32) -> u32 {
        let known = self.commune.get(pos as usize).copied().unwrap_or(NONE);
        if known != UNKNOWN {
            return known;
        }
        let c = self.graph.commune_pos(pos, self.end).unwrap_or(NONE);
        if let Some(slot) = self.commune.get_mut(pos as usize) {
            *slot = c;
        }
        c
    }
}

/// The warning codes counted over the outcomes, in the order of their counters.
const WARNING_CODES: [&str; 4] = [
    "no_evaluation",
    "missing_inputs",
    "missing_task_facts",
    "residence_comment_missing",
];

/// Sorts rows by subject id. `rows` come in the order of the people or units
/// in the dataset, which is usually the order of their ids already: then one
/// pass of comparisons replaces the sort.
fn sort_by_id(store: &Outcomes, rows: &mut [u32]) {
    let ordered = rows.windows(2).all(|w| match w {
        [a, b] => store.subject_of(*a) < store.subject_of(*b),
        _ => true,
    });
    if !ordered {
        rows.sort_unstable_by(|&a, &b| store.subject_of(a).cmp(store.subject_of(b)));
    }
}

/// What the walk over the rows gathers: the summaries per grassroots
/// organisation and commune, the totals, and the unit table with what maps
/// the rows' unit positions to its indexes ([`Summarised::set_unit_ids`]).
struct Summarised {
    /// (unit position, members, organisations).
    summaries: Vec<(u32, Tally, Tally)>,
    members: Tally,
    organisations: Tally,
    /// Unit position → index in `table` (for every unit a row names).
    index: Vec<u32>,
    table: Vec<Arc<str>>,
    /// Unit position → its commune's position (for every unit a row is at).
    commune: Vec<u32>,
    /// Row of an organisation (less the members) → its unit position.
    row_org: Vec<u32>,
}

impl Summarised {
    /// Turns the rows' unit positions into indexes of the unit table (a row
    /// is at its cell, a member, or its own unit, an organisation). `rows`
    /// start at row `first`.
    fn set_unit_ids(&self, rows: &mut [Row], first: usize, n_members: usize) {
        let id = |pos: u32| self.index.get(pos as usize).copied().unwrap_or(NONE);
        for (i, row) in (first..).zip(rows.iter_mut()) {
            let at = match i.checked_sub(n_members) {
                None => row.unit,
                Some(o) => self.row_org.get(o).copied().unwrap_or(NONE),
            };
            let commune = self.commune.get(at as usize).copied().unwrap_or(NONE);
            (row.unit, row.grassroots, row.commune) =
                (id(row.unit), id(row.grassroots), id(commune));
        }
    }
}

/// Walks the rows in storage order: the counts per unit, and the unit table
/// numbered in the order the rows first name its units.
fn summarise(ctx: &Ctx<'_>, store: &Outcomes, n_members: usize, org_row: &[u32]) -> Summarised {
    let n_units = ctx.ds.units.len();
    let mut units = Units {
        graph: ctx.graph,
        end: ctx.end,
        index: vec![NONE; n_units],
        table: Vec::new(),
        commune: vec![UNKNOWN; n_units],
    };
    // Row of an organisation → its unit position.
    let mut row_org = vec![NONE; store.row_count().saturating_sub(n_members)];
    for (o, &r) in org_row.iter().enumerate() {
        if let Some(slot) = (r as usize)
            .checked_sub(n_members)
            .and_then(|i| row_org.get_mut(i))
        {
            *slot = pos32(o);
        }
    }
    let mut summaries: Vec<(u32, Tally, Tally)> = Vec::new();
    let mut slot_of: FxHashMap<u32, usize> = FxHashMap::default();
    // Rows come cell by cell: the last grassroots and commune usually recur.
    let mut last = [(NONE, 0usize); 2];
    let (mut members, mut organisations) = (Tally::default(), Tally::default());
    for (i, row) in store.row_parts().into_iter().flatten().enumerate() {
        let member = i < n_members;
        let at = if member {
            row.unit
        } else {
            row_org.get(i - n_members).copied().unwrap_or(NONE)
        };
        let commune = units.commune(at);
        for (key, last) in [row.grassroots, commune].into_iter().zip(&mut last) {
            if key == NONE {
                continue;
            }
            if last.0 != key {
                let n = summaries.len();
                let slot = *slot_of.entry(key).or_insert(n);
                if slot == n {
                    summaries.push((key, Tally::default(), Tally::default()));
                }
                *last = (key, slot);
            }
            if let Some(s) = summaries.get_mut(last.1) {
                if member {
                    s.1.add_row(row);
                } else {
                    s.2.add_row(row);
                }
            }
        }
        if member {
            members.add_row(row);
        } else {
            organisations.add_row(row);
        }
        // Numbered in the order first named (the table's order).
        units.id(row.unit);
        units.id(row.grassroots);
        units.id(commune);
    }
    Summarised {
        summaries,
        members,
        organisations,
        index: units.index,
        table: units.table,
        commune: units.commune,
        row_org,
    }
}

/// The report order: members by id, then organisations by id; the rows in
/// the order of the dataset's people and units first, which is the order of
/// their ids when the dataset lists them so (then nothing is compared).
fn report_order(
    graph: &OrgGraph,
    store: &Outcomes,
    n_members: usize,
    person_result: &[u32],
    org_row: &[u32],
) -> Vec<u32> {
    let mut order: Vec<u32> = person_result
        .iter()
        .copied()
        .filter(|&r| r != NONE)
        .collect();
    order.extend(org_row.iter().copied().filter(|&r| r != NONE));
    let split = n_members.min(order.len());
    let (members, orgs) = order.split_at_mut(split);
    if !graph.people_sorted() {
        sort_by_id(store, members);
    }
    if !graph.units_sorted() {
        sort_by_id(store, orgs);
    }
    order
}

/// The warnings counted over the outcomes (by [`WARNING_CODES`]) and the
/// points of discretion, sorted by subject, point and rule.
fn warnings_and_discretion(store: &Outcomes) -> ([u32; 4], Vec<DiscretionItem>) {
    // In storage order (sequential reads). The rules are compared by their
    // places in the catalogue, and the rows with points of discretion are
    // noted, to be put in the order of their subjects below.
    let task_facts = crate::explain::place_of(&common::MISSING_TASK_FACTS);
    let comment = [
        crate::explain::place_of(&common::RESIDENCE_COMMENT_MISSING),
        crate::explain::place_of(&common::RESIDENCE_COMMENT_MISSING_213),
    ];
    let mut warnings = [0u32; 4];
    // Room made once (the bound is not touched beyond what is used).
    let mut with_points: Vec<(u128, OutcomeRef<'_>)> = Vec::with_capacity(store.discretion_bound());
    let mut n_points = 0;
    for o in store.iter_stored() {
        match o.not_rated_reason() {
            Some(NotRatedReason::NoEvaluation) => warnings[0] += 1,
            Some(NotRatedReason::MissingInputs) => warnings[1] += 1,
            Some(_) => {}
            None => {
                for f in o.findings() {
                    if f.is_at(task_facts) {
                        warnings[2] += 1;
                    } else if comment.iter().any(|&c| f.is_at(c)) {
                        warnings[3] += 1;
                    }
                }
                if !o.discretion().is_empty() {
                    n_points += o.discretion().len();
                    with_points.push((id_key(o.subject()), o));
                }
            }
        }
    }
    // The points by (subject, point, rule), a subject's equal ones in the
    // order stored: the rows by subject (stable, so a subject's rows keep
    // their order; most ids differ in their first 16 bytes, compared as one
    // number read in the walk above), then the points of each subject's rows.
    let by_subject = |a: &(u128, OutcomeRef<'_>), b: &(u128, OutcomeRef<'_>)| {
        cmp_ids((a.0, a.1.subject()), (b.0, b.1.subject()))
    };
    with_points.sort_by(by_subject);
    let mut discretion = Vec::with_capacity(n_points);
    let mut points: Vec<&Discretion> = Vec::new();
    for same in with_points.chunk_by(|a, b| by_subject(a, b).is_eq()) {
        points.clear();
        points.extend(same.iter().flat_map(|(_, o)| o.discretion()));
        points.sort_by(|a, b| (a.point, a.rule).cmp(&(b.point, b.rule)));
        let Some((_, o)) = same.first() else { continue };
        let subject = o.subject();
        discretion.extend(points.iter().map(|d| DiscretionItem {
            subject: subject.to_owned(),
            point: d.point,
            rule: d.rule,
            default: d.default,
            decided: d.decided,
        }));
    }
    (warnings, discretion)
}

#[expect(clippy::too_many_arguments, reason = "the parts of the report")]
fn assemble(
    ctx: &Ctx<'_>,
    regime: Regime,
    regime_named: bool,
    mut store: Outcomes,
    n_members: usize,
    person_result: &[u32],
    org_row: &[u32],
    quotas: Vec<QuotaUsage>,
    duplicates: u32,
) -> Report {
    let (graph, ds) = (ctx.graph, ctx.ds);
    // Four walks that only read the store, on two threads: the proposals
    // checked (step 6) and the parts of the report.
    let ((summarised, order), ((warnings, discretion), discrepancies)) = join(
        || {
            (
                summarise(ctx, &store, n_members, org_row),
                report_order(graph, &store, n_members, person_result, org_row),
            )
        },
        || {
            (
                warnings_and_discretion(&store),
                verify_proposals(ctx, &store, person_result, org_row),
            )
        },
    );
    // The two parts of the rows on two threads.
    let [head, tail] = store.row_parts_mut();
    let first_of_tail = head.len();
    join(
        || summarised.set_unit_ids(head, 0, n_members),
        || summarised.set_unit_ids(tail, first_of_tail, n_members),
    );
    let Summarised {
        summaries,
        members: total_members,
        organisations: total_orgs,
        table,
        ..
    } = summarised;
    store.finish(table, order);
    let mut warnings: BTreeMap<String, u32> = WARNING_CODES
        .into_iter()
        .zip(warnings)
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| (k.to_owned(), n))
        .collect();
    if duplicates > 0 {
        warnings.insert("member_in_two_cells".to_owned(), duplicates);
    }
    let mut quotas = quotas;
    quotas.sort_unstable_by(|a, b| a.group.cmp(&b.group));
    let mut summaries: Vec<UnitSummary> = summaries
        .into_iter()
        .map(|(pos, m, o)| UnitSummary {
            members: m.counts(),
            organisations: o.counts(),
            ..new_summary(graph, pos)
        })
        .collect();
    summaries.sort_unstable_by(|a, b| a.unit.cmp(&b.unit));
    let total = UnitSummary {
        unit: String::new(),
        name: ds.description.clone().unwrap_or_default(),
        unit_kind: None,
        members: total_members.counts(),
        organisations: total_orgs.counts(),
    };
    Report {
        format: REPORT_FORMAT.to_owned(),
        generator: format!("xeploai {}", crate::VERSION),
        year: ctx.year,
        regime,
        regime_named,
        policy: ctx.policy.clone(),
        outcomes: store,
        summaries,
        total,
        quotas,
        discrepancies,
        discretion,
        warnings,
        front: None,
    }
}

fn new_summary(graph: &OrgGraph, pos: u32) -> UnitSummary {
    let u = graph.unit_at(pos);
    UnitSummary {
        unit: u.map(|u| u.id.clone()).unwrap_or_default(),
        name: u.map(|u| u.name.clone()).unwrap_or_default(),
        unit_kind: u.map(|u| u.kind),
        members: Counts::default(),
        organisations: Counts::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_order_is_by_id_whatever_the_order_of_people_and_units() {
        // People and units listed by id (the report's order is theirs, not
        // compared), in reverse, and as the sample lists them.
        let mut ds = crate::sample::dataset();
        ds.people.sort_by(|a, b| a.id.cmp(&b.id));
        ds.units.sort_by(|a, b| a.id.cmp(&b.id));
        let g = OrgGraph::build(ds.clone()).unwrap();
        assert!(g.people_sorted() && g.units_sorted());
        ds.people.reverse();
        ds.units.reverse();
        let reversed = OrgGraph::build(ds).unwrap();
        assert!(!reversed.people_sorted() && !reversed.units_sorted());
        let policy = Policy::default();
        let a = rate(&g, 2025, None, &policy).unwrap();
        // The sample lists its people by id and its units in tree order: one
        // flag set and the other not.
        let sample = crate::sample::graph().unwrap();
        assert!(sample.people_sorted() && !sample.units_sorted());
        for other in [reversed, sample] {
            let b = rate(&other, 2025, None, &policy).unwrap();
            assert_eq!(a.to_json(), b.to_json());
        }
        let ids: Vec<(SubjectKind, &str)> =
            a.outcomes.iter().map(|o| (o.kind(), o.subject())).collect();
        assert!(
            ids.windows(2).all(|w| w[0] < w[1]),
            "members, then organisations, by id"
        );
    }

    /// The sample's outcomes for 2025, owned (to be edited, then stored).
    fn sample_2025_outcomes() -> Vec<crate::report::SubjectOutcome> {
        let g = crate::sample::graph().unwrap();
        let r = rate(&g, 2025, None, &Policy::default()).unwrap();
        r.outcomes.to_vec()
    }

    #[test]
    fn a_members_working_data_is_20_bytes() {
        // About 5.5 million in a country's run; the cell is read from the row.
        assert_eq!(std::mem::size_of::<MemberMeta>(), 20);
    }

    #[test]
    fn a_member_of_two_cells_is_rated_at_the_first_whatever_the_chunks() {
        // A rated member of the sample's first cell moves on 1 July to its
        // last cell; the first cell's review meeting is in May and the policy
        // takes each cell's meeting as its reference date, so both cells hold
        // the member. The two memberships fall in different chunks, taken by
        // different threads from the two ends.
        let policy = Policy {
            reference_date: ReferenceDate::ReviewMeeting,
            ..Policy::default()
        };
        let mut ds = crate::sample::dataset();
        let g = crate::OrgGraph::build(ds.clone()).unwrap();
        let r = rate(&g, 2025, None, &policy).unwrap();
        let before = r.warnings.get("member_in_two_cells").copied().unwrap_or(0);
        let first = r
            .outcomes
            .iter()
            .find(|o| o.kind() == SubjectKind::Member && o.level().is_some())
            .unwrap();
        let (person, cell) = (first.subject().to_owned(), first.unit().unwrap().to_owned());
        let last_cell = ds
            .memberships
            .iter()
            .rev()
            .map(|m| m.cell.clone())
            .find(|c| *c != cell)
            .unwrap();
        let day = |m, d| chrono::NaiveDate::from_ymd_opt(2025, m, d);
        let m = ds
            .memberships
            .iter_mut()
            .find(|m| m.person == person && m.cell == cell)
            .unwrap();
        m.to = day(6, 30);
        let mut extra = m.clone();
        (extra.cell, extra.from, extra.to) = (last_cell.clone(), day(7, 1), None);
        ds.memberships.push(extra);
        for e in ds.evaluations.iter_mut().filter(|e| e.year == 2025) {
            if e.subject == cell {
                e.review_meeting = day(5, 15);
            } else if e.subject == last_cell {
                e.review_meeting = None;
            }
        }
        let g = crate::OrgGraph::build(ds).unwrap();
        let whole = rate_in_chunks(&g, 2025, None, &policy, usize::MAX).unwrap();
        // (The earlier review meeting may catch other transfers of the cell too.)
        assert!(
            whole
                .warnings
                .get("member_in_two_cells")
                .copied()
                .unwrap_or(0)
                > before
        );
        assert_eq!(
            whole
                .outcome(&person)
                .and_then(|o| o.unit().map(str::to_owned)),
            Some(cell)
        );
        for chunk in [1, 2, 5] {
            let r = rate_in_chunks(&g, 2025, None, &policy, chunk).unwrap();
            assert_eq!(r.to_json(), whole.to_json(), "{chunk} cells per chunk");
        }
    }

    #[test]
    fn the_report_does_not_depend_on_the_chunks_of_the_member_pass() {
        let g = crate::sample::graph().unwrap();
        let policy = Policy::default();
        for year in [2024, 2025] {
            let whole = rate_in_chunks(&g, year, None, &policy, usize::MAX)
                .unwrap()
                .to_json();
            for chunk in [1, 2, 3, 7] {
                let r = rate_in_chunks(&g, year, None, &policy, chunk).unwrap();
                assert_eq!(r.to_json(), whole, "year {year}, {chunk} cells per chunk");
            }
        }
    }

    #[test]
    fn the_points_of_discretion_are_listed_by_subject_point_and_rule() {
        // The report's list against its definition: every outcome's points,
        // sorted stably by (subject, point, rule). The sample's year 2025
        // gives each of its subjects with points one; the next test gives a
        // subject several.
        let g = crate::sample::graph().unwrap();
        let r = rate(&g, 2025, None, &Policy::default()).unwrap();
        let mut expected: Vec<(String, &str, &str, Level, Option<Level>)> = r
            .outcomes
            .iter()
            .flat_map(|o| {
                o.discretion().iter().map(move |d| {
                    (
                        o.subject().to_owned(),
                        d.point,
                        d.rule,
                        d.default,
                        d.decided,
                    )
                })
            })
            .collect();
        expected.sort_by(|a, b| (&a.0, a.1, a.2).cmp(&(&b.0, b.1, b.2)));
        let listed: Vec<(String, &str, &str, Level, Option<Level>)> = r
            .discretion
            .iter()
            .map(|d| (d.subject.clone(), d.point, d.rule, d.default, d.decided))
            .collect();
        assert_eq!(listed, expected);
        assert!(expected.len() > 100);
    }

    #[test]
    fn the_warnings_count_the_findings_of_their_rules() {
        // The counters against the rated outcomes' findings, by rule id. The
        // sample has residence comments missing but no task facts missing:
        // three rated members and one not rated get that finding.
        let mut owned = sample_2025_outcomes();
        let facts = Finding::new(&common::MISSING_TASK_FACTS, Effect::Noted, &[]);
        let mut given = (0, 0);
        for o in &mut owned {
            match &mut o.outcome {
                crate::outcome::Outcome::Rated(r) if given.0 < 3 => {
                    r.findings.push(facts);
                    given.0 += 1;
                }
                crate::outcome::Outcome::NotRated { findings, .. } if given.1 < 1 => {
                    findings.push(facts);
                    given.1 += 1;
                }
                _ => {}
            }
        }
        assert_eq!(given, (3, 1));
        let store = Outcomes::from_owned(&owned);
        let count = |ids: &[&str]| -> u32 {
            let n = store
                .iter_stored()
                .filter(|o| o.level().is_some())
                .flat_map(|o| o.findings())
                .filter(|f| ids.contains(&f.rule().id))
                .count();
            u32::try_from(n).unwrap()
        };
        let comment = count(&[
            common::RESIDENCE_COMMENT_MISSING.id,
            common::RESIDENCE_COMMENT_MISSING_213.id,
        ]);
        let not_rated = |reason: NotRatedReason| {
            let n = store
                .iter_stored()
                .filter(|o| o.not_rated_reason() == Some(reason))
                .count();
            u32::try_from(n).unwrap()
        };
        let (warnings, _) = warnings_and_discretion(&store);
        assert!(comment > 0);
        assert_eq!(
            warnings,
            [
                not_rated(NotRatedReason::NoEvaluation),
                not_rated(NotRatedReason::MissingInputs),
                3,
                comment
            ]
        );
    }

    /// The first rated member of `owned`: its place and its id.
    fn first_rated_member(owned: &[crate::report::SubjectOutcome]) -> (usize, String) {
        let m = owned
            .iter()
            .position(|o| o.kind == SubjectKind::Member && o.outcome.level().is_some())
            .unwrap();
        (m, owned[m].subject.clone())
    }

    #[test]
    fn many_points_with_the_same_point_and_rule_keep_their_order() {
        // 48 points of one subject under three (point, rule) keys, in an
        // order the sort must change, each told apart by its default and
        // decided levels: the list is their stable sort. (Short lists are
        // sorted by insertion, which keeps order even when not asked to;
        // this many are not.)
        let mut owned = sample_2025_outcomes();
        let (m, subject) = first_rated_member(&owned);
        let keys = ["quota_selection", "gap", "earlier_fault"];
        let decided = |j: usize| j.checked_sub(1).map(|k| Level::ALL[k]);
        let points: Vec<Discretion> = (0..48)
            .map(|i: usize| {
                let j = i / 3;
                let mut d = Discretion::new(
                    keys[i % 3],
                    &common::MISSING_TASK_FACTS,
                    Level::ALL[j % Level::ALL.len()],
                    &[],
                );
                d.decided = decided(j / Level::ALL.len());
                d
            })
            .collect();
        let crate::outcome::Outcome::Rated(r) = &mut owned[m].outcome else {
            unreachable!()
        };
        r.discretion.clone_from(&points);
        let mut expected: Vec<(&str, Level, Option<Level>)> = points
            .iter()
            .map(|d| (d.point, d.default, d.decided))
            .collect();
        expected.sort_by_key(|d| d.0);
        let distinct: std::collections::BTreeSet<_> = expected.iter().copied().collect();
        assert_eq!(distinct.len(), 48, "every point can be told apart");
        let (_, listed) = warnings_and_discretion(&Outcomes::from_owned(&owned));
        let mine: Vec<(&str, Level, Option<Level>)> = listed
            .iter()
            .filter(|d| d.subject == subject)
            .map(|d| (d.point, d.default, d.decided))
            .collect();
        assert_eq!(mine, expected);
    }

    #[test]
    fn a_subjects_points_are_sorted_across_its_rows_and_keep_their_order_when_equal() {
        // The sample's subjects have one point each: give one member six,
        // out of order, two with the same point and rule (their order must
        // stay) and two with the same point and different rules (ordered by
        // rule), and an organisation with the same id one more.
        let mut owned = sample_2025_outcomes();
        let (m, subject) = first_rated_member(&owned);
        let rule = &common::MISSING_TASK_FACTS;
        let point = |p: &'static str, default: Level| Discretion::new(p, rule, default, &[]);
        // Two rules, the one with the greater id first.
        let (high, low) = {
            let (a, b) = (
                &common::RESIDENCE_COMMENT_MISSING,
                &common::MISSING_TASK_FACTS,
            );
            if a.id > b.id {
                (a, b)
            } else {
                (b, a)
            }
        };
        let crate::outcome::Outcome::Rated(r) = &mut owned[m].outcome else {
            unreachable!()
        };
        r.discretion = vec![
            point("quota_selection", Level::Good),
            Discretion::new("mitigation", high, Level::Good, &[]),
            point("gap", Level::Good),
            point("earlier_fault", Level::Excellent),
            Discretion::new("mitigation", low, Level::Completed, &[]),
            point("gap", Level::Completed),
        ];
        let o = owned
            .iter()
            .rposition(|o| o.kind == SubjectKind::Organisation && o.outcome.level().is_some())
            .unwrap();
        owned[o].subject.clone_from(&subject);
        let crate::outcome::Outcome::Rated(r) = &mut owned[o].outcome else {
            unreachable!()
        };
        r.discretion = vec![point("earlier_fault", Level::NotCompleted)];
        for order in [false, true] {
            if order {
                owned.reverse();
            }
            let store = Outcomes::from_owned(&owned);
            let mut expected: Vec<(String, &str, &str, Level)> = store
                .iter_stored()
                .flat_map(|o| {
                    o.discretion()
                        .iter()
                        .map(move |d| (o.subject().to_owned(), d.point, d.rule, d.default))
                })
                .collect();
            expected.sort_by(|a, b| (&a.0, a.1, a.2).cmp(&(&b.0, b.1, b.2)));
            let (_, listed) = warnings_and_discretion(&store);
            let listed: Vec<(String, &str, &str, Level)> = listed
                .into_iter()
                .map(|d| (d.subject, d.point, d.rule, d.default))
                .collect();
            assert_eq!(listed, expected);
            let mine: Vec<(&str, Level)> = listed
                .iter()
                .filter(|d| d.0 == subject)
                .map(|d| (d.1, d.3))
                .collect();
            let (first, second) = if order {
                (Level::NotCompleted, Level::Excellent)
            } else {
                (Level::Excellent, Level::NotCompleted)
            };
            assert_eq!(
                mine,
                [
                    ("earlier_fault", first),
                    ("earlier_fault", second),
                    ("gap", Level::Good),
                    ("gap", Level::Completed),
                    ("mitigation", Level::Completed),
                    ("mitigation", Level::Good),
                    ("quota_selection", Level::Good)
                ]
            );
        }
    }
}
