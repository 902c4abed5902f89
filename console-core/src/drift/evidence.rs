//! What a node offers the two-node pairing as evidence of who it is: its email addresses (a
//! NameID, SCIM userName or invitation email that is an address counts), else its given +
//! family name (a SAML identity without names falls back to the GitHub profile's name).
use std::borrow::Cow;

use super::input::ExternalIdentity;
use super::keys;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Side {
    Saml,
    Scim,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Email,
    Name,
}

/// The keys (`keys::email` or `keys::full_name`) a node is matched by.
pub(super) fn keys_of(node: &ExternalIdentity, side: Side, kind: Kind) -> Vec<Cow<'_, str>> {
    match kind {
        Kind::Email => addresses(node, side),
        Kind::Name => name(node, side).map(Cow::Owned).into_iter().collect(),
    }
}

fn addresses(node: &ExternalIdentity, side: Side) -> Vec<Cow<'_, str>> {
    let (emails, named): (&[String], [Option<&str>; 2]) = match side {
        Side::Saml => match &node.saml {
            Some(saml) => (
                &saml.emails,
                [saml.name_id.as_deref(), saml.username.as_deref()],
            ),
            None => return Vec::new(),
        },
        Side::Scim => match &node.scim {
            Some(scim) => {
                let invited = node.invitation.as_ref().and_then(|i| i.email.as_deref());
                (&scim.emails, [scim.username.as_deref(), invited])
            }
            None => return Vec::new(),
        },
    };
    let all = emails
        .iter()
        .map(String::as_str)
        .chain(named.into_iter().flatten());
    let mut keys: Vec<Cow<str>> = all.filter_map(keys::email).collect();
    keys.sort();
    keys.dedup();
    keys
}

fn name(node: &ExternalIdentity, side: Side) -> Option<String> {
    match side {
        Side::Saml => {
            let saml = node.saml.as_ref()?;
            let profile = || keys::display_name(node.user.as_ref()?.name.as_deref()?);
            keys::full_name(saml.given_name.as_deref(), saml.family_name.as_deref())
                .or_else(profile)
        }
        Side::Scim => {
            let scim = node.scim.as_ref()?;
            keys::full_name(scim.given_name.as_deref(), scim.family_name.as_deref())
        }
    }
}
