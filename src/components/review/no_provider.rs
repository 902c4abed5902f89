//! When GitHub shows no SAML identity provider, there is nothing to compare the members with:
//! say why in plain words, and offer to read the identities from the enterprise instead
//! (`enterprise(slug).ownerInfo.samlIdentityProvider`, the same node types).
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::api::org::{IdentitySource, NoProvider};
use crate::session::use_session;

/// Enterprise slugs: letters, digits and hyphens.
fn slug_problem(slug: &str) -> Option<&'static str> {
    if slug.is_empty() {
        Some("Enter the enterprise's slug, as in github.com/enterprises/<slug>.")
    } else if !slug.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        Some("An enterprise slug has only letters, digits and hyphens.")
    } else {
        None
    }
}

#[component]
pub fn NoProviderNote(why: NoProvider) -> impl IntoView {
    let store = use_session().review;
    let source = store.source;
    let current = match source.get_untracked() {
        IdentitySource::Enterprise(slug) => slug,
        IdentitySource::Organization => String::new(),
    };
    let slug = RwSignal::new(current.clone());
    let problem = RwSignal::new(None::<&'static str>);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let typed = slug.get_untracked().trim().to_owned();
        problem.set(slug_problem(&typed));
        if problem.get_untracked().is_none() {
            source.set(IdentitySource::Enterprise(typed));
        }
    };
    let said = match why {
        NoProvider::Organization => {
            "GitHub does not show this organization's SAML identity provider to this token, so \
             there is nothing to compare the members with. Either the token lacks the rights (it \
             must be an organization owner's: a classic token with read:org or admin:org, or a \
             GitHub App with the organization Members permission), or SAML single sign-on is \
             configured for the enterprise rather than the organization. In that case an \
             enterprise owner's token (classic, with read:enterprise) can read the identities \
             from the enterprise."
                .to_owned()
        }
        NoProvider::NotEnterpriseOwner => format!(
            "GitHub does not show enterprise {current}'s owner information to this token: it \
             must be an enterprise owner's token with read:enterprise (GitHub Apps cannot read \
             it)."
        ),
        NoProvider::EnterpriseWithoutSaml => format!(
            "Enterprise {current} has no SAML identity provider either. SAML single sign-on \
             must be configured for the organization or its enterprise for a review."
        ),
    };
    view! {
        <div class="no-provider" role="alert">
            <h2>"No SAML identity provider to compare with"</h2>
            <p>{said}</p>
        </div>
        <form class="enterprise" on:submit=submit novalidate>
            <label>
                "Enterprise slug"
                <input
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    aria-invalid=move || problem.get().is_some().to_string()
                    aria-describedby="slug-problem"
                    bind:value=slug
                />
            </label>
            <p id="slug-problem" class="error">
                {move || problem.get()}
            </p>
            <div class="actions">
                <button type="submit">"Read the identities from the enterprise"</button>
                <Show when=move || source.get() != IdentitySource::Organization>
                    <button
                        type="button"
                        class="secondary"
                        on:click=move |_| source.set(IdentitySource::Organization)
                    >
                        "Back to the organization"
                    </button>
                </Show>
            </div>
        </form>
    }
}
