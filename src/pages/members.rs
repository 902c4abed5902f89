//! The members page: loads every page of identities, showing rows as they arrive.
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{ApiClient, ApiError};
use crate::components::member_table::{MemberRow, MemberTable};

const PAGE_SIZE: u64 = 100;

#[derive(Clone, Copy)]
struct Loading {
    rows: RwSignal<Vec<MemberRow>>,
    total: RwSignal<Option<u64>>,
    error: RwSignal<Option<ApiError>>,
    done: RwSignal<bool>,
}

#[component]
pub fn MembersPage(client: ApiClient, #[prop(into)] on_disconnect: Callback<()>) -> impl IntoView {
    let state = Loading {
        rows: RwSignal::new(Vec::new()),
        total: RwSignal::new(None),
        error: RwSignal::new(None),
        done: RwSignal::new(false),
    };
    let org = client.org().to_owned();
    spawn_local(load_all(client, state));
    let loaded = move || state.rows.with(Vec::len);

    view! {
        <section aria-labelledby="members-title">
            <div class="toolbar">
                <h2 id="members-title">"Provisioned identities in " {org}</h2>
                <button type="button" on:click=move |_| on_disconnect.run(())>"Disconnect"</button>
            </div>
            <p class="status" role="status">
                {move || match (state.total.get(), state.done.get()) {
                    (None, _) => "Loading…".to_owned(),
                    (Some(t), false) => format!("Loaded {} of {t}", loaded()),
                    (Some(t), true) => format!("{t} identities"),
                }}
            </p>
            <Show when=move || state.error.get().is_some()>
                <p class="error" role="alert">
                    {move || state.error.get().map(|e| e.to_string())}
                </p>
            </Show>
            <MemberTable rows=state.rows />
        </section>
    }
}

/// Fetches pages in order, advancing by what was returned, until `totalResults` is reached.
/// Stops quietly once the page is gone (its signals are disposed).
async fn load_all(client: ApiClient, state: Loading) {
    let mut start = 1;
    loop {
        let page = match client.list_users(start, PAGE_SIZE).await {
            Ok(page) => page,
            Err(e) => {
                let _ = state.error.try_set(Some(e));
                return;
            }
        };
        let received = page.resources.len() as u64;
        let extended = state
            .rows
            .try_update(|rows| rows.extend(page.resources.iter().map(MemberRow::from)));
        if extended.is_none() || state.total.try_set(Some(page.total_results)).is_some() {
            return;
        }
        start += received;
        if received == 0 || start > page.total_results {
            let _ = state.done.try_set(true);
            return;
        }
    }
}
