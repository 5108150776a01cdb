//! `qd366-collective`: the party-system scheme for a collective, Quy định
//! 366-QĐ/TW, Điều 10 (30 general + 70 task points) and Điều 11 (front-rating.md
//! E6, [V]): HTXSNV ≥ 90 with 100 % of tasks on time, ≥ 30 % exceeding and no
//! member of the leadership collective disciplined; HTTNV 70–89.9 with 100 % on
//! time; HTNV 50–69.9 with every task done and at most 20 % late; KHTNV under 50.
//! A KHTNV trigger of Điều 11 khoản 4 điểm 4.1 is a veto. The quota (HTXSNV at
//! most 20 % of HTTNV per commune) is [U] for collectives (E7).

/// The scheme's id.
pub const ID: &str = "qd366-collective";

/// The scheme.
pub const JSON: &str = r#"{
  "id": "qd366-collective",
  "title_vi": "Khung đánh giá tập thể theo thang điểm 100 (Quy định 366-QĐ/TW)",
  "title_en": "The 100-point collective framework (Quy định 366-QĐ/TW)",
  "source": "Quy định 366-QĐ/TW, Điều 10 và Điều 11",
  "status": "verified",
  "subject": "collective",
  "from_year": 2025,
  "max_total": 1000,
  "criteria": [
    {"code": "tieu_chi_chung", "group": "chung", "label_vi": "Nhóm tiêu chí chung", "label_en": "General criteria", "max": 300},
    {"code": "ket_qua_nhiem_vu", "group": "nhiem_vu", "label_vi": "Nhóm kết quả thực hiện nhiệm vụ", "label_en": "Task results", "max": 700}
  ],
  "bands": [
    {"code": "htxsnv", "label_vi": "Hoàn thành xuất sắc nhiệm vụ", "label_en": "Completed tasks excellently", "min": 900, "max": 1000},
    {"code": "httnv", "label_vi": "Hoàn thành tốt nhiệm vụ", "label_en": "Completed tasks well", "min": 700, "max": 899},
    {"code": "htnv", "label_vi": "Hoàn thành nhiệm vụ", "label_en": "Completed tasks", "min": 500, "max": 699},
    {"code": "khtnv", "label_vi": "Không hoàn thành nhiệm vụ", "label_en": "Did not complete the tasks", "min": 0, "max": 499}
  ],
  "gates": [
    {"band": "htxsnv", "condition": {"kind": "on_time_at_least", "percent": 100}, "label_vi": "100% nhiệm vụ đúng tiến độ", "label_en": "100% of tasks on time"},
    {"band": "htxsnv", "condition": {"kind": "exceeded_at_least", "percent": 30}, "label_vi": "ít nhất 30% nhiệm vụ vượt yêu cầu", "label_en": "at least 30% of tasks exceeding"},
    {"band": "htxsnv", "condition": {"kind": "disciplined_at_most", "count": 0}, "label_vi": "không có thành viên tập thể lãnh đạo bị kỷ luật", "label_en": "no leadership member disciplined"},
    {"band": "httnv", "condition": {"kind": "on_time_at_least", "percent": 100}, "label_vi": "100% nhiệm vụ đúng tiến độ", "label_en": "100% of tasks on time"},
    {"band": "htnv", "condition": {"kind": "done_at_least", "percent": 100}, "label_vi": "hoàn thành 100% nhiệm vụ", "label_en": "every task done"},
    {"band": "htnv", "condition": {"kind": "late_at_most", "percent": 20}, "label_vi": "chậm tiến độ không quá 20%", "label_en": "at most 20% late"}
  ],
  "vetoes": [
    {"code": "dieu_11_k4_4_1", "label_vi": "thuộc trường hợp không hoàn thành nhiệm vụ (Điều 11 khoản 4 điểm 4.1)", "label_en": "a KHTNV trigger holds (Article 11 clause 4 point 4.1)"}
  ],
  "quota": {"top": "htxsnv", "relative_to": "httnv", "percent": 20, "scope": "commune"}
}"#;
