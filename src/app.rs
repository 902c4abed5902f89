//! The application shell: load the runtime config, then connect, then show the members.
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::ApiClient;
use crate::components::connect_form::ConnectForm;
use crate::config::{self, RuntimeConfig};
use crate::pages::members::MembersPage;

#[component]
pub fn App() -> impl IntoView {
    let config = RwSignal::new(None::<Result<RuntimeConfig, String>>);
    spawn_local(async move { config.set(Some(config::load().await)) });
    let client = RwSignal::new(None::<ApiClient>);

    view! {
        <header class="top">
            <h1>"scim-admin"</h1>
            <span class="tagline">"GitHub organization SCIM console"</span>
        </header>
        <main id="main">
            {move || match config.get() {
                None => view! { <p class="status">"Loading configuration…"</p> }.into_any(),
                Some(Err(message)) => view! { <p class="error" role="alert">{message}</p> }.into_any(),
                Some(Ok(config)) => match client.get() {
                    None => view! {
                        <ConnectForm config on_connect=move |c| client.set(Some(c)) />
                    }.into_any(),
                    Some(connected) => view! {
                        <MembersPage client=connected on_disconnect=move || client.set(None) />
                    }.into_any(),
                },
            }}
        </main>
    }
}
