//! Quick changes on an identity's page: the display name or the emails through PATCH, each
//! sent only when the owner changed it, and carrying over what the console does not model
//! (`console_core::untouched`).
use console_core::form::email_problem;
use console_core::untouched::{email_lines, emails_after, NO_CHANGE};
use leptos::prelude::*;
use scim::patch::PatchRequest;
use scim::ScimUser;
use serde_json::Value;

use crate::session::Session;

/// PATCH the display name or the emails without touching anything else; an unchanged value
/// sends nothing.
#[component]
pub fn QuickEdit(
    session: Session,
    user: ScimUser,
    original: Value,
    changed: RwSignal<Option<(ScimUser, String)>>,
) -> impl IntoView {
    let shown_display = user.display_name.clone().unwrap_or_default();
    let display = RwSignal::new(shown_display.clone());
    let original_emails = original
        .get("emails")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let emails = RwSignal::new(email_lines(&original_emails).join("\n"));
    let problem = RwSignal::new(None::<String>);
    let id = user.id.clone();
    let user_name = user.user_name.clone().unwrap_or_default();
    let patching = Action::new_local(move |patch: &PatchRequest| {
        let (patch, id, user_name) = (patch.clone(), id.clone(), user_name.clone());
        async move {
            let result = session.patch(id, user_name.clone(), patch).await;
            match &result {
                Ok(done) => {
                    session.toasts.info(format!("Updated {user_name}."));
                    // GitHub's answer as sent: the page's next save carries what it holds.
                    let raw = match done.body.is_empty() {
                        false => done.body.clone(),
                        true => serde_json::to_string(&done.value).unwrap_or_default(),
                    };
                    changed.try_set(Some((done.value.clone(), raw)));
                }
                Err(e) => {
                    problem.try_set(Some(e.to_string()));
                }
            }
        }
    });
    let busy = patching.pending();
    let send = move |patch: PatchRequest| {
        problem.set(None);
        patching.dispatch(patch);
    };
    let save_name = {
        move |_| {
            let value = display.get_untracked().trim().to_owned();
            if value == shown_display.trim() {
                session.toasts.info(NO_CHANGE);
                return;
            }
            send(if value.is_empty() {
                PatchRequest::default().remove("displayName")
            } else {
                PatchRequest::default().replace("displayName", value)
            });
        }
    };
    let save_emails = move |_| {
        let list: Vec<String> = emails
            .get_untracked()
            .lines()
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty())
            .collect();
        if let Some(bad) = list
            .iter()
            .find_map(|e| email_problem(e).map(|p| format!("{e}: {p}")))
        {
            problem.set(Some(bad));
            return;
        }
        if list.is_empty() {
            problem.set(Some("Keep at least one email.".into()));
            return;
        }
        match emails_after(&original_emails, &list) {
            Some(value) => send(PatchRequest::default().replace("emails", value)),
            None => session.toasts.info(NO_CHANGE),
        }
    };
    view! {
        <section class="quick" aria-labelledby="quick-title">
            <h2 id="quick-title">"Quick changes"</h2>
            <label>"Display name" <input type="text" bind:value=display /></label>
            <button
                type="button"
                class="secondary"
                prop:disabled=move || busy.get()
                on:click=save_name
            >
                "Save display name"
            </button>
            <label>
                "Emails (one per line; the first is primary)"
                <textarea rows="3" bind:value=emails></textarea>
            </label>
            <button
                type="button"
                class="secondary"
                prop:disabled=move || busy.get()
                on:click=save_emails
            >
                "Save emails"
            </button>
            <Show when=move || problem.get().is_some()>
                <p class="error" role="alert">
                    {move || problem.get()}
                </p>
            </Show>
        </section>
    }
}
