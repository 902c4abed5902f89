//! Shared state: the organization, the tokens it knows, the identities, and where they persist.
use std::collections::HashMap;
use std::path::PathBuf;
use std::str::FromStr;
use std::sync::{RwLock, RwLockReadGuard};

use crate::api_error::ApiError;
use crate::faults::Faults;
use crate::persist;
use crate::rate_limit::RateLimits;
use crate::store::Store;

/// What a bearer token may do, standing in for GitHub's SAML credential authorization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TokenState {
    /// Authorized for the organization's SAML SSO: may read and write.
    Authorized,
    /// Valid, but not authorized for SAML SSO: every request answers 403 with `X-GitHub-SSO`.
    SsoRequired,
    /// Authorized, but lacks write permission: reads work, writes answer 403.
    ReadOnly,
    /// Issue 12: a member who is not an owner (or a classic token without `read:org`): reads
    /// the member list, gets 403 on SCIM and owner-only endpoints and a null
    /// `samlIdentityProvider` in GraphQL.
    Member,
}

impl FromStr for TokenState {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "authorized" => Ok(Self::Authorized),
            "sso-required" => Ok(Self::SsoRequired),
            "read-only" => Ok(Self::ReadOnly),
            "member" => Ok(Self::Member),
            other => Err(format!(
                "unknown token state `{other}`: use authorized, sso-required, read-only or member"
            )),
        }
    }
}

pub struct Emulator {
    /// The organization login as given on the command line; requests match it case-insensitively.
    pub org: String,
    pub tokens: RwLock<HashMap<String, TokenState>>,
    /// The tokens as started, which `reset` restores.
    initial_tokens: HashMap<String, TokenState>,
    store: RwLock<Store>,
    /// `--data FILE`: written after every change.
    data_file: Option<PathBuf>,
    /// How many identities `--seed-users` created; `reset` restores them.
    seed_users: usize,
    pub rate: RateLimits,
    pub faults: Faults,
    /// Issue 12: GraphQL's own points budget (`x-ratelimit-resource: graphql`).
    pub graphql_rate: crate::graphql::budget::Budget,
    /// Issue 12: `--enterprise-saml SLUG`: SAML is configured at this enterprise, not the org.
    pub enterprise_saml: Option<String>,
}

/// GitHub's primary limit for a user token.
pub const DEFAULT_RATE_LIMIT: u64 = 5_000;

impl Emulator {
    pub fn new(org: &str, tokens: impl IntoIterator<Item = (String, TokenState)>) -> Self {
        let tokens: HashMap<String, TokenState> = tokens.into_iter().collect();
        Self {
            org: org.to_owned(),
            tokens: RwLock::new(tokens.clone()),
            store: RwLock::new(crate::org::seeded_store(0, org, &tokens)),
            initial_tokens: tokens,
            data_file: None,
            seed_users: 0,
            rate: RateLimits::new(DEFAULT_RATE_LIMIT),
            faults: Faults::default(),
            graphql_rate: crate::graphql::budget::Budget::new(DEFAULT_RATE_LIMIT),
            enterprise_saml: None,
        }
    }

    /// Starts with `n` seeded identities (and `reset` returns to them).
    pub fn with_seed(mut self, n: usize) -> Self {
        self.seed_users = n;
        self.store = RwLock::new(self.seeded_store());
        self
    }

    /// Loads the identities from `path` if it exists (else keeps the seed and writes it), and
    /// persists every later change there.
    pub fn with_data_file(mut self, path: PathBuf) -> std::io::Result<Self> {
        match persist::load(&path)? {
            Some(mut saved) => {
                // Issue 12 hook: a file from before the org world gets the world it implies.
                if saved.org.is_empty() {
                    crate::org::derive_world(&mut saved, &self.org, &self.initial_tokens);
                }
                self.store = RwLock::new(saved)
            }
            None => persist::save(&path, &self.read_store())?,
        }
        self.data_file = Some(path);
        Ok(self)
    }

    pub fn with_rate_limit(mut self, per_hour: u64) -> Self {
        self.rate = RateLimits::new(per_hour);
        self.graphql_rate = crate::graphql::budget::Budget::new(per_hour);
        self
    }

    /// Issue 12: SAML (and so the external identities) configured at the enterprise `slug`.
    pub fn with_enterprise_saml(mut self, slug: Option<String>) -> Self {
        self.enterprise_saml = slug;
        self
    }

    /// The seeded SCIM identities and the org world around them.
    fn seeded_store(&self) -> Store {
        crate::org::seeded_store(self.seed_users, &self.org, &self.initial_tokens)
    }

    /// Back to the seeded identities and the tokens as started, no faults, an empty log and
    /// fresh rate-limit budgets.
    pub fn reset(&self) -> Result<(), ApiError> {
        *self.tokens.write().unwrap_or_else(|e| e.into_inner()) = self.initial_tokens.clone();
        self.faults.clear();
        self.rate.clear();
        self.graphql_rate.clear();
        let fresh = self.seeded_store();
        let mut store = self.store.write().unwrap_or_else(|e| e.into_inner());
        if let Some(path) = &self.data_file {
            persist::save(path, &fresh).map_err(|e| not_saved(path, e))?;
        }
        *store = fresh;
        Ok(())
    }

    /// 404 unless `org` names this organization (case-insensitively, as GitHub matches it).
    pub fn check_org(&self, org: &str) -> Result<(), ApiError> {
        if self.org.eq_ignore_ascii_case(org) {
            Ok(())
        } else {
            Err(ApiError::not_found())
        }
    }

    pub fn token_state(&self, token: &str) -> Option<TokenState> {
        // A poisoned lock only means a handler panicked mid-read; the map itself is intact.
        let tokens = self.tokens.read().unwrap_or_else(|e| e.into_inner());
        tokens.get(token).copied()
    }

    pub fn set_token(&self, token: &str, state: TokenState) {
        let mut tokens = self.tokens.write().unwrap_or_else(|e| e.into_inner());
        tokens.insert(token.to_owned(), state);
    }

    pub fn read_store(&self) -> RwLockReadGuard<'_, Store> {
        self.store.read().unwrap_or_else(|e| e.into_inner())
    }

    /// Runs one change under the write lock and, when it succeeded, persists the result before
    /// the lock is released, so the file never lags behind an answer already sent. A change that
    /// fails, or cannot be saved, is undone: memory and file stay as they were, and the request
    /// fails (500 when the save failed).
    pub fn mutate<T>(
        &self,
        change: impl FnOnce(&mut Store) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let mut store = self.store.write().unwrap_or_else(|e| e.into_inner());
        store.begin_undo();
        let result = change(&mut store);
        let undo = store.take_undo();
        let saved = match (&result, &self.data_file) {
            (Ok(_), Some(path)) => persist::save(path, &store).map_err(|e| not_saved(path, e)),
            _ => Ok(()),
        };
        if result.is_err() || saved.is_err() {
            store.undo(undo);
        }
        if let (Err(_), Some(path)) = (&saved, &self.data_file) {
            // Where the rename happened but a later step failed, the file must not keep the
            // change memory no longer has; where nothing was written, this changes nothing.
            let _ = persist::save(path, &store);
        }
        saved?;
        result
    }
}

fn not_saved(path: &std::path::Path, e: std::io::Error) -> ApiError {
    let detail = format!(
        "the change could not be saved to {}, so it was not made: {e}",
        path.display()
    );
    ApiError::from(scim::ScimError::new(500, None, detail))
}
