//! The C ABI of xeploai (DESIGN §7): opaque handles for a dataset, a policy
//! and a report; status codes; a thread-local last-error message; UTF-8
//! strings in, strings copied into the caller's buffer out; no panic crosses
//! the boundary. The header `include/xeploai.h` is generated from this crate
//! by cbindgen (see `cbindgen.toml`) and checked by `tests/header.rs`; the
//! guide is `docs/c-api.md`.
//!
//! Every exported function is a literal `extern "C" fn` whose body runs inside
//! [`boundary`] (`catch_unwind`), so cbindgen sees every signature. Enums are
//! only ever sent to C; values received from C are `u32` and checked.

#![deny(
    missing_docs,
    unsafe_op_in_unsafe_fn,
    clippy::undocumented_unsafe_blocks,
    clippy::missing_safety_doc
)]

mod boundary;
mod dataset;
mod error;
mod handle;
mod policy;
mod report;
mod strings;
mod version;

pub use dataset::*;
pub use error::*;
pub use policy::*;
pub use report::*;
pub use version::*;

/// The handles are shared between threads by C callers: they must stay
/// `Send + Sync` whatever the core does (a compile-time check).
const _: () = {
    const fn shareable<T: Send + Sync>() {}
    shareable::<xeploai_core::OrgGraph>();
    shareable::<xeploai_core::Policy>();
    shareable::<xeploai_core::Report>();
    shareable::<xeploai_core::ValidationReport>();
};
