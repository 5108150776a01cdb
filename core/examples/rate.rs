//! The main job: rates a dataset for a year and prints, per commune, the
//! counts per level (numerator and denominator), the quota usage, the
//! proposals the rules do not allow, and the explanation of three subjects.
//!
//! ```text
//! cargo run --release --example rate                        # the embedded sample, 2025
//! cargo run --release --example rate -- --year 2024         # 2024, under Quy định 124
//! cargo run --release --example rate -- --lang en --explain t32p0000123
//! cargo run --release --example rate -- --policy literal    # a preset, or a JSON file
//! cargo run --release --example rate -- --json > report.json
//! cargo run --release --example rate -- data.json --structure   # the structural summary
//! ```

use std::io::Write;
use std::process::ExitCode;
use xeploai::census::{census, Row};
use xeploai::date::{end_of_year, format_iso_date, parse_iso_date, Date};
use xeploai::report::{Report, SubjectKind};
use xeploai::validate::{InvalidDataset, ValidateOptions};
use xeploai::{Dataset, Lang, Level, OrgGraph, Policy, Regime, UnitKind};

struct Args {
    path: Option<String>,
    as_of: Date,
    year: i32,
    lang: Lang,
    json: bool,
    structure: bool,
    explain: Vec<String>,
    policy: Option<String>,
    regime: Option<Regime>,
}

const USAGE: &str = "usage: rate [DATASET.json] [--year YYYY] [--regime qd366-2025|qd124-2023|qd132-2018|hd27-2014] [--policy PRESET|FILE.json] [--lang vi|en] [--explain ID]... [--json] [--structure [--as-of YYYY-MM-DD]]";

fn parse_args(argv: &[String]) -> Result<Args, String> {
    let mut args = Args {
        path: None,
        as_of: end_of_year(2025).ok_or("bad default date")?,
        year: 2025,
        lang: Lang::Vi,
        json: false,
        structure: false,
        explain: Vec::new(),
        policy: None,
        regime: None,
    };
    let mut it = argv.iter().cloned();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--as-of" => {
                let v = it.next().ok_or("--as-of needs a date")?;
                args.as_of =
                    parse_iso_date(&v).ok_or_else(|| format!("`{v}` is not a date YYYY-MM-DD"))?;
            }
            "--year" => {
                let v = it.next().ok_or("--year needs a year")?;
                let y: i32 = v.parse().map_err(|_| format!("`{v}` is not a year"))?;
                args.as_of = end_of_year(y).ok_or_else(|| format!("`{v}` is out of range"))?;
                args.year = y;
            }
            "--regime" => {
                let v = it.next().ok_or("--regime needs a name")?;
                args.regime =
                    Some(Regime::parse(&v).ok_or_else(|| format!("unknown regime `{v}`"))?);
            }
            "--policy" => {
                args.policy = Some(it.next().ok_or("--policy needs a preset name or a file")?)
            }
            "--explain" => args
                .explain
                .push(it.next().ok_or("--explain needs a subject id")?),
            "--structure" => args.structure = true,
            "--lang" => {
                let v = it.next().ok_or("--lang needs vi or en")?;
                args.lang = Lang::parse(&v)
                    .ok_or_else(|| format!("unknown language `{v}`: use vi or en"))?;
            }
            "--json" => args.json = true,
            "-h" | "--help" => return Err(USAGE.to_owned()),
            s if s.starts_with('-') => return Err(format!("unknown option `{s}`\n{USAGE}")),
            s => {
                if args.path.replace(s.to_owned()).is_some() {
                    return Err(format!("only one dataset path, please\n{USAGE}"));
                }
            }
        }
    }
    Ok(args)
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let code = run(
        &argv,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    ExitCode::from(code)
}

/// Runs the job: 0 on success, 1 for a dataset that cannot be loaded or is
/// invalid (every problem is listed on `err`), 2 for bad arguments.
fn run(argv: &[String], out: &mut impl Write, err: &mut impl Write) -> u8 {
    match job(argv, out, err) {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            1
        }
    }
}

fn job(argv: &[String], out: &mut impl Write, err: &mut impl Write) -> std::io::Result<u8> {
    let args = match parse_args(argv) {
        Ok(a) => a,
        Err(msg) => {
            writeln!(err, "{msg}")?;
            return Ok(2);
        }
    };
    let vi = args.lang == Lang::Vi;
    let ds = match &args.path {
        None => xeploai::sample::dataset(),
        Some(p) => match Dataset::from_path(p) {
            Ok(ds) => ds,
            Err(e) => {
                writeln!(
                    err,
                    "{}: {e}",
                    if vi {
                        "không đọc được dữ liệu"
                    } else {
                        "cannot load the dataset"
                    }
                )?;
                return Ok(1);
            }
        },
    };
    let options = ValidateOptions {
        as_of: Some(args.as_of),
    };
    // Building the graph validates the dataset once; an invalid one comes back
    // with every problem.
    let graph = match OrgGraph::build_with(ds, options) {
        Ok(g) => g,
        Err(InvalidDataset(report)) => {
            let (e, w) = (report.error_count(), report.warnings().count());
            if vi {
                writeln!(err, "dữ liệu không hợp lệ: {e} lỗi, {w} cảnh báo")?;
            } else {
                writeln!(err, "invalid dataset: {e} errors, {w} warnings")?;
            }
            for p in report.problems() {
                writeln!(err, "  {}", p.describe(args.lang))?;
            }
            return Ok(1);
        }
    };
    if args.structure {
        let summary = census(&graph, args.as_of);
        if args.json {
            let text = serde_json::to_string_pretty(&summary).map_err(std::io::Error::other)?;
            writeln!(out, "{text}")?;
        } else {
            print_summary(out, &graph, &summary, args.lang)?;
        }
        return Ok(0);
    }
    let policy = match &args.policy {
        None => Policy::default(),
        Some(p) if p.ends_with(".json") => match std::fs::read_to_string(p)
            .map_err(|e| e.to_string())
            .and_then(|t| Policy::from_json(&t).map_err(|e| e.to_string()))
        {
            Ok(p) => p,
            Err(e) => {
                writeln!(
                    err,
                    "{}: {e}",
                    if vi {
                        "chính sách không hợp lệ"
                    } else {
                        "invalid policy"
                    }
                )?;
                return Ok(1);
            }
        },
        Some(name) => match Policy::preset(name) {
            Ok(p) => p,
            Err(e) => {
                writeln!(err, "{e}")?;
                return Ok(2);
            }
        },
    };
    let report = match xeploai::run::rate(&graph, args.year, args.regime, &policy) {
        Ok(r) => r,
        Err(e) => {
            writeln!(err, "{e}")?;
            return Ok(1);
        }
    };
    if args.json {
        writeln!(out, "{}", report.to_json_pretty())?;
        return Ok(0);
    }
    for id in &args.explain {
        match report.explain(id, args.lang) {
            Some(text) => writeln!(out, "{text}")?,
            None => {
                writeln!(
                    err,
                    "{}: `{id}`",
                    if vi {
                        "không có đối tượng"
                    } else {
                        "no such subject"
                    }
                )?;
                return Ok(1);
            }
        }
    }
    if !args.explain.is_empty() {
        return Ok(0);
    }
    print_rating(out, &graph, &report, args.lang)?;
    Ok(0)
}

fn print_summary(
    out: &mut impl Write,
    graph: &OrgGraph,
    c: &xeploai::census::Census,
    lang: Lang,
) -> std::io::Result<()> {
    let vi = lang == Lang::Vi;
    let ds = graph.dataset();
    let day = format_iso_date(c.as_of);
    if vi {
        writeln!(
            out,
            "xeploai {} — tổng hợp cơ cấu tổ chức tại ngày {day}",
            xeploai::VERSION
        )?;
        writeln!(
            out,
            "(chưa xếp loại: phần đánh giá, xếp loại chất lượng đến với bộ máy xếp loại)"
        )?;
    } else {
        writeln!(
            out,
            "xeploai {} — structural summary as of {day}",
            xeploai::VERSION
        )?;
        writeln!(
            out,
            "(no rating yet: the quality rating comes with the rating engine)"
        )?;
    }
    writeln!(out, "{}", ds.description.as_deref().unwrap_or(""))?;
    let warnings = graph.warnings().problems().len();
    writeln!(
        out,
        "{}: {} {}, {} {}, {} {}, {} {}; {} {}",
        if vi {
            "dữ liệu hợp lệ"
        } else {
            "valid dataset"
        },
        ds.units.len(),
        if vi { "đơn vị" } else { "units" },
        ds.people.len(),
        if vi { "người" } else { "people" },
        ds.memberships.len(),
        if vi {
            "sinh hoạt đảng"
        } else {
            "memberships"
        },
        ds.posts.len(),
        if vi { "chức danh" } else { "posts" },
        warnings,
        if vi { "cảnh báo" } else { "warnings" },
    )?;
    for p in graph.warnings().problems().iter().take(10) {
        writeln!(out, "  {}", p.describe(lang))?;
    }
    writeln!(out)?;
    let head: [&str; 11] = if vi {
        [
            "Xã, phường",
            "chi bộ",
            "KDC",
            "BCTMT",
            "đang sinh hoạt",
            "được xếp loại",
            "miễn SH",
            "chưa đủ 6 tháng",
            "đình chỉ",
            "dự bị",
            "Trưởng BCTMT là Phó BT",
        ]
    } else {
        [
            "Commune",
            "cells",
            "areas",
            "boards",
            "on roll",
            "rated",
            "exempt",
            "new (<6 mo)",
            "suspended",
            "probation",
            "board head = dep. sec.",
        ]
    };
    writeln!(
        out,
        "{:<28} {:>6} {:>5} {:>6} {:>9} {:>9} {:>8} {:>9} {:>9} {:>9}  {}",
        head[0],
        head[1],
        head[2],
        head[3],
        head[4],
        head[5],
        head[6],
        head[7],
        head[8],
        head[9],
        head[10]
    )?;
    let mut line = |r: &Row, name: &str| -> std::io::Result<()> {
        let n = |k: UnitKind| r.units.get(&k).copied().unwrap_or(0);
        let b = &r.board_heads;
        let share = if b.with_head == 0 {
            "—".to_owned()
        } else {
            format!(
                "{}/{} ({:.1} %)",
                b.head_is_deputy_secretary,
                b.with_head,
                100.0 * b.head_is_deputy_secretary as f64 / b.with_head as f64
            )
        };
        let m = &r.members;
        writeln!(
            out,
            "{:<28} {:>6} {:>5} {:>6} {:>9} {:>9} {:>8} {:>9} {:>9} {:>9}  {}",
            truncate(name, 28),
            n(UnitKind::Cell) + n(UnitKind::GrassrootsCell),
            n(UnitKind::ResidentialArea),
            n(UnitKind::FrontWorkBoard),
            m.on_roll,
            m.rated,
            m.exempt,
            m.admitted_under_six_months,
            m.suspended,
            m.probationary,
            share
        )
    };
    for r in &c.communes {
        line(r, &r.name)?;
    }
    line(
        &c.outside_communes,
        if vi {
            "(ngoài xã, phường)"
        } else {
            "(outside communes)"
        },
    )?;
    line(&c.total, if vi { "Tổng" } else { "Total" })?;
    writeln!(out)?;
    let t = &c.total;
    let kinds: Vec<String> = t
        .units
        .iter()
        .map(|(k, n)| format!("{} {n}", k.label(lang)))
        .collect();
    writeln!(
        out,
        "{}: {}",
        if vi {
            "Đơn vị theo loại"
        } else {
            "Units by kind"
        },
        kinds.join(", ")
    )?;
    let b = &t.board_heads;
    writeln!(
        out,
        "{}: {} / {} ({} {}, {} {}, {} {})",
        if vi {
            "Trưởng BCTMT đồng thời là Phó Bí thư chi bộ"
        } else {
            "Front work board heads who are deputy cell secretaries"
        },
        b.head_is_deputy_secretary,
        b.with_head,
        b.no_cell,
        if vi {
            "KDC không có chi bộ (không tính)"
        } else {
            "areas without a cell (not counted)"
        },
        b.no_board,
        if vi {
            "KDC chưa có BCTMT"
        } else {
            "areas without a board"
        },
        b.no_head,
        if vi {
            "BCTMT chưa có trưởng ban"
        } else {
            "boards without a head"
        },
    )?;
    Ok(())
}

fn print_rating(
    out: &mut impl Write,
    graph: &OrgGraph,
    r: &Report,
    lang: Lang,
) -> std::io::Result<()> {
    let vi = lang == Lang::Vi;
    let ds = graph.dataset();
    if vi {
        writeln!(
            out,
            "xeploai {} — đánh giá, xếp loại chất lượng năm {} theo {} ({}, {}), chính sách `{}`",
            xeploai::VERSION,
            r.year,
            r.regime.document(),
            r.regime.guidance(),
            r.regime.as_str(),
            r.policy.name
        )?;
    } else {
        writeln!(
            out,
            "xeploai {} — quality rating of {} under {} ({}, {}), policy `{}`",
            xeploai::VERSION,
            r.year,
            r.regime.document(),
            r.regime.guidance(),
            r.regime.as_str(),
            r.policy.name
        )?;
    }
    writeln!(out, "{}", ds.description.as_deref().unwrap_or(""))?;
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        if vi {
            "Đảng viên theo xã, phường (số lượng / số được xếp loại):"
        } else {
            "Members per commune (count / rated):"
        }
    )?;
    writeln!(
        out,
        "{:<26} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8}  {}",
        if vi { "Xã, phường" } else { "Commune" },
        if vi { "xếp loại" } else { "rated" },
        "HTXSNV",
        "HTTNV",
        "HTNV",
        "KHTNV",
        if vi { "không XL" } else { "not rated" },
        if vi {
            "chi bộ, đảng bộ: HTXSNV/HTTNV/HTNV/KHTNV"
        } else {
            "organisations: HTXSNV/HTTNV/HTNV/KHTNV"
        }
    )?;
    let row = |out: &mut dyn Write,
               name: &str,
               s: &xeploai::report::UnitSummary|
     -> std::io::Result<()> {
        let m = &s.members;
        let n = |l: Level| m.by_level.get(&l).copied().unwrap_or(0);
        let o = |l: Level| s.organisations.by_level.get(&l).copied().unwrap_or(0);
        let not_rated: u32 = m.not_rated.values().sum();
        let share = |k: u32| {
            if m.rated == 0 {
                "—".to_owned()
            } else {
                format!("{k} ({:.1}%)", 100.0 * f64::from(k) / f64::from(m.rated))
            }
        };
        writeln!(
            out,
            "{:<26} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8}  {}/{}/{}/{}",
            truncate(name, 26),
            m.rated,
            share(n(Level::Excellent)),
            n(Level::Good),
            n(Level::Completed),
            n(Level::NotCompleted),
            not_rated,
            o(Level::Excellent),
            o(Level::Good),
            o(Level::Completed),
            o(Level::NotCompleted)
        )
    };
    for s in r
        .summaries
        .iter()
        .filter(|s| s.unit_kind == Some(UnitKind::Commune))
    {
        row(out, &s.name, s)?;
    }
    row(out, if vi { "Tổng" } else { "Total" }, &r.total)?;
    let nr = &r.total.members.not_rated;
    if !nr.is_empty() {
        let parts: Vec<String> = nr
            .iter()
            .map(|(k, v)| format!("{} {v}", k.label(lang)))
            .collect();
        writeln!(
            out,
            "{}: {}",
            if vi {
                "Không xếp loại"
            } else {
                "Not rated"
            },
            parts.join(", ")
        )?;
    }
    writeln!(out)?;
    let groups: Vec<_> = r.quotas.iter().filter(|q| q.candidates > 0).collect();
    let over: Vec<_> = groups
        .iter()
        .filter(|q| !q.demoted.is_empty() || q.conflict)
        .collect();
    writeln!(
        out,
        "{}: {} {}, {} {}; {} {}",
        if vi {
            "Tỷ lệ HTXSNV (≤ 20% số HTTNV trở lên, cách hiểu C)"
        } else {
            "HTXSNV quota (≤ 20% of those at HTTNV or above, reading C)"
        },
        groups.len(),
        if vi {
            "nhóm có người đủ điều kiện"
        } else {
            "groups with candidates"
        },
        over.len(),
        if vi {
            "nhóm vượt tỷ lệ"
        } else {
            "over the cap"
        },
        groups.iter().map(|q| q.demoted.len()).sum::<usize>(),
        if vi {
            "người chuyển xuống HTTNV"
        } else {
            "demoted to HTTNV"
        },
    )?;
    for q in over.iter().take(8) {
        writeln!(
            out,
            "  {:<44} {}% G={:<4} E={:<3} cap={:<3} {}={:<3} {}={}",
            truncate(&q.group, 44),
            q.percent,
            q.good,
            q.candidates,
            q.cap,
            if vi { "đạt" } else { "granted" },
            q.granted,
            if vi { "xuống" } else { "demoted" },
            q.demoted.len()
        )?;
    }
    writeln!(out)?;
    let above: Vec<_> = r
        .discrepancies
        .iter()
        .filter(|d| d.kind == "above_allowed")
        .collect();
    writeln!(
        out,
        "{}: {} ({} {})",
        if vi {
            "Đề xuất vượt mức quy định cho phép (bước 2, thẩm định)"
        } else {
            "Proposals above what the rules allow (step 2, appraisal)"
        },
        above.len(),
        r.discrepancies.len(),
        if vi {
            "đề xuất khác mức cho phép"
        } else {
            "proposals differ from the allowed level"
        }
    )?;
    for d in above.iter().take(6) {
        writeln!(
            out,
            "  {:<14} {:<16} {} → {}  [{}]",
            d.subject,
            d.stage.as_str(),
            d.proposed.code(),
            d.allowed.map_or("—", Level::code),
            d.rules.join(", ")
        )?;
    }
    let open = r.discretion.iter().filter(|d| d.decided.is_none()).count();
    writeln!(out)?;
    writeln!(
        out,
        "{}: {} ({} {})",
        if vi {
            "Nội dung cấp có thẩm quyền xem xét"
        } else {
            "Points for the competent level"
        },
        r.discretion.len(),
        open,
        if vi {
            "chưa quyết định"
        } else {
            "undecided"
        }
    )?;
    if !r.warnings.is_empty() {
        let w: Vec<String> = r.warnings.iter().map(|(k, v)| format!("{k} {v}")).collect();
        writeln!(
            out,
            "{}: {}",
            if vi { "Cảnh báo" } else { "Warnings" },
            w.join(", ")
        )?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        if vi {
            "Giải thích:"
        } else {
            "Explanations:"
        }
    )?;
    for id in interesting(r) {
        if let Some(text) = r.explain(&id, lang) {
            writeln!(out, "- {text}")?;
        }
    }
    if let Some(front) = &r.front {
        print_front(out, front, lang)?;
    }
    Ok(())
}

/// The Front side: the boards' levels per commune, and the indicators of the
/// plans against their targets (numerator / denominator).
fn print_front(
    out: &mut impl Write,
    f: &xeploai::front::FrontReport,
    lang: Lang,
) -> std::io::Result<()> {
    use xeploai::front::report::RollupScope;
    let vi = lang == Lang::Vi;
    writeln!(out)?;
    let Some(scheme) = f.schemes.first() else {
        return Ok(());
    };
    let label = |b: &xeploai::front::report::BandSummary| {
        if vi {
            b.label_vi.clone()
        } else {
            b.label_en.clone()
        }
    };
    writeln!(
        out,
        "{} `{}` — {}{}",
        if vi {
            "Ban công tác Mặt trận theo xã, phường, thang điểm"
        } else {
            "Front work boards per commune, scheme"
        },
        scheme.id,
        scheme.source,
        if scheme.illustrative {
            if vi {
                " [MINH HỌA]"
            } else {
                " [ILLUSTRATIVE]"
            }
        } else {
            ""
        }
    )?;
    let heads: Vec<String> = scheme
        .bands
        .iter()
        .map(|b| truncate(&label(b), 10))
        .collect();
    writeln!(
        out,
        "  {:<28} {:>6}{} {:>8}",
        if vi { "xã, phường" } else { "commune" },
        if vi { "số ban" } else { "boards" },
        heads
            .iter()
            .map(|h| format!(" {h:>10}"))
            .collect::<Vec<_>>()
            .join(""),
        if vi {
            "thiếu cơ cấu"
        } else {
            "comp. fail"
        }
    )?;
    for c in &f.communes {
        let cells: String = scheme
            .bands
            .iter()
            .map(|b| {
                let n = c
                    .by_rank
                    .iter()
                    .find(|x| x.rank == b.rank)
                    .map_or(0, |x| x.boards);
                format!(" {n:>10}")
            })
            .collect();
        writeln!(
            out,
            "  {:<28} {:>6}{cells} {:>8}",
            truncate(&c.name, 28),
            c.boards,
            c.composition_failed
        )?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        if vi {
            "Chỉ tiêu (tử số / mẫu số; đạt / số đơn vị so sánh):"
        } else {
            "Indicators (numerator / denominator; units meeting the target / compared):"
        }
    )?;
    for row in f
        .indicators
        .iter()
        .filter(|r| r.scope == RollupScope::Total)
    {
        let share = if row.metric.is_count() {
            String::new()
        } else if row.denominator > 0 {
            format!(
                " ({:.1}%)",
                row.numerator as f64 * 100.0 / row.denominator as f64
            )
        } else {
            String::new()
        };
        let targets: Vec<String> = f
            .targets
            .iter()
            .filter(|t| t.metric == row.metric)
            .map(|t| {
                let unit = if t.metric.is_count() { "" } else { "%" };
                format!(
                    "{} ≥ {}{unit} [{:?}]: {}/{}{}",
                    t.target,
                    t.value,
                    t.scope,
                    t.met,
                    t.evaluated,
                    if t.verified { "" } else { " [U]" }
                )
            })
            .collect();
        writeln!(
            out,
            "  {:<50} {:>7} / {:<7}{share}{}",
            row.metric.label(lang),
            row.numerator,
            row.denominator,
            if targets.is_empty() {
                String::new()
            } else {
                format!("  {}", targets.join("; "))
            }
        )?;
    }
    for t in f.targets.iter().filter(|t| !t.missed.is_empty()) {
        let first: Vec<String> = t
            .missed
            .iter()
            .take(5)
            .map(|m| format!("{} {}/{}", m.unit, m.numerator, m.denominator))
            .collect();
        writeln!(
            out,
            "  {} {}: {}{}",
            if vi { "chưa đạt" } else { "missed" },
            t.target,
            first.join(", "),
            if t.missed.len() > 5 {
                format!(", … ({})", t.missed.len())
            } else {
                String::new()
            }
        )?;
    }
    Ok(())
}

/// Three subjects worth explaining: a member demoted by the quota, a member
/// rated KHTNV by a trigger, and one with a score that matches no level.
fn interesting(r: &Report) -> Vec<String> {
    let members = || {
        r.outcomes
            .iter()
            .filter(|o| o.kind() == SubjectKind::Member)
    };
    let find = |pred: &dyn Fn(&xeploai::report::OutcomeRef<'_>) -> bool| {
        members()
            .find(|o| o.level().is_some() && pred(o))
            .map(|o| o.subject().to_owned())
    };
    let mut out = Vec::new();
    if let Some(s) = find(&|x| x.quota_demoted()) {
        out.push(s);
    }
    if let Some(s) = find(&|x| {
        x.level() == Some(Level::NotCompleted)
            && x.findings()
                .iter()
                .any(|f| f.rule().id.contains(".t_i1.") || f.rule().id.contains(".t_l3"))
    }) {
        out.push(s);
    }
    if let Some(s) = find(&|x| x.discretion().iter().any(|d| d.point == "gap")) {
        out.push(s);
    }
    out
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}

#[cfg(test)]
mod tests {
    use super::run;

    fn call(args: &[&str]) -> (u8, String, String) {
        let argv: Vec<String> = args.iter().map(|s| (*s).to_owned()).collect();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = run(&argv, &mut out, &mut err);
        (
            code,
            String::from_utf8(out).unwrap(),
            String::from_utf8(err).unwrap(),
        )
    }

    #[test]
    fn sample_rating_in_both_languages() {
        let (code, out, err) = call(&[]);
        assert_eq!(code, 0, "{err}");
        assert!(
            out.contains("Quy định 366-QĐ/TW") && out.contains("Tổng"),
            "{out}"
        );
        assert_eq!(
            out.lines()
                .filter(|l| l.starts_with("Xã ") || l.starts_with("Phường "))
                .count(),
            10,
            "{out}"
        );
        assert!(
            out.contains("Giải thích:") && out.contains("Điều 11"),
            "{out}"
        );
        // The three explained subjects: quota, trigger, gap.
        assert!(
            out.contains("quota_selection") || out.contains("20% số HTTNV"),
            "{out}"
        );
        assert!(out.contains("khoản 4"), "{out}");
        assert!(out.contains("(gap)"), "{out}");
        let (code, out, _) = call(&["--lang", "en"]);
        assert_eq!(code, 0);
        assert!(out.contains("Total") && out.contains("Article 11"), "{out}");
    }

    #[test]
    fn the_report_as_json_and_an_explanation() {
        let (code, out, err) = call(&["--json"]);
        assert_eq!(code, 0, "{err}");
        let report = xeploai::Report::from_json(&out).unwrap();
        assert_eq!(report.year, 2025);
        let first = report.outcomes.get(0).unwrap().subject().to_owned();
        let (code, text, err) = call(&["--explain", &first, "--lang", "en"]);
        assert_eq!(code, 0, "{err}");
        assert!(text.starts_with(&first), "{text}");
        assert_eq!(call(&["--explain", "nobody"]).0, 1);
    }

    #[test]
    fn structure_before_the_reform_lists_the_old_communes() {
        let (code, out, err) = call(&["--structure", "--year", "2024", "--json"]);
        assert_eq!(code, 0, "{err}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["as_of"], "2024-12-31");
        let communes = v["communes"].as_array().unwrap().len();
        assert!(communes > 10, "{communes} communes before the merger");
        let (code, out, _) = call(&["--structure"]);
        assert_eq!(code, 0);
        assert!(out.contains("Trưởng BCTMT"), "{out}");
    }

    #[test]
    fn an_invalid_file_lists_every_problem_and_fails() {
        let dir = std::env::temp_dir().join(format!("xeploai-rate-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("bad.json");
        std::fs::write(
            &path,
            r#"{"format": "xeploai-dataset/1",
                "units": [{"id": "c1", "kind": "cell", "name": "Chi bộ 1", "parent": "nowhere"},
                          {"id": "c1", "kind": "province", "name": "Tỉnh"}],
                "memberships": [{"person": "ghost", "cell": "c1", "admitted_on": "2020-01-01", "category": "leader"}]}"#,
        )
        .unwrap();
        let (code, out, err) = call(&[path.to_str().unwrap(), "--lang", "en"]);
        assert_eq!(code, 1);
        assert!(out.is_empty());
        assert!(
            err.contains("units[0].parent") && err.contains("`nowhere`"),
            "{err}"
        );
        assert!(
            err.contains("units[1].id") && err.contains("already used"),
            "{err}"
        );
        assert!(
            err.contains("memberships[0].person") && err.contains("`ghost`"),
            "{err}"
        );
        let (code, _, err) = call(&[dir.join("missing.json").to_str().unwrap()]);
        assert_eq!(code, 1);
        assert!(err.contains("missing.json"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn bad_arguments() {
        assert_eq!(call(&["--lang", "fr"]).0, 2);
        assert_eq!(call(&["--as-of", "2025-02-30"]).0, 2);
        assert_eq!(call(&["--frobnicate"]).0, 2);
        assert_eq!(call(&["--policy", "no-such-preset"]).0, 2);
        assert_eq!(call(&["--regime", "qd999"]).0, 2);
    }
}
