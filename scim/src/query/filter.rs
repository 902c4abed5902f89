//! The one SCIM filter GitHub supports, `<attribute> eq "<value>"` on four attributes, built by
//! the console and parsed by the emulator with one grammar. The value is a JSON string (RFC 7644
//! §3.4.2.2 takes `compValue` from JSON), so `serde_json` writes it and reads it back: quotes,
//! backslashes and control characters survive the trip, and no value can change the expression.
use std::fmt;

use crate::error::{ScimError, ScimType};

/// The attributes GitHub can filter on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterAttribute {
    Id,
    UserName,
    Emails,
    ExternalId,
}

impl FilterAttribute {
    pub const ALL: [Self; 4] = [Self::Id, Self::UserName, Self::Emails, Self::ExternalId];

    pub fn name(self) -> &'static str {
        match self {
            Self::Id => "id",
            Self::UserName => "userName",
            Self::Emails => "emails",
            Self::ExternalId => "externalId",
        }
    }

    /// Attribute names are case-insensitive (RFC 7643 §2.1); `emails.value` means `emails`.
    fn from_name(name: &str) -> Option<Self> {
        let name = name
            .strip_suffix(".value")
            .filter(|n| n.eq_ignore_ascii_case("emails"))
            .unwrap_or(name);
        Self::ALL
            .into_iter()
            .find(|a| a.name().eq_ignore_ascii_case(name))
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

    /// The SCIM expression, e.g. `userName eq "o\"brien"`.
    pub fn expression(&self) -> String {
        self.to_string()
    }

    /// Reads an expression; anything but `eq` on the four attributes is a 400 `invalidFilter`
    /// whose detail says what works.
    pub fn parse(raw: &str) -> Result<Self, ScimError> {
        let raw = raw.trim();
        let (attribute, rest) = raw.split_once(char::is_whitespace).unwrap_or((raw, ""));
        let Some((operator, value)) = rest.trim_start().split_once(char::is_whitespace) else {
            return Err(invalid(format!("Invalid filter `{raw}`")));
        };
        if !operator.eq_ignore_ascii_case("eq") {
            return Err(invalid(format!("Unsupported operator `{operator}`")));
        }
        let attribute = FilterAttribute::from_name(attribute)
            .ok_or_else(|| invalid(format!("Unsupported attribute `{attribute}`")))?;
        // Exactly one JSON string: `"a" and id eq "b"` leaves trailing characters and fails.
        let value = serde_json::from_str(value).map_err(|e| {
            invalid(format!(
                "The value in `{raw}` must be one double-quoted JSON string ({e})"
            ))
        })?;
        Ok(Self { attribute, value })
    }
}

/// A 400 `invalidFilter`: what is wrong, then what works.
fn invalid(problem: String) -> ScimError {
    let names = FilterAttribute::ALL.map(FilterAttribute::name);
    let (last, others) = names.split_last().unwrap_or((&"", &[]));
    let detail = format!(
        "{problem}. Only `eq` on {} or {last} is supported, e.g. userName eq \"mona\"",
        others.join(", ")
    );
    ScimError::bad_request(ScimType::InvalidFilter, detail)
}

impl fmt::Display for EqFilter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let quoted = serde_json::to_string(&self.value).map_err(|_| fmt::Error)?;
        write!(f, "{} eq {quoted}", self.attribute.name())
    }
}
