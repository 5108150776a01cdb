//! The example of `docs/dataset-format.md` loads and validates with no problem,
//! and the page names every validation code.

#![allow(
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers outside #[test] functions fail loudly"
)]

use xeploai::date::{parse_iso_date, Date};
use xeploai::graph::HeadLink;
use xeploai::org::StatusKind;
use xeploai::validate::{validate, ProblemKind, Severity};
use xeploai::{Dataset, OrgGraph, Role, UnitKind};

const DOC: &str = include_str!("../../docs/dataset-format.md");

/// The first ```json block of the page.
fn first_json_block(doc: &str) -> &str {
    let start = doc.find("```json\n").expect("the page has a ```json block") + "```json\n".len();
    let rest = doc.get(start..).unwrap_or_default();
    let end = rest.find("\n```").expect("the ```json block is closed");
    rest.get(..end).unwrap_or_default()
}

fn day(s: &str) -> Date {
    parse_iso_date(s).expect("a valid date")
}

fn example() -> Dataset {
    Dataset::from_json_str(first_json_block(DOC))
        .unwrap_or_else(|e| panic!("the example of docs/dataset-format.md does not load: {e}"))
}

fn graph() -> OrgGraph {
    OrgGraph::build(example())
        .unwrap_or_else(|e| panic!("the example of docs/dataset-format.md is invalid: {e}"))
}

#[test]
fn example_loads_and_validates_without_any_problem() {
    let ds = example();
    let report = validate(&ds);
    assert!(
        report.problems().is_empty(),
        "the example of docs/dataset-format.md has problems:\n{report}"
    );
    let g = graph();
    assert!(g.warnings().problems().is_empty());
}

#[test]
fn example_is_nfc_and_round_trips() {
    let text = first_json_block(DOC);
    assert!(
        unicode_normalization::is_nfc(text),
        "the example must be written in NFC"
    );
    let ds = example();
    assert_eq!(Dataset::from_json_str(&ds.to_json()).ok(), Some(ds));
}

#[test]
fn example_commune_is_reparented_by_the_reform() {
    let g = graph();
    let parent = |id: &str, d: &str| g.parent(id, day(d)).map(|u| u.id.clone());
    // The old commune is under the district until the district is dissolved.
    assert_eq!(parent("x.tanhoa", "2025-06-30").as_deref(), Some("h.phuan"));
    assert_eq!(parent("x.tanhoa", "2025-07-01"), None);
    assert!(!g.exists("h.phuan", day("2025-07-01")));
    // The new commune exists from 1 July 2025, directly under the province.
    assert_eq!(parent("x.phuan", "2025-06-30"), None);
    assert_eq!(
        parent("x.phuan", "2025-07-01").as_deref(),
        Some("t.dongthap")
    );
    let phu_an = g.unit("x.phuan").expect("the new commune");
    assert_eq!(phu_an.predecessors, ["x.tanhoa", "x.tanbinh"]);
    // The ấp and its cell move on 1 July 2025.
    assert_eq!(
        parent("a.hoaloi", "2025-06-30").as_deref(),
        Some("x.tanhoa")
    );
    assert_eq!(parent("a.hoaloi", "2025-07-01").as_deref(), Some("x.phuan"));
    let chain = |id: &str, d: &str| -> Vec<String> {
        g.ancestors(id, day(d))
            .iter()
            .map(|u| u.id.clone())
            .collect()
    };
    assert_eq!(
        chain("cb.hoaloi", "2025-06-30"),
        ["d.x.tanhoa", "d.h.phuan", "d.dongthap"]
    );
    assert_eq!(
        chain("cb.hoaloi", "2025-07-01"),
        ["d.x.phuan", "d.dongthap"]
    );
    assert_eq!(
        g.children_of_kind("t.dongthap", UnitKind::Commune, day("2025-12-31"))
            .iter()
            .map(|u| u.id.as_str())
            .collect::<Vec<_>>(),
        ["x.phuan"]
    );
    assert_eq!(
        g.commune_of("cb.hoaloi", day("2025-12-31"))
            .map(|u| u.id.as_str()),
        Some("x.phuan")
    );
}

#[test]
fn example_board_head_is_the_cells_deputy_secretary() {
    let g = graph();
    let d = day("2025-12-31");
    assert_eq!(
        g.cells_of_area("a.hoaloi", d)
            .iter()
            .map(|u| u.id.as_str())
            .collect::<Vec<_>>(),
        ["cb.hoaloi"]
    );
    match g.board_head_link("a.hoaloi", d) {
        HeadLink::Yes { head, cell } => {
            assert_eq!(head.id, "p02");
            assert_eq!(head.name, "Trần Thị Mai");
            assert_eq!(cell.id, "cb.hoaloi");
        }
        other => panic!("expected HeadLink::Yes, got {other:?}"),
    }
    // The board is recorded from 1 July 2025 only.
    assert_eq!(
        g.board_head_link("a.hoaloi", day("2025-06-30")),
        HeadLink::NoBoard
    );
    assert_eq!(
        g.holders("cb.hoaloi", Role::Secretary, d)
            .iter()
            .map(|p| p.id.as_str())
            .collect::<Vec<_>>(),
        ["p01"]
    );
}

#[test]
fn example_memberships() {
    let g = graph();
    let ds = g.dataset();
    assert!(ds.people.len() >= 4);
    let has_status = |kind: StatusKind| {
        ds.memberships
            .iter()
            .any(|m| m.statuses.iter().any(|s| s.kind == kind))
    };
    assert!(has_status(StatusKind::Exempt));
    assert!(has_status(StatusKind::TemporaryElsewhere));
    let d = day("2025-12-31");
    let probationary = g.membership_of("p04", d).expect("p04 is a member");
    assert!(probationary.probationary && !probationary.is_full_member(d));
    // Rated on 31 December 2025: not the exempt member, not the one admitted in September.
    let rated: Vec<&str> = g
        .rated_members("cb.hoaloi", d)
        .iter()
        .map(|m| m.person.as_str())
        .collect();
    assert_eq!(rated, ["p01", "p02", "p09"]);
    // The temporary member is rated at the official cell.
    assert_eq!(
        g.membership_of("p05", d).map(|m| m.cell.as_str()),
        Some("cb.ubnd.phuan")
    );
    assert_eq!(g.residents_of_cell("cb.hoaloi", d).len(), 1);
}

/// Every code of `ProblemKind::code`, with its severity.
fn all_kinds() -> Vec<(ProblemKind, &'static str)> {
    let d = day("2025-07-01");
    let period = xeploai::date::Period::always();
    vec![
        (
            ProblemKind::DuplicateId {
                id: "x".into(),
                first: "units[0]".into(),
            },
            "duplicate_id",
        ),
        (ProblemKind::EmptyId, "empty_id"),
        (
            ProblemKind::DanglingReference {
                target: "x".into(),
                expected: "unit",
            },
            "dangling_reference",
        ),
        (
            ProblemKind::WrongKind {
                target: "x".into(),
                found: UnitKind::Commune,
                expected: "`cell`".into(),
            },
            "wrong_kind",
        ),
        (
            ProblemKind::DisallowedParent {
                kind: UnitKind::Cell,
                parent: "x".into(),
                parent_kind: UnitKind::Province,
            },
            "disallowed_parent",
        ),
        (
            ProblemKind::Cycle {
                units: vec!["a".into(), "b".into()],
                on: None,
            },
            "cycle",
        ),
        (
            ProblemKind::ReversedRange { from: d, to: d },
            "reversed_range",
        ),
        (
            ProblemKind::OverlappingRanges {
                subject: "x".into(),
                other: "y".into(),
            },
            "overlapping_ranges",
        ),
        (
            ProblemKind::OutsideLifetime {
                unit: "x".into(),
                period,
                lifetime: period,
            },
            "outside_lifetime",
        ),
        (
            ProblemKind::MissingParent {
                kind: UnitKind::Cell,
            },
            "missing_parent",
        ),
        (ProblemKind::ParentAndParents, "parent_and_parents"),
        (
            ProblemKind::RoleNotAllowed {
                role: Role::BoardHead,
                kind: UnitKind::Cell,
            },
            "role_not_allowed",
        ),
        (
            ProblemKind::FieldNotApplicable {
                field: "level",
                kind: "cell".into(),
            },
            "field_not_applicable",
        ),
        (ProblemKind::MissingLevel, "missing_level"),
        (
            ProblemKind::TooFewFullMembers { full: 2, as_of: d },
            "too_few_full_members",
        ),
        (
            ProblemKind::ConcurrentHolders {
                role: Role::Secretary,
                other: "p".into(),
                other_path: "posts[0]".into(),
            },
            "concurrent_holders",
        ),
    ]
}

#[test]
fn every_problem_code_is_documented() {
    let kinds = all_kinds();
    // The list above is complete: it has every code `ProblemKind::code` returns.
    let source = include_str!("../src/validate.rs");
    let body_start = source
        .find("pub const fn code(&self)")
        .expect("ProblemKind::code in validate.rs");
    let body = source.get(body_start..).unwrap_or_default();
    let body = body
        .get(..body.find("\n    }\n").unwrap_or(body.len()))
        .unwrap_or_default();
    let mut in_source: Vec<&str> = body
        .split("=> \"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    let mut listed: Vec<&str> = kinds.iter().map(|(_, c)| *c).collect();
    in_source.sort_unstable();
    listed.sort_unstable();
    assert_eq!(
        in_source, listed,
        "ProblemKind::code changed: update this test and docs/dataset-format.md §11.1"
    );
    for (kind, code) in &kinds {
        assert_eq!(kind.code(), *code);
        let severity = match kind.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let row = format!("| `{code}` | {severity} |");
        assert!(
            DOC.contains(&row),
            "docs/dataset-format.md §11.1 has no row starting `{row}`"
        );
    }
}
