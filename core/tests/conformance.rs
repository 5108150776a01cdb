//! The conformance cases of `tests/conformance/` (DESIGN §7: one semantics):
//! each case directory holds `dataset.json`, `case.json` (`year`, `regime` or
//! null, `policy_preset` or null), optionally `policy.json` (used when
//! `policy_preset` is null) and `expected.json`, the compact report. The report
//! the Rust library makes must be byte-identical to `expected.json`; the C and
//! Python suites check the same files. `XEPLOAI_BLESS=1` rewrites
//! `expected.json` after a deliberate change.

#![allow(
    clippy::expect_used,
    clippy::panic,
    clippy::unwrap_used,
    reason = "tests fail loudly"
)]

use std::path::{Path, PathBuf};
use xeploai::{Dataset, OrgGraph, Policy, Regime};

fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/conformance");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("tests/conformance exists")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.join("case.json").is_file())
        .collect();
    dirs.sort();
    dirs
}

/// Rates one case as the C and Python suites do.
fn run_case(dir: &Path) -> String {
    let case: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("case.json")).unwrap()).unwrap();
    let year = i32::try_from(case["year"].as_i64().expect("year")).unwrap();
    let regime = case["regime"]
        .as_str()
        .map(|r| Regime::parse(r).expect("a known regime"));
    let policy = match case["policy_preset"].as_str() {
        Some(name) => Policy::preset(name).expect("a known preset"),
        None => Policy::from_json(&std::fs::read_to_string(dir.join("policy.json")).unwrap())
            .expect("policy.json loads"),
    };
    let ds = Dataset::from_path(dir.join("dataset.json")).expect("dataset.json loads");
    let graph = OrgGraph::build(ds).expect("dataset.json is valid");
    xeploai::run::rate(&graph, year, regime, &policy)
        .expect("the run")
        .to_json()
}

#[test]
fn conformance_cases_give_the_expected_reports() {
    let dirs = cases();
    assert!(dirs.len() >= 3, "conformance cases found: {dirs:?}");
    let bless = std::env::var_os("XEPLOAI_BLESS").is_some();
    for dir in dirs {
        let got = run_case(&dir);
        let path = dir.join("expected.json");
        if bless {
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (XEPLOAI_BLESS=1 writes it)", path.display()));
        assert!(
            got == want,
            "{}: the report differs from expected.json (XEPLOAI_BLESS=1 rewrites it)",
            dir.display()
        );
    }
}
