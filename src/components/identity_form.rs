//! The identity form shared by Provision (POST) and Edit (PUT): validated field by field before
//! anything is sent, with GitHub's refusals mapped back onto the fields they name.
use console_core::form::{FieldError, IdentityInput};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::api::{ApiError, ErrorKind};

const FIELDS: [&str; 6] = [
    "userName",
    "name.givenName",
    "name.familyName",
    "displayName",
    "externalId",
    "emails",
];

/// The field an API error is about: the attribute GitHub's detail names, if any.
pub fn field_of(error: &ApiError) -> Option<&'static str> {
    let detail = &error.detail;
    let named = detail.split('`').nth(1).unwrap_or(detail);
    FIELDS
        .iter()
        .find(|f| named.starts_with(*f))
        .or_else(|| FIELDS.iter().find(|f| detail.contains(*f)))
        .copied()
        .filter(|_| matches!(error.kind, ErrorKind::Invalid { .. } | ErrorKind::Conflict))
}

#[component]
pub fn IdentityForm(
    initial: IdentityInput,
    submit_label: &'static str,
    #[prop(into)] on_submit: Callback<IdentityInput>,
    #[prop(into)] server_error: Signal<Option<ApiError>>,
    #[prop(into)] busy: Signal<bool>,
) -> impl IntoView {
    let user_name = RwSignal::new(initial.user_name);
    let given = RwSignal::new(initial.given_name);
    let family = RwSignal::new(initial.family_name);
    let display = RwSignal::new(initial.display_name);
    let external = RwSignal::new(initial.external_id);
    let emails = RwSignal::new(initial.emails.join("\n"));
    let errors = RwSignal::new(Vec::<FieldError>::new());

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let input = IdentityInput {
            user_name: user_name.get_untracked(),
            given_name: given.get_untracked(),
            family_name: family.get_untracked(),
            display_name: display.get_untracked(),
            external_id: external.get_untracked(),
            emails: emails.get_untracked().lines().map(str::to_owned).collect(),
        };
        match input.validate() {
            Ok(_) => {
                errors.set(Vec::new());
                on_submit.run(input);
            }
            Err(found) => {
                focus_field(found.first());
                errors.set(found);
            }
        }
    };
    // Local problems first; then what GitHub said about a field.
    let problem = move |field: &'static str| {
        errors
            .with(|e| {
                e.iter()
                    .find(|e| {
                        e.field == field || (field == "emails" && e.field.starts_with("emails"))
                    })
                    .map(|e| e.message.clone())
            })
            .or_else(|| {
                server_error
                    .get()
                    .filter(|e| field_of(e) == Some(field))
                    .map(|e| e.to_string())
            })
    };
    let field = move |name: &'static str,
                      label: &'static str,
                      value: RwSignal<String>,
                      hint: &'static str,
                      required: bool| {
        let id = format!("field-{}", name.replace('.', "-"));
        let err_id = format!("{id}-error");
        view! {
            <div class="field">
                <label for=id.clone()>{label}{required.then_some(" (required)")}</label>
                <input
                    id=id
                    type="text"
                    bind:value=value
                    autocomplete="off"
                    required=required
                    aria-invalid=move || problem(name).is_some().to_string()
                    aria-describedby=err_id.clone()
                />
                <span class="hint">{hint}</span>
                <span id=err_id class="error">
                    {move || problem(name)}
                </span>
            </div>
        }
    };
    let general = move || {
        server_error
            .get()
            .filter(|e| field_of(e).is_none())
            .map(|e| e.to_string())
    };

    view! {
        <form class="identity" on:submit=submit novalidate>
            {field(
                "userName",
                "userName",
                user_name,
                "Must equal the SAML NameID the IdP sends, or the identity never links.",
                true,
            )}
            {field("name.givenName", "Given name", given, "", true)}
            {field("name.familyName", "Family name", family, "", true)}
            {field("displayName", "Display name", display, "", false)}
            {field(
                "externalId",
                "externalId",
                external,
                "The IdP's id for the person (Entra ID: the object identifier).",
                false,
            )}
            <div class="field">
                <label for="field-emails">
                    "Emails (required, one per line; the first is primary)"
                </label>
                <textarea
                    id="field-emails"
                    rows="3"
                    bind:value=emails
                    aria-invalid=move || problem("emails").is_some().to_string()
                    aria-describedby="field-emails-error"
                ></textarea>
                <span id="field-emails-error" class="error">
                    {move || problem("emails")}
                </span>
            </div>
            <Show when=move || general().is_some()>
                <p class="error" role="alert">
                    {general}
                </p>
            </Show>
            <button type="submit" prop:disabled=move || busy.get()>
                {move || if busy.get() { "Sending…" } else { submit_label }}
            </button>
        </form>
    }
}

/// Moves the focus to the field of `error` (the first one the form reports).
fn focus_field(error: Option<&FieldError>) {
    let Some(error) = error else { return };
    let field = error.field.split('[').next().unwrap_or_default();
    let id = format!("field-{}", field.replace('.', "-"));
    let element = document()
        .get_element_by_id(&id)
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}
