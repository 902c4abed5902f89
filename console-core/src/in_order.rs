//! Pages shown in the API's order however they arrive. With two requests in flight the page at
//! `startIndex=2401` can come back before the one at 2301; shown as they arrive, the unsorted
//! table would be in a different order on every load (and its last row would not be GitHub's
//! last). Each answered page is held until every page before it has been answered. Pages are
//! keyed by where they start: SCIM's `startIndex` (`paging::PagePlan`) or a REST list's page
//! number (`link_paging::LinkPlan`); each plan says its first unanswered one.
/// How many pages a plan asks for from its first unanswered one, that one included: a page
/// that answers late (a retry waiting out a 5xx) holds the load there instead of letting the
/// others pile up behind it unseen. Both plans (`paging`, `link_paging`) keep to it.
pub const READ_AHEAD_PAGES: u64 = 8;

/// A plain sorted `Vec`: only the answers ahead of an earlier one are held (at most the rows of
/// `READ_AHEAD_PAGES - 1` pages, though short answers can split them into more entries), and it
/// is the least code in the wasm for each page type.
#[derive(Debug)]
pub struct InOrder<T> {
    held: Vec<(u64, T)>,
}

impl<T> Default for InOrder<T> {
    fn default() -> Self {
        Self { held: Vec::new() }
    }
}

impl<T> InOrder<T> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Takes the page answered for `start` and returns the pages that can be shown now, in
    /// order: those before `unanswered_from`, the plan's first unanswered start once it has
    /// recorded this answer (`None`: every answer is in).
    pub fn arrived(&mut self, unanswered_from: Option<u64>, start: u64, page: T) -> Vec<T> {
        let at = self.held.partition_point(|(held, _)| *held < start);
        self.held.insert(at, (start, page));
        let ready = match unanswered_from {
            Some(first) => self.held.partition_point(|(held, _)| *held < first),
            None => self.held.len(),
        };
        self.held.drain(..ready).map(|(_, page)| page).collect()
    }

    /// What is still held when the load fails: every page, in order, so nothing that was
    /// received is dropped. (A cancelled load hands nothing over: its table is no longer its.)
    pub fn rest(self) -> Vec<T> {
        self.held.into_iter().map(|(_, page)| page).collect()
    }
}
