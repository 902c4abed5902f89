//! The paging plan for loading every identity with a few requests in flight.
//!
//! The first page comes alone (it tells the total). Then pages are requested at fixed offsets;
//! when one comes back short of what was asked while the total says more exists, the rest of
//! that range is asked again from where the answer ended: the plan advances by what was
//! returned, never by what was asked. The latest `totalResults` wins, so a total that grows or
//! shrinks while paging extends or ends the plan. Identities that move between pages during the
//! load can appear twice: the caller keys rows by id. Answers that come back out of order are
//! put back in order by `in_order::InOrder`; pages are asked only within `READ_AHEAD_PAGES`
//! of the first unanswered one, that one included.
use std::collections::{BTreeMap, VecDeque};

use crate::in_order::READ_AHEAD_PAGES;

/// One request of the plan: `startIndex` and `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    pub start: u64,
    pub count: u64,
}

#[derive(Debug, Clone)]
pub struct PagePlan {
    page_size: u64,
    total: Option<u64>,
    next_start: u64,
    /// start → end (exclusive) of the range each pending request is responsible for.
    in_flight: BTreeMap<u64, u64>,
    /// Ranges (start, end) still to ask for, after short answers.
    gaps: VecDeque<(u64, u64)>,
    received: u64,
}

impl PagePlan {
    pub fn new(page_size: u64) -> Self {
        Self {
            page_size: page_size.max(1),
            total: None,
            next_start: 1,
            in_flight: BTreeMap::new(),
            gaps: VecDeque::new(),
            received: 0,
        }
    }

    /// The next request to send now, or `None` (wait for answers, or done).
    pub fn next_request(&mut self) -> Option<PageRequest> {
        let (start, end) = match (self.total, self.gaps.pop_front()) {
            (None, _) if !self.in_flight.is_empty() || self.next_start != 1 => return None,
            (Some(_), Some(gap)) => gap,
            (Some(total), None) if self.next_start > total => return None,
            _ if self.next_start >= self.read_ahead_end() => return None,
            _ => {
                let start = self.next_start;
                self.next_start += self.page_size;
                (start, self.next_start)
            }
        };
        self.in_flight.insert(start, end);
        Some(PageRequest {
            start,
            count: end - start,
        })
    }

    /// Records the answer for `start`: `returned` identities and the server's `total`.
    pub fn on_page(&mut self, start: u64, returned: u64, total: u64) {
        let Some(end) = self.in_flight.remove(&start) else {
            return; // not a request of this plan
        };
        self.total = Some(total);
        let got_end = start + returned.min(end - start);
        self.received += got_end - start;
        if returned > 0 && got_end < end && got_end <= total {
            self.gaps.push_back((got_end, end));
        }
    }

    pub fn is_done(&self) -> bool {
        self.total.is_some_and(|t| self.next_start > t)
            && self.in_flight.is_empty()
            && self.gaps.is_empty()
    }

    /// The lowest `startIndex` not yet answered (asked, to be asked again, or not asked yet),
    /// or `None` once every answer is in: every page that starts below it can be shown.
    pub fn unanswered_from(&self) -> Option<u64> {
        let unasked = self
            .total
            .is_none_or(|t| self.next_start <= t)
            .then_some(self.next_start);
        let asked = self.in_flight.keys().next().copied();
        let again = self.gaps.iter().map(|&(start, _)| start).min();
        [unasked, asked, again].into_iter().flatten().min()
    }

    /// The first `startIndex` not to ask for yet (`in_order::READ_AHEAD_PAGES`).
    fn read_ahead_end(&self) -> u64 {
        self.unanswered_from().map_or(u64::MAX, |first| {
            first.saturating_add(READ_AHEAD_PAGES.saturating_mul(self.page_size))
        })
    }

    pub fn received(&self) -> u64 {
        self.received
    }

    pub fn total(&self) -> Option<u64> {
        self.total
    }
}
