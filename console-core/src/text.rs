//! Words the console shows about numbers, in one place so every page counts the same way.

/// "1 entry", "2 entries", "0 entries".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// `text` as a sentence that ends: a full stop added unless it already ends with one (or with
/// `?`, `!`, or a closing quote or bracket after one). Messages join GitHub's words to the
/// console's, and GitHub's sometimes end and sometimes do not.
pub fn sentence(text: &str) -> String {
    let trimmed = text.trim_end();
    let last = trimmed
        .trim_end_matches(['"', '”', '’', ')', ']'])
        .chars()
        .last();
    match last {
        Some('.' | '?' | '!' | '…') => trimmed.to_owned(),
        _ => format!("{trimmed}."),
    }
}
