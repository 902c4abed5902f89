//! The bulk run, in a strip under the header on every page: progress, Stop, and a way back to its results.
use console_core::activity::Outcome;
use leptos::prelude::*;

use crate::components::deprovision_dialog::DeprovisionDialog;
use crate::components::review::action_dialog::ActionDialog;
use crate::session::bulk::Job;
use crate::session::use_session;

#[component]
pub fn BulkIndicator() -> impl IntoView {
    let bulk = use_session().bulk;
    let total = move || bulk.items.with(Vec::len);
    let settled = move || bulk.count(Outcome::is_settled);
    view! {
        <Show when=move || { total() > 0 }>
            <section class="bulk" aria-label="Bulk run" role="status">
                <span>
                    {move || {
                        if bulk.running.get() {
                            format!("{}: {} of {}", bulk.title(), settled(), total())
                        } else {
                            format!("{} finished: {} of {}", bulk.title(), settled(), total())
                        }
                    }}
                </span>
                <progress value=settled max=total aria-label="Bulk run progress"></progress>
                <Show when=move || bulk.running.get()>
                    <button
                        type="button"
                        class="secondary"
                        on:click=move |_| bulk.stop("stopped by the owner")
                    >
                        "Stop"
                    </button>
                </Show>
                <button type="button" class="secondary" on:click=move |_| bulk.shown.set(true)>
                    "Show results"
                </button>
                <Show when=move || !bulk.running.get()>
                    <button type="button" class="secondary" on:click=move |_| bulk.dismiss()>
                        "Dismiss"
                    </button>
                </Show>
            </section>
        </Show>
        {move || {
            let on_close = Callback::new(move |()| bulk.shown.set(false));
            if !bulk.shown.get() {
                return ().into_any();
            }
            let category = bulk
                .items
                .with_untracked(|items| match items.first().map(|i| &i.job) {
                    Some(Job::Drift { category, .. }) => Some(*category),
                    _ => None,
                });
            match (bulk.action.get_untracked(), category) {
                (Some(kind), Some(category)) => {
                    view! { <ActionDialog kind category keys=Vec::new() on_close /> }.into_any()
                }
                _ => view! { <DeprovisionDialog targets=Vec::new() on_close /> }.into_any(),
            }
        }}
    }
}
