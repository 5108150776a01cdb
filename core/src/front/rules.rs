//! The rules of the Front side as data: a stable id, the citation, the
//! confidence of the source (front-rating.md tags) and the messages in
//! Vietnamese and English. Scheme-specific labels (criteria, bands) live in the
//! scheme; these rules name the step of the procedure and the check.

use crate::explain::{Citation, RuleDef, Tag};

/// Defines a rule as a `pub static RuleDef` (as the party side's `rule!`).
macro_rules! front_rule {
    ($name:ident, $id:literal, $cite:expr, $tag:ident, [$($v:literal),*], $vi:literal, $en:literal) => {
        #[doc = $en]
        pub static $name: RuleDef = RuleDef { id: $id, citation: $cite, tag: Tag::$tag, values: &[$($v),*], vi: $vi, en: $en };
    };
}

/// The 2016 central guidance on the model regulation of the BCTMT, as presented
/// at the 2016 national training (front-rating.md D2, D4).
pub const HD52: &str = "Hướng dẫn 52/HD-MTTW-BTT (2016), quy chế mẫu Ban công tác Mặt trận";
/// The procedure of front-rating.md §3.2.2 (the shape the sources agree on).
pub const PROCEDURE: &str = "xeploai front-rating.md §3.2.2 (thủ tục chấm điểm, xếp loại)";
/// Guidance 03 of the Central Front standing board on the 2025–2030 congresses.
pub const HD03: &str = "Hướng dẫn 03/HD-MTTW-BTT (28/7/2025)";
/// Resolution 04 of the Central Front committee (1/8/2003) on the festival day.
pub const NQ04: &str = "Nghị quyết 04/NQ-MTTW (01/8/2003)";
/// The central guidance on the festival at the residential area.
pub const FESTIVAL: &str = "Hướng dẫn tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư (Ban Thường trực UBTW MTTQ Việt Nam)";
/// The 2023–2027 coordination plans (no primary text found, front-rating.md §6).
pub const PLAN_2023: &str = "Kế hoạch phối hợp nâng cao vai trò lãnh đạo của chi bộ đối với Ban công tác Mặt trận giai đoạn 2023–2027";
/// The satisfaction-survey thresholds of front-rating.md §4.5 S2 (the
/// defaults are Hải Dương's, 2018).
pub const SURVEY: &str = "Ngưỡng lấy ý kiến sự hài lòng (front-rating.md §4.5 S2; mặc định Hải Dương 2018, daidoanket.vn 01/08/2018)";
/// The criteria of a model new-rural residential area, Hà Tĩnh 2014 (front-rating.md §4.2 T5).
pub const MODEL_AREA: &str = "Bộ tiêu chí Khu dân cư nông thôn mới kiểu mẫu, tỉnh Hà Tĩnh (2014)";
/// The consecutive-years rule of the "Gia đình văn hóa" certificate (front-rating.md §4.2 T4).
pub const FAMILY_CERTIFICATE: &str =
    "Giấy khen Gia đình văn hóa: 3 năm liên tục, không tính trùng năm (baochinhphu.vn 24/11/2023)";
/// The decree on the People's Inspection Board in force from 15/8/2023 (B1).
pub const ND59: &str = "Nghị định 59/2023/NĐ-CP (14/8/2023), Luật Thực hiện dân chủ ở cơ sở 2022";
/// The decree on the People's Inspection Board until 14/8/2023 (B2).
pub const ND159: &str = "Nghị định 159/2016/NĐ-CP";
/// The rule on citizen reception by heads of party committees (G1) and its amendment (G2).
pub const QD11: &str =
    "Quy định 11-QĐi/TW (18/2/2019), sửa đổi bởi Kết luận 215-KL/TW (23/11/2025)";
/// The Hồng Ngự example of such a plan (an example, not its text).
pub const HONGNGU: &str =
    "Kế hoạch phối hợp giai đoạn 2023–2027 (Hồng Ngự, ví dụ; chưa có văn bản gốc)";

front_rule!(
    SIZE,
    "front.o2.size",
    Citation::doc(HD52),
    Verified,
    ["members", "min", "max", "as_of_date"],
    "Ban công tác Mặt trận có {members} thành viên ngày {as_of_date}; quy định từ {min} đến {max}",
    "the Front work board has {members} members on {as_of_date}; from {min} to {max} required"
);
front_rule!(
    HEAD,
    "front.o3.head",
    Citation::doc(HD52),
    Verified,
    ["heads", "as_of_date"],
    "Ban có {heads} Trưởng ban ngày {as_of_date}; cần đúng 1",
    "the board has {heads} heads on {as_of_date}; exactly 1 required"
);
front_rule!(
    DEPUTIES,
    "front.o3.deputies",
    Citation::doc(HD52),
    Partial,
    ["deputies", "min", "max", "as_of_date"],
    "Ban có {deputies} Phó Trưởng ban ngày {as_of_date}; thiết lập từ {min} đến {max}",
    "the board has {deputies} deputy heads on {as_of_date}; the setting is {min} to {max}"
);
front_rule!(
    CELL_REPRESENTATIVE,
    "front.o4a.cell_committee",
    Citation::doc(HD52),
    Verified,
    ["as_of_date"],
    "có đại diện chi ủy chi bộ khu dân cư trong Ban (ngày {as_of_date})",
    "a representative of the area cell's committee sits on the board (on {as_of_date})"
);
front_rule!(
    NO_CELL,
    "front.o4a.no_cell",
    Citation::doc(HD52),
    Verified,
    ["as_of_date"],
    "khu dân cư không có chi bộ ngày {as_of_date}: không áp dụng yêu cầu đại diện chi ủy",
    "the area has no cell on {as_of_date}: the cell-committee representative does not apply"
);
front_rule!(
    BRANCH_HEAD,
    "front.o4b.branch_head",
    Citation::doc(HD52),
    Verified,
    ["as_of_date"],
    "người đứng đầu chi hội đoàn thể ở khu dân cư là thành viên Ban (ngày {as_of_date})",
    "the head of the area's mass-organisation branch sits on the board (on {as_of_date})"
);

front_rule!(
    CRITERION_MISSING,
    "front.scheme.criterion_missing",
    Citation::doc(PROCEDURE),
    Derived,
    ["criterion_no", "max_score"],
    "không có điểm tiêu chí thứ {criterion_no} (tối đa {max_score}): tính 0 điểm",
    "no score for criterion {criterion_no} (max {max_score}): counted as 0"
);
front_rule!(CRITERION_CLAMPED, "front.scheme.criterion_clamped", Citation::doc(PROCEDURE), Derived, ["criterion_no", "claimed_score", "max_score"],
    "tiêu chí thứ {criterion_no} chấm {claimed_score}, vượt mức tối đa {max_score}: tính {max_score}",
    "criterion {criterion_no} scored {claimed_score}, above its maximum {max_score}: counted as {max_score}");
front_rule!(
    BONUS_CAPPED,
    "front.scheme.bonus_capped",
    Citation::doc(PROCEDURE),
    Derived,
    ["claimed_score", "max_score"],
    "điểm thưởng đề nghị {claimed_score}, tối đa {max_score}",
    "bonus claimed {claimed_score}, capped at {max_score}"
);
front_rule!(
    DEDUCTION,
    "front.scheme.deduction",
    Citation::doc(PROCEDURE),
    Derived,
    ["deduction_no", "points_score"],
    "điểm trừ thứ {deduction_no}: trừ {points_score} điểm",
    "deduction {deduction_no}: {points_score} points deducted"
);
front_rule!(
    NORMALISED,
    "front.scheme.normalised",
    Citation::doc(PROCEDURE),
    Unverified,
    ["raw_score", "max_total_score", "score"],
    "quy đổi {raw_score}/{max_total_score} về thang 100: {score} điểm (làm tròn theo cách của thang điểm)",
    "{raw_score}/{max_total_score} scaled to 100: {score} points (rounded as the scheme says)"
);
front_rule!(
    TOTAL,
    "front.scheme.total",
    Citation::doc(PROCEDURE),
    Derived,
    ["base_score", "bonus_score", "deducted_score", "score"],
    "tổng điểm tiêu chí {base_score} + thưởng {bonus_score} − trừ {deducted_score} = {score} điểm",
    "criteria {base_score} + bonus {bonus_score} − deductions {deducted_score} = {score} points"
);
front_rule!(
    BAND,
    "front.scheme.band",
    Citation::doc(PROCEDURE),
    Derived,
    ["score", "rank"],
    "đạt {score} điểm: khung xếp loại hạng {rank} của thang điểm",
    "scored {score}: the band of rank {rank} of the scheme"
);
front_rule!(GATE, "front.scheme.gate", Citation::doc(PROCEDURE), Derived, ["rank", "gate_no"],
    "điều kiện bắt buộc thứ {gate_no} của hạng {rank}: không đạt thì hạ một hạng (0: mọi điều kiện đạt)",
    "mandatory condition {gate_no} of rank {rank}: if not met, one rank down (0: every condition met)");
front_rule!(
    VETO,
    "front.scheme.veto",
    Citation::doc(PROCEDURE),
    Derived,
    ["veto_no", "rank"],
    "điểm liệt thứ {veto_no}: xếp hạng thấp nhất ({rank})",
    "veto condition {veto_no}: the lowest rank ({rank})"
);
front_rule!(QUOTA_DEMOTED, "front.scheme.quota_demoted", Citation::doc(PROCEDURE), Unverified, ["rank", "cap", "candidates", "percent"],
    "số đạt hạng {rank} vượt {percent}% số hạng kế tiếp trong phạm vi ({candidates} đạt, tối đa {cap}): hạ một hạng (theo thứ tự hạ của thang điểm)",
    "more than {percent}% of the next rank reached rank {rank} in the scope ({candidates} reached it, at most {cap}): one rank down (in the scheme's demotion order)");

front_rule!(
    FESTIVAL_NOT_HELD,
    "front.f1.not_held",
    Citation::doc(NQ04),
    Verified,
    [],
    "khu dân cư không tổ chức Ngày hội Đại đoàn kết toàn dân tộc trong năm",
    "the area did not hold the Great Unity Festival this year"
);
front_rule!(
    FESTIVAL_WINDOW,
    "front.f2.window",
    Citation::doc(FESTIVAL),
    Verified,
    ["held_date", "from_date", "to_date"],
    "Ngày hội tổ chức ngày {held_date}; quy định trong khoảng {from_date} đến {to_date}",
    "the festival was held on {held_date}; the window is {from_date} to {to_date}"
);
front_rule!(
    FESTIVAL_CEREMONY,
    "front.f3.ceremony",
    Citation::doc(FESTIVAL),
    Verified,
    [],
    "phần lễ: báo cáo kết quả cuộc vận động, khen thưởng, phát động thi đua",
    "the ceremony: the campaign's results reported, commendations, emulation launched"
);
front_rule!(
    FESTIVAL_FESTIVITIES,
    "front.f3.festivities",
    Citation::doc(FESTIVAL),
    Verified,
    [],
    "phần hội: hoạt động văn hóa, thể thao, trò chơi dân gian",
    "the festivities: culture, sport, folk games"
);
front_rule!(MODEL_TOO_NEW, "front.m4.too_new", Citation::doc("xeploai front-rating.md §4.4 (M4)"), Unverified, ["launched_date", "months"],
    "mô hình triển khai ngày {launched_date}, chưa đủ {months} tháng: mới triển khai, chưa đánh giá",
    "the model was launched on {launched_date}, less than {months} months ago: too new to assess");

front_rule!(
    SURVEY_COVERAGE_ABOVE,
    "front.s2.coverage_more_than",
    Citation::doc(SURVEY),
    Verified,
    ["returned", "households", "percent"],
    "lấy ý kiến {returned}/{households} hộ; quy định trên {percent}% số hộ",
    "{returned}/{households} households surveyed; more than {percent} % required"
);
front_rule!(
    SURVEY_COVERAGE_AT_LEAST,
    "front.s2.coverage_at_least",
    Citation::doc(SURVEY),
    Verified,
    ["returned", "households", "percent"],
    "lấy ý kiến {returned}/{households} hộ; quy định ít nhất {percent}% số hộ",
    "{returned}/{households} households surveyed; at least {percent} % required"
);
front_rule!(
    SURVEY_SATISFACTION_ABOVE,
    "front.s2.satisfaction_more_than",
    Citation::doc(SURVEY),
    Verified,
    ["satisfied", "valid", "percent"],
    "{satisfied}/{valid} phiếu hợp lệ hài lòng; quy định trên {percent}%",
    "{satisfied}/{valid} valid ballots satisfied; more than {percent} % required"
);
front_rule!(
    SURVEY_SATISFACTION_AT_LEAST,
    "front.s2.satisfaction_at_least",
    Citation::doc(SURVEY),
    Verified,
    ["satisfied", "valid", "percent"],
    "{satisfied}/{valid} phiếu hợp lệ hài lòng; quy định ít nhất {percent}%",
    "{satisfied}/{valid} valid ballots satisfied; at least {percent} % required"
);

front_rule!(
    MODEL_AREA_CRITERION,
    "front.t5.criterion",
    Citation::doc(MODEL_AREA),
    Verified,
    ["criterion_no"],
    "khu dân cư nông thôn mới kiểu mẫu: tiêu chí thứ {criterion_no} (phải đạt cả 10 tiêu chí)",
    "model new-rural residential area: criterion {criterion_no} (all 10 must be met)"
);
front_rule!(
    MODEL_AREA_COMMUNE,
    "front.t5.commune_criteria",
    Citation::doc(MODEL_AREA),
    Verified,
    [],
    "khu dân cư nông thôn mới kiểu mẫu: đạt các tiêu chí nông thôn mới của xã áp dụng ở thôn",
    "model new-rural residential area: the commune's applicable new-rural criteria met at the area"
);

front_rule!(FAMILY_CERTIFICATES, "front.t4.family_certificate", Citation::doc(FAMILY_CERTIFICATE), Verified, ["certified", "recognised", "years"],
    "{certified}/{recognised} gia đình văn hóa năm nay đạt danh hiệu {years} năm liên tục (không tính trùng năm): đủ điều kiện giấy khen",
    "{certified}/{recognised} cultured families of the year held the title {years} consecutive years (no year counted twice): a certificate of merit");

front_rule!(INSPECTION_BOARD, "front.b1.inspection_board", Citation::doc(ND59), Verified, ["members", "required", "areas"],
    "Ban Thanh tra nhân dân có {members} thành viên; theo số thôn, tổ dân phố của xã ({areas}) và ít nhất 5: {required}",
    "the People's Inspection Board has {members} members; the number of the commune's villages and blocks ({areas}), at least 5: {required}");
front_rule!(INSPECTION_BOARD_UPLAND, "front.b2.inspection_board_upland", Citation::doc(ND159), Verified, ["members", "required", "areas"],
    "Ban Thanh tra nhân dân xã miền núi, trung du, hải đảo có {members} thành viên; mỗi thôn 1 thành viên ({areas} thôn), tối đa 11: {required}",
    "the mountain, midland or island commune's People's Inspection Board has {members} members; one per village ({areas}), at most 11: {required}");
front_rule!(INSPECTION_BOARD_PLAINS, "front.b2.inspection_board_plains", Citation::doc(ND159), Verified, ["members", "population", "low", "high"],
    "Ban Thanh tra nhân dân xã {population} dân có {members} thành viên; quy định {low} hoặc {high}",
    "the People's Inspection Board of a commune of {population} people has {members} members; {low} or {high} required");
front_rule!(INSPECTION_BOARD_NO_POPULATION, "front.b2.no_population", Citation::doc(ND159), Derived, ["members"],
    "Ban Thanh tra nhân dân có {members} thành viên; không có số dân của xã: không áp dụng",
    "the People's Inspection Board has {members} members; the commune's population is not recorded: not applicable");

front_rule!(
    CELL_CRITERION,
    "front.q12.board_rank",
    Citation::doc(HONGNGU),
    Unverified,
    ["board_rank", "board_score"],
    "tiêu chí công tác Mặt trận: Ban công tác Mặt trận xếp hạng {board_rank} → {board_score} điểm",
    "the Front criterion: the Front work board ranked {board_rank} → {board_score} points"
);
front_rule!(CELL_CRITERION_MODELS, "front.q12.models", Citation::doc(HONGNGU), Unverified, ["effective", "models", "models_score"],
    "tiêu chí công tác Mặt trận: {effective}/{models} mô hình tự quản hiệu quả → {models_score} điểm",
    "the Front criterion: {effective}/{models} self-management models effective → {models_score} points");
front_rule!(
    CELL_CRITERION_NO_BOARD,
    "front.q12.no_board_rating",
    Citation::doc(HONGNGU),
    Unverified,
    [],
    "Ban công tác Mặt trận của khu dân cư chưa được xếp loại: phần điểm theo xếp loại Ban là 0",
    "the area's Front work board is not rated: its part of the criterion scores 0"
);
front_rule!(CELL_CRITERION_TASKS, "front.q12.task_group", Citation::doc(HONGNGU), Unverified, ["other_score", "other_max_score", "criterion_score", "tasks_score"],
    "nhóm kết quả thực hiện nhiệm vụ = các tiêu chí khác {other_score} (tối đa {other_max_score}) + tiêu chí công tác Mặt trận {criterion_score} = {tasks_score} (ví dụ Hồng Ngự)",
    "the task group = the other criteria {other_score} (max {other_max_score}) + the Front criterion {criterion_score} = {tasks_score} (the Hồng Ngự example)");

/// Every rule of the Front side.
pub static RULES: &[&RuleDef] = &[
    &SIZE,
    &HEAD,
    &DEPUTIES,
    &CELL_REPRESENTATIVE,
    &NO_CELL,
    &BRANCH_HEAD,
    &CRITERION_MISSING,
    &CRITERION_CLAMPED,
    &BONUS_CAPPED,
    &DEDUCTION,
    &NORMALISED,
    &TOTAL,
    &BAND,
    &GATE,
    &VETO,
    &QUOTA_DEMOTED,
    &FESTIVAL_NOT_HELD,
    &FESTIVAL_WINDOW,
    &FESTIVAL_CEREMONY,
    &FESTIVAL_FESTIVITIES,
    &MODEL_TOO_NEW,
    &SURVEY_COVERAGE_ABOVE,
    &SURVEY_COVERAGE_AT_LEAST,
    &SURVEY_SATISFACTION_ABOVE,
    &SURVEY_SATISFACTION_AT_LEAST,
    &MODEL_AREA_CRITERION,
    &MODEL_AREA_COMMUNE,
    &FAMILY_CERTIFICATES,
    &INSPECTION_BOARD,
    &INSPECTION_BOARD_UPLAND,
    &INSPECTION_BOARD_PLAINS,
    &INSPECTION_BOARD_NO_POPULATION,
    &CELL_CRITERION,
    &CELL_CRITERION_MODELS,
    &CELL_CRITERION_NO_BOARD,
    &CELL_CRITERION_TASKS,
];
