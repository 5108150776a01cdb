//! `illustrative-8-groups`: the default 8-group grid of front-rating.md §3.2.4.
//! **Illustrative**: synthesised so that the engine has a working grid; no
//! province's criterion-by-criterion table was reachable. Each group maps to a
//! verified task of the board (O7–O9, §4); the bands are those of `hoabinh-2017`.
//! Every rendering marks it as illustrative; replace it with the province's grid.

/// The scheme's id.
pub const ID: &str = "illustrative-8-groups";

/// The scheme.
pub const JSON: &str = r#"{
  "id": "illustrative-8-groups",
  "title_vi": "Khung tiêu chí 8 nhóm (MINH HỌA, không phải văn bản)",
  "title_en": "8-group criteria grid (ILLUSTRATIVE, not a document)",
  "source": "xeploai front-rating.md §3.2.4 (tổng hợp minh họa, không có văn bản gốc)",
  "status": "illustrative",
  "subject": "front_work_board",
  "max_total": 1000,
  "criteria": [
    {"code": "c1", "label_vi": "Tổ chức và chế độ làm việc", "label_en": "Organisation and working regime", "max": 150},
    {"code": "c2", "label_vi": "Tuyên truyền, vận động", "label_en": "Propaganda and mobilisation", "max": 150},
    {"code": "c3", "label_vi": "Tập hợp, phản ánh ý kiến nhân dân", "label_en": "Gathering and reporting residents' opinions", "max": 100},
    {"code": "c4", "label_vi": "Cuộc vận động Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh", "label_en": "The campaign for new countryside and civilised urban areas", "max": 200},
    {"code": "c5", "label_vi": "Mô hình tự quản", "label_en": "Self-management models", "max": 100},
    {"code": "c6", "label_vi": "Ngày hội Đại đoàn kết toàn dân tộc", "label_en": "The Great Unity Festival", "max": 100},
    {"code": "c7", "label_vi": "Thực hiện dân chủ ở cơ sở", "label_en": "Grassroots democracy", "max": 100},
    {"code": "c8", "label_vi": "An sinh xã hội", "label_en": "Social welfare", "max": 100}
  ],
  "bands": [
    {"code": "xuat_sac", "label_vi": "Xuất sắc", "label_en": "Excellent", "min": 900, "max": 1000},
    {"code": "tot", "label_vi": "Tốt", "label_en": "Good", "min": 800, "max": 899},
    {"code": "kha", "label_vi": "Khá", "label_en": "Fair", "min": 650, "max": 799},
    {"code": "trung_binh", "label_vi": "Trung bình", "label_en": "Average", "min": 500, "max": 649},
    {"code": "yeu", "label_vi": "Yếu", "label_en": "Weak", "min": 0, "max": 499}
  ]
}"#;
