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

/// A set of levels, one byte, listed lowest first (as a JSON array of levels).
///
/// ```
/// use xeploai::level::{Level, Levels};
/// let l = Levels::from_slice(&[Level::Good, Level::Completed]);
/// assert!(l.contains(Level::Good) && !l.contains(Level::Excellent));
/// assert_eq!(l.iter().collect::<Vec<_>>(), [Level::Completed, Level::Good]);
/// assert_eq!(serde_json::to_string(&l).unwrap(), r#"["completed","good"]"#);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Levels(u8);

impl Levels {
    /// No level.
    pub const EMPTY: Self = Self(0);

    /// The levels of a slice (repeats count once).
    #[must_use]
    pub fn from_slice(levels: &[Level]) -> Self {
        levels.iter().copied().collect()
    }

    const fn bit(l: Level) -> u8 {
        1 << (l as u8)
    }

    /// Whether `level` is in the set.
    #[must_use]
    pub const fn contains(self, level: Level) -> bool {
        self.0 & Self::bit(level) != 0
    }

    /// The set with `level` added.
    #[must_use]
    pub const fn with(self, level: Level) -> Self {
        Self(self.0 | Self::bit(level))
    }

    /// How many levels.
    #[must_use]
    pub const fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// Whether there are none.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The levels, lowest first.
    pub fn iter(self) -> impl Iterator<Item = Level> {
        Level::ALL.into_iter().filter(move |l| self.contains(*l))
    }
}

impl FromIterator<Level> for Levels {
    fn from_iter<I: IntoIterator<Item = Level>>(iter: I) -> Self {
        iter.into_iter().fold(Self::EMPTY, Self::with)
    }
}

impl fmt::Debug for Levels {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for Levels {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for Levels {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Vec::<Level>::deserialize(d)?.into_iter().collect())
    }
}

/// An array of levels, as `Vec<Level>`'s schema.
impl JsonSchema for Levels {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        Vec::<Level>::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        Vec::<Level>::json_schema(generator)
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
