//! The loading bar of the member table: loaded / total, pause, rate-limit wait, failure.
use leptos::prelude::*;

use crate::session::members::LoadState;
use crate::session::use_session;

#[component]
pub fn LoadProgress() -> impl IntoView {
    let session = use_session();
    let members = session.members;
    let wait = session.rate_wait_until;
    let value = move || members.progress.with(|p| p.loaded);
    let max = move || members.progress.with(|p| p.total.unwrap_or(0).max(1));
    let total = move || {
        members
            .progress
            .with(|p| p.total.map(|t| t.to_string()).unwrap_or("…".into()))
    };
    view! {
        <div class="load">
            <Show when=move || members.state.get() == LoadState::Loading>
                <progress value=value max=max aria-label="Identities loaded"></progress>
                <span>{move || format!("Loaded {} of {}", value(), total())}</span>
                <Show when=move || wait.get().is_some()>
                    <span class="warn">
                        " Rate limited by GitHub: paused until the limit resets."
                    </span>
                </Show>
                <button
                    type="button"
                    class="secondary"
                    on:click=move |_| members.set_paused(!members.paused.get_untracked())
                >
                    {move || if members.paused.get() { "Resume" } else { "Pause" }}
                </button>
            </Show>
            {move || match members.state.get() {
                LoadState::Failed(e) => {
                    view! {
                        <p class="error" role="alert">
                            "Loading stopped: "
                            {e.to_string()}
                        </p>
                    }
                        .into_any()
                }
                LoadState::Done => {
                    members
                        .progress
                        .with(|p| p.cut_short)
                        .map(|cut| {
                            view! {
                                <p class="error" role="alert">
                                    {cut.message()}
                                </p>
                            }
                        })
                        .into_any()
                }
                _ => ().into_any(),
            }}
            <button
                type="button"
                class="secondary"
                on:click=move |_| session.members.load(session.client(), None)
            >
                "Reload"
            </button>
        </div>
    }
}
