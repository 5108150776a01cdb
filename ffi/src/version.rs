//! The library's version, as macros in the header and as a function.

use std::ffi::c_char;

/// The major version of the library the header was generated from.
pub const XL_VERSION_MAJOR: u32 = 0;
/// The minor version of the library the header was generated from.
pub const XL_VERSION_MINOR: u32 = 1;
/// The patch version of the library the header was generated from.
pub const XL_VERSION_PATCH: u32 = 0;
/// The version as one number, `MAJOR * 10000 + MINOR * 100 + PATCH`, for
/// preprocessor comparisons.
pub const XL_VERSION_NUMBER: u32 =
    XL_VERSION_MAJOR * 10000 + XL_VERSION_MINOR * 100 + XL_VERSION_PATCH;

/// The version of the library (`"MAJOR.MINOR.PATCH"`), as a static
/// NUL-terminated string that must not be freed. Compare it with the
/// `XL_VERSION_MAJOR`, `XL_VERSION_MINOR` and `XL_VERSION_PATCH` macros to
/// check that the header matches the library actually linked.
#[no_mangle]
pub extern "C" fn xl_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests fail loudly")]
    use super::*;

    /// The macros are written in this file (cbindgen copies literals only);
    /// this test keeps them equal to the crate's version.
    #[test]
    fn the_version_constants_follow_cargo_toml() {
        assert_eq!(
            XL_VERSION_MAJOR,
            env!("CARGO_PKG_VERSION_MAJOR").parse::<u32>().unwrap()
        );
        assert_eq!(
            XL_VERSION_MINOR,
            env!("CARGO_PKG_VERSION_MINOR").parse::<u32>().unwrap()
        );
        assert_eq!(
            XL_VERSION_PATCH,
            env!("CARGO_PKG_VERSION_PATCH").parse::<u32>().unwrap()
        );
        assert_eq!(
            XL_VERSION_NUMBER,
            XL_VERSION_MAJOR * 10000 + XL_VERSION_MINOR * 100 + XL_VERSION_PATCH
        );
        // SAFETY: a static NUL-terminated string.
        let v = unsafe { std::ffi::CStr::from_ptr(xl_version()) };
        assert_eq!(
            v.to_str().unwrap(),
            format!("{XL_VERSION_MAJOR}.{XL_VERSION_MINOR}.{XL_VERSION_PATCH}")
        );
    }
}
