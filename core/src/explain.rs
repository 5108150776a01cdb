//! Rules as data: each rule a stable id, a citation (document, article, clause,
//! point), the confidence of its source, the names of the values it compares and
//! its message in Vietnamese and English (DESIGN §4; party-rating.md §13.5).
//!
//! A finding records that a rule decided, constrained or checked a level, with
//! up to four integer values. Messages are presentation: nothing parses them.

use crate::lang::Lang;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;
use std::fmt;

/// How sure the reference is of a rule (party-rating.md, tags `[V]` `[P]` `[U]` `[D]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tag {
    /// Read in a source that quotes the document: implemented exactly.
    Verified,
    /// Read in part or in summary.
    Partial,
    /// No primary text found: the behaviour is a policy setting with a default.
    Unverified,
    /// Not stated anywhere; derived from verified rules.
    Derived,
    /// A decision of this library (DESIGN §5), not of a document.
    Library,
}

/// Where a rule comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Citation {
    /// The document, e.g. `Quy định 366-QĐ/TW`.
    pub document: &'static str,
    /// Article (Điều), if any.
    pub article: Option<u8>,
    /// Clause (khoản), if any.
    pub clause: Option<u8>,
    /// Point (điểm), if any, e.g. `4.3`.
    pub point: Option<&'static str>,
    /// Section of a guidance (mục), if any, e.g. `II.B.2.3`.
    pub section: Option<&'static str>,
}

impl Citation {
    /// A citation of a whole document.
    #[must_use]
    pub const fn doc(document: &'static str) -> Self {
        Self {
            document,
            article: None,
            clause: None,
            point: None,
            section: None,
        }
    }
    /// A citation of an article.
    #[must_use]
    pub const fn art(document: &'static str, article: u8) -> Self {
        Self {
            document,
            article: Some(article),
            clause: None,
            point: None,
            section: None,
        }
    }
    /// A citation of a clause of an article.
    #[must_use]
    pub const fn clause(document: &'static str, article: u8, clause: u8) -> Self {
        Self {
            document,
            article: Some(article),
            clause: Some(clause),
            point: None,
            section: None,
        }
    }
    /// A citation of a point of a clause.
    #[must_use]
    pub const fn point(
        document: &'static str,
        article: u8,
        clause: u8,
        point: &'static str,
    ) -> Self {
        Self {
            document,
            article: Some(article),
            clause: Some(clause),
            point: Some(point),
            section: None,
        }
    }
    /// A citation of a section of a guidance.
    #[must_use]
    pub const fn section(document: &'static str, section: &'static str) -> Self {
        Self {
            document,
            article: None,
            clause: None,
            point: None,
            section: Some(section),
        }
    }

    /// The citation as text in `lang`, e.g. "Quy định 366-QĐ/TW, Điều 11, khoản 4, điểm 4.3".
    #[must_use]
    pub fn text(&self, lang: Lang) -> String {
        let (art, cl, pt, sec) = match lang {
            Lang::Vi => ("Điều", "khoản", "điểm", "mục"),
            Lang::En => ("Article", "clause", "point", "section"),
        };
        let mut s = self.document.to_owned();
        if let Some(a) = self.article {
            s.push_str(&format!(", {art} {a}"));
        }
        if let Some(c) = self.clause {
            s.push_str(&format!(", {cl} {c}"));
        }
        if let Some(p) = self.point {
            s.push_str(&format!(", {pt} {p}"));
        }
        if let Some(x) = self.section {
            s.push_str(&format!(", {sec} {x}"));
        }
        s
    }
}

/// A rule's definition.
#[derive(Debug, PartialEq, Eq)]
pub struct RuleDef {
    /// Stable id, e.g. `qd366.art11.k4.p4_3.t_i1.discipline`.
    pub id: &'static str,
    /// Where it comes from.
    pub citation: Citation,
    /// How sure the source is.
    pub tag: Tag,
    /// Names of the values a finding of this rule carries, in order.
    pub values: &'static [&'static str],
    /// The message in Vietnamese; `{name}` stands for a value.
    pub vi: &'static str,
    /// The message in English.
    pub en: &'static str,
}

impl RuleDef {
    /// The message in `lang` with `values` filled in.
    #[must_use]
    pub fn message(&self, lang: Lang, values: &[i64]) -> String {
        let mut s = match lang {
            Lang::Vi => self.vi,
            Lang::En => self.en,
        }
        .to_owned();
        for (name, v) in self.values.iter().zip(values) {
            let text = if name.ends_with("score") || name.starts_with("score") {
                format_points(*v)
            } else if name.ends_with("level") {
                level_text(*v, lang)
            } else if name.ends_with("date") {
                format!("{:04}-{:02}-{:02}", v / 10000, (v / 100) % 100, v % 100)
            } else if *name == "form" {
                form_text(*v, lang).to_owned()
            } else {
                v.to_string()
            };
            s = s.replace(&format!("{{{name}}}"), &text);
        }
        s
    }
}

/// Points in tenths as text: `925` → `92.5`, `900` → `90`.
#[must_use]
pub fn format_points(tenths: i64) -> String {
    if tenths % 10 == 0 {
        format!("{}", tenths / 10)
    } else {
        format!("{}.{}", tenths / 10, (tenths % 10).abs())
    }
}

/// Encodes a level as a value of a finding.
#[must_use]
pub const fn level_value(level: crate::Level) -> i64 {
    level as i64
}

/// Encodes a date as a value of a finding (`YYYYMMDD`).
#[must_use]
pub fn date_value(d: crate::date::Date) -> i64 {
    use chrono::Datelike;
    i64::from(d.year()) * 10000 + i64::from(d.month()) * 100 + i64::from(d.day())
}

fn form_text(v: i64, lang: Lang) -> &'static str {
    use crate::lang::pick;
    match v {
        0 => pick(lang, "khiển trách", "reprimand"),
        1 => pick(lang, "cảnh cáo", "warning"),
        2 => pick(lang, "cách chức", "removal from post"),
        _ => pick(lang, "khai trừ", "expulsion"),
    }
}

fn level_text(v: i64, lang: Lang) -> String {
    crate::Level::ALL
        .into_iter()
        .find(|l| *l as i64 == v)
        .map_or_else(
            || v.to_string(),
            |l| format!("{} ({})", l.code(), l.label(lang)),
        )
}

/// What a finding did to the level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// The rule set the level.
    Decided,
    /// The rule lowered the level (a cap, a failed condition, the quota).
    Lowered,
    /// A condition for the level held.
    Met,
    /// The subject is not rated.
    Excluded,
    /// For information: checked, with no effect on the level.
    Noted,
}

/// A rule applied to a subject, with the values it compared.
///
/// 20 bytes: a country's report holds about 12.5 million findings, so the rule
/// is kept as its place in the catalogue of rules ([`Finding::rule`] gives
/// it back), not as a pointer.
///
/// ```
/// use xeploai::explain::{Effect, Finding};
/// use xeploai::rules::common::CIVIL_SERVANT_CAP;
/// let f = Finding::new(&CIVIL_SERVANT_CAP, Effect::Lowered, &[1]);
/// assert!(std::ptr::eq(f.rule(), &CIVIL_SERVANT_CAP));
/// assert_eq!(f.named_values()["civil_servant_level"], 1);
/// assert_eq!(std::mem::size_of::<Finding>(), 20);
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Finding {
    /// The rule's place in the catalogue ([`catalogue`]).
    rule: u16,
    /// What it did.
    pub effect: Effect,
    /// The values, named by `rule().values` (points in tenths, counts, levels,
    /// `YYYYMMDD` dates: all fit in 32 bits, which keeps findings small).
    pub values: [i32; 4],
}

/// The catalogue of rules a [`Finding`] refers to by place: every rule of
/// [`crate::rules::all_rules`], then any other rule a finding was made with
/// (a caller's own `static` [`RuleDef`]), in the order first seen.
mod catalogue {
    use super::RuleDef;
    use rustc_hash::FxHashMap;
    use std::sync::{LazyLock, Mutex, PoisonError};

    struct Known {
        rules: Vec<&'static RuleDef>,
        place: FxHashMap<usize, u16>,
        /// Places by rule id (the first rule with an id, as `all_rules` lists them).
        by_id: FxHashMap<&'static str, u16>,
    }

    static KNOWN: LazyLock<Known> = LazyLock::new(|| {
        let rules: Vec<&'static RuleDef> = crate::rules::all_rules().collect();
        let place = rules
            .iter()
            .zip(0u16..)
            .map(|(r, i)| (address(r), i))
            .collect();
        let mut by_id: FxHashMap<&'static str, u16> = FxHashMap::default();
        for (r, i) in rules.iter().zip(0u16..) {
            by_id.entry(r.id).or_insert(i);
        }
        Known {
            rules,
            place,
            by_id,
        }
    });

    /// The library's rule with this id.
    pub(crate) fn by_id(id: &str) -> Option<&'static RuleDef> {
        let known = &*KNOWN;
        let i = *known.by_id.get(id)?;
        known.rules.get(usize::from(i)).copied()
    }

    /// Rules outside the library's own, added when first used, and their
    /// places by address.
    #[derive(Default)]
    struct Others {
        rules: Vec<&'static RuleDef>,
        place: FxHashMap<usize, u16>,
    }

    static OTHERS: LazyLock<Mutex<Others>> = LazyLock::new(Mutex::default);

    /// Stands for a rule that no longer fits 16 bits of catalogue (more
    /// than 65,535 distinct rules): never reached by the library's own.
    static BEYOND: RuleDef = RuleDef {
        id: "catalogue.full",
        citation: crate::rules::common::LIB,
        tag: super::Tag::Library,
        values: &[],
        vi: "quy tắc không còn chỗ trong danh mục quy tắc",
        en: "a rule beyond the capacity of the catalogue of rules",
    };

    fn address(r: &'static RuleDef) -> usize {
        std::ptr::from_ref(r).addr()
    }

    /// The place a new rule takes after `known` and `others` rules: none
    /// once the catalogue is full (`u16::MAX` stands for [`BEYOND`]).
    pub(super) fn next_place(known: usize, others: usize) -> Option<u16> {
        u16::try_from(known + others)
            .ok()
            .filter(|&p| p != u16::MAX)
    }

    /// The place of `rule`, adding it if it is not the library's own; the
    /// place of [`BEYOND`] once the catalogue is full.
    pub(super) fn place(rule: &'static RuleDef) -> u16 {
        let known = &*KNOWN;
        let at = address(rule);
        if let Some(&i) = known.place.get(&at) {
            return i;
        }
        let mut others = OTHERS.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(&i) = others.place.get(&at) {
            return i;
        }
        let Some(i) = next_place(known.rules.len(), others.rules.len()) else {
            return u16::MAX;
        };
        others.rules.push(rule);
        others.place.insert(at, i);
        i
    }

    /// The rule at `place`.
    pub(super) fn rule(place: u16) -> &'static RuleDef {
        let known = &*KNOWN;
        let i = usize::from(place);
        if let Some(r) = known.rules.get(i) {
            return r;
        }
        if place == u16::MAX {
            return &BEYOND;
        }
        let others = OTHERS.lock().unwrap_or_else(PoisonError::into_inner);
        others
            .rules
            .get(i - known.rules.len())
            .copied()
            .unwrap_or(&BEYOND)
    }
}

/// The place of `rule` in the catalogue (a library rule's is fixed), for
/// [`Finding::is_at`].
pub(crate) fn place_of(rule: &'static RuleDef) -> u16 {
    catalogue::place(rule)
}

/// The library's rule with this id (a lookup in the catalogue).
pub(crate) fn library_rule(id: &str) -> Option<&'static RuleDef> {
    catalogue::by_id(id)
}

impl Finding {
    /// A finding with values (at most four are kept, and no more than the rule names).
    ///
    /// `rule` may be a caller's own `static`: it joins the catalogue. The
    /// catalogue holds 65,535 rules in all (the library has about 160); a
    /// finding of a rule beyond that reads back as the rule `catalogue.full`.
    #[must_use]
    pub fn new(rule: &'static RuleDef, effect: Effect, values: &[i64]) -> Self {
        // Only the values the rule names: the JSON carries values by name, so an
        // unnamed one would be lost on the way back (Report::from_json).
        let mut v = [0i32; 4];
        for (slot, x) in v.iter_mut().zip(values).take(rule.values.len()) {
            *slot = i32::try_from(*x).unwrap_or(if *x < 0 { i32::MIN } else { i32::MAX });
        }
        Self {
            rule: catalogue::place(rule),
            effect,
            values: v,
        }
    }

    /// Whether this is a finding of the rule at `place` (see [`place_of`]): a
    /// comparison of two numbers, for walks over many findings.
    pub(crate) fn is_at(&self, place: u16) -> bool {
        self.rule == place
    }

    /// The rule.
    #[must_use]
    pub fn rule(&self) -> &'static RuleDef {
        catalogue::rule(self.rule)
    }

    /// The values by name.
    #[must_use]
    pub fn named_values(&self) -> BTreeMap<&'static str, i64> {
        self.rule()
            .values
            .iter()
            .copied()
            .zip(self.values.map(i64::from))
            .collect()
    }

    /// The message in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        self.rule().message(lang, &self.values.map(i64::from))
    }
}

/// Hashes what equality compares (the rule's place, the effect and the
/// values), written by hand as three words rather than derived as six
/// fields, for speed: the report's store hashes every subject's list of
/// findings.
impl std::hash::Hash for Finding {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // The bits of each value, as unsigned (`as` keeps them).
        let [a, b, c, d] = self.values.map(|v| u64::from(v as u32));
        state.write_u64(u64::from(self.rule) | (self.effect as u64) << 16 | a << 32);
        state.write_u64(b | c << 32);
        state.write_u64(d);
    }
}

impl Serialize for Finding {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Out<'a> {
            rule: &'static str,
            effect: Effect,
            #[serde(skip_serializing_if = "BTreeMap::is_empty")]
            values: BTreeMap<&'a str, i64>,
            citation: String,
        }
        let rule = self.rule();
        Out {
            rule: rule.id,
            effect: self.effect,
            values: self.named_values(),
            citation: rule.citation.text(Lang::Vi),
        }
        .serialize(s)
    }
}

/// The schema of a finding as [`Finding`]'s `Serialize` writes it: `rule` (the
/// rule's id), `effect`, `values` (left out when the rule compares none) and
/// `citation` (the Vietnamese text of the rule's citation).
impl schemars::JsonSchema for Finding {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Finding".into()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        "xeploai::explain::Finding".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A rule applied to a subject, with the values it compared.",
            "type": "object",
            "properties": {
                "rule": {
                    "description": "The rule's stable id, e.g. `qd366.art11.k4.p4_3.t_i1.discipline`.",
                    "type": "string"
                },
                "effect": generator.subschema_for::<Effect>(),
                "values": {
                    "description": "The values the rule compared, by name; left out when there are none. Integers: scores and points in tenths (`score*`, `*score`), levels as 0 not_completed, 1 completed, 2 good, 3 excellent (`*level`), days as YYYYMMDD (`*date`), the discipline form as 0 reprimand, 1 warning, 2 removal, 3 expulsion (`form`), counts otherwise.",
                    "type": "object",
                    "additionalProperties": {"type": "integer", "format": "int64"}
                },
                "citation": {
                    "description": "The rule's citation in Vietnamese, e.g. \"Quy định 366-QĐ/TW, Điều 11, khoản 4, điểm 4.3\".",
                    "type": "string"
                }
            },
            "required": ["rule", "effect", "citation"],
            "additionalProperties": false
        })
    }
}

impl<'de> Deserialize<'de> for Finding {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct In {
            rule: String,
            effect: Effect,
            #[serde(default)]
            values: BTreeMap<String, i64>,
            // The citation is derived from the rule; accepted and ignored.
            #[serde(default, rename = "citation")]
            _citation: Option<String>,
        }
        let i = In::deserialize(d)?;
        let rule = crate::rules::rule_by_id(&i.rule)
            .ok_or_else(|| D::Error::custom(format!("unknown rule `{}`", i.rule)))?;
        let mut values = [0i32; 4];
        for (slot, name) in values.iter_mut().zip(rule.values) {
            let v = i.values.get(*name).copied().unwrap_or(0);
            *slot = i32::try_from(v)
                .map_err(|_| D::Error::custom(format!("value `{name}` = {v} is out of range")))?;
        }
        Ok(Self {
            rule: catalogue::place(rule),
            effect: i.effect,
            values,
        })
    }
}

impl fmt::Debug for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Finding")
            .field("rule", &self.rule().id)
            .field("effect", &self.effect)
            .field("values", &self.values)
            .finish()
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({})",
            self.message(Lang::En),
            self.rule().citation.text(Lang::En)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citation_text() {
        let c = Citation::point("Quy định 366-QĐ/TW", 11, 4, "4.3");
        assert_eq!(
            c.text(Lang::Vi),
            "Quy định 366-QĐ/TW, Điều 11, khoản 4, điểm 4.3"
        );
        assert_eq!(
            c.text(Lang::En),
            "Quy định 366-QĐ/TW, Article 11, clause 4, point 4.3"
        );
        assert_eq!(
            Citation::section("Hướng dẫn 21-HD/BTCTW", "II.B.2.3").text(Lang::Vi),
            "Hướng dẫn 21-HD/BTCTW, mục II.B.2.3"
        );
    }

    #[test]
    fn a_finding_gives_back_its_rule_whoever_defined_it() {
        // The library's own rules, each at its own place.
        for rule in crate::rules::all_rules() {
            let f = Finding::new(rule, Effect::Noted, &[]);
            assert!(std::ptr::eq(f.rule(), rule), "{}", rule.id);
            let by_id = crate::rules::rule_by_id(rule.id);
            assert!(by_id.is_some_and(|r| std::ptr::eq(r, rule)), "{}", rule.id);
        }
        // A caller's own rules join the catalogue when first used.
        static MINE: RuleDef = RuleDef {
            id: "mine.one",
            citation: Citation::doc("my rules"),
            tag: Tag::Library,
            values: &["count"],
            vi: "của tôi: {count}",
            en: "mine: {count}",
        };
        static OTHER: RuleDef = RuleDef {
            id: "mine.two",
            citation: Citation::doc("my rules"),
            tag: Tag::Library,
            values: &[],
            vi: "khác",
            en: "other",
        };
        let (a, b) = (
            Finding::new(&MINE, Effect::Noted, &[3]),
            Finding::new(&OTHER, Effect::Met, &[]),
        );
        assert!(std::ptr::eq(a.rule(), &MINE) && std::ptr::eq(b.rule(), &OTHER));
        assert_eq!(Finding::new(&MINE, Effect::Noted, &[3]), a);
        assert_ne!(a.rule, b.rule);
        assert_eq!(a.message(Lang::En), "mine: 3");
        // Full: no place for a new rule, which then reads back as `catalogue.full`.
        assert_eq!(catalogue::next_place(160, 65_374), Some(65_534));
        assert_eq!(catalogue::next_place(160, 65_375), None);
        assert_eq!(catalogue::rule(u16::MAX).id, "catalogue.full");
    }

    #[test]
    fn points() {
        assert_eq!(format_points(925), "92.5");
        assert_eq!(format_points(900), "90");
        assert_eq!(format_points(899), "89.9");
    }
}
