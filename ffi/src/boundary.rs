//! The panic boundary: every exported function runs its body through
//! [`status`] or [`value`], so a panic becomes `XL_STATUS_PANIC` (or a default
//! value) instead of unwinding into C. The functions stay ordinary literal
//! `extern "C" fn`s that cbindgen can see (no macro generates them).

use crate::error::{clear_last_error, set_last_error, Error, XlStatus};
use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Runs the body of a fallible exported function: clears the last error,
/// catches a panic, and turns the result into a status (recording the message
/// of a failure).
pub(crate) fn status(body: impl FnOnce() -> Result<(), Error>) -> XlStatus {
    clear_last_error();
    // AssertUnwindSafe: after a panic nothing the body touched is used again by
    // this call; the handles are read-only, and an output is written only as
    // the last step of a successful body.
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => XlStatus::Ok,
        Ok(Err(e)) => {
            set_last_error(&e.message);
            e.status
        }
        Err(payload) => {
            set_last_error(&format!("panic in xeploai: {}", panic_message(&*payload)));
            XlStatus::Panic
        }
    }
}

/// Runs the body of an infallible exported function; a panic gives `default`.
pub(crate) fn value<T>(default: T, body: impl FnOnce() -> T) -> T {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or(default)
}

fn panic_message(payload: &(dyn Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(no message)")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::panic, reason = "the tests make panics to catch")]
    use super::*;

    fn last() -> String {
        let mut buf = vec![0 as std::ffi::c_char; 256];
        // SAFETY: `buf` is valid for its length.
        let n = unsafe { crate::error::xl_last_error_message(buf.as_mut_ptr(), buf.len()) };
        buf.truncate(n);
        buf.iter().map(|&c| c as u8 as char).collect()
    }

    #[test]
    fn a_panic_becomes_a_status_with_its_message() {
        let s = status(|| panic!("boom {}", 42));
        assert_eq!(s, XlStatus::Panic);
        assert_eq!(last(), "panic in xeploai: boom 42");
        assert_eq!(value(7, || panic!("static")), 7);
    }

    #[test]
    fn a_success_clears_the_last_error() {
        let s = status(|| Err(Error::new(XlStatus::NotFound, "no such subject")));
        assert_eq!(s, XlStatus::NotFound);
        assert_eq!(last(), "no such subject");
        assert_eq!(status(|| Ok(())), XlStatus::Ok);
        assert_eq!(last(), "");
    }
}
