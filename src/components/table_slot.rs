//! One slot of the member table: a row element made once, whose text and state follow the row
//! the slot shows (`row`, a memo that notifies only when that row or its place changes).
use std::collections::HashSet;

use console_core::table::Row;
use leptos::prelude::*;

use crate::routes;

/// `2024-05-01T12:34:56Z` → `2024-05-01 12:34` (UTC).
pub fn short_time(rfc3339: &str) -> String {
    rfc3339
        .get(..16)
        .map(|t| t.replacen('T', " ", 1))
        .unwrap_or_else(|| rfc3339.to_owned())
}

#[component]
pub fn TableSlot(
    /// The row shown and its index in the view.
    row: Memo<Option<(usize, Row)>>,
    selected: RwSignal<HashSet<String>>,
    active: RwSignal<usize>,
    on_open: Callback<String>,
) -> impl IntoView {
    let index = move || row.with(|r| r.as_ref().map_or(0, |(i, _)| *i));
    let text = move |cell: fn(&Row) -> String| {
        move || row.with(|r| r.as_ref().map(|(_, r)| cell(r)).unwrap_or_default())
    };
    let id = move || row.with_untracked(|r| r.as_ref().map(|(_, r)| r.id.clone()));
    let is_selected = move || {
        row.with(|r| {
            r.as_ref()
                .is_some_and(|(_, r)| selected.with(|s| s.contains(&r.id)))
        })
    };
    let toggle = move |_| {
        if let Some(id) = id() {
            selected.update(|s| {
                if !s.remove(&id) {
                    s.insert(id);
                }
            })
        }
    };
    // A link (the identity's own URL: it opens in a new tab too), lighter to lay out than a
    // button; a plain click goes through `on_open` like Enter does.
    let href = move || row.with(|r| r.as_ref().map(|(_, r)| routes::identity(&r.id)));
    let open = move |ev: leptos::ev::MouseEvent| {
        let plain =
            ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key());
        if let (true, Some(id)) = (plain, id()) {
            ev.prevent_default();
            on_open.run(id)
        }
    };
    let pending = move || row.with(|r| r.as_ref().is_some_and(|(_, r)| r.pending));
    // Roving: only the active row's controls are Tab stops (the table is one, arrows move).
    let tab_stop = move || if active.get() == index() { "0" } else { "-1" };
    view! {
        <tr
            id=move || format!("row-{}", index())
            aria-rowindex=move || index() + 2
            class:active=move || active.get() == index()
            class:pending=pending
            aria-selected=move || is_selected().to_string()
        >
            <td class="check">
                <input
                    type="checkbox"
                    aria-label=text(|r| format!("Select {}", r.user_name))
                    tabindex=tab_stop
                    prop:checked=is_selected
                    on:change=toggle
                />
            </td>
            <td>
                <a href=href on:click=open tabindex=tab_stop title=text(|r| r.user_name.clone())>
                    {text(|r| r.user_name.clone())}
                </a>
            </td>
            // A cell cut short by its column shows its whole text on hover.
            <td title=text(|r| r.name.clone())>{text(|r| r.name.clone())}</td>
            <td title=text(|r| r.email.clone())>{text(|r| r.email.clone())}</td>
            <td class="mono" title=text(|r| r.external_id.clone())>
                {text(|r| r.external_id.clone())}
            </td>
            <td>
                {text(|r| {
                    let active = if r.active { "yes" } else { "no" };
                    if r.pending { format!("{active} (pending)") } else { active.to_owned() }
                })}
            </td>
            <td>{text(|r| short_time(&r.created))}</td>
            <td>{text(|r| short_time(&r.last_modified))}</td>
        </tr>
    }
}
