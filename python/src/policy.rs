//! `xeploai.Policy`: every setting of a run (DESIGN §5), made from keyword
//! settings or a preset, read back as attributes.

use crate::convert::{at_path, date_to_py, json_to_py, py_to_date, py_to_json, text_at};
use crate::errors::{argument_error, policy_error};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};
use serde_json::Value;
use std::hash::{Hash, Hasher};
use xeploai::date::parse_iso_date;
use xeploai::Policy;

/// The settings of a run. Every open question of the references is a setting
/// with a default; `Policy()` is the default policy, `Policy(quota_reading="a")`
/// changes one setting, `Policy.preset("literal")` starts from a preset.
/// Unknown settings and values raise `ValidationError`. Immutable: `replace`
/// makes a changed copy.
#[pyclass(frozen, module = "xeploai", name = "Policy")]
#[derive(Debug, Clone)]
pub struct PyPolicy {
    pub inner: Policy,
}

impl PyPolicy {
    /// `base` with `settings` applied, checked by the core's loader.
    fn with(py: Python<'_>, base: &Policy, settings: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        let mut value = serde_json::to_value(base)
            .map_err(|e| argument_error(py, &format!("cannot convert the policy: {e}")))?;
        if let (Some(settings), Value::Object(map)) = (settings, &mut value) {
            for (k, v) in settings.iter() {
                let key = text_at(k.cast::<pyo3::types::PyString>()?, "a setting's name")?;
                // A date for the reference date is the fixed one; anything
                // else, there as elsewhere, is JSON.
                let day = if key == "reference_date" {
                    py_to_date(&v).map_err(|e| at_path(py, &key, e))?
                } else {
                    None
                };
                let json = match day {
                    Some(day) => serde_json::json!({
                        "fixed": xeploai::date::format_iso_date(day)
                    }),
                    None => py_to_json(&v, &key)?,
                };
                map.insert(key, json);
            }
        }
        Policy::from_json(&value.to_string())
            .map(|inner| Self { inner })
            .map_err(|e| policy_error(py, &e))
    }

    fn setting<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        let value = serde_json::to_value(&self.inner)
            .map_err(|e| argument_error(py, &format!("cannot convert the policy: {e}")))?;
        let v = value.get(name).cloned().unwrap_or(Value::Null);
        if let Some(day) = v
            .get("fixed")
            .and_then(Value::as_str)
            .and_then(parse_iso_date)
        {
            return date_to_py(py, day);
        }
        json_to_py(py, &v)
    }
}

#[pymethods]
impl PyPolicy {
    #[new]
    #[pyo3(signature = (**settings))]
    fn new(py: Python<'_>, settings: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        Self::with(py, &Policy::default(), settings)
    }

    /// A preset by name: `default`, `literal`, `qd124-discipline`,
    /// `qd132-2019`, `hd27-2014`, `gap-completed`, `report-conflicts`.
    #[staticmethod]
    fn preset(py: Python<'_>, name: &str) -> PyResult<Self> {
        Policy::preset(name)
            .map(|inner| Self { inner })
            .map_err(|e| policy_error(py, &e))
    }

    /// The names of the presets.
    #[staticmethod]
    fn presets() -> Vec<&'static str> {
        xeploai::policy::PRESETS.to_vec()
    }

    /// A policy from JSON (the format of `to_json` and of `docs/policy.md`);
    /// missing settings take their defaults.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<Self> {
        Policy::from_json(text)
            .map(|inner| Self { inner })
            .map_err(|e| policy_error(py, &e))
    }

    /// The policy as JSON.
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// Every setting as a dict (the reference date as in JSON).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let value = serde_json::to_value(&self.inner)
            .map_err(|e| argument_error(py, &format!("cannot convert the policy: {e}")))?;
        json_to_py(py, &value)
    }

    /// A copy with `settings` changed.
    #[pyo3(signature = (**settings))]
    fn replace(&self, py: Python<'_>, settings: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        Self::with(py, &self.inner, settings)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Self>()
            .is_ok_and(|o| o.get().inner == self.inner)
    }

    fn __hash__(&self) -> u64 {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.inner.to_json().hash(&mut h);
        h.finish()
    }

    fn __repr__(&self) -> String {
        let default = serde_json::to_value(Policy {
            name: self.inner.name.clone(),
            ..Policy::default()
        })
        .unwrap_or(Value::Null);
        let mine = serde_json::to_value(&self.inner).unwrap_or(Value::Null);
        let mut changed = Vec::new();
        if let (Value::Object(a), Value::Object(b)) = (&mine, &default) {
            for (k, v) in a {
                if k != "name" && b.get(k) != Some(v) {
                    changed.push(format!("{k}={v}"));
                }
            }
        }
        if changed.is_empty() {
            format!("Policy(name={:?})", self.inner.name)
        } else {
            format!("Policy(name={:?}, {})", self.inner.name, changed.join(", "))
        }
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let from_json = slf.get_type().getattr("from_json")?;
        PyTuple::new(
            slf.py(),
            [
                from_json,
                PyTuple::new(slf.py(), [slf.get().inner.to_json()])?.into_any(),
            ],
        )
    }

    /// The preset this policy started from, for the record.
    #[getter]
    fn name<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.setting(py, "name")
    }

    /// How "HTXSNV ≤ 20 % of those rated HTTNV" is read: `a`, `b` or `c` (default).
    #[getter]
    fn quota_reading<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.setting(py, "quota_reading")
    }

    /// Rounding of a quota cap: `floor` (default), `round`, `ceil`.
    #[getter]
    fn quota_rounding<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.setting(py, "quota_rounding")
    }

    /// Default member quota groups: `grassroots_and_category` (default), `grassroots`, `cell`.
    #[getter]
    fn member_groups<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.setting(py, "member_groups")
    }

    /// Default organisation quota groups: `parent_and_cell_type` (default), `parent`.
    #[getter]
    fn organisation_groups<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.setting(py, "organisation_groups")
    }

    /// More HTXSNV candidates than the quota: `demote` (default) or `report_only`.
    #[getter]
    fn too_many_candidates<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.setting(py, "too_many_candidates")
    }

    /// A score of 50 or more that meets no level's conditions: `not_completed` (default) or `completed`.
    #[getter]
    fn gap<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.setting(py, "gap")
    }

    /// Which discipline triggers KHTNV under Quy định 366: `duty_related` (default) or `any`.
    #[getter]
    fn discipline_trigger<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.setting(py, "discipline_trigger")
    }

    /// The category of a residential cell's secretary and deputy: `leader` (default) or `membership`.
    #[getter]
    fn secretary_category<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.setting(py, "secretary_category")
    }

    /// The organisation from its members' levels: `none` (default), `qd132-2019`, `hd27-2014`.
    #[getter]
    fn aggregation<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.setting(py, "aggregation")
    }

    /// Cap a head at the level of the collective they lead.
    #[getter]
    fn cap_head_by_collective<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.setting(py, "cap_head_by_collective")
    }

    /// The reference date: `review_meeting` (default), `end_of_year`, or a `datetime.date` for every cell.
    #[getter]
    fn reference_date<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.setting(py, "reference_date")
    }

    /// Rate organisations set up less than 6 months before the reference date.
    #[getter]
    fn rate_new_organisations<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.setting(py, "rate_new_organisations")
    }

    /// Caps by residence comment, e.g. `{"not_good": "completed"}`; none by default.
    #[getter]
    fn residence_caps<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.setting(py, "residence_caps")
    }

    /// Cap the party level at the civil-servant level where given.
    #[getter]
    fn civil_servant_cap<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.setting(py, "civil_servant_cap")
    }

    /// A leader's own tasks must also meet the HTXSNV task conditions.
    #[getter]
    fn leader_own_tasks_required<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.setting(py, "leader_own_tasks_required")
    }

    /// The score bands of the 2014 guidance in tenths: `{"excellent": 900, "good": 700, "completed": 500}`.
    #[getter]
    fn hd27_bands<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.setting(py, "hd27_bands")
    }

    /// The basic criteria of the HTNV frames of Quy định 124 and 132; empty means every graded criterion.
    #[getter]
    fn basic_criteria<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.setting(py, "basic_criteria")
    }
}

/// The `policy` argument of `rate`: a `Policy`, a preset name or None.
pub fn policy_arg(py: Python<'_>, policy: Option<&Bound<'_, PyAny>>) -> PyResult<Policy> {
    match policy {
        None => Ok(Policy::default()),
        Some(p) if p.is_none() => Ok(Policy::default()),
        Some(p) => {
            if let Ok(p) = p.cast::<PyPolicy>() {
                Ok(p.get().inner.clone())
            } else if let Ok(name) = p.extract::<&str>() {
                Policy::preset(name).map_err(|e| policy_error(py, &e))
            } else {
                Err(pyo3::exceptions::PyTypeError::new_err(
                    "policy must be a Policy, a preset name or None",
                ))
            }
        }
    }
}
