//! The connected session: the client, the SAML gate, the loaded identities, the activity log
//! and the toasts. Provided as context once the owner connects; gone (token and all) on
//! disconnect.
pub mod gate;
pub mod members;
pub mod toasts;
mod writer;

use std::sync::Arc;

use console_core::activity::Activity;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{token_store, ApiClient, ApiEvent, Cancel};
use gate::Gate;
use members::Members;
use toasts::Toasts;
pub use writer::Writer;

/// The reactive owner sessions are created under (the app's), so their signals are not
/// disposed with the connect page that created them.
#[derive(Clone)]
pub struct SessionOwner(pub Owner);

#[derive(Clone)]
pub struct Session {
    pub client: ApiClient,
    pub gate: RwSignal<Gate>,
    pub members: Members,
    pub activity: RwSignal<Vec<Activity>>,
    pub toasts: Toasts,
    /// When a rate-limit wait ends (epoch ms), while one is going on.
    pub rate_wait_until: RwSignal<Option<f64>>,
}

impl Session {
    /// Wires the client's events to the gate: any answer that says the token is the problem
    /// closes it at once, whichever page made the call.
    pub fn new(client: ApiClient, toasts: Toasts) -> Self {
        let gate = RwSignal::new(Gate::Checking);
        let rate_wait_until = RwSignal::new(None);
        let client = client.with_observer(Arc::new(move |event| match event {
            ApiEvent::GateClosed(error) => {
                if let Some(closed) = Gate::from_error(&error) {
                    gate.try_set(closed);
                }
            }
            ApiEvent::RateLimitWait { until_ms } => {
                rate_wait_until.try_set(Some(until_ms));
            }
            ApiEvent::Authorized => {
                if rate_wait_until.try_get_untracked().flatten().is_some() {
                    rate_wait_until.try_set(None);
                }
            }
        }));
        Self {
            client,
            gate,
            members: Members::new(),
            activity: RwSignal::new(Vec::new()),
            toasts,
            rate_wait_until,
        }
    }

    pub fn org(&self) -> &str {
        self.client.org()
    }

    /// The only way to a configuration action: present only while the gate is open.
    pub fn writer(&self) -> Option<Writer> {
        self.gate
            .get()
            .allows_writes()
            .then(|| Writer::new(self.clone()))
    }

    /// Probes the token; opens or closes the gate; loads the identities when reading works
    /// and nothing is loaded yet.
    pub fn check(&self) {
        let session = self.clone();
        self.gate.set(Gate::Checking);
        spawn_local(async move {
            let gate = gate::probe(&session.client, &Cancel::new()).await;
            let readable = gate.allows_reads();
            session.gate.try_set(gate);
            let idle = matches!(
                session.members.state.try_get_untracked(),
                Some(members::LoadState::Idle | members::LoadState::Failed(_))
            );
            if readable && idle {
                session.members.load(session.client.clone());
            }
        });
    }

    /// Starts the session with the gate state the connect probe found.
    pub fn open(&self, gate: Gate) {
        let readable = gate.allows_reads();
        self.gate.set(gate);
        if readable {
            self.members.load(self.client.clone());
        }
    }

    /// Stops loading, frees the loaded identities and forgets the token kept for the tab.
    pub fn end(&self) {
        self.members.stop();
        self.members.table.update(console_core::table::Table::clear);
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

pub fn use_session() -> Option<Session> {
    use_context::<RwSignal<Option<Session>>>().and_then(|s| s.get())
}
