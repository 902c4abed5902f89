//! One identity: every attribute, meta, the raw JSON on demand, copy its scim_user_id, quick
//! changes through PATCH (display name, emails), and links to edit and deprovision. Read through
//! a resource that follows the route's id; written through actions.
use console_core::activity::Outcome;
use console_core::form::email_problem;
use leptos::prelude::*;
use scim::patch::PatchRequest;
use scim::ScimUser;
use serde_json::json;

use crate::api::ApiError;
use crate::browser::copy;
use crate::components::deprovision_dialog::DeprovisionDialog;
use crate::components::gate_guard::blocked_reason;
use crate::components::load_error::LoadError;
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
    let name = user.name.clone().unwrap_or_default();
    let quick_user = user.clone();
    let target_id = id.clone();
    let rows: Vec<(&str, String)> = vec![
        ("userName", user_name.clone()),
        (
            "Display name",
            user.display_name.clone().unwrap_or_default(),
        ),
        ("Given name", name.given_name.unwrap_or_default()),
        ("Family name", name.family_name.unwrap_or_default()),
        (
            "externalId",
            user.external_id
                .clone()
                .unwrap_or_else(|| "— (none: not managed by an IdP link)".into()),
        ),
        ("Active", user.active.to_string()),
        (
            "Linked account",
            user.profile_url
                .clone()
                .unwrap_or_else(|| "pending: not linked to a GitHub account yet".into()),
        ),
        (
            "Emails",
            user.emails
                .iter()
                .map(|e| {
                    format!(
                        "{}{}{}",
                        e.value,
                        e.kind
                            .as_deref()
                            .map(|k| format!(" ({k})"))
                            .unwrap_or_default(),
                        if e.primary { ", primary" } else { "" }
                    )
                })
                .collect::<Vec<_>>()
                .join("; "),
        ),
        (
            "Groups",
            Some(
                user.groups
                    .iter()
                    .filter_map(|g| g.display.clone().or(g.value.clone()))
                    .collect::<Vec<_>>()
                    .join(", "),
            )
            .filter(|g| !g.is_empty())
            .unwrap_or_else(|| "—".into()),
        ),
        ("Created", user.meta.created.clone().unwrap_or_default()),
        (
            "Last modified",
            user.meta.last_modified.clone().unwrap_or_default(),
        ),
        ("Location", user.meta.location.clone().unwrap_or_default()),
    ];
    view! {
        <h1 id="identity-title">{user_name.clone()}</h1>
        <p class="id-line">
            "scim_user_id " <code>{id.clone()}</code> " "
            <button type="button" class="secondary" on:click=copy_id>
                "Copy id"
            </button>
        </p>
        <dl class="attributes">
            {rows
                .into_iter()
                .map(|(k, v)| {
                    view! {
                        <dt>{k}</dt>
                        <dd>{v}</dd>
                    }
                })
                .collect_view()}
        </dl>
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
                <a href=routes::identity_edit(&id)>"Edit (full replace)"</a>
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
            <QuickEdit session user=quick_user.clone() changed />
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

/// PATCH the display name or the emails without touching anything else.
#[component]
fn QuickEdit(
    session: Session,
    user: ScimUser,
    changed: RwSignal<Option<(ScimUser, String)>>,
) -> impl IntoView {
    let display = RwSignal::new(user.display_name.clone().unwrap_or_default());
    let emails = RwSignal::new(
        user.emails
            .iter()
            .map(|e| e.value.clone())
            .collect::<Vec<_>>()
            .join("\n"),
    );
    let problem = RwSignal::new(None::<String>);
    let id = user.id.clone();
    let user_name = user.user_name.clone().unwrap_or_default();
    let patching = Action::new_local(move |patch: &PatchRequest| {
        let (patch, id, user_name) = (patch.clone(), id.clone(), user_name.clone());
        async move {
            let result = session.patch(id, user_name.clone(), patch).await;
            match &result {
                Ok(done) => {
                    session.toasts.info(format!("Updated {user_name}."));
                    let raw = serde_json::to_string_pretty(&done.value).unwrap_or_default();
                    changed.try_set(Some((done.value.clone(), raw)));
                }
                Err(e) => {
                    problem.try_set(Some(e.to_string()));
                }
            }
        }
    });
    let busy = patching.pending();
    let send = move |patch: PatchRequest| {
        problem.set(None);
        patching.dispatch(patch);
    };
    let save_name = {
        move |_| {
            let value = display.get_untracked().trim().to_owned();
            send(if value.is_empty() {
                PatchRequest::default().remove("displayName")
            } else {
                PatchRequest::default().replace("displayName", value)
            });
        }
    };
    let save_emails = move |_| {
        let list: Vec<String> = emails
            .get_untracked()
            .lines()
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty())
            .collect();
        if let Some(bad) = list
            .iter()
            .find_map(|e| email_problem(e).map(|p| format!("{e}: {p}")))
        {
            problem.set(Some(bad));
            return;
        }
        if list.is_empty() {
            problem.set(Some("Keep at least one email.".into()));
            return;
        }
        let value: Vec<_> = list
            .iter()
            .enumerate()
            .map(|(i, e)| json!({"value": e, "primary": i == 0, "type": "work"}))
            .collect();
        send(PatchRequest::default().replace("emails", value));
    };
    view! {
        <section class="quick" aria-labelledby="quick-title">
            <h2 id="quick-title">"Quick changes (PATCH)"</h2>
            <label>"Display name" <input type="text" bind:value=display /></label>
            <button
                type="button"
                class="secondary"
                prop:disabled=move || busy.get()
                on:click=save_name
            >
                "Save display name"
            </button>
            <label>
                "Emails (one per line; the first is primary)"
                <textarea rows="3" bind:value=emails></textarea>
            </label>
            <button
                type="button"
                class="secondary"
                prop:disabled=move || busy.get()
                on:click=save_emails
            >
                "Save emails"
            </button>
            <Show when=move || problem.get().is_some()>
                <p class="error" role="alert">
                    {move || problem.get()}
                </p>
            </Show>
        </section>
    }
}
