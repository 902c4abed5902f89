//! What the two virtualized tables (identities, the review's categories) share in the browser:
//! the active row moved and scrolled into view, and a sortable column heading. What a key does
//! and where to scroll is decided once, in `console_core::table_keys`; sort order cycles in
//! `console_core::indexed::Sort`.
use console_core::table_keys::scroll_to_show;
use leptos::prelude::*;

use super::member_table::ROW_PX;

/// Makes row `index` the active one and scrolls the table's viewport so that it shows.
pub fn show_row(viewport: NodeRef<leptos::html::Div>, active: RwSignal<usize>, index: usize) {
    active.set(index);
    if let Some(el) = viewport.get() {
        if let Some(top) = scroll_to_show(index, ROW_PX, el.client_height(), el.scroll_top()) {
            el.set_scroll_top(top);
        }
    }
}

/// A column heading that sorts on click; `state` gives its `aria-sort`, also shown as an arrow.
pub fn sort_heading(
    title: &'static str,
    state: impl Fn() -> &'static str + Copy + Send + Sync + 'static,
    on_click: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let arrow = move || match state() {
        "ascending" => " ▲",
        "descending" => " ▼",
        _ => "",
    };
    view! {
        <th scope="col" aria-sort=state>
            <button type="button" class="sort" on:click=move |_| on_click()>
                {title}
                <span aria-hidden="true">{arrow}</span>
            </button>
        </th>
    }
}
