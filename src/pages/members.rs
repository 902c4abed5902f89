//! The identities page: load progress, quick filter, sort, exact lookup, the virtualized table,
//! and bulk deprovisioning. Filter and sort live in the URL (`?q=…&sort=…&dir=desc`), so a view
//! can be shared and survives a reload: the page starts from the URL and follows it when it
//! changes, and writes the filter back once typing pauses (a history write on every keystroke
//! cost more than the search itself).
use std::collections::HashSet;

use console_core::activity::Outcome;
use console_core::routes::with_query;
use console_core::selection;
use console_core::table::{Column, Sort, Table};
use leptos::ev;
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::deprovision_dialog::DeprovisionDialog;
use crate::components::gate_guard::blocked_reason;
use crate::components::load_progress::LoadProgress;
use crate::components::lookup::Lookup;
use crate::components::member_table::MemberTable;
use crate::components::members_empty::MembersEmpty;
use crate::components::saved_copy::SavedCopyStatus;
use crate::nav::{use_nav, Nav};
use crate::routes;
use crate::session::bulk::Target;
use crate::session::members::LoadState;
use crate::session::use_session;

/// How long typing must pause before the filter is written to the URL.
const URL_AFTER_MS: u64 = 400;

fn url_for(filter: &str, sort: Option<Sort>) -> String {
    let column = sort.map_or("", |s| s.column.key());
    let dir = if sort.is_some_and(|s| s.descending) {
        "desc"
    } else {
        ""
    };
    with_query("/", &[("q", filter), ("sort", column), ("dir", dir)])
}

fn sort_in(nav: Nav) -> Option<Sort> {
    Some(Sort {
        column: Column::from_key(&nav.query("sort")?)?,
        descending: nav.query("dir").as_deref() == Some("desc"),
    })
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
    let nav = use_nav();
    // What the URL says; the page's own state starts there and follows it when it changes
    // (a link to "/", Back), while typing runs ahead of it until the pause.
    let in_url = Memo::new(move |_| (nav.query("q").unwrap_or_default(), sort_in(nav)));
    let (filter, sort) =
        in_url.with_untracked(|(f, s)| (RwSignal::new(f.clone()), RwSignal::new(*s)));
    Effect::new(move |_| {
        let (f, s) = in_url.get();
        if filter.with_untracked(|now| *now != f) {
            filter.set(f);
        }
        if sort.get_untracked() != s {
            sort.set(s);
        }
    });
    let positions = Memo::new(move |_| {
        let (f, s) = (filter.get(), sort.get());
        members.table.with(|t| t.view(&f, s))
    });
    let pending_url = StoredValue::new(None::<TimeoutHandle>);
    let write_url = move || {
        if let Some(timer) = pending_url.try_update_value(Option::take).flatten() {
            timer.clear();
        }
        nav.replace(&url_for(&filter.get_untracked(), sort.get_untracked()));
    };
    on_cleanup(move || {
        if let Some(timer) = pending_url.try_update_value(Option::take).flatten() {
            timer.clear();
        }
    });
    let on_filter = move |ev: ev::Event| {
        filter.set(event_target_value(&ev));
        if let Some(timer) = pending_url.try_update_value(Option::take).flatten() {
            timer.clear();
        }
        let timer =
            set_timeout_with_handle(write_url, std::time::Duration::from_millis(URL_AFTER_MS));
        pending_url.set_value(timer.ok());
    };
    let on_sort = move |column: Column| {
        sort.set(Sort::after_click(sort.get_untracked(), column));
        write_url();
    };
    let on_open = move |id: String| {
        if pending_url.with_value(Option::is_some) {
            write_url(); // the list's entry in the history keeps what was typed
        }
        nav.go(&routes::identity(&id))
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
            "A deprovisioning run is going on (its progress is under the header).".to_owned()
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
    // Selected rows the filter hides: an action includes them, so the owner is told.
    let hidden = Memo::new(move |_| {
        selected.with(|s| {
            members.table.with(|t| {
                positions.with(|p| {
                    let shown = p.iter().filter_map(|&at| t.row(at)).map(|r| r.id.as_str());
                    selection::hidden(s, shown)
                })
            })
        })
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
    // While loading, GitHub's total once a page has told it; otherwise what the table holds
    // (it follows writes, and a saved copy shows whole before the refresh's first batch).
    let total = move || {
        match members.state.get() {
            LoadState::Loading => members.progress.with(|p| p.total),
            _ => None,
        }
        .unwrap_or_else(|| members.table.with(Table::len) as u64)
    };

    view! {
        <section aria-labelledby="members-title" class="members-page">
            <div class="toolbar">
                <h1 id="members-title">"Provisioned identities"</h1>
                <LoadProgress />
                <SavedCopyStatus />
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
                            "{} identities · {} shown · {}",
                            total(),
                            positions.with(Vec::len),
                            selection::counted(selected.with(HashSet::len), hidden.get()),
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
            <MembersEmpty
                filter
                shown=Signal::derive(move || positions.with(Vec::len))
                on_clear=Callback::new(move |()| {
                    filter.set(String::new());
                    write_url();
                })
                filter_input
            />
            <MemberTable table=members.table positions=positions selected sort on_sort on_open />
            {move || {
                targets
                    .get()
                    .map(|list| {
                        let on_close = Callback::new(move |()| targets.set(None));
                        let hidden = hidden.get_untracked();
                        view! { <DeprovisionDialog targets=list hidden on_close /> }
                    })
            }}
        </section>
    }
}
