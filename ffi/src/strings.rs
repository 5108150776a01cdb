//! Strings in (NUL-terminated or pointer and length, UTF-8 checked) and out
//! (copied into the caller's buffer, with the length needed).

use crate::error::{Error, XlStatus};
use std::ffi::{c_char, CStr};
use std::io::{self, Write};

/// A NUL-terminated UTF-8 string argument.
///
/// # Safety
/// `p` must be NULL or point to a NUL-terminated string that stays valid and
/// unchanged during `'a`.
pub(crate) unsafe fn c_str<'a>(p: *const c_char, what: &str) -> Result<&'a str, Error> {
    if p.is_null() {
        return Err(Error::null(what));
    }
    // SAFETY: not NULL, and the caller guarantees a NUL-terminated string.
    let s = unsafe { CStr::from_ptr(p) };
    s.to_str().map_err(|e| {
        Error::new(
            XlStatus::InvalidUtf8,
            format!("`{what}` is not valid UTF-8 (at byte {})", e.valid_up_to()),
        )
    })
}

/// An optional NUL-terminated UTF-8 string argument (NULL: `None`).
///
/// # Safety
/// As [`c_str`].
pub(crate) unsafe fn opt_c_str<'a>(p: *const c_char, what: &str) -> Result<Option<&'a str>, Error> {
    if p.is_null() {
        Ok(None)
    } else {
        // SAFETY: forwarded to the caller.
        unsafe { c_str(p, what) }.map(Some)
    }
}

/// A UTF-8 text given as a pointer and a length in bytes (no NUL needed).
///
/// # Safety
/// `p` must be NULL or valid for reads of `len` bytes that stay unchanged
/// during `'a`.
pub(crate) unsafe fn text<'a>(p: *const c_char, len: usize, what: &str) -> Result<&'a str, Error> {
    if p.is_null() {
        return Err(Error::null(what));
    }
    if isize::try_from(len).is_err() {
        return Err(Error::new(
            XlStatus::InvalidArgument,
            format!("the length of `{what}` ({len}) is over PTRDIFF_MAX"),
        ));
    }
    // SAFETY: not NULL, `len` ≤ isize::MAX, and the caller guarantees `len`
    // readable bytes that nobody writes during `'a`.
    let bytes = unsafe { std::slice::from_raw_parts(p.cast::<u8>(), len) };
    std::str::from_utf8(bytes).map_err(|e| {
        Error::new(
            XlStatus::InvalidUtf8,
            format!("`{what}` is not valid UTF-8 (at byte {})", e.valid_up_to()),
        )
    })
}

/// A writer into the caller's buffer that keeps counting past its end.
struct Sink<'a> {
    room: &'a mut [u8],
    written: usize,
}

impl Write for Sink<'_> {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        if let Some(rest) = self.room.get_mut(self.written..) {
            let n = rest.len().min(data.len());
            if let (Some(dst), Some(src)) = (rest.get_mut(..n), data.get(..n)) {
                dst.copy_from_slice(src);
            }
        }
        self.written = self.written.saturating_add(data.len());
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Copies a text made by `produce` into the caller's buffer (the common
/// contract of every function that returns a string):
///
/// - `buf == NULL && len == 0` is a size query: `*needed` gets the length and
///   the call succeeds;
/// - if the text and its NUL fit in `len` bytes they are written and
///   `*needed` gets the text's length (without the NUL);
/// - otherwise `XL_STATUS_BUFFER_TOO_SMALL`, `*needed` gets the length and the
///   buffer holds an empty string.
///
/// `needed` may be NULL except for a size query. `produce` writes the text; it
/// runs once, straight into the buffer (no intermediate copy).
///
/// # Safety
/// `buf` must be NULL or valid for writes of `len` bytes; `needed` must be NULL
/// or valid for a write.
pub(crate) unsafe fn copy_out(
    buf: *mut c_char,
    len: usize,
    needed: *mut usize,
    produce: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), Error> {
    if buf.is_null() && len != 0 {
        return Err(Error::null("buf"));
    }
    if buf.is_null() && needed.is_null() {
        return Err(Error::null("needed"));
    }
    if isize::try_from(len).is_err() {
        return Err(Error::new(
            XlStatus::InvalidArgument,
            format!("the buffer length {len} is over PTRDIFF_MAX"),
        ));
    }
    let room: &mut [u8] = if buf.is_null() {
        &mut []
    } else {
        // SAFETY: not NULL, `len` ≤ isize::MAX, and the caller guarantees the
        // buffer is valid for `len` bytes and not used elsewhere during the call.
        unsafe { std::slice::from_raw_parts_mut(buf.cast::<u8>(), len) }
    };
    let mut sink = Sink { room, written: 0 };
    produce(&mut sink).map_err(|e| Error::new(XlStatus::Other, format!("cannot write: {e}")))?;
    let n = sink.written;
    let fits = n < sink.room.len();
    if let Some(end) = sink.room.get_mut(if fits { n } else { 0 }) {
        *end = 0;
    }
    if !needed.is_null() {
        // SAFETY: not NULL and valid for a write (the caller's guarantee).
        unsafe { needed.write(n) };
    }
    if fits || buf.is_null() {
        Ok(())
    } else {
        Err(Error::new(
            XlStatus::BufferTooSmall,
            format!(
                "the buffer of {len} bytes is too small: the text needs {} (with its NUL)",
                n.saturating_add(1)
            ),
        ))
    }
}

/// [`copy_out`] of a string slice.
///
/// # Safety
/// As [`copy_out`].
pub(crate) unsafe fn copy_str(
    buf: *mut c_char,
    len: usize,
    needed: *mut usize,
    s: &str,
) -> Result<(), Error> {
    // SAFETY: forwarded to the caller.
    unsafe { copy_out(buf, len, needed, |w| w.write_all(s.as_bytes())) }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests fail loudly")]
    use super::*;

    #[test]
    fn the_buffer_contract() {
        let mut needed = 0;
        // SAFETY: a size query with a valid `needed`.
        unsafe { copy_str(std::ptr::null_mut(), 0, &mut needed, "xếp loại") }.unwrap();
        assert_eq!(needed, "xếp loại".len());
        let mut buf = vec![1 as c_char; needed];
        // SAFETY: `buf` is valid for its length.
        let e = unsafe { copy_str(buf.as_mut_ptr(), buf.len(), &mut needed, "xếp loại") };
        assert_eq!(e.unwrap_err().status, XlStatus::BufferTooSmall);
        assert_eq!(buf[0], 0);
        let mut buf = vec![1 as c_char; needed + 1];
        // SAFETY: `buf` is valid for its length; `needed` may be NULL.
        unsafe {
            copy_str(
                buf.as_mut_ptr(),
                buf.len(),
                std::ptr::null_mut(),
                "xếp loại",
            )
        }
        .unwrap();
        // SAFETY: the buffer now holds a NUL-terminated string.
        let s = unsafe { CStr::from_ptr(buf.as_ptr()) };
        assert_eq!(s.to_str().unwrap(), "xếp loại");
        // SAFETY: NULL with a length is refused before any access.
        let e = unsafe { copy_str(std::ptr::null_mut(), 4, &mut needed, "x") };
        assert_eq!(e.unwrap_err().status, XlStatus::NullArgument);
    }

    #[test]
    fn invalid_utf8_is_refused() {
        let bad = [b'a', 0xff, b'b', 0];
        // SAFETY: `bad` is NUL-terminated and valid for 3 bytes.
        let e = unsafe { c_str(bad.as_ptr().cast(), "name") }.unwrap_err();
        assert_eq!(e.status, XlStatus::InvalidUtf8);
        assert!(e.message.contains("byte 1"), "{}", e.message);
        // SAFETY: valid for 3 bytes.
        let e = unsafe { text(bad.as_ptr().cast(), 3, "json") }.unwrap_err();
        assert_eq!(e.status, XlStatus::InvalidUtf8);
    }
}
