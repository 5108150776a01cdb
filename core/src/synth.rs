//! A deterministic generator of realistic synthetic datasets, from one sample
//! province to the whole country after the 2025 reform (DESIGN §8).
//!
//! The same [`Spec`] always gives the same dataset, byte for byte, whatever the
//! machine or the number of threads: each province draws from its own seeded
//! random stream and ids are derived from positions.
//!
//! The shape follows party-rating.md §3.3 and front-rating.md §1.3: 34
//! provinces, 3,321 communes, about 80,000 residential areas each with a Front
//! work board and (usually) one cell, cells of schools, health stations,
//! police, military and agencies, about 52,000 grassroots organisations and
//! 270,000 cells, and about 5.6 million members, with realistic shares of
//! exempt, suspended, probationary and new members. With [`Spec::reform`] the
//! dataset also holds the pre-reform tree: districts and the old communes,
//! dissolved on 30 June 2025, with the residential areas, cells and boards
//! re-parented to the merged communes on 1 July 2025.
//!
//! ```
//! use xeploai::synth::{generate, Spec};
//! let spec = Spec { communes: 2, agency_organisations_per_province: 3, ..Spec::sample() };
//! let a = generate(&spec);
//! assert_eq!(a, generate(&spec));
//! assert!(xeploai::validate::validate(&a).is_ok());
//! ```

mod evaluations;
mod front;
mod names;

use crate::dataset::{
    Dataset, Membership, ParentLink, Person, Post, Residence, StatusPeriod, Unit,
};
use crate::date::Date;
use crate::org::{
    Category, CellType, FrontLevel, Gender, ResidenceExemption, Role, StatusKind, UnitKind,
};
use chrono::{Datelike, NaiveDate};
use names::{
    Region, AGENCY_NAMES, BLOCS, BRANCHES, FAMILY, GIVEN_FEMALE, GIVEN_MALE, MIDDLE_FEMALE,
    MIDDLE_MALE, PLACE_FIRST, PLACE_SECOND, PROVINCES,
};

/// What to generate. Counts are means; each unit varies around them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    /// The seed of the random streams.
    pub seed: u64,
    /// Number of provinces (at most 34; the names follow the 2025 list).
    pub provinces: u32,
    /// Position of the first province in the 2025 list (0 = Hà Nội, 31 = Đồng Tháp).
    pub first_province: u32,
    /// Number of communes (after the reform) over all provinces.
    pub communes: u32,
    /// Mean number of residential areas per commune.
    pub areas_per_commune: u32,
    /// Mean number of members of a residential cell.
    pub members_per_residential_cell: u32,
    /// Mean number of non-residential cells (school, health, police …) per commune.
    pub other_cells_per_commune: u32,
    /// Mean number of members of a non-residential cell.
    pub members_per_other_cell: u32,
    /// Grassroots organisations of agencies, public services, the armed forces and
    /// enterprises per province (outside the communes).
    pub agency_organisations_per_province: u32,
    /// Whether to include the pre-reform tree (districts, old communes) dissolved
    /// on 30 June 2025.
    pub reform: bool,
    /// The year the data describes (admissions, statuses and posts lead up to it).
    pub year: i32,
    /// The rating years to generate evaluations for (none: structure only).
    pub evaluation_years: &'static [i32],
    /// Whether to add the sample's extras: self-assessments beside the appraisals,
    /// an explicit outstanding quota group, recorded decisions.
    pub sample_extras: bool,
}

impl Spec {
    /// The whole country after the 2025 reform, with the pre-reform tree:
    /// 34 provinces, 3,321 communes, ≈ 80 k residential areas, ≈ 5.6 M members.
    #[must_use]
    pub const fn country() -> Self {
        Self {
            seed: 2025,
            provinces: 34,
            first_province: 0,
            communes: 3321,
            areas_per_commune: 24,
            members_per_residential_cell: 38,
            other_cells_per_commune: 6,
            members_per_other_cell: 20,
            agency_organisations_per_province: 1430,
            reform: true,
            year: 2025,
            evaluation_years: &[2025],
            sample_extras: false,
        }
    }

    /// One realistic province: ≈ 100 communes, ≈ 165 k members.
    #[must_use]
    pub const fn province() -> Self {
        Self {
            provinces: 1,
            first_province: 31,
            communes: 98,
            ..Self::country()
        }
    }

    /// The embedded sample: one province (Đồng Tháp), 10 communes, ≈ 150 cells,
    /// ≈ 6,000 members.
    #[must_use]
    pub const fn sample() -> Self {
        Self {
            seed: 366,
            provinces: 1,
            first_province: 31,
            communes: 10,
            areas_per_commune: 11,
            members_per_residential_cell: 47,
            other_cells_per_commune: 2,
            members_per_other_cell: 16,
            agency_organisations_per_province: 8,
            reform: true,
            year: 2025,
            evaluation_years: &[2024, 2025],
            sample_extras: true,
        }
    }
}

/// Generates the dataset described by `spec`, using all cores.
#[must_use]
pub fn generate(spec: &Spec) -> Dataset {
    let n = spec.provinces.min(PROVINCES.len() as u32);
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .max(1);
    let mut parts: Vec<Option<Part>> = (0..n).map(|_| None).collect();
    std::thread::scope(|s| {
        let chunks: Vec<_> = parts.chunks_mut(((n as usize) / threads).max(1)).collect();
        let mut start = 0u32;
        for chunk in chunks {
            let first = start;
            start += chunk.len() as u32;
            s.spawn(move || {
                for (k, slot) in chunk.iter_mut().enumerate() {
                    *slot = Some(province(spec, first + k as u32));
                }
            });
        }
    });
    let mut ds = Dataset::new();
    ds.description = Some(format!(
        "synthetic data (xeploai::synth, seed {}): {} province(s), {} communes, year {}{}",
        spec.seed,
        n,
        spec.communes,
        spec.year,
        if spec.reform {
            ", with the pre-reform tree"
        } else {
            ""
        }
    ));
    let parts: Vec<Part> = parts.into_iter().flatten().collect();
    ds.units.reserve(parts.iter().map(|p| p.units.len()).sum());
    ds.people
        .reserve(parts.iter().map(|p| p.people.len()).sum());
    ds.memberships
        .reserve(parts.iter().map(|p| p.memberships.len()).sum());
    ds.posts.reserve(parts.iter().map(|p| p.posts.len()).sum());
    ds.residence
        .reserve(parts.iter().map(|p| p.residence.len()).sum());
    ds.evaluations
        .reserve(parts.iter().map(|p| p.evaluations.len()).sum());
    for p in parts {
        ds.units.extend(p.units);
        ds.people.extend(p.people);
        ds.memberships.extend(p.memberships);
        ds.posts.extend(p.posts);
        ds.residence.extend(p.residence);
        ds.evaluations.extend(p.evaluations);
        ds.disciplines.extend(p.disciplines);
        ds.quota_groups.extend(p.quota_groups);
        ds.decisions.extend(p.decisions);
        let f = &mut ds.front;
        let pf = p.front;
        f.board_evaluations.extend(pf.board_evaluations);
        f.self_management_models.extend(pf.self_management_models);
        f.unity_festivals.extend(pf.unity_festivals);
        f.area_years.extend(pf.area_years);
        f.committee_years.extend(pf.committee_years);
        f.party_committee_years.extend(pf.party_committee_years);
        f.coordination_regulations
            .extend(pf.coordination_regulations);
        f.dan_van_kheo.extend(pf.dan_van_kheo);
        f.honours.extend(pf.honours);
    }
    ds
}

/// SplitMix64: small, fast, and fixed forever so that datasets stay stable.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64, stream: u64) -> Self {
        let mut r = Self(seed ^ stream.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        r.next();
        r
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (0 if `n` is 0).
    fn below(&mut self, n: u32) -> u32 {
        if n == 0 {
            0
        } else {
            (((self.next() >> 32) * u64::from(n)) >> 32) as u32
        }
    }
    /// True with probability `per_mille / 1000`.
    fn chance(&mut self, per_mille: u32) -> bool {
        self.below(1000) < per_mille
    }
    /// Around `mean`, uniformly within ±`spread_pct` %, at least `min`.
    fn around(&mut self, mean: u32, spread_pct: u32, min: u32) -> u32 {
        let spread = mean * spread_pct / 100;
        (mean - spread.min(mean) + self.below(2 * spread + 1)).max(min)
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let i = self.below(items.len() as u32) as usize;
        // `items` is never empty here: every caller passes a constant list.
        &items[i.min(items.len().saturating_sub(1))]
    }
    fn weighted<'a>(&mut self, items: &'a [(&'a str, u32)]) -> &'a str {
        let total: u32 = items.iter().map(|(_, w)| w).sum();
        let mut x = self.below(total);
        for (s, w) in items {
            if x < *w {
                return s;
            }
            x -= w;
        }
        items.first().map_or("", |(s, _)| s)
    }
    fn date_between(&mut self, from: Date, to: Date) -> Date {
        let days = (to - from).num_days().max(0) as u32;
        from + chrono::Days::new(u64::from(self.below(days + 1)))
    }
}

fn ymd(y: i32, m: u32, d: u32) -> Date {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// 30 June 2025, the last day of the district level.
fn last_pre_reform_day() -> Date {
    ymd(2025, 6, 30)
}
/// 1 July 2025, the first day of two-tier local government.
fn first_reform_day() -> Date {
    ymd(2025, 7, 1)
}

#[derive(Debug, Default)]
struct Part {
    units: Vec<Unit>,
    people: Vec<Person>,
    memberships: Vec<Membership>,
    posts: Vec<Post>,
    residence: Vec<Residence>,
    evaluations: Vec<crate::evaluation::Evaluation>,
    disciplines: Vec<crate::evaluation::Discipline>,
    quota_groups: Vec<crate::evaluation::QuotaGroup>,
    decisions: Vec<crate::evaluation::Decision>,
    front: crate::front::data::FrontData,
}

struct Gen<'a> {
    spec: &'a Spec,
    rng: Rng,
    code: String,
    out: Part,
    next_person: u32,
}

/// A unit's parent before and after the reform (or one undated parent).
enum Parent<'a> {
    Always(&'a str),
    Reformed { old: &'a str, new: &'a str },
    From(&'a str, Date),
}

impl Parent<'_> {
    fn apply(&self, u: &mut Unit) {
        match self {
            Self::Always(p) => u.parent = Some((*p).to_owned()),
            Self::Reformed { old, new } => {
                u.parents = vec![
                    ParentLink {
                        id: (*old).to_owned(),
                        from: None,
                        to: Some(last_pre_reform_day()),
                    },
                    ParentLink {
                        id: (*new).to_owned(),
                        from: Some(first_reform_day()),
                        to: None,
                    },
                ];
            }
            Self::From(p, from) => {
                u.parents = vec![ParentLink {
                    id: (*p).to_owned(),
                    from: Some(*from),
                    to: None,
                }];
            }
        }
    }
}

/// The people of a generated cell (by position in `out.people`).
struct CellMembers {
    members: Vec<usize>,
}

fn province(spec: &Spec, index: u32) -> Part {
    let pi = (spec.first_province + index) as usize % PROVINCES.len();
    let (pname, region) = PROVINCES
        .get(pi)
        .copied()
        .unwrap_or(("Tỉnh", Region::South));
    let mut g = Gen {
        spec,
        rng: Rng::new(spec.seed, u64::from(index) + 1),
        code: format!("t{:02}", pi + 1),
        out: Part::default(),
        next_person: 0,
    };
    let t = g.code.clone();
    let short = pname
        .trim_start_matches("Thành phố ")
        .trim_start_matches("Tỉnh ");
    let tu = format!("{t}.tu");
    let mt = format!("{t}.mt");
    g.unit(&t, UnitKind::Province, pname, None, |_| {});
    g.unit(
        &tu,
        UnitKind::ProvinceCommittee,
        &format!("Đảng bộ {pname}"),
        None,
        |u| u.area = Some(t.clone()),
    );
    g.unit(
        &mt,
        UnitKind::FrontCommittee,
        &format!("Ủy ban MTTQ Việt Nam {pname}"),
        None,
        |u| {
            u.level = Some(FrontLevel::Province);
            u.area = Some(t.clone());
        },
    );

    let base = spec.communes / spec.provinces.max(1);
    let extra = u32::from(index < spec.communes % spec.provinces.max(1));
    let communes = base + extra;
    let mut residential: Vec<String> = Vec::new();
    let mut old_commune_count = 0u32;
    for j in 0..communes {
        g.commune(
            j,
            region,
            &t,
            &tu,
            &mt,
            &mut old_commune_count,
            &mut residential,
        );
    }
    g.agencies(&t, &tu, short, &residential);
    evaluations::add(
        &mut g.out,
        &mut g.rng,
        spec.evaluation_years,
        spec.sample_extras,
    );
    // The Front side from a stream of its own: the party data of a seed stay as they were.
    let mut front_rng = Rng::new(spec.seed ^ 0x4d54_5451, u64::from(index) + 1);
    front::add(
        &mut g.out,
        &mut front_rng,
        spec.evaluation_years,
        spec.reform.then(first_reform_day),
    );
    g.out
}

impl Gen<'_> {
    fn unit(
        &mut self,
        id: &str,
        kind: UnitKind,
        name: &str,
        parent: Option<&Parent<'_>>,
        more: impl FnOnce(&mut Unit),
    ) {
        let mut u = Unit::new(id, kind, name);
        if let Some(p) = parent {
            p.apply(&mut u);
        }
        more(&mut u);
        self.out.units.push(u);
    }

    fn place_name(&mut self) -> String {
        format!(
            "{} {}",
            self.rng.pick(PLACE_FIRST),
            self.rng.pick(PLACE_SECOND)
        )
    }

    fn person(&mut self, age_from: u32, age_to: u32) -> usize {
        let female = self.rng.chance(360);
        let family = self.rng.weighted(FAMILY);
        let (middle, given) = if female {
            (*self.rng.pick(MIDDLE_FEMALE), *self.rng.pick(GIVEN_FEMALE))
        } else {
            (*self.rng.pick(MIDDLE_MALE), *self.rng.pick(GIVEN_MALE))
        };
        let year = self.spec.year - (age_from + self.rng.below(age_to - age_from + 1)) as i32;
        let born = ymd(year, 1 + self.rng.below(12), 1 + self.rng.below(28));
        self.next_person += 1;
        self.out.people.push(Person {
            id: format!("{}p{:07}", self.code, self.next_person),
            name: format!("{family} {middle} {given}"),
            gender: Some(if female { Gender::Female } else { Gender::Male }),
            born: Some(born),
        });
        self.out.people.len() - 1
    }

    fn person_id(&self, pos: usize) -> String {
        self.out
            .people
            .get(pos)
            .map(|p| p.id.clone())
            .unwrap_or_default()
    }

    /// Adds a member to `cell`: a new person with a membership. `full` forces a
    /// long-standing full member with no status.
    fn member(
        &mut self,
        cell: &str,
        cell_type: CellType,
        full: bool,
        temporary_cell: Option<&str>,
    ) -> usize {
        let y = self.spec.year;
        let residential = cell_type == CellType::Residential;
        let pos = if residential {
            self.person(24, 88)
        } else {
            self.person(23, 60)
        };
        let born = self
            .out
            .people
            .get(pos)
            .and_then(|p| p.born)
            .unwrap_or_else(|| ymd(y - 40, 1, 1));
        let adult = ymd(born.year() + 18, born.month(), 1);
        let end = ymd(y, 12, 31);
        // 3.6 % admitted in the last 12 months (half of them in the last 6); the rest earlier.
        let recent = !full && self.rng.chance(36);
        let admitted_on = if recent {
            self.rng
                .date_between(ymd(y, 1, 1), ymd(y, 11, 30))
                .max(adult)
        } else {
            self.rng
                .date_between(adult.max(ymd(1960, 1, 1)), ymd(y - 1, 6, 30).max(adult))
        };
        let probationary = admitted_on > ymd(y - 1, 12, 31);
        let full_on = (!probationary && admitted_on > ymd(y - 2, 12, 31))
            .then(|| crate::date::add_months(admitted_on, 12))
            .flatten()
            .filter(|d| *d <= end);
        let category = match cell_type {
            CellType::Residential => match self.rng.below(100) {
                0..=84 => Category::OutsideSystem,
                85..=94 => Category::NonLeader,
                _ => Category::Leader,
            },
            CellType::Enterprise => {
                if self.rng.chance(700) {
                    Category::OutsideSystem
                } else {
                    Category::NonLeader
                }
            }
            _ => {
                if self.rng.chance(180) {
                    Category::Leader
                } else {
                    Category::NonLeader
                }
            }
        };
        let mut statuses = Vec::new();
        if !full {
            let exempt_per_mille = if residential { 120 } else { 5 };
            if self.rng.chance(exempt_per_mille) {
                let from = self
                    .rng
                    .date_between(ymd(y - 3, 1, 1), ymd(y, 10, 31))
                    .max(admitted_on);
                // One in ten exemptions ended before the year's end (12 months at most).
                let to = self
                    .rng
                    .chance(100)
                    .then(|| crate::date::add_months(from, 3))
                    .flatten()
                    .filter(|d| *d < end);
                statuses.push(StatusPeriod {
                    kind: StatusKind::Exempt,
                    from,
                    to,
                    cell: None,
                });
            } else if self.rng.chance(1) {
                let from = self
                    .rng
                    .date_between(ymd(y, 1, 1), ymd(y, 11, 30))
                    .max(admitted_on);
                statuses.push(StatusPeriod {
                    kind: StatusKind::Suspended,
                    from,
                    to: crate::date::add_months(from, 12),
                    cell: None,
                });
            } else if let (Some(tc), true) = (temporary_cell, self.rng.chance(7)) {
                let from = self
                    .rng
                    .date_between(ymd(y - 1, 1, 1), ymd(y, 9, 30))
                    .max(admitted_on);
                statuses.push(StatusPeriod {
                    kind: StatusKind::TemporaryElsewhere,
                    from,
                    to: None,
                    cell: Some(tc.to_owned()),
                });
            } else if self.rng.chance(1) {
                let from = self
                    .rng
                    .date_between(ymd(y, 1, 1), ymd(y, 11, 30))
                    .max(admitted_on);
                statuses.push(StatusPeriod {
                    kind: StatusKind::CommitteeSuspended,
                    from,
                    to: None,
                    cell: None,
                });
            }
        }
        let person = self.person_id(pos);
        // 2 % moved here from another cell during the year: the earlier membership
        // is in the temporary cell's place, or starts with admission.
        let moved = !full && !recent && temporary_cell.is_some() && self.rng.chance(20);
        let mut from = None;
        if let (true, Some(prev)) = (moved, temporary_cell) {
            let day = self
                .rng
                .date_between(ymd(y, 1, 2), ymd(y, 6, 30))
                .max(admitted_on + chrono::Days::new(1));
            self.out.memberships.push(Membership {
                person: person.clone(),
                cell: prev.to_owned(),
                from: None,
                to: Some(day - chrono::Days::new(1)),
                admitted_on,
                probationary: false,
                full_on,
                category,
                statuses: Vec::new(),
            });
            from = Some(day);
            statuses.retain(|s| s.kind != StatusKind::TemporaryElsewhere && s.from >= day);
        }
        self.out.memberships.push(Membership {
            person,
            cell: cell.to_owned(),
            from,
            to: None,
            admitted_on,
            probationary,
            full_on,
            category,
            statuses,
        });
        pos
    }

    fn post(
        &mut self,
        person: usize,
        unit: &str,
        role: Role,
        from: Option<Date>,
        to: Option<Date>,
    ) {
        let person = self.person_id(person);
        self.out.posts.push(Post {
            person,
            unit: unit.to_owned(),
            role,
            from,
            to,
        });
    }

    /// Fills a cell with members and its committee posts.
    fn fill_cell(
        &mut self,
        id: &str,
        cell_type: CellType,
        mean: u32,
        temporary: Option<&str>,
    ) -> CellMembers {
        let n = self.rng.around(mean, 55, 5);
        let members: Vec<usize> = (0..n)
            .map(|k| self.member(id, cell_type, k < 4, temporary))
            .collect();
        let y = self.spec.year;
        let term = Some(ymd(y - 5, 8, 1));
        let (sec, dep) = (
            members.first().copied().unwrap_or(0),
            members.get(1).copied().unwrap_or(0),
        );
        if self.rng.chance(50) {
            // The secretary changed during the year.
            let change = self.rng.date_between(ymd(y, 2, 1), ymd(y, 10, 31));
            let old = members.get(3).copied().unwrap_or(sec);
            self.post(
                old,
                id,
                Role::Secretary,
                term,
                Some(change - chrono::Days::new(1)),
            );
            self.post(sec, id, Role::Secretary, Some(change), None);
        } else {
            self.post(sec, id, Role::Secretary, term, None);
        }
        self.post(dep, id, Role::DeputySecretary, term, None);
        if n >= 9 {
            let cm = members.get(2).copied().unwrap_or(sec);
            self.post(cm, id, Role::CommitteeMember, term, None);
        }
        CellMembers { members }
    }

    #[expect(
        clippy::too_many_arguments,
        reason = "the commune sits at the meeting point of the three trees"
    )]
    fn commune(
        &mut self,
        j: u32,
        region: Region,
        t: &str,
        tu: &str,
        mt: &str,
        old_count: &mut u32,
        residential: &mut Vec<String>,
    ) {
        let spec = self.spec;
        let urban = self.rng.chance(200);
        let cname = self.place_name();
        let (xa, xa_cap) = if urban {
            ("phường", "Phường")
        } else {
            ("xã", "Xã")
        };
        let x = format!("{t}.x{j:04}");
        let (xdb, xmt) = (format!("{x}.db"), format!("{x}.mt"));

        // The pre-reform communes merged into this one, in districts of about 14.
        let olds: Vec<(String, String, String)> = if spec.reform {
            let k = 2 + self.rng.below(3);
            (0..k)
                .map(|_| {
                    let n = *old_count;
                    *old_count += 1;
                    let h = format!("{t}.h{:02}", n / 14);
                    if n % 14 == 0 {
                        let hname = self.place_name();
                        let (hu, hmt) = (format!("{h}.hu"), format!("{h}.mt"));
                        let end = Some(last_pre_reform_day());
                        self.unit(
                            &h,
                            UnitKind::District,
                            &format!("Huyện {hname}"),
                            Some(&Parent::Always(t)),
                            |u| u.dissolved = end,
                        );
                        self.unit(
                            &hu,
                            UnitKind::AboveGrassrootsCommittee,
                            &format!("Đảng bộ huyện {hname}"),
                            Some(&Parent::Always(tu)),
                            |u| {
                                u.dissolved = end;
                                u.area = Some(h.clone());
                            },
                        );
                        self.unit(
                            &hmt,
                            UnitKind::FrontCommittee,
                            &format!("Ủy ban MTTQ huyện {hname}"),
                            Some(&Parent::Always(mt)),
                            |u| {
                                u.dissolved = end;
                                u.level = Some(FrontLevel::District);
                                u.area = Some(h.clone());
                            },
                        );
                    }
                    let o = format!("{t}.ox{n:05}");
                    let oname = self.place_name();
                    let (odb, omt) = (format!("{o}.db"), format!("{o}.mt"));
                    let end = Some(last_pre_reform_day());
                    self.unit(
                        &o,
                        UnitKind::Commune,
                        &format!("Xã {oname}"),
                        Some(&Parent::Always(&h)),
                        |u| u.dissolved = end,
                    );
                    self.unit(
                        &odb,
                        UnitKind::GrassrootsCommittee,
                        &format!("Đảng bộ xã {oname}"),
                        Some(&Parent::Always(&format!("{h}.hu"))),
                        |u| {
                            u.dissolved = end;
                            u.area = Some(o.clone());
                        },
                    );
                    self.unit(
                        &omt,
                        UnitKind::FrontCommittee,
                        &format!("Ủy ban MTTQ xã {oname}"),
                        Some(&Parent::Always(&format!("{h}.mt"))),
                        |u| {
                            u.dissolved = end;
                            u.level = Some(FrontLevel::Commune);
                            u.area = Some(o.clone());
                        },
                    );
                    (o, odb, omt)
                })
                .collect()
        } else {
            Vec::new()
        };
        let established = spec.reform.then(first_reform_day);
        let preds = |k: usize| {
            olds.iter()
                .map(|o| match k {
                    0 => o.0.clone(),
                    1 => o.1.clone(),
                    _ => o.2.clone(),
                })
                .collect::<Vec<_>>()
        };
        fn top(p: &str, established: Option<Date>) -> Parent<'_> {
            match established {
                Some(d) => Parent::From(p, d),
                None => Parent::Always(p),
            }
        }
        let (p0, p1, p2) = (preds(0), preds(1), preds(2));
        self.unit(
            &x,
            UnitKind::Commune,
            &format!("{xa_cap} {cname}"),
            Some(&top(t, established)),
            |u| {
                u.established = established;
                u.predecessors = p0;
            },
        );
        self.unit(
            &xdb,
            UnitKind::GrassrootsCommittee,
            &format!("Đảng bộ {xa} {cname}"),
            Some(&top(tu, established)),
            |u| {
                u.established = established;
                u.area = Some(x.clone());
                u.predecessors = p1;
            },
        );
        self.unit(
            &xmt,
            UnitKind::FrontCommittee,
            &format!("Ủy ban MTTQ Việt Nam {xa} {cname}"),
            Some(&top(mt, established)),
            |u| {
                u.established = established;
                u.level = Some(FrontLevel::Commune);
                u.area = Some(x.clone());
                u.predecessors = p2;
            },
        );

        let (rural_words, urban_words) = region.area_words();
        let words = if urban { urban_words } else { rural_words };
        let areas = self.rng.around(spec.areas_per_commune, 40, 2);
        let mut commune_cells: Vec<String> = Vec::new();
        for i in 0..areas {
            // Each area came from one of the merged communes.
            let old = olds.get(i as usize % olds.len().max(1));
            let parent_of = |new: &str, k: usize| match old {
                Some(o) => (
                    match k {
                        0 => o.0.clone(),
                        1 => o.1.clone(),
                        _ => o.2.clone(),
                    },
                    new.to_owned(),
                ),
                None => (String::new(), new.to_owned()),
            };
            let (word, cap) = *self.rng.pick(words);
            let label = if self.rng.chance(500) {
                format!("{cap} {}", i + 1)
            } else {
                format!("{cap} {}", self.place_name())
            };
            let a = format!("{x}.a{i:03}");
            let (pa_old, pa_new) = parent_of(&x, 0);
            let pa = if old.is_some() {
                Parent::Reformed {
                    old: &pa_old,
                    new: &pa_new,
                }
            } else {
                Parent::Always(&pa_new)
            };
            self.unit(&a, UnitKind::ResidentialArea, &label, Some(&pa), |u| {
                u.local_name = Some(word.to_owned())
            });

            // 2.5 % of areas have no cell of their own; 1.5 % have two.
            let n_cells = match self.rng.below(1000) {
                0..=24 => 0,
                25..=39 => 2,
                _ => 1,
            };
            let (pc_old, pc_new) = parent_of(&xdb, 1);
            let pc = if old.is_some() {
                Parent::Reformed {
                    old: &pc_old,
                    new: &pc_new,
                }
            } else {
                Parent::Always(&pc_new)
            };
            let mut cells = Vec::new();
            for k in 0..n_cells {
                let c = format!("{a}.cb{}", k + 1);
                let suffix = if n_cells > 1 {
                    format!(" số {}", k + 1)
                } else {
                    String::new()
                };
                self.unit(
                    &c,
                    UnitKind::Cell,
                    &format!("Chi bộ {label}{suffix}"),
                    Some(&pc),
                    |u| {
                        u.cell_type = Some(CellType::Residential);
                        u.area = Some(a.clone());
                    },
                );
                let temp = commune_cells.last().cloned();
                let filled = self.fill_cell(
                    &c,
                    CellType::Residential,
                    spec.members_per_residential_cell / n_cells,
                    temp.as_deref(),
                );
                commune_cells.push(c.clone());
                residential.push(c);
                cells.push(filled);
            }
            self.front_side(&a, &label, old.map(|o| o.2.as_str()), &xmt, &cells);
        }

        // Cells of schools, health stations, police, military and the commune's agencies.
        let others = self.rng.around(spec.other_cells_per_commune, 50, 1);
        let kinds = [
            (CellType::School, "Chi bộ Trường Tiểu học"),
            (CellType::School, "Chi bộ Trường Trung học cơ sở"),
            (CellType::Health, "Chi bộ Trạm Y tế"),
            (CellType::Police, "Chi bộ Công an"),
            (CellType::Military, "Chi bộ Quân sự"),
            (
                CellType::Agency,
                "Chi bộ Cơ quan Đảng - Mặt trận - Đoàn thể",
            ),
            (CellType::PublicService, "Chi bộ Ủy ban nhân dân"),
            (CellType::Enterprise, "Chi bộ Hợp tác xã"),
        ];
        let local: Vec<String> = commune_cells.clone();
        for k in 0..others {
            let (ct, name) = *self.rng.pick(&kinds);
            let c = format!("{x}.c{k:02}");
            let (pc_old, pc_new) = match olds.first() {
                Some(o) => (o.1.clone(), xdb.clone()),
                None => (String::new(), xdb.clone()),
            };
            let pc = if olds.is_empty() {
                Parent::Always(&pc_new)
            } else {
                Parent::Reformed {
                    old: &pc_old,
                    new: &pc_new,
                }
            };
            self.unit(
                &c,
                UnitKind::Cell,
                &format!("{name} {xa} {cname}"),
                Some(&pc),
                |u| u.cell_type = Some(ct),
            );
            let filled = self.fill_cell(
                &c,
                ct,
                spec.members_per_other_cell,
                local.last().map(String::as_str),
            );
            self.residence_links(&filled, ct, &local);
        }
    }

    /// The Front work board of an area, the branches, the area head.
    fn front_side(
        &mut self,
        area: &str,
        label: &str,
        old_front: Option<&str>,
        front: &str,
        cells: &[CellMembers],
    ) {
        let y = self.spec.year;
        let bct = format!("{area}.bct");
        let parent = match old_front {
            Some(o) => Parent::Reformed { old: o, new: front },
            None => Parent::Always(front),
        };
        self.unit(
            &bct,
            UnitKind::FrontWorkBoard,
            &format!("Ban công tác Mặt trận {label}"),
            Some(&parent),
            |u| u.area = Some(area.to_owned()),
        );
        let term = Some(ymd(y - 1, 9, 1));
        let cell = cells.first();
        let member_of_cell = |k: usize| cell.and_then(|c| c.members.get(k).copied());
        let mut board: Vec<usize> = Vec::new();
        // The head: the cell's deputy secretary in about 70 % of areas (front-rating.md O14).
        let head = match member_of_cell(1) {
            Some(dep) if self.rng.chance(700) => dep,
            Some(_) | None => match member_of_cell(5) {
                Some(m) if self.rng.chance(500) => m,
                _ => self.person(30, 75),
            },
        };
        if self.rng.chance(30) {
            // The head changed during the year.
            let change = self.rng.date_between(ymd(y, 3, 1), ymd(y, 10, 31));
            let new_head = self.person(30, 70);
            self.post(
                head,
                &bct,
                Role::BoardHead,
                term,
                Some(change - chrono::Days::new(1)),
            );
            self.post(head, &bct, Role::BoardMember, Some(change), None);
            self.post(new_head, &bct, Role::BoardHead, Some(change), None);
            board.push(new_head);
        } else {
            self.post(head, &bct, Role::BoardHead, term, None);
        }
        board.push(head);
        let deputies = 1 + self.rng.below(2);
        for _ in 0..deputies {
            let d = self.person(30, 75);
            self.post(d, &bct, Role::BoardDeputy, term, None);
            board.push(d);
        }
        // The chi ủy's representative, if the head is not already from it.
        if let Some(sec) = member_of_cell(0) {
            if !board.contains(&sec) && member_of_cell(1) != Some(head) {
                self.post(sec, &bct, Role::BoardMember, term, None);
                board.push(sec);
            }
        }
        for (org, bname) in BRANCHES {
            let b = format!("{area}.{org}");
            self.unit(
                &b,
                UnitKind::MassOrgBranch,
                &format!("{bname} {label}"),
                Some(&Parent::Always(area)),
                |u| u.organisation = Some((*org).to_owned()),
            );
            let h = match member_of_cell(6 + board.len()) {
                Some(m) if self.rng.chance(400) => m,
                _ => self.person(20, 80),
            };
            self.post(h, &b, Role::BranchHead, term, None);
            self.post(h, &bct, Role::BoardMember, term, None);
            board.push(h);
        }
        let size = 9 + self.rng.below(7);
        while board.len() < size as usize {
            let p = self.person(25, 80);
            self.post(p, &bct, Role::BoardMember, term, None);
            board.push(p);
        }
        let area_head = match member_of_cell(0) {
            Some(sec) if self.rng.chance(400) => sec,
            _ => self.person(30, 65),
        };
        self.post(
            area_head,
            area,
            Role::AreaHead,
            Some(ymd(y - 1, 1, 1)),
            None,
        );
    }

    /// Residence links of members of a workplace cell to residential cells.
    fn residence_links(&mut self, cell: &CellMembers, ct: CellType, residential: &[String]) {
        if residential.is_empty() {
            return;
        }
        for &m in &cell.members {
            if !self.rng.chance(600) {
                continue;
            }
            let home = self.rng.pick(residential).clone();
            let exemption = match ct {
                CellType::Police | CellType::Military if self.rng.chance(300) => {
                    Some(ResidenceExemption::ArmedForcesBarracks)
                }
                _ if self.rng.chance(20) => Some(ResidenceExemption::MobileStaff),
                _ => None,
            };
            let from = Some(ymd(
                self.spec.year - 1 - self.rng.below(5) as i32,
                1 + self.rng.below(12),
                1,
            ));
            let person = self.person_id(m);
            self.out.residence.push(Residence {
                person,
                cell: home,
                area: None,
                from,
                to: None,
                exemption,
            });
        }
    }

    /// The grassroots organisations of the province's agencies, public services,
    /// armed forces and enterprises.
    fn agencies(&mut self, t: &str, tu: &str, short: &str, residential: &[String]) {
        let spec = self.spec;
        let blocs: Vec<String> = BLOCS
            .iter()
            .enumerate()
            .map(|(b, (name, _))| {
                let id = format!("{t}.k{b}");
                self.unit(
                    &id,
                    UnitKind::AboveGrassrootsCommittee,
                    &format!("{name} {short}"),
                    Some(&Parent::Always(tu)),
                    |_| {},
                );
                id
            })
            .collect();
        let weights: [(usize, u32); 5] = [(0, 15), (1, 45), (2, 10), (3, 8), (4, 22)];
        for n in 0..spec.agency_organisations_per_province {
            let mut x = self.rng.below(100);
            let b = weights
                .iter()
                .find(|(_, w)| {
                    if x < *w {
                        true
                    } else {
                        x -= w;
                        false
                    }
                })
                .map_or(1, |(b, _)| *b);
            let ct = BLOCS.get(b).map_or(CellType::Agency, |(_, ct)| *ct);
            let names = AGENCY_NAMES
                .iter()
                .find(|(c, _)| *c == ct)
                .map_or(&[][..], |(_, n)| *n);
            let oname = format!("{} {}", self.rng.pick(names), self.place_name());
            let bloc = blocs.get(b).cloned().unwrap_or_else(|| tu.to_owned());
            let o = format!("{bloc}.o{n:04}");
            let home = residential.get(self.rng.below(residential.len() as u32) as usize);
            let homes: Vec<String> = home.into_iter().cloned().collect();
            if self.rng.chance(600) {
                self.unit(
                    &o,
                    UnitKind::GrassrootsCell,
                    &format!("Chi bộ {oname}"),
                    Some(&Parent::Always(&bloc)),
                    |u| u.cell_type = Some(ct),
                );
                let filled = self.fill_cell(&o, ct, 13, None);
                self.residence_links(&filled, ct, &homes);
            } else {
                self.unit(
                    &o,
                    UnitKind::GrassrootsCommittee,
                    &format!("Đảng bộ {oname}"),
                    Some(&Parent::Always(&bloc)),
                    |_| {},
                );
                let cells = self.rng.around(7, 60, 2);
                let mut prev: Option<String> = None;
                for k in 0..cells {
                    let c = format!("{o}.c{k:02}");
                    self.unit(
                        &c,
                        UnitKind::Cell,
                        &format!("Chi bộ {} {}", k + 1, oname),
                        Some(&Parent::Always(&o)),
                        |u| u.cell_type = Some(ct),
                    );
                    let filled = self.fill_cell(&c, ct, 13, prev.as_deref());
                    self.residence_links(&filled, ct, &homes);
                    prev = Some(c);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::validate;

    #[test]
    fn sample_is_valid_and_sized() {
        let ds = generate(&Spec::sample());
        let report = validate(&ds);
        assert!(report.is_ok(), "{report}");
        assert_eq!(report.problems().len(), 0, "{report}");
        let cells = ds.units.iter().filter(|u| u.kind.holds_members()).count();
        assert!((120..=200).contains(&cells), "{cells} cells");
        let members = ds.memberships.len();
        assert!((5000..=7500).contains(&members), "{members} memberships");
    }

    #[test]
    fn deterministic() {
        let spec = Spec {
            communes: 3,
            ..Spec::sample()
        };
        assert_eq!(generate(&spec).to_json(), generate(&spec).to_json());
        let other = Spec {
            seed: 1,
            ..spec.clone()
        };
        assert_ne!(generate(&spec).to_json(), generate(&other).to_json());
    }

    #[test]
    fn names_are_nfc() {
        use unicode_normalization::UnicodeNormalization;
        let ds = generate(&Spec {
            communes: 2,
            ..Spec::sample()
        });
        for p in &ds.people {
            assert_eq!(p.name.nfc().collect::<String>(), p.name);
        }
        for u in &ds.units {
            assert_eq!(u.name.nfc().collect::<String>(), u.name);
        }
    }
}
