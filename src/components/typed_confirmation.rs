//! The typed confirmation of both bulk dialogs: what to type, the field, and Enter to confirm
//! (the dialog's `on_enter` decides whether what was typed confirms and whether it may run).
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

#[component]
pub fn TypedConfirmation(
    prompt: String,
    typed: RwSignal<String>,
    on_enter: Callback<()>,
) -> impl IntoView {
    view! {
        <label>
            {prompt}
            <input
                type="text"
                autocomplete="off"
                bind:value=typed
                on:keydown=move |ev: KeyboardEvent| {
                    if ev.key() == "Enter" {
                        on_enter.run(());
                    }
                }
            />
        </label>
    }
}
