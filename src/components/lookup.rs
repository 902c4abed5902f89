//! Exact server lookup of one person (SCIM `eq` filter), independent of what is loaded.
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use scim::query::{EqFilter, FilterAttribute, ListQuery};
use scim::ScimUser;

use crate::api::ApiError;
use crate::session::{view_cancel, Session};

#[derive(Clone, PartialEq)]
enum Found {
    Searching,
    Users(Vec<ScimUser>),
    Failed(ApiError),
}

fn attribute(key: &str) -> FilterAttribute {
    match key {
        "emails" => FilterAttribute::Emails,
        "externalId" => FilterAttribute::ExternalId,
        "id" => FilterAttribute::Id,
        _ => FilterAttribute::UserName,
    }
}

#[component]
pub fn Lookup(session: Session) -> impl IntoView {
    let field = RwSignal::new("userName".to_owned());
    let value = RwSignal::new(String::new());
    let found = RwSignal::new(None::<Found>);
    let view_reads = view_cancel();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let wanted = value.get_untracked().trim().to_owned();
        if wanted.is_empty() {
            return;
        }
        let (client, cancel) = (session.client.clone(), view_reads.clone());
        let query = ListQuery::lookup(EqFilter::new(attribute(&field.get_untracked()), wanted));
        found.set(Some(Found::Searching));
        spawn_local(async move {
            let result = client.list_users(&query, &cancel).await;
            found.try_set(Some(match result {
                Ok(list) => Found::Users(list.resources),
                Err(e) => Found::Failed(e),
            }));
        });
    };
    view! {
        <form class="lookup" on:submit=submit role="search" aria-label="Exact lookup on GitHub">
            <label>"Look up on GitHub by"
                <select on:change=move |ev| field.set(event_target_value(&ev)) prop:value=move || field.get()>
                    <option value="userName">"userName"</option>
                    <option value="emails">"email"</option>
                    <option value="externalId">"externalId"</option>
                    <option value="id">"scim_user_id"</option>
                </select>
            </label>
            <label class="visually-hidden" for="lookup-value">"Value to look up"</label>
            <input id="lookup-value" type="search" bind:value=value placeholder="exact value" />
            <button type="submit" class="secondary">"Look up"</button>
            {move || match found.get() {
                None => ().into_any(),
                Some(Found::Searching) => view! { <span class="status">"Looking up…"</span> }.into_any(),
                Some(Found::Failed(e)) => view! { <span class="error" role="alert">{e.to_string()}</span> }.into_any(),
                Some(Found::Users(users)) if users.is_empty() => view! { <span class="status" role="status">"No identity matches exactly."</span> }.into_any(),
                Some(Found::Users(users)) => view! {
                    <ul class="found" aria-label="Lookup results">
                        {users.into_iter().map(|u| view! {
                            <li><A href=format!("/identities/{}", u.id)>{u.user_name.clone().unwrap_or_default()}</A></li>
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </form>
    }
}
