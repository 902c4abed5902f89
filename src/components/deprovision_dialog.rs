//! Deprovisioning one or many identities: a modal dialog that states the consequence and asks
//! for typed confirmation (the userName, or the count), then shows the session's bulk run, one
//! result per identity. The run goes on when the dialog is hidden (its progress and Stop are in
//! the header); every identity ends removed, failed (with GitHub's reason), not sent (with why)
//! or outcome unknown.
use console_core::activity::Outcome;
use console_core::confirm::confirms;
use console_core::selection;
use leptos::prelude::*;

use crate::components::typed_confirmation::TypedConfirmation;
use crate::session::bulk::Target;
use crate::session::use_session;

fn result_text(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Queued => String::new(),
        Outcome::InFlight => "sending…".into(),
        Outcome::Done(note) if note.starts_with("already") => "already removed".into(),
        Outcome::Done(_) => "removed".into(),
        other => other.to_string(),
    }
}

/// The dialog, for the run in `bulk` (or the confirmation of `targets` before it starts).
#[component]
pub fn DeprovisionDialog(
    targets: Vec<Target>,
    /// How many of `targets` the table's filter hides.
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
    let confirming = RwSignal::new(!targets.is_empty());
    let count = if targets.is_empty() {
        bulk.items.with_untracked(Vec::len)
    } else {
        targets.len()
    };
    let expected = match targets.as_slice() {
        [one] => one.user_name.clone(),
        _ => count.to_string(),
    };
    let typed = RwSignal::new(String::new());
    let targets = StoredValue::new(targets);
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
    let confirmed = {
        let expected = expected.clone();
        move || typed.with(|t| confirms(t, &expected))
    };
    let start = {
        let confirmed = confirmed.clone();
        Callback::new(move |()| {
            if confirmed() && session.can_write.get_untracked() {
                confirming.set(false);
                bulk.start(session, targets.get_value());
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
    let title = if count == 1 {
        "Deprovision 1 identity".to_owned()
    } else {
        format!("Deprovision {count} identities")
    };
    let prompt = if count == 1 {
        format!("Type the userName {expected} to confirm")
    } else {
        format!("Type the number {count} to confirm")
    };
    let shown = move || -> Vec<(String, Outcome)> {
        if confirming.get() {
            targets.with_value(|t| {
                t.iter()
                    .map(|t| (t.user_name.clone(), Outcome::Queued))
                    .collect()
            })
        } else {
            bulk.items.with(|items| {
                items
                    .iter()
                    .map(|i| (i.target.user_name.clone(), i.outcome.clone()))
                    .collect()
            })
        }
    };

    view! {
        <dialog
            node_ref=dialog
            class="dialog"
            aria-labelledby="deprovision-title"
            on:cancel=on_cancel
        >
            <h2 id="deprovision-title">{title}</h2>
            <p class="consequence">
                "Each person is removed from the organization and their SCIM identity is deleted. "
                "Their access to the organization's resources ends. Re-joining needs a new invitation "
                "(from the IdP). If the IdP still assigns them, its next sync provisions them again."
            </p>
            <Show when=move || confirming.get() && hidden != 0>
                <p class="warn">{selection::hidden_note(hidden)}</p>
            </Show>
            <Show when=move || confirming.get()>
                <TypedConfirmation prompt=prompt.clone() typed on_enter=start />
            </Show>
            <ol class="targets" aria-label="Identities to deprovision">
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
            <Show when=move || !confirming.get() && !bulk.running.get()>
                <p role="status" class="summary">
                    {move || bulk.summary("removed")}
                </p>
            </Show>
            <div class="dialog-actions">
                {move || {
                    if confirming.get() {
                        view! {
                            <button
                                type="button"
                                class="danger"
                                prop:disabled={
                                    let c = confirmed.clone();
                                    move || !c() || !session.can_write.get()
                                }
                                on:click=move |_| start.run(())
                            >
                                "Deprovision"
                            </button>
                            <button type="button" class="secondary" on:click=move |_| close()>
                                "Cancel"
                            </button>
                        }
                            .into_any()
                    } else if bulk.running.get() {
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
                    } else {
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
