//! The composition checks of a Front work board on a date (front-rating.md §2.3,
//! rules O2–O4 of the model regulation presented at the 2016 training on Hướng
//! dẫn 52/HD-MTTW-BTT): 9–15 members, exactly one head, the deputies, a
//! representative of the area cell's committee (not applicable where the area
//! has no cell) and the heads of the area's mass-organisation branches. The
//! limits and the list of organisations are policy settings. Whether the head is
//! the deputy secretary of the cell is an indicator ([`crate::front::indicators`]),
//! not a check. The size of a commune's People's Inspection Board (§4.6 B1, B2)
//! is checked by [`inspection_board`].

use crate::dataset::Unit;
use crate::date::Date;
use crate::explain::{date_value, Effect, Finding};
use crate::front::data::InspectionBoard;
use crate::front::report::{Check, CheckStatus};
use crate::front::rules as fr;
use crate::front::settings::FrontPolicy;
use crate::graph::OrgGraph;
use crate::org::{Role, UnitKind};

fn check(status: CheckStatus, rule: &'static crate::explain::RuleDef, values: &[i64]) -> Check {
    let effect = match status {
        CheckStatus::Met => Effect::Met,
        CheckStatus::Failed => Effect::Lowered,
        CheckStatus::NotApplicable => Effect::Noted,
    };
    Check {
        status,
        unit: None,
        finding: Finding::new(rule, effect, values),
    }
}

const fn status(ok: bool) -> CheckStatus {
    if ok {
        CheckStatus::Met
    } else {
        CheckStatus::Failed
    }
}

/// The size check of a commune's People's Inspection Board on `as_of`, the
/// commune having `areas` residential areas (front-rating.md §4.6). From 15
/// August 2023 (NĐ 59/2023, B1) it has as many members as the commune has
/// villages and blocks, at least 5; before (NĐ 159/2016, B2) a mountain, midland
/// or island commune has one per village, at most 11, and a plains commune
/// 5 or 7 under 5,000 people, 7 or 9 under 9,000, 9 or 11 from 9,000 (not
/// applicable without the population).
#[must_use]
pub fn inspection_board(b: &InspectionBoard, areas: u64, as_of: Date) -> Check {
    let members = u64::from(b.members);
    let v = |x: u64| i64::try_from(x).unwrap_or(i64::MAX);
    let nd59 = chrono::NaiveDate::from_ymd_opt(2023, 8, 15).is_some_and(|d| as_of >= d);
    if nd59 {
        let required = areas.max(5);
        return check(
            status(members == required),
            &fr::INSPECTION_BOARD,
            &[v(members), v(required), v(areas)],
        );
    }
    if b.upland {
        let required = areas.min(11);
        return check(
            status(members == required),
            &fr::INSPECTION_BOARD_UPLAND,
            &[v(members), v(required), v(areas)],
        );
    }
    let Some(population) = b.population else {
        return check(
            CheckStatus::NotApplicable,
            &fr::INSPECTION_BOARD_NO_POPULATION,
            &[v(members)],
        );
    };
    let (low, high) = match population {
        0..5_000 => (5, 7),
        5_000..9_000 => (7, 9),
        _ => (9, 11),
    };
    check(
        status(members == low || members == high),
        &fr::INSPECTION_BOARD_PLAINS,
        &[v(members), i64::from(population), v(low), v(high)],
    )
}

/// The checks of `board` on `as_of`, in the order of §2.3.
///
/// ```
/// use xeploai::front::{composition::check_board, report::CheckStatus, settings::FrontPolicy};
/// use xeploai::date::parse_iso_date;
/// let g = xeploai::sample::graph().unwrap();
/// let day = parse_iso_date("2025-12-31").unwrap();
/// let board = g.units_of_kind_on(xeploai::UnitKind::FrontWorkBoard, day).next().unwrap();
/// let checks = check_board(&g, board, day, &FrontPolicy::default());
/// assert_eq!(checks[0].finding.rule().id, "front.o2.size");
/// ```
#[must_use]
pub fn check_board(graph: &OrgGraph, board: &Unit, as_of: Date, p: &FrontPolicy) -> Vec<Check> {
    check_board_at(
        graph,
        graph.unit_pos(&board.id).unwrap_or(u32::MAX),
        board,
        as_of,
        p,
    )
}

/// [`check_board`] of the board at position `pos` (`u32::MAX`: not in the graph).
pub(crate) fn check_board_at(
    graph: &OrgGraph,
    pos: u32,
    board: &Unit,
    as_of: Date,
    p: &FrontPolicy,
) -> Vec<Check> {
    let day = date_value(as_of);
    // Posts and persons by position: (role, person).
    let posts: Vec<(Role, u32)> = graph
        .posts_in(pos, as_of)
        .filter_map(|i| {
            let role = graph.dataset().posts.get(i as usize)?.role;
            let person = graph.post_person.get(i as usize).copied()?;
            Some((role, person))
        })
        .collect();
    let persons = |keep: &dyn Fn(Role) -> bool| -> Vec<u32> {
        let mut v: Vec<u32> = posts
            .iter()
            .filter(|(role, _)| keep(*role))
            .map(|&(_, person)| person)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let members =
        persons(&|r| matches!(r, Role::BoardHead | Role::BoardDeputy | Role::BoardMember));
    let count = |role: Role| i64::try_from(persons(&|r| r == role).len()).unwrap_or(i64::MAX);
    let n = i64::try_from(members.len()).unwrap_or(i64::MAX);
    let mut out = Vec::with_capacity(6);
    // O2: 9 to 15 persons.
    out.push(check(
        status(n >= i64::from(p.min_size) && n <= i64::from(p.max_size)),
        &fr::SIZE,
        &[n, i64::from(p.min_size), i64::from(p.max_size), day],
    ));
    // O3: exactly one head; one or more deputies (at most the setting).
    let heads = count(Role::BoardHead);
    out.push(check(status(heads == 1), &fr::HEAD, &[heads, day]));
    let deputies = count(Role::BoardDeputy);
    out.push(check(
        status(deputies >= i64::from(p.min_deputies) && deputies <= i64::from(p.max_deputies)),
        &fr::DEPUTIES,
        &[
            deputies,
            i64::from(p.min_deputies),
            i64::from(p.max_deputies),
            day,
        ],
    ));
    let Some(area_id) = board.area.as_deref() else {
        return out;
    };
    // By position when the board is the graph's (the id otherwise).
    let area = graph.area_pos(pos).or_else(|| graph.unit_pos(area_id));
    // O4a: a representative of the chi ủy of the area's cell(s).
    let cells: Vec<u32> = area
        .into_iter()
        .flat_map(|a| graph.cells_of_area_pos(a, as_of))
        .collect();
    if cells.is_empty() {
        out.push(check(CheckStatus::NotApplicable, &fr::NO_CELL, &[day]));
    } else {
        let ds = graph.dataset();
        let represented = members.iter().any(|&person| {
            graph.posts_held(person, as_of).any(|i| {
                ds.posts.get(i as usize).is_some_and(|q| {
                    matches!(
                        q.role,
                        Role::Secretary | Role::DeputySecretary | Role::CommitteeMember
                    )
                }) && graph
                    .post_unit
                    .get(i as usize)
                    .is_some_and(|u| cells.contains(u))
            })
        });
        out.push(check(status(represented), &fr::CELL_REPRESENTATIVE, &[day]));
    }
    // O4b: the heads of the area's mass-organisation branches (of the listed organisations).
    let mut all_present = true;
    let mut any_branch = false;
    for b in area.into_iter().flat_map(|a| graph.children_pos(a, as_of)) {
        let Some(branch) = graph
            .unit_at(b)
            .filter(|u| u.kind == UnitKind::MassOrgBranch)
        else {
            continue;
        };
        if !branch
            .organisation
            .as_ref()
            .is_some_and(|o| p.mass_organisations.contains(o))
        {
            continue;
        }
        for head in graph.holders_in(b, Role::BranchHead, as_of) {
            any_branch = true;
            if members.binary_search(&head).is_err() {
                all_present = false;
                let mut c = check(CheckStatus::Failed, &fr::BRANCH_HEAD, &[day]);
                c.unit = Some(branch.id.clone());
                out.push(c);
            }
        }
    }
    if any_branch && all_present {
        out.push(check(CheckStatus::Met, &fr::BRANCH_HEAD, &[day]));
    }
    out
}
