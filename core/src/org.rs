//! The vocabulary of the organisation graph: unit kinds and their trees, the
//! table of allowed parents, roles, member categories and status kinds
//! (DESIGN §3; party-rating.md §3; front-rating.md §1–§2).
//!
//! The names in the formats and APIs are the snake_case names given in
//! DESIGN §2–§3, e.g. `grassroots_committee`, `front_work_board`, `board_head`.

use crate::lang::{pick, Lang};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! snake_names {
    ($ty:ident { $($variant:ident => $name:literal),* $(,)? }) => {
        impl $ty {
            /// Every value, in declaration order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),*];

            /// The snake_case name used in the dataset format and the APIs.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $name),* }
            }

            /// Parses the snake_case name.
            #[must_use]
            pub fn parse(name: &str) -> Option<Self> {
                match name { $($name => Some(Self::$variant),)* _ => None }
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

/// Which of the three trees a unit kind belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Tree {
    /// The party organisations (Đảng).
    Party,
    /// The Fatherland Front (Mặt trận Tổ quốc).
    Front,
    /// The administrative units (đơn vị hành chính) and what lives in them.
    Administrative,
}

/// The kind of a unit (DESIGN §3).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// Provincial party organisation (đảng bộ tỉnh / tỉnh ủy, thành ủy).
    ProvinceCommittee,
    /// The level directly above the grassroots (huyện ủy, thành ủy, thị ủy, đảng ủy khối …);
    /// the district-level committees stopped operating on 30 June 2025.
    AboveGrassrootsCommittee,
    /// Grassroots party organisation led by a committee (đảng bộ cơ sở).
    GrassrootsCommittee,
    /// Grassroots cell (chi bộ cơ sở).
    GrassrootsCell,
    /// Sub-committee between a grassroots organisation and its cells (đảng bộ bộ phận).
    SubCommittee,
    /// Cell under a grassroots committee (chi bộ trực thuộc).
    Cell,
    /// Party group inside a large cell (tổ đảng).
    PartyGroup,
    /// Front committee (Ủy ban MTTQ) at province, district or commune level (`level`).
    FrontCommittee,
    /// Front work board of a residential area (Ban công tác Mặt trận, BCTMT).
    FrontWorkBoard,
    /// Province or centrally-run city (tỉnh, thành phố trực thuộc trung ương).
    Province,
    /// District level (huyện, quận, thị xã, thành phố thuộc tỉnh), until 30 June 2025.
    District,
    /// Commune level (xã, phường, thị trấn, đặc khu).
    Commune,
    /// Residential area (khu dân cư): thôn, ấp, bản, làng, buôn, bon, phum, sóc,
    /// khu phố, khóm, tổ dân phố, tiểu khu … (`local_name`).
    ResidentialArea,
    /// Branch of a mass organisation in a residential area (chi hội, chi đoàn).
    MassOrgBranch,
}

snake_names!(UnitKind {
    ProvinceCommittee => "province_committee",
    AboveGrassrootsCommittee => "above_grassroots_committee",
    GrassrootsCommittee => "grassroots_committee",
    GrassrootsCell => "grassroots_cell",
    SubCommittee => "sub_committee",
    Cell => "cell",
    PartyGroup => "party_group",
    FrontCommittee => "front_committee",
    FrontWorkBoard => "front_work_board",
    Province => "province",
    District => "district",
    Commune => "commune",
    ResidentialArea => "residential_area",
    MassOrgBranch => "mass_org_branch",
});

impl UnitKind {
    /// The tree the kind belongs to.
    #[must_use]
    pub const fn tree(self) -> Tree {
        match self {
            Self::ProvinceCommittee
            | Self::AboveGrassrootsCommittee
            | Self::GrassrootsCommittee
            | Self::GrassrootsCell
            | Self::SubCommittee
            | Self::Cell
            | Self::PartyGroup => Tree::Party,
            Self::FrontCommittee | Self::FrontWorkBoard => Tree::Front,
            Self::Province
            | Self::District
            | Self::Commune
            | Self::ResidentialArea
            | Self::MassOrgBranch => Tree::Administrative,
        }
    }

    /// Whether members belong to units of this kind directly (a chi bộ: `cell`
    /// or `grassroots_cell`).
    #[must_use]
    pub const fn holds_members(self) -> bool {
        matches!(self, Self::Cell | Self::GrassrootsCell)
    }

    /// Whether the kind is a grassroots party organisation (tổ chức cơ sở đảng).
    #[must_use]
    pub const fn is_grassroots_organisation(self) -> bool {
        matches!(self, Self::GrassrootsCommittee | Self::GrassrootsCell)
    }

    /// A short label.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match self {
            Self::ProvinceCommittee => pick(lang, "đảng bộ tỉnh", "provincial party organisation"),
            Self::AboveGrassrootsCommittee => pick(
                lang,
                "đảng bộ cấp trên cơ sở",
                "above-grassroots party organisation",
            ),
            Self::GrassrootsCommittee => pick(lang, "đảng bộ cơ sở", "grassroots party committee"),
            Self::GrassrootsCell => pick(lang, "chi bộ cơ sở", "grassroots cell"),
            Self::SubCommittee => pick(lang, "đảng bộ bộ phận", "party sub-committee"),
            Self::Cell => pick(lang, "chi bộ trực thuộc", "party cell"),
            Self::PartyGroup => pick(lang, "tổ đảng", "party group"),
            Self::FrontCommittee => pick(lang, "Ủy ban MTTQ", "Front committee"),
            Self::FrontWorkBoard => pick(lang, "Ban công tác Mặt trận", "Front work board"),
            Self::Province => pick(lang, "tỉnh, thành phố", "province"),
            Self::District => pick(lang, "huyện, quận, thị xã", "district"),
            Self::Commune => pick(lang, "xã, phường, đặc khu", "commune"),
            Self::ResidentialArea => pick(lang, "khu dân cư", "residential area"),
            Self::MassOrgBranch => pick(lang, "chi hội đoàn thể", "mass-organisation branch"),
        }
    }
}

/// The level of a Front committee.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum FrontLevel {
    /// Ủy ban MTTQ cấp tỉnh.
    Province,
    /// Ủy ban MTTQ cấp huyện (until 30 June 2025, front-rating.md R1.1c).
    District,
    /// Ủy ban MTTQ cấp xã.
    Commune,
}

snake_names!(FrontLevel {
    Province => "province",
    District => "district",
    Commune => "commune",
});

/// The type of a cell, used for quota groups and summaries.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum CellType {
    /// Residential cell (chi bộ thôn, ấp, bản, khu phố, khóm, tổ dân phố …).
    Residential,
    /// Cell of a party, state or Front agency (cơ quan).
    Agency,
    /// Cell of a public service unit (đơn vị sự nghiệp) other than schools and health.
    PublicService,
    /// School cell.
    School,
    /// Health station or hospital cell.
    Health,
    /// Enterprise cell.
    Enterprise,
    /// Police cell.
    Police,
    /// Military cell.
    Military,
    /// Anything else.
    Other,
}

snake_names!(CellType {
    Residential => "residential",
    Agency => "agency",
    PublicService => "public_service",
    School => "school",
    Health => "health",
    Enterprise => "enterprise",
    Police => "police",
    Military => "military",
    Other => "other",
});

/// A post a person holds in a unit (DESIGN §3).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Secretary of a party organisation (bí thư).
    Secretary,
    /// Deputy secretary (phó bí thư).
    DeputySecretary,
    /// Committee member (cấp ủy viên, chi ủy viên).
    CommitteeMember,
    /// Head of a Front work board (Trưởng ban công tác Mặt trận).
    BoardHead,
    /// Deputy head of a Front work board (Phó Trưởng ban).
    BoardDeputy,
    /// Member of a Front work board (thành viên).
    BoardMember,
    /// Head of a residential area (trưởng thôn, trưởng ấp, tổ trưởng tổ dân phố …).
    AreaHead,
    /// Head of a mass-organisation branch (chi hội trưởng, bí thư chi đoàn).
    BranchHead,
    /// Member of a Front committee (ủy viên Ủy ban MTTQ).
    FrontCommitteeMember,
    /// Chair of a Front committee (Chủ tịch Ủy ban MTTQ).
    FrontCommitteeChair,
}

snake_names!(Role {
    Secretary => "secretary",
    DeputySecretary => "deputy_secretary",
    CommitteeMember => "committee_member",
    BoardHead => "board_head",
    BoardDeputy => "board_deputy",
    BoardMember => "board_member",
    AreaHead => "area_head",
    BranchHead => "branch_head",
    FrontCommitteeMember => "front_committee_member",
    FrontCommitteeChair => "front_committee_chair",
});

impl Role {
    /// Whether a post of this role may be held in a unit of `kind`.
    #[must_use]
    pub const fn fits(self, kind: UnitKind) -> bool {
        match self {
            Self::Secretary | Self::DeputySecretary | Self::CommitteeMember => {
                matches!(kind.tree(), Tree::Party) && !matches!(kind, UnitKind::PartyGroup)
            }
            Self::BoardHead | Self::BoardDeputy | Self::BoardMember => {
                matches!(kind, UnitKind::FrontWorkBoard)
            }
            Self::AreaHead => matches!(kind, UnitKind::ResidentialArea),
            Self::BranchHead => matches!(kind, UnitKind::MassOrgBranch),
            Self::FrontCommitteeMember | Self::FrontCommitteeChair => {
                matches!(kind, UnitKind::FrontCommittee)
            }
        }
    }

    /// Whether at most one person may hold the role in a unit at a time.
    #[must_use]
    pub const fn is_single_holder(self) -> bool {
        matches!(
            self,
            Self::Secretary
                | Self::BoardHead
                | Self::AreaHead
                | Self::BranchHead
                | Self::FrontCommitteeChair
        )
    }

    /// A short label.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match self {
            Self::Secretary => pick(lang, "bí thư", "secretary"),
            Self::DeputySecretary => pick(lang, "phó bí thư", "deputy secretary"),
            Self::CommitteeMember => pick(lang, "cấp ủy viên", "committee member"),
            Self::BoardHead => pick(
                lang,
                "Trưởng ban công tác Mặt trận",
                "Front work board head",
            ),
            Self::BoardDeputy => pick(
                lang,
                "Phó Trưởng ban công tác Mặt trận",
                "Front work board deputy",
            ),
            Self::BoardMember => pick(
                lang,
                "thành viên Ban công tác Mặt trận",
                "Front work board member",
            ),
            Self::AreaHead => pick(lang, "trưởng khu dân cư", "residential area head"),
            Self::BranchHead => pick(lang, "chi hội trưởng", "branch head"),
            Self::FrontCommitteeMember => {
                pick(lang, "ủy viên Ủy ban MTTQ", "Front committee member")
            }
            Self::FrontCommitteeChair => {
                pick(lang, "Chủ tịch Ủy ban MTTQ", "Front committee chair")
            }
        }
    }
}

/// The category of a party member for rating (party-rating.md §2).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Holds a leadership or management post (cá nhân giữ chức vụ lãnh đạo, quản lý).
    Leader,
    /// Works in the political system without such a post.
    NonLeader,
    /// Does not work in the political system (retirees, students, private sector …).
    OutsideSystem,
}

snake_names!(Category {
    Leader => "leader",
    NonLeader => "non_leader",
    OutsideSystem => "outside_system",
});

/// A dated status of a party membership.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum StatusKind {
    /// Exempted from party work and activities (miễn công tác và sinh hoạt đảng): not rated (E1).
    Exempt,
    /// Suspended from party activities (đình chỉ sinh hoạt đảng): not rated (E2).
    Suspended,
    /// Suspended from committee activities only (đình chỉ sinh hoạt cấp ủy): still rated (E4).
    CommitteeSuspended,
    /// Temporary party activity in another cell (sinh hoạt đảng tạm thời); rated at the
    /// official cell (E8). The temporary cell goes in the status's `cell`.
    TemporaryElsewhere,
}

snake_names!(StatusKind {
    Exempt => "exempt",
    Suspended => "suspended",
    CommitteeSuspended => "committee_suspended",
    TemporaryElsewhere => "temporary_elsewhere",
});

/// Why a member in a cell is not rated on a date (party-rating.md §4, E1–E3).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum IneligibleReason {
    /// E1: exempted from party work and activities.
    Exempt,
    /// E2: suspended from party activities.
    Suspended,
    /// E3: admitted less than 6 calendar months before the reference date.
    AdmittedUnderSixMonths,
}

snake_names!(IneligibleReason {
    Exempt => "exempt",
    Suspended => "suspended",
    AdmittedUnderSixMonths => "admitted_under_six_months",
});

/// The grounds on which a member living in an area is excused from the residence
/// comment (Hướng dẫn 33-HD/BTCTW §1.1; party-rating.md §11 Q3).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ResidenceExemption {
    /// Army or police members living in barracks or official housing.
    ArmedForcesBarracks,
    /// Staff who often work away or are mobile.
    MobileStaff,
    /// Rotated cadres living in official or collective housing.
    RotatedCadre,
    /// Cadres on full-time study of 12 months or more.
    FullTimeStudy,
    /// Students studying away from home.
    StudentAway,
    /// Exempt even from introduction (special duty).
    SpecialDuty,
}

snake_names!(ResidenceExemption {
    ArmedForcesBarracks => "armed_forces_barracks",
    MobileStaff => "mobile_staff",
    RotatedCadre => "rotated_cadre",
    FullTimeStudy => "full_time_study",
    StudentAway => "student_away",
    SpecialDuty => "special_duty",
});

/// Gender, where the source records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// Nam.
    Male,
    /// Nữ.
    Female,
}

/// Whether a unit of kind `child` (with Front level `child_level`) may have a
/// parent of kind `parent` (with Front level `parent_level`).
///
/// The table (DESIGN §3; party-rating.md §3.1 H2, H5, H6; front-rating.md §1.1):
///
/// | child | allowed parents |
/// |---|---|
/// | `province_committee`, `province` | none (roots) |
/// | `above_grassroots_committee` | `province_committee` |
/// | `grassroots_committee`, `grassroots_cell` | `above_grassroots_committee`, `province_committee`, `grassroots_committee` (a commune organisation holding grassroots organisations, H6) |
/// | `sub_committee` | `grassroots_committee` |
/// | `cell` | `grassroots_committee`, `sub_committee` |
/// | `party_group` | `cell`, `grassroots_cell` |
/// | `front_committee` province / district / commune | none / province / district or province |
/// | `front_work_board` | `front_committee` of commune level |
/// | `district` | `province` |
/// | `commune` | `district`, `province` |
/// | `residential_area` | `commune` |
/// | `mass_org_branch` | `residential_area` |
///
/// ```
/// use xeploai::org::{allowed_parent, UnitKind};
/// assert!(allowed_parent(UnitKind::Cell, None, UnitKind::GrassrootsCommittee, None));
/// assert!(!allowed_parent(UnitKind::Cell, None, UnitKind::Province, None));
/// ```
#[must_use]
pub fn allowed_parent(
    child: UnitKind,
    child_level: Option<FrontLevel>,
    parent: UnitKind,
    parent_level: Option<FrontLevel>,
) -> bool {
    use UnitKind as K;
    match child {
        K::ProvinceCommittee | K::Province => false,
        K::AboveGrassrootsCommittee => parent == K::ProvinceCommittee,
        K::GrassrootsCommittee | K::GrassrootsCell => matches!(
            parent,
            K::AboveGrassrootsCommittee | K::ProvinceCommittee | K::GrassrootsCommittee
        ),
        K::SubCommittee => parent == K::GrassrootsCommittee,
        K::Cell => matches!(parent, K::GrassrootsCommittee | K::SubCommittee),
        K::PartyGroup => matches!(parent, K::Cell | K::GrassrootsCell),
        K::FrontCommittee => {
            parent == K::FrontCommittee
                && match (child_level, parent_level) {
                    (Some(FrontLevel::District), Some(FrontLevel::Province)) => true,
                    (Some(FrontLevel::Commune), Some(p)) => p != FrontLevel::Commune,
                    _ => false,
                }
        }
        K::FrontWorkBoard => {
            parent == K::FrontCommittee && parent_level == Some(FrontLevel::Commune)
        }
        K::District => parent == K::Province,
        K::Commune => matches!(parent, K::District | K::Province),
        K::ResidentialArea => parent == K::Commune,
        K::MassOrgBranch => parent == K::ResidentialArea,
    }
}

/// Whether a unit of this kind (and Front level) is a root that has no parent.
#[must_use]
pub const fn is_root(kind: UnitKind, level: Option<FrontLevel>) -> bool {
    matches!(kind, UnitKind::ProvinceCommittee | UnitKind::Province)
        || matches!(
            (kind, level),
            (UnitKind::FrontCommittee, Some(FrontLevel::Province))
        )
}

/// The kinds of administrative unit that a unit of kind `kind` may name in its
/// `area` (the administrative unit it serves), or an empty list if it has none.
///
/// A cell or a Front work board serves a residential area; a residential area may
/// be served by 0..n cells (front-rating.md R1.1e). A commune's party organisation
/// and its Front committee serve the commune.
#[must_use]
pub const fn allowed_area_kinds(kind: UnitKind) -> &'static [UnitKind] {
    use UnitKind as K;
    match kind {
        K::Cell | K::GrassrootsCell | K::FrontWorkBoard => &[K::ResidentialArea],
        K::GrassrootsCommittee | K::SubCommittee => &[K::Commune, K::ResidentialArea],
        K::AboveGrassrootsCommittee => &[K::District],
        K::ProvinceCommittee => &[K::Province],
        K::FrontCommittee => &[K::Province, K::District, K::Commune],
        K::PartyGroup
        | K::Province
        | K::District
        | K::Commune
        | K::ResidentialArea
        | K::MassOrgBranch => &[],
    }
}

/// The local names of residential areas recognised in law (Nghị định 86/2023/NĐ-CP,
/// Điều 2; front-rating.md R1.1d): rural ones first, then urban ones. "And
/// equivalents" are allowed too, so an unknown name is not an error.
pub const RESIDENTIAL_LOCAL_NAMES: &[(&str, Settlement)] = &[
    ("thôn", Settlement::Rural),
    ("làng", Settlement::Rural),
    ("ấp", Settlement::Rural),
    ("bản", Settlement::Rural),
    ("buôn", Settlement::Rural),
    ("bon", Settlement::Rural),
    ("phum", Settlement::Rural),
    ("sóc", Settlement::Rural),
    ("tổ dân phố", Settlement::Urban),
    ("khu phố", Settlement::Urban),
    ("khối phố", Settlement::Urban),
    ("khóm", Settlement::Urban),
    ("tiểu khu", Settlement::Urban),
];

/// Whether a residential area is rural (thôn) or urban (tổ dân phố).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Settlement {
    /// thôn, làng, ấp, bản, buôn, bon, phum, sóc and equivalents.
    Rural,
    /// tổ dân phố, khu phố, khối phố, khóm, tiểu khu and equivalents.
    Urban,
}

/// Classifies a residential area's local name (case-sensitive, NFC).
///
/// ```
/// use xeploai::org::{settlement_of, Settlement};
/// assert_eq!(settlement_of("khóm"), Some(Settlement::Urban));
/// assert_eq!(settlement_of("xóm"), None);
/// ```
#[must_use]
pub fn settlement_of(local_name: &str) -> Option<Settlement> {
    RESIDENTIAL_LOCAL_NAMES
        .iter()
        .find(|(name, _)| *name == local_name)
        .map(|(_, s)| *s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for k in UnitKind::ALL {
            assert_eq!(UnitKind::parse(k.as_str()), Some(*k));
            let json = serde_json::to_string(k).unwrap();
            assert_eq!(json, format!("\"{}\"", k.as_str()));
        }
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(*r));
            assert_eq!(
                serde_json::to_string(r).unwrap(),
                format!("\"{}\"", r.as_str())
            );
        }
        for c in Category::ALL {
            assert_eq!(
                serde_json::to_string(c).unwrap(),
                format!("\"{}\"", c.as_str())
            );
        }
        for c in CellType::ALL {
            assert_eq!(
                serde_json::to_string(c).unwrap(),
                format!("\"{}\"", c.as_str())
            );
        }
        for s in StatusKind::ALL {
            assert_eq!(
                serde_json::to_string(s).unwrap(),
                format!("\"{}\"", s.as_str())
            );
        }
    }

    #[test]
    fn every_non_root_kind_has_an_allowed_parent() {
        let levels = [
            None,
            Some(FrontLevel::Province),
            Some(FrontLevel::District),
            Some(FrontLevel::Commune),
        ];
        for child in UnitKind::ALL {
            for cl in levels {
                if *child != UnitKind::FrontCommittee && cl.is_some() {
                    continue;
                }
                if *child == UnitKind::FrontCommittee && cl.is_none() {
                    continue;
                }
                let has = UnitKind::ALL
                    .iter()
                    .any(|p| levels.iter().any(|pl| allowed_parent(*child, cl, *p, *pl)));
                assert_eq!(has, !is_root(*child, cl), "{child} {cl:?}");
            }
        }
    }

    #[test]
    fn parents_stay_in_their_tree() {
        for child in UnitKind::ALL {
            for parent in UnitKind::ALL {
                for pl in [None, Some(FrontLevel::Province), Some(FrontLevel::Commune)] {
                    if allowed_parent(*child, Some(FrontLevel::Commune), *parent, pl)
                        || allowed_parent(*child, None, *parent, pl)
                    {
                        assert_eq!(child.tree(), parent.tree(), "{child} under {parent}");
                    }
                }
            }
        }
    }

    #[test]
    fn roles_fit_their_units() {
        assert!(Role::BoardHead.fits(UnitKind::FrontWorkBoard));
        assert!(!Role::BoardHead.fits(UnitKind::Cell));
        assert!(Role::DeputySecretary.fits(UnitKind::Cell));
        assert!(Role::AreaHead.fits(UnitKind::ResidentialArea));
        assert!(!Role::Secretary.fits(UnitKind::Commune));
    }
}
