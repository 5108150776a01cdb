//! `hoabinh-2017`: the bands of Hướng dẫn 35/HD-MTTQ-BTT of the Hòa Bình
//! provincial Front standing board (22/02/2017), implementing the central
//! Hướng dẫn 52/HD-MTTW-BTT (2016), mục II (front-rating.md E2, [V]):
//! 100 points, Xuất sắc 90–100, Tốt 80–89, Khá 65–79, Trung bình 50–64,
//! Yếu under 50 (the OCR of the source reads "Yếu: 50 điểm", read as below 50).
//!
//! The per-criterion allocation was not reachable ([U]): the grid has one
//! criterion holding the whole score assessed by the commune Front standing board.

/// The scheme's id.
pub const ID: &str = "hoabinh-2017";

/// The scheme.
pub const JSON: &str = r#"{
  "id": "hoabinh-2017",
  "title_vi": "Đánh giá, xếp loại Ban công tác Mặt trận (Hòa Bình, 2017)",
  "title_en": "Rating of Front work boards (Hòa Bình, 2017)",
  "source": "Hướng dẫn 35/HD-MTTQ-BTT (Ban Thường trực Ủy ban MTTQ tỉnh Hòa Bình, 22/02/2017), mục II",
  "status": "verified",
  "subject": "front_work_board",
  "from_year": 2017,
  "max_total": 1000,
  "criteria": [
    {"code": "tong_diem", "label_vi": "Kết quả thực hiện chương trình công tác năm (phân bổ điểm từng tiêu chí chưa có nguồn)", "label_en": "Results of the year's work programme (per-criterion allocation not sourced)", "max": 1000}
  ],
  "bands": [
    {"code": "xuat_sac", "label_vi": "Xuất sắc", "label_en": "Excellent", "min": 900, "max": 1000},
    {"code": "tot", "label_vi": "Tốt", "label_en": "Good", "min": 800, "max": 899},
    {"code": "kha", "label_vi": "Khá", "label_en": "Fair", "min": 650, "max": 799},
    {"code": "trung_binh", "label_vi": "Trung bình", "label_en": "Average", "min": 500, "max": 649},
    {"code": "yeu", "label_vi": "Yếu", "label_en": "Weak", "min": 0, "max": 499}
  ]
}"#;
