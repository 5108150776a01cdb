//! One small bad dataset per problem kind of `validate::ProblemKind`, each
//! checked for its code, severity, record, path, field and messages; then a
//! dataset with many errors at once, and `OrgGraph::build` on a bad dataset.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "tests fail loudly"
)]

use xeploai::date::parse_iso_date;
use xeploai::validate::{validate, validate_with, ProblemKind, Severity, ValidateOptions};
use xeploai::{Dataset, Lang, OrgGraph, Problem, UnitKind, ValidationReport};

// ---------------------------------------------------------------------------
// Building the datasets
// ---------------------------------------------------------------------------

/// A dataset assembled from JSON fragments, one per record.
#[derive(Debug, Clone, Default)]
struct Doc {
    units: Vec<String>,
    people: Vec<String>,
    memberships: Vec<String>,
    posts: Vec<String>,
    residence: Vec<String>,
}

/// The valid base: units[0..6] = T, X, A, PC, G, C; people[0..3] = p1, p2, p3;
/// memberships[0..3] = p1, p2, p3 in C (full members since 2001).
const BASE_UNITS: [&str; 6] = [
    r#"{"id":"T","kind":"province","name":"Tỉnh Đồng Tháp"}"#,
    r#"{"id":"X","kind":"commune","name":"Xã Tân Hòa","parent":"T"}"#,
    r#"{"id":"A","kind":"residential_area","name":"Ấp Tân Hòa","local_name":"ấp","parent":"X"}"#,
    r#"{"id":"PC","kind":"province_committee","name":"Đảng bộ tỉnh Đồng Tháp","area":"T"}"#,
    r#"{"id":"G","kind":"grassroots_committee","name":"Đảng bộ xã Tân Hòa","parent":"PC","area":"X"}"#,
    r#"{"id":"C","kind":"cell","name":"Chi bộ ấp Tân Hòa","parent":"G","area":"A","cell_type":"residential"}"#,
];
const BASE_PEOPLE: [&str; 3] = [
    r#"{"id":"p1","name":"Nguyễn Thị Hồng","gender":"female"}"#,
    r#"{"id":"p2","name":"Trần Văn Hải"}"#,
    r#"{"id":"p3","name":"Lê Minh Tâm","born":"1960-05-19"}"#,
];
const BASE_MEMBERSHIPS: [&str; 3] = [
    r#"{"person":"p1","cell":"C","admitted_on":"2000-01-01","full_on":"2001-01-01","category":"leader"}"#,
    r#"{"person":"p2","cell":"C","admitted_on":"2000-01-01","full_on":"2001-01-01","category":"non_leader"}"#,
    r#"{"person":"p3","cell":"C","admitted_on":"2000-01-01","full_on":"2001-01-01","category":"outside_system"}"#,
];

impl Doc {
    fn base() -> Self {
        Self {
            units: BASE_UNITS.iter().map(|s| (*s).to_owned()).collect(),
            people: BASE_PEOPLE.iter().map(|s| (*s).to_owned()).collect(),
            memberships: BASE_MEMBERSHIPS.iter().map(|s| (*s).to_owned()).collect(),
            ..Self::default()
        }
    }
    fn unit(mut self, json: &str) -> Self {
        self.units.push(json.to_owned());
        self
    }
    fn person(mut self, json: &str) -> Self {
        self.people.push(json.to_owned());
        self
    }
    fn membership(mut self, json: &str) -> Self {
        self.memberships.push(json.to_owned());
        self
    }
    fn post(mut self, json: &str) -> Self {
        self.posts.push(json.to_owned());
        self
    }
    fn residence(mut self, json: &str) -> Self {
        self.residence.push(json.to_owned());
        self
    }
    /// A fourth person `p4`, for memberships that must not clash with p1..p3.
    fn p4(self) -> Self {
        self.person(r#"{"id":"p4","name":"Phạm Thị Ánh"}"#)
    }
    fn json(&self) -> String {
        let arr = |name: &str, items: &[String]| format!(r#""{name}":[{}]"#, items.join(",\n"));
        format!(
            "{{\"format\":\"xeploai-dataset/1\",\n{},\n{},\n{},\n{},\n{}}}",
            arr("units", &self.units),
            arr("people", &self.people),
            arr("memberships", &self.memberships),
            arr("posts", &self.posts),
            arr("residence", &self.residence),
        )
    }
    fn load(&self) -> Dataset {
        let text = self.json();
        Dataset::from_json_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"))
    }
    fn report(&self) -> ValidationReport {
        validate(&self.load())
    }
}

fn day(s: &str) -> xeploai::date::Date {
    parse_iso_date(s).unwrap_or_else(|| panic!("bad test date {s}"))
}

// ---------------------------------------------------------------------------
// Checking the problems
// ---------------------------------------------------------------------------

/// (code, path) of every error, in report order.
fn errors(r: &ValidationReport) -> Vec<(String, String)> {
    r.errors()
        .map(|p| (p.code().to_owned(), p.path()))
        .collect()
}

/// (code, path) of every warning, in report order.
fn warnings(r: &ValidationReport) -> Vec<(String, String)> {
    r.warnings()
        .map(|p| (p.code().to_owned(), p.path()))
        .collect()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(c, p)| ((*c).to_owned(), (*p).to_owned()))
        .collect()
}

/// The one problem with this code; fails if there are none or several.
fn single<'r>(r: &'r ValidationReport, code: &str) -> &'r Problem {
    let found: Vec<&Problem> = r.problems().iter().filter(|p| p.code() == code).collect();
    assert_eq!(found.len(), 1, "expected one `{code}`, got:\n{r}");
    found[0]
}

/// What one problem must look like.
struct Expect<'a> {
    code: &'a str,
    severity: Severity,
    record: &'a str,
    path: &'a str,
    field: &'a str,
    /// Strings that both the English and the Vietnamese message of the kind must contain.
    names: &'a [&'a str],
}

#[track_caller]
fn check(p: &Problem, e: &Expect<'_>) {
    assert_eq!(p.code(), e.code, "{p}");
    assert_eq!(p.kind().code(), e.code, "{p}");
    assert_eq!(p.severity(), e.severity, "{p}");
    assert_eq!(p.kind().severity(), e.severity, "{p}");
    assert_eq!(p.record(), e.record, "{p}");
    assert_eq!(p.path(), e.path, "{p}");
    assert_eq!(p.field(), e.field, "{p}");
    let prefix = format!("{}[{}]", p.collection().as_str(), p.index());
    assert!(e.path.starts_with(&prefix), "{p}: {prefix}");

    let en = p.kind().message(Lang::En);
    let vi = p.kind().message(Lang::Vi);
    assert_ne!(en, vi, "the Vietnamese message is not translated: {p}");
    assert_eq!(en, p.kind().to_string());
    for name in e.names {
        assert!(en.contains(name), "English message {en:?} lacks {name:?}");
        assert!(
            vi.contains(name),
            "Vietnamese message {vi:?} lacks {name:?}"
        );
    }
    // The one-line forms name the path and the record (its id) in both languages.
    let full_en = p.describe(Lang::En);
    let full_vi = p.describe(Lang::Vi);
    let (sev_en, sev_vi) = match e.severity {
        Severity::Error => ("error: ", "lỗi: "),
        Severity::Warning => ("warning: ", "cảnh báo: "),
    };
    assert!(full_en.starts_with(sev_en), "{full_en}");
    assert!(full_vi.starts_with(sev_vi), "{full_vi}");
    let rec = format!("(`{}`)", e.record);
    for full in [&full_en, &full_vi] {
        assert!(full.contains(e.path), "{full}");
        assert!(full.contains(&rec), "{full} lacks {rec}");
    }
    assert!(full_en.ends_with(&en), "{full_en}");
    assert!(full_vi.ends_with(&vi), "{full_vi}");
    assert_eq!(p.to_string(), full_en);
}

/// Checks that the report holds exactly one error, described by `e`.
#[track_caller]
fn only_error(r: &ValidationReport, e: &Expect<'_>) {
    assert_eq!(errors(r), pairs(&[(e.code, e.path)]), "report:\n{r}");
    check(single(r, e.code), e);
}

const ERR: Severity = Severity::Error;
const WARN: Severity = Severity::Warning;

// ---------------------------------------------------------------------------
// The base
// ---------------------------------------------------------------------------

#[test]
fn the_base_dataset_is_valid_and_has_no_warning() {
    let doc = Doc::base()
        .post(r#"{"person":"p1","unit":"C","role":"secretary"}"#)
        .residence(r#"{"person":"p2","cell":"C","area":"A"}"#);
    let r = doc.report();
    assert!(r.problems().is_empty(), "{r}");
    assert!(r.is_ok());
    assert_eq!(r.error_count(), 0);
    let g = OrgGraph::build(doc.load()).unwrap();
    assert!(g.warnings().problems().is_empty());
}

// ---------------------------------------------------------------------------
// duplicate_id, empty_id
// ---------------------------------------------------------------------------

#[test]
fn duplicate_unit_id() {
    let r = Doc::base()
        .unit(r#"{"id":"A","kind":"residential_area","name":"Ấp Tân Hòa B","parent":"X"}"#)
        .report();
    only_error(
        &r,
        &Expect {
            code: "duplicate_id",
            severity: ERR,
            record: "A",
            path: "units[6].id",
            field: "id",
            names: &["`A`", "units[2]"],
        },
    );
    assert_eq!(
        r.problems()[0].kind(),
        &ProblemKind::DuplicateId {
            id: "A".into(),
            first: "units[2]".into()
        }
    );
}

#[test]
fn duplicate_person_id() {
    let r = Doc::base()
        .person(r#"{"id":"p2","name":"Trần Văn Hải (trùng)"}"#)
        .report();
    only_error(
        &r,
        &Expect {
            code: "duplicate_id",
            severity: ERR,
            record: "p2",
            path: "people[3].id",
            field: "id",
            names: &["`p2`", "people[1]"],
        },
    );
}

#[test]
fn ids_are_compared_exactly() {
    // Same letters, different case or normalisation: not duplicates.
    let r = Doc::base()
        .unit(r#"{"id":"a","kind":"residential_area","name":"Ấp a","parent":"X"}"#)
        .person(r#"{"id":"P1","name":"Hoa"}"#)
        .person("{\"id\":\"h\u{f2}a\",\"name\":\"H\u{f2}a\"}")
        .person("{\"id\":\"ho\u{300}a\",\"name\":\"Ho\u{300}a\"}")
        .report();
    assert!(r.problems().is_empty(), "{r}");
}

#[test]
fn empty_ids_of_a_unit_and_a_person() {
    let r = Doc::base()
        .unit(r#"{"id":"","kind":"province","name":"Tỉnh không mã"}"#)
        .person(r#"{"id":"","name":"Người không mã"}"#)
        .report();
    assert_eq!(
        errors(&r),
        pairs(&[("empty_id", "units[6].id"), ("empty_id", "people[3].id")]),
        "{r}"
    );
    for (p, path) in r.problems().iter().zip(["units[6].id", "people[3].id"]) {
        check(
            p,
            &Expect {
                code: "empty_id",
                severity: ERR,
                record: "",
                path,
                field: "id",
                names: &[],
            },
        );
    }
    assert_eq!(r.problems()[0].kind(), &ProblemKind::EmptyId);
    assert_eq!(r.problems()[0].kind().message(Lang::Vi), "mã để trống");
}

// ---------------------------------------------------------------------------
// dangling_reference
// ---------------------------------------------------------------------------

#[test]
fn dangling_references_in_every_reference_field() {
    struct Case {
        doc: Doc,
        record: &'static str,
        path: &'static str,
        field: &'static str,
        target: &'static str,
        person: bool,
    }
    let cases = vec![
        Case {
            doc: Doc::base().unit(
                r#"{"id":"A2","kind":"residential_area","name":"Ấp 2","parent":"no-commune"}"#,
            ),
            record: "A2",
            path: "units[6].parent",
            field: "parent",
            target: "no-commune",
            person: false,
        },
        Case {
            doc: Doc::base().unit(
                r#"{"id":"A2","kind":"residential_area","name":"Ấp 2","parents":[
                    {"id":"X","to":"2025-06-30"},{"id":"X-new","from":"2025-07-01"}]}"#,
            ),
            record: "A2",
            path: "units[6].parents[1].id",
            field: "parents[1].id",
            target: "X-new",
            person: false,
        },
        Case {
            doc: Doc::base().unit(
                r#"{"id":"B","kind":"front_work_board","name":"Ban công tác Mặt trận ấp Tân Hòa","parent":"MXC","area":"A-gone"}"#,
            ).unit(r#"{"id":"MX","kind":"front_committee","level":"province","name":"Ủy ban MTTQ tỉnh"}"#)
            .unit(r#"{"id":"MXC","kind":"front_committee","level":"commune","name":"Ủy ban MTTQ xã","parent":"MX","area":"X"}"#),
            record: "B",
            path: "units[6].area",
            field: "area",
            target: "A-gone",
            person: false,
        },
        Case {
            doc: Doc::base().unit(
                r#"{"id":"X2","kind":"commune","name":"Xã Tân Hòa mới","parent":"T","established":"2025-07-01","predecessors":["X","X-old"]}"#,
            ),
            record: "X2",
            path: "units[6].predecessors[1]",
            field: "predecessors[1]",
            target: "X-old",
            person: false,
        },
        Case {
            doc: Doc::base().membership(
                r#"{"person":"ghost","cell":"C","admitted_on":"2010-01-01","category":"leader"}"#,
            ),
            record: "ghost in C",
            path: "memberships[3].person",
            field: "person",
            target: "ghost",
            person: true,
        },
        Case {
            doc: Doc::base().p4().membership(
                r#"{"person":"p4","cell":"C-gone","admitted_on":"2010-01-01","category":"leader"}"#,
            ),
            record: "p4 in C-gone",
            path: "memberships[3].cell",
            field: "cell",
            target: "C-gone",
            person: false,
        },
        Case {
            doc: Doc::base().p4().membership(
                r#"{"person":"p4","cell":"C","admitted_on":"2010-01-01","category":"leader",
                    "statuses":[{"kind":"temporary_elsewhere","from":"2024-01-01","cell":"C-far"}]}"#,
            ),
            record: "p4 in C",
            path: "memberships[3].statuses[0].cell",
            field: "statuses[0].cell",
            target: "C-far",
            person: false,
        },
        Case {
            doc: Doc::base().post(r#"{"person":"ghost","unit":"C","role":"secretary"}"#),
            record: "ghost as secretary of C",
            path: "posts[0].person",
            field: "person",
            target: "ghost",
            person: true,
        },
        Case {
            doc: Doc::base().post(r#"{"person":"p1","unit":"C-gone","role":"secretary"}"#),
            record: "p1 as secretary of C-gone",
            path: "posts[0].unit",
            field: "unit",
            target: "C-gone",
            person: false,
        },
        Case {
            doc: Doc::base().residence(r#"{"person":"ghost","cell":"C","area":"A"}"#),
            record: "ghost living at C",
            path: "residence[0].person",
            field: "person",
            target: "ghost",
            person: true,
        },
        Case {
            doc: Doc::base().residence(r#"{"person":"p1","cell":"C-gone","area":"A"}"#),
            record: "p1 living at C-gone",
            path: "residence[0].cell",
            field: "cell",
            target: "C-gone",
            person: false,
        },
        Case {
            doc: Doc::base().residence(r#"{"person":"p1","cell":"C","area":"A-gone"}"#),
            record: "p1 living at C",
            path: "residence[0].area",
            field: "area",
            target: "A-gone",
            person: false,
        },
    ];
    for case in cases {
        let r = case.doc.report();
        let target = format!("`{}`", case.target);
        only_error(
            &r,
            &Expect {
                code: "dangling_reference",
                severity: ERR,
                record: case.record,
                path: case.path,
                field: case.field,
                names: &[&target],
            },
        );
        let p = single(&r, "dangling_reference");
        assert_eq!(
            p.kind(),
            &ProblemKind::DanglingReference {
                target: case.target.to_owned(),
                expected: if case.person { "person" } else { "unit" },
            }
        );
        let vi = p.kind().message(Lang::Vi);
        let what = if case.person {
            "người"
        } else {
            "đơn vị"
        };
        assert!(vi.ends_with(&format!("{what} nào")), "{vi}");
    }
}

// ---------------------------------------------------------------------------
// wrong_kind, disallowed_parent
// ---------------------------------------------------------------------------

#[test]
fn wrong_kind_in_cell_area_and_predecessor_references() {
    let cases: Vec<(Doc, &str, &str, &str, &str, UnitKind)> = vec![
        (
            Doc::base().p4().membership(
                r#"{"person":"p4","cell":"G","admitted_on":"2010-01-01","category":"leader"}"#,
            ),
            "p4 in G",
            "memberships[3].cell",
            "G",
            "`cell` or `grassroots_cell`",
            UnitKind::GrassrootsCommittee,
        ),
        (
            Doc::base()
                .unit(r#"{"id":"C2","kind":"cell","name":"Chi bộ 2","parent":"G","area":"X"}"#),
            "C2",
            "units[6].area",
            "X",
            "`residential_area`",
            UnitKind::Commune,
        ),
        (
            Doc::base().residence(r#"{"person":"p1","cell":"C","area":"C"}"#),
            "p1 living at C",
            "residence[0].area",
            "C",
            "`residential_area`",
            UnitKind::Cell,
        ),
        (
            Doc::base().residence(r#"{"person":"p1","cell":"A","area":"A"}"#),
            "p1 living at A",
            "residence[0].cell",
            "A",
            "`cell` or `grassroots_cell`",
            UnitKind::ResidentialArea,
        ),
        (
            Doc::base().unit(
                r#"{"id":"X2","kind":"commune","name":"Xã mới","parent":"T","predecessors":["A"]}"#,
            ),
            "X2",
            "units[6].predecessors[0]",
            "A",
            "`commune`",
            UnitKind::ResidentialArea,
        ),
    ];
    for (doc, record, path, target, expected, found) in cases {
        let r = doc.report();
        let t = format!("`{target}`");
        let f = format!("`{found}`");
        only_error(
            &r,
            &Expect {
                code: "wrong_kind",
                severity: ERR,
                record,
                path,
                field: path.split_once('.').unwrap().1,
                names: &[&t, &f, expected],
            },
        );
        assert_eq!(
            single(&r, "wrong_kind").kind(),
            &ProblemKind::WrongKind {
                target: target.to_owned(),
                found,
                expected: expected.to_owned()
            }
        );
    }
}

#[test]
fn disallowed_parent_kinds() {
    // A cell directly under a commune (administrative tree) and a Front work
    // board under a province-level Front committee.
    let r = Doc::base()
        .unit(r#"{"id":"C2","kind":"cell","name":"Chi bộ lạc","parent":"X"}"#)
        .unit(r#"{"id":"MT","kind":"front_committee","level":"province","name":"Ủy ban MTTQ tỉnh"}"#)
        .unit(r#"{"id":"B","kind":"front_work_board","name":"Ban công tác Mặt trận","parents":[{"id":"MT","from":"2020-01-01"}],"area":"A"}"#)
        .report();
    assert_eq!(
        errors(&r),
        pairs(&[
            ("disallowed_parent", "units[6].parent"),
            ("disallowed_parent", "units[8].parents[0].id"),
        ]),
        "{r}"
    );
    check(
        &r.problems()[0],
        &Expect {
            code: "disallowed_parent",
            severity: ERR,
            record: "C2",
            path: "units[6].parent",
            field: "parent",
            names: &["`X`", "`cell`", "`commune`"],
        },
    );
    check(
        &r.problems()[1],
        &Expect {
            code: "disallowed_parent",
            severity: ERR,
            record: "B",
            path: "units[8].parents[0].id",
            field: "parents[0].id",
            names: &["`MT`", "`front_work_board`", "`front_committee`"],
        },
    );
    assert_eq!(
        r.problems()[0].kind(),
        &ProblemKind::DisallowedParent {
            kind: UnitKind::Cell,
            parent: "X".into(),
            parent_kind: UnitKind::Commune
        }
    );
}

// ---------------------------------------------------------------------------
// cycle
// ---------------------------------------------------------------------------

fn cycle_units(p: &Problem) -> (Vec<String>, Option<xeploai::date::Date>) {
    match p.kind() {
        ProblemKind::Cycle { units, on } => (units.clone(), *on),
        other => panic!("not a cycle: {other:?}"),
    }
}

#[test]
fn two_cycle() {
    let r = Doc::base()
        .unit(r#"{"id":"G2","kind":"grassroots_committee","name":"Đảng bộ 2","parent":"G1"}"#)
        .unit(r#"{"id":"G1","kind":"grassroots_committee","name":"Đảng bộ 1","parent":"G2"}"#)
        .report();
    // Reported once, on the unit with the smallest id.
    only_error(
        &r,
        &Expect {
            code: "cycle",
            severity: ERR,
            record: "G1",
            path: "units[7].parent",
            field: "parent",
            names: &["`G1` → `G2` → `G1`"],
        },
    );
    assert_eq!(
        cycle_units(single(&r, "cycle")),
        (vec!["G1".to_owned(), "G2".to_owned()], None)
    );
    assert!(single(&r, "cycle")
        .kind()
        .message(Lang::Vi)
        .contains("từ ban đầu"));
}

#[test]
fn three_cycle_starts_with_the_smallest_id() {
    let r = Doc::base()
        .unit(r#"{"id":"gb","kind":"grassroots_committee","name":"B","parent":"gc"}"#)
        .unit(r#"{"id":"gc","kind":"grassroots_committee","name":"C","parent":"ga"}"#)
        .unit(r#"{"id":"ga","kind":"grassroots_committee","name":"A","parent":"gb"}"#)
        .report();
    only_error(
        &r,
        &Expect {
            code: "cycle",
            severity: ERR,
            record: "ga",
            path: "units[8].parent",
            field: "parent",
            names: &["`ga` → `gb` → `gc` → `ga`"],
        },
    );
    assert_eq!(
        cycle_units(single(&r, "cycle")).0,
        vec!["ga".to_owned(), "gb".to_owned(), "gc".to_owned()]
    );
}

#[test]
fn self_parent_is_a_cycle() {
    let r = Doc::base()
        .unit(r#"{"id":"G1","kind":"grassroots_committee","name":"Đảng bộ 1","parent":"G1"}"#)
        .report();
    only_error(
        &r,
        &Expect {
            code: "cycle",
            severity: ERR,
            record: "G1",
            path: "units[6].parent",
            field: "parent",
            names: &["`G1` → `G1`"],
        },
    );
}

#[test]
fn dated_cycle_names_its_first_day() {
    // G1 is under the province committee until 2020, then under G2, which is
    // always under G1: a cycle from 2021-01-01 on.
    let r = Doc::base()
        .unit(
            r#"{"id":"G1","kind":"grassroots_committee","name":"Đảng bộ 1","parents":[
            {"id":"PC","to":"2020-12-31"},{"id":"G2","from":"2021-01-01"}]}"#,
        )
        .unit(r#"{"id":"G2","kind":"grassroots_committee","name":"Đảng bộ 2","parent":"G1"}"#)
        .report();
    only_error(
        &r,
        &Expect {
            code: "cycle",
            severity: ERR,
            record: "G1",
            path: "units[6].parents",
            field: "parents",
            names: &["`G1` → `G2` → `G1`", "2021-01-01"],
        },
    );
    assert_eq!(cycle_units(single(&r, "cycle")).1, Some(day("2021-01-01")));
}

#[test]
fn edges_that_never_hold_together_are_not_a_cycle() {
    // A is under B until 2020, B is under A from 2021: never a cycle.
    let doc = Doc::base()
        .unit(
            r#"{"id":"GA","kind":"grassroots_committee","name":"Đảng bộ A","parents":[
            {"id":"GB","to":"2020-12-31"},{"id":"PC","from":"2021-01-01"}]}"#,
        )
        .unit(
            r#"{"id":"GB","kind":"grassroots_committee","name":"Đảng bộ B","parents":[
            {"id":"PC","to":"2020-12-31"},{"id":"GA","from":"2021-01-01"}]}"#,
        );
    let r = doc.report();
    assert!(r.problems().is_empty(), "{r}");
    let g = OrgGraph::build(doc.load()).unwrap();
    let ids = |v: Vec<&xeploai::dataset::Unit>| v.iter().map(|u| u.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(g.ancestors("GA", day("2020-12-31"))), ["GB", "PC"]);
    assert_eq!(ids(g.ancestors("GB", day("2020-12-31"))), ["PC"]);
    assert_eq!(ids(g.ancestors("GA", day("2021-01-01"))), ["PC"]);
    assert_eq!(ids(g.ancestors("GB", day("2021-01-01"))), ["GA", "PC"]);

    // Make the two edges share one day and it becomes a cycle on that day.
    let r = Doc::base()
        .unit(
            r#"{"id":"GA","kind":"grassroots_committee","name":"Đảng bộ A","parents":[
            {"id":"GB","to":"2021-01-01"},{"id":"PC","from":"2021-01-02"}]}"#,
        )
        .unit(
            r#"{"id":"GB","kind":"grassroots_committee","name":"Đảng bộ B","parents":[
            {"id":"PC","to":"2020-12-31"},{"id":"GA","from":"2021-01-01"}]}"#,
        )
        .report();
    assert_eq!(errors(&r), pairs(&[("cycle", "units[6].parents")]), "{r}");
    assert_eq!(
        cycle_units(single(&r, "cycle")),
        (
            vec!["GA".to_owned(), "GB".to_owned()],
            Some(day("2021-01-01"))
        )
    );
}

// ---------------------------------------------------------------------------
// reversed_range
// ---------------------------------------------------------------------------

#[test]
fn reversed_ranges_everywhere() {
    // (doc, record, path, from, to)
    let cases: Vec<(Doc, &str, &str, &str, &str)> = vec![
        (
            Doc::base().unit(
                r#"{"id":"A2","kind":"residential_area","name":"Ấp 2","parent":"X","established":"2021-01-01","dissolved":"2020-12-31"}"#,
            ),
            "A2",
            "units[6].dissolved",
            "2021-01-01",
            "2020-12-31",
        ),
        (
            Doc::base().unit(
                r#"{"id":"A2","kind":"residential_area","name":"Ấp 2","parents":[{"id":"X","from":"2025-07-01","to":"2025-06-30"}]}"#,
            ),
            "A2",
            "units[6].parents[0].to",
            "2025-07-01",
            "2025-06-30",
        ),
        (
            Doc::base().p4().membership(
                r#"{"person":"p4","cell":"C","from":"2022-03-01","to":"2022-02-28","admitted_on":"2010-01-01","category":"leader"}"#,
            ),
            "p4 in C",
            "memberships[3].to",
            "2022-03-01",
            "2022-02-28",
        ),
        (
            Doc::base().p4().membership(
                r#"{"person":"p4","cell":"C","admitted_on":"2010-01-01","category":"leader",
                    "statuses":[{"kind":"committee_suspended","from":"2024-01-01"},{"kind":"exempt","from":"2024-05-02","to":"2024-05-01"}]}"#,
            ),
            "p4 in C",
            "memberships[3].statuses[1].to",
            "2024-05-02",
            "2024-05-01",
        ),
        (
            Doc::base().post(
                r#"{"person":"p1","unit":"C","role":"secretary","from":"2020-10-10","to":"2020-10-09"}"#,
            ),
            "p1 as secretary of C",
            "posts[0].to",
            "2020-10-10",
            "2020-10-09",
        ),
        (
            Doc::base().p4().membership(
                r#"{"person":"p4","cell":"C","admitted_on":"2010-06-15","full_on":"2010-06-14","category":"leader"}"#,
            ),
            "p4 in C",
            "memberships[3].full_on",
            "2010-06-15",
            "2010-06-14",
        ),
        (
            Doc::base().residence(
                r#"{"person":"p1","cell":"C","from":"2019-01-01","to":"2018-12-31"}"#,
            ),
            "p1 living at C",
            "residence[0].to",
            "2019-01-01",
            "2018-12-31",
        ),
    ];
    for (doc, record, path, from, to) in cases {
        let r = doc.report();
        only_error(
            &r,
            &Expect {
                code: "reversed_range",
                severity: ERR,
                record,
                path,
                field: path.split_once('.').unwrap().1,
                names: &[from, to],
            },
        );
        assert_eq!(
            single(&r, "reversed_range").kind(),
            &ProblemKind::ReversedRange {
                from: day(from),
                to: day(to)
            }
        );
    }
}

#[test]
fn one_day_ranges_are_not_reversed() {
    let r = Doc::base()
        .unit(r#"{"id":"A2","kind":"residential_area","name":"Ấp 2","parent":"X","established":"2021-01-01","dissolved":"2021-01-01"}"#)
        .post(r#"{"person":"p1","unit":"C","role":"secretary","from":"2020-10-10","to":"2020-10-10"}"#)
        .report();
    assert!(r.problems().is_empty(), "{r}");
}

// ---------------------------------------------------------------------------
// overlapping_ranges
// ---------------------------------------------------------------------------

#[test]
fn overlapping_parent_links() {
    // Inclusive ends: the links share 2025-06-30.
    let r = Doc::base()
        .unit(r#"{"id":"H","kind":"district","name":"Huyện Châu Thành","parent":"T","dissolved":"2025-06-30"}"#)
        .unit(r#"{"id":"X2","kind":"commune","name":"Xã Phú Hựu","parents":[{"id":"H","to":"2025-06-30"},{"id":"T","from":"2025-06-30"}]}"#)
        .report();
    only_error(
        &r,
        &Expect {
            code: "overlapping_ranges",
            severity: ERR,
            record: "X2",
            path: "units[7].parents[1]",
            field: "parents[1]",
            names: &["`T`", "units[7].parents[0]"],
        },
    );
    // One day later, no overlap.
    let r = Doc::base()
        .unit(r#"{"id":"H","kind":"district","name":"Huyện Châu Thành","parent":"T","dissolved":"2025-06-30"}"#)
        .unit(r#"{"id":"X2","kind":"commune","name":"Xã Phú Hựu","parents":[{"id":"H","to":"2025-06-30"},{"id":"T","from":"2025-07-01"}]}"#)
        .report();
    assert!(r.problems().is_empty(), "{r}");
}

#[test]
fn person_in_two_cells_at_once() {
    let base = || {
        Doc::base()
            .unit(r#"{"id":"C2","kind":"cell","name":"Chi bộ 2","parent":"G","area":"A"}"#)
            .p4()
    };
    let r = base()
        .membership(r#"{"person":"p4","cell":"C","to":"2020-01-01","admitted_on":"2010-01-01","category":"leader"}"#)
        .membership(r#"{"person":"p4","cell":"C2","from":"2020-01-01","admitted_on":"2010-01-01","category":"leader"}"#)
        .report();
    only_error(
        &r,
        &Expect {
            code: "overlapping_ranges",
            severity: ERR,
            record: "p4 in C2",
            path: "memberships[4].from",
            field: "from",
            names: &["`p4`", "`C2`", "memberships[3]"],
        },
    );
    // A transfer on consecutive days is fine.
    let r = base()
        .membership(r#"{"person":"p4","cell":"C","to":"2019-12-31","admitted_on":"2010-01-01","category":"leader"}"#)
        .membership(r#"{"person":"p4","cell":"C2","from":"2020-01-01","admitted_on":"2010-01-01","category":"leader"}"#)
        .report();
    assert!(r.is_ok(), "{r}");
}

#[test]
fn same_status_twice() {
    let r = Doc::base()
        .p4()
        .membership(
            r#"{"person":"p4","cell":"C","admitted_on":"2010-01-01","category":"leader","statuses":[
            {"kind":"exempt","from":"2020-01-01","to":"2021-06-30"},
            {"kind":"committee_suspended","from":"2020-01-01"},
            {"kind":"exempt","from":"2021-06-30"}]}"#,
        )
        .report();
    only_error(
        &r,
        &Expect {
            code: "overlapping_ranges",
            severity: ERR,
            record: "p4 in C",
            path: "memberships[3].statuses[2]",
            field: "statuses[2]",
            names: &["`exempt`", "memberships[3].statuses[0]"],
        },
    );
}

#[test]
fn same_person_same_post_twice() {
    let r = Doc::base()
        .post(r#"{"person":"p1","unit":"C","role":"secretary","from":"2020-01-01"}"#)
        .post(r#"{"person":"p1","unit":"C","role":"deputy_secretary","from":"2020-01-01","to":"2020-12-31"}"#)
        .post(r#"{"person":"p1","unit":"C","role":"secretary","from":"2021-01-01","to":"2022-12-31"}"#)
        .report();
    only_error(
        &r,
        &Expect {
            code: "overlapping_ranges",
            severity: ERR,
            record: "p1 as secretary of C",
            path: "posts[2].from",
            field: "from",
            names: &["`secretary`", "`p1`", "posts[0]"],
        },
    );
    // Not a concurrent-holders warning on top: it is the same person.
    assert_eq!(r.warnings().count(), 0, "{r}");
}

// ---------------------------------------------------------------------------
// outside_lifetime
// ---------------------------------------------------------------------------

/// A cell dissolved at the end of 2019.
fn with_old_cell() -> Doc {
    Doc::base()
        .unit(r#"{"id":"C9","kind":"cell","name":"Chi bộ cũ","parent":"G","area":"A","established":"2010-01-01","dissolved":"2019-12-31"}"#)
        .p4()
}

#[test]
fn membership_in_a_cell_dissolved_before() {
    for m in [
        r#"{"person":"p4","cell":"C9","from":"2020-01-01","to":"2020-12-31","admitted_on":"2010-01-01","category":"leader"}"#,
        // Open-ended, but starting after the cell was dissolved.
        r#"{"person":"p4","cell":"C9","from":"2020-01-01","admitted_on":"2010-01-01","category":"leader"}"#,
        // Ending before the cell was established.
        r#"{"person":"p4","cell":"C9","to":"2009-12-31","admitted_on":"2005-01-01","category":"leader"}"#,
    ] {
        println!("case: {m}");
        let r = with_old_cell().membership(m).report();
        only_error(
            &r,
            &Expect {
                code: "outside_lifetime",
                severity: ERR,
                record: "p4 in C9",
                path: "memberships[3].cell",
                field: "cell",
                names: &["`C9`", "2010-01-01..2019-12-31"],
            },
        );
    }
}

#[test]
fn post_in_a_unit_dissolved_before() {
    for p in [
        r#"{"person":"p1","unit":"C9","role":"secretary","from":"2020-01-01","to":"2020-12-31"}"#,
        r#"{"person":"p1","unit":"C9","role":"secretary","from":"2019-06-01","to":"2020-01-01"}"#,
        // Open-ended, but starting after the unit was dissolved.
        r#"{"person":"p1","unit":"C9","role":"secretary","from":"2020-01-01"}"#,
    ] {
        println!("case: {p}");
        let r = with_old_cell().post(p).report();
        only_error(
            &r,
            &Expect {
                code: "outside_lifetime",
                severity: ERR,
                record: "p1 as secretary of C9",
                path: "posts[0].unit",
                field: "unit",
                names: &["`C9`", "2010-01-01..2019-12-31"],
            },
        );
    }
}

#[test]
fn open_ended_post_and_membership_in_a_dissolved_unit_are_not_errors() {
    // The open end stops at the dissolution.
    let r = with_old_cell()
        .post(r#"{"person":"p1","unit":"C9","role":"secretary","from":"2015-01-01"}"#)
        .post(r#"{"person":"p2","unit":"C9","role":"deputy_secretary"}"#)
        .membership(
            r#"{"person":"p4","cell":"C9","from":"2012-01-01","admitted_on":"2010-01-01","category":"leader"}"#,
        )
        .report();
    assert!(r.is_ok(), "{r}");
}

#[test]
fn parent_edge_to_a_dissolved_parent() {
    let r = Doc::base()
        .unit(r#"{"id":"H","kind":"district","name":"Huyện Châu Thành","parent":"T","dissolved":"2025-06-30"}"#)
        .unit(r#"{"id":"X2","kind":"commune","name":"Xã Phú Hựu","parent":"H"}"#)
        .unit(r#"{"id":"X3","kind":"commune","name":"Xã Tân Nhuận Đông","parents":[{"id":"H","from":"2020-01-01","to":"2025-12-31"}]}"#)
        // Fine: the child's own lifetime ends with the parent's.
        .unit(r#"{"id":"X4","kind":"commune","name":"Xã An Hiệp","parent":"H","dissolved":"2025-06-30"}"#)
        .report();
    assert_eq!(
        errors(&r),
        pairs(&[
            ("outside_lifetime", "units[7].parent"),
            ("outside_lifetime", "units[8].parents[0].id"),
        ]),
        "{r}"
    );
    check(
        &r.problems()[0],
        &Expect {
            code: "outside_lifetime",
            severity: ERR,
            record: "X2",
            path: "units[7].parent",
            field: "parent",
            names: &["`H`", "..2025-06-30"],
        },
    );
    check(
        &r.problems()[1],
        &Expect {
            code: "outside_lifetime",
            severity: ERR,
            record: "X3",
            path: "units[8].parents[0].id",
            field: "parents[0].id",
            names: &["`H`", "2020-01-01..2025-12-31"],
        },
    );
}

// ---------------------------------------------------------------------------
// missing_parent, parent_and_parents, missing_level
// ---------------------------------------------------------------------------

#[test]
fn missing_parent() {
    let r = Doc::base()
        .unit(r#"{"id":"C2","kind":"cell","name":"Chi bộ mồ côi","area":"A"}"#)
        .report();
    only_error(
        &r,
        &Expect {
            code: "missing_parent",
            severity: ERR,
            record: "C2",
            path: "units[6].parent",
            field: "parent",
            names: &["`cell`"],
        },
    );
    // Roots need none.
    let r = Doc::base()
        .unit(r#"{"id":"T2","kind":"province","name":"Tỉnh khác"}"#)
        .unit(
            r#"{"id":"MT","kind":"front_committee","level":"province","name":"Ủy ban MTTQ tỉnh"}"#,
        )
        .report();
    assert!(r.problems().is_empty(), "{r}");
}

#[test]
fn parent_and_parents_together() {
    let r = Doc::base()
        .unit(r#"{"id":"A2","kind":"residential_area","name":"Ấp 2","parent":"X","parents":[{"id":"X","from":"2020-01-01"}]}"#)
        .report();
    only_error(
        &r,
        &Expect {
            code: "parent_and_parents",
            severity: ERR,
            record: "A2",
            path: "units[6].parents",
            field: "parents",
            names: &["`parent`", "`parents`"],
        },
    );
}

#[test]
fn missing_level_of_a_front_committee() {
    let r = Doc::base()
        .unit(r#"{"id":"MT","kind":"front_committee","level":"province","name":"Ủy ban MTTQ tỉnh"}"#)
        .unit(r#"{"id":"MX","kind":"front_committee","name":"Ủy ban MTTQ xã","parent":"MT","area":"X"}"#)
        .report();
    // Without a level the parent cannot be checked either: both are reported.
    assert_eq!(
        errors(&r),
        pairs(&[
            ("missing_level", "units[7].level"),
            ("disallowed_parent", "units[7].parent"),
        ]),
        "{r}"
    );
    check(
        single(&r, "missing_level"),
        &Expect {
            code: "missing_level",
            severity: ERR,
            record: "MX",
            path: "units[7].level",
            field: "level",
            names: &["`front_committee`", "`level`"],
        },
    );
}

// ---------------------------------------------------------------------------
// role_not_allowed, field_not_applicable
// ---------------------------------------------------------------------------

#[test]
fn role_not_allowed() {
    let r = Doc::base()
        .post(r#"{"person":"p1","unit":"C","role":"board_head"}"#)
        .post(r#"{"person":"p2","unit":"A","role":"area_head"}"#)
        .post(r#"{"person":"p3","unit":"X","role":"secretary"}"#)
        .report();
    assert_eq!(
        errors(&r),
        pairs(&[
            ("role_not_allowed", "posts[0].role"),
            ("role_not_allowed", "posts[2].role")
        ]),
        "{r}"
    );
    check(
        &r.problems()[0],
        &Expect {
            code: "role_not_allowed",
            severity: ERR,
            record: "p1 as board_head of C",
            path: "posts[0].role",
            field: "role",
            names: &["`board_head`", "`cell`"],
        },
    );
    check(
        &r.problems()[1],
        &Expect {
            code: "role_not_allowed",
            severity: ERR,
            record: "p3 as secretary of X",
            path: "posts[2].role",
            field: "role",
            names: &["`secretary`", "`commune`"],
        },
    );
}

#[test]
fn fields_not_applicable() {
    let r = Doc::base()
        .unit(r#"{"id":"C2","kind":"cell","name":"Chi bộ 2","parent":"G","area":"A","level":"commune","local_name":"ấp","organisation":"women"}"#)
        .unit(r#"{"id":"A2","kind":"residential_area","name":"Ấp 2","parent":"X","cell_type":"residential"}"#)
        .unit(r#"{"id":"PG","kind":"party_group","name":"Tổ đảng 1","parent":"C","area":"A"}"#)
        .p4()
        .membership(
            r#"{"person":"p4","cell":"C","admitted_on":"2010-01-01","category":"leader",
            "statuses":[{"kind":"exempt","from":"2024-01-01","cell":"C2"}]}"#,
        )
        .report();
    let expected = [
        ("units[6].level", "C2", "level", "cell"),
        ("units[6].local_name", "C2", "local_name", "cell"),
        ("units[6].organisation", "C2", "organisation", "cell"),
        ("units[7].cell_type", "A2", "cell_type", "residential_area"),
        ("units[8].area", "PG", "area", "party_group"),
        (
            "memberships[3].statuses[0].cell",
            "p4 in C",
            "cell",
            "exempt",
        ),
    ];
    assert_eq!(
        errors(&r),
        expected
            .iter()
            .map(|(path, ..)| ("field_not_applicable".to_owned(), (*path).to_owned()))
            .collect::<Vec<_>>(),
        "{r}"
    );
    for (p, (path, record, field, kind)) in r.problems().iter().zip(expected) {
        let f = format!("`{field}`");
        let k = format!("`{kind}`");
        check(
            p,
            &Expect {
                code: "field_not_applicable",
                severity: ERR,
                record,
                path,
                field: path.split_once('.').unwrap().1,
                names: &[&f, &k],
            },
        );
    }
}

// ---------------------------------------------------------------------------
// too_few_full_members (warning)
// ---------------------------------------------------------------------------

#[test]
fn too_few_full_members_is_a_warning() {
    // C2 has two full members and one admitted on 2024-03-10, full from 2025-03-10.
    let doc = Doc::base()
        .unit(r#"{"id":"C2","kind":"cell","name":"Chi bộ trường học","parent":"G","cell_type":"school"}"#)
        .p4()
        .person(r#"{"id":"p5","name":"Võ Văn Lộc"}"#)
        .person(r#"{"id":"p6","name":"Đặng Thị Yến"}"#)
        .membership(r#"{"person":"p4","cell":"C2","admitted_on":"2000-01-01","category":"non_leader"}"#)
        .membership(r#"{"person":"p5","cell":"C2","admitted_on":"2000-01-01","category":"non_leader"}"#)
        .membership(r#"{"person":"p6","cell":"C2","admitted_on":"2024-03-10","category":"non_leader"}"#);
    let on = |d: &str| {
        validate_with(
            &doc.load(),
            ValidateOptions {
                as_of: Some(day(d)),
            },
        )
    };
    let r = on("2025-03-09");
    assert!(r.is_ok(), "{r}");
    assert_eq!(errors(&r), pairs(&[]));
    assert_eq!(
        warnings(&r),
        pairs(&[("too_few_full_members", "units[6]")]),
        "{r}"
    );
    check(
        single(&r, "too_few_full_members"),
        &Expect {
            code: "too_few_full_members",
            severity: WARN,
            record: "C2",
            path: "units[6]",
            field: "",
            names: &["2 ", "2025-03-09", "3"],
        },
    );
    assert_eq!(
        single(&r, "too_few_full_members").kind(),
        &ProblemKind::TooFewFullMembers {
            full: 2,
            as_of: day("2025-03-09")
        }
    );
    // The third member is full from 2025-03-10 on; the base cell C always has 3.
    assert!(on("2025-03-10").problems().is_empty());

    // Without `as_of`, the latest date in the dataset (2024-03-10) is used.
    let r = doc.report();
    assert_eq!(
        single(&r, "too_few_full_members").kind(),
        &ProblemKind::TooFewFullMembers {
            full: 2,
            as_of: day("2024-03-10")
        }
    );
    // Warnings do not stop the graph.
    let g = OrgGraph::build(doc.load()).unwrap();
    assert_eq!(g.warnings(), &r);
}

#[test]
fn a_cell_with_three_full_members_has_no_warning() {
    // Full by `full_on` (despite `probationary`), by 12 months of probation,
    // and admitted long ago.
    let r = Doc::base()
        .unit(r#"{"id":"C2","kind":"grassroots_cell","name":"Chi bộ cơ sở","parent":"PC"}"#)
        .p4()
        .person(r#"{"id":"p5","name":"Võ Văn Lộc"}"#)
        .person(r#"{"id":"p6","name":"Đặng Thị Yến"}"#)
        .membership(r#"{"person":"p4","cell":"C2","admitted_on":"2024-01-01","probationary":true,"full_on":"2024-06-01","category":"non_leader"}"#)
        .membership(r#"{"person":"p5","cell":"C2","admitted_on":"2023-06-01","category":"non_leader"}"#)
        .membership(r#"{"person":"p6","cell":"C2","admitted_on":"1990-01-01","category":"non_leader"}"#)
        .report();
    assert!(r.problems().is_empty(), "{r}");
}

// ---------------------------------------------------------------------------
// concurrent_holders (warning)
// ---------------------------------------------------------------------------

#[test]
fn concurrent_holders_is_a_warning() {
    let r = Doc::base()
        .post(r#"{"person":"p1","unit":"C","role":"secretary","from":"2020-01-01"}"#)
        .post(r#"{"person":"p2","unit":"C","role":"secretary","from":"2024-01-01"}"#)
        // Several deputies at once are normal.
        .post(r#"{"person":"p2","unit":"C","role":"deputy_secretary","to":"2023-12-31"}"#)
        .post(r#"{"person":"p3","unit":"C","role":"deputy_secretary"}"#)
        .report();
    assert!(r.is_ok(), "{r}");
    assert_eq!(
        warnings(&r),
        pairs(&[("concurrent_holders", "posts[1].person")]),
        "{r}"
    );
    check(
        single(&r, "concurrent_holders"),
        &Expect {
            code: "concurrent_holders",
            severity: WARN,
            record: "p2 as secretary of C",
            path: "posts[1].person",
            field: "person",
            names: &["`secretary`", "`p1`", "posts[0]"],
        },
    );
    // Handing over on consecutive days is not concurrent.
    let r = Doc::base()
        .post(r#"{"person":"p1","unit":"C","role":"secretary","to":"2023-12-31"}"#)
        .post(r#"{"person":"p2","unit":"C","role":"secretary","from":"2024-01-01"}"#)
        .report();
    assert!(r.problems().is_empty(), "{r}");
}

// ---------------------------------------------------------------------------
// Many errors at once
// ---------------------------------------------------------------------------

#[test]
fn every_error_is_reported_at_once() {
    let doc = Doc::base()
        // 6: disallowed parent + wrong-kind area
        .unit(r#"{"id":"C2","kind":"cell","name":"Chi bộ 2","parent":"X","area":"X"}"#)
        // 7: duplicate id
        .unit(r#"{"id":"C","kind":"residential_area","name":"Ấp trùng","parent":"X"}"#)
        // 8: reversed lifetime + missing parent
        .unit(r#"{"id":"A9","kind":"residential_area","name":"Ấp 9","established":"2020-01-01","dissolved":"2019-01-01"}"#)
        // 9, 10: a 2-cycle
        .unit(r#"{"id":"G8","kind":"grassroots_committee","name":"Đảng bộ 8","parent":"G9"}"#)
        .unit(r#"{"id":"G9","kind":"grassroots_committee","name":"Đảng bộ 9","parent":"G8"}"#)
        // 11: missing level (and so a disallowed parent)
        .unit(r#"{"id":"MX","kind":"front_committee","name":"Ủy ban MTTQ xã","parent":"MX0"}"#)
        .unit(r#"{"id":"MX0","kind":"front_committee","level":"province","name":"Ủy ban MTTQ tỉnh"}"#)
        // people[3]: empty id
        .person(r#"{"id":"","name":"Vô danh"}"#)
        // memberships[3]: dangling person; memberships[4]: p1 twice at once
        .membership(r#"{"person":"ghost","cell":"C","admitted_on":"2010-01-01","category":"leader"}"#)
        .membership(r#"{"person":"p1","cell":"C","from":"2015-01-01","admitted_on":"2000-01-01","category":"leader"}"#)
        // posts[0]: role not allowed; posts[1]: dangling unit
        .post(r#"{"person":"p1","unit":"A","role":"secretary"}"#)
        .post(r#"{"person":"p2","unit":"nowhere","role":"secretary"}"#)
        // 13: an organisation on a residential area; 14: a cell dissolved in 2019
        .unit(r#"{"id":"A10","kind":"residential_area","name":"Ấp 10","parent":"X","organisation":"women"}"#)
        .unit(r#"{"id":"C8","kind":"cell","name":"Chi bộ cũ","parent":"G","area":"A","dissolved":"2019-12-31"}"#)
        // posts[2]: a post after the cell was dissolved
        .post(r#"{"person":"p3","unit":"C8","role":"secretary","from":"2020-01-01","to":"2020-02-01"}"#)
        // residence[0]: wrong-kind cell
        .residence(r#"{"person":"p3","cell":"G","area":"A"}"#);
    let r = doc.report();
    let expected = pairs(&[
        ("disallowed_parent", "units[6].parent"),
        ("wrong_kind", "units[6].area"),
        ("duplicate_id", "units[7].id"),
        ("reversed_range", "units[8].dissolved"),
        ("missing_parent", "units[8].parent"),
        ("cycle", "units[9].parent"),
        ("missing_level", "units[11].level"),
        ("disallowed_parent", "units[11].parent"),
        ("field_not_applicable", "units[13].organisation"),
        ("outside_lifetime", "posts[2].unit"),
        ("empty_id", "people[3].id"),
        ("overlapping_ranges", "memberships[4].from"),
        ("dangling_reference", "memberships[3].person"),
        ("role_not_allowed", "posts[0].role"),
        ("dangling_reference", "posts[1].unit"),
        ("wrong_kind", "residence[0].cell"),
    ]);
    let mut got = errors(&r);
    let mut want = expected.clone();
    got.sort();
    want.sort();
    assert_eq!(got, want, "{r}");
    assert_eq!(r.error_count(), 16);
    let codes: std::collections::BTreeSet<&str> = r.errors().map(Problem::code).collect();
    assert_eq!(codes.len(), 13, "{codes:?}");

    // Errors come first, then warnings; each group in dataset order.
    let sevs: Vec<Severity> = r.problems().iter().map(Problem::severity).collect();
    let mut sorted = sevs.clone();
    sorted.sort();
    assert_eq!(sevs, sorted);
    let order: Vec<(xeploai::validate::Collection, usize)> =
        r.errors().map(|p| (p.collection(), p.index())).collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted);

    // The JSON form carries both messages.
    let json: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
    let items = json["problems"].as_array().unwrap();
    assert_eq!(items.len(), r.problems().len());
    let first = items
        .iter()
        .find(|p| p["code"] == "disallowed_parent")
        .unwrap();
    assert_eq!(first["severity"], "error");
    assert_eq!(first["code"], "disallowed_parent");
    assert_eq!(first["path"], "units[6].parent");
    assert_eq!(first["record"], "C2");
    assert_eq!(first["field"], "parent");
    assert_eq!(first["collection"], "units");
    assert_eq!(first["index"], 6);
    assert!(first["message"].as_str().unwrap().contains("`X`"));
    assert!(first["message_vi"]
        .as_str()
        .unwrap()
        .contains("không thể trực thuộc"));
}

#[test]
fn build_on_a_bad_dataset_returns_the_full_report() {
    let doc = Doc::base()
        .unit(r#"{"id":"C2","kind":"cell","name":"Chi bộ 2","parent":"nowhere","area":"A"}"#)
        .post(r#"{"person":"ghost","unit":"C","role":"secretary"}"#)
        .post(r#"{"person":"p1","unit":"C","role":"secretary"}"#)
        .post(r#"{"person":"p2","unit":"C","role":"secretary"}"#);
    let ds = doc.load();
    let report = validate(&ds);
    assert_eq!(report.error_count(), 2, "{report}");
    assert!(report.warnings().count() >= 2, "{report}");
    let err = OrgGraph::build(ds).expect_err("a dataset with errors must not build");
    assert_eq!(err.0, report);
    let text = err.to_string();
    assert!(text.contains("2 errors"), "{text}");
    assert!(text.contains("units[6].parent"), "{text}");
    assert!(!err.0.is_ok());

    // A warning alone does not stop the build.
    let ok = Doc::base()
        .post(r#"{"person":"p1","unit":"C","role":"secretary"}"#)
        .post(r#"{"person":"p2","unit":"C","role":"secretary"}"#);
    let g = OrgGraph::build(ok.load()).unwrap();
    assert_eq!(g.warnings().warnings().count(), 1);
}

#[test]
fn a_subject_in_two_quota_groups_of_a_year() {
    let ds = xeploai::Dataset::from_json_str(
        r#"{"format": "xeploai-dataset/1",
            "units": [{"id": "T", "kind": "province", "name": "Tỉnh"}],
            "quota_groups": [
              {"id": "A", "year": 2025, "subjects": ["T"]},
              {"id": "B", "year": 2025, "subjects": ["T"]},
              {"id": "C", "year": 2024, "subjects": ["T"]}]}"#,
    )
    .unwrap();
    let report = xeploai::validate::validate(&ds);
    let problems: Vec<_> = report.errors().collect();
    assert_eq!(problems.len(), 1, "{report}");
    assert_eq!(problems[0].code(), "duplicate_record");
    assert_eq!(problems[0].path(), "quota_groups[1].subjects[0]");
    assert!(
        problems[0].to_string().contains("quota_groups[0]"),
        "{report}"
    );
}
