//! The Rust side of the ABI benchmark (issue 5; a binary, not a Cargo bench,
//! so that it builds with the same features as the library): the same work as
//! `tests/c/bench.c`, straight through the `xeploai` crate.
//! `scripts/bench-ffi.sh` runs both in one invocation and prints the ratio.
//!
//! ```text
//! bench-rust sample N    rates the embedded sample N times (after 5 warm-up runs)
//! bench-rust country     generates the synthetic country (not timed) and rates it once
//! ```
//!
//! Prints one line: `rust SCALE RUNS TOTAL MIN MEDIAN TICKS`: seconds of the
//! whole loop, of the fastest run and of the median run, then the CPU time of
//! the loop over all the process's threads in clock ticks (utime + stime of
//! `/proc/self/stat`, as the C side reads it). No JSON in or out.

use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;
use xeploai_core::synth::{generate, Spec};
use xeploai_core::{OrgGraph, Policy};

/// utime + stime of the whole process, in clock ticks (-1 if unknown).
fn cpu_ticks() -> i64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return -1;
    };
    // After the command in parentheses: field 3 (state) onwards; utime and
    // stime are fields 14 and 15.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    match (
        fields.get(11).and_then(|f| f.parse::<i64>().ok()),
        fields.get(12).and_then(|f| f.parse::<i64>().ok()),
    ) {
        (Some(u), Some(s)) => u + s,
        _ => -1,
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let scale = args.first().map_or("sample", String::as_str);
    let country = scale == "country";
    let runs: u64 = if country {
        1
    } else {
        args.get(1).and_then(|n| n.parse().ok()).unwrap_or(1000)
    };
    let spec = if country {
        Spec::country()
    } else {
        Spec::sample()
    };
    let graph = match OrgGraph::build(generate(&spec)) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("load: {e}");
            return ExitCode::FAILURE;
        }
    };
    // As `xl_rate` with a NULL policy: the default policy, made per run.
    let rate = || xeploai_core::run::rate(&graph, 2025, None, &Policy::default());
    for _ in 0..if country { 0 } else { 5 } {
        if let Err(e) = rate() {
            eprintln!("rate: {e}");
            return ExitCode::FAILURE;
        }
    }
    let mut outcomes = 0;
    let mut each = Vec::with_capacity(usize::try_from(runs).unwrap_or(0));
    let ticks = cpu_ticks();
    let t = Instant::now();
    for i in 0..runs {
        let t0 = Instant::now();
        match rate() {
            Ok(r) => {
                if i == 0 {
                    outcomes = r.outcomes.len();
                }
                drop(black_box(r));
                each.push(t0.elapsed().as_secs_f64());
            }
            Err(e) => {
                eprintln!("rate: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    let seconds = t.elapsed().as_secs_f64();
    let ticks = cpu_ticks() - ticks;
    each.sort_by(f64::total_cmp);
    let min = each.first().copied().unwrap_or(0.0);
    let median = each.get(each.len() / 2).copied().unwrap_or(0.0);
    println!("rust {scale} {runs} {seconds:.6} {min:.6} {median:.6} {ticks} ({outcomes} outcomes)");
    if outcomes > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
