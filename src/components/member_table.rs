//! The member table, virtualized: whatever the number of identities, the DOM holds only the
//! rows in view (plus a few), between two spacer rows that give the scrollbar its true size.
//! The rows are a fixed set of slots: slot `i` shows the `i`-th row from the top of the window,
//! so scrolling or filtering changes the text of the slots whose row changed and creates no
//! element (a slot is added or removed only when fewer rows than slots are left). Cells are
//! text only, so a name or email from the API can never become markup.
use std::collections::HashSet;

use console_core::table::{Column, Row, Sort, Table};
use console_core::table_keys::{table_key, TableKey};
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::table_nav::{show_row, sort_heading};
use super::table_slot::TableSlot;

/// Every row is exactly this tall (style/main.css keeps it so); integers keep float
/// formatting out of the wasm.
pub const ROW_PX: i32 = 33;
/// Rows rendered above and below the ones in view.
const OVERSCAN: usize = 2;

const HEADINGS: [(Column, &str); 7] = [
    (Column::UserName, "userName"),
    (Column::Name, "Display name"),
    (Column::Email, "Primary email"),
    (Column::ExternalId, "externalId"),
    (Column::Active, "Active"),
    (Column::Created, "Created"),
    (Column::LastModified, "Last modified"),
];

/// How many rows fit in `px` of viewport, with the overscan on both sides.
fn rows_for(px: i32) -> usize {
    (px.max(ROW_PX) / ROW_PX) as usize + 1 + 2 * OVERSCAN
}

/// The window's height: no viewport is taller, so it bounds the rows until the viewport has
/// been measured (an unstyled viewport is as tall as its content, so it is bounded after too).
fn window_px() -> i32 {
    window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .map_or(800, |h| h as i32)
}

/// Calls `on_height` with the element's height after every layout that changes it, without
/// forcing a layout of its own (as reading `clientHeight` while rendering would).
/// The observer and its callback are kept together, and dropped after `disconnect`.
type Watch = (web_sys::ResizeObserver, Closure<dyn Fn(js_sys::Array)>);

fn watch_height(el: &web_sys::Element, on_height: impl Fn(i32) + 'static) -> Option<Watch> {
    let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
            on_height(entry.content_rect().height() as i32);
        }
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(el);
    Some((observer, callback))
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
    let window_rows = RwSignal::new(rows_for(window_px()));
    let active = RwSignal::new(0_usize);
    let viewport = NodeRef::<leptos::html::Div>::new();
    let count = Memo::new(move |_| positions.with(Vec::len));
    let first = Memo::new(move |_| {
        let top = (scroll_top.get().max(0) / ROW_PX) as usize;
        top.saturating_sub(OVERSCAN).min(count.get())
    });
    let slots = Memo::new(move |_| window_rows.get().min(count.get() - first.get()));
    let observer = StoredValue::new_local(None::<Watch>);
    viewport.on_load(move |el| {
        let watching = watch_height(&el, move |px| {
            window_rows.try_set(rows_for(px.min(window_px())));
        });
        observer.set_value(watching);
    });
    on_cleanup(move || {
        if let Some((observer, _callback)) = observer.try_update_value(Option::take).flatten() {
            observer.disconnect();
        }
    });

    let id_at = move |index: usize| -> Option<String> {
        let at = positions.with(|p| p.get(index).copied())?;
        table.with(|t| t.row(at).map(|r| r.id.clone()))
    };
    let on_key = move |ev: KeyboardEvent| {
        let now = active.get_untracked();
        match table_key(&ev.key(), now, count.get_untracked()) {
            Some(TableKey::MoveTo(index)) => show_row(viewport, active, index),
            Some(TableKey::Open) => {
                if let Some(id) = id_at(now) {
                    on_open.run(id);
                }
            }
            Some(TableKey::Toggle) => {
                if let Some(id) = id_at(now) {
                    selected.update(|s| {
                        if !s.remove(&id) {
                            s.insert(id);
                        }
                    });
                }
            }
            None => return,
        }
        ev.prevent_default();
    };
    // Fewer selected than shown: not all are (no pass over 100,000 rows for that).
    let all_shown_selected = move || {
        let shown = count.get();
        shown > 0
            && selected.with(|s| {
                s.len() >= shown
                    && positions.with(|p| {
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
    // What slot `i` shows: the row at `first + i` of the view, and that index.
    let shown_in = move |slot: usize| {
        Memo::new(move |_| {
            let index = first.get() + slot;
            let at = positions.with(|p| p.get(index).copied())?;
            table
                .with(|t| t.row(at).cloned())
                .map(|row: Row| (index, row))
        })
    };

    view! {
        <div
            class="table-viewport"
            node_ref=viewport
            tabindex="0"
            on:keydown=on_key
            on:scroll=move |_| {
                if let Some(el) = viewport.get_untracked() {
                    scroll_top.set(el.scroll_top())
                }
            }
            role="group"
            aria-label="Identities (arrow keys move, Enter opens, Space selects)"
            // Only a rendered row can be pointed at (none when the table is empty or scrolled away).
            aria-activedescendant=move || {
                let at = active.get();
                (at >= first.get() && at < first.get() + slots.get()).then(|| format!("row-{at}"))
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
                                sort_heading(
                                    title,
                                    move || Sort::aria(sort.get(), column),
                                    move || on_sort.run(column),
                                )
                            })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    <tr
                        class="spacer"
                        aria-hidden="true"
                        style:height=move || format!("{}px", first.get() as i64 * ROW_PX as i64)
                    ></tr>
                    <For each=move || 0..slots.get() key=|slot| *slot let:slot>
                        <TableSlot row=shown_in(slot) selected active on_open />
                    </For>
                    <tr
                        class="spacer"
                        aria-hidden="true"
                        style:height=move || {
                            let below = count.get() - first.get() - slots.get();
                            format!("{}px", below as i64 * ROW_PX as i64)
                        }
                    ></tr>
                </tbody>
            </table>
        </div>
    }
}
