//! What the identity table shows when it has no row to show, in words where the rows would be:
//! GitHub refused the list (and why), the organization has none, or the filter matches none.
use leptos::prelude::*;

use crate::session::members::LoadState;
use crate::session::use_session;

#[component]
pub fn MembersEmpty(
    /// The quick filter's text.
    #[prop(into)]
    filter: Signal<String>,
    /// Empties the filter (and the URL's copy of it).
    on_clear: Callback<()>,
    /// How many rows the filter shows.
    #[prop(into)]
    shown: Signal<usize>,
    /// Where the focus goes after "Clear the filter".
    filter_input: NodeRef<leptos::html::Input>,
) -> impl IntoView {
    let session = use_session();
    let members = session.members;
    let gate = session.gate;
    let empty = move || members.table.with(|t| t.is_empty());
    let loading = move || members.state.get() == LoadState::Loading;
    let clear = move |_| {
        on_clear.run(());
        if let Some(input) = filter_input.get_untracked() {
            let _ = input.focus();
        }
    };
    move || {
        if empty() && !loading() && !gate.with(|g| g.can_read()) {
            let why = gate.with(|g| g.reason());
            Some(
                view! {
                    <div class="empty-state" role="status">
                        <p>"GitHub does not list the identities to this token."</p>
                        <p>{why}</p>
                    </div>
                }
                .into_any(),
            )
        } else if empty() && members.state.get() == LoadState::Done {
            Some(
                view! {
                    <div class="empty-state" role="status">
                        <p>"This organization has no SCIM provisioned identities yet."</p>
                    </div>
                }
                .into_any(),
            )
        } else if !empty() && shown.get() == 0 && !filter.with(String::is_empty) {
            Some(
                view! {
                    <div class="empty-state" role="status">
                        <p>{move || format!("No identity matches “{}”.", filter.get())}</p>
                        <button type="button" class="secondary" on:click=clear>
                            "Clear the filter"
                        </button>
                    </div>
                }
                .into_any(),
            )
        } else {
            None
        }
    }
}
