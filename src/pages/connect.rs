//! Connect: organization, API base (from config.json, which a site can lock) and token (a
//! password field, memory only, with an explicit "keep for this tab" opt-in). The token is
//! checked before the console opens, so a bad token, an unknown org or an unreachable API is
//! said here, plainly.
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{token_store, ApiClient, Cancel};
use crate::config::{Mode, RuntimeConfig};
use crate::session::gate::{probe, Gate};
use crate::session::toasts::Toasts;
use crate::session::{Session, SessionOwner};

/// GitHub organization logins: letters, digits and hyphens, at most 39 characters.
pub fn org_problem(org: &str) -> Option<&'static str> {
    if org.is_empty() {
        Some("Enter the organization's login, as in github.com/<login>.")
    } else if org.len() > 39 || !org.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        Some("An organization login has only letters, digits and hyphens (at most 39).")
    } else {
        None
    }
}

#[component]
pub fn ConnectPage(config: RuntimeConfig) -> impl IntoView {
    let sessions = use_context::<RwSignal<Option<Session>>>();
    let toasts = use_context::<Toasts>().unwrap_or_default();
    let session_owner = use_context::<SessionOwner>();
    let kept = token_store::recall();
    let org = RwSignal::new(config.org.clone());
    let api_base = RwSignal::new(config.api_base.clone());
    let keep = RwSignal::new(kept.is_some());
    let token = RwSignal::new(kept.unwrap_or_default());
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let direct = config.mode == Mode::Direct;
    let locked = config.lock_api_base;

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let org_value = org.get_untracked().trim().to_owned();
        let token_value = token.get_untracked().trim().to_owned();
        let base = api_base
            .get_untracked()
            .trim()
            .trim_end_matches('/')
            .to_owned();
        let issue = org_problem(&org_value)
            .map(str::to_owned)
            .or_else(|| {
                (direct && token_value.is_empty())
                    .then(|| "Paste a token (classic: admin:org scope).".to_owned())
            })
            .or_else(|| {
                base.is_empty()
                    .then(|| "Enter the API base, e.g. https://api.github.com.".to_owned())
            });
        problem.set(issue.clone());
        if issue.is_some() {
            return;
        }
        let config = RuntimeConfig {
            api_base: base,
            ..config.clone()
        };
        let client = ApiClient::new(&config, &org_value, &token_value);
        let session = match &session_owner {
            Some(SessionOwner(owner)) => owner.with(|| Session::new(client, toasts)),
            None => Session::new(client, toasts),
        };
        busy.set(true);
        spawn_local(async move {
            let gate = probe(&session.client, &Cancel::new()).await;
            busy.try_set(false);
            match gate {
                Gate::BadCredentials(_) | Gate::Offline(_) | Gate::Failed(_) => {
                    problem.try_set(Some(gate.reason()));
                }
                gate => {
                    if keep.get_untracked() && direct {
                        token_store::remember(&token_value);
                    } else {
                        token_store::forget();
                    }
                    token.try_set(String::new());
                    session.open(gate);
                    if let Some(s) = sessions {
                        s.set(Some(session));
                    }
                }
            }
        });
    };

    // The owner asked to keep the token for this tab: a reload reconnects at once.
    let form = NodeRef::<leptos::html::Form>::new();
    if direct
        && !token.get_untracked().is_empty()
        && org_problem(org.get_untracked().trim()).is_none()
    {
        request_animation_frame(move || {
            if let Some(form) = form.get_untracked() {
                let _ = form.request_submit();
            }
        });
    }

    view! {
        <form class="connect" node_ref=form on:submit=submit aria-labelledby="connect-title">
            <h1 id="connect-title">"Connect to an organization"</h1>
            <label>"Organization"
                <input name="org" autocomplete="organization" bind:value=org required />
            </label>
            <label>"API base"
                <input name="api-base" type="url" bind:value=api_base readonly=locked aria-describedby="api-base-hint" />
            </label>
            <p id="api-base-hint" class="hint">
                {if locked { "Set by this site." } else if direct { "https://api.github.com for GitHub." } else { "The site's proxy prefix." }}
            </p>
            <Show when=move || direct fallback=|| view! {
                <p class="hint">"This site's proxy holds the credential; no token is needed here."</p>
            }>
                <label>"Token"
                    <input name="token" type="password" autocomplete="off" bind:value=token aria-describedby="token-hint" />
                </label>
                <p id="token-hint" class="hint">
                    "Held in this tab's memory only. Classic token: admin:org scope; fine-grained: organization Members. "
                    "It must be authorized for the organization's SAML SSO."
                </p>
                <label class="inline">
                    <input type="checkbox" bind:checked=keep />
                    "Keep the token for this tab (sessionStorage, cleared when the tab closes)"
                </label>
            </Show>
            <Show when=move || problem.get().is_some()>
                <p class="error" role="alert">{move || problem.get()}</p>
            </Show>
            <button type="submit" prop:disabled=move || busy.get()>{move || if busy.get() { "Checking…" } else { "Connect" }}</button>
        </form>
    }
}
