//! The main job. For now it prints a validated structural summary of a dataset
//! on a date: units by kind per commune, members rated / exempt / new /
//! suspended, and the Front work board heads who are deputy secretaries of the
//! area's cell. The rating engine turns it into the year's rating.
//!
//! ```text
//! cargo run --release --example rate                      # the embedded sample
//! cargo run --release --example rate -- data.json         # a dataset file
//! cargo run --release --example rate -- --as-of 2024-12-31 --lang en
//! cargo run --release --example rate -- --json            # the summary as JSON
//! ```

use std::process::ExitCode;
use xeploai::census::{census, Row};
use xeploai::date::{end_of_year, format_iso_date, parse_iso_date, Date};
use xeploai::validate::{validate_with, ValidateOptions};
use xeploai::{Dataset, Lang, OrgGraph, UnitKind};

struct Args {
    path: Option<String>,
    as_of: Date,
    lang: Lang,
    json: bool,
}

const USAGE: &str =
    "usage: rate [DATASET.json] [--as-of YYYY-MM-DD | --year YYYY] [--lang vi|en] [--json]";

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        path: None,
        as_of: end_of_year(2025).ok_or("bad default date")?,
        lang: Lang::Vi,
        json: false,
    };
    let mut it = std::env::args().skip(1);
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
            }
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
    let args = match parse_args() {
        Ok(a) => a,
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::from(2);
        }
    };
    let vi = args.lang == Lang::Vi;
    let ds = match &args.path {
        None => xeploai::sample::dataset(),
        Some(p) => match Dataset::from_path(p) {
            Ok(ds) => ds,
            Err(e) => {
                eprintln!(
                    "{}: {e}",
                    if vi {
                        "không đọc được dữ liệu"
                    } else {
                        "cannot load the dataset"
                    }
                );
                return ExitCode::from(1);
            }
        },
    };
    let report = validate_with(
        &ds,
        ValidateOptions {
            as_of: Some(args.as_of),
        },
    );
    if !report.is_ok() {
        eprintln!(
            "{}",
            if vi {
                format!(
                    "dữ liệu không hợp lệ: {} lỗi, {} cảnh báo",
                    report.error_count(),
                    report.warnings().count()
                )
            } else {
                format!(
                    "invalid dataset: {} errors, {} warnings",
                    report.error_count(),
                    report.warnings().count()
                )
            }
        );
        for p in report.problems() {
            eprintln!("  {}", p.describe(args.lang));
        }
        return ExitCode::from(1);
    }
    let graph = match OrgGraph::build_with(
        ds,
        ValidateOptions {
            as_of: Some(args.as_of),
        },
    ) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    };
    let summary = census(&graph, args.as_of);
    if args.json {
        match serde_json::to_string_pretty(&summary) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(1);
            }
        }
        return ExitCode::SUCCESS;
    }
    print_summary(&graph, &summary, args.lang);
    ExitCode::SUCCESS
}

fn print_summary(graph: &OrgGraph, c: &xeploai::census::Census, lang: Lang) {
    let vi = lang == Lang::Vi;
    let ds = graph.dataset();
    let day = format_iso_date(c.as_of);
    if vi {
        println!(
            "xeploai {} — tổng hợp cơ cấu tổ chức tại ngày {day}",
            xeploai::VERSION
        );
        println!("(chưa xếp loại: phần đánh giá, xếp loại chất lượng đến với bộ máy xếp loại)");
    } else {
        println!(
            "xeploai {} — structural summary as of {day}",
            xeploai::VERSION
        );
        println!("(no rating yet: the quality rating comes with the rating engine)");
    }
    println!("{}", ds.description.as_deref().unwrap_or(""));
    let warnings = graph.warnings().problems().len();
    println!(
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
    );
    for p in graph.warnings().problems().iter().take(10) {
        println!("  {}", p.describe(lang));
    }
    println!();
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
    println!(
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
    );
    let line = |r: &Row, name: &str| {
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
        println!(
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
        );
    };
    for r in &c.communes {
        line(r, &r.name);
    }
    line(
        &c.outside_communes,
        if vi {
            "(ngoài xã, phường)"
        } else {
            "(outside communes)"
        },
    );
    line(&c.total, if vi { "Tổng" } else { "Total" });
    println!();
    let t = &c.total;
    let kinds: Vec<String> = t
        .units
        .iter()
        .map(|(k, n)| format!("{} {n}", k.label(lang)))
        .collect();
    println!(
        "{}: {}",
        if vi {
            "Đơn vị theo loại"
        } else {
            "Units by kind"
        },
        kinds.join(", ")
    );
    let b = &t.board_heads;
    println!(
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
    );
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
