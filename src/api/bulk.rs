//! Writes in bulk: one at a time, with a gap between them (GitHub asks for at least a second
//! between writes), each result reported as it comes. A stop takes effect between writes, never
//! in the middle of one, so every item ends as done, failed, or not sent.
use std::future::Future;

use super::cancel::{sleep, Cancel};
use super::error::ApiError;

pub const DEFAULT_GAP_MS: u64 = 1_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemOutcome<T> {
    Done(T),
    Failed(ApiError),
    /// Stopped before this one was sent.
    NotSent,
}

/// Runs `write` for each item in order, `gap_ms` apart. `stop` is checked before each item;
/// `report(index, outcome)` is called for every item, sent or not.
pub async fn run_serially<I, T, F, Fut>(
    items: Vec<I>,
    gap_ms: u64,
    stop: &Cancel,
    mut write: F,
    mut report: impl FnMut(usize, ItemOutcome<T>),
) where
    F: FnMut(I) -> Fut,
    Fut: Future<Output = Result<T, ApiError>>,
{
    let mut stopped = false;
    for (index, item) in items.into_iter().enumerate() {
        if index > 0 && !stopped {
            stopped = sleep(gap_ms, stop).await.is_err();
        }
        stopped = stopped || stop.is_cancelled();
        if stopped {
            report(index, ItemOutcome::NotSent);
            continue;
        }
        match write(item).await {
            Ok(value) => report(index, ItemOutcome::Done(value)),
            Err(error) => report(index, ItemOutcome::Failed(error)),
        }
    }
}
