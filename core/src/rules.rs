//! The rules of each regime, one file per document: [`qd366`] (Quy định
//! 366-QĐ/TW, 2025 →), [`qd124`] (Quy định 124-QĐ/TW, 2023–2024), [`qd132`]
//! (Quy định 132-QĐ/TW with 21-HD/BTCTW, 2018–2022), [`hd27`] (Hướng dẫn
//! 27-HD/BTCTW, ≤ 2017). Each rates one member or one organisation from its
//! inputs; the run ([`crate::run`]) applies eligibility, quotas, aggregation and
//! the head rules in the prescribed order.

/// Defines a rule as a `pub static RuleDef`: name, stable id, citation, tag,
/// value names, Vietnamese and English messages (the English one is its doc).
macro_rules! rule {
    ($name:ident, $id:literal, $cite:expr, $tag:ident, [$($v:literal),*], $vi:literal, $en:literal) => {
        #[doc = $en]
        pub static $name: RuleDef = RuleDef { id: $id, citation: $cite, tag: Tag::$tag, values: &[$($v),*], vi: $vi, en: $en };
    };
}

pub mod common;
pub mod hd27;
pub mod qd124;
pub mod qd132;
pub mod qd366;

use crate::evaluation::{Decision, Discipline, Evaluation};
use crate::explain::{Effect, Finding, RuleDef};
use crate::level::Level;
use crate::org::Category;
use crate::outcome::{Discretion, NotRatedReason};
use crate::policy::Policy;
use crate::regime::Regime;

/// Counts of final levels of rated children (members or organisations).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LevelCounts {
    /// Rated children.
    pub rated: u32,
    /// By level, indexed by `Level as usize`.
    pub by_level: [u32; 4],
}

impl LevelCounts {
    /// Adds a child's level.
    pub fn add(&mut self, level: Level) {
        self.rated += 1;
        if let Some(c) = self.by_level.get_mut(level as usize) {
            *c += 1;
        }
    }
    /// Children at `level` or higher.
    #[must_use]
    pub fn at_least(&self, level: Level) -> u32 {
        self.by_level.iter().skip(level as usize).sum()
    }
    /// Children at exactly `level`.
    #[must_use]
    pub fn at(&self, level: Level) -> u32 {
        self.by_level.get(level as usize).copied().unwrap_or(0)
    }
}

/// What the rules need to know about a member.
#[derive(Debug)]
pub struct MemberInput<'a> {
    /// The person's id.
    pub id: &'a str,
    /// The rating year.
    pub year: i32,
    /// The evaluation of the latest stage.
    pub evaluation: &'a Evaluation,
    /// The category for this rating.
    pub category: Category,
    /// Every discipline record of the person (the rules pick the year's).
    pub disciplines: Vec<&'a Discipline>,
    /// The recorded decisions for this subject and year.
    pub decisions: &'a [&'a Decision],
    /// The settings.
    pub policy: &'a Policy,
}

/// What the rules need to know about a party organisation.
#[derive(Debug)]
pub struct OrgInput<'a> {
    /// The unit's id.
    pub id: &'a str,
    /// The rating year.
    pub year: i32,
    /// Whether it is a cell (members) or a committee (subordinate organisations).
    pub holds_members: bool,
    /// The evaluation of the latest stage.
    pub evaluation: &'a Evaluation,
    /// Discipline records of the organisation itself.
    pub disciplines: Vec<&'a Discipline>,
    /// Discipline records of the members of its leadership collective (secretary,
    /// deputies, committee members during the year), with the person's id.
    pub leadership_disciplines: Vec<&'a Discipline>,
    /// Members of the leadership collective concluded to show degradation this year.
    pub leadership_degradation: u32,
    /// Subordinate organisations, and those disciplined this year.
    pub subordinates: u32,
    /// Subordinate organisations disciplined this year.
    pub subordinates_disciplined: u32,
    /// Final levels of its rated members (a cell).
    pub members: LevelCounts,
    /// Final levels of its rated subordinate organisations (a committee).
    pub suborgs: LevelCounts,
    /// The recorded decisions for this subject and year.
    pub decisions: &'a [&'a Decision],
    /// The settings.
    pub policy: &'a Policy,
}

/// The rules' result for one subject, before the quota and the head rules.
/// The default is an empty assessment (KHTNV, no score, no findings): a
/// buffer for [`Rules::rate_member_into`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    /// The level.
    pub level: Level,
    /// The score in tenths, if the regime scores.
    pub score: Option<u32>,
    /// Tasks exceeded and assigned, for the quota's tie-break.
    pub exceeded: (u32, u32),
    /// Findings.
    pub findings: Vec<Finding>,
    /// Points of discretion.
    pub discretion: Vec<Discretion>,
    /// The policy settings that affected the result.
    pub settings: Vec<&'static str>,
}

/// [`Rules::rate_member`] of a regime that implements
/// [`Rules::rate_member_into`]: into a new assessment.
pub(crate) fn rate_member_new<R: Rules + ?Sized>(
    rules: &R,
    m: &MemberInput<'_>,
) -> Result<Assessment, Unrated> {
    let mut a = Assessment::default();
    rules.rate_member_into(m, &mut a)?;
    Ok(a)
}

impl Default for Assessment {
    fn default() -> Self {
        Self {
            level: Level::NotCompleted,
            score: None,
            exceeded: (0, 0),
            findings: Vec::new(),
            discretion: Vec::new(),
            settings: Vec::new(),
        }
    }
}

/// A subject the rules do not rate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unrated {
    /// Why.
    pub reason: NotRatedReason,
    /// The finding that says so.
    pub finding: Finding,
}

/// A regime's quota on HTXSNV (party-rating.md §5.5).
#[derive(Debug, Clone, Copy)]
pub struct Quota {
    /// The rule cited for a candidate the quota demotes to HTTNV.
    pub demoted: &'static RuleDef,
    /// The rule cited for a candidate within the quota.
    pub granted: &'static RuleDef,
    /// The percentage of those rated HTTNV (20).
    pub percent: u32,
    /// The percentage for a group with outstanding achievements, and the rule
    /// allowing it, if the regime has one (366: 25 %).
    pub outstanding: Option<(u32, &'static RuleDef)>,
}

impl Unrated {
    /// The evaluation lacks what the regime needs (a score, grades).
    pub(crate) fn missing_inputs() -> Self {
        Self {
            reason: NotRatedReason::MissingInputs,
            finding: Finding::new(&common::MISSING_INPUTS, Effect::Excluded, &[]),
        }
    }
}

/// One regime's rules.
pub trait Rules: Sync + std::fmt::Debug {
    /// The regime.
    fn regime(&self) -> Regime;
    /// The rule that excludes a subject for `reason`.
    fn not_rated_rule(&self, reason: NotRatedReason) -> &'static RuleDef;
    /// Whether organisations set up less than 6 months before are rated
    /// regardless of the policy (Quy định 132: they are not).
    fn new_organisations_rated(&self, policy: &Policy) -> bool {
        policy.rate_new_organisations
    }
    /// Rates a member.
    ///
    /// # Errors
    /// [`Unrated`] if the inputs the regime needs are missing.
    fn rate_member(&self, m: &MemberInput<'_>) -> Result<Assessment, Unrated>;
    /// [`Rules::rate_member`] into `out`: the result is the same. An
    /// implementation may reuse the buffers of `out` (findings, discretion,
    /// settings), so that a caller rating many members allocates them once,
    /// not once a member; the library's regimes do, the default calls
    /// [`Rules::rate_member`]. After an error, `out` holds no meaningful
    /// assessment.
    ///
    /// # Errors
    /// As [`Rules::rate_member`].
    ///
    /// ```
    /// use xeploai::rules::{rules_for, Assessment, MemberInput};
    /// use xeploai::{Category, Policy, Regime};
    ///
    /// let ds = xeploai::sample::dataset();
    /// let policy = Policy::default();
    /// let mut out = Assessment::default();
    /// // Assessments with points of discretion and with settings, compared
    /// // after others in the same buffer; the sample's 2024 has grades.
    /// let (mut with_points, mut with_settings) = (0, 0);
    /// for (regime, year) in [
    ///     (Regime::Qd366_2025, 2025),
    ///     (Regime::Qd124_2023, 2024),
    ///     (Regime::Qd132_2018, 2024),
    /// ] {
    ///     let rules = rules_for(regime);
    ///     let mut rated = 0;
    ///     for e in ds.evaluations.iter().filter(|e| e.year == year) {
    ///         let m = MemberInput {
    ///             id: &e.subject,
    ///             year,
    ///             evaluation: e,
    ///             category: e.category.unwrap_or(Category::NonLeader),
    ///             disciplines: Vec::new(),
    ///             decisions: &[],
    ///             policy: &policy,
    ///         };
    ///         match (rules.rate_member(&m), rules.rate_member_into(&m, &mut out)) {
    ///             (Ok(a), Ok(())) => {
    ///                 assert_eq!(a, out);
    ///                 rated += 1;
    ///                 with_points += usize::from(!a.discretion.is_empty());
    ///                 with_settings += usize::from(!a.settings.is_empty());
    ///             }
    ///             (Err(a), Err(b)) => assert_eq!(a, b),
    ///             (a, b) => panic!("{a:?} against {b:?}"),
    ///         }
    ///     }
    ///     assert!(rated > 100, "{regime:?}");
    /// }
    /// assert!(with_points > 0 && with_settings > 0);
    /// ```
    fn rate_member_into(&self, m: &MemberInput<'_>, out: &mut Assessment) -> Result<(), Unrated> {
        *out = self.rate_member(m)?;
        Ok(())
    }
    /// Rates a party organisation.
    ///
    /// # Errors
    /// [`Unrated`] if the inputs the regime needs are missing.
    fn rate_organisation(&self, o: &OrgInput<'_>) -> Result<Assessment, Unrated>;
    /// The rule making the head of a collective rated KHTNV KHTNV, if the regime has one.
    fn head_rule(&self) -> Option<&'static RuleDef>;
    /// The rule making a leader KHTNV when more than half of the units named as
    /// led in their evaluation are KHTNV; by default the head rule.
    fn led_units_rule(&self) -> Option<&'static RuleDef> {
        self.head_rule()
    }
    /// The regime's quota on HTXSNV; `None` where it has none (the 2014 guidance).
    fn quota(&self) -> Option<Quota>;
    /// The regime's own aggregation rule, applied whatever the policy.
    fn own_aggregation(&self) -> crate::policy::Aggregation {
        crate::policy::Aggregation::None
    }
}

/// The rules a regime cites for subjects it does not rate.
#[derive(Debug)]
pub(crate) struct Eligibility {
    pub(crate) exempt: &'static RuleDef,
    pub(crate) suspended: &'static RuleDef,
    pub(crate) new_member: &'static RuleDef,
    pub(crate) new_organisation: &'static RuleDef,
}

impl Eligibility {
    /// The rule for `reason`.
    pub(crate) fn rule(&self, reason: NotRatedReason) -> &'static RuleDef {
        match reason {
            NotRatedReason::Exempt => self.exempt,
            NotRatedReason::Suspended => self.suspended,
            NotRatedReason::AdmittedUnderSixMonths => self.new_member,
            NotRatedReason::NewOrganisation => self.new_organisation,
            NotRatedReason::NoEvaluation => &common::NO_EVALUATION,
            NotRatedReason::MissingInputs => &common::MISSING_INPUTS,
        }
    }
}

/// The rules of a regime.
#[must_use]
pub fn rules_for(regime: Regime) -> &'static dyn Rules {
    match regime {
        Regime::Qd366_2025 => &qd366::Qd366,
        Regime::Qd124_2023 => &qd124::Qd124,
        Regime::Qd132_2018 => &qd132::Qd132,
        Regime::Hd27_2014 => &hd27::Hd27,
    }
}

/// Every rule of every regime.
pub fn all_rules() -> impl Iterator<Item = &'static RuleDef> {
    common::RULES
        .iter()
        .chain(qd366::RULES)
        .chain(qd124::RULES)
        .chain(qd132::RULES)
        .chain(hd27::RULES)
        .chain(crate::front::rules::RULES)
        .copied()
}

/// The rule with this id.
#[must_use]
pub fn rule_by_id(id: &str) -> Option<&'static RuleDef> {
    crate::explain::library_rule(id)
}

/// Builds an assessment: findings, discretion and the cap from triggers.
#[derive(Debug)]
pub(crate) struct Judge<'a> {
    pub(crate) findings: Vec<Finding>,
    pub(crate) discretion: Vec<Discretion>,
    pub(crate) settings: Vec<&'static str>,
    decisions: &'a [&'a Decision],
    /// The lowest cap any rule has set.
    pub(crate) cap: Level,
    /// A trigger without mitigation holds: the level is KHTNV, with no discretion.
    pub(crate) forced: bool,
}

impl<'a> Judge<'a> {
    pub(crate) fn new(decisions: &'a [&'a Decision]) -> Self {
        Self::with_buffers(decisions, Vec::with_capacity(3), Vec::new(), Vec::new())
    }

    /// A judge writing into the buffers of `out` (emptied; their capacity is
    /// kept), to be given back by [`Judge::finish_into`].
    pub(crate) fn reusing(decisions: &'a [&'a Decision], out: &mut Assessment) -> Self {
        let mut findings = std::mem::take(&mut out.findings);
        let mut discretion = std::mem::take(&mut out.discretion);
        let mut settings = std::mem::take(&mut out.settings);
        findings.clear();
        discretion.clear();
        settings.clear();
        Self::with_buffers(decisions, findings, discretion, settings)
    }

    fn with_buffers(
        decisions: &'a [&'a Decision],
        findings: Vec<Finding>,
        discretion: Vec<Discretion>,
        settings: Vec<&'static str>,
    ) -> Self {
        Self {
            findings,
            discretion,
            settings,
            decisions,
            cap: Level::Excellent,
            forced: false,
        }
    }

    /// Records that a policy setting affected the result.
    pub(crate) fn setting(&mut self, name: &'static str) {
        if !self.settings.contains(&name) {
            self.settings.push(name);
        }
    }

    pub(crate) fn note(&mut self, rule: &'static RuleDef, effect: Effect, values: &[i64]) {
        self.findings.push(Finding::new(rule, effect, values));
    }

    /// A point of discretion: the recorded decision's level if there is one,
    /// else `default`; recorded either way.
    pub(crate) fn discretion(
        &mut self,
        point: &'static str,
        rule: &'static RuleDef,
        default: Level,
        alternatives: &[Level],
    ) -> Level {
        let mut d = Discretion::new(point, rule, default, alternatives);
        let recorded = self
            .decisions
            .iter()
            .find(|x| x.point == point)
            .map(|x| x.level);
        // A decision counts only if it chose the default or one of the alternatives.
        let decided = recorded.filter(|l| *l == default || alternatives.contains(l));
        match (recorded, decided) {
            (_, Some(level)) => self.note(
                &common::DECISION_RECORDED,
                Effect::Decided,
                &[crate::explain::level_value(level)],
            ),
            (Some(level), None) => self.note(
                &common::DECISION_NOT_ALLOWED,
                Effect::Noted,
                &[crate::explain::level_value(level)],
            ),
            (None, None) => {}
        }
        d.decided = decided;
        self.discretion.push(d);
        decided.unwrap_or(default)
    }

    /// A score of 50 or more that meets no level's conditions and no trigger
    /// (party-rating.md §14 Q1): the policy's default, as a point of discretion.
    /// Nothing is left to decide if a trigger already made the level KHTNV.
    pub(crate) fn gap(
        &mut self,
        rule: &'static RuleDef,
        values: &[i64],
        policy: &crate::policy::Policy,
    ) -> Level {
        if self.forced {
            return Level::NotCompleted;
        }
        self.note(rule, Effect::Decided, values);
        self.setting("gap");
        let default = match policy.gap {
            crate::policy::GapPolicy::NotCompleted => Level::NotCompleted,
            crate::policy::GapPolicy::Completed => Level::Completed,
        };
        self.discretion(
            "gap",
            rule,
            default,
            &[Level::NotCompleted, Level::Completed],
        )
    }

    /// A KHTNV trigger that holds. If `mitigated`, the competent level decides:
    /// KHTNV is applied by default, as a discretion point.
    pub(crate) fn trigger(&mut self, rule: &'static RuleDef, values: &[i64], mitigated: bool) {
        self.note(rule, Effect::Decided, values);
        let level = if mitigated {
            self.discretion(
                "mitigation",
                rule,
                Level::NotCompleted,
                &[Level::Completed, Level::Good, Level::Excellent],
            )
        } else {
            self.forced = true;
            Level::NotCompleted
        };
        self.cap = self.cap.min(level);
    }

    /// A trigger from a fault of an earlier year (party-rating.md §5.4 SC1): the
    /// competent level weighs it; KHTNV by default.
    pub(crate) fn earlier_fault(
        &mut self,
        rule: &'static RuleDef,
        values: &[i64],
        earlier: &'static RuleDef,
        earlier_values: &[i64],
    ) {
        self.note(rule, Effect::Decided, values);
        self.note(earlier, Effect::Noted, earlier_values);
        let level = self.discretion(
            "earlier_fault",
            earlier,
            Level::NotCompleted,
            &[Level::Completed, Level::Good, Level::Excellent],
        );
        self.cap = self.cap.min(level);
    }

    pub(crate) fn finish(
        self,
        level: Level,
        score: Option<u32>,
        exceeded: (u32, u32),
    ) -> Assessment {
        Assessment {
            level: level.min(self.cap),
            score,
            exceeded,
            findings: self.findings,
            discretion: self.discretion,
            settings: self.settings,
        }
    }

    /// [`Judge::finish`] into `out` (its buffers given back).
    pub(crate) fn finish_into(
        self,
        level: Level,
        score: Option<u32>,
        exceeded: (u32, u32),
        out: &mut Assessment,
    ) {
        *out = self.finish(level, score, exceeded);
    }
}
