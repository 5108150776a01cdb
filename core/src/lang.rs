//! Languages for labels and messages.
//!
//! Every label and message of the library exists in Vietnamese and English.
//! Vietnamese text is UTF-8 in Unicode normal form C (NFC).

use serde::{Deserialize, Serialize};

/// A language for labels and messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// Vietnamese (`vi`), the default.
    #[default]
    Vi,
    /// English (`en`).
    En,
}

impl Lang {
    /// Parses `vi` or `en` (case-insensitive).
    ///
    /// ```
    /// use xeploai::Lang;
    /// assert_eq!(Lang::parse("EN"), Some(Lang::En));
    /// assert_eq!(Lang::parse("fr"), None);
    /// ```
    #[must_use]
    pub fn parse(code: &str) -> Option<Self> {
        match code.to_ascii_lowercase().as_str() {
            "vi" => Some(Self::Vi),
            "en" => Some(Self::En),
            _ => None,
        }
    }

    /// The two-letter code.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Vi => "vi",
            Self::En => "en",
        }
    }
}

/// Picks the Vietnamese or the English text.
#[must_use]
pub(crate) const fn pick(lang: Lang, vi: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}
