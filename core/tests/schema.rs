//! The committed JSON Schema `schema/dataset.schema.json` is generated from the
//! Rust types. This test fails when it is stale; run it with `XEPLOAI_BLESS=1`
//! to rewrite the file:
//!
//! ```text
//! XEPLOAI_BLESS=1 cargo test -p xeploai --test schema
//! ```

#![allow(
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers outside #[test] functions fail loudly"
)]

use serde_json::Value;
use std::path::PathBuf;

fn schema_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../schema/dataset.schema.json")
}

/// The schema as committed: pretty-printed JSON with a trailing newline.
fn generated() -> String {
    let schema = schemars::schema_for!(xeploai::Dataset);
    let mut text = serde_json::to_string_pretty(&schema).expect("the schema serialises");
    text.push('\n');
    text
}

fn bless() -> bool {
    std::env::var("XEPLOAI_BLESS").is_ok_and(|v| v == "1")
}

#[test]
fn committed_schema_is_up_to_date() {
    let path = schema_path();
    let fresh = generated();
    if bless() {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("create schema/");
        }
        std::fs::write(&path, &fresh).expect("write schema/dataset.schema.json");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e}\nGenerate it with: XEPLOAI_BLESS=1 cargo test -p xeploai --test schema",
            path.display()
        )
    });
    if committed != fresh {
        let first_diff = committed
            .lines()
            .zip(fresh.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| committed.lines().count().min(fresh.lines().count()));
        let line = |text: &str| {
            text.lines()
                .nth(first_diff)
                .unwrap_or("<end of file>")
                .to_owned()
        };
        panic!(
            "schema/dataset.schema.json is stale: it differs from the schema generated from the \
             Rust types (core/src/dataset.rs, core/src/org.rs).\n\
             first difference at line {}:\n  committed: {}\n  generated: {}\n\
             Regenerate it with\n    XEPLOAI_BLESS=1 cargo test -p xeploai --test schema\n\
             then review the change with `git diff schema/` and commit it.",
            first_diff + 1,
            line(&committed),
            line(&fresh),
        );
    }
}

fn schema() -> Value {
    serde_json::from_str(&generated()).expect("the schema is JSON")
}

fn def<'a>(schema: &'a Value, name: &str) -> &'a Value {
    schema
        .pointer(&format!("/$defs/{name}"))
        .unwrap_or_else(|| panic!("no $defs/{name} in the schema"))
}

#[test]
fn records_reject_unknown_fields() {
    let schema = schema();
    assert_eq!(
        schema["additionalProperties"],
        Value::Bool(false),
        "the document"
    );
    for name in [
        "Unit",
        "ParentLink",
        "Person",
        "Membership",
        "StatusPeriod",
        "Post",
        "Residence",
    ] {
        let d = def(&schema, name);
        assert_eq!(d["type"], "object", "{name}");
        assert_eq!(
            d["additionalProperties"],
            Value::Bool(false),
            "{name} must say \"additionalProperties\": false (deny_unknown_fields)"
        );
    }
}

#[test]
fn dates_have_the_date_format() {
    let schema = schema();
    let dates: &[(&str, &[&str])] = &[
        ("Unit", &["established", "dissolved"]),
        ("ParentLink", &["from", "to"]),
        ("Person", &["born"]),
        ("Membership", &["from", "to", "admitted_on", "full_on"]),
        ("StatusPeriod", &["from", "to"]),
        ("Post", &["from", "to"]),
        ("Residence", &["from", "to"]),
    ];
    for (record, fields) in dates {
        for field in *fields {
            let p = &def(&schema, record)["properties"][field];
            assert_eq!(p["format"], "date", "{record}.{field}: {p}");
        }
    }
    // Required dates are plain strings; optional ones also accept null.
    assert_eq!(
        def(&schema, "Membership")["properties"]["admitted_on"]["type"],
        "string"
    );
    assert_eq!(
        def(&schema, "StatusPeriod")["properties"]["from"]["type"],
        "string"
    );
    assert_eq!(
        def(&schema, "Post")["properties"]["to"]["type"],
        serde_json::json!(["string", "null"])
    );
}

#[test]
fn required_fields() {
    let schema = schema();
    let required = |v: &Value| -> Vec<String> {
        v["required"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(required(&schema), ["format"]);
    assert_eq!(required(def(&schema, "Unit")), ["id", "kind", "name"]);
    assert_eq!(
        required(def(&schema, "Membership")),
        ["person", "cell", "admitted_on", "category"]
    );
    assert_eq!(required(def(&schema, "StatusPeriod")), ["kind", "from"]);
}
