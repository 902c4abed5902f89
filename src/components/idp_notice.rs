//! The standing, dismissible reminder that membership should come from the IdP.
use leptos::prelude::*;

use crate::browser::{preference, set_preference};

const KEY: &str = "scim-admin.idp-notice-dismissed";

#[component]
pub fn IdpNotice() -> impl IntoView {
    let shown = RwSignal::new(preference(KEY).is_none());
    view! {
        <Show when=move || shown.get()>
            <aside class="notice" aria-label="About changes made here">
                <p>
                    "Membership changes should normally come from your identity provider. A change made "
                    "here is not known to the IdP: its next sync may undo it, and people removed here "
                    "but still assigned there will be provisioned again. Use the console to repair "
                    "drift, not to replace the IdP."
                </p>
                <button
                    type="button"
                    class="secondary"
                    on:click=move |_| {
                        set_preference(KEY, "1");
                        shown.set(false);
                    }
                >
                    "Dismiss"
                </button>
            </aside>
        </Show>
    }
}
