//! Edit: full replace (PUT) from a prefilled form. What the form leaves out is removed.
use console_core::form::IdentityInput;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};
use scim::provision::UserRequest;
use scim::query::percent_encode;
use scim::ScimUser;

use crate::api::ApiError;
use crate::components::gate_guard::GateGuard;
use crate::components::identity_form::IdentityForm;
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
pub fn EditPage() -> impl IntoView {
    let Some(session) = use_session() else {
        return ().into_any();
    };
    let id = use_params_map().with_untracked(|p| p.get("id").unwrap_or_default());
    let loaded = RwSignal::new(None::<Result<ScimUser, ApiError>>);
    let client = session.client.clone();
    let fetch_id = id.clone();
    let cancel = view_cancel();
    spawn_local(async move {
        loaded.try_set(Some(client.get_user(&fetch_id, &cancel).await));
    });
    let error = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let navigate = use_navigate();
    let submit = move |request: UserRequest| {
        let Some(writer) = session.writer() else {
            return;
        };
        let (id, session, navigate) = (id.clone(), session.clone(), navigate.clone());
        busy.set(true);
        spawn_local(async move {
            let result = writer.replace(&id, &request).await;
            busy.try_set(false);
            match result {
                Ok(_) => {
                    session
                        .toasts
                        .info(format!("Replaced {}.", request.user_name));
                    navigate(
                        &format!("/identities/{}", percent_encode(&id)),
                        Default::default(),
                    );
                }
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        });
    };
    view! {
        <section aria-labelledby="edit-title" class="form-page">
            <h1 id="edit-title">"Edit identity (full replace)"</h1>
            <GateGuard>
                <p class="note">"This replaces the whole identity (PUT): values you leave empty are removed from it. "
                    "For a quick change of the display name or emails, use the identity page."</p>
                {
                    let submit = submit.clone();
                    move || match loaded.get() {
                        None => view! { <p class="status">"Loading…"</p> }.into_any(),
                        Some(Err(e)) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
                        Some(Ok(user)) => view! {
                            <IdentityForm initial=input_from(&user) submit_label="Replace identity" on_submit=submit.clone() server_error=error busy />
                        }.into_any(),
                    }
                }
            </GateGuard>
        </section>
    }
    .into_any()
}
