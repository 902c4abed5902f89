//! Connect: organization, API base (from config.json, which a site can lock) and token (masked,
//! memory only, with an explicit "keep for this tab" opt-in). Submitting dispatches the app's
//! connect action, which checks the token before the console opens, so a bad token, an unknown
//! organization or an unreachable API is said here, plainly.
//!
//! The token can never end up in a URL or a password manager: its input has no `name` (a form
//! submitted without this page's handler, e.g. by `form.submit()`, carries no token), the form
//! posts rather than gets, and it is a text input masked by CSS, which browsers do not offer to
//! save as a password.
//!
//! The API base is a text input, not `type=url`: a proxy prefix is a path (`/github`), which the
//! browser's URL check would refuse before the form could be sent. `connect` checks it
//! (`console_core::connect_form`), and the token, before any request.
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::api::token_store;
use crate::config::{Mode, RuntimeConfig};
use crate::session::connect::{org_problem, ConnectForm, Connected};

#[component]
pub fn ConnectPage(
    config: RuntimeConfig,
    connecting: Action<ConnectForm, Result<Connected, String>>,
) -> impl IntoView {
    let kept = token_store::recall();
    let org = RwSignal::new(config.org.clone());
    let api_base = RwSignal::new(config.api_base.clone());
    let keep = RwSignal::new(kept.is_some());
    let token = RwSignal::new(kept.unwrap_or_default());
    let direct = config.mode == Mode::Direct;
    let locked = config.lock_api_base;
    let busy = connecting.pending();
    let problem = move || {
        connecting
            .value()
            .with(|v| v.as_ref().and_then(|r| r.as_ref().err().cloned()))
    };

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        connecting.dispatch(ConnectForm {
            org: org.get_untracked(),
            api_base: api_base.get_untracked(),
            token: token.get_untracked(),
            keep: keep.get_untracked(),
        });
    };

    // The owner asked to keep the token for this tab: a reload reconnects at once (no frame
    // waited for: the probe is the first request the console sends).
    if direct
        && !token.get_untracked().is_empty()
        && org_problem(org.get_untracked().trim()).is_none()
        && connecting.value().with_untracked(Option::is_none)
    {
        connecting.dispatch(ConnectForm {
            org: org.get_untracked(),
            api_base: api_base.get_untracked(),
            token: token.get_untracked(),
            keep: true,
        });
    }

    view! {
        <form class="connect" method="post" on:submit=submit aria-labelledby="connect-title">
            <h1 id="connect-title">"Connect to an organization"</h1>
            <label>
                "Organization"
                <input name="org" autocomplete="organization" bind:value=org required />
            </label>
            <label>
                "API base"
                <input
                    name="api-base"
                    type="text"
                    inputmode="url"
                    autocapitalize="off"
                    spellcheck="false"
                    bind:value=api_base
                    readonly=locked
                    aria-describedby="api-base-hint"
                />
            </label>
            <p id="api-base-hint" class="hint">
                {if locked {
                    "Set by this site."
                } else if direct {
                    "https://api.github.com for GitHub."
                } else {
                    "The site's proxy prefix."
                }}
            </p>
            <Show
                when=move || direct
                fallback=|| {
                    view! {
                        <p class="hint">
                            "This site's proxy holds the credential; no token is needed here."
                        </p>
                    }
                }
            >
                <label>
                    "Token"
                    <input
                        type="text"
                        class="secret"
                        autocomplete="off"
                        autocapitalize="off"
                        spellcheck="false"
                        data-1p-ignore="true"
                        data-lpignore="true"
                        bind:value=token
                        aria-describedby="token-hint"
                    />
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
            <Show when=move || problem().is_some()>
                <p class="error" role="alert">
                    {problem}
                </p>
            </Show>
            <button type="submit" prop:disabled=move || busy.get()>
                {move || if busy.get() { "Checking…" } else { "Connect" }}
            </button>
        </form>
    }
}
