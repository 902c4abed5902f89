//! Every attribute of one identity, in the formats the table uses (times, yes/no with
//! "(pending)", "—" for nothing), the linked account as a link to its GitHub page.
use console_core::routes::github_profile;
use leptos::prelude::*;
use scim::ScimUser;

use crate::components::table_slot::short_time;

const NOTHING: &str = "—";

fn or_nothing(value: Option<String>) -> String {
    value
        .filter(|v| !v.trim().is_empty())
        .unwrap_or_else(|| NOTHING.into())
}

fn emails(user: &ScimUser) -> String {
    let each = user.emails.iter().map(|e| {
        let kind = e
            .kind
            .as_deref()
            .map(|k| format!(" ({k})"))
            .unwrap_or_default();
        let primary = if e.primary { ", primary" } else { "" };
        format!("{}{kind}{primary}", e.value)
    });
    or_nothing(Some(each.collect::<Vec<_>>().join("; ")))
}

fn groups(user: &ScimUser) -> String {
    let each = user
        .groups
        .iter()
        .filter_map(|g| g.display.clone().or(g.value.clone()));
    or_nothing(Some(each.collect::<Vec<_>>().join(", ")))
}

#[component]
pub fn IdentityAttributes(user: ScimUser) -> impl IntoView {
    let name = user.name.clone().unwrap_or_default();
    let pending = user.profile_url.is_none();
    let active = match (user.active, pending) {
        (true, true) => "yes (pending)",
        (true, false) => "yes",
        (false, _) => "no",
    };
    let time = |t: &Option<String>| or_nothing(t.as_deref().map(short_time));
    let rows: Vec<(&str, String)> = vec![
        ("userName", or_nothing(user.user_name.clone())),
        ("Display name", or_nothing(user.display_name.clone())),
        ("Given name", or_nothing(name.given_name)),
        ("Family name", or_nothing(name.family_name)),
        (
            "externalId",
            user.external_id
                .clone()
                .unwrap_or_else(|| format!("{NOTHING} (none: not managed by an IdP link)")),
        ),
        ("Active", active.to_owned()),
        ("Emails", emails(&user)),
        ("Groups", groups(&user)),
        ("Created", time(&user.meta.created)),
        ("Last modified", time(&user.meta.last_modified)),
        ("Location", or_nothing(user.meta.location.clone())),
    ];
    let linked = match user.profile_url.as_deref() {
        None => view! { "pending: not linked to a GitHub account yet" }.into_any(),
        Some(url) => match github_profile(url) {
            Some(href) => view! {
                <a href=href.clone() target="_blank" rel="noopener noreferrer">
                    {href.clone()}
                </a>
            }
            .into_any(),
            None => view! { {url.to_owned()} }.into_any(),
        },
    };
    view! {
        <dl class="attributes">
            {rows
                .into_iter()
                .map(|(k, v)| {
                    view! {
                        <dt>{k}</dt>
                        <dd>{v}</dd>
                    }
                })
                .collect_view()} <dt>"Linked account"</dt> <dd>{linked}</dd>
        </dl>
    }
}
