//! The committed JSON Schemas are generated from the Rust types:
//!
//! - `schema/dataset.schema.json`: [`xeploai::Dataset`] (`xeploai-dataset/1`),
//! - `schema/report.schema.json`: [`xeploai::Report`] (`xeploai-report/1`),
//! - `schema/policy.schema.json`: [`xeploai::Policy`].
//!
//! This test fails when one is stale; run it with `XEPLOAI_BLESS=1` to rewrite
//! them:
//!
//! ```text
//! XEPLOAI_BLESS=1 cargo test -p xeploai --test schema
//! ```
//!
//! It also checks a real report (the example of `docs/dataset-format.md`
//! rated for 2025 under every preset) against `report.schema.json` with a small
//! validator of the part of JSON Schema that schemars emits.

#![allow(
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers outside #[test] functions fail loudly"
)]

use serde_json::{json, Map, Value};
use std::path::PathBuf;
use xeploai::policy::PRESETS;
use xeploai::{Dataset, OrgGraph, Policy, Report};

/// One committed schema: its file under `schema/`, how to generate it, and the
/// Rust files it comes from (for the message when it is stale).
struct Committed {
    file: &'static str,
    generate: fn() -> schemars::Schema,
    sources: &'static str,
}

const COMMITTED: [Committed; 3] = [
    Committed {
        file: "dataset.schema.json",
        generate: || schemars::schema_for!(Dataset),
        sources: "core/src/dataset.rs, core/src/org.rs, core/src/evaluation.rs, core/src/level.rs",
    },
    Committed {
        file: "report.schema.json",
        generate: || schemars::schema_for!(Report),
        sources:
            "core/src/report.rs, core/src/outcome.rs, core/src/explain.rs, core/src/quota.rs, \
                  core/src/policy.rs, core/src/regime.rs, core/src/level.rs",
    },
    Committed {
        file: "policy.schema.json",
        generate: || schemars::schema_for!(Policy),
        sources: "core/src/policy.rs, core/src/level.rs, core/src/evaluation.rs",
    },
];

fn schema_path(file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../schema")
        .join(file)
}

/// The schema as committed: pretty-printed JSON with a trailing newline.
fn text_of(c: &Committed) -> String {
    let mut text = serde_json::to_string_pretty(&(c.generate)()).expect("the schema serialises");
    text.push('\n');
    text
}

fn bless() -> bool {
    std::env::var("XEPLOAI_BLESS").is_ok_and(|v| v == "1")
}

/// Why `committed` is not `fresh`, or `None` if they are the same.
fn staleness(c: &Committed, committed: &str, fresh: &str) -> Option<String> {
    if committed == fresh {
        return None;
    }
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
    Some(format!(
        "schema/{} is stale: it differs from the schema generated from the Rust types ({}).\n\
         first difference at line {}:\n  committed: {}\n  generated: {}",
        c.file,
        c.sources,
        first_diff + 1,
        line(committed),
        line(fresh),
    ))
}

#[test]
fn committed_schemas_are_up_to_date() {
    let mut stale = Vec::new();
    for c in &COMMITTED {
        let path = schema_path(c.file);
        let fresh = text_of(c);
        if bless() {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).expect("create schema/");
            }
            std::fs::write(&path, &fresh)
                .unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(committed) => stale.extend(staleness(c, &committed, &fresh)),
            Err(e) => stale.push(format!("cannot read {}: {e}", path.display())),
        }
    }
    assert!(
        stale.is_empty(),
        "{}\nRegenerate with\n    XEPLOAI_BLESS=1 cargo test -p xeploai --test schema\n\
         then review the change with `git diff schema/` and commit it.",
        stale.join("\n\n")
    );
}

fn generated(file: &str) -> Value {
    let c = COMMITTED
        .iter()
        .find(|c| c.file == file)
        .unwrap_or_else(|| panic!("no schema {file}"));
    serde_json::from_str(&text_of(c)).expect("the schema is JSON")
}

fn schema() -> Value {
    generated("dataset.schema.json")
}

fn def<'a>(schema: &'a Value, name: &str) -> &'a Value {
    schema
        .pointer(&format!("/$defs/{name}"))
        .unwrap_or_else(|| panic!("no $defs/{name} in the schema"))
}

fn required(v: &Value) -> Vec<String> {
    v["required"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

// ---------------------------------------------------------------------------
// The dataset
// ---------------------------------------------------------------------------

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
        "Evaluation",
        "Tasks",
        "Shortcomings",
        "LeaderFacts",
        "ConfidenceVotes",
        "Conclusion",
        "PeerLevels",
        "Discipline",
        "QuotaGroup",
        "Decision",
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
        ("Evaluation", &["review_meeting"]),
        ("Conclusion", &["on"]),
        ("Discipline", &["decided_on"]),
        ("Decision", &["decided_on"]),
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
        def(&schema, "Discipline")["properties"]["decided_on"]["type"],
        "string"
    );
    assert_eq!(
        def(&schema, "Post")["properties"]["to"]["type"],
        json!(["string", "null"])
    );
}

#[test]
fn required_fields() {
    let schema = schema();
    assert_eq!(required(&schema), ["format"]);
    assert_eq!(required(def(&schema, "Unit")), ["id", "kind", "name"]);
    assert_eq!(
        required(def(&schema, "Membership")),
        ["person", "cell", "admitted_on", "category"]
    );
    assert_eq!(required(def(&schema, "StatusPeriod")), ["kind", "from"]);
    assert_eq!(
        required(def(&schema, "Evaluation")),
        ["subject", "year", "stage"]
    );
    assert_eq!(required(def(&schema, "Tasks")), ["assigned", "on_time"]);
    assert_eq!(
        required(def(&schema, "Discipline")),
        ["subject", "form", "decided_on"]
    );
    assert_eq!(
        required(def(&schema, "QuotaGroup")),
        ["id", "year", "subjects"]
    );
    assert_eq!(
        required(def(&schema, "Decision")),
        ["subject", "year", "point", "level"]
    );
}

#[test]
fn dataset_schema_has_the_rating_inputs() {
    let schema = schema();
    for (field, record) in [
        ("evaluations", "Evaluation"),
        ("disciplines", "Discipline"),
        ("quota_groups", "QuotaGroup"),
        ("decisions", "Decision"),
    ] {
        let p = &schema["properties"][field];
        assert_eq!(p["type"], "array", "{field}");
        assert_eq!(p["items"]["$ref"], format!("#/$defs/{record}"), "{field}");
    }
    // Scores are unsigned integers (tenths); the ranges are the validator's.
    let score = &def(&schema, "Evaluation")["properties"]["score_common"];
    assert_eq!(score["type"], json!(["integer", "null"]));
    assert_eq!(score["minimum"], 0);
}

// ---------------------------------------------------------------------------
// The policy
// ---------------------------------------------------------------------------

#[test]
fn policy_schema_gives_every_setting_its_default() {
    let schema = generated("policy.schema.json");
    assert_eq!(schema["additionalProperties"], Value::Bool(false));
    assert!(
        required(&schema).is_empty(),
        "every setting may be left out"
    );
    let defaults = serde_json::to_value(Policy::default()).expect("the policy serialises");
    let Value::Object(mut defaults) = defaults else {
        panic!("the policy is an object")
    };
    // The Front settings are left out of the JSON while at their defaults.
    assert!(!defaults.contains_key("front"));
    defaults.insert(
        "front".to_owned(),
        serde_json::to_value(xeploai::front::FrontPolicy::default()).expect("serialises"),
    );
    let properties = schema["properties"]
        .as_object()
        .expect("the policy schema has properties");
    let mut names: Vec<&String> = properties.keys().collect();
    let mut settings: Vec<&String> = defaults.keys().collect();
    names.sort();
    settings.sort();
    assert_eq!(names, settings, "one property per setting");
    for (name, value) in &defaults {
        if name == "front" {
            // Skipped while at its defaults, so the schema gives the defaults
            // of each Front setting instead.
            let front = def(&schema, "FrontPolicy");
            for (k, v) in value.as_object().expect("an object") {
                assert_eq!(
                    &front["properties"][k]["default"], v,
                    "the schema's default of `front.{k}` is the library's"
                );
            }
            continue;
        }
        assert_eq!(
            &properties[name]["default"], value,
            "the schema's default of `{name}` is the library's"
        );
    }
}

// ---------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------

#[test]
fn finding_schema_matches_its_hand_written_serialisation() {
    let schema = generated("report.schema.json");
    let f = def(&schema, "Finding");
    assert_eq!(f["type"], "object");
    assert_eq!(f["additionalProperties"], Value::Bool(false));
    assert_eq!(required(f), ["rule", "effect", "citation"]);
    assert_eq!(f["properties"]["rule"]["type"], "string");
    assert_eq!(f["properties"]["citation"]["type"], "string");
    assert_eq!(f["properties"]["effect"]["$ref"], "#/$defs/Effect");
    assert_eq!(f["properties"]["values"]["type"], "object");
    assert_eq!(
        f["properties"]["values"]["additionalProperties"]["type"],
        "integer"
    );
    assert_eq!(
        names_of(def(&schema, "Effect")),
        ["decided", "lowered", "met", "excluded", "noted"]
    );
}

/// The values of an enumeration's schema: `enum`, or the `const` of each `oneOf`.
fn names_of(d: &Value) -> Vec<String> {
    let list = d["enum"].as_array().cloned().unwrap_or_else(|| {
        d["oneOf"]
            .as_array()
            .map(|a| a.iter().map(|v| v["const"].clone()).collect())
            .unwrap_or_default()
    });
    list.iter()
        .map(|v| {
            v.as_str()
                .unwrap_or_else(|| panic!("not a name: {v}"))
                .to_owned()
        })
        .collect()
}

#[test]
fn map_keys_are_constrained() {
    let report = generated("report.schema.json");
    let counts = def(&report, "Counts");
    assert_eq!(
        counts["properties"]["by_level"]["propertyNames"]["$ref"],
        "#/$defs/Level"
    );
    assert_eq!(
        counts["properties"]["not_rated"]["propertyNames"]["$ref"],
        "#/$defs/NotRatedReason"
    );
    assert_eq!(
        names_of(def(&report, "Level")),
        ["not_completed", "completed", "good", "excellent"]
    );
    // The residence caps of the policy are keyed by the dataset's residence comments.
    let policy = generated("policy.schema.json");
    assert_eq!(
        names_of(&policy["properties"]["residence_caps"]["propertyNames"]),
        names_of(def(&schema(), "ResidenceComment"))
    );
}

#[test]
fn report_schema_lists_the_discretion_points_and_discrepancy_kinds() {
    let schema = generated("report.schema.json");
    let points = json!(xeploai::outcome::DISCRETION_POINTS);
    assert_eq!(
        def(&schema, "Discretion")["properties"]["point"]["enum"],
        points
    );
    assert_eq!(
        def(&schema, "DiscretionItem")["properties"]["point"]["enum"],
        points
    );
    assert_eq!(
        def(&schema, "Discrepancy")["properties"]["kind"]["enum"],
        json!(["above_allowed", "below_allowed", "not_rated"])
    );
    assert_eq!(
        schema["properties"]["format"]["const"],
        xeploai::report::REPORT_FORMAT
    );
}

/// The example of `docs/dataset-format.md`.
fn example_graph() -> OrgGraph {
    let doc = include_str!("../../docs/dataset-format.md");
    let start = doc.find("```json\n").expect("a ```json block") + "```json\n".len();
    let rest = doc.get(start..).unwrap_or_default();
    let end = rest.find("\n```").expect("the block is closed");
    let ds = Dataset::from_json_str(rest.get(..end).unwrap_or_default())
        .unwrap_or_else(|e| panic!("the example of docs/dataset-format.md does not load: {e}"));
    OrgGraph::build(ds).unwrap_or_else(|e| panic!("the example is invalid: {e}"))
}

/// Real reports: the example rated for 2025 under every preset.
fn real_reports() -> Vec<(String, Value)> {
    let g = example_graph();
    PRESETS
        .iter()
        .map(|name| {
            let policy = Policy::preset(name).expect("a preset");
            let report = xeploai::run::rate(&g, 2025, None, &policy).expect("the example rates");
            let value: Value = serde_json::from_str(&report.to_json()).expect("the report is JSON");
            ((*name).to_owned(), value)
        })
        .collect()
}

#[test]
fn real_reports_validate_against_the_report_schema() {
    let schema = generated("report.schema.json");
    for (name, report) in real_reports() {
        let errors = Validator::new(&schema).errors(&report);
        assert!(
            errors.is_empty(),
            "the report under preset `{name}` does not match schema/report.schema.json:\n  {}",
            errors.join("\n  ")
        );
        // Every `$defs` entry a report can use is exercised by the example.
        let outcomes = report["outcomes"].as_array().expect("outcomes");
        assert!(outcomes.iter().any(|o| o["outcome"]["status"] == "rated"));
        assert!(outcomes
            .iter()
            .any(|o| o["outcome"]["status"] == "not_rated"));
    }
}

#[test]
fn the_validator_rejects_broken_reports() {
    let schema = generated("report.schema.json");
    let (_, good) = real_reports().into_iter().next().expect("a report");
    let v = Validator::new(&schema);
    assert!(v.errors(&good).is_empty());
    type Break = fn(&mut Value);
    let breaks: [(&str, Break); 8] = [
        ("a required field missing", |r| {
            r.as_object_mut().map(|o| o.remove("format"));
        }),
        ("a wrong format", |r| {
            r["format"] = json!("xeploai-report/2")
        }),
        ("an unknown status", |r| {
            r["outcomes"][0]["outcome"]["status"] = json!("pending");
        }),
        ("a level that does not exist", |r| {
            r["total"]["members"]["by_level"] = json!({"perfect": 1});
        }),
        ("a finding with an unknown field", |r| {
            r["outcomes"][0]["outcome"]["findings"][0]["message"] = json!("…");
        }),
        ("a finding value that is not an integer", |r| {
            r["outcomes"][0]["outcome"]["findings"][0]["values"] = json!({"score": 92.5});
        }),
        ("a negative count", |r| {
            r["total"]["members"]["rated"] = json!(-1)
        }),
        ("an unknown policy setting", |r| {
            r["policy"]["quota_raeding"] = json!("a");
        }),
    ];
    for (what, f) in breaks {
        let mut bad = good.clone();
        f(&mut bad);
        assert!(
            !v.errors(&bad).is_empty(),
            "the validator accepts a report with {what}"
        );
    }
}

// ---------------------------------------------------------------------------
// A validator of the part of JSON Schema 2020-12 that schemars emits: `$ref`
// to `#/$defs/…`, `type`, `enum`, `const`, `properties`, `required`,
// `additionalProperties`, `propertyNames`, `items`, `oneOf`, `anyOf`,
// `allOf`, `minimum`, `maximum` and the `date` format. Any other keyword makes
// it fail, so that a schema it cannot judge is never passed silently.
// ---------------------------------------------------------------------------

struct Validator<'s> {
    root: &'s Value,
}

const KNOWN: &[&str] = &[
    "$schema",
    "$ref",
    "$defs",
    "title",
    "description",
    "default",
    "examples",
    "type",
    "enum",
    "const",
    "properties",
    "required",
    "additionalProperties",
    "propertyNames",
    "items",
    "oneOf",
    "anyOf",
    "allOf",
    "minimum",
    "maximum",
    "format",
];

impl<'s> Validator<'s> {
    const fn new(root: &'s Value) -> Self {
        Self { root }
    }

    fn errors(&self, value: &Value) -> Vec<String> {
        let mut out = Vec::new();
        self.check(self.root, value, "", &mut out);
        out
    }

    fn resolve(&self, reference: &str) -> &'s Value {
        let pointer = reference
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("only local references: {reference}"));
        self.root
            .pointer(pointer)
            .unwrap_or_else(|| panic!("dangling reference {reference}"))
    }

    fn check(&self, schema: &'s Value, value: &Value, at: &str, out: &mut Vec<String>) {
        let schema = match schema {
            Value::Bool(true) => return,
            Value::Bool(false) => {
                out.push(format!("{at}: no value is allowed here"));
                return;
            }
            Value::Object(s) => s,
            other => panic!("not a schema at {at}: {other}"),
        };
        for key in schema.keys() {
            assert!(
                KNOWN.contains(&key.as_str()),
                "the validator does not know the keyword `{key}` (at {at})"
            );
        }
        if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
            self.check(self.resolve(r), value, at, out);
        }
        if let Some(t) = schema.get("type") {
            let types: Vec<&str> = match t {
                Value::String(s) => vec![s.as_str()],
                Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
                other => panic!("bad type {other}"),
            };
            if !types.iter().any(|t| has_type(value, t)) {
                out.push(format!("{at}: {value} is not of type {types:?}"));
                return;
            }
        }
        if let Some(Value::Array(allowed)) = schema.get("enum") {
            if !allowed.contains(value) {
                out.push(format!("{at}: {value} is not one of {allowed:?}"));
            }
        }
        if let Some(c) = schema.get("const") {
            if c != value {
                out.push(format!("{at}: {value} is not {c}"));
            }
        }
        if let (Some(min), Some(n)) = (schema.get("minimum"), value.as_f64()) {
            if min.as_f64().is_some_and(|m| n < m) {
                out.push(format!("{at}: {value} is below the minimum {min}"));
            }
        }
        if let (Some(max), Some(n)) = (schema.get("maximum"), value.as_f64()) {
            if max.as_f64().is_some_and(|m| n > m) {
                out.push(format!("{at}: {value} is above the maximum {max}"));
            }
        }
        if let (Some("date"), Some(s)) =
            (schema.get("format").and_then(Value::as_str), value.as_str())
        {
            if xeploai::date::parse_iso_date(s).is_none() {
                out.push(format!("{at}: `{s}` is not a date"));
            }
        }
        for (key, pick_one) in [("oneOf", true), ("anyOf", false)] {
            if let Some(Value::Array(subs)) = schema.get(key) {
                let passing = subs
                    .iter()
                    .filter(|s| {
                        let mut e = Vec::new();
                        self.check(s, value, at, &mut e);
                        e.is_empty()
                    })
                    .count();
                if passing == 0 || (pick_one && passing > 1) {
                    out.push(format!(
                        "{at}: {passing} of the {} alternatives of {key} match {}",
                        subs.len(),
                        abbreviate(value)
                    ));
                }
            }
        }
        if let Some(Value::Array(subs)) = schema.get("allOf") {
            for s in subs {
                self.check(s, value, at, out);
            }
        }
        if let Value::Object(object) = value {
            self.check_object(schema, object, at, out);
        }
        if let (Some(items), Value::Array(a)) = (schema.get("items"), value) {
            for (i, v) in a.iter().enumerate() {
                self.check(items, v, &format!("{at}[{i}]"), out);
            }
        }
    }

    fn check_object(
        &self,
        schema: &'s Map<String, Value>,
        object: &Map<String, Value>,
        at: &str,
        out: &mut Vec<String>,
    ) {
        let properties = schema.get("properties").and_then(Value::as_object);
        if let Some(Value::Array(req)) = schema.get("required") {
            for r in req.iter().filter_map(Value::as_str) {
                if !object.contains_key(r) {
                    out.push(format!("{at}: the required property `{r}` is missing"));
                }
            }
        }
        for (k, v) in object {
            let path = format!("{at}.{k}");
            if let Some(names) = schema.get("propertyNames") {
                self.check(names, &Value::String(k.clone()), &path, out);
            }
            match properties.and_then(|p| p.get(k)) {
                Some(p) => self.check(p, v, &path, out),
                None => {
                    if let Some(extra) = schema.get("additionalProperties") {
                        self.check(extra, v, &path, out);
                    }
                }
            }
        }
    }
}

fn has_type(value: &Value, t: &str) -> bool {
    match t {
        "null" => value.is_null(),
        "boolean" => value.is_boolean(),
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "number" => value.is_number(),
        "integer" => value.is_i64() || value.is_u64(),
        other => panic!("unknown type {other}"),
    }
}

fn abbreviate(value: &Value) -> String {
    let s = value.to_string();
    s.chars().take(120).collect()
}
