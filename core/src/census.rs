//! A structural summary of the organisation graph on a date, per commune: units
//! by kind, members on the roll and who of them is rated (and why not), and how
//! many Front work board heads are also deputy secretaries of the area's cell.
//!
//! Every share is given as a numerator and a denominator, never only a rounded
//! percentage.
//!
//! ```
//! use xeploai::{census::census, date::parse_iso_date, sample};
//! let g = sample::graph().unwrap();
//! let c = census(&g, parse_iso_date("2025-12-31").unwrap());
//! assert_eq!(c.communes.len(), 10);
//! assert_eq!(c.total.members.on_roll,
//!            c.total.members.rated + c.total.members.exempt + c.total.members.suspended
//!            + c.total.members.admitted_under_six_months);
//! ```

use crate::date::Date;
use crate::graph::{eligibility, HeadLink, OrgGraph};
use crate::org::{IneligibleReason, UnitKind};
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::collections::BTreeMap;

/// Member counts (party-rating.md §4).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct MemberCounts {
    /// Memberships in force on the date.
    pub on_roll: u64,
    /// Of those, rated (not exempt, suspended or new).
    pub rated: u64,
    /// E1: exempted from party work and activities.
    pub exempt: u64,
    /// E2: suspended from party activities.
    pub suspended: u64,
    /// E3: admitted less than 6 calendar months before the date.
    pub admitted_under_six_months: u64,
    /// Probationary (not yet full) members on the roll, rated or not.
    pub probationary: u64,
    /// On the roll but in temporary party activity in another cell (rated at this cell).
    pub temporary_elsewhere: u64,
}

/// How many Front work board heads are the deputy secretary of a cell serving
/// their area (front-rating.md O14, §2.3).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct BoardHeads {
    /// Residential areas existing on the date.
    pub areas: u64,
    /// Areas with no cell: not applicable, outside the denominator.
    pub no_cell: u64,
    /// Areas with a cell but no Front work board.
    pub no_board: u64,
    /// Areas whose board has no head on the date.
    pub no_head: u64,
    /// Numerator: heads who are deputy secretaries.
    pub head_is_deputy_secretary: u64,
    /// Denominator: areas with a cell, a board and a head.
    pub with_head: u64,
}

/// The summary of one commune, or of the units that belong to no commune.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Row {
    /// The commune's id; `None` for the units outside every commune (the
    /// province's agencies, armed forces and enterprises).
    pub commune: Option<String>,
    /// The commune's name.
    pub name: String,
    /// Units existing on the date, by kind.
    pub units: BTreeMap<UnitKind, u64>,
    /// Members of the cells of the commune.
    pub members: MemberCounts,
    /// Front work board heads.
    pub board_heads: BoardHeads,
}

impl Row {
    fn add(&mut self, other: &Self) {
        for (k, n) in &other.units {
            *self.units.entry(*k).or_default() += n;
        }
        let (a, b) = (&mut self.members, &other.members);
        a.on_roll += b.on_roll;
        a.rated += b.rated;
        a.exempt += b.exempt;
        a.suspended += b.suspended;
        a.admitted_under_six_months += b.admitted_under_six_months;
        a.probationary += b.probationary;
        a.temporary_elsewhere += b.temporary_elsewhere;
        let (a, b) = (&mut self.board_heads, &other.board_heads);
        a.areas += b.areas;
        a.no_cell += b.no_cell;
        a.no_board += b.no_board;
        a.no_head += b.no_head;
        a.head_is_deputy_secretary += b.head_is_deputy_secretary;
        a.with_head += b.with_head;
    }
}

/// The summary on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Census {
    /// The date.
    #[serde(serialize_with = "ser_date")]
    pub as_of: Date,
    /// One row per commune existing on the date, in dataset order.
    pub communes: Vec<Row>,
    /// The units outside every commune.
    pub outside_communes: Row,
    /// The sum of all rows.
    pub total: Row,
}

fn ser_date<S: serde::Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&crate::date::format_iso_date(*d))
}

/// Computes the summary of `graph` on `as_of`.
#[must_use]
pub fn census(graph: &OrgGraph, as_of: Date) -> Census {
    let mut rows: Vec<Row> = Vec::new();
    let mut row_of: FxHashMap<&str, usize> = FxHashMap::default();
    for c in graph.units_of_kind_on(UnitKind::Commune, as_of) {
        row_of.insert(c.id.as_str(), rows.len());
        rows.push(Row {
            commune: Some(c.id.clone()),
            name: c.name.clone(),
            ..Row::default()
        });
    }
    let mut outside = Row {
        name: "(outside communes)".to_owned(),
        ..Row::default()
    };
    let mut memo: FxHashMap<&str, Option<usize>> = FxHashMap::default();
    for u in graph
        .dataset()
        .units
        .iter()
        .filter(|u| u.lifetime().contains(as_of))
    {
        let row = commune_row(graph, &u.id, as_of, &row_of, &mut memo);
        let target = match row.and_then(|r| rows.get_mut(r)) {
            Some(r) => r,
            None => &mut outside,
        };
        *target.units.entry(u.kind).or_default() += 1;
        if u.kind.holds_members() {
            for m in graph.memberships_of_cell(&u.id, as_of) {
                let c = &mut target.members;
                c.on_roll += 1;
                match eligibility(m, as_of) {
                    Ok(()) => c.rated += 1,
                    Err(IneligibleReason::Exempt) => c.exempt += 1,
                    Err(IneligibleReason::Suspended) => c.suspended += 1,
                    Err(IneligibleReason::AdmittedUnderSixMonths) => {
                        c.admitted_under_six_months += 1
                    }
                }
                if !m.is_full_member(as_of) {
                    c.probationary += 1;
                }
                if m.statuses_on(as_of)
                    .any(|s| s.kind == crate::org::StatusKind::TemporaryElsewhere)
                {
                    c.temporary_elsewhere += 1;
                }
            }
        }
        if u.kind == UnitKind::ResidentialArea {
            let b = &mut target.board_heads;
            b.areas += 1;
            match graph.board_head_link(&u.id, as_of) {
                HeadLink::NoCell => b.no_cell += 1,
                HeadLink::NoBoard => b.no_board += 1,
                HeadLink::NoHead => b.no_head += 1,
                HeadLink::Yes { .. } => {
                    b.with_head += 1;
                    b.head_is_deputy_secretary += 1;
                }
                HeadLink::No { .. } => b.with_head += 1,
            }
        }
    }
    let mut total = Row {
        name: "(total)".to_owned(),
        ..Row::default()
    };
    for r in &rows {
        total.add(r);
    }
    total.add(&outside);
    Census {
        as_of,
        communes: rows,
        outside_communes: outside,
        total,
    }
}

/// The row of the commune a unit belongs to, memoised along the ancestor chain.
fn commune_row<'g>(
    graph: &'g OrgGraph,
    id: &'g str,
    as_of: Date,
    row_of: &FxHashMap<&str, usize>,
    memo: &mut FxHashMap<&'g str, Option<usize>>,
) -> Option<usize> {
    if let Some(r) = memo.get(id) {
        return *r;
    }
    let r = graph
        .commune_of(id, as_of)
        .and_then(|c| row_of.get(c.id.as_str()).copied());
    memo.insert(id, r);
    r
}
