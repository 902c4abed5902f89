//! Words about numbers and sentences that end (issue 23: "(1 entries)", a message without its
//! full stop).
use console_core::text::{plural, sentence};

#[test]
fn one_entry_and_many_entries() {
    assert_eq!(plural(1, "entry", "entries"), "1 entry");
    assert_eq!(plural(0, "entry", "entries"), "0 entries");
    assert_eq!(plural(2, "entry", "entries"), "2 entries");
}

#[test]
fn a_message_ends_with_one_full_stop() {
    assert_eq!(
        sentence("GitHub refused the request: Bad value"),
        "GitHub refused the request: Bad value."
    );
    assert_eq!(
        sentence("Not sent: nothing was sent."),
        "Not sent: nothing was sent."
    );
    assert_eq!(sentence("Is it there? "), "Is it there?");
    assert_eq!(sentence("It said “stop.”"), "It said “stop.”");
    assert_eq!(sentence("see (the docs)"), "see (the docs).");
}
