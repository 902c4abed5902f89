//! Who the site's proxy acts for (proxy mode): "Signed in to this site as …", or, on a site
//! deployed with `AUTH=none`, the warning that anyone who reaches it is the owner. Read once
//! from the proxy's `/_site/whoami` (deploy/); where there is no such answer, nothing is shown.
use console_core::site::SiteIdentity;
use leptos::prelude::*;

use crate::config::{self, Mode};

/// The proxy's word, once per page load (`None`: direct mode, or no proxy answered).
#[derive(Clone, Copy)]
pub struct Whoami(LocalResource<Option<SiteIdentity>>);

impl Whoami {
    /// Provides it to everything below (once, at the root).
    pub fn provide(config: LocalResource<Result<config::RuntimeConfig, String>>) {
        let whoami = LocalResource::new(move || async move {
            match config.await {
                Ok(config) if config.mode == Mode::Proxy => fetch().await,
                _ => None,
            }
        });
        provide_context(Self(whoami));
    }
}

async fn fetch() -> Option<SiteIdentity> {
    let response = gloo_net::http::Request::get("/_site/whoami")
        .send()
        .await
        .ok()?;
    if !response.ok() {
        return None;
    }
    SiteIdentity::from_json(&response.text().await.ok()?)
}

/// The header's line; nothing until (and unless) the proxy answered.
#[component]
pub fn SiteIdentityLine() -> impl IntoView {
    let whoami = use_context::<Whoami>();
    let identity = move || whoami.and_then(|w| w.0.get().flatten());
    move || {
        identity().map(|identity| {
            let class = match identity {
                SiteIdentity::Person(_) => "site-identity",
                SiteIdentity::Anyone => "site-identity warn",
            };
            view! {
                <span class=class role="note" aria-label="Site sign-in">
                    {identity.line()}
                </span>
            }
        })
    }
}
