//! Where toasts appear; polite live region so screen readers announce them.
use leptos::prelude::*;

use crate::session::toasts::Toasts;

#[component]
pub fn ToastRegion() -> impl IntoView {
    let toasts = expect_context::<Toasts>();
    view! {
        <div class="toasts" role="status" aria-live="polite">
            <For each=move || toasts.list.get() key=|t| t.id let:toast>
                <div class=if toast.error { "toast error" } else { "toast" }>
                    <span>{toast.text}</span>
                    <button
                        type="button"
                        class="link"
                        aria-label="Dismiss message"
                        on:click=move |_| toasts.dismiss(toast.id)
                    >
                        "×"
                    </button>
                </div>
            </For>
        </div>
    }
}
