//! The quota on HTXSNV (366 Điều 11 khoản 1; party-rating.md §5.5): in each
//! group of similar subjects, the number rated HTXSNV may not exceed 20 % (25 %
//! for a group with outstanding achievements) of those rated HTTNV, read as the
//! policy says, with exact integer arithmetic.
//!
//! ```
//! use xeploai::quota::cap;
//! use xeploai::policy::{QuotaReading, Rounding};
//! // Đồng Nai 2024 (party-rating.md §12 F4): 16 organisations at HTTNV or above,
//! // 3 of them HTXSNV: reading C allows 3, reading A (13 others) only 2.
//! assert_eq!(cap(QuotaReading::C, Rounding::Floor, 20, 13, 3), 3);
//! assert_eq!(cap(QuotaReading::A, Rounding::Floor, 20, 13, 3), 2);
//! ```

use crate::policy::{QuotaReading, Rounding};
use serde::{Deserialize, Serialize};

fn divide(num: u64, den: u64, rounding: Rounding) -> u64 {
    // A whole number divided by at least 1 is at most itself: it fits.
    u64::try_from(rounding.divide(u128::from(num), u128::from(den))).unwrap_or(u64::MAX)
}

/// The largest number of HTXSNV a group may have: `percent` of the HTTNV count
/// by `reading`, where `good` subjects are HTTNV without being candidates and
/// `candidates` meet every HTXSNV condition.
#[must_use]
pub fn cap(
    reading: QuotaReading,
    rounding: Rounding,
    percent: u32,
    good: u32,
    candidates: u32,
) -> u32 {
    let p = u64::from(percent);
    let (g, e) = (u64::from(good), u64::from(candidates));
    let k = match reading {
        // k ≤ p·G
        QuotaReading::A => divide(p * g, 100, rounding),
        // k ≤ p·(G + E − k)  ⇔  k ≤ p·(G + E) / (1 + p)
        QuotaReading::B => divide(p * (g + e), 100 + p, rounding),
        // k ≤ p·(G + E)
        QuotaReading::C => divide(p * (g + e), 100, rounding),
    };
    u32::try_from(k.min(e)).unwrap_or(candidates)
}

/// How a quota group was used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct QuotaUsage {
    /// The group: an explicit group's id, or a default group's description
    /// (`members:<grassroots organisation>:<category>`, `organisations:<parent>:<cell type>`).
    pub group: String,
    /// Whether the group came from the dataset's `quota_groups`.
    pub explicit: bool,
    /// The percentage applied (20, or 25 for an outstanding group).
    pub percent: u32,
    /// Subjects rated HTTNV without being candidates (G).
    pub good: u32,
    /// Candidates: subjects meeting every HTXSNV condition (E).
    pub candidates: u32,
    /// The cap.
    pub cap: u32,
    /// Granted HTXSNV.
    pub granted: u32,
    /// Candidates demoted to HTTNV, best first.
    pub demoted: Vec<String>,
    /// More candidates kept (by policy or by recorded decisions) than the cap allows.
    pub conflict: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use QuotaReading::{A, B, C};

    #[test]
    fn synthetic_fixture_of_section_12() {
        // The cell as the group: E = 3 candidates, G = 7.
        assert_eq!(cap(A, Rounding::Floor, 20, 7, 3), 1);
        assert_eq!(cap(B, Rounding::Floor, 20, 7, 3), 1);
        assert_eq!(cap(C, Rounding::Floor, 20, 7, 3), 2);
        // The whole grassroots organisation: E = 30, G = 120.
        assert_eq!(cap(A, Rounding::Floor, 20, 120, 30), 24);
        assert_eq!(cap(B, Rounding::Floor, 20, 120, 30), 25);
        assert_eq!(cap(C, Rounding::Floor, 20, 120, 30), 30);
    }

    #[test]
    fn published_results_fit_reading_c() {
        // F3 Nghệ An 2023: 5 HTXSNV among 25 at HTTNV or above.
        assert_eq!(cap(C, Rounding::Floor, 20, 20, 5), 5);
        assert!(cap(A, Rounding::Floor, 20, 20, 5) < 5);
        assert!(cap(B, Rounding::Floor, 20, 20, 5) < 5);
        // F4 Đồng Nai 2024: 3 among 16.
        assert_eq!(cap(C, Rounding::Floor, 20, 13, 3), 3);
        assert!(cap(A, Rounding::Floor, 20, 13, 3) < 3);
        assert!(cap(B, Rounding::Floor, 20, 13, 3) < 3);
    }

    #[test]
    fn small_groups_and_rounding() {
        assert_eq!(cap(C, Rounding::Floor, 20, 3, 1), 0);
        assert_eq!(cap(C, Rounding::Ceil, 20, 3, 1), 1);
        assert_eq!(cap(C, Rounding::Round, 20, 10, 2), 2);
        assert_eq!(cap(C, Rounding::Floor, 25, 6, 2), 2);
        // Never more than the candidates.
        assert_eq!(cap(C, Rounding::Floor, 20, 100, 1), 1);
    }
}
