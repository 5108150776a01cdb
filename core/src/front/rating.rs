//! The rating of the Front work boards of a year: each board's evaluation on
//! its scheme (steps 1–7 of front-rating.md §3.2.2, [`Scheme::rate`]), then the
//! scheme's quota over its scope (step 8): while more boards of a group hold
//! the top band than `floor(percent % × count(relative_to))`, the lowest of them
//! (by default final score ascending, tasks exceeded ascending, id ascending;
//! [U], the quota's `demotion_order`) moves one band down, and the count is
//! taken again.

use crate::explain::{Effect, Finding};
use crate::front::data::BoardEvaluation;
use crate::front::presets;
use crate::front::report::{BandSummary, BoardNotRated, BoardRating, SchemeSummary};
use crate::front::rules as fr;
use crate::front::scheme::{DemotionOrder, QuotaScope, Scheme};
use crate::front::settings::FrontPolicy;
use crate::graph::OrgGraph;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// The schemes a run may use: the dataset's, then the presets named.
#[derive(Debug, Default)]
pub(crate) struct Schemes {
    list: Vec<Scheme>,
    by_id: FxHashMap<String, usize>,
}

impl Schemes {
    /// The dataset's schemes and the presets named by `ids`.
    pub(crate) fn load<'a>(graph: &OrgGraph, ids: impl Iterator<Item = &'a str>) -> Self {
        let mut s = Self::default();
        for scheme in &graph.dataset().front.schemes {
            if !s.by_id.contains_key(&scheme.id) {
                s.by_id.insert(scheme.id.clone(), s.list.len());
                s.list.push(scheme.clone());
            }
        }
        for id in ids {
            if s.by_id.contains_key(id) {
                continue;
            }
            if let Ok(scheme) = presets::scheme(id) {
                s.by_id.insert(scheme.id.clone(), s.list.len());
                s.list.push(scheme);
            }
        }
        s
    }

    pub(crate) fn index(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    pub(crate) fn get(&self, i: usize) -> Option<&Scheme> {
        self.list.get(i)
    }
}

/// A board's result before the quota.
#[derive(Debug, Clone)]
pub(crate) struct Rated {
    pub(crate) scheme: usize,
    pub(crate) rating: BoardRating,
    pub(crate) exceeded: u32,
}

/// Rates one board's evaluation.
pub(crate) fn rate_one(
    schemes: &Schemes,
    e: &BoardEvaluation,
    policy: &FrontPolicy,
    year: i32,
    warnings: &mut BTreeMap<String, u32>,
) -> Result<Rated, BoardNotRated> {
    let id = e.scheme.as_deref().unwrap_or(&policy.scheme);
    let Some(i) = schemes.index(id) else {
        *warnings.entry("front_unknown_scheme".into()).or_default() += 1;
        return Err(BoardNotRated::UnknownScheme);
    };
    let Some(scheme) = schemes.get(i) else {
        return Err(BoardNotRated::UnknownScheme);
    };
    if !scheme.applies_to(year) {
        *warnings
            .entry("front_scheme_out_of_period".into())
            .or_default() += 1;
    }
    let s = scheme.rate(e);
    let level = scheme
        .band(s.rank)
        .map_or_else(String::new, |b| b.code.clone());
    Ok(Rated {
        scheme: i,
        exceeded: e.tasks.map_or(0, |t| t.exceeded),
        rating: BoardRating {
            scheme: scheme.id.clone(),
            base: s.base,
            bonus: s.bonus,
            deducted: s.deducted,
            score: s.score,
            band_rank: s.band_rank,
            rank: s.rank,
            level,
            quota_demoted: false,
            missing: s.missing,
            self_score: e.self_score,
            findings: s.findings,
        },
    })
}

/// Applies each scheme's quota over its scope. `scope_of(i, scope)` gives the
/// commune or province position of the `i`-th rated board; `ids` its id.
pub(crate) fn apply_quotas(
    schemes: &Schemes,
    rated: &mut [(usize, Rated)],
    scope_of: impl Fn(usize, QuotaScope) -> Option<u32>,
    ids: impl Fn(usize) -> String,
) {
    let mut groups: BTreeMap<(usize, u32), Vec<usize>> = BTreeMap::new();
    for (k, (board, r)) in rated.iter().enumerate() {
        let Some(q) = schemes.get(r.scheme).and_then(|s| s.quota.as_ref()) else {
            continue;
        };
        if let Some(scope) = scope_of(*board, q.scope) {
            groups.entry((r.scheme, scope)).or_default().push(k);
        }
    }
    for ((scheme, _), members) in groups {
        let Some(s) = schemes.get(scheme) else {
            continue;
        };
        let Some(q) = &s.quota else { continue };
        let (Some(top), Some(rel)) = (s.rank_of(&q.top), s.rank_of(&q.relative_to)) else {
            continue;
        };
        let count = |rank: u8, rated: &[(usize, Rated)]| {
            members
                .iter()
                .filter(|&&k| rated.get(k).is_some_and(|(_, r)| r.rating.rank == rank))
                .count() as u64
        };
        // The candidates in the order they are demoted, sorted once: a
        // demotion changes no other board's key.
        let at_top = |k: usize, rated: &[(usize, Rated)]| {
            rated.get(k).is_some_and(|(_, r)| r.rating.rank == top)
        };
        let mut candidates: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&k| at_top(k, rated))
            .collect();
        candidates.sort_by_cached_key(|&k| {
            rated.get(k).map(|(b, r)| {
                let (score, exceeded) = (r.rating.score, r.exceeded);
                let key = match q.demotion_order {
                    DemotionOrder::LowestScoreFirst => (score, exceeded),
                    DemotionOrder::FewestExceededFirst => (exceeded, score),
                };
                (key, ids(*b))
            })
        });
        // At most one demotion per candidate: the loop is bounded by the group's size.
        for _ in 0..members.len() {
            let k_top = count(top, rated);
            let k_rel = count(rel, rated);
            let cap = u64::from(q.percent) * k_rel / 100;
            if k_top <= cap {
                break;
            }
            let Some(lowest) = candidates.iter().copied().find(|&k| at_top(k, rated)) else {
                break;
            };
            if let Some((_, r)) = rated.get_mut(lowest) {
                r.rating.findings.push(Finding::new(
                    &fr::QUOTA_DEMOTED,
                    Effect::Lowered,
                    &[
                        i64::from(top),
                        i64::try_from(cap).unwrap_or(i64::MAX),
                        i64::try_from(k_top).unwrap_or(i64::MAX),
                        i64::from(q.percent),
                    ],
                ));
                r.rating.rank = top.saturating_add(1).min(s.lowest_rank());
                r.rating.quota_demoted = true;
                r.rating.level = s
                    .band(r.rating.rank)
                    .map_or_else(String::new, |b| b.code.clone());
            }
        }
    }
}

/// The summary of a scheme for the report.
pub(crate) fn summary(s: &Scheme) -> SchemeSummary {
    SchemeSummary {
        id: s.id.clone(),
        title_vi: s.title_vi.clone(),
        title_en: s.title_en.clone(),
        source: s.source.clone(),
        status: s.status,
        illustrative: s.status.is_illustrative(),
        bands: s
            .bands
            .iter()
            .enumerate()
            .map(|(i, b)| BandSummary {
                rank: u8::try_from(i + 1).unwrap_or(u8::MAX),
                code: b.code.clone(),
                label_vi: b.label_vi.clone(),
                label_en: b.label_en.clone(),
                min: b.min,
                max: b.max,
            })
            .collect(),
    }
}

/// The year's evaluation of each board, by board id (the last record wins;
/// validation reports duplicates).
pub(crate) fn evaluations_of_year(
    graph: &OrgGraph,
    year: i32,
) -> FxHashMap<&str, &BoardEvaluation> {
    graph
        .dataset()
        .front
        .board_evaluations
        .iter()
        .filter(|e| e.year == year)
        .map(|e| (e.board.as_str(), e))
        .collect()
}
