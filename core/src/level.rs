//! The four quality levels shared by every regime and by the Front side
//! (party-rating.md §2), and the per-criterion grades of the 2018–2024 regimes.

use crate::lang::{pick, Lang};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A quality level. Ordered: `NotCompleted < Completed < Good < Excellent`.
///
/// ```
/// use xeploai::Level;
/// assert!(Level::Excellent > Level::Good);
/// assert_eq!(Level::Good.code(), "HTTNV");
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[schemars(
    description = "A quality level, lowest first: not_completed (KHTNV), completed (HTNV), good (HTTNV), excellent (HTXSNV)."
)]
pub enum Level {
    /// Không hoàn thành nhiệm vụ (KHTNV); under the 2014 guidance, "yếu kém" for organisations.
    NotCompleted,
    /// Hoàn thành nhiệm vụ (HTNV).
    Completed,
    /// Hoàn thành tốt nhiệm vụ (HTTNV).
    Good,
    /// Hoàn thành xuất sắc nhiệm vụ (HTXSNV); under the 2014 guidance, "trong sạch,
    /// vững mạnh" for organisations.
    Excellent,
}

impl Level {
    /// Every level, lowest first.
    pub const ALL: [Self; 4] = [
        Self::NotCompleted,
        Self::Completed,
        Self::Good,
        Self::Excellent,
    ];

    /// The snake_case name used in the formats.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::NotCompleted => "not_completed",
            Self::Completed => "completed",
            Self::Good => "good",
            Self::Excellent => "excellent",
        }
    }

    /// Parses the snake_case name.
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.as_str() == s)
    }

    /// The usual abbreviation: HTXSNV, HTTNV, HTNV, KHTNV.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::NotCompleted => "KHTNV",
            Self::Completed => "HTNV",
            Self::Good => "HTTNV",
            Self::Excellent => "HTXSNV",
        }
    }

    /// The full label.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match self {
            Self::NotCompleted => pick(
                lang,
                "Không hoàn thành nhiệm vụ",
                "did not complete the tasks",
            ),
            Self::Completed => pick(lang, "Hoàn thành nhiệm vụ", "completed the tasks"),
            Self::Good => pick(lang, "Hoàn thành tốt nhiệm vụ", "completed the tasks well"),
            Self::Excellent => pick(
                lang,
                "Hoàn thành xuất sắc nhiệm vụ",
                "completed the tasks excellently",
            ),
        }
    }

    /// The label of the 2014 guidance (27-HD/BTCTW) for organisations
    /// (party-rating.md §8): trong sạch vững mạnh, hoàn thành tốt nhiệm vụ,
    /// hoàn thành nhiệm vụ, yếu kém.
    #[must_use]
    pub const fn legacy_organisation_label(self, lang: Lang) -> &'static str {
        match self {
            Self::NotCompleted => pick(lang, "Yếu kém", "weak"),
            Self::Completed => pick(lang, "Hoàn thành nhiệm vụ", "completed the tasks"),
            Self::Good => pick(lang, "Hoàn thành tốt nhiệm vụ", "completed the tasks well"),
            Self::Excellent => pick(lang, "Trong sạch, vững mạnh", "clean and strong"),
        }
    }

    /// The next level down, if any.
    #[must_use]
    pub const fn below(self) -> Option<Self> {
        match self {
            Self::NotCompleted => None,
            Self::Completed => Some(Self::NotCompleted),
            Self::Good => Some(Self::Completed),
            Self::Excellent => Some(Self::Good),
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A per-criterion grade of the 2018–2024 regimes (Xuất sắc / Tốt / Trung bình / Kém;
/// party-rating.md §6.1). Ordered: `Poor < Average < Good < Excellent`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    /// Kém.
    Poor,
    /// Trung bình.
    Average,
    /// Tốt.
    Good,
    /// Xuất sắc.
    Excellent,
}

impl Grade {
    /// The snake_case name.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Poor => "poor",
            Self::Average => "average",
            Self::Good => "good",
            Self::Excellent => "excellent",
        }
    }
}
