//! The REST paging plan: the page count from the first page's `rel="last"`, a few pages at a
//! time after it, a list that grows or shrinks while paging, and a list of one page.
use console_core::link_paging::{LinkPlan, PageAnswer};

fn answer(items: u64, next: Option<u64>, last: Option<u64>) -> PageAnswer {
    PageAnswer { items, next, last }
}

/// Runs the plan against a list served `per_page` a page, `concurrency` requests at a time,
/// answering the oldest request first; `size(n)` is the list's size when the n-th answer is
/// made. Returns the pages asked, in order.
fn run(per_page: u64, concurrency: usize, size: impl Fn(usize) -> u64) -> (Vec<u64>, LinkPlan) {
    let mut plan = LinkPlan::new();
    let (mut asked, mut in_flight) = (Vec::new(), Vec::new());
    let mut answered = 0;
    loop {
        while in_flight.len() < concurrency {
            let Some(page) = plan.next_request() else {
                break;
            };
            asked.push(page);
            in_flight.push(page);
        }
        if in_flight.is_empty() {
            break;
        }
        let page = in_flight.remove(0);
        let total = size(answered);
        answered += 1;
        let last = total.div_ceil(per_page).max(1);
        let items = total.saturating_sub((page - 1) * per_page).min(per_page);
        let link = (last > 1 && page < last).then_some((page + 1, last));
        plan.on_page(page, answer(items, link.map(|l| l.0), link.map(|l| l.1)));
        assert!(asked.len() < 1_000, "runaway plan");
    }
    (asked, plan)
}

#[test]
fn the_first_page_goes_alone_and_tells_how_many_follow() {
    let mut plan = LinkPlan::new();
    assert_eq!(plan.next_request(), Some(1));
    assert_eq!(plan.next_request(), None, "nothing before the first answer");
    plan.on_page(1, answer(100, Some(2), Some(5)));
    assert_eq!(plan.pages(), Some(5));
    let asked: Vec<u64> = std::iter::from_fn(|| plan.next_request()).collect();
    assert_eq!(asked, [2, 3, 4, 5]);
    assert!(!plan.is_done());
    for page in [3, 5, 2] {
        plan.on_page(page, answer(100, None, None));
    }
    assert!(!plan.is_done(), "page 4 is still out");
    plan.on_page(4, answer(100, Some(5), Some(5)));
    assert!(plan.is_done());
    assert_eq!(plan.received(), 500);
}

#[test]
fn a_list_of_one_page_has_no_link_and_ends_there() {
    let (asked, plan) = run(100, 3, |_| 42);
    assert_eq!(asked, [1]);
    assert!(plan.is_done());
    assert_eq!(plan.received(), 42);
    let (asked, plan) = run(100, 3, |_| 0);
    assert_eq!((asked, plan.received()), (vec![1], 0));
}

#[test]
fn every_page_is_asked_once_in_order() {
    let (asked, plan) = run(100, 2, |_| 874 * 100 - 4);
    assert_eq!(asked, (1..=874).collect::<Vec<u64>>());
    assert_eq!(plan.received(), 87_396);
    assert!(plan.is_done());
}

#[test]
fn a_list_that_grows_while_paging_is_followed_to_its_new_end() {
    // 250 items at first (3 pages); after the second answer it has 420 (5 pages).
    let (asked, plan) = run(100, 2, |n| if n < 2 { 250 } else { 420 });
    assert_eq!(asked, [1, 2, 3, 4, 5]);
    assert_eq!(plan.received(), 420);
}

#[test]
fn a_list_that_shrinks_while_paging_ends_with_empty_pages() {
    let (asked, plan) = run(100, 3, |n| if n == 0 { 500 } else { 180 });
    assert_eq!(asked, [1, 2, 3, 4, 5]);
    assert!(plan.is_done());
    assert_eq!(plan.received(), 100 + 80);
}

#[test]
fn answers_the_plan_did_not_ask_for_change_nothing() {
    let mut plan = LinkPlan::new();
    plan.on_page(7, answer(100, Some(8), Some(90)));
    assert_eq!(plan.pages(), None);
    assert_eq!(plan.next_request(), Some(1));
    plan.on_page(1, answer(3, None, None));
    plan.on_page(1, answer(3, None, None));
    assert_eq!(plan.received(), 3);
    assert!(plan.is_done());
}
