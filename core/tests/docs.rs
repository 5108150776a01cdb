//! The pages of `docs/` against the code:
//!
//! - the example of `docs/dataset-format.md` loads and validates with no
//!   problem, and the page names every validation code and discretion point;
//! - the example of `docs/report-format.md` is the report of that dataset for
//!   2025 under the default policy, byte for byte (regenerate it with
//!   `XEPLOAI_BLESS=1 cargo test -p xeploai --test docs`), and the page names
//!   every rule of Quy định 366 and of the library, every effect, reason,
//!   discrepancy kind and warning;
//! - the example of `docs/policy.md` loads, and the page names every setting
//!   and every preset.

#![allow(
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers outside #[test] functions fail loudly"
)]

use serde_json::Value;
use xeploai::date::{parse_iso_date, Date};
use xeploai::graph::HeadLink;
use xeploai::org::StatusKind;
use xeploai::validate::{validate, ProblemKind, Severity};
use xeploai::{Dataset, OrgGraph, Policy, Report, Role, UnitKind};

const DOC: &str = include_str!("../../docs/dataset-format.md");
const REPORT_DOC: &str = include_str!("../../docs/report-format.md");
const POLICY_DOC: &str = include_str!("../../docs/policy.md");
const FRONT_DOC: &str = include_str!("../../docs/front.md");

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
            ProblemKind::OutOfRange {
                value: 301,
                min: 0,
                max: 300,
            },
            "out_of_range",
        ),
        (
            ProblemKind::InconsistentTasks {
                assigned: 3,
                on_time: 1,
                late: 1,
                not_done: 0,
                exceeded: 0,
            },
            "inconsistent_tasks",
        ),
        (
            ProblemKind::DuplicateRecord {
                subject: "p".into(),
                other: "evaluations[0]".into(),
            },
            "duplicate_record",
        ),
        (
            ProblemKind::UnknownCode {
                code: "x".into(),
                known: "mitigation".into(),
            },
            "unknown_code",
        ),
        (
            ProblemKind::ConcurrentHolders {
                role: Role::Secretary,
                other: "p".into(),
                other_path: "posts[0]".into(),
            },
            "concurrent_holders",
        ),
        (
            ProblemKind::CriteriaTotal {
                sum: 900,
                max_total: 1000,
            },
            "criteria_total",
        ),
        (
            ProblemKind::BandGap {
                band: "kha".into(),
                from: 791,
                to: 799,
            },
            "band_gap",
        ),
        (
            ProblemKind::BandOverlap {
                band: "kha".into(),
                other: "tot".into(),
                from: 800,
                to: 810,
            },
            "band_overlap",
        ),
        (
            ProblemKind::ReversedScores { min: 900, max: 800 },
            "reversed_scores",
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
        "ProblemKind::code changed: update this test and docs/dataset-format.md §12.1"
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
            "docs/dataset-format.md §12.1 has no row starting `{row}`"
        );
    }
}

/// Every discretion point of the library, in the table of decisions.
#[test]
fn every_discretion_point_is_documented() {
    for point in xeploai::outcome::DISCRETION_POINTS {
        let row = format!("| `{point}` |");
        assert!(
            DOC.contains(&row),
            "docs/dataset-format.md has no row starting `{row}`"
        );
        assert!(
            REPORT_DOC.contains(&row),
            "docs/report-format.md has no row starting `{row}`"
        );
    }
}

#[test]
fn example_has_rating_inputs() {
    let ds = example();
    let cells: Vec<&str> = ds
        .units
        .iter()
        .filter(|u| u.kind.holds_members())
        .map(|u| u.id.as_str())
        .collect();
    assert!(ds
        .evaluations
        .iter()
        .any(|e| cells.contains(&e.subject.as_str())));
    assert!(ds.evaluations.len() >= 4);
    assert!(!ds.disciplines.is_empty());
    assert!(!ds.decisions.is_empty());
}

// ---------------------------------------------------------------------------
// docs/report-format.md
// ---------------------------------------------------------------------------

fn bless() -> bool {
    std::env::var("XEPLOAI_BLESS").is_ok_and(|v| v == "1")
}

fn example_report() -> Report {
    xeploai::run::rate(&graph(), 2025, None, &Policy::default())
        .expect("the example is rated for 2025")
}

/// The widest line [`layout`] writes on one line, in characters.
const WIDTH: usize = 120;

/// A JSON value that keeps the order of an object's members as written
/// (`serde_json::Value` sorts them).
enum Json {
    Scalar(Value),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl<'de> serde::Deserialize<'de> for Json {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Json;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("JSON")
            }
            fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
                Ok(Json::Scalar(Value::Bool(v)))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
                Ok(Json::Scalar(Value::from(v)))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
                Ok(Json::Scalar(Value::from(v)))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
                Ok(Json::Scalar(Value::from(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Json, E> {
                Ok(Json::Scalar(Value::from(v)))
            }
            fn visit_unit<E>(self) -> Result<Json, E> {
                Ok(Json::Scalar(Value::Null))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut a: A) -> Result<Json, A::Error> {
                let mut out = Vec::new();
                while let Some(x) = a.next_element()? {
                    out.push(x);
                }
                Ok(Json::Array(out))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut a: A) -> Result<Json, A::Error> {
                let mut out = Vec::new();
                while let Some(kv) = a.next_entry()? {
                    out.push(kv);
                }
                Ok(Json::Object(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// JSON text laid out for reading, members in their order: a value whose
/// one-line form fits in [`WIDTH`] characters (indentation included) is written
/// on one line, with `": "` and `", "`; a larger object or array is written one
/// member per line.
fn layout(json: &str) -> String {
    let v: Json = serde_json::from_str(json).expect("JSON");
    let mut out = String::new();
    lay(&v, 0, 0, &mut out);
    out
}

fn one_line(v: &Json) -> String {
    match v {
        Json::Array(a) => format!(
            "[{}]",
            a.iter().map(one_line).collect::<Vec<_>>().join(", ")
        ),
        Json::Object(o) => format!(
            "{{{}}}",
            o.iter()
                .map(|(k, v)| format!("{}: {}", Value::String(k.clone()), one_line(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Json::Scalar(x) => x.to_string(),
    }
}

/// Writes `v` at `indent`, `used` characters of the line being already taken.
fn lay(v: &Json, indent: usize, used: usize, out: &mut String) {
    let flat = one_line(v);
    let members: Vec<(Option<&String>, &Json)> = match v {
        Json::Array(a) => a.iter().map(|x| (None, x)).collect(),
        Json::Object(o) => o.iter().map(|(k, x)| (Some(k), x)).collect(),
        Json::Scalar(_) => Vec::new(),
    };
    if members.is_empty() || used + flat.chars().count() <= WIDTH {
        out.push_str(&flat);
        return;
    }
    let pad = " ".repeat(indent + 2);
    let (open, close) = if matches!(v, Json::Array(_)) {
        ('[', ']')
    } else {
        ('{', '}')
    };
    out.push(open);
    out.push('\n');
    let last = members.len().saturating_sub(1);
    for (i, (key, x)) in members.into_iter().enumerate() {
        out.push_str(&pad);
        let mut used = pad.len();
        if let Some(k) = key {
            let k = format!("{}: ", Value::String(k.clone()));
            used += k.chars().count();
            out.push_str(&k);
        }
        // Leave room for the comma.
        lay(x, indent + 2, used + 1, out);
        if i != last {
            out.push(',');
        }
        out.push('\n');
    }
    out.push_str(&" ".repeat(indent));
    out.push(close);
}

fn one_line_value(v: &Value) -> String {
    one_line(&serde_json::from_value::<Json>(v.clone()).expect("JSON"))
}

/// The first ```json block of `doc`, with its byte range.
fn first_json_block_range(doc: &str) -> (usize, usize) {
    let start = doc.find("```json\n").expect("the page has a ```json block") + "```json\n".len();
    let end = start
        + doc
            .get(start..)
            .and_then(|r| r.find("\n```"))
            .expect("the ```json block is closed");
    (start, end)
}

#[test]
fn report_example_is_the_report_of_the_dataset_example() {
    let report = example_report();
    let fresh = layout(&report.to_json());
    let (start, end) = first_json_block_range(REPORT_DOC);
    if bless() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/report-format.md");
        let doc = std::fs::read_to_string(&path).expect("read docs/report-format.md");
        let (start, end) = first_json_block_range(&doc);
        let new = format!(
            "{}{fresh}{}",
            doc.get(..start).unwrap_or_default(),
            doc.get(end..).unwrap_or_default()
        );
        std::fs::write(&path, new).expect("write docs/report-format.md");
        return;
    }
    let block = REPORT_DOC.get(start..end).unwrap_or_default();
    if block != fresh {
        let at = block
            .lines()
            .zip(fresh.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| block.lines().count().min(fresh.lines().count()));
        panic!(
            "the example of docs/report-format.md is not the report of the example of \
             docs/dataset-format.md (2025, default policy).\nfirst difference at line {} of the block:\n  \
             page:      {}\n  generated: {}\nRegenerate it with\n    \
             XEPLOAI_BLESS=1 cargo test -p xeploai --test docs\nthen review `git diff docs/`.",
            at + 1,
            block.lines().nth(at).unwrap_or("<end>"),
            fresh.lines().nth(at).unwrap_or("<end>"),
        );
    }
    // A reader gets the same report back, and writes the same bytes.
    let read = Report::from_json(block).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(read, report);
    assert_eq!(read.to_json(), report.to_json());
}

#[test]
fn report_example_shows_every_shape_the_page_describes() {
    let r = example_report();
    let status = |s: &str| {
        r.outcomes
            .iter()
            .filter(|o| {
                serde_json::to_value(o.outcome())
                    .ok()
                    .is_some_and(|v| v["status"] == s)
            })
            .count()
    };
    assert!(status("rated") > 0 && status("not_rated") > 0);
    assert!(r.quotas.iter().any(|q| !q.demoted.is_empty()));
    assert!(r.discretion.iter().any(|d| d.decided.is_some()));
    assert!(r.discretion.iter().any(|d| d.decided.is_none()));
    assert!(!r.discrepancies.is_empty());
    assert!(!r.warnings.is_empty());
    assert!(r.total.members.on_roll > r.total.members.rated);
}

#[test]
fn reports_are_deterministic_and_sorted() {
    let text = first_json_block(DOC);
    let once = || {
        let g = OrgGraph::build(Dataset::from_json_str(text).expect("loads")).expect("valid");
        xeploai::run::rate(&g, 2025, None, &Policy::default())
            .expect("rated")
            .to_json()
    };
    let first = once();
    for _ in 0..5 {
        assert_eq!(
            once(),
            first,
            "the same dataset and policy give the same bytes"
        );
    }
    let r = example_report();
    let keys: Vec<_> = r
        .outcomes
        .iter()
        .map(|o| (o.kind(), o.subject().to_owned()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "outcomes are sorted by kind, then id");
}

/// The warning codes the run writes (`WARNING_CODES`, `warnings.insert("…"`).
fn warning_codes() -> Vec<String> {
    let source = include_str!("../src/run.rs");
    let mut codes = Vec::new();
    let listed = source
        .split("const WARNING_CODES")
        .nth(1)
        .and_then(|rest| rest.split("];").next())
        .expect("run.rs lists WARNING_CODES");
    for code in listed.split('"').skip(1).step_by(2) {
        codes.push(code.to_owned());
    }
    for marker in [".entry(\"", "warnings.insert(\""] {
        for part in source.split(marker).skip(1) {
            if let Some(code) = part.split('"').next() {
                if !codes.iter().any(|c| c == code) {
                    codes.push(code.to_owned());
                }
            }
        }
    }
    assert!(codes.iter().any(|c| c == "no_evaluation"), "{codes:?}");
    codes
}

fn name_of<T: serde::Serialize>(x: T) -> String {
    serde_json::to_value(x)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .expect("a snake_case name")
}

/// The row of the rule table of docs/report-format.md for a rule.
fn rule_row(r: &xeploai::explain::RuleDef) -> String {
    let values = if r.values.is_empty() {
        "–".to_owned()
    } else {
        r.values
            .iter()
            .map(|v| format!("`{v}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!(
        "| `{}` | {} | {} | {values} |",
        r.id,
        r.citation.text(xeploai::Lang::Vi),
        name_of(r.tag)
    )
}

#[test]
fn report_page_names_every_rule_and_code() {
    use xeploai::explain::Effect;
    use xeploai::outcome::NotRatedReason;
    let mut missing = Vec::new();
    let mut need = |row: String| {
        if !REPORT_DOC.contains(&row) {
            missing.push(row);
        }
    };
    for r in xeploai::rules::qd366::RULES
        .iter()
        .chain(xeploai::rules::common::RULES)
        .chain(xeploai::front::rules::RULES)
    {
        need(rule_row(r));
    }
    for e in [
        Effect::Decided,
        Effect::Lowered,
        Effect::Met,
        Effect::Excluded,
        Effect::Noted,
    ] {
        need(format!("| `{}` |", name_of(e)));
    }
    for r in [
        NotRatedReason::Exempt,
        NotRatedReason::Suspended,
        NotRatedReason::AdmittedUnderSixMonths,
        NotRatedReason::NewOrganisation,
        NotRatedReason::NoEvaluation,
        NotRatedReason::MissingInputs,
    ] {
        need(format!("| `{}` |", r.as_str()));
    }
    for kind in ["above_allowed", "below_allowed", "not_rated"] {
        need(format!("| `{kind}` |"));
    }
    for code in warning_codes() {
        need(format!("| `{code}` |"));
    }
    assert!(
        missing.is_empty(),
        "docs/report-format.md has no row starting:\n  {}",
        missing.join("\n  ")
    );
}

// ---------------------------------------------------------------------------
// docs/policy.md
// ---------------------------------------------------------------------------

#[test]
fn policy_example_loads() {
    let text = first_json_block(POLICY_DOC);
    let p = Policy::from_json(text)
        .unwrap_or_else(|e| panic!("the example of docs/policy.md does not load: {e}"));
    assert_ne!(p, Policy::default(), "the example changes some settings");
    // The page's full default policy (the second ```json block) is the library's.
    let rest = POLICY_DOC
        .get(POLICY_DOC.find(text).unwrap_or(0) + text.len()..)
        .unwrap_or_default();
    let defaults = Policy::from_json(first_json_block(rest)).expect("the defaults load");
    assert_eq!(defaults, Policy::default());
    let as_written: Value = serde_json::from_str(first_json_block(rest)).expect("JSON");
    let library: Value = serde_json::from_str(&Policy::default().to_json()).expect("JSON");
    assert_eq!(
        as_written, library,
        "every setting, as `Policy::to_json` writes it"
    );
}

#[test]
fn policy_page_names_every_setting_and_preset() {
    let defaults = serde_json::to_value(Policy::default()).expect("serialises");
    let Value::Object(defaults) = defaults else {
        panic!("a policy is an object")
    };
    for (name, value) in &defaults {
        let row = format!("| `{name}` | `{}` |", one_line_value(value));
        assert!(
            POLICY_DOC.contains(&row),
            "docs/policy.md has no row starting `{row}`"
        );
    }
    for preset in xeploai::policy::PRESETS {
        let p = serde_json::to_value(Policy::preset(preset).expect("a preset")).expect("JSON");
        let mut changes: Vec<String> = defaults
            .iter()
            .filter(|(k, v)| *k != "name" && p.get(k.as_str()) != Some(v))
            .map(|(k, _)| format!("`{k}`: `{}`", one_line_value(&p[k.as_str()])))
            .collect();
        // The Front settings appear only when they differ: named one by one.
        if let Some(Value::Object(front)) = p.get("front") {
            let base = serde_json::to_value(xeploai::front::FrontPolicy::default()).expect("JSON");
            for (k, v) in front {
                if base.get(k.as_str()) != Some(v) {
                    changes.push(format!("`front.{k}`"));
                }
            }
        }
        let row = format!("| `{preset}` | {} |", {
            if changes.is_empty() {
                "–".to_owned()
            } else {
                changes.join(", ")
            }
        });
        assert!(
            POLICY_DOC.contains(&row),
            "docs/policy.md has no row starting `{row}`"
        );
    }
}

// ---------------------------------------------------------------------------
// Links between the pages
// ---------------------------------------------------------------------------

/// The anchor GitHub gives a heading: lowercase, spaces to `-`, punctuation
/// other than `-` and `_` dropped.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

fn anchors(doc: &str) -> Vec<String> {
    let mut in_code = false;
    let mut out = Vec::new();
    for line in doc.lines() {
        if line.starts_with("```") {
            in_code = !in_code;
        } else if !in_code && line.starts_with('#') {
            out.push(slug(line.trim_start_matches('#')));
        }
    }
    out
}

/// docs/front.md names every Front rule, preset scheme and metric, and every
/// Front setting of the policy.
#[test]
fn front_page_names_every_rule_scheme_metric_and_setting() {
    let mut missing = Vec::new();
    for r in xeploai::front::rules::RULES {
        if !FRONT_DOC.contains(&format!("`{}`", r.id)) {
            missing.push(r.id.to_owned());
        }
    }
    for s in xeploai::front::presets::SCHEMES {
        if !FRONT_DOC.contains(&format!("| `{s}` |")) {
            missing.push((*s).to_owned());
        }
    }
    for m in xeploai::front::settings::Metric::ALL {
        if !FRONT_DOC.contains(&format!("`{}`", m.as_str())) {
            missing.push(m.as_str().to_owned());
        }
    }
    let settings = serde_json::to_value(xeploai::front::FrontPolicy::default()).expect("JSON");
    for k in settings.as_object().expect("an object").keys() {
        if !POLICY_DOC.contains(&format!("`front.{k}`")) {
            missing.push(format!("front.{k} (policy.md)"));
        }
    }
    assert!(
        missing.is_empty(),
        "docs/front.md or policy.md misses: {missing:?}"
    );
}

#[test]
fn links_between_the_pages_resolve() {
    let pages = [
        ("dataset-format.md", DOC),
        ("report-format.md", REPORT_DOC),
        ("policy.md", POLICY_DOC),
        ("front.md", FRONT_DOC),
    ];
    let mut broken = Vec::new();
    for (name, doc) in pages {
        for part in doc.split("](").skip(1) {
            let Some(target) = part.split(')').next() else {
                continue;
            };
            if target.starts_with("http") || target.starts_with("../") {
                continue;
            }
            let (file, anchor) = target.split_once('#').unwrap_or((target, ""));
            let page = if file.is_empty() {
                Some(doc)
            } else {
                pages.iter().find(|(n, _)| *n == file).map(|(_, d)| *d)
            };
            match page {
                None => broken.push(format!("{name}: ({target}): no such page")),
                Some(p) if !anchor.is_empty() && !anchors(p).iter().any(|a| a == anchor) => {
                    broken.push(format!("{name}: ({target}): no such heading"));
                }
                Some(_) => {}
            }
        }
    }
    assert!(
        broken.is_empty(),
        "broken links:\n  {}",
        broken.join("\n  ")
    );
}
