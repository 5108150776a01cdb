//! The committed header `include/xeploai.h` is what cbindgen (the version
//! pinned in ffi/Cargo.toml) generates from `ffi/` now. `XEPLOAI_BLESS=1`
//! rewrites it after a deliberate change of the API.

#![allow(clippy::expect_used, clippy::panic, reason = "tests fail loudly")]

use std::path::Path;

#[test]
fn the_committed_header_is_up_to_date() {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = cbindgen::Config::from_file(crate_dir.join("cbindgen.toml"))
        .expect("ffi/cbindgen.toml loads");
    let mut generated = Vec::new();
    cbindgen::Builder::new()
        .with_crate(crate_dir)
        .with_config(config)
        .generate()
        .expect("cbindgen generates the header")
        .write(&mut generated);
    let generated = String::from_utf8(generated).expect("the header is UTF-8");
    let path = crate_dir.join("../include/xeploai.h");
    if std::env::var_os("XEPLOAI_BLESS").is_some() {
        std::fs::write(&path, &generated).expect("include/xeploai.h is writable");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != generated {
        let diff = line_diff(&committed, &generated);
        panic!(
            "include/xeploai.h is stale: regenerate it with \
             `XEPLOAI_BLESS=1 cargo test -p xeploai-ffi --test header`\n{diff}"
        );
    }
}

/// The lines that differ, as `-` (committed) and `+` (generated), after the
/// common head and tail.
fn line_diff(old: &str, new: &str) -> String {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let tail = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
        .min(a.len().min(b.len()) - head);
    let mut out = format!("@@ line {} @@\n", head + 1);
    for l in a.get(head..a.len() - tail).unwrap_or_default() {
        out.push_str(&format!("-{l}\n"));
    }
    for l in b.get(head..b.len() - tail).unwrap_or_default() {
        out.push_str(&format!("+{l}\n"));
    }
    out
}
