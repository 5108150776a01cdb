//! Which unit of a given kind a subject belongs to, for `Report.summary(by=…)`
//! and the `province` column of `Report.to_pandas()`. Read from the graph on
//! 31 December of the rating year, through the public queries only.

use rustc_hash::FxHashMap;
use xeploai::date::Date;
use xeploai::org::Tree;
use xeploai::{OrgGraph, UnitKind};

/// Finds, for a start unit, the nearest unit of `kind` among the unit, its
/// ancestors and (for an administrative kind) the areas they serve and the
/// ancestors of those. Results are cached per start unit.
pub struct Resolver<'g> {
    graph: &'g OrgGraph,
    end: Date,
    kind: UnitKind,
    cache: FxHashMap<&'g str, Option<&'g str>>,
}

impl<'g> Resolver<'g> {
    /// A resolver for `kind` on `end`.
    pub fn new(graph: &'g OrgGraph, end: Date, kind: UnitKind) -> Self {
        Self {
            graph,
            end,
            kind,
            cache: FxHashMap::default(),
        }
    }

    /// Whether `kind` is administrative (found through the `area` links).
    fn administrative(&self) -> bool {
        self.kind.tree() == Tree::Administrative
    }

    /// The unit of the resolver's kind that `start` belongs to, if any.
    pub fn of(&mut self, start: &str) -> Option<&'g str> {
        let graph = self.graph;
        let unit = graph.unit(start)?;
        if let Some(hit) = self.cache.get(unit.id.as_str()) {
            return *hit;
        }
        let found = self.walk(unit.id.as_str());
        self.cache.insert(unit.id.as_str(), found);
        found
    }

    fn walk(&self, start: &'g str) -> Option<&'g str> {
        let graph = self.graph;
        let limit = graph.dataset().units.len() + 1;
        let mut at = graph.unit(start);
        for _ in 0..limit {
            let u = at?;
            if u.kind == self.kind {
                return Some(u.id.as_str());
            }
            if self.administrative() {
                if let Some(area) = u.area.as_deref() {
                    if let Some(hit) = self.up_admin(area, limit) {
                        return Some(hit);
                    }
                }
            }
            at = graph.parent(&u.id, self.end);
        }
        None
    }

    fn up_admin(&self, area: &str, limit: usize) -> Option<&'g str> {
        let graph = self.graph;
        let mut at = graph.unit(area);
        for _ in 0..limit {
            let u = at?;
            if u.kind == self.kind {
                return Some(u.id.as_str());
            }
            at = graph.parent(&u.id, self.end);
        }
        None
    }
}
