#![doc = include_str!("../../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod census;
pub mod dataset;
pub mod date;
pub mod evaluation;
pub mod explain;
pub mod front;
pub mod graph;
mod index;
pub mod lang;
pub mod level;
pub mod org;
pub mod outcome;
pub mod policy;
pub mod quota;
pub mod regime;
pub mod report;
mod resolve;
pub mod rules;
pub mod run;
pub mod sample;
pub mod synth;
mod two_parts;
pub mod validate;

pub use dataset::{Dataset, LoadError, DATASET_FORMAT};
pub use graph::OrgGraph;
pub use lang::Lang;
pub use level::Level;
pub use org::{Category, CellType, FrontLevel, Role, UnitKind};
pub use policy::Policy;
pub use regime::Regime;
pub use report::Report;
pub use validate::{InvalidDataset, Problem, ValidationReport};

/// The library's version (`CARGO_PKG_VERSION`).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
