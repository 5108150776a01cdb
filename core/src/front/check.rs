//! Validation of the Front section of a dataset (called by
//! [`crate::validate`]): every scheme is checked as at load, and every record's
//! references, codes and counts, each problem located by its JSON path
//! (`front.board_evaluations[3].scores.c9`) with the record and the field.

use crate::dataset::{Dataset, Unit};
use crate::front::presets;
use crate::front::scheme::Scheme;
use crate::org::{Tree, UnitKind};
use crate::validate::{check_tasks, Collection, ProblemKind, Resolved, Sink};
use rustc_hash::FxHashMap;

/// The record label of a Front record, for [`crate::validate::Problem::record`].
pub(crate) fn record_label(ds: &Dataset, c: Collection, i: usize) -> Option<String> {
    let f = &ds.front;
    match c {
        Collection::FrontSchemes => f.schemes.get(i).map(|s| s.id.clone()),
        Collection::FrontBoardEvaluations => f
            .board_evaluations
            .get(i)
            .map(|e| format!("{} {}", e.board, e.year)),
        Collection::FrontModels => f
            .self_management_models
            .get(i)
            .map(|m| format!("{} {}", m.id, m.year)),
        Collection::FrontFestivals => f
            .unity_festivals
            .get(i)
            .map(|x| format!("{} {}", x.area, x.year)),
        Collection::FrontAreaYears => f
            .area_years
            .get(i)
            .map(|x| format!("{} {}", x.area, x.year)),
        Collection::FrontCommitteeYears => f
            .committee_years
            .get(i)
            .map(|x| format!("{} {}", x.committee, x.year)),
        Collection::FrontPartyCommitteeYears => f
            .party_committee_years
            .get(i)
            .map(|x| format!("{} {}", x.committee, x.year)),
        Collection::FrontRegulations => f
            .coordination_regulations
            .get(i)
            .map(|x| format!("{} with {}", x.government, x.front_committee)),
        Collection::FrontDanVanKheo => f
            .dan_van_kheo
            .get(i)
            .map(|x| format!("{} {}", x.id, x.year)),
        Collection::FrontHonours => f.honours.get(i).map(|x| format!("{} {}", x.person, x.year)),
        _ => None,
    }
}

struct Refs<'a> {
    ds: &'a Dataset,
    r: &'a Resolved,
}

impl<'a> Refs<'a> {
    fn unit(&self, id: &str) -> Option<&'a Unit> {
        self.r
            .units
            .get(id, |p| self.ds.units.get(p as usize).map(|u| u.id.as_str()))
            .and_then(|p| self.ds.units.get(p as usize))
    }

    /// Checks that `id` names a unit whose kind passes `ok`; `expected` names the kinds.
    fn check_unit(
        &self,
        sink: &mut Sink<'_>,
        (c, i, field): (Collection, usize, &str),
        id: &str,
        ok: impl Fn(UnitKind) -> bool,
        expected: &str,
    ) {
        match self.unit(id) {
            None => sink.push(
                c,
                i,
                field,
                ProblemKind::DanglingReference {
                    target: id.to_owned(),
                    expected: "unit",
                },
            ),
            Some(u) if !ok(u.kind) => sink.push(
                c,
                i,
                field,
                ProblemKind::WrongKind {
                    target: id.to_owned(),
                    found: u.kind,
                    expected: expected.to_owned(),
                },
            ),
            Some(_) => {}
        }
    }
}

/// A second record of `c` with the same key (a subject and a year) is a
/// `duplicate_record`, reported at the later record's `year`, naming the first.
fn duplicates<K: std::hash::Hash + Eq>(
    sink: &mut Sink<'_>,
    c: Collection,
    keys: impl Iterator<Item = (K, String)>,
) {
    let mut seen: FxHashMap<K, usize> = FxHashMap::default();
    for (i, (k, subject)) in keys.enumerate() {
        if let Some(&first) = seen.get(&k) {
            sink.push(
                c,
                i,
                "year",
                ProblemKind::DuplicateRecord {
                    subject,
                    other: format!("{}[{first}]", c.as_str()),
                },
            );
        } else {
            seen.insert(k, i);
        }
    }
}

fn at_most(sink: &mut Sink<'_>, (c, i, field): (Collection, usize, &str), value: u32, max: u32) {
    if value > max {
        sink.push(
            c,
            i,
            field,
            ProblemKind::OutOfRange {
                value: i64::from(value),
                min: 0,
                max: i64::from(max),
            },
        );
    }
}

/// Checks the Front section.
#[expect(clippy::too_many_lines, reason = "one block per array")]
pub(crate) fn check(ds: &Dataset, r: &Resolved, sink: &mut Sink<'_>) {
    let f = &ds.front;
    if f.is_empty() {
        return;
    }
    let refs = Refs { ds, r };
    use Collection as C;

    // Schemes: each checked as at load; ids unique.
    let mut schemes: FxHashMap<&str, &Scheme> = FxHashMap::default();
    for (i, s) in f.schemes.iter().enumerate() {
        for p in s.check() {
            sink.push(C::FrontSchemes, i, p.path, p.kind);
        }
        if schemes.insert(s.id.as_str(), s).is_some() {
            let first = f.schemes.iter().position(|x| x.id == s.id).unwrap_or(0);
            sink.push(
                C::FrontSchemes,
                i,
                "id",
                ProblemKind::DuplicateId {
                    id: s.id.clone(),
                    first: format!("front.schemes[{first}]"),
                },
            );
        }
    }
    let mut presets_loaded: FxHashMap<String, Option<Scheme>> = FxHashMap::default();

    // Board evaluations.
    for (i, e) in f.board_evaluations.iter().enumerate() {
        refs.check_unit(
            sink,
            (C::FrontBoardEvaluations, i, "board"),
            &e.board,
            |k| k == UnitKind::FrontWorkBoard,
            "`front_work_board`",
        );
        if let Some(t) = &e.tasks {
            check_tasks(sink, C::FrontBoardEvaluations, i, "tasks", t);
        }
        let Some(id) = e.scheme.as_deref() else {
            continue;
        };
        let scheme = match schemes.get(id) {
            Some(s) => Some(*s),
            None => presets_loaded
                .entry(id.to_owned())
                .or_insert_with(|| presets::scheme(id).ok())
                .as_ref(),
        };
        let Some(scheme) = scheme else {
            let mut known: Vec<&str> = schemes.keys().copied().collect();
            known.extend(presets::SCHEMES);
            known.sort_unstable();
            sink.push(
                C::FrontBoardEvaluations,
                i,
                "scheme",
                ProblemKind::UnknownCode {
                    code: id.to_owned(),
                    known: known.join(", "),
                },
            );
            continue;
        };
        let list = |codes: Vec<&str>| codes.join(", ");
        for code in e.scores.keys() {
            if !scheme.criteria.iter().any(|c| &c.code == code) {
                sink.push(
                    C::FrontBoardEvaluations,
                    i,
                    format!("scores.{code}"),
                    ProblemKind::UnknownCode {
                        code: code.clone(),
                        known: list(scheme.criteria.iter().map(|c| c.code.as_str()).collect()),
                    },
                );
            }
        }
        for (k, code) in e.deductions.iter().enumerate() {
            if !scheme.deductions.iter().any(|d| &d.code == code) {
                sink.push(
                    C::FrontBoardEvaluations,
                    i,
                    format!("deductions[{k}]"),
                    ProblemKind::UnknownCode {
                        code: code.clone(),
                        known: list(scheme.deductions.iter().map(|d| d.code.as_str()).collect()),
                    },
                );
            }
        }
        for (k, code) in e.vetoes.iter().enumerate() {
            if !scheme.vetoes.iter().any(|d| &d.code == code) {
                sink.push(
                    C::FrontBoardEvaluations,
                    i,
                    format!("vetoes[{k}]"),
                    ProblemKind::UnknownCode {
                        code: code.clone(),
                        known: list(scheme.vetoes.iter().map(|d| d.code.as_str()).collect()),
                    },
                );
            }
        }
    }
    duplicates(
        sink,
        C::FrontBoardEvaluations,
        f.board_evaluations
            .iter()
            .map(|e| ((e.board.as_str(), e.year), e.board.clone())),
    );

    let area = |k: UnitKind| k == UnitKind::ResidentialArea;
    for (i, m) in f.self_management_models.iter().enumerate() {
        refs.check_unit(
            sink,
            (C::FrontModels, i, "area"),
            &m.area,
            area,
            "`residential_area`",
        );
    }
    duplicates(
        sink,
        C::FrontModels,
        f.self_management_models
            .iter()
            .map(|m| ((m.id.as_str(), m.year), m.id.clone())),
    );
    for (i, x) in f.unity_festivals.iter().enumerate() {
        refs.check_unit(
            sink,
            (C::FrontFestivals, i, "area"),
            &x.area,
            area,
            "`residential_area`",
        );
        if let Some(d) = x.held_on {
            use chrono::Datelike;
            if d.year() != x.year {
                sink.push(
                    C::FrontFestivals,
                    i,
                    "held_on",
                    ProblemKind::OutOfRange {
                        value: i64::from(d.year()),
                        min: i64::from(x.year),
                        max: i64::from(x.year),
                    },
                );
            }
        }
    }
    duplicates(
        sink,
        C::FrontFestivals,
        f.unity_festivals
            .iter()
            .map(|x| ((x.area.as_str(), x.year), x.area.clone())),
    );
    for (i, x) in f.area_years.iter().enumerate() {
        refs.check_unit(
            sink,
            (C::FrontAreaYears, i, "area"),
            &x.area,
            area,
            "`residential_area`",
        );
        at_most(
            sink,
            (C::FrontAreaYears, i, "cultured_families"),
            x.cultured_families,
            x.households,
        );
        if let Some(s) = x.survey {
            at_most(
                sink,
                (C::FrontAreaYears, i, "survey.ballots_returned"),
                s.ballots_returned,
                x.households,
            );
            at_most(
                sink,
                (C::FrontAreaYears, i, "survey.valid_ballots"),
                s.valid_ballots,
                s.ballots_returned,
            );
            at_most(
                sink,
                (C::FrontAreaYears, i, "survey.satisfied"),
                s.satisfied,
                s.valid_ballots,
            );
        }
        at_most(
            sink,
            (C::FrontAreaYears, i, "cultured_family_households"),
            u32::try_from(x.cultured_family_households.len()).unwrap_or(u32::MAX),
            x.households,
        );
        let mut seen: FxHashMap<&str, usize> = FxHashMap::default();
        for (j, h) in x.cultured_family_households.iter().enumerate() {
            if let Some(&first) = seen.get(h.as_str()) {
                sink.push(
                    C::FrontAreaYears,
                    i,
                    format!("cultured_family_households[{j}]"),
                    ProblemKind::DuplicateId {
                        id: h.clone(),
                        first: format!("front.area_years[{i}].cultured_family_households[{first}]"),
                    },
                );
            } else {
                seen.insert(h.as_str(), j);
            }
        }
        if let Some(m) = &x.model_area {
            for (j, &c) in m.criteria_met.iter().enumerate() {
                if !(1..=crate::front::residential::MODEL_AREA_CRITERIA).contains(&c) {
                    sink.push(
                        C::FrontAreaYears,
                        i,
                        format!("model_area.criteria_met[{j}]"),
                        ProblemKind::OutOfRange {
                            value: i64::from(c),
                            min: 1,
                            max: i64::from(crate::front::residential::MODEL_AREA_CRITERIA),
                        },
                    );
                }
            }
        }
    }
    duplicates(
        sink,
        C::FrontAreaYears,
        f.area_years
            .iter()
            .map(|x| ((x.area.as_str(), x.year), x.area.clone())),
    );
    for (i, x) in f.committee_years.iter().enumerate() {
        refs.check_unit(
            sink,
            (C::FrontCommitteeYears, i, "committee"),
            &x.committee,
            |k| k == UnitKind::FrontCommittee,
            "`front_committee`",
        );
    }
    duplicates(
        sink,
        C::FrontCommitteeYears,
        f.committee_years
            .iter()
            .map(|x| ((x.committee.as_str(), x.year), x.committee.clone())),
    );
    for (i, x) in f.party_committee_years.iter().enumerate() {
        refs.check_unit(
            sink,
            (C::FrontPartyCommitteeYears, i, "committee"),
            &x.committee,
            |k| k.tree() == Tree::Party && !k.holds_members() && k != UnitKind::PartyGroup,
            "a party committee",
        );
        at_most(
            sink,
            (C::FrontPartyCommitteeYears, i, "conclusions_followed_up"),
            x.conclusions_followed_up,
            x.conclusions_issued,
        );
    }
    duplicates(
        sink,
        C::FrontPartyCommitteeYears,
        f.party_committee_years
            .iter()
            .map(|x| ((x.committee.as_str(), x.year), x.committee.clone())),
    );
    for (i, x) in f.party_committee_years.iter().enumerate() {
        at_most(
            sink,
            (C::FrontPartyCommitteeYears, i, "reception_days"),
            u32::try_from(x.reception_days.len()).unwrap_or(u32::MAX),
            12,
        );
        for (j, &d) in x.reception_days.iter().enumerate() {
            at_most(
                sink,
                (
                    C::FrontPartyCommitteeYears,
                    i,
                    &format!("reception_days[{j}]"),
                ),
                d,
                31,
            );
        }
    }
    for (i, x) in f.coordination_regulations.iter().enumerate() {
        refs.check_unit(
            sink,
            (C::FrontRegulations, i, "government"),
            &x.government,
            |k| {
                matches!(
                    k,
                    UnitKind::Commune | UnitKind::District | UnitKind::Province
                )
            },
            "`commune`, `district` or `province`",
        );
        refs.check_unit(
            sink,
            (C::FrontRegulations, i, "front_committee"),
            &x.front_committee,
            |k| k == UnitKind::FrontCommittee,
            "`front_committee`",
        );
        if let (Some(from), Some(to)) = (x.from, x.to) {
            if to < from {
                sink.push(
                    C::FrontRegulations,
                    i,
                    "to",
                    ProblemKind::ReversedRange { from, to },
                );
            }
        }
    }
    for (i, x) in f.dan_van_kheo.iter().enumerate() {
        refs.check_unit(
            sink,
            (C::FrontDanVanKheo, i, "unit"),
            &x.unit,
            |_| true,
            "a unit",
        );
    }
    duplicates(
        sink,
        C::FrontDanVanKheo,
        f.dan_van_kheo
            .iter()
            .map(|x| ((x.id.as_str(), x.year), x.id.clone())),
    );
    for (i, x) in f.honours.iter().enumerate() {
        let known = r
            .people
            .get(&x.person, |p| {
                ds.people.get(p as usize).map(|u| u.id.as_str())
            })
            .is_some();
        if !known {
            sink.push(
                C::FrontHonours,
                i,
                "person",
                ProblemKind::DanglingReference {
                    target: x.person.clone(),
                    expected: "person",
                },
            );
        }
        refs.check_unit(
            sink,
            (C::FrontHonours, i, "board"),
            &x.board,
            |k| k == UnitKind::FrontWorkBoard,
            "`front_work_board`",
        );
    }
}
