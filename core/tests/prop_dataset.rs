//! Property tests over generated datasets: a province with districts,
//! communes and residential areas across the 2025 reform, the party tree with
//! grassroots committees and cells serving areas, Front committees and boards,
//! people (names given partly in NFD), memberships with statuses, posts and
//! residence links.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "tests fail loudly"
)]

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::strategy::ValueTree;
use std::collections::{BTreeMap, BTreeSet};
use unicode_normalization::{is_nfc, UnicodeNormalization};
use xeploai::dataset::{Membership, ParentLink, Person, Post, Residence, StatusPeriod, Unit};
use xeploai::date::{add_months, parse_iso_date, Date};
use xeploai::graph::HeadLink;
use xeploai::org::{CellType, Gender, ResidenceExemption, StatusKind};
use xeploai::validate::{validate, ProblemKind};
use xeploai::{Category, Dataset, FrontLevel, OrgGraph, Problem, Role, UnitKind};

// ---------------------------------------------------------------------------
// The shape of a dataset (what proptest generates and shrinks)
// ---------------------------------------------------------------------------

#[derive(Debug, Clone)]
struct AreaShape {
    cells: usize,
    board: bool,
    branch: bool,
}

#[derive(Debug, Clone)]
struct CommuneShape {
    district: usize,
    merged: bool,
    agency_cell: bool,
    areas: Vec<AreaShape>,
}

#[derive(Debug, Clone)]
struct Shape {
    communes: Vec<CommuneShape>,
    /// (family, middle, given, written in NFD)
    people: Vec<(usize, usize, usize, bool)>,
    /// Drives the details: dates, statuses, who holds which post.
    seed: u64,
}

const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý",
];
const MIDDLE: &[&str] = &[
    "Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thành", "Quốc", "Thanh",
];
const GIVEN: &[&str] = &[
    "Hòa", "Hồng", "Tâm", "Thủy", "Hải", "Lộc", "Phúc", "Quỳnh", "Ánh", "Dũng", "Tuấn", "Yến",
    "Khoa", "Nguyệt", "Thoại", "Ưng", "Ẩn", "Bình",
];
const PLACE: &[&str] = &[
    "Tân Hòa",
    "Phú Hựu",
    "An Nhơn",
    "Hòa Khánh",
    "Mỹ Xương",
    "Long Thắng",
    "Định Yên",
    "Bình Thạnh Trung",
    "Tân Mỹ",
    "Phong Hòa",
    "Vĩnh Thới",
    "Lấp Vò",
    "Hội An Đông",
    "Thạnh Lợi",
    "Đồng Tháp",
];
const LOCAL: &[&str] = &[
    "thôn",
    "ấp",
    "bản",
    "khu phố",
    "khóm",
    "tổ dân phố",
    "buôn",
    "sóc",
];

fn shape() -> impl Strategy<Value = Shape> {
    let area = (0usize..=2, any::<bool>(), prop::bool::weighted(0.25)).prop_map(
        |(cells, board, branch)| AreaShape {
            cells,
            board,
            branch,
        },
    );
    let commune = (
        0usize..2,
        any::<bool>(),
        prop::bool::weighted(0.3),
        prop::collection::vec(area, 1..=3),
    )
        .prop_map(|(district, merged, agency_cell, areas)| CommuneShape {
            district,
            merged,
            agency_cell,
            areas,
        });
    let person = (
        0..FAMILY.len(),
        0..MIDDLE.len(),
        0..GIVEN.len(),
        any::<bool>(),
    );
    (
        prop::collection::vec(commune, 1..=4),
        prop::collection::vec(person, 3..=12),
        any::<u64>(),
    )
        .prop_map(|(communes, people, seed)| Shape {
            communes,
            people,
            seed,
        })
}

// ---------------------------------------------------------------------------
// A small deterministic generator for the details
// ---------------------------------------------------------------------------

#[derive(Debug)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // splitmix64
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            usize::try_from(self.next() % n as u64).unwrap()
        }
    }
    fn chance(&mut self, num: u64, den: u64) -> bool {
        self.next() % den < num
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

fn d(s: &str) -> Date {
    parse_iso_date(s).unwrap_or_else(|| panic!("bad date {s}"))
}

const CUT: &str = "2025-06-30";
const NEW: &str = "2025-07-01";

fn link(id: &str, from: Option<&str>, to: Option<&str>) -> ParentLink {
    ParentLink {
        id: id.to_owned(),
        from: from.map(d),
        to: to.map(d),
    }
}

fn unit(id: String, kind: UnitKind, name: String) -> Unit {
    Unit::new(id, kind, name)
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn nfd(s: &str) -> String {
    s.nfd().collect()
}

/// A generated valid dataset (text in NFC) and its JSON with some names in NFD.
#[derive(Debug, Clone)]
struct Generated {
    ds: Dataset,
    json_nfd: String,
}

#[expect(
    clippy::too_many_lines,
    reason = "one generator, kept in the order of the dataset"
)]
fn generate(shape: &Shape) -> Generated {
    let mut rng = Rng(shape.seed);
    let mut units: Vec<Unit> = Vec::new();
    let place = |rng: &mut Rng| (*rng.pick(PLACE)).to_owned();

    units.push(unit(
        "T".into(),
        UnitKind::Province,
        format!("Tỉnh {}", place(&mut rng)),
    ));
    let mut pc = unit(
        "PC".into(),
        UnitKind::ProvinceCommittee,
        "Đảng bộ tỉnh".into(),
    );
    pc.area = Some("T".into());
    units.push(pc);
    let mut mt = unit(
        "MT".into(),
        UnitKind::FrontCommittee,
        "Ủy ban MTTQ tỉnh".into(),
    );
    mt.level = Some(FrontLevel::Province);
    mt.area = Some("T".into());
    units.push(mt);
    for h in 0..2 {
        let name = place(&mut rng);
        let mut dist = unit(format!("H{h}"), UnitKind::District, format!("Huyện {name}"));
        dist.parent = Some("T".into());
        dist.dissolved = Some(d(CUT));
        units.push(dist);
        let mut hu = unit(
            format!("HU{h}"),
            UnitKind::AboveGrassrootsCommittee,
            format!("Đảng bộ huyện {name}"),
        );
        hu.parent = Some("PC".into());
        hu.area = Some(format!("H{h}"));
        hu.dissolved = Some(d(CUT));
        units.push(hu);
        let mut mh = unit(
            format!("MH{h}"),
            UnitKind::FrontCommittee,
            format!("Ủy ban MTTQ huyện {name}"),
        );
        mh.level = Some(FrontLevel::District);
        mh.parent = Some("MT".into());
        mh.area = Some(format!("H{h}"));
        mh.dissolved = Some(d(CUT));
        units.push(mh);
    }

    let mut cells: Vec<String> = Vec::new();
    // (cell id, its area)
    let mut area_cells: Vec<(String, String)> = Vec::new();
    // (area id, board id, cell ids)
    let mut areas: Vec<(String, Option<String>, Vec<String>)> = Vec::new();
    let mut branches: Vec<String> = Vec::new();
    // (the grassroots committee in office after the reform, the day it started)
    let mut committees: Vec<(String, Option<&str>)> = Vec::new();
    let mut old_committees: Vec<String> = Vec::new();
    let mut front_communes: Vec<String> = Vec::new();

    for (c, cs) in shape.communes.iter().enumerate() {
        let h = cs.district;
        let name = place(&mut rng);
        let x = format!("X{c}");
        let mut commune = unit(x.clone(), UnitKind::Commune, format!("Xã {name}"));
        commune.parents = vec![
            link(&format!("H{h}"), None, Some(CUT)),
            link("T", Some(NEW), None),
        ];
        units.push(commune);
        let mut mx = unit(
            format!("MX{c}"),
            UnitKind::FrontCommittee,
            format!("Ủy ban MTTQ xã {name}"),
        );
        mx.level = Some(FrontLevel::Commune);
        mx.parents = vec![
            link(&format!("MH{h}"), None, Some(CUT)),
            link("MT", Some(NEW), None),
        ];
        mx.area = Some(x.clone());
        units.push(mx);
        front_communes.push(format!("MX{c}"));

        let (cell_parent, cell_parents) = if cs.merged {
            let mut go = unit(
                format!("GO{c}"),
                UnitKind::GrassrootsCommittee,
                format!("Đảng bộ xã {name} (cũ)"),
            );
            go.parent = Some(format!("HU{h}"));
            go.area = Some(x.clone());
            go.dissolved = Some(d(CUT));
            units.push(go);
            let mut gn = unit(
                format!("GN{c}"),
                UnitKind::GrassrootsCommittee,
                format!("Đảng bộ xã {name}"),
            );
            gn.parent = Some("PC".into());
            gn.area = Some(x.clone());
            gn.established = Some(d(NEW));
            gn.predecessors = vec![format!("GO{c}")];
            units.push(gn);
            old_committees.push(format!("GO{c}"));
            committees.push((format!("GN{c}"), Some(NEW)));
            (
                None,
                vec![
                    link(&format!("GO{c}"), None, Some(CUT)),
                    link(&format!("GN{c}"), Some(NEW), None),
                ],
            )
        } else {
            let mut g = unit(
                format!("G{c}"),
                UnitKind::GrassrootsCommittee,
                format!("Đảng bộ xã {name}"),
            );
            g.parents = vec![
                link(&format!("HU{h}"), None, Some(CUT)),
                link("PC", Some(NEW), None),
            ];
            g.area = Some(x.clone());
            units.push(g);
            committees.push((format!("G{c}"), None));
            (Some(format!("G{c}")), Vec::new())
        };
        let make_cell = |id: String, name: String, rng: &mut Rng| {
            let mut cell = unit(id, UnitKind::Cell, name);
            cell.parent.clone_from(&cell_parent);
            cell.parents.clone_from(&cell_parents);
            if rng.chance(1, 8) {
                // Some datasets record the cell's lifetime explicitly.
                cell.established = Some(d("1990-02-03"));
            }
            cell
        };

        for (a, ash) in cs.areas.iter().enumerate() {
            let aid = format!("A{c}_{a}");
            let local = *rng.pick(LOCAL);
            let aname = format!("{} {}", capitalise(local), place(&mut rng));
            let mut area = unit(aid.clone(), UnitKind::ResidentialArea, aname.clone());
            area.parent = Some(x.clone());
            area.local_name = Some(local.to_owned());
            units.push(area);
            if ash.branch {
                let mut b = unit(
                    format!("MB{c}_{a}"),
                    UnitKind::MassOrgBranch,
                    format!("Chi hội Phụ nữ {aname}"),
                );
                b.parent = Some(aid.clone());
                b.organisation =
                    Some((*rng.pick(&["women", "farmers", "youth", "veterans"])).to_owned());
                units.push(b);
                branches.push(format!("MB{c}_{a}"));
            }
            let board = ash.board.then(|| {
                let mut b = unit(
                    format!("B{c}_{a}"),
                    UnitKind::FrontWorkBoard,
                    format!("Ban công tác Mặt trận {aname}"),
                );
                b.parent = Some(format!("MX{c}"));
                b.area = Some(aid.clone());
                units.push(b);
                format!("B{c}_{a}")
            });
            let mut these = Vec::new();
            for k in 0..ash.cells {
                let cid = format!("C{c}_{a}_{k}");
                let mut cell =
                    make_cell(cid.clone(), format!("Chi bộ {aname} {}", k + 1), &mut rng);
                cell.area = Some(aid.clone());
                cell.cell_type = Some(CellType::Residential);
                let established = cell.established;
                units.push(cell);
                if rng.chance(1, 4) {
                    let mut g = unit(
                        format!("PG{c}_{a}_{k}"),
                        UnitKind::PartyGroup,
                        "Tổ đảng 1".into(),
                    );
                    g.parent = Some(cid.clone());
                    g.established = established;
                    units.push(g);
                }
                cells.push(cid.clone());
                area_cells.push((cid.clone(), aid.clone()));
                these.push(cid);
            }
            areas.push((aid, board, these));
        }
        if cs.agency_cell {
            let cid = format!("CA{c}");
            let mut cell = make_cell(cid.clone(), format!("Chi bộ cơ quan xã {name}"), &mut rng);
            cell.cell_type =
                Some(*rng.pick(&[CellType::Agency, CellType::School, CellType::Health]));
            units.push(cell);
            cells.push(cid);
        }
    }

    // People.
    let people: Vec<Person> = shape
        .people
        .iter()
        .enumerate()
        .map(|(i, &(f, m, g, _))| Person {
            id: format!("p{i}"),
            name: format!("{} {} {}", FAMILY[f], MIDDLE[m], GIVEN[g]),
            gender: match rng.below(3) {
                0 => None,
                1 => Some(Gender::Male),
                _ => Some(Gender::Female),
            },
            born: rng
                .chance(1, 2)
                .then(|| d("1970-01-01") + chrono::Days::new(rng.below(9000) as u64)),
        })
        .collect();
    let person_ids: Vec<String> = people.iter().map(|p| p.id.clone()).collect();

    // Memberships.
    let admitted_pool = [
        "1985-04-12",
        "2000-01-01",
        "2015-08-31",
        "2024-03-10",
        "2025-06-30",
        "2025-07-01",
        "2025-08-31",
    ];
    let mut memberships = Vec::new();
    let mut members = Vec::new();
    for pid in &person_ids {
        if cells.is_empty() || rng.chance(1, 5) {
            continue;
        }
        members.push(pid.clone());
        let admitted = d(rng.pick::<&str>(&admitted_pool));
        let probationary = admitted >= d("2024-01-01") && rng.chance(1, 2);
        let full_on = rng.chance(1, 4).then(|| add_months(admitted, 12).unwrap());
        let category = *rng.pick(Category::ALL);
        let mut kinds = StatusKind::ALL.to_vec();
        rng.shuffle(&mut kinds);
        let statuses: Vec<StatusPeriod> = kinds
            .into_iter()
            .take(rng.below(3))
            .map(|kind| {
                let from = d(rng.pick::<&str>(&["2023-01-01", "2025-03-01", "2025-11-01"]));
                let to = rng
                    .chance(1, 2)
                    .then(|| from + chrono::Days::new(rng.below(400) as u64));
                StatusPeriod {
                    kind,
                    from,
                    to,
                    cell: (kind == StatusKind::TemporaryElsewhere)
                        .then(|| rng.pick(&cells).clone()),
                }
            })
            .collect();
        let base = Membership {
            person: pid.clone(),
            cell: rng.pick(&cells).clone(),
            from: None,
            to: None,
            admitted_on: admitted,
            probationary,
            full_on,
            category,
            statuses,
        };
        if cells.len() > 1 && rng.chance(1, 4) {
            // A transfer to another cell.
            let split = d(rng.pick::<&str>(&["2023-06-30", CUT, "2025-09-15"]));
            let mut first = base.clone();
            first.to = Some(split);
            first.statuses.clear();
            let mut second = base;
            second.from = Some(split + chrono::Days::new(1));
            while second.cell == first.cell {
                second.cell = rng.pick(&cells).clone();
            }
            memberships.push(first);
            memberships.push(second);
        } else {
            memberships.push(base);
        }
    }

    // Posts.
    let mut posts = Vec::new();
    let post = |person: &str, unit: &str, role: Role, from: Option<&str>, to: Option<&str>| Post {
        person: person.to_owned(),
        unit: unit.to_owned(),
        role,
        from: from.map(d),
        to: to.map(d),
    };
    // The current deputy secretary of each cell that has one.
    let mut deputies: BTreeMap<String, String> = BTreeMap::new();
    for cell in &cells {
        if rng.chance(3, 4) {
            posts.push(post(
                rng.pick::<String>(&person_ids),
                cell,
                Role::Secretary,
                None,
                None,
            ));
        }
        match rng.below(3) {
            0 => {}
            1 => {
                let p = rng.pick(&person_ids).clone();
                posts.push(post(&p, cell, Role::DeputySecretary, None, None));
                deputies.insert(cell.clone(), p);
            }
            _ => {
                // A change of deputy on 2025-10-01.
                let p = rng.pick(&person_ids).clone();
                let q = rng.pick(&person_ids).clone();
                posts.push(post(
                    &p,
                    cell,
                    Role::DeputySecretary,
                    Some("2020-01-01"),
                    Some("2025-09-30"),
                ));
                posts.push(post(
                    &q,
                    cell,
                    Role::DeputySecretary,
                    Some("2025-10-01"),
                    None,
                ));
                deputies.insert(cell.clone(), q);
            }
        }
        if rng.chance(1, 3) {
            posts.push(post(
                rng.pick::<String>(&person_ids),
                cell,
                Role::CommitteeMember,
                Some("2022-01-01"),
                None,
            ));
        }
    }
    for (area, board, area_cells) in &areas {
        if rng.chance(1, 2) {
            posts.push(post(
                rng.pick::<String>(&person_ids),
                area,
                Role::AreaHead,
                None,
                None,
            ));
        }
        let Some(board) = board else { continue };
        if rng.chance(3, 4) {
            // Often the head is the deputy secretary of a cell of the area.
            let linked: Vec<&String> = area_cells.iter().filter_map(|c| deputies.get(c)).collect();
            let head = if !linked.is_empty() && rng.chance(1, 2) {
                (*rng.pick(&linked)).clone()
            } else {
                rng.pick(&person_ids).clone()
            };
            if rng.chance(1, 3) {
                let old = rng.pick(&person_ids).clone();
                posts.push(post(&old, board, Role::BoardHead, None, Some(CUT)));
                posts.push(post(&head, board, Role::BoardHead, Some(NEW), None));
            } else {
                posts.push(post(&head, board, Role::BoardHead, None, None));
            }
        }
        if rng.chance(1, 2) {
            posts.push(post(
                rng.pick::<String>(&person_ids),
                board,
                Role::BoardMember,
                None,
                None,
            ));
        }
    }
    for b in &branches {
        posts.push(post(
            rng.pick::<String>(&person_ids),
            b,
            Role::BranchHead,
            None,
            None,
        ));
    }
    for (g, from) in &committees {
        posts.push(post(
            rng.pick::<String>(&person_ids),
            g,
            Role::Secretary,
            *from,
            None,
        ));
    }
    for g in &old_committees {
        // Open-ended: ends with the committee on 2025-06-30.
        posts.push(post(
            rng.pick::<String>(&person_ids),
            g,
            Role::Secretary,
            Some("2015-01-01"),
            None,
        ));
    }
    for mx in &front_communes {
        posts.push(post(
            rng.pick::<String>(&person_ids),
            mx,
            Role::FrontCommitteeMember,
            None,
            None,
        ));
    }

    // Residence links.
    let mut residence = Vec::new();
    if !members.is_empty() && !area_cells.is_empty() {
        for _ in 0..rng.below(3) {
            let (cell, area) = rng.pick(&area_cells).clone();
            residence.push(Residence {
                person: rng.pick(&members).clone(),
                cell,
                area: rng.chance(2, 3).then_some(area),
                from: rng.chance(1, 2).then(|| d("2024-01-01")),
                to: None,
                exemption: rng.chance(1, 4).then(|| *rng.pick(ResidenceExemption::ALL)),
            });
        }
    }

    let ds = Dataset {
        description: rng
            .chance(1, 2)
            .then(|| format!("Dữ liệu thử: tỉnh {}", place(&mut rng))),
        units,
        people,
        memberships,
        posts,
        residence,
        ..Dataset::new()
    };

    // The same dataset with some names written in NFD (always the province's).
    let mut input = ds.clone();
    for (i, u) in input.units.iter_mut().enumerate() {
        if i == 0 || rng.chance(1, 2) {
            u.name = nfd(&u.name);
            if let Some(l) = &mut u.local_name {
                *l = nfd(l);
            }
        }
    }
    for (p, &(.., as_nfd)) in input.people.iter_mut().zip(&shape.people) {
        if as_nfd {
            p.name = nfd(&p.name);
        }
    }
    if let Some(desc) = &mut input.description {
        *desc = nfd(desc);
    }
    Generated {
        ds,
        json_nfd: input.to_json(),
    }
}

fn generated() -> impl Strategy<Value = Generated> {
    shape().prop_map(|s| generate(&s))
}

// ---------------------------------------------------------------------------
// Reference sites, for injecting dangling references
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy)]
enum Site {
    UnitParent(usize),
    UnitParents(usize, usize),
    UnitArea(usize),
    UnitPredecessor(usize, usize),
    MembershipPerson(usize),
    MembershipCell(usize),
    StatusCell(usize, usize),
    PostPerson(usize),
    PostUnit(usize),
    ResidencePerson(usize),
    ResidenceCell(usize),
    ResidenceArea(usize),
}

fn sites(ds: &Dataset) -> Vec<Site> {
    let mut v = Vec::new();
    for (i, u) in ds.units.iter().enumerate() {
        if u.parent.is_some() {
            v.push(Site::UnitParent(i));
        }
        v.extend((0..u.parents.len()).map(|j| Site::UnitParents(i, j)));
        if u.area.is_some() {
            v.push(Site::UnitArea(i));
        }
        v.extend((0..u.predecessors.len()).map(|j| Site::UnitPredecessor(i, j)));
    }
    for (i, m) in ds.memberships.iter().enumerate() {
        v.push(Site::MembershipPerson(i));
        v.push(Site::MembershipCell(i));
        for (j, s) in m.statuses.iter().enumerate() {
            if s.cell.is_some() {
                v.push(Site::StatusCell(i, j));
            }
        }
    }
    for i in 0..ds.posts.len() {
        v.push(Site::PostPerson(i));
        v.push(Site::PostUnit(i));
    }
    for (i, r) in ds.residence.iter().enumerate() {
        v.push(Site::ResidencePerson(i));
        v.push(Site::ResidenceCell(i));
        if r.area.is_some() {
            v.push(Site::ResidenceArea(i));
        }
    }
    v
}

/// Points the reference at `fresh`; returns the expected (path, field, record).
fn point_at(ds: &mut Dataset, site: Site, fresh: &str) -> (String, String, String) {
    let f = fresh.to_owned();
    let (coll, i, field) = match site {
        Site::UnitParent(i) => {
            ds.units[i].parent = Some(f);
            ("units", i, "parent".to_owned())
        }
        Site::UnitParents(i, j) => {
            ds.units[i].parents[j].id = f;
            ("units", i, format!("parents[{j}].id"))
        }
        Site::UnitArea(i) => {
            ds.units[i].area = Some(f);
            ("units", i, "area".to_owned())
        }
        Site::UnitPredecessor(i, j) => {
            ds.units[i].predecessors[j] = f;
            ("units", i, format!("predecessors[{j}]"))
        }
        Site::MembershipPerson(i) => {
            ds.memberships[i].person = f;
            ("memberships", i, "person".to_owned())
        }
        Site::MembershipCell(i) => {
            ds.memberships[i].cell = f;
            ("memberships", i, "cell".to_owned())
        }
        Site::StatusCell(i, j) => {
            ds.memberships[i].statuses[j].cell = Some(f);
            ("memberships", i, format!("statuses[{j}].cell"))
        }
        Site::PostPerson(i) => {
            ds.posts[i].person = f;
            ("posts", i, "person".to_owned())
        }
        Site::PostUnit(i) => {
            ds.posts[i].unit = f;
            ("posts", i, "unit".to_owned())
        }
        Site::ResidencePerson(i) => {
            ds.residence[i].person = f;
            ("residence", i, "person".to_owned())
        }
        Site::ResidenceCell(i) => {
            ds.residence[i].cell = f;
            ("residence", i, "cell".to_owned())
        }
        Site::ResidenceArea(i) => {
            ds.residence[i].area = Some(f);
            ("residence", i, "area".to_owned())
        }
    };
    (
        format!("{coll}[{i}].{field}"),
        field,
        record_label(ds, coll, i),
    )
}

/// The record label documented by `Problem::record`.
fn record_label(ds: &Dataset, coll: &str, i: usize) -> String {
    match coll {
        "units" => ds.units[i].id.clone(),
        "people" => ds.people[i].id.clone(),
        "memberships" => {
            let m = &ds.memberships[i];
            format!("{} in {}", m.person, m.cell)
        }
        "posts" => {
            let p = &ds.posts[i];
            format!("{} as {} of {}", p.person, p.role, p.unit)
        }
        "residence" => {
            let r = &ds.residence[i];
            format!("{} living at {}", r.person, r.cell)
        }
        other => panic!("unknown collection {other}"),
    }
}

// ---------------------------------------------------------------------------
// Cycles
// ---------------------------------------------------------------------------

const DAYS: [&str; 4] = ["2024-12-31", CUT, NEW, "2025-12-31"];

/// Every (unit, strict descendant) pair on `day`, for units that have a parent then.
fn descendant_pairs(g: &OrgGraph, day: Date) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for u in &g.dataset().units {
        if g.parent(&u.id, day).is_none() {
            continue;
        }
        let mut stack = vec![u.id.clone()];
        while let Some(id) = stack.pop() {
            for c in g.children(&id, day) {
                out.push((u.id.clone(), c.id.clone()));
                stack.push(c.id.clone());
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Shuffling and comparing
// ---------------------------------------------------------------------------

fn shuffled(ds: &Dataset, seed: u64) -> Dataset {
    let mut rng = Rng(seed);
    let mut s = ds.clone();
    rng.shuffle(&mut s.units);
    rng.shuffle(&mut s.people);
    rng.shuffle(&mut s.memberships);
    rng.shuffle(&mut s.posts);
    rng.shuffle(&mut s.residence);
    s
}

/// `memberships[3]` → ("memberships", 3); `None` for nested paths.
fn top_level(path: &str) -> Option<(&str, usize)> {
    let (coll, rest) = path.split_once('[')?;
    let idx = rest.strip_suffix(']')?;
    idx.parse().ok().map(|i| (coll, i))
}

/// The problem as (code, record, field). A problem about a pair of records
/// (two overlapping memberships or posts, two holders of one post) is filed
/// under the later record of the pair, so it names both records, sorted.
fn key(ds: &Dataset, p: &Problem) -> (String, String, String) {
    let other = match p.kind() {
        ProblemKind::OverlappingRanges { other, .. } => top_level(other),
        ProblemKind::ConcurrentHolders { other_path, .. } => top_level(other_path),
        _ => None,
    };
    let record = match other {
        Some((coll, i)) => {
            let mut both = [p.record().to_owned(), record_label(ds, coll, i)];
            both.sort();
            both.join(" | ")
        }
        None => p.record().to_owned(),
    };
    (p.code().to_owned(), record, p.field().to_owned())
}

fn problem_keys(ds: &Dataset) -> Vec<(String, String, String)> {
    let mut v: Vec<_> = validate(ds).problems().iter().map(|p| key(ds, p)).collect();
    v.sort();
    v
}

/// The answers to a set of queries, keyed by the query.
fn answers(g: &OrgGraph) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let ids = |v: Vec<&Unit>| v.iter().map(|u| u.id.clone()).collect::<Vec<_>>();
    let id_set = |v: Vec<&Unit>| v.iter().map(|u| u.id.clone()).collect::<BTreeSet<_>>();
    let mut unit_ids: Vec<String> = g.dataset().units.iter().map(|u| u.id.clone()).collect();
    unit_ids.sort();
    for day_s in DAYS {
        let day = d(day_s);
        for id in &unit_ids {
            let parent = g.parent(id, day).map(|u| u.id.clone());
            out.insert(format!("parent {id} {day_s}"), format!("{parent:?}"));
            out.insert(
                format!("ancestors {id} {day_s}"),
                format!("{:?}", ids(g.ancestors(id, day))),
            );
            out.insert(
                format!("children {id} {day_s}"),
                format!("{:?}", id_set(g.children(id, day))),
            );
            out.insert(
                format!("commune_of {id} {day_s}"),
                format!("{:?}", g.commune_of(id, day).map(|u| u.id.clone())),
            );
        }
        for cell in g.units_of_kind(UnitKind::Cell) {
            out.insert(
                format!("rated {} {day_s}", cell.id),
                g.rated_members(&cell.id, day).len().to_string(),
            );
            out.insert(
                format!("members {} {day_s}", cell.id),
                g.memberships_of_cell(&cell.id, day).len().to_string(),
            );
        }
        for area in g.units_of_kind(UnitKind::ResidentialArea) {
            let a = &area.id;
            let link = match g.board_head_link(a, day) {
                HeadLink::NoCell => "no_cell".to_owned(),
                HeadLink::NoBoard => "no_board".to_owned(),
                HeadLink::NoHead => "no_head".to_owned(),
                HeadLink::Yes { head, cell } => {
                    // Which cell is named may depend on order when the head is
                    // deputy secretary of two cells of the area; it must fit.
                    assert!(g.holds(&head.id, Role::DeputySecretary, &cell.id, day));
                    assert_eq!(cell.area.as_deref(), Some(a.as_str()));
                    format!("yes {}", head.id)
                }
                HeadLink::No { head } => format!("no {}", head.id),
            };
            out.insert(format!("head_link {a} {day_s}"), link);
            out.insert(
                format!("cells_of_area {a} {day_s}"),
                format!("{:?}", id_set(g.cells_of_area(a, day))),
            );
        }
    }
    out
}

/// Errors that a generator change may inject, for the shuffle property.
#[derive(Debug, Clone)]
enum Inject {
    Nothing,
    Dangling(Index, u32),
    Cycle(Index),
    CloneUnit(Index),
    ClonePerson(Index),
    OverlappingMembership(Index, Index),
    SecondHolder(Index, Index),
    ReversedPost(Index),
}

fn inject() -> impl Strategy<Value = Inject> {
    prop_oneof![
        2 => Just(Inject::Nothing),
        1 => (any::<Index>(), any::<u32>()).prop_map(|(i, n)| Inject::Dangling(i, n)),
        1 => any::<Index>().prop_map(Inject::Cycle),
        1 => any::<Index>().prop_map(Inject::CloneUnit),
        1 => any::<Index>().prop_map(Inject::ClonePerson),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Inject::OverlappingMembership(a, b)),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Inject::SecondHolder(a, b)),
        1 => any::<Index>().prop_map(Inject::ReversedPost),
    ]
}

fn apply(ds: &mut Dataset, inj: &Inject) {
    match inj {
        Inject::Nothing => {}
        Inject::Dangling(i, n) => {
            let s = sites(ds);
            let _ = point_at(ds, s[i.index(s.len())], &format!("fresh-{n}"));
        }
        Inject::Cycle(i) => {
            let g = OrgGraph::build(ds.clone()).unwrap();
            let pairs = descendant_pairs(&g, d(NEW));
            let (u, desc) = pairs[i.index(pairs.len())].clone();
            let unit = ds.units.iter_mut().find(|x| x.id == u).unwrap();
            unit.parent = Some(desc);
            unit.parents.clear();
        }
        Inject::CloneUnit(i) => {
            let u = ds.units[i.index(ds.units.len())].clone();
            ds.units.push(u);
        }
        Inject::ClonePerson(i) => {
            let p = ds.people[i.index(ds.people.len())].clone();
            ds.people.push(p);
        }
        Inject::OverlappingMembership(i, j) => {
            if ds.memberships.is_empty() {
                return;
            }
            let mut m = ds.memberships[i.index(ds.memberships.len())].clone();
            let cells: Vec<String> = ds
                .units
                .iter()
                .filter(|u| u.kind == UnitKind::Cell)
                .map(|u| u.id.clone())
                .collect();
            m.cell = cells[j.index(cells.len())].clone();
            ds.memberships.push(m);
        }
        Inject::SecondHolder(i, j) => {
            let single: Vec<usize> = (0..ds.posts.len())
                .filter(|&k| ds.posts[k].role.is_single_holder())
                .collect();
            if single.is_empty() {
                return;
            }
            let mut p = ds.posts[single[i.index(single.len())]].clone();
            p.person = ds.people[j.index(ds.people.len())].id.clone();
            ds.posts.push(p);
        }
        Inject::ReversedPost(i) => {
            let n = ds.posts.len();
            let p = &mut ds.posts[i.index(n)];
            p.from = Some(d("2024-05-02"));
            p.to = Some(d("2024-05-01"));
        }
    }
}

// ---------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------

fn all_text(ds: &Dataset) -> Vec<&str> {
    let mut v: Vec<&str> = Vec::new();
    v.extend(ds.description.as_deref());
    for u in &ds.units {
        v.push(&u.name);
        v.extend(u.local_name.as_deref());
        v.extend(u.organisation.as_deref());
    }
    v.extend(ds.people.iter().map(|p| p.name.as_str()));
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// (a) Generated datasets are valid and build a graph; names given in
    /// NFD come out in NFC.
    #[test]
    fn generated_datasets_are_valid(gen in generated()) {
        let report = validate(&gen.ds);
        prop_assert!(report.is_ok(), "{}", report);
        // Warnings are about small cells and nothing else.
        for p in report.warnings() {
            prop_assert_eq!(p.code(), "too_few_full_members", "{}", p);
        }
        let g = OrgGraph::build(gen.ds.clone());
        prop_assert!(g.is_ok());

        prop_assert_ne!(&gen.json_nfd, &gen.ds.to_json(), "the input must hold NFD text");
        let loaded = Dataset::from_json_str(&gen.json_nfd).unwrap();
        for s in all_text(&loaded) {
            prop_assert!(is_nfc(s), "{:?} is not NFC", s);
        }
        prop_assert_eq!(&loaded, &gen.ds);
    }

    /// (b) A reference pointed at a fresh id is reported at its path, and is
    /// the only error.
    #[test]
    fn dangling_references_are_caught(gen in generated(), which in any::<Index>(), n in any::<u32>()) {
        let mut ds = gen.ds;
        let all = sites(&ds);
        prop_assume!(!all.is_empty());
        let site = all[which.index(all.len())];
        let fresh = format!("fresh-{n}");
        let (path, field, record) = point_at(&mut ds, site, &fresh);
        let report = validate(&ds);
        let errors: Vec<&Problem> = report.errors().collect();
        prop_assert_eq!(errors.len(), 1, "{:?}: {}", site, report);
        let p = errors[0];
        prop_assert_eq!(p.code(), "dangling_reference");
        prop_assert_eq!(p.path(), path);
        prop_assert_eq!(p.field(), field);
        prop_assert_eq!(p.record(), record);
        let is_dangling = matches!(p.kind(), ProblemKind::DanglingReference { target, .. } if *target == fresh);
        prop_assert!(is_dangling, "{:?}", p.kind());
        prop_assert!(OrgGraph::build(ds).is_err());
    }

    /// (c) Re-pointing a unit's parent to one of its descendants makes a cycle.
    #[test]
    fn parent_cycles_are_caught(
        gen in generated(),
        which in any::<Index>(),
        on in 0..DAYS.len(),
        dates in 0..3usize,
    ) {
        let day = d(DAYS[on]);
        let g = OrgGraph::build(gen.ds.clone()).unwrap();
        let pairs = descendant_pairs(&g, day);
        prop_assert!(!pairs.is_empty(), "every commune has an area");
        let (u, desc) = pairs[which.index(pairs.len())].clone();
        let mut ds = gen.ds;
        let unit = ds.units.iter_mut().find(|x| x.id == u).unwrap();
        // The new edge holds on `day`, when the descendant's chain holds too:
        // undated, from `day` on, or on `day` only.
        match dates {
            0 => {
                unit.parent = Some(desc.clone());
                unit.parents.clear();
            }
            _ => {
                unit.parent = None;
                unit.parents = vec![ParentLink {
                    id: desc.clone(),
                    from: Some(day),
                    to: (dates == 2).then_some(day),
                }];
            }
        }
        let report = validate(&ds);
        let cycles: Vec<&Problem> = report.problems().iter().filter(|p| p.code() == "cycle").collect();
        prop_assert!(!cycles.is_empty(), "{} under {}: {}", u, desc, report);
        let found = cycles.iter().any(|p| match p.kind() {
            ProblemKind::Cycle { units, .. } => units.contains(&u) && units.contains(&desc),
            _ => false,
        });
        prop_assert!(found, "{} under {}: {}", u, desc, report);
        // Anything else is about the re-pointed unit's edge.
        for p in report.errors() {
            prop_assert!(
                ["cycle", "disallowed_parent", "outside_lifetime"].contains(&p.code()),
                "{}", p
            );
        }
        prop_assert!(OrgGraph::build(ds).is_err());
    }

    /// (d) JSON round trip, compact and pretty.
    #[test]
    fn json_round_trip(gen in generated()) {
        let ds = gen.ds;
        prop_assert_eq!(&Dataset::from_json_str(&ds.to_json()).unwrap(), &ds);
        prop_assert_eq!(&Dataset::from_json_str(&ds.to_json_pretty()).unwrap(), &ds);
        let mut bytes = Vec::new();
        ds.write_json(&mut bytes).unwrap();
        prop_assert_eq!(&Dataset::from_json_slice(&bytes).unwrap(), &ds);
    }

    /// (e) The order of the records changes neither the problems found…
    #[test]
    fn order_does_not_change_the_problems(gen in generated(), inj in inject(), seed in any::<u64>()) {
        let mut ds = gen.ds;
        apply(&mut ds, &inj);
        let s = shuffled(&ds, seed);
        prop_assert_eq!(problem_keys(&ds), problem_keys(&s), "{:?}", inj);
    }

    /// (e) … nor, for valid datasets, the answers of the graph.
    #[test]
    fn order_does_not_change_the_answers(gen in generated(), seed in any::<u64>()) {
        let s = shuffled(&gen.ds, seed);
        let a = OrgGraph::build(gen.ds).unwrap();
        let b = OrgGraph::build(s).unwrap();
        prop_assert_eq!(answers(&a), answers(&b));
        prop_assert_eq!(a.warnings().problems().len(), b.warnings().problems().len());
    }
}

/// The injections of the shuffle property do produce problems (so that the
/// property compares something).
#[test]
fn injections_produce_problems() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = (generated(), inject());
    let mut seen = BTreeSet::new();
    for _ in 0..200 {
        let (gen, inj) = strategy.new_tree(&mut runner).unwrap().current();
        let mut ds = gen.ds;
        apply(&mut ds, &inj);
        let report = validate(&ds);
        match inj {
            Inject::Nothing => assert!(report.is_ok()),
            Inject::SecondHolder(..) => {
                assert!(report.problems().iter().any(|p| {
                    p.code() == "concurrent_holders" || p.code() == "overlapping_ranges"
                }));
            }
            Inject::OverlappingMembership(..) if ds.memberships.is_empty() => {}
            _ => assert!(!report.is_ok(), "{inj:?}"),
        }
        seen.extend(report.problems().iter().map(|p| p.code()));
    }
    for code in [
        "dangling_reference",
        "cycle",
        "duplicate_id",
        "overlapping_ranges",
        "concurrent_holders",
        "reversed_range",
        "too_few_full_members",
    ] {
        assert!(seen.contains(code), "{code} never produced: {seen:?}");
    }
}
