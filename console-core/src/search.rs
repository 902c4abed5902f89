//! The quick filter's one matching rule, shared by every table: rows keep a lower-cased search
//! text built once, and a typed filter matches when that text contains the lower-cased needle.
//! Lower-casing is per character (`char::to_lowercase`), the same on both sides, so `ZOË`
//! finds `zoë`. This is the one place to swap for a faster matcher.

/// Separates the parts of a search text, so a needle cannot match across two fields.
pub const SEPARATOR: char = '\u{1f}';

/// Appends `text` lower-cased to `out`.
pub fn fold_into(out: &mut String, text: &str) {
    out.extend(text.chars().flat_map(char::to_lowercase));
}

/// The search text of a row: its parts lower-cased, joined by [`SEPARATOR`].
pub fn search_text(parts: &[&str]) -> String {
    let room = parts.iter().map(|p| p.len() + 1).sum();
    let mut out = String::with_capacity(room);
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push(SEPARATOR);
        }
        fold_into(&mut out, part);
    }
    out
}

/// What a typed filter looks for: trimmed and lower-cased exactly as search texts are.
pub fn needle(filter: &str) -> String {
    let mut out = String::with_capacity(filter.len());
    fold_into(&mut out, filter.trim());
    out
}

/// Whether a row's search text matches a needle made by [`needle`].
pub fn matches(search_text: &str, needle: &str) -> bool {
    search_text.contains(needle)
}
