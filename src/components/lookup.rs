//! Exact server lookup of one person (SCIM `eq` filter), independent of what is loaded. A
//! resource keyed by the submitted query: only the latest look-up is ever shown.
use console_core::form::lookup_problem;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use scim::query::{EqFilter, FilterAttribute, ListQuery};
use scim::ScimUser;

use crate::api::{ApiError, ErrorKind};
use crate::components::load_error::LoadError;
use crate::routes;
use crate::session::{use_session, view_cancel};

fn attribute(key: &str) -> FilterAttribute {
    match key {
        "emails" => FilterAttribute::Emails,
        "externalId" => FilterAttribute::ExternalId,
        "id" => FilterAttribute::Id,
        _ => FilterAttribute::UserName,
    }
}

#[component]
pub fn Lookup() -> impl IntoView {
    let session = use_session();
    let field = RwSignal::new("userName".to_owned());
    let value = RwSignal::new(String::new());
    let wanted = RwSignal::new(None::<(String, String)>);
    let cancel = view_cancel();
    let found = LocalResource::new(move || {
        let wanted = wanted.get();
        let (client, cancel) = (session.client(), cancel.clone());
        async move {
            let Some((key, text)) = wanted else {
                return Ok::<_, ApiError>(None);
            };
            if let Some(problem) = lookup_problem(&text) {
                return Err(ApiError::local(ErrorKind::NotSent, problem));
            }
            let query = ListQuery::lookup(EqFilter::new(attribute(&key), text));
            Ok(Some(client.list_users(&query, &cancel).await?.resources))
        }
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let text = value.get_untracked().trim().to_owned();
        if !text.is_empty() {
            wanted.set(Some((field.get_untracked(), text)));
        }
    };
    let results = move |users: Option<Vec<ScimUser>>| match users {
        None => ().into_any(),
        Some(users) if users.is_empty() => view! {
            <span class="status" role="status">
                "No identity matches exactly."
            </span>
        }
        .into_any(),
        Some(users) => view! {
            <ul class="found" aria-label="Lookup results">
                {users
                    .into_iter()
                    .map(|u| {
                        view! {
                            <li>
                                <a href=routes::identity(
                                    &u.id,
                                )>{u.user_name.clone().unwrap_or_default()}</a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any(),
    };
    view! {
        <form class="lookup" on:submit=submit role="search" aria-label="Exact lookup on GitHub">
            <label>
                "Look up on GitHub by"
                <select
                    on:change=move |ev| field.set(event_target_value(&ev))
                    prop:value=move || field.get()
                >
                    <option value="userName">"userName"</option>
                    <option value="emails">"email"</option>
                    <option value="externalId">"externalId"</option>
                    <option value="id">"scim_user_id"</option>
                </select>
            </label>
            <label class="visually-hidden" for="lookup-value">
                "Value to look up"
            </label>
            <input id="lookup-value" type="search" bind:value=value placeholder="exact value" />
            <button type="submit" class="secondary">
                "Look up"
            </button>
            <Transition fallback=|| view! { <span class="status">"Looking up…"</span> }>
                <ErrorBoundary fallback=|errors| {
                    view! { <LoadError errors /> }
                }>{move || Suspend::new(async move { found.await.map(results) })}</ErrorBoundary>
            </Transition>
        </form>
    }
}
