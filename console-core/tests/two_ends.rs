//! A cursor connection read from both ends at once: whatever its size, the page size and the
//! order the two ends' answers arrive in, every node comes out once, in the connection's order,
//! and neither end reads past the point where they met by more than the one page in flight.
use console_core::two_ends::{End, TwoEnds};
#[cfg(not(target_arch = "wasm32"))] // proptest needs an OS random source
use proptest::prelude::*;

/// Which nodes (positions) one request of `end` gets from a connection of `len` nodes at
/// `cursor` (exclusive bound from that end), and whether that end has more.
fn serve(end: End, cursor: usize, size: usize, len: usize) -> (Vec<String>, bool, usize) {
    let (from, to) = match end {
        End::Start => (cursor, (cursor + size).min(len)),
        End::Finish => (cursor.saturating_sub(size), cursor),
    };
    let nodes = (from..to).map(|i| format!("node-{i}")).collect();
    match end {
        End::Start => (nodes, to < len, to),
        End::Finish => (nodes, from > 0, from),
    }
}

/// Reads the connection with one request in flight per end; `order[i]` picks which end's answer
/// arrives when both are in flight. Returns the nodes and how many requests were sent.
fn read(len: usize, size: usize, order: &[bool]) -> (Vec<String>, usize) {
    let mut ends = TwoEnds::new();
    let mut in_flight = vec![
        (End::Start, serve(End::Start, 0, size, len)),
        (End::Finish, serve(End::Finish, len, size, len)),
    ];
    let (mut sent, mut step) = (2, 0);
    while !in_flight.is_empty() {
        let pick = match in_flight.len() {
            1 => 0,
            _ => usize::from(order.get(step).copied().unwrap_or(false)),
        };
        step += 1;
        let (end, (nodes, more, cursor)) = in_flight.remove(pick);
        if ends.take(end, nodes, more, String::as_str) {
            in_flight.push((end, serve(end, cursor, size, len)));
            sent += 1;
        }
    }
    assert!(ends.done());
    assert_eq!(ends.taken(), len);
    (ends.into_nodes(), sent)
}

fn expected(len: usize) -> Vec<String> {
    (0..len).map(|i| format!("node-{i}")).collect()
}

#[test]
fn sizes_at_the_page_boundaries_come_out_whole_and_in_order() {
    for len in [0, 1, 99, 100, 101, 199, 200, 201, 250, 1_000, 1_001] {
        for order in [vec![false; 40], vec![true; 40]] {
            let (nodes, sent) = read(len, 100, &order);
            assert_eq!(nodes, expected(len), "{len} nodes");
            // Half the pages from each end, plus at most the one in flight when they met.
            let pages = len.div_ceil(100).max(1);
            assert!(sent <= pages + 2, "{len} nodes: {sent} requests");
        }
    }
}

#[test]
fn the_page_in_flight_when_the_ends_met_is_kept_once() {
    let mut ends = TwoEnds::new();
    let page = |r: std::ops::Range<usize>| r.map(|i| i.to_string()).collect::<Vec<_>>();
    assert!(ends.take(End::Start, page(0..3), true, String::as_str));
    assert!(ends.take(End::Finish, page(5..8), true, String::as_str));
    // The start reads 3..6 and meets the end at 5: it stops.
    assert!(!ends.take(End::Start, page(3..6), true, String::as_str));
    // The end's request for 2..5 was already in flight: taken, nothing twice.
    assert!(!ends.take(End::Finish, page(2..5), true, String::as_str));
    assert_eq!(ends.into_nodes(), page(0..8));
}

#[cfg(not(target_arch = "wasm32"))]
proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_size_page_size_and_arrival_order_gives_every_node_once_in_order(
        len in 0usize..400,
        size in 1usize..=100,
        order in proptest::collection::vec(any::<bool>(), 0..500),
    ) {
        let (nodes, sent) = read(len, size, &order);
        prop_assert_eq!(nodes, expected(len));
        prop_assert!(sent <= len.div_ceil(size).max(1) + 2);
    }
}
