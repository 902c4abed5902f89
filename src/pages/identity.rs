//! One identity: every attribute, meta, the raw JSON on demand, copy its scim_user_id, quick
//! changes through PATCH (display name, emails), and links to edit and deprovision. Read through
//! a resource that follows the route's id; written through actions.
use console_core::activity::Outcome;
use leptos::prelude::*;
use scim::ScimUser;
use serde_json::Value;

use crate::api::ApiError;
use crate::browser::copy;
use crate::components::deprovision_dialog::DeprovisionDialog;
use crate::components::gate_guard::blocked_reason;
use crate::components::identity_attributes::IdentityAttributes;
use crate::components::load_error::LoadError;
use crate::components::quick_edit::QuickEdit;
use crate::nav::use_nav;
use crate::routes;
use crate::session::bulk::Target;
use crate::session::{use_session, view_cancel, Session};

type Loaded = Result<(ScimUser, String), ApiError>;

#[component]
pub fn IdentityPage(id: String) -> impl IntoView {
    let session = use_session();
    let cancel = view_cancel();
    // The page is made again for another id; only its latest look-up is ever shown.
    let identity = LocalResource::new(move || {
        let (id, client, cancel) = (id.clone(), session.client(), cancel.clone());
        async move { client.get_user_with_body(&id, &cancel).await }
    });
    // A quick change's answer replaces what was loaded.
    let changed = RwSignal::new(None::<(ScimUser, String)>);
    view! {
        <section aria-labelledby="identity-title" class="identity-page">
            <p>
                <a href="/">"← Identities"</a>
            </p>
            <Transition fallback=|| view! { <p class="status">"Loading…"</p> }>
                <ErrorBoundary fallback=|errors| {
                    view! {
                        <h1 id="identity-title">"Identity"</h1>
                        <LoadError errors />
                    }
                }>
                    {move || {
                        let latest = changed.get();
                        Suspend::new(async move {
                            let loaded: Loaded = identity.await;
                            loaded
                                .map(|(user, raw)| {
                                    let (user, raw) = match latest {
                                        Some((u, r)) if u.id == user.id => (u, r),
                                        _ => (user, raw),
                                    };
                                    view! { <Details session user raw changed /> }
                                })
                        })
                    }}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

#[component]
fn Details(
    session: Session,
    user: ScimUser,
    raw: String,
    changed: RwSignal<Option<(ScimUser, String)>>,
) -> impl IntoView {
    let id = user.id.clone();
    let user_name = user.user_name.clone().unwrap_or_default();
    let toasts = session.toasts;
    let writable = session.can_write;
    let reason = blocked_reason();
    let deprovision = RwSignal::new(false);
    let nav = use_nav();
    // Once this identity has been removed by a run and its dialog is closed, go back to the list.
    let gone = {
        let id = id.clone();
        Memo::new(move |_| {
            session.bulk.items.with(|items| {
                items
                    .iter()
                    .any(|i| i.target.id == id && matches!(i.outcome, Outcome::Done(_)))
            })
        })
    };
    Effect::new(move |_| {
        if gone.get() && !deprovision.get() && !session.bulk.shown.get() {
            nav.go("/");
        }
    });
    let copy_id = {
        let id = id.clone();
        move |_| {
            copy(&id);
            toasts.info("scim_user_id copied.");
        }
    };
    let quick_user = user.clone();
    // As GitHub sent it: a quick change carries over what this console does not model.
    let original: Value = serde_json::from_str(&raw).unwrap_or_default();
    let target_id = id.clone();
    view! {
        <h1 id="identity-title">{user_name.clone()}</h1>
        <p class="id-line">
            "scim_user_id " <code>{id.clone()}</code> " "
            <button type="button" class="secondary" on:click=copy_id>
                "Copy id"
            </button>
        </p>
        <IdentityAttributes user=user.clone() />
        <details>
            <summary>"Raw JSON as GitHub sent it"</summary>
            // Focusable, so a keyboard can scroll it.
            <pre class="raw" tabindex="0">
                {raw}
            </pre>
        </details>
        <div class="actions">
            <Show
                when=move || writable.get()
                fallback=move || view! { <p class="why">{move || reason.get()}</p> }
            >
                <a href=routes::identity_edit(&id)>"Edit all attributes"</a>
                <button
                    type="button"
                    class="danger"
                    prop:disabled=move || session.bulk.running.get()
                    on:click=move |_| deprovision.set(true)
                >
                    "Deprovision"
                </button>
            </Show>
        </div>
        <Show when=move || writable.get()>
            <QuickEdit session user=quick_user.clone() original=original.clone() changed />
        </Show>
        {move || {
            deprovision
                .get()
                .then(|| {
                    let target = Target {
                        id: target_id.clone(),
                        user_name: user_name.clone(),
                    };
                    let on_close = Callback::new(move |()| deprovision.set(false));
                    view! { <DeprovisionDialog targets=vec![target] on_close /> }
                })
        }}
    }
}
