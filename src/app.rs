//! The application shell: runtime config, then either the connect page or the console with its
//! always-visible SAML gate status, the IdP notice, toasts and the routed pages.
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

use crate::components::gate_status::GateStatus;
use crate::components::idp_notice::IdpNotice;
use crate::components::toast_region::ToastRegion;
use crate::config::{self, RuntimeConfig};
use crate::pages::{
    activity::ActivityPage, connect::ConnectPage, edit::EditPage, identity::IdentityPage,
};
use crate::pages::{members::MembersPage, provision::ProvisionPage};
use crate::session::toasts::Toasts;
use crate::session::{Session, SessionOwner};

#[component]
pub fn App() -> impl IntoView {
    let config = RwSignal::new(None::<Result<RuntimeConfig, String>>);
    spawn_local(async move { config.set(Some(config::load().await)) });
    let session = RwSignal::new(None::<Session>);
    provide_context(session);
    let toasts = Toasts::new();
    provide_context(toasts);
    // Sessions are created from the connect page but must outlive it.
    if let Some(owner) = Owner::current() {
        provide_context(SessionOwner(owner));
    }

    view! {
        <Router>
            <a class="skip" href="#main">"Skip to content"</a>
            <header class="top">
                <span class="brand">"scim-admin"</span>
                <Show when=move || session.with(Option::is_some)>
                    <nav aria-label="Console">
                        <A href="/">"Identities"</A>
                        <A href="/provision">"Provision"</A>
                        <A href="/activity">"Activity"</A>
                    </nav>
                    <GateStatus />
                </Show>
            </header>
            <main id="main" tabindex="-1">
                {move || match config.get() {
                    None => view! { <p class="status">"Loading configuration…"</p> }.into_any(),
                    Some(Err(message)) => view! { <p class="error" role="alert">{message}</p> }.into_any(),
                    Some(Ok(config)) if session.with(Option::is_none) => view! { <ConnectPage config /> }.into_any(),
                    Some(Ok(_)) => view! {
                        <IdpNotice />
                        <Routes fallback=|| view! { <p>"There is no such page. " <A href="/">"Back to the identities"</A></p> }>
                            <Route path=path!("/") view=MembersPage />
                            <Route path=path!("/provision") view=ProvisionPage />
                            <Route path=path!("/identities/:id") view=IdentityPage />
                            <Route path=path!("/identities/:id/edit") view=EditPage />
                            <Route path=path!("/activity") view=ActivityPage />
                        </Routes>
                    }.into_any(),
                }}
            </main>
            <ToastRegion />
        </Router>
    }
}
