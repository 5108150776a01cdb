//! Opaque handles: a Rust value boxed and given to C as a pointer, recorded
//! in a registry of live handles so that a free function can refuse a pointer
//! that is not a live handle of its type (a second free, or a pointer of
//! another type) instead of freeing it.
//!
//! The registry is consulted only by the constructors and the free functions;
//! the other functions trust the caller's pointer (checking it on every call
//! would put a global lock on the hot path).

use crate::error::{Error, XlStatus};
use std::collections::BTreeSet;
use std::sync::{Mutex, PoisonError};

/// A type handed to C behind an opaque pointer.
pub(crate) trait Handle: Sized + Send + Sync + 'static {
    /// The type's tag in the registry.
    const TAG: u8;
    /// The name of the C type, for messages.
    const NAME: &'static str;
}

/// Live handles: (address, type tag).
static LIVE: Mutex<BTreeSet<(usize, u8)>> = Mutex::new(BTreeSet::new());

fn live() -> std::sync::MutexGuard<'static, BTreeSet<(usize, u8)>> {
    // Nothing panics while the lock is held; a poisoned set is still consistent.
    LIVE.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Boxes `value`, records it as live and returns the pointer for C.
pub(crate) fn into_raw<T: Handle>(value: T) -> *mut T {
    let p = Box::into_raw(Box::new(value));
    live().insert((p as usize, T::TAG));
    p
}

/// Frees a handle made by [`into_raw`]. NULL is a no-op. A pointer that is not
/// a live handle of type `T` is left alone and reported.
pub(crate) fn free<T: Handle>(p: *mut T) -> Result<(), Error> {
    if p.is_null() {
        return Ok(());
    }
    if !live().remove(&(p as usize, T::TAG)) {
        return Err(Error::new(
            XlStatus::InvalidHandle,
            format!(
                "the pointer given to {}_free is not a live {}: it was already freed, or is of another type",
                T::NAME,
                T::NAME
            ),
        ));
    }
    // SAFETY: the pointer was in the registry, so it came from `Box::into_raw`
    // in `into_raw::<T>` and has not been freed since (removing it from the
    // registry under the lock makes this the only free of it). The caller
    // promises no other thread is still using it.
    drop(unsafe { Box::from_raw(p) });
    Ok(())
}

/// Borrows a handle for the duration of a call.
///
/// # Safety
/// `p` must be NULL or a live handle of type `T` that is not freed during `'a`.
pub(crate) unsafe fn borrow<'a, T: Handle>(p: *const T, what: &str) -> Result<&'a T, Error> {
    // SAFETY: forwarded to the caller: `p` is NULL or points to a live `T`.
    unsafe { p.as_ref() }.ok_or_else(|| Error::null(what))
}

/// Writes an output value through an out-pointer (after every check passed).
///
/// # Safety
/// `out` must be valid for a write of `T` (it was checked for NULL).
pub(crate) unsafe fn write<T>(out: *mut T, value: T) {
    // SAFETY: forwarded to the caller. `write` does not drop the previous
    // (possibly uninitialised) contents.
    unsafe { out.write(value) }
}

/// Checks that an out-pointer is not NULL.
pub(crate) fn out<T>(p: *mut T, what: &str) -> Result<(), Error> {
    if p.is_null() {
        Err(Error::null(what))
    } else {
        Ok(())
    }
}
