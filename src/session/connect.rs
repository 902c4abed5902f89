//! Connecting, as one async function run by the app's connect `Action`: check the form, probe
//! the token (the probe alone decides the gate; it reads the first page of identities), then
//! build the session under a reactive owner of its own, which starts loading from that page. The connect page shows why when the console cannot
//! open (bad token, no access, unknown organization, unreachable API).
use console_core::connect_form::{api_base_problem, token_problem};
use console_core::gate::Gate;
use leptos::prelude::*;

use super::saved::SavedCopy;
use super::toasts::Toasts;
use super::Session;
use crate::api::{decode_page, token_store, ApiClient, Cancel, ErrorKind};
use crate::config::{Mode, RuntimeConfig};

/// What the owner typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectForm {
    pub org: String,
    pub api_base: String,
    pub token: String,
    /// "Keep the token for this tab".
    pub keep: bool,
}

/// An open session and the owner that holds its signals; `Console` disposes it on Disconnect.
#[derive(Clone)]
pub struct Connected {
    pub owner: Owner,
    pub session: Session,
}

/// GitHub organization logins: letters, digits and hyphens, at most 39 characters.
pub fn org_problem(org: &str) -> Option<&'static str> {
    if org.is_empty() {
        Some("Enter the organization's login, as in github.com/<login>.")
    } else if org.len() > 39 || !org.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        Some("An organization login has only letters, digits and hyphens (at most 39).")
    } else {
        None
    }
}

pub async fn connect(
    config: RuntimeConfig,
    form: ConnectForm,
    toasts: Toasts,
) -> Result<Connected, String> {
    let org = form.org.trim().to_owned();
    let token = form.token.trim().to_owned();
    let base = form.api_base.trim().trim_end_matches('/').to_owned();
    let direct = config.mode == Mode::Direct;
    if let Some(problem) = org_problem(&org) {
        return Err(problem.into());
    }
    if direct && token.is_empty() {
        return Err("Paste a token (classic: admin:org scope).".into());
    }
    // Before any request: a character the browser's Headers would throw on never reaches it.
    if let Some(problem) = direct.then(|| token_problem(&token)).flatten() {
        return Err(problem);
    }
    if base.is_empty() {
        return Err("Enter the API base, e.g. https://api.github.com.".into());
    }
    if let Some(problem) = api_base_problem(&base, !direct) {
        return Err(problem.into());
    }
    let config = RuntimeConfig {
        api_base: base,
        ..config
    };
    let client = ApiClient::new(&config, &org, &token);
    // The saved copy (if the owner keeps one) is read while the probe is out; it is shown
    // only if the probe opens the console.
    let saved = SavedCopy::new(config.base(), &org, config.saved_copy);
    let cancel = Cancel::new();
    let (probed, copy) = futures::join!(client.probe(&cancel), saved.read());
    let gate = client.gate().unwrap_or(Gate::Unchecked);
    if !gate.opens_console() {
        return Err(match (probed, &gate) {
            (Err(e), _) if e.kind == ErrorKind::NotFound => format!(
                "Organization “{org}” was not found, or it has no SCIM provisioning for this \
                 token (SAML SSO must be enabled, and the token's owner must be an owner)."
            ),
            (_, Gate::NoAccess { why }) => why.clone(),
            (Err(e), _) => e.to_string(),
            (Ok(_), gate) => gate.reason(),
        });
    }
    if form.keep && direct {
        token_store::remember(&token);
    } else {
        token_store::forget();
    }
    // The probe read the first page: the table starts with it (undecodable, it is asked again
    // by the load, which then says why).
    let first = probed.ok().and_then(|reply| decode_page(&reply).ok());
    let owner = Owner::new();
    let session = owner.with(|| Session::new(client, gate, toasts, saved, first, copy));
    Ok(Connected { owner, session })
}
