//! Property tests of the Front side: a higher criterion score never lowers a
//! board's level (whatever the scheme's gates and the facts); indicator
//! numerators never exceed their denominators for share metrics; roll-ups
//! equal the sums of their parts.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "tests fail loudly"
)]

use proptest::prelude::*;
use std::collections::BTreeMap;
use xeploai::evaluation::Tasks;
use xeploai::front::data::BoardEvaluation;
use xeploai::front::presets;
use xeploai::front::report::RollupScope;
use xeploai::synth::{generate, Spec};
use xeploai::{OrgGraph, Policy};

fn eval(scores: BTreeMap<String, u32>, tasks: Tasks, disciplined: u32) -> BoardEvaluation {
    BoardEvaluation {
        board: "b".into(),
        year: 2025,
        scheme: None,
        scores,
        bonus: 0,
        deductions: Vec::new(),
        vetoes: Vec::new(),
        tasks: Some(tasks),
        disciplined_members: disciplined,
        facts: BTreeMap::new(),
        self_score: None,
        assessor: None,
    }
}

fn tasks() -> impl Strategy<Value = Tasks> {
    (1u32..20, 0u32..20, 0u32..20, 0u32..20).prop_map(|(assigned, a, b, c)| {
        let on_time = a.min(assigned);
        let late = b.min(assigned - on_time);
        Tasks {
            assigned,
            on_time,
            late,
            exceeded: c.min(on_time),
            not_done: assigned - on_time - late,
        }
    })
}

proptest! {
    #[test]
    fn a_higher_criterion_score_never_lowers_the_level(
        scheme in prop::sample::select(presets::SCHEMES.to_vec()),
        raw in prop::collection::vec(0u32..1200, 8),
        which in 0usize..8,
        more in 1u32..400,
        t in tasks(),
        disciplined in 0u32..2,
    ) {
        let s = presets::scheme(scheme).unwrap();
        let mut scores: BTreeMap<String, u32> = s
            .criteria
            .iter()
            .zip(&raw)
            .map(|(c, v)| (c.code.clone(), *v % (c.max + 50)))
            .collect();
        let before = s.rate(&eval(scores.clone(), t, disciplined));
        let code = s.criteria[which % s.criteria.len()].code.clone();
        *scores.get_mut(&code).unwrap() += more;
        let after = s.rate(&eval(scores, t, disciplined));
        prop_assert!(after.score >= before.score);
        // Rank 1 is the best: a higher score never gives a larger rank number.
        prop_assert!(after.rank <= before.rank, "{} → {}: rank {} → {}", before.score, after.score, before.rank, after.rank);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]
    #[test]
    fn indicators_are_consistent_on_generated_provinces(seed in 0u64..10_000) {
        let spec = Spec {
            seed,
            communes: 3,
            areas_per_commune: 6,
            members_per_residential_cell: 12,
            other_cells_per_commune: 1,
            members_per_other_cell: 6,
            agency_organisations_per_province: 1,
            sample_extras: false,
            evaluation_years: &[2025],
            ..Spec::sample()
        };
        let g = OrgGraph::build(generate(&spec)).unwrap();
        let f = xeploai::front::rate(&g, 2025, &Policy::default()).unwrap();
        let mut totals = 0;
        for row in &f.indicators {
            if !row.metric.is_count() {
                prop_assert!(row.numerator <= row.denominator, "{row:?}");
            }
            if row.scope != RollupScope::Total {
                continue;
            }
            totals += 1;
            let parts = |scope| {
                f.indicators
                    .iter()
                    .filter(|r| r.metric == row.metric && r.scope == scope)
                    .fold((0u32, 0u64, 0u64), |a, r| (a.0 + r.units, a.1 + r.numerator, a.2 + r.denominator))
            };
            // Every unit of the generated province belongs to the province.
            prop_assert_eq!(parts(RollupScope::Province), (row.units, row.numerator, row.denominator));
            // Units outside any commune (the province's own committee) are in no commune row.
            let c = parts(RollupScope::Commune);
            prop_assert!(c.0 <= row.units && c.1 <= row.numerator && c.2 <= row.denominator);
        }
        prop_assert!(totals >= 10, "{totals} metrics");
        // Targets: met + missed = evaluated.
        for t in &f.targets {
            prop_assert_eq!(t.met as usize + t.missed.len(), t.evaluated as usize);
        }
        // Per commune, the boards by rank add up to those rated.
        for c in &f.communes {
            prop_assert_eq!(c.by_rank.iter().map(|r| r.boards).sum::<u32>(), c.rated);
        }
    }
}
