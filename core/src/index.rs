//! Internal indexes: a hash index from string ids to record positions that
//! borrows its keys from the records themselves, and compressed adjacency lists.

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;
use std::hash::BuildHasher;

/// Maps ids to the position of the first record with that id, without copying
/// the ids: the tables store positions and compare through a lookup function.
/// The ids are split in two shards by hash, built on two threads.
#[derive(Debug, Default, Clone)]
pub(crate) struct IdIndex {
    shards: [HashTable<u32>; 2],
    unique: bool,
    /// Whether the ids are in strictly increasing order of position.
    sorted: bool,
}

/// A record whose id was already taken: `(position, position of the first)`.
pub(crate) type Duplicate = (usize, usize);

const fn shard_of(hash: u64) -> usize {
    (hash >> 63) as usize
}

/// One shard of an [`IdIndex`], its duplicates and (shard 0 only, which
/// reads every id anyway) whether the ids are in strictly increasing order.
fn build_shard<'a>(
    n: usize,
    shard: usize,
    id_of: &(impl Fn(u32) -> Option<&'a str> + Sync),
) -> (HashTable<u32>, Vec<Duplicate>, bool) {
    // A hash split is never exactly even: leave room so no shard has to grow
    // (growing rehashes every id already inserted).
    let mut table = HashTable::with_capacity(n / 2 + n / 32 + 64);
    let mut dups = Vec::new();
    let rehash = |&other: &u32| id_of(other).map_or(0, |id| FxBuildHasher.hash_one(id));
    let (mut sorted, mut previous) = (shard == 0, None);
    for pos in 0..pos32(n) {
        let id = id_of(pos);
        if sorted {
            sorted = id.is_some() && previous.is_none_or(|p| Some(p) < id);
            previous = id;
        }
        let Some(id) = id else { continue };
        let hash = FxBuildHasher.hash_one(id);
        if shard_of(hash) != shard {
            continue;
        }
        match table.entry(hash, |&other: &u32| id_of(other) == Some(id), rehash) {
            hashbrown::hash_table::Entry::Occupied(first) => {
                dups.push((pos as usize, *first.get() as usize))
            }
            hashbrown::hash_table::Entry::Vacant(slot) => {
                slot.insert(pos);
            }
        }
    }
    (table, dups, sorted)
}

impl IdIndex {
    /// Indexes `n` ids, `id_of(position)` giving each; returns the index and the
    /// duplicates in position order.
    pub(crate) fn build<'a>(
        n: usize,
        id_of: impl Fn(u32) -> Option<&'a str> + Sync,
    ) -> (Self, Vec<Duplicate>) {
        let ((s0, mut d0, sorted), (s1, d1, _)) =
            join(|| build_shard(n, 0, &id_of), || build_shard(n, 1, &id_of));
        d0.extend(d1);
        d0.sort_unstable();
        let unique = d0.is_empty();
        (
            Self {
                shards: [s0, s1],
                unique,
                sorted,
            },
            d0,
        )
    }

    /// Whether the ids are in strictly increasing order of position (so
    /// unique, and sorted).
    pub(crate) fn is_sorted(&self) -> bool {
        self.sorted
    }

    /// The position of the record with id `key`, comparing with `id_of`.
    pub(crate) fn get<'a>(&self, key: &str, id_of: impl Fn(u32) -> Option<&'a str>) -> Option<u32> {
        let hash = FxBuildHasher.hash_one(key);
        self.shards
            .get(shard_of(hash))?
            .find(hash, |&pos| id_of(pos) == Some(key))
            .copied()
    }
}

/// Adjacency lists in compressed form: the items of key `k` are
/// `items[offsets[k]..offsets[k + 1]]`.
#[derive(Debug, Clone)]
pub(crate) struct Csr<T> {
    offsets: Vec<u32>,
    items: Vec<T>,
}

impl<T: Copy + Default> Csr<T> {
    /// Groups `pairs` (key, item) by key, keeping the order of items within a key.
    pub(crate) fn build(n_keys: usize, pairs: &[(u32, T)]) -> Self {
        let mut offsets = vec![0u32; n_keys + 1];
        for &(k, _) in pairs {
            if let Some(c) = offsets.get_mut(k as usize + 1) {
                *c += 1;
            }
        }
        for i in 1..offsets.len() {
            let prev = offsets.get(i - 1).copied().unwrap_or(0);
            if let Some(c) = offsets.get_mut(i) {
                *c += prev;
            }
        }
        let mut next: Vec<u32> = offsets.clone();
        let mut items: Vec<T> = vec![T::default(); pairs.len()];
        for &(k, item) in pairs {
            if let Some(slot) = next.get_mut(k as usize) {
                if let Some(cell) = items.get_mut(*slot as usize) {
                    *cell = item;
                }
                *slot += 1;
            }
        }
        Self { offsets, items }
    }

    /// The items of `key` (empty for an unknown key).
    pub(crate) fn get(&self, key: u32) -> &[T] {
        let k = key as usize;
        match (self.offsets.get(k), self.offsets.get(k + 1)) {
            (Some(&a), Some(&b)) => self.items.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Mutable items of `key`.
    pub(crate) fn get_mut(&mut self, key: u32) -> &mut [T] {
        let k = key as usize;
        match (self.offsets.get(k), self.offsets.get(k + 1)) {
            (Some(&a), Some(&b)) => self
                .items
                .get_mut(a as usize..b as usize)
                .unwrap_or(&mut []),
            _ => &mut [],
        }
    }
}

/// For each key, the records that refer to it, as a chain through the records
/// in their dataset order: one pass to build, two `u32` per key and record.
#[derive(Debug, Clone, Default)]
pub(crate) struct Chains {
    head: Vec<u32>,
    next: Vec<u32>,
}

/// The end of a chain.
const END: u32 = u32::MAX;

impl Chains {
    /// Chains the records by `keys[record]` (`u32::MAX` for none) over `n_keys` keys.
    pub(crate) fn build(n_keys: usize, keys: &[u32]) -> Self {
        let mut head = vec![END; n_keys];
        let mut next = vec![END; keys.len()];
        for (i, &k) in keys.iter().enumerate().rev() {
            if let (Some(h), Some(n)) = (head.get_mut(k as usize), next.get_mut(i)) {
                *n = *h;
                *h = pos32(i);
            }
        }
        Self { head, next }
    }

    /// The records of `key`, in dataset order.
    pub(crate) fn get(&self, key: u32) -> ChainIter<'_> {
        ChainIter {
            chains: self,
            at: self.head.get(key as usize).copied().unwrap_or(END),
        }
    }

    /// Whether `key` has at least two records.
    pub(crate) fn has_several(&self, key: u32) -> bool {
        let first = self.head.get(key as usize).copied().unwrap_or(END);
        first != END && self.next.get(first as usize).copied().unwrap_or(END) != END
    }
}

/// Iterator over one chain.
#[derive(Debug, Clone)]
pub(crate) struct ChainIter<'a> {
    chains: &'a Chains,
    at: u32,
}

impl Iterator for ChainIter<'_> {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        if self.at == END {
            return None;
        }
        let here = self.at;
        self.at = self.chains.next.get(here as usize).copied().unwrap_or(END);
        Some(here)
    }
}

/// A lookup stream that remembers its last answer: records are usually grouped
/// (the members of one cell, the posts of one unit), so the same id repeats, or
/// in the order of the records they refer to, so the next id is often that of
/// the record after the last one found. Both guesses are checked by comparing
/// ids; only a miss goes to the hash table.
pub(crate) struct Lookup<'a, F> {
    index: &'a IdIndex,
    id_of: F,
    last: Option<(&'a str, u32)>,
}

impl<'a, F: Fn(u32) -> Option<&'a str>> Lookup<'a, F> {
    pub(crate) const fn new(index: &'a IdIndex, id_of: F) -> Self {
        Self {
            index,
            id_of,
            last: None,
        }
    }

    /// The position of `key`, or `none`.
    pub(crate) fn get(&mut self, key: &'a str, none: u32) -> u32 {
        if let Some((k, p)) = self.last {
            if k == key {
                return p;
            }
            // With unique ids, the record whose id matches is the answer.
            if self.index.unique && p != none && (self.id_of)(p + 1) == Some(key) {
                self.last = Some((key, p + 1));
                return p + 1;
            }
        }
        let p = self.index.get(key, &self.id_of).unwrap_or(none);
        self.last = Some((key, p));
        p
    }
}

/// Runs two closures, the first on another thread.
pub(crate) fn join<A: Send, B: Send>(
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    std::thread::scope(|s| {
        let ha = s.spawn(a);
        let rb = b();
        match ha.join() {
            Ok(ra) => (ra, rb),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// Maps `f` over `items`, the two halves on two threads; the results in order.
pub(crate) fn join_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let (first, second) = items.split_at(items.len() / 2);
    let half = |part: &[T]| part.iter().map(&f).collect::<Vec<R>>();
    let (mut out, more) = join(|| half(first), || half(second));
    out.extend(more);
    out
}

/// Converts a position to `u32` (datasets hold fewer than 4 billion records).
pub(crate) fn pos32(pos: usize) -> u32 {
    u32::try_from(pos).unwrap_or(u32::MAX)
}

/// The first 16 bytes of an id as one number (zero-padded), ordered as the
/// ids: two ids whose numbers differ compare as them, and only ids with equal
/// numbers need their text compared.
pub(crate) fn id_key(id: &str) -> u128 {
    let mut b = [0u8; 16];
    for (slot, x) in b.iter_mut().zip(id.bytes()) {
        *slot = x;
    }
    u128::from_be_bytes(b)
}

/// Two ids in their order, given their [`id_key`]s: the keys first, the text
/// only when they are equal.
pub(crate) fn cmp_ids(a: (u128, &str), b: (u128, &str)) -> std::cmp::Ordering {
    a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn an_ids_key_orders_as_the_id(
            prefix in "[a\\x00ă.]{12,18}",
            a in "[a\\x00-\\x02ă.]{0,6}",
            b in "[a\\x00-\\x02ă.]{0,6}",
        ) {
            // A shared prefix of 12 to 18 bytes or more (`ă` is two), so the
            // ids differ before, at and after the key's 16 bytes; NUL bytes
            // and prefixes of one another.
            let (a, b) = (format!("{prefix}{a}"), format!("{prefix}{b}"));
            let by_key = id_key(&a).cmp(&id_key(&b));
            proptest::prop_assert!(by_key.is_eq() || by_key == a.cmp(&b));
            proptest::prop_assert_eq!(cmp_ids((id_key(&a), &a), (id_key(&b), &b)), a.cmp(&b));
        }
    }

    #[test]
    fn id_index_finds_and_reports_duplicates() {
        let ids = ["a", "b", "a", "c", "b"];
        let (idx, dups) = IdIndex::build(ids.len(), |p| ids.get(p as usize).copied());
        assert_eq!(dups, vec![(2, 0), (4, 1)]);
        let get = |k| idx.get(k, |p| ids.get(p as usize).copied());
        assert_eq!(get("c"), Some(3));
        assert_eq!(get("a"), Some(0));
        assert_eq!(get("z"), None);
    }

    #[test]
    fn id_index_knows_whether_ids_are_in_order() {
        let sorted = |ids: &[&str]| {
            IdIndex::build(ids.len(), |p| ids.get(p as usize).copied())
                .0
                .is_sorted()
        };
        assert!(sorted(&["a", "b", "c"]));
        assert!(sorted(&[]) && sorted(&["x"]));
        assert!(!sorted(&["a", "c", "b"]));
        assert!(!sorted(&["b", "a"]));
        // Repeats are not strictly increasing.
        assert!(!sorted(&["a", "a", "b"]));
        // Shard 0 sees every id, whatever its hash: a long sorted list stays sorted.
        let many: Vec<String> = (0..1000).map(|i| format!("P{i:05}")).collect();
        let refs: Vec<&str> = many.iter().map(String::as_str).collect();
        assert!(sorted(&refs));
        let mut swapped = refs.clone();
        swapped.swap(500, 501);
        assert!(!sorted(&swapped));
    }

    #[test]
    fn csr_groups_in_order() {
        let csr = Csr::build(3, &[(2, 'x'), (0, 'a'), (2, 'y'), (0, 'b')]);
        assert_eq!(csr.get(0), &['a', 'b']);
        assert_eq!(csr.get(1), &[] as &[char]);
        assert_eq!(csr.get(2), &['x', 'y']);
        assert_eq!(csr.get(9), &[] as &[char]);
    }

    #[test]
    fn chains_keep_record_order() {
        let ch = Chains::build(3, &[2, 0, 2, u32::MAX, 0, 2]);
        assert_eq!(ch.get(0).collect::<Vec<_>>(), vec![1, 4]);
        assert_eq!(ch.get(1).count(), 0);
        assert_eq!(ch.get(2).collect::<Vec<_>>(), vec![0, 2, 5]);
        assert_eq!(ch.get(7).count(), 0);
        assert!(ch.has_several(2) && !ch.has_several(1));
    }
}
