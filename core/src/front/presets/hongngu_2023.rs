//! `hongngu-2023-example`: an **example** of the provincial plans "nâng cao vai
//! trò lãnh đạo của chi bộ đối với Ban công tác Mặt trận ấp, khóm giai đoạn
//! 2023–2027" that count the self-management models' results as a criterion of
//! the residential cell's year-end rating (front-rating.md M5, §6; DESIGN §5
//! Q12). No primary text was found ([U]): the mapping below is an example,
//! marked as such wherever it is shown, and every number of it is data.
//!
//! The criterion sits in the task group (70 points) of Quy định 366: the cell's
//! evaluation scores its other task criteria out of `70 − max`, and the library
//! adds the criterion's points, computed from the rank of the area's Front work
//! board and the share of the area's self-management models assessed effective.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The preset's id (also the name of the policy preset that turns it on).
pub const ID: &str = "hongngu-2023-example";

/// Points for a rank of the board (1 = best), in tenths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RankPoints {
    /// The rank.
    pub rank: u8,
    /// The points, in tenths.
    pub points: u32,
}

/// Points from a share of effective models, in tenths: the first row whose
/// `min_percent` the share reaches (rows best first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SharePoints {
    /// The lowest share, in percent.
    pub min_percent: u32,
    /// The points, in tenths.
    pub points: u32,
}

/// The cell's Front criterion (DESIGN §5 Q12): off unless a provincial preset
/// turns it on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CellCriterion {
    /// The preset's id.
    pub id: String,
    /// Where it comes from.
    pub source: String,
    /// Whether it is an example rather than a province's text (shown in every rendering).
    pub example: bool,
    /// The criterion's maximum, in tenths, inside the task group of 700.
    pub max: u32,
    /// Points by the rank of the area's Front work board; a rank not listed scores 0.
    pub board_points: Vec<RankPoints>,
    /// Points by the share of the area's models assessed effective (of all its models of the year).
    pub model_points: Vec<SharePoints>,
    /// Points when the area has no model in the year.
    pub no_models_points: u32,
}

impl CellCriterion {
    /// The Hồng Ngự example: 10 points = up to 6 from the board's rank
    /// (6 / 5 / 3 / 1 / 0) and up to 4 from the models (≥ 80 % effective: 4,
    /// ≥ 50 %: 2, else 0; none: 0).
    #[must_use]
    pub fn hongngu_2023_example() -> Self {
        Self {
            id: ID.to_owned(),
            source: crate::front::rules::HONGNGU.to_owned(),
            example: true,
            max: 100,
            board_points: vec![
                RankPoints {
                    rank: 1,
                    points: 60,
                },
                RankPoints {
                    rank: 2,
                    points: 50,
                },
                RankPoints {
                    rank: 3,
                    points: 30,
                },
                RankPoints {
                    rank: 4,
                    points: 10,
                },
                RankPoints { rank: 5, points: 0 },
            ],
            model_points: vec![
                SharePoints {
                    min_percent: 80,
                    points: 40,
                },
                SharePoints {
                    min_percent: 50,
                    points: 20,
                },
                SharePoints {
                    min_percent: 0,
                    points: 0,
                },
            ],
            no_models_points: 0,
        }
    }

    /// The points for a board rank (`None`: the board is not rated → 0).
    #[must_use]
    pub fn board(&self, rank: Option<u8>) -> u32 {
        rank.and_then(|r| self.board_points.iter().find(|p| p.rank == r))
            .map_or(0, |p| p.points)
    }

    /// The points for `effective` of `models` models (cross-multiplied).
    #[must_use]
    pub fn models(&self, effective: u32, models: u32) -> u32 {
        if models == 0 {
            return self.no_models_points;
        }
        self.model_points
            .iter()
            .find(|p| u64::from(effective) * 100 >= u64::from(p.min_percent) * u64::from(models))
            .map_or(0, |p| p.points)
    }
}
