//! A built review: where the identities came from, the whole review's exports, the summary,
//! and the table of the category the owner picked.
use console_core::csv::Separator;
use leptos::prelude::*;

use super::category::CategoryPanel;
use super::summary::Summary;
use crate::api::org::IdentitySource;
use crate::browser::{download, file_stamp};
use crate::session::use_session;

#[component]
pub fn ReviewBody(issuer: Option<String>) -> impl IntoView {
    let session = use_session();
    let store = session.review;
    let org = session.org();
    let shown = store.shown;
    let from = match store.source.get_untracked() {
        IdentitySource::Organization => format!(
            "External identities from organization {org}'s SAML identity provider{}.",
            issuer.map(|i| format!(" ({i})")).unwrap_or_default()
        ),
        IdentitySource::Enterprise(slug) => format!(
            "External identities from enterprise {slug}'s SAML identity provider. A linked login \
             that is not a member of {org} may belong to another organization of the enterprise."
        ),
    };
    let export = move |kind: &'static str| {
        store.review.with_untracked(|review| {
            let Some(review) = review else { return };
            let (body, mime) = match kind {
                "csv" => (
                    review.export_all_rows().to_csv(Separator::Comma),
                    "text/csv",
                ),
                _ => (
                    serde_json::to_string_pretty(&review.review_json()).unwrap_or_default(),
                    "application/json",
                ),
            };
            let name = format!("scim-admin-review-{}-{}.{kind}", review.org, file_stamp());
            download(&name, mime, &body);
        });
    };
    view! {
        <div class="toolbar">
            <p class="hint">
                {from}
                " Rows leave the review as actions finish; review again for a consistent picture."
            </p>
            <div class="actions">
                <button type="button" class="secondary" on:click=move |_| export("csv")>
                    "Export the review (CSV)"
                </button>
                <button type="button" class="secondary" on:click=move |_| export("json")>
                    "Export the review (JSON)"
                </button>
            </div>
        </div>
        <Summary shown />
        {move || {
            let category = shown.get();
            view! { <CategoryPanel category /> }
        }}
    }
}
