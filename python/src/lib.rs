//! The native module `xeploai._xeploai` of the Python package `xeploai`
//! (DESIGN §7): a thin layer over the crate `xeploai`. Inputs are converted to
//! Rust values first, then the work runs with the GIL released (`py.detach`),
//! then the results become Python objects. Every class is `frozen` and holds
//! only immutable, shared (`Arc`) data, so the module declares
//! `gil_used = false`. Errors map to the exception hierarchy of
//! `xeploai._errors` in one place ([`errors`]); nothing panics into Python.
//!
//! The public package (`python/python/xeploai`) re-exports this module; its
//! hand-written stub is `_xeploai.pyi`.

mod convert;
mod dataset;
mod errors;
mod front;
mod groups;
mod policy;
mod report;

/// The native module.
#[pyo3::pymodule(gil_used = false)]
mod _xeploai {
    use pyo3::prelude::*;
    use std::sync::Arc;

    #[pymodule_export]
    use crate::dataset::PyDataset;
    #[pymodule_export]
    use crate::policy::PyPolicy;
    #[pymodule_export]
    use crate::report::{PyOutcome, PyOutcomeIter, PyOutcomes, PyReport};

    /// The embedded sample dataset: a synthetic province (Đồng Tháp, 10
    /// communes, about 160 cells and 5,700 members), evaluated for 2024 and
    /// 2025. The same on every call and every machine.
    #[pyfunction]
    fn sample(py: Python<'_>) -> PyResult<PyDataset> {
        PyDataset::generate(py, xeploai::synth::Spec::sample())
    }

    /// Rates `dataset` for `year` and returns the report.
    ///
    /// `policy` is a `Policy`, a preset name or None (the default policy);
    /// `regime` names a regime (`qd366-2025`, `qd124-2023`, `qd132-2018`,
    /// `hd27-2014`) or is None for the regime of the year. The GIL is released
    /// during the run.
    #[pyfunction]
    #[pyo3(signature = (dataset, year, policy = None, regime = None))]
    fn rate(
        py: Python<'_>,
        dataset: &Bound<'_, PyDataset>,
        year: i32,
        policy: Option<&Bound<'_, PyAny>>,
        regime: Option<&str>,
    ) -> PyResult<PyReport> {
        let graph = dataset.get().graph(py)?;
        let policy = crate::policy::policy_arg(py, policy)?;
        let regime = crate::report::regime_arg(py, regime)?;
        let report = py
            .detach(|| xeploai::run::rate(&graph, year, regime, &policy))
            .map_err(|e| crate::errors::rating_error(py, &e))?;
        Ok(PyReport::new(Arc::new(report), Some(graph)))
    }

    /// Benchmarks only: a synthetic dataset at `scale` (`sample`, `province`
    /// or `country`), generated and validated with the GIL released.
    #[pyfunction]
    fn _synth(py: Python<'_>, scale: &str) -> PyResult<PyDataset> {
        let spec = match scale {
            "sample" => xeploai::synth::Spec::sample(),
            "province" => xeploai::synth::Spec::province(),
            "country" => xeploai::synth::Spec::country(),
            other => {
                return Err(crate::errors::argument_error(
                    py,
                    &format!("unknown scale `{other}`: expected sample, province or country"),
                ))
            }
        };
        PyDataset::generate(py, spec)
    }

    /// Benchmarks only: the seconds the pure-Rust `run::rate` takes on
    /// `dataset` for `year` with the default policy (no Python object is
    /// made), and the number of outcomes.
    #[pyfunction]
    fn _rate_rust_seconds(
        py: Python<'_>,
        dataset: &Bound<'_, PyDataset>,
        year: i32,
    ) -> PyResult<(f64, usize)> {
        let graph = dataset.get().graph(py)?;
        let policy = xeploai::Policy::default();
        let (seconds, result) = py.detach(|| {
            let t = std::time::Instant::now();
            let r = xeploai::run::rate(&graph, year, None, &policy);
            (t.elapsed().as_secs_f64(), r.map(|r| r.outcomes.len()))
        });
        let n = result.map_err(|e| crate::errors::rating_error(py, &e))?;
        Ok((seconds, n))
    }

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("__version__", xeploai::VERSION)?;
        m.add("PRESETS", xeploai::policy::PRESETS.to_vec())?;
        m.add(
            "REGIMES",
            xeploai::Regime::ALL
                .iter()
                .map(|r| r.as_str())
                .collect::<Vec<_>>(),
        )?;
        Ok(())
    }
}
