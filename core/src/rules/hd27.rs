//! PLACEHOLDER (not to land): Hướng dẫn 27-HD/BTCTW. Being implemented.

use super::{Assessment, MemberInput, OrgInput, Rules, Unrated};
use crate::explain::{Citation, Effect, Finding, RuleDef, Tag};
use crate::outcome::NotRatedReason;
use crate::regime::Regime;

/// Not implemented yet.
pub static NOT_IMPLEMENTED: RuleDef = RuleDef {
    id: "hd27.not_implemented",
    citation: Citation::doc("Hướng dẫn 27-HD/BTCTW"),
    tag: Tag::Library,
    values: &[],
    vi: "chưa hỗ trợ",
    en: "not supported yet",
};

/// Every rule of this regime.
pub static RULES: &[&RuleDef] = &[&NOT_IMPLEMENTED];

/// The rules of Hướng dẫn 27-HD/BTCTW.
#[derive(Debug, Clone, Copy)]
pub struct Hd27;

impl Rules for Hd27 {
    fn regime(&self) -> Regime {
        Regime::Hd27_2014
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
