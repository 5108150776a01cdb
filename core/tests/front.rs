//! The Front side (front-rating.md; DESIGN §6): the composition checks of a
//! Front work board (O2–O4), the bands of `hoabinh-2017` (E2), gates, vetoes
//! and the quota of a scheme (§3.2.2), scheme validation, the 30 % rule of
//! HD 03/2025 (R1.2b), the head-is-deputy-secretary indicator across a change of
//! post (O14), and the residential cell's Front criterion end to end (Q12).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "tests fail loudly"
)]

mod common;

use common::{excellent_tasks, rated, Fx, YEAR};
use serde_json::{json, Value};
use xeploai::date::parse_iso_date;
use xeploai::front::indicators::head_is_deputy_secretary;
use xeploai::front::presets;
use xeploai::front::report::{CheckStatus, FrontReport};
use xeploai::front::scheme::{Scheme, SchemeError};
use xeploai::front::settings::{HeadDenominator, Metric};
use xeploai::{Lang, Policy};

/// The province and commune Front committees `MT` and `MX`.
fn with_front(mut fx: Fx) -> Fx {
    fx.units.push(json!({"id": "MT", "kind": "front_committee", "name": "Ủy ban MTTQ tỉnh", "level": "province", "area": "T"}));
    fx.units.push(json!({"id": "MX", "kind": "front_committee", "name": "Ủy ban MTTQ xã Tân Hòa", "level": "commune", "parent": "MT", "area": "X"}));
    fx
}

/// Cell `C1` (secretary `S1`, deputy `D1`, three more members) serving area `A-C1`.
fn cell_c1(fx: &mut Fx) {
    fx.cell("C1");
    for p in ["S1", "D1", "M1", "M2", "M3"] {
        fx.member(p, "C1");
    }
    fx.post("S1", "C1", "secretary");
    fx.post("D1", "C1", "deputy_secretary");
}

/// Board `B-<area>` of `area` with `size` members: `head`, one deputy, and
/// fillers; with `rep` the cell secretary `S1` sits on it.
fn board(fx: &mut Fx, area: &str, size: usize, head: &str, rep: bool) {
    let b = format!("B-{area}");
    fx.units.push(json!({"id": b, "kind": "front_work_board", "name": format!("Ban công tác Mặt trận {area}"), "parent": "MX", "area": area}));
    if fx.people.iter().all(|p| p["id"] != head) {
        fx.people
            .push(json!({"id": head, "name": format!("Trưởng ban {head}")}));
    }
    fx.post(head, &b, "board_head");
    let dep = format!("{b}-dep");
    fx.people.push(json!({"id": dep, "name": "Phó ban"}));
    fx.post(&dep, &b, "board_deputy");
    let mut n = 2;
    if rep {
        fx.post("S1", &b, "board_member");
        n += 1;
    }
    for k in n..size {
        let id = format!("{b}-m{k}");
        fx.people
            .push(json!({"id": id, "name": format!("Thành viên {k}")}));
        fx.post(&id, &b, "board_member");
    }
}

fn front_of(fx: &Fx, policy: &Policy) -> FrontReport {
    xeploai::run::rate(&fx.graph(), YEAR, None, policy)
        .expect("rates")
        .front
        .expect("a Front section")
}

fn check_status(f: &FrontReport, board: &str, rule: &str) -> Vec<CheckStatus> {
    f.boards
        .iter()
        .find(|b| b.board == board)
        .expect("the board")
        .composition
        .iter()
        .filter(|c| c.finding.rule().id == rule)
        .map(|c| c.status)
        .collect()
}

#[test]
fn a_board_has_9_to_15_members() {
    for (size, ok) in [(8, false), (9, true), (15, true), (16, false)] {
        let mut fx = with_front(Fx::new());
        cell_c1(&mut fx);
        board(&mut fx, "A-C1", size, "D1", true);
        let f = front_of(&fx, &Policy::default());
        let want = if ok {
            CheckStatus::Met
        } else {
            CheckStatus::Failed
        };
        assert_eq!(
            check_status(&f, "B-A-C1", "front.o2.size"),
            [want],
            "{size}"
        );
        let b = &f.boards[0];
        assert_eq!(b.composition_ok, ok, "{size}");
        assert_eq!(
            b.composition[0].finding.named_values()["members"],
            size as i64
        );
    }
}

#[test]
fn exactly_one_head_and_the_deputies() {
    let mut fx = with_front(Fx::new());
    cell_c1(&mut fx);
    board(&mut fx, "A-C1", 10, "D1", true);
    let f = front_of(&fx, &Policy::default());
    assert_eq!(
        check_status(&f, "B-A-C1", "front.o3.head"),
        [CheckStatus::Met]
    );
    assert_eq!(
        check_status(&f, "B-A-C1", "front.o3.deputies"),
        [CheckStatus::Met]
    );
    // A second head on the same day is reported by validation (a warning) and fails O3.
    fx.post("M1", "B-A-C1", "board_head");
    let f = front_of(&fx, &Policy::default());
    assert_eq!(
        check_status(&f, "B-A-C1", "front.o3.head"),
        [CheckStatus::Failed]
    );
    // The deputy limit is a setting.
    let p = Policy::from_json(r#"{"front": {"min_deputies": 2}}"#).expect("a policy");
    let f = front_of(&fx, &p);
    assert_eq!(
        check_status(&f, "B-A-C1", "front.o3.deputies"),
        [CheckStatus::Failed]
    );
}

#[test]
fn the_cell_committee_representative_is_not_applicable_without_a_cell() {
    let mut fx = with_front(Fx::new());
    cell_c1(&mut fx);
    board(&mut fx, "A-C1", 10, "D1", false);
    fx.units.push(json!({"id": "A-N", "kind": "residential_area", "name": "Ấp Mới", "local_name": "ấp", "parent": "X"}));
    board(&mut fx, "A-N", 10, "HN", false);
    let f = front_of(&fx, &Policy::default());
    // The head D1 is a deputy secretary: the chi ủy is represented.
    assert_eq!(
        check_status(&f, "B-A-C1", "front.o4a.cell_committee"),
        [CheckStatus::Met]
    );
    assert_eq!(
        check_status(&f, "B-A-N", "front.o4a.no_cell"),
        [CheckStatus::NotApplicable]
    );
    let n = f.boards.iter().find(|b| b.board == "B-A-N").expect("board");
    assert!(n.composition_ok, "not applicable is not a failure");
    // Without anyone of the chi ủy, the check fails.
    let mut fx = with_front(Fx::new());
    cell_c1(&mut fx);
    board(&mut fx, "A-C1", 10, "HX", false);
    let f = front_of(&fx, &Policy::default());
    assert_eq!(
        check_status(&f, "B-A-C1", "front.o4a.cell_committee"),
        [CheckStatus::Failed]
    );
}

#[test]
fn the_heads_of_the_mass_organisation_branches_sit_on_the_board() {
    let mut fx = with_front(Fx::new());
    cell_c1(&mut fx);
    board(&mut fx, "A-C1", 10, "D1", true);
    for org in ["women", "farmers", "red_cross"] {
        let id = format!("BR-{org}");
        fx.units.push(json!({"id": id, "kind": "mass_org_branch", "name": format!("Chi hội {org}"), "parent": "A-C1", "organisation": org}));
        let head = format!("H-{org}");
        fx.people
            .push(json!({"id": head, "name": "Chi hội trưởng"}));
        fx.post(&head, &id, "branch_head");
    }
    fx.post("H-women", "B-A-C1", "board_member");
    let f = front_of(&fx, &Policy::default());
    let b = &f.boards[0];
    let failed: Vec<_> = b
        .composition
        .iter()
        .filter(|c| c.finding.rule().id == "front.o4b.branch_head")
        .map(|c| (c.status, c.unit.clone()))
        .collect();
    // Farmers' head is missing; red_cross is not in the default list (O5, [U]).
    assert_eq!(
        failed,
        [(CheckStatus::Failed, Some("BR-farmers".to_owned()))]
    );
    let p = Policy::from_json(r#"{"front": {"mass_organisations": ["women"]}}"#).expect("a policy");
    let f = front_of(&fx, &p);
    assert_eq!(
        check_status(&f, "B-A-C1", "front.o4b.branch_head"),
        [CheckStatus::Met]
    );
}

fn hoabinh_eval(score: u32) -> xeploai::front::data::BoardEvaluation {
    serde_json::from_value(json!({"board": "B", "year": 2025, "scores": {"tong_diem": score}}))
        .expect("an evaluation")
}

#[test]
fn the_bands_of_hoabinh_2017() {
    let s = presets::scheme("hoabinh-2017").expect("preset");
    for (score, code) in [
        (1000, "xuat_sac"),
        (900, "xuat_sac"),
        (899, "tot"),
        (800, "tot"),
        (799, "kha"),
        (650, "kha"),
        (649, "trung_binh"),
        (500, "trung_binh"),
        (499, "yeu"),
        (0, "yeu"),
    ] {
        let r = s.rate(&hoabinh_eval(score));
        assert_eq!(
            s.band(r.rank).map(|b| b.code.as_str()),
            Some(code),
            "{score}"
        );
        assert_eq!(r.score, score);
    }
    // A score above the criterion's maximum is clamped, with a finding.
    let r = s.rate(&hoabinh_eval(1200));
    assert_eq!(r.score, 1000);
    assert!(r
        .findings
        .iter()
        .any(|f| f.rule().id == "front.scheme.criterion_clamped"));
    // A missing criterion scores 0, with a finding.
    let mut e = hoabinh_eval(0);
    e.scores.clear();
    let r = s.rate(&e);
    assert_eq!(
        (r.score, r.missing.clone()),
        (0, vec!["tong_diem".to_owned()])
    );
}

#[test]
fn bands_with_a_gap_or_an_overlap_are_rejected_with_their_location() {
    let base = presets::scheme("hoabinh-2017").expect("preset");
    let mut v: Value = serde_json::from_str(&base.to_json()).expect("JSON");
    v["bands"][2]["max"] = json!(790);
    let e = Scheme::from_json(&v.to_string()).expect_err("a gap");
    let SchemeError::Invalid { problems, .. } = &e else {
        panic!("{e}")
    };
    assert_eq!(problems.len(), 1, "{e}");
    assert_eq!(problems[0].path, "bands[2].max");
    assert_eq!(problems[0].kind.code(), "band_gap");
    assert!(e.to_string().contains("791 to 799"), "{e}");
    v["bands"][2]["max"] = json!(820);
    let e = Scheme::from_json(&v.to_string()).expect_err("an overlap");
    let SchemeError::Invalid { problems, .. } = &e else {
        panic!("{e}")
    };
    assert_eq!(problems[0].path, "bands[2].max");
    assert_eq!(problems[0].kind.code(), "band_overlap");
    assert!(
        problems[0]
            .kind
            .message(Lang::Vi)
            .contains("thuộc cả khung"),
        "{e}"
    );
    // The criteria must sum to the total; every problem is listed at once.
    v["criteria"][0]["max"] = json!(900);
    v["bands"][4]["min"] = json!(10);
    let e = Scheme::from_json(&v.to_string()).expect_err("three problems");
    let SchemeError::Invalid { problems, .. } = &e else {
        panic!("{e}")
    };
    let paths: Vec<_> = problems
        .iter()
        .map(|p| (p.path.as_str(), p.kind.code()))
        .collect();
    assert_eq!(
        paths,
        [
            ("criteria", "criteria_total"),
            ("bands[2].max", "band_overlap"),
            ("bands[4].min", "band_gap")
        ]
    );
    // In a dataset, the path names the scheme inside `front.schemes`.
    let mut fx = with_front(Fx::new());
    fx.front = json!({"schemes": [v]});
    let report = xeploai::validate::validate(&fx.dataset());
    let got: Vec<_> = report.errors().map(|p| p.path()).collect();
    assert_eq!(
        got,
        [
            "front.schemes[0].bands[2].max",
            "front.schemes[0].bands[4].min",
            "front.schemes[0].criteria"
        ]
    );
    assert_eq!(
        report.errors().next().map(|p| p.record().to_owned()),
        Some("hoabinh-2017".into())
    );
}

#[test]
fn board_evaluations_are_checked_against_their_scheme() {
    let mut fx = with_front(Fx::new());
    cell_c1(&mut fx);
    board(&mut fx, "A-C1", 10, "D1", true);
    fx.front = json!({"board_evaluations": [
        {"board": "B-A-C1", "year": 2025, "scheme": "illustrative-8-groups", "scores": {"c1": 100, "c9": 10}, "vetoes": ["x"]},
        {"board": "A-C1", "year": 2025, "scheme": "nope"},
        {"board": "B-A-C1", "year": 2025}
    ]});
    let report = xeploai::validate::validate(&fx.dataset());
    let got: Vec<_> = report.errors().map(|p| (p.path(), p.code())).collect();
    assert_eq!(
        got,
        [
            (
                "front.board_evaluations[0].scores.c9".to_owned(),
                "unknown_code"
            ),
            (
                "front.board_evaluations[0].vetoes[0]".to_owned(),
                "unknown_code"
            ),
            ("front.board_evaluations[1].board".to_owned(), "wrong_kind"),
            (
                "front.board_evaluations[1].scheme".to_owned(),
                "unknown_code"
            ),
            (
                "front.board_evaluations[2].year".to_owned(),
                "duplicate_record"
            ),
        ]
    );
}

fn collective(score: u32, tasks: Value) -> xeploai::front::data::BoardEvaluation {
    let common = score * 3 / 10;
    serde_json::from_value(
        json!({"board": "B", "year": 2025, "scheme": "qd366-collective",
        "scores": {"tieu_chi_chung": common, "ket_qua_nhiem_vu": score - common}, "tasks": tasks}),
    )
    .expect("an evaluation")
}

#[test]
fn gates_lower_and_vetoes_force_the_lowest_band() {
    let s = presets::scheme("qd366-collective").expect("preset");
    let r = s.rate(&collective(950, excellent_tasks()));
    assert_eq!(r.rank, 1);
    // 95 points but only 2 of 10 tasks exceeding: one band down (Điều 11 khoản 1).
    let r = s.rate(&collective(950, common::tasks(10, 10, 0, 2)));
    assert_eq!((r.band_rank, r.rank), (1, 2));
    let gate = r
        .findings
        .iter()
        .find(|f| f.rule().id == "front.scheme.gate")
        .expect("gate");
    assert_eq!(gate.named_values()["gate_no"], 2);
    // One task late: not HTTNV (100 % on time), HTNV holds (≤ 20 % late).
    let r = s.rate(&collective(950, common::tasks(10, 9, 1, 3)));
    assert_eq!(r.rank, 3);
    // A veto: KHTNV whatever the score.
    let mut e = collective(950, excellent_tasks());
    e.vetoes = vec!["dieu_11_k4_4_1".into()];
    assert_eq!(s.rate(&e).rank, 4);
}

/// Ten areas of commune `X` with their boards, `B-A0` to `B-A9`, evaluated on
/// the scheme `scheme_id` (given in `scheme`, or a preset), board `k` with the
/// points and tasks exceeded (of 10, all on time) of `board_of(k)`.
fn ten_boards(
    scheme_id: &str,
    scheme: Option<Value>,
    board_of: impl Fn(usize) -> (u32, u32),
) -> FrontReport {
    let mut fx = with_front(Fx::new());
    let mut evals = Vec::new();
    for k in 0..10 {
        let area = format!("A{k}");
        fx.units.push(json!({"id": area, "kind": "residential_area", "name": format!("Ấp {k}"), "local_name": "ấp", "parent": "X"}));
        board(&mut fx, &area, 9, &format!("H{k}"), false);
        let (score, exceeded) = board_of(k);
        let common = score * 3 / 10;
        evals.push(
            json!({"board": format!("B-{area}"), "year": 2025, "scheme": scheme_id,
            "scores": {"tieu_chi_chung": common, "ket_qua_nhiem_vu": score - common},
            "tasks": common::tasks(10, 10, 0, exceeded)}),
        );
    }
    fx.front = match scheme {
        Some(s) => json!({"schemes": [s], "board_evaluations": evals}),
        None => json!({"board_evaluations": evals}),
    };
    front_of(&fx, &Policy::default())
}

/// A board's final rank and whether the quota demoted it.
fn rank_of(f: &FrontReport, board: &str) -> (u8, bool) {
    let r = f
        .boards
        .iter()
        .find(|x| x.board == board)
        .and_then(|x| x.rating.as_ref())
        .expect("rated");
    (r.rank, r.quota_demoted)
}

#[test]
fn the_quota_of_a_scheme_demotes_the_lowest_scores_in_its_scope() {
    // Boards 0 and 1 qualify for HTXSNV (95 and 93 points); the others are HTTNV.
    let f = ten_boards("qd366-collective", None, |k| match k {
        0 => (950, 3),
        1 => (930, 3),
        _ => (800, 3),
    });
    let rank = |b: &str| rank_of(&f, b);
    // 2 HTXSNV, 8 HTTNV: floor(20 % × 8) = 1, so the lower of the two is demoted;
    // then 1 ≤ floor(20 % × 9) = 1.
    assert_eq!(rank("B-A0"), (1, false));
    assert_eq!(rank("B-A1"), (2, true));
    assert_eq!(rank("B-A2"), (2, false));
    let x = &f.communes[0];
    assert_eq!((x.commune.as_str(), x.rated), ("X", 10));
    assert_eq!(
        x.by_rank
            .iter()
            .map(|r| (r.rank, r.boards))
            .collect::<Vec<_>>(),
        [(1, 1), (2, 9)]
    );
}

/// Boards 0 (95 points, 3 of 10 tasks exceeded) and 1 (93 points, 5
/// exceeded) qualify for HTXSNV among 10 boards, under a copy of
/// `qd366-collective` whose quota demotes in `order`: the rank and the
/// demotion of each.
fn two_candidates(order: Option<&str>) -> Vec<(u8, bool)> {
    two_candidates_with(order, (950, 3), (930, 5))
}

/// As [`two_candidates`], with the (points, tasks exceeded) of boards 0 and 1.
fn two_candidates_with(order: Option<&str>, a0: (u32, u32), a1: (u32, u32)) -> Vec<(u8, bool)> {
    let mut scheme: Value = serde_json::from_str(
        &presets::scheme("qd366-collective")
            .expect("preset")
            .to_json(),
    )
    .expect("JSON");
    scheme["id"] = json!("custom-366");
    if let Some(o) = order {
        scheme["quota"]["demotion_order"] = json!(o);
    }
    let f = ten_boards("custom-366", Some(scheme), |k| match k {
        0 => a0,
        1 => a1,
        _ => (800, 3),
    });
    ["B-A0", "B-A1"].iter().map(|b| rank_of(&f, b)).collect()
}

#[test]
fn each_demotion_order_breaks_ties_by_its_second_key_then_the_board_id() {
    let (first_down, second_down) = ([(2, true), (1, false)], [(1, false), (2, true)]);
    // Equal scores: the fewest tasks exceeded goes down first.
    for order in [None, Some("lowest_score_first")] {
        assert_eq!(two_candidates_with(order, (950, 3), (950, 5)), first_down);
        assert_eq!(two_candidates_with(order, (950, 5), (950, 3)), second_down);
    }
    // Equal tasks exceeded: the lowest score goes down first.
    let order = Some("fewest_exceeded_first");
    assert_eq!(two_candidates_with(order, (930, 4), (950, 4)), first_down);
    assert_eq!(two_candidates_with(order, (950, 4), (930, 4)), second_down);
    // Equal in both keys: the board with the smaller id goes down first.
    for order in [None, Some("fewest_exceeded_first")] {
        assert_eq!(two_candidates_with(order, (950, 4), (950, 4)), first_down);
    }
}

#[test]
fn the_demotion_order_of_a_schemes_quota_is_a_setting() {
    // front-rating.md §3.2.2 step 8 [U]: by default the lowest score goes first.
    let by_score = [(1, false), (2, true)];
    assert_eq!(two_candidates(None), by_score);
    assert_eq!(two_candidates(Some("lowest_score_first")), by_score);
    // The fewest tasks exceeded first: the 95-point board with 3 goes down.
    assert_eq!(
        two_candidates(Some("fewest_exceeded_first")),
        [(2, true), (1, false)]
    );
}

/// `hoabinh-2017` rescaled to a total of 80 points, normalised to 100 and
/// rounded as `rounding` says.
fn rescaled(rounding: Option<&str>) -> Scheme {
    let mut v: Value =
        serde_json::from_str(&presets::scheme("hoabinh-2017").expect("preset").to_json())
            .expect("JSON");
    v["max_total"] = json!(800);
    v["criteria"][0]["max"] = json!(800);
    v["normalise_to_100"] = json!(true);
    if let Some(r) = rounding {
        v["rounding"] = json!(r);
    }
    Scheme::from_json(&v.to_string()).expect("a valid scheme")
}

#[test]
fn the_rounding_of_a_normalised_score_is_a_setting() {
    // front-rating.md §3.2.2 step 5: to a tenth, half up by default ([U]).
    // 69.8 of 80 is 87.25 of 100; 70.2 of 80 is 87.75; 69.9 of 80 is 87.375.
    let cases = [
        (None, [873, 878, 874]),
        (Some("half_up"), [873, 878, 874]),
        (Some("half_even"), [872, 878, 874]),
        (Some("down"), [872, 877, 873]),
    ];
    for (rounding, expected) in cases {
        let s = rescaled(rounding);
        let got: Vec<u32> = [698, 702, 699]
            .into_iter()
            .map(|raw| s.rate(&hoabinh_eval(raw)).score)
            .collect();
        assert_eq!(got, expected, "{rounding:?}");
    }
    // Without normalisation there is nothing to round: another rounding is refused.
    let mut v: Value =
        serde_json::from_str(&presets::scheme("hoabinh-2017").expect("preset").to_json())
            .expect("JSON");
    assert_eq!(v["normalise_to_100"], Value::Null, "not normalised");
    v["rounding"] = json!("down");
    match Scheme::from_json(&v.to_string()) {
        Err(xeploai::front::scheme::SchemeError::Invalid { problems, .. }) => {
            let found: Vec<(String, String)> = problems
                .iter()
                .map(|p| (p.path.clone(), p.kind.to_string()))
                .collect();
            assert_eq!(
                found,
                [(
                    "rounding".to_owned(),
                    "`rounding` does not apply to a `scheme_not_normalised_to_100`".to_owned()
                )]
            );
        }
        other => panic!("refused for its rounding, not {other:?}"),
    }
    v["rounding"] = json!("half_up");
    assert!(
        Scheme::from_json(&v.to_string()).is_ok(),
        "the default is fine"
    );
    // The setting survives the scheme's JSON; the default is not written.
    let s = rescaled(Some("half_even"));
    assert_eq!(Scheme::from_json(&s.to_json()).expect("reads back"), s);
    assert!(!rescaled(None).to_json().contains("rounding"));
}

/// Commune `X` with `areas` areas and boards; the first `members` heads sit on `MX`.
fn commune_with_heads(areas: usize, members: usize) -> Fx {
    let mut fx = with_front(Fx::new());
    for k in 0..areas {
        let area = format!("A{k:02}");
        fx.units.push(json!({"id": area, "kind": "residential_area", "name": format!("Ấp {k}"), "local_name": "ấp", "parent": "X"}));
        let head = format!("H{k:02}");
        board(&mut fx, &area, 9, &head, false);
        if k < members {
            fx.post(&head, "MX", "front_committee_member");
        }
    }
    fx
}

#[test]
fn thirty_percent_of_the_boards_heads_sit_on_the_commune_committee() {
    // HD 03/HD-MTTW-BTT (2025): ≥ 30 % of the commune's board heads.
    for (areas, members, ok) in [
        (10, 3, true),
        (10, 2, false),
        (7, 3, true),
        (7, 2, false),
        (1, 1, true),
    ] {
        let f = front_of(&commune_with_heads(areas, members), &Policy::default());
        let row = f
            .indicators
            .iter()
            .find(|r| r.metric == Metric::CommitteeBoardHeads && r.unit.as_deref() == Some("X"))
            .expect("a row for X");
        assert_eq!(
            (row.numerator, row.denominator),
            (members as u64, areas as u64)
        );
        let t = f
            .targets
            .iter()
            .find(|t| t.target == "hd03.committee_board_heads")
            .expect("target");
        assert!(t.verified);
        assert_eq!(t.evaluated, 1);
        assert_eq!(t.missed.is_empty(), ok, "{members}/{areas}");
        if !ok {
            assert_eq!(t.missed[0].unit, "MX");
            assert_eq!(
                (t.missed[0].numerator, t.missed[0].denominator),
                (members as u64, areas as u64)
            );
        }
        assert_eq!(meeting_board_heads_rule(&f), (u64::from(ok), 1));
    }
    // Rounding is a setting: with floor, 2 of 7 (30 % = 2.1) suffices.
    let p = with_targets(
        r#"{"id": "t", "metric": "committee_board_heads", "comparator": "at_least", "value": 30, "scope": "unit", "rounding": "floor", "source": "x"}"#,
    );
    let f = front_of(&commune_with_heads(7, 2), &p);
    assert!(f.targets[0].missed.is_empty());
}

/// The row of `metric` over the whole report.
fn total(f: &FrontReport, metric: Metric) -> &xeploai::front::report::IndicatorRow {
    f.indicators
        .iter()
        .find(|r| r.metric == metric && r.scope == xeploai::front::report::RollupScope::Total)
        .expect("a total")
}

/// The (numerator, denominator) of the commune committees meeting the 30 %
/// rule, over the whole report.
fn meeting_board_heads_rule(f: &FrontReport) -> (u64, u64) {
    let t = total(f, Metric::CommitteesMeetingBoardHeadsRule);
    (t.numerator, t.denominator)
}

/// The policy with `targets` (JSON objects) as its only Front targets.
fn with_targets(targets: &str) -> Policy {
    Policy::from_json(&format!(r#"{{"front": {{"targets": [{targets}]}}}}"#)).expect("a policy")
}

#[test]
fn an_at_most_target_is_compared_exactly_unless_a_rounding_is_named() {
    let at_most = r#"{"id": "t", "metric": "committee_board_heads", "comparator": "at_most", "value": 30, "scope": "unit", "source": "x"}"#;
    // 30 % of 7 is 2.1: 2 of 7 is within, 3 of 7 (42.9 %) is over.
    for (members, ok) in [(2, true), (3, false)] {
        let f = front_of(&commune_with_heads(7, members), &with_targets(at_most));
        assert_eq!(f.targets[0].evaluated, 1);
        assert_eq!(f.targets[0].missed.is_empty(), ok, "{members}/7");
    }
    // Rounded up on request, the limit is 3.
    let ceil = at_most.replace(r#""source""#, r#""rounding": "ceil", "source""#);
    let f = front_of(&commune_with_heads(7, 3), &with_targets(&ceil));
    assert!(f.targets[0].missed.is_empty());
}

#[test]
fn the_board_heads_rule_is_the_target_for_the_year() {
    // 3 of 10 heads: under a 50 % target that ended in 2024, not under the
    // 20 % one from 2025, the year rated.
    let targets = [
        r#"{"id": "old", "metric": "committee_board_heads", "comparator": "at_least", "value": 50, "scope": "unit", "to_year": 2024, "source": "x"}"#,
        r#"{"id": "new", "metric": "committee_board_heads", "comparator": "at_least", "value": 20, "scope": "unit", "from_year": 2025, "source": "x"}"#,
    ];
    let f = front_of(
        &commune_with_heads(10, 3),
        &with_targets(&targets.join(",")),
    );
    assert_eq!(meeting_board_heads_rule(&f), (1, 1));
    // No target for the year: HD 03's 30 %, which 3 of 10 meets and 2 of 10
    // does not (the 50 % target would fail both).
    for (heads, met) in [(3, 1), (2, 0)] {
        let f = front_of(&commune_with_heads(10, heads), &with_targets(targets[0]));
        assert_eq!(meeting_board_heads_rule(&f), (met, 1));
    }
}

#[test]
fn the_head_is_the_deputy_secretary_as_of_a_date_across_a_change_of_post() {
    let mut fx = with_front(Fx::new());
    cell_c1(&mut fx);
    board(&mut fx, "A-C1", 10, "P1", true);
    // P1 heads the board until 30 June; the deputy secretary D1 from 1 July.
    fx.posts
        .retain(|p| !(p["person"] == "P1" && p["role"] == "board_head"));
    fx.post("P1", "B-A-C1", "board_head")["to"] = json!("2025-06-30");
    fx.post("D1", "B-A-C1", "board_head")["from"] = json!("2025-07-01");
    fx.units.push(json!({"id": "A-N", "kind": "residential_area", "name": "Ấp Mới", "local_name": "ấp", "parent": "X"}));
    board(&mut fx, "A-N", 9, "HN", false);
    let g = fx.graph();
    let day = |s| parse_iso_date(s).expect("a date");
    let d = HeadDenominator::AreasWithCell;
    assert_eq!(
        head_is_deputy_secretary(&g, "A-C1", day("2025-06-30"), d),
        Some((0, 1))
    );
    assert_eq!(
        head_is_deputy_secretary(&g, "A-C1", day("2025-07-01"), d),
        Some((1, 1))
    );
    // An area without a cell is not applicable, unless every area counts.
    assert_eq!(
        head_is_deputy_secretary(&g, "A-N", day("2025-12-31"), d),
        None
    );
    assert_eq!(
        head_is_deputy_secretary(&g, "A-N", day("2025-12-31"), HeadDenominator::AllAreas),
        Some((0, 1))
    );
    // The report takes 31 December: 1 of 1 area with a cell; the plan's target is met.
    let f = front_of(&fx, &Policy::default());
    let total = f
        .indicators
        .iter()
        .find(|r| r.metric == Metric::BoardHeadIsDeputySecretary && r.unit.is_none())
        .expect("total");
    assert_eq!((total.numerator, total.denominator, total.units), (1, 1, 1));
    let t = f
        .targets
        .iter()
        .find(|t| t.target == "plan2023.board_head_deputy_secretary")
        .expect("target");
    assert!(!t.verified && t.missed.is_empty());
}

/// Cell `C1` rated 85 points (25.5 general + 59.5 tasks), its board rated
/// `board_score` on `hoabinh-2017`, two of its area's models effective.
fn cell_with_board(board_score: u32) -> Fx {
    let mut fx = with_front(Fx::new());
    cell_c1(&mut fx);
    board(&mut fx, "A-C1", 10, "D1", true);
    fx.eval("C1", 850, common::good_tasks());
    fx.front = json!({
        "board_evaluations": [{"board": "B-A-C1", "year": 2025, "scores": {"tong_diem": board_score}}],
        "self_management_models": [
            {"id": "m1", "area": "A-C1", "year": 2025, "field": "public_order", "launched_on": "2020-01-01", "assessment": "effective"},
            {"id": "m2", "area": "A-C1", "year": 2025, "field": "environment", "launched_on": "2021-05-01", "assessment": "effective"}
        ]
    });
    fx
}

#[test]
fn the_cells_front_criterion_reads_the_boards_rank_and_the_models() {
    let hongngu = Policy::preset("hongngu-2023-example").expect("preset");
    // Board "Xuất sắc" (rank 1): 6 points; 2/2 models effective: 4 points.
    let r = cell_with_board(950).rate(&hongngu);
    let c = rated(&r, "C1");
    assert_eq!(c.score, Some(255 + 595 + 100));
    let value = |rule: &str, name: &str| {
        c.findings
            .iter()
            .find(|f| f.rule().id == rule)
            .map(|f| f.named_values()[name])
    };
    assert_eq!(value("front.q12.board_rank", "board_rank"), Some(1));
    assert_eq!(value("front.q12.board_rank", "board_score"), Some(60));
    assert_eq!(value("front.q12.models", "models_score"), Some(40));
    assert_eq!(value("front.q12.task_group", "criterion_score"), Some(100));
    assert_eq!(value("front.q12.task_group", "tasks_score"), Some(695));
    assert!(c.settings.iter().any(|s| s == "front"));
    // The board rated "Khá" (rank 3): 3 points, so the cell loses 3 points.
    let r3 = cell_with_board(700).rate(&hongngu);
    let c3 = rated(&r3, "C1");
    assert_eq!(c3.score, Some(255 + 595 + 70));
    // The explanation says where the points came from.
    let text = r3.explain("C1", Lang::Vi).expect("explained");
    assert!(
        text.contains("Ban công tác Mặt trận xếp hạng 3 → 3 điểm"),
        "{text}"
    );
    assert!(
        text.contains("2/2 mô hình tự quản hiệu quả → 4 điểm"),
        "{text}"
    );
    let en = r3.explain("C1", Lang::En).expect("explained");
    assert!(en.contains("ranked 3 → 3 points"), "{en}");
    // Without the preset, the Front data changes nothing on the party side.
    let plain = cell_with_board(700).rate_default();
    assert_eq!(rated(&plain, "C1").score, Some(850));
    assert!(rated(&plain, "C1")
        .findings
        .iter()
        .all(|f| !f.rule().id.starts_with("front.")));
}

#[test]
fn front_data_does_not_change_the_party_outcomes_under_the_default_policy() {
    let bare = {
        let mut fx = Fx::new();
        cell_c1(&mut fx);
        fx.eval("C1", 850, common::good_tasks());
        for p in ["S1", "D1", "M1"] {
            fx.eval(p, 920, excellent_tasks());
        }
        fx
    };
    let mut with = with_front(bare.clone());
    board(&mut with, "A-C1", 10, "D1", true);
    with.front = cell_with_board(700).front;
    let a = bare.rate_default();
    let b = with.rate_default();
    assert!(a.front.is_none() && b.front.is_some());
    let party = |r: &xeploai::Report| {
        serde_json::to_string(&(&r.outcomes, &r.summaries, &r.quotas, &r.discrepancies))
            .expect("JSON")
    };
    assert_eq!(party(&a), party(&b));
}

#[test]
fn the_front_section_round_trips_through_the_report_json() {
    let r = cell_with_board(700).rate(&Policy::preset("hongngu-2023-example").expect("preset"));
    let back = xeploai::Report::from_json(&r.to_json()).expect("reads back");
    assert_eq!(back, r);
    let f = r.front.as_ref().expect("front");
    assert_eq!(f.schemes[0].id, "hoabinh-2017");
    assert!(!f.schemes[0].illustrative);
}

/// The commune committee `MX` with `members` persons holding `front_committee_member`.
fn committee_of(members: usize) -> Fx {
    let mut fx = with_front(Fx::new());
    fx.units.push(json!({"id": "A00", "kind": "residential_area", "name": "Ấp 0", "local_name": "ấp", "parent": "X"}));
    board(&mut fx, "A00", 9, "H00", false);
    for k in 0..members {
        let id = format!("U{k:03}");
        fx.people
            .push(json!({"id": id, "name": format!("Ủy viên {k}")}));
        fx.post(&id, "MX", "front_committee_member");
    }
    fx
}

#[test]
fn a_commune_front_committee_has_50_to_70_members() {
    // front-rating.md §1.2 R1.2a [V]: HD 03/HD-MTTW-BTT (2025), 50–70 members.
    for (members, ok) in [(49, false), (50, true), (70, true), (71, false)] {
        let f = front_of(&committee_of(members), &Policy::default());
        let row = f
            .indicators
            .iter()
            .find(|r| r.metric == Metric::CommitteeSizeInRange && r.unit.as_deref() == Some("X"))
            .expect("a row for X");
        assert_eq!(
            (row.numerator, row.denominator),
            (u64::from(ok), 1),
            "{members}"
        );
        let t = f
            .targets
            .iter()
            .find(|t| t.target == "hd03.committee_size")
            .expect("target");
        assert!(t.verified);
        assert_eq!(t.evaluated, 1);
        assert_eq!(t.missed.is_empty(), ok, "{members}");
        if !ok {
            assert_eq!(t.missed[0].unit, "MX");
        }
    }
    // The provincial committee is not observed.
    let f = front_of(&committee_of(60), &Policy::default());
    assert_eq!(total(&f, Metric::CommitteeSizeInRange).units, 1);
    // The limits are settings.
    let p = Policy::from_json(r#"{"front": {"committee_min_size": 40, "committee_max_size": 45}}"#)
        .expect("a policy");
    let f = front_of(&committee_of(45), &p);
    let t = f
        .targets
        .iter()
        .find(|t| t.target == "hd03.committee_size")
        .expect("target");
    assert!(t.missed.is_empty());
}

/// One area `A00` with a board, and its record for the year with a survey.
fn surveyed(households: u32, returned: u32, valid: u32, satisfied: u32) -> Fx {
    let mut fx = with_front(Fx::new());
    fx.units.push(json!({"id": "A00", "kind": "residential_area", "name": "Ấp 0", "local_name": "ấp", "parent": "X"}));
    board(&mut fx, "A00", 9, "H00", false);
    fx.front = json!({"area_years": [{"area": "A00", "year": YEAR, "households": households,
        "survey": {"ballots_returned": returned, "valid_ballots": valid, "satisfied": satisfied}}]});
    fx
}

#[test]
fn the_survey_thresholds_of_s2_are_settings() {
    // front-rating.md §4.5 S2 [V]: Hải Dương 2018, more than 60 % of households
    // surveyed and more than 80 % satisfied (the defaults).
    for (returned, satisfied, ids, passed) in [
        (61, 49, [true, true], true),
        (60, 49, [false, true], false),
        (61, 48, [true, false], false),
    ] {
        let f = front_of(&surveyed(100, returned, 60, satisfied), &Policy::default());
        let a = f.areas.iter().find(|a| a.area == "A00").expect("the area");
        let got: Vec<bool> = a
            .survey_checks
            .iter()
            .map(|c| c.status == CheckStatus::Met)
            .collect();
        assert_eq!(got, ids, "{returned} {satisfied}");
        assert_eq!(
            a.survey_checks[0].finding.rule().id,
            "front.s2.coverage_more_than"
        );
        assert_eq!(
            a.survey_checks[1].finding.rule().id,
            "front.s2.satisfaction_more_than"
        );
        assert_eq!(a.survey_passed, Some(passed));
        let row = f
            .indicators
            .iter()
            .find(|r| r.metric == Metric::SurveyPassed && r.unit.as_deref() == Some("X"))
            .expect("a row for X");
        assert_eq!((row.numerator, row.denominator), (u64::from(passed), 1));
    }
    // Tây Ninh 2019: at least 70 % of households.
    let p = Policy::from_json(
        r#"{"front": {"survey": {"coverage_percent": 70, "coverage_strict": false}}}"#,
    )
    .expect("a policy");
    let f = front_of(&surveyed(100, 70, 70, 57), &p);
    let a = f.areas.iter().find(|a| a.area == "A00").expect("the area");
    assert_eq!(
        a.survey_checks[0].finding.rule().id,
        "front.s2.coverage_at_least"
    );
    assert_eq!(a.survey_checks[0].status, CheckStatus::Met);
    assert_eq!(a.survey_passed, Some(true));
    let f = front_of(&surveyed(100, 69, 69, 60), &p);
    let a = f.areas.iter().find(|a| a.area == "A00").expect("the area");
    assert_eq!(a.survey_passed, Some(false));
}

#[test]
fn a_model_residential_area_meets_all_ten_criteria() {
    // front-rating.md §4.2 T5 [V]: Hà Tĩnh 2014, 10 criteria, all must pass
    // (boolean AND), and the commune's applicable new-rural criteria.
    let all: Vec<u8> = (1..=10).collect();
    for (criteria, commune, passed) in [
        (all.clone(), true, true),
        (all[..9].to_vec(), true, false),
        (all.clone(), false, false),
    ] {
        let mut fx = surveyed(100, 70, 70, 60);
        fx.front["area_years"][0]["model_area"] =
            json!({"criteria_met": criteria, "commune_criteria_met": commune});
        let f = front_of(&fx, &Policy::default());
        let a = f.areas.iter().find(|a| a.area == "A00").expect("the area");
        let m = a.model_area.as_ref().expect("assessed");
        assert_eq!(m.passed, passed);
        assert_eq!(m.checks.len(), 11);
        assert_eq!(m.checks[0].finding.rule().id, "front.t5.criterion");
        assert_eq!(m.checks[10].finding.rule().id, "front.t5.commune_criteria");
        let failed: Vec<usize> = m
            .checks
            .iter()
            .enumerate()
            .filter(|(_, c)| c.status == CheckStatus::Failed)
            .map(|(i, _)| i)
            .collect();
        assert_eq!(failed.is_empty(), passed);
        let row = f
            .indicators
            .iter()
            .find(|r| r.metric == Metric::ModelAreaPassed && r.unit.as_deref() == Some("X"))
            .expect("a row for X");
        assert_eq!((row.numerator, row.denominator), (u64::from(passed), 1));
    }
    // A criterion number outside 1–10 is a validation problem with its path.
    let mut fx = surveyed(100, 70, 70, 60);
    fx.front["area_years"][0]["model_area"] =
        json!({"criteria_met": [1, 11], "commune_criteria_met": true});
    let report = xeploai::validate::validate(&fx.dataset());
    let got: Vec<_> = report.errors().map(|p| (p.path(), p.code())).collect();
    assert_eq!(
        got,
        [(
            "front.area_years[0].model_area.criteria_met[1]".to_owned(),
            "out_of_range"
        )]
    );
}

#[test]
fn the_cultured_family_certificate_needs_three_consecutive_years_not_counted_twice() {
    // front-rating.md §4.2 T4 [V]: the "Gia đình văn hóa" certificate of merit
    // is for 3 consecutive years, and a year is not counted twice.
    let rec = |year: i32, hh: &[&str]| {
        json!({"area": "A00", "year": year, "households": 10, "cultured_families": hh.len(),
            "cultured_family_households": hh})
    };
    let mut fx = surveyed(10, 7, 7, 6);
    fx.front = json!({"area_years": [
        rec(YEAR - 5, &["h1"]),
        rec(YEAR - 4, &["h1"]),
        rec(YEAR - 3, &["h1", "h3"]),
        rec(YEAR - 2, &["h1", "h2", "h3"]),
        rec(YEAR - 1, &["h1", "h2"]),
        rec(YEAR, &["h1", "h2", "h3"]),
    ]});
    let f = front_of(&fx, &Policy::default());
    let a = f.areas.iter().find(|a| a.area == "A00").expect("the area");
    let c = a.family_certificates.as_ref().expect("listed");
    // h1: YEAR-5..YEAR-3 earned one; YEAR-2..YEAR is the next run of three.
    // h2: YEAR-2..YEAR. h3: YEAR-3, YEAR-2, then a gap.
    assert_eq!(c.households, ["h1", "h2"]);
    assert_eq!(c.finding.rule().id, "front.t4.family_certificate");
    let mut fx2 = fx.clone();
    fx2.front["area_years"][5] = rec(YEAR, &["h1", "h1"]);
    let report = xeploai::validate::validate(&fx2.dataset());
    let got: Vec<_> = report.errors().map(|p| (p.path(), p.code())).collect();
    assert_eq!(
        got,
        [(
            "front.area_years[5].cultured_family_households[1]".to_owned(),
            "duplicate_id"
        )]
    );
}

#[test]
fn the_peoples_inspection_board_sizes_of_b1_and_b2() {
    use xeploai::front::composition::inspection_board;
    use xeploai::front::data::InspectionBoard;
    // front-rating.md §4.6 B1 [V] (NĐ 59/2023, from 15/8/2023): as many members
    // as the commune's villages and blocks, at least 5.
    for (areas, members, ok) in [(7, 7, true), (7, 6, false), (3, 5, true), (3, 3, false)] {
        let mut fx = commune_with_heads(areas, 0);
        fx.front = json!({"committee_years": [{"committee": "MX", "year": YEAR,
            "inspection_board": {"members": members}}]});
        let f = front_of(&fx, &Policy::default());
        let row = f
            .indicators
            .iter()
            .find(|r| r.metric == Metric::InspectionBoardSize && r.unit.as_deref() == Some("X"))
            .expect("a row for X");
        assert_eq!(
            (row.numerator, row.denominator),
            (u64::from(ok), 1),
            "{areas} {members}"
        );
    }
    let day = |s| parse_iso_date(s).unwrap();
    let b = |members, population, upland| InspectionBoard {
        members,
        population,
        upland,
    };
    let c = inspection_board(&b(9, None, false), 9, day("2023-08-15"));
    assert_eq!(c.finding.rule().id, "front.b1.inspection_board");
    assert_eq!(c.status, CheckStatus::Met);
    // B2 [V] (NĐ 159/2016, until 14/8/2023): plains by population, upland one per village (≤ 11).
    let before = day("2022-12-31");
    for (members, population, ok) in [
        (5, 4_999, true),
        (7, 4_999, true),
        (9, 4_999, false),
        (7, 5_000, true),
        (9, 8_999, true),
        (5, 5_000, false),
        (9, 9_000, true),
        (11, 20_000, true),
        (7, 9_000, false),
    ] {
        let c = inspection_board(&b(members, Some(population), false), 4, before);
        assert_eq!(c.finding.rule().id, "front.b2.inspection_board_plains");
        assert_eq!(c.status == CheckStatus::Met, ok, "{members} {population}");
    }
    let c = inspection_board(&b(11, None, true), 14, before);
    assert_eq!(c.finding.rule().id, "front.b2.inspection_board_upland");
    assert_eq!(c.status, CheckStatus::Met);
    assert_eq!(
        inspection_board(&b(6, None, true), 5, before).status,
        CheckStatus::Failed
    );
    assert_eq!(
        inspection_board(&b(7, None, false), 5, before).status,
        CheckStatus::NotApplicable
    );
}

#[test]
fn heads_of_party_committees_receive_citizens_each_month() {
    // front-rating.md §5.2 G1 [V] (QĐ 11-QĐi/TW): the provincial head ≥ 1 day a
    // month, the commune head ≥ 2 days a month; G2 (KL 215-KL/TW): province and
    // commune only.
    let mut fx = surveyed(10, 7, 7, 6);
    fx.front["party_committee_years"] = json!([
        {"committee": "PC", "year": YEAR, "reception_days": [1, 1, 0, 2, 1, 1, 1, 1, 1, 1, 1, 1]},
        {"committee": "G", "year": YEAR, "reception_days": [2, 2, 1, 3, 2, 2, 2, 2, 2, 2, 2, 2]}
    ]);
    let f = front_of(&fx, &Policy::default());
    let unit_row = |unit: &str| {
        f.indicators
            .iter()
            .find(|r| r.metric == Metric::ReceptionMonths && r.unit.as_deref() == Some(unit))
            .map(|r| (r.numerator, r.denominator))
            .expect("a row")
    };
    // The commune roll-up holds G (11 of 12 months); the province's holds both.
    assert_eq!(unit_row("X"), (11, 12));
    assert_eq!(unit_row("T"), (22, 24));
    let t = f
        .targets
        .iter()
        .find(|t| t.target == "qd11.reception_days")
        .expect("target");
    assert!(t.verified);
    assert_eq!((t.evaluated, t.met), (2, 0));
    // The minimum days are settings.
    let p = Policy::from_json(r#"{"front": {"reception_min_days_commune": 1}}"#).expect("a policy");
    let f = front_of(&fx, &p);
    let t = f
        .targets
        .iter()
        .find(|t| t.target == "qd11.reception_days")
        .expect("target");
    assert_eq!(t.missed.len(), 1);
    assert_eq!(t.missed[0].unit, "PC");
    // More than 12 months is a validation problem.
    fx.front["party_committee_years"][0]["reception_days"] = json!(vec![1; 13]);
    let report = xeploai::validate::validate(&fx.dataset());
    let got: Vec<_> = report.errors().map(|p| (p.path(), p.code())).collect();
    assert_eq!(
        got,
        [(
            "front.party_committee_years[0].reception_days".to_owned(),
            "out_of_range"
        )]
    );
}

/// front-rating.md §1.2 R1.2c [V] (HD 03/HD-MTTW-BTT 2025): commune Front
/// chairs on the provincial committee number at least 50 % of the province's
/// communes. Commune `X` (committee `MX`, chair `CX`) and commune `X2`
/// (committee `MX2`, chair `CX2`); `on` lists the chairs who are members of the
/// provincial committee `MT`.
fn province_chairs(on: &[&str]) -> xeploai::front::report::FrontReport {
    let mut fx = with_front(Fx::new());
    fx.units.push(json!({"id": "A00", "kind": "residential_area", "name": "Ấp 0", "local_name": "ấp", "parent": "X"}));
    board(&mut fx, "A00", 9, "H00", false);
    fx.units
        .push(json!({"id": "X2", "kind": "commune", "name": "Xã Tân Phú", "parent": "T"}));
    fx.units.push(json!({"id": "MX2", "kind": "front_committee", "name": "Ủy ban MTTQ xã Tân Phú", "level": "commune", "parent": "MT", "area": "X2"}));
    for (chair, committee) in [("CX", "MX"), ("CX2", "MX2")] {
        fx.people
            .push(json!({"id": chair, "name": format!("Chủ tịch {committee}")}));
        fx.post(chair, committee, "front_committee_chair");
        if on.contains(&chair) {
            fx.post(chair, "MT", "front_committee_member");
        }
    }
    front_of(&fx, &Policy::default())
}

#[test]
fn commune_front_chairs_on_the_provincial_committee_r1_2c() {
    for (on, numerator, met) in [
        (&[][..], 0, false),
        (&["CX"][..], 1, true), // 1 of 2 communes: exactly 50 %
        (&["CX", "CX2"][..], 2, true),
    ] {
        let f = province_chairs(on);
        let row = f
            .indicators
            .iter()
            .find(|r| r.metric == Metric::ProvinceCommuneChairs && r.unit.as_deref() == Some("T"))
            .expect("a row for the province");
        assert_eq!((row.numerator, row.denominator), (numerator, 2), "{on:?}");
        let t = f
            .targets
            .iter()
            .find(|t| t.target == "hd03.province_chairs")
            .expect("target");
        assert!(t.verified);
        assert_eq!(t.evaluated, 1, "{on:?}");
        assert_eq!(t.missed.is_empty(), met, "{on:?}");
        if !met {
            assert_eq!(t.missed[0].unit, "MT");
        }
    }
    // The chair is a single-holder post: a second chair of `MX` at the same
    // time is reported (`concurrent_holders`, a warning like the other heads).
    let mut fx = with_front(Fx::new());
    for chair in ["CX", "CY"] {
        fx.people.push(json!({"id": chair, "name": "Chủ tịch"}));
        fx.post(chair, "MX", "front_committee_chair");
    }
    let g = xeploai::OrgGraph::build(fx.dataset()).expect("valid, with a warning");
    assert!(g
        .warnings()
        .problems()
        .iter()
        .any(|p| p.kind().code() == "concurrent_holders"));
}
