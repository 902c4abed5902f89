//! Edit: full replace (PUT) from a prefilled form. What the form leaves out is removed. The
//! identity is read through a resource (the page is made for one id); the PUT is an action.
use console_core::form::IdentityInput;
use leptos::prelude::*;
use scim::provision::UserRequest;
use scim::ScimUser;

use crate::components::gate_guard::GateGuard;
use crate::components::identity_form::IdentityForm;
use crate::components::load_error::LoadError;
use crate::nav::use_nav;
use crate::routes;
use crate::session::{use_session, view_cancel};

pub fn input_from(user: &ScimUser) -> IdentityInput {
    let name = user.name.clone().unwrap_or_default();
    IdentityInput {
        user_name: user.user_name.clone().unwrap_or_default(),
        given_name: name.given_name.unwrap_or_default(),
        family_name: name.family_name.unwrap_or_default(),
        display_name: user.display_name.clone().unwrap_or_default(),
        external_id: user.external_id.clone().unwrap_or_default(),
        // The primary email first, as the form makes the first one primary.
        emails: {
            let mut emails = user.emails.clone();
            emails.sort_by_key(|e| !e.primary);
            emails.into_iter().map(|e| e.value).collect()
        },
    }
}

#[component]
pub fn EditPage(id: String) -> impl IntoView {
    let session = use_session();
    let id = StoredValue::new(id);
    let cancel = view_cancel();
    let identity = LocalResource::new(move || {
        let (id, client, cancel) = (id.get_value(), session.client(), cancel.clone());
        async move { client.get_user(&id, &cancel).await }
    });
    let nav = use_nav();
    let replacing = Action::new_local(move |request: &UserRequest| {
        let (request, id) = (request.clone(), id.get_value());
        async move {
            let result = session.replace(id.clone(), request.clone()).await;
            if result.is_ok() {
                session
                    .toasts
                    .info(format!("Replaced {}.", request.user_name));
                nav.go(&routes::identity(&id));
            }
            result.err()
        }
    });
    let error = Signal::derive(move || replacing.value().get().flatten());
    let busy = replacing.pending();
    let submit = Callback::new(move |request: UserRequest| {
        replacing.dispatch(request);
    });
    view! {
        <section aria-labelledby="edit-title" class="form-page">
            <h1 id="edit-title">"Edit identity (full replace)"</h1>
            <GateGuard>
                <p class="note">
                    "This replaces the whole identity (PUT): values you leave empty are removed from it. "
                    "For a quick change of the display name or emails, use the identity page."
                </p>
                <Transition fallback=|| view! { <p class="status">"Loading…"</p> }>
                    <ErrorBoundary fallback=|errors| {
                        view! { <LoadError errors /> }
                    }>
                        {move || Suspend::new(async move {
                            identity
                                .await
                                .map(|user| {
                                    view! {
                                        <IdentityForm
                                            initial=input_from(&user)
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
