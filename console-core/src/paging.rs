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
//!
//! Growth is followed only so far: a server whose `totalResults` keeps running ahead of its
//! answers would page forever, so a load asks for at most `GROWTH_ALLOWANCE` (or as many again
//! as the first answer said, if more) beyond the first total, and never beyond
//! `MAX_IDENTITIES`; `cut_short` then says where it stopped and what the server last claimed.
use std::collections::{BTreeMap, VecDeque};

use crate::in_order::READ_AHEAD_PAGES;

/// Identities a load follows beyond its first total (when that total is smaller).
pub const GROWTH_ALLOWANCE: u64 = 10_000;
/// No load asks for more than this many identities, whatever the server says.
pub const MAX_IDENTITIES: u64 = 1_000_000;

/// A load that stopped at its bound while the server's total said more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CutShort {
    /// The last `startIndex` the load would ask for, plus one: rows beyond were not asked.
    pub at: u64,
    /// The server's latest `totalResults`.
    pub said: u64,
}

impl CutShort {
    /// What the owner reads: what happened, and what to do.
    pub fn message(&self) -> String {
        format!(
            "GitHub's total kept growing while the identities loaded (it now says {}), so \
             the load stopped at {}, as far as one load goes. The table may be incomplete: \
             Reload to try again.",
            self.said, self.at
        )
    }
}

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
    /// The most identities this load asks for, fixed by the first answer.
    limit: Option<u64>,
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
            limit: None,
        }
    }

    /// The next request to send now, or `None` (wait for answers, or done).
    pub fn next_request(&mut self) -> Option<PageRequest> {
        let (start, end) = match (self.followed(), self.gaps.pop_front()) {
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
        let limit = *self.limit.get_or_insert_with(|| {
            total
                .saturating_add(total.max(GROWTH_ALLOWANCE))
                .min(MAX_IDENTITIES)
        });
        let got_end = start + returned.min(end - start);
        self.received += got_end - start;
        if returned > 0 && got_end < end && got_end <= total.min(limit) {
            self.gaps.push_back((got_end, end));
        }
    }

    pub fn is_done(&self) -> bool {
        self.followed().is_some_and(|t| self.next_start > t)
            && self.in_flight.is_empty()
            && self.gaps.is_empty()
    }

    /// The lowest `startIndex` not yet answered (asked, to be asked again, or not asked yet),
    /// or `None` once every answer is in: every page that starts below it can be shown.
    pub fn unanswered_from(&self) -> Option<u64> {
        let unasked = self
            .followed()
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

    /// The total the plan pages to: the server's, within the limit.
    fn followed(&self) -> Option<u64> {
        let limit = self.limit.unwrap_or(u64::MAX);
        self.total.map(|total| total.min(limit))
    }

    /// Where the load stopped short of the server's total, once that total ran past the limit.
    pub fn cut_short(&self) -> Option<CutShort> {
        let (said, at) = (self.total?, self.limit?);
        (said > at).then_some(CutShort { at, said })
    }

    pub fn received(&self) -> u64 {
        self.received
    }

    pub fn total(&self) -> Option<u64> {
        self.total
    }
}
