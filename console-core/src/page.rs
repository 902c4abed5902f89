//! A page of identities as the member table reads it: straight from the response's bytes into
//! rows, borrowing the text where JSON has no escapes and skipping what the table does not
//! show (schemas, groups, name parts beside a display name, `meta.location`), rather than
//! building every `ScimUser` first. The rules are `ScimUser`'s (`shown_name`,
//! `primary_email`); `tests/page.rs` checks both decodes agree on every identity.
use std::borrow::Cow;

use serde::Deserialize;

use crate::table::Row;

/// One page of `GET …/Users`: GitHub's total and the rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub total_results: u64,
    pub rows: Vec<Row>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Wire<'a> {
    total_results: u64,
    #[serde(rename = "Resources", default, borrow)]
    resources: Vec<Identity<'a>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Identity<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(default, borrow)]
    user_name: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    display_name: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    name: Option<NameParts<'a>>,
    #[serde(default, borrow)]
    external_id: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    emails: Vec<Email<'a>>,
    active: bool,
    /// Only whether it is there: an identity without one is pending.
    #[serde(default)]
    profile_url: Option<serde::de::IgnoredAny>,
    #[serde(default, borrow)]
    meta: Meta<'a>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct NameParts<'a> {
    #[serde(default, borrow)]
    given_name: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    family_name: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    formatted: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
struct Email<'a> {
    #[serde(borrow)]
    value: Cow<'a, str>,
    #[serde(default)]
    primary: bool,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct Meta<'a> {
    #[serde(default, borrow)]
    created: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    last_modified: Option<Cow<'a, str>>,
}

fn owned(text: Option<Cow<'_, str>>) -> String {
    text.map(Cow::into_owned).unwrap_or_default()
}

impl Identity<'_> {
    /// `ScimUser::shown_name`: the display name, else `formatted`, else "given family".
    fn shown_name(&mut self) -> String {
        if let Some(d) = self.display_name.take().filter(|d| !d.is_empty()) {
            return d.into_owned();
        }
        let Some(name) = self.name.take() else {
            return String::new();
        };
        if let Some(f) = name.formatted.filter(|f| !f.is_empty()) {
            return f.into_owned();
        }
        [name.given_name, name.family_name]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn into_row(mut self) -> Row {
        let name = self.shown_name();
        // `ScimUser::primary_email`: the one marked primary, else the first.
        let at = self.emails.iter().position(|e| e.primary).unwrap_or(0);
        let email = match self.emails.into_iter().nth(at) {
            Some(e) => e.value.into_owned(),
            None => String::new(),
        };
        Row {
            id: self.id.into_owned(),
            user_name: owned(self.user_name),
            name,
            email,
            external_id: owned(self.external_id),
            active: self.active,
            pending: self.profile_url.is_none(),
            created: owned(self.meta.created),
            last_modified: owned(self.meta.last_modified),
        }
    }
}

impl Page {
    /// Decodes a list response's body.
    pub fn from_slice(body: &[u8]) -> Result<Self, serde_json::Error> {
        let wire: Wire = serde_json::from_slice(body)?;
        Ok(Self {
            total_results: wire.total_results,
            rows: wire.resources.into_iter().map(Identity::into_row).collect(),
        })
    }
}
