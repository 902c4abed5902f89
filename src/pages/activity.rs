//! This session's configuration actions, exportable as CSV and JSON.
use console_core::activity::{to_csv, to_json};
use leptos::prelude::*;

use crate::browser::download;
use crate::session::use_session;

#[component]
pub fn ActivityPage() -> impl IntoView {
    let Some(session) = use_session() else {
        return ().into_any();
    };
    let log = session.activity;
    let stamp = || {
        js_sys::Date::new_0()
            .to_iso_string()
            .as_string()
            .unwrap_or_default()
            .replace([':', '.'], "-")
    };
    view! {
        <section aria-labelledby="activity-title">
            <div class="toolbar">
                <h1 id="activity-title">"Activity in this session"</h1>
                <div class="actions">
                    <button type="button" class="secondary" prop:disabled=move || log.with(Vec::is_empty)
                        on:click=move |_| { log.with_untracked(|l| download(&format!("scim-admin-activity-{}.csv", stamp()), "text/csv", &to_csv(l))); }>"Export CSV"</button>
                    <button type="button" class="secondary" prop:disabled=move || log.with(Vec::is_empty)
                        on:click=move |_| { log.with_untracked(|l| download(&format!("scim-admin-activity-{}.json", stamp()), "application/json", &to_json(l))); }>"Export JSON"</button>
                </div>
            </div>
            <Show when=move || !log.with(Vec::is_empty) fallback=|| view! { <p class="empty">"No configuration action yet in this session."</p> }>
                <table class="activity">
                    <thead><tr><th scope="col">"Time (UTC)"</th><th scope="col">"Action"</th><th scope="col">"Identity"</th><th scope="col">"Outcome"</th><th scope="col">"GitHub request id"</th></tr></thead>
                    <tbody>
                        {move || log.get().into_iter().rev().map(|e| view! {
                            <tr><td>{e.time}</td><td>{e.action}</td><td>{e.identity}</td><td>{e.outcome}</td><td class="mono">{e.request_id}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </Show>
        </section>
    }
    .into_any()
}
