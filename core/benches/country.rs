//! Benchmark of the foundation at country scale (a bench binary that prints its
//! figures; run with `cargo bench -p xeploai --bench country`, add
//! `-- province` for one province).
//!
//! Phases: generate the synthetic country (34 provinces, 3,321 communes,
//! ≈ 5.6 M members, with the pre-reform tree), build and validate the graph,
//! compute the structural census on 31 Dec 2025, serialise the dataset to JSON
//! and parse it back. Prints wall time, throughput and peak resident memory
//! (VmHWM from /proc/self/status). Then rates the year 2025 (Quy định 366) from
//! the built graph. `--no-json` stops after the rating; `--report-json` also
//! serialises the report; `--structure` generates the organisation graph only
//! (no rating inputs) and skips the rating; `--again` rates a second time at
//! once, after the first report is freed (`rate again`); `--no-front` empties
//! the dataset's Front section first (the Front's records; its units and posts
//! remain). After the rating, the Front side alone is timed (`front 2025`; the
//! rating's time includes it).
//!
//! The rating's line also gives its CPU time (user and system, all threads)
//! and the memory it touched for the first time (minor page faults × 4 KiB);
//! the `fresh memory` line times touching 32 MiB of new memory just before. On a
//! virtual machine whose host takes freed pages back, a first touch costs
//! several microseconds a page and varies from hour to hour: read the
//! rating's time beside it.

use std::hint::black_box;
use std::time::Instant;
use xeploai::census::census;
use xeploai::date::parse_iso_date;
use xeploai::synth::{generate, Spec};
use xeploai::{Dataset, OrgGraph};

/// Whether the command line has the option `name`.
fn flag(name: &str) -> bool {
    std::env::args().any(|a| a == name)
}

fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// What the process has used so far, from /proc/self/stat.
#[derive(Clone, Copy)]
struct Usage {
    /// CPU time in user mode, all threads, in seconds (clock ticks of 1/100 s).
    user: f64,
    /// CPU time in the kernel, all threads, in seconds.
    system: f64,
    /// Minor page faults: pages of memory touched for the first time (4 KiB each).
    faults: f64,
}

/// The process's [`Usage`] (NaN where unreadable). On a shared machine the CPU
/// time shows the work done, which wall time does not when other processes
/// take the cores; the page faults count the fresh memory touched, which is
/// much of the cost on this machine.
fn usage() -> Usage {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            // Fields after the command name (in parentheses): minflt is the 8th,
            // utime the 12th, stime the 13th.
            let rest = s.rsplit_once(')')?.1;
            let f: Vec<&str> = rest.split_whitespace().collect();
            let field = |i: usize| f.get(i)?.parse::<f64>().ok();
            Some(Usage {
                user: field(11)? / 100.0,
                system: field(12)? / 100.0,
                faults: field(7)?,
            })
        })
        .unwrap_or(Usage {
            user: f64::NAN,
            system: f64::NAN,
            faults: f64::NAN,
        })
}

fn main() {
    let scale = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .unwrap_or_else(|| "country".to_owned());
    let mut spec = match scale.as_str() {
        "province" => Spec::province(),
        "sample" => Spec::sample(),
        _ => Spec::country(),
    };
    // `--structure`: the organisation graph only (no rating inputs, no rating).
    let structure = flag("--structure");
    if structure {
        spec.evaluation_years = &[];
    }
    println!(
        "xeploai {} foundation benchmark, scale `{scale}`, {} threads available",
        xeploai::VERSION,
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    );

    let t = Instant::now();
    let mut ds = generate(&spec);
    let gen_s = t.elapsed().as_secs_f64();
    // `--no-front`: the Front's records emptied (as a province whose system
    // records none); the Front's units and posts remain.
    if flag("--no-front") {
        ds.front = xeploai::front::data::FrontData::default();
        println!(
            "(--no-front: the dataset's Front section is emptied; its units and posts remain)"
        );
    }
    println!(
        "generate:           {gen_s:8.3} s   {} units, {} people, {} memberships, {} posts, {} residence links",
        ds.units.len(),
        ds.people.len(),
        ds.memberships.len(),
        ds.posts.len(),
        ds.residence.len()
    );

    let t = Instant::now();
    let graph = match OrgGraph::build(ds) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("the generated dataset is invalid: {e}");
            std::process::exit(1);
        }
    };
    let build_s = t.elapsed().as_secs_f64();
    println!(
        "build + validate:   {build_s:8.3} s   {} warnings",
        graph.warnings().problems().len()
    );

    let as_of = parse_iso_date("2025-12-31").unwrap_or_default();
    let t = Instant::now();
    let c = census(&graph, as_of);
    let census_s = t.elapsed().as_secs_f64();
    println!(
        "census 2025-12-31:  {census_s:8.3} s   {} communes, {} members on roll, {} rated, {} board heads = deputy secretary of {}",
        c.communes.len(),
        c.total.members.on_roll,
        c.total.members.rated,
        c.total.board_heads.head_is_deputy_secretary,
        c.total.board_heads.with_head
    );
    black_box(&c);

    let policy = xeploai::Policy::default();
    if structure {
        return finish(graph);
    }
    // What fresh memory costs on this machine right now, timed just before
    // the rating (32 MiB, freed at once: at most that much warm memory for
    // the rating to reuse). On a virtual machine whose host takes freed pages
    // back, a first touch can cost several microseconds a page, and that
    // varies from hour to hour.
    let t = Instant::now();
    let probe = vec![1u8; 32 << 20];
    let probe_s = t.elapsed().as_secs_f64();
    black_box(&probe);
    drop(probe);
    let report = timed_rate(&graph, &policy, "rate 2025 (qd366): ");
    println!(
        "fresh memory:       {:8.3} s/GiB ({:.1} µs a 4 KiB page, 32 MiB touched just before the rating)",
        probe_s * 32.0,
        probe_s * 1e6 / 8192.0
    );
    if flag("--report-json") {
        let t = Instant::now();
        let text = report.to_json();
        println!(
            "report JSON:        {:8.3} s   {:.1} MB",
            t.elapsed().as_secs_f64(),
            text.len() as f64 / 1e6
        );
    }
    drop(report);
    // `--again`: the same rating once more, at once. The first report's memory
    // has just been freed, so the second rating finds most of its pages
    // still backed by the host: the difference between the two lines is
    // roughly what first touches of new memory cost the first.
    if flag("--again") {
        drop(timed_rate(&graph, &policy, "rate again:        "));
    }

    // The Front side alone (the rating above includes it): boards, residential
    // evaluations, indicators and targets.
    let t = Instant::now();
    let front = xeploai::front::rate(&graph, 2025, &policy);
    let front_s = t.elapsed().as_secs_f64();
    if let Some(f) = &front {
        println!(
            "front 2025:         {front_s:8.3} s   {} boards ({} rated, {} composition failures), {} areas, {} indicator rows, {} targets ({} missed units)",
            f.boards.len(),
            f.boards.iter().filter(|b| b.rating.is_some()).count(),
            f.boards.iter().filter(|b| !b.composition_ok).count(),
            f.areas.len(),
            f.indicators.len(),
            f.targets.len(),
            f.targets.iter().map(|t| t.missed.len()).sum::<usize>()
        );
    }
    drop(front);

    finish(graph);
}

/// Serialises and parses the dataset as JSON (unless `--no-json`) and prints the peak memory.
fn finish(graph: OrgGraph) {
    if flag("--no-json") {
        print_peak();
        return;
    }
    let t = Instant::now();
    let json = graph.dataset().to_json().into_bytes();
    let ser_s = t.elapsed().as_secs_f64();
    let mb = json.len() as f64 / 1e6;
    println!(
        "serialise JSON:     {ser_s:8.3} s   {mb:.1} MB, {:.0} MB/s",
        mb / ser_s
    );
    drop(graph);

    let t = Instant::now();
    let parsed = match Dataset::from_json_slice(&json) {
        Ok(ds) => ds,
        Err(e) => {
            eprintln!("the JSON does not parse back: {e}");
            std::process::exit(1);
        }
    };
    let parse_s = t.elapsed().as_secs_f64();
    println!(
        "parse JSON:         {parse_s:8.3} s   {:.0} MB/s",
        mb / parse_s
    );
    black_box(&parsed);
    drop(json);
    drop(parsed);

    print_peak();
}

/// Rates 2025 from `graph`, prints the time, CPU and fresh memory after
/// `label`, and returns the report (exits if the rating fails).
fn timed_rate(graph: &OrgGraph, policy: &xeploai::Policy, label: &str) -> xeploai::Report {
    let (t, before) = (Instant::now(), usage());
    let report = match xeploai::run::rate(graph, 2025, None, policy) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("rating failed: {e}");
            std::process::exit(1);
        }
    };
    let rate_s = t.elapsed().as_secs_f64();
    let after = usage();
    let (user, system, faults) = (
        after.user - before.user,
        after.system - before.system,
        after.faults - before.faults,
    );
    let fresh_gib = faults * 4096.0 / f64::from(1u32 << 30);
    let m = &report.total.members;
    println!(
        "{label} {rate_s:8.3} s   (CPU {user:.2} s user + {system:.2} s system; {faults:.0} page faults = {fresh_gib:.2} GiB fresh) {} outcomes; members {} on roll, {} rated; {} quota groups, {} discrepancies, {} points of discretion",
        report.outcomes.len(),
        m.on_roll,
        m.rated,
        report.quotas.len(),
        report.discrepancies.len(),
        report.discretion.len()
    );
    report
}

fn print_peak() {
    match peak_rss_mib() {
        Some(m) => println!("peak memory (VmHWM): {:.2} GiB", m / 1024.0),
        None => println!("peak memory: not available on this system"),
    }
}
