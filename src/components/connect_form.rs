//! Connect: organization and token. The token goes from the password field into the client's
//! memory and nowhere else.
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::api::ApiClient;
use crate::config::{Mode, RuntimeConfig};

/// GitHub organization logins: letters, digits and single hyphens, at most 39 characters.
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
pub fn ConnectForm(
    config: RuntimeConfig,
    #[prop(into)] on_connect: Callback<ApiClient>,
) -> impl IntoView {
    let org = RwSignal::new(config.org.clone());
    let token = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<&'static str>);
    let direct = config.mode == Mode::Direct;

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let org_value = org.get_untracked().trim().to_owned();
        let token_value = token.get_untracked().trim().to_owned();
        let issue = org_problem(&org_value).or_else(|| {
            (direct && token_value.is_empty()).then_some("Paste a token with the admin:org scope.")
        });
        problem.set(issue);
        if issue.is_none() {
            token.set(String::new());
            on_connect.run(ApiClient::new(&config, &org_value, &token_value));
        }
    };

    view! {
        <form class="connect" on:submit=submit aria-labelledby="connect-title">
            <h2 id="connect-title">"Connect to an organization"</h2>
            <label>
                "Organization"
                <input name="org" autocomplete="organization" bind:value=org required />
            </label>
            <Show when=move || direct fallback=|| view! {
                <p class="hint">"The site's proxy holds the credential; no token is needed."</p>
            }>
                <label>
                    "Token"
                    <input name="token" type="password" autocomplete="off" bind:value=token />
                </label>
                <p class="hint">"Kept in this tab's memory only. Classic token: admin:org scope."</p>
            </Show>
            <Show when=move || problem.get().is_some()>
                <p class="error" role="alert">{move || problem.get()}</p>
            </Show>
            <button type="submit">"Connect"</button>
        </form>
    }
}
