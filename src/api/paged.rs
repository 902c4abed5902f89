//! Loading a whole REST list (members, invitations, outside collaborators, credential
//! authorizations) page by page: the plan from `console_core::link_paging` (the first page
//! alone, then its `rel="last"` pages a few at a time), each URL built from the configured
//! base by `list_page`, pages handed to the caller in the list's order as soon as every page
//! before them is in (`console_core::in_order`), and one cancel that stops everything.
use console_core::in_order::InOrder;
use console_core::link_paging::{LinkPlan, PageAnswer};
use futures::stream::{FuturesUnordered, StreamExt};
use scim::org::{Link, LinkRel};
use serde::de::DeserializeOwned;

use super::cancel::Cancel;
use super::client::ApiClient;
use super::error::{ApiError, ErrorKind};
use super::transport::Reply;
use super::users::decode;

/// Where a list load is: items so far, and pages (done, known total).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ListProgress {
    pub items: u64,
    pub pages_done: u64,
    pub pages: Option<u64>,
}

/// Loads every page of the list at `path` with at most `concurrency` (1..=4) requests in
/// flight, calling `on_page` with each page's items in the list's order. On failure (a
/// request's, or a page that does not decode) the other requests are cancelled through
/// `cancel`, the pages already decoded are still handed over, and the error returned (once the
/// caller cancels, nothing more is). Only the
/// decoding and the holding are generic: the paging is `load_pages`, compiled once.
pub async fn load_list<T: DeserializeOwned>(
    client: &ApiClient,
    path: &str,
    concurrency: usize,
    cancel: &Cancel,
    mut on_page: impl FnMut(Vec<T>, ListProgress),
) -> Result<ListProgress, ApiError> {
    let mut in_order = InOrder::new();
    let mut last_progress = ListProgress::default();
    let mut take = |page: u64, reply: &Reply, counted: &mut Counted| {
        let items: Vec<T> = decode(reply)?;
        let (progress, unanswered_from) = counted(items.len() as u64);
        last_progress = progress;
        for items in in_order.arrived(unanswered_from, page, items) {
            on_page(items, progress);
        }
        Ok(())
    };
    let result = load_pages(client, path, concurrency, cancel, &mut take).await;
    if result
        .as_ref()
        .is_err_and(|e| e.kind != ErrorKind::Cancelled)
    {
        for items in in_order.rest() {
            on_page(items, last_progress);
        }
    }
    result
}

/// Records how many items a page had; gives the progress and the plan's first unanswered page.
type Counted<'a> = dyn FnMut(u64) -> (ListProgress, Option<u64>) + 'a;

/// Decodes the answer for one page and hands on the items that can be shown, after telling
/// how many there were.
type TakePage<'a> = dyn FnMut(u64, &Reply, &mut Counted) -> Result<(), ApiError> + 'a;

async fn load_pages(
    client: &ApiClient,
    path: &str,
    concurrency: usize,
    cancel: &Cancel,
    take: &mut TakePage<'_>,
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
            in_flight.push(async move { (page, client.list_page(path, page, cancel).await) });
        }
        let Some((page, result)) = in_flight.next().await else {
            return Ok(progress); // the plan has nothing left to ask
        };
        cancel.check()?; // cancelled by the caller: nothing more is handed over
        let taken = result.and_then(|reply| {
            let link = reply.link.as_deref().map(Link::parse).unwrap_or_default();
            take(page, &reply, &mut |items| {
                let answer = PageAnswer {
                    items,
                    next: link.page_of(LinkRel::Next),
                    last: link.page_of(LinkRel::Last),
                };
                plan.on_page(page, answer);
                progress = ListProgress {
                    items: plan.received(),
                    pages_done: progress.pages_done + 1,
                    pages: plan.pages(),
                };
                (progress, plan.unanswered_from())
            })
        });
        if let Err(error) = taken {
            cancel.cancel();
            return Err(error);
        }
    }
}
