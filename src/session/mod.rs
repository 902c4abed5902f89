//! The connected session: the client, the one SAML gate and its `can_write` memo, the loaded
//! identities, the drift review, the activity journal, the bulk run and the toasts. Built by `connect` under a
//! reactive owner of its own, provided to every page by context (`use_session`), and disposed
//! with everything in it (the token included) on Disconnect.
pub mod bulk;
pub mod connect;
mod drift_writes;
pub mod journal;
pub mod members;
pub mod review;
mod review_load;
pub mod saved;
pub mod toasts;
mod writes;

use std::sync::Arc;

use console_core::answer::Answer;
use console_core::gate::Gate;
use console_core::page::Page;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{decode_page, token_store, ApiClient, Cancel, GateSignals};
use bulk::Bulk;
use journal::Journal;
use members::Members;
use review::ReviewStore;
use saved::{SavedCopy, SavedRows};
use toasts::Toasts;

#[derive(Clone, Copy)]
pub struct Session {
    client: StoredValue<ApiClient>,
    org: StoredValue<String>,
    /// The one gate; every answer of every call goes through it (`api::SessionLink`).
    pub gate: RwSignal<Gate>,
    /// Whether configuration actions may be sent: what every view reads.
    pub can_write: Memo<bool>,
    /// A "Check again" probe is in flight.
    pub checking: RwSignal<bool>,
    /// When a rate-limit wait ends (epoch ms), while one is going on.
    pub rate_wait_until: RwSignal<Option<f64>>,
    pub members: Members,
    pub review: ReviewStore,
    pub journal: Journal,
    pub bulk: Bulk,
    pub toasts: Toasts,
}

impl Session {
    /// A session for `client`, whose probe found `gate` (and read `first`, the first page of
    /// identities); starts loading when the token reads, from the saved `copy` when the owner
    /// keeps one. Call it under the owner that is disposed on Disconnect.
    pub fn new(
        client: ApiClient,
        gate: Gate,
        toasts: Toasts,
        saved: SavedCopy,
        first: Option<Page>,
        copy: Option<SavedRows>,
    ) -> Self {
        let signals = GateSignals {
            gate: RwSignal::new(gate),
            rate_wait_until: RwSignal::new(None),
        };
        let gate = signals.gate;
        let session = Self {
            org: StoredValue::new(client.org().to_owned()),
            client: StoredValue::new(client.with_link(Arc::new(signals))),
            gate,
            can_write: Memo::new(move |_| gate.with(Gate::can_write)),
            checking: RwSignal::new(false),
            rate_wait_until: signals.rate_wait_until,
            members: Members::new(saved, toasts),
            review: ReviewStore::new(),
            journal: Journal::load(),
            bulk: Bulk::new(),
            toasts,
        };
        if session.gate.with_untracked(Gate::can_read) {
            if let Some(copy) = copy {
                session.members.show_copy(copy);
            }
            session.members.load(session.client(), first);
        }
        session
    }

    /// The client, bound to this session's gate. After Disconnect its gate reads as gone, so
    /// a clone still held by a finishing task sends no write.
    pub fn client(&self) -> ApiClient {
        self.client.get_value()
    }

    pub fn org(&self) -> String {
        self.org.get_value()
    }

    /// "Check again": probes the token; the answer alone decides the gate. Loads the
    /// identities when reading works and nothing is loaded.
    pub fn check(self) {
        if self.checking.get_untracked() {
            return;
        }
        self.checking.set(true);
        let client = self.client();
        spawn_local(async move {
            let result = client.probe(&Cancel::new()).await;
            let first = result.as_ref().ok().and_then(|r| decode_page(r).ok());
            self.checking.try_set(false);
            // An answer about the token shows in the gate; one that says nothing is said here.
            if let Err(e) = &result {
                let said_nothing = e
                    .answer
                    .as_ref()
                    .is_none_or(|a| a.is_ambiguous() || matches!(a, Answer::RateLimited { .. }));
                if said_nothing {
                    self.toasts.error(format!("The check did not finish: {e}"));
                }
            }
            let readable = self.gate.try_with_untracked(Gate::can_read) == Some(true);
            if readable && self.members.idle() {
                self.members.load(client, first);
            }
        });
    }

    /// A write is in flight or a bulk run is going on: leaving the page now loses track of it.
    pub fn busy(&self) -> bool {
        self.bulk.running.get() || self.journal.in_flight()
    }

    /// Disconnect: stops the bulk run first, stops loading, removes the saved copy, clears the
    /// activity log and forgets the token kept for the tab. The caller then disposes the session's owner.
    pub fn end(self) {
        self.bulk.stop("disconnected");
        self.members.stop();
        self.review.stop();
        review::forget();
        self.members.forget_copy();
        self.journal.clear();
        token_store::forget();
    }
}

/// A cancel for the reads of the current view: aborted when the view goes away, so no request
/// keeps running for a page nobody sees. Writes never take one: a write is not abandoned
/// mid-flight; it finishes and its outcome goes to the activity log.
pub fn view_cancel() -> Cancel {
    let cancel = Cancel::new();
    let on_leave = cancel.clone();
    on_cleanup(move || on_leave.cancel());
    cancel
}

/// The connected session; every page is rendered inside `Console`, which provides it.
pub fn use_session() -> Session {
    expect_context::<Session>()
}
