//! `xeploai.Dataset`: a loaded dataset, validated once at load. A valid one
//! holds its organisation graph (shared, read-only, ready to rate); an invalid
//! one holds the dataset and its problems, so `validate()` can list them and
//! `rate` raises `ValidationError`.

use crate::convert::{json_to_py, py_to_date};
use crate::errors::{argument_error, invalid_dataset, load_error, problems_list};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};
use std::path::PathBuf;
use std::sync::Arc;
use xeploai::dataset::LoadError;
use xeploai::validate::ValidationReport;
use xeploai::{Dataset, InvalidDataset, OrgGraph};

/// What a load gave.
#[derive(Debug)]
enum State {
    /// A valid dataset and its graph (the warnings are kept with the graph).
    Valid(Arc<OrgGraph>),
    /// A dataset with at least one error.
    Invalid {
        ds: Arc<Dataset>,
        report: ValidationReport,
    },
}

/// A dataset in the format `xeploai-dataset/1`: units, people, memberships,
/// posts, residence links and the rating inputs. Made by `xeploai.sample()`,
/// `Dataset.from_json`, `Dataset.from_path` or `Dataset.from_frames`;
/// immutable. It is validated when loaded: `validate()` lists every problem,
/// and rating an invalid dataset raises `ValidationError`.
#[pyclass(frozen, module = "xeploai", name = "Dataset")]
#[derive(Debug)]
pub struct PyDataset {
    state: State,
}

/// Parses with `parse`, then validates and builds the graph; an invalid
/// dataset is kept with its problems (parsed once).
fn load(parse: impl FnOnce() -> Result<Dataset, LoadError>) -> Result<State, LoadError> {
    match OrgGraph::build_or_return(parse()?) {
        Ok(graph) => Ok(State::Valid(Arc::new(graph))),
        Err(rejected) => {
            let (ds, InvalidDataset(report)) = *rejected;
            Ok(State::Invalid {
                ds: Arc::new(ds),
                report,
            })
        }
    }
}

impl PyDataset {
    /// A generated dataset (`synth`), with the GIL released.
    pub fn generate(py: Python<'_>, spec: xeploai::synth::Spec) -> PyResult<Self> {
        let state = py
            .detach(|| load(|| Ok(xeploai::synth::generate(&spec))))
            .map_err(|e| load_error(py, &e))?;
        Ok(Self { state })
    }

    fn from_bytes(py: Python<'_>, bytes: &[u8]) -> PyResult<Self> {
        let state = py
            .detach(|| load(|| Dataset::from_json_slice(bytes)))
            .map_err(|e| load_error(py, &e))?;
        Ok(Self { state })
    }

    /// The graph, or `ValidationError` with every problem.
    pub fn graph(&self, py: Python<'_>) -> PyResult<Arc<OrgGraph>> {
        match &self.state {
            State::Valid(g) => Ok(Arc::clone(g)),
            State::Invalid { report, .. } => Err(invalid_dataset(py, report)),
        }
    }

    fn dataset(&self) -> &Dataset {
        match &self.state {
            State::Valid(g) => g.dataset(),
            State::Invalid { ds, .. } => ds,
        }
    }

    fn frames_module(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
        PyModule::import(py, "xeploai._frames")
    }
}

#[pymethods]
impl PyDataset {
    /// Loads a dataset from JSON text (`str`) or UTF-8 bytes. A document that
    /// is not a dataset raises `ValidationError` naming the JSON path of the
    /// first problem (`units[12].parent`); a dataset whose records do not fit
    /// together loads, and `validate()` lists its problems.
    #[staticmethod]
    fn from_json(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        if let Ok(b) = data.cast::<PyBytes>() {
            Self::from_bytes(py, b.as_bytes())
        } else if let Ok(s) = data.cast::<PyString>() {
            Self::from_bytes(py, s.to_str()?.as_bytes())
        } else {
            Err(pyo3::exceptions::PyTypeError::new_err(
                "from_json takes a str or bytes",
            ))
        }
    }

    /// Reads a dataset file (JSON). A file that cannot be read raises
    /// `ReadError` (an `OSError`); otherwise as `from_json`.
    #[staticmethod]
    fn from_path(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let state = py
            .detach(|| load(|| Dataset::from_path(&path)))
            .map_err(|e| load_error(py, &e))?;
        Ok(Self { state })
    }

    /// Builds a dataset from pandas DataFrames (or lists of dicts), one per
    /// array of the format, with the format's field names as columns; nested
    /// fields as dotted columns (`tasks.assigned`), list fields as lists or
    /// JSON text. Dates may be `datetime.date`, pandas timestamps or
    /// `YYYY-MM-DD` text; empty cells are missing values. Row `i` of a frame is
    /// record `i` of its array in error paths (`units[12].parent`). See
    /// `docs/python.md`.
    #[staticmethod]
    #[pyo3(signature = (*, units = None, people = None, memberships = None, posts = None,
        residence = None, evaluations = None, disciplines = None, quota_groups = None,
        decisions = None, description = None, front = None))]
    #[expect(
        clippy::too_many_arguments,
        reason = "one keyword per array of the format"
    )]
    fn from_frames(
        py: Python<'_>,
        units: Option<&Bound<'_, PyAny>>,
        people: Option<&Bound<'_, PyAny>>,
        memberships: Option<&Bound<'_, PyAny>>,
        posts: Option<&Bound<'_, PyAny>>,
        residence: Option<&Bound<'_, PyAny>>,
        evaluations: Option<&Bound<'_, PyAny>>,
        disciplines: Option<&Bound<'_, PyAny>>,
        quota_groups: Option<&Bound<'_, PyAny>>,
        decisions: Option<&Bound<'_, PyAny>>,
        description: Option<&str>,
        front: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let kwargs = PyDict::new(py);
        for (name, frame) in [
            ("units", units),
            ("people", people),
            ("memberships", memberships),
            ("posts", posts),
            ("residence", residence),
            ("evaluations", evaluations),
            ("disciplines", disciplines),
            ("quota_groups", quota_groups),
            ("decisions", decisions),
        ] {
            if let Some(f) = frame {
                kwargs.set_item(name, f)?;
            }
        }
        kwargs.set_item("description", description)?;
        kwargs.set_item("front", front)?;
        let text = Self::frames_module(py)?
            .getattr("frames_to_json")?
            .call((), Some(&kwargs))?;
        let bytes = text.cast::<PyBytes>()?;
        Self::from_bytes(py, bytes.as_bytes())
    }

    /// Every problem of the dataset (errors first, then warnings), each a dict
    /// with `severity`, `code`, `path`, `collection`, `index`, `record`,
    /// `field`, `message` (English) and `message_vi`. A valid dataset may
    /// still have warnings. `pandas.DataFrame(dataset.validate())` makes a table.
    fn validate<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        match &self.state {
            State::Valid(g) => problems_list(py, g.warnings()),
            State::Invalid { report, .. } => problems_list(py, report),
        }
    }

    /// The dataset's free-text description, if any.
    #[getter]
    fn description(&self) -> Option<&str> {
        self.dataset().description.as_deref()
    }

    /// The dataset's Front section (`front` in the format: schemes, board
    /// evaluations, self-management models, festivals, area and committee
    /// years …) as a dict of its JSON, None if it has none. It is nested, not
    /// tabular: pass it back as `from_frames(..., front=...)`.
    #[getter]
    fn front<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let front = &self.dataset().front;
        if front.is_empty() {
            return Ok(None);
        }
        let text = serde_json::to_string(front)
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
        let json = py.import("json")?;
        Ok(Some(json.getattr("loads")?.call1((text,))?))
    }

    /// Whether the dataset has no error (warnings allowed).
    #[getter]
    fn is_valid(&self) -> bool {
        matches!(self.state, State::Valid(_))
    }

    /// The dataset as JSON (`xeploai-dataset/1`), compact or indented.
    #[pyo3(signature = (pretty = false))]
    fn to_json(&self, py: Python<'_>, pretty: bool) -> String {
        let ds = self.dataset();
        py.detach(|| {
            if pretty {
                ds.to_json_pretty()
            } else {
                ds.to_json()
            }
        })
    }

    /// The dataset as pandas DataFrames, one per array of the format (the
    /// inverse of `from_frames`): dates as `datetime.date`, counts as nullable
    /// integers, nested fields as dotted columns.
    fn to_frames<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let text = self.to_json(py, false);
        Self::frames_module(py)?
            .getattr("dataset_to_frames")?
            .call1((text,))
    }

    /// The number of records in each array of the format.
    fn counts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let ds = self.dataset();
        let d = PyDict::new(py);
        d.set_item("units", ds.units.len())?;
        d.set_item("people", ds.people.len())?;
        d.set_item("memberships", ds.memberships.len())?;
        d.set_item("posts", ds.posts.len())?;
        d.set_item("residence", ds.residence.len())?;
        d.set_item("evaluations", ds.evaluations.len())?;
        d.set_item("disciplines", ds.disciplines.len())?;
        d.set_item("quota_groups", ds.quota_groups.len())?;
        d.set_item("decisions", ds.decisions.len())?;
        Ok(d)
    }

    /// The structure on `as_of` (a `datetime.date`), one row per commune and
    /// one for the units outside every commune: units by kind, members on the
    /// roll and who of them would be rated, and the Front indicator "heads of
    /// Front work boards who are deputy secretaries of the area's cell"
    /// (numerator and denominator). Raises `ValidationError` if the dataset
    /// is invalid.
    fn census<'py>(
        &self,
        py: Python<'py>,
        as_of: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let day = py_to_date(as_of)?.ok_or_else(|| {
            pyo3::exceptions::PyTypeError::new_err("as_of must be a datetime.date")
        })?;
        let graph = self.graph(py)?;
        let census = py.detach(|| xeploai::census::census(&graph, day));
        let value = serde_json::to_value(&census)
            .map_err(|e| argument_error(py, &format!("cannot convert the census: {e}")))?;
        let rows = json_to_py(py, &value)?;
        Self::frames_module(py)?
            .getattr("census_frame")?
            .call1((rows,))
    }

    fn __repr__(&self) -> String {
        let ds = self.dataset();
        let problems = match &self.state {
            State::Valid(g) => format!("valid, {} warnings", g.warnings().problems().len()),
            State::Invalid { report, .. } => format!("invalid, {} errors", report.error_count()),
        };
        format!(
            "<xeploai.Dataset: {} units, {} people, {} memberships, {} evaluations; {problems}>",
            ds.units.len(),
            ds.people.len(),
            ds.memberships.len(),
            ds.evaluations.len()
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let from_json = slf.get_type().getattr("from_json")?;
        let text = slf.get().to_json(py, false);
        PyTuple::new(
            py,
            [
                from_json,
                PyTuple::new(py, [PyBytes::new(py, text.as_bytes())])?.into_any(),
            ],
        )
    }
}
