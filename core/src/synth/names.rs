//! Vietnamese names for synthetic data (NFC literals).

pub(super) const FAMILY: &[(&str, u32)] = &[
    ("Nguyễn", 380),
    ("Trần", 110),
    ("Lê", 95),
    ("Phạm", 70),
    ("Hoàng", 50),
    ("Huỳnh", 40),
    ("Phan", 40),
    ("Vũ", 35),
    ("Võ", 35),
    ("Đặng", 25),
    ("Bùi", 25),
    ("Đỗ", 22),
    ("Hồ", 18),
    ("Ngô", 15),
    ("Dương", 12),
    ("Lý", 8),
    ("Đinh", 8),
    ("Trương", 8),
    ("Lâm", 5),
    ("Mai", 5),
];

pub(super) const MIDDLE_MALE: &[&str] = &[
    "Văn", "Văn", "Văn", "Đức", "Minh", "Hữu", "Quốc", "Thanh", "Công", "Xuân", "Ngọc", "Đình",
    "Quang", "Trọng", "Tấn",
];

pub(super) const MIDDLE_FEMALE: &[&str] = &[
    "Thị", "Thị", "Thị", "Thị", "Ngọc", "Thanh", "Thu", "Kim", "Minh", "Hồng", "Mỹ", "Bích",
];

pub(super) const GIVEN_MALE: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hòa", "Hùng", "Huy", "Khang", "Khoa",
    "Lâm", "Long", "Lộc", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quang", "Sơn", "Tài", "Thắng",
    "Thành", "Thiện", "Toàn", "Trung", "Tuấn", "Việt", "Vinh", "Đông",
];

pub(super) const GIVEN_FEMALE: &[&str] = &[
    "Anh", "Châu", "Diệp", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hồng", "Hương",
    "Lan", "Liên", "Linh", "Loan", "Mai", "Nga", "Ngọc", "Nhung", "Oanh", "Phương", "Quyên",
    "Thảo", "Thủy", "Trang", "Trinh", "Tuyết", "Uyên", "Vân", "Xuân", "Yến",
];

/// The 34 provincial-level units after 12 June 2025 (Nghị quyết 202/2025/QH15),
/// with the region used to choose residential-area names.
pub(super) const PROVINCES: &[(&str, Region)] = &[
    ("Thành phố Hà Nội", Region::North),
    ("Thành phố Huế", Region::Central),
    ("Tỉnh Lai Châu", Region::Mountain),
    ("Tỉnh Điện Biên", Region::Mountain),
    ("Tỉnh Sơn La", Region::Mountain),
    ("Tỉnh Lạng Sơn", Region::Mountain),
    ("Tỉnh Quảng Ninh", Region::North),
    ("Tỉnh Thanh Hóa", Region::North),
    ("Tỉnh Nghệ An", Region::Central),
    ("Tỉnh Hà Tĩnh", Region::Central),
    ("Tỉnh Cao Bằng", Region::Mountain),
    ("Tỉnh Tuyên Quang", Region::Mountain),
    ("Tỉnh Lào Cai", Region::Mountain),
    ("Tỉnh Thái Nguyên", Region::North),
    ("Tỉnh Phú Thọ", Region::North),
    ("Tỉnh Bắc Ninh", Region::North),
    ("Tỉnh Hưng Yên", Region::North),
    ("Thành phố Hải Phòng", Region::North),
    ("Tỉnh Ninh Bình", Region::North),
    ("Tỉnh Quảng Trị", Region::Central),
    ("Thành phố Đà Nẵng", Region::Central),
    ("Tỉnh Quảng Ngãi", Region::Central),
    ("Tỉnh Gia Lai", Region::Highlands),
    ("Tỉnh Khánh Hòa", Region::Central),
    ("Tỉnh Lâm Đồng", Region::Highlands),
    ("Tỉnh Đắk Lắk", Region::Highlands),
    ("Thành phố Hồ Chí Minh", Region::South),
    ("Tỉnh Đồng Nai", Region::South),
    ("Tỉnh Tây Ninh", Region::South),
    ("Thành phố Cần Thơ", Region::Mekong),
    ("Tỉnh Vĩnh Long", Region::Mekong),
    ("Tỉnh Đồng Tháp", Region::Mekong),
    ("Tỉnh Cà Mau", Region::Mekong),
    ("Tỉnh An Giang", Region::Mekong),
];

/// Local words for residential areas: (lowercase, capitalised).
pub(super) type AreaWords = &'static [(&'static str, &'static str)];

/// Regions, for the local words used for residential areas.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Region {
    North,
    Central,
    Mountain,
    Highlands,
    South,
    Mekong,
}

impl Region {
    /// (rural words, urban words) for residential areas, each with its capitalised form.
    pub(super) const fn area_words(self) -> (AreaWords, AreaWords) {
        match self {
            Self::North => (
                &[("thôn", "Thôn"), ("làng", "Làng")],
                &[("tổ dân phố", "Tổ dân phố")],
            ),
            Self::Central => (
                &[("thôn", "Thôn")],
                &[("tổ dân phố", "Tổ dân phố"), ("khối phố", "Khối phố")],
            ),
            Self::Mountain => (
                &[("bản", "Bản"), ("thôn", "Thôn")],
                &[("tổ dân phố", "Tổ dân phố"), ("tiểu khu", "Tiểu khu")],
            ),
            Self::Highlands => (
                &[("buôn", "Buôn"), ("thôn", "Thôn"), ("bon", "Bon")],
                &[("tổ dân phố", "Tổ dân phố")],
            ),
            Self::South => (&[("ấp", "Ấp")], &[("khu phố", "Khu phố")]),
            Self::Mekong => (
                &[("ấp", "Ấp"), ("phum", "Phum"), ("sóc", "Sóc")],
                &[("khóm", "Khóm"), ("khu phố", "Khu phố")],
            ),
        }
    }
}

pub(super) const PLACE_FIRST: &[&str] = &[
    "Tân", "Bình", "Phú", "An", "Long", "Mỹ", "Hòa", "Thạnh", "Phước", "Vĩnh", "Đông", "Tây",
    "Hưng", "Thuận", "Xuân", "Quang", "Hiệp", "Thới", "Nhơn", "Định", "Yên", "Kim", "Hồng", "Cẩm",
];

pub(super) const PLACE_SECOND: &[&str] = &[
    "Hòa", "Bình", "Phú", "An", "Lợi", "Thành", "Hưng", "Thuận", "Lộc", "Mỹ", "Khánh", "Tiến",
    "Phong", "Đức", "Trung", "Sơn", "Hải", "Lâm", "Thịnh", "Định", "Châu", "Phát", "Long", "Quý",
];

/// Mass organisations with a branch in each residential area (front-rating.md O5).
pub(super) const BRANCHES: &[(&str, &str)] = &[
    ("farmers", "Chi hội Nông dân"),
    ("women", "Chi hội Phụ nữ"),
    ("youth", "Chi đoàn Thanh niên"),
    ("veterans", "Chi hội Cựu chiến binh"),
    ("elderly", "Chi hội Người cao tuổi"),
];

/// Province-level above-grassroots organisations holding the agencies' grassroots organisations.
pub(super) const BLOCS: &[(&str, crate::org::CellType)] = &[
    ("Đảng bộ các cơ quan Đảng", crate::org::CellType::Agency),
    (
        "Đảng bộ Ủy ban nhân dân",
        crate::org::CellType::PublicService,
    ),
    ("Đảng bộ Công an", crate::org::CellType::Police),
    ("Đảng bộ Quân sự", crate::org::CellType::Military),
    ("Đảng bộ Doanh nghiệp", crate::org::CellType::Enterprise),
];

/// Names for agency organisations by type.
pub(super) const AGENCY_NAMES: &[(crate::org::CellType, &[&str])] = &[
    (
        crate::org::CellType::Agency,
        &[
            "Ban Tuyên giáo và Dân vận",
            "Ban Tổ chức",
            "Ủy ban Kiểm tra",
            "Văn phòng",
            "Báo",
            "Trường Chính trị",
            "Ủy ban MTTQ",
        ],
    ),
    (
        crate::org::CellType::PublicService,
        &[
            "Sở Tài chính",
            "Sở Nội vụ",
            "Sở Y tế",
            "Sở Giáo dục và Đào tạo",
            "Sở Xây dựng",
            "Sở Nông nghiệp và Môi trường",
            "Sở Công Thương",
            "Bệnh viện",
            "Trường Trung học phổ thông",
            "Trung tâm Y tế",
        ],
    ),
    (
        crate::org::CellType::Police,
        &["Phòng", "Công an xã", "Trại tạm giam", "Đội"],
    ),
    (
        crate::org::CellType::Military,
        &["Ban Chỉ huy", "Trung đoàn", "Tiểu đoàn", "Đại đội"],
    ),
    (
        crate::org::CellType::Enterprise,
        &[
            "Công ty cổ phần",
            "Công ty TNHH",
            "Ngân hàng",
            "Hợp tác xã",
            "Tổng công ty",
        ],
    ),
];
