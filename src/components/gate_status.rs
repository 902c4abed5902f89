//! The SAML session gate, always visible: state, the authorization link when SSO is required,
//! "Check again", the rate-limit wait, and Disconnect.
use leptos::prelude::*;

use crate::session::gate::Gate;
use crate::session::{use_session, Session};

#[component]
pub fn GateStatus() -> impl IntoView {
    let Some(session) = use_session() else {
        return ().into_any();
    };
    let sessions = use_context::<RwSignal<Option<Session>>>();
    let gate = session.gate;
    let org = session.org().to_owned();
    let check = {
        let session = session.clone();
        move |_| session.check()
    };
    let disconnect = {
        let session = session.clone();
        move |_| {
            session.end();
            if let Some(s) = sessions {
                s.set(None);
            }
        }
    };
    let wait = session.rate_wait_until;
    let state_class = move || match gate.get() {
        Gate::Authorized => "gate open",
        Gate::Checking => "gate checking",
        Gate::ReadOnly(_) => "gate partial",
        _ => "gate closed",
    };
    view! {
        <section class=state_class aria-label="SAML session" aria-live="polite">
            <span class="gate-org">{org.clone()}</span>
            <strong class="gate-label">{move || gate.get().label()}</strong>
            {move || match gate.get() {
                Gate::SsoRequired { url } => {
                    // The link is the validated github.com URL for this org, or the org's SSO page.
                    let href = url.unwrap_or_else(|| format!("https://github.com/orgs/{org}/sso"));
                    view! {
                        <a class="button" href=href target="_blank" rel="noopener noreferrer">
                            "Authorize on github.com"
                        </a>
                    }.into_any()
                }
                _ => ().into_any(),
            }}
            <Show when=move || wait.get().is_some()>
                <span class="gate-wait">"Rate limited: waiting"</span>
            </Show>
            <button type="button" class="secondary" on:click=check>"Check again"</button>
            <button type="button" class="secondary" on:click=disconnect>"Disconnect"</button>
        </section>
    }
    .into_any()
}
