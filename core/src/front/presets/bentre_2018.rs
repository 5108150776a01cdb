//! `bentre-2018-labels`: the labels the Bến Tre provincial Front used for
//! Front work boards and commune Front committees in 2018 — Xuất sắc, Mạnh,
//! Khá (baodongkhoi.vn, 08/01/2019; front-rating.md E3, labels [V]). Trung bình
//! and Yếu are assumed below them, and the thresholds were not published: the
//! defaults are those of `hoabinh-2017` ([U]).

/// The scheme's id.
pub const ID: &str = "bentre-2018-labels";

/// The scheme.
pub const JSON: &str = r#"{
  "id": "bentre-2018-labels",
  "title_vi": "Xếp loại Ban công tác Mặt trận theo nhãn của Bến Tre (2018; ngưỡng điểm mặc định)",
  "title_en": "Front work board rating with Bến Tre's labels (2018; default thresholds)",
  "source": "Báo cáo tổng kết công tác Mặt trận năm 2018 của Ủy ban MTTQ tỉnh Bến Tre (nhãn); ngưỡng điểm theo Hướng dẫn 35/HD-MTTQ-BTT Hòa Bình",
  "status": "partial",
  "subject": "front_work_board",
  "max_total": 1000,
  "criteria": [
    {"code": "tong_diem", "label_vi": "Tổng điểm đánh giá", "label_en": "Total assessed", "max": 1000}
  ],
  "bands": [
    {"code": "xuat_sac", "label_vi": "Xuất sắc", "label_en": "Excellent", "min": 900, "max": 1000},
    {"code": "manh", "label_vi": "Mạnh", "label_en": "Strong", "min": 800, "max": 899},
    {"code": "kha", "label_vi": "Khá", "label_en": "Fair", "min": 650, "max": 799},
    {"code": "trung_binh", "label_vi": "Trung bình", "label_en": "Average", "min": 500, "max": 649},
    {"code": "yeu", "label_vi": "Yếu", "label_en": "Weak", "min": 0, "max": 499}
  ]
}"#;
