//! Graph queries with `as_of` across the 2025 reform: the district dissolved on
//! 2025-06-30, the commune re-parented to the province from 2025-07-01, the
//! cells moved from the old grassroots committee to the new one.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "tests fail loudly"
)]

use std::collections::BTreeSet;
use xeploai::dataset::{Membership, Unit};
use xeploai::date::{parse_iso_date, Date};
use xeploai::graph::{eligibility, HeadLink};
use xeploai::org::IneligibleReason;
use xeploai::{Dataset, OrgGraph, Role, UnitKind};

const FIXTURE: &str = r#"{
  "format": "xeploai-dataset/1",
  "description": "Xã Tân Nhuận Đông, Đồng Tháp, qua sắp xếp 2025",
  "units": [
    {"id": "T", "kind": "province", "name": "Tỉnh Đồng Tháp"},
    {"id": "H", "kind": "district", "name": "Huyện Châu Thành", "parent": "T", "dissolved": "2025-06-30"},
    {"id": "X0", "kind": "commune", "name": "Xã Tân Bình", "parent": "H", "dissolved": "2025-06-30"},
    {"id": "X", "kind": "commune", "name": "Xã Tân Nhuận Đông", "predecessors": ["X0"],
     "parents": [{"id": "H", "to": "2025-06-30"}, {"id": "T", "from": "2025-07-01"}]},
    {"id": "A1", "kind": "residential_area", "name": "Ấp Tân Hòa", "local_name": "ấp", "parent": "X"},
    {"id": "A2", "kind": "residential_area", "name": "Ấp Tân Thuận", "local_name": "ấp", "parent": "X"},
    {"id": "A3", "kind": "residential_area", "name": "Ấp Tân Lập", "local_name": "ấp", "parent": "X"},
    {"id": "A4", "kind": "residential_area", "name": "Ấp Hòa Khánh", "local_name": "ấp", "parent": "X"},
    {"id": "A5", "kind": "residential_area", "name": "Khóm Phú Hòa", "local_name": "khóm", "parent": "X"},

    {"id": "PC", "kind": "province_committee", "name": "Đảng bộ tỉnh Đồng Tháp", "area": "T"},
    {"id": "HU", "kind": "above_grassroots_committee", "name": "Đảng bộ huyện Châu Thành",
     "parent": "PC", "area": "H", "dissolved": "2025-06-30"},
    {"id": "GO", "kind": "grassroots_committee", "name": "Đảng bộ xã Tân Nhuận Đông (cũ)",
     "parent": "HU", "area": "X", "dissolved": "2025-06-30"},
    {"id": "GN", "kind": "grassroots_committee", "name": "Đảng bộ xã Tân Nhuận Đông",
     "parent": "PC", "area": "X", "established": "2025-07-01", "predecessors": ["GO"]},
    {"id": "C1", "kind": "cell", "name": "Chi bộ ấp Tân Hòa", "area": "A1", "cell_type": "residential",
     "parents": [{"id": "GO", "to": "2025-06-30"}, {"id": "GN", "from": "2025-07-01"}]},
    {"id": "C2a", "kind": "cell", "name": "Chi bộ ấp Tân Thuận 1", "area": "A2", "cell_type": "residential",
     "parents": [{"id": "GO", "to": "2025-06-30"}, {"id": "GN", "from": "2025-07-01"}]},
    {"id": "C2b", "kind": "cell", "name": "Chi bộ ấp Tân Thuận 2", "area": "A2", "cell_type": "residential",
     "parents": [{"id": "GO", "to": "2025-06-30"}, {"id": "GN", "from": "2025-07-01"}]},
    {"id": "C4", "kind": "cell", "name": "Chi bộ ấp Hòa Khánh", "area": "A4", "cell_type": "residential",
     "parents": [{"id": "GO", "to": "2025-06-30"}, {"id": "GN", "from": "2025-07-01"}]},
    {"id": "C5", "kind": "cell", "name": "Chi bộ khóm Phú Hòa", "area": "A5", "cell_type": "residential",
     "parents": [{"id": "GO", "to": "2025-06-30"}, {"id": "GN", "from": "2025-07-01"}]},
    {"id": "CA", "kind": "cell", "name": "Chi bộ cơ quan Ủy ban nhân dân xã", "cell_type": "agency",
     "parents": [{"id": "GO", "to": "2025-06-30"}, {"id": "GN", "from": "2025-07-01"}]},

    {"id": "MT", "kind": "front_committee", "level": "province", "name": "Ủy ban MTTQ tỉnh Đồng Tháp", "area": "T"},
    {"id": "MH", "kind": "front_committee", "level": "district", "name": "Ủy ban MTTQ huyện Châu Thành",
     "parent": "MT", "area": "H", "dissolved": "2025-06-30"},
    {"id": "MX", "kind": "front_committee", "level": "commune", "name": "Ủy ban MTTQ xã Tân Nhuận Đông", "area": "X",
     "parents": [{"id": "MH", "to": "2025-06-30"}, {"id": "MT", "from": "2025-07-01"}]},
    {"id": "B1", "kind": "front_work_board", "name": "Ban công tác Mặt trận ấp Tân Hòa", "parent": "MX", "area": "A1"},
    {"id": "B2", "kind": "front_work_board", "name": "Ban công tác Mặt trận ấp Tân Thuận", "parent": "MX", "area": "A2"},
    {"id": "B3", "kind": "front_work_board", "name": "Ban công tác Mặt trận ấp Tân Lập", "parent": "MX", "area": "A3"},
    {"id": "B5", "kind": "front_work_board", "name": "Ban công tác Mặt trận khóm Phú Hòa", "parent": "MX", "area": "A5"}
  ],
  "people": [
    {"id": "ok", "name": "Nguyễn Văn Bình"},
    {"id": "ex", "name": "Trần Thị Lan"},
    {"id": "ex_end", "name": "Lê Văn Tư"},
    {"id": "su", "name": "Phạm Văn Năm"},
    {"id": "both", "name": "Hoàng Thị Sáu"},
    {"id": "new", "name": "Huỳnh Ngọc Bảy"},
    {"id": "new2", "name": "Phan Thị Tám"},
    {"id": "cs", "name": "Vũ Đức Chín"},
    {"id": "tmp", "name": "Võ Minh Mười"},
    {"id": "mv", "name": "Đặng Văn Một"},
    {"id": "h1", "name": "Bùi Thị Hồng"},
    {"id": "d2", "name": "Đỗ Văn Hai"},
    {"id": "a1", "name": "Hồ Thị Ba"},
    {"id": "a2", "name": "Ngô Văn Bốn"},
    {"id": "h2", "name": "Dương Thị Thủy"},
    {"id": "b1", "name": "Lý Văn Phúc"},
    {"id": "clamp", "name": "Nguyễn Thị Quỳnh"},
    {"id": "sec", "name": "Trần Hữu Lộc"},
    {"id": "h3", "name": "Lê Thị Yến"},
    {"id": "b5", "name": "Phạm Minh Khoa"},
    {"id": "nobody", "name": "Quần chúng Tâm"}
  ],
  "memberships": [
    {"person": "ok", "cell": "C1", "admitted_on": "2010-03-15", "category": "leader"},
    {"person": "ex", "cell": "C1", "admitted_on": "1975-05-01", "category": "outside_system",
     "statuses": [{"kind": "exempt", "from": "2025-01-01"}]},
    {"person": "ex_end", "cell": "C1", "admitted_on": "1980-01-01", "category": "outside_system",
     "statuses": [{"kind": "exempt", "from": "2024-01-01", "to": "2025-12-30"}]},
    {"person": "su", "cell": "C1", "admitted_on": "2001-01-01", "category": "non_leader",
     "statuses": [{"kind": "suspended", "from": "2025-11-01", "to": "2026-04-30"}]},
    {"person": "both", "cell": "C1", "admitted_on": "1990-01-01", "category": "outside_system",
     "statuses": [{"kind": "suspended", "from": "2025-06-01"}, {"kind": "exempt", "from": "2025-01-01"}]},
    {"person": "new", "cell": "C1", "admitted_on": "2025-07-01", "probationary": true, "category": "outside_system"},
    {"person": "new2", "cell": "C1", "admitted_on": "2025-06-30", "probationary": true, "category": "outside_system"},
    {"person": "cs", "cell": "C1", "admitted_on": "2005-01-01", "category": "leader",
     "statuses": [{"kind": "committee_suspended", "from": "2025-03-01"}]},
    {"person": "tmp", "cell": "C1", "admitted_on": "2015-01-01", "category": "non_leader",
     "statuses": [{"kind": "temporary_elsewhere", "from": "2025-05-01", "cell": "C2a"}]},
    {"person": "mv", "cell": "C1", "to": "2025-08-31", "admitted_on": "2012-01-01", "category": "non_leader"},
    {"person": "mv", "cell": "C2a", "from": "2025-09-01", "admitted_on": "2012-01-01", "category": "non_leader"},
    {"person": "h1", "cell": "C1", "admitted_on": "2005-01-01", "category": "leader"},
    {"person": "d2", "cell": "C1", "admitted_on": "2008-01-01", "category": "leader"},
    {"person": "a1", "cell": "C2a", "admitted_on": "2008-01-01", "category": "leader"},
    {"person": "a2", "cell": "C2a", "admitted_on": "2008-01-01", "category": "outside_system"},
    {"person": "h2", "cell": "C2b", "admitted_on": "2008-01-01", "category": "leader"},
    {"person": "b1", "cell": "C2b", "admitted_on": "2008-01-01", "category": "outside_system"},
    {"person": "clamp", "cell": "C2b", "admitted_on": "2025-08-31", "probationary": true, "category": "outside_system"},
    {"person": "sec", "cell": "CA", "admitted_on": "2000-01-01", "category": "leader"},
    {"person": "h3", "cell": "C4", "admitted_on": "2000-01-01", "category": "leader"},
    {"person": "b5", "cell": "C5", "admitted_on": "2000-01-01", "category": "leader"}
  ],
  "posts": [
    {"person": "ok", "unit": "C1", "role": "secretary"},
    {"person": "h1", "unit": "B1", "role": "board_head", "from": "2020-01-01"},
    {"person": "h1", "unit": "C1", "role": "deputy_secretary", "from": "2020-01-01", "to": "2025-09-30"},
    {"person": "h1", "unit": "C1", "role": "committee_member", "from": "2025-10-01"},
    {"person": "d2", "unit": "C1", "role": "deputy_secretary", "from": "2025-10-01"},
    {"person": "a1", "unit": "C2a", "role": "secretary"},
    {"person": "h2", "unit": "B2", "role": "board_head"},
    {"person": "h2", "unit": "C2b", "role": "deputy_secretary"},
    {"person": "h3", "unit": "B3", "role": "board_head"},
    {"person": "b5", "unit": "B5", "role": "board_member"},
    {"person": "sec", "unit": "GO", "role": "secretary", "from": "2015-01-01"},
    {"person": "sec", "unit": "GN", "role": "secretary", "from": "2025-07-01"},
    {"person": "ok", "unit": "A1", "role": "area_head"}
  ],
  "residence": [
    {"person": "sec", "cell": "C1", "area": "A1", "from": "2024-01-01"}
  ]
}"#;

fn graph() -> OrgGraph {
    let ds = Dataset::from_json_str(FIXTURE).unwrap();
    OrgGraph::build(ds).unwrap_or_else(|e| panic!("{}", e.0))
}

fn day(s: &str) -> Date {
    parse_iso_date(s).unwrap()
}

const BEFORE: &str = "2025-06-30";
const AFTER: &str = "2025-07-01";
const REF: &str = "2025-12-31";

fn ids(v: &[&Unit]) -> Vec<String> {
    v.iter().map(|u| u.id.clone()).collect()
}

fn id_set<'a>(v: impl IntoIterator<Item = &'a Unit>) -> BTreeSet<String> {
    v.into_iter().map(|u| u.id.clone()).collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

fn persons(v: &[&Membership]) -> BTreeSet<String> {
    v.iter().map(|m| m.person.clone()).collect()
}

fn parent_id(g: &OrgGraph, id: &str, on: &str) -> Option<String> {
    g.parent(id, day(on)).map(|u| u.id.clone())
}

#[test]
fn the_fixture_is_valid() {
    let g = graph();
    assert!(g.warnings().is_ok());
    // Only warnings about small cells (the fixture's cells are not all full).
    assert!(g
        .warnings()
        .problems()
        .iter()
        .all(|p| p.code() == "too_few_full_members"));
    assert_eq!(g.dataset().units.len(), 26);
    assert_eq!(g.unit("C1").unwrap().name, "Chi bộ ấp Tân Hòa");
    assert_eq!(g.person("h1").unwrap().name, "Bùi Thị Hồng");
    assert!(g.unit("nowhere").is_none());
    assert!(g.person("nowhere").is_none());
}

#[test]
fn district_dissolved_and_commune_reparented() {
    let g = graph();
    assert_eq!(parent_id(&g, "X", BEFORE).as_deref(), Some("H"));
    assert_eq!(parent_id(&g, "X", AFTER).as_deref(), Some("T"));
    assert_eq!(parent_id(&g, "X", "2000-01-01").as_deref(), Some("H"));
    assert!(g.exists("H", day(BEFORE)));
    assert!(!g.exists("H", day(AFTER)));
    assert!(!g.exists("nowhere", day(AFTER)));
    // A dissolved unit has no parent after its dissolution.
    assert_eq!(parent_id(&g, "H", BEFORE).as_deref(), Some("T"));
    assert_eq!(parent_id(&g, "H", AFTER), None);
    assert_eq!(parent_id(&g, "T", AFTER), None);
    assert_eq!(parent_id(&g, "nowhere", AFTER), None);

    assert_eq!(ids(&g.ancestors("A1", day(BEFORE))), ["X", "H", "T"]);
    assert_eq!(ids(&g.ancestors("A1", day(AFTER))), ["X", "T"]);
    assert!(g.ancestors("T", day(AFTER)).is_empty());
    assert!(g.ancestors("nowhere", day(AFTER)).is_empty());

    assert_eq!(ids(&g.children("T", day(BEFORE))), ["H"]);
    assert_eq!(ids(&g.children("T", day(AFTER))), ["X"]);
    assert_eq!(ids(&g.children("H", day(BEFORE))), ["X0", "X"]);
    assert!(g.children("H", day(AFTER)).is_empty());
    assert!(g.children("nowhere", day(AFTER)).is_empty());

    assert!(g
        .children_of_kind("T", UnitKind::Commune, day(BEFORE))
        .is_empty());
    assert_eq!(
        ids(&g.children_of_kind("T", UnitKind::Commune, day(AFTER))),
        ["X"]
    );
    assert_eq!(
        ids(&g.children_of_kind("T", UnitKind::District, day(BEFORE))),
        ["H"]
    );
    assert_eq!(
        ids(&g.children_of_kind("X", UnitKind::ResidentialArea, day(AFTER))),
        ["A1", "A2", "A3", "A4", "A5"]
    );

    let areas = set(&["A1", "A2", "A3", "A4", "A5"]);
    for on in [BEFORE, AFTER] {
        assert_eq!(
            id_set(g.descendants_of_kind("T", UnitKind::ResidentialArea, day(on))),
            areas
        );
    }
    assert_eq!(
        id_set(g.descendants_of_kind("H", UnitKind::ResidentialArea, day(BEFORE))),
        areas
    );
    assert!(g
        .descendants_of_kind("H", UnitKind::ResidentialArea, day(AFTER))
        .is_empty());
    assert!(g
        .descendants_of_kind("nowhere", UnitKind::Cell, day(AFTER))
        .is_empty());

    let kind_on = |k, on| id_set(g.units_of_kind_on(k, day(on)));
    assert_eq!(kind_on(UnitKind::District, BEFORE), set(&["H"]));
    assert!(kind_on(UnitKind::District, AFTER).is_empty());
    assert_eq!(kind_on(UnitKind::Commune, BEFORE), set(&["X0", "X"]));
    assert_eq!(kind_on(UnitKind::Commune, AFTER), set(&["X"]));
    assert_eq!(
        kind_on(UnitKind::FrontCommittee, BEFORE),
        set(&["MT", "MH", "MX"])
    );
    assert_eq!(kind_on(UnitKind::FrontCommittee, AFTER), set(&["MT", "MX"]));
    assert_eq!(
        ids(&g.units_of_kind(UnitKind::District).collect::<Vec<_>>()),
        ["H"]
    );
    assert_eq!(
        ids(&g
            .units_of_kind_on(UnitKind::GrassrootsCommittee, day(BEFORE))
            .collect::<Vec<_>>()),
        ["GO"]
    );
    assert_eq!(
        ids(&g
            .units_of_kind_on(UnitKind::GrassrootsCommittee, day(AFTER))
            .collect::<Vec<_>>()),
        ["GN"]
    );
}

#[test]
fn cells_move_from_the_old_grassroots_committee_to_the_new_one() {
    let g = graph();
    let cells = ["C1", "C2a", "C2b", "C4", "C5", "CA"];
    for c in cells {
        assert_eq!(parent_id(&g, c, BEFORE).as_deref(), Some("GO"), "{c}");
        assert_eq!(parent_id(&g, c, AFTER).as_deref(), Some("GN"), "{c}");
    }
    assert_eq!(ids(&g.ancestors("C1", day(BEFORE))), ["GO", "HU", "PC"]);
    assert_eq!(ids(&g.ancestors("C1", day(AFTER))), ["GN", "PC"]);
    assert_eq!(ids(&g.ancestors("MX", day(BEFORE))), ["MH", "MT"]);
    assert_eq!(ids(&g.ancestors("MX", day(AFTER))), ["MT"]);

    assert_eq!(ids(&g.children("GO", day(BEFORE))), cells);
    assert!(g.children("GO", day(AFTER)).is_empty());
    assert!(g.children("GN", day(BEFORE)).is_empty());
    assert_eq!(ids(&g.children("GN", day(AFTER))), cells);
    assert_eq!(
        ids(&g.children_of_kind("GN", UnitKind::Cell, day(AFTER))),
        cells
    );
    assert!(g
        .children_of_kind("GN", UnitKind::GrassrootsCell, day(AFTER))
        .is_empty());
    assert_eq!(ids(&g.children("PC", day(BEFORE))), ["HU"]);
    assert_eq!(ids(&g.children("PC", day(AFTER))), ["GN"]);

    let all = set(&cells);
    for on in [BEFORE, AFTER, REF] {
        assert_eq!(
            id_set(g.descendants_of_kind("PC", UnitKind::Cell, day(on))),
            all,
            "{on}"
        );
    }
    assert_eq!(
        id_set(g.descendants_of_kind("HU", UnitKind::Cell, day(BEFORE))),
        all
    );
    assert!(g
        .descendants_of_kind("HU", UnitKind::Cell, day(AFTER))
        .is_empty());
    assert_eq!(
        id_set(g.descendants_of_kind("PC", UnitKind::GrassrootsCommittee, day(BEFORE))),
        set(&["GO"])
    );
    assert_eq!(
        id_set(g.descendants_of_kind("PC", UnitKind::GrassrootsCommittee, day(AFTER))),
        set(&["GN"])
    );
}

#[test]
fn cells_and_boards_of_areas() {
    let g = graph();
    let on = day(REF);
    assert!(g.cells_of_area("A3", on).is_empty());
    assert_eq!(ids(&g.cells_of_area("A1", on)), ["C1"]);
    assert_eq!(ids(&g.cells_of_area("A2", on)), ["C2a", "C2b"]);
    assert!(g.cells_of_area("nowhere", on).is_empty());
    // The cells serving an area do not change with the reform.
    assert_eq!(ids(&g.cells_of_area("A2", day(BEFORE))), ["C2a", "C2b"]);
    // `serving` lists every kind; the board is not a cell.
    assert_eq!(ids(&g.serving("A1", on)), ["C1", "B1"]);
    assert_eq!(id_set(g.serving("X", day(BEFORE))), set(&["GO", "MX"]));
    assert_eq!(id_set(g.serving("X", day(AFTER))), set(&["GN", "MX"]));

    assert_eq!(g.front_work_board_of_area("A1", on).unwrap().id, "B1");
    assert_eq!(g.front_work_board_of_area("A3", on).unwrap().id, "B3");
    assert!(g.front_work_board_of_area("A4", on).is_none());
    assert!(g.front_work_board_of_area("nowhere", on).is_none());
}

#[test]
fn rated_members_leave_out_exempt_suspended_and_new_members() {
    let g = graph();
    let in_force = set(&[
        "ok", "ex", "ex_end", "su", "both", "new", "new2", "cs", "tmp", "h1", "d2",
    ]);
    assert_eq!(persons(&g.memberships_of_cell("C1", day(REF))), in_force);
    assert_eq!(
        persons(&g.rated_members("C1", day(REF))),
        set(&["ok", "ex_end", "new2", "cs", "tmp", "h1", "d2"])
    );
    // A day later: `new` has six months, `ex_end` still rated, `su` still suspended.
    assert_eq!(
        persons(&g.rated_members("C1", day("2026-01-01"))),
        set(&["ok", "ex_end", "new", "new2", "cs", "tmp", "h1", "d2"])
    );
    // The day before, `ex_end` is still exempt (the status ends on 2025-12-30, inclusive).
    assert!(!persons(&g.rated_members("C1", day("2025-12-30"))).contains("ex_end"));
    // After the suspension ends.
    assert!(persons(&g.rated_members("C1", day("2026-05-01"))).contains("su"));
    assert!(!persons(&g.rated_members("C1", day("2026-04-30"))).contains("su"));

    let m = |p: &str| g.membership_of(p, day(REF)).unwrap();
    let r = day(REF);
    assert_eq!(eligibility(m("ok"), r), Ok(()));
    assert_eq!(eligibility(m("ex"), r), Err(IneligibleReason::Exempt));
    assert_eq!(eligibility(m("ex_end"), r), Ok(()));
    assert_eq!(
        eligibility(m("ex_end"), day("2025-12-30")),
        Err(IneligibleReason::Exempt)
    );
    assert_eq!(eligibility(m("su"), r), Err(IneligibleReason::Suspended));
    assert_eq!(
        eligibility(m("su"), day("2025-10-31")),
        Ok(()),
        "before the suspension"
    );
    // Exempt is checked before suspended.
    assert_eq!(eligibility(m("both"), r), Err(IneligibleReason::Exempt));
    assert_eq!(
        eligibility(m("both"), day("2025-05-31")),
        Err(IneligibleReason::Exempt)
    );
    // Committee suspension and temporary activity elsewhere do not stop the rating.
    assert_eq!(eligibility(m("cs"), r), Ok(()));
    assert_eq!(eligibility(m("tmp"), r), Ok(()));
}

#[test]
fn six_calendar_months_boundary() {
    let g = graph();
    let m = |p: &str| g.membership_of(p, day(REF)).unwrap();
    // Admitted 2025-07-01: six months are reached on 2026-01-01.
    assert_eq!(
        eligibility(m("new"), day("2025-12-31")),
        Err(IneligibleReason::AdmittedUnderSixMonths)
    );
    assert_eq!(eligibility(m("new"), day("2026-01-01")), Ok(()));
    // Admitted 2025-06-30: reached on 2025-12-30.
    assert_eq!(
        eligibility(m("new2"), day("2025-12-29")),
        Err(IneligibleReason::AdmittedUnderSixMonths)
    );
    assert_eq!(eligibility(m("new2"), day("2025-12-30")), Ok(()));
    // Admitted 2025-08-31: six months clamp to the end of February (2026-02-28).
    let clamp = m("clamp");
    assert_eq!(
        eligibility(clamp, day("2026-02-27")),
        Err(IneligibleReason::AdmittedUnderSixMonths)
    );
    assert_eq!(eligibility(clamp, day("2026-02-28")), Ok(()));
    assert!(!persons(&g.rated_members("C2b", day("2026-02-27"))).contains("clamp"));
    assert!(persons(&g.rated_members("C2b", day("2026-02-28"))).contains("clamp"));
    // Admitted on the reference day itself.
    assert_eq!(
        eligibility(m("new"), day("2025-07-01")),
        Err(IneligibleReason::AdmittedUnderSixMonths)
    );
}

#[test]
fn membership_of_across_a_transfer() {
    let g = graph();
    assert_eq!(g.membership_of("mv", day("2025-08-31")).unwrap().cell, "C1");
    assert_eq!(
        g.membership_of("mv", day("2025-09-01")).unwrap().cell,
        "C2a"
    );
    assert!(persons(&g.memberships_of_cell("C1", day("2025-08-31"))).contains("mv"));
    assert!(!persons(&g.memberships_of_cell("C1", day("2025-09-01"))).contains("mv"));
    assert!(persons(&g.memberships_of_cell("C2a", day("2025-09-01"))).contains("mv"));
    assert!(!persons(&g.memberships_of_cell("C2a", day("2025-08-31"))).contains("mv"));
    // Temporary activity elsewhere does not move the official membership.
    assert_eq!(g.membership_of("tmp", day(REF)).unwrap().cell, "C1");
    assert!(!persons(&g.memberships_of_cell("C2a", day(REF))).contains("tmp"));
    assert_eq!(
        persons(&g.memberships_of_cell("C2a", day(REF))),
        set(&["mv", "a1", "a2"])
    );
    assert!(g.membership_of("nobody", day(REF)).is_none());
    assert!(g.membership_of("ghost", day(REF)).is_none());
    assert!(g.memberships_of_cell("nowhere", day(REF)).is_empty());
    assert!(g.rated_members("nowhere", day(REF)).is_empty());
}

#[test]
fn holders_and_posts_across_a_change_of_post() {
    let g = graph();
    let names = |v: Vec<&xeploai::dataset::Person>| -> Vec<String> {
        v.iter().map(|p| p.id.clone()).collect()
    };
    let roles = |person: &str, on: &str| -> BTreeSet<(Role, String)> {
        g.posts_of_person(person, day(on))
            .iter()
            .map(|p| (p.role, p.unit.clone()))
            .collect()
    };
    let sep30 = "2025-09-30";
    let oct1 = "2025-10-01";
    assert_eq!(
        names(g.holders("C1", Role::DeputySecretary, day(sep30))),
        ["h1"]
    );
    assert_eq!(
        names(g.holders("C1", Role::DeputySecretary, day(oct1))),
        ["d2"]
    );
    assert_eq!(names(g.holders("C1", Role::Secretary, day(oct1))), ["ok"]);
    assert!(g.holders("C1", Role::BoardHead, day(oct1)).is_empty());
    assert!(g.holders("nowhere", Role::Secretary, day(oct1)).is_empty());
    assert_eq!(
        roles("h1", sep30),
        BTreeSet::from([
            (Role::BoardHead, "B1".to_owned()),
            (Role::DeputySecretary, "C1".to_owned())
        ])
    );
    assert_eq!(
        roles("h1", oct1),
        BTreeSet::from([
            (Role::BoardHead, "B1".to_owned()),
            (Role::CommitteeMember, "C1".to_owned())
        ])
    );
    // Before the board post started.
    assert!(roles("h1", "2019-12-31").is_empty());
    assert!(roles("nobody", oct1).is_empty());
    assert!(roles("ghost", oct1).is_empty());
    assert!(g.holds("h1", Role::DeputySecretary, "C1", day(sep30)));
    assert!(!g.holds("h1", Role::DeputySecretary, "C1", day(oct1)));
    assert!(g.holds("h1", Role::CommitteeMember, "C1", day(oct1)));
    assert!(!g.holds("h1", Role::DeputySecretary, "C2a", day(sep30)));
    assert_eq!(g.posts_of_unit("C1", day(oct1)).len(), 3);
}

#[test]
fn an_open_ended_post_ends_with_its_unit() {
    // `Post::to`: "a post ends at the latest when its unit is dissolved".
    let g = graph();
    assert_eq!(
        g.holders("GO", Role::Secretary, day(BEFORE))
            .iter()
            .map(|p| p.id.as_str())
            .collect::<Vec<_>>(),
        ["sec"]
    );
    assert!(g.holders("GO", Role::Secretary, day(AFTER)).is_empty());
    assert!(g.posts_of_unit("GO", day(AFTER)).is_empty());
    assert!(g.holds("sec", Role::Secretary, "GO", day(BEFORE)));
    assert!(!g.holds("sec", Role::Secretary, "GO", day(AFTER)));
    assert!(g.holds("sec", Role::Secretary, "GN", day(AFTER)));
    let units: Vec<String> = g
        .posts_of_person("sec", day(AFTER))
        .iter()
        .map(|p| p.unit.clone())
        .collect();
    assert_eq!(units, ["GN"]);
    let units: Vec<String> = g
        .posts_of_person("sec", day(BEFORE))
        .iter()
        .map(|p| p.unit.clone())
        .collect();
    assert_eq!(units, ["GO"]);
}

/// The classification of a `HeadLink`, with the ids it carries.
fn head_link(g: &OrgGraph, area: &str, on: &str) -> String {
    match g.board_head_link(area, day(on)) {
        HeadLink::NoCell => "no_cell".to_owned(),
        HeadLink::NoBoard => "no_board".to_owned(),
        HeadLink::NoHead => "no_head".to_owned(),
        HeadLink::Yes { head, cell } => format!("yes {} {}", head.id, cell.id),
        HeadLink::No { head } => format!("no {}", head.id),
    }
}

#[test]
fn board_head_link_in_every_case() {
    let g = graph();
    assert_eq!(head_link(&g, "A3", REF), "no_cell");
    assert_eq!(head_link(&g, "A4", REF), "no_board");
    assert_eq!(head_link(&g, "A5", REF), "no_head");
    assert_eq!(head_link(&g, "A2", REF), "yes h2 C2b");
    assert_eq!(head_link(&g, "nowhere", REF), "no_cell");
    // The head of A1's board stops being deputy secretary on 2025-10-01.
    assert_eq!(head_link(&g, "A1", "2025-09-30"), "yes h1 C1");
    assert_eq!(head_link(&g, "A1", "2025-10-01"), "no h1");
    // Before the head took office the board had no head.
    assert_eq!(head_link(&g, "A1", "2019-12-31"), "no_head");
}

#[test]
fn commune_of_cells_areas_boards_and_agency_cells() {
    let g = graph();
    let commune = |id: &str, on: &str| g.commune_of(id, day(on)).map(|u| u.id.clone());
    for on in [BEFORE, AFTER, REF] {
        for id in ["C1", "C2b", "A1", "A5", "B1", "B3", "CA", "X", "GO", "MX"] {
            if id == "GO" && on != BEFORE {
                continue;
            }
            assert_eq!(commune(id, on).as_deref(), Some("X"), "{id} on {on}");
        }
    }
    assert_eq!(commune("X0", BEFORE).as_deref(), Some("X0"));
    assert_eq!(commune("T", REF), None);
    assert_eq!(commune("H", BEFORE), None);
    assert_eq!(commune("PC", REF), None);
    assert_eq!(commune("nowhere", REF), None);
}

#[test]
fn residents_of_a_cell() {
    let g = graph();
    let who = |on: &str| -> Vec<String> {
        g.residents_of_cell("C1", day(on))
            .iter()
            .map(|r| r.person.clone())
            .collect()
    };
    assert_eq!(who(REF), ["sec"]);
    assert!(who("2023-12-31").is_empty());
    assert!(g.residents_of_cell("C2a", day(REF)).is_empty());
}

#[test]
fn the_graph_gives_its_dataset_back() {
    let ds = Dataset::from_json_str(FIXTURE).unwrap();
    let g = OrgGraph::build(ds.clone()).unwrap();
    assert_eq!(g.dataset(), &ds);
    assert_eq!(g.into_dataset(), ds);
}
