//! The typed confirmation of a destructive action: the owner types what the dialog shows (a
//! userName, or a count). A text field cannot hold a line break (a paste turns each into a
//! space) and spaces around a name cannot be seen, so on both sides a run of whitespace counts
//! as one space and the ends do not count; every other character must match, invisible ones
//! (zero-width, bidi controls) included, which a paste of the name carries.

/// Whether `typed` confirms `expected`. Nothing typed never confirms.
pub fn confirms(typed: &str, expected: &str) -> bool {
    typed.split_whitespace().next().is_some()
        && typed.split_whitespace().eq(expected.split_whitespace())
}
