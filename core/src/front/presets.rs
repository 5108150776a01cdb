//! The built-in schemes, one file per source document. Each is JSON text loaded
//! and checked by [`Scheme::from_json`], exactly like a scheme of a dataset:
//!
//! | id | file | status |
//! |---|---|---|
//! | `hoabinh-2017` | [`hd35_hoabinh_2017`] | verified bands (Hướng dẫn 35/HD-MTTQ-BTT, Hòa Bình) |
//! | `bentre-2018-labels` | [`bentre_2018`] | verified labels, assumed thresholds |
//! | `qd366-collective` | [`qd366`] | verified bands and conditions (Quy định 366-QĐ/TW, Điều 11) |
//! | `illustrative-8-groups` | [`illustrative_grid`] | illustrative: synthesised, not from a source |
//!
//! ```
//! use xeploai::front::presets::{scheme, SCHEMES};
//! for id in SCHEMES {
//!     assert_eq!(scheme(id).unwrap().id, *id);
//! }
//! assert!(scheme("illustrative-8-groups").unwrap().status.is_illustrative());
//! ```

pub mod bentre_2018;
pub mod hd35_hoabinh_2017;
pub mod hongngu_2023;
pub mod illustrative_grid;
pub mod qd366;

use crate::front::scheme::{Scheme, SchemeError};

/// The ids of the built-in schemes.
pub const SCHEMES: &[&str] = &[
    hd35_hoabinh_2017::ID,
    bentre_2018::ID,
    qd366::ID,
    illustrative_grid::ID,
];

/// A built-in scheme by id.
///
/// # Errors
/// [`SchemeError::Unknown`] if there is none of that id; [`SchemeError::Invalid`]
/// if its text is inconsistent (a test checks that none is).
pub fn scheme(id: &str) -> Result<Scheme, SchemeError> {
    let text = match id {
        hd35_hoabinh_2017::ID => hd35_hoabinh_2017::JSON,
        bentre_2018::ID => bentre_2018::JSON,
        qd366::ID => qd366::JSON,
        illustrative_grid::ID => illustrative_grid::JSON,
        _ => {
            return Err(SchemeError::Unknown {
                name: id.to_owned(),
            })
        }
    };
    Scheme::from_json(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_loads_and_round_trips() {
        for id in SCHEMES {
            let s = scheme(id).unwrap();
            assert_eq!(s.id, *id);
            assert!(s.check().is_empty());
            assert_eq!(Scheme::from_json(&s.to_json()).unwrap(), s);
        }
        assert!(matches!(scheme("nope"), Err(SchemeError::Unknown { .. })));
    }
}
