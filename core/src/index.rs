//! Internal indexes: a hash index from string ids to record positions that
//! borrows its keys from the records themselves, and compressed adjacency lists.

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;
use std::hash::BuildHasher;

/// Maps ids to the position of the first record with that id, without copying
/// the ids: the table stores positions and compares through a lookup function.
#[derive(Debug, Default, Clone)]
pub(crate) struct IdIndex {
    table: HashTable<u32>,
}

/// A record whose id was already taken: `(position, position of the first)`.
pub(crate) type Duplicate = (usize, usize);

impl IdIndex {
    /// Indexes `ids` (position = iteration order); returns the index and the duplicates.
    pub(crate) fn build(ids: &[&str]) -> (Self, Vec<Duplicate>) {
        let mut table = HashTable::with_capacity(ids.len());
        let mut dups = Vec::new();
        for (pos, id) in ids.iter().enumerate() {
            let hash = FxBuildHasher.hash_one(id);
            let found = table
                .find(hash, |&other: &u32| ids.get(other as usize) == Some(id))
                .copied();
            match found {
                Some(first) => dups.push((pos, first as usize)),
                None => {
                    let p = u32::try_from(pos).unwrap_or(u32::MAX);
                    table.insert_unique(hash, p, |&other: &u32| {
                        ids.get(other as usize)
                            .map_or(0, |id| FxBuildHasher.hash_one(id))
                    });
                }
            }
        }
        (Self { table }, dups)
    }

    /// The position of the record with id `key`, comparing with `id_of`.
    pub(crate) fn get<'a>(&self, key: &str, id_of: impl Fn(u32) -> Option<&'a str>) -> Option<u32> {
        let hash = FxBuildHasher.hash_one(key);
        self.table
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

impl<T: Copy> Csr<T> {
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
        let mut items: Vec<Option<T>> = vec![None; pairs.len()];
        for &(k, item) in pairs {
            if let Some(slot) = next.get_mut(k as usize) {
                if let Some(cell) = items.get_mut(*slot as usize) {
                    *cell = Some(item);
                }
                *slot += 1;
            }
        }
        Self {
            offsets,
            items: items.into_iter().flatten().collect(),
        }
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

/// Converts a position to `u32` (datasets hold fewer than 4 billion records).
pub(crate) fn pos32(pos: usize) -> u32 {
    u32::try_from(pos).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_index_finds_and_reports_duplicates() {
        let ids = ["a", "b", "a", "c", "b"];
        let (idx, dups) = IdIndex::build(&ids);
        assert_eq!(dups, vec![(2, 0), (4, 1)]);
        let get = |k| idx.get(k, |p| ids.get(p as usize).copied());
        assert_eq!(get("c"), Some(3));
        assert_eq!(get("a"), Some(0));
        assert_eq!(get("z"), None);
    }

    #[test]
    fn csr_groups_in_order() {
        let csr = Csr::build(3, &[(2, 'x'), (0, 'a'), (2, 'y'), (0, 'b')]);
        assert_eq!(csr.get(0), &['a', 'b']);
        assert_eq!(csr.get(1), &[] as &[char]);
        assert_eq!(csr.get(2), &['x', 'y']);
        assert_eq!(csr.get(9), &[] as &[char]);
    }
}
