//! A sequence kept in two vectors, so that what a second thread filled joins
//! the first thread's without being copied.
//!
//! The rating run fills two stores on two threads, then joins them. Copying
//! the second store's rows after the first's touches as much new memory as the
//! rows themselves (about 130 MB for a country); here the second vector is
//! taken over as it is, and item `i` is `first[i]` or `second[i - first.len()]`.

/// Items in two vectors read as one sequence: `first`, then `second`. New
/// items go to the end of the sequence (to `second` once it has any).
#[derive(Debug, Clone)]
pub(crate) struct TwoParts<T> {
    first: Vec<T>,
    second: Vec<T>,
}

impl<T> Default for TwoParts<T> {
    fn default() -> Self {
        Self::one(Vec::new())
    }
}

/// The items of a range of a [`TwoParts`], in order.
pub(crate) type Iter<'a, T> = std::iter::Chain<std::slice::Iter<'a, T>, std::slice::Iter<'a, T>>;

impl<T> TwoParts<T> {
    /// One part, `first` (the second is empty).
    pub(crate) fn one(first: Vec<T>) -> Self {
        Self {
            first,
            second: Vec::new(),
        }
    }

    /// `first` followed by `second`, neither copied.
    pub(crate) fn two(first: Vec<T>, second: Vec<T>) -> Self {
        Self { first, second }
    }

    /// The number of items.
    pub(crate) fn len(&self) -> usize {
        self.first.len() + self.second.len()
    }

    /// Whether the second part has items.
    pub(crate) fn has_second(&self) -> bool {
        !self.second.is_empty()
    }

    /// The item at `i`.
    pub(crate) fn get(&self, i: usize) -> Option<&T> {
        match i.checked_sub(self.first.len()) {
            None => self.first.get(i),
            Some(j) => self.second.get(j),
        }
    }

    /// The item at `i`, mutable.
    pub(crate) fn get_mut(&mut self, i: usize) -> Option<&mut T> {
        match i.checked_sub(self.first.len()) {
            None => self.first.get_mut(i),
            Some(j) => self.second.get_mut(j),
        }
    }

    /// The vector new items go to: the second once it has any.
    pub(crate) fn last_part(&mut self) -> &mut Vec<T> {
        if self.second.is_empty() {
            &mut self.first
        } else {
            &mut self.second
        }
    }

    /// The items at `r`, in order (the part of `r` within the sequence).
    pub(crate) fn range(&self, r: std::ops::Range<usize>) -> Iter<'_, T> {
        let n = self.first.len();
        let end = r.end.min(self.len());
        let start = r.start.min(end);
        let a = self.first.get(start.min(n)..end.min(n));
        let b = self
            .second
            .get(start.saturating_sub(n)..end.saturating_sub(n));
        a.unwrap_or_default().iter().chain(b.unwrap_or_default())
    }

    /// Every item, in order.
    pub(crate) fn iter(&self) -> Iter<'_, T> {
        self.first.iter().chain(&self.second)
    }

    /// The two halves of the sequence (split at the middle, whatever the
    /// parts), each with the index of its first item.
    pub(crate) fn halves(&self) -> [(usize, Iter<'_, T>); 2] {
        let (n, mid) = (self.len(), self.len() / 2);
        [(0, self.range(0..mid)), (mid, self.range(mid..n))]
    }

    /// The two parts, in order (the second may be empty).
    pub(crate) fn parts(&self) -> [&[T]; 2] {
        [&self.first, &self.second]
    }

    /// The two parts, mutable.
    pub(crate) fn parts_mut(&mut self) -> [&mut [T]; 2] {
        [&mut self.first, &mut self.second]
    }

    /// Keeps the items for which `keep(index)` holds, indexes counted over
    /// the whole sequence before any is removed.
    pub(crate) fn retain_indexed(&mut self, mut keep: impl FnMut(usize) -> bool) {
        let mut i = 0;
        let mut keep = |_: &T| {
            let k = keep(i);
            i += 1;
            k
        };
        self.first.retain(&mut keep);
        self.second.retain(keep);
    }

    /// Moves the second part to the end of the first (copying it, unless the
    /// first is empty): one vector, for work that needs one slice.
    pub(crate) fn make_one(&mut self) -> &mut Vec<T> {
        if self.first.is_empty() {
            std::mem::swap(&mut self.first, &mut self.second);
        } else {
            self.first.append(&mut self.second);
        }
        &mut self.first
    }

    /// Removes every item, keeping the capacity.
    pub(crate) fn clear(&mut self) {
        self.first.clear();
        self.second.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::TwoParts;

    #[test]
    fn two_parts_read_as_one_sequence() {
        let mut t = TwoParts::two(vec![0, 1], vec![2, 3, 4]);
        let items = |it: super::Iter<'_, i32>| it.copied().collect::<Vec<_>>();
        assert_eq!((t.len(), t.has_second()), (5, true));
        assert_eq!(items(t.iter()), [0, 1, 2, 3, 4]);
        assert_eq!(items(t.range(1..4)), [1, 2, 3]);
        assert_eq!(items(t.range(0..2)), [0, 1]);
        assert_eq!(items(t.range(3..5)), [3, 4]);
        assert!(items(t.range(5..5)).is_empty());
        // A range past the end gives what is within it.
        assert_eq!(items(t.range(1..9)), [1, 2, 3, 4]);
        assert!(items(t.range(7..9)).is_empty());
        let [(a, first), (b, second)] = t.halves();
        assert_eq!(
            (a, items(first), b, items(second)),
            (0, vec![0, 1], 2, vec![2, 3, 4])
        );
        assert_eq!((t.get(1), t.get(2), t.get(5)), (Some(&1), Some(&2), None));
        *t.get_mut(3).unwrap() = 30;
        assert_eq!(t.parts(), [&[0, 1][..], &[2, 30, 4][..]]);
        // New items go after the second part.
        t.last_part().push(5);
        assert_eq!(items(t.iter()), [0, 1, 2, 30, 4, 5]);
        // Indexes counted over both parts; a part may end up empty.
        t.retain_indexed(|i| i != 0 && i != 1 && i != 4);
        assert_eq!(items(t.iter()), [2, 30, 5]);
        assert_eq!(t.parts()[0].len(), 0);
        assert_eq!(t.get(0), Some(&2));
        // With the first part empty, new items still go at the end.
        t.last_part().push(6);
        assert_eq!(items(t.iter()), [2, 30, 5, 6]);
        assert_eq!(t.make_one(), &vec![2, 30, 5, 6]);
        assert!(!t.has_second());
        // With the first part empty, making one takes the second as it is.
        let mut u = TwoParts::two(Vec::new(), vec![7, 8]);
        assert_eq!(u.make_one(), &vec![7, 8]);
        assert_eq!(u.parts(), [&[7, 8][..], &[][..]]);
        t.clear();
        assert_eq!(t.len(), 0);
    }

    #[test]
    fn one_part_grows_in_place() {
        let mut t = TwoParts::one(vec![1]);
        t.last_part().push(2);
        assert_eq!(t.parts(), [&[1, 2][..], &[][..]]);
        assert_eq!(t.halves()[1].0, 1);
    }
}
