//! Conversions between Python values and JSON values (`serde_json::Value`),
//! and between `datetime.date` and ISO dates. The datetime C API is not part
//! of the stable ABI, so dates go through the `datetime` module.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Map, Number, Value};
use xeploai::date::{format_iso_date, parse_iso_date, Date};

static DATE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static DATETIME: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

fn datetime_class<'py>(
    py: Python<'py>,
    cell: &'static PyOnceLock<Py<PyAny>>,
    name: &str,
) -> PyResult<Bound<'py, PyAny>> {
    cell.get_or_try_init(py, || {
        PyModule::import(py, "datetime")?
            .getattr(name)
            .map(Bound::unbind)
    })
    .map(|c| c.bind(py).clone())
}

/// A `datetime.date`.
pub fn date_to_py(py: Python<'_>, day: Date) -> PyResult<Bound<'_, PyAny>> {
    datetime_class(py, &DATE, "date")?
        .getattr("fromisoformat")?
        .call1((format_iso_date(day),))
}

/// The day of a `datetime.date` (not a `datetime.datetime`), if `obj` is one.
pub fn py_to_date(obj: &Bound<'_, PyAny>) -> PyResult<Option<Date>> {
    let py = obj.py();
    if obj.is_instance(&datetime_class(py, &DATETIME, "datetime")?)? {
        return Err(pyo3::exceptions::PyTypeError::new_err(
            "expected a datetime.date, not a datetime.datetime",
        ));
    }
    if !obj.is_instance(&datetime_class(py, &DATE, "date")?)? {
        return Ok(None);
    }
    let text: String = obj.call_method0("isoformat")?.extract()?;
    parse_iso_date(&text)
        .map(Some)
        .ok_or_else(|| pyo3::exceptions::PyValueError::new_err(format!("not a date: {text}")))
}

/// A JSON value as a Python object (objects become dicts, arrays lists).
pub fn json_to_py<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                PyFloat::new(py, n.as_f64().unwrap_or(f64::NAN)).into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(json_to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let d = PyDict::new(py);
            for (k, item) in map {
                d.set_item(k, json_to_py(py, item)?)?;
            }
            d.into_any()
        }
    })
}

/// A Python value as JSON: None, bool, int, float, str, `datetime.date` (an
/// ISO string), lists and tuples, dicts with str keys. `at` names the value
/// in error messages (a setting's name, never empty); what is inside it is
/// named from there, as `front.targets[0].value` (a key is written as it is,
/// even if it holds a `.` or a `[`). A value of another type, or a key that
/// is not a str, raises `TypeError`; a float that is NaN or infinite, an int
/// outside the 64 bits of a JSON number, or a str with a lone surrogate,
/// raises `ArgumentError` (a `ValueError`).
pub fn py_to_json(obj: &Bound<'_, PyAny>, at: &str) -> PyResult<Value> {
    let mut path = at.to_owned();
    to_json_at(obj, &mut path)
}

/// The Python text of `obj`, cut to 40 characters, or "(too long to show)"
/// if Python gives none (an int of more than 4,300 digits, say).
fn shown(obj: &Bound<'_, PyAny>) -> String {
    let Ok(text) = obj.repr().and_then(|r| r.to_str().map(str::to_owned)) else {
        return "(too long to show)".to_owned();
    };
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

fn type_error(path: &str, message: &str) -> PyErr {
    pyo3::exceptions::PyTypeError::new_err(format!("{path}: {message}"))
}

/// A `TypeError` raised about the value at `path` with the path in front;
/// any other error as it is.
pub fn at_path(py: Python<'_>, path: &str, e: PyErr) -> PyErr {
    if e.is_instance_of::<pyo3::exceptions::PyTypeError>(py) {
        type_error(path, &e.value(py).to_string())
    } else {
        e
    }
}

/// The text of a Python str, or `ArgumentError` naming `path` if it is not
/// valid Unicode (a lone surrogate, which JSON text cannot hold).
pub fn text_at(s: &Bound<'_, PyString>, path: &str) -> PyResult<String> {
    s.to_str().map(str::to_owned).map_err(|_| {
        crate::errors::argument_error(
            s.py(),
            &format!("{path}: a str that is not valid Unicode (a lone surrogate)"),
        )
    })
}

fn to_json_at(obj: &Bound<'_, PyAny>, path: &mut String) -> PyResult<Value> {
    let py = obj.py();
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::Number(i.into()));
        }
        if let Ok(u) = obj.extract::<u64>() {
            return Ok(Value::Number(u.into()));
        }
        return Err(crate::errors::argument_error(
            py,
            &format!(
                "{path}: the int {} is outside the 64 bits of a JSON number",
                shown(obj)
            ),
        ));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Number::from_f64(f.value())
            .map(Value::Number)
            .ok_or_else(|| {
                crate::errors::argument_error(
                    py,
                    &format!("{path}: {} is not a JSON number", shown(obj)),
                )
            });
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return text_at(s, path).map(Value::String);
    }
    if let Some(day) = py_to_date(obj).map_err(|e| at_path(py, path, e))? {
        return Ok(Value::String(format_iso_date(day)));
    }
    let len = path.len();
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let mut items = Vec::new();
        for (i, item) in obj.try_iter()?.enumerate() {
            path.truncate(len);
            path.push_str(&format!("[{i}]"));
            items.push(to_json_at(&item?, path)?);
        }
        path.truncate(len);
        return Ok(Value::Array(items));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut map = Map::new();
        for (k, item) in d.iter() {
            path.truncate(len);
            let Ok(key) = k.cast::<PyString>() else {
                return Err(type_error(
                    path,
                    &format!(
                        "a key must be a str, not `{}` ({})",
                        k.get_type().name()?,
                        shown(&k)
                    ),
                ));
            };
            let key = text_at(key, path)?;
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(&key);
            let value = to_json_at(&item, path)?;
            map.insert(key, value);
        }
        path.truncate(len);
        return Ok(Value::Object(map));
    }
    Err(type_error(
        path,
        &format!(
            "cannot use a value of type `{}` here (None, bool, int, float, str, \
             datetime.date, list, tuple or dict)",
            obj.get_type().name()?
        ),
    ))
}
