//! The review at a glance: one row per category with its count, a bar (inline SVG, its length
//! from `Summary::bar_per_mille`; the table's numbers say the same to a screen reader) and what
//! changed since the previous review in this tab. Credential authorizations load from here.
use console_core::drift::{CategoryId, Change, SummaryEntry};
use leptos::prelude::*;

use crate::session::members::mark_after_paint;
use crate::session::review::CredentialsState;
use crate::session::use_session;

fn change_text(change: Option<&Change>, compared: bool) -> String {
    match change {
        None if compared => "not in the previous review".into(),
        None => "first review in this tab".into(),
        Some(c) if c.added.is_empty() && c.resolved.is_empty() => "no change".into(),
        Some(c) => format!("{} new, {} gone", c.added.len(), c.resolved.len()),
    }
}

#[component]
pub fn Summary(shown: RwSignal<CategoryId>) -> impl IntoView {
    let session = use_session();
    let store = session.review;
    let entries = Memo::new(move |_| {
        let previous = store.previous.get();
        store.review.with(|r| {
            r.as_ref()
                .map(|r| r.summary(previous.as_ref()).entries)
                .unwrap_or_default()
        })
    });
    // The benchmark's "summary shown" (bench/): the first paint of this table.
    Effect::new(move |_| mark_after_paint("review-summary"));
    let compared = move || store.previous.with(Option::is_some);
    let row = move |entry: SummaryEntry| {
        let category = entry.category;
        let count = match entry.count {
            Some(n) => n.to_string().into_any(),
            None => view! { <CredentialsLoader /> }.into_any(),
        };
        let bar = entry.bar_per_mille.map(|per_mille| {
            view! {
                <svg
                    class="bar"
                    viewBox="0 0 1000 10"
                    preserveAspectRatio="none"
                    aria-hidden="true"
                    focusable="false"
                >
                    <rect width=per_mille height="10"></rect>
                </svg>
            }
        });
        let change = entry
            .count
            .map(|_| change_text(entry.change.as_ref(), compared()));
        view! {
            <tr class:apart=!category.is_drift()>
                <th scope="row">
                    <button
                        type="button"
                        class="category-choice"
                        aria-pressed=move || (shown.get() == category).to_string()
                        on:click=move |_| shown.set(category)
                    >
                        {category.title()}
                    </button>
                </th>
                <td class="count">{count}</td>
                <td class="bar-cell">{bar}</td>
                <td>{change}</td>
            </tr>
        }
    };
    view! {
        <table class="summary">
            <caption>"Findings per category"</caption>
            <thead>
                <tr>
                    <th scope="col">"Category"</th>
                    <th scope="col" class="count">
                        "Count"
                    </th>
                    <th scope="col">
                        <span class="visually-hidden">"Bar"</span>
                    </th>
                    <th scope="col">"Since the last review"</th>
                </tr>
            </thead>
            <tbody>{move || entries.get().into_iter().map(row).collect_view()}</tbody>
        </table>
    }
}

/// Credential authorizations are read on demand: the whole list (which also shows the
/// credentials of logins that are not members) needs its own permission.
#[component]
pub fn CredentialsLoader() -> impl IntoView {
    let session = use_session();
    let state = session.review.credentials;
    let load = move |_| session.load_credentials();
    move || match state.get() {
        CredentialsState::Loading(p) => {
            view! { <span role="status">{format!("loading… {}", p.items)}</span> }.into_any()
        }
        CredentialsState::Failed(e) => view! {
            <span class="error" role="alert">
                {format!("not loaded: {e}")}
            </span>
            " "
            <button type="button" class="secondary" on:click=load>
                "Try again"
            </button>
        }
        .into_any(),
        _ => view! {
            <button type="button" class="secondary" on:click=load>
                "Load credential authorizations"
            </button>
        }
        .into_any(),
    }
}
