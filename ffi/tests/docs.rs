//! docs/c-api.md and the README against the header and the test script: the
//! guide names every function and every status code of `include/xeploai.h`
//! with its value, and the one-line `cc` command of the README and the guide
//! is the one `scripts/test-c.sh` runs.

#![allow(clippy::expect_used, reason = "tests fail loudly")]

use std::path::Path;

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path))
        .expect("the file exists")
}

/// The identifiers of the header that start with `prefix`.
fn identifiers(header: &str, prefix: &str) -> Vec<String> {
    let mut out: Vec<String> = header
        .match_indices(prefix)
        .filter(|(i, _)| {
            *i == 0
                || !header
                    .as_bytes()
                    .get(i - 1)
                    .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
        })
        .map(|(i, _)| {
            header
                .get(i..)
                .unwrap_or_default()
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect()
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

#[test]
fn the_guide_names_every_function_and_status() {
    let header = read("include/xeploai.h");
    let guide = read("docs/c-api.md");
    let functions: Vec<String> = identifiers(&header, "xl_")
        .into_iter()
        .filter(|f| header.contains(&format!(" {f}(")) || header.contains(&format!("*{f}(")))
        .collect();
    assert!(functions.len() >= 30, "{functions:?}");
    let missing: Vec<&String> = functions
        .iter()
        .filter(|f| !guide.contains(&format!("`{f}")))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/c-api.md does not name {missing:?}"
    );

    for line in header.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("XL_STATUS_") {
            let (name, value) = rest.split_once(" = ").expect("an explicit value");
            let row = format!("| `XL_STATUS_{name}` | {} |", value.trim_end_matches(','));
            assert!(guide.contains(&row), "docs/c-api.md lacks the row {row}");
        }
    }
}

#[test]
fn the_readme_cc_line_is_the_tested_one() {
    let script = read("scripts/test-c.sh");
    let line = script
        .lines()
        .find(|l| l.starts_with("cc ") && l.contains("examples/rate.c"))
        .expect("scripts/test-c.sh compiles examples/rate.c with cc");
    let command = line.split(" -o ").next().expect("a cc command");
    for doc in ["README.md", "docs/c-api.md"] {
        assert!(
            read(doc).contains(&format!("{command} -o rate")),
            "{doc} does not show the tested command `{command} -o rate`"
        );
    }
}
