//! The member table: one row per provisioned identity. Values are rendered as text only, so a
//! name or email from the API can never become markup.
use leptos::prelude::*;
use scim::ScimUser;

/// What the table shows of one identity, flattened once when the page arrives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberRow {
    pub id: String,
    pub user_name: String,
    pub name: String,
    pub email: String,
    pub external_id: String,
    pub active: bool,
    pub created: String,
    pub last_modified: String,
}

impl From<&ScimUser> for MemberRow {
    fn from(user: &ScimUser) -> Self {
        Self {
            id: user.id.clone(),
            user_name: user.user_name.clone().unwrap_or_default(),
            name: user.shown_name(),
            email: user.primary_email().unwrap_or_default().to_owned(),
            external_id: user.external_id.clone().unwrap_or_default(),
            active: user.active,
            created: user.meta.created.clone().unwrap_or_default(),
            last_modified: user.meta.last_modified.clone().unwrap_or_default(),
        }
    }
}

#[component]
pub fn MemberTable(#[prop(into)] rows: Signal<Vec<MemberRow>>) -> impl IntoView {
    view! {
        <div class="table-wrap">
        <table class="members">
            <caption class="visually-hidden">"Provisioned identities"</caption>
            <thead>
                <tr>
                    <th scope="col">"userName"</th>
                    <th scope="col">"Name"</th>
                    <th scope="col">"Primary email"</th>
                    <th scope="col">"externalId"</th>
                    <th scope="col">"Active"</th>
                    <th scope="col">"Created"</th>
                    <th scope="col">"Last modified"</th>
                </tr>
            </thead>
            <tbody>
                <For each=move || rows.get() key=|row| row.id.clone() let:row>
                    <tr>
                        <td>{row.user_name}</td>
                        <td>{row.name}</td>
                        <td>{row.email}</td>
                        <td class="mono">{row.external_id}</td>
                        <td>{if row.active { "yes" } else { "no" }}</td>
                        <td>{row.created}</td>
                        <td>{row.last_modified}</td>
                    </tr>
                </For>
            </tbody>
        </table>
        </div>
    }
}
