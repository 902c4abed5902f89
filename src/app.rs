//! The application shell: the runtime config (a resource), the connect `Action`, and either the
//! connect page or the `Console` of the session it opened.
use leptos::prelude::*;

use crate::components::console::Console;
use crate::components::site_identity::{SiteIdentityLine, Whoami};
use crate::components::toast_region::ToastRegion;
use crate::config;
use crate::nav::Nav;
use crate::pages::connect::ConnectPage;
use crate::session::connect::{connect, ConnectForm, Connected};
use crate::session::toasts::Toasts;

#[component]
pub fn App() -> impl IntoView {
    Nav::provide();
    let toasts = Toasts::new();
    provide_context(toasts);
    let config = LocalResource::new(config::load);
    Whoami::provide(config);
    let connecting = Action::new_local(move |form: &ConnectForm| {
        let form = form.clone();
        async move {
            match config.await {
                Ok(config) => connect(config, form, toasts).await,
                Err(message) => Err(message),
            }
        }
    });
    // Only the change between connected and not re-renders; a failed attempt keeps the form.
    let open = Memo::new(move |_| connecting.value().with(|v| matches!(v, Some(Ok(_)))));
    let connected = move || {
        open.get();
        connecting
            .value()
            .with_untracked(|v| v.as_ref().and_then(|r| r.as_ref().ok().cloned()))
    };
    // Disconnect: the session has been ended; drop it (and the owner holding its signals).
    let disconnect = Callback::new(move |()| connecting.clear());

    view! {
        <a class="skip" href="#main">
            "Skip to content"
        </a>
        {move || match connected() {
            Some(Connected { owner, session }) => {
                view! { <Console owner session on_disconnect=disconnect /> }.into_any()
            }
            None => {
                view! {
                    <header class="top">
                        <span class="brand">"scim-admin"</span>
                        <SiteIdentityLine />
                    </header>
                    <main id="main" tabindex="-1">
                        <Transition fallback=|| {
                            view! { <p class="status">"Loading configuration…"</p> }
                        }>
                            {move || Suspend::new(async move {
                                match config.await {
                                    Ok(config) => {
                                        view! { <ConnectPage config connecting /> }.into_any()
                                    }
                                    Err(message) => {
                                        view! {
                                            <p class="error" role="alert">
                                                {message}
                                            </p>
                                        }
                                            .into_any()
                                    }
                                }
                            })}
                        </Transition>
                    </main>
                }
                    .into_any()
            }
        }}
        <ToastRegion />
    }
}
