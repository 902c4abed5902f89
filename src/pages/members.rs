//! The members page: loads every page of identities, showing rows as they arrive.
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::load_all::{load_all, Pause, Progress, DEFAULT_CONCURRENCY};
use crate::api::{ApiClient, ApiError, Cancel, ErrorKind};
use crate::components::member_table::{MemberRow, MemberTable};

#[component]
pub fn MembersPage(client: ApiClient, #[prop(into)] on_disconnect: Callback<()>) -> impl IntoView {
    let rows = RwSignal::new(Vec::<MemberRow>::new());
    let progress = RwSignal::new(None::<Progress>);
    let error = RwSignal::new(None::<ApiError>);
    let done = RwSignal::new(false);
    let org = client.org().to_owned();

    // The load stops when the page goes away: its cancel aborts fetches and retry waits.
    let cancel = Cancel::new();
    on_cleanup({
        let cancel = cancel.clone();
        move || cancel.cancel()
    });
    spawn_local(async move {
        let result = load_all(
            &client,
            DEFAULT_CONCURRENCY,
            &cancel,
            &Pause::default(),
            |page, p| {
                rows.try_update(|r| r.extend(page.iter().map(MemberRow::from)));
                progress.try_set(Some(p));
            },
        )
        .await;
        match result {
            Ok(p) => {
                progress.try_set(Some(p));
                done.try_set(true);
            }
            Err(e) if e.kind == ErrorKind::Cancelled => {}
            Err(e) => {
                error.try_set(Some(e));
            }
        }
    });

    view! {
        <section aria-labelledby="members-title">
            <div class="toolbar">
                <h2 id="members-title">"Provisioned identities in " {org}</h2>
                <button type="button" on:click=move |_| on_disconnect.run(())>"Disconnect"</button>
            </div>
            <p class="status" role="status">
                {move || match (progress.get(), done.get()) {
                    (None, _) => "Loading…".to_owned(),
                    (Some(p), false) => format!("Loaded {} of {}", p.loaded, p.total.unwrap_or(0)),
                    (Some(p), true) => format!("{} identities", p.total.unwrap_or(p.loaded)),
                }}
            </p>
            <Show when=move || error.get().is_some()>
                <p class="error" role="alert">{move || error.get().map(|e| e.to_string())}</p>
            </Show>
            <MemberTable rows />
        </section>
    }
}
