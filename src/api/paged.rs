//! Loading a whole REST list (members, invitations, outside collaborators, credential
//! authorizations) page by page: the plan from `console_core::link_paging` (the first page
//! alone, then its `rel="last"` pages a few at a time), each URL built from the configured
//! base by `list_page`, pages handed to the caller as they arrive, and one cancel that stops
//! everything.
use console_core::link_paging::{LinkPlan, PageAnswer};
use futures::stream::{FuturesUnordered, StreamExt};
use scim::org::{Link, LinkRel};
use serde::de::DeserializeOwned;

use super::cancel::Cancel;
use super::client::ApiClient;
use super::error::ApiError;
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
/// flight, calling `on_page` with each page's items in arrival order. On failure (a request's,
/// or a page that does not decode) the other requests are cancelled through `cancel` and the
/// error returned. Only the decoding is generic: the paging is `load_pages`, compiled once.
pub async fn load_list<T: DeserializeOwned>(
    client: &ApiClient,
    path: &str,
    concurrency: usize,
    cancel: &Cancel,
    mut on_page: impl FnMut(Vec<T>, ListProgress),
) -> Result<ListProgress, ApiError> {
    let mut take = |reply: &Reply, counted: &mut dyn FnMut(u64) -> ListProgress| {
        let items: Vec<T> = decode(reply)?;
        let progress = counted(items.len() as u64);
        on_page(items, progress);
        Ok(())
    };
    load_pages(client, path, concurrency, cancel, &mut take).await
}

/// Decodes one page's answer and hands its items on, after telling how many there were (which
/// gives the progress they are handed on with).
type TakePage<'a> =
    dyn FnMut(&Reply, &mut dyn FnMut(u64) -> ListProgress) -> Result<(), ApiError> + 'a;

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
        let taken = result.and_then(|reply| {
            let link = reply.link.as_deref().map(Link::parse).unwrap_or_default();
            take(&reply, &mut |items| {
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
                progress
            })
        });
        if let Err(error) = taken {
            cancel.cancel();
            return Err(error);
        }
    }
}
