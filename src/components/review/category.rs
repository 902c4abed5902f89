//! One category of the review: what it means, a filter, the rows' counts, the actions on the
//! selected rows, the exports of the rows shown, and the table.
use std::collections::HashSet;

use console_core::activity::Outcome;
use console_core::csv::Separator;
use console_core::drift::{ActionKind, CategoryId, Sort};
use console_core::selection;
use leptos::prelude::*;

use super::action_dialog::ActionDialog;
use super::drift_table::DriftTable;
use super::summary::CredentialsLoader;
use crate::browser::{download, file_stamp};
use crate::components::gate_guard::blocked_reason;
use crate::session::review::CredentialsState;
use crate::session::use_session;

/// The writes a category's rows can offer, for its bulk buttons.
fn bulk_actions(category: CategoryId) -> &'static [ActionKind] {
    match category {
        CategoryId::MembersWithoutScim | CategoryId::MembersWithoutIdentity => {
            &[ActionKind::RemoveMember]
        }
        CategoryId::UnlinkedScim => &[ActionKind::CancelInvitation, ActionKind::DeprovisionScim],
        CategoryId::StaleLinks => &[ActionKind::DeprovisionScim],
        CategoryId::Credentials => &[ActionKind::RevokeCredential],
        CategoryId::NameIdMismatch | CategoryId::OutsideCollaborators => &[],
    }
}

/// The bulk button's words: what is done to the selected rows.
fn bulk_label(kind: ActionKind) -> &'static str {
    match kind {
        ActionKind::RemoveMember => "Remove",
        ActionKind::DeprovisionScim => "Deprovision",
        ActionKind::CancelInvitation => "Cancel the invitations of",
        ActionKind::RevokeCredential => "Revoke",
        ActionKind::OpenSsoPage => "Open",
    }
}

#[component]
pub fn CategoryPanel(category: CategoryId) -> impl IntoView {
    let session = use_session();
    let store = session.review;
    let review = store.review;
    let filter = RwSignal::new(String::new());
    let sort = RwSignal::new(None::<Sort>);
    let selected = RwSignal::new(HashSet::<String>::new());
    let dialog = RwSignal::new(None::<(ActionKind, Vec<String>, usize)>);
    let positions = Memo::new(move |_| {
        let (f, s) = (filter.get(), sort.get());
        review.with(|r| {
            r.as_ref()
                .map(|r| r.category(category).view(&f, s))
                .unwrap_or_default()
        })
    });
    let total =
        Memo::new(move |_| review.with(|r| r.as_ref().map_or(0, |r| r.category(category).len())));
    let waiting_for_credentials = move || {
        category == CategoryId::Credentials && store.credentials.get() != CredentialsState::Loaded
    };
    // Rows an action resolved are no longer selected.
    let items = session.bulk.items;
    Effect::new(move |_| {
        let done: Vec<String> = items.with(|items| {
            items
                .iter()
                .filter(|i| matches!(i.outcome, Outcome::Done(_)))
                .map(|i| i.target.id.clone())
                .collect()
        });
        if selected.with_untracked(|s| done.iter().any(|k| s.contains(k))) {
            selected.update(|s| s.retain(|k| !done.contains(k)));
        }
    });
    // Selected rows the filter hides: a bulk action includes them, so the owner is told.
    let hidden = Memo::new(move |_| {
        selected.with(|s| {
            review.with(|r| {
                let Some(r) = r else { return 0 };
                let table = r.category(category);
                positions.with(|p| {
                    let shown = p
                        .iter()
                        .filter_map(|&at| table.row(at))
                        .map(|row| row.key.as_str());
                    selection::hidden(s, shown)
                })
            })
        })
    });
    let writable = session.can_write;
    let running = session.bulk.running;
    let reason = Signal::derive(move || {
        if running.get() && writable.get() {
            "A bulk run is going on (its progress is under the header).".to_owned()
        } else {
            blocked_reason().get()
        }
    });
    let open = move |kind: ActionKind| {
        // Every selected row, as on the identities page: those shown first, in the order the
        // owner sees them, then those the filter hides (the dialog says how many).
        let keys: Vec<String> = review.with_untracked(|r| {
            let Some(r) = r else { return Vec::new() };
            let table = r.category(category);
            selected.with_untracked(|s| {
                positions.with_untracked(|p| {
                    let shown = p.iter().filter_map(|&at| table.row(at));
                    let mut keys: Vec<String> = shown
                        .filter(|row| s.contains(&row.key))
                        .map(|row| row.key.clone())
                        .collect();
                    let hidden = table.rows().iter().filter(|row| s.contains(&row.key));
                    for row in hidden {
                        if !keys.contains(&row.key) {
                            keys.push(row.key.clone());
                        }
                    }
                    keys
                })
            })
        });
        dialog.set(Some((kind, keys, hidden.get_untracked())));
    };
    let export = move |kind: &'static str| {
        review.with_untracked(|r| {
            let Some(r) = r else { return };
            let shown = positions.get_untracked();
            let (body, mime) = match kind {
                "csv" => (
                    r.export_rows(category, Some(&shown))
                        .to_csv(Separator::Comma),
                    "text/csv",
                ),
                _ => (
                    serde_json::to_string_pretty(&r.category_json(category, Some(&shown)))
                        .unwrap_or_default(),
                    "application/json",
                ),
            };
            let name = format!(
                "scim-admin-review-{}-{}.{kind}",
                category.key(),
                file_stamp()
            );
            download(&name, mime, &body);
        });
    };
    let bulk_buttons = move || {
        bulk_actions(category).iter().map(move |&kind| {
            view! {
                <button
                    type="button"
                    class="danger"
                    on:click=move |_| open(kind)
                    prop:disabled=move || {
                        !writable.get() || running.get() || selected.with(HashSet::is_empty)
                    }
                    aria-describedby="review-action-why"
                >
                    {move || {
                        format!("{} selected ({})", bulk_label(kind), selected.with(HashSet::len))
                    }}
                </button>
            }
        })
        .collect_view()
    };
    view! {
        <section class="category" aria-labelledby="category-title">
            <h2 id="category-title">{category.title()}</h2>
            <p class="hint">{category.why()}</p>
            <Show
                when=move || !waiting_for_credentials()
                fallback=|| {
                    view! {
                        <div class="empty-state">
                            <p>"Credential authorizations are read on demand."</p>
                            <CredentialsLoader />
                        </div>
                    }
                }
            >
                <div class="filters">
                    <label class="filter">
                        "Filter"
                        <input
                            type="search"
                            prop:value=move || filter.get()
                            on:input=move |ev| filter.set(event_target_value(&ev))
                            placeholder="any text in the rows"
                        />
                    </label>
                </div>
                <div class="toolbar">
                    <p class="counts" role="status">
                        {move || {
                            format!(
                                "{} rows · {} shown · {}",
                                total.get(),
                                positions.with(Vec::len),
                                selection::counted(selected.with(HashSet::len), hidden.get()),
                            )
                        }}
                    </p>
                    <div class="actions">
                        {bulk_buttons} <span id="review-action-why" class="why">
                            {move || reason.get()}
                        </span>
                        <button type="button" class="secondary" on:click=move |_| export("csv")>
                            "Export shown rows (CSV)"
                        </button>
                        <button type="button" class="secondary" on:click=move |_| export("json")>
                            "Export shown rows (JSON)"
                        </button>
                    </div>
                </div>
                <DriftTable
                    category
                    positions
                    selected
                    sort
                    selectable=!bulk_actions(category).is_empty()
                    on_act=move |(kind, key): (ActionKind, String)| {
                        dialog.set(Some((kind, vec![key], 0)))
                    }
                />
            </Show>
            {move || {
                dialog
                    .get()
                    .map(|(kind, keys, hidden)| {
                        let on_close = Callback::new(move |()| dialog.set(None));
                        view! { <ActionDialog kind category keys hidden on_close /> }
                    })
            }}
        </section>
    }
}
