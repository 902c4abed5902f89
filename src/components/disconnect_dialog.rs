//! Before Disconnect clears the tab's activity log: offer to export it, and wait for a write
//! still in flight so its outcome is in the export.
use console_core::activity::{to_csv, to_json};
use console_core::text::plural;
use leptos::prelude::*;

use crate::browser::{download, file_stamp};
use crate::session::use_session;

#[component]
pub fn DisconnectDialog(on_disconnect: Callback<()>, on_stay: Callback<()>) -> impl IntoView {
    let session = use_session();
    let log = session.journal.entries;
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move |_| {
        if let Some(d) = dialog.get() {
            if !d.open() {
                let _ = d.show_modal();
            }
        }
    });
    let waiting = move || session.journal.in_flight();
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
    let on_cancel = move |ev: leptos::ev::Event| {
        ev.prevent_default();
        on_stay.run(());
    };
    view! {
        <dialog
            node_ref=dialog
            class="dialog"
            aria-labelledby="disconnect-title"
            on:cancel=on_cancel
        >
            <h2 id="disconnect-title">"Disconnect"</h2>
            <p>
                {move || {
                    format!(
                        "Disconnecting clears this tab's activity log ({}) and forgets the token. Export it first to keep it.",
                        plural(log.with(Vec::len), "entry", "entries"),
                    )
                }}
            </p>
            <Show when=waiting>
                <p class="warn" role="status">
                    "Waiting for the write in flight to finish…"
                </p>
            </Show>
            <div class="dialog-actions">
                <button type="button" class="secondary" on:click=move |_| export("csv")>
                    "Export CSV"
                </button>
                <button type="button" class="secondary" on:click=move |_| export("json")>
                    "Export JSON"
                </button>
                <button
                    type="button"
                    class="danger"
                    prop:disabled=waiting
                    on:click=move |_| on_disconnect.run(())
                >
                    "Disconnect and clear the log"
                </button>
                <button type="button" class="secondary" on:click=move |_| on_stay.run(())>
                    "Stay connected"
                </button>
            </div>
        </dialog>
    }
}
