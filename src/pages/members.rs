//! The identities page: load progress, quick filter, sort, exact lookup, the virtualized table,
//! and bulk deprovisioning. Filter and sort live in the URL (`?q=…&sort=…&dir=desc`), so a view
//! can be shared and survives a reload.
use std::collections::HashSet;

use console_core::activity::Outcome;
use console_core::table::{Column, Sort, Table};
use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use scim::query::percent_encode;
use wasm_bindgen::JsCast;

use crate::components::deprovision_dialog::DeprovisionDialog;
use crate::components::gate_guard::blocked_reason;
use crate::components::load_progress::LoadProgress;
use crate::components::lookup::Lookup;
use crate::components::member_table::MemberTable;
use crate::routes;
use crate::session::bulk::Target;
use crate::session::members::LoadState;
use crate::session::use_session;

fn url_for(filter: &str, sort: Option<Sort>) -> String {
    let mut parts = Vec::new();
    if !filter.is_empty() {
        parts.push(format!("q={}", percent_encode(filter)));
    }
    if let Some(sort) = sort {
        parts.push(format!("sort={}", sort.column.key()));
        if sort.descending {
            parts.push("dir=desc".into());
        }
    }
    if parts.is_empty() {
        "/".into()
    } else {
        format!("/?{}", parts.join("&"))
    }
}

/// A value of the page's query string, decoded exactly once. (leptos_router 0.8's query map
/// decodes its values a second time, so a filter typed as `%41` would come back as `A`:
/// leptos-rs/leptos#4731, fixed for 0.9.)
fn query_value(search: &str, key: &str) -> Option<String> {
    web_sys::UrlSearchParams::new_with_str(search)
        .ok()?
        .get(key)
}

/// True when the key press happened in a field where `/` is just a character.
fn typing(ev: &ev::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

#[component]
pub fn MembersPage() -> impl IntoView {
    let session = use_session();
    let members = session.members;
    let search = use_location().search;
    let navigate = use_navigate();
    let filter = Memo::new(move |_| search.with(|s| query_value(s, "q")).unwrap_or_default());
    let sort = Memo::new(move |_| {
        search.with(|s| {
            let column = Column::from_key(&query_value(s, "sort")?)?;
            Some(Sort {
                column,
                descending: query_value(s, "dir").as_deref() == Some("desc"),
            })
        })
    });
    let positions = Memo::new(move |_| {
        let (f, s) = (filter.get(), sort.get());
        members.table.with(|t| t.view(&f, s))
    });
    let go = {
        let navigate = navigate.clone();
        move |url: String| {
            navigate(
                &url,
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            )
        }
    };
    let on_filter = {
        let go = go.clone();
        move |ev: ev::Event| go(url_for(&event_target_value(&ev), sort.get_untracked()))
    };
    let on_sort = {
        let go = go.clone();
        move |column: Column| {
            let next = match sort.get_untracked() {
                Some(s) if s.column == column && !s.descending => Some(Sort {
                    column,
                    descending: true,
                }),
                Some(s) if s.column == column => None,
                _ => Some(Sort {
                    column,
                    descending: false,
                }),
            };
            go(url_for(&filter.get_untracked(), next));
        }
    };
    let on_open = {
        let navigate = navigate.clone();
        move |id: String| navigate(&routes::identity(&id), NavigateOptions::default())
    };

    let filter_input = NodeRef::<leptos::html::Input>::new();
    let shortcut = window_event_listener(ev::keydown, move |ev| {
        if ev.key() == "/" && !typing(&ev) {
            if let Some(input) = filter_input.get() {
                ev.prevent_default();
                let _ = input.focus();
            }
        }
    });
    on_cleanup(move || shortcut.remove());

    let selected = RwSignal::new(HashSet::<String>::new());
    let targets = RwSignal::new(None::<Vec<Target>>);
    let writable = session.can_write;
    let running = session.bulk.running;
    let reason = Signal::derive(move || {
        if running.get() && writable.get() {
            "A deprovisioning run is going on (see the header).".to_owned()
        } else {
            blocked_reason().get()
        }
    });
    // Identities a run removed are no longer selected.
    let items = session.bulk.items;
    Effect::new(move |_| {
        let removed: Vec<String> = items.with(|items| {
            items
                .iter()
                .filter(|i| matches!(i.outcome, Outcome::Done(_)))
                .map(|i| i.target.id.clone())
                .collect()
        });
        if selected.with_untracked(|s| removed.iter().any(|id| s.contains(id))) {
            selected.update(|s| {
                removed.iter().for_each(|id| {
                    s.remove(id);
                })
            });
        }
    });
    let open_dialog = move |_| {
        // In table order, so the dialog lists them as the owner saw them.
        let chosen: Vec<Target> = members.table.with_untracked(|t| {
            selected.with_untracked(|s| {
                (0..t.len() as u32)
                    .filter_map(|at| t.row(at))
                    .filter(|r| s.contains(&r.id))
                    .map(Target::from)
                    .collect()
            })
        });
        targets.set(Some(chosen));
    };
    // While loading, GitHub's total; afterwards what the table holds (it follows writes).
    let total = move || match members.state.get() {
        LoadState::Done => members.table.with(Table::len) as u64,
        _ => members.progress.with(|p| p.total.unwrap_or(p.loaded)),
    };

    view! {
        <section aria-labelledby="members-title" class="members-page">
            <div class="toolbar">
                <h1 id="members-title">"Provisioned identities"</h1>
                <LoadProgress />
            </div>
            <div class="filters">
                <label class="filter">
                    "Filter"
                    <input
                        type="search"
                        node_ref=filter_input
                        prop:value=move || filter.get()
                        on:input=on_filter
                        placeholder="userName, name, email or externalId  ( / )"
                        aria-keyshortcuts="/"
                    />
                </label>
                <Lookup />
            </div>
            <div class="toolbar">
                <p class="counts" role="status">
                    {move || {
                        format!(
                            "{} identities · {} shown · {} selected",
                            total(),
                            positions.with(Vec::len),
                            selected.with(HashSet::len),
                        )
                    }}
                </p>
                <div class="actions">
                    <button
                        type="button"
                        class="danger"
                        on:click=open_dialog
                        prop:disabled=move || {
                            !writable.get() || running.get() || selected.with(HashSet::is_empty)
                        }
                        aria-describedby="deprovision-why"
                    >
                        {move || format!("Deprovision selected ({})", selected.with(HashSet::len))}
                    </button>
                    <span id="deprovision-why" class="why">
                        {move || reason.get()}
                    </span>
                </div>
            </div>
            {move || {
                let empty = members.table.with(|t| t.is_empty());
                let done = members.state.get() == LoadState::Done;
                (empty && done)
                    .then(|| {
                        view! {
                            <p class="empty">
                                "This organization has no SCIM provisioned identities yet."
                            </p>
                        }
                    })
            }}
            <MemberTable table=members.table positions=positions selected sort on_sort on_open />
            {move || {
                targets
                    .get()
                    .map(|list| {
                        let on_close = Callback::new(move |()| targets.set(None));
                        view! { <DeprovisionDialog targets=list on_close /> }
                    })
            }}
        </section>
    }
}
