//! List queries, both ways: the console builds `startIndex`/`count`/`filter` into a URL, the
//! emulator reads the same parameters back with RFC 7644's rules for odd values.
use std::fmt::Write;

use serde::Deserialize;

use crate::error::ScimError;

mod filter;

pub use filter::{EqFilter, FilterAttribute};

/// GitHub's page size when `count` is absent.
const DEFAULT_COUNT: u64 = 30;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListQuery {
    /// 1-based.
    pub start_index: u64,
    pub count: u64,
    pub filter: Option<EqFilter>,
}

impl ListQuery {
    pub fn page(start_index: u64, count: u64) -> Self {
        Self {
            start_index,
            count,
            filter: None,
        }
    }

    pub fn lookup(filter: EqFilter) -> Self {
        Self {
            start_index: 1,
            count: 100,
            filter: Some(filter),
        }
    }

    /// `startIndex=…&count=…[&filter=…]`, percent-encoded.
    pub fn to_query_string(&self) -> String {
        let mut query = format!(
            "startIndex={}&count={}",
            self.start_index.max(1),
            self.count
        );
        if let Some(filter) = &self.filter {
            query.push_str("&filter=");
            query.push_str(&percent_encode(&filter.expression()));
        }
        query
    }
}

/// The list parameters as a server receives them, before the rules are applied.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListParams {
    pub start_index: Option<i64>,
    pub count: Option<i64>,
    pub filter: Option<String>,
}

impl ListParams {
    /// RFC 7644 §3.4.2.4: a `startIndex` below 1 is 1, a negative `count` is 0; an absent
    /// `count` is GitHub's 30 and a larger one is cut to `max_count`. A filter other than the
    /// one GitHub supports is a 400 `invalidFilter`.
    pub fn into_query(self, max_count: u64) -> Result<ListQuery, ScimError> {
        let count = match self.count {
            None => DEFAULT_COUNT,
            Some(count) => u64::try_from(count).unwrap_or(0),
        };
        Ok(ListQuery {
            start_index: self.start_index.map_or(1, |s| s.max(1) as u64),
            count: count.min(max_count),
            filter: self.filter.as_deref().map(EqFilter::parse).transpose()?,
        })
    }
}

/// Percent-encodes everything but RFC 3986 unreserved characters.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(byte as char)
            }
            _ => {
                let _ = write!(out, "%{byte:02X}");
            }
        }
    }
    out
}

/// Decodes `%XX` escapes (`None` for a malformed one); `+` stays a `+`.
pub fn percent_decode(s: &str) -> Option<Vec<u8>> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b'%' {
            let hex = s.get(at + 1..at + 3)?;
            out.push(
                u8::from_str_radix(hex, 16)
                    .ok()
                    .filter(|_| hex.bytes().all(|b| b.is_ascii_hexdigit()))?,
            );
            at += 3;
        } else {
            out.push(bytes[at]);
            at += 1;
        }
    }
    Some(out)
}
