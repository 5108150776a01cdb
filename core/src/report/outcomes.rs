//! Every subject's outcome, stored compactly.
//!
//! A country has about 5.8 million subjects. An owned [`SubjectOutcome`] per
//! subject (an id string, a findings vector, shared unit ids) costs about
//! 400 bytes and three allocations each; here a subject is one fixed-size row
//! (48 bytes) pointing into a table of unit ids and into arenas of subject
//! ids, findings and points of discretion: the store's own, and, when a run
//! joins the store another thread filled, that store's arena, taken over
//! without copying. The rows are kept in two parts for the same reason: the
//! joined store's rows become the second, not copied after the first. Rows
//! with the same findings share them in the arena.
//! Read them through [`OutcomeRef`] (borrowed, no allocation) or materialise
//! an owned [`SubjectOutcome`] with [`OutcomeRef::to_owned`]. In JSON the
//! outcomes are an array of [`SubjectOutcome`], exactly as before.
//!
//! ```
//! let g = xeploai::sample::graph().unwrap();
//! let r = xeploai::run::rate(&g, 2025, None, &xeploai::Policy::default()).unwrap();
//! let first = r.outcomes.get(0).unwrap();
//! assert_eq!(r.outcome(first.subject()).unwrap().subject(), first.subject());
//! let rated = r.outcomes.iter().filter(|o| o.level().is_some()).count();
//! assert_eq!(rated as u32, r.total.members.rated + r.total.organisations.rated);
//! ```

use super::{SubjectKind, SubjectOutcome};
use crate::explain::Finding;
use crate::level::Level;
use crate::org::UnitKind;
use crate::outcome::{Discretion, NotRatedReason, Outcome, Rated};
use crate::two_parts::TwoParts;
use serde::{Deserialize, Serialize, Serializer};
use std::borrow::Cow;
use std::sync::Arc;

/// The policy settings an outcome can name (fields of [`crate::Policy`]), in
/// the order they are listed in an outcome's `settings`.
pub const SETTINGS: [&str; 18] = [
    "quota_reading",
    "quota_rounding",
    "member_groups",
    "organisation_groups",
    "too_many_candidates",
    "gap",
    "discipline_trigger",
    "secretary_category",
    "aggregation",
    "cap_head_by_collective",
    "reference_date",
    "rate_new_organisations",
    "residence_caps",
    "civil_servant_cap",
    "leader_own_tasks_required",
    "hd27_bands",
    "basic_criteria",
    "front",
];

/// The bit of a setting in a row's `settings` mask (0 for an unknown name).
pub(crate) fn setting_bit(name: &str) -> u32 {
    SETTINGS
        .iter()
        .position(|s| *s == name)
        .map_or(0, |i| 1u32 << i)
}

/// The reasons, in the order of their codes in a row.
const REASONS: [NotRatedReason; 6] = NotRatedReason::ALL;

/// "No value" for a score, a unit or an index.
pub(crate) const NONE: u32 = u32::MAX;
const NOT_RATED: u8 = 0x10;
const PROVISIONAL: u8 = 1;
const DEMOTED: u8 = 2;
/// The findings arena has a free slot right after the row's findings. A slot
/// left free is never read: [`Outcomes::push_finding`] fills it, and equality
/// ignores the flag.
const ROOM: u8 = 4;
/// The row's id, findings and points of discretion are in the adopted arena
/// ([`Outcomes::adopt`]), not the store's own.
const ADOPTED: u8 = 8;
/// Flags about how a row is stored, not what it says: equality ignores them.
const HOW: u8 = ROOM | ADOPTED;

/// One subject: 48 bytes. Its id, findings and points of discretion are
/// ranges of one [`Arena`]: the store's own, or the adopted one if
/// `flags` has [`ADOPTED`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Row {
    id_start: u32,
    id_len: u32,
    pub(crate) kind: SubjectKind,
    pub(crate) unit_kind: UnitKind,
    /// The level's rank when rated; `NOT_RATED` + the reason's code when not.
    state: u8,
    flags: u8,
    score: u32,
    /// Unit ids: positions in the graph during a run, indexes of the unit
    /// table once finished.
    pub(crate) unit: u32,
    pub(crate) grassroots: u32,
    pub(crate) commune: u32,
    findings_start: u32,
    findings_len: u32,
    discretion_start: u32,
    discretion_len: u32,
    settings: u32,
}

impl Row {
    /// The level, if rated.
    pub(crate) fn level(&self) -> Option<Level> {
        code_level(self.state)
    }

    /// The reason, if not rated.
    pub(crate) fn reason(&self) -> Option<NotRatedReason> {
        self.state
            .checked_sub(NOT_RATED)
            .and_then(|i| REASONS.get(usize::from(i)).copied())
    }
}

/// A level's code: its rank in [`Level::ALL`], lowest first.
const fn level_code(l: Level) -> u8 {
    l as u8
}

fn code_level(c: u8) -> Option<Level> {
    Level::ALL.get(usize::from(c)).copied()
}

/// Appends `item` to the range (`start`, `len`) of `arena`: the range moves to
/// the end of the arena first unless it is there already. Returns its start.
fn append_to_range<T: Clone>(arena: &mut Vec<T>, start: u32, len: u32, item: T) -> u32 {
    let end = off(arena.len());
    let start = if len == 0 || start.saturating_add(len) != end {
        let s = start as usize;
        if s + len as usize <= arena.len() {
            arena.extend_from_within(s..s + len as usize);
        }
        end
    } else {
        start
    };
    arena.push(item);
    start
}

/// Reverses the order of the blocks of `items` that start at `starts`
/// (ascending), keeping the order inside each block, in place.
pub(crate) fn reverse_blocks<T>(items: &mut [T], starts: &[usize]) {
    items.reverse();
    let n = items.len();
    // Block k (from starts[k] to the next start) now ends at n - starts[k].
    for (k, &s) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(n);
        let (a, b) = (n.saturating_sub(end), n.saturating_sub(s));
        if let Some(block) = items.get_mut(a..b) {
            block.reverse();
        }
    }
}

/// Adds a finding to the row `r`, whose findings are in `arena`: in the
/// row's free slot if it kept one, else after its others.
fn add_finding(r: &mut Row, arena: &mut Vec<Finding>, f: Finding) {
    let slot = r.findings_start.saturating_add(r.findings_len) as usize;
    let start = match arena.get_mut(slot).filter(|_| r.flags & ROOM != 0) {
        Some(free) => {
            *free = f;
            r.findings_start
        }
        None => append_to_range(arena, r.findings_start, r.findings_len, f),
    };
    r.findings_start = start;
    r.findings_len += 1;
    r.flags &= !ROOM;
}

/// Adds a point of discretion to the row `r`, whose points are in `arena`.
fn add_discretion(r: &mut Row, arena: &mut Vec<Discretion>, d: Discretion) {
    let start = append_to_range(arena, r.discretion_start, r.discretion_len, d);
    r.discretion_start = start;
    r.discretion_len += 1;
    if d.decided.is_none() {
        r.flags |= PROVISIONAL;
    }
}

/// The changes the quota makes to a row, on a whole store or on one part:
/// each finds the row with the arena it addresses, then changes them.
pub(crate) trait RowEdits {
    /// Whether the row at `i` (an index in the whole store) is changed here.
    fn holds(&mut self, i: u32) -> bool;

    /// The row at `i` with the arena it addresses, if it is changed here.
    fn row_and_arena(&mut self, i: u32) -> Option<(&mut Row, &mut Arena)>;

    /// See [`Outcomes::push_finding`].
    fn push_finding(&mut self, i: u32, f: Finding) {
        if let Some((r, arena)) = self.row_and_arena(i) {
            add_finding(r, &mut arena.findings, f);
        }
    }

    /// Adds a point of discretion to a row and updates `provisional`.
    fn push_discretion(&mut self, i: u32, d: Discretion) {
        if let Some((r, arena)) = self.row_and_arena(i) {
            add_discretion(r, &mut arena.discretion, d);
        }
    }

    /// See [`Outcomes::set_level`].
    fn set_level(&mut self, i: u32, level: Level) {
        if let Some((r, _)) = self.row_and_arena(i).filter(|(r, _)| r.state < NOT_RATED) {
            r.state = level_code(level);
        }
    }

    /// Marks a row demoted by the quota.
    fn set_demoted(&mut self, i: u32) {
        if let Some((r, _)) = self.row_and_arena(i) {
            r.flags |= DEMOTED;
        }
    }

    /// See [`Outcomes::add_settings`].
    fn add_settings(&mut self, i: u32, bits: u32) {
        if let Some((r, _)) = self.row_and_arena(i) {
            r.settings |= bits;
        }
    }
}

impl RowEdits for Outcomes {
    fn holds(&mut self, i: u32) -> bool {
        (i as usize) < self.rows.len()
    }

    fn row_and_arena(&mut self, i: u32) -> Option<(&mut Row, &mut Arena)> {
        let r = self.rows.get_mut(i as usize)?;
        let arena = if r.flags & ADOPTED == 0 {
            &mut self.own
        } else {
            &mut self.adopted
        };
        Some((r, arena))
    }
}

/// One part of a store's rows with the arena they address (the first part
/// the store's own, the second the adopted one): the two parts can be
/// changed at once, on two threads, and each arena grows as it would one
/// part after the other. A row of the part that addresses the other arena
/// (not made by a run) is not changed here but noted in `deferred`, to be
/// changed on the whole store after.
pub(crate) struct PartMut<'a> {
    first: u32,
    rows: &'a mut [Row],
    arena: &'a mut Arena,
    adopted: bool,
    /// Rows of this part left to be changed on the whole store, in order.
    pub(crate) deferred: Vec<u32>,
}

impl PartMut<'_> {
    /// Where the store's row `i` is in this part, if it is, and whether it
    /// addresses this part's arena.
    fn place(&self, i: u32) -> Option<(usize, bool)> {
        let k = i.checked_sub(self.first)? as usize;
        let r = self.rows.get(k)?;
        Some((k, (r.flags & ADOPTED != 0) == self.adopted))
    }
}

impl RowEdits for PartMut<'_> {
    fn holds(&mut self, i: u32) -> bool {
        match self.place(i) {
            Some((_, own)) => {
                if !own {
                    self.deferred.push(i);
                }
                own
            }
            None => false,
        }
    }

    /// The row at `i` if this part holds it (it addresses this part's
    /// arena), with the arena.
    fn row_and_arena(&mut self, i: u32) -> Option<(&mut Row, &mut Arena)> {
        let (k, true) = self.place(i)? else {
            return None;
        };
        Some((self.rows.get_mut(k)?, &mut *self.arena))
    }
}

fn reason_code(r: NotRatedReason) -> u8 {
    let i = REASONS.iter().position(|x| *x == r).unwrap_or(0);
    NOT_RATED + u8::try_from(i).unwrap_or(0)
}

/// Converts an arena length to a 32-bit offset (checked by [`Outcomes::fits`]).
fn off(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(NONE)
}

/// The texts and lists that rows address by offset.
///
/// Rows may share a range of findings ([`Arena::store_findings`]). That is
/// safe because no item of a range is written once a row holds it: a
/// finding added to a row goes past the end of its range, into the row's
/// own free slot ([`ROOM`]) or at the end of the arena, and a row sharing the
/// range never reads past its own length. A free slot is never part of a
/// shared range: a row with room is never given a range stored before, the
/// ranges remembered end before their slot, and clearing the arena forgets
/// them all (else one remembered before would hand out a range that now
/// holds other items, or none).
#[derive(Debug, Clone, Default)]
pub(crate) struct Arena {
    ids: String,
    findings: Vec<Finding>,
    discretion: Vec<Discretion>,
    recent: Recent,
}

/// The lists of findings an arena stored lately, by a hash of their contents,
/// so that a row whose findings equal one of them shares its range instead
/// of storing them again. Many members have the same findings (the same
/// score and task counts): in the generated country, the 5.2 million rows
/// stored without room hold only 94,500 different lists, and with 16,384
/// slots 83 % of these rows find theirs stored, which leaves 4.6 million
/// findings in the arenas instead of 13.1 million (92 MB instead of 263 MB).
///
/// A slot holds a range's start in its bits 0–31, its length in bits 32–39
/// and 24 bits of the list's hash in bits 40–63 ([`Recent::slot`]); an empty
/// slot is 0, which no range's slot is (its length is at least 1).
/// Direct-mapped and small (128 KiB of slots, and 960 KiB of copies, below),
/// so that a lookup stays in the processor's cache (2 MiB of L2 a core on
/// this machine): 65,536 slots found 92 %, but cost more time in lookups
/// than they saved in memory. A list whose slot another took is stored
/// again.
///
/// A list of at most [`INLINE`] findings (a row has 2.3 on average in the
/// generated country) is also copied, into a table of copies indexed as the
/// slots are, and compared with that copy: the range it stands for is
/// anywhere in an arena of tens of megabytes, and reading it there was a
/// cache miss almost every time (half the samples of the comparison were on
/// its first load). The copy equals the range: no item of a range is written
/// once stored ([`Arena`]), clearing the arena empties every slot, and
/// [`Arena::forget_recent`] and `clone` drop the table. Debug builds check
/// it at every match.
#[derive(Default)]
struct Recent {
    slots: Vec<u64>,
    /// [`INLINE`] findings per slot; those past a slot's length, and those of
    /// a longer list, are not read.
    copies: Vec<Finding>,
}

/// The longest list of findings [`Recent`] keeps a copy of.
const INLINE: usize = 3;

/// A copy remembers nothing: the slots only save memory for rows stored
/// later, and a copy of a report rarely stores any.
impl Clone for Recent {
    fn clone(&self) -> Self {
        Self::default()
    }
}

/// The number of slots of [`Recent`] is `1 << RECENT_BITS`.
const RECENT_BITS: u32 = 14;

impl std::fmt::Debug for Recent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Recent({} slots)", self.slots.len())
    }
}

impl Recent {
    /// A hash of a list of findings, every bit of it mixed: FxHash alone
    /// leaves bits that the values barely change, and the slot is chosen by
    /// a few bits (the finaliser of MurmurHash3's 64-bit hash).
    fn hash(list: &[Finding]) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = rustc_hash::FxHasher::default();
        list.hash(&mut h);
        let mut x = h.finish();
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^= x >> 33;
        x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        x ^ x >> 33
    }

    /// The slot for the hash `h` (its top bits) and the tag a slot holding
    /// a range with that hash has (24 other bits of it, in bits 40–63).
    fn slot(h: u64) -> (usize, u64) {
        (
            (h >> (64 - RECENT_BITS)) as usize,
            (h >> 16 & 0xff_ffff) << 40,
        )
    }

    /// The start of a stored range equal to `list`, if one is remembered.
    fn find(&self, h: u64, list: &[Finding], stored: &[Finding]) -> Option<u32> {
        let (i, tag) = Self::slot(h);
        let e = *self.slots.get(i)?;
        let (start, len) = (e as u32 as usize, (e >> 32) as u8 as usize);
        if e & (0xff_ffff << 40) != tag || len != list.len() {
            return None;
        }
        let same = if len <= INLINE {
            let same = self.copies.get(i * INLINE..i * INLINE + len) == Some(list);
            debug_assert!(
                !same || stored.get(start..start + len) == Some(list),
                "a stored range changed after it was remembered"
            );
            same
        } else {
            stored.get(start..start + len) == Some(list)
        };
        same.then_some(start as u32)
    }

    /// Remembers that `list` (hash `h`) is stored at `start`.
    fn remember(&mut self, h: u64, start: u32, list: &[Finding]) {
        let (Ok(len), Some(&first)) = (u8::try_from(list.len()), list.first()) else {
            return;
        };
        if self.slots.is_empty() {
            self.slots = vec![0; 1 << RECENT_BITS];
            self.copies = vec![first; INLINE << RECENT_BITS];
        }
        let (i, tag) = Self::slot(h);
        if let Some(slot) = self.slots.get_mut(i) {
            *slot = tag | u64::from(len) << 32 | u64::from(start);
        }
        if list.len() <= INLINE {
            if let Some(copy) = self.copies.get_mut(i * INLINE..i * INLINE + list.len()) {
                copy.copy_from_slice(list);
            }
        }
    }

    fn clear(&mut self) {
        self.slots.fill(0);
    }
}

impl Arena {
    fn is_empty(&self) -> bool {
        self.ids.is_empty() && self.findings.is_empty() && self.discretion.is_empty()
    }

    fn clear(&mut self) {
        self.ids.clear();
        self.findings.clear();
        self.discretion.clear();
        self.recent.clear();
    }

    /// Drops the recent lists (and their memory), for an arena that stores
    /// no more rows.
    fn forget_recent(&mut self) {
        self.recent = Recent::default();
    }

    /// Stores a row's findings and returns their start: a range already
    /// holding the same findings if one was stored lately, else a new one at
    /// the end. With `room`, always a new one, followed by a free slot (the
    /// slot is the row's own, so its range is not shared).
    fn store_findings(&mut self, list: &[Finding], room: bool) -> u32 {
        let start = off(self.findings.len());
        if list.is_empty() {
            return start;
        }
        let h = Recent::hash(list);
        if !room {
            if let Some(shared) = self.recent.find(h, list, &self.findings) {
                return shared;
            }
        }
        self.findings.extend_from_slice(list);
        if room {
            // Any finding fills the slot until it is used; it is not read.
            self.findings.extend_from_within(self.findings.len() - 1..);
        }
        self.recent.remember(h, start, list);
        start
    }

    fn id_text(&self, r: &Row) -> &str {
        let s = r.id_start as usize;
        self.ids.get(s..s + r.id_len as usize).unwrap_or("")
    }

    fn findings(&self, r: &Row) -> &[Finding] {
        let s = r.findings_start as usize;
        self.findings
            .get(s..s + r.findings_len as usize)
            .unwrap_or(&[])
    }

    fn discretion(&self, r: &Row) -> &[Discretion] {
        let s = r.discretion_start as usize;
        self.discretion
            .get(s..s + r.discretion_len as usize)
            .unwrap_or(&[])
    }
}

/// The outcomes of a report: sorted by kind (members first), then subject id.
#[derive(Debug, Clone, Default)]
pub struct Outcomes {
    /// The rows in the order the run stored them (the report order is
    /// `order`), in two parts: the rows of a store joined by
    /// [`Outcomes::adopt`] are taken over as the second part, not copied, and
    /// rows added since follow them there.
    rows: TwoParts<Row>,
    /// Row indexes in report order.
    order: Vec<u32>,
    units: Vec<Arc<str>>,
    /// Where new rows put their ids, findings and points of discretion.
    own: Arena,
    /// The arena of a store joined by [`Outcomes::adopt`] (rows with
    /// [`ADOPTED`]): joining moves it here instead of copying it.
    adopted: Arena,
}

/// What a new row holds.
pub(crate) struct NewRow<'a> {
    pub(crate) subject: &'a str,
    pub(crate) kind: SubjectKind,
    pub(crate) unit_kind: UnitKind,
    pub(crate) unit: u32,
    pub(crate) grassroots: u32,
    pub(crate) commune: u32,
}

impl Outcomes {
    /// An empty store with room for `n` subjects.
    pub(crate) fn with_capacity(n: usize) -> Self {
        Self {
            rows: TwoParts::one(Vec::with_capacity(n)),
            order: Vec::new(),
            units: Vec::new(),
            own: Arena {
                ids: String::with_capacity(n * 12),
                // Rows with the same findings share them: in the generated
                // country, 0.8 findings are stored a row (2.3 without sharing).
                // Room not used is never touched.
                findings: Vec::with_capacity(n),
                discretion: Vec::new(),
                recent: Recent::default(),
            },
            adopted: Arena::default(),
        }
    }

    /// The arena that holds a row's ranges.
    fn arena(&self, r: &Row) -> &Arena {
        if r.flags & ADOPTED == 0 {
            &self.own
        } else {
            &self.adopted
        }
    }

    /// Whether every arena still fits 32-bit offsets.
    pub(crate) fn fits(&self) -> bool {
        [&self.own, &self.adopted]
            .iter()
            .flat_map(|a| [a.ids.len(), a.findings.len(), a.discretion.len()])
            .chain([self.rows.len()])
            .all(|n| n < NONE as usize)
    }

    fn push_row(&mut self, new: &NewRow<'_>, state: u8, findings: &[Finding], room: bool) -> u32 {
        let room = room && !findings.is_empty();
        let row = Row {
            id_start: off(self.own.ids.len()),
            id_len: off(new.subject.len()),
            kind: new.kind,
            unit_kind: new.unit_kind,
            state,
            flags: if room { ROOM } else { 0 },
            score: NONE,
            unit: new.unit,
            grassroots: new.grassroots,
            commune: new.commune,
            findings_start: self.own.store_findings(findings, room),
            findings_len: off(findings.len()),
            discretion_start: off(self.own.discretion.len()),
            discretion_len: 0,
            settings: 0,
        };
        self.own.ids.push_str(new.subject);
        self.rows.last_part().push(row);
        off(self.rows.len() - 1)
    }

    /// Adds a subject that is not rated; returns its row.
    pub(crate) fn push_not_rated(
        &mut self,
        new: &NewRow<'_>,
        reason: NotRatedReason,
        findings: &[Finding],
    ) -> u32 {
        self.push_row(new, reason_code(reason), findings, false)
    }

    /// Adds a rated subject; returns its row. With `room`, a free slot is
    /// kept after its findings for one more (the quota's), which then need
    /// not move to the end of the arena.
    pub(crate) fn push_rated(
        &mut self,
        new: &NewRow<'_>,
        a: &crate::rules::Assessment,
        extra_settings: u32,
        room: bool,
    ) -> u32 {
        let i = self.push_row(new, level_code(a.level), &a.findings, room);
        let provisional = a.discretion.iter().any(|d| d.decided.is_none());
        let settings = a
            .settings
            .iter()
            .fold(extra_settings, |m, s| m | setting_bit(s));
        if let Some(r) = self.rows.last_part().last_mut() {
            r.score = a.score.unwrap_or(NONE);
            if provisional {
                r.flags |= PROVISIONAL;
            }
            r.discretion_len = off(a.discretion.len());
            r.settings = settings;
        }
        self.own.discretion.extend_from_slice(&a.discretion);
        i
    }

    /// Copies the rows of `other` after these, fixing their offsets, and
    /// empties `other` (keeping its capacity, so that a buffer rated into
    /// again reuses memory already touched). For stores being filled by a
    /// run: the report order and the unit table are not carried over.
    pub(crate) fn append_from(&mut self, other: &mut Self) {
        // Where each of the two arenas of `other` starts in this one's own
        // (ids, findings, points of discretion): its own arena right after
        // these, its adopted one after that.
        let len = |a: &Arena| {
            [
                off(a.ids.len()),
                off(a.findings.len()),
                off(a.discretion.len()),
            ]
        };
        let (own_shift, theirs) = (len(&self.own), len(&other.own));
        let adopted_shift: [u32; 3] =
            std::array::from_fn(|k| own_shift[k].saturating_add(theirs[k]));
        self.rows.last_part().extend(other.rows.iter().map(|r| {
            let [ids, findings, discretion] = if r.flags & ADOPTED == 0 {
                own_shift
            } else {
                adopted_shift
            };
            Row {
                id_start: r.id_start.saturating_add(ids),
                findings_start: r.findings_start.saturating_add(findings),
                discretion_start: r.discretion_start.saturating_add(discretion),
                flags: r.flags & !ADOPTED,
                ..*r
            }
        }));
        for part in [&mut other.own, &mut other.adopted] {
            self.own.ids.push_str(&part.ids);
            self.own.findings.extend_from_slice(&part.findings);
            self.own.discretion.append(&mut part.discretion);
            part.clear();
        }
        other.rows.clear();
    }

    /// Joins the rows of `other` after these without copying: its rows
    /// become this store's second part and its arena this store's adopted
    /// one. When either store has two parts or an adopted arena already,
    /// copies as [`Outcomes::append_from`] does.
    pub(crate) fn adopt(&mut self, mut other: Self) {
        let joined = |s: &Self| s.rows.has_second() || !s.adopted.is_empty();
        if joined(self) || joined(&other) {
            self.append_from(&mut other);
            return;
        }
        let mut rows = std::mem::take(other.rows.make_one());
        for r in &mut rows {
            r.flags |= ADOPTED;
        }
        self.rows = TwoParts::two(std::mem::take(self.rows.make_one()), rows);
        self.adopted = std::mem::take(&mut other.own);
        // New rows go to the own arena: the adopted one's lists are not
        // looked up again.
        self.adopted.forget_recent();
    }

    /// The number of rows.
    pub(crate) fn row_count(&self) -> usize {
        self.rows.len()
    }

    /// At least the number of points of discretion of all rows (the arenas'
    /// lengths: a row whose points moved leaves its old ones behind).
    pub(crate) fn discretion_bound(&self) -> usize {
        self.own.discretion.len() + self.adopted.discretion.len()
    }

    /// Makes room for `additional` more points of discretion in each arena
    /// (room not used is never touched).
    pub(crate) fn reserve_discretion(&mut self, additional: usize) {
        self.own.discretion.reserve(additional);
        self.adopted.discretion.reserve(additional);
    }

    /// Puts blocks of rows back in order: `starts` are the first rows of
    /// blocks written one after the other (ascending), and the blocks are
    /// reversed while each keeps its own order. The arenas are untouched
    /// (rows address them by offset). The rows are made one part first, which
    /// copies nothing for a store a run fills (it has one).
    pub(crate) fn reverse_blocks(&mut self, starts: &[usize]) {
        reverse_blocks(self.rows.make_one(), starts);
    }

    /// Keeps the rows for which `keep(row index)` holds.
    pub(crate) fn retain_rows(&mut self, keep: impl FnMut(usize) -> bool) {
        self.rows.retain_indexed(keep);
    }

    fn row(&self, i: u32) -> Option<&Row> {
        self.rows.get(i as usize)
    }

    fn row_mut(&mut self, i: u32) -> Option<&mut Row> {
        self.rows.get_mut(i as usize)
    }

    /// A row's unit (a member's cell, an organisation's parent): a position
    /// in the graph while a run fills the store. `NONE` past the end.
    pub(crate) fn unit_of(&self, i: u32) -> u32 {
        self.row(i).map_or(NONE, |r| r.unit)
    }

    /// A row's level, if rated.
    pub(crate) fn level_of(&self, i: u32) -> Option<Level> {
        self.row(i).and_then(|r| code_level(r.state))
    }

    /// A row's score.
    pub(crate) fn score_of(&self, i: u32) -> Option<u32> {
        self.row(i).map(|r| r.score).filter(|&s| s != NONE)
    }

    /// Sets a rated row's level.
    pub(crate) fn set_level(&mut self, i: u32, level: Level) {
        RowEdits::set_level(self, i, level);
    }

    /// Names a policy setting in a row.
    pub(crate) fn add_setting(&mut self, i: u32, name: &str) {
        self.add_settings(i, setting_bit(name));
    }

    /// Names policy settings in a row, as bits of [`setting_bit`].
    pub(crate) fn add_settings(&mut self, i: u32, bits: u32) {
        RowEdits::add_settings(self, i, bits);
    }

    /// A row's findings.
    pub(crate) fn findings_of(&self, i: u32) -> &[Finding] {
        self.row(i).map_or(&[], |r| self.arena(r).findings(r))
    }

    /// Adds a finding to a row: into the free slot after its findings if it
    /// has one, else its findings move to the end of the arena (unless they
    /// are there already).
    pub(crate) fn push_finding(&mut self, i: u32, f: Finding) {
        RowEdits::push_finding(self, i, f);
    }

    /// The two parts of the rows, each with the arena its rows address, to
    /// be changed apart (on two threads). See [`PartMut`].
    pub(crate) fn parts_mut(&mut self) -> [PartMut<'_>; 2] {
        let [first, second] = self.rows.parts_mut();
        let n = off(first.len());
        [
            PartMut {
                first: 0,
                rows: first,
                arena: &mut self.own,
                adopted: false,
                deferred: Vec::new(),
            },
            PartMut {
                first: n,
                rows: second,
                arena: &mut self.adopted,
                adopted: true,
                deferred: Vec::new(),
            },
        ]
    }

    /// Rows in storage order, in their two parts (the second may be empty).
    pub(crate) fn row_parts(&self) -> [&[Row]; 2] {
        self.rows.parts()
    }

    /// Rows in storage order, in their two parts (mutable unit fields for
    /// the run's last pass).
    pub(crate) fn row_parts_mut(&mut self) -> [&mut [Row]; 2] {
        self.rows.parts_mut()
    }

    /// Finishes a run: unit positions become entries of `units`, and the
    /// report order is `order`.
    pub(crate) fn finish(&mut self, units: Vec<Arc<str>>, order: Vec<u32>) {
        debug_assert_eq!(order.len(), self.rows.len(), "every row is in the order");
        self.units = units;
        self.order = order;
        // A finished report stores no more rows: the recent lists go.
        self.own.forget_recent();
        self.adopted.forget_recent();
    }

    /// A subject's id in row `i`.
    pub(crate) fn subject_of(&self, i: u32) -> &str {
        self.row(i).map_or("", |r| self.id_text(r))
    }

    fn id_text(&self, r: &Row) -> &str {
        self.arena(r).id_text(r)
    }

    /// The number of subjects.
    #[must_use]
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The subject at `index` in report order.
    #[must_use]
    pub fn get(&self, index: usize) -> Option<OutcomeRef<'_>> {
        let row = self.row(*self.order.get(index)?)?;
        Some(OutcomeRef { store: self, row })
    }

    /// The subjects in report order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = OutcomeRef<'_>> + '_ {
        self.order.iter().map(move |&i| OutcomeRef {
            store: self,
            row: self.row(i).unwrap_or(&EMPTY_ROW),
        })
    }

    /// The subjects in the order the run stored them (members cell by cell,
    /// then organisations): the fastest walk when the order does not matter.
    pub(crate) fn iter_stored(&self) -> impl Iterator<Item = OutcomeRef<'_>> + '_ {
        self.rows
            .iter()
            .map(move |row| OutcomeRef { store: self, row })
    }

    /// The entry of a subject (binary search; a member first if an
    /// organisation has the same id).
    #[must_use]
    pub fn find(&self, subject: &str) -> Option<OutcomeRef<'_>> {
        self.position(subject).and_then(|i| self.get(i))
    }

    /// The index of a subject in report order (as [`Outcomes::find`]).
    #[must_use]
    pub fn position(&self, subject: &str) -> Option<usize> {
        [SubjectKind::Member, SubjectKind::Organisation]
            .into_iter()
            .find_map(|k| {
                self.order
                    .binary_search_by(|&i| {
                        let r = self.row(i).unwrap_or(&EMPTY_ROW);
                        (r.kind, self.id_text(r)).cmp(&(k, subject))
                    })
                    .ok()
            })
    }

    /// Builds the store from owned outcomes (sorted as given).
    #[must_use]
    pub fn from_owned(outcomes: &[SubjectOutcome]) -> Self {
        let mut store = Self::with_capacity(outcomes.len());
        let mut unit_index: std::collections::HashMap<Arc<str>, u32> =
            std::collections::HashMap::new();
        let mut unit_ref = |store: &mut Self, id: &Option<Arc<str>>| -> u32 {
            let Some(id) = id else { return NONE };
            *unit_index.entry(id.clone()).or_insert_with(|| {
                store.units.push(id.clone());
                off(store.units.len() - 1)
            })
        };
        for o in outcomes {
            let new = NewRow {
                subject: &o.subject,
                kind: o.kind,
                unit_kind: o.unit_kind,
                unit: unit_ref(&mut store, &o.unit),
                grassroots: unit_ref(&mut store, &o.grassroots),
                commune: unit_ref(&mut store, &o.commune),
            };
            match &o.outcome {
                Outcome::NotRated { reason, findings } => {
                    store.push_not_rated(&new, *reason, findings);
                }
                Outcome::Rated(r) => {
                    let i = store.push_row(&new, level_code(r.level), &r.findings, false);
                    let start = off(store.own.discretion.len());
                    store.own.discretion.extend(r.discretion.iter().cloned());
                    if let Some(row) = store.row_mut(i) {
                        row.score = r.score.unwrap_or(NONE);
                        row.flags = (u8::from(r.provisional) * PROVISIONAL)
                            | (u8::from(r.quota_demoted) * DEMOTED);
                        row.discretion_start = start;
                        row.discretion_len = off(r.discretion.len());
                        row.settings = r.settings.iter().fold(0, |m, s| m | setting_bit(s));
                    }
                }
            }
        }
        store.order = (0..off(outcomes.len())).collect();
        store.own.forget_recent();
        store
    }

    /// Every subject as an owned [`SubjectOutcome`].
    #[must_use]
    pub fn to_vec(&self) -> Vec<SubjectOutcome> {
        self.iter().map(|o| o.to_owned()).collect()
    }
}

const EMPTY_ROW: Row = Row {
    id_start: 0,
    id_len: 0,
    kind: SubjectKind::Member,
    unit_kind: UnitKind::Cell,
    state: NOT_RATED,
    flags: 0,
    score: NONE,
    unit: NONE,
    grassroots: NONE,
    commune: NONE,
    findings_start: 0,
    findings_len: 0,
    discretion_start: 0,
    discretion_len: 0,
    settings: 0,
};

impl PartialEq for Outcomes {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().zip(other.iter()).all(|(a, b)| a == b)
    }
}

impl Eq for Outcomes {}

/// One subject's outcome, borrowed from a report.
#[derive(Clone, Copy)]
pub struct OutcomeRef<'r> {
    store: &'r Outcomes,
    row: &'r Row,
}

impl<'r> OutcomeRef<'r> {
    /// The person's or the unit's id.
    #[must_use]
    pub fn subject(&self) -> &'r str {
        self.store.id_text(self.row)
    }

    /// Member or organisation.
    #[must_use]
    pub fn kind(&self) -> SubjectKind {
        self.row.kind
    }

    /// For an organisation, its unit kind; for a member, the kind of the cell.
    #[must_use]
    pub fn unit_kind(&self) -> UnitKind {
        self.row.unit_kind
    }

    fn unit_text(&self, i: u32) -> Option<&'r str> {
        self.store.units.get(i as usize).map(|s| &**s)
    }

    /// For a member, the cell; for an organisation, its parent.
    #[must_use]
    pub fn unit(&self) -> Option<&'r str> {
        self.unit_text(self.row.unit)
    }

    /// The grassroots organisation the subject belongs to, if any.
    #[must_use]
    pub fn grassroots(&self) -> Option<&'r str> {
        self.unit_text(self.row.grassroots)
    }

    /// The commune, if any.
    #[must_use]
    pub fn commune(&self) -> Option<&'r str> {
        self.unit_text(self.row.commune)
    }

    /// The level, if rated.
    #[must_use]
    pub fn level(&self) -> Option<Level> {
        code_level(self.row.state)
    }

    /// Why the subject is not rated, if it is not.
    #[must_use]
    pub fn not_rated_reason(&self) -> Option<NotRatedReason> {
        self.row.reason()
    }

    /// The score in tenths, if rated under a regime that scores.
    #[must_use]
    pub fn score(&self) -> Option<u32> {
        Some(self.row.score).filter(|&s| s != NONE && self.level().is_some())
    }

    /// Whether a point of discretion is still open (rated subjects only).
    #[must_use]
    pub fn provisional(&self) -> bool {
        self.row.flags & PROVISIONAL != 0
    }

    /// Demoted from HTXSNV by the quota.
    #[must_use]
    pub fn quota_demoted(&self) -> bool {
        self.row.flags & DEMOTED != 0
    }

    /// Every rule that decided, constrained or checked the outcome.
    #[must_use]
    pub fn findings(&self) -> &'r [Finding] {
        self.store.arena(self.row).findings(self.row)
    }

    /// Points of discretion.
    #[must_use]
    pub fn discretion(&self) -> &'r [Discretion] {
        self.store.arena(self.row).discretion(self.row)
    }

    /// The policy settings that affected the outcome.
    pub fn settings(&self) -> impl Iterator<Item = &'static str> + 'r {
        let mask = self.row.settings;
        SETTINGS
            .iter()
            .enumerate()
            .filter(move |(i, _)| mask & (1 << i) != 0)
            .map(|(_, s)| *s)
    }

    /// The outcome as an owned value.
    #[must_use]
    pub fn outcome(&self) -> Outcome {
        match self.not_rated_reason() {
            Some(reason) => Outcome::NotRated {
                reason,
                findings: self.findings().to_vec(),
            },
            None => Outcome::Rated(Rated {
                level: self.level().unwrap_or(Level::NotCompleted),
                provisional: self.provisional(),
                score: self.score(),
                quota_demoted: self.quota_demoted(),
                findings: self.findings().to_vec(),
                discretion: self.discretion().to_vec(),
                settings: self.settings().map(Cow::Borrowed).collect(),
            }),
        }
    }

    /// The entry as an owned value.
    #[must_use]
    pub fn to_owned(&self) -> SubjectOutcome {
        SubjectOutcome {
            subject: self.subject().to_owned(),
            kind: self.kind(),
            unit_kind: self.unit_kind(),
            unit: self.unit().map(Arc::from),
            grassroots: self.grassroots().map(Arc::from),
            commune: self.commune().map(Arc::from),
            outcome: self.outcome(),
        }
    }
}

impl PartialEq for OutcomeRef<'_> {
    fn eq(&self, o: &Self) -> bool {
        self.subject() == o.subject()
            && self.kind() == o.kind()
            && self.unit_kind() == o.unit_kind()
            && self.unit() == o.unit()
            && self.grassroots() == o.grassroots()
            && self.commune() == o.commune()
            && self.row.state == o.row.state
            && self.score() == o.score()
            && (self.level().is_none() || self.row.flags & !HOW == o.row.flags & !HOW)
            && self.findings() == o.findings()
            && self.discretion() == o.discretion()
            && self.row.settings == o.row.settings
    }
}

impl std::fmt::Debug for OutcomeRef<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.to_owned().fmt(f)
    }
}

// JSON: the same shape as `SubjectOutcome`, written from the rows without
// building owned values.

#[derive(Serialize)]
struct RatedJson<'a> {
    level: Level,
    provisional: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<u32>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    quota_demoted: bool,
    findings: &'a [Finding],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    discretion: &'a [Discretion],
    #[serde(skip_serializing_if = "SettingsJson::is_empty")]
    settings: SettingsJson,
}

/// Settings as a JSON array, written from the mask.
struct SettingsJson(u32);

impl SettingsJson {
    const fn is_empty(&self) -> bool {
        self.0 == 0
    }
}

impl Serialize for SettingsJson {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mask = self.0;
        s.collect_seq(
            SETTINGS
                .iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, s)| *s),
        )
    }
}

#[derive(Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
enum OutcomeJson<'a> {
    NotRated {
        reason: NotRatedReason,
        #[serde(skip_serializing_if = "<[_]>::is_empty")]
        findings: &'a [Finding],
    },
    Rated(RatedJson<'a>),
}

#[derive(Serialize)]
struct SubjectJson<'a> {
    subject: &'a str,
    kind: SubjectKind,
    unit_kind: UnitKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    grassroots: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    commune: Option<&'a str>,
    outcome: OutcomeJson<'a>,
}

impl Serialize for OutcomeRef<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let outcome = match self.not_rated_reason() {
            Some(reason) => OutcomeJson::NotRated {
                reason,
                findings: self.findings(),
            },
            None => OutcomeJson::Rated(RatedJson {
                level: self.level().unwrap_or(Level::NotCompleted),
                provisional: self.provisional(),
                score: self.score(),
                quota_demoted: self.quota_demoted(),
                findings: self.findings(),
                discretion: self.discretion(),
                settings: SettingsJson(self.row.settings),
            }),
        };
        SubjectJson {
            subject: self.subject(),
            kind: self.kind(),
            unit_kind: self.unit_kind(),
            unit: self.unit(),
            grassroots: self.grassroots(),
            commune: self.commune(),
            outcome,
        }
        .serialize(s)
    }
}

impl Serialize for Outcomes {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for Outcomes {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let owned = Vec::<SubjectOutcome>::deserialize(d)?;
        for o in &owned {
            if let Outcome::Rated(r) = &o.outcome {
                if let Some(s) = r.settings.iter().find(|s| setting_bit(s) == 0) {
                    return Err(serde::de::Error::custom(format!(
                        "{}: unknown policy setting `{s}`",
                        o.subject
                    )));
                }
            }
        }
        Ok(Self::from_owned(&owned))
    }
}

impl schemars::JsonSchema for Outcomes {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        Vec::<SubjectOutcome>::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        Vec::<SubjectOutcome>::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A finding of one value (the civil servant cap's, lowered).
    fn cap(v: i64) -> Finding {
        Finding::new(
            &crate::rules::common::CIVIL_SERVANT_CAP,
            crate::explain::Effect::Lowered,
            &[v],
        )
    }

    /// A member's row with no units.
    fn member(subject: &str) -> NewRow<'_> {
        NewRow {
            subject,
            kind: SubjectKind::Member,
            unit_kind: UnitKind::Cell,
            unit: NONE,
            grassroots: NONE,
            commune: NONE,
        }
    }

    /// The sample's outcomes for 2025, owned.
    fn sample_outcomes() -> Vec<SubjectOutcome> {
        let g = crate::sample::graph().unwrap();
        let r = crate::run::rate(&g, 2025, None, &crate::Policy::default()).unwrap();
        r.outcomes.to_vec()
    }

    /// The subjects' ids in storage order.
    fn ids(s: &Outcomes) -> Vec<String> {
        s.iter_stored().map(|o| o.subject().to_owned()).collect()
    }

    /// The points of discretion of the row at `i`, from its arena.
    fn discretion_at(s: &Outcomes, i: usize) -> &[Discretion] {
        let r = s.row(off(i)).unwrap();
        s.arena(r).discretion(r)
    }

    /// A rated HTXSNV with these findings.
    fn excellent(score: u32, findings: Vec<Finding>) -> crate::rules::Assessment {
        crate::rules::Assessment {
            level: Level::Excellent,
            score: Some(score),
            exceeded: (0, 0),
            findings,
            discretion: Vec::new(),
            settings: Vec::new(),
        }
    }

    #[test]
    fn appended_rows_keep_their_ids_findings_and_discretion() {
        let owned = sample_outcomes();
        let (a, b) = owned.split_at(owned.len() / 2);
        let mut whole = Outcomes::from_owned(a);
        let mut part = Outcomes::from_owned(b);
        let before = part.own.findings.capacity();
        whole.append_from(&mut part);
        // The part is emptied but keeps its capacity.
        assert!(part.row_count() == 0 && part.own.is_empty());
        assert_eq!(part.own.findings.capacity(), before);
        let all = Outcomes::from_owned(&owned);
        assert_eq!(whole.row_count(), all.row_count());
        let discretion = |s: &Outcomes, i: usize| discretion_at(s, i).to_vec();
        // Both halves have points of discretion, so their offsets are tested.
        assert!((0..a.len()).any(|i| !discretion(&all, i).is_empty()));
        let mut seen = (0, 0);
        for i in a.len()..owned.len() {
            let row = off(i);
            assert_eq!(whole.subject_of(row), all.subject_of(row));
            assert_eq!(whole.findings_of(row), all.findings_of(row));
            assert_eq!(whole.level_of(row), all.level_of(row));
            assert_eq!(discretion(&whole, i), discretion(&all, i));
            seen.0 += whole.findings_of(row).len();
            seen.1 += discretion(&whole, i).len();
        }
        // The appended half has findings and points of discretion to move.
        assert!(seen.0 > 0 && seen.1 > 0, "{seen:?}");
    }

    #[test]
    fn an_adopted_arena_is_read_in_place_and_survives_a_copy() {
        use crate::explain::Effect;
        use crate::rules::common::MISSING_TASK_FACTS;
        let owned = sample_outcomes();
        let (a, b) = owned.split_at(owned.len() / 2);
        let all = Outcomes::from_owned(&owned);
        let mut whole = Outcomes::from_owned(a);
        let part = Outcomes::from_owned(b);
        let part_findings = part.own.findings.len();
        whole.adopt(part);
        // Nothing of the part was copied: its rows are the second part,
        // its arena the adopted one.
        assert_eq!(whole.row_parts().map(<[Row]>::len), [a.len(), b.len()]);
        assert_eq!(whole.adopted.findings.len(), part_findings);
        assert_eq!(
            whole.own.findings.len(),
            Outcomes::from_owned(a).own.findings.len()
        );
        // The rows of `x` from `from` read as those of `y` (the unit table
        // is the run's, not compared).
        let same_from = |x: &Outcomes, from: u32, y: &Outcomes| {
            x.row_count() == from as usize + y.row_count()
                && (0..off(y.row_count())).all(|i| {
                    let j = from + i;
                    let (p, q) = (*x.row(j).unwrap(), *y.row(i).unwrap());
                    x.subject_of(j) == y.subject_of(i)
                        && x.findings_of(j) == y.findings_of(i)
                        && x.arena(&p).discretion(&p) == y.arena(&q).discretion(&q)
                        && (p.state, p.score, p.settings, p.flags & !HOW)
                            == (q.state, q.score, q.settings, q.flags & !HOW)
                })
        };
        let same = |x: &Outcomes, y: &Outcomes| same_from(x, 0, y);
        assert!(same(&whole, &all));
        // Both halves have points of discretion, read from their own arena.
        let discretion = |s: &Outcomes, rows: std::ops::Range<usize>| {
            rows.map(|i| discretion_at(s, i).len()).sum::<usize>()
        };
        assert!(discretion(&whole, 0..a.len()) > 0);
        assert!(discretion(&whole, a.len()..owned.len()) > 0);
        // A finding added to an adopted row goes to the adopted arena.
        let last = off(owned.len() - 1);
        let extra = Finding::new(&MISSING_TASK_FACTS, Effect::Noted, &[]);
        let mut expected = all.findings_of(last).to_vec();
        expected.push(extra);
        whole.push_finding(last, extra);
        assert_eq!(whole.findings_of(last), &expected[..]);
        // Copied after the rows of a third store, every row reads the same.
        let mut copy = Outcomes::from_owned(&owned[..3]);
        copy.append_from(&mut whole.clone());
        assert!(copy.adopted.is_empty());
        assert!(same_from(&copy, 3, &whole));
        // A second adoption copies instead: both arenas stay consistent.
        let mut twice = Outcomes::from_owned(&owned[..1]);
        twice.adopt(Outcomes::from_owned(&owned[1..2]));
        twice.adopt(Outcomes::from_owned(&owned[2..]));
        assert!(same(&twice, &all));
    }

    #[test]
    fn rows_after_an_adoption_read_as_one_sequence() {
        use crate::rules::common::MISSING_INPUTS;
        let push = |s: &mut Outcomes, id: &str| {
            s.push_not_rated(&member(id), NotRatedReason::Exempt, &[]);
        };
        let mut store = Outcomes::default();
        push(&mut store, "a");
        let mut part = Outcomes::default();
        push(&mut part, "b");
        push(&mut part, "c");
        store.adopt(part);
        // Added after the adopted rows, in the second part.
        push(&mut store, "d");
        assert_eq!(store.row_parts().map(<[Row]>::len), [1, 3]);
        assert_eq!(ids(&store), ["a", "b", "c", "d"]);
        assert_eq!(store.subject_of(3), "d");
        // A finding for a row of each part lands on that row.
        let f = Finding::new(&MISSING_INPUTS, crate::explain::Effect::Noted, &[]);
        store.push_finding(0, f);
        store.push_finding(3, f);
        assert_eq!(store.findings_of(0), [f]);
        assert_eq!(store.findings_of(3), [f]);
        assert!(store.findings_of(1).is_empty() && store.findings_of(2).is_empty());
        // Appended after another store, both parts keep their order, and
        // the source is emptied.
        let mut other = Outcomes::default();
        push(&mut other, "z");
        other.append_from(&mut store.clone());
        assert_eq!(ids(&other), ["z", "a", "b", "c", "d"]);
        assert_eq!(other.findings_of(4), [f]);
        let mut emptied = store.clone();
        Outcomes::default().append_from(&mut emptied);
        assert_eq!(emptied.row_count(), 0);
        // Retaining numbers the rows across both parts.
        store.retain_rows(|i| i != 0 && i != 2);
        assert_eq!(ids(&store), ["b", "d"]);
        assert_eq!(store.findings_of(1), [f]);
        // Reversing blocks sees one sequence too.
        store.reverse_blocks(&[0, 1]);
        assert_eq!(ids(&store), ["d", "b"]);
    }

    #[test]
    fn a_store_with_no_rows_adopts_as_well() {
        use crate::rules::common::MISSING_INPUTS;
        let f = Finding::new(&MISSING_INPUTS, crate::explain::Effect::Noted, &[]);
        let mut part = Outcomes::default();
        part.push_not_rated(&member("b"), NotRatedReason::Exempt, &[f]);
        let mut store = Outcomes::default();
        store.adopt(part);
        store.push_not_rated(&member("c"), NotRatedReason::Exempt, &[]);
        store.push_finding(1, f);
        assert_eq!(ids(&store), ["b", "c"]);
        assert_eq!(
            (store.findings_of(0), store.findings_of(1)),
            (&[f][..], &[f][..])
        );
        assert_eq!(store.adopted.findings.len(), 1);
        // A second adoption copies: the rows read the same.
        let mut third = Outcomes::default();
        third.push_not_rated(&member("d"), NotRatedReason::Exempt, &[f]);
        store.adopt(third);
        assert_eq!(ids(&store), ["b", "c", "d"]);
        assert_eq!(store.findings_of(2), [f]);
    }

    #[test]
    fn the_two_parts_are_changed_apart_and_a_row_of_the_wrong_arena_is_deferred() {
        use crate::explain::Effect;
        use crate::rules::common::{DECISION_RECORDED, MISSING_INPUTS, NO_EVALUATION};
        let f = |v: i64| Finding::new(&MISSING_INPUTS, Effect::Noted, &[v]);
        let assessment = |v: u32| excellent(v, vec![f(i64::from(v))]);
        let new = member;
        let mut store = Outcomes::default();
        store.push_rated(&new("a"), &assessment(900), 0, false);
        let mut part = Outcomes::default();
        part.push_rated(&new("b"), &assessment(950), 0, false);
        store.adopt(part);
        // Pushed after the adoption: in the second part, in the own arena.
        store.push_rated(&new("z"), &assessment(990), 0, false);
        let quota = Finding::new(&NO_EVALUATION, Effect::Lowered, &[]);
        let d = Discretion::new("quota_selection", &DECISION_RECORDED, Level::Good, &[]);
        {
            let [mut first, mut second] = store.parts_mut();
            assert!(first.holds(0) && !first.holds(1) && !first.holds(2));
            assert!(!second.holds(0) && second.holds(1) && !second.holds(2));
            first.push_finding(0, quota);
            second.push_finding(1, quota);
            second.push_discretion(1, d);
            second.set_level(1, Level::Good);
            second.set_demoted(1);
            second.add_settings(1, setting_bit("gap"));
            // Neither part changes a row it does not hold.
            first.push_finding(1, quota);
            second.push_finding(2, quota);
            first.set_demoted(2);
            assert!(first.deferred.is_empty());
            assert_eq!(second.deferred, [2]);
        }
        assert_eq!(store.findings_of(0), [f(900), quota]);
        assert_eq!(store.findings_of(1), [f(950), quota]);
        assert_eq!(store.findings_of(2), [f(990)]);
        assert_eq!(discretion_at(&store, 1), [d]);
        assert!(store.own.discretion.is_empty());
        assert_eq!(store.level_of(1), Some(Level::Good));
        let row = |i: u32| *store.row(i).unwrap();
        assert!(row(1).flags & DEMOTED != 0 && row(1).flags & PROVISIONAL != 0);
        assert!(row(2).flags & DEMOTED == 0 && row(1).settings == setting_bit("gap"));
    }

    #[test]
    fn an_adopted_row_uses_its_free_slot_and_takes_points_of_discretion() {
        use crate::explain::Effect;
        use crate::rules::common::{DECISION_RECORDED, MISSING_INPUTS, NO_EVALUATION};
        let f = |v: i64| Finding::new(&MISSING_INPUTS, Effect::Noted, &[v]);
        let assessment = |v: u32| excellent(v, vec![f(1), f(i64::from(v))]);
        let new = member;
        let mut store = Outcomes::default();
        store.push_rated(&new("a"), &assessment(900), 0, false);
        let mut part = Outcomes::default();
        part.push_rated(&new("b"), &assessment(950), 0, true);
        part.push_rated(&new("c"), &assessment(960), 0, true);
        store.adopt(part);
        let adopted = store.adopted.findings.len();
        // The quota's finding takes the free slot: nothing moves.
        let quota = Finding::new(&NO_EVALUATION, Effect::Lowered, &[]);
        store.push_finding(1, quota);
        assert_eq!(store.adopted.findings.len(), adopted);
        assert_eq!(store.findings_of(1), [f(1), f(950), quota]);
        assert_eq!(store.findings_of(2), [f(1), f(960)]);
        // Points of discretion go to the adopted arena, and read back.
        let d = |l| Discretion::new("quota_selection", &DECISION_RECORDED, l, &[Level::Good]);
        store.push_discretion(2, d(Level::Excellent));
        store.push_discretion(1, d(Level::Good));
        store.push_discretion(2, d(Level::Completed));
        assert!(store.own.discretion.is_empty());
        let read = |s: &Outcomes, i: usize| discretion_at(s, i).to_vec();
        assert_eq!(read(&store, 1), [d(Level::Good)]);
        assert_eq!(read(&store, 2), [d(Level::Excellent), d(Level::Completed)]);
        assert!(store.row(1).unwrap().flags & PROVISIONAL != 0);
        assert_eq!(store.findings_of(0), [f(1), f(900)]);
    }

    #[test]
    fn blocks_written_back_to_front_are_put_in_order() {
        // Blocks [7 8 9] [4 5 6] [1 2 3], written in that order, start at 0, 3, 6.
        let mut v = vec![7, 8, 9, 4, 5, 6, 1, 2, 3];
        reverse_blocks(&mut v, &[0, 3, 6]);
        assert_eq!(v, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
        // Uneven and empty blocks.
        let mut v = vec![5, 6, 3, 4, 1, 2];
        reverse_blocks(&mut v, &[0, 2, 2, 4]);
        assert_eq!(v, [1, 2, 3, 4, 5, 6]);
        let mut v: Vec<u8> = Vec::new();
        reverse_blocks(&mut v, &[]);
        assert!(v.is_empty());
        let mut v = vec![1, 2, 3];
        reverse_blocks(&mut v, &[0]);
        assert_eq!(v, [1, 2, 3]);
    }

    #[test]
    fn a_finding_added_into_the_room_kept_for_it_moves_nothing() {
        use crate::explain::Effect;
        use crate::rules::common::{MISSING_INPUTS, MISSING_TASK_FACTS, NO_EVALUATION};
        let f = |rule, v: i64| Finding::new(rule, Effect::Noted, &[v]);
        let assessment = |v| {
            excellent(
                v,
                vec![f(&NO_EVALUATION, 1), f(&MISSING_INPUTS, i64::from(v))],
            )
        };
        let new = member;
        let fill = |room| {
            let mut store = Outcomes::default();
            store.push_rated(&new("a"), &assessment(900), 0, room);
            store.push_rated(&new("b"), &assessment(950), 0, room);
            let arena = store.own.findings.len();
            store.push_finding(0, f(&MISSING_TASK_FACTS, 7));
            store.push_finding(1, f(&MISSING_TASK_FACTS, 8));
            (store, arena)
        };
        let ((with_room, before), (without, _)) = (fill(true), fill(false));
        // Two findings and a free slot each: the added ones take the slots.
        assert_eq!(before, 6);
        assert_eq!(with_room.own.findings.len(), 6);
        for i in 0..2 {
            assert_eq!(with_room.findings_of(i), without.findings_of(i));
            assert_eq!(with_room.findings_of(i).len(), 3);
        }
        assert_eq!(with_room.findings_of(1)[2], f(&MISSING_TASK_FACTS, 8));
        // The room survives a copy into another store (as the run's stores
        // are joined): the slot moves with the findings.
        let mut rooms_fresh = Outcomes::default();
        rooms_fresh.push_rated(&new("a"), &assessment(900), 0, true);
        rooms_fresh.push_rated(&new("b"), &assessment(950), 0, true);
        let mut joined = Outcomes::default();
        joined.push_rated(&new("z"), &assessment(800), 0, false);
        joined.append_from(&mut rooms_fresh);
        let arena = joined.own.findings.len();
        joined.push_finding(2, f(&MISSING_TASK_FACTS, 8));
        assert_eq!(
            joined.own.findings.len(),
            arena,
            "the slot is used, nothing moves"
        );
        assert_eq!(joined.findings_of(2), without.findings_of(1));
        assert_eq!(joined.findings_of(1).len(), 2);
        // A second addition has no room left: the findings move, intact.
        let mut moved = with_room;
        moved.push_finding(0, f(&NO_EVALUATION, 9));
        assert_eq!(moved.findings_of(0).len(), 4);
        assert_eq!(moved.findings_of(0)[..3], without.findings_of(0)[..]);
        assert_eq!(moved.findings_of(1), without.findings_of(1));
    }

    #[test]
    fn rows_with_the_same_findings_share_them_and_stay_apart_when_changed() {
        let f = cap;
        let values = |s: &Outcomes, i| -> Vec<i32> {
            s.findings_of(i).iter().map(|x| x.values[0]).collect()
        };
        let mut store = Outcomes::default();
        let a = store.push_not_rated(&member("a"), NotRatedReason::Exempt, &[f(1), f(2)]);
        let b = store.push_not_rated(&member("b"), NotRatedReason::Exempt, &[f(1), f(2)]);
        assert_eq!(store.own.findings.len(), 2, "b shares the findings of a");
        // A row with room has a range and a slot of its own; a row after it
        // with the same findings shares its range, not its slot.
        let c = store.push_rated(&member("c"), &excellent(900, vec![f(1), f(2)]), 0, true);
        let d = store.push_rated(&member("d"), &excellent(900, vec![f(1), f(2)]), 0, false);
        assert_eq!(store.own.findings.len(), 5);
        store.push_finding(c, f(3));
        assert_eq!(store.own.findings.len(), 5, "c's finding takes its slot");
        assert_eq!(
            (values(&store, c), values(&store, d)),
            (vec![1, 2, 3], vec![1, 2])
        );
        store.push_finding(d, f(4));
        store.push_finding(b, f(5));
        assert_eq!(values(&store, a), [1, 2]);
        assert_eq!(values(&store, b), [1, 2, 5]);
        assert_eq!(values(&store, c), [1, 2, 3]);
        assert_eq!(values(&store, d), [1, 2, 4]);
        // A range at the end of the arena grows in place: the row sharing it
        // still reads its own length, and moves when it grows in turn.
        let e = store.push_not_rated(&member("e"), NotRatedReason::Exempt, &[f(7)]);
        let g = store.push_not_rated(&member("g"), NotRatedReason::Exempt, &[f(7)]);
        store.push_finding(e, f(8));
        assert_eq!(
            (values(&store, e), values(&store, g)),
            (vec![7, 8], vec![7])
        );
        store.push_finding(g, f(9));
        assert_eq!(
            (values(&store, e), values(&store, g)),
            (vec![7, 8], vec![7, 9])
        );
        // Sharing survives joining stores.
        let mut joined = Outcomes::default();
        joined.push_not_rated(&member("z"), NotRatedReason::Exempt, &[f(7)]);
        joined.append_from(&mut store);
        for (i, expected) in [
            (1, vec![1, 2]),
            (2, vec![1, 2, 5]),
            (5, vec![7, 8]),
            (6, vec![7, 9]),
        ] {
            assert_eq!(values(&joined, i), expected);
        }
    }

    /// `n` lists of 0–5 values out of 3 (so that many lists are equal), each
    /// with whether its row keeps room: rows for [`push_lists`].
    fn lists_of_findings(
        n: std::ops::Range<usize>,
    ) -> impl proptest::strategy::Strategy<Value = Vec<(Vec<i64>, bool)>> {
        proptest::collection::vec(
            (
                // Lists longer than INLINE are compared in the arena.
                proptest::collection::vec(0i64..3, 0..6),
                proptest::bool::ANY,
            ),
            n,
        )
    }

    proptest::proptest! {
        /// Rows stored with lists from a small set (so that many are shared),
        /// with or without room, then findings added to rows at random, the
        /// store joined into another half-way: every row reads what it was
        /// given and what was added to it, in order.
        #[test]
        fn shared_findings_read_as_each_rows_own(
            rows in lists_of_findings(1..40),
            added in proptest::collection::vec((0usize..40, 0i64..3), 0..40),
            join_at in 0usize..40,
        ) {
            let f = cap;
            let mut model: Vec<Vec<Finding>> = Vec::new();
            let mut store = Outcomes::default();
            push_lists(&mut store, &mut model, &rows);
            let (before, after) = added.split_at(join_at.min(added.len()));
            let n = model.len();
            for &(i, v) in before {
                store.push_finding(off(i % n), f(v + 10));
                model[i % n].push(f(v + 10));
            }
            let mut joined = Outcomes::default();
            joined.push_rated(&member("z"), &excellent(900, vec![f(0)]), 0, true);
            joined.append_from(&mut store);
            model.insert(0, vec![f(0)]);
            for &(i, v) in after {
                joined.push_finding(off(i % (n + 1)), f(v + 20));
                model[i % (n + 1)].push(f(v + 20));
            }
            for (i, expected) in model.iter().enumerate() {
                proptest::prop_assert_eq!(joined.findings_of(off(i)), &expected[..]);
            }
        }
    }

    /// Rows of `lists` (values of [`cap`] findings, with or without room)
    /// pushed into `store`, and their findings added to `model`.
    fn push_lists(store: &mut Outcomes, model: &mut Vec<Vec<Finding>>, lists: &[(Vec<i64>, bool)]) {
        for (list, room) in lists {
            let list: Vec<Finding> = list.iter().map(|&v| cap(v)).collect();
            store.push_rated(&member("m"), &excellent(900, list.clone()), 0, *room);
            model.push(list);
        }
    }

    proptest::proptest! {
        /// As a run does: two stores filled apart, one adopting the other,
        /// rows pushed after that (in the second part, in the own arena),
        /// findings added through the two parts (rows of the wrong arena
        /// deferred to the whole store) and through the whole store, then
        /// the store copied into another, and the emptied buffer filled and
        /// copied again: every row reads what it was given and what was
        /// added to it, in order.
        #[test]
        fn shared_findings_survive_adoption_parts_and_reused_buffers(
            lists in lists_of_findings(2..40),
            split in 0usize..40,
            later in lists_of_findings(0..8),
            added in proptest::collection::vec((0usize..48, 0i64..3), 0..40),
            in_parts in 0usize..40,
        ) {
            let (a, b) = lists.split_at(split.min(lists.len()));
            let mut model = Vec::new();
            let mut store = Outcomes::default();
            push_lists(&mut store, &mut model, a);
            let mut other = Outcomes::default();
            push_lists(&mut other, &mut model, b);
            store.adopt(other);
            push_lists(&mut store, &mut model, &later);
            let n = model.len();
            let (through_parts, through_store) = added.split_at(in_parts.min(added.len()));
            let mut deferred = Vec::new();
            {
                let [mut first, mut second] = store.parts_mut();
                for &(i, v) in through_parts {
                    let (i, f) = (off(i % n), cap(v + 10));
                    if first.holds(i) {
                        first.push_finding(i, f);
                    } else if second.holds(i) {
                        second.push_finding(i, f);
                    } else {
                        deferred.push((i, f));
                    }
                    model[i as usize].push(f);
                }
            }
            for (i, f) in deferred {
                store.push_finding(i, f);
            }
            for &(i, v) in through_store {
                let (i, f) = (off(i % n), cap(v + 20));
                store.push_finding(i, f);
                model[i as usize].push(f);
            }
            // Copied after a row of another store.
            let (mut joined, mut joined_model) = (Outcomes::default(), Vec::new());
            push_lists(&mut joined, &mut joined_model, &[(vec![0], true)]);
            joined_model.append(&mut model);
            let mut model = joined_model;
            joined.append_from(&mut store);
            // The emptied buffer, filled again, then copied.
            push_lists(&mut store, &mut model, &later);
            push_lists(&mut store, &mut model, a);
            joined.append_from(&mut store);
            proptest::prop_assert_eq!(joined.row_count(), model.len());
            for (i, expected) in model.iter().enumerate() {
                proptest::prop_assert_eq!(joined.findings_of(off(i)), &expected[..]);
            }
        }
    }

    #[test]
    fn a_list_of_findings_is_shared_only_when_equal() {
        let f = cap;
        let mut arena = Arena::default();
        let first = arena.store_findings(&[f(1), f(2)], false);
        // Another list given the same hash (as a collision would) is stored anew.
        let h = Recent::hash(&[f(1), f(2)]);
        assert_eq!(
            arena.recent.find(h, &[f(1), f(2)], &arena.findings),
            Some(first)
        );
        assert_eq!(arena.recent.find(h, &[f(1), f(3)], &arena.findings), None);
        assert_eq!(arena.recent.find(h, &[f(1)], &arena.findings), None);
        assert_eq!(arena.store_findings(&[f(1), f(2)], false), first);
        assert_ne!(arena.store_findings(&[f(2), f(1)], false), first);
        assert_eq!(arena.findings.len(), 4);
        // A cleared arena forgets what it held: else a list remembered
        // before could match items that now hold a row's free slot.
        arena.clear();
        assert_eq!(arena.store_findings(&[f(9)], false), 0);
        assert_eq!(arena.store_findings(&[f(2), f(2)], false), 1);
        arena.clear();
        assert_eq!(arena.store_findings(&[f(1), f(2)], true), 0);
        assert_eq!(arena.findings, [f(1), f(2), f(2)], "the slot holds a copy");
        assert_eq!(
            arena.store_findings(&[f(2), f(2)], false),
            3,
            "not the range 1..3, which holds the slot"
        );
    }

    #[test]
    fn short_lists_are_compared_with_their_copy_and_long_ones_with_the_arena() {
        let f = cap;
        // Hashes chosen by hand: slots 4 and 5 side by side, any tag.
        let (h4, h5) = (4u64 << (64 - RECENT_BITS), 5u64 << (64 - RECENT_BITS));
        let short = [f(1), f(2), f(3)];
        let long = [f(4), f(5), f(6), f(7)];
        let mut stored = vec![f(0); 10];
        stored.extend_from_slice(&short);
        stored.extend_from_slice(&long);
        let mut recent = Recent::default();
        // Short lists in slots side by side: each copy has its own place.
        let (h3, other) = (3u64 << (64 - RECENT_BITS), [f(8), f(9), f(8)]);
        recent.remember(h3, 0, &other[..2]);
        recent.remember(h4, 2, &other);
        recent.remember(h5, 10, &short);
        stored[..2].copy_from_slice(&other[..2]);
        stored[2..5].copy_from_slice(&other);
        assert_eq!(recent.find(h3, &other[..2], &stored), Some(0));
        assert_eq!(recent.find(h4, &other, &stored), Some(2));
        // The longer list in the slot before: no copy, which would spill
        // over into slot 5's.
        recent.remember(h4, 13, &long);
        assert_eq!(recent.find(h5, &short, &stored), Some(10));
        assert_eq!(recent.find(h4, &long, &stored), Some(13));
        assert_eq!(recent.find(h5, &short[..2], &stored), None, "length");
        assert_eq!(recent.find(h4, &[f(4), f(5), f(6), f(8)], &stored), None);
        // A longer list is read where it is stored.
        assert_eq!(recent.find(h4, &long, &stored[..16]), None);
        // A list that shares its copy's first findings but is longer than
        // what was remembered is not taken for it.
        recent.remember(h5, 10, &short[..2]);
        assert_eq!(recent.find(h5, &short, &stored), None);
        assert_eq!(recent.find(h5, &short[..2], &stored), Some(10));
    }

    #[test]
    fn a_row_is_48_bytes() {
        assert_eq!(std::mem::size_of::<Row>(), 48);
    }

    #[test]
    fn owned_outcomes_round_trip_through_the_compact_store() {
        let g = crate::sample::graph().unwrap();
        let r = crate::run::rate(&g, 2025, None, &crate::Policy::default()).unwrap();
        let owned = r.outcomes.to_vec();
        let back = Outcomes::from_owned(&owned);
        assert_eq!(back, r.outcomes);
        assert_eq!(back.to_vec(), owned);
        assert_eq!(
            serde_json::to_string(&back).unwrap(),
            serde_json::to_string(&owned).unwrap(),
            "the compact store writes the JSON of the owned outcomes"
        );
    }

    #[test]
    fn a_finding_added_later_moves_the_rows_findings_to_the_end() {
        let mut store = Outcomes::with_capacity(2);
        let row = |s| NewRow {
            subject: s,
            kind: SubjectKind::Member,
            unit_kind: UnitKind::Cell,
            unit: NONE,
            grassroots: NONE,
            commune: NONE,
        };
        let f = cap;
        let a = store.push_not_rated(&row("a"), NotRatedReason::Exempt, &[f(1), f(2)]);
        let b = store.push_not_rated(&row("b"), NotRatedReason::Suspended, &[f(3)]);
        store.push_finding(a, f(4));
        store.push_finding(b, f(5));
        store.push_finding(a, f(6));
        let values = |i| -> Vec<i32> { store.findings_of(i).iter().map(|x| x.values[0]).collect() };
        assert_eq!(values(a), [1, 2, 4, 6]);
        assert_eq!(values(b), [3, 5]);
        assert_eq!(store.subject_of(b), "b");
    }

    #[test]
    fn settings_are_policy_fields() {
        // A preset that sets every field, `front` included (left out at its default).
        let policy = serde_json::to_value(crate::Policy::preset("hongngu-2023-example").unwrap())
            .unwrap_or_default();
        for s in SETTINGS {
            assert!(policy.get(s).is_some(), "{s} is not a policy field");
        }
    }
}
