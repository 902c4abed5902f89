//! The paging plan for GitHub's REST lists (members, invitations, outside collaborators,
//! credential authorizations), which page by `page` and say in their `Link` header how many
//! pages there are. The first page goes alone; its `rel="last"` tells the page count, and the
//! other pages are then asked a few at a time, only within `in_order::READ_AHEAD_PAGES` of the
//! first unanswered one, that one included.
//!
//! Only page numbers are taken from the header: the caller builds every request URL from its
//! own API base (GitHub's links are absolute, name the organization by id, and in proxy mode
//! point past the site's proxy). A later page whose `Link` names a higher last page (the list
//! grew while paging) extends the plan; pages past a list that shrank come back empty. Items
//! that move between pages meanwhile can appear twice (the caller keys them) or be missed: a
//! review re-loaded gives the consistent picture.
use std::collections::BTreeSet;

use crate::in_order::READ_AHEAD_PAGES;

#[derive(Debug, Clone, Default)]
pub struct LinkPlan {
    /// The next page to ask for (from 1).
    next: u64,
    /// The last page, once a `Link` (or its absence) said.
    last: Option<u64>,
    in_flight: BTreeSet<u64>,
    received: u64,
}

/// What one page's answer said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PageAnswer {
    pub items: u64,
    /// The page numbers of `rel="next"` and `rel="last"`, when the header has them.
    pub next: Option<u64>,
    pub last: Option<u64>,
}

impl LinkPlan {
    pub fn new() -> Self {
        Self {
            next: 1,
            ..Self::default()
        }
    }

    /// The page to ask for now, or `None` (wait for answers, or done).
    pub fn next_request(&mut self) -> Option<u64> {
        let read_ahead_end = self
            .unanswered_from()
            .map_or(u64::MAX, |first| first.saturating_add(READ_AHEAD_PAGES));
        let allowed = match self.last {
            None => self.next == 1 && self.in_flight.is_empty(),
            Some(last) => self.next <= last && self.next < read_ahead_end,
        };
        if !allowed {
            return None;
        }
        let page = self.next;
        self.next += 1;
        self.in_flight.insert(page);
        Some(page)
    }

    /// Records the answer for `page`. A page whose `Link` has neither `next` nor `last` is the
    /// last one (a list of one page has no `Link` at all).
    pub fn on_page(&mut self, page: u64, answer: PageAnswer) {
        if !self.in_flight.remove(&page) {
            return; // not a request of this plan
        }
        self.received += answer.items;
        let said = answer.last.max(answer.next).unwrap_or(page);
        self.last = Some(self.last.unwrap_or(0).max(said));
    }

    pub fn is_done(&self) -> bool {
        self.last.is_some_and(|last| self.next > last) && self.in_flight.is_empty()
    }

    /// The lowest page not yet answered (asked or not asked yet), or `None` once every answer
    /// is in: every page below it can be shown (`in_order::InOrder`).
    pub fn unanswered_from(&self) -> Option<u64> {
        let unasked = self
            .last
            .is_none_or(|last| self.next <= last)
            .then_some(self.next);
        let asked = self.in_flight.first().copied();
        [unasked, asked].into_iter().flatten().min()
    }

    /// Items received so far.
    pub fn received(&self) -> u64 {
        self.received
    }

    /// How many pages there are, once known.
    pub fn pages(&self) -> Option<u64> {
        self.last
    }
}
