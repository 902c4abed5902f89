//! One category's table, virtualized the way the member table is (`member_table::ROW_PX` rows
//! between two spacers, only those in view in the DOM), over the category's `DriftTable`
//! view model: a checkbox, the category's columns (text only, so nothing from the API can
//! become markup), and the row's actions (writes open the confirmation dialog, links go to
//! GitHub's page for what has no API).
use std::collections::HashSet;

use console_core::drift::{ActionKind, Availability, CategoryId, DriftRow, Offer, Sort};
use console_core::table_keys::{table_key, TableKey};
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::components::member_table::ROW_PX;
use crate::components::table_nav::{show_row, sort_heading};
use crate::session::use_session;

const WINDOW_ROWS: usize = 40;
const OVERSCAN: usize = 8;

/// The short label of a row's action button (its accessible name adds the row's name).
pub fn short_label(kind: ActionKind) -> &'static str {
    match kind {
        ActionKind::RemoveMember => "Remove",
        ActionKind::DeprovisionScim => "Deprovision",
        ActionKind::CancelInvitation => "Cancel invitation",
        ActionKind::RevokeCredential => "Revoke",
        ActionKind::OpenSsoPage => "SAML page",
    }
}

#[component]
pub fn DriftTable(
    category: CategoryId,
    #[prop(into)] positions: Signal<Vec<u32>>,
    selected: RwSignal<HashSet<String>>,
    sort: RwSignal<Option<Sort>>,
    #[prop(into)] on_act: Callback<(ActionKind, String)>,
    /// Rows have a checkbox only where the category has actions on the selected rows.
    selectable: bool,
) -> impl IntoView {
    let review = use_session().review.review;
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
        review.with(|r| {
            let Some(r) = r else { return Vec::new() };
            let table = r.category(category);
            slice
                .iter()
                .enumerate()
                .filter_map(|(i, &at)| {
                    let row = table.row(at)?;
                    Some((from + i, row.clone(), r.offers(category, row)))
                })
                .collect::<Vec<(usize, DriftRow, Vec<Offer>)>>()
        })
    };
    let key_at = move |index: usize| -> Option<String> {
        let at = positions.with(|p| p.get(index).copied())?;
        review.with(|r| Some(r.as_ref()?.category(category).row(at)?.key.clone()))
    };
    let on_key = move |ev: KeyboardEvent| {
        let now = active.get_untracked();
        match table_key(&ev.key(), now, count.get_untracked()) {
            Some(TableKey::MoveTo(index)) => show_row(viewport, active, index),
            Some(TableKey::Toggle) => {
                if let Some(key) = key_at(now) {
                    toggle(selected, key);
                }
            }
            // A row here opens nothing: its actions are its buttons.
            Some(TableKey::Open) | None => return,
        }
        ev.prevent_default();
    };
    let columns = category.columns();
    let has_details = columns.iter().any(|c| !c.in_table);
    let headings = columns
        .iter()
        .enumerate()
        .filter(|(_, spec)| spec.in_table)
        .map(move |(column, spec)| {
            sort_heading(
                spec.title,
                move || Sort::aria(sort.get(), column),
                move || sort.update(|s| *s = Sort::after_click(*s, column)),
            )
        });
    view! {
        <div
            class="table-viewport drift"
            node_ref=viewport
            tabindex="0"
            on:keydown=on_key
            on:scroll=move |_| {
                if let Some(el) = viewport.get() {
                    scroll_top.set(el.scroll_top())
                }
            }
            role="group"
            aria-label=format!("{} (arrow keys move, Space selects)", category.title())
            // Only a rendered row can be pointed at (none when the table is empty or scrolled away).
            aria-activedescendant=move || {
                let at = active.get();
                (at >= first.get() && at < last()).then(|| format!("drift-row-{at}"))
            }
        >
            <table class="drift" aria-rowcount=move || count.get() + 1>
                <thead>
                    <tr aria-rowindex="1">
                        {selectable
                            .then(|| {
                                view! {
                                    <th scope="col" class="check">
                                        <span class="visually-hidden">"Selected"</span>
                                    </th>
                                }
                            })} {headings.collect_view()}
                        {has_details.then(|| view! { <th scope="col">"Details"</th> })}
                        <th scope="col" class="row-actions">
                            "Actions"
                        </th>
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
                    <For each=visible key=|(index, row, _)| (*index, row.key.clone()) let:item>
                        <Row
                            index=item.0
                            row=item.1
                            offers=item.2
                            selected
                            active
                            on_act
                            selectable
                            category
                        />
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

fn toggle(selected: RwSignal<HashSet<String>>, key: String) {
    selected.update(|s| {
        if !s.remove(&key) {
            s.insert(key);
        }
    });
}

#[component]
fn Row(
    index: usize,
    row: DriftRow,
    offers: Vec<Offer>,
    selected: RwSignal<HashSet<String>>,
    active: RwSignal<usize>,
    on_act: Callback<(ActionKind, String)>,
    selectable: bool,
    category: CategoryId,
) -> impl IntoView {
    let session = use_session();
    // The one `can_write`, per row as for the bulk buttons; the reason is beside those.
    let (writable, running) = (session.can_write, session.bulk.running);
    let name = row.name().to_owned();
    let described = row.described();
    // Roving: only the active row's controls are Tab stops (the table is one, arrows move).
    let tab_stop = move || if active.get() == index { "0" } else { "-1" };
    let key = row.key.clone();
    let is_selected = {
        let key = key.clone();
        move || selected.with(|s| s.contains(&key))
    };
    let on_toggle = {
        let key = key.clone();
        move |_| toggle(selected, key.clone())
    };
    let actions = offers
        .into_iter()
        .map(|offer| {
            let label = short_label(offer.kind);
            let named = format!("{label} {described}");
            match offer.availability {
                Availability::Write(_) => {
                    let (kind, key) = (offer.kind, key.clone());
                    view! {
                        <button
                            type="button"
                            class="secondary small"
                            aria-label=named
                            aria-describedby="review-action-why"
                            tabindex=tab_stop
                            prop:disabled=move || !writable.get() || running.get()
                            on:click=move |_| on_act.run((kind, key.clone()))
                        >
                            {label}
                        </button>
                    }
                    .into_any()
                }
                Availability::Link(href) => view! {
                    <a
                        href=href
                        target="_blank"
                        rel="noopener noreferrer"
                        aria-label=named
                        tabindex=tab_stop
                    >
                        {label}
                        " ↗"
                    </a>
                }
                .into_any(),
                Availability::Unavailable(why) => view! {
                    <span class="why" title=why>
                        {format!("{}: {why}", offer.kind.label())}
                    </span>
                }
                .into_any(),
            }
        })
        .collect_view();
    let columns = category.columns();
    let cells = columns
        .iter()
        .zip(&row.cells)
        .filter(|(spec, _)| spec.in_table)
        .map(|(_, cell)| {
            let (title, text) = (cell.display(), cell.display());
            view! { <td title=title>{text}</td> }
        })
        .collect_view();
    // The columns a wide category keeps out of the table, in one cell (whole on hover).
    let details = columns.iter().any(|c| !c.in_table).then(|| {
        let text = row.details(columns);
        let title = text.clone();
        view! {
            <td class="details" title=title>
                {text}
            </td>
        }
    });
    view! {
        <tr
            id=format!("drift-row-{index}")
            aria-rowindex=index + 2
            class:active=move || active.get() == index
            aria-selected=move || is_selected().to_string()
        >
            {selectable
                .then(|| {
                    view! {
                        <td class="check">
                            <input
                                type="checkbox"
                                aria-label=format!("Select {name}")
                                tabindex=tab_stop
                                prop:checked=is_selected.clone()
                                on:change=on_toggle
                            />
                        </td>
                    }
                })}
            {cells}
            {details}
            <td class="row-actions">
                <div class="acts">{actions}</div>
            </td>
        </tr>
    }
}
