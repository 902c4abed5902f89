//! Shared state: the organization, the tokens it knows, and the identities.
use std::collections::HashMap;
use std::str::FromStr;
use std::sync::RwLock;

use crate::store::Store;

/// What a bearer token may do, standing in for GitHub's SAML credential authorization.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenState {
    /// Authorized for the organization's SAML SSO: may read and write.
    Authorized,
    /// Valid, but not authorized for SAML SSO: every request answers 403 with `X-GitHub-SSO`.
    SsoRequired,
    /// Authorized, but lacks write permission: reads work, writes answer 403.
    ReadOnly,
}

impl FromStr for TokenState {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "authorized" => Ok(Self::Authorized),
            "sso-required" => Ok(Self::SsoRequired),
            "read-only" => Ok(Self::ReadOnly),
            other => Err(format!(
                "unknown token state `{other}`: use authorized, sso-required or read-only"
            )),
        }
    }
}

pub struct Emulator {
    /// The organization login as given on the command line; requests match it case-insensitively.
    pub org: String,
    pub tokens: RwLock<HashMap<String, TokenState>>,
    pub store: RwLock<Store>,
}

impl Emulator {
    pub fn new(org: &str, tokens: impl IntoIterator<Item = (String, TokenState)>) -> Self {
        Self {
            org: org.to_owned(),
            tokens: RwLock::new(tokens.into_iter().collect()),
            store: RwLock::new(Store::default()),
        }
    }

    pub fn is_our_org(&self, org: &str) -> bool {
        self.org.eq_ignore_ascii_case(org)
    }

    pub fn token_state(&self, token: &str) -> Option<TokenState> {
        // A poisoned lock only means a handler panicked mid-read; the map itself is intact.
        let tokens = self.tokens.read().unwrap_or_else(|e| e.into_inner());
        tokens.get(token).copied()
    }
}
