//! Resolution of a dataset's references to record positions, shared by
//! validation and the graph. Runs on two threads: the id indexes of units and
//! people are built side by side, then the unit and the person references are
//! looked up side by side.

use crate::dataset::Dataset;
use crate::index::{join, pos32, Chains, IdIndex, Lookup};

/// `u32::MAX`: a reference that does not resolve.
pub(crate) const NONE: u32 = u32::MAX;

/// The dataset's references resolved to positions (`NONE` where dangling).
#[derive(Debug)]
pub(crate) struct Resolved {
    pub(crate) units: IdIndex,
    pub(crate) people: IdIndex,
    pub(crate) unit_dups: Vec<(usize, usize)>,
    pub(crate) person_dups: Vec<(usize, usize)>,
    /// The parent of each parent edge, edges of unit `u` at `link_start[u]..link_start[u + 1]`
    /// in the order of [`crate::dataset::Unit::parent_edges`].
    pub(crate) link_start: Vec<u32>,
    pub(crate) link_parent: Vec<u32>,
    pub(crate) unit_area: Vec<u32>,
    /// The predecessors of unit `u` at `pred_start[u]..pred_start[u + 1]`.
    pub(crate) pred_start: Vec<u32>,
    pub(crate) predecessor: Vec<u32>,
    pub(crate) membership_person: Vec<u32>,
    pub(crate) membership_cell: Vec<u32>,
    pub(crate) status_cell: Vec<(u32, u32, u32)>,
    pub(crate) post_person: Vec<u32>,
    pub(crate) post_unit: Vec<u32>,
    pub(crate) residence_person: Vec<u32>,
    pub(crate) residence_cell: Vec<u32>,
    pub(crate) residence_area: Vec<u32>,
    /// Memberships by person, and posts by unit.
    pub(crate) person_memberships: Chains,
    pub(crate) unit_posts: Chains,
}

struct UnitRefs {
    link_start: Vec<u32>,
    link_parent: Vec<u32>,
    unit_area: Vec<u32>,
    pred_start: Vec<u32>,
    predecessor: Vec<u32>,
    membership_cell: Vec<u32>,
    status_cell: Vec<(u32, u32, u32)>,
    post_unit: Vec<u32>,
    residence_cell: Vec<u32>,
    residence_area: Vec<u32>,
}

struct PersonRefs {
    membership_person: Vec<u32>,
    post_person: Vec<u32>,
    residence_person: Vec<u32>,
}

impl Resolved {
    pub(crate) fn build(ds: &Dataset) -> Self {
        let unit_id = |p: u32| ds.units.get(p as usize).map(|u| u.id.as_str());
        let person_id = |p: u32| ds.people.get(p as usize).map(|x| x.id.as_str());
        let ((units, unit_dups), (people, person_dups)) = join(
            || IdIndex::build(ds.units.len(), unit_id),
            || IdIndex::build(ds.people.len(), person_id),
        );
        let (person_refs, unit_refs) = join(
            || {
                let mut person = Lookup::new(&people, person_id);
                PersonRefs {
                    membership_person: ds
                        .memberships
                        .iter()
                        .map(|m| person.get(&m.person, NONE))
                        .collect(),
                    post_person: ds
                        .posts
                        .iter()
                        .map(|p| person.get(&p.person, NONE))
                        .collect(),
                    residence_person: ds
                        .residence
                        .iter()
                        .map(|r| person.get(&r.person, NONE))
                        .collect(),
                }
            },
            || {
                let mut unit = Lookup::new(&units, unit_id);
                let mut link_start = Vec::with_capacity(ds.units.len() + 1);
                let mut link_parent = Vec::with_capacity(ds.units.len());
                for u in &ds.units {
                    link_start.push(pos32(link_parent.len()));
                    for (id, _) in u.parent_edges() {
                        link_parent.push(unit.get(id, NONE));
                    }
                }
                link_start.push(pos32(link_parent.len()));
                let mut pred_start = Vec::with_capacity(ds.units.len() + 1);
                let mut predecessor = Vec::new();
                for u in &ds.units {
                    pred_start.push(pos32(predecessor.len()));
                    for p in &u.predecessors {
                        predecessor.push(unit.get(p, NONE));
                    }
                }
                pred_start.push(pos32(predecessor.len()));
                let mut status_cell = Vec::new();
                for (i, m) in ds.memberships.iter().enumerate() {
                    for (j, s) in m.statuses.iter().enumerate() {
                        if let Some(c) = &s.cell {
                            status_cell.push((pos32(i), pos32(j), unit.get(c, NONE)));
                        }
                    }
                }
                UnitRefs {
                    unit_area: ds
                        .units
                        .iter()
                        .map(|u| u.area.as_deref().map_or(NONE, |a| unit.get(a, NONE)))
                        .collect(),
                    membership_cell: ds
                        .memberships
                        .iter()
                        .map(|m| unit.get(&m.cell, NONE))
                        .collect(),
                    status_cell,
                    post_unit: ds.posts.iter().map(|p| unit.get(&p.unit, NONE)).collect(),
                    residence_cell: ds
                        .residence
                        .iter()
                        .map(|r| unit.get(&r.cell, NONE))
                        .collect(),
                    residence_area: ds
                        .residence
                        .iter()
                        .map(|r| r.area.as_deref().map_or(NONE, |a| unit.get(a, NONE)))
                        .collect(),
                    link_start,
                    link_parent,
                    pred_start,
                    predecessor,
                }
            },
        );
        let (person_memberships, unit_posts) = join(
            || Chains::build(ds.people.len(), &person_refs.membership_person),
            || Chains::build(ds.units.len(), &unit_refs.post_unit),
        );
        Self {
            units,
            people,
            unit_dups,
            person_dups,
            link_start: unit_refs.link_start,
            link_parent: unit_refs.link_parent,
            unit_area: unit_refs.unit_area,
            pred_start: unit_refs.pred_start,
            predecessor: unit_refs.predecessor,
            membership_person: person_refs.membership_person,
            membership_cell: unit_refs.membership_cell,
            status_cell: unit_refs.status_cell,
            post_person: person_refs.post_person,
            post_unit: unit_refs.post_unit,
            residence_person: person_refs.residence_person,
            residence_cell: unit_refs.residence_cell,
            residence_area: unit_refs.residence_area,
            person_memberships,
            unit_posts,
        }
    }

    /// The resolved predecessors of unit `u`.
    pub(crate) fn predecessors_of(&self, u: usize) -> &[u32] {
        match (self.pred_start.get(u), self.pred_start.get(u + 1)) {
            (Some(&a), Some(&b)) => self.predecessor.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The resolved parents of unit `u`'s edges.
    pub(crate) fn parents_of(&self, u: usize) -> &[u32] {
        match (self.link_start.get(u), self.link_start.get(u + 1)) {
            (Some(&a), Some(&b)) => self.link_parent.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}
