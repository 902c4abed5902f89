//! Edit: full replace (PUT) from a prefilled form. The body is the identity exactly as GitHub
//! sent it with only the values the owner changed written over it (`console_core::untouched`),
//! so attributes the form does not show survive; an unchanged form sends nothing. The identity
//! is read through a resource (the page is made for one id); the PUT is an action.
use console_core::form::IdentityInput;
use console_core::untouched::{replacement, shown, Save, NO_CHANGE};
use leptos::prelude::*;
use serde_json::Value;

use crate::components::gate_guard::GateGuard;
use crate::components::identity_form::IdentityForm;
use crate::components::load_error::LoadError;
use crate::nav::use_nav;
use crate::routes;
use crate::session::{use_session, view_cancel};

#[component]
pub fn EditPage(id: String) -> impl IntoView {
    let session = use_session();
    let id = StoredValue::new(id);
    let cancel = view_cancel();
    let identity = LocalResource::new(move || {
        let (id, client, cancel) = (id.get_value(), session.client(), cancel.clone());
        async move {
            let (_, raw) = client.get_user_with_body(&id, &cancel).await?;
            // Decoded as a user already, so it is a JSON object.
            Ok::<_, crate::api::ApiError>(serde_json::from_str::<Value>(&raw).unwrap_or_default())
        }
    });
    let nav = use_nav();
    let replacing = Action::new_local(move |(user_name, body): &(String, Value)| {
        let (user_name, body, id) = (user_name.clone(), body.clone(), id.get_value());
        async move {
            let result = session.replace(id.clone(), user_name.clone(), body).await;
            if result.is_ok() {
                session.toasts.info(format!("Saved {user_name}."));
                nav.go(&routes::identity(&id));
            }
            result.err()
        }
    });
    let error = Signal::derive(move || replacing.value().get().flatten());
    let busy = replacing.pending();
    // The form has checked the input; only what the owner changed is sent.
    let submit_for = move |user: Value| {
        Callback::new(
            move |input: IdentityInput| match replacement(&user, &input) {
                Ok(Save::Send(body)) => {
                    replacing.dispatch((input.user_name.trim().to_owned(), body));
                }
                Ok(Save::NoChange) => session.toasts.info(NO_CHANGE),
                Err(_) => {}
            },
        )
    };
    view! {
        <section aria-labelledby="edit-title" class="form-page">
            <h1 id="edit-title">"Edit identity"</h1>
            <GateGuard>
                <p class="note">
                    "Saving replaces the identity on GitHub: a value you empty is removed from it. "
                    "Attributes this form does not show are kept as they are, and nothing is sent "
                    "if nothing changed. For a quick change of the display name or emails, use the identity page."
                </p>
                <Transition fallback=|| view! { <p class="status">"Loading…"</p> }>
                    <ErrorBoundary fallback=|errors| {
                        view! { <LoadError errors /> }
                    }>
                        {move || Suspend::new(async move {
                            identity
                                .await
                                .map(|user| {
                                    let initial = shown(&user);
                                    let submit = submit_for(user);
                                    view! {
                                        <IdentityForm
                                            initial
                                            submit_label="Replace identity"
                                            on_submit=submit
                                            server_error=error
                                            busy
                                        />
                                    }
                                })
                        })}
                    </ErrorBoundary>
                </Transition>
            </GateGuard>
        </section>
    }
}
