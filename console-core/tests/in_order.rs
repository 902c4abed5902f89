//! Pages answered in any order are shown in the API's order, each once, and none is lost.
#![cfg(not(target_arch = "wasm32"))] // proptest needs an OS random source, which wasm32 lacks.
use console_core::in_order::{InOrder, READ_AHEAD_PAGES};
use console_core::link_paging::{LinkPlan, PageAnswer};
use console_core::paging::{PagePlan, PageRequest};
use proptest::prelude::*;

/// A REST page's answer: 100 items, its `Link` naming `last` as the last page.
fn rest_answer(last: Option<u64>) -> PageAnswer {
    PageAnswer {
        items: 100,
        next: None,
        last,
    }
}

/// Loads `total` identities from a server that returns at most `cap` a page, with up to
/// `concurrency` requests in flight, answering whichever `pick` chooses next. Returns the
/// starts of the pages in the order they are shown; checks that every page answered is shown.
fn shown_order(total: u64, cap: u64, concurrency: usize, picks: &[usize]) -> Vec<u64> {
    let mut plan = PagePlan::new(100);
    let mut in_order = InOrder::new();
    let mut pending: Vec<PageRequest> = Vec::new();
    let mut shown = Vec::new();
    let mut answered = Vec::new();
    let mut picks = picks.iter().cycle();
    loop {
        while pending.len() < concurrency {
            let Some(request) = plan.next_request() else {
                break;
            };
            pending.push(request);
        }
        if pending.is_empty() {
            break;
        }
        let at = picks.next().map_or(0, |p| p % pending.len());
        let request = pending.swap_remove(at);
        let returned = total
            .saturating_sub(request.start - 1)
            .min(cap)
            .min(request.count);
        plan.on_page(request.start, returned, total);
        answered.push(request.start);
        shown.extend(in_order.arrived(plan.unanswered_from(), request.start, request.start));
    }
    assert!(plan.is_done());
    assert!(in_order.rest().is_empty(), "nothing is held once all is in");
    answered.sort_unstable();
    let mut shown_sorted = shown.clone();
    shown_sorted.sort_unstable();
    assert_eq!(shown_sorted, answered, "each page answered is shown once");
    shown
}

#[test]
fn the_last_page_arriving_first_is_shown_last() {
    // 250 identities: 1 alone (the first pick), then 101 and 201 together; 201 answers first.
    assert_eq!(shown_order(250, 100, 2, &[0, 1]), vec![1, 101, 201]);
}

#[test]
fn a_rest_list_is_shown_in_page_order_too() {
    let mut plan = LinkPlan::new();
    let mut in_order = InOrder::new();
    assert_eq!(plan.next_request(), Some(1));
    plan.on_page(1, rest_answer(Some(3)));
    let mut shown = in_order.arrived(plan.unanswered_from(), 1, 1);
    assert_eq!(
        (plan.next_request(), plan.next_request()),
        (Some(2), Some(3))
    );
    plan.on_page(3, rest_answer(None));
    shown.extend(in_order.arrived(plan.unanswered_from(), 3, 3));
    assert_eq!(shown, vec![1], "page 3 waits for page 2");
    plan.on_page(2, rest_answer(Some(3)));
    shown.extend(in_order.arrived(plan.unanswered_from(), 2, 2));
    assert_eq!(shown, vec![1, 2, 3]);
    assert_eq!(plan.unanswered_from(), None);
}

#[test]
fn a_failure_leaves_nothing_received_behind() {
    let mut plan = PagePlan::new(100);
    let mut in_order = InOrder::new();
    let first = plan.next_request().map(|r| r.start);
    assert_eq!(first, Some(1));
    plan.on_page(1, 100, 400);
    assert_eq!(
        in_order.arrived(plan.unanswered_from(), 1, "page 1"),
        vec!["page 1"]
    );
    let (a, b) = (plan.next_request(), plan.next_request());
    assert_eq!(
        (a.map(|r| r.start), b.map(|r| r.start)),
        (Some(101), Some(201))
    );
    plan.on_page(201, 100, 400);
    assert!(
        in_order
            .arrived(plan.unanswered_from(), 201, "page 201")
            .is_empty(),
        "101 is still out"
    );
    // 101 fails: the load ends, and what came is still shown, in order.
    assert_eq!(in_order.rest(), vec!["page 201"]);
}

proptest! {
    #[test]
    fn any_arrival_order_is_shown_in_order_each_page_once(
        total in 0_u64..1_200,
        cap in prop_oneof![Just(100_u64), 1_u64..100],
        concurrency in 1_usize..=4,
        picks in proptest::collection::vec(0_usize..4, 1..40),
    ) {
        let shown = shown_order(total, cap, concurrency, &picks);
        prop_assert!(shown.windows(2).all(|w| w[0] < w[1]), "in order: {:?}", shown);
    }
}

#[test]
fn a_late_page_holds_the_load_within_the_read_ahead() {
    // SCIM: 1 alone, then 101 never answers (a retry waiting out 5xx answers); the others do.
    let mut plan = PagePlan::new(100);
    assert_eq!(plan.next_request().map(|r| r.start), Some(1));
    plan.on_page(1, 100, 10_000);
    let late = plan.next_request().map(|r| r.start);
    assert_eq!(late, Some(101));
    let mut asked_past_it = 0;
    while let Some(request) = plan.next_request() {
        asked_past_it += 1;
        plan.on_page(request.start, 100, 10_000);
    }
    assert_eq!(
        asked_past_it,
        READ_AHEAD_PAGES - 1,
        "8 pages out from the late one, it included"
    );
    plan.on_page(101, 100, 10_000);
    assert!(
        plan.next_request().is_some(),
        "the late page in: the load goes on"
    );

    // REST: page 2 never answers; pages up to 2 + 7 are asked, no further.
    let mut plan = LinkPlan::new();
    assert_eq!(plan.next_request(), Some(1));
    plan.on_page(1, rest_answer(Some(100)));
    assert_eq!(plan.next_request(), Some(2));
    let mut asked = Vec::new();
    while let Some(page) = plan.next_request() {
        asked.push(page);
        plan.on_page(page, rest_answer(Some(100)));
    }
    assert_eq!(asked, (3..2 + READ_AHEAD_PAGES).collect::<Vec<_>>());
}

proptest! {
    #[test]
    fn a_rest_list_that_grows_or_shrinks_is_shown_in_page_order_each_page_once(
        lasts in proptest::collection::vec(1_u64..30, 1..30),
        concurrency in 1_usize..=4,
        picks in proptest::collection::vec(0_usize..4, 1..40),
    ) {
        // Each answer's `Link` names the next value of `lasts` as the last page.
        let mut plan = LinkPlan::new();
        let mut in_order = InOrder::new();
        let mut pending: Vec<u64> = Vec::new();
        let (mut shown, mut answered) = (Vec::new(), Vec::new());
        let (mut lasts, mut picks) = (lasts.iter().cycle(), picks.iter().cycle());
        for _ in 0..10_000 {
            while pending.len() < concurrency {
                let Some(page) = plan.next_request() else { break };
                pending.push(page);
            }
            if pending.is_empty() {
                break;
            }
            let at = picks.next().map_or(0, |p| p % pending.len());
            let page = pending.swap_remove(at);
            let last = lasts.next().copied();
            plan.on_page(page, PageAnswer { items: 1, next: None, last });
            answered.push(page);
            shown.extend(in_order.arrived(plan.unanswered_from(), page, page));
        }
        prop_assert!(plan.is_done());
        prop_assert!(shown.windows(2).all(|w| w[0] < w[1]), "in order: {:?}", shown);
        answered.sort_unstable();
        prop_assert_eq!(shown, answered);
    }
}
