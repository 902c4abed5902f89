//! List queries: paging and the one filter GitHub supports (`eq` on four attributes), encoded
//! for a URL with the value quoted and escaped so no input can change the expression.
use std::fmt::Write;

/// The attributes GitHub can filter on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterAttribute {
    Id,
    UserName,
    Emails,
    ExternalId,
}

impl FilterAttribute {
    pub fn name(self) -> &'static str {
        match self {
            Self::Id => "id",
            Self::UserName => "userName",
            Self::Emails => "emails",
            Self::ExternalId => "externalId",
        }
    }
}

/// `<attribute> eq "<value>"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EqFilter {
    pub attribute: FilterAttribute,
    pub value: String,
}

impl EqFilter {
    pub fn new(attribute: FilterAttribute, value: impl Into<String>) -> Self {
        Self {
            attribute,
            value: value.into(),
        }
    }

    /// The SCIM expression, with `"` and `\` escaped inside the quoted value (RFC 7644 §3.4.2.2
    /// uses JSON string syntax).
    pub fn expression(&self) -> String {
        let mut quoted = String::with_capacity(self.value.len() + 2);
        quoted.push('"');
        for c in self.value.chars() {
            match c {
                '"' => quoted.push_str("\\\""),
                '\\' => quoted.push_str("\\\\"),
                c if c.is_control() => {
                    let _ = write!(quoted, "\\u{:04x}", c as u32);
                }
                c => quoted.push(c),
            }
        }
        quoted.push('"');
        format!("{} eq {quoted}", self.attribute.name())
    }
}

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
