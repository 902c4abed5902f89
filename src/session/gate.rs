//! The SAML session gate: whether configuration actions are allowed, and why not. It opens only
//! through `probe` (a read of the org's SCIM endpoint that must not come back with
//! `X-GitHub-SSO: required`) and closes again on any answer that says the token is the problem.
use console_core::retry::Method;

use crate::api::{ApiClient, ApiError, Cancel, ErrorKind};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gate {
    Checking,
    /// The token is authorized for the organization's SAML SSO and may write.
    Authorized,
    /// The token must be authorized for SAML SSO; `url` is the validated github.com link.
    SsoRequired {
        url: Option<String>,
    },
    /// The token can read but not write (classic scope without admin:org, or a write refused).
    ReadOnly(String),
    BadCredentials(String),
    /// The API could not be reached.
    Offline(String),
    /// Anything else (unknown organization, server error).
    Failed(String),
}

impl Gate {
    pub fn allows_writes(&self) -> bool {
        *self == Gate::Authorized
    }

    /// The token can list identities.
    pub fn allows_reads(&self) -> bool {
        matches!(self, Gate::Authorized | Gate::ReadOnly(_))
    }

    /// One line for the status bar.
    pub fn label(&self) -> &'static str {
        match self {
            Gate::Checking => "Checking the token…",
            Gate::Authorized => "Authorized for SAML SSO",
            Gate::SsoRequired { .. } => "SSO authorization required",
            Gate::ReadOnly(_) => "Read-only",
            Gate::BadCredentials(_) => "Bad credentials",
            Gate::Offline(_) => "Offline",
            Gate::Failed(_) => "Not connected",
        }
    }

    /// Why configuration actions are refused (empty when they are not).
    pub fn reason(&self) -> String {
        match self {
            Gate::Authorized => String::new(),
            Gate::Checking => "Wait for the token check to finish.".into(),
            Gate::SsoRequired { .. } => {
                "Authorize this token for the organization's SAML single sign-on, then check again."
                    .into()
            }
            Gate::ReadOnly(why) => format!("This token can only read: {why}"),
            Gate::BadCredentials(why) => {
                format!("GitHub rejected the token: {why}. Disconnect and paste a valid one.")
            }
            Gate::Offline(why) => format!("The API cannot be reached: {why}"),
            Gate::Failed(why) => why.clone(),
        }
    }

    /// The gate state an error implies, if it says anything about the token.
    pub fn from_error(error: &ApiError) -> Option<Gate> {
        match &error.kind {
            ErrorKind::SsoRequired { url } => Some(Gate::SsoRequired { url: url.clone() }),
            ErrorKind::BadCredentials => Some(Gate::BadCredentials(error.detail.clone())),
            ErrorKind::Forbidden => Some(Gate::ReadOnly(error.detail.clone())),
            _ => None,
        }
    }
}

/// Reads one identity to learn what the token may do.
pub async fn probe(client: &ApiClient, cancel: &Cancel) -> Gate {
    match client.send(Method::Get, &client.users_url("?count=1"), None, cancel).await {
        Ok(answer) => match answer.scopes {
            // Classic tokens list their scopes; fine-grained tokens and apps do not.
            Some(scopes) if !scopes.split(',').any(|s| s.trim() == "admin:org") => {
                Gate::ReadOnly(format!("its scopes are `{scopes}`; writes need admin:org."))
            }
            _ => Gate::Authorized,
        },
        Err(error) => Gate::from_error(&error).unwrap_or_else(|| match error.kind {
            ErrorKind::Network | ErrorKind::Timeout => Gate::Offline(error.detail.clone()),
            ErrorKind::NotFound => Gate::Failed(format!(
                "Organization `{}` was not found, or it has no SCIM provisioning (SAML SSO must be enabled).",
                client.org()
            )),
            _ => Gate::Failed(error.to_string()),
        }),
    }
}
