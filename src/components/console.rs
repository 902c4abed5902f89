//! The connected console: its header (navigation, the SAML gate, the bulk run), the IdP notice
//! and the routed pages, all given the session by context. The session's own reactive owner
//! is disposed when the console goes, so nothing of it (the token included) outlives it.
use console_core::routes::Route;
use leptos::ev;
use leptos::prelude::*;

use crate::components::bulk_indicator::BulkIndicator;
use crate::components::gate_status::GateStatus;
use crate::components::idp_notice::IdpNotice;
use crate::components::site_identity::SiteIdentityLine;
use crate::nav::use_nav;
use crate::pages::{
    activity::ActivityPage, edit::EditPage, identity::IdentityPage, members::MembersPage,
    provision::ProvisionPage, review::ReviewPage,
};
use crate::session::Session;

#[component]
pub fn Console(owner: Owner, session: Session, on_disconnect: Callback<()>) -> impl IntoView {
    provide_context(session);
    on_cleanup(move || owner.cleanup());
    // Leaving the page while a write is in flight (or a bulk run goes on) asks first.
    let unload = window_event_listener(ev::beforeunload, move |ev| {
        if session.busy() {
            ev.prevent_default();
            ev.set_return_value("A configuration action is still running.");
        }
    });
    on_cleanup(move || unload.remove());
    // Ending the session stops its run and clears its journal; unmounting disposes the rest.
    let end = Callback::new(move |()| {
        session.end();
        on_disconnect.run(());
    });
    // Connecting replaced the form that had the focus: it goes to the page's content, not
    // back to the document's start.
    let main = NodeRef::<leptos::html::Main>::new();
    Effect::new(move |_| {
        if let Some(main) = main.get() {
            let _ = main.focus();
        }
    });
    let route = use_nav().route();
    let current = move |page: Route| route.with(|r| *r == page).then_some("page");
    let page = move || match route.get() {
        Route::Identities => view! { <MembersPage /> }.into_any(),
        Route::Provision => view! { <ProvisionPage /> }.into_any(),
        Route::Identity(id) => view! { <IdentityPage id /> }.into_any(),
        Route::Edit(id) => view! { <EditPage id /> }.into_any(),
        Route::Review => view! { <ReviewPage /> }.into_any(),
        Route::Activity => view! { <ActivityPage /> }.into_any(),
        Route::NotFound => {
            view! { <p>"There is no such page. " <a href="/">"Back to the identities"</a></p> }
                .into_any()
        }
    };

    view! {
        <header class="top">
            <span class="brand">"scim-admin"</span>
            <nav aria-label="Console">
                <a href="/" aria-current=move || current(Route::Identities)>
                    "Identities"
                </a>
                <a href="/provision" aria-current=move || current(Route::Provision)>
                    "Provision"
                </a>
                <a href="/review" aria-current=move || current(Route::Review)>
                    "Review"
                </a>
                <a href="/activity" aria-current=move || current(Route::Activity)>
                    "Activity"
                </a>
            </nav>
            <SiteIdentityLine />
            <GateStatus on_disconnect=end />
        </header>
        // Its own strip under the header, so a run never wraps the header to two rows.
        <BulkIndicator />
        <main id="main" tabindex="-1" node_ref=main>
            <IdpNotice />
            {page}
        </main>
    }
}
