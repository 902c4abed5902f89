//! Confirming one of the review's actions on one or many rows, then following its run. The
//! dialog says what the action does (the warnings of `console_core::drift`), lists the rows it
//! cannot apply to and why, asks for the typed confirmation (the name, or the count), and a
//! second one before touching the credential the console itself is using. The run belongs to
//! the session (its progress and Stop are under the header); every row ends done, failed, not
//! sent or outcome unknown.
use console_core::activity::Outcome;
use console_core::drift::{ActionKind, Availability, CategoryId, Confirmation, Review};
use console_core::selection;
use leptos::prelude::*;

use crate::components::typed_confirmation::TypedConfirmation;
use crate::session::bulk::{Job, Target};
use crate::session::use_session;

/// What the owner confirms: the rows the action applies to, those it does not (and why), the
/// warnings of all of them, and what to type.
#[derive(Debug, Clone, Default)]
struct Prepared {
    items: Vec<(Target, Job)>,
    skipped: Vec<(String, String)>,
    warnings: Vec<&'static str>,
    confirmation: Option<Confirmation>,
}

fn prepare(review: &Review, kind: ActionKind, category: CategoryId, keys: &[String]) -> Prepared {
    let table = review.category(category);
    let by_key: std::collections::HashMap<&str, &console_core::drift::DriftRow> =
        table.rows().iter().map(|r| (r.key.as_str(), r)).collect();
    let rows = keys.iter().filter_map(|k| by_key.get(k.as_str()).copied());
    let mut prepared = Prepared::default();
    let mut confirmations = Vec::new();
    for row in rows {
        let name = row.described();
        let offer = review
            .offers(category, row)
            .into_iter()
            .find(|o| o.kind == kind);
        match offer.map(|o| o.availability) {
            Some(Availability::Write(write)) => {
                for w in &write.warnings {
                    if !prepared.warnings.contains(w) {
                        prepared.warnings.push(w);
                    }
                }
                confirmations.push(write.confirmation);
                let target = Target {
                    id: row.key.clone(),
                    user_name: name,
                };
                let job = Job::Drift {
                    category,
                    plan: write.plan,
                    subject: row.subject.clone(),
                };
                prepared.items.push((target, job));
            }
            Some(Availability::Unavailable(why)) => prepared.skipped.push((name, why.into())),
            Some(Availability::Link(_)) | None => prepared
                .skipped
                .push((name, "this action does not apply to it".into())),
        }
    }
    if !confirmations.is_empty() {
        prepared.confirmation = Some(Confirmation::for_many(&confirmations));
    }
    prepared
}

fn title(kind: ActionKind, n: usize) -> String {
    let (verb, one, many) = match kind {
        ActionKind::RemoveMember => ("Remove", "member", "members"),
        ActionKind::DeprovisionScim => ("Deprovision", "SCIM identity", "SCIM identities"),
        ActionKind::CancelInvitation => ("Cancel", "invitation", "invitations"),
        ActionKind::RevokeCredential => ("Revoke", "authorization", "authorizations"),
        ActionKind::OpenSsoPage => ("Open", "page", "pages"),
    };
    format!("{verb} {n} {}", if n == 1 { one } else { many })
}

fn result_text(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Queued => String::new(),
        Outcome::InFlight => "sending…".into(),
        other => other.to_string(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Confirm,
    Second,
    Results,
}

#[component]
pub fn ActionDialog(
    kind: ActionKind,
    category: CategoryId,
    keys: Vec<String>,
    /// How many of `keys` the category's filter hides.
    #[prop(optional)]
    hidden: usize,
    on_close: Callback<()>,
) -> impl IntoView {
    let session = use_session();
    let bulk = session.bulk;
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let opener = StoredValue::new_local(document().active_element());
    Effect::new(move |_| {
        if let Some(d) = dialog.get() {
            if !d.open() {
                let _ = d.show_modal();
            }
        }
    });
    let results_only = keys.is_empty();
    let prepared = match results_only {
        true => Prepared::default(),
        false => session
            .review
            .review
            .with_untracked(|r| r.as_ref().map(|r| prepare(r, kind, category, &keys)))
            .unwrap_or_default(),
    };
    let phase = RwSignal::new(if results_only {
        Phase::Results
    } else {
        Phase::Confirm
    });
    let count = if results_only {
        bulk.items.with_untracked(Vec::len)
    } else {
        prepared.items.len()
    };
    let confirmation = prepared.confirmation.clone();
    let expected = confirmation
        .as_ref()
        .map(|c| c.typed.clone())
        .unwrap_or_default();
    let second = confirmation.as_ref().and_then(|c| c.second);
    let typed = RwSignal::new(String::new());
    let accepted = move || {
        confirmation
            .as_ref()
            .is_some_and(|c| typed.with(|t| c.accepts(t)))
    };
    let items = StoredValue::new(prepared.items.clone());
    let close = move || {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
        if let Some(el) = opener
            .get_value()
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = el.focus();
        }
        on_close.run(());
    };
    let start = move || {
        if session.can_write.get_untracked() {
            phase.set(Phase::Results);
            bulk.start_action(session, kind, items.get_value());
        }
    };
    let confirm = {
        let accepted = accepted.clone();
        Callback::new(move |()| {
            if !accepted() {
                return;
            }
            match second {
                Some(_) => phase.set(Phase::Second),
                None => start(),
            }
        })
    };
    // When the run ends its Close takes the focus (it would fall to the page).
    let close_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = close_button.get() {
            let _ = button.focus();
        }
    });
    let on_cancel = move |ev: leptos::ev::Event| {
        ev.prevent_default(); // Esc hides it; a run goes on, shown under the header
        close();
    };
    let prompt = if count == 1 {
        format!("Type {expected} to confirm")
    } else {
        format!("Type the number {count} to confirm")
    };
    let shown = move || -> Vec<(String, Outcome)> {
        match phase.get() {
            Phase::Results => bulk.items.with(|items| {
                items
                    .iter()
                    .map(|i| (i.target.user_name.clone(), i.outcome.clone()))
                    .collect()
            }),
            _ => items.with_value(|items| {
                items
                    .iter()
                    .map(|(t, _)| (t.user_name.clone(), Outcome::Queued))
                    .collect()
            }),
        }
    };
    let warnings = StoredValue::new(prepared.warnings.clone());
    let has_skipped = !prepared.skipped.is_empty();
    let skipped = StoredValue::new(prepared.skipped.clone());
    view! {
        <dialog node_ref=dialog class="dialog" aria-labelledby="action-title" on:cancel=on_cancel>
            <h2 id="action-title">{title(kind, count)}</h2>
            <Show when=move || phase.get() != Phase::Results>
                <ul class="warnings">
                    {move || {
                        warnings
                            .get_value()
                            .into_iter()
                            .map(|w| view! { <li>{w}</li> })
                            .collect_view()
                    }}
                </ul>
            </Show>
            <Show when=move || has_skipped && phase.get() != Phase::Results>
                <details open>
                    <summary>"Not included"</summary>
                    <ul class="skipped">
                        {move || {
                            skipped
                                .get_value()
                                .into_iter()
                                .map(|(name, why)| view! { <li>{name} ": " {why}</li> })
                                .collect_view()
                        }}
                    </ul>
                </details>
            </Show>
            <Show when=move || phase.get() == Phase::Confirm && hidden != 0>
                <p class="warn">{selection::hidden_note(hidden)}</p>
            </Show>
            <Show when=move || { phase.get() == Phase::Confirm && count > 0 }>
                <TypedConfirmation prompt=prompt.clone() typed on_enter=confirm />
            </Show>
            <Show when=move || phase.get() == Phase::Second>
                <p class="second" role="alert">
                    {second}
                </p>
            </Show>
            <ol class="targets" aria-label="Rows">
                {move || {
                    shown()
                        .into_iter()
                        .map(|(name, outcome)| {
                            view! {
                                <li>
                                    <span>{name}</span>
                                    " "
                                    <span class="result">{result_text(&outcome)}</span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
            <Show when=move || phase.get() == Phase::Results && !bulk.running.get()>
                <p role="status" class="summary">
                    {move || bulk.summary("done")}
                </p>
            </Show>
            <div class="dialog-actions">
                {move || match phase.get() {
                    Phase::Confirm => {
                        let accepted = accepted.clone();
                        view! {
                            <button
                                type="button"
                                class="danger"
                                prop:disabled=move || !accepted() || !session.can_write.get()
                                on:click=move |_| confirm.run(())
                            >
                                {kind.label()}
                            </button>
                            <button type="button" class="secondary" on:click=move |_| close()>
                                "Cancel"
                            </button>
                        }
                            .into_any()
                    }
                    Phase::Second => {
                        view! {
                            <button
                                type="button"
                                class="danger"
                                prop:disabled=move || !session.can_write.get()
                                on:click=move |_| start()
                            >
                                "Yes, do it anyway"
                            </button>
                            <button type="button" class="secondary" on:click=move |_| close()>
                                "Cancel"
                            </button>
                        }
                            .into_any()
                    }
                    Phase::Results if bulk.running.get() => {
                        view! {
                            <button
                                type="button"
                                class="secondary"
                                on:click=move |_| bulk.stop("stopped by the owner")
                            >
                                "Stop after the current one"
                            </button>
                            <button type="button" class="secondary" on:click=move |_| close()>
                                "Hide (the run goes on)"
                            </button>
                        }
                            .into_any()
                    }
                    Phase::Results => {
                        view! {
                            <button type="button" node_ref=close_button on:click=move |_| close()>
                                "Close"
                            </button>
                        }
                            .into_any()
                    }
                }}
            </div>
        </dialog>
    }
}
