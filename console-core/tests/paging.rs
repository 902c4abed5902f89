//! The paging plan against a simulated server whose data changes while it is read.
use console_core::paging::{CutShort, PagePlan, MAX_IDENTITIES};

/// Drives a plan with up to `concurrency` requests, answering each from `answer(start)`, which
/// returns (returned, total). Answers arrive oldest first. Returns the starts requested.
fn drive(
    plan: &mut PagePlan,
    concurrency: usize,
    mut answer: impl FnMut(u64) -> (u64, u64),
) -> Vec<u64> {
    let mut requested = Vec::new();
    let mut pending = std::collections::VecDeque::new();
    for _ in 0..10_000 {
        while pending.len() < concurrency {
            match plan.next_request() {
                Some(request) => {
                    requested.push(request.start);
                    pending.push_back(request);
                }
                None => break,
            }
        }
        let Some(request) = pending.pop_front() else {
            break;
        };
        let (returned, total) = answer(request.start);
        plan.on_page(request.start, returned.min(request.count), total);
    }
    assert!(plan.is_done(), "the plan finishes");
    requested
}

fn fixed(total: u64, size: u64) -> impl FnMut(u64) -> (u64, u64) {
    move |start| (total.saturating_sub(start - 1).min(size), total)
}

#[test]
fn the_first_page_comes_alone_then_pages_go_in_parallel() {
    let mut plan = PagePlan::new(100);
    assert_eq!(
        plan.next_request(),
        Some(console_core::paging::PageRequest {
            start: 1,
            count: 100
        })
    );
    assert_eq!(plan.next_request(), None, "the total is not known yet");
    plan.on_page(1, 100, 250);
    let starts = [
        plan.next_request(),
        plan.next_request(),
        plan.next_request(),
    ];
    assert_eq!(
        starts.map(|r| r.map(|r| r.start)),
        [Some(101), Some(201), None]
    );
    assert!(!plan.is_done(), "two pages are still out");
}

#[test]
fn loads_everything_once_with_a_stable_total() {
    let mut plan = PagePlan::new(100);
    let requested = drive(&mut plan, 4, fixed(1_050, 100));
    assert_eq!(requested.len(), 11);
    assert_eq!(plan.received(), 1_050);
    let mut empty = PagePlan::new(100);
    assert_eq!(drive(&mut empty, 2, fixed(0, 100)), vec![1]);
}

#[test]
fn a_short_page_is_continued_from_where_it_ended() {
    // The server caps pages at 30 whatever is asked (GitHub's default page size).
    let mut plan = PagePlan::new(100);
    drive(&mut plan, 2, fixed(250, 30));
    assert_eq!(
        plan.received(),
        250,
        "advanced by what was returned, so nothing is skipped"
    );
}

#[test]
fn a_total_that_shrinks_or_grows_while_paging_is_followed() {
    let mut plan = PagePlan::new(100);
    let mut total: u64 = 500;
    let requested = drive(&mut plan, 2, |start| {
        let answer = (total.saturating_sub(start - 1).min(100), total);
        total = if start == 1 { 180 } else { total }; // 320 identities removed after the first page
        answer
    });
    assert!(requested.iter().all(|s| *s <= 201), "{requested:?}");
    let mut plan = PagePlan::new(100);
    let mut total: u64 = 150;
    drive(&mut plan, 1, |start| {
        let answer = (total.saturating_sub(start - 1).min(100), total);
        total += 100; // new identities keep arriving, until a page comes back empty of them
        if total > 450 {
            total = 450
        }
        answer
    });
    assert_eq!(plan.total(), Some(450));
    assert_eq!(plan.received(), 450);
}

/// A server whose every answer claims `beyond` identities more than it reaches, and whose
/// identities end at `real`: paging it through would never end.
fn ever_growing(real: u64, beyond: u64) -> impl FnMut(u64) -> (u64, u64) {
    move |start| {
        let returned = real.saturating_sub(start - 1).min(100);
        (returned, start - 1 + returned + beyond)
    }
}

#[test]
fn a_total_that_keeps_growing_is_followed_only_so_far() {
    let mut plan = PagePlan::new(100);
    let requested = drive(&mut plan, 2, ever_growing(2_500, 1_000));
    // The first answer said 1,100; the load may follow growth up to 10,000 more.
    assert_eq!(requested.len(), 111, "{requested:?}");
    assert_eq!(plan.received(), 2_500, "every real identity is in");
    let cut = plan.cut_short();
    assert_eq!(
        cut,
        Some(CutShort {
            at: 11_100,
            said: 12_000
        })
    );
    assert!(cut.is_some_and(|c| c.message().contains("kept growing")));
}

#[test]
fn growth_within_the_allowance_is_not_cut_short() {
    let mut plan = PagePlan::new(100);
    drive(&mut plan, 2, fixed(1_050, 100));
    assert_eq!(plan.cut_short(), None);
    // 20,000 at first, growing to 39,000: within as many again as the first answer said.
    let mut plan = PagePlan::new(1_000);
    let mut total: u64 = 20_000;
    drive(&mut plan, 2, |start| {
        total = (total + 1_000).min(39_000);
        (total.saturating_sub(start - 1).min(1_000), total)
    });
    assert_eq!((plan.received(), plan.cut_short()), (39_000, None));
}

#[test]
fn no_load_asks_beyond_the_maximum_whatever_the_first_total() {
    let mut plan = PagePlan::new(1_000);
    let requested = drive(&mut plan, 4, |_| (0, u64::MAX));
    assert_eq!(requested.len() as u64, MAX_IDENTITIES / 1_000);
    assert_eq!(plan.cut_short().map(|c| c.at), Some(MAX_IDENTITIES));
}
