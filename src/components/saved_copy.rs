//! The saved copy, beside the load progress: the opt-in, "Forget cached data", what the table
//! shows (a copy, from when, while it refreshes), and what changed once it has.
use console_core::text::plural;
use leptos::prelude::*;

use crate::session::members::CopyState;
use crate::session::use_session;

/// Epoch ms → `2026-11-30 05:10 UTC`.
fn when(epoch_ms: f64) -> String {
    let iso = String::from(js_sys::Date::new(&epoch_ms.into()).to_iso_string());
    format!(
        "{} UTC",
        iso.get(..16).unwrap_or(&iso).replacen('T', " ", 1)
    )
}

#[component]
pub fn SavedCopyStatus() -> impl IntoView {
    let members = use_session().members;
    let kept = Memo::new(move |_| members.copy.with(|c| *c != CopyState::Off));
    let news = move || {
        members.copy.with(|copy| match copy {
            CopyState::Shown { saved_at } => Some(format!(
                "Showing the copy saved {}; refreshing from GitHub…",
                when(*saved_at)
            )),
            CopyState::Kept {
                changes: Some(changes),
            } => Some(format!(
                "Refreshed from GitHub: {} since the saved copy.",
                changes.summary()
            )),
            _ => None,
        })
    };
    if !members.copy_allowed() {
        return view! {
            <div class="saved-copy">
                <p class="hint">
                    "This site does not keep a copy of the identities in the browser."
                </p>
            </div>
        }
        .into_any();
    }
    view! {
        <div class="saved-copy">
            <label class="inline">
                <input
                    type="checkbox"
                    prop:checked=move || kept.get()
                    on:change=move |ev| members.keep_copy(event_target_checked(&ev))
                    aria-describedby="saved-copy-what"
                />
                "Keep a copy for fast reopening"
            </label>
            <span id="saved-copy-what" class="hint">
                {format!(
                    "Rows only, never the token, in this browser (IndexedDB) for up to {}; removed by unticking, Disconnect or “Forget cached data”.",
                    plural(members.copy_max_age_days() as usize, "day", "days"),
                )}
            </span>
            <Show when=move || kept.get()>
                <button type="button" class="secondary" on:click=move |_| members.forget_copy()>
                    "Forget cached data"
                </button>
            </Show>
            {move || {
                news()
                    .map(|text| {
                        view! {
                            <p class="status" role="status">
                                {text}
                            </p>
                        }
                    })
            }}
        </div>
    }
    .into_any()
}
