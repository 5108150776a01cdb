//! Datasets: the embedded sample, the synthetic generator, JSON text and
//! files; validated when loaded.

use crate::boundary;
use crate::error::{Error, XlStatus};
use crate::handle::{self, Handle};
use crate::strings::{c_str, copy_out, text};
use std::ffi::c_char;
use xeploai_core::synth::{generate, Spec};
use xeploai_core::validate::InvalidDataset;
use xeploai_core::{Dataset, LoadError, OrgGraph, ValidationReport};

/// A loaded dataset: either valid, with its organisation graph built and
/// ready to rate, or invalid, with the validation problems. Created by the
/// `xl_dataset_*` constructors, freed with `xl_dataset_free`.
///
/// Thread safety: read-only once created. Any number of threads may use one
/// dataset at the same time (for example to rate several years at once), as
/// long as none frees it while the others use it.
#[derive(Debug)]
pub struct XlDataset {
    state: State,
}

#[derive(Debug)]
#[expect(
    clippy::large_enum_variant,
    reason = "one value per handle, and the handle is boxed already"
)]
enum State {
    Valid(OrgGraph),
    Invalid(ValidationReport),
}

impl Handle for XlDataset {
    const TAG: u8 = 1;
    const NAME: &'static str = "xl_dataset";
}

impl XlDataset {
    fn new(ds: Dataset) -> Self {
        let state = match OrgGraph::build(ds) {
            Ok(g) => State::Valid(g),
            Err(InvalidDataset(report)) => State::Invalid(report),
        };
        Self { state }
    }

    /// The graph, or `XL_STATUS_INVALID_DATASET` with the first error.
    pub(crate) fn graph(&self) -> Result<&OrgGraph, Error> {
        match &self.state {
            State::Valid(g) => Ok(g),
            State::Invalid(r) => Err(Error::new(
                XlStatus::InvalidDataset,
                format!(
                    "the dataset has {} validation errors; the first: {}",
                    r.error_count(),
                    r.errors()
                        .next()
                        .map(ToString::to_string)
                        .unwrap_or_default()
                ),
            )),
        }
    }

    fn problems(&self) -> &ValidationReport {
        match &self.state {
            State::Valid(g) => g.warnings(),
            State::Invalid(r) => r,
        }
    }
}

fn load_error(e: &LoadError) -> Error {
    let status = match e {
        LoadError::Json { .. } => XlStatus::InvalidJson,
        LoadError::Format { .. } => XlStatus::UnsupportedFormat,
        LoadError::Io { .. } => XlStatus::Io,
        _ => XlStatus::Other,
    };
    Error::new(status, e.to_string())
}

/// Gives a new dataset to the caller.
///
/// # Safety
/// `out` must be valid for a write (checked for NULL by the caller).
unsafe fn give(out: *mut *mut XlDataset, ds: XlDataset) {
    // SAFETY: forwarded to the caller.
    unsafe { handle::write(out, handle::into_raw(ds)) }
}

/// The embedded sample province (Đồng Tháp, 10 communes, ≈ 160 cells,
/// ≈ 5,700 members, evaluated for 2024 and 2025): the same on every call and
/// every machine. It is generated on each call (tens of milliseconds).
///
/// On success `*out` receives a new dataset that the caller must free with
/// `xl_dataset_free`.
///
/// # Safety
/// `out` must be NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn xl_dataset_sample(out: *mut *mut XlDataset) -> XlStatus {
    boundary::status(|| {
        handle::out(out, "out")?;
        let ds = XlDataset::new(xeploai_core::sample::dataset());
        // SAFETY: `out` is not NULL; the caller guarantees it is writable.
        unsafe { give(out, ds) };
        Ok(())
    })
}

/// A synthetic dataset from the library's deterministic generator, by scale
/// name: `"sample"` (the embedded sample), `"province"` (one province, ≈ 100
/// communes, ≈ 165 k members) or `"country"` (34 provinces, ≈ 5.6 M members:
/// about 7–8 GiB of memory and tens of seconds). Meant for tests and
/// benchmarks of the caller's system.
///
/// On success `*out` receives a new dataset to free with `xl_dataset_free`.
/// An unknown name gives `XL_STATUS_INVALID_ARGUMENT`.
///
/// # Safety
/// `scale` must be NULL or a NUL-terminated string; `out` must be NULL or
/// valid for a write.
#[no_mangle]
pub unsafe extern "C" fn xl_dataset_synthetic(
    scale: *const c_char,
    out: *mut *mut XlDataset,
) -> XlStatus {
    boundary::status(|| {
        // SAFETY: forwarded to the caller.
        let scale = unsafe { c_str(scale, "scale") }?;
        handle::out(out, "out")?;
        let spec = match scale {
            "sample" => Spec::sample(),
            "province" => Spec::province(),
            "country" => Spec::country(),
            other => {
                return Err(Error::new(
                    XlStatus::InvalidArgument,
                    format!("unknown scale `{other}`: use sample, province or country"),
                ))
            }
        };
        let ds = XlDataset::new(generate(&spec));
        // SAFETY: `out` is not NULL; the caller guarantees it is writable.
        unsafe { give(out, ds) };
        Ok(())
    })
}

/// Loads a dataset (`xeploai-dataset/1`, see docs/dataset-format.md) from
/// JSON text: `len` bytes of UTF-8 at `json` (no terminating NUL needed; a
/// UTF-8 byte order mark is skipped). Names are normalised to NFC.
///
/// The dataset is validated as it is loaded. A document that parses gives a
/// dataset even if validation finds errors: `xl_dataset_problem_count` and
/// `xl_dataset_problems_json` tell them, and `xl_rate` refuses such a dataset
/// with `XL_STATUS_INVALID_DATASET`.
///
/// Errors: `XL_STATUS_NULL_ARGUMENT`, `XL_STATUS_INVALID_UTF8`,
/// `XL_STATUS_INVALID_JSON` (the message names the JSON path, line and
/// column), `XL_STATUS_UNSUPPORTED_FORMAT`. On success `*out` receives a new
/// dataset to free with `xl_dataset_free`. The text is not retained.
///
/// # Safety
/// `json` must be NULL or valid for reads of `len` bytes; `out` must be NULL
/// or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn xl_dataset_from_json(
    json: *const c_char,
    len: usize,
    out: *mut *mut XlDataset,
) -> XlStatus {
    boundary::status(|| {
        // SAFETY: forwarded to the caller.
        let json = unsafe { text(json, len, "json") }?;
        handle::out(out, "out")?;
        let ds = Dataset::from_json_str(json).map_err(|e| load_error(&e))?;
        let ds = XlDataset::new(ds);
        // SAFETY: `out` is not NULL; the caller guarantees it is writable.
        unsafe { give(out, ds) };
        Ok(())
    })
}

/// Loads a dataset from a JSON file; `path` is UTF-8. As
/// `xl_dataset_from_json`, plus `XL_STATUS_IO` if the file cannot be read.
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string; `out` must be NULL or valid
/// for a write.
#[no_mangle]
pub unsafe extern "C" fn xl_dataset_from_file(
    path: *const c_char,
    out: *mut *mut XlDataset,
) -> XlStatus {
    boundary::status(|| {
        // SAFETY: forwarded to the caller.
        let path = unsafe { c_str(path, "path") }?;
        handle::out(out, "out")?;
        let ds = Dataset::from_path(path).map_err(|e| load_error(&e))?;
        let ds = XlDataset::new(ds);
        // SAFETY: `out` is not NULL; the caller guarantees it is writable.
        unsafe { give(out, ds) };
        Ok(())
    })
}

/// The number of validation problems of a dataset: `*errors` (the dataset
/// cannot be rated if it is not 0) and `*warnings` (the dataset is usable).
/// Either pointer may be NULL if that count is not wanted.
///
/// # Safety
/// `dataset` must be NULL or a live dataset; `errors` and `warnings` must be
/// NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn xl_dataset_problem_count(
    dataset: *const XlDataset,
    errors: *mut usize,
    warnings: *mut usize,
) -> XlStatus {
    boundary::status(|| {
        // SAFETY: forwarded to the caller.
        let ds = unsafe { handle::borrow(dataset, "dataset") }?;
        let r = ds.problems();
        if !errors.is_null() {
            // SAFETY: not NULL; the caller guarantees it is writable.
            unsafe { handle::write(errors, r.error_count()) };
        }
        if !warnings.is_null() {
            // SAFETY: not NULL; the caller guarantees it is writable.
            unsafe { handle::write(warnings, r.warnings().count()) };
        }
        Ok(())
    })
}

/// Every validation problem of a dataset, errors first, as JSON:
/// `{"problems": [{"severity", "code", "path", "collection", "index",
/// "record", "field", "message", "message_vi"}, ...]}` (UTF-8, NFC).
///
/// Copied into the caller's buffer by the common rule: `buf == NULL` and
/// `len == 0` is a size query (XL_STATUS_OK, `*needed` = the length without
/// the NUL); if the text and a NUL fit in `len` bytes they are written and
/// `*needed` = the length; otherwise `XL_STATUS_BUFFER_TOO_SMALL`, `*needed`
/// = the length and `buf` holds an empty string. `needed` may be NULL except
/// for a size query.
///
/// # Safety
/// `dataset` must be NULL or a live dataset; `buf` must be NULL or valid for
/// writes of `len` bytes; `needed` must be NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn xl_dataset_problems_json(
    dataset: *const XlDataset,
    buf: *mut c_char,
    len: usize,
    needed: *mut usize,
) -> XlStatus {
    boundary::status(|| {
        // SAFETY: forwarded to the caller.
        let ds = unsafe { handle::borrow(dataset, "dataset") }?;
        let r = ds.problems();
        // SAFETY: forwarded to the caller.
        unsafe {
            copy_out(buf, len, needed, |w| {
                serde_json::to_writer(w, r).map_err(std::io::Error::other)
            })
        }
    })
}

/// Frees a dataset. NULL is a no-op (XL_STATUS_OK). A pointer that is not a
/// live dataset (freed already, or another type of handle) is not touched and
/// gives `XL_STATUS_INVALID_HANDLE`; this check is a safety net, not a
/// licence: it cannot tell a stale pointer from a new dataset that happens to
/// get the same address, so set your pointer to NULL after freeing it.
///
/// Reports made from the dataset stay valid after it is freed. No other
/// thread may be using the dataset when it is freed.
///
/// # Safety
/// `dataset` must be NULL or a pointer received from this library.
#[no_mangle]
pub unsafe extern "C" fn xl_dataset_free(dataset: *mut XlDataset) -> XlStatus {
    boundary::status(|| handle::free(dataset))
}
