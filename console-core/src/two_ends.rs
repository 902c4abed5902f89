//! Reading a GraphQL cursor connection from both ends at once. Cursors cannot be guessed, so
//! one end is one request after another; reading `first`/`after` from the start and
//! `last`/`before` from the end at the same time halves the wall time. Each end reads on until
//! a page of it holds a node already taken (the two ends have met: what was read from the start
//! and from the end now cover the whole connection) or it has no further page. The answer that
//! was in flight on the other end when they met is still taken: its nodes are kept once.
//! Nodes are keyed by their id; the result is in the connection's order, each node once.
use rustc_hash::FxHashSet;

/// Which end of the connection a page was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// `first`/`after`: pages in the connection's order.
    Start,
    /// `last`/`before`: the last page first.
    Finish,
}

#[derive(Debug, Clone)]
pub struct TwoEnds<T> {
    seen: FxHashSet<String>,
    from_start: Vec<T>,
    /// Pages from the end, in the order read (the last page of the connection first).
    from_finish: Vec<Vec<T>>,
    done: bool,
}

impl<T> Default for TwoEnds<T> {
    fn default() -> Self {
        Self {
            seen: FxHashSet::default(),
            from_start: Vec::new(),
            from_finish: Vec::new(),
            done: false,
        }
    }
}

impl<T> TwoEnds<T> {
    pub fn new() -> Self {
        Self::default()
    }

    /// The whole connection has been read: neither end asks for another page.
    pub fn done(&self) -> bool {
        self.done
    }

    /// Distinct nodes taken so far.
    pub fn taken(&self) -> usize {
        self.seen.len()
    }

    /// Takes one page read from `end` (its nodes in the connection's order); `more`: that end's
    /// `pageInfo` says there is a further page in its direction. Returns whether that end should
    /// ask for its next page.
    pub fn take(&mut self, end: End, page: Vec<T>, more: bool, key: impl Fn(&T) -> &str) -> bool {
        let read = page.len();
        let fresh: Vec<T> = page
            .into_iter()
            .filter(|node| self.seen.insert(key(node).to_owned()))
            .collect();
        let met = fresh.len() < read;
        match end {
            End::Start => self.from_start.extend(fresh),
            End::Finish => self.from_finish.push(fresh),
        }
        if met || !more {
            self.done = true;
        }
        !self.done
    }

    /// Every node taken, in the connection's order.
    pub fn into_nodes(self) -> Vec<T> {
        let mut nodes = self.from_start;
        nodes.extend(self.from_finish.into_iter().rev().flatten());
        nodes
    }
}
