//! The member table, virtualized: whatever the number of identities, the DOM holds only the
//! rows in view (plus a few), between two spacer rows that give the scrollbar its true size.
//! Cells are text only, so a name or email from the API can never become markup.
use std::collections::HashSet;

use console_core::table::{Column, Row, Sort, Table};
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

/// Every row is exactly this tall (style/main.css keeps it so); integers keep float
/// formatting out of the wasm.
pub const ROW_PX: i32 = 33;
const WINDOW_ROWS: usize = 40;
const OVERSCAN: usize = 8;

const HEADINGS: [(Column, &str); 7] = [
    (Column::UserName, "userName"),
    (Column::Name, "Display name"),
    (Column::Email, "Primary email"),
    (Column::ExternalId, "externalId"),
    (Column::Active, "Active"),
    (Column::Created, "Created"),
    (Column::LastModified, "Last modified"),
];

/// `2024-05-01T12:34:56Z` → `2024-05-01 12:34` (UTC).
pub fn short_time(rfc3339: &str) -> String {
    rfc3339
        .get(..16)
        .map(|t| t.replacen('T', " ", 1))
        .unwrap_or_else(|| rfc3339.to_owned())
}

#[component]
pub fn MemberTable(
    table: RwSignal<Table>,
    #[prop(into)] positions: Signal<Vec<u32>>,
    selected: RwSignal<HashSet<String>>,
    #[prop(into)] sort: Signal<Option<Sort>>,
    #[prop(into)] on_sort: Callback<Column>,
    #[prop(into)] on_open: Callback<String>,
) -> impl IntoView {
    let scroll_top = RwSignal::new(0_i32);
    let active = RwSignal::new(0_usize);
    let viewport = NodeRef::<leptos::html::Div>::new();
    let count = Memo::new(move |_| positions.with(Vec::len));
    let first =
        Memo::new(move |_| ((scroll_top.get().max(0) / ROW_PX) as usize).saturating_sub(OVERSCAN));
    let last = move || (first.get() + WINDOW_ROWS + 2 * OVERSCAN).min(count.get());
    let visible = move || {
        let (from, to) = (first.get().min(count.get()), last());
        let slice: Vec<u32> = positions.with(|p| p[from..to].to_vec());
        table.with(|t| {
            slice
                .iter()
                .enumerate()
                .filter_map(|(i, &at)| t.row(at).map(|r| (from + i, r.clone())))
                .collect::<Vec<(usize, Row)>>()
        })
    };
    let id_at = move |index: usize| -> Option<String> {
        let at = positions.with(|p| p.get(index).copied())?;
        table.with(|t| t.row(at).map(|r| r.id.clone()))
    };
    let move_to = move |index: usize| {
        let index = index.min(count.get_untracked().saturating_sub(1));
        active.set(index);
        if let Some(el) = viewport.get() {
            let top = index as i32 * ROW_PX;
            let height = el.client_height() - ROW_PX; // the sticky header
            let current = el.scroll_top();
            if top < current {
                el.set_scroll_top(top);
            } else if top + ROW_PX > current + height {
                el.set_scroll_top(top + ROW_PX - height);
            }
        }
    };
    let on_key = move |ev: KeyboardEvent| {
        let now = active.get_untracked();
        let page = 15;
        match ev.key().as_str() {
            "ArrowDown" => move_to(now + 1),
            "ArrowUp" => move_to(now.saturating_sub(1)),
            "PageDown" => move_to(now + page),
            "PageUp" => move_to(now.saturating_sub(page)),
            "Home" => move_to(0),
            "End" => move_to(usize::MAX),
            "Enter" => {
                if let Some(id) = id_at(now) {
                    on_open.run(id);
                }
            }
            " " => {
                if let Some(id) = id_at(now) {
                    selected.update(|s| {
                        if !s.remove(&id) {
                            s.insert(id);
                        }
                    });
                }
            }
            _ => return,
        }
        ev.prevent_default();
    };
    let all_shown_selected = move || {
        count.get() > 0
            && selected.with(|s| {
                positions.with(|p| {
                    table.with(|t| {
                        p.iter()
                            .all(|&at| t.row(at).is_some_and(|r| s.contains(&r.id)))
                    })
                })
            })
    };
    let toggle_all = move |_| {
        let select = !all_shown_selected();
        let shown: Vec<String> = positions.with(|p| {
            table.with(|t| {
                p.iter()
                    .filter_map(|&at| t.row(at).map(|r| r.id.clone()))
                    .collect()
            })
        });
        selected.update(|s| {
            for id in shown {
                if select {
                    s.insert(id);
                } else {
                    s.remove(&id);
                }
            }
        });
    };
    let sort_state = move |column: Column| match sort.get() {
        Some(s) if s.column == column && s.descending => "descending",
        Some(s) if s.column == column => "ascending",
        _ => "none",
    };

    view! {
        <div
            class="table-viewport"
            node_ref=viewport
            tabindex="0"
            on:keydown=on_key
            on:scroll=move |_| {
                if let Some(el) = viewport.get() {
                    scroll_top.set(el.scroll_top())
                }
            }
            role="group"
            aria-label="Identities (arrow keys move, Enter opens, Space selects)"
            // Only a rendered row can be pointed at (none when the table is empty or scrolled away).
            aria-activedescendant=move || {
                let at = active.get();
                (at >= first.get() && at < last()).then(|| format!("row-{at}"))
            }
        >
            <table class="members" aria-rowcount=move || count.get() + 1>
                <thead>
                    <tr aria-rowindex="1">
                        <th scope="col" class="check">
                            <input
                                type="checkbox"
                                aria-label="Select all shown"
                                prop:checked=all_shown_selected
                                on:change=toggle_all
                            />
                        </th>
                        {HEADINGS
                            .into_iter()
                            .map(|(column, title)| {
                                view! {
                                    <th scope="col" aria-sort=move || sort_state(column)>
                                        <button
                                            type="button"
                                            class="sort"
                                            on:click=move |_| on_sort.run(column)
                                        >
                                            {title}
                                            <span aria-hidden="true">
                                                {move || match sort_state(column) {
                                                    "ascending" => " ▲",
                                                    "descending" => " ▼",
                                                    _ => "",
                                                }}
                                            </span>
                                        </button>
                                    </th>
                                }
                            })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    <tr
                        class="spacer"
                        aria-hidden="true"
                        style:height=move || {
                            format!("{}px", first.get().min(count.get()) as i64 * ROW_PX as i64)
                        }
                    ></tr>
                    <For
                        each=visible
                        key=|(index, row)| (*index, row.id.clone(), row.last_modified.clone())
                        let:item
                    >
                        <TableRow index=item.0 row=item.1 selected active on_open />
                    </For>
                    <tr
                        class="spacer"
                        aria-hidden="true"
                        style:height=move || {
                            format!("{}px", (count.get() - last()) as i64 * ROW_PX as i64)
                        }
                    ></tr>
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn TableRow(
    index: usize,
    row: Row,
    selected: RwSignal<HashSet<String>>,
    active: RwSignal<usize>,
    on_open: Callback<String>,
) -> impl IntoView {
    let id = row.id.clone();
    let is_selected = {
        let id = id.clone();
        move || selected.with(|s| s.contains(&id))
    };
    let toggle = {
        let id = id.clone();
        move |_| {
            selected.update(|s| {
                if !s.remove(&id) {
                    s.insert(id.clone());
                }
            })
        }
    };
    let open = move |_| on_open.run(id.clone());
    let label = format!("Select {}", row.user_name);
    view! {
        <tr
            id=format!("row-{index}")
            aria-rowindex=index + 2
            class:active=move || active.get() == index
            class:pending=row.pending
            aria-selected=move || is_selected().to_string()
        >
            <td class="check">
                <input
                    type="checkbox"
                    aria-label=label
                    prop:checked=is_selected.clone()
                    on:change=toggle
                />
            </td>
            <td>
                <button type="button" class="link" on:click=open>
                    {row.user_name}
                </button>
            </td>
            <td>{row.name}</td>
            <td>{row.email}</td>
            <td class="mono">{row.external_id}</td>
            <td>{if row.active { "yes" } else { "no" }} {row.pending.then_some(" (pending)")}</td>
            <td>{short_time(&row.created)}</td>
            <td>{short_time(&row.last_modified)}</td>
        </tr>
    }
}
