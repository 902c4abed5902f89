//! The connected console: its header (navigation, the SAML gate, the bulk run), the IdP notice
//! and the routed pages, all given the session by context. The session's own reactive owner
//! is disposed when the console goes, so nothing of it (the token included) outlives it.
use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::{Route, Routes, A};
use leptos_router::path;

use crate::components::bulk_indicator::BulkIndicator;
use crate::components::gate_status::GateStatus;
use crate::components::idp_notice::IdpNotice;
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

    view! {
        <header class="top">
            <span class="brand">"scim-admin"</span>
            <nav aria-label="Console">
                <A href="/">"Identities"</A>
                <A href="/provision">"Provision"</A>
                <A href="/review">"Review"</A>
                <A href="/activity">"Activity"</A>
            </nav>
            <BulkIndicator />
            <GateStatus on_disconnect=end />
        </header>
        <main id="main" tabindex="-1">
            <IdpNotice />
            <Routes fallback=|| {
                view! { <p>"There is no such page. " <A href="/">"Back to the identities"</A></p> }
            }>
                <Route path=path!("/") view=MembersPage />
                <Route path=path!("/provision") view=ProvisionPage />
                <Route path=path!("/identities/:id") view=IdentityPage />
                <Route path=path!("/identities/:id/edit") view=EditPage />
                <Route path=path!("/review") view=ReviewPage />
                <Route path=path!("/activity") view=ActivityPage />
            </Routes>
        </main>
    }
}
