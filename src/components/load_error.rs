//! What an `ErrorBoundary` shows when a read failed: the errors, said plainly, as an alert.
use leptos::prelude::*;

#[component]
pub fn LoadError(errors: ArcRwSignal<Errors>) -> impl IntoView {
    let text = move || {
        errors.with(|errors| {
            errors
                .iter()
                .map(|(_, e)| e.to_string())
                .collect::<Vec<_>>()
                .join(" ")
        })
    };
    view! {
        <p class="error" role="alert">
            {text}
        </p>
    }
}
