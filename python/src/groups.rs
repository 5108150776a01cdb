//! Which unit of a given kind a subject belongs to, for `Report.summary(by=…)`
//! and the `province` column of `Report.to_pandas()`. Read from the graph on
//! 31 December of the rating year, through the public queries only.

use rustc_hash::FxHashMap;
use xeploai::dataset::Unit;
use xeploai::date::Date;
use xeploai::org::Tree;
use xeploai::{OrgGraph, UnitKind};

/// Finds, for a start unit, the nearest unit of `kind` among the unit, its
/// ancestors and (for an administrative kind) the areas they serve and the
/// ancestors of those. Results are cached per start unit, and per area.
pub struct Resolver<'g> {
    graph: &'g OrgGraph,
    end: Date,
    kind: UnitKind,
    cache: FxHashMap<&'g str, Option<&'g str>>,
    /// The unit of `kind` at or above each area met (administrative kinds).
    areas: FxHashMap<&'g str, Option<&'g str>>,
}

impl<'g> Resolver<'g> {
    /// A resolver for `kind` on `end`.
    pub fn new(graph: &'g OrgGraph, end: Date, kind: UnitKind) -> Self {
        Self {
            graph,
            end,
            kind,
            cache: FxHashMap::default(),
            areas: FxHashMap::default(),
        }
    }

    /// Whether `kind` is administrative (found through the `area` links).
    fn administrative(&self) -> bool {
        self.kind.tree() == Tree::Administrative
    }

    /// The unit of the resolver's kind that `start` belongs to, if any.
    pub fn of(&mut self, start: &str) -> Option<&'g str> {
        let unit = self.graph.unit(start)?;
        if let Some(hit) = self.cache.get(unit.id.as_str()) {
            return *hit;
        }
        let found = self.walk(unit);
        self.cache.insert(unit.id.as_str(), found);
        found
    }

    /// As [`Resolver::of`], without caching the result for `start` (for a
    /// caller that asks once per start unit).
    pub fn find(&mut self, start: &str) -> Option<&'g str> {
        let unit = self.graph.unit(start)?;
        self.walk(unit)
    }

    /// The unit itself, or the first of its ancestors, that is of the kind
    /// or (for an administrative kind) serves an area within one of the kind.
    fn walk(&mut self, start: &'g Unit) -> Option<&'g str> {
        if let Some(hit) = self.at(start) {
            return Some(hit);
        }
        // The ancestors by position: one id lookup for the whole chain.
        let ancestors = self.graph.ancestors(&start.id, self.end);
        ancestors.into_iter().find_map(|u| self.at(u))
    }

    /// `u` if it is of the kind, else the unit of the kind at or above the
    /// area it serves (administrative kinds).
    fn at(&mut self, u: &'g Unit) -> Option<&'g str> {
        if u.kind == self.kind {
            return Some(u.id.as_str());
        }
        match u.area.as_deref() {
            Some(area) if self.administrative() => self.up_admin(area),
            _ => None,
        }
    }

    /// The area itself or its nearest ancestor of the kind.
    fn up_admin(&mut self, area: &str) -> Option<&'g str> {
        if let Some(hit) = self.areas.get(area) {
            return *hit;
        }
        let graph = self.graph;
        let unit = graph.unit(area)?;
        let found = std::iter::once(unit)
            .chain(graph.ancestors(&unit.id, self.end))
            .find(|u| u.kind == self.kind)
            .map(|u| u.id.as_str());
        self.areas.insert(unit.id.as_str(), found);
        found
    }
}
