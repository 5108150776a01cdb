//! Status codes and the thread-local last error.

use std::cell::RefCell;
use std::ffi::{c_char, CStr};

/// The result of a fallible call. `XL_STATUS_OK` is 0; every other value is a
/// failure, and `xl_last_error_message` then tells what went wrong.
///
/// The values are explicit and append-only: a value is never renumbered or
/// reused, and new codes are added at the end. A caller should treat a code it
/// does not know as a failure. The C type is `uint32_t`.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XlStatus {
    /// Success.
    Ok = 0,
    /// A panic inside the library was caught at the boundary (a bug: please
    /// report it with the message). No output was written.
    Panic = 1,
    /// A pointer argument that must not be NULL was NULL.
    NullArgument = 2,
    /// A string argument is not valid UTF-8.
    InvalidUtf8 = 3,
    /// An argument has a value the function does not accept (an unknown
    /// language code, an unknown scale name, a length over `PTRDIFF_MAX`).
    InvalidArgument = 4,
    /// The caller's buffer is too small; the length needed was written to the
    /// length out-parameter.
    BufferTooSmall = 5,
    /// An index is not below the number of items.
    OutOfRange = 6,
    /// No item has the id asked for.
    NotFound = 7,
    /// A free function was given a pointer that is not a live handle of its
    /// type (already freed, or of another type). Nothing was freed.
    InvalidHandle = 8,
    /// A JSON document is malformed, or does not match the format's types
    /// (unknown field, wrong type); the message names the JSON path.
    InvalidJson = 9,
    /// The document's `format` field names another format.
    UnsupportedFormat = 10,
    /// A file could not be read.
    Io = 11,
    /// The dataset has validation errors, so it cannot be rated; see
    /// `xl_dataset_problems_json`.
    InvalidDataset = 12,
    /// No policy preset has this name.
    UnknownPreset = 13,
    /// No regime has this name.
    UnknownRegime = 14,
    /// The rating year is outside what dates can represent.
    InvalidYear = 15,
    /// Another error of the library (a kind this version of the ABI does not
    /// name yet); see the message.
    Other = 16,
    /// The report of a run would be too large for the library's compact
    /// store (more than 4 × 10⁹ findings or bytes of subject ids).
    TooLarge = 17,
}

impl XlStatus {
    /// The name of the C constant.
    pub(crate) const fn name(self) -> &'static CStr {
        match self {
            Self::Ok => c"XL_STATUS_OK",
            Self::Panic => c"XL_STATUS_PANIC",
            Self::NullArgument => c"XL_STATUS_NULL_ARGUMENT",
            Self::InvalidUtf8 => c"XL_STATUS_INVALID_UTF8",
            Self::InvalidArgument => c"XL_STATUS_INVALID_ARGUMENT",
            Self::BufferTooSmall => c"XL_STATUS_BUFFER_TOO_SMALL",
            Self::OutOfRange => c"XL_STATUS_OUT_OF_RANGE",
            Self::NotFound => c"XL_STATUS_NOT_FOUND",
            Self::InvalidHandle => c"XL_STATUS_INVALID_HANDLE",
            Self::InvalidJson => c"XL_STATUS_INVALID_JSON",
            Self::UnsupportedFormat => c"XL_STATUS_UNSUPPORTED_FORMAT",
            Self::Io => c"XL_STATUS_IO",
            Self::InvalidDataset => c"XL_STATUS_INVALID_DATASET",
            Self::UnknownPreset => c"XL_STATUS_UNKNOWN_PRESET",
            Self::UnknownRegime => c"XL_STATUS_UNKNOWN_REGIME",
            Self::InvalidYear => c"XL_STATUS_INVALID_YEAR",
            Self::Other => c"XL_STATUS_OTHER",
            Self::TooLarge => c"XL_STATUS_TOO_LARGE",
        }
    }

    /// Every status, in value order.
    pub(crate) const ALL: [Self; 18] = [
        Self::Ok,
        Self::Panic,
        Self::NullArgument,
        Self::InvalidUtf8,
        Self::InvalidArgument,
        Self::BufferTooSmall,
        Self::OutOfRange,
        Self::NotFound,
        Self::InvalidHandle,
        Self::InvalidJson,
        Self::UnsupportedFormat,
        Self::Io,
        Self::InvalidDataset,
        Self::UnknownPreset,
        Self::UnknownRegime,
        Self::InvalidYear,
        Self::Other,
        Self::TooLarge,
    ];

    /// The status with this value, if any (a value received from C is a
    /// `u32`, never the enum: an out-of-range enum value would be undefined
    /// behaviour).
    pub(crate) fn from_u32(v: u32) -> Option<Self> {
        Self::ALL.into_iter().find(|s| *s as u32 == v)
    }
}

/// A failure inside the library: the status to return and the message.
#[derive(Debug)]
pub(crate) struct Error {
    pub(crate) status: XlStatus,
    pub(crate) message: String,
}

impl Error {
    pub(crate) fn new(status: XlStatus, message: impl Into<String>) -> Self {
        Self {
            status,
            message: message.into(),
        }
    }

    /// A NULL pointer where the argument `what` is required.
    pub(crate) fn null(what: &str) -> Self {
        Self::new(XlStatus::NullArgument, format!("`{what}` is NULL"))
    }
}

thread_local! {
    /// The message of the last failed call on this thread (empty: none).
    static LAST_ERROR: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Forgets the last error of this thread (at the start of every fallible call).
pub(crate) fn clear_last_error() {
    // `try_with`: during thread teardown the slot may be gone; nothing to clear then.
    let _ = LAST_ERROR.try_with(|e| e.borrow_mut().clear());
}

/// Records the message of a failed call.
pub(crate) fn set_last_error(message: &str) {
    let _ = LAST_ERROR.try_with(|e| {
        let mut e = e.borrow_mut();
        e.clear();
        e.push_str(message);
    });
}

/// Copies the message of the last failed call on the calling thread into
/// `buf` and returns its length in bytes, not counting the terminating NUL.
///
/// Every fallible function clears the message when it starts and sets it when
/// it fails, so after a call that returned `XL_STATUS_OK` this returns 0 and
/// writes an empty string. This function does not change the message.
///
/// If `buf` is not NULL and `len` is not 0, at most `len - 1` bytes of the
/// message are written, cut at a character boundary so that the text stays
/// valid UTF-8, followed by a NUL. Call it with `len` = the returned value + 1
/// to get the whole message; `xl_last_error_message(NULL, 0)` only returns the
/// length. The message is UTF-8, in English, and names the argument, the JSON
/// path or the record concerned.
///
/// # Safety
/// `buf` must be NULL or valid for writes of `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn xl_last_error_message(buf: *mut c_char, len: usize) -> usize {
    crate::boundary::value(0, || {
        LAST_ERROR
            .try_with(|e| {
                let e = e.borrow();
                if !buf.is_null() && len > 0 {
                    let mut n = e.len().min(len - 1);
                    while !e.is_char_boundary(n) {
                        n -= 1;
                    }
                    // SAFETY: the caller guarantees `buf` is valid for `len`
                    // bytes and `n + 1 <= len`; the source is our own string,
                    // which cannot overlap the caller's buffer.
                    unsafe {
                        std::ptr::copy_nonoverlapping(e.as_ptr(), buf.cast::<u8>(), n);
                        *buf.add(n) = 0;
                    }
                }
                e.len()
            })
            .unwrap_or(0)
    })
}

/// The name of a status code as a static NUL-terminated string, e.g.
/// `"XL_STATUS_NULL_ARGUMENT"`; `"XL_STATUS_UNKNOWN"` for a value this
/// version does not define. The string must not be freed.
#[no_mangle]
pub extern "C" fn xl_status_name(status: u32) -> *const c_char {
    crate::boundary::value(c"XL_STATUS_UNKNOWN".as_ptr(), || {
        XlStatus::from_u32(status)
            .map_or(c"XL_STATUS_UNKNOWN", XlStatus::name)
            .as_ptr()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_explicit_and_dense() {
        for (i, s) in XlStatus::ALL.into_iter().enumerate() {
            assert_eq!(s as u32 as usize, i);
            assert_eq!(XlStatus::from_u32(s as u32), Some(s));
        }
        assert_eq!(XlStatus::from_u32(XlStatus::ALL.len() as u32), None);
    }

    #[test]
    fn the_message_is_cut_at_a_character_boundary() {
        set_last_error("lỗi");
        let mut buf = [0x7f_i8 as c_char; 3];
        // SAFETY: `buf` is valid for 3 bytes.
        let n = unsafe { xl_last_error_message(buf.as_mut_ptr(), buf.len()) };
        assert_eq!(n, "lỗi".len());
        // "l" then the first byte of "ỗ" would not be UTF-8: only "l" is written.
        assert_eq!(buf[0] as u8, b'l');
        assert_eq!(buf[1], 0);
        clear_last_error();
        // SAFETY: a size query.
        assert_eq!(unsafe { xl_last_error_message(std::ptr::null_mut(), 0) }, 0);
    }

    #[test]
    fn status_names() {
        // SAFETY: the returned pointers are static NUL-terminated strings.
        let name = |v| unsafe { CStr::from_ptr(xl_status_name(v)) }.to_str();
        assert_eq!(name(0), Ok("XL_STATUS_OK"));
        assert_eq!(name(12), Ok("XL_STATUS_INVALID_DATASET"));
        assert_eq!(name(9999), Ok("XL_STATUS_UNKNOWN"));
    }
}
