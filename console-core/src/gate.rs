//! The SAML session gate as a pure state machine. Every answer of every call goes through
//! `Gate::after`; whether a configuration action may be sent is `Gate::can_write`, nothing else.
//!
//! The rules:
//! - Only the probe (the check made on connecting and by "Check again") opens the gate, and it
//!   sets the gate to exactly what it found: open, read-only (scopes without `admin:org`),
//!   SSO required, no access (a 403 or 404 without `X-GitHub-SSO`: the token cannot read the
//!   organization's SCIM identities), or bad credentials.
//! - Any other answer can only close it further: 401 → bad credentials, 403/404 with
//!   `X-GitHub-SSO` (or a GraphQL SAML refusal) → SSO required, a plain 403 on a read of the
//!   SCIM identities → no access, a plain 403 on a write → read-only. A closed state is never
//!   replaced by a milder one, except by the probe.
//! - A plain 403 or 404 on any other read of the organization (members, external identities,
//!   invitations, credential authorizations, which need other permissions) is that read's own
//!   error, shown where it was asked: only the SCIM identities speak for "no access".
//! - Answers that say nothing about the token leave it as it is: rate limits, network errors,
//!   timeouts, 5xx, a plain 404 on a read or a write, 409, 400.
use crate::answer::Answer;

/// What kind of call an answer belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Call {
    /// The check of the token that opens the gate: a read of the organization's identities.
    Probe,
    /// Any other read of the organization's SCIM identities.
    Read,
    /// A read of the rest of the organization for the drift review (REST members,
    /// invitations, outside collaborators, credential authorizations; GraphQL external
    /// identities): its plain 403 or 404 is its own error, not the gate's.
    OrgRead,
    /// A configuration action (POST, PUT, PATCH, DELETE).
    Write,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gate {
    /// No probe has answered yet.
    Unchecked,
    /// The token is authorized for the organization's SAML SSO and may write.
    Open,
    /// The token reads but may not write: `why`.
    ReadOnly { why: String },
    /// The token must be authorized for SAML SSO; `url` is the validated github.com link.
    SsoRequired { url: Option<String> },
    /// The token cannot read the organization's SCIM identities: `why`.
    NoAccess { why: String },
    /// GitHub rejected the token (401).
    BadCredentials,
    /// The site's proxy answered itself: the owner's sign-in to the site expired. Nothing
    /// reaches GitHub until they sign in again and the probe runs.
    SignedOutOfSite,
}

impl Call {
    /// A configuration action: the gate is asked before every attempt.
    pub fn is_write(self) -> bool {
        self == Call::Write
    }
}

impl Gate {
    /// The gate after `answer` to a call of kind `call`.
    pub fn after(&self, call: Call, answer: &Answer) -> Gate {
        match (call, implied(call, answer)) {
            (Call::Probe, Some(found)) => found,
            (_, Some(closed)) if closed.severity() >= self.severity() => closed,
            _ => self.clone(),
        }
    }

    /// Configuration actions may be sent.
    pub fn can_write(&self) -> bool {
        *self == Gate::Open
    }

    /// The identities can be listed.
    pub fn can_read(&self) -> bool {
        matches!(self, Gate::Open | Gate::ReadOnly { .. })
    }

    /// The console opens on this probe result (with the gate closed where it says so); the
    /// other states are said on the connect page.
    pub fn opens_console(&self) -> bool {
        matches!(
            self,
            Gate::Open | Gate::ReadOnly { .. } | Gate::SsoRequired { .. } | Gate::SignedOutOfSite
        )
    }

    /// One line for the status bar.
    pub fn label(&self) -> &'static str {
        match self {
            Gate::Unchecked => "Not checked yet",
            Gate::Open => "Authorized for SAML SSO",
            Gate::ReadOnly { .. } => "Read-only",
            Gate::SsoRequired { .. } => "SSO authorization required",
            Gate::NoAccess { .. } => "No access",
            Gate::BadCredentials => "Bad credentials",
            Gate::SignedOutOfSite => "Signed out of this site",
        }
    }

    /// Why configuration actions are refused (empty when they are not).
    pub fn reason(&self) -> String {
        match self {
            Gate::Open => String::new(),
            Gate::Unchecked => "The token has not been checked yet.".into(),
            Gate::ReadOnly { why } => format!("This token can only read: {why}"),
            Gate::SsoRequired { .. } => {
                "Authorize this token for the organization's SAML single sign-on, then check again."
                    .into()
            }
            Gate::NoAccess { why } => why.clone(),
            Gate::BadCredentials => {
                "GitHub rejected the token. Disconnect and paste a valid one.".into()
            }
            Gate::SignedOutOfSite => "You are signed out of this site: nothing reaches GitHub \
                until you sign in again (in a new tab, so this page keeps its state), then \
                check again."
                .into(),
        }
    }

    /// How far closed: a later answer never moves the gate to a milder state.
    fn severity(&self) -> u8 {
        match self {
            Gate::Unchecked | Gate::Open => 0,
            Gate::ReadOnly { .. } => 1,
            Gate::NoAccess { .. } => 2,
            Gate::SsoRequired { .. } => 3,
            Gate::BadCredentials => 4,
            Gate::SignedOutOfSite => 5,
        }
    }
}

/// The gate an answer speaks for, or `None` when it says nothing about the token.
fn implied(call: Call, answer: &Answer) -> Option<Gate> {
    Some(match (call, answer) {
        (_, Answer::BadCredentials) => Gate::BadCredentials,
        (_, Answer::SignedOutOfSite) => Gate::SignedOutOfSite,
        (_, Answer::SsoRequired { url }) => Gate::SsoRequired { url: url.clone() },
        (
            Call::Probe,
            Answer::Success {
                scopes: Some(scopes),
            },
        ) if !scopes.split(',').any(|s| s.trim() == "admin:org") => Gate::ReadOnly {
            why: format!("its scopes are “{scopes}”; writes need admin:org."),
        },
        (Call::Probe, Answer::Success { .. }) => Gate::Open,
        (Call::Probe | Call::Read, Answer::Forbidden) => Gate::NoAccess {
            why: "GitHub refused to list the organization's identities (403): the token needs \
                  admin:org (classic) or the organization Members permission."
                .into(),
        },
        (Call::Probe, Answer::NotFound) => Gate::NoAccess {
            why: "The organization was not found, or it has no SCIM provisioning for this token \
                  (SAML SSO must be enabled, and the token's owner must be an organization owner)."
                .into(),
        },
        (Call::Write, Answer::Forbidden) => Gate::ReadOnly {
            why: "GitHub refused a write (403); the token lacks write permission.".into(),
        },
        _ => return None,
    })
}
