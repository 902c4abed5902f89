//! The tab's configuration actions (kept across a reload, cleared by Disconnect), newest
//! first, exportable as CSV and JSON.
use console_core::activity::{to_csv, to_json};
use leptos::prelude::*;

use crate::browser::{download, file_stamp};
use crate::session::use_session;

#[component]
pub fn ActivityPage() -> impl IntoView {
    let log = use_session().journal.entries;
    let export = move |kind: &'static str| {
        log.with_untracked(|l| {
            let (body, mime) = match kind {
                "csv" => (to_csv(l), "text/csv"),
                _ => (to_json(l), "application/json"),
            };
            download(
                &format!("scim-admin-activity-{}.{kind}", file_stamp()),
                mime,
                &body,
            )
        });
    };
    let empty = move || log.with(Vec::is_empty);
    view! {
        <section aria-labelledby="activity-title">
            <div class="toolbar">
                <h1 id="activity-title">"Activity in this tab"</h1>
                <div class="actions">
                    <button
                        type="button"
                        class="secondary"
                        prop:disabled=empty
                        on:click=move |_| export("csv")
                    >
                        "Export CSV"
                    </button>
                    <button
                        type="button"
                        class="secondary"
                        prop:disabled=empty
                        on:click=move |_| export("json")
                    >
                        "Export JSON"
                    </button>
                </div>
            </div>
            <Show
                when=move || !empty()
                fallback=|| {
                    view! { <p class="empty">"No configuration action yet in this tab."</p> }
                }
            >
                <table class="activity">
                    <thead>
                        <tr>
                            <th scope="col">"Time (UTC)"</th>
                            <th scope="col">"Action"</th>
                            <th scope="col">"Identity"</th>
                            <th scope="col">"Outcome"</th>
                            <th scope="col">"GitHub request id"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            log.get()
                                .into_iter()
                                .rev()
                                .map(|e| {
                                    view! {
                                        <tr>
                                            <td>{e.time}</td>
                                            <td>{e.action}</td>
                                            <td>{e.identity}</td>
                                            <td>{e.outcome.to_string()}</td>
                                            <td class="mono">{e.request_id}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </Show>
        </section>
    }
}
