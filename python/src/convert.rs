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
/// ISO string), lists and tuples, dicts with str keys.
pub fn py_to_json(obj: &Bound<'_, PyAny>) -> PyResult<Value> {
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        let i: i64 = obj.extract()?;
        return Ok(Value::Number(i.into()));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Number::from_f64(f.value())
            .map(Value::Number)
            .ok_or_else(|| pyo3::exceptions::PyValueError::new_err("NaN or infinity"));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_str()?.to_owned()));
    }
    if let Some(day) = py_to_date(obj)? {
        return Ok(Value::String(format_iso_date(day)));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        return obj
            .try_iter()?
            .map(|item| py_to_json(&item?))
            .collect::<PyResult<Vec<_>>>()
            .map(Value::Array);
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut map = Map::new();
        for (k, item) in d.iter() {
            let key: String = k.extract()?;
            map.insert(key, py_to_json(&item)?);
        }
        return Ok(Value::Object(map));
    }
    Err(pyo3::exceptions::PyTypeError::new_err(format!(
        "cannot use a value of type `{}` here",
        obj.get_type().name()?
    )))
}
