#![doc = include_str!("../../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod census;
pub mod dataset;
pub mod date;
pub mod graph;
mod index;
pub mod lang;
pub mod org;
mod resolve;
pub mod sample;
pub mod synth;
pub mod validate;

pub use dataset::{Dataset, LoadError, DATASET_FORMAT};
pub use graph::OrgGraph;
pub use lang::Lang;
pub use org::{Category, CellType, FrontLevel, Role, UnitKind};
pub use validate::{InvalidDataset, Problem, ValidationReport};

/// The library's version (`CARGO_PKG_VERSION`).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
