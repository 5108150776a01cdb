//! Every error that reaches Python goes through this module (style C14, P12):
//! core errors become instances of the classes of `xeploai._errors`, a plain
//! Python module, so that the hierarchy can have two bases
//! (`ValidationError(XeploaiError, ValueError)`) and every class pickles.

use crate::convert::json_to_py;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList};
use xeploai::dataset::LoadError;
use xeploai::policy::PolicyError;
use xeploai::report::ReportError;
use xeploai::run::RateError;
use xeploai::validate::ValidationReport;

static ERRORS: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

/// An instance of `xeploai._errors.<class>(*args)` as a `PyErr`. If the class
/// cannot be made (the package is broken), that error is raised instead.
fn raise<'py, A>(py: Python<'py>, class: &str, args: A) -> PyErr
where
    A: pyo3::call::PyCallArgs<'py>,
{
    let made = ERRORS
        .get_or_try_init(py, || {
            PyModule::import(py, "xeploai._errors").map(Bound::unbind)
        })
        .and_then(|m| m.bind(py).getattr(class))
        .and_then(|c| c.call1(args));
    match made {
        Ok(exc) => PyErr::from_value(exc),
        Err(e) => e,
    }
}

/// `ValidationError(message, problems)`.
pub fn validation_error(py: Python<'_>, message: &str, problems: Bound<'_, PyList>) -> PyErr {
    raise(py, "ValidationError", (message, problems))
}

/// The problems of a validation as a list of dicts (the records of
/// `Dataset.validate()`).
pub fn problems_list<'py>(
    py: Python<'py>,
    report: &ValidationReport,
) -> PyResult<Bound<'py, PyList>> {
    let value = serde_json::to_value(report.problems())
        .map_err(|e| argument_error(py, &format!("cannot convert the problems: {e}")))?;
    json_to_py(py, &value)?
        .cast_into::<PyList>()
        .map_err(Into::into)
}

/// A dataset with errors: `ValidationError` carrying every problem.
pub fn invalid_dataset(py: Python<'_>, report: &ValidationReport) -> PyErr {
    let message = xeploai::InvalidDataset(report.clone()).to_string();
    match problems_list(py, report) {
        Ok(list) => validation_error(py, &message, list),
        Err(e) => e,
    }
}

/// One problem record outside the validator (a load or policy error), with
/// the same keys as the validator's records.
fn one_problem<'py>(
    py: Python<'py>,
    code: &str,
    path: &str,
    message: &str,
    message_vi: &str,
    position: Option<(usize, usize)>,
) -> PyResult<Bound<'py, PyList>> {
    let d = PyDict::new(py);
    d.set_item("severity", "error")?;
    d.set_item("code", code)?;
    d.set_item("path", path)?;
    let (collection, index, field) = split_path(path);
    d.set_item("collection", collection)?;
    d.set_item("index", index)?;
    d.set_item("record", "")?;
    d.set_item("field", field)?;
    d.set_item("message", message)?;
    d.set_item("message_vi", message_vi)?;
    if let Some((line, column)) = position {
        d.set_item("line", line)?;
        d.set_item("column", column)?;
    }
    PyList::new(py, [d])
}

/// `units[12].parent` → (`units`, 12, `parent`); `format` → (`format`, None, ``).
fn split_path(path: &str) -> (&str, Option<usize>, &str) {
    let (head, field) = match path.find('.') {
        Some(i) if i > 0 => (
            path.get(..i).unwrap_or(path),
            path.get(i + 1..).unwrap_or(""),
        ),
        _ => (path, ""),
    };
    match head.find('[') {
        Some(i) => {
            let index = head
                .get(i + 1..)
                .and_then(|s| s.strip_suffix(']'))
                .and_then(|s| s.parse().ok());
            (head.get(..i).unwrap_or(head), index, field)
        }
        None if head == "." => ("", None, ""),
        None => (head, None, field),
    }
}

/// A dataset that cannot be loaded: `ValidationError` with one problem
/// (`invalid_json` or `unsupported_format`), or `ReadError` for a file that
/// cannot be read.
pub fn load_error(py: Python<'_>, e: &LoadError) -> PyErr {
    let message = e.to_string();
    let list = match e {
        LoadError::Json {
            path,
            line,
            column,
            message: detail,
        } => one_problem(
            py,
            "invalid_json",
            path,
            &message,
            &format!("dữ liệu không hợp lệ tại `{path}` (dòng {line}, cột {column}): {detail}"),
            Some((*line, *column)),
        ),
        LoadError::Format { found } => one_problem(
            py,
            "unsupported_format",
            "format",
            &message,
            &format!(
                "định dạng dữ liệu `{found}` không được hỗ trợ: cần `{}`",
                xeploai::DATASET_FORMAT
            ),
            None,
        ),
        LoadError::Io { path, source } => {
            return raise(
                py,
                "ReadError",
                (
                    source.raw_os_error().unwrap_or(0),
                    source.to_string(),
                    path.display().to_string(),
                ),
            )
        }
        other => one_problem(
            py,
            "invalid_dataset",
            ".",
            &message,
            &other.to_string(),
            None,
        ),
    };
    match list {
        Ok(list) => validation_error(py, &message, list),
        Err(err) => err,
    }
}

/// A policy that cannot be made: `ValidationError` with one problem
/// (`invalid_policy` with the setting's path, or `unknown_preset`).
pub fn policy_error(py: Python<'_>, e: &PolicyError) -> PyErr {
    let message = e.to_string();
    let list = match e {
        PolicyError::Json {
            path,
            message: detail,
        } => one_problem(
            py,
            "invalid_policy",
            path,
            &message,
            &format!("thiết lập không hợp lệ tại `{path}`: {detail}"),
            None,
        ),
        PolicyError::UnknownPreset { name } => one_problem(
            py,
            "unknown_preset",
            "",
            &message,
            &format!(
                "không có bộ thiết lập `{name}`; các bộ: {}",
                xeploai::policy::PRESETS.join(", ")
            ),
            None,
        ),
        other => one_problem(py, "invalid_policy", "", &message, &other.to_string(), None),
    };
    match list {
        Ok(list) => validation_error(py, &message, list),
        Err(err) => err,
    }
}

/// A run that cannot start: `RatingError`.
pub fn rating_error(py: Python<'_>, e: &RateError) -> PyErr {
    raise(py, "RatingError", (e.to_string(),))
}

/// A report that cannot be read: `ReportError(message, path)`.
pub fn report_error(py: Python<'_>, e: &ReportError) -> PyErr {
    raise(py, "ReportError", (e.to_string(), e.path.clone()))
}

/// A subject the report does not hold: `UnknownSubjectError(subject)`.
pub fn unknown_subject(py: Python<'_>, subject: &str) -> PyErr {
    raise(py, "UnknownSubjectError", (subject,))
}

/// A bad argument value: `ArgumentError(message)`.
pub fn argument_error(py: Python<'_>, message: &str) -> PyErr {
    raise(py, "ArgumentError", (message,))
}
