//! The SAML session gate, always visible: its state, the authorization link when SSO is
//! required, "Check again" (the only thing that reopens it), the rate-limit wait, Disconnect.
use console_core::gate::Gate;
use console_core::site::sign_in_link;
use leptos::prelude::*;

use crate::components::disconnect_dialog::DisconnectDialog;
use crate::session::use_session;

#[component]
pub fn GateStatus(on_disconnect: Callback<()>) -> impl IntoView {
    let session = use_session();
    let gate = session.gate;
    let org = session.org();
    let asking = RwSignal::new(false);
    let disconnect = move |_| {
        // A bulk run stops before its next write, whatever the owner answers below.
        session.bulk.stop("disconnected");
        if session.journal.entries.with_untracked(Vec::is_empty) {
            on_disconnect.run(());
        } else {
            asking.set(true);
        }
    };
    let state_class = move || match gate.get() {
        Gate::Open => "gate open",
        Gate::Unchecked => "gate checking",
        Gate::ReadOnly { .. } => "gate partial",
        _ => "gate closed",
    };
    let label = move || {
        if session.checking.get() {
            "Checking the token…"
        } else {
            gate.get().label()
        }
    };
    view! {
        <section class=state_class aria-label="SAML session" aria-live="polite">
            <span class="gate-org">{org.clone()}</span>
            <strong class="gate-label">{label}</strong>
            {move || match gate.get() {
                Gate::SsoRequired { url } => {
                    let href = url.unwrap_or_else(|| format!("https://github.com/orgs/{org}/sso"));
                    view! {
                        <a class="button" href=href target="_blank" rel="noopener noreferrer">
                            "Authorize on github.com"
                        </a>
                    }
                        .into_any()
                }
                Gate::SignedOutOfSite => {
                    // A new tab, so this page keeps its state; then "Check again".
                    view! {
                        <span class="gate-why">{Gate::SignedOutOfSite.reason()}</span>
                        <a class="button" href=sign_in_link(&here()) target="_blank">
                            "Sign in to this site again"
                        </a>
                    }
                        .into_any()
                }
                _ => ().into_any(),
            }}
            <Show when=move || session.rate_wait_until.get().is_some()>
                <span class="gate-wait">"Rate limited: waiting"</span>
            </Show>
            <button
                type="button"
                class="secondary"
                prop:disabled=move || session.checking.get()
                on:click=move |_| session.check()
            >
                "Check again"
            </button>
            <button type="button" class="secondary" on:click=disconnect>
                "Disconnect"
            </button>
        </section>
        <Show when=move || asking.get()>
            <DisconnectDialog on_disconnect on_stay=Callback::new(move |()| asking.set(false)) />
        </Show>
    }
}

/// The page's path and query, to come back to after signing in.
fn here() -> String {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    format!("{path}{}", location.search().unwrap_or_default())
}
