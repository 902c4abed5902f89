//! Provision: a new identity through POST (an action). Validated before sending; GitHub's
//! refusals go back onto the fields; an existing `userName` is said with a link to it.
use console_core::form::IdentityInput;
use leptos::prelude::*;
use scim::provision::UserRequest;

use crate::api::{Cancel, ErrorKind};
use crate::components::gate_guard::GateGuard;
use crate::components::identity_form::IdentityForm;
use crate::nav::use_nav;
use crate::routes;
use crate::session::use_session;

#[component]
pub fn ProvisionPage() -> impl IntoView {
    let session = use_session();
    let nav = use_nav();
    let existing = RwSignal::new(None::<String>);
    let provisioning = Action::new_local(move |request: &UserRequest| {
        let request = request.clone();
        async move {
            existing.set(None);
            match session.provision(request.clone()).await {
                Ok(done) => {
                    session.toasts.info(format!(
                        "Provisioned {}. GitHub sent an invitation; the identity stays pending until the person signs in through SAML.",
                        request.user_name
                    ));
                    nav.go(&routes::identity(&done.value.id));
                    None
                }
                Err(e) => {
                    if e.kind == ErrorKind::Conflict {
                        let found = session
                            .client()
                            .find_by_user_name(&request.user_name, &Cancel::new())
                            .await;
                        existing.try_set(found.ok().flatten().map(|u| u.id));
                    }
                    Some(e)
                }
            }
        }
    });
    let error = Signal::derive(move || provisioning.value().get().flatten());
    let busy = provisioning.pending();
    // The form has checked the input: a valid one always makes a request.
    let submit = Callback::new(move |input: IdentityInput| {
        if let Ok(request) = input.validate() {
            provisioning.dispatch(request);
        }
    });
    view! {
        <section aria-labelledby="provision-title" class="form-page">
            <h1 id="provision-title">"Provision an identity"</h1>
            <GateGuard>
                <p class="note">
                    "The SAML NameID the IdP sends for this person must equal the userName entered here "
                    "(Entra ID: its object identifier is the externalId), or the identity will never link "
                    "to their GitHub account."
                </p>
                <IdentityForm
                    initial=IdentityInput::default()
                    submit_label="Provision"
                    on_submit=submit
                    server_error=error
                    busy
                />
                {move || {
                    existing
                        .get()
                        .map(|id| {
                            view! {
                                <p class="note">
                                    "It already exists: "
                                    <a href=routes::identity(&id)>"open the existing identity"</a>
                                </p>
                            }
                        })
                }}
            </GateGuard>
        </section>
    }
}
