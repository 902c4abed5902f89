//! Deprovisioning one or many identities: a modal dialog that states the consequence, asks for
//! typed confirmation (the userName, or the count), then deletes one at a time with a stop
//! button and a result per identity. Nothing is sent twice; a stop leaves each identity marked
//! done, failed (with the reason) or not sent.
use console_core::table::Row;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::bulk::{run_serially, ItemOutcome, DEFAULT_GAP_MS};
use crate::api::Cancel;
use crate::session::use_session;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub id: String,
    pub user_name: String,
}

impl From<&Row> for Target {
    fn from(row: &Row) -> Self {
        Self {
            id: row.id.clone(),
            user_name: row.user_name.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Status {
    Waiting,
    Sending,
    Done(String),
    Failed(String),
    NotSent,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Confirm,
    Running,
    Finished,
}

#[component]
pub fn DeprovisionDialog(
    targets: Vec<Target>,
    #[prop(into)] on_close: Callback<Vec<String>>,
) -> impl IntoView {
    let session = use_session();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let opener = document().active_element();
    Effect::new(move |_| {
        if let Some(d) = dialog.get() {
            if !d.open() {
                let _ = d.show_modal();
            }
        }
    });
    let count = targets.len();
    let expected = if count == 1 {
        targets[0].user_name.clone()
    } else {
        count.to_string()
    };
    let typed = RwSignal::new(String::new());
    let phase = RwSignal::new(Phase::Confirm);
    let statuses = RwSignal::new(vec![Status::Waiting; count]);
    let stop = Cancel::new();
    let targets = StoredValue::new(targets);

    let close = {
        let opener = opener.clone();
        move || {
            if let Some(d) = dialog.get_untracked() {
                d.close();
            }
            if let Some(el) = opener
                .clone()
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
            {
                let _ = el.focus();
            }
            let removed = targets.with_value(|t| {
                statuses.with_untracked(|s| {
                    t.iter()
                        .zip(s)
                        .filter(|(_, st)| matches!(st, Status::Done(_)))
                        .map(|(t, _)| t.id.clone())
                        .collect()
                })
            });
            on_close.run(removed);
        }
    };
    let confirmed = {
        let expected = expected.clone();
        move || typed.with(|t| t.trim() == expected)
    };
    let start = {
        let stop = stop.clone();
        let confirmed = confirmed.clone();
        move |_| {
            let Some(writer) = session.as_ref().and_then(|s| s.writer()) else {
                return;
            };
            if !confirmed() {
                return;
            }
            phase.set(Phase::Running);
            let items: Vec<(usize, Target)> = targets.get_value().into_iter().enumerate().collect();
            let stop = stop.clone();
            spawn_local(async move {
                let set = move |i: usize, status: Status| statuses.try_update(|s| s[i] = status);
                run_serially(
                    items,
                    DEFAULT_GAP_MS,
                    &stop,
                    |(i, target)| {
                        let writer = writer.clone();
                        set(i, Status::Sending);
                        async move { writer.deprovision(&target.id, &target.user_name).await }
                    },
                    |i, outcome| {
                        set(
                            i,
                            match outcome {
                                ItemOutcome::Done(done) if done.confirmed_by_lookup => {
                                    Status::Done("already removed".into())
                                }
                                ItemOutcome::Done(_) => Status::Done("removed".into()),
                                ItemOutcome::Failed(e) => Status::Failed(e.to_string()),
                                ItemOutcome::NotSent => Status::NotSent,
                            },
                        );
                    },
                )
                .await;
                phase.try_set(Phase::Finished);
            });
        }
    };
    let on_cancel = {
        let close = close.clone();
        move |ev: leptos::ev::Event| {
            // Esc: never close mid-run (the results must be seen); otherwise close cleanly.
            ev.prevent_default();
            if phase.get_untracked() != Phase::Running {
                close();
            }
        }
    };
    let tally =
        move |pick: fn(&Status) -> bool| statuses.with(|s| s.iter().filter(|st| pick(st)).count());
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

    view! {
        <dialog node_ref=dialog class="dialog" aria-labelledby="deprovision-title" on:cancel=on_cancel>
            <h2 id="deprovision-title">{title}</h2>
            <p class="consequence">
                "Each person is removed from the organization and their SCIM identity is deleted. "
                "Their access to the organization's resources ends. Re-joining needs a new invitation "
                "(from the IdP). If the IdP still assigns them, its next sync provisions them again."
            </p>
            <Show when=move || phase.get() == Phase::Confirm>
                <label>{prompt.clone()}
                    <input type="text" autocomplete="off" bind:value=typed />
                </label>
            </Show>
            <ol class="targets" aria-label="Identities to deprovision">
                {move || targets.with_value(|t| t.iter().enumerate().map(|(i, target)| {
                    let status = move || statuses.with(|s| s[i].clone());
                    view! {
                        <li>
                            <span>{target.user_name.clone()}</span>" "
                            <span class="result">{move || match status() {
                                Status::Waiting => String::new(),
                                Status::Sending => "sending…".into(),
                                Status::Done(what) => what,
                                Status::Failed(why) => format!("failed: {why}"),
                                Status::NotSent => "not sent (stopped)".into(),
                            }}</span>
                        </li>
                    }
                }).collect_view())}
            </ol>
            <Show when=move || phase.get() == Phase::Finished>
                <p role="status" class="summary">
                    {move || format!("{} removed, {} failed, {} not sent.",
                        tally(|s| matches!(s, Status::Done(_))), tally(|s| matches!(s, Status::Failed(_))), tally(|s| matches!(s, Status::NotSent)))}
                </p>
            </Show>
            <div class="dialog-actions">
                {move || match phase.get() {
                    Phase::Confirm => view! {
                        <button type="button" class="danger" prop:disabled={let c = confirmed.clone(); move || !c()} on:click=start.clone()>"Deprovision"</button>
                        <button type="button" class="secondary" on:click={let c = close.clone(); move |_| c()}>"Cancel"</button>
                    }.into_any(),
                    Phase::Running => view! {
                        <button type="button" class="secondary" on:click={let s = stop.clone(); move |_| s.cancel()}>"Stop after the current one"</button>
                    }.into_any(),
                    Phase::Finished => view! {
                        <button type="button" on:click={let c = close.clone(); move |_| c()}>"Close"</button>
                    }.into_any(),
                }}
            </div>
        </dialog>
    }
}
