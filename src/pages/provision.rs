//! Provision: a new identity through POST. Validated before sending; GitHub's refusals go back
//! onto the fields; a 409 says the person already exists and links to them.
use console_core::form::IdentityInput;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use scim::provision::UserRequest;
use scim::query::percent_encode;

use crate::api::{ApiError, Cancel, ErrorKind};
use crate::components::gate_guard::GateGuard;
use crate::components::identity_form::IdentityForm;
use crate::session::use_session;

#[component]
pub fn ProvisionPage() -> impl IntoView {
    let Some(session) = use_session() else {
        return ().into_any();
    };
    let error = RwSignal::new(None::<ApiError>);
    let existing = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let navigate = use_navigate();
    let submit = move |request: UserRequest| {
        let Some(writer) = session.writer() else {
            return;
        };
        let (session, navigate) = (session.clone(), navigate.clone());
        busy.set(true);
        error.set(None);
        existing.set(None);
        spawn_local(async move {
            let result = writer.provision(&request).await;
            busy.try_set(false);
            match result {
                Ok(done) => {
                    session.toasts.info(format!("Provisioned {}. GitHub sent an invitation; the identity stays pending until the person signs in through SAML.", request.user_name));
                    navigate(
                        &format!("/identities/{}", percent_encode(&done.value.id)),
                        Default::default(),
                    );
                }
                Err(e) => {
                    if e.kind == ErrorKind::Conflict {
                        let found = session
                            .client
                            .find_by_user_name(&request.user_name, &Cancel::new())
                            .await;
                        existing.try_set(found.ok().flatten().map(|u| u.id));
                    }
                    error.try_set(Some(e));
                }
            }
        });
    };
    view! {
        <section aria-labelledby="provision-title" class="form-page">
            <h1 id="provision-title">"Provision an identity"</h1>
            <GateGuard>
                <p class="note">
                    "The SAML NameID the IdP sends for this person must equal the userName entered here "
                    "(Entra ID: its object identifier is the externalId), or the identity will never link "
                    "to their GitHub account."
                </p>
                <IdentityForm initial=IdentityInput::default() submit_label="Provision" on_submit=submit.clone()
                    server_error=error busy />
                {move || existing.get().map(|id| view! {
                    <p class="note">"It already exists: " <A href=format!("/identities/{}", percent_encode(&id))>"open the existing identity"</A></p>
                })}
            </GateGuard>
        </section>
    }
    .into_any()
}
