//! The session's drift review: the review last built (rows leave it as actions resolve them),
//! what it was built from (to add credential authorizations later without reading the rest
//! again), the keys of the review before it in this tab (sessionStorage) for "what changed",
//! and the loads' progress. The Review page reads it through a resource (`ensure`), so a load
//! runs while the page is open, a finished one is shown again at once, and "Review again"
//! starts the next.
use console_core::drift::{CategoryId, Inputs, Review, ReviewKeys};
use leptos::prelude::*;

use crate::api::org::{IdentitySource, NoProvider};
use crate::api::paged::ListProgress;
use crate::api::{ApiError, Cancel};

const KEYS: &str = "scim-admin.review-keys";

/// What a finished load found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A review was built (`issuer`: the identity provider's, when GitHub said).
    Review { issuer: Option<String> },
    /// No identity provider could be read: nothing to compare with.
    NoProvider(NoProvider),
}

/// Where a load is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub identities: u64,
    pub identities_total: Option<u64>,
    pub members: ListProgress,
    /// Admins, invitations and outside collaborators.
    pub others: u64,
    /// Waiting for the session's SCIM identities to finish loading.
    pub waiting_for_scim: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CredentialsState {
    NotLoaded,
    Loading(ListProgress),
    Loaded,
    Failed(ApiError),
}

#[derive(Clone, Copy)]
pub struct ReviewStore {
    /// Bumped by "Review again".
    pub run: RwSignal<u64>,
    pub source: RwSignal<IdentitySource>,
    pub review: RwSignal<Option<Review>>,
    /// The keys of the review before this one in the tab, if any.
    pub previous: RwSignal<Option<ReviewKeys>>,
    pub progress: RwSignal<Progress>,
    pub credentials: RwSignal<CredentialsState>,
    /// The category the owner last opened: still open when they come back to the page.
    pub shown: RwSignal<CategoryId>,
    /// The (run, source) the review was built for, and what that load found.
    pub(super) loaded: StoredValue<Option<(u64, IdentitySource, Found)>>,
    pub(super) inputs: StoredValue<Option<Inputs>>,
    /// Rows the console's actions resolved since the review was built (kept out of a rebuild).
    resolved: StoredValue<Vec<(CategoryId, String)>>,
    pub(super) stop: StoredValue<Cancel>,
    pub(super) stop_credentials: StoredValue<Cancel>,
}

impl ReviewStore {
    pub fn new() -> Self {
        Self {
            run: RwSignal::new(0),
            source: RwSignal::new(IdentitySource::Organization),
            review: RwSignal::new(None),
            previous: RwSignal::new(None),
            progress: RwSignal::new(Progress::default()),
            shown: RwSignal::new(CategoryId::MembersWithoutScim),
            credentials: RwSignal::new(CredentialsState::NotLoaded),
            loaded: StoredValue::new(None),
            inputs: StoredValue::new(None),
            resolved: StoredValue::new(Vec::new()),
            stop: StoredValue::new(Cancel::new()),
            stop_credentials: StoredValue::new(Cancel::new()),
        }
    }

    /// Stops the loads going on (leaving the page, Disconnect).
    pub fn stop(self) {
        self.stop.try_with_value(Cancel::cancel);
        self.stop_credentials.try_with_value(Cancel::cancel);
    }

    /// "Review again": a fresh load of everything.
    pub fn again(self) {
        self.run.update(|r| *r += 1);
    }

    /// After an action resolved a row: it leaves its category, and any other category where
    /// the same key stands for the same finding (a member without a SCIM identity is often
    /// also without any external identity). The next review gives the consistent picture.
    pub fn resolve(self, category: CategoryId, key: &str) {
        self.resolved
            .try_update_value(|r| r.push((category, key.to_owned())));
        self.review.try_update(|review| {
            if let Some(review) = review {
                resolve_in(review, category, key);
            }
        });
    }

    /// Installs a freshly built review: the previous keys are read before this one's are
    /// stored for the next comparison.
    pub(super) fn install(self, inputs: Inputs, review: Review, fresh: bool) {
        if fresh {
            self.previous.set(read_keys());
            self.resolved.set_value(Vec::new());
        }
        let mut review = review;
        self.resolved.with_value(|resolved| {
            for (category, key) in resolved {
                resolve_in(&mut review, *category, key);
            }
        });
        write_keys(&review.keys());
        self.inputs.set_value(Some(inputs));
        self.review.set(Some(review));
    }
}

impl Default for ReviewStore {
    fn default() -> Self {
        Self::new()
    }
}

fn resolve_in(review: &mut Review, category: CategoryId, key: &str) {
    review.resolve(category, key);
    if matches!(
        category,
        CategoryId::MembersWithoutScim | CategoryId::MembersWithoutIdentity
    ) {
        review.resolve(CategoryId::MembersWithoutScim, key);
        review.resolve(CategoryId::MembersWithoutIdentity, key);
    }
}

/// Disconnect: the tab keeps no list of the organization's people.
pub fn forget() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(KEYS);
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

fn read_keys() -> Option<ReviewKeys> {
    let text = storage()?.get_item(KEYS).ok()??;
    serde_json::from_str(&text).ok()
}

/// Kept for the next review in this tab; a store that is full (about 1 MB at 100,000 rows)
/// only means the next review says nothing about changes.
fn write_keys(keys: &ReviewKeys) {
    if let (Some(storage), Ok(text)) = (storage(), serde_json::to_string(keys)) {
        if storage.set_item(KEYS, &text).is_err() {
            let _ = storage.remove_item(KEYS);
        }
    }
}
