//! A review's load: what has been read so far, from where, and Stop.
use leptos::prelude::*;

use crate::session::use_session;

#[component]
pub fn ReviewProgress() -> impl IntoView {
    let session = use_session();
    let store = session.review;
    let progress = store.progress;
    let members = session.members;
    let identities = move || {
        progress.with(|p| match p.identities_total {
            Some(total) => format!("{} of {total}", p.identities),
            None => "…".into(),
        })
    };
    let lists = move || {
        progress.with(|p| match p.members.pages {
            Some(pages) => format!(
                "{} (page {} of {pages}); admins, SCIM invitations and outside collaborators: {}",
                p.members.items, p.members.pages_done, p.others
            ),
            None => "…".into(),
        })
    };
    let scim = move || {
        members.progress.with(|p| match p.total {
            Some(total) => format!("{} of {total}", p.loaded),
            None => "…".into(),
        })
    };
    view! {
        <div class="review-progress" role="status" aria-live="polite">
            <p>"Reading the organization…"</p>
            <ul>
                <li>"External identities (GraphQL): " {identities}</li>
                <li>"Members: " {lists}</li>
                <li>"SCIM identities: " {scim}</li>
            </ul>
            <Show when=move || session.rate_wait_until.get().is_some()>
                <p class="warn">"Rate limited by GitHub: waiting until the limit resets."</p>
            </Show>
            <button type="button" class="secondary" on:click=move |_| store.stop()>
                "Stop"
            </button>
        </div>
    }
}
