//! PLACEHOLDER (not to land): Quy định 124-QĐ/TW. Being implemented.

use super::{Assessment, MemberInput, OrgInput, Rules, Unrated};
use crate::explain::{Citation, Effect, Finding, RuleDef, Tag};
use crate::outcome::NotRatedReason;
use crate::regime::Regime;

/// Not implemented yet.
pub static NOT_IMPLEMENTED: RuleDef = RuleDef {
    id: "qd124.not_implemented",
    citation: Citation::doc("Quy định 124-QĐ/TW"),
    tag: Tag::Library,
    values: &[],
    vi: "chưa hỗ trợ",
    en: "not supported yet",
};

/// Every rule of this regime.
pub static RULES: &[&RuleDef] = &[&NOT_IMPLEMENTED];

/// The rules of Quy định 124-QĐ/TW.
#[derive(Debug, Clone, Copy)]
pub struct Qd124;

impl Rules for Qd124 {
    fn regime(&self) -> Regime {
        Regime::Qd124_2023
    }
    fn not_rated_rule(&self, _reason: NotRatedReason) -> &'static RuleDef {
        &NOT_IMPLEMENTED
    }
    fn rate_member(&self, _m: &MemberInput<'_>) -> Result<Assessment, Unrated> {
        Err(Unrated {
            reason: NotRatedReason::MissingInputs,
            finding: Finding::new(&NOT_IMPLEMENTED, Effect::Excluded, &[]),
        })
    }
    fn rate_organisation(&self, _o: &OrgInput<'_>) -> Result<Assessment, Unrated> {
        Err(Unrated {
            reason: NotRatedReason::MissingInputs,
            finding: Finding::new(&NOT_IMPLEMENTED, Effect::Excluded, &[]),
        })
    }
    fn head_rule(&self) -> Option<&'static RuleDef> {
        None
    }
    fn quota(&self) -> (&'static RuleDef, u32, u32) {
        (&NOT_IMPLEMENTED, 20, 20)
    }
}
