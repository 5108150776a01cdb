//! Policies: the settings of the open questions (docs/policy.md), by preset
//! name or from JSON.

use crate::boundary;
use crate::error::{Error, XlStatus};
use crate::handle::{self, Handle};
use crate::strings::{c_str, copy_str, text};
use std::ffi::c_char;
use xeploai_core::policy::PolicyError;
use xeploai_core::Policy;

/// A rating policy. Created by `xl_policy_preset` or `xl_policy_from_json`,
/// freed with `xl_policy_free`.
///
/// Thread safety: read-only once created; any number of threads may use one
/// policy at the same time, as long as none frees it meanwhile.
#[derive(Debug)]
pub struct XlPolicy {
    pub(crate) policy: Policy,
}

impl Handle for XlPolicy {
    const TAG: u8 = 2;
    const NAME: &'static str = "xl_policy";
}

fn policy_error(e: &PolicyError) -> Error {
    let status = match e {
        PolicyError::Json { .. } => XlStatus::InvalidJson,
        PolicyError::UnknownPreset { .. } => XlStatus::UnknownPreset,
        _ => XlStatus::Other,
    };
    Error::new(status, e.to_string())
}

/// A policy preset by name: `default`, `literal`, `qd124-discipline`,
/// `qd132-2019`, `hd27-2014`, `gap-completed`, `report-conflicts` (see
/// docs/policy.md). An unknown name gives `XL_STATUS_UNKNOWN_PRESET` (the
/// message lists the presets). On success `*out` receives a new policy to free
/// with `xl_policy_free`.
///
/// # Safety
/// `name` must be NULL or a NUL-terminated string; `out` must be NULL or valid
/// for a write.
#[no_mangle]
pub unsafe extern "C" fn xl_policy_preset(
    name: *const c_char,
    out: *mut *mut XlPolicy,
) -> XlStatus {
    boundary::status(|| {
        // SAFETY: forwarded to the caller.
        let name = unsafe { c_str(name, "name") }?;
        handle::out(out, "out")?;
        let policy = Policy::preset(name).map_err(|e| policy_error(&e))?;
        // SAFETY: `out` is not NULL; the caller guarantees it is writable.
        unsafe { handle::write(out, handle::into_raw(XlPolicy { policy })) };
        Ok(())
    })
}

/// Loads a policy from JSON text (`len` bytes of UTF-8, no NUL needed):
/// missing settings take their defaults, unknown ones are refused.
/// `XL_STATUS_INVALID_JSON` names the JSON path of the problem. On success
/// `*out` receives a new policy to free with `xl_policy_free`.
///
/// # Safety
/// `json` must be NULL or valid for reads of `len` bytes; `out` must be NULL or
/// valid for a write.
#[no_mangle]
pub unsafe extern "C" fn xl_policy_from_json(
    json: *const c_char,
    len: usize,
    out: *mut *mut XlPolicy,
) -> XlStatus {
    boundary::status(|| {
        // SAFETY: forwarded to the caller.
        let json = unsafe { text(json, len, "json") }?;
        handle::out(out, "out")?;
        let policy = Policy::from_json(json).map_err(|e| policy_error(&e))?;
        // SAFETY: `out` is not NULL; the caller guarantees it is writable.
        unsafe { handle::write(out, handle::into_raw(XlPolicy { policy })) };
        Ok(())
    })
}

/// The policy as JSON (every setting, indented), copied into the caller's
/// buffer by the common rule (see `xl_dataset_problems_json`).
///
/// # Safety
/// `policy` must be NULL or a live policy; `buf` must be NULL or valid for
/// writes of `len` bytes; `needed` must be NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn xl_policy_json(
    policy: *const XlPolicy,
    buf: *mut c_char,
    len: usize,
    needed: *mut usize,
) -> XlStatus {
    boundary::status(|| {
        // SAFETY: forwarded to the caller.
        let p = unsafe { handle::borrow(policy, "policy") }?;
        // SAFETY: forwarded to the caller.
        unsafe { copy_str(buf, len, needed, &p.policy.to_json()) }
    })
}

/// Frees a policy. NULL is a no-op; a pointer that is not a live policy gives
/// `XL_STATUS_INVALID_HANDLE` and is not touched (see `xl_dataset_free`).
///
/// # Safety
/// `policy` must be NULL or a pointer received from this library.
#[no_mangle]
pub unsafe extern "C" fn xl_policy_free(policy: *mut XlPolicy) -> XlStatus {
    boundary::status(|| handle::free(policy))
}
