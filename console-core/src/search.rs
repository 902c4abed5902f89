//! The quick filter's one matching rule, shared by every table: each row's parts are folded
//! (lower-cased per character, `char::to_lowercase`, the same on both sides, so `ZOË` finds
//! `zoë`) into one contiguous buffer as rows arrive, and a typed filter matches the rows whose
//! text contains the folded needle. The search is `memchr::memmem` over that buffer (SIMD in
//! the wasm build, `.cargo/config.toml`): one pass over every row's bytes, not one call per row.
//! This is the one place to swap for another matcher.
use memchr::memmem::Finder;

/// Ends every part of a row's text, so a needle cannot match across two fields or two rows.
pub const SEPARATOR: char = '\u{1f}';
const END: u8 = SEPARATOR as u8;

/// Appends `text` lower-cased to `out` (ASCII, the common case, byte by byte).
pub fn fold_into(out: &mut String, text: &str) {
    if text.is_ascii() {
        out.extend(text.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.extend(text.chars().flat_map(char::to_lowercase));
    }
}

/// What a typed filter looks for: trimmed and lower-cased exactly as row texts are.
pub fn needle(filter: &str) -> String {
    let mut out = String::with_capacity(filter.len());
    fold_into(&mut out, filter.trim());
    out
}

/// Every row's folded text, one after the other, each part followed by [`SEPARATOR`].
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    text: String,
    /// Where each row's text starts, and one past the last (`starts.len() == rows + 1`).
    starts: Vec<u32>,
}

impl SearchIndex {
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn clear(&mut self) {
        *self = Self::default();
    }

    /// The folded text of row `at`, parts separated (and ended) by [`SEPARATOR`].
    pub fn row_text(&self, at: usize) -> &str {
        match (self.starts.get(at), self.starts.get(at + 1)) {
            (Some(&from), Some(&to)) => &self.text[from as usize..to as usize],
            _ => "",
        }
    }

    fn folded(parts: &[&str]) -> String {
        let mut out = String::with_capacity(parts.iter().map(|p| p.len() + 1).sum());
        for part in parts {
            fold_into(&mut out, part);
            out.push(SEPARATOR);
        }
        out
    }

    /// Adds a row at the end.
    pub fn push(&mut self, parts: &[&str]) {
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        for part in parts {
            fold_into(&mut self.text, part);
            self.text.push(SEPARATOR);
        }
        self.starts.push(self.text.len() as u32);
    }

    /// Replaces row `at`'s text (a changed identity).
    pub fn replace(&mut self, at: usize, parts: &[&str]) {
        let Some((from, to)) = self.span(at) else {
            return;
        };
        let new = Self::folded(parts);
        let grow = new.len() as i64 - (to - from) as i64;
        self.text.replace_range(from..to, &new);
        for start in &mut self.starts[at + 1..] {
            *start = (*start as i64 + grow) as u32;
        }
    }

    /// Removes row `at`; the rows after it move up one position.
    pub fn remove(&mut self, at: usize) {
        let Some((from, to)) = self.span(at) else {
            return;
        };
        self.text.replace_range(from..to, "");
        self.starts.remove(at + 1);
        for start in &mut self.starts[at + 1..] {
            *start -= (to - from) as u32;
        }
    }

    /// Keeps the rows whose flag is true (`keep[at]`, one per row), in order.
    pub fn retain(&mut self, keep: &[bool]) {
        let mut text = String::with_capacity(self.text.len());
        let mut starts = vec![0];
        for (at, _) in keep.iter().enumerate().filter(|(_, &k)| k) {
            text.push_str(self.row_text(at));
            starts.push(text.len() as u32);
        }
        *self = Self { text, starts };
    }

    fn span(&self, at: usize) -> Option<(usize, usize)> {
        Some((
            *self.starts.get(at)? as usize,
            *self.starts.get(at + 1)? as usize,
        ))
    }

    /// The positions (ascending) of every row whose text contains `needle` (made by
    /// [`needle`]): one search over the whole buffer, skipping to the next row after each hit.
    pub fn find(&self, needle: &str) -> Vec<u32> {
        let mut hits = Vec::new();
        if !needle.as_bytes().contains(&END) && !self.is_empty() {
            self.find_in(&Finder::new(needle), 0, self.len(), &mut hits);
        }
        hits
    }

    /// Those of `among` (ascending positions) whose text contains `needle`. Runs of adjacent
    /// positions are searched as one stretch of the buffer, as `find` searches all of it.
    pub fn narrow(&self, needle: &str, among: &[u32]) -> Vec<u32> {
        let mut hits = Vec::new();
        if needle.as_bytes().contains(&END) {
            return hits;
        }
        let finder = Finder::new(needle);
        let mut rest = among;
        while let Some(&first) = rest.first() {
            let run = 1 + rest
                .windows(2)
                .take_while(|pair| pair[1] == pair[0] + 1)
                .count();
            self.find_in(&finder, first as usize, first as usize + run, &mut hits);
            rest = &rest[run..];
        }
        hits
    }

    /// Adds to `hits` the rows `from..to` (existing positions) whose text the finder finds.
    fn find_in(&self, finder: &Finder, from: usize, to: usize, hits: &mut Vec<u32>) {
        let (text, starts) = (self.text.as_bytes(), &self.starts);
        let end = starts[to] as usize;
        let mut at = starts[from] as usize;
        let mut row = from;
        while let Some(found) = finder.find(&text[at..end]) {
            let found = (at + found) as u32;
            // The row holding `found`. `row` only moves forward, so these steps add up to at
            // most one per row over the whole search.
            while starts[row + 1] <= found {
                row += 1;
            }
            hits.push(row as u32);
            row += 1;
            at = starts[row] as usize;
        }
    }
}
