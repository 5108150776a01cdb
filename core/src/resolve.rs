//! Resolution of a dataset's references to record positions, shared by
//! validation and the graph. Runs on two threads: the id indexes of units and
//! people are built side by side, then the unit and the person references are
//! looked up side by side.

use crate::dataset::Dataset;
use crate::index::{join, pos32, Chains, IdIndex, Lookup};

/// `u32::MAX`: a reference that does not resolve.
pub(crate) const NONE: u32 = u32::MAX;

/// The unit (position, `NONE` if no unit has the id) each Front record of
/// these lists names as its residential area, in the order of the list.
#[derive(Debug, Default)]
pub(crate) struct FrontAreas {
    pub(crate) models: Vec<u32>,
    pub(crate) festivals: Vec<u32>,
    pub(crate) area_years: Vec<u32>,
}

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
    /// The person or the unit each evaluation is about (`NONE` for the other).
    pub(crate) evaluation_person: Vec<u32>,
    pub(crate) evaluation_unit: Vec<u32>,
    /// Evaluations by person and by unit.
    pub(crate) person_evaluations: Chains,
    pub(crate) unit_evaluations: Chains,
    /// Disciplines by person and by unit.
    pub(crate) person_disciplines: Chains,
    pub(crate) unit_disciplines: Chains,
    /// The areas the Front's records name.
    pub(crate) front_areas: FrontAreas,
}

impl Resolved {
    pub(crate) fn build(ds: &Dataset) -> Self {
        let unit_id = |p: u32| ds.units.get(p as usize).map(|u| u.id.as_str());
        let person_id = |p: u32| ds.people.get(p as usize).map(|x| x.id.as_str());
        let ((units, unit_dups), (people, person_dups)) = join(
            || IdIndex::build(ds.units.len(), unit_id),
            || IdIndex::build(ds.people.len(), person_id),
        );
        let (membership_person, membership_cell) =
            pairs(ds, &people, &units, &ds.memberships, |m| {
                (&m.person, &m.cell)
            });
        let (post_person, post_unit) =
            pairs(ds, &people, &units, &ds.posts, |p| (&p.person, &p.unit));
        let (residence_person, residence_cell) =
            pairs(ds, &people, &units, &ds.residence, |r| (&r.person, &r.cell));
        let mut u = Lookup::new(&units, unit_id);
        let mut link_start = Vec::with_capacity(ds.units.len() + 1);
        let mut link_parent = Vec::with_capacity(ds.units.len());
        let mut pred_start = Vec::with_capacity(ds.units.len() + 1);
        let mut predecessor = Vec::new();
        let mut unit_area = Vec::with_capacity(ds.units.len());
        for x in &ds.units {
            link_start.push(pos32(link_parent.len()));
            pred_start.push(pos32(predecessor.len()));
            for (id, _) in x.parent_edges() {
                link_parent.push(u.get(id, NONE));
            }
            for p in &x.predecessors {
                predecessor.push(u.get(p, NONE));
            }
            unit_area.push(x.area.as_deref().map_or(NONE, |a| u.get(a, NONE)));
        }
        link_start.push(pos32(link_parent.len()));
        pred_start.push(pos32(predecessor.len()));
        let mut status_cell = Vec::new();
        for (i, m) in ds.memberships.iter().enumerate() {
            for (j, s) in m.statuses.iter().enumerate() {
                if let Some(c) = &s.cell {
                    status_cell.push((pos32(i), pos32(j), u.get(c, NONE)));
                }
            }
        }
        let residence_area = ds
            .residence
            .iter()
            .map(|r| r.area.as_deref().map_or(NONE, |a| u.get(a, NONE)))
            .collect();
        let f = &ds.front;
        let front_areas = FrontAreas {
            models: f
                .self_management_models
                .iter()
                .map(|m| u.get(&m.area, NONE))
                .collect(),
            festivals: f
                .unity_festivals
                .iter()
                .map(|x| u.get(&x.area, NONE))
                .collect(),
            area_years: f.area_years.iter().map(|x| u.get(&x.area, NONE)).collect(),
        };
        let (evaluation_person, evaluation_unit) =
            subjects(ds, &people, &units, &ds.evaluations, |e| &e.subject);
        let (discipline_person, discipline_unit) =
            subjects(ds, &people, &units, &ds.disciplines, |d| &d.subject);
        let ((person_evaluations, unit_evaluations), (person_disciplines, unit_disciplines)) = join(
            || {
                (
                    Chains::build(ds.people.len(), &evaluation_person),
                    Chains::build(ds.units.len(), &evaluation_unit),
                )
            },
            || {
                (
                    Chains::build(ds.people.len(), &discipline_person),
                    Chains::build(ds.units.len(), &discipline_unit),
                )
            },
        );
        Self {
            front_areas,
            evaluation_person,
            evaluation_unit,
            person_evaluations,
            unit_evaluations,
            person_disciplines,
            unit_disciplines,
            unit_dups,
            person_dups,
            link_start,
            link_parent,
            unit_area,
            pred_start,
            predecessor,
            membership_person,
            membership_cell,
            status_cell,
            post_person,
            post_unit,
            residence_person,
            residence_cell,
            residence_area,
            units,
            people,
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

/// A lookup of person ids, remembering its last answer.
fn person_lookup<'d>(
    ds: &'d Dataset,
    people: &'d IdIndex,
) -> Lookup<'d, impl Fn(u32) -> Option<&'d str>> {
    Lookup::new(people, move |i: u32| {
        ds.people.get(i as usize).map(|x| x.id.as_str())
    })
}

/// A lookup of unit ids, remembering its last answer.
fn unit_lookup<'d>(
    ds: &'d Dataset,
    units: &'d IdIndex,
) -> Lookup<'d, impl Fn(u32) -> Option<&'d str>> {
    Lookup::new(units, move |i: u32| {
        ds.units.get(i as usize).map(|x| x.id.as_str())
    })
}

/// Maps each half of `items` on its own thread (each with its own lookup
/// memory) and concatenates the two pairs of columns.
fn in_halves<'d, T: Sync>(
    items: &'d [T],
    half: impl Fn(&'d [T]) -> (Vec<u32>, Vec<u32>) + Sync,
) -> (Vec<u32>, Vec<u32>) {
    let (first, second) = items.split_at(items.len() / 2);
    let ((mut a1, mut b1), (a2, b2)) = join(|| half(first), || half(second));
    a1.extend(a2);
    b1.extend(b2);
    (a1, b1)
}

/// Resolves the (person, unit) references of `items`.
fn pairs<'d, T: Sync>(
    ds: &'d Dataset,
    people: &'d IdIndex,
    units: &'d IdIndex,
    items: &'d [T],
    keys: fn(&'d T) -> (&'d String, &'d String),
) -> (Vec<u32>, Vec<u32>) {
    in_halves(items, |part| {
        let (mut p, mut u) = (person_lookup(ds, people), unit_lookup(ds, units));
        part.iter()
            .map(|item| {
                let (person, unit) = keys(item);
                (p.get(person, NONE), u.get(unit, NONE))
            })
            .unzip()
    })
}

/// Resolves the subject of each record: a person, else a unit.
fn subjects<'d, T: Sync>(
    ds: &'d Dataset,
    people: &'d IdIndex,
    units: &'d IdIndex,
    items: &'d [T],
    subject: fn(&'d T) -> &'d String,
) -> (Vec<u32>, Vec<u32>) {
    in_halves(items, |part| {
        let (mut p, mut u) = (person_lookup(ds, people), unit_lookup(ds, units));
        part.iter()
            .map(|item| {
                let id = subject(item);
                let person = p.get(id, NONE);
                (
                    person,
                    if person == NONE {
                        u.get(id, NONE)
                    } else {
                        NONE
                    },
                )
            })
            .unzip()
    })
}
