//! Loading every identity: the paging plan from `console_core::paging`, a few requests in flight, pages
//! handed to the caller in GitHub's order as soon as every page before them is in
//! (`console_core::in_order`), a pause switch, and cancellation that stops everything.
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use console_core::in_order::InOrder;
use console_core::page::Page;
use console_core::paging::{CutShort, PagePlan};
use futures::stream::{FuturesUnordered, StreamExt};
use scim::query::ListQuery;

use super::cancel::{sleep, Cancel};
use super::client::ApiClient;
use super::error::ApiError;

/// GitHub serves at most 100 a page (the emulator caps there too).
pub const PAGE_SIZE: u64 = 100;
pub const DEFAULT_CONCURRENCY: usize = 2;
pub const MAX_CONCURRENCY: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    pub loaded: u64,
    pub total: Option<u64>,
    /// The load stopped at its bound while GitHub's total kept growing (`paging::CutShort`).
    pub cut_short: Option<CutShort>,
}

impl Progress {
    fn of(plan: &PagePlan) -> Self {
        Self {
            loaded: plan.received(),
            total: plan.total(),
            cut_short: plan.cut_short(),
        }
    }
}

/// Set to hold back new requests (those in flight finish). Clones share the switch.
#[derive(Debug, Clone, Default)]
pub struct Pause(Arc<AtomicBool>);

impl Pause {
    pub fn set(&self, paused: bool) {
        self.0.store(paused, Ordering::Relaxed);
    }
    pub fn is_paused(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// Loads all pages with at most `concurrency` (1..=4) requests in flight, calling `on_page`
/// with each page in the API's order. `first`, when given, is the answer to the plan's first
/// request (`startIndex=1`, a full page: the probe's), which is then not asked again. On
/// failure the remaining requests are cancelled through `cancel`, the pages already received
/// are still handed over, and the error returned; once the caller cancels, nothing more is.
pub async fn load_all(
    client: &ApiClient,
    first: Option<Page>,
    concurrency: usize,
    cancel: &Cancel,
    pause: &Pause,
    mut on_page: impl FnMut(Page, Progress),
) -> Result<Progress, ApiError> {
    let concurrency = concurrency.clamp(1, MAX_CONCURRENCY);
    let mut plan = PagePlan::new(PAGE_SIZE);
    let mut in_flight = FuturesUnordered::new();
    let mut in_order = InOrder::new();
    let mut answered = |plan: &mut PagePlan, start: u64, page: Page| {
        plan.on_page(start, page.rows.len() as u64, page.total_results);
        let progress = Progress::of(plan);
        for page in in_order.arrived(plan.unanswered_from(), start, page) {
            on_page(page, progress);
        }
    };
    if let Some(page) = first {
        if let Some(request) = plan.next_request() {
            answered(&mut plan, request.start, page);
        }
    }
    loop {
        while in_flight.len() < concurrency && !pause.is_paused() {
            let Some(request) = plan.next_request() else {
                break;
            };
            let query = ListQuery::page(request.start, request.count);
            in_flight
                .push(async move { (request.start, client.identities_page(&query, cancel).await) });
        }
        let Some((start, result)) = in_flight.next().await else {
            if plan.is_done() {
                return Ok(Progress::of(&plan));
            }
            sleep(200, cancel).await?; // paused with nothing in flight
            continue;
        };
        // Cancelled by the caller (the owner left, or a new load began): nothing more is
        // handed over, not even a page held back, since the table is no longer this load's.
        cancel.check()?;
        match result {
            Ok(page) => answered(&mut plan, start, page),
            Err(error) => {
                cancel.cancel();
                let progress = Progress::of(&plan);
                for page in in_order.rest() {
                    on_page(page, progress);
                }
                return Err(error);
            }
        }
    }
}
