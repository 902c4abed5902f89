//! Loading a whole REST list (members, invitations, outside collaborators, credential
//! authorizations) page by page: the plan from `console_core::link_paging` (the first page
//! alone, then its `rel="last"` pages a few at a time), each URL built from the configured
//! base by `list_page`, pages handed to the caller as they arrive, and one cancel that stops
//! everything.
use console_core::link_paging::{LinkPlan, PageAnswer};
use futures::stream::{FuturesUnordered, StreamExt};
use serde::de::DeserializeOwned;

use super::cancel::Cancel;
use super::client::ApiClient;
use super::error::ApiError;

/// Where a list load is: items so far, and pages (done, known total).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ListProgress {
    pub items: u64,
    pub pages_done: u64,
    pub pages: Option<u64>,
}

/// Loads every page of the list at `path` with at most `concurrency` (1..=4) requests in
/// flight, calling `on_page` with each page's items in arrival order. On failure the other
/// requests are cancelled through `cancel` and the error returned.
pub async fn load_list<T: DeserializeOwned>(
    client: &ApiClient,
    path: &str,
    concurrency: usize,
    cancel: &Cancel,
    mut on_page: impl FnMut(Vec<T>, ListProgress),
) -> Result<ListProgress, ApiError> {
    let concurrency = concurrency.clamp(1, 4);
    let mut plan = LinkPlan::new();
    let mut progress = ListProgress::default();
    let mut in_flight = FuturesUnordered::new();
    loop {
        while in_flight.len() < concurrency {
            let Some(page) = plan.next_request() else {
                break;
            };
            in_flight.push(async move { (page, client.list_page::<T>(path, page, cancel).await) });
        }
        let Some((page, result)) = in_flight.next().await else {
            return Ok(progress); // the plan has nothing left to ask
        };
        match result {
            Ok((items, answer)) => {
                plan.on_page(
                    page,
                    PageAnswer {
                        items: items.len() as u64,
                        ..answer
                    },
                );
                progress = ListProgress {
                    items: plan.received(),
                    pages_done: progress.pages_done + 1,
                    pages: plan.pages(),
                };
                on_page(items, progress);
            }
            Err(error) => {
                cancel.cancel();
                return Err(error);
            }
        }
    }
}
