//! The organisation graph built from a valid dataset, indexed for queries that
//! take an `as_of` date (DESIGN §3).
//!
//! Every query looks up what it needs through an index (ids, parent and child
//! edges, the units serving an area, the members of a cell, the posts of a unit
//! or a person); none scans the whole graph.
//!
//! ```
//! use xeploai::{Dataset, OrgGraph, UnitKind, date::parse_iso_date};
//! let ds = Dataset::from_json_str(r#"{"format": "xeploai-dataset/1", "units": [
//!   {"id": "T", "kind": "province", "name": "Tỉnh"},
//!   {"id": "H", "kind": "district", "name": "Huyện", "parent": "T", "dissolved": "2025-06-30"},
//!   {"id": "X", "kind": "commune", "name": "Xã", "parents": [
//!     {"id": "H", "to": "2025-06-30"}, {"id": "T", "from": "2025-07-01"}]}
//! ]}"#).unwrap();
//! let g = OrgGraph::build(ds).unwrap();
//! let day = |s| parse_iso_date(s).unwrap();
//! assert_eq!(g.parent("X", day("2025-01-01")).map(|u| u.id.as_str()), Some("H"));
//! assert_eq!(g.parent("X", day("2025-12-31")).map(|u| u.id.as_str()), Some("T"));
//! assert_eq!(g.children_of_kind("T", UnitKind::Commune, day("2025-12-31")).len(), 1);
//! ```

use crate::dataset::{Dataset, Membership, Person, Post, Residence, Unit};
use crate::date::{add_months, Date, Period};
use crate::index::{join, pos32, Chains, Csr, IdIndex};
use crate::org::{IneligibleReason, Role, StatusKind, UnitKind};
use crate::resolve::Resolved;
use crate::validate::{check, Groups, InvalidDataset, ValidateOptions, ValidationReport};

#[derive(Debug, Clone, Copy, Default)]
struct Edge {
    other: u32,
    period: Period,
}

/// A validated dataset with its indexes. Read-only and `Sync`: share it between
/// threads freely.
#[derive(Debug)]
pub struct OrgGraph {
    ds: Dataset,
    units: IdIndex,
    people: IdIndex,
    parents: Csr<Edge>,
    children: Csr<Edge>,
    served_by: Chains,
    cell_members: Chains,
    person_memberships: Chains,
    unit_posts: Chains,
    person_posts: Chains,
    cell_residents: Chains,
    by_kind: Vec<Vec<u32>>,
    warnings: ValidationReport,
    pub(crate) membership_person: Vec<u32>,
    pub(crate) post_person: Vec<u32>,
    /// Post position → unit position.
    pub(crate) post_unit: Vec<u32>,
    pub(crate) unit_area: Vec<u32>,
    pub(crate) evaluation_person: Vec<u32>,
    pub(crate) evaluation_unit: Vec<u32>,
    /// The areas the Front's records name, resolved once.
    pub(crate) front_areas: crate::resolve::FrontAreas,
    pub(crate) person_evaluations: Chains,
    pub(crate) unit_evaluations: Chains,
    pub(crate) person_disciplines: Chains,
    pub(crate) unit_disciplines: Chains,
    pub(crate) person_residence: Chains,
}

/// Whether the head of an area's Front work board is also the deputy secretary
/// of a cell serving the area (front-rating.md O14; an indicator, not an error).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadLink<'g> {
    /// No cell serves the area: not applicable, and out of the denominator (§2.3).
    NoCell,
    /// The area has no Front work board on that day.
    NoBoard,
    /// The board has no head on that day.
    NoHead,
    /// The head is the deputy secretary of `cell`.
    Yes {
        /// The head.
        head: &'g Person,
        /// The cell.
        cell: &'g Unit,
    },
    /// The head is not a deputy secretary of any cell serving the area.
    No {
        /// The head.
        head: &'g Person,
    },
}

impl OrgGraph {
    /// Validates `ds` and builds the graph, as of the default validation options.
    ///
    /// # Errors
    /// [`InvalidDataset`] with every problem if the dataset has an error.
    pub fn build(ds: Dataset) -> Result<Self, InvalidDataset> {
        Self::build_with(ds, ValidateOptions::default())
    }

    /// Validates `ds` with `options` and builds the graph.
    ///
    /// # Errors
    /// [`InvalidDataset`] with every problem if the dataset has an error.
    pub fn build_with(ds: Dataset, options: ValidateOptions) -> Result<Self, InvalidDataset> {
        Self::build_or_return_with(ds, options).map_err(|rejected| rejected.1)
    }

    /// As [`OrgGraph::build`], but an invalid dataset is given back with its
    /// problems, for a caller that keeps it (to list its problems, convert or
    /// save it) instead of loading it again.
    ///
    /// ```
    /// let mut ds = xeploai::sample::dataset();
    /// ds.units[0].parent = Some("no-such-unit".into());
    /// let rejected = xeploai::OrgGraph::build_or_return(ds.clone()).unwrap_err();
    /// let (back, problems) = *rejected;
    /// assert_eq!(back, ds);
    /// assert!(!problems.0.is_ok());
    /// // The problems `build` reports.
    /// assert_eq!(problems.0, xeploai::OrgGraph::build(ds).unwrap_err().0);
    /// ```
    ///
    /// # Errors
    /// The dataset, unchanged, and [`InvalidDataset`] with every problem if
    /// the dataset has an error.
    pub fn build_or_return(ds: Dataset) -> Result<Self, Box<(Dataset, InvalidDataset)>> {
        Self::build_or_return_with(ds, ValidateOptions::default())
    }

    fn build_or_return_with(
        ds: Dataset,
        options: ValidateOptions,
    ) -> Result<Self, Box<(Dataset, InvalidDataset)>> {
        let r = Resolved::build(&ds);
        let (report, groups) = check(&ds, &r, options);
        if !report.is_ok() {
            return Err(Box::new((ds, InvalidDataset(report))));
        }
        Ok(Self::index(ds, r, groups, report))
    }

    fn index(ds: Dataset, r: Resolved, groups: Groups, warnings: ValidationReport) -> Self {
        let n = ds.units.len();
        let ((parents, children), (served_by, cell_members, person_posts, cell_residents)) = join(
            || {
                let mut up = Vec::with_capacity(r.link_parent.len());
                let mut down = Vec::with_capacity(r.link_parent.len());
                for (i, u) in ds.units.iter().enumerate() {
                    for ((_, link), &p) in u.parent_edges().zip(r.parents_of(i)) {
                        // The edge holds while both the link and the child do.
                        let period = Period::new(
                            max_start(link.from, u.established),
                            min_end(link.to, u.dissolved),
                        );
                        up.push((pos32(i), Edge { other: p, period }));
                        down.push((
                            p,
                            Edge {
                                other: pos32(i),
                                period,
                            },
                        ));
                    }
                }
                let mut parents = Csr::build(n, &up);
                for i in 0..n {
                    parents.get_mut(pos32(i)).sort_by_key(|e| e.period.from);
                }
                (parents, Csr::build(n, &down))
            },
            || {
                (
                    Chains::build(n, &r.unit_area),
                    Chains::build(n, &r.membership_cell),
                    Chains::build(ds.people.len(), &r.post_person),
                    Chains::build(n, &r.residence_cell),
                )
            },
        );
        let mut by_kind = vec![Vec::new(); UnitKind::ALL.len()];
        for (i, u) in ds.units.iter().enumerate() {
            if let Some(v) = by_kind.get_mut(u.kind as usize) {
                v.push(pos32(i));
            }
        }
        let person_residence = Chains::build(ds.people.len(), &r.residence_person);
        Self {
            membership_person: r.membership_person,
            post_person: r.post_person,
            post_unit: r.post_unit,
            unit_area: r.unit_area,
            evaluation_person: r.evaluation_person,
            evaluation_unit: r.evaluation_unit,
            front_areas: r.front_areas,
            person_evaluations: r.person_evaluations,
            unit_evaluations: r.unit_evaluations,
            person_disciplines: r.person_disciplines,
            unit_disciplines: r.unit_disciplines,
            person_residence,
            served_by,
            cell_members,
            person_memberships: groups.person_memberships,
            unit_posts: groups.unit_posts,
            person_posts,
            cell_residents,
            units: r.units,
            people: r.people,
            parents,
            children,
            by_kind,
            warnings,
            ds,
        }
    }

    /// The memberships of the cell at `pos` (positions), whatever their dates.
    pub(crate) fn cell_membership_positions(&self, pos: u32) -> impl Iterator<Item = u32> + '_ {
        self.cell_members.get(pos)
    }

    /// The posts of the unit at `pos` (positions), whatever their dates.
    pub(crate) fn unit_post_positions(&self, pos: u32) -> impl Iterator<Item = u32> + '_ {
        self.unit_posts.get(pos)
    }

    /// The posts of the person at `pos` (positions), whatever their dates.
    pub(crate) fn person_post_positions(&self, pos: u32) -> impl Iterator<Item = u32> + '_ {
        self.person_posts.get(pos)
    }

    /// The dataset.
    #[must_use]
    pub const fn dataset(&self) -> &Dataset {
        &self.ds
    }

    /// Gives the dataset back.
    #[must_use]
    pub fn into_dataset(self) -> Dataset {
        self.ds
    }

    /// The warnings found when the graph was built.
    #[must_use]
    pub const fn warnings(&self) -> &ValidationReport {
        &self.warnings
    }

    /// The position of the area (its `area` field) of the unit at `pos`.
    pub(crate) fn area_pos(&self, pos: u32) -> Option<u32> {
        self.unit_area
            .get(pos as usize)
            .copied()
            .filter(|&a| a != u32::MAX)
    }

    /// Whether the dataset lists its people in strictly increasing order of
    /// id (found while indexing them).
    pub(crate) fn people_sorted(&self) -> bool {
        self.people.is_sorted()
    }

    /// Whether the dataset lists its units in strictly increasing order of id.
    pub(crate) fn units_sorted(&self) -> bool {
        self.units.is_sorted()
    }

    pub(crate) fn unit_pos(&self, id: &str) -> Option<u32> {
        self.units
            .get(id, |p| self.ds.units.get(p as usize).map(|u| u.id.as_str()))
    }

    fn live_unit_pos(&self, id: &str, as_of: Date) -> Option<u32> {
        self.unit_pos(id).filter(|&p| {
            self.unit_at(p)
                .is_some_and(|u| u.lifetime().contains(as_of))
        })
    }

    pub(crate) fn person_pos(&self, id: &str) -> Option<u32> {
        self.people.get(id, |p| {
            self.ds.people.get(p as usize).map(|u| u.id.as_str())
        })
    }

    pub(crate) fn unit_at(&self, pos: u32) -> Option<&Unit> {
        self.ds.units.get(pos as usize)
    }

    /// The unit with this id.
    #[must_use]
    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.unit_pos(id).and_then(|p| self.unit_at(p))
    }

    /// The person with this id.
    #[must_use]
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.person_pos(id)
            .and_then(|p| self.ds.people.get(p as usize))
    }

    /// Whether the unit exists on `as_of` (between `established` and `dissolved`).
    #[must_use]
    pub fn exists(&self, id: &str, as_of: Date) -> bool {
        self.unit(id).is_some_and(|u| u.lifetime().contains(as_of))
    }

    pub(crate) fn parent_pos(&self, pos: u32, as_of: Date) -> Option<u32> {
        self.parents
            .get(pos)
            .iter()
            .find(|e| e.period.contains(as_of))
            .map(|e| e.other)
    }

    /// The parent of the unit on `as_of`, if the unit exists then and has one.
    #[must_use]
    pub fn parent(&self, id: &str, as_of: Date) -> Option<&Unit> {
        let pos = self.unit_pos(id)?;
        self.parent_pos(pos, as_of).and_then(|p| self.unit_at(p))
    }

    /// The ancestors of the unit on `as_of`, nearest first.
    #[must_use]
    pub fn ancestors(&self, id: &str, as_of: Date) -> Vec<&Unit> {
        let mut out = Vec::new();
        let Some(mut pos) = self.unit_pos(id) else {
            return out;
        };
        // A valid graph has no cycle; the bound only guards the loop.
        for _ in 0..self.ds.units.len() {
            let Some(p) = self.parent_pos(pos, as_of) else {
                break;
            };
            let Some(u) = self.unit_at(p) else { break };
            out.push(u);
            pos = p;
        }
        out
    }

    pub(crate) fn children_pos(&self, pos: u32, as_of: Date) -> impl Iterator<Item = u32> + '_ {
        self.children
            .get(pos)
            .iter()
            .filter(move |e| e.period.contains(as_of))
            .map(|e| e.other)
    }

    /// The children of the unit on `as_of`, in dataset order.
    #[must_use]
    pub fn children(&self, id: &str, as_of: Date) -> Vec<&Unit> {
        self.unit_pos(id).map_or_else(Vec::new, |pos| {
            self.children_pos(pos, as_of)
                .filter_map(|c| self.unit_at(c))
                .collect()
        })
    }

    /// The children of one kind on `as_of`.
    #[must_use]
    pub fn children_of_kind(&self, id: &str, kind: UnitKind, as_of: Date) -> Vec<&Unit> {
        let mut v = self.children(id, as_of);
        v.retain(|u| u.kind == kind);
        v
    }

    /// The descendants of one kind on `as_of` (the whole subtree is walked, not the graph).
    #[must_use]
    pub fn descendants_of_kind(&self, id: &str, kind: UnitKind, as_of: Date) -> Vec<&Unit> {
        let mut out = Vec::new();
        let Some(root) = self.unit_pos(id) else {
            return out;
        };
        let mut stack = vec![root];
        while let Some(pos) = stack.pop() {
            for c in self.children_pos(pos, as_of) {
                if let Some(u) = self.unit_at(c) {
                    if u.kind == kind {
                        out.push(u);
                    }
                    stack.push(c);
                }
            }
        }
        out
    }

    /// Every unit of a kind, whatever its dates, in dataset order.
    pub fn units_of_kind(&self, kind: UnitKind) -> impl Iterator<Item = &Unit> + '_ {
        self.by_kind
            .get(kind as usize)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .filter_map(|&p| self.unit_at(p))
    }

    /// The positions of the units of a kind that exist on `as_of`, in dataset order.
    pub(crate) fn positions_of_kind_on(
        &self,
        kind: UnitKind,
        as_of: Date,
    ) -> impl Iterator<Item = u32> + '_ {
        self.by_kind
            .get(kind as usize)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .copied()
            .filter(move |&p| {
                self.unit_at(p)
                    .is_some_and(|u| u.lifetime().contains(as_of))
            })
    }

    /// The units of a kind that exist on `as_of`.
    pub fn units_of_kind_on(
        &self,
        kind: UnitKind,
        as_of: Date,
    ) -> impl Iterator<Item = &Unit> + '_ {
        self.positions_of_kind_on(kind, as_of)
            .filter_map(|p| self.unit_at(p))
    }

    /// The units that name `area` as the administrative unit they serve and
    /// exist on `as_of`.
    #[must_use]
    pub fn serving(&self, area: &str, as_of: Date) -> Vec<&Unit> {
        self.unit_pos(area).map_or_else(Vec::new, |pos| {
            self.serving_pos(pos, as_of)
                .filter_map(|p| self.unit_at(p))
                .collect()
        })
    }

    /// The positions of the units serving the area at `pos` that exist on `as_of`.
    pub(crate) fn serving_pos(&self, pos: u32, as_of: Date) -> impl Iterator<Item = u32> + '_ {
        self.served_by.get(pos).filter(move |&p| {
            self.unit_at(p)
                .is_some_and(|u| u.lifetime().contains(as_of))
        })
    }

    /// The cells serving a residential area on `as_of` (0..n).
    #[must_use]
    pub fn cells_of_area(&self, area: &str, as_of: Date) -> Vec<&Unit> {
        self.unit_pos(area).map_or_else(Vec::new, |a| {
            self.cells_of_area_pos(a, as_of)
                .filter_map(|p| self.unit_at(p))
                .collect()
        })
    }

    /// The positions of the cells serving the area at `area` on `as_of`.
    pub(crate) fn cells_of_area_pos(
        &self,
        area: u32,
        as_of: Date,
    ) -> impl Iterator<Item = u32> + '_ {
        self.serving_pos(area, as_of)
            .filter(|&p| self.unit_at(p).is_some_and(|u| u.kind.holds_members()))
    }

    /// The Front work board of a residential area on `as_of`.
    #[must_use]
    pub fn front_work_board_of_area(&self, area: &str, as_of: Date) -> Option<&Unit> {
        self.unit_pos(area)
            .and_then(|a| self.front_work_board_pos(a, as_of))
            .and_then(|p| self.unit_at(p))
    }

    /// The position of the Front work board of the area at `area` on `as_of`.
    pub(crate) fn front_work_board_pos(&self, area: u32, as_of: Date) -> Option<u32> {
        self.serving_pos(area, as_of).find(|&p| {
            self.unit_at(p)
                .is_some_and(|u| u.kind == UnitKind::FrontWorkBoard)
        })
    }

    /// The memberships of a cell in force on `as_of` (rated or not). Empty if
    /// the cell does not exist on `as_of`: open ends end with the cell.
    #[must_use]
    pub fn memberships_of_cell(&self, cell: &str, as_of: Date) -> Vec<&Membership> {
        self.live_unit_pos(cell, as_of)
            .map_or_else(Vec::new, |pos| {
                self.cell_members
                    .get(pos)
                    .filter_map(|m| self.ds.memberships.get(m as usize))
                    .filter(|m| m.period().contains(as_of))
                    .collect()
            })
    }

    /// The members of a cell who are rated on `as_of`: in force and not
    /// exempt, suspended or admitted less than 6 calendar months before
    /// (party-rating.md §4, E1–E3).
    #[must_use]
    pub fn rated_members(&self, cell: &str, as_of: Date) -> Vec<&Membership> {
        let mut v = self.memberships_of_cell(cell, as_of);
        v.retain(|m| eligibility(m, as_of).is_ok());
        v
    }

    /// The membership of a person in force on `as_of` (in a cell that exists then).
    #[must_use]
    pub fn membership_of(&self, person: &str, as_of: Date) -> Option<&Membership> {
        let pos = self.person_pos(person)?;
        self.person_memberships
            .get(pos)
            .filter_map(|m| self.ds.memberships.get(m as usize))
            .find(|m| m.period().contains(as_of) && self.exists(&m.cell, as_of))
    }

    /// The posts of a unit held on `as_of`. Empty if the unit does not exist
    /// on `as_of`: a post ends at the latest with its unit.
    #[must_use]
    pub fn posts_of_unit(&self, unit: &str, as_of: Date) -> Vec<&Post> {
        self.live_unit_pos(unit, as_of)
            .map_or_else(Vec::new, |pos| {
                self.posts_in(pos, as_of)
                    .filter_map(|i| self.ds.posts.get(i as usize))
                    .collect()
            })
    }

    /// The positions of the posts in force on `as_of` in the unit at `pos`
    /// (none if the unit does not exist then).
    pub(crate) fn posts_in(&self, pos: u32, as_of: Date) -> impl Iterator<Item = u32> + '_ {
        let alive = self
            .unit_at(pos)
            .is_some_and(|u| u.lifetime().contains(as_of));
        self.unit_posts
            .get(if alive { pos } else { u32::MAX })
            .filter(move |&i| {
                self.ds
                    .posts
                    .get(i as usize)
                    .is_some_and(|p| p.period().contains(as_of))
            })
    }

    /// The positions of the persons holding `role` in the unit at `pos` on `as_of`.
    pub(crate) fn holders_in(
        &self,
        pos: u32,
        role: Role,
        as_of: Date,
    ) -> impl Iterator<Item = u32> + '_ {
        self.posts_in(pos, as_of)
            .filter(move |&i| {
                self.ds
                    .posts
                    .get(i as usize)
                    .is_some_and(|p| p.role == role)
            })
            .filter_map(|i| self.post_person.get(i as usize).copied())
            .filter(|&p| p != u32::MAX)
    }

    /// Who holds `role` in `unit` on `as_of`.
    #[must_use]
    pub fn holders(&self, unit: &str, role: Role, as_of: Date) -> Vec<&Person> {
        self.live_unit_pos(unit, as_of)
            .map_or_else(Vec::new, |pos| {
                self.holders_in(pos, role, as_of)
                    .filter_map(|p| self.ds.people.get(p as usize))
                    .collect()
            })
    }

    /// The positions of the posts the person at `pos` holds on `as_of`, in
    /// units that exist then.
    pub(crate) fn posts_held(&self, pos: u32, as_of: Date) -> impl Iterator<Item = u32> + '_ {
        self.person_posts.get(pos).filter(move |&i| {
            self.ds
                .posts
                .get(i as usize)
                .is_some_and(|p| p.period().contains(as_of))
                && self
                    .post_unit
                    .get(i as usize)
                    .and_then(|&u| self.unit_at(u))
                    .is_some_and(|u| u.lifetime().contains(as_of))
        })
    }

    /// The posts a person holds on `as_of` (in units that exist then).
    #[must_use]
    pub fn posts_of_person(&self, person: &str, as_of: Date) -> Vec<&Post> {
        self.person_pos(person).map_or_else(Vec::new, |pos| {
            self.posts_held(pos, as_of)
                .filter_map(|i| self.ds.posts.get(i as usize))
                .collect()
        })
    }

    /// Whether the person at `person` holds `role` in the unit at `unit` on `as_of`.
    pub(crate) fn holds_in(&self, person: u32, role: Role, unit: u32, as_of: Date) -> bool {
        self.posts_held(person, as_of).any(|i| {
            self.post_unit.get(i as usize) == Some(&unit)
                && self
                    .ds
                    .posts
                    .get(i as usize)
                    .is_some_and(|p| p.role == role)
        })
    }

    /// Whether `person` holds `role` in `unit` on `as_of`.
    #[must_use]
    pub fn holds(&self, person: &str, role: Role, unit: &str, as_of: Date) -> bool {
        match (self.person_pos(person), self.unit_pos(unit)) {
            (Some(p), Some(u)) => self.holds_in(p, role, u, as_of),
            _ => false,
        }
    }

    /// Whether the head of the area's Front work board is the deputy secretary
    /// of a cell serving the area, on `as_of`.
    #[must_use]
    pub fn board_head_link(&self, area: &str, as_of: Date) -> HeadLink<'_> {
        self.unit_pos(area)
            .map_or(HeadLink::NoCell, |a| self.board_head_link_at(a, as_of))
    }

    /// [`OrgGraph::board_head_link`] of the area at `area`.
    pub(crate) fn board_head_link_at(&self, area: u32, as_of: Date) -> HeadLink<'_> {
        if self.cells_of_area_pos(area, as_of).next().is_none() {
            return HeadLink::NoCell;
        }
        let Some(board) = self.front_work_board_pos(area, as_of) else {
            return HeadLink::NoBoard;
        };
        let Some((head_pos, head)) = self
            .holders_in(board, Role::BoardHead, as_of)
            .find_map(|p| Some((p, self.ds.people.get(p as usize)?)))
        else {
            return HeadLink::NoHead;
        };
        self.cells_of_area_pos(area, as_of)
            .find(|&c| self.holds_in(head_pos, Role::DeputySecretary, c, as_of))
            .and_then(|c| self.unit_at(c))
            .map_or(HeadLink::No { head }, |cell| HeadLink::Yes { head, cell })
    }

    /// The position of the commune of the unit at `pos` on `as_of`; see
    /// [`OrgGraph::commune_of`].
    pub(crate) fn commune_pos(&self, pos: u32, as_of: Date) -> Option<u32> {
        let unit = self.unit_at(pos).filter(|u| u.lifetime().contains(as_of))?;
        let mut at = Some(pos);
        let mut u = Some(unit);
        for _ in 0..=self.ds.units.len() {
            let (p, x) = (at?, u?);
            if x.kind == UnitKind::Commune {
                return Some(p);
            }
            if let Some(area) = self.area_pos(p) {
                let mut a = Some(area);
                for _ in 0..=self.ds.units.len() {
                    let ap = a?;
                    if self.unit_at(ap)?.kind == UnitKind::Commune {
                        return Some(ap);
                    }
                    a = self.parent_pos(ap, as_of);
                }
                return None;
            }
            at = self.parent_pos(p, as_of);
            u = at.and_then(|q| self.unit_at(q));
        }
        None
    }

    /// The residence links to a residential cell in force on `as_of`.
    #[must_use]
    pub fn residents_of_cell(&self, cell: &str, as_of: Date) -> Vec<&Residence> {
        self.live_unit_pos(cell, as_of)
            .map_or_else(Vec::new, |pos| {
                self.cell_residents
                    .get(pos)
                    .filter_map(|r| self.ds.residence.get(r as usize))
                    .filter(|r| r.period().contains(as_of))
                    .collect()
            })
    }

    /// The commune a unit belongs to on `as_of`: for an administrative unit, itself
    /// or its commune ancestor; for a party or Front unit, the commune of the first
    /// unit, itself or an ancestor, that names an `area`. `None` if the unit does
    /// not exist on `as_of` or belongs to no commune (a province's agencies, a
    /// district-level committee).
    #[must_use]
    pub fn commune_of(&self, id: &str, as_of: Date) -> Option<&Unit> {
        self.unit_pos(id)
            .and_then(|p| self.commune_pos(p, as_of))
            .and_then(|p| self.unit_at(p))
    }
}

fn max_start(a: Option<Date>, b: Option<Date>) -> Option<Date> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, y) => x.or(y),
    }
}

fn min_end(a: Option<Date>, b: Option<Date>) -> Option<Date> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    }
}

/// Whether a member is rated on `reference` (party-rating.md §4): not if exempt
/// (E1), suspended (E2) or admitted less than 6 calendar months before (E3),
/// checked in that order. Statuses count if in force on the reference date.
///
/// # Errors
/// The first reason the member is not rated.
///
/// ```
/// use xeploai::{graph::eligibility, dataset::Membership, org::{Category, IneligibleReason}, date::parse_iso_date};
/// let m = Membership { person: "p".into(), cell: "c".into(), from: None, to: None,
///     admitted_on: parse_iso_date("2025-07-01").unwrap(), probationary: true, full_on: None,
///     category: Category::OutsideSystem, statuses: vec![] };
/// // 1 July + 6 months = 1 January: still under six months on 31 December.
/// assert_eq!(eligibility(&m, parse_iso_date("2025-12-31").unwrap()), Err(IneligibleReason::AdmittedUnderSixMonths));
/// assert_eq!(eligibility(&m, parse_iso_date("2026-01-01").unwrap()), Ok(()));
/// ```
pub fn eligibility(m: &Membership, reference: Date) -> Result<(), IneligibleReason> {
    let mut exempt = false;
    let mut suspended = false;
    for s in m.statuses_on(reference) {
        match s.kind {
            StatusKind::Exempt => exempt = true,
            StatusKind::Suspended => suspended = true,
            StatusKind::CommitteeSuspended | StatusKind::TemporaryElsewhere => {}
        }
    }
    if exempt {
        return Err(IneligibleReason::Exempt);
    }
    if suspended {
        return Err(IneligibleReason::Suspended);
    }
    // Admitted two calendar years or more before the reference's year: six
    // months have passed (most members; spares the calendar arithmetic).
    if chrono::Datelike::year(&m.admitted_on) + 2 <= chrono::Datelike::year(&reference) {
        return Ok(());
    }
    match add_months(m.admitted_on, 6) {
        Some(six) if six > reference => Err(IneligibleReason::AdmittedUnderSixMonths),
        None => Err(IneligibleReason::AdmittedUnderSixMonths),
        Some(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use crate::date::parse_iso_date;

    #[test]
    fn six_months_by_the_calendar_whatever_the_shortcut() {
        use crate::dataset::Membership;
        use crate::date::add_months;
        let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let member = |admitted_on| Membership {
            person: "p".into(),
            cell: "c".into(),
            from: None,
            to: None,
            admitted_on,
            probationary: false,
            full_on: None,
            category: crate::org::Category::OutsideSystem,
            statuses: vec![],
        };
        // Admission days over three years, against references at the ends
        // and the middle of a year: the result is what the calendar says.
        // (1 January catches a shortcut one year too generous: admitted on
        // 2 July 2023 or later, a member is not yet six months in.)
        let start = day(2022, 1, 1);
        for k in 0..(3 * 366) {
            let admitted = start + chrono::Days::new(k);
            for reference in [day(2024, 1, 1), day(2024, 6, 30), day(2024, 12, 31)] {
                let calendar = add_months(admitted, 6).is_some_and(|six| six <= reference);
                let got = super::eligibility(&member(admitted), reference).is_ok();
                assert_eq!(got, calendar, "admitted {admitted}, reference {reference}");
            }
        }
    }

    #[test]
    fn commune_by_position_agrees_with_commune_of() {
        let g = crate::sample::graph().unwrap();
        for day in ["2024-12-31", "2025-12-31"] {
            let day = parse_iso_date(day).unwrap();
            let mut found = 0;
            for (i, u) in g.dataset().units.iter().enumerate() {
                let by_id = g.commune_of(&u.id, day).map(|c| c.id.clone());
                let by_pos = g
                    .commune_pos(crate::index::pos32(i), day)
                    .and_then(|p| g.unit_at(p))
                    .map(|c| c.id.clone());
                assert_eq!(by_id, by_pos, "{} on {day}", u.id);
                found += usize::from(by_id.is_some());
            }
            assert!(found > 500, "{found}");
        }
    }
}
