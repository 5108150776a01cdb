//! The four regimes and the rating year each applies to (party-rating.md §1).

use crate::lang::{pick, Lang};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A set of rules, chosen by the rating year unless the caller names one.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
pub enum Regime {
    /// Hướng dẫn 27-HD/BTCTW (25/9/2014): rating years up to 2017. 100-point scale;
    /// organisations rated "trong sạch, vững mạnh" … "yếu kém".
    #[serde(rename = "hd27-2014")]
    Hd27_2014,
    /// Quy định 132-QĐ/TW (8/3/2018) with Hướng dẫn 16-HD/BTCTW (2018) and
    /// 21-HD/BTCTW (18/10/2019): rating years 2018–2022. Per-criterion grades.
    #[serde(rename = "qd132-2018")]
    Qd132_2018,
    /// Quy định 124-QĐ/TW (4/10/2023) with Hướng dẫn 25-HD/BTCTW (10/11/2023):
    /// rating years 2023–2024. Per-criterion grades.
    #[serde(rename = "qd124-2023")]
    Qd124_2023,
    /// Quy định 366-QĐ/TW (30/8/2025) with Hướng dẫn 43-HD/BTCTW (31/10/2025):
    /// rating years from 2025. 100 points (30 general + 70 tasks) and conditions.
    #[serde(rename = "qd366-2025")]
    Qd366_2025,
}

impl Regime {
    /// Every regime, oldest first.
    pub const ALL: [Self; 4] = [
        Self::Hd27_2014,
        Self::Qd132_2018,
        Self::Qd124_2023,
        Self::Qd366_2025,
    ];

    /// The regime of rating year `year` (party-rating.md §1: ≤ 2017, 2018–2022,
    /// 2023–2024, ≥ 2025).
    ///
    /// ```
    /// use xeploai::Regime;
    /// assert_eq!(Regime::for_year(2024), Regime::Qd124_2023);
    /// assert_eq!(Regime::for_year(2025), Regime::Qd366_2025);
    /// assert_eq!(Regime::for_year(2017), Regime::Hd27_2014);
    /// ```
    #[must_use]
    pub const fn for_year(year: i32) -> Self {
        if year <= 2017 {
            Self::Hd27_2014
        } else if year <= 2022 {
            Self::Qd132_2018
        } else if year <= 2024 {
            Self::Qd124_2023
        } else {
            Self::Qd366_2025
        }
    }

    /// The name used in the formats, e.g. `qd366-2025`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Hd27_2014 => "hd27-2014",
            Self::Qd132_2018 => "qd132-2018",
            Self::Qd124_2023 => "qd124-2023",
            Self::Qd366_2025 => "qd366-2025",
        }
    }

    /// Parses the name.
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// The rule-setting document.
    #[must_use]
    pub const fn document(self) -> &'static str {
        match self {
            Self::Hd27_2014 => "Hướng dẫn 27-HD/BTCTW",
            Self::Qd132_2018 => "Quy định 132-QĐ/TW",
            Self::Qd124_2023 => "Quy định 124-QĐ/TW",
            Self::Qd366_2025 => "Quy định 366-QĐ/TW",
        }
    }

    /// The implementing guidance.
    #[must_use]
    pub const fn guidance(self) -> &'static str {
        match self {
            Self::Hd27_2014 => "Hướng dẫn 27-HD/BTCTW",
            Self::Qd132_2018 => "Hướng dẫn 21-HD/BTCTW",
            Self::Qd124_2023 => "Hướng dẫn 25-HD/BTCTW",
            Self::Qd366_2025 => "Hướng dẫn 43-HD/BTCTW",
        }
    }

    /// The years the regime applies to, as a label.
    #[must_use]
    pub const fn years(self, lang: Lang) -> &'static str {
        match self {
            Self::Hd27_2014 => pick(lang, "đến năm 2017", "up to 2017"),
            Self::Qd132_2018 => "2018–2022",
            Self::Qd124_2023 => "2023–2024",
            Self::Qd366_2025 => pick(lang, "từ năm 2025", "from 2025"),
        }
    }
}

impl fmt::Display for Regime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
